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

} // namespace nofly::core
