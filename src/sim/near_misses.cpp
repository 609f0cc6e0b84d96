#include "sim/detail/near_misses.hpp"

#include "scenario/limits.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace nofly::sim::detail {

using core::Vec2;

namespace {

/// The drones in the air by cell, and for each occupied cell the occupied cells around it.
class Grid {
  public:
    /// A drone in the air, in its cell.
    struct Placed {
        std::int64_t column, row;
        std::size_t drone;
        Vec2 position; ///< the drone's, kept beside its cell so that comparing reads memory in order
        double altitude;
    };
    /// An occupied cell: a run of `placed` (its drones in order).
    struct Cell {
        std::int64_t column, row;
        std::size_t begin, end;
    };

    Grid(const World& w, double reach) {
        place(w, reach);
        occupy();
        neighbour();
    }

    const std::vector<Placed>& placed() const { return m_placed; }
    const std::vector<Cell>& cells() const { return m_cells; }
    /// The occupied cells around cell k (itself and the eight around it), as indexes into cells().
    std::span<const std::size_t> around(std::size_t k) const {
        return {m_around.data() + m_aroundFrom[k], m_aroundFrom[k + 1] - m_aroundFrom[k]};
    }
    std::size_t size(const Cell& cell) const { return cell.end - cell.begin; }

  private:
    /// The drones in the air by cell, a cell a hair wider than the distance, so that rounding cannot put
    /// two close drones two cells apart.
    void place(const World& w, double reach) {
        const double cell = reach * (1.0 + 1e-9);
        auto cellOf = [&](double v) -> std::int64_t {
            const double k = std::floor(v / cell);
            // at most a billion cells each way (50,000 km), so that a cell packs into half a word
            return std::isfinite(k) ? static_cast<std::int64_t>(std::clamp(k, -1e9, 1e9)) : 0;
        };
        constexpr std::int64_t kOffset = std::int64_t{1} << 31;
        std::vector<std::pair<std::uint64_t, std::size_t>>
            order; // (column and row packed, drone): small to sort
        order.reserve(w.flying.size());
        for (std::size_t i : w.flying) {
            const Drone& d = w.drones[i];
            if (d.phase == Phase::Flying && d.altitude > 0.0 && reach > 0.0)
                order.emplace_back(static_cast<std::uint64_t>(cellOf(d.position.x) + kOffset) << 32 |
                                       static_cast<std::uint64_t>(cellOf(d.position.y) + kOffset),
                                   i);
        }
        std::sort(order.begin(), order.end());
        m_placed.reserve(order.size());
        for (const auto& [key, i] : order)
            m_placed.push_back({static_cast<std::int64_t>(key >> 32) - kOffset,
                                static_cast<std::int64_t>(key & 0xffffffffu) - kOffset, i,
                                w.drones[i].position, w.drones[i].altitude});
    }

    void occupy() {
        m_cells.reserve(m_placed.size());
        for (std::size_t k = 0; k < m_placed.size(); ++k) {
            if (m_cells.empty() || m_cells.back().column != m_placed[k].column ||
                m_cells.back().row != m_placed[k].row)
                m_cells.push_back({m_placed[k].column, m_placed[k].row, k, k});
            m_cells.back().end = k + 1;
        }
    }

    /// The occupied cells around each, in one pass: the cells come in order, so for each of the three
    /// columns a cursor only moves forward.
    void neighbour() {
        m_aroundFrom.resize(m_cells.size() + 1);
        m_around.reserve(3 * m_cells.size());
        std::size_t cursor[3] = {0, 0, 0};
        for (std::size_t k = 0; k < m_cells.size(); ++k) {
            m_aroundFrom[k] = m_around.size();
            for (std::int64_t side = -1; side <= 1; ++side) {
                const std::int64_t column = m_cells[k].column + side, row = m_cells[k].row;
                std::size_t& m = cursor[side + 1];
                auto before = [&](const Cell& x) {
                    return x.column < column || (x.column == column && x.row < row - 1);
                };
                while (m < m_cells.size() && before(m_cells[m]))
                    ++m;
                for (std::size_t n = m;
                     n < m_cells.size() && m_cells[n].column == column && m_cells[n].row <= row + 1; ++n)
                    m_around.push_back(n);
            }
        }
        m_aroundFrom[m_cells.size()] = m_around.size();
    }

    std::vector<Placed> m_placed;
    std::vector<Cell> m_cells;
    std::vector<std::size_t> m_aroundFrom, m_around;
};

/// One near-miss check: the grid, the pairs it compares, and the events it makes.
class Check {
  public:
    explicit Check(Context& c)
        : m_c(c), m_w(c.world), m_height(c.compiled.tuning.nearMissHeight),
          m_reach(c.compiled.tuning.nearMissDistance), m_reach2(m_reach * m_reach), m_grid(c.world, m_reach) {
    }

    void run() {
        m_w.lastCheck.resize(m_w.drones.size());
        if (!withinBudget()) return;
        compareAll();
        // where each drone is, for the next check
        for (NearMissMark& mark : m_w.lastCheck)
            mark.checked = false;
        for (const Grid::Placed& p : m_grid.placed())
            m_w.lastCheck[p.drone] = {p.position, p.altitude, true};
    }

  private:
    bool close(Vec2 p, double pz, Vec2 q, double qz) const {
        if (!(std::abs(pz - qz) < m_height)) return false;
        // the squared distance decides all but a hair's breadth from the edge, where core::distance
        // (std::hypot: exact to an ulp, but slow) does: the same answers, several times faster
        const double dx = q.x - p.x, dy = q.y - p.y, d2 = dx * dx + dy * dy;
        if (d2 < m_reach2 * (1.0 - 1e-9)) return true;
        if (d2 > m_reach2 * (1.0 + 1e-9)) return false;
        return core::distance(p, q) < m_reach;
    }

    /// The pairs this check compares, against the run's budget, before comparing any.
    bool withinBudget() {
        const std::vector<Grid::Cell>& cells = m_grid.cells();
        std::int64_t pairs = 0;
        m_nearby.assign(cells.size(), 0); // the drones in a cell and around it
        for (std::size_t k = 0; k < cells.size(); ++k) {
            for (std::size_t a : m_grid.around(k))
                m_nearby[k] += static_cast<std::int64_t>(m_grid.size(cells[a]));
            pairs += static_cast<std::int64_t>(m_grid.size(cells[k])) * (m_nearby[k] - 1);
        }
        pairs /= 2; // each pair was counted from both its drones
        if (pairs > m_c.compiled.tuning.nearMissPairBudget - m_w.nearMissPairs) {
            m_w.nearMissesStopped = true;
            Event e = m_c.event(EventType::Note, nullptr, -1, {}, EventReason::NearMissesStopped);
            e.count = pairs;
            e.limit = m_c.compiled.tuning.nearMissPairBudget;
            m_c.emit(e);
            return false;
        }
        m_w.nearMissPairs += pairs;
        return true;
    }

    /// The drones of higher number around drone `ia` (in cell k) close to it now and not at the last
    /// check, in order.
    void freshAround(std::size_t ia, std::size_t k, std::vector<std::size_t>& fresh) const {
        const std::vector<Grid::Placed>& placed = m_grid.placed();
        const Drone& a = m_w.drones[ia];
        const NearMissMark& aWas = m_w.lastCheck[ia];
        fresh.clear();
        for (std::size_t n : m_grid.around(k)) {
            const Grid::Cell& other = m_grid.cells()[n];
            const auto before = static_cast<std::ptrdiff_t>(fresh.size());
            const auto end = placed.begin() + static_cast<std::ptrdiff_t>(other.end);
            auto it =
                std::upper_bound(placed.begin() + static_cast<std::ptrdiff_t>(other.begin), end, ia,
                                 [](std::size_t drone, const Grid::Placed& p) { return drone < p.drone; });
            for (; it != end; ++it) {
                if (!close(a.position, a.altitude, it->position, it->altitude)) continue;
                // close at the last check too: the same encounter
                const NearMissMark& bWas = m_w.lastCheck[it->drone];
                if (aWas.checked && bWas.checked &&
                    close(aWas.position, aWas.altitude, bWas.position, bWas.altitude))
                    continue;
                fresh.push_back(it->drone);
            }
            // each cell's drones come in order: merged into those of the cells before
            if (before > 0 && fresh.end() - fresh.begin() > before)
                std::inplace_merge(fresh.begin(), fresh.begin() + before, fresh.end());
        }
    }

    /// Each drone against the drones of higher number around it, in order of the first, then the second.
    void compareAll() {
        constexpr std::size_t kNowhere = std::numeric_limits<std::size_t>::max();
        std::vector<std::size_t> cellOfDrone(m_w.drones.size(), kNowhere);
        const std::vector<Grid::Cell>& cells = m_grid.cells();
        for (std::size_t k = 0; k < cells.size(); ++k)
            for (std::size_t m = cells[k].begin; m < cells[k].end; ++m)
                cellOfDrone[m_grid.placed()[m].drone] = k;
        std::vector<std::size_t> fresh;
        for (std::size_t ia = 0; ia < cellOfDrone.size(); ++ia) {
            const std::size_t k = cellOfDrone[ia];
            if (k == kNowhere || m_nearby[k] == 1) continue; // not in the air, or alone around
            freshAround(ia, k, fresh);
            for (std::size_t ib : fresh)
                found(ia, ib);
        }
        for (const Summary& s : m_summaries) {
            const Drone& a = m_w.drones[s.first];
            const Drone& b = m_w.drones[s.second];
            Event e = m_c.event(EventType::NearMiss, &a, -1, (a.position + b.position) * 0.5,
                                EventReason::NearMissSummary);
            e.value = static_cast<double>(s.count); // and `other` stays empty: a summary
            e.ref = b.flight;
            e.figure = core::distance(a.position, b.position);
            m_c.emit(e);
        }
    }

    /// A near miss of drones ia and ib: listed, or past the events a check lists, counted.
    void found(std::size_t ia, std::size_t ib) {
        const Drone& a = m_w.drones[ia];
        const Drone& b = m_w.drones[ib];
        if (m_listed < scenario::limits::kMaxNearMissEvents) {
            ++m_listed;
            Event e = m_c.event(EventType::NearMiss, &a, -1, (a.position + b.position) * 0.5);
            e.other = b.flight;
            e.value = core::distance(a.position, b.position);
            m_c.emit(e);
            return;
        }
        // too many to list: counted, by the category of the first drone, as one event would be
        const std::string& category = m_c.flight(a).category;
        auto summary = std::find_if(m_summaries.begin(), m_summaries.end(),
                                    [&](const Summary& s) { return s.category == category; });
        if (summary == m_summaries.end())
            summary = m_summaries.insert(m_summaries.end(), {category, ia, ib, 0});
        ++summary->count;
    }

    struct Summary {
        std::string category;
        std::size_t first, second; ///< the first near miss it counts
        std::int64_t count = 0;
    };

    Context& m_c;
    World& m_w;
    const double m_height, m_reach, m_reach2;
    Grid m_grid;
    std::vector<std::int64_t> m_nearby; ///< per cell: the drones in it and around it
    std::vector<Summary> m_summaries;   ///< in order of their first near miss
    std::size_t m_listed = 0;
};

} // namespace

void nearMisses(Context& c) {
    Check(c).run();
}

} // namespace nofly::sim::detail
