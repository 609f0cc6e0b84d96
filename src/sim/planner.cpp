// The planner works in three steps.
//
// Grow. Every obstacle becomes convex polygons whose union contains it grown
// by the clearance (see grownObstacles in the header): a circle one polygon,
// a corridor one capsule per leg, a polygon one capsule per edge of its outer
// ring and its convex pieces to fill the inside. The offset ring of a concave
// zone can cross itself; capsules cannot, and a ring together with the discs
// swept along its edges is exactly the ring grown. Round corners are drawn by
// tangents (circumscribed), so the polygons contain the grown obstacles.
//
// Graph. Around polygons, a shortest path is straight between corners, and it
// only bends at a convex corner of the obstacles, wrapping round it. So the
// nodes are the start, the goal and every corner of an outline piece that is
// a corner of the union: not inside another piece nor on its edge (where the
// union's angle is a half turn or more), and listed once where pieces share
// it. An edge joins two nodes when the segment between them reaches no deeper
// than kDepth into any piece. A bend needs both its legs
// tangent to the piece at the corner (the line through them keeps the piece on
// one side), so an edge that is not tangent at its corner ends is never
// checked: that alone drops most of the candidate edges.
//
// Search. A* with the straight distance to the goal as its estimate (which
// never overestimates and obeys the triangle inequality, so a node closed is
// final). Edges are checked lazily, only when they would improve a node, and
// the checks use a bounding-box tree over the pieces.
//
// With maxLength L > 0, every path of length <= L from start to goal lies in
// the ellipse with foci start and goal and major axis L (the sum of distances
// to the foci is at most the length of the path that got there). No point of
// that ellipse is farther from the segment start-goal than its semi-minor axis
// sqrt(L^2 - d^2) / 2, d = |goal - start| (beyond the ends the reach is only
// (L - d) / 2, which is smaller). So an obstacle whose box is farther than that
// from the segment cannot meet an acceptable path and is dropped before it is
// grown, and a corner outside the ellipse is not a node.
//
// Cost, for P pieces with V corners in all: growing O(V) plus the convex split
// of each polygon, the tree O(P log P), the nodes O(V log P). The
// search scans all N <= V + 2 nodes at each expansion (cheap tangent and
// length tests) and checks an edge in O(log P + the corners of the pieces its
// box meets); at worst O(N^2) scans and O(N^2) edge checks, in practice far
// fewer checks because only tangent, improving edges are checked.
#include "sim/planner.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>
#include <queue>
#include <utility>

namespace nofly::sim {

namespace {

using core::Box;
using core::Ring;
using core::Vec2;

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// How deep a point or a segment must reach into a grown piece to count as
// inside it [m]. A path along a piece's edge (a tangent to the rounded
// obstacle) or through its corner is outside. Far above the rounding of the
// growing arithmetic (a few units in the last place, 1e-9 m at 1000 km from
// the origin) and far below any clearance.
constexpr double kDepth = 1e-6;
// A corner this close to another piece's edge [m] is on it, so not a corner
// of the union: dropping it moves a path by no more than this.
constexpr double kOnEdge = 1e-8;
// Sines of angles below this count as zero in the tangent test, so that an
// edge along a piece's side is always kept.
constexpr double kTangentSlack = 1e-9;
// Pieces per leaf of the bounding-box tree.
constexpr std::size_t kLeafSize = 4;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

Vec2 onUnitCircle(double angle) {
    return {std::cos(angle), std::sin(angle)};
}

Vec2 unit(Vec2 v) {
    const double len = core::length(v);
    return len > 0.0 ? v * (1.0 / len) : Vec2{};
}

Box emptyBox() {
    return {{kInfinity, kInfinity}, {-kInfinity, -kInfinity}};
}

void grow(Box& box, Vec2 p) {
    box.min = {std::min(box.min.x, p.x), std::min(box.min.y, p.y)};
    box.max = {std::max(box.max.x, p.x), std::max(box.max.y, p.y)};
}

Box widened(Box box, double margin) {
    box.min = box.min - Vec2{margin, margin};
    box.max = box.max + Vec2{margin, margin};
    return box;
}

// Whether segment a-b meets a box, by clipping it to the box's slabs.
bool segmentMeetsBox(Vec2 a, Vec2 b, const Box& box) {
    double t0 = 0.0, t1 = 1.0;
    auto clip = [&](double from, double move, double lo, double hi) {
        if (move == 0.0) return from >= lo && from <= hi;
        double enter = (lo - from) / move, leave = (hi - from) / move;
        if (enter > leave) std::swap(enter, leave);
        t0 = std::max(t0, enter);
        t1 = std::min(t1, leave);
        return t0 <= t1;
    };
    return clip(a.x, b.x - a.x, box.min.x, box.max.x) && clip(a.y, b.y - a.y, box.min.y, box.max.y);
}

double distanceToSegment(Vec2 p, Vec2 a, Vec2 b) {
    const Vec2 d = b - a;
    const double dd = core::dot(d, d);
    const double t = dd == 0.0 ? 0.0 : std::clamp(core::dot(p - a, d) / dd, 0.0, 1.0);
    return core::distance(p, a + d * t);
}

double distanceToBox(Vec2 p, const Box& box) {
    const double dx = std::max({box.min.x - p.x, 0.0, p.x - box.max.x});
    const double dy = std::max({box.min.y - p.y, 0.0, p.y - box.max.y});
    return std::hypot(dx, dy);
}

// Distance between segment a-b and a box: zero when they meet, otherwise
// reached at an end of the segment or at a corner of the box.
double distanceSegmentToBox(Vec2 a, Vec2 b, const Box& box) {
    if (segmentMeetsBox(a, b, box)) return 0.0;
    double best = std::min(distanceToBox(a, box), distanceToBox(b, box));
    for (Vec2 corner : {box.min, Vec2{box.max.x, box.min.y}, box.max, Vec2{box.min.x, box.max.y}})
        best = std::min(best, distanceToSegment(corner, a, b));
    return best;
}

// --- growing ------------------------------------------------------------------

// What the growing needs to know.
struct Growth {
    double clearance = 0.0; ///< [m], at least kMinClearance
    std::size_t segments = 3;
    double step = 0.0;     ///< [rad] the angle of one circle segment
    double outreach = 1.0; ///< how far a rounded corner reaches, per metre grown
};

Growth growthOf(const PlannerOptions& options) {
    Growth growth;
    growth.clearance = std::max(options.clearance, kMinClearance);
    growth.segments = std::max<std::size_t>(3, options.circleSegments);
    growth.step = 2.0 * std::numbers::pi / static_cast<double>(growth.segments);
    growth.outreach = 1.0 / std::cos(0.5 * growth.step);
    return growth;
}

// A convex counter-clockwise ring of two or more distinct points (two make a
// segment) grown by `by`: each edge moved out by `by`, and at each corner an
// arc of the turn there, split into the fewest equal parts of at most one
// step, drawn by its tangents at the middle of each part (circumscribed, as
// circleRing does). A corner that does not turn gets no vertex.
Ring grownConvex(const Ring& convex, double by, double step) {
    const std::size_t n = convex.size();
    Ring out;
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2 here = convex[i];
        const Vec2 in = unit(here - convex[(i + n - 1) % n]);
        const Vec2 onward = unit(convex[(i + 1) % n] - here);
        const double c = core::cross(in, onward), d = core::dot(in, onward);
        // a segment's end turns by half a turn, whatever the sign of zero
        const double turnAngle = (c == 0.0 && d < 0.0) ? std::numbers::pi : std::atan2(c, d);
        if (turnAngle <= 0.0) continue;
        const auto parts = static_cast<std::size_t>(std::max(1.0, std::ceil(turnAngle / step - 1e-9)));
        const double part = turnAngle / static_cast<double>(parts);
        const double reach = by / std::cos(0.5 * part);
        const double from = std::atan2(-in.x, in.y); // the outward normal of the edge coming in
        for (std::size_t k = 0; k < parts; ++k)
            out.push_back(here + onUnitCircle(from + (static_cast<double>(k) + 0.5) * part) * reach);
    }
    return out;
}

// A polygon grown by the clearance is the union of its outer ring and the
// capsules round each of the ring's edges. The capsules make the outline:
// each depends only on its edge, so the outline does not depend on where the
// ring starts or how it is split, and a concave corner needs no care (two
// capsules simply overlap there). The inside is filled by the ring's convex
// pieces grown by 0.9 of the clearance with arcs whose corners stay within
// that, so they stay clear of the outline (their corners are never nodes) yet
// overlap each other across the split, leaving no seam inside (the ring is
// expected to pass core::validate, as the scenario checker makes sure). A ring
// of one distinct point is a disc.
void addGrownPolygon(const core::Polygon& polygon, const Growth& growth, std::vector<Ring>& outline,
                     std::vector<Ring>& fill) {
    const Ring& ring = polygon.outer;
    const std::size_t n = ring.size();
    const std::size_t before = outline.size();
    for (std::size_t i = 0; i < n; ++i)
        if (!(ring[i] == ring[(i + 1) % n]))
            outline.push_back(grownConvex({ring[i], ring[(i + 1) % n]}, growth.clearance, growth.step));
    if (outline.size() == before) {
        if (n > 0) outline.push_back(core::circleRing({ring.front(), growth.clearance}, growth.segments));
        return;
    }
    const core::ConvexLimits limits{std::numeric_limits<std::size_t>::max(), 0.0};
    const double inner = 0.9 * growth.clearance / growth.outreach;
    for (const Ring& piece : core::convexSplit(core::Polygon{ring, {}}, limits))
        fill.push_back(grownConvex(piece, inner, growth.step));
}

// A corridor is the union of capsules, one per leg; a corridor of one point
// (or of repeats of it) is a disc.
void addGrownCorridor(const core::Corridor& corridor, const Growth& growth, const std::vector<bool>& keepLeg,
                      std::vector<Ring>& out) {
    const double by = std::max(0.0, corridor.halfWidth) + growth.clearance;
    bool anyLeg = false;
    for (std::size_t i = 1; i < corridor.path.size(); ++i) {
        if (corridor.path[i - 1] == corridor.path[i]) continue;
        anyLeg = true;
        if (keepLeg[i]) out.push_back(grownConvex({corridor.path[i - 1], corridor.path[i]}, by, growth.step));
    }
    if (!anyLeg && !corridor.path.empty() && keepLeg[0])
        out.push_back(core::circleRing({corridor.path.front(), by}, growth.segments));
}

// The grown pieces, leaving out obstacles that `keep` says cannot matter
// (given the box that contains the obstacle once grown): first the pieces
// whose corners can be nodes, then the fill, whose corners cannot.
struct Grown {
    std::vector<Ring> outline;
    std::vector<Ring> fill;
};

Grown grownPieces(const Obstacles& obstacles, const Growth& growth,
                  const std::function<bool(const Box&)>& keep) {
    Grown grown;
    std::vector<Ring>& out = grown.outline;
    for (const core::Polygon& polygon : obstacles.polygons) {
        Box box = emptyBox();
        for (Vec2 p : polygon.outer)
            grow(box, p);
        if (keep(widened(box, growth.clearance * growth.outreach)))
            addGrownPolygon(polygon, growth, out, grown.fill);
    }
    for (const core::Circle& circle : obstacles.circles) {
        const double reach = (std::max(0.0, circle.radius) + growth.clearance) * growth.outreach;
        if (keep(widened({circle.center, circle.center}, reach)))
            out.push_back(core::circleRing({circle.center, std::max(0.0, circle.radius) + growth.clearance},
                                           growth.segments));
    }
    for (const core::Corridor& corridor : obstacles.corridors) {
        const double reach = (std::max(0.0, corridor.halfWidth) + growth.clearance) * growth.outreach;
        // keepLeg[i]: the leg ending at point i (or, for i = 0, the lone disc)
        std::vector<bool> keepLeg(corridor.path.size(), false);
        for (std::size_t i = 0; i < corridor.path.size(); ++i) {
            Box box = emptyBox();
            grow(box, corridor.path[i]);
            if (i > 0) grow(box, corridor.path[i - 1]);
            keepLeg[i] = keep(widened(box, reach));
        }
        addGrownCorridor(corridor, growth, keepLeg, out);
    }
    return grown;
}

// --- pieces and the tree over them --------------------------------------------

// A grown convex piece with its edges as outward half-planes:
// dot(normal[i], x) <= offset[i] on the inside of edge i.
struct Piece {
    Ring ring;
    std::vector<Vec2> normals;
    std::vector<double> offsets;
    Box box;
};

Piece pieceOf(Ring ring) {
    Piece piece;
    piece.box = emptyBox();
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i) {
        grow(piece.box, ring[i]);
        const Vec2 edge = ring[(i + 1) % n] - ring[i];
        if (edge == Vec2{}) continue;
        const Vec2 normal = unit({edge.y, -edge.x});
        piece.normals.push_back(normal);
        piece.offsets.push_back(core::dot(normal, ring[i]));
    }
    piece.ring = std::move(ring);
    return piece;
}

// At least kDepth inside every edge's half-plane.
bool deepInside(const Piece& piece, Vec2 p) {
    for (std::size_t i = 0; i < piece.normals.size(); ++i)
        if (core::dot(piece.normals[i], p) - piece.offsets[i] > -kDepth) return false;
    return !piece.normals.empty();
}

// How far p is outside the piece's edges: negative inside, at most the
// distance to the piece outside (exactly that near an edge, which is where
// it matters).
double outsideBy(const Piece& piece, Vec2 p) {
    double most = -kInfinity;
    for (std::size_t i = 0; i < piece.normals.size(); ++i)
        most = std::max(most, core::dot(piece.normals[i], p) - piece.offsets[i]);
    return most;
}

bool isCornerOf(const Piece& piece, Vec2 p) {
    return std::any_of(piece.ring.begin(), piece.ring.end(),
                       [&](Vec2 corner) { return core::distance(corner, p) <= kOnEdge; });
}

// Whether some point of segment a-b is at least kDepth inside the piece:
// the segment clipped to the half-planes shrunk by kDepth is not empty.
bool segmentEnters(const Piece& piece, Vec2 a, Vec2 b) {
    if (piece.normals.empty()) return false;
    double t0 = 0.0, t1 = 1.0;
    for (std::size_t i = 0; i < piece.normals.size(); ++i) {
        // f(t) = fa + t (fb - fa) <= 0 is deep enough inside this edge
        const double fa = core::dot(piece.normals[i], a) - piece.offsets[i] + kDepth;
        const double fb = core::dot(piece.normals[i], b) - piece.offsets[i] + kDepth;
        if (fa > 0.0 && fb > 0.0) return false;
        if (fa > 0.0)
            t0 = std::max(t0, fa / (fa - fb));
        else if (fb > 0.0)
            t1 = std::min(t1, fa / (fa - fb));
        if (t0 > t1) return false;
    }
    return true;
}

// A bounding-volume hierarchy over the pieces' boxes. Written here because
// Box2D's b2DynamicTree, the one at hand, works in single precision: a
// segment a hundred metres long, 300 km from the origin, would have its
// direction rounded by 1e-4 rad and could miss a large zone's box by tens of
// metres.
class PieceTree {
public:
    explicit PieceTree(const std::vector<Piece>& pieces) : m_pieces(pieces) {
        for (std::size_t i = 0; i < pieces.size(); ++i)
            m_order.push_back(i);
        if (!pieces.empty()) build(0, pieces.size());
    }

    // Whether segment a-b enters some piece.
    bool blocks(Vec2 a, Vec2 b) const {
        return any([&](const Box& box) { return segmentMeetsBox(a, b, box); },
                   [&](std::size_t i) { return segmentEnters(m_pieces[i], a, b); });
    }

    // Whether p is deep inside some piece.
    bool covers(Vec2 p) const {
        return any([&](const Box& box) { return distanceToBox(p, box) == 0.0; },
                   [&](std::size_t i) { return deepInside(m_pieces[i], p); });
    }

    // Whether corner p of piece `own` is no corner of the union of the
    // pieces: it is inside another piece or on its edge (the union's angle
    // there is at least a half turn: no shortest path bends there), or it is
    // also a corner of a piece listed earlier, which keeps it (each piece's
    // angle lies within the union's, so either is as good for the tangents).
    bool hides(Vec2 p, std::size_t own) const {
        return any([&](const Box& box) { return distanceToBox(p, box) <= kOnEdge; },
                   [&](std::size_t i) {
                       if (i == own) return false;
                       const double outside = outsideBy(m_pieces[i], p);
                       if (outside > kOnEdge) return false;
                       if (outside < -kOnEdge) return true;
                       return !isCornerOf(m_pieces[i], p) || i < own;
                   });
    }

private:
    struct Node {
        Box box;
        std::size_t first = 0, count = 0; ///< a leaf's pieces: m_order[first, first + count)
        std::size_t left = kNone, right = kNone;
    };

    std::size_t build(std::size_t first, std::size_t count) {
        Node node;
        node.box = emptyBox();
        Box centres = emptyBox();
        for (std::size_t k = first; k < first + count; ++k) {
            const Box& box = m_pieces[m_order[k]].box;
            grow(node.box, box.min);
            grow(node.box, box.max);
            grow(centres, (box.min + box.max) * 0.5);
        }
        // widened by kDepth against rounding in the box tests (a segment that
        // misses the box itself cannot enter a piece in it)
        node.box = widened(node.box, kDepth);
        const std::size_t index = m_nodes.size();
        m_nodes.push_back(node);
        if (count <= kLeafSize) {
            m_nodes[index].first = first;
            m_nodes[index].count = count;
            return index;
        }
        // split at the median centre along the longer side, ties by index
        const bool alongX = centres.max.x - centres.min.x >= centres.max.y - centres.min.y;
        auto key = [&](std::size_t i) {
            const Box& box = m_pieces[i].box;
            return std::pair{alongX ? box.min.x + box.max.x : box.min.y + box.max.y, i};
        };
        const std::size_t half = count / 2;
        std::nth_element(m_order.begin() + static_cast<std::ptrdiff_t>(first),
                         m_order.begin() + static_cast<std::ptrdiff_t>(first + half),
                         m_order.begin() + static_cast<std::ptrdiff_t>(first + count),
                         [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
        const std::size_t left = build(first, half);
        const std::size_t right = build(first + half, count - half);
        m_nodes[index].left = left;
        m_nodes[index].right = right;
        return index;
    }

    template <typename Meets, typename Test> bool any(Meets&& meets, Test&& test) const {
        if (m_nodes.empty()) return false;
        std::vector<std::size_t> stack{0};
        while (!stack.empty()) {
            const Node& node = m_nodes[stack.back()];
            stack.pop_back();
            if (!meets(node.box)) continue;
            if (node.left == kNone) {
                for (std::size_t k = node.first; k < node.first + node.count; ++k)
                    if (test(m_order[k])) return true;
            } else {
                stack.push_back(node.right);
                stack.push_back(node.left);
            }
        }
        return false;
    }

    const std::vector<Piece>& m_pieces;
    std::vector<std::size_t> m_order;
    std::vector<Node> m_nodes;
};

// --- the search ---------------------------------------------------------------

// A node of the visibility graph: the start, the goal or a piece's corner,
// with the directions along the piece's edges to its neighbours.
struct Corner {
    Vec2 at;
    std::size_t piece = kNone; ///< kNone for the start and the goal
    Vec2 toBefore, toAfter;    ///< unit vectors to the neighbouring corners
};

// Whether the line through a corner in direction `along` keeps the corner's
// piece on one side (touching it is fine); always true for the start and goal.
bool tangentAt(const Corner& corner, Vec2 along, double alongLength) {
    if (corner.piece == kNone) return true;
    const double slack = kTangentSlack * alongLength;
    const double before = core::cross(along, corner.toBefore), after = core::cross(along, corner.toAfter);
    return !((before > slack && after < -slack) || (before < -slack && after > slack));
}

PlannedPath pathOf(std::vector<Vec2> points) {
    PlannedPath path;
    for (std::size_t i = 1; i < points.size(); ++i)
        path.length += core::distance(points[i - 1], points[i]);
    path.points = std::move(points);
    return path;
}

std::optional<PlannedPath> search(const std::vector<Corner>& corners, const PieceTree& tree,
                                  double maxLength) {
    // corners[0] is the start, corners[1] the goal
    const std::size_t n = corners.size();
    const Vec2 goal = corners[1].at;
    std::vector<double> cost(n, kInfinity);
    std::vector<std::size_t> parent(n, kNone);
    std::vector<bool> closed(n, false);
    // smallest estimate first, then smallest index: deterministic ties
    using Entry = std::pair<double, std::size_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> open;
    cost[0] = 0.0;
    open.push({core::distance(corners[0].at, goal), 0});

    while (!open.empty()) {
        const std::size_t u = open.top().second;
        open.pop();
        if (closed[u]) continue;
        closed[u] = true;
        if (u == 1) break;
        const Corner& from = corners[u];
        for (std::size_t v = 0; v < n; ++v) {
            if (closed[v]) continue;
            const Corner& to = corners[v];
            const Vec2 along = to.at - from.at;
            const double step = core::length(along);
            // cheap tests first: tangent at both ends, an improvement, within the length
            if (!tangentAt(from, along, step) || !tangentAt(to, along, step)) continue;
            const double reached = cost[u] + step;
            if (reached >= cost[v]) continue;
            const double estimate = reached + core::distance(to.at, goal);
            if (maxLength > 0.0 && estimate > maxLength) continue;
            if (tree.blocks(from.at, to.at)) continue;
            cost[v] = reached;
            parent[v] = u;
            open.push({estimate, v});
        }
    }
    if (!closed[1]) return std::nullopt;

    // the path back from the goal, without the corners it passes straight
    // through (where two collinear edges of a zone meet, say)
    std::vector<Vec2> points;
    for (std::size_t v = 1; v != kNone; v = parent[v]) {
        const Vec2 at = corners[v].at;
        if (points.size() >= 2 && distanceToSegment(points.back(), points[points.size() - 2], at) <= kOnEdge)
            points.pop_back();
        points.push_back(at);
    }
    std::reverse(points.begin(), points.end());
    return pathOf(std::move(points));
}

} // namespace

std::vector<Ring> grownObstacles(const Obstacles& obstacles, const PlannerOptions& options) {
    Grown grown = grownPieces(obstacles, growthOf(options), [](const Box&) { return true; });
    grown.outline.insert(grown.outline.end(), grown.fill.begin(), grown.fill.end());
    return std::move(grown.outline);
}

std::optional<PlannedPath> shortestPath(Vec2 start, Vec2 goal, const Obstacles& obstacles,
                                        const PlannerOptions& options) {
    const double maxLength = std::max(0.0, options.maxLength);
    const double direct = core::distance(start, goal);
    if (maxLength > 0.0 && direct > maxLength) return std::nullopt;

    // grown pieces that an acceptable path can meet (the ellipse bound, see the top)
    const double reach =
        maxLength > 0.0 ? 0.5 * std::sqrt((maxLength - direct) * (maxLength + direct)) : kInfinity;
    auto nearRoute = [&](const Box& box) { return distanceSegmentToBox(start, goal, box) <= reach; };
    Grown grown = grownPieces(obstacles, growthOf(options), nearRoute);
    std::vector<Piece> pieces;
    for (Ring& ring : grown.outline)
        pieces.push_back(pieceOf(std::move(ring)));
    const std::size_t outlinePieces = pieces.size();
    for (Ring& ring : grown.fill)
        pieces.push_back(pieceOf(std::move(ring)));
    const PieceTree tree(pieces);

    // inside: nothing; straight and clear: done
    if (tree.covers(start) || tree.covers(goal)) return std::nullopt;
    if (!tree.blocks(start, goal)) return pathOf({start, goal});

    // the nodes: start, goal, and each outline corner that is a corner of the union, in the ellipse
    std::vector<Corner> corners{{start, kNone, {}, {}}, {goal, kNone, {}, {}}};
    for (std::size_t p = 0; p < outlinePieces; ++p) {
        const Ring& ring = pieces[p].ring;
        const std::size_t m = ring.size();
        for (std::size_t i = 0; i < m; ++i) {
            const Vec2 at = ring[i];
            if (maxLength > 0.0 && core::distance(at, start) + core::distance(at, goal) > maxLength) continue;
            if (tree.hides(at, p)) continue;
            corners.push_back({at, p, unit(ring[(i + m - 1) % m] - at), unit(ring[(i + 1) % m] - at)});
        }
    }
    return search(corners, tree, maxLength);
}

std::optional<PlannedPath> shortestRoute(const std::vector<Vec2>& waypoints, const Obstacles& obstacles,
                                         const PlannerOptions& options) {
    if (waypoints.empty()) return std::nullopt;
    if (waypoints.size() == 1) {
        if (!shortestPath(waypoints.front(), waypoints.front(), obstacles, options)) return std::nullopt;
        return pathOf({waypoints.front()});
    }
    // the straight distance still to cover after each leg, for the leg budgets
    std::vector<double> after(waypoints.size(), 0.0);
    for (std::size_t i = waypoints.size() - 1; i-- > 0;)
        after[i] = after[i + 1] + core::distance(waypoints[i], waypoints[i + 1]);

    std::vector<Vec2> points{waypoints.front()};
    double flown = 0.0;
    for (std::size_t i = 1; i < waypoints.size(); ++i) {
        PlannerOptions leg = options;
        if (options.maxLength > 0.0) {
            leg.maxLength = options.maxLength - flown - after[i];
            if (leg.maxLength < core::distance(waypoints[i - 1], waypoints[i])) return std::nullopt;
        }
        const std::optional<PlannedPath> path = shortestPath(waypoints[i - 1], waypoints[i], obstacles, leg);
        if (!path) return std::nullopt;
        points.insert(points.end(), path->points.begin() + 1, path->points.end());
        flown += path->length;
    }
    return pathOf(std::move(points));
}

} // namespace nofly::sim
