// The scenario language of detection and response: what the loader makes of
// each new key, and one test per validation rule with its line and column.
#include "inline_scenario.hpp"

#include "scenario/loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace nofly::scenario {
namespace {

using ::testing::HasSubstr;
using testing::kHead;
using testing::load;
using testing::printed;

// 3 lines
TEST(DefenceKeys, ReadsClosureMannedObstaclesTrackingAndResponders) {
    const LoadResult r = load(kHead +
                              "categories: {hobby: {remote-id: 30%}}\n"
                              "airports:\n"
                              "  - {id: EKCH, closure: {radius: 4 km, quiet: 15 min},\n"
                              "     manned: {arrivals: 30 per hour, departures: 12/h, hold: 10 min, divert-to: EKBI}}\n"
                              "  - EKBI\n"
                              "obstacles:\n"
                              "  - {id: hall, shape: {circle: {center: [0, 0], radius: 50 m}}, height: 25 m}\n"
                              "tracking: {lost-after: 90 s, misclassify: 5%}\n"
                              "responders:\n"
                              "  - {id: j, type: jammer, base: [0, 0], reach: 12 km, protects: EKCH}\n"
                              "  - {id: p, type: police, base: [0, 0], effect: return}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    const Scenario& s = *r.scenario;
    EXPECT_DOUBLE_EQ(s.category("hobby")->remoteId, 0.3);
    EXPECT_DOUBLE_EQ(s.category("photo")->remoteId, 0.9);
    ASSERT_TRUE(s.airports[0].closure);
    EXPECT_DOUBLE_EQ(s.airports[0].closure->radius, 4000.0);
    EXPECT_EQ(s.airports[0].closure->quiet, 900000);
    ASSERT_TRUE(s.airports[0].manned);
    EXPECT_DOUBLE_EQ(s.airports[0].manned->arrivalsPerHour, 30.0);
    EXPECT_DOUBLE_EQ(s.airports[0].manned->departuresPerHour, 12.0);
    EXPECT_EQ(s.airports[0].manned->hold, 600000);
    EXPECT_EQ(s.airports[0].manned->divertTo, "EKBI");
    EXPECT_FALSE(s.airports[1].closure);
    ASSERT_EQ(s.obstacles.size(), 1u);
    EXPECT_DOUBLE_EQ(s.obstacles[0].height, 25.0);
    EXPECT_EQ(s.tracking.lostAfter, 90000);
    EXPECT_DOUBLE_EQ(s.tracking.misclassify, 0.05);
    EXPECT_DOUBLE_EQ(s.responders[0].reach, 12000.0);
    EXPECT_EQ(s.responders[0].protects, std::vector<std::string>{"EKCH"});
    EXPECT_EQ(s.responders[0].effect, BreachAction::Return); // a jammer's default
    EXPECT_EQ(s.responders[1].effect, BreachAction::Return);
}

TEST(DefenceKeys, SensorWithoutATypeListsTheTypes) {
    const LoadResult r = load(kHead + "sensors:\n  - {id: s, at: [0, 0], range: 5 km}\n");
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:5: error: sensor 's' has no 'type' (one of: radar, rf, camera, "
                          "remote-id, sighting)"));
}

TEST(DefenceKeys, UnknownSensorTypeSuggestsTheNearest) {
    const LoadResult r = load(kHead + "sensors:\n  - {id: s, type: rader, at: [0, 0], range: 5 km}\n");
    EXPECT_EQ(r.diagnostics.errorCount(), 1u) << printed(r);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:19: error: sensor 's' type: 'rader' is not one of the known values "
                          "(did you mean 'radar'?)"));
}

TEST(DefenceKeys, SensorAndResponderTypesAreReadAsTheirValues) {
    const LoadResult r = load(kHead + "sensors:\n  - {id: s, type: remote-id, at: [0, 0], range: 5 km}\n"
                                      "responders:\n  - {id: j, type: interceptor, base: [0, 0]}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.scenario->sensors[0].type, SensorType::RemoteId);
    EXPECT_EQ(r.scenario->responders[0].type, ResponderType::Interceptor);
}

TEST(DefenceKeys, ResponderWithoutATypeListsTheTypes) {
    const LoadResult r = load(kHead + "responders:\n  - {id: p, base: [0, 0]}\n");
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:5: error: responder 'p' has no 'type' (one of: police, jammer, "
                          "interceptor)"));
}

TEST(DefenceKeys, PoliceBringDronesDownByDefault) {
    const LoadResult r = load(kHead + "responders:\n  - {id: p, type: police, base: [0, 0]}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.scenario->responders[0].effect, BreachAction::Land);
    EXPECT_DOUBLE_EQ(r.scenario->responders[0].reach, 30000.0);
}

// a scan every 0.4 ms rounded to 0 ms once, and the run never ended
TEST(DefenceKeys, RefusesASensorUpdateUnderAMillisecond) {
    const LoadResult r = load(kHead + "sensors:\n"
                                      "  - {id: r, type: radar, at: [0, 0], range: 5 km, update: 0.0004 s}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:59: error: sensor 'r' update is under a millisecond, and nofly's "
                                      "clock counts whole milliseconds (write at least '0.001 s'"));
    const LoadResult good = load(kHead + "sensors:\n"
                                         "  - {id: r, type: radar, at: [0, 0], range: 5 km, update: 0.001 s}\n");
    ASSERT_TRUE(good.scenario) << printed(good);
    EXPECT_EQ(good.scenario->sensors[0].update, 1);
}

TEST(DefenceKeys, RefusesARateThatIsNotPerHour) {
    const LoadResult r = load(kHead + "airports:\n"
                                      "  - {id: EKCH, manned: {arrivals: 30 per day}}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:35: error: airport 'EKCH' manned arrivals must be a number of "
                                      "flights per hour, such as '30 per hour', not '30 per day'"));
}

TEST(DefenceKeys, RefusesADiversionToAnAirportNotInTheScenario) {
    const LoadResult r = load(kHead + "airports:\n"
                                      "  - EKBI\n"
                                      "  - {id: EKCH, manned: {arrivals: 10, divert-to: EKBL}}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:6:50: error: manned traffic diverts to 'EKBL', which is not an airport "
                                      "of this scenario (did you mean 'EKBI'?)"));
}

TEST(DefenceKeys, ClosureNeedsARadius) {
    const LoadResult r = load(kHead + "airports:\n"
                                      "  - {id: EKCH, closure: {quiet: 30 min}}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:25: error: airport 'EKCH' closure has no 'radius'"));
    EXPECT_THAT(printed(r), HasSubstr("radius"));
}

TEST(DefenceKeys, ClosureKeysAreChecked) {
    const LoadResult r = load(kHead + "airports:\n"
                                      "  - {id: EKCH, closure: {radius: 5 km, quite: 30 min}}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:40: error: airport 'EKCH' closure: unknown key 'quite'"));
    EXPECT_THAT(printed(r), HasSubstr("did you mean 'quiet'?"));
}

TEST(DefenceKeys, ObstacleNeedsAHeight) {
    const LoadResult r = load(kHead + "obstacles:\n"
                                      "  - {id: hall, shape: {circle: {center: [0, 0], radius: 50 m}}}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:5: error:"));
    EXPECT_THAT(printed(r), HasSubstr("height"));
}

TEST(DefenceKeys, RemoteIdIsAShare) {
    const LoadResult r = load(kHead + "categories: {hobby: {remote-id: 150%}}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:4:33: error: category 'hobby' remote-id"));
}

TEST(DefenceKeys, ResponderProtectsOnlyAirportsAndSitesOfTheScenario) {
    const LoadResult r = load(kHead + "airports: [EKCH]\n"
                                      "responders:\n"
                                      "  - {id: p, type: police, base: [0, 0], protects: [EKHC]}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:6:52: error: responder 'p' protects 'EKHC', which is not an airport "
                                      "or site of this scenario (did you mean 'EKCH'?)"));
}

TEST(DefenceKeys, ResponderEffectIsLandOrReturn) {
    const LoadResult r = load(kHead + "responders:\n"
                                      "  - {id: p, type: jammer, base: [0, 0], effect: explode}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:49: error: responder 'p' effect"));
    EXPECT_THAT(printed(r), HasSubstr("land, return"));
}

TEST(DefenceKeys, TrackingKeysAreChecked) {
    const LoadResult r = load(kHead + "tracking: {lost-after: 0 s}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:4:24: error: tracking lost-after"));
}

} // namespace
} // namespace nofly::scenario
