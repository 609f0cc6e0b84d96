// Internal to sim: near misses, pairs of drones in the air closer than the
// near-miss distance, checked every few seconds on a grid of cells.
#pragma once

#include "sim/detail/context.hpp"

namespace nofly::sim::detail {

/// Pairs of drones closer than the near-miss distance, found on a uniform grid
/// of cells as wide as that distance: a drone is compared only with the drones
/// of its own cell and of the eight around it, so a check costs in proportion
/// to the drones and to the pairs that are really near each other, never to
/// the square of all the drones. A pair close now that was not close at the
/// last check is a near miss (once per encounter), emitted in order of the
/// first drone, then the second. Past limits::kMaxNearMissEvents in one check,
/// near misses are counted, not listed: one summary event a category (its
/// `other` empty, its value the count) keeps `near_misses` true. The pairs a
/// check will compare are counted from the cells before any is compared; past
/// Tuning::nearMissPairBudget (limits::kMaxNearMissPairs) for the run the
/// checks stop, and a note says so (docs/simulation.md).
void nearMisses(Context& c);

} // namespace nofly::sim::detail
