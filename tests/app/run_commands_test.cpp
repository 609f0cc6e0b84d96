// nofly run, where and explain as a user runs them: every shipped scenario
// under every variant meets its own expect: lines, files are written whole,
// and the answers name the zones and the rules.
#include "nofly_process.hpp"
#include "scenario/loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
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
    for (const char* folder : {"scenarios/denmark_2025", "scenarios/tutorial"})
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
                         [](const auto& info) {
                             std::string name = info.param.first + "_" + (info.param.second.empty() ? "base" : info.param.second);
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

TEST(RunCommand, PrintsTheSummaryAndExpectations) {
    const Outcome o = nofly("run scenarios/tutorial/01_one_zone_one_flight.yaml");
    EXPECT_EQ(o.exit, 0);
    EXPECT_THAT(o.out, HasSubstr("2 flights planned, 2 flown"));
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

TEST(RunCommand, FailedExpectationExitsOneAndNamesTheLine) {
    const fs::path dir = fs::temp_directory_path() / ("nofly-expect-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "s.yaml") << "title: T\ntime: {start: 2025-06-14T10:00+02:00, end: +1 h}\n"
                                     "map: {origin: {lat: 55.69, lon: 12.56}}\n"
                                     "flights: [{id: f, category: hobby, depart: 10:10, from: [0, 0], to: [1 km, 0]}]\n"
                                     "expect:\n  - {flight: f, outcome: cancelled}\n";
    const Outcome o = nofly("run --quiet '" + (dir / "s.yaml").string() + "'");
    EXPECT_EQ(o.exit, 1);
    EXPECT_THAT(o.out, HasSubstr("s.yaml:6:5: error: expectation not met: flight 'f' was allowed"));
    fs::remove_all(dir);
}

TEST(RunCommand, UntilStopsEarlyAndBadTimeIsAUsageError) {
    EXPECT_EQ(nofly("run --quiet scenarios/tutorial/01_one_zone_one_flight.yaml --until 10:05").exit, 1);
    EXPECT_EQ(nofly("run --quiet scenarios/tutorial/01_one_zone_one_flight.yaml --until 25:99").exit, 2);
    EXPECT_EQ(nofly("run --quiet scenarios/tutorial/01_one_zone_one_flight.yaml --variant nope").exit, 1);
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
    const Outcome o = nofly("where scenarios/denmark_2025/summit_ban.yaml --variant status-quo --at EKCH --time 09:00");
    EXPECT_THAT(o.out, HasSubstr("Only with an authorisation"));
    EXPECT_EQ(nofly("where scenarios/denmark_2025/summit_ban.yaml --at nowhere").exit, 2);
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

} // namespace
