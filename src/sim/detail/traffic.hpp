// Internal to sim: what a run starts with. Its job is to expand the
// scenario's traffic into flights: the written ones, then the generated ones,
// each with its behaviour drawn from a stream of its own, keyed by the run's
// seed.
#pragma once

#include "sim/simulation.hpp"

#include <cstdint>
#include <vector>

namespace nofly::sim::detail {

/// Flights written out, then the generated ones, each with its behaviour.
std::vector<FlightPlan> expandTraffic(const scenario::Scenario& s, const Tuning& tuning, std::uint64_t seed);

} // namespace nofly::sim::detail
