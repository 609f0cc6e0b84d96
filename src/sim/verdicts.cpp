#include "sim/detail/verdicts.hpp"

#include "sim/detail/plans.hpp"
#include "sim/planner.hpp"

#include "core/random.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <optional>

namespace nofly::sim::detail {

using core::Instant;
using core::Millis;
using core::Vec2;
using scenario::Behaviour;

namespace {

constexpr Instant kFar = scenario::kFarTime;

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

/// The `a` of core::uniformAt for an authority's decision times (after sim/defence.cpp's 1 to 3): keyed
/// by the zone and the flight, so that the same request takes as long in every variant and order.
constexpr std::uint64_t kDecisionDraws = 4;

/// The answer to a request for an authorisation (or a dispensation) made now.
struct Answer {
    Instant due = 0;        ///< when it comes
    std::int64_t ahead = 0; ///< requests ahead of it in the authority's queue
    Millis queued = 0;      ///< how long it waits there before it is taken up
};

/// When zone `z`'s authority answers a request drone `d` makes now. With a capacity of c decisions an
/// hour it takes requests up one every 1 h / c, in the order they arrive (request i at the later of
/// its arrival and request i-1's start plus 1 h / c); without one, at once. The answer comes the
/// zone's `decision` after that: fixed, or drawn from an exponential distribution with that mean.
Answer answerFor(Context& c, const Drone& d, int z) {
    const scenario::Zone& zone = c.zone(z);
    const Instant now = c.world.now;
    Answer answer;
    Instant start = now;
    if (zone.capacity) {
        const auto turn = static_cast<Millis>(std::llround(3600000.0 / *zone.capacity));
        std::vector<Instant>& turns = c.world.zones[static_cast<std::size_t>(z)].turns;
        // a request whose turn has run out is ahead of nobody any more
        turns.erase(turns.begin(),
                    std::find_if(turns.begin(), turns.end(), [&](Instant t) { return t + turn > now; }));
        answer.ahead = static_cast<std::int64_t>(turns.size());
        if (!turns.empty()) start = std::max(now, turns.back() + turn);
        turns.push_back(start);
        answer.queued = start - now;
    }
    Millis decision = zone.decision;
    if (zone.spread == scenario::DecisionSpread::Exponential) {
        const double u = core::uniformAt(c.world.seed, kDecisionDraws, core::textKey(zone.id),
                                         core::textKey(c.flight(d).id));
        decision = static_cast<Millis>(std::llround(-static_cast<double>(zone.decision) * std::log1p(-u)));
    }
    answer.due = start + decision;
    return answer;
}

bool forbids(Bearing bearing) {
    return bearing == Bearing::Prohibited || bearing == Bearing::NeedsAuthorisation;
}

/// Starts a flight on a plan at the current time.
void takeOff(Context& c, std::size_t index, std::vector<Segment> plan,
             const std::vector<Crossing>* known = nullptr) {
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
            last.t1 = hover.t1 + millis(last.alt0 / c.compiled.tuning.descentRate);
            plan.insert(plan.end() - 1, hover);
        }
    }
    const std::size_t before = plan.size();
    const Instant end = plan.empty() ? 0 : plan.back().t1;
    limitEndurance(plan, c.world.now + fp.endurance, c.compiled.tuning);
    if (plan.size() != before || plan.back().t1 != end) known = nullptr;
    d.plan = std::move(plan);
    d.cursor = 0;
    d.phase = Phase::Flying;
    d.departedAt = c.world.now;
    d.flownDistance = cruiseLength(d.plan);
    d.position = d.plan.front().p0;
    d.altitude = 0.0;
    c.world.flying.push_back(index);
    c.emit(c.event(EventType::Departure, &d, -1, d.position));
    schedule(c, d, c.world.now, known);
}

// --- departures ---------------------------------------------------------------------

/// One flight at its departure time: the pre-flight check in 4D of the route
/// as meant (and of a way around when that is blocked), then what its
/// operator does about the answer, on a verdict card.
class Departure {
  public:
    Departure(Context& c, std::size_t index)
        : m_c(c), m_index(index), m_d(c.world.drones[index]), m_fp(c.plan(m_d)), m_f(m_fp.flight),
          m_category(c.category(m_d)), m_now(c.world.now) {
        m_verdict.time = m_now;
        m_verdict.flight = m_d.flight;
    }

    void decide() {
        hearAnswers();
        // the plan as meant, and what the rules say of it
        m_meant = intendedPath(m_f);
        m_hoverAt = m_f.route.size() - 1;
        m_hover = m_f.hover.value_or(0);
        m_plan = buildPlan(m_meant, m_now, m_f.speed, m_f.altitude.metres, m_hoverAt, m_hover, 0.0, 0.0,
                           m_c.compiled.tuning);
        if (m_d.plannedDistance == 0.0) m_d.plannedDistance = pathLength(m_meant);
        assess(m_plan, m_blocking, m_needAuthorisation);
        m_findings = m_verdict.findings; // of the route as meant

        // operators who do not check, or do not care, fly the plan
        if (m_fp.behaviour != Behaviour::Compliant) return flyAnyway();
        if (m_blocking.empty() && refuseAtOnce(m_needAuthorisation))
            assess(m_plan, m_blocking, m_needAuthorisation);
        if (m_blocking.empty() && !m_needAuthorisation.empty()) return askFor(m_needAuthorisation, {}, 0.0);
        if (m_blocking.empty()) return fly();

        // blocked: a way around, within the battery, avoiding every zone that forbids it
        findWayAround();
        if (m_around && !m_aroundAuthorisation.empty()) {
            // the way around needs authorisations of its own: asked for first, as for the route as meant
            m_verdict.findings = withWayAround();
            return askFor(m_aroundAuthorisation, m_blocking, m_around->length - pathLength(m_meant));
        }
        if (m_around) return reroute();
        waitOrCancel();
    }

  private:
    /// The answers to authorisations asked for earlier.
    void hearAnswers() {
        for (int z : m_d.awaiting) {
            const bool granted = grants(m_c.zone(z), m_category);
            (granted ? m_d.authorisedZones : m_d.deniedZones).push_back(z);
            m_c.emit(m_c.event(granted ? EventType::AuthorisationGranted : EventType::AuthorisationDenied,
                               &m_d, z, m_f.route.front()));
        }
        m_d.awaiting.clear();
    }

    /// The zones a plan meets: those that forbid it, those that need an authorisation, and the card's
    /// findings.
    void assess(const std::vector<Segment>& plan, std::vector<int>& blocking,
                std::vector<int>& needAuthorisation) {
        m_verdict.findings.clear();
        blocking.clear();
        needAuthorisation.clear();
        m_lastCrossings = crossings(*m_c.compiled.index, plan);
        for (const Crossing& x : m_lastCrossings) {
            const Judgement j =
                judge(m_c.compiled, x.zone, m_category, x.altitude, x.from, x.to, m_now, m_d.authorisedZones);
            if (j.bearing == Bearing::Prohibited) blocking.push_back(x.zone);
            if (j.bearing == Bearing::NeedsAuthorisation)
                (contains(m_d.deniedZones, x.zone) ? blocking : needAuthorisation).push_back(x.zone);
            m_verdict.findings.push_back(j.finding);
        }
        auto unique = [](std::vector<int>& v) {
            std::sort(v.begin(), v.end());
            v.erase(std::unique(v.begin(), v.end()), v.end());
        };
        unique(blocking);
        unique(needAuthorisation);
    }

    void decided(RuleKind kind, Outcome outcome) {
        m_verdict.rule.kind = kind;
        m_verdict.outcome = outcome;
        m_c.world.verdicts.push_back(m_verdict);
    }

    /// An operator who does not know the rules, or does not care, flies the plan as meant.
    void flyAnyway() {
        const bool conflicts = !m_blocking.empty() || !m_needAuthorisation.empty();
        if (conflicts) m_verdict.rule.zones = m_blocking.empty() ? m_needAuthorisation : m_blocking;
        RuleKind kind = RuleKind::Hostile;
        if (m_fp.behaviour == Behaviour::Unaware)
            kind = conflicts ? RuleKind::UnawareInto : RuleKind::UnawareClear;
        if (m_fp.behaviour == Behaviour::Reckless)
            kind = conflicts ? RuleKind::RecklessInto : RuleKind::RecklessClear;
        if (m_d.outcome == Outcome::Pending) m_d.outcome = Outcome::Allowed;
        decided(kind, conflicts ? Outcome::Violated : Outcome::Allowed);
        takeOff(m_c, m_index, std::move(m_plan), &m_lastCrossings);
    }

    /// A zone whose grant: never gives its category an authorisation refuses the request at once,
    /// without its decision delay; the zone then forbids the flight as a denied one does. Asked only
    /// for a route the operator would otherwise fly, as every request is.
    bool refuseAtOnce(const std::vector<int>& zones) {
        bool any = false;
        for (int z : zones) {
            if (grants(m_c.zone(z), m_category) || contains(m_d.deniedZones, z)) continue;
            m_d.deniedZones.push_back(z);
            const Vec2 home = m_f.route.front();
            m_c.emit(m_c.event(EventType::AuthorisationRequested, &m_d, z, home, EventReason::NeverGranted));
            m_c.emit(m_c.event(EventType::AuthorisationDenied, &m_d, z, home, EventReason::NeverGranted));
            m_refused.push_back(z);
            any = true;
        }
        return any;
    }

    /// A compliant operator asks for the authorisations it needs, once each, and decides again on the
    /// answer; `crossed`: the zones that forbid the route as meant, when these are for a way around
    /// `extra` [m] longer.
    void askFor(const std::vector<int>& zones, const std::vector<int>& crossed, double extra) {
        Millis wait = 0;
        for (int z : zones) {
            const Answer answer = answerFor(m_c, m_d, z);
            m_d.awaiting.push_back(z);
            wait = std::max(wait, answer.due - m_now);
            // the answer's time, so that a drone waiting on the ground is explained; and its place in a queue
            Event e = m_c.event(EventType::AuthorisationRequested, &m_d, z, m_f.route.front(),
                                EventReason::AnswerDue);
            e.when = answer.due;
            e.count = answer.ahead;
            e.value = static_cast<double>(answer.queued) / 1000.0;
            m_c.emit(e);
        }
        m_verdict.rule.zones = zones;
        m_verdict.rule.crossed = crossed;
        m_verdict.rule.distance = extra;
        m_verdict.rule.refused = m_refused;
        m_verdict.rule.until = m_now + wait;
        decided(RuleKind::AskFor, Outcome::Pending);
        m_d.phase = Phase::Waiting;
        m_d.departAt = m_now + wait;
        m_c.queueDeparture(m_index, m_d.departAt);
    }

    /// Nothing stands in the way (any longer).
    void fly() {
        m_d.outcome = m_d.rerouted                   ? Outcome::Rerouted
                      : m_d.waited                   ? Outcome::Waited
                      : !m_d.authorisedZones.empty() ? Outcome::Authorised
                                                     : Outcome::Allowed;
        m_verdict.rule.authorised = m_d.authorisedZones;
        decided(RuleKind::Allowed, m_d.outcome);
        takeOff(m_c, m_index, std::move(m_plan), &m_lastCrossings);
    }

    /// The shortest way around the zones that block the route, within the battery, judged as the
    /// route as meant was; none when a zone it must avoid holds its start or its end.
    void findWayAround() {
        const double budget = m_f.speed * (static_cast<double>(m_fp.endurance) / 1000.0 -
                                           2.0 * m_f.altitude.metres / m_c.compiled.tuning.descentRate -
                                           static_cast<double>(m_hover) / 1000.0 -
                                           4.0 * std::numbers::pi / m_c.compiled.tuning.turnRate);
        m_avoid = m_blocking;
        // no way around a zone the flight starts or ends in: skip the search (a country-wide zone is costly
        // to grow)
        bool trapped = false;
        for (int z : m_c.compiled.index->zonesAt(m_meant.front()))
            trapped = trapped || contains(m_blocking, z);
        for (int z : m_c.compiled.index->zonesAt(m_f.route.back()))
            trapped = trapped || contains(m_blocking, z);
        for (int attempt = 0; attempt < 5 && budget > 0 && !trapped; ++attempt) {
            PlannerOptions options;
            options.clearance = m_c.compiled.tuning.clearance;
            options.maxLength = budget;
            m_around = shortestRoute(m_meant, obstaclesOf(m_c, m_avoid), options);
            if (!m_around || m_around->length > budget) {
                m_around.reset();
                break;
            }
            m_aroundPlan = buildPlan(m_around->points, m_now, m_f.speed, m_f.altitude.metres,
                                     m_around->points.size() - 1 - (m_meant.size() - 1 - m_hoverAt), m_hover,
                                     0.0, 0.0, m_c.compiled.tuning);
            // the way around is judged as the route as meant was
            std::vector<int> moreBlocking, moreAuthorisation;
            assess(m_aroundPlan, moreBlocking, moreAuthorisation);
            if (moreBlocking.empty() && refuseAtOnce(moreAuthorisation))
                assess(m_aroundPlan, moreBlocking, moreAuthorisation);
            if (moreBlocking.empty()) {
                m_aroundAuthorisation = moreAuthorisation;
                m_aroundFindings = m_verdict.findings;
                break;
            }
            m_avoid.insert(m_avoid.end(), moreBlocking.begin(), moreBlocking.end());
            m_around.reset();
        }
    }

    /// The card weighs every zone of the route as meant, then those only the way around meets.
    std::vector<ZoneFinding> withWayAround() const {
        std::vector<ZoneFinding> all = m_findings;
        for (const ZoneFinding& x : m_aroundFindings)
            if (std::none_of(all.begin(), all.end(), [&](const ZoneFinding& y) { return y.zone == x.zone; }))
                all.push_back(x);
        return all;
    }

    void reroute() {
        const double extra = m_around->length - pathLength(m_meant);
        m_d.rerouted = true;
        m_d.outcome = Outcome::Rerouted;
        Event e = m_c.event(EventType::Reroute, &m_d, m_blocking.front(), m_f.route.front());
        e.value = extra;
        e.zones = m_avoid;
        m_c.emit(e);
        m_verdict.findings = withWayAround();
        m_verdict.rule.zones = m_blocking;
        m_verdict.rule.distance = extra;
        m_verdict.rule.refused = m_refused;
        m_verdict.rule.authorised = m_d.authorisedZones;
        decided(RuleKind::Rerouted, Outcome::Rerouted);
        takeOff(m_c, m_index, std::move(m_aroundPlan), &m_lastCrossings);
    }

    /// No way around: wait for the zones to end, if that is soon, or give up.
    void waitOrCancel() {
        Instant clear = m_now;
        for (int z : m_blocking) {
            Instant end = kFar;
            for (const ActiveWindow& w : m_c.compiled.windows[static_cast<std::size_t>(z)])
                if (w.known <= m_now && w.from <= m_now + m_fp.endurance &&
                    scenario::endAsKnown(w, m_now) > m_now) {
                    const Instant to =
                        scenario::endAsKnown(w, m_now); // a deactivate is known only from its time
                    end = std::min(end, to), clear = std::max(clear, to);
                }
            if (end == kFar) clear = kFar;
        }
        m_verdict.findings = m_findings;
        m_verdict.rule.zones = m_blocking;
        m_verdict.rule.refused = m_refused;
        m_verdict.rule.until = clear;
        if (clear < kFar && clear - m_now <= m_c.compiled.tuning.maxWait && clear > m_now) {
            m_d.waited = true;
            m_d.phase = Phase::Waiting;
            m_d.departAt = clear;
            Event e = m_c.event(EventType::Wait, &m_d, m_blocking.front(), m_f.route.front());
            e.value = static_cast<double>(clear - m_now) / 1000.0;
            e.when = clear;
            e.zones = m_blocking;
            m_c.emit(e);
            decided(RuleKind::Waited, Outcome::Waited);
            m_c.queueDeparture(m_index, clear);
            return;
        }
        const bool denied = std::any_of(m_blocking.begin(), m_blocking.end(),
                                        [&](int z) { return contains(m_d.deniedZones, z); });
        m_d.phase = Phase::Cancelled;
        m_d.outcome = denied ? Outcome::Denied : Outcome::Cancelled;
        Event e = m_c.event(EventType::Cancellation, &m_d, m_blocking.front(), m_f.route.front(),
                            denied ? EventReason::Denied : EventReason::Prohibited);
        e.zones = m_blocking;
        m_c.emit(e);
        m_verdict.rule.denied = denied;
        decided(RuleKind::Cancelled, m_d.outcome);
    }

    Context& m_c;
    std::size_t m_index;
    Drone& m_d;
    const FlightPlan& m_fp;
    const scenario::Flight& m_f;
    const scenario::Category& m_category;
    Instant m_now;
    Verdict m_verdict;
    std::vector<Vec2> m_meant; ///< the route as meant
    std::size_t m_hoverAt = 0; ///< the waypoint it hovers at
    Millis m_hover = 0;
    std::vector<Segment> m_plan;                      ///< of the route as meant
    std::vector<Crossing> m_lastCrossings;            ///< of the plan assessed last
    std::vector<int> m_blocking, m_needAuthorisation; ///< of the route as meant
    std::vector<ZoneFinding> m_findings;              ///< of the route as meant
    std::vector<int> m_refused;                       ///< zones that refused an authorisation at once
    std::vector<int> m_avoid;                         ///< the zones a way around keeps out of
    std::optional<PlannedPath> m_around;              ///< the way around, if any
    std::vector<Segment> m_aroundPlan;
    std::vector<int> m_aroundAuthorisation;    ///< authorisations the way around needs
    std::vector<ZoneFinding> m_aroundFindings; ///< the zones it meets
};

// --- zones that switch on in flight -------------------------------------------------

/// Home from `from`, around zone `z` and every other zone that forbids the flight, as known now;
/// `several`: other zones too.
std::optional<PlannedPath> wayHome(Context& c, const Drone& d, const std::vector<Vec2>& path, int z,
                                   bool& several) {
    const FlightPlan& fp = c.plan(d);
    const Instant now = c.world.now;
    PlannerOptions options;
    options.clearance =
        c.compiled.tuning.clearance / 2.0; // the way out stops a full clearance beyond the edge
    options.circleSegments = 64;
    std::vector<int> avoid = {z};
    std::optional<PlannedPath> around;
    for (int attempt = 0; attempt < 5; ++attempt) {
        around = shortestPath(path.back(), fp.flight.route.front(), obstaclesOf(c, avoid), options);
        if (!around) break;
        // the way home judged as a departure's route is: any other zone in its way that forbids it?
        std::vector<Vec2> trial = path;
        trial.insert(trial.end(), around->points.begin() + 1, around->points.end());
        const std::vector<Segment> plan = buildPlan(trial, now, fp.flight.speed, d.altitude, 0, 0, d.altitude,
                                                    d.heading, c.compiled.tuning);
        bool more = false;
        for (const Crossing& x : crossings(*c.compiled.index, plan)) {
            if (contains(avoid, x.zone)) continue;
            const Judgement other =
                judge(c.compiled, x.zone, c.category(d), x.altitude, x.from, x.to, now, d.authorisedZones);
            if (forbids(other.bearing)) avoid.push_back(x.zone), more = true;
        }
        if (!more) break;
        around.reset();
    }
    several = avoid.size() > 1;
    return around;
}

/// A drone caught by zone `z` (docs/simulation.md, "The rules", rule 11): out of it by the shortest
/// way, or down where it is, by the category's breach action; its time inside while it does so is no
/// violation. Returns the path of the rest of its flight (then hovering `hover` at its end) and says
/// which way on the card.
std::vector<Vec2> escape(Context& c, Drone& d, int z, scenario::BreachAction action,
                         const ActiveWindow& window, Rule& rule, Millis& hover) {
    const FlightPlan& fp = c.plan(d);
    const scenario::Zone& zone = c.zone(z);
    const Vec2 here = d.position;
    std::vector<Vec2> path = {here};
    bool lands = action == scenario::BreachAction::Land;
    rule.kind = RuleKind::CaughtLands;
    if (rule.inside) {
        d.leaving.push_back(z);
        if (action == scenario::BreachAction::Return &&
            core::contains(zone.region, fp.flight.route.front())) {
            lands = true;
            rule.kind = RuleKind::CaughtHomeInside;
        } else if (!lands) {
            const std::optional<Vec2> out = core::wayOut(zone.region, here, c.compiled.tuning.clearance);
            const double reach = fp.flight.speed * static_cast<double>(c.compiled.tuning.maxWayOut) / 1000.0;
            if (out && core::distance(here, *out) <= reach) {
                path.push_back(*out);
                rule.distance = core::distance(here, *out);
            } else {
                lands = true;
                rule.kind = RuleKind::CaughtWayOutTooLong;
                rule.wayOut = c.compiled.tuning.maxWayOut;
            }
        }
    }
    if (lands) return path;
    if (action == scenario::BreachAction::Hold) {
        const Instant arrive = c.world.now + static_cast<Millis>(1000.0 * core::distance(here, path.back()) /
                                                                 std::max(fp.flight.speed, 0.1));
        hover = std::max<Millis>(std::min(window.to, d.departedAt + fp.endurance) - arrive, 0);
        rule.kind = RuleKind::CaughtHolds;
        return path;
    }
    // return home, around the zone and every other zone that forbids the flight, as known now
    const std::optional<PlannedPath> around = wayHome(c, d, path, z, rule.several);
    if (around) path.insert(path.end(), around->points.begin() + 1, around->points.end());
    rule.kind = around ? RuleKind::CaughtFliesHome : RuleKind::CaughtNoWayHome;
    return path;
}

} // namespace

void decide(Context& c, std::size_t index) {
    Departure(c, index).decide();
}

void breach(Context& c, std::size_t index, int z, const ActiveWindow& window) {
    Drone& d = c.world.drones[index];
    const FlightPlan& fp = c.plan(d);
    const scenario::Category& category = c.category(d);
    const Instant now = c.world.now;

    // does it apply, and does the rest of the plan meet it while it is in force?
    bool meets = false;
    for (const Crossing& x : crossings(*c.compiled.index, cutAt(d.plan, kFar)))
        if (x.zone == z && x.to >= now && x.from < window.to) meets = true;
    if (!meets) return;
    const Judgement j = judge(c.compiled, z, category, d.altitude, now, now, now, d.authorisedZones);
    if (!forbids(j.bearing)) return;

    Verdict verdict;
    verdict.time = now;
    verdict.flight = d.flight;
    verdict.findings.push_back(j.finding);
    verdict.outcome = d.outcome;
    verdict.rule.zones = {z};
    verdict.rule.inside = contains(d.inside, z) || core::contains(c.zone(z).region, d.position);
    // the breach event tells what its card says
    Event e = c.event(EventType::Breach, &d, z, d.position);
    e.ref = static_cast<int>(c.world.verdicts.size());

    const bool reacts = fp.behaviour == Behaviour::Compliant;
    const scenario::BreachAction action = reacts ? category.breach : scenario::BreachAction::Report;
    if (action == scenario::BreachAction::Report) {
        verdict.rule.kind = reacts ? RuleKind::BreachReported : RuleKind::BreachIgnored;
        c.emit(e);
        c.world.verdicts.push_back(verdict);
        return;
    }
    d.caught = true;
    d.outcome = Outcome::Caught;
    verdict.outcome = Outcome::Caught;
    Millis hover = 0;
    const std::vector<Vec2> path = escape(c, d, z, action, window, verdict.rule, hover);

    // the new rest of the flight, from where the drone is now
    std::vector<Segment> plan = cutAt(d.plan, now);
    std::vector<Segment> rest = buildPlan(path, now, fp.flight.speed, d.altitude, path.size() - 1, hover,
                                          d.altitude, d.heading, c.compiled.tuning);
    plan.insert(plan.end(), rest.begin(), rest.end());
    limitEndurance(plan, d.departedAt + fp.endurance, c.compiled.tuning);
    d.plan = std::move(plan);
    d.cursor = segmentAt(d.plan, now);
    d.flownDistance = cruiseLength(d.plan);
    c.emit(e);
    c.world.verdicts.push_back(verdict);
    schedule(c, d, now);
}

} // namespace nofly::sim::detail
