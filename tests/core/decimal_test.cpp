// The one number reader and writer (issue 20): a decimal number and nothing
// else in, printf's "%.*f" out, alike in every locale.
#include "core/decimal.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <limits>

namespace nofly::core {
namespace {

TEST(ParseDecimal, ReadsTheDecimalForms) {
    EXPECT_EQ(parseDecimal("-12.5"), -12.5);
    EXPECT_EQ(parseDecimal("+3"), 3.0);
    EXPECT_EQ(parseDecimal("1e3"), 1000.0);
    EXPECT_EQ(parseDecimal(".5"), 0.5);
    EXPECT_EQ(parseDecimal("-.5"), -0.5);
}

TEST(ParseDecimal, RefusesWhatStrtodWouldTake) {
    // hexadecimal, infinities, NaN, spaces, a sign alone, a second sign, trailing words
    for (const char* text : {"0x10", "0x1p3", "inf", "-INF", "nan", "infinity", " 1", "1 ", "", "+", "-",
                             "+-1", "1e", "12abc", "1,5"})
        EXPECT_FALSE(parseDecimal(text).has_value()) << text;
}

TEST(ParseDecimal, RefusesANumberPastADoublesRange) {
    EXPECT_FALSE(parseDecimal("1e400").has_value());
}

TEST(Fixed, WritesAsPrintfDoes) {
    EXPECT_EQ(fixed(2.345, 1), "2.3");
    EXPECT_EQ(fixed(-0.001, 2), "-0.00");
    EXPECT_EQ(fixed(12.0, 0), "12");
    EXPECT_EQ(fixed(0.125, 2), "0.12"); // the binary value is exactly halfway: to even, as printf
    EXPECT_EQ(fixed(55.676, 6), "55.676000");
    // the largest double, whole
    char expected[400];
    std::snprintf(expected, sizeof expected, "%.3f", std::numeric_limits<double>::max());
    EXPECT_EQ(fixed(std::numeric_limits<double>::max(), 3), expected);
}

TEST(Fixed, AgreesWithPrintfOnEveryDecimalsAndManyValues) {
    char expected[64];
    for (int decimals = 0; decimals <= 6; ++decimals)
        for (int k = -20000; k <= 20000; k += 7) {
            const double v = k / 1000.0 + k * 1e-7;
            std::snprintf(expected, sizeof expected, "%.*f", decimals, v);
            ASSERT_EQ(fixed(v, decimals), expected) << v << " to " << decimals;
        }
}

TEST(Figure, AWholeNumberHasNoPoint) {
    EXPECT_EQ(figure(12.0, 2), "12");
    EXPECT_EQ(figure(11.9999999999, 2), "12");
    EXPECT_EQ(figure(12.345, 2), "12.35");
    EXPECT_EQ(figure(-3.25, 1), "-3.2");
}

} // namespace
} // namespace nofly::core
