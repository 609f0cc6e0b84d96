// Internal to sim: flight plans. Their job is to turn a route into the
// straight pieces a drone flies (climb, turn on the spot, cruise, hover,
// descend), to say where a plan puts the drone at any moment, and to turn a
// plan into the events it will make (zone entries and exits, violations, the
// landing), kept small until they happen.
#pragma once

#include "core/geometry.hpp"
#include "sim/detail/context.hpp"
#include "sim/rules.hpp"

#include <vector>

namespace nofly::sim::detail {

core::Millis millis(double seconds);
double pathLength(const std::vector<core::Vec2>& path);
/// The route a flight means to fly, home again if it returns.
std::vector<core::Vec2> intendedPath(const scenario::Flight& f);

/// The segments of a flight along `path` from `t`: climb, then for each leg
/// turn on the spot and cruise, hover at waypoint `hoverAt`, descend.
std::vector<Segment> buildPlan(const std::vector<core::Vec2>& path, core::Instant t, double speed,
                               double altitude, std::size_t hoverAt, core::Millis hover, double startAltitude,
                               double startHeading, const Tuning& tuning);
/// Position, altitude and heading on a plan's segment at time t.
void sample(const Segment& s, core::Instant t, core::Vec2& position, double& altitude, double& heading);
/// The segment of a plan under way at time t (the last one after its end).
std::size_t segmentAt(const std::vector<Segment>& plan, core::Instant t);
/// The plan up to `t`, cut there.
std::vector<Segment> cutAt(const std::vector<Segment>& plan, core::Instant t);
/// Ends a plan when the battery does: a forced landing where it then is.
void limitEndurance(std::vector<Segment>& plan, core::Instant limit, const Tuning& tuning);
/// [m] the length of the plan's cruise segments.
double cruiseLength(const std::vector<Segment>& plan);

/// Replaces a flying drone's pending events with those of its plan from `from`
/// on: zone entries and exits while a zone is in force, violations of the zones
/// that apply, and the landing. `known` may carry the plan's crossings when
/// the caller has them already.
void schedule(Context& c, Drone& d, core::Instant from, const std::vector<Crossing>* known = nullptr);
/// Makes one of a drone's own events happen: its state changes, and the event goes out.
void apply(Context& c, Drone& d, const PendingEvent& p);

} // namespace nofly::sim::detail
