// Running a scenario: build the world, step it, and collect what happened.
// Deterministic: the same scenario, variant and seed give the same events,
// byte for byte. The simulation never reads a clock and never prints.
#pragma once

#include "scenario/limits.hpp"
#include "scenario/model.hpp"
#include "sim/world.hpp"

#include <functional>
#include <optional>

namespace nofly::sim {

/// Fixed parameters of the drone and operator models.
struct Model {
    double climbRate = 3.0;            ///< [m/s]
    double descentRate = 2.0;          ///< [m/s]
    double turnRate = 1.5707963267948966; ///< [rad/s] turning on the spot at a waypoint (90 deg/s)
    double clearance = 100.0;          ///< [m] how far a rerouting operator stays from a zone's edge
    core::Millis maxWait = 3600000;    ///< a compliant operator waits at most this long for a zone to end
    core::Millis maxWayOut = 120000;   ///< caught inside a zone that switched on, a compliant drone flies out when it
                                       ///< can be out this soon, and lands where it is otherwise
    core::Millis defaultEndurance = 1800000; ///< battery of a flight that gives none: 30 min
    double nearMissDistance = 50.0;    ///< [m] horizontal
    double nearMissHeight = 30.0;      ///< [m] vertical
    core::Millis nearMissEvery = 5000; ///< how often proximity is checked
    /// Pairs of drones a run may compare for near misses before the checks stop (a test lowers it).
    std::int64_t nearMissPairBudget = scenario::limits::kMaxNearMissPairs;
};

/// Builds the world at the scenario's start: expands generated traffic from
/// the seed, works out each zone's windows in force, orders departures.
World makeWorld(const scenario::Scenario& scenario, std::shared_ptr<const ZoneIndex> index = nullptr,
                const Model& model = {});

/// Advances one tick: timeline events, zone switches, departures and their
/// verdicts, motion, zone entries and exits, near misses. Appends to
/// world.events (the caller clears it) and world.verdicts.
void step(const scenario::Scenario& scenario, World& world, const Model& model = {});

/// Whether the run is over: past the end time.
bool finished(const scenario::Scenario& scenario, const World& world);

/// Steps until the end (or until `until`), collecting every event; calls
/// `progress` with the share done [0, 1] now and then.
std::vector<Event> runToEnd(const scenario::Scenario& scenario, World& world, const Model& model = {},
                            core::Instant until = -1, const std::function<void(double)>& progress = {});

/// A responder's success: a flying drone lands where it is (`Land`) or flies
/// home and lands (`Return`) from now on. Emits nothing; false when the drone
/// is not in the air.
bool forceDown(const scenario::Scenario& scenario, World& world, const Model& model, std::size_t drone,
               scenario::BreachAction action);

/// Whether a zone is in force at an instant, and (with `knownAt`) whether
/// operators could know it then.
bool zoneActive(const ZoneState& zone, core::Instant at);
bool zoneKnownActive(const ZoneState& zone, core::Instant at, core::Instant knownAt);

} // namespace nofly::sim
