#include "core/diagnostic.hpp"

#include <algorithm>
#include <cctype>

namespace nofly::core {

std::string_view severityName(Severity severity) {
    switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
    }
    return "error";
}

std::string format(const Diagnostic& d) {
    std::string out;
    if (!d.where.file.empty()) {
        out += d.where.file;
        if (d.where.line > 0) {
            out += ':' + std::to_string(d.where.line);
            if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
        }
        out += ": ";
    }
    out += severityName(d.severity);
    out += ": ";
    out += d.message;
    if (!d.hint.empty()) out += " (" + d.hint + ")";
    return out;
}

namespace {

/// The longest message or hint kept [bytes]. The pieces of input a message
/// quotes are short (core::quoted); this is the net under any that is not,
/// so that no message repeats a whole file.
constexpr std::size_t kMaxMessageBytes = 1000;

std::string bounded(std::string text) {
    if (text.size() <= kMaxMessageBytes) return text;
    const std::size_t size = text.size();
    std::size_t end = kMaxMessageBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u) --end; // not inside a character
    text.resize(end);
    return text + "... (shortened from " + std::to_string(size) + " bytes)";
}

} // namespace

void Diagnostics::error(SourceLocation where, std::string message, std::string hint) {
    add({Severity::Error, std::move(where), std::move(message), std::move(hint)});
}
void Diagnostics::warning(SourceLocation where, std::string message, std::string hint) {
    add({Severity::Warning, std::move(where), std::move(message), std::move(hint)});
}
void Diagnostics::note(SourceLocation where, std::string message, std::string hint) {
    add({Severity::Note, std::move(where), std::move(message), std::move(hint)});
}
void Diagnostics::add(Diagnostic diagnostic) {
    diagnostic.message = bounded(std::move(diagnostic.message));
    diagnostic.hint = bounded(std::move(diagnostic.hint));
    m_items.push_back(std::move(diagnostic));
}
void Diagnostics::append(const Diagnostics& other) {
    m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
}

std::size_t Diagnostics::errorCount() const {
    return static_cast<std::size_t>(std::count_if(m_items.begin(), m_items.end(), [](const Diagnostic& d) {
        return d.severity == Severity::Error;
    }));
}
std::size_t Diagnostics::warningCount() const {
    return static_cast<std::size_t>(std::count_if(m_items.begin(), m_items.end(), [](const Diagnostic& d) {
        return d.severity == Severity::Warning;
    }));
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out = m_items;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.where.file != b.where.file) return a.where.file < b.where.file;
        if (a.where.line != b.where.line) return a.where.line < b.where.line;
        return a.where.column < b.where.column;
    });
    return out;
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    // optimal string alignment distance, two rows plus the one before
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        prev2 = prev;
        prev = cur;
    }
    return prev[m];
}

static std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string w = lower(word);
    const std::size_t limit = std::clamp<std::size_t>(w.size() / 3, 1, 3);
    std::string best;
    std::size_t bestDistance = limit + 1;
    for (const std::string& candidate : candidates) {
        // the distance is at least the difference in length: a 7 MB word costs nothing
        const std::size_t longer = std::max(w.size(), candidate.size());
        if (longer - std::min(w.size(), candidate.size()) > limit) continue;
        const std::size_t d = editDistance(w, lower(candidate));
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return best;
}

std::string suggestion(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string best = closestMatch(word, candidates);
    if (!best.empty()) return "did you mean '" + best + "'?";
    std::string out = "expected one of: ";
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (i > 0) out += ", ";
        out += candidates[i];
    }
    return out;
}

} // namespace nofly::core
