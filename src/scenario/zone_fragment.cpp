#include "scenario/zone_fragment.hpp"

#include "core/weekly.hpp"
#include "scenario/import_formats.hpp"
#include "scenario/keys.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <sstream>

namespace nofly::scenario {

namespace {

constexpr core::Millis kDay = 24LL * 3600 * 1000;
constexpr core::Millis kWeek = 7 * kDay;
/// Windows written for dates combined with a weekly timetable, at most; past
/// this the timetable is written alone and the dates dropped, with a warning.
constexpr std::size_t kMaxExpandedWindows = 1000;

// --- numbers ---------------------------------------------------------------------

/// The shortest text that reads back as the same double.
std::string shortest(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

/// Degrees to 1e-8 (about a millimetre), as repairPolygon checked them.
std::string degrees(double value) {
    return shortest(importing::writtenDegrees(value));
}

/// A length in the unit it is a whole number of: "3000 m", "250 ft",
/// "0.54 NM"; else metres. Each reads back as the same double.
std::string length(double metres) {
    if (metres == std::round(metres)) return shortest(metres) + " m";
    const double feet = metres * 10000.0 / 3048.0;
    if (std::abs(feet - std::round(feet)) < 1e-6 && std::round(feet) * 3048.0 / 10000.0 == metres)
        return shortest(std::round(feet)) + " ft";
    const double thousandths = metres / 1852.0 * 1000.0;
    if (std::abs(thousandths - std::round(thousandths)) < 1e-6 &&
        std::round(thousandths) / 1000.0 * 1852.0 == metres)
        return shortest(std::round(thousandths) / 1000.0) + " NM";
    return shortest(metres) + " m";
}

std::string altitude(const core::Altitude& a) {
    return length(a.metres) + (a.ref == core::AltitudeRef::AGL ? " AGL" : " AMSL");
}

/// "08:00", "23:59:59", "24:00".
std::string clock(core::Millis sinceMidnight) {
    if (sinceMidnight == kDay) return "24:00";
    return core::formatClock(sinceMidnight, 0);
}

// --- nodes --------------------------------------------------------------------------

YAML::Node flow(YAML::Node node) {
    node.SetStyle(YAML::EmitterStyle::Flow);
    return node;
}

YAML::Node position(core::LatLon p) {
    YAML::Node node;
    node["lat"] = degrees(p.lat);
    node["lon"] = degrees(p.lon);
    return flow(node);
}

YAML::Node points(const std::vector<core::LatLon>& ring) {
    YAML::Node list(YAML::NodeType::Sequence);
    for (const core::LatLon& p : ring)
        list.push_back(position(p));
    return list;
}

/// One part of a shape as the scenario language writes it.
YAML::Node polygonShape(const GeoPolygon& polygon) {
    YAML::Node shape;
    if (polygon.holes.empty()) {
        shape["polygon"] = points(polygon.outer);
    } else {
        shape["polygon"]["outer"] = points(polygon.outer);
        for (const GeoRing& hole : polygon.holes)
            shape["polygon"]["holes"].push_back(points(hole));
    }
    return shape;
}

YAML::Node circleShape(const GeoCircle& circle) {
    YAML::Node body;
    body["center"] = position(circle.center);
    body["radius"] = length(circle.radius);
    YAML::Node shape;
    shape["circle"] = flow(body);
    return flow(shape);
}

YAML::Node corridorShape(const GeoCorridor& corridor) {
    YAML::Node shape;
    shape["corridor"]["path"] = points(corridor.path);
    shape["corridor"]["width"] = length(corridor.width);
    return shape;
}

YAML::Node shapeNode(const GeoShape& shape) {
    std::vector<YAML::Node> parts;
    for (const GeoPolygon& p : shape.polygons)
        parts.push_back(polygonShape(p));
    for (const GeoCircle& c : shape.circles)
        parts.push_back(circleShape(c));
    for (const GeoCorridor& c : shape.corridors)
        parts.push_back(corridorShape(c));
    if (parts.size() == 1) return parts.front();
    YAML::Node shapeWithParts;
    for (const YAML::Node& part : parts)
        shapeWithParts["parts"].push_back(part);
    return shapeWithParts;
}

// --- schedules --------------------------------------------------------------------------

/// A weekly slot moved to another UTC offset: the clock times shift, and the
/// days with them when the slot crosses midnight.
WeeklySlot toOffset(const GeoWeeklySlot& slot, int utcOffsetMinutes) {
    const core::Millis shift = static_cast<core::Millis>(utcOffsetMinutes - slot.utcOffsetMinutes) * 60000;
    const core::ShiftedClock from = core::shiftClock(slot.from, shift);
    WeeklySlot out;
    out.from = from.sinceMidnight;
    out.to = from.sinceMidnight + (slot.to - slot.from);
    for (int day : slot.days)
        out.days.push_back(core::shiftWeekday(day, from.days));
    std::sort(out.days.begin(), out.days.end());
    return out;
}

/// The moments a weekly slot is in force inside [from, to), as windows.
void expand(const GeoWeeklySlot& slot, core::Instant from, core::Instant to,
            std::vector<TimeWindow>& windows) {
    const core::Millis offset = static_cast<core::Millis>(slot.utcOffsetMinutes) * 60000;
    // local midnights from the day before `from` (a slot may run past midnight into it)
    const core::Instant local = from + offset;
    const core::Instant day = local / kDay - (local % kDay < 0 ? 1 : 0);
    const core::Instant firstDay = (day - 1) * kDay - offset;
    for (core::Instant midnight = firstDay; midnight < to; midnight += kDay) {
        const int weekday = core::dayOfWeek(midnight, slot.utcOffsetMinutes);
        if (std::find(slot.days.begin(), slot.days.end(), weekday) == slot.days.end()) continue;
        const core::Instant start = std::max(from, midnight + slot.from);
        const core::Instant end = std::min(to, midnight + slot.to);
        if (start < end) windows.push_back({start, end});
    }
}

/// Sorted, with overlapping and touching windows joined.
std::vector<TimeWindow> joined(std::vector<TimeWindow> windows) {
    std::sort(windows.begin(), windows.end(),
              [](const TimeWindow& a, const TimeWindow& b) { return a.from < b.from; });
    std::vector<TimeWindow> out;
    for (const TimeWindow& w : windows) {
        if (!out.empty() && w.from <= out.back().to)
            out.back().to = std::max(out.back().to, w.to);
        else
            out.push_back(w);
    }
    return out;
}

YAML::Node activeNode(const GeoZone& zone, const ScheduleFrame& frame, core::Diagnostics& diagnostics,
                      std::vector<std::string>* comments) {
    constexpr core::Instant kOpen = std::numeric_limits<core::Instant>::min();
    constexpr core::Instant kEndless = std::numeric_limits<core::Instant>::max();
    const GeoSchedule& schedule = zone.schedule;
    std::vector<TimeWindow> windows; // kOpen / kEndless for an open end
    std::vector<WeeklySlot> weekly;
    bool never = schedule.never;

    for (const GeoPeriod& period : schedule.periods) {
        const core::Instant from = period.from.value_or(kOpen), to = period.to.value_or(kEndless);
        if (period.weekly.empty()) {
            if (!period.from && !period.to) return YAML::Node(); // in force always
            windows.push_back({from, to});
            continue;
        }
        std::vector<WeeklySlot> slots;
        for (const GeoWeeklySlot& slot : period.weekly)
            slots.push_back(toOffset(slot, frame.utcOffsetMinutes));
        const bool dated = period.from || period.to;
        if (!dated || (frame.span && from <= frame.span->from && to >= frame.span->to)) {
            // the timetable alone is exact: no dates, or dates around the whole scenario
            weekly.insert(weekly.end(), slots.begin(), slots.end());
            continue;
        }
        // dates with a timetable: the timetable's windows inside the dates (and the scenario)
        core::Instant lo = from, hi = to;
        if (frame.span)
            lo = std::max(lo, frame.span->from - kWeek), hi = std::min(hi, frame.span->to + kWeek);
        if (lo == kOpen || hi == kEndless) {
            weekly.insert(weekly.end(), slots.begin(), slots.end());
            diagnostics.warning(zone.where,
                                "zone '" + zone.id + "': its timetable holds " +
                                    (period.from ? "from " + core::formatInstant(from, 0)
                                                 : "until " + core::formatInstant(to, 0)) +
                                    " only; the scenario language cannot say so, and the timetable is "
                                    "written without that date",
                                "include the file from a scenario instead: the dates are then kept exactly "
                                "while the scenario runs");
            continue;
        }
        std::vector<TimeWindow> expanded;
        if (lo < hi)
            for (const GeoWeeklySlot& slot : period.weekly)
                expand(slot, lo, hi, expanded);
        if (expanded.size() > kMaxExpandedWindows) {
            weekly.insert(weekly.end(), slots.begin(), slots.end());
            diagnostics.warning(zone.where,
                                "zone '" + zone.id + "': its timetable from " + core::formatInstant(from, 0) +
                                    " to " + core::formatInstant(to, 0) + " would need " +
                                    std::to_string(expanded.size()) +
                                    " windows; the timetable is written without its dates",
                                "include the file from a scenario instead: the dates are then kept exactly "
                                "while the scenario runs");
            continue;
        }
        if (comments)
            comments->push_back("its timetable from " + core::formatInstant(from, 0) + " to " +
                                core::formatInstant(to, 0) + " is written as the " +
                                std::to_string(expanded.size()) + " windows it gives" +
                                (frame.span ? " around the scenario's time" : ""));
        windows.insert(windows.end(), expanded.begin(), expanded.end());
    }
    windows = joined(std::move(windows));
    if (windows.empty() && weekly.empty()) never = true;
    if (never) windows = {{kOpen, 0}}; // in force until 1970: never while a scenario runs

    YAML::Node active;
    auto windowNode = [&](const TimeWindow& w) {
        YAML::Node node;
        if (w.from != kOpen) node["from"] = core::formatInstant(w.from, frame.utcOffsetMinutes);
        if (w.to != kEndless) node["to"] = core::formatInstant(w.to, frame.utcOffsetMinutes);
        return flow(node);
    };
    if (windows.size() == 1 && weekly.empty()) {
        active = windowNode(windows.front());
    } else {
        for (const TimeWindow& w : windows)
            active["windows"].push_back(windowNode(w));
    }
    for (const WeeklySlot& slot : weekly) {
        YAML::Node node;
        std::vector<int> days = slot.days;
        if (days == std::vector<int>{0, 1, 2, 3, 4, 5, 6})
            node["days"] = "daily";
        else if (days == std::vector<int>{0, 1, 2, 3, 4})
            node["days"] = "weekdays";
        else if (days == std::vector<int>{5, 6})
            node["days"] = "weekend";
        else {
            YAML::Node list(YAML::NodeType::Sequence);
            for (int d : days)
                list.push_back(keys::kDays[static_cast<std::size_t>(d)]);
            node["days"] = flow(list);
        }
        node["from"] = clock(slot.from);
        // past midnight: the end is written as the next day's clock time
        node["to"] = slot.to > kDay ? clock(slot.to - kDay) : clock(slot.to);
        active["weekly"].push_back(flow(node));
    }
    return active;
}

// --- text ----------------------------------------------------------------------------------

/// Whether a scalar reads back as the same text without quotes, in any
/// YAML reader (no ':' for sexagesimal numbers and times, no yes/no/on/off).
bool plainSafe(const std::string& text) {
    if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
    const char first = text.front();
    if (!std::isalnum(static_cast<unsigned char>(first)) &&
        !((first == '-' || first == '+' || first == '.') && text.size() > 1 &&
          std::isdigit(static_cast<unsigned char>(text[1]))))
        return false;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) continue; // UTF-8 letters
        if (!std::isalnum(u) && std::string_view(" ._-+/()%'").find(c) == std::string_view::npos)
            return false;
    }
    std::string lower = text;
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* word : {"yes", "no", "on", "off", "true", "false", "null", "y", "n"})
        if (lower == word) return false;
    return true;
}

std::string scalarText(const std::string& text) {
    if (plainSafe(text)) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\', out += c;
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (static_cast<unsigned char>(c) < 0x20)
            out += ' ';
        else
            out += c;
    }
    return out + "\"";
}

std::string flowText(const YAML::Node& node) {
    if (node.IsScalar()) return scalarText(node.Scalar());
    std::string out;
    if (node.IsSequence()) {
        out = "[";
        for (std::size_t i = 0; i < node.size(); ++i)
            out += (i ? ", " : "") + flowText(node[i]);
        return out + "]";
    }
    out = "{";
    bool firstEntry = true;
    for (auto it = node.begin(); it != node.end(); ++it) {
        out += (firstEntry ? "" : ", ") + it->first.Scalar() + ": " + flowText(it->second);
        firstEntry = false;
    }
    return out + "}";
}

void blockText(const YAML::Node& node, int indent, std::string& out);

/// "key: value" or "key:\n  ..." at `indent`.
void entryText(const std::string& key, const YAML::Node& value, int indent, std::string& out) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    out += pad + key + ":";
    if (value.IsScalar() || value.Style() == YAML::EmitterStyle::Flow) {
        out += " " + flowText(value) + "\n";
    } else if (value.size() == 0) {
        out += value.IsMap() ? " {}\n" : " []\n";
    } else {
        out += "\n";
        blockText(value, indent + 2, out);
    }
}

void blockText(const YAML::Node& node, int indent, std::string& out) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it)
            entryText(it->first.Scalar(), it->second, indent, out);
    } else if (node.IsSequence()) {
        for (const YAML::Node& item : node) {
            if (item.IsScalar() || item.Style() == YAML::EmitterStyle::Flow) {
                out += pad + "- " + flowText(item) + "\n";
            } else {
                // the first line of the item after the dash, the rest under it
                std::string inner;
                blockText(item, indent + 2, inner);
                out += pad + "- " + inner.substr(static_cast<std::size_t>(indent) + 2);
            }
        }
    } else if (node.IsScalar()) {
        out += pad + scalarText(node.Scalar()) + "\n";
    }
}

} // namespace

std::string yamlText(const YAML::Node& node, int indent) {
    std::string out;
    blockText(node, indent, out);
    return out;
}

YAML::Node zoneNode(const GeoZone& zone, const ScheduleFrame& frame, core::Diagnostics& diagnostics,
                    std::vector<std::string>* comments) {
    YAML::Node node;
    node["id"] = zone.id;
    if (!zone.name.empty() && zone.name != zone.id) node["name"] = zone.name;
    node["restriction"] = std::string(name(zone.restriction));
    if (!zone.reasons.empty()) {
        YAML::Node reasons(YAML::NodeType::Sequence);
        for (Reason r : zone.reasons)
            reasons.push_back(std::string(name(r)));
        node["reason"] = flow(reasons);
    }
    node["shape"] = shapeNode(zone.shape);
    YAML::Node band;
    band["floor"] = altitude(zone.altitude.floor);
    band["ceiling"] = zone.altitude.ceiling ? altitude(*zone.altitude.ceiling) : std::string("unlimited");
    node["altitude"] = flow(band);
    if (!zone.schedule.always()) {
        YAML::Node active = activeNode(zone, frame, diagnostics, comments);
        if (active.IsDefined() && !active.IsNull()) node["active"] = active;
    }
    if (!zone.exempt.empty()) {
        YAML::Node exempt(YAML::NodeType::Sequence);
        for (const std::string& e : zone.exempt)
            exempt.push_back(e);
        node["exempt"] = flow(exempt);
    }
    if (!zone.message.empty()) node["message"] = zone.message;
    return node;
}

std::string zonesFragment(const ImportResult& result, const std::string& source, const ScheduleFrame& frame,
                          core::Diagnostics& diagnostics) {
    std::ostringstream out;
    const std::string format = result.format ? std::string(title(*result.format)) : "?";
    out << "# Zones imported by nofly from " << source << " (" << format << "): " << result.zones.size()
        << " zone" << (result.zones.size() == 1 ? "" : "s");
    if (result.skipped)
        out << "; " << result.skipped << " feature" << (result.skipped == 1 ? "" : "s") << " left out";
    out << ".\n";
    const int offset = frame.utcOffsetMinutes;
    const std::string offsetText = core::formatInstant(0, offset).substr(19);
    out << "# Times are written at UTC" << offsetText
        << "; weekly clock times are read in the local time of the scenario that includes this file\n"
        << "# (the offset of its 'time: start:'), so import with --utc-offset set to that offset.\n"
        << "# Use it from a scenario: 'include: [THIS_FILE]' (a fragment, not a scenario: start its name "
           "with '_').\n";
    if (result.zones.empty()) {
        out << "zones: []\n";
        return out.str();
    }
    out << "zones:\n";
    for (const GeoZone& zone : result.zones) {
        out << "\n  # " << zone.where.file;
        if (zone.where.line > 0) out << ":" << zone.where.line;
        if (zone.where.line > 0 && zone.where.column > 0) out << ":" << zone.where.column;
        out << "\n";
        std::vector<std::string> comments = zone.notes;
        const YAML::Node node = zoneNode(zone, frame, diagnostics, &comments);
        for (const std::string& comment : comments)
            out << "  # " << comment << "\n";
        std::string text = yamlText(node, 4);
        out << "  - " << text.substr(4);
    }
    return out.str();
}

} // namespace nofly::scenario
