// InputQueue: window events on their way to Dear ImGui. ImGui 1.86 reads
// the state of each button once a frame, so a press and a release of the same
// button in one frame would never be seen (a quick click under a slow
// software renderer is exactly that). The queue hands over events in order
// and stops at the second change of the same button or key in a frame; the
// rest wait for the next frame. No ImGui here: it fills a plain GuiInput.
#pragma once

#include "core/geometry.hpp"

#include <SFML/Window/Event.hpp>

#include <array>
#include <cstdint>
#include <deque>
#include <vector>

namespace nofly::render {

/// What ImGui is told at the start of a frame.
struct GuiInput {
    core::Vec2 mouse{-1e6, -1e6}; ///< [px] far away: no mouse
    std::array<bool, 5> mouseDown{};
    double wheel = 0.0;               ///< notches this frame, up positive
    std::array<bool, 512> keysDown{}; ///< by sf::Keyboard::Key
    bool ctrl = false, shift = false, alt = false, super = false;
    std::vector<std::uint32_t> text; ///< characters typed this frame
};

class InputQueue {
  public:
    /// Keeps the events ImGui cares about (mouse, keys, text); ignores the rest.
    void push(const sf::Event& event);
    /// Applies the events of one frame to `input`: wheel and text start from
    /// zero; buttons and keys keep their state from frame to frame.
    void applyFrame(GuiInput& input);
    std::size_t pending() const { return m_events.size(); }

  private:
    std::deque<sf::Event> m_events;
};

} // namespace nofly::render
