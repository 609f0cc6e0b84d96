#include "scenario/model.hpp"

#include "scenario/keys.hpp"

#include <algorithm>

namespace nofly::scenario {

std::string_view name(Restriction restriction) {
    return keys::kRestrictions(restriction);
}
std::string_view name(Reason reason) {
    return keys::kReasons(reason);
}
std::string_view name(Behaviour behaviour) {
    return keys::kBehaviours(behaviour);
}
std::string_view name(OperatorKind kind) {
    return keys::kKinds(kind);
}
std::string_view name(SensorType type) {
    return keys::kSensorTypes(type);
}
std::string_view name(ResponderType type) {
    return keys::kResponderTypes(type);
}
std::string_view name(BreachAction action) {
    return keys::kBreachActions(action);
}
std::string_view name(EventType type) {
    return keys::kEventTypes(type);
}

std::string TimelineEvent::shownText() const {
    if (illustrative == Illustrative::No) return text;
    const std::string mark = illustrative == Illustrative::Time ? "(time illustrative)" : "(illustrative)";
    return text.empty() ? mark : text + " " + mark;
}

template <typename T>
static const T* findById(const std::vector<T>& items, std::string_view id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

const Zone* Scenario::zone(std::string_view id) const { return findById(zones, id); }
const Category* Scenario::category(std::string_view id) const { return findById(categories, id); }
const Flight* Scenario::flight(std::string_view id) const { return findById(flights, id); }

/// The policy `variant` names: the scenario as written for "" or "base", else the declared
/// variant (null when the file declares none of that id).
static const Variant* findPolicy(const Scenario& s, std::string_view variant) {
    if (variant.empty() || variant == kBaseVariant) return &s.policy;
    return findById(s.variants, variant);
}

std::string Scenario::policyName(std::string_view id) const {
    const Variant* v = findPolicy(*this, id);
    if (v && !v->name.empty()) return v->name;
    return id.empty() ? std::string(kBaseVariant) : std::string(id);
}

std::string Scenario::policyDescription(std::string_view id) const {
    const Variant* v = findPolicy(*this, id);
    return v ? v->description : std::string();
}

bool Expectation::appliesTo(const std::string& variant) const {
    if (variants.empty()) return true;
    const std::string name = variant.empty() ? std::string(kBaseVariant) : variant;
    return std::find(variants.begin(), variants.end(), name) != variants.end();
}

bool scheduledActive(const Activation& activation, Instant at, int utcOffsetMinutes) {
    if (activation.always()) return true;
    for (const TimeWindow& w : activation.windows)
        if (at >= w.from && at < w.to) return true;
    if (activation.weekly.empty()) return false;

    // a slot may run past midnight: look at today's slots and yesterday's
    constexpr Millis kDay = 24LL * 3600 * 1000;
    const int today = core::dayOfWeek(at, utcOffsetMinutes);
    const Millis sinceMidnight = core::timeOfDay(at, utcOffsetMinutes);
    for (const WeeklySlot& slot : activation.weekly) {
        for (int back = 0; back <= 1; ++back) {
            const int day = (today - back + 7) % 7;
            const Millis t = sinceMidnight + back * kDay;
            if (std::find(slot.days.begin(), slot.days.end(), day) != slot.days.end() && t >= slot.from && t < slot.to)
                return true;
        }
    }
    return false;
}

std::vector<InForceWindow> windowsInForce(const Scenario& s, std::size_t z) {
    const Zone& zone = s.zones[z];
    const Activation& a = zone.active;
    const int offset = s.time.utcOffsetMinutes;
    std::vector<InForceWindow> windows;
    // a zone the timeline switches on is off until then
    const bool switchedOn = std::any_of(s.timeline.begin(), s.timeline.end(), [&](const TimelineEvent& e) {
        return e.zone == zone.id && (e.type == EventType::Activate || e.type == EventType::Announce);
    });
    if (a.always() && !switchedOn) windows.push_back({-kFarTime, kFarTime, -kFarTime, -kFarTime, kFarTime});
    for (const TimeWindow& w : a.windows)
        windows.push_back({w.from, w.to, -kFarTime, -kFarTime, kFarTime});
    if (!a.weekly.empty()) {
        // every day of the run, and the day before for slots past midnight
        const Millis day = 86400000LL;
        const Instant firstMidnight = s.time.start - core::timeOfDay(s.time.start, offset) - day;
        for (Instant midnight = firstMidnight; midnight <= s.time.end; midnight += day) {
            const int weekday = core::dayOfWeek(midnight, offset);
            for (const WeeklySlot& slot : a.weekly)
                if (std::find(slot.days.begin(), slot.days.end(), weekday) != slot.days.end())
                    windows.push_back({midnight + slot.from, midnight + slot.to, -kFarTime, -kFarTime, kFarTime});
        }
    }
    if (!a.afterEvent.empty())
        for (const TimelineEvent& e : s.timeline)
            if (e.id == a.afterEvent) {
                const Instant effect = e.at + (e.type == EventType::Announce ? e.notice.value_or(0) : 0);
                windows.push_back({effect, a.eventDuration ? effect + *a.eventDuration : kFarTime, e.at, e.at, kFarTime});
            }
    // timeline switches that the zone does not wait for by name
    for (const TimelineEvent& e : s.timeline) {
        if (e.zone != zone.id || (!e.id.empty() && a.afterEvent == e.id)) continue;
        if (e.type == EventType::Activate) windows.push_back({e.at, kFarTime, e.at, e.at, kFarTime});
        if (e.type == EventType::Announce)
            windows.push_back({e.at + e.notice.value_or(0), kFarTime, e.at, e.at, kFarTime});
        if (e.type == EventType::Deactivate)
            for (InForceWindow& w : windows)
                if (w.from < e.at && w.to > e.at) {
                    // known from the deactivate's own time; until then, the end it had
                    if (w.endKnown < e.at) w.endBefore = w.to;
                    w.endKnown = e.at;
                    w.to = e.at;
                }
    }
    std::stable_sort(windows.begin(), windows.end(),
                     [](const InForceWindow& x, const InForceWindow& y) { return x.from < y.from; });
    return windows;
}

std::vector<Vec2> takeOffGrid(const core::Region& area, const core::Region& landEverywhere) {
    std::vector<Vec2> out;
    const core::Box box = core::bounds(area);
    // only the land near the area: a detailed basemap's other islands and countries are thousands of points
    core::Region land;
    for (const core::Polygon& polygon : landEverywhere.polygons) {
        if (polygon.outer.empty()) continue;
        core::Box b{polygon.outer.front(), polygon.outer.front()};
        for (const Vec2& v : polygon.outer) {
            b.min = {std::min(b.min.x, v.x), std::min(b.min.y, v.y)};
            b.max = {std::max(b.max.x, v.x), std::max(b.max.y, v.y)};
        }
        if (b.min.x <= box.max.x && b.max.x >= box.min.x && b.min.y <= box.max.y && b.max.y >= box.min.y)
            land.polygons.push_back(polygon);
    }
    // no land near it: none in it (an empty region would mean "no basemap" below)
    if (!landEverywhere.polygons.empty() && land.polygons.empty()) return out;
    const double dx = (box.max.x - box.min.x) / kTakeOffGrid, dy = (box.max.y - box.min.y) / kTakeOffGrid;
    // Row by row, where each polygon's rings cross the row, with the crossing rule of
    // core::contains (an edge counts when its ends are on either side of the row, half-open):
    // a point is in a polygon when an odd number of its crossings lie right of it. A coast of
    // tens of thousands of points is then walked 64 times, not 4,096 times.
    std::vector<std::vector<double>> crossings(land.polygons.size());
    for (int j = 0; j < kTakeOffGrid; ++j) {
        const double y = box.min.y + (j + 0.5) * dy;
        for (std::size_t k = 0; k < land.polygons.size(); ++k) {
            std::vector<double>& xs = crossings[k];
            xs.clear();
            auto cross = [&](const core::Ring& ring) {
                for (std::size_t i = 0, h = ring.size() - 1; i < ring.size(); h = i++) {
                    const Vec2 a = ring[h], b = ring[i];
                    if ((a.y > y) != (b.y > y)) xs.push_back(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
                }
            };
            cross(land.polygons[k].outer);
            for (const core::Ring& hole : land.polygons[k].holes)
                if (!hole.empty()) cross(hole);
            std::sort(xs.begin(), xs.end());
        }
        for (int i = 0; i < kTakeOffGrid; ++i) {
            const Vec2 p{box.min.x + (i + 0.5) * dx, y};
            if (!core::contains(area, p)) continue;
            const bool onLand =
                land.polygons.empty() ||
                std::any_of(crossings.begin(), crossings.end(), [&](const std::vector<double>& xs) {
                    return (xs.end() - std::upper_bound(xs.begin(), xs.end(), p.x)) % 2 == 1;
                });
            if (onLand) out.push_back(p);
        }
    }
    return out;
}

bool isExempt(const Zone& zone, const std::string& category) {
    return std::find(zone.exempt.begin(), zone.exempt.end(), category) != zone.exempt.end();
}

bool holdsStandingAuthorisation(const Category& category, const Zone& zone) {
    return std::find(category.authorisations.begin(), category.authorisations.end(), zone.id) !=
           category.authorisations.end();
}

bool grantNames(const Zone& zone, const Category& category) {
    for (const std::string& g : zone.grant) {
        if (g == "all" || g == category.id) return true;
        if (g == "critical" && category.critical) return true;
        if (g == name(category.kind)) return true;
    }
    return false;
}

bool offersDispensation(const Zone& zone, const Category& category) {
    return zone.restriction == Restriction::Prohibited && zone.dispensations && grantNames(zone, category);
}

} // namespace nofly::scenario
