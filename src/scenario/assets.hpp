// Where nofly's shipped data (basemaps, airports, mappings) lives: the one
// place that decides it, for every command and the window.
#pragma once

#include <string>

namespace nofly::scenario {

/// Where the asset folder was found, in the order it is looked for.
enum class AssetOrigin {
    Environment, ///< $NOFLY_ASSETS, which overrides everything else
    Installed,   ///< <folder of the program>/../share/nofly/assets (cmake --install, the .deb)
    SourceTree,  ///< the assets/ folder of the source tree the program was built from
};

struct AssetLocation {
    std::string path;
    AssetOrigin origin;
};

/// $NOFLY_ASSETS when set and not empty; else the installed folder beside the
/// program (found from /proc/self/exe) when it exists; else the source tree's
/// assets/ folder (running from the build folder).
AssetLocation locateAssets();

/// locateAssets().path.
std::string defaultAssetDir();

/// "NOFLY_ASSETS", "installed", "source tree": for `nofly --version`.
const char* describe(AssetOrigin origin);

} // namespace nofly::scenario
