// An interrupted `nofly sweep --out` loses nothing: every run is kept in
// OUT/runs/ as it ends, and the sweep run again with the same arguments runs
// only the missing runs, then writes tables byte-identical to a sweep that was
// never interrupted. Runs of other inputs are never reused.
#include "nofly_process.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using nofly::testing::nofly;
using nofly::testing::slurp;

const std::string kSweep = "sweep scenarios/denmark_2025/summit_ban.yaml --variant five-km-circles "
                           "--set 'zones.summit-circle.shape.circle.radius=1km..9km/4km' --seeds 2 --jobs 2";

class SweepResume : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("nofly-sweep-resume-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        ASSERT_EQ(nofly(kSweep + " --out '" + (m_dir / "whole").string() + "'").exit, 0);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    /// The three tables of a sweep folder, for comparing two folders.
    std::string tables(const fs::path& folder) const {
        return slurp(folder / "sweep.csv") + slurp(folder / "sweep_summary.csv") +
               slurp(folder / "sweep_disrupted.svg");
    }
    fs::path m_dir;
};

TEST_F(SweepResume, EveryRunIsKeptAsItEnds) {
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(m_dir / "whole" / "runs")) {
        EXPECT_EQ(entry.path().extension(), ".csv") << entry.path();
        ++files;
    }
    EXPECT_EQ(files, 6u); // 3 radii x 2 seeds
    EXPECT_THAT(slurp(m_dir / "whole" / "runs" / "run-000000.csv"), HasSubstr("# nofly "));
}

TEST_F(SweepResume, AnInterruptedSweepResumesAndWritesTheSameTables) {
    // an interruption: the tables never written, two runs never ended, one
    // cut off while it was being written (its temporary file left behind)
    const fs::path cut = m_dir / "cut";
    fs::copy(m_dir / "whole", cut, fs::copy_options::recursive);
    for (const char* name : {"sweep.csv", "sweep_summary.csv", "sweep_disrupted.svg"}) fs::remove(cut / name);
    fs::remove(cut / "runs" / "run-000001.csv");
    fs::remove(cut / "runs" / "run-000004.csv");
    std::ofstream(cut / "runs" / ".run-000004.csv.tmp-99999") << "# nofly 0.1.0 sweep run, inp";

    const auto resumed = nofly(kSweep + " --out '" + cut.string() + "'");
    ASSERT_EQ(resumed.exit, 0) << resumed.out;
    EXPECT_THAT(resumed.out, HasSubstr("Resuming: 4 of 6 runs already in"));
    EXPECT_EQ(tables(cut), tables(m_dir / "whole"));
    EXPECT_TRUE(fs::exists(cut / "runs" / "run-000004.csv"));
    // issue 22, item 10: the temporary of the interrupted sweep does not survive the resume
    EXPECT_FALSE(fs::exists(cut / "runs" / ".run-000004.csv.tmp-99999"));
    for (const auto& entry : fs::recursive_directory_iterator(cut))
        EXPECT_NE(entry.path().filename().string().front(), '.') << entry.path();
}

TEST_F(SweepResume, ABrokenRunFileIsRunAgain) {
    const fs::path broken = m_dir / "broken";
    fs::copy(m_dir / "whole", broken, fs::copy_options::recursive);
    const std::string kept = slurp(broken / "runs" / "run-000002.csv");
    std::ofstream(broken / "runs" / "run-000002.csv", std::ios::trunc) << kept.substr(0, kept.size() / 2);
    const auto resumed = nofly(kSweep + " --out '" + broken.string() + "'");
    ASSERT_EQ(resumed.exit, 0) << resumed.out;
    EXPECT_THAT(resumed.out, HasSubstr("Resuming: 5 of 6 runs"));
    EXPECT_EQ(tables(broken), tables(m_dir / "whole"));
    EXPECT_EQ(slurp(broken / "runs" / "run-000002.csv"), kept);
}

TEST_F(SweepResume, RunsOfOtherInputsAreNotReused) {
    // the same folder, another grid: the kept runs are of other radii and run again
    const auto other = nofly("sweep scenarios/denmark_2025/summit_ban.yaml --variant five-km-circles "
                             "--set 'zones.summit-circle.shape.circle.radius=2km..10km/4km' --seeds 2 --out '" +
                             (m_dir / "whole").string() + "'");
    ASSERT_EQ(other.exit, 0) << other.out;
    EXPECT_THAT(other.out, Not(HasSubstr("Resuming")));
    EXPECT_THAT(slurp(m_dir / "whole" / "sweep.csv"), HasSubstr("\n2 km,"));
    // and another variant over the same grid: a different stamp
    const auto base = nofly("sweep scenarios/denmark_2025/summit_ban.yaml "
                            "--set 'zones.summit-circle.shape.circle.radius=2km..10km/4km' --seeds 2 --out '" +
                            (m_dir / "whole").string() + "'");
    EXPECT_THAT(base.out, Not(HasSubstr("Resuming")));
}

} // namespace
