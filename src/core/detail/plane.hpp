// Internal to core: the small plane helpers that geometry.cpp and
// convex_split.cpp share, with the tolerances of geometry.cpp's header
// comment.
#pragma once

#include "core/geometry.hpp"

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

} // namespace nofly::core::detail
