// What a run leaves behind: the final world, the whole event log, the
// metrics and the checked expectations. Every report is written from this.
#pragma once

#include "report/questions.hpp"
#include "scenario/model.hpp"
#include "sim/world.hpp"

#include <map>
#include <span>
#include <string>
#include <vector>

namespace nofly::report {

/// Counts for a group of flights (all, one category, one zone).
struct Counts {
    int planned = 0;   ///< flights due to depart during the run
    int flown = 0;     ///< took off
    int allowed = 0;   ///< flew as planned, nothing in the way
    int authorised = 0;
    int rerouted = 0;
    int waited = 0;
    int cancelled = 0; ///< cancelled, including those denied an authorisation
    int denied = 0;    ///< cancelled because an authorisation was denied
    int violating = 0; ///< flights with at least one violation
    int violations = 0;
    double violationMinutes = 0.0;
    double extraKm = 0.0;
    int authorisationsRequested = 0;
    int authorisationsGranted = 0;
    int authorisationsDenied = 0;
    int disrupted = 0; ///< compliant flights rerouted, delayed, cancelled or denied
    int nearMisses = 0;
    int entries = 0;   ///< zone entries (per zone)

    // detection and response (total; by category for the tracks of its flights)
    int detected = 0;        ///< flights detected at least once
    int tracks = 0;          ///< tracks made, false alarms included
    int unknownTracks = 0;   ///< tracks ever classified unknown
    int harmlessUnknown = 0; ///< of those, civil flights that were no threat
    int falseAlarms = 0;
    int neutralised = 0;
    int closures = 0;
    double closureMinutes = 0.0; ///< airports closed, summed (still closed at the end: up to the end)
    int mannedDelayed = 0;
    int mannedDiverted = 0;
    double mannedDelayMinutes = 0.0;
    int responderJobs = 0;
    double responderMinutes = 0.0; ///< from dispatch to the job's end, summed
    double detectSeconds = 0.0, identifySeconds = 0.0, respondSeconds = 0.0, neutraliseSeconds = 0.0; ///< sums
    int detectCount = 0, identifyCount = 0, respondCount = 0, neutraliseCount = 0;
    bool defence = false; ///< the run had detection or response at all
};

/// The value of an `expect:` metric ("cancelled", "violation_minutes", ...).
double metricValue(const Counts& counts, const std::string& metric);

/// A mean time in whole seconds ("69 s"), or "-" when there is nothing to
/// average (no track was identified, no drone brought down): as the summary,
/// the handout and the comparison print it.
std::string meanSecondsText(double sumSeconds, int count);

struct Metrics {
    Counts total;
    std::map<std::string, Counts> byCategory; ///< by category id
    std::map<std::string, Counts> byZone;     ///< by zone id: entries, violations, and flights it rerouted, delayed or cancelled
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
