#include "report/html.hpp"

#include "core/decimal.hpp"
#include "report/chart_axis.hpp"
#include "report/sentences.hpp"
#include "report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace nofly::report {

namespace {

std::string text(const std::string& s) { return escapeXml(s); }

const char* kStyle = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 15px; color: #222; margin: 2em auto; max-width: 1100px; }
h1 { font-size: 28px; margin-bottom: 0.2em; } h2 { font-size: 21px; margin-top: 1.6em; border-bottom: 2px solid #ccc; }
table { border-collapse: collapse; margin: 0.6em 0; } th, td { border: 1px solid #bbb; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eee; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.bars { margin: 0.6em 0 1.2em; } .bar-row { display: flex; align-items: center; margin: 3px 0; }
.bar-label { width: 14em; } .bar { background: #0072B2; height: 18px; margin-right: 6px; } .bar-value { font-variant-numeric: tabular-nums; }
.grid { display: flex; flex-wrap: wrap; gap: 12px; } figure { margin: 0; flex: 1 1 320px; } figure svg { width: 100%; height: auto; border: 1px solid #ccc; box-sizing: border-box; }
figcaption { font-weight: bold; margin: 4px 0; } .pass { color: #006d4f; font-weight: bold; } .fail { color: #b34700; font-weight: bold; }
td.held { color: #006d4f; } td.broken { color: #b34700; font-weight: bold; } .ref { color: #888; font-size: 11px; white-space: nowrap; }
@media print { body { margin: 0; max-width: none; font-size: 11px; } h2, h3 { break-after: avoid; page-break-after: avoid; } figure, tr { break-inside: avoid; page-break-inside: avoid; } thead { display: table-header-group; } p { orphans: 3; widows: 3; } }
)";

/// A cell that reads as a figure, right-aligned: "9.8", "+53 (+50.1 to +55.9)", "09:40", "12 km"; not
/// words that start with one ("5 km circles", a policy's name).
bool numeric(const std::string& s) {
    if (s.empty() ||
        !(std::isdigit(static_cast<unsigned char>(s[0])) || ((s[0] == '-' || s[0] == '+') && s.size() > 1)))
        return false;
    const std::size_t space = s.find(' ');
    if (space == std::string::npos) return true;
    const std::string_view rest = std::string_view(s).substr(space + 1);
    // an interval after the figure, or one short unit
    return rest.empty() || rest[0] == '(' || (rest.find(' ') == std::string_view::npos && rest.size() <= 4);
}

} // namespace

HtmlPage::HtmlPage(const std::string& title) : m_title(title) {}

void HtmlPage::heading(int level, const std::string& t) {
    const std::string tag = "h" + std::to_string(std::clamp(level, 1, 3));
    m_body += "<" + tag + ">" + text(t) + "</" + tag + ">\n";
}

void HtmlPage::paragraph(const std::string& t) { m_body += "<p>" + text(t) + "</p>\n"; }

void HtmlPage::table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
    // the header in a thead: on paper it is repeated on every page a long table runs onto
    m_body += "<table>\n<thead><tr>";
    for (const std::string& h : header) m_body += "<th>" + text(h) + "</th>";
    m_body += "</tr></thead>\n";
    for (const auto& row : rows) {
        m_body += "<tr>";
        for (const std::string& c : row) m_body += std::string(numeric(c) ? "<td class=\"num\">" : "<td>") + text(c) + "</td>";
        m_body += "</tr>\n";
    }
    m_body += "</table>\n";
}

void HtmlPage::barChart(const std::string& title, const std::vector<std::pair<std::string, double>>& bars) {
    double top = 0.0;
    for (const auto& [label, value] : bars) top = std::max(top, value);
    m_body += "<div class=\"bars\"><strong>" + text(title) + "</strong>\n";
    for (const auto& [label, value] : bars) {
        const std::string width = core::fixed(top > 0 ? 400.0 * value / top : 0.0, 1);
        const std::string shown = core::figure(value, 1);
        m_body += "<div class=\"bar-row\"><span class=\"bar-label\">" + text(label) + "</span><span class=\"bar\" style=\"width:" +
                  width + "px\"></span><span class=\"bar-value\">" + shown + "</span></div>\n";
    }
    m_body += "</div>\n";
}

void HtmlPage::figure(const std::string& svg, const std::string& caption) {
    // the SVG documents carry an XML declaration only when standalone; inline, drop it
    std::string inline_ = svg;
    if (inline_.rfind("<?xml", 0) == 0) inline_ = inline_.substr(inline_.find("?>") + 2);
    m_body += "<figure><figcaption>" + text(caption) + "</figcaption>\n" + inline_ + "</figure>\n";
}

void HtmlPage::beginGrid() { m_body += "<div class=\"grid\">\n"; }
void HtmlPage::endGrid() { m_body += "</div>\n"; }

std::string HtmlPage::finish() {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + text(m_title) +
           "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" + m_body + "</body>\n</html>\n";
}

namespace {

/// A time as the class reads it: dated wherever the run spans midnight (compared with its end as
/// well as its start), and an event before the start, such as an announcement days ahead, with its
/// own date; on one line ("20:06:11 on 22 Sep" broken after "22" reads as two times).
std::string handoutTime(const scenario::Scenario& s, core::Instant at) {
    std::string words = core::formatMoment(at, s.time.frame(), s.time.end), kept;
    for (char c : words)
        kept += c == ' ' ? std::string("\u00a0") : std::string(1, c);
    return kept;
}

/// An element as a reader knows it: its name, or its id where the scenario gives none.
template <typename Element> std::string nameOf(const std::vector<Element>& elements, const std::string& id) {
    for (const Element& e : elements)
        if (e.id == id) return e.name.empty() ? id : e.name;
    return id;
}

/// An expectation as the scenario claims it, in words: "flight 'wedding-photos' is cancelled",
/// "cancelled (Inspection): at least 10 flights", "drone-minutes near protected places: at most 30 min".
std::string claimOf(const scenario::Scenario& s, const scenario::Expectation& e) {
    if (!e.flight.empty())
        return "flight '" + e.flight + "' " + (e.outcome.empty() ? std::string("flies") : "is " + e.outcome);
    const Metric* m = findMetric(e.metric);
    std::string what = m ? std::string(m->label) : e.metric;
    if (what.rfind("outcome: ", 0) == 0) what.erase(0, 9);
    if (!e.category.empty()) what += " (" + nameOf(s.categories, e.category) + ")";
    if (!e.zone.empty()) what += " in " + nameOf(s.zones, e.zone);
    auto n = [](double v) { return core::figure(v, 2); };
    const bool one = e.atLeast && e.atMost && *e.atLeast == *e.atMost;
    const std::string bound = e.equals                ? "exactly " + n(*e.equals)
                              : one                   ? "exactly " + n(*e.atLeast)
                              : e.atLeast && e.atMost ? "between " + n(*e.atLeast) + " and " + n(*e.atMost)
                              : e.atLeast             ? "at least " + n(*e.atLeast)
                              : e.atMost              ? "at most " + n(*e.atMost)
                                                      : std::string("any");
    // the unit, unless the label says it ("legitimate flights disrupted")
    const std::string unit = m && !labelSaysUnit(what, m->unit) ? " " + std::string(m->unit) : "";
    return what + ": " + bound + unit;
}

/// Whether it held, in words: "it was" for a flight, the value for a metric ("yes: 52").
std::string heldOf(const ExpectationResult& r) {
    if (!r.expectation.flight.empty()) return r.passed ? "yes: it was" : "no: " + r.actual;
    // the value is what the check printed after its last " = "
    const auto eq = r.actual.rfind(" = ");
    const std::string value = eq == std::string::npos ? r.actual : r.actual.substr(eq + 3);
    return (r.passed ? "yes: " : "no: ") + value;
}

/// The scenario's claims and whether each held; the line of the scenario file only as a small
/// reference for its writer.
void addExpectations(HtmlPage& page, const RunRecord& run) {
    if (run.expectations.empty()) return;
    const scenario::Scenario& s = *run.scenario;
    page.heading(2, "What the scenario expects, and whether it held");
    std::string html =
        "<table class=\"expectations\">\n<tr><th>the scenario expects</th><th>did it hold?</th></tr>\n";
    for (const ExpectationResult& r : run.expectations) {
        const std::string line = std::to_string(r.expectation.where.line);
        html += "<tr><td>" + text(claimOf(s, r.expectation)) + " <span class=\"ref\" title=\"" +
                text(s.file) + ", line " + line + "\">line " + line + "</span></td><td class=\"" +
                (r.passed ? "held" : "broken") + "\">" + text(heldOf(r)) + "</td></tr>\n";
    }
    page.markup(html + "</table>\n");
}

/// What happened, as the summary says it: one outcome a flight, then the flags and the yardsticks.
void addWhatHappened(HtmlPage& page, const RunRecord& run) {
    const Counts& t = run.metrics.total;
    page.heading(2, "What happened");
    auto oneDecimal = [](double v) { return core::fixed(v, 1); };
    // as the summary says it: one outcome a flight, then the flags
    page.paragraph(std::to_string(t.planned) + " flights planned: " + std::to_string(t.flown) + " flown, " +
                   std::to_string(t.caught) + " caught by a new zone, " + std::to_string(t.violated) + " violated, " + std::to_string(t.neutralised) +
                   " neutralised, " + std::to_string(t.cancelled) + " cancelled, " +
                   std::to_string(t.pending) + " pending.");
    page.paragraph("Along the way: " + std::to_string(t.authorised) + " authorised, " +
                   std::to_string(t.denied) + " refused an authorisation, " + std::to_string(t.rerouted) +
                   " rerouted (" + oneDecimal(t.extraKm) + " km extra), " + std::to_string(t.waited) +
                   " waited for a zone to end. " + std::to_string(t.tookOff) + " took off, " +
                   oneDecimal(t.delayMinutes) + " min later than planned in all (mean " +
                   oneDecimal(metric("mean_delay_minutes").value(t)) + " min); " +
                   std::to_string(t.violating) + " violated a zone at least once; " +
                   std::to_string(t.disrupted) + " legitimate flights were disrupted.");
    if (t.queues)
        page.paragraph("Queues: " + std::to_string(t.queued) + " requests queued for a decision, waiting " +
                       oneDecimal(metric("mean_queue_wait_minutes").value(t)) + " min on average (longest " +
                       oneDecimal(t.longestQueueWait) + " min); the longest queue held " +
                       std::to_string(t.longestQueue) + ".");
    // the yardsticks, by the table's words: the same measure whatever the rules
    std::string yardsticks;
    for (const Metric& m : kMetricTable)
        if (m.part == Part::Yardstick && (!m.shown || m.shown(t)))
            yardsticks +=
                (yardsticks.empty() ? "" : "; ") + oneDecimal(m.value(t)) + " " + std::string(m.label);
    if (!yardsticks.empty()) page.paragraph("Measured the same way under every policy: " + yardsticks + ".");
}

/// The counts by category and by zone.
void addGroups(HtmlPage& page, const RunRecord& run) {
    const scenario::Scenario& s = *run.scenario;
    auto countRows = [&](const std::map<std::string, Counts>& groups) {
        // groups with nothing planned are left out
        std::vector<std::vector<std::string>> rows;
        for (const auto& [id, c] : groups) {
            if (c.planned == 0) continue;
            const std::string minutes = core::fixed(c.violationMinutes, 1), km = core::fixed(c.extraKm, 1),
                              delay = core::fixed(c.delayMinutes, 1);
            rows.push_back({nameOf(s.categories, id), std::to_string(c.planned), std::to_string(c.flown),
                            std::to_string(c.caught), std::to_string(c.violated),
                            std::to_string(c.neutralised), std::to_string(c.cancelled),
                            std::to_string(c.pending), std::to_string(c.rerouted), std::to_string(c.waited),
                            delay, km, minutes, std::to_string(c.disrupted)});
        }
        return rows;
    };
    const std::vector<std::string> header = {
        "category", "planned", "flown", "caught", "violated", "neutralised", "cancelled", "pending",
        "rerouted", "waited",  "delay minutes", "extra km", "violation minutes", "disrupted"};
    page.heading(2, "By category");
    page.table(header, countRows(run.metrics.byCategory));
    page.heading(2, "By zone (what each zone caused)");
    std::vector<std::vector<std::string>> zoneRows;
    for (const auto& [id, c] : run.metrics.byZone) {
        const std::string minutes = core::fixed(c.violationMinutes, 1);
        zoneRows.push_back({nameOf(s.zones, id), std::to_string(c.entries), std::to_string(c.rerouted),
                            std::to_string(c.cancelled), std::to_string(c.waited),
                            std::to_string(c.violating), minutes, std::to_string(c.disrupted)});
    }
    page.table({"zone", "entries", "rerouted", "cancelled", "waited", "violating", "violation minutes", "disrupted"},
               zoneRows);
    if (run.metrics.byPlace.empty()) return;
    // the yardstick and the police's work, place by place
    page.heading(2, "By protected place");
    page.paragraph("Drone-minutes within each place, counted the same way whatever the rules, and the "
                   "responders sent for it.");
    const bool defence = run.metrics.total.defence;
    std::vector<std::vector<std::string>> placeRows;
    for (const auto& [id, c] : run.metrics.byPlace) {
        std::string name = nameOf(s.sites, id);
        if (name == id) name = nameOf(s.airports, id);
        std::vector<std::string> row = {name, core::fixed(c.nearProtectedMinutes, 1)};
        if (defence)
            row.insert(row.end(), {std::to_string(c.responderJobs), core::fixed(c.responderMinutes, 1),
                                   std::to_string(c.closures), core::fixed(c.closureMinutes, 1)});
        placeRows.push_back(std::move(row));
    }
    std::vector<std::string> placeHeader = {"place", "drone-minutes near it"};
    if (defence)
        placeHeader.insert(placeHeader.end(),
                           {"responders sent", "responder minutes", "closures", "minutes closed"});
    page.table(placeHeader, placeRows);
}

/// The defence's measures, when the scenario has one.
void addDefence(HtmlPage& page, const Counts& t) {
    if (!t.defence) return;
    page.heading(2, "Detection and response");
    auto minutes = [](double v) { return core::fixed(v, 0) + " min"; };
    page.table(
        {"measure", "value"},
        {{"tracks (false alarms)", std::to_string(t.tracks) + " (" + std::to_string(t.falseAlarms) + ")"},
         {"flights detected", std::to_string(t.detected)},
         {"unknown tracks", std::to_string(t.unknownTracks)},
         {"of which harmless civil flights",
          std::to_string(t.harmlessUnknown) + " (" +
              std::to_string(static_cast<int>(std::lround(100.0 * metric("confusion").value(t)))) + "%)"},
         {"time to detect / identify / respond / neutralise",
          meanSecondsText(t.detectSeconds, t.detectCount) + " / " +
              meanSecondsText(t.identifySeconds, t.identifyCount) + " / " +
              meanSecondsText(t.respondSeconds, t.respondCount) + " / " +
              meanSecondsText(t.neutraliseSeconds, t.neutraliseCount)},
         {"responder dispatches (minutes)",
          std::to_string(t.responderJobs) + " (" + minutes(t.responderMinutes) + ")"},
         {"drones neutralised", std::to_string(t.neutralised)},
         {"airport closures", std::to_string(t.closures) + " (" + minutes(t.closureMinutes) + ")"},
         {"manned flights delayed",
          std::to_string(t.mannedDelayed) + " (" + minutes(t.mannedDelayMinutes) + ")"},
         {"manned flights diverted", std::to_string(t.mannedDiverted)}});
}

/// The story's events, not every entry: decisions, violations, zone switches, notes, in time order.
void addTimeline(HtmlPage& page, const RunRecord& run) {
    const scenario::Scenario& s = *run.scenario;
    page.heading(2, "Timeline");
    std::vector<const sim::Event*> story;
    for (const sim::Event& e : run.events) {
        // the story, not every entry: decisions, violations, zone switches, notes
        switch (e.type) {
        case sim::EventType::ZoneEntry:
        case sim::EventType::ZoneExit:
        case sim::EventType::Departure:
        case sim::EventType::Landing:
        case sim::EventType::ViolationEnd:
        // the operations room's routine: counted above, too many for a handout
        case sim::EventType::Detection:
        case sim::EventType::Identification:
        case sim::EventType::TrackLost:
        case sim::EventType::FalseAlarm:
        case sim::EventType::ResponderArrived:
        case sim::EventType::MannedDelayed:
        case sim::EventType::MannedDiverted: continue;
        default: break;
        }
        story.push_back(&e);
    }
    // in time order, whatever order the run logged them in (an exit between two steps carries its own moment)
    std::stable_sort(story.begin(), story.end(),
                     [](const sim::Event* a, const sim::Event* b) { return a->time < b->time; });
    std::vector<std::vector<std::string>> events;
    for (const sim::Event* e : story)
        events.push_back({handoutTime(s, e->time), flightId(*run.world, e->flight),
                          std::string(sim::name(e->type)), eventText(s, *run.world, *e)});
    page.table({"time", "flight", "event", "what"}, events);
}

/// Every verdict, in time order, with the zones it weighed.
void addVerdicts(HtmlPage& page, const RunRecord& run) {
    const scenario::Scenario& s = *run.scenario;
    page.heading(2, "Verdicts");
    std::vector<const sim::Verdict*> decided;
    for (const sim::Verdict& v : run.world->verdicts)
        decided.push_back(&v);
    std::stable_sort(decided.begin(), decided.end(),
                     [](const sim::Verdict* a, const sim::Verdict* b) { return a->time < b->time; });
    std::vector<std::vector<std::string>> verdicts;
    for (const sim::Verdict* verdict : decided) {
        const sim::Verdict& v = *verdict;
        const scenario::Category* category = verdictCategory(s, *run.world, v);
        std::string zones;
        for (const sim::ZoneFinding& f : v.findings)
            zones += (zones.empty() ? "" : "; ") + nameOf(s.zones, zoneId(s, f.zone)) + ": " +
                     (f.applies ? "applies, " : "does not apply, ") + findingText(s, category, f);
        verdicts.push_back(
            {handoutTime(s, v.time),
             v.site < 0 ? flightId(*run.world, v.flight) : nameOf(s.airports, siteId(s, v.site)),
             v.site < 0 ? std::string(sim::name(v.outcome)) : std::string("closed"),
             ruleText(s, *run.world, v), zones});
    }
    page.table({"time", "flight", "outcome", "why", "zones weighed"}, verdicts);
}

} // namespace

std::string runHtml(const RunRecord& run, const std::string& mapSvg) {
    const scenario::Scenario& s = *run.scenario;
    const int offset = s.time.utcOffsetMinutes;
    HtmlPage page(s.title);
    page.heading(1, s.title + (s.variant.empty() ? "" : " — " + s.variant));
    if (!s.description.empty()) page.paragraph(s.description);
    page.paragraph(core::formatInstant(s.time.start, offset) + " to " +
                   core::formatInstant(s.time.end, offset) + ", seed " + std::to_string(run.world->seed) +
                   ". Scenario file: " + s.file + ".");
    if (!s.goals.empty()) {
        page.heading(2, "Learning goals");
        std::vector<std::vector<std::string>> goals;
        for (const std::string& g : s.goals)
            goals.push_back({g});
        page.table({"goal"}, goals);
    }

    page.heading(2, "Map");
    page.figure(mapSvg, "Zones, routes flown, violations and cancelled take-offs");

    addWhatHappened(page, run);
    addGroups(page, run);
    addDefence(page, run.metrics.total);
    addExpectations(page, run);

    if (!run.questions.empty()) {
        page.heading(2, "Predictions: what the class answered and what happened");
        page.table({"question", "class answered", "what happened", "result"},
                   questionRows(run.questions, run.world->now, offset));
    }

    addTimeline(page, run);
    addVerdicts(page, run);
    return page.finish();
}

} // namespace nofly::report
