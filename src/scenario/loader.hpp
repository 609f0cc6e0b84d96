// Loading a scenario file: YAML in, an immutable Scenario out, or every
// problem of the file as diagnostics. Never throws for bad input.
#pragma once

#include "core/diagnostic.hpp"
#include "scenario/assets.hpp" // defaultAssetDir()
#include "scenario/limits.hpp"
#include "scenario/model.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nofly::scenario {

/// The largest seed a scenario or a command line gives: 2^53 - 1, the
/// largest whole number report.json (a double in JSON) holds exactly.
inline constexpr std::uint64_t kLargestSeed = 9007199254740991u;

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

/// A check of a layer above on a scenario loaded without an error; what it
/// reports joins the loader's diagnostics. `nofly check` weighs the questions'
/// choices with one (report::checkQuestionChoices).
using ScenarioCheck = std::function<void(const Scenario&, core::Diagnostics&)>;

/// The names of the variants a scenario file declares, read without loading
/// it (for a command line's --variant); nothing when the file cannot be read
/// or parsed, which loading it reports.
std::optional<std::vector<std::string>> declaredVariants(const std::string& path);

/// Loads the base scenario and then each of its variants, so that a mistake
/// anywhere in the file is found, and runs `check` on each that loads;
/// diagnostics are merged without repeats and the returned scenario is the base.
LoadResult checkScenarioFile(const std::string& path, const LoadOptions& options = {},
                             const ScenarioCheck& check = {});

} // namespace nofly::scenario
