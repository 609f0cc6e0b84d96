// The simulation, one behaviour per test, on small inline scenarios: every
// verdict path, motion, exact zone entry and exit, in-flight breaches,
// endurance, near misses and determinism. The simulation records codes and
// figures; the words they read as are tested in tests/report/sentences_test.cpp.
#include "sim/simulation.hpp"

#include "scenario/loader.hpp"
#include "sim/rules.hpp"
#include "trial.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

namespace nofly::sim {
namespace {

const std::string kHead = "title: T\n"
                          "time: {start: 2025-06-14T10:00+02:00, end: +2 h, step: 1 s}\n"
                          "map: {origin: {lat: 55.69, lon: 12.56}}\n";

// a prohibited disc of 500 m at the origin
const std::string kDisc =
    "  - {id: disc, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 500 m}}}\n";

using testing::Trial;

Trial run(const std::string& text, const std::string& variant = "") {
    return testing::runTrial(text, variant);
}

std::string flight(const std::string& id, const std::string& extra) {
    return "  - {id: " + id + ", category: hobby, depart: 10:10, speed: 10 m/s, altitude: 50 m, " + extra + "}\n";
}

TEST(Simulation, ClearRouteIsAllowedAndLands) {
    const Trial r = run(kHead + "zones:\n" + kDisc + "flights:\n" +
                      flight("f", "behaviour: compliant, from: [-2 km, 2 km], to: [2 km, 2 km]"));
    const Drone& d = r.drone("f");
    EXPECT_EQ(d.outcome, Outcome::Allowed);
    EXPECT_EQ(d.phase, Phase::Landed);
    ASSERT_EQ(r.of("f", EventType::Departure).size(), 1u);
    ASSERT_EQ(r.of("f", EventType::Landing).size(), 1u);
    // 4 km at 10 m/s, a 50 m climb at 3 m/s, a turn and a 25 s descent
    const double minutes = static_cast<double>(d.landedAt - d.departedAt) / 60000.0;
    EXPECT_NEAR(minutes, (400.0 + 50.0 / 3.0 + 1.0 + 25.0) / 60.0, 0.05);
    EXPECT_NEAR(d.position.x, 2000.0, 1e-6);
}

TEST(Simulation, CompliantOperatorReroutesAroundAProhibitedZone) {
    const Trial r = run(kHead + "zones:\n" + kDisc + "flights:\n" +
                      flight("f", "behaviour: compliant, from: [-2 km, 0], to: [2 km, 0]"));
    const Drone& d = r.drone("f");
    EXPECT_EQ(d.outcome, Outcome::Rerouted);
    EXPECT_EQ(d.violations, 0);
    EXPECT_TRUE(r.of("f", EventType::ZoneEntry).empty());
    ASSERT_EQ(r.of("f", EventType::Reroute).size(), 1u);
    // around a 500 m disc plus 100 m clearance: longer than 4 km, shorter than the half circle
    const double extra = r.of("f", EventType::Reroute)[0].value;
    EXPECT_GT(extra, 100.0);
    EXPECT_LT(extra, 3.1416 * 600.0 - 1200.0 + 50.0);
    EXPECT_EQ(r.verdict("f").rule.kind, RuleKind::Rerouted);
    EXPECT_EQ(r.verdict("f").rule.distance, extra);
    EXPECT_EQ(r.verdict("f").rule.zones, std::vector<int>{0});
}

TEST(Simulation, UnawareOperatorViolatesAtTheExactEdge) {
    const Trial r = run(kHead + "zones:\n" + kDisc + "flights:\n" +
                      flight("f", "behaviour: unaware, from: [-2 km, 0], to: [2 km, 0]"));
    const Drone& d = r.drone("f");
    EXPECT_EQ(d.outcome, Outcome::Violated);
    EXPECT_EQ(d.violations, 1);
    const auto entries = r.of("f", EventType::ZoneEntry);
    const auto exits = r.of("f", EventType::ZoneExit);
    ASSERT_EQ(entries.size(), 1u);
    ASSERT_EQ(exits.size(), 1u);
    // the drone meets the disc's edge 1.5 km into the cruise, leaves it 1 km later
    EXPECT_NEAR(entries[0].at.x, -500.0, 1e-6);
    EXPECT_NEAR(exits[0].at.x, 500.0, 1e-6);
    EXPECT_EQ(exits[0].time - entries[0].time, 100000);
    EXPECT_NEAR(exits[0].value, 500.0, 1e-6); // deepest: the centre
    EXPECT_NEAR(d.violationSeconds, 100.0, 1e-9);
    // emitted on the first tick at or after the crossing
    EXPECT_GE(r.scenario.time.start + entries[0].tick * r.scenario.time.step, entries[0].time);
    EXPECT_LT(r.scenario.time.start + (entries[0].tick - 1) * r.scenario.time.step, entries[0].time);
}

TEST(Simulation, RecklessOperatorFliesKnowingly) {
    const Trial r = run(kHead + "zones:\n" + kDisc + "flights:\n" +
                      flight("f", "behaviour: reckless, from: [-2 km, 0], to: [2 km, 0]"));
    EXPECT_EQ(r.drone("f").outcome, Outcome::Violated);
    EXPECT_EQ(r.verdict("f").rule.kind, RuleKind::RecklessInto);
    EXPECT_EQ(r.verdict("f").rule.zones, std::vector<int>{0});
}

TEST(Simulation, HostileDroneLoitersOverItsTargetUntilItsBatteryEnds) {
    const Trial r = run(kHead + "zones:\n" + kDisc + "flights:\n" +
                      flight("f", "behaviour: hostile, endurance: 20 min, from: [-2 km, 0], to: [0, 0]"));
    const Drone& d = r.drone("f");
    EXPECT_EQ(d.outcome, Outcome::Violated);
    EXPECT_NEAR(static_cast<double>(d.landedAt - d.departedAt) / 60000.0, 20.0 + 25.0 / 60.0, 0.05);
    EXPECT_NEAR(d.position.x, 0.0, 1e-6);
}

TEST(Simulation, StartInsideWithNoEndInSightCancels) {
    const Trial r = run(kHead + "zones:\n" + kDisc + "flights:\n" +
                      flight("f", "behaviour: compliant, from: [0, 0], to: [2 km, 0]"));
    EXPECT_EQ(r.drone("f").outcome, Outcome::Cancelled);
    EXPECT_EQ(r.drone("f").departedAt, -1);
    EXPECT_EQ(r.of("f", EventType::Cancellation).size(), 1u);
    EXPECT_EQ(r.verdict("f").rule.kind, RuleKind::Cancelled);
    EXPECT_EQ(r.verdict("f").rule.until, scenario::kFarTime); // the zone does not end
}

TEST(Simulation, WaitsForAZoneThatEndsSoon) {
    const std::string zone = "  - {id: disc, restriction: prohibited, active: {to: 10:40}, shape: {circle: {center: "
                             "[0, 0], radius: 500 m}}}\n";
    const Trial r = run(kHead + "zones:\n" + zone + "flights:\n" +
                      flight("f", "behaviour: compliant, from: [0, 0], to: [2 km, 0]"));
    const Drone& d = r.drone("f");
    EXPECT_EQ(d.outcome, Outcome::Waited);
    EXPECT_EQ(d.departedAt, r.scenario.time.start + 40 * 60000);
    ASSERT_EQ(r.of("f", EventType::Wait).size(), 1u);
    EXPECT_DOUBLE_EQ(r.of("f", EventType::Wait)[0].value, 30 * 60.0);
}

TEST(Simulation, AuthorisationGrantedAfterTheDecisionDelay) {
    const std::string zone = "  - {id: ctr, restriction: authorisation, decision: 5 min, shape: {circle: {center: [0, "
                             "0], radius: 500 m}}}\n";
    const Trial r = run(kHead + "zones:\n" + zone + "flights:\n" +
                      "  - {id: f, category: inspection, depart: 10:10, behaviour: compliant, from: [-2 km, 0], to: "
                      "[2 km, 0]}\n");
    const Drone& d = r.drone("f");
    EXPECT_EQ(d.outcome, Outcome::Authorised);
    EXPECT_EQ(r.of("f", EventType::AuthorisationRequested).size(), 1u);
    ASSERT_EQ(r.of("f", EventType::AuthorisationGranted).size(), 1u);
    EXPECT_EQ(d.departedAt, r.scenario.time.start + 15 * 60000);
    EXPECT_EQ(d.violations, 0);
    EXPECT_EQ(r.of("f", EventType::ZoneEntry).size(), 1u); // it does fly through
}

TEST(Simulation, AuthorisationDeniedThenRerouted) {
    const std::string zone = "  - {id: ctr, restriction: authorisation, grant: [commercial], shape: {circle: {center: "
                             "[0, 0], radius: 500 m}}}\n";
    const Trial r = run(kHead + "zones:\n" + zone + "flights:\n" +
                      flight("f", "behaviour: compliant, from: [-2 km, 0], to: [2 km, 0]"));
    EXPECT_EQ(r.of("f", EventType::AuthorisationDenied).size(), 1u);
    EXPECT_EQ(r.drone("f").outcome, Outcome::Rerouted);
    EXPECT_EQ(r.drone("f").violations, 0);
}

TEST(Simulation, AuthorisationDeniedAndNoWayAroundIsDenied) {
    const std::string zone = "  - {id: ctr, restriction: authorisation, grant: none, shape: {circle: {center: [0, 0], "
                             "radius: 500 m}}}\n";
    const Trial r = run(kHead + "zones:\n" + zone + "flights:\n" +
                      flight("f", "behaviour: compliant, from: [0, 0], to: [2 km, 0]"));
    EXPECT_EQ(r.drone("f").outcome, Outcome::Denied);
}

TEST(Simulation, ExemptCategoryFliesThrough) {
    const std::string zone = "  - {id: disc, restriction: prohibited, exempt: police, shape: {circle: {center: [0, 0], "
                             "radius: 500 m}}}\n";
    const Trial r = run(kHead + "zones:\n" + zone + "flights:\n" +
                      "  - {id: f, category: police, depart: 10:10, behaviour: compliant, from: [-2 km, 0], to: [2 "
                      "km, 0]}\n");
    EXPECT_EQ(r.drone("f").outcome, Outcome::Allowed);
    EXPECT_EQ(r.of("f", EventType::ZoneEntry).size(), 1u);
    EXPECT_EQ(r.drone("f").violations, 0);
    ASSERT_EQ(r.verdict("f").findings.size(), 1u);
    EXPECT_FALSE(r.verdict("f").findings[0].applies);
    EXPECT_EQ(r.verdict("f").findings[0].reason, FindingReason::Exempt);
}

TEST(Simulation, AboveTheCeilingIsAllowed) {
    const std::string zone = "  - {id: disc, restriction: prohibited, altitude: {ceiling: 40 m AGL}, shape: {circle: "
                             "{center: [0, 0], radius: 500 m}}}\n";
    const Trial r = run(kHead + "zones:\n" + zone + "flights:\n" +
                      flight("f", "behaviour: compliant, from: [-2 km, 0], to: [2 km, 0]"));
    EXPECT_EQ(r.drone("f").outcome, Outcome::Allowed);
    EXPECT_EQ(r.verdict("f").findings[0].reason, FindingReason::AboveCeiling);
    EXPECT_EQ(r.verdict("f").findings[0].altitude, 50.0);
    EXPECT_EQ(r.verdict("f").findings[0].limit, 40.0);
}

TEST(Simulation, ZoneSwitchedOnInFlightSendsACompliantDroneHome) {
    const std::string zone = "  - {id: disc, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 500 "
                             "m}}}\n";
    const Trial r = run(kHead + "zones:\n" + zone + "timeline:\n  - {at: 10:12, event: activate, zone: disc}\n" +
                      "flights:\n" + flight("f", "behaviour: compliant, from: [-3 km, 0], to: [3 km, 0]") +
                      flight("g", "behaviour: unaware, from: [-3 km, 100 m], to: [3 km, 100 m]"));
    // the zone is announced only at 10:12, after both took off at 10:10
    ASSERT_EQ(r.of("f", EventType::Breach).size(), 1u);
    EXPECT_EQ(r.drone("f").violations, 0);
    EXPECT_NEAR(r.drone("f").position.x, -3000.0, 1e-6); // back home
    EXPECT_EQ(r.of("g", EventType::Breach).size(), 1u);
    EXPECT_EQ(r.drone("g").violations, 1); // the unaware pilot flies on
}

// rule 11 of docs/simulation.md: a compliant drone caught inside a zone that switched on in flight
// leaves it by the shortest way (or lands), and is caught, not a violator
std::string caughtScenario(const std::string& breach, const std::string& zone, const std::string& switches,
                           const std::string& route = "from: [-3 km, 0], to: [3 km, 0]") {
    return kHead + "categories: {hobby: {kind: hobby, breach: " + breach + "}}\nzones:\n" + zone +
           "timeline:\n" + switches + "flights:\n" + flight("f", "behaviour: compliant, " + route);
}
const std::string kSwitchOnAt1015 = "  - {at: 10:15, event: activate, zone: disc}\n";

TEST(Rules, CaughtInsideANewZoneLeavesByTheShortestWayThenHolds) {
    // at 10:15 the drone is 167 m west of the disc's centre; the nearest way out is due west
    const Trial r = run(caughtScenario("hold", kDisc, kSwitchOnAt1015 + "  - {at: 10:30, event: deactivate, zone: disc}\n"));
    const Drone& d = r.drone("f");
    ASSERT_EQ(r.of("f", EventType::Breach).size(), 1u);
    // the breach event names its card
    EXPECT_EQ(&r.world.verdicts[static_cast<std::size_t>(r.of("f", EventType::Breach)[0].ref)],
              &r.verdict("f"));
    EXPECT_EQ(d.violations, 0);
    EXPECT_TRUE(r.of("f", EventType::ViolationStart).empty());
    EXPECT_TRUE(d.caught);
    EXPECT_EQ(r.verdict("f").outcome, Outcome::Caught);
    EXPECT_EQ(r.verdict("f").rule.kind, RuleKind::CaughtHolds);
    EXPECT_TRUE(r.verdict("f").rule.inside);
    EXPECT_NEAR(r.verdict("f").rule.distance, 413.0, 0.5); // the shortest way out
    // inside as it switched on, then out 100 m beyond the edge, where it held until 10:30 and landed
    const std::vector<Event> entries = r.of("f", EventType::ZoneEntry);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].reason, EventReason::LeavingByTheRules);
    const std::vector<Event> exits = r.of("f", EventType::ZoneExit);
    ASSERT_EQ(exits.size(), 1u);
    EXPECT_LT(exits[0].time, r.scenario.time.start + 16 * 60000); // out within a minute
    EXPECT_NEAR(d.position.x, -600.0, 1.0);
    EXPECT_NEAR(d.position.y, 0.0, 1.0);
    EXPECT_EQ(d.phase, Phase::Landed);
    EXPECT_GE(d.landedAt, r.scenario.time.start + 30 * 60000);
    EXPECT_LT(d.landedAt, r.scenario.time.start + 31 * 60000);
}

TEST(Rules, CaughtWithTheZoneAheadHoldsWhereItIs) {
    // at 10:12 the drone is 1.3 km short of the disc
    const Trial r = run(caughtScenario("hold", kDisc, "  - {at: 10:12, event: activate, zone: disc}\n"
                                                      "  - {at: 10:20, event: deactivate, zone: disc}\n"));
    const Drone& d = r.drone("f");
    EXPECT_EQ(d.violations, 0);
    EXPECT_TRUE(r.of("f", EventType::ZoneEntry).empty());
    EXPECT_EQ(r.verdict("f").outcome, Outcome::Caught);
    EXPECT_EQ(r.verdict("f").rule.kind, RuleKind::CaughtHolds);
    EXPECT_FALSE(r.verdict("f").rule.inside);
    EXPECT_GT(d.position.x, -2100.0); // where it was at 10:12, less its turn at the start
    EXPECT_LT(d.position.x, -1900.0);
    EXPECT_GE(d.landedAt, r.scenario.time.start + 20 * 60000);
}

TEST(Rules, CaughtReturnsHomeByTheWayOutThenAroundTheZone) {
    const Trial r = run(caughtScenario("return", kDisc, kSwitchOnAt1015));
    const Drone& d = r.drone("f");
    EXPECT_EQ(d.violations, 0);
    EXPECT_EQ(r.of("f", EventType::ZoneEntry).size(), 1u); // only the stay it was caught in
    EXPECT_NEAR(d.position.x, -3000.0, 1e-6);
    EXPECT_EQ(r.verdict("f").rule.kind, RuleKind::CaughtFliesHome);
    EXPECT_TRUE(r.verdict("f").rule.inside); // out first
    EXPECT_FALSE(r.verdict("f").rule.several);
}

TEST(Rules, CaughtGoesHomeAroundTheZonesItKnewToo) {
    // found by the property suite (seed 413, shrunk): the way home avoided only the new zone and
    // flew through the one the flight had rerouted around at take-off
    const Trial r = run(
        "title: T\ntime: {start: 2025-06-14T10:00+02:00, end: +90 min, step: 1 s}\n"
        "map: {origin: {lat: 55.69, lon: 12.56}}\nzones:\n"
        "  - {id: new, restriction: prohibited, shape: {circle: {center: [-457 m, -1381 m], radius: 647 m}}}\n"
        "  - {id: known, restriction: prohibited, shape: {circle: {center: [-1789 m, 238 m], radius: 523 m}}}\n"
        "timeline: [{at: \"10:35\", event: activate, zone: new}]\nflights:\n"
        "  - {id: f, category: inspection, depart: \"10:30\", from: [-2292 m, 1093 m], to: [1378 m, -3855 m], "
        "speed: 17 m/s, altitude: 40 m, behaviour: compliant, return: true}\n");
    ASSERT_EQ(r.of("f", EventType::Breach).size(), 1u);
    EXPECT_EQ(r.drone("f").violations, 0);
    EXPECT_TRUE(r.drone("f").caught);
    EXPECT_EQ(r.verdict("f").rule.kind, RuleKind::CaughtFliesHome);
    EXPECT_TRUE(r.verdict("f").rule.several); // around the zones that forbid it
    EXPECT_NEAR(r.drone("f").position.x, -2292.0, 1e-6);
}

TEST(Rules, CaughtTooDeepInsideOrWithHomeInsideLands) {
    // a zone 50 km across: the way out is 25 km, far more than 2 minutes at 10 m/s
    const std::string wide =
        "  - {id: disc, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 25 km}}}\n";
    const Trial deep = run(caughtScenario("hold", wide, kSwitchOnAt1015));
    EXPECT_EQ(deep.drone("f").violations, 0);
    EXPECT_EQ(deep.verdict("f").rule.kind, RuleKind::CaughtWayOutTooLong);
    EXPECT_EQ(deep.verdict("f").rule.wayOut, 2 * 60000);
    EXPECT_GT(deep.drone("f").position.x, -300.0); // down where it was at 10:15
    EXPECT_LT(deep.drone("f").position.x, -100.0);
    // home inside the zone: returning would cross it
    const Trial home = run(caughtScenario("return", kDisc, kSwitchOnAt1015, "from: [-200 m, 0], to: [200 m, 0], hover: 10 min, return: true"));
    EXPECT_EQ(home.drone("f").violations, 0);
    EXPECT_EQ(home.verdict("f").rule.kind, RuleKind::CaughtHomeInside);
}

TEST(Rules, CaughtWithReportOnlyFliesOnAndViolates) {
    const Trial r = run(caughtScenario("report", kDisc, kSwitchOnAt1015));
    ASSERT_EQ(r.of("f", EventType::Breach).size(), 1u);
    EXPECT_EQ(r.verdict("f").rule.kind, RuleKind::BreachReported);
    EXPECT_TRUE(r.verdict("f").rule.inside);
    EXPECT_EQ(r.drone("f").violations, 1);
    EXPECT_FALSE(r.drone("f").caught);
    EXPECT_NEAR(r.drone("f").position.x, 3000.0, 1e-6);
}

TEST(Simulation, NoticeLetsOperatorsPlanAround) {
    const std::string zone = "  - {id: disc, restriction: prohibited, active: {after: ban}, shape: {circle: {center: "
                             "[0, 0], radius: 500 m}}}\n";
    const Trial r = run(kHead + "zones:\n" + zone +
                      "timeline:\n  - {id: ban, at: 10:00, event: announce, zone: disc, notice: 15 min}\n" +
                      "flights:\n" + flight("f", "behaviour: compliant, from: [-3 km, 0], to: [3 km, 0]"));
    // announced before take-off, in force from 10:15 while the flight is on its way: it plans around
    EXPECT_EQ(r.drone("f").outcome, Outcome::Rerouted);
    EXPECT_TRUE(r.of("f", EventType::Breach).empty());
}

TEST(Rules, ADeactivateIsKnownOnlyFromItsTime) {
    // rule 1: the zone is in force until a timeline deactivate at 10:30 that nobody knows of before
    // then; a flight deciding at 10:20 that would reach it at 10:34 expects it in force and goes
    // around it, one deciding at 10:31 flies straight through
    const Trial r = run(kHead + "zones:\n" + kDisc + "timeline:\n  - {at: 10:30, event: deactivate, zone: disc}\n" +
                        "flights:\n" +
                        "  - {id: early, category: hobby, depart: 10:20, speed: 10 m/s, altitude: 50 m, "
                        "behaviour: compliant, from: [-9 km, 0], to: [3 km, 0]}\n"
                        "  - {id: late, category: hobby, depart: 10:31, speed: 10 m/s, altitude: 50 m, "
                        "behaviour: compliant, from: [-9 km, 0], to: [3 km, 0]}\n");
    EXPECT_EQ(r.drone("early").outcome, Outcome::Rerouted);
    ASSERT_FALSE(r.verdict("early").findings.empty());
    EXPECT_TRUE(r.verdict("early").findings[0].applies);
    EXPECT_EQ(r.drone("late").outcome, Outcome::Allowed);
    EXPECT_EQ(r.drone("early").violations + r.drone("late").violations, 0);
}

TEST(Simulation, BatteryEndsAFlight) {
    const Trial r = run(kHead + "flights:\n" + flight("f", "behaviour: compliant, endurance: 5 min, from: [0, 0], to: "
                                                         "[10 km, 0]"));
    const Drone& d = r.drone("f");
    EXPECT_EQ(d.phase, Phase::Landed);
    EXPECT_NEAR(static_cast<double>(d.landedAt - d.departedAt) / 60000.0, 5.0 + 25.0 / 60.0, 0.02);
    EXPECT_LT(d.position.x, 3000.0);
}

TEST(Simulation, NearMissBetweenTwoDronesIsReportedOnce) {
    const Trial r = run(kHead + "flights:\n" + flight("a", "behaviour: compliant, from: [-2 km, 0], to: [2 km, 0]") +
                      flight("b", "behaviour: compliant, from: [0, -2 km], to: [0, 2 km]"));
    std::vector<Event> misses;
    for (const Event& e : r.events)
        if (e.type == EventType::NearMiss) misses.push_back(e);
    ASSERT_EQ(misses.size(), 1u);
    EXPECT_EQ(misses[0].flight, r.index("a"));
    EXPECT_EQ(misses[0].other, r.index("b"));
    EXPECT_LT(misses[0].value, 50.0);
}

// --- near misses in a crowd (issue 22, item 6) ---

scenario::Scenario loaded(const std::string& text) {
    scenario::LoadResult r = scenario::loadScenarioText(text, "test.yaml");
    std::string printed;
    for (const auto& d : r.diagnostics.all()) printed += core::format(d) + "\n";
    if (!r.scenario) throw std::runtime_error(printed);
    return *r.scenario;
}

/// A traffic of `count` drones over a disc of `radius` at the origin, all departing in `depart`.
std::string crowd(int count, const std::string& radius, const std::string& depart, const std::string& end) {
    return "title: T\n"
           "time: {start: 2025-06-14T10:00+02:00, end: " + end + ", step: 1 s}\n"
           "map: {origin: {lat: 55.69, lon: 12.56}}\n"
           "traffic:\n"
           "  - {id: t, category: hobby, count: " + std::to_string(count) +
           ", area: {circle: {center: [0, 0], radius: " + radius + "}}, depart: {between: " + depart + "}}\n";
}

/// A check's near misses: those listed one by one, and the count of those a summary event stands for.
struct CheckedNearMisses {
    std::vector<Event> listed;
    std::int64_t summarised = 0;
    int summaries = 0;
};

CheckedNearMisses nearMissesIn(const std::vector<Event>& events) {
    CheckedNearMisses out;
    for (const Event& e : events) {
        if (e.type != EventType::NearMiss) continue;
        if (e.other < 0) { // a summary
            out.summarised += static_cast<std::int64_t>(e.value);
            ++out.summaries;
        } else {
            out.listed.push_back(e);
        }
    }
    return out;
}

TEST(NearMisses, TheGridFindsWhatComparingEveryPairFinds) {
    // 600 drones over a 100 m disc departing over 2 minutes: pairs that meet, part and meet
    // again, and checks with more near misses than one lists
    const scenario::Scenario s = loaded(crowd(600, "100 m", "[10:00, 10:02]", "+20 min"));
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    std::set<std::pair<std::size_t, std::size_t>> closeBefore; // every pair compared, at the last check
    int checks = 0, crowded = 0;
    while (!finished(m, w)) {
        const bool check = w.now >= w.nextNearMissCheck;
        step(m, w);
        if (check) {
            ++checks;
            // every pair of drones in the air, in order of the first, then the second
            std::set<std::pair<std::size_t, std::size_t>> close;
            std::vector<std::pair<std::size_t, std::size_t>> fresh;
            for (std::size_t i = 0; i < w.drones.size(); ++i)
                for (std::size_t j = i + 1; j < w.drones.size(); ++j) {
                    const Drone& a = w.drones[i];
                    const Drone& b = w.drones[j];
                    if (a.phase != Phase::Flying || b.phase != Phase::Flying || a.altitude <= 0.0 ||
                        b.altitude <= 0.0)
                        continue;
                    if (core::distance(a.position, b.position) < m.tuning.nearMissDistance &&
                        std::abs(a.altitude - b.altitude) < m.tuning.nearMissHeight) {
                        close.emplace(i, j);
                        if (!closeBefore.count({i, j})) fresh.emplace_back(i, j);
                    }
                }
            closeBefore = close;
            const CheckedNearMisses found = nearMissesIn(w.events);
            const std::size_t listable = std::min(fresh.size(), scenario::limits::kMaxNearMissEvents);
            ASSERT_EQ(found.listed.size(), listable) << "at tick " << w.tick;
            for (std::size_t k = 0; k < listable; ++k) {
                EXPECT_EQ(found.listed[k].flight, static_cast<int>(fresh[k].first));
                EXPECT_EQ(found.listed[k].other, static_cast<int>(fresh[k].second));
            }
            EXPECT_EQ(static_cast<std::int64_t>(found.listed.size()) + found.summarised,
                      static_cast<std::int64_t>(fresh.size()))
                << "at tick " << w.tick;
            EXPECT_EQ(found.summaries, fresh.size() > listable ? 1 : 0);
            if (fresh.size() > listable) ++crowded;
        }
        w.events.clear();
    }
    EXPECT_EQ(checks, 241);
    EXPECT_GT(crowded, 0); // the cap was reached, and the summaries counted true
}

TEST(NearMisses, EightThousandDronesOverOneSpotAreCountedNotListed) {
    // all take off at once within a metre of each other (issue 22: 8,000 of them ended in bad_alloc)
    const scenario::Scenario s = loaded(crowd(8000, "1 m", "[10:00, 10:00]", "+10 s"));
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    std::map<std::int64_t, std::vector<Event>> byTick;
    for (Event& e : runToEnd(m, w))
        if (e.type == EventType::NearMiss) byTick[e.tick].push_back(std::move(e));
    // the first check in the air: every pair at once, 100 listed and the rest in one summary
    ASSERT_TRUE(byTick.count(5));
    const CheckedNearMisses first = nearMissesIn(byTick[5]);
    EXPECT_EQ(first.listed.size(), scenario::limits::kMaxNearMissEvents);
    EXPECT_EQ(first.summaries, 1);
    EXPECT_EQ(static_cast<std::int64_t>(first.listed.size()) + first.summarised, 8000 * 7999 / 2);
    // the summary: the first pair past those listed, and how many it counts
    const Event& summary = byTick[5].back();
    EXPECT_EQ(summary.reason, EventReason::NearMissSummary);
    EXPECT_EQ(summary.value, 31'995'900.0);
    EXPECT_GE(summary.ref, 0);
    EXPECT_LT(summary.figure, 2.0);
    // and no check lists more, whatever the crowd
    for (const auto& [tick, events] : byTick) {
        EXPECT_LE(events.size(), scenario::limits::kMaxNearMissEvents + 1) << "at tick " << tick;
        EXPECT_EQ(tick % 5, 0);
    }
}

TEST(NearMisses, ARunPastItsBudgetOfPairsStopsCheckingAndSaysSo) {
    const scenario::Scenario s = loaded(crowd(50, "1 m", "[10:00, 10:00]", "+1 min"));
    Tuning tuning;
    tuning.nearMissPairBudget = 1000; // the 50 drones are 1,225 pairs
    const CompiledScenario m = compile(s, tuning);
    World w = makeWorld(m, s.seed);
    const std::vector<Event> events = runToEnd(m, w);
    std::vector<Event> notes;
    for (const Event& e : events) {
        EXPECT_NE(e.type, EventType::NearMiss);
        if (e.type == EventType::Note) notes.push_back(e);
    }
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].tick, 5);
    EXPECT_EQ(notes[0].reason, EventReason::NearMissesStopped);
    EXPECT_EQ(notes[0].count, 1225);
    EXPECT_EQ(notes[0].limit, 1000);
    EXPECT_TRUE(w.nearMissesStopped);
}

TEST(Simulation, GeneratedTrafficIsSeededAndReproducible) {
    const std::string text = kHead + "traffic:\n  - {id: club, category: hobby, count: 25, area: {circle: {center: "
                                     "[0, 0], radius: 3 km}}, depart: {between: [10:00, 11:00]}}\n";
    const Trial a = run(text), b = run(text);
    ASSERT_EQ(a.world.flights.size(), 25u);
    EXPECT_EQ(a.world.flights[0].flight.id, "club-01");
    ASSERT_EQ(a.events.size(), b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        EXPECT_EQ(a.events[i].time, b.events[i].time);
        EXPECT_EQ(a.events[i].type, b.events[i].type);
        EXPECT_EQ(a.events[i].flight, b.events[i].flight);
        EXPECT_EQ(a.events[i].zone, b.events[i].zone);
        EXPECT_EQ(a.events[i].value, b.events[i].value);
    }
    for (const FlightPlan& f : a.world.flights) {
        EXPECT_GE(f.flight.depart, a.scenario.time.start);
        EXPECT_LE(f.flight.depart, a.scenario.time.start + 3600000);
        EXPECT_TRUE(core::contains(a.scenario.traffic[0].area, f.flight.route.front()));
    }
    const Trial c = run("seed: 99\n" + text);
    EXPECT_NE(c.world.flights[0].flight.route.front().x, a.world.flights[0].flight.route.front().x);
}

TEST(Simulation, ZonesSwitchOnAndOffOnSchedule) {
    const std::string zone = "  - {id: disc, restriction: prohibited, active: {from: 10:30, to: 11:00}, shape: "
                             "{circle: {center: [0, 0], radius: 500 m}}}\n";
    const Trial r = run(kHead + "zones:\n" + zone);
    std::vector<Event> switches;
    for (const Event& e : r.events)
        if (e.type == EventType::ZoneActivated || e.type == EventType::ZoneDeactivated) switches.push_back(e);
    ASSERT_EQ(switches.size(), 2u);
    EXPECT_EQ(switches[0].type, EventType::ZoneActivated);
    EXPECT_EQ(switches[0].time, r.scenario.time.start + 30 * 60000);
    EXPECT_EQ(switches[1].time, r.scenario.time.start + 60 * 60000);
}

TEST(Simulation, AVariantMayRemoveAZoneTheTimelineAnnounces) {
    // found by tests/app/property_test.cpp: the announcement of a removed zone crashed the run
    const std::string text = kHead + "zones:\n" + kDisc +
                             "timeline:\n  - {at: 10:10, event: announce, zone: disc, notice: 5 min}\n"
                             "variants:\n  no-disc: {remove: [zones.disc]}\n";
    const Trial base = run(text);
    ASSERT_EQ(base.events.size(), 2u);
    EXPECT_EQ(base.events[0].type, EventType::ZoneAnnounced);
    EXPECT_EQ(base.events[1].type, EventType::ZoneActivated);
    const Trial r = run(text, "no-disc");
    EXPECT_TRUE(r.events.empty());
}

// --- one rule book (issue 14) ----------------------------------------------------------

// authorisation zones north and south of the prohibited disc: every way around it crosses one
const std::string kSlabs = "  - {id: north, restriction: authorisation, decision: 5 min, shape: {polygon: "
                           "[[-300 m, 550 m], [300 m, 550 m], "
                           "[300 m, 3 km], [-300 m, 3 km]]}}\n"
                           "  - {id: south, restriction: authorisation, decision: 5 min, shape: {polygon: "
                           "[[-300 m, -550 m], [300 m, -550 m], "
                           "[300 m, -3 km], [-300 m, -3 km]]}}\n";

TEST(Rules, AWayAroundAsksForTheAuthorisationsItNeedsBeforeItIsFlown) {
    const Trial r =
        run(kHead + "zones:\n" + kDisc + kSlabs + "flights:\n" +
            "  - {id: f, category: inspection, depart: 10:10, speed: 10 m/s, altitude: 50 m, behaviour: "
            "compliant, from: [-2 km, 0], to: [2 km, 0]}\n");
    const Drone& d = r.drone("f");
    // asked at 10:10 for the slab the way around crosses, granted after 5 min, flown then, never violating
    const auto asked = r.of("f", EventType::AuthorisationRequested);
    ASSERT_EQ(asked.size(), 1u);
    EXPECT_EQ(asked[0].time, r.scenario.time.start + 10 * 60000);
    ASSERT_EQ(r.of("f", EventType::AuthorisationGranted).size(), 1u);
    ASSERT_EQ(r.of("f", EventType::Reroute).size(), 1u);
    EXPECT_EQ(d.departedAt, r.scenario.time.start + 15 * 60000);
    EXPECT_EQ(d.violations, 0);
    EXPECT_TRUE(r.of("f", EventType::ViolationStart).empty());
    EXPECT_EQ(r.of("f", EventType::ZoneEntry).size(), 1u); // through the slab, as authorised
    EXPECT_EQ(r.verdict("f").rule.kind, RuleKind::Rerouted);
    EXPECT_EQ(r.verdict("f").rule.authorised.size(), 1u); // around, authorised in the slab
}

TEST(Rules, AWayAroundNeverCrossesAZoneThatRefusesTheFlight) {
    // a hobby pilot gets no authorisation for the slabs: it flies around the disc and them, or not at all
    const Trial r = run(kHead + "zones:\n" + kDisc + kSlabs + "flights:\n" +
                        flight("f", "behaviour: compliant, from: [-2 km, 0], to: [2 km, 0]"));
    EXPECT_EQ(r.drone("f").violations, 0);
    EXPECT_TRUE(r.of("f", EventType::ViolationStart).empty());
}

TEST(Rules, AStandingAuthorisationLiftsAProhibitedZone) {
    const Trial r =
        run(kHead + "categories: {survey: {kind: commercial, authorisations: [disc]}}\nzones:\n" + kDisc +
            "flights:\n  - {id: f, category: survey, depart: 10:10, speed: 10 m/s, altitude: 50 m, "
            "behaviour: compliant, from: [0, 0], to: [2 km, 0]}\n");
    const Drone& d = r.drone("f");
    EXPECT_EQ(d.departedAt, r.scenario.time.start + 10 * 60000);
    EXPECT_EQ(d.violations, 0);
    EXPECT_TRUE(r.of("f", EventType::Cancellation).empty());
    ASSERT_EQ(r.verdict("f").findings.size(), 1u);
    EXPECT_FALSE(r.verdict("f").findings[0].applies);
    EXPECT_EQ(r.verdict("f").findings[0].reason, FindingReason::StandingAuthorisation);
    // "Can I fly here?" gives the same answer at the take-off point
    const WhereAnswer here =
        where(compile(r.scenario), {0, 0}, r.scenario.time.start + 10 * 60000, 50.0, "survey");
    EXPECT_EQ(here.outcome, Outcome::Allowed);
    ASSERT_EQ(here.zones.size(), 1u);
    EXPECT_EQ(here.zones[0].finding.reason, FindingReason::StandingAuthorisation);
}

TEST(Rules, AnAuthorisationTheZoneNeverGrantsIsRefusedAtOnce) {
    // the zone grants commercial and state operators only; its answers take two hours
    const std::string zone =
        "  - {id: ctr, restriction: authorisation, decision: 2 h, shape: {circle: {center: [0, 0], "
        "radius: 500 m}}}\n";
    const Trial r = run(kHead + "zones:\n" + zone + "flights:\n" +
                        flight("f", "behaviour: compliant, from: [-2 km, 0], to: [2 km, 0]"));
    const core::Instant decided = r.scenario.time.start + 10 * 60000;
    ASSERT_EQ(r.of("f", EventType::AuthorisationRequested).size(), 1u);
    const auto denied = r.of("f", EventType::AuthorisationDenied);
    ASSERT_EQ(denied.size(), 1u);
    EXPECT_EQ(denied[0].time, decided);
    EXPECT_EQ(denied[0].reason, EventReason::NeverGranted);
    EXPECT_EQ(r.drone("f").departedAt, decided); // around the zone at once, no two-hour wait
    ASSERT_EQ(r.of("f", EventType::Reroute).size(), 1u);
    EXPECT_EQ(r.verdict("f").rule.refused, std::vector<int>{0});
}

TEST(Rules, GrazingAZoneIsNeitherAnEntryNorAViolation) {
    // both legs run along y = 500 m, tangent to the disc's edge at [0, 500 m]
    const Trial r = run(kHead + "zones:\n" + kDisc + "flights:\n" +
                        flight("u", "behaviour: unaware, from: [-2 km, 500 m], to: [2 km, 500 m]") +
                        flight("c", "behaviour: compliant, from: [-2 km, 500 m], to: [2 km, 500 m]"));
    for (const char* id : {"u", "c"}) {
        EXPECT_TRUE(r.of(id, EventType::ZoneEntry).empty()) << id;
        EXPECT_TRUE(r.of(id, EventType::ViolationStart).empty()) << id;
        EXPECT_TRUE(r.of(id, EventType::ViolationEnd).empty()) << id;
        EXPECT_EQ(r.drone(id).violations, 0) << id;
        EXPECT_TRUE(r.verdict(id).findings.empty()) << id; // its decision weighed no zone either
    }
    EXPECT_TRUE(r.of("c", EventType::Reroute).empty());
    // the edge itself counts as inside: "can I fly here?" says no there, and a drone standing on it
    // (taking off from [500 m, 0], on the edge) violates the zone while it climbs
    const WhereAnswer edge = where(compile(r.scenario), {0, 500}, r.scenario.time.start, 50.0, "hobby");
    EXPECT_EQ(edge.outcome, Outcome::Denied);
    const Trial standing = run(kHead + "zones:\n" + kDisc + "flights:\n" +
                               flight("s", "behaviour: unaware, from: [500 m, 0], to: [2 km, 0]"));
    const auto ended = standing.of("s", EventType::ViolationEnd);
    ASSERT_EQ(ended.size(), 1u);
    EXPECT_GT(ended[0].value, 0.0);
}

TEST(Rules, GeneratedFlightsTakeOffAndLandOnLand) {
    // an area of two discs, one on Fanoe and one far out in the North Sea: land is so small a share
    // of the area's bounds that random draws often miss it
    const std::string text = "title: T\ntime: {start: 2025-06-14T10:00+02:00, end: +3 h, step: 1 s}\n"
                             "map: {origin: {lat: 55.402, lon: 8.433}, basemap: denmark, extent: 200 km}\n"
                             "traffic:\n  - {id: g, category: hobby, count: 20, depart: {between: [10:00, "
                             "11:00]}, behaviour: {unaware: "
                             "100%}, area: {parts: [{circle: {center: [0, 0], radius: 2 km}}, {circle: "
                             "{center: [-150 km, -100 km], "
                             "radius: 1 km}}]}}\n";
    const Trial r = run(text);
    ASSERT_EQ(r.world.flights.size(), 20u);
    for (const FlightPlan& f : r.world.flights) {
        EXPECT_TRUE(core::contains(r.scenario.land, f.flight.route.front()))
            << f.flight.id << " takes off at sea";
        EXPECT_TRUE(core::contains(r.scenario.traffic[0].area, f.flight.route.front())) << f.flight.id;
        EXPECT_TRUE(f.flight.returnHome) << f.flight.id << " lands where it took off";
    }
    for (const Event& e : r.events) {
        if (e.type != EventType::Landing) continue;
        EXPECT_TRUE(core::contains(r.scenario.land, e.at)) << "flight " << e.flight << " lands at sea";
    }
}

TEST(Rules, GeneratedTrafficIsDrawnFlightByFlight) {
    // removing a written flight whose behaviour is drawn moves no generated flight
    const std::string text =
        kHead + "flights:\n" + flight("w", "from: [0, 0], to: [1 km, 0]") +
        "traffic:\n  - {id: club, category: hobby, count: 10, area: {circle: {center: [0, 0], "
        "radius: 3 km}}, depart: {between: [10:00, 11:00]}}\n"
        "  - {id: photo, category: photo, count: 5, area: {circle: {center: [0, 0], "
        "radius: 3 km}}, depart: {between: [10:00, 11:00]}}\n"
        "variants:\n  fewer: {remove: [flights.w]}\n";
    const Trial a = run(text), b = run(text, "fewer");
    ASSERT_EQ(a.world.flights.size(), 16u);
    ASSERT_EQ(b.world.flights.size(), 15u);
    for (std::size_t i = 0; i < 15; ++i) {
        const FlightPlan& x = a.world.flights[i + 1];
        const FlightPlan& y = b.world.flights[i];
        ASSERT_EQ(x.flight.id, y.flight.id);
        EXPECT_EQ(x.flight.depart, y.flight.depart) << x.flight.id;
        EXPECT_EQ(x.flight.route, y.flight.route) << x.flight.id;
        EXPECT_EQ(x.flight.speed, y.flight.speed) << x.flight.id;
        EXPECT_EQ(x.behaviour, y.behaviour) << x.flight.id;
    }
}

// --- what the words are made of (their sentences: tests/report/sentences_test.cpp) -----------

TEST(Words, ZonesInTheWayAreListedInOrder) {
    // two discs round the take-off point
    const std::string zones = "  - {id: east, name: 'Park, east', restriction: prohibited, shape: {circle: "
                              "{center: [0, 0], radius: 500 m}}}\n"
                              "  - {id: west, name: 'Park, west', restriction: prohibited, shape: {circle: "
                              "{center: [0, 0], radius: 600 m}}}\n";
    const Trial r = run(kHead + "zones:\n" + zones + "flights:\n" +
                        flight("f", "behaviour: compliant, from: [0, 0], to: [2 km, 0]"));
    const std::vector<Event> cancelled = r.of("f", EventType::Cancellation);
    ASSERT_EQ(cancelled.size(), 1u);
    EXPECT_EQ(cancelled[0].reason, EventReason::Prohibited);
    EXPECT_EQ(cancelled[0].zones, (std::vector<int>{0, 1}));
    EXPECT_EQ(r.verdict("f").rule.zones, (std::vector<int>{0, 1}));
    EXPECT_FALSE(r.verdict("f").rule.denied);
}

TEST(Words, AnAuthorisationRequestCarriesWhenTheAnswerIsDue) {
    const std::string zone = "  - {id: ctr, name: Control zone, restriction: authorisation, decision: 5 min, "
                             "shape: {circle: {center: [0, 0], radius: 500 m}}}\n";
    const Trial r =
        run(kHead + "zones:\n" + zone + "flights:\n" +
            "  - {id: f, category: inspection, depart: 10:10, behaviour: compliant, from: [-2 km, 0], to: "
            "[2 km, 0]}\n");
    const std::vector<Event> asked = r.of("f", EventType::AuthorisationRequested);
    ASSERT_EQ(asked.size(), 1u);
    EXPECT_EQ(asked[0].reason, EventReason::AnswerDue);
    EXPECT_EQ(asked[0].when, r.scenario.time.start + 15 * 60000);
}

TEST(Words, ATimelineEntryIsNamedByItsIndex) {
    const Trial r = run(kHead + "zones:\n" + kDisc +
                        "timeline:\n"
                        "  - {at: 10:05, event: announce, zone: disc, notice: 5 min, text: A ban.}\n"
                        "  - {at: 10:20, event: note, text: Leaders meet.}\n");
    std::vector<Event> told;
    for (const Event& e : r.events)
        if (e.type == EventType::ZoneAnnounced || e.type == EventType::Note) told.push_back(e);
    ASSERT_EQ(told.size(), 2u);
    EXPECT_EQ(told[0].ref, 0);
    EXPECT_EQ(told[0].zone, 0);
    EXPECT_EQ(told[0].when, r.scenario.time.start + 10 * 60000); // in force from
    EXPECT_EQ(told[1].ref, 1);
}

} // namespace
} // namespace nofly::sim
