#include "report/compare.hpp"

#include "report/html.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace nofly::report {

const std::vector<MetricName>& comparedMetrics() {
    static const std::vector<MetricName> kMetrics = {
        {"planned", "flights planned"},
        // the final outcomes: they add up to the flights planned
        {"flown", "outcome: flown"},
        {"caught", "outcome: caught"},
        {"violated", "outcome: violated"},
        {"neutralised", "outcome: neutralised"},
        {"cancelled", "outcome: cancelled"},
        {"pending", "outcome: pending"},
        // flags and costs
        {"took_off", "took off"},
        {"authorised", "authorised"},
        {"denied", "refused an authorisation"},
        {"rerouted", "rerouted"},
        {"waited", "waited for a zone to end"},
        {"delay_minutes", "take-off delay minutes"},
        {"disrupted", "legitimate flights disrupted"},
        {"extra_km", "extra km flown"},
        {"violating", "violated a zone at least once"},
        {"violations", "violations"},
        {"violation_minutes", "violation minutes"},
        {"authorisations_requested", "authorisations requested"},
        {"authorisations_denied", "authorisations denied"},
        {"near_misses", "near misses"},
        // detection and response: shown when a run has any
        {"unknown_tracks", "unknown tracks"},
        {"harmless_unknown", "harmless unknown tracks"},
        {"confusion", "share unknown but harmless"},
        {"false_alarms", "false alarms"},
        {"closure_minutes", "airport closure minutes"},
        {"manned_delayed", "manned flights delayed"},
        {"manned_diverted", "manned flights diverted"},
        {"responder_minutes", "responder minutes"},
    };
    return kMetrics;
}

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

std::string number(double v, int decimals = 1) {
    char buffer[48];
    if (std::abs(v - std::round(v)) < 1e-9 && decimals <= 1) std::snprintf(buffer, sizeof buffer, "%.0f", v);
    else std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

std::string signedNumber(double v) {
    if (std::abs(v) < 1e-9) return "0";
    return (v > 0 ? "+" : "") + number(v);
}

/// Detection metrics are left out of a comparison in which no run detects anything.
bool shown(const Comparison& c, const MetricName& m) {
    static const std::string kFirstDefence = "unknown_tracks";
    const auto& all = comparedMetrics();
    const auto first = std::find_if(all.begin(), all.end(), [](const MetricName& n) { return n.key == kFirstDefence; });
    if (&m < &*first) return true;
    for (const VariantRuns& v : c.variants)
        for (const Counts& r : v.runs)
            if (r.defence) return true;
    return false;
}

std::string cell(const Estimate& e) { return number(e.mean) + (e.half > 0 ? " ±" + number(e.half) : ""); }

} // namespace

Estimate estimate(const VariantRuns& runs, const std::string& metric) {
    Estimate e;
    const std::size_t n = runs.runs.size();
    if (n == 0) return e;
    double sum = 0.0;
    for (const Counts& c : runs.runs) sum += metricValue(c, metric);
    e.mean = sum / static_cast<double>(n);
    if (n > 1) {
        double squares = 0.0;
        for (const Counts& c : runs.runs) squares += std::pow(metricValue(c, metric) - e.mean, 2.0);
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
    char line[512];
    std::snprintf(line, sizeof line, "  %-30s", "");
    out << line;
    for (const VariantRuns& v : c.variants) {
        std::snprintf(line, sizeof line, " %22s", variantLabel(v.variant).substr(0, 22).c_str());
        out << line;
    }
    out << "\n";
    for (const MetricName& m : comparedMetrics()) {
        if (!shown(c, m)) continue;
        std::snprintf(line, sizeof line, "  %-30s", m.label);
        out << line;
        const Estimate first = c.variants.empty() ? Estimate{} : estimate(c.variants.front(), m.key);
        for (std::size_t i = 0; i < c.variants.size(); ++i) {
            const Estimate e = estimate(c.variants[i], m.key);
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
            for (const MetricName& m : comparedMetrics())
                out << variantLabel(v.variant) << ',' << v.seeds[r] << ',' << m.key << ','
                    << number(metricValue(v.runs[r], m.key), 3) << '\n';
        for (const MetricName& m : comparedMetrics()) {
            const Estimate e = estimate(v, m.key);
            out << variantLabel(v.variant) << ",mean," << m.key << ',' << number(e.mean, 3) << '\n';
            out << variantLabel(v.variant) << ",ci95," << m.key << ',' << number(e.half, 3) << '\n';
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
    for (const MetricName& m : comparedMetrics()) {
        if (!shown(c, m)) continue;
        std::vector<std::string> row = {m.label};
        const Estimate first = estimate(c.variants.front(), m.key);
        for (std::size_t i = 0; i < c.variants.size(); ++i) {
            const Estimate e = estimate(c.variants[i], m.key);
            row.push_back(cell(e) + (i > 0 ? " (" + signedNumber(e.mean - first.mean) + ")" : ""));
        }
        rows.push_back(row);
    }
    page.table(header, rows);

    // the key trade-off as bars
    page.heading(2, "The trade-off at a glance");
    for (const char* key : {"disrupted", "violating", "violation_minutes"}) {
        const auto it = std::find_if(comparedMetrics().begin(), comparedMetrics().end(),
                                     [&](const MetricName& m) { return std::string(m.key) == key; });
        std::vector<std::pair<std::string, double>> bars;
        for (const VariantRuns& v : c.variants) bars.emplace_back(variantLabel(v.variant), estimate(v, key).mean);
        page.barChart(it->label, bars);
    }

    // maps side by side
    page.heading(2, "Maps (first draw of each policy)");
    page.beginGrid();
    for (const VariantRuns& v : c.variants) page.figure(v.mapSvg, variantLabel(v.variant));
    page.endGrid();
    return page.finish();
}

} // namespace nofly::report
