// The statistics of a comparison (issue 16): Student's t exact for any
// degrees of freedom, a paired difference against numbers worked by hand, and
// intervals that never leave what a metric can be.
#include "report/statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <stdexcept>
#include <vector>

namespace nofly::report {
namespace {

TEST(TQuantile, MatchesThePrintedTables) {
    // two-sided 95%, as every table of Student's t prints it
    EXPECT_NEAR(tQuantile(1), 12.706, 0.0005);
    EXPECT_NEAR(tQuantile(4), 2.776, 0.0005);
    EXPECT_NEAR(tQuantile(30), 2.042, 0.0005);
    EXPECT_NEAR(tQuantile(60), 2.000, 0.0005);
    EXPECT_NEAR(tQuantile(1000), 1.962, 0.0005);
    // one value has no interval
    EXPECT_EQ(tQuantile(0), 0.0);
}

TEST(TQuantile, PastThirtyDegreesItIsNotTheNormalsYet) {
    // the table this replaced fell to 1.96 at 31 degrees of freedom: intervals too narrow
    EXPECT_NEAR(tQuantile(31), 2.040, 0.0005);
    EXPECT_NEAR(tQuantile(99), 1.984, 0.0005);
    for (std::size_t df = 1; df < 2000; ++df)
        EXPECT_GT(tQuantile(df), tQuantile(df + 1)) << df;
    EXPECT_GT(tQuantile(2000), 1.95996);
}

TEST(PairedDifference, MatchesAHandComputedCase) {
    // five seeds, each policy's value on the same traffic
    const std::vector<double> baseline = {3, 5, 4, 6, 2};
    const std::vector<double> variant = {5, 6, 7, 7, 4};
    // by hand: differences 2, 1, 3, 1, 2; mean 1.8; squares about the mean 0.04 + 0.64 + 1.44 +
    // 0.64 + 0.04 = 2.8, sd sqrt(2.8 / 4) = 0.83666; t(4) = 2.77645; half-width
    // 2.77645 * 0.83666 / sqrt(5) = 1.03885: 0.76115 to 2.83885
    const Estimate d = pairedDifference(variant, baseline);
    EXPECT_EQ(d.n, 5u);
    EXPECT_NEAR(d.mean, 1.8, 1e-12);
    EXPECT_NEAR(d.sd, 0.836660, 1e-6);
    EXPECT_NEAR(d.half, 1.038851, 1e-6);
    EXPECT_NEAR(d.low, 0.761149, 1e-6);
    EXPECT_NEAR(d.high, 2.838851, 1e-6);
    EXPECT_TRUE(d.excludesZero());
    // each policy alone: 4 (2.04 to 5.96) and 5.8 (4.18 to 7.42) overlap, so only the pairing
    // shows the difference is not chance
    const Estimate a = estimateMean(baseline), b = estimateMean(variant);
    EXPECT_NEAR(a.low, 2.036757, 1e-6);
    EXPECT_NEAR(b.high, 7.418932, 1e-6);
    EXPECT_LT(b.low, a.high);
}

TEST(PairedDifference, NeedsOneValueOfEachPolicyASeed) {
    const std::vector<double> three = {1, 2, 3}, two = {1, 2};
    EXPECT_THROW(pairedDifference(three, two), std::invalid_argument);
}

TEST(EstimateMean, OneValueOrOneValueEverywhereHasNoSpread) {
    const std::vector<double> one = {7};
    const Estimate e = estimateMean(one);
    EXPECT_FALSE(e.hasInterval());
    EXPECT_FALSE(e.excludesZero());
    EXPECT_EQ(e.low, 7.0);
    EXPECT_EQ(e.high, 7.0);
    // 0.1 five times: a sum of rounding errors is no spread
    const std::vector<double> same = {0.1, 0.1, 0.1, 0.1, 0.1};
    const Estimate s = estimateMean(same);
    EXPECT_EQ(s.sd, 0.0);
    EXPECT_EQ(s.half, 0.0);
}

TEST(EstimateMean, ACountsIntervalStopsAtZero) {
    // one near miss in five seeds: 0.2 +- 0.555 would reach -0.355
    const std::vector<double> values = {0, 0, 0, 0, 1};
    const Estimate e = estimateMean(values, {0.0});
    EXPECT_NEAR(e.mean, 0.2, 1e-12);
    EXPECT_NEAR(e.half, 0.555289, 1e-6);
    EXPECT_EQ(e.low, 0.0);
    EXPECT_NEAR(e.high, 0.755289, 1e-6);
}

TEST(BoundedIntervals, NeverCrossAMetricsBounds) {
    std::mt19937_64 random(16); // fixed: the same cases every time
    std::uniform_int_distribution<int> seeds(1, 30), small(0, 3);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::exponential_distribution<double> minutes(0.05);
    for (int k = 0; k < 20000; ++k) {
        const std::size_t n = static_cast<std::size_t>(seeds(random));
        std::vector<double> counts, amounts, shares, otherShares;
        for (std::size_t i = 0; i < n; ++i) {
            // counts mostly 0, as rare events are: the case that went below zero
            counts.push_back(unit(random) < 0.8 ? 0.0 : small(random));
            amounts.push_back(unit(random) < 0.5 ? 0.0 : minutes(random));
            shares.push_back(unit(random) < 0.3 ? 1.0 : unit(random));
            otherShares.push_back(unit(random) < 0.3 ? 0.0 : unit(random));
        }
        for (const std::vector<double>* values : {&counts, &amounts}) {
            const Estimate e = estimateMean(*values, {0.0});
            EXPECT_GE(e.low, 0.0);
            EXPECT_LE(e.low, e.mean);
            EXPECT_GE(e.high, e.mean);
        }
        const Estimate s = estimateMean(shares, {0.0, 1.0});
        EXPECT_GE(s.low, 0.0);
        EXPECT_LE(s.high, 1.0);
        EXPECT_LE(s.low, s.mean);
        EXPECT_GE(s.high, s.mean);
        // a difference of two shares is within -1 and 1
        const Estimate d = pairedDifference(shares, otherShares, {0.0, 1.0});
        EXPECT_GE(d.low, -1.0);
        EXPECT_LE(d.high, 1.0);
        if (::testing::Test::HasFailure()) FAIL() << "case " << k << ", " << n << " seeds";
    }
}

TEST(SeedsToSeparate, TheLeastSeedsWhoseIntervalWouldLeaveOutZero) {
    // differences 0, 0, 1, 0, 1: mean 0.4, sd 0.5477; t(n - 1) / sqrt(n) must fall below
    // 0.4 / 0.5477 = 0.7303: at 9 seeds 2.306 / 3 = 0.769, at 10 seeds 2.262 / 3.162 = 0.715
    const std::vector<double> variant = {0, 0, 1, 0, 1}, baseline = {0, 0, 0, 0, 0};
    const Estimate d = pairedDifference(variant, baseline);
    EXPECT_FALSE(d.excludesZero());
    EXPECT_EQ(seedsToSeparate(d), 10u);
    EXPECT_EQ(seedsToSeparate(d, 8), 9u); // more than a cap of 8: the cap + 1
    // already apart: its own seeds
    const Estimate apart =
        pairedDifference(std::vector<double>{5, 6, 7, 7, 4}, std::vector<double>{3, 5, 4, 6, 2});
    EXPECT_EQ(seedsToSeparate(apart), 5u);
    // a mean of 0 never separates; one seed cannot tell
    const Estimate zero =
        pairedDifference(std::vector<double>{1, -1, 2, -2}, std::vector<double>{0, 0, 0, 0});
    EXPECT_EQ(seedsToSeparate(zero, 200), 201u);
    EXPECT_EQ(seedsToSeparate(pairedDifference(std::vector<double>{3}, std::vector<double>{1})), 0u);
}

} // namespace
} // namespace nofly::report
