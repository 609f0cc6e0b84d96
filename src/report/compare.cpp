#include "report/compare.hpp"

#include "core/decimal.hpp"
#include "report/chart_axis.hpp"
#include "report/html.hpp"
#include "report/sentences.hpp"
#include "report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace nofly::report {

std::string variantLabel(const std::string& variant) { return variant.empty() ? std::string(scenario::kBaseVariant) : variant; }

std::string policyLabel(const VariantRuns& runs) {
    return runs.name.empty() ? variantLabel(runs.variant) : runs.name;
}

namespace {

/// A whole number without a point when one decimal is asked for, else `decimals` digits.
std::string number(double v, int decimals = 1) {
    return decimals <= 1 ? core::figure(v, decimals) : core::fixed(v, decimals);
}

/// A figure of a table: one decimal, or up to three where one would write a value that is not 0
/// as "0.0" (an interval from 0.04 leaves zero out; written "0.0" it would seem to hold it).
std::string shortNumber(double v) {
    int decimals = 1;
    while (decimals < 3 && v != 0.0 && std::abs(v) < 0.5 * std::pow(10.0, -decimals))
        ++decimals;
    return number(v, decimals);
}

/// "+1.5", "-0.3", "0": a difference, signed.
std::string signedNumber(double v) {
    const std::string text = shortNumber(v);
    if (text.find_first_not_of("-0.") == std::string::npos) return "0";
    return (v > 0 ? "+" : "") + text;
}

/// A metric with nothing to show in any run (detection and response where no
/// run detects anything) is left out.
bool shown(const Comparison& c, const Metric& m) {
    if (!m.shown) return true;
    for (const VariantRuns& v : c.variants)
        for (const Counts& r : v.runs)
            if (m.shown(r)) return true;
    return false;
}

/// How an interval is written: "[a, b]" in the terminal, "(a to b)" on the handout.
struct RangeStyle {
    const char* open;
    const char* between;
    const char* close;
};
constexpr RangeStyle kBrackets{" [", ", ", "]"};
constexpr RangeStyle kWords{" (", " to ", ")"};
/// The same, never broken across lines: a difference's column is narrow, "-3.1 (-5.0 to" then
/// "-1.2)" on the next line reads as two figures.
constexpr RangeStyle kUnbrokenWords{"\u00a0(", "\u00a0to\u00a0", ")"};

/// "54.8 [52.4, 57.2]": a mean with its interval; the mean alone where there is none (one seed,
/// every seed the same).
std::string cell(const Estimate& e, RangeStyle style = kBrackets) {
    if (!e.hasInterval() || e.low == e.high) return shortNumber(e.mean);
    return shortNumber(e.mean) + style.open + shortNumber(e.low) + style.between + shortNumber(e.high) +
           style.close;
}

/// "+52.8 [+50.4, +55.2]": a difference with its interval, signed.
std::string differenceCell(const Estimate& d, RangeStyle style = kBrackets) {
    if (!d.hasInterval() || d.low == d.high) return signedNumber(d.mean);
    return signedNumber(d.mean) + style.open + signedNumber(d.low) + style.between + signedNumber(d.high) +
           style.close;
}

/// No difference in any seed: the same value under both policies, seed by seed.
bool sameInEverySeed(const Estimate& d) {
    return d.sd == 0.0 && d.mean == 0.0;
}

std::size_t seedCount(const Comparison& c) {
    return c.variants.empty() ? 0 : c.variants.front().seeds.size();
}

std::string baselineLabel(const Comparison& c) {
    return c.variants.empty() ? std::string() : policyLabel(c.variants.front());
}

/// A policy at the head of a terminal column: its name where it fits a column, else its id.
constexpr std::size_t kColumnName = 24;
std::string columnLabel(const VariantRuns& v) {
    const std::string name = policyLabel(v);
    return name.size() <= kColumnName ? name : variantLabel(v.variant);
}

/// "a, b and c".
std::string listed(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t k = 0; k < words.size(); ++k)
        out += (k == 0 ? "" : k + 1 == words.size() ? " and " : ", ") + words[k];
    return out;
}

/// `text` in lines of at most 100 characters, each starting with `indent`, broken at spaces.
std::string wrapped(const std::string& indent, const std::string& text) {
    std::string out, line = indent;
    bool fresh = true; // no word on the line yet
    std::istringstream words(text);
    for (std::string word; words >> word;) {
        if (!fresh && line.size() + 1 + word.size() > 100) {
            out += line + "\n";
            line = indent + "  "; // a continued line, indented a little more
            fresh = true;
        }
        line += (fresh ? "" : " ") + word;
        fresh = false;
    }
    return out + line + "\n";
}

/// A row of the terminal's tables, with no line end: the label left in `width`, then each cell
/// right in its own.
std::string tableRow(int indent, int width, const std::string& label, const std::vector<std::string>& cells,
                     const std::vector<int>& widths) {
    std::string line(static_cast<std::size_t>(indent), ' ');
    line += label +
            std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(label.size()))), ' ');
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const int pad = std::max(1, widths[i] + 1 - static_cast<int>(cells[i].size()));
        line += std::string(static_cast<std::size_t>(pad), ' ') + cells[i];
    }
    return line;
}

/// The terminal's differences of one variant to the baseline: a row per metric that differs in
/// some seed (difference [interval], how sure), then the metrics that differ in none.
void writeDifferences(std::ostream& out, const Comparison& c, const VariantRuns& v, int width) {
    const VariantRuns& baseline = c.variants.front();
    const bool intervals = seedCount(c) > 1;
    out << "\n  " << policyLabel(v) << " against " << baselineLabel(c) << ":\n";
    std::vector<std::pair<std::string, Estimate>> rows;
    std::vector<std::string> same;
    int cellWidth = 0;
    for (const Metric* m : kCompared) {
        if (!shown(c, *m)) continue;
        const Estimate d = difference(v, baseline, *m);
        if (sameInEverySeed(d)) {
            same.emplace_back(m->label);
            continue;
        }
        rows.emplace_back(std::string(m->label), d);
        cellWidth = std::max(cellWidth, static_cast<int>(differenceCell(d).size()));
    }
    for (const auto& [label, d] : rows) {
        out << tableRow(4, width, label, {differenceCell(d)}, {cellWidth})
            << (intervals ? "  " + certaintyNote(d) : std::string()) << "\n";
    }
    if (!same.empty())
        out << wrapped("    ", (rows.empty() ? "the same as " + baselineLabel(c) + " in every seed: "
                                             : "the same in every seed: ") +
                                   listed(same));
}

} // namespace

Bounds boundsOf(const Metric& metric) {
    if (metric.unit == "share") return {0.0, 1.0};
    return {};
}

Estimate estimate(const VariantRuns& runs, const Metric& metric) {
    std::vector<double> values;
    values.reserve(runs.runs.size());
    for (const Counts& c : runs.runs)
        values.push_back(metric.value(c));
    return estimateMean(values, boundsOf(metric));
}

Estimate difference(const VariantRuns& variant, const VariantRuns& baseline, const Metric& metric) {
    if (variant.seeds != baseline.seeds)
        throw std::invalid_argument("variant '" + variantLabel(variant.variant) + "' and the baseline '" +
                                    variantLabel(baseline.variant) + "' were run on different seeds");
    std::vector<double> a, b;
    for (const Counts& c : variant.runs)
        a.push_back(metric.value(c));
    for (const Counts& c : baseline.runs)
        b.push_back(metric.value(c));
    return pairedDifference(a, b, boundsOf(metric));
}

std::string comparisonTable(const Comparison& c) {
    std::ostringstream out;
    out << c.title << "\n";
    const std::size_t seeds = seedCount(c);
    out << "  " << c.variants.size() << " policies on the same traffic, " << seeds << " seed"
        << (seeds == 1 ? "" : "s") << (seeds > 1 ? " each (mean [95% interval])" : "") << "; differences to '"
        << baselineLabel(c) << "' below, seed by seed\n\n";
    // the labels' column: 30 wide, or as wide as the longest label shown
    int width = 30;
    for (const Metric* m : kCompared)
        if (shown(c, *m)) width = std::max(width, static_cast<int>(m->label.size()));
    // the cells, and each column as wide as its widest (22 at least)
    std::vector<std::string> header;
    std::vector<int> widths;
    for (const VariantRuns& v : c.variants) {
        header.push_back(columnLabel(v));
        widths.push_back(std::max(22, static_cast<int>(header.back().size())));
    }
    std::vector<std::pair<std::string, std::vector<std::string>>> rows;
    for (const Metric* m : kCompared) {
        if (!shown(c, *m)) continue;
        std::vector<std::string> cells;
        for (std::size_t i = 0; i < c.variants.size(); ++i) {
            cells.push_back(cell(estimate(c.variants[i], *m)));
            widths[i] = std::max(widths[i], static_cast<int>(cells.back().size()));
        }
        rows.emplace_back(std::string(m->label), cells);
    }
    out << tableRow(2, width, "", header, widths) << "\n";
    for (const auto& [label, cells] : rows)
        out << tableRow(2, width, label, cells, widths) << "\n";

    // each variant against the baseline, seed by seed
    if (c.variants.size() > 1) {
        out << "\nDifferences to '" << baselineLabel(c) << "', seed by seed (the same traffic under both)";
        out << (seeds > 1
                    ? ": mean [95% interval], and how sure\n"
                    : ": one seed gives no interval, so no telling a difference from chance (run --seeds 5 "
                      "or more)\n");
        for (std::size_t i = 1; i < c.variants.size(); ++i)
            writeDifferences(out, c, c.variants[i], width);
    }
    return out.str();
}

std::string comparisonCsv(const Comparison& c) {
    std::ostringstream out;
    out << "variant,seed,metric,value\n";
    const bool intervals = seedCount(c) > 1;
    for (std::size_t i = 0; i < c.variants.size(); ++i) {
        const VariantRuns& v = c.variants[i];
        const std::string label = variantLabel(v.variant);
        for (std::size_t r = 0; r < v.runs.size(); ++r)
            for (const Metric* m : kCompared)
                out << label << ',' << v.seeds[r] << ',' << m->name << ',' << number(m->value(v.runs[r]), 3)
                    << '\n';
        // the summary rows: "mean" and "ci95" as before issue 16, then the bounded interval and the
        // difference to the baseline (the first variant), seed by seed
        for (const Metric* m : kCompared) {
            const auto row = [&](const char* key, double value) {
                out << label << ',' << key << ',' << m->name << ',' << number(value, 3) << '\n';
            };
            const Estimate e = estimate(v, *m);
            row("mean", e.mean);
            row("ci95", e.half);
            if (intervals) {
                row("low95", e.low);
                row("high95", e.high);
            }
            if (i == 0) continue;
            const Estimate d = difference(v, c.variants.front(), *m);
            row("diff", d.mean);
            if (intervals) {
                row("diff_low95", d.low);
                row("diff_high95", d.high);
            }
        }
    }
    return out.str();
}

namespace {

/// The handout's differences of one variant to the baseline: a row per metric that differs in
/// some seed (difference, interval, how sure, in a sentence), then the metrics that differ in none.
void addDifferences(HtmlPage& page, const Comparison& c, const VariantRuns& v) {
    const VariantRuns& baseline = c.variants.front();
    page.heading(3, policyLabel(v) + " against " + baselineLabel(c));
    std::vector<std::vector<std::string>> rows;
    std::vector<std::pair<std::string, Estimate>> differences;
    std::vector<std::string> same;
    for (const Metric* m : kCompared) {
        if (!shown(c, *m)) continue;
        const Estimate d = difference(v, baseline, *m);
        if (sameInEverySeed(d)) {
            same.emplace_back(m->label);
            continue;
        }
        differences.emplace_back(std::string(m->label), d);
        rows.push_back({std::string(m->label), differenceCell(d, kUnbrokenWords), certaintyNote(d)});
    }
    // how sure, said once for the whole table; each row then in a few words
    if (!differences.empty()) page.paragraph("How sure? " + certaintySummary(differences));
    if (!rows.empty()) page.table({"metric", "difference (95% interval)", "how sure"}, rows);
    if (!same.empty())
        page.paragraph((rows.empty() ? "The same as " + baselineLabel(c) + " in every seed: "
                                     : "The same in every seed: ") +
                       listed(same) + ".");
}

} // namespace

std::vector<const Metric*> headlineMetrics(const Comparison& c) {
    const scenario::Headlines& h = c.headlines;
    if (h.cost.empty() && h.benefit.empty() && h.also.empty())
        return {&metric("disrupted"), &metric("violating"), &metric("violation_minutes")};
    // the defaults: a cost every policy has, and the common yardstick where the scenario protects a place
    const Metric* cost = h.cost.empty() ? &metric("disrupted") : findMetric(h.cost);
    const Metric* benefit = !h.benefit.empty()                           ? findMetric(h.benefit)
                            : shown(c, metric("near_protected_minutes")) ? &metric("near_protected_minutes")
                                                                         : &metric("violation_minutes");
    std::vector<const Metric*> out;
    for (const Metric* m : {cost, benefit})
        if (m) out.push_back(m);
    for (const std::string& name : h.also)
        if (const Metric* m = findMetric(name); m && std::find(out.begin(), out.end(), m) == out.end())
            out.push_back(m);
    return out;
}

namespace {

/// "drone-minutes near protected places (min)": a metric's label with its unit, where the unit adds a word.
std::string axisLabel(const Metric& m) {
    return labelWithUnit(m.label, m.unit);
}

/// Colours a reader with a colour vision deficiency tells apart (Okabe and Ito), one a policy.
constexpr const char* kPolicyColours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                          "#E69F00", "#56B4E9", "#000000"};

} // namespace

std::string costBenefitSvg(const Comparison& c, const Metric& cost, const Metric& benefit) {
    // each policy's estimates, and the ranges they span with their intervals
    struct Point {
        std::string name;
        Estimate x, y;
    };
    std::vector<Point> points;
    double xLow = 0.0, xHigh = 0.0, yLow = 0.0, yHigh = 0.0; // from zero: every metric is at least 0
    for (const VariantRuns& v : c.variants) {
        Point p{policyLabel(v), estimate(v, cost), estimate(v, benefit)};
        const auto span = [](const Estimate& e, double& low, double& high) {
            low = std::min({low, e.mean, e.hasInterval() ? e.low : e.mean});
            high = std::max({high, e.mean, e.hasInterval() ? e.high : e.mean});
        };
        span(p.x, xLow, xHigh);
        span(p.y, yLow, yHigh);
        points.push_back(std::move(p));
    }
    const AxisTicks xt = roundTicks(xLow, xHigh, 5), yt = roundTicks(yLow, yHigh, 5);

    // the plot's frame [px]: room on the left for the y ticks and label, below for the x ones
    constexpr double kWidth = 720, kHeight = 460, kLeft = 90, kRight = 190, kTop = 20, kBottom = 70;
    const double plotW = kWidth - kLeft - kRight, plotH = kHeight - kTop - kBottom;
    const auto px = [&](double x) {
        return kLeft + (x - xt.values.front()) / (xt.values.back() - xt.values.front()) * plotW;
    };
    const auto py = [&](double y) {
        return kTop + plotH - (y - yt.values.front()) / (yt.values.back() - yt.values.front()) * plotH;
    };
    const auto f = [](double v) { return core::fixed(v, 1); };

    std::ostringstream svg;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cost-benefit\" viewBox=\"0 0 " << kWidth << ' '
        << kHeight << "\" width=\"" << kWidth << "\" height=\"" << kHeight
        << "\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"13\" role=\"img\">\n";
    svg << "<title>" << escapeXml(axisLabel(benefit) + " against " + axisLabel(cost) + ", one point a policy")
        << "</title>\n";
    // the grid and the ticks
    for (const double v : xt.values) {
        const double x = px(v);
        svg << "<line x1=\"" << f(x) << "\" y1=\"" << f(kTop) << "\" x2=\"" << f(x) << "\" y2=\""
            << f(kTop + plotH) << "\" stroke=\"#e3e3e3\"/><text x=\"" << f(x) << "\" y=\""
            << f(kTop + plotH + 18) << "\" text-anchor=\"middle\">" << tickText(xt, v) << "</text>\n";
    }
    for (const double v : yt.values) {
        const double y = py(v);
        svg << "<line x1=\"" << f(kLeft) << "\" y1=\"" << f(y) << "\" x2=\"" << f(kLeft + plotW) << "\" y2=\""
            << f(y) << "\" stroke=\"#e3e3e3\"/><text x=\"" << f(kLeft - 8) << "\" y=\"" << f(y + 4)
            << "\" text-anchor=\"end\">" << tickText(yt, v) << "</text>\n";
    }
    // the axes and their labels
    svg << "<rect x=\"" << f(kLeft) << "\" y=\"" << f(kTop) << "\" width=\"" << f(plotW) << "\" height=\""
        << f(plotH) << "\" fill=\"none\" stroke=\"#555\"/>\n";
    svg << "<text x=\"" << f(kLeft + plotW / 2) << "\" y=\"" << f(kHeight - 24)
        << "\" text-anchor=\"middle\" font-weight=\"bold\">" << escapeXml(axisLabel(cost)) << "</text>\n";
    svg << "<text transform=\"translate(22 " << f(kTop + plotH / 2)
        << ") rotate(-90)\" text-anchor=\"middle\" "
        << "font-weight=\"bold\">" << escapeXml(axisLabel(benefit)) << "</text>\n";
    // each policy: its intervals as bars with caps, its mean as a dot, its name beside it
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Point& p = points[i];
        const char* colour = kPolicyColours[i % std::size(kPolicyColours)];
        const double x = px(p.x.mean), y = py(p.y.mean);
        svg << "<g class=\"policy\" stroke=\"" << colour << "\" fill=\"" << colour << "\">";
        if (p.x.hasInterval() && p.x.low < p.x.high)
            svg << "<path d=\"M" << f(px(p.x.low)) << ' ' << f(y) << "H" << f(px(p.x.high)) << "M"
                << f(px(p.x.low)) << ' ' << f(y - 5) << "v10M" << f(px(p.x.high)) << ' ' << f(y - 5)
                << "v10\" stroke-width=\"1.5\"/>";
        if (p.y.hasInterval() && p.y.low < p.y.high)
            svg << "<path d=\"M" << f(x) << ' ' << f(py(p.y.low)) << "V" << f(py(p.y.high)) << "M" << f(x - 5)
                << ' ' << f(py(p.y.low)) << "h10M" << f(x - 5) << ' ' << f(py(p.y.high))
                << "h10\" stroke-width=\"1.5\"/>";
        svg << "<circle cx=\"" << f(x) << "\" cy=\"" << f(y) << "\" r=\"5\"/>";
        svg << "</g>\n";
        // the names in a column to the right, each joined to its point by a thin line: names
        // beside points overlap where policies come out alike
        const double ly = kTop + 14 + static_cast<double>(i) * 22;
        svg << "<line x1=\"" << f(x + 6) << "\" y1=\"" << f(y) << "\" x2=\"" << f(kLeft + plotW + 8)
            << "\" y2=\"" << f(ly - 4) << "\" stroke=\"" << colour << "\" stroke-opacity=\"0.35\"/>";
        svg << "<circle cx=\"" << f(kLeft + plotW + 14) << "\" cy=\"" << f(ly - 4) << "\" r=\"4\" fill=\""
            << colour << "\"/><text x=\"" << f(kLeft + plotW + 22) << "\" y=\"" << f(ly) << "\">"
            << escapeXml(p.name) << "</text>\n";
    }
    svg << "</svg>\n";
    return svg.str();
}

namespace {

/// The handout's own styles, after the page's: the box of what the model leaves out, the chart,
/// and a grid of maps that holds two to six policies with no map alone on a row of its own
/// width; on paper, one map a row, the page's width, so that its labels can be read.
constexpr const char* kCompareStyle = R"(
.leaves-out { border: 2px solid #b34700; background: #fff6ee; padding: 0.2em 1em 0.4em; margin: 1em 0; }
.leaves-out h2 { border: none; margin-top: 0.4em; font-size: 18px; } .leaves-out li { margin: 0.2em 0; }
.chart { margin: 0.8em 0; } .chart svg { width: 100%; max-width: 720px; height: auto; }
.maps { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 12px; }
.maps.cols-1 { grid-template-columns: minmax(0, 1fr); } .maps.cols-3 { grid-template-columns: repeat(3, minmax(0, 1fr)); }
.maps figure { margin: 0; }
@media print {
  @page { size: A4; margin: 12mm; }
  .maps, .maps.cols-3 { grid-template-columns: minmax(0, 1fr); gap: 6mm; }
  .maps figure, .leaves-out, .chart { break-inside: avoid; page-break-inside: avoid; }
  .maps figcaption { font-size: 13px; } .chart svg { max-width: none; }
}
)";

/// The columns of the maps' grid on screen: all on one row up to three, then two or three a row so
/// that no row holds a map alone (4: 2 + 2; 5: 3 + 2; 6: 3 + 3).
int mapColumns(std::size_t policies) {
    if (policies <= 1) return 1;
    if (policies == 2 || policies == 4) return 2;
    return 3;
}

} // namespace

std::string comparisonHtml(const Comparison& c) {
    HtmlPage page(c.title + ": policies compared");
    page.heading(1, c.title);
    if (!c.description.empty()) page.paragraph(c.description);
    const std::size_t seeds = seedCount(c);
    page.paragraph("The same traffic under " + std::to_string(c.variants.size()) + " policies, " +
                   std::to_string(seeds) + " random draw" + (seeds == 1 ? "" : "s") + " (seed" +
                   (seeds == 1 ? "" : "s") + ") each. Scenario file: " + c.file + ".");
    if (seeds > 1)
        page.paragraph(
            "Each figure is a mean over the " + std::to_string(seeds) +
            " seeds; the range after it is its 95% interval (Student's t over the seeds), cut where "
            "the metric ends: no count below zero, no share below 0 or above 1.");

    // the policies, in words
    page.heading(2, "The policies");
    std::vector<std::vector<std::string>> policies;
    for (const VariantRuns& v : c.variants)
        policies.push_back({policyLabel(v), !v.description.empty() ? v.description
                                            : v.variant.empty()    ? "as written in the scenario"
                                                                   : ""});
    page.table({"policy", "what it does"}, policies);

    // what the model leaves out, as the scenario's writer says it: read before the figures
    if (!c.leavesOut.empty()) {
        std::string box = "<aside class=\"leaves-out\">\n<h2>What this model leaves out</h2>\n<ul>\n";
        for (const std::string& sentence : c.leavesOut)
            box += "<li>" + escapeXml(sentence) + "</li>\n";
        page.markup(box + "</ul>\n</aside>\n");
    }

    // side by side
    page.heading(2, "What each policy costs and prevents");
    std::vector<std::string> header = {"metric"};
    for (const VariantRuns& v : c.variants)
        header.push_back(policyLabel(v));
    std::vector<std::vector<std::string>> rows;
    for (const Metric* m : kCompared) {
        if (!shown(c, *m)) continue;
        std::vector<std::string> row = {std::string(m->label)};
        for (const VariantRuns& v : c.variants)
            row.push_back(cell(estimate(v, *m), kWords));
        rows.push_back(row);
    }
    page.table(header, rows);

    // each policy against the baseline, seed by seed, and how sure each difference is
    if (c.variants.size() > 1) {
        page.heading(2, "Each policy against " + baselineLabel(c) + ", seed by seed");
        page.paragraph(
            "A seed draws the traffic: the same flights want to fly under every policy. So each difference "
            "is "
            "taken seed by seed, policy minus " +
            baselineLabel(c) + " on the same traffic, and then averaged" +
            (seeds > 1
                 ? "; its 95% interval is Student's t over the " + std::to_string(seeds) +
                       " differences. Where the interval holds zero, the difference could be chance."
                 : ". With one seed there is no interval: run more seeds to see how sure a difference is."));
        for (std::size_t i = 1; i < c.variants.size(); ++i)
            addDifferences(page, c, c.variants[i]);
    }

    // the headline metrics as bars, and the cost against the benefit
    page.heading(2, "The trade-off at a glance");
    const std::vector<const Metric*> headlines = headlineMetrics(c);
    for (const Metric* m : headlines) {
        std::vector<std::pair<std::string, double>> bars;
        for (const VariantRuns& v : c.variants)
            bars.emplace_back(policyLabel(v), estimate(v, *m).mean);
        page.barChart(std::string(m->label), bars);
    }
    if (headlines.size() >= 2) {
        const Metric& cost = *headlines[0];
        const Metric& benefit = *headlines[1];
        const auto way = [](const Metric& m) {
            return m.better == Better::Less   ? "less is better"
                   : m.better == Better::More ? "more is better"
                                              : "";
        };
        page.heading(3, "What each policy costs against what it gains");
        page.markup("<div class=\"chart\">\n" + costBenefitSvg(c, cost, benefit) + "</div>\n");
        page.paragraph(
            "A point a policy: across, " + axisLabel(cost) +
            (*way(cost) ? std::string(" (") + way(cost) + ")" : "") + "; up, " + axisLabel(benefit) +
            (*way(benefit) ? std::string(" (") + way(benefit) + ")" : "") + ". " +
            (seeds > 1 ? "The bars are each mean's 95% interval over the " + std::to_string(seeds) + " seeds."
                       : "With one seed there are no intervals."));
    }

    // maps side by side, in a grid that holds two to six
    page.heading(2, "Maps (first draw of each policy)");
    page.markup("<div class=\"maps cols-" + std::to_string(mapColumns(c.variants.size())) + "\">\n");
    for (const VariantRuns& v : c.variants)
        page.figure(v.mapSvg, policyLabel(v));
    page.markup("</div>\n");

    // the handout's styles after the page's own
    std::string html = page.finish();
    if (const std::size_t head = html.find("</head>"); head != std::string::npos)
        html.insert(head, std::string("<style>") + kCompareStyle + "</style>\n");
    return html;
}

} // namespace nofly::report
