// Shapes of the map cut into triangles, in world metres, for a GPU to fill:
// polygons with holes, circles, thick lines with dashes, corridors. Pure
// geometry with no SFML, so it is tested without a display. Every function
// appends triangles (three points each) to `out`.
#pragma once

#include "core/geometry.hpp"

#include <vector>

namespace nofly::render {

using Triangles = std::vector<core::Vec2>; ///< three points a triangle [m]

/// Fills rings as report::Primitive stores them: each counter-clockwise ring
/// starts a polygon and the clockwise rings after it are its holes.
void fillRings(const std::vector<core::Ring>& rings, Triangles& out);

/// A disc as a fan of `segments` triangles.
void fillCircle(core::Vec2 centre, double radius, int segments, Triangles& out);

/// How many sides a circle of `radiusPixels` needs to look round.
int circleSegments(double radiusPixels);

/// A line `halfWidth` [m] each side of `points` (closed: back to the first).
/// `dash` is on, off, ... lengths [m]; empty draws it solid. With
/// `roundJoins` every vertex gets a disc, so the band is a corridor.
void strokeLine(const std::vector<core::Vec2>& points, bool closed, double halfWidth,
                const std::vector<double>& dash, bool roundJoins, Triangles& out);

/// The points with those closer than `tolerance` [m] to the last kept one
/// dropped (the first and last are always kept).
std::vector<core::Vec2> thinned(const std::vector<core::Vec2>& points, double tolerance);

} // namespace nofly::render
