// Plain GeoJSON (RFC 7946): a FeatureCollection, one Feature or a bare
// geometry, positions written [longitude, latitude], rings either way round,
// holes, MultiPolygons. GeoJSON says nothing about airspace, so what the
// properties mean comes from a mapping file (docs/real-data.md), or from
// nofly's own property names, which `nofly export --format geojson` writes:
// name, restriction, reason, message, floor, ceiling, windows, weekly,
// utc-offset, exempt; a circle travels as its polygon with a "circle" member,
// a corridor as a LineString with a "width". A Point feature (a flying site,
// a helipad) is a circle when given a radius (a "radius" property, or the
// mapping's point-radius); without one it has no area and is left out, with
// one warning for the file.
//
// readGeometry is shared with ED-318, which is GeoJSON with layers.
#include "scenario/import_formats.hpp"

#include "scenario/keys.hpp"

#include <algorithm>
#include <cmath>

namespace nofly::scenario::importing {

namespace {

/// A Polygon: its rings, or (nofly's export) the circle it stands for.
bool readPolygonGeometry(FeatureReport& report, const JsonValue& geometry, const JsonValue& coordinates,
                         const std::string& what, GeometryPart& part) {
    // nofly's export: a circle travels as its polygon, with the circle itself beside it
    if (auto circle = geometry.get("circle"); circle && circle->isObject()) {
        const auto center = circle->get("center");
        const auto radius = circle->get("radius");
        if (!center || !radius) {
            report.error(*circle, what + " circle needs a 'center' and a 'radius'");
            return false;
        }
        auto at = readPosition(report, *center, what + " circle center");
        auto r = readNumber(report, *radius, what + " circle radius");
        if (!at || !r) return false;
        if (*r <= 0.0) {
            report.error(*radius,
                         what + " circle radius must be more than zero (got " + radius->text() + ")");
            return false;
        }
        part.shape.circles.push_back({*at, *r});
        return true;
    }
    auto polygon = readPolygon(report, coordinates, what);
    if (!polygon) return false;
    part.shape.polygons.push_back(std::move(*polygon));
    return true;
}

/// A MultiPolygon: every polygon, each read (and reported) even after a bad one.
bool readMultiPolygon(FeatureReport& report, const JsonValue& coordinates, const std::string& what,
                      GeometryPart& part) {
    if (!coordinates.isArray()) {
        report.error(coordinates,
                     what + " coordinates must be a list of polygons, not " + coordinates.describe());
        return false;
    }
    bool good = true;
    for (std::size_t i = 0; i < coordinates.size(); ++i) {
        auto polygon = readPolygon(report, coordinates[i], what + " polygon " + std::to_string(i + 1));
        if (polygon)
            part.shape.polygons.push_back(std::move(*polygon));
        else
            good = false;
    }
    if (!good) return false;
    if (part.shape.polygons.empty()) {
        report.error(coordinates, what + " holds no polygon");
        return false;
    }
    return true;
}

/// A Point with a radius: ED-318's extent, a 'radius' property or the mapping's point-radius.
bool readPointGeometry(FeatureReport& report, const JsonValue& geometry, const JsonValue& coordinates,
                       const std::string& what, std::optional<double> radius, GeometryPart& part) {
    auto at = readPosition(report, coordinates, what);
    if (!at) return false;
    // ED-318's circle: a point with a horizontal extent
    if (auto extent = geometry.get("extent")) {
        const auto subType = extent->get("subType");
        const auto r = extent->get("radius");
        if (!subType || subType->text() != "Circle" || !r) {
            report.error(*extent, what + " extent must be {\"subType\": \"Circle\", \"radius\": ...}");
            return false;
        }
        radius = readNumber(report, *r, what + " extent radius");
        if (!radius) return false;
        // the radius is in the unit of the layer's heights, as ED-269's is in uomDimensions
        if (part.layer && part.layer->isObject())
            if (auto uom = part.layer->get("uom"); uom && (uom->text() == "ft" || uom->text() == "FT"))
                radius = feetToMetres(*radius);
    }
    if (!radius) {
        report.error(
            geometry, what + " is a point, which has no area",
            "a circle is a Point with \"extent\": {\"subType\": \"Circle\", \"radius\": ...} (ED-318), "
            "or a 'radius' property");
        return false;
    }
    if (*radius <= 0.0) {
        report.error(geometry, what + " radius must be more than zero");
        return false;
    }
    part.shape.circles.push_back({*at, *radius});
    return true;
}

/// A LineString with a width (nofly's export): a corridor along its centre line.
bool readLineString(FeatureReport& report, const JsonValue& geometry, const JsonValue& coordinates,
                    const std::string& what, GeometryPart& part) {
    const auto width = geometry.get("width");
    if (!width) {
        report.error(geometry, what + " is a line, which has no area",
                     "give the LineString a \"width\" in metres to read it as a corridor");
        return false;
    }
    auto w = readNumber(report, *width, what + " width");
    if (!w) return false;
    if (*w <= 0.0) {
        report.error(*width, what + " width must be more than zero");
        return false;
    }
    GeoCorridor corridor;
    corridor.width = *w;
    if (!coordinates.isArray()) {
        report.error(coordinates, what + " coordinates must be a list of positions");
        return false;
    }
    for (std::size_t i = 0; i < coordinates.size(); ++i) {
        auto p = readPosition(report, coordinates[i], what + " point " + std::to_string(i + 1));
        if (!p) return false;
        corridor.path.push_back(*p);
    }
    if (corridor.path.size() < 2) {
        report.error(coordinates, what + " has fewer than 2 points");
        return false;
    }
    part.shape.corridors.push_back(std::move(corridor));
    return true;
}

/// A GeoJSON geometry's parts; `depth` guards against collections of collections.
bool readParts(FeatureReport& report, const JsonValue& geometry, const std::string& what,
               const std::optional<double>& pointRadius, std::vector<GeometryPart>& parts, int depth) {
    if (!geometry.isObject()) {
        report.error(geometry, what + " must be a GeoJSON geometry object, not " + geometry.describe());
        return false;
    }
    const auto type = geometry.get("type");
    const std::string kind = type && type->isScalar() ? type->text() : "";
    if (kind == "GeometryCollection") {
        const auto geometries = geometry.get("geometries");
        if (!geometries || !geometries->isArray()) {
            report.error(geometry, what + " has no 'geometries' list");
            return false;
        }
        if (depth > 0) {
            report.error(geometry, what + " is a collection inside a collection",
                         "list the geometries side by side");
            return false;
        }
        bool good = true;
        for (std::size_t i = 0; i < geometries->size(); ++i)
            good = readParts(report, (*geometries)[i], what + " " + std::to_string(i + 1), pointRadius, parts,
                             depth + 1) &&
                   good;
        return good;
    }
    GeometryPart part;
    part.line = geometry.line();
    part.layer = geometry.get("layer");
    const auto coordinates = geometry.get("coordinates");
    if (!coordinates) {
        report.error(geometry, what + " has no 'coordinates'");
        return false;
    }
    bool read = false;
    if (kind == "Polygon")
        read = readPolygonGeometry(report, geometry, *coordinates, what, part);
    else if (kind == "MultiPolygon")
        read = readMultiPolygon(report, *coordinates, what, part);
    else if (kind == "Point")
        read = readPointGeometry(report, geometry, *coordinates, what, pointRadius, part);
    else if (kind == "LineString")
        read = readLineString(report, geometry, *coordinates, what, part);
    else
        report.error(type ? *type : geometry,
                     what + " type " + (type ? type->describe() : std::string("(none)")) + " is not an area",
                     "expected Polygon, MultiPolygon, GeometryCollection, or a Point with a radius");
    if (!read) return false;
    parts.push_back(std::move(part));
    return true;
}

/// A text, a number or a list of words as strings, for property values.
std::vector<JsonValue> wordsOf(const JsonValue& value) {
    std::vector<JsonValue> words;
    if (value.isArray())
        for (std::size_t i = 0; i < value.size(); ++i)
            words.push_back(value[i]);
    else if (!isBlank(value))
        words.push_back(value);
    return words;
}

/// A floor or ceiling property: an altitude text, a flight level, a number of metres AGL.
bool readHeightProperty(FeatureReport& report, const JsonValue& value, const std::string& what, bool ceiling,
                        GeoZone& zone) {
    if (!value.isScalar()) {
        report.error(value, what + " must be an altitude such as \"120 m AGL\", not " + value.describe());
        return false;
    }
    const std::string& text = value.text();
    if (ceiling && (text == "unlimited" || text == "UNL")) {
        zone.altitude.ceiling.reset();
        return true;
    }
    std::string note;
    auto parsed = parseLevelOrAltitude(text, note);
    if (auto* e = std::get_if<core::ParseError>(&parsed)) {
        report.error(value, what + ": " + e->message, e->hint);
        return false;
    }
    if (!note.empty()) zone.notes.push_back(note);
    if (ceiling)
        zone.altitude.ceiling = std::get<core::Altitude>(parsed);
    else
        zone.altitude.floor = std::get<core::Altitude>(parsed);
    return true;
}

/// nofly's own schedule properties: windows [{from, to}], weekly [{days, from, to}] at utc-offset.
bool readScheduleProperties(FeatureReport& report, const JsonValue& properties, GeoZone& zone) {
    bool good = true;
    int offset = 0;
    if (auto o = properties.get("utc-offset"); o && !isBlank(*o)) {
        auto parsed = core::parseInstant("1970-01-01T00:00" + o->text(), core::TimeContext{});
        if (auto* t = std::get_if<core::Instant>(&parsed))
            offset = static_cast<int>(-*t / 60000);
        else {
            report.error(*o, "utc-offset " + o->describe() + " is not an offset such as \"+02:00\"");
            good = false;
        }
    }
    if (auto windows = properties.get("windows"); windows && !isBlank(*windows)) {
        for (std::size_t i = 0; windows->isArray() && i < windows->size(); ++i) {
            const JsonValue w = (*windows)[i];
            const std::string what = "window " + std::to_string(i + 1);
            GeoPeriod period;
            if (auto from = w.get("from"); from && !isBlank(*from)) {
                if (auto t = readDateTime(report, *from, what + " from"))
                    period.from = *t;
                else
                    good = false;
            }
            if (auto to = w.get("to"); to && !isBlank(*to)) {
                if (auto t = readDateTime(report, *to, what + " to"))
                    period.to = *t;
                else
                    good = false;
            }
            if (period.from || period.to) zone.schedule.periods.push_back(period);
        }
    }
    if (auto weekly = properties.get("weekly"); weekly && !isBlank(*weekly)) {
        GeoPeriod period;
        for (std::size_t i = 0; weekly->isArray() && i < weekly->size(); ++i) {
            const JsonValue w = (*weekly)[i];
            const std::string what = "weekly slot " + std::to_string(i + 1);
            GeoWeeklySlot slot;
            slot.utcOffsetMinutes = offset;
            if (auto days = w.get("days"))
                for (const JsonValue& word : wordsOf(*days)) {
                    const auto it = std::find(keys::kDays.begin(), keys::kDays.end(), word.text());
                    if (it == keys::kDays.end()) {
                        report.error(word, what + " day " + word.describe() + " is not a day",
                                     core::suggestion(word.text(), keys::kDays));
                        good = false;
                    } else if (*it == "weekdays")
                        slot.days.insert(slot.days.end(), {0, 1, 2, 3, 4});
                    else if (*it == "weekend")
                        slot.days.insert(slot.days.end(), {5, 6});
                    else if (*it == "daily")
                        slot.days = {0, 1, 2, 3, 4, 5, 6};
                    else
                        slot.days.push_back(static_cast<int>(it - keys::kDays.begin()));
                }
            auto clock = [&](const char* key, core::Millis fallback) -> std::optional<core::Millis> {
                auto t = w.get(key);
                if (!t || isBlank(*t)) return fallback;
                if (t->text() == "24:00") return 24LL * 3600 * 1000;
                auto parsed = core::parseInstant("1970-01-01T" + t->text() + "Z", core::TimeContext{});
                if (auto* at = std::get_if<core::Instant>(&parsed)) return *at;
                report.error(*t, what + " " + key + " " + t->describe() +
                                     " is not a clock time such as \"08:00\"");
                return std::nullopt;
            };
            auto from = clock("from", 0);
            auto to = clock("to", 24LL * 3600 * 1000);
            if (!from || !to) {
                good = false;
                continue;
            }
            slot.from = *from;
            slot.to = *to <= *from ? *to + 24LL * 3600 * 1000 : *to;
            std::sort(slot.days.begin(), slot.days.end());
            slot.days.erase(std::unique(slot.days.begin(), slot.days.end()), slot.days.end());
            period.weekly.push_back(slot);
        }
        if (!period.weekly.empty()) zone.schedule.periods.push_back(period);
    }
    return good;
}

/// The Point features left out for want of a radius: one warning for the file.
struct PointsLeftOut {
    std::vector<std::string> features; ///< "feature 2 'EXAMPLE_MEADOW'"
    std::vector<std::string> names;    ///< "'EXAMPLE_MEADOW'", or "feature 2" when it has none
    int line = 0, column = 0;          ///< the first one's geometry

    void add(const std::string& what, const std::string& written, const JsonValue& geometry) {
        if (features.empty()) {
            line = geometry.line();
            column = geometry.column();
        }
        features.push_back(what);
        names.push_back(written.empty() ? what : "'" + written + "'");
    }

    void report(Importer& importer) const {
        if (features.empty()) return;
        std::string message;
        if (features.size() == 1) {
            message = features[0] + " is a Point, which has no area: it is left out";
        } else {
            message = std::to_string(features.size()) +
                      " features are Points, which have no area: they are left out (" + features[0] + " here";
            for (std::size_t i = 1; i < features.size() && i < 4; ++i)
                message += ", " + names[i];
            if (features.size() > 4) message += " and " + std::to_string(features.size() - 4) + " more";
            message += ")";
        }
        importer.result().diagnostics.warning(
            importer.at(line, column), message,
            "to read points as circles, give them a radius: 'point-radius: 100 m' in a mapping file "
            "(--mapping, or 'mapping:' in an include), or a \"radius\" property on the feature");
        importer.result().skipped += features.size();
    }
};

/// Whether a geometry is a Point that nothing gives a radius (GeoJSON's own
/// points: flying sites, helipads; an ED-318 circle has its extent).
bool pointWithoutRadius(const JsonValue& geometry, const std::optional<double>& radius) {
    if (radius || !geometry.isObject() || geometry.get("extent")) return false;
    const auto type = geometry.get("type");
    return type && type->isScalar() && type->text() == "Point" && geometry.get("coordinates");
}

/// A feature's properties, read by key; a null value reads as absent.
struct Properties {
    std::optional<JsonValue> object;

    std::optional<JsonValue> operator()(const std::string& key) const {
        if (key.empty() || !object || !object->isObject()) return std::nullopt;
        auto value = object->get(key);
        if (value && value->isNull()) return std::nullopt;
        return value;
    }
};

/// The mapping's key for a property, or nofly's own.
std::string keyOf(const Mapping* mapping, const std::string& mapped, const std::string& own) {
    return mapping && !mapped.empty() ? mapped : own;
}

/// The feature's name in messages: the mapping's id property, its id, its id or identifier property, else
/// its name.
std::string writtenName(const JsonValue& feature, const Properties& property, const Mapping* mapping,
                        const std::optional<JsonValue>& nameValue) {
    std::string written;
    if (mapping && !mapping->id.empty()) {
        if (auto v = property(mapping->id)) written = v->text();
    } else if (auto id = feature.isObject() ? feature.get("id") : std::nullopt; id && id->isScalar()) {
        written = id->text();
    } else if (auto idProperty = property("id")) {
        written = idProperty->text();
    } else if (auto identifier = property("identifier")) {
        written = identifier->text();
    }
    if (written.empty() && nameValue) written = nameValue->text();
    return written;
}

/// The settings of the mapping: its defaults, then the feature's class.
void applyMapping(FeatureReport& report, const JsonValue& feature, const Properties& property,
                  const Mapping& mapping, GeoZone& zone) {
    apply(mapping.defaults, zone);
    if (mapping.classProperty.empty()) return;
    const auto value = property(mapping.classProperty);
    const std::string cls = value ? value->text() : "";
    if (const ZoneSettings* settings = mapping.find(cls)) {
        apply(*settings, zone);
    } else if (!mapping.defaults.restriction) {
        std::vector<std::string> known;
        for (const auto& [name, s] : mapping.classes)
            known.push_back(name);
        report.error(value ? *value : feature,
                     mapping.classProperty + " " + (value ? value->describe() : std::string("(none)")) +
                         " is not one of the mapping's classes",
                     "add it under 'classes:' in " + mapping.file +
                         ", or give 'default: {restriction: ...}'; " + core::suggestion(cls, known));
    }
}

/// The restriction property; whether anything (it, or the mapping) said what the zone is.
bool readRestriction(FeatureReport& report, const Properties& property, const Mapping* mapping,
                     GeoZone& zone) {
    bool given = mapping && (mapping->defaults.restriction || !mapping->classProperty.empty());
    if (auto r = property("restriction")) {
        if (auto restriction = anyRestriction(r->text())) {
            zone.restriction = *restriction;
            given = true;
        } else {
            report.error(*r, "restriction " + r->describe() + " is not a restriction",
                         "expected one of: prohibited, authorisation, conditional, no-restriction (or the "
                         "ED-269 words)");
        }
    }
    return given;
}

/// The feature's own properties after its restriction, by the mapping's names or nofly's: reasons,
/// message, heights, timetable, validity, exemptions.
void readZoneProperties(FeatureReport& report, const JsonValue& feature, const Properties& property,
                        const Mapping* mapping, GeoZone& zone) {
    if (auto reasons = property("reason")) {
        zone.reasons.clear();
        for (const JsonValue& word : wordsOf(*reasons)) {
            if (auto reason = anyReason(word.text()))
                zone.reasons.push_back(*reason);
            else
                report.error(word, "reason " + word.describe() + " is not a reason",
                             core::suggestion(word.text(), keys::kReasons));
        }
    }
    if (auto message = property(keyOf(mapping, mapping ? mapping->message : "", "message")))
        zone.message = message->text();
    if (auto floor = property(keyOf(mapping, mapping ? mapping->floor : "", "floor")))
        readHeightProperty(report, *floor, "floor", false, zone);
    if (auto ceiling = property(keyOf(mapping, mapping ? mapping->ceiling : "", "ceiling")))
        readHeightProperty(report, *ceiling, "ceiling", true, zone);
    if (property.object && property.object->isObject())
        readScheduleProperties(report, *property.object, zone);
    if (mapping && (!mapping->from.empty() || !mapping->to.empty())) {
        GeoPeriod period;
        if (auto from = property(mapping->from); from && !isBlank(*from))
            period.from = readDateTime(report, *from, mapping->from);
        if (auto to = property(mapping->to); to && !isBlank(*to))
            period.to = readDateTime(report, *to, mapping->to);
        if (period.from && period.to && *period.to <= *period.from)
            report.error(*property(mapping->to), mapping->to + " is not after " + mapping->from);
        if (period.from || period.to) zone.schedule.periods.push_back(period);
    }
    if (auto exempt = property("exempt"))
        for (const JsonValue& word : wordsOf(*exempt))
            zone.exempt.push_back(word.text());
    if (zone.altitude.ceiling && zone.altitude.ceiling->ref == zone.altitude.floor.ref &&
        zone.altitude.ceiling->metres <= zone.altitude.floor.metres)
        report.error(feature, "ceiling (" + describeAltitude(*zone.altitude.ceiling) +
                                  ") is not above its floor (" + describeAltitude(zone.altitude.floor) + ")");
}

/// The radius a Point stands for: the feature's radius property, else the mapping's point-radius.
std::optional<double> pointRadiusOf(FeatureReport& report, const Properties& property,
                                    const Mapping* mapping) {
    std::optional<double> radius;
    if (auto r = property("radius")) {
        auto parsed = core::parseQuantity(r->text(), core::Dimension::Length);
        if (auto* metres = std::get_if<double>(&parsed))
            radius = *metres;
        else if (const auto& error = std::get<core::ParseError>(parsed); r->isScalar())
            report.error(*r, "radius: " + error.message, error.hint);
        else
            report.error(*r, "radius " + r->describe() + " is not a length",
                         "write metres, or a length such as \"5 km\"");
    }
    if (!radius && mapping) radius = mapping->pointRadius;
    return radius;
}

void readFeature(Importer& importer, const JsonValue& feature, std::size_t index, const Mapping* mapping,
                 bool& warnedDefaults, PointsLeftOut& points) {
    const Properties property{feature.isObject() ? feature.get("properties") : std::nullopt};
    const auto nameValue = property(keyOf(mapping, mapping ? mapping->name : "", "name"));
    const std::string written = writtenName(feature, property, mapping, nameValue);
    FeatureReport report(importer, feature, index, written);
    if (!report.isObject(feature, "a GeoJSON Feature object")) return;
    if (auto type = feature.get("type"); type && type->text() != "Feature") {
        report.error(*type, "type " + type->describe() + " is not \"Feature\"");
        report.finish({});
        return;
    }

    GeoZone zone;
    zone.name =
        nameValue && nameValue->isScalar() && !nameValue->text().empty() ? nameValue->text() : written;
    if (mapping) applyMapping(report, feature, property, *mapping, zone);
    if (!readRestriction(report, property, mapping, zone) && !warnedDefaults) {
        warnedDefaults = true;
        importer.result().diagnostics.warning(
            importer.at(feature.line(), feature.column()),
            "the features have no 'restriction' property and no mapping file says what they mean: every zone "
            "is read "
            "as prohibited, from the ground up, always in force",
            "give a mapping file (--mapping, or 'mapping:' in an include) to read this file's properties");
    }
    readZoneProperties(report, feature, property, mapping, zone);

    // the area; a point is a circle of the feature's radius, else the mapping's
    const std::optional<double> radius = pointRadiusOf(report, property, mapping);
    const auto geometry = feature.get("geometry");
    if (geometry && !report.failed() && pointWithoutRadius(*geometry, radius)) {
        // a point with no radius has no area: left out, and said once for the file
        points.add(report.what(), written, *geometry);
        report.finish({});
        return;
    }
    if (!geometry || geometry->isNull()) {
        report.error(feature, "has no geometry", "a zone needs an area: a Polygon or a MultiPolygon");
    } else if (auto parts = readGeometry(report, *geometry, "geometry", radius)) {
        for (const GeometryPart& part : *parts)
            merge(zone.shape, part.shape);
    }
    if (report.failed()) {
        report.finish({});
        return;
    }
    zone.id = importer.uniqueId(written.empty() ? "zone-" + std::to_string(index + 1) : written);
    if (zone.name.empty()) zone.name = zone.id;
    report.finish({std::move(zone)});
}

} // namespace

std::optional<std::vector<GeometryPart>> readGeometry(FeatureReport& report, const JsonValue& geometry,
                                                      const std::string& what,
                                                      const std::optional<double>& pointRadius) {
    std::vector<GeometryPart> parts;
    if (!readParts(report, geometry, what, pointRadius, parts, 0)) return std::nullopt;
    if (parts.empty()) {
        report.error(geometry, what + " holds no area");
        return std::nullopt;
    }
    return parts;
}

void readGeoJson(Importer& importer, const JsonDocument& document, const Mapping* mapping) {
    const JsonValue root = document.root();
    bool warnedDefaults = false;
    PointsLeftOut points;
    if (!root.isObject()) {
        importer.fileError(root.line(), root.column(), "this is not a GeoJSON file",
                           "GeoJSON is an object: a FeatureCollection, a Feature or a geometry");
        return;
    }
    const auto type = root.get("type");
    const std::string kind = type ? type->text() : "";
    if (auto features = root.get("features"); features && (kind.empty() || kind == "FeatureCollection")) {
        if (!features->isArray()) {
            importer.fileError(features->line(), features->column(), "'features' must be a list");
            return;
        }
        for (std::size_t i = 0; i < features->size(); ++i)
            readFeature(importer, (*features)[i], i, mapping, warnedDefaults, points);
        if (features->size() == 0)
            importer.result().diagnostics.warning(importer.at(features->line(), features->column()),
                                                  "the file holds no features");
        points.report(importer);
    } else if (kind == "Feature") {
        readFeature(importer, root, 0, mapping, warnedDefaults, points);
        points.report(importer);
    } else if (!kind.empty()) {
        // a bare geometry: one zone, with nothing to say what it is
        FeatureReport report(importer, "the geometry", root.line(), root.column());
        GeoZone zone;
        if (mapping)
            apply(mapping->defaults, zone);
        else
            importer.result().diagnostics.warning(
                importer.at(root.line(), root.column()),
                "the file is a bare geometry: its zone is read as prohibited, from "
                "the ground up, always in force");
        if (auto parts =
                readGeometry(report, root, "geometry", mapping ? mapping->pointRadius : std::nullopt))
            for (const GeometryPart& part : *parts)
                merge(zone.shape, part.shape);
        zone.id = importer.uniqueId("zone");
        zone.name = zone.id;
        report.finish(report.failed() ? std::vector<GeoZone>{} : std::vector<GeoZone>{std::move(zone)});
    } else {
        importer.fileError(root.line(), root.column(), "this is not a GeoJSON file",
                           "GeoJSON has a 'type': FeatureCollection, Feature or a geometry");
    }
}

} // namespace nofly::scenario::importing
