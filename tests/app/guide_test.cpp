// nofly guide (issue 17): the teacher's one-page guide, from real runs of
// every policy. The questions in the order the clock stops for them, with the
// answers the window will reveal; each policy's figures as `nofly run` gives
// them; and, printed by headless Chromium, one A4 page.
#include "nofly_process.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

using nofly::testing::nofly;
using nofly::testing::Outcome;
using nofly::testing::shell;
using nofly::testing::slurp;

class Guide : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("nofly-guide-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    fs::path m_dir;
};

TEST_F(Guide, TheFlagshipsQuestionsInTheOrderTheClockStopsWithTheirAnswers) {
    const fs::path page = m_dir / "guide.html";
    const Outcome o = nofly("guide scenarios/denmark_2025/summit_ban.yaml -o '" + page.string() + "'");
    ASSERT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out, HasSubstr("Wrote " + page.string()));
    const std::string html = slurp(page);
    EXPECT_THAT(html, HasSubstr("<h1>Teacher's guide: Copenhagen summit day, 1 October 2025</h1>"));
    // the bridge (08:30), the Aarhus hobby pilot (10:35), the wedding (11:00), as `nofly run` settles them
    const auto bridge = html.find("Will the Oresund bridge inspection fly?"),
               aarhus = html.find("A hobby pilot in Aarhus"),
               wedding = html.find("Will the wedding photographer");
    ASSERT_NE(bridge, std::string::npos);
    EXPECT_LT(bridge, aarhus);
    EXPECT_LT(aarhus, wedding);
    EXPECT_THAT(
        html, HasSubstr("<td class=\"time\">08:30</td><td>Will the Oresund bridge inspection fly?</td>"
                        "<td>allowed, rerouted, cancelled</td><td><span class=\"answer\">cancelled</span>"));
    EXPECT_THAT(html, HasSubstr("<td class=\"time\">10:35</td>"));
    const Outcome run = nofly("run scenarios/denmark_2025/summit_ban.yaml");
    EXPECT_THAT(run.out, HasSubstr("happened: cancelled (at 08:30)"));
    EXPECT_THAT(run.out, HasSubstr("happened: violated (at 10:35)"));
    // the timeline, marked as the window marks it
    EXPECT_THAT(html,
                HasSubstr("The Ministry of Transport bans all civil drone flights from Monday to Friday. "
                          "(time illustrative)"));
    // every policy, its cancellations as `nofly run --variant` counts them
    for (const char* variant : {"status-quo", "five-km-circles"}) {
        const Outcome v =
            nofly(std::string("run scenarios/denmark_2025/summit_ban.yaml --variant ") + variant);
        std::smatch m;
        ASSERT_TRUE(std::regex_search(v.out, m, std::regex(R"((\d+) cancelled, \d+ pending)"))) << v.out;
        EXPECT_THAT(html, HasSubstr("<span class=\"note\">(" + std::string(variant) + ")</span>")) << variant;
        EXPECT_THAT(html, HasSubstr("<td class=\"num\">" + m[1].str() + " of ")) << variant;
    }
    EXPECT_THAT(html, HasSubstr("--split base,status-quo"));
    EXPECT_THAT(html, HasSubstr("docs/sources/denmark_2025.md:67"));
    EXPECT_THAT(html, Not(HasSubstr("http")));
}

TEST_F(Guide, PrintsOnOneA4Page) {
    const fs::path page = m_dir / "guide.html", pdf = m_dir / "guide.pdf";
    ASSERT_EQ(nofly("guide scenarios/denmark_2025/summit_ban.yaml -o '" + page.string() + "'").exit, 0);
    const fs::path profile = m_dir / "chromium-profile";
    const Outcome o = shell("timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run "
                            "--disable-background-networking --disable-component-update --disable-sync "
                            "--user-data-dir='" +
                            profile.string() + "' --no-pdf-header-footer --print-to-pdf='" + pdf.string() +
                            "' 'file://" + page.string() + "'");
    ASSERT_TRUE(fs::exists(pdf)) << o.out;
    // a PDF's pages are its objects of /Type /Page
    const std::string bytes = slurp(pdf);
    const std::regex pageObject(R"(/Type\s*/Page[^s])");
    const auto pages =
        std::distance(std::sregex_iterator(bytes.begin(), bytes.end(), pageObject), std::sregex_iterator());
    EXPECT_EQ(pages, 1) << "the guide prints on " << pages << " pages";
}

TEST_F(Guide, AScenarioWithoutQuestionsOrVariantsHasAGuideToo) {
    const fs::path page = m_dir / "lesson.html";
    const Outcome o =
        nofly("guide scenarios/tutorial/01_one_zone_one_flight.yaml -o '" + page.string() + "'");
    ASSERT_EQ(o.exit, 0) << o.out;
    const std::string html = slurp(page);
    EXPECT_THAT(html, HasSubstr("<h2>Running it</h2>"));
    EXPECT_THAT(html, Not(HasSubstr("Questions, in the order")));
    EXPECT_THAT(html, Not(HasSubstr("Then show the other policies")));
}

TEST_F(Guide, MistakesAreRefusedAndNothingIsWritten) {
    const fs::path page = m_dir / "guide.html";
    Outcome o = nofly("guide scenarios/denmark_2025/summit_ban.yaml --variant five-km-circle -o '" +
                      page.string() + "'");
    EXPECT_EQ(o.exit, 2);
    EXPECT_THAT(o.out, HasSubstr("did you mean 'five-km-circles'?"));
    o = nofly("guide scenarios/invalid/question_unknown_flight.yaml -o '" + page.string() + "'");
    EXPECT_EQ(o.exit, 1);
    EXPECT_THAT(o.out, HasSubstr("nofly guide: scenarios/invalid/question_unknown_flight.yaml has errors"));
    o = nofly("guide scenarios/denmark_2025/summit_ban.yaml -o '" +
              (m_dir / "no/such/folder/g.html").string() + "'");
    EXPECT_EQ(o.exit, 1);
    EXPECT_THAT(o.out, HasSubstr("nofly guide: "));
    EXPECT_FALSE(fs::exists(page));
}

} // namespace
