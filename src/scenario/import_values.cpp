// The pieces every importer shares: the record of one import (Importer, and
// FeatureReport for each feature's problems), the values read from JSON
// (numbers, texts, positions, rings, dates, timetables, vertical limits), and
// the standards' words and units.
#include "scenario/import_formats.hpp"

#include "core/decimal.hpp"
#include "core/text.hpp"
#include "scenario/keys.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

namespace nofly::scenario::importing {

using core::trim;

namespace {

const char* const kRestrictionWords269[] = {"PROHIBITED", "REQ_AUTHORISATION", "CONDITIONAL",
                                            "NO_RESTRICTION"};
const char* const kRestrictionWords318[] = {"PROHIBITED", "REQ_AUTHORIZATION", "CONDITIONAL",
                                            "NO_RESTRICTION"};
const char* const kReasonWords[] = {"AIR_TRAFFIC", "SENSITIVE",         "PRIVACY",   "POPULATION", "NATURE",
                                    "NOISE",       "FOREIGN_TERRITORY", "EMERGENCY", "OTHER"};
const std::vector<std::string> kDayWords = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN", "ANY"};

std::string upperCase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

/// A letter of the Latin-1 and Latin Extended-A blocks in plain ASCII, for
/// ids: "Škofja Loka" -> "skofja-loka", "Ærø" -> "aero". Empty: not a letter.
std::string_view plainLetter(unsigned codePoint) {
    struct Range {
        unsigned first, last;
        const char* plain;
    };
    static const Range kRanges[] = {
        {0xC0, 0xC5, "a"},   {0xC6, 0xC6, "ae"},   {0xC7, 0xC7, "c"},   {0xC8, 0xCB, "e"},
        {0xCC, 0xCF, "i"},   {0xD0, 0xD0, "d"},    {0xD1, 0xD1, "n"},   {0xD2, 0xD6, "o"},
        {0xD8, 0xD8, "o"},   {0xD9, 0xDC, "u"},    {0xDD, 0xDD, "y"},   {0xDE, 0xDE, "th"},
        {0xDF, 0xDF, "ss"},  {0xE0, 0xE5, "a"},    {0xE6, 0xE6, "ae"},  {0xE7, 0xE7, "c"},
        {0xE8, 0xEB, "e"},   {0xEC, 0xEF, "i"},    {0xF0, 0xF0, "d"},   {0xF1, 0xF1, "n"},
        {0xF2, 0xF6, "o"},   {0xF8, 0xF8, "o"},    {0xF9, 0xFC, "u"},   {0xFD, 0xFD, "y"},
        {0xFE, 0xFE, "th"},  {0xFF, 0xFF, "y"},    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"},
        {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},  {0x11C, 0x123, "g"}, {0x124, 0x127, "h"},
        {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
        {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},  {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"},
        {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},  {0x162, 0x167, "t"}, {0x168, 0x173, "u"},
        {0x174, 0x175, "w"}, {0x176, 0x178, "y"},  {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
    };
    for (const Range& r : kRanges)
        if (codePoint >= r.first && codePoint <= r.last) return r.plain;
    return {};
}

/// Lower-case letters and digits joined by single hyphens.
std::string slug(std::string_view written) {
    std::string out;
    bool gap = false;
    auto put = [&](std::string_view piece) {
        if (gap && !out.empty()) out += '-';
        gap = false;
        out += piece;
    };
    for (std::size_t i = 0; i < written.size(); ++i) {
        const auto c = static_cast<unsigned char>(written[i]);
        if (std::isalnum(c)) {
            const char lower = static_cast<char>(std::tolower(c));
            put(std::string_view(&lower, 1));
        } else if (c >= 0xC0 && c < 0xE0 && i + 1 < written.size()) {
            // a two-byte UTF-8 letter
            const unsigned codePoint =
                ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(written[i + 1]) & 0x3Fu);
            ++i;
            if (std::string_view plain = plainLetter(codePoint); !plain.empty())
                put(plain);
            else
                gap = true;
        } else {
            gap = true;
        }
    }
    return out;
}

/// A number as an imported file writes it in a string: a decimal number,
/// spaces around it allowed (" 120 ").
std::optional<double> parseNumber(std::string_view raw) {
    return core::parseDecimal(trim(raw));
}

/// "17:00:00.00Z", "16:00:00Z", "08:30", "08:30+02:00": the time since
/// midnight and the offset it is written in (UTC when none is written).
std::optional<std::pair<core::Millis, int>> parseClock(std::string_view raw, std::string& error) {
    std::string text(trim(raw));
    int offset = 0;
    if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) {
        text.pop_back();
    } else if (const std::size_t sign = text.find_last_of("+-"); sign != std::string::npos && sign > 0) {
        std::string digits;
        for (char c : text.substr(sign + 1))
            if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
        if (digits.size() != 2 && digits.size() != 4) {
            error = "has an offset that is not of the form +HH:MM";
            return std::nullopt;
        }
        offset = std::stoi(digits.substr(0, 2)) * 60 + (digits.size() == 4 ? std::stoi(digits.substr(2)) : 0);
        if (text[sign] == '-') offset = -offset;
        text.resize(sign);
    }
    // read the clock as a moment of 1 January 1970 UTC
    auto parsed = core::parseInstant("1970-01-01T" + text + "Z", core::TimeContext{});
    if (std::holds_alternative<core::ParseError>(parsed)) {
        error = "is not a time of day of the form HH:MM:SS";
        return std::nullopt;
    }
    return std::pair{std::get<core::Instant>(parsed), offset};
}

} // namespace

// --- one import -------------------------------------------------------------------------

std::string Importer::uniqueId(std::string_view written) {
    // an identifier that is already a usable id stays as it is ("EKCH-UAS", "NFZ6547")
    const bool usable = !written.empty() && std::isalnum(static_cast<unsigned char>(written[0])) &&
                        std::all_of(written.begin(), written.end(), [](char c) {
                            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
                        });
    std::string base = usable ? std::string(written) : slug(written);
    if (base.empty()) base = "zone";
    std::string id = base;
    for (int n = 2; !m_ids.insert(id).second; ++n)
        id = base + "-" + std::to_string(n);
    return id;
}

void Importer::fileError(int line, int column, std::string message, std::string hint) {
    m_result.diagnostics.error(at(line, column), std::move(message), std::move(hint));
}

void Importer::deviation(Deviation kind, const JsonValue& at, std::string written, double height) {
    Seen& seen = m_deviations[static_cast<std::size_t>(kind)];
    if (seen.features == 0) {
        seen.line = at.line();
        seen.column = at.column();
        seen.written = std::move(written);
    }
    if (seen.lastFeature != m_result.features) {
        seen.lastFeature = m_result.features;
        ++seen.features;
    }
    seen.largestHeight = std::max(seen.largestHeight, height);
}

void Importer::reportDeviations() {
    for (std::size_t k = 0; k < kDeviationKinds; ++k) {
        const Seen& seen = m_deviations[k];
        if (seen.features == 0) continue;
        // what the file does, and how lenient reads it
        std::string what, reading;
        switch (static_cast<Deviation>(k)) {
        case Deviation::NestedZone:
            what = "zone fields under properties.UASZone";
            reading = "as if they were in properties";
            break;
        case Deviation::PropertiesLayer:
            what = "vertical limits under properties.verticalLayer, not in a layer on the geometry";
            reading = "as the layer of each of the feature's geometries";
            break;
        case Deviation::EmptyUnit: {
            std::ostringstream largest;
            largest << seen.largestHeight;
            what = "an empty unit of height (" + seen.written + ")";
            // drone zones' heights are mostly given in metres; the largest is shown so
            // that a file in feet can be told
            reading = "as metres, the likely unit" +
                      (seen.largestHeight > 0.0 ? " (the heights written go up to " + largest.str() + ")"
                                                : std::string());
            break;
        }
        case Deviation::DayAsText:
            what = "a schedule's day written as a text (" + seen.written + "), not a list";
            reading = "as the list of the days it names";
            break;
        case Deviation::EmptyDate:
            what = "an empty date (" + seen.written + ")";
            reading = "as no date: the period is open at that end";
            break;
        }
        const std::string features =
            std::to_string(seen.features) + " feature" + (seen.features == 1 ? "" : "s");
        if (m_options.lenient) {
            const std::string read = what + " (not ED-318) read " + reading + " (" + features + ")";
            m_result.diagnostics.warning(at(seen.line, seen.column), "lenient: " + read);
        } else {
            m_result.diagnostics.error(at(seen.line, seen.column), what + " (not ED-318; " + features + ")",
                                       "the file looks like a national download that bends ED-318; "
                                       "--lenient ('lenient: true' in an include) accepts it, with a "
                                       "warning for each kind of difference");
        }
    }
}

void Importer::finish() {
    reportDeviations();
    if (m_failed == 0 || m_options.skipBad) return;
    const std::size_t usable = m_result.features - m_failed;
    m_result.diagnostics.note(
        at(0),
        std::to_string(m_failed) + " of " + std::to_string(m_result.features) + " feature" +
            (m_result.features == 1 ? "" : "s") + " cannot be used, so nothing was imported",
        usable == 0 ? "fix the file"
                    : "fix them, or leave them out and import the other " + std::to_string(usable) +
                          " with --skip-bad ('skip-bad: true' in an include)");
}

FeatureReport::FeatureReport(Importer& importer, std::string what, int line, int column)
    : m_importer(importer), m_what(std::move(what)), m_line(line), m_column(column) {
    ++importer.result().features;
}

FeatureReport::FeatureReport(Importer& importer, const JsonValue& feature, std::size_t index,
                             const std::string& written)
    : FeatureReport(importer,
                    "feature " + std::to_string(index + 1) + (written.empty() ? "" : " '" + written + "'"),
                    feature.line(), feature.column()) {}

bool FeatureReport::isObject(const JsonValue& feature, const std::string& kind) {
    if (feature.isObject()) return true;
    error(feature, "must be " + kind + ", not " + feature.describe());
    finish({});
    return false;
}

void FeatureReport::error(int line, int column, const std::string& message, std::string hint) {
    m_held.error(m_importer.at(line, column), m_what + ": " + message, std::move(hint));
    m_failed = true;
}
void FeatureReport::error(const JsonValue& at, const std::string& message, std::string hint) {
    error(at.line(), at.column(), message, std::move(hint));
}
void FeatureReport::warning(int line, int column, const std::string& message, std::string hint) {
    m_held.warning(m_importer.at(line, column), m_what + ": " + message, std::move(hint));
}
void FeatureReport::warning(const JsonValue& at, const std::string& message, std::string hint) {
    warning(at.line(), at.column(), message, std::move(hint));
}

void FeatureReport::finish(std::vector<GeoZone> zones) {
    ImportResult& result = m_importer.result();
    // every length within the range the scenario language reads (core::checkRange), whatever
    // the format: a radius of 1e300 m, or an OpenAir 'DC 20000', would draw scattered points
    for (const GeoZone& zone : zones) {
        auto length = [&](double metres, const char* what) {
            if (auto problem = core::checkRange(metres, core::Dimension::Length,
                                                core::formatQuantity(metres, core::Dimension::Length)))
                error(m_line, m_column, what + (": " + problem->message), problem->hint);
        };
        auto altitude = [&](double metres, const char* what) {
            if (!(std::fabs(metres) <= core::kLargestAltitude))
                error(m_line, m_column,
                      what + (" " + core::formatQuantity(metres, core::Dimension::Length)) +
                          " is out of range for an altitude",
                      "an altitude is at most 100 km (where space begins)");
        };
        for (const GeoCircle& circle : zone.shape.circles)
            length(circle.radius, "circle radius");
        for (const GeoCorridor& corridor : zone.shape.corridors)
            length(corridor.width, "corridor width");
        altitude(zone.altitude.floor.metres, "floor");
        if (zone.altitude.ceiling) altitude(zone.altitude.ceiling->metres, "ceiling");
    }
    if (!m_failed) {
        result.diagnostics.append(m_held);
        for (GeoZone& zone : zones) {
            zone.notes.insert(zone.notes.end(), m_notes.begin(), m_notes.end());
            if (zone.where.file.empty()) zone.where = where();
            result.zones.push_back(std::move(zone));
        }
        return;
    }
    if (!m_importer.options().skipBad) {
        result.diagnostics.append(m_held);
        m_importer.countFailed();
        return;
    }
    // skip-bad: the problems become warnings, and the feature is left out
    for (core::Diagnostic d : m_held.all()) {
        d.severity = core::Severity::Warning;
        result.diagnostics.add(std::move(d));
    }
    result.diagnostics.warning(where(), m_what + " is left out (skip-bad)");
    ++result.skipped;
}

// --- values --------------------------------------------------------------------------------

bool isBlank(const JsonValue& value) {
    return value.isNull() || (value.isScalar() && trim(value.text()).empty());
}

std::optional<double> readNumber(FeatureReport& report, const JsonValue& value, const std::string& what) {
    if (!value.isScalar()) {
        report.error(value, what + " must be a number, not " + value.describe());
        return std::nullopt;
    }
    auto number = parseNumber(value.text());
    if (!number) report.error(value, what + ": \"" + value.text() + "\" is not a number");
    return number;
}

std::optional<std::string> readText(FeatureReport& report, const JsonValue& value, const std::string& what) {
    if (!value.isScalar()) {
        report.error(value, what + " must be a text, not " + value.describe());
        return std::nullopt;
    }
    return value.text();
}

std::optional<core::LatLon> readPosition(FeatureReport& report, const JsonValue& value,
                                         const std::string& what) {
    if (!value.isArray() || value.size() < 2) {
        report.error(value, what + " must be a position [longitude, latitude], not " + value.describe());
        return std::nullopt;
    }
    auto lon = readNumber(report, value[0], what + " longitude");
    auto lat = readNumber(report, value[1], what + " latitude");
    if (!lon || !lat) return std::nullopt;
    if (*lat < -90.0 || *lat > 90.0) {
        report.error(value, what + " has latitude " + value[1].text() + ", which is not a latitude",
                     "GeoJSON and ED-269 write [longitude, latitude]; are the two swapped?");
        return std::nullopt;
    }
    if (*lon < -180.0 || *lon > 180.0) {
        report.error(value, what + " has longitude " + value[0].text() + ", which is not a longitude",
                     "longitudes run from -180 to 180 degrees");
        return std::nullopt;
    }
    return core::LatLon{*lat, *lon};
}

std::optional<GeoRing> readRing(FeatureReport& report, const JsonValue& value, const std::string& what) {
    if (!value.isArray()) {
        report.error(value, what + " must be a list of positions, not " + value.describe());
        return std::nullopt;
    }
    if (const std::string problem = limits::ringProblem(value.size()); !problem.empty()) {
        report.error(value, what + " has " + problem, "simplify the outline before importing it");
        return std::nullopt;
    }
    GeoRing ring;
    ring.reserve(value.size());
    bool good = true;
    for (std::size_t i = 0; i < value.size(); ++i) {
        auto p = readPosition(report, value[i], what + " point " + std::to_string(i + 1));
        if (!p) {
            good = false;
            continue;
        }
        // a point repeated right after itself adds nothing
        if (!ring.empty() && ring.back().lat == p->lat && ring.back().lon == p->lon) continue;
        ring.push_back(*p);
    }
    if (!good) return std::nullopt;
    if (ring.size() > 1 && ring.front().lat == ring.back().lat && ring.front().lon == ring.back().lon)
        ring.pop_back();
    if (ring.size() < 3) {
        report.error(value, what + " has " + std::to_string(ring.size()) + " distinct point" +
                                (ring.size() == 1 ? "" : "s") + "; a ring needs at least 3");
        return std::nullopt;
    }
    return ring;
}

std::optional<GeoPolygon> readPolygon(FeatureReport& report, const JsonValue& value,
                                      const std::string& what) {
    if (!value.isArray() || value.size() == 0) {
        report.error(value, what + " must be a list of rings (the outer edge, then any holes), not " +
                                value.describe());
        return std::nullopt;
    }
    GeoPolygon polygon;
    for (std::size_t r = 0; r < value.size(); ++r) {
        auto ring =
            readRing(report, value[r], r == 0 ? what + " outer ring" : what + " hole " + std::to_string(r));
        if (!ring) return std::nullopt;
        if (r == 0)
            polygon.outer = std::move(*ring);
        else
            polygon.holes.push_back(std::move(*ring));
    }
    std::vector<std::string> repairs;
    const std::vector<std::string> problems = repairPolygon(polygon, repairs);
    for (const std::string& problem : problems)
        report.error(value, what + ": " + problem);
    if (!problems.empty()) return std::nullopt;
    for (const std::string& repair : repairs) {
        report.warning(value, what + ": " + repair);
        report.note(what + ": " + repair);
    }
    return polygon;
}

std::optional<core::Instant> readDateTime(FeatureReport& report, const JsonValue& value,
                                          const std::string& what) {
    if (!value.isScalar()) {
        report.error(value, what + " must be a date and time such as \"2025-10-01T08:00:00Z\", not " +
                                value.describe());
        return std::nullopt;
    }
    auto parsed = core::parseInstant(trim(value.text()), core::TimeContext{});
    if (auto* e = std::get_if<core::ParseError>(&parsed)) {
        report.error(value, what + ": " + e->message, e->hint);
        return std::nullopt;
    }
    return std::get<core::Instant>(parsed);
}

std::optional<GeoWeeklySlot> readDailyPeriod(FeatureReport& report, const JsonValue& value,
                                             const std::string& what) {
    if (!value.isObject()) {
        report.error(value, what + " must be an object with 'day', 'startTime' and 'endTime', not " +
                                value.describe());
        return std::nullopt;
    }
    GeoWeeklySlot slot;
    bool good = true;

    // the days: MON ... SUN, or ANY
    auto days = value.get("day");
    if (!days) {
        report.error(value, what + " has no 'day'", "list the days, such as [\"SAT\", \"SUN\"] or [\"ANY\"]");
        return std::nullopt;
    }
    std::vector<std::pair<std::string, JsonValue>> words;
    if (days->isArray()) {
        for (std::size_t i = 0; i < days->size(); ++i)
            words.emplace_back((*days)[i].text(), (*days)[i]);
    } else if (days->isScalar() && report.importer().watchesDeviations()) {
        // ED-318 lists the days; a national download may write "ANY" or "MON, TUE"
        report.importer().deviation(Deviation::DayAsText, *days, "\"day\": \"" + days->text() + "\"");
        std::string word;
        for (char c : days->text() + ",") {
            if (c != ',' && !std::isspace(static_cast<unsigned char>(c))) {
                word += c;
            } else if (!word.empty()) {
                words.emplace_back(word, *days);
                word.clear();
            }
        }
        if (words.empty()) words.emplace_back("", *days);
    } else {
        words.emplace_back(days->text(), *days);
    }
    for (const auto& [text, word] : words) {
        const std::string day = upperCase(trim(text));
        const auto it = std::find(kDayWords.begin(), kDayWords.end(), day);
        if (!word.isScalar() || it == kDayWords.end()) {
            report.error(word,
                         what + " day " + (word.isScalar() ? "'" + text + "'" : word.describe()) +
                             " is not a day",
                         core::suggestion(day, kDayWords));
            good = false;
        } else if (day == "ANY") {
            slot.days = {0, 1, 2, 3, 4, 5, 6};
        } else {
            slot.days.push_back(static_cast<int>(it - kDayWords.begin()));
        }
    }

    // sunrise and sunset need the sun's position, which nofly does not compute
    for (const char* event : {"startEvent", "endEvent"})
        if (auto e = value.get(event); e && !isBlank(*e)) {
            report.error(*e,
                         what + " " + event + " '" + e->text() + "' (a time set by the sun) cannot be used",
                         "nofly has no sunrise and sunset; write startTime and endTime instead");
            good = false;
        }

    // the clock times; an end not after the start runs past midnight
    std::optional<int> offset;
    auto clock = [&](const char* key, core::Millis fallback) -> std::optional<core::Millis> {
        auto t = value.get(key);
        if (!t || isBlank(*t)) return fallback;
        std::string error;
        auto parsed = t->isScalar() ? parseClock(t->text(), error) : std::nullopt;
        if (!parsed) {
            report.error(
                *t, what + " " + key + " " + t->describe() + " " + (error.empty() ? "is not a time" : error),
                "write a time of day such as \"17:00:00Z\"");
            return std::nullopt;
        }
        if (offset && *offset != parsed->second) {
            report.error(*t, what + " has startTime and endTime at different UTC offsets",
                         "write both in UTC, such as \"17:00:00Z\"");
            return std::nullopt;
        }
        offset = parsed->second;
        return parsed->first;
    };
    auto from = clock("startTime", 0);
    auto to = clock("endTime", 24LL * 3600 * 1000);
    if (!from || !to || !good) return std::nullopt;
    slot.from = *from;
    slot.to = *to <= *from ? *to + 24LL * 3600 * 1000 : *to;
    slot.utcOffsetMinutes = offset.value_or(0);
    std::sort(slot.days.begin(), slot.days.end());
    slot.days.erase(std::unique(slot.days.begin(), slot.days.end()), slot.days.end());
    return slot;
}

std::optional<GeoPeriod> readTimePeriod(FeatureReport& report, const JsonValue& value,
                                        const std::string& what) {
    GeoPeriod period;
    bool good = true;
    // ED-318 leaves a date out; a national download may write it ""
    if (report.importer().watchesDeviations())
        for (const char* key : {"startDateTime", "endDateTime"})
            if (auto date = value.get(key); date && date->isScalar() && trim(date->text()).empty())
                report.importer().deviation(Deviation::EmptyDate, *date,
                                            "\"" + std::string(key) + "\": \"" + date->text() + "\"");
    if (auto start = value.get("startDateTime"); start && !isBlank(*start)) {
        if (auto t = readDateTime(report, *start, what + " startDateTime"))
            period.from = *t;
        else
            good = false;
    }
    if (auto end = value.get("endDateTime"); end && !isBlank(*end)) {
        if (auto t = readDateTime(report, *end, what + " endDateTime"))
            period.to = *t;
        else
            good = false;
    }
    if (period.from && period.to && *period.to <= *period.from) {
        report.error(*value.get("endDateTime"), what + " ends before it starts",
                     "endDateTime must be later than startDateTime");
        good = false;
    }
    if (auto schedule = value.get("schedule"); schedule && !isBlank(*schedule)) {
        if (!schedule->isArray()) {
            report.error(*schedule, what + " schedule must be a list, not " + schedule->describe());
            good = false;
        } else {
            for (std::size_t i = 0; i < schedule->size(); ++i)
                if (auto slot =
                        readDailyPeriod(report, (*schedule)[i], what + " schedule " + std::to_string(i + 1)))
                    period.weekly.push_back(*slot);
                else
                    good = false;
        }
    }
    if (!good) return std::nullopt;
    return period;
}

std::optional<VerticalLimits> readLimits(FeatureReport& report, const JsonValue& object,
                                         const LimitKeys& keys, const std::string& what,
                                         std::vector<std::string>& notes) {
    const auto lower = object.get(keys.lower);
    const auto upper = object.get(keys.upper);
    const bool lowerGiven = lower && !isBlank(*lower);
    const bool upperGiven = upper && !isBlank(*upper);

    // ED-318's "no ceiling": an upper limit of 99999 (in m or in ft), the same as none
    const bool noCeiling = upperGiven && keys.noCeiling > 0.0 && upper->isScalar() &&
                           parseNumber(upper->text()) == keys.noCeiling;

    // the unit, needed once a height is given
    double metresPerUnit = 1.0;
    const auto unit = object.get(keys.unit);
    if (unit && !isBlank(*unit)) {
        const std::string word = upperCase(unit->text());
        if (word == "FT")
            metresPerUnit = feetToMetres(1.0);
        else if (word != "M") {
            report.error(*unit, what + " " + keys.unit + " " + unit->describe() + " is not a unit of height",
                         "expected M or FT");
            return std::nullopt;
        }
    } else if (unit && (lowerGiven || upperGiven) && report.importer().watchesDeviations()) {
        // a national download may write the unit "": read as metres, noting the largest height so read
        double largest = 0.0;
        if (lowerGiven && lower->isScalar()) largest = parseNumber(lower->text()).value_or(0.0);
        if (upperGiven && !noCeiling && upper->isScalar())
            largest = std::max(largest, parseNumber(upper->text()).value_or(0.0));
        const std::string written = unit->isNull() ? "null" : "\"" + unit->text() + "\"";
        report.importer().deviation(Deviation::EmptyUnit, *unit,
                                    "\"" + std::string(keys.unit) + "\": " + written, largest);
    } else if (lowerGiven || upperGiven) {
        report.error(object, what + " has no '" + keys.unit + "'", "the unit of its heights, M or FT");
        return std::nullopt;
    }

    // one limit: a number in the unit over a reference
    bool good = true;
    auto limit = [&](const std::optional<JsonValue>& value, const char* referenceKey,
                     const char* name) -> std::optional<core::Altitude> {
        const auto reference = object.get(referenceKey);
        core::Altitude altitude{0.0, core::AltitudeRef::AGL};
        if (value && !isBlank(*value)) {
            auto number = readNumber(report, *value, what + " " + name);
            if (!number) return good = false, std::nullopt;
            altitude.metres = metresPerUnit == 1.0 ? *number : feetToMetres(*number);
        }
        if (!reference || isBlank(*reference)) {
            if (altitude.metres != 0.0) {
                report.error(object, what + " has no '" + referenceKey + "'", "AGL or AMSL");
                good = false;
            }
            return altitude;
        }
        const std::string word = upperCase(reference->text());
        if (word == "AMSL")
            altitude.ref = core::AltitudeRef::AMSL;
        else if (word == "WGS84") {
            altitude.ref = core::AltitudeRef::AMSL;
            const std::string note = std::string(name) + " " + describeAltitude(altitude) +
                                     " is a height above the WGS84 ellipsoid, read as AMSL";
            report.warning(
                *reference, what + " " + note,
                "the geoid's height above the ellipsoid (about 40 m in Denmark, up to 100 m elsewhere) "
                "is not taken off");
            notes.push_back(note);
        } else if (word != "AGL") {
            report.error(*reference,
                         what + " " + referenceKey + " " + reference->describe() +
                             " is not a vertical reference",
                         "expected AGL, AMSL or WGS84");
            good = false;
        }
        return altitude;
    };
    VerticalLimits limits;
    if (auto floor = limit(lower, keys.lowerReference, keys.lower)) limits.floor = *floor;
    if (upperGiven && !noCeiling) limits.ceiling = limit(upper, keys.upperReference, keys.upper);
    if (!good) return std::nullopt;
    if (limits.ceiling && limits.ceiling->ref == limits.floor.ref &&
        limits.ceiling->metres <= limits.floor.metres) {
        report.error(*upper,
                     what + " " + keys.upper + " (" + describeAltitude(*limits.ceiling) + ") is not above " +
                         keys.lower + " (" + describeAltitude(limits.floor) + ")",
                     "the upper limit must be higher than the lower");
        return std::nullopt;
    }
    return limits;
}

// --- words and units ------------------------------------------------------------------------

std::optional<Restriction> standardRestriction(std::string_view raw, ImportFormat format, std::string& hint) {
    const std::string word = upperCase(trim(raw));
    const bool ed318 = format == ImportFormat::Ed318;
    const auto& words = ed318 ? kRestrictionWords318 : kRestrictionWords269;
    for (std::size_t i = 0; i < 4; ++i)
        if (word == words[i]) return static_cast<Restriction>(i);
    if (ed318 && word == "USPACE") return Restriction::Conditional;
    if (word == "REQ_AUTHORISATION" || word == "REQ_AUTHORIZATION")
        hint = ed318
                   ? "ED-318 spells it REQ_AUTHORIZATION, with a Z; REQ_AUTHORISATION is ED-269's spelling"
                   : "ED-269 spells it REQ_AUTHORISATION, with an S; REQ_AUTHORIZATION is ED-318's spelling";
    else
        hint = std::string("expected one of: PROHIBITED, ") +
               (ed318 ? "REQ_AUTHORIZATION" : "REQ_AUTHORISATION") + ", CONDITIONAL, NO_RESTRICTION" +
               (ed318 ? ", USPACE" : "");
    return std::nullopt;
}

std::optional<Reason> standardReason(std::string_view raw) {
    const std::string word = upperCase(trim(raw));
    for (std::size_t i = 0; i < std::size(kReasonWords); ++i)
        if (word == kReasonWords[i]) return static_cast<Reason>(i);
    return std::nullopt;
}

std::optional<Restriction> anyRestriction(std::string_view raw) {
    const std::string word(trim(raw));
    for (std::size_t i = 0; i < keys::kRestrictions.size(); ++i)
        if (word == keys::kRestrictions[i]) return static_cast<Restriction>(i);
    std::string hint;
    if (auto r = standardRestriction(word, ImportFormat::Ed269, hint)) return r;
    return standardRestriction(word, ImportFormat::Ed318, hint);
}

std::optional<Reason> anyReason(std::string_view raw) {
    const std::string word(trim(raw));
    for (std::size_t i = 0; i < keys::kReasons.size(); ++i)
        if (word == keys::kReasons[i]) return static_cast<Reason>(i);
    return standardReason(word);
}

double feetToMetres(double feet) {
    return feet * 3048.0 / 10000.0;
}

double flightLevelMetres(double level) {
    return feetToMetres(level * 100.0);
}

core::Parsed<core::Altitude> readFlightLevel(std::string_view written, std::string& note) {
    const std::string_view level = trim(written.substr(std::min<std::size_t>(2, written.size())));
    const std::string hint = "a flight level counts hundreds of feet: FL95 is 9,500 ft";
    const auto number = parseNumber(level);
    if (!number || *number < 0.0)
        return core::ParseError{"'" + std::string(trim(written)) + "' is not a flight level", hint};
    // "FL33e303" would be infinitely high
    if (!(flightLevelMetres(*number) <= core::kLargestAltitude))
        return core::ParseError{"flight level " + std::string(level) + " is above 100 km, where space begins",
                                hint};
    const core::Altitude altitude{flightLevelMetres(*number), core::AltitudeRef::AMSL};
    note = std::string(trim(written)) + " read as " + describeAltitude(altitude) +
           " (flight level on the standard atmosphere)";
    return altitude;
}

bool isFlightLevel(std::string_view written) {
    const std::string_view text = trim(written);
    return text.size() > 2 && (text[0] == 'F' || text[0] == 'f') && (text[1] == 'L' || text[1] == 'l');
}

core::Parsed<core::Altitude> parseLevelOrAltitude(std::string_view raw, std::string& note) {
    const std::string_view text = trim(raw);
    if (isFlightLevel(text)) return readFlightLevel(text, note);
    return core::parseAltitude(text);
}

std::string describeAltitude(const core::Altitude& altitude) {
    const double feet = altitude.metres * 10000.0 / 3048.0;
    std::ostringstream out;
    if (altitude.metres != std::round(altitude.metres) && std::abs(feet - std::round(feet)) < 1e-6)
        out << std::llround(feet) << " ft";
    else
        out << altitude.metres << " m";
    out << (altitude.ref == core::AltitudeRef::AGL ? " AGL" : " AMSL");
    return out.str();
}

} // namespace nofly::scenario::importing
