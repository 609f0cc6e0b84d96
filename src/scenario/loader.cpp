#include "scenario/loader.hpp"

#include "core/encoding.hpp"
#include "core/text.hpp"
#include "scenario/airports.hpp"
#include "scenario/basemap.hpp"
#include "scenario/import.hpp"
#include "scenario/keys.hpp"
#include "scenario/polygon_cache.hpp"
#include "scenario/reader.hpp"
#include "scenario/text_file.hpp"
#include "scenario/zone_fragment.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <numbers>
#include <set>
#include <sstream>

namespace nofly::scenario {

namespace fs = std::filesystem;
using core::Dimension;

namespace {


/// A position as written: local plane and geographic.
struct Position {
    Vec2 local;
    core::LatLon geo;
};

/// An item of a list section together with its source, from the main file,
/// an included file or a variant's `add:`.
struct Item {
    Source source;
    std::string id; ///< raw id, when the item has one
};


/// The raw id of a list item, read without inserting into the node.
std::string rawId(const YAML::Node& node) {
    if (node.IsScalar()) return node.Scalar(); // a bare airport code
    if (!node.IsMap()) return {};
    const YAML::Node& n = node;
    const YAML::Node id = n["id"];
    return id.IsDefined() && id.IsScalar() ? id.Scalar() : std::string();
}

/// "zone 'park'" for messages, or "zone" while the id is unknown.
std::string named(const std::string& kind, const std::string& id) {
    return id.empty() ? kind : kind + " '" + id + "'";
}

/// Reads a scenario or included file's text (by the one path policy: inside
/// `tree` when it is not empty), or says why not.
std::optional<std::string> readFile(const fs::path& path, const std::string& tree, std::string& error) {
    FileProblem problem;
    auto text = readTextFile(path.string(), tree, kMaxFileBytes, "reads", problem);
    if (!text) error = problem.message;
    return text;
}

/// Friendlier words for yaml-cpp's parser messages.
std::pair<std::string, std::string> explainParserError(const std::string& message) {
    if (message == "illegal map value")
        return {"unexpected ':' here",
                "check the indentation of this line against the line above; a text that contains ': ' needs quotes"};
    if (message == "end of sequence flow not found") return {"a list opened with '[' is not closed", "add the ']'"};
    if (message == "end of map flow not found") return {"a mapping opened with '{' is not closed", "add the '}'"};
    if (message == "end of sequence not found" || message == "end of map not found")
        return {"the indentation does not match an enclosing list or mapping", "line the items up under each other"};
    if (message == "illegal tab when looking for indentation" || message.find("tab") != std::string::npos)
        return {"a tab is used for indentation", "YAML indents with spaces only"};
    if (message == "unknown escape character") return {"unknown escape sequence in a quoted text", "write '\\\\' for a backslash"};
    if (message == "end of string not found") return {"a quoted text is not closed", "add the closing quote"};
    return {"YAML syntax error: " + message, ""};
}

/// Tabs in indentation make yaml-cpp report a confusing error somewhere
/// else; find them first and point at each.
bool reportTabs(const std::string& text, const std::string& file, core::Diagnostics& diagnostics) {
    bool found = false;
    int line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n') {
            // leading white space of this line
            for (std::size_t j = lineStart; j < i && (text[j] == ' ' || text[j] == '\t'); ++j) {
                if (text[j] == '\t') {
                    diagnostics.error({file, line, static_cast<int>(j - lineStart) + 1},
                                      "a tab is used for indentation",
                                      "YAML indents with spaces only; replace the tab with spaces");
                    found = true;
                    break;
                }
            }
            ++line;
            lineStart = i + 1;
        }
    }
    return found;
}

/// Where a quoted scalar that starts at `offset` closes, or npos when it runs
/// to the end of the text.
std::size_t closingQuote(const std::string& text, std::size_t offset) {
    const char quote = text[offset];
    for (std::size_t i = offset + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\') ++i;
        else if (quote == '\'' && text[i] == '\'' && i + 1 < text.size() && text[i + 1] == '\'') ++i;
        else if (text[i] == quote) return i;
    }
    return std::string::npos;
}

/// yaml-cpp 0.7 accepts a quoted text that is never closed, swallowing the
/// rest of the file into it. Find such scalars and report them.
bool reportUnclosedQuotes(const YAML::Node& node, const std::string& text, const std::string& file,
                          core::Diagnostics& diagnostics) {
    bool found = false;
    auto check = [&](const YAML::Node& n) {
        if (!n.IsScalar()) return;
        const YAML::Mark mark = n.Mark();
        if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text.size()) return;
        const char c = text[static_cast<std::size_t>(mark.pos)];
        if ((c == '"' || c == '\'') && closingQuote(text, static_cast<std::size_t>(mark.pos)) == std::string::npos) {
            diagnostics.error({file, mark.line + 1, mark.column + 1}, "a quoted text is not closed",
                              std::string("add the closing ") + c + " at the end of the text");
            found = true;
        }
    };
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            check(it->first);
            check(it->second);
            if (!it->second.IsScalar()) found = reportUnclosedQuotes(it->second, text, file, diagnostics) || found;
        }
    } else if (node.IsSequence()) {
        for (const YAML::Node& item : node) {
            check(item);
            if (!item.IsScalar()) found = reportUnclosedQuotes(item, text, file, diagnostics) || found;
        }
    } else {
        check(node);
    }
    return found;
}

/// A second YAML document (after a '---' line), reported at that line: a
/// scenario or an included file is one document, and yaml-cpp would read the
/// first and drop the rest unseen.
void reportSecondDocument(const std::string& text, const YAML::Mark& mark, const std::string& file,
                          core::Diagnostics& diagnostics) {
    // the last '---' line before the document's first value, else that value
    int line = mark.line + 1, column = std::max(1, mark.column + 1);
    int number = 1;
    for (std::size_t start = 0; start < text.size() && number <= mark.line + 1; ++number) {
        if (text.compare(start, 3, "---") == 0) line = number, column = 1;
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    diagnostics.error({file, line, column}, "a second YAML document starts here",
                      "a file holds one document: remove this '---' line and what follows, or put it in a file of "
                      "its own");
}

/// Where the first document after the first one that holds a value starts, if
/// any. Read with yaml-cpp's event parser, at most kMaxDocuments documents:
/// YAML::LoadAll never returns on some broken files (a fuzzer found a 332-byte
/// one: an unclosed quote, then lines that each start a new empty document,
/// for ever), so the documents are counted here rather than loaded.
class LaterDocuments final : public YAML::EventHandler {
public:
    static constexpr int kMaxDocuments = 64;
    std::optional<YAML::Mark> firstValue; ///< the first value of a later document

    void OnDocumentStart(const YAML::Mark&) override {
        ++m_documents;
        m_first = true;
    }
    void OnDocumentEnd() override { m_first = false; }
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark, true); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { node(mark, false); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override {
        node(mark, false);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        node(mark, false);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        node(mark, false);
    }
    void OnMapEnd() override {}

    bool endless = false; ///< still more documents after kMaxDocuments: the parser is stuck

    static LaterDocuments find(const std::string& text) {
        std::istringstream in(text);
        YAML::Parser parser(in);
        LaterDocuments scan;
        int d = 0;
        while (!scan.firstValue && parser.HandleNextDocument(scan))
            if (++d == kMaxDocuments) {
                scan.endless = true;
                break;
            }
        return scan;
    }

private:
    int m_documents = 0;
    bool m_first = false; ///< the next node is its document's top value

    void node(const YAML::Mark& mark, bool null) {
        if (!m_first) return;
        m_first = false;
        if (m_documents > 1 && !null && !firstValue) firstValue = mark;
    }
};

/// Parses YAML text, reporting a syntax error at its real line. `values`: the
/// values of the scenario's files read so far, which this one's are added to
/// (limits::kMaxValues is a total).
std::optional<YAML::Node> parseYaml(const std::string& text, const std::string& file, core::Diagnostics& diagnostics,
                                    std::size_t& values) {
    // text, not bytes: UTF-8 without control characters, or every output that must be UTF-8 breaks later
    if (const auto problem = core::findEncodingProblem(text)) {
        diagnostics.error({file, problem->line, problem->column}, problem->message, problem->hint);
        return std::nullopt;
    }
    if (reportTabs(text, file, diagnostics)) return std::nullopt;
    try {
        YAML::Node root = YAML::Load(text);
        // a second document is refused rather than silently dropped
        const LaterDocuments later = LaterDocuments::find(text);
        if (later.firstValue) {
            reportSecondDocument(text, *later.firstValue, file, diagnostics);
            return std::nullopt;
        }
        if (later.endless) {
            diagnostics.error({file, 1, 1}, "cannot read the file as YAML: it never ends (yaml-cpp finds one empty "
                                            "document after another)",
                              "check the quotes and the first lines: a scenario starts with 'title:'");
            return std::nullopt;
        }
        if (!checkTreeLimits(root, file, diagnostics, values)) return std::nullopt;
        if (reportUnclosedQuotes(root, text, file, diagnostics)) return std::nullopt;
        return root;
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp's own guard, deeper than checkTreeLimits's: said as that says it, not "bad file"
        diagnostics.error({file, e.mark.line + 1, std::max(1, e.mark.column + 1)},
                          "lists and mappings nest more than " + std::to_string(limits::kMaxNesting) +
                              " deep here (limit " + std::to_string(limits::kMaxNesting) + ")",
                          "a scenario nests a few levels; check the brackets and the indentation");
    } catch (const YAML::ParserException& e) {
        // yaml-cpp may point one line past the end for an unclosed bracket
        const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
        int line = std::clamp(e.mark.line + 1, 1, std::max(1, lines));
        if (line == lines && (text.empty() || text.back() == '\n') && line > 1) --line;
        auto [message, hint] = explainParserError(e.msg);
        diagnostics.error({file, line, std::max(1, e.mark.column + 1)}, message, hint);
    } catch (const std::exception& e) {
        diagnostics.error({file, 1, 1}, std::string("cannot read the file as YAML: ") + e.what());
    }
    return std::nullopt;
}

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

const char* kSections[] = {"places",     "airports", "sites",    "zones",  "flights",  "traffic", "sensors",
                           "responders", "timeline", "expect", "obstacles", "questions"};

/// The loader proper: one instance reads one scenario with one variant.
class Loader {
public:
    Loader(core::Diagnostics& diagnostics, const LoadOptions& options)
        : m_context(diagnostics), m_options(options),
          m_assetDir(options.assetDir.empty() ? defaultAssetDir() : options.assetDir) {
        // every command names the scenario as written "base", as compare and expect: do
        if (m_options.variant == kBaseVariant) m_options.variant.clear();
    }

    std::optional<Scenario> load(const std::string& text, const std::string& fileName);

private:
    // sections
    void readVariants(const MapReader& top);
    void readSettings();
    bool refuseFixedPath(const std::string& path, const Source& at, const std::string& who);
    void readTime(const MapReader& top);
    void readMap(const MapReader& top);
    void readIncludes(const MapReader& top);
    void readCategories(const MapReader& top);
    void readPlaces();
    void readAirports();
    void readSites();
    void readZones();
    void readFlights();
    void readTraffic();
    void readSensors();
    void readResponders();
    void readObstacles();
    void readTracking(const MapReader& top);
    std::optional<double> readPerHour(const Source& source, const std::string& what);
    void readTimeline();
    void readExpectations();
    void readQuestions();
    void crossCheck();

    // pieces
    std::vector<Item> items(const std::string& section);
    std::optional<Position> readPosition(const Source& source, const std::string& what);
    std::optional<std::vector<Vec2>> readPoints(const Source& source, const std::string& what, std::size_t minimum);
    std::optional<core::Region> readShape(const Source& source, const std::string& what, ShapeKind* kind, int depth = 0);
    std::optional<Activation> readActivation(const Source& source, const std::string& what);
    std::optional<Range> readRange(const Source& source, const std::string& what, Dimension dimension);
    std::optional<std::map<Behaviour, double>> readBehaviourMix(const Source& source, const std::string& what);
    void checkId(std::map<std::string, SourceLocation>& seen, const std::string& kind, const std::string& id,
                 const Source& at);
    void readBasemap(const MapReader& m, const Source& mapAt);
    std::optional<GeoBasemap> readBasemapAt(const std::string& path, const BasemapRead& how, const Source& at,
                                            const std::string& what);
    void useBasemap(std::vector<GeoBasemap> files, const Source& at, bool setsBounds);
    const core::Region* country(const std::string& name, bool territorial, const Source& at, const Source& watersAt,
                                const std::string& what);
    void checkInsideMap(const std::vector<Vec2>& points, const std::string& what, const Source& at);
    std::string categoryRef(const Source& source, const std::string& what);

    Context m_context;
    LoadOptions m_options;
    std::string m_assetDir;
    const std::string* m_file = nullptr;
    fs::path m_root; ///< folder of the scenario file; includes stay inside it
    Scenario m_scenario;
    std::map<std::string, std::vector<Item>> m_sections;
    std::map<std::string, std::vector<Item>> m_added; ///< items a variant adds
    std::map<std::string, Position> m_named; ///< places and airports, for positions written as a name
    std::optional<core::Box> m_mapBounds;
    std::vector<std::string> m_knownPaths; ///< for suggestions on bad variant paths
    std::size_t m_values = 0; ///< values of the scenario's YAML files read so far (limits::kMaxValues)
    std::vector<std::pair<Source, std::string>> m_divertRefs; ///< airports' manned divert-to, checked after all airports
    std::map<std::string, std::vector<Source>> m_refs; ///< "zone"/"event"/"category" -> uses, checked last
    std::map<std::string, std::vector<std::string>> m_refIds;
};

// --- the whole file -----------------------------------------------------------

std::optional<Scenario> Loader::load(const std::string& text, const std::string& fileName) {
    core::Diagnostics& diagnostics = m_context.diagnostics();
    m_file = m_context.internFile(fileName);
    m_root = fs::absolute(fs::path(fileName)).parent_path();
    m_scenario.file = fileName;
    m_scenario.variant = m_options.variant;

    auto root = parseYaml(text, fileName, diagnostics, m_values);
    if (!root) return std::nullopt;
    Source top;
    top.node = *root;
    top.file = m_file;
    top.fallback = YAML::Mark();
    if (!root->IsDefined() || root->IsNull()) {
        diagnostics.error({fileName, 1, 1}, "the file is empty",
                          "a scenario needs at least 'title:', 'time:' and 'map:'");
        return std::nullopt;
    }
    MapReader reader(m_context, top, "the scenario", keys::kTop);
    if (!reader.ok()) return std::nullopt;

    // variants first: their patches change what the rest reads
    readVariants(reader);
    readSettings();

    // metadata
    if (auto title = reader.require("title", "every scenario needs a title, shown on the window and reports"))
        m_scenario.title = readString(m_context, *title, "title").value_or("");
    if (auto description = reader.get("description"))
        m_scenario.description = readString(m_context, *description, "description").value_or("");
    if (auto goals = reader.get("goals"))
        for (const Source& goal : readList(m_context, *goals, "goals"))
            if (auto words = readString(m_context, goal, "a learning goal")) m_scenario.goals.push_back(*words);
    if (auto seed = reader.get("seed"))
        m_scenario.seed = static_cast<std::uint64_t>(
            readInteger(m_context, *seed, "seed", 0, static_cast<long long>(kLargestSeed)).value_or(1));

    readTime(reader);
    readMap(reader);
    readCategories(reader);

    // list sections from this file, its includes and the variant's additions
    for (const char* section : kSections)
        if (auto list = reader.get(section))
            for (const Source& item : readList(m_context, *list, section))
                m_sections[section].push_back({item, rawId(item.node)});
    readIncludes(reader);
    for (auto& [section, added] : m_added) // a variant's additions come last
        m_sections[section].insert(m_sections[section].end(), added.begin(), added.end());

    readPlaces();
    readAirports();
    readSites();
    readZones();
    if (auto variants = reader.get("variants")) {
        // check and compare load the scenario once more for each variant: that work is bounded first
        std::size_t corners = 0;
        for (const Zone& zone : m_scenario.zones) corners += limits::vertexCount(zone.region);
        limits::checkVariantWork(m_scenario.variants.size(), m_values, corners, m_context.locate(*variants),
                                 diagnostics);
    }
    readFlights();
    readTraffic();
    if (auto time = reader.get("time")) limits::checkCounts(m_scenario, m_context.locate(*time), diagnostics);
    readSensors();
    limits::checkSensors(m_scenario, diagnostics);
    readResponders();
    readObstacles();
    readTracking(reader);
    readTimeline();
    readExpectations();
    readQuestions();
    crossCheck();
    if (!m_options.variant.empty() || !m_options.settings.empty()) m_context.reportUnusedPatches(m_knownPaths);

    if (diagnostics.hasErrors()) return std::nullopt;
    return std::move(m_scenario);
}

// --- variants -----------------------------------------------------------------

void Loader::readVariants(const MapReader& top) {
    auto variants = top.get("variants");
    bool found = m_options.variant.empty();
    if (variants) {
        if (!variants->node.IsMap()) {
            m_context.error(*variants, "variants must be a mapping of names to changes, such as 'status-quo: {remove: "
                                       "[zones.national-ban]}', not " + describeNode(variants->node));
        } else {
            std::set<std::string> ids; // a set, not a search of the list: a file may declare thousands
            for (auto it = variants->node.begin(); it != variants->node.end(); ++it) {
                Source keySource = child(*variants, it->first, "");
                auto id = readId(m_context, keySource, "variant name");
                if (!id) continue;
                if (*id == kBaseVariant) {
                    m_context.error(keySource, "a variant cannot be called 'base': that is the name of the scenario "
                                               "as written, without any variant",
                                    "choose another name, such as 'status-quo'");
                    continue;
                }
                if (!ids.insert(*id).second) {
                    m_context.error(keySource, "variant '" + *id + "' is written twice");
                    continue;
                }
                Source body = child(*variants, it->second, "");
                body.path = "variants." + *id;
                MapReader variant(m_context, body, "variant '" + *id + "'", keys::kVariant);
                Variant v{*id, {}, m_context.locate(keySource)};
                if (auto d = variant.get("description")) v.description = readString(m_context, *d, "description").value_or("");
                m_scenario.variants.push_back(v);
                if (*id != m_options.variant || !variant.ok()) continue;
                found = true;

                // the patches of the chosen variant
                if (auto remove = variant.get("remove"))
                    for (const Source& path : readList(m_context, *remove, "variant '" + *id + "' remove"))
                        if (auto p = readString(m_context, path, "a path to remove")) m_context.addRemoval(*p, path);
                if (auto set = variant.get("set")) {
                    if (!set->node.IsMap()) {
                        m_context.error(*set, "variant '" + *id + "' set must map paths to new values, such as "
                                              "'zones.ekch-ctr.restriction: prohibited'");
                    } else {
                        // yaml-cpp keeps both of a key written twice: the second would win unseen
                        std::map<std::string, int> seen;
                        for (auto s = set->node.begin(); s != set->node.end(); ++s) {
                            Source key = child(*set, s->first, "");
                            Source value = child(*set, s->second, "");
                            auto p = readString(m_context, key, "a path to set");
                            if (!p) continue;
                            const int line = m_context.locate(key).line;
                            if (auto [first, added] = seen.emplace(*p, line); !added) {
                                m_context.error(key, "variant '" + *id + "' sets " + core::quoted(*p) + " twice",
                                                "the first is on line " + std::to_string(first->second) +
                                                    "; keep one of them");
                                continue;
                            }
                            if (refuseFixedPath(*p, key, "variant '" + *id + "'")) continue;
                            m_context.addOverride(*p, value, key);
                        }
                    }
                }
                if (auto add = variant.get("add")) {
                    MapReader adds(m_context, *add, "variant '" + *id + "' add", keys::kIncluded);
                    if (adds.ok())
                        for (const std::string& section : adds.presentKeys())
                            if (auto list = adds.get(section))
                                for (const Source& item : readList(m_context, *list, section))
                                    m_added[section].push_back({item, rawId(item.node)});
                }
            }
        }
    }
    if (!found) {
        std::vector<std::string> names;
        for (const Variant& v : m_scenario.variants) names.push_back(v.id);
        m_context.diagnostics().error({*m_file, 0, 0}, "the scenario has no variant '" + m_options.variant + "'",
                                      names.empty() ? "it declares no variants" : core::suggestion(m_options.variant, names));
    }
}

/// Settings given on the command line: patches like a variant's `set:`, each
/// value read as YAML and located at "--set" in messages.
void Loader::readSettings() {
    for (const auto& [path, value] : m_options.settings) {
        Source source;
        source.file = m_context.internFile("--set " + path);
        source.path = path;
        try {
            source.node = YAML::Load(value);
        } catch (const YAML::Exception&) {
            source.node = YAML::Node(value); // a plain text value then
        }
        if (refuseFixedPath(path, source, "--set")) continue;
        m_context.addOverride(path, source, source);
    }
}

/// The keys read as written whatever the variant: the seed, so that every
/// variant is run on the same traffic (compare, expect:), and the texts that
/// name the scenario. True when `path` is one of them (reported at `at`).
bool Loader::refuseFixedPath(const std::string& path, const Source& at, const std::string& who) {
    const std::string top = path.substr(0, path.find('.'));
    if (top != "title" && top != "description" && top != "goals" && top != "seed") return false;
    std::string hint = "title, description, goals and seed are the scenario's own, the same in every variant";
    if (top == "seed") hint += who == "--set" ? "; sweep gives the seeds with --seed-from and --seeds"
                                               : ", so that variants are compared on the same traffic";
    else if (top == "description" && who != "--set") hint += "; a variant has a 'description:' key of its own";
    m_context.error(at, who + " sets " + core::quoted(path) + ", which a variant cannot change", hint);
    return true;
}

// --- time and map -------------------------------------------------------------

void Loader::readTime(const MapReader& top) {
    auto time = top.require("time", "say when the scenario runs, such as 'time: {start: 2025-10-01T07:00+02:00, "
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
                m_context.error(*start, "time start '" + start->node.Scalar() + "' does not say its UTC offset",
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
                m_context.error(*end, "time end " + end->node.Scalar() + " is not after the start " +
                                          core::formatInstant(m_scenario.time.start, m_scenario.time.utcOffsetMinutes),
                                "the scenario must last some time; write for example 'end: +6 h'");
            else if (*instant - m_scenario.time.start > 31LL * 24 * 3600 * 1000)
                m_context.error(*end, "the scenario lasts more than 31 days", "split it into shorter scenarios");
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
    auto map = top.require("map", "say where the scenario is, such as 'map: {origin: {lat: 55.676, lon: 12.568}}'");
    if (!map) return;
    MapReader m(m_context, *map, "map", keys::kMap);
    if (!m.ok()) return;
    if (auto origin = m.require("origin", "the centre of the map, such as 'origin: {lat: 55.676, lon: 12.568}'")) {
        MapReader o(m_context, *origin, "map origin", keys::kLatLon);
        auto lat = o.require("lat", "latitude in degrees");
        auto lon = o.require("lon", "longitude in degrees");
        // plain numbers and a flag: optional<double> here draws a false -Wmaybe-uninitialized from GCC 12 at -O2
        double la = 0.0, lo = 0.0;
        bool good = lat && lon;
        auto degrees = [&](const std::optional<Source>& source, const char* what, double limit, double& value) {
            if (!source) return;
            const auto v = readNumber(m_context, *source, std::string("map origin ") + what);
            if (!v) {
                good = false;
            } else if (*v < -limit || *v > limit) {
                m_context.error(*source, std::string("map origin ") + what + " " + source->node.Scalar() + " is out of range",
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
        if (c && r) m_scenario.view = core::Box{{c->local.x - *r, c->local.y - *r}, {c->local.x + *r, c->local.y + *r}};
    }
    // the basemap after the extent: the world map is cut to the map, and a named one sets the map's bounds
    readBasemap(m, *map);
    if (!m_mapBounds) {
        constexpr double kDefaultExtent = 300e3; // [m]
        m_mapBounds = core::Box{{-kDefaultExtent, -kDefaultExtent}, {kDefaultExtent, kDefaultExtent}};
    }
}

/// Words joined with a separator.
static std::string joinedWith(const std::vector<std::string>& words, const std::string& separator) {
    std::string out;
    for (const std::string& w : words)
        out += (out.empty() ? "" : separator) + w;
    return out;
}

/// Degrees for a message: "57.8 N", "12.3 E".
static std::string degreesText(double value, char positive, char negative) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %c", std::abs(value), value < 0.0 ? negative : positive);
    return text;
}

/// The box of degrees a box of the local plane reaches (its corners and the middles of its edges).
static GeoArea geoBox(const core::LocalProjection& projection, const core::Box& box) {
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
        MapReader files(m_context, *basemap, "map basemap", keys::kBasemapFiles);
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
                auto map =
                    readBasemapAt(*path, {.tree = m_root.string(), .layer = layer, .keep = std::nullopt},
                                  entry, std::string("map basemap ") + key + " file");
                if (!map)
                    good = false;
                else
                    read.push_back(std::move(*map));
            }
        }
        if (!any) {
            m_context.error(*basemap, "map basemap names no file",
                            "name a file per layer, such as '{land: my_land.geojson, water: lakes.geojson}'");
            return;
        }
        if (!good) return;
        if (auto attribution = files.get("attribution"))
            if (auto text = readString(m_context, *attribution, "map basemap attribution"))
                for (GeoBasemap& f : read)
                    f.attribution = *text;
        m_scenario.basemap = "own layers";
        useBasemap(std::move(read), *basemap, !m_mapBounds);
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

    if (setsBounds) {
        // the map is what the basemap covers: its area, else its land and 50 km of sea around it
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
        return;
    }
    // a map wider than the basemap's detailed data: said, with the gap
    if (!area || !m_mapBounds) return;
    const GeoArea map = geoBox(projection, *m_mapBounds);
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

// --- includes -----------------------------------------------------------------

void Loader::readIncludes(const MapReader& top) {
    auto include = top.get("include");
    if (!include) return;
    const std::string root = m_root.string();
    // a path written in the scenario: relative, and inside its folder once links are resolved;
    // the resolved path is the one read, never the path as written (the one path policy)
    auto resolve = [&](const Source& at, const std::string& path, const char* what) -> std::optional<fs::path> {
        const fs::path relative(path);
        if (relative.is_absolute()) {
            m_context.error(at, std::string(what) + " " + core::quoted(path) + " is an absolute path",
                            "write the path relative to this scenario file, such as 'zones/airports.yaml'");
            return std::nullopt;
        }
        FileProblem problem;
        auto resolved = resolveInTree((m_root / relative).string(), root, problem);
        if (!resolved) {
            m_context.error(at, std::string(what) + " " + core::quoted(path) + " " + problem.message,
                            problem.outside ? "included files must be in the scenario's folder or below it"
                                            : problem.hint);
            return std::nullopt;
        }
        return fs::path(*resolved);
    };
    // the path for messages, beside the scenario's name; a '..' stays as written,
    // since after a link it does not climb where the text seems to say
    auto shownPath = [&](const std::string& path) {
        const fs::path shown = fs::path(*m_file).parent_path() / fs::path(path);
        const bool climbs = std::any_of(shown.begin(), shown.end(), [](const fs::path& p) { return p == ".."; });
        return (climbs ? shown : shown.lexically_normal()).string();
    };
    const std::vector<Source> entries = readWords(m_context, *include, "include");
    if (entries.size() > limits::kMaxIncludes) {
        m_context.error(entries[limits::kMaxIncludes], "too many included files: " + std::to_string(entries.size()) +
                                                           " (limit " + std::to_string(limits::kMaxIncludes) + ")",
                        "merge the included files; an included file cannot include others");
        return;
    }
    for (const Source& entry : entries) {
        // the values of all the files are spent: reported once, at the value that passed the limit
        if (m_values > limits::kMaxValues) break;
        // a path, or {file, format, lang, skip-bad, mapping, lenient} for real airspace data
        Source fileAt = entry;
        ImportOptions import;
        bool realData = false;
        if (entry.node.IsMap()) {
            MapReader item(m_context, entry, "include", keys::kInclude);
            auto file = item.require("file", "the path of the file, such as 'file: zones.openair'");
            if (!item.ok() || !file) continue;
            fileAt = *file;
            bool good = true;
            if (auto format = item.get("format")) {
                auto word = readWord(m_context, *format, "include format", keys::kImportFormats);
                import.format = word.value_or("");
                good = good && word;
            }
            if (auto lang = item.get("lang")) import.lang = readString(m_context, *lang, "include lang").value_or("en");
            if (auto skip = item.get("skip-bad")) import.skipBad = readBool(m_context, *skip, "include skip-bad").value_or(false);
            if (auto lenient = item.get("lenient")) import.lenient = readBool(m_context, *lenient, "include lenient").value_or(false);
            if (auto mapping = item.get("mapping")) {
                auto path = readString(m_context, *mapping, "include mapping");
                auto resolved = path ? resolve(*mapping, *path, "mapping") : std::nullopt;
                if (resolved) {
                    import.mapping = resolved->string();
                    import.mappingName = shownPath(*path);
                } else {
                    good = false;
                }
            }
            realData = item.has("format") || item.has("lang") || item.has("skip-bad") || item.has("mapping") ||
                       item.has("lenient");
            if (!good) continue;
        }
        auto path = readString(m_context, fileAt, "an included file");
        if (!path) continue;
        auto resolved = resolve(fileAt, *path, "include");
        if (!resolved) continue;
        const fs::path relative(*path);
        const std::string shown = shownPath(*path);
        std::string extension = relative.extension().string();
        for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        realData = realData || extension == ".json" || extension == ".geojson" || extension == ".openair" ||
                   extension == ".txt";

        if (realData) {
            // real airspace data: imported, then read as zones written by hand, at the feature's line
            import.displayName = shown;
            import.tree = root;
            // a file that cannot be read (a folder, a pipe, too big) is a mistake of this line
            FileProblem problem;
            auto data = readTextFile(resolved->string(), root, kMaxImportBytes, "imports", problem);
            if (!data) {
                m_context.error(fileAt, "include " + core::quoted(*path) + " " + problem.message, problem.hint);
                continue;
            }
            ImportResult imported = importZonesText(std::move(*data), resolved->string(), import);
            m_context.diagnostics().append(imported.diagnostics);
            if (!imported.ok()) continue;
            m_scenario.includes.push_back(resolved->string());
            // its mapping file is read too: a change to it changes the zones (sweep's resume stamp, hot reload)
            if (!import.mapping.empty()) m_scenario.includes.push_back(import.mapping);
            ScheduleFrame frame{m_scenario.time.utcOffsetMinutes, std::nullopt};
            if (m_context.time.hasStart && m_scenario.time.end > m_scenario.time.start)
                frame.span = TimeWindow{m_scenario.time.start, m_scenario.time.end};
            const std::string* file = m_context.internFile(shown);
            for (const GeoZone& zone : imported.zones) {
                Source item;
                item.node = zoneNode(zone, frame, m_context.diagnostics());
                item.file = file;
                item.fallback.line = zone.where.line - 1;
                item.fallback.column = std::max(0, zone.where.column - 1);
                m_sections["zones"].push_back({item, zone.id});
            }
            continue;
        }

        std::string error;
        auto text = readFile(*resolved, root, error);
        if (!text) {
            m_context.error(fileAt, "include " + core::quoted(*path) + " " + error);
            continue;
        }
        auto node = parseYaml(*text, shown, m_context.diagnostics(), m_values);
        if (!node) continue;
        m_scenario.includes.push_back(resolved->string());
        Source included;
        included.node = *node;
        included.file = m_context.internFile(shown);
        MapReader reader(m_context, included, "included file " + core::quoted(*path), keys::kIncluded);
        if (!reader.ok()) continue;
        for (const std::string& section : reader.presentKeys())
            if (auto list = reader.get(section))
                for (const Source& item : readList(m_context, *list, section))
                    m_sections[section].push_back({item, rawId(item.node)});
    }
}

// --- list items ---------------------------------------------------------------

std::vector<Item> Loader::items(const std::string& section) {
    std::vector<Item> out;
    for (Item item : m_sections[section]) {
        if (!item.id.empty()) {
            item.source.path = section + "." + item.id;
            m_knownPaths.push_back(item.source.path);
            if (m_context.removed(item.source.path)) continue;
            if (const Source* replaced = m_context.override(item.source.path)) {
                Source s = *replaced;
                s.path = item.source.path;
                item.source = s;
            }
        }
        out.push_back(item);
    }
    return out;
}

void Loader::checkId(std::map<std::string, SourceLocation>& seen, const std::string& kind, const std::string& id,
                     const Source& at) {
    auto [it, inserted] = seen.emplace(id, m_context.locate(at));
    if (!inserted) {
        const SourceLocation& first = it->second;
        m_context.error(at, "duplicate " + kind + " id '" + id + "'",
                        "the first is at " + first.file + ":" + std::to_string(first.line) + "; ids must be unique");
    }
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
        for (const auto& [n, p] : m_named) names.push_back(n);
        m_context.error(source, what + ": '" + name + "' is not a place or airport of this scenario",
                        names.empty() ? "write a position such as '{lat: 55.62, lon: 12.65}', or declare the place "
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
        if (p) points.push_back(p->local);
        else good = false;
    }
    if (!good) return std::nullopt;
    if (points.size() < minimum) {
        m_context.error(source, what + " has " + std::to_string(points.size()) + " point" +
                                    (points.size() == 1 ? "" : "s") + "; it needs at least " + std::to_string(minimum));
        return std::nullopt;
    }
    return points;
}

/// The smallest shapes the simulation can tell from their edge: a radius [m] and an area [m²].
constexpr double kSmallestRadius = 1.0;
constexpr double kSmallestArea = 1.0;

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
                        "write exactly one of: circle, polygon, corridor, country, parts");
        return std::nullopt;
    }
    const std::string form = present.front();
    Source body = *m.get(form);
    core::Region region;
    if (margin && form != "country") {
        m_context.error(*margin, what + " margin applies only to a country shape",
                        "widen a circle with its radius, a corridor with its width");
        return std::nullopt;
    }
    if (waters && form != "country") {
        m_context.error(*waters, what + " waters applies only to a country shape",
                        "write 'shape: {country: denmark, waters: territorial}'");
        return std::nullopt;
    }

    if (form == "circle") {
        if (kind) *kind = ShapeKind::Circle;
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
                *radius,
                what + " circle radius " + core::formatQuantity(*r, Dimension::Length) + " is under 1 m",
                "a shape smaller than a metre cannot be told from its edge; write the radius in m or km");
            return std::nullopt;
        }
        region.circles.push_back({at->local, *r});
    } else if (form == "polygon") {
        if (kind) *kind = ShapeKind::Polygon;
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
        const std::vector<std::string> problems = checkPolygon(polygon); // once per content, not per variant
        for (const std::string& problem : problems)
            m_context.error(body, what + " polygon: " + problem, "each point must be listed once, in order around the edge");
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
        region.polygons.push_back(std::move(polygon));
    } else if (form == "corridor") {
        if (kind) *kind = ShapeKind::Corridor;
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
            m_context.error(*width,
                            what + " corridor width " + core::formatQuantity(*w, Dimension::Length) +
                                " is under 2 m",
                            "a corridor is as wide as two radii of its round ends, each at least 1 m");
            return std::nullopt;
        }
        region.corridors.push_back({*points, *w / 2.0});
    } else if (form == "country") {
        if (kind) *kind = ShapeKind::Country;
        // the land of that country on the scenario's basemap, or with its territorial sea
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
        region = *c;
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
                for (const core::Ring& hole : polygon.holes) addRing(hole);
            }
        }
    } else { // parts
        if (kind) *kind = ShapeKind::Parts;
        if (depth > 4) {
            m_context.error(body, what + " parts are nested too deeply", "list the parts side by side instead");
            return std::nullopt;
        }
        auto list = readList(m_context, body, what + " parts");
        if (list.empty()) {
            m_context.error(body, what + " parts is empty", "list at least one shape");
            return std::nullopt;
        }
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
    }
    return region;
}

// --- time windows ---------------------------------------------------------------

std::optional<Activation> Loader::readActivation(const Source& source, const std::string& what) {
    MapReader a(m_context, source, what, keys::kActive);
    if (!a.ok()) return std::nullopt;
    Activation out;
    bool good = true;

    auto readWindow = [&](const MapReader& w, const std::string& label) -> std::optional<TimeWindow> {
        auto from = w.get("from");
        auto to = w.get("to");
        if (!from && !to) return std::nullopt;
        TimeWindow window{std::numeric_limits<Instant>::min() / 2, std::numeric_limits<Instant>::max() / 2};
        if (from) {
            auto t = readInstant(m_context, *from, label + " from");
            if (!t) return good = false, std::nullopt;
            window.from = *t;
        }
        if (to) {
            auto t = readInstant(m_context, *to, label + " to");
            if (!t) return good = false, std::nullopt;
            window.to = *t;
        }
        if (from && to && window.to <= window.from) {
            m_context.error(*to, label + " ends (" + to->node.Scalar() + ") before it starts (" + from->node.Scalar() + ")",
                            "'to' must be later than 'from'");
            good = false;
            return std::nullopt;
        }
        return window;
    };

    if (auto window = readWindow(a, what)) out.windows.push_back(*window);
    if (auto windows = a.get("windows")) {
        auto list = readList(m_context, *windows, what + " windows");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string label = what + " window " + std::to_string(i + 1);
            MapReader w(m_context, list[i], label, keys::kWindow);
            if (!w.ok()) {
                good = false;
                continue;
            }
            if (!w.has("from") && !w.has("to")) {
                m_context.error(list[i], label + " has neither 'from' nor 'to'");
                good = false;
                continue;
            }
            if (auto window = readWindow(w, label)) out.windows.push_back(*window);
        }
    }
    if (auto weekly = a.get("weekly")) {
        auto list = readList(m_context, *weekly, what + " weekly");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string label = what + " weekly slot " + std::to_string(i + 1);
            MapReader w(m_context, list[i], label, keys::kWeekly);
            if (!w.ok()) {
                good = false;
                continue;
            }
            WeeklySlot slot;
            auto days = w.require("days", "such as 'days: [mon, tue, wed]' or 'days: weekdays'");
            if (days) {
                std::vector<Source> words;
                if (days->node.IsSequence()) words = readList(m_context, *days, label + " days");
                else words.push_back(*days);
                for (const Source& word : words) {
                    auto day = readWord(m_context, word, label + " days", keys::kDays);
                    if (!day) {
                        good = false;
                        continue;
                    }
                    if (*day == "weekdays") slot.days.insert(slot.days.end(), {0, 1, 2, 3, 4});
                    else if (*day == "weekend") slot.days.insert(slot.days.end(), {5, 6});
                    else if (*day == "daily") slot.days.insert(slot.days.end(), {0, 1, 2, 3, 4, 5, 6});
                    else slot.days.push_back(static_cast<int>(std::find(keys::kDays.begin(), keys::kDays.end(), *day) -
                                                              keys::kDays.begin()));
                }
            }
            // clock times of day: parse against a midnight start
            auto clock = [&](const char* key, Millis fallback) -> std::optional<Millis> {
                auto s = w.get(key);
                if (!s) return fallback;
                core::TimeContext midnight{0, 0, true};
                if (!s->node.IsScalar()) {
                    m_context.error(*s, label + " " + key + " must be a clock time such as '08:00'");
                    return std::nullopt;
                }
                if (s->node.Scalar() == "24:00") return 24LL * 3600 * 1000;
                auto parsed = core::parseInstant(s->node.Scalar(), midnight);
                auto* t = std::get_if<core::Instant>(&parsed);
                if (!t || s->node.Scalar().find(':') == std::string::npos || s->node.Scalar().size() > 8) {
                    m_context.error(*s, label + " " + key + ": '" + s->node.Scalar() + "' is not a clock time",
                                    "write a time of day such as '08:00' or '17:30'");
                    return std::nullopt;
                }
                return *t;
            };
            auto from = clock("from", 0);
            auto to = clock("to", 24LL * 3600 * 1000);
            if (!from || !to) {
                good = false;
                continue;
            }
            slot.from = *from;
            slot.to = *to <= *from ? *to + 24LL * 3600 * 1000 : *to; // runs past midnight
            std::sort(slot.days.begin(), slot.days.end());
            slot.days.erase(std::unique(slot.days.begin(), slot.days.end()), slot.days.end());
            out.weekly.push_back(slot);
        }
    }
    if (auto after = a.get("after")) {
        if (auto id = readId(m_context, *after, what + " after")) {
            out.afterEvent = *id;
            m_refs["event"].push_back(*after);
            m_refIds["event"].push_back(*id);
        } else {
            good = false;
        }
    }
    if (auto duration = a.get("for")) {
        if (!a.has("after"))
            m_context.error(*duration, what + " 'for' needs 'after'", "'for: 4 h' counts from the event named by 'after'");
        if (auto d = readPositive(m_context, *duration, what + " for", Dimension::Duration))
            out.eventDuration = static_cast<Millis>(std::llround(*d * 1000.0));
        else
            good = false;
    }
    if (!good) return std::nullopt;
    return out;
}

// --- categories ---------------------------------------------------------------

std::vector<Category> builtInCategories() {
    // Defaults for who knows and follows the rules; a scenario may change them.
    auto make = [](const char* id, const char* name, OperatorKind kind, double aware, double comply, bool critical) {
        Category c;
        c.id = id;
        c.name = name;
        c.kind = kind;
        c.aware = aware;
        c.comply = comply;
        c.critical = critical;
        return c;
    };
    return {make("hobby", "Hobby pilots", OperatorKind::Hobby, 0.70, 0.90, false),
            make("photo", "Commercial photo and film", OperatorKind::Commercial, 0.95, 0.95, false),
            make("inspection", "Commercial inspection", OperatorKind::Commercial, 0.98, 0.98, false),
            make("delivery", "Commercial delivery", OperatorKind::Commercial, 0.99, 0.99, false),
            make("media", "News media", OperatorKind::Commercial, 0.95, 0.90, false),
            make("police", "Police", OperatorKind::State, 1.0, 1.0, true),
            make("military", "Military", OperatorKind::State, 1.0, 1.0, true),
            make("emergency", "Emergency services", OperatorKind::State, 1.0, 1.0, true),
            make("medical", "Medical transport", OperatorKind::Commercial, 1.0, 1.0, true)};
}

/// Share of each built-in category's drones that broadcast Remote ID
/// (illustrative: EU class-marked drones must, older and home-built ones do not).
double builtInRemoteId(const std::string& id) {
    if (id == "hobby") return 0.5;
    if (id == "photo" || id == "media") return 0.9;
    if (id == "inspection") return 0.95;
    return 1.0;
}

void Loader::readCategories(const MapReader& top) {
    m_scenario.categories = builtInCategories();
    for (Category& c : m_scenario.categories) c.remoteId = builtInRemoteId(c.id);
    auto categories = top.get("categories");
    if (!categories) return;
    if (!categories->node.IsMap()) {
        m_context.error(*categories, "categories must map category names to their settings, such as "
                                     "'hobby: {aware: 60%}', not " + describeNode(categories->node));
        return;
    }
    std::set<std::string> seen;
    for (auto it = categories->node.begin(); it != categories->node.end(); ++it) {
        Source keySource = child(*categories, it->first, "");
        auto id = readId(m_context, keySource, "category name");
        if (!id) continue;
        if (!seen.insert(*id).second) {
            m_context.error(keySource, "category '" + *id + "' is written twice", "keep one of them");
            continue;
        }
        Source body = child(*categories, it->second, *id);
        m_knownPaths.push_back(body.path);
        const std::string what = "category '" + *id + "'";
        auto existing = std::find_if(m_scenario.categories.begin(), m_scenario.categories.end(),
                                     [&](const Category& c) { return c.id == *id; });
        Category c;
        if (existing != m_scenario.categories.end()) c = *existing;
        c.id = *id;
        c.builtIn = false;
        c.where = m_context.locate(keySource);
        if (body.node.IsNull()) { // "drone-club:" with nothing: a hobby category
            if (existing == m_scenario.categories.end()) {
                m_context.error(keySource, what + " is new and needs a 'kind'",
                                "write for example '" + *id + ": {kind: commercial}'");
                continue;
            }
        } else {
            MapReader m(m_context, body, what, keys::kCategory);
            if (!m.ok()) continue;
            if (auto name = m.get("name")) c.name = readString(m_context, *name, what + " name").value_or(c.name);
            if (auto kind = m.get("kind")) {
                if (auto word = readWord(m_context, *kind, what + " kind", keys::kKinds))
                    c.kind = *word == "hobby" ? OperatorKind::Hobby
                             : *word == "commercial" ? OperatorKind::Commercial : OperatorKind::State;
            } else if (existing == m_scenario.categories.end()) {
                m_context.error(keySource, what + " is new and needs a 'kind'",
                                "one of: hobby, commercial, state");
            }
            if (auto geofence = m.get("geofence")) c.geofence = readBool(m_context, *geofence, what + " geofence").value_or(false);
            if (auto breach = m.get("breach"))
                if (auto word = readWord(m_context, *breach, what + " breach", keys::kBreachActions))
                    c.breach = static_cast<BreachAction>(std::find(keys::kBreachActions.begin(), keys::kBreachActions.end(),
                                                                   *word) - keys::kBreachActions.begin());
            if (auto critical = m.get("critical")) c.critical = readBool(m_context, *critical, what + " critical").value_or(false);
            if (auto aware = m.get("aware")) c.aware = readQuantity(m_context, *aware, what + " aware", Dimension::Fraction).value_or(c.aware);
            if (auto comply = m.get("comply")) c.comply = readQuantity(m_context, *comply, what + " comply", Dimension::Fraction).value_or(c.comply);
            if (auto remote = m.get("remote-id"))
                c.remoteId = readQuantity(m_context, *remote, what + " remote-id", Dimension::Fraction).value_or(c.remoteId);
            if (auto auths = m.get("authorisations"))
                for (const Source& zone : readWords(m_context, *auths, what + " authorisations"))
                    if (auto z = readId(m_context, zone, what + " authorisation")) {
                        c.authorisations.push_back(*z);
                        m_refs["zone"].push_back(zone);
                        m_refIds["zone"].push_back(*z);
                    }
        }
        if (c.name.empty()) c.name = *id;
        if (existing != m_scenario.categories.end()) *existing = c;
        else m_scenario.categories.push_back(c);
    }
}

std::string Loader::categoryRef(const Source& source, const std::string& what) {
    auto id = readId(m_context, source, what);
    if (!id) return {};
    if (!m_scenario.category(*id)) {
        std::vector<std::string> names;
        for (const Category& c : m_scenario.categories) names.push_back(c.id);
        m_context.error(source, what + ": there is no operator category '" + *id + "'", core::suggestion(*id, names));
        return {};
    }
    return *id;
}

// --- places, airports, sites ----------------------------------------------------

void Loader::readPlaces() {
    std::map<std::string, SourceLocation> seen;
    for (const Item& item : items("places")) {
        MapReader m(m_context, item.source, named("place", item.id), keys::kPlace);
        if (!m.ok()) continue;
        Place place;
        place.where = m_context.locate(item.source);
        if (auto id = m.require("id", "a short name used to refer to it, such as 'id: city-hall'")) {
            if (auto v = readId(m_context, *id, "place id")) {
                place.id = *v;
                checkId(seen, "place", *v, *id);
            }
        }
        const std::string what = "place '" + place.id + "'";
        if (auto name = m.get("name")) place.name = readString(m_context, *name, what + " name").value_or("");
        if (auto at = m.require("at", "its position, such as 'at: {lat: 55.676, lon: 12.568}'")) {
            if (auto p = readPosition(*at, what + " at")) {
                place.at = p->local;
                place.geo = p->geo;
                if (!place.id.empty()) m_named[place.id] = *p;
            }
        }
        if (place.name.empty()) place.name = place.id;
        m_scenario.places.push_back(place);
    }
}

void Loader::readAirports() {
    std::map<std::string, SourceLocation> seen;
    // read once, each code's row parsed only when it is named
    AirportCatalogue catalogue(m_assetDir);
    for (const Item& item : items("airports")) {
        Airport airport;
        airport.where = m_context.locate(item.source);
        if (item.source.node.IsScalar()) {
            // a bare ICAO code: the shipped airport list has the rest
            auto id = readId(m_context, item.source, "airport");
            if (!id) continue;
            const std::optional<CatalogueAirport> a = catalogue.find(*id);
            if (!a) {
                const std::string nearest = catalogue.explainUnknown(*id);
                m_context.error(item.source, "airport '" + *id + "' is not in the shipped airport list",
                                nearest.empty()
                                    ? "write it out: '{id: " + *id + ", name: ..., at: {lat: ..., lon: ...}}'"
                                    : nearest);
                continue;
            }
            airport.id = a->icao;
            airport.name = a->name;
            airport.geo = a->geo;
            airport.elevation = a->elevationFt * 0.3048;
            airport.at = m_scenario.projection.toLocal(a->geo);
            checkId(seen, "airport", airport.id, item.source);
        } else {
            MapReader m(m_context, item.source, named("airport", item.id), keys::kAirport);
            if (!m.ok()) continue;
            if (auto id = m.require("id", "its ICAO code, such as 'id: EKCH'")) {
                if (auto v = readId(m_context, *id, "airport id")) {
                    airport.id = *v;
                    checkId(seen, "airport", *v, *id);
                }
            }
            const std::string what = "airport '" + airport.id + "'";
            const std::optional<CatalogueAirport> a =
                airport.id.empty() ? std::nullopt : catalogue.find(airport.id);
            if (a) {
                airport.name = a->name;
                airport.geo = a->geo;
                airport.elevation = a->elevationFt * 0.3048;
                airport.at = m_scenario.projection.toLocal(a->geo);
            }
            if (auto name = m.get("name")) airport.name = readString(m_context, *name, what + " name").value_or("");
            if (auto at = a ? m.get("at") : m.require("at", "it is not in the shipped airport list, so say where it is")) {
                if (auto p = readPosition(*at, what + " at")) {
                    airport.at = p->local;
                    airport.geo = p->geo;
                }
            }
            if (auto elevation = m.get("elevation"))
                airport.elevation = readQuantity(m_context, *elevation, what + " elevation", Dimension::Length).value_or(0.0);
            if (auto closure = m.get("closure")) {
                MapReader cm(m_context, *closure, what + " closure", keys::kClosure);
                if (cm.ok()) {
                    ClosureRule rule;
                    if (auto radius = cm.require("radius", "how near an unknown track closes it, such as 'radius: 5 km'"))
                        rule.radius = readPositive(m_context, *radius, what + " closure radius", Dimension::Length).value_or(rule.radius);
                    if (auto quiet = cm.get("quiet"))
                        if (auto v = readPositive(m_context, *quiet, what + " closure quiet", Dimension::Duration))
                            rule.quiet = static_cast<Millis>(std::llround(*v * 1000.0));
                    airport.closure = rule;
                }
            }
            if (auto manned = m.get("manned")) {
                MapReader mm(m_context, *manned, what + " manned", keys::kManned);
                if (mm.ok()) {
                    MannedTraffic traffic;
                    if (auto arrivals = mm.get("arrivals"))
                        traffic.arrivalsPerHour = readPerHour(*arrivals, what + " manned arrivals").value_or(0.0);
                    if (auto d = mm.get("departures"))
                        traffic.departuresPerHour = readPerHour(*d, what + " manned departures").value_or(0.0);
                    if (auto hold = mm.get("hold"))
                        if (auto v = readPositive(m_context, *hold, what + " manned hold", Dimension::Duration, true))
                            traffic.hold = static_cast<Millis>(std::llround(*v * 1000.0));
                    if (auto divert = mm.get("divert-to")) {
                        if (auto id = readId(m_context, *divert, what + " manned divert-to")) {
                            traffic.divertTo = *id;
                            m_divertRefs.push_back({*divert, *id});
                        }
                    }
                    airport.manned = traffic;
                }
            }
        }
        if (airport.name.empty()) airport.name = airport.id;
        if (!airport.id.empty()) {
            if (m_named.count(airport.id))
                m_context.error(item.source, "airport '" + airport.id + "' has the id of a place",
                                "give the place another id; positions name places and airports by id");
            m_named[airport.id] = Position{airport.at, airport.geo};
        }
        m_scenario.airports.push_back(airport);
    }
    std::vector<std::string> codes;
    for (const Airport& a : m_scenario.airports) codes.push_back(a.id);
    for (const auto& [source, id] : m_divertRefs)
        if (std::find(codes.begin(), codes.end(), id) == codes.end())
            m_context.error(source, "manned traffic diverts to '" + id + "', which is not an airport of this scenario",
                            core::closestMatch(id, codes).empty() ? "add it under 'airports:'" : core::suggestion(id, codes));
}

std::optional<double> Loader::readPerHour(const Source& source, const std::string& what) {
    const std::string hint = "a number of flights per hour, such as '30 per hour'";
    if (!source.node.IsScalar()) {
        m_context.error(source, what + " must be " + hint);
        return std::nullopt;
    }
    std::string text = source.node.Scalar();
    for (const char* unit : {"per hour", "/h", "per h"}) {
        const std::size_t at = text.rfind(unit);
        if (at != std::string::npos && at + std::string(unit).size() == text.size()) {
            text = text.substr(0, at);
            break;
        }
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value) || value < 0.0 || value > 3600.0) {
        m_context.error(source, what + " must be " + hint + ", not '" + source.node.Scalar() + "'");
        return std::nullopt;
    }
    return value;
}

void Loader::readSites() {
    std::map<std::string, SourceLocation> seen;
    for (const Item& item : items("sites")) {
        MapReader m(m_context, item.source, named("site", item.id), keys::kSite);
        if (!m.ok()) continue;
        Site site;
        site.where = m_context.locate(item.source);
        if (auto id = m.require("id", "such as 'id: bella-center'"))
            if (auto v = readId(m_context, *id, "site id")) site.id = *v, checkId(seen, "site", *v, *id);
        const std::string what = "site '" + site.id + "'";
        if (auto name = m.get("name")) site.name = readString(m_context, *name, what + " name").value_or("");
        if (auto at = m.require("at", "its position"))
            if (auto p = readPosition(*at, what + " at")) site.at = p->local;
        if (auto radius = m.get("radius"))
            site.radius = readPositive(m_context, *radius, what + " radius", Dimension::Length).value_or(0.0);
        if (site.name.empty()) site.name = site.id;
        m_scenario.sites.push_back(site);
    }
}

// --- zones --------------------------------------------------------------------

void Loader::readZones() {
    std::map<std::string, SourceLocation> seen;
    const std::vector<Item> zones = items("zones");
    if (const std::string problem = limits::zonesProblem(zones.size()); !problem.empty()) {
        m_context.error(zones[limits::kMaxZones].source, problem,
                        "split the scenario by region, or include only the zones of its area");
        return;
    }
    for (const Item& item : zones) {
        MapReader m(m_context, item.source, named("zone", item.id), keys::kZone);
        if (!m.ok()) continue;
        Zone zone;
        zone.where = m_context.locate(item.source);
        if (auto id = m.require("id", "a short name, such as 'id: ekch-ctr'"))
            if (auto v = readId(m_context, *id, "zone id")) zone.id = *v, checkId(seen, "zone", *v, *id);
        const std::string what = "zone '" + zone.id + "'";
        if (auto name = m.get("name")) zone.name = readString(m_context, *name, what + " name").value_or("");
        if (zone.name.empty()) zone.name = zone.id;
        if (auto restriction = m.require("restriction", "one of: prohibited, authorisation, conditional, no-restriction")) {
            if (auto word = readWord(m_context, *restriction, what + " restriction", keys::kRestrictions)) {
                const auto index = std::find(keys::kRestrictions.begin(), keys::kRestrictions.end(), *word) -
                                   keys::kRestrictions.begin();
                zone.restriction = static_cast<Restriction>(index);
            }
        }
        if (auto reasons = m.get("reason")) {
            std::vector<Source> words;
            if (reasons->node.IsSequence()) words = readList(m_context, *reasons, what + " reason");
            else words.push_back(*reasons);
            for (const Source& word : words)
                if (auto r = readWord(m_context, word, what + " reason", keys::kReasons))
                    zone.reasons.push_back(static_cast<Reason>(
                        std::find(keys::kReasons.begin(), keys::kReasons.end(), *r) - keys::kReasons.begin()));
        }
        bool good = true;
        if (auto shape = m.require("shape", "its area, such as 'shape: {circle: {center: ..., radius: 5 km}}'")) {
            if (auto region = readShape(*shape, what + " shape", &zone.shapeKind)) zone.region = std::move(*region);
            else good = false;
        } else {
            good = false;
        }
        if (auto altitude = m.get("altitude")) {
            MapReader a(m_context, *altitude, what + " altitude", keys::kAltitudeBand);
            if (a.ok()) {
                if (auto floor = a.get("floor"))
                    if (auto v = readAltitude(m_context, *floor, what + " altitude floor")) zone.altitude.floor = *v;
                if (auto ceiling = a.get("ceiling")) {
                    if (ceiling->node.IsScalar() && ceiling->node.Scalar() == "unlimited") {
                        zone.altitude.ceiling.reset();
                    } else if (auto v = readAltitude(m_context, *ceiling, what + " altitude ceiling")) {
                        zone.altitude.ceiling = *v;
                        if (v->ref == zone.altitude.floor.ref && v->metres <= zone.altitude.floor.metres)
                            m_context.error(*ceiling, what + " ceiling (" + ceiling->node.Scalar() +
                                                          ") is not above its floor",
                                            "the ceiling must be higher than the floor");
                    }
                }
            }
        }
        if (auto active = m.get("active")) {
            if (auto a = readActivation(*active, what + " active")) zone.active = *a;
        }
        if (auto exempt = m.get("exempt"))
            for (const Source& word : readWords(m_context, *exempt, what + " exempt")) {
                std::string category = categoryRef(word, what + " exempt");
                if (!category.empty()) zone.exempt.push_back(category);
            }
        if (auto message = m.get("message")) zone.message = readString(m_context, *message, what + " message").value_or("");
        if (auto grant = m.get("grant")) {
            // category ids or the words that stand for groups of them
            std::vector<std::string> names = keys::kGrantWords;
            for (const Category& c : m_scenario.categories) names.push_back(c.id);
            zone.grant.clear();
            for (const Source& word : readWords(m_context, *grant, what + " grant"))
                if (auto w = readWord(m_context, word, what + " grant", names)) zone.grant.push_back(*w);
        }
        if (auto decision = m.get("decision"))
            if (auto d = readPositive(m_context, *decision, what + " decision", Dimension::Duration, true))
                zone.decision = static_cast<Millis>(std::llround(*d * 1000.0));
        if (!good) continue;
        m_scenario.zones.push_back(std::move(zone));
    }
}

// --- flights and traffic ------------------------------------------------------

std::optional<Range> Loader::readRange(const Source& source, const std::string& what, Dimension dimension) {
    // one value, or "between: [lo, hi]"; altitudes (lengths) may say AGL
    auto readValue = [&](const Source& s, const std::string& label) -> std::optional<double> {
        if (dimension != Dimension::Length) return readPositive(m_context, s, label, dimension);
        auto altitude = readAltitude(m_context, s, label);
        if (!altitude) return std::nullopt;
        if (altitude->ref != core::AltitudeRef::AGL) {
            m_context.error(s, label + " must be above ground level (AGL)", "write for example '120 m AGL' or '120 m'");
            return std::nullopt;
        }
        if (altitude->metres <= 0.0) {
            m_context.error(s, label + " must be more than zero (got " + s.node.Scalar() + ")");
            return std::nullopt;
        }
        return altitude->metres;
    };
    if (source.node.IsScalar()) {
        auto v = readValue(source, what);
        if (!v) return std::nullopt;
        return Range{*v, *v};
    }
    MapReader m(m_context, source, what, keys::kBetween);
    if (!m.ok()) return std::nullopt;
    auto between = m.require("between", "such as 'between: [10 min, 30 min]'");
    if (!between) return std::nullopt;
    if (!between->node.IsSequence() || between->node.size() != 2) {
        m_context.error(*between, what + " between must list two values, such as '[10 min, 30 min]'");
        return std::nullopt;
    }
    auto lo = readValue(child(*between, between->node[0], "0"), what + " lower bound");
    auto hi = readValue(child(*between, between->node[1], "1"), what + " upper bound");
    if (!lo || !hi) return std::nullopt;
    if (*hi < *lo) {
        m_context.error(*between, what + ": the upper bound is below the lower bound", "write the smaller value first");
        return std::nullopt;
    }
    return Range{*lo, *hi};
}

std::optional<std::map<Behaviour, double>> Loader::readBehaviourMix(const Source& source, const std::string& what) {
    MapReader m(m_context, source, what, keys::kBehaviourMix);
    if (!m.ok()) return std::nullopt;
    std::map<Behaviour, double> mix;
    double total = 0.0;
    for (std::size_t i = 0; i < keys::kBehaviourMix.size(); ++i) {
        auto share = m.get(keys::kBehaviourMix[i]);
        if (!share) continue;
        auto v = readQuantity(m_context, *share, what + " " + keys::kBehaviourMix[i], Dimension::Fraction);
        if (!v) return std::nullopt;
        mix[static_cast<Behaviour>(i)] = *v;
        total += *v;
    }
    if (std::abs(total - 1.0) > 1e-6) {
        m_context.error(source, what + " shares add up to " + core::formatQuantity(total, Dimension::Fraction),
                        "they must add up to 100%");
        return std::nullopt;
    }
    return mix;
}

void Loader::checkInsideMap(const std::vector<Vec2>& points, const std::string& what, const Source& at) {
    if (!m_mapBounds) return;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Vec2 p = points[i];
        if (p.x < m_mapBounds->min.x || p.x > m_mapBounds->max.x || p.y < m_mapBounds->min.y || p.y > m_mapBounds->max.y) {
            const double km = core::length(p) / 1000.0;
            m_context.error(at, what + " point " + std::to_string(i + 1) + " is outside the map, " +
                                    std::to_string(static_cast<long long>(std::llround(km))) + " km from the map origin",
                            "check the position, or widen the map with 'extent:'");
            return;
        }
    }
}

void Loader::readFlights() {
    std::map<std::string, SourceLocation> seen;
    for (const Item& item : items("flights")) {
        MapReader m(m_context, item.source, named("flight", item.id), keys::kFlight);
        if (!m.ok()) continue;
        Flight flight;
        flight.where = m_context.locate(item.source);
        bool good = true;
        if (auto id = m.require("id", "a short name, such as 'id: bridge-inspection'"))
            if (auto v = readId(m_context, *id, "flight id")) flight.id = *v, checkId(seen, "flight", *v, *id);
        const std::string what = "flight '" + flight.id + "'";
        if (auto category = m.require("category", "who flies it, such as 'category: hobby'")) {
            flight.category = categoryRef(*category, what + " category");
            good = good && !flight.category.empty();
        } else {
            good = false;
        }
        if (auto depart = m.require("depart", "when it takes off, such as 'depart: 09:30'")) {
            if (auto t = readInstant(m_context, *depart, what + " depart")) {
                flight.depart = *t;
                if (m_context.time.hasStart && (*t < m_scenario.time.start || *t >= m_scenario.time.end) &&
                    m_scenario.time.end > m_scenario.time.start)
                    m_context.warning(*depart, what + " departs at " + depart->node.Scalar() +
                                                   ", outside the scenario's time window",
                                      "it will not fly in this scenario");
            } else {
                good = false;
            }
        } else {
            good = false;
        }
        // the route: a list of positions, or from/to
        std::optional<Source> routeAt = m.get("route");
        if (routeAt && (m.has("from") || m.has("to"))) {
            m_context.error(*routeAt, what + " has both 'route' and 'from'/'to'", "write one or the other");
            good = false;
        } else if (routeAt) {
            if (auto points = readPoints(*routeAt, what + " route", 2)) flight.route = *points;
            else good = false;
        } else {
            auto from = m.require("from", "its take-off position, or a 'route' list");
            auto to = m.require("to", "where it flies to, or a 'route' list");
            std::optional<Position> a, b;
            if (from) a = readPosition(*from, what + " from");
            if (to) b = readPosition(*to, what + " to");
            if (a && b) flight.route = {a->local, b->local};
            else good = false;
        }
        if (!flight.route.empty()) checkInsideMap(flight.route, what + " route", routeAt ? *routeAt : item.source);
        if (auto speed = m.get("speed"))
            flight.speed = readPositive(m_context, *speed, what + " speed", Dimension::Speed).value_or(flight.speed);
        if (auto altitude = m.get("altitude")) {
            if (auto a = readAltitude(m_context, *altitude, what + " altitude")) flight.altitude = *a;
        }
        if (auto behaviour = m.get("behaviour"))
            if (auto word = readWord(m_context, *behaviour, what + " behaviour", keys::kBehaviours))
                flight.behaviour = static_cast<Behaviour>(
                    std::find(keys::kBehaviours.begin(), keys::kBehaviours.end(), *word) - keys::kBehaviours.begin());
        if (auto endurance = m.get("endurance"))
            if (auto d = readPositive(m_context, *endurance, what + " endurance", Dimension::Duration))
                flight.endurance = static_cast<Millis>(std::llround(*d * 1000.0));
        if (auto hover = m.get("hover"))
            if (auto d = readPositive(m_context, *hover, what + " hover", Dimension::Duration, true))
                flight.hover = static_cast<Millis>(std::llround(*d * 1000.0));
        if (auto back = m.get("return")) flight.returnHome = readBool(m_context, *back, what + " return").value_or(false);
        if (good) m_scenario.flights.push_back(std::move(flight));
    }
}

void Loader::readTraffic() {
    std::map<std::string, SourceLocation> seen;
    for (const Item& item : items("traffic")) {
        MapReader m(m_context, item.source, named("traffic", item.id), keys::kTraffic);
        if (!m.ok()) continue;
        TrafficGenerator traffic;
        traffic.where = m_context.locate(item.source);
        bool good = true;
        if (auto id = m.require("id", "a short name, such as 'id: morning-hobby'"))
            if (auto v = readId(m_context, *id, "traffic id")) traffic.id = *v, checkId(seen, "traffic", *v, *id);
        const std::string what = "traffic '" + traffic.id + "'";
        if (auto category = m.require("category", "who flies, such as 'category: hobby'"))
            traffic.category = categoryRef(*category, what + " category");
        if (traffic.category.empty()) good = false;
        if (auto count = m.require("count", "how many flights, such as 'count: 40'"))
            traffic.count = static_cast<int>(readInteger(m_context, *count, what + " count", 1, 1000000).value_or(0));
        if (auto area = m.require("area", "where they fly, such as 'area: {circle: {center: ..., radius: 15 km}}'")) {
            if (auto region = readShape(*area, what + " area", nullptr)) {
                traffic.area = *region;
                const core::Box b = core::bounds(*region);
                checkInsideMap({b.min, b.max}, what + " area corner", *area);
                // generated flights take off and land on land where the basemap says where land is
                if (!m_scenario.land.polygons.empty() && takeOffGrid(*region, m_scenario.land).empty())
                    m_context.error(*area,
                                    what + " area holds no land of basemap '" + m_scenario.basemap + "'",
                                    "its flights take off and land on land only: move the area onto land, or "
                                    "write 'basemap: none'");
            } else {
                good = false;
            }
        }
        if (auto depart = m.require("depart", "when they take off, such as 'depart: {between: [08:00, 12:00]}'")) {
            MapReader d(m_context, *depart, what + " depart", keys::kBetween);
            if (d.ok())
                if (auto between = d.require("between", "such as 'between: [08:00, 12:00]'")) {
                    if (!between->node.IsSequence() || between->node.size() != 2) {
                        m_context.error(*between, what + " depart between must list two times, such as '[08:00, 12:00]'");
                        good = false;
                    } else {
                        auto lo = readInstant(m_context, child(*between, between->node[0], "0"), what + " depart from");
                        auto hi = readInstant(m_context, child(*between, between->node[1], "1"), what + " depart until");
                        if (lo && hi && *hi < *lo) {
                            m_context.error(*between, what + " depart window ends before it starts",
                                            "write the earlier time first");
                            good = false;
                        }
                        if (lo && hi) {
                            traffic.depart = {*lo, *hi};
                            if (*hi < m_scenario.time.start || *lo >= m_scenario.time.end)
                                m_context.warning(*between, what + " departs outside the scenario's time window",
                                                  "none of its flights will fly in this scenario");
                        } else {
                            good = false;
                        }
                    }
                }
        }
        if (auto duration = m.get("duration")) {
            if (auto r = readRange(*duration, what + " duration", Dimension::Duration)) traffic.duration = *r;
        }
        if (auto altitude = m.get("altitude")) {
            if (auto r = readRange(*altitude, what + " altitude", Dimension::Length)) traffic.altitude = *r;
        }
        if (auto speed = m.get("speed")) {
            if (auto r = readRange(*speed, what + " speed", Dimension::Speed)) traffic.speed = *r;
        }
        if (auto behaviour = m.get("behaviour")) {
            if (auto mix = readBehaviourMix(*behaviour, what + " behaviour")) traffic.behaviour = *mix;
        }
        if (good) m_scenario.traffic.push_back(std::move(traffic));
    }
}

// --- sensors, responders ------------------------------------------------------

void Loader::readSensors() {
    std::map<std::string, SourceLocation> seen;
    for (const Item& item : items("sensors")) {
        MapReader m(m_context, item.source, named("sensor", item.id), keys::kSensor);
        if (!m.ok()) continue;
        Sensor sensor;
        sensor.where = m_context.locate(item.source);
        if (auto id = m.require("id", "such as 'id: kastrup-radar'"))
            if (auto v = readId(m_context, *id, "sensor id")) sensor.id = *v, checkId(seen, "sensor", *v, *id);
        const std::string what = "sensor '" + sensor.id + "'";
        if (auto name = m.get("name")) sensor.name = readString(m_context, *name, what + " name").value_or("");
        if (auto type = m.require("type", "one of: radar, rf, camera, remote-id, sighting"))
            if (auto word = readWord(m_context, *type, what + " type", keys::kSensorTypes))
                sensor.type = static_cast<SensorType>(
                    std::find(keys::kSensorTypes.begin(), keys::kSensorTypes.end(), *word) - keys::kSensorTypes.begin());
        if (auto at = m.require("at", "its position"))
            if (auto p = readPosition(*at, what + " at")) sensor.at = p->local;
        if (auto range = m.require("range", "how far it sees, such as 'range: 5 km'"))
            sensor.range = readPositive(m_context, *range, what + " range", Dimension::Length).value_or(0.0);
        if (auto p = m.get("probability"))
            sensor.probability = readQuantity(m_context, *p, what + " probability", Dimension::Fraction).value_or(sensor.probability);
        auto millis = [&](const char* key, Millis fallback, bool allowZero) {
            auto s = m.get(key);
            if (!s) return fallback;
            auto v = readPositive(m_context, *s, what + " " + key, Dimension::Duration, allowZero);
            if (!v) return fallback;
            // time runs in whole milliseconds: a scan every 0 ms would never let the clock move on
            const Millis ms = static_cast<Millis>(std::llround(*v * 1000.0));
            if (!allowZero && ms < 1) {
                m_context.error(*s, what + " " + key + " is under a millisecond, and nofly's clock counts whole milliseconds",
                                "write at least '0.001 s'; a real radar turns in about '1 s' to '5 s'");
                return fallback;
            }
            return ms;
        };
        sensor.update = millis("update", sensor.update, false);
        sensor.latency = millis("latency", sensor.latency, true);
        constexpr double kDegree = std::numbers::pi / 180.0;
        if (auto heading = m.get("heading"))
            sensor.heading = readNumber(m_context, *heading, what + " heading (degrees)").value_or(0.0) * kDegree;
        if (auto fov = m.get("fov")) sensor.fieldOfView = readNumber(m_context, *fov, what + " fov (degrees)").value_or(0.0) * kDegree;
        if (auto alarms = m.get("false-alarms")) {
            sensor.falseAlarmsPerHour = readNumber(m_context, *alarms, what + " false-alarms (per hour)").value_or(0.0);
            // each false alarm is a track to follow: a rate without a cap makes a run without an end
            if (!(sensor.falseAlarmsPerHour >= 0.0 && sensor.falseAlarmsPerHour <= limits::kMaxFalseAlarmsPerHour)) {
                m_context.error(*alarms,
                                what + " false-alarms is " + core::quoted(alarms->node.Scalar()) +
                                    " an hour; it is from 0 to " +
                                    limits::grouped(static_cast<std::int64_t>(limits::kMaxFalseAlarmsPerHour)) +
                                    " an hour (one a second)",
                                "a real sensor makes a few an hour, such as 'false-alarms: 0.5'");
                sensor.falseAlarmsPerHour = 0.0;
            }
        }
        if (sensor.name.empty()) sensor.name = sensor.id;
        m_scenario.sensors.push_back(sensor);
    }
}

void Loader::readResponders() {
    std::map<std::string, SourceLocation> seen;
    for (const Item& item : items("responders")) {
        MapReader m(m_context, item.source, named("responder", item.id), keys::kResponder);
        if (!m.ok()) continue;
        Responder responder;
        responder.where = m_context.locate(item.source);
        if (auto id = m.require("id", "such as 'id: police-team-1'"))
            if (auto v = readId(m_context, *id, "responder id")) responder.id = *v, checkId(seen, "responder", *v, *id);
        const std::string what = "responder '" + responder.id + "'";
        if (auto name = m.get("name")) responder.name = readString(m_context, *name, what + " name").value_or("");
        if (auto type = m.require("type", "one of: police, jammer, interceptor"))
            if (auto word = readWord(m_context, *type, what + " type", keys::kResponderTypes))
                responder.type = static_cast<ResponderType>(std::find(keys::kResponderTypes.begin(),
                                                                      keys::kResponderTypes.end(), *word) -
                                                            keys::kResponderTypes.begin());
        if (auto base = m.require("base", "where it starts from"))
            if (auto p = readPosition(*base, what + " base")) responder.base = p->local;
        if (auto speed = m.get("speed"))
            responder.speed = readPositive(m_context, *speed, what + " speed", Dimension::Speed).value_or(responder.speed);
        if (auto n = m.get("neutralise"))
            if (auto v = readPositive(m_context, *n, what + " neutralise", Dimension::Duration))
                responder.neutralise = static_cast<Millis>(std::llround(*v * 1000.0));
        if (auto s = m.get("success"))
            responder.success = readQuantity(m_context, *s, what + " success", Dimension::Fraction).value_or(responder.success);
        if (auto reach = m.get("reach"))
            responder.reach = readPositive(m_context, *reach, what + " reach", Dimension::Length).value_or(responder.reach);
        responder.effect = responder.type == ResponderType::Jammer ? BreachAction::Return : BreachAction::Land;
        if (auto effect = m.get("effect"))
            if (auto word = readWord(m_context, *effect, what + " effect", keys::kResponderEffects))
                responder.effect = *word == "land" ? BreachAction::Land : BreachAction::Return;
        if (auto protects = m.get("protects")) {
            std::vector<std::string> ids;
            for (const Airport& a : m_scenario.airports) ids.push_back(a.id);
            for (const Site& s : m_scenario.sites) ids.push_back(s.id);
            for (const Source& one : readWords(m_context, *protects, what + " protects"))
                if (auto id = readId(m_context, one, what + " protects")) {
                    if (std::find(ids.begin(), ids.end(), *id) == ids.end())
                        m_context.error(one, what + " protects '" + *id + "', which is not an airport or site of this scenario",
                                        core::suggestion(*id, ids));
                    else
                        responder.protects.push_back(*id);
                }
        }
        if (responder.name.empty()) responder.name = responder.id;
        m_scenario.responders.push_back(responder);
    }
}

void Loader::readObstacles() {
    std::map<std::string, SourceLocation> seen;
    for (const Item& item : items("obstacles")) {
        MapReader m(m_context, item.source, named("obstacle", item.id), keys::kObstacle);
        if (!m.ok()) continue;
        Obstacle obstacle;
        obstacle.where = m_context.locate(item.source);
        if (auto id = m.require("id", "such as 'id: terminal-3'"))
            if (auto v = readId(m_context, *id, "obstacle id")) obstacle.id = *v, checkId(seen, "obstacle", *v, *id);
        const std::string what = "obstacle '" + obstacle.id + "'";
        if (auto name = m.get("name")) obstacle.name = readString(m_context, *name, what + " name").value_or("");
        if (auto shape = m.require("shape", "its outline, such as 'shape: {circle: {center: city-hall, radius: 100 m}}'"))
            if (auto region = readShape(*shape, what + " shape", nullptr)) obstacle.region = std::move(*region);
        if (auto height = m.require("height", "how tall it is, such as 'height: 40 m'"))
            obstacle.height = readPositive(m_context, *height, what + " height", Dimension::Length).value_or(obstacle.height);
        if (obstacle.name.empty()) obstacle.name = obstacle.id;
        m_scenario.obstacles.push_back(std::move(obstacle));
    }
}

void Loader::readTracking(const MapReader& top) {
    auto tracking = top.get("tracking");
    if (!tracking) return;
    MapReader m(m_context, *tracking, "tracking", keys::kTracking);
    if (!m.ok()) return;
    if (auto lost = m.get("lost-after"))
        if (auto v = readPositive(m_context, *lost, "tracking lost-after", Dimension::Duration))
            m_scenario.tracking.lostAfter = static_cast<Millis>(std::llround(*v * 1000.0));
    if (auto wrong = m.get("misclassify"))
        m_scenario.tracking.misclassify =
            readQuantity(m_context, *wrong, "tracking misclassify", Dimension::Fraction).value_or(0.0);
}

// --- timeline and expectations ------------------------------------------------

void Loader::readTimeline() {
    std::map<std::string, SourceLocation> seen;
    for (const Item& item : items("timeline")) {
        MapReader m(m_context, item.source, "timeline event", keys::kEvent);
        if (!m.ok()) continue;
        TimelineEvent event;
        event.where = m_context.locate(item.source);
        if (auto id = m.get("id"))
            if (auto v = readId(m_context, *id, "event id")) event.id = *v, checkId(seen, "event", *v, *id);
        const std::string what = event.id.empty() ? std::string("timeline event") : "event '" + event.id + "'";
        if (auto at = m.require("at", "when it happens, such as 'at: 2025-09-28T18:00+02:00'"))
            event.at = readInstant(m_context, *at, what + " at").value_or(0);
        std::string type;
        if (auto e = m.require("event", "what happens: announce, activate, deactivate, sighting or note"))
            type = readWord(m_context, *e, what + " event", keys::kEventTypes).value_or("");
        if (!type.empty())
            event.type = static_cast<EventType>(std::find(keys::kEventTypes.begin(), keys::kEventTypes.end(), type) -
                                                keys::kEventTypes.begin());
        const bool needsZone = type == "announce" || type == "activate" || type == "deactivate";
        if (auto zone = needsZone ? m.require("zone", "the zone it concerns") : m.get("zone")) {
            if (auto z = readId(m_context, *zone, what + " zone")) {
                event.zone = *z;
                m_refs["zone"].push_back(*zone);
                m_refIds["zone"].push_back(*z);
            }
        }
        if (auto notice = type == "announce" ? m.require("notice", "how long before the zone takes effect, such as "
                                                                   "'notice: 12 h'")
                                             : m.get("notice")) {
            if (auto d = readPositive(m_context, *notice, what + " notice", Dimension::Duration, true))
                event.notice = static_cast<Millis>(std::llround(*d * 1000.0));
        }
        if (auto position = type == "sighting" ? m.require("position", "where the drone was seen") : m.get("position"))
            if (auto p = readPosition(*position, what + " position")) event.position = p->local;
        if (auto genuine = m.get("genuine")) event.genuine = readBool(m_context, *genuine, what + " genuine").value_or(true);
        if (auto text = m.get("text")) event.text = readString(m_context, *text, what + " text").value_or("");
        if (auto illustrative = m.get("illustrative")) {
            // true or false, or 'time': what the entry says happened, but not at this hour
            const std::string word = illustrative->node.IsScalar() ? illustrative->node.Scalar() : "";
            std::string lower = word;
            for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (word == "time") {
                event.illustrative = Illustrative::Time;
            } else if (!illustrative->node.IsScalar() || lower == "true" || lower == "false" || lower == "yes" ||
                       lower == "no") {
                if (readBool(m_context, *illustrative, what + " illustrative").value_or(false))
                    event.illustrative = Illustrative::Entry;
            } else {
                m_context.error(*illustrative, what + " illustrative: " + core::quoted(word) +
                                                   " is not true, false or time",
                                "write true when the entry is invented, time when only its time is");
            }
        }
        if (auto source = m.get("source")) event.source = readString(m_context, *source, what + " source").value_or("");
        m_scenario.timeline.push_back(event);
    }
    std::stable_sort(m_scenario.timeline.begin(), m_scenario.timeline.end(),
                     [](const TimelineEvent& a, const TimelineEvent& b) { return a.at < b.at; });
}

void Loader::readExpectations() {
    for (const Item& item : items("expect")) {
        MapReader m(m_context, item.source, "expectation", keys::kExpect);
        if (!m.ok()) continue;
        Expectation e;
        e.where = m_context.locate(item.source);
        const std::string what = "expectation";
        if (auto metric = m.get("metric")) e.metric = readWord(m_context, *metric, what + " metric", keys::kMetrics).value_or("");
        if (auto outcome = m.get("outcome"))
            e.outcome = readWord(m_context, *outcome, what + " outcome", keys::kExpectOutcomes).value_or("");
        if (auto category = m.get("category")) e.category = categoryRef(*category, what + " category");
        if (auto zone = m.get("zone")) {
            if (auto z = readId(m_context, *zone, what + " zone")) {
                e.zone = *z;
                m_refs["zone"].push_back(*zone);
                m_refIds["zone"].push_back(*z);
            }
        }
        if (auto flight = m.get("flight")) {
            if (auto f = readId(m_context, *flight, what + " flight")) {
                e.flight = *f;
                m_refs["flight"].push_back(*flight);
                m_refIds["flight"].push_back(*f);
            }
        }
        if (auto variant = m.get("variant")) {
            std::vector<std::string> names = {std::string(kBaseVariant)};
            for (const Variant& v : m_scenario.variants) names.push_back(v.id);
            for (const Source& word : readWords(m_context, *variant, what + " variant"))
                if (auto w = readWord(m_context, word, what + " variant", names)) e.variants.push_back(*w);
        }
        for (const char* bound : {"at_least", "at_most", "equals"}) {
            auto b = m.get(bound);
            if (!b) continue;
            auto v = readNumber(m_context, *b, what + " " + bound);
            if (!v) continue;
            if (std::string(bound) == "at_least") e.atLeast = v;
            else if (std::string(bound) == "at_most") e.atMost = v;
            else e.equals = v;
        }
        // a claim needs something to measure and a bound, or a flight and its outcome
        const bool boundGiven = e.atLeast || e.atMost || e.equals;
        if (!e.outcome.empty() && e.flight.empty())
            m_context.error(item.source, what + " names an outcome but no flight", "add 'flight: <id>'");
        else if (e.outcome.empty() && e.metric.empty())
            m_context.error(item.source, what + " says neither 'metric' nor 'outcome'",
                            "write for example '{metric: cancelled, category: hobby, at_least: 30}' or '{flight: f1, "
                            "outcome: cancelled}'");
        else if (!e.metric.empty() && !boundGiven)
            m_context.error(item.source, what + " for '" + e.metric + "' gives no bound",
                            "add 'at_least', 'at_most' or 'equals'");
        if (e.atLeast && e.atMost && *e.atMost < *e.atLeast)
            m_context.error(item.source, what + ": at_most is below at_least", "no result could pass");
        m_scenario.expectations.push_back(e);
    }
}

// --- questions ----------------------------------------------------------------

/// "an airport", "a flight".
std::string withArticle(const std::string& kind) {
    return (std::string("aeiou").find(kind.front()) != std::string::npos ? "an " : "a ") + kind;
}

/// "a flight", "a flight or a zone", "a responder, a track or a flight".
std::string kindsText(const keys::List& kinds) {
    std::string out;
    for (std::size_t i = 0; i < kinds.size(); ++i)
        out += (i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ") + withArticle(kinds[i]);
    return out;
}

/// A defence track's id as the run numbers them: T1, T2, ...
bool isTrackId(const std::string& id) {
    return id.size() >= 2 && id[0] == 'T' && id[1] != '0' &&
           std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Why a choice can never answer a `first:` question about things of kind `about`, as a message and
/// a hint, or nothing when it can: 'none', or an id of that kind (`things`: the ids of each kind).
std::optional<std::pair<std::string, std::string>>
refuseSubject(const std::string& choice, const std::string& type, const std::string& about,
              const keys::List& kinds, const std::map<std::string, std::vector<std::string>>& things) {
    if (choice == "none") return std::nullopt;
    if (about == "track" && isTrackId(choice)) return std::nullopt;
    const auto known = [&](const std::string& kind, const std::string& id) {
        const auto it = things.find(kind);
        return it != things.end() && std::find(it->second.begin(), it->second.end(), id) != it->second.end();
    };
    if (known(about, choice)) return std::nullopt;

    // a thing of another kind: ask about that kind, if the event names it
    for (const auto& [kind, ids] : things) {
        if (std::find(ids.begin(), ids.end(), choice) == ids.end()) continue;
        const std::string what = "'" + choice + "' is " + withArticle(kind) + ", not " + withArticle(about) +
                                 ": the answer is " + withArticle(about) + " or 'none'";
        if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end())
            return std::pair{what, "to ask which " + kind + ", write 'about: " + kind + "'"};
        return std::pair{what, "a '" + type + "' event names " + kindsText(kinds)};
    }
    if (about == "track")
        return std::pair{"'" + choice + "' is not a track nor 'none'",
                         "the run numbers tracks as it finds them: T1, T2, ..."};
    std::vector<std::string> candidates = {"none"};
    if (const auto it = things.find(about); it != things.end())
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    return std::pair{"'" + choice + "' is not 'none' nor " + withArticle(about) + " of this scenario",
                     candidates.size() == 1 ? "this scenario has no " + about + "s"
                                            : core::suggestion(choice, candidates)};
}

void Loader::readQuestions() {
    // what a question may name, by kind: flights written out or generated, and what events name
    std::map<std::string, std::vector<std::string>> things;
    std::vector<std::string>& flights = things["flight"];
    for (const Flight& f : m_scenario.flights) flights.push_back(f.id);
    for (const TrafficGenerator& g : m_scenario.traffic) {
        const std::size_t width = std::to_string(g.count).size();
        for (int n = 1; n <= g.count; ++n) {
            const std::string number = std::to_string(n);
            flights.push_back(g.id + "-" + std::string(width - number.size(), '0') + number);
        }
    }
    for (const Airport& a : m_scenario.airports) things["airport"].push_back(a.id);
    for (const Zone& z : m_scenario.zones) things["zone"].push_back(z.id);
    for (const Sensor& sensor : m_scenario.sensors) things["sensor"].push_back(sensor.id);
    for (const Responder& r : m_scenario.responders) things["responder"].push_back(r.id);
    // no event names a site (closures name airports): known only to say so
    for (const Site& site : m_scenario.sites) things["site"].push_back(site.id);

    std::map<std::string, SourceLocation> seen;
    for (const Item& item : items("questions")) {
        MapReader m(m_context, item.source, named("question", item.id), keys::kQuestion);
        if (!m.ok()) continue;
        Question q;
        q.where = m_context.locate(item.source);
        if (auto id = m.require("id", "a short name for the question, used by 'nofly run --answer ID=CHOICE'"))
            if (auto v = readId(m_context, *id, "question id")) q.id = *v, checkId(seen, "question", *v, *id);
        const std::string what = q.id.empty() ? std::string("question") : "question '" + q.id + "'";
        if (auto ask = m.require("ask", "the question as the class reads it, such as 'ask: Will the bridge "
                                        "inspection fly?'"))
            q.ask = readString(m_context, *ask, what + " ask").value_or("");

        // the answer: a flight's outcome, or what the first event of a type names
        const auto flight = m.get("flight"), first = m.get("first"), about = m.get("about");
        if (flight && first) {
            m_context.error(*first, what + " has both 'flight' and 'first'",
                            "a question has one answer: keep one of them");
        } else if (!flight && !first && !m.hadUnknownKeys()) {
            m_context.error(item.source, what + " says neither 'flight' nor 'first'",
                            "add 'flight: <id>' (the answer is that flight's outcome) or 'first: site_closed' (the "
                            "answer is what the first event of that type names)");
        }
        if (flight) {
            if (auto f = readId(m_context, *flight, what + " flight")) {
                q.flight = *f;
                if (std::find(flights.begin(), flights.end(), *f) == flights.end())
                    m_context.error(*flight, what + " flight: there is no flight '" + *f + "'",
                                    flights.empty() ? "this scenario has no flights" : core::suggestion(*f, flights));
            }
            if (about && !first)
                m_context.error(*about, what + " about: only a 'first' question says what it asks about",
                                "the answer to a 'flight' question is that flight's outcome: remove 'about'");
        }

        // what a first event names: the kind asked about, or the first kind its events name
        const keys::List* kinds = nullptr;
        if (first) {
            q.first = readWord(m_context, *first, what + " first", keys::kEventLogTypes).value_or("");
            for (const auto& [type, subjects] : keys::kEventSubjects)
                if (type == q.first) kinds = &subjects;
        }
        if (kinds && about) {
            if (auto kind = readWord(m_context, *about, what + " about", keys::kQuestionSubjects)) {
                if (std::find(kinds->begin(), kinds->end(), *kind) != kinds->end())
                    q.about = *kind;
                else
                    m_context.error(*about, what + " about: a '" + q.first + "' event names no " + *kind,
                                    "it names " + kindsText(*kinds));
            }
        } else if (kinds) {
            q.about = kinds->front();
        }

        // the choices offered: outcome words for a flight, ids (or 'none') of the kind asked about
        if (auto choices = m.get("choices")) {
            bool refused = false;
            for (const Source& c : readWords(m_context, *choices, what + " choices")) {
                std::optional<std::string> word;
                if (first) {
                    word = readId(m_context, c, what + " choice");
                    if (word && kinds && !q.about.empty()) {
                        if (auto why = refuseSubject(*word, q.first, q.about, *kinds, things)) {
                            m_context.error(c, what + " choice: " + why->first, why->second);
                            refused = true;
                            continue;
                        }
                    }
                } else {
                    word = readWord(m_context, c, what + " choice", keys::kExpectOutcomes);
                }
                if (!word) {
                    refused = true;
                    continue;
                }
                if (std::find(q.choices.begin(), q.choices.end(), *word) != q.choices.end()) {
                    m_context.error(c, what + " choice: '" + *word + "' is written twice", "offer each answer once");
                    continue;
                }
                q.choices.push_back(*word);
            }
            if (q.choices.size() == 1 && !refused)
                m_context.error(*choices, what + " offers a single choice", "offer at least two answers");
        } else if (first) {
            m_context.error(item.source, what + " gives no choices",
                            "list the answers the class picks from, such as 'choices: [EKCH, EKBI, none]'");
        } else {
            q.choices.assign(keys::kFinalOutcomes.begin(), keys::kFinalOutcomes.end());
        }
        if (auto reveal = m.get("reveal")) {
            if (auto t = readInstant(m_context, *reveal, what + " reveal")) {
                q.reveal = *t;
                const int offset = m_scenario.time.utcOffsetMinutes;
                if (m_scenario.time.end > m_scenario.time.start &&
                    (*t < m_scenario.time.start || *t > m_scenario.time.end))
                    m_context.error(*reveal, what + " reveal: " + core::formatClock(*t, offset) +
                                                 " is outside the scenario's time",
                                    "reveal between " + core::formatClock(m_scenario.time.start, offset) + " and " +
                                        core::formatClock(m_scenario.time.end, offset));
            }
        }
        m_scenario.questions.push_back(q);
    }
}

// --- references and warnings --------------------------------------------------

void Loader::crossCheck() {
    // references to zones, events and flights declared anywhere in the file
    std::map<std::string, std::vector<std::string>> ids;
    for (const Zone& z : m_scenario.zones) ids["zone"].push_back(z.id);
    for (const Item& item : m_sections["zones"]) // zones that failed to load still exist as names
        if (!item.id.empty()) ids["zone"].push_back(item.id);
    for (const TimelineEvent& e : m_scenario.timeline)
        if (!e.id.empty()) ids["event"].push_back(e.id);
    for (const Flight& f : m_scenario.flights) ids["flight"].push_back(f.id);
    for (const Item& item : m_sections["flights"])
        if (!item.id.empty()) ids["flight"].push_back(item.id);
    const std::map<std::string, std::string> words = {
        {"zone", "zone"}, {"event", "timeline event"}, {"flight", "flight"}};
    for (const auto& [kind, uses] : m_refs) {
        const auto& known = ids[kind];
        for (std::size_t i = 0; i < uses.size(); ++i) {
            const std::string& id = m_refIds[kind][i];
            if (std::find(known.begin(), known.end(), id) != known.end()) continue;
            if (kind == "zone" && !m_options.variant.empty()) {
                // a variant that removes a zone may leave references to it: those are fine to drop
                if (m_context.removed("zones." + id)) continue;
            }
            m_context.error(uses[i], "there is no " + words.at(kind) + " '" + id + "'",
                            known.empty() ? "this scenario declares no " + words.at(kind) + " with an id"
                                          : core::suggestion(id, known));
        }
    }

    const Instant start = m_scenario.time.start, end = m_scenario.time.end;
    if (end <= start) return;
    const int offset = m_scenario.time.utcOffsetMinutes;

    // when each zone is in force, by the one rule the simulation follows
    std::vector<std::vector<InForceWindow>> inForce;
    for (std::size_t z = 0; z < m_scenario.zones.size(); ++z)
        inForce.push_back(windowsInForce(m_scenario, z));

    // a zone never in force during the scenario
    for (std::size_t z = 0; z < m_scenario.zones.size(); ++z) {
        const Zone& zone = m_scenario.zones[z];
        const bool active = std::any_of(inForce[z].begin(), inForce[z].end(),
                                        [&](const InForceWindow& w) { return w.from < end && w.to > start; });
        if (!active)
            m_context.diagnostics().warning(zone.where, "zone '" + zone.id + "' is never active between " +
                                                            core::formatInstant(start, offset) + " and " +
                                                            core::formatInstant(end, offset),
                                            "check its 'active' times against the scenario's 'time'");
    }

    // a flight that takes off inside a prohibited zone that applies to it, by the rules the simulation
    // judges with (sim::judge): not exempt, no standing authorisation, within the zone's heights (ground
    // taken as sea level), in force and announced at the take-off time
    for (const Flight& flight : m_scenario.flights) {
        if (flight.route.empty()) continue;
        // an operator written as ignoring the rules flies anyway: that is the point of the flight
        if (flight.behaviour && *flight.behaviour != Behaviour::Compliant) continue;
        const Category* category = m_scenario.category(flight.category);
        for (std::size_t z = 0; z < m_scenario.zones.size(); ++z) {
            const Zone& zone = m_scenario.zones[z];
            if (zone.restriction != Restriction::Prohibited) continue;
            if (isExempt(zone, flight.category)) continue;
            if (category && holdsStandingAuthorisation(*category, zone)) continue;
            if (flight.altitude.metres < zone.altitude.floor.metres) continue;
            if (zone.altitude.ceiling && flight.altitude.metres > zone.altitude.ceiling->metres) continue;
            const bool scheduled =
                std::any_of(inForce[z].begin(), inForce[z].end(), [&](const InForceWindow& w) {
                    return w.known <= flight.depart && w.from <= flight.depart && w.to > flight.depart;
                });
            if (scheduled && core::contains(zone.region, flight.route.front()))
                m_context.diagnostics().warning(flight.where, "flight '" + flight.id +
                                                                  "' takes off inside prohibited zone '" + zone.id + "'",
                                                "it will not be allowed to fly, unless the zone ends before it departs");
        }
    }
}

} // namespace

// --- entry points ---------------------------------------------------------------

LoadResult loadScenarioText(const std::string& text, const std::string& fileName, const LoadOptions& options) {
    LoadResult result;
    try {
        Loader loader(result.diagnostics, options);
        result.scenario = loader.load(text, fileName);
    } catch (const std::exception& e) {
        // a bug of ours, not the user's: say so rather than crash
        result.scenario.reset();
        result.diagnostics.error({fileName, 0, 0}, std::string("internal error while reading the scenario: ") + e.what(),
                                 "please report this with the file");
    }
    return result;
}

LoadResult loadScenarioFile(const std::string& path, const LoadOptions& options) {
    // its name goes into every report (report.json, check --format json), which must be UTF-8
    if (const auto problem = core::findEncodingProblem(path)) {
        LoadResult result;
        result.diagnostics.error({core::escapeNonUtf8(path), 0, 0},
                                 std::string("cannot read the scenario: its name ") +
                                     (problem->notUtf8 ? "is not UTF-8" : "holds a control character"),
                                 "rename the file: the name of a scenario is written into its reports, which are "
                                 "UTF-8");
        return result;
    }
    std::string error;
    auto text = readFile(path, "", error);
    if (!text) {
        LoadResult result;
        result.diagnostics.error({path, 0, 0}, "cannot read the scenario: " + error);
        return result;
    }
    return loadScenarioText(*text, path, options);
}

std::optional<std::vector<std::string>> declaredVariants(const std::string& path) {
    std::string error;
    const auto text = readFile(path, "", error);
    if (!text) return std::nullopt;
    core::Diagnostics ignored; // the load that follows reports them
    std::size_t values = 0;
    const auto root = parseYaml(*text, path, ignored, values);
    if (!root || !root->IsMap()) return std::nullopt;
    try {
        const YAML::Node& top = *root; // a const node: looking a key up adds nothing
        const YAML::Node variants = top["variants"];
        std::vector<std::string> names;
        if (variants.IsDefined() && variants.IsMap())
            for (auto it = variants.begin(); it != variants.end(); ++it)
                if (it->first.IsScalar()) names.push_back(it->first.Scalar());
        return names;
    } catch (const YAML::Exception&) {
        return std::nullopt;
    }
}

LoadResult checkScenarioFile(const std::string& path, const LoadOptions& options,
                             const ScenarioCheck& check) {
    LoadOptions base = options;
    base.variant.clear();
    LoadResult result = loadScenarioFile(path, base);
    if (!result.scenario) return result;
    if (check) check(*result.scenario, result.diagnostics);
    std::set<std::string> seen;
    for (const core::Diagnostic& d : result.diagnostics.all()) seen.insert(core::format(d));
    for (const Variant& variant : result.scenario->variants) {
        LoadOptions withVariant = base;
        withVariant.variant = variant.id;
        LoadResult v = loadScenarioFile(path, withVariant);
        if (v.scenario && check) check(*v.scenario, v.diagnostics);
        for (core::Diagnostic d : v.diagnostics.all()) {
            if (!seen.insert(core::format(d)).second) continue;
            d.message = "in variant '" + variant.id + "': " + d.message;
            result.diagnostics.add(d);
        }
    }
    if (result.diagnostics.hasErrors()) result.scenario.reset();
    return result;
}

} // namespace nofly::scenario
