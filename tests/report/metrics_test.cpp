// The metrics of a run: near_misses counts every near miss, those a summary
// event stands for included (docs/simulation.md, "Near misses in a crowd");
// the one table of metrics agrees with the scenario language's list, refuses
// a name it does not have, and is what report.json writes.
#include "report/run_record.hpp"

#include "lesson_run.hpp"
#include "palace.hpp"
#include "report/ledger.hpp"
#include "report/run_files.hpp"
#include "scenario/keys.hpp"
#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace nofly::report {
namespace {

TEST(Metrics, NearMissesCountThoseASummaryStandsFor) {
    // two categories of 150 drones each, all taking off at once within a metre of each other
    const std::string text =
        "title: T\n"
        "time: {start: 2025-06-14T10:00+02:00, end: +1 min, step: 1 s}\n"
        "map: {origin: {lat: 55.69, lon: 12.56}}\n"
        "traffic:\n"
        "  - {id: h, category: hobby, count: 150, area: {circle: {center: [0, 0], radius: 1 m}}, "
        "depart: {between: [10:00, 10:00]}}\n"
        "  - {id: p, category: photo, count: 150, area: {circle: {center: [0, 0], radius: 1 m}}, "
        "depart: {between: [10:00, 10:00]}}\n";
    const scenario::LoadResult loaded = scenario::loadScenarioText(text, "test.yaml");
    ASSERT_TRUE(loaded.scenario);
    const scenario::Scenario& s = *loaded.scenario;
    const sim::CompiledScenario worldModel = sim::compile(s);
    sim::World world = sim::makeWorld(worldModel, s.seed);
    const std::vector<sim::Event> events = sim::runToEnd(worldModel, world);

    // what the events say, summaries by their value, by the category of their first flight
    std::map<std::string, int> byCategory;
    int listed = 0, summaries = 0, total = 0;
    for (const sim::Event& e : events) {
        if (e.type != sim::EventType::NearMiss) continue;
        const int n = e.other < 0 ? static_cast<int>(e.value) : 1;
        (e.other < 0 ? summaries : listed) += 1;
        total += n;
        byCategory[world.flights[static_cast<std::size_t>(e.flight)].flight.category] += n;
    }
    ASSERT_GT(summaries, 0);
    EXPECT_GE(total, 300 * 299 / 2); // every pair at the first check in the air
    EXPECT_LT(listed + summaries, total / 10);

    const Metrics m = computeMetrics(s, world, events);
    EXPECT_EQ(m.total.nearMisses, total);
    EXPECT_EQ(m.byCategory.at("hobby").nearMisses, byCategory["hobby"]);
    EXPECT_EQ(m.byCategory.at("photo").nearMisses, byCategory["photo"]);
}

TEST(MetricTable, ExpectMetricsAreTheTablesInItsOrder) {
    // the loader checks `expect: {metric: ...}` against keys::kMetrics, the report computes from the table
    std::vector<std::string> names;
    for (const Metric& m : kMetricTable)
        names.emplace_back(m.name);
    EXPECT_EQ(names, scenario::keys::kMetrics);
}

TEST(MetricTable, AnUnknownNameIsAnErrorNotAZero) {
    Counts c;
    c.planned = 3;
    EXPECT_EQ(metricValue(c, "planned"), 3.0);
    EXPECT_EQ(findMetric("planed"), nullptr);
    EXPECT_THROW(metricValue(c, "planed"), std::invalid_argument);
}

TEST(MetricTable, EveryFinalOutcomeIsAMetric) {
    for (FinalOutcome o : kFinalOutcomes) {
        const Metric* m = findMetric(name(o));
        ASSERT_NE(m, nullptr) << name(o);
        EXPECT_TRUE(isOutcome(*m)) << name(o);
    }
    EXPECT_FALSE(isOutcome(metric("took_off")));
}

TEST(MetricTable, EachRowIsComputedOneWay) {
    // a count, a summed amount or a function of the counts, exactly one of them
    // (the compile-time check in metrics.hpp cannot see the function under -fsanitize)
    for (const Metric& m : kMetricTable) {
        const int ways = (m.count ? 1 : 0) + (m.amount ? 1 : 0) + (m.derived ? 1 : 0);
        EXPECT_EQ(ways, 1) << m.name;
    }
}

TEST(MetricTable, ValuesComeFromTheirCounts) {
    Counts c;
    c.tookOff = 4, c.delayMinutes = 10.0, c.unknownTracks = 8, c.harmlessUnknown = 2, c.extraKm = 1.25;
    EXPECT_EQ(metric("took_off").value(c), 4.0);
    EXPECT_EQ(metric("mean_delay_minutes").value(c), 2.5);
    EXPECT_EQ(metric("confusion").value(c), 0.25);
    EXPECT_EQ(metric("extra_km").value(c), 1.25);
    EXPECT_EQ(metric("time_to_detect").value(c), 0.0); // nothing detected: no mean
}

TEST(MetricTable, ReportJsonWritesEveryMetric) {
    testing::LessonRun lesson;
    lesson.run.metrics = computeMetrics(lesson.scenario, lesson.world, lesson.run.events);
    lesson.run.metrics.total.defence = true; // so that "detection" is written too
    lesson.run.metrics.total.queues = true;  // and the queues' figures
    const nlohmann::json total = nlohmann::json::parse(reportJson(lesson.run)).at("metrics").at("total");
    const nlohmann::json detection =
        nlohmann::json::parse(reportJson(lesson.run)).at("metrics").at("detection");
    for (const Metric& m : kMetricTable) {
        const std::string key(m.jsonKey.empty() ? m.name : m.jsonKey);
        const nlohmann::json& group = m.part == Part::Defence ? detection
                                      : m.part == Part::Flag  ? total.at("flags")
                                                              : total;
        if (isOutcome(m)) {
            EXPECT_TRUE(total.at("outcomes").contains(key)) << key;
        }
        if (!isOutcome(m) || m.part == Part::Defence) {
            EXPECT_TRUE(group.contains(key)) << key;
        }
    }
    EXPECT_EQ(total.at("outcomes").at("violated"), 1); // the careless pilot
    EXPECT_EQ(total.at("flags").at("rerouted"), 1);    // the careful one
}

// issue 16's yardstick: drone-minutes near a protected place, whatever the rules say. A pilot who
// ignores the ban crosses the palace's disc along its diameter (1 km at 10 m/s: 100 s) under every
// policy; a careful one crosses it off-centre without the ban and flies round the ban with it.

Metrics palaceRun(const std::string& variant) {
    scenario::LoadOptions options;
    options.variant = variant;
    const scenario::LoadResult loaded = scenario::loadScenarioText(testing::kPalace, "palace.yaml", options);
    if (!loaded.scenario) throw std::runtime_error("the palace scenario does not load");
    const sim::CompiledScenario worldModel = sim::compile(*loaded.scenario);
    sim::World world = sim::makeWorld(worldModel, loaded.scenario->seed);
    const std::vector<sim::Event> events = sim::runToEnd(worldModel, world);
    return computeMetrics(*loaded.scenario, world, events);
}

TEST(Yardstick, DroneMinutesNearAProtectedPlaceAreTimeInsideItsDisc) {
    const Metrics m = palaceRun("");
    EXPECT_TRUE(m.total.protects);
    // 1000 m at 10 m/s; the careful pilot's chord at 300 m off centre is 2 * 400 m: 80 s
    EXPECT_NEAR(m.byCategory.at("hobby").nearProtectedMinutes, 100.0 / 60.0, 1e-6);
    EXPECT_NEAR(m.byCategory.at("photo").nearProtectedMinutes, 80.0 / 60.0, 1e-6);
    EXPECT_NEAR(metricValue(m.total, "near_protected_minutes"), 180.0 / 60.0, 1e-6);
}

TEST(Yardstick, TheSamePathCountsTheSameUnderEveryPolicy) {
    const Metrics base = palaceRun(""), ban = palaceRun("ban");
    // the heedless pilot flies the same path: its own rules call it a violation only under the ban
    EXPECT_EQ(base.byCategory.at("hobby").violationMinutes, 0.0);
    EXPECT_GT(ban.byCategory.at("hobby").violationMinutes, 0.0);
    EXPECT_EQ(ban.byCategory.at("hobby").nearProtectedMinutes,
              base.byCategory.at("hobby").nearProtectedMinutes);
    // what the ban prevents: the careful pilot goes round, outside the palace's disc
    EXPECT_EQ(ban.byCategory.at("photo").nearProtectedMinutes, 0.0);
}

TEST(Yardstick, AScenarioWithNothingToProtectShowsNoYardstick) {
    testing::LessonRun lesson;
    const Metrics m = computeMetrics(lesson.scenario, lesson.world, lesson.run.events);
    EXPECT_FALSE(m.total.protects);
    EXPECT_EQ(m.total.nearProtectedMinutes, 0.0);
    EXPECT_FALSE(metric("near_protected_minutes").shown(m.total));
}

// issue 16's dispensation queue: 6 decisions an hour, each answered 30 min after it is taken up; four
// requests worked out by hand (a: 10:00, taken up at once; b: 10:00, after a's 10 min turn; c: 10:05,
// after b's; d: 11:00, every turn run out): waits of 0, 10, 15 and 0 min, at most 2 waiting at once
constexpr const char* kQueue = R"(
title: Queue
time: {start: 2025-10-01T10:00+02:00, end: +3 h, step: 1 s}
map: {origin: {lat: 55.69, lon: 12.56}}
zones:
  - id: ban
    restriction: prohibited
    shape: {circle: {center: [0, 0], radius: 3 km}}
    dispensations: {capacity: 6 per hour, decision: 30 min}
flights:
  - {id: a, category: medical, depart: 10:00, behaviour: compliant, from: [-1 km, 0], to: [1 km, 0]}
  - {id: b, category: emergency, depart: 10:00, behaviour: compliant, from: [-1 km, 0], to: [1 km, 0]}
  - {id: c, category: medical, depart: 10:05, behaviour: compliant, from: [-1 km, 0], to: [1 km, 0]}
  - {id: d, category: medical, depart: 11:00, behaviour: compliant, from: [-1 km, 0], to: [1 km, 0]}
)";

struct QueueRun {
    scenario::Scenario scenario;
    sim::World world;
    RunRecord run;
};

/// A scenario run to its end, with its metrics.
void runQueue(const std::string& text, QueueRun& out) {
    const scenario::LoadResult loaded = scenario::loadScenarioText(text, "queue.yaml");
    if (!loaded.scenario) throw std::runtime_error("the queue scenario does not load");
    out.scenario = *loaded.scenario;
    const sim::CompiledScenario compiled = sim::compile(out.scenario);
    out.world = sim::makeWorld(compiled, out.scenario.seed);
    out.run.scenario = &out.scenario;
    out.run.world = &out.world;
    out.run.events = sim::runToEnd(compiled, out.world);
    out.run.metrics = computeMetrics(out.scenario, out.world, out.run.events);
}

// issue 16: the yardstick and the police's work, place by place. An airport (closure radius 3 km) and a
// palace 10 km east (radius 1 km), each with its own team that never succeeds (so no path is cut
// short); one hostile drone loiters by the airport, another crosses the palace along its diameter
// (2 km at 10 m/s: 200 s) and lands 2 km beyond it.
constexpr const char* kTwoPlaces = R"(
title: Two places
seed: 3
time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}
map: {origin: {lat: 55.69, lon: 12.56}}
airports:
  - {id: TEST, name: Test airport, at: [0, 0], closure: {radius: 3 km, quiet: 10 min}}
sites:
  - {id: palace, name: The palace, at: [10 km, 0], radius: 1 km}
sensors:
  - {id: radar, type: radar, at: [5 km, 0], range: 1000 km, probability: 100%, update: 1 s, latency: 5 s}
responders:
  - {id: airport-team, type: police, base: [0, 1 km], speed: 20 m/s, neutralise: 60 s, success: 0%, protects: [TEST]}
  - {id: palace-team, type: police, base: [10 km, 3 km], speed: 20 m/s, neutralise: 60 s, success: 0%, protects: [palace]}
flights:
  - {id: loiterer, category: hobby, behaviour: hostile, depart: 10:05, from: [2 km, 0], to: [1 km, 0],
     speed: 10 m/s, altitude: 60 m}
  - {id: crosser, category: hobby, behaviour: hostile, depart: 10:05, from: [8 km, 0], to: [12 km, 0],
     speed: 10 m/s, altitude: 60 m}
)";

TEST(ByPlace, EachProtectedPlaceHasItsMinutesItsDispatchesAndItsClosures) {
    QueueRun r;
    runQueue(kTwoPlaces, r);
    const Metrics& m = r.run.metrics;
    ASSERT_EQ(m.byPlace.size(), 2u);
    const Counts &airport = m.byPlace.at("TEST"), &palace = m.byPlace.at("palace");
    // the crosser is within the palace's disc for 200 s, and never within 3 km of the airport; the
    // loiterer is within the airport's from take-off to landing
    EXPECT_NEAR(palace.nearProtectedMinutes, 200.0 / 60.0, 1e-6);
    const sim::Drone& loiterer = r.world.drones[0];
    ASSERT_GE(loiterer.landedAt, 0);
    EXPECT_NEAR(airport.nearProtectedMinutes,
                static_cast<double>(loiterer.landedAt - loiterer.departedAt) / 60000.0, 1e-6);
    EXPECT_NEAR(airport.nearProtectedMinutes + palace.nearProtectedMinutes, m.total.nearProtectedMinutes,
                1e-9);
    // each team is sent for its own place, and the places add up to the run
    EXPECT_GT(airport.responderJobs, 0);
    EXPECT_GT(palace.responderJobs, 0);
    EXPECT_EQ(airport.responderJobs + palace.responderJobs, m.total.responderJobs);
    EXPECT_GT(palace.responderMinutes, 0.0);
    EXPECT_NEAR(airport.responderMinutes + palace.responderMinutes, m.total.responderMinutes, 1e-9);
    // only the airport closes
    EXPECT_EQ(airport.closures, 1);
    EXPECT_EQ(palace.closures, 0);
    EXPECT_DOUBLE_EQ(airport.closureMinutes, m.total.closureMinutes);

    // report.json: a row a place, closures only for the airport
    const nlohmann::json byPlace = nlohmann::json::parse(reportJson(r.run)).at("metrics").at("by_place");
    EXPECT_EQ(byPlace.at("palace").at("responder_jobs"), palace.responderJobs);
    EXPECT_FALSE(byPlace.at("palace").contains("closures"));
    EXPECT_EQ(byPlace.at("TEST").at("closures"), 1);
    EXPECT_DOUBLE_EQ(byPlace.at("palace").at("near_protected_minutes").get<double>(), 3.33);
    // the summary's table, and the dispatch's place in events.csv and in its sentence
    EXPECT_NE(summaryTable(r.run).find("By protected place"), std::string::npos);
    // the detection line adds up: the flights' tracks and the false alarms
    const Counts& t = m.total;
    EXPECT_NE(summaryTable(r.run).find("Detection: " + std::to_string(t.tracks) +
                                       " tracks: " + std::to_string(t.tracks - t.falseAlarms) + " from the " +
                                       std::to_string(t.detected) + " flights detected, " +
                                       std::to_string(t.falseAlarms) + " false alarms; "),
              std::string::npos)
        << summaryTable(r.run);
    const std::string events = eventsCsv(r.run);
    EXPECT_NE(events.find(",dispatch,crosser,,,T2,palace,palace-team,"), std::string::npos) << events;
    EXPECT_NE(events.find("sent to track T2 near The palace,"), std::string::npos) << events;
    EXPECT_NE(events.find(",dispatch,loiterer,,,T1,TEST,airport-team,"), std::string::npos) << events;
}

TEST(ByPlace, AScenarioWithNothingToProtectHasNoPlaces) {
    testing::LessonRun lesson;
    lesson.run.metrics = computeMetrics(lesson.scenario, lesson.world, lesson.run.events);
    EXPECT_TRUE(lesson.run.metrics.byPlace.empty());
    EXPECT_FALSE(nlohmann::json::parse(reportJson(lesson.run)).at("metrics").contains("by_place"));
    EXPECT_EQ(summaryTable(lesson.run).find("By protected place"), std::string::npos);
}

TEST(QueueMetrics, WaitsInTheQueueMatchTheQueueWorkedOutByHand) {
    QueueRun q;
    runQueue(kQueue, q);
    const Metrics& m = q.run.metrics;
    EXPECT_TRUE(m.total.queues);
    EXPECT_EQ(metricValue(m.total, "queued"), 4.0);
    EXPECT_DOUBLE_EQ(metricValue(m.total, "mean_queue_wait_minutes"), (0.0 + 10.0 + 15.0 + 0.0) / 4.0);
    EXPECT_DOUBLE_EQ(metricValue(m.total, "longest_queue_wait_minutes"), 15.0);
    EXPECT_EQ(metricValue(m.total, "longest_queue"), 2.0);
    // by category: the emergency drone's one wait; by zone: all of them
    EXPECT_EQ(m.byCategory.at("emergency").queued, 1);
    EXPECT_DOUBLE_EQ(m.byCategory.at("emergency").queueWaitMinutes, 10.0);
    EXPECT_DOUBLE_EQ(metricValue(m.byCategory.at("medical"), "mean_queue_wait_minutes"), 5.0);
    EXPECT_EQ(m.byZone.at("ban").queued, 4);
    EXPECT_EQ(m.byZone.at("ban").longestQueue, 2);
    // the queue holds them on the ground: 30, 40, 45 and 30 min late
    EXPECT_DOUBLE_EQ(m.total.delayMinutes, 30.0 + 40.0 + 45.0 + 30.0);
    // written where a scenario has a queue: in report.json and the summary
    const nlohmann::json total = nlohmann::json::parse(reportJson(q.run)).at("metrics").at("total");
    EXPECT_EQ(total.at("queued"), 4);
    EXPECT_EQ(total.at("longest_queue_wait_minutes"), 15.0);
    EXPECT_NE(summaryTable(q.run).find("Queues: 4 requests queued for a decision, waiting 6.2 min on average "
                                       "(longest 15.0 min); the longest queue held 2"),
              std::string::npos)
        << summaryTable(q.run);
}

TEST(QueueMetrics, AScenarioWithoutAQueueShowsAndWritesNone) {
    testing::LessonRun lesson;
    lesson.run.metrics = computeMetrics(lesson.scenario, lesson.world, lesson.run.events);
    EXPECT_FALSE(lesson.run.metrics.total.queues);
    for (const char* name :
         {"queued", "mean_queue_wait_minutes", "longest_queue_wait_minutes", "longest_queue"}) {
        EXPECT_FALSE(findMetric(name)->shown(lesson.run.metrics.total)) << name;
        const nlohmann::json metrics = nlohmann::json::parse(reportJson(lesson.run)).at("metrics");
        EXPECT_FALSE(metrics.at("total").contains(name)) << name;
        EXPECT_FALSE(metrics.at("by_zone").at("helipad").contains(name)) << name;
    }
    EXPECT_EQ(summaryTable(lesson.run).find("Queues:"), std::string::npos);
}

} // namespace
} // namespace nofly::report
