// Shipped basemaps (a country's coastline as GeoJSON in assets/basemap) and
// the shipped airport list (OurAirports CSV in assets/airports).
#pragma once

#include "core/projection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace nofly::scenario {

/// Polygons with holes in degrees: [polygon][ring][vertex], ring 0 outer.
using GeoMultiPolygon = std::vector<std::vector<std::vector<core::LatLon>>>;

/// Names of the basemaps in assetDir/basemap ("denmark").
std::vector<std::string> basemapNames(const std::string& assetDir);
/// Reads assetDir/basemap/<name>.geojson (Polygon or MultiPolygon features).
/// On failure returns nothing and sets `error`.
std::optional<GeoMultiPolygon> loadBasemap(const std::string& assetDir, const std::string& name, std::string& error);

struct CatalogueAirport {
    std::string icao;
    std::string name;
    core::LatLon geo;
    double elevationFt = 0.0;
};
/// Every airport in assetDir/airports/*.csv, sorted by ICAO code.
std::vector<CatalogueAirport> loadAirportCatalogue(const std::string& assetDir);

} // namespace nofly::scenario
