// Fuzz target: the time parser. The first byte picks the context (with or
// without a start, and a UTC offset); the rest is the text. A time read
// prints, and reads back from its print to the same instant when it is a
// whole second of years 1 to 9999 (what formatInstant writes).
#include "fuzz_target.hpp"
#include "core/time.hpp"

#include <variant>

using namespace nofly;

NOFLY_FUZZ_TARGET(time) {
    if (size == 0) return 0;
    core::TimeContext context;
    context.hasStart = (data[0] & 1) != 0;
    context.start = 1759294800000; // 2025-10-01T07:00+02:00
    static constexpr int kOffsets[] = {0, 120, -300, 345, 60, -720, 840, -570};
    context.utcOffsetMinutes = kOffsets[(data[0] >> 1) % 8];
    const std::string text = fuzz::text(data + 1, size - 1);

    const core::Parsed<core::Instant> parsed = core::parseInstant(text, context);
    const core::Instant* instant = std::get_if<core::Instant>(&parsed);
    if (!instant) {
        if (std::get<core::ParseError>(parsed).message.empty()) fuzz::fail("a refused time without a message", text);
        return 0;
    }
    const std::string printed = core::formatInstant(*instant, context.utcOffsetMinutes);
    (void)core::formatClock(*instant, context.utcOffsetMinutes);
    (void)core::dayOfWeek(*instant, context.utcOffsetMinutes);

    // back from its print
    constexpr core::Instant kYear1 = -62135596800000, kYear10000 = 253402300800000;
    if (*instant % 1000 == 0 && *instant > kYear1 + 86400000 && *instant < kYear10000 - 86400000) {
        const core::Parsed<core::Instant> again = core::parseInstant(printed, context);
        const core::Instant* back = std::get_if<core::Instant>(&again);
        if (!back || *back != *instant)
            fuzz::fail("a time that does not read back from its print", text + " -> " + printed);
    }
    return 0;
}
