// Loading a scenario file: YAML in, an immutable Scenario out, or every
// problem of the file as diagnostics. Never throws for bad input.
#pragma once

#include "core/diagnostic.hpp"
#include "scenario/assets.hpp" // defaultAssetDir()
#include "scenario/limits.hpp"
#include "scenario/model.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nofly::scenario {

struct LoadOptions {
    std::string variant;  ///< apply this variant; empty or "base" for the scenario as written
    std::string assetDir; ///< basemaps and airports; empty: defaultAssetDir()
    /// Settings from the command line (`nofly sweep --set`), applied after the
    /// variant as a variant's `set:` is: (path, value as YAML).
    std::vector<std::pair<std::string, std::string>> settings;
};

struct LoadResult {
    std::optional<Scenario> scenario; ///< set only when there is no error
    core::Diagnostics diagnostics;    ///< errors and warnings, in the order found
};

LoadResult loadScenarioFile(const std::string& path, const LoadOptions& options = {});
/// The same from text in memory; `fileName` is used in messages and to
/// resolve includes.
LoadResult loadScenarioText(const std::string& text, const std::string& fileName, const LoadOptions& options = {});

/// Loads the base scenario and then each of its variants, so that a mistake
/// anywhere in the file is found; diagnostics are merged without repeats and
/// the returned scenario is the base.
LoadResult checkScenarioFile(const std::string& path, const LoadOptions& options = {});

} // namespace nofly::scenario
