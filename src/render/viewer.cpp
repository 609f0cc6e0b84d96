#include "render/detail/viewer.hpp"

#include "core/diagnostic.hpp"
#include "report/ballot_box.hpp"
#include "report/questions.hpp"
#include "report/run_files.hpp"
#include "report/sentences.hpp"
#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <numbers>

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

Viewer::Run::Run(scenario::Scenario s)
    : playback(std::make_shared<const scenario::Scenario>(std::move(s))), scenario(playback.scenario()) {}

Viewer::Viewer(ViewerOptions options) : m_options(std::move(options)) {
    m_presenter = m_options.presenter;
    // the panes: one variant, or two side by side ("base" is the scenario with none)
    auto variant = [](const std::string& name) { return name == "base" ? std::string() : name; };
    m_variants[0] = variant(m_options.variant);
    if (m_options.split.size() == 2) {
        m_split = true;
        m_variants[0] = variant(m_options.split[0]);
        m_variants[1] = variant(m_options.split[1]);
    }
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

std::unique_ptr<Viewer::Run> Viewer::loadRun(const std::string& variant,
                                             std::vector<std::string>& errors) const {
    scenario::LoadOptions options;
    options.variant = variant;
    options.assetDir = m_options.assetDir;
    scenario::LoadResult result = scenario::loadScenarioFile(m_options.file, options);
    const std::size_t before = errors.size();
    for (const core::Diagnostic& d : result.diagnostics.sorted())
        if (d.severity == core::Severity::Error) errors.push_back(core::format(d));
    if (!result.scenario) {
        if (errors.size() == before) errors.push_back(m_options.file + ": could not be loaded");
        return nullptr;
    }
    return build(std::move(*result.scenario));
}

bool Viewer::load() {
    return reloadPanes(false);
}

bool Viewer::reloadPanes(bool seek) {
    std::vector<std::string> errors;
    std::unique_ptr<Run> left = loadRun(m_variants[0], errors);
    std::unique_ptr<Run> right = m_split ? loadRun(m_variants[1], errors) : nullptr;
    if (!left || (m_split && !right)) {
        // a broken file leaves the last good scenario running
        m_errors = errors;
        m_watched = watchedFiles();
        return m_run != nullptr;
    }
    const bool first = m_run == nullptr;
    const core::Instant at = first ? left->scenario.time.start : m_run->playback.now();
    m_run = std::move(left);
    m_other = std::move(right);
    if (!m_other) m_focus = 0;
    m_errors.clear();
    m_watched = watchedFiles();
    m_selection = {};
    m_callouts.clear();
    for (int pane = 0; pane < 2; ++pane)
        m_calloutsSeen[pane] = pane < paneCount() ? runOf(pane).playback.events().size() : 0;
    // the votes given at the command line count for every variant shown, once: they close those questions
    for (int pane = 0; pane < paneCount(); ++pane) {
        const std::string variant = paneVariant(pane);
        if (!m_answersCounted.insert(variant).second) continue;
        for (const std::string& a : m_options.answers) {
            std::map<std::string, report::Tally> parsed;
            if (report::readAnswer(runOf(pane).scenario, a, parsed)) continue;
            for (const auto& [id, tally] : parsed) {
                for (const auto& [choice, count] : tally)
                    m_votes[variant][id][choice] += count;
                m_closed[variant].insert(id);
            }
        }
    }
    // a card on another variant's map, or on a question this scenario no longer asks, goes
    if (m_card && (seek || m_card->pane >= paneCount() ||
                   std::none_of(m_run->scenario.questions.begin(), m_run->scenario.questions.end(),
                                [&](const scenario::Question& q) { return q.id == m_card->question; })))
        m_card.reset();
    if (first) {
        layout(m_size.x, m_size.y);
        fitCamera();
    } else if (seek) {
        // the same moment of the new variant, replayed a slice a frame
        layout(m_size.x, m_size.y);
        m_seekTarget = at;
        m_accumulator = 0.0;
    } else {
        // the same moment of the new scenario, the same part of the map
        layout(m_size.x, m_size.y);
        seekNow(at);
        m_toast = "Reloaded " + m_options.file;
        m_toastAge = 0.0;
    }
    updateMetrics(true);
    return true;
}

std::vector<Viewer::Run*> Viewer::runs() const {
    std::vector<Run*> out;
    if (m_run) out.push_back(m_run.get());
    if (m_other) out.push_back(m_other.get());
    return out;
}

std::string Viewer::paneVariant(int pane) const {
    if (!m_run) return "base";
    const std::string& v = runOf(pane).scenario.variant;
    return v.empty() ? "base" : v;
}

std::string Viewer::paneName(int pane) const {
    if (!m_run) return "base";
    return runOf(pane).scenario.policyName(paneVariant(pane));
}

std::vector<std::string> Viewer::variantNames() const {
    std::vector<std::string> names = {"base"};
    if (m_run)
        for (const scenario::Variant& v : m_run->scenario.variants)
            names.push_back(v.id);
    return names;
}

void Viewer::setVariant(int pane, const std::string& variant) {
    const std::string v = variant == "base" ? std::string() : variant;
    const int slot = pane == 1 && m_split ? 1 : 0;
    if (m_variants[slot] == v) return;
    const std::string old = m_variants[slot];
    m_variants[slot] = v;
    if (!reloadPanes(true) || !m_errors.empty())
        m_variants[slot] = old;
    else {
        m_toast = "Showing " + paneName(slot);
        m_toastAge = 0.0;
    }
}

void Viewer::setSplit(bool on, const std::string& variant) {
    if (on == m_split && variant.empty()) return;
    if (on) {
        // the right pane: the asked variant, else the one after the left pane's
        std::string right = variant == "base" ? std::string() : variant;
        if (variant.empty()) {
            const std::vector<std::string> names = variantNames();
            const std::string left = m_variants[0].empty() ? "base" : m_variants[0];
            const auto it = std::find(names.begin(), names.end(), left);
            const std::size_t next =
                it == names.end() ? 0 : (static_cast<std::size_t>(it - names.begin()) + 1) % names.size();
            right = names[next] == "base" ? std::string() : names[next];
        }
        m_variants[1] = right;
    }
    const bool was = m_split;
    m_split = on;
    if (!reloadPanes(true) || !m_errors.empty()) m_split = was;
    if (m_run) fitCamera();
}

void Viewer::cycleVariant(int pane) {
    const std::vector<std::string> names = variantNames();
    const std::string now = paneVariant(pane);
    const auto it = std::find(names.begin(), names.end(), now);
    const std::size_t next =
        it == names.end() ? 0 : (static_cast<std::size_t>(it - names.begin()) + 1) % names.size();
    setVariant(pane, names[next]);
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
    m_sidebar = std::floor(std::min((m_presenter ? 470.0 : 390.0), m_size.x * 0.45)); // whole pixels
    // the left (or only) pane; the right one is the same camera moved by a pane's width
    const double paneWidth = m_camera.viewportWidth(), paneHeight = m_camera.viewportHeight();
    m_camera.setViewport(0.0, 0.0, std::floor(mapWidth() / (m_other ? 2.0 : 1.0)), m_size.y);
    // a map nobody has moved stays fitted to the scenario's area when its panes change size (a half
    // window in split view, the presenter's wider panel): else the area sticks out of each pane
    if (m_fitted && (m_camera.viewportWidth() != paneWidth || m_camera.viewportHeight() != paneHeight))
        fitCamera();
}

Camera Viewer::paneCamera(int pane) const {
    Camera camera = m_camera;
    if (pane == 1)
        camera.setViewport(m_camera.viewportWidth(), 0.0, m_camera.viewportWidth(),
                           m_camera.viewportHeight());
    return camera;
}

int Viewer::paneAt(double x) const {
    return m_other && x >= m_camera.viewportWidth() ? 1 : 0;
}

void Viewer::resize(unsigned width, unsigned height) {
    layout(width, height);
    fitCamera();
}

void Viewer::fitCamera() {
    if (!m_run) return;
    m_camera.fit(m_run->scene.view);
    m_fitted = true;
}

void Viewer::seekNow(core::Instant t) {
    if (!m_run) return;
    advancePanes(t, 1 << 20, 1e300);
    m_seekTarget.reset();
    m_accumulator = 0.0;
    updateCallouts(0.0, false);
    for (Run* run : runs())
        for (std::size_t z = 0; z < run->scenario.zones.size(); ++z)
            run->wasActive[z] = run->playback.world().zones[z].active;
    updateMetrics(true);
}

bool Viewer::allArrived(core::Instant target) const {
    for (Run* run : runs())
        if (!run->playback.arrived(target) && !run->playback.finished()) return false;
    return true;
}

bool Viewer::allFinished() const {
    for (Run* run : runs())
        if (!run->playback.finished()) return false;
    return true;
}

void Viewer::advancePanes(core::Instant target, int chunk, double deadline) {
    // going back: each pane restores its latest snapshot before the target first
    for (Run* run : runs())
        if (target < run->playback.now()) run->playback.advanceToward(target, 0);
    // then slices of steps, every pane brought to the slice's end before the next one:
    // between slices (and so in every frame drawn) all panes show the same time
    while (!allArrived(target)) {
        core::Instant behind = target;
        for (Run* run : runs())
            behind = std::min(behind, run->playback.now());
        const core::Millis step = std::max<core::Millis>(m_run->scenario.time.step, 1);
        const core::Instant slice = std::min(target, behind + static_cast<core::Instant>(chunk) * step);
        bool moved = false;
        for (Run* run : runs())
            if (run->playback.now() < slice) moved = run->playback.advanceToward(slice, 1 << 30) > 0 || moved;
        if (!moved || wallSeconds() >= deadline) break;
    }
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

std::optional<Viewer::StepsOwed> Viewer::update(double seconds) {
    // the file: reloaded when it (or an include) is saved
    m_sinceWatch += seconds;
    if (m_sinceWatch >= kWatchEvery) checkReload();
    m_toastAge += seconds;
    m_sinceMetrics += seconds;
    if (!m_run) return std::nullopt;
    syncBallot();
    Playback& playback = m_run->playback;
    const core::Millis step = std::max<core::Millis>(m_run->scenario.time.step, 1);
    const double budgetEnd = wallSeconds() + m_options.stepBudget;

    if (m_seekTarget) {
        // scrubbing: replay from the nearest snapshot, a bounded slice a frame
        advancePanes(*m_seekTarget, 200, budgetEnd);
        if (allArrived(*m_seekTarget)) m_seekTarget.reset();
        for (Run* run : runs())
            updateZoneLooks(*run, seconds, false);
        updateCallouts(0.0, false);
        updateMetrics(false);
        return std::nullopt;
    }
    if (m_playing && !allFinished()) {
        // several fixed steps a frame from an accumulator, at most a budget of wall time
        m_accumulator += seconds * m_speed * 1000.0;
        const auto owed = static_cast<core::Millis>(m_accumulator / static_cast<double>(step)) * step;
        return StepsOwed{playback.now(), playback.now() + owed, budgetEnd, 0, std::nullopt};
    }
    m_accumulator = 0.0;
    m_effectiveSpeed = 0.0;
    for (Run* run : runs())
        updateZoneLooks(*run, seconds, false);
    updateCallouts(0.0, true); // a step by hand, or the one Enter takes, shows its key events too
    updateMetrics(!m_playing);
    return std::nullopt;
}

void Viewer::updateCallouts(double seconds, bool forward) {
    bool created = false;
    for (int pane = 0; pane < paneCount(); ++pane) {
        const Run& run = runOf(pane);
        const std::span<const sim::Event> events = run.playback.events();
        std::size_t& seen = m_calloutsSeen[pane];
        if (events.size() < seen) // back in time: what it said has not happened yet
            std::erase_if(m_callouts, [&](const Callout& c) { return c.pane == pane; });
        if (forward && m_layers.callouts && events.size() > seen) {
            for (const std::size_t i : report::keyEvents(run.scenario, run.playback.world(), events, seen)) {
                const sim::Event& e = events[i];
                Callout c;
                c.pane = pane;
                c.at = e.at;
                c.text = report::calloutText(run.scenario, run.playback.world(), e);
                c.time = e.time;
                if (e.flight >= 0) {
                    c.drone = e.flight;
                    // where the drone is, for a landing far from its last event's place
                    if (e.type == sim::EventType::Landing)
                        c.at = run.playback.world().drones[static_cast<std::size_t>(e.flight)].position;
                } else if (e.site >= 0) {
                    c.airport = report::siteId(run.scenario, e.site);
                }
                m_callouts.push_back(std::move(c));
                created = true;
            }
        }
        seen = events.size();
    }
    // they fade with play, not while the class looks at a paused map; a few a map at most
    if (m_playing)
        for (Callout& c : m_callouts)
            c.age += seconds;
    std::erase_if(m_callouts, [](const Callout& c) { return c.age > kCalloutSeconds; });
    for (int pane = 0; pane < 2; ++pane)
        while (std::count_if(m_callouts.begin(), m_callouts.end(),
                             [&](const Callout& c) { return c.pane == pane; }) > 4)
            m_callouts.erase(std::find_if(m_callouts.begin(), m_callouts.end(),
                                          [&](const Callout& c) { return c.pane == pane; }));
    // the optional slow-down: 60x for a few seconds of play from each call-out, then the speed chosen
    if (created && m_layers.slowDown && m_playing && m_speed > 60.0) {
        if (m_speedBeforeSlow <= 0.0) m_speedBeforeSlow = m_speed;
        m_speed = 60.0;
        m_slowFor = 4.0;
    } else if (m_slowFor > 0.0 && m_playing) {
        m_slowFor -= seconds;
        if (m_slowFor <= 0.0 && m_speedBeforeSlow > 0.0) {
            m_speed = m_speedBeforeSlow;
            m_speedBeforeSlow = 0.0;
        }
    }
}

void Viewer::takeSteps(StepsOwed& owed) {
    if (!votingOpen()) {
        advancePanes(owed.to, 5, owed.deadline);
        owed.done = m_run->playback.now() - owed.from;
        return;
    }
    // A question still taking votes: the clock stops just before its answer
    // would show. Slices of a few steps, each checked; when one brings an
    // answer out, back to the slice's start and on a step at a time to the
    // step before it.
    const core::Millis step = std::max<core::Millis>(m_run->scenario.time.step, 1);
    constexpr int kSlice = 5;
    owed.asks = dueQuestion();
    while (!owed.asks && m_run->playback.now() < owed.to && !allFinished()) {
        const core::Instant from = m_run->playback.now();
        advancePanes(std::min(owed.to, from + kSlice * step), kSlice, 1e300);
        if (auto due = dueQuestion()) {
            advancePanes(from, 1, 1e300);
            for (int k = 0; k < kSlice; ++k) {
                const core::Instant before = m_run->playback.now();
                advancePanes(before + step, 1, 1e300);
                if ((due = dueQuestion())) {
                    advancePanes(before, 1, 1e300);
                    break;
                }
            }
            owed.asks = due;
            break;
        }
        if (m_run->playback.now() == from || wallSeconds() >= owed.deadline) break;
    }
    owed.done = m_run->playback.now() - owed.from;
}

void Viewer::afterSteps(const StepsOwed& owed, double seconds) {
    if (!m_run) return;
    const double done = static_cast<double>(owed.done);
    m_accumulator -= done;
    // behind the clock by more than a frame: let the rest go, and say how fast it really runs
    m_accumulator =
        std::min(m_accumulator, static_cast<double>(std::max<core::Millis>(m_run->scenario.time.step, 1)));
    m_effectiveSpeed = seconds > 0.0 ? done / 1000.0 / seconds : m_speed;
    if (allFinished()) m_playing = false;
    if (owed.asks) ask(*owed.asks);
    for (Run* run : runs())
        updateZoneLooks(*run, seconds, owed.done > 0);
    updateCallouts(seconds, true);
    updateMetrics(!m_playing);
}

void Viewer::updateMetrics(bool now) {
    // a few times a second while playing: the counts read the whole event log
    if (!now && m_sinceMetrics < 0.25) return;
    for (Run* run : runs()) {
        const sim::World& world = run->playback.world();
        if (world.tick == run->metricsTick) continue;
        run->metrics = report::computeMetrics(run->scenario, world, run->playback.events());
        run->metricsTick = world.tick;
    }
    m_sinceMetrics = 0.0;
}

void Viewer::updateZoneLooks(Run& run, double seconds, bool forward) {
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
            look.flash =
                (1.0 - age / kFlashSeconds) * (0.55 + 0.45 * std::cos(age * 2.0 * std::numbers::pi * 1.5));
        run.map->setZoneLook(m, look);
    }
}

void Viewer::click(Vec2 pixel) {
    if (!m_run) return;
    // the pane clicked: its camera, its world
    const int pane = paneAt(pixel.x);
    const Run& run = runOf(pane);
    const Camera camera = paneCamera(pane);
    m_focus = pane;
    DroneStyle style;
    style.planned = m_layers.planned;
    style.iconScale = m_presenter ? 1.6 : 1.0;
    const int drone =
        m_layers.drones ? run.drones.pick(camera, run.playback.world(), pixel, 16.0 * style.iconScale, style)
                        : -1;
    m_selection = {};
    m_selection.pane = pane;
    if (drone >= 0) {
        m_selection.drone = drone;
        return;
    }
    // an airport: its marker, within a finger's width
    for (const scenario::Airport& a : run.scenario.airports)
        if (core::distance(camera.toScreen(a.at), pixel) <= 14.0 * style.iconScale) {
            m_selection.airport = a.id;
            return;
        }
    // a zone: the severest at that point, as the map draws it on top
    const Vec2 at = camera.toWorld(pixel);
    if (!m_layers.zones) return;
    const std::vector<int> zones = run.playback.compiled().index->zonesAt(at);
    int best = -1;
    for (int z : zones) {
        const auto& zone = run.scenario.zones[static_cast<std::size_t>(z)];
        auto rank = [&](const scenario::Zone& x) {
            return (x.shapeKind == scenario::ShapeKind::Country ? 0 : 10) + 3 -
                   static_cast<int>(x.restriction);
        };
        if (best < 0 || rank(zone) >= rank(run.scenario.zones[static_cast<std::size_t>(best)])) best = z;
    }
    if (best >= 0) {
        m_selection.zone = run.scenario.zones[static_cast<std::size_t>(best)].id;
        m_selection.point = at;
    }
}

void Viewer::keyPressed(const sf::Event::KeyEvent& key) {
    using K = sf::Keyboard;
    switch (key.code) {
    case K::Space: playPause(); break;
    case K::Period:
    case K::Right:
        // one step, in every pane
        m_playing = false;
        if (m_run)
            advancePanes(m_run->playback.now() + std::max<core::Millis>(m_run->scenario.time.step, 1), 1,
                         1e300);
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
    case K::K: m_layers.callouts = !m_layers.callouts; break;
    case K::P:
        m_presenter = !m_presenter;
        layout(m_size.x, m_size.y);
        break;
    case K::F1: m_help = !m_help; break;
    case K::Slash:
        if (key.shift) m_help = !m_help; // '?'
        break;
    case K::S:
        if (key.control)
            m_reportWanted = true;
        else
            m_screenshotWanted = true;
        break;
    case K::F12: m_screenshotWanted = true; break;
    case K::V: cycleVariant(key.shift && m_other ? 1 : 0); break;
    case K::C: setSplit(!m_split); break;
    case K::Num1:
    case K::Num2:
    case K::Num3:
    case K::Num4:
    case K::Num5:
    case K::Num6:
    case K::Num7:
    case K::Num8:
    case K::Num9: voteByNumber(static_cast<int>(key.code) - static_cast<int>(K::Num0), key.shift); break;
    case K::Numpad1:
    case K::Numpad2:
    case K::Numpad3:
    case K::Numpad4:
    case K::Numpad5:
    case K::Numpad6:
    case K::Numpad7:
    case K::Numpad8:
    case K::Numpad9:
        voteByNumber(static_cast<int>(key.code) - static_cast<int>(K::Numpad0), key.shift);
        break;
    case K::Enter: enter(); break;
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
    case sf::Event::MouseWheelScrolled: {
        if (m_gui.wantsMouse() || event.mouseWheelScroll.wheel != sf::Mouse::VerticalWheel) break;
        // around the cursor, in whichever pane it is: both show the same place
        const double x = event.mouseWheelScroll.x;
        m_camera.zoomAt({x - paneAt(x) * m_camera.viewportWidth(), double(event.mouseWheelScroll.y)},
                        std::pow(1.25, event.mouseWheelScroll.delta));
        m_fitted = false;
        break;
    }
    case sf::Event::MouseButtonPressed:
        if (m_gui.wantsMouse() || event.mouseButton.button != sf::Mouse::Left) break;
        if (event.mouseButton.x >= static_cast<int>(mapWidth())) break;
        m_dragging = true;
        m_dragged = false;
        m_pressAt = m_lastMouse = {event.mouseButton.x, event.mouseButton.y};
        break;
    case sf::Event::MouseMoved:
        if (m_dragging) {
            const sf::Vector2i now{event.mouseMove.x, event.mouseMove.y};
            if (std::hypot(now.x - m_pressAt.x, now.y - m_pressAt.y) > kClickSlop) m_dragged = true;
            if (m_dragged) {
                m_camera.pan({double(now.x - m_lastMouse.x), double(now.y - m_lastMouse.y)});
                m_fitted = false;
            }
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
                m_run ? core::formatClock(m_shownAt, m_run->scenario.time.utcOffsetMinutes) : "";
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
        if (m_reportWanted) {
            // each pane's variant, run to its end with the class's answers, in the current folder
            m_reportWanted = false;
            saveReports("nofly-report-" + std::filesystem::path(m_options.file).stem().string(), m_toast);
            m_toastAge = 0.0;
        }
        window.display();
    }
    return 0;
}

// --- the class's predictions ---------------------------------------------------

std::vector<QuestionLine> Viewer::questionLines() const {
    std::vector<QuestionLine> lines;
    if (!m_run) return lines;
    // the questions of the left pane's scenario, each judged in every pane that asks it too
    for (const scenario::Question& q : m_run->scenario.questions) {
        QuestionLine line;
        line.id = q.id;
        line.ask = q.ask;
        line.choices = q.choices;
        for (int pane = 0; pane < paneCount(); ++pane) {
            const Run& run = runOf(pane);
            const auto asked = std::find_if(run.scenario.questions.begin(), run.scenario.questions.end(),
                                            [&](const scenario::Question& x) { return x.id == q.id; });
            if (asked == run.scenario.questions.end()) continue;
            QuestionLine::PerPane p;
            p.variant = paneVariant(pane);
            p.policy = paneName(pane);
            if (auto v = m_votes.find(p.variant); v != m_votes.end())
                if (auto a = v->second.find(q.id); a != v->second.end()) p.votes = a->second;
            p.classAnswer = report::majority(p.votes);
            p.closed = closed(p.variant, q.id);
            const bool finished = run.playback.finished();
            const report::QuestionOutcome outcome =
                report::evaluateQuestion(run.scenario, *asked, run.playback.world(), run.playback.events(),
                                         finished);
            // nothing is shown before the class has voted or the teacher skips
            p.due = report::revealed(*asked, outcome, run.playback.now(), finished);
            p.revealed = p.due && p.closed;
            if (p.revealed) {
                report::QuestionResult result;
                result.question = *asked;
                result.votes = p.votes;
                result.outcome = outcome;
                p.answer = outcome.answer;
                p.verdict = report::verdictWord(result);
                p.rightVotes = result.rightVotes();
            }
            line.panes.push_back(p);
        }
        lines.push_back(line);
    }
    return lines;
}

bool Viewer::closed(const std::string& variant, const std::string& question) const {
    const auto it = m_closed.find(variant);
    return it != m_closed.end() && it->second.count(question) > 0;
}

std::optional<std::pair<int, int>> Viewer::dueQuestion() const {
    // as questionLines() judges them, reading only the panes' playbacks (the stepping thread calls it)
    if (!m_run) return std::nullopt;
    const auto& questions = m_run->scenario.questions;
    for (std::size_t q = 0; q < questions.size(); ++q)
        for (int pane = 0; pane < paneCount(); ++pane) {
            const Run& run = runOf(pane);
            if (closed(paneVariant(pane), questions[q].id)) continue;
            const auto asked =
                std::find_if(run.scenario.questions.begin(), run.scenario.questions.end(),
                             [&](const scenario::Question& x) { return x.id == questions[q].id; });
            if (asked == run.scenario.questions.end()) continue;
            const bool finished = run.playback.finished();
            const report::QuestionOutcome outcome = report::evaluateQuestion(
                run.scenario, *asked, run.playback.world(), run.playback.events(), finished);
            if (report::revealed(*asked, outcome, run.playback.now(), finished))
                return std::make_pair(static_cast<int>(q), pane);
        }
    return std::nullopt;
}

bool Viewer::votingOpen() const {
    if (!m_run) return false;
    for (const scenario::Question& q : m_run->scenario.questions)
        for (int pane = 0; pane < paneCount(); ++pane)
            if (!closed(paneVariant(pane), q.id)) return true;
    return false;
}

std::pair<int, int> Viewer::currentQuestion() const {
    const std::vector<QuestionLine> lines = questionLines();
    // the asked card's, then the first question, in the order shown, still taking votes
    if (m_card && !m_card->revealed)
        for (std::size_t q = 0; q < lines.size(); ++q)
            if (lines[q].id == m_card->question) {
                const std::string variant = paneVariant(m_card->pane);
                for (std::size_t p = 0; p < lines[q].panes.size(); ++p)
                    if (lines[q].panes[p].variant == variant)
                        return {static_cast<int>(q), static_cast<int>(p)};
            }
    for (std::size_t q = 0; q < lines.size(); ++q)
        for (std::size_t p = 0; p < lines[q].panes.size(); ++p)
            if (!lines[q].panes[p].closed) return {static_cast<int>(q), static_cast<int>(p)};
    return {-1, -1};
}

bool Viewer::setVotes(int pane, const std::string& question, const std::string& choice, int count) {
    if (!m_run || pane < 0 || pane >= paneCount()) return false;
    const scenario::Scenario& s = runOf(pane).scenario;
    const auto q = std::find_if(s.questions.begin(), s.questions.end(),
                                [&](const scenario::Question& x) { return x.id == question; });
    if (q == s.questions.end() || std::find(q->choices.begin(), q->choices.end(), choice) == q->choices.end())
        return false;
    const std::string variant = paneVariant(pane);
    if (closed(variant, question)) return false;
    // a class, not a stadium: at most 9,999 votes a choice
    m_votes[variant][question][choice] = std::clamp(count, 0, 9999);
    return true;
}

bool Viewer::vote(int pane, const std::string& question, const std::string& choice, int delta) {
    if (!m_run || pane < 0 || pane >= paneCount()) return false;
    int now = 0;
    if (auto v = m_votes.find(paneVariant(pane)); v != m_votes.end())
        if (auto q = v->second.find(question); q != v->second.end())
            if (auto c = q->second.find(choice); c != q->second.end()) now = c->second;
    return setVotes(pane, question, choice, now + delta);
}

void Viewer::voteByNumber(int number, bool back) {
    const auto [q, p] = currentQuestion();
    if (q < 0) return;
    const QuestionLine line = questionLines()[static_cast<std::size_t>(q)];
    if (number < 1 || number > static_cast<int>(line.choices.size())) return;
    // the pane index among those asking it is the pane itself: both panes ask the left one's questions
    const std::string variant = line.panes[static_cast<std::size_t>(p)].variant;
    for (int pane = 0; pane < paneCount(); ++pane)
        if (paneVariant(pane) == variant) {
            vote(pane, line.id, line.choices[static_cast<std::size_t>(number - 1)], back ? -1 : 1);
            return;
        }
}

void Viewer::ask(std::pair<int, int> question) {
    if (!m_run) return;
    m_card = QuestionCard{m_run->scenario.questions[static_cast<std::size_t>(question.first)].id,
                          question.second, false};
    m_playing = false;
    m_accumulator = 0.0;
}

void Viewer::syncBallot(bool reopen) {
    if (!m_options.ballot || !m_run) return;
    // each phone vote on the pane and question it was cast on ("VARIANT/QUESTION"): one closed since is lost
    for (const auto& [key, choice] : m_options.ballot->take()) {
        const auto slash = key.find('/');
        if (slash == std::string::npos) continue;
        const std::string variant = key.substr(0, slash), question = key.substr(slash + 1);
        for (int pane = 0; pane < paneCount(); ++pane)
            if (paneVariant(pane) == variant) {
                vote(pane, question, choice);
                break;
            }
    }
    if (!reopen) return;
    std::optional<report::BallotBox::Question> open;
    if (const auto [q, p] = currentQuestion(); q >= 0) {
        const QuestionLine line = questionLines()[static_cast<std::size_t>(q)];
        const QuestionLine::PerPane& pane = line.panes[static_cast<std::size_t>(p)];
        open = report::BallotBox::Question{pane.variant + "/" + line.id, line.ask, line.choices,
                                           m_other ? pane.policy : std::string()};
    }
    if (open != m_options.ballot->current()) m_options.ballot->open(std::move(open));
}

void Viewer::playPause() {
    if (m_card && !m_card->revealed) {
        // nothing is revealed before the class has voted or the teacher skips
        m_toast = "The class is voting: Enter shows the answer";
        m_toastAge = 0.0;
    } else if (m_card) {
        m_card.reset();
        m_playing = true;
    } else if (auto due = m_playing ? std::nullopt : dueQuestion()) {
        ask(*due);
    } else {
        m_playing = !m_playing;
    }
}

void Viewer::enter() {
    if (!m_run) return;
    if (!m_card) {
        // a question settled while the clock was moved by hand: ask it now
        if (auto due = dueQuestion()) ask(*due);
        return;
    }
    if (m_card->revealed) {
        m_card.reset();
        return;
    }
    // the votes are in (or the teacher skips): close them, then show what happened. The phones first:
    // no vote is taken once the box is shut, so none a phone was told was counted is lost
    if (m_options.ballot) m_options.ballot->open(std::nullopt);
    syncBallot(false);
    const std::string variant = paneVariant(m_card->pane);
    m_closed[variant].insert(m_card->question);
    for (const QuestionLine& line : questionLines()) {
        if (line.id != m_card->question) continue;
        for (const QuestionLine::PerPane& p : line.panes)
            if (p.variant == variant && !p.due && !allFinished())
                // asked a step before its answer comes out: take that step
                advancePanes(m_run->playback.now() + std::max<core::Millis>(m_run->scenario.time.step, 1), 1,
                             1e300);
    }
    m_card->revealed = true;
    syncBallot();
    updateMetrics(true);
}

std::string Viewer::paneTitle(int pane) const {
    if (!m_run) return {};
    // the policy as the file names it (`policy: {name}`, a variant's `name:`); else what the variant
    // changes, in the file's words; else its id
    const std::string variant = paneVariant(pane);
    const scenario::Scenario& s = runOf(pane).scenario;
    const std::string name = s.policyName(variant);
    if (name != variant) return name;
    std::string text = s.policyDescription(variant);
    // a folded YAML block ends with a newline
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.pop_back();
    return text.empty() ? name : text;
}

std::string Viewer::paneLabel(int pane) const {
    if (!m_run) return {};
    const Run& run = runOf(pane);
    const report::Counts& c = run.metrics.total;
    return paneVariant(pane) + "\n" + std::to_string(c.cancelled) + " cancelled, " +
           std::to_string(c.rerouted) + " rerouted\n" + std::to_string(c.violating) + " flew into a zone, " +
           std::to_string(run.playback.world().flying.size()) + " in the air";
}

bool Viewer::saveReports(const std::string& folder, std::string& message) {
    if (!m_run) return false;
    std::string saved;
    for (int pane = 0; pane < paneCount(); ++pane) {
        // the whole run of this variant, as `nofly run --out DIR --html --answer ...` writes it
        const sim::CompiledScenario& compiled = runOf(pane).playback.compiled();
        const scenario::Scenario& s = *compiled.scenario;
        sim::World world = sim::makeWorld(compiled, s.seed);
        report::RunRecord record;
        record.scenario = &s;
        record.events = sim::runToEnd(compiled, world);
        record.world = &world;
        record.metrics = report::computeMetrics(s, world, record.events);
        record.expectations = report::checkExpectations(s, world, record.metrics);
        std::map<std::string, report::Tally> answers;
        if (auto it = m_votes.find(paneVariant(pane)); it != m_votes.end()) answers = it->second;
        record.questions =
            report::answerQuestions(s, world, record.events, answers, sim::finished(compiled, world));
        const std::string dir = folder + "-" + paneVariant(pane);
        std::vector<std::string> written;
        std::string error;
        if (!report::writeRunFiles(record, dir, written, error, true)) {
            message = "could not save the report: " + error;
            return false;
        }
        saved += (saved.empty() ? "" : ", ") + (std::filesystem::path(dir) / "report.html").string();
    }
    message = "Saved " + saved;
    return true;
}

} // namespace nofly::render
