// ED-318 import: EUROCONTROL's examples in tests/data/geozones/ed318
// (read in place): layers, Point circles, limitedApplicability, texts in
// several languages, the parts of a GeoZone on their own, and the example
// that is invalid on purpose; then what real files add (WGS84 heights,
// U-space airspace, sunrise times), each problem with its line.
#include "scenario/import.hpp"

#include "import_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace nofly::scenario {
namespace {

namespace fs = std::filesystem;
using testing::find;
using testing::printed;
using testing::utc;

/// A file of our own in the test's temporary folder.
std::string writeFile(const std::string& name, const std::string& text) {
    return testing::writeImportFile("nofly_ed318_", name, text);
}
using ::testing::HasSubstr;

const std::string kDir = std::string(NOFLY_TEST_DATA_DIR) + "/geozones/ed318/";
constexpr core::Instant kHour = 3600000;

/// A FeatureCollection of one GeoZone with this geometry and these extra properties.
std::string collection(const std::string& geometry, const std::string& properties = "") {
    return R"({"type": "FeatureCollection", "features": [{"type": "Feature",
"geometry": )" +
           geometry + R"(,
"properties": {"identifier": "X1", "name": [{"text": "X", "lang": "en-GB"}], "type": "PROHIBITED", "reason": ["OTHER"])" +
           properties + "}}]}";
}
const std::string kLayer =
    R"("layer": {"upper": 120, "upperReference": "AGL", "lower": 0, "lowerReference": "AGL", "uom": "m"})";

// --- EUROCONTROL's examples -----------------------------------------------------------------

TEST(ImportEd318, CollectionOfTwoGeoZones) {
    const ImportResult r = importZones(kDir + "Example_Collection.json");
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.format, ImportFormat::Ed318);
    // features at lines 9 and 135; NFZ6547 has two layers (50-150 and 0-50 m AGL)
    EXPECT_EQ(r.features, 2u);
    ASSERT_EQ(r.zones.size(), 3u);

    const GeoZone* upper = find(r, "NFZ6547-1");
    const GeoZone* lower = find(r, "NFZ6547-2");
    ASSERT_NE(upper, nullptr);
    ASSERT_NE(lower, nullptr);
    // lines 90: REQ_AUTHORIZATION with a Z; 91-94: AIR_TRAFFIC, OTHER
    EXPECT_EQ(upper->restriction, Restriction::Authorisation);
    EXPECT_EQ(upper->reasons, (std::vector<Reason>{Reason::AirTraffic, Reason::Other}));
    // lines 14-44: 4 corners and the closing one; layer 50 to 150 m AGL
    ASSERT_EQ(upper->shape.polygons.size(), 1u);
    EXPECT_EQ(upper->shape.polygons[0].outer.size(), 4u);
    EXPECT_DOUBLE_EQ(upper->shape.polygons[0].outer[0].lon, 2.585866);
    EXPECT_DOUBLE_EQ(upper->shape.polygons[0].outer[0].lat, 49.029301);
    EXPECT_DOUBLE_EQ(upper->altitude.floor.metres, 50.0);
    EXPECT_DOUBLE_EQ(upper->altitude.ceiling->metres, 150.0);
    // lines 45-76: 3 corners, 0 to 50 m AGL
    EXPECT_EQ(lower->shape.polygons[0].outer.size(), 3u);
    EXPECT_DOUBLE_EQ(lower->altitude.floor.metres, 0.0);
    EXPECT_DOUBLE_EQ(lower->altitude.ceiling->metres, 50.0);
    // lines 103-120: 2018-12-31T15:59:59Z to 2019-12-31T15:59:59Z, every day
    // 16:00-17:00Z and Sundays 10:00-12:00Z
    ASSERT_EQ(upper->schedule.periods.size(), 1u);
    const GeoPeriod& p = upper->schedule.periods[0];
    EXPECT_EQ(p.from, utc(2018, 12, 31, 15, 59, 59));
    EXPECT_EQ(p.to, utc(2019, 12, 31, 15, 59, 59));
    ASSERT_EQ(p.weekly.size(), 2u);
    EXPECT_EQ(p.weekly[0].days, (std::vector<int>{0, 1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(p.weekly[0].from, 16 * kHour);
    EXPECT_EQ(p.weekly[0].to, 17 * kHour);
    EXPECT_EQ(p.weekly[1].days, std::vector<int>{6});
    EXPECT_EQ(p.weekly[1].from, 10 * kHour);
    // lines 82-85: the name in en-GB
    EXPECT_EQ(upper->name, "LFPG-2 (50 m AGL to 150 m AGL)");
    EXPECT_EQ(upper->where.line, 14);
}

TEST(ImportEd318, CircleIsAPointWithAnExtent) {
    const ImportResult r = importZones(kDir + "Example_GeoZone_Circle.json");
    ASSERT_TRUE(r.ok()) << printed(r);
    ASSERT_EQ(r.zones.size(), 1u);
    const GeoZone& z = r.zones[0];
    // lines 12-26: Point [2.636866, 50.122901], radius 3500, layer 50 to 150 m AGL
    EXPECT_EQ(z.id, "ABC1234");
    ASSERT_EQ(z.shape.circles.size(), 1u);
    EXPECT_DOUBLE_EQ(z.shape.circles[0].center.lat, 50.122901);
    EXPECT_DOUBLE_EQ(z.shape.circles[0].center.lon, 2.636866);
    EXPECT_DOUBLE_EQ(z.shape.circles[0].radius, 3500.0);
    EXPECT_DOUBLE_EQ(z.altitude.floor.metres, 50.0);
    EXPECT_EQ(z.restriction, Restriction::Prohibited);
    EXPECT_EQ(z.reasons, (std::vector<Reason>{Reason::Population, Reason::Nature}));
    EXPECT_TRUE(z.schedule.always()); // no limitedApplicability
    EXPECT_EQ(z.message, "Castle and nature reserve");
}

TEST(ImportEd318, LangPicksTheText) {
    ImportOptions french;
    french.lang = "fr";
    const ImportResult r = importZones(kDir + "Example_GeoZone_Circle.json", french);
    ASSERT_TRUE(r.ok()) << printed(r);
    // otherReasonInfo in fr-BE; the name exists in en-GB only, so that one is taken
    EXPECT_EQ(r.zones.at(0).message, "Chateau et parc");
    EXPECT_EQ(r.zones.at(0).name, "Fictitious circle");
}

TEST(ImportEd318, EveryExampleWithZonesImports) {
    // file: zones (the two layers of NFZ6547 make two)
    const std::pair<const char*, std::size_t> files[] = {{"Example_GeoZone_2_Layers.json", 2},
                                                         {"Example_GeoZone_with_extension.json", 1},
                                                         {"PartialExample_featureGeoJSON.json", 2}};
    for (const auto& [file, zones] : files) {
        const ImportResult r = importZones(kDir + file);
        EXPECT_TRUE(r.ok()) << file << "\n" << printed(r);
        EXPECT_EQ(r.zones.size(), zones) << file;
        EXPECT_EQ(r.format, ImportFormat::Ed318) << file;
    }
}

TEST(ImportEd318, PartsOfAGeoZoneAreReadButHoldNoZones) {
    // the properties alone: NFZ6547, REQ_AUTHORIZATION, named LFPG-2
    const ImportResult properties = importZones(kDir + "PartialExample_GeoZoneProperties.json");
    EXPECT_TRUE(properties.ok()) << printed(properties);
    EXPECT_TRUE(properties.zones.empty());
    EXPECT_EQ(properties.part, "the properties of an ED-318 GeoZone");
    EXPECT_EQ(properties.partial.id, "NFZ6547");
    EXPECT_EQ(properties.partial.restriction, Restriction::Authorisation);
    EXPECT_EQ(properties.partial.name, "LFPG-2");
    EXPECT_THAT(printed(properties),
                HasSubstr("PartialExample_GeoZoneProperties.json:1:1: warning: the file holds "
                          "the properties of an ED-318 GeoZone alone, not zones: nothing to import"));

    // a TimePeriod: lines 2-13
    const ImportResult period = importZones(kDir + "PartialExample_TimePeriod.json");
    EXPECT_TRUE(period.ok()) << printed(period);
    EXPECT_EQ(period.part, "an ED-318 TimePeriod");
    ASSERT_EQ(period.partial.schedule.periods.size(), 1u);
    EXPECT_EQ(period.partial.schedule.periods[0].from, utc(2023, 10, 29, 0));
    EXPECT_EQ(period.partial.schedule.periods[0].to, utc(2024, 3, 31, 23, 59, 59));
    EXPECT_EQ(period.partial.schedule.periods[0].weekly.size(), 2u);

    // a ZoneAuthority: lines 2-12, its name in en-GB and its purpose
    const ImportResult authority = importZones(kDir + "PartialExample_ZoneAuthority.json");
    EXPECT_TRUE(authority.ok()) << printed(authority);
    EXPECT_EQ(authority.part, "an ED-318 ZoneAuthority");
    EXPECT_EQ(authority.partial.name, " Civil Aviation Authority");
    EXPECT_EQ(authority.partial.message, "NOTIFICATION");
}

TEST(ImportEd318, TheInvalidExampleFailsWithEachMistakeOnItsLine) {
    const std::string file = kDir + "InvalidExample_GeoZone_2_Layers.json";
    const ImportResult r = importZones(file);
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(r.zones.empty());
    const std::string out = printed(r);
    // line 5: validFrom is an object, not a date and time
    EXPECT_THAT(out, HasSubstr(file + ":5:18: error: metadata validFrom must be a date and time such as "
                                      "\"2018-12-31T15:59:59Z\", not an object"));
    // line 86: a name without its language
    EXPECT_THAT(out,
                HasSubstr(file + ":86:11: error: feature 1 'NFZ6547': name \"LFPG-2\" has no 'lang' (ED-318 "
                                 "gives every text its language"));
    // line 89: ED-269's spelling in an ED-318 file
    EXPECT_THAT(
        out, HasSubstr(file + ":89:17: error: feature 1 'NFZ6547': type 'REQ_AUTHORISATION' is not an ED-318 "
                              "zone type (ED-318 spells it REQ_AUTHORIZATION, with a Z"));
}

// --- what real files add ------------------------------------------------------------------------

TEST(ImportEd318, Wgs84HeightsAreReadAsAmslWithAWarning) {
    const std::string geometry =
        R"({"type": "Point", "coordinates": [12.5, 55.6], "extent": {"subType": "Circle", "radius": 1000},
"layer": {"upper": 300, "upperReference": "WGS84", "lower": 0, "lowerReference": "AGL", "uom": "ft"}})";
    const std::string file = writeFile("wgs84.json", collection(geometry));
    const ImportResult r = importZones(file);
    ASSERT_TRUE(r.ok()) << printed(r);
    const GeoZone& z = r.zones.at(0);
    EXPECT_EQ(z.altitude.ceiling->ref, core::AltitudeRef::AMSL);
    EXPECT_DOUBLE_EQ(z.altitude.ceiling->metres, 91.44); // 300 ft
    EXPECT_DOUBLE_EQ(z.shape.circles[0].radius, 304.8);  // 1000 in the layer's ft
    EXPECT_THAT(printed(r),
                HasSubstr(file + ":3:43: warning: feature 1 'X1': layer upper 300 ft AMSL is a height above "
                                 "the WGS84 ellipsoid, read as AMSL"));
    ASSERT_FALSE(z.notes.empty());
    EXPECT_THAT(z.notes[0], HasSubstr("read as AMSL"));
}

TEST(ImportEd318, USpaceAirspaceIsConditional) {
    std::string text = collection(
        R"({"type": "Polygon", "coordinates": [[[12, 55], [12.1, 55], [12.1, 55.1], [12, 55]]], )" + kLayer +
        "}");
    text.replace(text.find("\"PROHIBITED\""), 12, "\"USPACE\"");
    const ImportResult r = importZones(writeFile("uspace.json", text));
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.zones.at(0).restriction, Restriction::Conditional);
    EXPECT_THAT(r.zones.at(0).notes.at(0), HasSubstr("USPACE"));
}

TEST(ImportEd318, SunriseTimesCannotBeUsed) {
    const std::string periods = R"(, "limitedApplicability": [{"schedule": [
{"day": ["MON"], "startEvent": "SR", "endTime": "12:00:00Z"}]}])";
    const std::string file = writeFile(
        "sunrise.json",
        collection(
            R"({"type": "Polygon", "coordinates": [[[12, 55], [12.1, 55], [12.1, 55.1], [12, 55]]], )" +
                kLayer + "}",
            periods));
    const ImportResult r = importZones(file);
    EXPECT_THAT(printed(r),
                HasSubstr(file + ":4:32: error: feature 1 'X1': limitedApplicability 1 schedule 1 startEvent "
                                 "'SR' (a time set by the sun) cannot be used (nofly has no sunrise and "
                                 "sunset; write startTime and endTime instead)"));
}

TEST(ImportEd318, AGeometryNeedsItsLayer) {
    const std::string file = writeFile(
        "nolayer.json",
        collection(
            R"({"type": "Polygon", "coordinates": [[[12, 55], [12.1, 55], [12.1, 55.1], [12, 55]]]})"));
    const ImportResult r = importZones(file);
    EXPECT_THAT(printed(r),
                HasSubstr(file + ":2:13: error: feature 1 'X1': layer is missing (ED-318 gives each "
                                 "geometry a layer"));
}

} // namespace
} // namespace nofly::scenario

namespace nofly::scenario {
namespace {

TEST(ImportEd318, ATextNeedsItsText) {
    std::string text = collection(
        R"({"type": "Polygon", "coordinates": [[[12, 55], [12.1, 55], [12.1, 55.1], [12, 55]]], )" + kLayer +
        "}");
    const std::string name = R"([{"text": "X", "lang": "en-GB"}])";
    text.replace(text.find(name), name.size(), R"([{"lang": "en-GB"}])");
    const std::string file = writeFile("notext.json", text);
    const ImportResult r = importZones(file);
    EXPECT_THAT(printed(r), HasSubstr(file + ":3:45: error: feature 1 'X1': name 1 has no 'text'"));
}

} // namespace
} // namespace nofly::scenario

namespace nofly::scenario {
namespace {

// --- ED-318's "no ceiling", and national downloads that bend the standard ------------------------

TEST(ImportEd318, AnUpperLimitOf99999IsNoCeiling) {
    const std::string polygon =
        R"({"type": "Polygon", "coordinates": [[[12, 55], [12.1, 55], [12.1, 55.1], [12, 55]]], )";
    auto ceilingOf = [&](const std::string& name, const std::string& upper, const std::string& uom) {
        const ImportResult r = importZones(writeFile(
            name, collection(polygon + R"("layer": {"upper": )" + upper +
                             R"(, "upperReference": "AMSL", "lower": 0, "lowerReference": "AGL", "uom": ")" +
                             uom + R"("}})")));
        EXPECT_TRUE(r.ok()) << name << "\n" << printed(r);
        EXPECT_EQ(r.diagnostics.warningCount(), 0u) << name;
        return r.ok() ? r.zones.at(0).altitude.ceiling : std::optional<core::Altitude>{};
    };
    // 99999 in m or in ft is the sentinel: no ceiling, as null is
    EXPECT_FALSE(ceilingOf("sentinel_m.json", "99999", "m").has_value());
    EXPECT_FALSE(ceilingOf("sentinel_ft.json", "99999", "ft").has_value());
    EXPECT_FALSE(ceilingOf("null_upper.json", "null", "m").has_value());
    // any other height is a height
    const auto high = ceilingOf("high.json", "9999", "m");
    ASSERT_TRUE(high.has_value());
    EXPECT_DOUBLE_EQ(high->metres, 9999.0);
}

const std::string kNational = kDir + "lenient/national_style.json";

TEST(ImportEd318, ANationalDownloadIsRefusedWithAHint) {
    // Spain-style: zone fields under properties.UASZone, limits in properties.verticalLayer
    // with "UOM": "", "day": "ANY", "startDateTime": ""
    const ImportResult r = importZones(kNational);
    EXPECT_EQ(r.format, ImportFormat::Ed318);
    EXPECT_FALSE(r.ok());
    // each kind once, at its first place, with the number of features
    EXPECT_EQ(r.diagnostics.errorCount(), 5u) << printed(r);
    const std::string out = printed(r);
    EXPECT_THAT(out,
                HasSubstr(kNational + ":7:20: error: zone fields under properties.UASZone (not ED-318; 3 "
                                      "features) (the file looks like a national download that bends "
                                      "ED-318; --lenient ('lenient: true' in an include) accepts it, with "
                                      "a warning for each kind of difference)"));
    EXPECT_THAT(out,
                HasSubstr(kNational + ":18:32: error: an empty date (\"startDateTime\": \"\") (not ED-318; 2 "
                                      "features)"));
    EXPECT_THAT(out,
                HasSubstr(kNational + ":22:26: error: a schedule's day written as a text (\"day\": \"ANY\"), "
                                      "not a list (not ED-318; 2 features)"));
    EXPECT_THAT(out,
                HasSubstr(kNational + ":30:26: error: vertical limits under properties.verticalLayer, not in "
                                      "a layer on the geometry (not ED-318; 3 features)"));
    EXPECT_THAT(out,
                HasSubstr(kNational + ":35:18: error: an empty unit of height (\"UOM\": \"\") (not ED-318; 3 "
                                      "features)"));
}

TEST(ImportEd318, LenientReadsANationalDownload) {
    ImportOptions options;
    options.lenient = true;
    const ImportResult r = importZones(kNational, options);
    ASSERT_TRUE(r.ok()) << printed(r);
    // one warning a kind, not one a feature
    EXPECT_EQ(r.diagnostics.warningCount(), 5u) << printed(r);
    const std::string out = printed(r);
    EXPECT_THAT(out,
                HasSubstr(kNational + ":7:20: warning: lenient: zone fields under properties.UASZone (not "
                                      "ED-318) read as if they were in properties (3 features)"));
    EXPECT_THAT(out, HasSubstr(kNational +
                               ":18:32: warning: lenient: an empty date (\"startDateTime\": \"\") (not "
                               "ED-318) read as no date: the period is open at that end (2 features)"));
    EXPECT_THAT(out, HasSubstr(kNational +
                               ":22:26: warning: lenient: a schedule's day written as a text (\"day\": "
                               "\"ANY\"), not a list (not ED-318) read as the list of the days it "
                               "names (2 features)"));
    EXPECT_THAT(out,
                HasSubstr(kNational + ":30:26: warning: lenient: vertical limits under "
                                      "properties.verticalLayer, not in a layer on the geometry (not ED-318) "
                                      "read as the layer of each of the feature's geometries (3 features)"));
    EXPECT_THAT(out,
                HasSubstr(kNational + ":35:18: warning: lenient: an empty unit of height (\"UOM\": \"\") "
                                      "(not ED-318) read as metres, the likely unit (the heights written go "
                                      "up to 120) (3 features)"));

    ASSERT_EQ(r.zones.size(), 3u);
    // EXAMPLE-ES-001: REQ_AUTHORIZATION, 0 to 120 (m) AGL, "ANY" 06:00-20:00Z with empty dates
    const GeoZone* aerodrome = find(r, "EXAMPLE-ES-001");
    ASSERT_NE(aerodrome, nullptr);
    EXPECT_EQ(aerodrome->name, "Example aerodrome zone");
    EXPECT_EQ(aerodrome->restriction, Restriction::Authorisation);
    EXPECT_EQ(aerodrome->reasons, std::vector<Reason>{Reason::AirTraffic});
    EXPECT_EQ(aerodrome->message, "Ask the example aerodrome before flying.");
    EXPECT_DOUBLE_EQ(aerodrome->altitude.floor.metres, 0.0);
    EXPECT_DOUBLE_EQ(aerodrome->altitude.ceiling->metres, 120.0);
    EXPECT_EQ(aerodrome->altitude.ceiling->ref, core::AltitudeRef::AGL);
    EXPECT_EQ(aerodrome->shape.polygons.at(0).outer.size(), 4u);
    ASSERT_EQ(aerodrome->schedule.periods.size(), 1u);
    const GeoPeriod& daily = aerodrome->schedule.periods[0];
    EXPECT_FALSE(daily.from.has_value());
    EXPECT_FALSE(daily.to.has_value());
    ASSERT_EQ(daily.weekly.size(), 1u);
    EXPECT_EQ(daily.weekly[0].days, (std::vector<int>{0, 1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(daily.weekly[0].from, 6 * kHour);
    EXPECT_EQ(daily.weekly[0].to, 20 * kHour);
    // EXAMPLE-ES-002: upper 99999 with the empty unit: no ceiling; always in force
    const GeoZone* park = find(r, "EXAMPLE-ES-002");
    ASSERT_NE(park, nullptr);
    EXPECT_EQ(park->restriction, Restriction::Conditional);
    EXPECT_FALSE(park->altitude.ceiling.has_value());
    EXPECT_TRUE(park->schedule.always());
    // EXAMPLE-ES-003: 0 to 90 m AGL, from 2025-07-01 with an empty end, Mondays 08:00-12:00Z
    const GeoZone* prison = find(r, "EXAMPLE-ES-003");
    ASSERT_NE(prison, nullptr);
    EXPECT_EQ(prison->restriction, Restriction::Prohibited);
    EXPECT_DOUBLE_EQ(prison->altitude.ceiling->metres, 90.0);
    ASSERT_EQ(prison->schedule.periods.size(), 1u);
    EXPECT_EQ(prison->schedule.periods[0].from, utc(2025, 7, 1, 0));
    EXPECT_FALSE(prison->schedule.periods[0].to.has_value());
    EXPECT_EQ(prison->schedule.periods[0].weekly.at(0).days, std::vector<int>{0});
}

TEST(ImportEd318, ALayerInThePropertiesGivesACircleItsUnit) {
    // a circle's radius is in the unit of its layer's heights, here a verticalLayer in ft
    const std::string text = collection(
        R"({"type": "Point", "coordinates": [12.5, 55.6], "extent": {"subType": "Circle", "radius": 1000}})",
        R"(, "verticalLayer": {"upper": 400, "upperReference": "AGL", "lower": 0, "lowerReference": "AGL", "UOM": "ft"})");
    const std::string file = writeFile("properties_layer.json", text);
    ImportOptions options;
    options.lenient = true;
    const ImportResult r = importZones(file, options);
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_DOUBLE_EQ(r.zones.at(0).shape.circles.at(0).radius, 304.8); // 1000 ft
    EXPECT_DOUBLE_EQ(r.zones.at(0).altitude.ceiling->metres, 121.92);  // 400 ft
    EXPECT_EQ(r.diagnostics.warningCount(), 1u) << printed(r);
    EXPECT_THAT(printed(r), HasSubstr(file + ":3:138: warning: lenient: vertical limits under "
                                             "properties.verticalLayer, not in a layer on the geometry"));
}

TEST(ImportEd318, ADayWrittenAsATextMayNameSeveralDays) {
    const std::string periods = R"(, "limitedApplicability": [{"schedule": [
{"day": "SAT, SUN", "startTime": "10:00:00Z", "endTime": "12:00:00Z"}]}])";
    const std::string text = collection(
        R"({"type": "Polygon", "coordinates": [[[12, 55], [12.1, 55], [12.1, 55.1], [12, 55]]], )" + kLayer +
            "}",
        periods);
    const std::string file = writeFile("day_text.json", text);
    const ImportResult strict = importZones(file);
    EXPECT_THAT(printed(strict), HasSubstr(file + ":4:9: error: a schedule's day written as a text (\"day\": "
                                                  "\"SAT, SUN\"), not a list (not ED-318; 1 feature)"));
    ImportOptions options;
    options.lenient = true;
    const ImportResult r = importZones(file, options);
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.zones.at(0).schedule.periods.at(0).weekly.at(0).days, (std::vector<int>{5, 6}));
    EXPECT_THAT(printed(r), HasSubstr(file + ":4:9: warning: lenient: a schedule's day written as a text"));
}

} // namespace
} // namespace nofly::scenario
