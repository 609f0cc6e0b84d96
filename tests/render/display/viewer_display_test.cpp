// The real window under a real X server (xvfb-run -a): open a scenario, step,
// click a drone and read the inspector, toggle a layer, hot-reload a broken
// file, save a screenshot and read its pixels; the operations room of a
// detection scenario. Opt-in (window_test.hpp).
#include "window_test.hpp"

#include "render/detail/viewer.hpp"

#include "report/sentences.hpp"
#include "sim/simulation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace nofly::render {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

const std::string kLesson1 =
    std::string(NOFLY_SOURCE_DIR) + "/scenarios/tutorial/01_one_zone_one_flight.yaml";
constexpr core::Instant kMinute = 60000;

class DisplayTest : public testing::WindowTest {
  protected:
    DisplayTest() : WindowTest(1100, 700) {}

    void open(const std::string& file) {
        ViewerOptions options;
        options.file = file;
        openWith(options);
    }
};

int droneIndex(const sim::World& world, const std::string& id) {
    for (std::size_t i = 0; i < world.flights.size(); ++i)
        if (world.flights[i].flight.id == id) return int(i);
    return -1;
}

TEST_F(DisplayTest, OpensAScenarioAndSteps) {
    open(kLesson1);
    EXPECT_EQ(viewer->scenario().title, "Lesson 1: a drone meets a no-fly zone");
    const core::Instant start = viewer->playback().now();
    pressKey(sf::Keyboard::Right); // one step
    frame();
    EXPECT_EQ(viewer->playback().now(), start + viewer->scenario().time.step);
    pressKey(sf::Keyboard::Space); // play at 60x: a second of frames is a simulated minute
    for (int k = 0; k < 10; ++k)
        frame(0.1);
    EXPECT_TRUE(viewer->playing());
    EXPECT_NEAR(double(viewer->playback().now() - start), 60000.0, 2000.0);
}

TEST_F(DisplayTest, ClickingADroneShowsItsVerdictCard) {
    open(kLesson1);
    viewer->seekNow(viewer->playback().start() + 23 * kMinute); // the careless pilot is in the air
    frame();
    const sim::World& world = viewer->playback().world();
    const int careless = droneIndex(world, "careless-pilot");
    ASSERT_GE(careless, 0);
    ASSERT_EQ(world.drones[std::size_t(careless)].phase, sim::Phase::Flying);
    clickAt(viewer->camera().toScreen(world.drones[std::size_t(careless)].position));
    frame();
    EXPECT_EQ(viewer->selection().drone, careless);
    const std::string card = viewer->inspectorText();
    EXPECT_THAT(card, HasSubstr("Flight careless-pilot"));
    EXPECT_THAT(card, HasSubstr("Hospital helipad"));
}

TEST_F(DisplayTest, ClickingAZoneShowsWhatItMeansThere) {
    open(kLesson1);
    clickAt(viewer->camera().toScreen({0.0, 150.0})); // inside the helipad circle, no drone near
    frame();
    EXPECT_EQ(viewer->selection().zone, "helipad");
    const std::string card = viewer->inspectorText();
    EXPECT_THAT(card, HasSubstr("Zone Hospital helipad"));
    EXPECT_THAT(card, HasSubstr("Restriction: prohibited"));
    EXPECT_THAT(card, HasSubstr("for a hobby drone at 60 m"));
}

TEST_F(DisplayTest, AKeyTogglesTheZonesLayer) {
    open(kLesson1);
    const core::Vec2 inside = viewer->camera().toScreen({120.0, -250.0});
    const core::Vec2 outside = viewer->camera().toScreen({0.0, 1400.0});
    const sf::Image with = screenshot();
    pressKey(sf::Keyboard::Z);
    frame();
    EXPECT_FALSE(viewer->layers().zones);
    const sf::Image without = screenshot();
    // the zone's vermillion tint is gone; elsewhere nothing changed
    const sf::Color a = patchAt(with, inside), b = patchAt(without, inside);
    EXPECT_GT(int(a.r) - int(a.b), 15) << "zone tint expected";
    EXPECT_LT(std::abs(int(b.r) - int(b.b)), 6) << "no tint expected";
    EXPECT_EQ(pixelAt(with, outside), pixelAt(without, outside));
}

TEST_F(DisplayTest, ABrokenSaveKeepsTheLastGoodScenarioAndShowsItsErrors) {
    const fs::path folder = fs::temp_directory_path() / "nofly_hot_reload";
    fs::create_directories(folder);
    const fs::path file = folder / "lesson.yaml";
    fs::copy_file(kLesson1, file, fs::copy_options::overwrite_existing);
    open(file.string());
    const std::string title = viewer->scenario().title;

    // the teacher saves a typo
    std::ifstream in(kLesson1);
    std::stringstream text;
    text << in.rdbuf();
    std::string broken = text.str();
    const auto at = broken.find("restriction: prohibited");
    ASSERT_NE(at, std::string::npos);
    broken.replace(at, 11, "restrction");
    {
        std::ofstream out(file);
        out << broken;
    }
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(2));
    viewer->checkReload();
    frame();
    ASSERT_FALSE(viewer->errors().empty());
    EXPECT_THAT(viewer->errors().front(), HasSubstr("lesson.yaml:"));
    EXPECT_THAT(viewer->errors().front(), HasSubstr("did you mean 'restriction'"));
    EXPECT_TRUE(viewer->loaded());
    EXPECT_EQ(viewer->scenario().title, title);

    // and fixes it
    fs::copy_file(kLesson1, file, fs::copy_options::overwrite_existing);
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(4));
    viewer->checkReload();
    frame();
    EXPECT_TRUE(viewer->errors().empty());
}

TEST_F(DisplayTest, AScreenshotShowsZonesAndDronesWhereTheyAre) {
    open(kLesson1);
    viewer->seekNow(viewer->playback().start() + 17 * kMinute); // the careful pilot flies, the careless waits
    const sim::World& world = viewer->playback().world();
    const int careful = droneIndex(world, "careful-pilot");
    ASSERT_EQ(world.drones[std::size_t(careful)].phase, sim::Phase::Flying);
    const sf::Image image = screenshot();
    EXPECT_EQ(image.getSize(), sf::Vector2u(1100, 700));

    // the drone's icon, tinted with its state's colour
    const sim::Drone& drone = world.drones[std::size_t(careful)];
    const sf::Color expected = Viewer::stateColour(report::droneRole(drone));
    const sf::Color icon = pixelAt(image, viewer->camera().toScreen(drone.position));
    EXPECT_NEAR(icon.r, expected.r, 40);
    EXPECT_NEAR(icon.g, expected.g, 40);
    EXPECT_NEAR(icon.b, expected.b, 40);

    // inside the helipad: land tinted vermillion; far outside: plain land or sea, grey or white
    const sf::Color zone = patchAt(image, viewer->camera().toScreen({120.0, -250.0}));
    EXPECT_GT(int(zone.r) - int(zone.b), 15);
    const sf::Color plain = pixelAt(image, viewer->camera().toScreen({0.0, 1400.0}));
    EXPECT_EQ(plain.r, plain.g);
    EXPECT_EQ(plain.g, plain.b);
}

TEST_F(DisplayTest, TheOperationsRoomShowsTracksRespondersAndTheClosedAirport) {
    // Kastrup, 22 September: the radar reports large-drone-1 at 20:26:07 (the sourced
    // closure is at about 20:26), the airport closes and the police patrol sets off
    open(std::string(NOFLY_SOURCE_DIR) + "/scenarios/denmark_2025/kastrup_22_september.yaml");
    const core::Instant start = viewer->playback().start();
    viewer->seekNow(start + 5 * kMinute); // 19:35: open, nobody sent
    frame();
    EXPECT_EQ(viewer->defenceLayer().drawnLastFrame().closedAirports, 0u);
    EXPECT_EQ(viewer->defenceLayer().drawnLastFrame().responders, 0u);

    viewer->seekNow(start + 58 * kMinute); // 20:28
    const sf::Image image = screenshot();
    const DefenceDrawn& drawn = viewer->defenceLayer().drawnLastFrame();
    EXPECT_EQ(drawn.closedAirports, 1u);
    EXPECT_GE(drawn.unknownTracks, 1u);
    // both patrols are out: the Amager patrol to T17 (large-drone-1), the city patrol, sent at
    // 20:20:17, to T14 (evening-hobby-17), a city report (issue 16: the police answer for the city too)
    EXPECT_EQ(drawn.responders, 2u);

    // the closure radius, south of the airport (where no label covers it): a wide vermillion ring,
    // drawn 4.5 px inside the radius, clear of the 5 km zone's edge there
    const scenario::Airport& ekch = viewer->scenario().airports.at(0);
    ASSERT_EQ(ekch.id, "EKCH");
    const sf::Color ring = pixelAt(
        image, viewer->camera().toScreen(ekch.at - core::Vec2{0.0, ekch.closure->radius}) + core::Vec2{0.0, -4.5});
    EXPECT_GT(ring.r, 170);
    EXPECT_LT(ring.b, 90);
    // the patrol on its way, in the responders' blue
    const sim::ResponderState& patrol = viewer->playback().world().defence.responders.at(0);
    ASSERT_EQ(patrol.status, sim::ResponderState::EnRoute);
    const sf::Color police = pixelAt(image, viewer->camera().toScreen(patrol.position));
    EXPECT_GT(int(police.b) - int(police.r), 60);

    // a click on the airport: why it is closed
    clickAt(viewer->camera().toScreen(ekch.at));
    frame();
    EXPECT_EQ(viewer->selection().airport, "EKCH");
    const std::string card = viewer->inspectorText();
    EXPECT_THAT(card, HasSubstr("Now: CLOSED since 20:26:07"));
    EXPECT_THAT(card, HasSubstr("EKCH closed at 20:26:07 because track T17, unknown, was 4.42 km from the airport"));
}

/// Where the map draws a drone, flying or on the ground.
core::Vec2 drawnAt(const sim::Drone& d) {
    return d.phase == sim::Phase::Flying || d.plan.empty() ? d.position : d.plan.front().p0;
}

const std::string kLesson4 =
    std::string(NOFLY_SOURCE_DIR) + "/scenarios/tutorial/04_exemptions_and_authorisations.yaml";

TEST_F(DisplayTest, AWaitingDroneIsExplainedByTheEventsAndItsCard) {
    // the photographer asks air traffic control at 09:30 and sits on the ground until the answer at 09:40
    open(kLesson4);
    viewer->seekNow(viewer->playback().start() + 95 * kMinute); // 09:35
    frame();
    const std::vector<const sim::Event*> events = viewer->tickerEvents(10);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.front()->type, sim::EventType::AuthorisationRequested);
    const render::Playback& playback = viewer->playback();
    EXPECT_EQ(report::flightId(playback.world(), events.front()->flight), "photographer-asks");
    EXPECT_EQ(report::eventText(playback.scenario(), playback.world(), *events.front()),
              "asks for an authorisation to fly in Kastrup control zone; the answer is due at 09:40");

    const sim::World& world = viewer->playback().world();
    const int photographer = droneIndex(world, "photographer-asks");
    ASSERT_EQ(world.drones[std::size_t(photographer)].phase, sim::Phase::Waiting);
    clickAt(viewer->camera().toScreen(drawnAt(world.drones[std::size_t(photographer)])));
    frame();
    ASSERT_EQ(viewer->selection().drone, photographer);
    EXPECT_THAT(viewer->inspectorText(),
                HasSubstr("\nNow: on the ground, waiting until 09:40\nOutcome so far: pending\n"));
    screenshot("nofly_waiting_drone.png"); // to look at
}

TEST_F(DisplayTest, ACancelledDronesCardSaysWhereItIsAndItsOutcomeOnLinesOfTheirOwn) {
    open(kLesson4);
    viewer->seekNow(viewer->playback().start() + 125 * kMinute); // 10:05: the hobby pilot cancelled at 10:00
    frame();
    const sim::World& world = viewer->playback().world();
    const int hobby = droneIndex(world, "hobby-at-residence");
    ASSERT_EQ(world.drones[std::size_t(hobby)].phase, sim::Phase::Cancelled);
    clickAt(viewer->camera().toScreen(drawnAt(world.drones[std::size_t(hobby)])));
    frame();
    ASSERT_EQ(viewer->selection().drone, hobby);
    const std::string card = viewer->inspectorText();
    EXPECT_THAT(card, HasSubstr("\nNow: on the ground, its flight cancelled\nOutcome so far: cancelled\n\n"));
    EXPECT_THAT(card, HasSubstr("Flight hobby-at-residence at 10:00: cancelled"));
    screenshot("nofly_cancelled_drone.png"); // to look at
}

TEST_F(DisplayTest, AClickOnAPanelButtonInOneFrameIsNotLost) {
    open(kLesson1);
    EXPECT_FALSE(viewer->playing());
    // the sidebar's Play button is the first button under the title, at its left edge:
    // walk down the column until a click lands on it
    bool toggled = false;
    for (int y = 10; y < 400 && !toggled; y += 4) {
        const core::Vec2 p{1100.0 - 390.0 + 30.0, double(y)};
        sf::Event move{};
        move.type = sf::Event::MouseMoved;
        move.mouseMove = {int(p.x), y};
        send(move);
        frame();
        clickAt(p); // press and release before the next frame
        frame();
        frame();
        toggled = viewer->playing();
    }
    EXPECT_TRUE(toggled) << "the Play button never saw the click";
}

TEST_F(DisplayTest, HelpAndPresenterKeys) {
    open(kLesson1);
    pressKey(sf::Keyboard::F1);
    frame();
    EXPECT_TRUE(viewer->helpShown());
    pressKey(sf::Keyboard::Escape);
    pressKey(sf::Keyboard::P);
    frame();
    EXPECT_FALSE(viewer->helpShown());
    EXPECT_TRUE(viewer->presenter());
}

TEST_F(DisplayTest, DronesAreOneVertexArray) {
    open(std::string(NOFLY_SOURCE_DIR) + "/scenarios/denmark_2025/summit_ban.yaml");
    viewer->seekNow(viewer->playback().start() + 210 * kMinute);
    frame();
    EXPECT_GT(viewer->droneLayer().drawnLastFrame(), 0u);
    // labels never overlap
    const auto& labels = viewer->mapLayer().placedLabels();
    for (std::size_t i = 0; i < labels.size(); ++i)
        for (std::size_t j = i + 1; j < labels.size(); ++j)
            EXPECT_FALSE(labels[i].intersects(labels[j]));
}

TEST_F(DisplayTest, ACrowdStampedOnTheCpuLooksAsOpenGlDrawsIt) {
    // 3,000 drones at once: a dense crowd, drawn as dots
    const fs::path file = fs::temp_directory_path() / "nofly_crowd_test.yaml";
    {
        std::ofstream out(file);
        out << "title: A crowd\n"
               "seed: 5\n"
               "time: {start: 2025-10-01T08:00+02:00, end: 2025-10-01T09:00+02:00, step: 5 s}\n"
               "map: {origin: {lat: 55.676, lon: 12.568}}\n"
               "zones:\n"
               "  - {id: summit, name: Summit, restriction: prohibited,\n"
               "     shape: {circle: {center: [0 m, 0 m], radius: 2 km}}}\n"
               "traffic:\n"
               "  - {id: crowd, category: hobby, count: 3000, area: {circle: {center: [0 m, 0 m], radius: 10 "
               "km}},\n"
               "     depart: {between: [08:00, 08:01]}, duration: {between: [30 min, 40 min]},\n"
               "     behaviour: {compliant: 100%}}\n";
    }
    open(file.string());
    viewer->seekNow(viewer->playback().start() + 3 * kMinute);
    frame();
    ASSERT_TRUE(viewer->droneLayer().denseLastFrame());

    // the largest difference between two frames over the map left of the
    // panels, and how many pixels of `b` are in the flying colour
    const sf::Color flying = Viewer::stateColour(report::Role::DroneFlying);
    auto compare = [&](const sf::Image& a, const sf::Image& b) {
        int worst = 0, dotPixels = 0;
        for (unsigned y = 0; y < a.getSize().y; ++y)
            for (unsigned x = 0; x < 600; ++x) {
                const sf::Color p = a.getPixel(x, y), q = b.getPixel(x, y);
                worst = std::max({worst, std::abs(p.r - q.r), std::abs(p.g - q.g), std::abs(p.b - q.b)});
                dotPixels += q == flying;
            }
        return std::pair{worst, dotPixels};
    };
    // the same frame with the dots drawn by OpenGL, as where the map cannot be copied
    auto drawnByOpenGl = [&] {
        viewer->setCpuDots(false);
        sf::Image image = screenshot("nofly_crowd_opengl.png");
        EXPECT_FALSE(viewer->dotsStampedLastFrame());
        viewer->setCpuDots(true);
        return image;
    };

    // dots of 7 px, then of 10 in presenter mode (an even side sits on a pixel corner)
    for (const bool presenter : {false, true}) {
        SCOPED_TRACE(presenter ? "presenter mode" : "normal mode");
        if (presenter) pressKey(sf::Keyboard::P);
        frame(); // the clock's panel fits its new text a frame later
        const sf::Image drawn = drawnByOpenGl();
        // stamped on the CPU: on a frame that redraws the map (a layer
        // switched off and on again) as on one where it stands still
        viewer->layers().land = false;
        frame();
        EXPECT_TRUE(viewer->dotsStampedLastFrame());
        viewer->layers().land = true;
        const sf::Image stamped = screenshot("nofly_crowd_cpu.png");
        EXPECT_TRUE(viewer->dotsStampedLastFrame());
        EXPECT_EQ(viewer->presenter(), presenter);
        const auto [worst, dotPixels] = compare(drawn, stamped);
        EXPECT_LE(worst, 2);
        EXPECT_GT(dotPixels, 3000); // the dots are there, in the flying colour

        // half a minute on, the map put back under the old dots and the new stamped
        viewer->seekNow(viewer->playback().now() + 30000);
        frame();
        const sf::Image stampedLater = screenshot("nofly_crowd_cpu_later.png");
        EXPECT_TRUE(viewer->dotsStampedLastFrame());
        const auto [moved, _] = compare(stamped, stampedLater);
        EXPECT_GT(moved, 100); // the drones moved
        const auto [worstLater, dotPixelsLater] = compare(drawnByOpenGl(), stampedLater);
        EXPECT_LE(worstLater, 2);
        EXPECT_GT(dotPixelsLater, 3000);
    }
}

TEST_F(DisplayTest, TheSidePanelCopiedFromAnEarlierFrameLooksAsDrawnAnew) {
    open(kLesson1);
    for (int k = 0; k < 12; ++k) // a fifth of a second: the panel settles (a scroll bar comes a frame late)
        frame(1.0 / 60.0);
    EXPECT_FALSE(viewer->sidePanelDrawnLastFrame());                  // nothing changed: copied in
    const unsigned left = unsigned(viewer->camera().viewportWidth()); // where the side panel starts
    auto worst = [&](const sf::Image& a, const sf::Image& b) {
        int most = 0;
        for (unsigned y = 0; y < a.getSize().y; ++y)
            for (unsigned x = left; x < a.getSize().x; ++x) {
                const sf::Color p = a.getPixel(x, y), q = b.getPixel(x, y);
                most = std::max({most, std::abs(p.r - q.r), std::abs(p.g - q.g), std::abs(p.b - q.b)});
            }
        return most;
    };
    auto drawnAnew = [&](const std::string& name) {
        viewer->setKeepSidePanel(false);
        sf::Image image = screenshot(name);
        EXPECT_TRUE(viewer->sidePanelDrawnLastFrame());
        viewer->setKeepSidePanel(true);
        return image;
    };
    const sf::Image copied = screenshot("nofly_side_first.png");
    EXPECT_FALSE(viewer->sidePanelDrawnLastFrame());
    EXPECT_EQ(worst(copied, drawnAnew("nofly_side_first_drawn.png")), 0);

    // paused, the mouse on it or on the map: drawn again at every change (a step moves its clock)
    sf::Event move{};
    move.type = sf::Event::MouseMoved;
    for (const sf::Vector2i mouse : {sf::Vector2i(int(left) + 150, 650), sf::Vector2i(200, 400)}) {
        SCOPED_TRACE(mouse.x > int(left) ? "the mouse on the side panel" : "the mouse on the map");
        move.mouseMove = {mouse.x, mouse.y};
        send(move);
        frame();
        for (int k = 0; k < 3; ++k) {
            pressKey(sf::Keyboard::Right);
            frame();
            EXPECT_TRUE(viewer->sidePanelDrawnLastFrame()) << "step " << k;
        }
    }

    // the mouse on the map and the clock running: at most ten times a second
    pressKey(sf::Keyboard::Space);
    int drawn = 0, changes = 0;
    for (int k = 0; k < 120; ++k) { // two seconds of frames
        const core::Instant before = viewer->playback().now();
        frame(1.0 / 60.0);
        drawn += viewer->sidePanelDrawnLastFrame();
        changes += viewer->playback().now() != before;
    }
    EXPECT_GT(changes, 40);
    EXPECT_GE(drawn, 15);
    EXPECT_LE(drawn, 22);

    // paused, it settles on what it shows now, pixel for pixel
    pressKey(sf::Keyboard::Space);
    for (int k = 0; k < 10; ++k)
        frame(1.0 / 60.0);
    const sf::Image settled = screenshot("nofly_side_copied.png");
    EXPECT_FALSE(viewer->sidePanelDrawnLastFrame());
    EXPECT_EQ(worst(settled, drawnAnew("nofly_side_drawn.png")), 0);
    EXPECT_GT(worst(copied, settled), 100); // and it is not the first frame's
}

TEST_F(DisplayTest, TheRenderCommandWritesAPicture) {
    const std::string out = (fs::temp_directory_path() / "nofly_render_test.png").string();
    fs::remove(out);
    const std::string command = std::string(NOFLY_BINARY) + " render " + kLesson1 +
                                " --at 10:23 --size 800x600 -o " + out + " > /dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0);
    sf::Image image;
    ASSERT_TRUE(image.loadFromFile(out));
    EXPECT_EQ(image.getSize(), sf::Vector2u(800, 600));
}

} // namespace
} // namespace nofly::render
