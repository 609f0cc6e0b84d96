// ED-269 (EUROCAE, 2020), the first European exchange format for UAS
// geographical zones. A file is a bare list of zones, an object with a
// `UASZoneList`, or (as the Swiss geo-awareness data) an object with a title
// and `features`. A zone has an identifier, a name, a restriction
// (REQ_AUTHORISATION spelled with an S), reasons, a message, applicability
// periods with weekly schedules in UTC, and one or more volumes: a circle or
// a polygon between a lower and an upper limit in M or FT over AGL or AMSL.
//
// Volumes with the same limits make one zone; a zone whose volumes have
// different limits (a wedding cake around an airfield) becomes one zone a
// pair of limits, "<id>-1", "<id>-2", ...
#include "scenario/import_formats.hpp"

#include <algorithm>

namespace nofly::scenario::importing {

namespace {

/// One volume's horizontal projection: a circle (its radius in the volume's
/// unit, feet when `feet`) or a polygon.
std::optional<GeoShape> readProjection(FeatureReport& report, const JsonValue& projection, bool feet,
                                       const std::string& what) {
    if (!projection.isObject()) {
        report.error(projection, what + " must be an object with a 'type', not " + projection.describe());
        return std::nullopt;
    }
    const auto type = projection.get("type");
    const std::string kind = type ? type->text() : "";
    GeoShape shape;
    if (kind == "Circle") {
        const auto center = projection.get("center");
        const auto radius = projection.get("radius");
        if (!center || !radius) {
            report.error(projection,
                         what + " circle has no '" + std::string(center ? "radius" : "center") + "'",
                         "a circle has a center [longitude, latitude] and a radius");
            return std::nullopt;
        }
        auto at = readPosition(report, *center, what + " center");
        auto r = readNumber(report, *radius, what + " radius");
        if (!at || !r) return std::nullopt;
        const double metres = feet ? feetToMetres(*r) : *r;
        if (metres <= 0.0) {
            report.error(*radius, what + " radius must be more than zero (got " + radius->text() + ")");
            return std::nullopt;
        }
        shape.circles.push_back({*at, metres});
    } else if (kind == "Polygon") {
        const auto coordinates = projection.get("coordinates");
        if (!coordinates) {
            report.error(projection, what + " polygon has no 'coordinates'");
            return std::nullopt;
        }
        auto polygon = readPolygon(report, *coordinates, what);
        if (!polygon) return std::nullopt;
        shape.polygons.push_back(std::move(*polygon));
    } else {
        report.error(type ? *type : projection,
                     what + " type " + (type ? type->describe() : std::string("(none)")) + " is not a shape",
                     "expected Circle or Polygon");
        return std::nullopt;
    }
    return shape;
}

/// A zone's applicability: always (permanent, or none given), or periods.
std::optional<GeoSchedule> readApplicability(FeatureReport& report, const JsonValue& list) {
    GeoSchedule schedule;
    if (isBlank(list)) return schedule;
    if (!list.isArray()) {
        report.error(list, "applicability must be a list, not " + list.describe());
        return std::nullopt;
    }
    bool permanent = false;
    bool good = true;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const JsonValue item = list[i];
        const std::string what = "applicability " + std::to_string(i + 1);
        if (!item.isObject()) {
            report.error(item, what + " must be an object, not " + item.describe());
            good = false;
            continue;
        }
        if (auto p = item.get("permanent");
            p && p->isScalar() && (p->text() == "YES" || p->text() == "yes")) {
            permanent = true;
            continue;
        }
        auto period = readTimePeriod(report, item, what);
        if (!period) {
            good = false;
            continue;
        }
        if (!period->from && !period->to && period->weekly.empty()) {
            report.error(item, what + " is not permanent and gives no times",
                         "write \"permanent\": \"YES\", or a startDateTime, an endDateTime or a schedule");
            good = false;
            continue;
        }
        schedule.periods.push_back(std::move(*period));
    }
    if (!good) return std::nullopt;
    if (permanent) schedule.periods.clear(); // in force always, whatever else is listed
    return schedule;
}

/// A zone's reasons: one word or a list, each an ED-269 reason, kept once each.
void readReasons(FeatureReport& report, const JsonValue& reasons, GeoZone& zone) {
    std::vector<JsonValue> words;
    if (reasons.isArray())
        for (std::size_t i = 0; i < reasons.size(); ++i)
            words.push_back(reasons[i]);
    else
        words.push_back(reasons);
    for (const JsonValue& word : words) {
        if (auto r = standardReason(word.text())) {
            if (std::find(zone.reasons.begin(), zone.reasons.end(), *r) == zone.reasons.end())
                zone.reasons.push_back(*r);
        } else {
            report.error(word, "reason " + word.describe() + " is not an ED-269 reason",
                         "expected one of: AIR_TRAFFIC, SENSITIVE, PRIVACY, POPULATION, NATURE, NOISE, "
                         "FOREIGN_TERRITORY, EMERGENCY, OTHER");
        }
    }
}

/// A zone's volumes (its 'geometry' list), grouped by their limits.
std::vector<Layer> readVolumes(FeatureReport& report, const JsonValue& feature,
                               std::vector<std::string>& notes) {
    std::vector<Layer> layers;
    const auto geometry = feature.get("geometry");
    if (!geometry || !geometry->isArray() || geometry->size() == 0) {
        report.error(geometry ? *geometry : feature,
                     !geometry ? std::string("has no 'geometry'")
                     : geometry->isArray()
                         ? std::string("geometry lists no volume")
                         : "geometry must be a list of volumes, not " + geometry->describe(),
                     "each volume has uomDimensions, lower and upper limits and a horizontalProjection");
        return layers;
    }
    for (std::size_t v = 0; v < geometry->size(); ++v) {
        const JsonValue volume = (*geometry)[v];
        const std::string what = "geometry " + std::to_string(v + 1);
        if (!volume.isObject()) {
            report.error(volume, what + " must be an object, not " + volume.describe());
            continue;
        }
        auto limits = readLimits(
            report, volume,
            {"lowerLimit", "lowerVerticalReference", "upperLimit", "upperVerticalReference", "uomDimensions"},
            what, notes);
        const auto unit = volume.get("uomDimensions");
        const bool feet = unit && (unit->text() == "FT" || unit->text() == "ft");
        const auto projection = volume.get("horizontalProjection");
        if (!projection) {
            report.error(volume, what + " has no 'horizontalProjection'", "a Circle or a Polygon");
            continue;
        }
        auto shape = readProjection(report, *projection, feet, what);
        if (limits && shape) addVolume(layers, *limits, *shape, volume.line());
    }
    return layers;
}

void readZone(Importer& importer, const JsonValue& feature, std::size_t index) {
    const auto identifier = feature.isObject() ? feature.get("identifier") : std::nullopt;
    const auto nameValue = feature.isObject() ? feature.get("name") : std::nullopt;
    const std::string written = identifier && identifier->isScalar() ? identifier->text()
                                : nameValue && nameValue->isScalar() ? nameValue->text()
                                                                     : "";
    FeatureReport report(importer, feature, index, written);
    if (!report.isObject(feature, "an object (a UAS zone)")) return;

    // what every zone of the feature shares
    GeoZone base;
    base.name =
        nameValue && nameValue->isScalar() && !nameValue->text().empty() ? nameValue->text() : written;
    if (auto restriction = feature.get("restriction")) {
        std::string hint;
        if (auto r = standardRestriction(restriction->text(), ImportFormat::Ed269, hint))
            base.restriction = *r;
        else
            report.error(*restriction,
                         "restriction " + restriction->describe() + " is not an ED-269 restriction", hint);
    } else {
        report.error(feature, "has no 'restriction'",
                     "PROHIBITED, REQ_AUTHORISATION, CONDITIONAL or NO_RESTRICTION");
    }
    if (auto reasons = feature.get("reason"); reasons && !isBlank(*reasons))
        readReasons(report, *reasons, base);
    if (auto message = feature.get("message"); message && !isBlank(*message))
        base.message = readText(report, *message, "message").value_or("");
    // without a message, the words on the reason ("Concert Area") tell the operator most
    if (auto info = feature.get("otherReasonInfo"); info && info->isScalar() && base.message.empty())
        base.message = info->text();
    if (auto applicability = feature.get("applicability"))
        if (auto schedule = readApplicability(report, *applicability)) base.schedule = std::move(*schedule);

    // the volumes, grouped by their limits
    std::vector<Layer> layers = readVolumes(report, feature, base.notes);
    if (report.failed()) {
        report.finish({});
        return;
    }

    report.finish(zonesOfLayers(importer, base, std::move(layers), written, index));
}

} // namespace

void readEd269(Importer& importer, const JsonDocument& document) {
    const JsonValue root = document.root();
    std::optional<JsonValue> list;
    if (root.isArray())
        list = root;
    else if (root.isObject())
        list = root.get("UASZoneList") ? root.get("UASZoneList") : root.get("features");
    if (!list || !list->isArray()) {
        importer.fileError(root.line(), root.column(), "this is not an ED-269 file",
                           "ED-269 is a list of zones, or an object with a 'UASZoneList' list");
        return;
    }
    for (std::size_t i = 0; i < list->size(); ++i)
        readZone(importer, (*list)[i], i);
    if (list->size() == 0)
        importer.result().diagnostics.warning(importer.at(list->line(), list->column()),
                                              "the file lists no zones");
}

} // namespace nofly::scenario::importing
