// nofly import: a real-data file (ED-269, ED-318, GeoJSON, OpenAir) into a
// YAML fragment of the scenario language, a `zones:` list that a scenario
// includes. The fragment goes to standard output, or whole to a file.
#include "app/commands.hpp"

#include "report/run_files.hpp"
#include "scenario/import.hpp"

#include <filesystem>
#include <iostream>

namespace nofly::app {

namespace {

/// "+02:00", "-05:00", "Z": minutes east of UTC.
std::optional<int> parseOffset(const std::string& text) {
    auto parsed = core::parseInstant("1970-01-01T00:00" + text, core::TimeContext{});
    if (auto* t = std::get_if<core::Instant>(&parsed)) return static_cast<int>(-*t / 60000);
    return std::nullopt;
}

} // namespace

int runImport(const ImportOptions& options, std::ostream& out, std::ostream& err) {
    // the command line
    std::error_code ec;
    if (!std::filesystem::exists(options.file, ec)) {
        err << "nofly import: " << options.file << ": no such file\n";
        return kUsageError;
    }
    if (!options.mapping.empty() && !std::filesystem::exists(options.mapping, ec)) {
        err << "nofly import: --mapping " << options.mapping << ": no such file\n";
        return kUsageError;
    }
    const auto offset = parseOffset(options.utcOffset);
    if (!offset) {
        err << "nofly import: --utc-offset '" << options.utcOffset
            << "' is not an offset such as '+02:00' or 'Z'\n";
        return kUsageError;
    }

    // the import, and its problems
    scenario::ImportOptions import;
    import.format = options.format;
    import.lang = options.lang;
    import.skipBad = options.skipBad;
    import.lenient = options.lenient;
    import.mapping = options.mapping;
    const scenario::ImportResult result = scenario::importZones(options.file, import);
    for (const core::Diagnostic& d : result.diagnostics.sorted())
        err << core::format(d) << '\n';
    if (!result.ok()) {
        err << "nofly import: " << options.file << " has errors; nothing was written\n";
        return kInputError;
    }

    // the fragment
    core::Diagnostics writing;
    const std::string text = scenario::zonesFragment(result, options.file, {*offset, std::nullopt}, writing);
    for (const core::Diagnostic& d : writing.sorted())
        err << core::format(d) << '\n';
    const std::string summary = std::to_string(result.zones.size()) + " zone" +
                                (result.zones.size() == 1 ? "" : "s") + " from " + options.file + " (" +
                                std::string(scenario::title(*result.format)) + ")" +
                                (result.skipped ? "; " + std::to_string(result.skipped) + " left out" : "");
    if (options.out.empty()) {
        out << text;
        err << "nofly import: " << summary << '\n';
        return kOk;
    }
    std::string error;
    if (!report::writeFileAtomically(options.out, text, error)) {
        err << "nofly import: " << error << '\n';
        return kInputError;
    }
    out << "Wrote " << options.out << ": " << summary << '\n';
    return kOk;
}

} // namespace nofly::app
