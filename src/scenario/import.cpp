// Importing real-data files: the format detected from the content (then the
// file name), and the file read and handed to its reader. The pieces every
// reader shares are in import_values.cpp and import_shapes.cpp.
#include "scenario/import.hpp"

#include "core/encoding.hpp"
#include "core/text.hpp"
#include "scenario/import_formats.hpp"
#include "scenario/text_file.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>

namespace nofly::scenario {

namespace fs = std::filesystem;

// --- detecting the format, and the import ------------------------------------------------

namespace {

using importing::Importer;

/// Whether a GeoJSON feature has the marks of ED-318: an identifier with
/// ED-318 properties (also under properties.UASZone, as national downloads
/// put them), limits in properties.verticalLayer, or a layer or a circle
/// extent on its geometry.
bool looksLikeEd318(const JsonValue& feature) {
    if (!feature.isObject()) return false;
    if (auto geometry = feature.get("geometry"); geometry && geometry->isObject()) {
        if (geometry->get("layer") || geometry->get("extent")) return true;
        if (auto parts = geometry->get("geometries"); parts && parts->isArray())
            for (std::size_t i = 0; i < parts->size(); ++i)
                if ((*parts)[i].isObject() && (*parts)[i].get("layer")) return true;
    }
    auto properties = feature.get("properties");
    if (!properties || !properties->isObject()) return false;
    // national downloads that bend ED-318: the zone under properties.UASZone, limits in the properties
    if (properties->get("verticalLayer")) return true;
    if (auto nested = properties->get("UASZone"); nested && nested->isObject()) properties = nested;
    if (properties->get("verticalLayer")) return true;
    if (!properties->get("identifier")) return false;
    if (properties->get("variant") || properties->get("limitedApplicability") ||
        properties->get("zoneAuthority") || properties->get("uSpaceClass"))
        return true;
    // a zone type for a type, or a name in several languages
    if (auto type = properties->get("type"); type && type->isScalar())
        for (const char* word : {"PROHIBITED", "REQ_AUTHORIZATION", "REQ_AUTHORISATION", "CONDITIONAL",
                                 "NO_RESTRICTION", "USPACE"})
            if (type->text() == word) return true;
    auto name = properties->get("name");
    return name && name->isArray();
}

/// A value's "type" word ("Feature", "Polygon"), or "".
std::string typeOf(const JsonValue& object) {
    const auto type = object.get("type");
    return type && type->isScalar() ? type->text() : "";
}

/// Whether a "type" word is a GeoJSON geometry's.
bool isGeometryType(const std::string& kind) {
    for (const char* geometry : {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
                                 "MultiPolygon", "GeometryCollection"})
        if (kind == geometry) return true;
    return false;
}

/// A bare list of ED-269 zones, a UASZoneList, or features that are ED-269
/// zones (an identifier or a list of geometries, and no properties).
bool sniffEd269(const JsonValue* root, std::string_view) {
    if (!root) return false;
    if (root->isArray()) return true;
    if (!root->isObject()) return false;
    if (root->get("UASZoneList")) return true;
    const auto features = root->get("features");
    if (!features || !features->isArray() || features->size() == 0) return false;
    const JsonValue first = (*features)[0];
    return first.isObject() && !first.get("properties") &&
           (first.get("identifier") || (first.get("geometry") && first.get("geometry")->isArray()));
}

/// Asked after ED-269: features (or a feature) with the marks of ED-318, an
/// empty collection with its metadata, or a part of an ED-318 zone on its own
/// (its properties, a TimePeriod, a ZoneAuthority).
bool sniffEd318(const JsonValue* root, std::string_view) {
    if (!root || !root->isObject()) return false;
    if (auto features = root->get("features"); features && features->isArray())
        return features->size() == 0 ? root->get("metadata").has_value() : looksLikeEd318((*features)[0]);
    const std::string kind = typeOf(*root);
    if (kind == "Feature") return looksLikeEd318(*root);
    if (isGeometryType(kind)) return false;
    return root->get("identifier") || root->get("startDateTime") || root->get("schedule") ||
           root->get("purpose");
}

/// Asked after ED-269 and ED-318: a collection of features, a feature, or a bare geometry.
bool sniffGeoJson(const JsonValue* root, std::string_view) {
    if (!root || !root->isObject()) return false;
    if (auto features = root->get("features"); features && features->isArray()) return true;
    const std::string kind = typeOf(*root);
    return kind == "Feature" || isGeometryType(kind);
}

/// Text with an airspace class line ("AC R") past the first.
bool sniffOpenAir(const JsonValue* root, std::string_view text) {
    return !root && text.find("\nAC ") != std::string_view::npos;
}

/// What a reader is given: the parsed document of a JSON format, the text of the others.
struct ReaderInput {
    const JsonDocument* document;
    const std::string& text;
    const importing::Mapping* mapping;
};

/// One format nofly imports: its word, its name for people, how to tell it
/// from a file's content or name, and its reader. Formats are asked in this
/// order when the content must tell (a JSON document is ED-269 before it is
/// ED-318, and ED-318 before plain GeoJSON).
struct FormatEntry {
    ImportFormat format;
    std::string_view name;  ///< the word of --format and include's `format:`
    std::string_view title; ///< for people
    bool json;              ///< written in JSON; else text, which may be read as Windows-1252
    bool mapping;           ///< takes a mapping file (what properties or types mean)
    std::array<std::string_view, 2> extensions; ///< file names that tell a text file's format
    bool (*sniff)(const JsonValue* root, std::string_view text); ///< root: null for text
    void (*read)(Importer& importer, const ReaderInput& input);
};

// (a row a format reads as a table; one field a line would not)
// clang-format off
constexpr FormatEntry kFormats[] = {
    {ImportFormat::Ed269, "ed269", "ED-269", true, false, {}, sniffEd269,
     [](Importer& importer, const ReaderInput& in) { importing::readEd269(importer, *in.document); }},
    {ImportFormat::Ed318, "ed318", "ED-318", true, false, {}, sniffEd318,
     [](Importer& importer, const ReaderInput& in) { importing::readEd318(importer, *in.document); }},
    {ImportFormat::GeoJson, "geojson", "GeoJSON", true, true, {".geojson"}, sniffGeoJson,
     [](Importer& importer, const ReaderInput& in) {
         importing::readGeoJson(importer, *in.document, in.mapping);
     }},
    {ImportFormat::OpenAir, "openair", "OpenAir", false, true, {".openair", ".txt"}, sniffOpenAir,
     [](Importer& importer, const ReaderInput& in) {
         importing::readOpenAir(importer, in.text, in.mapping);
     }},
};
// clang-format on

// the table in the enum's order, so that a format finds its row by its value
consteval bool inEnumOrder() {
    for (std::size_t i = 0; i < std::size(kFormats); ++i)
        if (static_cast<std::size_t>(kFormats[i].format) != i) return false;
    return true;
}
static_assert(inEnumOrder(), "kFormats must list the formats in ImportFormat's order");

const FormatEntry& entry(ImportFormat format) {
    return kFormats[static_cast<std::size_t>(format)];
}

/// The titles of the formats that `has`, joined for a sentence: "ED-269, ED-318 or GeoJSON".
template <typename Has> std::string titles(Has has, const char* last) {
    std::vector<std::string_view> chosen;
    for (const FormatEntry& f : kFormats)
        if (has(f)) chosen.push_back(f.title);
    std::string out;
    for (std::size_t i = 0; i < chosen.size(); ++i)
        out += std::string(i == 0 ? "" : i + 1 == chosen.size() ? last : ", ") + std::string(chosen[i]);
    return out;
}

/// The format a file's content tells, then (for text) its name: JSON by its
/// shape, text by its name's extension and then by its lines.
std::optional<ImportFormat> detect(const JsonValue* root, std::string_view text, const std::string& path) {
    if (root) {
        for (const FormatEntry& f : kFormats)
            if (f.json && f.sniff(root, text)) return f.format;
        return std::nullopt;
    }
    std::string extension = fs::path(path).extension().string();
    for (char& c : extension)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const FormatEntry& f : kFormats)
        for (std::string_view e : f.extensions)
            if (!e.empty() && e == extension) return f.format;
    for (const FormatEntry& f : kFormats)
        if (!f.json && f.sniff(nullptr, text)) return f.format;
    return std::nullopt;
}

std::optional<std::string> readWhole(const std::string& path, const std::string& tree, std::string& error) {
    FileProblem problem;
    auto text = readTextFile(path, tree, kMaxImportBytes, "imports", problem);
    if (!text) error = problem.message;
    return text;
}

} // namespace

std::string_view name(ImportFormat format) {
    return entry(format).name;
}

std::string_view title(ImportFormat format) {
    return entry(format).title;
}

const std::vector<std::string>& importFormatNames() {
    static const std::vector<std::string> kNames = [] {
        std::vector<std::string> names;
        for (const FormatEntry& f : kFormats)
            names.emplace_back(f.name);
        return names;
    }();
    return kNames;
}

ImportResult importZones(const std::string& path, const ImportOptions& options) {
    std::string error;
    auto text = readWhole(path, options.tree, error);
    if (!text) {
        ImportResult result;
        const std::string file = options.displayName.empty() ? path : options.displayName;
        result.diagnostics.error({file, 0, 0}, "cannot import the file: " + error);
        return result;
    }
    return importZonesText(std::move(*text), path, options);
}

ImportResult importZonesText(std::string content, const std::string& path, const ImportOptions& options) {
    ImportResult result;
    const std::string file = options.displayName.empty() ? path : options.displayName;
    try {
        std::string* text = &content;
        // a UTF-8 byte order mark is not content
        if (text->rfind("\xEF\xBB\xBF", 0) == 0) text->erase(0, 3);

        // the format: as given, else from the content, else from the name
        std::optional<ImportFormat> format;
        if (!options.format.empty()) {
            const auto& names = importFormatNames();
            const auto it = std::find(names.begin(), names.end(), options.format);
            if (it == names.end()) {
                result.diagnostics.error({file, 0, 0},
                                         "'" + options.format + "' is not a format nofly imports",
                                         core::suggestion(options.format, names));
                return result;
            }
            format = kFormats[static_cast<std::size_t>(it - names.begin())].format;
        }
        const std::size_t first = text->find_first_not_of(" \t\r\n");
        const bool json = first != std::string::npos && ((*text)[first] == '{' || (*text)[first] == '[');

        // text, not bytes (core/encoding.hpp): JSON is UTF-8 by its standard, so anything else is refused
        std::optional<core::EncodingProblem> encoding = core::findEncodingProblem(*text);
        if (encoding && (json || !encoding->notUtf8)) {
            result.diagnostics.error({file, encoding->line, encoding->column}, encoding->message, encoding->hint);
            return result;
        }
        std::optional<JsonDocument> document;
        if (json && (!format || entry(*format).json)) {
            document = JsonDocument::parse(*text, file, result.diagnostics);
            if (!document) return result;
        }
        if (!format) {
            const std::optional<JsonValue> root =
                document ? std::optional<JsonValue>(document->root()) : std::nullopt;
            format = detect(root ? &*root : nullptr, *text, path);
        }
        if (!format) {
            std::string names;
            for (const FormatEntry& f : kFormats)
                names += (names.empty() ? "" : ", ") + std::string(f.name);
            result.diagnostics.error({file, 0, 0}, "cannot tell the format of the file",
                                     "give it with --format (include: 'format:'), one of: " + names);
            return result;
        }
        result.format = format;
        const FormatEntry& reader = entry(*format);
        if (json && !reader.json) {
            result.diagnostics.error({file, 1, 1}, "the file is JSON, not " + std::string(reader.title),
                                     "give the format of its content, or leave --format out to detect it");
            return result;
        }
        if (!json && reader.json) {
            result.diagnostics.error({file, 1, 1},
                                     "the file is not JSON, so it is not " + std::string(reader.title),
                                     "an " + titles([](const FormatEntry& f) { return f.json; }, " or ") +
                                         " file starts with '{' or '['");
            return result;
        }

        // OpenAir names no encoding, and its files are often Windows-1252: read one as that, and say so
        if (encoding) {
            auto converted = core::fromWindows1252(*text);
            const std::size_t errorsBefore = result.diagnostics.errorCount();
            if (!converted || reader.json)
                result.diagnostics.error({file, encoding->line, encoding->column}, encoding->message, encoding->hint);
            else if (const auto control = core::findEncodingProblem(*converted))
                result.diagnostics.error({file, control->line, control->column}, control->message, control->hint);
            if (result.diagnostics.errorCount() > errorsBefore) return result;
            const auto byte = static_cast<unsigned char>((*text)[encoding->offset]);
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(byte));
            result.diagnostics.warning({file, encoding->line, encoding->column},
                                       std::string("the file is not UTF-8: read as Windows-1252, as older OpenAir "
                                                   "files are written (byte ") +
                                           hex + " here is '" + core::windows1252Character(byte) + "')",
                                       "save the file as UTF-8 to have it read without a guess");
            *text = std::move(*converted);
        }

        // a mapping file says how to read GeoJSON properties and OpenAir types
        std::optional<importing::Mapping> mapping;
        if (!options.mapping.empty()) {
            if (!reader.mapping) {
                result.diagnostics.error({file, 0, 0},
                                         "a mapping file applies to " +
                                             titles([](const FormatEntry& f) { return f.mapping; }, " and ") +
                                             " only",
                                         std::string(reader.title) + " says what each property means");
                return result;
            }
            mapping = importing::readMapping(options.mapping,
                                             options.mappingName.empty() ? options.mapping : options.mappingName,
                                             options.tree, *format, result.diagnostics);
            if (!mapping) return result;
        }

        Importer importer(options, file, result);
        reader.read(importer, {document ? &*document : nullptr, *text, mapping ? &*mapping : nullptr});
        importer.finish();
    } catch (const std::exception& e) {
        // a bug of ours, not the user's: say so rather than crash
        result.zones.clear();
        result.diagnostics.error({file, 0, 0}, std::string("internal error while importing: ") + e.what(),
                                 "please report this with the file");
    }
    return result;
}

} // namespace nofly::scenario
