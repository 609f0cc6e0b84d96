#include "core/encoding.hpp"

#include <gtest/gtest.h>

#include <string>

namespace nofly::core {
namespace {

TEST(Encoding, TextThatIsUtf8PassesWithTabsLineBreaksAndAByteOrderMark) {
    EXPECT_FALSE(findEncodingProblem("\xEF\xBB\xBFtitle: Caf\xC3\xA9\r\n\tgoals: [\xF0\x9F\x9A\x81]\n"));
    EXPECT_FALSE(findEncodingProblem(""));
}

TEST(Encoding, AWindows1252ByteIsNamedAtItsLineAndColumn) {
    // "Café" saved by an old editor: é is the one byte 0xE9
    const auto problem = findEncodingProblem("title: ok\n# \xC3\xA9t\xC3\xA9\ntitle: Caf\xE9\n");
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->line, 3);
    EXPECT_EQ(problem->column, 11); // characters, not bytes: the é of line 2 is one
    EXPECT_EQ(problem->offset, 28u);
    EXPECT_TRUE(problem->notUtf8);
    EXPECT_EQ(problem->message, "the file is not UTF-8: byte 0xE9 here is not part of a UTF-8 character (in "
                                "Windows-1252 or Latin-1 it is '\xC3\xA9')");
    EXPECT_EQ(problem->hint, "save the file as UTF-8 (in the editor's Save As, choose the encoding UTF-8)");
}

TEST(Encoding, BrokenUtf8FormsAreRefused) {
    // overlong '/', a surrogate, a character cut short, a lead byte past U+10FFFF, a lone continuation
    for (const std::string text : {"\xC0\xAF", "\xED\xA0\x80", "a\xE2\x82", "\xF5\x80\x80\x80", "\x80"}) {
        const auto problem = findEncodingProblem(text);
        ASSERT_TRUE(problem) << text;
        EXPECT_TRUE(problem->notUtf8);
    }
    EXPECT_EQ(findEncodingProblem("a\xE2\x82")->column, 2);
}

TEST(Encoding, ControlCharactersAreRefused) {
    const auto nul = findEncodingProblem(std::string("title: a\0b\n", 11));
    ASSERT_TRUE(nul);
    EXPECT_FALSE(nul->notUtf8);
    EXPECT_EQ(nul->column, 9);
    EXPECT_EQ(nul->message, "the file holds a control character here, U+0000 (NUL)");
    EXPECT_EQ(nul->hint, "remove it: a file nofly reads holds printable characters, tabs and line breaks");
    EXPECT_EQ(findEncodingProblem("\x1B[31m")->message, "the file holds a control character here, U+001B (ESC)");
    EXPECT_EQ(findEncodingProblem("a\x7F")->message, "the file holds a control character here, U+007F (DEL)");
    EXPECT_EQ(findEncodingProblem("a\xC2\x85")->message, "the file holds a control character here, U+0085");
}

TEST(Encoding, ControlCharactersInADecodedText) {
    EXPECT_EQ(findControlCharacter(std::string("a\0b", 3)), "U+0000 (NUL)");
    EXPECT_FALSE(findControlCharacter("two\nlines\tand a tab"));
}

TEST(Encoding, ANameThatIsNotUtf8IsEscaped) {
    EXPECT_EQ(escapeNonUtf8("caf\xE9.yaml"), "caf\\xE9.yaml");
    EXPECT_EQ(escapeNonUtf8("K\xC3\xB8ge\x1B.yaml"), "K\xC3\xB8ge\\x1B.yaml");
    EXPECT_EQ(escapeNonUtf8("plain/path.yaml"), "plain/path.yaml");
}

TEST(Encoding, Windows1252ConvertsToUtf8) {
    EXPECT_EQ(fromWindows1252("Caf\xE9 \x80 \x93x\x94"), "Caf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cx\xE2\x80\x9D");
    EXPECT_FALSE(fromWindows1252("a\x81"));
    EXPECT_EQ(windows1252Character(0xE9), "\xC3\xA9");
    EXPECT_EQ(windows1252Character(0x8D), "");
}

} // namespace
} // namespace nofly::core
