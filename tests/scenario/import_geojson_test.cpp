// Plain GeoJSON import: files in the form of Finland's drone-zone files
// (tests/data/geozones/geojson, our own invented zones, read in place) with
// and without the shipped mapping file, Point features with and without a
// radius, ring winding, holes, MultiPolygons, nofly's own property names,
// and the mapping file's own mistakes, each with its line.
#include "scenario/import.hpp"

#include "import_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace nofly::scenario {
namespace {

namespace fs = std::filesystem;
using testing::find;
using testing::printed;
using testing::utc;

/// A file of our own in the test's temporary folder.
std::string writeFile(const std::string& name, const std::string& text) {
    return testing::writeImportFile("nofly_geojson_", name, text);
}
using ::testing::HasSubstr;

const std::string kDir = std::string(NOFLY_TEST_DATA_DIR) + "/geozones/geojson/";
const std::string kFinlandMapping = std::string(NOFLY_SOURCE_DIR) + "/assets/mappings/finland.yaml";
constexpr core::Instant kHour = 3600000;

/// A FeatureCollection of one feature.
std::string feature(const std::string& geometry, const std::string& properties = "{}") {
    return R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "id": "f1", "properties": )" +
           properties + R"(,
"geometry": )" +
           geometry + "}]}";
}

// --- files in the form of Finland's ---------------------------------------------------------

TEST(ImportGeoJson, FinlandWithoutAMappingReadsShapesOnly) {
    const std::string file = kDir + "example_controlled_zones.geojson";
    const ImportResult r = importZones(file);
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.format, ImportFormat::GeoJson);
    // 8 features, each a Polygon with an "id" such as EXAMPLE_CTR_N
    EXPECT_EQ(r.zones.size(), 8u);
    const GeoZone* north = find(r, "EXAMPLE_CTR_N");
    ASSERT_NE(north, nullptr);
    // lines 3-45: 7 positions, the last closing the ring; name "Example Town CTR N"
    EXPECT_EQ(north->name, "Example Town CTR N");
    ASSERT_EQ(north->shape.polygons.size(), 1u);
    EXPECT_EQ(north->shape.polygons[0].outer.size(), 6u);
    EXPECT_DOUBLE_EQ(north->shape.polygons[0].outer[0].lon, 25.4); // [lon, lat] on lines 8-9
    EXPECT_DOUBLE_EQ(north->shape.polygons[0].outer[0].lat, 62.4);
    EXPECT_EQ(north->restriction, Restriction::Prohibited);
    EXPECT_FALSE(north->altitude.ceiling.has_value());
    // one warning for the whole file, at its first feature
    EXPECT_EQ(r.diagnostics.warningCount(), 1u);
    EXPECT_THAT(printed(r),
                HasSubstr(file + ":3:5: warning: the features have no 'restriction' property and no mapping "
                                 "file says what they mean"));
}

TEST(ImportGeoJson, FinlandWithTheShippedMapping) {
    ImportOptions options;
    options.mapping = kFinlandMapping;
    const ImportResult r = importZones(kDir + "example_controlled_zones.geojson", options);
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.diagnostics.warningCount(), 0u);
    // "type": "L" for the first four, "R" for SAMPLE_GARRISON_CTR and EXAMPLE_RANGE,
    // "R2" for EXAMPLE_MAST, "D" for EXAMPLE_DANGER
    int prohibited = 0, authorisation = 0, conditional = 0;
    for (const GeoZone& z : r.zones) {
        if (z.restriction == Restriction::Prohibited) ++prohibited;
        if (z.restriction == Restriction::Conditional) ++conditional;
        if (z.restriction == Restriction::Authorisation) {
            ++authorisation;
            EXPECT_DOUBLE_EQ(z.altitude.floor.metres, 50.0) << z.id; // L: free up to 50 m
        }
    }
    EXPECT_EQ(prohibited, 2);
    EXPECT_EQ(authorisation, 4);
    EXPECT_EQ(conditional, 2);
    EXPECT_EQ(find(r, "SAMPLE_GARRISON_CTR")->restriction, Restriction::Prohibited);
    EXPECT_EQ(find(r, "SAMPLE_GARRISON_CTR")->altitude.floor.metres, 0.0);
    EXPECT_EQ(find(r, "EXAMPLE_MAST")->restriction, Restriction::Conditional);
    EXPECT_THAT(find(r, "EXAMPLE_MAST")->message, HasSubstr("near fixed obstacles"));
    EXPECT_EQ(find(r, "EXAMPLE_DANGER")->reasons, std::vector<Reason>{Reason::Other});
}

TEST(ImportGeoJson, FinlandTemporaryZonesGetTheirWindows) {
    ImportOptions options;
    options.mapping = kFinlandMapping;
    const ImportResult r = importZones(kDir + "example_temporary_zones.geojson", options);
    ASSERT_TRUE(r.ok()) << printed(r);
    ASSERT_EQ(r.zones.size(), 3u);
    // timeBegin / timeEnd and type of each feature, on the one line of the file
    const struct {
        const char* id;
        core::Instant from, to;
        Restriction restriction;
    } expected[] = {
        {"EXAMPLE_TSA_1", utc(2025, 6, 2, 5), utc(2025, 6, 6, 15), Restriction::Prohibited},     // R
        {"EXAMPLE_TSA_2", utc(2025, 6, 4, 7, 30), utc(2025, 6, 4, 19), Restriction::Prohibited}, // R
        {"EXAMPLE_TSA_3", utc(2025, 6, 10, 6), utc(2025, 6, 12, 20), Restriction::Conditional}}; // D
    for (const auto& e : expected) {
        const GeoZone* z = find(r, e.id);
        ASSERT_NE(z, nullptr) << e.id;
        EXPECT_EQ(z->restriction, e.restriction) << e.id;
        ASSERT_EQ(z->schedule.periods.size(), 1u);
        EXPECT_EQ(z->schedule.periods[0].from, e.from) << e.id;
        EXPECT_EQ(z->schedule.periods[0].to, e.to) << e.id;
    }
    // the features share line 1 and differ by column
    EXPECT_EQ(find(r, "EXAMPLE_TSA_1")->where.line, 1);
    EXPECT_LT(find(r, "EXAMPLE_TSA_1")->where.column, find(r, "EXAMPLE_TSA_2")->where.column);
}

// --- shapes ------------------------------------------------------------------------------------

TEST(ImportGeoJson, EitherWindingGivesTheSameRing) {
    const ImportResult ccw = importZones(writeFile(
        "ccw.geojson",
        feature(
            R"({"type": "Polygon", "coordinates": [[[12, 55], [12.1, 55], [12.1, 55.1], [12, 55.1], [12, 55]]]})")));
    const ImportResult cw = importZones(writeFile(
        "cw.geojson",
        feature(
            R"({"type": "Polygon", "coordinates": [[[12, 55], [12, 55.1], [12.1, 55.1], [12.1, 55], [12, 55]]]})")));
    ASSERT_TRUE(ccw.ok()) << printed(ccw);
    ASSERT_TRUE(cw.ok()) << printed(cw);
    EXPECT_EQ(ccw.zones.at(0).shape.polygons.at(0).outer.size(), 4u);
    EXPECT_EQ(cw.zones.at(0).shape.polygons.at(0).outer.size(), 4u);
}

TEST(ImportGeoJson, MultiPolygonWithAHole) {
    const ImportResult r =
        importZones(writeFile("multi.geojson", feature(R"({"type": "MultiPolygon", "coordinates": [
  [[[12, 55], [12.1, 55], [12.1, 55.1], [12, 55.1], [12, 55]], [[12.02, 55.02], [12.04, 55.02], [12.04, 55.04], [12.02, 55.02]]],
  [[[13, 55], [13.1, 55], [13.1, 55.1], [13, 55]]]]})")));
    ASSERT_TRUE(r.ok()) << printed(r);
    const GeoShape& shape = r.zones.at(0).shape;
    ASSERT_EQ(shape.polygons.size(), 2u);
    EXPECT_EQ(shape.polygons[0].holes.size(), 1u);
    EXPECT_EQ(shape.polygons[0].holes[0].size(), 3u);
    EXPECT_TRUE(shape.polygons[1].holes.empty());
}

TEST(ImportGeoJson, HoleOutsideTheOutline) {
    const std::string file = writeFile("hole.geojson", feature(R"({"type": "Polygon", "coordinates": [
[[12, 55], [12.1, 55], [12.1, 55.1], [12, 55.1], [12, 55]], [[13, 55], [13.1, 55], [13.1, 55.1], [13, 55]]]})"));
    const ImportResult r = importZones(file);
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(printed(r),
                HasSubstr(file + ":3:48: error: feature 1 'f1': geometry: hole 1 is not inside the outer "
                                 "ring"));
}

TEST(ImportGeoJson, SwappedCoordinatesAreNamed) {
    const std::string file = writeFile(
        "swap.geojson",
        feature(R"({"type": "Polygon", "coordinates": [[[55, 12], [55, 100], [55.1, 12.1], [55, 12]]]})"));
    const ImportResult r = importZones(file);
    EXPECT_THAT(printed(r),
                HasSubstr(file +
                          ":3:60: error: feature 1 'f1': geometry outer ring point 2 has latitude 100, "
                          "which is not a latitude (GeoJSON and ED-269 write [longitude, latitude]"));
}

TEST(ImportGeoJson, APointNeedsARadius) {
    const std::string file =
        writeFile("point.geojson", feature(R"({"type": "Point", "coordinates": [12, 55]})"));
    const ImportResult r = importZones(file);
    // no area: the feature is left out with a warning, and the import goes on
    EXPECT_TRUE(r.ok()) << printed(r);
    EXPECT_TRUE(r.zones.empty());
    EXPECT_EQ(r.skipped, 1u);
    EXPECT_THAT(printed(r),
                HasSubstr(file +
                          ":3:13: warning: feature 1 'f1' is a Point, which has no area: it is left out "
                          "(to read points as circles, give them a radius: 'point-radius: 100 m' in a "
                          "mapping file (--mapping, or 'mapping:' in an include), or a \"radius\" "
                          "property on the feature)"));
    const ImportResult circle = importZones(writeFile(
        "radius.geojson", feature(R"({"type": "Point", "coordinates": [12, 55]})", R"({"radius": "2 km"})")));
    ASSERT_TRUE(circle.ok()) << printed(circle);
    EXPECT_DOUBLE_EQ(circle.zones.at(0).shape.circles.at(0).radius, 2000.0);
}

// --- nofly's own property names (what `nofly export --format geojson` writes) ------------------

TEST(ImportGeoJson, NoflyPropertiesNeedNoMapping) {
    const std::string properties =
        R"({"name": "Stadium", "restriction": "authorisation", "reason": ["population", "noise"],
"floor": "0 m AGL", "ceiling": "FL95", "message": "Matches", "exempt": ["police"],
"windows": [{"from": "2025-10-01T08:00:00+02:00", "to": "2025-10-01T10:00:00+02:00"}],
"weekly": [{"days": ["sat", "sun"], "from": "13:00", "to": "17:00"}], "utc-offset": "+02:00"})";
    const std::string geometry = R"({"type": "GeometryCollection", "geometries": [
{"type": "Polygon", "coordinates": [[[12, 55], [12.01, 55], [12, 55.01], [12, 55]]], "circle": {"center": [12.5, 55.5], "radius": 400}},
{"type": "LineString", "coordinates": [[12, 55], [12.1, 55.1]], "width": 300}]})";
    const ImportResult r = importZones(writeFile("nofly.geojson", feature(geometry, properties)));
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.diagnostics.warningCount(), 0u);
    const GeoZone& z = r.zones.at(0);
    EXPECT_EQ(z.id, "f1");
    EXPECT_EQ(z.restriction, Restriction::Authorisation);
    EXPECT_EQ(z.reasons, (std::vector<Reason>{Reason::Population, Reason::Noise}));
    EXPECT_DOUBLE_EQ(z.altitude.ceiling->metres, 2895.6); // FL95: 9500 ft
    EXPECT_EQ(z.altitude.ceiling->ref, core::AltitudeRef::AMSL);
    EXPECT_EQ(z.exempt, std::vector<std::string>{"police"});
    // the polygon with a circle member is the circle
    ASSERT_EQ(z.shape.circles.size(), 1u);
    EXPECT_TRUE(z.shape.polygons.empty());
    EXPECT_DOUBLE_EQ(z.shape.circles[0].radius, 400.0);
    ASSERT_EQ(z.shape.corridors.size(), 1u);
    EXPECT_DOUBLE_EQ(z.shape.corridors[0].width, 300.0);
    // a window and a weekly timetable at +02:00
    ASSERT_EQ(z.schedule.periods.size(), 2u);
    EXPECT_EQ(z.schedule.periods[0].from, utc(2025, 10, 1, 6));
    EXPECT_EQ(z.schedule.periods[1].weekly.at(0).days, (std::vector<int>{5, 6}));
    EXPECT_EQ(z.schedule.periods[1].weekly.at(0).utcOffsetMinutes, 120);
}

// --- the mapping file --------------------------------------------------------------------------

TEST(ImportGeoJson, MappingFileMistakesHaveTheirLines) {
    const std::string mapping =
        writeFile("bad_mapping.yaml", "class: type\nclassses:\n  R: {restriction: prohibited}\n");
    ImportOptions options;
    options.mapping = mapping;
    const ImportResult r = importZones(kDir + "example_controlled_zones.geojson", options);
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(printed(r),
                HasSubstr(mapping + ":2:1: error: the mapping: unknown key 'classses' (did you mean "
                                    "'classes'?)"));
}

TEST(ImportGeoJson, AClassTheMappingDoesNotKnow) {
    const std::string mapping =
        writeFile("r_only.yaml", "class: type\nclasses:\n  R: {restriction: prohibited}\n");
    ImportOptions options;
    options.mapping = mapping;
    const std::string file = kDir + "example_controlled_zones.geojson";
    const ImportResult r = importZones(file, options);
    EXPECT_FALSE(r.ok());
    // line 42: "type": "L" of the first feature
    EXPECT_THAT(printed(r), HasSubstr(file +
                                      ":42:17: error: feature 1 'EXAMPLE_CTR_N': type 'L' is not one of the "
                                      "mapping's classes (add it under 'classes:' in " +
                                      mapping));
}

TEST(ImportGeoJson, MappingSettingsAreChecked) {
    const std::string mapping =
        writeFile("settings.yaml", "class: type\nclasses:\n  R: {restriction: forbidden}\n");
    ImportOptions options;
    options.mapping = mapping;
    const ImportResult r = importZones(kDir + "example_temporary_zones.geojson", options);
    EXPECT_THAT(printed(r),
                HasSubstr(mapping + ":3:20: error: class 'R' restriction: 'forbidden' is not one of the "
                                    "known values (expected one of: prohibited,"));
}

} // namespace
} // namespace nofly::scenario

namespace nofly::scenario {
namespace {

using testing::said;

TEST(ImportGeoJson, EachRuleSaysWhereAndWhat) {
    const std::string file = writeFile("rules.geojson", R"({"type": "FeatureCollection", "features": [
{"type": "Place", "id": "a", "geometry": {"type": "Polygon", "coordinates": [[[12, 55], [12.1, 55], [12, 55.1], [12, 55]]]}},
{"type": "Feature", "id": "b", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[12, 55], [12.1, 55]]}},
{"type": "Feature", "id": "c", "properties": {"restriction": "forbidden"}, "geometry": {"type": "Polygon", "coordinates": [[[12, 55], [12.1, 55], [12, 55.1], [12, 55]]]}},
{"type": "Feature", "id": "d", "properties": {"ceiling": "120 m ASL"}, "geometry": null},
{"type": "Feature", "id": "e", "properties": {"floor": "FL33e303"}, "geometry": {"type": "Polygon", "coordinates": [[[12, 55], [12.1, 55], [12, 55.1], [12, 55]]]}},
{"type": "Feature", "id": "f", "properties": {"ceiling": "FL ninety"}, "geometry": {"type": "Polygon", "coordinates": [[[12, 55], [12.1, 55], [12, 55.1], [12, 55]]]}}
]})");
    const ImportResult r = importZones(file);
    const std::string out = printed(r);
    EXPECT_TRUE(said(r, file, 2, "feature 1 'a': type 'Place' is not \"Feature\"")) << out;
    EXPECT_TRUE(said(r, file, 3,
                     "feature 2 'b': geometry is a line, which has no area (give the LineString a \"width\""))
        << out;
    EXPECT_TRUE(said(r, file, 4, "feature 3 'c': restriction 'forbidden' is not a restriction")) << out;
    EXPECT_TRUE(said(r, file, 5, "feature 4 'd': ceiling: unknown altitude reference 'ASL'")) << out;
    EXPECT_TRUE(said(r, file, 5, "feature 4 'd': has no geometry")) << out;
    // a flight level is hundreds of feet: one past space is refused where it is written (issue 22, found
    // by fuzzing: FL33e303 was read as an infinite altitude)
    EXPECT_TRUE(
        said(r, file, 6, "feature 5 'e': floor: flight level 33e303 is above 100 km, where space begins"))
        << out;
    EXPECT_TRUE(said(r, file, 7, "feature 6 'f': ceiling: 'FL ninety' is not a flight level")) << out;

    const std::string mapping = writeFile("noclass.yaml", "classes:\n  R: {restriction: prohibited}\n");
    ImportOptions options;
    options.mapping = mapping;
    const ImportResult m = importZones(file, options);
    EXPECT_TRUE(said(m, mapping, 2,
                     "the mapping has classes but no 'class' (name the property whose value picks a "
                     "class, such as 'class: type')"))
        << printed(m);
}

} // namespace
} // namespace nofly::scenario

namespace nofly::scenario {
namespace {

// --- Point features: flying sites, helipads ---------------------------------------------------

/// The shipped Finland mapping with a radius for points.
std::string finlandMappingWithPointRadius(const std::string& radius) {
    std::ifstream in(kFinlandMapping);
    std::ostringstream text;
    text << in.rdbuf() << "point-radius: " << radius << "\n";
    return writeFile("finland_points.yaml", text.str());
}

TEST(ImportGeoJson, PointsAmongPolygonsAreLeftOutWithOneWarning) {
    // two Polygons (an A1 field, an R prison) and two Points (an A1 meadow, an A2 field)
    const std::string file = kDir + "example_flying_sites.geojson";
    ImportOptions options;
    options.mapping = kFinlandMapping;
    const ImportResult r = importZones(file, options);
    ASSERT_TRUE(r.ok()) << printed(r);
    ASSERT_EQ(r.zones.size(), 2u);
    EXPECT_EQ(find(r, "EXAMPLE_MODEL_FIELD")->restriction, Restriction::NoRestriction); // A1
    EXPECT_EQ(find(r, "EXAMPLE_PRISON")->restriction, Restriction::Prohibited);         // R
    EXPECT_EQ(r.features, 4u);
    EXPECT_EQ(r.skipped, 2u);
    // one warning for the file, at the first point's geometry (line 39)
    EXPECT_EQ(r.diagnostics.warningCount(), 1u);
    EXPECT_THAT(printed(r),
                HasSubstr(file + ":39:19: warning: 2 features are Points, which have no area: they "
                                 "are left out (feature 2 'EXAMPLE_MEADOW' here, "
                                 "'EXAMPLE_HARBOUR_FIELD') (to read points as circles, give them a "
                                 "radius: 'point-radius: 100 m' in a mapping file"));
}

TEST(ImportGeoJson, AMappingGivesPointsARadius) {
    ImportOptions options;
    options.mapping = finlandMappingWithPointRadius("100 m");
    const ImportResult r = importZones(kDir + "example_flying_sites.geojson", options);
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.diagnostics.warningCount(), 0u);
    ASSERT_EQ(r.zones.size(), 4u);
    // EXAMPLE_MEADOW: [24.6, 61.55], type A1; EXAMPLE_HARBOUR_FIELD: [22.15, 60.58], type A2
    const GeoZone* meadow = find(r, "EXAMPLE_MEADOW");
    ASSERT_EQ(meadow->shape.circles.size(), 1u);
    EXPECT_DOUBLE_EQ(meadow->shape.circles[0].radius, 100.0);
    EXPECT_DOUBLE_EQ(meadow->shape.circles[0].center.lat, 61.55);
    EXPECT_DOUBLE_EQ(meadow->shape.circles[0].center.lon, 24.6);
    EXPECT_EQ(meadow->restriction, Restriction::NoRestriction);
    const GeoZone* harbour = find(r, "EXAMPLE_HARBOUR_FIELD");
    EXPECT_EQ(harbour->restriction, Restriction::Authorisation);
    EXPECT_DOUBLE_EQ(harbour->altitude.floor.metres, 50.0);

    // a feature's own radius wins over the mapping's
    const ImportResult own = importZones(
        writeFile("own_radius.geojson", feature(R"({"type": "Point", "coordinates": [24.6, 61.55]})",
                                                R"({"type": "A1", "radius": "2 km"})")),
        options);
    ASSERT_TRUE(own.ok()) << printed(own);
    EXPECT_DOUBLE_EQ(own.zones.at(0).shape.circles.at(0).radius, 2000.0);
}

TEST(ImportGeoJson, PointRadiusIsChecked) {
    const std::string negative = writeFile("negative_radius.yaml", "point-radius: -5 m\n");
    ImportOptions options;
    options.mapping = negative;
    const ImportResult r = importZones(kDir + "example_flying_sites.geojson", options);
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(printed(r),
                HasSubstr(negative + ":1:15: error: the mapping point-radius must be more than zero "
                                     "(got -5 m)"));

    // OpenAir draws its own circles
    const std::string openair = writeFile("points.openair", "AC R\nAN Range\nAL GND\nAH 1000ft\n"
                                                            "V X=61:00:00N 025:00:00E\nDC 1\n");
    const std::string mapping = writeFile("openair_points.yaml", "default: {restriction: prohibited}\n"
                                                                 "point-radius: 100 m\n");
    options.mapping = mapping;
    const ImportResult air = importZones(openair, options);
    EXPECT_FALSE(air.ok());
    EXPECT_THAT(printed(air), HasSubstr(mapping + ":2:15: error: the mapping: 'point-radius' gives GeoJSON "
                                                  "points a radius, and OpenAir has none"));
}

} // namespace
} // namespace nofly::scenario
