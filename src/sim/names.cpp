#include "sim/events.hpp"
#include "sim/verdict.hpp"
#include "sim/world.hpp"

namespace nofly::sim {

std::string_view name(EventType type) {
    switch (type) {
    case EventType::Departure: return "departure";
    case EventType::Landing: return "landing";
    case EventType::ZoneEntry: return "zone_entry";
    case EventType::ZoneExit: return "zone_exit";
    case EventType::ViolationStart: return "violation_start";
    case EventType::ViolationEnd: return "violation_end";
    case EventType::Reroute: return "reroute";
    case EventType::Cancellation: return "cancellation";
    case EventType::Wait: return "wait";
    case EventType::AuthorisationRequested: return "authorisation_requested";
    case EventType::AuthorisationGranted: return "authorisation_granted";
    case EventType::AuthorisationDenied: return "authorisation_denied";
    case EventType::NearMiss: return "near_miss";
    case EventType::ZoneActivated: return "zone_activated";
    case EventType::ZoneDeactivated: return "zone_deactivated";
    case EventType::ZoneAnnounced: return "zone_announced";
    case EventType::Breach: return "breach";
    case EventType::Note: return "note";
    case EventType::Detection: return "detection";
    case EventType::Identification: return "identification";
    case EventType::TrackLost: return "track_lost";
    case EventType::FalseAlarm: return "false_alarm";
    case EventType::SiteClosed: return "site_closed";
    case EventType::SiteReopened: return "site_reopened";
    case EventType::MannedDelayed: return "manned_delayed";
    case EventType::MannedDiverted: return "manned_diverted";
    case EventType::Dispatch: return "dispatch";
    case EventType::ResponderArrived: return "responder_arrived";
    case EventType::Neutralised: return "neutralised";
    case EventType::NeutraliseFailed: return "neutralise_failed";
    }
    return "note";
}

bool identifiesTrack(EventReason reason) {
    switch (reason) {
    case EventReason::IdentifiedAuthorised:
    case EventReason::IdentifiedByMistake:
    case EventReason::IdentifiedFalseAlarm:
    case EventReason::IdentifiedSighting: return true;
    default: return false;
    }
}

std::string_view name(Outcome outcome) {
    switch (outcome) {
    case Outcome::Pending: return "pending";
    case Outcome::Allowed: return "allowed";
    case Outcome::Authorised: return "authorised";
    case Outcome::Denied: return "denied";
    case Outcome::Rerouted: return "rerouted";
    case Outcome::Cancelled: return "cancelled";
    case Outcome::Waited: return "waited";
    case Outcome::Violated: return "violated";
    case Outcome::Neutralised: return "neutralised";
    case Outcome::Caught: return "caught";
    }
    return "pending";
}

std::string_view name(Phase phase) {
    switch (phase) {
    case Phase::Planned: return "planned";
    case Phase::Waiting: return "waiting";
    case Phase::Flying: return "flying";
    case Phase::Landed: return "landed";
    case Phase::Cancelled: return "cancelled";
    }
    return "planned";
}

} // namespace nofly::sim
