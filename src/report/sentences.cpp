#include "report/sentences.hpp"

#include "core/quantity.hpp"
#include "scenario/limits.hpp"
#include "sim/defence.hpp"

#include <cmath>
#include <optional>

namespace nofly::report {

using core::Instant;
using sim::EventReason;
using sim::EventType;
using sim::RuleKind;

namespace {

// --- words for figures ------------------------------------------------------------------

/// A time for the class: dated when not on the start's day, or not on the day of `comparedWith`.
std::string clock(Instant t, const scenario::Scenario& s,
                  std::optional<Instant> comparedWith = std::nullopt) {
    return core::formatMoment(t, s.time.frame(), comparedWith);
}

std::string km(double metres) {
    return core::formatQuantity(metres, core::Dimension::Length);
}

/// A duration for people: to the second (under a second, as it is).
std::string lasting(double seconds) {
    return core::formatQuantity(seconds >= 1.0 ? std::round(seconds) : seconds, core::Dimension::Duration);
}
std::string lasting(core::Millis ms) {
    return lasting(static_cast<double>(ms) / 1000.0);
}

// --- words for things --------------------------------------------------------------------

const scenario::Zone* zoneOf(const scenario::Scenario& s, int zone) {
    return zone >= 0 && static_cast<std::size_t>(zone) < s.zones.size()
               ? &s.zones[static_cast<std::size_t>(zone)]
               : nullptr;
}
std::string zoneName(const scenario::Scenario& s, int zone) {
    const scenario::Zone* z = zoneOf(s, zone);
    return z ? z->name : std::string();
}
std::string restriction(const scenario::Scenario& s, int zone) {
    const scenario::Zone* z = zoneOf(s, zone);
    return z ? std::string(scenario::name(z->restriction)) : std::string();
}

/// "A", "A and B", "A, B and C": zone names hold commas of their own ("Copenhagen Kastrup, 5 km").
std::string zoneList(const scenario::Scenario& s, const std::vector<int>& zones) {
    std::string out;
    for (std::size_t k = 0; k < zones.size(); ++k)
        out += (k == 0 ? "" : k + 1 == zones.size() ? " and " : ", ") + zoneName(s, zones[k]);
    return out;
}

// --- authorities: authorisations, dispensations and their queues ---------------------------------

/// Whether what a flight asks of a zone is a dispensation (from a prohibited zone's ban) rather than
/// an authorisation.
bool dispensation(const scenario::Scenario& s, int zone) {
    const scenario::Zone* z = zoneOf(s, zone);
    return z && z->restriction == scenario::Restriction::Prohibited;
}
std::string permission(const scenario::Scenario& s, int zone) {
    return dispensation(s, zone) ? "dispensation" : "authorisation";
}

/// "asks for an authorisation to fly in Park; the answer is due at 10:05"; where the zone's authority
/// has a capacity, with the request's place in its queue: "asks for a dispensation to fly in the ban;
/// 3 requests ahead, 25 min in the queue; the answer is due at 09:40".
std::string requestText(const scenario::Scenario& s, const sim::Event& e) {
    const std::string asks = "asks for " + std::string(dispensation(s, e.zone) ? "a " : "an ") +
                             permission(s, e.zone) + " to fly in " + zoneName(s, e.zone);
    if (e.reason == EventReason::NeverGranted) return asks;
    std::string queue;
    if (const scenario::Zone* z = zoneOf(s, e.zone); z && z->capacity)
        queue = e.count == 0 ? "; no request ahead"
                             : "; " + std::to_string(e.count) + (e.count == 1 ? " request" : " requests") +
                                   " ahead, " + lasting(e.value) + " in the queue";
    return asks + queue + "; the answer is due at " + clock(e.when, s, e.time);
}

/// "Authorisation required in A", "Dispensation required from B", "Authorisation required in A and a
/// dispensation from B": what a card's zones ask for.
std::string requiredText(const scenario::Scenario& s, const std::vector<int>& zones) {
    std::vector<int> authorisations, dispensations;
    for (int z : zones)
        (dispensation(s, z) ? dispensations : authorisations).push_back(z);
    if (authorisations.empty()) return "Dispensation required from " + zoneList(s, dispensations);
    return "Authorisation required in " + zoneList(s, authorisations) +
           (dispensations.empty() ? "" : " and a dispensation from " + zoneList(s, dispensations));
}

const scenario::Category* categoryOf(const scenario::Scenario& s, const sim::World& w, int flight) {
    if (flight < 0 || static_cast<std::size_t>(flight) >= w.flights.size()) return nullptr;
    return s.category(w.flights[static_cast<std::size_t>(flight)].flight.category);
}
std::string categoryName(const scenario::Category* category) {
    return category ? category->name : std::string();
}

const scenario::Airport* airportOf(const scenario::Scenario& s, int site) {
    return site >= 0 && static_cast<std::size_t>(site) < s.airports.size()
               ? &s.airports[static_cast<std::size_t>(site)]
               : nullptr;
}

std::string responderName(const scenario::Scenario& s, int responder) {
    return responder >= 0 ? s.responders[static_cast<std::size_t>(responder)].name : std::string();
}

/// A timeline entry's words as people read them (marked when illustrative).
std::string timelineText(const scenario::Scenario& s, int entry) {
    return entry >= 0 ? s.timeline[static_cast<std::size_t>(entry)].shownText() : std::string();
}

/// " 2.1 km from EKCH" (or " at EKCH" within sim::kArrived), the nearest airport or site, for the class,
/// with its leading space; empty in a scenario with neither, so "a drone" + near(p) + ", new track T5"
/// reads right either way.
std::string near(const scenario::Scenario& s, core::Vec2 p) {
    double best = 1e300;
    std::string name;
    for (const auto& a : s.airports)
        if (double r = core::distance(p, a.at); r < best) best = r, name = a.id;
    for (const auto& site : s.sites)
        if (double r = core::distance(p, site.at); r < best) best = r, name = site.name;
    if (name.empty()) return {};
    return best < sim::kArrived ? " at " + name : " " + km(best) + " from " + name; // not "0 m from EKSB"
}

// --- events --------------------------------------------------------------------------------

/// A flight's own events and its decisions: departures, zones, authorisations, reroutes.
std::string flightEventText(const scenario::Scenario& s, const sim::World& w, const sim::Event& e) {
    const std::string zone = zoneName(s, e.zone);
    const bool several = e.zones.size() > 1;
    switch (e.type) {
    case EventType::Departure: return "takes off";
    case EventType::Landing: return "lands after " + km(e.figure) + " flown";
    case EventType::ZoneEntry:
        if (e.reason == EventReason::LeavingByTheRules)
            return "is inside " + zone + " (" + restriction(s, e.zone) +
                   ") as it switches on, and leaves it by the rules";
        return "enters " + zone + " (" + restriction(s, e.zone) + ")";
    case EventType::ZoneExit:
        return "leaves " + zone + " after " + lasting(e.time - e.when) +
               (e.reason == EventReason::DepthUnknown ? "" : ", " + km(e.value) + " inside at mid-stay");
    case EventType::ViolationStart: return "violates " + zone + " (" + restriction(s, e.zone) + ", in force)";
    case EventType::ViolationEnd:
        return "ends its violation of " + zone + " after " + lasting(e.time - e.when);
    case EventType::Reroute:
        return "reroutes around " + zoneList(s, e.zones) + ": " + km(e.value) + " further";
    case EventType::Cancellation:
        return "cancels: " + zoneList(s, e.zones) +
               (e.reason == EventReason::Denied ? " (authorisation denied)" : "") +
               (several ? " stand" : " stands") + " in the way and there is no way around within the battery";
    case EventType::Wait:
        return "waits until " + clock(e.when, s, e.time) + " for " + zoneList(s, e.zones) + " to end";
    case EventType::AuthorisationRequested: return requestText(s, e);
    case EventType::AuthorisationGranted: return permission(s, e.zone) + " granted for " + zone;
    case EventType::AuthorisationDenied:
        if (e.reason == EventReason::NeverGranted)
            return "authorisation denied at once for " + zone + ": it is never granted to " +
                   categoryName(categoryOf(s, w, e.flight));
        return "authorisation denied for " + zone;
    default: return {};
    }
}

/// A breach's words, from its card: "meets Fair, switched on ahead of it, and flies on (...)" or "is
/// caught by Fair, switched on around it: it leaves it by the shortest way (413 m), then ...".
std::string breachText(const scenario::Scenario& s, const sim::World& w, const sim::Event& e);

/// Near misses, zone switches and the timeline's notes.
std::string airspaceEventText(const scenario::Scenario& s, const sim::World& w, const sim::Event& e) {
    const std::string zone = zoneName(s, e.zone);
    switch (e.type) {
    case EventType::NearMiss:
        if (e.reason != EventReason::NearMissSummary)
            return "passes " + flightId(w, e.other) + " at " + km(e.value);
        return "passes " + flightId(w, e.ref) + " at " + km(e.figure) + ": the first of " +
               scenario::limits::grouped(static_cast<std::int64_t>(e.value)) + " near misses of " +
               (e.flight >= 0 ? w.flights[static_cast<std::size_t>(e.flight)].flight.category
                              : std::string()) +
               " flights at this check past the " + std::to_string(scenario::limits::kMaxNearMissEvents) +
               " listed one by one, all counted by this event";
    case EventType::ZoneActivated: return zone + " is now in force";
    case EventType::ZoneDeactivated: return zone + " is no longer in force";
    case EventType::ZoneAnnounced: {
        const std::string text = timelineText(s, e.ref);
        return zone + " announced, in force from " + clock(e.when, s, e.time) +
               (text.empty() ? "" : ": " + text);
    }
    case EventType::Breach: return breachText(s, w, e);
    case EventType::Note:
        if (e.reason == EventReason::NearMissesStopped)
            return "near misses are no longer checked: this check would compare " +
                   scenario::limits::grouped(e.count) +
                   " pairs of drones in the air near each other, which takes the run past its budget of " +
                   scenario::limits::grouped(e.limit) + " pairs; the near misses counted are those until now";
        return timelineText(s, e.ref);
    default: return {};
    }
}

/// Why a track got its class.
std::string identificationWhy(const sim::World& w, const sim::Event& e) {
    const std::string flight = flightId(w, e.flight);
    switch (e.reason) {
    case EventReason::IdentifiedFalseAlarm:
    case EventReason::UnknownFalseAlarm: return "nobody can say what it is";
    case EventReason::IdentifiedSighting:
    case EventReason::UnknownSighting: return "a report of a drone nobody can name";
    case EventReason::IdentifiedByMistake: return "misclassified as " + flight + "'s authorised flight";
    case EventReason::IdentifiedAuthorised: return flight + ", broadcasting Remote ID, flying as authorised";
    case EventReason::UnknownByMistake:
        return "misclassified: it is " + flight + ", broadcasting Remote ID and authorised";
    case EventReason::UnknownNoRemoteId: return "no Remote ID heard";
    default: return "broadcasts Remote ID but flies where it may not";
    }
}

/// Sensors, tracks and their classes.
std::string trackEventText(const scenario::Scenario& s, const sim::World& w, const sim::Event& e) {
    const std::string track = trackId(e.track);
    const bool sighting = e.reason == EventReason::Sighting;
    const std::string words = sighting ? timelineText(s, e.ref) : std::string();
    const std::string quoted = words.empty() ? "" : " - " + words;
    switch (e.type) {
    case EventType::Detection:
        if (sighting) return "a drone is reported" + near(s, e.at) + ": track " + track + quoted;
        return s.sensors[static_cast<std::size_t>(e.actor)].name + ": a drone" + near(s, e.at) +
               ", new track " + track + " (in truth " + flightId(w, e.flight) + ")";
    case EventType::FalseAlarm:
        return (sighting ? std::string("a sighting report")
                         : s.sensors[static_cast<std::size_t>(e.ref)].name) +
               ": a drone" + near(s, e.at) + ", new track " + track +
               (sighting ? "; nothing is there" : "; nothing is there (false alarm)") + quoted;
    case EventType::Identification:
        return "track " + track + (sim::identifiesTrack(e.reason) ? " identified: " : " unknown: ") +
               identificationWhy(w, e);
    case EventType::TrackLost:
        return "track " + track + " lost: no report for " + lasting(s.tracking.lostAfter);
    default: return {};
    }
}

/// Airports, planes and responders.
std::string responseEventText(const scenario::Scenario& s, const sim::World& w, const sim::Event& e) {
    const std::string track = trackId(e.track);
    const std::string responder = responderName(s, e.actor);
    const scenario::Airport* airport = airportOf(s, e.site);
    const std::string site = siteId(s, e.site);
    switch (e.type) {
    case EventType::SiteClosed:
        return site + " closes: track " + track + ", unknown, is " + km(e.value) + " from the airport";
    case EventType::SiteReopened:
        return site + " reopens after " + lasting(airport->closure->quiet) +
               " without unknown tracks, closed " + lasting(e.value);
    case EventType::MannedDelayed:
        return site + " " + eventOther(s, w, e) + " " +
               (e.reason == EventReason::Arrival ? "lands" : "takes off") + " " + lasting(e.value) + " late";
    case EventType::MannedDiverted: {
        const std::string& to = airport->manned->divertTo;
        return site + " " + eventOther(s, w, e) + " diverts to " +
               (to.empty() ? std::string("another airport") : to) + " after holding " +
               lasting(airport->manned->hold);
    }
    case EventType::Dispatch: {
        // the place it protects there, by name: why it was sent
        std::string place;
        if (airport) place = airport->name.empty() ? airport->id : airport->name;
        if (e.ref >= 0 && static_cast<std::size_t>(e.ref) < s.sites.size()) {
            const scenario::Site& protectedSite = s.sites[static_cast<std::size_t>(e.ref)];
            place = protectedSite.name.empty() ? protectedSite.id : protectedSite.name;
        }
        return responder + " sent to track " + track + (place.empty() ? "" : " near " + place) +
               (e.reason == EventReason::AlreadyThere ? ", already there" : ", " + km(e.value) + " away");
    }
    case EventType::ResponderArrived:
        return responder + " reaches track " + track + " after " + lasting(e.time - e.when);
    case EventType::Neutralised:
        return responder +
               (e.reason == EventReason::SentHome ? " sends track " + track + " home"
                                                  : " brings track " + track + " down") +
               " (" + flightId(w, e.flight) + ")";
    case EventType::NeutraliseFailed:
        switch (e.reason) {
        case EventReason::CalledOff: return responder + ": called off, track " + track + " lost";
        case EventReason::NothingFound: return responder + ": nothing found at track " + track;
        case EventReason::NothingFoundFalseAlarm:
            return responder + ": nothing found at track " + track + " (false alarm)";
        case EventReason::DroneLanded: return responder + ": track " + track + "'s drone has landed";
        default: return responder + ": fails to stop track " + track;
        }
    default: return {};
    }
}

// --- verdict cards -----------------------------------------------------------------------

/// What a drone caught by a zone that switched on does, after "... switched on around the drone:".
std::string caughtAction(const scenario::Scenario&, const sim::Rule& r) {
    // inside the zone, a drone that does not land leaves it first
    const std::string leaves =
        r.inside ? " it leaves it by the shortest way (" + km(r.distance) + "), then" : "";
    switch (r.kind) {
    case RuleKind::CaughtHomeInside: return " its home is inside the zone too, so it lands where it is.";
    case RuleKind::CaughtWayOutTooLong:
        return " the way out is longer than " + lasting(r.wayOut) + " of flight, so it lands where it is.";
    case RuleKind::CaughtHolds:
        return leaves + " it holds there until the zone ends or its battery runs low, then lands.";
    case RuleKind::CaughtFliesHome:
        return leaves + " it flies home around the zone" + (r.several ? "s that forbid it." : ".");
    case RuleKind::CaughtNoWayHome: return leaves + " it lands: there is no way home around the zone.";
    default: return " it lands where it is.";
    }
}

bool caught(RuleKind kind) {
    return kind == RuleKind::CaughtHomeInside || kind == RuleKind::CaughtWayOutTooLong ||
           kind == RuleKind::CaughtLands || kind == RuleKind::CaughtHolds ||
           kind == RuleKind::CaughtFliesHome || kind == RuleKind::CaughtNoWayHome;
}

std::string breachText(const scenario::Scenario& s, const sim::World& w, const sim::Event& e) {
    if (e.ref < 0 || static_cast<std::size_t>(e.ref) >= w.verdicts.size()) return {};
    const sim::Rule& r = w.verdicts[static_cast<std::size_t>(e.ref)].rule;
    const std::string side = r.inside ? "around" : "ahead of";
    if (!caught(r.kind))
        return "meets " + zoneName(s, e.zone) + ", switched on " + side + " it, and flies on (" +
               (r.kind == RuleKind::BreachReported ? "its category only reports"
                                                   : "the operator does not react") +
               ")";
    std::string does = caughtAction(s, r);
    if (does.ends_with('.')) does.pop_back();
    return "is caught by " + zoneName(s, e.zone) + ", switched on " + side + " it:" + does;
}

/// The words of a departure's decision by a compliant operator.
std::string departureRuleText(const scenario::Scenario& s, const sim::World& w, const sim::Verdict& v) {
    const sim::Rule& r = v.rule;
    const std::string category = categoryName(verdictCategory(s, w, v));
    std::string refusals;
    for (int z : r.refused)
        refusals += zoneName(s, z) + " never grants an authorisation to " + category + ": refused at once. ";
    const std::string zones = zoneList(s, r.zones);
    const bool several = r.zones.size() > 1;
    const std::string authorised =
        r.authorised.empty() ? "" : "Authorised in " + zoneList(s, r.authorised) + ".";
    switch (r.kind) {
    case RuleKind::AskFor:
        return refusals +
               (r.crossed.empty() ? ""
                                  : "The route crosses " + zoneList(s, r.crossed) +
                                        (r.crossed.size() > 1 ? ", which forbid it" : ", which forbids it") +
                                        "; the way around is " + km(r.distance) + " further. ") +
               requiredText(s, r.zones) + ": requested at " + clock(v.time, s) + ", answer due at " +
               clock(r.until, s, v.time) + ".";
    case RuleKind::Allowed:
        return authorised.empty() ? "No zone that applies stands in the way." : authorised;
    case RuleKind::Rerouted: {
        const double speed = w.flights[static_cast<std::size_t>(v.flight)].flight.speed;
        return refusals + "The route crosses " + zones +
               (several ? ", which forbid it" : ", which forbids it") + "; the operator flies around, " +
               km(r.distance) + " further (" + lasting(r.distance / speed) + " more)." +
               (authorised.empty() ? "" : " " + authorised);
    }
    case RuleKind::Waited:
        return refusals + zones + (several ? " forbid" : " forbids") +
               " the flight now and there is no way around; " + (several ? "they end" : "it ends") + " at " +
               clock(r.until, s, v.time) + ", so the operator waits.";
    default: // Cancelled
        return refusals + (r.denied ? "Authorisation denied in " : "Prohibited by ") + zones +
               "; no way around within the battery" +
               (r.until >= scenario::kFarTime
                    ? " and the zone does not end"
                    : ", and waiting until " + clock(r.until, s, v.time) + " is too long") +
               ": the operator cancels.";
    }
}

/// The words of a card of the defence: an airport's closure, a drone neutralised.
std::string defenceRuleText(const scenario::Scenario& s, const sim::Verdict& v) {
    const sim::Rule& r = v.rule;
    if (r.kind == RuleKind::SiteClosed) {
        const scenario::Airport& airport = *airportOf(s, v.site);
        std::string out = airport.id + " closed at " + clock(v.time, s) + " because track " +
                          trackId(r.track) + ", unknown, was " + km(r.distance) +
                          " from the airport (closure radius " + km(airport.closure->radius) + ").";
        if (r.until >= 0)
            out += " Reopened at " + clock(r.until, s) + " after " + lasting(airport.closure->quiet) +
                   " without unknown tracks (closed " + lasting(r.until - v.time) + ").";
        return out;
    }
    const std::string place = near(s, r.at);
    const bool home =
        s.responders[static_cast<std::size_t>(r.responder)].effect == scenario::BreachAction::Return;
    return "Neutralised at " + clock(v.time, s) + " by " + responderName(s, r.responder) + ": track " +
           trackId(r.track) + ", unknown" + (place.empty() ? "" : "," + place) + "; the drone " +
           (home ? "flies home and lands." : "lands where it is.");
}

} // namespace

// --- the ids people read ---------------------------------------------------------------------

std::string flightId(const sim::World& world, int flight) {
    if (flight < 0 || static_cast<std::size_t>(flight) >= world.flights.size()) return {};
    return world.flights[static_cast<std::size_t>(flight)].flight.id;
}

std::string zoneId(const scenario::Scenario& scenario, int zone) {
    const scenario::Zone* z = zoneOf(scenario, zone);
    return z ? z->id : std::string();
}

std::string trackId(int track) {
    return track < 0 ? std::string() : "T" + std::to_string(track + 1);
}

std::string siteId(const scenario::Scenario& scenario, int site) {
    const scenario::Airport* airport = airportOf(scenario, site);
    return airport ? airport->id : std::string();
}

std::string placeId(const scenario::Scenario& scenario, const sim::Event& event) {
    if (event.type == EventType::Dispatch && event.ref >= 0 &&
        static_cast<std::size_t>(event.ref) < scenario.sites.size())
        return scenario.sites[static_cast<std::size_t>(event.ref)].id;
    return siteId(scenario, event.site);
}

// --- events --------------------------------------------------------------------------------------

std::string eventActor(const scenario::Scenario& scenario, const sim::Event& event) {
    if (event.actor < 0) return {};
    const auto actor = static_cast<std::size_t>(event.actor);
    return event.type == EventType::Detection ? scenario.sensors[actor].id : scenario.responders[actor].id;
}

std::string eventOther(const scenario::Scenario& scenario, const sim::World& world, const sim::Event& event) {
    switch (event.type) {
    case EventType::NearMiss: return flightId(world, event.other);
    case EventType::Identification: return sim::identifiesTrack(event.reason) ? "identified" : "unknown";
    case EventType::MannedDelayed:
    case EventType::MannedDiverted:
        return std::string(event.reason == EventReason::Arrival ? "arrival" : "departure") + " due " +
               clock(event.when, scenario, event.time);
    default: return {};
    }
}

std::string eventText(const scenario::Scenario& scenario, const sim::World& world, const sim::Event& event) {
    switch (event.type) {
    case EventType::NearMiss:
    case EventType::ZoneActivated:
    case EventType::ZoneDeactivated:
    case EventType::ZoneAnnounced:
    case EventType::Breach:
    case EventType::Note: return airspaceEventText(scenario, world, event);
    case EventType::Detection:
    case EventType::Identification:
    case EventType::TrackLost:
    case EventType::FalseAlarm: return trackEventText(scenario, world, event);
    case EventType::SiteClosed:
    case EventType::SiteReopened:
    case EventType::MannedDelayed:
    case EventType::MannedDiverted:
    case EventType::Dispatch:
    case EventType::ResponderArrived:
    case EventType::Neutralised:
    case EventType::NeutraliseFailed: return responseEventText(scenario, world, event);
    default: return flightEventText(scenario, world, event);
    }
}

// --- verdict cards and the rules ------------------------------------------------------------------

std::string ruleText(const scenario::Scenario& scenario, const sim::World& world,
                     const sim::Verdict& verdict) {
    const sim::Rule& r = verdict.rule;
    const std::string zones = zoneList(scenario, r.zones);
    switch (r.kind) {
    case RuleKind::UnawareInto:
        return "The operator does not know the rules and flies the plan into " + zones + ".";
    case RuleKind::UnawareClear:
        return "The operator does not know the rules; the plan happens to meet no zone that applies.";
    case RuleKind::RecklessInto: return "The operator knows the rules and flies anyway into " + zones + ".";
    case RuleKind::RecklessClear: return "The plan meets no zone that applies.";
    case RuleKind::Hostile: return "Hostile: flies to its target and loiters there, whatever the rules.";
    case RuleKind::BreachReported:
        return zones + " switched on in flight; the category's breach action is to report only, so the "
                       "flight goes on.";
    case RuleKind::BreachIgnored: return zones + " switched on in flight; the operator does not react.";
    case RuleKind::SiteClosed:
    case RuleKind::Neutralised: return defenceRuleText(scenario, verdict);
    default:
        if (caught(r.kind))
            return zones + " switched on " + (r.inside ? "around" : "ahead of") +
                   " the drone:" + caughtAction(scenario, r);
        return departureRuleText(scenario, world, verdict);
    }
}

const scenario::Category* verdictCategory(const scenario::Scenario& scenario, const sim::World& world,
                                          const sim::Verdict& verdict) {
    return categoryOf(scenario, world, verdict.flight);
}

std::string findingText(const scenario::Scenario& scenario, const scenario::Category* category,
                        const sim::ZoneFinding& f) {
    using R = sim::FindingReason;
    const core::TimeFrame frame = scenario.time.frame();
    const auto metres = [](double m) { return core::formatQuantity(m, core::Dimension::Length); };
    // the stay as words: "09:00-09:30", or "at 09:00" for a moment (nofly where), never "inside at 09:00"
    const auto stay = [&](const char* before, const char* after) {
        const std::string words = describeWindow(f.from, f.to, frame);
        return words.starts_with("at ") ? words : before + words + after;
    };
    const auto inForce = [&] {
        return "in force " + describeWindow(f.windowFrom, f.windowTo, frame) + ", " + stay("inside ", "");
    };
    switch (f.reason) {
    case R::NoRestriction: return "no restriction";
    case R::Exempt: return categoryName(category) + " are exempt";
    case R::BelowFloor:
        return "flies at " + metres(f.altitude) + ", below the zone's floor of " + metres(f.limit);
    case R::AboveCeiling:
        return "flies at " + metres(f.altitude) + ", above the zone's ceiling of " + metres(f.limit);
    case R::NotYetAnnounced:
        return "not yet announced at " + core::formatMoment(f.knownAt, frame) + " (in force " +
               describeWindow(f.windowFrom, f.windowTo, frame) + ")";
    case R::NotInForce: return "not in force " + stay("while the flight is inside (", ")");
    case R::StandingAuthorisation: return categoryName(category) + " hold a standing authorisation";
    case R::AuthorisationGranted: return "authorisation granted for this flight";
    case R::Prohibited: return "prohibited, " + inForce();
    case R::AuthorisationRequired: return "authorisation required, " + inForce();
    case R::NeverGranted:
        return "authorisation required, " + inForce() + "; not granted to " + categoryName(category);
    case R::ConditionsApply: return "conditions apply, " + inForce();
    case R::DispensationRequired:
        return "prohibited, " + inForce() + "; " + categoryName(category) + " may ask for a dispensation";
    case R::DispensationGranted: return "dispensation granted for this flight";
    }
    return {};
}

std::string whereText(const scenario::Scenario& scenario, const sim::WhereAnswer& answer) {
    if (answer.category < 0) return {}; // no such category: nothing was asked
    const std::string category = scenario.categories[static_cast<std::size_t>(answer.category)].name;
    switch (answer.reason) {
    case sim::WhereReason::Prohibited: return "No: " + category + " may not fly here then.";
    case sim::WhereReason::NeverGranted:
        return "No: " + category + " may not fly here then. The authorisation it needs is never granted to " +
               category + ".";
    case sim::WhereReason::NeedsAuthorisation: {
        bool authorisation = false, dispensation = false;
        for (const sim::Judgement& j : answer.zones) {
            authorisation = authorisation || j.finding.reason == sim::FindingReason::AuthorisationRequired;
            dispensation = dispensation || j.finding.reason == sim::FindingReason::DispensationRequired;
        }
        if (!dispensation) return "Only with an authorisation: ask the zone's authority first.";
        return authorisation
                   ? "Only with an authorisation and a dispensation: ask the zones' authorities first."
                   : "Only with a dispensation: ask the zone's authority first.";
    }
    case sim::WhereReason::NoZone: return "Yes: no zone here.";
    case sim::WhereReason::NothingForbids: return "Yes: no zone here forbids it then.";
    }
    return {};
}

std::string describeWindow(Instant from, Instant to, const core::TimeFrame& frame) {
    constexpr Instant kFar = 1LL << 60;
    const bool open = to >= kFar / 2;
    const bool always = from <= -kFar / 2;
    if (always && open) return "at all times";
    if (always) return "until " + core::formatMoment(to, frame);
    if (open) return "from " + core::formatMoment(from, frame);
    return core::formatInterval(from, to, frame);
}

// --- comparisons -------------------------------------------------------------------------

namespace {

/// More seeds than this are "more than 200 seeds": a difference that small against its spread is
/// not what a workshop can settle.
constexpr std::size_t kSeedsCap = 200;

/// A count of seeds as a round number: as it is up to 10, then up to the next 5, 10 or 50.
std::size_t roundSeeds(std::size_t n) {
    const std::size_t step = n <= 10 ? 1 : n <= 30 ? 5 : n <= 100 ? 10 : 50;
    return (n + step - 1) / step * step;
}

std::string seedsWord(std::size_t n) {
    return n == 1 ? "one seed" : std::to_string(n) + " seeds";
}

/// "about 10 seeds": a sentence's start within a sentence.
std::string lowerFirst(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

/// The seeds that would separate a difference, in words: "about 20 seeds", "more than 200 seeds".
std::string seedsNeeded(const Estimate& d) {
    const std::size_t needed = seedsToSeparate(d, kSeedsCap);
    return needed > kSeedsCap ? "more than " + seedsWord(kSeedsCap)
                              : "about " + seedsWord(roundSeeds(needed));
}

} // namespace

std::string certaintyText(const Estimate& d) {
    const std::string seeds = seedsWord(d.n);
    if (!d.hasInterval()) return "With one seed this cannot be told from chance: run 5 seeds or more.";
    if (d.sd == 0.0)
        return d.mean == 0.0 ? "No difference in any of the " + seeds + "."
                             : "The same difference in each of the " + seeds + ": not chance.";
    if (d.excludesZero())
        return "The interval leaves out zero: with " + seeds + " this difference is unlikely to be chance.";
    if (seedsToSeparate(d, kSeedsCap) > kSeedsCap)
        return "With " + seeds + " this difference could be chance; " + seedsNeeded(d) +
               " would be needed to separate it.";
    return "With " + seeds + " this difference could be chance; " + seedsNeeded(d) +
           " would separate it, if it holds at this size.";
}

std::string certaintyNote(const Estimate& d) {
    if (!d.hasInterval()) return "one seed: cannot tell";
    if (d.sd == 0.0) return d.mean == 0.0 ? "no difference" : "the same in every seed";
    if (d.excludesZero()) return "unlikely to be chance";
    return "could be chance (" + seedsNeeded(d) + " would tell)";
}

std::string certaintySummary(const std::vector<std::pair<std::string, Estimate>>& differences) {
    if (differences.empty()) return {};
    const std::size_t n = differences.front().second.n;
    if (n < 2) return "With one seed no difference can be told from chance: run 5 seeds or more.";
    std::vector<std::string> separable, hopeless; // could be chance: within the cap of seeds, past it
    std::size_t most = 0;                         // the seeds the last of the separable ones needs
    for (const auto& [label, d] : differences) {
        if (d.excludesZero()) continue;
        const std::size_t needed = seedsToSeparate(d, kSeedsCap);
        if (needed > kSeedsCap) {
            hopeless.push_back(label);
        } else {
            separable.push_back(label);
            most = std::max(most, needed);
        }
    }
    const std::size_t chance = separable.size() + hopeless.size(), all = differences.size();
    const std::string seeds = seedsWord(n);
    if (chance == 0)
        return all == 1 ? "With " + seeds +
                              ", this difference is unlikely to be chance: its interval leaves zero out."
                        : "With " + seeds + ", every one of these " + std::to_string(all) +
                              " differences is unlikely to be chance: each interval leaves zero out.";
    const auto listed = [](const std::vector<std::string>& words) {
        std::string out;
        for (std::size_t k = 0; k < words.size(); ++k)
            out += (k == 0 ? "" : k + 1 == words.size() ? " and " : ", ") + words[k];
        return out;
    };
    std::string text = "With " + seeds + ", ";
    if (chance == all)
        text += all == 1 ? "this difference could be chance." : "each of these differences could be chance.";
    else
        text += std::to_string(all - chance) + " of these " + std::to_string(all) + " differences " +
                (all - chance == 1 ? "is" : "are") + " unlikely to be chance: " +
                (all - chance == 1 ? "its interval leaves" : "their intervals leave") + " zero out.";
    // those that could be chance, named (all of them: the sentence before says so), each group with
    // what more seeds would do
    bool named = false; // a group before this one was named
    const auto group = [&](const std::vector<std::string>& labels, const std::string& would) {
        if (labels.empty()) return;
        const bool one = labels.size() == 1;
        const std::string tail =
            (one ? " it, if it holds" : " them, if they hold") + std::string(" at this size.");
        if (labels.size() == all)
            text += " " + would + tail;
        else if (chance == all)
            text += " For " + listed(labels) + ", " + lowerFirst(would) + tail;
        else
            text += " " + std::to_string(labels.size()) + (named ? " more" : "") +
                    " could be chance: " + listed(labels) + ". " + would + tail;
        named = true;
    };
    group(separable, "About " + seedsWord(roundSeeds(most)) + " would separate");
    group(hopeless, "More than " + seedsWord(kSeedsCap) + " would be needed to separate");
    return text;
}

} // namespace nofly::report
