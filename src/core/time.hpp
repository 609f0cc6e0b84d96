// Calendar time for scenarios: instants as integer milliseconds since the
// Unix epoch (UTC), parsed from ISO 8601 with an offset, from clock times on
// the scenario's date, or from offsets to the start ("+15 min"). The
// simulation counts integer ticks; only scenario loading and reports convert.
#pragma once

#include "core/quantity.hpp"

#include <cstdint>
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

/// Day of the week at an offset: 0 = Monday ... 6 = Sunday.
int dayOfWeek(Instant instant, int utcOffsetMinutes);
/// Milliseconds since local midnight at an offset.
Millis timeOfDay(Instant instant, int utcOffsetMinutes);

/// Days since 1970-01-01 of a civil date (proleptic Gregorian), and back.
std::int64_t daysFromCivil(int year, int month, int day);
void civilFromDays(std::int64_t days, int& year, int& month, int& day);

} // namespace nofly::core
