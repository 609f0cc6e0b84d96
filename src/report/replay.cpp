#include "report/replay.hpp"

#include "core/time.hpp"
#include "report/html.hpp"
#include "report/ledger.hpp"
#include "report/questions.hpp"
#include "report/run_files.hpp"
#include "report/scene.hpp"
#include "report/sentences.hpp"
#include "report/svg.hpp"
#include "sim/simulation.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <map>
#include <string>

namespace nofly::report {

using nlohmann::ordered_json;
using sim::EventType;

namespace {

/// A length on the map to the metre: the page needs no more, and the file stays small.
long long metres(double v) {
    return std::llround(v);
}

/// A time of the run as the page counts it: milliseconds since the scenario's start.
long long sinceStart(const scenario::Scenario& s, core::Instant t) {
    return static_cast<long long>(t - s.time.start);
}

std::string hex(Colour c) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", c.r, c.g, c.b);
    return text;
}

/// Every role's paint, by its name: the page draws with the window's and map.svg's palette.
ordered_json paints() {
    ordered_json out = ordered_json::object();
    for (int r = 0; r <= static_cast<int>(Role::ClosureRadius); ++r) {
        const Role role = static_cast<Role>(r);
        const Paint& p = paint(role);
        out[std::string(name(role))] = {{"fill", hex(p.fill)},
                                        {"fillOpacity", p.fillOpacity},
                                        {"hatch", p.hatch},
                                        {"stroke", hex(p.stroke)},
                                        {"strokeWidth", p.strokeWidth},
                                        {"dash", p.dash},
                                        {"text", hex(p.text)},
                                        {"fontSize", p.fontSize},
                                        {"bold", p.bold},
                                        {"labelBeside", p.labelBeside},
                                        {"markerSize", p.markerSize},
                                        {"shape", p.shape == Paint::Square  ? "square"
                                                  : p.shape == Paint::Cross ? "cross"
                                                                            : "dot"},
                                        {"casing", p.casing},
                                        {"area", isArea(role)}};
    }
    return out;
}

/// A ring as x, y, x, y, ... to the metre.
ordered_json flat(const std::vector<core::Vec2>& ring) {
    ordered_json out = ordered_json::array();
    for (const core::Vec2& p : ring) {
        out.push_back(metres(p.x));
        out.push_back(metres(p.y));
    }
    return out;
}

/// The map the window opens on: the scene of the world before its first step (no route flown, no
/// airport closed yet), framed on the zones and the planned routes as the window frames it.
Scene startScene(const ReplayInput& in) {
    RunRecord record;
    record.scenario = in.scenario;
    record.world = in.start;
    SceneOptions options;
    options.assetDir = in.assetDir;
    options.view = in.scenario->view;
    Scene scene = buildMapScene(record, options);
    if (!in.scenario->view) {
        core::Box box = scene.view;
        for (const sim::FlightPlan& f : in.start->flights)
            for (const core::Vec2 p : f.flight.route) {
                box.min = {std::min(box.min.x, p.x), std::min(box.min.y, p.y)};
                box.max = {std::max(box.max.x, p.x), std::max(box.max.y, p.y)};
            }
        scene.view = box;
    }
    return scene;
}

ordered_json primitives(const Scene& scene) {
    ordered_json out = ordered_json::array();
    for (const Primitive& p : scene.primitives) {
        static constexpr const char* kKinds[] = {"polygon", "polyline", "corridor",
                                                 "circle",  "marker",   "label"};
        ordered_json j{{"kind", kKinds[p.kind]}, {"role", std::string(name(p.style.role))}};
        if (!p.rings.empty()) {
            ordered_json rings = ordered_json::array();
            for (const auto& ring : p.rings)
                rings.push_back(flat(ring));
            j["rings"] = rings;
        }
        if (p.kind == Primitive::Circle || p.kind == Primitive::Marker || p.kind == Primitive::Label)
            j["at"] = {metres(p.at.x), metres(p.at.y)};
        if (p.radius > 0.0) j["radius"] = metres(p.radius);
        if (!p.text.empty()) j["text"] = p.text;
        if (!p.ref.empty()) j["ref"] = p.ref;
        out.push_back(std::move(j));
    }
    return out;
}

/// When each zone is in force, [from, to) since the start, cut to the run.
ordered_json zonesInForce(const ReplayInput& in) {
    const scenario::Scenario& s = *in.scenario;
    ordered_json out = ordered_json::object();
    for (std::size_t z = 0; z < s.zones.size(); ++z) {
        ordered_json windows = ordered_json::array();
        if (in.windows && z < in.windows->size())
            for (const sim::ActiveWindow& w : (*in.windows)[z]) {
                const core::Instant from = std::max(w.from, s.time.start),
                                    to = std::min(w.to, s.time.end + 1);
                if (to > from) windows.push_back({sinceStart(s, from), sinceStart(s, to)});
            }
        out[s.zones[z].id] = {{"name", s.zones[z].name},
                              {"restriction", std::string(scenario::name(s.zones[z].restriction))},
                              {"inForce", windows}};
    }
    return out;
}

/// Each flight that took off: its plan, when it took off and landed, and when it was inside a zone
/// that forbids it (from its violation events).
ordered_json drones(const ReplayInput& in) {
    const scenario::Scenario& s = *in.scenario;
    const sim::World& w = *in.run->world;
    std::map<int, ordered_json> violating;
    std::map<int, long long> openSince;
    for (const sim::Event& e : in.run->events) {
        if (e.type == EventType::ViolationStart && !openSince.count(e.flight))
            openSince[e.flight] = sinceStart(s, e.time);
        if (e.type == EventType::ViolationEnd)
            if (const auto it = openSince.find(e.flight); it != openSince.end()) {
                violating[e.flight].push_back({it->second, sinceStart(s, e.time)});
                openSince.erase(it);
            }
    }
    for (const auto& [flight, since] : openSince)
        violating[flight].push_back({since, sinceStart(s, s.time.end + 1)});

    std::size_t pieces = 0;
    for (const sim::Drone& d : w.drones)
        if (d.departedAt >= 0) pieces += d.plan.size();
    const bool thin = pieces > in.pieceBudget;

    ordered_json out = ordered_json::array();
    for (std::size_t i = 0; i < w.drones.size(); ++i) {
        const sim::Drone& d = w.drones[i];
        if (d.departedAt < 0) continue;
        const sim::FlightPlan& fp = w.flights[i];
        ordered_json plan = ordered_json::array();
        const auto piece = [&](core::Instant t0, core::Instant t1, core::Vec2 p0, core::Vec2 p1) {
            for (const long long v : {sinceStart(s, t0), sinceStart(s, t1), metres(p0.x), metres(p0.y),
                                      metres(p1.x), metres(p1.y)})
                plan.push_back(v);
        };
        if (thin && !d.plan.empty()) {
            // one straight piece, take-off to landing (or to where it was at the end)
            const core::Instant from = std::max(d.departedAt, d.plan.front().t0);
            const core::Instant to = d.landedAt >= 0 ? d.landedAt : std::min(d.plan.back().t1, s.time.end);
            piece(from, to, positionAt(d.plan, from), positionAt(d.plan, to));
        } else {
            for (const sim::Segment& seg : d.plan)
                piece(seg.t0, seg.t1, seg.p0, seg.p1);
        }
        const int index = static_cast<int>(i);
        out.push_back({{"id", fp.flight.id},
                       {"category", fp.flight.category},
                       {"departed", sinceStart(s, d.departedAt)},
                       {"landed", d.landedAt >= 0 ? sinceStart(s, d.landedAt) : -1},
                       {"neutralised", d.neutralised},
                       {"plan", plan},
                       {"violating", violating.count(index) ? violating[index] : ordered_json::array()}});
    }
    return out;
}

/// Every planned flight, whether or not it took off: its id, category and planned take-off.
ordered_json flights(const ReplayInput& in) {
    const scenario::Scenario& s = *in.scenario;
    ordered_json out = ordered_json::array();
    for (const sim::FlightPlan& fp : in.run->world->flights)
        if (isPlanned(s, fp))
            out.push_back({{"id", fp.flight.id},
                           {"category", fp.flight.category},
                           {"depart", sinceStart(s, fp.flight.depart)}});
    return out;
}

/// The run's events in order, each with its sentence; where it happened, for those the map marks.
ordered_json events(const ReplayInput& in) {
    const scenario::Scenario& s = *in.scenario;
    const sim::World& w = *in.run->world;
    ordered_json out = ordered_json::array();
    for (const sim::Event& e : in.run->events) {
        ordered_json j{{"t", sinceStart(s, e.time)},
                       {"type", std::string(sim::name(e.type))},
                       {"text", eventText(s, w, e)}};
        if (e.flight >= 0) j["flight"] = flightId(w, e.flight);
        if (e.track >= 0) j["track"] = trackId(e.track);
        if (const std::string place = placeId(s, e); !place.empty()) j["site"] = place;
        if (e.zone >= 0) j["zone"] = zoneId(s, e.zone);
        if (e.type == EventType::Identification)
            j["class"] = sim::identifiesTrack(e.reason) ? "identified" : "unknown";
        j["at"] = {metres(e.at.x), metres(e.at.y)};
        out.push_back(std::move(j));
    }
    return out;
}

/// Every verdict card, with when it was written: a flight's, or an airport's closure.
ordered_json cards(const ReplayInput& in) {
    const scenario::Scenario& s = *in.scenario;
    const sim::World& w = *in.run->world;
    ordered_json out = ordered_json::array();
    for (const sim::Verdict& v : w.verdicts)
        out.push_back({{"t", sinceStart(s, v.time)},
                       {"of", v.site >= 0 ? siteId(s, v.site) : flightId(w, v.flight)},
                       {"text", verdictCardText(s, w, v)}});
    return out;
}

/// The questions, with the answer and when it may be shown (settled, and past `reveal:`).
ordered_json questions(const ReplayInput& in) {
    const scenario::Scenario& s = *in.scenario;
    ordered_json out = ordered_json::array();
    for (const QuestionResult& r : in.run->questions) {
        core::Instant at = r.outcome.known && r.outcome.at >= 0 ? r.outcome.at : s.time.end;
        if (r.question.reveal) at = std::max(at, *r.question.reveal);
        out.push_back({{"id", r.question.id},
                       {"ask", r.question.ask},
                       {"choices", r.question.choices},
                       {"answer", r.outcome.answer},
                       {"revealAt", sinceStart(s, std::min(at, s.time.end))}});
    }
    return out;
}

/// Airports (for their closures and cards) and responders' bases.
ordered_json airports(const scenario::Scenario& s) {
    ordered_json out = ordered_json::array();
    for (const scenario::Airport& a : s.airports)
        out.push_back({{"id", a.id},
                       {"name", a.name},
                       {"at", {metres(a.at.x), metres(a.at.y)}},
                       {"closureRadius", a.closure ? metres(a.closure->radius) : 0}});
    return out;
}

/// Each responder: its name, and where it was when (a point each time it had moved).
ordered_json responders(const ReplayInput& in) {
    const scenario::Scenario& s = *in.scenario;
    ordered_json out = ordered_json::array();
    for (std::size_t r = 0; r < s.responders.size(); ++r) {
        ordered_json path = ordered_json::array();
        if (r < in.responders.size()) {
            const ResponderPath& p = in.responders[r];
            for (std::size_t k = 0; k < p.times.size() && k < p.positions.size(); ++k)
                for (const long long v :
                     {sinceStart(s, p.times[k]), metres(p.positions[k].x), metres(p.positions[k].y)})
                    path.push_back(v);
        }
        if (path.empty())
            for (const long long v : {0LL, metres(s.responders[r].base.x), metres(s.responders[r].base.y)})
                path.push_back(v);
        out.push_back({{"id", s.responders[r].id}, {"name", s.responders[r].name}, {"path", path}});
    }
    return out;
}

/// Seconds of the local day at the scenario's start, for the page's clock.
long long clockAtStart(const scenario::Scenario& s) {
    const long long seconds = static_cast<long long>(std::floor(static_cast<double>(s.time.start) / 1000.0)) +
                              static_cast<long long>(s.time.utcOffsetMinutes) * 60;
    return ((seconds % 86400) + 86400) % 86400;
}

} // namespace

std::vector<sim::Event> runSamplingResponders(const sim::CompiledScenario& compiled, sim::World& world,
                                              std::vector<ResponderPath>& paths, core::Millis every,
                                              std::vector<ResponderPath>* tracks) {
    const scenario::Scenario& s = *compiled.scenario;
    paths.assign(s.responders.size(), {});
    if (tracks) tracks->clear();
    // a point where it moved, and where it was just before, so that a wait is not drawn as a slow drive
    const auto record = [&](ResponderPath& p, core::Vec2 at, bool last) {
        const bool moved =
            p.positions.empty() || p.positions.back().x != at.x || p.positions.back().y != at.y;
        if (moved && !p.times.empty() && p.times.back() < world.now - every) {
            p.times.push_back(world.now - every);
            p.positions.push_back(p.positions.back());
        }
        if (moved || last) {
            p.times.push_back(world.now);
            p.positions.push_back(at);
        }
    };
    const auto sample = [&](bool last) {
        for (std::size_t r = 0; r < paths.size() && r < world.defence.responders.size(); ++r)
            record(paths[r], world.defence.responders[r].position, last);
        if (!tracks) return;
        tracks->resize(world.defence.tracks.size());
        for (std::size_t k = 0; k < tracks->size(); ++k)
            record((*tracks)[k], world.defence.tracks[k].position, last);
    };
    std::vector<sim::Event> log;
    core::Instant next = s.time.start;
    while (world.now <= s.time.end) {
        if (world.now >= next) {
            sample(false);
            next += every;
        }
        sim::step(compiled, world);
        log.insert(log.end(), std::make_move_iterator(world.events.begin()),
                   std::make_move_iterator(world.events.end()));
        world.events.clear();
    }
    sample(true);
    return log;
}

std::string replayJson(const ReplayInput& in) {
    const scenario::Scenario& s = *in.scenario;
    const Scene scene = startScene(in);
    ordered_json j;
    j["title"] = s.title;
    j["subtitle"] = scene.subtitle;
    j["description"] = s.description;
    j["policy"] = s.policyName(s.variant);
    j["seed"] = in.run->world->seed;
    j["end"] = sinceStart(s, s.time.end);
    j["step"] = static_cast<long long>(s.time.step);
    j["clockAtStart"] = clockAtStart(s);
    j["view"] = {metres(scene.view.min.x), metres(scene.view.min.y), metres(scene.view.max.x),
                 metres(scene.view.max.y)};
    j["scaleBar"] = {{"metres", scene.scaleBar.metres}, {"label", scene.scaleBar.label}};
    j["attribution"] = scene.attribution;
    j["paints"] = paints();
    j["primitives"] = primitives(scene);
    ordered_json legend = ordered_json::array();
    for (const LegendEntry& e : scene.legend)
        legend.push_back({{"role", std::string(name(e.style.role))}, {"text", e.text}});
    j["legend"] = legend;
    j["zones"] = zonesInForce(in);
    j["airports"] = airports(s);
    j["flights"] = flights(in);
    j["drones"] = drones(in);
    std::size_t pieces = 0, flown = 0;
    for (const sim::Drone& d : in.run->world->drones)
        if (d.departedAt >= 0) pieces += d.plan.size(), ++flown;
    if (pieces > in.pieceBudget)
        j["thinned"] = "This run has " + std::to_string(flown) +
                       " flights that took off: to keep the file small, "
                       "each is drawn as a straight line from where it took off to where it landed. Every "
                       "flight is still on the map, in the counts and in the events.";
    j["responders"] = responders(in);
    // each track's reported positions, "T1" first: the page moves a track as its reports came in
    ordered_json trackPaths = ordered_json::object();
    for (std::size_t k = 0; k < in.tracks.size(); ++k) {
        ordered_json path = ordered_json::array();
        const ResponderPath& p = in.tracks[k];
        for (std::size_t i = 0; i < p.times.size() && i < p.positions.size(); ++i)
            for (const long long v :
                 {sinceStart(s, p.times[i]), metres(p.positions[i].x), metres(p.positions[i].y)})
                path.push_back(v);
        if (!path.empty()) trackPaths[trackId(static_cast<int>(k))] = path;
    }
    j["trackPaths"] = trackPaths;
    j["events"] = events(in);
    j["cards"] = cards(in);
    j["questions"] = questions(in);
    return j.dump();
}

namespace {

constexpr const char* kPage = R"HTML(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@TITLE@</title>
<style>
html, body { margin: 0; height: 100%; font: 15px "DejaVu Sans", Verdana, Arial, sans-serif; color: #222; }
body { display: flex; }
#maps { flex: 1 1 auto; position: relative; min-width: 0; display: flex; }
.pane { flex: 1 1 0; position: relative; min-width: 0; background: #fff; border-left: 2px solid #555; }
.pane:first-child { border-left: none; }
.pane canvas { width: 100%; height: 100%; display: block; cursor: grab; }
.pane .name { position: absolute; top: 10px; left: 10px; background: #fffe; border: 1px solid #bbb; border-radius: 6px;
  padding: 4px 10px; font-size: 22px; font-weight: bold; max-width: 60%; }
.pane .credit { position: absolute; right: 6px; bottom: 4px; font-size: 11px; color: #555; background: #fffc; }
#clock { position: absolute; top: 10px; left: 50%; transform: translateX(-50%); background: #fffe; z-index: 2;
  border: 1px solid #bbb; border-radius: 6px; padding: 4px 14px; font-size: 26px; font-weight: bold; }
#maps.split #clock { top: auto; bottom: 24px; }
#side { flex: 0 0 400px; overflow-y: auto; border-left: 1px solid #ccc; padding: 10px 14px; box-sizing: border-box; background: #fafafa; }
h1 { font-size: 19px; margin: 0 0 2px; } .sub { color: #666; font-size: 13px; margin-bottom: 8px; }
h2 { font-size: 16px; margin: 14px 0 6px; border-bottom: 1px solid #ddd; }
button { font: inherit; padding: 3px 10px; margin-right: 4px; }
#slider { width: 100%; margin: 8px 0 2px; }
#events { font-size: 13px; } #events div { margin: 3px 0; } #events .t { color: #666; margin-right: 6px; }
#card { white-space: pre-wrap; font: 13px "DejaVu Sans Mono", monospace; background: #fff; border: 1px solid #ccc; padding: 6px; }
.q { margin: 6px 0 10px; } .q .ask { font-weight: bold; } .q button.picked { background: #ffd95a; }
.q .side { color: #666; margin-right: 4px; }
.q .reveal { margin-top: 3px; } .right { color: #006d4f; font-weight: bold; } .wrong { color: #b34700; font-weight: bold; }
table.counts td, table.counts th { padding: 1px 8px 1px 0; text-align: left; } table.counts td.n { text-align: right; font-weight: bold; }
.legend div { font-size: 12px; margin: 2px 0; } .legend span.sw { display: inline-block; width: 18px; height: 10px; margin-right: 6px; vertical-align: middle; }
</style>
</head>
<body>
<div id="maps"><div id="clock">--:--</div></div>
<div id="side">
<h1 id="title"></h1><div class="sub" id="subtitle"></div>
<div><button id="play">Play</button><button id="slower">-</button><span id="speed">60x</span><button id="faster">+</button></div>
<input id="slider" type="range" min="0" step="1000">
<div id="thinned" class="sub" style="display:none; color:#b34700"></div>
<div class="sub" id="range"></div>
<h2>So far</h2><table class="counts" id="counts"></table>
<div id="questionsBox"><h2>Questions</h2><div id="questions"></div></div>
<h2>Selected</h2><div id="card">Click a drone, an airport or a zone.</div>
<h2 id="eventsTitle">Events (newest first)</h2><div id="events"></div>
<h2>Legend</h2><div class="legend" id="legend"></div>
<p class="sub">Made with nofly. Illustrative where the scenario says so; the run's seed: <span id="seed"></span>.</p>
</div>
<script type="application/json" id="run">@DATA@</script>
<script>
@SCRIPT@
</script>
</body>
</html>
)HTML";

constexpr const char* kScript = R"JS(
"use strict";
// One pane a run: the page's data is {"panes": [run, ...]}, one run, or two side by side (--split)
// on one clock and one camera.
const data = JSON.parse(document.getElementById("run").textContent);
const speeds = [1, 10, 30, 60, 120, 300, 600, 1200, 3000];
const state = { t: 0, playing: false, speed: 3, selected: null, pane: 0, answers: {}, scale: 1, cx: 0, cy: 0 };
const panes = data.panes.map((r, i) => {
  const div = document.createElement("div"); div.className = "pane";
  const canvas = document.createElement("canvas"); div.appendChild(canvas);
  if (data.panes.length > 1) { const n = document.createElement("div"); n.className = "name"; n.textContent = r.policy; div.appendChild(n); }
  const credit = document.createElement("div"); credit.className = "credit"; credit.textContent = r.attribution; div.appendChild(credit);
  document.getElementById("maps").appendChild(div);
  return { index: i, run: r, canvas: canvas, ctx: canvas.getContext("2d"), hatches: {} };
});
if (panes.length > 1) document.getElementById("maps").classList.add("split");
const end = Math.max(...panes.map((p) => p.run.end));
// the pane being drawn or asked: drawing and hit tests read these
let run = panes[0].run, canvas = panes[0].canvas, ctx = panes[0].ctx, hatches = panes[0].hatches;
function use(p) { run = p.run; canvas = p.canvas; ctx = p.ctx; hatches = p.hatches; }

// --- time --------------------------------------------------------------------------------
function clock(ms) {
  const s = ((panes[0].run.clockAtStart + Math.floor(ms / 1000)) % 86400 + 86400) % 86400;
  const p = (n) => String(n).padStart(2, "0");
  return p(Math.floor(s / 3600)) + ":" + p(Math.floor(s / 60) % 60) + ":" + p(s % 60);
}
function parseClock(text) { // "10:30" or "10:30:15" on the scenario's day, after its start
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return null;
  const s = (+m[1]) * 3600 + (+m[2]) * 60 + (+(m[3] || 0));
  return ((s - panes[0].run.clockAtStart) % 86400 + 86400) % 86400 * 1000;
}
function inForce(zone, t) {
  const z = run.zones[zone];
  return !!z && z.inForce.some((w) => w[0] <= t && t < w[1]);
}
function closedAirports(t) { // airport id -> since when it has been closed
  const closed = {};
  for (const e of run.events) {
    if (e.t > t) break;
    if (e.type === "site_closed") closed[e.site] = e.t;
    if (e.type === "site_reopened") delete closed[e.site];
  }
  return closed;
}

// --- the map -----------------------------------------------------------------------------
function fit() {
  const w = canvas.clientWidth, h = canvas.clientHeight, v = run.view;
  state.scale = Math.min(w / (v[2] - v[0]), h / (v[3] - v[1])) * 0.95;
  state.cx = (v[0] + v[2]) / 2; state.cy = (v[1] + v[3]) / 2;
}
function toScreen(x, y) {
  return [canvas.clientWidth / 2 + (x - state.cx) * state.scale, canvas.clientHeight / 2 - (y - state.cy) * state.scale];
}
function toWorld(px, py) {
  return [state.cx + (px - canvas.clientWidth / 2) / state.scale, state.cy - (py - canvas.clientHeight / 2) / state.scale];
}
function rgba(hex, a) {
  const n = parseInt(hex.slice(1), 16);
  return "rgba(" + (n >> 16) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + a + ")";
}
function hatch(colour, alpha) {
  const key = colour + alpha;
  if (!hatches[key]) {
    const c = document.createElement("canvas"); c.width = c.height = 12;
    const g = c.getContext("2d"); g.strokeStyle = rgba(colour, 0.6 * alpha); g.lineWidth = 2;
    g.beginPath(); g.moveTo(-3, 15); g.lineTo(15, -3); g.moveTo(-9, 9); g.lineTo(9, -9); g.moveTo(3, 21); g.lineTo(21, 3); g.stroke();
    hatches[key] = ctx.createPattern(c, "repeat");
  }
  return hatches[key];
}
function ringPath(ring, close) {
  for (let i = 0; i < ring.length; i += 2) {
    const [x, y] = toScreen(ring[i], ring[i + 1]);
    if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
  }
  if (close) ctx.closePath();
}
function marker(p, x, y, size, alpha) {
  ctx.fillStyle = rgba(p.fill, alpha); ctx.strokeStyle = rgba(p.stroke, alpha); ctx.lineWidth = Math.max(1, p.strokeWidth);
  ctx.beginPath();
  if (p.shape === "square") { ctx.rect(x - size, y - size, 2 * size, 2 * size); ctx.fill(); if (p.strokeWidth) ctx.stroke(); }
  else if (p.shape === "cross") {
    ctx.lineWidth = Math.max(2, p.strokeWidth); ctx.moveTo(x - size, y - size); ctx.lineTo(x + size, y + size);
    ctx.moveTo(x - size, y + size); ctx.lineTo(x + size, y - size); ctx.stroke();
  } else { ctx.arc(x, y, size, 0, 2 * Math.PI); ctx.fill(); if (p.strokeWidth) ctx.stroke(); }
}
let placed = []; // the boxes of the map's labels drawn this frame: a label that would overlap one is left out
function fits(x0, y0, x1, y1) {
  for (const b of placed) if (x0 < b[2] && b[0] < x1 && y0 < b[3] && b[1] < y1) return false;
  placed.push([x0, y0, x1, y1]);
  return true;
}
function label(text, x, y, p, alpha, beside, gap, placeIt) {
  ctx.font = (p.bold ? "bold " : "") + p.fontSize + "px 'DejaVu Sans', Verdana, sans-serif";
  ctx.textAlign = beside ? "left" : "center"; ctx.textBaseline = beside ? "middle" : "bottom";
  const lx = beside ? x + gap : x, ly = beside ? y : y - 4;
  if (placeIt) {
    const w = ctx.measureText(text).width, h = p.fontSize;
    const x0 = beside ? lx : lx - w / 2, y0 = beside ? ly - h / 2 : ly - h;
    if (!fits(x0 - 2, y0 - 1, x0 + w + 2, y0 + h + 1)) return;
  }
  ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255," + 0.85 * alpha + ")"; ctx.strokeText(text, lx, ly);
  ctx.fillStyle = rgba(p.text, alpha); ctx.fillText(text, lx, ly);
}
function drawPrimitive(q, t) {
  const p = run.paints[q.role];
  const zone = q.role.startsWith("zone-") && q.ref;
  const alpha = zone && !inForce(q.ref, t) ? 0.35 : 1;
  if (q.kind === "polygon" || q.kind === "circle" || q.kind === "corridor") {
    ctx.beginPath();
    if (q.kind === "circle") { const [x, y] = toScreen(q.at[0], q.at[1]); ctx.arc(x, y, q.radius * state.scale, 0, 2 * Math.PI); }
    else if (q.kind === "polygon") for (const r of q.rings) ringPath(r, true);
    if (q.kind === "corridor") {
      ringPath(q.rings[0], false);
      ctx.lineCap = "round"; ctx.lineJoin = "round"; ctx.setLineDash([]);
      ctx.lineWidth = 2 * q.radius * state.scale; ctx.strokeStyle = rgba(p.fill, Math.max(p.fillOpacity, 0.15) * alpha); ctx.stroke();
      return;
    }
    if (p.fillOpacity > 0) { ctx.fillStyle = rgba(p.fill, p.fillOpacity * alpha); ctx.fill("nonzero"); }
    if (p.hatch) { ctx.fillStyle = hatch(p.stroke, alpha); ctx.fill("nonzero"); }
    if (p.strokeWidth > 0) {
      ctx.setLineDash(p.dash); ctx.lineWidth = p.strokeWidth; ctx.strokeStyle = rgba(p.stroke, alpha); ctx.stroke(); ctx.setLineDash([]);
    }
  } else if (q.kind === "polyline") {
    ctx.beginPath(); ringPath(q.rings[0], false);
    ctx.setLineDash(p.dash); ctx.lineWidth = Math.max(1, p.strokeWidth); ctx.strokeStyle = rgba(p.stroke, alpha); ctx.stroke(); ctx.setLineDash([]);
  } else if (q.kind === "marker") {
    const [x, y] = toScreen(q.at[0], q.at[1]); marker(p, x, y, p.markerSize || 4, alpha);
  } else if (q.kind === "label") {
    const [x, y] = toScreen(q.at[0], q.at[1]);
    label(q.text, x, y, p, zone ? Math.max(alpha, 0.55) : 1, p.labelBeside, (p.markerSize || 3) + 5, true);
  }
}
function positionAt(d, t) {
  const plan = d.plan;
  if (plan.length === 0) return null;
  for (let i = 0; i < plan.length; i += 6) {
    const t0 = plan[i], t1 = plan[i + 1];
    if (t <= t1 || i + 6 >= plan.length) {
      const f = t1 > t0 ? Math.min(1, Math.max(0, (t - t0) / (t1 - t0))) : 1;
      return [plan[i + 2] + (plan[i + 4] - plan[i + 2]) * f, plan[i + 3] + (plan[i + 5] - plan[i + 3]) * f];
    }
  }
  return null;
}
function responderAt(r, t) { // between two samples, on the straight line
  const p = r.path;
  if (t <= p[0] || p.length === 3) return [p[1], p[2]];
  for (let i = 3; i < p.length; i += 3) {
    if (t <= p[i]) {
      const f = p[i] > p[i - 3] ? (t - p[i - 3]) / (p[i] - p[i - 3]) : 1;
      return [p[i - 2] + (p[i + 1] - p[i - 2]) * f, p[i - 1] + (p[i + 2] - p[i - 1]) * f];
    }
  }
  return [p[p.length - 2], p[p.length - 1]];
}
function flying(d, t) { return d.departed <= t && (d.landed < 0 || t < d.landed); }
function violatingNow(d, t) { return d.violating.some((w) => w[0] <= t && t < w[1]); }
function tracksAt(t) {
  const tracks = {};
  for (const e of run.events) {
    if (e.t > t) break;
    if (!e.track) continue;
    if (e.type === "detection" || e.type === "false_alarm") tracks[e.track] = { id: e.track, at: e.at, unknown: false, alive: true };
    const tr = tracks[e.track]; if (!tr) continue;
    if (e.type === "identification") tr.unknown = e.class === "unknown";
    if (e.type === "track_lost" || e.type === "neutralised") tr.alive = false;
    if (e.type === "false_alarm") tr.unknown = true;
  }
  return Object.values(tracks).filter((tr) => tr.alive);
}
function drawPane(pane) {
  use(pane);
  const t = state.t, dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth, h = canvas.clientHeight;
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr); canvas.height = Math.round(h * dpr);
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, w, h);
  placed = [];
  for (const q of run.primitives) drawPrimitive(q, t);
  // cancelled take-offs so far
  for (const e of run.events) {
    if (e.t > t) break;
    if (e.type === "cancellation") { const [x, y] = toScreen(e.at[0], e.at[1]); marker(run.paints["flight-cancelled"], x, y, 6, 1); }
  }
  // closed airports: a wide ring, and since when
  const closed = closedAirports(t);
  for (const a of run.airports) if (a.id in closed) {
    const [x, y] = toScreen(a.at[0], a.at[1]);
    ctx.beginPath(); ctx.arc(x, y, a.closureRadius * state.scale, 0, 2 * Math.PI);
    ctx.lineWidth = 6; ctx.strokeStyle = "rgba(213,94,0,0.85)"; ctx.stroke();
    // under the ring: the zones' labels sit above their areas
    label(a.id + " CLOSED since " + clock(closed[a.id]).slice(0, 5), x, y + a.closureRadius * state.scale + 24,
          { bold: true, fontSize: 16, text: "#b34700" }, 1, false, 0);
  }
  // tracks the operations room holds now: first report to lost or neutralised
  for (const tr of tracksAt(t)) {
    // where its latest report put it, as the window draws it; before its first sample, where first reported
    const path = run.trackPaths && run.trackPaths[tr.id];
    const at = path && t >= path[0] ? responderAt({ path: path }, t) : tr.at;
    const [x, y] = toScreen(at[0], at[1]);
    marker(run.paints[tr.unknown ? "track-unknown" : "track-identified"], x, y, 5, 1);
    label(tr.id, x, y, { bold: true, fontSize: 12, text: "#000000" }, 1, true, 8);
  }
  // responders where they were
  for (const r of run.responders) {
    const at = responderAt(r, t);
    const [x, y] = toScreen(at[0], at[1]);
    marker(run.paints["responder"], x, y, 6, 1);
  }
  // drones in the air
  for (const d of run.drones) {
    if (!flying(d, t)) continue;
    const at = positionAt(d, t); if (!at) continue;
    const [x, y] = toScreen(at[0], at[1]);
    const p = run.paints[violatingNow(d, t) ? "drone-violating" : "drone-flying"];
    const chosen = state.selected === d.id && state.pane === pane.index;
    marker(p, x, y, chosen ? 9 : 6, 1);
    if (chosen) label(d.id, x, y, { bold: true, fontSize: 14, text: "#000000" }, 1, true, 12);
  }
}
function draw() {
  for (const p of panes) drawPane(p);
  document.getElementById("clock").textContent = clock(state.t);
}

// --- the side panel ----------------------------------------------------------------------
function esc(s) { return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]); }
function counts(pane, t) { // what happened so far in a pane, from its events
  const c = { departure: 0, landing: 0, cancellation: 0, violation_start: 0, site_closed: 0, detection: 0, dispatch: 0 };
  for (const e of pane.run.events) { if (e.t > t) break; if (e.type in c) c[e.type]++; }
  c.air = pane.run.drones.filter((d) => flying(d, t)).length;
  return c;
}
function panel() {
  const t = state.t;
  document.getElementById("slider").value = t;
  document.getElementById("play").textContent = state.playing ? "Pause" : "Play";
  document.getElementById("speed").textContent = speeds[state.speed] + "x";
  const c = panes.map((p) => counts(p, t));
  const rows = [["In the air now", "air"], ["Took off", "departure"], ["Landed", "landing"], ["Cancelled", "cancellation"],
                ["Flew into a zone (violations)", "violation_start"]];
  const any = (f) => panes.some((p) => f(p.run));
  if (any((r) => r.airports.some((a) => a.closureRadius > 0))) rows.push(["Airport closures", "site_closed"]);
  if (any((r) => r.events.some((e) => e.type === "detection"))) rows.push(["Tracks made", "detection"], ["Responders sent", "dispatch"]);
  const head = panes.length > 1 ? "<tr><th></th>" + panes.map((p) => "<th>" + esc(p.run.policy) + "</th>").join("") + "</tr>" : "";
  document.getElementById("counts").innerHTML = head + rows.map((r) => "<tr><td>" + esc(r[0]) + "</td>" +
    c.map((x) => "<td class='n'>" + x[r[1]] + "</td>").join("") + "</tr>").join("");
  // the events of the pane last clicked
  const focus = panes[state.pane];
  const list = focus.run.events.filter((e) => e.t <= t && e.type !== "zone_entry" && e.type !== "zone_exit").slice(-40).reverse();
  document.getElementById("eventsTitle").textContent = "Events" + (panes.length > 1 ? " (" + focus.run.policy + ")" : "") + ", newest first";
  document.getElementById("events").innerHTML = list.map((e) => "<div><span class='t'>" + clock(e.t) + "</span>" +
    esc((e.flight && !e.track ? e.flight + " " : "") + e.text) + "</div>").join("") || "<div class='sub'>Nothing yet.</div>";
  questionsPanel();
  cardPanel();
  expose();
}
function questionsPanel() {
  const box = document.getElementById("questions");
  const asked = panes[0].run.questions;
  if (asked.length === 0) { document.getElementById("questionsBox").style.display = "none"; return; }
  box.innerHTML = asked.map((q0) => {
    let html = "<div class='q' data-question='" + esc(q0.id) + "'><div class='ask'>" + esc(q0.ask) + "</div>";
    for (const pane of panes) {
      const q = pane.run.questions.find((x) => x.id === q0.id); if (!q) continue;
      const key = q.id + (pane.index ? "@" + pane.index : "");
      const picked = state.answers[key];
      const shown = state.t >= q.revealAt || state.t >= end;
      html += "<div>" + (panes.length > 1 ? "<span class='side'>" + esc(pane.run.policy) + ":</span>" : "");
      html += q.choices.map((c) => "<button data-q='" + esc(key) + "' data-c='" + esc(c) + "'" + (picked === c ? " class='picked'" : "") + ">" + esc(c) + "</button>").join("");
      if (shown) {
        const verdict = !picked ? "" : picked === q.answer ? " <span class='right'>right</span>" : " <span class='wrong'>wrong</span>";
        html += "<div class='reveal'>What happened: <b>" + esc(q.answer) + "</b> (" + clock(Math.min(q.revealAt, end)) + ")" + verdict + "</div>";
      } else html += "<div class='reveal sub'>" + (picked ? "Your prediction: " + esc(picked) + "; " : "Predict, then play: ") + "the answer shows when it happens.</div>";
      html += "</div>";
    }
    return html + "</div>";
  }).join("");
  for (const b of box.querySelectorAll("button")) b.onclick = () => { answer(b.dataset.q, b.dataset.c); };
}
// A prediction, "QUESTION" for the left (or only) pane, "QUESTION@1" for the right; none once the answer is out.
function answer(key, choice) {
  const [id, side] = key.split("@"); const pane = panes[+(side || 0)];
  const q = pane && pane.run.questions.find((x) => x.id === id);
  if (!q || state.t >= q.revealAt) return;
  state.answers[key] = choice; panel();
}
function cardPanel() {
  const card = document.getElementById("card");
  const id = state.selected;
  if (!id) return;
  use(panes[state.pane]);
  let text = panes.length > 1 ? "[" + run.policy + "]\n" : "";
  if (id.startsWith("zone:")) {
    const z = run.zones[id.slice(5)];
    text += z ? z.name + " (" + z.restriction + "): " + (inForce(id.slice(5), state.t) ? "in force now" : "not in force now") : id.slice(5) + ": not in this policy";
  } else {
    const cards = run.cards.filter((c) => c.of === id && c.t <= state.t);
    const a = run.airports.find((x) => x.id === id);
    if (cards.length) text += cards[cards.length - 1].text;
    else if (a) text += (a.name || a.id) + ": open so far.";
    else {
      const f = run.flights.find((x) => x.id === id);
      text += f ? id + " (" + f.category + "), due to take off at " + clock(f.depart).slice(0, 5) + ": no verdict yet at " + clock(state.t) + "."
                : id + ": not in this run.";
    }
  }
  card.textContent = text;
  card.dataset.selected = id;
  card.dataset.pane = state.pane;
}
function select(pane, id) { state.pane = pane; state.selected = id; panel(); draw(); }
// Where a flight, its cancelled take-off or an airport is on the screen now; null where it is not drawn.
function screenOf(pane, id) {
  use(pane);
  const d = run.drones.find((x) => x.id === id);
  if (d && flying(d, state.t)) { const at = positionAt(d, state.t); if (at) return toScreen(at[0], at[1]); }
  const c = run.events.find((e) => e.type === "cancellation" && e.flight === id && e.t <= state.t);
  if (c) return toScreen(c.at[0], c.at[1]);
  const a = run.airports.find((x) => x.id === id);
  return a ? toScreen(a.at[0], a.at[1]) : null;
}
// What each map shows now, written on the page's body for those who cannot see the canvas (a
// screen reader's summary, the browser tests): zones in force, airports closed, tracks, drones;
// the right pane's with "-right".
function expose() {
  const t = state.t, b = document.body.dataset;
  b.time = clock(t);
  for (const pane of panes) {
    use(pane);
    const k = pane.index ? "Right" : "";
    b["inForce" + k] = Object.keys(run.zones).filter((z) => inForce(z, t)).join(" ");
    b["closed" + k] = Object.keys(closedAirports(t)).join(" ");
    b["tracks" + k] = tracksAt(t).map((tr) => tr.id + (tr.unknown ? ":unknown" : ":identified")).join(" ");
    b["flying" + k] = run.drones.filter((d) => flying(d, t)).map((d) => d.id).join(" ");
    b["policy" + k] = run.policy;
  }
}
function click(pane, px, py) {
  use(pane);
  const t = state.t;
  let best = null, bestD = 12;
  for (const d of run.drones) {
    if (!flying(d, t)) continue;
    const at = positionAt(d, t); if (!at) continue;
    const [x, y] = toScreen(at[0], at[1]); const dist = Math.hypot(x - px, y - py);
    if (dist < bestD) { best = d.id; bestD = dist; }
  }
  for (const a of run.airports) {
    const [x, y] = toScreen(a.at[0], a.at[1]); const dist = Math.hypot(x - px, y - py);
    if (dist < bestD) { best = a.id; bestD = dist; }
  }
  for (const e of run.events) { // a cancelled take-off's cross
    if (e.t > t) break;
    if (e.type !== "cancellation") continue;
    const [x, y] = toScreen(e.at[0], e.at[1]); const dist = Math.hypot(x - px, y - py);
    if (dist < bestD) { best = e.flight; bestD = dist; }
  }
  if (!best) { // the top zone under the pointer
    const [wx, wy] = toWorld(px, py);
    const dpr = window.devicePixelRatio || 1;
    for (const q of run.primitives) {
      if (!q.role.startsWith("zone-") || !q.ref) continue;
      if (q.kind === "circle" && Math.hypot(wx - q.at[0], wy - q.at[1]) <= q.radius) best = "zone:" + q.ref;
      if (q.kind === "polygon") {
        ctx.beginPath(); for (const r of q.rings) ringPath(r, true);
        if (ctx.isPointInPath(px * dpr, py * dpr)) best = "zone:" + q.ref;
      }
    }
  }
  select(pane.index, best);
}

// --- controls ----------------------------------------------------------------------------
function setTime(t) { state.t = Math.max(0, Math.min(end, t)); if (state.t >= end) state.playing = false; panel(); draw(); }
let last = null;
// a late frame (a busy machine, a tab in the background) moves the clock by a quarter second's worth
// at most, so that playing never leaps over an hour the class should have seen
function tick(now) {
  if (state.playing && last !== null) setTime(state.t + Math.min(now - last, 250) * speeds[state.speed]);
  last = now; requestAnimationFrame(tick);
}
function init() {
  const first = panes[0].run;
  document.title = first.title + " - " + panes.map((p) => p.run.policy).join(" | ");
  document.getElementById("title").textContent = first.title;
  document.getElementById("subtitle").textContent = first.subtitle;
  document.getElementById("seed").textContent = first.seed;
  document.getElementById("range").textContent = clock(0) + " to " + clock(end);
  const thinned = panes.map((p) => p.run.thinned).filter((x) => x);
  if (thinned.length) { const n = document.getElementById("thinned"); n.textContent = thinned[0]; n.style.display = "block"; }
  const slider = document.getElementById("slider"); slider.max = end;
  slider.oninput = () => setTime(+slider.value);
  document.getElementById("play").onclick = () => { if (state.t >= end) state.t = 0; state.playing = !state.playing; panel(); };
  document.getElementById("slower").onclick = () => { state.speed = Math.max(0, state.speed - 1); panel(); };
  document.getElementById("faster").onclick = () => { state.speed = Math.min(speeds.length - 1, state.speed + 1); panel(); };
  const legend = [];
  for (const p of panes) for (const e of p.run.legend) if (!legend.some((x) => x.text === e.text)) legend.push(e);
  document.getElementById("legend").innerHTML = legend.map((e) => {
    const p = first.paints[e.role];
    return "<div><span class='sw' style='background:" + rgba(p.fillOpacity > 0 ? p.fill : p.stroke, p.fillOpacity > 0 ? Math.max(p.fillOpacity, 0.4) : 1) +
      ";border:1px solid " + p.stroke + "'></span>" + esc(e.text) + "</div>";
  }).join("");
  // one camera: a drag or a wheel in either map moves both
  for (const pane of panes) {
    const c = pane.canvas;
    let drag = null;
    c.onmousedown = (e) => { drag = { x: e.offsetX, y: e.offsetY, moved: false }; };
    c.onmousemove = (e) => {
      if (!drag) return;
      const dx = e.offsetX - drag.x, dy = e.offsetY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      if (drag.moved) { state.cx -= dx / state.scale; state.cy += dy / state.scale; drag.x = e.offsetX; drag.y = e.offsetY; draw(); }
    };
    c.onmouseup = (e) => { if (drag && !drag.moved) click(pane, e.offsetX, e.offsetY); drag = null; };
    c.onwheel = (e) => {
      e.preventDefault(); use(pane);
      const [wx, wy] = toWorld(e.offsetX, e.offsetY), f = e.deltaY < 0 ? 1.25 : 0.8;
      state.scale *= f; const [nx, ny] = toWorld(e.offsetX, e.offsetY);
      state.cx += wx - nx; state.cy += wy - ny; draw();
    };
  }
  window.onresize = () => draw();
  document.onkeydown = (e) => { if (e.key === " ") { state.playing = !state.playing; panel(); e.preventDefault(); } };
  use(panes[0]); fit();
  // a link can say where to start: #t=10:30&select=wedding-photos&answer=wedding:cancelled; click=ID
  // clicks where that flight, cancelled take-off or airport is drawn (click=ID@1: in the right map)
  let clickOn = null;
  for (const part of location.hash.replace(/^#/, "").split("&")) {
    const [k, v] = part.split("=").map(decodeURIComponent);
    if (k === "t") { const ms = parseClock(v || ""); if (ms !== null) state.t = Math.min(ms, end); }
    if (k === "answer") { const [q, c] = (v || "").split(":"); state.answers[q] = c; }
    if (k === "select") state.selected = v;
    if (k === "click") clickOn = v;
    if (k === "play") state.playing = true;
  }
  panel(); draw();
  // a click where the thing is drawn, through the same handler as the mouse's
  if (clickOn) {
    const [id, side] = clickOn.split("@"); const pane = panes[+(side || 0)];
    const at = pane && screenOf(pane, id); if (at) click(pane, at[0], at[1]);
  }
  requestAnimationFrame(tick);
  document.body.dataset.ready = "yes";
}
init();
)JS";

/// JSON text with every "<" written "\u003c" (JSON has "<" only inside strings): inside a script
/// element, "</script>" would end it and "<!--" would change how the rest is read.
std::string scriptSafe(const std::string& json) {
    std::string out;
    out.reserve(json.size());
    for (const char c : json)
        out += c == '<' ? std::string("\\u003c") : std::string(1, c);
    return out;
}

void replaceOnce(std::string& page, const std::string& key, const std::string& value) {
    const std::size_t at = page.find(key);
    if (at != std::string::npos) page.replace(at, key.size(), value);
}

} // namespace

std::string replayHtml(const std::vector<ReplayInput>& panes) {
    std::string page = kPage;
    replaceOnce(page, "@TITLE@", panes.empty() ? std::string() : escapeXml(panes.front().scenario->title));
    std::string data = "{\"panes\":[";
    for (std::size_t i = 0; i < panes.size(); ++i)
        data += (i ? "," : "") + replayJson(panes[i]);
    data += "]}";
    // the script before the data: a key written in the data is never searched for
    replaceOnce(page, "@SCRIPT@", kScript);
    replaceOnce(page, "@DATA@", scriptSafe(data));
    return page;
}

} // namespace nofly::report
