// What happens in a run, as records the caller drains: departures, landings,
// zone entries and exits, violations, reroutes, cancellations,
// authorisations, near misses, zone switches. The simulation appends them in
// time order; reports turn them into logs, tables and pictures.
//
// An event is data only: what happened (its type and, where the words vary
// by cause, a reason code), the ids of what it names (indexes into the
// scenario's tables and the world's flights and tracks) and the figures its
// sentence needs. The engine writes no English: report/sentences.hpp composes
// every sentence and every id as people read it.
#pragma once

#include "core/geometry.hpp"
#include "core/time.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace nofly::sim {

enum class EventType {
    Departure,
    Landing,
    ZoneEntry,
    ZoneExit,
    ViolationStart,
    ViolationEnd,
    Reroute,
    Cancellation,
    Wait,
    AuthorisationRequested,
    AuthorisationGranted,
    AuthorisationDenied,
    NearMiss,
    ZoneActivated,
    ZoneDeactivated,
    ZoneAnnounced,
    Breach,     ///< a drone in flight finds a zone switched on around or ahead of it
    Note,       ///< a timeline note for the class
    // detection, identification and response (docs/detection.md)
    Detection,       ///< a sensor's first report of a drone: a new track
    Identification,  ///< a track classified: identified (cooperative and authorised) or unknown
    TrackLost,       ///< a track not refreshed for the tracking timeout
    FalseAlarm,      ///< a track with no drone behind it (clutter, a sighting of a bright star)
    SiteClosed,      ///< an airport or protected site closes because of an unknown track
    SiteReopened,    ///< ... and reopens after its quiet period
    MannedDelayed,   ///< a manned departure held on the ground by a closure
    MannedDiverted,  ///< a manned arrival sent to another airport by a closure
    Dispatch,        ///< a responder sent to a track
    ResponderArrived,///< a responder on scene
    Neutralised,     ///< a drone brought down or sent home by a responder
    NeutraliseFailed,///< a responder's attempt that did not work
};

/// "departure", "zone_entry", ... (snake_case, as in events.csv).
std::string_view name(EventType type);

/// Why an event happened, where its sentence varies by cause (None: the type says it all).
enum class EventReason : std::uint8_t {
    None,
    // detection, false_alarm
    Sighting, ///< from a timeline sighting (`ref`: its entry), not a sensor
    // zone_entry
    LeavingByTheRules, ///< inside a zone as it switches on, and leaving it by the rules
    // zone_exit
    DepthUnknown, ///< how deep inside was not measured (a country-sized zone, a plan changed under it)
    // authorisation_requested, authorisation_denied
    AnswerDue,    ///< requested: the answer is due at `when` (a zone with a capacity: `count` requests
                  ///< ahead in its authority's queue, `value` seconds waited there)
    NeverGranted, ///< requested and refused at once: the zone never grants it to the category
    // cancellation
    Prohibited, ///< the zones in the way forbid the flight
    Denied,     ///< ... and an authorisation was denied
    // near_miss
    NearMissSummary, ///< counts `value` near misses past those listed; `ref`: the second flight, `figure`:
                     ///< distance
    // note
    NearMissesStopped, ///< the near-miss budget ran out: `count` pairs would pass `limit`
    // identification: the class given, and why
    IdentifiedAuthorised, ///< broadcasts Remote ID and flies as authorised
    IdentifiedByMistake,  ///< misclassified as an authorised flight
    IdentifiedFalseAlarm, ///< misclassified, with nothing behind it
    IdentifiedSighting,   ///< misclassified, a reported drone nobody can name
    UnknownNoRemoteId,    ///< no Remote ID heard
    UnknownWhereItMayNot, ///< broadcasts Remote ID but flies where it may not
    UnknownByMistake,     ///< misclassified: broadcasting Remote ID and authorised
    UnknownFalseAlarm,    ///< nobody can say what it is
    UnknownSighting,      ///< a report of a drone nobody can name
    // manned_delayed, manned_diverted: which plane
    Arrival,
    Departure,
    // dispatch
    AlreadyThere, ///< the responder is within arrival distance already
    // neutralise_failed
    CalledOff,    ///< the track was lost on the way
    NothingFound, ///< no drone at the track
    NothingFoundFalseAlarm,
    DroneLanded, ///< the track's drone landed before the work was done
    Failed,      ///< the attempt did not work
    // neutralised
    SentHome,
    BroughtDown,
};

/// Whether an identification event gives its track the class "identified" (else "unknown").
bool identifiesTrack(EventReason reason);

struct Event {
    std::int64_t tick = 0;
    core::Instant time = 0;
    EventType type = EventType::Note;
    EventReason reason = EventReason::None;
    // what it names, as indexes; -1 for none
    int flight = -1; ///< World::flights (zone switches and notes name none)
    int zone = -1;   ///< Scenario::zones
    int other = -1;  ///< World::flights: the other flight of a near miss
    int track = -1;  ///< Defence::tracks (people read track k as "T" k+1)
    int site = -1;   ///< Scenario::airports: closures and manned traffic; the airport a dispatch protects
    int actor = -1;  ///< detection: Scenario::sensors; response events: Scenario::responders
    /// One more thing the sentence names, by type: a false alarm's sensor; a note's, announcement's or
    /// sighting's Scenario::timeline entry; a near-miss summary's second flight; a breach's
    /// verdict card (World::verdicts); the Scenario::sites entry a dispatch protects.
    int ref = -1;
    core::Vec2 at;      ///< where it happened [m]
    double value = 0.0; ///< depth inside [m] (exit), seconds inside (violation end), extra [m] (reroute),
                        ///< distance [m] (near miss; a summary: how many), seconds (wait), seconds in an
                        ///< authority's queue (authorisation requested), and docs/detection.md
    double figure = 0.0; ///< a second figure for the sentence: landing: distance flown [m]; near-miss
                         ///< summary: distance [m]
    /// A time the sentence names: the answer due (authorisation requested), the end waited for (wait), the
    /// start of the stay (zone exit, violation end), the plane's due time (manned), the dispatch (responder
    /// arrived), the zone's start (announcement).
    core::Instant when = 0;
    std::int64_t count = 0,
                 limit = 0; ///< near misses no longer checked: pairs this check would compare, the budget;
                            ///< authorisation requested (count): requests ahead in the authority's queue
    std::vector<int> zones; ///< reroute, wait, cancellation: the zones it names, in the sentence's order
};

} // namespace nofly::sim
