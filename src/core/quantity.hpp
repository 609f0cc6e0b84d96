// Quantities with units, as scenario writers type them ("5 km", "400 ft",
// "30 kt", "+15 min", "85%"), parsed into SI values. A bare number means the
// SI unit of the expected dimension; a unit of the wrong dimension, or an
// unknown unit, is an error that says what would be right.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace nofly::core {

enum class Dimension {
    Length,   ///< m, km, ft, NM (SI: m)
    Speed,    ///< m/s, km/h, kt (SI: m/s)
    Duration, ///< s, min, h (SI: s)
    Fraction, ///< "85%" or a bare number in [0, 1] (SI: 1)
};

/// Name for messages: "a length", "a speed", "a duration", "a share".
std::string_view describe(Dimension dimension);
/// Units accepted for a dimension, for messages: "m, km, ft, NM".
std::string_view unitsOf(Dimension dimension);

/// A failed parse: what is wrong and what would be right, in words for a
/// user, e.g. "unknown unit 'kmh' for a speed" / "expected m/s, km/h or kt;
/// did you mean 'km/h'?".
struct ParseError {
    std::string message;
    std::string hint;
};

template <typename T>
using Parsed = std::variant<T, ParseError>;

/// The largest magnitude [SI] a quantity of a dimension may have, so that
/// every value read is physical and every integer made from it (milliseconds,
/// ticks) fits: 20,000 km (half the way round the Earth: no two places are
/// further apart), 1,000 m/s (faster than any aircraft a scenario holds),
/// 366 days (a scenario lasts at most 31 days; a longer duration changes
/// nothing in it), 1 for a share. An altitude is at most 100 km.
double largestValue(Dimension dimension);
/// "20,000 km", "1,000 m/s", "8,784 h", "100%": largestValue for messages.
std::string_view largestText(Dimension dimension);

/// Whether `si` is finite and within largestValue(dimension) either side of
/// zero; the error otherwise, quoting `shown` ("'1e300 m' is out of range for
/// a length", "a length is at most 20,000 km (half the way round the Earth)").
/// Every quantity a scenario or an imported file gives is checked by it.
std::optional<ParseError> checkRange(double si, Dimension dimension, std::string_view shown);

/// Parses "12", "12 m", "1.5km", "-3 ft", "1e3 m". Whitespace between number
/// and unit is optional. Units are case-sensitive where case matters
/// (m vs M is not; NM and nm both mean nautical miles; "min" and "h").
/// Returns the value in SI units, within checkRange.
Parsed<double> parseQuantity(std::string_view text, Dimension dimension);

/// Vertical reference of an altitude.
enum class AltitudeRef {
    AGL,  ///< above ground level
    AMSL, ///< above mean sea level
};

struct Altitude {
    double metres = 0.0; ///< [m]
    AltitudeRef ref = AltitudeRef::AGL;
};

/// The highest and lowest altitude [m] read: 100 km, where space begins.
inline constexpr double kLargestAltitude = 100e3;

/// Parses "120 m AGL", "400 ft AMSL", "0 m", "GND" (0 m AGL), at most
/// kLargestAltitude either side of zero.
/// Without a reference the altitude is AGL; without a unit it is metres.
Parsed<Altitude> parseAltitude(std::string_view text);

/// Formats an SI value with its natural unit for people: "5 km", "350 m",
/// "12 m/s", "15 min", "2 h 30 min", "85%".
std::string formatQuantity(double si, Dimension dimension);

} // namespace nofly::core
