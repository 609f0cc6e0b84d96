#include "scenario/json_document.hpp"

#include "scenario/limits.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <set>
#include <sstream>

namespace nofly::scenario {

namespace {

const std::string kEmpty;

/// Thrown by the builder to stop the parser at a file nested too deep
/// (already reported).
struct TooDeep {};

/// Friendlier words for yaml-cpp's messages about broken JSON.
std::pair<std::string, std::string> explainJsonError(const std::string& message) {
    if (message == "end of map flow not found")
        return {"an object opened with '{' is not closed", "add the '}'"};
    if (message == "end of sequence flow not found")
        return {"a list opened with '[' is not closed", "add the ']'"};
    if (message == "illegal flow end")
        return {"a ']' or '}' does not close anything here", "check the commas and brackets before it"};
    if (message == "end of string not found") return {"a string is not closed", "add the closing \""};
    if (message == "unknown escape character")
        return {"unknown escape sequence in a string", "write '\\\\' for a backslash"};
    return {"the file is not valid JSON: " + message, ""};
}

} // namespace

// Builds the compact tree from the parser's events: a container's entries
// wait on a shared stack until the container ends, then move into one run of
// the children array.
struct JsonBuilder : YAML::EventHandler {
    JsonDocument& document;
    const std::string& file;
    core::Diagnostics& diagnostics;
    std::vector<std::uint32_t> pending; ///< entries of the open containers
    std::vector<std::size_t> frames;    ///< where each open container's entries start in `pending`
    std::vector<std::uint32_t> open;    ///< the open containers' nodes
    bool rootSet = false;

    JsonBuilder(JsonDocument& d, const std::string& f, core::Diagnostics& diag)
        : document(d), file(f), diagnostics(diag) {}

    std::uint32_t add(JsonValue::Kind kind, const YAML::Mark& mark, std::string text = {}) {
        JsonDocument::Node node;
        node.kind = kind;
        node.line = mark.line + 1;
        node.column = mark.column + 1;
        node.text = std::move(text);
        document.m_nodes.push_back(std::move(node));
        return static_cast<std::uint32_t>(document.m_nodes.size() - 1);
    }
    void place(std::uint32_t index) {
        if (open.empty()) {
            document.m_root = index;
            rootSet = true;
        } else {
            pending.push_back(index);
        }
    }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { place(add(JsonValue::Kind::Null, mark)); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        diagnostics.error({file, mark.line + 1, mark.column + 1}, "a YAML alias ('*name') is not JSON",
                          "write the value out");
        place(add(JsonValue::Kind::Null, mark));
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  const std::string& value) override {
        // yaml-cpp tags a quoted scalar "!" and a plain one "?"
        place(add(tag == "!" ? JsonValue::Kind::Quoted : JsonValue::Kind::Plain, mark, value));
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        start(add(JsonValue::Kind::Array, mark), mark);
    }
    void OnSequenceEnd() override { finish(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        start(add(JsonValue::Kind::Object, mark), mark);
    }
    void OnMapEnd() override {
        checkKeys(frames.back());
        finish();
    }

    void start(std::uint32_t index, const YAML::Mark& mark) {
        if (open.size() >= static_cast<std::size_t>(limits::kMaxNesting)) {
            diagnostics.error({file, mark.line + 1, mark.column + 1},
                              "lists and objects nest more than " + std::to_string(limits::kMaxNesting) +
                                  " deep here (limit " + std::to_string(limits::kMaxNesting) + ")",
                              "check the brackets; real airspace data nests a few levels");
            throw TooDeep{};
        }
        open.push_back(index);
        frames.push_back(pending.size());
    }
    void finish() {
        const std::uint32_t index = open.back();
        const std::size_t from = frames.back();
        JsonDocument::Node& node = document.m_nodes[index];
        node.first = static_cast<std::uint32_t>(document.m_children.size());
        node.count = static_cast<std::uint32_t>(pending.size() - from);
        document.m_children.insert(document.m_children.end(),
                                   pending.begin() + static_cast<std::ptrdiff_t>(from), pending.end());
        pending.resize(from);
        open.pop_back();
        frames.pop_back();
        place(index);
    }

    /// Keys written twice in the object whose entries start at `from`.
    void checkKeys(std::size_t from) {
        std::set<std::string_view> seen;
        for (std::size_t i = from; i < pending.size(); i += 2) {
            const JsonDocument::Node& key = document.m_nodes[pending[i]];
            if (key.kind != JsonValue::Kind::Plain && key.kind != JsonValue::Kind::Quoted) {
                diagnostics.error({file, key.line, key.column}, "an object key must be a string");
                continue;
            }
            if (!seen.insert(key.text).second)
                diagnostics.error({file, key.line, key.column},
                                  "key '" + key.text + "' is written twice in this object",
                                  "keep one of them");
        }
    }
};

std::optional<JsonDocument> JsonDocument::parse(const std::string& text, const std::string& file,
                                                core::Diagnostics& diagnostics) {
    JsonDocument document;
    document.m_nodes.reserve(text.size() / 8 + 16);
    JsonBuilder builder(document, file, diagnostics);
    const std::size_t errorsBefore = diagnostics.errorCount();
    try {
        std::istringstream in(text);
        YAML::Parser parser(in);
        if (!parser.HandleNextDocument(builder) || !builder.rootSet) {
            diagnostics.error({file, 1, 1}, "the file is empty", "a JSON file holds one object or list");
            return std::nullopt;
        }
    } catch (const TooDeep&) {
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        // yaml-cpp may point one line past the end for an unclosed bracket
        const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
        int line = std::clamp(e.mark.line + 1, 1, std::max(1, lines));
        if (line == lines && (text.empty() || text.back() == '\n') && line > 1) --line;
        auto [message, hint] = explainJsonError(e.msg);
        diagnostics.error({file, line, std::max(1, e.mark.column + 1)}, message, hint);
        return std::nullopt;
    }
    if (diagnostics.errorCount() > errorsBefore) return std::nullopt;
    return document;
}

// --- values ---------------------------------------------------------------------

JsonValue::Kind JsonValue::kind() const {
    return m_document->m_nodes[m_index].kind;
}
const std::string& JsonValue::text() const {
    return isScalar() ? m_document->m_nodes[m_index].text : kEmpty;
}
int JsonValue::line() const {
    return m_document->m_nodes[m_index].line;
}
int JsonValue::column() const {
    return m_document->m_nodes[m_index].column;
}

std::size_t JsonValue::size() const {
    const auto& node = m_document->m_nodes[m_index];
    if (node.kind == Kind::Array) return node.count;
    if (node.kind == Kind::Object) return node.count / 2;
    return 0;
}

JsonValue JsonValue::operator[](std::size_t i) const {
    const auto& node = m_document->m_nodes[m_index];
    const std::size_t entry = node.kind == Kind::Object ? 2 * i + 1 : i;
    return {m_document, m_document->m_children[node.first + entry]};
}

const std::string& JsonValue::key(std::size_t i) const {
    const auto& node = m_document->m_nodes[m_index];
    return m_document->m_nodes[m_document->m_children[node.first + 2 * i]].text;
}

std::optional<JsonValue> JsonValue::get(std::string_view name) const {
    if (!isObject()) return std::nullopt;
    for (std::size_t i = 0; i < size(); ++i)
        if (key(i) == name) return (*this)[i];
    return std::nullopt;
}

std::string JsonValue::describe() const {
    switch (kind()) {
    case Kind::Null: return "nothing (null)";
    case Kind::Array: return "a list";
    case Kind::Object: return "an object";
    case Kind::Quoted:
    case Kind::Plain: return "'" + text() + "'";
    }
    return "?";
}

} // namespace nofly::scenario
