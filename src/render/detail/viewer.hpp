// Viewer: the window a teacher drives in front of a class. Its job is to
// hold the last good scenario with its run (Playback), its map (MapLayer over
// report::buildMapScene, so the window and map.svg never disagree) and its
// drones (DroneLayer); to turn input into camera moves, play, pause, steps,
// speed and scrubbing; to reload the scenario when its file is saved; and to
// draw one frame, with the Dear ImGui panels, into a window or an offscreen
// texture. It reads wall-clock time; the simulation never does.
//
// In split view it holds two runs of the same file, each with its variant,
// side by side: one clock drives both (every pane is at the same simulated
// time after each slice of steps) and one camera shows the same place in
// both. The class's answers to the scenario's questions are kept by variant
// for the whole session, through reloads and variant switches.
//
// It creates SFML graphics objects: construct it only where there is a display.
// Internal to render: the command line opens it through render::Window
// (render/window.hpp), which names no SFML type.
#pragma once

#include "render/detail/camera.hpp"
#include "render/detail/defence_layer.hpp"
#include "render/detail/drone_layer.hpp"
#include "render/detail/framebuffer_copy.hpp"
#include "render/detail/gui.hpp"
#include "render/detail/map_layer.hpp"
#include "render/detail/playback.hpp"
#include "render/window.hpp"
#include "report/questions.hpp"
#include "report/run_record.hpp"
#include "report/scene.hpp"
#include "scenario/model.hpp"

#include <SFML/Graphics.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

struct ImDrawList;

namespace nofly::render {

/// Where the last frame's time went [ms], when ViewerOptions::profile is on.
struct FrameProfile {
    /// prepare: reading the worlds (drones, defence, the panels' layout)
    double prepare = 0.0, simulation = 0.0, map = 0.0, drones = 0.0, labels = 0.0, panels = 0.0;
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
    bool callouts =
        true; ///< a short call-out where a key event happens (what a question or the story is about)
    bool slowDown = false; ///< play at 60x for a few seconds from each call-out
};

/// A call-out on the map: a key event where it happened, in a few words,
/// fading after a few seconds of play; a click opens its card.
struct Callout {
    int pane = 0;
    core::Vec2 at; ///< where it happened [m]
    std::string text;
    int drone = -1;      ///< the flight it is about (World::drones), to select on a click
    std::string airport; ///< or the airport
    double age = 0.0;    ///< [s] of play since it appeared
    core::Instant time = 0;
};

/// One question as the Questions panel shows it, for each pane.
struct QuestionLine {
    std::string id;
    std::string ask;
    std::vector<std::string> choices;
    struct PerPane {
        std::string variant;     ///< "base" or the variant's id
        std::string policy;      ///< its policy as the file names it (Viewer::paneName)
        report::Tally votes;     ///< the class's votes so far
        std::string classAnswer; ///< the choice most votes went to; empty: no votes, or a tie
        bool closed = false; ///< voting is over: revealed or skipped by the teacher, or counted with --answer
        bool due = false; ///< what happened is settled (and past `reveal:`); it shows once voting is closed
        bool revealed = false;   ///< due and closed: the answer is shown
        std::string answer;      ///< what happened, once revealed
        std::string verdict;     ///< "right", "wrong", "tie", "not answered"; empty until revealed
        int rightVotes = 0;      ///< the votes for what happened, once revealed
    };
    std::vector<PerPane> panes;
};

/// The question shown large over a map: asked (the clock paused just before
/// its answer would show, the class voting) or, once the teacher reveals it,
/// what happened against the class's votes.
struct QuestionCard {
    std::string question; ///< its id
    int pane = 0;         ///< the map it is asked on (split view: each policy is asked apart)
    bool revealed = false;
};

/// Where the side panel put its parts in the last frame [px, window
/// coordinates], so that tests can check that it fits the window.
struct SidePanelLayout {
    float top = 0.f, bottom = 0.f; ///< the panel's window
    float contentRight = 0.f;      ///< the right edge of what the panel's lines may use
    float eventsTop = -1.f;        ///< the Events list's first line; < 0: not shown
    float legendHeaderY = -1.f;    ///< the middle of the Legend's header (to click it); < 0: not shown
    bool legendOpen = false;
    float legendRight = 0.f;        ///< the right edge of the legend's widest line, when open
    float legendContentRight = 0.f; ///< the right edge its lines may use, when open
};

/// What the inspector shows.
struct Selection {
    int pane = 0;        ///< the map it was clicked on (split view: 0 left, 1 right)
    int drone = -1;      ///< index into World::drones
    std::string zone;    ///< zone id
    std::string airport; ///< airport id
    core::Vec2 point{};  ///< where the zone was clicked [m]
};

class Viewer {
  public:
    explicit Viewer(ViewerOptions options);
    ~Viewer();

    /// Loads the scenario file (each pane with its variant); false (with
    /// errors()) if it has errors and nothing was loaded before.
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

    /// Shows `variant` ("" or "base": the base) in a pane, at the same time of day when it can.
    void setVariant(int pane, const std::string& variant);
    /// Split view on or off; on, the right pane shows `variant` (empty: the next variant after the left
    /// one's).
    void setSplit(bool on, const std::string& variant = {});
    /// Adds `delta` votes (a negative one takes votes back, down to none) for
    /// a choice of a question on a pane's variant; false once its voting is
    /// closed, or if it is not a choice.
    bool vote(int pane, const std::string& question, const std::string& choice, int delta = 1);
    /// Sets the votes for a choice to `count` (the teacher typing a count); false as vote().
    bool setVotes(int pane, const std::string& question, const std::string& choice, int count);
    /// Takes votes from phones through `ballot` (ViewerOptions::ballot), `url` shown with its join code.
    void acceptVotes(std::shared_ptr<report::BallotBox> ballot, std::string url) {
        m_options.ballot = std::move(ballot);
        m_options.voteUrl = std::move(url);
    }
    /// Enter: on an asked card, closes the voting and shows what happened
    /// (one step on when the answer is not yet out); on a revealed card, puts
    /// it away; without a card, asks the question waiting to be revealed, if any.
    void enter();
    /// Space: play or pause; on an asked card, nothing (the class is voting); on a revealed card,
    /// puts it away and plays on.
    void playPause();
    /// The call-outs on the maps now, oldest first.
    const std::vector<Callout>& callouts() const { return m_callouts; }
    /// How long a call-out stays, in seconds of play.
    static constexpr double kCalloutSeconds = 8.0;
    /// The question shown large over the map, if any.
    const std::optional<QuestionCard>& card() const { return m_card; }
    /// Writes report.json, the CSVs, map.svg and report.html of each pane's
    /// variant, run to its end with the class's answers, into
    /// FOLDER-VARIANT; false with a message on failure.
    bool saveReports(const std::string& folder, std::string& message);

    // state, for panels and tests
    const Playback& playback() const { return m_run->playback; }
    const scenario::Scenario& scenario() const { return m_run->scenario; }
    const report::Scene& scene() const { return m_run->scene; }
    int paneCount() const { return m_other ? 2 : 1; }
    const Playback& playback(int pane) const { return runOf(pane).playback; }
    const scenario::Scenario& scenario(int pane) const { return runOf(pane).scenario; }
    /// "base" or the pane's variant id.
    std::string paneVariant(int pane) const;
    /// The pane's policy as the file names it (`policy: {name}`, a variant's `name:`), else its id.
    std::string paneName(int pane) const;
    /// The title over a pane, naming its policy: the variant's description, else its id ("base").
    std::string paneTitle(int pane) const;
    /// The label over a pane: its variant and a few metrics now (as drawn under its title).
    std::string paneLabel(int pane) const;
    /// The camera of a pane (split view: the right one is the left one moved by a pane's width).
    Camera paneCamera(int pane) const;
    /// The Questions panel as data: every question with each pane's answer and result.
    std::vector<QuestionLine> questionLines() const;
    /// The question and pane the number keys vote on now: the asked card's,
    /// else the first whose voting is open; {-1, -1} if none.
    std::pair<int, int> currentQuestion() const;
    const std::string& toast() const { return m_toast; }
    const Camera& camera() const { return m_camera; }
    /// The area a fitted map shows whole (the scenario's `map.view`, else its zones and routes) [m].
    core::Box sceneView() const { return m_run ? m_run->scene.view : core::Box{}; }
    /// Where the side panel put its parts in the last frame.
    const SidePanelLayout& sidePanelLayout() const { return m_sideLayout; }
    Layers& layers() { return m_layers; }
    const Selection& selection() const { return m_selection; }
    /// The inspector's text: the selected drone's verdict cards, the clicked
    /// airport's state and closure cards, or the clicked zone's card.
    std::string inspectorText() const;
    /// The events the Events panel lists now, newest first, at most `rows`:
    /// of the pane clicked last, leaving out zone entries and exits.
    std::vector<const sim::Event*> tickerEvents(int rows) const;
    bool playing() const { return m_playing; }
    double speed() const { return m_speed; }
    bool presenter() const { return m_presenter; }
    bool helpShown() const { return m_help; }
    const MapLayer& mapLayer() const { return *m_run->map; }
    const DroneLayer& droneLayer() const { return m_run->drones; }
    const DefenceLayer& defenceLayer() const { return m_run->defence; }
    const FrameProfile& profile() const { return m_profile; }
    /// Whether the last frame's crowd dots were stamped into the map on the
    /// CPU (true) rather than drawn as OpenGL points, in the first pane.
    bool dotsStampedLastFrame() const { return m_dotsStamped; }
    /// Whether a dense crowd's dots may be stamped into the map's pixels on
    /// the CPU (the default); off, OpenGL draws them, as it does wherever
    /// the map cannot be copied into the target. For comparing the two.
    void setCpuDots(bool on) { m_cpuDots = on; }
    /// Whether the side panel may be shown from a copy of its pixels while
    /// it changes little (the default; see showPanels()); off, it is drawn
    /// anew every frame. For comparing the two.
    void setKeepSidePanel(bool on) { m_keepSidePanel = on; }
    /// Whether the last frame drew the side panel anew rather than from its copy.
    bool sidePanelDrawnLastFrame() const { return m_sidePanelDrawn; }
    /// The colour a drone state is drawn in (for tests that read pixels).
    static sf::Color stateColour(report::Role role);

  private:
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

    /// A loaded scenario with everything built from it: one pane.
    struct Run {
        Playback playback;                  ///< owns the scenario, compiled once
        const scenario::Scenario& scenario; ///< playback.scenario()
        report::Scene scene;
        std::unique_ptr<MapLayer> map;
        DroneLayer drones;
        DefenceLayer defence;
        bool defenceShown = false;  ///< whether the world had a defence when prepared
        std::vector<int> zoneOfMap; ///< scenario zone index of each MapLayer zone
        std::vector<bool> wasActive;
        std::vector<double> flashAge; ///< [s] since each zone switched on; < 0 none
        std::unique_ptr<sf::RenderTexture> mapCache;
        MapKey mapKey;
        /// The cache's pixels, BGRA and top row first as the window's,
        /// read back after each redraw; empty until then.
        std::vector<std::uint8_t> mapPixels;
        std::vector<std::uint8_t> framePixels; ///< mapPixels with the dots stamped in
        DroneLayer::Stamps stamps;             ///< where framePixels has dots
        DroneLayer::Stamps nextStamps;         ///< this frame's, before they are stamped
        sf::Texture frameTexture;              ///< framePixels, to copy into the window
        bool frameFresh = false;               ///< whether frameTexture holds framePixels
        report::Metrics metrics;               ///< recomputed a few times a second
        std::int64_t metricsTick = -1;
        explicit Run(scenario::Scenario s);
    };
    std::unique_ptr<Run> build(scenario::Scenario scenario) const;
    /// Loads the file with one variant; null (adding to `errors`) when it has errors.
    std::unique_ptr<Run> loadRun(const std::string& variant, std::vector<std::string>& errors) const;
    /// Loads every pane again; `seek`: reach the old time by replaying in slices, not at once.
    bool reloadPanes(bool seek);
    Run& runOf(int pane) { return pane == 1 && m_other ? *m_other : *m_run; }
    const Run& runOf(int pane) const { return pane == 1 && m_other ? *m_other : *m_run; }
    std::vector<Run*> runs() const;
    /// Moves every pane toward `target`, all at the same time after each slice of `chunk` steps, until
    /// `deadline` [s].
    void advancePanes(core::Instant target, int chunk, double deadline);
    bool allArrived(core::Instant target) const;
    bool allFinished() const;
    int paneAt(double x) const;
    double mapWidth() const { return m_size.x - m_sidebar; }
    /// The side panel's background (ImGui draws the panel on it, with no background of its own).
    sf::Color sidebarColour() const;
    void updateMetrics(bool now);
    std::vector<std::string> variantNames() const; ///< "base", then the file's variants
    void cycleVariant(int pane);
    /// A vote (or, with `back`, one taken back) for choice `number` of the current question.
    void voteByNumber(int number, bool back);
    bool closed(const std::string& variant, const std::string& question) const;
    /// The first question (index, pane), in the order shown, that is settled but not revealed
    /// because its voting is open.
    std::optional<std::pair<int, int>> dueQuestion() const;
    /// Whether a question, in some pane, still takes votes.
    bool votingOpen() const;
    /// Opens the asking card on a question (index, pane) and stops the clock.
    void ask(std::pair<int, int> question);
    /// Phones (ViewerOptions::ballot): counts the votes they cast, then (with `reopen`) opens the
    /// question the number keys vote on now (or none) for theirs.
    void syncBallot(bool reopen = true);
    void fitCamera();
    void layout(unsigned width, unsigned height);
    /// Steps owed this frame while playing: from and to which time, by when [wall s].
    struct StepsOwed {
        core::Instant from = 0, to = 0;
        double deadline = 0.0;
        core::Millis done = 0; ///< how far takeSteps() went
        /// A question (index, pane) whose answer the next step would show, the
        /// class not having voted on it: the steps stopped just before it.
        std::optional<std::pair<int, int>> asks;
    };
    /// The frame's clock: reloads, seeking, and the steps owed while playing (taken by takeSteps()).
    std::optional<StepsOwed> update(double seconds);
    /// Takes the steps owed: touches the panes' playbacks and nothing else.
    void takeSteps(StepsOwed& owed);
    /// After the steps owed: the accumulator, the speed shown, the zones' looks, the metrics.
    void afterSteps(const StepsOwed& owed, double seconds);
    void updateZoneLooks(Run& run, double seconds, bool forward);
    /// Profiling: waits for the GPU and charges the time since the last mark to `into` [ms].
    void profileMark(sf::RenderTarget& target, double& into);
    void click(core::Vec2 pixel);
    void keyPressed(const sf::Event::KeyEvent& key);
    void changeSpeed(int direction);
    /// Reads what a pane shows from its world: the drones, the defence.
    void preparePane(int pane);
    /// Draws a pane as preparePane() left it, reading no world.
    void drawPane(sf::RenderTarget& target, int pane);
    MapStyle mapStyle() const;
    /// Draws the pane's map from its cache; with the crowd's dots stamped
    /// into it when `drones` has them and the map can be copied into the
    /// target. True when it stamped them.
    bool drawMap(sf::RenderTarget& target, Run& run, const Camera& camera, const MapStyle& style,
                 const DroneLayer* drones);
    /// Shows the panels of the frame ended, the side panel's from `sideLeft` on.
    void showPanels(sf::RenderTarget& target, double seconds, int sideLeft);
    /// Keeps the side panel's pixels, just drawn, in m_sidePanel. False if it cannot.
    bool readSidePanel(sf::RenderTarget& target, sf::IntRect side);
    void drawScaleBar(sf::RenderTarget& target, const Camera& camera);
    std::vector<std::pair<std::filesystem::path, std::filesystem::file_time_type>> watchedFiles() const;

    // the panels (panels.cpp)
    void drawPanels();
    void panelHeader();
    void panelControls();
    void panelLegend();
    /// The Legend's header and, when open, the legend (in a scrolling box `height` high when > 0).
    void legendHeader(int flags, float height, const char* label = "Legend");
    /// Presenter mode: the questions, the Events list and the Legend (folded) sharing the height left.
    void presenterPanels(bool questions, const std::string& events);
    void panelMetrics();
    void panelEvents(int rows);
    void panelInspector();
    void panelLayers();
    void panelVariants();
    void panelQuestions();
    /// The card over the map (m_card): the question with its choices and votes, or what happened.
    void questionCard();
    /// The call-outs over the maps (m_callouts), each a small window a click opens the card of.
    void calloutWindows();
    /// New key events since the last frame become call-outs (`forward`: played or stepped, not sought).
    void updateCallouts(double seconds, bool forward);
    void paneLabels(float top);
    void helpOverlay();
    void errorsOverlay();
    void applyGuiStyle();

    ViewerOptions m_options;
    std::unique_ptr<Run> m_run;   ///< the map, or the left one in split view
    std::unique_ptr<Run> m_other; ///< the right map in split view; null otherwise
    std::string m_variants[2];    ///< each pane's variant ("" the base)
    bool m_split = false;
    int m_focus = 0; ///< the pane the Events panel follows (the last one clicked)
    /// The class's votes: by variant ("base" or its id), then by question id.
    std::map<std::string, std::map<std::string, report::Tally>> m_votes;
    /// The questions whose voting is over, by variant.
    std::map<std::string, std::set<std::string>> m_closed;
    /// The variants the command line's --answer votes were counted for (once each, not at each reload).
    std::set<std::string> m_answersCounted;
    std::optional<QuestionCard> m_card;
    std::vector<Callout> m_callouts;
    std::size_t m_calloutsSeen[2] = {0, 0}; ///< each pane's events already looked at for call-outs
    double m_slowFor = 0.0;                 ///< [s] of play left at 60x for a call-out (Layers::slowDown)
    double m_speedBeforeSlow = 0.0;
    std::vector<std::string> m_errors;
    std::vector<std::pair<std::filesystem::path, std::filesystem::file_time_type>> m_watched;
    double m_sinceWatch = 0.0; ///< [s] since the files were last looked at

    sf::Font m_font;
    GuiContext m_gui;
    Camera m_camera; ///< the left (or only) pane's; the right pane's is the same moved by a pane's width
    /// Whether the camera shows the scenario fitted (not panned or zoomed by hand since): it is fitted
    /// again when the panes change size (presenter mode, the window resized, split view).
    bool m_fitted = false;
    SidePanelLayout m_sideLayout;
    float m_legendHeight = 0.f;    ///< [px] the presenter's open legend needs, measured last frame
    float m_questionsHeight = 0.f; ///< [px] the presenter's questions need, measured last frame
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
    bool m_mapCacheFailed = false;
    FramebufferCopy m_copy; ///< the cached map into the window, a copy of memory
    bool m_copyFailed = false;
    bool m_cpuDots = true; ///< see setCpuDots()
    /// The side panel's pixels as last drawn.
    struct SidePanelCopy {
        std::vector<std::uint8_t> pixels; ///< BGRA, top row first
        sf::Texture texture;              ///< of the pixels, to copy into the window
        std::uint64_t digest = 0;         ///< of what ImGui drew there
        double age = 0.0;                 ///< [s] since drawn
        bool valid = false;
    };
    static constexpr double kSidePanelRefresh = 10.0; ///< [1/s] at most while playing, the mouse elsewhere
    SidePanelCopy m_sidePanel;
    ImDrawList* m_sidePanelList = nullptr; ///< the side panel's among the frame's
    bool m_keepSidePanel = true;           ///< see setKeepSidePanel()
    bool m_sidePanelDrawn = true;
    core::Instant m_shownAt = 0; ///< the time the last frame shows (its steps came after)
    bool m_dotsStamped = false;
    double m_sinceMetrics = 1.0; ///< [s] since the panes' metrics were counted
    bool m_reportWanted = false;
    bool m_quitRequested = false;
    FrameProfile m_profile;
    sf::Clock m_profileClock;
};

} // namespace nofly::render
