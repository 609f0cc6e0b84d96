// The text nofly reads: UTF-8, with no control characters but tab, line
// feed and carriage return. A file in another encoding (a Windows-1252
// "Café" from an old editor) or with a NUL in it would pass a parser and
// then break every output that must be UTF-8 or XML (report.json, map.svg),
// so it is refused where it is read, at its line and column.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nofly::core {

/// Where a text stops being text nofly reads, and why, in words for a user.
struct EncodingProblem {
    std::size_t offset = 0; ///< of the first byte at fault
    int line = 1;           ///< 1-based
    int column = 1;         ///< 1-based, in characters
    std::string message;    ///< "the file is not UTF-8: byte 0xE9 ..."
    std::string hint;       ///< "save the file as UTF-8 ..."
    bool notUtf8 = false;   ///< a byte that is not UTF-8; else a control character
};

/// The first place where `text` is not UTF-8 (a byte that starts no
/// character, a character cut short, an overlong form, a surrogate, a code
/// point past U+10FFFF) or holds a control character other than tab, line
/// feed and carriage return (C0, DEL, C1); nothing when it is all text. A
/// byte order mark at the very start is allowed.
std::optional<EncodingProblem> findEncodingProblem(std::string_view text);

/// The first control character other than tab, line feed and carriage
/// return in a text already decoded (a quoted YAML or JSON string whose
/// escapes, such as "\0", made one): "U+0000 (NUL)"; nothing when none.
std::optional<std::string> findControlCharacter(std::string_view text);

/// `text` with every byte that is not UTF-8, and every control character
/// but tab and line feed, written as an escape ("caf\xE9.yaml"): a name
/// from outside (a file's) that can then go into UTF-8 output and messages.
std::string escapeNonUtf8(std::string_view text);

/// `text` read as Windows-1252 (which Latin-1 text is too, but for the
/// control characters 0x80-0x9F), written as UTF-8; nothing when a byte has
/// no character in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D).
std::optional<std::string> fromWindows1252(std::string_view text);

/// The character a byte from 0x80 up stands for in Windows-1252, as UTF-8;
/// empty when none: what a byte that is not UTF-8 probably meant.
std::string windows1252Character(unsigned char byte);

} // namespace nofly::core
