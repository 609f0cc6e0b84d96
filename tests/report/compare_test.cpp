// A comparison of policies (issue 16): each policy against the baseline seed by
// seed, with the interval of the difference, in the terminal's table, the CSV
// and the handout; intervals of counts that stop at zero.
#include "report/compare.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

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
    // said once above the table, in words: flown is apart from zero, near misses is not
    EXPECT_THAT(html,
                HasSubstr("<p>How sure? With 5 seeds, 1 of these 2 differences is unlikely to be chance: "
                          "its interval leaves zero out. 1 could be chance: near misses. About 25 seeds "
                          "would separate it, if it holds at this size.</p>"));
    EXPECT_THAT(html, HasSubstr("<th>how sure</th>"));
    // each row in a few words, not the sentence again
    EXPECT_THAT(html,
                HasSubstr("<td>outcome: flown</td><td class=\"num\">+1.8\u00a0(+0.8\u00a0to\u00a0+2.8)</td>"
                          "<td>unlikely to be chance</td>"));
    EXPECT_THAT(html, HasSubstr("<td>could be chance (about 25 seeds would tell)</td>"));
    EXPECT_THAT(html, Not(HasSubstr("The interval leaves out zero")));
    EXPECT_THAT(html, HasSubstr("<td class=\"num\">0.2 (0 to 0.8)</td>"));
}

TEST(Compare, PoliciesRunOnDifferentSeedsAreNotPaired) {
    Comparison c = twoPolicies();
    c.variants[1].seeds[0] = 99;
    EXPECT_THROW(comparisonTable(c), std::invalid_argument);
}

// --- issue 16: a handout for a policy room ---------------------------------------------------

/// `n` policies on seeds 1 and 2, named "Policy 1" ... (the first the base), each costing k
/// flights disrupted and k + 1 violation minutes per seed, and with a map of its own.
Comparison namedPolicies(int n) {
    Comparison c;
    c.title = "Named policies";
    c.file = "named.yaml";
    for (int k = 0; k < n; ++k) {
        VariantRuns v;
        v.variant = k == 0 ? "" : "p" + std::to_string(k);
        v.name = "Policy " + std::to_string(k + 1);
        v.description = "What policy " + std::to_string(k + 1) + " does.";
        for (int s = 0; s < 2; ++s) {
            Counts counts;
            counts.planned = 10;
            counts.disrupted = k + s;
            counts.violationMinutes = k + 1.0 + 0.5 * s;
            v.seeds.push_back(1u + static_cast<std::uint64_t>(s));
            v.runs.push_back(counts);
        }
        v.mapSvg = "<svg class=\"map-" + std::to_string(k) + "\"></svg>";
        c.variants.push_back(v);
    }
    return c;
}

/// How often `needle` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++n;
    return n;
}

TEST(CompareHandout, PoliciesAreShownByTheirNames) {
    const Comparison c = namedPolicies(3);
    const std::string html = comparisonHtml(c);
    EXPECT_THAT(html, HasSubstr("<tr><td>Policy 1</td><td>What policy 1 does.</td></tr>"));
    EXPECT_THAT(html, HasSubstr("<th>metric</th><th>Policy 1</th><th>Policy 2</th><th>Policy 3</th>"));
    EXPECT_THAT(html, HasSubstr("<h3>Policy 2 against Policy 1</h3>"));
    EXPECT_THAT(html, HasSubstr("<figcaption>Policy 3</figcaption>"));
    EXPECT_THAT(html, Not(HasSubstr("as written in the scenario")));
    EXPECT_THAT(html, Not(HasSubstr(">p2<")));
    // the terminal's columns and sections too; the CSV keeps the ids the command line takes
    const std::string table = comparisonTable(c);
    EXPECT_THAT(table, ::testing::MatchesRegex("(.|\n)*\n +Policy 1 +Policy 2 +Policy 3\n(.|\n)*"));
    EXPECT_THAT(table, HasSubstr("differences to 'Policy 1' below"));
    EXPECT_THAT(table, HasSubstr("\n  Policy 3 against Policy 1:\n"));
    const std::string csv = comparisonCsv(c);
    EXPECT_THAT(csv, HasSubstr("\nbase,1,disrupted,0.000\n"));
    EXPECT_THAT(csv, HasSubstr("\np2,diff,disrupted,2.000\n"));
}

TEST(CompareHandout, ANameTooLongForATerminalColumnGivesWayToTheId) {
    Comparison c = namedPolicies(2);
    c.variants[1].name = "A very long policy name that would not fit";
    EXPECT_THAT(comparisonTable(c), ::testing::MatchesRegex("(.|\n)*\n +Policy 1 +p1\n(.|\n)*"));
    EXPECT_THAT(comparisonHtml(c), HasSubstr("<th>A very long policy name that would not fit</th>"));
}

TEST(CompareHandout, WhatTheModelLeavesOutIsABox) {
    Comparison c = namedPolicies(2);
    EXPECT_THAT(comparisonHtml(c), Not(HasSubstr("leaves-out\"")));
    c.leavesOut = {"Weather: every day is calm.", "Police & other work."};
    EXPECT_THAT(comparisonHtml(c),
                HasSubstr("<aside class=\"leaves-out\">\n<h2>What this model leaves out</h2>\n<ul>\n"
                          "<li>Weather: every day is calm.</li>\n<li>Police &amp; other work.</li>\n"
                          "</ul>\n</aside>\n"));
}

TEST(CompareHandout, TheHeadlinesAreTheScenariosOrTheThreeOfBefore) {
    Comparison c = namedPolicies(2);
    const auto names = [&] {
        std::vector<std::string> out;
        for (const Metric* m : headlineMetrics(c))
            out.emplace_back(m->name);
        return out;
    };
    // no headlines: the charts of before issue 16
    EXPECT_EQ(names(), (std::vector<std::string>{"disrupted", "violating", "violation_minutes"}));
    // the scenario's, cost and benefit first
    c.headlines = {"violation_minutes", "closure_minutes", {"cancelled", "closure_minutes"}};
    EXPECT_EQ(names(), (std::vector<std::string>{"violation_minutes", "closure_minutes", "cancelled"}));
    // what it leaves unset takes the defaults: no place protected, so violation minutes is the benefit
    c.headlines = {"", "", {"near_misses"}};
    EXPECT_EQ(names(), (std::vector<std::string>{"disrupted", "violation_minutes", "near_misses"}));
    for (VariantRuns& v : c.variants)
        for (Counts& r : v.runs)
            r.protects = true;
    EXPECT_EQ(names(), (std::vector<std::string>{"disrupted", "near_protected_minutes", "near_misses"}));
    const std::string html = comparisonHtml(c);
    EXPECT_THAT(html, HasSubstr("<strong>near misses</strong>"));
    EXPECT_THAT(html, Not(HasSubstr("<strong>violated a zone at least once</strong>")));
}

TEST(CompareHandout, TheCostAgainstBenefitChartHasAPointAPolicyWithItsIntervals) {
    for (const int n : {2, 6}) {
        const Comparison c = namedPolicies(n);
        const std::string svg = costBenefitSvg(c, metric("disrupted"), metric("violation_minutes"));
        EXPECT_EQ(occurrences(svg, "<g class=\"policy\""), static_cast<std::size_t>(n)) << svg;
        // each a mean's dot with two error bars (two seeds that differ: an interval each way)
        EXPECT_EQ(occurrences(svg, "<circle"), 2u * static_cast<std::size_t>(n)); // the dot, the name's key
        EXPECT_EQ(occurrences(svg, "stroke-width=\"1.5\""), 2u * static_cast<std::size_t>(n));
        for (int k = 1; k <= n; ++k)
            EXPECT_THAT(svg, HasSubstr(">Policy " + std::to_string(k) + "</text>"));
        // the axes: labels with units, no network
        EXPECT_THAT(svg, HasSubstr(">legitimate flights disrupted</text>")); // its unit is in its words
        EXPECT_THAT(
            svg, HasSubstr(">violation minutes (min)</text>")); // as every chart labels it (chart_axis.hpp)
        EXPECT_THAT(svg, Not(HasSubstr("href")));
        EXPECT_THAT(comparisonHtml(c), HasSubstr("<div class=\"chart\">\n<svg"));
    }
}

TEST(CompareHandout, TheChartsTicksAreRound) {
    // six policies: 0.5 to 5.5 disrupted, intervals up to 11.9 (t with one degree of freedom):
    // ticks on the 1-2-5 steps every chart shares (report/chart_axis.hpp), whole ones without a point
    const std::string svg =
        costBenefitSvg(namedPolicies(6), metric("disrupted"), metric("violation_minutes"));
    std::vector<std::string> ticks; // the x axis's, left to right (the labels are bold, not matched)
    const std::string open = "text-anchor=\"middle\">";
    for (std::size_t at = svg.find(open); at != std::string::npos; at = svg.find(open, at + 1)) {
        const std::size_t from = at + open.size();
        ticks.push_back(svg.substr(from, svg.find('<', from) - from));
    }
    EXPECT_EQ(ticks, (std::vector<std::string>{"0", "5", "10", "15"})) << svg;
}

TEST(CompareHandout, TheMapsGridHoldsTwoToSixWithNoMapAlone) {
    // on screen: 2 a row for 2 and 4, 3 a row for 3, 5 and 6; on paper one a row
    const std::pair<int, std::string> layouts[] = {
        {2, "maps cols-2"}, {3, "maps cols-3"}, {4, "maps cols-2"}, {5, "maps cols-3"}, {6, "maps cols-3"}};
    for (const auto& [n, grid] : layouts) {
        const std::string html = comparisonHtml(namedPolicies(n));
        EXPECT_THAT(html,
                    HasSubstr("<div class=\"" + grid + "\">\n<figure><figcaption>Policy 1</figcaption>"))
            << n;
        for (int k = 0; k < n; ++k)
            EXPECT_THAT(html, HasSubstr("<svg class=\"map-" + std::to_string(k) + "\">"));
        // the print stylesheet: one map a row, the page's width
        EXPECT_THAT(html, HasSubstr("@media print"));
        EXPECT_THAT(html, HasSubstr(".maps, .maps.cols-3 { grid-template-columns: minmax(0, 1fr);"));
        // the page's styles, then the handout's, in the head
        EXPECT_LT(html.find(".leaves-out {"), html.find("</head>"));
    }
}

} // namespace
} // namespace nofly::report
