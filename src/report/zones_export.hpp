// A scenario's zones out to real-data formats, for QGIS or a U-space tool:
// GeoJSON (RFC 7946, with nofly's property names, which `nofly import` reads
// back without a mapping file) and ED-269. A round trip, import(export(x)),
// keeps each zone's area, limits, restriction and schedule while the
// scenario runs; docs/real-data.md lists what each format cannot carry.
#pragma once

#include "core/diagnostic.hpp"
#include "scenario/model.hpp"

#include <string>
#include <vector>

namespace nofly::report {

enum class ZoneFormat { GeoJson, Ed269 };

struct ZoneExport {
    std::string text;               ///< the file, pretty-printed, ending with a newline
    std::vector<std::string> notes; ///< what the format could not say as the scenario does, one sentence each
    core::Diagnostics warnings;     ///< at a zone's line: a zone never in force while the scenario runs
};

/// The zones of a loaded scenario (with its variant applied).
///  - Areas: polygons with their holes; circles as circles (GeoJSON: a
///    64-gon for display with the exact circle in a "circle" member; ED-269: a
///    Circle); corridors as a LineString with a "width" (GeoJSON) or as the
///    rectangles and circles whose union they are (ED-269).
///  - Schedules: over the scenario's time, exactly the windows in force that
///    scenario::windowsInForce gives. Windows, weekly slots (ED-269: in UTC),
///    and the window an `after:` event gives are written as they are; a zone
///    the timeline activates, announces or deactivates by name is written as
///    the windows the rule gives (a weekly timetable as the windows of the
///    scenario's days), with a note.
/// Coordinates have 9 decimals; the same scenario gives the same bytes.
ZoneExport exportZones(const scenario::Scenario& scenario, ZoneFormat format);

} // namespace nofly::report
