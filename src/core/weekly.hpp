// Weekly timetables moved from one UTC offset to another. ED-269 and ED-318
// write a timetable's clock times in UTC, a scenario in its local time: when
// a slot moves across midnight, its days move with it ("Mon 01:00" at +02:00
// is "Sun 23:00" in UTC).
#pragma once

#include "core/time.hpp"

namespace nofly::core {

/// A clock time of a timetable after a shift: folded into one day, and the
/// days it moved.
struct ShiftedClock {
    Millis sinceMidnight = 0; ///< [0, 24 h)
    int days = 0;             ///< -1: the day before, +1: the day after
};

/// `sinceMidnight` [ms] moved by `shift` [ms], such as from +02:00 to UTC:
/// -2 h.
inline ShiftedClock shiftClock(Millis sinceMidnight, Millis shift) {
    constexpr Millis kDay = 24LL * 3600 * 1000;
    ShiftedClock out{sinceMidnight + shift, 0};
    while (out.sinceMidnight < 0)
        out.sinceMidnight += kDay, --out.days;
    while (out.sinceMidnight >= kDay)
        out.sinceMidnight -= kDay, ++out.days;
    return out;
}

/// Day of the week `day` (0 = Monday ... 6 = Sunday) moved by `days`, round the week.
inline int shiftWeekday(int day, int days) {
    return ((day + days) % 7 + 7) % 7;
}

} // namespace nofly::core
