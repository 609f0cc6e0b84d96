#include "lesson_run.hpp"
#include "report/scene.hpp"
#include "report/svg.hpp"

#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

namespace nofly::report {
namespace {

using core::Vec2;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr core::Instant kStart = 1749888000000; // 2025-06-14T10:00+02:00
constexpr core::Instant kMinute = 60000;

/// A run made by hand: zones of every restriction (one never in force, one
/// country-wide), a compliant flight, a flight across a prohibited circle
/// with its violation in the event log, and a cancelled flight.
struct MapRun {
    scenario::Scenario scenario;
    sim::World world;
    RunRecord record;

    MapRun() {
        scenario.title = "Lesson 1";
        scenario.variant = "no-helipad";
        scenario.time = {kStart, kStart + 60 * kMinute, 1000, 120};
        scenario.origin = {55.0, 12.0};
        scenario.projection = core::LocalProjection(scenario.origin);

        addZone("country", "Whole country", scenario::Restriction::Prohibited, scenario::ShapeKind::Country)
            .region.polygons.push_back(
                {{{-90000, -90000}, {90000, -90000}, {90000, 90000}, {-90000, 90000}}, {}});
        addZone("helipad", "Helipad", scenario::Restriction::Prohibited, scenario::ShapeKind::Circle)
            .region.circles.push_back({{0, 0}, 500});
        addZone("school", "Fish & <Chips> school", scenario::Restriction::Prohibited,
                scenario::ShapeKind::Polygon)
            .region.polygons.push_back({{{2000, 2000}, {3000, 2000}, {3000, 3000}, {2000, 3000}}, {}});
        addZone("airfield", "Airfield", scenario::Restriction::Authorisation, scenario::ShapeKind::Circle)
            .region.circles.push_back({{5000, -3000}, 1000});
        addZone("fair", "Fair", scenario::Restriction::Conditional, scenario::ShapeKind::Polygon)
            .region.polygons.push_back(
                {{{-4000, -4000}, {-3000, -4000}, {-3000, -3000}, {-4000, -3000}}, {}});
        addZone("closed", "Closed range", scenario::Restriction::Prohibited, scenario::ShapeKind::Circle)
            .region.circles.push_back({{-5000, 3000}, 400});
        // never in force during the run: switched on for an hour the day before
        scenario.zones.back().active.windows.push_back(
            {kStart - 24 * 60 * kMinute, kStart - 23 * 60 * kMinute});

        addFlight("east", {-2000, 100}, 6, 12, {2000, 100});
        addFlight("west", {-2000, 0}, 20, 26, {2000, 0}); // crosses the helipad from 22:15 to 23:45
        sim::Drone& west = world.drones.back();
        west.violations = 1;
        west.outcome = sim::Outcome::Violated;
        const int westIndex = static_cast<int>(world.flights.size()) - 1;
        record.events.push_back(
            event(sim::EventType::ViolationStart, westIndex, 22 * kMinute + 15000, {-500, 0}));
        record.events.push_back(
            event(sim::EventType::ViolationEnd, westIndex, 23 * kMinute + 45000, {500, 0}));

        addFlight("stopped", {-1500, 1500}, 30, 30, {});
        sim::Drone& stopped = world.drones.back();
        stopped.plan.clear();
        stopped.departedAt = stopped.landedAt = -1;
        stopped.phase = sim::Phase::Cancelled;
        stopped.outcome = sim::Outcome::Cancelled;

        world.now = scenario.time.end;
        record.scenario = &scenario;
        record.world = &world;
    }
    MapRun(const MapRun&) = delete;
    MapRun& operator=(const MapRun&) = delete;

    scenario::Zone& addZone(const std::string& id, const std::string& name, scenario::Restriction restriction,
                            scenario::ShapeKind kind) {
        scenario::Zone zone;
        zone.id = id;
        zone.name = name;
        zone.restriction = restriction;
        zone.shapeKind = kind;
        scenario.zones.push_back(zone);
        world.zones.push_back(sim::ZoneState{}); // no `active`: in force all the time
        return scenario.zones.back();
    }
    /// A flight straight from `from` to `to`, flown between two minutes of the run.
    void addFlight(const std::string& id, Vec2 from, int departMinute, int landMinute, Vec2 to) {
        sim::FlightPlan plan;
        plan.flight.id = id;
        plan.flight.category = "hobby";
        plan.flight.route = {from, to};
        world.flights.push_back(plan);
        sim::Drone drone;
        drone.flight = static_cast<int>(world.flights.size()) - 1;
        sim::Segment cruise;
        cruise.t0 = kStart + departMinute * kMinute;
        cruise.t1 = kStart + landMinute * kMinute;
        cruise.p0 = from;
        cruise.p1 = to;
        drone.plan = {cruise};
        drone.departedAt = cruise.t0;
        drone.landedAt = cruise.t1;
        drone.phase = sim::Phase::Landed;
        drone.outcome = sim::Outcome::Allowed;
        world.drones.push_back(drone);
    }
    /// An event of flight `flight` (World::flights) in the helipad (zone 1).
    static sim::Event event(sim::EventType type, int flight, core::Millis sinceStart, Vec2 at) {
        sim::Event e;
        e.type = type;
        e.flight = flight;
        e.zone = 1;
        e.time = kStart + sinceStart;
        e.at = at;
        return e;
    }
};

std::vector<const Primitive*> find(const Scene& scene, Primitive::Kind kind, Role role,
                                   const std::string& ref = "") {
    std::vector<const Primitive*> out;
    for (const Primitive& p : scene.primitives)
        if (p.kind == kind && p.style.role == role && (ref.empty() || p.ref == ref)) out.push_back(&p);
    return out;
}

void expectNear(Vec2 actual, Vec2 expected) {
    EXPECT_NEAR(actual.x, expected.x, 1e-6);
    EXPECT_NEAR(actual.y, expected.y, 1e-6);
}

bool contains(const core::Box& box, Vec2 p) {
    return p.x >= box.min.x && p.x <= box.max.x && p.y >= box.min.y && p.y <= box.max.y;
}

std::size_t count(const std::string& text, const std::regex& pattern) {
    return static_cast<std::size_t>(
        std::distance(std::sregex_iterator(text.begin(), text.end(), pattern), std::sregex_iterator()));
}

// --- the scene ------------------------------------------------------------------

TEST(MapScene, ProhibitedZonesAreDrawnInTheProhibitedRole) {
    MapRun run;
    const Scene scene = buildMapScene(run.record);
    const auto school = find(scene, Primitive::Polygon, Role::ZoneProhibited, "school");
    ASSERT_EQ(school.size(), 1u);
    EXPECT_EQ(school[0]->rings.size(), 1u);
    EXPECT_GT(core::signedArea(school[0]->rings[0]), 0.0); // outer rings counter-clockwise
    ASSERT_EQ(find(scene, Primitive::Circle, Role::ZoneProhibited, "helipad").size(), 1u);
    EXPECT_EQ(find(scene, Primitive::Circle, Role::ZoneAuthorisation, "airfield").size(), 1u);
    EXPECT_EQ(find(scene, Primitive::Polygon, Role::ZoneConditional, "fair").size(), 1u);
    EXPECT_EQ(name(Role::ZoneProhibited), "zone-prohibited");
    EXPECT_EQ(name(Role::RouteViolating), "route-violating");
}

TEST(MapScene, HasAScaleBarWithALabel) {
    MapRun run;
    const Scene scene = buildMapScene(run.record);
    EXPECT_THAT(scene.scaleBar.label, ::testing::MatchesRegex("[0-9]+ (km|m)"));
    EXPECT_GT(scene.scaleBar.metres, 0.0);
    EXPECT_LE(scene.scaleBar.metres, (scene.view.max.x - scene.view.min.x) / 5.0);
}

TEST(MapScene, ScaleBarIsARoundLength) {
    EXPECT_EQ(niceScaleBar(12000).label, "2 km");
    EXPECT_EQ(niceScaleBar(30000).label, "5 km");
    EXPECT_EQ(niceScaleBar(800).label, "100 m");
    EXPECT_DOUBLE_EQ(niceScaleBar(500000).metres, 100000.0);
}

TEST(MapScene, ViolatingStretchFollowsTheEventLog) {
    MapRun run;
    const Scene scene = buildMapScene(run.record);
    const auto stretch = find(scene, Primitive::Polyline, Role::RouteViolating, "west");
    ASSERT_EQ(stretch.size(), 1u);
    ASSERT_EQ(stretch[0]->rings.size(), 1u);
    expectNear(stretch[0]->rings[0].front(), {-500, 0});
    expectNear(stretch[0]->rings[0].back(), {500, 0});
    // the whole track is drawn as a route beneath it
    const auto route = find(scene, Primitive::Polyline, Role::RouteCompliant, "west");
    ASSERT_EQ(route.size(), 1u);
    expectNear(route[0]->rings[0].front(), {-2000, 0});
    EXPECT_TRUE(find(scene, Primitive::Polyline, Role::RouteViolating, "east").empty());
}

TEST(MapScene, WithoutAnEventLogAViolatingFlightIsDrawnWhole) {
    MapRun run;
    run.record.events.clear();
    const Scene scene = buildMapScene(run.record);
    const auto stretch = find(scene, Primitive::Polyline, Role::RouteViolating, "west");
    ASSERT_EQ(stretch.size(), 1u);
    expectNear(stretch[0]->rings[0].front(), {-2000, 0});
    expectNear(stretch[0]->rings[0].back(), {2000, 0});
}

TEST(MapScene, CancelledFlightIsACrossAtItsTakeOff) {
    MapRun run;
    const Scene scene = buildMapScene(run.record);
    const auto crosses = find(scene, Primitive::Marker, Role::FlightCancelled);
    ASSERT_EQ(crosses.size(), 1u);
    EXPECT_EQ(crosses[0]->ref, "stopped");
    expectNear(crosses[0]->at, {-1500, 1500});
    EXPECT_EQ(paint(Role::FlightCancelled).shape, Paint::Cross);
}

TEST(MapScene, ViewFitsTracksAndZonesButNotTheCountry) {
    MapRun run;
    const Scene scene = buildMapScene(run.record);
    for (Vec2 p : {Vec2{-2000, 100}, Vec2{2000, 0}, Vec2{3000, 3000}, Vec2{6000, -4000}, Vec2{-5400, 3400}})
        EXPECT_TRUE(contains(scene.view, p)) << p.x << "," << p.y;
    EXPECT_LT(scene.view.max.x - scene.view.min.x, 20000.0); // the 180 km country is left out
}

TEST(MapScene, ViewWithNoFlightsFitsTheZones) {
    MapRun run;
    run.world.drones.clear();
    run.world.flights.clear();
    const Scene scene = buildMapScene(run.record);
    EXPECT_TRUE(contains(scene.view, {6000, -4000}));
    EXPECT_LT(scene.view.max.x - scene.view.min.x, 20000.0);
}

TEST(MapScene, ViewOfNothingIsTenKilometresAroundTheOrigin) {
    scenario::Scenario s;
    s.title = "Empty";
    sim::World world;
    RunRecord record;
    record.scenario = &s;
    record.world = &world;
    const Scene scene = buildMapScene(record);
    EXPECT_DOUBLE_EQ(scene.view.max.x - scene.view.min.x, 10000.0);
    EXPECT_DOUBLE_EQ(scene.view.min.y + scene.view.max.y, 0.0);
}

TEST(MapScene, ViewGivenInOptionsIsKept) {
    MapRun run;
    const core::Box view{{-100, -100}, {100, 100}};
    const Scene scene = buildMapScene(run.record, {.assetDir = "", .view = view});
    EXPECT_DOUBLE_EQ(scene.view.min.x, -100.0);
    EXPECT_DOUBLE_EQ(scene.view.max.y, 100.0);
}

TEST(MapScene, ZoneNeverInForceIsFaded) {
    MapRun run;
    const Scene scene = buildMapScene(run.record);
    const auto closed = find(scene, Primitive::Circle, Role::ZoneProhibited, "closed");
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_TRUE(closed[0]->style.faded);
    EXPECT_FALSE(find(scene, Primitive::Circle, Role::ZoneProhibited, "helipad")[0]->style.faded);
    const bool legendSaysSo = std::any_of(scene.legend.begin(), scene.legend.end(), [](const LegendEntry& e) {
        return e.style.faded && e.text == "Not in force during the run";
    });
    EXPECT_TRUE(legendSaysSo);
}

TEST(MapScene, LandComesFromTheBasemap) {
    MapRun run;
    run.scenario.basemapLayers.land["country"].polygons.push_back(
        {{{-90000, -90000}, {90000, -90000}, {90000, 90000}, {-90000, 90000}}, {}});
    const Scene scene = buildMapScene(run.record);
    ASSERT_FALSE(scene.primitives.empty());
    EXPECT_EQ(scene.primitives.front().style.role, Role::Land); // drawn first
    EXPECT_EQ(scene.primitives.front().rings.size(), 1u);
    // the country-wide zone is named in the legend, not on the map
    const bool named = std::any_of(scene.legend.begin(), scene.legend.end(),
                                   [](const LegendEntry& e) { return e.text == "Whole country"; });
    EXPECT_TRUE(named);
}

TEST(MapScene, EveryLayerOfTheBasemapIsDrawnInItsOwnRole) {
    // a layered basemap (tests/data/basemap/layered.geojson): Denmark's land, Sweden's, a lake, a
    // river, a road of two lines, a border, three labels
    const scenario::LoadResult loaded = scenario::loadScenarioText(
        "title: Basemap\ntime: {start: 2025-06-14T10:00+02:00, end: +1 h}\n"
        "map: {origin: {lat: 55.676, lon: 12.568}, basemap: layered.geojson}\n"
        "places:\n  - {id: hall, name: City Hall, at: {lat: 55.6757, lon: 12.569}}\n",
        NOFLY_TEST_DATA_DIR "/basemap/test.yaml");
    ASSERT_TRUE(loaded.scenario);
    sim::World world;
    RunRecord record;
    record.scenario = &*loaded.scenario;
    record.world = &world;
    const Scene scene = buildMapScene(record);
    // the scenario's country apart from its neighbour, under everything else
    ASSERT_EQ(find(scene, Primitive::Polygon, Role::Land).size(), 1u);
    ASSERT_EQ(find(scene, Primitive::Polygon, Role::LandAbroad).size(), 1u);
    EXPECT_EQ(scene.primitives[0].style.role, Role::Land);
    EXPECT_EQ(scene.primitives[1].style.role, Role::LandAbroad);
    EXPECT_EQ(find(scene, Primitive::Polygon, Role::Water).size(), 1u);
    EXPECT_EQ(find(scene, Primitive::Polyline, Role::River).size(), 1u);
    EXPECT_EQ(find(scene, Primitive::Polyline, Role::Road).size(), 2u);
    EXPECT_EQ(find(scene, Primitive::Polyline, Role::Border).size(), 1u);
    // the basemap's labels after the scenario's own, most important first
    const auto labels = find(scene, Primitive::Label, Role::BasemapLabel);
    ASSERT_EQ(labels.size(), 3u);
    EXPECT_EQ(labels[0]->text, "København");
    EXPECT_EQ(labels[1]->text, "Malmö");
    EXPECT_EQ(labels[2]->text, "Roskilde");
    EXPECT_EQ(scene.primitives.back().text, "Roskilde");
    EXPECT_EQ(scene.attribution, "Test fixture, after © OpenStreetMap contributors (ODbL)");
    // the SVG draws each, and the credit as a small line on the map
    const std::string svg = sceneSvg(scene);
    EXPECT_THAT(svg, HasSubstr("<path class=\"land-abroad\""));
    EXPECT_THAT(svg, HasSubstr("<path class=\"water\""));
    EXPECT_THAT(svg, HasSubstr("<g class=\"road\""));
    EXPECT_THAT(svg, HasSubstr("<g class=\"border\""));
    EXPECT_THAT(svg, HasSubstr("<g class=\"attribution\"><text"));
    EXPECT_THAT(svg, HasSubstr("Test fixture, after © OpenStreetMap contributors (ODbL)</text>"));
}

TEST(MapScene, NoAttributionWithoutABasemap) {
    MapRun run;
    const Scene scene = buildMapScene(run.record);
    EXPECT_TRUE(scene.attribution.empty());
    EXPECT_THAT(sceneSvg(scene), Not(HasSubstr("class=\"attribution\"")));
}

TEST(MapScene, LabelsNameZonesPlacesAndAirports) {
    MapRun run;
    scenario::Place place;
    place.id = "hall";
    place.name = "City Hall";
    place.at = {100, 200};
    run.scenario.places.push_back(place);
    scenario::Airport airport;
    airport.id = "EKCH";
    airport.name = "Kastrup";
    airport.at = {5000, -3000};
    run.scenario.airports.push_back(airport);
    const Scene scene = buildMapScene(run.record);
    std::vector<std::string> texts;
    for (const Primitive* p : find(scene, Primitive::Label, Role::ZoneProhibited))
        texts.push_back(p->text);
    for (const Primitive* p : find(scene, Primitive::Label, Role::Place))
        texts.push_back(p->text);
    for (const Primitive* p : find(scene, Primitive::Label, Role::Airport))
        texts.push_back(p->text);
    EXPECT_THAT(texts, ::testing::IsSupersetOf({"Helipad", "City Hall", "EKCH"}));
    EXPECT_EQ(find(scene, Primitive::Marker, Role::Airport).size(), 1u);
    EXPECT_EQ(find(scene, Primitive::Marker, Role::Place).size(), 1u);
    EXPECT_EQ(scene.primitives.back().kind, Primitive::Label); // labels are drawn last
}

TEST(MapScene, PaletteIsColourBlindSafeAndReadsInGreyscale) {
    const Colour vermillion{0xD5, 0x5E, 0x00}, blue{0x00, 0x72, 0xB2}, yellow{0xF0, 0xE4, 0x42},
        green{0x00, 0x9E, 0x73};
    EXPECT_TRUE(paint(Role::ZoneProhibited).fill == vermillion);
    EXPECT_TRUE(paint(Role::ZoneProhibited).hatch);
    EXPECT_TRUE(paint(Role::ZoneAuthorisation).stroke == blue);
    EXPECT_FALSE(paint(Role::ZoneAuthorisation).dash.empty());
    EXPECT_TRUE(paint(Role::ZoneConditional).fill == yellow);
    EXPECT_FALSE(paint(Role::ZoneConditional).dash.empty());
    EXPECT_TRUE(paint(Role::RouteCompliant).stroke == green);
    EXPECT_TRUE(paint(Role::RouteViolating).stroke == vermillion);
    // in grey a violation still stands out by its width
    EXPECT_GE(paint(Role::RouteViolating).strokeWidth, 2.0 * paint(Role::RouteCompliant).strokeWidth);
    for (Role role : {Role::ZoneProhibited, Role::Airport, Role::Place})
        EXPECT_GE(paint(role).fontSize, 14.0);
}

// --- the SVG ---------------------------------------------------------------------

TEST(Svg, IsWellFormedEnough) {
    MapRun run;
    const std::string svg = mapSvg(run.record);
    EXPECT_EQ(svg.rfind("<svg", 0), 0u);
    EXPECT_THAT(svg, HasSubstr("width=\"1200\" height=\"900\""));
    EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
    EXPECT_EQ(count(svg, std::regex("<g[ >]")), count(svg, std::regex("</g>")));
    EXPECT_EQ(count(svg, std::regex("<text[ >]")), count(svg, std::regex("</text>")));
}

TEST(Svg, ShowsTheTitleVariantAndZoneNames) {
    MapRun run;
    const std::string svg = mapSvg(run.record);
    EXPECT_THAT(svg, HasSubstr(">Lesson 1</text>"));
    EXPECT_THAT(svg, HasSubstr("Variant: no-helipad"));
    EXPECT_THAT(svg, HasSubstr(">Helipad</text>"));
    EXPECT_THAT(svg, HasSubstr(">Airfield</text>"));
    EXPECT_THAT(svg, HasSubstr("Whole country")); // in the legend
}

TEST(Svg, EscapesXmlSpecialCharactersInNames) {
    MapRun run;
    const std::string svg = mapSvg(run.record);
    EXPECT_THAT(svg, HasSubstr("Fish &amp; &lt;Chips&gt; school"));
    EXPECT_THAT(svg, Not(HasSubstr("Fish & ")));
    EXPECT_THAT(svg, Not(HasSubstr("<Chips>")));
    EXPECT_EQ(escapeXml("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
}

TEST(Svg, DrawsWithThePalette) {
    MapRun run;
    const std::string svg = mapSvg(run.record);
    EXPECT_THAT(svg, HasSubstr("fill=\"url(#hatch-zone-prohibited)\""));
    EXPECT_THAT(svg, HasSubstr("fill=\"#D55E00\""));
    EXPECT_THAT(svg, HasSubstr("stroke=\"#0072B2\""));
    EXPECT_THAT(svg, HasSubstr("fill=\"#F0E442\""));
    EXPECT_THAT(svg, HasSubstr("stroke=\"#009E73\""));
    EXPECT_THAT(svg, HasSubstr("stroke=\"#CC79A7\""));
    EXPECT_THAT(svg, HasSubstr("stroke-dasharray"));
    EXPECT_THAT(svg, HasSubstr("class=\"route-violating\""));
    EXPECT_THAT(svg, HasSubstr("opacity=\"0.35\"")); // the zone never in force
}

TEST(Svg, TextIsLargeEnoughForAProjector) {
    MapRun run;
    const std::string svg = mapSvg(run.record);
    const std::regex size("font-size=\"([0-9.]+)\"");
    std::size_t seen = 0;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), size); it != std::sregex_iterator();
         ++it, ++seen)
        EXPECT_GE(std::stod((*it)[1].str()), 14.0);
    EXPECT_GT(seen, 5u);
}

TEST(Svg, HasAScaleBarAndALegend) {
    MapRun run;
    const Scene scene = buildMapScene(run.record);
    const std::string svg = sceneSvg(scene);
    EXPECT_THAT(svg, HasSubstr("class=\"scale-bar\""));
    EXPECT_THAT(svg, HasSubstr(">" + scene.scaleBar.label + "</text>"));
    EXPECT_THAT(svg, HasSubstr(">Legend</text>"));
    EXPECT_THAT(svg, HasSubstr(">Prohibited zone</text>"));
    EXPECT_THAT(svg, HasSubstr(">Cancelled take-off (1)</text>"));
}

TEST(Svg, IsByteIdenticalWhenWrittenTwice) {
    MapRun first, second;
    EXPECT_EQ(mapSvg(first.record), mapSvg(second.record));
}

TEST(Svg, SizeAndViewFollowTheOptions) {
    MapRun run;
    SvgOptions options;
    options.width = 800;
    options.height = 600;
    options.view = core::Box{{-1000, -1000}, {1000, 1000}};
    const std::string svg = mapSvg(run.record, options);
    EXPECT_THAT(svg, HasSubstr("width=\"800\" height=\"600\""));
    EXPECT_THAT(svg,
                HasSubstr(">200 m</text>")); // a scale bar for about 2 km across, not for the fitted view
}

// --- with the real simulation ---------------------------------------------------


TEST(SvgSimulation, DrawsARealRun) {
    const testing::LessonRun lesson;
    const RunRecord& run = lesson.run;
    const Scene scene = buildMapScene(run);
    EXPECT_EQ(find(scene, Primitive::Polyline, Role::RouteCompliant).size(), 2u);
    const auto stretch = find(scene, Primitive::Polyline, Role::RouteViolating, "careless");
    ASSERT_EQ(stretch.size(), 1u);
    // the violating stretch lies inside the helipad circle
    for (Vec2 p : stretch[0]->rings[0])
        EXPECT_LE(core::length(p), 500.0 + 1.0);
    const std::string svg = sceneSvg(scene);
    EXPECT_THAT(svg, HasSubstr(">Hospital helipad</text>"));
    EXPECT_THAT(svg, HasSubstr(">One zone, two pilots</text>"));
}

} // namespace
} // namespace nofly::report
