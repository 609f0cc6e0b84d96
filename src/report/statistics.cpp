#include "report/statistics.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace nofly::report {

double tQuantile(std::size_t degreesOfFreedom, double confidence) {
    if (degreesOfFreedom == 0) return 0.0;
    const boost::math::students_t t(static_cast<double>(degreesOfFreedom));
    // the upper (1 - confidence) / 2 tail, taken as a complement so it stays exact far out
    return boost::math::quantile(boost::math::complement(t, (1.0 - confidence) / 2.0));
}

Estimate estimateMean(std::span<const double> values, Bounds bounds) {
    Estimate e;
    e.n = values.size();
    if (e.n == 0) return e;
    double sum = 0.0;
    for (double v : values)
        sum += v;
    e.mean = sum / static_cast<double>(e.n);
    // the spread: exactly 0 when every value is the same (a sum of squares of
    // rounding errors would otherwise claim a spread there is not)
    const auto [least, most] = std::minmax_element(values.begin(), values.end());
    if (e.n >= 2 && *least != *most) {
        double squares = 0.0;
        for (double v : values)
            squares += (v - e.mean) * (v - e.mean);
        e.sd = std::sqrt(squares / static_cast<double>(e.n - 1));
        e.half = tQuantile(e.n - 1) * e.sd / std::sqrt(static_cast<double>(e.n));
    }
    // within the bounds, and around the mean whatever the bounds say
    e.low = std::min(std::max(e.mean - e.half, bounds.lowest), e.mean);
    e.high = std::max(std::min(e.mean + e.half, bounds.highest), e.mean);
    return e;
}

Estimate pairedDifference(std::span<const double> variant, std::span<const double> baseline, Bounds bounds) {
    if (variant.size() != baseline.size())
        throw std::invalid_argument("a paired difference needs one value of each policy a seed");
    std::vector<double> differences(variant.size());
    for (std::size_t i = 0; i < variant.size(); ++i)
        differences[i] = variant[i] - baseline[i];
    // a difference of two values within [lowest, highest]; unbounded where either bound is
    const double widest = bounds.highest - bounds.lowest;
    return estimateMean(differences, {-widest, widest});
}

std::size_t seedsToSeparate(const Estimate& d, std::size_t cap) {
    if (!d.hasInterval()) return 0;
    if (d.excludesZero()) return d.n;
    if (d.mean == 0.0) return cap + 1;
    // the half-width shrinks as n grows: the least n within (d.n, cap] whose half-width is below |mean|
    const auto separates = [&](std::size_t n) {
        return tQuantile(n - 1) * d.sd / std::sqrt(static_cast<double>(n)) < std::abs(d.mean);
    };
    if (d.n >= cap || !separates(cap)) return cap + 1;
    std::size_t no = d.n, yes = cap; // separates(no) is false, separates(yes) true
    while (yes - no > 1) {
        const std::size_t mid = no + (yes - no) / 2;
        (separates(mid) ? yes : no) = mid;
    }
    return yes;
}

} // namespace nofly::report
