// Parsing and printing of quantities with units. Written by hand: the grammar
// is a number and a unit word, and what matters is the wording of the errors,
// which no unit library shapes for scenario writers. Numbers are read and
// written with <charconv>, so the locale never changes a decimal point.
#include "core/quantity.hpp"
#include "core/text.hpp"

#include "core/diagnostic.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace nofly::core {

namespace {

// lower case with the spaces taken out, for lookups: "Km / H" -> "km/h"
std::string normalise(std::string_view word) {
    std::string out;
    for (char c : word)
        if (!isSpace(c)) out += toLower(c);
    return out;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (toLower(a[i]) != toLower(b[i])) return false;
    return true;
}

// --- units ----------------------------------------------------------------

// A unit we accept. Its SI value is number * factor / divisor, both exact in
// a double, so "400 ft" gives the correctly rounded 121.92 m and "36 km/h"
// exactly 10 m/s. Units are matched ignoring case: none of ours clash.
struct Unit {
    std::string_view name; ///< as printed in messages
    Dimension dimension;
    double factor;
    double divisor;
};

// clang-format off
constexpr Unit kUnits[] = {
    {"m", Dimension::Length, 1.0, 1.0},
    {"km", Dimension::Length, 1000.0, 1.0},
    {"ft", Dimension::Length, 3048.0, 10000.0},
    {"NM", Dimension::Length, 1852.0, 1.0},
    {"m/s", Dimension::Speed, 1.0, 1.0},
    {"km/h", Dimension::Speed, 1000.0, 3600.0},
    {"kt", Dimension::Speed, 1852.0, 3600.0},
    {"s", Dimension::Duration, 1.0, 1.0},
    {"min", Dimension::Duration, 60.0, 1.0},
    {"h", Dimension::Duration, 3600.0, 1.0},
    {"%", Dimension::Fraction, 1.0, 100.0},
};
// clang-format on

// A word people write for a unit that we do not accept as it is: the unit
// they probably meant (empty when we have no equivalent) and a note for the
// hint. Written lower case without spaces, as normalise() leaves them.
struct NearMiss {
    Dimension dimension;
    std::string_view written;
    std::string_view meant;
    std::string_view note;
};

// clang-format off
constexpr NearMiss kNearMisses[] = {
    {Dimension::Length, "meter", "m", ""},
    {Dimension::Length, "meters", "m", ""},
    {Dimension::Length, "metre", "m", ""},
    {Dimension::Length, "metres", "m", ""},
    {Dimension::Length, "mtr", "m", ""},
    {Dimension::Length, "kilometer", "km", ""},
    {Dimension::Length, "kilometers", "km", ""},
    {Dimension::Length, "kilometre", "km", ""},
    {Dimension::Length, "kilometres", "km", ""},
    {Dimension::Length, "kms", "km", ""},
    {Dimension::Length, "feet", "ft", ""},
    {Dimension::Length, "foot", "ft", ""},
    {Dimension::Length, "fts", "ft", ""},
    {Dimension::Length, "nmi", "NM", ""},
    {Dimension::Length, "nauticalmile", "NM", ""},
    {Dimension::Length, "nauticalmiles", "NM", ""},
    {Dimension::Length, "mi", "", "statute miles are not supported"},
    {Dimension::Length, "mile", "", "statute miles are not supported"},
    {Dimension::Length, "miles", "", "statute miles are not supported"},
    {Dimension::Speed, "mps", "m/s", ""},
    {Dimension::Speed, "ms", "m/s", ""},
    {Dimension::Speed, "m/sec", "m/s", ""},
    {Dimension::Speed, "kmh", "km/h", ""},
    {Dimension::Speed, "kph", "km/h", ""},
    {Dimension::Speed, "kmph", "km/h", ""},
    {Dimension::Speed, "km/t", "km/h", ""}, // Danish: kilometer i timen
    {Dimension::Speed, "kmt", "km/h", ""},
    {Dimension::Speed, "kts", "kt", ""},
    {Dimension::Speed, "knot", "kt", ""},
    {Dimension::Speed, "knots", "kt", ""},
    {Dimension::Speed, "kn", "kt", ""},
    {Dimension::Speed, "mph", "", "miles per hour are not supported"},
    {Dimension::Duration, "sec", "s", ""},
    {Dimension::Duration, "secs", "s", ""},
    {Dimension::Duration, "second", "s", ""},
    {Dimension::Duration, "seconds", "s", ""},
    {Dimension::Duration, "mins", "min", ""},
    {Dimension::Duration, "minute", "min", ""},
    {Dimension::Duration, "minutes", "min", ""},
    {Dimension::Duration, "hr", "h", ""},
    {Dimension::Duration, "hrs", "h", ""},
    {Dimension::Duration, "hour", "h", ""},
    {Dimension::Duration, "hours", "h", ""},
    {Dimension::Duration, "ms", "", "milliseconds are not supported; write seconds such as '0.5 s'"},
    {Dimension::Duration, "d", "", "days are not supported; write hours such as '48 h'"},
    {Dimension::Duration, "day", "", "days are not supported; write hours such as '48 h'"},
    {Dimension::Duration, "days", "", "days are not supported; write hours such as '48 h'"},
    {Dimension::Fraction, "percent", "%", ""},
    {Dimension::Fraction, "pct", "%", ""},
    {Dimension::Fraction, "procent", "%", ""}, // Danish
    {Dimension::Fraction, "pc", "%", ""},
};
// clang-format on

const Unit* findUnit(std::string_view normalised, Dimension dimension) {
    for (const Unit& unit : kUnits)
        if (unit.dimension == dimension && normalise(unit.name) == normalised) return &unit;
    return nullptr;
}

const NearMiss* findNearMiss(std::string_view normalised, Dimension dimension) {
    for (const NearMiss& miss : kNearMisses)
        if (miss.dimension == dimension && miss.written == normalised) return &miss;
    return nullptr;
}

constexpr std::array<Dimension, 4> kDimensions{Dimension::Length, Dimension::Speed, Dimension::Duration,
                                               Dimension::Fraction};

// The dimension a unit word belongs to when it is not `expected`: a unit we
// accept there, or a near miss that clearly means one of them ("knots").
bool otherDimensionOf(std::string_view normalised, Dimension expected, Dimension& other) {
    for (Dimension d : kDimensions)
        if (d != expected && findUnit(normalised, d)) {
            other = d;
            return true;
        }
    for (Dimension d : kDimensions) {
        const NearMiss* miss = findNearMiss(normalised, d);
        if (d != expected && miss && !miss->meant.empty()) {
            other = d;
            return true;
        }
    }
    return false;
}

// --- ranges --------------------------------------------------------------------

/// How far a quantity of a dimension may go either side of zero, and why.
struct Range {
    double largest;        ///< [SI]
    std::string_view text; ///< as people read it
    std::string_view why;
};

Range rangeOf(Dimension dimension) {
    switch (dimension) {
    case Dimension::Length: return {2.0e7, "20,000 km", "half the way round the Earth"};
    case Dimension::Speed: return {1000.0, "1,000 m/s", "faster than any aircraft in a scenario"};
    case Dimension::Duration: return {366.0 * 86400.0, "8,784 h", "366 days; a scenario lasts at most 31"};
    case Dimension::Fraction: return {1.0, "100%", "all of them"};
    }
    return {0.0, "", ""};
}

// --- what is expected, in words --------------------------------------------

// What a caller asks for: the dimension, and how to name it and show an
// example in messages ("an altitude", "120 m AGL" for parseAltitude).
struct Expectation {
    Dimension dimension;
    std::string_view noun;
    std::string_view example;
    Range range; ///< how far from zero a value may be
};

std::string_view exampleOf(Dimension dimension) {
    switch (dimension) {
    case Dimension::Length: return "5 km";
    case Dimension::Speed: return "12 m/s";
    case Dimension::Duration: return "90 s";
    case Dimension::Fraction: return "85%";
    }
    return "";
}

Expectation expectationOf(Dimension dimension) {
    return {dimension, describe(dimension), exampleOf(dimension), rangeOf(dimension)};
}

/// The error for a value further from zero than `e` allows, or nothing; NaN
/// is past every range.
std::optional<ParseError> beyond(double si, std::string_view shown, const Expectation& e) {
    if (std::fabs(si) <= e.range.largest) return std::nullopt;
    const std::string bound = si < 0.0 ? "at least -" : "at most ";
    return ParseError{quoted(shown) + " is out of range for " + std::string(e.noun),
                      std::string(e.noun) + " is " + bound + std::string(e.range.text) + " (" +
                          std::string(e.range.why) + ")"};
}

// "expected m/s, km/h or kt"
std::string expectedUnits(Dimension dimension) {
    switch (dimension) {
    case Dimension::Length: return "expected m, km, ft or NM";
    case Dimension::Speed: return "expected m/s, km/h or kt";
    case Dimension::Duration: return "expected s, min or h";
    case Dimension::Fraction: return "expected a percentage such as '85%' or a number from 0 to 1";
    }
    return "";
}

std::string writeSuch(const Expectation& e) {
    return "write " + std::string(e.noun) + " such as " + quoted(e.example);
}

ParseError unitError(std::string_view shown, std::string_view unitWord, const Expectation& e) {
    const std::string word = normalise(unitWord);
    const std::string expected = expectedUnits(e.dimension);

    // a word we know for this dimension: point at the unit it means
    if (const NearMiss* miss = findNearMiss(word, e.dimension)) {
        std::string hint = expected + "; ";
        hint += miss->meant.empty() ? std::string(miss->note) : "did you mean " + quoted(miss->meant) + "?";
        return {"unknown unit " + quoted(trim(unitWord)) + " for " + std::string(e.noun), hint};
    }

    // a unit of another dimension: say which dimension it is
    Dimension other{};
    if (otherDimensionOf(word, e.dimension, other)) {
        std::string hint = expected;
        if (e.dimension == Dimension::Duration && word == "m") hint += "; for minutes write 'min'";
        return {quoted(shown) + " is " + std::string(describe(other)) + ", but " + std::string(e.noun) +
                    " is expected here",
                hint};
    }

    // a typo of one of our units, when the word is long enough to tell
    std::string hint = expected;
    if (word.size() >= 3) {
        std::vector<std::string> candidates;
        for (const Unit& unit : kUnits)
            if (unit.dimension == e.dimension) candidates.emplace_back(unit.name);
        const std::string best = closestMatch(word, candidates);
        if (!best.empty()) hint += "; did you mean " + quoted(best) + "?";
    }
    return {"unknown unit " + quoted(trim(unitWord)) + " for " + std::string(e.noun), hint};
}

// --- numbers -----------------------------------------------------------------

enum class NumberStatus { Ok, NotANumber, NotFinite, OutOfRange };

struct Number {
    NumberStatus status = NumberStatus::NotANumber;
    double value = 0.0;
    std::size_t end = 0; ///< characters used
};

// Reads a decimal number at the start of `s`: optional sign, digits, point,
// exponent ("-1.5e3"). "inf" and "nan" are recognised only to be refused.
Number readNumber(std::string_view s) {
    Number out;
    std::size_t pos = 0;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) ++pos;
    if (pos >= s.size()) return out;

    // infinities and NaN as words: from_chars would take them
    if (isLetter(s[pos])) {
        std::size_t end = pos;
        while (end < s.size() && isLetter(s[end]))
            ++end;
        const std::string word = normalise(s.substr(pos, end - pos));
        if (word == "inf" || word == "infinity" || word == "nan") {
            out.status = NumberStatus::NotFinite;
            out.end = end;
        }
        return out;
    }
    if (!isDigit(s[pos]) && s[pos] != '.') return out;

    // from_chars takes a leading '-' but not a '+'
    const std::size_t from = s[0] == '+' ? 1 : 0;
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(s.data() + from, s.data() + s.size(), value);
    if (ec == std::errc::invalid_argument) return out;
    out.end = static_cast<std::size_t>(ptr - s.data());
    if (ec == std::errc::result_out_of_range) {
        out.status = NumberStatus::OutOfRange;
        return out;
    }
    out.status = NumberStatus::Ok;
    out.value = value;
    return out;
}

ParseError numberError(std::string_view shown, const Number& number, const Expectation& e) {
    switch (number.status) {
    case NumberStatus::NotFinite: return {quoted(shown) + " is not a finite number", writeSuch(e)};
    case NumberStatus::OutOfRange: return {quoted(shown) + " has a number out of range", writeSuch(e)};
    case NumberStatus::Ok:
    case NumberStatus::NotANumber: break;
    }
    // a unit with no number in front of it: "km"
    const std::string word = normalise(shown);
    Dimension other{};
    if (findUnit(word, e.dimension) || findNearMiss(word, e.dimension) ||
        otherDimensionOf(word, e.dimension, other))
        return {quoted(shown) + " has a unit but no number", writeSuch(e)};
    return {quoted(shown) + " is not a number", writeSuch(e)};
}

ParseError outOfRange(std::string_view shown, const Expectation& e) {
    return {quoted(shown) + " has a number out of range", writeSuch(e)};
}

// A share: a percentage from 0% to 100% or a bare number from 0 to 1.
Parsed<double> checkShare(std::string_view shown, std::string_view numberText, double number, bool percent) {
    if (percent) {
        if (number < 0.0) return ParseError{quoted(shown) + " is less than 0%", "a share is from 0% to 100%"};
        if (number > 100.0)
            return ParseError{quoted(shown) + " is more than 100%", "a share is from 0% to 100%"};
        return number / 100.0;
    }
    if (number < 0.0 || number > 1.0) {
        std::string hint = number > 1.0 && number <= 100.0
                               ? "write " + std::string(numberText) + "% for a share"
                               : "a share is a percentage from 0% to 100% or a number from 0 to 1";
        return ParseError{quoted(shown) + " is not a share from 0 to 1", hint};
    }
    return number;
}

// "1 h 30 min", "2 min 30 s": several durations, largest unit first, each
// unit once. `rest` follows the first number.
Parsed<double> parseCompoundDuration(std::string_view shown, double first, std::string_view rest,
                                     const Expectation& e) {
    const bool negative = std::signbit(first);
    double term = std::fabs(first);
    double total = 0.0;
    int lastRank = -1;
    std::size_t pos = 0;
    const ParseError unordered{quoted(shown) + " lists its parts out of order",
                               "write the largest unit first, each once, as in '1 h 30 min'"};
    const ParseError unitless{quoted(shown) + " has a number without a unit",
                              "give each part a unit, as in '1 h 30 min'"};
    for (;;) {
        // the unit of this term
        const std::size_t start = pos;
        while (pos < rest.size() && isLetter(rest[pos]))
            ++pos;
        const std::string_view word = rest.substr(start, pos - start);
        if (word.empty())
            return pos < rest.size() && !isDigit(rest[pos]) ? unitError(shown, rest, e) : unitless;
        const Unit* unit = findUnit(normalise(word), Dimension::Duration);
        if (!unit) return unitError(shown, word, e);
        const int rank = unit->name == "h" ? 0 : unit->name == "min" ? 1 : 2;
        if (rank <= lastRank) return unordered;
        lastRank = rank;
        total += term * unit->factor / unit->divisor;

        // the next number, if any
        while (pos < rest.size() && isSpace(rest[pos]))
            ++pos;
        if (pos == rest.size()) break;
        if (!isDigit(rest[pos]) && rest[pos] != '.')
            return ParseError{quoted(shown) + " is not " + std::string(e.noun),
                              "write " + std::string(e.noun) + " such as " + quoted(e.example) +
                                  " or '1 h 30 min'"};
        const Number number = readNumber(rest.substr(pos));
        if (number.status != NumberStatus::Ok) return numberError(shown, number, e);
        term = number.value;
        pos += number.end;
        while (pos < rest.size() && isSpace(rest[pos]))
            ++pos;
        if (pos == rest.size()) return unitless;
    }
    if (!std::isfinite(total)) return outOfRange(shown, e);
    if (auto error = beyond(total, shown, e)) return *error;
    return negative ? -total : total;
}

// The parser behind parseQuantity and parseAltitude; `shown` is what the
// messages quote.
Parsed<double> parseIn(std::string_view text, std::string_view shown, const Expectation& e) {
    if (text.empty()) return ParseError{"the value is empty", writeSuch(e)};

    // the number
    const Number number = readNumber(text);
    if (number.status != NumberStatus::Ok) return numberError(shown, number, e);
    const std::string_view numberText = text.substr(0, number.end);
    const std::string_view rest = trim(text.substr(number.end));

    // a bare number is in SI units
    if (rest.empty()) {
        if (e.dimension == Dimension::Fraction) return checkShare(shown, numberText, number.value, false);
        if (auto error = beyond(number.value, shown, e)) return *error;
        return number.value;
    }

    // a decimal comma, as written in Danish: "1,5 km"
    if (rest.size() > 1 && rest[0] == ',' && isDigit(rest[1])) {
        std::string fixed(text);
        fixed[number.end] = '.';
        return ParseError{quoted(shown) + " uses a comma as the decimal mark",
                          "write a decimal point: " + quoted(fixed)};
    }

    // several numbers: a compound duration, or a mistake
    bool moreDigits = false;
    for (char c : rest)
        moreDigits = moreDigits || isDigit(c);
    if (moreDigits && e.dimension == Dimension::Duration)
        return parseCompoundDuration(shown, number.value, rest, e);
    if (moreDigits && isDigit(rest[0])) {
        // "1 000 m" -> "1000 m": drop the spaces between digits
        std::string joined;
        for (std::size_t i = 0; i < text.size(); ++i) {
            std::size_t next = i;
            while (next < text.size() && isSpace(text[next]))
                ++next;
            const bool between = isSpace(text[i]) && !joined.empty() && isDigit(joined.back()) &&
                                 next < text.size() && isDigit(text[next]);
            if (!between) joined += text[i];
        }
        return ParseError{quoted(shown) + " has a space inside a number",
                          "write the number without spaces, such as " + quoted(joined)};
    }
    if (moreDigits)
        return ParseError{quoted(shown) + " has more than one number",
                          "write one number with one unit, such as " + quoted(e.example)};

    // the unit
    const Unit* unit = findUnit(normalise(rest), e.dimension);
    if (!unit) return unitError(shown, rest, e);
    if (e.dimension == Dimension::Fraction) return checkShare(shown, numberText, number.value, true);
    const double si = number.value * unit->factor / unit->divisor;
    if (!std::isfinite(si)) return outOfRange(shown, e);
    if (auto error = beyond(si, shown, e)) return *error;
    return si;
}

// --- printing ------------------------------------------------------------------

// Fixed notation with at most `decimals` decimals, trailing zeros dropped;
// never "-0".
std::string fixedTrimmed(double value, int decimals) {
    std::array<char, 512> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::fixed, decimals);
    std::string out(buffer.data(), result.ptr);
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0')
            out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
    if (out == "-0") out = "0";
    return out;
}

// Three significant digits, but never fewer than the integer digits:
// 1.25, 12.5, 125, 1250.
std::string threeDigits(double value) {
    const double a = std::fabs(value);
    return fixedTrimmed(value, a >= 100.0 ? 0 : a >= 10.0 ? 1 : 2);
}

std::string formatDuration(double seconds) {
    const double a = std::fabs(seconds);
    if (a >= 1e15) return fixedTrimmed(seconds / 3600.0, 0) + " h";
    const long long millis = std::llround(a * 1000.0);
    const std::string sign = std::signbit(seconds) && millis != 0 ? "-" : "";

    // under two minutes: seconds, to the millisecond
    if (millis < 120'000) return sign + fixedTrimmed(static_cast<double>(millis) / 1000.0, 3) + " s";

    // from two minutes on: whole seconds split into parts, zero parts left out
    const long long whole = std::llround(a);
    const long long h = whole >= 7200 ? whole / 3600 : 0;
    const long long min = (whole - h * 3600) / 60;
    const long long s = whole % 60;
    std::string out;
    auto part = [&out](long long count, const char* unit) {
        if (count == 0) return;
        if (!out.empty()) out += ' ';
        out += std::to_string(count) + ' ' + unit;
    };
    part(h, "h");
    part(min, "min");
    part(s, "s");
    return sign + out;
}

} // namespace

std::string_view describe(Dimension dimension) {
    switch (dimension) {
    case Dimension::Length: return "a length";
    case Dimension::Speed: return "a speed";
    case Dimension::Duration: return "a duration";
    case Dimension::Fraction: return "a share";
    }
    return "a quantity";
}

std::string_view unitsOf(Dimension dimension) {
    switch (dimension) {
    case Dimension::Length: return "m, km, ft, NM";
    case Dimension::Speed: return "m/s, km/h, kt";
    case Dimension::Duration: return "s, min, h";
    case Dimension::Fraction: return "%";
    }
    return "";
}

double largestValue(Dimension dimension) { return rangeOf(dimension).largest; }

std::string_view largestText(Dimension dimension) { return rangeOf(dimension).text; }

std::optional<ParseError> checkRange(double si, Dimension dimension, std::string_view shown) {
    const Expectation e = expectationOf(dimension);
    if (!std::isfinite(si)) return ParseError{quoted(shown) + " is not a finite number", writeSuch(e)};
    return beyond(si, shown, e);
}

Parsed<double> parseQuantity(std::string_view text, Dimension dimension) {
    const std::string_view trimmed = trim(text);
    return parseIn(trimmed, trimmed, expectationOf(dimension));
}

Parsed<Altitude> parseAltitude(std::string_view raw) {
    const std::string_view text = trim(raw);
    const Expectation e{Dimension::Length, "an altitude", "120 m AGL",
                        {kLargestAltitude, "100 km", "where space begins"}};
    if (text.empty()) return ParseError{"the altitude is empty", writeSuch(e)};

    // the ground
    if (equalsIgnoringCase(text, "GND")) return Altitude{0.0, AltitudeRef::AGL};

    // flight levels: "FL95" is 9500 ft on the standard pressure setting
    if (text.size() > 2 && equalsIgnoringCase(text.substr(0, 2), "FL")) {
        const std::string_view level = trim(text.substr(2));
        if (!level.empty() && level.find_first_not_of("0123456789") == std::string_view::npos) {
            double flightLevel = 0.0;
            std::from_chars(level.data(), level.data() + level.size(), flightLevel);
            const double metres = flightLevel * 100.0 * 0.3048;
            const std::string example = fixedTrimmed(std::round(metres / 100.0) * 100.0, 0) + " m AMSL";
            return ParseError{quoted(text) + " is a flight level",
                              "flight levels are not supported; write an altitude such as " +
                                  quoted(example)};
        }
    }

    // the reference at the end, with or without a space before it
    Altitude altitude;
    std::string_view height = text;
    auto endsWith = [&text](std::string_view suffix) {
        return text.size() >= suffix.size() &&
               equalsIgnoringCase(text.substr(text.size() - suffix.size()), suffix);
    };
    if (endsWith("AMSL")) {
        altitude.ref = AltitudeRef::AMSL;
        height = trim(text.substr(0, text.size() - 4));
    } else if (endsWith("AGL")) {
        altitude.ref = AltitudeRef::AGL;
        height = trim(text.substr(0, text.size() - 3));
    } else {
        // a last word that looks like a reference but is not ours: "ASL", "MSL"
        const std::size_t space = text.find_last_of(" \t");
        if (space != std::string_view::npos) {
            const std::string_view word = text.substr(space + 1);
            const std::string lower = normalise(word);
            std::string meant;
            if (lower == "asl" || lower == "msl" || lower == "a.m.s.l." || lower == "amsl.")
                meant = "AMSL";
            else if (lower == "a.g.l." || lower == "agl." || lower == "gnd")
                meant = "AGL";
            else if (lower.size() >= 3 && !findUnit(lower, Dimension::Length) &&
                     !findNearMiss(lower, Dimension::Length))
                meant = closestMatch(lower, {"AGL", "AMSL"});
            if (!meant.empty())
                return ParseError{
                    "unknown altitude reference " + quoted(word) + " in " + quoted(text),
                    "expected AGL (above ground) or AMSL (above mean sea level); did you mean " +
                        quoted(meant) + "?"};
        }
    }
    if (height.empty())
        return ParseError{quoted(text) + " has no height", "write an altitude such as '120 m AGL'"};

    // the height itself
    Parsed<double> metres = parseIn(height, text, e);
    if (const ParseError* error = std::get_if<ParseError>(&metres)) return *error;
    altitude.metres = std::get<double>(metres);
    return altitude;
}

std::string formatQuantity(double si, Dimension dimension) {
    if (std::isnan(si)) return "nan";
    if (std::isinf(si)) return si > 0 ? "inf" : "-inf";
    switch (dimension) {
    case Dimension::Length:
        // metres below 1 km, kilometres from there
        if (std::fabs(si) < 999.5) return threeDigits(si) + " m";
        return threeDigits(si / 1000.0) + " km";
    case Dimension::Speed: return threeDigits(si) + " m/s";
    case Dimension::Duration: return formatDuration(si);
    case Dimension::Fraction: return threeDigits(si * 100.0) + "%";
    }
    return threeDigits(si);
}

} // namespace nofly::core
