// The statistics of a comparison: a mean over seeds with its 95% interval
// kept within what the metric can be, and the difference of two policies
// seed by seed (paired: the same seed gives both policies the same traffic).
// The t quantile is Boost.Math's, exact for any degrees of freedom; the rest
// is a few sums, written here.
#pragma once

#include <cstddef>
#include <limits>
#include <span>

namespace nofly::report {

/// The confidence of every interval nofly prints.
inline constexpr double kConfidence = 0.95;

/// The two-sided quantile of Student's t: the t with P(-t < T < t) =
/// `confidence` for `degreesOfFreedom` (12.706 for 1 at 95%, 2.042 for 30,
/// 1.962 for 1000). 0 for 0 degrees of freedom (one value has no interval).
double tQuantile(std::size_t degreesOfFreedom, double confidence = kConfidence);

/// What a metric's values can be: every count, amount and mean is at least
/// 0; a share is at most 1 too.
struct Bounds {
    double lowest = 0.0;
    double highest = std::numeric_limits<double>::infinity();
};

/// A mean over n values with its interval: mean ± t * sd / sqrt(n), cut at
/// the bounds. Cutting costs no coverage: the true mean lies within the
/// bounds, so an interval that held it still does. (A percentile bootstrap,
/// the other way to stay within bounds, is too narrow at 5 seeds: it never
/// reaches past the values seen.)
struct Estimate {
    std::size_t n = 0;
    double mean = 0.0;
    double sd = 0.0;   ///< sample standard deviation (n - 1); exactly 0 when every value is the same
    double half = 0.0; ///< t * sd / sqrt(n), before the bounds; 0 with fewer than 2 values
    double low = 0.0;  ///< max(mean - half, lowest); never above the mean
    double high = 0.0; ///< min(mean + half, highest); never below the mean

    /// Two values or more: one value has no spread, so no interval.
    bool hasInterval() const { return n >= 2; }
    /// Whether the interval leaves zero out (false with one value).
    bool excludesZero() const { return hasInterval() && (low > 0.0 || high < 0.0); }
};

/// The mean of `values` with its interval within `bounds`.
Estimate estimateMean(std::span<const double> values, Bounds bounds = {});

/// Variant minus baseline, seed by seed: values[i] of both come from the
/// same seed. The interval is Student's t over the differences, cut at what a
/// difference of two values within `bounds` can be (a share's at -1 and 1).
/// Throws std::invalid_argument when the two are not of the same length.
Estimate pairedDifference(std::span<const double> variant, std::span<const double> baseline,
                          Bounds bounds = {});

/// About how many seeds would make a difference's interval leave zero out,
/// if its mean and sd stayed as they are: the least n with
/// t(n - 1) * sd / sqrt(n) < |mean|. Its n when it already does; `cap` + 1
/// when more than `cap` would be needed (a mean of 0 never separates); 0 when
/// it cannot be told (one seed: no sd).
std::size_t seedsToSeparate(const Estimate& difference, std::size_t cap = 200);

} // namespace nofly::report
