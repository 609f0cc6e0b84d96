// Shipped basemaps (a country's coastline as GeoJSON in assets/basemap).
// The shipped airport list is scenario/airports.hpp.
#pragma once

#include "core/diagnostic.hpp"
#include "core/projection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace nofly::scenario {

/// Polygons with holes in degrees: [polygon][ring][vertex], ring 0 outer.
using GeoMultiPolygon = std::vector<std::vector<std::vector<core::LatLon>>>;
/// A line in degrees.
using GeoLine = std::vector<core::LatLon>;

/// The layers of a basemap (docs/basemaps.md): each feature is one of them.
enum class BasemapLayer { Land, Territory, Water, River, Border, Road, Label };
/// "land", "territory", "water", "river", "border", "road", "label".
const char* layerName(BasemapLayer layer);

/// The box a basemap's detailed data covers, in degrees (its `area` member).
struct GeoArea {
    double south = 0.0, west = 0.0, north = 0.0, east = 0.0;
};

/// One feature of a basemap file, in degrees.
struct GeoFeature {
    BasemapLayer layer = BasemapLayer::Land;
    std::string country;        ///< land, territory: lowercase ("denmark")
    std::string name;           ///< optional; a label's words
    int rank = 0;               ///< a label's importance, 1 first; 0: not given
    GeoMultiPolygon polygons;   ///< land, territory, water
    std::vector<GeoLine> lines; ///< river, border, road
    core::LatLon at;            ///< label
    GeoArea bounds;             ///< of all its points
};

/// A basemap file as read: its features and the FeatureCollection's own
/// members (attribution, area, source).
struct GeoBasemap {
    std::string file; ///< as shown in messages
    std::string attribution;
    std::string source;
    std::optional<GeoArea> area;
    std::vector<GeoFeature> features;
};

/// Names of the basemaps in assetDir/basemap ("denmark", "world").
std::vector<std::string> basemapNames(const std::string& assetDir);

/// How to read one basemap file.
struct BasemapRead {
    std::string tree; ///< the folder the file must stay in (the asset folder, the scenario's folder)
    /// A user's plain GeoJSON (QGIS, geojson.io): every feature takes this
    /// layer, whatever its properties say. None: each feature's `layer`
    /// property, and a feature without one is land (the old one-layer files).
    std::optional<BasemapLayer> layer;
    /// Keep only the features whose bounds meet this box (a world map cut to
    /// the scenario's); none: keep all.
    std::optional<GeoArea> keep;
};

/// Reads a basemap file (a GeoJSON FeatureCollection, docs/basemaps.md) by
/// the one path policy, with the strict JSON reader and the input budgets.
/// Problems are reported in `diagnostics` at file:line:col of the file, or
/// at `file` alone when it cannot be read; then returns nothing.
std::optional<GeoBasemap> readBasemapFile(const std::string& path, const BasemapRead& how,
                                          core::Diagnostics& diagnostics);

/// Every land polygon of assetDir/basemap/<name>.geojson. On failure returns
/// nothing and sets `error` to the first problem.
std::optional<GeoMultiPolygon> loadBasemap(const std::string& assetDir, const std::string& name,
                                           std::string& error);

} // namespace nofly::scenario
