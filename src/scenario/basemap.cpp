#include "scenario/basemap.hpp"

#include "scenario/limits.hpp"
#include "scenario/text_file.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace nofly::scenario {

namespace fs = std::filesystem;

std::vector<std::string> basemapNames(const std::string& assetDir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::path(assetDir) / "basemap", ec))
        if (entry.path().extension() == ".geojson") names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

// GeoJSON is JSON, and JSON is YAML: yaml-cpp reads it, so the scenario layer
// needs no second parser. Coordinates are [lon, lat].
static std::vector<core::LatLon> readRing(const YAML::Node& ring) {
    std::vector<core::LatLon> out;
    for (const YAML::Node& p : ring) out.push_back({p[1].as<double>(), p[0].as<double>()});
    return out;
}

std::optional<GeoMultiPolygon> loadBasemap(const std::string& assetDir, const std::string& name, std::string& error) {
    const fs::path file = fs::path(assetDir) / "basemap" / (name + ".geojson");
    // by the one path policy: a link in the asset folder may not lead out of it
    FileProblem problem;
    const auto text = readTextFile(file.string(), assetDir, kMaxImportBytes, "reads", problem);
    if (!text) {
        error = "cannot read basemap " + file.string() + ": " +
                (problem.outside ? std::string("it leaves the asset folder") : problem.message);
        return std::nullopt;
    }
    try {
        const YAML::Node root = YAML::Load(*text);
        GeoMultiPolygon out;
        auto addPolygon = [&](const YAML::Node& rings) {
            std::vector<std::vector<core::LatLon>> polygon;
            for (const YAML::Node& ring : rings) polygon.push_back(readRing(ring));
            out.push_back(std::move(polygon));
        };
        for (const YAML::Node& feature : root["features"]) {
            const YAML::Node geometry = feature["geometry"];
            const std::string type = geometry["type"].as<std::string>();
            if (type == "Polygon") addPolygon(geometry["coordinates"]);
            if (type == "MultiPolygon")
                for (const YAML::Node& polygon : geometry["coordinates"]) addPolygon(polygon);
        }
        if (out.empty()) {
            error = "basemap " + file.string() + " holds no polygon";
            return std::nullopt;
        }
        return out;
    } catch (const std::exception& e) {
        error = "cannot read basemap " + file.string() + ": " + e.what();
        return std::nullopt;
    }
}

// A CSV line with double quotes around fields that contain commas.
static std::vector<std::string> splitCsv(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        else if (c == ',' && !quoted) fields.emplace_back();
        else if (c != '\r') fields.back() += c;
    }
    return fields;
}

std::vector<CatalogueAirport> loadAirportCatalogue(const std::string& assetDir) {
    std::vector<CatalogueAirport> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::path(assetDir) / "airports", ec)) {
        if (entry.path().extension() != ".csv") continue;
        FileProblem problem;
        const auto text = readTextFile(entry.path().string(), assetDir, kMaxImportBytes, "reads", problem);
        if (!text) continue; // a shipped list that cannot be read: as if it were not there
        std::istringstream in(*text);
        std::string line;
        std::getline(in, line);
        const std::vector<std::string> header = splitCsv(line);
        auto column = [&](const char* name) {
            return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
        };
        const std::size_t icao = column("icao"), airportName = column("name"), lat = column("latitude_deg"),
                          lon = column("longitude_deg"), elevation = column("elevation_ft");
        while (std::getline(in, line)) {
            const std::vector<std::string> f = splitCsv(line);
            if (f.size() < header.size()) continue;
            try {
                out.push_back({f[icao], f[airportName], {std::stod(f[lat]), std::stod(f[lon])},
                               f[elevation].empty() ? 0.0 : std::stod(f[elevation])});
            } catch (const std::exception&) {
                // a shipped file with a broken row: skip the row, keep the rest
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.icao < b.icao; });
    return out;
}

} // namespace nofly::scenario
