#include "render/detail/window_settings.hpp"

#include <SFML/OpenGL.hpp>
#include <SFML/Window/Context.hpp>

namespace nofly::render {

std::string glRenderer() {
    // a context of our own, so that no window needs to exist yet
    sf::Context context;
    const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return name ? name : "";
}

bool isSoftwareRenderer(const std::string& renderer) {
    for (const char* software : {"llvmpipe", "softpipe", "Software Rasterizer", "swrast", "SWR"})
        if (renderer.find(software) != std::string::npos) return true;
    return false;
}

sf::ContextSettings windowSettings() {
    sf::ContextSettings settings;
    settings.stencilBits = 8;
    settings.antialiasingLevel = isSoftwareRenderer(glRenderer()) ? 0 : 4;
    return settings;
}

} // namespace nofly::render
