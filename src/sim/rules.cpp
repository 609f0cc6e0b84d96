#include "sim/rules.hpp"

#include "sim/simulation.hpp"

#include <algorithm>
#include <cmath>

namespace nofly::sim {

using scenario::Restriction;

std::vector<Crossing> crossings(const ZoneIndex& index, const std::vector<Segment>& plan) {
    std::vector<Crossing> out;
    std::vector<int> here;        // zones at the last standing point
    core::Vec2 herePoint{};
    bool hereKnown = false;
    for (const Segment& s : plan) {
        const double length = core::distance(s.p0, s.p1);
        if (s.kind != Segment::Cruise || length <= 0.0) {
            // standing still (climbing, turning, hovering, descending): inside where it stands
            if (!hereKnown || !(herePoint == s.p0)) {
                here = index.zonesAt(s.p0);
                herePoint = s.p0;
                hereKnown = true;
            }
            for (int zone : here) out.push_back({zone, s.t0, s.t1, s.p0, s.p0, std::max(s.alt0, s.alt1)});
            continue;
        }
        const double duration = static_cast<double>(s.t1 - s.t0);
        for (const ZoneInterval& i : index.intervals(s.p0, s.p1)) {
            const auto at = [&](double d) { return s.t0 + static_cast<core::Instant>(std::llround(duration * d / length)); };
            const core::Vec2 dir = (s.p1 - s.p0) * (1.0 / length);
            out.push_back({i.zone, at(i.enter), at(i.leave), s.p0 + dir * i.enter, s.p0 + dir * i.leave, s.alt0});
        }
    }
    // one crossing per stay: join stretches of the same zone that follow each other
    std::stable_sort(out.begin(), out.end(), [](const Crossing& a, const Crossing& b) {
        return a.zone != b.zone ? a.zone < b.zone : a.from < b.from;
    });
    std::vector<Crossing> joined;
    for (const Crossing& c : out) {
        if (!joined.empty() && joined.back().zone == c.zone && c.from <= joined.back().to) {
            if (c.to > joined.back().to) {
                joined.back().to = c.to;
                joined.back().leaveAt = c.leaveAt;
            }
        } else {
            joined.push_back(c);
        }
    }
    // a graze (the track touches the zone's edge and spends no time inside, not a millisecond) is no stay:
    // the edge counts as inside, but a flight passing over one point of it neither enters nor violates
    joined.erase(
        std::remove_if(joined.begin(), joined.end(), [](const Crossing& c) { return c.to <= c.from; }),
        joined.end());
    std::stable_sort(joined.begin(), joined.end(), [](const Crossing& a, const Crossing& b) {
        return a.from != b.from ? a.from < b.from : a.zone < b.zone;
    });
    return joined;
}

bool grants(const scenario::Zone& zone, const scenario::Category& category) {
    return scenario::grantNames(zone, category);
}

Judgement judge(const CompiledScenario& compiled, int zoneIndex, const scenario::Category& category,
                double altitude, core::Instant from, core::Instant to, core::Instant knownAt,
                const std::vector<int>& authorised) {
    const scenario::Zone& zone = compiled.scenario->zones[static_cast<std::size_t>(zoneIndex)];
    const std::span<const ActiveWindow> windows = compiled.windowsOf(zoneIndex);
    Judgement j;
    j.finding.zone = zoneIndex;
    j.finding.restriction = zone.restriction;
    j.finding.from = from;
    j.finding.to = to;
    auto none = [&](FindingReason reason) {
        j.finding.applies = false;
        j.finding.reason = reason;
        return j;
    };

    if (zone.restriction == Restriction::NoRestriction) return none(FindingReason::NoRestriction);
    if (scenario::isExempt(zone, category.id)) return none(FindingReason::Exempt);

    // heights: ground is taken as sea level, a fair approximation for Denmark (highest point 171 m)
    j.finding.altitude = altitude;
    const double floor = zone.altitude.floor.metres;
    if (altitude < floor) {
        j.finding.limit = floor;
        return none(FindingReason::BelowFloor);
    }
    if (zone.altitude.ceiling && altitude > zone.altitude.ceiling->metres) {
        j.finding.limit = zone.altitude.ceiling->metres;
        return none(FindingReason::AboveCeiling);
    }

    // in force while the flight is inside, as far as the operator can know
    const ActiveWindow* window = nullptr;
    for (const ActiveWindow& w : windows)
        if (w.known <= knownAt && w.from <= to && scenario::endAsKnown(w, knownAt) > from) {
            window = &w;
            break;
        }
    if (!window) {
        for (const ActiveWindow& w : windows)
            if (w.from <= to && w.to > from) {
                j.finding.knownAt = knownAt;
                j.finding.windowFrom = w.from;
                j.finding.windowTo = w.to;
                return none(FindingReason::NotYetAnnounced);
            }
        return none(FindingReason::NotInForce);
    }
    j.finding.windowFrom = window->from;
    j.finding.windowTo = scenario::endAsKnown(*window, knownAt);

    // a standing authorisation is a dispensation: it lifts the zone for the category, whatever its
    // restriction
    if (scenario::holdsStandingAuthorisation(category, zone))
        return none(FindingReason::StandingAuthorisation);

    j.finding.applies = true;
    switch (zone.restriction) {
    case Restriction::Prohibited:
        // a category its dispensations are for may ask for one, as for an authorisation
        if (scenario::offersDispensation(zone, category)) {
            if (std::find(authorised.begin(), authorised.end(), zoneIndex) != authorised.end())
                return none(FindingReason::DispensationGranted);
            j.bearing = Bearing::NeedsAuthorisation;
            j.finding.reason = FindingReason::DispensationRequired;
            break;
        }
        j.bearing = Bearing::Prohibited;
        j.finding.reason = FindingReason::Prohibited;
        break;
    case Restriction::Authorisation:
        if (std::find(authorised.begin(), authorised.end(), zoneIndex) != authorised.end())
            return none(FindingReason::AuthorisationGranted);
        j.bearing = Bearing::NeedsAuthorisation;
        j.finding.reason =
            grants(zone, category) ? FindingReason::AuthorisationRequired : FindingReason::NeverGranted;
        break;
    case Restriction::Conditional:
        j.bearing = Bearing::Conditional;
        j.finding.reason = FindingReason::ConditionsApply;
        break;
    case Restriction::NoRestriction:
        break;
    }
    return j;
}

WhereAnswer where(const CompiledScenario& compiled, core::Vec2 at, core::Instant time, double altitude,
                  const std::string& categoryId) {
    const scenario::Scenario& scenario = *compiled.scenario;
    WhereAnswer answer;
    const scenario::Category* category = scenario.category(categoryId);
    if (!category) return answer;
    answer.category = static_cast<int>(category - scenario.categories.data());
    bool prohibited = false, refused = false, authorisation = false;
    for (int z : compiled.index->zonesAt(at)) {
        Judgement j = judge(compiled, z, *category, altitude, time, time, time, {});
        prohibited = prohibited || j.bearing == Bearing::Prohibited;
        // an authorisation the zone never grants the category is refused at once, as in a run
        const bool grantable = grants(scenario.zones[static_cast<std::size_t>(z)], *category);
        refused = refused || (j.bearing == Bearing::NeedsAuthorisation && !grantable);
        authorisation = authorisation || j.bearing == Bearing::NeedsAuthorisation;
        answer.zones.push_back(std::move(j));
    }
    if (prohibited || refused) {
        answer.outcome = Outcome::Denied;
        answer.reason = prohibited ? WhereReason::Prohibited : WhereReason::NeverGranted;
    } else if (authorisation) {
        answer.outcome = Outcome::Pending;
        answer.reason = WhereReason::NeedsAuthorisation;
    } else {
        answer.outcome = Outcome::Allowed;
        answer.reason = answer.zones.empty() ? WhereReason::NoZone : WhereReason::NothingForbids;
    }
    return answer;
}

} // namespace nofly::sim
