// nofly run, where and explain as a user runs them: every shipped scenario
// under every variant meets its own expect: lines, files are written whole,
// and the answers name the zones and the rules.
#include "nofly_process.hpp"
#include "scenario/loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

using nofly::testing::nofly;
using nofly::testing::Outcome;

/// Every shipped scenario file with each of its variants ("" = base).
std::vector<std::pair<std::string, std::string>> shippedRuns() {
    std::vector<std::pair<std::string, std::string>> runs;
    std::vector<std::string> files;
    for (const char* folder : {"scenarios/denmark_2025", "scenarios/tutorial", "scenarios/world"})
        for (const auto& entry : fs::directory_iterator(fs::path(NOFLY_SOURCE_DIR) / folder))
            if (entry.path().extension() == ".yaml" && entry.path().filename().string()[0] != '_')
                files.push_back(fs::relative(entry.path(), NOFLY_SOURCE_DIR).string());
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
        runs.emplace_back(file, "");
        const auto loaded = nofly::scenario::loadScenarioFile((fs::path(NOFLY_SOURCE_DIR) / file).string());
        if (loaded.scenario)
            for (const auto& v : loaded.scenario->variants) runs.emplace_back(file, v.id);
    }
    return runs;
}

class ShippedRun : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(ShippedRun, MeetsItsExpectations) {
    const auto& [file, variant] = GetParam();
    const Outcome o = nofly("run --quiet " + file + (variant.empty() ? "" : " --variant " + variant));
    EXPECT_EQ(o.exit, 0) << o.out;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ShippedRun, ::testing::ValuesIn(shippedRuns()),
                         [](const auto& paramInfo) {
                             std::string name =
                                 paramInfo.param.first + "_" +
                                 (paramInfo.param.second.empty() ? "base" : paramInfo.param.second);
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

TEST(RunCommand, PrintsTheSummaryAndExpectations) {
    const Outcome o = nofly("run scenarios/tutorial/01_one_zone_one_flight.yaml");
    EXPECT_EQ(o.exit, 0);
    EXPECT_THAT(o.out,
                HasSubstr("2 flights planned: 1 flown, 0 caught by a new zone, 1 violated, 0 neutralised, 0 cancelled, 0 pending\n"));
    EXPECT_THAT(o.out, ::testing::ContainsRegex("PASS  line [0-9]+: flight 'careful-pilot' was rerouted"));
}

// `run --variant base` was refused while compare and expect: took "base"
TEST(RunCommand, VariantBaseIsTheScenarioAsWritten) {
    const Outcome plain = nofly("run scenarios/denmark_2025/summit_ban.yaml --until 09:00", false);
    const Outcome base = nofly("run scenarios/denmark_2025/summit_ban.yaml --until 09:00 --variant base", false);
    EXPECT_EQ(base.exit, plain.exit) << base.out;
    EXPECT_THAT(plain.out, HasSubstr("flights planned"));
    EXPECT_EQ(base.out, plain.out);
}

TEST(RunCommand, WritesEveryReportFile) {
    const fs::path dir = fs::temp_directory_path() / ("nofly-run-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const Outcome o = nofly("run --quiet scenarios/tutorial/01_one_zone_one_flight.yaml --out '" + dir.string() + "'");
    EXPECT_EQ(o.exit, 0) << o.out;
    for (const char* file : {"report.json", "events.csv", "flights.csv", "tracks.geojson", "map.svg"})
        EXPECT_GT(fs::file_size(dir / file), 100u) << file;
    // no temporary file is left behind
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos);
    std::ifstream events(dir / "events.csv");
    std::string header;
    std::getline(events, header);
    EXPECT_EQ(header, "tick,time,type,flight,zone,other,track,site,actor,x_m,y_m,lat,lon,value,text");
    fs::remove_all(dir);
}

TEST(RunCommand, AMeanTimeWithNothingToAverageIsADashInTheSummaryAndTheHandout) {
    // Kastrup as it was: the police try and fail all evening, so no drone is neutralised
    const fs::path dir = fs::temp_directory_path() / ("nofly-dash-" + std::to_string(::getpid()));
    const Outcome o = nofly("run scenarios/denmark_2025/kastrup_22_september.yaml --html --out '" + dir.string() + "'");
    EXPECT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out, HasSubstr("0 drones neutralised"));
    EXPECT_THAT(o.out, HasSubstr(", neutralise -\n"));
    std::ifstream html(dir / "report.html");
    std::stringstream page;
    page << html.rdbuf();
    EXPECT_THAT(page.str(), HasSubstr(" s / -</td>"));
    fs::remove_all(dir);
}

/// The numbers of a line such as "7 flights planned: 3 flown, 1 violated, ...".
std::map<std::string, int> outcomeCounts(const std::string& text) {
    std::map<std::string, int> out;
    std::smatch m;
    const std::regex line(
        "([0-9]+) flights planned: ([0-9]+) flown, ([0-9]+) caught by a new zone, ([0-9]+) violated, "
        "([0-9]+) neutralised, ([0-9]+) cancelled, ([0-9]+) pending\n");
    if (!std::regex_search(text, m, line)) return out;
    const char* names[] = {"planned", "flown", "caught", "violated", "neutralised", "cancelled", "pending"};
    for (std::size_t i = 0; i < 7; ++i) out[names[i]] = std::stoi(m[i + 1]);
    return out;
}

// issue 14, item 6: every planned flight ends in one outcome, and every output adds up to the flights planned
TEST(RunCommand, EveryPlannedFlightHasOneOutcomeInEveryOutput) {
    const fs::path dir = fs::temp_directory_path() / ("nofly-ledger-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const std::string file = "tests/data/ledger/every_outcome.yaml";
    const Outcome o = nofly("run " + file + " --out '" + dir.string() + "'");
    EXPECT_EQ(o.exit, 0) << o.out;

    // the summary: a violation, a neutralised intruder, one still waiting, and a reroute with its km
    std::map<std::string, int> summary = outcomeCounts(o.out);
    ASSERT_EQ(summary["planned"], 8) << o.out;
    EXPECT_EQ(summary["flown"] + summary["caught"] + summary["violated"] + summary["neutralised"] +
                  summary["cancelled"] + summary["pending"],
              summary["planned"]);
    EXPECT_EQ(summary["caught"], 1);
    EXPECT_EQ(summary["violated"], 1);
    EXPECT_EQ(summary["neutralised"], 1);
    EXPECT_EQ(summary["pending"], 1);
    EXPECT_THAT(o.out, HasSubstr("1 rerouted (0.2 km extra)"));

    // report.json: the same outcomes
    const nlohmann::json total =
        nlohmann::json::parse(nofly::testing::slurp(dir / "report.json"))["metrics"]["total"];
    for (const auto& [outcome, n] : total["outcomes"].items())
        EXPECT_EQ(n.get<int>(), summary[outcome]) << outcome;
    EXPECT_EQ(total["outcomes"].size(), 6u);
    EXPECT_EQ(total["planned"], 8);

    // flights.csv: one outcome a row, from the closed list, counted the same
    std::ifstream csv(dir / "flights.csv");
    std::string line;
    std::getline(csv, line);
    ASSERT_THAT(line, HasSubstr(",outcome,authorised,denied,rerouted,waited,"));
    std::map<std::string, int> rows;
    while (std::getline(csv, line)) {
        std::stringstream fields(line);
        std::string field;
        for (int i = 0; i < 5; ++i) std::getline(fields, field, ',');
        EXPECT_THAT((std::vector<std::string>{"flown", "caught", "violated", "neutralised", "cancelled", "pending"}),
                    ::testing::Contains(field));
        ++rows[field];
    }
    for (const char* outcome : {"flown", "caught", "violated", "neutralised", "cancelled", "pending"})
        EXPECT_EQ(rows[outcome], summary[outcome]) << outcome;

    // compare: the outcome rows of its table, the same again
    const Outcome compared = nofly("compare " + file);
    EXPECT_EQ(compared.exit, 0) << compared.out;
    for (const char* outcome : {"flown", "caught", "violated", "neutralised", "cancelled", "pending"}) {
        std::smatch m;
        const std::string label = std::string("outcome: ") + outcome;
        ASSERT_TRUE(std::regex_search(compared.out, m, std::regex("\n  " + label + " +([0-9]+)\n")))
            << compared.out;
        EXPECT_EQ(std::stoi(m[1]), summary[outcome]) << outcome;
    }
    fs::remove_all(dir);
}

TEST(RunCommand, UntilLeavesTheFlightsNotYetDuePending) {
    const Outcome o = nofly("run tests/data/ledger/every_outcome.yaml --until 10:12", false);
    std::map<std::string, int> summary = outcomeCounts(o.out);
    ASSERT_EQ(summary["planned"], 8) << o.out;
    EXPECT_EQ(summary["pending"], 5);
    EXPECT_EQ(summary["flown"] + summary["caught"] + summary["violated"] + summary["neutralised"] +
                  summary["cancelled"] + summary["pending"],
              8);
}

TEST(RunCommand, FailedExpectationExitsOneAndNamesTheLine) {
    const fs::path dir = fs::temp_directory_path() / ("nofly-expect-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "s.yaml") << "title: T\ntime: {start: 2025-06-14T10:00+02:00, end: +1 h}\n"
                                     "map: {origin: {lat: 55.69, lon: 12.56}}\n"
                                     "flights: [{id: f, category: hobby, depart: 10:10, from: [0, 0], to: [1 km, 0]}]\n"
                                     "expect:\n  - {flight: f, outcome: cancelled}\n";
    const Outcome o = nofly("run --quiet '" + (dir / "s.yaml").string() + "'");
    EXPECT_EQ(o.exit, 1);
    EXPECT_THAT(o.out,
                HasSubstr("s.yaml:6:5: error: expectation not met: flight 'f' was flown, not cancelled"));
    fs::remove_all(dir);
}

// issue 16: the handout says what the scenario expects and whether it held, in words, not
// "PASS line 6"; zones, categories and airports by their names where the scenario gives them
TEST(RunCommand, TheHandoutSaysWhatTheScenarioExpectsAndNamesTheZones) {
    const fs::path dir = fs::temp_directory_path() / ("nofly-claims-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "s.yaml")
        << "title: T\ntime: {start: 2025-06-14T10:00+02:00, end: +1 h}\n"
           "map: {origin: {lat: 55.69, lon: 12.56}}\n"
           "zones:\n"
           "  - {id: park-ban, name: Park closed for the concert, restriction: prohibited,\n"
           "     shape: {circle: {center: [1 km, 0], radius: 300 m}}}\n"
           "  - {id: no-name, restriction: prohibited, shape: {circle: {center: [0, 5 km], radius: 300 m}}}\n"
           "flights:\n"
           "  - {id: f, category: hobby, depart: 10:10, from: [1 km, 0], to: [2 km, 0]}\n"
           "  - {id: g, category: hobby, depart: 10:10, from: [-1 km, 0], to: [-2 km, 0]}\n"
           "expect:\n"
           "  - {flight: f, outcome: violated}\n"
           "  - {metric: violating, at_least: 1, at_most: 2}\n"
           "  - {zone: park-ban, metric: cancelled, equals: 3}\n";
    const Outcome o = nofly("run --quiet --html '" + (dir / "s.yaml").string() + "' --out '" +
                            (dir / "out").string() + "'");
    ASSERT_EQ(o.exit, 1) << o.out; // the third does not hold
    std::stringstream page;
    page << std::ifstream(dir / "out" / "report.html").rdbuf();
    const std::string html = page.str();
    EXPECT_THAT(html, HasSubstr("What the scenario expects, and whether it held"));
    EXPECT_THAT(html, HasSubstr("<td>flight &apos;f&apos; is violated <span class=\"ref\""));
    EXPECT_THAT(html, HasSubstr(">line 12</span></td><td class=\"held\">yes: it was</td>"));
    EXPECT_THAT(html, HasSubstr("<td>violated a zone at least once: between 1 and 2 flights <span"));
    EXPECT_THAT(html, HasSubstr("<td>cancelled in Park closed for the concert: exactly 3 flights <span"));
    EXPECT_THAT(html, HasSubstr(">line 14</span></td><td class=\"broken\">no: 0</td>"));
    EXPECT_THAT(html, ::testing::Not(HasSubstr("PASS")));
    EXPECT_THAT(html, ::testing::Not(HasSubstr("FAIL")));
    // the zone table: the name where there is one, the id where there is none
    EXPECT_THAT(html, HasSubstr("<tr><td>Park closed for the concert</td>"));
    EXPECT_THAT(html, HasSubstr("<tr><td>no-name</td>"));
    EXPECT_THAT(html, ::testing::Not(HasSubstr("<td>park-ban</td>")));
    // the terminal summary is for the writer, and keeps its PASS and line
    EXPECT_THAT(nofly("run '" + (dir / "s.yaml").string() + "'").out, HasSubstr("PASS  line 12:"));
    fs::remove_all(dir);
}

// issue 16: an invented timeline entry is marked where people read it: the event log and the handout
TEST(RunCommand, AnIllustrativeNoteIsMarkedInTheEventLogAndTheHandout) {
    const fs::path dir = fs::temp_directory_path() / ("nofly-illustrative-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "s.yaml") << "title: T\ntime: {start: 2025-06-14T10:00+02:00, end: +1 h}\n"
                                     "map: {origin: {lat: 55.69, lon: 12.56}}\n"
                                     "timeline:\n  - {at: 10:20, event: note, text: Leaders meet, illustrative: true}\n";
    const Outcome o = nofly("run --quiet --html '" + (dir / "s.yaml").string() + "' --out '" + (dir / "out").string() + "'");
    ASSERT_EQ(o.exit, 0) << o.out;
    std::stringstream events, html;
    events << std::ifstream(dir / "out" / "events.csv").rdbuf();
    html << std::ifstream(dir / "out" / "report.html").rdbuf();
    EXPECT_THAT(events.str(), HasSubstr(",note,") );
    EXPECT_THAT(events.str(), HasSubstr("Leaders meet (illustrative)"));
    EXPECT_THAT(html.str(), HasSubstr("Leaders meet (illustrative)"));
    fs::remove_all(dir);
}

// issue 16: Kastrup closed at about 20:26 on 22 September 2025 (Flightradar24, docs/sources/denmark_2025.md);
// the run's closure starts within a minute of it
TEST(RunCommand, KastrupClosesWithinAMinuteOfTheSourced2026) {
    const fs::path dir = fs::temp_directory_path() / ("nofly-kastrup-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    nofly("run --quiet scenarios/denmark_2025/kastrup_22_september.yaml --until 21:00 --out '" + dir.string() + "'",
          false);
    std::ifstream events(dir / "events.csv");
    std::string line, closed;
    while (std::getline(events, line))
        if (line.find(",site_closed,") != std::string::npos && line.find(",EKCH,") != std::string::npos) {
            closed = line;
            break;
        }
    // tick,time,...: the time's clock is characters 11-18 of "2025-09-22T20:26:07+02:00"
    ASSERT_FALSE(closed.empty()) << "no closure of EKCH before 21:00";
    const std::string time = closed.substr(closed.find(',') + 1, 25);
    EXPECT_EQ(time.substr(0, 11), "2025-09-22T");
    const std::string clock = time.substr(11, 8);
    EXPECT_GE(clock, "20:25:30") << closed;
    EXPECT_LE(clock, "20:27:00") << closed;
    fs::remove_all(dir);
}

TEST(RunCommand, UntilStopsEarlyAndBadTimeIsAUsageError) {
    EXPECT_EQ(nofly("run --quiet scenarios/tutorial/01_one_zone_one_flight.yaml --until 10:05").exit, 1);
    EXPECT_EQ(nofly("run --quiet scenarios/tutorial/01_one_zone_one_flight.yaml --until 25:99").exit, 2);
    EXPECT_EQ(nofly("run --quiet scenarios/tutorial/01_one_zone_one_flight.yaml --variant nope").exit, 2);
}

TEST(WhereCommand, ProhibitedInsideTheBanButNotForPolice) {
    const Outcome hobby = nofly("where scenarios/denmark_2025/summit_ban.yaml --at 55.6761,12.5803 --time 09:00");
    EXPECT_EQ(hobby.exit, 0);
    EXPECT_THAT(hobby.out, HasSubstr("No: Hobby pilots may not fly here then."));
    EXPECT_THAT(hobby.out, HasSubstr("Nationwide civil drone ban (prohibited): applies"));
    const Outcome police =
        nofly("where scenarios/denmark_2025/summit_ban.yaml --at summit-venue --time 09:00 --operator police");
    EXPECT_THAT(police.out, HasSubstr("Yes: no zone here forbids it then."));
    EXPECT_THAT(police.out, HasSubstr("Police are exempt"));
}

TEST(WhereCommand, StatusQuoNeedsAnAuthorisationNearTheAirport) {
    const Outcome o =
        nofly("where scenarios/denmark_2025/summit_ban.yaml --variant status-quo --at EKCH --time 09:00 "
              "--operator inspection");
    EXPECT_THAT(o.out, HasSubstr("Only with an authorisation"));
    EXPECT_EQ(nofly("where scenarios/denmark_2025/summit_ban.yaml --at nowhere").exit, 2);
}

TEST(WhereCommand, AnAuthorisationNeverGrantedToTheOperatorIsANo) {
    // the airport circle grants commercial and state operators only: a run refuses a hobby pilot at once
    const Outcome o =
        nofly("where scenarios/denmark_2025/summit_ban.yaml --variant status-quo --at EKCH --time 09:00");
    EXPECT_THAT(o.out,
                HasSubstr("No: Hobby pilots may not fly here then. The authorisation it needs is never "
                          "granted to Hobby pilots."));
    EXPECT_THAT(o.out, HasSubstr("not granted to Hobby pilots"));
}

TEST(WhereCommand, AnswersForAMomentNotAnEmptyInterval) {
    // "inside 1 Oct 09:00-09:00" was the stay of a point in time
    const Outcome o = nofly("where scenarios/denmark_2025/summit_ban.yaml --at summit-venue --time 09:00");
    EXPECT_EQ(o.exit, 0);
    EXPECT_THAT(o.out,
                HasSubstr("Nationwide civil drone ban (prohibited): applies: prohibited, in force 00:00 on "
                          "29 Sep to 00:00 on 4 Oct, at 09:00\n"));
    EXPECT_THAT(o.out, ::testing::Not(HasSubstr("09:00-09:00")));
}

TEST(WhereCommand, ATimeOutsideTheScenarioIsRefusedAndSaysWhen) {
    // its zones are laid out only over the run: an answer for another time could be wrong
    const Outcome later =
        nofly("where scenarios/denmark_2025/summit_ban.yaml --at summit-venue --time 14:00");
    EXPECT_EQ(later.exit, 2);
    EXPECT_THAT(later.out,
                HasSubstr("nofly where: --time 14:00 is after the scenario ends at 13:00; its zones are "
                          "known only while it runs (give a time within 07:00-13:00)\n"));
    const Outcome otherDay =
        nofly("where scenarios/denmark_2025/summit_ban.yaml --at summit-venue --time 2025-10-05T10:00+02:00");
    EXPECT_EQ(otherDay.exit, 2);
    EXPECT_THAT(otherDay.out,
                HasSubstr("--time 2025-10-05T10:00+02:00 (10:00 on 5 Oct) is after the scenario ends "
                          "at 13:00 on 1 Oct; its zones are known only while it runs (give a time "
                          "within 07:00-13:00 on 1 Oct)\n"));
    const Outcome earlier =
        nofly("where scenarios/denmark_2025/summit_ban.yaml --at summit-venue --time 06:59");
    EXPECT_EQ(earlier.exit, 2);
    EXPECT_THAT(earlier.out, HasSubstr("--time 06:59 is before the scenario starts at 07:00"));
    EXPECT_EQ(nofly("where scenarios/denmark_2025/summit_ban.yaml --at summit-venue --time 13:00").exit, 0);
}

TEST(ExplainCommand, EventTimesAreToTheSecond) {
    // the patrol lands at 08:08:46.598: a class reads 08:08:46
    const Outcome o = nofly("explain scenarios/denmark_2025/summit_ban.yaml police-patrol");
    EXPECT_EQ(o.exit, 0);
    EXPECT_THAT(o.out, HasSubstr("\n  08:08:46  landing: lands after"));
    EXPECT_THAT(o.out, ::testing::Not(HasSubstr("08:08:46.")));
}

TEST(ExplainCommand, PrintsTheVerdictCardAndEvents) {
    const Outcome o = nofly("explain scenarios/denmark_2025/summit_ban.yaml wedding-photos");
    EXPECT_EQ(o.exit, 0);
    EXPECT_THAT(o.out, HasSubstr("Flight wedding-photos (photo, compliant): cancelled"));
    EXPECT_THAT(o.out, HasSubstr("Nationwide civil drone ban (prohibited): applies"));
    EXPECT_THAT(o.out, HasSubstr("cancellation"));
    const Outcome unknown = nofly("explain scenarios/denmark_2025/summit_ban.yaml weding-photos");
    EXPECT_EQ(unknown.exit, 2);
    EXPECT_THAT(unknown.out, HasSubstr("did you mean 'wedding-photos'?"));
}

TEST(OneRuleBook, CheckRunWhereAndExplainAgreeOnAStandingAuthorisation) {
    // surveyors hold a standing authorisation for the prohibited disc they take off in
    const fs::path dir = fs::temp_directory_path() / ("nofly-rules-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string file = "'" + (dir / "s.yaml").string() + "'";
    std::ofstream(dir / "s.yaml")
        << "title: T\ntime: {start: 2025-06-14T10:00+02:00, end: +1 h}\n"
           "map: {origin: {lat: 55.69, lon: 12.56}}\n"
           "categories: {survey: {kind: commercial, authorisations: [disc]}}\n"
           "zones: [{id: disc, restriction: prohibited, shape: {circle: {center: [0, 0], "
           "radius: 500 m}}}]\n"
           "flights: [{id: f, category: survey, depart: 10:10, behaviour: compliant, "
           "from: [100 m, 0], to: [2 km, 0]}]\n";
    const Outcome check = nofly("check " + file);
    EXPECT_EQ(check.exit, 0);
    EXPECT_THAT(check.out, ::testing::Not(HasSubstr("warning")));
    const Outcome where = nofly("where " + file + " --at 100m,0m --time 10:10 --operator survey");
    EXPECT_THAT(where.out, HasSubstr("Yes: no zone here forbids it then."));
    EXPECT_THAT(where.out,
                HasSubstr("disc (prohibited): does not apply: survey hold a standing authorisation"));
    const Outcome explain = nofly("explain " + file + " f");
    EXPECT_THAT(explain.out,
                HasSubstr("disc (prohibited): does not apply: survey hold a standing authorisation"));
    EXPECT_THAT(explain.out, HasSubstr("departure: takes off"));
    EXPECT_THAT(explain.out, ::testing::Not(HasSubstr("cancellation")));
    EXPECT_THAT(explain.out, ::testing::Not(HasSubstr("violat")));
    fs::remove_all(dir);
}

} // namespace
