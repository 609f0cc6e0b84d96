// The one output policy (issue 22, items 2 and 10): what is there decides how
// a file is written, and a folder of files is replaced as one set.
#include "report/output_files.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace nofly::report {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// A process id that no process has now.
long deadProcess() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ::waitpid(child, nullptr, 0);
    return child;
}

class OutputFiles : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("nofly-output-files-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::vector<std::string> names(const fs::path& folder) const {
        std::vector<std::string> out;
        for (const auto& entry : fs::directory_iterator(folder)) out.push_back(entry.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
    static OutputSet runSet(const std::string& tag) {
        OutputSet set;
        set.files = {{"report.json", "report " + tag}, {"events.csv", "events " + tag}};
        set.owned = {"report.html"};
        return set;
    }

    fs::path m_dir;
};

TEST_F(OutputFiles, AReplacedFileKeepsItsPermissions) {
    const fs::path file = m_dir / "zones.yaml";
    std::ofstream(file) << "old";
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    std::string error;
    ASSERT_TRUE(writeFileAtomically(file.string(), "new", error)) << error;
    EXPECT_EQ(slurp(file), "new");
    EXPECT_EQ(fs::status(file).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    EXPECT_EQ(names(m_dir), std::vector<std::string>{"zones.yaml"});
}

TEST_F(OutputFiles, ALinkToAFolderAndABlockedWriteAreRefusedInWords) {
    fs::create_directories(m_dir / "folder");
    fs::create_directory_symlink(m_dir / "folder", m_dir / "link");
    std::string error;
    EXPECT_FALSE(writeFileAtomically((m_dir / "link").string(), "x", error));
    EXPECT_THAT(error, HasSubstr("link is a symbolic link to a folder"));
    EXPECT_FALSE(writeFileAtomically((m_dir / "no/such/folder/x.json").string(), "x", error));
    EXPECT_THAT(error, HasSubstr("cannot write " + (m_dir / "no/such/folder/x.json").string() +
                                 ": No such file or directory"));
}

TEST_F(OutputFiles, AFailedWriteNamesTheReasonAndLeavesNothing) {
    // files of at most 1 KB; with SIGXFSZ ignored, write() says "File too large"
    struct rlimit old {};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old;
    small.rlim_cur = 1024;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    std::string error;
    const bool written = writeFileAtomically((m_dir / "big.csv").string(), std::string(4096, 'x'), error);
    OutputSet set = runSet("new");
    set.files.push_back({"map.svg", std::string(4096, 'x')});
    const bool published = publishOutputSet((m_dir / "out").string(), set, error);
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previous);
    EXPECT_FALSE(written);
    EXPECT_FALSE(published);
    EXPECT_EQ(error, "cannot write " + (m_dir / "out" / "map.svg").string() + ": File too large");
    EXPECT_EQ(names(m_dir), std::vector<std::string>{});
}

TEST_F(OutputFiles, ANewFolderAppearsWithItsWholeSet) {
    std::string error;
    ASSERT_TRUE(publishOutputSet((m_dir / "a/b/out").string(), runSet("1"), error)) << error;
    EXPECT_EQ(names(m_dir / "a/b/out"), (std::vector<std::string>{"events.csv", "report.json"}));
    EXPECT_EQ(names(m_dir / "a/b"), std::vector<std::string>{"out"});
}

TEST_F(OutputFiles, AFolderOfItsOwnIsSwappedWholeAndKeepsItsKeptRuns) {
    const fs::path out = m_dir / "out";
    std::string error;
    OutputSet first = runSet("1");
    first.files.push_back({"report.html", "handout 1"});
    ASSERT_TRUE(publishOutputSet(out.string(), first, error)) << error;
    fs::create_directories(out / "runs");
    std::ofstream(out / "runs/run-000000.csv") << "run 0";
    struct stat folderBefore {}, runBefore {};
    ::stat(out.c_str(), &folderBefore);
    ::stat((out / "runs/run-000000.csv").c_str(), &runBefore);

    OutputSet second = runSet("2");
    second.kept = {"runs"};
    ASSERT_TRUE(publishOutputSet(out.string(), second, error)) << error;
    struct stat after {}, run {};
    ::stat(out.c_str(), &after);
    ::stat((out / "runs/run-000000.csv").c_str(), &run);
    EXPECT_NE(after.st_ino, folderBefore.st_ino); // a new folder in the old one's place
    EXPECT_EQ(run.st_ino, runBefore.st_ino);      // the same kept run, not a copy
    EXPECT_EQ(run.st_nlink, 1u);        // and no other name for it left anywhere
    EXPECT_EQ(names(out), (std::vector<std::string>{"events.csv", "report.json", "runs"})); // the old handout went
    EXPECT_EQ(slurp(out / "report.json"), "report 2");
    EXPECT_EQ(names(m_dir), std::vector<std::string>{"out"});
}

TEST_F(OutputFiles, AFolderWithOtherFilesGetsItsFilesOneByOne) {
    const fs::path out = m_dir / "out";
    fs::create_directories(out);
    std::ofstream(out / "notes.txt") << "mine";
    std::ofstream(out / "report.html") << "old handout";
    struct stat before {};
    ::stat(out.c_str(), &before);
    std::string error;
    ASSERT_TRUE(publishOutputSet(out.string(), runSet("1"), error)) << error;
    struct stat after {};
    ::stat(out.c_str(), &after);
    EXPECT_EQ(after.st_ino, before.st_ino);
    EXPECT_EQ(names(out), (std::vector<std::string>{"events.csv", "notes.txt", "report.json"}));
    EXPECT_EQ(slurp(out / "notes.txt"), "mine");
}

TEST_F(OutputFiles, TemporariesOfAProcessThatIsGoneAreRemoved) {
    const fs::path out = m_dir / "out";
    std::string error;
    ASSERT_TRUE(publishOutputSet(out.string(), runSet("1"), error)) << error;
    const std::string dead = std::to_string(deadProcess()), alive = std::to_string(::getppid());
    std::ofstream(out / (".report.json.nofly-tmp-" + dead + "-0")) << "half";
    fs::create_directories(m_dir / (".out.nofly-set-" + dead + "-3"));
    std::ofstream(m_dir / (".out.nofly-set-" + dead + "-3") / "report.json") << "old";
    std::ofstream(m_dir / (".other.nofly-tmp-" + alive + "-1")) << "still being written";
    ASSERT_TRUE(publishOutputSet(out.string(), runSet("2"), error)) << error;
    EXPECT_EQ(names(out), (std::vector<std::string>{"events.csv", "report.json"}));
    EXPECT_EQ(names(m_dir), (std::vector<std::string>{".other.nofly-tmp-" + alive + "-1", "out"}));
}

TEST_F(OutputFiles, ThePathOfAFileIsNotAFolder) {
    std::ofstream(m_dir / "out") << "a file";
    std::string error;
    EXPECT_FALSE(publishOutputSet((m_dir / "out").string(), runSet("1"), error));
    EXPECT_THAT(error, HasSubstr("out is a file, not a folder"));
    EXPECT_EQ(slurp(m_dir / "out"), "a file");
}

} // namespace
} // namespace nofly::report
