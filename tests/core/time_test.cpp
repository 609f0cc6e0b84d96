#include "core/time.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <variant>

namespace nofly::core {
namespace {

using ::testing::HasSubstr;

constexpr Millis kMinute = 60'000;
constexpr Millis kHour = 60 * kMinute;
constexpr Millis kDay = 24 * kHour;

// 2025-10-01T06:00Z, from Python's datetime(2025, 10, 1, 6, tzinfo=utc).
constexpr Instant kSummitMorning = 1'759'298'400'000;

// The scenario of the design sketch: starts 2025-10-01T07:00+02:00 (CEST).
TimeContext summitContext() {
    TimeContext context;
    context.start = kSummitMorning + kHour;
    context.utcOffsetMinutes = 120;
    context.hasStart = true;
    return context;
}

Instant instantOf(std::string_view text, const TimeContext& context = {}) {
    const Parsed<Instant> parsed = parseInstant(text, context);
    if (const ParseError* error = std::get_if<ParseError>(&parsed)) {
        ADD_FAILURE() << "'" << text << "' was refused: " << error->message << " (" << error->hint << ")";
        return 0;
    }
    return std::get<Instant>(parsed);
}

ParseError errorOf(std::string_view text, const TimeContext& context = {}) {
    const Parsed<Instant> parsed = parseInstant(text, context);
    if (const Instant* instant = std::get_if<Instant>(&parsed)) {
        ADD_FAILURE() << "'" << text << "' was accepted as " << *instant;
        return {};
    }
    return std::get<ParseError>(parsed);
}

// --- the calendar ----------------------------------------------------------------

TEST(TimeCivil, KnownDays) {
    // reference values from Python's datetime.date arithmetic
    EXPECT_EQ(daysFromCivil(1970, 1, 1), 0);
    EXPECT_EQ(daysFromCivil(2000, 3, 1), 11017);
    EXPECT_EQ(daysFromCivil(2025, 10, 1), 20362);
    EXPECT_EQ(daysFromCivil(1, 1, 1), -719162);
    EXPECT_EQ(daysFromCivil(1969, 12, 31), -1);
}

TEST(TimeCivil, RoundTripsEveryDayOverTenThousandYears) {
    // each day from 0001-01-01 to 9999-12-31 follows the one before
    int year = 1, month = 1, day = 1;
    const std::int64_t first = daysFromCivil(1, 1, 1);
    const std::int64_t last = daysFromCivil(9999, 12, 31);
    int previousYear = 0, previousMonth = 12, previousDay = 31;
    for (std::int64_t days = first; days <= last; ++days) {
        civilFromDays(days, year, month, day);
        const bool nextDay = year == previousYear && month == previousMonth && day == previousDay + 1;
        const bool nextMonth = year == previousYear && month == previousMonth + 1 && day == 1;
        const bool nextYear = year == previousYear + 1 && month == 1 && day == 1 && previousMonth == 12;
        ASSERT_TRUE(nextDay || nextMonth || nextYear) << year << "-" << month << "-" << day;
        ASSERT_EQ(daysFromCivil(year, month, day), days);
        previousYear = year;
        previousMonth = month;
        previousDay = day;
    }
}

TEST(TimeCivil, LeapDays) {
    EXPECT_EQ(daysFromCivil(2024, 3, 1) - daysFromCivil(2024, 2, 28), 2);
    EXPECT_EQ(daysFromCivil(2025, 3, 1) - daysFromCivil(2025, 2, 28), 1);
    EXPECT_EQ(daysFromCivil(1900, 3, 1) - daysFromCivil(1900, 2, 28), 1);
    EXPECT_EQ(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28), 2);
}

TEST(TimeCivil, DayOfWeek) {
    EXPECT_EQ(dayOfWeek(0, 0), 3);                           // 1970-01-01, Thursday
    EXPECT_EQ(dayOfWeek(-1, 0), 2);                          // 1969-12-31, Wednesday
    EXPECT_EQ(dayOfWeek(kSummitMorning, 120), 2);            // 2025-10-01, Wednesday
    EXPECT_EQ(dayOfWeek(kSummitMorning - 2 * kDay, 120), 0); // 2025-09-29, Monday
    EXPECT_EQ(dayOfWeek(kSummitMorning + 4 * kDay, 120), 6); // 2025-10-05, Sunday
    // 2025-09-30T23:30Z is already Wednesday in Copenhagen
    EXPECT_EQ(dayOfWeek(kSummitMorning - 6 * kHour - 30 * kMinute, 0), 1);
    EXPECT_EQ(dayOfWeek(kSummitMorning - 6 * kHour - 30 * kMinute, 120), 2);
}

TEST(TimeCivil, TimeOfDay) {
    EXPECT_EQ(timeOfDay(kSummitMorning, 0), 6 * kHour);
    EXPECT_EQ(timeOfDay(kSummitMorning, 120), 8 * kHour);
    EXPECT_EQ(timeOfDay(kSummitMorning, -330), 30 * kMinute);
    EXPECT_EQ(timeOfDay(-1, 0), kDay - 1);
}

// --- parsing ---------------------------------------------------------------------------

TEST(TimeParse, DateTimeWithOffset) {
    EXPECT_EQ(instantOf("2025-10-01T08:00+02:00"), kSummitMorning);
    EXPECT_EQ(instantOf("2025-10-01T06:00Z"), kSummitMorning);
    EXPECT_EQ(instantOf("2025-10-01T06:00:30Z"), kSummitMorning + 30'000);
    EXPECT_EQ(instantOf("2025-10-01 08:00+02:00"), kSummitMorning);
    EXPECT_EQ(instantOf("2025-10-01t06:00z"), kSummitMorning);
    EXPECT_EQ(instantOf("2025-10-01T08:00+0200"), kSummitMorning);
    EXPECT_EQ(instantOf("2025-10-01T08:00+02"), kSummitMorning);
    EXPECT_EQ(instantOf("2025-10-01T00:30-05:30"), kSummitMorning);
    EXPECT_EQ(instantOf("  2025-10-01T08:00+02:00 "), kSummitMorning);
}

TEST(TimeParse, FractionalSecondsRoundToTheMillisecond) {
    EXPECT_EQ(instantOf("2025-10-01T06:00:00.250Z"), kSummitMorning + 250);
    EXPECT_EQ(instantOf("2025-10-01T06:00:00,5Z"), kSummitMorning + 500);
    EXPECT_EQ(instantOf("2025-10-01T06:00:00.0004Z"), kSummitMorning);
    EXPECT_EQ(instantOf("2025-10-01T06:00:00.0005Z"), kSummitMorning + 1);
    EXPECT_EQ(instantOf("2025-10-01T06:00:00.123456789Z"), kSummitMorning + 123);
}

TEST(TimeParse, MidnightTwentyFourIsTheEndOfTheDay) {
    EXPECT_EQ(instantOf("2025-10-03T24:00+02:00"), instantOf("2025-10-04T00:00+02:00"));
    EXPECT_EQ(instantOf("2025-10-03T24:00:00+02:00"), instantOf("2025-10-04T00:00+02:00"));
    const ParseError error = errorOf("2025-10-03T24:30+02:00");
    EXPECT_EQ(error.message, "'2025-10-03T24:30+02:00' is past the end of the day");
}

TEST(TimeParse, DateAloneIsMidnightAtTheScenarioOffset) {
    TimeContext context;
    context.utcOffsetMinutes = 120;
    EXPECT_EQ(instantOf("2025-10-01", context), kSummitMorning - 8 * kHour);
    EXPECT_EQ(instantOf("2025-10-01"), kSummitMorning - 6 * kHour);
}

TEST(TimeParse, ClockTimeOnTheStartsLocalDate) {
    const TimeContext context = summitContext();
    EXPECT_EQ(instantOf("08:00", context), kSummitMorning);
    EXPECT_EQ(instantOf("8:00", context), kSummitMorning);
    EXPECT_EQ(instantOf("08:30:15", context), kSummitMorning + 30 * kMinute + 15'000);
    EXPECT_EQ(instantOf("24:00", context), kSummitMorning + 16 * kHour);
}

TEST(TimeParse, ClockTimeUsesTheLocalNotTheUtcDate) {
    // the start is 2025-10-01T00:30+02:00, which is still 30 September in UTC
    TimeContext context = summitContext();
    context.start = kSummitMorning - 7 * kHour - 30 * kMinute;
    EXPECT_EQ(instantOf("08:00", context), kSummitMorning);
}

TEST(TimeParse, OffsetsFromTheStart) {
    const TimeContext context = summitContext();
    EXPECT_EQ(instantOf("+15 min", context), context.start + 15 * kMinute);
    EXPECT_EQ(instantOf("+90 s", context), context.start + 90'000);
    EXPECT_EQ(instantOf("+2 h", context), context.start + 2 * kHour);
    EXPECT_EQ(instantOf("+1 h 30 min", context), context.start + 90 * kMinute);
    EXPECT_EQ(instantOf("+0.25 s", context), context.start + 250);
    EXPECT_EQ(instantOf("+15min", context), context.start + 15 * kMinute);
}

// --- parse errors ------------------------------------------------------------------------

TEST(TimeParse, ImpossibleMonthOrDay) {
    EXPECT_EQ(errorOf("2025-13-01T08:00+02:00").message, "'2025-13-01T08:00+02:00' has no month 13");
    EXPECT_EQ(errorOf("2025-00-01").message, "'2025-00-01' has no month 0");

    const ParseError error = errorOf("2025-02-29");
    EXPECT_EQ(error.message, "'2025-02-29' has no day 29 in February 2025");
    EXPECT_EQ(error.hint, "February 2025 has 28 days");
    EXPECT_EQ(errorOf("1900-02-29").message, "'1900-02-29' has no day 29 in February 1900");
    EXPECT_EQ(errorOf("2025-09-31").message, "'2025-09-31' has no day 31 in September 2025");
    EXPECT_EQ(instantOf("2024-02-29"), daysFromCivil(2024, 2, 29) * kDay);
    EXPECT_EQ(instantOf("2000-02-29"), daysFromCivil(2000, 2, 29) * kDay);
}

TEST(TimeParse, ImpossibleTimeOfDay) {
    ParseError error = errorOf("2025-10-01T25:00Z");
    EXPECT_EQ(error.message, "'2025-10-01T25:00Z' has no hour 25");
    EXPECT_EQ(error.hint, "hours run from 00 to 23");
    EXPECT_EQ(errorOf("2025-10-01T08:60Z").message, "'2025-10-01T08:60Z' has no minute 60");
    error = errorOf("2025-10-01T08:00:60Z");
    EXPECT_EQ(error.message, "'2025-10-01T08:00:60Z' has no second 60");
    EXPECT_THAT(error.hint, HasSubstr("leap seconds are not supported"));
    EXPECT_EQ(errorOf("08:5", summitContext()).message,
              "'08:5' is not a clock time of the form HH:MM or HH:MM:SS");
}

TEST(TimeParse, MissingOffset) {
    const ParseError error = errorOf("2025-10-01T08:00");
    EXPECT_EQ(error.message, "'2025-10-01T08:00' has no UTC offset");
    EXPECT_EQ(error.hint, "add one such as '+02:00' (Danish summer time) or 'Z'");
}

TEST(TimeParse, BadOffsetsAndZoneNames) {
    EXPECT_EQ(errorOf("2025-10-01T08:00+25:00").message, "'2025-10-01T08:00+25:00' has no UTC offset +25:00");
    EXPECT_THAT(errorOf("2025-10-01T08:00+2:0").message, HasSubstr("not of the form +HH:MM"));
    const ParseError error = errorOf("2025-10-01T08:00 CEST");
    EXPECT_THAT(error.message, HasSubstr("names a time zone"));
    EXPECT_THAT(error.hint, HasSubstr("'+02:00' for CEST"));
    EXPECT_THAT(errorOf("2025-10-01T08:00+02:00[Europe/Copenhagen]").message,
                HasSubstr("has '[Europe/Copenhagen]' after the time"));
}

TEST(TimeParse, ClockTimeNeedsTheStart) {
    const ParseError error = errorOf("08:30");
    EXPECT_EQ(error.message, "'08:30' is a clock time, but the scenario start is not known yet");
    EXPECT_EQ(error.hint, "write a full date and time such as '2025-10-01T08:30+02:00'");
    EXPECT_THAT(errorOf("08:30+02:00", summitContext()).message, HasSubstr("after the clock time"));
}

TEST(TimeParse, OffsetNeedsTheStart) {
    const ParseError error = errorOf("+15 min");
    EXPECT_EQ(error.message, "'+15 min' counts from the scenario start, but the start is not known yet");
}

TEST(TimeParse, OffsetErrorsComeFromTheDurationParser) {
    const ParseError error = errorOf("+15 mins", summitContext());
    EXPECT_EQ(error.message, "unknown unit 'mins' for a duration");
    EXPECT_THAT(error.hint, HasSubstr("did you mean 'min'?"));
    EXPECT_EQ(errorOf("+5 km", summitContext()).message,
              "'+5 km' is a length, but a duration is expected here");
    EXPECT_EQ(errorOf("+soon", summitContext()).message, "'+soon' is not an offset from the start");
    EXPECT_EQ(errorOf("-15 min", summitContext()).message, "'-15 min' is before the start");
}

TEST(TimeParse, OtherFormsSayWhatToWrite) {
    ParseError error = errorOf("tomorrow");
    EXPECT_EQ(error.message, "'tomorrow' is not a time");
    EXPECT_THAT(error.hint, HasSubstr("'2025-10-01T08:00+02:00'"));
    EXPECT_THAT(error.hint, HasSubstr("'08:30'"));
    EXPECT_THAT(error.hint, HasSubstr("'+15 min'"));

    error = errorOf("01-10-2025");
    EXPECT_EQ(error.message, "'01-10-2025' is not a date of the form YYYY-MM-DD");
    EXPECT_EQ(error.hint, "write the year first: '2025-10-01'");
    EXPECT_EQ(errorOf("1.10.2025").hint, "write the year first: '2025-10-01'");

    EXPECT_EQ(errorOf("0830").hint, "write it with a colon: '08:30'");
    EXPECT_EQ(errorOf("").message, "the time is empty");
    EXPECT_THAT(errorOf("2025-10-01X").message, HasSubstr("after the date"));
}

// --- printing ------------------------------------------------------------------------------

TEST(TimeFormat, Instants) {
    EXPECT_EQ(formatInstant(kSummitMorning, 120), "2025-10-01T08:00:00+02:00");
    EXPECT_EQ(formatInstant(kSummitMorning, 0), "2025-10-01T06:00:00+00:00");
    EXPECT_EQ(formatInstant(kSummitMorning, -330), "2025-10-01T00:30:00-05:30");
    EXPECT_EQ(formatInstant(kSummitMorning + 30'250, 120), "2025-10-01T08:00:30.250+02:00");
    EXPECT_EQ(formatInstant(0, 0), "1970-01-01T00:00:00+00:00");
    EXPECT_EQ(formatInstant(-1, 0), "1969-12-31T23:59:59.999+00:00");
}

TEST(TimeFormat, Clock) {
    EXPECT_EQ(formatClock(kSummitMorning, 120), "08:00");
    EXPECT_EQ(formatClock(kSummitMorning, 0), "06:00");
    EXPECT_EQ(formatClock(kSummitMorning + 30'000, 120), "08:00:30");
    EXPECT_EQ(formatClock(kSummitMorning + 500, 120), "08:00:00.500");
}

// Times for people: the summit scenario's frame, 07:00 on 1 Oct 2025 (CEST).
constexpr TimeFrame kSummitFrame{kSummitMorning + kHour, 120};

TEST(TimeForPeople, AMomentHasNoMillisecondsAndCutsRatherThanRounds) {
    EXPECT_EQ(formatMoment(kSummitMorning + kHour + 10 * kMinute + 3'815, kSummitFrame), "09:10:03");
    EXPECT_EQ(formatMoment(kSummitMorning + kHour + 59'999, kSummitFrame), "09:00:59");
    EXPECT_EQ(formatMoment(kSummitMorning + kHour, kSummitFrame), "09:00");
}

TEST(TimeForPeople, AMomentOnAnotherDayCarriesItsDate) {
    // the day of the start needs no date; the next midnight and the day before do
    EXPECT_EQ(formatMoment(kSummitMorning + 16 * kHour, kSummitFrame), "00:00 on 2 Oct");
    EXPECT_EQ(formatMoment(kSummitMorning - 3 * kDay + 10 * kHour, kSummitFrame), "18:00 on 28 Sep");
    // another year says so
    EXPECT_EQ(formatMoment(kSummitMorning + 100 * kDay, kSummitFrame), "08:00 on 9 Jan 2026");
}

TEST(TimeForPeople, AMomentComparedWithAnotherDayCarriesItsDate) {
    // 22:00 on the start's day, read at 00:51 the next day: "due 22:00" would be the wrong evening
    const Instant tenPm = kSummitMorning + 14 * kHour, nextNight = kSummitMorning + 16 * kHour + 51 * kMinute;
    EXPECT_EQ(formatMoment(tenPm, kSummitFrame, nextNight), "22:00 on 1 Oct");
    EXPECT_EQ(formatMoment(tenPm, kSummitFrame, tenPm - kHour), "22:00");
}

TEST(TimeForPeople, AnIntervalIsNeverEmpty) {
    const Instant nine = kSummitMorning + kHour;
    EXPECT_EQ(formatInterval(nine, nine, kSummitFrame), "at 09:00");
    EXPECT_EQ(formatInterval(nine, nine + 400, kSummitFrame), "at 09:00"); // the same to the second
    EXPECT_EQ(formatInterval(nine, nine + 90 * kMinute, kSummitFrame), "09:00-10:30");
    EXPECT_EQ(formatInterval(nine + kDay, nine + kDay + kHour, kSummitFrame), "09:00-10:00 on 2 Oct");
}

TEST(TimeForPeople, AnIntervalAcrossMidnightCarriesBothDates) {
    // to midnight: "19:00-00:00" would read as a day backwards
    const Instant seven = kSummitMorning + 11 * kHour;
    EXPECT_EQ(formatInterval(seven, seven + 5 * kHour, kSummitFrame), "19:00 on 1 Oct to 00:00 on 2 Oct");
    EXPECT_EQ(formatInterval(kSummitMorning - 2 * kDay - 8 * kHour, kSummitMorning + 3 * kDay - 8 * kHour,
                             kSummitFrame),
              "00:00 on 29 Sep to 00:00 on 4 Oct");
}

TEST(TimeFormat, ReadsBackExactly) {
    // from 1969 to 2040 in uneven steps, at three offsets
    for (Instant instant = -kDay * 400; instant < kDay * 25'600; instant += 7 * kDay + 3 * kHour + 17'321) {
        for (int offset : {0, 120, -330}) {
            const std::string text = formatInstant(instant, offset);
            ASSERT_EQ(instantOf(text), instant) << text;
        }
    }
}

} // namespace
} // namespace nofly::core
