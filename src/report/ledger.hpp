// The ledger of a run: every planned flight ends in exactly one final outcome
// from a closed list, and carries flags for what happened on the way
// (authorised, rerouted, waited, denied). Every count, table and file reads
// a flight's outcome from here, so that the outcomes always add up to the
// flights planned.
#pragma once

#include "scenario/model.hpp"
#include "sim/world.hpp"

#include <array>
#include <string>
#include <string_view>

namespace nofly::report {

/// A planned flight's final outcome. The list is closed: each planned flight
/// has exactly one.
enum class FinalOutcome {
    Flown,       ///< took off and kept every rule that applied to it (authorised, rerouted or waited, maybe)
    Caught,      ///< took off, kept every rule, and was cut short by a zone that switched on in flight
    Violated,    ///< took off and was inside a zone that applied to it at least once; not neutralised
    Neutralised, ///< brought down or sent back by a responder
    Cancelled,   ///< never took off, including those refused an authorisation
    Pending,     ///< no final outcome when the run ended: not yet due, or still held on the ground
};
inline constexpr std::array kFinalOutcomes = {FinalOutcome::Flown, FinalOutcome::Caught, FinalOutcome::Violated,
                                              FinalOutcome::Neutralised, FinalOutcome::Cancelled,
                                              FinalOutcome::Pending};
std::string_view name(FinalOutcome outcome);

/// One flight in the ledger: its outcome and its flags. A flag is a fact
/// about the flight whatever its outcome (a flight refused an authorisation
/// may fly around the zone; one that waited may still be cancelled).
struct FlightLedger {
    FinalOutcome outcome = FinalOutcome::Pending;
    bool tookOff = false;
    bool authorised = false;   ///< granted an authorisation for at least one zone
    bool denied = false;       ///< refused an authorisation for at least one zone
    bool rerouted = false;     ///< flew a way around a zone that forbade its route
    bool waited = false;       ///< waited on the ground for a zone to end
    double delaySeconds = 0.0; ///< [s] took off this late, for any reason (0: did not take off)
};

/// Whether a flight is in the ledger: due to depart during the run.
bool isPlanned(const scenario::Scenario& scenario, const sim::FlightPlan& plan);

/// A flight's entry, from the world as it stands (at the end of a run, or
/// part way through in the window).
FlightLedger ledgerOf(const scenario::Scenario& scenario, const sim::FlightPlan& plan,
                      const sim::Drone& drone);

/// "flown", "cancelled (denied)", "flown (authorised, rerouted)": the outcome
/// and the flags that are set.
std::string describe(const FlightLedger& flight);

/// Whether a flight matches an `expect:` outcome word: an outcome of the
/// closed list (flown, caught, violated, neutralised, cancelled, pending), a flag
/// (authorised, rerouted, waited, denied: true when the flag is set), or
/// `allowed` (flown with no flag set).
bool matchesOutcomeWord(const FlightLedger& flight, std::string_view word);

} // namespace nofly::report
