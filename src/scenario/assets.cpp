#include "scenario/assets.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <utility>

namespace nofly::scenario {

namespace fs = std::filesystem;

namespace {

/// The installed asset folder relative to the folder of the program, as
/// CMake computed it from GNUInstallDirs ("../share/nofly/assets").
#ifdef NOFLY_INSTALLED_ASSETS
constexpr const char* kInstalledRelative = NOFLY_INSTALLED_ASSETS;
#else
constexpr const char* kInstalledRelative = "../share/nofly/assets";
#endif

/// The assets of an installed copy beside this program, or nothing. Linux
/// only: the program's own path is /proc/self/exe.
std::string installedAssetDir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return {};
    const fs::path dir = (exe.parent_path() / kInstalledRelative).lexically_normal();
    if (!fs::is_directory(dir, ec)) return {};
    std::string path = dir.string();
    if (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
}

} // namespace

AssetLocation locateAssets() {
    if (const char* env = std::getenv("NOFLY_ASSETS"); env && *env) return {env, AssetOrigin::Environment};
    if (std::string installed = installedAssetDir(); !installed.empty())
        return {std::move(installed), AssetOrigin::Installed};
#ifdef NOFLY_ASSET_DIR
    return {NOFLY_ASSET_DIR, AssetOrigin::SourceTree};
#else
    return {"assets", AssetOrigin::SourceTree};
#endif
}

std::string defaultAssetDir() {
    return locateAssets().path;
}

const char* describe(AssetOrigin origin) {
    switch (origin) {
    case AssetOrigin::Environment: return "NOFLY_ASSETS";
    case AssetOrigin::Installed: return "installed";
    case AssetOrigin::SourceTree: return "source tree";
    }
    return "unknown";
}

} // namespace nofly::scenario
