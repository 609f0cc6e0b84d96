#include "core/quantity.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <variant>

namespace nofly::core {
namespace {

using ::testing::HasSubstr;

// The value of a parse that must succeed; fails the test otherwise.
double valueOf(std::string_view text, Dimension dimension) {
    const Parsed<double> parsed = parseQuantity(text, dimension);
    if (const ParseError* error = std::get_if<ParseError>(&parsed)) {
        ADD_FAILURE() << "'" << text << "' was refused: " << error->message << " (" << error->hint << ")";
        return std::nan("");
    }
    return std::get<double>(parsed);
}

// The error of a parse that must fail; fails the test otherwise.
ParseError errorOf(std::string_view text, Dimension dimension) {
    const Parsed<double> parsed = parseQuantity(text, dimension);
    if (const double* value = std::get_if<double>(&parsed)) {
        ADD_FAILURE() << "'" << text << "' was accepted as " << *value;
        return {};
    }
    return std::get<ParseError>(parsed);
}

Altitude altitudeOf(std::string_view text) {
    const Parsed<Altitude> parsed = parseAltitude(text);
    if (const ParseError* error = std::get_if<ParseError>(&parsed)) {
        ADD_FAILURE() << "'" << text << "' was refused: " << error->message << " (" << error->hint << ")";
        return {};
    }
    return std::get<Altitude>(parsed);
}

ParseError altitudeErrorOf(std::string_view text) {
    const Parsed<Altitude> parsed = parseAltitude(text);
    if (std::holds_alternative<Altitude>(parsed)) {
        ADD_FAILURE() << "'" << text << "' was accepted";
        return {};
    }
    return std::get<ParseError>(parsed);
}

// --- lengths, speeds, durations ---------------------------------------------

TEST(QuantityParse, LengthUnits) {
    EXPECT_DOUBLE_EQ(valueOf("12", Dimension::Length), 12.0);
    EXPECT_DOUBLE_EQ(valueOf("12 m", Dimension::Length), 12.0);
    EXPECT_DOUBLE_EQ(valueOf("1.5km", Dimension::Length), 1500.0);
    EXPECT_DOUBLE_EQ(valueOf("1e3 m", Dimension::Length), 1000.0);
    EXPECT_DOUBLE_EQ(valueOf("2 NM", Dimension::Length), 3704.0);
    EXPECT_DOUBLE_EQ(valueOf("2 nm", Dimension::Length), 3704.0);
    EXPECT_DOUBLE_EQ(valueOf("5 KM", Dimension::Length), 5000.0);
    EXPECT_DOUBLE_EQ(valueOf("7 M", Dimension::Length), 7.0);
}

TEST(QuantityParse, FeetAreExactlyConverted) {
    // 1 ft = 0.3048 m by definition; 400 ft is 121.92 m to the last bit
    EXPECT_EQ(valueOf("400 ft", Dimension::Length), 121.92);
    EXPECT_EQ(valueOf("-3 ft", Dimension::Length), -0.9144);
}

TEST(QuantityParse, SpeedUnits) {
    EXPECT_EQ(valueOf("12 m/s", Dimension::Speed), 12.0);
    EXPECT_EQ(valueOf("36 km/h", Dimension::Speed), 10.0);
    EXPECT_EQ(valueOf("36 KM/H", Dimension::Speed), 10.0);
    EXPECT_EQ(valueOf("36 km / h", Dimension::Speed), 10.0);
    EXPECT_DOUBLE_EQ(valueOf("30 kt", Dimension::Speed), 30.0 * 1852.0 / 3600.0);
    EXPECT_EQ(valueOf("15", Dimension::Speed), 15.0);
}

TEST(QuantityParse, DurationUnits) {
    EXPECT_EQ(valueOf("90 s", Dimension::Duration), 90.0);
    EXPECT_EQ(valueOf("15 min", Dimension::Duration), 900.0);
    EXPECT_EQ(valueOf("2 h", Dimension::Duration), 7200.0);
    EXPECT_EQ(valueOf("0.5 s", Dimension::Duration), 0.5);
    EXPECT_EQ(valueOf("90", Dimension::Duration), 90.0);
}

TEST(QuantityParse, CompoundDurations) {
    EXPECT_EQ(valueOf("1 h 30 min", Dimension::Duration), 5400.0);
    EXPECT_EQ(valueOf("1h30min", Dimension::Duration), 5400.0);
    EXPECT_EQ(valueOf("2 min 30 s", Dimension::Duration), 150.0);
    EXPECT_EQ(valueOf("2 h 0 min 15 s", Dimension::Duration), 7215.0);
    EXPECT_EQ(valueOf("-1 h 30 min", Dimension::Duration), -5400.0);
}

TEST(QuantityParse, CompoundDurationsNeedOrderAndUnits) {
    ParseError error = errorOf("30 min 1 h", Dimension::Duration);
    EXPECT_EQ(error.message, "'30 min 1 h' lists its parts out of order");
    EXPECT_THAT(error.hint, HasSubstr("largest unit first"));

    error = errorOf("1 h 30", Dimension::Duration);
    EXPECT_EQ(error.message, "'1 h 30' has a number without a unit");

    error = errorOf("1 h 30 mins", Dimension::Duration);
    EXPECT_EQ(error.message, "unknown unit 'mins' for a duration");
    EXPECT_THAT(error.hint, HasSubstr("did you mean 'min'?"));
}

TEST(QuantityParse, WhitespaceAroundIsTolerated) {
    EXPECT_EQ(valueOf("  12 m\t", Dimension::Length), 12.0);
    EXPECT_EQ(valueOf("\n85%  ", Dimension::Fraction), 0.85);
}

TEST(QuantityParse, SignsAreAllowed) {
    // the scenario layer decides which quantities may be negative
    EXPECT_EQ(valueOf("-5 m/s", Dimension::Speed), -5.0);
    EXPECT_EQ(valueOf("+5 m", Dimension::Length), 5.0);
    EXPECT_EQ(errorOf("+-5 m", Dimension::Length).message, "'+-5 m' is not a number");
}

// --- shares ----------------------------------------------------------------------

TEST(QuantityParse, SharesAsPercentOrFraction) {
    EXPECT_EQ(valueOf("85%", Dimension::Fraction), 0.85);
    EXPECT_EQ(valueOf("85 %", Dimension::Fraction), 0.85);
    EXPECT_EQ(valueOf("12.5%", Dimension::Fraction), 0.125);
    EXPECT_EQ(valueOf("0.85", Dimension::Fraction), 0.85);
    EXPECT_EQ(valueOf("0", Dimension::Fraction), 0.0);
    EXPECT_EQ(valueOf("1", Dimension::Fraction), 1.0);
    EXPECT_EQ(valueOf("0%", Dimension::Fraction), 0.0);
    EXPECT_EQ(valueOf("100%", Dimension::Fraction), 1.0);
}

TEST(QuantityParse, BareShareAboveOneAsksForPercent) {
    const ParseError error = errorOf("85", Dimension::Fraction);
    EXPECT_EQ(error.message, "'85' is not a share from 0 to 1");
    EXPECT_EQ(error.hint, "write 85% for a share");
    EXPECT_THAT(errorOf("-0.5", Dimension::Fraction).hint, HasSubstr("from 0% to 100%"));
}

TEST(QuantityParse, PercentOutsideRangeIsRefused) {
    EXPECT_EQ(errorOf("120%", Dimension::Fraction).message, "'120%' is more than 100%");
    EXPECT_EQ(errorOf("-5%", Dimension::Fraction).message, "'-5%' is less than 0%");
}

// --- errors ----------------------------------------------------------------------

TEST(QuantityParse, WrongDimensionNamesBoth) {
    ParseError error = errorOf("5 km", Dimension::Speed);
    EXPECT_EQ(error.message, "'5 km' is a length, but a speed is expected here");
    EXPECT_EQ(error.hint, "expected m/s, km/h or kt");

    error = errorOf("85%", Dimension::Length);
    EXPECT_EQ(error.message, "'85%' is a share, but a length is expected here");
    EXPECT_EQ(error.hint, "expected m, km, ft or NM");

    error = errorOf("30 knots", Dimension::Length);
    EXPECT_EQ(error.message, "'30 knots' is a speed, but a length is expected here");

    error = errorOf("5 min", Dimension::Fraction);
    EXPECT_EQ(error.message, "'5 min' is a duration, but a share is expected here");
}

TEST(QuantityParse, MetresForADurationSuggestMin) {
    const ParseError error = errorOf("5 m", Dimension::Duration);
    EXPECT_EQ(error.message, "'5 m' is a length, but a duration is expected here");
    EXPECT_THAT(error.hint, HasSubstr("for minutes write 'min'"));
}

TEST(QuantityParse, NearMissesSuggestTheUnit) {
    struct Case {
        const char* text;
        Dimension dimension;
        const char* meant;
    };
    const Case cases[] = {
        {"50 kmh", Dimension::Speed, "km/h"},     {"50 kph", Dimension::Speed, "km/h"},
        {"50 km/t", Dimension::Speed, "km/h"},    {"5 mps", Dimension::Speed, "m/s"},
        {"30 knots", Dimension::Speed, "kt"},     {"30 kts", Dimension::Speed, "kt"},
        {"90 sec", Dimension::Duration, "s"},     {"90 seconds", Dimension::Duration, "s"},
        {"15 mins", Dimension::Duration, "min"},  {"15 minutes", Dimension::Duration, "min"},
        {"2 hr", Dimension::Duration, "h"},       {"2 hours", Dimension::Duration, "h"},
        {"100 meters", Dimension::Length, "m"},   {"400 feet", Dimension::Length, "ft"},
        {"85 percent", Dimension::Fraction, "%"},
    };
    for (const Case& c : cases) {
        const ParseError error = errorOf(c.text, c.dimension);
        EXPECT_THAT(error.message, HasSubstr("unknown unit")) << c.text;
        EXPECT_THAT(error.hint, HasSubstr(std::string("did you mean '") + c.meant + "'?")) << c.text;
    }
    const ParseError error = errorOf("50 kmh", Dimension::Speed);
    EXPECT_EQ(error.message, "unknown unit 'kmh' for a speed");
    EXPECT_EQ(error.hint, "expected m/s, km/h or kt; did you mean 'km/h'?");
}

TEST(QuantityParse, UnsupportedUnitsSaySo) {
    EXPECT_THAT(errorOf("30 mph", Dimension::Speed).hint, HasSubstr("miles per hour are not supported"));
    EXPECT_THAT(errorOf("3 mi", Dimension::Length).hint, HasSubstr("statute miles are not supported"));
    EXPECT_THAT(errorOf("500 ms", Dimension::Duration).hint, HasSubstr("milliseconds are not supported"));
}

TEST(QuantityParse, TyposSuggestTheClosestUnit) {
    EXPECT_THAT(errorOf("5 mni", Dimension::Duration).hint, HasSubstr("did you mean 'min'?"));
    // too short to guess: "mi" must not become metres
    EXPECT_THAT(errorOf("5 xy", Dimension::Length).hint, ::testing::Not(HasSubstr("did you mean")));
}

TEST(QuantityParse, NotANumber) {
    ParseError error = errorOf("fast", Dimension::Speed);
    EXPECT_EQ(error.message, "'fast' is not a number");
    EXPECT_EQ(error.hint, "write a speed such as '12 m/s'");

    error = errorOf("km", Dimension::Length);
    EXPECT_EQ(error.message, "'km' has a unit but no number");

    error = errorOf("   ", Dimension::Duration);
    EXPECT_EQ(error.message, "the value is empty");
    EXPECT_EQ(error.hint, "write a duration such as '90 s'");
}

TEST(QuantityParse, NonFiniteNumbersAreRefused) {
    EXPECT_EQ(errorOf("nan", Dimension::Length).message, "'nan' is not a finite number");
    EXPECT_EQ(errorOf("inf m", Dimension::Length).message, "'inf m' is not a finite number");
    EXPECT_EQ(errorOf("-Infinity", Dimension::Speed).message, "'-Infinity' is not a finite number");
    EXPECT_EQ(errorOf("1e999 m", Dimension::Length).message, "'1e999 m' has a number out of range");
    // finite as written, infinite once converted to metres
    EXPECT_EQ(errorOf("1e308 km", Dimension::Length).message, "'1e308 km' has a number out of range");
}

TEST(QuantityParse, EachDimensionHasAPhysicalRange) {
    // lengths: no two places on Earth are further apart than half its circumference
    EXPECT_DOUBLE_EQ(valueOf("20000 km", Dimension::Length), 2.0e7);
    ParseError error = errorOf("1e300 m", Dimension::Length);
    EXPECT_EQ(error.message, "'1e300 m' is out of range for a length");
    EXPECT_EQ(error.hint, "a length is at most 20,000 km (half the way round the Earth)");
    EXPECT_EQ(errorOf("-1e300", Dimension::Length).hint,
              "a length is at least -20,000 km (half the way round the Earth)");
    EXPECT_EQ(errorOf("20001 km", Dimension::Length).message, "'20001 km' is out of range for a length");
    // speeds
    EXPECT_DOUBLE_EQ(valueOf("1000 m/s", Dimension::Speed), 1000.0);
    error = errorOf("1e300 m/s", Dimension::Speed);
    EXPECT_EQ(error.message, "'1e300 m/s' is out of range for a speed");
    EXPECT_EQ(error.hint, "a speed is at most 1,000 m/s (faster than any aircraft in a scenario)");
    // durations: milliseconds of them never wrap a 64-bit count
    EXPECT_DOUBLE_EQ(valueOf("8784 h", Dimension::Duration), 8784.0 * 3600.0);
    error = errorOf("1e300 h", Dimension::Duration);
    EXPECT_EQ(error.message, "'1e300 h' is out of range for a duration");
    EXPECT_EQ(error.hint, "a duration is at most 8,784 h (366 days; a scenario lasts at most 31)");
    EXPECT_EQ(errorOf("9.3e12", Dimension::Duration).message, "'9.3e12' is out of range for a duration");
    EXPECT_EQ(errorOf("8784 h 1 min", Dimension::Duration).message, "'8784 h 1 min' is out of range for a duration");
}

TEST(QuantityParse, AnAltitudeEndsWhereSpaceBegins) {
    EXPECT_DOUBLE_EQ(altitudeOf("100 km AMSL").metres, 100e3);
    const ParseError error = altitudeErrorOf("101 km AGL");
    EXPECT_EQ(error.message, "'101 km AGL' is out of range for an altitude");
    EXPECT_EQ(error.hint, "an altitude is at most 100 km (where space begins)");
}

TEST(QuantityParse, CheckRangeSaysTheSameForAValueReadElsewhere) {
    EXPECT_FALSE(checkRange(5000.0, Dimension::Length, "5 km"));
    const std::optional<ParseError> error = checkRange(3.704e7, Dimension::Length, "DC 20000");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->message, "'DC 20000' is out of range for a length");
    ASSERT_TRUE(checkRange(std::nan(""), Dimension::Speed, "nan"));
    EXPECT_EQ(checkRange(std::nan(""), Dimension::Speed, "nan")->message, "'nan' is not a finite number");
}

TEST(QuantityParse, DecimalCommaIsExplained) {
    const ParseError error = errorOf("1,5 km", Dimension::Length);
    EXPECT_EQ(error.message, "'1,5 km' uses a comma as the decimal mark");
    EXPECT_EQ(error.hint, "write a decimal point: '1.5 km'");
}

TEST(QuantityParse, SpacesInsideANumberAreExplained) {
    const ParseError error = errorOf("1 000 m", Dimension::Length);
    EXPECT_EQ(error.message, "'1 000 m' has a space inside a number");
    EXPECT_EQ(error.hint, "write the number without spaces, such as '1000 m'");
    EXPECT_EQ(errorOf("5 km 200 m", Dimension::Length).message, "'5 km 200 m' has more than one number");
}

TEST(QuantityParse, DescribesDimensions) {
    EXPECT_EQ(describe(Dimension::Length), "a length");
    EXPECT_EQ(describe(Dimension::Speed), "a speed");
    EXPECT_EQ(describe(Dimension::Duration), "a duration");
    EXPECT_EQ(describe(Dimension::Fraction), "a share");
    EXPECT_EQ(unitsOf(Dimension::Length), "m, km, ft, NM");
    EXPECT_EQ(unitsOf(Dimension::Speed), "m/s, km/h, kt");
    EXPECT_EQ(unitsOf(Dimension::Duration), "s, min, h");
    EXPECT_EQ(unitsOf(Dimension::Fraction), "%");
}

// --- altitudes ---------------------------------------------------------------------

TEST(QuantityAltitude, ReferenceAndUnit) {
    Altitude a = altitudeOf("120 m AGL");
    EXPECT_EQ(a.metres, 120.0);
    EXPECT_EQ(a.ref, AltitudeRef::AGL);

    a = altitudeOf("400 ft AMSL");
    EXPECT_EQ(a.metres, 121.92);
    EXPECT_EQ(a.ref, AltitudeRef::AMSL);

    a = altitudeOf("120 m agl");
    EXPECT_EQ(a.metres, 120.0);
    EXPECT_EQ(a.ref, AltitudeRef::AGL);

    a = altitudeOf("120mAMSL");
    EXPECT_EQ(a.metres, 120.0);
    EXPECT_EQ(a.ref, AltitudeRef::AMSL);
}

TEST(QuantityAltitude, DefaultsToMetresAboveGround) {
    Altitude a = altitudeOf("0");
    EXPECT_EQ(a.metres, 0.0);
    EXPECT_EQ(a.ref, AltitudeRef::AGL);

    a = altitudeOf("120");
    EXPECT_EQ(a.metres, 120.0);
    EXPECT_EQ(a.ref, AltitudeRef::AGL);

    a = altitudeOf("0 m");
    EXPECT_EQ(a.ref, AltitudeRef::AGL);
}

TEST(QuantityAltitude, GroundIsZeroAboveGround) {
    for (const char* text : {"GND", "gnd", " Gnd "}) {
        const Altitude a = altitudeOf(text);
        EXPECT_EQ(a.metres, 0.0) << text;
        EXPECT_EQ(a.ref, AltitudeRef::AGL) << text;
    }
}

TEST(QuantityAltitude, BelowSeaLevelIsAllowed) {
    // Lammefjord, Denmark's lowest land, is about 7 m below sea level
    const Altitude a = altitudeOf("-7 m AMSL");
    EXPECT_EQ(a.metres, -7.0);
    EXPECT_EQ(a.ref, AltitudeRef::AMSL);
}

TEST(QuantityAltitude, ReferenceAloneIsRefused) {
    const ParseError error = altitudeErrorOf("AGL");
    EXPECT_EQ(error.message, "'AGL' has no height");
    EXPECT_EQ(error.hint, "write an altitude such as '120 m AGL'");
}

TEST(QuantityAltitude, SeaLevelSpellingsSuggestAmsl) {
    for (const char* text : {"120 m ASL", "120 m MSL"}) {
        const ParseError error = altitudeErrorOf(text);
        EXPECT_THAT(error.message, HasSubstr("unknown altitude reference")) << text;
        EXPECT_THAT(error.hint, HasSubstr("did you mean 'AMSL'?")) << text;
    }
}

TEST(QuantityAltitude, FlightLevelsAreNotSupported) {
    ParseError error = altitudeErrorOf("FL95");
    EXPECT_EQ(error.message, "'FL95' is a flight level");
    EXPECT_EQ(error.hint, "flight levels are not supported; write an altitude such as '2900 m AMSL'");

    error = altitudeErrorOf("fl 100");
    EXPECT_EQ(error.hint, "flight levels are not supported; write an altitude such as '3000 m AMSL'");
}

TEST(QuantityAltitude, WrongDimensionOrNoNumber) {
    ParseError error = altitudeErrorOf("120 kt AGL");
    EXPECT_EQ(error.message, "'120 kt AGL' is a speed, but an altitude is expected here");

    error = altitudeErrorOf("high");
    EXPECT_EQ(error.message, "'high' is not a number");
    EXPECT_EQ(error.hint, "write an altitude such as '120 m AGL'");

    error = altitudeErrorOf("400 feet AMSL");
    EXPECT_THAT(error.hint, HasSubstr("did you mean 'ft'?"));
}

// --- printing ------------------------------------------------------------------------

TEST(QuantityFormat, Lengths) {
    EXPECT_EQ(formatQuantity(5000.0, Dimension::Length), "5 km");
    EXPECT_EQ(formatQuantity(350.0, Dimension::Length), "350 m");
    EXPECT_EQ(formatQuantity(1500.0, Dimension::Length), "1.5 km");
    EXPECT_EQ(formatQuantity(12345.0, Dimension::Length), "12.3 km");
    EXPECT_EQ(formatQuantity(243400.0, Dimension::Length), "243 km");
    EXPECT_EQ(formatQuantity(12.5, Dimension::Length), "12.5 m");
    EXPECT_EQ(formatQuantity(0.25, Dimension::Length), "0.25 m");
    EXPECT_EQ(formatQuantity(999.4, Dimension::Length), "999 m");
    EXPECT_EQ(formatQuantity(999.6, Dimension::Length), "1 km");
    EXPECT_EQ(formatQuantity(-1500.0, Dimension::Length), "-1.5 km");
    EXPECT_EQ(formatQuantity(0.0, Dimension::Length), "0 m");
    EXPECT_EQ(formatQuantity(-0.0001, Dimension::Length), "0 m");
}

TEST(QuantityFormat, Speeds) {
    EXPECT_EQ(formatQuantity(12.0, Dimension::Speed), "12 m/s");
    EXPECT_EQ(formatQuantity(12.5, Dimension::Speed), "12.5 m/s");
    EXPECT_EQ(formatQuantity(2.25, Dimension::Speed), "2.25 m/s");
    EXPECT_EQ(formatQuantity(250.0, Dimension::Speed), "250 m/s");
}

TEST(QuantityFormat, Durations) {
    EXPECT_EQ(formatQuantity(90.0, Dimension::Duration), "90 s");
    EXPECT_EQ(formatQuantity(0.1, Dimension::Duration), "0.1 s");
    EXPECT_EQ(formatQuantity(0.0, Dimension::Duration), "0 s");
    EXPECT_EQ(formatQuantity(119.0, Dimension::Duration), "119 s");
    EXPECT_EQ(formatQuantity(150.0, Dimension::Duration), "2 min 30 s");
    EXPECT_EQ(formatQuantity(900.0, Dimension::Duration), "15 min");
    EXPECT_EQ(formatQuantity(5400.0, Dimension::Duration), "90 min");
    EXPECT_EQ(formatQuantity(7200.0, Dimension::Duration), "2 h");
    EXPECT_EQ(formatQuantity(9000.0, Dimension::Duration), "2 h 30 min");
    EXPECT_EQ(formatQuantity(7215.0, Dimension::Duration), "2 h 15 s");
    EXPECT_EQ(formatQuantity(-90.0, Dimension::Duration), "-90 s");
}

TEST(QuantityFormat, Shares) {
    EXPECT_EQ(formatQuantity(0.85, Dimension::Fraction), "85%");
    EXPECT_EQ(formatQuantity(0.125, Dimension::Fraction), "12.5%");
    EXPECT_EQ(formatQuantity(1.0, Dimension::Fraction), "100%");
    EXPECT_EQ(formatQuantity(0.0, Dimension::Fraction), "0%");
}

TEST(QuantityFormat, NonFinite) {
    EXPECT_EQ(formatQuantity(std::nan(""), Dimension::Length), "nan");
    EXPECT_EQ(formatQuantity(-INFINITY, Dimension::Speed), "-inf");
}

TEST(QuantityFormat, WholeSecondsReadBackExactly) {
    // what a report prints, a scenario can say again
    for (int seconds = -300; seconds <= 30000; seconds += 7) {
        const std::string text = formatQuantity(seconds, Dimension::Duration);
        EXPECT_EQ(valueOf(text, Dimension::Duration), seconds) << text;
    }
}

TEST(QuantityFormat, SharesReadBackExactly) {
    for (int percent = 0; percent <= 100; ++percent) {
        const double share = percent / 100.0;
        const std::string text = formatQuantity(share, Dimension::Fraction);
        EXPECT_EQ(valueOf(text, Dimension::Fraction), share) << text;
    }
}

} // namespace
} // namespace nofly::core
