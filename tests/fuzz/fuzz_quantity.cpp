// Fuzz target: the unit parsers. The first byte picks what is parsed (a
// length, a speed, a duration, a share, an altitude, an imported level); the
// rest is the text. A value read is a finite number, and printing it for
// people works.
#include "fuzz_target.hpp"
#include "core/quantity.hpp"
#include "scenario/import_formats.hpp"

#include <cmath>
#include <variant>

using namespace nofly;

NOFLY_FUZZ_TARGET(quantity) {
    if (size == 0) return 0;
    const int pick = data[0] % 6;
    const std::string text = fuzz::text(data + 1, size - 1);
    if (pick < 4) {
        const auto dimension = static_cast<core::Dimension>(pick);
        const core::Parsed<double> parsed = core::parseQuantity(text, dimension);
        if (const double* value = std::get_if<double>(&parsed)) {
            if (!std::isfinite(*value)) fuzz::fail("a quantity that is not a finite number", text);
            (void)core::formatQuantity(*value, dimension);
        } else if (std::get<core::ParseError>(parsed).message.empty()) {
            fuzz::fail("a refused quantity without a message", text);
        }
        return 0;
    }
    std::string note;
    const core::Parsed<core::Altitude> parsed =
        pick == 4 ? core::parseAltitude(text) : scenario::importing::parseLevelOrAltitude(text, note);
    if (const core::Altitude* altitude = std::get_if<core::Altitude>(&parsed)) {
        if (!std::isfinite(altitude->metres)) fuzz::fail("an altitude that is not a finite number", text);
        (void)scenario::importing::describeAltitude(*altitude);
    } else if (std::get<core::ParseError>(parsed).message.empty()) {
        fuzz::fail("a refused altitude without a message", text);
    }
    return 0;
}
