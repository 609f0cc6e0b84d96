// OpenAir import: the Slovenian file with activation times in
// ../shared/data/geozones (read in place), then files of our own for what it
// does not show (CRLF line ends, DA and DB arcs, V D=-, a mapping), and every
// mistake with its line.
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
    return testing::writeImportFile("nofly_openair_", name, text);
}
using ::testing::HasSubstr;

const std::string kSlovenia =
    std::string(NOFLY_SHARED_DIR) + "/data/geozones/openair/slovenia_2023-05-25_extended.openair";
constexpr core::Instant kHour = 3600000;

double dms(double degrees, double minutes, double seconds) {
    return degrees + minutes / 60.0 + seconds / 3600.0;
}

// --- the Slovenian file ----------------------------------------------------------------------

TEST(ImportOpenAir, SloveniaImportsEveryAirspace) {
    const ImportResult r = importZones(kSlovenia);
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.format, ImportFormat::OpenAir);
    // 58 AC lines
    EXPECT_EQ(r.features, 58u);
    EXPECT_EQ(r.zones.size(), 58u);
    // by the AY types: 23 TMA, 12 ATZ, 6 R, 4 CTR need an authorisation; 6 MTA,
    // 2 TRA and 1 P are prohibited; 2 Q and 2 TMZ set conditions
    int counts[4] = {0, 0, 0, 0};
    for (const GeoZone& z : r.zones)
        ++counts[static_cast<int>(z.restriction)];
    EXPECT_EQ(counts[static_cast<int>(Restriction::Authorisation)], 45);
    EXPECT_EQ(counts[static_cast<int>(Restriction::Prohibited)], 9);
    EXPECT_EQ(counts[static_cast<int>(Restriction::Conditional)], 4);
}

TEST(ImportOpenAir, OutlinesThatCrossThemselvesOverASliverAreMendedWithAWarning) {
    const ImportResult r = importZones(kSlovenia);
    // lines 285-311: DOLSKO 1 TMA (4/4) follows the border in whole seconds and
    // crosses itself near its points 16 to 19; the sliver beyond is cut off
    EXPECT_THAT(printed(r),
                HasSubstr(kSlovenia + ":285:1: warning: airspace 'DOLSKO 1 TMA (4/4)': the outline crosses "
                                      "itself at 46.61846, 15.48542; the loop of 11338 m² beyond the "
                                      "crossing is cut off"));
    const GeoZone* z = find(r, "dolsko-1-tma-4-4");
    ASSERT_NE(z, nullptr);
    EXPECT_THAT(z->notes.back(), HasSubstr("crosses itself"));
}

TEST(ImportOpenAir, CircleFromVAndDc) {
    const ImportResult r = importZones(kSlovenia);
    // lines 1971-1977: P, GND to 5000ft AMSL, V X=45:56:18N 015:30:55E, DC 0.54
    const GeoZone* z = find(r, "ljp1-krsko");
    ASSERT_NE(z, nullptr);
    EXPECT_EQ(z->restriction, Restriction::Prohibited);
    ASSERT_EQ(z->shape.circles.size(), 1u);
    EXPECT_DOUBLE_EQ(z->shape.circles[0].center.lat, dms(45, 56, 18));
    EXPECT_DOUBLE_EQ(z->shape.circles[0].center.lon, dms(15, 30, 55));
    EXPECT_DOUBLE_EQ(z->shape.circles[0].radius, 0.54 * 1852.0);
    EXPECT_DOUBLE_EQ(z->altitude.floor.metres, 0.0);
    EXPECT_EQ(z->altitude.floor.ref, core::AltitudeRef::AGL);
    EXPECT_DOUBLE_EQ(z->altitude.ceiling->metres, 1524.0); // 5000 ft
    EXPECT_EQ(z->altitude.ceiling->ref, core::AltitudeRef::AMSL);
    EXPECT_EQ(z->where.line, 1971);
}

TEST(ImportOpenAir, ActivationWindowsAndNone) {
    const ImportResult r = importZones(kSlovenia);
    // lines 2100-2113: LJD1, a danger area (Q) active in five windows, DC 2.0
    const GeoZone* danger = find(r, "LJD1"); // a usable id as it is written
    ASSERT_NE(danger, nullptr);
    EXPECT_EQ(danger->restriction, Restriction::Conditional);
    ASSERT_EQ(danger->schedule.periods.size(), 5u);
    EXPECT_EQ(danger->schedule.periods[0].from, utc(2025, 6, 10, 18));
    EXPECT_EQ(danger->schedule.periods[0].to, utc(2025, 6, 10, 22));
    EXPECT_DOUBLE_EQ(danger->shape.circles.at(0).radius, 3704.0);
    // lines 1982-1999: LJR4 with AA NONE: never in force here
    const GeoZone* none = find(r, "ljr4-notam");
    ASSERT_NE(none, nullptr);
    EXPECT_TRUE(none->schedule.never);
    // lines 2001-2018: the second LJR4 (NOTAM), two windows on 28 and 29 May 2023
    const GeoZone* notam = find(r, "ljr4-notam-2");
    ASSERT_NE(notam, nullptr);
    ASSERT_EQ(notam->schedule.periods.size(), 2u);
    EXPECT_EQ(notam->schedule.periods[1].from, utc(2023, 5, 29, 13));
    EXPECT_EQ(notam->shape.polygons.at(0).outer.size(), 9u); // 10 DP lines, the last closing
}

TEST(ImportOpenAir, FlightLevelsAreMetresAmslOnTheStandardAtmosphere) {
    const ImportResult r = importZones(kSlovenia);
    // lines 8-14: DOLSKO 1 TMA (1/4), AL FL135, AH FL195
    const GeoZone* z = find(r, "dolsko-1-tma-1-4");
    ASSERT_NE(z, nullptr);
    EXPECT_DOUBLE_EQ(z->altitude.floor.metres, 4114.8); // 13,500 ft
    EXPECT_EQ(z->altitude.floor.ref, core::AltitudeRef::AMSL);
    EXPECT_DOUBLE_EQ(z->altitude.ceiling->metres, 5943.6); // 19,500 ft
    EXPECT_THAT(z->notes.at(0),
                HasSubstr("AL FL135 read as 13500 ft AMSL (flight level on the standard atmosphere)"));
    EXPECT_EQ(z->message, "Terminal manoeuvring area, class D (Ljubljana Info 118.480)");
}

// --- what the Slovenian file does not show -----------------------------------------------------------

const std::string kArcs = "*VERSION: 2.1\r\n"
                          "* arcs and a circle, with Windows line ends\r\n"
                          "\r\n"
                          "AC R\r\n"
                          "AN Half disc   * a comment after the name is part of the name\r\n"
                          "AL 500 ft AGL\r\n"
                          "AH UNL\r\n"
                          "V X=55:41:26N 012:35:40E\r\n"
                          "V D=-\r\n"
                          "DA 0.2, 90, 270\r\n"
                          "DP 55:41:26N 012:35:40E   * back to the centre\r\n"
                          "\r\n"
                          "AC Q\r\n"
                          "AN East half\r\n"
                          "AL SFC\r\n"
                          "AH 3500 MSL\r\n"
                          "V X=55:39:00N 012:34:30E\r\n"
                          "DB 55:39:30N 012:34:30E, 55:38:30N 012:34:30E\r\n"
                          "DP 55:38:30.0N 012:33:00.0E\r\n"
                          "DP 55:39.500N 012:33.000E\r\n";

TEST(ImportOpenAir, ArcsDirectionsAndCrlf) {
    const ImportResult r = importZones(writeFile("arcs.txt", kArcs));
    ASSERT_TRUE(r.ok()) << printed(r);
    ASSERT_EQ(r.zones.size(), 2u);
    // DA anticlockwise from east to west: the northern half, points north of the centre
    const GeoZone& north = r.zones[0];
    EXPECT_EQ(north.name, "Half disc   * a comment after the name is part of the name");
    EXPECT_EQ(north.restriction, Restriction::Authorisation); // AC R, no AY
    EXPECT_FALSE(north.altitude.ceiling.has_value());         // UNL
    EXPECT_DOUBLE_EQ(north.altitude.floor.metres, 152.4);     // 500 ft AGL
    const double centreLat = dms(55, 41, 26);
    for (const core::LatLon& p : north.shape.polygons.at(0).outer)
        EXPECT_GE(p.lat, centreLat - 1e-4); // geodesics east and west dip a little
    // DB clockwise from north to south: the eastern half, then two DP corners to the west
    const GeoZone& east = r.zones[1];
    EXPECT_EQ(east.restriction, Restriction::Conditional);   // AC Q
    EXPECT_DOUBLE_EQ(east.altitude.ceiling->metres, 1066.8); // 3500 ft, MSL
    double eastmost = 0.0;
    for (const core::LatLon& p : east.shape.polygons.at(0).outer)
        eastmost = std::max(eastmost, p.lon);
    EXPECT_GT(eastmost, dms(12, 35, 0)); // the arc bulges east of the centre
    EXPECT_EQ(east.shape.polygons.at(0).outer.back().lon, dms(12, 33, 0));
}

TEST(ImportOpenAir, MappingReplacesTheTable) {
    const std::string mapping =
        writeFile("mapping.yaml", "classes:\n  R: {restriction: prohibited, ceiling: 120 m AGL}\n");
    ImportOptions options;
    options.mapping = mapping;
    const ImportResult r = importZones(writeFile("mapped.openair", kArcs), options);
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.zones[0].restriction, Restriction::Prohibited);
    EXPECT_DOUBLE_EQ(r.zones[0].altitude.ceiling->metres, 120.0);
    EXPECT_EQ(r.zones[1].restriction, Restriction::Conditional); // Q keeps the table's meaning
}

TEST(ImportOpenAir, AMappingForOpenAirHasNoProperties) {
    const std::string mapping = writeFile("props.yaml", "name: AN\n");
    ImportOptions options;
    options.mapping = mapping;
    const ImportResult r = importZones(writeFile("props.openair", kArcs), options);
    EXPECT_THAT(printed(r),
                HasSubstr(mapping + ":1:7: error: the mapping: 'name' names a GeoJSON property, and OpenAir "
                                    "has none"));
}

TEST(ImportOpenAir, EveryMistakeHasItsLine) {
    const std::string file = writeFile("mistakes.openair",
                                       "DP 55:00:00N 012:00:00E\n"    // 1: before any AC
                                       "AC D\n"                       // 2
                                       "AN Broken\n"                  // 3
                                       "AL 1000 furlongs\n"           // 4: not an altitude
                                       "DP 55:00:00N\n"               // 5: half a point
                                       "DC 2\n"                       // 6: no centre yet
                                       "XX what\n"                    // 7: no such command
                                       "DY 1\n"                       // 8: airways are not areas
                                       "AA 2025-06-10T18:00/NONE\n"); // 9: no offset
    const ImportResult r = importZones(file);
    const std::string out = printed(r);
    EXPECT_THAT(out, HasSubstr(file +
                               ":1:1: error: line 1 ('DP') comes before any airspace (every airspace starts "
                               "with an 'AC' line)"));
    EXPECT_THAT(out, HasSubstr(file +
                               ":4:1: error: airspace 'Broken': AL '1000 furlongs' has the unknown reference "
                               "'FURLONGS'"));
    EXPECT_THAT(out, HasSubstr(file + ":5:1: error: airspace 'Broken': DP '55:00:00N' is not a point"));
    EXPECT_THAT(out, HasSubstr(file + ":6:1: error: airspace 'Broken': DC needs a centre"));
    EXPECT_THAT(out, HasSubstr(file + ":7:1: error: airspace 'Broken': 'XX' is not an OpenAir command"));
    EXPECT_THAT(out,
                HasSubstr(file + ":8:1: error: airspace 'Broken': DY (an airway segment) cannot be used"));
    EXPECT_THAT(out,
                HasSubstr(file + ":9:1: error: airspace 'Broken': AA '2025-06-10T18:00' has no UTC offset"));
    EXPECT_THAT(out, HasSubstr(file + ":2:1: error: airspace 'Broken': has no upper limit (AH)"));
    EXPECT_THAT(out, HasSubstr(file + ":2:1: error: airspace 'Broken': has no shape"));
}

TEST(ImportOpenAir, UnknownTypeNeedsAMapping) {
    const std::string file =
        writeFile("type.openair", "AC D\nAY XYZ\nAN Odd\nAL GND\nAH FL95\nV X=55:00:00N 012:00:00E\nDC 1\n");
    const ImportResult r = importZones(file);
    // AC D would do, but the AY type wins and is unknown
    EXPECT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.zones.at(0).restriction, Restriction::Authorisation);
    const std::string unknown =
        writeFile("unknown.openair", "AC ZZ\nAN Odd\nAL GND\nAH FL95\nV X=55:00:00N 012:00:00E\nDC 1\n");
    const ImportResult u = importZones(unknown);
    EXPECT_THAT(printed(u),
                HasSubstr(unknown + ":1:1: error: airspace 'Odd': type 'ZZ' is not an OpenAir airspace "
                                    "type or class nofly knows (add it to a mapping file's classes"));
}

} // namespace
} // namespace nofly::scenario

namespace nofly::scenario {
namespace {

using testing::said;

TEST(ImportOpenAir, EachRuleSaysWhereAndWhat) {
    const std::string file = writeFile("rules.openair",
                                       "AC R\n"                                   // 1
                                       "AN Rules\n"                               // 2
                                       "AL UNL\n"                                 // 3: UNL is an upper limit
                                       "AH 100ft\n"                               // 4
                                       "AA 2025-06-10T22:00Z/2025-06-10T18:00Z\n" // 5: backwards
                                       "V D=x\n"                                  // 6: no such direction
                                       "V X=55:00:00N 012:00:00E\n"               // 7
                                       "DA 2, 90\n"                               // 8: a bearing short
                                       "DB 55:01:00N 012:00:00E\n"                // 9: one point
                                       "DC -1\n"                                  // 10: no distance
                                       "V Q=1\n"                                  // 11: nothing nofly knows
                                       "\n"
                                       "AC R\n"           // 13
                                       "AN Upside down\n" // 14
                                       "AL 2000ft AMSL\n" // 15
                                       "AH 1000ft AMSL\n" // 16
                                       "V X=55:00:00N 012:00:00E\n"
                                       "DC 1\n");
    const ImportResult r = importZones(file);
    const std::string out = printed(r);
    EXPECT_TRUE(said(r, file, 3, "airspace 'Rules': AL UNL (unlimited) is an upper limit")) << out;
    EXPECT_TRUE(
        said(r, file, 5, "airspace 'Rules': AA '2025-06-10T22:00Z/2025-06-10T18:00Z' ends before it starts"))
        << out;
    EXPECT_TRUE(said(r, file, 6,
                     "airspace 'Rules': V D='x' is not a direction (write 'V D=+' (clockwise) or 'V D=-')"))
        << out;
    EXPECT_TRUE(said(r, file, 8, "airspace 'Rules': DA '2, 90' must give a radius and two bearings")) << out;
    EXPECT_TRUE(said(r, file, 9, "airspace 'Rules': DB '55:01:00N 012:00:00E' must give two points")) << out;
    EXPECT_TRUE(said(r, file, 10, "airspace 'Rules': DC radius '-1' is not a distance")) << out;
    EXPECT_TRUE(said(r, file, 11, "airspace 'Rules': 'V Q=1' sets nothing nofly knows")) << out;
    EXPECT_TRUE(said(r, file, 15,
                     "airspace 'Upside down': its upper limit (1000 ft AMSL) is not above its lower limit "
                     "(2000 ft AMSL)"))
        << out;
}

} // namespace
} // namespace nofly::scenario
