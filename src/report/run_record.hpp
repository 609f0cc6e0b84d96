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
///
/// For all flights and for a category, the final outcomes (flown, caught,
/// violated, neutralised, cancelled, pending) add up to `planned` (addsUp); the flags
/// (authorised, denied, rerouted, waited) are counted apart, over the same
/// flights. For a zone, `planned` and the outcomes are 0 and `rerouted`,
/// `waited` and `cancelled` count the flights that zone diverted, delayed or
/// stopped.
struct Counts {
    int planned = 0; ///< flights due to depart during the run
    // final outcomes, one a flight (report::FinalOutcome)
    int flown = 0;       ///< took off and kept every rule that applied to it
    int caught = 0;      ///< took off, kept every rule, cut short by a zone that switched on in flight
    int violated = 0;    ///< took off and was inside a zone that applied to it; not neutralised
    int neutralised = 0; ///< brought down or sent back by a responder
    int cancelled = 0;   ///< never took off, including those refused an authorisation
    int pending = 0;     ///< no final outcome when the run ended
    int tookOff = 0;     ///< flown + caught + violated + neutralised
    // flags, any number a flight
    int authorised = 0; ///< granted an authorisation
    int denied = 0;     ///< refused an authorisation
    int rerouted = 0;
    int waited = 0;            ///< waited on the ground for a zone to end
    double delayMinutes = 0.0; ///< late take-offs, any reason, summed over the flights that took off
    int violating = 0;         ///< flights with at least one violation (neutralised ones included)
    int violations = 0;
    double violationMinutes = 0.0;
    double extraKm = 0.0;
    int authorisationsRequested = 0;
    int authorisationsGranted = 0;
    int authorisationsDenied = 0;
    int disrupted = 0; ///< compliant flights rerouted, delayed, cancelled, denied or still held on the ground
    int nearMisses = 0;
    int entries = 0;   ///< zone entries (per zone)

    // detection and response (total; by category for the tracks of its flights)
    int detected = 0;        ///< flights detected at least once
    int tracks = 0;          ///< tracks made, false alarms included
    int unknownTracks = 0;   ///< tracks ever classified unknown
    int harmlessUnknown = 0; ///< of those, civil flights that were no threat
    int falseAlarms = 0;
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

/// Whether the final outcomes add up to the flights planned (they always
/// should; the tests check it for the total and every category).
bool addsUp(const Counts& counts);

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
