#include "sim/detail/traffic.hpp"

#include "core/random.hpp"
#include "sim/detail/plans.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <string>

namespace nofly::sim::detail {

using core::Instant;
using core::Vec2;
using scenario::Behaviour;
using scenario::Scenario;

namespace {

/// The `a` of core::keyAt for the traffic's draws: each flight draws from a stream of its own, keyed
/// by its id (a written flight's behaviour) or by its generator and number, so that adding, removing
/// or changing one flight or generator moves no other flight.
constexpr std::uint64_t kBehaviourDraws = 1;
constexpr std::uint64_t kTrafficDraws = 2;

} // namespace

std::vector<FlightPlan> expandTraffic(const Scenario& s, const Tuning& tuning, std::uint64_t seed) {
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
        core::Random random(core::keyAt(seed, kBehaviourDraws, core::textKey(f.id), 0));
        plan.behaviour = f.behaviour ? *f.behaviour : drawBehaviour(random, c, {});
        plan.endurance = f.endurance.value_or(tuning.defaultEndurance);
        out.push_back(std::move(plan));
    }
    for (const scenario::TrafficGenerator& g : s.traffic) {
        const scenario::Category& c = *s.category(g.category);
        const core::Box box = core::bounds(g.area);
        const int width = static_cast<int>(std::to_string(g.count).size());
        std::vector<Vec2> grid; // made when first needed
        for (int n = 1; n <= g.count; ++n) {
            core::Random random(
                core::keyAt(seed, kTrafficDraws, core::textKey(g.id), static_cast<std::uint64_t>(n)));
            FlightPlan plan;
            scenario::Flight& f = plan.flight;
            std::string number = std::to_string(n);
            f.id = g.id + "-" + std::string(static_cast<std::size_t>(width) - number.size(), '0') + number;
            f.category = g.category;
            f.where = g.where;
            f.depart = g.depart.from + static_cast<Instant>(random.below(
                                           static_cast<std::uint64_t>(g.depart.to - g.depart.from) + 1));
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
            const double overhead = 2.0 * f.altitude.metres / std::min(tuning.climbRate, tuning.descentRate) +
                                    std::numbers::pi / tuning.turnRate;
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

} // namespace nofly::sim::detail
