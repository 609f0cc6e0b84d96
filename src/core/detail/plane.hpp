// Internal to core: the small plane helpers that geometry.cpp shares with
// convex_split.cpp and polygon_check.cpp, with the tolerances of
// geometry.cpp's header comment.
#pragma once

#include "core/geometry.hpp"

#include <cstddef>
#include <vector>

namespace nofly::core::detail {

/// Positive when a->b->c turns left (counter-clockwise): twice the signed
/// area of the triangle. [m^2]
double turn(Vec2 a, Vec2 b, Vec2 c);

/// Whether b lies on the straight line from a to c, between them, within a
/// fraction 1e-7 of |ac| (Box2D's single precision); coincident neighbours are
/// never straight.
bool isStraight(Vec2 a, Vec2 b, Vec2 c);

/// The point of a circle at `angle` [rad] counter-clockwise from east.
Vec2 onCircle(Vec2 center, double radius, double angle);

/// A ring with repeated consecutive vertices (the closing repeat included)
/// dropped.
Ring withoutRepeats(const Ring& ring);

/// A ring whose area is below this fraction of its bounding box encloses none.
inline constexpr double kZeroAreaFraction = 1e-12;

/// The distance within which a point counts as on a boundary near p [m].
double toleranceAt(Vec2 p);

/// The indexes of a ring's vertices with repeats dropped (of each run of
/// equal consecutive vertices the last).
std::vector<std::size_t> keptVertices(const Ring& ring);

/// How many different points a ring has.
std::size_t distinctPointCount(const Ring& ring);

/// Sorted cut parameters with 0 and 1, near-duplicates (closer than
/// tolParam) merged.
std::vector<double> sortedCuts(std::vector<double> cuts, double tolParam);

/// Adds the parameters along a->b (0..1) where it meets the edges of a ring.
void addRingMeetings(Vec2 a, Vec2 b, const Ring& ring, std::vector<double>& out);

enum class Side { Outside, Boundary, Inside };

/// Which side of a ring p is on, the boundary within toleranceAt(p).
Side sideOfRing(const Ring& ring, Vec2 p);

/// A point strictly inside a ring that has at least 3 distinct points and
/// some area.
Vec2 pointInside(const Ring& ring);

} // namespace nofly::core::detail
