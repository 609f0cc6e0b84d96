// The window's parts fit the window under a real X server (xvfb-run -a): in
// presenter mode at 1920x1080 the Events list (the "why") starts above the
// bottom of the window and no legend line runs past the side panel; in split
// view each map is framed on the scenario's area, and stays so when the
// panes change size, and each names its policy by the variant's
// description. Opt-in (window_test.hpp).
#include "window_test.hpp"

#include "render/detail/viewer.hpp"

#include <gtest/gtest.h>

#include <string>

namespace nofly::render {
namespace {

const std::string kScenarios = std::string(NOFLY_SOURCE_DIR) + "/scenarios/denmark_2025/";
const std::string kFlagship = kScenarios + "summit_ban.yaml";
const std::string kKastrup = kScenarios + "kastrup_22_september.yaml"; // sensors: the longest legend

/// A viewer in a window of the given size.
template <unsigned W, unsigned H> class FitTest : public testing::WindowTest {
  protected:
    FitTest() : WindowTest(W, H) {}

    void open(const std::string& file, const std::string& at, bool presenter,
              std::vector<std::string> split = {}) {
        viewer.reset(); // one ImGui context at a time: the old viewer's goes first
        ViewerOptions options;
        options.file = file;
        options.presenter = presenter;
        options.split = std::move(split);
        openWith(options);
        if (HasFatalFailure()) return;
        const scenario::Scenario& s = viewer->scenario();
        const auto t = core::parseInstant(at, {s.time.start, s.time.utcOffsetMinutes, true});
        ASSERT_TRUE(std::holds_alternative<core::Instant>(t));
        viewer->seekNow(std::get<core::Instant>(t));
        // ImGui sizes its windows from the frame before
        for (int k = 0; k < 3; ++k)
            frame();
    }

    /// A click on the side panel: the press and the release in frames of their own, as ImGui needs.
    void clickPanel(float x, float y) {
        sf::Event e{};
        e.type = sf::Event::MouseMoved;
        e.mouseMove = {int(x), int(y)};
        send(e);
        frame();
        e.type = sf::Event::MouseButtonPressed;
        e.mouseButton = {sf::Mouse::Left, int(x), int(y)};
        send(e);
        frame();
        e.type = sf::Event::MouseButtonReleased;
        send(e);
        frame();
        frame();
    }

    /// The Events list's first line is in the window, with room for two lines of it under it.
    void expectEventsAboveTheFold(const char* where) {
        const SidePanelLayout& layout = viewer->sidePanelLayout();
        EXPECT_GE(layout.eventsTop, layout.top) << where;
        EXPECT_LT(layout.eventsTop + 60.f, layout.bottom) << where << ": the Events list is below the fold";
        EXPECT_LE(layout.bottom, float(H)) << where;
    }

    /// The open legend's lines all end inside the side panel.
    void expectLegendInside(const char* where) {
        const SidePanelLayout& layout = viewer->sidePanelLayout();
        ASSERT_TRUE(layout.legendOpen) << where;
        EXPECT_GT(layout.legendRight, 0.f) << where;
        EXPECT_LE(layout.legendRight, layout.legendContentRight + 0.5f) << where << ": a legend line is cut";
        EXPECT_LE(layout.legendContentRight, float(W)) << where;
    }

    /// Each pane shows the whole of the scenario's area, centred, as large as the pane allows.
    void expectPanesFramed(const char* where) {
        const core::Box area = viewer->sceneView();
        for (int pane = 0; pane < viewer->paneCount(); ++pane) {
            const Camera camera = viewer->paneCamera(pane);
            const core::Box shown = camera.visible();
            const double px = 1.0 / camera.scale(); // a pixel [m]
            EXPECT_LE(shown.min.x, area.min.x + px) << where << ", pane " << pane;
            EXPECT_LE(shown.min.y, area.min.y + px) << where << ", pane " << pane;
            EXPECT_GE(shown.max.x, area.max.x - px) << where << ", pane " << pane;
            EXPECT_GE(shown.max.y, area.max.y - px) << where << ", pane " << pane;
            const double fit = std::min(camera.viewportWidth() / (area.max.x - area.min.x),
                                        camera.viewportHeight() / (area.max.y - area.min.y));
            EXPECT_NEAR(camera.scale(), fit, fit * 1e-9) << where << ", pane " << pane << ": not fitted";
            const core::Vec2 middle = camera.toScreen((area.min + area.max) * 0.5);
            EXPECT_NEAR(middle.x, camera.viewportLeft() + camera.viewportWidth() / 2.0, 1.0)
                << where << ", pane " << pane;
        }
    }
};

using Presenter1920 = FitTest<1920, 1080>;
using Normal1600 = FitTest<1600, 900>;
using Normal1280 = FitTest<1280, 720>;
using Split1920 = FitTest<1920, 1080>;

TEST_F(Presenter1920, TheEventsListStartsAboveTheFold) {
    // the flagship with its questions, and Kastrup with the longest legend
    ASSERT_NO_FATAL_FAILURE(open(kFlagship, "10:30", true));
    expectEventsAboveTheFold("flagship at 10:30");
    ASSERT_NO_FATAL_FAILURE(open(kKastrup, "20:22", true));
    expectEventsAboveTheFold("Kastrup at 20:22");
    EXPECT_FALSE(viewer->sidePanelLayout().legendOpen) << "the presenter's legend opens on a click";
    // split view: each question has a row per map
    ASSERT_NO_FATAL_FAILURE(open(kFlagship, "10:30", true, {"base", "five-km-circles"}));
    expectEventsAboveTheFold("split view at 10:30");
    EXPECT_FALSE(viewer->sidePanelLayout().legendOpen) << "the presenter's legend opens on a click";
}

TEST_F(Presenter1920, AnOpenLegendWrapsInsideThePanelAndLeavesTheEventsInView) {
    ASSERT_NO_FATAL_FAILURE(open(kKastrup, "20:22", true));
    const SidePanelLayout before = viewer->sidePanelLayout();
    ASSERT_GT(before.legendHeaderY, 0.f);
    ASSERT_LT(before.legendHeaderY, before.bottom);
    clickPanel(float(1920 - 200), before.legendHeaderY);
    expectLegendInside("Kastrup at 20:22, presenter");
    expectEventsAboveTheFold("Kastrup at 20:22 with the legend open");
    // "Unknown track here closes the airport" is on two lines, not cut at the panel's edge
    EXPECT_GT(viewer->sidePanelLayout().legendRight, viewer->sidePanelLayout().legendContentRight - 200.f);
}

TEST_F(Normal1600, TheEventsListStartsAboveTheFoldAndTheLegendFits) {
    ASSERT_NO_FATAL_FAILURE(open(kFlagship, "10:30", false));
    expectEventsAboveTheFold("flagship at 10:30");
    expectLegendInside("flagship at 10:30");
    ASSERT_NO_FATAL_FAILURE(open(kKastrup, "20:22", false));
    expectEventsAboveTheFold("Kastrup at 20:22");
    expectLegendInside("Kastrup at 20:22");
}

TEST_F(Normal1280, TheEventsListStartsAboveTheFoldAndTheLegendFits) {
    ASSERT_NO_FATAL_FAILURE(open(kFlagship, "10:30", false));
    expectEventsAboveTheFold("flagship at 10:30");
    expectLegendInside("flagship at 10:30");
    ASSERT_NO_FATAL_FAILURE(open(kKastrup, "20:22", false));
    expectEventsAboveTheFold("Kastrup at 20:22");
    expectLegendInside("Kastrup at 20:22");
}

TEST_F(Split1920, EachPaneIsFramedOnTheScenariosArea) {
    ASSERT_NO_FATAL_FAILURE(open(kFlagship, "10:30", false, {"base", "five-km-circles"}));
    ASSERT_EQ(viewer->paneCount(), 2);
    expectPanesFramed("split view");
    // presenter mode widens the side panel, so the panes narrow: still framed
    pressKey(sf::Keyboard::P);
    frame();
    expectPanesFramed("split view, presenter mode");
    // a smaller window
    sf::Event resized{};
    resized.type = sf::Event::Resized;
    resized.size = {1600, 900};
    send(resized);
    expectPanesFramed("split view, 1600x900");
    // back to one map: the whole map framed again
    pressKey(sf::Keyboard::C);
    frame();
    ASSERT_EQ(viewer->paneCount(), 1);
    expectPanesFramed("one map");
}

TEST_F(Split1920, AMapMovedByHandKeepsItsScaleWhenThePanesChangeSize) {
    ASSERT_NO_FATAL_FAILURE(open(kFlagship, "10:30", false, {"base", "five-km-circles"}));
    sf::Event wheel{};
    wheel.type = sf::Event::MouseWheelScrolled;
    wheel.mouseWheelScroll = {sf::Mouse::VerticalWheel, 1.f, 300, 500};
    send(wheel);
    const double scale = viewer->camera().scale();
    pressKey(sf::Keyboard::P);
    frame();
    EXPECT_DOUBLE_EQ(viewer->camera().scale(), scale);
    // F fits it again
    pressKey(sf::Keyboard::F);
    expectPanesFramed("after F");
}

TEST_F(Split1920, EachPaneIsTitledWithItsPolicysNameElseItsDescription) {
    // the flagship names its policies (issue 16): the pane says the name, not the id
    ASSERT_NO_FATAL_FAILURE(open(kFlagship, "10:30", true, {"status-quo", "five-km-circles"}));
    EXPECT_EQ(viewer->paneTitle(0), "Status quo");
    EXPECT_EQ(viewer->paneTitle(1), "5 km circles");
    viewer->setVariant(0, "base");
    ASSERT_EQ(viewer->paneVariant(0), "base");
    EXPECT_EQ(viewer->paneTitle(0), "Nationwide ban");
    // Aalborg names none: a variant's description, and the base, which has none, its id
    ASSERT_NO_FATAL_FAILURE(open(kScenarios + "aalborg_24_september.yaml", "21:30", true, {"base", "ban"}));
    EXPECT_EQ(viewer->paneTitle(0), "base");
    EXPECT_EQ(viewer->paneTitle(1), "The nationwide ban of 29 September, brought forward to this evening");
}

} // namespace
} // namespace nofly::render
