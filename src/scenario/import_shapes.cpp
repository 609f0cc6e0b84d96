// Areas and volumes of imported zones: the volumes of a feature grouped by
// their limits into zones, shapes merged, and polygons repaired where a ring
// crosses itself or doubles back, as the loader would refuse them.
#include "scenario/import_formats.hpp"

#include "scenario/polygon_cache.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace nofly::scenario::importing {

void addVolume(std::vector<Layer>& layers, const VerticalLimits& limits, const GeoShape& shape, int line) {
    auto same = [](const core::Altitude& x, const core::Altitude& y) {
        return x.metres == y.metres && x.ref == y.ref;
    };
    for (Layer& layer : layers) {
        const VerticalLimits& l = layer.limits;
        if (!same(l.floor, limits.floor) || l.ceiling.has_value() != limits.ceiling.has_value()) continue;
        if (l.ceiling && !same(*l.ceiling, *limits.ceiling)) continue;
        merge(layer.shape, shape);
        return;
    }
    layers.push_back({limits, shape, line});
}

std::vector<GeoZone> zonesOfLayers(Importer& importer, const GeoZone& base, std::vector<Layer> layers,
                                   const std::string& written, std::size_t index) {
    const std::string stem = written.empty() ? "zone-" + std::to_string(index + 1) : written;
    std::vector<GeoZone> zones;
    for (std::size_t l = 0; l < layers.size(); ++l) {
        GeoZone zone = base;
        zone.altitude = layers[l].limits;
        zone.shape = std::move(layers[l].shape);
        if (layers.size() == 1) {
            zone.id = importer.uniqueId(stem);
        } else {
            // a wedding cake: one zone a pair of limits, named by them
            zone.id = importer.uniqueId(stem + "-" + std::to_string(l + 1));
            zone.name = base.name + " (" + describeAltitude(zone.altitude.floor) + " to " +
                        (zone.altitude.ceiling ? describeAltitude(*zone.altitude.ceiling)
                                               : std::string("unlimited")) +
                        ")";
            zone.where = importer.at(layers[l].line, 0);
        }
        if (zone.name.empty()) zone.name = zone.id;
        zones.push_back(std::move(zone));
    }
    return zones;
}

void merge(GeoShape& into, const GeoShape& part) {
    into.polygons.insert(into.polygons.end(), part.polygons.begin(), part.polygons.end());
    into.circles.insert(into.circles.end(), part.circles.begin(), part.circles.end());
    into.corridors.insert(into.corridors.end(), part.corridors.begin(), part.corridors.end());
}

namespace {

/// The plane a polygon is checked on: an azimuthal equidistant projection
/// centred on it, the projection a scenario's loader checks zones on, so that
/// a ring import accepts is one include accepts.
struct LocalPlane {
    core::LocalProjection projection;
    explicit LocalPlane(core::LatLon origin) : projection(origin) {}
    core::Vec2 to(core::LatLon p) const { return projection.toLocal(p); }
    core::LatLon from(core::Vec2 v) const { return projection.toGeo(v); }
};

/// "1.2 km²", "350 m²".
std::string describeArea(double squareMetres) {
    std::ostringstream out;
    out.precision(2);
    if (squareMetres >= 1e5)
        out << std::fixed << squareMetres / 1e6 << " km²";
    else
        out << std::llround(squareMetres) << " m²";
    return out.str();
}

/// Cuts the loops where a ring crosses itself (keeping the larger side) and
/// the spikes where it doubles back; returns the area cut off. [m²]
double mendRing(core::Ring& ring, const LocalPlane& plane, const std::string& name,
                std::vector<std::string>& repairs) {
    double cut = 0.0;
    for (std::size_t round = 0; round < ring.size() + 2; ++round) {
        const auto crossing = core::findSelfIntersection(ring);
        if (!crossing) break;
        const std::size_t n = ring.size(), i = crossing->first, j = crossing->second;
        const core::LatLon where = plane.from(crossing->at);
        std::ostringstream at;
        at.precision(5);
        at << std::fixed << where.lat << ", " << where.lon;
        if (j == i + 1 || (i == 0 && j == n - 1)) {
            // neighbours that run along each other: take the point between them out
            const std::size_t tip = j == i + 1 ? j : 0;
            ring.erase(ring.begin() + static_cast<std::ptrdiff_t>(tip));
            repairs.push_back(name + " doubles back on itself at " + at.str() + "; the spike is taken out");
            if (ring.size() < 3) break;
            continue;
        }
        // two loops meet at the crossing: the vertices after i up to j, and the rest
        core::Ring inner{crossing->at}, outer{crossing->at};
        for (std::size_t k = i + 1; k <= j; ++k)
            inner.push_back(ring[k]);
        for (std::size_t k = j + 1; k < n + i + 1; ++k)
            outer.push_back(ring[k % n]);
        const double innerArea = std::abs(core::signedArea(inner)),
                     outerArea = std::abs(core::signedArea(outer));
        const double lost = std::min(innerArea, outerArea);
        ring = innerArea > outerArea ? std::move(inner) : std::move(outer);
        // the crossing may fall on a vertex: no point twice in a row
        ring.erase(std::unique(ring.begin(), ring.end()), ring.end());
        if (ring.size() > 1 && ring.front() == ring.back()) ring.pop_back();
        cut += lost;
        repairs.push_back(name + " crosses itself at " + at.str() + "; the loop of " + describeArea(lost) +
                          " beyond the crossing is cut off");
    }
    return cut;
}

} // namespace

std::vector<std::string> repairPolygon(GeoPolygon& polygon, std::vector<std::string>& repairs) {
    const LocalPlane plane(polygon.outer.front());
    // each point checked as the fragment and include: will write and read it, to writtenDegrees
    auto flat = [&](const GeoRing& ring) {
        core::Ring out;
        out.reserve(ring.size());
        for (const core::LatLon& p : ring)
            out.push_back(plane.to({writtenDegrees(p.lat), writtenDegrees(p.lon)}));
        return out;
    };
    auto geo = [&](const core::Ring& ring) {
        GeoRing out;
        out.reserve(ring.size());
        for (const core::Vec2& v : ring)
            out.push_back(plane.from(v));
        return out;
    };
    core::Polygon flatPolygon;
    flatPolygon.outer = flat(polygon.outer);
    for (const GeoRing& hole : polygon.holes)
        flatPolygon.holes.push_back(flat(hole));
    if (checkPolygon(flatPolygon).empty()) return {};

    // mend each ring; a loop of more than 1% of the area is not a rounding slip
    constexpr double kMendable = 0.01;
    std::vector<std::string> mended;
    const double before = std::abs(core::signedArea(flatPolygon.outer));
    const double cut = mendRing(flatPolygon.outer, plane, "the outline", mended);
    for (std::size_t h = 0; h < flatPolygon.holes.size(); ++h)
        mendRing(flatPolygon.holes[h], plane, "hole " + std::to_string(h + 1), mended);
    if (cut > kMendable * before) {
        return {"the outline crosses itself, and the loops beyond the crossings (" + describeArea(cut) +
                ") are too large to be slips of rounding: draw the outline again, each point once, in order "
                "around the edge"};
    }
    std::vector<std::string> problems = checkPolygon(flatPolygon);
    if (!problems.empty()) return problems;
    polygon.outer = geo(flatPolygon.outer);
    for (std::size_t h = 0; h < polygon.holes.size(); ++h)
        polygon.holes[h] = geo(flatPolygon.holes[h]);
    repairs.insert(repairs.end(), mended.begin(), mended.end());
    return {};
}

} // namespace nofly::scenario::importing
