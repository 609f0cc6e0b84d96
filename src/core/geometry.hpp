// Plane geometry in the local east/north frame, in metres: points, rings,
// polygons with holes, circles, corridors (buffered polylines) and regions that
// are unions of those, with the predicates the scenario checker and the
// simulation need. Boundaries count as inside everywhere.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace nofly::core {

/// A point or a vector in the local plane. [m], x east, y north.
struct Vec2 {
    double x = 0.0;
    double y = 0.0;
};

inline Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
inline Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
inline Vec2 operator*(Vec2 a, double s) { return {a.x * s, a.y * s}; }
inline Vec2 operator*(double s, Vec2 a) { return {a.x * s, a.y * s}; }
inline bool operator==(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }
double dot(Vec2 a, Vec2 b);
double cross(Vec2 a, Vec2 b);
double length(Vec2 a);
double distance(Vec2 a, Vec2 b);

/// A closed ring of vertices; the closing edge back to the first vertex is
/// implied (a repeated last vertex equal to the first is tolerated).
/// Either winding is accepted.
using Ring = std::vector<Vec2>;

/// A simple polygon with zero or more holes.
struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
};

struct Circle {
    Vec2 center;
    double radius = 0.0; ///< [m]
};

/// Every point within halfWidth of the polyline `path` (round caps and joins).
struct Corridor {
    std::vector<Vec2> path;
    double halfWidth = 0.0; ///< [m]
};

/// The union of any number of parts; an empty region contains nothing.
struct Region {
    std::vector<Polygon> polygons;
    std::vector<Circle> circles;
    std::vector<Corridor> corridors;
};

/// Axis-aligned bounding box.
struct Box {
    Vec2 min;
    Vec2 max;
};

// --- rings and polygons ---------------------------------------------------

/// Signed area of a ring: positive counter-clockwise. [m^2]
double signedArea(const Ring& ring);
/// Area of a polygon: |outer| minus |holes|. [m^2]
double area(const Polygon& polygon);

/// Two edges of a ring that cross or overlap (not merely share the vertex
/// between neighbours). Edge i runs from vertex i to vertex i+1 (mod n).
struct EdgeCrossing {
    std::size_t first = 0;
    std::size_t second = 0;
    Vec2 at;  ///< a point where they meet
};
/// The first pair of crossing edges of a ring, if any. Repeated consecutive
/// vertices are ignored (they are not a crossing).
std::optional<EdgeCrossing> findSelfIntersection(const Ring& ring);

/// Everything wrong with a polygon, as sentences for a user ("the outer ring
/// has 2 distinct points; a polygon needs at least 3"). Empty when valid.
/// Checks: at least 3 distinct points per ring, non-zero area, no
/// self-intersection in any ring, each hole inside the outer ring, holes not
/// overlapping each other.
std::vector<std::string> validate(const Polygon& polygon);

// --- predicates on regions ------------------------------------------------

/// True when p is inside the region or on its boundary.
bool contains(const Polygon& polygon, Vec2 p);
bool contains(const Circle& circle, Vec2 p);
bool contains(const Corridor& corridor, Vec2 p);
bool contains(const Region& region, Vec2 p);

/// Area of the region [m^2]. Parts are assumed not to overlap each other;
/// a corridor's area is exact when it does not overlap itself.
double area(const Region& region);

/// Distance from p to the nearest boundary of the region [m], whether p is
/// inside or outside.
double distanceToBoundary(const Region& region, Vec2 p);
/// Negative inside, positive outside, zero on the boundary. [m]
double signedDistance(const Region& region, Vec2 p);

/// The nearest point at least `margin` outside the region from p, reached in
/// a straight line from p: where a drone inside a zone leaves it by the
/// shortest way. p itself when it is outside already. Searches the nearest
/// edges first (a polygon's edges, circles, corridors' sides and caps) and
/// gives up (nothing) when none of the nearest `tries` of them has a way out
/// there: a point deep inside a union of many parts.
std::optional<Vec2> wayOut(const Region& region, Vec2 p, double margin, std::size_t tries = 64);

/// A stretch of a segment or polyline that lies inside a region:
/// [enter, leave] as distances along it from its start. [m]
struct Interval {
    double enter = 0.0;
    double leave = 0.0;
};

/// The parts of segment a->b inside the region, sorted, merged, as distances
/// from a. A segment that only touches the boundary gives a zero-length
/// interval.
std::vector<Interval> insideIntervals(const Region& region, Vec2 a, Vec2 b);
/// The same along a polyline, as distances from its first point.
std::vector<Interval> insideIntervals(const Region& region, const std::vector<Vec2>& polyline);
/// Whether a segment or a polyline touches the region at all.
bool touches(const Region& region, Vec2 a, Vec2 b);
bool touches(const Region& region, const std::vector<Vec2>& polyline);

/// Whether a circle (a drone's safety bubble, a sensor's range) and the
/// region share at least one point.
bool overlaps(const Region& region, const Circle& circle);

Box bounds(const Region& region);

// --- convex split for Box2D -----------------------------------------------

/// Limits of the physics engine's polygons (Box2D 2.4: b2_maxPolygonVertices
/// is 8; collinear or nearly coincident vertices abort).
struct ConvexLimits {
    std::size_t maxVertices = 8;
    double minEdge = 1.0; ///< [m] vertices closer than this are merged
};

/// Splits a polygon (concave, with holes, either winding) into convex
/// counter-clockwise pieces of at most limits.maxVertices vertices, with no
/// three consecutive collinear vertices and no edge shorter than
/// limits.minEdge. The pieces cover the polygon exactly (their areas add up
/// to area(polygon)) and do not overlap. The polygon must pass validate().
std::vector<Ring> convexSplit(const Polygon& polygon, const ConvexLimits& limits = {});

/// A polygon approximating a circle with `segments` vertices, counter-clockwise,
/// circumscribed so that it contains the circle.
Ring circleRing(const Circle& circle, std::size_t segments);

} // namespace nofly::core
