// World: everything that changes during a run (the MuJoCo mjData to the
// CompiledScenario's mjModel, sim/compiled.hpp). Its job is to hold every drone's state, the zones'
// state, the clock and the event buffer; step() moves it forward one fixed
// tick. Its random draws are keyed by what they draw (core::keyAt and
// core::uniformAt; a sensor's false alarms: a stream of its own), never taken
// in turn from one generator, so that call order shifts none of them.
#pragma once

#include "core/random.hpp"
#include "sim/compiled.hpp"
#include "sim/defence.hpp"
#include "sim/events.hpp"
#include "sim/verdict.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace nofly::sim {

/// Where a drone is in its life.
enum class Phase { Planned, Waiting, Flying, Landed, Cancelled };
std::string_view name(Phase phase);

/// One piece of a flight plan: straight, level or vertical, at constant
/// speed. Turns are flown as multirotors fly them, turning on the spot at a
/// waypoint, so that the track is made of straight legs.
struct Segment {
    enum Kind { Climb, Cruise, Turn, Hover, Descend } kind = Cruise;
    core::Instant t0 = 0, t1 = 0; ///< [ms]
    core::Vec2 p0, p1;            ///< [m]
    double alt0 = 0.0, alt1 = 0.0; ///< [m] AGL
    double heading0 = 0.0, heading1 = 0.0; ///< [rad] from north, clockwise
};

/// A flight as the world knows it: the scenario's own flights, then the
/// generated ones, in a fixed order.
struct FlightPlan {
    scenario::Flight flight;
    scenario::Behaviour behaviour = scenario::Behaviour::Compliant;
    std::string generator; ///< traffic id, empty for a flight written out
    core::Millis endurance = 0;
};

/// An event of a drone's plan still to come, kept small: the full Event (with
/// its position) is made when it happens.
struct PendingEvent {
    core::Instant time = 0;
    EventType type = EventType::Note;
    int zone = -1;            ///< index into Scenario::zones
    double value = 0.0;       ///< as Event::value
    core::Instant since = 0;  ///< exits: when the stay began
};

/// One drone and its plan.
struct Drone {
    int flight = -1; ///< index into World::flights
    Phase phase = Phase::Planned;
    Outcome outcome = Outcome::Pending;
    core::Instant departAt = 0;             ///< when it will (or did) take off
    std::vector<Segment> plan;              ///< the whole flight, take-off to landing
    std::size_t cursor = 0;                 ///< current segment
    std::vector<PendingEvent> pending;      ///< events of the plan still to come, in time order
    std::size_t nextEvent = 0;
    core::Vec2 position;                    ///< [m]
    double altitude = 0.0;                  ///< [m] AGL
    double heading = 0.0;                   ///< [rad]
    std::vector<int> authorisedZones;       ///< authorisations granted to this flight
    std::vector<int> deniedZones;           ///< authorisations refused to this flight
    std::vector<int> awaiting;              ///< authorisations asked for, not yet answered
    std::vector<int> inside;                ///< zones in force it is inside now
    std::vector<int> violating;             ///< zones it is violating now
    bool waited = false;                    ///< waited for a zone to end before taking off
    bool rerouted = false;
    core::Instant departedAt = -1;          ///< actual take-off, -1 before
    core::Instant landedAt = -1;
    double plannedDistance = 0.0;           ///< [m] the route as written
    double flownDistance = 0.0;             ///< [m] the route it flew (or flies)
    double violationSeconds = 0.0;          ///< [s]
    int violations = 0;
    bool neutralised = false;               ///< brought down or sent home by a responder
    bool caught = false;                    ///< a zone switched on around or ahead of it in flight and it acted on it
    std::vector<int> leaving;               ///< zones that switched on around it, which it is leaving by the rules
    bool unknownTrack = false;              ///< the defence tracks it now and cannot identify it
};

/// Where a drone was at the last near-miss check.
struct NearMissMark {
    core::Vec2 position;    ///< [m]
    double altitude = 0.0;  ///< [m]
    bool checked = false;   ///< it was in the air then, and compared
};

/// The state of one zone (when it is in force: CompiledScenario::windows).
struct ZoneState {
    bool active = false; ///< now
    /// Its authority's queue (a zone with a `capacity`): when each request it took up began to be
    /// decided, in order, kept while its turn (1 h / capacity) runs; those still running when a new
    /// request arrives are the requests ahead of it.
    std::vector<core::Instant> turns;
};

struct World {
    std::uint64_t seed = 0; ///< of every random draw of this run
    std::int64_t tick = 0;
    core::Instant now = 0;
    std::vector<FlightPlan> flights;
    std::vector<Drone> drones;         ///< one per flight, same order
    std::vector<ZoneState> zones;      ///< one per scenario zone
    std::vector<Event> events;         ///< this step's events: the caller drains them
    std::vector<Verdict> verdicts;     ///< every decision so far
    std::size_t nextTimelineEvent = 0;
    std::vector<std::pair<core::Instant, std::size_t>> departures; ///< (time, drone), a min-heap
    std::vector<std::size_t> flying;   ///< drones in the air, in the order they took off
    /// Each drone at the last near-miss check: a pair close then is one encounter with the same pair close
    /// now. Kept per drone, not per pair: the pairs of a crowd grow with its square (issue 22, item 6).
    std::vector<NearMissMark> lastCheck;
    std::int64_t nearMissPairs = 0;    ///< pairs compared for near misses so far (limits::kMaxNearMissPairs)
    bool nearMissesStopped = false;    ///< the budget ran out: no more checks this run
    core::Instant nextNearMissCheck = 0;
    Defence defence;                   ///< sensors, tracks, closures, responders
};

} // namespace nofly::sim
