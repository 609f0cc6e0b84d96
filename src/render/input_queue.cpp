#include "render/detail/input_queue.hpp"

#include <set>

namespace nofly::render {

void InputQueue::push(const sf::Event& event) {
    switch (event.type) {
    case sf::Event::MouseMoved:
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseButtonReleased:
    case sf::Event::MouseWheelScrolled:
    case sf::Event::KeyPressed:
    case sf::Event::KeyReleased:
    case sf::Event::TextEntered:
    case sf::Event::MouseLeft: m_events.push_back(event); break;
    default: break;
    }
}

void InputQueue::applyFrame(GuiInput& input) {
    input.wheel = 0.0;
    input.text.clear();
    std::set<int> changed; // buttons (0-4) and keys (100 + code) changed this frame
    while (!m_events.empty()) {
        const sf::Event& e = m_events.front();
        switch (e.type) {
        case sf::Event::MouseMoved: input.mouse = {double(e.mouseMove.x), double(e.mouseMove.y)}; break;
        case sf::Event::MouseLeft: input.mouse = {-1e6, -1e6}; break;
        case sf::Event::MouseWheelScrolled:
            if (e.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel) input.wheel += e.mouseWheelScroll.delta;
            break;
        case sf::Event::TextEntered:
            if (e.text.unicode >= 32 && e.text.unicode != 127) input.text.push_back(e.text.unicode);
            break;
        case sf::Event::MouseButtonPressed:
        case sf::Event::MouseButtonReleased: {
            const int button = static_cast<int>(e.mouseButton.button);
            if (button < 0 || button >= 5) break;
            if (changed.count(button)) return; // its second change waits for the next frame
            changed.insert(button);
            input.mouse = {double(e.mouseButton.x), double(e.mouseButton.y)};
            input.mouseDown[static_cast<std::size_t>(button)] = e.type == sf::Event::MouseButtonPressed;
            break;
        }
        case sf::Event::KeyPressed:
        case sf::Event::KeyReleased: {
            const int code = static_cast<int>(e.key.code);
            if (code < 0 || code >= 512) break;
            if (changed.count(100 + code)) return;
            changed.insert(100 + code);
            input.keysDown[static_cast<std::size_t>(code)] = e.type == sf::Event::KeyPressed;
            input.ctrl = e.key.control;
            input.shift = e.key.shift;
            input.alt = e.key.alt;
            input.super = e.key.system;
            break;
        }
        default: break;
        }
        m_events.pop_front();
    }
}

} // namespace nofly::render
