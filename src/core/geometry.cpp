// Plane geometry for zones: containment, distances, crossings of flight legs,
// validation messages for scenario writers and the convex split that Box2D
// needs. Everything is in metres in the local east/north plane.
//
// Tolerance. A point closer to a boundary than
//     kAbsoluteTolerance + kRelativeTolerance * (largest coordinate magnitude)
// counts as on it, and so inside. 1e-9 m is far below anything a scenario can
// mean and far above the rounding of metre-scale arithmetic. Rounding grows
// with the coordinates (one unit in the last place is 1.2e-10 m at 1000 km),
// so the tolerance grows too, by 1e-14 of the magnitude (about 90 units in the
// last place); within a few thousand kilometres of the origin the 1e-9 m
// dominates. Repeated vertices are dropped only when exactly equal, and the
// ear clipper decides on exact signs, as earcut does.
#include "core/geometry.hpp"

#include "core/detail/plane.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <tuple>
#include <utility>

namespace nofly::core {

using detail::addRingMeetings;
using detail::distinctPointCount;
using detail::isStraight;
using detail::keptVertices;
using detail::kZeroAreaFraction;
using detail::onCircle;
using detail::pointInside;
using detail::Side;
using detail::sideOfRing;
using detail::sortedCuts;
using detail::toleranceAt;
using detail::turn;
using detail::withoutRepeats;

double dot(Vec2 a, Vec2 b) {
    return a.x * b.x + a.y * b.y;
}
double cross(Vec2 a, Vec2 b) {
    return a.x * b.y - a.y * b.x;
}
double length(Vec2 a) {
    return std::hypot(a.x, a.y);
}
double distance(Vec2 a, Vec2 b) {
    return length(b - a);
}

namespace {

constexpr double kAbsoluteTolerance = 1e-9;  // [m]
constexpr double kRelativeTolerance = 1e-14; // of a coordinate's magnitude
// A vertex closer than this fraction of its neighbours' distance to the line
// through them is straight: Box2D works in single precision (epsilon 1.2e-7),
// where such a vertex is collinear, and removing it moves area by at most
// that fraction of the square of the edge.
constexpr double kStraightTolerance = 1e-7;
constexpr double kInfinity = std::numeric_limits<double>::infinity();

double toleranceFor(double magnitude) {
    return kAbsoluteTolerance + kRelativeTolerance * magnitude;
}
} // namespace

double detail::toleranceAt(Vec2 p) {
    return toleranceFor(std::max(std::fabs(p.x), std::fabs(p.y)));
}

namespace {

Vec2 perpendicular(Vec2 a) {
    return {-a.y, a.x};
}

// --- points and segments ------------------------------------------------------

// Parameter in [0, 1] of the point of segment a-b nearest to p.
double nearestParameter(Vec2 p, Vec2 a, Vec2 b) {
    const Vec2 d = b - a;
    const double dd = dot(d, d);
    if (dd == 0.0) return 0.0;
    return std::clamp(dot(p - a, d) / dd, 0.0, 1.0);
}

double distanceToSegment(Vec2 p, Vec2 a, Vec2 b) {
    return distance(p, a + (b - a) * nearestParameter(p, a, b));
}

// Whether p is within tol of segment a-b, with a cheap box test first.
bool nearSegment(Vec2 p, Vec2 a, Vec2 b, double tol) {
    if (p.x < std::min(a.x, b.x) - tol || p.x > std::max(a.x, b.x) + tol) return false;
    if (p.y < std::min(a.y, b.y) - tol || p.y > std::max(a.y, b.y) + tol) return false;
    return distanceToSegment(p, a, b) <= tol;
}

} // namespace

// --- shared with the convex split (detail/plane.hpp) ----------------------------

namespace detail {

// Positive when a->b->c turns left (counter-clockwise).
double turn(Vec2 a, Vec2 b, Vec2 c) {
    return cross(b - a, c - b);
}

// Whether b lies on the straight line from a to c, between them, within
// kStraightTolerance of |ac|; coincident neighbours are never straight.
bool isStraight(Vec2 a, Vec2 b, Vec2 c) {
    const double span = distance(a, c);
    const double tol = toleranceAt(b);
    if (distance(a, b) <= tol || distance(b, c) <= tol) return false;
    return distanceToSegment(b, a, c) <= kStraightTolerance * span + tol;
}

} // namespace detail

namespace {

// Distance from p to the polyline; +infinity for an empty one.
double distanceToPath(const std::vector<Vec2>& path, Vec2 p) {
    if (path.empty()) return kInfinity;
    double best = distance(p, path.front());
    for (std::size_t i = 1; i < path.size(); ++i)
        best = std::min(best, distanceToSegment(p, path[i - 1], path[i]));
    return best;
}

} // namespace

// The vertices of a ring with repeats dropped: of each run of equal
// consecutive vertices (the closing repeat included) the last is kept, so a
// kept index k is followed in the caller's ring by the next distinct vertex.
std::vector<std::size_t> detail::keptVertices(const Ring& ring) {
    std::vector<std::size_t> kept;
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i)
        if (!(ring[i] == ring[(i + 1) % n])) kept.push_back(i);
    if (kept.empty() && n > 0) kept.push_back(n - 1); // every vertex is the same point
    return kept;
}

Ring detail::withoutRepeats(const Ring& ring) {
    Ring out;
    for (std::size_t i : keptVertices(ring))
        out.push_back(ring[i]);
    return out;
}

std::size_t detail::distinctPointCount(const Ring& ring) {
    std::vector<std::pair<double, double>> points;
    for (Vec2 p : ring)
        points.emplace_back(p.x, p.y);
    std::sort(points.begin(), points.end());
    return static_cast<std::size_t>(std::unique(points.begin(), points.end()) - points.begin());
}

namespace {

// Calls edge(a, b) for every edge of a ring, closing edge included, skipping
// zero-length edges.
template <typename Edge> void forEachEdge(const Ring& ring, Edge&& edge) {
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2 a = ring[i], b = ring[(i + 1) % n];
        if (!(a == b)) edge(a, b);
    }
}

// Where a segment meets another: the parameters along a->b (0..1) of a
// crossing, of a touch, or of both ends of a collinear overlap. The endpoint
// tests catch touches and overlaps within tolerance; the crossing itself is
// found from the signed distances of a and b to the line c-d, which stays
// well conditioned for shallow angles.
void addMeetings(Vec2 a, Vec2 b, Vec2 c, Vec2 d, std::vector<double>& out) {
    const double tol =
        toleranceFor(std::max({std::fabs(a.x), std::fabs(a.y), std::fabs(b.x), std::fabs(b.y), std::fabs(c.x),
                               std::fabs(c.y), std::fabs(d.x), std::fabs(d.y)}));
    // Boxes further apart than tol cannot meet: every test below would say no. Most pairs a ring
    // check asks about are such, and this spares them two square roots (a country's land is
    // checked edge against edge before the window draws it).
    if (std::max(c.x, d.x) < std::min(a.x, b.x) - tol || std::min(c.x, d.x) > std::max(a.x, b.x) + tol ||
        std::max(c.y, d.y) < std::min(a.y, b.y) - tol || std::min(c.y, d.y) > std::max(a.y, b.y) + tol)
        return;
    const double lenAB = distance(a, b), lenCD = distance(c, d);
    if (lenAB == 0.0) return;
    // the ends of one lying on the other
    if (nearSegment(c, a, b, tol)) out.push_back(nearestParameter(c, a, b));
    if (nearSegment(d, a, b, tol)) out.push_back(nearestParameter(d, a, b));
    if (lenCD == 0.0) return;
    if (nearSegment(a, c, d, tol)) out.push_back(0.0);
    if (nearSegment(b, c, d, tol)) out.push_back(1.0);
    // a proper crossing: each segment's ends strictly on both sides of the other's line
    const double sc = cross(b - a, c - a) / lenAB, sd = cross(b - a, d - a) / lenAB;
    const double sa = cross(d - c, a - c) / lenCD, sb = cross(d - c, b - c) / lenCD;
    const bool cdStraddles = (sc > tol && sd < -tol) || (sc < -tol && sd > tol);
    const bool abStraddles = (sa > tol && sb < -tol) || (sa < -tol && sb > tol);
    if (cdStraddles && abStraddles) out.push_back(sa / (sa - sb));
}

// Parameters along a->b (0..1) where it meets the circle (centre c, radius r).
void addCircleMeetings(Vec2 a, Vec2 b, Vec2 c, double r, std::vector<double>& out) {
    const double len = distance(a, b);
    if (len == 0.0) return;
    const Vec2 e = (b - a) * (1.0 / len);
    const double along = dot(c - a, e);               // foot of the perpendicular from the centre
    const double offset = std::fabs(cross(e, c - a)); // distance of the centre from the line
    if (offset > r + toleranceFor(std::max(std::fabs(c.x), std::fabs(c.y)) + r)) return;
    const double half = offset >= r ? 0.0 : std::sqrt((r - offset) * (r + offset));
    // a meeting at an end (a corridor's side touching its vertex circle) may
    // round to just outside the segment: keep it
    const double tol = toleranceAt(a) + toleranceAt(b);
    for (double s : {along - half, along + half})
        if (s >= -tol && s <= len + tol) out.push_back(std::clamp(s / len, 0.0, 1.0));
}

} // namespace

// Sorted cut parameters with 0 and 1, near-duplicates (closer than tolParam) merged.
std::vector<double> detail::sortedCuts(std::vector<double> cuts, double tolParam) {
    cuts.push_back(0.0);
    cuts.push_back(1.0);
    for (double& t : cuts)
        t = std::clamp(t, 0.0, 1.0);
    std::sort(cuts.begin(), cuts.end());
    std::vector<double> out;
    for (double t : cuts)
        if (out.empty() || t - out.back() > tolParam) out.push_back(t);
    if (out.back() != 1.0) {
        if (out.size() > 1)
            out.back() = 1.0;
        else
            out.push_back(1.0);
    }
    return out;
}

// Where a->b is cut by the edges of a ring, as sorted parameters from 0 to 1.
void detail::addRingMeetings(Vec2 a, Vec2 b, const Ring& ring, std::vector<double>& out) {
    forEachEdge(ring, [&](Vec2 c, Vec2 d) { addMeetings(a, b, c, d, out); });
}

// --- rings: which side of a ring a point is on ----------------------------------

// The crossing rule (a ray to +x, each edge counted half-open in y) decides
// inside from outside; an explicit distance test first catches the boundary,
// so the rule never has to be right about points on an edge. Parity makes
// the winding irrelevant and lets zero-width spikes cancel out.
Side detail::sideOfRing(const Ring& ring, Vec2 p) {
    const std::size_t n = ring.size();
    if (n == 0) return Side::Outside;
    const double tol = toleranceAt(p);
    bool inside = false;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const Vec2 a = ring[j], b = ring[i];
        if (nearSegment(p, a, b, tol)) return Side::Boundary;
        if ((a.y > p.y) != (b.y > p.y)) {
            const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if (p.x < x) inside = !inside;
        }
    }
    return inside ? Side::Inside : Side::Outside;
}

namespace {

Side sideOfPolygon(const Polygon& polygon, Vec2 p) {
    const Side outer = sideOfRing(polygon.outer, p);
    if (outer != Side::Inside) return outer;
    Side side = Side::Inside;
    for (const Ring& hole : polygon.holes) {
        const Side inHole = sideOfRing(hole, p);
        if (inHole == Side::Inside) return Side::Outside;
        if (inHole == Side::Boundary) side = Side::Boundary;
    }
    return side;
}

} // namespace

// A point strictly inside a ring with at least 3 distinct points and some
// area: the horizontal line through the widest gap between vertex heights
// meets no vertex, and the middle of its widest inside stretch is inside.
Vec2 detail::pointInside(const Ring& ring) {
    std::vector<double> heights;
    for (Vec2 p : ring)
        heights.push_back(p.y);
    std::sort(heights.begin(), heights.end());
    heights.erase(std::unique(heights.begin(), heights.end()), heights.end());
    if (heights.size() < 2) return ring.empty() ? Vec2{} : ring.front();
    std::size_t gap = 1;
    for (std::size_t i = 2; i < heights.size(); ++i)
        if (heights[i] - heights[i - 1] > heights[gap] - heights[gap - 1]) gap = i;
    const double y = 0.5 * (heights[gap] + heights[gap - 1]);
    // crossings of the line, left to right; between pairs the line is inside
    std::vector<double> xs;
    forEachEdge(ring, [&](Vec2 a, Vec2 b) {
        if ((a.y > y) != (b.y > y)) xs.push_back(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
    });
    std::sort(xs.begin(), xs.end());
    Vec2 best = ring.front();
    double widest = -1.0;
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
        if (xs[i + 1] - xs[i] > widest) {
            widest = xs[i + 1] - xs[i];
            best = {0.5 * (xs[i] + xs[i + 1]), y};
        }
    }
    return best;
}

namespace {

// --- parts of a region ---------------------------------------------------------

bool strictlyInside(const Polygon& polygon, Vec2 p) {
    return sideOfPolygon(polygon, p) == Side::Inside;
}
bool strictlyInside(const Circle& circle, Vec2 p) {
    return distance(p, circle.center) < circle.radius - toleranceAt(p);
}
bool strictlyInside(const Corridor& corridor, Vec2 p) {
    return distanceToPath(corridor.path, p) < corridor.halfWidth - toleranceAt(p);
}
// Inside some part and not on that part's boundary.
bool strictlyInside(const Region& region, Vec2 p) {
    for (const Polygon& polygon : region.polygons)
        if (strictlyInside(polygon, p)) return true;
    for (const Circle& circle : region.circles)
        if (strictlyInside(circle, p)) return true;
    for (const Corridor& corridor : region.corridors)
        if (strictlyInside(corridor, p)) return true;
    return false;
}

double distanceToEdges(const Polygon& polygon, Vec2 p) {
    double best = kInfinity;
    auto edge = [&](Vec2 a, Vec2 b) { best = std::min(best, distanceToSegment(p, a, b)); };
    forEachEdge(polygon.outer, edge);
    for (const Ring& hole : polygon.holes)
        forEachEdge(hole, edge);
    if (best == kInfinity && !polygon.outer.empty()) best = distance(p, polygon.outer.front());
    return best;
}

// Area of a corridor: two rectangles' worth per unit of path, a disc for the
// two end caps, and at each turn by exterior angle theta a circular sector of
// h^2 theta/2 on the outer side minus the kite h^2 tan(theta/2) where the
// rectangles overlap on the inner side. Exact while the corridor does not
// overlap itself; when a turn is so sharp that the kite runs past a leg, the
// kite is capped at that leg, which keeps the figure sane but approximate.
double corridorArea(const Corridor& corridor) {
    const double h = corridor.halfWidth;
    const Ring path = [&] {
        Ring out;
        for (Vec2 p : corridor.path)
            if (out.empty() || !(out.back() == p)) out.push_back(p);
        return out;
    }();
    if (path.empty() || h <= 0.0) return 0.0;
    double total = std::numbers::pi * h * h;
    for (std::size_t i = 1; i < path.size(); ++i)
        total += 2.0 * h * distance(path[i - 1], path[i]);
    for (std::size_t i = 1; i + 1 < path.size(); ++i) {
        const Vec2 in = path[i] - path[i - 1], out = path[i + 1] - path[i];
        const double theta = std::atan2(std::fabs(cross(in, out)), dot(in, out));
        const double shortestLeg = std::min(length(in), length(out));
        const double kite = std::min(std::tan(0.5 * theta), shortestLeg / h);
        total += h * h * (0.5 * theta - kite);
    }
    return total;
}

// --- stretches of a segment inside a part ------------------------------------

// The stretch of a->b (distances from a; len = |ab| > 0) inside a disc.
std::optional<Interval> discStretch(Vec2 a, Vec2 b, double len, Vec2 c, double r) {
    const Vec2 e = (b - a) * (1.0 / len);
    const double tol = toleranceFor(std::max(std::fabs(c.x), std::fabs(c.y)) + r);
    // the quadratic |a + s e - c|^2 = r^2, solved around the foot of the
    // perpendicular from the centre, which keeps tangents exact
    const double along = dot(c - a, e);
    const double offset = std::fabs(cross(e, c - a));
    if (offset > r + tol) return std::nullopt;
    const double half = offset >= r ? 0.0 : std::sqrt((r - offset) * (r + offset));
    double enter = std::max(0.0, along - half);
    double leave = std::min(len, along + half);
    if (enter > leave + tol) return std::nullopt;
    if (enter > leave) enter = leave = std::clamp(enter, 0.0, len);
    return Interval{enter, leave};
}

// The stretch of a->b inside the rectangle swept by the segment p0-p1 with
// half width h (a capsule without its end discs), by Liang-Barsky clipping in
// the rectangle's own frame.
std::optional<Interval> rectangleStretch(Vec2 a, Vec2 b, double len, Vec2 p0, Vec2 p1, double h) {
    const double span = distance(p0, p1);
    if (span == 0.0) return std::nullopt;
    const Vec2 e = (p1 - p0) * (1.0 / span), n = perpendicular(e);
    const double ua = dot(a - p0, e), va = dot(a - p0, n);
    const double du = dot(b - a, e), dv = dot(b - a, n);
    const double tol = toleranceAt(a) + toleranceAt(b) + toleranceAt(p0);
    double t0 = 0.0, t1 = 1.0;
    // one constraint move * t <= room; a move smaller than the tolerance is parallel
    auto clip = [&](double move, double room) {
        if (std::fabs(move) <= tol) return room >= -tol;
        const double t = room / move;
        if (move < 0.0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        return true;
    };
    if (!clip(-du, ua) || !clip(du, span - ua) || !clip(-dv, va + h) || !clip(dv, h - va))
        return std::nullopt;
    if (t0 > t1 + tol / len) return std::nullopt;
    if (t0 > t1) t1 = t0;
    return Interval{t0 * len, t1 * len};
}

// The stretches of a->b inside a polygon: cut the segment wherever it meets
// an edge, then each piece between cuts is wholly in or out, and its middle
// tells which; each cut itself is on the boundary, so inside.
void addPolygonStretches(Vec2 a, Vec2 b, double len, const Polygon& polygon, std::vector<Interval>& out) {
    std::vector<double> raw;
    addRingMeetings(a, b, polygon.outer, raw);
    for (const Ring& hole : polygon.holes)
        addRingMeetings(a, b, hole, raw);
    const double tol = toleranceAt(a) + toleranceAt(b);
    const std::vector<double> cuts = sortedCuts(std::move(raw), tol / len);
    auto at = [&](double t) { return a + (b - a) * t; };
    for (std::size_t i = 0; i < cuts.size(); ++i) {
        if (contains(polygon, at(cuts[i]))) out.push_back({cuts[i] * len, cuts[i] * len});
        if (i + 1 < cuts.size() && contains(polygon, at(0.5 * (cuts[i] + cuts[i + 1]))))
            out.push_back({cuts[i] * len, cuts[i + 1] * len});
    }
}

void addCorridorStretches(Vec2 a, Vec2 b, double len, const Corridor& corridor, std::vector<Interval>& out) {
    const double h = corridor.halfWidth;
    if (h < 0.0) return;
    for (std::size_t i = 0; i < corridor.path.size(); ++i) {
        if (auto s = discStretch(a, b, len, corridor.path[i], h)) out.push_back(*s);
        if (i > 0)
            if (auto s = rectangleStretch(a, b, len, corridor.path[i - 1], corridor.path[i], h))
                out.push_back(*s);
    }
}

// Sorted, with stretches that touch or overlap (within tol) joined.
std::vector<Interval> merged(std::vector<Interval> stretches, double tol) {
    std::sort(stretches.begin(), stretches.end(),
              [](const Interval& x, const Interval& y) { return x.enter < y.enter; });
    std::vector<Interval> out;
    for (const Interval& s : stretches) {
        if (!out.empty() && s.enter <= out.back().leave + tol)
            out.back().leave = std::max(out.back().leave, s.leave);
        else
            out.push_back(s);
    }
    return out;
}

// --- the boundary of a union ---------------------------------------------------
//
// A region's boundary is made of outlines (polygon edges, circles, the two
// long sides of each corridor leg and a circle around each corridor vertex),
// less the parts of them that lie strictly inside some part of the region: an
// edge of a polygon inside a circle of the same region is not boundary, nor is
// the side of a corridor leg where the next leg covers it at a bend. Each
// outline is cut wherever it meets another; between two cuts a stretch is
// wholly exposed or wholly covered, and its middle tells which. This gives the
// exact distance to the boundary of a union. A stretch shared exactly by two
// parts (two polygons with a common edge) is counted as boundary.

struct Outline {
    bool isCircle = false;
    Vec2 a, b;           ///< a segment's ends
    Vec2 center;         ///< a circle's centre
    double radius = 0.0; ///< a circle's radius [m]
};

std::vector<Outline> outlinesOf(const Region& region) {
    std::vector<Outline> out;
    auto edge = [&](Vec2 a, Vec2 b) { out.push_back({false, a, b, {}, 0.0}); };
    for (const Polygon& polygon : region.polygons) {
        forEachEdge(polygon.outer, edge);
        for (const Ring& hole : polygon.holes)
            forEachEdge(hole, edge);
    }
    for (const Circle& circle : region.circles)
        out.push_back({true, {}, {}, circle.center, circle.radius});
    for (const Corridor& corridor : region.corridors) {
        const double h = corridor.halfWidth;
        if (h < 0.0) continue;
        for (std::size_t i = 0; i < corridor.path.size(); ++i) {
            out.push_back({true, {}, {}, corridor.path[i], h});
            if (i == 0 || corridor.path[i - 1] == corridor.path[i]) continue;
            const Vec2 p0 = corridor.path[i - 1], p1 = corridor.path[i];
            const Vec2 side = perpendicular(p1 - p0) * (h / distance(p0, p1));
            edge(p0 + side, p1 + side);
            edge(p0 - side, p1 - side);
        }
    }
    return out;
}

double distanceToOutline(const Outline& o, Vec2 p) {
    if (o.isCircle) return std::fabs(distance(p, o.center) - o.radius);
    return distanceToSegment(p, o.a, o.b);
}

} // namespace

Vec2 detail::onCircle(Vec2 center, double radius, double angle) {
    return center + Vec2{std::cos(angle), std::sin(angle)} * radius;
}

namespace {

// Distance from p to the arc of a circle from angle `from` counter-clockwise to `to`.
double distanceToArc(Vec2 center, double radius, double from, double to, Vec2 p) {
    const Vec2 d = p - center;
    if (length(d) > 0.0) {
        double angle = std::atan2(d.y, d.x);
        while (angle < from)
            angle += 2.0 * std::numbers::pi;
        if (angle <= to) return std::fabs(length(d) - radius);
    }
    return std::min(distance(p, onCircle(center, radius, from)), distance(p, onCircle(center, radius, to)));
}

// Angles on circle (c, r) where it meets another outline.
void addAnglesOnCircle(Vec2 c, double r, const Outline& other, std::vector<double>& out) {
    auto angleOf = [&](Vec2 q) { return std::atan2(q.y - c.y, q.x - c.x); };
    if (!other.isCircle) {
        std::vector<double> ts;
        addCircleMeetings(other.a, other.b, c, r, ts);
        for (double t : ts)
            out.push_back(angleOf(other.a + (other.b - other.a) * t));
        return;
    }
    // two circles: the chord through their crossings is perpendicular to the line of centres
    const double d = distance(c, other.center);
    const double tol = toleranceFor(std::max(std::fabs(c.x), std::fabs(c.y)) + r);
    if (d == 0.0 || d > r + other.radius + tol || d < std::fabs(r - other.radius) - tol) return;
    const Vec2 e = (other.center - c) * (1.0 / d);
    const double along = (d * d + r * r - other.radius * other.radius) / (2.0 * d);
    const double half = std::sqrt(std::max(0.0, r * r - along * along));
    out.push_back(angleOf(c + e * along + perpendicular(e) * half));
    out.push_back(angleOf(c + e * along - perpendicular(e) * half));
}

// Distance from p to the exposed part of outline `index`; +infinity when all
// of it is covered.
double distanceToExposed(const std::vector<Outline>& outlines, std::size_t index, const Region& region,
                         Vec2 p) {
    const Outline& o = outlines[index];
    double best = kInfinity;
    if (!o.isCircle) {
        // cut the segment where other outlines meet it
        std::vector<double> raw;
        for (std::size_t k = 0; k < outlines.size(); ++k) {
            if (k == index) continue;
            if (outlines[k].isCircle)
                addCircleMeetings(o.a, o.b, outlines[k].center, outlines[k].radius, raw);
            else
                addMeetings(o.a, o.b, outlines[k].a, outlines[k].b, raw);
        }
        const double len = distance(o.a, o.b);
        const std::vector<double> cuts = sortedCuts(std::move(raw), toleranceAt(o.a) / len);
        auto at = [&](double t) { return o.a + (o.b - o.a) * t; };
        for (std::size_t i = 0; i + 1 < cuts.size(); ++i)
            if (!strictlyInside(region, at(0.5 * (cuts[i] + cuts[i + 1]))))
                best = std::min(best, distanceToSegment(p, at(cuts[i]), at(cuts[i + 1])));
        return best;
    }
    // cut the circle where other outlines meet it, then walk the arcs between cuts
    std::vector<double> angles;
    for (std::size_t k = 0; k < outlines.size(); ++k)
        if (k != index) addAnglesOnCircle(o.center, o.radius, outlines[k], angles);
    std::sort(angles.begin(), angles.end());
    if (angles.empty()) angles.push_back(0.0);
    for (std::size_t i = 0; i < angles.size(); ++i) {
        const double from = angles[i];
        const double to = i + 1 < angles.size() ? angles[i + 1] : angles.front() + 2.0 * std::numbers::pi;
        if (to - from <= 0.0) continue;
        if (!strictlyInside(region, onCircle(o.center, o.radius, 0.5 * (from + to))))
            best = std::min(best, distanceToArc(o.center, o.radius, from, to, p));
    }
    return best;
}

} // namespace

// --- rings and polygons ---------------------------------------------------

double signedArea(const Ring& ring) {
    // shoelace, relative to the first vertex to keep far-off coordinates exact
    const std::size_t n = ring.size();
    if (n < 3) return 0.0;
    double twice = 0.0;
    for (std::size_t i = 1; i + 1 < n; ++i)
        twice += cross(ring[i] - ring[0], ring[i + 1] - ring[0]);
    return 0.5 * twice;
}

double area(const Polygon& polygon) {
    double total = std::fabs(signedArea(polygon.outer));
    for (const Ring& hole : polygon.holes)
        total -= std::fabs(signedArea(hole));
    return total;
}

// Two passes: first neighbouring edges that double back along each other (a
// zero-width spike, reported as such rather than as the touch it also makes
// further on), then every other pair, O(n^2): a few million pairs for a ring
// of a few thousand vertices (a country's border), which a box test keeps
// cheap; past that a sweep line would be needed. Pairs come out with
// first < second, in order of first then second.
std::optional<EdgeCrossing> findSelfIntersection(const Ring& ring) {
    const std::vector<std::size_t> kept = keptVertices(ring);
    const std::size_t m = kept.size();
    if (m < 3) return std::nullopt;
    auto vertex = [&](std::size_t k) { return ring[kept[k % m]]; };

    // neighbours share a vertex; they meet elsewhere only when the ring
    // doubles back there, the shorter edge lying along the longer
    for (std::size_t i = 0; i < m; ++i) {
        const Vec2 before = vertex(i), shared = vertex(i + 1), after = vertex(i + 2);
        const bool beforeShorter = distance(shared, before) <= distance(shared, after);
        const Vec2 tip = beforeShorter ? before : after;
        if (nearSegment(tip, shared, beforeShorter ? after : before,
                        toleranceAt(tip) + toleranceAt(shared))) {
            const std::size_t e1 = kept[i], e2 = kept[(i + 1) % m];
            return EdgeCrossing{std::min(e1, e2), std::max(e1, e2), tip};
        }
    }

    // every other pair, after a box test
    for (std::size_t i = 0; i < m; ++i) {
        const Vec2 a = vertex(i), b = vertex(i + 1);
        for (std::size_t j = i + 2; j < m; ++j) {
            if (i == 0 && j == m - 1) continue; // neighbours across the start
            const Vec2 c = vertex(j), d = vertex(j + 1);
            const double tol = toleranceAt(a) + toleranceAt(c);
            if (std::max(c.x, d.x) < std::min(a.x, b.x) - tol ||
                std::min(c.x, d.x) > std::max(a.x, b.x) + tol ||
                std::max(c.y, d.y) < std::min(a.y, b.y) - tol ||
                std::min(c.y, d.y) > std::max(a.y, b.y) + tol)
                continue;
            std::vector<double> meetings;
            addMeetings(a, b, c, d, meetings);
            if (!meetings.empty()) return EdgeCrossing{kept[i], kept[j], a + (b - a) * meetings.front()};
        }
    }
    return std::nullopt;
}

// --- predicates on regions ------------------------------------------------

bool contains(const Polygon& polygon, Vec2 p) {
    return sideOfPolygon(polygon, p) != Side::Outside;
}

bool contains(const Circle& circle, Vec2 p) {
    return distance(p, circle.center) <= circle.radius + toleranceAt(p);
}

bool contains(const Corridor& corridor, Vec2 p) {
    return distanceToPath(corridor.path, p) <= corridor.halfWidth + toleranceAt(p);
}

bool contains(const Region& region, Vec2 p) {
    for (const Polygon& polygon : region.polygons)
        if (contains(polygon, p)) return true;
    for (const Circle& circle : region.circles)
        if (contains(circle, p)) return true;
    for (const Corridor& corridor : region.corridors)
        if (contains(corridor, p)) return true;
    return false;
}

double area(const Region& region) {
    double total = 0.0;
    for (const Polygon& polygon : region.polygons)
        total += area(polygon);
    for (const Circle& circle : region.circles)
        total += std::numbers::pi * circle.radius * circle.radius;
    for (const Corridor& corridor : region.corridors)
        total += corridorArea(corridor);
    return total;
}

// Exact for unions (see "the boundary of a union" above). An empty region has
// no boundary: +infinity.
double distanceToBoundary(const Region& region, Vec2 p) {
    const std::vector<Outline> outlines = outlinesOf(region);
    if (outlines.empty()) return kInfinity;
    std::vector<std::pair<double, std::size_t>> nearest;
    for (std::size_t i = 0; i < outlines.size(); ++i)
        nearest.emplace_back(distanceToOutline(outlines[i], p), i);
    const double nearestAtAll = std::min_element(nearest.begin(), nearest.end())->first;

    // Outside every part the nearest outline is boundary (anything nearer
    // would be inside a part); so is every outline of a lone polygon or circle.
    const std::size_t parts = region.polygons.size() + region.circles.size() + region.corridors.size();
    if ((parts == 1 && region.corridors.empty()) || !contains(region, p)) return nearestAtAll;

    // Inside: nearest outlines first, until no uncovered stretch can be nearer
    std::sort(nearest.begin(), nearest.end());
    double best = kInfinity;
    for (const auto& [bound, index] : nearest) {
        if (bound >= best) break;
        best = std::min(best, distanceToExposed(outlines, index, region, p));
    }
    return best == kInfinity ? nearestAtAll : best;
}

std::optional<Vec2> wayOut(const Region& region, Vec2 p, double margin, std::size_t tries) {
    if (!contains(region, p)) return p;
    const std::vector<Outline> outlines = outlinesOf(region);
    std::vector<std::pair<double, std::size_t>> nearest;
    nearest.reserve(outlines.size());
    for (std::size_t i = 0; i < outlines.size(); ++i)
        nearest.emplace_back(distanceToOutline(outlines[i], p), i);
    std::sort(nearest.begin(), nearest.end());

    std::optional<Vec2> best;
    double bestDistance = kInfinity;
    auto consider = [&](Vec2 edgePoint, Vec2 outward) {
        const double n = length(outward);
        if (!(n > 0.0)) return;
        const Vec2 out = edgePoint + outward * (margin / n);
        if (contains(region, out)) return; // the edge there is covered by another part
        const double d = distance(p, out);
        if (d < bestDistance) bestDistance = d, best = out;
    };
    for (std::size_t k = 0; k < nearest.size() && k < tries; ++k) {
        const auto [bound, index] = nearest[k];
        if (bound + margin >= bestDistance) break; // nothing further can be nearer
        const Outline& o = outlines[index];
        if (o.isCircle) {
            const Vec2 radial = length(p - o.center) > 0.0 ? p - o.center : Vec2{1.0, 0.0};
            const Vec2 edgePoint = o.center + radial * (o.radius / length(radial));
            consider(edgePoint, radial);
            continue;
        }
        const Vec2 ab = o.b - o.a;
        const double len2 = dot(ab, ab);
        const double t = len2 > 0.0 ? std::clamp(dot(p - o.a, ab) / len2, 0.0, 1.0) : 0.0;
        const Vec2 edgePoint = o.a + ab * t;
        if (distance(p, edgePoint) > 0.0) {
            consider(edgePoint, edgePoint - p);
        } else { // on the edge itself: out is to one side of it
            consider(edgePoint, perpendicular(ab));
            consider(edgePoint, perpendicular(ab) * -1.0);
        }
    }
    return best;
}

double signedDistance(const Region& region, Vec2 p) {
    const double d = distanceToBoundary(region, p);
    if (d == 0.0) return 0.0; // not -0 on the boundary
    return contains(region, p) ? -d : d;
}

std::vector<Interval> insideIntervals(const Region& region, Vec2 a, Vec2 b) {
    const double len = distance(a, b);
    // a segment of no length is a point
    if (len == 0.0) return contains(region, a) ? std::vector<Interval>{{0.0, 0.0}} : std::vector<Interval>{};
    std::vector<Interval> stretches;
    for (const Polygon& polygon : region.polygons)
        addPolygonStretches(a, b, len, polygon, stretches);
    for (const Circle& circle : region.circles)
        if (auto s = discStretch(a, b, len, circle.center, circle.radius)) stretches.push_back(*s);
    for (const Corridor& corridor : region.corridors)
        addCorridorStretches(a, b, len, corridor, stretches);
    return merged(std::move(stretches), toleranceAt(a) + toleranceAt(b));
}

std::vector<Interval> insideIntervals(const Region& region, const std::vector<Vec2>& polyline) {
    if (polyline.empty()) return {};
    if (polyline.size() == 1) return insideIntervals(region, polyline.front(), polyline.front());
    // each leg's stretches, shifted by the length flown before it
    std::vector<Interval> stretches;
    double before = 0.0;
    for (std::size_t i = 1; i < polyline.size(); ++i) {
        for (const Interval& s : insideIntervals(region, polyline[i - 1], polyline[i]))
            stretches.push_back({before + s.enter, before + s.leave});
        before += distance(polyline[i - 1], polyline[i]);
    }
    return merged(std::move(stretches), toleranceFor(before));
}

bool touches(const Region& region, Vec2 a, Vec2 b) {
    return !insideIntervals(region, a, b).empty();
}

bool touches(const Region& region, const std::vector<Vec2>& polyline) {
    return !insideIntervals(region, polyline).empty();
}

bool overlaps(const Region& region, const Circle& circle) {
    const Vec2 c = circle.center;
    const double reach = std::max(0.0, circle.radius) + toleranceAt(c);
    for (const Polygon& polygon : region.polygons)
        if (contains(polygon, c) || distanceToEdges(polygon, c) <= reach) return true;
    for (const Circle& other : region.circles)
        if (distance(c, other.center) <= other.radius + reach) return true;
    for (const Corridor& corridor : region.corridors)
        if (distanceToPath(corridor.path, c) <= corridor.halfWidth + reach) return true;
    return false;
}

// An empty region gives the empty box min = +inf, max = -inf, which is what
// growing a box by it should leave unchanged.
Box bounds(const Region& region) {
    Box box{{kInfinity, kInfinity}, {-kInfinity, -kInfinity}};
    auto grow = [&](Vec2 p, double margin) {
        box.min = {std::min(box.min.x, p.x - margin), std::min(box.min.y, p.y - margin)};
        box.max = {std::max(box.max.x, p.x + margin), std::max(box.max.y, p.y + margin)};
    };
    for (const Polygon& polygon : region.polygons)
        for (Vec2 p : polygon.outer)
            grow(p, 0.0);
    for (const Circle& circle : region.circles)
        grow(circle.center, circle.radius);
    for (const Corridor& corridor : region.corridors)
        for (Vec2 p : corridor.path)
            grow(p, corridor.halfWidth);
    return box;
}

} // namespace nofly::core
