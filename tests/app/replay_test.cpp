// nofly replay (issue 18): the run as one HTML file that plays in a browser
// with nothing installed. Real files, the real program, and headless Chromium
// running the page's own script: the page is loaded at a time of the run with
// a link (#t=...&click=...), its click goes through the handler the mouse
// uses, and what it shows is read back from the page (its DOM; the map's state
// is written on the body for those who cannot see the canvas).
#include "nofly_process.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <unistd.h>
#include <utility>

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

using nofly::testing::nofly;
using nofly::testing::Outcome;
using nofly::testing::shell;
using nofly::testing::slurp;

class Replay : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("nofly-replay-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    /// The page's DOM once its script has run, opened at `hash` ("t=10:30&click=...").
    std::string dom(const fs::path& page, const std::string& hash) const {
        const fs::path profile = m_dir / "chromium-profile";
        const Outcome o =
            shell("timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                  "--disable-background-networking --disable-component-update --disable-sync "
                  "--virtual-time-budget=5000 --user-data-dir='" +
                      profile.string() + "' --dump-dom 'file://" + page.string() + "#" + hash + "'",
                  false);
        fs::remove_all(profile);
        return o.out;
    }
    /// The value of one of the body's data attributes.
    static std::string bodyData(const std::string& dom, const std::string& name) {
        std::smatch m;
        if (!std::regex_search(dom, m, std::regex("<body[^>]* data-" + name + "=\"([^\"]*)\"")))
            return "<none>";
        return m[1];
    }

    fs::path m_dir;
};

TEST_F(Replay, TheFlagshipPlaysToTheWeddingPhotographerAndRevealsTheAnswer) {
    const fs::path page = m_dir / "summit.html";
    const Outcome o = nofly("replay scenarios/denmark_2025/summit_ban.yaml -o '" + page.string() + "'");
    ASSERT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out, HasSubstr("Wrote " + page.string()));
    // one file, small enough to mail, asking nothing of the network
    ASSERT_TRUE(fs::exists(page));
    EXPECT_LT(fs::file_size(page), 2u * 1024 * 1024);
    const std::string html = slurp(page);
    EXPECT_THAT(html, Not(HasSubstr("src=\"http")));
    EXPECT_THAT(html, Not(HasSubstr("href=\"http")));
    EXPECT_THAT(html, Not(HasSubstr("fetch(")));

    // 11:05, after the photographer's cancellation at 11:00: the class predicted "cancelled"
    const std::string d = dom(page, "t=11:05&click=wedding-photos&answer=wedding:cancelled");
    ASSERT_EQ(bodyData(d, "ready"), "yes") << d.substr(0, 2000);
    EXPECT_EQ(bodyData(d, "time"), "11:05:00");
    // the ban is drawn in force, and so is the summit's circle
    EXPECT_THAT(" " + bodyData(d, "in-force") + " ", HasSubstr(" national-ban "));
    EXPECT_THAT(" " + bodyData(d, "in-force") + " ", HasSubstr(" summit-circle "));
    // the click on its cancelled take-off opens its verdict card, as `nofly explain` writes it
    EXPECT_THAT(
        d, HasSubstr(
               "<div id=\"card\" data-selected=\"wedding-photos\" data-pane=\"0\">Flight wedding-photos at "
               "11:00: cancelled\n"));
    EXPECT_THAT(d, HasSubstr("Prohibited by Nationwide civil drone ban"));
    // the question's answer is out, and the class's prediction was right
    EXPECT_THAT(
        d, ::testing::MatchesRegex("(.|\n)*data-question=\"wedding\"(.|\n)*What happened: <b>cancelled</b> "
                                   "\\(11:00:00\\) <span class=\"right\">right</span>(.|\n)*"));
    // the events so far, newest first, end with what happened at 11:00 and not after 11:05
    EXPECT_THAT(d, HasSubstr("wedding-photos cancels: Nationwide civil drone ban"));

    // earlier, the answer is not out: the class can still predict
    const std::string before = dom(page, "t=10:30&answer=wedding:allowed");
    EXPECT_THAT(before,
                ::testing::MatchesRegex("(.|\n)*data-question=\"wedding\"(.|\n)*Your prediction: allowed; "
                                        "the answer shows when it happens\\.(.|\n)*"));
    EXPECT_THAT(before, Not(HasSubstr("wedding-photos cancels")));
    EXPECT_THAT(before, Not(HasSubstr("class=\"wrong\"")));
}

TEST_F(Replay, KastrupShowsTheClosureAndTheTrackThatCausedIt) {
    const fs::path page = m_dir / "kastrup.html";
    ASSERT_EQ(
        nofly("replay scenarios/denmark_2025/kastrup_22_september.yaml -o '" + page.string() + "'").exit, 0);
    EXPECT_LT(fs::file_size(page), 3u * 1024 * 1024);
    // each track moves as its reports came in, T17 among them, as the window draws it
    const std::string html = slurp(page);
    const std::size_t paths = html.find("\"trackPaths\":{\"T1\":[");
    ASSERT_NE(paths, std::string::npos);
    EXPECT_NE(html.find("\"T17\":[", paths), std::string::npos);
    // before 20:26:07 EKCH is open; after it, closed, with track T17 unknown on the map
    const std::string open = dom(page, "t=20:20");
    EXPECT_EQ(bodyData(open, "closed"), "");
    const std::string d = dom(page, "t=20:30&click=EKCH");
    EXPECT_EQ(bodyData(d, "closed"), "EKCH");
    EXPECT_THAT(" " + bodyData(d, "tracks") + " ", HasSubstr(" T17:unknown "));
    EXPECT_THAT(" " + bodyData(d, "flying") + " ", HasSubstr(" large-drone-1 "));
    EXPECT_THAT(
        d, HasSubstr(
               "<div id=\"card\" data-selected=\"EKCH\" data-pane=\"0\">Airport EKCH at 20:26:07: closed\n"));
    EXPECT_THAT(d, HasSubstr("EKCH closes: track T17, unknown, is 4.42 km from the airport"));
}

// Played as a person plays it: headless Chromium driven over the DevTools protocol by
// tests/app/replay_browser.py (python3-websocket), with real mouse clicks on the page's buttons
// and map, Play until the clock passes a time, Pause, and the page read back.
TEST_F(Replay, PlayedInABrowserWithRealClicks) {
    const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    const std::pair<const char*, const char*> runs[] = {
        {"flagship", "scenarios/denmark_2025/summit_ban.yaml"},
        {"kastrup", "scenarios/denmark_2025/kastrup_22_september.yaml"}};
    for (const auto& [which, file] : runs) {
        const fs::path page = m_dir / (std::string(which) + ".html"),
                       shot = m_dir / (std::string(which) + ".png");
        ASSERT_EQ(nofly(std::string("replay ") + file + " -o '" + page.string() + "'").exit, 0) << which;
        const Outcome o =
            shell("timeout 300 " + python + " '" + NOFLY_SOURCE_DIR + "/tests/app/replay_browser.py' " +
                  which + " '" + page.string() + "' '" + shot.string() + "'");
        EXPECT_EQ(o.exit, 0) << which << ":\n" << o.out;
        EXPECT_THAT(o.out, Not(HasSubstr("FAIL"))) << o.out;
        EXPECT_THAT(o.out, HasSubstr("ok: ")) << o.out;
        // the screenshot the browser took of the page at that moment
        ASSERT_TRUE(fs::exists(shot)) << which;
        EXPECT_EQ(slurp(shot).substr(1, 3), "PNG");
        EXPECT_GT(fs::file_size(shot), 50000u);
    }
}

TEST_F(Replay, TwoPoliciesPlaySideBySideOnOneClock) {
    const fs::path page = m_dir / "split.html";
    ASSERT_EQ(nofly("replay scenarios/denmark_2025/summit_ban.yaml --split base,five-km-circles -o '" +
                    page.string() + "'")
                  .exit,
              0);
    EXPECT_LT(fs::file_size(page), 2u * 1024 * 1024);
    // 10:30: the ban in force on the left only; the same traffic, fewer flights in the air under the ban
    const std::string d = dom(page, "t=10:30&click=harbour-hobby@1");
    EXPECT_EQ(bodyData(d, "policy"), "Nationwide ban");
    EXPECT_EQ(bodyData(d, "policy-right"), "5 km circles");
    EXPECT_THAT(" " + bodyData(d, "in-force") + " ", HasSubstr(" national-ban "));
    EXPECT_THAT(" " + bodyData(d, "in-force-right") + " ", Not(HasSubstr(" national-ban ")));
    EXPECT_THAT(" " + bodyData(d, "in-force-right") + " ", HasSubstr(" summit-circle "));
    const auto words = [](const std::string& text) {
        return text.empty() ? 0 : 1 + static_cast<int>(std::count(text.begin(), text.end(), ' '));
    };
    EXPECT_LT(words(bodyData(d, "flying")), words(bodyData(d, "flying-right")));
    // a click in the right map opens that policy's card
    EXPECT_THAT(d, HasSubstr("data-selected=\"harbour-hobby\" data-pane=\"1\">[5 km circles]\n"));
    // a command line that asks for one side, or for a side and a variant, is refused
    EXPECT_EQ(
        nofly("replay scenarios/denmark_2025/summit_ban.yaml --split base -o '" + page.string() + "'").exit,
        2);
    EXPECT_EQ(
        nofly("replay scenarios/denmark_2025/summit_ban.yaml --split base,nope -o '" + page.string() + "'")
            .exit,
        2);
}

TEST_F(Replay, AScenarioWithErrorsIsRefusedAndNothingIsWritten) {
    const fs::path page = m_dir / "bad.html";
    const Outcome o = nofly("replay scenarios/invalid/unknown_key.yaml -o '" + page.string() + "'");
    EXPECT_EQ(o.exit, 1);
    EXPECT_THAT(o.out, ::testing::MatchesRegex(
                           "(.|\n)*scenarios/invalid/unknown_key.yaml:[0-9]+:[0-9]+: error: (.|\n)*"));
    EXPECT_THAT(o.out,
                HasSubstr("nofly replay: scenarios/invalid/unknown_key.yaml has errors; nothing was run"));
    EXPECT_FALSE(fs::exists(page));
    // and a page already there is left whole
    fs::copy_file(NOFLY_SOURCE_DIR "/README.md", page);
    const std::string before = slurp(page);
    EXPECT_EQ(nofly("replay scenarios/invalid/unknown_key.yaml -o '" + page.string() + "'").exit, 1);
    EXPECT_EQ(slurp(page), before);
}

// A scenario's words are data, never markup: a title and a description that try to end the page's
// script or open an HTML comment leave the page whole, and read as written.
TEST_F(Replay, WordsThatLookLikeMarkupStayWords) {
    const fs::path file = m_dir / "markup.yaml", page = m_dir / "markup.html";
    std::ofstream(file) << "title: \"Drones </script><!--<script>alert(1)</script> & more\"\n"
                           "description: \"<!-- not a comment --> </SCRIPT> <b>bold</b>\"\n"
                           "time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}\n"
                           "map: {origin: {lat: 55.69, lon: 12.56}}\n"
                           "flights:\n"
                           "  - {id: pilot, category: hobby, depart: 10:05, from: [0, 0], to: [2 km, 0]}\n";
    ASSERT_EQ(nofly("replay '" + file.string() + "' -o '" + page.string() + "'").exit, 0);
    const std::string html = slurp(page);
    EXPECT_EQ(html.find("</script><!--"), std::string::npos);
    EXPECT_EQ(html.find("<!-- not"), std::string::npos);
    const std::string d = dom(page, "t=10:07&click=pilot"); // in the air, 10:05 to 10:09
    EXPECT_EQ(bodyData(d, "ready"), "yes") << d.substr(0, 3000);
    EXPECT_THAT(
        d, HasSubstr("<h1 id=\"title\">Drones &lt;/script&gt;&lt;!--&lt;script&gt;alert(1)&lt;/script&gt; "
                     "&amp; more</h1>"));
    EXPECT_THAT(d, HasSubstr("data-selected=\"pilot\""));
}

TEST_F(Replay, TheSameRunGivesTheSameBytes) {
    const fs::path a = m_dir / "a.html", b = m_dir / "b.html";
    ASSERT_EQ(nofly("replay scenarios/denmark_2025/summit_ban.yaml -o '" + a.string() + "'").exit, 0);
    ASSERT_EQ(nofly("replay scenarios/denmark_2025/summit_ban.yaml -o '" + b.string() + "'").exit, 0);
    EXPECT_EQ(slurp(a), slurp(b));
    const fs::path other = m_dir / "other.html";
    ASSERT_EQ(nofly("replay scenarios/denmark_2025/summit_ban.yaml --seed 9 --variant five-km-circles -o '" +
                    other.string() + "'")
                  .exit,
              0);
    EXPECT_NE(slurp(other), slurp(a));
    EXPECT_THAT(slurp(other), HasSubstr("\"policy\":\"5 km circles\""));
}

} // namespace
