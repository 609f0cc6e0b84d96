#include "scenario/basemap.hpp"

#include "core/decimal.hpp"
#include "core/encoding.hpp"
#include "scenario/detail/json_document.hpp"
#include "scenario/limits.hpp"
#include "scenario/text_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

namespace nofly::scenario {

namespace fs = std::filesystem;

std::vector<std::string> basemapNames(const std::string& assetDir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::path(assetDir) / "basemap", ec))
        if (entry.path().extension() == ".geojson") names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

const char* layerName(BasemapLayer layer) {
    switch (layer) {
    case BasemapLayer::Land: return "land";
    case BasemapLayer::Territory: return "territory";
    case BasemapLayer::Water: return "water";
    case BasemapLayer::River: return "river";
    case BasemapLayer::Border: return "border";
    case BasemapLayer::Road: return "road";
    case BasemapLayer::Label: return "label";
    }
    return "land";
}

namespace {

const std::vector<std::string> kLayerNames = {"land",   "territory", "water", "river",
                                              "border", "road",      "label"};

/// A value of nlohmann-json's tree read through JsonValue's calls, for the
/// fast first pass over a basemap: it knows no lines, so a file with a
/// problem is read again as a JsonDocument, whose values do.
class FastValue {
  public:
    explicit FastValue(const nlohmann::json& json) : m_json(&json) {}
    bool isObject() const { return m_json->is_object(); }
    bool isArray() const { return m_json->is_array(); }
    bool isScalar() const { return m_json->is_primitive() && !m_json->is_null(); }
    bool isNull() const { return m_json->is_null(); }
    std::size_t size() const { return m_json->is_array() ? m_json->size() : 0; }
    FastValue operator[](std::size_t i) const { return FastValue((*m_json)[i]); }
    std::optional<FastValue> get(std::string_view key) const {
        if (!m_json->is_object()) return std::nullopt;
        const auto it = m_json->find(std::string(key));
        if (it == m_json->end()) return std::nullopt;
        return FastValue(*it);
    }
    std::string text() const {
        return m_json->is_string() ? m_json->get<std::string>() : isScalar() ? m_json->dump() : "";
    }
    int line() const { return 0; }
    int column() const { return 0; }
    std::string describe() const { return m_json->dump(); }
    std::optional<double> number() const {
        if (m_json->is_number()) return m_json->get<double>();
        return std::nullopt;
    }

  private:
    const nlohmann::json* m_json;
};

/// Whether brackets nest no deeper than `limit` (strings skipped): the fast
/// pass leaves deeper files to the reader that reports them.
bool nestsWithin(const std::string& text, int limit) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

/// A number as JSON writes it (a bare number, not a string).
std::optional<double> numberOf(const FastValue& value) {
    return value.number();
}
std::optional<double> numberOf(const JsonValue& value) {
    if (value.kind() != JsonValue::Kind::Plain) return std::nullopt;
    return core::parseDecimal(value.text());
}

/// Reads one basemap file's features, reporting each problem at its line
/// (with a JsonValue; a FastValue has none, and finding one is enough).
template <class Value> class BasemapFileReader {
  public:
    BasemapFileReader(const std::string& file, const BasemapRead& how, core::Diagnostics& diagnostics)
        : m_file(file), m_how(how), m_diagnostics(diagnostics) {}

    std::optional<GeoBasemap> read(const Value& root) {
        const auto type = root.isObject() ? root.get("type") : std::nullopt;
        if (!type || type->text() != "FeatureCollection") {
            error(root, "a basemap must be a GeoJSON FeatureCollection",
                  "write {\"type\": \"FeatureCollection\", \"features\": [...]}");
            return std::nullopt;
        }
        GeoBasemap out;
        out.file = m_file;
        if (auto attribution = root.get("attribution")) out.attribution = textOf(*attribution, "attribution");
        if (auto source = root.get("source")) out.source = textOf(*source, "source");
        if (auto area = root.get("area")) out.area = readArea(*area);
        const auto features = root.get("features");
        if (!features || !features->isArray()) {
            error(features.value_or(root), "the FeatureCollection has no list of 'features'");
            return std::nullopt;
        }
        for (std::size_t i = 0; i < features->size(); ++i) {
            const std::size_t before = m_diagnostics.errorCount();
            auto feature = readFeature((*features)[i], i + 1);
            if (m_diagnostics.errorCount() > before) continue;
            if (feature) out.features.push_back(std::move(*feature));
        }
        if (m_diagnostics.errorCount() > 0) return std::nullopt;
        return out;
    }

  private:
    void error(const Value& at, std::string message, std::string hint = {}) {
        m_diagnostics.error({m_file, at.line(), at.column()}, std::move(message), std::move(hint));
    }

    std::string textOf(const Value& value, const std::string& what) {
        if (!value.isScalar()) {
            error(value, "the basemap's " + what + " must be a string, not " + value.describe());
            return {};
        }
        return value.text();
    }

    std::optional<double> number(const Value& value, const std::string& what) {
        if (auto v = numberOf(value)) return v;
        error(value, what + " must be a number, not " + value.describe());
        return std::nullopt;
    }

    std::optional<GeoArea> readArea(const Value& value) {
        if (!value.isArray() || value.size() != 4) {
            error(value, "the basemap's area must be [south, west, north, east] in degrees, not " +
                             value.describe());
            return std::nullopt;
        }
        double v[4];
        for (std::size_t k = 0; k < 4; ++k) {
            auto d = number(value[k], "the basemap's area");
            if (!d) return std::nullopt;
            v[k] = *d;
        }
        if (v[0] >= v[2] || v[1] >= v[3] || v[0] < -90.0 || v[2] > 90.0 || v[1] < -180.0 || v[3] > 180.0) {
            error(value, "the basemap's area is not a box of degrees",
                  "write [south, west, north, east], south below north and west of east");
            return std::nullopt;
        }
        return GeoArea{v[0], v[1], v[2], v[3]};
    }

    /// [lon, lat] (a third number, a height, is allowed and left out); a
    /// `point` from 1 numbers it in messages.
    std::optional<core::LatLon> position(const Value& value, const std::string& what, std::size_t point = 0) {
        // the words of a message, made only for one: a basemap has a million points
        auto named = [&] { return point == 0 ? what : what + " point " + std::to_string(point); };
        if (!value.isArray() || value.size() < 2 || value.size() > 3) {
            error(value, named() + " must be a position [longitude, latitude], not " + value.describe());
            return std::nullopt;
        }
        const auto lon = numberOf(value[0]);
        const auto lat = numberOf(value[1]);
        if (!lon || !lat) {
            const Value wrong = lon ? value[1] : value[0];
            error(wrong, named() + (lon ? " latitude" : " longitude") + " must be a number, not " +
                             wrong.describe());
            return std::nullopt;
        }
        if (*lat < -90.0 || *lat > 90.0 || *lon < -180.0 || *lon > 180.0) {
            error(value, named() + " [" + value[0].text() + ", " + value[1].text() + "] is not on the Earth",
                  "GeoJSON writes [longitude, latitude], longitude first");
            return std::nullopt;
        }
        if (++m_vertices > limits::kMaxVertices) {
            if (m_vertices == limits::kMaxVertices + 1)
                error(value, "the basemap has more than " + std::to_string(limits::kMaxVertices) + " points",
                      "cut a smaller area or a coarser detail with 'nofly basemap'");
            return std::nullopt;
        }
        return core::LatLon{*lat, *lon};
    }

    std::optional<GeoLine> line(const Value& value, const std::string& what, std::size_t minimum, bool ring) {
        if (!value.isArray()) {
            error(value, what + " must be a list of positions, not " + value.describe());
            return std::nullopt;
        }
        if (value.size() > limits::kMaxRingPoints) {
            error(value,
                  what + " has " + std::to_string(value.size()) + " points (limit " +
                      std::to_string(limits::kMaxRingPoints) + ")",
                  "simplify it, or cut the basemap at a coarser detail");
            return std::nullopt;
        }
        GeoLine out;
        out.reserve(value.size());
        for (std::size_t i = 0; i < value.size(); ++i) {
            auto p = position(value[i], what, i + 1);
            if (!p) return std::nullopt;
            out.push_back(*p);
        }
        // a ring is closed by repeating its first point: kept once
        if (ring && out.size() > 1 && out.front().lat == out.back().lat && out.front().lon == out.back().lon)
            out.pop_back();
        if (out.size() < minimum) {
            error(value, what + " has " + std::to_string(out.size()) + " distinct point" +
                             (out.size() == 1 ? "" : "s") + "; it needs at least " + std::to_string(minimum));
            return std::nullopt;
        }
        return out;
    }

    bool polygon(const Value& value, const std::string& what, GeoMultiPolygon& out) {
        if (!value.isArray() || value.size() == 0) {
            error(value, what + " must be a list of rings, not " + value.describe());
            return false;
        }
        std::vector<std::vector<core::LatLon>> rings;
        for (std::size_t r = 0; r < value.size(); ++r) {
            auto ring =
                line(value[r], what + (r == 0 ? " outer ring" : " hole " + std::to_string(r)), 3, true);
            if (!ring) return false;
            rings.push_back(std::move(*ring));
        }
        out.push_back(std::move(rings));
        return true;
    }

    /// A property as a word, when it is one.
    static std::string word(const Value& properties, std::string_view key) {
        const auto v = properties.isObject() ? properties.get(key) : std::nullopt;
        return v && v->isScalar() ? v->text() : std::string();
    }

    static std::string lowercase(std::string text) {
        for (char& c : text)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return text;
    }

    /// A feature's layer (the file's for a user's plain file, else the feature's, else land), name,
    /// country and a label's rank; false after an error.
    bool readProperties(const Value& feature, const std::string& what, GeoFeature& out) {
        const Value properties = feature.get("properties").value_or(feature);
        const auto propertiesValue = feature.get("properties");
        const bool hasProperties = propertiesValue && propertiesValue->isObject();
        if (m_how.layer) {
            out.layer = *m_how.layer;
        } else if (auto layer = hasProperties ? propertiesValue->get("layer") : std::nullopt) {
            const auto it = std::find(kLayerNames.begin(), kLayerNames.end(), layer->text());
            if (!layer->isScalar() || it == kLayerNames.end()) {
                error(*layer, what + " layer " + layer->describe() + " is not a basemap layer",
                      core::suggestion(layer->text(), kLayerNames));
                return false;
            }
            out.layer = static_cast<BasemapLayer>(it - kLayerNames.begin());
        }
        const std::string described = what + " (" + layerName(out.layer) + ")";
        if (hasProperties) {
            out.name = word(properties, "name");
            if (out.name.empty()) out.name = word(properties, "NAME");
        }

        // land and territory belong to a country: its `country`, else its name, else the file's
        if (out.layer == BasemapLayer::Land || out.layer == BasemapLayer::Territory) {
            for (const char* key : {"country", "name", "NAME", "ADMIN"})
                if (out.country.empty() && hasProperties) out.country = word(properties, key);
            if (out.country.empty()) out.country = fs::path(m_file).stem().string();
            out.country = lowercase(out.country);
        }
        if (out.layer != BasemapLayer::Label) return true;
        if (out.name.empty()) {
            error(feature, described + " has no 'name'", "a label's words are its 'name' property");
            return false;
        }
        if (auto rank = hasProperties ? propertiesValue->get("rank") : std::nullopt;
            rank && !rank->isNull()) {
            auto r = number(*rank, described + " rank");
            if (!r) return false;
            if (*r < 1.0 || *r > 1000.0 || std::floor(*r) != *r) {
                error(*rank, described + " rank " + rank->text() + " is not a whole number from 1 to 1000",
                      "1 is the most important");
                return false;
            }
            out.rank = static_cast<int>(*r);
        }
        return true;
    }

    /// A feature's geometry, of the kind its layer draws; false after an error.
    bool readGeometry(const Value& feature, const std::string& described, GeoFeature& out) {
        const auto geometry = feature.get("geometry");
        if (!geometry || !geometry->isObject()) {
            error(geometry.value_or(feature), described + " has no geometry");
            return false;
        }
        const auto typeValue = geometry->get("type");
        const std::string type = typeValue && typeValue->isScalar() ? typeValue->text() : "";
        const auto coordinates = geometry->get("coordinates");
        const bool area = out.layer == BasemapLayer::Land || out.layer == BasemapLayer::Territory ||
                          out.layer == BasemapLayer::Water;
        const bool lineLayer = out.layer == BasemapLayer::River || out.layer == BasemapLayer::Border ||
                               out.layer == BasemapLayer::Road;
        const char* expected = area        ? "a Polygon or MultiPolygon"
                               : lineLayer ? "a LineString or MultiLineString"
                                           : "a Point";
        const bool fits = area        ? (type == "Polygon" || type == "MultiPolygon")
                          : lineLayer ? (type == "LineString" || type == "MultiLineString")
                                      : type == "Point";
        if (!fits) {
            error(typeValue.value_or(*geometry),
                  described + " is " + (type.empty() ? std::string("no geometry type") : "a " + type) +
                      "; the " + layerName(out.layer) + " layer takes " + expected,
                  m_how.layer ? "give each layer its own file" : "check the feature's 'layer' property");
            return false;
        }
        if (!coordinates || !coordinates->isArray()) {
            error(coordinates.value_or(*geometry), described + " has no list of 'coordinates'");
            return false;
        }
        if (type == "Polygon") return polygon(*coordinates, described, out.polygons);
        if (type == "MultiPolygon") {
            for (std::size_t i = 0; i < coordinates->size(); ++i)
                if (!polygon((*coordinates)[i], described + " part " + std::to_string(i + 1), out.polygons))
                    return false;
            return true;
        }
        if (type == "LineString" || type == "MultiLineString") {
            const bool multi = type == "MultiLineString";
            for (std::size_t i = 0; i < (multi ? coordinates->size() : 1); ++i) {
                auto l = multi
                             ? line((*coordinates)[i], described + " part " + std::to_string(i + 1), 2, false)
                             : line(*coordinates, described, 2, false);
                if (!l) return false;
                out.lines.push_back(std::move(*l));
            }
            return true;
        }
        auto p = position(*coordinates, described);
        if (!p) return false;
        out.at = *p;
        return true;
    }

    std::optional<GeoFeature> readFeature(const Value& feature, std::size_t index) {
        const std::string what = "basemap feature " + std::to_string(index);
        if (!feature.isObject()) {
            error(feature, what + " must be a GeoJSON Feature object, not " + feature.describe());
            return std::nullopt;
        }
        GeoFeature out;
        if (!readProperties(feature, what, out)) return std::nullopt;
        if (!readGeometry(feature, what + " (" + layerName(out.layer) + ")", out)) return std::nullopt;
        return out;
    }

    std::string m_file;
    const BasemapRead& m_how;
    core::Diagnostics& m_diagnostics;
    std::size_t m_vertices = 0;
};

/// The box of a feature's points.
GeoArea boundsOf(const GeoFeature& f) {
    GeoArea box{90.0, 180.0, -90.0, -180.0};
    auto add = [&](core::LatLon p) {
        box.south = std::min(box.south, p.lat), box.north = std::max(box.north, p.lat);
        box.west = std::min(box.west, p.lon), box.east = std::max(box.east, p.lon);
    };
    for (const auto& polygon : f.polygons)
        for (const core::LatLon& p : polygon.front())
            add(p);
    for (const GeoLine& l : f.lines)
        for (const core::LatLon& p : l)
            add(p);
    if (f.layer == BasemapLayer::Label) add(f.at);
    return box;
}

/// Whether a feature's bounds meet a box.
bool meets(const GeoFeature& f, const GeoArea& k) {
    const GeoArea& box = f.bounds;
    return box.south <= k.north && box.north >= k.south && box.west <= k.east && box.east >= k.west;
}

/// Files read in this process, by resolved path, layer and content: a world
/// map is parsed once however many scenarios (variants, tests) name it.
class BasemapCache {
  public:
    std::shared_ptr<const GeoBasemap> find(const std::string& key) {
        const std::lock_guard<std::mutex> lock(m_mutex);
        const auto it = m_files.find(key);
        return it == m_files.end() ? nullptr : it->second;
    }
    void add(const std::string& key, std::shared_ptr<const GeoBasemap> map) {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (m_files.size() >= 16) m_files.clear(); // a handful of basemaps a process; never unbounded
        m_files[key] = std::move(map);
    }

  private:
    std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<const GeoBasemap>> m_files;
};

BasemapCache& basemapCache() {
    static BasemapCache cache;
    return cache;
}

} // namespace

std::optional<GeoBasemap> readBasemapFile(const std::string& path, const BasemapRead& how,
                                          core::Diagnostics& diagnostics) {
    // by the one path policy: a link may not lead out of the folder the file was named from
    FileProblem problem;
    std::string resolved;
    const auto text = readTextFile(path, how.tree, kMaxImportBytes, "reads", problem, &resolved);
    if (!text) {
        // no line to point at: the caller names the file at the line that names it
        diagnostics.error({path, 0, 0},
                          problem.outside ? std::string("leaves the folder it was named from")
                                          : problem.message,
                          problem.hint);
        return std::nullopt;
    }
    // text, not bytes (core/encoding.hpp): JSON is UTF-8 by its standard
    if (auto encoding = core::findEncodingProblem(*text)) {
        diagnostics.error({path, encoding->line, encoding->column}, encoding->message, encoding->hint);
        return std::nullopt;
    }
    // what is kept of a file read before or now: the features that meet the box to keep
    auto cut = [&](const GeoBasemap& all) {
        GeoBasemap out;
        out.file = path;
        out.attribution = all.attribution;
        out.source = all.source;
        out.area = all.area;
        for (const GeoFeature& f : all.features)
            if (!how.keep || meets(f, *how.keep)) out.features.push_back(f);
        return out;
    };
    const std::string key = resolved + "\n" + (how.layer ? layerName(*how.layer) : "layered") + "\n" +
                            std::to_string(std::hash<std::string>{}(*text));
    if (auto known = basemapCache().find(key)) return cut(*known);

    // a fast pass first: nlohmann-json's tree, five times faster than one that
    // knows its lines (a detailed basemap is megabytes); only a file with a
    // problem is read again, line by line, to say where
    std::optional<GeoBasemap> map;
    if (nestsWithin(*text, limits::kMaxNesting)) {
        core::Diagnostics quiet;
        const nlohmann::json json = nlohmann::json::parse(*text, nullptr, false);
        if (!json.is_discarded()) {
            map = BasemapFileReader<FastValue>(path, how, quiet).read(FastValue(json));
            if (!quiet.empty()) map.reset();
        }
    }
    if (!map) {
        auto document = JsonDocument::parse(*text, path, diagnostics);
        if (!document) return std::nullopt;
        map = BasemapFileReader<JsonValue>(path, how, diagnostics).read(document->root());
        if (!map) return std::nullopt;
    }
    for (GeoFeature& f : map->features)
        f.bounds = boundsOf(f);
    auto shared = std::make_shared<const GeoBasemap>(std::move(*map));
    basemapCache().add(key, shared);
    return cut(*shared);
}

std::optional<GeoMultiPolygon> loadBasemap(const std::string& assetDir, const std::string& name,
                                           std::string& error) {
    const fs::path file = fs::path(assetDir) / "basemap" / (name + ".geojson");
    core::Diagnostics diagnostics;
    auto map = readBasemapFile(file.string(), {.tree = assetDir, .layer = std::nullopt, .keep = std::nullopt},
                               diagnostics);
    if (!map) {
        const core::Diagnostic& first = diagnostics.all().front();
        error =
            first.where.line == 0 ? "basemap " + file.string() + " " + first.message : core::format(first);
        return std::nullopt;
    }
    GeoMultiPolygon out;
    for (GeoFeature& f : map->features)
        if (f.layer == BasemapLayer::Land)
            for (auto& polygon : f.polygons)
                out.push_back(std::move(polygon));
    if (out.empty()) {
        error = "basemap " + file.string() + " holds no land";
        return std::nullopt;
    }
    return out;
}

} // namespace nofly::scenario
