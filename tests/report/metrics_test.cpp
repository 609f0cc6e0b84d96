// The metrics of a run: near_misses counts every near miss, those a summary
// event stands for included (docs/simulation.md, "Near misses in a crowd").
#include "report/run_record.hpp"

#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace nofly::report {
namespace {

TEST(Metrics, NearMissesCountThoseASummaryStandsFor) {
    // two categories of 150 drones each, all taking off at once within a metre of each other
    const std::string text =
        "title: T\n"
        "time: {start: 2025-06-14T10:00+02:00, end: +1 min, step: 1 s}\n"
        "map: {origin: {lat: 55.69, lon: 12.56}}\n"
        "traffic:\n"
        "  - {id: h, category: hobby, count: 150, area: {circle: {center: [0, 0], radius: 1 m}}, "
        "depart: {between: [10:00, 10:00]}}\n"
        "  - {id: p, category: photo, count: 150, area: {circle: {center: [0, 0], radius: 1 m}}, "
        "depart: {between: [10:00, 10:00]}}\n";
    const scenario::LoadResult loaded = scenario::loadScenarioText(text, "test.yaml");
    ASSERT_TRUE(loaded.scenario);
    const scenario::Scenario& s = *loaded.scenario;
    sim::World world = sim::makeWorld(s);
    const std::vector<sim::Event> events = sim::runToEnd(s, world);

    // what the events say, summaries by their value, by the category of their first flight
    std::map<std::string, int> byCategory;
    int listed = 0, summaries = 0, total = 0;
    for (const sim::Event& e : events) {
        if (e.type != sim::EventType::NearMiss) continue;
        const int n = e.other.empty() ? static_cast<int>(e.value) : 1;
        (e.other.empty() ? summaries : listed) += 1;
        total += n;
        byCategory[e.flight.substr(0, 1) == "h" ? "hobby" : "photo"] += n;
    }
    ASSERT_GT(summaries, 0);
    EXPECT_GE(total, 300 * 299 / 2); // every pair at the first check in the air
    EXPECT_LT(listed + summaries, total / 10);

    const Metrics m = computeMetrics(s, world, events);
    EXPECT_EQ(m.total.nearMisses, total);
    EXPECT_EQ(m.byCategory.at("hobby").nearMisses, byCategory["hobby"]);
    EXPECT_EQ(m.byCategory.at("photo").nearMisses, byCategory["photo"]);
}

} // namespace
} // namespace nofly::report
