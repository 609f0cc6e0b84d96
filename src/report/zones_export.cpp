#include "report/zones_export.hpp"

#include "core/weekly.hpp"
#include "report/detail/geojson_coordinates.hpp"

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

/// When a zone is in force as windows and weekly slots, so that over the
/// scenario's time it is in force exactly when scenario::windowsInForce says.
struct Schedule {
    bool always = true;
    std::vector<scenario::TimeWindow> windows; ///< an end at or beyond kFarTime is open
    std::vector<scenario::WeeklySlot> weekly;
};

bool openStart(core::Instant t) {
    return t <= -scenario::kFarTime;
}
bool openEnd(core::Instant t) {
    return t >= scenario::kFarTime;
}

/// The timeline events that switch a zone on or off by naming it (the one its
/// `after:` waits for is part of its own schedule).
std::vector<const scenario::TimelineEvent*> timelineSwitches(const scenario::Scenario& s,
                                                             const scenario::Zone& zone) {
    std::vector<const scenario::TimelineEvent*> out;
    for (const scenario::TimelineEvent& e : s.timeline)
        if (e.zone == zone.id &&
            (e.type == scenario::EventType::Activate || e.type == scenario::EventType::Announce ||
             e.type == scenario::EventType::Deactivate) &&
            (e.id.empty() || e.id != zone.active.afterEvent))
            out.push_back(&e);
    return out;
}

Schedule scheduleOf(const scenario::Scenario& s, std::size_t z, std::vector<std::string>& notes) {
    const scenario::Zone& zone = s.zones[z];
    const scenario::Activation& a = zone.active;
    const int offset = s.time.utcOffsetMinutes;
    Schedule out;
    const std::vector<const scenario::TimelineEvent*> switches = timelineSwitches(s, zone);
    if (!switches.empty()) {
        // the timeline switches the zone by itself: no file format can say so, so write the
        // windows the rule gives, joined (a weekly timetable as the windows of the run's days)
        const std::vector<scenario::InForceWindow> rule = scenario::windowsInForce(s, z);
        out.always = false;
        for (const scenario::InForceWindow& w : rule) {
            if (w.from >= w.to) continue;
            if (!out.windows.empty() && w.from <= out.windows.back().to)
                out.windows.back().to = std::max(out.windows.back().to, w.to);
            else
                out.windows.push_back({w.from, w.to});
        }
        if (out.windows.size() == 1 && openStart(out.windows[0].from) && openEnd(out.windows[0].to)) {
            out.always = true;
            out.windows.clear();
        }
        bool on = false, off = false;
        std::string events;
        for (const scenario::TimelineEvent* e : switches) {
            (e->type == scenario::EventType::Deactivate ? off : on) = true;
            events += (events.empty() ? "" : ", ") + std::string(scenario::name(e->type)) + " at " +
                      core::formatInstant(e->at, offset);
        }
        const std::string how = on && off ? "on and off" : on ? "on" : "off";
        const std::size_t n = out.windows.size();
        const std::string written = out.always ? "always in force"
                                    : n == 1   ? "the window in force it gives"
                                               : "the " + std::to_string(n) + " windows in force it gives";
        notes.push_back(
            "zone '" + zone.id + "': switched " + how + " by the timeline (" + events + "); written as " +
            written +
            (a.weekly.empty() ? "" : ", its weekly timetable as the windows of the scenario's days"));
        return out;
    }

    // its own windows and weekly slots, and the window its `after:` event gives
    out.always = a.always();
    out.windows = a.windows;
    out.weekly = a.weekly;
    if (!a.afterEvent.empty()) {
        for (const scenario::TimelineEvent& e : s.timeline) {
            if (e.id != a.afterEvent) continue;
            const core::Instant effect =
                e.at + (e.type == scenario::EventType::Announce ? e.notice.value_or(0) : 0);
            out.windows.push_back({effect, a.eventDuration ? effect + *a.eventDuration : scenario::kFarTime});
            notes.push_back("zone '" + zone.id + "': switched on by the timeline event '" + e.id +
                            "', written as the window it gives, from " + core::formatInstant(effect, offset));
        }
    }
    return out;
}

/// A zone the rule never puts in force while the scenario runs: still written
/// (with the windows it has, all outside that time), with a warning at its line.
void warnIfNeverInForce(const scenario::Scenario& s, std::size_t z, core::Diagnostics& warnings) {
    const scenario::Instant start = s.time.start, end = s.time.end;
    const std::vector<scenario::InForceWindow> rule = scenario::windowsInForce(s, z);
    if (std::any_of(rule.begin(), rule.end(),
                    [&](const scenario::InForceWindow& w) { return w.from < end && w.to > start; }))
        return;
    const scenario::Zone& zone = s.zones[z];
    warnings.warning(zone.where,
                     "zone '" + zone.id + "' is never in force between " +
                         core::formatInstant(start, s.time.utcOffsetMinutes) + " and " +
                         core::formatInstant(end, s.time.utcOffsetMinutes) +
                         "; it is written with the windows it has, none of them in that time",
                     "check its 'active' times and the timeline against the scenario's 'time'");
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

Json geoJsonFeature(const scenario::Scenario& s, std::size_t z, std::vector<std::string>& notes) {
    const scenario::Zone& zone = s.zones[z];
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
    const Schedule schedule = scheduleOf(s, z, notes);
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

Json ed269Applicability(const scenario::Scenario& s, std::size_t z, std::vector<std::string>& notes) {
    const Schedule schedule = scheduleOf(s, z, notes);
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
            const core::ShiftedClock from = core::shiftClock(slot.from, shift);
            const core::Millis to = from.sinceMidnight + (slot.to - slot.from);
            Json days = Json::array();
            for (int d : slot.days)
                days.push_back(kDayWords269[core::shiftWeekday(d, from.days)]);
            items.push_back({{"day", std::move(days)},
                             {"startTime", utcClock(from.sinceMidnight)},
                             {"endTime", utcClock(to > kDay ? to - kDay : to)}});
        }
        list.push_back({{"permanent", "NO"}, {"schedule", std::move(items)}});
    }
    return list;
}

Json ed269Zone(const scenario::Scenario& s, std::size_t z, std::vector<std::string>& notes) {
    const scenario::Zone& zone = s.zones[z];
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
    out["applicability"] = ed269Applicability(s, z, notes);
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
        for (std::size_t z = 0; z < scenario.zones.size(); ++z)
            features.push_back(geoJsonFeature(scenario, z, out.notes));
        root["features"] = std::move(features);
    } else {
        Json zones = Json::array();
        for (std::size_t z = 0; z < scenario.zones.size(); ++z)
            zones.push_back(ed269Zone(scenario, z, out.notes));
        root["UASZoneList"] = std::move(zones);
    }
    for (std::size_t z = 0; z < scenario.zones.size(); ++z)
        warnIfNeverInForce(scenario, z, out.warnings);
    out.text = root.dump(1) + "\n";
    return out;
}

} // namespace nofly::report
