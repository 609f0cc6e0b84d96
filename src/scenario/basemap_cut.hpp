// Cutting a basemap from real datasets (`nofly basemap`): GeoJSON files of
// countries' land, their territorial sea, lakes and rivers are clipped to an
// area, simplified to a detail in metres and written as one basemap in the
// format of docs/basemaps.md. GEOS does the geometry; it is used here only.
#pragma once

#include "core/diagnostic.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace nofly::scenario {

/// A box in degrees, as the basemap's `area` writes it.
struct GeoBox {
    double south = 0.0;
    double west = 0.0;
    double north = 0.0;
    double east = 0.0;
};

/// What to cut, from which files.
struct BasemapCut {
    GeoBox area;
    double detail = 20.0; ///< [m] largest distance a simplified line may move from the data's
    double minArea = 0.0; ///< [m^2] smaller islands and lakes are left out after simplifying
    std::string land;     ///< countries' land, a feature per country (layer `land`)
    std::string territory;                ///< optional: land plus territorial sea (layer `territory`)
    std::vector<std::string> water;       ///< optional: lakes and wide rivers, polygons (layer `water`)
    std::vector<std::string> rivers;      ///< optional: rivers as lines (layer `river`)
    std::string countryProperty;          ///< the property naming a country; empty: the first of kCountryProperties
    std::string isoCodes;                 ///< ISO 3166-1 list (iso-codes' JSON) naming three-letter codes
    std::string attribution;              ///< drawn on the map
    std::string source;                   ///< free text: datasets, versions, the detail
};

/// Properties looked for, in this order, when no country property is named.
inline constexpr const char* kCountryProperties[] = {"name", "NAME", "ADMIN", "A3", "ISO_A3"};

/// Where Debian's iso-codes package keeps the ISO 3166-1 list.
inline constexpr const char* kDefaultIsoCodes = "/usr/share/iso-codes/json/iso_3166-1.json";

/// What a cut holds, for the command's summary and docs/basemaps.md.
struct BasemapCutStats {
    std::size_t features = 0;
    std::size_t points = 0;
    std::size_t pointsRead = 0; ///< in the features of the datasets that reach into the area
};

/// The basemap as GeoJSON text (one feature a line), or nothing when a file
/// is missing or broken: every problem is in `diagnostics`, located at its
/// file:line:col. Warnings (a country code the ISO list lacks) leave the cut
/// standing.
std::optional<std::string> cutBasemap(const BasemapCut& cut, core::Diagnostics& diagnostics,
                                      BasemapCutStats* stats = nullptr);

/// "S,W,N,E" in degrees; nothing, with the reason, when it is not a box.
std::optional<GeoBox> parseGeoBox(const std::string& text, std::string& error);

} // namespace nofly::scenario
