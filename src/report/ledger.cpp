#include "report/ledger.hpp"

#include <algorithm>

namespace nofly::report {

std::string_view name(FinalOutcome outcome) {
    switch (outcome) {
    case FinalOutcome::Flown: return "flown";
    case FinalOutcome::Caught: return "caught";
    case FinalOutcome::Violated: return "violated";
    case FinalOutcome::Neutralised: return "neutralised";
    case FinalOutcome::Cancelled: return "cancelled";
    case FinalOutcome::Pending: return "pending";
    }
    return "pending";
}

bool isPlanned(const scenario::Scenario& scenario, const sim::FlightPlan& plan) {
    return plan.flight.depart >= scenario.time.start && plan.flight.depart < scenario.time.end;
}

FlightLedger ledgerOf(const scenario::Scenario& scenario, const sim::FlightPlan& plan,
                      const sim::Drone& drone) {
    FlightLedger out;
    out.tookOff = drone.departedAt >= 0;

    // the outcome: a responder's act first, then any violation, then a zone that switched on in flight
    // and cut the flight short (docs/simulation.md, "Outcomes and flags")
    if (out.tookOff)
        out.outcome = drone.neutralised      ? FinalOutcome::Neutralised
                      : drone.violations > 0 ? FinalOutcome::Violated
                      : drone.caught         ? FinalOutcome::Caught
                                             : FinalOutcome::Flown;
    else
        out.outcome = drone.phase == sim::Phase::Cancelled ? FinalOutcome::Cancelled : FinalOutcome::Pending;

    // the flags
    out.authorised = !drone.authorisedZones.empty();
    out.denied = !drone.deniedZones.empty();
    out.rerouted = drone.rerouted;
    out.waited = drone.waited;

    // the delay, against the first step at or after the planned time: a flight
    // decides on a step, so one that was never held has none
    if (out.tookOff) {
        const core::Millis step = std::max<core::Millis>(scenario.time.step, 1);
        const core::Millis after = std::max<core::Millis>(plan.flight.depart - scenario.time.start, 0);
        const core::Instant due = scenario.time.start + (after + step - 1) / step * step;
        out.delaySeconds = static_cast<double>(std::max<core::Instant>(drone.departedAt - due, 0)) / 1000.0;
    }
    return out;
}

std::string describe(const FlightLedger& flight) {
    std::string flags;
    auto add = [&](bool set, const char* word) {
        if (set) flags += (flags.empty() ? "" : ", ") + std::string(word);
    };
    add(flight.authorised, "authorised");
    add(flight.denied, "denied");
    add(flight.rerouted, "rerouted");
    add(flight.waited, "waited");
    return std::string(name(flight.outcome)) + (flags.empty() ? "" : " (" + flags + ")");
}

bool matchesOutcomeWord(const FlightLedger& flight, std::string_view word) {
    for (FinalOutcome o : kFinalOutcomes)
        if (word == name(o)) return flight.outcome == o;
    if (word == "authorised") return flight.authorised;
    if (word == "denied") return flight.denied;
    if (word == "rerouted") return flight.rerouted;
    if (word == "waited") return flight.waited;
    if (word == "allowed")
        return flight.outcome == FinalOutcome::Flown && !flight.authorised && !flight.denied &&
               !flight.rerouted && !flight.waited;
    return false;
}

} // namespace nofly::report
