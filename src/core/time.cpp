// Calendar arithmetic and the parsing of scenario times. Written by hand:
// <chrono>'s calendar types would do the arithmetic, but the parsing must
// name the form a user got wrong, which std::chrono::parse cannot, and the
// printing must not depend on the locale.
#include "core/time.hpp"
#include "core/text.hpp"

#include <cmath>
#include <string>
#include <variant>

namespace nofly::core {

namespace {

constexpr Millis kMsPerSecond = 1000;
constexpr Millis kMsPerMinute = 60 * kMsPerSecond;
constexpr Millis kMsPerHour = 60 * kMsPerMinute;
constexpr Millis kMsPerDay = 24 * kMsPerHour;

// The forms, for hints.
constexpr const char* kAnyForm =
    "write a date and time such as '2025-10-01T08:00+02:00', a clock time such as "
    "'08:30' or an offset from the start such as '+15 min'";

// Division and remainder rounding towards minus infinity, so that instants
// before 1970 fall on the right day.
std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if (a % b != 0 && ((a < 0) != (b < 0))) --q;
    return q;
}
std::int64_t floorMod(std::int64_t a, std::int64_t b) {
    return a - floorDiv(a, b) * b;
}

bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

constexpr const char* kMonthNames[12] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};

// "7" -> "07"; width digits, zero-padded.
std::string padded(std::int64_t value, int width) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    if (static_cast<int>(digits.size()) < width) digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    return value < 0 ? "-" + digits : digits;
}

// Appends a separator and a zero-padded number. (Appending piece by piece
// also keeps clear of a false -Wrestrict in GCC 12 at -O2 on
// "literal" + std::string, GCC bug 105329.)
void appendPadded(std::string& out, std::int64_t value, int width, std::string_view separator) {
    out += separator;
    out += padded(value, width);
}

// A read position in the text, with the small steps the grammar needs.
struct Cursor {
    std::string_view text;
    std::size_t pos = 0;

    bool atEnd() const { return pos >= text.size(); }
    char peek() const { return atEnd() ? '\0' : text[pos]; }
    bool take(char c) {
        if (peek() != c) return false;
        ++pos;
        return true;
    }
    void skipSpaces() {
        while (!atEnd() && isSpace(text[pos]))
            ++pos;
    }
    // up to `most` digits into value; returns how many were read
    int digits(int most, int& value) {
        int count = 0;
        value = 0;
        while (count < most && !atEnd() && isDigit(text[pos])) {
            value = value * 10 + (text[pos] - '0');
            ++pos;
            ++count;
        }
        return count;
    }
    std::string_view rest() const { return text.substr(pos); }
};

// How many digits the text starts with.
std::size_t leadingDigits(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && isDigit(s[n]))
        ++n;
    return n;
}

// --- clock times ---------------------------------------------------------------

// "08:30", "8:30", "08:30:15", "08:30:15.250" at the cursor: milliseconds
// since midnight. "24:00" is the end of the day, 24 h after midnight.
Parsed<Millis> readClock(Cursor& c, std::string_view shown) {
    const ParseError malformed{quoted(shown) + " is not a clock time of the form HH:MM or HH:MM:SS",
                               "write a clock time such as '08:30' or '08:30:15'"};
    int hour = 0, minute = 0, second = 0;
    if (c.digits(2, hour) == 0 || !c.take(':')) return malformed;
    if (c.digits(2, minute) != 2 || isDigit(c.peek())) return malformed;
    Millis fraction = 0;
    if (c.take(':')) {
        if (c.digits(2, second) != 2 || isDigit(c.peek())) return malformed;

        // fractional seconds, rounded to the millisecond
        if ((c.peek() == '.' || c.peek() == ',') && c.pos + 1 < c.text.size() && isDigit(c.text[c.pos + 1])) {
            ++c.pos;
            Millis scale = 100;
            while (isDigit(c.peek())) {
                const int digit = c.text[c.pos] - '0';
                if (scale > 0)
                    fraction += digit * scale;
                else if (scale == 0 && digit >= 5)
                    ++fraction;
                scale = scale > 0 ? scale / 10 : -1;
                ++c.pos;
            }
        }
    }

    // ranges: 00-23, 00-59, 00-59, and 24:00 for the end of a day
    if (hour == 24 && (minute != 0 || second != 0 || fraction != 0))
        return ParseError{quoted(shown) + " is past the end of the day",
                          "only '24:00' may stand for the end of a day; write the next day's time instead"};
    if (hour > 24)
        return ParseError{quoted(shown) + " has no hour " + std::to_string(hour), "hours run from 00 to 23"};
    if (minute > 59)
        return ParseError{quoted(shown) + " has no minute " + std::to_string(minute),
                          "minutes run from 00 to 59"};
    if (second > 59)
        return ParseError{quoted(shown) + " has no second " + std::to_string(second),
                          "seconds run from 00 to 59; leap seconds are not supported"};
    return hour * kMsPerHour + minute * kMsPerMinute + second * kMsPerSecond + fraction;
}

// --- dates and date-times ----------------------------------------------------------

// "Z", "+02:00", "+0200", "+02", "-05:30": minutes east of UTC.
Parsed<int> readOffset(Cursor& c, std::string_view shown) {
    if (c.take('Z') || c.take('z')) return 0;
    const char sign = c.peek();
    const ParseError malformed{quoted(shown) + " has an offset that is not of the form +HH:MM",
                               "write an offset such as '+02:00' (Danish summer time), '+01:00' or 'Z'"};
    if (sign != '+' && sign != '-') return malformed;
    ++c.pos;
    int hours = 0, minutes = 0;
    if (c.digits(2, hours) == 0) return malformed;
    const bool colon = c.take(':');
    const int minuteDigits = c.digits(2, minutes);
    if ((colon && minuteDigits != 2) || (minuteDigits != 0 && minuteDigits != 2)) return malformed;
    if (minutes > 59 || hours * 60 + minutes > 18 * 60)
        return ParseError{
            quoted(shown) + " has no UTC offset " + std::string(1, sign) + padded(hours, 2) + ":" +
                padded(minutes, 2),
            "offsets run from -18:00 to +18:00; Denmark uses +01:00 in winter and +02:00 in summer"};
    const int total = hours * 60 + minutes;
    return sign == '-' ? -total : total;
}

// "2025-10-01", then optionally "T08:00[:SS[.fff]]" and an offset.
Parsed<Instant> readDateTime(std::string_view text, const TimeContext& context) {
    Cursor c{text};
    const ParseError malformed{quoted(text) + " is not a date of the form YYYY-MM-DD",
                               "write a date such as '2025-10-01' or a date and time such as "
                               "'2025-10-01T08:00+02:00'"};
    int year = 0, month = 0, day = 0;
    if (c.digits(4, year) != 4 || !c.take('-')) return malformed;
    if (c.digits(2, month) == 0 || !c.take('-')) return malformed;
    if (c.digits(2, day) == 0 || isDigit(c.peek())) return malformed;

    // the calendar
    if (month < 1 || month > 12)
        return ParseError{quoted(text) + " has no month " + std::to_string(month),
                          "months run from 01 to 12"};
    if (day < 1 || day > daysInMonth(year, month)) {
        const std::string monthYear = std::string(kMonthNames[month - 1]) + " " + std::to_string(year);
        return ParseError{quoted(text) + " has no day " + std::to_string(day) + " in " + monthYear,
                          monthYear + " has " + std::to_string(daysInMonth(year, month)) + " days"};
    }
    const Instant midnight = daysFromCivil(year, month, day) * kMsPerDay;

    // a date alone: midnight at the scenario's offset
    if (c.atEnd()) return midnight - context.utcOffsetMinutes * kMsPerMinute;

    // the time of day, after a 'T' or a space
    if (!(c.take('T') || c.take('t') || isSpace(c.peek())))
        return ParseError{quoted(text) + " has " + quoted(c.rest()) + " after the date",
                          "write a date such as '2025-10-01' or a date and time such as "
                          "'2025-10-01T08:00+02:00'"};
    c.skipSpaces();
    Parsed<Millis> clock = readClock(c, text);
    if (const ParseError* error = std::get_if<ParseError>(&clock)) return *error;

    // the offset, required: a time without one means different instants in
    // different places
    c.skipSpaces();
    if (c.atEnd())
        return ParseError{quoted(text) + " has no UTC offset",
                          "add one such as '+02:00' (Danish summer time) or 'Z'"};
    if (isLetter(c.peek()) && c.peek() != 'Z' && c.peek() != 'z') {
        return ParseError{quoted(text) + " names a time zone; write its UTC offset instead",
                          "write '+02:00' for CEST (Danish summer time), '+01:00' for CET or 'Z' for UTC"};
    }
    Parsed<int> offset = readOffset(c, text);
    if (const ParseError* error = std::get_if<ParseError>(&offset)) return *error;
    if (!c.atEnd())
        return ParseError{quoted(text) + " has " + quoted(c.rest()) + " after the time",
                          "write a date and time such as '2025-10-01T08:00+02:00'"};
    return midnight + std::get<Millis>(clock) - std::get<int>(offset) * kMsPerMinute;
}

// "01-10-2025", "1/10/2025", "01.10.2025": a day-first date, as written in
// Denmark. Only recognised to say how to write it.
bool isDayFirstDate(std::string_view text, std::string& yearFirst) {
    Cursor c{text};
    int day = 0, month = 0, year = 0;
    if (c.digits(2, day) == 0) return false;
    const char separator = c.peek();
    if (separator != '-' && separator != '/' && separator != '.') return false;
    ++c.pos;
    if (c.digits(2, month) == 0 || !c.take(separator)) return false;
    if (c.digits(4, year) != 4) return false;
    yearFirst = padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2);
    return true;
}

// "+15 min", "+1 h 30 min": after the start.
Parsed<Instant> readRelative(std::string_view text, const TimeContext& context) {
    const std::string_view amount = trim(text.substr(1));
    if (amount.empty() || !(isDigit(amount[0]) || amount[0] == '.'))
        return ParseError{quoted(text) + " is not an offset from the start",
                          "write an offset such as '+15 min', '+90 s' or '+2 h'"};
    if (!context.hasStart)
        return ParseError{quoted(text) + " counts from the scenario start, but the start is not known yet",
                          "write the start itself as a date and time such as '2025-10-01T08:00+02:00'"};
    Parsed<double> seconds = parseQuantity(amount, Dimension::Duration);
    if (const ParseError* error = std::get_if<ParseError>(&seconds)) {
        // quote what the user wrote, with its '+'
        ParseError out = *error;
        const std::string inner = quoted(amount);
        if (out.message.compare(0, inner.size(), inner) == 0)
            out.message.replace(0, inner.size(), quoted(text));
        return out;
    }

    // a thousand years is more than any scenario, and far from overflow
    const double value = std::get<double>(seconds);
    if (value > 3.2e10)
        return ParseError{quoted(text) + " is too far after the start", "write a shorter offset"};
    return context.start + static_cast<Millis>(std::llround(value * 1000.0));
}

} // namespace

Parsed<Instant> parseInstant(std::string_view raw, const TimeContext& context) {
    const std::string_view text = trim(raw);
    if (text.empty()) return ParseError{"the time is empty", kAnyForm};

    // an offset from the start
    if (text[0] == '+') return readRelative(text, context);
    if (text[0] == '-')
        return ParseError{quoted(text) + " is before the start",
                          "an offset counts forward from the start, such as '+15 min'"};

    // a date, with or without a time
    const std::size_t digits = leadingDigits(text);
    if (digits == 4 && text.size() > 4 && text[4] == '-') return readDateTime(text, context);

    // a clock time on the start's local date
    if ((digits == 1 || digits == 2) && text.size() > digits && text[digits] == ':') {
        Cursor c{text};
        Parsed<Millis> clock = readClock(c, text);
        if (const ParseError* error = std::get_if<ParseError>(&clock)) return *error;
        c.skipSpaces();
        if (!c.atEnd())
            return ParseError{
                quoted(text) + " has " + quoted(c.rest()) + " after the clock time",
                "a clock time uses the scenario's UTC offset; to give another, write a date and "
                "time such as '2025-10-01T08:30+02:00'"};
        if (!context.hasStart)
            return ParseError{quoted(text) + " is a clock time, but the scenario start is not known yet",
                              "write a full date and time such as '2025-10-01T" +
                                  formatClock(std::get<Millis>(clock), 0) + "+02:00'"};
        const Millis offset = context.utcOffsetMinutes * kMsPerMinute;
        const std::int64_t day = floorDiv(context.start + offset, kMsPerDay);
        return day * kMsPerDay + std::get<Millis>(clock) - offset;
    }

    // forms we recognise only to say how to write them
    std::string yearFirst;
    if (isDayFirstDate(text, yearFirst))
        return ParseError{quoted(text) + " is not a date of the form YYYY-MM-DD",
                          "write the year first: " + quoted(yearFirst)};
    if (digits == 4 && text.size() == 4)
        return ParseError{quoted(text) + " is not a clock time of the form HH:MM",
                          "write it with a colon: " +
                              quoted(std::string(text.substr(0, 2)) + ":" + std::string(text.substr(2)))};
    return ParseError{quoted(text) + " is not a time", kAnyForm};
}

std::string formatInstant(Instant instant, int utcOffsetMinutes) {
    const Instant local = instant + utcOffsetMinutes * kMsPerMinute;
    const std::int64_t days = floorDiv(local, kMsPerDay);
    int year = 0, month = 0, day = 0;
    civilFromDays(days, year, month, day);

    // the date and the local time, seconds always, milliseconds when not zero
    const Millis ms = floorMod(local, kMsPerDay);
    std::string out;
    appendPadded(out, year, 4, "");
    appendPadded(out, month, 2, "-");
    appendPadded(out, day, 2, "-");
    appendPadded(out, ms / kMsPerHour, 2, "T");
    appendPadded(out, ms / kMsPerMinute % 60, 2, ":");
    appendPadded(out, ms / kMsPerSecond % 60, 2, ":");
    if (ms % kMsPerSecond != 0) appendPadded(out, ms % kMsPerSecond, 3, ".");

    // the offset, "+00:00" for UTC rather than "Z" so every instant reads alike
    const int magnitude = utcOffsetMinutes < 0 ? -utcOffsetMinutes : utcOffsetMinutes;
    appendPadded(out, magnitude / 60, 2, utcOffsetMinutes < 0 ? "-" : "+");
    appendPadded(out, magnitude % 60, 2, ":");
    return out;
}

std::string formatClock(Instant instant, int utcOffsetMinutes) {
    const Millis ms = timeOfDay(instant, utcOffsetMinutes);
    const Millis seconds = ms / kMsPerSecond % 60;
    const Millis millis = ms % kMsPerSecond;
    std::string out;
    appendPadded(out, ms / kMsPerHour, 2, "");
    appendPadded(out, ms / kMsPerMinute % 60, 2, ":");
    if (seconds != 0 || millis != 0) appendPadded(out, seconds, 2, ":");
    if (millis != 0) appendPadded(out, millis, 3, ".");
    return out;
}

namespace {

/// The local day, counted from 1970-01-01.
std::int64_t localDay(Instant instant, int utcOffsetMinutes) {
    return floorDiv(instant + utcOffsetMinutes * kMsPerMinute, kMsPerDay);
}

/// "09:00" or "09:10:03": the milliseconds cut.
std::string clockToTheSecond(Instant instant, int utcOffsetMinutes) {
    return formatClock(instant - floorMod(instant, kMsPerSecond), utcOffsetMinutes);
}

/// Whether a time needs its date: its day is not the start's, or not the day it is compared with.
bool needsDate(Instant instant, const TimeFrame& frame, std::optional<Instant> comparedWith) {
    const std::int64_t day = localDay(instant, frame.utcOffsetMinutes);
    return day != localDay(frame.start, frame.utcOffsetMinutes) ||
           (comparedWith && day != localDay(*comparedWith, frame.utcOffsetMinutes));
}

} // namespace

std::string formatDay(Instant instant, const TimeFrame& frame) {
    int year = 0, month = 0, day = 0;
    civilFromDays(localDay(instant, frame.utcOffsetMinutes), year, month, day);
    int startYear = 0, startMonth = 0, startDay = 0;
    civilFromDays(localDay(frame.start, frame.utcOffsetMinutes), startYear, startMonth, startDay);
    std::string out = std::to_string(day);
    out += ' ';
    out += std::string_view(kMonthNames[month - 1]).substr(0, 3);
    if (year != startYear) {
        out += ' ';
        out += std::to_string(year);
    }
    return out;
}

std::string formatMoment(Instant instant, const TimeFrame& frame, std::optional<Instant> comparedWith) {
    std::string out = clockToTheSecond(instant, frame.utcOffsetMinutes);
    if (needsDate(instant, frame, comparedWith)) {
        out += " on ";
        out += formatDay(instant, frame);
    }
    return out;
}

std::string formatInterval(Instant from, Instant to, const TimeFrame& frame,
                           std::optional<Instant> comparedWith) {
    const int offset = frame.utcOffsetMinutes;
    const std::string a = clockToTheSecond(from, offset), b = clockToTheSecond(to, offset);
    // across midnight: both dates, or "19:00-00:00" reads as a day backwards
    if (localDay(from, offset) != localDay(to, offset))
        return a + " on " + formatDay(from, frame) + " to " + b + " on " + formatDay(to, frame);
    // an interval of no length as shown is a moment
    if (a == b) return std::string("at ").append(formatMoment(from, frame, comparedWith));
    std::string out = a;
    out += '-';
    out += b;
    if (needsDate(from, frame, comparedWith)) {
        out += " on ";
        out += formatDay(from, frame);
    }
    return out;
}

int dayOfWeek(Instant instant, int utcOffsetMinutes) {
    // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday
    const std::int64_t days = floorDiv(instant + utcOffsetMinutes * kMsPerMinute, kMsPerDay);
    return static_cast<int>(floorMod(days + 3, 7));
}

Millis timeOfDay(Instant instant, int utcOffsetMinutes) {
    return floorMod(instant + utcOffsetMinutes * kMsPerMinute, kMsPerDay);
}

// days_from_civil and civil_from_days by Howard Hinnant, "chrono-Compatible
// Low-Level Date Algorithms" (public domain): years run from March so that the
// leap day ends a year, and 400-year eras of 146097 days repeat exactly.
std::int64_t daysFromCivil(int year, int month, int day) {
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yearOfEra = y - era * 400;                                                 // [0, 399]
    const std::int64_t dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1; // [0, 365]
    const std::int64_t dayOfEra =
        yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear; // [0, 146096]
    return era * 146097 + dayOfEra - 719468;
}

void civilFromDays(std::int64_t days, int& year, int& month, int& day) {
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t dayOfEra = z - era * 146097; // [0, 146096]
    const std::int64_t yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;                 // [0, 399]
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100); // [0, 365]
    const std::int64_t mp = (5 * dayOfYear + 2) / 153;                                             // [0, 11]
    day = static_cast<int>(dayOfYear - (153 * mp + 2) / 5 + 1);
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = static_cast<int>(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
}

} // namespace nofly::core
