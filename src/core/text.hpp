// Reading the words people type: character classes that do not depend on
// the locale (std::isspace and friends do), trimming and quoting.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nofly::core {

inline bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char toLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// The text without white space at either end.
inline std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

/// The most of a user's text a message repeats [bytes]: a message quotes a
/// short excerpt of its input, never a 7 MB key or the whole of a file.
inline constexpr std::size_t kExcerptBytes = 60;

/// A user's text as a message shows it, on one line: control characters
/// written as escapes (\n, \t, \x01), and a text longer than kExcerptBytes
/// cut (between two UTF-8 characters, never inside one) with "...".
/// `cut`, when given, says whether it was.
inline std::string excerpt(std::string_view s, bool* cut = nullptr) {
    std::size_t end = s.size();
    if (end > kExcerptBytes) {
        end = kExcerptBytes;
        while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0u) == 0x80u) --end;
    }
    std::string out;
    out.reserve(end + 3);
    for (char c : s.substr(0, end)) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (byte < 0x20u || byte == 0x7Fu) {
            const char* digits = "0123456789ABCDEF";
            out += "\\x";
            out += digits[byte >> 4];
            out += digits[byte & 0x0Fu];
        } else out += c;
    }
    if (end < s.size()) out += "...";
    if (cut) *cut = end < s.size();
    return out;
}

/// 'text', for messages, as excerpt() shows it; a cut text says how long it
/// is: 'aaaa...' (7340032 bytes). Appended piece by piece:
/// "'" + std::string(s) + "'" trips a false -Wrestrict in GCC 12 at -O2 (GCC bug 105329).
inline std::string quoted(std::string_view s) {
    bool cut = false;
    std::string out;
    out += '\'';
    out += excerpt(s, &cut);
    out += '\'';
    if (cut) {
        out += " (";
        out += std::to_string(s.size());
        out += " bytes)";
    }
    return out;
}

} // namespace nofly::core
