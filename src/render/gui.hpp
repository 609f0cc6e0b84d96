// Dear ImGui on an SFML window: the platform glue (events, display size,
// time; about eighty lines, as Debian's ImGui 1.86 ships no SFML backend) and
// its OpenGL2 renderer, compiled into Debian's libimgui. One GuiContext at a
// time: ImGui keeps a global context.
#pragma once

#include "render/input_queue.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

struct ImFont;

namespace nofly::render {

/// The fonts the panels use: DejaVu Sans at a reading size and a projector size.
struct GuiFonts {
    ImFont* normal = nullptr;
    ImFont* bold = nullptr;
    ImFont* large = nullptr;
    ImFont* largeBold = nullptr;
    ImFont* huge = nullptr; ///< the presenter's clock
};

class GuiContext {
  public:
    GuiContext();
    ~GuiContext();
    GuiContext(const GuiContext&) = delete;
    GuiContext& operator=(const GuiContext&) = delete;

    void processEvent(const sf::Event& event) { m_queue.push(event); }
    /// Starts a frame for a target of `size` [px], `seconds` after the last one.
    /// The target's GL context must be active.
    void newFrame(sf::Vector2u size, double seconds);
    /// Draws the frame's panels over whatever the target holds.
    void render(sf::RenderTarget& target);

    /// Whether the panels want the mouse (it is over a panel) or the keyboard (a text field has focus).
    bool wantsMouse() const;
    bool wantsKeyboard() const;
    const GuiFonts& fonts() const { return m_fonts; }

  private:
    InputQueue m_queue;
    GuiInput m_input;
    GuiFonts m_fonts;
    bool m_rendererReady = false;
    bool m_fontNearest = false; ///< the atlas set to nearest sampling
};

/// A font file of the DejaVu family (fonts-dejavu-core) or empty if none is installed.
std::string fontFile(bool bold);

} // namespace nofly::render
