// Drawing the window's frame: the panes' maps (cached in a texture), the
// drones, the scale bar, the side panel, and screenshots of it all. The rest
// of the viewer (loading, playing, input, the class's answers) is viewer.cpp.
#include "render/detail/viewer.hpp"

#include "report/run_files.hpp"

#include <SFML/OpenGL.hpp>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>

namespace nofly::render {

using core::Vec2;

sf::Color Viewer::stateColour(report::Role role) {
    return toSf(report::paint(role).fill);
}

void Viewer::drawScaleBar(sf::RenderTarget& target, const Camera& camera) {
    // a bar of round length in the map's bottom-left corner, as on the SVG
    const double scale = m_presenter ? 1.4 : 1.0;
    const report::ScaleBar bar = report::niceScaleBar(camera.viewportWidth() / camera.scale());
    const double length = bar.metres * camera.scale();
    const float x = static_cast<float>(camera.viewportLeft()) + 24.f,
                y = static_cast<float>(m_size.y - 28.0 * scale);
    sf::Text label(bar.label, m_font, static_cast<unsigned>(16 * scale));
    label.setStyle(sf::Text::Bold);
    label.setFillColor(sf::Color::Black);
    label.setPosition(x + static_cast<float>(length) + 8.f, y - static_cast<float>(12.0 * scale));
    const float labelWidth = label.getLocalBounds().width;
    sf::RectangleShape back(
        {static_cast<float>(length) + labelWidth + 32.f, static_cast<float>(44.0 * scale)});
    back.setPosition(x - 12.f, y - static_cast<float>(32.0 * scale));
    back.setFillColor(sf::Color(255, 255, 255, 217));
    back.setOutlineColor(sf::Color(136, 136, 136));
    back.setOutlineThickness(1.f);
    target.draw(back);
    sf::RectangleShape black({static_cast<float>(length / 2.0), 8.f});
    black.setPosition(x, y - 4.f);
    black.setFillColor(sf::Color::Black);
    target.draw(black);
    sf::RectangleShape white({static_cast<float>(length / 2.0), 8.f});
    white.setPosition(x + static_cast<float>(length / 2.0), y - 4.f);
    white.setFillColor(sf::Color::White);
    white.setOutlineColor(sf::Color::Black);
    white.setOutlineThickness(1.f);
    target.draw(white);
    target.draw(label);
}

void Viewer::frame(sf::RenderTarget& target, double seconds) {
    if (target.getSize() != m_size) layout(target.getSize().x, target.getSize().y);
    m_profileClock.restart();
    std::optional<StepsOwed> owed = update(seconds);

    // what the frame shows, read from the worlds before they move on: the
    // panels (first: their buttons may pause, step, or load another
    // variant), the drones, the defence
    target.setActive(true);
    m_gui.newFrame(m_size, seconds);
    drawPanels();
    m_gui.endFrame();
    if (owed && (!m_run || !m_playing || m_seekTarget || m_run->playback.now() != owed->from))
        owed->to = owed->from; // a button stopped or moved the clock: no steps this frame
    if (m_run) {
        m_shownAt = m_run->playback.now();
        for (int pane = 0; pane < paneCount(); ++pane)
            preparePane(pane);
    }

    // The steps owed are taken on a second thread while this frame is drawn
    // (the next frame shows them): nothing from here to the join reads a
    // world. Under a software renderer the drawing leaves a core idle much
    // of the time. When profiling, in turn, to charge each its own time.
    profileMark(target, m_profile.prepare);
    std::future<void> stepping;
    if (owed && owed->to > owed->from) {
        if (m_options.profile)
            takeSteps(*owed);
        else
            stepping = std::async(std::launch::async, [this, &owed] { takeSteps(*owed); });
    }
    profileMark(target, m_profile.simulation);

    const sf::View full(sf::FloatRect(0.f, 0.f, float(m_size.x), float(m_size.y)));
    target.setView(full);
    // each pane's map is copied over its whole area: a clear first would be
    // one more pass over every pixel, which a software renderer pays for
    if (!m_run || m_mapCacheFailed) target.clear(sf::Color::White);
    target.setActive(true);

    if (m_run) {
        for (int pane = 0; pane < paneCount(); ++pane)
            drawPane(target, pane);
        target.setView(full);
        if (m_other) {
            // the line between the two maps
            sf::RectangleShape line({3.f, float(m_size.y)});
            line.setPosition(float(m_camera.viewportWidth()) - 1.5f, 0.f);
            line.setFillColor(sf::Color(40, 40, 40));
            target.draw(line);
        }
    }

    // (from the maps' right edge: two panes of whole pixels may leave a column over)
    const int mapsEnd = m_run ? paneCount() * int(m_camera.viewportWidth()) : int(mapWidth());
    showPanels(target, seconds, mapsEnd);
    profileMark(target, m_profile.panels);
    if (owed) {
        if (stepping.valid()) stepping.get();
        afterSteps(*owed, seconds);
    }
}

void Viewer::showPanels(sf::RenderTarget& target, double seconds, int sideLeft) {
    const std::span<ImDrawList* const> lists = m_gui.drawLists();
    const sf::IntRect side(sideLeft, 0, int(m_size.x) - sideLeft, int(m_size.y));
    // the side panel's background: opaque, drawn here rather than by ImGui,
    // as a software renderer fills it unblended in about half the time
    auto background = [&] {
        sf::RectangleShape rect(sf::Vector2f(float(side.width), float(side.height)));
        rect.setPosition(float(side.left), 0.f);
        rect.setFillColor(sidebarColour());
        target.draw(rect, sf::RenderStates(sf::BlendNone));
    };
    // The side panel is drawn again only when what it shows has changed,
    // and while the clock runs at most kSidePanelRefresh times a second
    // unless the mouse is on it: ImGui's text costs a software renderer
    // about 4 ms a frame, and playing, the panel changes every frame. Between, its
    // pixels are copied in from the last time. Only while no other panel
    // reaches over it (a menu, a tooltip): those are drawn over it anew.
    const auto own = std::find(lists.begin(), lists.end(), m_sidePanelList);
    bool alone = m_keepSidePanel && !m_copyFailed && own != lists.end() && side.width > 0;
    std::vector<ImDrawList*> others;
    for (ImDrawList* list : lists) {
        if (list == m_sidePanelList) continue;
        others.push_back(list);
        // its pixels land on the panel if both a vertex and a clip rectangle reach it
        float vertices = -1e9f, clips = -1e9f;
        for (const ImDrawVert& v : list->VtxBuffer)
            vertices = std::max(vertices, v.pos.x);
        for (const ImDrawCmd& cmd : list->CmdBuffer)
            if (cmd.ElemCount > 0) clips = std::max(clips, cmd.ClipRect.z);
        alone = alone && std::min(vertices, clips) <= float(side.left);
    }
    m_sidePanelDrawn = true;
    if (!alone) {
        m_sidePanel.valid = false;
        background();
        m_gui.draw(target, lists);
        return;
    }
    SidePanelCopy& kept = m_sidePanel;
    kept.age += seconds;
    const std::uint64_t digest = GuiContext::digest(**own) ^ (std::uint64_t(side.width) << 48);
    const ImGuiIO& io = ImGui::GetIO();
    const bool mouseOn = io.MousePos.x >= float(side.left) && io.MousePos.x < float(side.left + side.width) &&
                         io.MousePos.y >= 0.f && io.MousePos.y < float(side.height);
    const bool changed = digest != kept.digest;
    const bool fits = kept.texture.getSize() == sf::Vector2u(unsigned(side.width), unsigned(side.height));
    // held back only while the clock runs: a step, a seek or a click while
    // paused shows at once, and so does a screenshot's frame
    const bool hold = m_playing && !mouseOn && !m_screenshotWanted && kept.age < 1.0 / kSidePanelRefresh;
    if (kept.valid && fits && (!changed || hold) && m_copy.copy(kept.texture, target, side.left, 0)) {
        m_sidePanelDrawn = false;
    } else {
        background();
        m_gui.draw(target, std::span<ImDrawList* const>(&*own, 1));
        kept.valid = readSidePanel(target, side);
        kept.digest = digest;
        kept.age = 0.0;
    }
    m_gui.draw(target, others);
}

bool Viewer::readSidePanel(sf::RenderTarget& target, sf::IntRect side) {
    return target.setActive(true) &&
           readBgra(side.left, int(m_size.y) - side.top - side.height, side.width, side.height,
                    m_sidePanel.pixels) &&
           uploadBgra(m_sidePanel.texture, m_sidePanel.pixels.data(),
                      sf::Vector2u(unsigned(side.width), unsigned(side.height)));
}

void Viewer::profileMark(sf::RenderTarget& target, double& into) {
    // wait for the GPU at each mark, so each part is charged its own drawing
    if (!m_options.profile) return;
    target.setActive(true);
    glFinish();
    into = m_profileClock.restart().asSeconds() * 1000.0;
}

MapStyle Viewer::mapStyle() const {
    MapStyle style;
    style.textScale = m_presenter ? 1.45 : 1.0;
    style.lineScale = m_presenter ? 1.5 : 1.0;
    style.zones = m_layers.zones;
    style.labels = m_layers.labels;
    style.land = m_layers.land;
    return style;
}

void Viewer::preparePane(int pane) {
    Run& run = runOf(pane);
    const Camera camera = paneCamera(pane);
    const sim::World& world = run.playback.world();
    if (m_layers.drones) {
        DroneStyle drones;
        drones.iconScale = m_presenter ? 1.6 : 1.0;
        drones.trails = m_layers.trails;
        drones.planned = m_layers.planned;
        run.drones.prepare(camera, world, drones, m_selection.pane == pane ? m_selection.drone : -1);
    }
    run.defenceShown = world.defence.active;
    if (run.defenceShown) {
        DefenceStyle defence;
        defence.markerScale = m_presenter ? 1.5 : 1.0;
        defence.textScale = m_presenter ? 1.45 : 1.0;
        defence.coverage = m_layers.sensors;
        run.defence.prepare(camera, run.scenario, world, defence);
    }
}

void Viewer::drawPane(sf::RenderTarget& target, int pane) {
    // what preparePane() worked out: no world is read here (see frame())
    Run& run = runOf(pane);
    const Camera camera = paneCamera(pane);
    // clip to the pane: a view over its pixels, shown in its part of the window
    const float left = static_cast<float>(camera.viewportLeft()),
                width = static_cast<float>(camera.viewportWidth());
    sf::View view(sf::FloatRect(left, 0.f, width, float(m_size.y)));
    view.setViewport(sf::FloatRect(left / float(m_size.x), 0.f, width / float(m_size.x), 1.f));
    target.setView(view);

    const MapStyle style = mapStyle();
    const bool stamped = drawMap(target, run, camera, style, m_layers.drones ? &run.drones : nullptr);
    if (pane == 0) m_dotsStamped = stamped;
    if (run.defenceShown) run.defence.draw(target);
    profileMark(target, m_profile.map);
    if (m_layers.drones) run.drones.draw(target, stamped);
    if (run.defenceShown) run.defence.drawOver(target, m_font);
    profileMark(target, m_profile.drones);
    run.map->drawLabels(target, camera, style,
                        run.defenceShown ? run.defence.labelBoxes(m_font) : std::vector<sf::FloatRect>{});
    drawScaleBar(target, camera);
    profileMark(target, m_profile.labels);
}

bool Viewer::drawMap(sf::RenderTarget& target, Run& run, const Camera& camera, const MapStyle& style,
                     const DroneLayer* drones) {
    MapLayer& map = *run.map;
    // the cache holds one pane: drawn with the camera at the texture's origin, then placed
    const sf::Vector2u size(static_cast<unsigned>(camera.viewportWidth()), m_size.y);
    Camera local = camera;
    local.setViewport(0.0, 0.0, camera.viewportWidth(), camera.viewportHeight());
    const MapKey key{&run,   camera.centre().x, camera.centre().y, camera.scale(), size.x,
                     size.y, style.zones,       style.land,        m_presenter,    map.looksVersion()};
    if (!m_mapCacheFailed && (!run.mapCache || run.mapCache->getSize() != size)) {
        sf::ContextSettings settings;
        settings.depthBits = 24;
        settings.stencilBits = 8;
        run.mapCache = std::make_unique<sf::RenderTexture>();
        if (!run.mapCache->create(size.x, size.y, settings)) {
            run.mapCache.reset();
            m_mapCacheFailed = true; // draw straight into the target every frame
        }
        run.mapKey = {};
    }
    if (!run.mapCache) {
        sf::RectangleShape paper(sf::Vector2f(float(size.x), float(size.y)));
        paper.setPosition(static_cast<float>(camera.viewportLeft()), 0.f);
        paper.setFillColor(sf::Color::White);
        target.draw(paper, sf::RenderStates(sf::BlendNone));
        map.draw(target, camera, style);
        return false;
    }
    const bool redraw = !(key == run.mapKey);
    if (redraw) {
        run.mapCache->setView(sf::View(sf::FloatRect(0.f, 0.f, float(size.x), float(size.y))));
        run.mapCache->clear(sf::Color::White);
        map.draw(*run.mapCache, local, style);
        run.mapCache->display();
        run.mapKey = key;
        run.mapPixels.clear();
    }
    const int left = static_cast<int>(camera.viewportLeft());
    // The map goes into the window from the CPU's copy of its pixels, laid
    // out as the window's own (BGRA, top row first), so that the copy is one
    // of plain memory: under a software renderer much cheaper than copying
    // the render texture, whose rows and channels would be converted on the
    // way. A dense crowd's dots are stamped into that copy first: a software
    // renderer pays per point and per pixel of each, the CPU about 0.4
    // microseconds a dot to put the map back under it and stamp it again.
    if (!m_copyFailed) {
        const int w = int(size.x), h = int(size.y);
        const std::size_t bytes = std::size_t(w) * std::size_t(h) * 4;
        const bool stamp = m_cpuDots && drones && drones->hasDots();
        DroneLayer::Stamps& next = run.nextStamps;
        if (stamp)
            drones->dotStamps(w, h, float(left), next);
        else
            next = {};
        if (run.mapPixels.size() != bytes) {
            if (!run.mapCache->setActive(true) || !readBgra(0, 0, w, h, run.mapPixels))
                run.mapPixels.assign(bytes, 255);
            run.framePixels = run.mapPixels;
            run.stamps = {};
            run.frameFresh = false;
        }
        // a paused crowd, or one that moved less than a pixel, is left as it is
        if (!(next == run.stamps)) {
            // the map back under last frame's dots: less to copy than the whole
            DroneLayer::unstamp(run.framePixels.data(), run.mapPixels.data(), w, h, run.stamps);
            DroneLayer::stamp(run.framePixels.data(), w, h, next);
            std::swap(run.stamps, next);
            run.frameFresh = false;
        }
        target.setActive(true);
        if (!run.frameFresh) run.frameFresh = uploadBgra(run.frameTexture, run.framePixels.data(), size);
        if (run.frameFresh && m_copy.copy(run.frameTexture, target, left, 0)) return stamp;
        run.stamps = {};
        run.mapPixels.clear(); // read again if the copy is ever tried again
    }
    m_copyFailed = true; // the sprite from now on
    target.setActive(true);
    sf::Sprite sprite(run.mapCache->getTexture());
    sprite.setPosition(static_cast<float>(camera.viewportLeft()), 0.f);
    target.draw(sprite, sf::RenderStates(sf::BlendNone));
    return false;
}

bool Viewer::saveScreenshot(const sf::RenderTarget& target, const std::string& path,
                            std::string& message) const {
    sf::Image image;
    if (const auto* window = dynamic_cast<const sf::RenderWindow*>(&target)) {
        sf::Texture texture;
        texture.create(window->getSize().x, window->getSize().y);
        texture.update(*window);
        image = texture.copyToImage();
    } else if (const auto* texture = dynamic_cast<const sf::RenderTexture*>(&target)) {
        image = texture->getTexture().copyToImage();
    }
    // SFML 2.5 encodes only into a file (it picks the format by the
    // extension): a private one in the system's temporary folder, whose bytes
    // then go out by the output policy as every output's do
    std::string bytes;
    if (image.getSize().x > 0) {
        std::string scratch = (std::filesystem::temp_directory_path() / "nofly-screenshot-XXXXXX").string() +
                              std::filesystem::path(path).extension().string();
        const int suffix = static_cast<int>(std::filesystem::path(path).extension().string().size());
        const int fd = ::mkstemps(scratch.data(), suffix);
        if (fd >= 0) {
            ::close(fd);
            if (image.saveToFile(scratch)) {
                std::ifstream in(scratch, std::ios::binary);
                bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
            }
            std::filesystem::remove(scratch);
        }
    }
    std::string error;
    if (bytes.empty() || !report::writeFileAtomically(path, bytes, error)) {
        message = "could not save a screenshot to " + path + (error.empty() ? "" : ": " + error);
        return false;
    }
    message = "Saved " + path;
    return true;
}

} // namespace nofly::render
