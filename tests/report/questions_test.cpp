// Settling prediction questions from a world and an event log built by hand.
#include "report/questions.hpp"

#include "scenario/keys.hpp"
#include "sim/simulation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace nofly::report {
namespace {

using ::testing::HasSubstr;

sim::Event event(core::Instant time, sim::EventType type, std::string site = {}, std::string flight = {}) {
    sim::Event e;
    e.time = time;
    e.type = type;
    e.site = std::move(site);
    e.flight = std::move(flight);
    return e;
}

scenario::Question firstQuestion(const std::string& type) {
    scenario::Question q;
    q.id = "first-closure";
    q.ask = "Which airport closes first?";
    q.first = type;
    q.choices = {"EKCH", "EKYT", "EKBI", "none"};
    return q;
}

scenario::Question flightQuestion(std::vector<std::string> choices) {
    scenario::Question q;
    q.id = "bridge";
    q.ask = "Will the bridge inspection fly?";
    q.flight = "bridge-inspection";
    q.choices = std::move(choices);
    return q;
}

/// A world with one flight in a given phase and outcome.
sim::World worldWith(sim::Phase phase, sim::Outcome outcome) {
    sim::World world;
    sim::FlightPlan plan;
    plan.flight.id = "bridge-inspection";
    world.flights.push_back(plan);
    sim::Drone drone;
    drone.phase = phase;
    drone.outcome = outcome;
    drone.landedAt = phase == sim::Phase::Landed ? 7200000 : -1;
    world.drones.push_back(drone);
    return world;
}

TEST(Questions, FirstIsTheSiteOfTheFirstEventOfThatType) {
    const std::vector<sim::Event> log = {
        event(1000, sim::EventType::Departure, "", "f1"),
        event(5000, sim::EventType::SiteClosed, "EKBI"),
        event(7000, sim::EventType::SiteClosed, "EKCH"),
    };
    const QuestionOutcome o = evaluateQuestion(firstQuestion("site_closed"), sim::World{}, log, false);
    EXPECT_TRUE(o.known);
    EXPECT_EQ(o.answer, "EKBI");
    EXPECT_EQ(o.at, 5000);
}

TEST(Questions, FirstWorksForAnyEventTypeByName) {
    const std::vector<sim::Event> log = {
        event(1000, sim::EventType::Departure, "", "f1"),
        event(2000, sim::EventType::Cancellation, "", "wedding-photos"),
    };
    const QuestionOutcome o = evaluateQuestion(firstQuestion("cancellation"), sim::World{}, log, false);
    EXPECT_TRUE(o.known);
    EXPECT_EQ(o.answer, "wedding-photos");
}

TEST(Questions, NothingYetIsOpenUntilTheRunEndsThenNone) {
    const std::vector<sim::Event> log = {event(1000, sim::EventType::Departure, "", "f1")};
    const QuestionOutcome during = evaluateQuestion(firstQuestion("site_closed"), sim::World{}, log, false);
    EXPECT_FALSE(during.known);
    const QuestionOutcome after = evaluateQuestion(firstQuestion("site_closed"), sim::World{}, log, true);
    EXPECT_TRUE(after.known);
    EXPECT_EQ(after.answer, "none");
}

TEST(Questions, AFlightIsSettledWhenItLands) {
    const auto q = flightQuestion({"allowed", "rerouted", "cancelled"});
    const QuestionOutcome flying =
        evaluateQuestion(q, worldWith(sim::Phase::Flying, sim::Outcome::Rerouted), {}, false);
    EXPECT_FALSE(flying.known);
    EXPECT_EQ(flying.answer, "rerouted");
    const QuestionOutcome landed =
        evaluateQuestion(q, worldWith(sim::Phase::Landed, sim::Outcome::Rerouted), {}, false);
    EXPECT_TRUE(landed.known);
    EXPECT_EQ(landed.answer, "rerouted");
    EXPECT_EQ(landed.at, 7200000);
}

TEST(Questions, ACancelledFlightIsSettledAtItsCancellation) {
    const std::vector<sim::Event> log = {event(3000, sim::EventType::Cancellation, "", "bridge-inspection")};
    const QuestionOutcome o =
        evaluateQuestion(flightQuestion({"allowed", "cancelled"}),
                         worldWith(sim::Phase::Cancelled, sim::Outcome::Cancelled), log, false);
    EXPECT_TRUE(o.known);
    EXPECT_EQ(o.answer, "cancelled");
    EXPECT_EQ(o.at, 3000);
}

TEST(Questions, DeniedReadsAsCancelledWhenDeniedIsNoChoice) {
    const sim::World world = worldWith(sim::Phase::Cancelled, sim::Outcome::Denied);
    EXPECT_EQ(evaluateQuestion(flightQuestion({"allowed", "cancelled"}), world, {}, false).answer,
              "cancelled");
    EXPECT_EQ(evaluateQuestion(flightQuestion({"allowed", "denied", "cancelled"}), world, {}, false).answer,
              "denied");
}

TEST(Questions, TheAnswerShowsOnlyAfterTheRevealTime) {
    auto q = firstQuestion("site_closed");
    q.reveal = 10000;
    const QuestionOutcome known{true, "EKCH", 5000};
    EXPECT_FALSE(revealed(q, known, 6000, false));
    EXPECT_TRUE(revealed(q, known, 10000, false));
    EXPECT_FALSE(revealed(q, QuestionOutcome{false, "none", -1}, 20000, false));
    EXPECT_TRUE(revealed(q, QuestionOutcome{false, "none", -1}, 20000, true)); // the run is over
}

TEST(Questions, TheClassIsJudgedOnlyOnSettledAnswers) {
    scenario::Scenario s;
    s.questions = {flightQuestion({"allowed", "cancelled"}), firstQuestion("site_closed")};
    const sim::World world = worldWith(sim::Phase::Landed, sim::Outcome::Allowed);
    const std::vector<sim::Event> log = {event(9000, sim::EventType::SiteClosed, "EKYT")};
    const auto results =
        answerQuestions(s, world, log, {{"bridge", "cancelled"}, {"first-closure", "EKYT"}}, false);
    ASSERT_EQ(results.size(), 2u);
    EXPECT_FALSE(results[0].correct());
    EXPECT_EQ(verdictWord(results[0]), "wrong");
    EXPECT_TRUE(results[1].correct());
    EXPECT_EQ(verdictWord(results[1]), "right");
    const std::string text = questionsText(results, 10000, 0);
    EXPECT_THAT(text, HasSubstr("the class got 1 of 2 answers right"));
    EXPECT_THAT(text, HasSubstr("class: EKYT   happened: EKYT (at 00:00)   right"));
}

TEST(Questions, ReadingAnAnswerFromTheCommandLine) {
    scenario::Scenario s;
    s.questions = {flightQuestion({"allowed", "cancelled"})};
    std::map<std::string, std::string> answers;
    EXPECT_FALSE(readAnswer(s, "bridge=cancelled", answers));
    EXPECT_EQ(answers["bridge"], "cancelled");
    EXPECT_THAT(readAnswer(s, "brige=cancelled", answers).value_or(""),
                HasSubstr("there is no question 'brige' (did you mean 'bridge'?)"));
    EXPECT_THAT(readAnswer(s, "bridge=canceled", answers).value_or(""),
                HasSubstr("'canceled' is not a choice of question 'bridge' (did you mean 'cancelled'?)"));
    EXPECT_THAT(readAnswer(s, "bridge", answers).value_or(""), HasSubstr("write QUESTION=CHOICE"));
}

TEST(Questions, EveryEventTypeCanBeAskedAbout) {
    // the scenario language's list of event names is the simulation's
    for (int t = static_cast<int>(sim::EventType::Departure);
         t <= static_cast<int>(sim::EventType::NeutraliseFailed); ++t) {
        const std::string name(sim::name(static_cast<sim::EventType>(t)));
        EXPECT_NE(
            std::find(scenario::keys::kEventLogTypes.begin(), scenario::keys::kEventLogTypes.end(), name),
            scenario::keys::kEventLogTypes.end())
            << name;
    }
    EXPECT_EQ(scenario::keys::kEventLogTypes.size(),
              static_cast<std::size_t>(sim::EventType::NeutraliseFailed) + 1);
}

} // namespace
} // namespace nofly::report
