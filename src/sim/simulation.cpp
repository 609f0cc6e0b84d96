#include "sim/simulation.hpp"

#include "sim/detail/context.hpp"
#include "sim/detail/near_misses.hpp"
#include "sim/detail/plans.hpp"
#include "sim/detail/traffic.hpp"
#include "sim/detail/verdicts.hpp"

#include <algorithm>
#include <iterator>

// The parts of a step live by concept: plans.cpp (flight plans and the events
// they make), traffic.cpp (the flights of a run), verdicts.cpp (departure
// decisions and zones that switch on in flight), near_misses.cpp; this file
// steps the world and switches zones.
namespace nofly::sim {

using core::Instant;
using core::Vec2;
using scenario::Scenario;
using namespace detail;

namespace {

/// Zones switching on and off, and the timeline's own events.
void updateZones(Context& c) {
    const Instant now = c.world.now;
    const Scenario& s = c.scenario;
    // timeline events due now
    while (c.world.nextTimelineEvent < s.timeline.size() && s.timeline[c.world.nextTimelineEvent].at <= now) {
        const int entry = static_cast<int>(c.world.nextTimelineEvent);
        const scenario::TimelineEvent& e = s.timeline[c.world.nextTimelineEvent++];
        // a variant may remove a zone the timeline names: its switches then switch nothing
        const scenario::Zone* named = e.zone.empty() ? nullptr : s.zone(e.zone);
        const int z = named ? static_cast<int>(named - s.zones.data()) : -1;
        if (e.type == scenario::EventType::Announce && named) {
            Event announced = c.event(EventType::ZoneAnnounced, nullptr, z, {}, EventReason::None, e.at);
            announced.ref = entry;
            announced.when = e.at + e.notice.value_or(0);
            c.emit(announced);
        } else if (e.type == scenario::EventType::Note || e.type == scenario::EventType::Sighting) {
            Event note =
                c.event(EventType::Note, nullptr, z, e.position.value_or(Vec2{}), EventReason::None, e.at);
            note.ref = entry;
            c.emit(note);
        }
    }
    // zone switches
    for (std::size_t z = 0; z < c.world.zones.size(); ++z) {
        ZoneState& state = c.world.zones[z];
        const ActiveWindow* window = nullptr;
        for (const ActiveWindow& w : c.compiled.windows[z])
            if (w.from <= now && w.to > now) {
                window = &w;
                break;
            }
        const bool active = window != nullptr;
        // the first step still says which zones are in force at the start, as the log always has
        const bool atStart = c.world.tick == 0 && active;
        if (active == state.active && !atStart) continue;
        state.active = active;
        c.emit(c.event(active ? EventType::ZoneActivated : EventType::ZoneDeactivated, nullptr,
                       static_cast<int>(z), {}));
        // flying drones that could not have known: monitoring
        if (active)
            for (std::size_t i : std::vector<std::size_t>(c.world.flying))
                if (c.world.drones[i].phase == Phase::Flying && window->known > c.world.drones[i].departedAt)
                    breach(c, i, static_cast<int>(z), *window);
    }
}

} // namespace

// --- public -----------------------------------------------------------------------

bool zoneActive(std::span<const ActiveWindow> windows, Instant at) {
    for (const ActiveWindow& w : windows)
        if (w.from <= at && w.to > at) return true;
    return false;
}

bool zoneKnownActive(std::span<const ActiveWindow> windows, Instant at, Instant knownAt) {
    for (const ActiveWindow& w : windows)
        if (w.known <= knownAt && w.from <= at && scenario::endAsKnown(w, knownAt) > at) return true;
    return false;
}

CompiledScenario compile(std::shared_ptr<const Scenario> scenario, const Tuning& tuning) {
    CompiledScenario compiled;
    compiled.tuning = tuning;
    compiled.index = std::make_shared<const ZoneIndex>(*scenario);
    compiled.obstacles = obstacleIndex(*scenario);
    compiled.windows.resize(scenario->zones.size());
    for (std::size_t z = 0; z < scenario->zones.size(); ++z)
        compiled.windows[z] = scenario::windowsInForce(*scenario, z);
    compiled.scenario = std::move(scenario);
    return compiled;
}

CompiledScenario compile(Scenario scenario, const Tuning& tuning) {
    return compile(std::make_shared<const Scenario>(std::move(scenario)), tuning);
}

World makeWorld(const CompiledScenario& compiled, std::uint64_t seed) {
    const Scenario& scenario = *compiled.scenario;
    World world;
    world.seed = seed;
    world.tick = 0;
    world.now = scenario.time.start;
    world.zones.resize(scenario.zones.size());
    // the zones in force at the start are in force from the first frame, by the rule every question uses
    for (std::size_t z = 0; z < world.zones.size(); ++z)
        world.zones[z].active = zoneActive(compiled.windows[z], world.now);
    world.flights = expandTraffic(scenario, compiled.tuning, seed);
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

bool finished(const CompiledScenario& compiled, const World& world) {
    return world.now > compiled.scenario->time.end;
}

bool forceDown(const CompiledScenario& compiled, World& world, std::size_t index,
               scenario::BreachAction action) {
    Context c{*compiled.scenario, world, compiled};
    Drone& d = world.drones[index];
    if (d.phase != Phase::Flying) return false;
    const FlightPlan& fp = c.plan(d);
    const Instant now = world.now;
    std::vector<Segment> plan = cutAt(d.plan, now);
    const std::vector<Vec2> path = action == scenario::BreachAction::Return
                                       ? std::vector<Vec2>{d.position, fp.flight.route.front()}
                                       : std::vector<Vec2>{d.position};
    std::vector<Segment> rest =
        buildPlan(path, now, fp.flight.speed, d.altitude, 0, 0, d.altitude, d.heading, compiled.tuning);
    plan.insert(plan.end(), rest.begin(), rest.end());
    d.plan = std::move(plan);
    d.cursor = segmentAt(d.plan, now);
    d.flownDistance = cruiseLength(d.plan);
    d.neutralised = true;
    d.outcome = Outcome::Neutralised;
    schedule(c, d, now);
    return true;
}

std::vector<Event> runToEnd(const CompiledScenario& compiled, World& world, Instant until,
                            const std::function<void(double)>& progress) {
    const Scenario& scenario = *compiled.scenario;
    std::vector<Event> log;
    const Instant end = until >= 0 ? std::min(until, scenario.time.end) : scenario.time.end;
    const std::int64_t ticks = (end - scenario.time.start) / scenario.time.step + 1;
    const std::int64_t every = std::max<std::int64_t>(1, ticks / 200);
    while (world.now <= end) {
        step(compiled, world);
        log.insert(log.end(), std::make_move_iterator(world.events.begin()), std::make_move_iterator(world.events.end()));
        world.events.clear();
        if (progress && world.tick % every == 0) progress(static_cast<double>(world.tick) / static_cast<double>(ticks));
    }
    if (progress) progress(1.0);
    return log;
}

void step(const CompiledScenario& compiled, World& world) {
    const Scenario& scenario = *compiled.scenario;
    Context c{scenario, world, compiled};
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

    if (world.defence.active) defend(compiled, world);

    if (now >= world.nextNearMissCheck && !world.nearMissesStopped) {
        nearMisses(c);
        world.nextNearMissCheck = now + compiled.tuning.nearMissEvery;
    }

    ++world.tick;
    world.now = scenario.time.start + world.tick * scenario.time.step;
}

} // namespace nofly::sim
