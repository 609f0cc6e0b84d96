#include "render/detail/playback.hpp"

#include "sim/simulation.hpp"

#include <algorithm>

namespace nofly::render {

namespace {
constexpr core::Millis kMinute = 60000;
/// Drone copies all snapshots together may hold (a drone with its plan is a
/// few kilobytes).
constexpr std::size_t kSnapshotBudget = 400000;
} // namespace

Playback::Playback(std::shared_ptr<const scenario::Scenario> scenario, core::Millis snapshotEvery)
    : m_compiled(sim::compile(std::move(scenario))), m_scenario(*m_compiled.scenario),
      m_world(sim::makeWorld(m_compiled, m_scenario.seed)) {
    const scenario::Scenario& s = m_scenario;
    const core::Millis step = std::max<core::Millis>(s.time.step, 1);
    const core::Millis duration = std::max<core::Millis>(s.time.end - s.time.start, step);
    if (snapshotEvery <= 0) {
        // as many snapshots as memory allows, from 6 to 120, at least a minute apart
        const std::size_t drones = std::max<std::size_t>(m_world.drones.size(), 1);
        const auto count =
            static_cast<core::Millis>(std::clamp<std::size_t>(kSnapshotBudget / drones, 6, 120));
        snapshotEvery = std::max(duration / count, kMinute);
    }
    m_everyTicks = std::max<std::int64_t>(snapshotEvery / step, 1);
    m_every = m_everyTicks * step;
    m_snapshots.push_back({m_world, 0});
}

bool Playback::finished() const {
    return sim::finished(m_compiled, m_world);
}

core::Instant Playback::clamp(core::Instant t) const {
    // the last tick runs at the end time itself, and leaves the world one step past it
    return std::clamp(t, m_scenario.time.start,
                      m_scenario.time.end + std::max<core::Millis>(m_scenario.time.step, 1));
}

bool Playback::arrived(core::Instant target) const {
    target = clamp(target);
    return m_world.now >= target && m_world.now - target < std::max<core::Millis>(m_scenario.time.step, 1);
}

void Playback::takeSnapshotIfDue() {
    if (m_world.tick % m_everyTicks != 0) return;
    if (!m_snapshots.empty() && m_snapshots.back().world.tick >= m_world.tick)
        return; // taken on an earlier pass
    m_snapshots.push_back({m_world, m_count});
}

bool Playback::stepOnce() {
    if (finished()) return false;
    sim::step(m_compiled, m_world);
    // a tick replayed gives the events already logged; only new ticks add to the log
    if (m_count == m_log.size()) m_log.insert(m_log.end(), m_world.events.begin(), m_world.events.end());
    m_count += m_world.events.size();
    m_world.events.clear();
    takeSnapshotIfDue();
    return true;
}

int Playback::advanceToward(core::Instant target, int maxSteps) {
    target = clamp(target);
    if (target < m_world.now) {
        // back: the latest snapshot at or before the target, then forward from it
        auto it = std::upper_bound(m_snapshots.begin(), m_snapshots.end(), target,
                                   [](core::Instant t, const Snapshot& s) { return t < s.world.now; });
        const Snapshot& from = it == m_snapshots.begin() ? m_snapshots.front() : *std::prev(it);
        m_world = from.world;
        m_count = from.eventCount;
    } else {
        // forward past a later snapshot: jump to it rather than step there
        auto it = std::upper_bound(m_snapshots.begin(), m_snapshots.end(), target,
                                   [](core::Instant t, const Snapshot& s) { return t < s.world.now; });
        if (it != m_snapshots.begin()) {
            const Snapshot& latest = *std::prev(it);
            if (latest.world.now > m_world.now) {
                m_world = latest.world;
                m_count = latest.eventCount;
            }
        }
    }
    int steps = 0;
    while (steps < maxSteps && m_world.now < target && !finished()) {
        stepOnce();
        ++steps;
    }
    return steps;
}

} // namespace nofly::render
