// ED-318 (EUROCAE, 2023), the GeoJSON successor of ED-269: a
// FeatureCollection of GeoZones whose geometries carry a "layer" (vertical
// limits over AGL, AMSL or the WGS84 ellipsoid, in m or ft) and whose circles
// are Points with a horizontal "extent". The properties hold the identifier,
// the name and other texts in several languages ([{"text", "lang"}], one
// picked with --lang), the zone type (REQ_AUTHORIZATION spelled with a Z),
// reasons, and limitedApplicability periods with weekly schedules in UTC.
//
// EUROCONTROL's examples also show the parts of a GeoZone on their own (its
// properties, a TimePeriod, a ZoneAuthority): such a file is read and
// checked, and holds no zone.
//
// An upper limit of 99999 is ED-318's "no ceiling", read as none. National
// downloads bend the standard (Spain's ENAIRE: the zone under
// properties.UASZone, the limits in properties.verticalLayer with "UOM": "",
// a day as a text, empty dates): each deviation is noted and the file read
// as if it were standard; the import then reports each kind once, as an
// error, or with --lenient as a warning.
#include "scenario/import_formats.hpp"

#include <algorithm>
#include <cctype>

namespace nofly::scenario::importing {

namespace {

/// Whether a language tag is the one asked for: "en" matches "en-GB".
bool matchesLanguage(const std::string& tag, const std::string& wanted) {
    if (wanted.empty() || tag.size() < wanted.size()) return false;
    for (std::size_t i = 0; i < wanted.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(tag[i])) !=
            std::tolower(static_cast<unsigned char>(wanted[i])))
            return false;
    return tag.size() == wanted.size() || tag[wanted.size()] == '-' || tag[wanted.size()] == '_';
}

/// A text in several languages, [{"text": ..., "lang": ...}]: the one in the
/// language asked for, else the first. A plain string is taken as it is.
std::optional<std::string> readTexts(FeatureReport& report, const JsonValue& value, const std::string& what) {
    if (value.isScalar()) return value.text();
    if (!value.isArray()) {
        report.error(value, what + " must be a list of texts [{\"text\": ..., \"lang\": ...}], not " +
                                value.describe());
        return std::nullopt;
    }
    const std::string& wanted = report.importer().options().lang;
    std::optional<std::string> first, chosen;
    bool good = true;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const JsonValue item = value[i];
        const auto text = item.isObject() ? item.get("text") : std::nullopt;
        const auto lang = item.isObject() ? item.get("lang") : std::nullopt;
        if (!text || !text->isScalar()) {
            report.error(item, what + " " + std::to_string(i + 1) + " has no 'text'");
            good = false;
            continue;
        }
        if (!lang || isBlank(*lang)) {
            report.error(item, what + " \"" + text->text() + "\" has no 'lang'",
                         "ED-318 gives every text its language, such as \"lang\": \"en-GB\"");
            good = false;
            continue;
        }
        if (!first) first = text->text();
        if (!chosen && matchesLanguage(lang->text(), wanted)) chosen = text->text();
    }
    if (!good) return std::nullopt;
    return chosen ? chosen : first;
}

/// The properties of a GeoZone into a zone without its shape and limits.
void readProperties(FeatureReport& report, const JsonValue& properties, GeoZone& zone) {
    if (auto name = properties.get("name"); name && !isBlank(*name))
        zone.name = readTexts(report, *name, "name").value_or("");
    if (auto type = properties.get("type")) {
        std::string hint;
        if (auto r = standardRestriction(type->text(), ImportFormat::Ed318, hint)) {
            zone.restriction = *r;
            if (type->text() == "USPACE")
                zone.notes.push_back("ED-318 type USPACE (a U-space airspace) read as conditional");
        } else {
            report.error(*type, "type " + type->describe() + " is not an ED-318 zone type", hint);
        }
    } else {
        report.error(properties, "has no 'type'",
                     "the zone type: PROHIBITED, REQ_AUTHORIZATION, CONDITIONAL, NO_RESTRICTION or USPACE");
    }
    if (auto reasons = properties.get("reason"); reasons && !isBlank(*reasons)) {
        for (std::size_t i = 0; i < (reasons->isArray() ? reasons->size() : 1); ++i) {
            const JsonValue word = reasons->isArray() ? (*reasons)[i] : *reasons;
            if (auto r = standardReason(word.text())) {
                if (std::find(zone.reasons.begin(), zone.reasons.end(), *r) == zone.reasons.end())
                    zone.reasons.push_back(*r);
            } else {
                report.error(word, "reason " + word.describe() + " is not an ED-318 reason",
                             "expected one of: AIR_TRAFFIC, SENSITIVE, PRIVACY, POPULATION, NATURE, NOISE, "
                             "FOREIGN_TERRITORY, EMERGENCY, OTHER");
            }
        }
    }
    if (auto message = properties.get("message"); message && !isBlank(*message))
        zone.message = readTexts(report, *message, "message").value_or("");
    // without a message, the words on the reason ("Castle and nature reserve") tell the operator most
    if (auto info = properties.get("otherReasonInfo"); info && !isBlank(*info)) {
        auto text = readTexts(report, *info, "otherReasonInfo");
        if (zone.message.empty() && text) zone.message = *text;
    }
    if (auto periods = properties.get("limitedApplicability"); periods && !isBlank(*periods)) {
        if (!periods->isArray()) {
            report.error(*periods,
                         "limitedApplicability must be a list of time periods, not " + periods->describe());
        } else {
            for (std::size_t i = 0; i < periods->size(); ++i) {
                const std::string what = "limitedApplicability " + std::to_string(i + 1);
                if (auto period = readTimePeriod(report, (*periods)[i], what)) {
                    if (!period->from && !period->to && period->weekly.empty())
                        report.error((*periods)[i], what + " gives no times",
                                     "a time period has a startDateTime, an endDateTime or a schedule");
                    else
                        zone.schedule.periods.push_back(std::move(*period));
                }
            }
        }
    }
}

/// Each geometry of a feature over its layer: the geometry's own, the geometry collection's, or (a
/// national download's deviation) the properties' verticalLayer; a circle's radius in its layer's unit.
std::vector<Layer> readVolumes(Importer& importer, FeatureReport& report, const JsonValue& geometry,
                               const std::optional<JsonValue>& propertiesLayer,
                               std::vector<std::string>& notes) {
    std::vector<Layer> layers;
    const auto parts = readGeometry(report, geometry, "geometry");
    if (!parts) return layers;
    const auto outerLayer = geometry.isObject() ? geometry.get("layer") : std::nullopt;
    for (std::size_t i = 0; i < parts->size(); ++i) {
        const GeometryPart& part = (*parts)[i];
        std::string what = parts->size() == 1 ? "layer" : "geometry " + std::to_string(i + 1) + " layer";
        auto layer = part.layer ? part.layer : outerLayer;
        const char* unitKey = "uom";
        if (!layer && propertiesLayer) {
            importer.deviation(Deviation::PropertiesLayer, *propertiesLayer);
            layer = propertiesLayer;
            what = "verticalLayer";
            // the download writes its unit's key UOM
            if (layer->isObject() && !layer->get("uom") && layer->get("UOM")) unitKey = "UOM";
        }
        if (!layer || !layer->isObject()) {
            report.error(layer ? *layer : geometry, what + (layer ? " must be an object" : " is missing"),
                         "ED-318 gives each geometry a layer: {upper, upperReference, lower, "
                         "lowerReference, uom}");
            continue;
        }
        // a circle's radius is in its layer's unit; readGeometry knew only the part's own layer
        GeoShape shape = part.shape;
        if (auto uom = layer->get(unitKey);
            !part.layer && uom && (uom->text() == "ft" || uom->text() == "FT"))
            for (GeoCircle& circle : shape.circles)
                circle.radius = feetToMetres(circle.radius);
        if (auto limits = readLimits(report, *layer,
                                     {"lower", "lowerReference", "upper", "upperReference", unitKey, 99999.0},
                                     what, notes))
            addVolume(layers, *limits, shape, part.line);
    }
    return layers;
}

void readFeature(Importer& importer, const JsonValue& feature, std::size_t index) {
    const auto outer = feature.isObject() ? feature.get("properties") : std::nullopt;
    // a national download may put the zone's fields under properties.UASZone
    const auto nested = outer && outer->isObject() ? outer->get("UASZone") : std::nullopt;
    const bool isNested = nested && nested->isObject() && !outer->get("identifier");
    const auto properties = isNested ? nested : outer;
    const auto identifier =
        properties && properties->isObject() ? properties->get("identifier") : std::nullopt;
    const std::string written = identifier && identifier->isScalar() ? identifier->text() : "";
    FeatureReport report(importer, feature, index, written);
    if (!report.isObject(feature, "a GeoJSON Feature object")) return;
    if (auto type = feature.get("type"); type && type->text() != "Feature")
        report.error(*type, "type " + type->describe() + " is not \"Feature\"");
    if (isNested) importer.deviation(Deviation::NestedZone, *nested);
    GeoZone base;
    if (!properties || !properties->isObject()) {
        report.error(feature, "has no 'properties'",
                     "an ED-318 GeoZone's identifier, type and texts are its properties");
    } else {
        readProperties(report, *properties, base);
        if (!identifier) report.error(*properties, "has no 'identifier'");
    }
    if (base.name.empty()) base.name = written;

    // a national download may give the limits in the properties, for all the geometries
    std::optional<JsonValue> propertiesLayer;
    for (const auto& holder : {properties, outer})
        if (!propertiesLayer && holder && holder->isObject()) propertiesLayer = holder->get("verticalLayer");

    // the geometries, each over its layer
    std::vector<Layer> layers;
    if (const auto geometry = feature.get("geometry"))
        layers = readVolumes(importer, report, *geometry, propertiesLayer, base.notes);
    else
        report.error(feature, "has no 'geometry'");
    if (report.failed()) {
        report.finish({});
        return;
    }
    report.finish(zonesOfLayers(importer, base, std::move(layers), written, index));
}

/// The dataset's validity dates must be dates: they are checked, not applied.
void checkMetadata(Importer& importer, const JsonValue& metadata) {
    if (!metadata.isObject()) {
        importer.fileError(metadata.line(), metadata.column(),
                           "metadata must be an object, not " + metadata.describe());
        return;
    }
    for (const char* key : {"validFrom", "validTo", "issued"}) {
        const auto value = metadata.get(key);
        if (!value || isBlank(*value)) continue;
        if (!value->isScalar()) {
            importer.fileError(value->line(), value->column(),
                               std::string("metadata ") + key +
                                   " must be a date and time such as "
                                   "\"2018-12-31T15:59:59Z\", not " +
                                   value->describe());
            continue;
        }
        auto parsed = core::parseInstant(value->text(), core::TimeContext{});
        if (auto* e = std::get_if<core::ParseError>(&parsed))
            importer.fileError(value->line(), value->column(),
                               std::string("metadata ") + key + ": " + e->message, e->hint);
    }
}

/// A file holding one part of a GeoZone: read it, check it, keep what it says.
void readPart(Importer& importer, const JsonValue& root) {
    ImportResult& result = importer.result();
    const bool properties = root.get("identifier") || root.get("type");
    const bool authority = !properties && (root.get("purpose") || root.get("name"));
    result.part = properties  ? "the properties of an ED-318 GeoZone"
                  : authority ? "an ED-318 ZoneAuthority"
                              : "an ED-318 TimePeriod";
    FeatureReport report(importer,
                         properties  ? "the GeoZone properties"
                         : authority ? "the zone authority"
                                     : "the time period",
                         root.line(), root.column());
    --result.features; // a part is not a feature
    GeoZone& partial = result.partial;
    if (properties) {
        readProperties(report, root, partial);
        if (auto id = root.get("identifier")) partial.id = id->text();
    } else if (authority) {
        if (auto name = root.get("name")) partial.name = readTexts(report, *name, "name").value_or("");
        if (auto purpose = root.get("purpose")) partial.message = purpose->text();
    } else if (auto period = readTimePeriod(report, root, "its")) {
        partial.schedule.periods.push_back(*period);
    }
    report.finish({});
    result.diagnostics.warning(importer.at(root.line(), root.column()),
                               "the file holds " + result.part + " alone, not zones: nothing to import",
                               "a GeoZone is a Feature with a geometry and these properties");
}

} // namespace

void readEd318(Importer& importer, const JsonDocument& document) {
    const JsonValue root = document.root();
    if (!root.isObject()) {
        importer.fileError(root.line(), root.column(), "this is not an ED-318 file",
                           "ED-318 is a GeoJSON FeatureCollection of GeoZones");
        return;
    }
    if (auto metadata = root.get("metadata")) checkMetadata(importer, *metadata);
    const auto type = root.get("type");
    const std::string kind = type ? type->text() : "";
    if (auto features = root.get("features")) {
        if (!kind.empty() && kind != "FeatureCollection")
            importer.fileError(type->line(), type->column(),
                               "type " + type->describe() + " is not \"FeatureCollection\"");
        if (!features->isArray()) {
            importer.fileError(features->line(), features->column(), "'features' must be a list");
            return;
        }
        for (std::size_t i = 0; i < features->size(); ++i)
            readFeature(importer, (*features)[i], i);
        if (features->size() == 0)
            importer.result().diagnostics.warning(importer.at(features->line(), features->column()),
                                                  "the file holds no GeoZones");
    } else if (kind == "Feature") {
        readFeature(importer, root, 0);
    } else {
        readPart(importer, root);
    }
}

} // namespace nofly::scenario::importing
