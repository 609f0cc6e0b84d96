// Internal to sim: the decisions about a flight. Their job is to run the
// pre-flight check in 4D at each departure time (and what its operator does
// about the answer: fly, ask, go around, wait or cancel), to react to a zone
// that switches on around or ahead of a flying drone, and to record each
// decision on a verdict card.
#pragma once

#include "sim/detail/context.hpp"
#include "sim/rules.hpp"

#include <vector>

namespace nofly::sim::detail {

/// Decides what happens to a flight at its departure time.
void decide(Context& c, std::size_t index);

/// A zone switched on around or ahead of a flying drone, unknown when it took
/// off: monitoring reports it, and a compliant operator (or a geofenced
/// autopilot) acts on it.
void breach(Context& c, std::size_t index, int zone, const ActiveWindow& window);

} // namespace nofly::sim::detail
