// What the window of `nofly view` asks OpenGL for: a stencil buffer (a zone's
// overlapping parts are filled once) and, on a graphics card, 4x
// multisampling. A software renderer (Mesa's llvmpipe, as under Xvfb) gets no
// multisampling: there it multiplies the cost of every pixel (about 20 ms a
// frame at 1600x900 for the clear and swap alone), while the icons, labels
// and the cached map are already smoothed by their textures.
#pragma once

#include <SFML/Window/ContextSettings.hpp>

#include <string>

namespace nofly::render {

/// The OpenGL renderer's name (GL_RENDERER), such as "llvmpipe (LLVM 15.0.6, 256 bits)".
/// Needs a display.
std::string glRenderer();

/// Whether a renderer of that name draws on the CPU (llvmpipe, softpipe, swrast).
bool isSoftwareRenderer(const std::string& renderer);

/// The context settings for the window (and its benchmark). Needs a display.
sf::ContextSettings windowSettings();

} // namespace nofly::render
