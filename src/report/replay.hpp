// A run as one self-contained HTML file that plays in any current browser,
// with no network and nothing to install (`nofly replay`, issue 18): the map
// the window draws (the same scene primitives, report/scene.hpp, and the same
// palette), each zone drawn in force or not as the clock moves, the drones on
// their flown plans, cancelled take-offs, tracks and closed airports; a
// clock with play, pause, speed and a time slider; the events so far (the
// "why"), each flight's verdict cards, the questions with predict-then-reveal
// and counts so far. Everything it shows comes from the run: the page
// computes nothing the simulation did not record.
#pragma once

#include "report/run_record.hpp"
#include "sim/compiled.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace nofly::report {

/// Above this many plan pieces in all, the page draws each flight as a straight line from where
/// it took off to where it landed (or was at the end), and says so: a run of 100,000 drones
/// would otherwise weigh tens of megabytes. Every flight stays on the map and in the events.
inline constexpr std::size_t kReplayPieceBudget = 400000;

/// Where a responder was during the run: a point each time it had moved since the last sample
/// (report::sampleResponders), so a team that never leaves its base is one point.
struct ResponderPath {
    std::vector<core::Instant> times;
    std::vector<core::Vec2> positions;
};

struct ReplayInput {
    const scenario::Scenario* scenario = nullptr;
    const sim::World* start = nullptr; ///< the world before its first step: the map the window draws
    const RunRecord* run = nullptr;    ///< the run to its end: events, verdict cards, questions
    /// Each zone's windows in force (sim::CompiledScenario::windows, Scenario::zones order).
    const std::vector<std::vector<sim::ActiveWindow>>* windows = nullptr;
    std::string assetDir; ///< basemaps; empty: scenario::defaultAssetDir()
    /// Each responder's path (Scenario::responders order); empty: responders stay at their bases.
    std::vector<ResponderPath> responders;
    /// Each track's reported positions (Defence::tracks order); empty: drawn where first reported.
    std::vector<ResponderPath> tracks;
    /// Above this many plan pieces in all, each flight is drawn as one straight line (kReplayPieceBudget).
    std::size_t pieceBudget = kReplayPieceBudget;
};

/// Runs a world to its end as sim::runToEnd does, returning its events, and samples where each
/// responder is every `every` of simulated time (and at the end); with `tracks`, also each track's
/// latest reported position (Defence::tracks order), as the window draws it.
std::vector<sim::Event> runSamplingResponders(const sim::CompiledScenario& compiled, sim::World& world,
                                              std::vector<ResponderPath>& paths, core::Millis every = 5000,
                                              std::vector<ResponderPath>* tracks = nullptr);

/// The page, whole: its data as one JSON object in a script element ({"panes": [...]}, a run
/// each), its player as a script of its own, its styles; no request leaves the page. Two
/// panes (`--split`) play side by side on one clock and one camera.
std::string replayHtml(const std::vector<ReplayInput>& panes);

/// The data the page plays, as JSON text (the object the page embeds).
std::string replayJson(const ReplayInput& input);

} // namespace nofly::report
