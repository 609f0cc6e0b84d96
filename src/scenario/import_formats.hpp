// What the four real-data readers share: the state of one import, the
// bookkeeping of one feature's problems (errors, or warnings and the feature
// left out under skip-bad), readers for the values the JSON formats write
// (numbers that may be strings, [lon, lat] positions, rings, ISO 8601 times,
// weekly timetables, the restriction and reason words of ED-269 and ED-318),
// and the mapping file of GeoJSON and OpenAir. Internal to the scenario layer.
#pragma once

#include "scenario/detail/json_document.hpp"
#include "scenario/import.hpp"

#include <cmath>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nofly::scenario::importing {

// --- one import ---------------------------------------------------------------------

/// The ways national ED-318 downloads bend the standard (Spain's ENAIRE
/// download has all of them), which --lenient reads as if they were standard.
enum class Deviation {
    NestedZone,      ///< the zone's fields under properties.UASZone, not in properties
    PropertiesLayer, ///< the vertical limits under properties.verticalLayer, not on the geometry
    EmptyUnit,       ///< a unit of height written "" (ED-318: m or ft)
    DayAsText,       ///< a DailyPeriod's day written as a text, not a list
    EmptyDate,       ///< a startDateTime or endDateTime written "" (ED-318: left out)
};
constexpr std::size_t kDeviationKinds = 5;

/// The state of one import: the options, the result being built, the ids in use.
class Importer {
  public:
    Importer(const ImportOptions& options, std::string file, ImportResult& result)
        : m_options(options), m_file(std::move(file)), m_result(result) {}

    const ImportOptions& options() const { return m_options; }
    const std::string& file() const { return m_file; }
    ImportResult& result() { return m_result; }
    core::SourceLocation at(int line, int column = 0) const { return {m_file, line, column}; }

    /// A usable id made from what the file calls a feature ("Flugplatz
    /// Reichenbach" -> "flugplatz-reichenbach"), unique in this import.
    std::string uniqueId(std::string_view written);

    /// A problem of the whole file: always an error.
    void fileError(int line, int column, std::string message, std::string hint = {});

    /// Whether the reader notes deviations from the standard (ED-318 only).
    bool watchesDeviations() const { return m_result.format == ImportFormat::Ed318; }
    /// Notes a deviation of the feature being read, at `at`: the reader reads
    /// on as if the file were standard, and finish() reports each kind once,
    /// at its first place, with the number of features (a warning with
    /// lenient, else an error whose hint names --lenient). `written` shows
    /// the first one as the file writes it (`"day": "ANY"`); `height` is a
    /// height written with an empty unit.
    void deviation(Deviation kind, const JsonValue& at, std::string written = {}, double height = 0.0);

    /// Features that could not be used (without skip-bad).
    void countFailed() { ++m_failed; }
    /// Closes the import: says how many features failed and what skip-bad would do.
    void finish();

  private:
    /// One kind of deviation: where it is first seen, and in how many features.
    struct Seen {
        int line = 0;
        int column = 0;
        std::string written;
        std::size_t features = 0;
        std::size_t lastFeature = 0; ///< the result's feature count when last seen
        double largestHeight = 0.0;
    };
    void reportDeviations();

    const ImportOptions& m_options;
    std::string m_file;
    ImportResult& m_result;
    std::set<std::string> m_ids;
    std::size_t m_failed = 0;
    Seen m_deviations[kDeviationKinds];
};

/// The problems of one feature, held until it is read: then they are errors,
/// or, with skip-bad, warnings and the feature is left out.
class FeatureReport {
  public:
    /// `what` names the feature in every message: "feature 2 'Lausanne Airport'".
    FeatureReport(Importer& importer, std::string what, int line, int column = 0);
    /// A JSON file's feature `index` (from 0), as its file writes it (`written`, its identifier or
    /// name; empty: none): "feature 2 'Lausanne Airport'", "feature 3", at the feature.
    FeatureReport(Importer& importer, const JsonValue& feature, std::size_t index,
                  const std::string& written);

    /// Whether the feature is a JSON object; if not, an error ("must be <kind>, not a list") and
    /// the report finished with no zone.
    bool isObject(const JsonValue& feature, const std::string& kind);

    Importer& importer() { return m_importer; }
    const std::string& what() const { return m_what; }
    core::SourceLocation where() const { return m_importer.at(m_line, m_column); }

    /// "<what>: <message>" at a line of the file.
    void error(int line, int column, const std::string& message, std::string hint = {});
    void error(const JsonValue& at, const std::string& message, std::string hint = {});
    void warning(int line, int column, const std::string& message, std::string hint = {});
    void warning(const JsonValue& at, const std::string& message, std::string hint = {});
    bool failed() const { return m_failed; }
    /// A note for every zone of the feature (comments in a fragment).
    void note(std::string text) { m_notes.push_back(std::move(text)); }

    /// Adds the zones to the result, or reports the feature as left out.
    void finish(std::vector<GeoZone> zones);

  private:
    Importer& m_importer;
    std::string m_what;
    int m_line;
    int m_column;
    core::Diagnostics m_held;
    std::vector<std::string> m_notes;
    bool m_failed = false;
};

// --- values of the JSON formats -------------------------------------------------------

/// Null, or a scalar with nothing in it ("").
bool isBlank(const JsonValue& value);
/// A number, written as a number or as a string ("120").
std::optional<double> readNumber(FeatureReport& report, const JsonValue& value, const std::string& what);
/// A scalar as text.
std::optional<std::string> readText(FeatureReport& report, const JsonValue& value, const std::string& what);
/// [lon, lat] or [lon, lat, height], in degrees.
std::optional<core::LatLon> readPosition(FeatureReport& report, const JsonValue& value,
                                         const std::string& what);
/// A list of positions; the closing point and repeated points are dropped.
std::optional<GeoRing> readRing(FeatureReport& report, const JsonValue& value, const std::string& what);
/// GeoJSON polygon coordinates: the outer ring, then holes; checked.
std::optional<GeoPolygon> readPolygon(FeatureReport& report, const JsonValue& value, const std::string& what);
/// An ISO 8601 date and time with its offset ("2022-06-15T09:00:00.00Z").
std::optional<core::Instant> readDateTime(FeatureReport& report, const JsonValue& value,
                                          const std::string& what);
/// An ED-269 schedule item or an ED-318 DailyPeriod: {day, startTime, endTime}.
std::optional<GeoWeeklySlot> readDailyPeriod(FeatureReport& report, const JsonValue& value,
                                             const std::string& what);
/// startDateTime, endDateTime and schedule of an ED-269 applicability or an
/// ED-318 TimePeriod (other keys are left to the caller).
std::optional<GeoPeriod> readTimePeriod(FeatureReport& report, const JsonValue& value,
                                        const std::string& what);

/// The keys of an object that gives vertical limits: ED-269's
/// lowerLimit/lowerVerticalReference/... or ED-318's lower/lowerReference/...
struct LimitKeys {
    const char* lower;
    const char* lowerReference;
    const char* upper;
    const char* upperReference;
    const char* unit;
    /// An upper limit that means "none" (ED-318 writes 99999); 0: no such number.
    double noCeiling = 0.0;
};
/// Vertical limits in M or FT over AGL, AMSL or WGS84 (read as AMSL, with a
/// warning and a note). A blank or null lower limit is the ground, a blank or
/// null upper limit (or keys.noCeiling) is unlimited.
std::optional<VerticalLimits> readLimits(FeatureReport& report, const JsonValue& object,
                                         const LimitKeys& keys, const std::string& what,
                                         std::vector<std::string>& notes);

/// The volumes of an ED-269 or ED-318 feature, grouped by their vertical
/// limits: each group becomes one zone.
struct Layer {
    VerticalLimits limits;
    GeoShape shape;
    int line = 0;
};
/// Adds a volume to the group of its limits.
void addVolume(std::vector<Layer>& layers, const VerticalLimits& limits, const GeoShape& shape, int line);
/// The zones of a feature, one a group: `base` with each group's limits and
/// shape; with several groups the ids get "-1", "-2", ... and the names the
/// limits. `written` is what the file calls the feature.
std::vector<GeoZone> zonesOfLayers(Importer& importer, const GeoZone& base, std::vector<Layer> layers,
                                   const std::string& written, std::size_t index);

/// Adds a shape's parts to another's.
void merge(GeoShape& into, const GeoShape& part);

/// Degrees as a zone is written for the scenario language (`nofly import`'s
/// fragment, `include:`): to 1e-8, about a millimetre. repairPolygon checks
/// the points so rounded, so that import and include check the same ring.
inline double writtenDegrees(double degrees) { return std::round(degrees * 1e8) / 1e8; }

/// Checks a polygon in degrees, and mends what real data often gets wrong
/// at the scale of its rounding: an outline that crosses itself over a sliver
/// (the sliver is cut off) or doubles back on itself (the spike is taken
/// out). Each mend is described in `repairs`. What cannot be mended (a loop
/// of more than 1% of the area, a hole outside the outline, ...) is returned
/// as sentences; empty when the polygon can be used. Its points are rounded
/// to writtenDegrees and checked on the plane of an azimuthal equidistant
/// projection centred on the outline's first point, as a scenario's loader
/// checks them on its own (centred on the map's origin): import and include
/// then agree on a ring, but for edges within a fraction of a millimetre.
std::vector<std::string> repairPolygon(GeoPolygon& polygon, std::vector<std::string>& repairs);

// --- words and units ------------------------------------------------------------------------

/// An ED-269 restriction (REQ_AUTHORISATION) or an ED-318 zone type
/// (REQ_AUTHORIZATION, USPACE); `hint` says what is wrong with a near miss.
std::optional<Restriction> standardRestriction(std::string_view word, ImportFormat format, std::string& hint);
/// An ED-269 / ED-318 reason (AIR_TRAFFIC ...).
std::optional<Reason> standardReason(std::string_view word);
/// nofly's own words (prohibited ...) or the standards' (PROHIBITED ...).
std::optional<Restriction> anyRestriction(std::string_view word);
std::optional<Reason> anyReason(std::string_view word);

/// 1 ft = 0.3048 m, computed as the scenario language does ("250 ft" reads
/// back as the same double).
double feetToMetres(double feet);
/// A flight level in metres above mean sea level on the standard atmosphere:
/// FL195 is 19,500 ft of pressure altitude, the same height AMSL only when
/// the sea-level pressure is 1013.25 hPa.
double flightLevelMetres(double level);
/// "FL95", "FL 95", "fl95": written as a flight level (which it may still fail to be).
bool isFlightLevel(std::string_view written);
/// The one reader of a written flight level ("FL95", "FL 95", "FL 95.5"), for
/// every imported format: metres AMSL by flightLevelMetres, explained in
/// `note`; refused when the level is not a number or lies past 100 km.
core::Parsed<core::Altitude> readFlightLevel(std::string_view written, std::string& note);
/// An altitude as the scenario language writes it ("120 m AGL", "400 ft
/// AMSL", "GND"), or a flight level, read by readFlightLevel.
core::Parsed<core::Altitude> parseLevelOrAltitude(std::string_view text, std::string& note);
/// "120 m AGL", "250 ft AMSL" (the unit a length is a whole number of), for notes.
std::string describeAltitude(const core::Altitude& altitude);

// --- the mapping file ---------------------------------------------------------------------------

/// Settings a mapping file gives zones; each one is optional.
struct ZoneSettings {
    std::optional<Restriction> restriction;
    std::optional<std::vector<Reason>> reasons;
    std::optional<core::Altitude> floor;
    bool ceilingSet = false;
    std::optional<core::Altitude> ceiling; ///< with ceilingSet: none means unlimited
    std::optional<std::string> message;
};

/// How to read a GeoJSON file's properties (which property holds what) and
/// what a class means (a property's value in GeoJSON, the airspace type in
/// OpenAir).
struct Mapping {
    std::string file;
    std::string id, name, message, floor, ceiling, from, to; ///< property names; empty: the built-in reading
    std::string classProperty;         ///< GeoJSON: the property whose value is the class
    std::optional<double> pointRadius; ///< GeoJSON: the radius of a Point feature's circle [m]
    ZoneSettings defaults;
    std::vector<std::pair<std::string, ZoneSettings>> classes;
    const ZoneSettings* find(const std::string& value) const;
};

/// Reads a mapping file for `format` (by the one path policy: inside `tree`
/// when it is not empty), or reports why not, naming it `shown`.
std::optional<Mapping> readMapping(const std::string& path, const std::string& shown, const std::string& tree,
                                   ImportFormat format, core::Diagnostics& diagnostics);
/// Applies settings over a zone's.
void apply(const ZoneSettings& settings, GeoZone& zone);

// --- the readers ------------------------------------------------------------------------------------

void readEd269(Importer& importer, const JsonDocument& document);
void readEd318(Importer& importer, const JsonDocument& document);
void readGeoJson(Importer& importer, const JsonDocument& document, const Mapping* mapping);
void readOpenAir(Importer& importer, const std::string& text, const Mapping* mapping);

/// One geometry of a GeoJSON or ED-318 feature, with its ED-318 layer.
struct GeometryPart {
    GeoShape shape;
    std::optional<JsonValue> layer; ///< ED-318: the vertical limits on the geometry
    int line = 0;
};
/// Reads a GeoJSON geometry (Polygon, MultiPolygon, GeometryCollection,
/// LineString with a width, Point with an ED-318 circle extent or a radius).
std::optional<std::vector<GeometryPart>>
readGeometry(FeatureReport& report, const JsonValue& geometry, const std::string& what,
             const std::optional<double>& pointRadius = std::nullopt);

} // namespace nofly::scenario::importing
