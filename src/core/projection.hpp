// WGS84 <-> the local east/north plane of a scenario, in metres, centred on
// the scenario's map origin. Uses GeographicLib's azimuthal equidistant
// projection on the WGS84 ellipsoid, so distances from the origin are exact
// and a country-wide scenario (Denmark: about 450 km) stays within a few
// metres per kilometre.
#pragma once

#include "core/geometry.hpp"

#include <memory>

namespace nofly::core {

/// Geographic position in degrees, WGS84.
struct LatLon {
    double lat = 0.0; ///< [deg] north positive
    double lon = 0.0; ///< [deg] east positive
};

class LocalProjection {
public:
    explicit LocalProjection(LatLon origin);
    ~LocalProjection();
    LocalProjection(const LocalProjection&);
    LocalProjection& operator=(const LocalProjection&);

    LatLon origin() const { return m_origin; }
    Vec2 toLocal(LatLon position) const;
    LatLon toGeo(Vec2 local) const;

private:
    struct Impl;
    LatLon m_origin;
    std::unique_ptr<Impl> m_impl;
};

/// Geodesic distance on the WGS84 ellipsoid. [m]
double geodesicDistance(LatLon a, LatLon b);

} // namespace nofly::core
