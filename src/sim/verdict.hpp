// Verdict cards: every decision about a flight, with its reasons, so that a
// teacher can answer "why was this drone stopped?" from the card alone.
// A card is data: which rule decided (a code), the zones and figures it
// names, and a finding for every zone weighed; report/sentences.hpp writes it
// in words.
#pragma once

#include "core/time.hpp"
#include "scenario/model.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace nofly::sim {

/// The final word on a flight, as the `expect:` outcomes name it.
enum class Outcome { Pending, Allowed, Authorised, Denied, Rerouted, Cancelled, Waited, Violated, Neutralised, Caught };
std::string_view name(Outcome outcome);

/// Why a zone does or does not apply to a flight (rules.hpp, judge()).
enum class FindingReason : std::uint8_t {
    NoRestriction,
    Exempt,                ///< the category is exempt
    BelowFloor,            ///< flies at `altitude`, below the floor `limit`
    AboveCeiling,          ///< flies at `altitude`, above the ceiling `limit`
    NotYetAnnounced,       ///< in force [windowFrom, windowTo) but not known at `knownAt`
    NotInForce,            ///< not in force during the stay [from, to]
    StandingAuthorisation, ///< the category holds a standing authorisation
    AuthorisationGranted,  ///< granted for this flight
    Prohibited,            ///< applies: in force [windowFrom, windowTo) as known, the stay [from, to]
    AuthorisationRequired, ///< applies, as Prohibited
    NeverGranted,          ///< applies, as Prohibited; and never granted to the category
    ConditionsApply,       ///< applies, as Prohibited
    DispensationRequired,  ///< applies, as Prohibited; the zone's dispensations are for the category
    DispensationGranted,   ///< a dispensation granted for this flight
};

/// One zone weighed in a decision.
struct ZoneFinding {
    int zone = -1; ///< Scenario::zones
    scenario::Restriction restriction = scenario::Restriction::NoRestriction;
    bool applies = false; ///< false: exempt, authorised, above or below it, or not active then
    FindingReason reason = FindingReason::NoRestriction;
    double altitude = 0.0, limit = 0.0;         ///< [m] BelowFloor, AboveCeiling
    core::Instant from = 0, to = 0;             ///< the stay inside (a moment for `nofly where`)
    core::Instant knownAt = 0;                  ///< NotYetAnnounced: when the operator looked
    core::Instant windowFrom = 0, windowTo = 0; ///< the window in force (as known then)
};

/// Which rule decided, by the sentence it reads as.
enum class RuleKind : std::uint8_t {
    // operators who do not check, or do not care
    UnawareInto,   ///< does not know the rules and flies into `zones`
    UnawareClear,  ///< does not know the rules; meets no zone that applies
    RecklessInto,  ///< knows the rules and flies into `zones` anyway
    RecklessClear, ///< meets no zone that applies
    Hostile,       ///< flies to its target and loiters, whatever the rules
    // a compliant operator at departure
    AskFor,    ///< authorisation required in `zones`, answer due `until`; `crossed`: a way around needs it
    Allowed,   ///< nothing stands in the way (`authorised`: the zones it is authorised in)
    Rerouted,  ///< `zones` forbid the route: around, `distance` further
    Waited,    ///< `zones` forbid the flight now, no way around; they end at `until`
    Cancelled, ///< `zones` forbid it, no way around, waiting until `until` too long (kFarTime: never ends)
    // a zone switched on in flight (`zones`: it, `inside`: around the drone or ahead of it)
    BreachReported,      ///< the category only reports it
    BreachIgnored,       ///< the operator does not react
    CaughtHomeInside,    ///< returning home, but home is inside the zone: lands
    CaughtWayOutTooLong, ///< the way out is longer than `wayOut` of flight: lands
    CaughtLands,         ///< lands where it is
    CaughtHolds, ///< (out of it, `distance`, when inside) holds until the zone ends or the battery runs low
    CaughtFliesHome, ///< (out of it ...) flies home around the zone; `several`: around other zones too
    CaughtNoWayHome, ///< (out of it ...) lands: no way home around the zone
    // the defence
    SiteClosed,  ///< an unknown `track` `distance` from the airport; reopened at `until` (-1: not yet)
    Neutralised, ///< by `responder`: `track` at `at`
};

/// The rule that decided, with what it names.
struct Rule {
    RuleKind kind = RuleKind::Allowed;
    std::vector<int> zones; ///< the zones it names (Scenario::zones)
    std::vector<int>
        crossed; ///< AskFor for a way around: the zones the route as meant crosses, which forbid it
    std::vector<int>
        refused; ///< zones that refused an authorisation at once (AskFor, Rerouted, Waited, Cancelled)
    std::vector<int> authorised; ///< Allowed, Rerouted: zones the flight is authorised in
    bool denied = false;         ///< Cancelled: an authorisation was denied (else prohibited)
    bool inside = false;         ///< breaches: switched on around the drone (else ahead of it)
    bool several = false;        ///< CaughtFliesHome: around other zones that forbid it too
    double distance = 0.0;       ///< [m] extra of a way around; the way out; a track from the airport
    core::Instant until = 0;     ///< see RuleKind
    core::Millis wayOut = 0;     ///< CaughtWayOutTooLong: the longest way out it would fly
    int track = -1;              ///< SiteClosed, Neutralised: Defence::tracks
    int responder = -1;          ///< Neutralised: Scenario::responders
    core::Vec2 at;               ///< Neutralised: where the drone was [m]
};

/// One decision about a flight.
struct Verdict {
    core::Instant time = 0;
    int flight = -1; ///< World::flights; -1 for a site's card
    int site = -1;   ///< an airport's closure card: Scenario::airports
    Outcome outcome = Outcome::Pending;
    Rule rule;                         ///< what decided it
    std::vector<ZoneFinding> findings; ///< every zone the route meets
};

} // namespace nofly::sim
