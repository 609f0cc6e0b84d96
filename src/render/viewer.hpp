// Viewer: the window a teacher drives in front of a class. Its job is to
// hold the last good scenario with its run (Playback), its map (MapLayer over
// report::buildMapScene, so the window and map.svg never disagree) and its
// drones (DroneLayer); to turn input into camera moves, play, pause, steps,
// speed and scrubbing; to reload the scenario when its file is saved; and to
// draw one frame, with the Dear ImGui panels, into a window or an offscreen
// texture. It reads wall-clock time; the simulation never does.
//
// It creates SFML graphics objects: construct it only where there is a display.
#pragma once

#include "render/camera.hpp"
#include "render/drone_layer.hpp"
#include "render/gui.hpp"
#include "render/map_layer.hpp"
#include "render/playback.hpp"
#include "report/run_record.hpp"
#include "report/scene.hpp"
#include "scenario/model.hpp"

#include <SFML/Graphics.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nofly::render {

struct ViewerOptions {
    std::string file;
    std::string variant;
    bool presenter = false;
    double speed = 60.0;       ///< simulated seconds per second of wall time
    bool playing = false;      ///< start playing
    std::string assetDir;      ///< empty: scenario::defaultAssetDir()
    double stepBudget = 0.012; ///< [s] of simulation a frame may take, so the window stays responsive
    bool profile = false;      ///< wait for the GPU after each part of a frame and time it (benchmarks)
};

/// Where the last frame's time went [ms], when ViewerOptions::profile is on.
struct FrameProfile {
    double simulation = 0.0, map = 0.0, drones = 0.0, labels = 0.0, panels = 0.0;
};

/// What the map shows; each is a key and a checkbox.
struct Layers {
    bool land = true;
    bool zones = true;
    bool labels = true;
    bool drones = true;
    bool trails = true;
    bool planned = true; ///< drones on the ground
    bool sensors = true;
};

/// What the inspector shows.
struct Selection {
    int drone = -1;     ///< index into World::drones
    std::string zone;   ///< zone id
    core::Vec2 point{}; ///< where the zone was clicked [m]
};

class Viewer {
  public:
    explicit Viewer(ViewerOptions options);
    ~Viewer();

    /// Loads the scenario file; false (with errors()) if it has errors and
    /// nothing was loaded before.
    bool load();
    bool loaded() const { return m_run != nullptr; }
    /// The problems of the last load, as file:line:col: error: ... lines (empty when it loaded).
    const std::vector<std::string>& errors() const { return m_errors; }

    /// Opens a window and runs until it is closed. Returns the exit code.
    int runWindow(unsigned width, unsigned height);

    /// One input event from the window (or a test).
    void handle(const sf::Event& event);
    /// Advances the clock by `seconds` of wall time (playing, seeking,
    /// reloading) and draws one frame into `target`.
    void frame(sf::RenderTarget& target, double seconds);

    /// Moves the run to `t` now, however many steps it takes (the render command, tests).
    void seekNow(core::Instant t);
    /// Fits the camera to the scenario in a target of this size.
    void resize(unsigned width, unsigned height);
    /// Checks the scenario file (and its includes) for changes now; reloads if changed.
    void checkReload();
    /// Saves what `target` shows as a PNG; false with a message on failure.
    bool saveScreenshot(const sf::RenderTarget& target, const std::string& path, std::string& message) const;

    // state, for panels and tests
    const Playback& playback() const { return m_run->playback; }
    const scenario::Scenario& scenario() const { return m_run->scenario; }
    const report::Scene& scene() const { return m_run->scene; }
    const Camera& camera() const { return m_camera; }
    Layers& layers() { return m_layers; }
    const Selection& selection() const { return m_selection; }
    /// The inspector's text: the selected drone's verdict cards or the clicked zone's card.
    std::string inspectorText() const;
    bool playing() const { return m_playing; }
    double speed() const { return m_speed; }
    bool presenter() const { return m_presenter; }
    bool helpShown() const { return m_help; }
    const MapLayer& mapLayer() const { return *m_run->map; }
    const DroneLayer& droneLayer() const { return m_drones; }
    const FrameProfile& profile() const { return m_profile; }
    /// The colour a drone state is drawn in (for tests that read pixels).
    static sf::Color stateColour(report::Role role);

  private:
    /// A loaded scenario with everything built from it.
    struct Run {
        scenario::Scenario scenario;
        Playback playback;
        report::Scene scene;
        std::unique_ptr<MapLayer> map;
        std::vector<int> zoneOfMap; ///< scenario zone index of each MapLayer zone
        std::vector<bool> wasActive;
        std::vector<double> flashAge; ///< [s] since each zone switched on; < 0 none
        explicit Run(scenario::Scenario s);
    };
    std::unique_ptr<Run> build(scenario::Scenario scenario) const;
    void fitCamera();
    void layout(unsigned width, unsigned height);
    void update(double seconds);
    void updateZoneLooks(double seconds, bool forward);
    void click(core::Vec2 pixel);
    void keyPressed(const sf::Event::KeyEvent& key);
    void changeSpeed(int direction);
    void drawMap(sf::RenderTarget& target, const MapStyle& style);
    void drawScaleBar(sf::RenderTarget& target);
    void drawSensors(sf::RenderTarget& target);
    std::vector<std::pair<std::filesystem::path, std::filesystem::file_time_type>> watchedFiles() const;

    // the panels (panels.cpp)
    void drawPanels();
    void panelHeader();
    void panelControls();
    void panelLegend();
    void panelMetrics();
    void panelEvents(int rows);
    void panelInspector();
    void panelLayers();
    void helpOverlay();
    void errorsOverlay();
    void applyGuiStyle();

    ViewerOptions m_options;
    std::unique_ptr<Run> m_run;
    std::vector<std::string> m_errors;
    std::vector<std::pair<std::filesystem::path, std::filesystem::file_time_type>> m_watched;
    double m_sinceWatch = 0.0; ///< [s] since the files were last looked at

    sf::Font m_font;
    GuiContext m_gui;
    DroneLayer m_drones;
    Camera m_camera;
    Layers m_layers;
    Selection m_selection;
    sf::Vector2u m_size{1280, 800};
    double m_sidebar = 380.0; ///< [px] the panel column on the right

    bool m_playing = false;
    double m_speed = 60.0;
    double m_accumulator = 0.0;    ///< [ms] of simulated time owed to the clock
    double m_effectiveSpeed = 0.0; ///< what the last frames achieved
    std::optional<core::Instant> m_seekTarget;
    bool m_presenter = false;
    bool m_help = false;
    bool m_dragging = false;
    bool m_dragged = false;
    sf::Vector2i m_pressAt{}, m_lastMouse{};
    bool m_screenshotWanted = false;
    std::string m_toast;     ///< a short message at the bottom (screenshot saved, reloaded)
    double m_toastAge = 0.0; ///< [s]
    bool m_guiStyled = false;
    bool m_stylePresenter = false;

    // the map (land, zones, markers) drawn once into a texture while nothing moves:
    // a frame then costs one textured quad for it instead of every zone's triangles
    struct MapKey {
        const void* run = nullptr;
        double x = 0.0, y = 0.0, scale = 0.0;
        unsigned width = 0, height = 0;
        bool zones = true, land = true, presenter = false;
        std::uint64_t looks = 0;
        bool operator==(const MapKey&) const = default;
    };
    std::unique_ptr<sf::RenderTexture> m_mapCache;
    MapKey m_mapKey;
    bool m_mapCacheFailed = false;

    // metrics, recomputed a few times a second
    report::Metrics m_metrics;
    std::int64_t m_metricsTick = -1;
    double m_sinceMetrics = 1.0;
    bool m_quitRequested = false;
    FrameProfile m_profile;
};

} // namespace nofly::render
