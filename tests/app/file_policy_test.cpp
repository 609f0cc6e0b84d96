// The one path policy and the one output policy as a user meets them on the
// command line (issue 22, items 1, 2 and 10): `check FOLDER` reads nothing a
// link leads to outside the folder; `-o` and `--out` never replace a device,
// a pipe or a link, write through to the devices and pipes a user names, and
// name the system's reason when a write fails; a run's files are one set.
#include "nofly_process.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using nofly::testing::nofly;
using nofly::testing::shell;
using nofly::testing::slurp;

const std::string kLesson = "scenarios/tutorial/01_one_zone_one_flight.yaml";

class FilePolicy : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("nofly-file-policy-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::string quoted(const fs::path& p) const { return "'" + p.string() + "'"; }

    /// A character device to write to: as root a node of our own (so that a
    /// nofly that replaced it would replace nothing of the system's), else the system's.
    fs::path device(const char* name, unsigned minor) const {
        if (::geteuid() != 0) return fs::path("/dev") / name;
        const fs::path node = m_dir / name;
        EXPECT_EQ(::mknod(node.c_str(), S_IFCHR | 0666, makedev(1, minor)), 0);
        return node;
    }

    /// Names of hidden files and folders in `folder`: temporaries.
    static std::vector<std::string> hiddenIn(const fs::path& folder) {
        std::vector<std::string> out;
        for (const auto& entry : fs::directory_iterator(folder))
            if (entry.path().filename().string().front() == '.') out.push_back(entry.path().string());
        return out;
    }
    /// ... in `folder` and beside it.
    static std::vector<std::string> hidden(const fs::path& folder) {
        std::vector<std::string> out = hiddenIn(folder), beside = hiddenIn(folder.parent_path());
        out.insert(out.end(), beside.begin(), beside.end());
        return out;
    }

    fs::path m_dir;
};

// --- what is read ---------------------------------------------------------------------------------

TEST_F(FilePolicy, CheckFolderReadsNoLinkOutOfTheFolder) {
    fs::create_directories(m_dir / "lessons");
    fs::create_directories(m_dir / "elsewhere");
    fs::copy_file(fs::path(NOFLY_SOURCE_DIR) / kLesson, m_dir / "elsewhere/secret.yaml");
    fs::create_symlink(m_dir / "elsewhere/secret.yaml", m_dir / "lessons/linked.yaml");
    fs::copy_file(fs::path(NOFLY_SOURCE_DIR) / kLesson, m_dir / "lessons/own.yaml");
    const auto r = nofly("check " + quoted(m_dir / "lessons"));
    EXPECT_EQ(r.exit, 1) << r.out;
    EXPECT_THAT(r.out, HasSubstr((m_dir / "lessons/linked.yaml").string() +
                                 ": error: a link that leads out of the folder"));
    EXPECT_THAT(r.out, HasSubstr("1 of 2 scenario files valid; 1 with errors"));
    // the file named itself is checked where it is
    EXPECT_EQ(nofly("check --quiet " + quoted(m_dir / "lessons/linked.yaml")).exit, 0);
}

// --- what is written: one file ------------------------------------------------------------------

TEST_F(FilePolicy, OutputOntoALinkToAFileIsRefusedAndBothStay) {
    std::ofstream(m_dir / "precious.txt") << "keep me";
    fs::create_symlink(m_dir / "precious.txt", m_dir / "schema.json");
    const auto r = nofly("schema -o " + quoted(m_dir / "schema.json"));
    EXPECT_EQ(r.exit, 1);
    EXPECT_THAT(r.out, HasSubstr("schema.json is a symbolic link to a file; nofly writes through links only to "
                                 "devices and pipes (name the file itself)"));
    EXPECT_TRUE(fs::is_symlink(m_dir / "schema.json"));
    EXPECT_EQ(slurp(m_dir / "precious.txt"), "keep me");
    EXPECT_EQ(hiddenIn(m_dir), std::vector<std::string>{});
}

TEST_F(FilePolicy, OutputOntoAFifoIsWrittenThroughAndTheFifoStays) {
    const fs::path fifo = m_dir / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto reader = std::async(std::launch::async, [&] { return slurp(fifo); });
    const auto r = nofly("schema -o " + quoted(fifo));
    EXPECT_EQ(r.exit, 0) << r.out;
    // a nofly that never opened the pipe must not leave the reader waiting for ever
    if (const int unblock = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK); unblock >= 0) ::close(unblock);
    EXPECT_THAT(reader.get(), HasSubstr("\"$schema\""));
    EXPECT_EQ(fs::status(fifo).type(), fs::file_type::fifo);
}

TEST_F(FilePolicy, OutputOntoANullDeviceIsWrittenThroughAndTheDeviceStays) {
    const fs::path null = device("null", 3);
    const auto r = nofly("schema -o " + quoted(null));
    EXPECT_EQ(r.exit, 0) << r.out;
    EXPECT_EQ(fs::status(null).type(), fs::file_type::character);
    EXPECT_EQ(hiddenIn(m_dir), std::vector<std::string>{});
}

TEST_F(FilePolicy, OutputToStandardOutputByNameGoesDownThePipe) {
    // /dev/stdout is a link to /proc/self/fd/1; this one is ours, so nothing of the system's is at stake
    fs::create_symlink("/proc/self/fd/1", m_dir / "stdout");
    const auto r = nofly("schema -o " + quoted(m_dir / "stdout") + " | head -c 200", false);
    EXPECT_THAT(r.out, HasSubstr("\"$schema\""));
    const auto whole = nofly("schema -o " + quoted(m_dir / "stdout"), false);
    EXPECT_EQ(whole.exit, 0);
    EXPECT_EQ(whole.out, nofly("schema", false).out); // the schema alone, no "Wrote ..."
    EXPECT_TRUE(fs::is_symlink(m_dir / "stdout"));
}

TEST_F(FilePolicy, AFullDeviceIsNamedWithTheSystemsReason) {
    const fs::path full = device("full", 7);
    const auto r = nofly("schema -o " + quoted(full));
    EXPECT_EQ(r.exit, 1);
    EXPECT_THAT(r.out, HasSubstr("nofly schema: cannot write " + full.string() + ": No space left on device"));
}

TEST_F(FilePolicy, OutputOntoAFolderIsRefused) {
    fs::create_directories(m_dir / "folder");
    const auto r = nofly("schema -o " + quoted(m_dir / "folder"));
    EXPECT_EQ(r.exit, 1);
    EXPECT_THAT(r.out, HasSubstr("folder is a folder (name a file)"));
}

// --- what is written: a set -----------------------------------------------------------------------

TEST_F(FilePolicy, ARunThatCannotWriteItsSetKeepsTheOldOneAndNamesTheReason) {
    const fs::path out = m_dir / "out";
    ASSERT_EQ(nofly("run " + kLesson + " --quiet --seed 1 --out " + quoted(out)).exit, 0);
    const std::string before = slurp(out / "report.json") + slurp(out / "events.csv") + slurp(out / "map.svg");
    // files of at most 4 KB: the set cannot be written whole (SIGXFSZ ignored, so write() says why)
    const auto r = shell("cd '" + std::string(NOFLY_SOURCE_DIR) + "' && sh -c \"trap '' XFSZ; ulimit -f 8; exec '" +
                         NOFLY_BINARY + "' run " + kLesson + " --quiet --seed 2 --out " + quoted(out) + "\"");
    EXPECT_EQ(r.exit, 1);
    EXPECT_THAT(r.out, HasSubstr("nofly run: cannot write " + out.string()));
    EXPECT_THAT(r.out, HasSubstr(": File too large"));
    EXPECT_EQ(slurp(out / "report.json") + slurp(out / "events.csv") + slurp(out / "map.svg"), before);
    EXPECT_EQ(hidden(out), std::vector<std::string>{});
}

TEST_F(FilePolicy, ARunWithoutHtmlLeavesNoOlderHandoutBesideItsFiles) {
    const fs::path out = m_dir / "out";
    ASSERT_EQ(nofly("run " + kLesson + " --quiet --html --out " + quoted(out)).exit, 0);
    ASSERT_TRUE(fs::exists(out / "report.html"));
    ASSERT_EQ(nofly("run " + kLesson + " --quiet --seed 5 --out " + quoted(out)).exit, 0);
    EXPECT_FALSE(fs::exists(out / "report.html"));
    EXPECT_THAT(slurp(out / "report.json"), HasSubstr("\"seed\": 5"));
}

TEST_F(FilePolicy, ARunIntoAFolderWithOtherFilesLeavesThemAlone) {
    const fs::path out = m_dir / "out";
    fs::create_directories(out);
    std::ofstream(out / "notes.txt") << "mine";
    ASSERT_EQ(nofly("run " + kLesson + " --quiet --out " + quoted(out)).exit, 0);
    EXPECT_EQ(slurp(out / "notes.txt"), "mine");
    EXPECT_TRUE(fs::exists(out / "report.json"));
    EXPECT_EQ(hidden(out), std::vector<std::string>{});
}

TEST_F(FilePolicy, ALinkNamedLikeAnOutputInsideTheFolderIsNotFollowed) {
    const fs::path out = m_dir / "out";
    fs::create_directories(out);
    std::ofstream(m_dir / "precious.txt") << "keep me";
    fs::create_symlink(m_dir / "precious.txt", out / "report.json");
    ASSERT_EQ(nofly("run " + kLesson + " --quiet --out " + quoted(out)).exit, 0);
    EXPECT_EQ(slurp(m_dir / "precious.txt"), "keep me");
    EXPECT_FALSE(fs::is_symlink(out / "report.json"));
    EXPECT_THAT(slurp(out / "report.json"), HasSubstr("\"metrics\""));
}

} // namespace
