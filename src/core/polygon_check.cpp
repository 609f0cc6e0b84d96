// The checks of a polygon that a scenario writer reads: each ring on its own
// (enough points, some area, no crossing, no doubling back), each hole inside
// the outer ring, holes apart. Messages number points and edges from 1, as a
// writer counts the points of their list.
#include "core/geometry.hpp"

#include "core/detail/plane.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace nofly::core {

using detail::addRingMeetings;
using detail::distinctPointCount;
using detail::keptVertices;
using detail::kZeroAreaFraction;
using detail::pointInside;
using detail::Side;
using detail::sideOfRing;
using detail::sortedCuts;
using detail::toleranceAt;

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// "edge 2 (point 2 to point 3)": numbered from 1, as a writer counts the
// points of their list; edge e starts at point e.
std::string edgeName(const Ring& ring, std::size_t edge) {
    const std::size_t n = ring.size();
    return "edge " + std::to_string(edge + 1) + " (point " + std::to_string(edge + 1) + " to point " +
           std::to_string((edge + 1) % n + 1) + ")";
}

// Checks one ring on its own; true when the ring can take part in the checks
// between rings.
bool checkRing(const Ring& ring, const std::string& name, const std::string& kind,
               std::vector<std::string>& problems) {
    // enough points to enclose anything
    const std::size_t distinct = distinctPointCount(ring);
    if (distinct < 3) {
        problems.push_back(name + " has " + std::to_string(distinct) + " distinct point" +
                           (distinct == 1 ? "" : "s") + "; " + kind + " needs at least 3");
        return false;
    }
    // points all on one line enclose nothing (and would fold back on themselves)
    double minX = kInfinity, minY = kInfinity, maxX = -kInfinity, maxY = -kInfinity;
    for (Vec2 p : ring) {
        minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
    }
    const double extent = std::max(maxX - minX, maxY - minY);
    const Vec2 origin = ring.front();
    const Vec2 far = *std::max_element(
        ring.begin(), ring.end(), [&](Vec2 a, Vec2 b) { return distance(origin, a) < distance(origin, b); });
    const bool onOneLine = std::all_of(ring.begin(), ring.end(), [&](Vec2 p) {
        return std::fabs(cross(far - origin, p - origin)) <=
               kZeroAreaFraction * extent * distance(origin, far);
    });
    const std::string noArea = name + " encloses no area (are all its points on one line?)";
    if (onOneLine) {
        problems.push_back(noArea);
        return false;
    }
    // no crossings, no doubling back
    if (auto crossing = findSelfIntersection(ring)) {
        // neighbouring edges (counted without repeated vertices) can only double back
        const std::vector<std::size_t> kept = keptVertices(ring);
        auto slot = [&](std::size_t edge) {
            return static_cast<std::size_t>(std::find(kept.begin(), kept.end(), edge) - kept.begin());
        };
        const std::size_t m = kept.size(), first = slot(crossing->first), second = slot(crossing->second);
        const bool neighbours = (first + 1) % m == second || (second + 1) % m == first;
        if (neighbours) {
            // the point between them: where the later edge starts
            const std::size_t shared = (first + 1) % m == second ? crossing->second : crossing->first;
            const bool wraps = (first + 1) % m != second;
            const std::size_t earlier = wraps ? crossing->second : crossing->first;
            const std::size_t later = wraps ? crossing->first : crossing->second;
            problems.push_back(name + " doubles back on itself at point " + std::to_string(shared + 1) +
                               ": " + edgeName(ring, earlier) + " and " + edgeName(ring, later) +
                               " run along each other (a zero-width spike)");
        } else {
            problems.push_back(name + " crosses itself: " + edgeName(ring, crossing->first) + " crosses " +
                               edgeName(ring, crossing->second));
        }
        return false;
    }
    // a simple ring off one line has area, unless it is thinner than rounding
    if (std::fabs(signedArea(ring)) <= kZeroAreaFraction * extent * extent) {
        problems.push_back(noArea);
        return false;
    }
    return true;
}

// The pieces of each edge of `ring` between the places where it meets the
// edges of `other`: calls piece(edge index, middle of the piece) for each.
template <typename Piece> void forEachEdgePiece(const Ring& ring, const Ring& other, Piece&& piece) {
    const std::size_t n = ring.size();
    for (std::size_t e = 0; e < n; ++e) {
        const Vec2 a = ring[e], b = ring[(e + 1) % n];
        if (a == b) continue;
        std::vector<double> raw;
        addRingMeetings(a, b, other, raw);
        const std::vector<double> cuts = sortedCuts(std::move(raw), toleranceAt(a) / distance(a, b));
        for (std::size_t i = 0; i + 1 < cuts.size(); ++i)
            if (!piece(e, a + (b - a) * (0.5 * (cuts[i] + cuts[i + 1])))) return;
    }
}

// A hole must lie in the closed outer ring and may meet it only at single points.
void checkHoleInside(const Ring& outer, const Ring& hole, const std::string& name,
                     std::vector<std::string>& problems) {
    for (std::size_t k = 0; k < hole.size(); ++k) {
        if (sideOfRing(outer, hole[k]) == Side::Outside) {
            problems.push_back(name + " is not inside the outer ring: its point " + std::to_string(k + 1) +
                               " is outside it");
            return;
        }
    }
    std::string problem;
    forEachEdgePiece(hole, outer, [&](std::size_t e, Vec2 middle) {
        const Side side = sideOfRing(outer, middle);
        if (side == Side::Outside)
            problem = name + " is not inside the outer ring: its " + edgeName(hole, e) + " goes outside it";
        else if (side == Side::Boundary)
            problem = name + " runs along the outer ring on its " + edgeName(hole, e) +
                      "; a hole may touch the outer ring only at single points";
        return problem.empty();
    });
    if (!problem.empty()) problems.push_back(problem);
}

// Two holes must not share any area, nor a stretch of boundary.
void checkHolesApart(const Ring& first, const Ring& second, const std::string& firstName,
                     const std::string& secondName, std::vector<std::string>& problems) {
    // holes whose boxes are further apart than rounding share nothing (most pairs of a country's lakes)
    auto box = [](const Ring& ring) {
        Box b{ring.front(), ring.front()};
        for (Vec2 p : ring)
            b = {{std::min(b.min.x, p.x), std::min(b.min.y, p.y)},
                 {std::max(b.max.x, p.x), std::max(b.max.y, p.y)}};
        return b;
    };
    const Box a = box(first), b = box(second);
    const double tol =
        std::max(toleranceAt(a.min), toleranceAt(a.max)) + std::max(toleranceAt(b.min), toleranceAt(b.max));
    if (a.max.x < b.min.x - tol || b.max.x < a.min.x - tol || a.max.y < b.min.y - tol ||
        b.max.y < a.min.y - tol)
        return;
    const std::string overlap = firstName + " and " + secondName + " overlap; holes must not overlap";
    // a vertex of one strictly inside the other, or one inside the other altogether
    auto vertexInside = [](const Ring& ring, const Ring& other) {
        return std::any_of(ring.begin(), ring.end(),
                           [&](Vec2 p) { return sideOfRing(other, p) == Side::Inside; });
    };
    if (vertexInside(first, second) || vertexInside(second, first) ||
        sideOfRing(second, pointInside(first)) != Side::Outside ||
        sideOfRing(first, pointInside(second)) != Side::Outside) {
        problems.push_back(overlap);
        return;
    }
    // an edge of one passing through the other, or running along its edge
    std::string problem;
    forEachEdgePiece(first, second, [&](std::size_t e, Vec2 middle) {
        const Side side = sideOfRing(second, middle);
        if (side == Side::Inside)
            problem = overlap;
        else if (side == Side::Boundary)
            problem = firstName + " and " + secondName + " share a stretch of boundary (" + firstName +
                      "'s " + edgeName(first, e) + "); make them one hole";
        return problem.empty();
    });
    if (!problem.empty()) problems.push_back(problem);
}

} // namespace

std::vector<std::string> validate(const Polygon& polygon) {
    std::vector<std::string> problems;
    // every coordinate must be a number before anything can be measured
    auto checkFinite = [&](const Ring& ring, const std::string& name) {
        for (std::size_t k = 0; k < ring.size(); ++k) {
            if (!std::isfinite(ring[k].x) || !std::isfinite(ring[k].y)) {
                problems.push_back("point " + std::to_string(k + 1) + " of " + name +
                                   " is not a finite number");
                return false;
            }
        }
        return true;
    };
    bool finite = checkFinite(polygon.outer, "the outer ring");
    for (std::size_t h = 0; h < polygon.holes.size(); ++h)
        finite = checkFinite(polygon.holes[h], "hole " + std::to_string(h + 1)) && finite;
    if (!finite) return problems;

    // each ring on its own
    const bool outerOk = checkRing(polygon.outer, "the outer ring", "a polygon", problems);
    std::vector<bool> holeOk;
    for (std::size_t h = 0; h < polygon.holes.size(); ++h)
        holeOk.push_back(checkRing(polygon.holes[h], "hole " + std::to_string(h + 1), "a hole", problems));

    // each hole against the outer ring, then against the other holes
    for (std::size_t h = 0; h < polygon.holes.size(); ++h)
        if (outerOk && holeOk[h])
            checkHoleInside(polygon.outer, polygon.holes[h], "hole " + std::to_string(h + 1), problems);
    for (std::size_t i = 0; i < polygon.holes.size(); ++i)
        for (std::size_t j = i + 1; j < polygon.holes.size(); ++j)
            if (holeOk[i] && holeOk[j])
                checkHolesApart(polygon.holes[i], polygon.holes[j], "hole " + std::to_string(i + 1),
                                "hole " + std::to_string(j + 1), problems);
    return problems;
}

} // namespace nofly::core
