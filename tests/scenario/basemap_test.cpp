// Reading basemaps (src/scenario/basemap.cpp) and what a scenario does with
// them (loader.cpp): the layered format, a user's own files, the country
// shape with and without its territorial waters, the default world map and
// the warning for a map wider than the basemap. Fixtures: tests/data/basemap.
#include "scenario/basemap.hpp"

#include "inline_scenario.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace nofly::scenario {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::printed;

const std::string kDir = std::string(NOFLY_TEST_DATA_DIR) + "/basemap";
/// A scenario as if written in the fixtures' folder, so its basemap paths are read there.
const std::string kFile = kDir + "/test.yaml";
/// An asset folder with a world map of two boxes (Denmark, France) and a layered denmark.
const std::string kAssets = kDir + "/assets";

LoadResult loadHere(const std::string& map, const std::string& rest = "") {
    return loadScenarioText("title: Test\ntime: {start: 2025-06-14T10:00+02:00, end: +2 h, step: 1 s}\n" +
                                map + rest,
                            kFile, {"", kAssets, {}});
}

/// Whether a point of the local plane lies in a zone of a loaded scenario.
bool inZone(const Scenario& s, const std::string& id, core::LatLon at) {
    return core::contains(s.zone(id)->region, s.projection.toLocal(at));
}

// --- the file ------------------------------------------------------------------------

TEST(BasemapFile, ReadsEveryLayerAndTheCollectionsOwnMembers) {
    core::Diagnostics d;
    const auto map = readBasemapFile(kDir + "/layered.geojson", {.tree = kDir, .layer = {}, .keep = {}}, d);
    ASSERT_TRUE(map) << printed(d);
    EXPECT_EQ(map->attribution, "Test fixture, after © OpenStreetMap contributors (ODbL)");
    ASSERT_TRUE(map->area);
    EXPECT_DOUBLE_EQ(map->area->south, 54.5);
    EXPECT_DOUBLE_EQ(map->area->east, 14.5);
    std::map<BasemapLayer, int> count;
    for (const GeoFeature& f : map->features)
        ++count[f.layer];
    EXPECT_EQ(count[BasemapLayer::Land], 2);
    EXPECT_EQ(count[BasemapLayer::Territory], 1);
    EXPECT_EQ(count[BasemapLayer::Water], 1);
    EXPECT_EQ(count[BasemapLayer::River], 1);
    EXPECT_EQ(count[BasemapLayer::Road], 1);
    EXPECT_EQ(count[BasemapLayer::Border], 1);
    EXPECT_EQ(count[BasemapLayer::Label], 3);
    EXPECT_EQ(map->features[0].country, "denmark");
    EXPECT_EQ(map->features[0].polygons.at(0).at(0).size(), 4u); // the closing point kept once
    EXPECT_EQ(map->features[2].country, "sweden");
    EXPECT_EQ(map->features[5].lines.size(), 2u); // a MultiLineString's two lines
    EXPECT_EQ(map->features[8].name, "Malmö");
    EXPECT_EQ(map->features[8].rank, 2);
}

TEST(BasemapFile, AFeatureWithoutALayerIsLandOfTheCountryItNames) {
    const fs::path dir = fs::temp_directory_path() / "nofly-old-basemap";
    fs::create_directories(dir);
    std::ofstream(dir / "old.geojson")
        << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Denmark"},)"
           R"("geometry":{"type":"Polygon","coordinates":[[[11,55],[12,55],[12,56],[11,55]]]}}]})";
    core::Diagnostics d;
    const auto map =
        readBasemapFile((dir / "old.geojson").string(), {.tree = dir.string(), .layer = {}, .keep = {}}, d);
    ASSERT_TRUE(map) << printed(d);
    ASSERT_EQ(map->features.size(), 1u);
    EXPECT_EQ(map->features[0].layer, BasemapLayer::Land);
    EXPECT_EQ(map->features[0].country, "denmark");
    fs::remove_all(dir);
}

TEST(BasemapFile, EachProblemIsReportedAtItsLineAndColumn) {
    core::Diagnostics d;
    const std::string file = kDir + "/broken_label.geojson";
    EXPECT_FALSE(readBasemapFile(file, {.tree = kDir, .layer = {}, .keep = {}}, d));
    const std::string out = printed(d);
    EXPECT_THAT(out, HasSubstr(file + ":4:47: error: basemap feature 2 layer 'lable' is not a basemap layer "
                                      "(did you mean 'label'?)"));
    EXPECT_THAT(out, HasSubstr(file +
                               ":7:25: error: basemap feature 3 (river) is a Polygon; the river layer takes "
                               "a LineString or MultiLineString"));
    EXPECT_THAT(out,
                HasSubstr(file + ":9:49: error: basemap feature 4 (label) [12.18, 95.5] is not on the Earth "
                                 "(GeoJSON writes [longitude, latitude], longitude first)"));
    EXPECT_EQ(d.errorCount(), 3u) << out;
}

TEST(BasemapFile, APointThatIsNotANumberIsNamedByItsPlace) {
    const fs::path dir = fs::temp_directory_path() / "nofly-point-basemap";
    fs::create_directories(dir);
    std::ofstream(dir / "p.geojson") << "{\"type\": \"FeatureCollection\", \"features\": [\n"
                                        "{\"type\": \"Feature\", \"properties\": {\"layer\": \"land\"},\n"
                                        " \"geometry\": {\"type\": \"Polygon\", \"coordinates\":\n"
                                        "  [[[11, 55], [12, \"55\"], [12, 56], [11, 55]]]}}]}\n";
    core::Diagnostics d;
    EXPECT_FALSE(
        readBasemapFile((dir / "p.geojson").string(), {.tree = dir.string(), .layer = {}, .keep = {}}, d));
    EXPECT_THAT(printed(d),
                HasSubstr("p.geojson:4:20: error: basemap feature 1 (land) outer ring point 2 latitude "
                          "must be a number, not '55'"));
    fs::remove_all(dir);
}

TEST(BasemapFile, BrokenJsonIsReportedAtItsLine) {
    const fs::path dir = fs::temp_directory_path() / "nofly-broken-basemap";
    fs::create_directories(dir);
    std::ofstream(dir / "b.geojson") << "{\"type\": \"FeatureCollection\",\n \"features\": [1, 2,]\n}\n";
    core::Diagnostics d;
    EXPECT_FALSE(
        readBasemapFile((dir / "b.geojson").string(), {.tree = dir.string(), .layer = {}, .keep = {}}, d));
    EXPECT_THAT(printed(d), HasSubstr("b.geojson:2:")) << printed(d);
    fs::remove_all(dir);
}

// --- a scenario's basemap ---------------------------------------------------------------

TEST(ScenarioBasemap, ACountryIsTheLandOfThatCountryAlone) {
    const LoadResult r =
        loadHere("map: {origin: {lat: 55.676, lon: 12.568}, basemap: layered.geojson}\n",
                 "zones:\n  - {id: dk, restriction: prohibited, shape: {country: denmark}}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    const Scenario& s = *r.scenario;
    EXPECT_TRUE(inZone(s, "dk", {55.5, 12.0}));
    EXPECT_FALSE(inZone(s, "dk", {55.6, 13.0}));   // Malmö: Sweden's land, on the same basemap
    EXPECT_FALSE(inZone(s, "dk", {55.64, 12.77})); // the sea off the land
    EXPECT_EQ(s.basemapLayers.home, "denmark");
    EXPECT_EQ(s.basemapLayers.land.size(), 2u);
    // traffic takes off from any land of the basemap, Sweden's too
    EXPECT_TRUE(core::contains(s.land, s.projection.toLocal({55.6, 13.0})));
}

TEST(ScenarioBasemap, WatersTerritorialIsTheCountrysTerritoryFeature) {
    const LoadResult r = loadHere(
        "map: {origin: {lat: 55.676, lon: 12.568}, basemap: layered.geojson}\n",
        "zones:\n  - {id: dk, restriction: prohibited, shape: {country: denmark, waters: territorial}}\n"
        "  - {id: land, restriction: prohibited, shape: {country: denmark, waters: none}}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_TRUE(inZone(*r.scenario, "dk", {55.64, 12.77}));    // the territorial sea
    EXPECT_FALSE(inZone(*r.scenario, "land", {55.64, 12.77})); // not land
    EXPECT_FALSE(inZone(*r.scenario, "dk", {55.6, 13.0}));     // Sweden
}

TEST(ScenarioBasemap, ACountryNotInTheBasemapListsTheCountriesItHas) {
    const LoadResult r =
        loadHere("map: {origin: {lat: 55.676, lon: 12.568}, basemap: layered.geojson}\n",
                 "zones:\n  - {id: z, restriction: prohibited, shape: {country: norway}}\n"
                 "  - {id: y, restriction: prohibited, shape: {country: swedn}}\n"
                 "  - {id: x, restriction: prohibited, shape: {country: sweden, waters: territorial}}\n"
                 "  - {id: w, restriction: prohibited, shape: {country: denmark, waters: all}}\n");
    EXPECT_FALSE(r.scenario);
    const std::string out = printed(r);
    EXPECT_THAT(out, HasSubstr("test.yaml:5:55: error: zone 'z' shape country 'norway' is not in basemap "
                               "'layered.geojson' (the basemap has: denmark, sweden)"));
    EXPECT_THAT(out,
                HasSubstr("test.yaml:6:55: error: zone 'y' shape country 'swedn' is not in basemap "
                          "'layered.geojson' (did you mean 'sweden'? the basemap has: denmark, sweden)"));
    EXPECT_THAT(out,
                HasSubstr("test.yaml:7:71: error: zone 'x' shape waters: basemap 'layered.geojson' has no "
                          "territorial waters for 'sweden' (it has them for: denmark)"));
    EXPECT_THAT(out, HasSubstr("test.yaml:8:72: error: zone 'w' shape waters: 'all' is not one of the known "
                               "values (expected one of: none, territorial)"));
}

TEST(ScenarioBasemap, ACountryWithNoBasemapSaysSo) {
    const LoadResult r =
        loadHere("map: {origin: {lat: 55.676, lon: 12.568}, basemap: none}\n",
                 "zones:\n  - {id: z, restriction: prohibited, shape: {country: denmark}}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:55: error: zone 'z' shape country 'denmark' needs a basemap with "
                          "land, and this scenario has none (name one in the map, such as "
                          "'map: {basemap: denmark}')"));
}

TEST(ScenarioBasemap, AMissingFileIsAnErrorAtTheBasemapLineNamingIt) {
    const LoadResult r =
        loadHere("map: {origin: {lat: 55.676, lon: 12.568}, basemap: maps/nowhere.geojson}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:3:52: error: map basemap file 'maps/nowhere.geojson' cannot be "
                          "read: no such file"));
}

TEST(ScenarioBasemap, AnUnknownShippedNameIsAnErrorWithTheNames) {
    const LoadResult r = loadHere("map: {origin: {lat: 55.676, lon: 12.568}, basemap: wrold}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:3:52: error: map basemap 'wrold' is not a shipped basemap "
                                      "(did you mean 'world'?; or a path"));
}

TEST(ScenarioBasemap, AProblemInsideTheFileIsReportedInTheFile) {
    const LoadResult r =
        loadHere("map: {origin: {lat: 55.676, lon: 12.568}, basemap: broken_label.geojson}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("broken_label.geojson:4:47: error: basemap feature 2 layer 'lable'"));
}

TEST(ScenarioBasemap, ALayerMappingReadsAUsersOwnFiles) {
    const LoadResult r =
        loadHere("map:\n  origin: {lat: 55.676, lon: 12.568}\n"
                 "  basemap: {land: my_land.geojson, water: lakes.geojson, labels: places.geojson,\n"
                 "            attribution: My own survey}\n",
                 "zones:\n  - {id: dk, restriction: prohibited, shape: {country: denmark}}\n"
                 "  - {id: other, restriction: prohibited, shape: {country: my_land}}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    const BasemapLayers& b = r.scenario->basemapLayers;
    // a land file's country: its features' ADMIN, else the file's name; a 'layer' property is ignored
    ASSERT_EQ(b.land.size(), 2u);
    EXPECT_TRUE(b.land.count("denmark"));
    EXPECT_TRUE(b.land.count("my_land"));
    EXPECT_TRUE(b.roads.empty());
    EXPECT_EQ(b.water.polygons.size(), 1u);
    ASSERT_EQ(b.labels.size(), 2u);
    EXPECT_EQ(b.labels[0].name, "Dragør"); // ranked first
    EXPECT_EQ(b.labels[1].name, "Valby");
    EXPECT_EQ(b.attribution, "My own survey");
    EXPECT_EQ(r.scenario->basemap, "own layers");
}

TEST(ScenarioBasemap, AUsersFileOfTheWrongKindIsAnErrorInThatFile) {
    const LoadResult r =
        loadHere("map:\n  origin: {lat: 55.676, lon: 12.568}\n  basemap: {labels: lakes.geojson}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("lakes.geojson:1:114: error: basemap feature 1 (label) is a Polygon; the label "
                          "layer takes a Point (give each layer its own file)"));
}

TEST(ScenarioBasemap, AMapWiderThanTheBasemapIsAWarningNamingTheGap) {
    const LoadResult r =
        loadHere("map: {origin: {lat: 55.676, lon: 12.568}, basemap: layered.geojson, extent: 150 km}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.diagnostics.warningCount(), 1u) << printed(r);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:3:52: warning: map reaches beyond the basemap's detailed data: the "
                          "basemap covers 54.5-56.6 N; the map reaches 54.3-57.0 N, and the basemap "
                          "covers 10.5-14.5 E; the map reaches 10.1-15.0 E"));
    // within the area: no warning
    const LoadResult inside =
        loadHere("map: {origin: {lat: 55.676, lon: 12.568}, basemap: layered.geojson, extent: 50 km}\n");
    EXPECT_EQ(inside.diagnostics.warningCount(), 0u) << printed(inside);
}

TEST(ScenarioBasemap, WithNoBasemapNamedTheWorldMapIsCutToTheMap) {
    const LoadResult r = loadHere("map: {origin: {lat: 55.676, lon: 12.568}}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.scenario->basemap, "world");
    EXPECT_TRUE(r.scenario->basemapLayers.land.count("denmark"));
    EXPECT_FALSE(r.scenario->basemapLayers.land.count("france")); // 1,000 km away: cut off
    EXPECT_EQ(r.scenario->basemapLayers.attribution,
              "Test world: two boxes, after Natural Earth (public domain)");
}

TEST(ScenarioBasemap, TheWorldMapIsCutAgainForEachScenario) {
    // the file is parsed once a process; each scenario keeps what meets its own map
    const LoadResult copenhagen = loadHere("map: {origin: {lat: 55.676, lon: 12.568}}\n");
    const LoadResult paris = loadHere("map: {origin: {lat: 48.857, lon: 2.352}}\n");
    ASSERT_TRUE(copenhagen.scenario && paris.scenario);
    EXPECT_TRUE(copenhagen.scenario->basemapLayers.land.count("denmark"));
    EXPECT_FALSE(copenhagen.scenario->basemapLayers.land.count("france"));
    EXPECT_TRUE(paris.scenario->basemapLayers.land.count("france"));
    EXPECT_FALSE(paris.scenario->basemapLayers.land.count("denmark"));
    EXPECT_EQ(paris.scenario->basemapLayers.home, "france"); // the land under the origin
}

TEST(ScenarioBasemap, BasemapNoneDrawsNone) {
    const LoadResult r = loadHere("map: {origin: {lat: 55.676, lon: 12.568}, basemap: none}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_TRUE(r.scenario->basemap.empty());
    EXPECT_TRUE(r.scenario->land.polygons.empty());
    EXPECT_TRUE(r.scenario->basemapLayers.land.empty());
}

TEST(ScenarioBasemap, TrafficTakesOffOnAnyLandOfTheBasemap) {
    // an area on Sweden's land: the basemap's, though the scenario is Danish
    const LoadResult r =
        loadHere("map: {origin: {lat: 55.676, lon: 12.568}, basemap: layered.geojson}\n",
                 "traffic:\n  - {id: t, category: hobby, count: 3, depart: {between: [10:00, 11:00]},\n"
                 "     area: {circle: {center: {lat: 55.8, lon: 13.4}, radius: 2 km}}}\n");
    EXPECT_TRUE(r.scenario) << printed(r);
}

} // namespace
} // namespace nofly::scenario
