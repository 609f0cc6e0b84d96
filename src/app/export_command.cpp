// nofly export: a scenario's zones as GeoJSON (for QGIS or a web map) or as
// ED-269 (for a U-space tool), to standard output or whole to a file.
#include "app/commands.hpp"

#include "report/run_files.hpp"
#include "report/zones_export.hpp"
#include "scenario/loader.hpp"

#include <iostream>

namespace nofly::app {

int runExport(const ExportOptions& options, std::ostream& out, std::ostream& err) {
    scenario::LoadOptions load;
    load.variant = options.variant;
    const scenario::LoadResult loaded = scenario::loadScenarioFile(options.file, load);
    for (const core::Diagnostic& d : loaded.diagnostics.sorted())
        if (d.severity == core::Severity::Error) err << core::format(d) << '\n';
    if (!loaded.scenario) {
        err << "nofly export: " << options.file << " has errors; nothing was written\n";
        return kInputError;
    }

    const auto format = options.format == "ed269" ? report::ZoneFormat::Ed269 : report::ZoneFormat::GeoJson;
    const report::ZoneExport exported = report::exportZones(*loaded.scenario, format);
    for (const core::Diagnostic& d : exported.warnings.all())
        err << core::format(d) << '\n';
    for (const std::string& note : exported.notes)
        err << options.file << ": note: " << note << '\n';
    if (options.out.empty()) {
        out << exported.text;
        return kOk;
    }
    std::string error;
    if (!report::writeFileAtomically(options.out, exported.text, error)) {
        err << "nofly export: " << error << '\n';
        return kInputError;
    }
    if (!report::writesToStandardOutput(options.out)) // -o /dev/stdout: the zones alone on it
        out << "Wrote " << options.out << ": " << loaded.scenario->zones.size() << " zone"
            << (loaded.scenario->zones.size() == 1 ? "" : "s") << " as "
            << (format == report::ZoneFormat::Ed269 ? "ED-269" : "GeoJSON") << '\n';
    return kOk;
}

} // namespace nofly::app
