// What the scenario tests that load inline YAML share: a valid head to build
// on, the load itself (as the file test.yaml), and the diagnostics as a user
// reads them, one a line.
#pragma once

#include "scenario/loader.hpp"

#include <string>

namespace nofly::scenario::testing {

/// A valid head that most tests build on: 3 lines, so a test's own text starts on line 4.
inline const std::string kHead = "title: Test\n"
                                 "time: {start: 2025-06-14T10:00+02:00, end: +2 h, step: 1 s}\n"
                                 "map: {origin: {lat: 55.69, lon: 12.56}}\n";

inline LoadResult load(const std::string& text, const LoadOptions& options = {}) {
    return loadScenarioText(text, "test.yaml", options);
}

/// All diagnostics, formatted, one a line.
inline std::string printed(const core::Diagnostics& diagnostics) {
    std::string out;
    for (const core::Diagnostic& d : diagnostics.all()) out += core::format(d) + "\n";
    return out;
}
inline std::string printed(const LoadResult& result) {
    return printed(result.diagnostics);
}

} // namespace nofly::scenario::testing
