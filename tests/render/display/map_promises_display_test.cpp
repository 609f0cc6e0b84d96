// The map keeps the legend's promises in the window and in `nofly render`
// (issue 15): zones in force at the start are solid from the first frame,
// obstacles are drawn, labels never overlap and the story's places are
// named, and no drone hides an airport's code. Opt-in (window_test.hpp).
#include "window_test.hpp"

#include "core/projection.hpp"
#include "render/detail/viewer.hpp"
#include "report/scene.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace nofly::render {
namespace {

namespace fs = std::filesystem;
constexpr core::Instant kMinute = 60000;

class MapPromisesTest : public testing::WindowTest {
  protected:
    MapPromisesTest() : WindowTest(1600, 900) {} // the size `nofly render` draws by default

    void open(const std::string& file) {
        ViewerOptions options;
        options.file = file;
        openWith(options);
    }
    /// A scenario written to a temporary file.
    static std::string write(const std::string& name, const std::string& text) {
        const fs::path file = fs::temp_directory_path() / name;
        std::ofstream(file) << text;
        return file.string();
    }
};

bool sameColour(sf::Color a, sf::Color b) {
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

TEST_F(MapPromisesTest, AZoneInForceAtTheStartIsSolidFromTheFirstFrame) {
    open(write("nofly_zone_at_start.yaml",
               "title: In force from the start\n"
               "time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}\n"
               "map: {origin: {lat: 55.69, lon: 12.56}, view: {center: [0, 0], radius: 2 km}}\n"
               "zones:\n"
               "  - {id: always, name: Always, restriction: prohibited,\n"
               "     shape: {circle: {center: [0, 0], radius: 1 km}}}\n"));
    const core::Vec2 inside = viewer->camera().toScreen({0.0, -500.0});
    const sf::Color opening = patchAt(screenshot("nofly_zone_start.png"), inside);
    // ten minutes on, long after any flash: the same colour
    viewer->seekNow(viewer->playback().start() + 10 * kMinute);
    for (int k = 0; k < 5; ++k)
        frame(1.0);
    const sf::Color later = patchAt(screenshot("nofly_zone_later.png"), inside);
    EXPECT_TRUE(sameColour(opening, later))
        << "at the start " << int(opening.r) << "," << int(opening.g) << "," << int(opening.b) << "; later "
        << int(later.r) << "," << int(later.g) << "," << int(later.b);
}

TEST_F(MapPromisesTest, TheRenderCommandDrawsObstacles) {
    // lesson 5's warehouse, a 150 m disc at [0, -800 m], blocks the sensors' view
    const std::string lesson = std::string(NOFLY_SOURCE_DIR) + "/scenarios/tutorial/06_sensors.yaml";
    const std::string out = (fs::temp_directory_path() / "nofly_render_obstacle.png").string();
    fs::remove(out);
    const std::string command =
        std::string(NOFLY_BINARY) + " render " + lesson + " --at 10:00 -o " + out + " > /dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0);
    sf::Image image;
    ASSERT_TRUE(image.loadFromFile(out));
    open(lesson); // the same frame in a window of the same size: where the warehouse is
    const sf::Color warehouse = patchAt(image, viewer->camera().toScreen({0.0, -800.0}));
    const sf::Color beside = patchAt(image, viewer->camera().toScreen({400.0, -800.0}));
    // the obstacle's dark grey, well darker than the coverage around it
    EXPECT_LT(warehouse.r, 170);
    EXPECT_LT(warehouse.g, 170);
    EXPECT_LT(warehouse.b, 170);
    EXPECT_GT(beside.r - warehouse.r, 50);
}

// `nofly render` draws the shipped Danish basemap's land and sea where they are:
// Saltholm is land, the Oresund south-east of it is sea, Malmo is land of
// another country, and Amager's east coast (at 12.642 E on 55.656 N in the
// data) lies between a point 1.1 km inland and one 1.5 km out to sea.
TEST_F(MapPromisesTest, TheRenderedBasemapHasLandAndSeaWhereTheyAre) {
    const core::LatLon origin{55.64, 12.77}; // on Saltholm: Denmark is the home country
    const std::string scenario =
        write("nofly_oresund.yaml", "title: Land and sea round the Oresund\n"
                                    "time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}\n"
                                    "map: {origin: {lat: 55.64, lon: 12.77}, basemap: denmark,\n"
                                    "      view: {center: [0, 0], radius: 14 km}}\n");
    const std::string out = (fs::temp_directory_path() / "nofly_render_oresund.png").string();
    fs::remove(out);
    const std::string command =
        std::string(NOFLY_BINARY) + " render " + scenario + " --at 10:00 -o " + out + " > /dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0);
    sf::Image image;
    ASSERT_TRUE(image.loadFromFile(out));
    open(scenario); // the same frame in a window of the same size: where each place is drawn
    const core::LocalProjection projection(origin);
    auto colourAt = [&](double lat, double lon) {
        return patchAt(image, viewer->camera().toScreen(projection.toLocal({lat, lon})));
    };
    auto near = [](sf::Color c, report::Colour want) {
        return std::abs(c.r - want.r) <= 3 && std::abs(c.g - want.g) <= 3 && std::abs(c.b - want.b) <= 3;
    };
    auto text = [](sf::Color c) {
        return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b);
    };
    const report::Colour home = report::paint(report::Role::Land).fill;
    const report::Colour abroad = report::paint(report::Role::LandAbroad).fill;
    struct Place {
        const char* name;
        double lat, lon;
        int kind; // 0 sea, 1 Danish land, 2 Swedish land
    };
    for (const Place& place :
         {Place{"Saltholm", 55.64, 12.77, 1}, Place{"the Oresund", 55.56, 12.85, 0},
          Place{"Malmo", 55.605, 13.00, 2}, Place{"Amager, 1.1 km inland", 55.656, 12.625, 1},
          Place{"off Amager, 1.5 km out", 55.656, 12.665, 0}}) {
        const sf::Color c = colourAt(place.lat, place.lon);
        const bool sea = !near(c, home) && !near(c, abroad) && c.r > 235 && c.g > 235 && c.b > 235;
        const bool right = place.kind == 1 ? near(c, home) : place.kind == 2 ? near(c, abroad) : sea;
        EXPECT_TRUE(right) << place.name << " is drawn " << text(c)
                           << (place.kind == 0 ? ", not as sea" : ", not as its country's land");
    }
}

TEST_F(MapPromisesTest, TheFlagshipAtHalfPastTenNamesCityHallAndNoTwoLabelsOverlap) {
    open(std::string(NOFLY_SOURCE_DIR) + "/scenarios/denmark_2025/summit_ban.yaml");
    viewer->seekNow(viewer->playback().start() + 210 * kMinute);
    frame();
    const auto& boxes = viewer->mapLayer().placedLabels();
    ASSERT_GT(boxes.size(), 5u);
    for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = i + 1; j < boxes.size(); ++j)
            EXPECT_FALSE(boxes[i].intersects(boxes[j])) << "labels " << i << " and " << j;
    // question 1 asks about the wedding photographer at City Hall
    EXPECT_THAT(viewer->mapLayer().placedTexts(), ::testing::Contains("City Hall Square"));
    EXPECT_THAT(viewer->mapLayer().placedTexts(), ::testing::Contains("EKCH"));
}

TEST_F(MapPromisesTest, ADroneDoesNotHideAnAirportsCode) {
    // a drone hovers 70 m east of the airport, where its code is written (about 30 px right of it)
    open(write(
        "nofly_drone_on_code.yaml",
        "title: A drone over the code\n"
        "time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}\n"
        "map: {origin: {lat: 55.69, lon: 12.56}, view: {center: [0, 0], radius: 1 km}}\n"
        "airports:\n  - {id: TEST, name: Test airport, at: [0, 0]}\n"
        "flights:\n"
        "  - {id: hover, category: hobby, depart: 10:00, from: [-500 m, 0], to: [70 m, 0], speed: 10 m/s,\n"
        "     altitude: 50 m, hover: 30 min, behaviour: compliant}\n"));
    viewer->seekNow(viewer->playback().start() + 5 * kMinute);
    frame();
    const sf::Image withDrone = screenshot("nofly_code_drone.png");
    ASSERT_GT(viewer->droneLayer().drawnLastFrame(), 0u);
    pressKey(sf::Keyboard::D); // the drones off
    frame();
    const sf::Image without = screenshot("nofly_code_bare.png");
    // every black pixel of the code's letters is still dark with the drone under it
    const core::Vec2 airport = viewer->camera().toScreen({0.0, 0.0});
    const core::Vec2 drone = viewer->camera().toScreen({70.0, 0.0});
    int letters = 0, hidden = 0;
    for (int y = int(airport.y) - 12; y <= int(airport.y) + 12; ++y)
        for (int x = int(airport.x) + 12; x <= int(airport.x) + 60; ++x) {
            const sf::Color bare = without.getPixel(unsigned(x), unsigned(y));
            if (bare.r > 40 || bare.g > 40 || bare.b > 40) continue; // not the code's black
            ++letters;
            // the letters' edges blend with what lies under them; their cores stay black
            const sf::Color over = withDrone.getPixel(unsigned(x), unsigned(y));
            hidden += over.r > 80 || over.g > 80 || over.b > 80 ? 1 : 0;
        }
    EXPECT_GT(letters, 30);
    EXPECT_EQ(hidden, 0);
    EXPECT_GT(drone.x, airport.x + 20.0); // the drone lies on the code, not beside it
    EXPECT_LT(drone.x, airport.x + 50.0);
}

TEST_F(MapPromisesTest, OverlappingSensorsShareOneLightTint) {
    open(write("nofly_coverage_tint.yaml",
               "title: Three radars\n"
               "time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}\n"
               "map: {origin: {lat: 55.69, lon: 12.56}, view: {center: [0, 0], radius: 3 km}}\n"
               "sensors:\n"
               "  - {id: a, name: Radar A, type: radar, at: [-1 km, 0], range: 2 km}\n"
               "  - {id: b, name: Radar B, type: radar, at: [1 km, 0], range: 2 km}\n"
               "  - {id: c, name: Radar C, type: radar, at: [0, 1 km], range: 2 km}\n"));
    const sf::Image image = screenshot("nofly_coverage_tint.png");
    const sf::Color one = patchAt(image, viewer->camera().toScreen({-2200.0, -600.0}));  // radar A's alone
    const sf::Color three = patchAt(image, viewer->camera().toScreen({0.0, 300.0}));     // all three
    const sf::Color none = patchAt(image, viewer->camera().toScreen({2500.0, -2500.0})); // no radar's
    EXPECT_TRUE(sameColour(one, three)) << int(one.r) << "," << int(one.g) << "," << int(one.b) << " against "
                                        << int(three.r) << "," << int(three.g) << "," << int(three.b);
    EXPECT_FALSE(sameColour(one, none)); // and it is a tint
}

} // namespace
} // namespace nofly::render
