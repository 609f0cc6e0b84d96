// One test per limit of src/scenario/limits.hpp: each is refused with an
// error at the line that passes it, naming the limit. And includes stay in
// the scenario's folder tree, links out of it included.
#include "inline_scenario.hpp"

#include "scenario/import.hpp"
#include "scenario/limits.hpp"
#include "scenario/loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace nofly::scenario {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::kHead;
using testing::load;
using testing::printed;


ImportOptions geojson() {
    ImportOptions options;
    options.format = "geojson";
    return options;
}

/// A folder of its own under the system's temporary folder, removed after.
class TempDir {
  public:
    explicit TempDir(const std::string& name)
        : m_path(fs::temp_directory_path() / ("nofly-limits-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TempDir() { fs::remove_all(m_path); }
    const fs::path& path() const { return m_path; }
    void write(const std::string& name, const std::string& text) const {
        fs::create_directories((m_path / name).parent_path());
        std::ofstream(m_path / name, std::ios::binary) << text;
    }

  private:
    fs::path m_path;
};

TEST(ScenarioLimits, NestingTooDeepIsRefusedAtItsLine) {
    std::string deep = kHead + "description:\n  " + std::string(70, '[') + "x" + std::string(70, ']') + "\n";
    const LoadResult r = load(deep);
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:"));
    EXPECT_THAT(printed(r), HasSubstr("nest 65 deep here (limit 64)"));
}

TEST(ScenarioLimits, AliasesThatMultiplyAreRefused) {
    // each line doubles the values the next alias stands for: 2^21 in the end
    std::string text = kHead + "goals:\n  - &a0 [x, x]\n";
    for (int i = 1; i <= 20; ++i)
        text += "  - &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + "]\n";
    const LoadResult r = load(text);
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("values (limit 1000000; an alias counts its values each time it is used)"));
}

TEST(ScenarioLimits, TooManyPointsInARingIsRefusedBeforeItIsChecked) {
    std::string ring;
    for (std::size_t i = 0; i <= limits::kMaxRingPoints; ++i) ring += (i ? ", [" : "[") + std::to_string(i % 997) + ", " + std::to_string(i / 997) + "]";
    const LoadResult r = load(kHead + "zones:\n  - id: z\n    restriction: prohibited\n    shape:\n      polygon: [" + ring + "]\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:8:16: error: zone 'z' shape polygon has too many points: 50,001 (limit 50,000)"));
}

TEST(ScenarioLimits, TooManyDronesIsRefusedAtTheTrafficThatPassesTheLimit) {
    const std::string area = "area: {circle: {center: [0, 0], radius: 1 km}}, depart: {between: [10:00, 11:00]}";
    const LoadResult r = load(kHead + "traffic:\n"
                                      "  - {id: a, category: hobby, count: 60000, " + area + "}\n"
                                      "  - {id: b, category: hobby, count: 60000, " + area + "}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:6:5: error: too many drones: traffic 'b' brings them to 120,000 "
                                      "(limit 100,000)"));
}

TEST(ScenarioLimits, TooManyStepsIsRefusedAtTime) {
    const LoadResult r = load("title: Test\n"
                              "map: {origin: {lat: 55.69, lon: 12.56}}\n"
                              "time: {start: 2025-06-14T10:00+02:00, end: +30 h, step: 0.01 s}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:3:7: error: the run would take 10,800,000 steps (limit 10,000,000)"));
}

TEST(ScenarioLimits, DurationTimesDronesIsRefusedAtTime) {
    // 30,000 drones for 30 days at a 10 s step
    const LoadResult r = load("title: Test\n"
                              "map: {origin: {lat: 55.69, lon: 12.56}}\n"
                              "time: {start: 2025-06-01T10:00+02:00, end: +720 h, step: 10 s}\n"
                              "traffic:\n"
                              "  - {id: a, category: hobby, count: 30000, area: {circle: {center: [0, 0], radius: 1 "
                              "km}}, depart: {between: [10:00, 11:00]}}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:3:7: error: the run would take 30,000 drones times 259,200 steps = "
                                      "7,776,000,000 drone-steps (limit 2,000,000,000)"));
}

TEST(ScenarioLimits, TooManyZonesIsRefusedAtTheFirstZonePastTheLimit) {
    std::string text = kHead + "zones:\n";
    for (std::size_t i = 0; i <= limits::kMaxZones; ++i)
        text += "  - {id: z" + std::to_string(i) + ", restriction: prohibited, shape: {circle: {center: [0, 0], radius: 1 km}}}\n";
    const LoadResult r = load(text);
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:20005:5: error: too many zones: 20,001 (limit 20,000)"));
}

TEST(ScenarioLimits, TooManyIncludesIsRefusedAtTheFirstPastTheLimit) {
    std::string text = kHead + "include:\n";
    for (std::size_t i = 0; i <= limits::kMaxIncludes; ++i) text += "  - part" + std::to_string(i) + ".yaml\n";
    const LoadResult r = load(text);
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:105:5: error: too many included files: 101 (limit 100)"));
}

TEST(ScenarioLimits, AFileOverTheSizeLimitIsRefusedWithItsSize) {
    TempDir dir("size");
    dir.write("big.yaml", kHead + "description: \"" + std::string(kMaxFileBytes, 'x') + "\"\n");
    const LoadResult r = loadScenarioFile((dir.path() / "big.yaml").string());
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("is 8 MiB; the largest file nofly reads is 8 MiB"));
}

TEST(ScenarioLimits, ImportedJsonNestedTooDeepIsRefusedAtItsLine) {
    const std::string json = "{\"type\": \"FeatureCollection\",\n \"features\": " + std::string(80, '[') + std::string(80, ']') + "}\n";
    const ImportResult r = importZonesText(json, "deep.geojson", geojson());
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(printed(r.diagnostics), HasSubstr("deep.geojson:2:"));
    EXPECT_THAT(printed(r.diagnostics), HasSubstr("nest more than 64 deep here (limit 64)"));
}

TEST(ScenarioLimits, ImportedRingWithTooManyPointsIsRefused) {
    std::string ring = "[0, 0]";
    for (std::size_t i = 1; i <= limits::kMaxRingPoints; ++i)
        ring += ", [" + std::to_string(0.0001 * static_cast<double>(i % 1000)) + ", " + std::to_string(0.0001 * static_cast<double>(i / 1000)) + "]";
    const std::string json = "{\"type\": \"Feature\", \"properties\": {\"name\": \"z\"},\n"
                             " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[" + ring + "]]}}\n";
    const ImportResult r = importZonesText(json, "big.geojson", geojson());
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(printed(r.diagnostics), HasSubstr("has too many points: 50,001 (limit 50,000)"));
}

// --- includes stay in the scenario's folder tree --------------------------------

TEST(IncludeConfinement, APathUpAndOutIsRefused) {
    TempDir dir("up");
    dir.write("outside.yaml", "zones: []\n");
    dir.write("lesson/scenario.yaml", kHead + "include: [../outside.yaml]\n");
    const LoadResult r = loadScenarioFile((dir.path() / "lesson/scenario.yaml").string());
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("scenario.yaml:4:11: error: include '../outside.yaml' leaves the scenario's folder"));
}

TEST(IncludeConfinement, ALinkOutOfTheFolderIsRefused) {
    TempDir dir("link");
    dir.write("outside/zones.yaml", "zones:\n  - {id: far, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 1 km}}}\n");
    dir.write("lesson/scenario.yaml", kHead + "include: [zones.yaml]\n");
    fs::create_symlink(dir.path() / "outside/zones.yaml", dir.path() / "lesson/zones.yaml");
    const LoadResult r = loadScenarioFile((dir.path() / "lesson/scenario.yaml").string());
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("scenario.yaml:4:11: error: include 'zones.yaml' leaves the scenario's folder"));
}

TEST(IncludeConfinement, ALinkedFolderOutOfTheTreeIsRefused) {
    TempDir dir("folderlink");
    dir.write("outside/zones.yaml", "zones: []\n");
    dir.write("lesson/scenario.yaml", kHead + "include: [data/zones.yaml]\n");
    fs::create_directory_symlink(dir.path() / "outside", dir.path() / "lesson/data");
    const LoadResult r = loadScenarioFile((dir.path() / "lesson/scenario.yaml").string());
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("include 'data/zones.yaml' leaves the scenario's folder"));
}

TEST(IncludeConfinement, ALinkInsideTheFolderIsFollowed) {
    TempDir dir("inside");
    dir.write("lesson/real/zones.yaml", "zones:\n  - {id: near, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 1 km}}}\n");
    dir.write("lesson/scenario.yaml", kHead + "include: [zones.yaml]\n");
    fs::create_symlink(dir.path() / "lesson/real/zones.yaml", dir.path() / "lesson/zones.yaml");
    const LoadResult r = loadScenarioFile((dir.path() / "lesson/scenario.yaml").string());
    ASSERT_TRUE(r.scenario) << printed(r);
    ASSERT_EQ(r.scenario->zones.size(), 1u);
    EXPECT_EQ(r.scenario->zones[0].id, "near");
}

TEST(IncludeConfinement, AnIncludedFileCannotIncludeAnother) {
    TempDir dir("nested");
    dir.write("lesson/a.yaml", "include: [b.yaml]\n");
    dir.write("lesson/b.yaml", "zones: []\n");
    dir.write("lesson/scenario.yaml", kHead + "include: [a.yaml]\n");
    const LoadResult r = loadScenarioFile((dir.path() / "lesson/scenario.yaml").string());
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("a.yaml:1:1: error: included file 'a.yaml': unknown key 'include'"));
}

} // namespace
} // namespace nofly::scenario
