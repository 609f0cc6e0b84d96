#include "sim/zone_index.hpp"

#include <box2d/b2_circle_shape.h>
#include <box2d/b2_collision.h>
#include <box2d/b2_dynamic_tree.h>
#include <box2d/b2_polygon_shape.h>

#include <algorithm>
#include <cmath>

namespace nofly::sim {

namespace {

/// Pieces of one zone that meet along a shared edge give intervals that meet
/// up to rounding; gaps below this are closed when merging. [m]
constexpr double kMergeGap = 1e-6;

b2Vec2 toB2(core::Vec2 v) { return {static_cast<float>(v.x), static_cast<float>(v.y)}; }

} // namespace

static b2PolygonShape unitBox() {
    b2PolygonShape box;
    box.SetAsBox(1.0f, 1.0f);
    return box;
}

/// One convex piece: a Box2D shape placed at its own centre so that its
/// vertices stay small numbers in float.
struct Piece {
    int zone = -1;
    b2Transform transform;
    bool circle = false;
    b2PolygonShape polygon = unitBox(); // Box2D leaves a default polygon's vertices unset
    b2CircleShape disc;
    // the same piece in double precision, for the narrow phase
    std::vector<core::Vec2> vertices; ///< counter-clockwise, convex
    core::Vec2 centre;
    double radius = 0.0;

    const b2Shape& shape() const { return circle ? static_cast<const b2Shape&>(disc) : polygon; }
};

struct ZoneIndex::Impl {
    std::vector<Piece> pieces;
    b2DynamicTree tree;

    void add(Piece piece) {
        b2AABB box;
        piece.shape().ComputeAABB(&box, piece.transform, 0);
        pieces.push_back(piece);
        // the tree keeps the piece's index, not a pointer: pieces may still grow
        tree.CreateProxy(box, reinterpret_cast<void*>(static_cast<std::uintptr_t>(pieces.size() - 1)));
    }

    void addPolygon(int zone, const core::Ring& ring) {
        // centre the vertices, then hand them to Box2D
        core::Vec2 centre{0, 0};
        for (core::Vec2 p : ring) centre = centre + p;
        centre = centre * (1.0 / static_cast<double>(ring.size()));
        b2Vec2 local[b2_maxPolygonVertices];
        const int count = static_cast<int>(std::min<std::size_t>(ring.size(), b2_maxPolygonVertices));
        for (int i = 0; i < count; ++i) local[i] = toB2(ring[static_cast<std::size_t>(i)] - centre);
        Piece piece;
        piece.zone = zone;
        piece.transform.Set(toB2(centre), 0.0f);
        piece.polygon.Set(local, count);
        piece.vertices.assign(ring.begin(), ring.begin() + count);
        if (core::signedArea(piece.vertices) < 0) std::reverse(piece.vertices.begin(), piece.vertices.end());
        add(piece);
    }

    void addCircle(int zone, core::Vec2 centre, double radius) {
        Piece piece;
        piece.zone = zone;
        piece.circle = true;
        piece.transform.Set(toB2(centre), 0.0f);
        piece.disc.m_p.SetZero();
        piece.disc.m_radius = static_cast<float>(radius);
        piece.centre = centre;
        piece.radius = radius;
        add(piece);
    }

    void addBox(int zone, core::Vec2 a, core::Vec2 b, double halfWidth) {
        const core::Vec2 d = b - a;
        const double length = core::length(d);
        if (length <= 0.0) return;
        Piece piece;
        piece.zone = zone;
        piece.transform.Set(toB2((a + b) * 0.5), static_cast<float>(std::atan2(d.y, d.x)));
        piece.polygon.SetAsBox(static_cast<float>(length / 2.0), static_cast<float>(halfWidth));
        const core::Vec2 side = core::Vec2{-d.y, d.x} * (halfWidth / length);
        piece.vertices = {a - side, b - side, b + side, a + side};
        if (core::signedArea(piece.vertices) < 0) std::reverse(piece.vertices.begin(), piece.vertices.end());
        add(piece);
    }

    /// Where segment a->b is inside one piece, as fractions [enter, leave] of
    /// the segment. Box2D's own ray casts work in float and were measured up to
    /// 0.26 m off near tangents at kilometre scale, so the narrow phase is done
    /// here in double: Cyrus-Beck clipping against the convex polygon, the
    /// quadratic for a disc.
    static bool clip(const Piece& piece, core::Vec2 a, core::Vec2 b, double& enter, double& leave) {
        const core::Vec2 d = b - a;
        enter = 0.0;
        leave = 1.0;
        if (piece.circle) {
            const core::Vec2 f = a - piece.centre;
            const double qa = core::dot(d, d), qb = 2.0 * core::dot(f, d),
                         qc = core::dot(f, f) - piece.radius * piece.radius;
            if (qa == 0.0) return qc <= 0.0;
            const double disc = qb * qb - 4.0 * qa * qc;
            if (disc < 0.0) return false;
            const double root = std::sqrt(disc);
            enter = std::max(0.0, (-qb - root) / (2.0 * qa));
            leave = std::min(1.0, (-qb + root) / (2.0 * qa));
            return enter <= leave;
        }
        const std::size_t n = piece.vertices.size();
        for (std::size_t i = 0; i < n; ++i) {
            const core::Vec2 p = piece.vertices[i], q = piece.vertices[(i + 1) % n];
            const core::Vec2 edge = q - p;
            const core::Vec2 outward{edge.y, -edge.x}; // counter-clockwise ring: right of the edge is outside
            const double num = core::dot(outward, a - p), den = core::dot(outward, d);
            if (den == 0.0) {
                if (num > 0.0) return false; // parallel and outside
                continue;
            }
            const double t = -num / den;
            if (den < 0.0) enter = std::max(enter, t); // heading inwards
            else leave = std::min(leave, t);
            if (enter > leave) return false;
        }
        return true;
    }
};

ZoneIndex::ZoneIndex(const scenario::Scenario& scenario) : m_impl(std::make_unique<Impl>()) {
    for (std::size_t z = 0; z < scenario.zones.size(); ++z) {
        const int zone = static_cast<int>(z);
        const core::Region& region = scenario.zones[z].region;
        for (const core::Polygon& polygon : region.polygons)
            for (const core::Ring& piece : core::convexSplit(polygon)) m_impl->addPolygon(zone, piece);
        for (const core::Circle& circle : region.circles) m_impl->addCircle(zone, circle.center, circle.radius);
        // a corridor is a box per leg and a disc at every corner and end
        for (const core::Corridor& corridor : region.corridors) {
            for (std::size_t i = 0; i + 1 < corridor.path.size(); ++i)
                m_impl->addBox(zone, corridor.path[i], corridor.path[i + 1], corridor.halfWidth);
            for (core::Vec2 p : corridor.path) m_impl->addCircle(zone, p, corridor.halfWidth);
        }
    }
}

ZoneIndex::~ZoneIndex() = default;

std::size_t ZoneIndex::pieceCount() const { return m_impl->pieces.size(); }

std::vector<ZoneInterval> ZoneIndex::intervals(core::Vec2 a, core::Vec2 b) const {
    const double length = core::distance(a, b);
    const b2Vec2 fa = toB2(a), fb = toB2(b);

    // candidate pieces: the tree's boxes that the leg's box overlaps
    struct Collector {
        const Impl* impl;
        core::Vec2 a, b;
        std::vector<std::pair<int, std::pair<double, double>>> hits;
        bool QueryCallback(int32 proxy) {
            const auto index = reinterpret_cast<std::uintptr_t>(impl->tree.GetUserData(proxy));
            const Piece& piece = impl->pieces[index];
            double enter = 0, leave = 0;
            if (Impl::clip(piece, a, b, enter, leave)) hits.push_back({piece.zone, {enter, leave}});
            return true;
        }
    } collector{m_impl.get(), a, b, {}};
    // a ray through the tree meets only the boxes the leg itself crosses; a leg too short
    // for a float ray (Box2D asserts on zero length) asks for the boxes at its point
    if ((fb - fa).LengthSquared() > 0.0f) {
        struct Ray {
            Collector* collector;
            float RayCastCallback(const b2RayCastInput& input, int32 proxy) {
                collector->QueryCallback(proxy);
                return input.maxFraction;
            }
        } ray{&collector};
        b2RayCastInput input;
        input.p1 = fa;
        input.p2 = fb;
        input.maxFraction = 1.0f;
        m_impl->tree.RayCast(&ray, input);
    } else {
        b2AABB box;
        box.lowerBound = b2Min(fa, fb);
        box.upperBound = b2Max(fa, fb);
        m_impl->tree.Query(&collector, box);
    }

    // merge the pieces of each zone into stretches along the leg
    std::sort(collector.hits.begin(), collector.hits.end());
    std::vector<ZoneInterval> out;
    for (const auto& [zone, fractions] : collector.hits) {
        const double enter = fractions.first * length, leave = fractions.second * length;
        if (!out.empty() && out.back().zone == zone && enter <= out.back().leave + kMergeGap)
            out.back().leave = std::max(out.back().leave, leave);
        else
            out.push_back({zone, enter, leave});
    }
    return out;
}

std::vector<int> ZoneIndex::zonesAt(core::Vec2 p) const {
    struct Collector {
        const Impl* impl;
        core::Vec2 p;
        std::vector<int> zones;
        bool QueryCallback(int32 proxy) {
            const auto index = reinterpret_cast<std::uintptr_t>(impl->tree.GetUserData(proxy));
            const Piece& piece = impl->pieces[index];
            double enter = 0, leave = 0;
            if (Impl::clip(piece, p, p, enter, leave)) zones.push_back(piece.zone);
            return true;
        }
    } collector{m_impl.get(), p, {}};
    b2AABB box;
    box.lowerBound = toB2(p);
    box.upperBound = toB2(p);
    m_impl->tree.Query(&collector, box);
    std::sort(collector.zones.begin(), collector.zones.end());
    collector.zones.erase(std::unique(collector.zones.begin(), collector.zones.end()), collector.zones.end());
    return collector.zones;
}

} // namespace nofly::sim
