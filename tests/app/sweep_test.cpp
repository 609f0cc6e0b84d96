// nofly sweep as a workshop runs it: a grid of setting values over seeds, the
// same numbers whatever --jobs is, and the same again when the runs are sent
// out as independent jobs and merged.
#include "nofly_process.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
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

TEST_F(Sweep, AWiderCircleCancelsMore) {
    ASSERT_EQ(nofly(kSweep + " --out '" + m_dir.string() + "'").exit, 0);
    std::istringstream summary(slurp(m_dir / "sweep_summary.csv"));
    std::string line, header;
    std::getline(summary, header);
    std::vector<double> cancelled;
    while (std::getline(summary, line)) {
        // radius,runs,planned_mean,planned_ci95,flown_mean,flown_ci95,cancelled_mean,...
        std::vector<std::string> f;
        std::stringstream fields(line);
        for (std::string x; std::getline(fields, x, ',');) f.push_back(x);
        cancelled.push_back(std::stod(f[6]));
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

} // namespace
