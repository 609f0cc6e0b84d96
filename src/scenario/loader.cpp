// Loading a scenario: the driver that reads the file's sections in order, the
// YAML files themselves (the scenario's and those it includes), variants and
// command-line settings, and the opening every element of a list section
// shares. Each part of the scenario is read in a file of its own
// (detail/loader.hpp lists them).
#include "scenario/detail/loader.hpp"

#include "core/encoding.hpp"
#include "core/text.hpp"
#include "scenario/import.hpp"
#include "scenario/text_file.hpp"
#include "scenario/zone_fragment.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

namespace nofly::scenario {

namespace fs = std::filesystem;

namespace {

/// "zone 'park'" for messages, or "zone" while the id is unknown.
std::string named(const std::string& kind, const std::string& id) {
    return id.empty() ? kind : kind + " '" + id + "'";
}

/// The raw id of a list item, read without inserting into the node.
std::string rawId(const YAML::Node& node) {
    if (node.IsScalar()) return node.Scalar(); // a bare airport code
    if (!node.IsMap()) return {};
    const YAML::Node& n = node;
    const YAML::Node id = n["id"];
    return id.IsDefined() && id.IsScalar() ? id.Scalar() : std::string();
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

} // namespace

namespace detail {

Loader::Loader(core::Diagnostics& diagnostics, const LoadOptions& options)
    : m_context(diagnostics), m_options(options),
      m_assetDir(options.assetDir.empty() ? defaultAssetDir() : options.assetDir) {
    // every command names the scenario as written "base", as compare and expect: do
    if (m_options.variant == kBaseVariant) m_options.variant.clear();
}

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
    readPolicyTexts(reader);

    readTime(reader);
    readMap(reader);
    readCategories(reader);

    // list sections from this file, its includes and the variant's additions
    for (const ElementKind* kind : kListSections)
        if (auto list = reader.get(kind->section))
            for (const Source& item : readList(m_context, *list, kind->section))
                m_sections[kind->section].push_back({item, rawId(item.node)});
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
                Variant v{*id, {}, {}, m_context.locate(keySource)};
                if (auto name = variant.get("name")) {
                    v.name = readString(m_context, *name, "variant '" + *id + "' name").value_or("");
                    // two policies of one name would read as one on a handout
                    for (const Variant& other : m_scenario.variants)
                        if (!v.name.empty() && other.name == v.name) {
                            m_context.error(*name,
                                            "variant '" + *id + "' has the name " + core::quoted(v.name) +
                                                " of variant '" + other.id + "'",
                                            "give each policy a name of its own");
                            break; // the first of that name is enough
                        }
                }
                if (auto d = variant.get("description")) v.description = readString(m_context, *d, "description").value_or("");
                m_scenario.variants.push_back(v);
                if (*id != m_options.variant || !variant.ok()) continue;
                found = true;
                readVariant(variant, *id);
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

/// What a compare handout says of the scenario beyond its title: the policy it
/// is written as (`policy:`), what the model leaves out (`leaves_out:`) and the
/// metrics it charts first (`headlines:`, names of the metric table).
void Loader::readPolicyTexts(const MapReader& top) {
    if (auto policy = top.get("policy")) {
        MapReader reader(m_context, *policy, "policy", keys::kPolicy);
        if (auto name = reader.get("name")) {
            m_scenario.policy.name = readString(m_context, *name, "policy name").value_or("");
            for (const Variant& v : m_scenario.variants)
                if (!m_scenario.policy.name.empty() && v.name == m_scenario.policy.name) {
                    m_context.error(*name,
                                    "the policy as written has the name " +
                                        core::quoted(m_scenario.policy.name) + " of variant '" + v.id + "'",
                                    "give each policy a name of its own");
                    break; // once: the variants of that name are told of each other
                }
        }
        if (auto description = reader.get("description"))
            m_scenario.policy.description =
                readString(m_context, *description, "policy description").value_or("");
        m_scenario.policy.where = m_context.locate(*policy);
    }
    if (auto leavesOut = top.get("leaves_out"))
        for (const Source& item : readList(m_context, *leavesOut, "leaves_out"))
            if (auto sentence = readString(m_context, item, "a sentence of leaves_out")) {
                if (sentence->find_first_not_of(" \t") == std::string::npos)
                    m_context.error(
                        item, "leaves_out: an empty sentence",
                        "write what the model leaves out, such as 'Weather: every flight has a calm day.'");
                else
                    m_scenario.leavesOut.push_back(*sentence);
            }
    if (auto headlines = top.get("headlines")) {
        MapReader reader(m_context, *headlines, "headlines", keys::kHeadlines);
        Headlines& h = m_scenario.headlines;
        std::map<std::string, int> named; // metric -> the line it is first named on
        const auto take = [&](const Source& at, const std::string& what) -> std::string {
            std::string metric = readWord(m_context, at, what, keys::kMetrics).value_or("");
            if (metric.empty()) return metric;
            const int line = m_context.locate(at).line;
            if (auto [first, added] = named.emplace(metric, line); !added) {
                m_context.error(at, "headlines: " + core::quoted(metric) + " is named twice",
                                "the first is on line " + std::to_string(first->second) +
                                    "; name each metric once");
                return {};
            }
            return metric;
        };
        if (auto cost = reader.get("cost")) h.cost = take(*cost, "headlines: the cost metric");
        if (auto benefit = reader.get("benefit")) h.benefit = take(*benefit, "headlines: the benefit metric");
        if (auto also = reader.get("also"))
            for (const Source& item : readList(m_context, *also, "headlines also"))
                if (std::string metric = take(item, "headlines: a metric of also"); !metric.empty())
                    h.also.push_back(metric);
    }
}

/// The patches of the chosen variant: what it removes, sets and adds.
void Loader::readVariant(const MapReader& variant, const std::string& id) {
    if (auto remove = variant.get("remove"))
        for (const Source& path : readList(m_context, *remove, "variant '" + id + "' remove"))
            if (auto p = readString(m_context, path, "a path to remove")) m_context.addRemoval(*p, path);
    if (auto set = variant.get("set")) {
        if (!set->node.IsMap()) {
            m_context.error(*set, "variant '" + id +
                                      "' set must map paths to new values, such as "
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
                    m_context.error(key, "variant '" + id + "' sets " + core::quoted(*p) + " twice",
                                    "the first is on line " + std::to_string(first->second) +
                                        "; keep one of them");
                    continue;
                }
                if (refuseFixedPath(*p, key, "variant '" + id + "'")) continue;
                m_context.addOverride(*p, value, key);
            }
        }
    }
    if (auto add = variant.get("add")) {
        MapReader adds(m_context, *add, "variant '" + id + "' add", keys::kIncluded);
        if (adds.ok())
            for (const std::string& section : adds.presentKeys())
                if (auto list = adds.get(section))
                    for (const Source& item : readList(m_context, *list, section))
                        m_added[section].push_back({item, rawId(item.node)});
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
    // the texts of a comparison: one handout compares every variant
    if (top == "policy" || top == "leaves_out" || top == "headlines") {
        std::string hint =
            "policy, leaves_out and headlines speak for the whole comparison, the same in every variant";
        if (top == "policy" && who != "--set")
            hint += "; a variant has 'name:' and 'description:' keys of its own";
        m_context.error(at, who + " sets " + core::quoted(path) + ", which a variant cannot change", hint);
        return true;
    }
    if (top != "title" && top != "description" && top != "goals" && top != "seed") return false;
    std::string hint = "title, description, goals and seed are the scenario's own, the same in every variant";
    if (top == "seed") hint += who == "--set" ? "; sweep gives the seeds with --seed-from and --seeds"
                                               : ", so that variants are compared on the same traffic";
    else if (top == "description" && who != "--set") hint += "; a variant has a 'description:' key of its own";
    m_context.error(at, who + " sets " + core::quoted(path) + ", which a variant cannot change", hint);
    return true;
}

// --- includes -----------------------------------------------------------------

/// A path written in the scenario: relative, and inside its folder once links
/// are resolved; the resolved path is the one read, never the path as written
/// (the one path policy).
std::optional<fs::path> Loader::resolveIncluded(const Source& at, const std::string& path, const char* what) {
    const fs::path relative(path);
    if (relative.is_absolute()) {
        m_context.error(at, std::string(what) + " " + core::quoted(path) + " is an absolute path",
                        "write the path relative to this scenario file, such as 'zones/airports.yaml'");
        return std::nullopt;
    }
    FileProblem problem;
    auto resolved = resolveInTree((m_root / relative).string(), m_root.string(), problem);
    if (!resolved) {
        m_context.error(at, std::string(what) + " " + core::quoted(path) + " " + problem.message,
                        problem.outside ? "included files must be in the scenario's folder or below it"
                                        : problem.hint);
        return std::nullopt;
    }
    return fs::path(*resolved);
}

/// The path for messages, beside the scenario's name; a '..' stays as written,
/// since after a link it does not climb where the text seems to say.
std::string Loader::shownPath(const std::string& path) const {
    const fs::path shown = fs::path(*m_file).parent_path() / fs::path(path);
    const bool climbs = std::any_of(shown.begin(), shown.end(), [](const fs::path& p) { return p == ".."; });
    return (climbs ? shown : shown.lexically_normal()).string();
}

/// An item of `include:` written as {file, format, lang, skip-bad, mapping,
/// lenient}: how to read real airspace data. Sets `fileAt` to its file and
/// says whether it asks for an import; nothing when it cannot be read.
std::optional<bool> Loader::readIncludeOptions(const Source& entry, Source& fileAt, ImportOptions& import) {
    MapReader item(m_context, entry, "include", keys::kInclude);
    auto file = item.require("file", "the path of the file, such as 'file: zones.openair'");
    if (!item.ok() || !file) return std::nullopt;
    fileAt = *file;
    bool good = true;
    if (auto format = item.get("format")) {
        auto word = readWord(m_context, *format, "include format", keys::kImportFormats);
        import.format = word.value_or("");
        good = good && word;
    }
    if (auto lang = item.get("lang"))
        import.lang = readString(m_context, *lang, "include lang").value_or("en");
    if (auto skip = item.get("skip-bad"))
        import.skipBad = readBool(m_context, *skip, "include skip-bad").value_or(false);
    if (auto lenient = item.get("lenient"))
        import.lenient = readBool(m_context, *lenient, "include lenient").value_or(false);
    if (auto mapping = item.get("mapping")) {
        auto path = readString(m_context, *mapping, "include mapping");
        auto resolved = path ? resolveIncluded(*mapping, *path, "mapping") : std::nullopt;
        if (resolved) {
            import.mapping = resolved->string();
            import.mappingName = shownPath(*path);
        } else {
            good = false;
        }
    }
    const bool realData = item.has("format") || item.has("lang") || item.has("skip-bad") ||
                          item.has("mapping") || item.has("lenient");
    if (!good) return std::nullopt;
    return realData;
}

void Loader::readIncludes(const MapReader& top) {
    auto include = top.get("include");
    if (!include) return;
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
            const auto asked = readIncludeOptions(entry, fileAt, import);
            if (!asked) continue;
            realData = *asked;
        }
        auto path = readString(m_context, fileAt, "an included file");
        if (!path) continue;
        auto resolved = resolveIncluded(fileAt, *path, "include");
        if (!resolved) continue;
        std::string extension = fs::path(*path).extension().string();
        for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        realData = realData || extension == ".json" || extension == ".geojson" || extension == ".openair" ||
                   extension == ".txt";
        if (realData)
            includeRealData(fileAt, *path, *resolved, std::move(import));
        else
            includeYaml(fileAt, *path, *resolved);
    }
}

/// Real airspace data: imported, then read as zones written by hand, at the feature's line.
void Loader::includeRealData(const Source& fileAt, const std::string& path, const fs::path& resolved,
                             ImportOptions import) {
    const std::string root = m_root.string();
    const std::string shown = shownPath(path);
    import.displayName = shown;
    import.tree = root;
    // a file that cannot be read (a folder, a pipe, too big) is a mistake of this line
    FileProblem problem;
    auto data = readTextFile(resolved.string(), root, kMaxImportBytes, "imports", problem);
    if (!data) {
        m_context.error(fileAt, "include " + core::quoted(path) + " " + problem.message, problem.hint);
        return;
    }
    ImportResult imported = importZonesText(std::move(*data), resolved.string(), import);
    m_context.diagnostics().append(imported.diagnostics);
    if (!imported.ok()) return;
    m_scenario.includes.push_back(resolved.string());
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
}

/// A YAML file of list sections, read as if they were written in the scenario.
void Loader::includeYaml(const Source& fileAt, const std::string& path, const fs::path& resolved) {
    std::string error;
    auto text = readFile(resolved, m_root.string(), error);
    if (!text) {
        m_context.error(fileAt, "include " + core::quoted(path) + " " + error);
        return;
    }
    const std::string shown = shownPath(path);
    auto node = parseYaml(*text, shown, m_context.diagnostics(), m_values);
    if (!node) return;
    m_scenario.includes.push_back(resolved.string());
    Source included;
    included.node = *node;
    included.file = m_context.internFile(shown);
    MapReader reader(m_context, included, "included file " + core::quoted(path), keys::kIncluded);
    if (!reader.ok()) return;
    for (const std::string& section : reader.presentKeys())
        if (auto list = reader.get(section))
            for (const Source& item : readList(m_context, *list, section))
                m_sections[section].push_back({item, rawId(item.node)});
}

// --- list items ---------------------------------------------------------------

/// A section's items with a variant's patches applied: removed ones left out,
/// replaced ones replaced, each given its path ("zones.ekch-ctr").
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

void Loader::checkId(IdsSeen& seen, const std::string& kind, const std::string& id, const Source& at) {
    auto [it, inserted] = seen.emplace(id, m_context.locate(at));
    if (!inserted) {
        const SourceLocation& first = it->second;
        m_context.error(at, "duplicate " + kind + " id '" + id + "'",
                        "the first is at " + first.file + ":" + std::to_string(first.line) + "; ids must be unique");
    }
}

/// The opening every element of a list section shares: its mapping, its id
/// (checked against the section's others), what messages call it, its name.
std::optional<Element> Loader::open(const Item& item, const ElementKind& kind, IdsSeen& seen) {
    Element e{MapReader(m_context, item.source, kind.mapping ? kind.mapping : named(kind.kind, item.id),
                        *kind.keys),
              {},
              {},
              {},
              false,
              m_context.locate(item.source)};
    if (!e.map.ok()) return std::nullopt;
    // the id: required, or read when given, or none where the keys have none
    const auto has = [&](const char* key) { return keys::indexOf(*kind.keys, key).has_value(); };
    std::optional<Source> id = kind.idHint ? e.map.require("id", kind.idHint)
                               : has("id") ? e.map.get("id")
                                           : std::nullopt;
    if (id)
        if (auto v = readId(m_context, *id, std::string(kind.kind) + " id")) {
            e.id = *v;
            checkId(seen, kind.kind, *v, *id);
        }
    e.what =
        e.id.empty() && kind.unnamed ? std::string(kind.unnamed) : std::string(kind.kind) + " '" + e.id + "'";
    if (has("name"))
        if (auto name = e.map.get("name")) {
            e.named = true;
            e.name = readString(m_context, *name, e.what + " name").value_or("");
        }
    if (e.name.empty()) e.name = e.id;
    return e;
}

} // namespace detail

// --- entry points ---------------------------------------------------------------

LoadResult loadScenarioText(const std::string& text, const std::string& fileName, const LoadOptions& options) {
    LoadResult result;
    try {
        detail::Loader loader(result.diagnostics, options);
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
