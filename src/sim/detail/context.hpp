// Internal to sim: what every part of a step works with. Its job is to hold
// the scenario, the world and the compiled scenario of one step together, with the
// lookups and the event making that plans, verdicts, near misses and zone
// switches all need.
#pragma once

#include "scenario/model.hpp"
#include "sim/simulation.hpp"
#include "sim/world.hpp"

#include <algorithm>
#include <functional>
#include <vector>

namespace nofly::sim::detail {

inline bool contains(const std::vector<int>& v, int x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

inline void removeValue(std::vector<int>& v, int x) {
    v.erase(std::remove(v.begin(), v.end(), x), v.end());
}

struct Context {
    const scenario::Scenario& scenario; ///< *compiled.scenario
    World& world;
    const CompiledScenario& compiled;

    const FlightPlan& plan(const Drone& d) const { return world.flights[static_cast<std::size_t>(d.flight)]; }
    const scenario::Flight& flight(const Drone& d) const { return plan(d).flight; }
    const scenario::Category& category(const Drone& d) const {
        return *scenario.category(flight(d).category);
    }
    const scenario::Zone& zone(int z) const { return scenario.zones[static_cast<std::size_t>(z)]; }

    void emit(Event e) { world.events.push_back(std::move(e)); }
    /// An event now (or at `time`), about drone `d` and zone `zone` when given.
    Event event(EventType type, const Drone* d, int zone, core::Vec2 at,
                EventReason reason = EventReason::None, core::Instant time = -1) const {
        Event e;
        e.tick = world.tick;
        e.time = time < 0 ? world.now : time;
        e.type = type;
        e.reason = reason;
        if (d) e.flight = d->flight;
        e.zone = zone;
        e.at = at;
        return e;
    }
    void queueDeparture(std::size_t drone, core::Instant at) {
        world.departures.emplace_back(at, drone);
        std::push_heap(world.departures.begin(), world.departures.end(), std::greater<>());
    }
};

} // namespace nofly::sim::detail
