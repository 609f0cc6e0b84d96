// The spatial engine of a run: every zone cut into convex pieces (Box2D
// polygons of at most 8 vertices, discs, and boxes plus discs for corridors)
// kept in Box2D's dynamic AABB tree. It answers where a straight leg enters
// and leaves each zone, and which zones hold a point: the tree finds the
// candidate pieces, and each piece is clipped in double precision (Box2D's
// float ray casts were measured up to 0.26 m off near tangents at kilometre
// scale). Built once per scenario; immutable, so worlds may share it.
#pragma once

#include "core/geometry.hpp"
#include "scenario/model.hpp"

#include <memory>
#include <vector>

namespace nofly::sim {

/// The part of a straight leg inside one zone, as distances from the leg's
/// start [m].
struct ZoneInterval {
    int zone = -1; ///< index into Scenario::zones
    double enter = 0.0;
    double leave = 0.0;
};

class ZoneIndex {
public:
    explicit ZoneIndex(const scenario::Scenario& scenario);
    ~ZoneIndex();
    ZoneIndex(const ZoneIndex&) = delete;
    ZoneIndex& operator=(const ZoneIndex&) = delete;

    /// Every zone the leg a->b passes through, one merged interval per
    /// stretch inside, sorted by zone then by distance.
    std::vector<ZoneInterval> intervals(core::Vec2 a, core::Vec2 b) const;
    /// The zones that contain p (boundary included), sorted.
    std::vector<int> zonesAt(core::Vec2 p) const;
    /// Number of convex pieces in the tree, for reports and benchmarks.
    std::size_t pieceCount() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace nofly::sim
