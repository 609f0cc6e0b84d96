// A JSON document as the real-data importers read it: a compact tree in which
// every value remembers its line and column, so that a message about an
// ED-269, ED-318 or GeoJSON file can name the line of the feature.
//
// JSON is YAML, and yaml-cpp is the scenario layer's one parser: the tree is
// built from yaml-cpp's parser events rather than from its node tree, which
// allocates a shared node per value and is too slow for national files
// (a 4 MB file of 5,000 zones: 0.75 s as yaml-cpp nodes, 0.54 s as events).
// Internal to the scenario layer.
#pragma once

#include "core/diagnostic.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nofly::scenario {

class JsonDocument;

/// One value of a JsonDocument: a cheap handle (document and index).
class JsonValue {
  public:
    enum class Kind : std::uint8_t {
        Null,   ///< null, ~ or nothing
        Plain,  ///< an unquoted scalar: a number, true, false, or a bare word
        Quoted, ///< a string in quotes
        Array,
        Object,
    };

    JsonValue(const JsonDocument* document, std::uint32_t index) : m_document(document), m_index(index) {}

    Kind kind() const;
    bool isNull() const { return kind() == Kind::Null; }
    bool isScalar() const { return kind() == Kind::Plain || kind() == Kind::Quoted; }
    bool isArray() const { return kind() == Kind::Array; }
    bool isObject() const { return kind() == Kind::Object; }

    /// The text of a scalar as written (without quotes); empty otherwise.
    const std::string& text() const;
    int line() const;   ///< 1-based
    int column() const; ///< 1-based

    /// Items of an array, members of an object.
    std::size_t size() const;
    /// The i-th item of an array, or the i-th member's value of an object.
    JsonValue operator[](std::size_t i) const;
    /// The i-th member's key of an object.
    const std::string& key(std::size_t i) const;
    /// The value of an object's member (the first one of that name).
    std::optional<JsonValue> get(std::string_view key) const;

    /// For messages: "nothing (null)", "a list", "an object", or the value in quotes.
    std::string describe() const;

  private:
    const JsonDocument* m_document;
    std::uint32_t m_index;
};

class JsonDocument {
  public:
    /// Parses `text`; on a syntax error returns nothing and reports it at its
    /// line in `file`. Objects whose keys repeat are reported too (JSON leaves
    /// their meaning open; yaml-cpp would keep both silently).
    static std::optional<JsonDocument> parse(const std::string& text, const std::string& file,
                                             core::Diagnostics& diagnostics);

    JsonValue root() const { return {this, m_root}; }

  private:
    friend class JsonValue;
    friend struct JsonBuilder;

    struct Node {
        JsonValue::Kind kind = JsonValue::Kind::Null;
        int line = 0;
        int column = 0;
        std::string text;        ///< scalars
        std::uint32_t first = 0; ///< containers: first entry in m_children
        std::uint32_t count = 0; ///< containers: entries (an object: key, value, key, value, ...)
    };
    std::vector<Node> m_nodes;
    std::vector<std::uint32_t> m_children;
    std::uint32_t m_root = 0;
};

} // namespace nofly::scenario
