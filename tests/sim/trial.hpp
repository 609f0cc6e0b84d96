// A scenario written inline, run to its end through the real loader and
// simulation, with what the sim tests ask of it: a flight's drone, events and
// last verdict card, and a clock time of the day.
#pragma once

#include "core/diagnostic.hpp"
#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace nofly::sim::testing {

struct Trial {
    scenario::Scenario scenario;
    World world;
    std::vector<Event> events;

    int index(const std::string& id) const {
        for (std::size_t i = 0; i < world.flights.size(); ++i)
            if (world.flights[i].flight.id == id) return static_cast<int>(i);
        throw std::runtime_error("no flight " + id);
    }
    const Drone& drone(const std::string& id) const {
        return world.drones[static_cast<std::size_t>(index(id))];
    }
    /// A flight's events of one type, in order.
    std::vector<Event> of(const std::string& id, EventType type) const {
        std::vector<Event> out;
        for (const Event& e : events)
            if (e.flight == index(id) && e.type == type) out.push_back(e);
        return out;
    }
    /// A flight's last verdict card.
    const Verdict& verdict(const std::string& id) const {
        const Verdict* last = nullptr;
        for (const Verdict& v : world.verdicts)
            if (v.flight == index(id)) last = &v;
        if (!last) throw std::runtime_error("no verdict for " + id);
        return *last;
    }
    /// The one request a flight made.
    const Event& request(const std::string& id) const {
        for (const Event& e : events)
            if (e.flight == index(id) && e.type == EventType::AuthorisationRequested) return e;
        throw std::runtime_error("no request by " + id);
    }
    /// A clock time of the day of a scenario that starts at 10:00 [ms].
    core::Instant at(int hour, int minute) const {
        return scenario.time.start + (static_cast<core::Instant>(hour - 10) * 60 + minute) * 60000;
    }
};

/// Loads `text` (with a variant) and runs it to its end on `seed` (0: the scenario's own); a text
/// that does not load throws with its diagnostics.
inline Trial runTrial(const std::string& text, const std::string& variant = "", std::uint64_t seed = 0) {
    scenario::LoadResult r = scenario::loadScenarioText(text, "test.yaml", {variant, {}, {}});
    std::string printed;
    for (const auto& d : r.diagnostics.all())
        printed += core::format(d) + "\n";
    if (!r.scenario) throw std::runtime_error(printed);
    Trial out{*r.scenario, {}, {}};
    const CompiledScenario compiled = compile(out.scenario);
    out.world = makeWorld(compiled, seed ? seed : out.scenario.seed);
    out.events = runToEnd(compiled, out.world);
    return out;
}

} // namespace nofly::sim::testing
