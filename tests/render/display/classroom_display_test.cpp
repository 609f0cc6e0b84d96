// Predict, vote, reveal, in a real window under a real X server (xvfb-run
// -a): the flagship played as a class would see it. The clock stops by itself
// a step before an answer would come out and asks the question over the map;
// the class's votes come from number keys, clicks on the card and a count the
// teacher types; nothing is revealed until the teacher says so; then the card
// shows what happened against the votes. Opt-in (window_test.hpp).
#include "window_test.hpp"

#include "app/class_server.hpp"
#include "render/detail/viewer.hpp"
#include "report/ballot_box.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <string>
#include <sys/wait.h>

namespace nofly::render {
namespace {

using ::testing::HasSubstr;

const std::string kFlagship = std::string(NOFLY_SOURCE_DIR) + "/scenarios/denmark_2025/summit_ban.yaml";
constexpr unsigned kWidth = 1600, kHeight = 900;

class ClassroomDisplayTest : public testing::WindowTest {
  protected:
    ClassroomDisplayTest() : WindowTest(kWidth, kHeight) {}

    void open(std::vector<std::string> answers = {}) {
        ViewerOptions options;
        options.file = kFlagship;
        options.answers = std::move(answers);
        options.stepBudget = 0.25;
        openWith(options);
    }

    /// Plays (fast) until the clock stops by itself; false if it never does.
    bool playUntilAsked() {
        if (!viewer->playing()) pressKey(sf::Keyboard::Space);
        for (int k = 0; k < 4000 && !viewer->playback().finished(); ++k) {
            frame(0.5);
            if (viewer->card() && !viewer->card()->revealed) return true;
        }
        return false;
    }

    const QuestionLine::PerPane& line(const std::string& id) {
        m_lines = viewer->questionLines();
        for (const QuestionLine& l : m_lines)
            if (l.id == id) return l.panes.front();
        ADD_FAILURE() << "no question " << id;
        return m_lines.front().panes.front();
    }

    /// The wedding photographer's drone (the first question's flight).
    const sim::Drone& wedding() {
        const auto& flights = viewer->playback().world().flights;
        for (std::size_t i = 0; i < flights.size(); ++i)
            if (flights[i].flight.id == "wedding-photos") return viewer->playback().world().drones[i];
        ADD_FAILURE() << "no wedding-photos flight";
        return viewer->playback().world().drones.front();
    }

  private:
    std::vector<QuestionLine> m_lines;
};

TEST_F(ClassroomDisplayTest, TheClockStopsBeforeTheAnswerAndTheClassVotes) {
    open();
    for (int k = 0; k < 6; ++k)
        pressKey(sf::Keyboard::Up); // 60x -> 3000x: a whole morning in a few dozen frames

    // the first answer to come out is the bridge's (cancelled at 08:30): the clock stops a step before
    ASSERT_TRUE(playUntilAsked());
    ASSERT_EQ(viewer->card()->question, "bridge");
    EXPECT_FALSE(viewer->playing());
    EXPECT_FALSE(line("bridge").due) << "stopped before the answer is out, not after";
    EXPECT_FALSE(line("bridge").revealed);
    const core::Instant stopped = viewer->playback().now();

    // Space does not reveal it: the class is voting
    pressKey(sf::Keyboard::Space);
    for (int k = 0; k < 10; ++k)
        frame(0.5);
    EXPECT_EQ(viewer->playback().now(), stopped);
    EXPECT_THAT(viewer->toast(), HasSubstr("Enter"));

    // votes: number keys for the question on the card, one taken back, a count typed
    for (sf::Keyboard::Key key : {sf::Keyboard::Num1, sf::Keyboard::Num1, sf::Keyboard::Num3,
                                  sf::Keyboard::Num3, sf::Keyboard::Num3, sf::Keyboard::Num2})
        pressKey(key);
    pressKey(sf::Keyboard::Num2, true);
    EXPECT_TRUE(viewer->setVotes(0, "bridge", "rerouted", 4));
    frame();
    EXPECT_EQ(line("bridge").votes, (report::Tally{{"allowed", 2}, {"cancelled", 3}, {"rerouted", 4}}));
    const sf::Image asking = screenshot("nofly_classroom_asked.png");
    EXPECT_EQ(asking.getSize(), sf::Vector2u(kWidth, kHeight));

    // Enter: one step on, the answer is out, and the card shows it against the votes
    pressKey(sf::Keyboard::Enter);
    frame();
    ASSERT_TRUE(viewer->card() && viewer->card()->revealed);
    EXPECT_EQ(viewer->playback().now(), stopped + viewer->scenario().time.step);
    const QuestionLine::PerPane& bridge = line("bridge");
    EXPECT_TRUE(bridge.revealed);
    EXPECT_EQ(bridge.answer, "cancelled");
    EXPECT_EQ(bridge.rightVotes, 3);
    EXPECT_EQ(bridge.verdict, "wrong") << "most votes went to rerouted";
    EXPECT_FALSE(viewer->vote(0, "bridge", "cancelled")) << "voting is over";
    const sf::Image revealed = screenshot("nofly_classroom_revealed.png");
    EXPECT_EQ(revealed.getSize(), sf::Vector2u(kWidth, kHeight));

    // Space: the card goes and the clock plays on, to the next question (the Aarhus hobby pilot, 10:35)
    pressKey(sf::Keyboard::Space);
    frame();
    EXPECT_FALSE(viewer->card().has_value());
    ASSERT_TRUE(playUntilAsked());
    ASSERT_EQ(viewer->card()->question, "aarhus");
    // the teacher skips: Enter without votes
    pressKey(sf::Keyboard::Enter);
    frame();
    EXPECT_TRUE(line("aarhus").revealed);
    EXPECT_EQ(line("aarhus").verdict, "not answered");
    pressKey(sf::Keyboard::Space);

    // and the last, the wedding photographer (cancelled at 11:00)
    ASSERT_TRUE(playUntilAsked());
    ASSERT_EQ(viewer->card()->question, "wedding");
    EXPECT_NE(wedding().phase, sim::Phase::Cancelled) << "the map has not shown it yet";
    pressKey(sf::Keyboard::Num2);
    pressKey(sf::Keyboard::Enter);
    frame();
    EXPECT_EQ(wedding().phase, sim::Phase::Cancelled);
    EXPECT_EQ(line("wedding").verdict, "right");
}

TEST_F(ClassroomDisplayTest, AClickOnTheCardIsAVote) {
    open();
    for (int k = 0; k < 6; ++k)
        pressKey(sf::Keyboard::Up);
    ASSERT_TRUE(playUntilAsked());
    ASSERT_EQ(viewer->card()->question, "bridge");
    // the card's first choice button: in the card, a third of the way down the map, left of its middle
    const double mapWidth = viewer->paneCamera(0).viewportWidth();
    bool clicked = false;
    for (double y = kHeight * 0.16; y < kHeight * 0.7 && !clicked; y += 6.0) {
        const core::Vec2 at{mapWidth / 2.0 - 160.0, y};
        sf::Event move{};
        move.type = sf::Event::MouseMoved;
        move.mouseMove = {int(at.x), int(at.y)};
        send(move);
        frame();
        clickAt(at);
        frame();
        frame();
        clicked = report::voteCount(line("bridge").votes) > 0;
    }
    ASSERT_TRUE(clicked) << "no click on the card counted as a vote";
    EXPECT_EQ(line("bridge").votes, (report::Tally{{"allowed", 1}}));
}

TEST_F(ClassroomDisplayTest, VotesCountedBeforeAreNotAskedAgain) {
    // the bridge's votes came on the command line (a show of hands before class): the clock does not
    // stop for it, and its answer shows when it happens, against those votes
    open({"bridge=cancelled:9,allowed:2"});
    for (int k = 0; k < 6; ++k)
        pressKey(sf::Keyboard::Up);
    ASSERT_TRUE(playUntilAsked());
    EXPECT_EQ(viewer->card()->question, "aarhus") << "the bridge was not asked";
    const QuestionLine::PerPane& bridge = line("bridge");
    EXPECT_TRUE(bridge.revealed);
    EXPECT_EQ(bridge.verdict, "right");
    EXPECT_EQ(bridge.rightVotes, 9);
}

TEST_F(ClassroomDisplayTest, AnAnswerScrubbedPastWaitsForTheClass) {
    open();
    // the teacher jumps to the end: every answer is settled, none is shown
    pressKey(sf::Keyboard::End);
    for (int k = 0; k < 400 && viewer->playback().now() < viewer->playback().end(); ++k)
        frame(0.5);
    for (const QuestionLine& l : viewer->questionLines()) {
        EXPECT_TRUE(l.panes.front().due) << l.id;
        EXPECT_FALSE(l.panes.front().revealed) << l.id;
    }
    EXPECT_FALSE(viewer->card().has_value()) << "nothing is asked while the teacher scrubs";
    // Enter asks the first, Enter again reveals it
    pressKey(sf::Keyboard::Enter);
    frame();
    ASSERT_TRUE(viewer->card().has_value());
    EXPECT_EQ(viewer->card()->question, "wedding");
    EXPECT_FALSE(viewer->card()->revealed);
    pressKey(sf::Keyboard::Num2);
    pressKey(sf::Keyboard::Enter);
    frame();
    EXPECT_TRUE(viewer->card()->revealed);
    EXPECT_EQ(line("wedding").verdict, "right");
}

TEST_F(ClassroomDisplayTest, AKeyEventGetsACallOutWhereItHappens) {
    open({"bridge=cancelled:1"}); // the bridge's votes are in: the clock does not stop for it
    const core::Instant start = viewer->playback().start();
    viewer->seekNow(start + 89 * 60000); // 08:29
    frame();
    EXPECT_TRUE(viewer->callouts().empty()) << "nothing for what happened before a jump";
    pressKey(sf::Keyboard::Space); // 60x: half a minute a frame
    for (int k = 0; k < 40 && viewer->playback().now() < start + 90 * 60000 + 30000; ++k)
        frame(0.5);
    pressKey(sf::Keyboard::Space);
    frame();
    int bridge = -1;
    for (std::size_t i = 0; i < viewer->playback().world().flights.size(); ++i)
        if (viewer->playback().world().flights[i].flight.id == "bridge-inspection")
            bridge = static_cast<int>(i);
    ASSERT_GE(bridge, 0);
    const auto callout = std::find_if(viewer->callouts().begin(), viewer->callouts().end(),
                                      [&](const Callout& c) { return c.drone == bridge; });
    ASSERT_NE(callout, viewer->callouts().end()) << "no call-out for the bridge inspection's cancellation";
    EXPECT_THAT(callout->text,
                ::testing::StartsWith("bridge-inspection cancels: Nationwide civil drone ban"));
    EXPECT_LE(callout->text.size(), 64u);
    EXPECT_EQ(callout->time, start + 90 * 60000);

    // a click on it opens the flight's card (it stands beside the spot, on whichever side has room)
    const core::Vec2 spot = viewer->paneCamera(0).toScreen(callout->at);
    bool opened = false;
    for (int tries = 0; tries < 40 && !opened; ++tries) {
        const double side = tries % 2 == 0 ? 60.0 : -60.0, dy = 12.0 + 2.0 * (tries / 2);
        const core::Vec2 at{spot.x + side, spot.y - dy};
        sf::Event move{};
        move.type = sf::Event::MouseMoved;
        move.mouseMove = {int(at.x), int(at.y)};
        send(move);
        frame(0.0);
        clickAt(at);
        frame(0.0);
        frame(0.0);
        opened = viewer->selection().drone == bridge;
    }
    ASSERT_TRUE(opened) << "a click on the call-out did not open its card";
    EXPECT_THAT(viewer->inspectorText(), HasSubstr("bridge-inspection"));
    const sf::Image shot = screenshot("nofly_classroom_callout.png");
    EXPECT_EQ(shot.getSize(), sf::Vector2u(kWidth, kHeight));

    // it fades with play, not while paused
    for (int k = 0; k < 30; ++k)
        frame(0.5);
    EXPECT_EQ(std::count_if(viewer->callouts().begin(), viewer->callouts().end(),
                            [&](const Callout& c) { return c.drone == bridge; }),
              1)
        << "paused: still there";
    pressKey(sf::Keyboard::Escape);
    pressKey(sf::Keyboard::Space);
    for (int k = 0; k < 20; ++k)
        frame(0.5);
    EXPECT_EQ(std::count_if(viewer->callouts().begin(), viewer->callouts().end(),
                            [&](const Callout& c) { return c.drone == bridge; }),
              0)
        << "gone after " << Viewer::kCalloutSeconds << " s of play";
}

/// Runs a command; its exit code and what it printed.
std::pair<int, std::string> runCommand(const std::string& command) {
    std::string output;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return {-1, "could not start: " + command};
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe))
        output += buffer;
    const int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

TEST_F(ClassroomDisplayTest, TwoPhonesVoteAndTheWindowCountsThem) {
    open();
    // the vote server as `nofly view --class` starts it, on the loopback address for the test
    auto box = std::make_shared<report::BallotBox>("4821");
    app::ClassServer server(box);
    std::string why;
    ASSERT_TRUE(server.start("127.0.0.1", 0, why)) << why;
    const std::string url = "http://127.0.0.1:" + std::to_string(server.port());
    viewer->acceptVotes(box, url);
    frame();
    ASSERT_TRUE(box->current().has_value());
    EXPECT_EQ(box->current()->key, "base/wedding") << "before the clock stops: the first open question";

    // the clock stops for the bridge: the phones now vote on it, and only on it
    for (int k = 0; k < 6; ++k)
        pressKey(sf::Keyboard::Up);
    ASSERT_TRUE(playUntilAsked());
    ASSERT_EQ(viewer->card()->question, "bridge");
    frame();
    ASSERT_TRUE(box->current().has_value());
    EXPECT_EQ(box->current()->key, "base/bridge");

    // two phones vote (and are refused a wrong code and a second vote) while the window runs
    const std::string script = std::string(NOFLY_SOURCE_DIR) + "/tests/render/display/phones_browser.py";
    const std::string shot = (std::filesystem::temp_directory_path() / "nofly_phone_voted.png").string();
    // Debian's Python, which has python3-websocket (another python3 may come first on the PATH)
    const std::string python = std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    auto phones = std::async(std::launch::async, [&] {
        return runCommand("timeout 150 " + python + " '" + script + "' " + url + " 4821 cancelled allowed '" +
                          shot + "'");
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (phones.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready &&
           std::chrono::steady_clock::now() < deadline)
        frame(1.0 / 30.0);
    ASSERT_EQ(phones.wait_for(std::chrono::seconds(30)), std::future_status::ready)
        << "the phones never finished";
    const auto [exit, output] = phones.get();
    EXPECT_EQ(exit, 0) << output;
    frame();

    // the window's state: the phones' two votes, then one from the keys
    EXPECT_EQ(line("bridge").votes, (report::Tally{{"allowed", 1}, {"cancelled", 1}})) << output;
    pressKey(sf::Keyboard::Num3); // cancelled
    frame();
    EXPECT_EQ(line("bridge").votes, (report::Tally{{"allowed", 1}, {"cancelled", 2}}));
    const sf::Image asked = screenshot("nofly_classroom_phones.png");
    EXPECT_EQ(asked.getSize(), sf::Vector2u(kWidth, kHeight));

    // a phone's vote just as the teacher reveals is counted: the box is drained as it is shut
    EXPECT_EQ(box->vote("4821", "last-phone", "base/bridge", "rerouted"), report::BallotBox::Result::Counted);
    // revealed: voting on it is over for the phones too
    pressKey(sf::Keyboard::Enter);
    frame();
    EXPECT_EQ(line("bridge").votes, (report::Tally{{"allowed", 1}, {"cancelled", 2}, {"rerouted", 1}}));
    EXPECT_EQ(line("bridge").rightVotes, 2);
    EXPECT_EQ(line("bridge").verdict, "right");
    ASSERT_TRUE(box->current().has_value());
    EXPECT_NE(box->current()->key, "base/bridge");
    EXPECT_EQ(box->vote("4821", "late-phone", "base/bridge", "rerouted"),
              report::BallotBox::Result::NotThisQuestion);
}

} // namespace
} // namespace nofly::render
