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

#include <string>
#include <vector>

namespace nofly::report {

struct ReplayInput {
    const scenario::Scenario* scenario = nullptr;
    const sim::World* start = nullptr; ///< the world before its first step: the map the window draws
    const RunRecord* run = nullptr;    ///< the run to its end: events, verdict cards, questions
    /// Each zone's windows in force (sim::CompiledScenario::windows, Scenario::zones order).
    const std::vector<std::vector<sim::ActiveWindow>>* windows = nullptr;
    std::string assetDir; ///< basemaps; empty: scenario::defaultAssetDir()
};

/// The page, whole: its data as one JSON object in a script element, its
/// player as a script of its own, its styles; no request leaves the page.
std::string replayHtml(const ReplayInput& input);

/// The data the page plays, as JSON text (the object the page embeds).
std::string replayJson(const ReplayInput& input);

} // namespace nofly::report
