#include "scenario/basemap_cut.hpp"

#include "core/decimal.hpp"
#include "core/text.hpp"
#include "scenario/detail/json_document.hpp"
#include "scenario/limits.hpp"
#include "scenario/text_file.hpp"

#include <geos_c.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <sstream>

namespace nofly::scenario {

namespace {

/// One GEOS context for one cut: GEOS's reentrant C API, its last error kept
/// for the message of an operation that failed.
class GeosContext {
  public:
    GeosContext() : m_handle(GEOS_init_r()) {
        GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::onError, this);
    }
    ~GeosContext() { GEOS_finish_r(m_handle); }
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t handle() const { return m_handle; }
    const std::string& lastError() const { return m_lastError; }

  private:
    static void onError(const char* message, void* self) {
        static_cast<GeosContext*>(self)->m_lastError = message ? message : "";
    }
    GEOSContextHandle_t m_handle;
    std::string m_lastError;
};

/// An owned GEOS geometry.
class Geometry {
  public:
    Geometry(GEOSContextHandle_t handle, GEOSGeometry* geometry) : m_handle(handle), m_geometry(geometry) {}
    ~Geometry() {
        if (m_geometry) GEOSGeom_destroy_r(m_handle, m_geometry);
    }
    Geometry(Geometry&& other) noexcept : m_handle(other.m_handle), m_geometry(other.m_geometry) {
        other.m_geometry = nullptr;
    }
    Geometry(const Geometry&) = delete;
    Geometry& operator=(const Geometry&) = delete;
    Geometry& operator=(Geometry&& other) noexcept {
        if (this != &other) {
            if (m_geometry) GEOSGeom_destroy_r(m_handle, m_geometry);
            m_handle = other.m_handle;
            m_geometry = std::exchange(other.m_geometry, nullptr);
        }
        return *this;
    }

    GEOSGeometry* get() const { return m_geometry; }
    explicit operator bool() const { return m_geometry != nullptr; }
    /// Gives the geometry to GEOS (a ring to its polygon, a part to its collection).
    GEOSGeometry* release() { return std::exchange(m_geometry, nullptr); }

  private:
    GEOSContextHandle_t m_handle;
    GEOSGeometry* m_geometry;
};

/// Degrees to metres near the area's middle (an equirectangular plane with
/// the meridian and parallel scales of its middle latitude), so that the
/// detail is a distance: across Denmark (54-58 N) a metre east is off by at
/// most 4 % at the area's edges.
struct LocalPlane {
    double lat0 = 0.0, lon0 = 0.0; ///< [deg]
    double kx = 1.0, ky = 1.0;     ///< [m/deg]

    explicit LocalPlane(const GeoBox& box) {
        lat0 = (box.south + box.north) / 2.0;
        lon0 = (box.west + box.east) / 2.0;
        const double phi = lat0 * std::numbers::pi / 180.0;
        // the lengths of a degree on WGS84 (series in the latitude)
        ky = 111132.954 - 559.822 * std::cos(2 * phi) + 1.175 * std::cos(4 * phi);
        kx = 111412.84 * std::cos(phi) - 93.5 * std::cos(3 * phi) + 0.118 * std::cos(5 * phi);
    }
    static int toMetres(double* x, double* y, void* self) {
        const auto* p = static_cast<const LocalPlane*>(self);
        *x = (*x - p->lon0) * p->kx;
        *y = (*y - p->lat0) * p->ky;
        return 1;
    }
    double lon(double x) const { return lon0 + x / kx; }
    double lat(double y) const { return lat0 + y / ky; }
};

/// A layer of the basemap, and what its files hold.
enum class Layer { Land, Territory, Water, River };

const char* layerName(Layer layer) {
    switch (layer) {
    case Layer::Land: return "land";
    case Layer::Territory: return "territory";
    case Layer::Water: return "water";
    case Layer::River: return "river";
    }
    return "";
}

bool holdsLines(Layer layer) { return layer == Layer::River; }

/// ISO 3166-1 three-letter codes to lowercase English names, read once
/// when a dataset names its countries by code (the @geo-maps files do: A3).
struct IsoNames {
    bool loaded = false;
    bool failed = false;
    std::map<std::string, std::string> names;
};

std::string lowercase(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

bool isCountryCode(const std::string& text) {
    return text.size() == 3 && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

/// The reading and writing of one cut.
class Cutter {
  public:
    Cutter(const BasemapCut& cut, core::Diagnostics& diagnostics)
        : m_cut(cut), m_diagnostics(diagnostics), m_plane(cut.area) {}

    bool addFile(const std::string& file, Layer layer);
    std::string text() const;
    std::size_t featureCount() const { return m_features.size(); }
    BasemapCutStats stats;

  private:
    struct Ring {
        std::vector<double> xy; ///< lon, lat, lon, lat, ...
    };
    struct Feature {
        Layer layer;
        std::string country; ///< land, territory
        std::string name;    ///< water, river: optional
        std::string coordinates; ///< the GeoJSON geometry, written
        std::string type;
    };

    std::optional<std::string> readFile(const std::string& file);
    bool readFeature(const std::string& file, JsonValue geometry, std::optional<JsonValue> properties,
                     JsonValue where, Layer layer);
    std::optional<std::string> countryOf(const std::string& file, std::optional<JsonValue> properties,
                                         JsonValue where);
    std::optional<std::string> isoName(const std::string& file, const std::string& code, JsonValue where);
    bool readPosition(const std::string& file, JsonValue position, std::vector<double>& xy);
    bool readLine(const std::string& file, JsonValue line, std::size_t least, Ring& out);
    void error(const std::string& file, JsonValue where, std::string message, std::string hint = {}) {
        m_diagnostics.error({file, where.line(), where.column()}, std::move(message), std::move(hint));
    }
    Geometry sequence(const std::vector<double>& xy, bool ring);
    std::optional<std::string> cutGeometry(Geometry geometry, Layer layer, const std::string& file,
                                           JsonValue where, std::string& type);
    void writeParts(const GEOSGeometry* geometry, Layer layer, std::vector<std::string>& parts);
    /// `outer`: a polygon's outer ring; `inner`: a hole; neither: a line, in its own direction.
    std::optional<std::string> writeRing(const GEOSGeometry* ring, bool outer, bool inner = false);

    const BasemapCut& m_cut;
    core::Diagnostics& m_diagnostics;
    LocalPlane m_plane;
    GeosContext m_geos;
    IsoNames m_iso;
    std::vector<Feature> m_features;
};

std::optional<std::string> Cutter::readFile(const std::string& file) {
    FileProblem problem;
    auto text = readTextFile(file, "", kMaxDatasetBytes, "reads", problem);
    if (!text) m_diagnostics.error({file, 0, 0}, "cannot read this dataset: " + problem.message, problem.hint);
    return text;
}

bool Cutter::addFile(const std::string& file, Layer layer) {
    const auto text = readFile(file);
    if (!text) return false;
    const auto document = JsonDocument::parse(*text, file, m_diagnostics);
    if (!document) return false;
    const JsonValue root = document->root();
    auto typeOf = [](JsonValue value) -> std::string {
        if (!value.isObject()) return {};
        const auto type = value.get("type");
        return type && type->isScalar() ? type->text() : std::string();
    };
    const std::string type = typeOf(root);
    bool ok = true;
    // a FeatureCollection, a Feature, a GeometryCollection (the @geo-maps lakes) or one geometry
    if (type == "FeatureCollection" || type == "GeometryCollection") {
        const char* key = type == "FeatureCollection" ? "features" : "geometries";
        const auto items = root.get(key);
        if (!items || !items->isArray()) {
            error(file, items ? *items : root, std::string("a ") + type + " needs a list '" + key + "'");
            return false;
        }
        for (std::size_t i = 0; i < items->size(); ++i) {
            const JsonValue item = (*items)[i];
            if (type == "GeometryCollection") {
                ok = readFeature(file, item, std::nullopt, item, layer) && ok;
                continue;
            }
            if (typeOf(item) != "Feature") {
                error(file, item, "feature " + std::to_string(i + 1) + " is not a GeoJSON Feature",
                      "each item of 'features' is {\"type\": \"Feature\", \"geometry\": ..., \"properties\": ...}");
                ok = false;
                continue;
            }
            const auto geometry = item.get("geometry");
            if (!geometry || geometry->isNull()) continue; // a feature without a place: nothing to draw
            ok = readFeature(file, *geometry, item.get("properties"), item, layer) && ok;
        }
    } else if (type == "Feature") {
        const auto geometry = root.get("geometry");
        if (geometry && !geometry->isNull()) ok = readFeature(file, *geometry, root.get("properties"), root, layer);
    } else if (!type.empty()) {
        ok = readFeature(file, root, std::nullopt, root, layer);
    } else {
        error(file, root, "this is not GeoJSON: the top level has no \"type\"",
              "expected a FeatureCollection, as QGIS, geojson.io and the @geo-maps packages write");
        ok = false;
    }
    return ok;
}

bool Cutter::readPosition(const std::string& file, JsonValue position, std::vector<double>& xy) {
    auto number = [&](JsonValue value, double& out) {
        if (value.kind() != JsonValue::Kind::Plain) return false;
        const std::optional<double> read = core::parseDecimal(value.text());
        if (read) out = *read;
        return read.has_value();
    };
    double lon = 0.0, lat = 0.0;
    if (!position.isArray() || position.size() < 2 || !number(position[0], lon) || !number(position[1], lat)) {
        error(file, position, "a position is [longitude, latitude] in degrees, not " + position.describe());
        return false;
    }
    if (lon < -180.0 || lon > 180.0 || lat < -90.0 || lat > 90.0) {
        error(file, position, "position [" + position[0].text() + ", " + position[1].text() + "] is off the Earth",
              "GeoJSON writes [longitude, latitude]: longitude -180 to 180, latitude -90 to 90");
        return false;
    }
    xy.push_back(lon);
    xy.push_back(lat);
    return true;
}

bool Cutter::readLine(const std::string& file, JsonValue line, std::size_t least, Ring& out) {
    if (!line.isArray()) {
        error(file, line, "expected a list of positions, not " + line.describe());
        return false;
    }
    for (std::size_t i = 0; i < line.size(); ++i)
        if (!readPosition(file, line[i], out.xy)) return false;
    if (out.xy.size() / 2 < least) {
        error(file, line,
              (least == 4 ? "a ring needs at least 4 positions" : "a line needs at least 2 positions") +
                  std::string(" (got ") + std::to_string(out.xy.size() / 2) + ")");
        return false;
    }
    if (least == 4 && (out.xy[0] != out.xy[out.xy.size() - 2] || out.xy[1] != out.xy.back())) {
        error(file, line, "a ring must end where it starts", "repeat its first position at its end");
        return false;
    }
    stats.pointsRead += out.xy.size() / 2;
    return true;
}

Geometry Cutter::sequence(const std::vector<double>& xy, bool ring) {
    GEOSContextHandle_t h = m_geos.handle();
    GEOSCoordSequence* points = GEOSCoordSeq_copyFromBuffer_r(h, xy.data(), static_cast<unsigned>(xy.size() / 2), 0, 0);
    return {h, ring ? GEOSGeom_createLinearRing_r(h, points) : GEOSGeom_createLineString_r(h, points)};
}

bool Cutter::readFeature(const std::string& file, JsonValue geometry, std::optional<JsonValue> properties,
                         JsonValue where, Layer layer) {
    const auto typeValue = geometry.isObject() ? geometry.get("type") : std::nullopt;
    const auto coordinates = geometry.isObject() ? geometry.get("coordinates") : std::nullopt;
    if (!typeValue || !coordinates) {
        error(file, geometry, "a geometry needs \"type\" and \"coordinates\"");
        return false;
    }
    const std::string type = typeValue->text();
    const bool lines = holdsLines(layer);
    const bool polygonType = type == "Polygon" || type == "MultiPolygon";
    const bool lineType = type == "LineString" || type == "MultiLineString";
    if (lines ? !lineType : !polygonType) {
        error(file, *typeValue,
              std::string("a ") + layerName(layer) + " file holds " +
                  (lines ? "LineString or MultiLineString" : "Polygon or MultiPolygon") + " geometries, not " +
                  core::quoted(type),
              lines ? "give polygons of lakes and wide rivers with --water"
                    : "give rivers as lines with --river");
        return false;
    }
    // the geometry's parts as lists of positions: polygons of rings, or lines
    const bool multi = type.starts_with("Multi");
    std::vector<std::vector<Ring>> parts;
    if (!coordinates->isArray()) {
        error(file, *coordinates, "\"coordinates\" must be a list, not " + coordinates->describe());
        return false;
    }
    const std::size_t count = multi ? coordinates->size() : 1;
    for (std::size_t p = 0; p < count; ++p) {
        const JsonValue part = multi ? (*coordinates)[p] : *coordinates;
        std::vector<Ring> rings;
        if (lines) {
            Ring line;
            if (!readLine(file, part, 2, line)) return false;
            rings.push_back(std::move(line));
        } else {
            if (!part.isArray() || part.size() == 0) {
                error(file, part, "a polygon is a list of rings, the outer ring first; not " + part.describe());
                return false;
            }
            for (std::size_t r = 0; r < part.size(); ++r) {
                Ring ring;
                if (!readLine(file, part[r], 4, ring)) return false;
                rings.push_back(std::move(ring));
            }
        }
        parts.push_back(std::move(rings));
    }

    // a part wholly outside the area is left before GEOS sees it (a country's other islands, the
    // rest of a continent: repairing what is then clipped away would cost minutes)
    const GeoBox& a = m_cut.area;
    std::erase_if(parts, [&](const std::vector<Ring>& rings) {
        double west = 180.0, east = -180.0, south = 90.0, north = -90.0;
        for (std::size_t i = 0; i < rings.front().xy.size(); i += 2) {
            west = std::min(west, rings.front().xy[i]);
            east = std::max(east, rings.front().xy[i]);
            south = std::min(south, rings.front().xy[i + 1]);
            north = std::max(north, rings.front().xy[i + 1]);
        }
        return east < a.west || west > a.east || north < a.south || south > a.north;
    });
    if (parts.empty()) return true;

    // the name: a country's land and territory must have one (a dataset's other countries are not asked)
    std::string country, name;
    if (layer == Layer::Land || layer == Layer::Territory) {
        const auto named = countryOf(file, properties, where);
        if (!named) return false;
        country = *named;
    } else if (properties && properties->isObject()) {
        if (const auto n = properties->get("name"); n && n->kind() == JsonValue::Kind::Quoted) name = n->text();
    }

    // the GEOS geometry
    GEOSContextHandle_t h = m_geos.handle();
    std::vector<GEOSGeometry*> geometries;
    for (const auto& rings : parts) {
        if (lines) {
            geometries.push_back(sequence(rings.front().xy, false).release());
            continue;
        }
        GEOSGeometry* shell = sequence(rings.front().xy, true).release();
        std::vector<GEOSGeometry*> holes;
        for (std::size_t r = 1; r < rings.size(); ++r) holes.push_back(sequence(rings[r].xy, true).release());
        geometries.push_back(GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size())));
    }
    Geometry whole(h, GEOSGeom_createCollection_r(h, lines ? GEOS_MULTILINESTRING : GEOS_MULTIPOLYGON,
                                                 geometries.data(), static_cast<unsigned>(geometries.size())));
    std::string written;
    const auto cut = cutGeometry(std::move(whole), layer, file, where, written);
    if (!cut) return false;
    if (cut->empty()) return true;
    m_features.push_back({layer, country, name, *cut, written});
    return true;
}

std::optional<std::string> Cutter::countryOf(const std::string& file, std::optional<JsonValue> properties,
                                             JsonValue where) {
    std::vector<std::string> keys;
    if (!m_cut.countryProperty.empty()) keys.push_back(m_cut.countryProperty);
    else keys.assign(std::begin(kCountryProperties), std::end(kCountryProperties));
    std::optional<JsonValue> value;
    if (properties && properties->isObject())
        for (const std::string& key : keys)
            if ((value = properties->get(key))) break;
    if (!value || value->kind() != JsonValue::Kind::Quoted || value->text().empty()) {
        std::string list;
        for (const std::string& key : keys) list += (list.empty() ? "" : ", ") + core::quoted(key);
        error(file, value ? *value : properties ? *properties : where,
              "a country's feature needs its name as a text in its properties (looked for " + list + ")",
              "name the property that holds it with --country-property");
        return std::nullopt;
    }
    if (isCountryCode(value->text())) return isoName(file, value->text(), *value);
    return lowercase(value->text());
}

std::optional<std::string> Cutter::isoName(const std::string& file, const std::string& code, JsonValue where) {
    if (!m_iso.loaded) {
        m_iso.loaded = true;
        core::Diagnostics problems;
        const std::string& list = m_cut.isoCodes.empty() ? std::string(kDefaultIsoCodes) : m_cut.isoCodes;
        FileProblem problem;
        const auto text = readTextFile(list, "", kMaxImportBytes, "reads", problem);
        std::optional<JsonDocument> document;
        if (text) document = JsonDocument::parse(*text, list, problems);
        const auto entries = document ? document->root().get("3166-1") : std::nullopt;
        if (!entries || !entries->isArray()) {
            m_iso.failed = true;
            m_diagnostics.append(problems);
            error(file, where,
                  "country code " + core::quoted(code) + " needs the ISO 3166-1 list to be named, and " + list +
                      (text ? " is not that list" : " cannot be read: " + problem.message),
                  "install Debian's iso-codes package, or give its iso_3166-1.json with --iso-codes");
            return std::nullopt;
        }
        for (std::size_t i = 0; i < entries->size(); ++i) {
            const JsonValue entry = (*entries)[i];
            const auto alpha3 = entry.get("alpha_3");
            // the common name where ISO's is long ("Korea, Republic of": "South Korea")
            auto name = entry.get("common_name");
            if (!name) name = entry.get("name");
            if (alpha3 && name) m_iso.names[alpha3->text()] = lowercase(name->text());
        }
    }
    if (m_iso.failed) return std::nullopt;
    if (const auto it = m_iso.names.find(code); it != m_iso.names.end()) return it->second;
    // a code ISO does not give (Kosovo's XKX, a dataset's own): kept, and said
    m_diagnostics.warning({file, where.line(), where.column()},
                          "country code " + core::quoted(code) + " is not in the ISO 3166-1 list; it is written as " +
                              core::quoted(lowercase(code)));
    return lowercase(code);
}

std::optional<std::string> Cutter::cutGeometry(Geometry geometry, Layer layer, const std::string& file,
                                               JsonValue where, std::string& type) {
    GEOSContextHandle_t h = m_geos.handle();
    auto failed = [&](const char* what) {
        error(file, where, std::string("GEOS could not ") + what + " this feature: " + m_geos.lastError());
        return std::nullopt;
    };
    // clipped by the rectangle first (linear in the points, and it takes rings that touch
    // themselves), then repaired: real coastlines are not always valid polygons, and the
    // repair of a whole country costs minutes where that of its cut costs a second
    const GeoBox& a = m_cut.area;
    Geometry clipped(h, GEOSClipByRect_r(h, geometry.get(), a.west, a.south, a.east, a.north));
    if (!clipped) return failed("clip");
    if (GEOSisEmpty_r(h, clipped.get()) == 1) return std::string();
    if (!holdsLines(layer) && GEOSisValid_r(h, clipped.get()) != 1) {
        Geometry valid(h, GEOSMakeValid_r(h, clipped.get()));
        if (!valid) return failed("repair");
        clipped = std::move(valid);
    }
    Geometry metres(h, GEOSGeom_transformXY_r(h, clipped.get(), &LocalPlane::toMetres, &m_plane));
    if (!metres) return failed("project");
    // each ring from its lowest-left point: the simplification keeps a ring's first point, and
    // clipping may start a ring anywhere (in the middle of a straight coast); a river keeps its direction
    if (!holdsLines(layer) && GEOSNormalize_r(h, metres.get()) != 0) return failed("normalise");
    Geometry simple = m_cut.detail > 0.0 ? Geometry(h, GEOSTopologyPreserveSimplify_r(h, metres.get(), m_cut.detail))
                                         : std::move(metres);
    if (!simple) return failed("simplify");
    std::vector<std::string> parts;
    writeParts(simple.get(), layer, parts);
    if (parts.empty()) return std::string();
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : ",") + part;
    type = holdsLines(layer) ? "MultiLineString" : "MultiPolygon";
    return "[" + out + "]";
}

// Rings are written counter-clockwise outside and clockwise inside, as RFC
// 7946 asks, at 6 decimals (11 cm): a point repeated by the rounding is
// written once. Nothing, when that leaves a line under 2 points or a ring
// under 4 (a river's stub cut by the area's edge): the reader would refuse it.
std::optional<std::string> Cutter::writeRing(const GEOSGeometry* ring, bool outer, bool inner) {
    GEOSContextHandle_t h = m_geos.handle();
    const GEOSCoordSequence* points = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned size = 0;
    GEOSCoordSeq_getSize_r(h, points, &size);
    std::vector<double> xy(2 * std::size_t{size});
    GEOSCoordSeq_copyToBuffer_r(h, points, xy.data(), 0, 0);
    // the shoelace sum in metres: positive when counter-clockwise
    double twiceArea = 0.0;
    for (std::size_t i = 0; i + 3 < xy.size(); i += 2) twiceArea += xy[i] * xy[i + 3] - xy[i + 2] * xy[i + 1];
    const bool wellTurned = outer ? twiceArea > 0.0 : twiceArea < 0.0;
    if ((outer || inner) && !wellTurned) {
        std::vector<double> reversed(xy.size());
        for (std::size_t i = 0; i < xy.size(); i += 2) {
            reversed[xy.size() - 2 - i] = xy[i];
            reversed[xy.size() - 1 - i] = xy[i + 1];
        }
        xy.swap(reversed);
    }
    std::string out = "[";
    std::string last;
    std::size_t written = 0;
    for (std::size_t i = 0; i < xy.size(); i += 2) {
        std::string point =
            "[" + core::fixed(m_plane.lon(xy[i]), 6) + "," + core::fixed(m_plane.lat(xy[i + 1]), 6) + "]";
        if (point == last) continue;
        out += (written ? "," : "") + point;
        last = std::move(point);
        ++written;
    }
    if (written < (outer || inner ? 4u : 2u)) return std::nullopt;
    stats.points += written;
    return out + "]";
}

void Cutter::writeParts(const GEOSGeometry* geometry, Layer layer, std::vector<std::string>& parts) {
    GEOSContextHandle_t h = m_geos.handle();
    const int type = GEOSGeomTypeId_r(h, geometry);
    if (type == GEOS_MULTIPOLYGON || type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
        const int count = GEOSGetNumGeometries_r(h, geometry);
        for (int i = 0; i < count; ++i) writeParts(GEOSGetGeometryN_r(h, geometry, i), layer, parts);
        return;
    }
    // what clipping leaves of another kind (a point or a line where a polygon touches the box) is not drawn
    if (holdsLines(layer) && type == GEOS_LINESTRING) {
        if (GEOSisEmpty_r(h, geometry) == 1) return;
        if (auto line = writeRing(geometry, false)) parts.push_back(std::move(*line));
        return;
    }
    if (holdsLines(layer) || type != GEOS_POLYGON || GEOSisEmpty_r(h, geometry) == 1) return;
    double area = 0.0;
    GEOSArea_r(h, geometry, &area);
    if (area < m_cut.minArea) return;
    const std::optional<std::string> outer = writeRing(GEOSGetExteriorRing_r(h, geometry), true);
    if (!outer) return;
    std::string polygon = "[" + *outer;
    const int holes = GEOSGetNumInteriorRings_r(h, geometry);
    for (int i = 0; i < holes; ++i) {
        const GEOSGeometry* hole = GEOSGetInteriorRingN_r(h, geometry, i);
        if (m_cut.minArea > 0.0) {
            // a hole's area: the polygon it would be
            GEOSGeometry* copy = GEOSGeom_clone_r(h, hole);
            Geometry filled(h, GEOSGeom_createPolygon_r(h, copy, nullptr, 0));
            double holeArea = 0.0;
            GEOSArea_r(h, filled.get(), &holeArea);
            if (holeArea < m_cut.minArea) continue;
        }
        if (auto ring = writeRing(hole, false, true)) polygon += "," + *ring;
    }
    parts.push_back(polygon + "]");
}

std::string Cutter::text() const {
    const GeoBox& a = m_cut.area;
    char area[160];
    std::snprintf(area, sizeof area, "[%.6g,%.6g,%.6g,%.6g]", a.south, a.west, a.north, a.east);
    std::string out = "{\"type\":\"FeatureCollection\",\n\"attribution\":" + nlohmann::json(m_cut.attribution).dump() +
                      ",\n\"area\":" + area + ",\n\"source\":" + nlohmann::json(m_cut.source).dump() +
                      ",\n\"features\":[\n";
    bool first = true;
    for (Layer layer : {Layer::Land, Layer::Territory, Layer::Water, Layer::River})
        for (const Feature& f : m_features) {
            if (f.layer != layer) continue;
            out += first ? "" : ",\n";
            first = false;
            out += "{\"type\":\"Feature\",\"properties\":{\"layer\":\"" + std::string(layerName(layer)) + "\"";
            if (!f.country.empty()) out += ",\"country\":" + nlohmann::json(f.country).dump();
            if (!f.name.empty()) out += ",\"name\":" + nlohmann::json(f.name).dump();
            out += "},\"geometry\":{\"type\":\"" + f.type + "\",\"coordinates\":" + f.coordinates + "}}";
        }
    return out + "\n]}\n";
}

} // namespace

std::optional<GeoBox> parseGeoBox(const std::string& text, std::string& error) {
    std::vector<double> values;
    std::stringstream words(text);
    for (std::string word; std::getline(words, word, ',');) {
        const std::optional<double> v = core::parseDecimal(core::trim(word));
        if (!v) {
            error = core::quoted(word) + " is not a number of degrees";
            return std::nullopt;
        }
        values.push_back(*v);
    }
    if (values.size() != 4) {
        error = "an area is four numbers of degrees, SOUTH,WEST,NORTH,EAST (got " + std::to_string(values.size()) + ")";
        return std::nullopt;
    }
    const GeoBox box{values[0], values[1], values[2], values[3]};
    if (box.south < -90.0 || box.north > 90.0 || box.west < -180.0 || box.east > 180.0) {
        error = "latitudes are -90 to 90 and longitudes -180 to 180";
        return std::nullopt;
    }
    if (box.south >= box.north || box.west >= box.east) {
        error = "SOUTH must be below NORTH and WEST left of EAST (an area across the 180th meridian is two cuts)";
        return std::nullopt;
    }
    return box;
}

std::optional<std::string> cutBasemap(const BasemapCut& cut, core::Diagnostics& diagnostics, BasemapCutStats* stats) {
    Cutter cutter(cut, diagnostics);
    // every file is read, so that one run reports the problems of all of them
    bool ok = cutter.addFile(cut.land, Layer::Land);
    if (!cut.territory.empty()) ok = cutter.addFile(cut.territory, Layer::Territory) && ok;
    for (const std::string& file : cut.water) ok = cutter.addFile(file, Layer::Water) && ok;
    for (const std::string& file : cut.rivers) ok = cutter.addFile(file, Layer::River) && ok;
    if (!ok || diagnostics.hasErrors()) return std::nullopt;
    std::string text = cutter.text();
    cutter.stats.features = cutter.featureCount();
    if (stats) *stats = cutter.stats;
    return text;
}

} // namespace nofly::scenario
