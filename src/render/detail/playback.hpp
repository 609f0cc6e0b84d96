// Playback: the viewer's handle on a run. Its job is to move one World
// through time for the window: forward a bounded number of steps at a time,
// and back by restoring the latest snapshot before the wanted time and
// replaying from it. The simulation is deterministic, so a replayed world is
// the world a straight run reaches. It never reads a clock: the caller says
// how many steps it may take.
#pragma once

#include "scenario/model.hpp"
#include "sim/world.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace nofly::render {

class Playback {
  public:
    /// `snapshotEvery` [ms] of simulated time; 0 chooses from the number of
    /// flights, so that the snapshots of a large run stay within memory.
    /// Compiles the scenario and plays it with the scenario's own seed.
    explicit Playback(std::shared_ptr<const scenario::Scenario> scenario, core::Millis snapshotEvery = 0);

    const scenario::Scenario& scenario() const { return m_scenario; }
    const sim::CompiledScenario& compiled() const { return m_compiled; }
    const sim::World& world() const { return m_world; }
    /// Every event from the start to now, in order.
    std::span<const sim::Event> events() const { return {m_log.data(), m_count}; }
    core::Instant now() const { return m_world.now; }
    core::Instant start() const { return m_scenario.time.start; }
    core::Instant end() const { return m_scenario.time.end; }
    bool finished() const;

    /// One tick forward (nothing when finished). Returns whether it stepped.
    bool stepOnce();
    /// Steps toward `target` (clamped to the run: the world at time t has run
    /// every tick before t, so the run is finished one step past its end), taking at most `maxSteps`
    /// steps; going back restores a snapshot first. Returns the steps taken;
    /// now() == target (to a tick) once it has arrived.
    int advanceToward(core::Instant target, int maxSteps);
    /// Whether now() is `target`, to the tick at or after it.
    bool arrived(core::Instant target) const;

    core::Millis snapshotEvery() const { return m_every; }
    std::size_t snapshotCount() const { return m_snapshots.size(); }

  private:
    struct Snapshot {
        sim::World world;
        std::size_t eventCount = 0;
    };
    void takeSnapshotIfDue();
    core::Instant clamp(core::Instant t) const;

    sim::CompiledScenario m_compiled;
    const scenario::Scenario& m_scenario; ///< *m_compiled.scenario
    sim::World m_world;
    std::vector<sim::Event>
        m_log;               ///< every event up to the furthest tick reached (never changes once written)
    std::size_t m_count = 0; ///< of them, those up to now
    std::vector<Snapshot> m_snapshots; ///< in tick order, one per m_every from the start
    core::Millis m_every = 0;
    std::int64_t m_everyTicks = 1;
};

} // namespace nofly::render
