// Dear ImGui on an SFML window: the platform glue (events, display size,
// time; about eighty lines, as Debian's ImGui 1.86 ships no SFML backend) and
// its OpenGL2 renderer, compiled into Debian's libimgui. One GuiContext at a
// time: ImGui keeps a global context.
#pragma once

#include "render/detail/input_queue.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

#include <cstdint>
#include <span>

struct ImFont;
struct ImDrawList;

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
    /// Ends the frame: its panels laid out as drawLists(), ready to draw.
    void endFrame();
    /// The ended frame's draw lists, back to front (one for each window shown).
    std::span<ImDrawList* const> drawLists() const;
    /// Draws `lists` (some of drawLists(), in their order) over whatever the target holds.
    void draw(sf::RenderTarget& target, std::span<ImDrawList* const> lists);
    /// A digest of what `list` draws: its vertices, indices and commands.
    /// Equal digests, the same pixels (as far as a 64-bit hash can tell).
    static std::uint64_t digest(const ImDrawList& list);

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
