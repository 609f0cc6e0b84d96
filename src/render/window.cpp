#include "render/window.hpp"

#include "render/detail/viewer.hpp"

#include <SFML/Graphics/RenderTexture.hpp>

namespace nofly::render {

Window::Window(ViewerOptions options) : m_viewer(std::make_unique<Viewer>(std::move(options))) {}

Window::~Window() = default;

bool Window::load() {
    return m_viewer->load();
}

const std::vector<std::string>& Window::errors() const {
    return m_viewer->errors();
}

const scenario::Scenario& Window::scenario() const {
    return m_viewer->scenario();
}

void Window::acceptVotes(std::shared_ptr<report::BallotBox> ballot, std::string url) {
    m_viewer->acceptVotes(std::move(ballot), std::move(url));
}

int Window::run(unsigned width, unsigned height) {
    return m_viewer->runWindow(width, height);
}

Window::Picture Window::writePicture(core::Instant t, unsigned width, unsigned height,
                                     const std::string& path, std::string& message) {
    // one frame offscreen, with a stencil buffer for the zones' fills
    sf::ContextSettings settings;
    settings.depthBits = 24;
    settings.stencilBits = 8;
    settings.antialiasingLevel = 4;
    sf::RenderTexture target;
    if (!target.create(width, height, settings)) {
        settings.antialiasingLevel = 0;
        if (!target.create(width, height, settings)) return Picture::NoSurface;
    }
    m_viewer->resize(width, height);
    m_viewer->seekNow(t);
    // ImGui sizes its windows from the frame before: draw a few
    for (int k = 0; k < 3; ++k)
        m_viewer->frame(target, 0.0);
    target.display();
    return m_viewer->saveScreenshot(target, path, message) ? Picture::Written : Picture::NotSaved;
}

} // namespace nofly::render
