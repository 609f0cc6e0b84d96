#include "app/commands.hpp"

#include "core/encoding.hpp"
#include "core/text.hpp"
#include "report/questions.hpp"
#include "report/summary.hpp"
#include "scenario/loader.hpp"
#include "scenario/text_file.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>

namespace nofly::app {

namespace fs = std::filesystem;

std::vector<FoundFile> scenarioFiles(const std::vector<std::string>& paths, std::vector<std::string>& missing) {
    std::vector<FoundFile> files;
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
            for (const std::string& file : found) files.push_back({file, path});
        } else if (fs::exists(path, ec)) {
            files.push_back({path, ""});
        } else {
            missing.push_back(path);
        }
    }
    return files;
}

namespace {

/// Checks one file; a file found in a folder is read only when it lies in
/// that folder once links are followed (the one path policy).
scenario::LoadResult checkFound(const FoundFile& file) {
    scenario::FileProblem problem;
    if (!file.folder.empty() && !scenario::resolveInTree(file.path, file.folder, problem)) {
        scenario::LoadResult refused;
        refused.diagnostics.error({file.path, 0, 0},
                                  problem.outside ? "a link that leads out of the folder " + core::quoted(file.folder) +
                                                        ", so it is not read"
                                                  : "cannot be read: " + problem.message,
                                  problem.outside ? "name the file itself to check it where it is" : problem.hint);
        return refused;
    }
    // and the questions' choices against what their flights can come to, on the base and each variant
    return scenario::checkScenarioFile(file.path, {}, report::checkQuestionChoices);
}

} // namespace

int runCheck(const CheckOptions& options, std::ostream& out, std::ostream& err) {
    std::vector<std::string> missing;
    const std::vector<FoundFile> found = scenarioFiles(options.paths, missing);
    std::vector<std::string> files;
    for (const FoundFile& f : found) files.push_back(f.path);
    for (const std::string& m : missing) err << "nofly check: " << m << ": no such file or folder\n";
    if (!missing.empty()) return kUsageError;
    if (files.empty()) {
        err << "nofly check: no scenario files (*.yaml) found\n";
        return kUsageError;
    }

    std::vector<scenario::LoadResult> results;
    results.reserve(files.size());
    for (const FoundFile& file : found) results.push_back(checkFound(file));

    std::size_t invalid = 0;
    for (const auto& r : results) invalid += r.diagnostics.hasErrors() ? 1u : 0u;

    if (options.format == "json") {
        std::vector<report::CheckedFile> checked;
        for (std::size_t i = 0; i < files.size(); ++i)
            // a file name that is not UTF-8 (refused by the loader) escaped: JSON is UTF-8
            checked.push_back({core::escapeNonUtf8(files[i]), results[i].scenario ? &*results[i].scenario : nullptr,
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
