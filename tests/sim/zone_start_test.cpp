// The world at its start knows which zones are in force (issue 15): the
// window's opening frame and `nofly render --at START` draw them solid, by
// the same rule every question uses (zoneActive), and the event log still
// opens with the zones in force at the start.
#include "sim/simulation.hpp"

#include "scenario/loader.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace nofly::sim {
namespace {

scenario::Scenario load(const std::string& text) {
    scenario::LoadResult r = scenario::loadScenarioText(text, "test.yaml", {});
    std::string printed;
    for (const auto& d : r.diagnostics.all())
        printed += core::format(d) + "\n";
    if (!r.scenario) throw std::runtime_error(printed);
    return *r.scenario;
}

// one zone always in force, one from 10:30, one until 09:00 (over before the start)
const std::string kThreeZones =
    "title: T\n"
    "time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}\n"
    "map: {origin: {lat: 55.69, lon: 12.56}}\n"
    "zones:\n"
    "  - {id: always, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 500 m}}}\n"
    "  - {id: later, restriction: prohibited, shape: {circle: {center: [2 km, 0], radius: 500 m}},\n"
    "     active: {from: 2025-06-14T10:30+02:00, to: 2025-06-14T12:00+02:00}}\n"
    "  - {id: over, restriction: prohibited, shape: {circle: {center: [4 km, 0], radius: 500 m}},\n"
    "     active: {from: 2025-06-14T08:00+02:00, to: 2025-06-14T09:00+02:00}}\n";

TEST(ZonesAtTheStart, AreInForceInTheWorldBeforeTheFirstStep) {
    const scenario::Scenario s = load(kThreeZones);
    const CompiledScenario compiled = compile(s);
    const World world = makeWorld(compiled, s.seed);
    ASSERT_EQ(world.zones.size(), 3u);
    EXPECT_TRUE(world.zones[0].active);
    EXPECT_FALSE(world.zones[1].active);
    EXPECT_FALSE(world.zones[2].active);
    for (std::size_t z = 0; z < world.zones.size(); ++z)
        EXPECT_EQ(world.zones[z].active, zoneActive(compiled.windows[z], s.time.start)) << s.zones[z].id;
}

TEST(ZonesAtTheStart, TheLogStillSaysTheyAreInForceAtTheFirstStep) {
    const scenario::Scenario s = load(kThreeZones);
    const CompiledScenario compiled = compile(s);
    World world = makeWorld(compiled, s.seed);
    const std::vector<Event> log = runToEnd(compiled, world);
    std::vector<std::string> switches;
    for (const Event& e : log)
        if (e.type == EventType::ZoneActivated || e.type == EventType::ZoneDeactivated)
            switches.push_back(core::formatInstant(e.time, 120).substr(11, 5) + " " +
                               s.zones[static_cast<std::size_t>(e.zone)].id + " " +
                               (e.type == EventType::ZoneActivated ? "on" : "off"));
    EXPECT_EQ(switches, (std::vector<std::string>{"10:00 always on", "10:30 later on"}));
}

} // namespace
} // namespace nofly::sim
