// Comparing policies: the same traffic (the same seeds) run under several
// variants of a scenario, each metric as a mean over the seeds with a 95%
// interval, and the difference to the first variant. Text for the terminal,
// CSV for spreadsheets, and a self-contained HTML page for a handout.
#pragma once

#include "report/run_record.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace nofly::report {

/// One variant's runs, one Counts per seed.
struct VariantRuns {
    std::string variant; ///< "" for the base
    std::string description;
    std::vector<std::uint64_t> seeds;
    std::vector<Counts> runs;
    std::string mapSvg; ///< the map of its first run
};

/// Mean and 95% interval half-width of a metric over a variant's runs
/// (Student's t; no interval with one run).
struct Estimate {
    double mean = 0.0;
    double half = 0.0; ///< 0 with one run
};
Estimate estimate(const VariantRuns& runs, const Metric& metric);

struct Comparison {
    std::string title;
    std::string description;
    std::string file;
    std::vector<VariantRuns> variants; ///< the first is the reference
};

/// A side-by-side table: a row per metric of kCompared (report/metrics.hpp),
/// a column per variant, with the difference to the first column.
std::string comparisonTable(const Comparison& comparison);
/// One row per variant, seed and metric: variant,seed,metric,value; then the
/// summary rows with seed "mean" and "ci95".
std::string comparisonCsv(const Comparison& comparison);
/// A self-contained page (no network): the table, a bar chart of the key
/// metrics, and each variant's map side by side; prints as a handout.
std::string comparisonHtml(const Comparison& comparison);

/// "status-quo", or "base" for the scenario with no variant.
std::string variantLabel(const std::string& variant);

} // namespace nofly::report
