#pragma once
// Copies a render texture's pixels into the target being drawn with
// glBlitFramebuffer, 1:1, instead of drawing the texture as a sprite. Under
// a software renderer (Mesa's llvmpipe, what Xvfb has) a same-size blit is a
// copy of memory; a sprite the size of the window is a textured quad whose
// every pixel goes through the fragment pipeline.
//
// It needs OpenGL 3.0 or GL_EXT_framebuffer_blit (Mesa has both); where they
// are missing, copy() says no and the caller draws the sprite.
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Texture.hpp>

#include <cstdint>
#include <map>

namespace nofly::render {

class FramebufferCopy {
public:
    FramebufferCopy() = default;
    FramebufferCopy(const FramebufferCopy&) = delete;
    FramebufferCopy& operator=(const FramebufferCopy&) = delete;
    ~FramebufferCopy();

    /// Copy `source` into `target`, unscaled and unflipped, its first row at
    /// the target's row `top` counted from the top and its first column at
    /// `left`. A render texture's texture holds what it shows bottom row
    /// first, as the window does, so it comes out the right way up; an
    /// image uploaded top row first would come out upside down. False when
    /// this OpenGL cannot (draw a sprite instead).
    bool copy(const sf::Texture& source, sf::RenderTarget& target, int left, int top);

private:
    struct Functions;
    bool load();

    int m_loaded = 0; ///< 0 not tried, 1 ready, -1 unavailable
    /// A read framebuffer for each context: framebuffers are not shared between contexts.
    std::map<std::uint64_t, unsigned> m_framebuffers;
};

} // namespace nofly::render
