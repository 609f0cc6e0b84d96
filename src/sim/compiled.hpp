// A scenario made ready to run (the MuJoCo mjModel to the World's mjData).
// Its job is to hold everything derived from a scenario that no run changes:
// the drone and operator tuning, the spatial indexes of the zones and of the
// obstacles, and when each zone is in force. It is built once, by compile(), and shared by every run
// of the scenario: the seeds of `compare` and `sweep`, the window's replays.
// A World holds only what changes during one run.
#pragma once

#include "core/time.hpp"
#include "scenario/limits.hpp"
#include "scenario/model.hpp"
#include "sim/zone_index.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace nofly::sim {

/// Fixed parameters of the drone and operator models, the same for every
/// run of a scenario.
struct Tuning {
    double climbRate = 3.0;               ///< [m/s]
    double descentRate = 2.0;             ///< [m/s]
    double turnRate = 1.5707963267948966; ///< [rad/s] turning on the spot at a waypoint (90 deg/s)
    double clearance = 100.0;             ///< [m] how far a rerouting operator stays from a zone's edge
    core::Millis maxWait = 3600000;       ///< a compliant operator waits at most this long for a zone to end
    core::Millis maxWayOut = 120000; ///< caught inside a zone that switched on, a compliant drone flies out
                                     ///< when it can be out this soon, and lands where it is otherwise
    core::Millis defaultEndurance = 1800000; ///< battery of a flight that gives none: 30 min
    double nearMissDistance = 50.0;          ///< [m] horizontal
    double nearMissHeight = 30.0;            ///< [m] vertical
    core::Millis nearMissEvery = 5000;       ///< how often proximity is checked
    /// Pairs of drones a run may compare for near misses before the checks stop (a test lowers it).
    std::int64_t nearMissPairBudget = scenario::limits::kMaxNearMissPairs;
};

/// A zone's time in force: [from, to), and since when operators know it
/// (scenario::windowsInForce says when).
using ActiveWindow = scenario::InForceWindow;

/// What compile() derives from a scenario. Immutable once built; copies share
/// the scenario and the index.
struct CompiledScenario {
    std::shared_ptr<const scenario::Scenario> scenario;
    Tuning tuning;
    std::shared_ptr<const ZoneIndex> index;
    std::shared_ptr<const ZoneIndex>
        obstacles; ///< the obstacles, for line-of-sight ray casts; null when none
    /// One list per zone (Scenario::zones order): when it is in force, from scenario::windowsInForce.
    std::vector<std::vector<ActiveWindow>> windows;

    std::span<const ActiveWindow> windowsOf(int zone) const {
        return windows[static_cast<std::size_t>(zone)];
    }
};

/// Builds the indexes and every zone's windows in force, once.
CompiledScenario compile(std::shared_ptr<const scenario::Scenario> scenario, const Tuning& tuning = {});
/// The same, for a scenario the caller hands over (or copies).
CompiledScenario compile(scenario::Scenario scenario, const Tuning& tuning = {});

/// Whether a zone with these windows is in force at an instant, and (with
/// `knownAt`) whether operators could know it then.
bool zoneActive(std::span<const ActiveWindow> windows, core::Instant at);
bool zoneKnownActive(std::span<const ActiveWindow> windows, core::Instant at, core::Instant knownAt);

} // namespace nofly::sim
