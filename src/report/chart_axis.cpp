#include "report/chart_axis.hpp"

#include "core/decimal.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace nofly::report {

AxisTicks roundTicks(double low, double high, int maxIntervals) {
    if (!std::isfinite(low) || !std::isfinite(high)) low = 0.0, high = 1.0;
    if (high < low) std::swap(low, high);
    maxIntervals = std::max(maxIntervals, 1);
    // nothing to span: a unit round the value, so that the value sits on a tick inside the axis
    if (high - low <= 0.0) {
        const double pad = low == 0.0 ? 1.0 : std::pow(10.0, std::floor(std::log10(std::abs(low))));
        low -= pad, high += pad;
    }
    // the finest 1-2-5 step that keeps within maxIntervals, from a power of ten below the span's share
    int exponent = static_cast<int>(std::floor(std::log10((high - low) / maxIntervals)));
    static constexpr int kMantissas[] = {1, 2, 5};
    for (;; ++exponent)
        for (int mantissa : kMantissas) {
            const double step = mantissa * std::pow(10.0, exponent);
            // a value a hair past a tick (15.000000001 for 15) counts as on it
            const double slack = 1e-9;
            const double first = std::floor(low / step + slack), last = std::ceil(high / step - slack);
            if (last - first > maxIntervals) continue;
            AxisTicks ticks;
            ticks.step = step;
            ticks.decimals = std::max(0, -exponent);
            for (double k = first; k <= last; ++k) {
                // k * mantissa / 10^d rather than k * step: 3 * 0.1 is 0.30000000000000004
                const double v = exponent < 0 ? k * mantissa / std::pow(10.0, -exponent)
                                              : k * mantissa * std::pow(10.0, exponent);
                ticks.values.push_back(v == 0.0 ? 0.0 : v); // no "-0"
            }
            if (ticks.values.size() < 2) ticks.values.push_back(ticks.values.back() + step);
            return ticks;
        }
}

std::string tickText(const AxisTicks& ticks, double value) {
    const std::string text = core::fixed(value, ticks.decimals);
    // "-0" of a value a hair below zero
    return text.find_first_not_of("-0.") == std::string::npos ? core::fixed(0.0, ticks.decimals) : text;
}

bool labelSaysUnit(std::string_view label, std::string_view unit) {
    // a word ends at a space, a hyphen or the label's end
    const auto boundary = [&](std::size_t at) {
        return at >= label.size() || label[at] == ' ' || label[at] == '-';
    };
    for (auto at = label.find(unit); at != std::string_view::npos; at = label.find(unit, at + 1))
        if ((at == 0 || boundary(at - 1)) && boundary(at + unit.size())) return true;
    return false;
}

std::string labelWithUnit(std::string_view label, std::string_view unit) {
    return labelSaysUnit(label, unit) ? std::string(label)
                                      : std::string(label) + " (" + std::string(unit) + ")";
}

std::string settingInWords(const std::string& path) {
    std::vector<std::string> keys;
    std::string::size_type from = 0;
    for (;;) {
        const auto dot = path.find('.', from);
        keys.push_back(path.substr(from, dot == std::string::npos ? std::string::npos : dot - from));
        if (dot == std::string::npos) break;
        from = dot + 1;
    }
    // the quantity is the last key, in words ("max_speed": "max speed")
    std::string quantity = keys.back();
    std::replace(quantity.begin(), quantity.end(), '_', ' ');
    // the element it belongs to is the key after its list (zones, traffic, ...): its id
    if (keys.size() == 1) return quantity;
    // a setting of the scenario itself ("time.step"): its section and key
    if (keys.size() == 2) return keys[0] + " " + quantity;
    return quantity + " of " + keys[1];
}

} // namespace nofly::report
