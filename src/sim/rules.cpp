#include "sim/rules.hpp"

#include "sim/simulation.hpp"

#include <algorithm>
#include <cmath>

namespace nofly::sim {

using scenario::Restriction;

std::string describeWindow(core::Instant from, core::Instant to, const core::TimeFrame& frame) {
    constexpr core::Instant kFar = 1LL << 60;
    const bool open = to >= kFar / 2;
    const bool always = from <= -kFar / 2;
    if (always && open) return "at all times";
    if (always) return "until " + core::formatMoment(to, frame);
    if (open) return "from " + core::formatMoment(from, frame);
    return core::formatInterval(from, to, frame);
}

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
    for (const std::string& g : zone.grant) {
        if (g == "all" || g == category.id) return true;
        if (g == "critical" && category.critical) return true;
        if (g == scenario::name(category.kind)) return true;
    }
    return false;
}

Judgement judge(const scenario::Scenario& scenario, int zoneIndex, const ZoneState& state,
                const scenario::Category& category, double altitude, core::Instant from, core::Instant to,
                core::Instant knownAt, const std::vector<int>& authorised, int offset, bool reasons) {
    const scenario::Zone& zone = scenario.zones[static_cast<std::size_t>(zoneIndex)];
    Judgement j;
    j.finding.zone = zone.id;
    j.finding.restriction = zone.restriction;
    // the words are made only when asked for: the simulation judges far more often than it explains
    auto none = [&](auto&& why) {
        j.finding.applies = false;
        if (reasons) j.finding.why = why();
        return j;
    };
    const auto metres = [](double m) { return core::formatQuantity(m, core::Dimension::Length); };

    if (zone.restriction == Restriction::NoRestriction) return none([] { return std::string("no restriction"); });
    if (scenario::isExempt(zone, category.id)) return none([&] { return category.name + " are exempt"; });

    // heights: ground is taken as sea level, a fair approximation for Denmark (highest point 171 m)
    const double floor = zone.altitude.floor.metres;
    if (altitude < floor)
        return none([&] { return "flies at " + metres(altitude) + ", below the zone's floor of " + metres(floor); });
    if (zone.altitude.ceiling && altitude > zone.altitude.ceiling->metres)
        return none([&] {
            return "flies at " + metres(altitude) + ", above the zone's ceiling of " + metres(zone.altitude.ceiling->metres);
        });

    // in force while the flight is inside, as far as the operator can know
    const ActiveWindow* window = nullptr;
    for (const ActiveWindow& w : state.windows)
        if (w.known <= knownAt && w.from <= to && scenario::endAsKnown(w, knownAt) > from) {
            window = &w;
            break;
        }
    // the stay as words: "09:00-09:30", or "at 09:00" for a moment (nofly where), never "inside at 09:00"
    const core::TimeFrame frame{scenario.time.start, offset};
    const auto stay = [&](const char* before, const char* after) {
        const std::string words = describeWindow(from, to, frame);
        return words.starts_with("at ") ? words : before + words + after;
    };
    if (!window) {
        for (const ActiveWindow& w : state.windows)
            if (w.from <= to && w.to > from)
                return none([&] {
                    return "not yet announced at " + core::formatMoment(knownAt, frame) + " (in force " +
                           describeWindow(w.from, w.to, frame) + ")";
                });
        return none([&] { return "not in force " + stay("while the flight is inside (", ")"); });
    }
    const auto inForce = [&] {
        return "in force " + describeWindow(window->from, scenario::endAsKnown(*window, knownAt), frame) + ", " +
               stay("inside ", "");
    };

    // a standing authorisation is a dispensation: it lifts the zone for the category, whatever its
    // restriction
    if (scenario::holdsStandingAuthorisation(category, zone))
        return none([&] { return category.name + " hold a standing authorisation"; });

    j.finding.applies = true;
    switch (zone.restriction) {
    case Restriction::Prohibited:
        j.bearing = Bearing::Prohibited;
        if (reasons) j.finding.why = "prohibited, " + inForce();
        break;
    case Restriction::Authorisation:
        if (std::find(authorised.begin(), authorised.end(), zoneIndex) != authorised.end())
            return none([] { return std::string("authorisation granted for this flight"); });
        j.bearing = Bearing::NeedsAuthorisation;
        if (reasons)
            j.finding.why = "authorisation required, " + inForce() +
                            (grants(zone, category) ? "" : "; not granted to " + category.name);
        break;
    case Restriction::Conditional:
        j.bearing = Bearing::Conditional;
        if (reasons) j.finding.why = "conditions apply, " + inForce();
        break;
    case Restriction::NoRestriction:
        break;
    }
    return j;
}

WhereAnswer where(const scenario::Scenario& scenario, const World& world, core::Vec2 at, core::Instant time,
                  double altitude, const std::string& categoryId) {
    WhereAnswer answer;
    const scenario::Category* category = scenario.category(categoryId);
    if (!category) return answer;
    bool prohibited = false, refused = false, authorisation = false;
    for (int z : world.index->zonesAt(at)) {
        Judgement j = judge(scenario, z, world.zones[static_cast<std::size_t>(z)], *category, altitude, time, time,
                            time, {}, scenario.time.utcOffsetMinutes);
        prohibited = prohibited || j.bearing == Bearing::Prohibited;
        // an authorisation the zone never grants the category is refused at once, as in a run
        const bool grantable = grants(scenario.zones[static_cast<std::size_t>(z)], *category);
        refused = refused || (j.bearing == Bearing::NeedsAuthorisation && !grantable);
        authorisation = authorisation || j.bearing == Bearing::NeedsAuthorisation;
        answer.zones.push_back(std::move(j));
    }
    if (prohibited || refused) {
        answer.outcome = Outcome::Denied;
        answer.summary =
            "No: " + category->name + " may not fly here then." +
            (prohibited ? "" : " The authorisation it needs is never granted to " + category->name + ".");
    } else if (authorisation) {
        answer.outcome = Outcome::Pending;
        answer.summary = "Only with an authorisation: ask the zone's authority first.";
    } else {
        answer.outcome = Outcome::Allowed;
        answer.summary = answer.zones.empty() ? "Yes: no zone here." : "Yes: no zone here forbids it then.";
    }
    return answer;
}

} // namespace nofly::sim
