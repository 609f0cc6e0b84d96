#include "report/detail/geojson_coordinates.hpp"

#include <algorithm>
#include <cmath>

namespace nofly::report {

GeoJson geoPosition(const scenario::Scenario& s, core::Vec2 p, double scale) {
    const core::LatLon geo = s.projection.toGeo(p);
    return GeoJson::array({std::round(geo.lon * scale) / scale, std::round(geo.lat * scale) / scale});
}

GeoJson geoRing(const scenario::Scenario& s, core::Ring points, bool outer, double scale) {
    if (points.size() > 1 && points.front() == points.back()) points.pop_back();
    if ((core::signedArea(points) > 0.0) != outer) std::reverse(points.begin(), points.end());
    GeoJson out = GeoJson::array();
    for (core::Vec2 p : points) out.push_back(geoPosition(s, p, scale));
    if (!points.empty()) out.push_back(geoPosition(s, points.front(), scale));
    return out;
}

GeoJson geoPolygon(const scenario::Scenario& s, const core::Polygon& p, double scale) {
    GeoJson out = GeoJson::array({geoRing(s, p.outer, true, scale)});
    for (const core::Ring& hole : p.holes) out.push_back(geoRing(s, hole, false, scale));
    return out;
}

} // namespace nofly::report
