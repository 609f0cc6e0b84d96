// One ledger: every planned flight has exactly one final outcome (flown,
// violated, neutralised, cancelled, pending), the outcomes add up to the
// flights planned for the total and every category, and the summary,
// report.json, flights.csv and the comparison all say the same.
#include "report/compare.hpp"
#include "report/html.hpp"
#include "report/ledger.hpp"
#include "report/run_files.hpp"
#include "report/run_record.hpp"

#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

namespace nofly::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::HasSubstr;

/// A scenario file run to its end (or to `until`), with its metrics.
class FileRun {
public:
    explicit FileRun(const std::string& path, const std::string& variant = "", core::Instant until = -1) {
        scenario::LoadOptions options;
        options.variant = variant;
        auto loaded = scenario::loadScenarioFile(path, options);
        if (!loaded.scenario) throw std::runtime_error(path + " does not load");
        scenario = std::move(*loaded.scenario);
        const sim::CompiledScenario compiled = sim::compile(scenario);
        world = sim::makeWorld(compiled, scenario.seed);
        run.scenario = &scenario;
        run.world = &world;
        run.events = sim::runToEnd(compiled, world, until);
        run.metrics = computeMetrics(scenario, world, run.events);
        run.expectations = checkExpectations(scenario, world, run.metrics);
    }
    FileRun(const FileRun&) = delete;
    FileRun& operator=(const FileRun&) = delete;

    scenario::Scenario scenario;
    sim::World world;
    RunRecord run;
};

const std::string kEveryOutcome = std::string(NOFLY_TEST_DATA_DIR) + "/ledger/every_outcome.yaml";

/// The outcomes and took_off add up, for the total and every category.
void expectAddsUp(const Metrics& m, const std::string& what) {
    EXPECT_TRUE(addsUp(m.total)) << what << ": total";
    EXPECT_EQ(m.total.flown + m.total.caught + m.total.violated + m.total.neutralised + m.total.cancelled +
                  m.total.pending,
              m.total.planned)
        << what;
    for (const auto& [id, c] : m.byCategory) {
        EXPECT_TRUE(addsUp(c)) << what << ": category " << id;
        EXPECT_EQ(c.flown + c.caught + c.violated + c.neutralised + c.cancelled + c.pending, c.planned)
            << what << ": " << id;
    }
}

TEST(Ledger, EveryPlannedFlightHasOneOutcome) {
    const FileRun r(kEveryOutcome);
    const Counts& t = r.run.metrics.total;
    EXPECT_EQ(t.planned, 8);
    EXPECT_EQ(t.flown, 3); // rerouted, authorised, waited
    EXPECT_EQ(t.caught, 1); // inside a zone that switched on in flight: out, then home
    EXPECT_EQ(t.violated, 1);
    EXPECT_EQ(t.neutralised, 1);
    EXPECT_EQ(t.cancelled, 1);
    EXPECT_EQ(t.pending, 1); // still waiting for an answer due after the end
    EXPECT_EQ(t.tookOff, 6);
    expectAddsUp(r.run.metrics, "every_outcome.yaml");
    for (const ExpectationResult& e : r.run.expectations)
        EXPECT_TRUE(e.passed) << e.actual;
}

TEST(Ledger, FlagsAreCountedApartFromOutcomes) {
    const FileRun r(kEveryOutcome);
    const Counts& t = r.run.metrics.total;
    // a rerouted flight is flagged, and its extra km go with it
    EXPECT_EQ(t.rerouted, 1);
    EXPECT_GT(t.extraKm, 0.1);
    EXPECT_EQ(t.authorised, 1);
    EXPECT_EQ(t.waited, 1);
    EXPECT_EQ(t.denied, 0);
    // 5 min for the authorisation, 10 min for the zone to end
    EXPECT_DOUBLE_EQ(t.delayMinutes, 15.0);
    EXPECT_DOUBLE_EQ(metricValue(t, "delay_minutes"), 15.0);
    EXPECT_DOUBLE_EQ(metricValue(t, "mean_delay_minutes"), 2.5);
    EXPECT_EQ(metricValue(t, "took_off"), 6.0);
    EXPECT_EQ(metricValue(t, "pending"), 1.0);
}

TEST(Ledger, UntilLeavesTheFlightsNotYetDuePending) {
    // at 10:12 three flights are in the air or down; the rest are not due yet
    const FileRun whole(kEveryOutcome);
    const FileRun r(kEveryOutcome, "", whole.scenario.time.start + 12 * 60000);
    const Counts& t = r.run.metrics.total;
    EXPECT_EQ(t.planned, 8);
    EXPECT_EQ(t.pending, 5);
    EXPECT_EQ(t.tookOff, 3);
    expectAddsUp(r.run.metrics, "until 10:12");
}

TEST(Ledger, SummaryFirstLineAddsUp) {
    const FileRun r(kEveryOutcome);
    const std::string summary = summaryTable(r.run);
    EXPECT_THAT(summary,
                HasSubstr("8 flights planned: 3 flown, 1 caught by a new zone, 1 violated, 1 neutralised, 1 cancelled, "
                          "1 pending\n"));
    EXPECT_THAT(
        summary,
        HasSubstr("along the way: 1 authorised, 0 refused an authorisation, 1 rerouted (0.2 km extra), "
                  "1 waited for a zone to end\n"));
    EXPECT_THAT(summary, HasSubstr("6 took off, 15.0 min later than planned in all (mean 2.5 min)"));
}

TEST(Ledger, HandoutSaysWhatTheSummarySays) {
    const FileRun r(kEveryOutcome);
    const std::string page = runHtml(r.run, "<svg/>");
    EXPECT_THAT(page,
                HasSubstr("8 flights planned: 3 flown, 1 caught by a new zone, 1 violated, 1 neutralised, "
                                "1 cancelled, 1 pending."));
    EXPECT_THAT(page, HasSubstr("<th>neutralised</th>"));
}

TEST(Ledger, ReportJsonOutcomesAddUp) {
    const FileRun r(kEveryOutcome);
    const json metrics = json::parse(reportJson(r.run))["metrics"];
    auto check = [](const json& c, const std::string& what) {
        int sum = 0;
        for (const auto& [outcome, n] : c["outcomes"].items())
            sum += n.get<int>();
        EXPECT_EQ(sum, c["planned"].get<int>()) << what;
        EXPECT_EQ(c["took_off"].get<int>(), c["outcomes"]["flown"].get<int>() + c["outcomes"]["caught"].get<int>() +
                                                c["outcomes"]["violated"].get<int>() +
                                                c["outcomes"]["neutralised"].get<int>())
            << what;
        EXPECT_EQ(c["outcomes"].size(), kFinalOutcomes.size()) << what;
    };
    check(metrics["total"], "total");
    EXPECT_EQ(metrics["total"]["outcomes"]["pending"], 1);
    EXPECT_EQ(metrics["total"]["flags"]["rerouted"], 1);
    ASSERT_EQ(metrics["by_category"].size(), 3u);
    for (const auto& [id, c] : metrics["by_category"].items())
        check(c, id);
    // a zone plans nothing: no outcomes there, only what it caused
    EXPECT_FALSE(metrics["by_zone"]["helipad"].contains("outcomes"));
    EXPECT_EQ(metrics["by_zone"]["helipad"]["rerouted"], 1);
}

TEST(Ledger, FlightsCsvHasOneOutcomeARowFromTheClosedList) {
    const FileRun r(kEveryOutcome);
    std::istringstream csv(flightsCsv(r.run));
    std::string line;
    std::getline(csv, line);
    EXPECT_EQ(line,
              "flight,category,generator,behaviour,outcome,authorised,denied,rerouted,waited,depart_planned,"
              "departed,delay_min,landed,planned_km,flown_km,violations,violation_s");
    std::map<std::string, int> outcomes;
    std::map<std::string, std::string> byFlight;
    int rows = 0;
    while (std::getline(csv, line)) {
        std::vector<std::string> f;
        std::stringstream fields(line);
        for (std::string x; std::getline(fields, x, ',');)
            f.push_back(x);
        ASSERT_GE(f.size(), 9u) << line;
        bool known = false;
        for (FinalOutcome o : kFinalOutcomes)
            known = known || f[4] == name(o);
        EXPECT_TRUE(known) << f[4];
        ++outcomes[f[4]], ++rows;
        byFlight[f[0]] = f[4] + (f[5] == "1" ? "+authorised" : "") + (f[7] == "1" ? "+rerouted" : "") +
                         (f[8] == "1" ? "+waited" : "");
    }
    const Counts& t = r.run.metrics.total;
    EXPECT_EQ(rows, t.planned);
    EXPECT_EQ(outcomes["flown"], t.flown);
    EXPECT_EQ(outcomes["caught"], t.caught);
    EXPECT_EQ(outcomes["violated"], t.violated);
    EXPECT_EQ(outcomes["neutralised"], t.neutralised);
    EXPECT_EQ(outcomes["cancelled"], t.cancelled);
    EXPECT_EQ(outcomes["pending"], t.pending);
    EXPECT_EQ(byFlight["careful"], "flown+rerouted");
    EXPECT_EQ(byFlight["careless"], "violated");
    EXPECT_EQ(byFlight["intruder"], "neutralised");
    EXPECT_EQ(byFlight["harbour-survey"], "pending");
    EXPECT_EQ(byFlight["stuck"], "cancelled");
    EXPECT_EQ(byFlight["castle-photos"], "flown+authorised");
    EXPECT_EQ(byFlight["market-photos"], "flown+waited");
    EXPECT_EQ(byFlight["surprised"], "caught");
}

TEST(Ledger, ComparisonTableAgrees) {
    const FileRun r(kEveryOutcome);
    Comparison c;
    c.title = "One ledger";
    c.variants.push_back({"", "", {1}, {r.run.metrics.total}, "", ""});
    const std::string table = comparisonTable(c);
    // each outcome row, and their sum against the planned row
    auto row = [&](const std::string& label) {
        const std::regex pattern("\n  " + label + " +([0-9.]+)\n");
        std::smatch m;
        EXPECT_TRUE(std::regex_search(table, m, pattern)) << label << " in\n" << table;
        return m.size() > 1 ? std::stod(m[1]) : -1.0;
    };
    const double planned = row("flights planned");
    double sum = 0.0;
    for (FinalOutcome o : kFinalOutcomes)
        sum += row("outcome: " + std::string(name(o)));
    EXPECT_EQ(planned, 8.0);
    EXPECT_EQ(sum, planned);
    EXPECT_EQ(row("outcome: pending"), 1.0);
    EXPECT_EQ(row("rerouted"), 1.0);
}

TEST(Ledger, OutcomeWordsMatchOutcomesAndFlags) {
    FlightLedger f;
    f.outcome = FinalOutcome::Flown;
    f.tookOff = true;
    EXPECT_TRUE(matchesOutcomeWord(f, "flown"));
    EXPECT_TRUE(matchesOutcomeWord(f, "allowed")); // flown with no flag
    EXPECT_FALSE(matchesOutcomeWord(f, "rerouted"));
    f.rerouted = true;
    EXPECT_TRUE(matchesOutcomeWord(f, "rerouted"));
    EXPECT_FALSE(matchesOutcomeWord(f, "allowed"));
    EXPECT_EQ(describe(f), "flown (rerouted)");
    // refused an authorisation and cancelled: both words hold
    FlightLedger g;
    g.outcome = FinalOutcome::Cancelled;
    g.denied = true;
    EXPECT_TRUE(matchesOutcomeWord(g, "cancelled"));
    EXPECT_TRUE(matchesOutcomeWord(g, "denied"));
    EXPECT_FALSE(matchesOutcomeWord(g, "flown"));
    EXPECT_EQ(describe(g), "cancelled (denied)");
    // a rerouted flight that then violated a zone is still flagged rerouted
    f.outcome = FinalOutcome::Violated;
    EXPECT_TRUE(matchesOutcomeWord(f, "violated"));
    EXPECT_TRUE(matchesOutcomeWord(f, "rerouted"));
}

/// Every shipped scenario under every variant: the outcomes add up.
TEST(Ledger, ShippedScenariosAddUpInEveryVariant) {
    for (const char* folder : {"scenarios/denmark_2025", "scenarios/tutorial", "scenarios/world"})
        for (const auto& entry : fs::directory_iterator(fs::path(NOFLY_SOURCE_DIR) / folder)) {
            if (entry.path().extension() != ".yaml" || entry.path().filename().string()[0] == '_') continue;
            const auto loaded = scenario::loadScenarioFile(entry.path().string());
            ASSERT_TRUE(loaded.scenario) << entry.path();
            std::vector<std::string> variants = {""};
            for (const auto& v : loaded.scenario->variants)
                variants.push_back(v.id);
            for (const std::string& variant : variants) {
                const FileRun r(entry.path().string(), variant);
                expectAddsUp(r.run.metrics, entry.path().filename().string() + " " + variant);
                EXPECT_GT(r.run.metrics.total.planned, 0) << entry.path();
            }
        }
}

} // namespace
} // namespace nofly::report
