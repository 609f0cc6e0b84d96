// Parameter sweeps: a grid of values for one or more scenario settings, each
// run over several seeds. A tidy table (one row per run), a summary (mean and
// 95% interval per grid point) and a chart of one metric against the first
// parameter, drawn as SVG with no display.
#pragma once

#include "report/run_record.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace nofly::report {

/// One run of a sweep: the values of the swept settings, the seed, the counts.
struct SweepRun {
    std::vector<std::string> values; ///< as written ("5 km"), one per parameter
    std::uint64_t seed = 0;
    Counts counts;
};

struct Sweep {
    std::string title;
    std::vector<std::string> parameters; ///< the settings' paths
    std::vector<SweepRun> runs;          ///< in grid order, seeds innermost
};

/// "p1,p2,seed,planned,flown,..." (the metrics of kCompared, report/metrics.hpp)
/// then one row per run.
std::string sweepCsv(const Sweep& sweep);
/// Reads what sweepCsv wrote (for --merge), adding its runs to `sweep`'s;
/// false with `error` set (and `errorLine`, when given, to its 1-based line)
/// when the text is not such a table, its columns differ from `sweep`'s, a
/// cell is not a number (a word, "-inf"), or a run is one `sweep` has already.
bool readSweepCsv(const std::string& text, Sweep& sweep, std::string& error, int* errorLine = nullptr);
/// One run alone, as sweepCsv writes it (the header, then its row) but with
/// every number exact ("%.17g"), so that a sweep resumed from such files
/// (`nofly sweep --out` keeps one a run in OUT/runs/) writes the same tables
/// as one never interrupted. readSweepCsv reads it.
std::string sweepRunCsv(const Sweep& sweep, const SweepRun& run);
/// One row per grid point: the values, runs, and mean and 95% half-width of
/// every metric (Student's t, exact for any number of seeds; the half-width
/// before the metric's bounds, report::Estimate::half).
std::string sweepSummaryCsv(const Sweep& sweep);
/// The chosen metric's mean (with 95% interval bars, within the metric's
/// bounds: never below 0) against the first
/// parameter's values, one line per combination of the others.
std::string sweepChartSvg(const Sweep& sweep, const Metric& metric);

} // namespace nofly::report
