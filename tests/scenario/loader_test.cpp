// One test per validation rule of the scenario language, each on inline YAML,
// checking the line, the column and the words a writer reads.
#include "inline_scenario.hpp"

#include "scenario/loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace nofly::scenario {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::kHead;
using testing::load;
using testing::printed;

TEST(ScenarioLoader, AcceptsAMinimalScenario) {
    const LoadResult r = load(kHead);
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.scenario->title, "Test");
    EXPECT_EQ(r.scenario->time.end - r.scenario->time.start, 2 * 3600 * 1000);
    EXPECT_EQ(r.scenario->time.utcOffsetMinutes, 120);
    EXPECT_EQ(r.scenario->time.step, 1000);
}

TEST(ScenarioLoader, UnknownTopLevelKeySuggestsTheRightOne) {
    const LoadResult r = load(kHead + "descripton: hello\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:4:1: error: the scenario: unknown key 'descripton' (did you mean "
                                      "'description'?)"));
}

TEST(ScenarioLoader, UnknownKeyWithNoNeighbourListsTheKeys) {
    const LoadResult r = load(kHead + "zones:\n  - {id: z, restriction: prohibited, shape: {blob: 1}}\n");
    EXPECT_EQ(r.diagnostics.errorCount(), 1u) << printed(r);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:46: error: zone 'z' shape: unknown key 'blob' (expected one of: "
                                      "circle, polygon, corridor, country, parts, margin, waters)"));
}

TEST(ScenarioLoader, DuplicateKeyNamesBothLines) {
    const LoadResult r = load("title: A\ntitle: B\n" + kHead.substr(kHead.find('\n') + 1));
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:2:1: error: the scenario: key 'title' is written twice (the first is "
                                      "on line 1; keep one of them)"));
}

TEST(ScenarioLoader, MisspeltRequiredKeyIsOneMistake) {
    const LoadResult r = load(kHead + "zones:\n  - {id: z, restrction: prohibited, shape: {circle: {center: [0, 0], "
                                      "radius: 1 km}}}\n");
    EXPECT_EQ(r.diagnostics.errorCount(), 1u) << printed(r);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:13: error: zone 'z': unknown key 'restrction' (did you mean "
                                      "'restriction'?)"));
}

TEST(ScenarioLoader, TextWithAColonGetsAHintAboutQuotes) {
    const LoadResult r = load(kHead + "goals:\n  - Read a zone: where it is\n");
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:5: error: a learning goal must be a single value such as 'some "
                                      "text', not a mapping (key: value pairs) (if this is a text with ': ' in it, put "
                                      "it in quotes)"));
}

TEST(ScenarioLoader, WrongTypeSaysWhatWasFound) {
    const LoadResult r = load(kHead + "title2: x\n" + "seed: [1, 2]\n");
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:7: error: seed must be a single value such as '12', not a list"));
}

TEST(ScenarioLoader, BareNumberMeansTheSIUnit) {
    const LoadResult r = load(kHead + "zones:\n  - {id: z, restriction: prohibited, shape: {circle: {center: [0, 0], "
                                      "radius: 500}}}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_DOUBLE_EQ(r.scenario->zones[0].region.circles[0].radius, 500.0);
}

TEST(ScenarioLoader, UnitsAreConvertedToSI) {
    const LoadResult r = load(kHead + "zones:\n  - {id: z, restriction: prohibited, shape: {circle: {center: [1 km, "
                                      "-2 NM], radius: 1000 ft}}}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    const core::Circle& c = r.scenario->zones[0].region.circles[0];
    EXPECT_DOUBLE_EQ(c.center.x, 1000.0);
    EXPECT_DOUBLE_EQ(c.center.y, -2 * 1852.0);
    EXPECT_NEAR(c.radius, 304.8, 1e-9);
}

TEST(ScenarioLoader, WrongUnitIsAnErrorOnItsLine) {
    const LoadResult r = load(kHead + "zones:\n  - id: z\n    restriction: prohibited\n    shape: {circle: {center: "
                                      "[0, 0], radius: 12 m/s}}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:7:46: error: zone 'z' shape circle radius:"));
    EXPECT_THAT(printed(r), HasSubstr("a speed, but a length is expected"));
}

TEST(ScenarioLoader, NegativeRadiusIsRefused) {
    const LoadResult r = load(kHead + "zones:\n  - {id: z, restriction: prohibited, shape: {circle: {center: [0, 0], "
                                      "radius: -5 km}}}\n");
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:79: error: zone 'z' shape circle radius must be more than zero "
                                      "(got -5 km)"));
}

TEST(ScenarioLoader, MissingKeyPointsAtItsParent) {
    const LoadResult r = load(kHead + "zones:\n  - id: z\n    shape: {circle: {center: [0, 0], radius: 1 km}}\n");
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:5: error: zone 'z' has no 'restriction' (one of: prohibited, "
                                      "authorisation, conditional, no-restriction)"));
}

TEST(ScenarioLoader, UnknownRestrictionWordSuggestsTheNearest) {
    const LoadResult r =
        load(kHead + "zones:\n  - {id: z, restriction: prohibted, shape: {circle: {center: [0, 0], "
                     "radius: 1 km}}}\n");
    EXPECT_EQ(r.diagnostics.errorCount(), 1u) << printed(r);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:26: error: zone 'z' restriction: 'prohibted' is not one of the "
                          "known values (did you mean 'prohibited'?)"));
}

TEST(ScenarioLoader, RestrictionAndReasonsAreReadAsTheirValues) {
    const LoadResult r =
        load(kHead + "zones:\n  - {id: z, restriction: no-restriction, reason: [noise, other], "
                     "shape: {circle: {center: [0, 0], radius: 1 km}}}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.scenario->zones[0].restriction, Restriction::NoRestriction);
    EXPECT_EQ(r.scenario->zones[0].reasons, (std::vector<Reason>{Reason::Noise, Reason::Other}));
}

TEST(ScenarioLoader, ShapeWithNoFormListsTheForms) {
    const LoadResult r =
        load(kHead + "zones:\n  - {id: z, restriction: prohibited, shape: {margin: 1 km}}\n");
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:45: error: zone 'z' shape names no shape (write exactly one of: "
                          "circle, polygon, corridor, country, parts)"));
}

TEST(ScenarioLoader, NewCategoryWithoutAKindListsTheKinds) {
    const LoadResult r = load(kHead + "categories:\n  drone-club: {aware: 50%}\n");
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:3: error: category 'drone-club' is new and needs a 'kind' (one of: "
                          "hobby, commercial, state)"));
}

TEST(ScenarioLoader, CategoryKindAndBreachAreReadAsTheirValues) {
    const LoadResult r = load(kHead + "categories:\n  club: {kind: state, breach: hold}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.scenario->category("club")->kind, OperatorKind::State);
    EXPECT_EQ(r.scenario->category("club")->breach, BreachAction::Hold);
}

TEST(ScenarioLoader, TimelineEventWithoutAnEventSaysWhatCanHappen) {
    const LoadResult r = load(kHead + "timeline:\n  - {at: 10:30, text: hello}\n");
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:5: error: timeline event has no 'event' (what happens: announce, "
                          "activate, deactivate, sighting or note)"));
}

TEST(ScenarioLoader, AnAnnounceNeedsAZoneAndANotice) {
    const LoadResult r = load(kHead + "timeline:\n  - {id: e1, at: 10:30, event: announce}\n");
    // the mapping is "timeline event" whatever its id; what is read from it is "event 'e1'"
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:5: error: timeline event has no 'zone' (the zone it concerns)"));
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:5: error: timeline event has no 'notice'"));
}

TEST(ScenarioLoader, DanglingCategoryReferenceSuggestsTheNearest) {
    const LoadResult r = load(kHead + "zones:\n  - {id: z, restriction: prohibited, exempt: [polise], shape: {circle: "
                                      "{center: [0, 0], radius: 1 km}}}\n");
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:47: error: zone 'z' exempt: there is no operator category "
                                      "'polise' (did you mean 'police'?)"));
}

TEST(ScenarioLoader, DanglingZoneReferenceInATimelineEvent) {
    const LoadResult r = load(kHead + "zones:\n  - {id: park, restriction: prohibited, shape: {circle: {center: [0, "
                                      "0], radius: 1 km}}}\ntimeline:\n  - {at: 10:30, event: activate, zone: prak}\n");
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:7:40: error: there is no zone 'prak' (did you mean 'park'?)"));
}

TEST(ScenarioLoader, DuplicateIdNamesTheFirst) {
    const LoadResult r = load(kHead + "places:\n  - {id: a, at: [0, 0]}\n  - {id: a, at: [1, 1]}\n");
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:6:10: error: duplicate place id 'a' (the first is at test.yaml:5; ids must be unique)"));
}

TEST(ScenarioLoader, PolygonWithTwoPointsIsRefused) {
    const LoadResult r = load(kHead + "zones:\n  - {id: z, restriction: prohibited, shape: {polygon: [[0, 0], [1, 1]]}}\n");
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:55: error: zone 'z' shape polygon has 2 points; it needs at least 3"));
}

TEST(ScenarioLoader, SelfCrossingPolygonNamesTheEdges) {
    const LoadResult r = load(kHead + "zones:\n  - {id: z, restriction: prohibited, shape: {polygon: [[0, 0], [100, "
                                      "100], [100, 0], [0, 100]]}}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:55: error: zone 'z' shape polygon: the outer ring crosses itself"));
}

TEST(ScenarioLoader, PolygonWithHoleLoads) {
    const LoadResult r = load(kHead + "zones:\n  - id: z\n    restriction: prohibited\n    shape:\n      polygon:\n"
                                      "        outer: [[0, 0], [100, 0], [100, 100], [0, 100]]\n"
                                      "        holes: [[[40, 40], [60, 40], [60, 60], [40, 60]]]\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    const core::Region& region = r.scenario->zones[0].region;
    EXPECT_TRUE(core::contains(region, {10, 10}));
    EXPECT_FALSE(core::contains(region, {50, 50}));
    EXPECT_NEAR(core::area(region), 10000.0 - 400.0, 1e-6);
}

TEST(ScenarioLoader, FloorAboveCeilingIsRefused) {
    const LoadResult r = load(kHead + "zones:\n  - id: z\n    restriction: prohibited\n    shape: {circle: {center: "
                                      "[0, 0], radius: 1 km}}\n    altitude: {floor: 120 m AGL, ceiling: 50 m AGL}\n");
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:8:43: error: zone 'z' ceiling (50 m AGL) is not above its floor"));
}

TEST(ScenarioLoader, WindowEndingBeforeItStartsIsRefused) {
    const LoadResult r = load(kHead + "zones:\n  - id: z\n    restriction: prohibited\n    shape: {circle: {center: "
                                      "[0, 0], radius: 1 km}}\n    active: {from: 11:00, to: 10:30}\n");
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:8:31: error: zone 'z' active ends (10:30) before it starts (11:00)"));
}

TEST(ScenarioLoader, ScenarioEndBeforeStartIsRefused) {
    const LoadResult r = load("title: T\ntime: {start: 2025-06-14T10:00+02:00, end: 09:00}\nmap: {origin: {lat: 55, "
                              "lon: 12}}\n");
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:2:44: error: time end 09:00 is not after the start"));
}

TEST(ScenarioLoader, FlightOutsideTheMapIsRefused) {
    const LoadResult r = load(kHead + "flights:\n  - {id: f, category: hobby, depart: 10:10, route: [[0, 0], [900 km, "
                                      "0]]}\n");
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:52: error: flight 'f' route point 2 is outside the map, 900 km from "
                                      "the map origin (check the position, or widen the map with 'extent:')"));
}

TEST(ScenarioLoader, SyntaxErrorIsReportedAtItsRealLine) {
    const LoadResult r = load(kHead + "zones:\n  - id: z\n    name: \"unclosed\n    restriction: [a, b\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:6:11: error: a quoted text is not closed (add the closing \" at the "
                                      "end of the text)"));
}

TEST(ScenarioLoader, TabIndentationIsNamedAsSuch) {
    const LoadResult r = load(kHead + "zones:\n\t- id: z\n");
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:1: error: a tab is used for indentation (YAML indents with spaces "
                                      "only; replace the tab with spaces)"));
}

TEST(ScenarioLoader, EveryProblemIsReportedInOneRun) {
    const LoadResult r = load(kHead + "zones:\n"
                                      "  - {id: a, restriction: forbidden, shape: {circle: {center: [0, 0], radius: 1 km}}}\n"
                                      "  - {id: b, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 1 kg}}}\n"
                                      "flights:\n"
                                      "  - {id: f, category: hobby, depart: 25:00, route: [[0, 0], [1, 1]]}\n");
    EXPECT_EQ(r.diagnostics.errorCount(), 3u) << printed(r);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:26: error: zone 'a' restriction: 'forbidden' is not one of the "
                                      "known values"));
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:6:79: error: zone 'b' shape circle radius: unknown unit 'kg'"));
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:8:38: error: flight 'f' depart: '25:00' has no hour 25"));
}

TEST(ScenarioLoader, WarnsWhenAFlightTakesOffInAProhibitedZone) {
    const LoadResult r = load(kHead + "zones:\n  - {id: z, restriction: prohibited, shape: {circle: {center: [0, 0], "
                                      "radius: 1 km}}}\nflights:\n  - {id: f, category: hobby, depart: 10:10, route: "
                                      "[[0, 0], [5 km, 0]]}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.diagnostics.warningCount(), 1u);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:7:5: warning: flight 'f' takes off inside prohibited zone 'z'"));
}

TEST(ScenarioLoader, NoWarningWhenTheFlightIsExempt) {
    const LoadResult r = load(kHead + "zones:\n  - {id: z, restriction: prohibited, exempt: [police], shape: {circle: "
                                      "{center: [0, 0], radius: 1 km}}}\nflights:\n  - {id: f, category: police, "
                                      "depart: 10:10, route: [[0, 0], [5 km, 0]]}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.diagnostics.warningCount(), 0u) << printed(r);
}

TEST(ScenarioLoader, WarnsWhenAZoneIsNeverActive) {
    const LoadResult r = load(kHead + "zones:\n  - {id: z, restriction: prohibited, shape: {circle: {center: [0, 0], "
                                      "radius: 1 km}}, active: {from: 2025-06-15T10:00+02:00, to: 2025-06-15T12:00+02:00}}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:5: warning: zone 'z' is never active between"));
}

TEST(ScenarioLoader, WeeklyScheduleFollowsLocalTime) {
    // 2025-06-14 is a Saturday
    const LoadResult r = load(kHead + "zones:\n  - {id: z, restriction: prohibited, shape: {circle: {center: [0, 0], "
                                      "radius: 1 km}}, active: {weekly: [{days: [sat], from: \"10:30\", to: \"11:00\"}]}}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    const Zone& z = r.scenario->zones[0];
    const Instant start = r.scenario->time.start; // 10:00 local
    EXPECT_FALSE(scheduledActive(z.active, start, 120));
    EXPECT_TRUE(scheduledActive(z.active, start + 30 * 60000, 120));
    EXPECT_FALSE(scheduledActive(z.active, start + 60 * 60000, 120));
    EXPECT_FALSE(scheduledActive(z.active, start + 7 * 24 * 3600000LL - 1, 120));
    EXPECT_TRUE(scheduledActive(z.active, start + 7 * 24 * 3600000LL + 30 * 60000, 120)); // next Saturday
}

TEST(ScenarioLoader, WeeklySlotMayRunPastMidnight) {
    const LoadResult r = load(kHead + "zones:\n  - {id: z, restriction: prohibited, shape: {circle: {center: [0, 0], "
                                      "radius: 1 km}}, active: {weekly: [{days: [sat], from: \"22:00\", to: \"02:00\"}]}}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    const Instant saturday10 = r.scenario->time.start;
    EXPECT_TRUE(scheduledActive(r.scenario->zones[0].active, saturday10 + 13 * 3600000LL, 120)); // Sun 01:00
    EXPECT_FALSE(scheduledActive(r.scenario->zones[0].active, saturday10 + 17 * 3600000LL, 120)); // Sun 03:00
}

TEST(ScenarioLoader, PositionsByPlaceNameAndAirportCode) {
    const LoadResult r = load(kHead + "places: [{id: home, at: {lat: 55.70, lon: 12.56}}]\nairports: [EKCH]\n"
                                      "flights:\n  - {id: f, category: hobby, depart: 10:10, from: home, to: EKCH}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    const Flight& f = r.scenario->flights[0];
    EXPECT_NEAR(f.route[0].y, 1113.0, 5.0); // 0.01 degree of latitude north of the origin
    EXPECT_NEAR(r.scenario->airports[0].geo.lat, 55.6179, 1e-4);
    EXPECT_EQ(r.scenario->airports[0].name, "Copenhagen Kastrup Airport");
}

TEST(ScenarioLoader, UnknownAirportCodeSuggestsAShippedOne) {
    const LoadResult r = load(kHead + "airports: [EKCX]\n");
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:4:12: error: airport 'EKCX' is not in the shipped airport list (did "
                                      "you mean 'EKCH'? codes EK.. are DK's: "));
}

TEST(ScenarioLoader, VariantRemovesSetsAndAdds) {
    const std::string text = kHead + "zones:\n"
                                     "  - {id: a, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 1 km}}}\n"
                                     "  - {id: b, restriction: authorisation, shape: {circle: {center: [5 km, 0], radius: 1 km}}}\n"
                                     "variants:\n"
                                     "  lighter:\n"
                                     "    description: Only b, and prohibited.\n"
                                     "    remove: [zones.a]\n"
                                     "    set: {zones.b.restriction: prohibited, zones.b.shape.circle.radius: 2 km}\n"
                                     "    add:\n"
                                     "      zones: [{id: c, restriction: conditional, shape: {circle: {center: [9 km, 0], radius: 1 km}}}]\n";
    const LoadResult base = load(text);
    ASSERT_TRUE(base.scenario) << printed(base);
    EXPECT_EQ(base.scenario->zones.size(), 2u);
    ASSERT_EQ(base.scenario->variants.size(), 1u);
    EXPECT_EQ(base.scenario->variants[0].description, "Only b, and prohibited.");

    const LoadResult lighter = load(text, {"lighter", {}, {}});
    ASSERT_TRUE(lighter.scenario) << printed(lighter);
    ASSERT_EQ(lighter.scenario->zones.size(), 2u);
    EXPECT_EQ(lighter.scenario->zones[0].id, "b");
    EXPECT_EQ(lighter.scenario->zones[0].restriction, Restriction::Prohibited);
    EXPECT_DOUBLE_EQ(lighter.scenario->zones[0].region.circles[0].radius, 2000.0);
    EXPECT_EQ(lighter.scenario->zones[1].id, "c");
}

TEST(ScenarioLoader, VariantValueErrorsPointIntoTheVariant) {
    const std::string text = kHead + "zones:\n"
                                     "  - {id: b, restriction: authorisation, shape: {circle: {center: [5 km, 0], radius: 1 km}}}\n"
                                     "variants:\n"
                                     "  strict:\n"
                                     "    set: {zones.b.restriction: forbiden}\n";
    const LoadResult r = load(text, {"strict", {}, {}});
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:8:32: error: zone 'b' restriction: 'forbiden' is not one of the known "
                                      "values"));
}

TEST(ScenarioLoader, UnknownVariantIsNamed) {
    const LoadResult r = load(kHead + "variants:\n  status-quo: {description: x}\n", {"status-qou", {}, {}});
    EXPECT_THAT(printed(r), HasSubstr("the scenario has no variant 'status-qou' (did you mean 'status-quo'?)"));
}

// `run --variant base` was refused while compare and expect: took "base"
TEST(ScenarioLoader, BaseNamesTheScenarioAsWritten) {
    const std::string text = kHead + "zones:\n"
                                     "  - {id: a, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 1 km}}}\n"
                                     "variants:\n"
                                     "  open: {remove: [zones.a]}\n";
    const LoadResult base = load(text, {"base", {}, {}});
    ASSERT_TRUE(base.scenario) << printed(base);
    EXPECT_EQ(base.scenario->variant, "");
    EXPECT_EQ(base.scenario->zones.size(), 1u);
    const LoadResult open = load(text, {"open", {}, {}});
    ASSERT_TRUE(open.scenario) << printed(open);
    EXPECT_TRUE(open.scenario->zones.empty());
}

TEST(ScenarioLoader, AVariantCannotBeCalledBase) {
    const LoadResult r = load(kHead + "variants:\n  base: {description: x}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:3: error: a variant cannot be called 'base': that is the name of "
                                      "the scenario as written, without any variant (choose another name"));
}

TEST(ScenarioLoader, EmptyFileSaysWhatIsNeeded) {
    const LoadResult r = load("");
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:1:1: error: the file is empty"));
}

TEST(ScenarioLoader, GarbageNeverCrashes) {
    const char* inputs[] = {"[", "]", "{", "- - - -", ": :", "title: [", "\"", "&a *a", "*b", "!!binary x",
                            "title: T\ntime: 5\nmap: 7\n", "zones: {a: 1}", "zones: [1, [2], {3: 4}]",
                            "time: {start: 99999-99-99T99:99+99:99}", "map: {origin: {lat: nan, lon: inf}}",
                            "title: T\nflights: [{route: [[1e400, 0]]}]"};
    for (const char* input : inputs) {
        const LoadResult r = load(input);
        EXPECT_FALSE(r.scenario) << input;
        EXPECT_TRUE(r.diagnostics.hasErrors()) << input;
    }
}

TEST(ScenarioLoader, OneWordMayStandForAListOfOne) {
    const LoadResult r = load(kHead + "zones:\n  - {id: z, restriction: prohibited, exempt: police, shape: {circle: "
                                      "{center: [0, 0], radius: 1 km}}}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.scenario->zones[0].exempt, std::vector<std::string>{"police"});
}

TEST(ScenarioLoader, StartMustSayItsOffset) {
    const LoadResult r = load("title: T\ntime: {start: 2025-10-01, end: +1 h}\nmap: {origin: {lat: 55, lon: 12}}\n");
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:2:15: error: time start '2025-10-01' does not say its UTC offset"));
}

TEST(ScenarioLoader, VariantMayRemoveABareAirport) {
    const std::string text = kHead + "airports: [EKCH, EKRK]\n"
                                     "variants:\n"
                                     "  smaller: {remove: [airports.EKRK]}\n";
    const LoadResult r = load(text, {"smaller", {}, {}});
    ASSERT_TRUE(r.scenario) << printed(r);
    ASSERT_EQ(r.scenario->airports.size(), 1u);
    EXPECT_EQ(r.scenario->airports[0].id, "EKCH");
}

TEST(ScenarioLoader, TrafficAltitudeMaySayAGL) {
    const LoadResult r = load(kHead + "traffic:\n  - {id: t, category: hobby, count: 3, area: {circle: {center: [0, 0], "
                                      "radius: 1 km}}, depart: {between: [10:00, 11:00]}, altitude: {between: [30 m AGL, "
                                      "120 m AGL]}}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_DOUBLE_EQ(r.scenario->traffic[0].altitude.lo, 30.0);
    EXPECT_DOUBLE_EQ(r.scenario->traffic[0].altitude.hi, 120.0);
}

TEST(ScenarioLoader, NoWarningAboveTheZoneCeilingOrWithAnAuthorisation) {
    const LoadResult r = load(kHead + "categories: {survey: {kind: commercial, authorisations: [low]}}\n"
                                      "zones:\n"
                                      "  - {id: low, restriction: prohibited, altitude: {ceiling: 50 m AGL}, shape: {circle: "
                                      "{center: [0, 0], radius: 1 km}}}\n"
                                      "flights:\n"
                                      "  - {id: high, category: hobby, depart: 10:10, altitude: 100 m AGL, route: [[0, 0], [5 km, 0]]}\n"
                                      "  - {id: permitted, category: survey, depart: 10:10, altitude: 30 m, route: [[0, 0], [5 km, 0]]}\n"
                                      "  - {id: low-hobby, category: hobby, depart: 10:10, altitude: 30 m, route: [[0, 0], [5 km, 0]]}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.diagnostics.warningCount(), 1u) << printed(r);
    EXPECT_THAT(printed(r), HasSubstr("flight 'low-hobby' takes off inside prohibited zone 'low'"));
}

TEST(ScenarioLoader, MissingBasemapsAreAnErrorNotACrash) {
    const fs::path empty = fs::temp_directory_path() / "nofly-empty-assets";
    fs::create_directories(empty);
    const LoadResult r = load(kHead + "zones:\n  - {id: z, restriction: prohibited, shape: {country: denmark}}\n",
                              {"", empty.string(), {}});
    EXPECT_FALSE(r.scenario);
    // no basemap in the asset folder, so no world map by default: a country has no land to be
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:55: error: zone 'z' shape country 'denmark' needs a basemap with "
                                      "land, and this scenario has none"));
    fs::remove_all(empty);
}

/// A folder of real files for include tests, removed afterwards.
class IncludeTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("nofly-include-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir / "scenario" / "parts");
    }
    void TearDown() override { fs::remove_all(m_dir); }
    void write(const fs::path& relative, const std::string& text) {
        std::ofstream(m_dir / relative) << text;
    }
    fs::path m_dir;
};

TEST_F(IncludeTest, ZonesComeFromTheIncludedFile) {
    write("scenario/parts/_zones.yaml",
          "zones:\n  - {id: inc, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 1 km}}}\n");
    write("scenario/main.yaml", kHead + "include: [parts/_zones.yaml]\n");
    const LoadResult r = loadScenarioFile((m_dir / "scenario/main.yaml").string());
    ASSERT_TRUE(r.scenario) << printed(r);
    ASSERT_EQ(r.scenario->zones.size(), 1u);
    EXPECT_EQ(r.scenario->zones[0].id, "inc");
    EXPECT_THAT(r.scenario->zones[0].where.file, HasSubstr("_zones.yaml"));
}

TEST_F(IncludeTest, ErrorsInAnIncludedFileNameThatFile) {
    write("scenario/parts/_zones.yaml", "zones:\n  - {id: inc, restriction: prohibited, shape: {circle: {center: [0, 0], "
                                        "radius: 1 parsec}}}\n");
    write("scenario/main.yaml", kHead + "include: [parts/_zones.yaml]\n");
    const LoadResult r = loadScenarioFile((m_dir / "scenario/main.yaml").string());
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("parts/_zones.yaml:2:81: error: zone 'inc' shape circle radius: unknown unit"));
}

TEST_F(IncludeTest, MissingIncludeIsNamed) {
    write("scenario/main.yaml", kHead + "include: [parts/_nothing.yaml]\n");
    const LoadResult r = loadScenarioFile((m_dir / "scenario/main.yaml").string());
    EXPECT_THAT(printed(r), HasSubstr("main.yaml:4:11: error: include 'parts/_nothing.yaml' no such file"));
}

TEST_F(IncludeTest, CannotClimbOutOfTheScenarioFolder) {
    write("secret.yaml", "zones: []\n");
    write("scenario/main.yaml", kHead + "include: [../secret.yaml]\n");
    const LoadResult r = loadScenarioFile((m_dir / "scenario/main.yaml").string());
    EXPECT_THAT(printed(r), HasSubstr("main.yaml:4:11: error: include '../secret.yaml' leaves the scenario's folder"));
}

TEST_F(IncludeTest, CannotFollowALinkOutOfTheScenarioFolder) {
    write("secret.yaml", "zones: []\n");
    fs::create_symlink(m_dir / "secret.yaml", m_dir / "scenario/parts/_link.yaml");
    write("scenario/main.yaml", kHead + "include: [parts/_link.yaml]\n");
    const LoadResult r = loadScenarioFile((m_dir / "scenario/main.yaml").string());
    EXPECT_THAT(printed(r), HasSubstr("main.yaml:4:11: error: include 'parts/_link.yaml' leaves the scenario's folder"));
}

TEST_F(IncludeTest, IncludedFileMayOnlyHoldLists) {
    write("scenario/parts/_bad.yaml", "title: Not here\n");
    write("scenario/main.yaml", kHead + "include: [parts/_bad.yaml]\n");
    const LoadResult r = loadScenarioFile((m_dir / "scenario/main.yaml").string());
    EXPECT_THAT(printed(r), HasSubstr("_bad.yaml:1:1: error: included file 'parts/_bad.yaml': unknown key 'title'"));
}

// --- one rule book (issue 14) -----------------------------------------------------------

TEST(ScenarioLoader, TheTakeOffWarningAsksWhetherTheZoneIsInForceAtTheTakeOff) {
    // the timeline switches the zone on at 10:30: 'early' leaves before, 'late' after
    const LoadResult r =
        load(kHead + "zones:\n  - {id: z, restriction: prohibited, shape: {circle: {center: [0, 0], "
                     "radius: 1 km}}}\n"
                     "timeline:\n  - {at: 10:30, event: activate, zone: z}\n"
                     "flights:\n  - {id: early, category: hobby, depart: 10:10, route: [[0, 0], [5 km, 0]]}\n"
                     "  - {id: late, category: hobby, depart: 10:40, route: [[0, 0], [5 km, 0]]}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.diagnostics.warningCount(), 1u) << printed(r);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:10:5: warning: flight 'late' takes off inside prohibited zone 'z'"));
}

TEST(ScenarioLoader, TheTakeOffWarningWaitsForTheAnnouncementAndEndsWithADeactivation) {
    // announced at 10:20 for 10:30; switched off at 11:00
    const LoadResult r = load(
        kHead + "zones:\n  - {id: z, restriction: prohibited, shape: {circle: {center: [0, 0], "
                "radius: 1 km}}}\n"
                "timeline:\n  - {at: 10:20, event: announce, zone: z, notice: 10 min}\n"
                "  - {at: 11:00, event: deactivate, zone: z}\n"
                "flights:\n  - {id: before, category: hobby, depart: 10:25, route: [[0, 0], [5 km, 0]]}\n"
                "  - {id: during, category: hobby, depart: 10:45, route: [[0, 0], [5 km, 0]]}\n"
                "  - {id: after, category: hobby, depart: 11:05, route: [[0, 0], [5 km, 0]]}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.diagnostics.warningCount(), 1u) << printed(r);
    EXPECT_THAT(printed(r), HasSubstr("flight 'during' takes off inside prohibited zone 'z'"));
}

TEST(ScenarioLoader, AZoneTheTimelineSwitchesOnOnlyAfterTheEndIsNeverActive) {
    const LoadResult r =
        load(kHead + "zones:\n  - {id: z, restriction: prohibited, shape: {circle: {center: [0, 0], "
                     "radius: 1 km}}}\n"
                     "timeline:\n  - {at: 2025-06-14T13:00+02:00, event: activate, zone: z}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:5: warning: zone 'z' is never active between"));
}

TEST(ScenarioLoader, AShapeSmallerThanAMetreIsAnError) {
    const LoadResult r = load(
        kHead + "zones:\n"
                "  - {id: dot, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 0.5 m}}}\n"
                "  - {id: speck, restriction: prohibited, shape: {polygon: [[0, 0], [0.5 m, 0], [0.5 m, 0.5 "
                "m], [0, 0.5 m]]}}\n"
                "  - {id: sliver, restriction: prohibited, shape: {polygon: [[0, 0], [100 m, 0], [100 m, 0.9 "
                "m], [0, 0.9 m]]}}\n"
                "  - {id: thread, restriction: prohibited, shape: {corridor: {path: [[0, 0], [1 km, 0]], "
                "width: 1 m}}}\n"
                "  - {id: fine, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 1 m}}}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_EQ(r.diagnostics.errorCount(), 4u) << printed(r);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:81: error: zone 'dot' shape circle radius 0.5 m is under 1 m"));
    EXPECT_THAT(
        printed(r),
        HasSubstr("test.yaml:6:59: error: zone 'speck' shape polygon has an area of 0.25 m², under 1 m²"));
    EXPECT_THAT(
        printed(r),
        HasSubstr("test.yaml:7:60: error: zone 'sliver' shape polygon is narrower than 1 m everywhere"));
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:8:96: error: zone 'thread' shape corridor width 1 m is under 2 m"));
    EXPECT_THAT(printed(r), ::testing::Not(HasSubstr("'fine'")));
}

TEST(ScenarioLoader, ATrafficAreaWithNoLandOnTheBasemapIsAnError) {
    const LoadResult r =
        load("title: Test\ntime: {start: 2025-06-14T10:00+02:00, end: +2 h}\n"
             "map: {origin: {lat: 55.402, lon: 8.433}, basemap: denmark, extent: 200 km}\n"
             "traffic:\n  - {id: t, category: hobby, count: 3, depart: {between: [10:00, 11:00]},\n"
             "     area: {circle: {center: [-150 km, -100 km], radius: 1 km}}}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:6:12: error: traffic 't' area holds no land of basemap 'denmark'"));
}

// --- input that is wrong is refused at its line (issue 22) ------------------------------

TEST(ScenarioLoader, TextThatIsNotUtf8IsRefusedAtItsLineAndColumn) {
    // a Windows-1252 "Café": é is the one byte 0xE9
    const LoadResult r = load(kHead + "description: Caf\xE9 at noon\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_EQ(r.diagnostics.errorCount(), 1u) << printed(r);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:4:17: error: the file is not UTF-8: byte 0xE9 here is not part of a "
                                      "UTF-8 character (in Windows-1252 or Latin-1 it is 'é') (save the file as "
                                      "UTF-8"));
}

TEST(ScenarioLoader, AControlCharacterInATitleIsRefused) {
    // as a byte of the file, and as an escape in quotes that only the text read can show
    const LoadResult raw = load(std::string("title: A\0B\n", 11) + kHead.substr(kHead.find('\n') + 1));
    EXPECT_THAT(printed(raw), HasSubstr("test.yaml:1:9: error: the file holds a control character here, U+0000 (NUL)"));
    const LoadResult escaped = load("title: \"A\\0B\"\n" + kHead.substr(kHead.find('\n') + 1));
    EXPECT_FALSE(escaped.scenario);
    EXPECT_THAT(printed(escaped), HasSubstr("test.yaml:1:8: error: title: 'A\\x00B' holds a control character, "
                                            "U+0000 (NUL) (remove it: a text holds printable characters, tabs and "
                                            "line breaks)"));
    const LoadResult named = load(kHead + "places:\n  - {id: p, name: \"bell\\a\", at: [0, 0]}\n");
    EXPECT_THAT(printed(named), HasSubstr("test.yaml:5:19: error: place 'p' name: 'bell\\x07' holds a control "
                                          "character, U+0007 (BEL)"));
}

TEST(ScenarioLoader, ANulInAnIncludePathIsRefusedNotCut) {
    const LoadResult r = load(kHead + "include: [\"parts/_zones.yaml\\0.txt\"]\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:4:11: error: an included file: 'parts/_zones.yaml\\x00.txt' holds a "
                                      "control character, U+0000 (NUL)"));
}

TEST(ScenarioLoader, QuantitiesOutOfTheirRangeAreRefusedAtTheirLine) {
    const LoadResult r = load(kHead +
                              "zones:\n"
                              "  - {id: huge, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 1e300 m}}}\n"
                              "  - {id: far, restriction: prohibited, shape: {circle: {center: [1e300 m, 0], radius: 1 km}}}\n"
                              "  - {id: long, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 1 km}},\n"
                              "     active: {after: e, for: 1e300 h}}\n"
                              "flights:\n"
                              "  - {id: f, category: hobby, route: [[0, 0], [1 km, 0]], depart: 10:10, speed: 1e300 m/s}\n"
                              "timeline:\n  - {id: e, at: 10:30, event: note, text: hi}\n");
    EXPECT_FALSE(r.scenario);
    const std::string p = printed(r);
    EXPECT_THAT(p, HasSubstr("test.yaml:5:82: error: zone 'huge' shape circle radius: '1e300 m' is out of range for "
                             "a length (a length is at most 20,000 km (half the way round the Earth))"));
    EXPECT_THAT(p, HasSubstr("test.yaml:6:66: error: zone 'far' shape circle center east: '1e300 m' is out of range "
                             "for a length"));
    EXPECT_THAT(p, HasSubstr("test.yaml:8:30: error: zone 'long' active for: '1e300 h' is out of range for a "
                             "duration (a duration is at most 8,784 h (366 days; a scenario lasts at most 31))"));
    EXPECT_THAT(p, HasSubstr("test.yaml:10:80: error: flight 'f' speed: '1e300 m/s' is out of range for a speed"));
}

TEST(ScenarioLoader, ALatitudeInHexadecimalIsRefusedAsARadiusIs) {
    const LoadResult r = load(kHead + "places:\n  - {id: p, at: {lat: 0x10, lon: 12}}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:23: error: place 'p' at lat: '0x10' is not a number"));
    for (const char* number : {"inf", "nan", "' 55'", "1e", "+-5"})
        EXPECT_FALSE(load(kHead + "places:\n  - {id: p, at: {lat: " + number + ", lon: 12}}\n").scenario) << number;
    EXPECT_TRUE(load(kHead + "places:\n  - {id: p, at: {lat: +55.5, lon: -.5}}\n").scenario);
}

TEST(ScenarioLoader, AVariantSettingAPathTwiceIsAnError) {
    const LoadResult r = load(kHead + "zones:\n"
                                      "  - {id: z, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 1 km}}}\n"
                                      "variants:\n"
                                      "  v:\n"
                                      "    set:\n"
                                      "      zones.z.restriction: authorisation\n"
                                      "      zones.z.restriction: conditional\n",
                              {"v", {}, {}});
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:10:7: error: variant 'v' sets 'zones.z.restriction' twice (the "
                                      "first is on line 9; keep one of them)"));
}

TEST(ScenarioLoader, AVariantCannotSetTheSeedTitleDescriptionOrGoals) {
    const LoadResult r = load(kHead + "seed: 4\n"
                                      "variants:\n"
                                      "  v:\n"
                                      "    set: {seed: 5, title: Other, description: x, goals.0: y}\n",
                              {"v", {}, {}});
    EXPECT_FALSE(r.scenario);
    EXPECT_EQ(r.diagnostics.errorCount(), 4u) << printed(r);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:7:11: error: variant 'v' sets 'seed', which a variant cannot change "
                                      "(title, description, goals and seed are the scenario's own, the same in every "
                                      "variant, so that variants are compared on the same traffic)"));
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:7:20: error: variant 'v' sets 'title'"));
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:7:34: error: variant 'v' sets 'description', which a variant cannot "
                                      "change (title, description, goals and seed are the scenario's own, the same "
                                      "in every variant; a variant has a 'description:' key of its own)"));
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:7:50: error: variant 'v' sets 'goals.0'"));
    // and a setting of the command line (sweep --set) alike
    const LoadResult set = load(kHead, {"", {}, {{"seed", "5"}}});
    EXPECT_THAT(printed(set), HasSubstr("--set seed:1:1: error: --set sets 'seed', which a variant cannot change (title, "
                                        "description, goals and seed are the scenario's own, the same in every "
                                        "variant; sweep gives the seeds with --seed-from and --seeds)"));
}

TEST(ScenarioLoader, AFileYamlCppReadsForEverIsRefusedAtItsStart) {
    // found by the scenario fuzzer (tests/fuzz/regressions/scenario): yaml-cpp's
    // LoadAll returned one document after another on it until memory ran out
    const std::string text =
        ",ic, the place names used as take-off points)\n"
        "# is marked \"illustrative\".\n"
        "title: Copenhagen summit day, 1 October 2025\n"
        "g: 5, about 20:26 to afficpolygon: \n"
        "\n"
        "  - id: ekrk-circle\n"
        "    name: Copenhagen Roskilde, 5 km\n"
        "    restriction: 'rogon: \n"
        "\n"
        "  - id: ekrk-circle\n"
        "    name: Copenhagen Roskilde, 5 km\n"
        "    restriction: 'roffic conl.tr\n"
        "ol.\n";
    const LoadResult r = load(text);
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:1:1: error: cannot read the file as YAML: it never ends (yaml-cpp "
                                      "finds one empty document after another)"));
}

TEST(ScenarioLoader, ASecondYamlDocumentIsAnError) {
    const LoadResult r = load(kHead + "---\ntitle: Second\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:4:1: error: a second YAML document starts here (a file holds one "
                                      "document: remove this '---' line and what follows, or put it in a file of its "
                                      "own)"));
    // a file may still open with '---' and close with '...'
    EXPECT_TRUE(load("---\n" + kHead + "...\n").scenario) << printed(load("---\n" + kHead + "...\n"));
}

TEST_F(IncludeTest, ASecondDocumentInAnIncludedFileIsAnError) {
    write("scenario/parts/_zones.yaml",
          "zones: []\n---\nzones:\n  - {id: hidden, restriction: prohibited, shape: {circle: {center: [0, 0], "
          "radius: 1 km}}}\n");
    write("scenario/main.yaml", kHead + "include: [parts/_zones.yaml]\n");
    const LoadResult r = loadScenarioFile((m_dir / "scenario/main.yaml").string());
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("parts/_zones.yaml:2:1: error: a second YAML document starts here"));
}

TEST_F(IncludeTest, AnIncludedFileThatIsNotUtf8IsRefusedAtItsLine) {
    write("scenario/parts/_zones.yaml", "# K\xF8" "benhavn\nzones: []\n");
    write("scenario/main.yaml", kHead + "include: [parts/_zones.yaml]\n");
    const LoadResult r = loadScenarioFile((m_dir / "scenario/main.yaml").string());
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("parts/_zones.yaml:1:4: error: the file is not UTF-8: byte 0xF8"));
}

TEST(ScenarioLoader, NestingPastYamlCppsOwnGuardSaysTheLimitNotBadFile) {
    // 600 lists deep: yaml-cpp stops before nofly's own count and said "bad file"
    const LoadResult r = load(kHead + "goals: " + std::string(600, '[') + std::string(600, ']') + "\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_EQ(r.diagnostics.errorCount(), 1u) << printed(r);
    EXPECT_THAT(printed(r), HasSubstr("error: lists and mappings nest more than 64 deep here (limit 64) (a scenario "
                                      "nests a few levels; check the brackets and the indentation)"));
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:4:"));
    EXPECT_THAT(printed(r), ::testing::Not(HasSubstr("bad file")));
}

// issue 16: an invented timeline entry is marked, so a class never takes it for a fact
TEST(ScenarioLoader, ATimelineEntryCanBeMarkedIllustrativeAndCiteItsSource) {
    const LoadResult r = load(kHead + "timeline:\n"
                                      "  - {at: 10:30, event: note, text: A star., illustrative: true}\n"
                                      "  - {at: 10:40, event: note, text: Kastrup closes., source: \"facts.md:12\"}\n"
                                      "  - {at: 10:50, event: note, text: Leaders meet., illustrative: time,\n"
                                      "     source: \"facts.md:95\"}\n"
                                      "  - {at: 11:00, event: note, illustrative: yes}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    const std::vector<TimelineEvent>& timeline = r.scenario->timeline;
    ASSERT_EQ(timeline.size(), 4u);
    EXPECT_EQ(timeline[0].illustrative, Illustrative::Entry);
    EXPECT_EQ(timeline[0].shownText(), "A star. (illustrative)");
    EXPECT_EQ(timeline[1].illustrative, Illustrative::No);
    EXPECT_EQ(timeline[1].source, "facts.md:12");
    EXPECT_EQ(timeline[1].shownText(), "Kastrup closes.");
    // a recorded event at an hour the sources do not give
    EXPECT_EQ(timeline[2].illustrative, Illustrative::Time);
    EXPECT_EQ(timeline[2].shownText(), "Leaders meet. (time illustrative)");
    EXPECT_EQ(timeline[3].shownText(), "(illustrative)");
}

TEST(ScenarioLoader, IllustrativeThatIsNotTrueOrFalseIsRefusedAtItsLine) {
    const LoadResult r = load(kHead + "timeline:\n"
                                      "  - {at: 10:30, event: note, text: hi}\n"
                                      "  - {id: council, at: 10:40, event: note, text: Leaders meet., illustrative: maybe}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:6:78: error: event 'council' illustrative: 'maybe' is not true, "
                                      "false or time (write true when the entry is invented, time when only its "
                                      "time is)"));
}

} // namespace
} // namespace nofly::scenario
