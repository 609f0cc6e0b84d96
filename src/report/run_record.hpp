// What a run leaves behind: the final world, the whole event log, the
// metrics and the checked expectations. Every report is written from this.
#pragma once

#include "report/metrics.hpp"
#include "report/questions.hpp"
#include "scenario/model.hpp"
#include "sim/world.hpp"

#include <map>
#include <span>
#include <string>
#include <vector>

namespace nofly::report {

/// A mean time in whole seconds ("69 s"), or "-" when there is nothing to
/// average (no track was identified, no drone brought down): as the summary,
/// the handout and the comparison print it.
std::string meanSecondsText(double sumSeconds, int count);

struct Metrics {
    Counts total;
    std::map<std::string, Counts> byCategory; ///< by category id
    std::map<std::string, Counts> byZone;     ///< by zone id: entries, violations, and flights it rerouted, delayed or cancelled
    /// by protected place (a site, an airport with a closure rule; report::protectedPlaces): drone-minutes
    /// near it, the responders' dispatches and minutes for it, its closures and minutes closed
    std::map<std::string, Counts> byPlace;
};

struct ExpectationResult {
    scenario::Expectation expectation;
    bool passed = false;
    std::string actual; ///< what happened, in words
};

struct RunRecord {
    const scenario::Scenario* scenario = nullptr;
    const sim::World* world = nullptr; ///< at the end of the run
    std::vector<sim::Event> events;    ///< every event of the run, in order
    Metrics metrics;
    std::vector<ExpectationResult> expectations;
    std::vector<QuestionResult> questions; ///< the scenario's questions, the class's answers and what happened
};

/// Counts everything from the final world and the event log.
Metrics computeMetrics(const scenario::Scenario& scenario, const sim::World& world,
                       std::span<const sim::Event> events);
/// Checks the scenario's `expect:` lines against a run.
std::vector<ExpectationResult> checkExpectations(const scenario::Scenario& scenario, const sim::World& world,
                                                 const Metrics& metrics);

} // namespace nofly::report
