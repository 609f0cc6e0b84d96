// A weekly timetable moved between UTC offsets (issue 20: one shift for the
// importer and the ED-269 export): its days move with it across midnight.
#include "core/weekly.hpp"

#include <gtest/gtest.h>

namespace nofly::core {
namespace {

constexpr Millis kHour = 3600 * 1000;

TEST(Weekly, AShiftWithinTheDayKeepsTheDay) {
    const ShiftedClock c = shiftClock(10 * kHour, -2 * kHour);
    EXPECT_EQ(c.sinceMidnight, 8 * kHour);
    EXPECT_EQ(c.days, 0);
}

TEST(Weekly, MondayOneOClockAtPlusTwoIsSundayInUtc) {
    const ShiftedClock c = shiftClock(1 * kHour, -2 * kHour);
    EXPECT_EQ(c.sinceMidnight, 23 * kHour);
    EXPECT_EQ(c.days, -1);
    EXPECT_EQ(shiftWeekday(0, c.days), 6);
}

TEST(Weekly, SundayLateMovesToMonday) {
    const ShiftedClock c = shiftClock(23 * kHour, 2 * kHour);
    EXPECT_EQ(c.sinceMidnight, 1 * kHour);
    EXPECT_EQ(c.days, 1);
    EXPECT_EQ(shiftWeekday(6, c.days), 0);
}

TEST(Weekly, AShiftOfMoreThanADayCountsEveryDay) {
    const ShiftedClock c = shiftClock(0, -50 * kHour);
    EXPECT_EQ(c.sinceMidnight, 22 * kHour);
    EXPECT_EQ(c.days, -3);
    EXPECT_EQ(shiftWeekday(2, c.days), 6);
}

} // namespace
} // namespace nofly::core
