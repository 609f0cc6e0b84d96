// The Box2D spatial engine against an independent check: core geometry in
// double precision, on the same zones and legs.
#include "sim/zone_index.hpp"

#include "core/random.hpp"
#include "scenario/loader.hpp"

#include <gtest/gtest.h>

namespace nofly::sim {
namespace {

scenario::Scenario scenarioWith(const std::string& zones) {
    const std::string text = "title: T\ntime: {start: 2025-06-14T10:00+02:00, end: +1 h}\n"
                             "map: {origin: {lat: 55.69, lon: 12.56}}\nzones:\n" + zones;
    scenario::LoadResult r = scenario::loadScenarioText(text, "test.yaml");
    EXPECT_TRUE(r.scenario.has_value());
    return *r.scenario;
}

const char* kZones =
    "  - {id: circle, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 1 km}}}\n"
    "  - id: notch\n    restriction: prohibited\n    shape:\n      polygon:\n"
    "        outer: [[2 km, -1 km], [5 km, -1 km], [5 km, 1 km], [3.5 km, 0 km], [2 km, 1 km]]\n"
    "        holes: [[[4 km, -0.5 km], [4.5 km, -0.5 km], [4.5 km, 0 km]]]\n"
    "  - {id: corridor, restriction: authorisation, shape: {corridor: {path: [[-3 km, 3 km], [0, 4 km], [3 km, 3 km]], "
    "width: 400 m}}}\n";

TEST(ZoneIndex, LegIntervalsMatchCoreGeometry) {
    const scenario::Scenario s = scenarioWith(kZones);
    const ZoneIndex index(s);
    core::Random random(7);
    int compared = 0;
    for (int trial = 0; trial < 2000; ++trial) {
        const core::Vec2 a{random.uniform(-4000, 6000), random.uniform(-2000, 5000)};
        const core::Vec2 b{random.uniform(-4000, 6000), random.uniform(-2000, 5000)};
        const std::vector<ZoneInterval> got = index.intervals(a, b);
        for (std::size_t z = 0; z < s.zones.size(); ++z) {
            const std::vector<core::Interval> want = core::insideIntervals(s.zones[z].region, a, b);
            std::vector<ZoneInterval> mine;
            for (const ZoneInterval& i : got)
                if (i.zone == static_cast<int>(z)) mine.push_back(i);
            // touching intervals may or may not be reported by either: compare the substantial ones
            std::vector<core::Interval> wantLong;
            for (const core::Interval& i : want)
                if (i.leave - i.enter > 0.5) wantLong.push_back(i);
            std::vector<ZoneInterval> mineLong;
            for (const ZoneInterval& i : mine)
                if (i.leave - i.enter > 0.5) mineLong.push_back(i);
            ASSERT_EQ(mineLong.size(), wantLong.size()) << "zone " << s.zones[z].id << " trial " << trial;
            for (std::size_t k = 0; k < wantLong.size(); ++k) {
                // both in double precision: agreement to a micrometre
                EXPECT_NEAR(mineLong[k].enter, wantLong[k].enter, 1e-6);
                EXPECT_NEAR(mineLong[k].leave, wantLong[k].leave, 1e-6);
                ++compared;
            }
        }
    }
    EXPECT_GT(compared, 500); // the legs do meet the zones often
}

TEST(ZoneIndex, PointsAgreeWithCoreGeometryIncludingHoles) {
    const scenario::Scenario s = scenarioWith(kZones);
    const ZoneIndex index(s);
    core::Random random(11);
    for (int trial = 0; trial < 5000; ++trial) {
        const core::Vec2 p{random.uniform(-4000, 6000), random.uniform(-2000, 5000)};
        std::vector<int> want;
        for (std::size_t z = 0; z < s.zones.size(); ++z)
            if (core::contains(s.zones[z].region, p)) want.push_back(static_cast<int>(z));
        const std::vector<int> got = index.zonesAt(p);
        // a point within a micrometre of an edge may fall either way
        bool nearEdge = false;
        for (const auto& zone : s.zones) nearEdge = nearEdge || core::distanceToBoundary(zone.region, p) < 1e-6;
        if (!nearEdge) {
            EXPECT_EQ(got, want) << p.x << "," << p.y;
        }
    }
    // inside the hole of the notch is outside it
    EXPECT_TRUE(index.zonesAt({4400, -400}).empty());
    EXPECT_EQ(index.zonesAt({2500, 0}), std::vector<int>{1});
}

TEST(ZoneIndex, ConcaveNotchGivesTwoStretches) {
    const scenario::Scenario s = scenarioWith(kZones);
    const ZoneIndex index(s);
    // along y = 0.5 km the notch's top edge dips to (3.5 km, 0): two stretches
    const auto got = index.intervals({1500, 500}, {5500, 500});
    std::vector<ZoneInterval> notch;
    for (const auto& i : got)
        if (i.zone == 1) notch.push_back(i);
    ASSERT_EQ(notch.size(), 2u);
    EXPECT_NEAR(notch[0].enter, 500.0, 0.05);   // x = 2 km
    EXPECT_NEAR(notch[0].leave, 1250.0, 0.05);  // edge (2 km, 1 km)-(3.5 km, 0) at y = 0.5: x = 2.75 km
    EXPECT_NEAR(notch[1].enter, 2750.0, 0.05);  // x = 4.25 km
    EXPECT_NEAR(notch[1].leave, 3500.0, 0.05);  // x = 5 km
}

TEST(ZoneIndex, CountryZonesAreCutIntoBox2DSizedPieces) {
    // the detailed shipped basemap: a country shape reads the scenario's own basemap
    // (with none named, the coarse world one)
    scenario::LoadResult r = scenario::loadScenarioText(
        "title: T\ntime: {start: 2025-06-14T10:00+02:00, end: +1 h}\n"
        "map: {origin: {lat: 55.69, lon: 12.56}, basemap: denmark}\nzones:\n"
        "  - {id: dk, restriction: prohibited, shape: {country: denmark}}\n",
        "test.yaml");
    ASSERT_TRUE(r.scenario.has_value());
    const scenario::Scenario& s = *r.scenario;
    const ZoneIndex index(s);
    EXPECT_GT(index.pieceCount(), 300u);
    EXPECT_EQ(index.zonesAt(s.projection.toLocal({56.162, 10.203})), std::vector<int>{0}); // Aarhus
    EXPECT_TRUE(index.zonesAt(s.projection.toLocal({55.605, 13.000})).empty());          // Malmo
}

} // namespace
} // namespace nofly::sim
