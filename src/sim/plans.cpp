#include "sim/detail/plans.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace nofly::sim::detail {

using core::Instant;
using core::Millis;
using core::Vec2;

namespace {

double headingOf(Vec2 d) {
    return std::atan2(d.x, d.y);
} // from north, clockwise

double turnAngle(double from, double to) {
    double d = std::fmod(to - from, 2.0 * std::numbers::pi);
    if (d > std::numbers::pi) d -= 2.0 * std::numbers::pi;
    if (d < -std::numbers::pi) d += 2.0 * std::numbers::pi;
    return d;
}

/// How far inside a zone a point is [m], or -1 when that is too costly to say.
/// One polygon or one disc: exact, with squared distances to the edges (the
/// general union distance of core geometry is far slower and this runs for
/// every stay). Other unions of a modest outline: core geometry. Country-sized
/// outlines: not measured.
double depthInside(const core::Region& region, Vec2 p) {
    const std::size_t parts = region.polygons.size() + region.circles.size() + region.corridors.size();
    if (parts == 1 && region.circles.size() == 1)
        return std::max(0.0, region.circles[0].radius - core::distance(p, region.circles[0].center));
    if (parts == 1 && region.polygons.size() == 1) {
        double best = std::numeric_limits<double>::infinity();
        auto ring = [&](const core::Ring& r) {
            for (std::size_t i = 0; i < r.size(); ++i) {
                const Vec2 a = r[i], b = r[(i + 1) % r.size()];
                const Vec2 ab = b - a, ap = p - a;
                const double len2 = core::dot(ab, ab);
                const double t = len2 > 0 ? std::clamp(core::dot(ap, ab) / len2, 0.0, 1.0) : 0.0;
                const Vec2 d = ap - ab * t;
                best = std::min(best, core::dot(d, d));
            }
        };
        ring(region.polygons[0].outer);
        for (const core::Ring& hole : region.polygons[0].holes)
            ring(hole);
        return std::sqrt(best);
    }
    std::size_t outline = region.circles.size() + region.corridors.size();
    for (const core::Polygon& polygon : region.polygons)
        outline += polygon.outer.size();
    return outline <= 1000 ? core::distanceToBoundary(region, p) : -1.0;
}

} // namespace

Millis millis(double seconds) {
    return static_cast<Millis>(std::llround(seconds * 1000.0));
}

double pathLength(const std::vector<Vec2>& path) {
    double total = 0.0;
    for (std::size_t i = 1; i < path.size(); ++i)
        total += core::distance(path[i - 1], path[i]);
    return total;
}

std::vector<Vec2> intendedPath(const scenario::Flight& f) {
    std::vector<Vec2> path = f.route;
    if (f.returnHome)
        for (std::size_t i = f.route.size() - 1; i-- > 0;)
            path.push_back(f.route[i]);
    return path;
}

// --- the pieces of a plan ----------------------------------------------------------

std::vector<Segment> buildPlan(const std::vector<Vec2>& path, Instant t, double speed, double altitude,
                               std::size_t hoverAt, Millis hover, double startAltitude, double startHeading,
                               const Tuning& tuning) {
    std::vector<Segment> plan;
    Vec2 p = path.front();
    double heading = startHeading;
    auto add = [&](Segment::Kind kind, Millis duration, Vec2 to, double altTo, double headingTo,
                   double altFrom) {
        Segment s;
        s.kind = kind;
        s.t0 = t;
        s.t1 = t + std::max<Millis>(duration, 0);
        s.p0 = p;
        s.p1 = to;
        s.alt0 = altFrom;
        s.alt1 = altTo;
        s.heading0 = heading;
        s.heading1 = headingTo;
        plan.push_back(s);
        t = s.t1;
        p = to;
        heading = headingTo;
    };
    if (altitude > startAltitude)
        add(Segment::Climb, millis((altitude - startAltitude) / tuning.climbRate), p, altitude, heading,
            startAltitude);
    for (std::size_t i = 1; i < path.size(); ++i) {
        const Vec2 d = path[i] - p;
        const double length = core::length(d);
        if (length <= 0.0) continue;
        const double h = headingOf(d);
        const Millis turn = millis(std::abs(turnAngle(heading, h)) / tuning.turnRate);
        if (turn > 0) add(Segment::Turn, turn, p, altitude, h, altitude);
        add(Segment::Cruise, millis(length / speed), path[i], altitude, h, altitude);
        if (i == hoverAt && hover > 0) add(Segment::Hover, hover, p, altitude, heading, altitude);
    }
    if (hoverAt == 0 && hover > 0) add(Segment::Hover, hover, p, altitude, heading, altitude);
    add(Segment::Descend, millis(altitude / tuning.descentRate), p, 0.0, heading, altitude);
    return plan;
}

void sample(const Segment& s, Instant t, Vec2& position, double& altitude, double& heading) {
    const double span = static_cast<double>(s.t1 - s.t0);
    const double f = span > 0 ? std::clamp(static_cast<double>(t - s.t0) / span, 0.0, 1.0) : 1.0;
    position = s.p0 + (s.p1 - s.p0) * f;
    altitude = s.alt0 + (s.alt1 - s.alt0) * f;
    heading = s.kind == Segment::Turn ? s.heading0 + turnAngle(s.heading0, s.heading1) * f : s.heading1;
}

std::size_t segmentAt(const std::vector<Segment>& plan, Instant t) {
    auto it = std::upper_bound(plan.begin(), plan.end(), t,
                               [](Instant value, const Segment& s) { return value < s.t1; });
    return it == plan.end() ? plan.size() - 1 : static_cast<std::size_t>(it - plan.begin());
}

std::vector<Segment> cutAt(const std::vector<Segment>& plan, Instant t) {
    std::vector<Segment> out;
    for (const Segment& s : plan) {
        if (s.t0 >= t) break;
        Segment cut = s;
        if (s.t1 > t) {
            double alt, heading;
            sample(s, t, cut.p1, alt, heading);
            cut.alt1 = alt;
            cut.heading1 = heading;
            cut.t1 = t;
        }
        out.push_back(cut);
    }
    return out;
}

void limitEndurance(std::vector<Segment>& plan, Instant limit, const Tuning& tuning) {
    if (plan.empty() || plan.back().t1 <= limit) return;
    std::vector<Segment> kept = cutAt(plan, limit);
    if (kept.empty()) return;
    const Segment& last = kept.back();
    Segment descend;
    descend.kind = Segment::Descend;
    descend.t0 = last.t1;
    descend.t1 = last.t1 + millis(last.alt1 / tuning.descentRate);
    descend.p0 = descend.p1 = last.p1;
    descend.alt0 = last.alt1;
    descend.heading0 = descend.heading1 = last.heading1;
    kept.push_back(descend);
    plan = std::move(kept);
}

double cruiseLength(const std::vector<Segment>& plan) {
    double total = 0.0;
    for (const Segment& s : plan)
        if (s.kind == Segment::Cruise) total += core::distance(s.p0, s.p1);
    return total;
}

// --- the events of a plan ------------------------------------------------------------

void schedule(Context& c, Drone& d, Instant from, const std::vector<Crossing>* known) {
    const scenario::Category& category = c.category(d);
    std::vector<PendingEvent> events;

    // stays inside each zone while it is in force
    struct Stay {
        int zone;
        Instant a, b;
        double altitude;
    };
    std::vector<Stay> stays;
    std::vector<Crossing> computed;
    if (!known) computed = crossings(*c.compiled.index, d.plan);
    for (const Crossing& x : known ? *known : computed) {
        if (x.to < from) continue;
        for (const ActiveWindow& w : c.compiled.windows[static_cast<std::size_t>(x.zone)]) {
            const Instant a = std::max(x.from, w.from), b = std::min(x.to, w.to);
            if (a >= b) continue; // a moment, not a stay: a graze, or a window that opens as it leaves
            stays.push_back({x.zone, a, b, x.altitude});
        }
    }
    auto where = [&](Instant t) {
        Vec2 p;
        double alt, heading;
        sample(d.plan[segmentAt(d.plan, t)], t, p, alt, heading);
        return p;
    };
    std::vector<int> stillInside;
    for (const Stay& s : stays) {
        const scenario::Zone& zone = c.zone(s.zone);
        const Judgement j =
            judge(c.compiled, s.zone, category, s.altitude, s.a, s.b, scenario::kFarTime, d.authorisedZones);
        // caught inside a zone that switched on around it, the drone leaves it by the rules: no violation
        const bool leaving = s.a <= from && contains(d.leaving, s.zone);
        const bool violation =
            !leaving && (j.bearing == Bearing::Prohibited || j.bearing == Bearing::NeedsAuthorisation);
        const bool alreadyInside = s.a <= from && contains(d.inside, s.zone);
        if (s.a <= from) stillInside.push_back(s.zone);
        const Instant a = std::max(s.a, from);
        if (!alreadyInside) {
            events.push_back({a, EventType::ZoneEntry, s.zone, 0.0, s.a});
            if (violation) events.push_back({a, EventType::ViolationStart, s.zone, 0.0, s.a});
        }
        // how deep inside at the middle of the stay
        const double depth = depthInside(zone.region, where((s.a + s.b) / 2));
        events.push_back({s.b, EventType::ZoneExit, s.zone, depth, s.a});
        if (violation)
            events.push_back(
                {s.b, EventType::ViolationEnd, s.zone, static_cast<double>(s.b - s.a) / 1000.0, s.a});
    }
    // zones it was inside that the new plan is not inside any more
    for (int z : d.inside)
        if (!contains(stillInside, z)) {
            events.push_back({from, EventType::ZoneExit, z, -1.0, from});
            if (contains(d.violating, z)) events.push_back({from, EventType::ViolationEnd, z, 0.0, from});
        }
    events.push_back({d.plan.back().t1, EventType::Landing, -1, 0.0, 0});
    std::stable_sort(events.begin(), events.end(),
                     [](const PendingEvent& a, const PendingEvent& b) { return a.time < b.time; });
    d.pending = std::move(events);
    d.nextEvent = 0;
}

void apply(Context& c, Drone& d, const PendingEvent& p) {
    Vec2 at;
    double altitude, heading;
    sample(d.plan[segmentAt(d.plan, p.time)], p.time, at, altitude, heading);
    Event e = c.event(p.type, &d, p.zone, at, EventReason::None, p.time);
    e.value = p.value;
    switch (p.type) {
    case EventType::ZoneEntry:
        d.inside.push_back(p.zone);
        if (contains(d.leaving, p.zone)) e.reason = EventReason::LeavingByTheRules;
        break;
    case EventType::ZoneExit:
        removeValue(d.inside, p.zone);
        removeValue(d.leaving, p.zone);
        if (p.value < 0) e.reason = EventReason::DepthUnknown;
        e.value = std::max(p.value, 0.0);
        e.when = p.since;
        break;
    case EventType::ViolationStart:
        d.violating.push_back(p.zone);
        ++d.violations;
        d.outcome = Outcome::Violated;
        break;
    case EventType::ViolationEnd:
        removeValue(d.violating, p.zone);
        d.violationSeconds += p.value;
        e.when = p.since;
        break;
    case EventType::Landing:
        d.phase = Phase::Landed;
        d.landedAt = p.time;
        e.figure = cruiseLength(d.plan);
        break;
    default: break;
    }
    c.emit(std::move(e));
}

} // namespace nofly::sim::detail
