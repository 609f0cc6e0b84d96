// The importers' fuzz targets share this: import a text in one format, then
// check what came out. Zones that reach a scenario must be usable: the
// loader projects them and the simulation cuts them for Box2D.
#pragma once

#include "fuzz_target.hpp"
#include "scenario/import.hpp"

#include <cmath>

namespace nofly::fuzz {

inline bool onGlobe(const core::LatLon& p) {
    return std::isfinite(p.lat) && std::isfinite(p.lon) && std::abs(p.lat) <= 90.0 && std::abs(p.lon) <= 180.0;
}

inline void checkZone(const scenario::GeoZone& zone) {
    if (zone.id.empty()) fail("a zone without an id", zone.name);
    if (zone.shape.empty()) fail("a zone without a shape", zone.id);
    auto ring = [&](const scenario::GeoRing& r) {
        if (r.size() < 3) fail("a ring of fewer than three points", zone.id);
        for (const core::LatLon& p : r)
            if (!onGlobe(p)) fail("a ring point off the globe", zone.id);
    };
    for (const scenario::GeoPolygon& polygon : zone.shape.polygons) {
        ring(polygon.outer);
        for (const scenario::GeoRing& hole : polygon.holes) ring(hole);
    }
    for (const scenario::GeoCircle& circle : zone.shape.circles)
        if (!onGlobe(circle.center) || !(circle.radius > 0.0) || !std::isfinite(circle.radius))
            fail("a circle off the globe or without a radius", zone.id);
    for (const scenario::GeoCorridor& corridor : zone.shape.corridors) {
        if (corridor.path.size() < 2 || !(corridor.width > 0.0) || !std::isfinite(corridor.width))
            fail("a corridor without a path or a width", zone.id);
        for (const core::LatLon& p : corridor.path)
            if (!onGlobe(p)) fail("a corridor point off the globe", zone.id);
    }
    if (!std::isfinite(zone.altitude.floor.metres)) fail("a floor that is not a number", zone.id);
}

inline int importOne(const std::uint8_t* data, std::size_t size, const char* format, const char* fileName) {
    const std::string content = text(data, size);
    scenario::ImportOptions options;
    options.format = format;
    const scenario::ImportResult result = scenario::importZonesText(content, fileName, options);
    checkDiagnostics(result.diagnostics, fileName, lineCount(content));
    if (!result.ok()) return 0;
    for (const scenario::GeoZone& zone : result.zones) checkZone(zone);

    // what `nofly import` then writes, from the zones read
    core::Diagnostics written;
    (void)scenario::zonesFragment(result, fileName, scenario::ScheduleFrame{}, written);
    return 0;
}

} // namespace nofly::fuzz
