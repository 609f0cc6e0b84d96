// Tests of the convex split that feeds Box2D: the pieces tile the polygon
// (areas add up, sample points fall in exactly one piece) and each piece is
// something Box2D accepts (convex, counter-clockwise, few vertices, no
// collinear vertices, no short edges).
#include "core/geometry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>
#include <vector>

namespace nofly::core {
namespace {

Ring rectangle(double x0, double y0, double x1, double y1) {
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

Ring reversed(Ring ring) {
    std::reverse(ring.begin(), ring.end());
    return ring;
}

// A small deterministic generator (splitmix64), so the samples never change.
class Samples {
  public:
    explicit Samples(std::uint64_t seed) : m_state(seed) {}
    double uniform(double lo, double hi) {
        m_state += 0x9E3779B97F4A7C15ull;
        std::uint64_t z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        return lo + (hi - lo) * static_cast<double>(z >> 11) * 0x1.0p-53;
    }

  private:
    std::uint64_t m_state;
};

Region regionOf(const Polygon& polygon) {
    Region region;
    region.polygons.push_back(polygon);
    return region;
}

// Everything a split must satisfy; `exactArea` is false only when minEdge
// smooths away features of the input.
void expectGoodSplit(const Polygon& polygon, const std::vector<Ring>& pieces, const ConvexLimits& limits = {},
                     bool exactArea = true) {
    ASSERT_FALSE(pieces.empty());
    double total = 0.0;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        const Ring& piece = pieces[k];
        SCOPED_TRACE("piece " + std::to_string(k));
        ASSERT_GE(piece.size(), 3u);
        EXPECT_LE(piece.size(), limits.maxVertices);
        EXPECT_GT(signedArea(piece), 0.0); // counter-clockwise
        total += signedArea(piece);
        const std::size_t n = piece.size();
        for (std::size_t i = 0; i < n; ++i) {
            const Vec2 a = piece[(i + n - 1) % n], b = piece[i], c = piece[(i + 1) % n];
            // convex, and not collinear: a real left turn at every vertex
            EXPECT_GT(cross(b - a, c - b), 1e-9 * distance(a, b) * distance(b, c)) << "vertex " << i;
            EXPECT_GE(distance(b, c), limits.minEdge) << "edge " << i;
        }
    }
    if (exactArea) {
        EXPECT_NEAR(total, area(polygon), 1e-9 * area(polygon));
    }
}

// Sample points well inside the polygon lie in exactly one piece (or on
// boundaries shared by pieces); points well outside lie in none.
void expectTiling(const Polygon& polygon, const std::vector<Ring>& pieces, int samples = 3000) {
    const Region region = regionOf(polygon);
    const Box box = bounds(region);
    const double margin = 0.05 * std::max(box.max.x - box.min.x, box.max.y - box.min.y);
    Samples random(42);
    int inside = 0, outside = 0;
    for (int s = 0; s < samples; ++s) {
        const Vec2 p{random.uniform(box.min.x - margin, box.max.x + margin),
                     random.uniform(box.min.y - margin, box.max.y + margin)};
        const double depth = signedDistance(region, p);
        if (std::fabs(depth) < 1e-6) continue; // on the polygon's own boundary
        int containing = 0, strictly = 0;
        for (const Ring& piece : pieces) {
            const Region one = regionOf(Polygon{piece, {}});
            if (!contains(one, p)) continue;
            ++containing;
            if (distanceToBoundary(one, p) > 1e-7) ++strictly;
        }
        if (depth < 0.0) {
            ++inside;
            EXPECT_GE(containing, 1) << "uncovered " << p.x << ", " << p.y;
            EXPECT_LE(strictly, 1) << "overlapped " << p.x << ", " << p.y;
        } else {
            ++outside;
            EXPECT_EQ(containing, 0) << "outside but covered " << p.x << ", " << p.y;
        }
    }
    // the samples tested both sides
    EXPECT_GT(inside, samples / 20);
    EXPECT_GT(outside, samples / 20);
}

// A star with `points` tips, alternating between two radii.
Ring star(std::size_t points, double outer, double inner) {
    Ring ring;
    for (std::size_t i = 0; i < 2 * points; ++i) {
        const double angle = std::numbers::pi * static_cast<double>(i) / static_cast<double>(points);
        const double radius = i % 2 == 0 ? outer : inner;
        ring.push_back({radius * std::cos(angle), radius * std::sin(angle)});
    }
    return ring;
}

// A comb: a spine 10 m high and 5 m per tooth long, with teeth 2.5 m wide
// and 10 m tall pointing north, separated by notches 2.5 m wide.
Ring comb(int teeth) {
    const double pitch = 5.0, width = 2.5;
    Ring ring = {{0, 0}, {pitch * teeth, 0}, {pitch * teeth, 10}};
    for (int k = teeth - 1; k >= 0; --k) {
        const double x0 = pitch * k;
        ring.push_back({x0 + width, 10});
        ring.push_back({x0 + width, 20});
        ring.push_back({x0, 20});
        if (k > 0) ring.push_back({x0, 10});
    }
    return ring;
}

TEST(ConvexSplit, SquareIsOnePiece) {
    const Polygon square{rectangle(0, 0, 10, 10), {}};
    const auto pieces = convexSplit(square);
    ASSERT_EQ(pieces.size(), 1u);
    EXPECT_EQ(pieces[0].size(), 4u);
    expectGoodSplit(square, pieces);
}

TEST(ConvexSplit, LShapeIsTwoPieces) {
    const Polygon l{{{0, 0}, {20, 0}, {20, 10}, {10, 10}, {10, 20}, {0, 20}}, {}};
    const auto pieces = convexSplit(l);
    EXPECT_EQ(pieces.size(), 2u);
    expectGoodSplit(l, pieces);
    expectTiling(l, pieces);
}

TEST(ConvexSplit, ClockwiseInputGivesCounterClockwisePieces) {
    const Polygon l{reversed({{0, 0}, {20, 0}, {20, 10}, {10, 10}, {10, 20}, {0, 20}}), {}};
    const auto pieces = convexSplit(l);
    EXPECT_EQ(pieces.size(), 2u);
    expectGoodSplit(l, pieces);
    expectTiling(l, pieces);
}

TEST(ConvexSplit, RepeatedVerticesAreDropped) {
    const Polygon square{{{0, 0}, {0, 0}, {10, 0}, {10, 10}, {10, 10}, {10, 10}, {0, 10}, {0, 0}}, {}};
    const auto pieces = convexSplit(square);
    ASSERT_EQ(pieces.size(), 1u);
    EXPECT_EQ(pieces[0].size(), 4u);
    expectGoodSplit(square, pieces);
}

TEST(ConvexSplit, CollinearPointsAlongAnEdgeAreDropped) {
    const Polygon square{{{0, 0}, {2, 0}, {5, 0}, {7, 0}, {10, 0}, {10, 5}, {10, 10}, {0, 10}, {0, 5}}, {}};
    const auto pieces = convexSplit(square);
    ASSERT_EQ(pieces.size(), 1u);
    EXPECT_EQ(pieces[0].size(), 4u);
    expectGoodSplit(square, pieces);
}

TEST(ConvexSplit, CombWithManyNotches) {
    const Polygon teeth{comb(20), {}};
    ASSERT_TRUE(validate(teeth).empty());
    const auto pieces = convexSplit(teeth);
    // at least one piece per tooth
    EXPECT_GE(pieces.size(), 20u);
    expectGoodSplit(teeth, pieces);
    expectTiling(teeth, pieces);
}

TEST(ConvexSplit, StarWithFiftyPoints) {
    const Polygon fifty{star(50, 100.0, 40.0), {}};
    const auto pieces = convexSplit(fifty);
    expectGoodSplit(fifty, pieces);
    expectTiling(fifty, pieces);
}

TEST(ConvexSplit, PolygonWithTwoHoles) {
    const Polygon holed{rectangle(0, 0, 100, 100),
                        {rectangle(20, 20, 40, 40), reversed(rectangle(60, 50, 80, 70))}};
    ASSERT_TRUE(validate(holed).empty());
    const auto pieces = convexSplit(holed);
    expectGoodSplit(holed, pieces);
    expectTiling(holed, pieces);
}

TEST(ConvexSplit, HoleTouchingTheOuterRingAtAPoint) {
    const Polygon touching{rectangle(0, 0, 10, 10), {{{0, 5}, {3, 4}, {3, 6}}}};
    ASSERT_TRUE(validate(touching).empty());
    const auto pieces = convexSplit(touching);
    expectGoodSplit(touching, pieces);
    expectTiling(touching, pieces);
}

TEST(ConvexSplit, TwoHundredVertexStarShapedPolygon) {
    // radii from a fixed generator: simple, as every vertex is seen from the centre
    Samples random(7);
    Ring ring;
    for (int i = 0; i < 200; ++i) {
        const double angle = 2 * std::numbers::pi * i / 200.0;
        const double radius = random.uniform(300.0, 1000.0);
        ring.push_back({5000 + radius * std::cos(angle), -3000 + radius * std::sin(angle)});
    }
    const Polygon blob{ring, {}};
    ASSERT_TRUE(validate(blob).empty());
    const auto pieces = convexSplit(blob);
    expectGoodSplit(blob, pieces);
    expectTiling(blob, pieces);
}

// An island like a basemap's: a 1,500-point wobbly coast with 30 lakes.
// Past 80 vertices the ear test looks only at the vertices near each ear (by
// z-order), which must decide as a scan of the whole ring would.
TEST(ConvexSplit, IslandWithThirtyLakes) {
    Samples random(11);
    Ring coast;
    for (int i = 0; i < 1500; ++i) {
        const double angle = 2 * std::numbers::pi * i / 1500.0;
        const double radius = 20000.0 + random.uniform(-150.0, 150.0) + 2000.0 * std::sin(7 * angle);
        coast.push_back({radius * std::cos(angle), radius * std::sin(angle)});
    }
    Polygon island{coast, {}};
    for (int k = 0; k < 30; ++k) {
        // lakes on a ring of radius 10 km, each a small clockwise star
        const double angle = 2 * std::numbers::pi * k / 30.0;
        const Vec2 centre{10000.0 * std::cos(angle), 10000.0 * std::sin(angle)};
        Ring lake = star(6, 400.0, 200.0);
        for (Vec2& p : lake)
            p = p + centre;
        island.holes.push_back(reversed(lake));
    }
    ASSERT_TRUE(validate(island).empty());
    const auto pieces = convexSplit(island);
    expectGoodSplit(island, pieces);
    expectTiling(island, pieces);
}

TEST(ConvexSplit, ConvexPolygonWithManyVerticesIsCutToTheLimit) {
    const Polygon disc{circleRing({{0, 0}, 100.0}, 64), {}};
    const auto pieces = convexSplit(disc);
    // 64 boundary vertices need at least 64 / 6 pieces of at most 8 vertices
    EXPECT_GE(pieces.size(), 11u);
    expectGoodSplit(disc, pieces);
    expectTiling(disc, pieces);
}

TEST(ConvexSplit, SmallerVertexLimit) {
    const ConvexLimits triangles{3, 1.0};
    const Polygon l{{{0, 0}, {20, 0}, {20, 10}, {10, 10}, {10, 20}, {0, 20}}, {}};
    const auto pieces = convexSplit(l, triangles);
    EXPECT_EQ(pieces.size(), 4u);
    expectGoodSplit(l, pieces, triangles);
    expectTiling(l, pieces);
}

TEST(ConvexSplit, ShortEdgesAreMerged) {
    // a 0.3 m step in the outline, below the 1 m minimum edge
    const Polygon stepped{{{0, 0}, {50, 0}, {50, 20}, {20.3, 20}, {20, 20.3}, {0, 20.3}}, {}};
    const ConvexLimits limits{8, 1.0};
    const auto pieces = convexSplit(stepped, limits);
    expectGoodSplit(stepped, pieces, limits, false);
    // the area moves by no more than the 0.3 m strip along the stepped edge
    double total = 0.0;
    for (const Ring& piece : pieces)
        total += signedArea(piece);
    EXPECT_NEAR(total, area(stepped), 0.3 * 20.3);
}

TEST(ConvexSplit, IsDeterministic) {
    const Polygon fifty{star(50, 100.0, 40.0), {rectangle(-10, -10, 10, 10)}};
    const auto first = convexSplit(fifty);
    const auto second = convexSplit(fifty);
    ASSERT_EQ(first.size(), second.size());
    for (std::size_t k = 0; k < first.size(); ++k) {
        ASSERT_EQ(first[k].size(), second[k].size());
        for (std::size_t i = 0; i < first[k].size(); ++i)
            EXPECT_TRUE(first[k][i] == second[k][i]);
    }
    expectGoodSplit(fifty, first);
    expectTiling(fifty, first);
}

TEST(ConvexSplit, DegeneratePolygonGivesNoPieces) {
    EXPECT_TRUE(convexSplit({{{0, 0}, {10, 0}}, {}}).empty());
    EXPECT_TRUE(convexSplit({{{0, 0}, {5, 0}, {10, 0}}, {}}).empty());
}

} // namespace
} // namespace nofly::core
