// Simulation throughput: drones in the air at once on straight multi-leg
// routes over many polygon zones, one simulated hour at a 1 s step, zone
// state exact at every step (entries, exits and violations are computed per
// leg and emitted on the tick they happen).
//
//   make bench && build/bench/bench/sim_bench
//
// Counters: drone_steps/s over the whole hour, departures included (the target
// is 20 million on one core); flying_steps/s, the hour after the departures;
// depart_s, the first tick's departure decisions; peak_MB, peak resident memory.
#include "core/random.hpp"
#include "scenario/model.hpp"
#include "sim/simulation.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numbers>
#include <sys/resource.h>

namespace {

using namespace nofly;

constexpr double kSide = 200e3; ///< [m] the square the scenario covers

/// A star-shaped polygon zone of `corners` corners around `centre`.
scenario::Zone starZone(core::Random& random, int index, core::Vec2 centre, int corners) {
    scenario::Zone zone;
    zone.id = "zone-" + std::to_string(index);
    zone.name = zone.id;
    zone.restriction = index % 3 == 0 ? scenario::Restriction::Authorisation : scenario::Restriction::Prohibited;
    core::Polygon polygon;
    const double radius = random.uniform(500.0, 3000.0);
    for (int k = 0; k < corners; ++k) {
        const double angle = 2.0 * std::numbers::pi * k / corners;
        const double r = radius * random.uniform(0.6, 1.0);
        polygon.outer.push_back(centre + core::Vec2{std::cos(angle), std::sin(angle)} * r);
    }
    zone.region.polygons.push_back(polygon);
    return zone;
}

/// `drones` flights in the air for the whole hour, `zones` zones of 4 to 200 corners.
scenario::Scenario generated(int drones, int zones) {
    scenario::Scenario s;
    s.title = "benchmark";
    s.time.start = 1759294800000; // 2025-10-01T07:00+02:00
    s.time.end = s.time.start + 3600 * 1000;
    s.time.step = 1000;
    s.categories.push_back({});
    s.categories.back().id = "hobby";
    s.categories.back().name = "Hobby pilots";
    core::Random random(42);
    for (int z = 0; z < zones; ++z)
        s.zones.push_back(starZone(random, z, {random.uniform(0, kSide), random.uniform(0, kSide)},
                                   4 + static_cast<int>(random.below(197))));
    for (int d = 0; d < drones; ++d) {
        scenario::Flight f;
        f.id = "f" + std::to_string(d);
        f.category = "hobby";
        f.depart = s.time.start;
        f.speed = 12.0;
        f.altitude = {60.0, core::AltitudeRef::AGL};
        f.behaviour = scenario::Behaviour::Unaware; // flies its plan, through the zones
        f.endurance = 2 * 3600 * 1000;
        // legs of 5 to 15 km until the route outlasts the hour
        core::Vec2 p{random.uniform(0, kSide), random.uniform(0, kSide)};
        f.route.push_back(p);
        for (double length = 0; length < 12.0 * 3700.0;) {
            const double angle = random.uniform(0, 6.283185307179586);
            const double leg = random.uniform(5e3, 15e3);
            core::Vec2 q = p + core::Vec2{std::cos(angle), std::sin(angle)} * leg;
            q.x = std::clamp(q.x, 0.0, kSide);
            q.y = std::clamp(q.y, 0.0, kSide);
            length += core::distance(p, q);
            f.route.push_back(q);
            p = q;
        }
        s.flights.push_back(std::move(f));
    }
    return s;
}

long peakKilobytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

void SimulatedHour(benchmark::State& state) {
    const int drones = static_cast<int>(state.range(0));
    const int zones = static_cast<int>(state.range(1));
    const sim::CompiledScenario compiled = sim::compile(generated(drones, zones));
    const scenario::Scenario& s = *compiled.scenario;
    std::int64_t steps = 0, events = 0;
    double departSeconds = 0.0, flySeconds = 0.0;
    for (auto _ : state) {
        sim::World world = sim::makeWorld(compiled, s.seed);
        // the first tick takes every departure decision; the hour of flying follows
        const auto t0 = std::chrono::steady_clock::now();
        sim::step(compiled, world);
        departSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const auto t1 = std::chrono::steady_clock::now();
        while (!sim::finished(compiled, world)) {
            steps += static_cast<std::int64_t>(world.flying.size());
            sim::step(compiled, world);
            events += static_cast<std::int64_t>(world.events.size());
            world.events.clear();
        }
        flySeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
        benchmark::DoNotOptimize(world.tick);
    }
    state.counters["drone_steps/s"] = benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
    state.counters["events"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kAvgIterations);
    state.counters["flying_steps/s"] = benchmark::Counter(static_cast<double>(steps) / flySeconds);
    state.counters["depart_s"] = benchmark::Counter(departSeconds, benchmark::Counter::kAvgIterations);
    state.counters["pieces"] = static_cast<double>(compiled.index->pieceCount());
    state.counters["peak_MB"] = static_cast<double>(peakKilobytes()) / 1024.0;
}

// drones: 1k, 10k, 100k at 500 zones; zones: 50, 500, 5000 at 10k drones
BENCHMARK(SimulatedHour)
    ->Args({1000, 500})
    ->Args({10000, 50})
    ->Args({10000, 500})
    ->Args({10000, 5000})
    ->Args({100000, 500})
    ->Unit(benchmark::kSecond)
    ->Iterations(1);

} // namespace
