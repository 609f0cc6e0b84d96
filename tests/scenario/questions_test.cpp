// The `questions:` section: prediction questions for the class. One test per
// rule, each on inline YAML, checking the line, the column and the words.
#include "inline_scenario.hpp"

#include "scenario/loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace nofly::scenario {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::load;
using testing::printed;

// A valid head with one flight, one airport and five generated flights: 13 lines.
const std::string kHead =
    "title: Test\n"
    "time: {start: 2025-06-14T10:00+02:00, end: +2 h, step: 1 s}\n"
    "map: {origin: {lat: 55.69, lon: 12.56}}\n"
    "airports: [EKCH]\n"
    "flights:\n"
    "  - id: bridge-inspection\n"
    "    category: hobby\n"
    "    depart: 10:10\n"
    "    from: [0 m, 0 m]\n"
    "    to: [1 km, 0 m]\n"
    "traffic:\n"
    "  - {id: park, category: hobby, count: 5, area: {circle: {center: [0, 0], radius: 2 km}}, "
    "depart: {between: [10:00, 11:00]}}\n"
    "questions:\n";

TEST(ScenarioQuestions, AFlightQuestionOffersTheFinalOutcomesByDefault) {
    const LoadResult r = load(kHead + "  - {id: bridge, ask: 'Will it fly?', flight: bridge-inspection}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    ASSERT_EQ(r.scenario->questions.size(), 1u);
    const Question& q = r.scenario->questions[0];
    EXPECT_EQ(q.id, "bridge");
    EXPECT_EQ(q.ask, "Will it fly?");
    EXPECT_EQ(q.flight, "bridge-inspection");
    EXPECT_THAT(q.choices, ElementsAre("flown", "caught", "violated", "neutralised", "cancelled", "pending"));
    EXPECT_FALSE(q.reveal);
    EXPECT_EQ(q.where.line, 14);
}

TEST(ScenarioQuestions, AFirstEventQuestionWithChoicesAndARevealTime) {
    const LoadResult r = load(kHead + "  - id: first-closure\n"
                                      "    ask: Which airport closes first?\n"
                                      "    first: site_closed\n"
                                      "    choices: [EKCH, none]\n"
                                      "    reveal: 11:30\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    const Question& q = r.scenario->questions.at(0);
    EXPECT_EQ(q.first, "site_closed");
    EXPECT_THAT(q.choices, ElementsAre("EKCH", "none"));
    ASSERT_TRUE(q.reveal);
    EXPECT_EQ(*q.reveal - r.scenario->time.start, 90 * 60000);
}

TEST(ScenarioQuestions, AGeneratedFlightCanBeAskedAbout) {
    const LoadResult r =
        load(kHead + "  - {id: q, ask: 'And this one?', flight: park-3, choices: [allowed, cancelled]}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.scenario->questions.at(0).flight, "park-3");
}

TEST(ScenarioQuestions, AnUnknownFlightSuggestsTheNearestOne) {
    const LoadResult r = load(kHead + "  - {id: bridge, ask: 'Will it fly?', flight: bridge-inspectoin}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:14:47: error: question 'bridge' flight: there is no flight "
                                      "'bridge-inspectoin' (did you mean 'bridge-inspection'?)"));
}

TEST(ScenarioQuestions, AChoiceThatIsNoOutcomeIsRefused) {
    const LoadResult r = load(
        kHead +
        "  - {id: bridge, ask: 'Will it fly?', flight: bridge-inspection, choices: [allowed, canceled]}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_EQ(r.diagnostics.errorCount(), 1u) << printed(r);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:14:85: error: question 'bridge' choice: 'canceled' is not one of "
                          "the known values (did you mean 'cancelled'?)"));
}

TEST(ScenarioQuestions, AChoiceOfAFirstQuestionMustNameSomethingOfTheScenario) {
    const LoadResult r = load(kHead + "  - id: first-closure\n"
                                      "    ask: Which airport closes first?\n"
                                      "    first: site_closed\n"
                                      "    choices: [EKHC, none]\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:17:15: error: question 'first-closure' choice: 'EKHC' is not "
                          "'none' nor an airport of this scenario (did you mean 'EKCH'?)"));
}

TEST(ScenarioQuestions, AFlightQuestionOffersTheLedgersWordsAndItsFlags) {
    const LoadResult r = load(kHead + "  - {id: q, ask: 'Will it fly?', flight: bridge-inspection, choices: "
                                      "[flown, pending, rerouted, allowed]}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_THAT(r.scenario->questions.at(0).choices, ElementsAre("flown", "pending", "rerouted", "allowed"));
}

// --- first: what it asks about --------------------------------------------------

// A valid head with defence: an airport that closes, a site, a radar, two responders, a
// flight: 15 lines.
const std::string kDefence =
    "title: Test\n"
    "time: {start: 2025-06-14T10:00+02:00, end: +2 h, step: 1 s}\n"
    "map: {origin: {lat: 55.69, lon: 12.56}}\n"
    "airports: [{id: EKCH, closure: {radius: 5 km}}]\n"
    "sites: [{id: depot, at: [2 km, 0 m], radius: 500 m}]\n"
    "sensors: [{id: radar, type: radar, at: [0 m, 0 m], range: 5 km}]\n"
    "responders:\n"
    "  - {id: jammer, type: jammer, base: [0 m, 0 m]}\n"
    "  - {id: police-team, type: police, base: [1 km, 0 m]}\n"
    "flights:\n"
    "  - {id: intruder, category: hobby, depart: 10:10, from: [0 m, 0 m], to: [1 km, 0 m]}\n"
    "questions:\n"
    "  - id: q\n"
    "    ask: Which?\n"
    "    choices: [none, ";

TEST(ScenarioQuestions, AFirstQuestionAsksAboutWhatItsEventNamesFirst) {
    const LoadResult r = load(kDefence + "jammer, police-team]\n    first: dispatch\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.scenario->questions.at(0).about, "responder");
    const LoadResult closure = load(kDefence + "EKCH]\n    first: site_closed\n");
    ASSERT_TRUE(closure.scenario) << printed(closure);
    EXPECT_EQ(closure.scenario->questions.at(0).about, "airport");
}

TEST(ScenarioQuestions, AboutNamesAnotherKindTheEventNames) {
    const LoadResult r = load(kDefence + "radar]\n    first: detection\n    about: sensor\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.scenario->questions.at(0).first, "detection");
    EXPECT_EQ(r.scenario->questions.at(0).about, "sensor");
    const LoadResult flights = load(kDefence + "intruder]\n    first: neutralised\n    about: flight\n");
    ASSERT_TRUE(flights.scenario) << printed(flights);
    EXPECT_EQ(flights.scenario->questions.at(0).about, "flight");
}

TEST(ScenarioQuestions, TracksAreAskedAboutByTheirNumbers) {
    const LoadResult r = load(kDefence + "T1, T12]\n    first: dispatch\n    about: track\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_THAT(r.scenario->questions.at(0).choices, ElementsAre("none", "T1", "T12"));
    const LoadResult wrong = load(kDefence + "T0]\n    first: dispatch\n    about: track\n");
    EXPECT_FALSE(wrong.scenario);
    EXPECT_THAT(printed(wrong),
                HasSubstr("test.yaml:15:21: error: question 'q' choice: 'T0' is not a track nor "
                          "'none' (the run numbers tracks as it finds them: T1, T2, ...)"));
}

TEST(ScenarioQuestions, AboutAKindTheEventDoesNotNameIsRefused) {
    const LoadResult r = load(kDefence + "jammer]\n    first: departure\n    about: responder\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:17:12: error: question 'q' about: a 'departure' event names no "
                          "responder (it names a flight)"));
}

TEST(ScenarioQuestions, AnUnknownKindSuggestsTheNearestOne) {
    const LoadResult r = load(kDefence + "jammer]\n    first: dispatch\n    about: responders\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:17:12: error: question 'q' about: 'responders' is not one of the "
                          "known values (did you mean 'responder'?)"));
}

TEST(ScenarioQuestions, AResponderCannotAnswerAQuestionAboutFlights) {
    // "Which responder goes out first?" asked of departures: answered with a flight, never 'jammer'
    const LoadResult r = load(kDefence + "jammer]\n    first: departure\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:15:21: error: question 'q' choice: 'jammer' is a responder, not a "
                          "flight: the answer is a flight or 'none' (a 'departure' event names a "
                          "flight)"));
}

TEST(ScenarioQuestions, AChoiceOfAnotherKindTheEventNamesSuggestsAbout) {
    const LoadResult r = load(kDefence + "police-team]\n    first: dispatch\n    about: flight\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:15:21: error: question 'q' choice: 'police-team' is a responder, "
                          "not a flight: the answer is a flight or 'none' (to ask which responder, "
                          "write 'about: responder')"));
}

TEST(ScenarioQuestions, ASiteIsNoAnswerForNoEventNamesOne) {
    const LoadResult r = load(kDefence + "depot]\n    first: site_closed\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:15:21: error: question 'q' choice: 'depot' is a site, not an "
                          "airport: the answer is an airport or 'none' (a 'site_closed' event names "
                          "an airport, a track or a flight)"));
}

TEST(ScenarioQuestions, AboutBelongsToFirstQuestionsOnly) {
    const LoadResult r =
        load(kHead + "  - {id: q, ask: 'Will it fly?', flight: bridge-inspection, about: flight}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:14:68: error: question 'q' about: only a 'first' question says "
                          "what it asks about (the answer to a 'flight' question is that flight's "
                          "outcome: remove 'about')"));
}

TEST(ScenarioQuestions, AnUnknownEventTypeSuggestsTheNearestOne) {
    const LoadResult r =
        load(kHead + "  - {id: q, ask: 'Which?', first: site_close, choices: [EKCH, none]}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:14:35: error: question 'q' first: 'site_close' is not one of the "
                          "known values (did you mean 'site_closed'?)"));
}

TEST(ScenarioQuestions, AnUnknownKeySuggestsTheRightOne) {
    const LoadResult r =
        load(kHead +
             "  - {id: q, ask: 'Will it fly?', flight: bridge-inspection, chioces: [allowed, cancelled]}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(
        printed(r),
        HasSubstr("test.yaml:14:61: error: question 'q': unknown key 'chioces' (did you mean 'choices'?)"));
}

TEST(ScenarioQuestions, AQuestionNeedsAFlightOrAFirstEvent) {
    const LoadResult r = load(kHead + "  - {id: q, ask: 'Will it fly?'}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:14:5: error: question 'q' says neither 'flight' nor 'first'"));
}

TEST(ScenarioQuestions, AQuestionHasOneAnswer) {
    const LoadResult r = load(
        kHead +
        "  - {id: q, ask: 'Which?', flight: bridge-inspection, first: site_closed, choices: [EKCH, none]}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:14:62: error: question 'q' has both 'flight' and 'first' (a "
                                      "question has one answer: keep one of them)"));
}

TEST(ScenarioQuestions, AFirstQuestionNeedsChoices) {
    const LoadResult r =
        load(kHead + "  - {id: q, ask: 'Which airport closes first?', first: site_closed}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:14:5: error: question 'q' gives no choices (list the answers the "
                          "class picks from, such as 'choices: [EKCH, EKBI, none]')"));
}

TEST(ScenarioQuestions, AChoiceWrittenTwiceIsRefused) {
    const LoadResult r = load(kHead + "  - {id: q, ask: 'Will it fly?', flight: bridge-inspection, choices: "
                                      "[allowed, cancelled, allowed]}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:14:91: error: question 'q' choice: 'allowed' is written twice"));
}

TEST(ScenarioQuestions, ARevealTimeOutsideTheRunIsRefused) {
    const LoadResult r =
        load(kHead + "  - {id: q, ask: 'Will it fly?', flight: bridge-inspection, reveal: 13:00}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:14:69: error: question 'q' reveal: 13:00 is outside the "
                                      "scenario's time (reveal between 10:00 and 12:00)"));
}

TEST(ScenarioQuestions, DuplicateIdsNameTheFirst) {
    const LoadResult r = load(kHead + "  - {id: q, ask: 'A?', flight: bridge-inspection}\n" +
                              "  - {id: q, ask: 'B?', flight: bridge-inspection}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:15:10: error: duplicate question id 'q' (the first is at "
                                      "test.yaml:14; ids must be unique)"));
}

TEST(ScenarioQuestions, AVariantCanRemoveAQuestion) {
    LoadOptions options;
    options.variant = "quiet";
    const LoadResult r = loadScenarioText(kHead + "  - {id: q, ask: 'A?', flight: bridge-inspection}\n" +
                                              "variants:\n  quiet: {remove: [questions.q]}\n",
                                          "test.yaml", options);
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_TRUE(r.scenario->questions.empty());
}

} // namespace
} // namespace nofly::scenario
