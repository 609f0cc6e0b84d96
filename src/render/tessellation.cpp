#include "render/detail/tessellation.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace nofly::render {

using core::Vec2;

namespace {

void triangle(Triangles& out, Vec2 a, Vec2 b, Vec2 c) {
    out.push_back(a);
    out.push_back(b);
    out.push_back(c);
}

/// A convex ring as a fan from its first vertex.
void fan(const core::Ring& ring, Triangles& out) {
    for (std::size_t k = 1; k + 1 < ring.size(); ++k)
        triangle(out, ring[0], ring[k], ring[k + 1]);
}

/// Segment a->b as a quad `halfWidth` each side.
void band(Vec2 a, Vec2 b, double halfWidth, Triangles& out) {
    const double len = core::distance(a, b);
    if (len <= 0.0) return;
    const Vec2 n{-(b.y - a.y) / len * halfWidth, (b.x - a.x) / len * halfWidth};
    triangle(out, a + n, b + n, b - n);
    triangle(out, a + n, b - n, a - n);
}
} // namespace

void fillRings(const std::vector<core::Ring>& rings, Triangles& out) {
    // group each outer ring with the holes that follow it
    std::vector<core::Polygon> polygons;
    for (const core::Ring& ring : rings) {
        if (ring.size() < 3) continue;
        if (core::signedArea(ring) >= 0.0 || polygons.empty())
            polygons.push_back({ring, {}});
        else
            polygons.back().holes.push_back(ring);
    }
    core::ConvexLimits limits;
    limits.maxVertices = 64; // fewer, larger pieces: the GPU has no 8-vertex limit
    limits.minEdge = 0.01;
    for (const core::Polygon& polygon : polygons) {
        if (!core::validate(polygon).empty()) {
            fan(polygon.outer, out); // a broken polygon still shows, if not exactly
            continue;
        }
        for (const core::Ring& piece : core::convexSplit(polygon, limits))
            fan(piece, out);
    }
}

int circleSegments(double radiusPixels) {
    return std::clamp(static_cast<int>(std::ceil(radiusPixels * 0.6)), 12, 180);
}

void fillCircle(Vec2 centre, double radius, int segments, Triangles& out) {
    Vec2 last = centre + Vec2{radius, 0.0};
    for (int k = 1; k <= segments; ++k) {
        const double a = 2.0 * std::numbers::pi * k / segments;
        const Vec2 next = centre + Vec2{radius * std::cos(a), radius * std::sin(a)};
        triangle(out, centre, last, next);
        last = next;
    }
}

void strokeLine(const std::vector<Vec2>& points, bool closed, double halfWidth,
                const std::vector<double>& dash, bool roundJoins, Triangles& out) {
    if (points.empty() || halfWidth <= 0.0) return;
    std::vector<Vec2> path = points;
    if (closed && path.size() > 2 && !(path.front() == path.back())) path.push_back(path.front());
    const int joinSegments = roundJoins ? 16 : 0;
    if (path.size() == 1) {
        fillCircle(path[0], halfWidth, std::max(joinSegments, 8), out);
        return;
    }
    // walk the path, switching the pen on and off along the dash pattern
    double patternTotal = 0.0;
    for (double d : dash)
        patternTotal += d;
    const bool dashed = patternTotal > 0.0 && dash.size() >= 2;
    std::size_t dashIndex = 0;
    double dashLeft = dashed ? dash[0] : 0.0;
    for (std::size_t k = 0; k + 1 < path.size(); ++k) {
        const Vec2 a = path[k], b = path[k + 1];
        const double len = core::distance(a, b);
        if (!dashed) {
            band(a, b, halfWidth, out);
        } else {
            double at = 0.0;
            while (at < len) {
                const double piece = std::min(dashLeft, len - at);
                if (dashIndex % 2 == 0 && piece > 0.0) {
                    const Vec2 p0 = a + (b - a) * (at / len), p1 = a + (b - a) * ((at + piece) / len);
                    band(p0, p1, halfWidth, out);
                }
                at += piece;
                dashLeft -= piece;
                if (dashLeft <= 0.0) {
                    dashIndex = (dashIndex + 1) % dash.size();
                    dashLeft = dash[dashIndex];
                }
            }
        }
        // the joins: discs for corridors; for thick lines a square under the corner
        if (roundJoins) {
            fillCircle(a, halfWidth, joinSegments, out);
        } else if (!dashed && halfWidth >= 1e-9 && k > 0) {
            const Vec2 dx{halfWidth, 0.0}, dy{0.0, halfWidth};
            triangle(out, a - dx, a + dy, a + dx);
            triangle(out, a - dx, a + dx, a - dy);
        }
    }
    if (roundJoins) fillCircle(path.back(), halfWidth, joinSegments, out);
}

std::vector<Vec2> thinned(const std::vector<Vec2>& points, double tolerance) {
    if (points.size() <= 2) return points;
    std::vector<Vec2> out{points.front()};
    for (std::size_t k = 1; k + 1 < points.size(); ++k)
        if (core::distance(points[k], out.back()) >= tolerance) out.push_back(points[k]);
    out.push_back(points.back());
    return out;
}

} // namespace nofly::render
