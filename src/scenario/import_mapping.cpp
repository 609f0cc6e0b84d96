// The mapping file of a GeoJSON or OpenAir import: a small YAML file that
// says which GeoJSON property holds a zone's id, name, message, limits and
// times, and what each class of zone means (a property's value in GeoJSON,
// the airspace type in OpenAir). Read with the scenario's own reader, so a
// mistake in it is reported like one in a scenario, with its line.
//
//   class: type                                 # GeoJSON: the property that picks a class
//   name: name
//   from: timeBegin
//   to: timeEnd
//   point-radius: 100 m                         # GeoJSON: Point features become circles
//   default: {restriction: prohibited}
//   classes:
//     R: {restriction: prohibited}
//     L: {restriction: authorisation, floor: 50 m AGL}
#include "core/encoding.hpp"
#include "scenario/import_formats.hpp"
#include "scenario/keys.hpp"
#include "scenario/reader.hpp"
#include "scenario/text_file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace nofly::scenario::importing {

namespace {

constexpr std::size_t kMaxMappingBytes = 1u << 20;

/// Settings: restriction, reason, floor, ceiling, message.
std::optional<ZoneSettings> readSettings(Context& context, const Source& source, const std::string& what) {
    MapReader m(context, source, what, keys::kMappingSettings);
    if (!m.ok()) return std::nullopt;
    ZoneSettings settings;
    bool good = !m.hadUnknownKeys();
    if (auto r = m.get("restriction")) {
        if (auto restriction = readEnum<Restriction>(context, *r, what + " restriction"))
            settings.restriction = *restriction;
        else
            good = false;
    }
    if (auto reasons = m.get("reason")) {
        settings.reasons.emplace();
        for (const Source& word : readWords(context, *reasons, what + " reason")) {
            if (auto reason = readEnum<Reason>(context, word, what + " reason"))
                settings.reasons->push_back(*reason);
            else
                good = false;
        }
    }
    auto altitude = [&](const char* key, bool ceiling) {
        auto s = m.get(key);
        if (!s) return;
        auto text = readString(context, *s, what + " " + key);
        if (!text) return void(good = false);
        if (ceiling && *text == "unlimited") {
            settings.ceilingSet = true;
            return;
        }
        std::string note;
        auto parsed = parseLevelOrAltitude(*text, note);
        if (auto* e = std::get_if<core::ParseError>(&parsed)) {
            context.error(*s, what + " " + key + ": " + e->message, e->hint);
            good = false;
            return;
        }
        if (ceiling) {
            settings.ceilingSet = true;
            settings.ceiling = std::get<core::Altitude>(parsed);
        } else {
            settings.floor = std::get<core::Altitude>(parsed);
        }
    };
    altitude("floor", false);
    altitude("ceiling", true);
    if (auto message = m.get("message")) settings.message = readString(context, *message, what + " message");
    if (!good) return std::nullopt;
    return settings;
}

} // namespace

const ZoneSettings* Mapping::find(const std::string& value) const {
    for (const auto& [word, settings] : classes)
        if (word == value) return &settings;
    return nullptr;
}

void apply(const ZoneSettings& settings, GeoZone& zone) {
    if (settings.restriction) zone.restriction = *settings.restriction;
    if (settings.reasons) zone.reasons = *settings.reasons;
    if (settings.floor) zone.altitude.floor = *settings.floor;
    if (settings.ceilingSet) zone.altitude.ceiling = settings.ceiling;
    if (settings.message) zone.message = *settings.message;
}

std::optional<Mapping> readMapping(const std::string& path, const std::string& shown, const std::string& tree,
                                   ImportFormat format, core::Diagnostics& diagnostics) {
    // the file, read where its path leads and nowhere else
    FileProblem problem;
    const auto text = readTextFile(path, tree, kMaxMappingBytes, "reads as a mapping", problem);
    if (!text) {
        diagnostics.error({shown, 0, 0}, "cannot read the mapping file: " + problem.message, problem.hint);
        return std::nullopt;
    }
    if (const auto encoding = core::findEncodingProblem(*text)) {
        diagnostics.error({shown, encoding->line, encoding->column}, encoding->message, encoding->hint);
        return std::nullopt;
    }
    YAML::Node root;
    try {
        root = YAML::Load(*text);
    } catch (const YAML::Exception& e) {
        diagnostics.error({shown, std::max(1, e.mark.line + 1), std::max(1, e.mark.column + 1)},
                          "the mapping file is not valid YAML: " + e.msg);
        return std::nullopt;
    }

    // its keys
    const std::size_t errorsBefore = diagnostics.errorCount();
    Context context(diagnostics);
    Source top;
    top.node = root;
    top.file = context.internFile(shown);
    top.fallback = YAML::Mark();
    MapReader m(context, top, "the mapping", keys::kMapping);
    if (!m.ok()) return std::nullopt;
    Mapping mapping;
    mapping.file = shown;
    const std::pair<const char*, std::string*> properties[] = {
        {"id", &mapping.id},       {"name", &mapping.name},          {"message", &mapping.message},
        {"floor", &mapping.floor}, {"ceiling", &mapping.ceiling},    {"from", &mapping.from},
        {"to", &mapping.to},       {"class", &mapping.classProperty}};
    for (const auto& [key, target] : properties) {
        auto s = m.get(key);
        if (!s) continue;
        if (format == ImportFormat::OpenAir) {
            context.error(
                *s, std::string("the mapping: '") + key + "' names a GeoJSON property, and OpenAir has none",
                "for OpenAir, give 'default' and 'classes' (keyed by the AY type or the AC class)");
            continue;
        }
        *target = readString(context, *s, std::string("the mapping ") + key).value_or("");
    }
    // points (flying sites, helipads) have no area: a radius makes them circles
    if (auto s = m.get("point-radius")) {
        if (format == ImportFormat::OpenAir)
            context.error(*s,
                          "the mapping: 'point-radius' gives GeoJSON points a radius, and OpenAir has none",
                          "OpenAir draws circles with DC");
        else
            mapping.pointRadius =
                readPositive(context, *s, "the mapping point-radius", core::Dimension::Length);
    }
    if (auto defaults = m.get("default"))
        if (auto settings = readSettings(context, *defaults, "the mapping default"))
            mapping.defaults = *settings;
    if (auto classes = m.get("classes")) {
        if (!classes->node.IsMap()) {
            context.error(*classes, "the mapping classes must map each class to its settings, such as "
                                    "'R: {restriction: prohibited}', not " +
                                        describeNode(classes->node));
        } else {
            for (auto it = classes->node.begin(); it != classes->node.end(); ++it) {
                Source key = child(*classes, it->first, "");
                auto name = readString(context, key, "a class");
                if (!name) continue;
                if (mapping.find(*name)) {
                    context.error(key, "the mapping: class '" + *name + "' is written twice",
                                  "keep one of them");
                    continue;
                }
                if (auto settings =
                        readSettings(context, child(*classes, it->second, *name), "class '" + *name + "'"))
                    mapping.classes.emplace_back(*name, *settings);
            }
        }
        if (format == ImportFormat::GeoJson && mapping.classProperty.empty())
            context.error(*classes, "the mapping has classes but no 'class'",
                          "name the property whose value picks a class, such as 'class: type'");
    }
    if (diagnostics.errorCount() > errorsBefore) return std::nullopt;
    return mapping;
}

} // namespace nofly::scenario::importing
