// The geographic projection of a scenario, delegated to GeographicLib (the
// one home of that library in the program). The azimuthal equidistant
// projection keeps distances and bearings from the origin exact; elsewhere
// the scale across the bearing grows as about 1 + (r / R)^2 / 6 at distance r
// from the origin (R the earth's radius): 0.03 % at 250 km.
#include "core/projection.hpp"

#include <GeographicLib/AzimuthalEquidistant.hpp>
#include <GeographicLib/Geodesic.hpp>

namespace nofly::core {

// The projection object; it holds the WGS84 ellipsoid.
struct LocalProjection::Impl {
    GeographicLib::AzimuthalEquidistant projection{GeographicLib::Geodesic::WGS84()};
};

LocalProjection::LocalProjection(LatLon origin) : m_origin(origin), m_impl(std::make_unique<Impl>()) {}

LocalProjection::~LocalProjection() = default;

LocalProjection::LocalProjection(const LocalProjection& other)
    : m_origin(other.m_origin), m_impl(std::make_unique<Impl>(*other.m_impl)) {}

LocalProjection& LocalProjection::operator=(const LocalProjection& other) {
    if (this != &other) {
        m_origin = other.m_origin;
        m_impl = std::make_unique<Impl>(*other.m_impl);
    }
    return *this;
}

Vec2 LocalProjection::toLocal(LatLon position) const {
    Vec2 local;
    m_impl->projection.Forward(m_origin.lat, m_origin.lon, position.lat, position.lon, local.x, local.y);
    return local;
}

LatLon LocalProjection::toGeo(Vec2 local) const {
    LatLon position;
    m_impl->projection.Reverse(m_origin.lat, m_origin.lon, local.x, local.y, position.lat, position.lon);
    return position;
}

double geodesicDistance(LatLon a, LatLon b) {
    double metres = 0.0;
    GeographicLib::Geodesic::WGS84().Inverse(a.lat, a.lon, b.lat, b.lon, metres);
    return metres;
}

} // namespace nofly::core
