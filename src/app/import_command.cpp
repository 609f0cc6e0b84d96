// nofly import: a real-data file (ED-269, ED-318, GeoJSON, OpenAir) into a
// YAML fragment of the scenario language, a `zones:` list that a scenario
// includes. The fragment goes to standard output, or whole to a file.
#include "app/commands.hpp"

#include "core/decimal.hpp"
#include "report/run_files.hpp"
#include "scenario/import.hpp"
#include "scenario/limits.hpp"

#include <cmath>
#include <cstdio>
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
    // a fragment is made to be included, and an included YAML file is at most kMaxFileBytes: a larger
    // one could never be read back, while the data file itself is included up to kMaxImportBytes
    if (text.size() > scenario::kMaxFileBytes) {
        const double tenths = std::floor(static_cast<double>(text.size()) * 10.0 / (1u << 20));
        const std::string size = core::fixed(tenths / 10.0, 1);
        err << "nofly import: the fragment of " << options.file << " would be " << size
            << " MiB, and a scenario includes a YAML file of at most " << (scenario::kMaxFileBytes >> 20)
            << " MiB; nothing was written (include the data file itself, 'include: [{file: " << options.file
            << "}]', which may be up to " << (scenario::kMaxImportBytes >> 20)
            << " MiB, or split it and import the parts)\n";
        return kInputError;
    }
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
    // -o /dev/stdout: the fragment alone on it, the summary on standard error as without -o
    (report::writesToStandardOutput(options.out) ? err : out) << "Wrote " << options.out << ": " << summary << '\n';
    return kOk;
}

} // namespace nofly::app
