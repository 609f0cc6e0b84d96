#include "scenario/polygon_cache.hpp"

#include "scenario/limits.hpp"

#include <bit>
#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace nofly::scenario {

namespace {

/// Polygons smaller than this are checked again each time: their check costs
/// less than remembering them (1,000 points: about 1 ms).
constexpr std::size_t kSmallestRemembered = 1000;

std::size_t pointCount(const core::Polygon& polygon) {
    std::size_t points = polygon.outer.size();
    for (const core::Ring& hole : polygon.holes) points += hole.size();
    return points;
}

/// FNV-1a over the bits of every coordinate, ring by ring.
std::uint64_t contentHash(const core::Polygon& polygon) {
    std::uint64_t hash = 14695981039346656037u;
    auto add = [&](std::uint64_t word) {
        for (int byte = 0; byte < 8; ++byte, word >>= 8) hash = (hash ^ (word & 0xffu)) * 1099511628211u;
    };
    auto ring = [&](const core::Ring& points) {
        add(points.size());
        for (const core::Vec2& p : points) {
            add(std::bit_cast<std::uint64_t>(p.x));
            add(std::bit_cast<std::uint64_t>(p.y));
        }
    };
    ring(polygon.outer);
    for (const core::Ring& hole : polygon.holes) ring(hole);
    return hash;
}

/// The same points bit for bit (so that a cached answer is never another polygon's).
bool samePoints(const core::Polygon& a, const core::Polygon& b) {
    auto sameRing = [](const core::Ring& p, const core::Ring& q) {
        if (p.size() != q.size()) return false;
        for (std::size_t k = 0; k < p.size(); ++k)
            if (std::bit_cast<std::uint64_t>(p[k].x) != std::bit_cast<std::uint64_t>(q[k].x) ||
                std::bit_cast<std::uint64_t>(p[k].y) != std::bit_cast<std::uint64_t>(q[k].y))
                return false;
        return true;
    };
    if (a.holes.size() != b.holes.size() || !sameRing(a.outer, b.outer)) return false;
    for (std::size_t h = 0; h < a.holes.size(); ++h)
        if (!sameRing(a.holes[h], b.holes[h])) return false;
    return true;
}

struct Remembered {
    core::Polygon polygon;
    std::vector<std::string> problems;
};

/// What was checked, bounded to the corners one scenario may hold in all
/// (limits::kMaxVertices): past that it starts again.
struct Memory {
    std::mutex mutex;
    std::unordered_multimap<std::uint64_t, Remembered> byHash;
    std::size_t points = 0;
    std::size_t checked = 0; ///< polygonsChecked()
};

Memory& memory() {
    static Memory m;
    return m;
}

} // namespace

std::vector<std::string> checkPolygon(const core::Polygon& polygon) {
    const std::size_t points = pointCount(polygon);
    if (points < kSmallestRemembered) return core::validate(polygon);
    const std::uint64_t hash = contentHash(polygon);
    Memory& m = memory();
    auto remembered = [&]() -> const Remembered* {
        auto [from, to] = m.byHash.equal_range(hash);
        for (auto it = from; it != to; ++it)
            if (samePoints(it->second.polygon, polygon)) return &it->second;
        return nullptr;
    };
    {
        std::lock_guard lock(m.mutex);
        if (const Remembered* r = remembered()) return r->problems;
    }
    // checked outside the lock: two threads may check the same polygon at once; one remembers it
    std::vector<std::string> problems = core::validate(polygon);
    std::lock_guard lock(m.mutex);
    ++m.checked;
    if (remembered()) return problems;
    if (m.points + points > limits::kMaxVertices) {
        m.byHash.clear();
        m.points = 0;
    }
    m.byHash.emplace(hash, Remembered{polygon, problems});
    m.points += points;
    return problems;
}

std::size_t polygonsChecked() {
    Memory& m = memory();
    std::lock_guard lock(m.mutex);
    return m.checked;
}

} // namespace nofly::scenario
