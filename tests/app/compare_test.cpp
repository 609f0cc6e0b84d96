// nofly compare and the HTML handouts, as a workshop uses them: the figures do
// not depend on --jobs, the pages are self-contained, and headless Chromium
// shows what they say.
#include "nofly_process.hpp"

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
using nofly::testing::shell;
using nofly::testing::slurp;

/// The page as headless Chromium renders it (its DOM after loading).
std::string chromiumDom(const fs::path& page) {
    const fs::path profile = fs::temp_directory_path() / ("nofly-chromium-" + std::to_string(::getpid()));
    const Outcome o = shell("timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                            "--disable-background-networking --disable-component-update --disable-sync "
                            "--user-data-dir='" + profile.string() + "' --dump-dom 'file://" + page.string() + "'",
                            false);
    fs::remove_all(profile);
    return o.out;
}

class Workshop : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("nofly-workshop-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    fs::path m_dir;
};

TEST_F(Workshop, CompareFiguresDoNotDependOnJobs) {
    const std::string file = "scenarios/denmark_2025/summit_ban.yaml --seeds 3";
    ASSERT_EQ(nofly("compare " + file + " --jobs 1 --out '" + (m_dir / "one").string() + "'").exit, 0);
    ASSERT_EQ(nofly("compare " + file + " --jobs 2 --out '" + (m_dir / "two").string() + "'").exit, 0);
    const std::string one = slurp(m_dir / "one" / "compare.csv");
    EXPECT_THAT(one, HasSubstr("variant,seed,metric,value"));
    EXPECT_EQ(one, slurp(m_dir / "two" / "compare.csv"));
    EXPECT_EQ(slurp(m_dir / "one" / "compare.html"), slurp(m_dir / "two" / "compare.html"));
}

TEST_F(Workshop, CompareTableShowsTheTradeOff) {
    const Outcome o = nofly("compare scenarios/denmark_2025/summit_ban.yaml");
    EXPECT_EQ(o.exit, 0);
    EXPECT_THAT(o.out, HasSubstr("3 policies on the same traffic, 1 seed"));
    EXPECT_THAT(o.out, HasSubstr("status-quo"));
    EXPECT_THAT(o.out, HasSubstr("legitimate flights disrupted"));
}

TEST_F(Workshop, CompareNamedVariantsAndBadOnes) {
    const Outcome o = nofly("compare scenarios/denmark_2025/summit_ban.yaml --variants status-quo,base");
    EXPECT_EQ(o.exit, 0);
    EXPECT_THAT(o.out, HasSubstr("2 policies"));
    EXPECT_THAT(o.out, HasSubstr("differences to 'status-quo'"));
    // an unknown variant is a mistake of the command line (issue 22), as in every command
    EXPECT_EQ(nofly("compare scenarios/denmark_2025/summit_ban.yaml --variants nope").exit, 2);
}

TEST_F(Workshop, CompareHtmlIsSelfContainedAndChromiumShowsIt) {
    ASSERT_EQ(nofly("compare scenarios/denmark_2025/summit_ban.yaml --out '" + m_dir.string() + "'").exit, 0);
    const std::string html = slurp(m_dir / "compare.html");
    // nothing fetched from elsewhere (the SVG namespace is a name, not a fetch)
    for (const char* fetch : {"src=\"http", "href=\"http", "url(http", "<link", "<script", "@import"})
        EXPECT_EQ(html.find(fetch), std::string::npos) << fetch;
    const std::string dom = chromiumDom(m_dir / "compare.html");
    ASSERT_THAT(dom, HasSubstr("<h1>Copenhagen summit day, 1 October 2025</h1>"));
    EXPECT_THAT(dom, HasSubstr("What each policy costs and prevents"));
    EXPECT_THAT(dom, HasSubstr("five-km-circles"));
    EXPECT_THAT(dom, HasSubstr("<svg")); // the maps are inline
}

TEST_F(Workshop, RunHtmlHandoutCarriesMapTimelineMetricsAndVerdicts) {
    ASSERT_EQ(nofly("run --quiet scenarios/tutorial/01_one_zone_one_flight.yaml --html --out '" + m_dir.string() + "'")
                  .exit,
              0);
    const std::string dom = chromiumDom(m_dir / "report.html");
    ASSERT_THAT(dom, HasSubstr("Lesson 1: a drone meets a no-fly zone"));
    EXPECT_THAT(dom, HasSubstr("<h2>Map</h2>"));
    EXPECT_THAT(dom, HasSubstr("<h2>Timeline</h2>"));
    EXPECT_THAT(dom, HasSubstr("<h2>Verdicts</h2>"));
    EXPECT_THAT(dom, HasSubstr("careless-pilot"));
    EXPECT_THAT(dom, HasSubstr("PASS"));
    EXPECT_EQ(nofly("run --quiet scenarios/tutorial/01_one_zone_one_flight.yaml --html").exit, 2); // needs --out
}

} // namespace
