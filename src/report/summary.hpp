// One-screen descriptions of a loaded scenario, for `nofly check` and the
// start of `nofly run`: as text for people and as JSON for editors and scripts.
#pragma once

#include "core/diagnostic.hpp"
#include "scenario/model.hpp"

#include <string>
#include <vector>

namespace nofly::report {

/// A few aligned lines: title, time window, map, zones by restriction,
/// flights by category, generated traffic, airports and the rest, variants.
std::string summaryText(const scenario::Scenario& scenario);

/// The result of checking one file, for the JSON form.
struct CheckedFile {
    std::string file;
    const scenario::Scenario* scenario = nullptr; ///< null when the file has errors
    std::vector<core::Diagnostic> diagnostics;
};

/// {"files": [{"file", "valid", "errors", "warnings", "diagnostics": [...],
/// "summary": {...}}]}, pretty-printed, ending with a newline.
std::string checkJson(const std::vector<CheckedFile>& files);

} // namespace nofly::report
