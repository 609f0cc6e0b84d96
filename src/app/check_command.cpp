#include "app/commands.hpp"

#include "report/summary.hpp"
#include "scenario/loader.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>

namespace nofly::app {

namespace fs = std::filesystem;

std::vector<std::string> scenarioFiles(const std::vector<std::string>& paths, std::vector<std::string>& missing) {
    std::vector<std::string> files;
    for (const std::string& path : paths) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            std::vector<std::string> found;
            for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
                const fs::path& p = entry.path();
                if (entry.is_regular_file() && p.extension() == ".yaml" && p.filename().string()[0] != '_')
                    found.push_back(p.string());
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(path, ec)) {
            files.push_back(path);
        } else {
            missing.push_back(path);
        }
    }
    return files;
}

int runCheck(const CheckOptions& options, std::ostream& out, std::ostream& err) {
    std::vector<std::string> missing;
    const std::vector<std::string> files = scenarioFiles(options.paths, missing);
    for (const std::string& m : missing) err << "nofly check: " << m << ": no such file or folder\n";
    if (!missing.empty()) return kUsageError;
    if (files.empty()) {
        err << "nofly check: no scenario files (*.yaml) found\n";
        return kUsageError;
    }

    std::vector<scenario::LoadResult> results;
    results.reserve(files.size());
    for (const std::string& file : files) results.push_back(scenario::checkScenarioFile(file));

    std::size_t invalid = 0;
    for (const auto& r : results) invalid += r.diagnostics.hasErrors() ? 1u : 0u;

    if (options.format == "json") {
        std::vector<report::CheckedFile> checked;
        for (std::size_t i = 0; i < files.size(); ++i)
            checked.push_back({files[i], results[i].scenario ? &*results[i].scenario : nullptr,
                               results[i].diagnostics.sorted()});
        out << report::checkJson(checked);
        return invalid ? kInputError : kOk;
    }

    // text: diagnostics on stderr as compilers print them, summaries on stdout
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& r = results[i];
        for (const core::Diagnostic& d : r.diagnostics.sorted()) err << core::format(d) << '\n';
        err.flush();
        if (r.scenario && !options.quiet) out << report::summaryText(*r.scenario) << '\n';
        out.flush();
    }
    if (!options.quiet || invalid) {
        std::ostream& s = invalid ? err : out;
        s << files.size() - invalid << " of " << files.size() << " scenario file" << (files.size() == 1 ? "" : "s")
          << " valid";
        if (invalid) s << "; " << invalid << " with errors";
        s << '\n';
    }
    return invalid ? kInputError : kOk;
}

} // namespace nofly::app
