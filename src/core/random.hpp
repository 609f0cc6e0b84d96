// The one random number generator of a run: seeded, platform-independent,
// passed explicitly. Standard library distributions differ between library
// implementations, so the draws are written here (xoshiro256** seeded by
// splitmix64, both public domain by Blackman and Vigna).
#pragma once

#include <cstdint>
#include <string_view>

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

/// The 64 bits behind uniformAt: the seed of a stream that belongs to one
/// thing (the draws of generated flight c of traffic b), so that its draws do
/// not shift when other things are added, removed or drawn in another order.
std::uint64_t keyAt(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c);

/// A text as a number for keyAt and uniformAt (FNV-1a, 64 bits): draws keyed
/// by an id stay with that id whatever else the scenario holds.
std::uint64_t textKey(std::string_view text);

} // namespace nofly::core
