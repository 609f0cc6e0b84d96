// `nofly run --answer` and `nofly view --split` on the command line: the
// class's answers in the summary and report.json, and the mistakes a teacher
// can type refused with a suggestion and exit code 2.
#include "nofly_process.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using nofly::testing::nofly;
using ::testing::HasSubstr;

const std::string kFlagship = "run scenarios/denmark_2025/summit_ban.yaml --quiet";

TEST(RunAnswers, TheSummaryListsTheClassAnswersAgainstWhatHappened) {
    const auto o = nofly(
        "run scenarios/denmark_2025/summit_ban.yaml --answer wedding=cancelled --answer bridge=allowed");
    EXPECT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out, HasSubstr("Questions (the class got 1 of 2 answers right)"));
    EXPECT_THAT(o.out, HasSubstr("class: cancelled   happened: cancelled (at 11:00)   right"));
    EXPECT_THAT(o.out, HasSubstr("class: allowed   happened: cancelled (at 08:30)   wrong"));
    EXPECT_THAT(o.out, HasSubstr("class: -   happened: violated (at 10:35)   not answered"));
}

TEST(RunAnswers, EachVariantIsJudgedOnItsOwnRun) {
    const auto o =
        nofly("run scenarios/denmark_2025/summit_ban.yaml --variant status-quo --answer wedding=cancelled");
    EXPECT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out, HasSubstr("class: cancelled   happened: allowed"));
    EXPECT_THAT(o.out, HasSubstr("wrong"));
}

TEST(RunAnswers, ReportJsonHoldsTheQuestions) {
    const fs::path dir = fs::temp_directory_path() / ("nofly-answers-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const auto o = nofly(kFlagship + " --answer aarhus=violated --html --out '" + dir.string() + "'");
    ASSERT_EQ(o.exit, 0) << o.out;
    const std::string json = nofly::testing::slurp(dir / "report.json");
    EXPECT_THAT(json, HasSubstr("\"questions\": ["));
    EXPECT_THAT(json, HasSubstr("\"id\": \"aarhus\""));
    EXPECT_THAT(json, HasSubstr("\"class_answer\": \"violated\""));
    EXPECT_THAT(json, HasSubstr("\"happened\": \"violated\""));
    EXPECT_THAT(json, HasSubstr("\"result\": \"right\""));
    const std::string html = nofly::testing::slurp(dir / "report.html");
    EXPECT_THAT(html, HasSubstr("Predictions: what the class answered and what happened"));
    EXPECT_THAT(html, HasSubstr("A hobby pilot in Aarhus has not heard of the ban."));
    fs::remove_all(dir);
}

TEST(RunAnswers, VotesCountedByTheTeacherAreTalliedAgainstWhatHappened) {
    const fs::path dir = fs::temp_directory_path() / ("nofly-votes-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const auto o = nofly("run scenarios/denmark_2025/summit_ban.yaml --answer wedding=cancelled:12,allowed:5 "
                         "--answer bridge=allowed:3,rerouted:3 --out '" +
                         dir.string() + "'");
    ASSERT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out, HasSubstr("Questions (the class got 1 of 2 answers right)"));
    EXPECT_THAT(
        o.out,
        HasSubstr(
            "class: allowed 5, cancelled 12 (12 of 17 right)   happened: cancelled (at 11:00)   right"));
    EXPECT_THAT(
        o.out,
        HasSubstr("class: allowed 3, rerouted 3 (0 of 6 right)   happened: cancelled (at 08:30)   tie"));
    const std::string json = nofly::testing::slurp(dir / "report.json");
    EXPECT_THAT(json,
                HasSubstr("\"class_answer\": \"cancelled\",\n      \"votes\": {\n        \"allowed\": 5,\n"
                          "        \"cancelled\": 12\n      }"));
    EXPECT_THAT(json, HasSubstr("\"class_answer\": null,\n      \"votes\": {\n        \"allowed\": 3,\n"
                                "        \"rerouted\": 3,\n        \"cancelled\": 0\n      }"));
    EXPECT_THAT(json, HasSubstr("\"result\": \"tie\""));
    fs::remove_all(dir);
}

TEST(RunAnswers, AMiscountedVoteIsACommandLineMistake) {
    const auto o = nofly(kFlagship + " --answer wedding=cancelled:twelve");
    EXPECT_EQ(o.exit, 2);
    EXPECT_THAT(o.out,
                HasSubstr("nofly run: --answer 'wedding=cancelled:twelve': 'twelve' is not a number of "
                          "votes for 'cancelled' (write a whole number, such as 'cancelled:12')"));
}

TEST(RunAnswers, AnAnswerTakesOneValueSoTheFileMayFollow) {
    const auto o = nofly("run --answer wedding=cancelled --quiet scenarios/denmark_2025/summit_ban.yaml");
    EXPECT_EQ(o.exit, 0) << o.out;
}

TEST(RunAnswers, AnUnknownQuestionIsACommandLineMistake) {
    const auto o = nofly(kFlagship + " --answer weding=cancelled");
    EXPECT_EQ(o.exit, 2);
    EXPECT_THAT(o.out,
                HasSubstr("nofly run: --answer 'weding=cancelled': there is no question 'weding' (did you "
                          "mean 'wedding'?)"));
}

TEST(RunAnswers, AChoiceTheQuestionDoesNotOfferIsACommandLineMistake) {
    const auto o = nofly(kFlagship + " --answer wedding=rerouted");
    EXPECT_EQ(o.exit, 2);
    EXPECT_THAT(o.out, HasSubstr("'rerouted' is not a choice of question 'wedding'"));
}

TEST(ViewSplit, NeedsTwoVariants) {
    const auto o = nofly("view scenarios/denmark_2025/summit_ban.yaml --split base");
    EXPECT_EQ(o.exit, 2);
    EXPECT_THAT(o.out, HasSubstr("--split 'base': name two variants with a comma"));
}

TEST(ViewSplit, IsNotUsedWithVariant) {
    const auto o =
        nofly("view scenarios/denmark_2025/summit_ban.yaml --split base,status-quo --variant status-quo");
    EXPECT_EQ(o.exit, 2);
    EXPECT_THAT(o.out, HasSubstr("--split and --variant together"));
}

TEST(ViewSplit, IsInTheHelp) {
    EXPECT_THAT(nofly("view --help").out, HasSubstr("--split"));
    EXPECT_THAT(nofly("render --help").out, HasSubstr("--answer"));
    EXPECT_THAT(nofly("view --help").out, HasSubstr("CHOICE:N,CHOICE:N"));
    EXPECT_THAT(nofly("run --help").out, HasSubstr("--answer"));
}

} // namespace
