// The shipped airport list: OurAirports' airports with an ICAO-style code, as
// CSV in assets/airports (world_airports.csv), so that a scenario can say
// `airports: [LFPG, EHRD]` and get each airport's name and position.
#pragma once

#include "core/projection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace nofly::scenario {

struct CatalogueAirport {
    std::string icao;
    std::string name;
    core::LatLon geo;
    double elevationFt = 0.0; ///< [ft] above mean sea level, 0 when the list has none
    std::string type;         ///< OurAirports' type: "large_airport", "medium_airport"
    std::string country;      ///< ISO 3166-1 alpha-2: "FR"
};

/// Reads the airport lists of an asset folder (every assetDir/airports/*.csv,
/// with a header naming the columns ident, name, lat, lon, elevation_ft, type,
/// country) once, and answers questions about them. A scenario names a few
/// airports out of thousands, so `find` parses only the row it is asked for;
/// the whole list is parsed only to explain a code that is not in it.
class AirportCatalogue {
  public:
    explicit AirportCatalogue(std::string assetDir);

    /// The airport with this code, or nothing.
    std::optional<CatalogueAirport> find(const std::string& icao);
    /// Every airport, sorted by code.
    const std::vector<CatalogueAirport>& all();
    /// What to tell someone who wrote a code not in the list: the nearest
    /// codes by spelling and, when the code looks like an ICAO code of a
    /// country the list has, that country's airports. Empty when there is
    /// nothing near.
    std::string explainUnknown(const std::string& icao);

  private:
    struct File {
        std::string text;
        std::vector<std::string> header;
    };
    void read();
    std::optional<CatalogueAirport> parseRow(const File& file, const std::string& line) const;

    std::string m_assetDir;
    bool m_read = false;
    std::vector<File> m_files;
    bool m_parsed = false;
    std::vector<CatalogueAirport> m_all;
};

/// Every airport in assetDir/airports/*.csv, sorted by ICAO code.
std::vector<CatalogueAirport> loadAirportCatalogue(const std::string& assetDir);

} // namespace nofly::scenario
