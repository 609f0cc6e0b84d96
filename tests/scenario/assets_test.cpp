// Where the shipped data is found (src/scenario/assets.cpp). The installed
// case, a program under PREFIX/bin with PREFIX/share/nofly/assets, is tested
// on a real install by tests/install/install_test.sh.
#include "scenario/assets.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace nofly::scenario {
namespace {

/// Sets an environment variable for one test, as it was afterwards (each
/// test runs in its own process under ctest).
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old, m_had = true;
        if (value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_had)
            ::setenv(m_name, m_old.c_str(), 1);
        else
            ::unsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* m_name;
    std::string m_old;
    bool m_had = false;
};

TEST(Assets, NoflyAssetsOverridesEverything) {
    const ScopedEnv env("NOFLY_ASSETS", "/somewhere/else");
    const AssetLocation where = locateAssets();
    EXPECT_EQ(where.path, "/somewhere/else");
    EXPECT_EQ(where.origin, AssetOrigin::Environment);
    EXPECT_EQ(defaultAssetDir(), "/somewhere/else");
    EXPECT_STREQ(describe(where.origin), "NOFLY_ASSETS");
}

TEST(Assets, AnEmptyNoflyAssetsCountsAsUnset) {
    const ScopedEnv env("NOFLY_ASSETS", "");
    EXPECT_NE(locateAssets().origin, AssetOrigin::Environment);
}

TEST(Assets, FromTheBuildTreeTheSourceTreesAssets) {
    // a test program lives in the build tree, with no share/nofly beside it
    const ScopedEnv env("NOFLY_ASSETS", nullptr);
    const AssetLocation where = locateAssets();
    EXPECT_EQ(where.origin, AssetOrigin::SourceTree);
    EXPECT_EQ(std::filesystem::path(where.path), std::filesystem::path(NOFLY_SOURCE_DIR) / "assets");
    EXPECT_TRUE(
        std::filesystem::is_regular_file(std::filesystem::path(where.path) / "basemap" / "denmark.geojson"));
    EXPECT_STREQ(describe(where.origin), "source tree");
}

} // namespace
} // namespace nofly::scenario
