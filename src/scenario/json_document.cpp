#include "scenario/detail/json_document.hpp"

#include "core/encoding.hpp"
#include "scenario/limits.hpp"

#include <nlohmann/json.hpp>
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

/// JSON as RFC 8259 writes it, checked by nlohmann-json's parser before
/// yaml-cpp builds the tree: yaml-cpp reads JSON as YAML, which takes a key
/// without a value, a bare word, '0x10', single quotes and comments. Only
/// the first error is kept; every event is accepted without building
/// anything.
struct StrictJson : nlohmann::json_sax<nlohmann::json> {
    std::size_t position = 0; ///< bytes read when the error was found
    std::string message;      ///< nlohmann's, without its prefix
    bool failed = false;

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception& e) override {
        failed = true;
        position = at;
        // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..."
        message = e.what();
        if (const std::size_t colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
        return false;
    }
};

/// Where the strict parser stopped, as a line and a column in characters; at
/// the end of the input, the last character that is not white space.
core::SourceLocation locate(const std::string& text, std::size_t position, const std::string& file) {
    // nlohmann counts the byte it stopped on as read
    std::size_t end = std::min(text.size(), position > 0 ? position - 1 : 0);
    if (end >= text.size()) {
        while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r' ||
                           text[end - 1] == '\n'))
            --end;
        if (end > 0) --end;
    }
    int line = 1, column = 1;
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') line++, column = 1;
        else if ((static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u) ++column;
    }
    return {file, line, column};
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
        // an escape ("\u0000") makes what the file's own check cannot see
        if (const auto control = core::findControlCharacter(value))
            diagnostics.error({file, mark.line + 1, mark.column + 1},
                              "a text holds a control character, " + *control,
                              "remove it: a text holds printable characters, tabs and line breaks");
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
    // strict JSON first: what yaml-cpp would take as YAML is refused at its line (an empty file
    // is left to the words below)
    StrictJson strict;
    if (text.find_first_not_of(" \t\r\n") != std::string::npos) nlohmann::json::sax_parse(text, &strict);
    if (strict.failed) {
        if (strict.message.find("unexpected end of input") != std::string::npos)
            diagnostics.error(locate(text, strict.position, file),
                              "an object or a list is not closed when the file ends",
                              "add the missing '}' or ']', or check whether the file was cut short");
        else
            diagnostics.error(locate(text, strict.position, file), "the file is not valid JSON: " + strict.message,
                              "JSON writes keys and texts in double quotes, numbers in decimal, a value after every "
                              "key, and no comments or commas before a closing bracket");
        return std::nullopt;
    }

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
