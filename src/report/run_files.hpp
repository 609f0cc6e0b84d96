// The files a run leaves in its output folder (report.json, events.csv,
// flights.csv, tracks.geojson, map.svg), the summary table printed at the
// end of `nofly run`, and verdict cards as text. Files are written whole or
// not at all: each goes to a temporary name first and is renamed into place.
#pragma once

#include "report/run_record.hpp"
#include "sim/verdict.hpp"

#include <string>
#include <vector>

namespace nofly::report {

std::string eventsCsv(const RunRecord& run);
std::string flightsCsv(const RunRecord& run);
std::string reportJson(const RunRecord& run);

/// The table printed at the end of a run: totals, by category, by zone, and
/// the expectations with PASS or FAIL.
std::string summaryTable(const RunRecord& run);

/// A verdict card as text: the flight, the time, the outcome, the rule, and
/// every zone weighed with why it did or did not apply.
std::string verdictCardText(const scenario::Scenario& scenario, const sim::Verdict& verdict);

/// Writes `content` to `path` through a temporary file in the same folder
/// and a rename, so that readers see the old file or the new one, never half.
bool writeFileAtomically(const std::string& path, const std::string& content, std::string& error);

/// All output files of a run into `folder` (created if missing). Every file
/// is prepared first; none is written when one cannot be.
bool writeRunFiles(const RunRecord& run, const std::string& folder, std::vector<std::string>& written,
                   std::string& error);

} // namespace nofly::report
