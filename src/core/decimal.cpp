#include "core/decimal.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

namespace nofly::core {

std::optional<double> parseDecimal(std::string_view text) {
    // std::from_chars, unlike strtod, takes no hexadecimal, no space and
    // no locale's decimal comma; it does take "inf" and "nan", refused here
    // by their first letter. It takes a leading '-' but not a '+'.
    const std::size_t from = !text.empty() && text[0] == '+' ? 1 : 0;
    if (text.size() == from ||
        !(isDigit(text[from]) || text[from] == '.' || (text[from] == '-' && from == 0)))
        return std::nullopt;
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [stop, ec] = std::from_chars(text.data() + from, end, value);
    if (ec != std::errc() || stop != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::string fixed(double value, int decimals) {
    // the largest double has 309 digits before the point
    char buffer[320 + 32];
    const auto [stop, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed,
                                          std::clamp(decimals, 0, 30));
    return ec == std::errc() ? std::string(buffer, stop) : std::string();
}

std::string figure(double value, int decimals) {
    return fixed(value, std::abs(value - std::round(value)) < 1e-9 ? 0 : decimals);
}

} // namespace nofly::core
