// Shortest paths around no-fly zones: what a compliant operator's planning
// app does when its straight route crosses a zone that applies to it. A real
// shortest path (a visibility graph over the obstacles' corners, searched with
// A*), not a hand-tuned detour.
#pragma once

#include "core/geometry.hpp"

#include <optional>
#include <vector>

namespace nofly::sim {

/// What the path must keep out of: polygons (with holes, whose holes are
/// navigable only if the path does not need to cross the outer ring to get
/// there — treat a polygon as its outer ring), circles and corridors.
struct Obstacles {
    std::vector<core::Polygon> polygons;
    std::vector<core::Circle> circles;
    std::vector<core::Corridor> corridors;
};

struct PlannerOptions {
    double clearance = 50.0;       ///< [m] stay this far outside every obstacle
    std::size_t circleSegments = 16; ///< corners of the polygon that stands in for a circle
    double maxLength = 0.0;        ///< [m] give up on paths longer than this; 0 = no limit
};

/// The smallest clearance the planner uses [m]: a smaller (or negative)
/// clearance is taken as this, so that a path never touches a zone's boundary
/// (boundaries count as inside) and the convex pieces a concave zone is split
/// into overlap by more than the split's rounding (1e-7 of the zone's span,
/// 0.05 m for a zone 500 km across), leaving no seam to slip through.
inline constexpr double kMinClearance = 0.1;

struct PlannedPath {
    std::vector<core::Vec2> points; ///< from start to goal inclusive
    double length = 0.0;            ///< [m]
};

/// The shortest path from `start` to `goal` that does not enter any obstacle
/// grown by `clearance`, or nothing when none exists (the start or the goal is
/// inside an obstacle, the goal is walled in, or every path is longer than
/// maxLength). When the straight segment is clear it is returned as is.
/// "Inside" means at least 1e-6 m deep inside one of grownObstacles(); a start
/// on its boundary (a drone replanning from its planned path) is outside. The
/// caller handles a drone that is already inside.
std::optional<PlannedPath> shortestPath(core::Vec2 start, core::Vec2 goal, const Obstacles& obstacles,
                                        const PlannerOptions& options = {});

/// What the planner keeps out of: convex counter-clockwise polygons, possibly
/// overlapping, whose union contains every obstacle grown by the clearance
/// (at least kMinClearance). A circle becomes circleRing of radius + clearance;
/// a corridor one capsule per leg, of its half width + clearance, its round
/// ends drawn by tangents of at most one circle segment each; a polygon one
/// such capsule of half width clearance round each edge of its outer ring,
/// then its convex pieces (core::convexSplit) grown by less, to fill the
/// inside without reaching the outline. Shortest paths are exact for these
/// polygons, so their length lies
/// between the shortest path around the obstacles grown exactly by the
/// clearance and the one around them grown by clearance / cos(pi /
/// circleSegments), which contains every polygon here. Exposed for drawing
/// and for tests.
std::vector<core::Ring> grownObstacles(const Obstacles& obstacles, const PlannerOptions& options = {});

/// The shortest path through several waypoints in order, each leg planned on
/// its own; nothing if any leg has no path.
/// maxLength bounds the whole route: each leg may use what the legs before it
/// left over, less the straight distance of the legs after it. One waypoint
/// gives a path of that one point (nothing if it is inside); none gives nothing.
std::optional<PlannedPath> shortestRoute(const std::vector<core::Vec2>& waypoints, const Obstacles& obstacles,
                                         const PlannerOptions& options = {});

} // namespace nofly::sim
