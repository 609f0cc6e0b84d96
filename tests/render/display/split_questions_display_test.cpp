// The split view and the Questions panel in a real window under a real X
// server (xvfb-run -a): the flagship scenario with the nationwide ban beside
// five-kilometre circles on one clock, one camera and a click in either map;
// the class's answers given with the number keys, locked, revealed by the
// run and written into the saved report. Opt-in (window_test.hpp).
#include "window_test.hpp"

#include "render/detail/viewer.hpp"

#include "sim/simulation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace nofly::render {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

const std::string kFlagship = std::string(NOFLY_SOURCE_DIR) + "/scenarios/denmark_2025/summit_ban.yaml";
constexpr core::Instant kMinute = 60000;
constexpr unsigned kWidth = 1600, kHeight = 900;

class SplitDisplayTest : public testing::WindowTest {
  protected:
    SplitDisplayTest() : WindowTest(kWidth, kHeight) {}

    void open(std::vector<std::string> split, bool presenter = false) {
        ViewerOptions options;
        options.file = kFlagship;
        options.split = std::move(split);
        options.presenter = presenter;
        options.stepBudget = 0.25; // a quarter of a second of steps a frame: whole hours in a few frames
        openWith(options);
    }

    /// Plays at the given speed until `until`, checking after every frame that both maps show one time;
    /// where the clock stops for a question, the teacher reveals it (Enter) and plays on (Space).
    void playUntil(core::Instant until, double speed_frames_seconds = 0.5) {
        for (int k = 0; k < 4000 && viewer->playback(0).now() < until && !viewer->playback(0).finished();
             ++k) {
            frame(speed_frames_seconds);
            ASSERT_EQ(viewer->playback(0).now(), viewer->playback(1).now()) << "frame " << k;
            if (viewer->card() && !viewer->card()->revealed) {
                pressKey(sf::Keyboard::Enter);
                pressKey(sf::Keyboard::Space);
            }
        }
    }

    const QuestionLine& question(const std::vector<QuestionLine>& lines, const std::string& id) {
        for (const QuestionLine& l : lines)
            if (l.id == id) return l;
        ADD_FAILURE() << "no question " << id;
        return lines.front();
    }
};

TEST_F(SplitDisplayTest, TwoVariantsRunOnOneClock) {
    open({"base", "five-km-circles"});
    ASSERT_EQ(viewer->paneCount(), 2);
    EXPECT_EQ(viewer->paneVariant(0), "base");
    EXPECT_EQ(viewer->paneVariant(1), "five-km-circles");
    // the same traffic: the same flights in both
    ASSERT_EQ(viewer->playback(0).world().flights.size(), viewer->playback(1).world().flights.size());
    for (std::size_t i = 0; i < viewer->playback(0).world().flights.size(); ++i)
        EXPECT_EQ(viewer->playback(0).world().flights[i].flight.depart,
                  viewer->playback(1).world().flights[i].flight.depart);

    // a step moves both
    const core::Instant start = viewer->playback(0).now();
    pressKey(sf::Keyboard::Right);
    frame();
    EXPECT_EQ(viewer->playback(0).now(), start + viewer->scenario(0).time.step);
    EXPECT_EQ(viewer->playback(1).now(), viewer->playback(0).now());

    // playing fast: both at one time after every frame
    pressKey(sf::Keyboard::Space);
    for (int k = 0; k < 8; ++k)
        pressKey(sf::Keyboard::Up); // 60x -> 10000x
    playUntil(start + 210 * kMinute);
    pressKey(sf::Keyboard::Space);
    frame();
    EXPECT_EQ(viewer->playback(0).now(), viewer->playback(1).now());
    EXPECT_GE(viewer->playback(0).now(), start + 210 * kMinute);

    // different policies, different mornings: the labels over the maps say so
    const std::string left = viewer->paneLabel(0), right = viewer->paneLabel(1);
    EXPECT_THAT(left, HasSubstr("base\n"));
    EXPECT_THAT(right, HasSubstr("five-km-circles\n"));
    EXPECT_NE(left.substr(left.find('\n')), right.substr(right.find('\n')));

    // going back moves both to the same earlier time
    pressKey(sf::Keyboard::Left);
    for (int k = 0; k < 200; ++k)
        frame();
    EXPECT_EQ(viewer->playback(0).now(), viewer->playback(1).now());
}

TEST_F(SplitDisplayTest, EachMapDrawsItsOwnVariant) {
    open({"base", "five-km-circles"});
    // south-west of Copenhagen, far from every circle: inside the nationwide ban only
    const core::Vec2 place = viewer->scenario(0).projection.toLocal({55.60, 12.35});
    const core::Vec2 left = viewer->paneCamera(0).toScreen(place),
                     right = viewer->paneCamera(1).toScreen(place);
    EXPECT_NEAR(right.x - left.x, viewer->paneCamera(0).viewportWidth(), 1e-6);
    const sf::Image image = screenshot();
    const sf::Color ban = patchAt(image, left), plain = patchAt(image, right);
    EXPECT_GT(int(ban.r) - int(ban.b), 15) << "the ban's tint expected on the left";
    EXPECT_LT(std::abs(int(plain.r) - int(plain.b)), 6) << "no tint expected on the right";
}

TEST_F(SplitDisplayTest, OneCameraForBothMaps) {
    open({"base", "five-km-circles"});
    const double width = viewer->paneCamera(0).viewportWidth();
    // a drag in the right map pans both
    sf::Event e{};
    e.type = sf::Event::MouseButtonPressed;
    e.mouseButton = {sf::Mouse::Left, int(width + 300), 400};
    send(e);
    e.type = sf::Event::MouseMoved;
    e.mouseMove = {int(width + 360), 430};
    send(e);
    e.type = sf::Event::MouseButtonReleased;
    e.mouseButton = {sf::Mouse::Left, int(width + 360), 430};
    send(e);
    frame();
    // a wheel notch in the right map zooms both around the same world point
    const core::Vec2 under = viewer->paneCamera(1).toWorld({width + 200.0, 300.0});
    e = {};
    e.type = sf::Event::MouseWheelScrolled;
    e.mouseWheelScroll = {sf::Mouse::VerticalWheel, 1.f, int(width + 200), 300};
    send(e);
    frame();
    const Camera a = viewer->paneCamera(0), b = viewer->paneCamera(1);
    EXPECT_EQ(a.scale(), b.scale());
    EXPECT_EQ(a.centre().x, b.centre().x);
    EXPECT_EQ(a.centre().y, b.centre().y);
    const core::Vec2 still = viewer->paneCamera(1).toWorld({width + 200.0, 300.0});
    EXPECT_NEAR(still.x, under.x, 1.0);
    EXPECT_NEAR(still.y, under.y, 1.0);
}

TEST_F(SplitDisplayTest, TheInspectorWorksInTheMapClicked) {
    open({"base", "five-km-circles"});
    // Kastrup airport: an authorisation circle under the ban, a prohibited one among the circles
    const core::Vec2 ekch = viewer->scenario(0).projection.toLocal({55.605, 12.70});
    clickAt(viewer->paneCamera(1).toScreen(ekch));
    frame();
    EXPECT_EQ(viewer->selection().pane, 1);
    EXPECT_EQ(viewer->selection().zone, "ekch-circle");
    // the pane's policy by the name the file gives it
    EXPECT_THAT(viewer->inspectorText(), HasSubstr("[5 km circles]"));
    EXPECT_EQ(viewer->paneName(1), "5 km circles");
    EXPECT_THAT(viewer->inspectorText(), HasSubstr("Restriction: prohibited"));
    clickAt(viewer->paneCamera(0).toScreen(ekch));
    frame();
    EXPECT_EQ(viewer->selection().pane, 0);
    EXPECT_EQ(viewer->selection().zone, "ekch-circle");
    EXPECT_THAT(viewer->inspectorText(), HasSubstr("[Nationwide ban]"));
    EXPECT_THAT(viewer->inspectorText(), HasSubstr("Restriction: authorisation"));
}

TEST_F(SplitDisplayTest, TheClassVotesThenTheTeacherReveals) {
    open({"base", "five-km-circles"});
    // the first question takes the left map's votes: the keys give them, Shift takes one back
    ASSERT_EQ(viewer->currentQuestion(), std::make_pair(0, 0));
    const QuestionLine first = viewer->questionLines().front();
    ASSERT_EQ(first.id, "wedding");
    ASSERT_EQ(first.choices, (std::vector<std::string>{"allowed", "cancelled"}));
    pressKey(sf::Keyboard::Num2); // base: cancelled
    pressKey(sf::Keyboard::Num2);
    pressKey(sf::Keyboard::Num2);
    pressKey(sf::Keyboard::Num1); // base: allowed
    pressKey(sf::Keyboard::Num1);
    pressKey(sf::Keyboard::Num1, true); // one taken back
    frame();
    auto lines = viewer->questionLines();
    EXPECT_EQ(question(lines, "wedding").panes[0].votes, (report::Tally{{"allowed", 1}, {"cancelled", 3}}));
    EXPECT_EQ(question(lines, "wedding").panes[0].classAnswer, "cancelled");
    EXPECT_TRUE(question(lines, "wedding").panes[1].votes.empty()) << "each policy takes its own votes";
    EXPECT_FALSE(question(lines, "wedding").panes[0].revealed);
    // each side named as the file names its policy, not by its id
    EXPECT_EQ(question(lines, "wedding").panes[0].policy, "Nationwide ban");
    EXPECT_EQ(question(lines, "wedding").panes[1].policy, "5 km circles");
    EXPECT_TRUE(viewer->vote(1, "wedding", "cancelled"));
    EXPECT_TRUE(viewer->setVotes(0, "bridge", "allowed", 7)) << "a count the teacher types";
    EXPECT_FALSE(viewer->vote(0, "bridge", "sunk")) << "not a choice";

    // play on: each time an answer is about to come out, the clock stops and asks; Enter reveals
    pressKey(sf::Keyboard::Space);
    for (int k = 0; k < 8; ++k)
        pressKey(sf::Keyboard::Up);
    int asked = 0;
    for (int k = 0; k < 4000 && !viewer->playback(0).finished(); ++k) {
        frame(0.5);
        ASSERT_EQ(viewer->playback(0).now(), viewer->playback(1).now()) << "frame " << k;
        if (viewer->card() && !viewer->card()->revealed) {
            ++asked;
            EXPECT_FALSE(viewer->playing());
            pressKey(sf::Keyboard::Enter);
            frame();
            ASSERT_TRUE(viewer->card() && viewer->card()->revealed);
            pressKey(sf::Keyboard::Space); // the card goes, the clock plays on
        } else if (!viewer->playing() && !viewer->playback(0).finished()) {
            pressKey(sf::Keyboard::Space);
        }
    }
    EXPECT_EQ(asked, 6) << "three questions on each of two maps";
    frame();
    lines = viewer->questionLines();
    const QuestionLine& wedding = question(lines, "wedding");
    ASSERT_TRUE(wedding.panes[0].revealed);
    EXPECT_EQ(wedding.panes[0].answer, "cancelled");
    EXPECT_EQ(wedding.panes[0].verdict, "right");
    EXPECT_EQ(wedding.panes[0].rightVotes, 3);
    const QuestionLine& bridge = question(lines, "bridge");
    ASSERT_TRUE(bridge.panes[0].revealed);
    EXPECT_EQ(bridge.panes[0].answer, "cancelled");
    EXPECT_EQ(bridge.panes[0].verdict, "wrong");
    EXPECT_EQ(bridge.panes[1].verdict, "not answered");
    // and revealed answers take no more votes
    EXPECT_FALSE(viewer->vote(1, "bridge", "cancelled"));

    // the saved report lists them against what happened
    const fs::path folder = fs::temp_directory_path() / "nofly_questions_report";
    fs::remove_all(folder.string() + "-base");
    std::string message;
    ASSERT_TRUE(viewer->saveReports(folder.string(), message)) << message;
    std::ifstream in(folder.string() + "-base/report.json");
    std::stringstream json;
    json << in.rdbuf();
    EXPECT_THAT(json.str(), HasSubstr("\"id\": \"wedding\""));
    EXPECT_THAT(json.str(), HasSubstr("\"class_answer\": \"cancelled\""));
    EXPECT_THAT(json.str(),
                HasSubstr("\"votes\": {\n        \"allowed\": 1,\n        \"cancelled\": 3\n      }"));
    EXPECT_THAT(json.str(), HasSubstr("\"result\": \"right\""));
    EXPECT_THAT(json.str(), HasSubstr("\"result\": \"wrong\""));
    EXPECT_TRUE(fs::exists(folder.string() + "-five-km-circles/report.html"));
}

TEST_F(SplitDisplayTest, TheVariantPickerKeepsTheTimeAndTheAnswers) {
    open({});
    ASSERT_EQ(viewer->paneCount(), 1);
    EXPECT_TRUE(viewer->vote(0, "wedding", "cancelled"));
    viewer->seekNow(viewer->playback().start() + 150 * kMinute);
    const core::Instant at = viewer->playback().now();
    pressKey(sf::Keyboard::V); // base -> status-quo
    for (int k = 0; k < 2000 && viewer->playback().now() != at; ++k)
        frame();
    EXPECT_EQ(viewer->paneVariant(0), "status-quo");
    EXPECT_EQ(viewer->playback().now(), at);
    EXPECT_EQ(viewer->questionLines().front().panes[0].classAnswer, "") << "status-quo has its own votes";
    pressKey(sf::Keyboard::V); // -> five-km-circles
    frame();
    pressKey(sf::Keyboard::V); // -> base again
    frame();
    EXPECT_EQ(viewer->paneVariant(0), "base");
    EXPECT_EQ(viewer->questionLines().front().panes[0].classAnswer, "cancelled") << "base's votes survived";

    // C: side by side, the right map the next variant
    pressKey(sf::Keyboard::C);
    frame();
    ASSERT_EQ(viewer->paneCount(), 2);
    EXPECT_EQ(viewer->paneVariant(1), "status-quo");
}

TEST_F(SplitDisplayTest, ASaveReloadsBothMapsAtTheSameTime) {
    // a copy of the flagship, with the fragment it includes
    const fs::path folder = fs::temp_directory_path() / "nofly_split_reload";
    fs::create_directories(folder);
    const fs::path source = fs::path(kFlagship).parent_path();
    fs::copy_file(source / "_airports.yaml", folder / "_airports.yaml", fs::copy_options::overwrite_existing);
    fs::copy_file(kFlagship, folder / "summit_ban.yaml", fs::copy_options::overwrite_existing);
    ViewerOptions options;
    options.file = (folder / "summit_ban.yaml").string();
    options.split = {"base", "status-quo"};
    viewer = std::make_unique<Viewer>(options);
    ASSERT_TRUE(viewer->load());
    viewer->resize(kWidth, kHeight);
    viewer->seekNow(viewer->playback(0).start() + 90 * kMinute);
    frame();
    const core::Instant at = viewer->playback(0).now();

    // the teacher renames the scenario and saves
    std::ifstream in(kFlagship);
    std::stringstream text;
    text << in.rdbuf();
    std::string changed = text.str();
    const auto title = changed.find("title: Copenhagen summit day");
    ASSERT_NE(title, std::string::npos);
    changed.replace(title, 28, "title: Summit day, revised");
    {
        std::ofstream out(folder / "summit_ban.yaml");
        out << changed;
    }
    fs::last_write_time(folder / "summit_ban.yaml",
                        fs::last_write_time(folder / "summit_ban.yaml") + std::chrono::seconds(2));
    viewer->checkReload();
    frame();
    ASSERT_TRUE(viewer->errors().empty()) << viewer->errors().front();
    ASSERT_EQ(viewer->paneCount(), 2);
    EXPECT_THAT(viewer->scenario(0).title, HasSubstr("Summit day, revised"));
    EXPECT_THAT(viewer->scenario(1).title, HasSubstr("Summit day, revised"));
    EXPECT_EQ(viewer->paneVariant(1), "status-quo");
    EXPECT_EQ(viewer->playback(0).now(), at);
    EXPECT_EQ(viewer->playback(1).now(), at);
}

TEST_F(SplitDisplayTest, NumberKeysVoteInPresenterMode) {
    open({"base", "five-km-circles"}, true);
    ASSERT_TRUE(viewer->presenter());
    pressKey(sf::Keyboard::Num1);    // wedding, base: allowed
    pressKey(sf::Keyboard::Numpad2); // wedding, base: cancelled
    pressKey(sf::Keyboard::Num9);    // the wedding has no ninth choice: nothing
    frame();
    const auto lines = viewer->questionLines();
    EXPECT_EQ(question(lines, "wedding").panes[0].votes, (report::Tally{{"allowed", 1}, {"cancelled", 1}}));
    EXPECT_EQ(question(lines, "wedding").panes[0].classAnswer, "") << "a tie";
    EXPECT_TRUE(question(lines, "wedding").panes[1].votes.empty());
    EXPECT_EQ(viewer->currentQuestion(), std::make_pair(0, 0)) << "voting stays open until the reveal";
    // the frame a class sees (kept in the temporary folder to look at)
    viewer->seekNow(viewer->playback(0).start() + 210 * kMinute);
    const sf::Image image = screenshot("nofly_split_presenter_test.png");
    EXPECT_EQ(image.getSize(), sf::Vector2u(kWidth, kHeight));
}

} // namespace
} // namespace nofly::render
