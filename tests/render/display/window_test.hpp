// What every window test shares: a real SFML window under a real X server
// (xvfb-run -a), a Viewer driven by the events a person's keys and clicks
// make, and its frames read back as pictures. Opt-in, as SFML's display tests
// are: a test runs only with NOFLY_DISPLAY_TESTS=1 (`make test` sets it under
// xvfb-run) and is skipped elsewhere. No SFML object is static, so listing the
// tests needs no display.
#pragma once

#include "render/detail/viewer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace nofly::render::testing {

class WindowTest : public ::testing::Test {
  protected:
    WindowTest(unsigned width, unsigned height) : m_width(width), m_height(height) {}

    void SetUp() override {
        const char* enabled = std::getenv("NOFLY_DISPLAY_TESTS");
        if (!enabled || std::string(enabled) != "1")
            GTEST_SKIP() << "display tests are opt-in: NOFLY_DISPLAY_TESTS=1 xvfb-run -a ...";
        sf::ContextSettings settings;
        settings.stencilBits = 8;
        window = std::make_unique<sf::RenderWindow>(sf::VideoMode(m_width, m_height), "nofly test",
                                                    sf::Style::Default, settings);
    }

    /// A viewer of the window's size on `options`, loaded, after one frame.
    void openWith(const ViewerOptions& options) {
        viewer = std::make_unique<Viewer>(options);
        ASSERT_TRUE(viewer->load()) << (viewer->errors().empty() ? "" : viewer->errors().front());
        viewer->resize(m_width, m_height);
        frame();
    }

    void frame(double seconds = 1.0 / 60.0) {
        sf::Event event;
        while (window->pollEvent(event)) {
        }
        viewer->frame(*window, seconds);
        window->display();
    }

    void send(sf::Event event) { viewer->handle(event); }

    void clickAt(core::Vec2 pixel) {
        sf::Event e{};
        e.type = sf::Event::MouseButtonPressed;
        e.mouseButton = {sf::Mouse::Left, int(std::lround(pixel.x)), int(std::lround(pixel.y))};
        send(e);
        e.type = sf::Event::MouseButtonReleased;
        send(e);
    }

    void pressKey(sf::Keyboard::Key code, bool shift = false, bool control = false) {
        sf::Event e{};
        e.type = sf::Event::KeyPressed;
        e.key = {code, false, control, shift, false};
        send(e);
        e.type = sf::Event::KeyReleased;
        send(e);
    }

    /// The frame as an image, through a PNG file, as the screenshot key saves it.
    sf::Image screenshot(const std::string& name = "nofly_display_test.png") {
        viewer->frame(*window, 0.0);
        const std::string path = (std::filesystem::temp_directory_path() / name).string();
        std::string message;
        EXPECT_TRUE(viewer->saveScreenshot(*window, path, message)) << message;
        window->display();
        sf::Image image;
        EXPECT_TRUE(image.loadFromFile(path));
        return image;
    }

    static sf::Color pixelAt(const sf::Image& image, core::Vec2 p) {
        return image.getPixel(unsigned(std::lround(p.x)), unsigned(std::lround(p.y)));
    }

    /// The mean colour of the 11 x 11 pixels round p (a hatch line or a gap between them alike).
    static sf::Color patchAt(const sf::Image& image, core::Vec2 p) {
        int r = 0, g = 0, b = 0;
        for (int dy = -5; dy <= 5; ++dy)
            for (int dx = -5; dx <= 5; ++dx) {
                const sf::Color c = pixelAt(image, p + core::Vec2{double(dx), double(dy)});
                r += c.r, g += c.g, b += c.b;
            }
        return sf::Color(sf::Uint8(r / 121), sf::Uint8(g / 121), sf::Uint8(b / 121));
    }

    std::unique_ptr<sf::RenderWindow> window;
    std::unique_ptr<Viewer> viewer;

  private:
    unsigned m_width, m_height;
};

} // namespace nofly::render::testing
