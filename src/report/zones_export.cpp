#include "report/zones_export.hpp"

#include "report/geojson_coordinates.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace nofly::report {

using core::Vec2;
using Json = nlohmann::ordered_json;

namespace {

constexpr std::size_t kCircleVertices = 64;
constexpr core::Millis kDay = 24LL * 3600 * 1000;
const char* const kDayWords269[] = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};
const char* const kDayWords[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
const char* const kRestrictions269[] = {"PROHIBITED", "REQ_AUTHORISATION", "CONDITIONAL", "NO_RESTRICTION"};
const char* const kReasons269[] = {"AIR_TRAFFIC", "SENSITIVE",         "PRIVACY",   "POPULATION", "NATURE",
                                   "NOISE",       "FOREIGN_TERRITORY", "EMERGENCY", "OTHER"};

double rounded(double value, double scale) {
    return std::round(value * scale) / scale;
}

/// [lon, lat], rings and polygons at this file's precision.
Json position(const scenario::Scenario& s, Vec2 p) { return geoPosition(s, p, 1e9); }
Json ring(const scenario::Scenario& s, const core::Ring& points, bool outer) { return geoRing(s, points, outer, 1e9); }
Json polygonCoordinates(const scenario::Scenario& s, const core::Polygon& p) { return geoPolygon(s, p, 1e9); }

/// "2025-10-01T06:00:00Z": ED-269 writes UTC.
std::string utc(core::Instant t) {
    std::string text = core::formatInstant(t, 0);
    return text.substr(0, text.size() - 6) + "Z";
}

/// "08:00" or "08:00:30" since midnight.
std::string clock(core::Millis sinceMidnight) {
    if (sinceMidnight == kDay) return "24:00";
    return core::formatClock(sinceMidnight, 0);
}

/// "08:00:00Z", "24:00:00Z": a time of day in UTC as ED-269 writes it.
std::string utcClock(core::Millis sinceMidnight) {
    if (sinceMidnight == kDay) return "24:00:00Z";
    return core::formatInstant(sinceMidnight, 0).substr(11, 8) + "Z";
}

std::string offsetText(int minutes) {
    return core::formatInstant(0, minutes).substr(19);
}

// --- schedules -------------------------------------------------------------------

/// When a zone is in force as windows and weekly slots: its own, and the
/// window its timeline event gives (`after:`, `for:`).
struct Schedule {
    bool always = true;
    std::vector<scenario::TimeWindow> windows; ///< ends at the loader's open sentinels are open
    std::vector<scenario::WeeklySlot> weekly;
};

bool openStart(core::Instant t) {
    return t <= std::numeric_limits<core::Instant>::min() / 4;
}
bool openEnd(core::Instant t) {
    return t >= std::numeric_limits<core::Instant>::max() / 4;
}

Schedule scheduleOf(const scenario::Scenario& s, const scenario::Zone& zone,
                    std::vector<std::string>& notes) {
    Schedule out;
    const scenario::Activation& a = zone.active;
    out.always = a.always();
    out.windows = a.windows;
    out.weekly = a.weekly;
    if (!a.afterEvent.empty()) {
        for (const scenario::TimelineEvent& e : s.timeline) {
            if (e.id != a.afterEvent) continue;
            const core::Instant effect =
                e.at + (e.type == scenario::EventType::Announce ? e.notice.value_or(0) : 0);
            out.windows.push_back({effect, a.eventDuration ? effect + *a.eventDuration
                                                           : std::numeric_limits<core::Instant>::max() / 2});
            notes.push_back("zone '" + zone.id + "': switched on by the timeline event '" + e.id +
                            "', written as the window it gives, from " +
                            core::formatInstant(effect, s.time.utcOffsetMinutes));
        }
    }
    for (const scenario::TimelineEvent& e : s.timeline)
        if (e.zone == zone.id &&
            (e.type == scenario::EventType::Activate || e.type == scenario::EventType::Deactivate))
            notes.push_back("zone '" + zone.id + "': the timeline " + std::string(scenario::name(e.type)) +
                            "s it at " + core::formatInstant(e.at, s.time.utcOffsetMinutes) +
                            "; the exported file keeps only its own schedule");
    return out;
}

// --- GeoJSON ---------------------------------------------------------------------

Json geoJsonGeometry(const scenario::Scenario& s, const scenario::Zone& zone) {
    std::vector<Json> parts;
    bool onlyPolygons = true;
    for (const core::Polygon& p : zone.region.polygons)
        parts.push_back(Json{{"type", "Polygon"}, {"coordinates", polygonCoordinates(s, p)}});
    for (const core::Circle& c : zone.region.circles) {
        // the polygon for display, the circle itself for a reader that knows it
        const core::LatLon center = s.projection.toGeo(c.center);
        parts.push_back(
            Json{{"type", "Polygon"},
                 {"coordinates", Json::array({ring(s, core::circleRing(c, kCircleVertices), true)})},
                 {"circle",
                  {{"center", Json::array({rounded(center.lon, 1e9), rounded(center.lat, 1e9)})},
                   {"radius", c.radius}}}});
        onlyPolygons = false;
    }
    for (const core::Corridor& c : zone.region.corridors) {
        Json path = Json::array();
        for (Vec2 p : c.path)
            path.push_back(position(s, p));
        parts.push_back(
            Json{{"type", "LineString"}, {"coordinates", std::move(path)}, {"width", 2.0 * c.halfWidth}});
        onlyPolygons = false;
    }
    if (parts.size() == 1) return parts.front();
    if (onlyPolygons) {
        Json coordinates = Json::array();
        for (Json& part : parts)
            coordinates.push_back(std::move(part["coordinates"]));
        return Json{{"type", "MultiPolygon"}, {"coordinates", std::move(coordinates)}};
    }
    return Json{{"type", "GeometryCollection"}, {"geometries", std::move(parts)}};
}

std::string altitudeText(const core::Altitude& a) {
    Json number = a.metres;
    return number.dump() + " m " + (a.ref == core::AltitudeRef::AGL ? "AGL" : "AMSL");
}

Json geoJsonFeature(const scenario::Scenario& s, const scenario::Zone& zone,
                    std::vector<std::string>& notes) {
    Json properties;
    properties["name"] = zone.name;
    properties["restriction"] = scenario::name(zone.restriction);
    Json reasons = Json::array();
    for (scenario::Reason r : zone.reasons)
        reasons.push_back(scenario::name(r));
    properties["reason"] = std::move(reasons);
    properties["floor"] = altitudeText(zone.altitude.floor);
    properties["ceiling"] = zone.altitude.ceiling ? altitudeText(*zone.altitude.ceiling) : "unlimited";
    if (!zone.message.empty()) properties["message"] = zone.message;
    const Schedule schedule = scheduleOf(s, zone, notes);
    if (!schedule.always) {
        Json windows = Json::array();
        for (const scenario::TimeWindow& w : schedule.windows) {
            Json window = Json::object();
            if (!openStart(w.from)) window["from"] = core::formatInstant(w.from, s.time.utcOffsetMinutes);
            if (!openEnd(w.to)) window["to"] = core::formatInstant(w.to, s.time.utcOffsetMinutes);
            windows.push_back(std::move(window));
        }
        properties["windows"] = std::move(windows);
        Json weekly = Json::array();
        for (const scenario::WeeklySlot& slot : schedule.weekly) {
            Json days = Json::array();
            for (int d : slot.days)
                days.push_back(kDayWords[d]);
            weekly.push_back({{"days", std::move(days)},
                              {"from", clock(slot.from)},
                              {"to", clock(slot.to > kDay ? slot.to - kDay : slot.to)}});
        }
        properties["weekly"] = std::move(weekly);
        properties["utc-offset"] = offsetText(s.time.utcOffsetMinutes);
    }
    if (!zone.exempt.empty()) properties["exempt"] = zone.exempt;
    return Json{{"type", "Feature"},
                {"id", zone.id},
                {"properties", std::move(properties)},
                {"geometry", geoJsonGeometry(s, zone)}};
}

// --- ED-269 ------------------------------------------------------------------------

Json limitsOf(const scenario::Zone& zone) {
    const auto ref = [](core::AltitudeRef r) { return r == core::AltitudeRef::AGL ? "AGL" : "AMSL"; };
    Json volume;
    volume["uomDimensions"] = "M";
    volume["lowerLimit"] = zone.altitude.floor.metres;
    volume["lowerVerticalReference"] = ref(zone.altitude.floor.ref);
    volume["upperLimit"] = zone.altitude.ceiling ? Json(zone.altitude.ceiling->metres) : Json(nullptr);
    volume["upperVerticalReference"] =
        ref(zone.altitude.ceiling ? zone.altitude.ceiling->ref : zone.altitude.floor.ref);
    return volume;
}

Json circleProjection(const scenario::Scenario& s, const core::Circle& c) {
    const core::LatLon center = s.projection.toGeo(c.center);
    return {{"type", "Circle"},
            {"center", Json::array({rounded(center.lon, 1e9), rounded(center.lat, 1e9)})},
            {"radius", c.radius}};
}

/// The volumes of a zone: its polygons and circles, and each corridor as the
/// rectangles along its segments and the circles at its points, whose union
/// it is exactly.
Json ed269Volumes(const scenario::Scenario& s, const scenario::Zone& zone, std::vector<std::string>& notes) {
    Json volumes = Json::array();
    auto add = [&](Json projection) {
        Json volume = limitsOf(zone);
        volume["horizontalProjection"] = std::move(projection);
        volumes.push_back(std::move(volume));
    };
    for (const core::Polygon& p : zone.region.polygons)
        add(Json{{"type", "Polygon"}, {"coordinates", polygonCoordinates(s, p)}});
    for (const core::Circle& c : zone.region.circles)
        add(circleProjection(s, c));
    std::size_t pieces = 0;
    for (const core::Corridor& c : zone.region.corridors) {
        for (std::size_t i = 0; i + 1 < c.path.size(); ++i) {
            const Vec2 a = c.path[i], b = c.path[i + 1];
            const double length = core::distance(a, b);
            if (length == 0.0) continue;
            const Vec2 side = Vec2{-(b.y - a.y), b.x - a.x} * (c.halfWidth / length);
            add(Json{
                {"type", "Polygon"},
                {"coordinates", Json::array({ring(s, {a - side, b - side, b + side, a + side}, true)})}});
            ++pieces;
        }
        for (Vec2 p : c.path) {
            add(circleProjection(s, {p, c.halfWidth}));
            ++pieces;
        }
    }
    if (pieces > 0)
        notes.push_back("zone '" + zone.id + "': ED-269 has no corridors; written as " +
                        std::to_string(pieces) + " rectangles and circles");
    return volumes;
}

Json ed269Applicability(const scenario::Scenario& s, const scenario::Zone& zone,
                        std::vector<std::string>& notes) {
    const Schedule schedule = scheduleOf(s, zone, notes);
    Json list = Json::array();
    if (schedule.always) {
        list.push_back({{"permanent", "YES"}});
        return list;
    }
    for (const scenario::TimeWindow& w : schedule.windows) {
        Json item;
        item["permanent"] = "NO";
        if (!openStart(w.from)) item["startDateTime"] = utc(w.from);
        if (!openEnd(w.to)) item["endDateTime"] = utc(w.to);
        list.push_back(std::move(item));
    }
    if (!schedule.weekly.empty()) {
        // ED-269 schedules are in UTC: the clock times move, and the days with them
        Json items = Json::array();
        const core::Millis shift = -static_cast<core::Millis>(s.time.utcOffsetMinutes) * 60000;
        for (const scenario::WeeklySlot& slot : schedule.weekly) {
            core::Millis from = slot.from + shift;
            int dayShift = 0;
            while (from < 0)
                from += kDay, --dayShift;
            while (from >= kDay)
                from -= kDay, ++dayShift;
            const core::Millis to = from + (slot.to - slot.from);
            Json days = Json::array();
            for (int d : slot.days)
                days.push_back(kDayWords269[((d + dayShift) % 7 + 7) % 7]);
            items.push_back({{"day", std::move(days)},
                             {"startTime", utcClock(from)},
                             {"endTime", utcClock(to > kDay ? to - kDay : to)}});
        }
        list.push_back({{"permanent", "NO"}, {"schedule", std::move(items)}});
    }
    return list;
}

Json ed269Zone(const scenario::Scenario& s, const scenario::Zone& zone, std::vector<std::string>& notes) {
    Json out;
    out["identifier"] = zone.id;
    out["name"] = zone.name;
    out["type"] = "COMMON";
    out["restriction"] = kRestrictions269[static_cast<int>(zone.restriction)];
    Json reasons = Json::array();
    for (scenario::Reason r : zone.reasons)
        reasons.push_back(kReasons269[static_cast<int>(r)]);
    out["reason"] = std::move(reasons);
    if (!zone.message.empty()) out["message"] = zone.message;
    out["applicability"] = ed269Applicability(s, zone, notes);
    out["geometry"] = ed269Volumes(s, zone, notes);
    if (!zone.exempt.empty())
        notes.push_back("zone '" + zone.id +
                        "': ED-269 has no exempt categories; its exemptions are not written");
    return out;
}

} // namespace

ZoneExport exportZones(const scenario::Scenario& scenario, ZoneFormat format) {
    ZoneExport out;
    Json root;
    if (format == ZoneFormat::GeoJson) {
        root["type"] = "FeatureCollection";
        root["name"] = scenario.title;
        Json features = Json::array();
        for (const scenario::Zone& zone : scenario.zones)
            features.push_back(geoJsonFeature(scenario, zone, out.notes));
        root["features"] = std::move(features);
    } else {
        Json zones = Json::array();
        for (const scenario::Zone& zone : scenario.zones)
            zones.push_back(ed269Zone(scenario, zone, out.notes));
        root["UASZoneList"] = std::move(zones);
    }
    out.text = root.dump(1) + "\n";
    return out;
}

} // namespace nofly::report
