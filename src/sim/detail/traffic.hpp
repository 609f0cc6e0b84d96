// Internal to sim: what a run starts with. Its job is to expand the
// scenario's traffic into flights (the written ones, then the generated ones,
// each with its behaviour drawn from a stream of its own) and to work out when
// each zone is in force.
#pragma once

#include "sim/simulation.hpp"

#include <vector>

namespace nofly::sim::detail {

/// The windows in force of every zone, from its schedule and the timeline.
std::vector<ZoneState> zoneStates(const scenario::Scenario& s);

/// Flights written out, then the generated ones, each with its behaviour.
std::vector<FlightPlan> expandTraffic(const scenario::Scenario& s, const Model& model);

} // namespace nofly::sim::detail
