#include "render/detail/playback.hpp"

#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace nofly::render {
namespace {

scenario::Scenario loadShipped(const std::string& relative) {
    auto result = scenario::loadScenarioFile(std::string(NOFLY_SOURCE_DIR) + "/" + relative);
    EXPECT_TRUE(result.scenario.has_value());
    return std::move(*result.scenario);
}

/// The parts of two worlds a picture or a report reads.
void expectSameWorld(const sim::World& a, const sim::World& b) {
    ASSERT_EQ(a.tick, b.tick);
    EXPECT_EQ(a.now, b.now);
    ASSERT_EQ(a.drones.size(), b.drones.size());
    for (std::size_t i = 0; i < a.drones.size(); ++i) {
        EXPECT_EQ(a.drones[i].phase, b.drones[i].phase) << "drone " << i;
        EXPECT_EQ(a.drones[i].outcome, b.drones[i].outcome) << "drone " << i;
        EXPECT_EQ(a.drones[i].position.x, b.drones[i].position.x) << "drone " << i;
        EXPECT_EQ(a.drones[i].position.y, b.drones[i].position.y) << "drone " << i;
        EXPECT_EQ(a.drones[i].violations, b.drones[i].violations) << "drone " << i;
    }
    ASSERT_EQ(a.zones.size(), b.zones.size());
    for (std::size_t z = 0; z < a.zones.size(); ++z)
        EXPECT_EQ(a.zones[z].active, b.zones[z].active);
    EXPECT_EQ(a.verdicts.size(), b.verdicts.size());
}

void expectSameEvents(std::span<const sim::Event> a, const std::vector<sim::Event>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
        EXPECT_EQ(a[k].tick, b[k].tick) << k;
        EXPECT_EQ(a[k].type, b[k].type) << k;
        EXPECT_EQ(a[k].flight, b[k].flight) << k;
        EXPECT_EQ(a[k].reason, b[k].reason) << k;
        EXPECT_EQ(a[k].zone, b[k].zone) << k;
        EXPECT_EQ(a[k].value, b[k].value) << k;
    }
}

TEST(Playback, ScrubbingBackAndForthGivesTheWorldOfAStraightRun) {
    const scenario::Scenario s = loadShipped("scenarios/denmark_2025/summit_ban.yaml");
    const core::Instant target = s.time.start + 3 * 3600000 + 17000; // 10:00:17

    // straight: every tick before the target
    const sim::CompiledScenario straightModel = sim::compile(s);
    sim::World straight = sim::makeWorld(straightModel, s.seed);
    const std::vector<sim::Event> straightEvents =
        sim::runToEnd(straightModel, straight, target - s.time.step);

    // scrubbed: to the end, back to the start, past the target, back to it
    Playback playback(std::make_shared<const scenario::Scenario>(s), 20 * 60000);
    while (playback.advanceToward(s.time.end + 3600000, 100000) > 0) {
    }
    EXPECT_TRUE(playback.finished());
    EXPECT_GT(playback.snapshotCount(), 10u);
    playback.advanceToward(s.time.start, 0);
    EXPECT_EQ(playback.now(), s.time.start);
    EXPECT_TRUE(playback.events().empty());
    while (playback.advanceToward(target + 3600000, 100000) > 0) {
    }
    while (playback.advanceToward(target, 100000) > 0) {
    }
    ASSERT_TRUE(playback.arrived(target));
    expectSameWorld(playback.world(), straight);
    expectSameEvents(playback.events(), straightEvents);
}

TEST(Playback, GoingBackRestoresASnapshotAndReplaysOnlyTheRest) {
    const scenario::Scenario s = loadShipped("scenarios/tutorial/01_one_zone_one_flight.yaml");
    Playback playback(std::make_shared<const scenario::Scenario>(s), 10 * 60000);
    while (playback.advanceToward(s.time.start + 60 * 60000, 100000) > 0) {
    }
    // 25 minutes back: the snapshot at 30 min, then 5 minutes of 1 s steps
    const int steps = playback.advanceToward(s.time.start + 35 * 60000, 100000);
    EXPECT_EQ(steps, 5 * 60);
    EXPECT_EQ(playback.now(), s.time.start + 35 * 60000);
}

TEST(Playback, StepsAreBoundedPerCall) {
    const scenario::Scenario s = loadShipped("scenarios/tutorial/01_one_zone_one_flight.yaml");
    Playback playback(std::make_shared<const scenario::Scenario>(s));
    EXPECT_EQ(playback.advanceToward(s.time.end, 7), 7);
    EXPECT_EQ(playback.now(), s.time.start + 7 * s.time.step);
    EXPECT_FALSE(playback.arrived(s.time.end));
}

TEST(Playback, ChoosesFewerSnapshotsForManyDrones) {
    const scenario::Scenario s = loadShipped("scenarios/tutorial/01_one_zone_one_flight.yaml");
    Playback playback(std::make_shared<const scenario::Scenario>(s));
    EXPECT_GE(playback.snapshotEvery(), 60000);
    EXPECT_LE(playback.snapshotEvery(), (s.time.end - s.time.start) / 6);
}

} // namespace
} // namespace nofly::render
