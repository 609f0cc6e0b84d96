// Verdict cards: every decision about a flight, with its reasons, so that a
// teacher can answer "why was this drone stopped?" from the card alone.
#pragma once

#include "core/time.hpp"
#include "scenario/model.hpp"

#include <string>
#include <vector>

namespace nofly::sim {

/// The final word on a flight, as the `expect:` outcomes name it.
enum class Outcome { Pending, Allowed, Authorised, Denied, Rerouted, Cancelled, Waited, Violated, Neutralised, Caught };
std::string_view name(Outcome outcome);

/// One zone weighed in a decision.
struct ZoneFinding {
    std::string zone;
    scenario::Restriction restriction = scenario::Restriction::NoRestriction;
    bool applies = false; ///< false: exempt, authorised, above or below it, or not active then
    std::string why;      ///< "police are exempt", "active 08:00-12:00 while the route crosses it 09:10-09:14"
};

/// One decision about a flight.
struct Verdict {
    core::Instant time = 0;
    std::string flight;                ///< empty for a site's card
    std::string site;                  ///< an airport's closure card: its id
    Outcome outcome = Outcome::Pending;
    std::string rule;                  ///< the sentence that decided it
    std::vector<ZoneFinding> findings; ///< every zone the route meets
};

} // namespace nofly::sim
