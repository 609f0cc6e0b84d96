// Cutting a basemap from datasets (`nofly basemap`), on the hand-made files
// of tests/data/basemap/cut: what is clipped and simplified is what was
// computed by hand; broken files are refused at their line and column.
// The shipped basemaps (assets/basemap) are checked at places whose land and
// sea are known.
#include "scenario/basemap_cut.hpp"

#include "scenario/detail/json_document.hpp"
#include "scenario/text_file.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <string>
#include <utility>

namespace nofly::scenario {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

const std::string kCut = (fs::path(NOFLY_TEST_DATA_DIR) / "basemap/cut/").lexically_normal().string();
const std::string kAssets = (fs::path(NOFLY_SOURCE_DIR) / "assets/basemap/").lexically_normal().string();

using Ring = std::vector<std::pair<double, double>>; // [lon, lat]

/// One feature of a basemap, read back.
struct Written {
    std::string layer, country, name, type;
    std::vector<std::vector<Ring>> parts; ///< polygons of rings, or lines (one ring a part)
};

std::vector<Written> readBack(const std::string& text) {
    core::Diagnostics d;
    const auto doc = JsonDocument::parse(text, "out.geojson", d);
    EXPECT_TRUE(doc.has_value());
    std::vector<Written> out;
    if (!doc) return out;
    const JsonValue features = *doc->root().get("features");
    for (std::size_t i = 0; i < features.size(); ++i) {
        const JsonValue f = features[i];
        Written w;
        const JsonValue p = *f.get("properties");
        w.layer = p.get("layer")->text();
        if (auto c = p.get("country")) w.country = c->text();
        if (auto n = p.get("name")) w.name = n->text();
        const JsonValue g = *f.get("geometry");
        w.type = g.get("type")->text();
        const JsonValue c = *g.get("coordinates");
        const bool lines = w.type == "MultiLineString";
        auto ring = [](JsonValue r) {
            Ring points;
            for (std::size_t k = 0; k < r.size(); ++k)
                points.emplace_back(std::stod(r[k][0].text()), std::stod(r[k][1].text()));
            return points;
        };
        for (std::size_t j = 0; j < c.size(); ++j) {
            std::vector<Ring> part;
            if (lines) part.push_back(ring(c[j]));
            else
                for (std::size_t r = 0; r < c[j].size(); ++r) part.push_back(ring(c[j][r]));
            w.parts.push_back(part);
        }
        out.push_back(w);
    }
    return out;
}

/// The shoelace sum of a ring in degrees: positive when counter-clockwise.
double signedArea(const Ring& r) {
    double a = 0.0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) a += r[i].first * r[i + 1].second - r[i + 1].first * r[i].second;
    return a / 2.0;
}

std::set<std::pair<double, double>> corners(const Ring& r) { return {r.begin(), r.end()}; }

BasemapCut fixtureCut(double detail) {
    BasemapCut cut;
    cut.area = {0.2, 1.0, 1.8, 3.0};
    cut.detail = detail;
    cut.land = kCut + "land.geojson";
    cut.isoCodes = kCut + "iso_3166-1.json";
    return cut;
}

std::string printed(const core::Diagnostics& d) {
    std::string out;
    for (const auto& x : d.sorted()) out += core::format(x) + "\n";
    return out;
}

TEST(BasemapCut, ClipsToTheAreaAndSimplifiesAwayABumpSmallerThanTheDetail) {
    // Alpha (lon 0-2) and Beta (2-4) share a border with an 11 m bump at lat 1
    // (0.0001 degree of longitude at latitude 1 is 11.1 m); the area keeps lon
    // 1-3, lat 0.2-1.8. At 20 m the bump and the points in line with it go:
    // each country is the rectangle of its four corners. Gamma lies outside.
    core::Diagnostics d;
    BasemapCutStats stats;
    const auto text = cutBasemap(fixtureCut(20.0), d, &stats);
    ASSERT_TRUE(text) << printed(d);
    EXPECT_TRUE(d.empty()) << printed(d);
    const auto features = readBack(*text);
    ASSERT_EQ(features.size(), 2u);
    EXPECT_EQ(features[0].layer, "land");
    EXPECT_EQ(features[0].country, "alpha");
    EXPECT_EQ(features[1].country, "beta");
    ASSERT_EQ(features[0].parts.size(), 1u);
    ASSERT_EQ(features[0].parts[0].size(), 1u);
    const Ring& alpha = features[0].parts[0][0];
    EXPECT_EQ(alpha.size(), 5u);
    EXPECT_EQ(alpha.front(), alpha.back());
    EXPECT_EQ(corners(alpha), (std::set<std::pair<double, double>>{{1, 0.2}, {2, 0.2}, {2, 1.8}, {1, 1.8}}));
    EXPECT_GT(signedArea(alpha), 0.0) << "an outer ring is counter-clockwise (RFC 7946)";
    EXPECT_EQ(corners(features[1].parts[0][0]),
              (std::set<std::pair<double, double>>{{2, 0.2}, {3, 0.2}, {3, 1.8}, {2, 1.8}}));
    EXPECT_EQ(stats.features, 2u);
    EXPECT_EQ(stats.points, 10u);
    // the format's members at the top
    EXPECT_THAT(*text, HasSubstr("\"area\":[0.2,1,1.8,3]"));
    EXPECT_THAT(*text, HasSubstr("\"attribution\":"));
}

TEST(BasemapCut, KeepsABumpLargerThanTheDetail) {
    // at 5 m the 11.1 m bump stays; (2, 0.5) and (2, 1.5) are 4.2 m from the
    // lines to it, and go
    core::Diagnostics d;
    const auto text = cutBasemap(fixtureCut(5.0), d);
    ASSERT_TRUE(text) << printed(d);
    const auto features = readBack(*text);
    const Ring& alpha = features[0].parts[0][0];
    EXPECT_EQ(corners(alpha),
              (std::set<std::pair<double, double>>{{1, 0.2}, {2, 0.2}, {2.0001, 1}, {2, 1.8}, {1, 1.8}}));
}

TEST(BasemapCut, NamesCountriesByTheirIsoCodeAndSaysWhenTheListLacksOne) {
    BasemapCut cut = fixtureCut(20.0);
    cut.territory = kCut + "territory.geojson";
    core::Diagnostics d;
    const auto text = cutBasemap(cut, d);
    ASSERT_TRUE(text) << printed(d);
    const auto features = readBack(*text);
    ASSERT_EQ(features.size(), 4u);
    EXPECT_EQ(features[2].layer, "territory");
    EXPECT_EQ(features[2].country, "south korea") << "the common name, not 'korea, republic of'";
    EXPECT_EQ(corners(features[2].parts[0][0]),
              (std::set<std::pair<double, double>>{{1, 0.5}, {1.5, 0.5}, {1.5, 1.5}, {1, 1.5}}));
    EXPECT_EQ(features[3].country, "xkx");
    EXPECT_EQ(printed(d), kCut + "territory.geojson:4:44: warning: country code 'XKX' is not in the ISO 3166-1 "
                                 "list; it is written as 'xkx'\n");
}

TEST(BasemapCut, LakesAndRiversAndTheSmallestLakesLeftOut) {
    BasemapCut cut = fixtureCut(20.0);
    cut.water = {kCut + "lakes.geojson"};
    cut.rivers = {kCut + "rivers.geojson"};
    core::Diagnostics d;
    auto features = readBack(*cutBasemap(cut, d));
    // each geometry of the lakes' GeometryCollection is a feature of its own
    ASSERT_EQ(features.size(), 5u) << printed(d);
    EXPECT_EQ(features[2].layer, "water");
    EXPECT_EQ(features[3].layer, "water") << "the 11 m pond stays without --min-area";
    // the river from lon 0 to 5 through a 5.5 m bend: clipped at lon 1 and 3, straight at 20 m
    const Written& river = features[4];
    EXPECT_EQ(river.layer, "river");
    EXPECT_EQ(river.name, "Long River");
    EXPECT_EQ(river.type, "MultiLineString");
    ASSERT_EQ(river.parts.size(), 1u);
    const Ring& line = river.parts[0][0];
    ASSERT_EQ(line.size(), 2u);
    EXPECT_DOUBLE_EQ(line[0].first, 1.0);
    EXPECT_NEAR(line[0].second, 1.0000333, 1e-6);
    EXPECT_DOUBLE_EQ(line[1].first, 3.0);
    EXPECT_NEAR(line[1].second, 1.0000286, 1e-6);

    cut.minArea = 1000.0; // m^2: the pond is 11 m by 11 m
    features = readBack(*cutBasemap(cut, d));
    ASSERT_EQ(features.size(), 4u);
    EXPECT_EQ(features[3].layer, "river");
}

TEST(BasemapCut, ALineRoundedToOnePointIsLeftOut) {
    // 1 mm and 2 mm long: at 6 decimals (11 cm) each is one point, which no reader takes as a line
    BasemapCut cut = fixtureCut(0.0);
    cut.rivers = {kCut + "river_stubs.geojson"};
    core::Diagnostics d;
    const auto text = cutBasemap(cut, d);
    ASSERT_TRUE(text.has_value()) << printed(d);
    const auto features = readBack(*text);
    ASSERT_EQ(features.size(), 3u) << "two of land, then one river: 'Only A Stub' has nothing left";
    const Written& river = features[2];
    EXPECT_EQ(river.name, "Stub River");
    ASSERT_EQ(river.parts.size(), 1u) << "the stub part is dropped, the long part kept";
    EXPECT_EQ(river.parts[0][0].size(), 2u);
}

TEST(BasemapCut, ABrokenFileIsRefusedAtItsLine) {
    BasemapCut cut = fixtureCut(20.0);
    cut.land = kCut + "broken.geojson";
    core::Diagnostics d;
    EXPECT_FALSE(cutBasemap(cut, d));
    EXPECT_THAT(printed(d), HasSubstr(kCut + "broken.geojson:4:3: error: the file is not valid JSON"));
}

TEST(BasemapCut, EveryWrongFeatureIsReportedAtItsLine) {
    BasemapCut cut = fixtureCut(20.0);
    cut.land = kCut + "lines_as_land.geojson";
    core::Diagnostics d;
    EXPECT_FALSE(cutBasemap(cut, d));
    const std::string f = kCut + "lines_as_land.geojson";
    EXPECT_EQ(printed(d),
              f + ":5:25: error: a land file holds Polygon or MultiPolygon geometries, not 'LineString' (give "
                  "rivers as lines with --river)\n" +
                  f + ":6:37: error: a country's feature needs its name as a text in its properties (looked for "
                      "'name', 'NAME', 'ADMIN', 'A3', 'ISO_A3') (name the property that holds it with "
                      "--country-property)\n" +
                  f + ":9:52: error: a ring must end where it starts (repeat its first position at its end)\n");
}

TEST(BasemapCut, AMissingFileIsNamed) {
    BasemapCut cut = fixtureCut(20.0);
    cut.territory = kCut + "no_such.geojson";
    core::Diagnostics d;
    EXPECT_FALSE(cutBasemap(cut, d));
    EXPECT_THAT(printed(d), HasSubstr(kCut + "no_such.geojson: error: cannot read this dataset: "));
}

TEST(BasemapCut, ACountryCodeWithoutTheIsoListIsAnError) {
    BasemapCut cut = fixtureCut(20.0);
    cut.territory = kCut + "territory.geojson";
    cut.isoCodes = kCut + "no_such.json";
    core::Diagnostics d;
    EXPECT_FALSE(cutBasemap(cut, d));
    EXPECT_THAT(printed(d), HasSubstr("territory.geojson:2:44: error: country code 'KOR' needs the ISO 3166-1 list "
                                      "to be named, and " +
                                      kCut + "no_such.json cannot be read"));
}

TEST(BasemapCut, AnAreaIsFourDegreesInOrder) {
    std::string error;
    const auto box = parseGeoBox("48.6, 1.9,49.1,2.8", error);
    ASSERT_TRUE(box);
    EXPECT_EQ(box->west, 1.9);
    EXPECT_FALSE(parseGeoBox("48.6,1.9,49.1", error));
    EXPECT_THAT(error, HasSubstr("four numbers"));
    EXPECT_FALSE(parseGeoBox("49.1,1.9,48.6,2.8", error));
    EXPECT_THAT(error, HasSubstr("SOUTH must be below NORTH"));
    EXPECT_FALSE(parseGeoBox("48.6,1.9,north,2.8", error));
    EXPECT_THAT(error, HasSubstr("'north' is not a number"));
}

// --- the shipped basemaps -------------------------------------------------

/// The features of a shipped basemap file.
std::vector<Written> shipped(const std::string& name) {
    FileProblem problem;
    const auto text = readTextFile(kAssets + name, "", 64u << 20, "reads", problem);
    EXPECT_TRUE(text) << problem.message;
    return text ? readBack(*text) : std::vector<Written>{};
}

/// Whether [lon, lat] is inside a polygon (rings by the even-odd rule).
bool inside(const std::vector<Ring>& polygon, double lon, double lat) {
    bool in = false;
    for (const Ring& r : polygon)
        for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
            if ((r[i].second > lat) != (r[j].second > lat) &&
                lon < (r[j].first - r[i].first) * (lat - r[i].second) / (r[j].second - r[i].second) + r[i].first)
                in = !in;
    return in;
}

/// The countries of a layer whose shape holds [lon, lat].
std::vector<std::string> at(const std::vector<Written>& map, const std::string& layer, double lat, double lon) {
    std::vector<std::string> out;
    for (const Written& w : map)
        if (w.layer == layer)
            for (const auto& polygon : w.parts)
                if (inside(polygon, lon, lat)) out.push_back(w.country);
    return out;
}

using V = std::vector<std::string>;

TEST(ShippedBasemap, DenmarkHasSaltholmOresundMalmoAndTheTerritorialSea) {
    const auto map = shipped("denmark.geojson");
    EXPECT_EQ(at(map, "land", 55.64, 12.77), V{"denmark"}) << "Saltholm";
    // 55.60 N 12.75 E, the sea point, lies on Peberholm as OpenStreetMap's 2017 data draws it
    // (docs/basemaps.md): the Øresund is tested south of the bridge
    EXPECT_EQ(at(map, "land", 55.56, 12.85), V{}) << "the Øresund";
    EXPECT_EQ(at(map, "land", 55.605, 13.00), V{"sweden"}) << "Malmö";
    EXPECT_EQ(at(map, "land", 55.618, 12.65), V{"denmark"}) << "Kastrup airport, Amager";
    EXPECT_EQ(at(map, "territory", 55.64, 12.77), V{"denmark"}) << "Saltholm";
    EXPECT_EQ(at(map, "territory", 55.50, 12.35), V{"denmark"}) << "Køge Bugt";
    EXPECT_EQ(at(map, "land", 55.50, 12.35), V{}) << "Køge Bugt";
    EXPECT_EQ(at(map, "land", 54.32, 10.13), V{"germany"}) << "Kiel";
}

TEST(ShippedBasemap, WorldHasFranceAroundParis) {
    const auto map = shipped("world.geojson");
    EXPECT_EQ(at(map, "land", 48.857, 2.352), V{"france"}) << "Paris";
    EXPECT_EQ(at(map, "land", 55.44, 11.79), V{"denmark"}) << "Ringsted, Zealand";
    EXPECT_EQ(at(map, "land", 50.0, -30.0), V{}) << "the Atlantic";
}

} // namespace
} // namespace nofly::scenario
