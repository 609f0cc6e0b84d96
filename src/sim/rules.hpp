// The rules of the air, as a drone app applies them: which zones a flight
// meets, when, and whether each one applies to it (restriction, exemption,
// authorisation, altitude band, time in force). Shared by departure checks,
// in-flight monitoring and `nofly where`.
#pragma once

#include "scenario/model.hpp"
#include "sim/verdict.hpp"
#include "sim/world.hpp"

#include <vector>

namespace nofly::sim {

/// A stretch of a plan inside one zone's area, whether or not the zone is in
/// force then.
struct Crossing {
    int zone = -1;
    core::Instant from = 0, to = 0; ///< [ms]
    core::Vec2 enterAt, leaveAt;
    double altitude = 0.0;          ///< [m] AGL on the way in
};

/// Every crossing of a plan's horizontal legs (cruise segments and the
/// points where it climbs, hovers, turns or descends), in time order. A
/// zone's edge counts as inside; a graze (touching the edge for no time at
/// all, as a leg tangent to a disc does) is not a crossing.
std::vector<Crossing> crossings(const ZoneIndex& index, const std::vector<Segment>& plan);

/// How a zone bears on a flight.
enum class Bearing {
    None,               ///< does not apply: exempt, authorised, outside its heights, not in force
    Conditional,        ///< applies, allows the flight with conditions
    NeedsAuthorisation, ///< applies, needs an authorisation (or a dispensation) the flight does not hold
    Prohibited,         ///< applies, forbids the flight
};

struct Judgement {
    Bearing bearing = Bearing::None;
    ZoneFinding finding;
};

/// Whether an authorisation zone's `grant:` gives authorisations to a category (a prohibited zone's
/// `dispensations:`: dispensations; they are asked for and answered as authorisations are).
bool grants(const scenario::Zone& zone, const scenario::Category& category);

/// Whether zone `zoneIndex` applies to a flight of `category` at `altitude`
/// while it is inside during [from, to], as known at `knownAt`. `authorised`
/// lists zones for which this flight was granted an authorisation. The
/// finding says why as a reason code and figures (report/sentences.hpp words it).
Judgement judge(const CompiledScenario& compiled, int zoneIndex, const scenario::Category& category,
                double altitude, core::Instant from, core::Instant to, core::Instant knownAt,
                const std::vector<int>& authorised);

/// The overall answer of `where`, by the sentence it reads as.
enum class WhereReason : std::uint8_t {
    Prohibited,         ///< a zone here forbids the category then
    NeverGranted,       ///< a zone here needs an authorisation it never grants the category
    NeedsAuthorisation, ///< only with an authorisation
    NoZone,             ///< no zone here
    NothingForbids,     ///< zones here, none forbids it then
};

/// "Can I fly here?": the zones at a point and time and the overall verdict.
struct WhereAnswer {
    Outcome outcome = Outcome::Allowed; ///< Allowed, or Denied for prohibited; authorisation shows as findings
    WhereReason reason = WhereReason::NoZone;
    int category = -1; ///< Scenario::categories: the category asked about
    std::vector<Judgement> zones;
};
WhereAnswer where(const CompiledScenario& compiled, core::Vec2 at, core::Instant time, double altitude,
                  const std::string& category);

} // namespace nofly::sim
