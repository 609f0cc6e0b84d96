// The convex split that Box2D needs: a polygon (concave, with holes, either
// winding) cut into convex counter-clockwise pieces of at most 8 vertices, and
// a circle's circumscribed polygon. The rest of the plane geometry is in
// geometry.cpp; the two share the helpers of detail/plane.hpp.
#include "core/detail/plane.hpp"
#include "core/geometry.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <numbers>
#include <set>
#include <utility>
#include <vector>

namespace nofly::core {

using detail::isStraight;
using detail::onCircle;
using detail::turn;
using detail::withoutRepeats;

// --- convex split for Box2D -----------------------------------------------
//
// Written by hand: no Debian package offers a convex partition except CGAL
// (libcgal-dev), a heavy GPL dependency. GEOS (libgeos-dev, LGPL) can
// triangulate a polygon with holes (constrained Delaunay, since 3.10), but the
// merging would still be ours and core would link a second geometry engine for
// one step; mapbox earcut is packaged only as Python bindings.
//
// The split is the classic one: triangulate by ear clipping, holes first
// joined to the outer ring by bridges, then Hertel-Mehlhorn: remove
// triangulation diagonals, longest first, while the merged piece stays convex
// and small enough. The result has at most four times the minimum number of
// convex pieces.

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

using Triangle = std::array<std::size_t, 3>;

// Ear clipping over a circular doubly linked list of vertices; all rings in
// one vertex array, the outer ring counter-clockwise, holes clockwise. Its
// steps follow mapbox's earcut.js (hole bridges after David Eberly, curing of
// local self-intersections, splitting as a last resort, and, past 80
// vertices, its z-order hash: the ear test then looks only at the vertices
// whose z-order lies between its triangle's corners', which it must, since a
// country's coastline with its lakes has tens of thousands), ported to C++
// under this notice:
//
//   ISC License. Copyright (c) Mapbox.
//   Permission to use, copy, modify, and/or distribute this software for any
//   purpose with or without fee is hereby granted, provided that the above
//   copyright notice and this permission notice appear in all copies.
//   THE SOFTWARE IS PROVIDED "AS IS" AND ISC DISCLAIMS ALL WARRANTIES WITH
//   REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY
//   AND FITNESS. IN NO EVENT SHALL ISC BE LIABLE FOR ANY SPECIAL, DIRECT,
//   INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM
//   LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE
//   OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR
//   PERFORMANCE OF THIS SOFTWARE.
class EarClipper {
  public:
    explicit EarClipper(const std::vector<Vec2>& vertices) : m_vertices(vertices) {
        if (vertices.size() <= 80) return; // a scan of the ring is as quick
        Vec2 lo = vertices.front(), hi = vertices.front();
        for (Vec2 v : vertices) {
            lo = {std::min(lo.x, v.x), std::min(lo.y, v.y)};
            hi = {std::max(hi.x, v.x), std::max(hi.y, v.y)};
        }
        const double size = std::max(hi.x - lo.x, hi.y - lo.y);
        if (!(size > 0.0) || !std::isfinite(size)) return;
        m_origin = lo;
        m_scale = 32767.0 / size;
    }

    // ringStarts[0] is 0 (the outer ring), then where each hole begins.
    std::vector<Triangle> triangulate(const std::vector<std::size_t>& ringStarts) {
        m_triangles.clear();
        const std::size_t outerEnd = ringStarts.size() > 1 ? ringStarts[1] : m_vertices.size();
        std::size_t outer = linkedRing(0, outerEnd, true);
        if (outer == kNone || next(outer) == prev(outer)) return {};
        if (ringStarts.size() > 1) outer = eliminateHoles(ringStarts, outer);
        clipEars(outer, 0);
        return m_triangles;
    }

  private:
    static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

    struct Node {
        std::size_t vertex = 0; ///< index into the vertex array; a bridge's copies share it
        Vec2 p;
        std::size_t prev = kNone;
        std::size_t next = kNone;
        bool steiner = false;
        std::uint32_t z = 0;       ///< z-order of the point, when hashed
        std::size_t prevZ = kNone; ///< neighbours in z-order, within the ring being clipped
        std::size_t nextZ = kNone;
    };

    bool hashed() const { return m_scale > 0.0; }

    // Interleaves the bits of the point's 15-bit grid coordinates: points in a box have z-orders
    // between those of its corners.
    std::uint32_t zOrder(Vec2 p) const {
        auto spread = [](std::uint32_t v) {
            v = (v | (v << 8)) & 0x00FF00FFu;
            v = (v | (v << 4)) & 0x0F0F0F0Fu;
            v = (v | (v << 2)) & 0x33333333u;
            return (v | (v << 1)) & 0x55555555u;
        };
        auto cell = [&](double v, double origin) {
            return static_cast<std::uint32_t>(std::clamp((v - origin) * m_scale, 0.0, 32767.0));
        };
        return spread(cell(p.x, m_origin.x)) | (spread(cell(p.y, m_origin.y)) << 1);
    }

    // Links the ring's nodes in z-order (the ring being clipped; earlier links are dropped).
    void indexCurve(std::size_t start) {
        std::vector<std::size_t> ring;
        std::size_t p = start;
        do {
            ring.push_back(p);
            p = next(p);
        } while (p != start);
        std::stable_sort(ring.begin(), ring.end(),
                         [&](std::size_t a, std::size_t b) { return m_nodes[a].z < m_nodes[b].z; });
        for (std::size_t k = 0; k < ring.size(); ++k) {
            m_nodes[ring[k]].prevZ = k > 0 ? ring[k - 1] : kNone;
            m_nodes[ring[k]].nextZ = k + 1 < ring.size() ? ring[k + 1] : kNone;
        }
    }

    std::size_t& next(std::size_t n) { return m_nodes[n].next; }
    std::size_t& prev(std::size_t n) { return m_nodes[n].prev; }
    Vec2 at(std::size_t n) const { return m_nodes[n].p; }
    bool same(std::size_t a, std::size_t b) const { return at(a) == at(b); }
    double turnAt(std::size_t a, std::size_t b, std::size_t c) const { return turn(at(a), at(b), at(c)); }

    std::size_t insertNode(std::size_t vertex, std::size_t last) {
        const std::size_t n = m_nodes.size();
        m_nodes.push_back(node(vertex, m_vertices[vertex]));
        m_nodes[n].prev = m_nodes[n].next = n;
        if (last != kNone) {
            next(n) = next(last);
            prev(n) = last;
            prev(next(last)) = n;
            next(last) = n;
        }
        return n;
    }

    Node node(std::size_t vertex, Vec2 p) const {
        Node n;
        n.vertex = vertex;
        n.p = p;
        if (hashed()) n.z = zOrder(p);
        return n;
    }

    // Unlinks a node; the node keeps its own links, which callers step along.
    void removeNode(std::size_t n) {
        prev(next(n)) = prev(n);
        next(prev(n)) = next(n);
        if (m_nodes[n].prevZ != kNone) m_nodes[m_nodes[n].prevZ].nextZ = m_nodes[n].nextZ;
        if (m_nodes[n].nextZ != kNone) m_nodes[m_nodes[n].nextZ].prevZ = m_nodes[n].prevZ;
    }

    // A ring of vertices [start, end) in the requested winding.
    std::size_t linkedRing(std::size_t start, std::size_t end, bool counterClockwise) {
        double twice = 0.0;
        for (std::size_t i = start, j = end - 1; i < end; j = i++)
            twice += cross(m_vertices[j], m_vertices[i]);
        std::size_t last = kNone;
        if (counterClockwise == (twice > 0.0)) {
            for (std::size_t i = start; i < end; ++i)
                last = insertNode(i, last);
        } else {
            for (std::size_t i = end; i-- > start;)
                last = insertNode(i, last);
        }
        if (last != kNone && same(last, next(last))) {
            removeNode(last);
            last = next(last);
        }
        return last;
    }

    // Drops repeated and collinear nodes between start and end.
    std::size_t filterPoints(std::size_t start, std::size_t end = kNone) {
        if (start == kNone) return start;
        if (end == kNone) end = start;
        std::size_t p = start;
        bool again = false;
        do {
            again = false;
            if (!m_nodes[p].steiner && (same(p, next(p)) || turnAt(prev(p), p, next(p)) == 0.0)) {
                removeNode(p);
                p = end = prev(p);
                if (p == next(p)) break;
                again = true;
            } else {
                p = next(p);
            }
        } while (again || p != end);
        return end;
    }

    void emit(std::size_t a, std::size_t b, std::size_t c) {
        m_triangles.push_back({m_nodes[a].vertex, m_nodes[b].vertex, m_nodes[c].vertex});
    }

    // The main loop: cut ears while there are any; when none is left, retry
    // after filtering, then after curing small self-intersections, then by
    // splitting the rest in two.
    void clipEars(std::size_t ear, int pass) {
        if (ear == kNone) return;
        if (pass == 0 && hashed()) indexCurve(ear);
        std::size_t stop = ear;
        while (prev(ear) != next(ear)) {
            const std::size_t before = prev(ear), after = next(ear);
            if (isEar(ear)) {
                emit(before, ear, after);
                removeNode(ear);
                // skipping the next vertex leaves fewer sliver triangles
                ear = next(after);
                stop = next(after);
                continue;
            }
            ear = after;
            if (ear == stop) {
                if (pass == 0) {
                    clipEars(filterPoints(ear), 1);
                } else if (pass == 1) {
                    clipEars(cureLocalIntersections(filterPoints(ear)), 2);
                } else {
                    splitAndClip(ear);
                }
                break;
            }
        }
    }

    static bool inTriangle(Vec2 a, Vec2 b, Vec2 c, Vec2 p) {
        return cross(a - p, b - p) >= 0.0 && cross(b - p, c - p) >= 0.0 && cross(c - p, a - p) >= 0.0;
    }

    // A convex vertex whose triangle holds no reflex vertex of the ring.
    bool isEar(std::size_t ear) {
        const std::size_t a = prev(ear), c = next(ear);
        if (turnAt(a, ear, c) <= 0.0) return false;
        const Vec2 pa = at(a), pb = at(ear), pc = at(c);
        const double x0 = std::min({pa.x, pb.x, pc.x}), x1 = std::max({pa.x, pb.x, pc.x});
        const double y0 = std::min({pa.y, pb.y, pc.y}), y1 = std::max({pa.y, pb.y, pc.y});
        if (hashed()) {
            // the same test, on the vertices whose z-order lies within the triangle's box's
            const std::uint32_t z0 = zOrder({x0, y0}), z1 = zOrder({x1, y1});
            auto blocks = [&](std::size_t p) {
                const Vec2 q = at(p);
                return p != a && p != c && q.x >= x0 && q.x <= x1 && q.y >= y0 && q.y <= y1 && !(q == pa) &&
                       inTriangle(pa, pb, pc, q) && turnAt(prev(p), p, next(p)) <= 0.0;
            };
            for (std::size_t p = m_nodes[ear].prevZ; p != kNone && m_nodes[p].z >= z0; p = m_nodes[p].prevZ)
                if (blocks(p)) return false;
            for (std::size_t p = m_nodes[ear].nextZ; p != kNone && m_nodes[p].z <= z1; p = m_nodes[p].nextZ)
                if (blocks(p)) return false;
            return true;
        }
        for (std::size_t p = next(c); p != a; p = next(p)) {
            const Vec2 q = at(p);
            if (q.x >= x0 && q.x <= x1 && q.y >= y0 && q.y <= y1 && !(q == pa) && inTriangle(pa, pb, pc, q) &&
                turnAt(prev(p), p, next(p)) <= 0.0)
                return false;
        }
        return true;
    }

    std::size_t cureLocalIntersections(std::size_t start) {
        std::size_t p = start;
        do {
            const std::size_t a = prev(p), b = next(next(p));
            if (!same(a, b) && intersects(at(a), at(p), at(next(p)), at(b)) && locallyInside(a, b) &&
                locallyInside(b, a)) {
                emit(a, p, b);
                removeNode(p);
                removeNode(next(p));
                p = start = b;
            }
            p = next(p);
        } while (p != start);
        return filterPoints(p);
    }

    void splitAndClip(std::size_t start) {
        std::size_t a = start;
        do {
            for (std::size_t b = next(next(a)); b != prev(a); b = next(b)) {
                if (m_nodes[a].vertex != m_nodes[b].vertex && isValidDiagonal(a, b)) {
                    std::size_t c = splitPolygon(a, b);
                    a = filterPoints(a, next(a));
                    c = filterPoints(c, next(c));
                    clipEars(a, 0);
                    clipEars(c, 0);
                    return;
                }
            }
            a = next(a);
        } while (a != start);
    }

    // Holes, leftmost first, each bridged to the ring built so far.
    std::size_t eliminateHoles(const std::vector<std::size_t>& ringStarts, std::size_t outer) {
        std::vector<std::size_t> leftmost;
        for (std::size_t h = 1; h < ringStarts.size(); ++h) {
            const std::size_t end = h + 1 < ringStarts.size() ? ringStarts[h + 1] : m_vertices.size();
            const std::size_t list = linkedRing(ringStarts[h], end, false);
            if (list == kNone) continue;
            if (list == next(list)) m_nodes[list].steiner = true;
            leftmost.push_back(leftmostNode(list));
        }
        std::sort(leftmost.begin(), leftmost.end(), [&](std::size_t a, std::size_t b) {
            const Vec2 pa = at(a), pb = at(b);
            return std::tie(pa.x, pa.y, a) < std::tie(pb.x, pb.y, b);
        });
        for (std::size_t hole : leftmost)
            outer = eliminateHole(hole, outer);
        return outer;
    }

    std::size_t leftmostNode(std::size_t start) {
        std::size_t best = start, p = start;
        do {
            if (at(p).x < at(best).x || (at(p).x == at(best).x && at(p).y < at(best).y)) best = p;
            p = next(p);
        } while (p != start);
        return best;
    }

    std::size_t eliminateHole(std::size_t hole, std::size_t outer) {
        const std::size_t bridge = findHoleBridge(hole, outer);
        if (bridge == kNone) return outer;
        const std::size_t bridgeReverse = splitPolygon(bridge, hole);
        filterPoints(bridgeReverse, next(bridgeReverse));
        return filterPoints(bridge, next(bridge));
    }

    // Eberly's bridge: cast a ray left from the hole's leftmost point; the
    // nearest edge it hits gives a candidate vertex, and a reflex vertex inside
    // the triangle (hole point, hit point, candidate) at the smallest angle to
    // the ray beats it.
    std::size_t findHoleBridge(std::size_t hole, std::size_t outer) {
        const double hx = at(hole).x, hy = at(hole).y;
        double qx = -kInfinity;
        std::size_t m = kNone;
        std::size_t p = outer;
        if (same(hole, p)) return p;
        do {
            const Vec2 a = at(p), b = at(next(p));
            if (same(hole, next(p))) return next(p);
            if (hy <= a.y && hy >= b.y && b.y != a.y) {
                const double x = a.x + (hy - a.y) * (b.x - a.x) / (b.y - a.y);
                if (x <= hx && x > qx) {
                    qx = x;
                    m = a.x < b.x ? p : next(p);
                    if (x == hx) return m; // the hole touches this edge
                }
            }
            p = next(p);
        } while (p != outer);
        if (m == kNone) return kNone;

        const std::size_t stop = m;
        const double mx = at(m).x, my = at(m).y;
        double tanMin = kInfinity;
        p = m;
        do {
            const Vec2 q = at(p);
            if (hx >= q.x && q.x >= mx && hx != q.x &&
                inTriangle({hy < my ? hx : qx, hy}, {mx, my}, {hy < my ? qx : hx, hy}, q)) {
                const double tangent = std::fabs(hy - q.y) / (hx - q.x);
                if (locallyInside(p, hole) &&
                    (tangent < tanMin ||
                     (tangent == tanMin &&
                      (q.x > at(m).x || (q.x == at(m).x && sectorContainsSector(m, p)))))) {
                    m = p;
                    tanMin = tangent;
                }
            }
            p = next(p);
        } while (p != stop);
        return m;
    }

    bool sectorContainsSector(std::size_t m, std::size_t p) {
        return turnAt(prev(m), m, prev(p)) > 0.0 && turnAt(next(p), m, next(m)) > 0.0;
    }

    static int sign(double v) { return v > 0.0 ? 1 : (v < 0.0 ? -1 : 0); }
    static bool onSegmentBox(Vec2 p, Vec2 q, Vec2 r) {
        return q.x <= std::max(p.x, r.x) && q.x >= std::min(p.x, r.x) && q.y <= std::max(p.y, r.y) &&
               q.y >= std::min(p.y, r.y);
    }
    static bool intersects(Vec2 p1, Vec2 q1, Vec2 p2, Vec2 q2) {
        const int o1 = sign(turn(p1, q1, p2)), o2 = sign(turn(p1, q1, q2));
        const int o3 = sign(turn(p2, q2, p1)), o4 = sign(turn(p2, q2, q1));
        if (o1 != o2 && o3 != o4) return true;
        if (o1 == 0 && onSegmentBox(p1, p2, q1)) return true;
        if (o2 == 0 && onSegmentBox(p1, q2, q1)) return true;
        if (o3 == 0 && onSegmentBox(p2, p1, q2)) return true;
        if (o4 == 0 && onSegmentBox(p2, q1, q2)) return true;
        return false;
    }

    bool intersectsPolygon(std::size_t a, std::size_t b) {
        const std::size_t va = m_nodes[a].vertex, vb = m_nodes[b].vertex;
        std::size_t p = a;
        do {
            const std::size_t vp = m_nodes[p].vertex, vn = m_nodes[next(p)].vertex;
            if (vp != va && vn != va && vp != vb && vn != vb && intersects(at(p), at(next(p)), at(a), at(b)))
                return true;
            p = next(p);
        } while (p != a);
        return false;
    }

    // Whether the diagonal a-b leaves a into the polygon's side.
    bool locallyInside(std::size_t a, std::size_t b) {
        return turnAt(prev(a), a, next(a)) > 0.0
                   ? turnAt(a, b, next(a)) <= 0.0 && turnAt(a, prev(a), b) <= 0.0
                   : turnAt(a, b, prev(a)) > 0.0 || turnAt(a, next(a), b) > 0.0;
    }

    bool middleInside(std::size_t a, std::size_t b) {
        const Vec2 mid = (at(a) + at(b)) * 0.5;
        bool inside = false;
        std::size_t p = a;
        do {
            const Vec2 s = at(p), e = at(next(p));
            if ((s.y > mid.y) != (e.y > mid.y) && e.y != s.y &&
                mid.x < (e.x - s.x) * (mid.y - s.y) / (e.y - s.y) + s.x)
                inside = !inside;
            p = next(p);
        } while (p != a);
        return inside;
    }

    bool isValidDiagonal(std::size_t a, std::size_t b) {
        const std::size_t vb = m_nodes[b].vertex;
        if (m_nodes[next(a)].vertex == vb || m_nodes[prev(a)].vertex == vb || intersectsPolygon(a, b))
            return false;
        const bool visible = locallyInside(a, b) && locallyInside(b, a) && middleInside(a, b) &&
                             (turnAt(prev(a), a, prev(b)) != 0.0 || turnAt(a, prev(b), b) != 0.0);
        const bool zeroLength =
            same(a, b) && turnAt(prev(a), a, next(a)) < 0.0 && turnAt(prev(b), b, next(b)) < 0.0;
        return visible || zeroLength;
    }

    // Links a to b by a diagonal (or a bridge), duplicating both; returns b's copy.
    std::size_t splitPolygon(std::size_t a, std::size_t b) {
        const std::size_t a2 = m_nodes.size();
        m_nodes.push_back(node(m_nodes[a].vertex, at(a)));
        const std::size_t b2 = m_nodes.size();
        m_nodes.push_back(node(m_nodes[b].vertex, at(b)));
        const std::size_t an = next(a), bp = prev(b);
        next(a) = b;
        prev(b) = a;
        next(a2) = an;
        prev(an) = a2;
        next(b2) = a2;
        prev(a2) = b2;
        next(bp) = b2;
        prev(b2) = bp;
        return b2;
    }

    const std::vector<Vec2>& m_vertices;
    Vec2 m_origin;        ///< the z-order grid's corner
    double m_scale = 0.0; ///< grid cells per metre; 0: no hash
    std::vector<Node> m_nodes;
    std::vector<Triangle> m_triangles;
};

// A ring made ready for splitting: repeats dropped, vertices closer than
// minEdge to the previous kept one dropped, straight vertices dropped.
Ring simplifiedRing(const Ring& ring, double minEdge) {
    Ring out;
    for (Vec2 p : withoutRepeats(ring))
        if (out.empty() || distance(out.back(), p) >= minEdge) out.push_back(p);
    while (out.size() > 1 && distance(out.back(), out.front()) < minEdge)
        out.pop_back();
    // straight vertices, until none is left (removing one can straighten a neighbour)
    bool removed = true;
    while (removed && out.size() >= 3) {
        removed = false;
        for (std::size_t i = 0; i < out.size() && out.size() >= 3; ++i) {
            const std::size_t n = out.size();
            if (isStraight(out[(i + n - 1) % n], out[i], out[(i + 1) % n])) {
                out.erase(out.begin() + static_cast<std::ptrdiff_t>(i));
                removed = true;
            }
        }
    }
    return out;
}

// Whether a closed loop of points turns left or goes straight at every vertex.
bool isConvexLoop(const std::vector<Vec2>& loop) {
    const std::size_t n = loop.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2 a = loop[(i + n - 1) % n], b = loop[i], c = loop[(i + 1) % n];
        if (!(turn(a, b, c) > 0.0 || isStraight(a, b, c))) return false;
    }
    return true;
}

// Vertices of a loop that are corners, not straight points along an edge.
std::size_t cornerCount(const std::vector<Vec2>& loop) {
    const std::size_t n = loop.size();
    std::size_t corners = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (!isStraight(loop[(i + n - 1) % n], loop[i], loop[(i + 1) % n])) ++corners;
    return corners;
}

// Hertel-Mehlhorn: pieces start as triangles; each diagonal, longest first,
// is removed when the two pieces it separates make one convex piece of at
// most maxVertices corners. One pass is enough: pieces only grow, so a merge
// refused once stays refused.
std::vector<std::vector<std::size_t>> mergeConvex(const std::vector<Vec2>& vertices,
                                                  const std::vector<Triangle>& triangles,
                                                  std::size_t maxVertices) {
    std::vector<std::vector<std::size_t>> pieces;
    for (const Triangle& t : triangles)
        pieces.push_back({t[0], t[1], t[2]});
    std::vector<std::size_t> owner(pieces.size());
    for (std::size_t i = 0; i < owner.size(); ++i)
        owner[i] = i;
    auto find = [&](std::size_t i) {
        while (owner[i] != i)
            i = owner[i] = owner[owner[i]];
        return i;
    };

    // the diagonals: edges that two triangles share, in opposite directions
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> edgeOf;
    for (std::size_t t = 0; t < triangles.size(); ++t)
        for (std::size_t k = 0; k < 3; ++k)
            edgeOf[{triangles[t][k], triangles[t][(k + 1) % 3]}] = t;
    struct Diagonal {
        std::size_t u, v, left, right;
        double length;
    };
    std::vector<Diagonal> diagonals;
    for (const auto& [edge, t] : edgeOf) {
        const auto twin = edgeOf.find({edge.second, edge.first});
        if (twin != edgeOf.end() && edge.first < edge.second && twin->second != t)
            diagonals.push_back({edge.first, edge.second, t, twin->second,
                                 distance(vertices[edge.first], vertices[edge.second])});
    }
    std::stable_sort(diagonals.begin(), diagonals.end(),
                     [](const Diagonal& a, const Diagonal& b) { return a.length > b.length; });

    for (const Diagonal& d : diagonals) {
        const std::size_t pa = find(d.left), pb = find(d.right);
        if (pa == pb) continue;
        const std::vector<std::size_t>& a = pieces[pa];
        const std::vector<std::size_t>& b = pieces[pb];
        // where the diagonal sits in each piece: u->v in a, v->u in b
        auto position = [](const std::vector<std::size_t>& loop, std::size_t from, std::size_t to) {
            for (std::size_t i = 0; i < loop.size(); ++i)
                if (loop[i] == from && loop[(i + 1) % loop.size()] == to) return i;
            return loop.size();
        };
        const std::size_t i = position(a, d.u, d.v), j = position(b, d.v, d.u);
        if (i == a.size() || j == b.size()) continue;
        // a from v round to u, then b's vertices strictly between u and v
        std::vector<std::size_t> joined;
        for (std::size_t k = 1; k <= a.size(); ++k)
            joined.push_back(a[(i + k) % a.size()]);
        for (std::size_t k = 2; k < b.size(); ++k)
            joined.push_back(b[(j + k) % b.size()]);
        std::vector<std::size_t> unique = joined;
        std::sort(unique.begin(), unique.end());
        if (std::adjacent_find(unique.begin(), unique.end()) != unique.end()) continue;
        std::vector<Vec2> loop;
        for (std::size_t v : joined)
            loop.push_back(vertices[v]);
        if (!isConvexLoop(loop) || cornerCount(loop) > maxVertices) continue;
        pieces[pa] = std::move(joined);
        pieces[pb].clear();
        owner[pb] = pa;
    }
    std::vector<std::vector<std::size_t>> out;
    for (auto& piece : pieces)
        if (!piece.empty()) out.push_back(std::move(piece));
    return out;
}

// A piece made fit for Box2D: straight vertices dropped, vertices closer than
// minEdge dropped. Dropping a vertex of a convex polygon keeps it convex.
Ring finishedPiece(Ring piece, double minEdge) {
    bool changed = true;
    while (changed && piece.size() >= 3) {
        changed = false;
        for (std::size_t i = 0; i < piece.size() && piece.size() >= 3; ++i) {
            const std::size_t n = piece.size();
            if (isStraight(piece[(i + n - 1) % n], piece[i], piece[(i + 1) % n])) {
                piece.erase(piece.begin() + static_cast<std::ptrdiff_t>(i));
                changed = true;
            }
        }
        for (std::size_t i = 0; i < piece.size() && piece.size() >= 3; ++i) {
            if (distance(piece[i], piece[(i + 1) % piece.size()]) < minEdge) {
                piece.erase(piece.begin() + static_cast<std::ptrdiff_t>((i + 1) % piece.size()));
                changed = true;
            }
        }
    }
    return piece;
}

} // namespace

// Features smaller than minEdge are smoothed away first (close vertices
// merged), so the pieces cover the polygon so simplified. A piece can still
// meet a vertex closer than minEdge across a narrow gap (a notch narrower than
// minEdge, a hole that close to the outer ring); that vertex is dropped from
// the piece, which then no longer tiles its neighbours exactly.
std::vector<Ring> convexSplit(const Polygon& polygon, const ConvexLimits& limits) {
    const std::size_t maxVertices = std::max<std::size_t>(3, limits.maxVertices);
    const double minEdge = std::max(0.0, limits.minEdge);

    // one vertex array: the outer ring counter-clockwise, then each hole clockwise
    Ring outer = simplifiedRing(polygon.outer, minEdge);
    if (outer.size() < 3) return {};
    if (signedArea(outer) < 0.0) std::reverse(outer.begin(), outer.end());
    std::vector<Vec2> vertices = outer;
    std::vector<std::size_t> ringStarts = {0};
    for (const Ring& hole : polygon.holes) {
        Ring ring = simplifiedRing(hole, minEdge);
        if (ring.size() < 3) continue;
        if (signedArea(ring) > 0.0) std::reverse(ring.begin(), ring.end());
        ringStarts.push_back(vertices.size());
        vertices.insert(vertices.end(), ring.begin(), ring.end());
    }

    // triangles, counter-clockwise, without slivers of no area
    std::vector<Triangle> triangles;
    for (Triangle t : EarClipper(vertices).triangulate(ringStarts)) {
        const double twice = turn(vertices[t[0]], vertices[t[1]], vertices[t[2]]);
        if (twice == 0.0) continue;
        if (twice < 0.0) std::swap(t[1], t[2]);
        triangles.push_back(t);
    }

    // merged into convex pieces, each made fit for Box2D
    std::vector<Ring> out;
    for (const auto& piece : mergeConvex(vertices, triangles, maxVertices)) {
        Ring ring;
        for (std::size_t v : piece)
            ring.push_back(vertices[v]);
        ring = finishedPiece(std::move(ring), minEdge);
        if (ring.size() < 3 || signedArea(ring) == 0.0) continue;
        if (signedArea(ring) < 0.0) std::reverse(ring.begin(), ring.end());
        out.push_back(std::move(ring));
    }
    return out;
}

// The vertices sit at r / cos(pi / n) so that the middle of every edge
// touches the circle: the polygon contains it.
Ring circleRing(const Circle& circle, std::size_t segments) {
    const std::size_t n = std::max<std::size_t>(3, segments);
    const double reach = circle.radius / std::cos(std::numbers::pi / static_cast<double>(n));
    Ring ring;
    for (std::size_t i = 0; i < n; ++i)
        ring.push_back(onCircle(circle.center, reach,
                                2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n)));
    return ring;
}

} // namespace nofly::core
