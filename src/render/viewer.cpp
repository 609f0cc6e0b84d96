#include "render/viewer.hpp"

#include "core/diagnostic.hpp"
#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace nofly::render {

using core::Vec2;

namespace {

constexpr double kSpeeds[] = {1, 2, 5, 10, 20, 60, 120, 300, 600, 1200, 3000, 6000, 10000};
constexpr double kWatchEvery = 0.5;   ///< [s] between looks at the scenario file
constexpr double kFlashSeconds = 3.0; ///< how long a zone that switched on flashes
constexpr double kClickSlop = 4.0;    ///< [px] a press and release closer than this are a click

double wallSeconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

} // namespace

Viewer::Run::Run(scenario::Scenario s) : scenario(std::move(s)), playback(scenario) {}

Viewer::Viewer(ViewerOptions options) : m_options(std::move(options)) {
    m_presenter = m_options.presenter;
    m_speed = std::clamp(m_options.speed, 1.0, 10000.0);
    m_playing = m_options.playing;
    const std::string file = fontFile(false);
    if (file.empty() || !m_font.loadFromFile(file))
        m_errors.push_back(
            "nofly view: no DejaVu Sans font found (install fonts-dejavu-core); labels are not drawn");
}

Viewer::~Viewer() = default;

std::unique_ptr<Viewer::Run> Viewer::build(scenario::Scenario s) const {
    auto run = std::make_unique<Run>(std::move(s));
    // the map as data, from the world at the start: land, zones, places, airports, labels
    report::RunRecord record;
    record.scenario = &run->scenario;
    record.world = &run->playback.world();
    report::SceneOptions sceneOptions;
    sceneOptions.assetDir = m_options.assetDir;
    sceneOptions.view = run->scenario.view;
    run->scene = report::buildMapScene(record, sceneOptions);
    if (!run->scenario.view) {
        // fit the planned routes and the zones, not only what has flown
        core::Box box = run->scene.view;
        for (const sim::FlightPlan& f : run->playback.world().flights)
            for (Vec2 p : f.flight.route) {
                box.min = {std::min(box.min.x, p.x), std::min(box.min.y, p.y)};
                box.max = {std::max(box.max.x, p.x), std::max(box.max.y, p.y)};
            }
        run->scene.view = box;
    }
    run->map = std::make_unique<MapLayer>(run->scene, m_font);
    for (const std::string& id : run->map->zoneIds()) {
        int index = -1;
        for (std::size_t z = 0; z < run->scenario.zones.size(); ++z)
            if (run->scenario.zones[z].id == id) index = static_cast<int>(z);
        run->zoneOfMap.push_back(index);
    }
    run->wasActive.assign(run->scenario.zones.size(), false);
    run->flashAge.assign(run->scenario.zones.size(), -1.0);
    for (std::size_t z = 0; z < run->scenario.zones.size(); ++z)
        run->wasActive[z] = run->playback.world().zones[z].active;
    return run;
}

bool Viewer::load() {
    scenario::LoadOptions options;
    options.variant = m_options.variant;
    options.assetDir = m_options.assetDir;
    scenario::LoadResult result = scenario::loadScenarioFile(m_options.file, options);
    std::vector<std::string> errors;
    for (const core::Diagnostic& d : result.diagnostics.sorted())
        if (d.severity == core::Severity::Error) errors.push_back(core::format(d));
    if (!result.scenario) {
        // a broken file leaves the last good scenario running
        m_errors =
            errors.empty() ? std::vector<std::string>{m_options.file + ": could not be loaded"} : errors;
        m_watched = watchedFiles();
        return m_run != nullptr;
    }
    const bool first = m_run == nullptr;
    const core::Instant at = first ? result.scenario->time.start : m_run->playback.now();
    m_run = build(std::move(*result.scenario));
    m_errors.clear();
    m_watched = watchedFiles();
    if (first) {
        fitCamera();
    } else {
        // the same moment of the new scenario, the same part of the map
        seekNow(at);
        m_selection = {};
        m_toast = "Reloaded " + m_options.file;
        m_toastAge = 0.0;
    }
    return true;
}

std::vector<std::pair<std::filesystem::path, std::filesystem::file_time_type>> Viewer::watchedFiles() const {
    std::vector<std::filesystem::path> files{m_options.file};
    if (m_run)
        for (const std::string& include : m_run->scenario.includes)
            files.emplace_back(include);
    std::vector<std::pair<std::filesystem::path, std::filesystem::file_time_type>> out;
    for (const auto& f : files) {
        std::error_code ec;
        const auto time = std::filesystem::last_write_time(f, ec);
        out.push_back({f, ec ? std::filesystem::file_time_type{} : time});
    }
    return out;
}

void Viewer::checkReload() {
    m_sinceWatch = 0.0;
    if (watchedFiles() != m_watched) load();
}

void Viewer::layout(unsigned width, unsigned height) {
    m_size = {std::max(width, 200u), std::max(height, 200u)};
    m_sidebar = std::min((m_presenter ? 470.0 : 390.0), m_size.x * 0.45);
    m_camera.setViewport(0.0, 0.0, m_size.x - m_sidebar, m_size.y);
}

void Viewer::resize(unsigned width, unsigned height) {
    layout(width, height);
    fitCamera();
}

void Viewer::fitCamera() {
    if (!m_run) return;
    m_camera.fit(m_run->scene.view);
}

void Viewer::seekNow(core::Instant t) {
    if (!m_run) return;
    while (m_run->playback.advanceToward(t, 1 << 20) > 0) {
    }
    m_seekTarget.reset();
    m_accumulator = 0.0;
    for (std::size_t z = 0; z < m_run->scenario.zones.size(); ++z)
        m_run->wasActive[z] = m_run->playback.world().zones[z].active;
}

void Viewer::changeSpeed(int direction) {
    const double* begin = std::begin(kSpeeds);
    const double* end = std::end(kSpeeds);
    if (direction > 0) {
        const double* next = std::upper_bound(begin, end, m_speed);
        m_speed = next == end ? kSpeeds[std::size(kSpeeds) - 1] : *next;
    } else {
        const double* lower = std::lower_bound(begin, end, m_speed);
        m_speed = lower == begin ? kSpeeds[0] : *(lower - 1);
    }
}

void Viewer::update(double seconds) {
    // the file: reloaded when it (or an include) is saved
    m_sinceWatch += seconds;
    if (m_sinceWatch >= kWatchEvery) checkReload();
    m_toastAge += seconds;
    if (!m_run) return;
    Playback& playback = m_run->playback;
    const core::Millis step = std::max<core::Millis>(m_run->scenario.time.step, 1);
    const double budgetEnd = wallSeconds() + m_options.stepBudget;
    const core::Instant before = playback.now();

    if (m_seekTarget) {
        // scrubbing: replay from the nearest snapshot, a bounded slice a frame
        while (!playback.arrived(*m_seekTarget) && wallSeconds() < budgetEnd)
            if (playback.advanceToward(*m_seekTarget, 200) == 0 && !playback.arrived(*m_seekTarget)) break;
        if (playback.arrived(*m_seekTarget) || playback.finished()) m_seekTarget.reset();
        updateZoneLooks(seconds, false);
        return;
    }
    if (m_playing && !playback.finished()) {
        // several fixed steps a frame from an accumulator, at most a budget of wall time
        m_accumulator += seconds * m_speed * 1000.0;
        const auto owed = static_cast<core::Millis>(m_accumulator / static_cast<double>(step)) * step;
        const core::Instant target = playback.now() + owed;
        while (playback.now() < target && wallSeconds() < budgetEnd)
            if (playback.advanceToward(target, 50) == 0) break;
        const double done = static_cast<double>(playback.now() - before);
        m_accumulator -= done;
        // behind the clock by more than a frame: let the rest go, and say how fast it really runs
        m_accumulator = std::min(m_accumulator, static_cast<double>(step));
        m_effectiveSpeed = seconds > 0.0 ? done / 1000.0 / seconds : m_speed;
        if (playback.finished()) m_playing = false;
    } else {
        m_accumulator = 0.0;
        m_effectiveSpeed = 0.0;
    }
    updateZoneLooks(seconds, playback.now() > before);
}

void Viewer::updateZoneLooks(double seconds, bool forward) {
    Run& run = *m_run;
    const sim::World& world = run.playback.world();
    for (std::size_t z = 0; z < run.scenario.zones.size(); ++z) {
        const bool active = world.zones[z].active;
        // a zone that just switched on flashes, when time runs forward
        if (active && !run.wasActive[z] && forward)
            run.flashAge[z] = 0.0;
        else if (run.flashAge[z] >= 0.0)
            run.flashAge[z] += seconds;
        if (!active || run.flashAge[z] > kFlashSeconds) run.flashAge[z] = -1.0;
        run.wasActive[z] = active;
    }
    for (std::size_t m = 0; m < run.zoneOfMap.size(); ++m) {
        const int z = run.zoneOfMap[m];
        if (z < 0) continue;
        ZoneLook look;
        look.opacity = world.zones[static_cast<std::size_t>(z)].active ? 1.0 : report::kFadedOpacity;
        const double age = run.flashAge[static_cast<std::size_t>(z)];
        if (age >= 0.0)
            look.flash = (1.0 - age / kFlashSeconds) * (0.55 + 0.45 * std::cos(age * 2.0 * 3.14159265 * 1.5));
        run.map->setZoneLook(m, look);
    }
}

void Viewer::click(Vec2 pixel) {
    if (!m_run) return;
    DroneStyle style;
    style.planned = m_layers.planned;
    style.iconScale = m_presenter ? 1.6 : 1.0;
    const int drone = m_layers.drones ? m_drones.pick(m_camera, m_run->playback.world(), pixel,
                                                      16.0 * style.iconScale, style)
                                      : -1;
    m_selection = {};
    if (drone >= 0) {
        m_selection.drone = drone;
        return;
    }
    // a zone: the severest at that point, as the map draws it on top
    const Vec2 at = m_camera.toWorld(pixel);
    const sim::World& world = m_run->playback.world();
    if (!world.index || !m_layers.zones) return;
    const std::vector<int> zones = world.index->zonesAt(at);
    int best = -1;
    for (int z : zones) {
        const auto& zone = m_run->scenario.zones[static_cast<std::size_t>(z)];
        auto rank = [&](const scenario::Zone& x) {
            return (x.shapeKind == scenario::ShapeKind::Country ? 0 : 10) + 3 -
                   static_cast<int>(x.restriction);
        };
        if (best < 0 || rank(zone) >= rank(m_run->scenario.zones[static_cast<std::size_t>(best)])) best = z;
    }
    if (best >= 0) {
        m_selection.zone = m_run->scenario.zones[static_cast<std::size_t>(best)].id;
        m_selection.point = at;
    }
}

void Viewer::keyPressed(const sf::Event::KeyEvent& key) {
    using K = sf::Keyboard;
    switch (key.code) {
    case K::Space: m_playing = !m_playing; break;
    case K::Period:
    case K::Right:
        m_playing = false;
        if (m_run) m_run->playback.stepOnce();
        break;
    case K::Left:
        // back one minute
        m_playing = false;
        if (m_run) m_seekTarget = std::max(m_run->playback.now() - 60000, m_run->playback.start());
        break;
    case K::Add:
    case K::Equal:
    case K::Up: changeSpeed(+1); break;
    case K::Subtract:
    case K::Hyphen:
    case K::Down: changeSpeed(-1); break;
    case K::Home:
        if (m_run) m_seekTarget = m_run->playback.start();
        break;
    case K::End:
        if (m_run) m_seekTarget = m_run->playback.end();
        break;
    case K::F: fitCamera(); break;
    case K::Z: m_layers.zones = !m_layers.zones; break;
    case K::L: m_layers.labels = !m_layers.labels; break;
    case K::D: m_layers.drones = !m_layers.drones; break;
    case K::T: m_layers.trails = !m_layers.trails; break;
    case K::G: m_layers.planned = !m_layers.planned; break;
    case K::B: m_layers.land = !m_layers.land; break;
    case K::N: m_layers.sensors = !m_layers.sensors; break;
    case K::P:
        m_presenter = !m_presenter;
        layout(m_size.x, m_size.y);
        break;
    case K::F1: m_help = !m_help; break;
    case K::Slash:
        if (key.shift) m_help = !m_help; // '?'
        break;
    case K::S:
    case K::F12: m_screenshotWanted = true; break;
    case K::R:
        if (key.control)
            checkReload();
        else if (m_run)
            m_seekTarget = m_run->playback.start();
        break;
    case K::Escape:
        if (m_help)
            m_help = false;
        else
            m_selection = {};
        break;
    case K::Q:
        if (key.control) m_quitRequested = true;
        break;
    default: break;
    }
}

void Viewer::handle(const sf::Event& event) {
    m_gui.processEvent(event);
    switch (event.type) {
    case sf::Event::Resized: layout(event.size.width, event.size.height); break;
    case sf::Event::MouseWheelScrolled:
        if (m_gui.wantsMouse() || event.mouseWheelScroll.wheel != sf::Mouse::VerticalWheel) break;
        m_camera.zoomAt({double(event.mouseWheelScroll.x), double(event.mouseWheelScroll.y)},
                        std::pow(1.25, event.mouseWheelScroll.delta));
        break;
    case sf::Event::MouseButtonPressed:
        if (m_gui.wantsMouse() || event.mouseButton.button != sf::Mouse::Left) break;
        if (event.mouseButton.x >= static_cast<int>(m_camera.viewportWidth())) break;
        m_dragging = true;
        m_dragged = false;
        m_pressAt = m_lastMouse = {event.mouseButton.x, event.mouseButton.y};
        break;
    case sf::Event::MouseMoved:
        if (m_dragging) {
            const sf::Vector2i now{event.mouseMove.x, event.mouseMove.y};
            if (std::hypot(now.x - m_pressAt.x, now.y - m_pressAt.y) > kClickSlop) m_dragged = true;
            if (m_dragged) m_camera.pan({double(now.x - m_lastMouse.x), double(now.y - m_lastMouse.y)});
            m_lastMouse = now;
        }
        break;
    case sf::Event::MouseButtonReleased:
        if (event.mouseButton.button != sf::Mouse::Left || !m_dragging) break;
        m_dragging = false;
        if (!m_dragged) click({double(event.mouseButton.x), double(event.mouseButton.y)});
        break;
    case sf::Event::KeyPressed:
        if (!m_gui.wantsKeyboard()) keyPressed(event.key);
        break;
    case sf::Event::TextEntered:
        if (!m_gui.wantsKeyboard() && event.text.unicode == '?') m_help = !m_help;
        break;
    default: break;
    }
}

sf::Color Viewer::stateColour(report::Role role) {
    return toSf(report::paint(role).fill);
}

void Viewer::drawScaleBar(sf::RenderTarget& target) {
    // a bar of round length in the map's bottom-left corner, as on the SVG
    const double scale = m_presenter ? 1.4 : 1.0;
    const report::ScaleBar bar = report::niceScaleBar(m_camera.viewportWidth() / m_camera.scale());
    const double length = bar.metres * m_camera.scale();
    const float x = 24.f, y = static_cast<float>(m_size.y - 28.0 * scale);
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

void Viewer::drawSensors(sf::RenderTarget& target) {
    // sensor coverage: a thin ring of each sensor's range, and its site
    for (const scenario::Sensor& sensor : m_run->scenario.sensors) {
        const Vec2 c = m_camera.toScreen(sensor.at);
        const float r = static_cast<float>(sensor.range * m_camera.scale());
        sf::CircleShape ring(r, static_cast<std::size_t>(std::clamp(r / 3.f, 24.f, 120.f)));
        ring.setOrigin(r, r);
        ring.setPosition(float(c.x), float(c.y));
        ring.setFillColor(sf::Color(86, 180, 233, 28));
        ring.setOutlineColor(sf::Color(0, 114, 178, 160));
        ring.setOutlineThickness(1.5f);
        target.draw(ring);
    }
    for (const scenario::Responder& responder : m_run->scenario.responders) {
        const Vec2 c = m_camera.toScreen(responder.base);
        sf::RectangleShape base({10.f, 10.f});
        base.setOrigin(5.f, 5.f);
        base.setRotation(45.f);
        base.setPosition(float(c.x), float(c.y));
        base.setFillColor(sf::Color(0, 114, 178));
        base.setOutlineColor(sf::Color::White);
        base.setOutlineThickness(1.5f);
        target.draw(base);
    }
}

void Viewer::frame(sf::RenderTarget& target, double seconds) {
    if (target.getSize() != m_size) layout(target.getSize().x, target.getSize().y);
    // profiling: wait for the GPU at each mark, so each part is charged its own drawing
    sf::Clock clock;
    auto mark = [&](double& into) {
        if (!m_options.profile) return;
        target.setActive(true);
        glFinish();
        into = clock.restart().asSeconds() * 1000.0;
    };
    update(seconds);
    mark(m_profile.simulation);
    target.setView(sf::View(sf::FloatRect(0.f, 0.f, float(m_size.x), float(m_size.y))));
    target.clear(sf::Color::White);
    target.setActive(true);

    if (m_run) {
        MapStyle style;
        style.textScale = m_presenter ? 1.45 : 1.0;
        style.lineScale = m_presenter ? 1.5 : 1.0;
        style.zones = m_layers.zones;
        style.labels = m_layers.labels;
        style.land = m_layers.land;
        drawMap(target, style);
        if (m_layers.sensors) drawSensors(target);
        mark(m_profile.map);
        if (m_layers.drones) {
            DroneStyle drones;
            drones.iconScale = m_presenter ? 1.6 : 1.0;
            drones.trails = m_layers.trails;
            drones.planned = m_layers.planned;
            m_drones.draw(target, m_camera, m_run->playback.world(), drones, m_selection.drone);
        }
        mark(m_profile.drones);
        m_run->map->drawLabels(target, m_camera, style);
        drawScaleBar(target);
        mark(m_profile.labels);
    }

    // the panels over the map
    target.setActive(true);
    m_gui.newFrame(m_size, seconds);
    drawPanels();
    m_gui.render(target);
    mark(m_profile.panels);
}

void Viewer::drawMap(sf::RenderTarget& target, const MapStyle& style) {
    MapLayer& map = *m_run->map;
    const MapKey key{
        m_run.get(), m_camera.centre().x, m_camera.centre().y, m_camera.scale(), m_size.x,
        m_size.y,    style.zones,         style.land,          m_presenter,      map.looksVersion()};
    if (!m_mapCacheFailed && (!m_mapCache || m_mapCache->getSize() != m_size)) {
        sf::ContextSettings settings;
        settings.depthBits = 24;
        settings.stencilBits = 8;
        m_mapCache = std::make_unique<sf::RenderTexture>();
        if (!m_mapCache->create(m_size.x, m_size.y, settings)) {
            m_mapCache.reset();
            m_mapCacheFailed = true; // draw straight into the target every frame
        }
        m_mapKey = {};
    }
    if (!m_mapCache) {
        map.draw(target, m_camera, style);
        return;
    }
    if (!(key == m_mapKey)) {
        m_mapCache->setView(sf::View(sf::FloatRect(0.f, 0.f, float(m_size.x), float(m_size.y))));
        m_mapCache->clear(sf::Color::White);
        map.draw(*m_mapCache, m_camera, style);
        m_mapCache->display();
        m_mapKey = key;
    }
    target.setActive(true);
    target.draw(sf::Sprite(m_mapCache->getTexture()), sf::RenderStates(sf::BlendNone));
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
    if (image.getSize().x == 0 || !image.saveToFile(path)) {
        message = "could not save a screenshot to " + path;
        return false;
    }
    message = "Saved " + path;
    return true;
}

int Viewer::runWindow(unsigned width, unsigned height) {
    sf::ContextSettings settings;
    settings.stencilBits = 8;
    settings.antialiasingLevel = 4;
    sf::RenderWindow window(sf::VideoMode(width, height), "nofly - " + m_options.file, sf::Style::Default,
                            settings);
    window.setFramerateLimit(60);
    window.setKeyRepeatEnabled(true);
    resize(width, height);
    sf::Clock clock;
    int shot = 0;
    while (window.isOpen() && !m_quitRequested) {
        sf::Event event;
        while (window.pollEvent(event)) {
            if (event.type == sf::Event::Closed) window.close();
            handle(event);
        }
        if (!window.isOpen()) break;
        frame(window, clock.restart().asSeconds());
        if (m_screenshotWanted) {
            // the frame just drawn, before it is shown
            m_screenshotWanted = false;
            std::string stem = std::filesystem::path(m_options.file).stem().string();
            std::string clockText =
                m_run ? core::formatClock(m_run->playback.now(), m_run->scenario.time.utcOffsetMinutes) : "";
            std::replace(clockText.begin(), clockText.end(), ':', '-');
            std::string path;
            do {
                // appended piece by piece: "-" + std::string trips a false -Wrestrict in GCC 12 at -O2
                path = "nofly-";
                path += stem;
                path += '-';
                path += clockText;
                if (shot) {
                    path += '-';
                    path += std::to_string(shot);
                }
                path += ".png";
                ++shot;
            } while (std::filesystem::exists(path));
            saveScreenshot(window, path, m_toast);
            m_toastAge = 0.0;
        }
        window.display();
    }
    return 0;
}

} // namespace nofly::render
