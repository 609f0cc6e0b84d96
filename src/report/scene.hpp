// The map of a run as data: a list of styled primitives in world coordinates
// (metres, x east, y north), with a title, a legend and a scale bar. Built
// once by buildMapScene(); the SVG writer draws it to a file and the window
// draws the same list, so the two never disagree. Primitives carry a style
// role ("zone-prohibited", "route-violating"), never a colour: the palette
// that turns roles into colours, dashes and sizes is paint(), shared by every
// backend.
#pragma once

#include "core/geometry.hpp"
#include "core/time.hpp"
#include "report/run_record.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nofly::report {

/// What a primitive shows; the palette draws each role its own way.
enum class Role {
    Land, ///< the basemap's coastline: the scenario's own country (all land, without one)
    // the rest of the basemap (docs/basemaps.md), drawn under the zones
    LandAbroad,   ///< neighbouring countries' land, a slightly different tint
    Water,        ///< lakes and wide rivers, in the sea's colour
    River,        ///< a river's line
    Road,         ///< a road, thin grey
    Border,       ///< a national border on land
    BasemapLabel, ///< a basemap's place name: placed after every other label
    ZoneProhibited,
    ZoneAuthorisation,
    ZoneConditional,
    ZoneNoRestriction,
    RouteCompliant,  ///< a flown track, or the part of it flown within the rules
    RouteViolating,  ///< a stretch flown inside a zone that forbids it
    FlightCancelled, ///< a cross where a cancelled flight would have taken off
    Airport,
    Place,
    // drones in the window, by state (the SVG map draws routes, not drones)
    DronePlanned,     ///< on the ground, due to take off or waiting
    DroneFlying,      ///< in the air, nothing in its way
    DroneAuthorised,  ///< in the air with an authorisation
    DroneRerouted,    ///< in the air on a route around a zone
    DroneViolating,   ///< in the air inside a zone that forbids it
    DroneUnknown,     ///< a track a sensor sees and no flight plan explains
    DroneNeutralised, ///< brought down by a responder
    DroneCaught,      ///< caught by a zone that switched on in flight: leaving it, holding or going home
    // detection and response
    SensorCoverage,   ///< the area a sensor watches (a sector for a camera)
    Sensor,           ///< where a sensor stands
    Obstacle,         ///< blocks sensors' line of sight
    Responder,        ///< a responder's base
    TrackUnknown,     ///< where an unknown track was first reported
    TrackIdentified,  ///< where an identified track was first reported
    FalseAlarm,       ///< where a report of a drone turned out to be nothing
    AirportClosed,    ///< an airport that closed during the run
    ClosureRadius,    ///< how near an unknown track closes an airport
};

/// Roles drawn as areas, like zones: a fill and an outline.
bool isArea(Role role);
/// Roles of the basemap under everything else (Land, LandAbroad, Water,
/// River, Road, Border): the window's land switch (B) shows or hides them.
bool isBasemap(Role role);

/// "land", "zone-prohibited", "route-violating", ...
std::string_view name(Role role);
/// The zone role of a restriction.
Role zoneRole(scenario::Restriction restriction);
/// The role of a drone by its state now: neutralised before violating before
/// an unknown track before authorised before rerouted before flying; on the
/// ground before take-off, planned.
Role droneRole(const sim::Drone& drone);

struct Style {
    Role role = Role::Land;
    bool faded = false; ///< a zone not in force at any time of the run: drawn at kFadedOpacity
};

/// One thing to draw, in world coordinates [m].
struct Primitive {
    enum Kind {
        Polygon,  ///< rings: outer rings counter-clockwise, holes clockwise; filled with the non-zero rule
        Polyline, ///< rings[0]: an open line
        Corridor, ///< rings[0]: a line; the area within `radius` of it, filled like a polygon (round ends)
        Circle,   ///< `at`, `radius` [m]
        Marker,   ///< a symbol of fixed screen size at `at` (its shape depends on the role)
        Label,    ///< `text` at `at`, beside a marker or centred above a zone (see Paint::labelBeside)
    } kind = Polygon;
    std::vector<std::vector<core::Vec2>> rings{};
    core::Vec2 at{};
    double radius = 0.0; ///< [m]
    Style style{};
    std::string text{}; ///< a label's words; a zone part's zone name
    std::string ref{};  ///< id of the zone, flight, airport or place it draws
};

/// A row of the legend: a swatch drawn in a style, and what it means.
struct LegendEntry {
    Primitive::Kind swatch = Primitive::Polygon; ///< Polygon (a box), Polyline (a line) or Marker
    Style style;
    std::string text;
};

/// A bar of a round length for the map's bottom corner.
struct ScaleBar {
    double metres = 0.0;
    std::string label; ///< "5 km", "500 m"
};
/// The longest round length (1, 2 or 5 times a power of ten) that fits in a
/// fifth of `widthMetres`.
ScaleBar niceScaleBar(double widthMetres);

struct Scene {
    std::string title;                 ///< the scenario's title
    std::string subtitle;              ///< variant, date and time window
    core::Box view;                    ///< the area worth showing [m]
    std::vector<Primitive> primitives; ///< in drawing order, bottom first
    std::vector<LegendEntry> legend;
    ScaleBar scaleBar; ///< for `view`
    std::string attribution; ///< the basemap data's credit, a small line on the map; empty: none
};

struct SceneOptions {
    std::string assetDir;          ///< where basemaps live; empty: scenario::defaultAssetDir()
    std::optional<core::Box> view; ///< show this area instead of fitting one
};

/// The map of a run: basemap, zones by restriction (faded when never in force
/// during the run), flown routes with their violating stretches, cancelled
/// take-offs, places and airports with labels. The view fits the flown tracks,
/// cancelled take-offs and the zones that are not country-wide, with a margin;
/// with no flight, every zone but the country-wide ones; with nothing, 10 km
/// around the origin.
Scene buildMapScene(const RunRecord& run, const SceneOptions& options = {});

// --- tracks -----------------------------------------------------------------

/// Where a drone is on its plan at time t [m] (clamped to the plan's ends).
core::Vec2 positionAt(const std::vector<sim::Segment>& plan, core::Instant t);
/// The points of a plan from `from` to `to`: the positions at both ends and
/// every segment end between them, consecutive duplicates removed.
std::vector<core::Vec2> trackBetween(const std::vector<sim::Segment>& plan, core::Instant from,
                                     core::Instant to);
/// The track a drone flew, take-off to landing (or to `now` if it is still
/// flying); empty if it never took off.
std::vector<core::Vec2> flownTrack(const sim::Drone& drone, core::Instant now);

// --- palette ----------------------------------------------------------------

/// An sRGB colour.
struct Colour {
    std::uint8_t r = 0, g = 0, b = 0;
};
inline bool operator==(Colour a, Colour b) {
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

/// How a role is drawn, in screen pixels. Colours follow Okabe and Ito's
/// colour-blind-safe palette; every zone role also differs in pattern (hatch,
/// dashes, dots, solid), so the map still reads in greyscale.
struct Paint {
    enum Shape { Dot, Square, Cross }; ///< of a marker
    Colour fill;
    double fillOpacity = 0.0; ///< 0: not filled
    bool hatch = false;       ///< diagonal lines in the stroke colour over the fill
    Colour stroke;
    double strokeWidth = 0.0; ///< [px] 0: no outline
    std::vector<double> dash; ///< [px] on, off, ...; empty: solid
    Colour text;              ///< label colour
    double fontSize = 14.0;   ///< [px]
    bool bold = false;
    bool labelBeside = false; ///< label to the right of a marker; otherwise centred above its point
    double markerSize = 0.0;  ///< [px] half-width of a marker
    Shape shape = Dot;
    double casing =
        0.0; ///< [px] a white line this much wider drawn under a line or cross, to lift it off the map
};
const Paint& paint(Role role);

/// Opacity of a faded style, relative to its paint.
inline constexpr double kFadedOpacity = 0.35;

} // namespace nofly::report
