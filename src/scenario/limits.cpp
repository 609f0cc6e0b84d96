#include "scenario/limits.hpp"

#include <algorithm>
#include <string>

namespace nofly::scenario::limits {

namespace {

/// Drones of a run: flights written out plus traffic counts.
std::int64_t droneCount(const Scenario& scenario) {
    std::int64_t drones = static_cast<std::int64_t>(scenario.flights.size());
    for (const TrafficGenerator& traffic : scenario.traffic) drones += std::max(traffic.count, 0);
    return drones;
}

} // namespace

std::string grouped(std::int64_t value) {
    const std::string digits = std::to_string(value);
    const std::size_t sign = value < 0 ? 1 : 0;
    std::string out = digits.substr(0, sign);
    for (std::size_t i = sign; i < digits.size(); ++i) {
        if (i > sign && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

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

void checkSensors(const Scenario& scenario, core::Diagnostics& diagnostics) {
    const Millis duration = scenario.time.end - scenario.time.start;
    if (scenario.sensors.empty() || duration <= 0) return;
    const std::int64_t drones = droneCount(scenario);
    // each sensor scans at the start and then every update, and each scan looks at every drone in the air
    std::int64_t scans = 0, looks = 0;
    double falseAlarms = 0.0;
    bool scansReported = false, looksReported = false, alarmsReported = false;
    for (const Sensor& sensor : scenario.sensors) {
        if (sensor.update <= 0) continue; // refused at its line already
        const std::int64_t own = duration / sensor.update + 1;
        scans += own;
        looks = own > (kMaxSensorLooks - looks) / std::max<std::int64_t>(drones, 1) ? kMaxSensorLooks + 1
                                                                                      : looks + own * drones;
        falseAlarms += std::max(sensor.falseAlarmsPerHour, 0.0) * static_cast<double>(duration) / 3600000.0;
        const std::string who = "sensor '" + sensor.id + "'";
        if (scans > kMaxSensorScans && !scansReported) {
            scansReported = true;
            diagnostics.error(sensor.where,
                              who + " brings the sensors' scans over the run to " + grouped(scans) + " (budget " +
                                  grouped(kMaxSensorScans) + " for all sensors together)",
                              "give the sensors a longer 'update' (a radar turns in about 1 s to 5 s), or fewer "
                              "sensors");
        } else if (looks > kMaxSensorLooks && !looksReported && !scansReported) {
            looksReported = true;
            diagnostics.error(sensor.where,
                              who + " brings the sensors' scans times the " + grouped(drones) +
                                  " drones to more than " + grouped(kMaxSensorLooks) + " (budget " +
                                  grouped(kMaxSensorLooks) + " drone looks for all sensors together)",
                              "give the sensors a longer 'update', or lower the traffic counts");
        }
        if (falseAlarms > static_cast<double>(kMaxFalseAlarms) && !alarmsReported) {
            alarmsReported = true;
            diagnostics.error(sensor.where,
                              who + " brings the false alarms expected over the run to " +
                                  grouped(static_cast<std::int64_t>(falseAlarms)) + " (budget " +
                                  grouped(kMaxFalseAlarms) + " for all sensors together)",
                              "lower the sensors' 'false-alarms' (per hour), or shorten the scenario");
        }
    }
}

void checkVariantWork(std::size_t variants, std::size_t values, std::size_t corners,
                      const core::SourceLocation& variantsAt, core::Diagnostics& diagnostics) {
    if (variants == 0) return;
    // variants are fewer than the values (1,000,000), corners fewer than the bytes read: no overflow
    const auto loads = static_cast<std::int64_t>(variants) + 1;
    const auto size = static_cast<std::int64_t>(values + corners);
    if (loads * size <= kMaxVariantWork) return;
    diagnostics.error(variantsAt,
                      "checking the " + grouped(static_cast<std::int64_t>(variants)) + " variants loads the scenario " +
                          grouped(loads) + " times: " + grouped(loads) + " x " + grouped(size) +
                          " values and zone corners = " + grouped(loads * size) + " (budget " +
                          grouped(kMaxVariantWork) + ")",
                      "fewer variants, or a smaller scenario: put groups of variants in scenarios of their own");
}

} // namespace nofly::scenario::limits
