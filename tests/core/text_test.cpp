// Quoting a user's text in a message (issue 22, item 1): a short excerpt on
// one line, never a whole key or file.
#include "core/diagnostic.hpp"
#include "core/text.hpp"

#include <gtest/gtest.h>

namespace nofly::core {
namespace {

TEST(Quoted, AShortTextIsQuotedAsItIs) { EXPECT_EQ(core::quoted("ekch-ctr"), "'ekch-ctr'"); }

TEST(Quoted, ControlCharactersAreEscapedSoAMessageStaysOnOneLine) {
    EXPECT_EQ(core::quoted("a\nb\tc\rd\x01" "e\x7f"), "'a\\nb\\tc\\rd\\x01e\\x7F'");
}

TEST(Quoted, ALongTextIsCutAndSaysHowLongItIs) {
    const std::string key(7u << 20, 'k');
    EXPECT_EQ(core::quoted(key), "'" + std::string(kExcerptBytes, 'k') + "...' (7340032 bytes)");
}

TEST(Quoted, ACutFallsBetweenTwoCharactersNeverInsideOne) {
    // 'ø' is two bytes: 59 of 'a' and then one 'ø' would straddle byte 60
    const std::string text = std::string(kExcerptBytes - 1, 'a') + "\xC3\xB8" + "tail";
    EXPECT_EQ(core::quoted(text), "'" + std::string(kExcerptBytes - 1, 'a') + "...' (" + std::to_string(text.size()) +
                                " bytes)");
}

TEST(Diagnostics, AMessageThatRepeatsAWholeInputIsShortened) {
    Diagnostics d;
    d.error({"x.yaml", 1, 1}, "bad: " + std::string(5000, 'x'), std::string(3000, 'y'));
    ASSERT_EQ(d.all().size(), 1u);
    EXPECT_LT(d.all()[0].message.size(), 1100u);
    EXPECT_NE(d.all()[0].message.find("... (shortened from 5005 bytes)"), std::string::npos);
    EXPECT_LT(d.all()[0].hint.size(), 1100u);
}

} // namespace
} // namespace nofly::core
