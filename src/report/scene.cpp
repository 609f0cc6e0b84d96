#include "report/scene.hpp"

#include "report/sentences.hpp"
#include "scenario/loader.hpp"
#include "sim/events.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace nofly::report {

using core::Vec2;

std::string_view name(Role role) {
    switch (role) {
    case Role::Land: return "land";
    case Role::LandAbroad: return "land-abroad";
    case Role::Water: return "water";
    case Role::River: return "river";
    case Role::Road: return "road";
    case Role::Border: return "border";
    case Role::BasemapLabel: return "basemap-label";
    case Role::ZoneProhibited: return "zone-prohibited";
    case Role::ZoneAuthorisation: return "zone-authorisation";
    case Role::ZoneConditional: return "zone-conditional";
    case Role::ZoneNoRestriction: return "zone-no-restriction";
    case Role::RouteCompliant: return "route-compliant";
    case Role::RouteViolating: return "route-violating";
    case Role::FlightCancelled: return "flight-cancelled";
    case Role::Airport: return "airport";
    case Role::Place: return "place";
    case Role::DronePlanned: return "drone-planned";
    case Role::DroneFlying: return "drone-flying";
    case Role::DroneAuthorised: return "drone-authorised";
    case Role::DroneRerouted: return "drone-rerouted";
    case Role::DroneViolating: return "drone-violating";
    case Role::DroneUnknown: return "drone-unknown";
    case Role::DroneNeutralised: return "drone-neutralised";
    case Role::DroneCaught: return "drone-caught";
    case Role::SensorCoverage: return "sensor-coverage";
    case Role::Sensor: return "sensor";
    case Role::Obstacle: return "obstacle";
    case Role::Responder: return "responder";
    case Role::TrackUnknown: return "track-unknown";
    case Role::TrackIdentified: return "track-identified";
    case Role::FalseAlarm: return "false-alarm";
    case Role::AirportClosed: return "airport-closed";
    case Role::ClosureRadius: return "closure-radius";
    }
    return "land";
}

bool isArea(Role role) {
    return role == Role::ZoneProhibited || role == Role::ZoneAuthorisation || role == Role::ZoneConditional ||
           role == Role::ZoneNoRestriction || role == Role::SensorCoverage || role == Role::Obstacle ||
           role == Role::ClosureRadius;
}

bool isBasemap(Role role) {
    return role == Role::Land || role == Role::LandAbroad || role == Role::Water || role == Role::River ||
           role == Role::Road || role == Role::Border;
}

Role zoneRole(scenario::Restriction restriction) {
    switch (restriction) {
    case scenario::Restriction::Prohibited: return Role::ZoneProhibited;
    case scenario::Restriction::Authorisation: return Role::ZoneAuthorisation;
    case scenario::Restriction::Conditional: return Role::ZoneConditional;
    case scenario::Restriction::NoRestriction: return Role::ZoneNoRestriction;
    }
    return Role::ZoneNoRestriction;
}

Role droneRole(const sim::Drone& drone) {
    if (drone.phase == sim::Phase::Planned || drone.phase == sim::Phase::Waiting) return Role::DronePlanned;
    if (drone.neutralised) return Role::DroneNeutralised;
    if (!drone.violating.empty()) return Role::DroneViolating;
    if (drone.unknownTrack) return Role::DroneUnknown;
    if (drone.caught) return Role::DroneCaught;
    if (drone.outcome == sim::Outcome::Authorised || !drone.authorisedZones.empty()) return Role::DroneAuthorised;
    if (drone.rerouted) return Role::DroneRerouted;
    return Role::DroneFlying;
}

// --- palette ----------------------------------------------------------------

namespace {
constexpr Colour kVermillion{0xD5, 0x5E, 0x00};
constexpr Colour kOrange{0xE6, 0x9F, 0x00};
constexpr Colour kBlue{0x00, 0x72, 0xB2};
constexpr Colour kYellow{0xF0, 0xE4, 0x42};
constexpr Colour kGreen{0x00, 0x9E, 0x73};
constexpr Colour kPurple{0xCC, 0x79, 0xA7}; ///< reddish purple
} // namespace

/// The basemap's roles but the home land: quiet under the zones, as the land
/// is. The neighbours' land is a shade darker than the home country's; water
/// is the sea's colour (the map's background); lines are thin and pale, so
/// no zone edge is mistaken for a road or a border.
static const Paint& basemapPaint(Role role) {
    auto area = [](Colour fill, Colour stroke, double width) {
        Paint p;
        p.fill = fill;
        p.fillOpacity = 1.0;
        p.stroke = stroke;
        p.strokeWidth = width;
        return p;
    };
    auto line = [](Colour colour, double width, std::vector<double> dash) {
        Paint p;
        p.stroke = colour;
        p.strokeWidth = width;
        p.dash = std::move(dash);
        return p;
    };
    static const Paint kLandAbroad = area({206, 206, 206}, {120, 120, 120}, 1.2);
    static const Paint kWater = area({255, 255, 255}, {150, 150, 150}, 0.8);
    static const Paint kRiver = line({0x9C, 0xC3, 0xDA}, 1.5, {});
    static const Paint kRoad = line({0xB4, 0xB4, 0xB4}, 1.0, {});
    static const Paint kBorder = line({0x70, 0x70, 0x70}, 1.5, {});
    static const Paint kLabel = [] {
        Paint p;
        p.text = {0x66, 0x66, 0x66};
        p.fontSize = 13.0;
        return p;
    }();
    switch (role) {
    case Role::LandAbroad: return kLandAbroad;
    case Role::Water: return kWater;
    case Role::River: return kRiver;
    case Role::Road: return kRoad;
    case Role::Border: return kBorder;
    default: return kLabel;
    }
}

const Paint& paint(Role role) {
    // Okabe-Ito colours. In greyscale the zones still differ by pattern:
    // prohibited is hatched with a solid edge, authorisation has a dashed edge,
    // conditional a dotted edge on a light fill, no-restriction a thin solid
    // grey edge; violating routes are more than twice as thick as compliant ones.
    auto zone = [](Colour colour, double fillOpacity, Colour edge, std::vector<double> dash, Colour text) {
        Paint p;
        p.fill = colour;
        p.fillOpacity = fillOpacity;
        p.stroke = edge;
        p.strokeWidth = 3.0;
        p.dash = std::move(dash);
        p.text = text;
        p.fontSize = 17.0;
        p.bold = true;
        return p;
    };
    auto line = [](Colour colour, double width) {
        Paint p;
        p.stroke = colour;
        p.strokeWidth = width;
        p.casing = 3.0;
        return p;
    };
    auto marker = [](Paint::Shape shape, Colour colour, double size, double fontSize, bool bold) {
        Paint p;
        p.shape = shape;
        p.fill = colour;
        p.fillOpacity = 1.0;
        p.stroke = {255, 255, 255};
        p.strokeWidth = 1.5;
        p.markerSize = size;
        p.text = colour;
        p.fontSize = fontSize;
        p.bold = bold;
        p.labelBeside = true;
        return p;
    };
    static const Paint kLand = [] {
        // a light grey well apart from the white sea in luminance, so land and sea
        // read apart in any colour vision (1.35:1 against white, for deuteranopes too)
        Paint p;
        p.fill = {222, 222, 222};
        p.fillOpacity = 1.0;
        p.stroke = {120, 120, 120};
        p.strokeWidth = 1.2;
        return p;
    }();
    static const Paint kProhibited = [&] {
        Paint p = zone(kVermillion, 0.16, kVermillion, {}, {0x9E, 0x3D, 0x00});
        p.hatch = true;
        return p;
    }();
    static const Paint kAuthorisation = zone(kBlue, 0.12, kBlue, {14.0, 7.0}, {0x00, 0x5A, 0x8C});
    static const Paint kConditional = zone(kYellow, 0.45, {0x8A, 0x7D, 0x00}, {3.0, 6.0}, {0x6B, 0x61, 0x00});
    static const Paint kNoRestriction = [&] {
        Paint p = zone({0x99, 0x99, 0x99}, 0.15, {0x77, 0x77, 0x77}, {}, {0x55, 0x55, 0x55});
        p.strokeWidth = 1.5;
        return p;
    }();
    static const Paint kCompliant = line(kGreen, 4.0);
    static const Paint kViolating = line(kVermillion, 8.0);
    static const Paint kCancelled = [&] {
        Paint p = line(kPurple, 3.0);
        p.shape = Paint::Cross;
        p.markerSize = 6.0;
        return p;
    }();
    static const Paint kAirport = marker(Paint::Square, {0, 0, 0}, 7.0, 16.0, true);
    static const Paint kPlace = marker(Paint::Dot, {0x33, 0x33, 0x33}, 5.0, 15.0, false);
    // drones: an icon of fixed size filled with the state's colour, outlined
    // in black; the window's icons also differ in shape, so states read in greyscale
    auto drone = [](Colour colour, double size) {
        Paint p;
        p.fill = colour;
        p.fillOpacity = 1.0;
        p.stroke = {0, 0, 0};
        p.strokeWidth = 1.5;
        p.markerSize = size;
        p.text = {0, 0, 0};
        p.fontSize = 14.0;
        p.labelBeside = true;
        return p;
    };
    static const Paint kDronePlanned = drone({0x77, 0x77, 0x77}, 7.0);
    static const Paint kDroneFlying = drone(kGreen, 10.0);
    static const Paint kDroneAuthorised = drone(kBlue, 10.0);
    static const Paint kDroneRerouted = drone(kOrange, 10.0);
    static const Paint kDroneViolating = drone(kVermillion, 13.0);
    static const Paint kDroneUnknown = drone({0x11, 0x11, 0x11}, 10.0);
    static const Paint kDroneNeutralised = drone(kPurple, 10.0);
    static const Paint kDroneCaught = drone(kYellow, 10.0);
    constexpr Colour kSky{0x56, 0xB4, 0xE9};
    static const Paint kCoverage = [&] {
        Paint p = zone(kSky, 0.07, {0x1F, 0x6F, 0x9E}, {6.0, 4.0}, {0x1F, 0x6F, 0x9E});
        p.strokeWidth = 1.5;
        p.bold = false;
        return p;
    }();
    static const Paint kSensor = marker(Paint::Dot, {0x1F, 0x6F, 0x9E}, 5.0, 13.0, false);
    static const Paint kObstacle = [&] {
        Paint p = zone({0x44, 0x44, 0x44}, 0.55, {0x22, 0x22, 0x22}, {}, {0x22, 0x22, 0x22});
        p.strokeWidth = 1.0;
        return p;
    }();
    static const Paint kResponder = marker(Paint::Square, {0x00, 0x5A, 0x8C}, 6.0, 13.0, true);
    static const Paint kTrackUnknown = marker(Paint::Dot, {0x11, 0x11, 0x11}, 4.0, 12.0, false);
    static const Paint kTrackIdentified = marker(Paint::Dot, kGreen, 4.0, 12.0, false);
    static const Paint kFalseAlarm = [&] {
        Paint p = line(kOrange, 2.5);
        p.shape = Paint::Cross;
        p.markerSize = 5.0;
        p.casing = 2.0;
        return p;
    }();
    static const Paint kAirportClosed = marker(Paint::Square, kVermillion, 9.0, 17.0, true);
    static const Paint kClosureRadius = [&] {
        Paint p = zone(kVermillion, 0.0, kVermillion, {2.0, 5.0}, {0x9E, 0x3D, 0x00});
        p.strokeWidth = 2.0;
        return p;
    }();
    switch (role) {
    case Role::Land: return kLand;
    case Role::LandAbroad: return basemapPaint(role);
    case Role::Water: return basemapPaint(role);
    case Role::River: return basemapPaint(role);
    case Role::Road: return basemapPaint(role);
    case Role::Border: return basemapPaint(role);
    case Role::BasemapLabel: return basemapPaint(role);
    case Role::ZoneProhibited: return kProhibited;
    case Role::ZoneAuthorisation: return kAuthorisation;
    case Role::ZoneConditional: return kConditional;
    case Role::ZoneNoRestriction: return kNoRestriction;
    case Role::RouteCompliant: return kCompliant;
    case Role::RouteViolating: return kViolating;
    case Role::FlightCancelled: return kCancelled;
    case Role::Airport: return kAirport;
    case Role::Place: return kPlace;
    case Role::DronePlanned: return kDronePlanned;
    case Role::DroneFlying: return kDroneFlying;
    case Role::DroneAuthorised: return kDroneAuthorised;
    case Role::DroneRerouted: return kDroneRerouted;
    case Role::DroneViolating: return kDroneViolating;
    case Role::DroneUnknown: return kDroneUnknown;
    case Role::DroneNeutralised: return kDroneNeutralised;
    case Role::DroneCaught: return kDroneCaught;
    case Role::SensorCoverage: return kCoverage;
    case Role::Sensor: return kSensor;
    case Role::Obstacle: return kObstacle;
    case Role::Responder: return kResponder;
    case Role::TrackUnknown: return kTrackUnknown;
    case Role::TrackIdentified: return kTrackIdentified;
    case Role::FalseAlarm: return kFalseAlarm;
    case Role::AirportClosed: return kAirportClosed;
    case Role::ClosureRadius: return kClosureRadius;
    }
    return kLand;
}

ScaleBar niceScaleBar(double widthMetres) {
    const double target = std::max(widthMetres / 5.0, 1.0);
    const double power = std::pow(10.0, std::floor(std::log10(target)));
    double metres = power;
    for (double m : {2.0, 5.0, 10.0})
        if (m * power <= target) metres = m * power;
    ScaleBar bar;
    bar.metres = metres;
    const auto whole = static_cast<long long>(std::llround(metres));
    bar.label = metres >= 1000.0 ? std::to_string(whole / 1000) + " km" : std::to_string(whole) + " m";
    return bar;
}

// --- tracks -----------------------------------------------------------------

Vec2 positionAt(const std::vector<sim::Segment>& plan, core::Instant t) {
    if (plan.empty()) return {};
    if (t <= plan.front().t0) return plan.front().p0;
    for (const sim::Segment& s : plan) {
        if (t > s.t1) continue;
        if (s.t1 <= s.t0) return s.p1;
        const double f = static_cast<double>(t - s.t0) / static_cast<double>(s.t1 - s.t0);
        return s.p0 + (s.p1 - s.p0) * std::clamp(f, 0.0, 1.0);
    }
    return plan.back().p1;
}

std::vector<Vec2> trackBetween(const std::vector<sim::Segment>& plan, core::Instant from, core::Instant to) {
    std::vector<Vec2> out;
    if (plan.empty() || to < from) return out;
    auto add = [&](Vec2 p) {
        if (out.empty() || !(out.back() == p)) out.push_back(p);
    };
    add(positionAt(plan, from));
    for (const sim::Segment& s : plan) {
        if (s.t0 > from && s.t0 < to) add(s.p0);
        if (s.t1 > from && s.t1 < to) add(s.p1);
    }
    add(positionAt(plan, to));
    return out;
}

std::vector<Vec2> flownTrack(const sim::Drone& drone, core::Instant now) {
    if (drone.departedAt < 0 || drone.plan.empty()) return {};
    const core::Instant end = drone.landedAt >= 0 ? drone.landedAt : std::min(now, drone.plan.back().t1);
    return trackBetween(drone.plan, std::max(drone.departedAt, drone.plan.front().t0), end);
}

// --- the scene --------------------------------------------------------------

namespace {

/// A ring in the winding the scene promises: outer rings counter-clockwise,
/// holes clockwise.
core::Ring oriented(core::Ring ring, bool counterClockwise) {
    if (ring.size() > 1 && ring.front() == ring.back()) ring.pop_back();
    if ((core::signedArea(ring) > 0.0) != counterClockwise) std::reverse(ring.begin(), ring.end());
    return ring;
}

void addRings(Primitive& primitive, const core::Polygon& polygon) {
    primitive.rings.push_back(oriented(polygon.outer, true));
    for (const core::Ring& hole : polygon.holes)
        primitive.rings.push_back(oriented(hole, false));
}

/// A box that grows to take in points and boxes; empty until it has one.
class Extent {
  public:
    void add(Vec2 p) {
        if (!m_box) m_box = core::Box{p, p};
        m_box->min = {std::min(m_box->min.x, p.x), std::min(m_box->min.y, p.y)};
        m_box->max = {std::max(m_box->max.x, p.x), std::max(m_box->max.y, p.y)};
    }
    void add(const core::Box& box) {
        if (box.min.x > box.max.x) return; // an empty region's box
        add(box.min);
        add(box.max);
    }
    const std::optional<core::Box>& box() const { return m_box; }

  private:
    std::optional<core::Box> m_box;
};

/// The box with a margin around it, and at least 2 km across each way.
core::Box withMargin(core::Box box) {
    const Vec2 size = box.max - box.min;
    const double margin = std::max({0.08 * size.x, 0.08 * size.y, 300.0});
    const Vec2 centre = (box.min + box.max) * 0.5;
    const Vec2 half{std::max(size.x / 2.0 + margin, 1000.0), std::max(size.y / 2.0 + margin, 1000.0)};
    return {centre - half, centre + half};
}

/// Whether a zone is in force at some time of the run (the one rule: scenario::windowsInForce).
bool inForceDuringRun(const RunRecord& run, std::size_t zone) {
    if (!run.scenario || zone >= run.scenario->zones.size())
        return true; // nothing known: draw it as in force
    const scenario::TimeSettings& time = run.scenario->time;
    for (const scenario::InForceWindow& w : scenario::windowsInForce(*run.scenario, zone))
        if (w.from < time.end && w.to > time.start) return true;
    return false;
}

/// The drones' violation intervals [from, to) from the event log, by flight (World::flights).
std::map<int, std::vector<std::pair<core::Instant, core::Instant>>>
violationIntervals(const std::vector<sim::Event>& events) {
    std::map<int, std::vector<std::pair<core::Instant, core::Instant>>> out;
    std::map<int, std::pair<core::Instant, std::set<int>>> open; // since, zones
    for (const sim::Event& e : events) {
        if (e.type == sim::EventType::ViolationStart) {
            auto& [since, zones] = open[e.flight];
            if (zones.empty()) since = e.time;
            zones.insert(e.zone);
        } else if (e.type == sim::EventType::ViolationEnd) {
            auto it = open.find(e.flight);
            if (it == open.end()) continue;
            it->second.second.erase(e.zone);
            if (it->second.second.empty()) {
                out[e.flight].push_back({it->second.first, e.time});
                open.erase(it);
            }
        }
    }
    // still violating at the end of the log: until the track ends
    for (const auto& [flight, state] : open)
        out[flight].push_back({state.first, std::numeric_limits<core::Instant>::max()});
    return out;
}

/// Where a zone's name goes: above its first circle, else above the middle of its box.
Vec2 labelPoint(const scenario::Zone& zone) {
    if (zone.region.polygons.empty() && !zone.region.circles.empty()) {
        const core::Circle& c = zone.region.circles.front();
        return c.center + Vec2{0.0, c.radius};
    }
    const core::Box box = core::bounds(zone.region);
    return {(box.min.x + box.max.x) / 2.0, box.max.y};
}

/// Zones from least to most severe, country-wide ones first: the severest lie on top.
int drawRank(const scenario::Zone& zone) {
    const int severity = 3 - static_cast<int>(zone.restriction);
    return zone.shapeKind == scenario::ShapeKind::Country ? severity : 10 + severity;
}

std::string subtitle(const scenario::Scenario& s) {
    // the policy's name where the file gives one (issue 16), else which variant it is
    const std::string name = s.policyName(s.variant);
    std::string out = name != (s.variant.empty() ? std::string(scenario::kBaseVariant) : s.variant) ? name
                      : s.variant.empty() ? "Base scenario"
                                          : "Variant: " + s.variant;
    // "2025-09-22 19:30 to 01:30 on 23 Sep": the end dated when the run spans midnight
    const core::TimeFrame frame = s.time.frame();
    out += " \u00b7 " + core::formatInstant(s.time.start, frame.utcOffsetMinutes).substr(0, 10) + " " +
           core::formatMoment(s.time.start, frame) + " to " + core::formatMoment(s.time.end, frame);
    return out;
}

std::string counted(const std::string& text, int count) {
    return text + " (" + std::to_string(count) + ")";
}

/// The labels in the order they are placed, each backend giving a place to
/// the first that fit: the places the story names (its questions' flights,
/// then its other written flights and its timeline), airports, zones, the
/// other places and responders' bases, then anything else (the basemap's
/// names). A later label that would cover an earlier one moves to another
/// side of its point or is left out, so the story's places always show.
void orderByPriority(const scenario::Scenario& s, std::vector<Primitive>& labels) {
    auto on = [](Vec2 at, const std::vector<Vec2>& points) {
        return std::any_of(points.begin(), points.end(), [&](Vec2 p) { return core::distance(p, at) < 1.0; });
    };
    // the points of the flights questions ask about; of every written flight and timeline event
    std::vector<Vec2> asked, told;
    for (const scenario::Flight& f : s.flights) {
        told.insert(told.end(), f.route.begin(), f.route.end());
        for (const scenario::Question& q : s.questions)
            if (q.flight == f.id) asked.insert(asked.end(), f.route.begin(), f.route.end());
    }
    for (const scenario::TimelineEvent& e : s.timeline)
        if (e.position) told.push_back(*e.position);
    auto named = [&](const std::string& name) {
        return std::any_of(s.timeline.begin(), s.timeline.end(), [&](const scenario::TimelineEvent& e) {
            return e.text.find(name) != std::string::npos;
        });
    };
    auto rank = [&](const Primitive& label) {
        switch (label.style.role) {
        case Role::Place:
            if (on(label.at, asked)) return 0;
            if (on(label.at, told) || named(label.text)) return 1;
            return 4;
        case Role::Airport:
        case Role::AirportClosed: return 2;
        case Role::ZoneProhibited:
        case Role::ZoneAuthorisation:
        case Role::ZoneConditional:
        case Role::ZoneNoRestriction: return 3;
        case Role::Responder: return 4;
        default: return 5;
        }
    };
    std::vector<std::pair<int, std::size_t>> order;
    for (std::size_t i = 0; i < labels.size(); ++i)
        order.emplace_back(rank(labels[i]), i);
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Primitive> sorted;
    for (const auto& entry : order)
        sorted.push_back(std::move(labels[entry.second]));
    labels = std::move(sorted);
}

} // namespace

/// Obstacles, sensors and their coverage, responders' bases, and where
/// tracks were first reported (from the event log, so the window's map,
/// built before anything happened, shows none).
void addDefence(const RunRecord& run, Scene& scene, std::vector<Primitive>& labels) {
    const scenario::Scenario& s = *run.scenario;
    for (const scenario::Obstacle& o : s.obstacles) {
        Primitive p{.kind = Primitive::Polygon, .style = {Role::Obstacle}, .text = o.name, .ref = o.id};
        for (const core::Polygon& polygon : o.region.polygons)
            addRings(p, polygon);
        if (!p.rings.empty()) scene.primitives.push_back(std::move(p));
        for (const core::Circle& c : o.region.circles)
            scene.primitives.push_back(
                {.kind = Primitive::Circle, .at = c.center, .radius = c.radius, .style = {Role::Obstacle}, .text = o.name, .ref = o.id});
    }
    if (!s.obstacles.empty()) scene.legend.push_back({Primitive::Polygon, {Role::Obstacle}, "Blocks sensors' view"});
    bool closureRules = false;
    for (const scenario::Airport& a : s.airports)
        if (a.closure) {
            closureRules = true;
            scene.primitives.push_back({.kind = Primitive::Circle,
                                        .at = a.at,
                                        .radius = a.closure->radius,
                                        .style = {Role::ClosureRadius},
                                        .text = a.id + ": an unknown track this near closes it",
                                        .ref = a.id});
        }
    if (closureRules) scene.legend.push_back({Primitive::Polygon, {Role::ClosureRadius}, "Unknown track here closes the airport"});
    for (const scenario::Sensor& sensor : s.sensors) {
        if (sensor.type == scenario::SensorType::Camera && sensor.fieldOfView > 0.0 && sensor.fieldOfView < 6.28) {
            core::Ring sector{sensor.at};
            const int steps = 24;
            for (int k = 0; k <= steps; ++k) {
                const double a = sensor.heading - sensor.fieldOfView / 2 + sensor.fieldOfView * k / steps;
                sector.push_back(sensor.at + Vec2{std::sin(a), std::cos(a)} * sensor.range);
            }
            Primitive p{.kind = Primitive::Polygon, .style = {Role::SensorCoverage}, .text = sensor.name, .ref = sensor.id};
            addRings(p, core::Polygon{sector, {}});
            scene.primitives.push_back(std::move(p));
        } else {
            scene.primitives.push_back({.kind = Primitive::Circle,
                                        .at = sensor.at,
                                        .radius = sensor.range,
                                        .style = {Role::SensorCoverage},
                                        .text = sensor.name,
                                        .ref = sensor.id});
        }
    }
    for (const scenario::Sensor& sensor : s.sensors)
        scene.primitives.push_back({.kind = Primitive::Marker, .at = sensor.at, .style = {Role::Sensor}, .ref = sensor.id});
    if (!s.sensors.empty()) {
        scene.legend.push_back({Primitive::Polygon, {Role::SensorCoverage}, counted("Sensor coverage", static_cast<int>(s.sensors.size()))});
    }
    for (const scenario::Responder& r : s.responders) {
        scene.primitives.push_back({.kind = Primitive::Marker, .at = r.base, .style = {Role::Responder}, .ref = r.id});
        labels.push_back({.kind = Primitive::Label, .at = r.base, .style = {Role::Responder}, .text = r.name, .ref = r.id});
    }
    if (!s.responders.empty()) scene.legend.push_back({Primitive::Marker, {Role::Responder}, "Responder's base"});

    // tracks where first reported: unknown, identified, false alarms
    std::map<int, Vec2> firstSeen;
    std::map<int, bool> unknown;
    std::vector<int> order;
    int falseAlarms = 0;
    std::set<int> falseTracks;
    for (const sim::Event& e : run.events) {
        if ((e.type == sim::EventType::Detection || e.type == sim::EventType::FalseAlarm) && !firstSeen.count(e.track)) {
            firstSeen[e.track] = e.at;
            order.push_back(e.track);
        }
        if (e.type == sim::EventType::FalseAlarm) {
            ++falseAlarms;
            falseTracks.insert(e.track);
            scene.primitives.push_back({.kind = Primitive::Marker,
                                        .at = e.at,
                                        .style = {Role::FalseAlarm},
                                        .ref = trackId(e.track)});
        }
        if (e.type == sim::EventType::Identification && !sim::identifiesTrack(e.reason))
            unknown[e.track] = true;
        if (e.type == sim::EventType::Identification && !unknown.count(e.track)) unknown[e.track] = false;
    }
    int unknownCount = 0, identifiedCount = 0;
    for (int t : order) {
        if (falseTracks.count(t)) continue;
        const bool u = unknown.count(t) && unknown[t];
        (u ? unknownCount : identifiedCount)++;
        scene.primitives.push_back({.kind = Primitive::Marker,
                                    .at = firstSeen[t],
                                    .style = {u ? Role::TrackUnknown : Role::TrackIdentified},
                                    .ref = trackId(t)});
    }
    if (unknownCount > 0) scene.legend.push_back({Primitive::Marker, {Role::TrackUnknown}, counted("Unknown track", unknownCount)});
    if (identifiedCount > 0)
        scene.legend.push_back({Primitive::Marker, {Role::TrackIdentified}, counted("Identified track", identifiedCount)});
    if (falseAlarms > 0) scene.legend.push_back({Primitive::Marker, {Role::FalseAlarm}, counted("False alarm", falseAlarms)});
}

/// The basemap's areas and lines, bottom first: the scenario's country, its
/// neighbours, water, rivers, roads, borders; and its attribution.
void addBasemap(const scenario::Scenario& s, Scene& scene) {
    const scenario::BasemapLayers& b = s.basemapLayers;
    scene.attribution = b.attribution;
    // the home country (all land when the origin is on none) apart from its neighbours
    Primitive home{.kind = Primitive::Polygon, .style = {Role::Land}, .ref = s.basemap};
    Primitive abroad{.kind = Primitive::Polygon, .style = {Role::LandAbroad}, .ref = s.basemap};
    for (const auto& [country, region] : b.land)
        for (const core::Polygon& polygon : region.polygons)
            addRings(b.home.empty() || country == b.home ? home : abroad, polygon);
    if (b.land.empty()) // a scenario built in code: its land alone
        for (const core::Polygon& polygon : s.land.polygons)
            addRings(home, polygon);
    Primitive water{.kind = Primitive::Polygon, .style = {Role::Water}, .ref = s.basemap};
    for (const core::Polygon& polygon : b.water.polygons)
        addRings(water, polygon);
    for (Primitive* area : {&home, &abroad, &water})
        if (!area->rings.empty()) scene.primitives.push_back(std::move(*area));
    auto lines = [&](const std::vector<std::vector<Vec2>>& list, Role role) {
        for (const std::vector<Vec2>& line : list)
            if (line.size() > 1)
                scene.primitives.push_back({.kind = Primitive::Polyline, .rings = {line}, .style = {role}});
    };
    lines(b.rivers, Role::River);
    lines(b.roads, Role::Road);
    lines(b.borders, Role::Border);
}

/// The basemap's place names, most important first, at most kMaxBasemapLabels.
void addBasemapLabels(const scenario::Scenario& s, Scene& scene) {
    constexpr std::size_t kMaxBasemapLabels =
        200; // placement drops the overlapping ones; a detailed file has thousands
    const auto& labels = s.basemapLayers.labels;
    for (std::size_t i = 0; i < labels.size() && i < kMaxBasemapLabels; ++i)
        scene.primitives.push_back({.kind = Primitive::Label,
                                    .at = labels[i].at,
                                    .style = {Role::BasemapLabel},
                                    .text = labels[i].name});
}

namespace {

/// The zones, the severest on top, each zone's parts side by side with its id;
/// their labels, and the box of those that are not country-wide.
Extent addZones(const RunRecord& run, Scene& scene, std::vector<Primitive>& labels) {
    const scenario::Scenario& s = *run.scenario;
    std::vector<std::size_t> zoneOrder(s.zones.size());
    for (std::size_t i = 0; i < zoneOrder.size(); ++i)
        zoneOrder[i] = i;
    std::stable_sort(zoneOrder.begin(), zoneOrder.end(), [&](std::size_t a, std::size_t b) {
        return drawRank(s.zones[a]) < drawRank(s.zones[b]);
    });
    Extent zoneExtent;
    std::set<Role> zoneRolesShown;
    std::optional<Style> fadedShown;
    for (std::size_t i : zoneOrder) {
        const scenario::Zone& z = s.zones[i];
        const Style style{zoneRole(z.restriction), !inForceDuringRun(run, i)};
        const bool countryWide = z.shapeKind == scenario::ShapeKind::Country;
        // its parts, each carrying the zone's name (a tooltip in the SVG)
        if (!z.region.polygons.empty()) {
            Primitive p{.kind = Primitive::Polygon, .style = style, .text = z.name, .ref = z.id};
            for (const core::Polygon& polygon : z.region.polygons)
                addRings(p, polygon);
            scene.primitives.push_back(std::move(p));
        }
        for (const core::Circle& c : z.region.circles)
            scene.primitives.push_back({.kind = Primitive::Circle,
                                        .at = c.center,
                                        .radius = c.radius,
                                        .style = style,
                                        .text = z.name,
                                        .ref = z.id});
        for (const core::Corridor& c : z.region.corridors)
            scene.primitives.push_back({.kind = Primitive::Corridor,
                                        .rings = {c.path},
                                        .radius = c.halfWidth,
                                        .style = style,
                                        .text = z.name,
                                        .ref = z.id});

        // the country-wide zone is named in the legend, the others on the map
        if (countryWide) {
            scene.legend.push_back(
                {Primitive::Polygon, style, z.name + (style.faded ? " (not in force)" : "")});
        } else {
            zoneExtent.add(core::bounds(z.region));
            zoneRolesShown.insert(style.role);
            if (style.faded && !fadedShown) fadedShown = style;
            labels.push_back(
                {.kind = Primitive::Label, .at = labelPoint(z), .style = style, .text = z.name, .ref = z.id});
        }
    }
    static const std::pair<Role, const char*> kZoneLegend[] = {
        {Role::ZoneProhibited, "Prohibited zone"},
        {Role::ZoneAuthorisation, "Authorisation needed"},
        {Role::ZoneConditional, "Conditional zone"},
        {Role::ZoneNoRestriction, "No restriction (information)"},
    };
    for (const auto& [role, text] : kZoneLegend)
        if (zoneRolesShown.count(role)) scene.legend.push_back({Primitive::Polygon, {role}, text});
    if (fadedShown) scene.legend.push_back({Primitive::Polygon, *fadedShown, "Not in force during the run"});

    return zoneExtent;
}

/// The flown routes (the whole track in green, its violating stretches over it
/// in vermillion) and the cancelled take-offs as crosses; the box of them.
Extent addRoutes(const RunRecord& run, Scene& scene) {
    Extent flightExtent;
    int flown = 0, violating = 0, cancelled = 0;
    const auto intervals = violationIntervals(run.events);
    std::vector<Primitive> crosses;
    if (run.world) {
        const sim::World& w = *run.world;
        for (std::size_t i = 0; i < w.drones.size() && i < w.flights.size(); ++i) {
            const sim::Drone& d = w.drones[i];
            const scenario::Flight& f = w.flights[i].flight;
            const std::vector<Vec2> track = flownTrack(d, w.now);
            if (!track.empty()) {
                ++flown;
                for (Vec2 p : track)
                    flightExtent.add(p);
                scene.primitives.push_back({.kind = Primitive::Polyline,
                                            .rings = {track},
                                            .style = {Role::RouteCompliant},
                                            .ref = f.id});
                const core::Instant end = d.landedAt >= 0 ? d.landedAt : w.now;
                auto it = intervals.find(static_cast<int>(i));
                if (it != intervals.end()) {
                    for (auto [from, to] : it->second) {
                        std::vector<Vec2> stretch =
                            trackBetween(d.plan, std::max(from, d.departedAt), std::min(to, end));
                        if (stretch.size() == 1) stretch.push_back(stretch.front()); // a moment: a dot
                        if (!stretch.empty())
                            scene.primitives.push_back({.kind = Primitive::Polyline,
                                                        .rings = {std::move(stretch)},
                                                        .style = {Role::RouteViolating},
                                                        .ref = f.id});
                    }
                } else if (d.violations > 0) {
                    // no event log to place them: the whole track
                    scene.primitives.push_back({.kind = Primitive::Polyline,
                                                .rings = {track},
                                                .style = {Role::RouteViolating},
                                                .ref = f.id});
                }
                if (d.violations > 0 || it != intervals.end()) ++violating;
            } else if ((d.phase == sim::Phase::Cancelled || d.outcome == sim::Outcome::Cancelled ||
                        d.outcome == sim::Outcome::Denied) &&
                       !f.route.empty()) {
                ++cancelled;
                flightExtent.add(f.route.front());
                crosses.push_back({.kind = Primitive::Marker,
                                   .at = f.route.front(),
                                   .style = {Role::FlightCancelled},
                                   .ref = f.id});
            }
        }
    }
    for (Primitive& cross : crosses)
        scene.primitives.push_back(std::move(cross));
    if (flown > 0)
        scene.legend.push_back({Primitive::Polyline, {Role::RouteCompliant}, counted("Flown route", flown)});
    if (violating > 0)
        scene.legend.push_back(
            {Primitive::Polyline, {Role::RouteViolating}, counted("Flown into a zone", violating)});
    if (cancelled > 0)
        scene.legend.push_back(
            {Primitive::Marker, {Role::FlightCancelled}, counted("Cancelled take-off", cancelled)});

    return flightExtent;
}

/// How long each airport that closed was closed, from the event log (to the
/// end of the run for one still closed). [s] by airport id
std::map<std::string, double> closedTimes(const RunRecord& run) {
    const scenario::Scenario& s = *run.scenario;
    std::map<std::string, double> closedSeconds;
    std::map<std::string, core::Instant> closedAt;
    for (const sim::Event& e : run.events) {
        if (e.type != sim::EventType::SiteClosed && e.type != sim::EventType::SiteReopened) continue;
        const std::string site = siteId(s, e.site);
        if (e.type == sim::EventType::SiteClosed) closedAt[site] = e.time, closedSeconds[site] += 0.0;
        if (e.type == sim::EventType::SiteReopened) closedSeconds[site] += e.value, closedAt.erase(site);
    }
    const core::Instant end = run.world ? std::min(run.world->now, s.time.end) : s.time.end;
    for (const auto& [site, at] : closedAt)
        closedSeconds[site] += static_cast<double>(end - at) / 1000.0;
    return closedSeconds;
}

/// Places and airports, with their names; an airport that closed shows how long.
void addPlaces(const RunRecord& run, Scene& scene, std::vector<Primitive>& labels) {
    const scenario::Scenario& s = *run.scenario;
    for (const scenario::Place& p : s.places) {
        scene.primitives.push_back(
            {.kind = Primitive::Marker, .at = p.at, .style = {Role::Place}, .ref = p.id});
        labels.push_back(
            {.kind = Primitive::Label, .at = p.at, .style = {Role::Place}, .text = p.name, .ref = p.id});
    }
    const std::map<std::string, double> closedSeconds = closedTimes(run);
    for (const scenario::Airport& a : s.airports) {
        const auto closed = closedSeconds.find(a.id);
        const Role role = closed == closedSeconds.end() ? Role::Airport : Role::AirportClosed;
        scene.primitives.push_back({.kind = Primitive::Marker, .at = a.at, .style = {role}, .ref = a.id});
        labels.push_back({.kind = Primitive::Label,
                          .at = a.at,
                          .style = {role},
                          .text = closed == closedSeconds.end()
                                      ? a.id
                                      : a.id + " closed " +
                                            core::formatQuantity(60.0 * std::round(closed->second / 60.0),
                                                                 core::Dimension::Duration),
                          .ref = a.id});
    }
    if (!closedSeconds.empty()) scene.legend.push_back({Primitive::Marker, {Role::AirportClosed}, "Airport closed by a drone"});
    if (!s.airports.empty()) scene.legend.push_back({Primitive::Marker, {Role::Airport}, "Airport"});
    if (!s.places.empty()) scene.legend.push_back({Primitive::Marker, {Role::Place}, "Place"});
}

/// The view: flights and the zones they meet; else the zones; else the origin.
core::Box viewOf(const Extent& flightExtent, const Extent& zoneExtent, const SceneOptions& options) {
    Extent view = flightExtent;
    if (view.box())
        view.add(zoneExtent.box().value_or(*view.box()));
    else
        view = zoneExtent;
    if (options.view) return *options.view;
    if (view.box()) return withMargin(*view.box());
    return {{-5000.0, -5000.0}, {5000.0, 5000.0}};
}

} // namespace

Scene buildMapScene(const RunRecord& run, const SceneOptions& options) {
    Scene scene;
    if (!run.scenario) return scene;
    const scenario::Scenario& s = *run.scenario;
    scene.title = s.title;
    scene.subtitle = subtitle(s);
    std::vector<Primitive> labels; // drawn last, over everything

    addBasemap(s, scene); // land, water, rivers, roads and borders under everything else
    const Extent zoneExtent = addZones(run, scene, labels);
    const Extent flightExtent = addRoutes(run, scene);
    addDefence(run, scene, labels);
    addPlaces(run, scene, labels); // with their names over everything else
    orderByPriority(s, labels);
    for (Primitive& label : labels)
        scene.primitives.push_back(std::move(label));
    addBasemapLabels(s, scene); // after every other label: placed last, so they give way

    scene.view = viewOf(flightExtent, zoneExtent, options);
    scene.scaleBar = niceScaleBar(scene.view.max.x - scene.view.min.x);
    return scene;
}

} // namespace nofly::report
