// Numbers as text and back, alike in every locale: one reader for a decimal
// number as a scenario or an imported file writes it, and one writer for the
// numbers the reports print (CSV, report.html, the tables of compare and
// sweep). The quantity reader (core/quantity.cpp) keeps its own, which also
// finds where a number ends before its unit.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nofly::core {

/// A decimal number and nothing else: "-12.5", "+3", "1e3", ".5". No space,
/// no hexadecimal ("0x10"), no "inf" or "nan", nothing out of a double's
/// range; none of these is a number here.
std::optional<double> parseDecimal(std::string_view text);

/// `value` with `decimals` digits after the point (0 to 30), as printf's
/// "%.*f" writes it in the C locale: fixed(2.345, 1) is "2.3", fixed(-0.001, 2) "-0.00".
std::string fixed(double value, int decimals);

/// A figure for a table: a whole number without a point ("12", also for
/// 11.9999999999), any other as fixed(value, decimals).
std::string figure(double value, int decimals);

} // namespace nofly::core
