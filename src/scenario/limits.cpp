#include "scenario/limits.hpp"

#include <string>

namespace nofly::scenario::limits {

namespace {

/// "20,000" for messages.
std::string grouped(std::int64_t value) {
    std::string digits = std::to_string(value), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

} // namespace

std::string ringProblem(std::size_t points) {
    if (points <= kMaxRingPoints) return {};
    return "too many points: " + grouped(static_cast<std::int64_t>(points)) + " (limit " + grouped(kMaxRingPoints) +
           ")";
}

std::string zonesProblem(std::size_t zones) {
    if (zones <= kMaxZones) return {};
    return "too many zones: " + grouped(static_cast<std::int64_t>(zones)) + " (limit " + grouped(kMaxZones) + ")";
}

std::size_t vertexCount(const core::Region& region) {
    std::size_t count = region.circles.size();
    for (const core::Polygon& polygon : region.polygons) {
        count += polygon.outer.size();
        for (const core::Ring& hole : polygon.holes) count += hole.size();
    }
    for (const core::Corridor& corridor : region.corridors) count += corridor.path.size();
    return count;
}

void checkCounts(const Scenario& scenario, const core::SourceLocation& timeAt, core::Diagnostics& diagnostics) {
    // the corners of all zones
    std::size_t vertices = 0;
    for (const Zone& zone : scenario.zones) {
        const std::size_t own = vertexCount(zone.region);
        const bool passed = vertices <= kMaxVertices && vertices + own > kMaxVertices;
        vertices += own;
        if (passed)
            diagnostics.error(zone.where,
                              "too many zone corners: zone '" + zone.id + "' brings them to " +
                                  grouped(static_cast<std::int64_t>(vertices)) + " (limit " + grouped(kMaxVertices) +
                                  ")",
                              "simplify the outlines, or include only the zones of the scenario's area");
    }

    // drones: flights written out, then each traffic's count
    std::size_t drones = 0;
    bool reported = false;
    auto addDrones = [&](std::size_t count, const core::SourceLocation& where, const std::string& what) {
        drones += count;
        if (drones > kMaxDrones && !reported) {
            reported = true;
            diagnostics.error(where,
                              "too many drones: " + what + " brings them to " +
                                  grouped(static_cast<std::int64_t>(drones)) + " (limit " + grouped(kMaxDrones) + ")",
                              "lower the traffic counts; a sample of the traffic shows the same shares");
        }
    };
    for (const Flight& flight : scenario.flights) addDrones(1, flight.where, "flight '" + flight.id + "'");
    for (const TrafficGenerator& traffic : scenario.traffic)
        addDrones(static_cast<std::size_t>(std::max(traffic.count, 0)), traffic.where,
                  "traffic '" + traffic.id + "'");

    // steps, and drone-steps: what a run costs
    if (scenario.time.step <= 0 || scenario.time.end <= scenario.time.start) return;
    const std::int64_t steps = (scenario.time.end - scenario.time.start) / scenario.time.step;
    if (steps > kMaxSteps) {
        diagnostics.error(timeAt,
                          "the run would take " + grouped(steps) + " steps (limit " + grouped(kMaxSteps) + ")",
                          "make the step longer or the scenario shorter; 1 s suits most scenarios");
        return;
    }
    if (!reported && static_cast<std::int64_t>(drones) * steps > kMaxDroneSteps)
        diagnostics.error(timeAt,
                          "the run would take " + grouped(static_cast<std::int64_t>(drones)) + " drones times " +
                              grouped(steps) + " steps = " + grouped(static_cast<std::int64_t>(drones) * steps) +
                              " drone-steps (limit " + grouped(kMaxDroneSteps) + ")",
                          "shorten the scenario, lengthen the step or lower the traffic counts");
}

} // namespace nofly::scenario::limits
