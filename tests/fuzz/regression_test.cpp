// Every input a fuzz campaign found (tests/fuzz/regressions/<target>/) and
// every seed it started from (the shipped and invalid scenarios, the
// importers' test files) is replayed through its target in the ordinary test
// build: a crash, a sanitizer report or a broken invariant fails the test.
#include "fuzz_target.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

namespace fs = std::filesystem;

namespace nofly::fuzz {

std::vector<std::pair<std::string, Target>>& targets() {
    static std::vector<std::pair<std::string, Target>> all;
    return all;
}

namespace {

Target find(const std::string& name) {
    for (const auto& [n, target] : targets())
        if (n == name) return target;
    return nullptr;
}

std::vector<fs::path> filesIn(const fs::path& folder) {
    std::vector<fs::path> files;
    if (fs::is_directory(folder))
        for (const auto& entry : fs::recursive_directory_iterator(folder))
            if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

void replay(const std::string& name, const fs::path& file) {
    SCOPED_TRACE(file.string());
    std::ifstream in(file, std::ios::binary);
    ASSERT_TRUE(in) << "cannot open " << file;
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(find(name)(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0);
}

const fs::path kSource = NOFLY_SOURCE_DIR;

} // namespace

TEST(FuzzTargets, AllSeven) {
    std::set<std::string> names;
    for (const auto& [name, target] : targets()) names.insert(name);
    EXPECT_EQ(names, (std::set<std::string>{"scenario", "ed269", "ed318", "geojson", "openair", "quantity", "time"}));
}

class FuzzRegressions : public ::testing::TestWithParam<std::string> {};

// every crasher kept from a campaign
TEST_P(FuzzRegressions, ReplayEachKeptInput) {
    const std::string name = GetParam();
    ASSERT_NE(find(name), nullptr);
    for (const fs::path& file : filesIn(kSource / "tests/fuzz/regressions" / name)) replay(name, file);
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegressions,
                         ::testing::Values("scenario", "ed269", "ed318", "geojson", "openair", "quantity", "time"));

// the seeds: every scenario of the repository, valid or not
TEST(FuzzSeeds, ScenarioLoaderOnEveryScenarioFile) {
    const std::vector<fs::path> files = filesIn(kSource / "scenarios");
    std::size_t yaml = 0;
    for (const fs::path& file : files)
        if (file.extension() == ".yaml") {
            replay("scenario", file);
            ++yaml;
        }
    EXPECT_GE(yaml, 20u);
}

} // namespace nofly::fuzz

namespace nofly::fuzz {

// the importers' seeds: the real-data samples in tests/data and the tutorial's
TEST(FuzzSeeds, ImportersOnTheRealDataFiles) {
    const fs::path data = fs::path(NOFLY_TEST_DATA_DIR) / "geozones";
    for (const char* format : {"ed269", "ed318", "geojson", "openair"}) {
        std::vector<fs::path> files = filesIn(data / format);
        std::erase_if(files, [](const fs::path& f) { return f.extension() == ".txt" || f.extension() == ".md" ||
                                                             f.filename() == "LICENSE"; });
        EXPECT_FALSE(files.empty()) << format;
        for (const fs::path& file : files) replay(format, file);
    }
    replay("geojson", kSource / "scenarios/tutorial/_copenhagen_zones.json");
    replay("openair", kSource / "scenarios/tutorial/_copenhagen_airspace.openair");
}

} // namespace nofly::fuzz
