// Reading YAML nodes into typed values while collecting every problem with
// its file, line and column. Internal to the scenario layer: yaml-cpp never
// leaves src/scenario.
//
// A Source is a node plus the file it came from and its path in the scenario
// ("zones.ekch-ctr.shape"). Variants patch the scenario by path: a `set:` of a
// variant is an override that the reader returns in place of the node at that
// path, and a `remove:` hides a list item; the context records which of them
// were used so that a path naming nothing can be reported.
#pragma once

#include "core/diagnostic.hpp"
#include "core/quantity.hpp"
#include "core/time.hpp"
#include "scenario/keys.hpp"

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nofly::scenario {

struct Source {
    YAML::Node node;
    const std::string* file = nullptr; ///< owned by the Context
    std::string path;                  ///< "zones.ekch-ctr.shape"; empty at the top
    YAML::Mark fallback;               ///< where to point when the node has no mark
};

class Context {
public:
    explicit Context(core::Diagnostics& diagnostics) : m_diagnostics(diagnostics) {}

    /// Keeps a file name alive for the Sources that point to it.
    const std::string* internFile(const std::string& file);

    core::SourceLocation locate(const Source& source) const;
    core::SourceLocation locate(const Source& source, const YAML::Mark& mark) const;
    void error(const Source& at, std::string message, std::string hint = {});
    void warning(const Source& at, std::string message, std::string hint = {});
    core::Diagnostics& diagnostics() { return m_diagnostics; }

    // variant patches
    void addOverride(const std::string& path, Source value, Source key);
    void addRemoval(const std::string& path, Source at);
    const Source* override(const std::string& path);
    bool removed(const std::string& path);
    /// Overrides whose parent path is `parent`: their last path segments.
    std::vector<std::pair<std::string, Source>> overridesUnder(const std::string& parent) const;
    /// Reports every override and removal that no element used.
    void reportUnusedPatches(const std::vector<std::string>& knownPaths);

    /// Time context for parsing instants; set once the start is known.
    core::TimeContext time;

private:
    core::Diagnostics& m_diagnostics;
    std::vector<std::unique_ptr<std::string>> m_files;
    struct Patch {
        Source value;
        Source key;
        bool used = false;
    };
    std::map<std::string, Patch> m_overrides;
    std::map<std::string, Patch> m_removals;
};

/// Whether a parsed file stays inside the limits of its shape
/// (limits::kMaxNesting, limits::kMaxValues); reports the first value past
/// one at its line. `values` counts the values of the scenario's files so far
/// and grows by this file's: kMaxValues bounds them all together. Walks with
/// its own stack, so that depth costs no stack.
bool checkTreeLimits(const YAML::Node& root, const std::string& file, core::Diagnostics& diagnostics,
                     std::size_t& values);

/// Whether a value is a mapping, a list, a scalar: for messages.
std::string describeNode(const YAML::Node& node);

/// A mapping with a known set of keys. Construction reports unknown keys
/// (with a suggestion) and duplicate keys; reading a key applies overrides.
class MapReader {
public:
    MapReader(Context& context, const Source& source, std::string what, const std::vector<std::string>& keys);

    bool ok() const { return m_ok; }
    /// Whether the mapping held a key it does not know (already reported).
    bool hadUnknownKeys() const { return m_unknownKeys; }
    const Source& source() const { return m_source; }
    const std::string& what() const { return m_what; }

    bool has(const std::string& key) const;
    std::optional<Source> get(const std::string& key) const;
    /// Reports "<what> has no '<key>' (<why>)" at the mapping when missing.
    std::optional<Source> require(const std::string& key, const std::string& why) const;
    /// Keys present (in file order, then overrides that add keys).
    std::vector<std::string> presentKeys() const;

private:
    Context& m_context;
    Source m_source;
    std::string m_what;
    bool m_ok = false;
    bool m_unknownKeys = false;
    std::vector<std::pair<std::string, YAML::Node>> m_entries; ///< first occurrence of each key
    std::map<std::string, Source> m_added;                     ///< overrides that add absent keys
    std::vector<std::string> m_misspelled;                     ///< known keys that an unknown key is close to
};

// --- scalars ---------------------------------------------------------------

std::optional<std::string> readString(Context& context, const Source& source, const std::string& what);
std::optional<double> readNumber(Context& context, const Source& source, const std::string& what);
std::optional<long long> readInteger(Context& context, const Source& source, const std::string& what,
                                     long long min, long long max);
std::optional<bool> readBool(Context& context, const Source& source, const std::string& what);
std::optional<double> readQuantity(Context& context, const Source& source, const std::string& what,
                                   core::Dimension dimension);
/// A quantity that must be > 0 (or >= 0 when allowZero).
std::optional<double> readPositive(Context& context, const Source& source, const std::string& what,
                                   core::Dimension dimension, bool allowZero = false);
std::optional<core::Altitude> readAltitude(Context& context, const Source& source, const std::string& what);
std::optional<core::Instant> readInstant(Context& context, const Source& source, const std::string& what);
/// One word from a list, with a suggestion when it is not one of them.
std::optional<std::string> readWord(Context& context, const Source& source, const std::string& what,
                                    const std::vector<std::string>& words);
/// The same from a table of words: where the word is in it.
std::optional<std::size_t> readWordIndex(Context& context, const Source& source, const std::string& what,
                                         std::span<const std::string_view> words);
/// A word of an enum's table (keys::wordsOf), as the value it names.
template <typename Enum>
std::optional<Enum> readEnum(Context& context, const Source& source, const std::string& what) {
    if (const auto index = readWordIndex(context, source, what, keys::wordsOf(Enum{})))
        return static_cast<Enum>(*index);
    return std::nullopt;
}
/// An identifier: letters, digits, '-' and '_', starting with a letter or digit.
std::optional<std::string> readId(Context& context, const Source& source, const std::string& what);

/// The items of a list (a single item that is not a list is refused).
/// Items carry paths `path.<index>`.
std::vector<Source> readList(Context& context, const Source& source, const std::string& what);
/// Like readList, but a single word stands for a list of one ("exempt: police").
std::vector<Source> readWords(Context& context, const Source& source, const std::string& what);
/// A child source of a list or mapping node.
Source child(const Source& parent, const YAML::Node& node, const std::string& segment);

} // namespace nofly::scenario
