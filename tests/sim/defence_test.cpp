// Detection, identification and response, on small inline scenarios: each
// sensor type's detection probability against its declared curve over many
// seeded trials, line of sight, false alarms, identification, closure and
// reopening times, manned traffic, and a responder's timing. The words of
// these events and cards: tests/report/sentences_test.cpp.
#include "sim/simulation.hpp"

#include "scenario/loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>

namespace nofly::sim {
namespace {

const std::string kHead = "title: T\n"
                          "seed: 7\n"
                          "time: {start: 2025-06-14T10:00+02:00, end: +3 h, step: 1 s}\n"
                          "map: {origin: {lat: 55.69, lon: 12.56}}\n";

scenario::Scenario load(const std::string& text) {
    scenario::LoadResult r = scenario::loadScenarioText(text, "test.yaml", {});
    std::string printed;
    for (const auto& d : r.diagnostics.all()) printed += core::format(d) + "\n";
    if (!r.scenario) throw std::runtime_error(printed);
    return *r.scenario;
}

std::vector<Event> of(const std::vector<Event>& events, EventType type) {
    std::vector<Event> out;
    for (const Event& e : events)
        if (e.type == type) out.push_back(e);
    return out;
}

/// A drone hovering at `east` metres from the origin, `altitude` up, for two hours.
std::string hover(const std::string& id, double east, double altitude, const std::string& behaviour = "compliant") {
    return "  - {id: " + id + ", category: hobby, depart: 10:01, from: [" + std::to_string(east) + " m, 0], to: [" +
           std::to_string(east) + " m, 1 m], speed: 1 m/s, altitude: " + std::to_string(altitude) +
           " m, hover: 2 h, endurance: 3 h, behaviour: " + behaviour + "}\n";
}

/// For each drone, how many scans reported it and how many scans it was in the air for.
struct Tally {
    std::map<std::string, int> reported, scans;
};

/// Steps the whole run, counting per drone the ticks at which a report of it
/// arrived (latency 0, scans every tick, tracks never lost) against the
/// ticks it was in the air.
Tally tally(const scenario::Scenario& s) {
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    Tally t;
    while (!finished(m, w)) {
        step(m, w);
        w.events.clear();
        const core::Instant scanned = w.now - s.time.step;
        for (std::size_t i = 0; i < w.drones.size(); ++i) {
            const Drone& d = w.drones[i];
            const std::string& id = w.flights[i].flight.id;
            if (d.phase != Phase::Flying || d.altitude <= 0.0) continue;
            ++t.scans[id];
            const int track = w.defence.droneTrack[i];
            if (track >= 0 && w.defence.tracks[static_cast<std::size_t>(track)].last == scanned) ++t.reported[id];
        }
    }
    return t;
}

/// Checks an observed share against the declared probability: with n
/// independent scans the share's standard deviation is sqrt(p(1-p)/n); four
/// of them (a chance of about 6 in 100,000 to fail by bad luck, and the seed
/// is fixed, so the verdict never flickers) plus 0.002 for the scans at the
/// very start and end.
void expectShare(const Tally& t, const std::string& id, double p) {
    const int n = t.scans.at(id);
    ASSERT_GT(n, 5000) << id;
    const double observed = static_cast<double>(t.reported.count(id) ? t.reported.at(id) : 0) / n;
    const double tolerance = 4.0 * std::sqrt(p * (1.0 - p) / n) + 0.002;
    EXPECT_NEAR(observed, p, tolerance) << id << " over " << n << " scans";
}

std::string sensorScenario(const std::string& sensor, const std::string& extraTop = "", const std::string& behaviour = "compliant") {
    return kHead + "tracking: {lost-after: 4 h}\n" + extraTop + "categories: {hobby: {remote-id: 100%}}\n" +
           "sensors:\n  - {id: s, at: [0, 0], range: 2 km, probability: 80%, update: 1 s, " + sensor + "}\n" +
           "flights:\n" + hover("r0", 0.0, 60.0, behaviour) + hover("r500", 500.0, 60.0, behaviour) +
           hover("r1000", 1000.0, 60.0, behaviour) + hover("r1500", 1500.0, 60.0, behaviour) +
           hover("r1900", 1900.0, 60.0, behaviour) + hover("w1000", -1000.0, 60.0, behaviour) +
           hover("out", 2100.0, 60.0, behaviour);
}

void expectCurve(const std::string& sensor) {
    const scenario::Scenario s = load(sensorScenario(sensor));
    const Tally t = tally(s);
    for (auto [id, r] : std::vector<std::pair<std::string, double>>{
             {"r0", 0.0}, {"r500", 500.0}, {"r1000", 1000.0}, {"r1500", 1500.0}, {"r1900", 1900.0}})
        expectShare(t, id, 0.8 * (1.0 - (r / 2000.0) * (r / 2000.0)));
    EXPECT_EQ(t.reported.count("out"), 0u) << "beyond the sensor's range";
}

TEST(Detection, ProbabilityFollowsTheDeclaredCurve) {
    scenario::Sensor sensor;
    sensor.range = 2000.0;
    sensor.probability = 0.8;
    EXPECT_DOUBLE_EQ(detectionProbability(sensor, 0.0), 0.8);
    EXPECT_DOUBLE_EQ(detectionProbability(sensor, 1000.0), 0.6);
    EXPECT_DOUBLE_EQ(detectionProbability(sensor, 2000.0), 0.0);
    EXPECT_DOUBLE_EQ(detectionProbability(sensor, 2000.1), 0.0);
}

TEST(Detection, RadarMatchesItsCurveOverManyScans) { expectCurve("type: radar"); }
TEST(Detection, RfDetectorMatchesItsCurveOverManyScans) { expectCurve("type: rf"); }
TEST(Detection, SightingsMatchTheirCurveOverManyScans) { expectCurve("type: sighting"); }
TEST(Detection, RemoteIdReceiverMatchesItsCurveForBroadcastingDrones) { expectCurve("type: remote-id"); }

TEST(Detection, RemoteIdReceiverHearsNoHostileDrone) {
    const Tally t = tally(load(sensorScenario("type: remote-id", "", "hostile")));
    EXPECT_TRUE(t.reported.empty());
    EXPECT_GT(t.scans.at("r0"), 5000);
}

TEST(Detection, CameraSeesOnlyInsideItsFieldOfView) {
    // looking east with 90 degrees: the drones east of it, not the one west
    const Tally t = tally(load(sensorScenario("type: camera, heading: 90, fov: 90")));
    expectShare(t, "r1000", 0.8 * 0.75);
    expectShare(t, "r1500", 0.8 * (1.0 - 0.5625));
    EXPECT_EQ(t.reported.count("w1000"), 0u);
}

TEST(Detection, AnObstacleHidesDronesBelowItsTop) {
    // a 40 m building between the radar and the drones 1 km east: the low one is hidden
    const std::string text = kHead + "tracking: {lost-after: 4 h}\n" +
                             "obstacles:\n  - {id: hall, shape: {circle: {center: [500 m, 0], radius: 50 m}}, height: 40 m}\n" +
                             "sensors:\n  - {id: s, type: radar, at: [0, 0], range: 2 km, probability: 80%, update: 1 s}\n" +
                             "flights:\n" + hover("low", 1000.0, 30.0) + hover("high", 1000.0, 60.0) +
                             hover("beside", -1000.0, 30.0);
    const Tally t = tally(load(text));
    EXPECT_EQ(t.reported.count("low"), 0u);
    expectShare(t, "high", 0.6);
    expectShare(t, "beside", 0.6);
}

TEST(Detection, FalseAlarmsArriveAtTheDeclaredRate) {
    // 60 an hour for 3 hours: 180 expected, Poisson: standard deviation 13.4
    const scenario::Scenario s = load(kHead + "sensors:\n  - {id: s, type: radar, at: [0, 0], range: 2 km, update: 2 s, false-alarms: 60}\n");
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    const std::vector<Event> events = runToEnd(m, w);
    const auto alarms = of(events, EventType::FalseAlarm);
    EXPECT_NEAR(static_cast<double>(alarms.size()), 180.0, 4.0 * std::sqrt(180.0));
    for (const Event& e : alarms) {
        EXPECT_LE(core::length(e.at), 2000.0 + 1e-6);
        EXPECT_EQ(e.flight, -1);
        EXPECT_EQ(e.ref, 0); // the sensor that made it
    }
    // each is an unknown track of its own, lost after the default minute
    EXPECT_EQ(of(events, EventType::TrackLost).size(), alarms.size());
}

TEST(Detection, AReportNamesItsSensorAndTheTrackItMakes) {
    const scenario::Scenario s =
        load(kHead +
             "sensors:\n  - {id: s, name: Radar, type: radar, at: [0, 0], range: 1000 km, probability: 100%, "
             "update: 1 s, false-alarms: 60}\n" +
             "flights:\n" + hover("f", 100.0, 60.0));
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    const std::vector<Event> events = runToEnd(m, w);
    const auto detections = of(events, EventType::Detection);
    ASSERT_EQ(detections.size(), 1u);
    EXPECT_EQ(detections[0].actor, 0);
    EXPECT_EQ(detections[0].flight, 0);
    EXPECT_EQ(detections[0].reason, EventReason::None);
    const auto alarms = of(events, EventType::FalseAlarm);
    ASSERT_FALSE(alarms.empty());
    EXPECT_EQ(alarms[0].actor, -1); // the actor column names sensors only for a drone's detection
    EXPECT_EQ(alarms[0].ref, 0);
    EXPECT_NE(alarms[0].track, detections[0].track);
}

TEST(Detection, ASightingIsATrackFromTheTimeline) {
    const scenario::Scenario s = load(kHead + "airports:\n  - {id: TEST, at: [0, 0]}\n" +
                                      "timeline:\n  - {at: 10:30, event: sighting, position: [0, 0], "
                                      "genuine: true, text: Lights over the runway}\n");
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    const auto detections = of(runToEnd(m, w), EventType::Detection);
    ASSERT_EQ(detections.size(), 1u);
    EXPECT_EQ(detections[0].reason, EventReason::Sighting);
    EXPECT_EQ(detections[0].ref, 0); // the timeline entry
    EXPECT_EQ(detections[0].track, 0);
    EXPECT_EQ(detections[0].actor, -1);
}

TEST(Detection, OtherDronesMoveNoDrawOfADrone) {
    // the same two drones, then again with two more in view (listed after them), and a sensor
    // with false alarms: each drone's reports and every false alarm are the same in both runs,
    // as variants compared on the same traffic need
    const std::string sensor = "sensors:\n  - {id: s, type: radar, at: [0, 0], range: 2 km, probability: 50%, "
                               "update: 5 s, false-alarms: 20}\n";
    const std::string some = kHead + "tracking: {lost-after: 4 h}\n" + sensor + "flights:\n" +
                             hover("a", 300.0, 60.0) + hover("b", 1200.0, 60.0);
    const std::string more = some + hover("c", 700.0, 60.0) + hover("d", -900.0, 60.0);
    const scenario::Scenario s1 = load(some), s2 = load(more);
    const Tally t1 = tally(s1), t2 = tally(s2);
    for (const char* id : {"a", "b"}) {
        EXPECT_GT(t1.reported.at(id), 100) << id;
        EXPECT_EQ(t1.reported.at(id), t2.reported.at(id)) << id;
    }
    EXPECT_GT(t2.reported.at("c"), 100);
    const CompiledScenario m1 = compile(s1), m2 = compile(s2);
    World w1 = makeWorld(m1, s1.seed), w2 = makeWorld(m2, s2.seed);
    const auto alarms1 = of(runToEnd(m1, w1), EventType::FalseAlarm);
    const auto alarms2 = of(runToEnd(m2, w2), EventType::FalseAlarm);
    ASSERT_GT(alarms1.size(), 20u);
    ASSERT_EQ(alarms1.size(), alarms2.size());
    for (std::size_t k = 0; k < alarms1.size(); ++k) {
        EXPECT_EQ(alarms1[k].time, alarms2[k].time) << k;
        EXPECT_EQ(alarms1[k].at.x, alarms2[k].at.x) << k;
    }
}

TEST(Detection, LatencyDelaysTheReport) {
    const scenario::Scenario s =
        load(kHead + "sensors:\n  - {id: s, type: radar, at: [0, 0], range: 1000 km, probability: 100%, update: 1 s, latency: 7 s}\n" +
             "flights:\n" + hover("f", 100.0, 60.0));
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    const std::vector<Event> events = runToEnd(m, w);
    const auto detections = of(events, EventType::Detection);
    ASSERT_EQ(detections.size(), 1u);
    const auto departures = of(events, EventType::Departure);
    ASSERT_EQ(departures.size(), 1u);
    // airborne one tick after take-off, reported 7 s later
    EXPECT_EQ(detections[0].time - departures[0].time, 1000 + 7000);
    EXPECT_DOUBLE_EQ(detections[0].value, 8.0);
}

// --- identification ----------------------------------------------------------------

std::string idScenario(const std::string& remoteShare, const std::string& misclassify = "0%") {
    return kHead + "tracking: {lost-after: 4 h, misclassify: " + misclassify + "}\n" +
           "categories: {hobby: {remote-id: " + remoteShare + "}}\n" +
           "sensors:\n  - {id: radar, type: radar, at: [0, 0], range: 1000 km, probability: 100%, update: 1 s}\n" +
           "  - {id: rid, type: remote-id, at: [0, 0], range: 1000 km, probability: 100%, update: 1 s}\n" +
           "flights:\n" + hover("civil", 100.0, 60.0) + hover("hostile", 200.0, 60.0, "hostile");
}

/// Each flight's last class, by its id.
std::map<std::string, std::string> classes(const World& w, const std::vector<Event>& events) {
    std::map<std::string, std::string> out;
    for (const Event& e : of(events, EventType::Identification))
        out[w.flights[static_cast<std::size_t>(e.flight)].flight.id] =
            identifiesTrack(e.reason) ? "identified" : "unknown";
    return out;
}

TEST(Identification, BroadcastingAuthorisedDroneIsIdentifiedAndHostileIsUnknown) {
    const scenario::Scenario s = load(idScenario("100%"));
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    const std::vector<Event> events = runToEnd(m, w);
    const auto c = classes(w, events);
    EXPECT_EQ(c.at("civil"), "identified");
    EXPECT_EQ(c.at("hostile"), "unknown");
}

TEST(Identification, SilentCivilDroneIsAnUnknownTrack) {
    const scenario::Scenario s = load(idScenario("0%"));
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    const std::vector<Event> events = runToEnd(m, w);
    EXPECT_EQ(classes(w, events).at("civil"), "unknown");
    const auto ids = of(events, EventType::Identification);
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(ids[0].reason, EventReason::UnknownNoRemoteId);
}

TEST(Identification, MisclassificationFlipsTheClass) {
    const scenario::Scenario s = load(idScenario("100%", "100%"));
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    const std::vector<Event> events = runToEnd(m, w);
    const auto c = classes(w, events);
    EXPECT_EQ(c.at("civil"), "unknown");
    EXPECT_EQ(c.at("hostile"), "identified");
}

TEST(Identification, MisclassificationHappensAtTheDeclaredRate) {
    // 400 silent civil drones, each classified once; 25% come out identified
    std::string text = kHead + "tracking: {lost-after: 4 h, misclassify: 25%}\n" +
                       "categories: {hobby: {remote-id: 0%}}\n" +
                       "sensors:\n  - {id: radar, type: radar, at: [0, 0], range: 1000 km, probability: 100%, update: 1 s}\n" +
                       "traffic:\n  - {id: g, category: hobby, count: 400, area: {circle: {center: [0, 0], radius: 5 km}},"
                       " depart: {between: [10:01, 10:30]}, behaviour: {compliant: 100%}}\n";
    const scenario::Scenario s = load(text);
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    const std::vector<Event> events = runToEnd(m, w);
    const auto c = classes(w, events);
    int identified = 0;
    for (const auto& [flight, cls] : c) identified += cls == "identified";
    ASSERT_EQ(c.size(), 400u);
    // binomial(400, 0.25): standard deviation 8.7
    EXPECT_NEAR(identified, 100, 35);
}

// --- airports -----------------------------------------------------------------------

/// A hostile drone loitering 1 km from an airport with a closure rule, seen
/// by a radar standing under it.
std::string closureScenario(const std::string& extra = "", const std::string& airportExtra = "") {
    return kHead + "airports:\n  - {id: TEST, name: Test airport, at: [0, 0], closure: {radius: 3 km, quiet: 10 min}" +
           airportExtra + "}\n" +
           "sensors:\n  - {id: radar, type: radar, at: [1 km, 0], range: 1000 km, probability: 100%, update: 1 s, latency: 5 s}\n" +
           "flights:\n  - {id: intruder, category: hobby, behaviour: hostile, depart: 10:10, from: [2 km, 0], to: [1 km, 0],"
           " speed: 10 m/s, altitude: 60 m, endurance: 30 min}\n" +
           extra;
}

TEST(Airports, UnknownTrackClosesTheAirportAndItReopensAfterTheQuietPeriod) {
    const scenario::Scenario s = load(closureScenario());
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    const std::vector<Event> events = runToEnd(m, w);
    const auto closed = of(events, EventType::SiteClosed);
    const auto reopened = of(events, EventType::SiteReopened);
    const auto departure = of(events, EventType::Departure);
    const auto landing = of(events, EventType::Landing);
    ASSERT_EQ(closed.size(), 1u);
    ASSERT_EQ(reopened.size(), 1u);
    ASSERT_EQ(landing.size(), 1u);
    // first report: airborne one tick after take-off, 5 s latency; 2 km from the airport
    EXPECT_EQ(closed[0].time, departure[0].time + 1000 + 5000);
    EXPECT_EQ(closed[0].site, 0);
    EXPECT_EQ(closed[0].track, 0);
    EXPECT_NEAR(closed[0].value, 2000.0, 1.0);
    // last report: the last tick it was airborne, one before it touched down, plus latency; then 10 quiet minutes
    EXPECT_EQ(reopened[0].time, landing[0].time - 1000 + 5000 + 600000);
    EXPECT_DOUBLE_EQ(reopened[0].value, static_cast<double>(reopened[0].time - closed[0].time) / 1000.0);
    // the closure's verdict card
    const auto card =
        std::find_if(w.verdicts.begin(), w.verdicts.end(), [](const Verdict& v) { return v.site == 0; });
    ASSERT_NE(card, w.verdicts.end());
    EXPECT_EQ(card->time, closed[0].time);
    EXPECT_EQ(card->rule.kind, RuleKind::SiteClosed);
    EXPECT_EQ(card->rule.track, 0);
    EXPECT_EQ(card->rule.distance, closed[0].value);
    EXPECT_EQ(card->rule.until, reopened[0].time); // reopened then
}

TEST(Airports, IdentifiedTrackDoesNotCloseTheAirport) {
    const std::string text = kHead + "categories: {hobby: {remote-id: 100%}}\n" +
                             "airports:\n  - {id: TEST, at: [0, 0], closure: {radius: 3 km}}\n" +
                             "sensors:\n  - {id: rid, type: remote-id, at: [0, 0], range: 1000 km, probability: 100%}\n" +
                             "flights:\n" + hover("civil", 1000.0, 60.0);
    const scenario::Scenario s = load(text);
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    EXPECT_TRUE(of(runToEnd(m, w), EventType::SiteClosed).empty());
}

TEST(Airports, ArrivalsHoldThenDivertAndDeparturesWait) {
    const scenario::Scenario s =
        load(closureScenario("", ", manned: {arrivals: 6 per hour, departures: 6 per hour, hold: 20 min, divert-to: TEST}"));
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    const std::vector<Event> events = runToEnd(m, w);
    const auto closed = of(events, EventType::SiteClosed);
    const auto reopened = of(events, EventType::SiteReopened);
    ASSERT_EQ(closed.size(), 1u);
    ASSERT_EQ(reopened.size(), 1u);
    const core::Instant c = closed[0].time, r = reopened[0].time;
    // every ten minutes from 10:05 (arrivals) and 10:02:30 (departures)
    int diverted = 0, delayed = 0;
    for (core::Instant due = s.time.start + 300000; due < s.time.end; due += 600000)
        if (due >= c && due < r) (r - due > 1200000 ? diverted : delayed)++;
    for (core::Instant due = s.time.start + 150000; due < s.time.end; due += 600000)
        if (due >= c && due < r) ++delayed;
    EXPECT_GT(diverted, 0);
    EXPECT_EQ(static_cast<int>(of(events, EventType::MannedDiverted).size()), diverted);
    EXPECT_EQ(static_cast<int>(of(events, EventType::MannedDelayed).size()), delayed);
    for (const Event& e : of(events, EventType::MannedDelayed)) EXPECT_EQ(e.time, r);
    for (const Event& e : of(events, EventType::MannedDiverted)) EXPECT_DOUBLE_EQ(e.value, 1200.0);
}

// --- responders ---------------------------------------------------------------------

std::string responder(const std::string& success) {
    return "responders:\n  - {id: team, name: Team, type: police, base: [1 km, 2 km], speed: 20 m/s, neutralise: 60 s,"
           " success: " + success + "}\n";
}

TEST(Responders, ReachTheDroneAtTheirSpeedAndBringItDown) {
    // the intruder loiters at [1 km, 0]; the team starts 2 km north of it
    const scenario::Scenario s = load(closureScenario(responder("100%")));
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    const std::vector<Event> events = runToEnd(m, w);
    const auto dispatch = of(events, EventType::Dispatch);
    const auto arrived = of(events, EventType::ResponderArrived);
    const auto neutralised = of(events, EventType::Neutralised);
    ASSERT_EQ(dispatch.size(), 1u);
    ASSERT_EQ(arrived.size(), 1u);
    ASSERT_EQ(neutralised.size(), 1u);
    EXPECT_EQ(dispatch[0].time, of(events, EventType::SiteClosed)[0].time);
    EXPECT_EQ(dispatch[0].actor, 0);
    EXPECT_EQ(dispatch[0].track, 0);
    EXPECT_EQ(dispatch[0].site, 0); // for the airport, the one place it protects
    EXPECT_EQ(dispatch[0].ref, -1);
    // the team sets off 2.24 km from the drone, which flies west toward the point 2 km
    // south of the team: at 20 m/s, stopping 50 m short, between 97 and 112 s
    const double travel = static_cast<double>(arrived[0].time - dispatch[0].time) / 1000.0;
    EXPECT_GE(travel, 97.0);
    EXPECT_LE(travel, 113.0);
    // one minute on scene, then down where it is
    EXPECT_EQ(neutralised[0].time, arrived[0].time + 60000);
    EXPECT_EQ(neutralised[0].flight, 0);
    EXPECT_EQ(neutralised[0].reason, EventReason::BroughtDown);
    EXPECT_EQ(arrived[0].when, dispatch[0].time);
    const Drone& d = w.drones[0];
    EXPECT_TRUE(d.neutralised);
    EXPECT_EQ(d.phase, Phase::Landed);
    // 60 m down at 2 m/s
    EXPECT_EQ(d.landedAt, neutralised[0].time + 30000);
    const auto card = std::find_if(w.verdicts.begin(), w.verdicts.end(), [](const Verdict& v) {
        return v.flight == 0 && v.rule.kind == RuleKind::Neutralised;
    });
    ASSERT_NE(card, w.verdicts.end());
    EXPECT_EQ(card->rule.responder, 0);
    EXPECT_EQ(card->rule.track, 0);
}

TEST(Responders, ADispatchNamesThePlaceItAnswersFor) {
    // the track is first reported about 1.95 km east of the airport (closure radius 3 km) and 0.95 km
    // from the palace (radius 1.5 km): both hold it, the palace is nearer
    const std::string palace = "sites:\n  - {id: palace, name: The palace, at: [1 km, 0], radius: 1.5 km}\n";
    const auto dispatches = [&](const std::string& responders) {
        const scenario::Scenario s = load(closureScenario(responders + palace));
        const CompiledScenario m = compile(s);
        World w = makeWorld(m, s.seed);
        return of(runToEnd(m, w), EventType::Dispatch);
    };
    const auto dispatch = dispatches(responder("100%"));
    ASSERT_EQ(dispatch.size(), 1u);
    EXPECT_EQ(dispatch[0].ref, 0);
    EXPECT_EQ(dispatch[0].site, -1);
    // a responder that protects the airport only is sent for it
    std::string airportOnly = responder("100%");
    airportOnly.insert(airportOnly.rfind('}'), ", protects: [TEST]");
    const auto sent = dispatches(airportOnly);
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].site, 0);
    EXPECT_EQ(sent[0].ref, -1);
}

TEST(Responders, FailureLeavesTheDroneFlyingAndTheTeamTriesAgain) {
    const scenario::Scenario s = load(closureScenario(responder("0%")));
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    const std::vector<Event> events = runToEnd(m, w);
    EXPECT_TRUE(of(events, EventType::Neutralised).empty());
    const auto failed = of(events, EventType::NeutraliseFailed);
    ASSERT_GE(failed.size(), 2u);
    EXPECT_EQ(failed[0].reason, EventReason::Failed);
    EXPECT_EQ(failed[0].track, 0);
    const auto dispatched = of(events, EventType::Dispatch);
    ASSERT_GE(dispatched.size(), 2u);
    // sent again from where it stands
    EXPECT_EQ(dispatched[0].reason, EventReason::None);
    EXPECT_EQ(dispatched[1].reason, EventReason::AlreadyThere);
    EXPECT_FALSE(w.drones[0].neutralised);
}

TEST(Responders, StayOutOfReach) {
    const std::string far = "responders:\n  - {id: team, type: police, base: [50 km, 0], reach: 10 km}\n";
    const scenario::Scenario s = load(closureScenario(far));
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    EXPECT_TRUE(of(runToEnd(m, w), EventType::Dispatch).empty());
}

TEST(Defence, SameSeedSameEventsAndOtherSeedOthers) {
    const std::string text = closureScenario(responder("50%")) +
                             "traffic:\n  - {id: g, category: hobby, count: 30, area: {circle: {center: [0, 0], radius: 5 km}},"
                             " depart: {between: [10:01, 11:30]}}\n";
    auto log = [&](std::uint64_t seed) {
        scenario::Scenario s = load(text);
        s.seed = seed;
        const CompiledScenario m = compile(s);
        World w = makeWorld(m, s.seed);
        std::string out;
        for (const Event& e : runToEnd(m, w))
            out += std::to_string(e.time) + " " + std::string(name(e.type)) + " " + std::to_string(e.flight) +
                   " " + std::to_string(e.track) + " " + std::to_string(e.value) + "\n";
        return out;
    };
    EXPECT_EQ(log(3), log(3));
    EXPECT_NE(log(3), log(4));
}

TEST(Responders, TheNeutralisationCardNamesTheZoneTheDroneIsIn) {
    // the intruder loiters inside a prohibited disc at [1 km, 0]
    const std::string disc =
        "zones:\n  - {id: disc, restriction: prohibited, shape: {circle: {center: [1 km, 0], "
        "radius: 300 m}}}\n";
    const scenario::Scenario s = load(closureScenario(responder("100%") + disc));
    const CompiledScenario m = compile(s);
    World w = makeWorld(m, s.seed);
    runToEnd(m, w);
    const auto card = std::find_if(w.verdicts.begin(), w.verdicts.end(), [](const Verdict& v) {
        return v.flight == 0 && v.rule.kind == RuleKind::Neutralised;
    });
    ASSERT_NE(card, w.verdicts.end());
    ASSERT_FALSE(card->findings.empty());
    EXPECT_EQ(card->findings[0].zone, 0);
    EXPECT_TRUE(card->findings[0].applies);
    EXPECT_EQ(card->findings[0].reason, FindingReason::Prohibited);
}

// --- the same luck in every variant (issue 14) ------------------------------------------

/// A variant's run: what the ids of its events stand for, and the events.
struct Log {
    scenario::Scenario scenario;
    World world;
    std::vector<Event> events;
};

/// What responder `actor` (or, with no actor, the events of `flight`) did, one line an event: what
/// happened, why, to which flight and track, with its figure.
std::string story(const Log& log, const std::string& actor, const std::string& flight = "",
                  EventType only = EventType::Note) {
    std::string out;
    for (const Event& e : log.events) {
        const bool responder = e.type == EventType::Dispatch || e.type == EventType::ResponderArrived ||
                               e.type == EventType::Neutralised || e.type == EventType::NeutraliseFailed;
        const std::string actorId =
            responder && e.actor >= 0 ? log.scenario.responders[static_cast<std::size_t>(e.actor)].id : "";
        const std::string flightId =
            e.flight >= 0 ? log.world.flights[static_cast<std::size_t>(e.flight)].flight.id : "";
        if (!actor.empty() && actorId != actor) continue;
        if (!flight.empty() && flightId != flight) continue;
        if (only != EventType::Note && e.type != only) continue;
        out += std::to_string(e.time) + " " + std::string(name(e.type)) + " " +
               std::to_string(static_cast<int>(e.reason)) + " " + flightId + " " + std::to_string(e.track) +
               " " + std::to_string(e.value) + "\n";
    }
    return out;
}

Log runVariant(const std::string& text, const std::string& variant) {
    scenario::LoadResult r = scenario::loadScenarioText(text, "test.yaml", {variant, {}, {}});
    if (!r.scenario) throw std::runtime_error("does not load");
    Log log{*r.scenario, {}, {}};
    const CompiledScenario m = compile(log.scenario);
    log.world = makeWorld(m, log.scenario.seed);
    log.events = runToEnd(m, log.world);
    return log;
}

TEST(SameLuck, MisclassificationDrawsDoNotDependOnWhatElseIsClassified) {
    // in the base, 'y' crosses a prohibited disc and is classified again twice (violating, then not);
    // the variant opens the disc. The ten drones that take off later are classified the same in both.
    std::string text =
        kHead + "tracking: {lost-after: 4 h, misclassify: 50%}\n" +
        "categories: {hobby: {remote-id: 100%}}\n" +
        "sensors:\n  - {id: radar, type: radar, at: [0, 0], range: 1000 km, probability: 100%, update: 1 "
        "s}\n" +
        "  - {id: rid, type: remote-id, at: [0, 0], range: 1000 km, probability: 100%, update: 1 s}\n" +
        "zones:\n  - {id: disc, restriction: prohibited, shape: {circle: {center: [0, 5 km], radius: 500 "
        "m}}}\n" +
        "flights:\n  - {id: y, category: hobby, behaviour: unaware, depart: 10:01, from: [-2 km, 5 km], "
        "to: [2 km, 5 km], speed: 10 m/s, altitude: 60 m}\n";
    for (int i = 0; i < 10; ++i)
        text += "  - {id: x" + std::to_string(i) +
                ", category: hobby, behaviour: compliant, depart: 10:20, from: [" + std::to_string(i) +
                " km, -3 km], to: [" + std::to_string(i) + " km, -4 km], speed: 5 m/s, altitude: 60 m}\n";
    text += "variants:\n  open: {remove: [zones.disc]}\n";
    const Log base = runVariant(text, ""), open = runVariant(text, "open");
    ASSERT_EQ(story(base, "", "y", EventType::ViolationStart).empty(),
              false); // classified again: the truth changed
    ASSERT_EQ(story(open, "", "y", EventType::ViolationStart).empty(), true);
    for (int i = 0; i < 10; ++i) {
        const std::string id = "x" + std::to_string(i);
        const std::string a = story(base, "", id, EventType::Identification);
        EXPECT_FALSE(a.empty()) << id;
        EXPECT_EQ(a, story(open, "", id, EventType::Identification)) << id;
    }
}

TEST(SameLuck, ResponderDrawsDoNotDependOnOtherResponders) {
    // the team protects TEST in both; the variant adds a jammer at a second airport, with an intruder of its
    // own
    const std::string text =
        kHead +
        "airports:\n  - {id: TEST, name: Test airport, at: [0, 0], closure: {radius: 3 km, quiet: 10 min}}\n"
        "  - {id: OTHER, name: Other airport, at: [20 km, 0], closure: {radius: 3 km, quiet: 10 min}}\n"
        "sensors:\n  - {id: radar, type: radar, at: [10 km, 0], range: 1000 km, probability: 100%, update: 1 "
        "s}\n"
        "flights:\n  - {id: intruder, category: hobby, behaviour: hostile, depart: 10:10, from: [2 km, 0], "
        "to: [1 km, 0],"
        " speed: 10 m/s, altitude: 60 m, endurance: 30 min}\n"
        "  - {id: intruder-2, category: hobby, behaviour: hostile, depart: 10:05, from: [21 km, 0], to: [20 "
        "km, 0],"
        " speed: 10 m/s, altitude: 60 m, endurance: 30 min}\n"
        "responders:\n  - {id: team, type: police, base: [1 km, 2 km], speed: 20 m/s, neutralise: 60 s, "
        "success: 30%,"
        " protects: [TEST]}\n"
        "variants:\n  jammer:\n    add:\n      responders:\n        - {id: jammer, type: jammer, base: [20 "
        "km, 1 km],"
        " speed: 20 m/s, neutralise: 20 s, success: 30%, protects: [OTHER]}\n";
    const Log base = runVariant(text, ""), jammer = runVariant(text, "jammer");
    ASSERT_FALSE(story(jammer, "jammer").empty());
    EXPECT_FALSE(story(base, "team").empty());
    EXPECT_EQ(story(base, "team"), story(jammer, "team"));
}

TEST(SameLuck, RemoteIdDrawsBelongToTheirFlight) {
    // removing one written flight changes no other drone's Remote ID
    std::string text = kHead + "categories: {hobby: {remote-id: 50%}}\nflights:\n" + hover("w", 0.0, 60.0);
    for (int i = 0; i < 20; ++i)
        text += hover("d" + std::to_string(i), 100.0 * i, 60.0);
    text += "variants:\n  fewer: {remove: [flights.w]}\n";
    auto cooperative = [&](const std::string& variant) {
        scenario::LoadResult r = scenario::loadScenarioText(text, "test.yaml", {variant, {}, {}});
        const CompiledScenario m = compile(*r.scenario);
        World w = makeWorld(m, r.scenario->seed);
        std::map<std::string, bool> out;
        for (std::size_t i = 0; i < w.flights.size(); ++i)
            out[w.flights[i].flight.id] = w.defence.cooperative[i];
        out.erase("w");
        return out;
    };
    const auto base = cooperative(""), fewer = cooperative("fewer");
    ASSERT_EQ(base.size(), 20u);
    EXPECT_EQ(base, fewer);
}

} // namespace
} // namespace nofly::sim
