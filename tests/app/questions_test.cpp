// Questions on the command line: `nofly check` refuses a choice that can
// never be the answer and warns of choices that leave out what can happen;
// `nofly run` answers a first: question with the kind it asks about.
#include "nofly_process.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using nofly::testing::nofly;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(RunQuestions, AResponderQuestionIsAnsweredWithAResponder) {
    // "Which responder goes out first?": the jammer, not the drone it goes out to
    const auto o = nofly("run tests/data/questions/first_responder.yaml --answer first-out=jammer");
    EXPECT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out, HasSubstr("first-out: Which responder goes out first?\n"
                                 "    class: jammer   happened: jammer (at 19:43)   right"));
    EXPECT_THAT(o.out, HasSubstr("class: -   happened: EKCH (at 19:43)   not answered"));
    EXPECT_THAT(o.out, HasSubstr("class: -   happened: radar (at 19:40)   not answered"));
}

TEST(RunQuestions, AboutAsksForAnotherKindTheEventNames) {
    const auto o = nofly("run tests/data/questions/first_responder.yaml --answer first-drone=intruder");
    EXPECT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out, HasSubstr("class: intruder   happened: intruder (at 19:47)   right"));
}

TEST(CheckQuestions, AChoiceOfTheWrongKindIsRefusedAtItsLine) {
    const auto o = nofly("check scenarios/invalid/question_wrong_kind.yaml --quiet");
    EXPECT_EQ(o.exit, 1) << o.out;
    EXPECT_THAT(o.out,
                HasSubstr("scenarios/invalid/question_wrong_kind.yaml:25:15: error: question 'first-out' "
                          "choice: 'police' is a responder, not a flight: the answer is a flight or 'none' "
                          "(a 'departure' event names a flight)"));
}

TEST(CheckQuestions, ChoicesThatLeaveOutAnOutcomeAreWarnedOfAtTheQuestion) {
    const auto o = nofly("check tests/data/questions/choices_leave_out.yaml --quiet");
    EXPECT_EQ(o.exit, 0) << o.out; // a warning, not an error
    EXPECT_THAT(o.out,
                HasSubstr("tests/data/questions/choices_leave_out.yaml:16:5: warning: question 'careless' "
                          "offers no choice for 'violated', which flight 'careless' can come to: its "
                          "operator may break the rules, and zone 'helipad' applies to it (add 'violated' "
                          "to its choices, or a class that foresees it is marked wrong)"));
    // the responders come with the variant, and so does the outcome they make possible
    EXPECT_THAT(o.out, HasSubstr("tests/data/questions/choices_leave_out.yaml:16:5: warning: in variant "
                                 "'defended': question 'careless' offers no choice for 'neutralised'"));
}

TEST(CheckQuestions, TheShippedScenariosOfferWhatCanHappen) {
    const auto o =
        nofly("check scenarios/denmark_2025 scenarios/tutorial tests/data/questions/first_responder.yaml");
    EXPECT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out, Not(HasSubstr("offers no choice")));
}

} // namespace
