// `include:` of real airspace data: the files in tests/data/geozones read
// in place (the scenario is given as text, named as if it lay beside them),
// the long form of an include item and its checks, the schedules moved into
// the scenario's local time, variants on imported zones, and every message
// pointing at the right file and line.
#include "scenario/import.hpp"
#include "scenario/loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <sys/stat.h>
#include <unistd.h>

namespace nofly::scenario {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const std::string kGeozones = (fs::path(NOFLY_TEST_DATA_DIR) / "geozones/").lexically_normal().string();
constexpr core::Instant kHour = 3600000;

std::string printed(const LoadResult& r) {
    std::string out;
    for (const core::Diagnostic& d : r.diagnostics.all())
        out += core::format(d) + "\n";
    return out;
}

/// A scenario as if it were the file `name` in `folder`.
LoadResult load(const std::string& folder, const std::string& body, const std::string& name = "lesson.yaml",
                const LoadOptions& options = {}) {
    return loadScenarioText(body, folder + name, options);
}

/// A folder of our own for files that the shared data does not have.
std::string folderWith(const std::string& name, const std::string& file, const std::string& text) {
    const fs::path folder = fs::path(::testing::TempDir()) / ("nofly_include_" + name);
    fs::create_directories(folder);
    std::ofstream(folder / file, std::ios::binary) << text;
    return folder.string() + "/";
}

core::Instant at(int year, int month, int day, int hour, int minute = 0) {
    return core::daysFromCivil(year, month, day) * 24 * kHour + hour * kHour + minute * 60000LL;
}

const std::string kSwissTime = R"(title: Swiss sample
time: {start: 2022-06-18T18:00+02:00, end: +8 h}
map: {origin: {lat: 46.5, lon: 7.0}}
)";

TEST(IncludeRealData, Ed269ZonesJoinTheScenario) {
    const LoadResult r = load(kGeozones + "ed269/", kSwissTime + "include: [che_geoawareness_sample.json]\n");
    ASSERT_TRUE(r.scenario.has_value()) << printed(r);
    const Scenario& s = *r.scenario;
    ASSERT_EQ(s.zones.size(), 10u);
    ASSERT_EQ(s.includes.size(), 1u);
    const Zone* z = s.zone("montreux-concert-area");
    ASSERT_NE(z, nullptr);
    // projected with the scenario's projection: the centre written at [6.913146, 46.430758]
    const core::Vec2 centre = s.projection.toLocal({46.430758, 6.913146});
    ASSERT_EQ(z->region.circles.size(), 1u);
    EXPECT_NEAR(z->region.circles[0].center.x, centre.x, 0.01);
    EXPECT_NEAR(z->region.circles[0].center.y, centre.y, 0.01);
    EXPECT_DOUBLE_EQ(z->region.circles[0].radius, 3000.0);
    // it remembers the feature it came from (line 5 of the file)
    EXPECT_EQ(z->where.file, kGeozones + "ed269/che_geoawareness_sample.json");
    EXPECT_EQ(z->where.line, 5);
}

TEST(IncludeRealData, WeeklyUtcTimetableMovesIntoLocalTime) {
    const LoadResult r = load(kGeozones + "ed269/", kSwissTime + "include: [che_geoawareness_sample.json]\n");
    ASSERT_TRUE(r.scenario.has_value()) << printed(r);
    const Zone* z = r.scenario->zone("montreux-concert-area");
    ASSERT_NE(z, nullptr);
    // SAT and SUN 17:00:00Z to 23:59:59Z is 19:00 to 01:59:59 at +02:00; the
    // dates (June 2022 to June 2023) hold all through the scenario, so the
    // timetable is kept as it is
    ASSERT_EQ(z->active.weekly.size(), 1u);
    EXPECT_EQ(z->active.weekly[0].days, (std::vector<int>{5, 6}));
    EXPECT_EQ(z->active.weekly[0].from, 19 * kHour);
    EXPECT_EQ(z->active.weekly[0].to, 25 * kHour + 59 * 60000 + 59000);
    const int offset = r.scenario->time.utcOffsetMinutes;
    EXPECT_FALSE(scheduledActive(z->active, at(2022, 6, 18, 16, 30), offset)); // Saturday 18:30 local
    EXPECT_TRUE(scheduledActive(z->active, at(2022, 6, 18, 17, 0), offset));   // Saturday 19:00 local
    EXPECT_TRUE(scheduledActive(z->active, at(2022, 6, 18, 23, 30), offset));  // Sunday 01:30 local
}

TEST(IncludeRealData, DatesWithATimetableBecomeWindowsAroundTheScenario) {
    // ED-318: 2018-12-31T15:59:59Z to 2019-12-31T15:59:59Z, daily 16:00-17:00Z;
    // a scenario that runs across the end of the dates gets exact windows
    const LoadResult r = load(kGeozones + "ed318/", R"(title: New Year
time: {start: 2019-12-30T12:00+01:00, end: +3 days}
map: {origin: {lat: 49.0, lon: 2.6}}
include: [Example_Collection.json]
)");
    // +3 days is not a duration nofly reads: the include still reads, the time does not
    EXPECT_THAT(printed(r), HasSubstr("lesson.yaml:2:44: error: time end: unknown unit 'days'"));
    const LoadResult good = load(kGeozones + "ed318/", R"(title: New Year
time: {start: 2019-12-30T12:00+01:00, end: +72 h}
map: {origin: {lat: 49.0, lon: 2.6}}
include: [Example_Collection.json]
)");
    ASSERT_TRUE(good.scenario.has_value()) << printed(good);
    const Zone* z = good.scenario->zone("NFZ6547-1");
    ASSERT_NE(z, nullptr);
    EXPECT_TRUE(z->active.weekly.empty());
    const int offset = 60;
    EXPECT_TRUE(scheduledActive(z->active, at(2019, 12, 30, 16, 30), offset));  // daily 16:00-17:00Z
    EXPECT_FALSE(scheduledActive(z->active, at(2019, 12, 31, 17, 30), offset)); // after the dates end
    EXPECT_TRUE(scheduledActive(z->active, at(2019, 12, 29, 10, 30), offset));  // Sunday 10:00-12:00Z
    EXPECT_FALSE(scheduledActive(z->active, at(2020, 1, 1, 16, 30), offset));   // the dates are over
}

TEST(IncludeRealData, TheLongFormPicksFormatLanguageAndSkipBad) {
    const LoadResult r = load(kGeozones + "openair/", R"(title: Aldmere
time: {start: 2025-06-14T06:30-01:00, end: +4 h}
map: {origin: {lat: 44.5, lon: -30.5}}
include:
  - {file: example_extended.openair, format: openair, skip-bad: true}
)");
    ASSERT_TRUE(r.scenario.has_value()) << printed(r);
    EXPECT_EQ(r.scenario->zones.size(), 15u);
    // AA 2025-06-14T08:00Z/2025-06-14T16:00Z of the second R2: in force from 07:00 local
    const Zone* z = r.scenario->zone("r2-north-range-notam-2");
    ASSERT_NE(z, nullptr);
    EXPECT_FALSE(scheduledActive(z->active, at(2025, 6, 14, 7, 30), -60));
    EXPECT_TRUE(scheduledActive(z->active, at(2025, 6, 14, 8, 30), -60));
    // AA NONE: never in force while a scenario runs, and the loader says so
    EXPECT_THAT(
        printed(r),
        HasSubstr("example_extended.openair:143:1: warning: zone 'r2-north-range-notam' is never active"));
    // the ring around the control zone, written as one outline, is a zone with a hole
    const Zone* ring = r.scenario->zone("aldmere-rmz");
    ASSERT_NE(ring, nullptr);
    ASSERT_EQ(ring->region.polygons.size(), 1u);
    EXPECT_EQ(ring->region.polygons[0].holes.size(), 1u);

    const LoadResult french = load(kGeozones + "ed318/", R"(title: France
time: {start: 2019-06-02T11:00+02:00, end: +2 h}
map: {origin: {lat: 50.1, lon: 2.6}}
include: [{file: Example_GeoZone_Circle.json, lang: fr}]
)");
    ASSERT_TRUE(french.scenario.has_value()) << printed(french);
    EXPECT_EQ(french.scenario->zone("ABC1234")->message, "Chateau et parc");
}

TEST(IncludeRealData, AMappingBesideTheScenario) {
    const std::string folder = folderWith("mapping", "finland.yaml",
                                          "class: type\nclasses:\n  R: {restriction: prohibited}\n"
                                          "  L: {restriction: authorisation, floor: 50 m AGL}\n");
    // the data file stays in the shared folder: the mapping must be inside the scenario's folder
    const LoadResult escape = load(folder, R"(title: Finland
time: {start: 2025-06-01T10:00+03:00, end: +2 h}
map: {origin: {lat: 60.3, lon: 24.9}}
include: [{file: ../../finland.geojson, mapping: finland.yaml}]
)");
    EXPECT_THAT(printed(escape),
                HasSubstr("lesson.yaml:4:18: error: include '../../finland.geojson' leaves the "
                          "scenario's folder"));
    // the shipped mapping, four folders up from the data file, is outside the data's folder
    const LoadResult r = load(kGeozones + "geojson/", R"(title: Finland
time: {start: 2025-06-01T10:00+03:00, end: +2 h}
map: {origin: {lat: 62.4, lon: 25.6}}
include: [{file: example_controlled_zones.geojson, mapping: ../../../../assets/mappings/finland.yaml}]
)");
    EXPECT_THAT(printed(r),
                HasSubstr("lesson.yaml:4:61: error: mapping '../../../../assets/mappings/finland.yaml' "
                          "leaves the scenario's folder"));

    // the data file and the shipped mapping beside the scenario: the zones join it
    std::ifstream shipped(std::string(NOFLY_SOURCE_DIR) + "/assets/mappings/finland.yaml");
    const std::string beside = folderWith("mapping_beside", "finland.yaml",
                                          std::string(std::istreambuf_iterator<char>(shipped), {}));
    fs::copy_file(kGeozones + "geojson/example_controlled_zones.geojson", beside + "zones.geojson",
                  fs::copy_options::overwrite_existing);
    const LoadResult good = load(beside, R"(title: Finland
time: {start: 2025-06-01T10:00+03:00, end: +2 h}
map: {origin: {lat: 62.4, lon: 25.6}}
include: [{file: zones.geojson, mapping: finland.yaml}]
)");
    ASSERT_TRUE(good.scenario.has_value()) << printed(good);
    EXPECT_EQ(good.scenario->zones.size(), 8u);
    const Zone* north = good.scenario->zone("EXAMPLE_CTR_N"); // "type": "L"
    ASSERT_NE(north, nullptr);
    EXPECT_EQ(north->restriction, Restriction::Authorisation);
    EXPECT_EQ(north->where.file, beside + "zones.geojson");
    EXPECT_EQ(north->where.line, 3);
}

TEST(IncludeRealData, LenientReadsANationalDownload) {
    // Spain-style ED-318 (tests/data/geozones/ed318/lenient): refused without lenient: true
    const std::string folder = kGeozones + "ed318/lenient/";
    const std::string head = R"(title: Spain
time: {start: 2025-07-07T09:00+02:00, end: +4 h}
map: {origin: {lat: 40.4, lon: -3.7}}
)";
    const LoadResult strict = load(folder, head + "include: [national_style.json]\n");
    EXPECT_FALSE(strict.scenario.has_value());
    EXPECT_THAT(printed(strict),
                HasSubstr(folder +
                          "national_style.json:7:20: error: zone fields under properties.UASZone (not "
                          "ED-318; 3 features) (the file looks like a national download that bends "
                          "ED-318; --lenient ('lenient: true' in an include) accepts it"));

    const LoadResult r = load(folder, head + "include: [{file: national_style.json, lenient: true}]\n");
    ASSERT_TRUE(r.scenario.has_value()) << printed(r);
    EXPECT_EQ(r.scenario->zones.size(), 3u);
    EXPECT_THAT(printed(r),
                HasSubstr(folder + "national_style.json:7:20: warning: lenient: zone fields under "
                                   "properties.UASZone (not ED-318) read as if they were in properties "
                                   "(3 features)"));
    // EXAMPLE-ES-003: Mondays 08:00-12:00Z from 2025-07-01; 2025-07-07 is a Monday
    const Zone* prison = r.scenario->zone("EXAMPLE-ES-003");
    ASSERT_NE(prison, nullptr);
    EXPECT_FALSE(scheduledActive(prison->active, at(2025, 7, 7, 7, 30), 120)); // 09:30 local
    EXPECT_TRUE(scheduledActive(prison->active, at(2025, 7, 7, 8, 30), 120));  // 10:30 local

    const LoadResult wrong = load(folder, head + "include: [{file: national_style.json, lenient: maybe}]\n");
    EXPECT_THAT(printed(wrong),
                HasSubstr("lesson.yaml:4:48: error: include lenient: 'maybe' is not true or false"));
}

TEST(IncludeRealData, IncludeItemMistakes) {
    const LoadResult r = load(kGeozones + "ed269/", kSwissTime + R"(include:
  - {file: che_geoawareness_sample.json, fromat: ed269}
  - {format: ed269}
  - {file: che_geoawareness_sample.json, format: ed-269}
  - /etc/hosts.json
)");
    const std::string out = printed(r);
    EXPECT_THAT(out,
                HasSubstr("lesson.yaml:5:42: error: include: unknown key 'fromat' (did you mean 'format'?)"));
    EXPECT_THAT(out, HasSubstr("lesson.yaml:6:5: error: include has no 'file' (the path of the file, such as "
                               "'file: zones.openair')"));
    EXPECT_THAT(out,
                HasSubstr("lesson.yaml:7:50: error: include format: 'ed-269' is not one of the known values "
                          "(did you mean 'ed269'?)"));
    EXPECT_THAT(out, HasSubstr("lesson.yaml:8:5: error: include '/etc/hosts.json' is an absolute path"));
}

TEST(IncludeRealData, TheImportsOwnMistakesStopTheScenario) {
    const LoadResult r = load(kGeozones + "ed318/", R"(title: Invalid
time: {start: 2019-06-02T11:00+02:00, end: +2 h}
map: {origin: {lat: 49.0, lon: 2.6}}
include: [InvalidExample_GeoZone_2_Layers.json]
)");
    EXPECT_FALSE(r.scenario.has_value());
    EXPECT_THAT(printed(r),
                HasSubstr(kGeozones + "ed318/InvalidExample_GeoZone_2_Layers.json:89:17: error: feature 1 "
                                      "'NFZ6547': type 'REQ_AUTHORISATION' is not an ED-318 zone type"));
}

TEST(IncludeRealData, VariantsReachImportedZonesById) {
    const std::string body = kSwissTime + R"(include: [che_geoawareness_sample.json]
variants:
  quiet:
    remove: [zones.montreux-concert-area]
    set:
      zones.gantrisch-nature-park.restriction: prohibited
)";
    LoadOptions options;
    options.variant = "quiet";
    const LoadResult r = load(kGeozones + "ed269/", body, "lesson.yaml", options);
    ASSERT_TRUE(r.scenario.has_value()) << printed(r);
    EXPECT_EQ(r.scenario->zone("montreux-concert-area"), nullptr);
    EXPECT_EQ(r.scenario->zone("gantrisch-nature-park")->restriction, Restriction::Prohibited);
    EXPECT_EQ(r.scenario->zones.size(), 9u);
}

TEST(IncludeRealData, ADuplicateIdPointsAtBothFiles) {
    const LoadResult r = load(kGeozones + "ed269/", kSwissTime + R"(include: [che_geoawareness_sample.json]
zones:
  - {id: montreux-concert-area, restriction: prohibited, shape: {circle: {center: [0 m, 0 m], radius: 1 km}}}
)");
    EXPECT_THAT(printed(r), HasSubstr(kGeozones +
                                      "ed269/che_geoawareness_sample.json:5:5: error: duplicate zone id "
                                      "'montreux-concert-area' (the first is at " +
                                      kGeozones + "ed269/lesson.yaml:6; ids must be unique)"));
}

TEST(IncludeRealData, ALoaderMistakeInAnImportedZoneNamesItsFeature) {
    // nofly's GeoJSON carries exemptions; a category the scenario does not have is the loader's to find
    const std::string folder =
        folderWith("exempt", "zones.geojson", R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "id": "park", "properties": {"restriction": "prohibited", "exempt": ["rangers"]},
   "geometry": {"type": "Polygon", "coordinates": [[[12, 55], [12.01, 55], [12, 55.01], [12, 55]]]}}]}
)");
    const LoadResult r = load(folder, R"(title: Exempt
time: {start: 2025-06-01T10:00+02:00, end: +2 h}
map: {origin: {lat: 55.0, lon: 12.0}}
include: [zones.geojson]
)");
    EXPECT_THAT(printed(r),
                HasSubstr(folder + "zones.geojson:2:3: error: zone 'park' exempt: there is no operator "
                                   "category 'rangers'"));
}

// --- issue 22 ---------------------------------------------------------------------------

// item 14: a data file that cannot be read was reported against itself, with no line
TEST(IncludeRealData, ADataFileThatCannotBeReadIsAnErrorAtTheIncludeLine) {
    const std::string folder = folderWith("unreadable", "zones.geojson", "{}");
    fs::create_directories(folder + "folder.geojson");
    ::unlink((folder + "pipe.geojson").c_str());
    ASSERT_EQ(::mkfifo((folder + "pipe.geojson").c_str(), 0600), 0);
    const LoadResult r = load(folder, kSwissTime + "include:\n  - folder.geojson\n  - pipe.geojson\n"
                                                   "  - {file: missing.json, format: ed269}\n");
    EXPECT_FALSE(r.scenario);
    const std::string out = printed(r);
    EXPECT_THAT(out, HasSubstr("lesson.yaml:5:5: error: include 'folder.geojson' is not a regular file"));
    EXPECT_THAT(out, HasSubstr("lesson.yaml:6:5: error: include 'pipe.geojson' is not a regular file"));
    EXPECT_THAT(out, HasSubstr("lesson.yaml:7:12: error: include 'missing.json' no such file"));
}

// item 13: import accepted a ring (checked on its own plane, to the last digit) that include then
// refused (checked on the scenario's plane, to the millimetre the fragment writes)
TEST(IncludeRealData, ImportAndIncludeCheckARingAlike) {
    // a corner 0.3 mm off the south edge: on the edge, once written to the millimetre
    const std::string pinch =
        R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"name": "Pinch"},
 "geometry": {"type": "Polygon", "coordinates": [[[12.50, 55.60], [12.52, 55.60], [12.52, 55.61],
   [12.51, 55.600000003], [12.50, 55.61], [12.50, 55.60]]]}}]})";
    const std::string folder = folderWith("pinch", "zones.geojson", pinch);
    const ImportResult imported = importZones(folder + "zones.geojson");
    EXPECT_FALSE(imported.ok());
    const LoadResult included = load(folder, "title: T\ntime: {start: 2025-06-14T10:00+02:00, end: +2 h}\n"
                                             "map: {origin: {lat: 55.6, lon: 12.5}}\ninclude: [zones.geojson]\n");
    EXPECT_FALSE(included.scenario);
    std::string importedText;
    for (const core::Diagnostic& d : imported.diagnostics.all())
        if (d.severity == core::Severity::Error) importedText += core::format(d) + "\n";
    EXPECT_THAT(importedText, HasSubstr("zones.geojson:3:49: error: feature 1 'Pinch': geometry: the outline crosses "
                                        "itself"));
    EXPECT_THAT(printed(included), HasSubstr("zones.geojson:3:49: error: feature 1 'Pinch': geometry: the outline "
                                             "crosses itself"));

    // 5 cm off: both accept it
    std::string apart = pinch;
    apart.replace(apart.find("55.600000003"), 12, "55.600000500");
    const std::string fine = folderWith("apart", "zones.geojson", apart);
    EXPECT_TRUE(importZones(fine + "zones.geojson").ok());
    const LoadResult both = load(fine, "title: T\ntime: {start: 2025-06-14T10:00+02:00, end: +2 h}\n"
                                       "map: {origin: {lat: 55.6, lon: 12.5}}\ninclude: [zones.geojson]\n");
    EXPECT_TRUE(both.scenario) << printed(both);
}

} // namespace
} // namespace nofly::scenario
