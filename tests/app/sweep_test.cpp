// nofly sweep as a workshop runs it: a grid of setting values over seeds, the
// same numbers whatever --jobs is, and the same again when the runs are sent
// out as independent jobs and merged.
#include "nofly_process.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using nofly::testing::nofly;
using nofly::testing::shell;
using nofly::testing::slurp;

const std::string kSweep = "sweep scenarios/denmark_2025/summit_ban.yaml --variant five-km-circles "
                           "--set 'zones.summit-circle.shape.circle.radius=1km..9km/4km' --seeds 2";

class Sweep : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("nofly-sweep-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    fs::path m_dir;
};

TEST_F(Sweep, FiguresDoNotDependOnJobs) {
    ASSERT_EQ(nofly(kSweep + " --jobs 1 --out '" + (m_dir / "one").string() + "'").exit, 0);
    ASSERT_EQ(nofly(kSweep + " --jobs 2 --out '" + (m_dir / "two").string() + "'").exit, 0);
    const std::string one = slurp(m_dir / "one" / "sweep.csv");
    EXPECT_EQ(one, slurp(m_dir / "two" / "sweep.csv"));
    // 3 radii x 2 seeds, after the header
    EXPECT_EQ(std::count(one.begin(), one.end(), '\n'), 7);
    EXPECT_THAT(one, HasSubstr("zones.summit-circle.shape.circle.radius,seed,planned"));
    EXPECT_THAT(one, HasSubstr("\n5 km,2026,"));
    const std::string summary = slurp(m_dir / "one" / "sweep_summary.csv");
    EXPECT_THAT(summary, HasSubstr("disrupted_mean,disrupted_ci95"));
    EXPECT_THAT(slurp(m_dir / "one" / "sweep_disrupted.svg"), HasSubstr("<svg"));
}

// issue 16: the chart's axes say the setting in words with its unit, and tick at round numbers;
// --metric twice gives a chart of each
TEST_F(Sweep, TheChartSaysTheSettingInWordsWithRoundTicks) {
    ASSERT_EQ(nofly("sweep scenarios/denmark_2025/summit_ban.yaml --variant five-km-circles --set "
                    "'zones.summit-circle.shape.circle.radius=1km..9km/4km' --metric near_protected_minutes "
                    "--metric disrupted "
                    "--out '" +
                    m_dir.string() + "'")
                  .exit,
              0);
    const std::string svg = slurp(m_dir / "sweep_near_protected_minutes.svg");
    EXPECT_THAT(svg, HasSubstr(">radius of summit-circle (km)</text>"));
    EXPECT_THAT(svg, ::testing::Not(HasSubstr("zones.summit-circle")));
    EXPECT_THAT(svg, HasSubstr(">drone-minutes near protected places (min)</text>"));
    // a chart each --metric: the benefit and the cost; a label that says its unit gets none added
    EXPECT_THAT(slurp(m_dir / "sweep_disrupted.svg"), HasSubstr(">legitimate flights disrupted</text>"));
    // 1, 5 and 9 km: ticks every 2 km from 0 to 10
    std::vector<std::string> ticks;
    for (std::size_t at = svg.find("class=\"x-tick\""); at != std::string::npos;
         at = svg.find("class=\"x-tick\"", at + 1)) {
        const std::size_t from = svg.find('>', at) + 1;
        ticks.push_back(svg.substr(from, svg.find('<', from) - from));
    }
    EXPECT_EQ(ticks, (std::vector<std::string>{"0", "2", "4", "6", "8", "10"}));
}

TEST_F(Sweep, AWiderCircleCancelsMore) {
    ASSERT_EQ(nofly(kSweep + " --out '" + m_dir.string() + "'").exit, 0);
    std::istringstream summary(slurp(m_dir / "sweep_summary.csv"));
    std::string line, header;
    std::getline(summary, header);
    // the column by its name: radius,runs,planned_mean,planned_ci95,flown_mean,...,cancelled_mean,...
    std::size_t column = 0;
    {
        std::stringstream names(header);
        for (std::string x; std::getline(names, x, ',') && x != "cancelled_mean";) ++column;
    }
    std::vector<double> cancelled;
    while (std::getline(summary, line)) {
        std::vector<std::string> f;
        std::stringstream fields(line);
        for (std::string x; std::getline(fields, x, ',');) f.push_back(x);
        ASSERT_LT(column, f.size()) << header;
        cancelled.push_back(std::stod(f[column]));
    }
    ASSERT_EQ(cancelled.size(), 3u);
    EXPECT_LT(cancelled[0], cancelled[2]);
}

TEST_F(Sweep, EmittedJobsMergedGiveTheSameTable) {
    ASSERT_EQ(nofly(kSweep + " --out '" + (m_dir / "direct").string() + "'").exit, 0);
    const auto jobs = nofly(kSweep + " --emit-jobs --out '" + (m_dir / "jobs").string() + "'");
    ASSERT_EQ(jobs.exit, 0);
    std::istringstream lines(jobs.out);
    int count = 0;
    for (std::string line; std::getline(lines, line);) {
        ASSERT_EQ(line.rfind("nofly sweep ", 0), 0u) << line;
        // run each job line as a user would, with this build's nofly
        ASSERT_EQ(nofly(line.substr(std::string("nofly ").size())).exit, 0) << line;
        ++count;
    }
    EXPECT_EQ(count, 6);
    ASSERT_EQ(nofly("sweep --merge " + (m_dir / "jobs").string() + "/job-* --out '" + (m_dir / "merged").string() + "'")
                  .exit,
              0);
    EXPECT_EQ(slurp(m_dir / "merged" / "sweep.csv"), slurp(m_dir / "direct" / "sweep.csv"));
}

TEST_F(Sweep, MistakesAreNamed) {
    const auto noSuchPath = nofly("sweep scenarios/denmark_2025/summit_ban.yaml --set 'zones.summit-circel.shape=1'");
    EXPECT_EQ(noSuchPath.exit, 1);
    EXPECT_THAT(noSuchPath.out, HasSubstr("--set zones.summit-circel.shape:1:1: error: --set names 'zones.summit-circel.shape', which the "
                                           "scenario does not have (did you mean 'zones.summit-circle.shape'?)"));
    const auto badValue =
        nofly("sweep scenarios/denmark_2025/summit_ban.yaml --set 'zones.summit-circle.shape.circle.radius=-2 km'");
    EXPECT_EQ(badValue.exit, 1);
    EXPECT_THAT(badValue.out, HasSubstr("must be more than zero"));
    EXPECT_EQ(nofly("sweep scenarios/denmark_2025/summit_ban.yaml --set 'radius=1km..5m/1km'").exit, 2);
    EXPECT_EQ(nofly("sweep scenarios/denmark_2025/summit_ban.yaml").exit, 2);
    EXPECT_EQ(nofly("sweep scenarios/denmark_2025/summit_ban.yaml --set 'x=1..2/1' --metric nope").exit, 2);
}

// --merge draws a chart too: a metric that no sweep table has a column for is a mistake of the command
// line, said before any table is read, not a chart of zeros under its name
TEST_F(Sweep, MergeRefusesAChartOfAMetricItDoesNotHave) {
    const std::string tiny = "sweep scenarios/tutorial/01_one_zone_one_flight.yaml "
                             "--set 'zones.helipad.shape.circle.radius=500m' --out '";
    ASSERT_EQ(nofly(tiny + (m_dir / "tiny").string() + "'").exit, 0);
    const auto merged = nofly("sweep --merge '" + (m_dir / "tiny").string() +
                              "' --metric disrupted_minutes --out '" + (m_dir / "merged").string() + "'");
    EXPECT_EQ(merged.exit, 2);
    EXPECT_THAT(merged.out, HasSubstr("nofly sweep: --metric 'disrupted_minutes' ("));
    EXPECT_FALSE(fs::exists(m_dir / "merged"));
}

// a range so long that its count of values overflowed an integer once passed
// the limit as a negative number and left an empty grid (a crash)
TEST_F(Sweep, AHugeRangeIsRefusedNotWrapped) {
    const auto steps = nofly("sweep scenarios/denmark_2025/summit_ban.yaml --set 'x=0..1e19/1'");
    EXPECT_EQ(steps.exit, 2);
    EXPECT_THAT(steps.out, HasSubstr("--set 'x=0..1e19/1': 1e+19 values; at most 10000"));
    const auto radius = nofly("sweep scenarios/denmark_2025/summit_ban.yaml --set "
                              "'zones.summit-circle.shape.circle.radius=1km..1e300km/1km'");
    EXPECT_EQ(radius.exit, 2);
    EXPECT_THAT(radius.out, HasSubstr("1e+300 values; at most 10000"));
    const auto justOver = nofly("sweep scenarios/denmark_2025/summit_ban.yaml --set 'x=1..10001/1'");
    EXPECT_EQ(justOver.exit, 2);
    EXPECT_THAT(justOver.out, HasSubstr("10001 values; at most 10000"));
}

// --- merged tables and the resume stamp (issue 22) ------------------------------------

const std::string kQuick = "sweep scenarios/tutorial/01_one_zone_one_flight.yaml --set time.step=1s --seeds 2";

TEST_F(Sweep, MergingARunTwiceIsRefused) {
    ASSERT_EQ(nofly(kQuick + " --out '" + (m_dir / "a").string() + "'").exit, 0);
    // the same table twice counted every run twice and narrowed the intervals
    const std::string table = (m_dir / "a").string();
    const auto twice = nofly("sweep --merge '" + table + "' '" + table + "'");
    EXPECT_EQ(twice.exit, 1);
    EXPECT_THAT(twice.out, HasSubstr(table + "/sweep.csv:2:1: error: the run of seed 1 at this grid point is already "
                                             "merged (a table named twice, or tables that overlap); each run counts "
                                             "once"));
}

TEST_F(Sweep, MergingAWordOrMinusInfinityInACellIsRefusedAtItsLine) {
    ASSERT_EQ(nofly(kQuick + " --out '" + (m_dir / "a").string() + "'").exit, 0);
    const std::string csv = slurp(m_dir / "a" / "sweep.csv");
    const auto secondRow = csv.find('\n', csv.find('\n') + 1) + 1;
    // the second run's "planned" count (after the value and the seed) as a word, then as -inf
    const auto planned = csv.find(',', csv.find(',', secondRow) + 1) + 1;
    const auto end = csv.find(',', planned);
    for (const char* cell : {"ten", "-inf", "nan", "1e999"}) {
        std::ofstream(m_dir / "bad.csv") << csv.substr(0, planned) + cell + csv.substr(end);
        const auto merged = nofly("sweep --merge '" + (m_dir / "bad.csv").string() + "'");
        EXPECT_EQ(merged.exit, 1) << cell;
        EXPECT_THAT(merged.out, HasSubstr((m_dir / "bad.csv").string() + ":3:1: error: column 'planned' holds '" + cell +
                                          "', which is not a number of runs"))
            << cell;
    }
    std::ofstream(m_dir / "bad.csv") << csv.substr(0, secondRow) + "1s,-1" + csv.substr(csv.find(',', secondRow + 3));
    EXPECT_THAT(nofly("sweep --merge '" + (m_dir / "bad.csv").string() + "'").out,
                HasSubstr(":3:1: error: the seed '-1' is not a whole number"));
}

TEST_F(Sweep, TheResumeStampHashesTheMappingFile) {
    // a scenario whose zone comes from OpenAir through a mapping file
    fs::create_directories(m_dir / "lesson");
    std::ofstream(m_dir / "lesson" / "zones.openair")
        << "AC R\nAN Range\nAL GND\nAH 1000ft AMSL\nV X=55:40:00N 012:34:00E\nDC 1\n";
    std::ofstream(m_dir / "lesson" / "map.yaml") << "classes:\n  R: {restriction: prohibited}\n";
    std::ofstream(m_dir / "lesson" / "lesson.yaml")
        << "title: Mapped\ntime: {start: 2025-06-14T10:00+02:00, end: +1 h}\n"
           "map: {origin: {lat: 55.67, lon: 12.57}}\n"
           "include: [{file: zones.openair, mapping: map.yaml}]\n"
           "flights:\n  - {id: f, category: hobby, route: [[-3 km, 0], [3 km, 0]], depart: 10:05}\n";
    const std::string sweep = "sweep '" + (m_dir / "lesson" / "lesson.yaml").string() +
                              "' --set time.step=1s --out '" + (m_dir / "out").string() + "'";
    ASSERT_EQ(nofly(sweep).exit, 0);
    EXPECT_THAT(nofly(sweep).out, HasSubstr("Resuming: 1 of 1 runs already in"));
    // the zone now means something else: the kept run is of other inputs
    std::ofstream(m_dir / "lesson" / "map.yaml") << "classes:\n  R: {restriction: authorisation}\n";
    const auto changed = nofly(sweep);
    EXPECT_EQ(changed.exit, 0) << changed.out;
    EXPECT_THAT(changed.out, ::testing::Not(HasSubstr("Resuming")));
}

// issue 22, item 7: the runs of a sweep are bounded as a total, before the grid is made (two axes of
// 1,000 values made a million grid points, each loaded into memory)
TEST(SweepBudget, GridPointsTimesSeedsAreBudgetedBeforeAnyIsLoaded) {
    const std::string file = "sweep scenarios/denmark_2025/summit_ban.yaml ";
    const auto grid = nofly(file + "--set 'zones.summit-circle.shape.circle.radius=1km..1000km/1km' "
                                   "--set 'time.step=1s..1000s/1s'");
    EXPECT_EQ(grid.exit, 2);
    EXPECT_THAT(grid.out, HasSubstr("nofly sweep: the --set values times --seeds make 1,000,000 runs (budget "
                                    "100,000 runs a sweep); sweep fewer values, a coarser step or fewer seeds"));
    // 101 grid points of 1,000 seeds each
    const auto seeds = nofly(file + "--set 'zones.summit-circle.shape.circle.radius=1km..101km/1km' --seeds 1000");
    EXPECT_EQ(seeds.exit, 2);
    EXPECT_THAT(seeds.out, HasSubstr("make 101,000 runs (budget 100,000 runs a sweep)"));
}

} // namespace
