// Problems found in a user's input, each tied to the place it came from, so
// that every message reads "file:line:col: error: what is wrong (what would be
// right)". Loaders collect all of them and go on; nothing is thrown at users.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nofly::core {

/// Where something was written: 1-based line and column; 0 when unknown.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLocation where;
    std::string message; ///< what is wrong
    std::string hint;    ///< what would be right, "did you mean ...?"; may be empty
};

/// "file:12:7: error: message (hint)".
std::string format(const Diagnostic& diagnostic);
std::string_view severityName(Severity severity);

/// Collects diagnostics in the order they were found.
class Diagnostics {
public:
    void error(SourceLocation where, std::string message, std::string hint = {});
    void warning(SourceLocation where, std::string message, std::string hint = {});
    void note(SourceLocation where, std::string message, std::string hint = {});
    void add(Diagnostic diagnostic);
    void append(const Diagnostics& other);

    const std::vector<Diagnostic>& all() const { return m_items; }
    std::size_t errorCount() const;
    std::size_t warningCount() const;
    bool hasErrors() const { return errorCount() > 0; }
    bool empty() const { return m_items.empty(); }

    /// Sorted by file, line and column, stable otherwise.
    std::vector<Diagnostic> sorted() const;

private:
    std::vector<Diagnostic> m_items;
};

/// Edit distance (insertions, deletions, substitutions, transpositions).
std::size_t editDistance(std::string_view a, std::string_view b);

/// The closest candidate to `word` when it is close enough to be a likely
/// typo (case-insensitive, distance at most a third of the length, at least
/// 1, at most 3); empty when none is.
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

/// "did you mean 'x'?" or, with no close match, "expected one of: a, b, c".
std::string suggestion(std::string_view word, const std::vector<std::string>& candidates);

} // namespace nofly::core
