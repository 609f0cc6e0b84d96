#include "render/detail/input_queue.hpp"

#include <gtest/gtest.h>

namespace nofly::render {
namespace {

sf::Event button(sf::Event::EventType type, int x, int y) {
    sf::Event e{};
    e.type = type;
    e.mouseButton = {sf::Mouse::Left, x, y};
    return e;
}

sf::Event key(sf::Event::EventType type, sf::Keyboard::Key code) {
    sf::Event e{};
    e.type = type;
    e.key = {code, false, false, false, false};
    return e;
}

TEST(InputQueue, APressAndAReleaseInOneFrameReachTwoFrames) {
    InputQueue queue;
    GuiInput input;
    queue.push(button(sf::Event::MouseButtonPressed, 10, 20));
    queue.push(button(sf::Event::MouseButtonReleased, 10, 20));
    queue.applyFrame(input);
    EXPECT_TRUE(input.mouseDown[0]); // ImGui sees the press...
    EXPECT_EQ(input.mouse.x, 10.0);
    EXPECT_EQ(queue.pending(), 1u);
    queue.applyFrame(input);
    EXPECT_FALSE(input.mouseDown[0]); // ...and the release a frame later
    EXPECT_EQ(queue.pending(), 0u);
}

TEST(InputQueue, DifferentButtonsChangeInTheSameFrame) {
    InputQueue queue;
    GuiInput input;
    queue.push(button(sf::Event::MouseButtonPressed, 1, 1));
    sf::Event right = button(sf::Event::MouseButtonPressed, 1, 1);
    right.mouseButton.button = sf::Mouse::Right;
    queue.push(right);
    queue.applyFrame(input);
    EXPECT_TRUE(input.mouseDown[0]);
    EXPECT_TRUE(input.mouseDown[1]);
    EXPECT_EQ(queue.pending(), 0u);
}

TEST(InputQueue, EventsKeepTheirOrderBehindAHeldBackOne) {
    InputQueue queue;
    GuiInput input;
    queue.push(key(sf::Event::KeyPressed, sf::Keyboard::A));
    queue.push(key(sf::Event::KeyReleased, sf::Keyboard::A));
    sf::Event move{};
    move.type = sf::Event::MouseMoved;
    move.mouseMove = {300, 200};
    queue.push(move);
    queue.applyFrame(input);
    EXPECT_TRUE(input.keysDown[sf::Keyboard::A]);
    EXPECT_EQ(input.mouse.x, -1e6); // the move came after the release, so it waits with it
    queue.applyFrame(input);
    EXPECT_FALSE(input.keysDown[sf::Keyboard::A]);
    EXPECT_EQ(input.mouse.x, 300.0);
}

TEST(InputQueue, WheelAndTextLastOneFrame) {
    InputQueue queue;
    GuiInput input;
    sf::Event wheel{};
    wheel.type = sf::Event::MouseWheelScrolled;
    wheel.mouseWheelScroll = {sf::Mouse::VerticalWheel, 1.0f, 5, 5};
    queue.push(wheel);
    queue.push(wheel);
    sf::Event text{};
    text.type = sf::Event::TextEntered;
    text.text.unicode = 'k';
    queue.push(text);
    queue.applyFrame(input);
    EXPECT_EQ(input.wheel, 2.0);
    ASSERT_EQ(input.text.size(), 1u);
    EXPECT_EQ(input.text[0], static_cast<std::uint32_t>('k'));
    queue.applyFrame(input);
    EXPECT_EQ(input.wheel, 0.0);
    EXPECT_TRUE(input.text.empty());
}

TEST(InputQueue, IgnoresWindowEvents) {
    InputQueue queue;
    sf::Event resized{};
    resized.type = sf::Event::Resized;
    queue.push(resized);
    EXPECT_EQ(queue.pending(), 0u);
}

} // namespace
} // namespace nofly::render
