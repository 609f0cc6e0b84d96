#pragma once
// Copies a texture's pixels into the target being drawn with
// glBlitFramebuffer, 1:1, instead of drawing the texture as a sprite. A
// sprite the size of the window is a textured quad whose every pixel goes
// through the fragment pipeline of a software renderer (Mesa's llvmpipe,
// what Xvfb has). A blit is a copy of memory there only when nothing has to
// change on the way: the same layout of channels (BGRA, as the window) and
// the same order of rows (top first, as the window keeps them in memory).
// uploadBgra() makes such a texture: a window-sized copy then takes about
// 0.3 ms instead of 8 (measured under Xvfb, 1600x900).
//
// It needs OpenGL 3.0 or GL_EXT_framebuffer_blit (Mesa has both); where they
// are missing, copy() says no and the caller draws the sprite.
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Texture.hpp>

#include <cstdint>
#include <map>
#include <vector>

namespace nofly::render {

class FramebufferCopy {
  public:
    FramebufferCopy() = default;
    FramebufferCopy(const FramebufferCopy&) = delete;
    FramebufferCopy& operator=(const FramebufferCopy&) = delete;
    ~FramebufferCopy();

    /// Copy `source`, a texture given its pixels top row first (as by
    /// uploadBgra()), into `target`, unscaled, the right way up, its top row
    /// at the target's row `top` counted from the top and its first column
    /// at `left`. False when this OpenGL cannot (draw a sprite instead).
    bool copy(const sf::Texture& source, sf::RenderTarget& target, int left, int top);

  private:
    struct Functions;
    bool load();

    int m_loaded = 0; ///< 0 not tried, 1 ready, -1 unavailable
    /// A read framebuffer for each context: framebuffers are not shared between contexts.
    std::map<std::uint64_t, unsigned> m_framebuffers;
};

/// Gives `texture` the `size.x` x `size.y` pixels `bgra` (blue, green,
/// red, alpha; top row first) and stores them so: the upload and a copy()
/// into a window then move memory without converting it. Creates the
/// texture the first time and whenever the size changes; touch it only
/// through here after that (sf::Texture::update() would convert to RGBA).
/// False if the texture cannot be created.
bool uploadBgra(sf::Texture& texture, const std::uint8_t* bgra, sf::Vector2u size);

/// Reads the `width` x `height` pixels of the framebuffer being drawn (the
/// active context's) whose bottom-left corner is at (left, bottom), counted
/// as OpenGL does from the bottom, into `bgra` as uploadBgra() takes them:
/// BGRA, top row first. False on an OpenGL error.
bool readBgra(int left, int bottom, int width, int height, std::vector<std::uint8_t>& bgra);

} // namespace nofly::render
