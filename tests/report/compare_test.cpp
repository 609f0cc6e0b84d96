// A comparison of policies (issue 16): each policy against the baseline seed by
// seed, with the interval of the difference, in the terminal's table, the CSV
// and the handout; intervals of counts that stop at zero.
#include "report/compare.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

namespace nofly::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

/// Two policies on seeds 11 to 15: flights flown (the hand-computed case of
/// statistics_test.cpp: 3, 5, 4, 6, 2 against 5, 6, 7, 7, 4) and near misses (one
/// in five seeds under the baseline, none under the other).
Comparison twoPolicies() {
    Comparison c;
    c.title = "Two policies";
    c.file = "two.yaml";
    const int baseline[] = {3, 5, 4, 6, 2}, stricter[] = {5, 6, 7, 7, 4};
    for (const char* name : {"", "stricter"}) {
        VariantRuns v;
        v.variant = name;
        for (int s = 0; s < 5; ++s) {
            Counts counts;
            counts.planned = 10;
            counts.flown = (*name ? stricter : baseline)[s];
            counts.nearMisses = !*name && s == 4 ? 1 : 0;
            v.seeds.push_back(11u + static_cast<std::uint64_t>(s));
            v.runs.push_back(counts);
        }
        c.variants.push_back(v);
    }
    return c;
}

TEST(Compare, TheTableGivesEachDifferenceSeedBySeedWithItsInterval) {
    const std::string table = comparisonTable(twoPolicies());
    EXPECT_THAT(table,
                HasSubstr("2 policies on the same traffic, 5 seeds each (mean [95% interval]); differences "
                          "to 'base' below, seed by seed\n"));
    // each policy's mean alone: 4 (2.04 to 5.96) and 5.8 (4.18 to 7.42) overlap
    EXPECT_THAT(table, ::testing::MatchesRegex(
                           "(.|\n)*  outcome: flown +4 \\[2.0, 6.0\\] +5.8 \\[4.2, 7.4\\]\n(.|\n)*"));
    // seed by seed: 1.8 (0.76 to 2.84), apart from zero
    EXPECT_THAT(table, HasSubstr("  stricter against base:\n"));
    EXPECT_THAT(
        table, ::testing::MatchesRegex(
                   "(.|\n)*    outcome: flown +\\+1.8 \\[\\+0.8, \\+2.8\\]  unlikely to be chance\n(.|\n)*"));
    EXPECT_THAT(table,
                ::testing::MatchesRegex(
                    "(.|\n)*    near misses +-0.2 \\[-0.8, \\+0.4\\]  could be chance \\(about 25 seeds "
                    "would tell\\)\n(.|\n)*"));
    EXPECT_THAT(table, HasSubstr("the same in every seed: flights planned,"));
}

TEST(Compare, ACountsIntervalStopsAtZero) {
    // one near miss in five seeds: 0.2 +- 0.56 once printed as "0.2 ±0.6"
    const std::string table = comparisonTable(twoPolicies());
    EXPECT_THAT(table, ::testing::MatchesRegex("(.|\n)*  near misses +0.2 \\[0, 0.8\\] +0\n(.|\n)*"));
    const std::string csv = comparisonCsv(twoPolicies());
    EXPECT_THAT(csv, HasSubstr("base,mean,near_misses,0.200\nbase,ci95,near_misses,0.555\n"
                               "base,low95,near_misses,0.000\nbase,high95,near_misses,0.755\n"));
}

TEST(Compare, TheCsvKeepsItsRowsAndAddsTheDifferences) {
    const std::string csv = comparisonCsv(twoPolicies());
    // the rows it always had
    EXPECT_THAT(csv, HasSubstr("variant,seed,metric,value\nbase,11,planned,10.000\n"));
    EXPECT_THAT(csv, HasSubstr("stricter,15,flown,4.000\n"));
    EXPECT_THAT(csv, HasSubstr("base,mean,flown,4.000\nbase,ci95,flown,1.963\n"));
    // the interval within the bounds, and the difference to the baseline with its interval
    EXPECT_THAT(csv,
                HasSubstr("stricter,mean,flown,5.800\nstricter,ci95,flown,1.619\nstricter,low95,flown,4.181\n"
                          "stricter,high95,flown,7.419\nstricter,diff,flown,1.800\n"
                          "stricter,diff_low95,flown,0.761\nstricter,diff_high95,flown,2.839\n"));
    // the baseline has no difference to itself
    EXPECT_THAT(csv, Not(HasSubstr("base,diff")));
}

TEST(Compare, OneSeedHasNoIntervalAndSaysSo) {
    Comparison c = twoPolicies();
    for (VariantRuns& v : c.variants) {
        v.seeds.resize(1);
        v.runs.resize(1);
    }
    const std::string table = comparisonTable(c);
    EXPECT_THAT(table,
                HasSubstr("one seed gives no interval, so no telling a difference from chance (run --seeds 5 "
                          "or more)"));
    EXPECT_THAT(table, ::testing::MatchesRegex("(.|\n)*    outcome: flown +\\+2\n(.|\n)*"));
    const std::string csv = comparisonCsv(c);
    EXPECT_THAT(csv, HasSubstr("stricter,diff,flown,2.000\n"));
    EXPECT_THAT(csv, Not(HasSubstr("low95")));
}

TEST(Compare, TheHandoutSaysHowSureEachDifferenceIs) {
    const std::string html = comparisonHtml(twoPolicies());
    EXPECT_THAT(html, HasSubstr("<h2>Each policy against base, seed by seed</h2>"));
    EXPECT_THAT(html, HasSubstr("<h3>stricter against base</h3>"));
    EXPECT_THAT(html, HasSubstr("<th>how sure are we</th>"));
    EXPECT_THAT(html,
                HasSubstr("<td>outcome: flown</td><td class=\"num\">+1.8\u00a0(+0.8\u00a0to\u00a0+2.8)</td>"
                          "<td>The interval leaves out zero: with 5 seeds this difference is unlikely to be "
                          "chance.</td>"));
    EXPECT_THAT(html, HasSubstr("<td class=\"num\">0.2 (0 to 0.8)</td>"));
}

TEST(Compare, PoliciesRunOnDifferentSeedsAreNotPaired) {
    Comparison c = twoPolicies();
    c.variants[1].seeds[0] = 99;
    EXPECT_THROW(comparisonTable(c), std::invalid_argument);
}

} // namespace
} // namespace nofly::report
