// The files a run leaves in its output folder (report.json, events.csv,
// flights.csv, tracks.geojson, map.svg, report.html), the summary table
// printed at the end of `nofly run`, and verdict cards as text. The files are
// written as one set by the output policy (report/output_files.hpp).
#pragma once

#include "report/output_files.hpp" // writeFileAtomically, for the callers of this header
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
std::string verdictCardText(const scenario::Scenario& scenario, const sim::World& world,
                            const sim::Verdict& verdict);

/// All output files of a run into `folder` (created if missing), with
/// report.html when `html`, published as one set (publishOutputSet): a
/// reader finds the files of the last run or of this one, never a mix.
bool writeRunFiles(const RunRecord& run, const std::string& folder, std::vector<std::string>& written,
                   std::string& error, bool html = false);

} // namespace nofly::report
