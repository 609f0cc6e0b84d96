// ED-269 import: the Swiss geo-awareness sample in tests/data/geozones
// (read in place, not copied), the other shapes of an ED-269 file, the
// values real files write where numbers belong, every error with its file,
// line and feature, and the time a national file of 5,000 zones takes.
#include "scenario/import.hpp"

#include "import_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <numbers>
#include <sstream>

namespace nofly::scenario {
namespace {

namespace fs = std::filesystem;
using testing::find;
using testing::printed;
using testing::utc;

/// A file of our own in the test's temporary folder.
std::string writeFile(const std::string& name, const std::string& text) {
    return testing::writeImportFile("nofly_ed269_", name, text);
}
using ::testing::HasSubstr;

const std::string kSwiss =
    std::string(NOFLY_TEST_DATA_DIR) + "/geozones/ed269/che_geoawareness_sample.json";
constexpr core::Instant kHour = 3600000;

/// One ED-269 zone around `geometry`, for the files written here.
std::string zone(const std::string& identifier, const std::string& restriction, const std::string& geometry,
                 const std::string& applicability = R"([{"permanent": "YES"}])") {
    return R"({"identifier": ")" + identifier + R"(", "name": ")" + identifier + R"(", "restriction": ")" +
           restriction + R"(", "reason": ["OTHER"], "applicability": )" + applicability +
           R"(, "geometry": )" + geometry + "}";
}
const std::string kCircle = R"([{"uomDimensions": "M", "lowerLimit": 0, "lowerVerticalReference": "AGL",
    "upperLimit": 120, "upperVerticalReference": "AGL",
    "horizontalProjection": {"type": "Circle", "center": [12.5, 55.6], "radius": 500}}])";

// --- the Swiss sample --------------------------------------------------------------

TEST(ImportEd269, SwissSampleHasItsZones) {
    const ImportResult r = importZones(kSwiss);
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.format, ImportFormat::Ed269);
    // 6 features (identifiers on lines 6, 60, 133, 261, 328, 391); Reichenbach
    // and Lausanne have three volumes each at three floors, so 3 zones each
    EXPECT_EQ(r.features, 6u);
    ASSERT_EQ(r.zones.size(), 10u);
    EXPECT_EQ(r.diagnostics.errorCount(), 0u);
    for (const char* id :
         {"montreux-concert-area", "flugplatz-reichenbach-1", "flugplatz-reichenbach-2",
          "flugplatz-reichenbach-3", "lausanne-airport-1", "lausanne-airport-2", "lausanne-airport-3",
          "montreux-wildlife-preserve", "gantrisch-nature-park", "gantrisch-nature-park-2"})
        EXPECT_NE(find(r, id), nullptr) << id;
}

TEST(ImportEd269, CircleWithMixedReferencesAndAWeekendSchedule) {
    const ImportResult r = importZones(kSwiss);
    const GeoZone* z = find(r, "montreux-concert-area");
    ASSERT_NE(z, nullptr);
    // lines 7-13: name, PROHIBITED, reason OTHER, message
    EXPECT_EQ(z->name, "Sample protected area active during evening");
    EXPECT_EQ(z->restriction, Restriction::Prohibited);
    EXPECT_EQ(z->reasons, std::vector<Reason>{Reason::Other});
    EXPECT_EQ(z->message, "Concert area - prohibited flights during active times");
    // lines 42-55: a circle of 3000 M at [6.913146, 46.430758] (lon, lat), 0 AGL to 6259 AMSL
    ASSERT_EQ(z->shape.circles.size(), 1u);
    EXPECT_DOUBLE_EQ(z->shape.circles[0].center.lat, 46.430758);
    EXPECT_DOUBLE_EQ(z->shape.circles[0].center.lon, 6.913146);
    EXPECT_DOUBLE_EQ(z->shape.circles[0].radius, 3000.0);
    EXPECT_EQ(z->altitude.floor.ref, core::AltitudeRef::AGL);
    EXPECT_DOUBLE_EQ(z->altitude.floor.metres, 0.0);
    ASSERT_TRUE(z->altitude.ceiling.has_value());
    EXPECT_EQ(z->altitude.ceiling->ref, core::AltitudeRef::AMSL);
    EXPECT_DOUBLE_EQ(z->altitude.ceiling->metres, 6259.0);
    // lines 16-30: 2022-06-15T09:00Z to 2023-06-15T09:00Z, SAT and SUN 17:00:00Z to 23:59:59Z
    ASSERT_EQ(z->schedule.periods.size(), 1u);
    const GeoPeriod& p = z->schedule.periods[0];
    EXPECT_EQ(p.from, utc(2022, 6, 15, 9));
    EXPECT_EQ(p.to, utc(2023, 6, 15, 9));
    ASSERT_EQ(p.weekly.size(), 1u);
    EXPECT_EQ(p.weekly[0].days, (std::vector<int>{5, 6}));
    EXPECT_EQ(p.weekly[0].from, 17 * kHour);
    EXPECT_EQ(p.weekly[0].to, 23 * kHour + 59 * 60000 + 59000);
    EXPECT_EQ(p.weekly[0].utcOffsetMinutes, 0);
    EXPECT_EQ(z->where.line, 5); // the feature's '{'
}

TEST(ImportEd269, VolumesAtDifferentFloorsBecomeOneZoneEach) {
    const ImportResult r = importZones(kSwiss);
    // lines 78-128: three circles round [7.67807, 46.612893], radius 1000, 2500
    // and 3500 M, floors 0, 50 and 100 M AGL, all up to 120 M AGL
    const double radius[] = {1000.0, 2500.0, 3500.0}, floor[] = {0.0, 50.0, 100.0};
    const int line[] = {85, 100, 115}; // each volume's '{'
    for (int i = 0; i < 3; ++i) {
        const GeoZone* z = find(r, "flugplatz-reichenbach-" + std::to_string(i + 1));
        ASSERT_NE(z, nullptr);
        ASSERT_EQ(z->shape.circles.size(), 1u);
        EXPECT_DOUBLE_EQ(z->shape.circles[0].radius, radius[i]);
        EXPECT_DOUBLE_EQ(z->altitude.floor.metres, floor[i]);
        EXPECT_DOUBLE_EQ(z->altitude.ceiling->metres, 120.0);
        EXPECT_EQ(z->where.line, line[i]);
        EXPECT_THAT(z->name, HasSubstr("Flugplatz Reichenbach ("));
        // lines 69-75: a window with no schedule
        ASSERT_EQ(z->schedule.periods.size(), 1u);
        EXPECT_TRUE(z->schedule.periods[0].weekly.empty());
        EXPECT_EQ(z->schedule.periods[0].to, utc(2023, 6, 15, 9));
    }
}

TEST(ImportEd269, PolygonsDropTheClosingAndRepeatedPoints) {
    const ImportResult r = importZones(kSwiss);
    // lines 156-188: 5 positions, the last repeating the first: 4 corners
    const GeoZone* first = find(r, "lausanne-airport-1");
    ASSERT_NE(first, nullptr);
    ASSERT_EQ(first->shape.polygons.size(), 1u);
    EXPECT_EQ(first->shape.polygons[0].outer.size(), 4u);
    EXPECT_DOUBLE_EQ(first->shape.polygons[0].outer[0].lon, 6.609821);
    EXPECT_DOUBLE_EQ(first->shape.polygons[0].outer[0].lat, 46.532886);
    // lines 196-218: the first point written twice in a row, and closing: 3 corners
    const GeoZone* second = find(r, "lausanne-airport-2");
    ASSERT_NE(second, nullptr);
    EXPECT_EQ(second->shape.polygons[0].outer.size(), 3u);
    EXPECT_DOUBLE_EQ(second->altitude.floor.metres, 30.0);
    // lines 262-276: REQ_AUTHORISATION, NATURE, 6 corners and the closing one
    const GeoZone* wildlife = find(r, "montreux-wildlife-preserve");
    ASSERT_NE(wildlife, nullptr);
    EXPECT_EQ(wildlife->restriction, Restriction::Authorisation);
    EXPECT_EQ(wildlife->reasons, std::vector<Reason>{Reason::Nature});
    EXPECT_EQ(wildlife->shape.polygons[0].outer.size(), 6u);
    EXPECT_TRUE(wildlife->schedule.always()); // permanent: YES
}

TEST(ImportEd269, FeetAndTwoFeaturesOfOneIdentifier) {
    const ImportResult r = importZones(kSwiss);
    // lines 328-389 and 391-452: "Gantrisch Nature Park" twice, NO_RESTRICTION
    // then REQ_AUTHORISATION, both 0 to 250 FT AGL
    const GeoZone* open = find(r, "gantrisch-nature-park");
    const GeoZone* authorised = find(r, "gantrisch-nature-park-2");
    ASSERT_NE(open, nullptr);
    ASSERT_NE(authorised, nullptr);
    EXPECT_EQ(open->restriction, Restriction::NoRestriction);
    EXPECT_EQ(authorised->restriction, Restriction::Authorisation);
    EXPECT_DOUBLE_EQ(open->altitude.ceiling->metres, 76.2); // 250 ft
    EXPECT_EQ(open->altitude.ceiling->ref, core::AltitudeRef::AGL);
    EXPECT_EQ(open->shape.polygons[0].outer.size(), 5u);
}

// --- the forms of an ED-269 file --------------------------------------------------------------

TEST(ImportEd269, BareListAndWrapperReadAlike) {
    const std::string list = "[" + zone("A", "PROHIBITED", kCircle) + "]";
    const ImportResult bare = importZones(writeFile("bare.json", list));
    const ImportResult wrapped = importZones(writeFile("wrapped.json", "{\"UASZoneList\": " + list + "}"));
    ASSERT_TRUE(bare.ok()) << printed(bare);
    ASSERT_TRUE(wrapped.ok()) << printed(wrapped);
    EXPECT_EQ(bare.format, ImportFormat::Ed269);
    EXPECT_EQ(wrapped.format, ImportFormat::Ed269);
    ASSERT_EQ(bare.zones.size(), 1u);
    ASSERT_EQ(wrapped.zones.size(), 1u);
    EXPECT_EQ(bare.zones[0].id, "A");
    EXPECT_DOUBLE_EQ(wrapped.zones[0].shape.circles[0].radius, 500.0);
}

TEST(ImportEd269, StringsEmptyStringsAndNullsWhereNumbersBelong) {
    // "0" and "500" as strings, "" for the lower limit (the ground), null for the upper (no limit)
    const std::string geometry =
        R"([{"uomDimensions": "FT", "lowerLimit": "", "lowerVerticalReference": "AGL",
        "upperLimit": null, "upperVerticalReference": "AMSL",
        "horizontalProjection": {"type": "Circle", "center": ["12.5", "55.6"], "radius": "500"}}])";
    const ImportResult r =
        importZones(writeFile("strings.json", "[" + zone("S", "CONDITIONAL", geometry) + "]"));
    ASSERT_TRUE(r.ok()) << printed(r);
    const GeoZone& z = r.zones.at(0);
    EXPECT_DOUBLE_EQ(z.altitude.floor.metres, 0.0);
    EXPECT_FALSE(z.altitude.ceiling.has_value());
    EXPECT_DOUBLE_EQ(z.shape.circles[0].radius, 152.4); // 500 ft: the radius is in uomDimensions
    EXPECT_DOUBLE_EQ(z.shape.circles[0].center.lat, 55.6);
    EXPECT_EQ(z.restriction, Restriction::Conditional);
}

TEST(ImportEd269, ApplicabilityPeriodsAreAUnion) {
    const std::string applicability = R"([
        {"permanent": "NO", "startDateTime": "2025-10-01T06:00:00Z", "endDateTime": "2025-10-01T10:00:00Z"},
        {"permanent": "NO", "schedule": [{"day": ["MON", "TUE", "WED", "THU", "FRI"], "startTime": "22:00:00Z", "endTime": "02:00:00Z"}]}])";
    const ImportResult r =
        importZones(writeFile("periods.json", "[" + zone("P", "PROHIBITED", kCircle, applicability) + "]"));
    ASSERT_TRUE(r.ok()) << printed(r);
    const GeoSchedule& s = r.zones.at(0).schedule;
    ASSERT_EQ(s.periods.size(), 2u);
    EXPECT_EQ(s.periods[0].from, utc(2025, 10, 1, 6));
    EXPECT_TRUE(s.periods[0].weekly.empty());
    ASSERT_EQ(s.periods[1].weekly.size(), 1u);
    EXPECT_EQ(s.periods[1].weekly[0].days, (std::vector<int>{0, 1, 2, 3, 4}));
    EXPECT_EQ(s.periods[1].weekly[0].from, 22 * kHour);
    EXPECT_EQ(s.periods[1].weekly[0].to, 26 * kHour); // past midnight
}

// --- errors name the file, the line and the feature ---------------------------------------------

TEST(ImportEd269, RestrictionSpelledTheEd318Way) {
    const std::string file = writeFile("z.json", "[\n" + zone("Z", "REQ_AUTHORIZATION", kCircle) + "\n]");
    const ImportResult r = importZones(file);
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(printed(r),
                HasSubstr(file + ":2:49: error: feature 1 'Z': restriction 'REQ_AUTHORIZATION' is not an "
                                 "ED-269 restriction (ED-269 spells it REQ_AUTHORISATION, with an S"));
    EXPECT_TRUE(r.zones.empty());
}

TEST(ImportEd269, NumberThatIsNotOne) {
    const std::string geometry = R"([{"uomDimensions": "M", "lowerLimit": 0, "lowerVerticalReference": "AGL",
"upperLimit": "high", "upperVerticalReference": "AGL",
"horizontalProjection": {"type": "Circle", "center": [12.5, 55.6], "radius": 500}}])";
    const std::string file = writeFile("number.json", "[" + zone("N", "PROHIBITED", geometry) + "]");
    const ImportResult r = importZones(file);
    EXPECT_THAT(printed(r),
                HasSubstr(file + ":2:15: error: feature 1 'N': geometry 1 upperLimit: \"high\" is not a "
                                 "number"));
}

TEST(ImportEd269, AHexadecimalNumberIsNotOne) {
    // strtod would read "0x78" as 120 (issue 20: one decimal reader, core::parseDecimal, for every input)
    const std::string geometry = R"([{"uomDimensions": "M", "lowerLimit": 0, "lowerVerticalReference": "AGL",
"upperLimit": " 0x78 ", "upperVerticalReference": "AGL",
"horizontalProjection": {"type": "Circle", "center": [12.5, 55.6], "radius": 500}}])";
    const std::string file = writeFile("hex.json", "[" + zone("H", "PROHIBITED", geometry) + "]");
    const ImportResult r = importZones(file);
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(printed(r),
                HasSubstr(file + ":2:15: error: feature 1 'H': geometry 1 upperLimit: \" 0x78 \" is not a "
                                 "number"));
}

TEST(ImportEd269, MissingGeometryAndUnknownShape) {
    const std::string file = writeFile("shapes.json", "[\n" + zone("G", "PROHIBITED", "[]") + ",\n" +
                                                          zone("H", "PROHIBITED", R"([{"uomDimensions": "M",
"horizontalProjection": {"type": "Ellipse"}}])") + "\n]");
    const ImportResult r = importZones(file);
    const std::string out = printed(r);
    EXPECT_THAT(out, HasSubstr(file + ":2:"));
    EXPECT_THAT(out, HasSubstr("error: feature 1 'G': geometry lists no volume"));
    EXPECT_THAT(out, HasSubstr(file + ":4:34: error: feature 2 'H': geometry 1 type 'Ellipse' is not a shape"
                                      " (expected Circle or Polygon)"));
}

TEST(ImportEd269, PositionsAreLongitudeFirst) {
    // a latitude of 95 can only be a swapped pair
    const std::string geometry = R"([{"uomDimensions": "M", "lowerLimit": 0, "lowerVerticalReference": "AGL",
"upperLimit": 120, "upperVerticalReference": "AGL",
"horizontalProjection": {"type": "Circle", "center": [55.6, 95.0], "radius": 500}}])";
    const std::string file = writeFile("swapped.json", "[" + zone("W", "PROHIBITED", geometry) + "]");
    const ImportResult r = importZones(file);
    EXPECT_THAT(printed(r),
                HasSubstr(file + ":3:54: error: feature 1 'W': geometry 1 center has latitude 95.0, "
                                 "which is not a latitude (GeoJSON and ED-269 write [longitude, latitude]; "
                                 "are the two swapped?)"));
}

TEST(ImportEd269, PolygonCrossingItselfOverMoreThanASliver) {
    // a bow tie: the two halves are the same size, so neither is a slip of rounding
    const std::string geometry = R"([{"uomDimensions": "M", "lowerLimit": 0, "lowerVerticalReference": "AGL",
"upperLimit": 120, "upperVerticalReference": "AGL", "horizontalProjection": {"type": "Polygon",
"coordinates": [[[12.0, 55.0], [12.1, 55.1], [12.1, 55.0], [12.0, 55.1], [12.0, 55.0]]]}}])";
    const std::string file = writeFile("bowtie.json", "[" + zone("B", "PROHIBITED", geometry) + "]");
    const ImportResult r = importZones(file);
    EXPECT_THAT(printed(r),
                HasSubstr(file + ":3:16: error: feature 1 'B': geometry 1: the outline crosses itself, "
                                 "and the loops beyond the crossings"));
}

TEST(ImportEd269, SkipBadImportsTheRestWithWarnings) {
    const std::string text =
        "[\n" + zone("Good", "PROHIBITED", kCircle) + ",\n" + zone("Bad", "FORBIDDEN", kCircle) + "\n]";
    const std::string file = writeFile("skip.json", text);
    const ImportResult strict = importZones(file);
    EXPECT_FALSE(strict.ok());
    EXPECT_THAT(printed(strict),
                HasSubstr(file + ": note: 1 of 2 features cannot be used, so nothing was imported "
                                 "(fix them, or leave them out and import the other 1 with --skip-bad"));
    ImportOptions options;
    options.skipBad = true;
    const ImportResult lenient = importZones(file, options);
    EXPECT_TRUE(lenient.ok()) << printed(lenient);
    ASSERT_EQ(lenient.zones.size(), 1u);
    EXPECT_EQ(lenient.zones[0].id, "Good");
    EXPECT_EQ(lenient.skipped, 1u);
    EXPECT_THAT(printed(lenient),
                HasSubstr(file + ":5:53: warning: feature 2 'Bad': restriction 'FORBIDDEN'"));
    EXPECT_THAT(printed(lenient), HasSubstr(file + ":5:1: warning: feature 2 'Bad' is left out (skip-bad)"));
}

TEST(ImportEd269, BrokenJsonNamesItsLine) {
    const std::string file =
        writeFile("broken.json", "[\n  {\"identifier\": \"A\",\n   \"restriction\": \"PROHIBITED\"\n");
    const ImportResult r = importZones(file);
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(printed(r), HasSubstr(file + ":3:"));
    EXPECT_THAT(printed(r), HasSubstr("is not closed"));
}

TEST(ImportEd269, KeyWrittenTwice) {
    const std::string file = writeFile("twice.json", "[{\"identifier\": \"A\",\n \"identifier\": \"B\"}]");
    const ImportResult r = importZones(file);
    EXPECT_THAT(printed(r),
                HasSubstr(file + ":2:2: error: key 'identifier' is written twice in this object"));
}

// --- a national file -----------------------------------------------------------------------------

TEST(ImportEd269, FiveThousandPolygonsImportQuickly) {
    // 5,000 polygons of 20 corners over Denmark, as compact as authorities publish them
    std::ostringstream text;
    text << "{\"UASZoneList\":[";
    for (int i = 0; i < 5000; ++i) {
        const double lat = 54.6 + (i % 70) * 0.04, lon = 8.1 + (i / 70) * 0.06;
        text
            << (i ? "," : "") << R"({"identifier":"DK)" << i << R"(","name":"Zone )" << i
            << R"(","restriction":"PROHIBITED","reason":["AIR_TRAFFIC"],"applicability":[{"permanent":"YES"}],)"
            << R"("geometry":[{"uomDimensions":"M","lowerLimit":0,"lowerVerticalReference":"AGL","upperLimit":120,)"
            << R"("upperVerticalReference":"AGL","horizontalProjection":{"type":"Polygon","coordinates":[[)";
        for (int k = 0; k <= 20; ++k) {
            const double angle = 2.0 * std::numbers::pi * (k % 20) / 20.0;
            text << (k ? "," : "") << "[" << lon + 0.015 * std::cos(angle) << ","
                 << lat + 0.01 * std::sin(angle) << "]";
        }
        text << "]]}}]}";
    }
    text << "]}";
    const std::string file = writeFile("national.json", text.str());
    const auto start = std::chrono::steady_clock::now();
    const ImportResult r = importZones(file);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.zones.size(), 5000u);
    std::cout << "[ timing ] 5000 ED-269 polygons (" << fs::file_size(file) / 1024 << " KiB): " << seconds
              << " s in this build\n";
}

} // namespace
} // namespace nofly::scenario

namespace nofly::scenario {
namespace {

/// Whether a message of `r` is at `line` of `file` and says `text`.
using testing::said;

TEST(ImportEd269, EachRuleSaysWhereAndWhat) {
    // one feature a line, each with one mistake
    const std::string circle =
        R"("geometry": [{"uomDimensions": "M", "lowerLimit": 0, "lowerVerticalReference": "AGL", )"
        R"("upperLimit": 120, "upperVerticalReference": "AGL", "horizontalProjection": )"
        R"({"type": "Circle", "center": [12.5, 55.6], "radius": 500}}])";
    const std::string text =
        "[\n"
        R"({"identifier": "A", "restriction": "PROHIBITED", "reason": ["WEATHER"], )" +
        circle + "},\n" + R"({"identifier": "B", )" + circle + "},\n" +
        R"({"identifier": "C", "restriction": "PROHIBITED", "geometry": [{"lowerLimit": 10, "lowerVerticalReference": "AGL"}]},)"
        "\n" +
        R"({"identifier": "D", "restriction": "PROHIBITED", "geometry": [{"uomDimensions": "M", "lowerLimit": 120, "lowerVerticalReference": "AGL", "upperLimit": 50, "upperVerticalReference": "AGL", "horizontalProjection": {"type": "Circle", "center": [12.5, 55.6], "radius": 500}}]},)"
        "\n" +
        R"({"identifier": "E", "restriction": "PROHIBITED", "applicability": [{"startDateTime": "2025-10-02T00:00:00Z", "endDateTime": "2025-10-01T00:00:00Z"}], )" +
        circle + "},\n" +
        R"({"identifier": "F", "restriction": "PROHIBITED", "applicability": [{"schedule": [{"day": ["FUNDAY"]}]}], )" +
        circle + "},\n" +
        R"({"identifier": "G", "restriction": "PROHIBITED", "applicability": [{"permanent": "NO"}], )" +
        circle + "},\n" +
        R"({"identifier": "H", "restriction": "PROHIBITED", "geometry": [{"uomDimensions": "M", "horizontalProjection": {"type": "Polygon", "coordinates": [[[12, 55], [12.1, 55], [12, 55]]]}}]},)"
        "\n" +
        R"({"identifier": "I", "restriction": "PROHIBITED", "geometry": [{"uomDimensions": "M", "horizontalProjection": {"type": "Circle", "center": [12.5, 55.6], "radius": -5}}]})"
        "\n]";
    const std::string file = writeFile("rules.json", text);
    const ImportResult r = importZones(file);
    EXPECT_EQ(r.features, 9u);
    EXPECT_TRUE(said(r, file, 2, "feature 1 'A': reason 'WEATHER' is not an ED-269 reason")) << printed(r);
    EXPECT_TRUE(said(r, file, 3, "feature 2 'B': has no 'restriction'")) << printed(r);
    EXPECT_TRUE(said(r, file, 4,
                     "feature 3 'C': geometry 1 has no 'uomDimensions' (the unit of its heights, M or FT)"))
        << printed(r);
    EXPECT_TRUE(said(r, file, 5,
                     "feature 4 'D': geometry 1 upperLimit (50 m AGL) is not above lowerLimit (120 m AGL)"))
        << printed(r);
    EXPECT_TRUE(said(r, file, 6, "feature 5 'E': applicability 1 ends before it starts")) << printed(r);
    EXPECT_TRUE(said(r, file, 7, "feature 6 'F': applicability 1 schedule 1 day 'FUNDAY' is not a day"))
        << printed(r);
    EXPECT_TRUE(said(r, file, 8, "feature 7 'G': applicability 1 is not permanent and gives no times"))
        << printed(r);
    EXPECT_TRUE(said(r, file, 9,
                     "feature 8 'H': geometry 1 outer ring has 2 distinct points; a ring needs at least 3"))
        << printed(r);
    EXPECT_TRUE(said(r, file, 10, "feature 9 'I': geometry 1 radius must be more than zero (got -5)"))
        << printed(r);
}

TEST(ImportEd269, TheFormatMustFitTheFile) {
    const std::string text = writeFile("plain.dat", "hello\nthis is not airspace\n");
    const ImportResult unknown = importZones(text);
    EXPECT_TRUE(said(unknown, text, 0, "error: cannot tell the format of the file (give it with --format"));
    ImportOptions ed269;
    ed269.format = "ed269";
    const ImportResult notJson = importZones(text, ed269);
    EXPECT_TRUE(said(notJson, text, 1, "error: the file is not JSON, so it is not ED-269"))
        << printed(notJson);
}

} // namespace
} // namespace nofly::scenario
