// The map of a run as an SVG file, drawn with no display: the scene of
// buildMapScene() turned into SVG elements, with a title band, a legend
// panel and a scale bar. Deterministic: the same run gives the same bytes.
#pragma once

#include "report/run_record.hpp"
#include "report/scene.hpp"

#include <optional>
#include <string>

namespace nofly::report {

struct SvgOptions {
    int width = 1200;              ///< [px]
    int height = 900;              ///< [px]
    std::optional<core::Box> view; ///< world area to show [m]; none: fit the run (see buildMapScene)
    std::string assetDir;          ///< basemaps; empty: scenario::defaultAssetDir()
};

/// A scene as a standalone SVG document.
std::string sceneSvg(const Scene& scene, const SvgOptions& options = {});

/// The map of a run (buildMapScene, then sceneSvg).
std::string mapSvg(const RunRecord& run, const SvgOptions& options = {});

/// Text with & < > " ' escaped for XML.
std::string escapeXml(std::string_view text);

} // namespace nofly::report
