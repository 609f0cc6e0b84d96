// OpenAir import: the project's own example file in tests/data/geozones (read
// in place; written the way SeeYou's extended files are, with activation
// times), then inline files for what it does not show (CRLF line ends, a
// mapping, outlines with holes, comments, every mistake with its line).
#include "scenario/import.hpp"

#include "import_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numbers>

namespace nofly::scenario {
namespace {

namespace fs = std::filesystem;
using testing::find;
using testing::printed;
using testing::said;
using testing::utc;

/// A file of our own in the test's temporary folder.
std::string writeFile(const std::string& name, const std::string& text) {
    return testing::writeImportFile("nofly_openair_", name, text);
}
using ::testing::HasSubstr;

const std::string kExample = std::string(NOFLY_TEST_DATA_DIR) + "/geozones/openair/example_extended.openair";

double dms(double degrees, double minutes, double seconds) {
    return degrees + minutes / 60.0 + seconds / 3600.0;
}

// --- the example file ------------------------------------------------------------------------

TEST(ImportOpenAir, ExampleImportsEveryAirspace) {
    const ImportResult r = importZones(kExample);
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.format, ImportFormat::OpenAir);
    // 15 AC lines
    EXPECT_EQ(r.features, 15u);
    EXPECT_EQ(r.zones.size(), 15u);
    // by the AY types: 2 TMA, the CTR, the CTA, 2 ATZ and 3 R need an
    // authorisation; P, TRA and MTA are prohibited; RMZ and Q set conditions;
    // the gliding sector (GSEC) restricts nothing
    int counts[4] = {0, 0, 0, 0};
    for (const GeoZone& z : r.zones)
        ++counts[static_cast<int>(z.restriction)];
    EXPECT_EQ(counts[static_cast<int>(Restriction::Authorisation)], 9);
    EXPECT_EQ(counts[static_cast<int>(Restriction::Prohibited)], 3);
    EXPECT_EQ(counts[static_cast<int>(Restriction::Conditional)], 2);
    EXPECT_EQ(counts[static_cast<int>(Restriction::NoRestriction)], 1);
    // the one warning is the sliver of the lower TMA (below)
    EXPECT_EQ(r.diagnostics.warningCount(), 1u) << printed(r);
    // lines 220-228: a name in UTF-8 gives a plain id
    const GeoZone* cliffs = find(r, "r5-skarholm");
    ASSERT_NE(cliffs, nullptr);
    EXPECT_EQ(cliffs->name, "R5 SKÅRHOLM");
    EXPECT_EQ(cliffs->altitude.ceiling->ref, core::AltitudeRef::AGL); // 1000ft AGL
}

TEST(ImportOpenAir, OutlinesThatCrossThemselvesOverASliverAreMendedWithAWarning) {
    const ImportResult r = importZones(kExample);
    // lines 33-48: ALDMERE TMA (2/2) follows the coast in whole seconds; its
    // last point overshoots the first corner by 4" north and 10" east, so the
    // west side crosses the north side 20 m east of the corner: the triangle
    // beyond (219 m along the north side, 123 m high) is cut off
    EXPECT_THAT(printed(r),
                HasSubstr(kExample +
                          ":33:1: warning: airspace 'ALDMERE TMA (2/2)': the outline crosses itself "
                          "at 44.66667, -30.74723; the loop of 13481 m² beyond the crossing is cut off"));
    const GeoZone* z = find(r, "aldmere-tma-2-2");
    ASSERT_NE(z, nullptr);
    EXPECT_THAT(z->notes.back(), HasSubstr("crosses itself"));
    // 8 distinct points less the corner and the overshoot, plus the crossing
    const GeoRing& outer = z->shape.polygons.at(0).outer;
    ASSERT_EQ(outer.size(), 7u);
    // the crossing found on the plane a scenario checks zones on (azimuthal equidistant), where the
    // north side, a straight edge there, bows 0.7 m north of its parallel
    EXPECT_NEAR(outer[0].lat, dms(44, 40, 0), 1e-5);
    EXPECT_NEAR(outer[0].lon, -30.74723, 1e-5);
}

TEST(ImportOpenAir, CircleFromVAndDc) {
    const ImportResult r = importZones(kExample);
    // lines 133-139: P, GND to 3000ft AMSL, V X=44:28:40N 030:33:20W, DC 0.5
    const GeoZone* z = find(r, "p1-aldmere-prison");
    ASSERT_NE(z, nullptr);
    EXPECT_EQ(z->restriction, Restriction::Prohibited);
    ASSERT_EQ(z->shape.circles.size(), 1u);
    EXPECT_DOUBLE_EQ(z->shape.circles[0].center.lat, dms(44, 28, 40));
    EXPECT_DOUBLE_EQ(z->shape.circles[0].center.lon, -dms(30, 33, 20)); // west
    EXPECT_DOUBLE_EQ(z->shape.circles[0].radius, 0.5 * 1852.0);
    EXPECT_DOUBLE_EQ(z->altitude.floor.metres, 0.0);
    EXPECT_EQ(z->altitude.floor.ref, core::AltitudeRef::AGL);
    EXPECT_DOUBLE_EQ(z->altitude.ceiling->metres, 914.4); // 3000 ft
    EXPECT_EQ(z->altitude.ceiling->ref, core::AltitudeRef::AMSL);
    EXPECT_EQ(z->where.line, 133);
    // lines 122-130: the centre in degrees and decimal minutes, V X=44:41.500N 030:18.250W
    const GeoZone* kestrel = find(r, "kestrel-point-atz");
    ASSERT_NE(kestrel, nullptr);
    EXPECT_DOUBLE_EQ(kestrel->shape.circles.at(0).center.lat, 44.0 + 41.5 / 60.0);
    EXPECT_DOUBLE_EQ(kestrel->shape.circles.at(0).center.lon, -(30.0 + 18.25 / 60.0));
    EXPECT_DOUBLE_EQ(kestrel->shape.circles.at(0).radius, 2.5 * 1852.0);
}

TEST(ImportOpenAir, ActivationWindowsAndNone) {
    const ImportResult r = importZones(kExample);
    // lines 176-189: D3, a danger area (Q) active in five windows, DC 2.0;
    // the third window has a ';' comment after it
    const GeoZone* danger = find(r, "D3"); // a usable id as it is written
    ASSERT_NE(danger, nullptr);
    EXPECT_EQ(danger->restriction, Restriction::Conditional);
    ASSERT_EQ(danger->schedule.periods.size(), 5u);
    EXPECT_EQ(danger->schedule.periods[0].from, utc(2025, 6, 16, 7));
    EXPECT_EQ(danger->schedule.periods[0].to, utc(2025, 6, 16, 11));
    EXPECT_EQ(danger->schedule.periods[2].to, utc(2025, 6, 18, 17));
    EXPECT_EQ(danger->schedule.periods[4].to, utc(2025, 6, 20, 10, 30));
    EXPECT_DOUBLE_EQ(danger->shape.circles.at(0).radius, 3704.0);
    // lines 143-156: R2 with AA NONE: never in force here
    const GeoZone* none = find(r, "r2-north-range-notam");
    ASSERT_NE(none, nullptr);
    EXPECT_TRUE(none->schedule.never);
    // lines 158-172: the second R2 (the same name), two windows on 14 and 15 June 2025
    const GeoZone* notam = find(r, "r2-north-range-notam-2");
    ASSERT_NE(notam, nullptr);
    EXPECT_FALSE(notam->schedule.never);
    ASSERT_EQ(notam->schedule.periods.size(), 2u);
    EXPECT_EQ(notam->schedule.periods[0].from, utc(2025, 6, 14, 8));
    EXPECT_EQ(notam->schedule.periods[1].from, utc(2025, 6, 15, 9));
    EXPECT_EQ(notam->schedule.periods[1].to, utc(2025, 6, 15, 13));
    EXPECT_EQ(notam->shape.polygons.at(0).outer.size(), 5u); // 6 DP lines, the last closing
    // open ends: TRA WEST from 16 June 06:00 on, MTA SOUTH until 20 June 18:00
    const GeoZone* west = find(r, "tra-west");
    ASSERT_NE(west, nullptr);
    ASSERT_EQ(west->schedule.periods.size(), 1u);
    EXPECT_EQ(west->schedule.periods[0].from, utc(2025, 6, 16, 6));
    EXPECT_FALSE(west->schedule.periods[0].to.has_value());
    EXPECT_FALSE(west->altitude.ceiling.has_value());       // AH UNL
    EXPECT_EQ(west->shape.polygons.at(0).outer.size(), 4u); // not closed in the file
    const GeoZone* south = find(r, "mta-south");
    ASSERT_NE(south, nullptr);
    ASSERT_EQ(south->schedule.periods.size(), 1u);
    EXPECT_FALSE(south->schedule.periods[0].from.has_value());
    EXPECT_EQ(south->schedule.periods[0].to, utc(2025, 6, 20, 18));
}

TEST(ImportOpenAir, FlightLevelsAreMetresAmslOnTheStandardAtmosphere) {
    const ImportResult r = importZones(kExample);
    // lines 15-28: ALDMERE TMA (1/2), AL FL65, AH FL195
    const GeoZone* z = find(r, "aldmere-tma-1-2");
    ASSERT_NE(z, nullptr);
    EXPECT_DOUBLE_EQ(z->altitude.floor.metres, 1981.2); // 6,500 ft
    EXPECT_EQ(z->altitude.floor.ref, core::AltitudeRef::AMSL);
    EXPECT_DOUBLE_EQ(z->altitude.ceiling->metres, 5943.6); // 19,500 ft
    EXPECT_THAT(z->notes.at(0),
                HasSubstr("AL FL65 read as 6500 ft AMSL (flight level on the standard atmosphere)"));
    EXPECT_EQ(z->message, "Terminal manoeuvring area, class D (Aldmere Approach 119.350)");
}

TEST(ImportOpenAir, ExampleArcsJoinTheirPointsWithoutAWarning) {
    const ImportResult r = importZones(kExample);
    // lines 53-68: ALDMERE CTR, two DB arcs of 180 degrees whose ends are also
    // written as DP points: 37 points an arc, each once, and no warning
    const GeoZone* ctr = find(r, "aldmere-ctr");
    ASSERT_NE(ctr, nullptr);
    EXPECT_EQ(ctr->shape.polygons.at(0).outer.size(), 74u);
    EXPECT_FALSE(said(r, kExample, 53, "warning")) << printed(r);
    // lines 97-108: ALDMERE CTA NORTH, DA 12 anticlockwise (V D=-) from east to
    // west and DA 6 clockwise (V D=+) back: half a ring north of the centre
    const GeoZone* cta = find(r, "aldmere-cta-north");
    ASSERT_NE(cta, nullptr);
    double northmost = -90.0;
    for (const core::LatLon& p : cta->shape.polygons.at(0).outer) {
        EXPECT_GE(p.lat, 44.5 - 1e-3); // geodesics east and west dip a little
        northmost = std::max(northmost, p.lat);
    }
    EXPECT_NEAR(northmost, 44.5 + 12.0 / 60.0, 1e-3); // 12 NM is about 12 minutes of latitude
}

TEST(ImportOpenAir, ExampleRingAroundTheCtrIsAnOutlineWithAHole) {
    const ImportResult r = importZones(kExample);
    // lines 73-93: ALDMERE RMZ, the outer ring, an edge to the CTR's corner,
    // the CTR's outline anticlockwise, the edge back
    const GeoZone* rmz = find(r, "aldmere-rmz");
    ASSERT_NE(rmz, nullptr);
    ASSERT_EQ(rmz->shape.polygons.size(), 1u);
    const GeoPolygon& polygon = rmz->shape.polygons[0];
    EXPECT_EQ(polygon.outer.size(), 4u);
    ASSERT_EQ(polygon.holes.size(), 1u);
    EXPECT_EQ(polygon.holes[0].size(), 74u); // the CTR's outline
    EXPECT_DOUBLE_EQ(polygon.holes[0][0].lat, dms(44, 35, 0));
    EXPECT_DOUBLE_EQ(polygon.holes[0][0].lon, -dms(30, 36, 0));
    EXPECT_THAT(rmz->notes.back(), HasSubstr("the outline walks the edge 44.75000, -30.83333 to 44.58333, "
                                             "-30.60000 there and back: read as an outline with 1 hole"));
    // lines 206-216: 'AY MTA ; military low-flying training area' is an MTA
    const GeoZone* mta = find(r, "mta-south");
    ASSERT_NE(mta, nullptr);
    EXPECT_EQ(mta->restriction, Restriction::Prohibited);
    EXPECT_EQ(mta->message, "Military training area, class UNC");
}

// --- what the example file does not show -------------------------------------------------------------

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
    // AC D is known, but the AY type says what the airspace is, and nofly does
    // not know it: an error at the AY line, not the class's meaning
    const ImportResult r = importZones(file);
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(r.zones.empty());
    EXPECT_THAT(printed(r),
                HasSubstr(file +
                          ":2:1: error: airspace 'Odd': type 'XYZ' is not an OpenAir airspace type or "
                          "class nofly knows (add it to a mapping file's classes (--mapping), with the "
                          "restriction it means for drones)"));
    // a mapping that knows the type
    ImportOptions options;
    options.mapping = writeFile("xyz.yaml", "classes:\n  XYZ: {restriction: conditional}\n");
    const ImportResult mapped = importZones(file, options);
    ASSERT_TRUE(mapped.ok()) << printed(mapped);
    EXPECT_EQ(mapped.zones.at(0).restriction, Restriction::Conditional);
    // a class alone (older files write the type in AC)
    const std::string unknown =
        writeFile("unknown.openair", "AC ZZ\nAN Odd\nAL GND\nAH FL95\nV X=55:00:00N 012:00:00E\nDC 1\n");
    const ImportResult u = importZones(unknown);
    EXPECT_THAT(printed(u),
                HasSubstr(unknown + ":1:1: error: airspace 'Odd': type 'ZZ' is not an OpenAir airspace "
                                    "type or class nofly knows (add it to a mapping file's classes"));
}

TEST(ImportOpenAir, AMisspelledTypeGetsASuggestion) {
    const std::string file = writeFile(
        "ctrl.openair", "AC D\nAN Typo\nAY CTRL\nAL GND\nAH FL95\nV X=55:00:00N 012:00:00E\nDC 1\n");
    const ImportResult r = importZones(file);
    EXPECT_THAT(printed(r),
                HasSubstr(file +
                          ":3:1: error: airspace 'Typo': type 'CTRL' is not an OpenAir airspace type or "
                          "class nofly knows (did you mean 'CTR'? or add it to a mapping file's classes"));
}

TEST(ImportOpenAir, ASemicolonStartsAComment) {
    // as in SeeYou's own examples ('AA ... ; Active from 12:00 to 13:00 UTC')
    // and in German files ('AY MTA ; Military low flying Training area'); a
    // name may hold any character, so AN and AG keep theirs
    const std::string file =
        writeFile("semicolon.openair", "; a file's own note\n"
                                       "AC D ; the class\n"
                                       "AY MTA ; Military low flying Training area\n"
                                       "AN ED-R 1; 2\n"
                                       "AG Tower; Radar\n"
                                       "AF 123.450 ; the frequency\n"
                                       "AL GND ; the ground\n"
                                       "AH FL95;the top\n"
                                       "AA 2025-06-10T18:00Z/2025-06-10T22:00Z ; evening\n"
                                       "V X=55:00:00N 012:00:00E ; the centre\n"
                                       "DC 1 ; one mile\n");
    const ImportResult r = importZones(file);
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.diagnostics.warningCount(), 0u) << printed(r);
    ASSERT_EQ(r.zones.size(), 1u);
    const GeoZone& z = r.zones[0];
    EXPECT_EQ(z.restriction, Restriction::Prohibited); // MTA, not class D
    EXPECT_EQ(z.name, "ED-R 1; 2");
    EXPECT_EQ(z.message, "Military training area, class D (Tower; Radar 123.450)");
    EXPECT_DOUBLE_EQ(z.altitude.ceiling->metres, 2895.6); // FL95
    ASSERT_EQ(z.schedule.periods.size(), 1u);
    EXPECT_EQ(z.schedule.periods[0].to, utc(2025, 6, 10, 22));
    EXPECT_DOUBLE_EQ(z.shape.circles.at(0).radius, 1852.0);
}

/// A square ring around a square hole, written as one outline; the corners
/// of the outer square are 55:00-55:10N 012:00-012:20E, of the hole
/// 55:03-55:07N 012:05-012:15E.
const char* const kRingHeader = "AC E\nAY RMZ\nAN Ring\nAL GND\nAH 3000ft AMSL\n";

void expectSquareRing(const ImportResult& r) {
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.diagnostics.warningCount(), 0u) << printed(r);
    ASSERT_EQ(r.zones.size(), 1u);
    ASSERT_EQ(r.zones[0].shape.polygons.size(), 1u);
    const GeoPolygon& polygon = r.zones[0].shape.polygons[0];
    ASSERT_EQ(polygon.outer.size(), 4u);
    ASSERT_EQ(polygon.holes.size(), 1u);
    ASSERT_EQ(polygon.holes[0].size(), 4u);
    for (const core::LatLon& p : polygon.outer) {
        EXPECT_TRUE(p.lat == 55.0 || p.lat == dms(55, 10, 0)) << p.lat;
        EXPECT_TRUE(p.lon == 12.0 || p.lon == dms(12, 20, 0)) << p.lon;
    }
    for (const core::LatLon& p : polygon.holes[0]) {
        EXPECT_TRUE(p.lat == dms(55, 3, 0) || p.lat == dms(55, 7, 0)) << p.lat;
        EXPECT_TRUE(p.lon == dms(12, 5, 0) || p.lon == dms(12, 15, 0)) << p.lon;
    }
    EXPECT_THAT(r.zones[0].notes.back(), HasSubstr("there and back: read as an outline with 1 hole"));
}

TEST(ImportOpenAir, ARingWithAHoleWrittenAsOneOutline) {
    // the outer ring (clockwise), an edge in from its first corner, the hole
    // (anticlockwise), the same edge back out: as German files write a ring
    // around a control zone
    const std::string file =
        writeFile("ring.openair", std::string(kRingHeader) + "DP 55:10:00N 012:00:00E\n"
                                                             "DP 55:10:00N 012:20:00E\n"
                                                             "DP 55:00:00N 012:20:00E\n"
                                                             "DP 55:00:00N 012:00:00E\n"
                                                             "DP 55:10:00N 012:00:00E\n"
                                                             "DP 55:07:00N 012:05:00E\n"
                                                             "DP 55:03:00N 012:05:00E\n"
                                                             "DP 55:03:00N 012:15:00E\n"
                                                             "DP 55:07:00N 012:15:00E\n"
                                                             "DP 55:07:00N 012:05:00E\n"
                                                             "DP 55:10:00N 012:00:00E\n");
    expectSquareRing(importZones(file));
}

TEST(ImportOpenAir, ARingWithAHoleWrittenFromTheHoleOut) {
    // the other way round: the hole first (clockwise, as the outer ring), an
    // edge out from its south-east corner, the outer ring, the edge back in
    const std::string file =
        writeFile("inside_out.openair", std::string(kRingHeader) + "DP 55:03:00N 012:15:00E\n"
                                                                   "DP 55:03:00N 012:05:00E\n"
                                                                   "DP 55:07:00N 012:05:00E\n"
                                                                   "DP 55:07:00N 012:15:00E\n"
                                                                   "DP 55:03:00N 012:15:00E\n"
                                                                   "DP 55:00:00N 012:20:00E\n"
                                                                   "DP 55:00:00N 012:00:00E\n"
                                                                   "DP 55:10:00N 012:00:00E\n"
                                                                   "DP 55:10:00N 012:20:00E\n"
                                                                   "DP 55:00:00N 012:20:00E\n"
                                                                   "DP 55:03:00N 012:15:00E\n");
    expectSquareRing(importZones(file));
}

TEST(ImportOpenAir, TwoRingsWalkedInAndOutAreTwoHoles) {
    // from the north-west corner in to a hole and back, from the north-east
    // corner in to another and back, then round the outer ring
    const std::string file =
        writeFile("two_holes.openair", std::string(kRingHeader) + "DP 55:10:00N 012:00:00E\n"
                                                                  "DP 55:07:00N 012:02:00E\n"
                                                                  "DP 55:03:00N 012:02:00E\n"
                                                                  "DP 55:03:00N 012:08:00E\n"
                                                                  "DP 55:07:00N 012:08:00E\n"
                                                                  "DP 55:07:00N 012:02:00E\n"
                                                                  "DP 55:10:00N 012:00:00E\n"
                                                                  "DP 55:10:00N 012:20:00E\n"
                                                                  "DP 55:07:00N 012:18:00E\n"
                                                                  "DP 55:07:00N 012:12:00E\n"
                                                                  "DP 55:03:00N 012:12:00E\n"
                                                                  "DP 55:03:00N 012:18:00E\n"
                                                                  "DP 55:07:00N 012:18:00E\n"
                                                                  "DP 55:10:00N 012:20:00E\n"
                                                                  "DP 55:00:00N 012:20:00E\n"
                                                                  "DP 55:00:00N 012:00:00E\n"
                                                                  "DP 55:10:00N 012:00:00E\n");
    const ImportResult r = importZones(file);
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.diagnostics.warningCount(), 0u) << printed(r);
    const GeoPolygon& polygon = r.zones.at(0).shape.polygons.at(0);
    EXPECT_EQ(polygon.outer.size(), 4u);
    ASSERT_EQ(polygon.holes.size(), 2u);
    // in the order of the file: the western hole, then the eastern
    EXPECT_EQ(polygon.holes[0].size(), 4u);
    EXPECT_EQ(polygon.holes[1].size(), 4u);
    EXPECT_DOUBLE_EQ(polygon.holes[0][0].lon, dms(12, 2, 0));
    EXPECT_DOUBLE_EQ(polygon.holes[1][0].lon, dms(12, 18, 0));
    EXPECT_THAT(r.zones[0].notes.back(), HasSubstr("read as an outline with 2 holes"));
}

TEST(ImportOpenAir, ARingWalkedToOutsideTheOutlineIsNoHole) {
    // an edge there and back to a square beside the outline: the ring beyond
    // is read as a hole, and a hole must lie inside
    const std::string file =
        writeFile("beside.openair", std::string(kRingHeader) + "DP 55:10:00N 012:00:00E\n"
                                                               "DP 55:10:00N 012:20:00E\n"
                                                               "DP 55:00:00N 012:20:00E\n"
                                                               "DP 55:00:00N 012:00:00E\n"
                                                               "DP 55:10:00N 012:00:00E\n"
                                                               "DP 55:12:00N 012:00:00E\n"
                                                               "DP 55:12:00N 012:05:00E\n"
                                                               "DP 55:15:00N 012:05:00E\n"
                                                               "DP 55:15:00N 012:00:00E\n"
                                                               "DP 55:12:00N 012:00:00E\n"
                                                               "DP 55:10:00N 012:00:00E\n");
    const ImportResult r = importZones(file);
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(printed(r),
                HasSubstr(file +
                          ":1:1: error: airspace 'Ring': hole 1 is not inside the outer ring: its point 1 "
                          "is outside it (the outline walks the edge 55.16667, 12.00000 to 55.20000, "
                          "12.00000 there and back, so the ring beyond it is a hole)"));
}

TEST(ImportOpenAir, APointWrittenAgainAsAnArcsStartIsOnePoint) {
    // DP A then DB A, B (and DP B after it), as OpenAir files write arcs:
    // no warning, and each corner once in the outline
    const std::string file = writeFile("stadium.openair", "AC D\nAY CTR\nAN Stadium\nAL GND\nAH 2000ft AMSL\n"
                                                          "DP 55:05:00N 012:00:00E\n"
                                                          "DP 55:05:00N 012:10:00E\n"
                                                          "V X=55:00:00N 012:10:00E\n"
                                                          "DB 55:05:00N 012:10:00E, 54:55:00N 012:10:00E\n"
                                                          "DP 54:55:00N 012:10:00E\n"
                                                          "DP 54:55:00N 012:00:00E\n"
                                                          "V X=55:00:00N 012:00:00E\n"
                                                          "DB 54:55:00N 012:00:00E, 55:05:00N 012:00:00E\n"
                                                          "DP 55:05:00N 012:00:00E\n");
    const ImportResult r = importZones(file);
    ASSERT_TRUE(r.ok()) << printed(r);
    EXPECT_EQ(r.diagnostics.warningCount(), 0u) << printed(r);
    const GeoRing& outer = r.zones.at(0).shape.polygons.at(0).outer;
    EXPECT_EQ(outer.size(), 74u); // two arcs of 180 degrees, a point every 5
    // no point twice in a row, the last against the first included
    for (std::size_t k = 0; k < outer.size(); ++k) {
        const core::LatLon& p = outer[k];
        const core::LatLon& q = outer[(k + 1) % outer.size()];
        EXPECT_GT(std::abs(p.lat - q.lat) + std::abs(p.lon - q.lon), 1e-6)
            << "points " << k << " and " << k + 1;
    }
    // each written corner once, exactly as written
    for (const core::LatLon corner :
         {core::LatLon{dms(55, 5, 0), 12.0}, core::LatLon{dms(55, 5, 0), dms(12, 10, 0)},
          core::LatLon{dms(54, 55, 0), dms(12, 10, 0)}, core::LatLon{dms(54, 55, 0), 12.0}})
        EXPECT_EQ(std::count_if(outer.begin(), outer.end(),
                                [&](const core::LatLon& p) {
                                    return std::abs(p.lat - corner.lat) < 1e-6 &&
                                           std::abs(p.lon - corner.lon) < 1e-6;
                                }),
                  1)
            << corner.lat << ", " << corner.lon;
    EXPECT_TRUE(std::any_of(outer.begin(), outer.end(), [](const core::LatLon& p) {
        return p.lat == dms(55, 5, 0) && p.lon == dms(12, 10, 0);
    }));
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
                                       "DC 1\n"
                                       "\n"
                                       "AC R\n"                     // 20
                                       "AN Past space\n"            // 21
                                       "AL FL1e40\n"                // 22: a flight level past space
                                       "AH 400000ft\n"              // 23: a height past space
                                       "V X=55:00:00N 012:00:00E\n" // 24
                                       "DC 1\n"                     // 25
                                       "AC R\n"                     // 26
                                       "AN Not a level\n"           // 27
                                       "AL FL ninety\n"             // 28
                                       "AH FL95\n"                  // 29
                                       "V X=55:00:00N 012:00:00E\n" // 30
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
    // one flight-level reader for every format, range-checked where the level is written (before,
    // OpenAir read FL1e400 as an infinite floor and reported it at line 1)
    EXPECT_TRUE(
        said(r, file, 22, "airspace 'Past space': AL flight level 1e40 is above 100 km, where space begins"))
        << out;
    EXPECT_TRUE(said(r, file, 23, "airspace 'Past space': AH '400000ft' is above 100 km, where space begins"))
        << out;
    EXPECT_TRUE(said(r, file, 28, "airspace 'Not a level': AL 'FL ninety' is not a flight level")) << out;
}

// --- a block without its AC, numbers out of range, the encoding (issue 22) ----------

TEST(ImportOpenAir, AnAirspaceWithoutItsAcLineIsAnErrorAtItsLine) {
    // the second block lost its AC: its AN, AY, AL and AH would overwrite the first's
    const std::string file = writeFile("no_ac.openair",
                                       "AC R\n"                                  // 1
                                       "AY R\n"                                  // 2
                                       "AN First\n"                              // 3
                                       "AL GND\n"                                // 4
                                       "AH 1000ft AMSL\n"                        // 5
                                       "V X=55:00:00N 012:00:00E\n"              // 6
                                       "DC 1\n"                                  // 7
                                       "\n"                                      // 8
                                       "AN Second\n"                             // 9
                                       "AY P\n"                                  // 10
                                       "AL GND\n"                                // 11
                                       "AH 2000ft AMSL\n"                        // 12
                                       "V X=55:10:00N 012:00:00E\n"              // 13
                                       "DC 1\n");                                // 14
    const ImportResult r = importZones(file);
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(printed(r), HasSubstr(file + ":9:1: error: 'AN' comes after the shape of the airspace of line 1 "
                                             "(every airspace starts with an 'AC' line; is the 'AC' of a new "
                                             "airspace missing above this line?)"));
    EXPECT_THAT(printed(r), HasSubstr(file + ":10:1: error: 'AY' comes after the shape of the airspace of line 1"));
}

TEST(ImportOpenAir, ANameTypeOrLimitWrittenTwiceIsAnError) {
    const std::string file = writeFile("twice.openair",
                                       "AC R\n"                     // 1
                                       "AN First\n"                 // 2
                                       "AL GND\n"                   // 3
                                       "AN Second\n"                // 4
                                       "AH 1000ft AMSL\n"           // 5
                                       "AH 2000ft AMSL\n"           // 6
                                       "V X=55:00:00N 012:00:00E\n" // 7
                                       "DC 1\n");                   // 8
    const ImportResult r = importZones(file);
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(printed(r), HasSubstr(file + ":4:1: error: 'AN' is written twice in the airspace of line 1 (first "
                                             "on line 2)"));
    EXPECT_THAT(printed(r), HasSubstr(file + ":6:1: error: 'AH' is written twice in the airspace of line 1 (first "
                                             "on line 5)"));
}

TEST(ImportOpenAir, ACircleWiderThanTheEarthIsRefused) {
    const std::string file = writeFile("wide.openair",
                                       "AC P\nAN Wide\nAL GND\nAH 1000ft AMSL\n"
                                       "V X=55:00:00N 012:00:00E\n"
                                       "DC 20000\n");
    const ImportResult r = importZones(file);
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(printed(r), HasSubstr(file + ":1:1: error: airspace 'Wide': circle radius: '37040 km' is out of "
                                             "range for a length (a length is at most 20,000 km (half the way round "
                                             "the Earth))"));
}

TEST(ImportOpenAir, AnOutlineOverThePointLimitIsRefusedAsEd269AndGeoJsonRefuseIt) {
    // 50,001 DP points round a circle (issue 22: 100,000 took 21 s, checked for crossings)
    std::string text = "AC P\nAN Many\nAL GND\nAH 1000ft AMSL\n";
    const std::size_t points = limits::kMaxRingPoints + 1;
    for (std::size_t k = 0; k < points; ++k) {
        const double angle = 2.0 * std::numbers::pi * static_cast<double>(k) / static_cast<double>(points);
        char line[64];
        std::snprintf(line, sizeof line, "DP %.7fN %.7fE\n", 55.0 + 0.5 * std::sin(angle),
                      12.0 + 0.8 * std::cos(angle));
        text += line;
    }
    const std::string file = writeFile("many.openair", text);
    const ImportResult r = importZones(file);
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(printed(r), HasSubstr(file + ":1:1: error: airspace 'Many': its outline has too many points: 50,001 "
                                             "(limit 50,000) (simplify the outline before importing it)"));
}

TEST(ImportOpenAir, AFileInWindows1252IsReadAsThatWithAWarning) {
    // "Købmagergade" and a curly quote as an old editor saves them: 0xF8 and 0x92
    const std::string file = writeFile("latin.openair",
                                       "* made by hand\n"
                                       "AC P\nAN K\xF8" "bmagergade\x92s garden\nAL GND\nAH 1000ft AMSL\n"
                                       "V X=55:00:00N 012:00:00E\nDC 1\n");
    const ImportResult r = importZones(file);
    ASSERT_TRUE(r.ok()) << printed(r);
    ASSERT_EQ(r.zones.size(), 1u);
    EXPECT_EQ(r.zones[0].name, "K\xC3\xB8" "bmagergade\xE2\x80\x99s garden");
    EXPECT_THAT(printed(r), HasSubstr(file + ":3:5: warning: the file is not UTF-8: read as Windows-1252, as older "
                                             "OpenAir files are written (byte 0xF8 here is 'ø') (save the file as "
                                             "UTF-8 to have it read without a guess)"));
}

TEST(ImportOpenAir, AByteWindows1252DoesNotHaveOrAControlCharacterIsRefused) {
    const std::string undefined = writeFile("undefined.openair", "AC P\nAN Bad\x81name\n");
    EXPECT_THAT(printed(importZones(undefined)),
                HasSubstr(undefined + ":2:7: error: the file is not UTF-8: byte 0x81 here is not part of a UTF-8 "
                                      "character (save the file as UTF-8"));
    const std::string control = writeFile("control.openair", std::string("AC P\nAN Bad\0name\n", 17));
    EXPECT_THAT(printed(importZones(control)),
                HasSubstr(control + ":2:7: error: the file holds a control character here, U+0000 (NUL)"));
}

TEST(ImportOpenAir, ThreeTimesTheSamePointIsOneDistinctPoint) {
    const std::string file = writeFile("same.openair", "AC P\nAN Same\nAL GND\nAH 1000ft AMSL\n"
                                                       "DP 55:00:00N 012:00:00E\nDP 55:00:00N 012:00:00E\n"
                                                       "DP 55:00:00N 012:00:00E\n");
    EXPECT_THAT(printed(importZones(file)),
                HasSubstr(file + ":1:1: error: airspace 'Same': has 1 distinct point; an area needs at least 3"));
}

} // namespace
} // namespace nofly::scenario
