#include "report/compare.hpp"

#include "core/decimal.hpp"
#include "report/html.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace nofly::report {

std::string variantLabel(const std::string& variant) { return variant.empty() ? std::string(scenario::kBaseVariant) : variant; }

namespace {

/// Two-sided 95% quantile of Student's t with `df` degrees of freedom.
double tQuantile(std::size_t df) {
    static const double kTable[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                    2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                    2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    if (df == 0) return 0.0;
    return df <= 30 ? kTable[df - 1] : 1.96;
}

/// A whole number without a point when one decimal is asked for, else `decimals` digits.
std::string number(double v, int decimals = 1) {
    return decimals <= 1 ? core::figure(v, decimals) : core::fixed(v, decimals);
}

std::string signedNumber(double v) {
    if (std::abs(v) < 1e-9) return "0";
    return (v > 0 ? "+" : "") + number(v);
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

std::string cell(const Estimate& e) { return number(e.mean) + (e.half > 0 ? " ±" + number(e.half) : ""); }

} // namespace

Estimate estimate(const VariantRuns& runs, const Metric& metric) {
    Estimate e;
    const std::size_t n = runs.runs.size();
    if (n == 0) return e;
    double sum = 0.0;
    for (const Counts& c : runs.runs)
        sum += metric.value(c);
    e.mean = sum / static_cast<double>(n);
    if (n > 1) {
        double squares = 0.0;
        for (const Counts& c : runs.runs)
            squares += std::pow(metric.value(c) - e.mean, 2.0);
        const double sd = std::sqrt(squares / static_cast<double>(n - 1));
        e.half = tQuantile(n - 1) * sd / std::sqrt(static_cast<double>(n));
    }
    return e;
}

std::string comparisonTable(const Comparison& c) {
    std::ostringstream out;
    out << c.title << "\n";
    const std::size_t seeds = c.variants.empty() ? 0 : c.variants.front().seeds.size();
    out << "  " << c.variants.size() << " policies on the same traffic, " << seeds << " seed" << (seeds == 1 ? "" : "s")
        << (seeds > 1 ? " each (mean ±95% interval)" : "") << "; differences to '"
        << (c.variants.empty() ? "" : variantLabel(c.variants.front().variant)) << "'\n\n";
    // the labels' column: 30 wide, or as wide as the longest label shown
    int width = 30;
    for (const Metric* m : kCompared)
        if (shown(c, *m)) width = std::max(width, static_cast<int>(m->label.size()));
    char line[512];
    std::snprintf(line, sizeof line, "  %-*s", width, "");
    out << line;
    for (const VariantRuns& v : c.variants) {
        std::snprintf(line, sizeof line, " %22s", variantLabel(v.variant).substr(0, 22).c_str());
        out << line;
    }
    out << "\n";
    for (const Metric* m : kCompared) {
        if (!shown(c, *m)) continue;
        std::snprintf(line, sizeof line, "  %-*s", width, std::string(m->label).c_str());
        out << line;
        const Estimate first = c.variants.empty() ? Estimate{} : estimate(c.variants.front(), *m);
        for (std::size_t i = 0; i < c.variants.size(); ++i) {
            const Estimate e = estimate(c.variants[i], *m);
            std::string text = cell(e);
            if (i > 0) text += " (" + signedNumber(e.mean - first.mean) + ")";
            std::snprintf(line, sizeof line, " %22s", text.c_str());
            out << line;
        }
        out << "\n";
    }
    return out.str();
}

std::string comparisonCsv(const Comparison& c) {
    std::ostringstream out;
    out << "variant,seed,metric,value\n";
    for (const VariantRuns& v : c.variants) {
        for (std::size_t r = 0; r < v.runs.size(); ++r)
            for (const Metric* m : kCompared)
                out << variantLabel(v.variant) << ',' << v.seeds[r] << ',' << m->name << ','
                    << number(m->value(v.runs[r]), 3) << '\n';
        for (const Metric* m : kCompared) {
            const Estimate e = estimate(v, *m);
            out << variantLabel(v.variant) << ",mean," << m->name << ',' << number(e.mean, 3) << '\n';
            out << variantLabel(v.variant) << ",ci95," << m->name << ',' << number(e.half, 3) << '\n';
        }
    }
    return out.str();
}

std::string comparisonHtml(const Comparison& c) {
    HtmlPage page(c.title + ": policies compared");
    page.heading(1, c.title);
    if (!c.description.empty()) page.paragraph(c.description);
    const std::size_t seeds = c.variants.empty() ? 0 : c.variants.front().seeds.size();
    page.paragraph("The same traffic under " + std::to_string(c.variants.size()) + " policies, " +
                   std::to_string(seeds) + " random draw" + (seeds == 1 ? "" : "s") + " each" +
                   (seeds > 1 ? " (mean, with a 95% interval)" : "") + ". Scenario file: " + c.file + ".");

    // the policies, in words
    page.heading(2, "The policies");
    std::vector<std::vector<std::string>> policies;
    for (const VariantRuns& v : c.variants)
        policies.push_back({variantLabel(v.variant), v.description.empty() ? "as written in the scenario" : v.description});
    page.table({"policy", "what it does"}, policies);

    // side by side, with differences to the first
    page.heading(2, "What each policy costs and prevents");
    std::vector<std::string> header = {"metric"};
    for (const VariantRuns& v : c.variants) header.push_back(variantLabel(v.variant));
    std::vector<std::vector<std::string>> rows;
    for (const Metric* m : kCompared) {
        if (!shown(c, *m)) continue;
        std::vector<std::string> row = {std::string(m->label)};
        const Estimate first = estimate(c.variants.front(), *m);
        for (std::size_t i = 0; i < c.variants.size(); ++i) {
            const Estimate e = estimate(c.variants[i], *m);
            row.push_back(cell(e) + (i > 0 ? " (" + signedNumber(e.mean - first.mean) + ")" : ""));
        }
        rows.push_back(row);
    }
    page.table(header, rows);

    // the key trade-off as bars
    page.heading(2, "The trade-off at a glance");
    for (const Metric* m : {&metric("disrupted"), &metric("violating"), &metric("violation_minutes")}) {
        std::vector<std::pair<std::string, double>> bars;
        for (const VariantRuns& v : c.variants)
            bars.emplace_back(variantLabel(v.variant), estimate(v, *m).mean);
        page.barChart(std::string(m->label), bars);
    }

    // maps side by side
    page.heading(2, "Maps (first draw of each policy)");
    page.beginGrid();
    for (const VariantRuns& v : c.variants) page.figure(v.mapSvg, variantLabel(v.variant));
    page.endGrid();
    return page.finish();
}

} // namespace nofly::report
