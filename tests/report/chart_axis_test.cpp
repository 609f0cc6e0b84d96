// A sweep chart's axes read as a reader expects (issue 16): round ticks in
// steps of 1, 2 or 5, and a setting's path said in words.
#include "report/chart_axis.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nofly::report {
namespace {

/// The ticks as the axis prints them.
std::vector<std::string> printed(double low, double high) {
    const AxisTicks ticks = roundTicks(low, high);
    std::vector<std::string> out;
    for (double v : ticks.values)
        out.push_back(tickText(ticks, v));
    return out;
}

using Ticks = std::vector<std::string>;

TEST(RoundTicks, ARadiusFromOneToFifteenKmIsInStepsOfFive) {
    EXPECT_EQ(printed(1, 15), (Ticks{"0", "5", "10", "15"}));
}

TEST(RoundTicks, TheRangeOfTheOldChartIsInStepsOfTen) {
    // the README's chart read 4.50, 12.6, 37.9
    EXPECT_EQ(printed(4.5, 37.9), (Ticks{"0", "10", "20", "30", "40"}));
}

TEST(RoundTicks, ACountFromZeroEndsOnTheTickAboveTheHighest) {
    EXPECT_EQ(printed(0, 51), (Ticks{"0", "10", "20", "30", "40", "50", "60"}));
    EXPECT_EQ(printed(0, 50), (Ticks{"0", "10", "20", "30", "40", "50"}));
}

TEST(RoundTicks, AShareBelowOneHasOneDecimal) {
    EXPECT_EQ(printed(0, 0.45), (Ticks{"0.0", "0.1", "0.2", "0.3", "0.4", "0.5"}));
    EXPECT_EQ(printed(0, 1), (Ticks{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}));
}

TEST(RoundTicks, APercentageSweepNeedNotStartAtZero) {
    EXPECT_EQ(printed(50, 100), (Ticks{"50", "60", "70", "80", "90", "100"}));
}

TEST(RoundTicks, LogSpacedValuesGetALinearAxisOfRoundTicks) {
    // 1, 10, 100 (three sweeps merged): the axis is linear, so the ticks are too
    EXPECT_EQ(printed(1, 100), (Ticks{"0", "20", "40", "60", "80", "100"}));
}

TEST(RoundTicks, LargeAndNegativeRanges) {
    EXPECT_EQ(printed(0, 2400), (Ticks{"0", "500", "1000", "1500", "2000", "2500"}));
    EXPECT_EQ(printed(-3, 7), (Ticks{"-4", "-2", "0", "2", "4", "6", "8"}));
}

TEST(RoundTicks, OneValueSitsInsideAnAxisRoundIt) {
    EXPECT_EQ(printed(5, 5), (Ticks{"4.0", "4.5", "5.0", "5.5", "6.0"}));
    EXPECT_EQ(printed(0, 0), (Ticks{"-1.0", "-0.5", "0.0", "0.5", "1.0"}));
}

TEST(RoundTicks, NeverMoreIntervalsThanAsked) {
    for (double high : {0.7, 3.0, 13.0, 99.0, 1234.5, 98765.0}) {
        const AxisTicks ticks = roundTicks(0, high, 6);
        EXPECT_LE(ticks.values.size(), 7u) << high;
        EXPECT_LE(ticks.values.front(), 0.0) << high;
        EXPECT_GE(ticks.values.back(), high) << high;
    }
}

TEST(SettingInWords, AZoneRadiusReadsAsTheRadiusOfTheZone) {
    EXPECT_EQ(settingInWords("zones.summit-circle.shape.circle.radius"), "radius of summit-circle");
    EXPECT_EQ(settingInWords("traffic.morning-hobby.behaviour.remote_id"), "remote id of morning-hobby");
    EXPECT_EQ(settingInWords("time.step"), "time step");
    EXPECT_EQ(settingInWords("seed"), "seed");
}

TEST(LabelWithUnit, TheUnitFollowsUnlessTheLabelSaysItAsAWord) {
    EXPECT_EQ(labelWithUnit("legitimate flights disrupted", "flights"), "legitimate flights disrupted");
    // "min" inside "drone-minutes" is not the unit said
    EXPECT_EQ(labelWithUnit("drone-minutes near protected places", "min"),
              "drone-minutes near protected places (min)");
    EXPECT_EQ(labelWithUnit("extra km flown", "km"), "extra km flown");
    EXPECT_EQ(labelWithUnit("share unknown but harmless", "share"), "share unknown but harmless");
}

} // namespace
} // namespace nofly::report
