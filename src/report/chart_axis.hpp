// A chart's axis as a reader expects it: ticks at round numbers (steps of 1,
// 2 or 5 times a power of ten: 0, 5, 10, 15 km, never 4.50, 12.6, 37.9) that
// take in every value, and a label that says the quantity in words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nofly::report {

/// The ticks of one axis; the axis runs from the first to the last.
struct AxisTicks {
    std::vector<double> values; ///< ascending, `step` apart, at least two
    double step = 1.0;          ///< 1, 2 or 5 times a power of ten
    int decimals = 0;           ///< digits after the point that the step needs (0.2: 1)
};

/// Round ticks from at or below `low` to at or above `high`: the finest
/// 1-2-5 step that needs at most `maxIntervals` intervals (1 to 15 km: 0, 5,
/// 10, 15). A range of nothing (low == high) is widened by a power of ten
/// each side.
AxisTicks roundTicks(double low, double high, int maxIntervals = 6);

/// A tick's value as the axis prints it: "0", "5", "0.2", "2.5e+06" never.
std::string tickText(const AxisTicks& ticks, double value);

/// Whether a metric's label names its unit as a word of its own, so that
/// the unit need not follow it: "legitimate flights disrupted" says
/// "flights"; "drone-minutes near protected places" does not say "min".
bool labelSaysUnit(std::string_view label, std::string_view unit);

/// A metric's label with its unit, unless the label says it: "drone-minutes
/// near protected places (min)", "legitimate flights disrupted".
std::string labelWithUnit(std::string_view label, std::string_view unit);

/// A swept setting's path in words: "zones.summit-circle.shape.circle.radius"
/// reads "radius of summit-circle", "traffic.morning-hobby.behaviour.compliant"
/// "compliant of morning-hobby", "time.step" "time step", "seed" "seed".
std::string settingInWords(const std::string& path);

} // namespace nofly::report
