#include "core/random.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace nofly::core {
namespace {

// An independent copy of the reference algorithms (Blackman and Vigna,
// https://prng.di.unimi.it/), itself checked against published values below,
// so that the golden values of Random are known to be the real xoshiro256**.
struct Reference {
    static std::uint64_t splitMix64(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    std::array<std::uint64_t, 4> s{};

    std::uint64_t next() {
        const std::uint64_t result = rotl(s[1] * 5, 7) * 9;
        const std::uint64_t t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = rotl(s[3], 45);
        return result;
    }
};

TEST(Random, ReferenceSplitMix64MatchesThePublishedValue) {
    // the first output of splitmix64 from state 0, as in every port of it
    std::uint64_t state = 0;
    EXPECT_EQ(Reference::splitMix64(state), 0xE220A8397B1DCDAFULL);
}

TEST(Random, ReferenceXoshiroFromStateOneTwoThreeFour) {
    // worked by hand from the reference code: rotl(2 * 5, 7) * 9 = 11520,
    // then s[1] becomes 2 ^ (3 ^ 1) = 0, so the second output is 0
    Reference reference;
    reference.s = {1, 2, 3, 4};
    EXPECT_EQ(reference.next(), 11520u);
    EXPECT_EQ(reference.next(), 0u);
}

TEST(Random, MatchesTheReferenceSeededBySplitMix64) {
    for (std::uint64_t seed : {0ULL, 1ULL, 42ULL, 0xFFFFFFFFFFFFFFFFULL}) {
        Reference reference;
        std::uint64_t x = seed;
        for (std::uint64_t& word : reference.s)
            word = Reference::splitMix64(x);
        Random random(seed);
        for (int i = 0; i < 1000; ++i)
            ASSERT_EQ(random.next(), reference.next()) << "seed " << seed << " draw " << i;
    }
}

TEST(Random, GoldenFirstDrawsOfSeed42) {
    // pinned: a change here changes every scenario's outcome
    Random random(42);
    EXPECT_EQ(random.next(), 0x15780b2e0c2ec716ULL);
    EXPECT_EQ(random.next(), 0x6104d9866d113a7eULL);
    EXPECT_EQ(random.next(), 0xae17533239e499a1ULL);
}

TEST(Random, SameSeedSameSequence) {
    Random a(7), b(7), c(8);
    bool differs = false;
    for (int i = 0; i < 1000; ++i) {
        const std::uint64_t x = a.next();
        ASSERT_EQ(x, b.next());
        differs = differs || x != c.next();
    }
    EXPECT_TRUE(differs);
}

TEST(Random, SameSeedSameDraws) {
    Random a(2025), b(2025);
    for (int i = 0; i < 100; ++i) {
        EXPECT_EQ(a.uniform(), b.uniform());
        EXPECT_EQ(a.below(17), b.below(17));
        EXPECT_EQ(a.normal(3.0, 2.0), b.normal(3.0, 2.0));
        EXPECT_EQ(a.chance(0.3), b.chance(0.3));
        EXPECT_EQ(a.uniform(-5.0, 5.0), b.uniform(-5.0, 5.0));
    }
}

TEST(Random, UniformIsTheTop53Bits) {
    Random a(99), b(99);
    for (int i = 0; i < 100; ++i)
        EXPECT_EQ(a.uniform(), static_cast<double>(b.next() >> 11) / 9007199254740992.0);
}

TEST(Random, UniformMeanAndRange) {
    // 100 000 draws: the mean has a standard deviation of
    // sqrt(1/12) / sqrt(1e5) = 0.0009, so 0.01 is an eleven-sigma bound
    Random random(1);
    const int n = 100'000;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        const double u = random.uniform();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        sum += u;
    }
    EXPECT_NEAR(sum / n, 0.5, 0.01);
}

TEST(Random, UniformInAnInterval) {
    Random random(3);
    for (int i = 0; i < 10'000; ++i) {
        const double x = random.uniform(-2.5, 4.0);
        ASSERT_GE(x, -2.5);
        ASSERT_LT(x, 4.0);
    }
}

TEST(Random, BelowFillsEveryBucketEvenly) {
    // 100 000 draws into 10 buckets: Pearson's chi-square has 9 degrees of
    // freedom, and exceeds 27.88 with probability 0.001 for a fair source.
    // The seed is fixed, so the test cannot flake: it either finds a bias or
    // it never will.
    Random random(5);
    const std::uint64_t buckets = 10;
    const int n = 100'000;
    std::vector<int> counts(buckets, 0);
    for (int i = 0; i < n; ++i) {
        const std::uint64_t k = random.below(buckets);
        ASSERT_LT(k, buckets);
        ++counts[k];
    }
    const double expected = static_cast<double>(n) / buckets;
    double chiSquare = 0.0;
    for (int count : counts)
        chiSquare += (count - expected) * (count - expected) / expected;
    EXPECT_LT(chiSquare, 27.88);
}

TEST(Random, BelowHasNoModuloBias) {
    // n = 3 * 2^62: a plain next() % n would put half the draws below 2^62
    // (those values have two preimages, the others one); unbiased, a third
    // of them fall there. 10 000 draws: sd of the share is 0.0047.
    Random random(11);
    const std::uint64_t n = 3ULL << 62;
    const std::uint64_t quarter = 1ULL << 62;
    const int draws = 10'000;
    int low = 0;
    for (int i = 0; i < draws; ++i) {
        const std::uint64_t k = random.below(n);
        ASSERT_LT(k, n);
        low += k < quarter ? 1 : 0;
    }
    EXPECT_NEAR(static_cast<double>(low) / draws, 1.0 / 3.0, 0.02);
}

TEST(Random, BelowOneIsZero) {
    Random random(13);
    for (int i = 0; i < 100; ++i)
        EXPECT_EQ(random.below(1), 0u);
}

TEST(Random, NormalMeanAndSpread) {
    // 100 000 draws of N(10, 2): sd of the mean 2 / 316 = 0.006 and of the
    // sample sd about 2 / 447 = 0.0045, so both bounds are about ten sigma;
    // the share within one sd (0.6827) has sd 0.0015
    Random random(17);
    const int n = 100'000;
    double sum = 0.0, sumSquares = 0.0;
    int withinOne = 0;
    for (int i = 0; i < n; ++i) {
        const double x = random.normal(10.0, 2.0);
        ASSERT_TRUE(std::isfinite(x));
        sum += x;
        sumSquares += x * x;
        withinOne += std::fabs(x - 10.0) < 2.0 ? 1 : 0;
    }
    const double mean = sum / n;
    const double sd = std::sqrt(sumSquares / n - mean * mean);
    EXPECT_NEAR(mean, 10.0, 0.05);
    EXPECT_NEAR(sd, 2.0, 0.05);
    EXPECT_NEAR(static_cast<double>(withinOne) / n, 0.6827, 0.01);
}

TEST(Random, ChanceIsAProbability) {
    Random random(19);
    const int n = 100'000;
    int hits = 0;
    for (int i = 0; i < n; ++i)
        hits += random.chance(0.3) ? 1 : 0;
    EXPECT_NEAR(static_cast<double>(hits) / n, 0.3, 0.01); // sd 0.0014
    for (int i = 0; i < 1000; ++i) {
        EXPECT_FALSE(random.chance(0.0));
        EXPECT_TRUE(random.chance(1.0));
    }
}

TEST(Random, ChanceAlwaysTakesOneDraw) {
    // so that a change of a probability does not shift every later draw
    Random a(23), b(23);
    a.chance(0.0);
    a.chance(1.0);
    b.next();
    b.next();
    EXPECT_EQ(a.next(), b.next());
}

} // namespace
TEST(UniformAt, DependsOnlyOnItsArguments) {
    EXPECT_EQ(uniformAt(7, 1, 2, 3), uniformAt(7, 1, 2, 3));
    // any one argument changed gives another number
    const double base = uniformAt(7, 1, 2, 3);
    EXPECT_NE(uniformAt(8, 1, 2, 3), base);
    EXPECT_NE(uniformAt(7, 0, 2, 3), base);
    EXPECT_NE(uniformAt(7, 1, 3, 3), base);
    EXPECT_NE(uniformAt(7, 1, 2, 4), base);
    // the arguments are not interchangeable
    EXPECT_NE(uniformAt(7, 2, 1, 3), base);
}

TEST(UniformAt, IsUniformOverConsecutiveArguments) {
    // consecutive scans of one drone, as a sensor makes them: mean 1/2 and a tenth in each
    // tenth of [0, 1) (n = 100,000: sd of the mean 0.0009, of a bucket's share 0.00095)
    const int n = 100'000;
    double sum = 0.0;
    int buckets[10] = {};
    for (int k = 0; k < n; ++k) {
        const double u = uniformAt(42, 1000, 5, static_cast<std::uint64_t>(k) * 5000);
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        sum += u;
        ++buckets[static_cast<int>(u * 10.0)];
    }
    EXPECT_NEAR(sum / n, 0.5, 0.004);
    for (int b : buckets)
        EXPECT_NEAR(static_cast<double>(b) / n, 0.1, 0.004);
}

} // namespace nofly::core
