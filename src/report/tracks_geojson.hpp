// The flown tracks and the zones of a run as a GeoJSON FeatureCollection
// (RFC 7946, WGS84 [lon, lat]), for QGIS, geojson.io or any web map.
#pragma once

#include "report/run_record.hpp"

#include <string>

namespace nofly::report {

/// One LineString feature per drone that took off (its track from take-off to
/// landing, or to the end of the run if still flying) with its flight id,
/// category, behaviour, outcome, times, violations and distance; then one
/// Polygon or MultiPolygon feature per zone (circles as 64-gons, corridors as
/// chains of capsules, holes kept) with its id, name and restriction.
/// Coordinates have 6 decimals (about 0.1 m); pretty-printed with a fixed
/// indent and key order, ending with a newline, so the same run gives the
/// same bytes.
std::string tracksGeoJson(const RunRecord& run);

} // namespace nofly::report
