// GeoJSON coordinates of the local plane's shapes: [lon, lat] rounded to a
// given number of decimals, rings closed and wound as RFC 7946 asks (outer
// counter-clockwise, holes clockwise). Shared by tracks.geojson and the zone
// export, which differ only in precision.
#pragma once

#include "scenario/model.hpp"

#include <nlohmann/json.hpp>

namespace nofly::report {

using GeoJson = nlohmann::ordered_json;

/// [lon, lat], rounded to 1/scale of a degree (1e6: six decimals).
GeoJson geoPosition(const scenario::Scenario& s, core::Vec2 p, double scale);
/// A closed ring; `outer` decides its winding.
GeoJson geoRing(const scenario::Scenario& s, core::Ring points, bool outer, double scale);
/// Polygon coordinates: the outer ring, then the holes.
GeoJson geoPolygon(const scenario::Scenario& s, const core::Polygon& p, double scale);

} // namespace nofly::report
