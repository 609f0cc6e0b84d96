// Comparing policies: the same traffic (the same seeds) run under several
// variants of a scenario, each metric as a mean over the seeds with a 95%
// interval, and each variant's difference to the baseline (the first),
// seed by seed, with its interval. Text for the terminal, CSV for
// spreadsheets, and a self-contained HTML page for a handout.
#pragma once

#include "report/run_record.hpp"
#include "report/statistics.hpp"

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
    std::string name;   ///< as people read it (the scenario's `name:`); empty: shown by its id
};

/// What a metric's values can be: a share (unit "share") is within 0 and 1;
/// every other metric, a count, an amount or a mean of them, is at least 0.
Bounds boundsOf(const Metric& metric);

/// A metric's mean over a variant's runs, with its 95% interval within the
/// metric's bounds (report/statistics.hpp; no interval with one run).
Estimate estimate(const VariantRuns& runs, const Metric& metric);

/// A metric's difference `variant` minus `baseline`, seed by seed, with its
/// 95% interval (report::pairedDifference). Throws std::invalid_argument
/// when the two were not run on the same seeds: they would not be paired.
Estimate difference(const VariantRuns& variant, const VariantRuns& baseline, const Metric& metric);

struct Comparison {
    std::string title;
    std::string description;
    std::string file;
    std::vector<VariantRuns> variants;  ///< the first is the baseline the others are compared with
    std::vector<std::string> leavesOut; ///< what the model leaves out, a sentence each
    /// The handout's at-a-glance charts: the cost, the benefit, then the others; metric names.
    /// Empty cost or benefit: the defaults (headlineMetrics); all empty: the charts before issue 16.
    scenario::Headlines headlines;
};

/// The metrics the handout charts at a glance, cost and benefit first: the scenario's
/// `headlines:`, with a default for what it leaves unset (cost: legitimate flights disrupted;
/// benefit: drone-minutes near protected places where any run protects one, else violation
/// minutes); without `headlines:`, the three charts of before (disrupted, violating, violation
/// minutes). Names the metric table does not have are left out (the loader refuses them).
std::vector<const Metric*> headlineMetrics(const Comparison& comparison);

/// The cost-against-benefit chart as a self-contained SVG: a point per policy at its mean
/// cost (x) and benefit (y), each with its 95% interval as error bars, named beside it; axes
/// with the metrics' labels and units and round ticks.
std::string costBenefitSvg(const Comparison& comparison, const Metric& cost, const Metric& benefit);

/// A side-by-side table: a row per metric of kCompared (report/metrics.hpp),
/// a column per variant (mean [95% interval]); then each variant's
/// differences to the baseline, seed by seed, with their intervals and how
/// sure each is (report::certaintyNote).
std::string comparisonTable(const Comparison& comparison);
/// One row per variant, seed and metric: variant,seed,metric,value; then the
/// summary rows of each metric: seed "mean", "ci95" (the t interval's
/// half-width, before the bounds), "low95" and "high95" (the interval within
/// the bounds; with two seeds or more), and for every variant but the
/// baseline "diff" (its mean difference to the baseline, seed by seed),
/// "diff_low95" and "diff_high95" (its interval; with two seeds or more).
std::string comparisonCsv(const Comparison& comparison);
/// A self-contained page (no network): the table, each variant against the
/// baseline with the intervals of the differences and a sentence on how sure
/// each is, a bar chart of the key metrics, and each variant's map side by
/// side; prints as a handout.
std::string comparisonHtml(const Comparison& comparison);

/// "status-quo", or "base" for the scenario with no variant.
std::string variantLabel(const std::string& variant);
/// A policy as a handout names it: its name, else its id (variantLabel).
std::string policyLabel(const VariantRuns& runs);

} // namespace nofly::report
