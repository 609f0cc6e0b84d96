// What happens in a run, as records the caller drains: departures, landings,
// zone entries and exits, violations, reroutes, cancellations,
// authorisations, near misses, zone switches. The simulation appends them in
// time order; reports turn them into logs, tables and pictures.
#pragma once

#include "core/geometry.hpp"
#include "core/time.hpp"

#include <cstdint>
#include <string>
#include <string_view>

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

struct Event {
    std::int64_t tick = 0;
    core::Instant time = 0;
    EventType type = EventType::Note;
    std::string flight; ///< may be empty (zone switches, notes)
    std::string zone;   ///< may be empty
    std::string other;  ///< the other flight of a near miss
    std::string track;  ///< detection events: the track ("T4")
    std::string site;   ///< closures and manned traffic: the airport or site id
    std::string actor;  ///< detection events: the sensor; response events: the responder
    core::Vec2 at;      ///< where it happened [m]
    double value = 0.0; ///< depth inside [m] (entry/exit), extra [m] (reroute), distance [m] (near miss), seconds (wait)
    std::string text;   ///< one sentence for people
};

} // namespace nofly::sim
