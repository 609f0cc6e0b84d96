// Settling prediction questions from a world and an event log built by hand,
// and warning of choices that leave out what a flight can come to.
#include "report/questions.hpp"

#include "report/ledger.hpp"
#include "scenario/keys.hpp"
#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace nofly::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

/// What the hand-built logs name: airports 0 EKCH, 1 EKYT, 2 EKBI, and responder 0 jammer.
scenario::Scenario named() {
    scenario::Scenario s;
    for (const char* id : {"EKCH", "EKYT", "EKBI"}) {
        s.airports.emplace_back();
        s.airports.back().id = id;
    }
    s.responders.emplace_back();
    s.responders.back().id = "jammer";
    return s;
}

/// A world of flights with these ids, nothing more.
sim::World flying(const std::vector<std::string>& ids) {
    sim::World world;
    for (const std::string& id : ids) {
        world.flights.emplace_back();
        world.flights.back().flight.id = id;
        world.drones.emplace_back();
    }
    return world;
}

/// An event of a hand-built log, naming airport `site` and flight `flight` (indexes; -1: none).
sim::Event event(core::Instant time, sim::EventType type, int site = -1, int flight = -1) {
    sim::Event e;
    e.time = time;
    e.type = type;
    e.site = site;
    e.flight = flight;
    return e;
}

scenario::Question firstQuestion(const std::string& type, const std::string& about = "airport") {
    scenario::Question q;
    q.id = "first-closure";
    q.ask = "Which airport closes first?";
    q.first = type;
    q.about = about;
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

/// What the ledger reads of the one flight of a world built by hand.
struct Flown {
    sim::Phase phase = sim::Phase::Landed;
    bool rerouted = false;
    bool authorised = false;
    bool denied = false;
    int violations = 0;
    bool neutralised = false;
};

/// A world with one flight, "bridge-inspection": taken off at 1 s unless
/// planned or cancelled, landed at 2 h when landed.
sim::World worldWith(const Flown& f) {
    sim::World world;
    sim::FlightPlan plan;
    plan.flight.id = "bridge-inspection";
    world.flights.push_back(plan);
    sim::Drone drone;
    drone.phase = f.phase;
    const bool tookOff = f.phase == sim::Phase::Flying || f.phase == sim::Phase::Landed;
    drone.departedAt = tookOff ? 1000 : -1;
    drone.landedAt = f.phase == sim::Phase::Landed ? 7200000 : -1;
    drone.rerouted = f.rerouted;
    if (f.authorised) drone.authorisedZones = {0};
    if (f.denied) drone.deniedZones = {0};
    drone.violations = f.violations;
    drone.neutralised = f.neutralised;
    world.drones.push_back(drone);
    return world;
}

const scenario::Scenario kNamed = named();

QuestionOutcome settle(const scenario::Question& q, const sim::World& world,
                       std::span<const sim::Event> log = {}, bool finished = false) {
    return evaluateQuestion(kNamed, q, world, log, finished);
}

TEST(Questions, FirstIsTheSiteOfTheFirstEventOfThatType) {
    const std::vector<sim::Event> log = {
        event(1000, sim::EventType::Departure, -1, 0),
        event(5000, sim::EventType::SiteClosed, 2),
        event(7000, sim::EventType::SiteClosed, 0),
    };
    const QuestionOutcome o = settle(firstQuestion("site_closed"), flying({"f1"}), log, false);
    EXPECT_TRUE(o.known);
    EXPECT_EQ(o.answer, "EKBI");
    EXPECT_EQ(o.at, 5000);
}

TEST(Questions, FirstWorksForAnyEventTypeByName) {
    const std::vector<sim::Event> log = {
        event(1000, sim::EventType::Departure, -1, 0),
        event(2000, sim::EventType::Cancellation, -1, 1),
    };
    const QuestionOutcome o =
        settle(firstQuestion("cancellation", "flight"), flying({"f1", "wedding-photos"}), log, false);
    EXPECT_TRUE(o.known);
    EXPECT_EQ(o.answer, "wedding-photos");
}

TEST(Questions, NothingYetIsOpenUntilTheRunEndsThenNone) {
    const std::vector<sim::Event> log = {event(1000, sim::EventType::Departure, -1, 0)};
    const QuestionOutcome during = settle(firstQuestion("site_closed"), flying({"f1"}), log, false);
    EXPECT_FALSE(during.known);
    const QuestionOutcome after = settle(firstQuestion("site_closed"), flying({"f1"}), log, true);
    EXPECT_TRUE(after.known);
    EXPECT_EQ(after.answer, "none");
}

TEST(Questions, FirstAnswersWithTheKindItAsksAbout) {
    // a dispatch names the responder, the track and the drone: "which responder goes out first?"
    sim::Event dispatch = event(4000, sim::EventType::Dispatch, -1, 0);
    dispatch.track = 1;
    dispatch.actor = 0;
    const std::vector<sim::Event> log = {dispatch};
    const sim::World world = flying({"intruder"});
    EXPECT_EQ(settle(firstQuestion("dispatch", "responder"), world, log).answer, "jammer");
    EXPECT_EQ(settle(firstQuestion("dispatch", "track"), world, log).answer, "T2");
    EXPECT_EQ(settle(firstQuestion("dispatch", "flight"), world, log).answer, "intruder");
}

TEST(Questions, FirstSkipsEventsThatNameNothingOfThatKind) {
    // a detection of a sighting has no drone behind it: the first drone detected comes later
    sim::Event sighting = event(1000, sim::EventType::Detection);
    sighting.track = 0;
    sim::Event drone = event(3000, sim::EventType::Detection, -1, 0);
    drone.track = 1;
    const std::vector<sim::Event> log = {sighting, drone};
    const QuestionOutcome o = settle(firstQuestion("detection", "flight"), flying({"intruder"}), log);
    EXPECT_EQ(o.answer, "intruder");
    EXPECT_EQ(o.at, 3000);
}

TEST(Questions, AFlightIsSettledWhenItLands) {
    const auto q = flightQuestion({"allowed", "rerouted", "cancelled"});
    const QuestionOutcome flying = settle(q, worldWith({.phase = sim::Phase::Flying, .rerouted = true}));
    EXPECT_FALSE(flying.known);
    EXPECT_EQ(flying.answer, "rerouted");
    const QuestionOutcome landed = settle(q, worldWith({.phase = sim::Phase::Landed, .rerouted = true}));
    EXPECT_TRUE(landed.known);
    EXPECT_EQ(landed.answer, "rerouted");
    EXPECT_EQ(landed.at, 7200000);
}

TEST(Questions, ACancelledFlightIsSettledAtItsCancellation) {
    const std::vector<sim::Event> log = {event(3000, sim::EventType::Cancellation, -1, 0)};
    const QuestionOutcome o =
        settle(flightQuestion({"allowed", "cancelled"}), worldWith({.phase = sim::Phase::Cancelled}), log);
    EXPECT_TRUE(o.known);
    EXPECT_EQ(o.answer, "cancelled");
    EXPECT_EQ(o.at, 3000);
}

TEST(Questions, AFlightIsAnsweredWithItsFinalOutcomeInTheLedger) {
    // rerouted, then inside a zone: the ledger says violated, whatever the flags
    const sim::World world = worldWith({.rerouted = true, .violations = 1});
    EXPECT_EQ(settle(flightQuestion({"allowed", "rerouted", "violated"}), world).answer, "violated");
    const sim::World neutralised = worldWith({.violations = 1, .neutralised = true});
    EXPECT_EQ(settle(flightQuestion({"violated", "neutralised"}), neutralised).answer, "neutralised");
    const sim::World held = worldWith({.phase = sim::Phase::Waiting});
    EXPECT_EQ(settle(flightQuestion({"flown", "cancelled", "pending"}), held, {}, true).answer, "pending");
}

TEST(Questions, TheFinalOutcomeComesBeforeAFlag) {
    const sim::World world = worldWith({.rerouted = true});
    EXPECT_EQ(settle(flightQuestion({"flown", "rerouted"}), world).answer, "flown");
    EXPECT_EQ(settle(flightQuestion({"rerouted", "cancelled"}), world).answer, "rerouted");
}

TEST(Questions, AllowedStandsForFlownWhenFlownIsNoChoice) {
    // authorised, not a choice: the flight flew, so it was allowed
    const sim::World world = worldWith({.authorised = true});
    EXPECT_EQ(settle(flightQuestion({"allowed", "cancelled"}), world).answer, "allowed");
    EXPECT_EQ(settle(flightQuestion({"allowed", "authorised", "cancelled"}), world).answer, "authorised");
}

TEST(Questions, DeniedReadsAsCancelledWhenDeniedIsNoChoice) {
    const sim::World world = worldWith({.phase = sim::Phase::Cancelled, .denied = true});
    EXPECT_EQ(settle(flightQuestion({"allowed", "cancelled"}), world).answer, "cancelled");
    EXPECT_EQ(settle(flightQuestion({"allowed", "denied"}), world).answer, "denied");
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
    scenario::Scenario s = named();
    s.questions = {flightQuestion({"allowed", "cancelled"}), firstQuestion("site_closed")};
    const sim::World world = worldWith({});
    const std::vector<sim::Event> log = {event(9000, sim::EventType::SiteClosed, 1)};
    const auto results = answerQuestions(
        s, world, log, {{"bridge", {{"cancelled", 1}}}, {"first-closure", {{"EKYT", 1}}}}, false);
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
    std::map<std::string, Tally> answers;
    EXPECT_FALSE(readAnswer(s, "bridge=cancelled", answers));
    EXPECT_EQ(answers["bridge"], (Tally{{"cancelled", 1}}));
    EXPECT_THAT(readAnswer(s, "brige=cancelled", answers).value_or(""),
                HasSubstr("there is no question 'brige' (did you mean 'bridge'?)"));
    EXPECT_THAT(readAnswer(s, "bridge=canceled", answers).value_or(""),
                HasSubstr("'canceled' is not a choice of question 'bridge' (did you mean 'cancelled'?)"));
    EXPECT_THAT(readAnswer(s, "bridge", answers).value_or(""), HasSubstr("write QUESTION=CHOICE"));
}

TEST(Questions, ReadingCountedVotesFromTheCommandLine) {
    scenario::Scenario s;
    s.questions = {flightQuestion({"allowed", "cancelled"})};
    std::map<std::string, Tally> votes;
    EXPECT_FALSE(readAnswer(s, "bridge=cancelled:12,allowed:5", votes));
    EXPECT_EQ(votes["bridge"], (Tally{{"allowed", 5}, {"cancelled", 12}}));
    // a second --answer adds its votes
    EXPECT_FALSE(readAnswer(s, "bridge=allowed", votes));
    EXPECT_FALSE(readAnswer(s, "bridge=allowed:0", votes));
    EXPECT_EQ(votes["bridge"], (Tally{{"allowed", 6}, {"cancelled", 12}}));
    // mistakes: each named, and nothing of the faulty list counted
    const Tally before = votes["bridge"];
    EXPECT_EQ(
        readAnswer(s, "bridge=cancelled:3,allowed:x", votes).value_or(""),
        "'bridge=cancelled:3,allowed:x': 'x' is not a number of votes for 'allowed' (write a whole number, "
        "such as 'allowed:12')");
    EXPECT_EQ(
        readAnswer(s, "bridge=cancelled:-2", votes).value_or(""),
        "'bridge=cancelled:-2': '-2' is not a number of votes for 'cancelled' (write a whole number, such "
        "as 'cancelled:12')");
    EXPECT_EQ(
        readAnswer(s, "bridge=cancelled:1,cancelled:2", votes).value_or(""),
        "'bridge=cancelled:1,cancelled:2': 'cancelled' is counted twice (give each choice its votes once)");
    EXPECT_EQ(readAnswer(s, "bridge=cancelled:1,", votes).value_or(""),
              "'bridge=cancelled:1,': a choice is missing (write the votes as 'cancelled:12,allowed:5')");
    EXPECT_THAT(readAnswer(s, "bridge=cancelled:3,alowed:2", votes).value_or(""),
                HasSubstr("'alowed' is not a choice of question 'bridge' (did you mean 'allowed'?)"));
    EXPECT_EQ(votes["bridge"], before);
}

TEST(Questions, TheClassAnswersWithItsMostVotes) {
    EXPECT_EQ(majority({}), "");
    EXPECT_EQ(majority({{"allowed", 0}}), "");
    EXPECT_EQ(majority({{"allowed", 5}, {"cancelled", 12}}), "cancelled");
    EXPECT_EQ(majority({{"allowed", 5}, {"cancelled", 5}, {"rerouted", 1}}), "") << "a tie";
    EXPECT_EQ(majority({{"allowed", 2}, {"cancelled", 5}, {"rerouted", 5}}), "") << "a tie at the top";
    const std::vector<std::string> choices = {"rerouted", "cancelled", "allowed"};
    EXPECT_EQ(tallyText(choices, {}), "-");
    EXPECT_EQ(tallyText(choices, {{"allowed", 1}}), "allowed") << "one vote reads as an answer";
    EXPECT_EQ(tallyText(choices, {{"allowed", 5}, {"cancelled", 12}, {"rerouted", 0}}),
              "cancelled 12, allowed 5")
        << "in the question's order, choices nobody picked left out";

    scenario::Scenario s = named();
    s.questions = {flightQuestion({"allowed", "cancelled"}), firstQuestion("site_closed")};
    const sim::World world = worldWith({});
    const std::vector<sim::Event> log = {event(9000, sim::EventType::SiteClosed, 1)};
    const auto results = answerQuestions(
        s, world, log, {{"bridge", {{"allowed", 4}}}, {"first-closure", {{"EKYT", 3}, {"EKCH", 3}}}}, false);
    EXPECT_EQ(results[1].rightVotes(), 3);
    EXPECT_EQ(verdictWord(results[1]), "tie");
    EXPECT_FALSE(results[1].correct());
    EXPECT_THAT(questionsText(results, 10000, 0), HasSubstr("class: EKCH 3, EKYT 3 (3 of 6 right)"));
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

TEST(Questions, TheScenarioLanguageOffersTheLedgersOutcomes) {
    // scenario::keys lists the final outcomes again, below the ledger: they say the same, in order
    ASSERT_EQ(scenario::keys::kFinalOutcomes.size(), kFinalOutcomes.size());
    for (std::size_t i = 0; i < kFinalOutcomes.size(); ++i)
        EXPECT_EQ(scenario::keys::kFinalOutcomes[i], name(kFinalOutcomes[i]));
}

TEST(Questions, EveryEventTypeSaysWhatItNames) {
    // the kinds a first: question may ask about, for each type of the log, in its order
    ASSERT_EQ(scenario::keys::kEventSubjects.size(), scenario::keys::kEventLogTypes.size());
    for (std::size_t i = 0; i < scenario::keys::kEventSubjects.size(); ++i) {
        const auto& [type, kinds] = scenario::keys::kEventSubjects[i];
        EXPECT_EQ(type, scenario::keys::kEventLogTypes[i]);
        EXPECT_FALSE(kinds.empty()) << type;
        for (const std::string& kind : kinds)
            EXPECT_NE(std::find(scenario::keys::kQuestionSubjects.begin(),
                                scenario::keys::kQuestionSubjects.end(), kind),
                      scenario::keys::kQuestionSubjects.end())
                << type << ": " << kind;
    }
}

TEST(Questions, WhatARunsEventsNameIsWhatTheirTypeSays) {
    // a run with zones, a closure, a radar and responders: each event names only the kinds its type lists
    auto loaded =
        scenario::loadScenarioFile(std::string(NOFLY_TEST_DATA_DIR) + "/questions/first_responder.yaml");
    ASSERT_TRUE(loaded.scenario);
    const sim::CompiledScenario worldModel = sim::compile(*loaded.scenario);
    sim::World world = sim::makeWorld(worldModel, loaded.scenario->seed);
    const std::vector<sim::Event> log = sim::runToEnd(worldModel, world);
    std::set<std::string> seen;
    for (const sim::Event& e : log) {
        const std::string type(sim::name(e.type));
        const auto entry =
            std::find_if(scenario::keys::kEventSubjects.begin(), scenario::keys::kEventSubjects.end(),
                         [&](const auto& x) { return x.first == type; });
        ASSERT_NE(entry, scenario::keys::kEventSubjects.end()) << type;
        const auto lists = [&](const std::string& kind) {
            return std::find(entry->second.begin(), entry->second.end(), kind) != entry->second.end();
        };
        EXPECT_TRUE(e.flight < 0 || lists("flight")) << type << " names a flight";
        EXPECT_TRUE(e.track < 0 || lists("track")) << type << " names a track";
        EXPECT_TRUE(e.site < 0 || lists("airport")) << type << " names an airport";
        EXPECT_TRUE(e.zone < 0 || lists("zone")) << type << " names a zone";
        EXPECT_TRUE(e.actor < 0 || lists("sensor") || lists("responder")) << type << " names an actor";
        seen.insert(type);
    }
    // the run has the defence's events to check
    for (const char* type : {"detection", "site_closed", "dispatch", "neutralised", "zone_entry"})
        EXPECT_TRUE(seen.count(type)) << type;
}

// --- choices that leave out what a flight can come to ---------------------------

/// The warnings checkQuestionChoices gives on a scenario written inline, one a line.
std::string choiceWarnings(const std::string& yaml) {
    const scenario::LoadResult r = scenario::loadScenarioText(yaml, "test.yaml");
    if (!r.scenario) {
        std::string errors;
        for (const core::Diagnostic& d : r.diagnostics.all())
            errors += core::format(d) + "\n";
        return "does not load:\n" + errors;
    }
    core::Diagnostics warnings;
    checkQuestionChoices(*r.scenario, warnings);
    std::string out;
    for (const core::Diagnostic& d : warnings.all())
        out += core::format(d) + "\n";
    return out;
}

// A prohibited disc, a radar and a jammer, a careful pilot and a careless one: 15 lines.
const std::string kChoices =
    "title: Test\n"
    "time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}\n"
    "map: {origin: {lat: 55.69, lon: 12.56}}\n"
    "zones:\n"
    "  - {id: helipad, restriction: prohibited, shape: {circle: {center: [0 m, 0 m], radius: 500 m}}}\n"
    "sensors: [{id: radar, type: radar, at: [0 m, 0 m], range: 5 km}]\n"
    "responders: [{id: jammer, type: jammer, base: [0 m, 0 m]}]\n"
    "flights:\n"
    "  - {id: careful, category: hobby, depart: 10:05, from: [-2 km, 0 m], to: [2 km, 0 m], "
    "behaviour: compliant}\n"
    "  - {id: careless, category: hobby, depart: 10:10, from: [-2 km, 0 m], to: [2 km, 0 m], "
    "behaviour: unaware}\n"
    "questions:\n";

TEST(QuestionChoices, AnOutcomeTheChoicesLeaveOutIsWarnedOfAtTheQuestion) {
    const std::string w =
        choiceWarnings(kChoices + "  - {id: fate, ask: 'What happens?', flight: careless, choices: [allowed, "
                                  "violated]}\n");
    EXPECT_EQ(w,
              "test.yaml:12:5: warning: question 'fate' offers no choice for 'neutralised', which flight "
              "'careless' can come to: the scenario's sensors may report it unknown and responder 'jammer' "
              "stop it (add 'neutralised' to its choices, or a class that foresees it is marked wrong)\n");
}

TEST(QuestionChoices, ATeamThatCannotStopADroneDoesNotMakeNeutralisedPossible) {
    // success: 0% is a team that only goes there (the flagship's police: no source reports a drone
    // brought down that week); a second team that can succeed is named instead
    std::string zeroOnly = kChoices;
    const std::string jammer = "responders: [{id: jammer, type: jammer, base: [0 m, 0 m]}]\n";
    zeroOnly.replace(zeroOnly.find(jammer), jammer.size(),
                     "responders: [{id: patrol, type: police, base: [0 m, 0 m], success: 0%}]\n");
    const std::string fate =
        "  - {id: fate, ask: 'What happens?', flight: careless, choices: [allowed, violated]}\n";
    EXPECT_EQ(choiceWarnings(zeroOnly + fate), "");

    std::string both = kChoices;
    both.replace(both.find(jammer), jammer.size(),
                 "responders: [{id: patrol, type: police, base: [0 m, 0 m], success: 0%}, {id: jammer, type: "
                 "jammer, base: [0 m, 0 m]}]\n");
    EXPECT_THAT(choiceWarnings(both + fate), HasSubstr("and responder 'jammer' stop it"));
}

TEST(QuestionChoices, ACompliantFlightCanBeCancelledNotViolated) {
    const std::string w =
        choiceWarnings(kChoices + "  - {id: fly, ask: 'Will it fly?', flight: careful, choices: [allowed, "
                                  "neutralised]}\n");
    EXPECT_THAT(w,
                HasSubstr("test.yaml:12:5: warning: question 'fly' offers no choice for 'cancelled', which "
                          "flight 'careful' can come to: zone 'helipad' may stand in its way"));
    EXPECT_THAT(w, Not(HasSubstr("'violated'")));
    EXPECT_THAT(w, Not(HasSubstr("'pending'"))); // the helipad never ends, so it never waits
}

TEST(QuestionChoices, ChoicesThatCoverEveryOutcomeGiveNoWarning) {
    EXPECT_EQ(choiceWarnings(kChoices +
                             "  - {id: a, ask: 'Which?', flight: careless}\n"
                             "  - {id: b, ask: 'Which?', flight: careful, choices: [allowed, rerouted, "
                             "cancelled, neutralised]}\n"),
              "");
}

TEST(QuestionChoices, AFlightHeldPastTheEndCanBePending) {
    // an answer due 2 h after a take-off at 10:30 comes after the run's end at 11:00
    const std::string w = choiceWarnings(
        "title: Test\n"
        "time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}\n"
        "map: {origin: {lat: 55.69, lon: 12.56}}\n"
        "zones:\n"
        "  - {id: harbour, restriction: authorisation, grant: all, decision: 2 h, shape: {circle: {center: "
        "[0 m, 0 m], radius: 1 km}}}\n"
        "flights:\n"
        "  - {id: survey, category: inspection, depart: 10:30, from: [0 m, 0 m], to: [500 m, 0 m], "
        "behaviour: "
        "compliant}\n"
        "questions:\n"
        "  - {id: survey, ask: 'Will it fly?', flight: survey, choices: [allowed, cancelled]}\n");
    EXPECT_EQ(
        w, "test.yaml:9:5: warning: question 'survey' offers no choice for 'pending', which flight 'survey' "
           "can come to: zone 'harbour' may still hold it on the ground when the run ends (add 'pending' to "
           "its choices, or a class that foresees it is marked wrong)\n");
}

TEST(QuestionChoices, AnExemptFlightCanOnlyFly) {
    EXPECT_EQ(choiceWarnings(
                  "title: Test\n"
                  "time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}\n"
                  "map: {origin: {lat: 55.69, lon: 12.56}}\n"
                  "zones:\n"
                  "  - {id: ban, restriction: prohibited, exempt: [police], shape: {circle: {center: "
                  "[0 m, 0 m], radius: 5 km}}}\n"
                  "flights:\n"
                  "  - {id: patrol, category: police, depart: 10:30, from: [0 m, 0 m], to: [500 m, 0 m]}\n"
                  "questions:\n"
                  "  - {id: patrol, ask: 'Will it fly?', flight: patrol, choices: [allowed, rerouted]}\n"),
              "");
}

} // namespace
TEST(Callouts, KeyEventsAreWhatAQuestionOrTheStoryIsAbout) {
    scenario::Scenario s = named();
    s.questions = {flightQuestion({"allowed", "cancelled"}), firstQuestion("site_closed")};
    const sim::World world = flying({"other", "bridge-inspection"});
    using T = sim::EventType;
    const std::vector<sim::Event> log = {
        event(1000, T::Cancellation, -1, 0), // another flight's: no
        event(2000, T::Departure, -1, 1),    // the asked flight, but says little: no
        event(3000, T::Reroute, -1, 1),      // the asked flight's reroute: yes
        event(4000, T::SiteClosed, 1),       // an airport closes: yes (and the first closure)
        event(5000, T::SiteClosed, 0),       // another closure: the story, yes
        event(6000, T::Cancellation, -1, 1), // the asked flight's cancellation: yes
    };
    EXPECT_EQ(keyEvents(s, world, log, 0), (std::vector<std::size_t>{2, 3, 4, 5}));
    EXPECT_EQ(keyEvents(s, world, log, 4), (std::vector<std::size_t>{4, 5})) << "from an index on";
    // a `first:` question's type is key only the first time
    s.questions = {firstQuestion("departure", "flight")};
    EXPECT_EQ(keyEvents(s, world, log, 0), (std::vector<std::size_t>{1, 3, 4}));
}

TEST(Callouts, AreCutAtAWordAndNeverInsideALetter) {
    scenario::Scenario s = named();
    const sim::World world = flying({"wedding-photos"});
    const std::string text = calloutText(s, world, event(0, sim::EventType::SiteClosed, 0));
    EXPECT_LE(text.size(), 64u);
    EXPECT_EQ(text.rfind("EKCH", 0), 0u) << text;
    const std::string shortOne = calloutText(s, world, event(0, sim::EventType::SiteClosed, 0), 20);
    EXPECT_LE(shortOne.size(), 20u);
    EXPECT_EQ(shortOne.substr(shortOne.size() - 3), "...") << shortOne;
    EXPECT_NE(shortOne[shortOne.size() - 4], ' ') << shortOne;
    // a name of letters of two bytes each, with no space to cut at: cut between letters
    s.airports[0].id = "ØØØØØØØØØØØØØØØØØØØØØØØØØØØØØØØØØØØØØØØØ";
    const std::string danish = calloutText(s, world, event(0, sim::EventType::SiteClosed, 0), 20);
    EXPECT_EQ(danish.substr(danish.size() - 3), "...");
    const std::string letters = danish.substr(0, danish.size() - 3);
    EXPECT_EQ(letters.size() % 2, 0u) << "a letter cut in two: " << danish;
}

} // namespace nofly::report
