// Polygon checks remembered by content. `nofly check` and `compare` load a
// scenario once for each of its variants, and sweep once for each grid point;
// a ring's check for crossings costs the square of its points (6 s for a
// ring of 50,000), so a big outline is checked once for the process, however
// many loads meet it (issue 22, item 7).
#pragma once

#include "core/geometry.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace nofly::scenario {

/// core::validate(polygon), from memory when a polygon with the same points
/// was checked before. Safe to call from several threads (sweep loads its
/// grid points in parallel).
std::vector<std::string> checkPolygon(const core::Polygon& polygon);

/// How many polygons big enough to remember were checked rather than
/// remembered, so far in the process (a test counts the checks of a load).
std::size_t polygonsChecked();

} // namespace nofly::scenario
