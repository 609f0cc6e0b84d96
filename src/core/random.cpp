// The generator and its draws, written out so that a seed gives the same
// numbers with every compiler and standard library. xoshiro256** and
// splitmix64 follow the reference C code by David Blackman and Sebastiano
// Vigna (public domain, https://prng.di.unimi.it/).
#include "core/random.hpp"

#include <cmath>
#include <initializer_list>

namespace nofly::core {

namespace {

// splitmix64: one step of a 64-bit counter through a mixing function; used
// only to spread a seed over the 256 bits of xoshiro's state.
std::uint64_t splitMix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotateLeft(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

constexpr double kTwoPi = 6.283185307179586476925286766559;

} // namespace

Random::Random(std::uint64_t seed) {
    // four splitmix64 outputs never are all zero, the one state xoshiro avoids
    std::uint64_t counter = seed;
    for (std::uint64_t& word : m_state)
        word = splitMix64(counter);
}

std::uint64_t Random::next() {
    // xoshiro256**: scramble s[1], then advance the linear engine
    std::uint64_t* s = m_state;
    const std::uint64_t result = rotateLeft(s[1] * 5, 7) * 9;
    const std::uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotateLeft(s[3], 45);
    return result;
}

double Random::uniform() {
    // the top 53 bits, one per bit of a double's mantissa: k / 2^53
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Random::uniform(double lo, double hi) {
    // lo + (hi - lo) u can round up to hi; keep the interval half-open
    const double value = lo + (hi - lo) * uniform();
    return value < hi ? value : lo;
}

std::uint64_t Random::below(std::uint64_t n) {
    if (n == 0) return 0; // outside the contract; no division by zero
    // rejection: of the 2^64 raw values, drop the lowest 2^64 mod n so that
    // every remainder has the same number of preimages (no modulo bias);
    // fewer than half the draws are ever dropped
    const std::uint64_t threshold = (0 - n) % n; // 2^64 mod n
    for (;;) {
        const std::uint64_t r = next();
        if (r >= threshold) return r % n;
    }
}

double Random::normal(double mean, double stddev) {
    // Box-Muller, cosine branch only: two draws per value, no cached pair,
    // so the number of draws never depends on the history. u1 is in (0, 1]
    // so that the logarithm is finite.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(kTwoPi * u2);
    return mean + stddev * z;
}

bool Random::chance(double p) {
    // always one draw, whatever p, so that later draws do not shift with it
    return uniform() < p;
}

std::uint64_t keyAt(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
    // each argument through splitmix64 in turn: every bit of each reaches every bit of the result
    std::uint64_t state = seed;
    std::uint64_t h = splitMix64(state);
    for (std::uint64_t part : {a, b, c}) {
        state = h ^ part;
        h = splitMix64(state);
    }
    return h;
}

double uniformAt(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
    return static_cast<double>(keyAt(seed, a, b, c) >> 11) * 0x1.0p-53;
}

std::uint64_t textKey(std::string_view text) {
    std::uint64_t h = 1469598103934665603ULL;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

} // namespace nofly::core
