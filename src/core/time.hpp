// Calendar time for scenarios: instants as integer milliseconds since the
// Unix epoch (UTC), parsed from ISO 8601 with an offset, from clock times on
// the scenario's date, or from offsets to the start ("+15 min"). The
// simulation counts integer ticks; only scenario loading and reports convert.
#pragma once

#include "core/quantity.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nofly::core {

/// Milliseconds since 1970-01-01T00:00Z.
using Instant = std::int64_t;
/// Milliseconds.
using Millis = std::int64_t;

/// What relative forms are resolved against.
struct TimeContext {
    Instant start = 0;        ///< the scenario's start; "+15 min" counts from here
    int utcOffsetMinutes = 0; ///< the scenario's local offset (+120 for CEST)
    bool hasStart = false;    ///< false while parsing the start itself
};

/// Parses, in this order of forms:
///  - "2025-10-01T08:00+02:00", "2025-10-01T08:00:30Z", "2025-10-01 08:00+02:00"
///    (an ISO 8601 date-time with seconds optional and a required offset or Z);
///  - "2025-10-01" (midnight at the context's offset);
///  - "08:30" or "08:30:15" (on the start's local date; needs hasStart);
///  - "+15 min", "+90 s", "+2 h" (after the start; needs hasStart).
/// Errors say which form was expected, e.g. "'2025-13-01' has no month 13".
Parsed<Instant> parseInstant(std::string_view text, const TimeContext& context);

/// "2025-10-01T08:00:00+02:00"; seconds always printed.
std::string formatInstant(Instant instant, int utcOffsetMinutes);
/// "08:00" or "08:00:30" when seconds are not zero, local to the offset.
std::string formatClock(Instant instant, int utcOffsetMinutes);

/// What a time shown to people is read against: the scenario's start and its
/// local offset. A time on the start's local day needs no date; any other does.
struct TimeFrame {
    Instant start = 0;        ///< the scenario's start
    int utcOffsetMinutes = 0; ///< local time for display (+120 for CEST)
};

// Times for people (cards, the window, event sentences, report.html): one
// formatter for all of them, so that every place reads alike. To the second at
// most, the milliseconds cut rather than rounded (a time never reads later than it
// was), and the date wherever the day is not plain. formatInstant and
// formatClock remain for files and exact echoes of what a user wrote.

/// "2 Oct", or "2 Oct 2026" in another year than the start's.
std::string formatDay(Instant instant, const TimeFrame& frame);
/// "09:00", "09:10:03", or "00:00 on 2 Oct" when the local day is not the
/// start's or, if given, not the day of the moment it is compared with (the
/// event or decision it belongs to: "waits until 00:00 on 2 Oct").
std::string formatMoment(Instant instant, const TimeFrame& frame,
                         std::optional<Instant> comparedWith = std::nullopt);
/// An interval: "09:00-10:30", "09:00-10:30 on 2 Oct" (dated as formatMoment
/// dates its start), "19:00 on 26 Jul to 00:00 on 27 Jul" when it crosses
/// midnight, and "at 09:00" when both ends read the same: never "09:00-09:00".
std::string formatInterval(Instant from, Instant to, const TimeFrame& frame,
                           std::optional<Instant> comparedWith = std::nullopt);

/// Day of the week at an offset: 0 = Monday ... 6 = Sunday.
int dayOfWeek(Instant instant, int utcOffsetMinutes);
/// Milliseconds since local midnight at an offset.
Millis timeOfDay(Instant instant, int utcOffsetMinutes);

/// Days since 1970-01-01 of a civil date (proleptic Gregorian), and back.
std::int64_t daysFromCivil(int year, int month, int day);
void civilFromDays(std::int64_t days, int& year, int& month, int& day);

} // namespace nofly::core
