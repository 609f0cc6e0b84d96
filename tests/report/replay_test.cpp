// The data a replay page plays (report/replay.hpp), on an inline scenario: the
// flights' plans as the simulation flew them, and a run too large for a small
// file thinned to one straight line a flight, with no flight left out and a
// notice that says so.
#include "report/replay.hpp"

#include "palace.hpp"
#include "report/questions.hpp"
#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace nofly::report {
namespace {

struct Played {
    scenario::Scenario scenario;
    sim::CompiledScenario compiled;
    sim::World start, world;
    RunRecord run;
    ReplayInput input;
};

void play(Played& p) {
    // the palace under its ban (a variant of it)
    scenario::LoadOptions options;
    options.variant = "ban";
    const scenario::LoadResult loaded = scenario::loadScenarioText(testing::kPalace, "palace.yaml", options);
    if (!loaded.scenario) throw std::runtime_error("the palace does not load");
    p.scenario = *loaded.scenario;
    p.compiled = sim::compile(p.scenario);
    p.start = sim::makeWorld(p.compiled, p.scenario.seed);
    p.world = sim::makeWorld(p.compiled, p.scenario.seed);
    p.run.scenario = &p.scenario;
    p.run.events = runSamplingResponders(p.compiled, p.world, p.input.responders);
    p.run.world = &p.world;
    p.run.questions = answerQuestions(p.scenario, p.world, p.run.events, {}, true);
    p.input.scenario = &p.scenario;
    p.input.start = &p.start;
    p.input.run = &p.run;
    p.input.windows = &p.compiled.windows;
}

TEST(ReplayData, DronesFlyTheirPlansAndAViolationIsTimed) {
    Played p;
    play(p);
    const nlohmann::json j = nlohmann::json::parse(replayJson(p.input));
    EXPECT_FALSE(j.contains("thinned"));
    ASSERT_EQ(j.at("drones").size(), 2u);
    const nlohmann::json& heedless = j.at("drones").at(0);
    EXPECT_EQ(heedless.at("id"), "heedless");
    // every piece of its plan, six numbers each: from, to [ms since the start], x0, y0, x1, y1 [m]
    EXPECT_EQ(heedless.at("plan").size(), 6 * p.world.drones[0].plan.size());
    EXPECT_EQ(heedless.at("departed"), p.world.drones[0].departedAt - p.scenario.time.start);
    // inside the ban from 1.2 km to 2.8 km of its 4 km: one violation, its times the events'
    ASSERT_EQ(heedless.at("violating").size(), 1u);
    const long long from = heedless.at("violating").at(0).at(0), to = heedless.at("violating").at(0).at(1);
    EXPECT_NEAR(static_cast<double>(to - from) / 1000.0, 160.0, 2.0);
    EXPECT_TRUE(j.at("drones").at(1).at("violating").empty());
    // the ban is in force all the run
    EXPECT_EQ(j.at("zones").at("ban").at("inForce"),
              nlohmann::json::array({nlohmann::json::array({0, j.at("end").get<long long>() + 1})}));
}

TEST(ReplayData, ARunTooLargeIsThinnedToOneLineAFlightAndSaysSo) {
    Played p;
    play(p);
    p.input.pieceBudget = 1;
    const nlohmann::json j = nlohmann::json::parse(replayJson(p.input));
    ASSERT_TRUE(j.contains("thinned"));
    EXPECT_NE(j.at("thinned").get<std::string>().find("2 flights that took off"), std::string::npos);
    ASSERT_EQ(j.at("drones").size(), 2u); // every flight is still there
    for (const nlohmann::json& d : j.at("drones")) {
        ASSERT_EQ(d.at("plan").size(), 6u) << d.at("id");
        // from take-off to landing, where it took off to where it landed
        EXPECT_EQ(d.at("plan").at(0), d.at("departed"));
        EXPECT_EQ(d.at("plan").at(1), d.at("landed"));
    }
    EXPECT_EQ(j.at("drones").at(0).at("plan").at(2), -2000);
    EXPECT_EQ(j.at("drones").at(0).at("plan").at(4), 2000);
}

} // namespace
} // namespace nofly::report
