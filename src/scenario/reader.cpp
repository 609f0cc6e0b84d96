#include "scenario/reader.hpp"

#include "core/decimal.hpp"
#include "core/encoding.hpp"
#include "core/text.hpp"
#include "scenario/limits.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <system_error>

namespace nofly::scenario {

bool checkTreeLimits(const YAML::Node& root, const std::string& file, core::Diagnostics& diagnostics,
                     std::size_t& values) {
    // depth first, each value counted every time an alias repeats it
    std::vector<std::pair<YAML::Node, int>> stack{{root, 1}};
    const std::size_t before = values; // of the files read before this one
    while (!stack.empty()) {
        const auto [node, depth] = stack.back();
        stack.pop_back();
        const YAML::Mark mark = node.Mark();
        const core::SourceLocation at{file, mark.line + 1, mark.column + 1};
        if (++values > limits::kMaxValues) {
            const std::string limit = limits::grouped(static_cast<std::int64_t>(limits::kMaxValues));
            if (before == 0)
                diagnostics.error(at, "the file holds more than " + limit + " values (limit " + limit +
                                          " for a scenario and its included files together; an alias counts its "
                                          "values each time it is used)",
                                  "split the scenario, or use fewer aliases ('*name')");
            else
                diagnostics.error(at, "this file brings the scenario and its included files past " + limit +
                                          " values (" + limits::grouped(static_cast<std::int64_t>(before)) +
                                          " before it; limit " + limit +
                                          " for all the files together; an alias counts its values each time it is "
                                          "used)",
                                  "include fewer or smaller files, or use fewer aliases ('*name')");
            return false;
        }
        if (!node.IsSequence() && !node.IsMap()) continue;
        if (depth > limits::kMaxNesting) {
            diagnostics.error(at, "lists and mappings nest " + std::to_string(depth) + " deep here (limit " +
                                      std::to_string(limits::kMaxNesting) + ")",
                              "a scenario nests a few levels; check the brackets and the indentation");
            return false;
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (node.IsMap()) {
                stack.emplace_back(it->first, depth + 1);
                stack.emplace_back(it->second, depth + 1);
            } else {
                stack.emplace_back(*it, depth + 1);
            }
        }
    }
    return true;
}

// --- context ----------------------------------------------------------------

const std::string* Context::internFile(const std::string& file) {
    for (const auto& f : m_files)
        if (*f == file) return f.get();
    m_files.push_back(std::make_unique<std::string>(file));
    return m_files.back().get();
}

core::SourceLocation Context::locate(const Source& source, const YAML::Mark& mark) const {
    core::SourceLocation where;
    if (source.file) where.file = *source.file;
    const YAML::Mark& m = mark.is_null() ? source.fallback : mark;
    if (!m.is_null()) {
        where.line = m.line + 1; // yaml-cpp counts from 0
        where.column = m.column + 1;
    }
    return where;
}

core::SourceLocation Context::locate(const Source& source) const {
    return locate(source, source.node.IsDefined() ? source.node.Mark() : YAML::Mark::null_mark());
}

void Context::error(const Source& at, std::string message, std::string hint) {
    m_diagnostics.error(locate(at), std::move(message), std::move(hint));
}

void Context::warning(const Source& at, std::string message, std::string hint) {
    m_diagnostics.warning(locate(at), std::move(message), std::move(hint));
}

void Context::addOverride(const std::string& path, Source value, Source key) {
    m_overrides[path] = Patch{std::move(value), std::move(key), false};
}

void Context::addRemoval(const std::string& path, Source at) { m_removals[path] = Patch{at, at, false}; }

const Source* Context::override(const std::string& path) {
    auto it = m_overrides.find(path);
    if (it == m_overrides.end()) return nullptr;
    it->second.used = true;
    return &it->second.value;
}

bool Context::removed(const std::string& path) {
    auto it = m_removals.find(path);
    if (it == m_removals.end()) return false;
    it->second.used = true;
    return true;
}

std::vector<std::pair<std::string, Source>> Context::overridesUnder(const std::string& parent) const {
    std::vector<std::pair<std::string, Source>> out;
    const std::string prefix = parent.empty() ? "" : parent + ".";
    for (const auto& [path, patch] : m_overrides) {
        if (path.size() <= prefix.size() || path.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string rest = path.substr(prefix.size());
        if (rest.find('.') == std::string::npos) out.emplace_back(rest, patch.key);
    }
    return out;
}

void Context::reportUnusedPatches(const std::vector<std::string>& knownPaths) {
    // a path that names nothing: say which paths exist near it
    auto report = [&](const std::string& path, const Patch& patch, const char* verb) {
        std::string hint = "the path must name an element of the scenario, such as 'zones.<id>'";
        // the element is the first two segments ("zones.ekch-ctr"); the rest is a key inside it
        const std::size_t second = path.find('.', path.find('.') + 1);
        const std::string element = path.substr(0, second);
        const std::string rest = second == std::string::npos ? std::string() : path.substr(second);
        const std::string best = core::closestMatch(element, knownPaths);
        if (!best.empty()) hint = "did you mean '" + best + rest + "'?";
        const bool commandLine = patch.key.file && patch.key.file->rfind("--set", 0) == 0;
        error(patch.key, std::string(commandLine ? "--set" : "variant ") + (commandLine ? "" : verb) +
                             (commandLine ? " names " : " ") + core::quoted(path) + ", which the scenario does not have",
              hint);
    };
    for (const auto& [path, patch] : m_overrides)
        if (!patch.used) report(path, patch, "sets");
    for (const auto& [path, patch] : m_removals)
        if (!patch.used) report(path, patch, "removes");
}

// --- helpers ----------------------------------------------------------------

std::string describeNode(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) return "nothing";
    if (node.IsSequence()) return "a list";
    if (node.IsMap()) return "a mapping (key: value pairs)";
    return core::quoted(node.Scalar());
}

Source child(const Source& parent, const YAML::Node& node, const std::string& segment) {
    Source out;
    out.node = node;
    out.file = parent.file;
    out.path = parent.path.empty() ? segment : parent.path + "." + segment;
    // a node built by nofly (an imported zone) has no mark: point where its parent points
    const bool marked = parent.node.IsDefined() && !parent.node.Mark().is_null();
    out.fallback = marked ? parent.node.Mark() : parent.fallback;
    return out;
}

// --- mappings ---------------------------------------------------------------

MapReader::MapReader(Context& context, const Source& source, std::string what, const std::vector<std::string>& keys)
    : m_context(context), m_source(source), m_what(std::move(what)) {
    if (!source.node.IsMap()) {
        context.error(source, m_what + " must be a mapping of keys such as '" + keys.front() + ": ...', not " +
                                  describeNode(source.node));
        return;
    }
    m_ok = true;

    // unknown and duplicate keys; yaml-cpp keeps duplicates in the node, silently
    std::map<std::string, YAML::Mark> seen;
    for (auto it = source.node.begin(); it != source.node.end(); ++it) {
        const YAML::Node key = it->first; // a copy: the iterator hands out a temporary pair
        Source keySource = child(source, key, "");
        if (!key.IsScalar()) {
            context.error(keySource, m_what + ": a key must be a single word, not " + describeNode(key));
            continue;
        }
        const std::string name = key.Scalar();
        if (auto previous = seen.find(name); previous != seen.end()) {
            context.error(keySource, m_what + ": key " + core::quoted(name) + " is written twice",
                          "the first is on line " + std::to_string(previous->second.line + 1) +
                              "; keep one of them");
            continue;
        }
        seen.emplace(name, key.Mark());
        if (std::find(keys.begin(), keys.end(), name) == keys.end()) {
            context.error(keySource, m_what + ": unknown key " + core::quoted(name), core::suggestion(name, keys));
            m_unknownKeys = true;
            // a misspelt key is one mistake: do not also report the right one as missing
            if (std::string near = core::closestMatch(name, keys); !near.empty()) m_misspelled.push_back(near);
            continue;
        }
        m_entries.emplace_back(name, it->second);
    }

    // keys that a variant adds
    for (auto& [key, keySource] : context.overridesUnder(source.path)) {
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) continue; // reported as unused
        if (!has(key)) m_added.emplace(key, keySource);
    }
}

bool MapReader::has(const std::string& key) const {
    for (const auto& [name, node] : m_entries)
        if (name == key) return true;
    return m_added.count(key) > 0;
}

std::optional<Source> MapReader::get(const std::string& key) const {
    const std::string path = m_source.path.empty() ? key : m_source.path + "." + key;
    if (const Source* patched = m_context.override(path)) {
        Source out = *patched;
        out.path = path;
        return out;
    }
    for (const auto& [name, node] : m_entries)
        if (name == key) return child(m_source, node, key);
    return std::nullopt;
}

std::optional<Source> MapReader::require(const std::string& key, const std::string& why) const {
    if (!m_ok) return std::nullopt;
    auto found = get(key);
    const bool misspelt = std::find(m_misspelled.begin(), m_misspelled.end(), key) != m_misspelled.end();
    if (!found && !misspelt) m_context.error(m_source, m_what + " has no '" + key + "'", why);
    return found;
}

std::vector<std::string> MapReader::presentKeys() const {
    std::vector<std::string> out;
    for (const auto& [name, node] : m_entries) out.push_back(name);
    for (const auto& [name, source] : m_added) out.push_back(name);
    return out;
}

// --- scalars ----------------------------------------------------------------

static bool scalar(Context& context, const Source& source, const std::string& what, const std::string& example) {
    if (source.node.IsScalar()) return true;
    // "text: a: b" reads as a mapping: the usual cause is a ': ' inside a text
    std::string hint;
    if (source.node.IsMap() && source.node.size() == 1) hint = "if this is a text with ': ' in it, put it in quotes";
    context.error(source, what + " must be a single value such as " + example + ", not " + describeNode(source.node),
                  hint);
    return false;
}

std::optional<std::string> readString(Context& context, const Source& source, const std::string& what) {
    if (!scalar(context, source, what, "'some text'")) return std::nullopt;
    // an escape in quotes ("\0", "\x01") makes what the file's own check cannot see
    if (const auto control = core::findControlCharacter(source.node.Scalar())) {
        context.error(source, what + ": " + core::quoted(source.node.Scalar()) + " holds a control character, " +
                                  *control,
                      "remove it: a text holds printable characters, tabs and line breaks");
        return std::nullopt;
    }
    return source.node.Scalar();
}

std::optional<double> readNumber(Context& context, const Source& source, const std::string& what) {
    if (!scalar(context, source, what, "'12'")) return std::nullopt;
    auto value = core::parseDecimal(source.node.Scalar());
    if (!value) context.error(source, what + ": " + core::quoted(source.node.Scalar()) + " is not a number");
    return value;
}

std::optional<long long> readInteger(Context& context, const Source& source, const std::string& what, long long min,
                                     long long max) {
    if (!scalar(context, source, what, "'12'")) return std::nullopt;
    const std::string& text = source.node.Scalar();
    errno = 0;
    char* end = nullptr;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE) {
        context.error(source, what + ": " + core::quoted(text) + " is not a whole number");
        return std::nullopt;
    }
    if (value < min || value > max) {
        context.error(source, what + ": " + core::excerpt(text) + " is out of range",
                      "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> readBool(Context& context, const Source& source, const std::string& what) {
    if (!scalar(context, source, what, "'true'")) return std::nullopt;
    std::string text = source.node.Scalar();
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (text == "true" || text == "yes") return true;
    if (text == "false" || text == "no") return false;
    text = source.node.Scalar();
    context.error(source, what + ": " + core::quoted(text) + " is not true or false", "write true or false");
    return std::nullopt;
}

std::optional<double> readQuantity(Context& context, const Source& source, const std::string& what,
                                   core::Dimension dimension) {
    std::string example = "'5 km'";
    if (dimension == core::Dimension::Speed) example = "'12 m/s'";
    if (dimension == core::Dimension::Duration) example = "'15 min'";
    if (dimension == core::Dimension::Fraction) example = "'85%'";
    if (!scalar(context, source, what, example)) return std::nullopt;
    auto parsed = core::parseQuantity(source.node.Scalar(), dimension);
    if (auto* error = std::get_if<core::ParseError>(&parsed)) {
        context.error(source, what + ": " + error->message, error->hint);
        return std::nullopt;
    }
    return std::get<double>(parsed);
}

std::optional<double> readPositive(Context& context, const Source& source, const std::string& what,
                                   core::Dimension dimension, bool allowZero) {
    auto value = readQuantity(context, source, what, dimension);
    if (!value) return std::nullopt;
    if (*value < 0.0 || (!allowZero && *value == 0.0)) {
        context.error(source,
                      what + " must be " + (allowZero ? "zero or more" : "more than zero") + " (got " +
                          core::excerpt(source.node.Scalar()) + ")",
                      std::string("write ") + std::string(core::describe(dimension)) + " such as " +
                          (dimension == core::Dimension::Speed      ? "'12 m/s'"
                           : dimension == core::Dimension::Duration ? "'15 min'"
                                                                    : "'5 km'"));
        return std::nullopt;
    }
    return value;
}

std::optional<core::Altitude> readAltitude(Context& context, const Source& source, const std::string& what) {
    if (!scalar(context, source, what, "'120 m AGL'")) return std::nullopt;
    auto parsed = core::parseAltitude(source.node.Scalar());
    if (auto* error = std::get_if<core::ParseError>(&parsed)) {
        context.error(source, what + ": " + error->message, error->hint);
        return std::nullopt;
    }
    return std::get<core::Altitude>(parsed);
}

std::optional<core::Instant> readInstant(Context& context, const Source& source, const std::string& what) {
    if (!scalar(context, source, what, "'2025-10-01T08:00+02:00' or '08:00'")) return std::nullopt;
    auto parsed = core::parseInstant(source.node.Scalar(), context.time);
    if (auto* error = std::get_if<core::ParseError>(&parsed)) {
        context.error(source, what + ": " + error->message, error->hint);
        return std::nullopt;
    }
    return std::get<core::Instant>(parsed);
}

std::optional<std::string> readWord(Context& context, const Source& source, const std::string& what,
                                    const std::vector<std::string>& words) {
    if (!scalar(context, source, what, words.empty() ? "a word" : "'" + words.front() + "'")) return std::nullopt;
    const std::string& text = source.node.Scalar();
    if (std::find(words.begin(), words.end(), text) != words.end()) return text;
    if (words.empty()) {
        context.error(source, what + ": " + core::quoted(text) + " cannot be used here: there is nothing to choose from");
        return std::nullopt;
    }
    context.error(source, what + ": " + core::quoted(text) + " is not one of the known values",
                  core::suggestion(text, words));
    return std::nullopt;
}

std::optional<std::size_t> readWordIndex(Context& context, const Source& source, const std::string& what,
                                         std::span<const std::string_view> words) {
    if (source.node.IsScalar())
        for (std::size_t i = 0; i < words.size(); ++i)
            if (words[i] == source.node.Scalar()) return i;
    // not one of them: refused in readWord's words
    readWord(context, source, what, std::vector<std::string>(words.begin(), words.end()));
    return std::nullopt;
}

std::optional<std::string> readId(Context& context, const Source& source, const std::string& what) {
    if (!scalar(context, source, what, "'ekch-ctr'")) return std::nullopt;
    const std::string& text = source.node.Scalar();
    const bool good = !text.empty() && std::isalnum(static_cast<unsigned char>(text[0])) &&
                      std::all_of(text.begin(), text.end(), [](char c) {
                          return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
                      });
    if (!good) {
        context.error(source, what + ": " + core::quoted(text) + " is not a usable id",
                      "use letters, digits, '-' and '_' only, such as 'ekch-ctr'");
        return std::nullopt;
    }
    return text;
}

std::vector<Source> readWords(Context& context, const Source& source, const std::string& what) {
    if (source.node.IsScalar()) return {source};
    return readList(context, source, what);
}

std::vector<Source> readList(Context& context, const Source& source, const std::string& what) {
    std::vector<Source> items;
    if (!source.node.IsDefined() || source.node.IsNull()) return items;
    if (!source.node.IsSequence()) {
        context.error(source, what + " must be a list (items starting with '- '), not " + describeNode(source.node));
        return items;
    }
    std::size_t index = 0;
    for (const YAML::Node& item : source.node) items.push_back(child(source, item, std::to_string(index++)));
    return items;
}

} // namespace nofly::scenario
