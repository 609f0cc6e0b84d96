// Tests of the shortest-path planner: straight when clear, hand-computed
// detours round a square and a circle, a concave U, walls, refusals, the
// length limit, paths that keep their clearance on random maps, agreement
// with a brute-force search over the same corners, independence from the
// order of the obstacles, and a map of 500 squares.
#include "sim/planner.hpp"

#include "core/random.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>
#include <optional>
#include <queue>
#include <vector>

namespace nofly::sim {
namespace {

using core::Circle;
using core::Corridor;
using core::Polygon;
using core::Region;
using core::Ring;
using core::Vec2;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// An axis-aligned square, counter-clockwise.
Polygon square(Vec2 centre, double half) {
    return {{{centre.x - half, centre.y - half},
             {centre.x + half, centre.y - half},
             {centre.x + half, centre.y + half},
             {centre.x - half, centre.y + half}},
            {}};
}

Polygon rectangle(double x0, double y0, double x1, double y1) {
    return {{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}};
}

Region regionOf(const Obstacles& obstacles) {
    return {obstacles.polygons, obstacles.circles, obstacles.corridors};
}

// The obstacles grown exactly by `by`: a polygon with a corridor along its
// outer ring, circles and corridors widened.
Region grownExactly(const Obstacles& obstacles, double by) {
    Region region;
    for (const Polygon& polygon : obstacles.polygons) {
        region.polygons.push_back({polygon.outer, {}});
        Corridor ring{polygon.outer, by};
        ring.path.push_back(polygon.outer.front());
        region.corridors.push_back(ring);
    }
    for (const Circle& circle : obstacles.circles)
        region.circles.push_back({circle.center, circle.radius + by});
    for (const Corridor& corridor : obstacles.corridors)
        region.corridors.push_back({corridor.path, corridor.halfWidth + by});
    return region;
}

// Every leg of the path stays out of the obstacles and keeps the clearance
// (less a hair for rounding).
void expectKeepsClear(const PlannedPath& path, const Obstacles& obstacles, double clearance) {
    const Region original = regionOf(obstacles);
    const Region kept = grownExactly(obstacles, clearance - 1e-5);
    for (std::size_t i = 1; i < path.points.size(); ++i) {
        const Vec2 a = path.points[i - 1], b = path.points[i];
        EXPECT_FALSE(core::touches(original, a, b)) << "leg " << i << " touches an obstacle";
        EXPECT_FALSE(core::touches(kept, a, b)) << "leg " << i << " from (" << a.x << ", " << a.y << ") to ("
                                                << b.x << ", " << b.y << ") comes closer than the clearance";
    }
}

double lengthOf(const std::vector<Vec2>& points) {
    double total = 0.0;
    for (std::size_t i = 1; i < points.size(); ++i)
        total += core::distance(points[i - 1], points[i]);
    return total;
}

// --- a brute-force reference over the same corners ------------------------
//
// Independent of the planner's own tests: "inside" and "blocked" come from
// core's containment and distance functions, and the search is plain
// Dijkstra over the visibility graph of every corner not deep inside a ring:
// no tangent test, no ellipse, no tree. (An edge is checked when it would
// improve a node, which is all Dijkstra ever reads.)

constexpr double kDeep = 1e-6; // [m], as the planner

struct ReferenceRing {
    Region region; ///< the ring as a one-polygon region
    core::Box box;
};

bool deepInside(const ReferenceRing& ring, Vec2 p) {
    const core::Box& box = ring.box;
    if (p.x < box.min.x || p.x > box.max.x || p.y < box.min.y || p.y > box.max.y) return false;
    return core::contains(ring.region, p) && core::distanceToBoundary(ring.region, p) > kDeep;
}

// A segment enters a convex ring when the middle of its stretch inside is
// deep inside (depth along a chord of a convex set is concave, so the middle
// is at least half as deep as the deepest point).
bool blockedByRing(const ReferenceRing& ring, Vec2 a, Vec2 b) {
    const core::Box& box = ring.box;
    if (std::max(a.x, b.x) < box.min.x || std::min(a.x, b.x) > box.max.x || std::max(a.y, b.y) < box.min.y ||
        std::min(a.y, b.y) > box.max.y)
        return false;
    const double len = core::distance(a, b);
    for (const core::Interval& stretch : core::insideIntervals(ring.region, a, b)) {
        const double middle = 0.5 * (stretch.enter + stretch.leave);
        const Vec2 at = len > 0.0 ? a + (b - a) * (middle / len) : a;
        if (deepInside(ring, at)) return true;
    }
    return false;
}

std::optional<double> bruteForceLength(Vec2 start, Vec2 goal, const std::vector<Ring>& grown) {
    std::vector<ReferenceRing> rings;
    for (const Ring& ring : grown) {
        Region region{{Polygon{ring, {}}}, {}, {}};
        const core::Box box = core::bounds(region);
        rings.push_back({std::move(region), box});
    }
    auto inside = [&](Vec2 p) {
        return std::any_of(rings.begin(), rings.end(),
                           [&](const ReferenceRing& r) { return deepInside(r, p); });
    };
    if (inside(start) || inside(goal)) return std::nullopt;
    std::vector<Vec2> nodes{start, goal};
    for (const Ring& ring : grown)
        for (Vec2 corner : ring)
            if (!inside(corner)) nodes.push_back(corner);
    auto clear = [&](Vec2 a, Vec2 b) {
        return std::none_of(rings.begin(), rings.end(),
                            [&](const ReferenceRing& r) { return blockedByRing(r, a, b); });
    };
    // Dijkstra, O(N^2)
    const std::size_t n = nodes.size();
    std::vector<double> cost(n, kInfinity);
    std::vector<bool> done(n, false);
    cost[0] = 0.0;
    for (std::size_t round = 0; round < n; ++round) {
        std::size_t u = n;
        for (std::size_t i = 0; i < n; ++i)
            if (!done[i] && cost[i] < kInfinity && (u == n || cost[i] < cost[u])) u = i;
        if (u == n) break;
        done[u] = true;
        for (std::size_t v = 0; v < n; ++v) {
            if (done[v]) continue;
            const double reached = cost[u] + core::distance(nodes[u], nodes[v]);
            if (reached < cost[v] && clear(nodes[u], nodes[v])) cost[v] = reached;
        }
    }
    if (cost[1] == kInfinity) return std::nullopt;
    return cost[1];
}

// --- random maps ------------------------------------------------------------

// Convex hull, counter-clockwise (Andrew's monotone chain).
Ring convexHull(std::vector<Vec2> points) {
    std::sort(points.begin(), points.end(),
              [](Vec2 a, Vec2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    Ring hull(2 * points.size());
    std::size_t k = 0;
    for (std::size_t pass = 0; pass < 2; ++pass) {
        const std::size_t floor = k + 2; // two points on this side before a turn is tested
        for (Vec2 p : points) {
            while (k >= floor && core::cross(hull[k - 1] - hull[k - 2], p - hull[k - 1]) <= 0.0)
                --k;
            hull[k++] = p;
        }
        --k;
        std::reverse(points.begin(), points.end());
    }
    hull.resize(k);
    return hull;
}

Polygon randomConvex(core::Random& rng, Vec2 centre, double radius) {
    std::vector<Vec2> points;
    for (int i = 0; i < 7; ++i) {
        const double angle = rng.uniform(0.0, 2.0 * std::numbers::pi), r = radius * std::sqrt(rng.uniform());
        points.push_back(centre + Vec2{std::cos(angle), std::sin(angle)} * r);
    }
    return {convexHull(points), {}};
}

// A star-shaped polygon, usually concave: corners at evenly spread angles
// with jitter, at random distances from the centre.
Polygon randomStar(core::Random& rng, Vec2 centre, double radius) {
    const int corners = 5 + static_cast<int>(rng.below(6));
    Polygon polygon;
    for (int i = 0; i < corners; ++i) {
        const double angle = 2.0 * std::numbers::pi * (i + rng.uniform(0.0, 0.8)) / corners;
        const double r = radius * rng.uniform(0.3, 1.0);
        polygon.outer.push_back(centre + Vec2{std::cos(angle), std::sin(angle)} * r);
    }
    return polygon;
}

Vec2 randomPoint(core::Random& rng, double half) {
    return {rng.uniform(-half, half), rng.uniform(-half, half)};
}

Obstacles randomMixedMap(core::Random& rng) {
    Obstacles obstacles;
    const int polygons = 1 + static_cast<int>(rng.below(4));
    for (int i = 0; i < polygons; ++i)
        obstacles.polygons.push_back(randomStar(rng, randomPoint(rng, 800.0), 250.0));
    const int circles = static_cast<int>(rng.below(3));
    for (int i = 0; i < circles; ++i)
        obstacles.circles.push_back({randomPoint(rng, 800.0), rng.uniform(30.0, 200.0)});
    if (rng.chance(0.5)) {
        Corridor corridor{{randomPoint(rng, 800.0)}, rng.uniform(10.0, 60.0)};
        for (int i = 0; i < 2; ++i)
            corridor.path.push_back(corridor.path.back() + randomPoint(rng, 400.0));
        obstacles.corridors.push_back(corridor);
    }
    return obstacles;
}

// --- straight, square, circle -----------------------------------------------

TEST(Planner, StraightWhenClear) {
    const Obstacles obstacles{{square({0, 500}, 100)}, {{{0, -500}, 100}}, {}};
    const auto path = shortestPath({-1000, 0}, {1000, 0}, obstacles);
    ASSERT_TRUE(path.has_value());
    ASSERT_EQ(path->points.size(), 2u);
    EXPECT_EQ(path->points[0], (Vec2{-1000, 0}));
    EXPECT_EQ(path->points[1], (Vec2{1000, 0}));
    EXPECT_DOUBLE_EQ(path->length, 2000.0);
}

TEST(Planner, StraightWithNoObstacles) {
    const auto path = shortestPath({0, 0}, {3, 4}, Obstacles{});
    ASSERT_TRUE(path.has_value());
    EXPECT_DOUBLE_EQ(path->length, 5.0);
}

// A square of half side a centred on the route from (-X, 0) to (X, 0), grown
// by c with its corners rounded by four tangents each (16 circle segments):
// the top of the grown square is the line y = a + c from x = -(a + c t) to
// a + c t, t = tan(pi / 16), where the first corner tangent begins. From that
// far away the route meets the top-left corner of the top line at a slope of
// under 22.5 degrees (the next tangent's slope), so the optimum is
// start -> (-(a + c t), a + c) -> (a + c t, a + c) -> goal (or its mirror).
TEST(Planner, AroundASquareViaTwoCorners) {
    const double a = 50.0, c = 50.0, x = 500.0, t = std::tan(std::numbers::pi / 16.0);
    const Obstacles obstacles{{square({0, 0}, a)}, {}, {}};
    PlannerOptions options;
    options.clearance = c;
    options.circleSegments = 16;
    const auto path = shortestPath({-x, 0}, {x, 0}, obstacles, options);
    ASSERT_TRUE(path.has_value());

    const double slope = (a + c) / (x - a - c * t);
    ASSERT_LT(slope, std::tan(std::numbers::pi / 8.0)); // the hand computation's premise
    const double expected = 2.0 * std::hypot(x - a - c * t, a + c) + 2.0 * (a + c * t);
    EXPECT_NEAR(path->length, expected, 1e-9 * expected);
    ASSERT_EQ(path->points.size(), 4u);
    EXPECT_NEAR(std::fabs(path->points[1].y), a + c, 1e-9);
    EXPECT_NEAR(path->points[1].x, -(a + c * t), 1e-9);
    EXPECT_NEAR(path->points[2].x, a + c * t, 1e-9);
    EXPECT_NEAR(path->length, lengthOf(path->points), 1e-9);
    expectKeepsClear(*path, obstacles, c);
}

// Between the true geodesic round a circle of radius R = r + c (tangent, arc,
// tangent) and the same round the circle through the polygon's corners,
// R / cos(pi / n), which contains the polygon.
TEST(Planner, AroundACircleBetweenTheGeodesicAndThePolygonalBound) {
    const double r = 100.0, c = 50.0, x = 600.0;
    auto geodesic = [&](double radius) {
        return 2.0 * std::sqrt(x * x - radius * radius) +
               radius * (std::numbers::pi - 2.0 * std::acos(radius / x));
    };
    for (std::size_t segments : {8u, 16u, 64u}) {
        const Obstacles obstacles{{}, {{{0, 0}, r}}, {}};
        PlannerOptions options;
        options.clearance = c;
        options.circleSegments = segments;
        const auto path = shortestPath({-x, 0}, {x, 0}, obstacles, options);
        ASSERT_TRUE(path.has_value()) << segments << " segments";
        const double low = geodesic(r + c),
                     high = geodesic((r + c) / std::cos(std::numbers::pi / static_cast<double>(segments)));
        EXPECT_GE(path->length, low) << segments << " segments";
        EXPECT_LE(path->length, high) << segments << " segments";
        expectKeepsClear(*path, obstacles, c);
    }
}

// --- concave, several, walls --------------------------------------------------

// A U open to the north: outer [-100, 100] x [0, 200], the notch [-50, 50] x
// [50, 200]. From inside the mouth to a goal south of the U, the path must
// climb out over an arm and come back down.
TEST(Planner, OutOfTheMouthOfAU) {
    const Polygon u{
        {{-100, 0}, {100, 0}, {100, 200}, {50, 200}, {50, 50}, {-50, 50}, {-50, 200}, {-100, 200}}, {}};
    const Obstacles obstacles{{u}, {}, {}};
    PlannerOptions options;
    options.clearance = 10.0;
    const Vec2 start{0, 100}, goal{0, -100};
    const auto path = shortestPath(start, goal, obstacles, options);
    ASSERT_TRUE(path.has_value());
    expectKeepsClear(*path, obstacles, options.clearance);

    // it climbs above the arms' tops (grown) and down again
    const double top = 200.0 + options.clearance;
    double highest = -kInfinity;
    for (Vec2 p : path->points)
        highest = std::max(highest, p.y);
    EXPECT_GE(highest, top - 1e-9);
    EXPECT_GE(path->length, (top - start.y) + (top - goal.y));

    const auto reference = bruteForceLength(start, goal, grownObstacles(obstacles, options));
    ASSERT_TRUE(reference.has_value());
    EXPECT_NEAR(path->length, *reference, 1e-6 * *reference);
}

TEST(Planner, AmongSeveralObstacles) {
    const Obstacles obstacles{{square({-300, 20}, 80), rectangle(100, -200, 160, 150)},
                              {{{-50, -60}, 70}},
                              {{{{300, -300}, {380, 0}, {300, 250}}, 20.0}}};
    PlannerOptions options;
    options.clearance = 25.0;
    const Vec2 start{-700, 0}, goal{700, 30};
    const auto path = shortestPath(start, goal, obstacles, options);
    ASSERT_TRUE(path.has_value());
    EXPECT_GT(path->points.size(), 2u);
    EXPECT_GE(path->length, core::distance(start, goal));
    expectKeepsClear(*path, obstacles, options.clearance);
    const auto reference = bruteForceLength(start, goal, grownObstacles(obstacles, options));
    ASSERT_TRUE(reference.has_value());
    EXPECT_NEAR(path->length, *reference, 1e-6 * *reference);
}

// Four walls round the goal with 20 m gaps at the corners: a clearance of
// 50 m closes the gaps, one of 5 m leaves 10 m to fly through.
Obstacles boxedIn() {
    return {{rectangle(-220, -220, 200, -200), rectangle(220, -220, 240, 200), rectangle(-200, 220, 220, 240),
             rectangle(-240, -200, -220, 220)},
            {},
            {}};
}

TEST(Planner, WalledInGoalHasNoPath) {
    PlannerOptions options;
    options.clearance = 50.0;
    EXPECT_FALSE(shortestPath({-1000, 0}, {0, 0}, boxedIn(), options).has_value());
}

TEST(Planner, GapsWiderThanTwiceTheClearanceAreOpen) {
    PlannerOptions options;
    options.clearance = 5.0;
    const auto path = shortestPath({-1000, 0}, {0, 0}, boxedIn(), options);
    ASSERT_TRUE(path.has_value());
    expectKeepsClear(*path, boxedIn(), options.clearance);
}

TEST(Planner, StartInsideHasNoPath) {
    const Obstacles obstacles{{square({0, 0}, 100)}, {}, {}};
    EXPECT_FALSE(shortestPath({10, 10}, {1000, 0}, obstacles).has_value());
}

TEST(Planner, StartWithinTheClearanceHasNoPath) {
    const Obstacles obstacles{{square({0, 0}, 100)}, {}, {}};
    PlannerOptions options;
    options.clearance = 50.0;
    EXPECT_FALSE(shortestPath({-130, 0}, {-1000, 0}, obstacles, options).has_value());
}

TEST(Planner, GoalInsideACircleHasNoPath) {
    const Obstacles obstacles{{}, {{{0, 0}, 100}}, {}};
    EXPECT_FALSE(shortestPath({-1000, 0}, {0, 20}, obstacles).has_value());
}

TEST(Planner, GoalInsideAHoleHasNoPath) {
    // a polygon is its outer ring: its holes are not reachable
    const Obstacles obstacles{
        {{rectangle(-200, -200, 200, 200).outer, {rectangle(-100, -100, 100, 100).outer}}}, {}, {}};
    EXPECT_FALSE(shortestPath({-1000, 0}, {0, 0}, obstacles).has_value());
}

TEST(Planner, StartOnTheGrownBoundaryIsOutside) {
    // a drone replanning from a corner of its own planned path
    const Obstacles obstacles{{square({0, 0}, 50)}, {}, {}};
    PlannerOptions options;
    options.clearance = 50.0;
    const auto first = shortestPath({-500, 0}, {500, 0}, obstacles, options);
    ASSERT_TRUE(first.has_value());
    ASSERT_EQ(first->points.size(), 4u);
    const auto again = shortestPath(first->points[1], {500, 0}, obstacles, options);
    ASSERT_TRUE(again.has_value());
    EXPECT_NEAR(again->length, first->length - core::distance(first->points[0], first->points[1]), 1e-9);
}

// --- the length limit ---------------------------------------------------------

TEST(Planner, MaxLengthTooSmallHasNoPath) {
    const Obstacles obstacles{{square({0, 0}, 50)}, {}, {}};
    PlannerOptions options;
    options.clearance = 50.0;
    const auto unlimited = shortestPath({-500, 0}, {500, 0}, obstacles, options);
    ASSERT_TRUE(unlimited.has_value());

    options.maxLength = unlimited->length + 1.0;
    const auto enough = shortestPath({-500, 0}, {500, 0}, obstacles, options);
    ASSERT_TRUE(enough.has_value());
    EXPECT_DOUBLE_EQ(enough->length, unlimited->length);

    options.maxLength = unlimited->length - 1.0;
    EXPECT_FALSE(shortestPath({-500, 0}, {500, 0}, obstacles, options).has_value());
    options.maxLength = 900.0; // shorter than the straight line
    EXPECT_FALSE(shortestPath({-500, 0}, {500, 0}, obstacles, options).has_value());
}

// A tall wall across the route sends the path over its top (y = 70 once
// grown); a small square just above the top pushes it up to y = 88. The
// square is some 60 m from the route, well beyond (L - d) / 2 (about 8 m)
// but within the ellipse's semi-minor axis sqrt(L^2 - d^2) / 2 (about 88
// m): dropped by the first bound, the path would cut through it.
TEST(Planner, MaxLengthKeepsObstaclesTheEllipseReaches) {
    const Obstacles obstacles{{rectangle(-20, -300, 20, 60), square({0, 75}, 3)}, {}, {}};
    PlannerOptions options;
    options.clearance = 10.0;
    const Vec2 start{-500, 0}, goal{500, 0};
    const auto unlimited = shortestPath(start, goal, obstacles, options);
    ASSERT_TRUE(unlimited.has_value());
    EXPECT_GE(std::max(unlimited->points[1].y, unlimited->points[2].y), 88.0 - 1e-9);
    for (double slack : {0.5, 5.0, 50.0, 500.0}) {
        options.maxLength = unlimited->length + slack;
        const auto limited = shortestPath(start, goal, obstacles, options);
        ASSERT_TRUE(limited.has_value()) << "slack " << slack;
        EXPECT_DOUBLE_EQ(limited->length, unlimited->length) << "slack " << slack;
        expectKeepsClear(*limited, obstacles, options.clearance);
    }
}

TEST(Planner, MaxLengthNeverChangesTheAnswerOnRandomMaps) {
    core::Random rng(11);
    int compared = 0;
    for (int round = 0; round < 60; ++round) {
        const Obstacles obstacles = randomMixedMap(rng);
        const Vec2 start = randomPoint(rng, 1200.0), goal = randomPoint(rng, 1200.0);
        PlannerOptions options;
        options.clearance = 30.0;
        const auto unlimited = shortestPath(start, goal, obstacles, options);
        if (!unlimited) continue;
        options.maxLength = unlimited->length * 1.001 + 1e-6;
        const auto limited = shortestPath(start, goal, obstacles, options);
        ASSERT_TRUE(limited.has_value()) << "round " << round;
        EXPECT_NEAR(limited->length, unlimited->length, 1e-9 * unlimited->length) << "round " << round;
        options.maxLength = unlimited->length * 0.999;
        EXPECT_FALSE(shortestPath(start, goal, obstacles, options).has_value()) << "round " << round;
        ++compared;
    }
    EXPECT_GE(compared, 30);
}

// --- what the planner keeps out of ------------------------------------------

// Every point within the clearance of an obstacle is inside some grown piece.
TEST(PlannerGrowth, GrownPiecesContainTheExactlyGrownObstacles) {
    core::Random rng(5);
    for (int round = 0; round < 20; ++round) {
        const Obstacles obstacles = randomMixedMap(rng);
        PlannerOptions options;
        options.clearance = rng.uniform(1.0, 80.0);
        options.circleSegments = 6 + rng.below(20);
        const std::vector<Ring> rings = grownObstacles(obstacles, options);
        const Region exact = grownExactly(obstacles, options.clearance);
        Region pieces;
        for (const Ring& ring : rings)
            pieces.polygons.push_back({ring, {}});
        for (int sample = 0; sample < 400; ++sample) {
            const Vec2 p = randomPoint(rng, 1300.0);
            if (core::contains(exact, p)) {
                EXPECT_TRUE(core::contains(pieces, p))
                    << "round " << round << " at (" << p.x << ", " << p.y << ")";
            }
        }
        for (const Ring& ring : rings) {
            EXPECT_GT(core::signedArea(ring), 0.0);
            for (std::size_t i = 0; i < ring.size(); ++i) // convex, counter-clockwise
                EXPECT_GE(core::cross(ring[(i + 1) % ring.size()] - ring[i],
                                      ring[(i + 2) % ring.size()] - ring[(i + 1) % ring.size()]),
                          -1e-9);
        }
    }
}

TEST(PlannerGrowth, ClearanceBelowTheMinimumIsRaised) {
    const Obstacles obstacles{{square({0, 0}, 50)}, {}, {}};
    PlannerOptions options;
    options.clearance = 0.0;
    const auto path = shortestPath({-500, 0}, {500, 0}, obstacles, options);
    ASSERT_TRUE(path.has_value());
    expectKeepsClear(*path, obstacles, kMinClearance);
    EXPECT_FALSE(core::touches(regionOf(obstacles), path->points));
}

// --- random maps: the path keeps clear -------------------------------------

TEST(PlannerRandom, PathsNeverComeCloserThanTheClearance) {
    core::Random rng(2025);
    int found = 0;
    for (int round = 0; round < 150; ++round) {
        const Obstacles obstacles = randomMixedMap(rng);
        PlannerOptions options;
        options.clearance = rng.uniform(5.0, 60.0);
        options.circleSegments = 8 + rng.below(17);
        const Vec2 start = randomPoint(rng, 1200.0), goal = randomPoint(rng, 1200.0);
        const auto path = shortestPath(start, goal, obstacles, options);
        if (!path) continue;
        ++found;
        SCOPED_TRACE("round " + std::to_string(round));
        EXPECT_EQ(path->points.front(), start);
        EXPECT_EQ(path->points.back(), goal);
        EXPECT_NEAR(path->length, lengthOf(path->points), 1e-9 * path->length);
        EXPECT_GE(path->length, core::distance(start, goal) - 1e-9);
        expectKeepsClear(*path, obstacles, options.clearance);
    }
    EXPECT_GE(found, 100); // most random starts and goals are outside
}

// --- brute force -------------------------------------------------------------

TEST(PlannerBruteForce, MatchesDijkstraOverTheCompleteVisibilityGraph) {
    // obstacles in the middle, start on the left, goal on the right
    core::Random rng(77);
    int withDetour = 0, withPath = 0, without = 0;
    for (int round = 0; round < 60; ++round) {
        Obstacles obstacles;
        const int count = 2 + static_cast<int>(rng.below(3));
        for (int i = 0; i < count; ++i)
            obstacles.polygons.push_back(randomConvex(rng, randomPoint(rng, 300.0), 200.0));
        PlannerOptions options;
        options.clearance = rng.uniform(5.0, 40.0);
        options.circleSegments = 8;
        const Vec2 start{rng.uniform(-800.0, -450.0), rng.uniform(-300.0, 300.0)};
        const Vec2 goal{rng.uniform(450.0, 800.0), rng.uniform(-300.0, 300.0)};

        const auto path = shortestPath(start, goal, obstacles, options);
        const auto reference = bruteForceLength(start, goal, grownObstacles(obstacles, options));
        SCOPED_TRACE("round " + std::to_string(round));
        ASSERT_EQ(path.has_value(), reference.has_value());
        if (!path) {
            ++without;
            continue;
        }
        ++withPath;
        if (path->points.size() > 2) ++withDetour;
        EXPECT_NEAR(path->length, *reference, 1e-6 * *reference);
    }
    std::printf("[   NOTE   ] brute force: %d paths (%d with a detour), %d without\n", withPath, withDetour,
                without);
    EXPECT_GE(withDetour, 40);
}

TEST(PlannerBruteForce, MatchesOnRandomConcaveMaps) {
    core::Random rng(99);
    int compared = 0;
    for (int round = 0; round < 30; ++round) {
        const Obstacles obstacles = randomMixedMap(rng);
        PlannerOptions options;
        options.clearance = rng.uniform(5.0, 40.0);
        options.circleSegments = 8;
        const Vec2 start = randomPoint(rng, 1200.0), goal = randomPoint(rng, 1200.0);
        const auto path = shortestPath(start, goal, obstacles, options);
        const auto reference = bruteForceLength(start, goal, grownObstacles(obstacles, options));
        SCOPED_TRACE("round " + std::to_string(round));
        ASSERT_EQ(path.has_value(), reference.has_value());
        if (!path) continue;
        EXPECT_NEAR(path->length, *reference, 1e-6 * *reference);
        ++compared;
    }
    EXPECT_GE(compared, 20);
}

// --- order and determinism ---------------------------------------------------

TEST(Planner, ResultDoesNotDependOnTheOrderOfTheObstacles) {
    core::Random rng(314);
    for (int round = 0; round < 40; ++round) {
        Obstacles obstacles = randomMixedMap(rng);
        const Vec2 start = randomPoint(rng, 1200.0), goal = randomPoint(rng, 1200.0);
        const auto forward = shortestPath(start, goal, obstacles);
        std::reverse(obstacles.polygons.begin(), obstacles.polygons.end());
        std::reverse(obstacles.circles.begin(), obstacles.circles.end());
        for (Polygon& polygon : obstacles.polygons) // and each ring from another corner
            std::rotate(polygon.outer.begin(), polygon.outer.begin() + 1, polygon.outer.end());
        const auto backward = shortestPath(start, goal, obstacles);
        SCOPED_TRACE("round " + std::to_string(round));
        ASSERT_EQ(forward.has_value(), backward.has_value());
        if (forward) {
            EXPECT_NEAR(forward->length, backward->length, 1e-9 * forward->length);
        }
    }
}

TEST(Planner, SameInputSamePath) {
    core::Random rng(8);
    const Obstacles obstacles = randomMixedMap(rng);
    const auto first = shortestPath({-1200, -300}, {1200, 400}, obstacles);
    const auto second = shortestPath({-1200, -300}, {1200, 400}, obstacles);
    ASSERT_EQ(first.has_value(), second.has_value());
    if (!first) return;
    ASSERT_EQ(first->points.size(), second->points.size());
    for (std::size_t i = 0; i < first->points.size(); ++i)
        EXPECT_EQ(first->points[i], second->points[i]);
    EXPECT_EQ(first->length, second->length);
}

// --- routes -----------------------------------------------------------------

TEST(PlannerRoute, LegsAreJoinedAndTheLimitCoversTheWholeRoute) {
    const Obstacles obstacles{{square({0, 0}, 50), square({1000, 0}, 50)}, {}, {}};
    PlannerOptions options;
    options.clearance = 50.0;
    const std::vector<Vec2> waypoints{{-500, 0}, {500, 0}, {1500, 0}};
    const auto first = shortestPath(waypoints[0], waypoints[1], obstacles, options);
    const auto second = shortestPath(waypoints[1], waypoints[2], obstacles, options);
    ASSERT_TRUE(first && second);
    const auto route = shortestRoute(waypoints, obstacles, options);
    ASSERT_TRUE(route.has_value());
    EXPECT_NEAR(route->length, first->length + second->length, 1e-9);
    EXPECT_EQ(route->points.size(), first->points.size() + second->points.size() - 1);

    options.maxLength = route->length + 1.0;
    EXPECT_TRUE(shortestRoute(waypoints, obstacles, options).has_value());
    options.maxLength = route->length - 1.0; // each leg alone would fit
    EXPECT_FALSE(shortestRoute(waypoints, obstacles, options).has_value());
}

TEST(PlannerRoute, OneWaypointAndNone) {
    const Obstacles obstacles{{square({0, 0}, 50)}, {}, {}};
    const auto one = shortestRoute({{-500, 0}}, obstacles);
    ASSERT_TRUE(one.has_value());
    EXPECT_EQ(one->points.size(), 1u);
    EXPECT_EQ(one->length, 0.0);
    EXPECT_FALSE(shortestRoute({{0, 0}}, obstacles).has_value());
    EXPECT_FALSE(shortestRoute({}, obstacles).has_value());
}

// --- performance sanity (not timed) -----------------------------------------

TEST(PlannerPerformance, RoutePastFiveHundredSquares) {
    core::Random rng(500);
    Obstacles obstacles;
    for (int i = 0; i < 500; ++i)
        obstacles.polygons.push_back(square(randomPoint(rng, 5000.0), rng.uniform(25.0, 75.0)));
    PlannerOptions options;
    options.clearance = 30.0;
    const Vec2 start{-6000, 0}, goal{6000, 300};

    const auto began = std::chrono::steady_clock::now();
    const auto path = shortestPath(start, goal, obstacles, options);
    const double unlimitedMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
    ASSERT_TRUE(path.has_value());
    expectKeepsClear(*path, obstacles, options.clearance);

    options.maxLength = 1.1 * core::distance(start, goal);
    const auto limitedBegan = std::chrono::steady_clock::now();
    const auto limited = shortestPath(start, goal, obstacles, options);
    const double limitedMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - limitedBegan).count();
    ASSERT_TRUE(limited.has_value());
    EXPECT_NEAR(limited->length, path->length, 1e-9 * path->length);

    std::printf(
        "[   NOTE   ] 500 squares, 12 km route: %.1f ms unlimited, %.1f ms with maxLength 1.1 x straight; "
        "%zu corners in the path, %.1f m (straight %.1f m). Wall-clock time of this build, for information "
        "only, not asserted.\n",
        unlimitedMs, limitedMs, path->points.size(), path->length, core::distance(start, goal));
}

} // namespace
} // namespace nofly::sim
