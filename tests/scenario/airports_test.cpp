// The shipped airport list (src/scenario/airports.cpp): airports anywhere by
// their ICAO code, and what an unknown code is told.
#include "inline_scenario.hpp"

#include "scenario/airports.hpp"
#include "scenario/loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

namespace nofly::scenario {
namespace {

using ::testing::HasSubstr;
using testing::load;
using testing::printed;

/// A map between Paris and Rotterdam, wide enough for both: 3 lines.
const std::string kHead = "title: Test\n"
                          "time: {start: 2024-07-26T18:00+02:00, end: +2 h, step: 1 s}\n"
                          "map: {origin: {lat: 50.5, lon: 3.2}, extent: 400 km}\n";

TEST(AirportCatalogue, ParisAndRotterdamResolveWithNameAndPosition) {
    const LoadResult r = load(kHead + "airports: [LFPG, EHRD]\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    ASSERT_EQ(r.scenario->airports.size(), 2u);
    const Airport& lfpg = r.scenario->airports[0];
    EXPECT_EQ(lfpg.id, "LFPG");
    EXPECT_EQ(lfpg.name, "Charles de Gaulle International Airport");
    EXPECT_NEAR(lfpg.geo.lat, 49.0128, 1e-3);
    EXPECT_NEAR(lfpg.geo.lon, 2.55, 1e-2);
    EXPECT_NEAR(lfpg.elevation, 392 * 0.3048, 1.0);
    const Airport& ehrd = r.scenario->airports[1];
    EXPECT_EQ(ehrd.name, "Rotterdam The Hague Airport");
    EXPECT_NEAR(ehrd.geo.lat, 51.957, 1e-2);
    EXPECT_NEAR(ehrd.geo.lon, 4.437, 1e-2);
    // and its position on the map: Rotterdam is north-east of the origin
    EXPECT_GT(ehrd.at.x, 50'000.0);
    EXPECT_GT(ehrd.at.y, 150'000.0);
}

TEST(AirportCatalogue, UnknownCodeGetsNearestCodesAndItsCountrysAirports) {
    const LoadResult r = load(kHead + "airports:\n  - LFPG\n  - LFPX\n");
    EXPECT_FALSE(r.scenario);
    const std::string out = printed(r);
    // at its line, the nearest by spelling, then more of France's (LF..) airports, the LFP.. first
    EXPECT_THAT(
        out,
        HasSubstr(
            "test.yaml:6:5: error: airport 'LFPX' is not in the shipped airport list (did you "
            "mean 'LFPG', 'LFPO', 'LFPB' or 'LFPC'? codes LF.. are FR's: LFPM Melun-Villaroche Air Base, "
            "LFPN Toussus-le-Noble Airport, LFPT "));
    EXPECT_THAT(out, HasSubstr(" more)"));
}

TEST(AirportCatalogue, CodeThatIsNoIcaoCodeGetsSpellingOnly) {
    const LoadResult r = load(kHead + "airports: [ehrd, Q1]\n");
    const std::string out = printed(r);
    // lower case is one letter off nothing; the spelling finds it all the same
    EXPECT_THAT(out,
                HasSubstr("test.yaml:4:12: error: airport 'ehrd' is not in the shipped airport list (did you "
                          "mean 'EHRD'"));
    // nothing near, no country: how to write it out
    EXPECT_THAT(out,
                HasSubstr("test.yaml:4:18: error: airport 'Q1' is not in the shipped airport list (write it "
                          "out: '{id: Q1, name: ..., at: {lat: ..., lon: ...}}')"));
}

TEST(AirportCatalogue, ReadsQuotedFieldsAndSkipsBrokenRows) {
    AirportCatalogue catalogue(std::string(NOFLY_TEST_DATA_DIR) + "/airports");
    const auto alpha = catalogue.find("XXAA");
    ASSERT_TRUE(alpha);
    EXPECT_EQ(alpha->name, "Alpha, \"North\" Field");
    EXPECT_DOUBLE_EQ(alpha->geo.lat, 10.5);
    EXPECT_DOUBLE_EQ(alpha->geo.lon, -20.25);
    EXPECT_DOUBLE_EQ(alpha->elevationFt, 1200.0);
    EXPECT_EQ(alpha->country, "XX");
    // no elevation: 0
    ASSERT_TRUE(catalogue.find("XXAB"));
    EXPECT_DOUBLE_EQ(catalogue.find("XXAB")->elevationFt, 0.0);
    // a row whose latitude is no number is not an airport; nor is the header
    EXPECT_FALSE(catalogue.find("XXAC"));
    EXPECT_FALSE(catalogue.find("ident"));
    EXPECT_EQ(catalogue.all().size(), 2u);
    // the large airport first; both suggested, so no list of the country's others
    EXPECT_THAT(catalogue.explainUnknown("XXAD"),
                HasSubstr("did you mean 'XXAB' or 'XXAA'? codes XX.. are XX's"));
}

TEST(AirportCatalogue, ShippedListIsWorldwideAndFoundQuickly) {
    AirportCatalogue catalogue(defaultAssetDir());
    // a few codes out of thousands: only their rows are parsed
    const auto start = std::chrono::steady_clock::now();
    for (const char* code : {"EKCH", "KLAX", "RJTT", "YSSY", "SBGR", "FAOR"})
        EXPECT_TRUE(catalogue.find(code)) << code;
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(took).count(), 200);
    EXPECT_GT(catalogue.all().size(), 4000u);
}

} // namespace
} // namespace nofly::scenario
