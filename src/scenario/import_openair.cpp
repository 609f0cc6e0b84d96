// OpenAir, the text format of gliding and paragliding airspace (WinPilot,
// 1998; extended by Naviter's SeeYou). Read by hand, line by line, because
// no Debian package reads it. An airspace starts at `AC` (its class) and has
// `AY` (type), `AN` (name), `AL`/`AH` (lower and upper limits: FL95, 3500ft
// AMSL, 1000ft AGL, GND, UNL), `AA` (activation windows in UTC, or NONE),
// then its shape: `DP` points, `DA`/`DB` arcs and `DC` circles around the
// centre set by `V X=`, in the direction set by `V D=`. Distances are
// nautical miles, coordinates degrees:minutes:seconds. `*` starts a comment,
// and so does `;` (as in SeeYou's own examples), except in the names of AN
// and AG, which may hold any character.
//
// The points and arcs of an airspace make one outline. Repeated points (a DB
// arc starting on the DP point written before it) are one point. An outline
// that walks an edge to an inner ring and back along the same edge (as German
// files write a ring around a control zone) is an outline with a hole.
//
// OpenAir describes airspace for pilots of manned aircraft; what an airspace
// type means for a drone comes from the table in kTypes (docs/real-data.md),
// which a mapping file's `classes` may replace.
#include "scenario/import_formats.hpp"

#include "core/diagnostic.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <numbers>
#include <optional>
#include <sstream>

namespace nofly::scenario::importing {

namespace {

constexpr double kMetresPerNauticalMile = 1852.0;
constexpr double kArcStep = 5.0; ///< [deg] between the points that draw an arc

/// What an airspace type (AY) or class (AC) means for a drone.
struct TypeMeaning {
    const char* word;
    const char* description;
    Restriction restriction;
    Reason reason;
};

// clang-format off
const TypeMeaning kTypes[] = {
    {"P",       "Prohibited area",                    Restriction::Prohibited,    Reason::Sensitive},
    {"R",       "Restricted area",                    Restriction::Authorisation, Reason::Other},
    {"Q",       "Danger area",                        Restriction::Conditional,   Reason::Other},
    {"TFR",     "Temporary flight restriction",       Restriction::Prohibited,    Reason::Emergency},
    {"OFR",     "Overflight restriction",             Restriction::Prohibited,    Reason::Sensitive},
    {"GP",      "Glider prohibited area",             Restriction::Prohibited,    Reason::Other},
    {"TSA",     "Temporary segregated area",          Restriction::Prohibited,    Reason::Other},
    {"TRA",     "Temporary reserved area",            Restriction::Prohibited,    Reason::Other},
    {"MTA",     "Military training area",             Restriction::Prohibited,    Reason::Other},
    {"MTR",     "Military training route",            Restriction::Prohibited,    Reason::Other},
    {"CTR",     "Control zone",                       Restriction::Authorisation, Reason::AirTraffic},
    {"ATZ",     "Aerodrome traffic zone",             Restriction::Authorisation, Reason::AirTraffic},
    {"MATZ",    "Military aerodrome traffic zone",    Restriction::Authorisation, Reason::AirTraffic},
    {"HTZ",     "Helicopter traffic zone",            Restriction::Authorisation, Reason::AirTraffic},
    {"TMA",     "Terminal manoeuvring area",          Restriction::Authorisation, Reason::AirTraffic},
    {"CTA",     "Control area",                       Restriction::Authorisation, Reason::AirTraffic},
    {"TIZ",     "Traffic information zone",           Restriction::Authorisation, Reason::AirTraffic},
    {"TIA",     "Traffic information area",           Restriction::Authorisation, Reason::AirTraffic},
    {"RMZ",     "Radio mandatory zone",               Restriction::Conditional,   Reason::AirTraffic},
    {"TMZ",     "Transponder mandatory zone",         Restriction::Conditional,   Reason::AirTraffic},
    {"TRZ",     "Transponder recommended zone",       Restriction::Conditional,   Reason::AirTraffic},
    {"ALERT",   "Alert area",                         Restriction::Conditional,   Reason::Other},
    {"WARNING", "Warning area",                       Restriction::Conditional,   Reason::Other},
    {"ADIZ",    "Air defence identification zone",   Restriction::Conditional,   Reason::Sensitive},
    {"A",       "Class A airspace",                   Restriction::Authorisation, Reason::AirTraffic},
    {"B",       "Class B airspace",                   Restriction::Authorisation, Reason::AirTraffic},
    {"C",       "Class C airspace",                   Restriction::Authorisation, Reason::AirTraffic},
    {"D",       "Class D airspace",                   Restriction::Authorisation, Reason::AirTraffic},
    {"E",       "Class E airspace",                   Restriction::NoRestriction, Reason::AirTraffic},
    {"F",       "Class F airspace",                   Restriction::NoRestriction, Reason::AirTraffic},
    {"G",       "Class G airspace",                   Restriction::NoRestriction, Reason::AirTraffic},
    {"UNC",     "Unclassified airspace",              Restriction::NoRestriction, Reason::Other},
    {"W",       "Wave window",                        Restriction::NoRestriction, Reason::Other},
    {"FIR",     "Flight information region",          Restriction::NoRestriction, Reason::AirTraffic},
    {"UIR",     "Upper flight information region",    Restriction::NoRestriction, Reason::AirTraffic},
    {"FIS",     "Flight information service sector",  Restriction::NoRestriction, Reason::AirTraffic},
    {"ACCSEC",  "Communication sector",               Restriction::NoRestriction, Reason::AirTraffic},
    {"AWY",     "Airway",                             Restriction::NoRestriction, Reason::AirTraffic},
    {"GSEC",    "Gliding sector",                     Restriction::NoRestriction, Reason::Other},
    {"ASRA",    "Aerial sporting or recreational activity", Restriction::NoRestriction, Reason::Other},
    {"LTA",     "Lower traffic area",                 Restriction::NoRestriction, Reason::AirTraffic},
    {"UTA",     "Upper traffic area",                 Restriction::NoRestriction, Reason::AirTraffic},
    {"VFRR",    "VFR route",                          Restriction::NoRestriction, Reason::AirTraffic},
    {"VFRSEC",  "VFR sector",                         Restriction::NoRestriction, Reason::AirTraffic},
    {"N",       "NOTAM affected area",                Restriction::NoRestriction, Reason::Other},
    {"CUSTOM",  "Custom airspace",                    Restriction::NoRestriction, Reason::Other},
    {"NONE",    "Airspace",                           Restriction::NoRestriction, Reason::Other},
};
// clang-format on

const TypeMeaning* findType(const std::string& word) {
    for (const TypeMeaning& t : kTypes)
        if (word == t.word) return &t;
    return nullptr;
}

/// The text without white space at either end, as a string of its own.
std::string trimmed(std::string_view s) {
    return std::string(core::trim(s));
}

std::string upperCase(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

/// A cursor over the coordinates of a line: "45:37:56N 013:55:08E",
/// "45:15.531N 14:18.333E", "45:37:56 N 13:55:08 E".
struct CoordinateReader {
    std::string_view text;
    std::size_t pos = 0;

    void skipSeparators() {
        while (pos < text.size() && (std::isspace(static_cast<unsigned char>(text[pos])) || text[pos] == ','))
            ++pos;
    }
    /// One angle and its hemisphere letter; nothing when the text is not one.
    std::optional<std::pair<double, char>> angle() {
        skipSeparators();
        double parts[3] = {0.0, 0.0, 0.0};
        int count = 0;
        while (count < 3) {
            const std::size_t start = pos;
            while (pos < text.size() &&
                   (std::isdigit(static_cast<unsigned char>(text[pos])) || text[pos] == '.'))
                ++pos;
            if (pos == start) return std::nullopt;
            parts[count++] = std::strtod(std::string(text.substr(start, pos - start)).c_str(), nullptr);
            if (pos < text.size() && text[pos] == ':')
                ++pos;
            else
                break;
        }
        while (pos < text.size() && text[pos] == ' ')
            ++pos;
        if (pos >= text.size()) return std::nullopt;
        const char hemisphere = static_cast<char>(std::toupper(static_cast<unsigned char>(text[pos])));
        if (hemisphere != 'N' && hemisphere != 'S' && hemisphere != 'E' && hemisphere != 'W')
            return std::nullopt;
        ++pos;
        if (parts[1] >= 60.0 || parts[2] >= 60.0) return std::nullopt;
        const double degrees = parts[0] + parts[1] / 60.0 + parts[2] / 3600.0;
        return std::pair{hemisphere == 'S' || hemisphere == 'W' ? -degrees : degrees, hemisphere};
    }
    /// A latitude and a longitude, in that order.
    std::optional<core::LatLon> point() {
        auto lat = angle();
        auto lon = angle();
        if (!lat || !lon || (lat->second != 'N' && lat->second != 'S') ||
            (lon->second != 'E' && lon->second != 'W'))
            return std::nullopt;
        if (std::abs(lat->first) > 90.0 || std::abs(lon->first) > 180.0) return std::nullopt;
        return core::LatLon{lat->first, lon->first};
    }
};

/// One airspace while its lines are read.
struct Airspace {
    int line = 0;     ///< of its AC
    int typeLine = 0; ///< of its AY
    std::string cls, type, name, station, frequency;
    std::optional<core::Altitude> floor;
    bool ceilingGiven = false;
    std::optional<core::Altitude> ceiling; ///< with ceilingGiven: none is unlimited
    int floorLine = 0;
    GeoSchedule schedule;
    GeoRing points;
    std::vector<GeoCircle> circles;
    std::optional<core::LatLon> center;
    bool clockwise = true;
    std::vector<std::string> notes;
    std::map<std::string, int> headers; ///< AN, AY, AL, AH: the line of each
    struct Problem {
        int line;
        std::string message, hint;
    };
    std::vector<Problem> problems;
    void problem(int at, std::string message, std::string hint = {}) {
        problems.push_back({at, std::move(message), std::move(hint)});
    }
};

/// "FL95", "FL 95", "7500ft AMSL", "1000 ft AGL", "3000 MSL", "1500m", "GND",
/// "SFC", "UNL": an altitude; none for unlimited. Plain heights are above
/// mean sea level, feet unless "m" is written.
std::optional<std::optional<core::Altitude>> readAltitude(const std::string& raw, bool ceiling,
                                                          std::string& error, std::string& note) {
    const std::string text = upperCase(trimmed(raw));
    if (text == "GND" || text == "SFC" || text == "0")
        return std::optional<core::Altitude>(core::Altitude{0.0, core::AltitudeRef::AGL});
    if (text.rfind("UNL", 0) == 0) {
        if (!ceiling) {
            error = "UNL (unlimited) is an upper limit";
            return std::nullopt;
        }
        return std::optional<core::Altitude>();
    }
    // flight levels: FL95, FL 95
    if (isFlightLevel(text)) {
        auto level = readFlightLevel(trimmed(raw), note);
        if (auto* problem = std::get_if<core::ParseError>(&level)) {
            error = problem->message;
            return std::nullopt;
        }
        return std::optional<core::Altitude>(std::get<core::Altitude>(level));
    }
    // a number, a unit and a reference
    std::size_t pos = 0;
    while (pos < text.size() && (std::isdigit(static_cast<unsigned char>(text[pos])) || text[pos] == '.'))
        ++pos;
    if (pos == 0) {
        error = "'" + raw + "' is not an altitude";
        return std::nullopt;
    }
    const double value = std::strtod(text.substr(0, pos).c_str(), nullptr);
    std::string rest = trimmed(text.substr(pos));
    // the unit: FT or F (the default), or M; then the reference
    auto unit = [&](const char* word) {
        const std::size_t n = std::char_traits<char>::length(word);
        return rest.compare(0, n, word) == 0 &&
               (rest.size() == n || !std::isalpha(static_cast<unsigned char>(rest[n])));
    };
    double metres = feetToMetres(value);
    if (unit("FT"))
        rest = trimmed(rest.substr(2));
    else if (unit("F"))
        rest = trimmed(rest.substr(1));
    else if (unit("M"))
        metres = value, rest = trimmed(rest.substr(1));
    core::Altitude altitude{metres, core::AltitudeRef::AMSL};
    if (rest.empty() || rest == "AMSL" || rest == "MSL" || rest == "ASL" || rest == "ALT") {
        altitude.ref = core::AltitudeRef::AMSL;
    } else if (rest == "AGL" || rest == "GND" || rest == "SFC" || rest == "AGND") {
        altitude.ref = core::AltitudeRef::AGL;
    } else if (rest == "STD") {
        altitude.metres = flightLevelMetres(value / 100.0);
        note = trimmed(raw) + " read as " + describeAltitude(altitude) +
               " (pressure altitude on the standard atmosphere)";
    } else {
        error = "'" + raw + "' has the unknown reference '" + rest + "'";
        return std::nullopt;
    }
    if (!(altitude.metres <= core::kLargestAltitude)) {
        error = "'" + trimmed(raw) + "' is above 100 km, where space begins";
        return std::nullopt;
    }
    return std::optional<core::Altitude>(altitude);
}

/// The points of an arc around `center` from bearing `from` to `to` [deg],
/// its radius going from `r1` to `r2` [m] (equal for DA), both ends included.
void addArc(GeoRing& ring, core::LatLon center, double r1, double r2, double from, double to,
            bool clockwise) {
    const core::LocalProjection around(
        center); // azimuthal equidistant: exact bearings and distances from the centre
    double sweep = clockwise ? std::fmod(to - from + 720.0, 360.0) : std::fmod(from - to + 720.0, 360.0);
    if (sweep == 0.0) sweep = 360.0;
    const int steps = std::max(2, static_cast<int>(std::ceil(sweep / kArcStep)));
    for (int i = 0; i <= steps; ++i) {
        const double share = static_cast<double>(i) / steps;
        const double bearing = (from + (clockwise ? 1.0 : -1.0) * sweep * share) * std::numbers::pi / 180.0;
        const double r = r1 + (r2 - r1) * share;
        const core::LatLon p = around.toGeo({r * std::sin(bearing), r * std::cos(bearing)});
        if (!ring.empty() && ring.back().lat == p.lat && ring.back().lon == p.lon) continue;
        ring.push_back(p);
    }
}

/// Bearing [deg, clockwise from north] and distance [m] of `p` from `center`.
std::pair<double, double> polar(core::LatLon center, core::LatLon p) {
    const core::Vec2 v = core::LocalProjection(center).toLocal(p);
    return {std::atan2(v.x, v.y) * 180.0 / std::numbers::pi, core::length(v)};
}

/// Points closer than this are one point: far below what any file writes
/// (a second of arc is 30 m), far above the rounding of an arc's ends.
constexpr double kSamePoint = 1e-7; ///< [deg], about 1 cm

bool samePoint(core::LatLon a, core::LatLon b) {
    return std::abs(a.lat - b.lat) < kSamePoint && std::abs(a.lon - b.lon) < kSamePoint;
}

/// The points of an outline, each once: a point repeated right after itself
/// (a DP written again as the start of the DB arc after it) and the closing
/// point are dropped.
GeoRing distinctPoints(const GeoRing& points) {
    GeoRing ring;
    ring.reserve(points.size());
    for (const core::LatLon& p : points)
        if (ring.empty() || !samePoint(ring.back(), p)) ring.push_back(p);
    while (ring.size() > 1 && samePoint(ring.front(), ring.back()))
        ring.pop_back();
    return ring;
}

/// Twice the signed area [m²] that each edge of a ring adds, on a plane of
/// degrees scaled to metres at the ring's first point: the area of a ring,
/// or of a run of its edges that closes, is half their sum.
std::vector<double> edgeAreas(const GeoRing& ring) {
    std::vector<double> areas(ring.size(), 0.0);
    if (ring.empty()) return areas;
    const core::LatLon o = ring.front();
    const double east = 111320.0 * std::cos(o.lat * std::numbers::pi / 180.0), north = 110574.0;
    for (std::size_t k = 0; k < ring.size(); ++k) {
        const core::LatLon& p = ring[k];
        const core::LatLon& q = ring[(k + 1) % ring.size()];
        areas[k] = (p.lon - o.lon) * east * (q.lat - o.lat) * north -
                   (q.lon - o.lon) * east * (p.lat - o.lat) * north;
    }
    return areas;
}

/// The area of a ring [m²].
double ringArea(const GeoRing& ring) {
    double twice = 0.0;
    for (double a : edgeAreas(ring))
        twice += a;
    return std::abs(twice) / 2.0;
}

/// An edge walked there and back: edge `there` runs from a to b, edge `back`
/// (later in the ring) from b to a, with a ring of some area either side.
struct Bridge {
    std::size_t there, back;
};

/// The first edge of a ring that the ring walks again the other way, with an
/// area on both sides (an edge walked back at once is a spike, for mendRing).
std::optional<Bridge> findBridge(const GeoRing& ring) {
    // edges by their ends, each end rounded to kSamePoint
    using Key = std::array<long long, 4>;
    auto key = [](core::LatLon a, core::LatLon b) {
        return Key{std::llround(a.lat / kSamePoint), std::llround(a.lon / kSamePoint),
                   std::llround(b.lat / kSamePoint), std::llround(b.lon / kSamePoint)};
    };
    // the area of the edges before each one: the two walks of a bridge cancel,
    // so the rings either side of edges i and k are the edges between them
    const std::size_t n = ring.size();
    const std::vector<double> areas = edgeAreas(ring);
    std::vector<double> before(n + 1, 0.0);
    for (std::size_t k = 0; k < n; ++k)
        before[k + 1] = before[k] + areas[k];
    std::map<Key, std::size_t> edges;
    for (std::size_t k = 0; k < n; ++k) {
        const core::LatLon a = ring[k], b = ring[(k + 1) % n];
        if (auto there = edges.find(key(b, a)); there != edges.end()) {
            const std::size_t i = there->second;
            const double inside = std::abs(before[k] - before[i + 1]) / 2.0;
            const double outside = std::abs(before[n] - before[k + 1] + before[i]) / 2.0;
            if (inside > 1.0 && outside > 1.0) return Bridge{i, k};
        }
        edges.emplace(key(a, b), k);
    }
    return std::nullopt;
}

/// More holes than an airspace has: past this many, an outline is left as it
/// is (and fails its checks), so that a made-up file cannot make the search
/// for edges walked back take ever longer.
constexpr std::size_t kMaxBridges = 64;

/// An outline cut at every edge it walks there and back ("outer ring,
/// bridge, inner ring, bridge back"): the largest ring first, then the
/// others, which are its holes. `bridges` gets the ends of each such edge.
std::vector<GeoRing> splitAtBridges(GeoRing outline,
                                    std::vector<std::pair<core::LatLon, core::LatLon>>& bridges) {
    std::vector<GeoRing> rings, todo;
    todo.push_back(std::move(outline));
    while (!todo.empty()) {
        GeoRing ring = std::move(todo.back());
        todo.pop_back();
        const std::optional<Bridge> bridge =
            bridges.size() < kMaxBridges ? findBridge(ring) : std::optional<Bridge>();
        if (!bridge) {
            rings.push_back(std::move(ring));
            continue;
        }
        // the ring between the two walks, and the ring around them
        const std::size_t i = bridge->there, k = bridge->back;
        bridges.emplace_back(ring[i], ring[i + 1]);
        GeoRing outside(ring.begin() + static_cast<std::ptrdiff_t>(k + 1), ring.end());
        outside.insert(outside.end(), ring.begin(), ring.begin() + static_cast<std::ptrdiff_t>(i));
        todo.push_back(std::move(outside));
        todo.emplace_back(ring.begin() + static_cast<std::ptrdiff_t>(i + 1),
                          ring.begin() + static_cast<std::ptrdiff_t>(k));
    }
    // the largest is the outline (stable, so the order of the holes is the file's)
    const auto largest = std::max_element(rings.begin(), rings.end(), [](const GeoRing& x, const GeoRing& y) {
        return ringArea(x) < ringArea(y);
    });
    std::rotate(rings.begin(), largest, largest + 1);
    return rings;
}

class OpenAirReader {
  public:
    OpenAirReader(Importer& importer, const Mapping* mapping) : m_importer(importer), m_mapping(mapping) {}

    void read(const std::string& text) {
        std::size_t start = 0;
        int number = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            std::string line = text.substr(start, end - start);
            if (!line.empty() && line.back() == '\r') line.pop_back(); // CRLF
            ++number;
            readLine(line, number);
            if (end == text.size()) break;
            start = end + 1;
        }
        finishAirspace();
        if (m_importer.result().features == 0 && m_importer.result().diagnostics.errorCount() == 0)
            m_importer.result().diagnostics.warning(m_importer.at(0),
                                                    "the file holds no airspace (no 'AC' line)");
    }

  private:
    void readLine(const std::string& raw, int number) {
        const std::string line = trimmed(raw);
        if (line.empty() || line[0] == '*' || line[0] == ';') return;
        const std::size_t space = line.find_first_of(" \t");
        const std::string command = upperCase(line.substr(0, space));
        std::string value = space == std::string::npos ? "" : trimmed(line.substr(space));
        if (command != "AN" && command != "AG") {
            // a comment ('*', or ';' as in "AY MTA ; Military training area")
            // may follow the content, except in names: SeeYou's specification
            // allows any character in a name
            if (const std::size_t mark = value.find_first_of("*;"); mark != std::string::npos)
                value = trimmed(value.substr(0, mark));
        }
        if (command == "AC") {
            finishAirspace();
            m_airspace = Airspace{};
            m_airspace->line = number;
            m_airspace->cls = upperCase(value);
            return;
        }
        if (!m_airspace) {
            m_importer.fileError(number, 1,
                                 "line " + std::to_string(number) + " ('" + command +
                                     "') comes before any airspace",
                                 "every airspace starts with an 'AC' line");
            return;
        }
        Airspace& a = *m_airspace;
        // a name, type or limit belongs before the shape, once: after it, or again, it is
        // another airspace whose 'AC' line is missing, and would overwrite this one's
        if (command == "AN" || command == "AY" || command == "AL" || command == "AH") {
            const auto [first, added] = a.headers.emplace(command, number);
            const bool afterShape = !a.points.empty() || !a.circles.empty();
            if (afterShape || !added) {
                m_importer.fileError(number, 1,
                                     afterShape ? "'" + command + "' comes after the shape of the airspace of line " +
                                                      std::to_string(a.line)
                                                : "'" + command + "' is written twice in the airspace of line " +
                                                      std::to_string(a.line) + " (first on line " +
                                                      std::to_string(first->second) + ")",
                                     "every airspace starts with an 'AC' line; is the 'AC' of a new airspace "
                                     "missing above this line?");
                return;
            }
        }
        if (command == "AN")
            a.name = value;
        else if (command == "AY") {
            a.type = upperCase(value);
            a.typeLine = number;
        } else if (command == "AG")
            a.station = value;
        else if (command == "AF")
            a.frequency = value;
        else if (command == "AL" || command == "AH")
            readLimit(a, command, value, number);
        else if (command == "AA")
            readActivation(a, value, number);
        else if (command == "V")
            readVariable(a, value, number);
        else if (command == "DP") {
            CoordinateReader reader{value};
            if (auto p = reader.point())
                a.points.push_back(*p);
            else
                a.problem(number, "DP '" + value + "' is not a point", "write it as '45:37:56N 013:55:08E'");
        } else if (command == "DC") {
            readCircle(a, value, number);
        } else if (command == "DA") {
            readArcByAngles(a, value, number);
        } else if (command == "DB") {
            readArcByPoints(a, value, number);
        } else if (command == "DY") {
            a.problem(number, "DY (an airway segment) cannot be used", "draw the airway with DP points");
        } else if (command == "AX" || command == "AT" || command == "SP" || command == "SB") {
            // transponder code, label position, pen and brush: nothing for a drone zone
        } else {
            a.problem(number, "'" + command + "' is not an OpenAir command",
                      "expected AC, AN, AY, AL, AH, AA, AF, AG, V, DP, DA, DB or DC");
        }
    }

    void readLimit(Airspace& a, const std::string& command, const std::string& value, int number) {
        std::string error, note;
        auto altitude = readAltitude(value, command == "AH", error, note);
        if (!altitude) {
            a.problem(number, command + " " + error,
                      "write for example 'FL95', '3500ft AMSL', '1000ft AGL', '" +
                          std::string(command == "AH" ? "UNL" : "GND") + "'");
            return;
        }
        if (!note.empty()) a.notes.push_back(command + " " + note);
        if (command == "AL") {
            a.floor = *altitude;
            a.floorLine = number;
        } else {
            a.ceilingGiven = true;
            a.ceiling = *altitude;
        }
    }

    /// "AA 2023-05-28T12:00Z/2023-05-28T20:00Z", either side NONE; "AA NONE".
    void readActivation(Airspace& a, const std::string& value, int number) {
        if (upperCase(value) == "NONE") {
            a.schedule.never = true;
            a.notes.push_back(
                "AA NONE: no activation times, so never in force here (only when a NOTAM activates it)");
            return;
        }
        const std::size_t slash = value.find('/');
        if (slash == std::string::npos) {
            a.problem(number, "AA '" + value + "' is not a time interval",
                      "write 'AA 2025-06-10T18:00Z/2025-06-10T22:00Z' or 'AA NONE'");
            return;
        }
        // each end: a time in UTC, or NONE for an open end
        bool good = true;
        auto end = [&](const std::string& raw) -> std::optional<core::Instant> {
            const std::string text = trimmed(raw);
            if (upperCase(text) == "NONE") return std::nullopt;
            auto parsed = core::parseInstant(text, core::TimeContext{});
            if (auto* e = std::get_if<core::ParseError>(&parsed)) {
                a.problem(number, "AA " + e->message,
                          "times are ISO 8601 in UTC, such as '2025-06-10T18:00Z'");
                good = false;
                return std::nullopt;
            }
            return std::get<core::Instant>(parsed);
        };
        GeoPeriod period;
        period.from = end(value.substr(0, slash));
        period.to = end(value.substr(slash + 1));
        if (!good) return;
        if (period.from && period.to && *period.to <= *period.from) {
            a.problem(number, "AA '" + value + "' ends before it starts");
            return;
        }
        if (!period.from && !period.to) {
            a.problem(number, "AA '" + value + "' gives no time",
                      "write 'AA NONE' for an airspace with no times");
            return;
        }
        a.schedule.periods.push_back(period);
    }

    /// "V X=45:38:30N 014:18:20E" (a centre), "V D=+" or "V D=-" (the arcs' direction), "V W=2" (a width).
    void readVariable(Airspace& a, const std::string& value, int number) {
        const std::size_t equals = value.find('=');
        const std::string name = upperCase(trimmed(value.substr(0, equals)));
        const std::string setting = equals == std::string::npos ? "" : trimmed(value.substr(equals + 1));
        if (name == "X") {
            CoordinateReader reader{setting};
            if (auto p = reader.point())
                a.center = *p;
            else
                a.problem(number, "V X='" + setting + "' is not a point",
                          "write it as 'V X=45:38:30N 014:18:20E'");
        } else if (name == "D") {
            if (setting == "+")
                a.clockwise = true;
            else if (setting == "-")
                a.clockwise = false;
            else
                a.problem(number, "V D='" + setting + "' is not a direction",
                          "write 'V D=+' (clockwise) or 'V D=-'");
        } else if (name == "W" || name == "Z") {
            // an airway's width and a zoom level: used by DY and by displays only
        } else {
            a.problem(number, "'V " + value + "' sets nothing nofly knows", "expected V X=, V D= or V W=");
        }
    }

    bool needCenter(Airspace& a, const char* command, int number) {
        if (a.center) return true;
        a.problem(number, std::string(command) + " needs a centre",
                  "set it first with a line such as 'V X=45:38:30N 014:18:20E'");
        return false;
    }

    /// A distance in nautical miles: "2.0", "0.54".
    std::optional<double> nauticalMiles(Airspace& a, const std::string& text, const std::string& what,
                                        int number) {
        char* end = nullptr;
        const std::string t = trimmed(text);
        const double value = std::strtod(t.c_str(), &end);
        if (t.empty() || end != t.c_str() + t.size() || value <= 0.0) {
            a.problem(number, what + " '" + t + "' is not a distance",
                      "write nautical miles without a unit, such as '2.5'");
            return std::nullopt;
        }
        return value * kMetresPerNauticalMile;
    }

    void readCircle(Airspace& a, const std::string& value, int number) {
        auto radius = nauticalMiles(a, value, "DC radius", number);
        if (!radius || !needCenter(a, "DC", number)) return;
        a.circles.push_back({*a.center, *radius});
    }

    /// "DA 10, 270, 290": radius [NM], start and end bearing [deg].
    void readArcByAngles(Airspace& a, const std::string& value, int number) {
        std::vector<std::string> fields;
        std::size_t start = 0;
        while (true) {
            const std::size_t comma = value.find(',', start);
            fields.push_back(trimmed(value.substr(start, comma - start)));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        if (fields.size() != 3) {
            a.problem(number, "DA '" + value + "' must give a radius and two bearings",
                      "such as 'DA 10, 270, 290'");
            return;
        }
        auto radius = nauticalMiles(a, fields[0], "DA radius", number);
        char* end1 = nullptr;
        char* end2 = nullptr;
        const double from = std::strtod(fields[1].c_str(), &end1);
        const double to = std::strtod(fields[2].c_str(), &end2);
        if (fields[1].empty() || fields[2].empty() || *end1 != '\0' || *end2 != '\0') {
            a.problem(number, "DA '" + value + "' has a bearing that is not a number",
                      "such as 'DA 10, 270, 290'");
            return;
        }
        if (!radius || !needCenter(a, "DA", number)) return;
        addArc(a.points, *a.center, *radius, *radius, from, to, a.clockwise);
    }

    /// "DB 45:36:40N 014:46:10E, 45:29:09N 014:36:10E": an arc between two points.
    void readArcByPoints(Airspace& a, const std::string& value, int number) {
        CoordinateReader reader{value};
        auto p1 = reader.point();
        auto p2 = reader.point();
        if (!p1 || !p2) {
            a.problem(number, "DB '" + value + "' must give two points",
                      "such as 'DB 45:36:40N 014:46:10E, 45:29:09N 014:36:10E'");
            return;
        }
        if (!needCenter(a, "DB", number)) return;
        const auto [from, r1] = polar(*a.center, *p1);
        const auto [to, r2] = polar(*a.center, *p2);
        a.points.push_back(*p1);
        addArc(a.points, *a.center, r1, r2, from, to, a.clockwise);
        a.points.back() = *p2; // end exactly on the written point
    }

    /// What the type means for a drone: the mapping's class for its type (or
    /// class), else the table's meaning of the type (of the class when there is
    /// no AY), else the mapping's default. An AY type none of them knows is an
    /// error: its AC class says too little (a class D airspace may be a danger
    /// area or a control zone). Sets the restriction, reasons and message;
    /// returns the mapping's settings to apply after the limits, if any.
    const ZoneSettings* readMeaning(const Airspace& a, FeatureReport& report, GeoZone& zone) const {
        const std::string key = a.type.empty() ? a.cls : a.type;
        const TypeMeaning* meaning = findType(key);
        const ZoneSettings* settings = nullptr;
        if (m_mapping) {
            settings = m_mapping->find(a.type);
            if (!settings) settings = m_mapping->find(a.cls);
            if (!settings && !meaning && m_mapping->defaults.restriction) settings = &m_mapping->defaults;
        }
        if (meaning) {
            zone.restriction = meaning->restriction;
            zone.reasons = {meaning->reason};
        } else if (!settings) {
            std::vector<std::string> words;
            for (const TypeMeaning& t : kTypes)
                words.push_back(t.word);
            const std::string close = core::closestMatch(key, words);
            report.error(a.type.empty() ? a.line : a.typeLine, 1,
                         "type '" + key + "' is not an OpenAir airspace type or class nofly knows",
                         (close.empty() ? "" : "did you mean '" + close + "'? or ") +
                             "add it to a mapping file's classes (--mapping), with the restriction it means "
                             "for drones");
        }

        // a message for the operator: what the airspace is, and whom to call
        zone.message = meaning ? meaning->description : key;
        if (!a.cls.empty() && a.cls != key) zone.message += ", class " + a.cls;
        if (!a.station.empty() || !a.frequency.empty())
            zone.message +=
                " (" + a.station + (a.station.empty() || a.frequency.empty() ? "" : " ") + a.frequency + ")";
        return settings;
    }

    /// The limits, AL and AH, the upper above the lower.
    static void readAltitudeLimits(const Airspace& a, FeatureReport& report, GeoZone& zone) {
        if (!a.floor)
            report.error(a.line, 1, "has no lower limit (AL)", "such as 'AL GND' or 'AL 1000ft AMSL'");
        else
            zone.altitude.floor = *a.floor;
        if (!a.ceilingGiven)
            report.error(a.line, 1, "has no upper limit (AH)", "such as 'AH FL95' or 'AH UNL'");
        else
            zone.altitude.ceiling = a.ceiling;
        if (a.floor && zone.altitude.ceiling && zone.altitude.ceiling->ref == a.floor->ref &&
            zone.altitude.ceiling->metres <= a.floor->metres)
            report.error(a.floorLine, 1,
                         "its upper limit (" + describeAltitude(*zone.altitude.ceiling) +
                             ") is not above its lower limit (" + describeAltitude(*a.floor) + ")");
    }

    /// The outline of the points (with the arcs drawn into them): a polygon, an
    /// edge walked there and back joining a hole.
    static void readOutline(const Airspace& a, FeatureReport& report, GeoZone& zone) {
        GeoRing outline = distinctPoints(a.points);
        if (outline.size() < 3) {
            report.error(a.line, 1,
                         "has " + std::to_string(outline.size()) + " distinct point" +
                             (outline.size() == 1 ? "" : "s") + "; an area needs at least 3");
            return;
        }
        if (const std::string many = limits::ringProblem(outline.size()); !many.empty()) {
            // as ED-269 and GeoJSON refuse it: before the check for crossings, which costs its square
            report.error(a.line, 1, "its outline has " + many, "simplify the outline before importing it");
            return;
        }
        // an edge walked there and back joins an inner ring: a hole
        std::vector<std::pair<core::LatLon, core::LatLon>> bridges;
        std::vector<GeoRing> rings = splitAtBridges(std::move(outline), bridges);
        GeoPolygon polygon;
        polygon.outer = std::move(rings.front());
        polygon.holes.assign(std::make_move_iterator(rings.begin() + 1),
                             std::make_move_iterator(rings.end()));
        std::string walked;
        for (const auto& [from, to] : bridges) {
            std::ostringstream edge;
            edge.precision(5);
            edge << std::fixed << from.lat << ", " << from.lon << " to " << to.lat << ", " << to.lon;
            walked += (walked.empty() ? "" : "; ") + edge.str();
        }
        if (!bridges.empty())
            zone.notes.push_back(
                "the outline walks the edge " + walked + " there and back: read as an outline with " +
                std::to_string(polygon.holes.size()) + (polygon.holes.size() == 1 ? " hole" : " holes"));
        std::vector<std::string> repairs;
        const std::vector<std::string> problems = repairPolygon(polygon, repairs);
        for (const std::string& p : problems)
            report.error(a.line, 1, p,
                         bridges.empty() ? ""
                                         : "the outline walks the edge " + walked +
                                               " there and back, so the ring beyond it is a hole");
        for (const std::string& r : repairs) {
            report.warning(a.line, 1, r);
            report.note(r);
        }
        if (problems.empty()) zone.shape.polygons.push_back(std::move(polygon));
    }

    /// The airspace read: a zone, or its problems.
    void finishAirspace() {
        if (!m_airspace) return;
        Airspace a = std::move(*m_airspace);
        m_airspace.reset();
        const std::string written = a.name.empty() ? "airspace at line " + std::to_string(a.line) : a.name;
        FeatureReport report(m_importer, "airspace '" + written + "'", a.line, 1);
        for (const Airspace::Problem& p : a.problems)
            report.error(p.line, 1, p.message, p.hint);

        GeoZone zone;
        zone.name = a.name.empty() ? written : a.name;
        zone.notes = a.notes;
        zone.schedule = a.schedule;
        if (a.schedule.never) zone.schedule.periods.clear();

        const ZoneSettings* settings = readMeaning(a, report, zone);
        readAltitudeLimits(a, report, zone);
        // the mapping says what the type means for a drone, limits included
        if (settings) {
            apply(*settings, zone);
            if (settings->floor || settings->ceilingSet)
                zone.notes.push_back("limits for drones from the mapping, in place of AL and AH");
        }

        // the shape: the points and any circles
        if (!a.points.empty()) readOutline(a, report, zone);
        zone.shape.circles = a.circles;
        if (a.points.empty() && a.circles.empty())
            report.error(a.line, 1, "has no shape", "draw it with DP points, DA or DB arcs, or a DC circle");

        if (report.failed()) {
            report.finish({});
            return;
        }
        zone.id = m_importer.uniqueId(written);
        report.finish({std::move(zone)});
    }

    Importer& m_importer;
    const Mapping* m_mapping;
    std::optional<Airspace> m_airspace;
};

} // namespace

void readOpenAir(Importer& importer, const std::string& text, const Mapping* mapping) {
    OpenAirReader reader(importer, mapping);
    reader.read(text);
}

} // namespace nofly::scenario::importing
