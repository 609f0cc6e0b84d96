// Tests of the plane geometry: containment with boundaries counted inside,
// self-intersection and validation messages, segment entry and exit
// distances, distances to the boundary of unions, overlaps and areas.
#include "core/geometry.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

namespace nofly::core {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// An axis-aligned rectangle, counter-clockwise.
Ring rectangle(double x0, double y0, double x1, double y1) {
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

Ring reversed(Ring ring) {
    std::reverse(ring.begin(), ring.end());
    return ring;
}

Region regionOf(Polygon polygon) {
    Region region;
    region.polygons.push_back(std::move(polygon));
    return region;
}
Region regionOf(Circle circle) {
    Region region;
    region.circles.push_back(circle);
    return region;
}
Region regionOf(Corridor corridor) {
    Region region;
    region.corridors.push_back(std::move(corridor));
    return region;
}

// A U: a 10 x 10 square with a notch [3, 7] x [3, 10] cut from the top.
Polygon notched() {
    return {{{0, 0}, {10, 0}, {10, 10}, {7, 10}, {7, 3}, {3, 3}, {3, 10}, {0, 10}}, {}};
}

// The square [0, 10]^2 with the hole [4, 6]^2.
Polygon squareWithHole() {
    return {rectangle(0, 0, 10, 10), {rectangle(4, 4, 6, 6)}};
}

// An L-shaped corridor two metres wide: east 10 m, then north 10 m.
Corridor bend() {
    return {{{0, 0}, {10, 0}, {10, 10}}, 1.0};
}

MATCHER_P2(IntervalNear, enter, leave, "") {
    return std::fabs(arg.enter - enter) < 1e-9 && std::fabs(arg.leave - leave) < 1e-9;
}

// --- vectors ------------------------------------------------------------------

TEST(GeometryVector, DotCrossLengthDistance) {
    EXPECT_DOUBLE_EQ(dot({1, 2}, {3, 4}), 11.0);
    EXPECT_DOUBLE_EQ(cross({1, 0}, {0, 1}), 1.0);
    EXPECT_DOUBLE_EQ(cross({0, 1}, {1, 0}), -1.0);
    EXPECT_DOUBLE_EQ(length({3, 4}), 5.0);
    EXPECT_DOUBLE_EQ(distance({1, 1}, {4, 5}), 5.0);
    EXPECT_TRUE((Vec2{1, 2} + Vec2{3, 4}) == (Vec2{4, 6}));
    EXPECT_TRUE((2.0 * Vec2{1, 2} - Vec2{1, 1}) == (Vec2{1, 3}));
}

// --- areas ------------------------------------------------------------------

TEST(GeometryArea, SignedAreaFollowsWinding) {
    EXPECT_DOUBLE_EQ(signedArea(rectangle(0, 0, 10, 5)), 50.0);
    EXPECT_DOUBLE_EQ(signedArea(reversed(rectangle(0, 0, 10, 5))), -50.0);
}

TEST(GeometryArea, SignedAreaToleratesRepeatsAndClosingVertex) {
    const Ring ring = {{0, 0}, {0, 0}, {10, 0}, {10, 5}, {10, 5}, {0, 5}, {0, 0}};
    EXPECT_DOUBLE_EQ(signedArea(ring), 50.0);
}

TEST(GeometryArea, SignedAreaIsExactFarFromTheOrigin) {
    EXPECT_DOUBLE_EQ(signedArea(rectangle(1e6, 1e6, 1e6 + 1, 1e6 + 1)), 1.0);
}

TEST(GeometryArea, PolygonAreaSubtractsHolesOfEitherWinding) {
    EXPECT_DOUBLE_EQ(area(squareWithHole()), 96.0);
    const Polygon clockwise = {reversed(rectangle(0, 0, 10, 10)),
                               {rectangle(1, 1, 2, 2), reversed(rectangle(5, 5, 7, 7))}};
    EXPECT_DOUBLE_EQ(area(clockwise), 100.0 - 1.0 - 4.0);
}

TEST(GeometryArea, RegionAddsItsParts) {
    Region region = regionOf(Polygon{rectangle(0, 0, 10, 10), {}});
    region.circles.push_back({{50, 50}, 2.0});
    region.corridors.push_back({{{100, 0}, {110, 0}}, 1.0});
    EXPECT_NEAR(area(region), 100.0 + 4.0 * std::numbers::pi + (2.0 * 10.0 + std::numbers::pi), 1e-9);
    EXPECT_DOUBLE_EQ(area(Region{}), 0.0);
}

TEST(GeometryArea, CorridorWithRepeatedPointsAndSinglePoint) {
    EXPECT_NEAR(area(regionOf(Corridor{{{0, 0}, {0, 0}, {10, 0}, {10, 0}}, 2.0})),
                2 * 2 * 10 + 4 * std::numbers::pi, 1e-9);
    EXPECT_NEAR(area(regionOf(Corridor{{{3, 3}}, 2.0})), 4 * std::numbers::pi, 1e-9);
    // a straight continuation adds no correction
    EXPECT_NEAR(area(regionOf(Corridor{{{0, 0}, {5, 0}, {10, 0}}, 1.0})), 20 + std::numbers::pi, 1e-9);
}

// Grid estimate of a corridor's area: cells of `step` metres whose centre is inside.
double gridArea(const Corridor& corridor, double step) {
    const Box box = bounds(regionOf(corridor));
    const Region region = regionOf(corridor);
    long inside = 0;
    for (double y = box.min.y + 0.5 * step; y < box.max.y; y += step)
        for (double x = box.min.x + 0.5 * step; x < box.max.x; x += step)
            if (contains(region, {x, y})) ++inside;
    return static_cast<double>(inside) * step * step;
}

// The corridor area formula, 2hL + pi h^2 + h^2 (theta/2 - tan(theta/2)) per
// turn, checked against counting grid cells; the turn correction is large
// enough here that leaving it out would fail the same check.
TEST(GeometryArea, CorridorTurnFormulaMatchesGridEstimate) {
    struct Case {
        std::vector<Vec2> path;
        double turnAngle; // exterior angle of each turn [rad]
    };
    const double h = 5.0;
    const std::vector<Case> cases = {
        {{{0, 0}, {40, 0}, {40, 30}}, std::numbers::pi / 2}, // right angle
        {{{0, 0}, {40, 0}, {40 - 30 * std::cos(std::numbers::pi / 4), 30 * std::sin(std::numbers::pi / 4)}},
         3 * std::numbers::pi / 4},                                    // sharp
        {{{0, 0}, {30, 0}, {30, 30}, {60, 30}}, std::numbers::pi / 2}, // two turns, zigzag
    };
    for (const Case& c : cases) {
        const Corridor corridor{c.path, h};
        double pathLength = 0.0;
        for (std::size_t i = 1; i < c.path.size(); ++i)
            pathLength += distance(c.path[i - 1], c.path[i]);
        const double turns = static_cast<double>(c.path.size() - 2);
        const double withoutCorrection = 2 * h * pathLength + std::numbers::pi * h * h;
        const double correction = turns * h * h * (c.turnAngle / 2 - std::tan(c.turnAngle / 2));
        const double estimate = gridArea(corridor, 0.05);
        const double tolerance = 0.5; // [m^2], the grid's error is well below this
        EXPECT_NEAR(area(regionOf(corridor)), withoutCorrection + correction, 1e-9);
        EXPECT_NEAR(area(regionOf(corridor)), estimate, tolerance);
        EXPECT_GT(std::fabs(estimate - withoutCorrection), 5 * tolerance);
    }
}

// --- containment ------------------------------------------------------------

TEST(GeometryContains, SquareInsideOutsideEdgesAndVertices) {
    const Polygon square{rectangle(0, 0, 10, 10), {}};
    EXPECT_TRUE(contains(square, {5, 5}));
    EXPECT_FALSE(contains(square, {11, 5}));
    EXPECT_FALSE(contains(square, {-1e-6, 5}));
    EXPECT_FALSE(contains(square, {5, 10.000001}));
    // edges and vertices count as inside
    EXPECT_TRUE(contains(square, {10, 5}));
    EXPECT_TRUE(contains(square, {5, 0}));
    EXPECT_TRUE(contains(square, {0, 0}));
    EXPECT_TRUE(contains(square, {10, 10}));
    EXPECT_TRUE(contains(square, {0, 7}));
    // within the documented 1e-9 m of an edge
    EXPECT_TRUE(contains(square, {10 + 5e-10, 5}));
}

// Far from the origin (6000 km north, as in a UTM frame) a point interpolated
// along an edge still counts as on it, and one a micrometre outside does not.
TEST(GeometryContains, ToleranceHoldsFarFromTheOrigin) {
    const Vec2 a{500000.1, 6000000.3}, b{500123.7, 6000456.9};
    const Polygon far{{a, b, {499000, 6000900}}, {}};
    for (double t : {0.1, 0.37, 0.5, 0.93})
        EXPECT_TRUE(contains(far, a + (b - a) * t)) << t;
    const Vec2 outward = Vec2{(b - a).y, -(b - a).x} * (1.0 / distance(a, b));
    EXPECT_FALSE(contains(far, a + (b - a) * 0.5 + outward * 1e-6));
}

TEST(GeometryContains, BothWindingsAgree) {
    const Polygon ccw{rectangle(0, 0, 10, 10), {}};
    const Polygon cw{reversed(rectangle(0, 0, 10, 10)), {}};
    for (Vec2 p : std::vector<Vec2>{{5, 5}, {0, 0}, {10, 3}, {-1, 5}, {5, 11}, {3, 10}})
        EXPECT_EQ(contains(ccw, p), contains(cw, p)) << p.x << ", " << p.y;
    EXPECT_TRUE(contains(cw, {5, 5}));
    EXPECT_FALSE(contains(cw, {-1, 5}));
}

TEST(GeometryContains, RepeatedAndClosingVerticesAreHarmless) {
    const Polygon square{{{0, 0}, {0, 0}, {10, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, {}};
    EXPECT_TRUE(contains(square, {5, 5}));
    EXPECT_TRUE(contains(square, {0, 0}));
    EXPECT_TRUE(contains(square, {10, 5}));
    EXPECT_FALSE(contains(square, {-1, 5}));
    EXPECT_FALSE(contains(square, {5, -0.001}));
}

TEST(GeometryContains, ConcaveNotchIsOutside) {
    const Polygon u = notched();
    EXPECT_FALSE(contains(u, {5, 5}));  // in the notch
    EXPECT_TRUE(contains(u, {5, 3}));   // the notch's floor
    EXPECT_TRUE(contains(u, {7, 6}));   // the notch's side
    EXPECT_TRUE(contains(u, {5, 2}));   // below the notch
    EXPECT_TRUE(contains(u, {1.5, 8})); // in an arm
    EXPECT_TRUE(contains(u, {8.5, 8}));
}

TEST(GeometryContains, RaysThroughVerticesAndAlongEdges) {
    const Polygon u = notched();
    // a ray to +x along y = 10 passes two vertices and runs along an edge
    EXPECT_FALSE(contains(u, {5, 10}));
    EXPECT_FALSE(contains(u, {-5, 10}));
    EXPECT_TRUE(contains(u, {1, 10}));
    // a ray along the notch's floor
    EXPECT_TRUE(contains(u, {1, 3}));
    EXPECT_FALSE(contains(u, {-1, 3}));
    EXPECT_FALSE(contains(u, {11, 3}));
}

TEST(GeometryContains, ZeroWidthSpikes) {
    // a spike out of the right side along y = 5, and one into the square along y = 8
    const Polygon spiky{
        {{0, 0}, {10, 0}, {10, 5}, {20, 5}, {10, 5}, {10, 8}, {4, 8}, {10, 8}, {10, 10}, {0, 10}}, {}};
    EXPECT_TRUE(contains(spiky, {15, 5}));
    EXPECT_TRUE(contains(spiky, {20, 5}));
    EXPECT_FALSE(contains(spiky, {15, 5.001}));
    EXPECT_FALSE(contains(spiky, {15, 4.999}));
    EXPECT_FALSE(contains(spiky, {20.001, 5}));
    EXPECT_TRUE(contains(spiky, {7, 8}));
    EXPECT_TRUE(contains(spiky, {7, 8.5}));
    EXPECT_TRUE(contains(spiky, {7, 7.5}));
    EXPECT_TRUE(contains(spiky, {5, 5}));
}

TEST(GeometryContains, HolesExcludeTheirInsideButNotTheirBoundary) {
    const Polygon p = squareWithHole();
    EXPECT_FALSE(contains(p, {5, 5}));
    EXPECT_FALSE(contains(p, {4.0001, 5}));
    EXPECT_TRUE(contains(p, {4, 5}));
    EXPECT_TRUE(contains(p, {4, 4}));
    EXPECT_TRUE(contains(p, {6, 6}));
    EXPECT_TRUE(contains(p, {3.9999, 5}));
    EXPECT_TRUE(contains(p, {1, 1}));
    EXPECT_FALSE(contains(p, {11, 5}));
}

TEST(GeometryContains, HoleWindingDoesNotMatter) {
    const Polygon p{rectangle(0, 0, 10, 10), {reversed(rectangle(4, 4, 6, 6)), rectangle(1, 1, 2, 2)}};
    EXPECT_FALSE(contains(p, {5, 5}));
    EXPECT_FALSE(contains(p, {1.5, 1.5}));
    EXPECT_TRUE(contains(p, {1, 1.5}));
    EXPECT_TRUE(contains(p, {3, 3}));
}

TEST(GeometryContains, SpikeInsideAHoleIsBoundary) {
    const Polygon p{rectangle(0, 0, 10, 10), {{{4, 4}, {6, 4}, {6, 5}, {5, 5}, {6, 5}, {6, 6}, {4, 6}}}};
    EXPECT_TRUE(contains(p, {5.5, 5}));
    EXPECT_FALSE(contains(p, {5.5, 5.2}));
    EXPECT_FALSE(contains(p, {4.5, 5}));
}

TEST(GeometryContains, CircleRim) {
    const Circle c{{0, 0}, 5.0};
    EXPECT_TRUE(contains(c, {0, 0}));
    EXPECT_TRUE(contains(c, {3, 4}));
    EXPECT_TRUE(contains(c, {-5, 0}));
    EXPECT_FALSE(contains(c, {3, 4.0001}));
    EXPECT_FALSE(contains(c, {5.000001, 0}));
}

TEST(GeometryContains, CorridorEdgesCapsAndJoins) {
    const Corridor c = bend();
    EXPECT_TRUE(contains(c, {5, 0}));
    EXPECT_TRUE(contains(c, {5, 1})); // long edge
    EXPECT_TRUE(contains(c, {5, -1}));
    EXPECT_FALSE(contains(c, {5, 1.001}));
    EXPECT_TRUE(contains(c, {-1, 0}));       // tip of the round cap
    EXPECT_TRUE(contains(c, {-0.6, -0.8}));  // on the cap
    EXPECT_FALSE(contains(c, {-0.8, -0.8})); // beside the cap, inside a square cap
    EXPECT_TRUE(contains(c, {10.7, -0.7}));  // round outer join
    EXPECT_FALSE(contains(c, {10.8, -0.8})); // where a mitred join would be
    EXPECT_TRUE(contains(c, {9, 1}));        // inner corner
    EXPECT_FALSE(contains(c, {8.9, 1.1}));
    EXPECT_TRUE(contains(c, {11, 5}));
    EXPECT_FALSE(contains(Corridor{{}, 1.0}, {0, 0}));
    EXPECT_TRUE(contains(Corridor{{{2, 2}}, 1.0}, {2, 3}));
}

TEST(GeometryContains, RegionIsTheUnionOfItsParts) {
    Region region = regionOf(Polygon{rectangle(0, 0, 10, 10), {}});
    region.circles.push_back({{30, 0}, 2.0});
    region.corridors.push_back({{{0, 50}, {10, 50}}, 1.0});
    EXPECT_TRUE(contains(region, {5, 5}));
    EXPECT_TRUE(contains(region, {31, 0}));
    EXPECT_TRUE(contains(region, {5, 51}));
    EXPECT_FALSE(contains(region, {20, 0}));
    EXPECT_FALSE(contains(region, {5, 52}));
    EXPECT_FALSE(contains(Region{}, {0, 0}));
}

// --- self-intersection --------------------------------------------------------

TEST(GeometrySelfIntersection, SimpleRingsHaveNone) {
    EXPECT_FALSE(findSelfIntersection(rectangle(0, 0, 10, 10)).has_value());
    EXPECT_FALSE(findSelfIntersection(reversed(rectangle(0, 0, 10, 10))).has_value());
    EXPECT_FALSE(findSelfIntersection(notched().outer).has_value());
    // neighbours meeting at a very sharp angle only share their vertex
    EXPECT_FALSE(findSelfIntersection({{0, 0}, {100, 0}, {0, 0.01}}).has_value());
}

TEST(GeometrySelfIntersection, RepeatedVerticesAreNotCrossings) {
    const Ring ring = {{0, 0}, {0, 0}, {10, 0}, {10, 10}, {10, 10}, {10, 10}, {0, 10}, {0, 0}};
    EXPECT_FALSE(findSelfIntersection(ring).has_value());
}

TEST(GeometrySelfIntersection, BowtieIsFoundWithItsEdgesAndPoint) {
    const auto crossing = findSelfIntersection({{0, 0}, {10, 0}, {0, 10}, {10, 10}});
    ASSERT_TRUE(crossing.has_value());
    EXPECT_EQ(crossing->first, 1u);
    EXPECT_EQ(crossing->second, 3u);
    EXPECT_NEAR(crossing->at.x, 5.0, 1e-12);
    EXPECT_NEAR(crossing->at.y, 5.0, 1e-12);
}

TEST(GeometrySelfIntersection, EdgeIndicesCountTheCallersVertices) {
    // with a repeated first vertex, edge i still runs from vertex i to vertex i + 1
    const auto crossing = findSelfIntersection({{0, 0}, {0, 0}, {10, 0}, {0, 10}, {10, 10}});
    ASSERT_TRUE(crossing.has_value());
    EXPECT_EQ(crossing->first, 2u);
    EXPECT_EQ(crossing->second, 4u);
    // with a closing repeat, the last edge ends at that repeat
    const auto closed = findSelfIntersection({{0, 0}, {10, 0}, {0, 10}, {10, 10}, {0, 0}});
    ASSERT_TRUE(closed.has_value());
    EXPECT_EQ(closed->first, 1u);
    EXPECT_EQ(closed->second, 3u);
}

TEST(GeometrySelfIntersection, RingRevisitingAVertexIsFound) {
    // two triangles meeting at (5, 5): the ring passes through it twice
    const auto crossing = findSelfIntersection({{0, 0}, {10, 0}, {5, 5}, {10, 10}, {0, 10}, {5, 5}});
    ASSERT_TRUE(crossing.has_value());
    EXPECT_EQ(crossing->first, 1u);
    EXPECT_EQ(crossing->second, 4u);
    EXPECT_NEAR(crossing->at.x, 5.0, 1e-12);
    EXPECT_NEAR(crossing->at.y, 5.0, 1e-12);
}

TEST(GeometrySelfIntersection, TouchingAnEdgeWithAVertexIsFound) {
    // the vertex (5, 0) of the upper part touches the bottom edge
    const auto crossing =
        findSelfIntersection({{0, 0}, {10, 0}, {10, 10}, {6, 10}, {5, 0}, {4, 10}, {0, 10}});
    ASSERT_TRUE(crossing.has_value());
    EXPECT_EQ(crossing->first, 0u);
    EXPECT_NEAR(crossing->at.x, 5.0, 1e-12);
    EXPECT_NEAR(crossing->at.y, 0.0, 1e-12);
}

TEST(GeometrySelfIntersection, CollinearOverlapIsFound) {
    // edge 4, from (7, 0) to (3, 0), lies along edge 0
    const Ring ring = {{0, 0}, {10, 0}, {10, 5}, {7, 5}, {7, 0}, {3, 0}, {3, 5}, {0, 5}};
    const auto crossing = findSelfIntersection(ring);
    ASSERT_TRUE(crossing.has_value());
    EXPECT_EQ(crossing->first, 0u);
    EXPECT_NEAR(crossing->at.y, 0.0, 1e-12);
    EXPECT_GE(crossing->at.x, 3.0);
    EXPECT_LE(crossing->at.x, 7.0);
}

TEST(GeometrySelfIntersection, SpikeIsReportedAsItsTwoEdges) {
    const auto crossing = findSelfIntersection({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 20}, {0, 10}});
    ASSERT_TRUE(crossing.has_value());
    EXPECT_EQ(crossing->first, 3u);
    EXPECT_EQ(crossing->second, 4u);
    // a degenerate triangle folds back on itself too
    EXPECT_TRUE(findSelfIntersection({{0, 0}, {10, 0}, {5, 0}}).has_value());
}

TEST(GeometrySelfIntersection, LargeStarIsSimple) {
    Ring star;
    for (int i = 0; i < 3000; ++i) {
        const double angle = 2 * std::numbers::pi * i / 3000.0;
        const double radius = i % 2 == 0 ? 1000.0 : 900.0;
        star.push_back({radius * std::cos(angle), radius * std::sin(angle)});
    }
    EXPECT_FALSE(findSelfIntersection(star).has_value());
    star[1500] = {1500, 10}; // now reaches across to the far side
    EXPECT_TRUE(findSelfIntersection(star).has_value());
}

// --- validation -------------------------------------------------------------

TEST(GeometryValidate, ValidPolygonsHaveNoProblems) {
    EXPECT_THAT(validate({rectangle(0, 0, 10, 10), {}}), IsEmpty());
    EXPECT_THAT(validate({reversed(rectangle(0, 0, 10, 10)), {}}), IsEmpty());
    EXPECT_THAT(validate({{{0, 0}, {10, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, {}}), IsEmpty());
    EXPECT_THAT(validate(notched()), IsEmpty());
    EXPECT_THAT(validate({rectangle(0, 0, 100, 100),
                          {rectangle(10, 10, 20, 20), reversed(rectangle(50, 50, 70, 60))}}),
                IsEmpty());
}

TEST(GeometryValidate, TooFewPoints) {
    EXPECT_THAT(validate({{{0, 0}, {1, 0}}, {}}),
                ElementsAre("the outer ring has 2 distinct points; a polygon needs at least 3"));
    EXPECT_THAT(validate({{{0, 0}, {1, 0}, {0, 0}, {1, 0}}, {}}),
                ElementsAre("the outer ring has 2 distinct points; a polygon needs at least 3"));
    EXPECT_THAT(validate({{{3, 3}}, {}}),
                ElementsAre("the outer ring has 1 distinct point; a polygon needs at least 3"));
    EXPECT_THAT(validate({{}, {}}),
                ElementsAre("the outer ring has 0 distinct points; a polygon needs at least 3"));
}

TEST(GeometryValidate, ZeroArea) {
    EXPECT_THAT(validate({{{0, 0}, {5, 5}, {10, 10}}, {}}),
                ElementsAre("the outer ring encloses no area (are all its points on one line?)"));
}

TEST(GeometryValidate, CrossingNamesEdgesAndPointsAsTheWriterCountsThem) {
    EXPECT_THAT(validate({{{0, 0}, {10, 0}, {0, 10}, {10, 10}}, {}}),
                ElementsAre("the outer ring crosses itself: edge 2 (point 2 to point 3) crosses "
                            "edge 4 (point 4 to point 1)"));
}

TEST(GeometryValidate, SpikeIsExplained) {
    EXPECT_THAT(
        validate({{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 20}, {0, 10}}, {}}),
        ElementsAre("the outer ring doubles back on itself at point 5: edge 4 (point 4 to point 5) and "
                    "edge 5 (point 5 to point 6) run along each other (a zero-width spike)"));
}

TEST(GeometryValidate, HoleProblemsOnTheirOwn) {
    const Polygon p{rectangle(0, 0, 100, 100),
                    {{{10, 10}, {20, 10}}, {{30, 30}, {40, 30}, {30, 40}, {40, 40}}}};
    EXPECT_THAT(validate(p), ElementsAre("hole 1 has 2 distinct points; a hole needs at least 3",
                                         "hole 2 crosses itself: edge 2 (point 2 to point 3) crosses "
                                         "edge 4 (point 4 to point 1)"));
}

TEST(GeometryValidate, HoleOutsideTheOuterRing) {
    EXPECT_THAT(validate({rectangle(0, 0, 10, 10), {rectangle(20, 20, 30, 30)}}),
                ElementsAre("hole 1 is not inside the outer ring: its point 1 is outside it"));
    EXPECT_THAT(validate({rectangle(0, 0, 10, 10), {rectangle(5, 5, 15, 8)}}),
                ElementsAre("hole 1 is not inside the outer ring: its point 2 is outside it"));
}

TEST(GeometryValidate, HoleBridgingANotchLeavesTheOuterRing) {
    // every corner of the hole is in an arm of the U, but its edges cross the notch
    const Polygon p{notched().outer, {rectangle(1, 5, 9, 6)}};
    EXPECT_THAT(validate(p),
                ElementsAre("hole 1 is not inside the outer ring: its edge 1 (point 1 to point 2) goes "
                            "outside it"));
}

TEST(GeometryValidate, HoleMayTouchTheOuterRingAtAPointButNotAlongAnEdge) {
    EXPECT_THAT(validate({rectangle(0, 0, 10, 10), {{{0, 5}, {3, 4}, {3, 6}}}}), IsEmpty());
    EXPECT_THAT(
        validate({rectangle(0, 0, 10, 10), {rectangle(0, 2, 3, 4)}}),
        ElementsAre(HasSubstr("hole 1 runs along the outer ring on its edge 4 (point 4 to point 1)")));
}

TEST(GeometryValidate, OverlappingHoles) {
    const std::string overlap = "hole 1 and hole 2 overlap; holes must not overlap";
    EXPECT_THAT(validate({rectangle(0, 0, 100, 100), {rectangle(10, 10, 30, 30), rectangle(20, 20, 40, 40)}}),
                ElementsAre(overlap));
    // crossing without a vertex inside the other
    EXPECT_THAT(validate({rectangle(0, 0, 100, 100), {rectangle(10, 20, 40, 30), rectangle(20, 10, 30, 40)}}),
                ElementsAre(overlap));
    // nested, and identical
    EXPECT_THAT(validate({rectangle(0, 0, 100, 100), {rectangle(10, 10, 40, 40), rectangle(20, 20, 30, 30)}}),
                ElementsAre(overlap));
    EXPECT_THAT(validate({rectangle(0, 0, 100, 100),
                          {rectangle(10, 10, 40, 40), reversed(rectangle(10, 10, 40, 40))}}),
                ElementsAre(overlap));
}

TEST(GeometryValidate, HolesSharingAnEdgeOrTouchingAtAPoint) {
    EXPECT_THAT(validate({rectangle(0, 0, 100, 100), {rectangle(10, 10, 20, 20), rectangle(20, 10, 30, 20)}}),
                ElementsAre(HasSubstr("hole 1 and hole 2 share a stretch of boundary")));
    EXPECT_THAT(validate({rectangle(0, 0, 100, 100), {rectangle(10, 10, 20, 20), rectangle(20, 20, 30, 30)}}),
                IsEmpty());
}

TEST(GeometryValidate, EveryProblemIsListed) {
    const Polygon p{{{0, 0}, {10, 0}, {0, 10}, {10, 10}}, {{{1, 1}}, {{2, 2}, {3, 3}, {4, 4}}}};
    EXPECT_THAT(validate(p), ElementsAre(HasSubstr("the outer ring crosses itself"),
                                         "hole 1 has 1 distinct point; a hole needs at least 3",
                                         "hole 2 encloses no area (are all its points on one line?)"));
}

TEST(GeometryValidate, NonFiniteCoordinates) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_THAT(validate({{{0, 0}, {nan, 0}, {10, 10}}, {}}),
                ElementsAre("point 2 of the outer ring is not a finite number"));
}

// --- entry and exit along segments --------------------------------------------

TEST(GeometryIntervals, SegmentThroughASquare) {
    const Region r = regionOf(Polygon{rectangle(0, 0, 10, 10), {}});
    EXPECT_THAT(insideIntervals(r, {-5, 5}, {15, 5}), ElementsAre(IntervalNear(5, 15)));
    EXPECT_THAT(insideIntervals(r, {15, 5}, {-5, 5}), ElementsAre(IntervalNear(5, 15)));
    // diagonal: enters at (0, 4), leaves at (4.8, 10)
    EXPECT_THAT(insideIntervals(r, {-2, 1.5}, {6, 11.5}),
                ElementsAre(IntervalNear(std::hypot(2, 2.5), std::hypot(6.8, 8.5))));
}

TEST(GeometryIntervals, SegmentStartingOrLyingInside) {
    const Region r = regionOf(Polygon{rectangle(0, 0, 10, 10), {}});
    EXPECT_THAT(insideIntervals(r, {5, 5}, {15, 5}), ElementsAre(IntervalNear(0, 5)));
    EXPECT_THAT(insideIntervals(r, {2, 2}, {8, 8}), ElementsAre(IntervalNear(0, 6 * std::sqrt(2.0))));
    EXPECT_THAT(insideIntervals(r, {12, 2}, {10, 2}), ElementsAre(IntervalNear(2, 2)));
}

TEST(GeometryIntervals, AlongAnEdgeAndTouchingAVertex) {
    const Region r = regionOf(Polygon{rectangle(0, 0, 10, 10), {}});
    EXPECT_THAT(insideIntervals(r, {-5, 0}, {15, 0}), ElementsAre(IntervalNear(5, 15)));
    // y = x + 10 only touches the corner (0, 10)
    EXPECT_THAT(insideIntervals(r, {-5, 5}, {5, 15}),
                ElementsAre(IntervalNear(5 * std::sqrt(2.0), 5 * std::sqrt(2.0))));
    EXPECT_TRUE(touches(r, {-5, 5}, {5, 15}));
    EXPECT_FALSE(touches(r, {-5, 5.1}, {5, 15.1}));
}

TEST(GeometryIntervals, HoleSplitsTheCrossing) {
    const Region r = regionOf(squareWithHole());
    EXPECT_THAT(insideIntervals(r, {-5, 5}, {15, 5}), ElementsAre(IntervalNear(5, 9), IntervalNear(11, 15)));
    // along the hole's edge the whole crossing is inside
    EXPECT_THAT(insideIntervals(r, {-5, 4}, {15, 4}), ElementsAre(IntervalNear(5, 15)));
    // from inside the hole
    EXPECT_THAT(insideIntervals(r, {5, 5}, {15, 5}), ElementsAre(IntervalNear(1, 5)));
}

TEST(GeometryIntervals, ConcaveNotch) {
    const Region r = regionOf(notched());
    EXPECT_THAT(insideIntervals(r, {-1, 5}, {11, 5}), ElementsAre(IntervalNear(1, 4), IntervalNear(8, 11)));
    // touching the notch's floor from inside the notch
    EXPECT_THAT(insideIntervals(r, {5, 8}, {5, 3}), ElementsAre(IntervalNear(5, 5)));
}

TEST(GeometryIntervals, CircleChordTangentAndInside) {
    const Region r = regionOf(Circle{{0, 0}, 5.0});
    EXPECT_THAT(insideIntervals(r, {-10, 3}, {10, 3}), ElementsAre(IntervalNear(6, 14)));
    EXPECT_THAT(insideIntervals(r, {-10, 5}, {10, 5}), ElementsAre(IntervalNear(10, 10)));
    EXPECT_THAT(insideIntervals(r, {-10, 0}, {0, 0}), ElementsAre(IntervalNear(5, 10)));
    EXPECT_THAT(insideIntervals(r, {1, 1}, {2, 2}), ElementsAre(IntervalNear(0, std::sqrt(2.0))));
    EXPECT_THAT(insideIntervals(r, {-10, 5.001}, {10, 5.001}), IsEmpty());
    EXPECT_THAT(insideIntervals(r, {6, 0}, {10, 0}), IsEmpty());
}

TEST(GeometryIntervals, CorridorAcrossAlongAndThroughTheCap) {
    const Region r = regionOf(Corridor{{{0, 0}, {10, 0}}, 1.0});
    EXPECT_THAT(insideIntervals(r, {5, -5}, {5, 5}), ElementsAre(IntervalNear(4, 6)));
    EXPECT_THAT(insideIntervals(r, {-5, 0}, {5, 0}), ElementsAre(IntervalNear(4, 10)));
    // y = 0.6 meets the cap at x = -0.8
    EXPECT_THAT(insideIntervals(r, {-3, 0.6}, {3, 0.6}), ElementsAre(IntervalNear(2.2, 6)));
    // along the long edge, and tangent to it from outside
    EXPECT_THAT(insideIntervals(r, {2, 1}, {8, 1}), ElementsAre(IntervalNear(0, 6)));
    EXPECT_THAT(insideIntervals(r, {5, 3}, {5, 1}), ElementsAre(IntervalNear(2, 2)));
    EXPECT_THAT(insideIntervals(r, {-5, 1.5}, {15, 1.5}), IsEmpty());
}

TEST(GeometryIntervals, CorridorLegsMergeAtTheBend) {
    // y = 0.5 enters the cap at x = -sqrt(0.75) and leaves the second leg at x = 11
    const Region r = regionOf(bend());
    EXPECT_THAT(insideIntervals(r, {-5, 0.5}, {20, 0.5}), ElementsAre(IntervalNear(5 - std::sqrt(0.75), 16)));
    // x = 10.5 enters through the round join and leaves through the end cap
    EXPECT_THAT(insideIntervals(r, {10.5, -5}, {10.5, 15}),
                ElementsAre(IntervalNear(5 - std::sqrt(0.75), 15 + std::sqrt(0.75))));
}

TEST(GeometryIntervals, OverlappingPartsMergeAndSeparatePartsDoNot) {
    Region r = regionOf(Polygon{rectangle(0, 0, 10, 10), {}});
    r.circles.push_back({{10, 5}, 2.0});
    EXPECT_THAT(insideIntervals(r, {-5, 5}, {20, 5}), ElementsAre(IntervalNear(5, 17)));
    r.circles.push_back({{20, 5}, 1.0});
    EXPECT_THAT(insideIntervals(r, {-5, 5}, {25, 5}), ElementsAre(IntervalNear(5, 17), IntervalNear(24, 26)));
    // touching parts: the shared point joins them
    Region touching = regionOf(Polygon{rectangle(0, 0, 10, 10), {}});
    touching.circles.push_back({{12, 5}, 2.0});
    EXPECT_THAT(insideIntervals(touching, {-5, 5}, {20, 5}), ElementsAre(IntervalNear(5, 19)));
}

TEST(GeometryIntervals, PolylineAcrossSeveralSegments) {
    const Region r = regionOf(Polygon{rectangle(0, 0, 10, 10), {}});
    const std::vector<Vec2> path = {{-5, 5}, {5, 5}, {5, 15}, {15, 15}, {15, 5}, {5, 5}};
    EXPECT_THAT(insideIntervals(r, path), ElementsAre(IntervalNear(5, 15), IntervalNear(45, 50)));
    EXPECT_TRUE(touches(r, path));
    EXPECT_FALSE(touches(r, std::vector<Vec2>{{20, 20}, {30, 20}, {30, 30}}));
}

TEST(GeometryIntervals, PolylineThatOnlyTouches) {
    const Region r = regionOf(Circle{{0, 0}, 1.0});
    const std::vector<Vec2> path = {{-3, 1}, {3, 1}, {3, 5}};
    EXPECT_THAT(insideIntervals(r, path), ElementsAre(IntervalNear(3, 3)));
}

TEST(GeometryIntervals, DegenerateSegmentsAndPolylines) {
    const Region r = regionOf(Polygon{rectangle(0, 0, 10, 10), {}});
    EXPECT_THAT(insideIntervals(r, {5, 5}, {5, 5}), ElementsAre(IntervalNear(0, 0)));
    EXPECT_THAT(insideIntervals(r, {15, 5}, {15, 5}), IsEmpty());
    EXPECT_THAT(insideIntervals(r, std::vector<Vec2>{}), IsEmpty());
    EXPECT_THAT(insideIntervals(r, std::vector<Vec2>{{1, 1}}), ElementsAre(IntervalNear(0, 0)));
    EXPECT_THAT(insideIntervals(Region{}, {0, 0}, {1, 1}), IsEmpty());
    // a repeated point in a polyline adds no length
    EXPECT_THAT(insideIntervals(r, std::vector<Vec2>{{-5, 5}, {-5, 5}, {15, 5}}),
                ElementsAre(IntervalNear(5, 15)));
}

// --- distances --------------------------------------------------------------

TEST(GeometryWayOut, NearestPointBeyondTheEdge) {
    // outside already: where it is
    EXPECT_EQ(*wayOut(regionOf(squareWithHole()), {20, 5}, 1.0), (Vec2{20, 5}));
    // a square: out through the nearest side, `margin` beyond it
    Region square = regionOf(Polygon{rectangle(0, 0, 10, 10), {}});
    const std::optional<Vec2> out = wayOut(square, {8, 5}, 1.0);
    ASSERT_TRUE(out);
    EXPECT_NEAR(out->x, 11.0, 1e-9);
    EXPECT_NEAR(out->y, 5.0, 1e-9);
    // a hole counts as outside: from next to it, into it
    const std::optional<Vec2> hole = wayOut(regionOf(squareWithHole()), {3.5, 5}, 0.5);
    ASSERT_TRUE(hole);
    EXPECT_NEAR(hole->x, 4.5, 1e-9);
    // a circle: along the radius
    Region disc;
    disc.circles.push_back({{0, 0}, 500});
    const std::optional<Vec2> radial = wayOut(disc, {0, -100}, 100.0);
    ASSERT_TRUE(radial);
    EXPECT_NEAR(radial->x, 0.0, 1e-9);
    EXPECT_NEAR(radial->y, -600.0, 1e-9);
    // on the edge itself: straight out
    const std::optional<Vec2> edge = wayOut(square, {10, 5}, 1.0);
    ASSERT_TRUE(edge);
    EXPECT_FALSE(contains(square, *edge));
    EXPECT_NEAR(distance(*edge, {10, 5}), 1.0, 1e-9);
}

TEST(GeometryWayOut, AnEdgeCoveredByAnotherPartIsNoWayOut) {
    // two squares side by side: the shared side at x = 10 leads into the other square
    Region two;
    two.polygons.push_back({rectangle(0, 0, 10, 10), {}});
    two.polygons.push_back({rectangle(10, 0, 30, 10), {}});
    const std::optional<Vec2> out = wayOut(two, {9, 4}, 1.0);
    ASSERT_TRUE(out);
    EXPECT_FALSE(contains(two, *out));
    EXPECT_NEAR(out->y, -1.0, 1e-9); // down through the bottom, 4 + 1 away
    EXPECT_NEAR(out->x, 9.0, 1e-9);
    // with no edge near enough to try, nothing
    EXPECT_FALSE(wayOut(two, {9, 4}, 1.0, 0));
}

TEST(GeometryDistance, Polygon) {
    const Region r = regionOf(Polygon{rectangle(0, 0, 10, 10), {}});
    EXPECT_DOUBLE_EQ(distanceToBoundary(r, {5, 5}), 5.0);
    EXPECT_DOUBLE_EQ(signedDistance(r, {5, 5}), -5.0);
    EXPECT_DOUBLE_EQ(distanceToBoundary(r, {13, 14}), 5.0);
    EXPECT_DOUBLE_EQ(signedDistance(r, {13, 14}), 5.0);
    EXPECT_DOUBLE_EQ(signedDistance(r, {2, 1}), -1.0);
    EXPECT_EQ(signedDistance(r, {10, 3}), 0.0);
    EXPECT_FALSE(std::signbit(signedDistance(r, {10, 3})));
}

TEST(GeometryDistance, PolygonWithHole) {
    const Region r = regionOf(squareWithHole());
    EXPECT_DOUBLE_EQ(signedDistance(r, {5, 5}), 1.0); // in the hole: outside
    EXPECT_DOUBLE_EQ(signedDistance(r, {5, 5.5}), 0.5);
    EXPECT_DOUBLE_EQ(signedDistance(r, {3, 5}), -1.0);
    EXPECT_DOUBLE_EQ(signedDistance(r, {2, 5}), -2.0);
    EXPECT_EQ(signedDistance(r, {4, 5}), 0.0);
}

TEST(GeometryDistance, Circle) {
    const Region r = regionOf(Circle{{0, 0}, 5.0});
    EXPECT_DOUBLE_EQ(signedDistance(r, {1, 0}), -4.0);
    EXPECT_DOUBLE_EQ(signedDistance(r, {0, 0}), -5.0);
    EXPECT_DOUBLE_EQ(signedDistance(r, {6, 8}), 5.0);
    EXPECT_NEAR(signedDistance(r, {3, 4}), 0.0, 1e-12);
}

TEST(GeometryDistance, CorridorOutsideAndAlongALeg) {
    const Region r = regionOf(bend());
    EXPECT_NEAR(signedDistance(r, {5, 3}), 2.0, 1e-12);
    EXPECT_NEAR(signedDistance(r, {-3, -4}), 4.0, 1e-12);
    EXPECT_NEAR(signedDistance(r, {5, 0.25}), -0.75, 1e-12);
    EXPECT_NEAR(signedDistance(r, {5, -0.5}), -0.5, 1e-12);
    EXPECT_NEAR(signedDistance(r, {5, 1}), 0.0, 1e-12);
}

TEST(GeometryDistance, CorridorRoundOuterJoin) {
    // the nearest boundary is the arc around the bend
    EXPECT_NEAR(signedDistance(regionOf(bend()), {10.5, -0.5}), std::sqrt(0.5) - 1.0, 1e-12);
}

// Near the inside corner of a bend the nearest boundary is the corner itself,
// farther than halfWidth minus the distance to the path.
TEST(GeometryDistance, CorridorInnerCornerIsExact) {
    const double d = distanceToBoundary(regionOf(bend()), {9.2, 0.8});
    EXPECT_NEAR(d, std::hypot(0.2, 0.2), 1e-12);
    EXPECT_GT(d, 1.0 - 0.8 + 0.05);
}

TEST(GeometryDistance, UnionOfOverlappingCirclesIsExact) {
    Region r = regionOf(Circle{{0, 0}, 5.0});
    r.circles.push_back({{6, 0}, 5.0});
    // the nearest boundary from the middle of the lens is where the rims cross, (3, +-4)
    EXPECT_NEAR(signedDistance(r, {3, 0}), -4.0, 1e-9);
    EXPECT_NEAR(signedDistance(r, {-4, 0}), -1.0, 1e-9);
    // outside: the nearest rim point, which no other circle covers
    EXPECT_NEAR(signedDistance(r, {3, 5}), std::sqrt(34.0) - 5.0, 1e-9);
}

TEST(GeometryDistance, UnionOfPolygonAndCircleIsExact) {
    Region r = regionOf(Polygon{rectangle(0, 0, 10, 10), {}});
    r.circles.push_back({{10, 5}, 3.0});
    // the square's right edge is covered near y = 5; the nearest boundary is where the rim meets it
    EXPECT_NEAR(signedDistance(r, {9, 5}), -std::sqrt(10.0), 1e-9);
    EXPECT_NEAR(signedDistance(r, {12, 5}), -1.0, 1e-9);
    EXPECT_NEAR(signedDistance(r, {14, 5}), 1.0, 1e-9);
    EXPECT_NEAR(signedDistance(r, {5, 5}), -5.0, 1e-9);
}

TEST(GeometryDistance, EmptyRegion) {
    EXPECT_EQ(distanceToBoundary(Region{}, {0, 0}), std::numeric_limits<double>::infinity());
    EXPECT_EQ(signedDistance(Region{}, {0, 0}), std::numeric_limits<double>::infinity());
}

// --- overlaps ---------------------------------------------------------------

TEST(GeometryOverlaps, CircleAndPolygon) {
    const Region r = regionOf(Polygon{rectangle(0, 0, 10, 10), {}});
    EXPECT_FALSE(overlaps(r, {{15, 5}, 4.9}));
    EXPECT_TRUE(overlaps(r, {{15, 5}, 5.0}));
    EXPECT_TRUE(overlaps(r, {{5, 5}, 0.1}));
    EXPECT_TRUE(overlaps(r, {{5, 5}, 100.0}));
    EXPECT_FALSE(overlaps(r, {{13, 14}, 4.99}));
    EXPECT_TRUE(overlaps(r, {{13, 14}, 5.01}));
}

TEST(GeometryOverlaps, CircleInsideAHole) {
    const Region r = regionOf(squareWithHole());
    EXPECT_FALSE(overlaps(r, {{5, 5}, 0.5}));
    EXPECT_TRUE(overlaps(r, {{5, 5}, 1.0}));
}

TEST(GeometryOverlaps, CircleAndCircleAndCorridor) {
    Region circles = regionOf(Circle{{0, 0}, 4.0});
    EXPECT_TRUE(overlaps(circles, {{10, 0}, 6.0}));
    EXPECT_FALSE(overlaps(circles, {{10, 0}, 5.9}));
    const Region corridor = regionOf(Corridor{{{0, 0}, {10, 0}}, 1.0});
    EXPECT_TRUE(overlaps(corridor, {{5, 3}, 2.0}));
    EXPECT_FALSE(overlaps(corridor, {{5, 3}, 1.9}));
    EXPECT_TRUE(overlaps(corridor, {{-3, 0}, 2.0}));
    EXPECT_FALSE(overlaps(corridor, {{-3, -3}, 2.0}));
    EXPECT_FALSE(overlaps(Region{}, {{0, 0}, 100.0}));
}

// --- bounds and circle rings --------------------------------------------------

TEST(GeometryBounds, CoversEveryPart) {
    Region r = regionOf(Polygon{rectangle(0, 0, 10, 10), {}});
    r.circles.push_back({{20, 5}, 3.0});
    r.corridors.push_back({{{-5, -5}, {0, -10}}, 2.0});
    const Box box = bounds(r);
    EXPECT_DOUBLE_EQ(box.min.x, -7.0);
    EXPECT_DOUBLE_EQ(box.min.y, -12.0);
    EXPECT_DOUBLE_EQ(box.max.x, 23.0);
    EXPECT_DOUBLE_EQ(box.max.y, 10.0);
}

TEST(GeometryBounds, EmptyRegionHasAnEmptyBox) {
    const Box box = bounds(Region{});
    EXPECT_GT(box.min.x, box.max.x);
    EXPECT_GT(box.min.y, box.max.y);
}

TEST(GeometryCircleRing, CircumscribedCounterClockwise) {
    const Circle circle{{100, -50}, 10.0};
    const std::size_t segments = 12;
    const Ring ring = circleRing(circle, segments);
    ASSERT_EQ(ring.size(), segments);
    EXPECT_GT(signedArea(ring), 0.0);
    const double vertexRadius = 10.0 / std::cos(std::numbers::pi / 12.0);
    for (std::size_t i = 0; i < ring.size(); ++i) {
        EXPECT_NEAR(distance(ring[i], circle.center), vertexRadius, 1e-9);
        // each edge touches the circle at its middle
        const Vec2 middle = (ring[i] + ring[(i + 1) % ring.size()]) * 0.5;
        EXPECT_NEAR(distance(middle, circle.center), 10.0, 1e-9);
    }
    // so the polygon contains the circle
    const Polygon polygon{ring, {}};
    for (int k = 0; k < 360; ++k) {
        const double angle = 2 * std::numbers::pi * k / 360.0;
        EXPECT_TRUE(contains(polygon, circle.center + Vec2{std::cos(angle), std::sin(angle)} * 10.0));
    }
}

} // namespace
} // namespace nofly::core
