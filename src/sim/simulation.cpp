#include "sim/simulation.hpp"

#include "sim/planner.hpp"
#include "sim/rules.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <tuple>

namespace nofly::sim {

using core::Instant;
using core::Millis;
using core::Vec2;
using scenario::Behaviour;
using scenario::Scenario;

namespace {

constexpr Instant kFar = scenario::kFarTime;

// --- small helpers --------------------------------------------------------------

double headingOf(Vec2 d) { return std::atan2(d.x, d.y); } // from north, clockwise

double turnAngle(double from, double to) {
    double d = std::fmod(to - from, 2.0 * std::numbers::pi);
    if (d > std::numbers::pi) d -= 2.0 * std::numbers::pi;
    if (d < -std::numbers::pi) d += 2.0 * std::numbers::pi;
    return d;
}

Millis millis(double seconds) { return static_cast<Millis>(std::llround(seconds * 1000.0)); }

double pathLength(const std::vector<Vec2>& path) {
    double total = 0.0;
    for (std::size_t i = 1; i < path.size(); ++i) total += core::distance(path[i - 1], path[i]);
    return total;
}

/// A time for the class: dated when not on the start's day, or not on the day of `comparedWith` (now).
std::string clock(Instant t, const Scenario& s, std::optional<Instant> comparedWith = std::nullopt) {
    return core::formatMoment(t, s.time.frame(), comparedWith);
}

std::string km(double metres) { return core::formatQuantity(metres, core::Dimension::Length); }
/// A duration for people: to the second (under a second, as it is).
std::string lasting(double seconds) {
    return core::formatQuantity(seconds >= 1.0 ? std::round(seconds) : seconds, core::Dimension::Duration);
}

bool contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

void removeValue(std::vector<int>& v, int x) { v.erase(std::remove(v.begin(), v.end(), x), v.end()); }

// --- flight plans ---------------------------------------------------------------

/// The segments of a flight along `path` from `t`: climb, then for each leg
/// turn on the spot and cruise, hover at waypoint `hoverAt`, descend.
std::vector<Segment> buildPlan(const std::vector<Vec2>& path, Instant t, double speed, double altitude,
                               std::size_t hoverAt, Millis hover, double startAltitude, double startHeading,
                               const Model& model) {
    std::vector<Segment> plan;
    Vec2 p = path.front();
    double heading = startHeading;
    auto add = [&](Segment::Kind kind, Millis duration, Vec2 to, double altTo, double headingTo, double altFrom) {
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
        add(Segment::Climb, millis((altitude - startAltitude) / model.climbRate), p, altitude, heading, startAltitude);
    for (std::size_t i = 1; i < path.size(); ++i) {
        const Vec2 d = path[i] - p;
        const double length = core::length(d);
        if (length <= 0.0) continue;
        const double h = headingOf(d);
        const Millis turn = millis(std::abs(turnAngle(heading, h)) / model.turnRate);
        if (turn > 0) add(Segment::Turn, turn, p, altitude, h, altitude);
        add(Segment::Cruise, millis(length / speed), path[i], altitude, h, altitude);
        if (i == hoverAt && hover > 0) add(Segment::Hover, hover, p, altitude, heading, altitude);
    }
    if (hoverAt == 0 && hover > 0) add(Segment::Hover, hover, p, altitude, heading, altitude);
    add(Segment::Descend, millis(altitude / model.descentRate), p, 0.0, heading, altitude);
    return plan;
}

/// Position, altitude and heading on a plan at time t.
void sample(const Segment& s, Instant t, Vec2& position, double& altitude, double& heading) {
    const double span = static_cast<double>(s.t1 - s.t0);
    const double f = span > 0 ? std::clamp(static_cast<double>(t - s.t0) / span, 0.0, 1.0) : 1.0;
    position = s.p0 + (s.p1 - s.p0) * f;
    altitude = s.alt0 + (s.alt1 - s.alt0) * f;
    heading = s.kind == Segment::Turn ? s.heading0 + turnAngle(s.heading0, s.heading1) * f : s.heading1;
}

std::size_t segmentAt(const std::vector<Segment>& plan, Instant t) {
    auto it = std::upper_bound(plan.begin(), plan.end(), t, [](Instant value, const Segment& s) { return value < s.t1; });
    return it == plan.end() ? plan.size() - 1 : static_cast<std::size_t>(it - plan.begin());
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
        for (const core::Ring& hole : region.polygons[0].holes) ring(hole);
        return std::sqrt(best);
    }
    std::size_t outline = region.circles.size() + region.corridors.size();
    for (const core::Polygon& polygon : region.polygons) outline += polygon.outer.size();
    return outline <= 1000 ? core::distanceToBoundary(region, p) : -1.0;
}

/// The plan up to `t`, cut there.
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

/// Ends a plan when the battery does: a forced landing where it then is.
void limitEndurance(std::vector<Segment>& plan, Instant limit, const Model& model) {
    if (plan.empty() || plan.back().t1 <= limit) return;
    std::vector<Segment> kept = cutAt(plan, limit);
    if (kept.empty()) return;
    const Segment& last = kept.back();
    Segment descend;
    descend.kind = Segment::Descend;
    descend.t0 = last.t1;
    descend.t1 = last.t1 + millis(last.alt1 / model.descentRate);
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

// --- the world's pieces ---------------------------------------------------------

struct Context {
    const Scenario& scenario;
    World& world;
    const Model& model;

    const FlightPlan& plan(const Drone& d) const { return world.flights[static_cast<std::size_t>(d.flight)]; }
    const scenario::Flight& flight(const Drone& d) const { return plan(d).flight; }
    const scenario::Category& category(const Drone& d) const { return *scenario.category(flight(d).category); }
    const scenario::Zone& zone(int z) const { return scenario.zones[static_cast<std::size_t>(z)]; }

    void emit(Event e) { world.events.push_back(std::move(e)); }
    Event event(EventType type, const Drone* d, int zone, Vec2 at, std::string text, Instant time = -1) const {
        Event e;
        e.tick = world.tick;
        e.time = time < 0 ? world.now : time;
        e.type = type;
        if (d) e.flight = flight(*d).id;
        if (zone >= 0) e.zone = this->zone(zone).id;
        e.at = at;
        e.text = std::move(text);
        return e;
    }
    void queueDeparture(std::size_t drone, Instant at) {
        world.departures.emplace_back(at, drone);
        std::push_heap(world.departures.begin(), world.departures.end(), std::greater<>());
    }
};

/// The windows in force of every zone, from its schedule and the timeline.
std::vector<ZoneState> zoneStates(const Scenario& s) {
    std::vector<ZoneState> states(s.zones.size());
    for (std::size_t z = 0; z < s.zones.size(); ++z)
        states[z].windows = scenario::windowsInForce(s, z);
    return states;
}

/// The `a` of core::keyAt for the traffic's draws: each flight draws from a stream of its own, keyed
/// by its id (a written flight's behaviour) or by its generator and number, so that adding, removing
/// or changing one flight or generator moves no other flight.
constexpr std::uint64_t kBehaviourDraws = 1;
constexpr std::uint64_t kTrafficDraws = 2;

/// Flights written out, then the generated ones, each with its behaviour.
std::vector<FlightPlan> expandTraffic(const Scenario& s, const Model& model) {
    std::vector<FlightPlan> out;
    auto drawBehaviour = [&](core::Random& random, const scenario::Category& c,
                             const std::map<Behaviour, double>& mix) {
        const double u = random.uniform();
        if (!mix.empty()) {
            double cumulative = 0.0;
            for (const auto& [behaviour, share] : mix) {
                cumulative += share;
                if (u < cumulative) return behaviour;
            }
            return mix.rbegin()->first;
        }
        if (u < c.aware * c.comply) return Behaviour::Compliant;
        if (u < c.aware) return Behaviour::Reckless;
        return Behaviour::Unaware;
    };
    for (const scenario::Flight& f : s.flights) {
        FlightPlan plan;
        plan.flight = f;
        const scenario::Category& c = *s.category(f.category);
        core::Random random(core::keyAt(s.seed, kBehaviourDraws, core::textKey(f.id), 0));
        plan.behaviour = f.behaviour ? *f.behaviour : drawBehaviour(random, c, {});
        plan.endurance = f.endurance.value_or(model.defaultEndurance);
        out.push_back(std::move(plan));
    }
    for (const scenario::TrafficGenerator& g : s.traffic) {
        const scenario::Category& c = *s.category(g.category);
        const core::Box box = core::bounds(g.area);
        const int width = static_cast<int>(std::to_string(g.count).size());
        std::vector<Vec2> grid; // made when first needed
        for (int n = 1; n <= g.count; ++n) {
            core::Random random(
                core::keyAt(s.seed, kTrafficDraws, core::textKey(g.id), static_cast<std::uint64_t>(n)));
            FlightPlan plan;
            scenario::Flight& f = plan.flight;
            std::string number = std::to_string(n);
            f.id = g.id + "-" + std::string(static_cast<std::size_t>(width) - number.size(), '0') + number;
            f.category = g.category;
            f.where = g.where;
            f.depart = g.depart.from + static_cast<Instant>(random.below(static_cast<std::uint64_t>(g.depart.to - g.depart.from) + 1));
            const double duration = random.uniform(g.duration.lo, g.duration.hi + 1e-9);
            f.altitude = {random.uniform(g.altitude.lo, g.altitude.hi + 1e-9), core::AltitudeRef::AGL};
            f.speed = random.uniform(g.speed.lo, g.speed.hi + 1e-9);
            // take off (and land) somewhere in the area, on land when the map has land, fly out and back;
            // when the draws keep missing (a little land in a wide area), at a point of a grid over it,
            // which the loader made sure holds land
            std::optional<Vec2> home;
            for (int attempt = 0; attempt < 1000 && !home; ++attempt) {
                const Vec2 p{random.uniform(box.min.x, box.max.x), random.uniform(box.min.y, box.max.y)};
                if (core::contains(g.area, p) && (s.land.polygons.empty() || core::contains(s.land, p)))
                    home = p;
            }
            if (!home) {
                if (grid.empty()) grid = scenario::takeOffGrid(g.area, s.land);
                home = grid.empty() ? Vec2{(box.min.x + box.max.x) / 2, (box.min.y + box.max.y) / 2}
                                    : grid[static_cast<std::size_t>(random.below(grid.size()))];
            }
            const double heading = random.uniform(0.0, 2.0 * std::numbers::pi);
            const double overhead = 2.0 * f.altitude.metres / std::min(model.climbRate, model.descentRate) + std::numbers::pi / model.turnRate;
            const double reach = std::max(10.0, f.speed * (duration - overhead) / 2.0);
            f.route = {*home, *home + Vec2{std::sin(heading), std::cos(heading)} * reach};
            f.returnHome = true;
            plan.generator = g.id;
            plan.behaviour = drawBehaviour(random, c, g.behaviour);
            plan.endurance = millis(duration * 1.5);
            out.push_back(std::move(plan));
        }
    }
    return out;
}

// --- events of a plan -------------------------------------------------------------

/// Replaces a flying drone's pending events with those of its plan from `from`
/// on: zone entries and exits while a zone is in force, violations of the zones
/// that apply, and the landing. `known` may carry the plan's crossings when
/// the caller has them already.
void schedule(Context& c, Drone& d, Instant from, const std::vector<Crossing>* known = nullptr) {
    const scenario::Category& category = c.category(d);
    const int offset = c.scenario.time.utcOffsetMinutes;
    std::vector<PendingEvent> events;

    // stays inside each zone while it is in force
    struct Stay {
        int zone;
        Instant a, b;
        double altitude;
    };
    std::vector<Stay> stays;
    std::vector<Crossing> computed;
    if (!known) computed = crossings(*c.world.index, d.plan);
    for (const Crossing& x : known ? *known : computed) {
        if (x.to < from) continue;
        for (const ActiveWindow& w : c.world.zones[static_cast<std::size_t>(x.zone)].windows) {
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
        const Judgement j = judge(c.scenario, s.zone, c.world.zones[static_cast<std::size_t>(s.zone)], category,
                                  s.altitude, s.a, s.b, kFar, d.authorisedZones, offset, false);
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
        if (violation) events.push_back({s.b, EventType::ViolationEnd, s.zone, static_cast<double>(s.b - s.a) / 1000.0, s.a});
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

/// Makes one of a drone's own events happen: its state changes, and the full
/// event with position and words goes out.
void apply(Context& c, Drone& d, const PendingEvent& p) {
    Vec2 at;
    double altitude, heading;
    sample(d.plan[segmentAt(d.plan, p.time)], p.time, at, altitude, heading);
    const scenario::Zone* zone = p.zone >= 0 ? &c.zone(p.zone) : nullptr;
    const std::string spent = lasting(static_cast<double>(p.time - p.since) / 1000.0);
    Event e = c.event(p.type, &d, p.zone, at, {}, p.time);
    e.value = p.value;
    switch (p.type) {
    case EventType::ZoneEntry:
        d.inside.push_back(p.zone);
        e.text = (contains(d.leaving, p.zone) ? "is inside " : "enters ") + zone->name + " (" +
                 std::string(scenario::name(zone->restriction)) + ")" +
                 (contains(d.leaving, p.zone) ? " as it switches on, and leaves it by the rules" : "");
        break;
    case EventType::ZoneExit:
        removeValue(d.inside, p.zone);
        removeValue(d.leaving, p.zone);
        e.text = "leaves " + zone->name + " after " + spent + (p.value >= 0 ? ", " + km(p.value) + " inside at mid-stay" : "");
        e.value = std::max(p.value, 0.0);
        break;
    case EventType::ViolationStart:
        d.violating.push_back(p.zone);
        ++d.violations;
        d.outcome = Outcome::Violated;
        e.text = "violates " + zone->name + " (" + std::string(scenario::name(zone->restriction)) + ", in force)";
        break;
    case EventType::ViolationEnd:
        removeValue(d.violating, p.zone);
        d.violationSeconds += p.value;
        e.text = "ends its violation of " + zone->name + " after " + spent;
        break;
    case EventType::Landing:
        d.phase = Phase::Landed;
        d.landedAt = p.time;
        e.text = "lands after " + km(cruiseLength(d.plan)) + " flown";
        break;
    default: break;
    }
    c.emit(std::move(e));
}

// --- decisions --------------------------------------------------------------------

/// What a planner keeps out of: the outlines of these zones.
Obstacles obstaclesOf(const Context& c, const std::vector<int>& zones) {
    Obstacles out;
    for (int z : zones) {
        const core::Region& r = c.zone(z).region;
        out.polygons.insert(out.polygons.end(), r.polygons.begin(), r.polygons.end());
        out.circles.insert(out.circles.end(), r.circles.begin(), r.circles.end());
        out.corridors.insert(out.corridors.end(), r.corridors.begin(), r.corridors.end());
    }
    return out;
}

/// The route a flight means to fly, home again if it returns.
std::vector<Vec2> intendedPath(const scenario::Flight& f) {
    std::vector<Vec2> path = f.route;
    if (f.returnHome)
        for (std::size_t i = f.route.size() - 1; i-- > 0;) path.push_back(f.route[i]);
    return path;
}

/// Starts a flight on a plan at the current time.
void takeOff(Context& c, std::size_t index, std::vector<Segment> plan, const std::vector<Crossing>* known = nullptr) {
    Drone& d = c.world.drones[index];
    const FlightPlan& fp = c.plan(d);
    if (fp.behaviour == Behaviour::Hostile) known = nullptr; // the plan changes below
    if (fp.behaviour == Behaviour::Hostile) {
        // a hostile drone loiters over its target until its battery runs out
        Segment& last = plan.back();
        Segment hover = last;
        hover.kind = Segment::Hover;
        hover.t1 = d.departedAt < 0 ? c.world.now + fp.endurance : d.departedAt + fp.endurance;
        hover.alt1 = hover.alt0;
        if (hover.t1 > last.t0) {
            last.t0 = hover.t1;
            last.t1 = hover.t1 + millis(last.alt0 / c.model.descentRate);
            plan.insert(plan.end() - 1, hover);
        }
    }
    const std::size_t before = plan.size();
    const Instant end = plan.empty() ? 0 : plan.back().t1;
    limitEndurance(plan, c.world.now + fp.endurance, c.model);
    if (plan.size() != before || plan.back().t1 != end) known = nullptr;
    d.plan = std::move(plan);
    d.cursor = 0;
    d.phase = Phase::Flying;
    d.departedAt = c.world.now;
    d.flownDistance = cruiseLength(d.plan);
    d.position = d.plan.front().p0;
    d.altitude = 0.0;
    c.world.flying.push_back(index);
    c.emit(c.event(EventType::Departure, &d, -1, d.position, "takes off"));
    schedule(c, d, c.world.now, known);
}

/// "A", "A and B", "A, B and C": zone names hold commas of their own ("Copenhagen Kastrup, 5 km").
std::string zoneList(const Context& c, const std::vector<int>& zones) {
    std::string out;
    for (std::size_t k = 0; k < zones.size(); ++k)
        out += (k == 0 ? "" : k + 1 == zones.size() ? " and " : ", ") + c.zone(zones[k]).name;
    return out;
}

/// Decides what happens to a flight at its departure time: the pre-flight
/// check in 4D, then what its operator does about the answer.
void decide(Context& c, std::size_t index) {
    Drone& d = c.world.drones[index];
    const FlightPlan& fp = c.plan(d);
    const scenario::Flight& f = fp.flight;
    const scenario::Category& category = c.category(d);
    const Instant now = c.world.now;
    const int offset = c.scenario.time.utcOffsetMinutes;

    Verdict verdict;
    verdict.time = now;
    verdict.flight = f.id;

    // answers to authorisations asked for earlier
    for (int z : d.awaiting) {
        const scenario::Zone& zone = c.zone(z);
        const bool granted = grants(zone, category);
        if (granted) d.authorisedZones.push_back(z);
        else d.deniedZones.push_back(z);
        c.emit(c.event(granted ? EventType::AuthorisationGranted : EventType::AuthorisationDenied, &d, z, f.route.front(),
                       std::string(granted ? "authorisation granted" : "authorisation denied") + " for " + zone.name));
    }
    d.awaiting.clear();

    // the plan as meant, and what the rules say of it
    const std::vector<Vec2> meant = intendedPath(f);
    const std::size_t hoverAt = f.route.size() - 1;
    const Millis hover = f.hover.value_or(0);
    std::vector<Segment> plan = buildPlan(meant, now, f.speed, f.altitude.metres, hoverAt, hover, 0.0, 0.0, c.model);
    if (d.plannedDistance == 0.0) d.plannedDistance = pathLength(meant);

    std::vector<Crossing> lastCrossings; // of the plan assessed last
    auto assess = [&](const std::vector<Segment>& p, std::vector<int>& blocking, std::vector<int>& needAuthorisation) {
        verdict.findings.clear();
        blocking.clear();
        needAuthorisation.clear();
        lastCrossings = crossings(*c.world.index, p);
        for (const Crossing& x : lastCrossings) {
            const Judgement j = judge(c.scenario, x.zone, c.world.zones[static_cast<std::size_t>(x.zone)], category,
                                      x.altitude, x.from, x.to, now, d.authorisedZones, offset);
            if (j.bearing == Bearing::Prohibited) blocking.push_back(x.zone);
            if (j.bearing == Bearing::NeedsAuthorisation)
                (contains(d.deniedZones, x.zone) ? blocking : needAuthorisation).push_back(x.zone);
            verdict.findings.push_back(j.finding);
        }
        auto unique = [](std::vector<int>& v) {
            std::sort(v.begin(), v.end());
            v.erase(std::unique(v.begin(), v.end()), v.end());
        };
        unique(blocking);
        unique(needAuthorisation);
    };
    std::vector<int> blocking, needAuthorisation;
    assess(plan, blocking, needAuthorisation);
    const std::vector<ZoneFinding> findings = verdict.findings; // of the route as meant

    // operators who do not check, or do not care, fly the plan
    if (fp.behaviour != Behaviour::Compliant) {
        const bool conflicts = !blocking.empty() || !needAuthorisation.empty();
        verdict.outcome = Outcome::Allowed;
        if (fp.behaviour == Behaviour::Unaware)
            verdict.rule = conflicts ? "The operator does not know the rules and flies the plan into " +
                                           zoneList(c, blocking.empty() ? needAuthorisation : blocking) + "."
                                     : "The operator does not know the rules; the plan happens to meet no zone that applies.";
        else if (fp.behaviour == Behaviour::Reckless)
            verdict.rule = conflicts ? "The operator knows the rules and flies anyway into " +
                                           zoneList(c, blocking.empty() ? needAuthorisation : blocking) + "."
                                     : "The plan meets no zone that applies.";
        else
            verdict.rule = "Hostile: flies to its target and loiters there, whatever the rules.";
        if (conflicts) verdict.outcome = Outcome::Violated;
        if (d.outcome == Outcome::Pending) d.outcome = Outcome::Allowed;
        c.world.verdicts.push_back(verdict);
        takeOff(c, index, std::move(plan), &lastCrossings);
        return;
    }

    // a zone whose grant: never gives its category an authorisation refuses the request at once,
    // without its decision delay; the zone then forbids the flight as a denied one does. Asked only
    // for a route the operator would otherwise fly, as every request is
    std::string refusals; // the card's words for them
    auto refuseAtOnce = [&](const std::vector<int>& zones) {
        bool any = false;
        for (int z : zones) {
            const scenario::Zone& zone = c.zone(z);
            if (grants(zone, category) || contains(d.deniedZones, z)) continue;
            d.deniedZones.push_back(z);
            c.emit(c.event(EventType::AuthorisationRequested, &d, z, f.route.front(),
                           "asks for an authorisation to fly in " + zone.name));
            c.emit(c.event(EventType::AuthorisationDenied, &d, z, f.route.front(),
                           "authorisation denied at once for " + zone.name + ": it is never granted to " +
                               category.name));
            refusals +=
                zone.name + " never grants an authorisation to " + category.name + ": refused at once. ";
            any = true;
        }
        return any;
    };
    // a compliant operator asks for the authorisations it needs, once each, and decides again on the answer
    auto askFor = [&](const std::vector<int>& zones, const std::string& before) {
        Millis wait = 0;
        for (int z : zones) {
            const scenario::Zone& zone = c.zone(z);
            d.awaiting.push_back(z);
            wait = std::max(wait, zone.decision);
            // the answer's time, so that a drone waiting on the ground is explained
            c.emit(c.event(EventType::AuthorisationRequested, &d, z, f.route.front(),
                           "asks for an authorisation to fly in " + zone.name + "; the answer is due at " +
                               clock(now + zone.decision, c.scenario, now)));
        }
        verdict.outcome = Outcome::Pending;
        verdict.rule = refusals + before + "Authorisation required in " + zoneList(c, zones) +
                       ": requested at " + clock(now, c.scenario) + ", answer due at " +
                       clock(now + wait, c.scenario, now) + ".";
        c.world.verdicts.push_back(verdict);
        d.phase = Phase::Waiting;
        d.departAt = now + wait;
        c.queueDeparture(index, d.departAt);
    };
    if (blocking.empty() && refuseAtOnce(needAuthorisation)) assess(plan, blocking, needAuthorisation);
    if (blocking.empty() && !needAuthorisation.empty()) {
        askFor(needAuthorisation, "");
        return;
    }

    if (blocking.empty()) {
        d.outcome = d.rerouted ? Outcome::Rerouted
                    : d.waited ? Outcome::Waited
                    : !d.authorisedZones.empty() ? Outcome::Authorised
                                                 : Outcome::Allowed;
        verdict.outcome = d.outcome;
        verdict.rule = d.authorisedZones.empty() ? "No zone that applies stands in the way."
                                                 : "Authorised in " + zoneList(c, d.authorisedZones) + ".";
        c.world.verdicts.push_back(verdict);
        takeOff(c, index, std::move(plan), &lastCrossings);
        return;
    }

    // blocked: a way around, within the battery, avoiding every zone that forbids it
    const double budget = f.speed * (static_cast<double>(fp.endurance) / 1000.0 - 2.0 * f.altitude.metres / c.model.descentRate -
                                     static_cast<double>(hover) / 1000.0 - 4.0 * std::numbers::pi / c.model.turnRate);
    std::vector<int> avoid = blocking;
    std::optional<PlannedPath> around;
    std::vector<Segment> aroundPlan;
    std::vector<int> aroundAuthorisation;    // authorisations the way around needs
    std::vector<ZoneFinding> aroundFindings; // the zones it meets
    // no way around a zone the flight starts or ends in: skip the search (a country-wide zone is costly to grow)
    bool trapped = false;
    for (int z : c.world.index->zonesAt(meant.front())) trapped = trapped || contains(blocking, z);
    for (int z : c.world.index->zonesAt(f.route.back())) trapped = trapped || contains(blocking, z);
    for (int attempt = 0; attempt < 5 && budget > 0 && !trapped; ++attempt) {
        const Obstacles obstacles = obstaclesOf(c, avoid);
        PlannerOptions options;
        options.clearance = c.model.clearance;
        options.maxLength = budget;
        around = shortestRoute(meant, obstacles, options);
        if (!around || around->length > budget) {
            around.reset();
            break;
        }
        aroundPlan = buildPlan(around->points, now, f.speed, f.altitude.metres,
                               around->points.size() - 1 - (meant.size() - 1 - hoverAt), hover, 0.0, 0.0, c.model);
        // the way around is judged as the route as meant was
        std::vector<int> moreBlocking, moreAuthorisation;
        assess(aroundPlan, moreBlocking, moreAuthorisation);
        if (moreBlocking.empty() && refuseAtOnce(moreAuthorisation))
            assess(aroundPlan, moreBlocking, moreAuthorisation);
        if (moreBlocking.empty()) {
            aroundAuthorisation = moreAuthorisation;
            aroundFindings = verdict.findings;
            break;
        }
        avoid.insert(avoid.end(), moreBlocking.begin(), moreBlocking.end());
        around.reset();
    }
    // the card weighs every zone of the route as meant, then those only the way around meets
    auto withWayAround = [&] {
        std::vector<ZoneFinding> all = findings;
        for (const ZoneFinding& x : aroundFindings)
            if (std::none_of(all.begin(), all.end(), [&](const ZoneFinding& y) { return y.zone == x.zone; }))
                all.push_back(x);
        return all;
    };
    if (around && !aroundAuthorisation.empty()) {
        // the way around needs authorisations of its own: asked for first, as for the route as meant
        const double extra = around->length - pathLength(meant);
        verdict.findings = withWayAround();
        askFor(aroundAuthorisation, "The route crosses " + zoneList(c, blocking) +
                                        (blocking.size() > 1 ? ", which forbid it" : ", which forbids it") +
                                        "; the way around is " + km(extra) + " further. ");
        return;
    }
    if (around) {
        const double extra = around->length - pathLength(meant);
        d.rerouted = true;
        d.outcome = Outcome::Rerouted;
        Event e = c.event(EventType::Reroute, &d, blocking.front(), f.route.front(),
                          "reroutes around " + zoneList(c, avoid) + ": " + km(extra) + " further");
        e.value = extra;
        c.emit(e);
        verdict.outcome = Outcome::Rerouted;
        verdict.findings = withWayAround();
        verdict.rule =
            refusals + "The route crosses " + zoneList(c, blocking) +
            (blocking.size() > 1 ? ", which forbid it" : ", which forbids it") + "; the operator flies around, " +
            km(extra) + " further (" +
            lasting(extra / f.speed) + " more)." +
            (d.authorisedZones.empty() ? "" : " Authorised in " + zoneList(c, d.authorisedZones) + ".");
        c.world.verdicts.push_back(verdict);
        takeOff(c, index, std::move(aroundPlan), &lastCrossings);
        return;
    }

    // no way around: wait for the zones to end, if that is soon, or give up
    Instant clear = now;
    for (int z : blocking) {
        Instant end = kFar;
        for (const ActiveWindow& w : c.world.zones[static_cast<std::size_t>(z)].windows)
            if (w.known <= now && w.from <= now + fp.endurance && scenario::endAsKnown(w, now) > now) {
                const Instant to = scenario::endAsKnown(w, now); // a deactivate is known only from its time
                end = std::min(end, to), clear = std::max(clear, to);
            }
        if (end == kFar) clear = kFar;
    }
    verdict.findings = findings;
    const bool denied = std::any_of(blocking.begin(), blocking.end(), [&](int z) { return contains(d.deniedZones, z); });
    if (clear < kFar && clear - now <= c.model.maxWait && clear > now) {
        d.waited = true;
        d.phase = Phase::Waiting;
        d.departAt = clear;
        Event e = c.event(EventType::Wait, &d, blocking.front(), f.route.front(),
                          "waits until " + clock(clear, c.scenario, now) + " for " + zoneList(c, blocking) + " to end");
        e.value = static_cast<double>(clear - now) / 1000.0;
        c.emit(e);
        verdict.outcome = Outcome::Waited;
        verdict.rule = refusals + zoneList(c, blocking) + (blocking.size() > 1 ? " forbid" : " forbids") +
                       " the flight now and there is no way around; " + (blocking.size() > 1 ? "they end" : "it ends") +
                       " at " + clock(clear, c.scenario, now) + ", so the operator waits.";
        c.world.verdicts.push_back(verdict);
        c.queueDeparture(index, clear);
        return;
    }
    d.phase = Phase::Cancelled;
    d.outcome = denied ? Outcome::Denied : Outcome::Cancelled;
    c.emit(c.event(EventType::Cancellation, &d, blocking.front(), f.route.front(),
                   "cancels: " + zoneList(c, blocking) + (denied ? " (authorisation denied)" : "") +
                       (blocking.size() > 1 ? " stand" : " stands") +
                       " in the way and there is no way around within the battery"));
    verdict.outcome = d.outcome;
    verdict.rule = refusals + (denied ? "Authorisation denied in " : "Prohibited by ") +
                   zoneList(c, blocking) + "; no way around within the battery" +
                   (clear >= kFar ? " and the zone does not end"
                                  : ", and waiting until " + clock(clear, c.scenario, now) + " is too long") +
                   ": the operator cancels.";
    c.world.verdicts.push_back(verdict);
}

/// A zone switched on around or ahead of a flying drone, unknown when it took
/// off: monitoring reports it, and a compliant operator (or a geofenced
/// autopilot) acts on it.
void breach(Context& c, std::size_t index, int z, const ActiveWindow& window) {
    Drone& d = c.world.drones[index];
    const FlightPlan& fp = c.plan(d);
    const scenario::Category& category = c.category(d);
    const Instant now = c.world.now;
    const int offset = c.scenario.time.utcOffsetMinutes;

    // does it apply, and does the rest of the plan meet it while it is in force?
    bool meets = false;
    for (const Crossing& x : crossings(*c.world.index, cutAt(d.plan, kFar)))
        if (x.zone == z && x.to >= now && x.from < window.to) meets = true;
    if (!meets) return;
    const Judgement j = judge(c.scenario, z, c.world.zones[static_cast<std::size_t>(z)], category, d.altitude, now,
                              now, now, d.authorisedZones, offset);
    if (j.bearing != Bearing::Prohibited && j.bearing != Bearing::NeedsAuthorisation) return;

    const scenario::Zone& zone = c.zone(z);
    const bool inside = contains(d.inside, z) || core::contains(zone.region, d.position);
    Verdict verdict;
    verdict.time = now;
    verdict.flight = fp.flight.id;
    verdict.findings.push_back(j.finding);
    verdict.outcome = d.outcome;

    const bool reacts = fp.behaviour == Behaviour::Compliant;
    const scenario::BreachAction action = reacts ? category.breach : scenario::BreachAction::Report;
    const std::string side = inside ? "around" : "ahead of";
    if (action == scenario::BreachAction::Report) {
        c.emit(c.event(EventType::Breach, &d, z, d.position,
                       "meets " + zone.name + ", switched on " + side + " it, and flies on (" +
                           (reacts ? "its category only reports" : "the operator does not react") + ")"));
        verdict.rule = zone.name + " switched on in flight; " +
                       (reacts ? "the category's breach action is to report only, so the flight goes on."
                               : "the operator does not react.");
        c.world.verdicts.push_back(verdict);
        return;
    }

    // caught by a zone it could not know of (docs/simulation.md, "The rules", rule 11): out of it by
    // the shortest way, or down where it is; its time inside while it does so is no violation
    d.caught = true;
    d.outcome = Outcome::Caught;
    verdict.outcome = Outcome::Caught;
    const Vec2 here = d.position;
    const Vec2 home = fp.flight.route.front();
    const std::string switched = zone.name + " switched on " + (inside ? "around" : "ahead of") + " the drone";
    const Instant lowBattery = d.departedAt + fp.endurance;
    std::vector<Vec2> path = {here};
    Millis hover = 0;
    bool lands = action == scenario::BreachAction::Land;
    std::string why;
    if (inside) {
        d.leaving.push_back(z);
        if (action == scenario::BreachAction::Return && core::contains(zone.region, home)) {
            lands = true;
            why = ": its home is inside the zone too, so it lands where it is.";
        } else if (!lands) {
            const std::optional<Vec2> out = core::wayOut(zone.region, here, c.model.clearance);
            const double reach = fp.flight.speed * static_cast<double>(c.model.maxWayOut) / 1000.0;
            if (out && core::distance(here, *out) <= reach) {
                path.push_back(*out);
            } else {
                lands = true;
                why = ": the way out is longer than " +
                      lasting(static_cast<double>(c.model.maxWayOut) / 1000.0) +
                      " of flight, so it lands where it is.";
            }
        }
    }
    const std::string leaves = path.size() > 1 ? " leaves it by the shortest way (" + km(core::distance(here, path.back())) + ")" : "";
    if (lands) {
        if (why.empty()) why = ": it lands where it is.";
        verdict.rule = switched + why;
    } else if (action == scenario::BreachAction::Hold) {
        const Instant arrive = now + static_cast<Millis>(1000.0 * core::distance(here, path.back()) /
                                                         std::max(fp.flight.speed, 0.1));
        hover = std::max<Millis>(std::min(window.to, lowBattery) - arrive, 0);
        verdict.rule = switched + ":" + (leaves.empty() ? "" : " it" + leaves + ", then") +
                       " it holds there until the zone ends or its battery runs low, then lands.";
    } else { // return home, around the zone and every other zone that forbids the flight, as known now
        PlannerOptions options;
        options.clearance = c.model.clearance / 2.0; // the way out stops a full clearance beyond the edge
        options.circleSegments = 64;
        std::vector<int> avoid = {z};
        std::optional<PlannedPath> around;
        for (int attempt = 0; attempt < 5; ++attempt) {
            around = shortestPath(path.back(), home, obstaclesOf(c, avoid), options);
            if (!around) break;
            // the way home judged as a departure's route is: any other zone in its way that forbids it?
            std::vector<Vec2> trial = path;
            trial.insert(trial.end(), around->points.begin() + 1, around->points.end());
            const std::vector<Segment> plan =
                buildPlan(trial, now, fp.flight.speed, d.altitude, 0, 0, d.altitude, d.heading, c.model);
            bool more = false;
            for (const Crossing& x : crossings(*c.world.index, plan)) {
                if (contains(avoid, x.zone)) continue;
                const Judgement other = judge(c.scenario, x.zone, c.world.zones[static_cast<std::size_t>(x.zone)],
                                              category, x.altitude, x.from, x.to, now, d.authorisedZones, offset, false);
                if (other.bearing == Bearing::Prohibited || other.bearing == Bearing::NeedsAuthorisation)
                    avoid.push_back(x.zone), more = true;
            }
            if (!more) break;
            around.reset();
        }
        if (around) {
            path.insert(path.end(), around->points.begin() + 1, around->points.end());
            verdict.rule = switched + ":" + (leaves.empty() ? "" : " it" + leaves + ", then") +
                           " it flies home around the zone" + (avoid.size() > 1 ? "s that forbid it." : ".");
        } else {
            verdict.rule = switched + ":" + (leaves.empty() ? "" : " it" + leaves + ", then") +
                           " it lands: there is no way home around the zone.";
        }
    }

    // the new rest of the flight, from where the drone is now
    std::vector<Segment> plan = cutAt(d.plan, now);
    std::vector<Segment> rest =
        buildPlan(path, now, fp.flight.speed, d.altitude, path.size() - 1, hover, d.altitude, d.heading, c.model);
    plan.insert(plan.end(), rest.begin(), rest.end());
    limitEndurance(plan, lowBattery, c.model);
    d.plan = std::move(plan);
    d.cursor = segmentAt(d.plan, now);
    d.flownDistance = cruiseLength(d.plan);
    // "is caught by Fair, switched on around it: it leaves it by the shortest way (413 m), then ..."
    const std::string does = verdict.rule.substr(switched.size() + 1);
    c.emit(c.event(EventType::Breach, &d, z, here,
                   "is caught by " + zone.name + ", switched on " + side + " it:" +
                       does.substr(0, does.size() - (does.ends_with('.') ? 1 : 0))));
    c.world.verdicts.push_back(verdict);
    schedule(c, d, now);
}

/// Zones switching on and off, and the timeline's own events.
void updateZones(Context& c) {
    const Instant now = c.world.now;
    const Scenario& s = c.scenario;
    // timeline events due now
    while (c.world.nextTimelineEvent < s.timeline.size() && s.timeline[c.world.nextTimelineEvent].at <= now) {
        const scenario::TimelineEvent& e = s.timeline[c.world.nextTimelineEvent++];
        // a variant may remove a zone the timeline names: its switches then switch nothing
        const scenario::Zone* named = e.zone.empty() ? nullptr : s.zone(e.zone);
        const int z = named ? static_cast<int>(named - s.zones.data()) : -1;
        if (e.type == scenario::EventType::Announce && named) {
            const scenario::Zone& zone = *named;
            c.emit(c.event(EventType::ZoneAnnounced, nullptr, z, {},
                           zone.name + " announced, in force from " + clock(e.at + e.notice.value_or(0), s, e.at) +
                               (e.shownText().empty() ? "" : ": " + e.shownText()), e.at));
        } else if (e.type == scenario::EventType::Note || e.type == scenario::EventType::Sighting) {
            Event note = c.event(EventType::Note, nullptr, z, e.position.value_or(Vec2{}), e.shownText(), e.at);
            c.emit(note);
        }
    }
    // zone switches
    for (std::size_t z = 0; z < c.world.zones.size(); ++z) {
        ZoneState& state = c.world.zones[z];
        const ActiveWindow* window = nullptr;
        for (const ActiveWindow& w : state.windows)
            if (w.from <= now && w.to > now) {
                window = &w;
                break;
            }
        const bool active = window != nullptr;
        // the first step still says which zones are in force at the start, as the log always has
        const bool atStart = c.world.tick == 0 && active;
        if (active == state.active && !atStart) continue;
        state.active = active;
        const scenario::Zone& zone = s.zones[z];
        c.emit(c.event(active ? EventType::ZoneActivated : EventType::ZoneDeactivated, nullptr, static_cast<int>(z), {},
                       zone.name + (active ? " is now in force" : " is no longer in force")));
        // flying drones that could not have known: monitoring
        if (active)
            for (std::size_t i : std::vector<std::size_t>(c.world.flying))
                if (c.world.drones[i].phase == Phase::Flying && window->known > c.world.drones[i].departedAt)
                    breach(c, i, static_cast<int>(z), *window);
    }
}

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
/// Model::nearMissPairBudget (limits::kMaxNearMissPairs) for the run the
/// checks stop, and a note says so (docs/simulation.md).
void nearMisses(Context& c) {
    World& w = c.world;
    const double reach = c.model.nearMissDistance, height = c.model.nearMissHeight;
    const double reach2 = reach * reach;
    auto close = [&](Vec2 p, double pz, Vec2 q, double qz) {
        if (!(std::abs(pz - qz) < height)) return false;
        // the squared distance decides all but a hair's breadth from the edge, where core::distance
        // (std::hypot: exact to an ulp, but slow) does: the same answers, several times faster
        const double dx = q.x - p.x, dy = q.y - p.y, d2 = dx * dx + dy * dy;
        if (d2 < reach2 * (1.0 - 1e-9)) return true;
        if (d2 > reach2 * (1.0 + 1e-9)) return false;
        return core::distance(p, q) < reach;
    };
    w.lastCheck.resize(w.drones.size());

    // the drones in the air by cell, a cell a hair wider than the distance, so that
    // rounding cannot put two close drones two cells apart
    const double cell = reach * (1.0 + 1e-9);
    auto cellOf = [&](double v) -> std::int64_t {
        const double k = std::floor(v / cell);
        // at most a billion cells each way (50,000 km), so that a cell packs into half a word
        return std::isfinite(k) ? static_cast<std::int64_t>(std::clamp(k, -1e9, 1e9)) : 0;
    };
    constexpr std::int64_t kOffset = std::int64_t{1} << 31;
    std::vector<std::pair<std::uint64_t, std::size_t>> order; // (column and row packed, drone): small to sort
    order.reserve(w.flying.size());
    for (std::size_t i : w.flying) {
        const Drone& d = w.drones[i];
        if (d.phase == Phase::Flying && d.altitude > 0.0 && reach > 0.0)
            order.emplace_back(static_cast<std::uint64_t>(cellOf(d.position.x) + kOffset) << 32 |
                                   static_cast<std::uint64_t>(cellOf(d.position.y) + kOffset),
                               i);
    }
    std::sort(order.begin(), order.end());
    struct Placed {
        std::int64_t column, row;
        std::size_t drone;
        Vec2 position; ///< the drone's, kept beside its cell so that comparing reads memory in order
        double altitude;
    };
    std::vector<Placed> placed;
    placed.reserve(order.size());
    for (const auto& [key, i] : order)
        placed.push_back({static_cast<std::int64_t>(key >> 32) - kOffset,
                          static_cast<std::int64_t>(key & 0xffffffffu) - kOffset, i, w.drones[i].position,
                          w.drones[i].altitude});

    // the occupied cells, each a run of `placed` (its drones in order)
    struct Cell {
        std::int64_t column, row;
        std::size_t begin, end;
    };
    std::vector<Cell> cells;
    cells.reserve(placed.size());
    for (std::size_t k = 0; k < placed.size(); ++k) {
        if (cells.empty() || cells.back().column != placed[k].column || cells.back().row != placed[k].row)
            cells.push_back({placed[k].column, placed[k].row, k, k});
        cells.back().end = k + 1;
    }

    // the occupied cells around each (itself and the eight around it), in one pass: the cells come
    // in order, so for each of the three columns a cursor only moves forward
    std::vector<std::size_t> aroundFrom(cells.size() + 1), around;
    around.reserve(3 * cells.size());
    std::size_t cursor[3] = {0, 0, 0};
    for (std::size_t k = 0; k < cells.size(); ++k) {
        aroundFrom[k] = around.size();
        for (std::int64_t side = -1; side <= 1; ++side) {
            const std::int64_t column = cells[k].column + side, row = cells[k].row;
            std::size_t& m = cursor[side + 1];
            auto before = [&](const Cell& x) { return x.column < column || (x.column == column && x.row < row - 1); };
            while (m < cells.size() && before(cells[m])) ++m;
            for (std::size_t n = m; n < cells.size() && cells[n].column == column && cells[n].row <= row + 1; ++n)
                around.push_back(n);
        }
    }
    aroundFrom[cells.size()] = around.size();

    // the pairs this check compares, against the run's budget, before comparing any
    std::int64_t pairs = 0;
    std::vector<std::int64_t> nearby(cells.size()); // the drones in a cell and around it
    for (std::size_t k = 0; k < cells.size(); ++k) {
        for (std::size_t a = aroundFrom[k]; a < aroundFrom[k + 1]; ++a)
            nearby[k] += static_cast<std::int64_t>(cells[around[a]].end - cells[around[a]].begin);
        pairs += static_cast<std::int64_t>(cells[k].end - cells[k].begin) * (nearby[k] - 1);
    }
    pairs /= 2; // each pair was counted from both its drones
    if (pairs > c.model.nearMissPairBudget - w.nearMissPairs) {
        w.nearMissesStopped = true;
        c.emit(c.event(EventType::Note, nullptr, -1, {},
                       "near misses are no longer checked: this check would compare " +
                           scenario::limits::grouped(pairs) + " pairs of drones in the air near each other, which "
                           "takes the run past its budget of " +
                           scenario::limits::grouped(c.model.nearMissPairBudget) +
                           " pairs; the near misses counted are those until now"));
        return;
    }
    w.nearMissPairs += pairs;

    // each drone against the drones of higher number around it, in order of the first, then the second
    constexpr std::size_t kNowhere = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> cellOfDrone(w.drones.size(), kNowhere);
    for (std::size_t k = 0; k < cells.size(); ++k)
        for (std::size_t m = cells[k].begin; m < cells[k].end; ++m) cellOfDrone[placed[m].drone] = k;
    struct Summary {
        std::string category;
        std::size_t first, second; ///< the first near miss it counts
        std::int64_t count = 0;
    };
    std::vector<Summary> summaries; // in order of their first near miss
    std::size_t listed = 0;
    std::vector<std::size_t> fresh;
    for (std::size_t ia = 0; ia < cellOfDrone.size(); ++ia) {
        const std::size_t k = cellOfDrone[ia];
        if (k == kNowhere || nearby[k] == 1) continue; // not in the air, or alone around
        const Drone& a = w.drones[ia];
        const NearMissMark& aWas = w.lastCheck[ia];
        fresh.clear();
        for (std::size_t n = aroundFrom[k]; n < aroundFrom[k + 1]; ++n) {
            const Cell& other = cells[around[n]];
            const auto before = static_cast<std::ptrdiff_t>(fresh.size());
            const auto end = placed.begin() + static_cast<std::ptrdiff_t>(other.end);
            auto it = std::upper_bound(placed.begin() + static_cast<std::ptrdiff_t>(other.begin), end, ia,
                                       [](std::size_t drone, const Placed& p) { return drone < p.drone; });
            for (; it != end; ++it) {
                if (!close(a.position, a.altitude, it->position, it->altitude)) continue;
                // close at the last check too: the same encounter
                const NearMissMark& bWas = w.lastCheck[it->drone];
                if (aWas.checked && bWas.checked && close(aWas.position, aWas.altitude, bWas.position, bWas.altitude))
                    continue;
                fresh.push_back(it->drone);
            }
            // each cell's drones come in order: merged into those of the cells before
            if (before > 0 && fresh.end() - fresh.begin() > before)
                std::inplace_merge(fresh.begin(), fresh.begin() + before, fresh.end());
        }
        for (std::size_t ib : fresh) {
            const Drone& b = w.drones[ib];
            if (listed < scenario::limits::kMaxNearMissEvents) {
                ++listed;
                Event e = c.event(EventType::NearMiss, &a, -1, (a.position + b.position) * 0.5,
                                  "passes " + c.flight(b).id + " at " + km(core::distance(a.position, b.position)));
                e.other = c.flight(b).id;
                e.value = core::distance(a.position, b.position);
                c.emit(e);
                continue;
            }
            // too many to list: counted, by the category of the first drone, as one event would be
            const std::string& category = c.flight(a).category;
            auto summary = std::find_if(summaries.begin(), summaries.end(),
                                        [&](const Summary& s) { return s.category == category; });
            if (summary == summaries.end()) summary = summaries.insert(summaries.end(), {category, ia, ib, 0});
            ++summary->count;
        }
    }
    for (const Summary& s : summaries) {
        const Drone& a = w.drones[s.first];
        const Drone& b = w.drones[s.second];
        Event e = c.event(EventType::NearMiss, &a, -1, (a.position + b.position) * 0.5,
                          "passes " + c.flight(b).id + " at " + km(core::distance(a.position, b.position)) +
                              ": the first of " + scenario::limits::grouped(s.count) + " near misses of " +
                              s.category + " flights at this check past the " +
                              std::to_string(scenario::limits::kMaxNearMissEvents) +
                              " listed one by one, all counted by this event");
        e.value = static_cast<double>(s.count); // and `other` stays empty: a summary
        c.emit(e);
    }

    // where each drone is, for the next check
    for (NearMissMark& mark : w.lastCheck) mark.checked = false;
    for (const Placed& p : placed) w.lastCheck[p.drone] = {p.position, p.altitude, true};
}

} // namespace

// --- public -----------------------------------------------------------------------

bool zoneActive(const ZoneState& zone, Instant at) {
    for (const ActiveWindow& w : zone.windows)
        if (w.from <= at && w.to > at) return true;
    return false;
}

bool zoneKnownActive(const ZoneState& zone, Instant at, Instant knownAt) {
    for (const ActiveWindow& w : zone.windows)
        if (w.known <= knownAt && w.from <= at && scenario::endAsKnown(w, knownAt) > at) return true;
    return false;
}

World makeWorld(const Scenario& scenario, std::shared_ptr<const ZoneIndex> index, const Model& model) {
    World world;
    world.tick = 0;
    world.now = scenario.time.start;
    world.index = index ? std::move(index) : std::make_shared<const ZoneIndex>(scenario);
    world.zones = zoneStates(scenario);
    // the zones in force at the start are in force from the first frame, by the rule every question uses
    for (ZoneState& zone : world.zones)
        zone.active = zoneActive(zone, world.now);
    world.flights = expandTraffic(scenario, model);
    world.drones.resize(world.flights.size());
    for (std::size_t i = 0; i < world.flights.size(); ++i) {
        Drone& d = world.drones[i];
        d.flight = static_cast<int>(i);
        d.departAt = world.flights[i].flight.depart;
        d.position = world.flights[i].flight.route.front();
        if (d.departAt >= scenario.time.start && d.departAt < scenario.time.end)
            world.departures.emplace_back(d.departAt, i);
    }
    std::make_heap(world.departures.begin(), world.departures.end(), std::greater<>());
    world.nextNearMissCheck = scenario.time.start;
    makeDefence(scenario, world);
    return world;
}

bool finished(const Scenario& scenario, const World& world) { return world.now > scenario.time.end; }

bool forceDown(const Scenario& scenario, World& world, const Model& model, std::size_t index,
               scenario::BreachAction action) {
    Context c{scenario, world, model};
    Drone& d = world.drones[index];
    if (d.phase != Phase::Flying) return false;
    const FlightPlan& fp = c.plan(d);
    const Instant now = world.now;
    std::vector<Segment> plan = cutAt(d.plan, now);
    const std::vector<Vec2> path = action == scenario::BreachAction::Return
                                       ? std::vector<Vec2>{d.position, fp.flight.route.front()}
                                       : std::vector<Vec2>{d.position};
    std::vector<Segment> rest = buildPlan(path, now, fp.flight.speed, d.altitude, 0, 0, d.altitude, d.heading, model);
    plan.insert(plan.end(), rest.begin(), rest.end());
    d.plan = std::move(plan);
    d.cursor = segmentAt(d.plan, now);
    d.flownDistance = cruiseLength(d.plan);
    d.neutralised = true;
    d.outcome = Outcome::Neutralised;
    schedule(c, d, now);
    return true;
}

std::vector<Event> runToEnd(const Scenario& scenario, World& world, const Model& model, Instant until,
                            const std::function<void(double)>& progress) {
    std::vector<Event> log;
    const Instant end = until >= 0 ? std::min(until, scenario.time.end) : scenario.time.end;
    const std::int64_t ticks = (end - scenario.time.start) / scenario.time.step + 1;
    const std::int64_t every = std::max<std::int64_t>(1, ticks / 200);
    while (world.now <= end) {
        step(scenario, world, model);
        log.insert(log.end(), std::make_move_iterator(world.events.begin()), std::make_move_iterator(world.events.end()));
        world.events.clear();
        if (progress && world.tick % every == 0) progress(static_cast<double>(world.tick) / static_cast<double>(ticks));
    }
    if (progress) progress(1.0);
    return log;
}

void step(const Scenario& scenario, World& world, const Model& model) {
    Context c{scenario, world, model};
    const Instant now = world.now;

    updateZones(c);

    // departures due now, in time order, then by drone
    while (!world.departures.empty() && world.departures.front().first <= now) {
        std::pop_heap(world.departures.begin(), world.departures.end(), std::greater<>());
        const std::size_t index = world.departures.back().second;
        world.departures.pop_back();
        decide(c, index);
    }

    // motion and the events of each plan
    std::size_t kept = 0;
    for (std::size_t k = 0; k < world.flying.size(); ++k) {
        const std::size_t i = world.flying[k];
        Drone& d = world.drones[i];
        while (d.cursor + 1 < d.plan.size() && d.plan[d.cursor].t1 <= now) ++d.cursor;
        sample(d.plan[d.cursor], now, d.position, d.altitude, d.heading);
        while (d.nextEvent < d.pending.size() && d.pending[d.nextEvent].time <= now)
            apply(c, d, d.pending[d.nextEvent++]);
        if (d.phase == Phase::Flying) world.flying[kept++] = i;
    }
    world.flying.resize(kept);

    if (world.defence.active) defend(scenario, world, model);

    if (now >= world.nextNearMissCheck && !world.nearMissesStopped) {
        nearMisses(c);
        world.nextNearMissCheck = now + model.nearMissEvery;
    }

    ++world.tick;
    world.now = scenario.time.start + world.tick * scenario.time.step;
}

} // namespace nofly::sim
