// Self-contained HTML pages for handouts: no script, no network, inline SVG
// and CSS that prints on A4. Used by `nofly run --html` and `nofly compare`.
#pragma once

#include "report/run_record.hpp"

#include <string>
#include <utility>
#include <vector>

namespace nofly::report {

/// A page built in order: headings, paragraphs, tables, bar charts, figures.
class HtmlPage {
public:
    explicit HtmlPage(const std::string& title);
    void heading(int level, const std::string& text);
    void paragraph(const std::string& text);
    void table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);
    /// Horizontal bars, one a row, scaled to the largest value.
    void barChart(const std::string& title, const std::vector<std::pair<std::string, double>>& bars);
    /// An SVG document placed inline, with a caption.
    void figure(const std::string& svg, const std::string& caption);
    void beginGrid();
    void endGrid();
    /// Markup the caller built and escaped itself (a table of its own; the compare handout's boxes and
    /// charts).
    void markup(const std::string& html) { m_body += html; }
    /// The whole document.
    std::string finish();

private:
    std::string m_body;
    std::string m_title;
};

/// The handout of one run: title and description, the map, the metrics by
/// category and zone, the expectations, the timeline of events, the verdict
/// table.
std::string runHtml(const RunRecord& run, const std::string& mapSvg);

} // namespace nofly::report
