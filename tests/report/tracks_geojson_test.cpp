#include "lesson_run.hpp"
#include "report/tracks_geojson.hpp"

#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>

namespace nofly::report {
namespace {

using core::Vec2;
using nlohmann::json;

constexpr core::Instant kStart = 1749888000000; // 2025-06-14T10:00+02:00
constexpr core::Instant kMinute = 60000;

/// A run made by hand: three zones (a circle, a polygon with a hole, a
/// corridor) and three flights: one flown, one flown while still in the air
/// at the end, one cancelled.
struct HandRun {
    scenario::Scenario scenario;
    sim::World world;
    RunRecord record;

    HandRun() {
        scenario.title = "Hand-made";
        scenario.time = {kStart, kStart + 60 * kMinute, 1000, 120};
        scenario.origin = {55.0, 12.0};
        scenario.projection = core::LocalProjection(scenario.origin);

        scenario::Zone helipad;
        helipad.id = "helipad";
        helipad.name = "Helipad";
        helipad.restriction = scenario::Restriction::Prohibited;
        helipad.shapeKind = scenario::ShapeKind::Circle;
        helipad.region.circles.push_back({{0.0, 0.0}, 500.0});
        scenario::Zone park;
        park.id = "park";
        park.name = "Park";
        park.restriction = scenario::Restriction::Authorisation;
        park.region.polygons.push_back({{{0, 2000}, {0, 3000}, {1000, 3000}, {1000, 2000}}, // clockwise
                                        {{{400, 2400}, {600, 2400}, {600, 2600}, {400, 2600}}}});
        scenario::Zone river;
        river.id = "river";
        river.name = "River";
        river.restriction = scenario::Restriction::Conditional;
        river.shapeKind = scenario::ShapeKind::Corridor;
        river.region.corridors.push_back({{{-3000, -3000}, {3000, -3000}, {3000, -4000}}, 200.0});
        scenario.zones = {helipad, park, river};

        // flown: climb, cruise east, hover (a repeated point), descend
        addFlight("east", {-2000, 100}, kStart + 5 * kMinute);
        sim::Drone& east = world.drones.back();
        east.plan = {segment(sim::Segment::Climb, 5, 6, {-2000, 100}, {-2000, 100}),
                     segment(sim::Segment::Cruise, 6, 12, {-2000, 100}, {2000, 100}),
                     segment(sim::Segment::Hover, 12, 14, {2000, 100}, {2000, 100}),
                     segment(sim::Segment::Descend, 14, 15, {2000, 100}, {2000, 100})};
        east.departedAt = kStart + 5 * kMinute;
        east.landedAt = kStart + 15 * kMinute;
        east.phase = sim::Phase::Landed;
        east.outcome = sim::Outcome::Allowed;
        east.flownDistance = 4000.0;

        // still flying at the end of the run (now = 50 min): half way north
        addFlight("north", {0, -2000}, kStart + 40 * kMinute);
        sim::Drone& north = world.drones.back();
        north.plan = {segment(sim::Segment::Cruise, 40, 60, {0, -2000}, {0, 2000})};
        north.departedAt = kStart + 40 * kMinute;
        north.phase = sim::Phase::Flying;
        north.outcome = sim::Outcome::Violated;
        north.violations = 1;
        north.violationSeconds = 123.44;

        addFlight("stopped", {-1500, 1500}, kStart + 20 * kMinute);
        world.drones.back().phase = sim::Phase::Cancelled;
        world.drones.back().outcome = sim::Outcome::Cancelled;
        world.flights.back().generator = "hobby-traffic";

        world.now = kStart + 50 * kMinute;
        record.scenario = &scenario;
        record.world = &world;
    }
    HandRun(const HandRun&) = delete;
    HandRun& operator=(const HandRun&) = delete;

    static sim::Segment segment(sim::Segment::Kind kind, int fromMinute, int toMinute, Vec2 p0, Vec2 p1) {
        sim::Segment s;
        s.kind = kind;
        s.t0 = kStart + fromMinute * kMinute;
        s.t1 = kStart + toMinute * kMinute;
        s.p0 = p0;
        s.p1 = p1;
        return s;
    }
    void addFlight(const std::string& id, Vec2 from, core::Instant depart) {
        sim::FlightPlan plan;
        plan.flight.id = id;
        plan.flight.category = "hobby";
        plan.flight.depart = depart;
        plan.flight.route = {from, from + Vec2{4000, 0}};
        plan.behaviour = scenario::Behaviour::Compliant;
        world.flights.push_back(plan);
        sim::Drone drone;
        drone.flight = static_cast<int>(world.flights.size()) - 1;
        drone.departAt = depart;
        world.drones.push_back(drone);
    }
};

std::vector<json> featuresOf(const json& root, const std::string& kind) {
    std::vector<json> out;
    for (const json& f : root["features"])
        if (f["properties"]["kind"] == kind) out.push_back(f);
    return out;
}

void expectAt(const json& position, core::LatLon expected) {
    ASSERT_EQ(position.size(), 2u);
    EXPECT_NEAR(position[0].get<double>(), expected.lon, 1e-6);
    EXPECT_NEAR(position[1].get<double>(), expected.lat, 1e-6);
}

TEST(TracksGeoJson, ParsesWithOneLineStringPerFlownFlightAndOneFeaturePerZone) {
    HandRun run;
    const json root = json::parse(tracksGeoJson(run.record));
    EXPECT_EQ(root["type"], "FeatureCollection");
    const auto flights = featuresOf(root, "flight");
    ASSERT_EQ(flights.size(), 2u); // "stopped" never took off
    EXPECT_EQ(flights[0]["properties"]["id"], "east");
    EXPECT_EQ(flights[1]["properties"]["id"], "north");
    for (const json& f : flights)
        EXPECT_EQ(f["geometry"]["type"], "LineString");
    const auto zones = featuresOf(root, "zone");
    ASSERT_EQ(zones.size(), 3u);
    EXPECT_EQ(zones[0]["properties"]["id"], "helipad");
    EXPECT_EQ(zones[0]["properties"]["name"], "Helipad");
    EXPECT_EQ(zones[0]["properties"]["restriction"], "prohibited");
    EXPECT_EQ(zones[1]["properties"]["restriction"], "authorisation");
}

TEST(TracksGeoJson, TrackStartsAtTakeOffInLonLat) {
    HandRun run;
    const json root = json::parse(tracksGeoJson(run.record));
    const json coordinates = featuresOf(root, "flight")[0]["geometry"]["coordinates"];
    expectAt(coordinates[0], run.scenario.projection.toGeo({-2000, 100}));
    expectAt(coordinates[coordinates.size() - 1], run.scenario.projection.toGeo({2000, 100}));
}

TEST(TracksGeoJson, DropsConsecutiveDuplicatePoints) {
    HandRun run;
    const json root = json::parse(tracksGeoJson(run.record));
    // climb, cruise, hover and descent: only the two ends of the cruise remain
    EXPECT_EQ(featuresOf(root, "flight")[0]["geometry"]["coordinates"].size(), 2u);
}

TEST(TracksGeoJson, TrackOfAFlightStillInTheAirEndsWhereItIsAtTheEnd) {
    HandRun run;
    const json root = json::parse(tracksGeoJson(run.record));
    const json coordinates = featuresOf(root, "flight")[1]["geometry"]["coordinates"];
    ASSERT_EQ(coordinates.size(), 2u);
    expectAt(coordinates[1], run.scenario.projection.toGeo({0, 0})); // 10 of 20 minutes flown
}

TEST(TracksGeoJson, FlightPropertiesSayWhatHappened) {
    HandRun run;
    const json root = json::parse(tracksGeoJson(run.record));
    const json east = featuresOf(root, "flight")[0]["properties"];
    EXPECT_EQ(east["category"], "hobby");
    EXPECT_EQ(east["behaviour"], "compliant");
    EXPECT_EQ(east["outcome"], "flown"); // the ledger's word (report/ledger.hpp), with its flags
    EXPECT_EQ(east["rerouted"], false);
    EXPECT_EQ(east["authorised"], false);
    EXPECT_EQ(east["departed"], "2025-06-14T10:05:00+02:00");
    EXPECT_EQ(east["landed"], "2025-06-14T10:15:00+02:00");
    EXPECT_EQ(east["violations"], 0);
    EXPECT_DOUBLE_EQ(east["flown_km"].get<double>(), 4.0);
    EXPECT_TRUE(east["generator"].is_null());
    const json north = featuresOf(root, "flight")[1]["properties"];
    EXPECT_EQ(north["outcome"], "violated");
    EXPECT_TRUE(north["landed"].is_null());
    EXPECT_EQ(north["violations"], 1);
    EXPECT_DOUBLE_EQ(north["violation_seconds"].get<double>(), 123.4);
}

TEST(TracksGeoJson, CircleIsA64GonAndHolesAreKept) {
    HandRun run;
    const json root = json::parse(tracksGeoJson(run.record));
    const auto zones = featuresOf(root, "zone");
    const json& circle = zones[0]["geometry"];
    ASSERT_EQ(circle["type"], "Polygon");
    ASSERT_EQ(circle["coordinates"].size(), 1u);
    EXPECT_EQ(circle["coordinates"][0].size(), 65u); // 64 vertices, closed
    const json& park = zones[1]["geometry"];
    ASSERT_EQ(park["type"], "Polygon");
    ASSERT_EQ(park["coordinates"].size(), 2u); // outer ring and hole
    const json& outer = park["coordinates"][0];
    EXPECT_EQ(outer[0], outer[outer.size() - 1]);
    // the outer ring was written clockwise: it comes out counter-clockwise (RFC 7946)
    double twiceArea = 0.0;
    for (std::size_t i = 0; i + 1 < outer.size(); ++i)
        twiceArea += outer[i][0].get<double>() * outer[i + 1][1].get<double>() -
                     outer[i + 1][0].get<double>() * outer[i][1].get<double>();
    EXPECT_GT(twiceArea, 0.0);
}

TEST(TracksGeoJson, CorridorIsAMultiPolygonOfCapsules) {
    HandRun run;
    const json root = json::parse(tracksGeoJson(run.record));
    const json river = featuresOf(root, "zone")[2]["geometry"];
    EXPECT_EQ(river["type"], "MultiPolygon");
    EXPECT_EQ(river["coordinates"].size(), 2u); // one capsule per leg
}

TEST(TracksGeoJson, IsByteIdenticalWhenWrittenTwice) {
    HandRun first, second;
    const std::string text = tracksGeoJson(first.record);
    EXPECT_EQ(text, tracksGeoJson(second.record));
    EXPECT_EQ(text, tracksGeoJson(first.record));
    EXPECT_EQ(text.back(), '\n');
}

TEST(TracksGeoJson, EmptyRunIsAnEmptyCollection) {
    const json root = json::parse(tracksGeoJson(RunRecord{}));
    EXPECT_EQ(root["type"], "FeatureCollection");
    EXPECT_TRUE(root["features"].empty());
}

// --- with the real simulation ---------------------------------------------------


TEST(TracksGeoJsonSimulation, WritesEveryFlownTrackOfARealRun) {
    const testing::LessonRun lesson;
    const scenario::Scenario& s = lesson.scenario;
    const sim::World& world = lesson.world;
    const RunRecord& run = lesson.run;
    const json root = json::parse(tracksGeoJson(run));
    const auto flights = featuresOf(root, "flight");
    ASSERT_EQ(flights.size(), 2u);
    for (std::size_t i = 0; i < flights.size(); ++i) {
        EXPECT_EQ(flights[i]["properties"]["id"], world.flights[i].flight.id);
        expectAt(flights[i]["geometry"]["coordinates"][0],
                 s.projection.toGeo(world.flights[i].flight.route.front()));
    }
    EXPECT_EQ(flights[1]["properties"]["outcome"], "violated");
    EXPECT_EQ(featuresOf(root, "zone").size(), 1u);
}

} // namespace
} // namespace nofly::report
