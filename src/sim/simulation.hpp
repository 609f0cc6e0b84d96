// Running a scenario: compile it once, make a world per run, step it, and
// collect what happened. Deterministic: the same scenario, variant and seed
// give the same events, byte for byte. The simulation never reads a clock
// and never prints.
#pragma once

#include "scenario/model.hpp"
#include "sim/compiled.hpp"
#include "sim/world.hpp"

#include <cstdint>
#include <functional>

namespace nofly::sim {

/// A world at the scenario's start, for one seed: expands generated traffic
/// from the seed and orders departures.
World makeWorld(const CompiledScenario& compiled, std::uint64_t seed);

/// Advances one tick: timeline events, zone switches, departures and their
/// verdicts, motion, zone entries and exits, near misses. Appends to
/// world.events (the caller clears it) and world.verdicts.
void step(const CompiledScenario& compiled, World& world);

/// Whether the run is over: past the end time.
bool finished(const CompiledScenario& compiled, const World& world);

/// Steps until the end (or until `until`), collecting every event; calls
/// `progress` with the share done [0, 1] now and then.
std::vector<Event> runToEnd(const CompiledScenario& compiled, World& world, core::Instant until = -1,
                            const std::function<void(double)>& progress = {});

/// A responder's success: a flying drone lands where it is (`Land`) or flies
/// home and lands (`Return`) from now on. Emits nothing; false when the drone
/// is not in the air.
bool forceDown(const CompiledScenario& compiled, World& world, std::size_t drone,
               scenario::BreachAction action);

} // namespace nofly::sim
