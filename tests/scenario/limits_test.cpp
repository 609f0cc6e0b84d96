// One test per limit of src/scenario/limits.hpp: each is refused with an
// error at the line that passes it, naming the limit. And includes stay in
// the scenario's folder tree, links out of it included.
#include "inline_scenario.hpp"

#include "scenario/import.hpp"
#include "scenario/limits.hpp"
#include "scenario/loader.hpp"
#include "scenario/polygon_cache.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>

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
    EXPECT_THAT(printed(r), HasSubstr("values (limit 1,000,000 for a scenario and its included files together; an "
                                      "alias counts its values each time it is used)"));
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
    // just past the limit, and never said as the limit itself ("is 8 MiB; the largest ... is 8 MiB")
    const std::size_t size = kHead.size() + 14 + kMaxFileBytes + 2;
    EXPECT_THAT(printed(r), HasSubstr("is 8.0 MiB (" + std::to_string(size) +
                                      " bytes); the largest file nofly reads is 8 MiB"));
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

// --- budgets: totals, so that limits cannot multiply (issue 22, item 7) ---

TEST(ScenarioBudgets, ValuesAreCountedOverAllIncludedFilesTogether) {
    // 20 files of 56,003 values each, every one under the limit on its own (counted per file, 20
    // included files held 8 GB)
    TempDir dir("values");
    std::string include = "include:\n";
    for (int f = 1; f <= 20; ++f) {
        std::string places = "places:\n";
        for (int k = 0; k < 8000; ++k)
            places += "  - {id: p" + std::to_string(f) + "-" + std::to_string(k) + ", at: [0, 0]}\n";
        const std::string name = "part" + std::to_string(f) + ".yaml";
        dir.write(name, places);
        include += "  - " + name + "\n";
    }
    dir.write("scenario.yaml", kHead + include);
    const LoadResult r = loadScenarioFile((dir.path() / "scenario.yaml").string());
    EXPECT_FALSE(r.scenario);
    // the 18th file passes it, at the value counted past the limit: 17 x 56,003 and the scenario's own 41
    // before it; once, and the files after it are not read
    EXPECT_THAT(printed(r), HasSubstr("part18.yaml:1158:10: error: this file brings the scenario and its included "
                                      "files past 1,000,000 values (952,092 before it; limit 1,000,000 for all the "
                                      "files together; "));
    EXPECT_THAT(printed(r), ::testing::Not(HasSubstr("part19.yaml")));
}

const std::string kSensor = "  - {id: s0, type: radar, at: [0, 0], range: 2 km, false-alarms: 1e300}\n";

TEST(ScenarioBudgets, AFalseAlarmRateWithoutEndIsRefusedAtItsLine) {
    // 1e300 an hour ran forever
    const LoadResult r = load(kHead + "sensors:\n" + kSensor);
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:66: error: sensor 's0' false-alarms is '1e300' an hour; it is "
                                      "from 0 to 3,600 an hour (one a second) (a real sensor makes a few an hour, "
                                      "such as 'false-alarms: 0.5')"));
}

TEST(ScenarioBudgets, TheFalseAlarmsOfAllSensorsTogetherAreBudgeted) {
    // 14 sensors at the most each may make, for the 2 h of kHead: 100,800 expected
    std::string sensors = "sensors:\n";
    for (int k = 0; k < 14; ++k)
        sensors += "  - {id: s" + std::to_string(k) + ", type: radar, at: [0, 0], range: 2 km, false-alarms: 3600}\n";
    const LoadResult r = load(kHead + sensors);
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:18:5: error: sensor 's13' brings the false alarms expected over "
                                      "the run to 100,800 (budget 100,000 for all sensors together)"));
}

TEST(ScenarioBudgets, TheScansOfAllSensorsTogetherAreBudgeted) {
    // a scan every millisecond for 2 h is 7,200,001 scans a sensor
    const std::string fast = "type: radar, at: [0, 0], range: 2 km, update: 0.001 s}\n";
    const LoadResult r = load(kHead + "sensors:\n  - {id: a, " + fast + "  - {id: b, " + fast);
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:6:5: error: sensor 'b' brings the sensors' scans over the run to "
                                      "14,400,002 (budget 10,000,000 for all sensors together)"));
}

TEST(ScenarioBudgets, ScansTimesDronesAreBudgeted) {
    // 720,001 scans of 3,000 drones
    const LoadResult r = load(kHead +
                              "traffic:\n  - {id: t, category: hobby, count: 3000, area: {circle: {center: [0, 0], "
                              "radius: 1 km}}, depart: {between: [10:00, 11:00]}}\n"
                              "sensors:\n  - {id: quick, type: radar, at: [0, 0], range: 2 km, update: 0.01 s}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:7:5: error: sensor 'quick' brings the sensors' scans times the "
                                      "3,000 drones to more than 2,000,000,000 (budget 2,000,000,000 drone looks for "
                                      "all sensors together)"));
}

TEST(ScenarioBudgets, VariantsTimesTheSizeOfTheScenarioAreBudgeted) {
    // 2,000 variants: check loaded the 51 KB file 2,001 times (34 s)
    std::string text = kHead + "zones:\n  - {id: a, restriction: prohibited, shape: {circle: {center: [0, 0], "
                               "radius: 1 km}}}\nvariants:\n";
    for (int k = 0; k < 2000; ++k) text += "  v" + std::to_string(k) + ": {remove: [zones.a]}\n";
    const LoadResult r = load(text);
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:7:3: error: checking the 2,000 variants loads the scenario 2,001 "
                                      "times: 2,001 x 10,039 values and zone corners = 20,088,039 (budget "
                                      "5,000,000)"));
}

TEST(ScenarioBudgets, TenVariantsOfABigRingCheckTheRingOnce) {
    // a ring of 5,000 points (its check for crossings grows with their square) and 10 variants
    TempDir dir("ring");
    std::string ring;
    for (int k = 0; k < 5000; ++k) {
        const double angle = 2.0 * std::numbers::pi * k / 5000.0;
        ring += (k ? ", [" : "[") + std::to_string(1234.5 * std::cos(angle)) + ", " +
                std::to_string(1234.5 * std::sin(angle)) + "]";
    }
    std::string text = kHead + "zones:\n  - {id: ring, restriction: prohibited, shape: {polygon: [" + ring +
                       "]}}\nvariants:\n";
    for (int k = 0; k < 10; ++k)
        text += "  v" + std::to_string(k) + ": {set: {zones.ring.restriction: authorisation}}\n";
    dir.write("ring.yaml", text);
    const std::size_t before = polygonsChecked();
    const LoadResult r = checkScenarioFile((dir.path() / "ring.yaml").string());
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.scenario->variants.size(), 10u);
    EXPECT_EQ(polygonsChecked() - before, 1u); // the base load checked it; the 10 variants remembered it
}

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

// issue 22, item 1: a mapping path through a link inside the folder and up
// with '..' passed the check on the resolved path and was read from the path
// as written, which climbed out: the file outside was printed in the error
TEST(IncludeConfinement, AMappingThroughALinkAndUpIsReadWhereTheLinkLeads) {
    TempDir dir("mapping-link");
    dir.write("secret.yaml", "SECRET-LINE-1 root:x:0:0\nSECRET-LINE-2\n");
    dir.write("lesson/a/b/.keep", "");
    fs::create_directory_symlink(dir.path() / "lesson/a/b", dir.path() / "lesson/deep");
    fs::copy_file(std::string(NOFLY_TEST_DATA_DIR) + "/geozones/geojson/example_controlled_zones.geojson",
                  dir.path() / "lesson/zones.geojson");
    // deep/../../secret.yaml is lesson/a/b/../../secret.yaml: lesson/secret.yaml, which is not there
    dir.write("lesson/scenario.yaml", kHead + "include: [{file: zones.geojson, mapping: deep/../../secret.yaml}]\n");
    const LoadResult r = loadScenarioFile((dir.path() / "lesson/scenario.yaml").string());
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("deep/../../secret.yaml: error: cannot read the mapping file: no such file"));
    EXPECT_THAT(printed(r), ::testing::Not(HasSubstr("SECRET")));

    // and where the link and the '..' do lead inside, that file is the one read
    dir.write("lesson/secret.yaml", "default: {restriction: prohibited}\n");
    const LoadResult inside = loadScenarioFile((dir.path() / "lesson/scenario.yaml").string());
    ASSERT_TRUE(inside.scenario) << printed(inside);
    EXPECT_EQ(inside.scenario->zones.front().restriction, Restriction::Prohibited);
}

TEST(IncludeConfinement, AnIncludeThroughALinkAndUpIsReadWhereTheLinkLeads) {
    TempDir dir("include-link");
    dir.write("zones.yaml", "zones:\n  - {id: outside, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 1 km}}}\n");
    dir.write("lesson/zones.yaml", "zones:\n  - {id: inside, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 1 km}}}\n");
    dir.write("lesson/a/b/.keep", "");
    fs::create_directory_symlink(dir.path() / "lesson/a/b", dir.path() / "lesson/deep");
    dir.write("lesson/scenario.yaml", kHead + "include: [deep/../../zones.yaml]\n");
    const LoadResult r = loadScenarioFile((dir.path() / "lesson/scenario.yaml").string());
    ASSERT_TRUE(r.scenario) << printed(r);
    ASSERT_EQ(r.scenario->zones.size(), 1u);
    EXPECT_EQ(r.scenario->zones[0].id, "inside");
}

TEST(IncludeConfinement, AnErrorQuotesAShortExcerptOfAHugeKey) {
    const std::string key(7u << 20, 'k');
    const LoadResult r = load(kHead + "? " + key + "\n: 1\n"); // an explicit key: a plain one stops at 1024 characters
    EXPECT_FALSE(r.scenario);
    const std::string message = printed(r);
    EXPECT_THAT(message, HasSubstr("test.yaml:4:3: error: the scenario: unknown key 'kkkk"));
    EXPECT_THAT(message, HasSubstr("...' (7340032 bytes)"));
    EXPECT_LT(message.size(), 1000u);
}

TEST(IncludeConfinement, AnErrorQuotesAShortEscapedExcerptOfAWholeFile) {
    // a mapping file that is not a mapping (here a password file's shape) is not repeated whole
    TempDir dir("excerpt");
    std::string passwd;
    for (int i = 0; i < 200; ++i) passwd += "user" + std::to_string(i) + ":x:1000:1000::/home/u:/bin/sh\n";
    dir.write("lesson/mapping.yaml", passwd);
    fs::copy_file(std::string(NOFLY_TEST_DATA_DIR) + "/geozones/geojson/example_controlled_zones.geojson",
                  dir.path() / "lesson/zones.geojson");
    dir.write("lesson/scenario.yaml", kHead + "include: [{file: zones.geojson, mapping: mapping.yaml}]\n");
    const LoadResult r = loadScenarioFile((dir.path() / "lesson/scenario.yaml").string());
    EXPECT_FALSE(r.scenario);
    const std::string message = printed(r);
    EXPECT_THAT(message, HasSubstr("the mapping must be a mapping"));
    EXPECT_THAT(message, HasSubstr("'user0:x:1000:1000::/home/u:/bin/sh user1:x"));
    EXPECT_THAT(message, HasSubstr("...' (7"));
    EXPECT_THAT(message, ::testing::Not(HasSubstr("user199")));
    EXPECT_LT(message.size(), 1000u);
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
