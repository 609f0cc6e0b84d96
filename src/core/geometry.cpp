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

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <tuple>
#include <utility>

namespace nofly::core {

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
// A ring whose area is below this fraction of its bounding box encloses none.
constexpr double kZeroAreaFraction = 1e-12;
constexpr double kInfinity = std::numeric_limits<double>::infinity();

double toleranceFor(double magnitude) {
    return kAbsoluteTolerance + kRelativeTolerance * magnitude;
}
double toleranceAt(Vec2 p) {
    return toleranceFor(std::max(std::fabs(p.x), std::fabs(p.y)));
}

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

// Distance from p to the polyline; +infinity for an empty one.
double distanceToPath(const std::vector<Vec2>& path, Vec2 p) {
    if (path.empty()) return kInfinity;
    double best = distance(p, path.front());
    for (std::size_t i = 1; i < path.size(); ++i)
        best = std::min(best, distanceToSegment(p, path[i - 1], path[i]));
    return best;
}

// The vertices of a ring with repeats dropped: of each run of equal
// consecutive vertices (the closing repeat included) the last is kept, so a
// kept index k is followed in the caller's ring by the next distinct vertex.
std::vector<std::size_t> keptVertices(const Ring& ring) {
    std::vector<std::size_t> kept;
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i)
        if (!(ring[i] == ring[(i + 1) % n])) kept.push_back(i);
    if (kept.empty() && n > 0) kept.push_back(n - 1); // every vertex is the same point
    return kept;
}

Ring withoutRepeats(const Ring& ring) {
    Ring out;
    for (std::size_t i : keptVertices(ring))
        out.push_back(ring[i]);
    return out;
}

std::size_t distinctPointCount(const Ring& ring) {
    std::vector<std::pair<double, double>> points;
    for (Vec2 p : ring)
        points.emplace_back(p.x, p.y);
    std::sort(points.begin(), points.end());
    return static_cast<std::size_t>(std::unique(points.begin(), points.end()) - points.begin());
}

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

// Sorted cut parameters with 0 and 1, near-duplicates (closer than tolParam) merged.
std::vector<double> sortedCuts(std::vector<double> cuts, double tolParam) {
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
void addRingMeetings(Vec2 a, Vec2 b, const Ring& ring, std::vector<double>& out) {
    forEachEdge(ring, [&](Vec2 c, Vec2 d) { addMeetings(a, b, c, d, out); });
}

// --- rings: which side of a ring a point is on ----------------------------------

enum class Side { Outside, Boundary, Inside };

// The crossing rule (a ray to +x, each edge counted half-open in y) decides
// inside from outside; an explicit distance test first catches the boundary,
// so the rule never has to be right about points on an edge. Parity makes
// the winding irrelevant and lets zero-width spikes cancel out.
Side sideOfRing(const Ring& ring, Vec2 p) {
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

// A point strictly inside a ring with at least 3 distinct points and some
// area: the horizontal line through the widest gap between vertex heights
// meets no vertex, and the middle of its widest inside stretch is inside.
Vec2 pointInside(const Ring& ring) {
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

Vec2 onCircle(Vec2 center, double radius, double angle) {
    return center + Vec2{std::cos(angle), std::sin(angle)} * radius;
}

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

namespace {

// "edge 2 (point 2 to point 3)": numbered from 1, as a writer counts the
// points of their list; edge e starts at point e.
std::string edgeName(const Ring& ring, std::size_t edge) {
    const std::size_t n = ring.size();
    return "edge " + std::to_string(edge + 1) + " (point " + std::to_string(edge + 1) + " to point " +
           std::to_string((edge + 1) % n + 1) + ")";
}

// Checks one ring on its own; true when the ring can take part in the checks
// between rings.
bool checkRing(const Ring& ring, const std::string& name, const std::string& kind,
               std::vector<std::string>& problems) {
    // enough points to enclose anything
    const std::size_t distinct = distinctPointCount(ring);
    if (distinct < 3) {
        problems.push_back(name + " has " + std::to_string(distinct) + " distinct point" +
                           (distinct == 1 ? "" : "s") + "; " + kind + " needs at least 3");
        return false;
    }
    // points all on one line enclose nothing (and would fold back on themselves)
    double minX = kInfinity, minY = kInfinity, maxX = -kInfinity, maxY = -kInfinity;
    for (Vec2 p : ring) {
        minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
    }
    const double extent = std::max(maxX - minX, maxY - minY);
    const Vec2 origin = ring.front();
    const Vec2 far = *std::max_element(
        ring.begin(), ring.end(), [&](Vec2 a, Vec2 b) { return distance(origin, a) < distance(origin, b); });
    const bool onOneLine = std::all_of(ring.begin(), ring.end(), [&](Vec2 p) {
        return std::fabs(cross(far - origin, p - origin)) <=
               kZeroAreaFraction * extent * distance(origin, far);
    });
    const std::string noArea = name + " encloses no area (are all its points on one line?)";
    if (onOneLine) {
        problems.push_back(noArea);
        return false;
    }
    // no crossings, no doubling back
    if (auto crossing = findSelfIntersection(ring)) {
        // neighbouring edges (counted without repeated vertices) can only double back
        const std::vector<std::size_t> kept = keptVertices(ring);
        auto slot = [&](std::size_t edge) {
            return static_cast<std::size_t>(std::find(kept.begin(), kept.end(), edge) - kept.begin());
        };
        const std::size_t m = kept.size(), first = slot(crossing->first), second = slot(crossing->second);
        const bool neighbours = (first + 1) % m == second || (second + 1) % m == first;
        if (neighbours) {
            // the point between them: where the later edge starts
            const std::size_t shared = (first + 1) % m == second ? crossing->second : crossing->first;
            const bool wraps = (first + 1) % m != second;
            const std::size_t earlier = wraps ? crossing->second : crossing->first;
            const std::size_t later = wraps ? crossing->first : crossing->second;
            problems.push_back(name + " doubles back on itself at point " + std::to_string(shared + 1) +
                               ": " + edgeName(ring, earlier) + " and " + edgeName(ring, later) +
                               " run along each other (a zero-width spike)");
        } else {
            problems.push_back(name + " crosses itself: " + edgeName(ring, crossing->first) + " crosses " +
                               edgeName(ring, crossing->second));
        }
        return false;
    }
    // a simple ring off one line has area, unless it is thinner than rounding
    if (std::fabs(signedArea(ring)) <= kZeroAreaFraction * extent * extent) {
        problems.push_back(noArea);
        return false;
    }
    return true;
}

// The pieces of each edge of `ring` between the places where it meets the
// edges of `other`: calls piece(edge index, middle of the piece) for each.
template <typename Piece> void forEachEdgePiece(const Ring& ring, const Ring& other, Piece&& piece) {
    const std::size_t n = ring.size();
    for (std::size_t e = 0; e < n; ++e) {
        const Vec2 a = ring[e], b = ring[(e + 1) % n];
        if (a == b) continue;
        std::vector<double> raw;
        addRingMeetings(a, b, other, raw);
        const std::vector<double> cuts = sortedCuts(std::move(raw), toleranceAt(a) / distance(a, b));
        for (std::size_t i = 0; i + 1 < cuts.size(); ++i)
            if (!piece(e, a + (b - a) * (0.5 * (cuts[i] + cuts[i + 1])))) return;
    }
}

// A hole must lie in the closed outer ring and may meet it only at single points.
void checkHoleInside(const Ring& outer, const Ring& hole, const std::string& name,
                     std::vector<std::string>& problems) {
    for (std::size_t k = 0; k < hole.size(); ++k) {
        if (sideOfRing(outer, hole[k]) == Side::Outside) {
            problems.push_back(name + " is not inside the outer ring: its point " + std::to_string(k + 1) +
                               " is outside it");
            return;
        }
    }
    std::string problem;
    forEachEdgePiece(hole, outer, [&](std::size_t e, Vec2 middle) {
        const Side side = sideOfRing(outer, middle);
        if (side == Side::Outside)
            problem = name + " is not inside the outer ring: its " + edgeName(hole, e) + " goes outside it";
        else if (side == Side::Boundary)
            problem = name + " runs along the outer ring on its " + edgeName(hole, e) +
                      "; a hole may touch the outer ring only at single points";
        return problem.empty();
    });
    if (!problem.empty()) problems.push_back(problem);
}

// Two holes must not share any area, nor a stretch of boundary.
void checkHolesApart(const Ring& first, const Ring& second, const std::string& firstName,
                     const std::string& secondName, std::vector<std::string>& problems) {
    const std::string overlap = firstName + " and " + secondName + " overlap; holes must not overlap";
    // a vertex of one strictly inside the other, or one inside the other altogether
    auto vertexInside = [](const Ring& ring, const Ring& other) {
        return std::any_of(ring.begin(), ring.end(),
                           [&](Vec2 p) { return sideOfRing(other, p) == Side::Inside; });
    };
    if (vertexInside(first, second) || vertexInside(second, first) ||
        sideOfRing(second, pointInside(first)) != Side::Outside ||
        sideOfRing(first, pointInside(second)) != Side::Outside) {
        problems.push_back(overlap);
        return;
    }
    // an edge of one passing through the other, or running along its edge
    std::string problem;
    forEachEdgePiece(first, second, [&](std::size_t e, Vec2 middle) {
        const Side side = sideOfRing(second, middle);
        if (side == Side::Inside)
            problem = overlap;
        else if (side == Side::Boundary)
            problem = firstName + " and " + secondName + " share a stretch of boundary (" + firstName +
                      "'s " + edgeName(first, e) + "); make them one hole";
        return problem.empty();
    });
    if (!problem.empty()) problems.push_back(problem);
}

} // namespace

std::vector<std::string> validate(const Polygon& polygon) {
    std::vector<std::string> problems;
    // every coordinate must be a number before anything can be measured
    auto checkFinite = [&](const Ring& ring, const std::string& name) {
        for (std::size_t k = 0; k < ring.size(); ++k) {
            if (!std::isfinite(ring[k].x) || !std::isfinite(ring[k].y)) {
                problems.push_back("point " + std::to_string(k + 1) + " of " + name +
                                   " is not a finite number");
                return false;
            }
        }
        return true;
    };
    bool finite = checkFinite(polygon.outer, "the outer ring");
    for (std::size_t h = 0; h < polygon.holes.size(); ++h)
        finite = checkFinite(polygon.holes[h], "hole " + std::to_string(h + 1)) && finite;
    if (!finite) return problems;

    // each ring on its own
    const bool outerOk = checkRing(polygon.outer, "the outer ring", "a polygon", problems);
    std::vector<bool> holeOk;
    for (std::size_t h = 0; h < polygon.holes.size(); ++h)
        holeOk.push_back(checkRing(polygon.holes[h], "hole " + std::to_string(h + 1), "a hole", problems));

    // each hole against the outer ring, then against the other holes
    for (std::size_t h = 0; h < polygon.holes.size(); ++h)
        if (outerOk && holeOk[h])
            checkHoleInside(polygon.outer, polygon.holes[h], "hole " + std::to_string(h + 1), problems);
    for (std::size_t i = 0; i < polygon.holes.size(); ++i)
        for (std::size_t j = i + 1; j < polygon.holes.size(); ++j)
            if (holeOk[i] && holeOk[j])
                checkHolesApart(polygon.holes[i], polygon.holes[j], "hole " + std::to_string(i + 1),
                                "hole " + std::to_string(j + 1), problems);
    return problems;
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

using Triangle = std::array<std::size_t, 3>;

// Ear clipping over a circular doubly linked list of vertices; all rings in
// one vertex array, the outer ring counter-clockwise, holes clockwise. Its
// steps follow mapbox's earcut.js (hole bridges after David Eberly, curing of
// local self-intersections, splitting as a last resort), ported to C++ with
// its z-order hash left out (a few thousand vertices need none), under this
// notice:
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
    explicit EarClipper(const std::vector<Vec2>& vertices) : m_vertices(vertices) {}

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
    };

    std::size_t& next(std::size_t n) { return m_nodes[n].next; }
    std::size_t& prev(std::size_t n) { return m_nodes[n].prev; }
    Vec2 at(std::size_t n) const { return m_nodes[n].p; }
    bool same(std::size_t a, std::size_t b) const { return at(a) == at(b); }
    double turnAt(std::size_t a, std::size_t b, std::size_t c) const { return turn(at(a), at(b), at(c)); }

    std::size_t insertNode(std::size_t vertex, std::size_t last) {
        const std::size_t n = m_nodes.size();
        m_nodes.push_back({vertex, m_vertices[vertex], n, n, false});
        if (last != kNone) {
            next(n) = next(last);
            prev(n) = last;
            prev(next(last)) = n;
            next(last) = n;
        }
        return n;
    }

    // Unlinks a node; the node keeps its own links, which callers step along.
    void removeNode(std::size_t n) {
        prev(next(n)) = prev(n);
        next(prev(n)) = next(n);
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
        m_nodes.push_back({m_nodes[a].vertex, at(a), kNone, kNone, false});
        const std::size_t b2 = m_nodes.size();
        m_nodes.push_back({m_nodes[b].vertex, at(b), kNone, kNone, false});
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
        ring.push_back(
            onCircle(circle.center, reach, 2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n)));
    return ring;
}

} // namespace nofly::core
