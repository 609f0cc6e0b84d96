// UTF-8 checked by hand: the rules are a dozen lines (RFC 3629), and what
// matters is the line, the column and the words of the message, which no
// decoding library gives.
#include "core/encoding.hpp"

#include <array>
#include <cstdint>

namespace nofly::core {

namespace {

/// "0xE9"
std::string hexByte(unsigned char byte) {
    const char* digits = "0123456789ABCDEF";
    std::string out = "0x";
    out += digits[byte >> 4];
    out += digits[byte & 0x0Fu];
    return out;
}

/// "U+0000 (NUL)", "U+0085"
std::string describeControl(std::uint32_t codePoint) {
    const char* digits = "0123456789ABCDEF";
    std::string out = "U+";
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(codePoint >> shift) & 0x0Fu];
    static constexpr std::array<const char*, 32> kNames = {
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",  "TAB", "LF", "VT",  "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS", "GS", "RS", "US"};
    if (codePoint < 0x20) out += std::string(" (") + kNames[codePoint] + ")";
    else if (codePoint == 0x7F) out += " (DEL)";
    return out;
}

bool isControl(std::uint32_t codePoint) {
    if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') return false;
    return codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F);
}

void appendUtf8(std::string& out, std::uint32_t codePoint) {
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0u | (codePoint >> 6));
        out += static_cast<char>(0x80u | (codePoint & 0x3Fu));
    } else {
        out += static_cast<char>(0xE0u | (codePoint >> 12));
        out += static_cast<char>(0x80u | ((codePoint >> 6) & 0x3Fu));
        out += static_cast<char>(0x80u | (codePoint & 0x3Fu));
    }
}

// Windows-1252's characters for 0x80-0x9F; 0 where it has none
constexpr std::array<std::uint16_t, 32> kWindows1252 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::uint32_t windows1252CodePoint(unsigned char byte) {
    if (byte < 0x80 || byte >= 0xA0) return byte;
    return kWindows1252[byte - 0x80u];
}

/// One character decoded at `i`: its code point and length, or length 0
/// when the bytes there are not UTF-8.
struct Decoded {
    std::uint32_t codePoint = 0;
    std::size_t length = 0;
};

Decoded decode(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = 0;
    std::uint32_t codePoint = 0;
    // the lead byte's length and bits; C0, C1 and F5-FF start nothing (overlong or past U+10FFFF)
    if (lead >= 0xC2 && lead <= 0xDF) length = 2, codePoint = lead & 0x1Fu;
    else if (lead >= 0xE0 && lead <= 0xEF) length = 3, codePoint = lead & 0x0Fu;
    else if (lead >= 0xF0 && lead <= 0xF4) length = 4, codePoint = lead & 0x07u;
    else return {};
    if (i + length > text.size()) return {};
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0u) != 0x80u) return {};
        codePoint = (codePoint << 6) | (byte(i + k) & 0x3Fu);
    }
    // overlong forms, surrogates, past U+10FFFF
    if ((length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000) || codePoint > 0x10FFFF ||
        (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return {};
    return {codePoint, length};
}

} // namespace

std::string windows1252Character(unsigned char byte) {
    std::string out;
    if (byte < 0x80) return out;
    if (const std::uint32_t codePoint = windows1252CodePoint(byte); codePoint != 0) appendUtf8(out, codePoint);
    return out;
}

std::optional<EncodingProblem> findEncodingProblem(std::string_view text) {
    std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    int line = 1, column = 1;
    while (i < text.size()) {
        const Decoded d = decode(text, i);
        if (d.length == 0 || isControl(d.codePoint)) {
            EncodingProblem problem;
            problem.offset = i;
            problem.line = line;
            problem.column = column;
            problem.notUtf8 = d.length == 0;
            if (d.length == 0) {
                const auto byte = static_cast<unsigned char>(text[i]);
                problem.message = "the file is not UTF-8: byte " + hexByte(byte) + " here is not part of a UTF-8 "
                                  "character";
                if (const std::string meant = windows1252Character(byte); !meant.empty())
                    problem.message += " (in Windows-1252 or Latin-1 it is '" + meant + "')";
                problem.hint = "save the file as UTF-8 (in the editor's Save As, choose the encoding UTF-8)";
            } else {
                problem.message = "the file holds a control character here, " + describeControl(d.codePoint);
                problem.hint = "remove it: a file nofly reads holds printable characters, tabs and line breaks";
            }
            return problem;
        }
        if (d.codePoint == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += d.length;
    }
    return std::nullopt;
}

std::optional<std::string> findControlCharacter(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const Decoded d = decode(text, i);
        // a byte that is not UTF-8 is findEncodingProblem's to judge: step over it
        if (d.length != 0 && isControl(d.codePoint)) return describeControl(d.codePoint);
        i += d.length == 0 ? 1 : d.length;
    }
    return std::nullopt;
}

std::string escapeNonUtf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const Decoded d = decode(text, i);
        if (d.length == 0 || (isControl(d.codePoint) && d.codePoint != '\t' && d.codePoint != '\n')) {
            // the bytes of a character, or the one byte that starts none
            for (std::size_t k = 0; k < (d.length == 0 ? 1 : d.length); ++k)
                out += "\\x" + hexByte(static_cast<unsigned char>(text[i + k])).substr(2);
        } else {
            out.append(text.substr(i, d.length));
        }
        i += d.length == 0 ? 1 : d.length;
    }
    return out;
}

std::optional<std::string> fromWindows1252(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        const std::uint32_t codePoint = windows1252CodePoint(static_cast<unsigned char>(c));
        if (codePoint == 0 && c != '\0') return std::nullopt;
        appendUtf8(out, codePoint);
    }
    return out;
}

} // namespace nofly::core
