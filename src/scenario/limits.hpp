// The limits of what nofly reads, in one place. Scenario files travel between
// strangers: no input may make a check or a run take unbounded time or
// memory, and each limit is refused with an error at the line that passes it,
// naming the limit. docs/hardening.md lists them with the reasons for each
// value.
#pragma once

#include "core/diagnostic.hpp"
#include "scenario/model.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace nofly::scenario {

/// Largest scenario or included file accepted. [bytes]
inline constexpr std::size_t kMaxFileBytes = 8u << 20;
/// Largest file `nofly import` and `include:` read as real data. [bytes]
inline constexpr std::size_t kMaxImportBytes = 64u << 20;

namespace limits {

/// Deepest nesting of lists and mappings in a YAML or JSON file (the
/// deepest shipped scenario nests 7).
inline constexpr int kMaxNesting = 64;
/// Most values in a YAML file, counting a value each time an alias repeats it
/// (so that `&a [*a, *a, ...]` repeated cannot grow without end). An 8 MiB
/// file of numbers holds about as many.
inline constexpr std::size_t kMaxValues = 1'000'000;
/// Most files a scenario includes. An included file includes nothing (its
/// keys are lists of elements only), so includes are one level deep.
inline constexpr std::size_t kMaxIncludes = 100;
/// Most zones of a scenario, included ones counted.
inline constexpr std::size_t kMaxZones = 20'000;
/// Most points of one polygon ring, corridor path or imported ring: checked
/// before the ring is tested for crossings, a cost that grows with the square
/// of its points (50,000 take about 2 s).
inline constexpr std::size_t kMaxRingPoints = 50'000;
/// Most corners of all zones together (a circle counts one).
inline constexpr std::size_t kMaxVertices = 2'000'000;
/// Most drones of a run: flights written out plus traffic counts.
inline constexpr std::size_t kMaxDrones = 100'000;
/// Most simulation steps of a run (duration / step).
inline constexpr std::int64_t kMaxSteps = 10'000'000;
/// Most drone-steps of a run (drones times steps): 100,000 drones for
/// 5.5 hours at a 1 s step, about 7 minutes at the measured 5 M/s.
inline constexpr std::int64_t kMaxDroneSteps = 2'000'000'000;

/// Corners of a region's polygons and corridors (a circle counts one).
std::size_t vertexCount(const core::Region& region);

/// "too many points: 60,000 (limit 50,000)" when a ring has more than
/// kMaxRingPoints; empty otherwise.
std::string ringProblem(std::size_t points);

/// "too many zones: 20,001 (limit 20,000)" when there are more than
/// kMaxZones, checked before any is read; empty otherwise.
std::string zonesProblem(std::size_t zones);

/// Checks the counts of a loaded scenario (corners, drones, steps,
/// drone-steps) and reports each limit passed, at the element that passes it
/// (the steps at `timeAt`, the scenario's `time:`).
void checkCounts(const Scenario& scenario, const core::SourceLocation& timeAt, core::Diagnostics& diagnostics);

} // namespace limits
} // namespace nofly::scenario
