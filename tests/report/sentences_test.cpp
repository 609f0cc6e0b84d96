// The words of a run: every event's sentence and columns, the verdict cards'
// rules and findings, and the answer of `nofly where`, composed from what the
// simulation records (ids, reason codes, figures), on small inline scenarios.
#include "report/sentences.hpp"

#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace nofly::report {
namespace {

using sim::EventType;
using ::testing::HasSubstr;

const std::string kHead = "title: T\n"
                          "time: {start: 2025-06-14T10:00+02:00, end: +2 h, step: 1 s}\n"
                          "map: {origin: {lat: 55.69, lon: 12.56}}\n";

// a prohibited disc of 500 m at the origin
const std::string kDisc =
    "  - {id: disc, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 500 m}}}\n";

std::string flight(const std::string& id, const std::string& extra) {
    return "  - {id: " + id + ", category: hobby, depart: 10:10, speed: 10 m/s, altitude: 50 m, " + extra +
           "}\n";
}

/// A run to its end, and its words.
struct Told {
    scenario::Scenario scenario;
    sim::World world;
    std::vector<sim::Event> events;

    /// The sentences of one flight's events of a type ("" for events of no flight).
    std::vector<std::string> said(const std::string& flight, EventType type) const {
        std::vector<std::string> out;
        for (const sim::Event& e : events)
            if (e.type == type && flightId(world, e.flight) == flight)
                out.push_back(eventText(scenario, world, e));
        return out;
    }
    /// The rule of a flight's last card.
    std::string rule(const std::string& flight) const {
        const sim::Verdict* last = nullptr;
        for (const sim::Verdict& v : world.verdicts)
            if (flightId(world, v.flight) == flight) last = &v;
        if (!last) throw std::runtime_error("no verdict for " + flight);
        return ruleText(scenario, world, *last);
    }
    /// Why each zone weighed on a flight's last card did or did not apply.
    std::vector<std::string> why(const std::string& flight) const {
        std::vector<std::string> out;
        for (const sim::Verdict& v : world.verdicts)
            if (flightId(world, v.flight) == flight) {
                out.clear();
                for (const sim::ZoneFinding& f : v.findings)
                    out.push_back(findingText(scenario, verdictCategory(scenario, world, v), f));
            }
        return out;
    }
};

Told run(const std::string& text, const sim::Tuning& tuning = {}) {
    scenario::LoadResult r = scenario::loadScenarioText(text, "test.yaml", {});
    std::string printed;
    for (const auto& d : r.diagnostics.all())
        printed += core::format(d) + "\n";
    if (!r.scenario) throw std::runtime_error(printed);
    Told out{*r.scenario, {}, {}};
    const sim::CompiledScenario compiled = sim::compile(out.scenario, tuning);
    out.world = sim::makeWorld(compiled, out.scenario.seed);
    out.events = sim::runToEnd(compiled, out.world);
    return out;
}

// --- a flight's decisions ----------------------------------------------------------------

TEST(Sentences, EachDepartureRuleReadsAsItsCase) {
    const Told around = run(kHead + "zones:\n" + kDisc + "flights:\n" +
                            flight("f", "behaviour: compliant, from: [-2 km, 0], to: [2 km, 0]"));
    EXPECT_THAT(around.rule("f"),
                HasSubstr("The route crosses disc, which forbids it; the operator flies around, "));
    EXPECT_THAT(around.said("f", EventType::Reroute).at(0), HasSubstr("reroutes around disc: "));
    const Told reckless = run(kHead + "zones:\n" + kDisc + "flights:\n" +
                              flight("f", "behaviour: reckless, from: [-2 km, 0], to: [2 km, 0]"));
    EXPECT_EQ(reckless.rule("f"), "The operator knows the rules and flies anyway into disc.");
    const Told trapped = run(kHead + "zones:\n" + kDisc + "flights:\n" +
                             flight("f", "behaviour: compliant, from: [0, 0], to: [2 km, 0]"));
    EXPECT_EQ(trapped.rule("f"), "Prohibited by disc; no way around within the battery and the zone does not "
                                 "end: the operator cancels.");
    const Told clear = run(kHead + "zones:\n" + kDisc + "flights:\n" +
                           flight("f", "behaviour: compliant, from: [-2 km, 2 km], to: [2 km, 2 km]"));
    EXPECT_EQ(clear.rule("f"), "No zone that applies stands in the way.");
    EXPECT_EQ(clear.said("f", EventType::Departure), std::vector<std::string>{"takes off"});
    EXPECT_THAT(clear.said("f", EventType::Landing).at(0), HasSubstr("lands after 4"));
}

TEST(Sentences, AFindingSaysWhyAZoneDoesOrDoesNotApply) {
    const std::string exempt =
        "  - {id: disc, restriction: prohibited, exempt: police, shape: {circle: {center: "
        "[0, 0], radius: 500 m}}}\n";
    const Told police =
        run(kHead + "zones:\n" + exempt + "flights:\n" +
            "  - {id: f, category: police, depart: 10:10, behaviour: compliant, from: [-2 km, 0], "
            "to: [2 km, 0]}\n");
    EXPECT_THAT(police.why("f"), ::testing::ElementsAre(HasSubstr("are exempt")));
    const std::string low =
        "  - {id: disc, restriction: prohibited, altitude: {ceiling: 40 m AGL}, shape: {circle: "
        "{center: [0, 0], radius: 500 m}}}\n";
    const Told above = run(kHead + "zones:\n" + low + "flights:\n" +
                           flight("f", "behaviour: compliant, from: [-2 km, 0], to: [2 km, 0]"));
    EXPECT_THAT(above.why("f"), ::testing::ElementsAre("flies at 50 m, above the zone's ceiling of 40 m"));
    const Told standing =
        run(kHead + "categories: {survey: {kind: commercial, authorisations: [disc]}}\nzones:\n" + kDisc +
            "flights:\n  - {id: f, category: survey, depart: 10:10, speed: 10 m/s, altitude: 50 m, "
            "behaviour: compliant, from: [0, 0], to: [2 km, 0]}\n");
    EXPECT_THAT(standing.why("f"), ::testing::ElementsAre(HasSubstr("hold a standing authorisation")));
}

TEST(Sentences, AnAuthorisationNeverGrantedIsRefusedAtOnceInWords) {
    const std::string zone =
        "  - {id: ctr, restriction: authorisation, decision: 2 h, shape: {circle: {center: [0, "
        "0], radius: 500 m}}}\n";
    const Told r = run(kHead + "zones:\n" + zone + "flights:\n" +
                       flight("f", "behaviour: compliant, from: [-2 km, 0], to: [2 km, 0]"));
    EXPECT_EQ(r.said("f", EventType::AuthorisationRequested),
              std::vector<std::string>{"asks for an authorisation to fly in ctr"});
    EXPECT_EQ(r.said("f", EventType::AuthorisationDenied),
              std::vector<std::string>{
                  "authorisation denied at once for ctr: it is never granted to Hobby pilots"});
    EXPECT_THAT(r.rule("f"),
                HasSubstr("ctr never grants an authorisation to Hobby pilots: refused at once. The "
                          "route crosses ctr, which forbids it; the operator flies around"));
}

TEST(Sentences, ZonesInTheWayAreJoinedWithAndAndTheVerbAgrees) {
    // two discs round the take-off point, their names with commas of their own
    const std::string zones = "  - {id: east, name: 'Park, east', restriction: prohibited, shape: {circle: "
                              "{center: [0, 0], radius: 500 m}}}\n"
                              "  - {id: west, name: 'Park, west', restriction: prohibited, shape: {circle: "
                              "{center: [0, 0], radius: 600 m}}}\n";
    const Told r = run(kHead + "zones:\n" + zones + "flights:\n" +
                       flight("f", "behaviour: compliant, from: [0, 0], to: [2 km, 0]"));
    EXPECT_EQ(
        r.said("f", EventType::Cancellation),
        std::vector<std::string>{"cancels: Park, east and Park, west stand in the way and there is no way "
                                 "around within the battery"});
    EXPECT_THAT(r.rule("f"), HasSubstr("Prohibited by Park, east and Park, west; no way around"));
}

TEST(Sentences, AnAuthorisationRequestSaysWhenTheAnswerIsDue) {
    // the window lists requests: a drone waiting on the ground for ten minutes is explained there
    const std::string zone = "  - {id: ctr, name: Control zone, restriction: authorisation, decision: 5 min, "
                             "shape: {circle: {center: [0, 0], radius: 500 m}}}\n";
    const Told r =
        run(kHead + "zones:\n" + zone + "flights:\n" +
            "  - {id: f, category: inspection, depart: 10:10, behaviour: compliant, from: [-2 km, 0], "
            "to: [2 km, 0]}\n");
    EXPECT_EQ(r.said("f", EventType::AuthorisationRequested),
              std::vector<std::string>{
                  "asks for an authorisation to fly in Control zone; the answer is due at 10:15"});
    EXPECT_EQ(r.said("f", EventType::AuthorisationGranted),
              std::vector<std::string>{"authorisation granted for Control zone"});
    EXPECT_EQ(r.world.verdicts.front().rule.kind, sim::RuleKind::AskFor);
    EXPECT_EQ(ruleText(r.scenario, r.world, r.world.verdicts.front()),
              "Authorisation required in Control zone: requested at 10:10, answer due at 10:15.");
    EXPECT_EQ(r.rule("f"), "Authorised in Control zone.");
}

// --- dispensations and an authority's queue (issue 16) --------------------------------------

/// A ban with dispensations for critical work, 6 decisions an hour, each 30 min; and three medical flights.
const std::string kBanWithQueue =
    "zones:\n  - {id: ban, name: National ban, restriction: prohibited, shape: {circle: {center: [0, 0], "
    "radius: 3 km}}, dispensations: {capacity: 6 per hour, decision: 30 min}}\n"
    "flights:\n"
    "  - {id: a, category: medical, depart: 10:00, behaviour: compliant, from: [-1 km, 0], to: [1 km, 0]}\n"
    "  - {id: b, category: medical, depart: 10:00, behaviour: compliant, from: [-1 km, 0], to: [1 km, 0]}\n"
    "  - {id: c, category: medical, depart: 10:05, behaviour: compliant, from: [-1 km, 0], to: [1 km, 0]}\n";

TEST(Sentences, ARequestInAQueueSaysItsPlaceAndWait) {
    const Told r = run(kHead + kBanWithQueue);
    EXPECT_EQ(
        r.said("a", EventType::AuthorisationRequested),
        std::vector<std::string>{"asks for a dispensation to fly in National ban; no request ahead; the "
                                 "answer is due at 10:30"});
    EXPECT_EQ(
        r.said("b", EventType::AuthorisationRequested),
        std::vector<std::string>{"asks for a dispensation to fly in National ban; 1 request ahead, 10 min in "
                                 "the queue; the answer is due at 10:40"});
    EXPECT_EQ(
        r.said("c", EventType::AuthorisationRequested),
        std::vector<std::string>{"asks for a dispensation to fly in National ban; 2 requests ahead, 15 min "
                                 "in the queue; the answer is due at 10:50"});
    EXPECT_EQ(r.said("c", EventType::AuthorisationGranted),
              std::vector<std::string>{"dispensation granted for National ban"});
}

TEST(Sentences, ADispensationReadsAsOneOnTheCardAndInWhere) {
    const Told r = run(kHead + kBanWithQueue);
    const sim::Verdict* asked = nullptr;
    for (const sim::Verdict& v : r.world.verdicts)
        if (flightId(r.world, v.flight) == "c" && v.rule.kind == sim::RuleKind::AskFor) asked = &v;
    ASSERT_TRUE(asked);
    EXPECT_EQ(ruleText(r.scenario, r.world, *asked),
              "Dispensation required from National ban: requested at 10:05, answer due at 10:50.");
    ASSERT_EQ(asked->findings.size(), 1u);
    EXPECT_THAT(
        findingText(r.scenario, verdictCategory(r.scenario, r.world, *asked), asked->findings.front()),
        HasSubstr("prohibited, in force at all times, inside 10:05-"));
    EXPECT_THAT(
        findingText(r.scenario, verdictCategory(r.scenario, r.world, *asked), asked->findings.front()),
        HasSubstr("; Medical transport may ask for a dispensation"));
    EXPECT_EQ(r.why("c"), std::vector<std::string>{"dispensation granted for this flight"});
    const sim::CompiledScenario compiled = sim::compile(r.scenario);
    EXPECT_EQ(whereText(r.scenario, sim::where(compiled, {0.0, 0.0}, r.scenario.time.start, 50.0, "medical")),
              "Only with a dispensation: ask the zone's authority first.");
    EXPECT_EQ(whereText(r.scenario, sim::where(compiled, {0.0, 0.0}, r.scenario.time.start, 50.0, "hobby")),
              "No: Hobby pilots may not fly here then.");
}

TEST(Sentences, AWaitPastMidnightSaysWhichDay) {
    // a zone that ends at midnight, a flight due at 23:45 from inside it
    const std::string head = "title: T\n"
                             "time: {start: 2025-06-14T23:30+02:00, end: +2 h, step: 1 s}\n"
                             "map: {origin: {lat: 55.69, lon: 12.56}}\n";
    const std::string zone =
        "  - {id: disc, name: Disc, restriction: prohibited, active: {to: 2025-06-15T00:00+02:00}, "
        "shape: {circle: {center: [0, 0], radius: 500 m}}}\n";
    const Told r = run(head + "zones:\n" + zone + "flights:\n" +
                       "  - {id: f, category: hobby, depart: 23:45, speed: 10 m/s, altitude: 50 m, "
                       "behaviour: compliant, from: [0, 0], to: [2 km, 0]}\n");
    EXPECT_EQ(r.said("f", EventType::Wait),
              std::vector<std::string>{"waits until 00:00 on 15 Jun for Disc to end"});
    ASSERT_FALSE(r.world.verdicts.empty()); // the first decision: to wait
    EXPECT_THAT(ruleText(r.scenario, r.world, r.world.verdicts.front()),
                HasSubstr("it ends at 00:00 on 15 Jun, so the operator waits"));
}

TEST(Sentences, WhereReadsAMomentAsAMomentAndAWindowAcrossMidnightWithBothDates) {
    // in force from 19:00 to midnight; asked about 19:30: not "inside 14 Jun 19:30-19:30", not "19:00-00:00"
    const std::string head = "title: T\n"
                             "time: {start: 2025-06-14T18:00+02:00, end: +8 h, step: 1 s}\n"
                             "map: {origin: {lat: 55.69, lon: 12.56}}\n";
    const std::string zone =
        "  - {id: disc, restriction: prohibited, active: {from: 19:00, to: 2025-06-15T00:00+02:00}, "
        "shape: {circle: {center: [0, 0], radius: 500 m}}}\n";
    const Told r = run(head + "zones:\n" + zone);
    const scenario::Category* hobby = r.scenario.category("hobby");
    const sim::WhereAnswer evening =
        sim::where(sim::compile(r.scenario), {0.0, 0.0}, r.scenario.time.start + 90 * 60000, 50.0, "hobby");
    ASSERT_EQ(evening.zones.size(), 1u);
    EXPECT_EQ(findingText(r.scenario, hobby, evening.zones[0].finding),
              "prohibited, in force 19:00 on 14 Jun to 00:00 on 15 Jun, at 19:30");
    EXPECT_EQ(whereText(r.scenario, evening), "No: Hobby pilots may not fly here then.");
    const sim::WhereAnswer night =
        sim::where(sim::compile(r.scenario), {0.0, 0.0}, r.scenario.time.start + 7 * 3600000, 50.0, "hobby");
    ASSERT_EQ(night.zones.size(), 1u);
    EXPECT_EQ(findingText(r.scenario, hobby, night.zones[0].finding), "not in force at 01:00 on 15 Jun");
    EXPECT_EQ(whereText(r.scenario, night), "Yes: no zone here forbids it then.");
    const sim::WhereAnswer away =
        sim::where(sim::compile(r.scenario), {5000.0, 0.0}, r.scenario.time.start, 50.0, "hobby");
    EXPECT_EQ(whereText(r.scenario, away), "Yes: no zone here.");
}

TEST(Sentences, WhereSaysWhenAnAuthorisationIsNeededOrNeverGranted) {
    const std::string zones =
        "  - {id: ctr, restriction: authorisation, shape: {circle: {center: [0, 0], radius: "
        "500 m}}}\n";
    const Told r = run(kHead + "zones:\n" + zones);
    const sim::WhereAnswer hobby =
        sim::where(sim::compile(r.scenario), {0.0, 0.0}, r.scenario.time.start, 50.0, "hobby");
    EXPECT_EQ(whereText(r.scenario, hobby), "No: Hobby pilots may not fly here then. The authorisation it "
                                            "needs is never granted to Hobby pilots.");
    ASSERT_EQ(hobby.zones.size(), 1u);
    EXPECT_THAT(
        findingText(r.scenario, r.scenario.category("hobby"), hobby.zones[0].finding),
        HasSubstr("authorisation required, in force at all times, at 10:00; not granted to Hobby pilots"));
    const sim::WhereAnswer inspection =
        sim::where(sim::compile(r.scenario), {0.0, 0.0}, r.scenario.time.start, 50.0, "inspection");
    EXPECT_EQ(whereText(r.scenario, inspection),
              "Only with an authorisation: ask the zone's authority first.");
}

// --- zones that switch on in flight --------------------------------------------------------

std::string caughtScenario(const std::string& breach, const std::string& switches) {
    return kHead + "categories: {hobby: {kind: hobby, breach: " + breach + "}}\nzones:\n" + kDisc +
           "timeline:\n" + switches + "flights:\n" +
           flight("f", "behaviour: compliant, from: [-3 km, 0], to: [3 km, 0]");
}

TEST(Sentences, ACaughtDroneSaysHowItLeavesTheZone) {
    // at 10:15 the drone is 167 m west of the disc's centre; the nearest way out is due west
    const Told r = run(caughtScenario("hold", "  - {at: 10:15, event: activate, zone: disc}\n"
                                              "  - {at: 10:30, event: deactivate, zone: disc}\n"));
    EXPECT_EQ(
        r.said("f", EventType::Breach),
        std::vector<std::string>{"is caught by disc, switched on around it: it leaves it by the shortest way "
                                 "(413 m), then it holds there until the zone ends or its battery runs low, "
                                 "then lands"});
    EXPECT_EQ(r.rule("f"),
              "disc switched on around the drone: it leaves it by the shortest way (413 m), then it "
              "holds there until the zone ends or its battery runs low, then lands.");
    EXPECT_THAT(
        r.said("f", EventType::ZoneEntry),
        ::testing::ElementsAre("is inside disc (prohibited) as it switches on, and leaves it by the rules"));
    const Told home = run(caughtScenario("return", "  - {at: 10:15, event: activate, zone: disc}\n"));
    EXPECT_THAT(home.rule("f"), HasSubstr("then it flies home around the zone."));
}

TEST(Sentences, AReportOnlyBreachSaysItFliesOn) {
    const Told r = run(caughtScenario("report", "  - {at: 10:15, event: activate, zone: disc}\n"));
    EXPECT_EQ(r.said("f", EventType::Breach),
              std::vector<std::string>{
                  "meets disc, switched on around it, and flies on (its category only reports)"});
    EXPECT_EQ(
        r.rule("f"),
        "disc switched on in flight; the category's breach action is to report only, so the flight goes on.");
    EXPECT_EQ(r.said("", EventType::ZoneActivated), std::vector<std::string>{"disc is now in force"});
    EXPECT_THAT(r.said("f", EventType::ViolationStart),
                ::testing::ElementsAre("violates disc (prohibited, in force)"));
    EXPECT_THAT(r.said("f", EventType::ViolationEnd),
                ::testing::ElementsAre(HasSubstr("ends its violation of disc after ")));
}

// --- the timeline and near misses --------------------------------------------------------

// issue 16: what the scenario marks as invented reads as invented in the event log (and so
// in the window's event list and the reports)
TEST(Sentences, AnIllustrativeTimelineEntryIsMarkedInItsEventText) {
    const Told r =
        run(kHead + "zones:\n" + kDisc +
            "timeline:\n"
            "  - {at: 10:05, event: announce, zone: disc, notice: 5 min, text: A ban., illustrative: true}\n"
            "  - {at: 10:20, event: note, text: Leaders meet., illustrative: time}\n"
            "  - {at: 10:30, event: sighting, position: [1 km, 0], genuine: false, text: A star,\n"
            "     illustrative: true}\n"
            "  - {at: 10:40, event: note, text: Kastrup closes.}\n");
    std::vector<std::string> texts;
    for (const sim::Event& e : r.events)
        if (e.type == EventType::ZoneAnnounced || e.type == EventType::Note ||
            e.type == EventType::FalseAlarm)
            texts.push_back(std::string(sim::name(e.type)) + ": " + eventText(r.scenario, r.world, e));
    // a sighting is a note for the class and a report for the operations room
    ASSERT_EQ(texts.size(), 5u) << ::testing::PrintToString(texts);
    EXPECT_EQ(texts[0], "zone_announced: disc announced, in force from 10:10: A ban. (illustrative)");
    EXPECT_EQ(texts[1], "note: Leaders meet. (time illustrative)");
    EXPECT_EQ(texts[2], "note: A star (illustrative)");
    EXPECT_EQ(
        texts[3],
        "false_alarm: a sighting report: a drone, new track T1; nothing is there - A star (illustrative)");
    EXPECT_EQ(texts[4], "note: Kastrup closes.");
}

/// `count` drones taking off at 10:00 within a metre of each other.
std::string crowd(int count) {
    return "title: T\ntime: {start: 2025-06-14T10:00+02:00, end: +10 s, step: 1 s}\n"
           "map: {origin: {lat: 55.69, lon: 12.56}}\n"
           "traffic:\n  - {id: t, category: hobby, count: " +
           std::to_string(count) +
           ", area: {circle: {center: [0, 0], radius: 1 m}}, depart: {between: [10:00, 10:00]}}\n";
}

TEST(Sentences, NearMissesPastTheListAreCountedInOneSentence) {
    // 150 drones: 11,175 pairs, 100 listed one by one
    const Told r = run(crowd(150));
    std::vector<const sim::Event*> misses;
    for (const sim::Event& e : r.events)
        if (e.type == EventType::NearMiss) misses.push_back(&e);
    ASSERT_EQ(misses.size(), 101u);
    const sim::Event& first = *misses.front();
    EXPECT_EQ(eventText(r.scenario, r.world, first),
              "passes " + eventOther(r.scenario, r.world, first) + " at " +
                  core::formatQuantity(first.value, core::Dimension::Length));
    EXPECT_EQ(eventOther(r.scenario, r.world, first), "t-002");
    const sim::Event& summary = *misses.back();
    EXPECT_EQ(eventOther(r.scenario, r.world, summary), ""); // a summary names no other flight
    EXPECT_THAT(
        eventText(r.scenario, r.world, summary),
        HasSubstr(": the first of 11,075 near misses of hobby flights at this check past the 100 listed one "
                  "by one, all counted by this event"));
}

TEST(Sentences, ARunPastItsBudgetOfPairsSaysSo) {
    sim::Tuning tuning;
    tuning.nearMissPairBudget = 1000; // the 50 drones are 1,225 pairs
    const Told r = run(crowd(50), tuning);
    EXPECT_EQ(
        r.said("", EventType::Note),
        std::vector<std::string>{"near misses are no longer checked: this check would compare 1,225 pairs of "
                                 "drones in the air near each other, which takes the run past its budget of "
                                 "1,000 pairs; the near misses counted are those until now"});
}

// --- detection and response --------------------------------------------------------------

const std::string kDefenceHead = "title: T\nseed: 7\n"
                                 "time: {start: 2025-06-14T10:00+02:00, end: +3 h, step: 1 s}\n"
                                 "map: {origin: {lat: 55.69, lon: 12.56}}\n";

TEST(Sentences, AReportFarFromEveryPlaceReadsWithoutOne) {
    // no airport and no site to be near: "a drone, new track T1", not "a drone , new track T1"
    const Told r =
        run(kDefenceHead +
            "sensors:\n  - {id: s, name: Radar, type: radar, at: [0, 0], range: 1000 km, probability: "
            "100%, update: 1 s, false-alarms: 60}\n"
            "flights:\n  - {id: f, category: hobby, depart: 10:01, from: [100 m, 0], to: [100 m, 1 m], "
            "speed: 1 m/s, altitude: 60 m, hover: 2 h, endurance: 3 h, behaviour: compliant}\n");
    const std::vector<std::string> detections = r.said("f", EventType::Detection);
    ASSERT_EQ(detections.size(), 1u);
    EXPECT_THAT(detections[0], ::testing::MatchesRegex("Radar: a drone, new track T[0-9]+ \\(in truth f\\)"));
    const std::vector<std::string> alarms = r.said("", EventType::FalseAlarm);
    ASSERT_FALSE(alarms.empty());
    EXPECT_THAT(alarms[0], ::testing::MatchesRegex(
                               "Radar: a drone, new track T[0-9]+; nothing is there \\(false alarm\\)"));
    for (const sim::Event& e : r.events) {
        if (e.type == EventType::Detection) {
            EXPECT_EQ(eventActor(r.scenario, e), "s");
        }
        if (e.type == EventType::FalseAlarm) {
            EXPECT_EQ(eventActor(r.scenario, e), "");
        }
        if (e.type == EventType::TrackLost) {
            EXPECT_EQ(eventText(r.scenario, r.world, e),
                      "track " + trackId(e.track) + " lost: no report for 60 s");
        }
    }
}

TEST(Sentences, AReportAtAnAirportSaysAtRatherThanZeroMetresFrom) {
    const Told r = run(kDefenceHead + "airports:\n  - {id: TEST, at: [0, 0]}\n" +
                       "timeline:\n  - {at: 10:30, event: sighting, position: [0, 0], "
                       "genuine: true, text: Lights over the runway}\n");
    EXPECT_EQ(r.said("", EventType::Detection),
              std::vector<std::string>{"a drone is reported at TEST: track T1 - Lights over the runway"});
    EXPECT_EQ(r.said("", EventType::Identification),
              std::vector<std::string>{"track T1 unknown: a report of a drone nobody can name"});
}

/// A hostile drone loitering 1 km from an airport with a closure rule, seen by a radar, and a team.
std::string closureScenario(const std::string& success, const std::string& manned = "") {
    return kDefenceHead +
           "airports:\n  - {id: TEST, name: Test airport, at: [0, 0], closure: {radius: 3 km, quiet: 10 "
           "min}" +
           manned +
           "}\nsensors:\n  - {id: radar, type: radar, at: [1 km, 0], range: 1000 km, probability: 100%, "
           "update: 1 s, "
           "latency: 5 s}\n"
           "flights:\n  - {id: intruder, category: hobby, behaviour: hostile, depart: 10:10, from: [2 km, "
           "0], to: [1 "
           "km, 0], speed: 10 m/s, altitude: 60 m, endurance: 30 min}\n"
           "responders:\n  - {id: team, name: Team, type: police, base: [1 km, 2 km], speed: 20 m/s, "
           "neutralise: 60 s, "
           "success: " +
           success + "}\n";
}

TEST(Sentences, AClosureCardSaysWhyAndWhenItReopened) {
    const Told r =
        run(closureScenario("0%", ", manned: {arrivals: 6 per hour, departures: 6 per hour, hold: 20 min}"));
    EXPECT_EQ(r.said("intruder", EventType::SiteClosed),
              std::vector<std::string>{"TEST closes: track T1, unknown, is 2 km from the airport"});
    const std::vector<std::string> reopened = r.said("", EventType::SiteReopened);
    ASSERT_EQ(reopened.size(), 1u);
    EXPECT_THAT(reopened[0], HasSubstr("TEST reopens after 10 min without unknown tracks, closed "));
    const sim::Verdict& card = r.world.verdicts.back();
    ASSERT_EQ(card.site, 0);
    const std::string rule = ruleText(r.scenario, r.world, card);
    EXPECT_THAT(rule,
                HasSubstr("TEST closed at 10:10:06 because track T1, unknown, was 2 km from the airport "
                          "(closure radius 3 km)."));
    EXPECT_THAT(rule, HasSubstr(" Reopened at "));
    EXPECT_THAT(rule, HasSubstr(" after 10 min without unknown tracks (closed "));
    // the planes held by it: the airport, which plane, and how late
    bool diverted = false;
    for (const sim::Event& e : r.events) {
        if (e.type != EventType::MannedDelayed && e.type != EventType::MannedDiverted) continue;
        const std::string other = eventOther(r.scenario, r.world, e);
        EXPECT_THAT(other, ::testing::MatchesRegex("(arrival|departure) due [0-9:]+"));
        EXPECT_THAT(eventText(r.scenario, r.world, e), ::testing::StartsWith("TEST " + other + " "));
        if (e.type == EventType::MannedDiverted) {
            diverted = true;
            EXPECT_THAT(eventText(r.scenario, r.world, e),
                        HasSubstr(" diverts to another airport after holding 20 min"));
        }
    }
    EXPECT_TRUE(diverted);
}

TEST(Sentences, ResponderEventsNameTheTeamAndTheTrack) {
    const Told down = run(closureScenario("100%"));
    EXPECT_THAT(down.said("intruder", EventType::Dispatch),
                ::testing::ElementsAre(HasSubstr("Team sent to track T1 near Test airport, ")));
    EXPECT_THAT(down.said("intruder", EventType::ResponderArrived),
                ::testing::ElementsAre(HasSubstr("Team reaches track T1 after ")));
    EXPECT_EQ(down.said("intruder", EventType::Neutralised),
              std::vector<std::string>{"Team brings track T1 down (intruder)"});
    EXPECT_THAT(down.rule("intruder"), ::testing::StartsWith("Neutralised at "));
    EXPECT_THAT(down.rule("intruder"),
                HasSubstr(" by Team: track T1, unknown, 1 km from TEST; the drone lands where it is."));
    for (const sim::Event& e : down.events) {
        if (e.type == EventType::Dispatch) {
            EXPECT_EQ(eventActor(down.scenario, e), "team");
        }
    }
    const Told failed = run(closureScenario("0%"));
    const std::vector<std::string> attempts = failed.said("intruder", EventType::NeutraliseFailed);
    ASSERT_GE(attempts.size(), 2u);
    EXPECT_EQ(attempts[0], "Team: fails to stop track T1");
    // sent again from where it stands: not "0 m away"
    const std::vector<std::string> sent = failed.said("intruder", EventType::Dispatch);
    ASSERT_GE(sent.size(), 2u);
    EXPECT_EQ(sent[1], "Team sent to track T1 near Test airport, already there");
}

TEST(Sentences, AnIdentificationSaysWhichClassAndWhy) {
    const Told r =
        run(kDefenceHead + "categories: {hobby: {remote-id: 100%}}\n" +
            "sensors:\n  - {id: radar, type: radar, at: [0, 0], range: 1000 km, probability: 100%, update: "
            "1 s}\n  - {id: rid, type: remote-id, at: [0, 0], range: 1000 km, probability: 100%, update: "
            "1 s}\n"
            "flights:\n  - {id: civil, category: hobby, depart: 10:01, from: [100 m, 0], to: [100 m, 1 m], "
            "speed: 1 m/s, altitude: 60 m, hover: 2 h, endurance: 3 h, behaviour: compliant}\n");
    bool identified = false;
    for (const sim::Event& e : r.events) {
        if (e.type != EventType::Identification || !sim::identifiesTrack(e.reason)) continue;
        identified = true;
        EXPECT_EQ(eventOther(r.scenario, r.world, e), "identified");
        EXPECT_EQ(eventText(r.scenario, r.world, e),
                  "track " + trackId(e.track) +
                      " identified: civil, broadcasting Remote ID, flying as authorised");
    }
    EXPECT_TRUE(identified);
}

// --- how sure a difference between two policies is (issue 16) --------------------------------

/// A difference of `mean` with this spread over `n` seeds, as report::pairedDifference makes it.
Estimate differenceOf(std::size_t n, double mean, double sd) {
    Estimate d;
    d.n = n, d.mean = mean, d.sd = sd;
    d.half = tQuantile(n - 1) * sd / std::sqrt(static_cast<double>(n));
    d.low = mean - d.half, d.high = mean + d.half;
    return d;
}

TEST(Certainty, AnIntervalThatLeavesOutZeroIsUnlikelyToBeChance) {
    // the hand-computed case of PairedDifference.MatchesAHandComputedCase: 1.8 (0.76 to 2.84)
    const Estimate d =
        pairedDifference(std::vector<double>{5, 6, 7, 7, 4}, std::vector<double>{3, 5, 4, 6, 2});
    EXPECT_EQ(certaintyText(d),
              "The interval leaves out zero: with 5 seeds this difference is unlikely to be chance.");
    EXPECT_EQ(certaintyNote(d), "unlikely to be chance");
    // the other way round: a fall is as sure as a rise
    const Estimate fall =
        pairedDifference(std::vector<double>{3, 5, 4, 6, 2}, std::vector<double>{5, 6, 7, 7, 4});
    EXPECT_EQ(certaintyText(fall), certaintyText(d));
}

TEST(Certainty, AnIntervalThatHoldsZeroCouldBeChanceAndSaysTheSeedsThatWouldTell) {
    // 0, 0, 1, 0, 1 against nothing: 0.4 (-0.28 to 1.08); 10 seeds would separate it
    // (statistics_test.cpp, SeedsToSeparate)
    const Estimate d =
        pairedDifference(std::vector<double>{0, 0, 1, 0, 1}, std::vector<double>{0, 0, 0, 0, 0});
    EXPECT_EQ(
        certaintyText(d),
        "With 5 seeds this difference could be chance; about 10 seeds would separate it, if it holds at "
        "this size.");
    EXPECT_EQ(certaintyNote(d), "could be chance (about 10 seeds would tell)");
    // a rounder number further out: t(n - 1) / sqrt(n) < 0.44 first at 23 seeds, said as 25
    EXPECT_EQ(seedsToSeparate(differenceOf(5, 0.44, 1.0)), 23u);
    EXPECT_EQ(certaintyNote(differenceOf(5, 0.44, 1.0)), "could be chance (about 25 seeds would tell)");
    // and past the cap
    EXPECT_EQ(
        certaintyText(differenceOf(5, 0.05, 1.0)),
        "With 5 seeds this difference could be chance; more than 200 seeds would be needed to separate it.");
    EXPECT_EQ(certaintyNote(differenceOf(5, -0.05, 1.0)), "could be chance (more than 200 seeds would tell)");
}

TEST(Certainty, ASummarySaysOnceHowSureAPolicysDifferencesAre) {
    const Estimate sure =
        pairedDifference(std::vector<double>{5, 6, 7, 7, 4}, std::vector<double>{3, 5, 4, 6, 2});
    const Estimate tenSeeds =
        pairedDifference(std::vector<double>{0, 0, 1, 0, 1}, std::vector<double>{0, 0, 0, 0, 0});
    const Estimate twentyFive = differenceOf(5, 0.44, 1.0), never = differenceOf(5, 0.05, 1.0);
    EXPECT_EQ(certaintySummary({{"flown", sure}, {"cancelled", sure}}),
              "With 5 seeds, every one of these 2 differences is unlikely to be chance: each interval leaves "
              "zero out.");
    EXPECT_EQ(certaintySummary({{"flown", sure}}),
              "With 5 seeds, this difference is unlikely to be chance: its interval leaves zero out.");
    // the seeds named are those of the one that needs most (10, and 23 said as 25)
    EXPECT_EQ(
        certaintySummary({{"flown", sure}, {"near misses", tenSeeds}, {"rerouted", twentyFive}}),
        "With 5 seeds, 1 of these 3 differences is unlikely to be chance: its interval leaves zero out. "
        "2 could be chance: near misses and rerouted. About 25 seeds would separate them, if they hold "
        "at this size.");
    EXPECT_EQ(
        certaintySummary({{"near misses", tenSeeds}, {"extra km", never}}),
        "With 5 seeds, each of these differences could be chance. For near misses, about 10 seeds would "
        "separate it, if it holds at this size. For extra km, more than 200 seeds would be needed to "
        "separate it, if it holds at this size.");
    EXPECT_EQ(
        certaintySummary({{"flown", sure}, {"near misses", tenSeeds}, {"extra km", never}}),
        "With 5 seeds, 1 of these 3 differences is unlikely to be chance: its interval leaves zero out. "
        "1 could be chance: near misses. About 10 seeds would separate it, if it holds at this size. 1 "
        "more could be chance: extra km. More than 200 seeds would be needed to separate it, if it holds "
        "at this size.");
    EXPECT_EQ(
        certaintySummary({{"near misses", tenSeeds}}),
        "With 5 seeds, this difference could be chance. About 10 seeds would separate it, if it holds at "
        "this size.");
    EXPECT_EQ(certaintySummary({{"flown", pairedDifference(std::vector<double>{3}, std::vector<double>{1})}}),
              "With one seed no difference can be told from chance: run 5 seeds or more.");
    EXPECT_EQ(certaintySummary({}), "");
}

TEST(Certainty, OneSeedOrNoSpreadSayWhatTheyAre) {
    const Estimate one = pairedDifference(std::vector<double>{3}, std::vector<double>{1});
    EXPECT_EQ(certaintyText(one), "With one seed this cannot be told from chance: run 5 seeds or more.");
    EXPECT_EQ(certaintyNote(one), "one seed: cannot tell");
    const Estimate same = pairedDifference(std::vector<double>{2, 2, 2}, std::vector<double>{0, 0, 0});
    EXPECT_EQ(certaintyText(same), "The same difference in each of the 3 seeds: not chance.");
    const Estimate none = pairedDifference(std::vector<double>{2, 4, 1}, std::vector<double>{2, 4, 1});
    EXPECT_EQ(certaintyText(none), "No difference in any of the 3 seeds.");
    EXPECT_EQ(certaintyNote(none), "no difference");
}

} // namespace
} // namespace nofly::report
