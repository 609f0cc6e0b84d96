// CSV as RFC 4180 writes it, for the files nofly writes (events.csv,
// flights.csv, the comparison and sweep tables) and the ones it reads back
// (sweep tables, the shipped airport lists): a field quoted when it must be,
// and a line split into its fields.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nofly::core {

/// A field as a CSV line holds it: as it is, or in double quotes (each quote
/// in it doubled) when it holds a comma, a quote or a line break.
std::string csvField(std::string_view text);

/// One line of a CSV file into its fields: a field in double quotes may hold
/// commas, and a doubled quote inside it is one quote. Carriage returns are
/// dropped, so a file saved with Windows line ends reads the same.
std::vector<std::string> splitCsvLine(std::string_view line);

} // namespace nofly::core
