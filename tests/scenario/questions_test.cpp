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

TEST(ScenarioQuestions, AFlightQuestionOffersTheOutcomeWordsByDefault) {
    const LoadResult r = load(kHead + "  - {id: bridge, ask: 'Will it fly?', flight: bridge-inspection}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    ASSERT_EQ(r.scenario->questions.size(), 1u);
    const Question& q = r.scenario->questions[0];
    EXPECT_EQ(q.id, "bridge");
    EXPECT_EQ(q.ask, "Will it fly?");
    EXPECT_EQ(q.flight, "bridge-inspection");
    EXPECT_THAT(q.choices, ElementsAre("allowed", "authorised", "denied", "rerouted", "cancelled", "waited",
                                       "violated", "neutralised"));
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
                HasSubstr("test.yaml:17:15: error: question 'first-closure' choice: 'EKHC' is not 'none' "
                          "nor an airport, site, zone, sensor, responder or flight of this scenario (did "
                          "you mean 'EKCH'?)"));
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
