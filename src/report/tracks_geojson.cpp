#include "report/tracks_geojson.hpp"

#include "report/ledger.hpp"
#include "report/scene.hpp"
#include "sim/verdict.hpp"

#include "report/detail/geojson_coordinates.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace nofly::report {

using core::Vec2;
using Json = nlohmann::ordered_json;

namespace {

constexpr std::size_t kCircleVertices = 64;
constexpr std::size_t kCapVertices = 16; ///< per half circle of a corridor's capsule

double rounded(double value, double scale) {
    return std::round(value * scale) / scale;
}

/// [lon, lat], rings and polygons at this file's precision.
Json position(const scenario::Scenario& s, Vec2 p) { return geoPosition(s, p, 1e6); }
Json ring(const scenario::Scenario& s, const core::Ring& points, bool outer) { return geoRing(s, points, outer, 1e6); }
Json polygon(const scenario::Scenario& s, const core::Polygon& p) { return geoPolygon(s, p, 1e6); }

/// The area within `halfWidth` of segment a-b: two half circles joined.
core::Ring capsule(Vec2 a, Vec2 b, double halfWidth) {
    const double length = core::distance(a, b);
    if (length == 0.0) return core::circleRing({a, halfWidth}, kCircleVertices);
    const double heading = std::atan2(b.y - a.y, b.x - a.x);
    core::Ring out;
    auto arc = [&](Vec2 centre, double from) {
        for (std::size_t i = 0; i <= kCapVertices; ++i) {
            const double angle = from + std::numbers::pi * static_cast<double>(i) / static_cast<double>(kCapVertices);
            out.push_back(centre + Vec2{std::cos(angle), std::sin(angle)} * halfWidth);
        }
    };
    arc(b, heading - std::numbers::pi / 2.0); // round the far end, counter-clockwise
    arc(a, heading + std::numbers::pi / 2.0); // and back round the near end
    return out;
}

/// A zone's area as one Polygon, or a MultiPolygon when it has several parts.
/// A country's coastal margin (a corridor along every coast, thousands of
/// capsules) is left out: the caller writes its width as a property.
Json zoneGeometry(const scenario::Scenario& s, const scenario::Zone& zone) {
    const core::Region& region = zone.region;
    Json polygons = Json::array();
    for (const core::Polygon& p : region.polygons)
        polygons.push_back(polygon(s, p));
    for (const core::Circle& c : region.circles)
        polygons.push_back(Json::array({ring(s, core::circleRing(c, kCircleVertices), true)}));
    for (const core::Corridor& c : region.corridors) {
        if (zone.shapeKind == scenario::ShapeKind::Country) break;
        if (c.path.size() == 1)
            polygons.push_back(Json::array({ring(s, capsule(c.path[0], c.path[0], c.halfWidth), true)}));
        for (std::size_t i = 0; i + 1 < c.path.size(); ++i)
            polygons.push_back(Json::array({ring(s, capsule(c.path[i], c.path[i + 1], c.halfWidth), true)}));
    }
    if (polygons.size() == 1) return Json{{"type", "Polygon"}, {"coordinates", std::move(polygons[0])}};
    return Json{{"type", "MultiPolygon"}, {"coordinates", std::move(polygons)}};
}

} // namespace

std::string tracksGeoJson(const RunRecord& run) {
    Json features = Json::array();
    if (run.scenario && run.world) {
        const scenario::Scenario& s = *run.scenario;
        const sim::World& w = *run.world;
        const int offset = s.time.utcOffsetMinutes;

        // flights that took off
        for (std::size_t i = 0; i < w.drones.size() && i < w.flights.size(); ++i) {
            const sim::Drone& d = w.drones[i];
            if (d.departedAt < 0) continue;
            const sim::FlightPlan& plan = w.flights[i];
            std::vector<Vec2> track = flownTrack(d, w.now);
            if (track.empty())
                track.push_back(plan.flight.route.empty() ? Vec2{} : plan.flight.route.front());
            if (track.size() == 1) track.push_back(track.front()); // a LineString needs two positions
            Json coordinates = Json::array();
            for (Vec2 p : track)
                coordinates.push_back(position(s, p));

            Json properties;
            properties["kind"] = "flight";
            properties["id"] = plan.flight.id;
            properties["category"] = plan.flight.category;
            properties["behaviour"] = scenario::name(plan.behaviour);
            const FlightLedger ledger = ledgerOf(s, plan, d);
            properties["outcome"] = name(ledger.outcome);
            properties["authorised"] = ledger.authorised;
            properties["denied"] = ledger.denied;
            properties["rerouted"] = ledger.rerouted;
            properties["waited"] = ledger.waited;
            properties["departed"] = core::formatInstant(d.departedAt, offset);
            properties["landed"] =
                d.landedAt >= 0 ? Json(core::formatInstant(d.landedAt, offset)) : Json(nullptr);
            properties["violations"] = d.violations;
            properties["violation_seconds"] = rounded(d.violationSeconds, 10.0);
            properties["flown_km"] = rounded(d.flownDistance / 1000.0, 1000.0);
            properties["generator"] = plan.generator.empty() ? Json(nullptr) : Json(plan.generator);
            features.push_back(
                Json{{"type", "Feature"},
                     {"properties", std::move(properties)},
                     {"geometry", {{"type", "LineString"}, {"coordinates", std::move(coordinates)}}}});
        }

        // zones
        for (const scenario::Zone& z : s.zones) {
            Json properties;
            properties["kind"] = "zone";
            properties["id"] = z.id;
            properties["name"] = z.name;
            properties["restriction"] = scenario::name(z.restriction);
            if (z.shapeKind == scenario::ShapeKind::Country && !z.region.corridors.empty())
                properties["margin_m"] = rounded(z.region.corridors.front().halfWidth, 10.0);
            features.push_back(Json{{"type", "Feature"},
                                    {"properties", std::move(properties)},
                                    {"geometry", zoneGeometry(s, z)}});
        }
    }
    Json root;
    root["type"] = "FeatureCollection";
    root["features"] = std::move(features);
    return root.dump(1) + "\n";
}

} // namespace nofly::report
