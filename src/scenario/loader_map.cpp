// Loading a scenario: when it runs, where it is (the map and its basemap),
// and the positions and shapes every other section places things with.
#include "scenario/detail/loader.hpp"

#include "core/decimal.hpp"
#include "core/text.hpp"
#include "scenario/polygon_cache.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>

namespace nofly::scenario::detail {

namespace fs = std::filesystem;

namespace {

/// Offset of an ISO 8601 time written with one ("+02:00", "Z"), in minutes.
std::optional<int> writtenOffset(const std::string& text) {
    if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) return 0;
    const std::size_t t = text.find_first_of("T ");
    if (t == std::string::npos) return std::nullopt;
    const std::size_t sign = text.find_last_of("+-");
    if (sign == std::string::npos || sign < t) return std::nullopt;
    std::string digits;
    for (char c : text.substr(sign + 1))
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    if (digits.size() != 4 && digits.size() != 2) return std::nullopt;
    const int hours = std::stoi(digits.substr(0, 2));
    const int minutes = digits.size() == 4 ? std::stoi(digits.substr(2, 2)) : 0;
    const int total = hours * 60 + minutes;
    return text[sign] == '-' ? -total : total;
}

/// Words joined with a separator.
std::string joinedWith(const std::vector<std::string>& words, const std::string& separator) {
    std::string out;
    for (const std::string& w : words)
        out += (out.empty() ? "" : separator) + w;
    return out;
}

/// Degrees for a message: "57.8 N", "12.3 E".
std::string degreesText(double value, char positive, char negative) {
    return core::fixed(std::abs(value), 1) + ' ' + (value < 0.0 ? negative : positive);
}

/// The box of degrees a box of the local plane reaches (its corners and the middles of its edges).
GeoArea geoBox(const core::LocalProjection& projection, const core::Box& box) {
    GeoArea out{90.0, 180.0, -90.0, -180.0};
    for (double fx : {0.0, 0.5, 1.0})
        for (double fy : {0.0, 0.5, 1.0}) {
            const core::LatLon p = projection.toGeo(
                {box.min.x + fx * (box.max.x - box.min.x), box.min.y + fy * (box.max.y - box.min.y)});
            out.south = std::min(out.south, p.lat), out.north = std::max(out.north, p.lat);
            out.west = std::min(out.west, p.lon), out.east = std::max(out.east, p.lon);
        }
    return out;
}

/// The smallest shapes the simulation can tell from their edge: a radius [m] and an area [m²].
constexpr double kSmallestRadius = 1.0;
constexpr double kSmallestArea = 1.0;

} // namespace

// --- time and map -------------------------------------------------------------

void Loader::readTime(const MapReader& top) {
    auto time =
        top.require("time", "say when the scenario runs, such as 'time: {start: 2025-10-01T07:00+02:00, "
                            "end: 13:00, step: 1 s}'");
    if (!time) return;
    MapReader t(m_context, *time, "time", keys::kTime);
    if (!t.ok()) return;
    auto start = t.require("start", "such as 'start: 2025-10-01T07:00+02:00'");
    if (start) {
        if (auto instant = readInstant(m_context, *start, "time start")) {
            m_scenario.time.start = *instant;
            const auto offset = writtenOffset(start->node.Scalar());
            if (!offset)
                m_context.error(
                    *start, "time start '" + start->node.Scalar() + "' does not say its UTC offset",
                    "write the date and time with an offset, such as '2025-10-01T07:00+02:00'; clock "
                    "times in the rest of the file are read in that offset");
            m_scenario.time.utcOffsetMinutes = offset.value_or(0);
            m_context.time = {*instant, m_scenario.time.utcOffsetMinutes, true};
        }
    }
    auto end = t.require("end", "such as 'end: 13:00' or 'end: +6 h'");
    if (end && m_context.time.hasStart) {
        if (auto instant = readInstant(m_context, *end, "time end")) {
            m_scenario.time.end = *instant;
            if (*instant <= m_scenario.time.start)
                m_context.error(
                    *end,
                    "time end " + end->node.Scalar() + " is not after the start " +
                        core::formatInstant(m_scenario.time.start, m_scenario.time.utcOffsetMinutes),
                    "the scenario must last some time; write for example 'end: +6 h'");
            else if (*instant - m_scenario.time.start > 31LL * 24 * 3600 * 1000)
                m_context.error(*end, "the scenario lasts more than 31 days",
                                "split it into shorter scenarios");
        }
    }
    if (auto step = t.get("step")) {
        if (auto seconds = readPositive(m_context, *step, "time step", Dimension::Duration)) {
            const auto ms = static_cast<Millis>(std::llround(*seconds * 1000.0));
            if (ms < 10 || ms > 60000)
                m_context.error(*step, "time step " + step->node.Scalar() + " is out of range",
                                "use a step from 0.01 s to 1 min; 1 s suits most scenarios");
            else
                m_scenario.time.step = ms;
        }
    }
}

void Loader::readMap(const MapReader& top) {
    auto map =
        top.require("map", "say where the scenario is, such as 'map: {origin: {lat: 55.676, lon: 12.568}}'");
    if (!map) return;
    MapReader m(m_context, *map, "map", keys::kMap);
    if (!m.ok()) return;
    if (auto origin =
            m.require("origin", "the centre of the map, such as 'origin: {lat: 55.676, lon: 12.568}'")) {
        MapReader o(m_context, *origin, "map origin", keys::kLatLon);
        auto lat = o.require("lat", "latitude in degrees");
        auto lon = o.require("lon", "longitude in degrees");
        // plain numbers and a flag: optional<double> here draws a false -Wmaybe-uninitialized from GCC 12 at
        // -O2
        double la = 0.0, lo = 0.0;
        bool good = lat && lon;
        auto degrees = [&](const std::optional<Source>& source, const char* what, double limit,
                           double& value) {
            if (!source) return;
            const auto v = readNumber(m_context, *source, std::string("map origin ") + what);
            if (!v) {
                good = false;
            } else if (*v < -limit || *v > limit) {
                m_context.error(*source,
                                std::string("map origin ") + what + " " + source->node.Scalar() +
                                    " is out of range",
                                "from " + std::to_string(static_cast<int>(-limit)) + " to " +
                                    std::to_string(static_cast<int>(limit)) + " degrees");
                good = false;
            } else {
                value = *v;
            }
        };
        degrees(lat, "lat", 85.0, la);
        degrees(lon, "lon", 180.0, lo);
        if (good) {
            m_scenario.origin = {la, lo};
            m_scenario.projection = core::LocalProjection(m_scenario.origin);
        }
    }
    if (auto extent = m.get("extent")) {
        if (auto r = readPositive(m_context, *extent, "map extent", Dimension::Length))
            m_mapBounds = core::Box{{-*r, -*r}, {*r, *r}};
    }
    if (auto view = m.get("view")) {
        MapReader v(m_context, *view, "map view", keys::kView);
        auto center = v.require("center", "the middle of the first view, such as 'center: city-hall'");
        auto radius = v.require("radius", "how far around it to show, such as 'radius: 20 km'");
        std::optional<Position> c;
        std::optional<double> r;
        if (center) c = readPosition(*center, "map view center");
        if (radius) r = readPositive(m_context, *radius, "map view radius", Dimension::Length);
        if (c && r)
            m_scenario.view =
                core::Box{{c->local.x - *r, c->local.y - *r}, {c->local.x + *r, c->local.y + *r}};
    }
    // the basemap after the extent: the world map is cut to the map, and a named one sets the map's bounds
    readBasemap(m, *map);
    if (!m_mapBounds) {
        constexpr double kDefaultExtent = 300e3; // [m]
        m_mapBounds = core::Box{{-kDefaultExtent, -kDefaultExtent}, {kDefaultExtent, kDefaultExtent}};
    }
}

void Loader::readBasemap(const MapReader& m, const Source& mapAt) {
    const std::string assets = m_assetDir;
    const std::vector<std::string> shipped = basemapNames(assets);
    auto shippedFile = [&](const std::string& name) {
        return (fs::path(assets) / "basemap" / (name + ".geojson")).string();
    };
    auto basemap = m.get("basemap");

    // none named: the shipped world map, cut to the map, when there is one
    if (!basemap) {
        if (std::find(shipped.begin(), shipped.end(), "world") == shipped.end()) return;
        constexpr double kDefaultExtent = 300e3; // [m] as readMap's
        const core::Box bounds = m_mapBounds.value_or(
            core::Box{{-kDefaultExtent, -kDefaultExtent}, {kDefaultExtent, kDefaultExtent}});
        GeoArea keep = geoBox(m_scenario.projection, bounds);
        keep.south -= 1.0, keep.north += 1.0, keep.west -= 1.0, keep.east += 1.0; // a degree of slack
        auto world =
            readBasemapAt(shippedFile("world"), {.tree = assets, .layer = std::nullopt, .keep = keep}, mapAt,
                          "map basemap 'world'");
        if (!world) return;
        m_scenario.basemap = "world";
        std::vector<GeoBasemap> files;
        files.push_back(std::move(*world));
        useBasemap(std::move(files), mapAt, false);
        return;
    }

    // a user's own files, one a layer
    if (basemap->node.IsMap()) {
        readOwnBasemap(*basemap);
        return;
    }

    // a word: a shipped basemap or none; a path: a layered file (what `nofly basemap` writes)
    auto word = readString(m_context, *basemap, "map basemap");
    if (!word) return;
    if (*word == "none") return;
    const bool isPath = word->find('/') != std::string::npos || fs::path(*word).has_extension();
    if (!isPath) {
        if (std::find(shipped.begin(), shipped.end(), *word) == shipped.end()) {
            std::vector<std::string> known = shipped;
            known.push_back("none");
            m_context.error(*basemap, "map basemap " + core::quoted(*word) + " is not a shipped basemap",
                            core::suggestion(*word, known) +
                                "; or a path to a .geojson file that 'nofly basemap' wrote");
            return;
        }
        auto map =
            readBasemapAt(shippedFile(*word), {.tree = assets, .layer = std::nullopt, .keep = std::nullopt},
                          *basemap, "map basemap " + core::quoted(*word));
        if (!map) return;
        m_scenario.basemap = *word;
        std::vector<GeoBasemap> files;
        files.push_back(std::move(*map));
        useBasemap(std::move(files), *basemap, !m_mapBounds);
        return;
    }
    auto map = readBasemapAt(*word, {.tree = m_root.string(), .layer = std::nullopt, .keep = std::nullopt},
                             *basemap, "map basemap file");
    if (!map) return;
    m_scenario.basemap = *word;
    std::vector<GeoBasemap> files;
    files.push_back(std::move(*map));
    useBasemap(std::move(files), *basemap, !m_mapBounds);
}

/// `basemap:` written as a mapping: a user's own files, one a layer.
void Loader::readOwnBasemap(const Source& basemap) {
    MapReader files(m_context, basemap, "map basemap", keys::kBasemapFiles);
    if (!files.ok()) return;
    static const std::pair<const char*, BasemapLayer> kLayers[] = {
        {"land", BasemapLayer::Land},      {"territory", BasemapLayer::Territory},
        {"water", BasemapLayer::Water},    {"rivers", BasemapLayer::River},
        {"borders", BasemapLayer::Border}, {"roads", BasemapLayer::Road},
        {"labels", BasemapLayer::Label},
    };
    std::vector<GeoBasemap> read;
    bool good = true, any = false;
    for (const auto& [key, layer] : kLayers) {
        auto file = files.get(key);
        if (!file) continue;
        any = true;
        for (const Source& entry : readWords(m_context, *file, std::string("map basemap ") + key)) {
            auto path = readString(m_context, entry, std::string("map basemap ") + key);
            if (!path) {
                good = false;
                continue;
            }
            auto map = readBasemapAt(*path, {.tree = m_root.string(), .layer = layer, .keep = std::nullopt},
                                     entry, std::string("map basemap ") + key + " file");
            if (!map)
                good = false;
            else
                read.push_back(std::move(*map));
        }
    }
    if (!any) {
        m_context.error(basemap, "map basemap names no file",
                        "name a file per layer, such as '{land: my_land.geojson, water: lakes.geojson}'");
        return;
    }
    if (!good) return;
    if (auto attribution = files.get("attribution"))
        if (auto text = readString(m_context, *attribution, "map basemap attribution"))
            for (GeoBasemap& f : read)
                f.attribution = *text;
    m_scenario.basemap = "own layers";
    useBasemap(std::move(read), basemap, !m_mapBounds);
}

std::optional<GeoBasemap> Loader::readBasemapAt(const std::string& path, const BasemapRead& how,
                                                const Source& at, const std::string& what) {
    // a user's file: relative to the scenario, inside its folder (the one path policy); shown beside the
    // scenario's name
    std::string file = path;
    if (how.tree == m_root.string()) {
        if (fs::path(path).is_absolute()) {
            m_context.error(at, what + " " + core::quoted(path) + " is an absolute path",
                            "write the path relative to this scenario file, such as 'maps/land.geojson'");
            return std::nullopt;
        }
        file = (fs::path(*m_file).parent_path() / path).lexically_normal().string();
    }
    core::Diagnostics found;
    auto map = readBasemapFile(file, how, found);
    for (const core::Diagnostic& d : found.all()) {
        // a file that cannot be read is named at the line that names it
        if (d.where.line == 0)
            m_context.error(at, what + " " + core::quoted(path) + " cannot be read: " + d.message, d.hint);
        else
            m_context.diagnostics().add(d);
    }
    return map;
}

void Loader::useBasemap(std::vector<GeoBasemap> files, const Source& at, bool setsBounds) {
    const core::LocalProjection& projection = m_scenario.projection;
    BasemapLayers& layers = m_scenario.basemapLayers;
    auto toLocal = [&](const GeoLine& line) {
        std::vector<Vec2> out;
        out.reserve(line.size());
        for (const core::LatLon& p : line)
            out.push_back(projection.toLocal(p));
        return out;
    };
    auto addPolygons = [&](const GeoMultiPolygon& polygons, core::Region& into) {
        for (const auto& rings : polygons) {
            core::Polygon polygon;
            polygon.outer = toLocal(rings.front());
            for (std::size_t r = 1; r < rings.size(); ++r)
                polygon.holes.push_back(toLocal(rings[r]));
            into.polygons.push_back(std::move(polygon));
        }
    };
    std::optional<GeoArea> area;
    for (const GeoBasemap& file : files) {
        if (layers.attribution.empty()) layers.attribution = file.attribution;
        if (file.area)
            area =
                area ? GeoArea{std::min(area->south, file.area->south), std::min(area->west, file.area->west),
                               std::max(area->north, file.area->north), std::max(area->east, file.area->east)}
                     : *file.area;
        for (const GeoFeature& f : file.features) {
            switch (f.layer) {
            case BasemapLayer::Land:
                addPolygons(f.polygons, layers.land[f.country]);
                addPolygons(f.polygons, m_scenario.land);
                break;
            case BasemapLayer::Territory: addPolygons(f.polygons, layers.territory[f.country]); break;
            case BasemapLayer::Water: addPolygons(f.polygons, layers.water); break;
            case BasemapLayer::River:
                for (const GeoLine& l : f.lines)
                    layers.rivers.push_back(toLocal(l));
                break;
            case BasemapLayer::Border:
                for (const GeoLine& l : f.lines)
                    layers.borders.push_back(toLocal(l));
                break;
            case BasemapLayer::Road:
                for (const GeoLine& l : f.lines)
                    layers.roads.push_back(toLocal(l));
                break;
            case BasemapLayer::Label:
                layers.labels.push_back({f.name, projection.toLocal(f.at), f.rank});
                break;
            }
        }
    }
    // labels by importance: ranked ones first, then by name, so the order never depends on the file's
    std::stable_sort(layers.labels.begin(), layers.labels.end(),
                     [](const BasemapLabel& a, const BasemapLabel& b) {
                         const int ra = a.rank > 0 ? a.rank : std::numeric_limits<int>::max();
                         const int rb = b.rank > 0 ? b.rank : std::numeric_limits<int>::max();
                         return ra != rb ? ra < rb : a.name < b.name;
                     });
    // the scenario's own country: the land under its origin, else the nearest land's
    for (const auto& [name, region] : layers.land)
        if (core::contains(region, Vec2{0.0, 0.0})) layers.home = name;

    if (setsBounds)
        boundByBasemap(area);
    else
        warnBeyondBasemap(area, at);
}

/// The map is what the basemap covers: its area, else its land and 50 km of sea around it.
void Loader::boundByBasemap(const std::optional<GeoArea>& area) {
    const core::LocalProjection& projection = m_scenario.projection;
    std::optional<core::Box> box;
    if (area) {
        for (double lat : {area->south, (area->south + area->north) / 2.0, area->north})
            for (double lon : {area->west, (area->west + area->east) / 2.0, area->east}) {
                const Vec2 p = projection.toLocal({lat, lon});
                if (!box) box = core::Box{p, p};
                box->min = {std::min(box->min.x, p.x), std::min(box->min.y, p.y)};
                box->max = {std::max(box->max.x, p.x), std::max(box->max.y, p.y)};
            }
    } else if (!m_scenario.land.polygons.empty()) {
        const core::Box b = core::bounds(m_scenario.land);
        constexpr double kMargin = 50e3; // [m] sea around the coast still on the map
        box = core::Box{{b.min.x - kMargin, b.min.y - kMargin}, {b.max.x + kMargin, b.max.y + kMargin}};
    }
    if (box) m_mapBounds = box;
}

/// A map wider than the basemap's detailed data: said, with the gap.
void Loader::warnBeyondBasemap(const std::optional<GeoArea>& area, const Source& at) {
    if (!area || !m_mapBounds) return;
    const GeoArea map = geoBox(m_scenario.projection, *m_mapBounds);
    std::vector<std::string> gaps;
    // "54.5-57.8 N", and "10.0 W-5.0 E" across the equator or the prime meridian
    auto range = [](double from, double to, char positive, char negative) {
        const std::string high = degreesText(to, positive, negative);
        if ((from < 0.0) != (to < 0.0)) return degreesText(from, positive, negative) + "-" + high;
        const std::string low = degreesText(from, positive, negative);
        return low.substr(0, low.size() - 2) + "-" + high;
    };
    const std::string ns = range(area->south, area->north, 'N', 'S');
    const std::string ew = range(area->west, area->east, 'E', 'W');
    // per axis: the side the map passes, or both ("the map reaches 54.3-57.0 N")
    auto gap = [&](const std::string& covers, double low, double high, bool pastLow, bool pastHigh,
                   char positive, char negative) {
        if (!pastLow && !pastHigh) return;
        const std::string reach = pastLow && pastHigh
                                      ? range(low, high, positive, negative)
                                      : degreesText(pastHigh ? high : low, positive, negative);
        gaps.push_back("the basemap covers " + covers + "; the map reaches " + reach);
    };
    gap(ns, map.south, map.north, map.south<area->south - 1e-6, map.north> area->north + 1e-6, 'N', 'S');
    gap(ew, map.west, map.east, map.west<area->west - 1e-6, map.east> area->east + 1e-6, 'E', 'W');
    if (!gaps.empty())
        m_context.warning(
            at, "map reaches beyond the basemap's detailed data: " + joinedWith(gaps, ", and "),
            "land beyond it is missing or coarse; make the map's extent smaller, or cut a basemap "
            "for the whole map with 'nofly basemap'");
}

const core::Region* Loader::country(const std::string& name, bool territorial, const Source& at,
                                    const Source& watersAt, const std::string& what) {
    const BasemapLayers& layers = m_scenario.basemapLayers;
    const auto& table = territorial ? layers.territory : layers.land;
    if (auto it = table.find(name); it != table.end()) return &it->second;
    std::vector<std::string> known;
    for (const auto& entry : table)
        known.push_back(entry.first);
    const std::string basemap = m_scenario.basemap.empty() ? std::string("none") : m_scenario.basemap;
    if (layers.land.empty()) {
        m_context.error(at,
                        what + " country " + core::quoted(name) +
                            " needs a basemap with land, and this scenario has none",
                        "name one in the map, such as 'map: {basemap: denmark}'");
    } else if (territorial && layers.land.count(name)) {
        m_context.error(watersAt,
                        what + " waters: basemap " + core::quoted(basemap) +
                            " has no territorial waters for " + core::quoted(name),
                        known.empty() ? std::string("it has none; write 'waters: none' for its land")
                                      : "it has them for: " + joinedWith(known, ", "));
    } else {
        const std::string close = core::closestMatch(name, known);
        m_context.error(
            at, what + " country " + core::quoted(name) + " is not in basemap " + core::quoted(basemap),
            (close.empty() ? std::string() : "did you mean '" + close + "'? ") +
                "the basemap has: " + joinedWith(known, ", "));
    }
    return nullptr;
}

// --- positions and shapes -----------------------------------------------------

std::optional<Position> Loader::readPosition(const Source& source, const std::string& what) {
    const YAML::Node& node = source.node;
    if (node.IsMap()) {
        MapReader m(m_context, source, what, keys::kLatLon);
        auto lat = m.require("lat", "latitude in degrees, such as 'lat: 55.62'");
        auto lon = m.require("lon", "longitude in degrees, such as 'lon: 12.65'");
        if (!lat || !lon) return std::nullopt;
        auto la = readNumber(m_context, *lat, what + " lat");
        auto lo = readNumber(m_context, *lon, what + " lon");
        if (!la || !lo) return std::nullopt;
        if (*la < -90 || *la > 90) {
            m_context.error(*lat, what + " lat " + lat->node.Scalar() + " is not a latitude",
                            "latitudes run from -90 to 90 degrees; did you swap lat and lon?");
            return std::nullopt;
        }
        if (*lo < -180 || *lo > 180) {
            m_context.error(*lon, what + " lon " + lon->node.Scalar() + " is not a longitude",
                            "longitudes run from -180 to 180 degrees");
            return std::nullopt;
        }
        const core::LatLon geo{*la, *lo};
        return Position{m_scenario.projection.toLocal(geo), geo};
    }
    if (node.IsSequence()) {
        if (node.size() != 2) {
            m_context.error(source, what + " has " + std::to_string(node.size()) + " numbers",
                            "a position in the local plane is [east, north], such as '[2 km, -500 m]'");
            return std::nullopt;
        }
        auto x = readQuantity(m_context, child(source, node[0], "0"), what + " east", Dimension::Length);
        auto y = readQuantity(m_context, child(source, node[1], "1"), what + " north", Dimension::Length);
        if (!x || !y) return std::nullopt;
        const Vec2 local{*x, *y};
        return Position{local, m_scenario.projection.toGeo(local)};
    }
    if (node.IsScalar()) {
        const std::string name = node.Scalar();
        if (auto it = m_named.find(name); it != m_named.end()) return it->second;
        std::vector<std::string> names;
        for (const auto& [n, p] : m_named)
            names.push_back(n);
        m_context.error(source, what + ": '" + name + "' is not a place or airport of this scenario",
                        names.empty()
                            ? "write a position such as '{lat: 55.62, lon: 12.65}', or declare the place "
                              "under 'places:'"
                            : core::suggestion(name, names));
        return std::nullopt;
    }
    m_context.error(source, what + " is missing", "write a position such as '{lat: 55.62, lon: 12.65}'");
    return std::nullopt;
}

std::optional<std::vector<Vec2>> Loader::readPoints(const Source& source, const std::string& what,
                                                    std::size_t minimum) {
    auto list = readList(m_context, source, what);
    if (!source.node.IsSequence()) return std::nullopt;
    if (const std::string problem = limits::ringProblem(list.size()); !problem.empty()) {
        m_context.error(source, what + " has " + problem, "simplify the outline; see docs/hardening.md");
        return std::nullopt;
    }
    std::vector<Vec2> points;
    bool good = true;
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto p = readPosition(list[i], what + " point " + std::to_string(i + 1));
        if (p)
            points.push_back(p->local);
        else
            good = false;
    }
    if (!good) return std::nullopt;
    if (points.size() < minimum) {
        m_context.error(source, what + " has " + std::to_string(points.size()) + " point" +
                                    (points.size() == 1 ? "" : "s") + "; it needs at least " +
                                    std::to_string(minimum));
        return std::nullopt;
    }
    return points;
}

/// A shape: exactly one of its forms (keys::kShapeKinds), each read by a reader of its own.
std::optional<core::Region> Loader::readShape(const Source& source, const std::string& what, ShapeKind* kind,
                                              int depth) {
    MapReader m(m_context, source, what, keys::kShape);
    if (!m.ok()) return std::nullopt;
    std::vector<std::string> present = m.presentKeys();
    std::optional<Source> margin = m.get("margin");
    std::optional<Source> waters = m.get("waters");
    present.erase(std::remove(present.begin(), present.end(), "margin"), present.end());
    present.erase(std::remove(present.begin(), present.end(), "waters"), present.end());
    if (present.empty() && m.hadUnknownKeys()) return std::nullopt; // already reported
    if (present.size() != 1) {
        m_context.error(source, what + (present.empty() ? " names no shape" : " names more than one shape"),
                        "write exactly " + keys::oneOf(keys::kShapeKinds));
        return std::nullopt;
    }
    const std::string form = present.front();
    const ShapeKind shape = *keys::valueOf<ShapeKind>(form); // the keys left are the forms
    Source body = *m.get(form);
    if (margin && shape != ShapeKind::Country) {
        m_context.error(*margin, what + " margin applies only to a country shape",
                        "widen a circle with its radius, a corridor with its width");
        return std::nullopt;
    }
    if (waters && shape != ShapeKind::Country) {
        m_context.error(*waters, what + " waters applies only to a country shape",
                        "write 'shape: {country: denmark, waters: territorial}'");
        return std::nullopt;
    }
    if (kind) *kind = shape;
    switch (shape) {
    case ShapeKind::Circle: return readCircle(body, what);
    case ShapeKind::Polygon: return readPolygon(body, what);
    case ShapeKind::Corridor: return readCorridor(body, what);
    case ShapeKind::Country: return readCountry(body, what, margin, waters);
    case ShapeKind::Parts: return readParts(body, what, depth);
    }
    return std::nullopt;
}

std::optional<core::Region> Loader::readCircle(const Source& body, const std::string& what) {
    MapReader c(m_context, body, what + " circle", keys::kCircle);
    if (!c.ok()) return std::nullopt;
    auto center = c.require("center", "such as 'center: {lat: 55.618, lon: 12.656}'");
    auto radius = c.require("radius", "such as 'radius: 5 km'");
    std::optional<Position> at;
    std::optional<double> r;
    if (center) at = readPosition(*center, what + " circle center");
    if (radius) r = readPositive(m_context, *radius, what + " circle radius", Dimension::Length);
    if (!at || !r) return std::nullopt;
    if (*r < kSmallestRadius) {
        m_context.error(
            *radius, what + " circle radius " + core::formatQuantity(*r, Dimension::Length) + " is under 1 m",
            "a shape smaller than a metre cannot be told from its edge; write the radius in m or km");
        return std::nullopt;
    }
    core::Region region;
    region.circles.push_back({at->local, *r});
    return region;
}

std::optional<core::Region> Loader::readPolygon(const Source& body, const std::string& what) {
    // a list of points, or {outer, holes}
    core::Polygon polygon;
    if (body.node.IsMap()) {
        MapReader p(m_context, body, what + " polygon", keys::kPolygon);
        if (!p.ok()) return std::nullopt;
        auto outer = p.require("outer", "the boundary, a list of positions");
        if (!outer) return std::nullopt;
        auto points = readPoints(*outer, what + " polygon outer", 3);
        if (!points) return std::nullopt;
        polygon.outer = *points;
        if (auto holes = p.get("holes")) {
            auto list = readList(m_context, *holes, what + " polygon holes");
            for (std::size_t i = 0; i < list.size(); ++i)
                if (auto hole = readPoints(list[i], what + " polygon hole " + std::to_string(i + 1), 3))
                    polygon.holes.push_back(*hole);
                else
                    return std::nullopt;
        }
    } else {
        auto points = readPoints(body, what + " polygon", 3);
        if (!points) return std::nullopt;
        polygon.outer = *points;
    }

    // a polygon the simulation can use
    const std::vector<std::string> problems = checkPolygon(polygon); // once per content, not per variant
    for (const std::string& problem : problems)
        m_context.error(body, what + " polygon: " + problem,
                        "each point must be listed once, in order around the edge");
    if (!problems.empty()) return std::nullopt;
    // the simulation merges corners closer than a metre: a smaller polygon would vanish from it
    if (const double a = core::area(polygon); a < kSmallestArea) {
        char written[32];
        std::snprintf(written, sizeof written, "%.3g", a);
        m_context.error(
            body, what + " polygon has an area of " + written + " m², under 1 m²",
            "a shape smaller than a metre cannot be told from its edge; check the units of its points");
        return std::nullopt;
    }
    if (core::convexSplit(polygon).empty()) {
        m_context.error(
            body, what + " polygon is narrower than 1 m everywhere",
            "a shape thinner than a metre cannot be told from its edge; check the units of its points");
        return std::nullopt;
    }
    core::Region region;
    region.polygons.push_back(std::move(polygon));
    return region;
}

std::optional<core::Region> Loader::readCorridor(const Source& body, const std::string& what) {
    MapReader c(m_context, body, what + " corridor", keys::kCorridor);
    if (!c.ok()) return std::nullopt;
    auto path = c.require("path", "the centre line, a list of positions");
    auto width = c.require("width", "the full width, such as 'width: 500 m'");
    std::optional<std::vector<Vec2>> points;
    std::optional<double> w;
    if (path) points = readPoints(*path, what + " corridor path", 2);
    if (width) w = readPositive(m_context, *width, what + " corridor width", Dimension::Length);
    if (!points || !w) return std::nullopt;
    if (*w / 2.0 < kSmallestRadius) {
        m_context.error(
            *width, what + " corridor width " + core::formatQuantity(*w, Dimension::Length) + " is under 2 m",
            "a corridor is as wide as two radii of its round ends, each at least 1 m");
        return std::nullopt;
    }
    core::Region region;
    region.corridors.push_back({*points, *w / 2.0});
    return region;
}

/// The land of a country on the scenario's basemap, or with its territorial sea.
std::optional<core::Region> Loader::readCountry(const Source& body, const std::string& what,
                                                const std::optional<Source>& margin,
                                                const std::optional<Source>& waters) {
    auto name = readString(m_context, body, what + " country");
    if (!name) return std::nullopt;
    bool territorial = false;
    if (waters) {
        auto word = readWord(m_context, *waters, what + " waters", {"none", "territorial"});
        if (!word) return std::nullopt;
        territorial = *word == "territorial";
    }
    const core::Region* c = country(*name, territorial, body, waters.value_or(body), what);
    if (!c) return std::nullopt;
    core::Region region = *c;
    // a margin along every coast: territorial waters, or the slack a coarse coastline needs
    if (margin) {
        auto width = readPositive(m_context, *margin, what + " margin", Dimension::Length);
        if (!width) return std::nullopt;
        for (const core::Polygon& polygon : c->polygons) {
            auto addRing = [&](const core::Ring& ring) {
                std::vector<Vec2> path = ring;
                path.push_back(ring.front()); // closed
                region.corridors.push_back({std::move(path), *width});
            };
            addRing(polygon.outer);
            for (const core::Ring& hole : polygon.holes)
                addRing(hole);
        }
    }
    return region;
}

std::optional<core::Region> Loader::readParts(const Source& body, const std::string& what, int depth) {
    if (depth > 4) {
        m_context.error(body, what + " parts are nested too deeply", "list the parts side by side instead");
        return std::nullopt;
    }
    auto list = readList(m_context, body, what + " parts");
    if (list.empty()) {
        m_context.error(body, what + " parts is empty", "list at least one shape");
        return std::nullopt;
    }
    core::Region region;
    bool good = true;
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto part = readShape(list[i], what + " part " + std::to_string(i + 1), nullptr, depth + 1);
        if (!part) {
            good = false;
            continue;
        }
        region.polygons.insert(region.polygons.end(), part->polygons.begin(), part->polygons.end());
        region.circles.insert(region.circles.end(), part->circles.begin(), part->circles.end());
        region.corridors.insert(region.corridors.end(), part->corridors.begin(), part->corridors.end());
    }
    if (!good) return std::nullopt;
    return region;
}

void Loader::checkInsideMap(const std::vector<Vec2>& points, const std::string& what, const Source& at) {
    if (!m_mapBounds) return;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Vec2 p = points[i];
        if (p.x < m_mapBounds->min.x || p.x > m_mapBounds->max.x || p.y < m_mapBounds->min.y ||
            p.y > m_mapBounds->max.y) {
            const double km = core::length(p) / 1000.0;
            m_context.error(at,
                            what + " point " + std::to_string(i + 1) + " is outside the map, " +
                                std::to_string(static_cast<long long>(std::llround(km))) +
                                " km from the map origin",
                            "check the position, or widen the map with 'extent:'");
            return;
        }
    }
}

} // namespace nofly::scenario::detail
