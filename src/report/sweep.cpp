#include "report/sweep.hpp"

#include "core/csv.hpp"
#include "core/decimal.hpp"
#include "report/chart_axis.hpp"
#include "report/compare.hpp"
#include "report/svg.hpp"
#include "scenario/limits.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>

namespace nofly::report {

namespace {

/// A table's number: a whole one without a point, any other with `decimals` digits.
std::string number(double v, int decimals = 3) {
    return core::figure(v, decimals);
}

/// The grid points in the order they first appear, each with its runs.
std::vector<std::pair<std::vector<std::string>, std::vector<const SweepRun*>>> points(const Sweep& sweep) {
    std::vector<std::pair<std::vector<std::string>, std::vector<const SweepRun*>>> out;
    for (const SweepRun& run : sweep.runs) {
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == run.values; });
        if (it == out.end()) out.push_back({run.values, {&run}});
        else it->second.push_back(&run);
    }
    return out;
}

Estimate estimateOf(const std::vector<const SweepRun*>& runs, const Metric& metric) {
    VariantRuns v;
    for (const SweepRun* r : runs) v.runs.push_back(r->counts);
    return estimate(v, metric);
}

/// The leading number of "5 km", "50%", "1.5": for placing a value on an axis.
double leadingNumber(const std::string& text) { return std::strtod(text.c_str(), nullptr); }

/// " (km)" from the first parameter's values ("5 km"), or nothing.
std::string unitOf(const Sweep& sweep) {
    if (sweep.runs.empty() || sweep.runs.front().values.empty()) return {};
    const std::string& v = sweep.runs.front().values.front();
    char* end = nullptr;
    std::strtod(v.c_str(), &end);
    std::string unit(end ? end : "");
    while (!unit.empty() && unit.front() == ' ') unit.erase(unit.begin());
    return unit.empty() ? std::string() : " (" + unit + ")";
}

} // namespace

namespace {

/// The table's header, then a row per run, each number written by `write`.
template <typename Write>
std::string table(const Sweep& sweep, const std::vector<const SweepRun*>& runs, Write write) {
    std::ostringstream out;
    for (const std::string& p : sweep.parameters)
        out << core::csvField(p) << ',';
    out << "seed";
    for (const Metric* m : kCompared)
        out << ',' << m->name;
    out << '\n';
    for (const SweepRun* run : runs) {
        for (const std::string& v : run->values)
            out << core::csvField(v) << ',';
        out << run->seed;
        for (const Metric* m : kCompared)
            out << ',' << write(m->value(run->counts));
        out << '\n';
    }
    return out.str();
}

} // namespace

std::string sweepCsv(const Sweep& sweep) {
    std::vector<const SweepRun*> runs;
    for (const SweepRun& run : sweep.runs) runs.push_back(&run);
    return table(sweep, runs, [](double v) { return number(v); });
}

std::string sweepRunCsv(const Sweep& sweep, const SweepRun& run) {
    return table(sweep, {&run}, [](double v) {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%.17g", v);
        return std::string(buffer);
    });
}

namespace {

/// A number of a table as sweepCsv writes it: decimal, finite, and small
/// enough for a count; nothing for a word, "-inf", "nan" or "1e999".
std::optional<double> readCell(const std::string& text) {
    const std::optional<double> value = core::parseDecimal(text);
    if (!value || std::abs(*value) > 2147483647.0) return std::nullopt;
    return value;
}

/// A seed: decimal digits that fit 64 bits.
std::optional<std::uint64_t> readSeed(const std::string& text) {
    std::uint64_t seed = 0;
    const char* end = text.data() + text.size();
    const auto [stop, ec] = std::from_chars(text.data(), end, seed);
    if (text.empty() || ec != std::errc() || stop != end) return std::nullopt;
    return seed;
}

} // namespace

bool readSweepCsv(const std::string& text, Sweep& sweep, std::string& error, int* errorLine) {
    int lineNumber = 1; // of the line read last
    const auto fail = [&](std::string message) {
        error = std::move(message);
        if (errorLine) *errorLine = lineNumber;
        return false;
    };
    // the runs already read (of other tables): a run counted twice would narrow every interval
    std::set<std::pair<std::vector<std::string>, std::uint64_t>> seen;
    for (const SweepRun& run : sweep.runs) seen.emplace(run.values, run.seed);
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line)) return fail("empty table");
    const std::vector<std::string> header = core::splitCsvLine(line);
    const auto seedColumn = std::find(header.begin(), header.end(), "seed");
    if (seedColumn == header.end()) return fail("no 'seed' column: not a sweep table");
    const std::vector<std::string> parameters(header.begin(), seedColumn);
    if (!sweep.parameters.empty() && parameters != sweep.parameters)
        return fail("its parameters differ from the other tables'");
    sweep.parameters = parameters;
    const std::size_t metricsFrom = parameters.size() + 1;
    if (header.size() != metricsFrom + kCompared.size())
        return fail("its metric columns differ from this version of nofly's");
    while (std::getline(in, line)) {
        ++lineNumber;
        if (line.empty()) continue;
        // the rows of all the tables together, however many are named
        if (sweep.runs.size() >= scenario::limits::kMaxMergedRows) {
            const std::string budget =
                scenario::limits::grouped(static_cast<std::int64_t>(scenario::limits::kMaxMergedRows));
            return fail("the tables hold more than " + budget + " runs together (budget " + budget +
                        " merged rows); merge fewer tables, or sweep fewer seeds");
        }
        const std::vector<std::string> f = core::splitCsvLine(line);
        if (f.size() != header.size())
            return fail("a row has " + std::to_string(f.size()) + " fields, the header " +
                        std::to_string(header.size()));
        SweepRun run;
        run.values.assign(f.begin(), f.begin() + static_cast<long>(parameters.size()));
        const std::optional<std::uint64_t> seed = readSeed(f[parameters.size()]);
        if (!seed) return fail("the seed '" + f[parameters.size()] + "' is not a whole number");
        run.seed = *seed;
        if (!seen.emplace(run.values, run.seed).second)
            return fail("the run of seed " + std::to_string(run.seed) + " at this grid point is already merged "
                        "(a table named twice, or tables that overlap); each run counts once");
        // counts back from their columns
        std::vector<double> cells;
        for (std::size_t m = 0; m < kCompared.size(); ++m) {
            const std::optional<double> cell = readCell(f[metricsFrom + m]);
            if (!cell)
                return fail("column '" + std::string(kCompared[m]->name) + "' holds '" + f[metricsFrom + m] +
                            "', which is not a number of runs");
            cells.push_back(*cell);
        }
        for (std::size_t m = 0; m < kCompared.size(); ++m) {
            const Metric& metric = *kCompared[m];
            if (metric.count) run.counts.*metric.count = static_cast<int>(std::lround(cells[m]));
            if (metric.amount) run.counts.*metric.amount = cells[m];
        }
        // every column must come back as written (a derived one, such as
        // confusion, from the columns it is made of): a metric this reader
        // cannot rebuild is an error, never a silent zero
        for (std::size_t m = 0; m < kCompared.size(); ++m) {
            const double written = cells[m];
            const double back = kCompared[m]->value(run.counts);
            if (std::abs(back - written) > 0.0005 + 1e-12 * std::abs(written))
                return fail("column '" + std::string(kCompared[m]->name) + "' (" + f[metricsFrom + m] +
                            ") cannot be read back by this version of nofly");
        }
        sweep.runs.push_back(std::move(run));
    }
    return true;
}

std::string sweepSummaryCsv(const Sweep& sweep) {
    std::ostringstream out;
    for (const std::string& p : sweep.parameters)
        out << core::csvField(p) << ',';
    out << "runs";
    for (const Metric* m : kCompared)
        out << ',' << m->name << "_mean," << m->name << "_ci95";
    out << '\n';
    for (const auto& [values, runs] : points(sweep)) {
        for (const std::string& v : values)
            out << core::csvField(v) << ',';
        out << runs.size();
        for (const Metric* m : kCompared) {
            const Estimate e = estimateOf(runs, *m);
            out << ',' << number(e.mean) << ',' << number(e.half);
        }
        out << '\n';
    }
    return out.str();
}

std::string sweepChartSvg(const Sweep& sweep, const Metric& metric) {
    // series: one per combination of the parameters after the first
    std::map<std::vector<std::string>, std::vector<std::pair<double, Estimate>>> series;
    std::vector<std::vector<std::string>> order;
    for (const auto& [values, runs] : points(sweep)) {
        const std::vector<std::string> rest(values.begin() + 1, values.end());
        if (!series.count(rest)) order.push_back(rest);
        series[rest].emplace_back(leadingNumber(values.front()), estimateOf(runs, metric));
    }
    double x0 = 1e300, x1 = -1e300, y1 = 0.0;
    for (const auto& [key, s] : series)
        for (const auto& [x, e] : s) {
            x0 = std::min(x0, x), x1 = std::max(x1, x);
            y1 = std::max(y1, e.high);
        }
    // round ticks that take in every value: the x axis where the values lie, the y axis from zero
    const AxisTicks xTicks = roundTicks(x0, x1), yTicks = roundTicks(0.0, y1 > 0.0 ? y1 : 1.0);
    const double xLow = xTicks.values.front(), xHigh = xTicks.values.back(), yHigh = yTicks.values.back();
    // a legend on the right only when there are lines to tell apart
    const bool legend = order.size() > 1;
    const double W = 900, H = 560, left = 90, right = legend ? 260 : 40, top = 100, bottom = 80;
    auto px = [&](double x) { return left + (x - xLow) / (xHigh - xLow) * (W - left - right); };
    auto py = [&](double y) { return H - bottom - y / yHigh * (H - top - bottom); };
    auto f1 = [](double v) { return core::fixed(v, 1); };
    static const char* kColours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"};
    const std::string label(metric.label);

    std::ostringstream svg;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << W << "\" height=\"" << H
        << "\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n";
    // the metric as the headline, the scenario under it
    const std::string setting = sweep.parameters.empty() ? "" : settingInWords(sweep.parameters.front());
    svg << "<text x=\"20\" y=\"32\" font-size=\"21\" font-weight=\"bold\">"
        << escapeXml(setting.empty() ? label : label + " by " + setting) << "</text>\n";
    svg << "<text x=\"20\" y=\"56\" font-size=\"15\" fill=\"#555\">" << escapeXml(sweep.title) << "</text>\n";
    // the axes, a grid line at each round y tick
    svg << "<line x1=\"" << left << "\" y1=\"" << H - bottom << "\" x2=\"" << W - right << "\" y2=\"" << H - bottom
        << "\" stroke=\"#333\"/>\n<line x1=\"" << left << "\" y1=\"" << top << "\" x2=\"" << left << "\" y2=\""
        << H - bottom << "\" stroke=\"#333\"/>\n";
    for (double xv : xTicks.values)
        svg << "<text class=\"x-tick\" x=\"" << f1(px(xv)) << "\" y=\"" << H - bottom + 24
            << "\" font-size=\"15\" text-anchor=\"middle\">" << tickText(xTicks, xv) << "</text>\n";
    for (double yv : yTicks.values) {
        svg << "<text class=\"y-tick\" x=\"" << left - 10 << "\" y=\"" << f1(py(yv) + 5)
            << "\" font-size=\"15\" text-anchor=\"end\">" << tickText(yTicks, yv) << "</text>\n";
        svg << "<line x1=\"" << left << "\" y1=\"" << f1(py(yv)) << "\" x2=\"" << W - right << "\" y2=\"" << f1(py(yv))
            << "\" stroke=\"#DDD\"/>\n";
    }
    // the axes' labels in words, with their units: "radius of summit-circle (km)"
    svg << "<text class=\"x-label\" x=\"" << f1((left + W - right) / 2) << "\" y=\"" << H - 24
        << "\" font-size=\"16\" text-anchor=\"middle\">" << escapeXml(setting) << escapeXml(unitOf(sweep))
        << "</text>\n";
    // the y axis's label above it, level, where a long one is not cut
    svg << "<text class=\"y-label\" x=\"" << left - 40 << "\" y=\"" << top - 18 << "\" font-size=\"16\">"
        << escapeXml(labelWithUnit(metric.label, metric.unit)) << "</text>\n";
    // a line per series, with interval bars
    for (std::size_t i = 0; i < order.size(); ++i) {
        auto points = series[order[i]];
        std::sort(points.begin(), points.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        const char* colour = kColours[i % 6];
        svg << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"3\" points=\"";
        for (const auto& [x, e] : points) svg << f1(px(x)) << ',' << f1(py(e.mean)) << ' ';
        svg << "\"/>\n";
        for (const auto& [x, e] : points) {
            svg << "<circle cx=\"" << f1(px(x)) << "\" cy=\"" << f1(py(e.mean)) << "\" r=\"5\" fill=\"" << colour << "\"/>\n";
            // the interval within the metric's bounds: a bar never reaches below the axis
            if (e.high > e.low)
                svg << "<line x1=\"" << f1(px(x)) << "\" y1=\"" << f1(py(e.low)) << "\" x2=\"" << f1(px(x))
                    << "\" y2=\"" << f1(py(e.high)) << "\" stroke=\"" << colour
                    << "\" stroke-width=\"2\"/>\n";
        }
        if (!legend) continue;
        std::string name;
        for (std::size_t p = 0; p < order[i].size(); ++p)
            name += (p ? ", " : "") + settingInWords(sweep.parameters[p + 1]) + " = " + order[i][p];
        if (name.empty()) name = label;
        const double row = top + 28.0 * static_cast<double>(i); // the legend's line of this series
        svg << "<rect x=\"" << W - right + 20 << "\" y=\"" << row << "\" width=\"18\" height=\"6\" fill=\"" << colour
            << "\"/><text x=\"" << W - right + 46 << "\" y=\"" << row + 8 << "\" font-size=\"14\">"
            << escapeXml(name) << "</text>\n";
    }
    svg << "</svg>\n";
    return svg.str();
}

} // namespace nofly::report
