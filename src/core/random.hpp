// The one random number generator of a run: seeded, platform-independent,
// passed explicitly. Standard library distributions differ between library
// implementations, so the draws are written here (xoshiro256** seeded by
// splitmix64, both public domain by Blackman and Vigna).
#pragma once

#include <cstdint>

namespace nofly::core {

class Random {
public:
    explicit Random(std::uint64_t seed);

    std::uint64_t next();
    /// Uniform in [0, 1).
    double uniform();
    /// Uniform in [lo, hi).
    double uniform(double lo, double hi);
    /// Uniform integer in [0, n); n > 0.
    std::uint64_t below(std::uint64_t n);
    /// Normal with the given mean and standard deviation (Box-Muller).
    double normal(double mean, double stddev);
    /// True with probability p.
    bool chance(double p);

private:
    std::uint64_t m_state[4];
};

/// A draw uniform in [0, 1) that depends only on its arguments: the same
/// (seed, a, b, c) always gives the same number, and any change gives an
/// unrelated one. For draws that belong to one thing at one moment (sensor a
/// sees drone b in scan c), so that they do not shift when other things are
/// added or removed, as one stream's draws would.
double uniformAt(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c);

} // namespace nofly::core
