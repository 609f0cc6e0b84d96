// Real airspace data into the scenario language: ED-269 (the EU format for
// UAS geographical zones), ED-318 (its GeoJSON successor), plain GeoJSON and
// OpenAir (gliding and paragliding airspace) are read into zones in
// geographic form, each remembering the line of the feature it came from.
// The zones then join a scenario through `include:` (projected with the
// scenario's projection, their schedules in its local time), or are written
// as a YAML fragment of `zones:` by `nofly import`.
//
// One reader a format, in import_ed269.cpp, import_ed318.cpp,
// import_geojson.cpp and import_openair.cpp; import.cpp detects the format;
// import_values.cpp and import_shapes.cpp hold what the readers share.
// docs/real-data.md says what each format keeps and drops.
#pragma once

#include "core/diagnostic.hpp"
#include "core/projection.hpp"
#include "scenario/limits.hpp"
#include "scenario/model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace nofly::scenario {

// --- zones in geographic form ---------------------------------------------------

/// A closed ring in degrees, WGS84; the closing point is not repeated.
using GeoRing = std::vector<core::LatLon>;

struct GeoPolygon {
    GeoRing outer;
    std::vector<GeoRing> holes;
};

struct GeoCircle {
    core::LatLon center;
    double radius = 0.0; ///< [m]
};

/// A band along a line (the scenario language's corridor).
struct GeoCorridor {
    std::vector<core::LatLon> path;
    double width = 0.0; ///< full width [m]
};

/// The area of a zone: the union of its parts.
struct GeoShape {
    std::vector<GeoPolygon> polygons;
    std::vector<GeoCircle> circles;
    std::vector<GeoCorridor> corridors;
    bool empty() const { return polygons.empty() && circles.empty() && corridors.empty(); }
};

/// A slot of a weekly timetable as a file writes it: clock times at the
/// file's UTC offset (ED-269 and ED-318 write UTC).
struct GeoWeeklySlot {
    std::vector<int> days;    ///< 0 = Monday ... 6 = Sunday, sorted
    core::Millis from = 0;    ///< since midnight at the offset
    core::Millis to = 0;      ///< since midnight; more than 24 h when the slot runs past midnight
    int utcOffsetMinutes = 0; ///< the offset its clock times are written in
};

/// One stretch of applicability: in force from `from` to `to` (either may be
/// open), and, when it has weekly slots, only inside them.
struct GeoPeriod {
    std::optional<core::Instant> from;
    std::optional<core::Instant> to;
    std::vector<GeoWeeklySlot> weekly;
};

/// When a zone is in force: always (no periods), never (an OpenAir 'AA NONE':
/// only when a NOTAM says so), or inside any of its periods.
struct GeoSchedule {
    std::vector<GeoPeriod> periods;
    bool never = false;
    bool always() const { return periods.empty() && !never; }
};

/// A zone as a real-data file describes it.
struct GeoZone {
    std::string id;   ///< usable in a scenario: made from the file's identifier or name, unique in the file
    std::string name; ///< as written
    Restriction restriction = Restriction::Prohibited;
    std::vector<Reason> reasons;
    GeoShape shape;
    VerticalLimits altitude;
    GeoSchedule schedule;
    std::string message;
    std::vector<std::string> exempt; ///< category ids (only nofly's own GeoJSON carries them)
    /// What reading the zone approximated, in words, for comments in a
    /// fragment ("FL195 read as 19500 ft AMSL on the standard atmosphere").
    std::vector<std::string> notes;
    SourceLocation where; ///< the feature in the imported file
};

// --- importing --------------------------------------------------------------------

enum class ImportFormat { Ed269, Ed318, GeoJson, OpenAir };

/// "ed269", "ed318", "geojson", "openair": the words of --format and `format:`.
std::string_view name(ImportFormat format);
/// "ED-269", "ED-318", "GeoJSON", "OpenAir": for people.
std::string_view title(ImportFormat format);
const std::vector<std::string>& importFormatNames();

struct ImportOptions {
    std::string
        format; ///< ed269 | ed318 | geojson | openair; empty: detected from the content, then the name
    std::string lang =
        "en";             ///< ED-318 texts: the language to pick ("en" matches "en-GB"); else the first text
    bool skipBad = false; ///< report features that cannot be used as warnings, and import the rest
    /// ED-318: read what national downloads bend (zone fields under
    /// properties.UASZone, limits in properties.verticalLayer, an empty unit,
    /// a day as a text, empty dates) as if it were standard, one warning a
    /// kind; without it each kind is an error whose hint names this option
    bool lenient = false;
    std::string mapping;     ///< a mapping file (YAML) for GeoJSON properties or OpenAir types; empty: none
    std::string displayName; ///< the file's name in messages; empty: the path
    std::string mappingName; ///< the mapping file's name in messages; empty: its path
    /// The folder the file and its mapping must stay in (a scenario's folder,
    /// for an include); empty: anywhere (a file named on the command line).
    std::string tree;
};

struct ImportResult {
    std::optional<ImportFormat> format; ///< the format read (given or detected)
    std::vector<GeoZone> zones;
    std::size_t features = 0; ///< features (OpenAir: airspaces) read
    std::size_t skipped = 0;  ///< features left out: under skipBad, and GeoJSON points without a radius
    /// For a file that holds only a part of an ED-318 zone (its properties,
    /// a TimePeriod, a ZoneAuthority): what the part is, and what it says in
    /// `partial` (a zone with no shape). Empty for files of zones.
    std::string part;
    GeoZone partial;
    core::Diagnostics diagnostics;
    bool ok() const { return !diagnostics.hasErrors(); }
};

/// Reads a real-data file. Never throws for bad input: every problem is a
/// diagnostic naming the file and the feature's line.
ImportResult importZones(const std::string& path, const ImportOptions& options = {});
/// The same from text in memory (the fuzz targets use it); `path` names the
/// file in messages and, without a format, tells OpenAir by its extension.
ImportResult importZonesText(std::string text, const std::string& path, const ImportOptions& options = {});

// --- into the scenario language ------------------------------------------------------

/// What a schedule is written against: the local time of the scenario that
/// reads it (weekly clock times are local to that offset) and, when known,
/// the scenario's time span. Dates combined with a weekly timetable have no
/// form of their own in the scenario language; they are written as the
/// timetable's windows inside the span (exact while the scenario runs), or,
/// without a span, inside the dates.
struct ScheduleFrame {
    int utcOffsetMinutes = 0;
    std::optional<TimeWindow> span;
};

/// The zones as a YAML fragment of the scenario language: comments naming
/// the source, then a `zones:` list, each zone preceded by a comment with its
/// line in the source and what reading it approximated. `source` names the
/// file in the header. Approximations made while writing are reported to
/// `diagnostics` as warnings.
std::string zonesFragment(const ImportResult& result, const std::string& source, const ScheduleFrame& frame,
                          core::Diagnostics& diagnostics);

} // namespace nofly::scenario
