#include "report/guide.hpp"

#include "core/decimal.hpp"
#include "report/questions.hpp"
#include "report/sentences.hpp"
#include "report/svg.hpp"
#include "sim/simulation.hpp"

#include <algorithm>
#include <set>

namespace nofly::report {

namespace {

std::string text(const std::string& s) {
    return escapeXml(s);
}

const char* kStyle = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; color: #111; margin: 1.5em auto; max-width: 980px; }
h1 { font-size: 24px; margin: 0 0 0.1em; } h2 { font-size: 17px; margin: 1.1em 0 0.3em; border-bottom: 2px solid #bbb; }
.sub { color: #555; margin: 0 0 0.6em; } code { background: #f1f1f1; padding: 0 3px; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eee; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; } .answer { font-weight: bold; }
ol, ul { margin: 0.2em 0; padding-left: 1.4em; } li { margin: 0.15em 0; } .note { color: #555; font-size: 0.85em; }
@page { size: A4; margin: 10mm; }
@media print { body { margin: 0; max-width: none; font-size: 9px; line-height: 1.2; } h1 { font-size: 15px; }
  h2 { font-size: 11.5px; margin: 0.6em 0 0.15em; break-after: avoid; } p { margin: 0.3em 0; } th, td { padding: 1px 4px; } tr { break-inside: avoid; } }
)";

std::string clock(const scenario::Scenario& s, core::Instant at) {
    return core::formatMoment(at, s.time.frame(), s.time.end);
}

/// When the window's clock stops for a question: a step before its answer would come out.
core::Instant stopsAt(const scenario::Scenario& s, const QuestionResult& r) {
    core::Instant at = r.outcome.known && r.outcome.at >= 0 ? r.outcome.at : s.time.end;
    if (r.question.reveal) at = std::max(at, *r.question.reveal);
    return std::min(at, s.time.end);
}

std::string cell(const std::string& html, const char* cls = nullptr) {
    return cls ? std::string("<td class=\"") + cls + "\">" + html + "</td>" : "<td>" + html + "</td>";
}

/// The events worth pointing at: the first of each kind that tells the story.
std::vector<const sim::Event*> firsts(const RunRecord& run) {
    using T = sim::EventType;
    constexpr T kTelling[] = {T::ZoneActivated, T::Cancellation,         T::AuthorisationDenied,
                              T::Reroute,       T::AuthorisationGranted, T::ViolationStart,
                              T::Breach,        T::Identification,       T::SiteClosed,
                              T::Dispatch,      T::Neutralised,          T::MannedDiverted};
    std::vector<const sim::Event*> out;
    std::set<T> seen;
    for (const sim::Event& e : run.events) {
        if (std::find(std::begin(kTelling), std::end(kTelling), e.type) == std::end(kTelling)) continue;
        if (e.type == T::Identification &&
            eventText(*run.scenario, *run.world, e).find("unknown") == std::string::npos)
            continue; // an identified, authorised drone says little; an unknown one is the story
        if (!seen.insert(e.type).second) continue;
        out.push_back(&e);
    }
    return out;
}

} // namespace

std::string guideHtml(const RunRecord& run, const std::vector<GuidePolicy>& policies,
                      const std::string& file) {
    const scenario::Scenario& s = *run.scenario;
    const sim::World& world = *run.world;
    std::string b;
    const std::string shown = policies.empty() ? std::string("base") : policies.front().id;
    const std::string variantFlag = shown == "base" ? std::string() : " --variant " + shown;
    b += "<h1>Teacher's guide: " + text(s.title) + "</h1>\n";
    b += "<p class=\"sub\">" + text(file) + " &middot; " +
         text(policies.empty() ? s.policyName("") : policies.front().name) + " &middot; " +
         text(core::formatInterval(s.time.start, s.time.end, s.time.frame())) + " on " +
         text(core::formatDay(s.time.start, s.time.frame())) + "</p>\n";

    // the story and what to take away
    b += "<h2>The story</h2>\n<p>" + text(s.description) + "</p>\n";
    if (!s.goals.empty()) {
        b += "<h2>What the class should take away</h2>\n<ul>\n";
        for (const std::string& g : s.goals)
            b += "<li>" + text(g) + "</li>\n";
        b += "</ul>\n";
    }

    // running it
    const double simulatedMinutes = static_cast<double>(s.time.end - s.time.start) / 60000.0;
    b += "<h2>Running it</h2>\n<ol>\n";
    b += "<li>Open it on the projector: <code>nofly view " + text(file) + variantFlag +
         " --presenter</code>" +
         (s.questions.empty() ? std::string()
                              : " (add <code>--class</code> to let the students vote from their phones)") +
         ". It opens paused at " + text(clock(s, s.time.start)) + ".</li>\n";
    b += "<li>Press Space to play. At 60x the " + core::figure(simulatedMinutes / 60.0, 1) +
         " hours play in about " + core::figure(std::max(1.0, simulatedMinutes / 60.0), 0) +
         " minutes; Up and Down change the speed.</li>\n";
    if (!s.questions.empty())
        b +=
            "<li>Before each answer comes out the clock stops by itself and asks the question on the map. "
            "Let "
            "the class vote (number keys, a click, a count typed, or phones), press Enter to reveal it, then "
            "Space to go on.</li>\n";
    b += "<li>Click a drone, a zone or an airport to show why it is where it is; F1 lists the keys.</li>\n";
    b += "</ol>\n";

    // the questions, in the order the clock stops for them
    if (!run.questions.empty()) {
        std::vector<const QuestionResult*> order;
        for (const QuestionResult& r : run.questions)
            order.push_back(&r);
        std::stable_sort(order.begin(), order.end(), [&](const QuestionResult* a, const QuestionResult* z) {
            return stopsAt(s, *a) < stopsAt(s, *z);
        });
        b += "<h2>Questions, in the order the clock stops for them</h2>\n<table>\n<thead><tr><th>The clock "
             "stops at about</th><th>Question</th><th>Choices</th><th>What happens (for "
             "you)</th><th>Why</th></tr></thead>\n";
        for (const QuestionResult* r : order) {
            const std::string why = settledBecause(s, r->question, world, run.events);
            std::string choices;
            for (const std::string& c : r->question.choices)
                choices += (choices.empty() ? "" : ", ") + c;
            // to the minute: the window stops a step before the answer is out, and a landing or a
            // cancellation lands between two steps
            b += "<tr>" +
                 cell(text(core::formatClock(stopsAt(s, *r), s.time.utcOffsetMinutes).substr(0, 5)), "time") +
                 cell(text(r->question.ask)) + cell(text(choices)) +
                 cell("<span class=\"answer\">" + text(r->outcome.answer) + "</span>") + cell(text(why)) +
                 "</tr>\n";
        }
        b += "</table>\n";
    }

    // what to point at: the timeline the file writes, then the first of each kind of event the run makes
    struct Moment {
        core::Instant at;
        std::string what;
    };
    std::vector<Moment> moments;
    for (const scenario::TimelineEvent& t : s.timeline)
        if (!t.text.empty()) moments.push_back({t.at, t.shownText()});
    for (const sim::Event* e : firsts(run)) {
        const std::string said = eventText(s, world, *e);
        moments.push_back(
            {e->time, (e->flight >= 0 ? flightId(world, e->flight) + " " : std::string()) + said});
    }
    std::stable_sort(moments.begin(), moments.end(),
                     [](const Moment& a, const Moment& z) { return a.at < z.at; });
    if (!moments.empty()) {
        b += "<h2>What to point at</h2>\n<table>\n<thead><tr><th>When</th><th>What "
             "happens</th></tr></thead>\n";
        for (const Moment& m : moments)
            b += "<tr>" + cell(text(clock(s, m.at)), "time") + cell(text(m.what)) + "</tr>\n";
        b += "</table>\n";
    }

    // the policies: what each costs and prevents, from a run of each
    if (policies.size() > 1) {
        b += "<h2>Then show the other policies</h2>\n<table>\n<thead><tr><th>Policy</th><th>What it "
             "is</th><th>Flights cancelled</th><th>Flown as planned</th><th>Flew into a zone</th><th>Unknown "
             "tracks</th></tr></thead>\n";
        for (const GuidePolicy& p : policies) {
            std::string about = p.description;
            while (!about.empty() && std::isspace(static_cast<unsigned char>(about.back())))
                about.pop_back();
            b += "<tr>" + cell(text(p.name) + " <span class=\"note\">(" + text(p.id) + ")</span>") +
                 cell(text(about)) +
                 cell(std::to_string(p.total.cancelled) + " of " + std::to_string(p.total.planned), "num") +
                 cell(std::to_string(p.total.flown), "num") + cell(std::to_string(p.total.violating), "num") +
                 cell(std::to_string(p.total.unknownTracks), "num") + "</tr>\n";
        }
        b += "</table>\n<p>Side by side on one clock: <code>nofly view " + text(file) + " --split " +
             text(shown) + "," + text(policies[1].id) +
             "</code> (key C in the window, V to change a side). A handout of all "
             "of them: <code>nofly compare " +
             text(file) + " --html --out compare</code>.</p>\n";
    }

    // where the facts come from
    std::set<std::string> sources;
    for (const scenario::TimelineEvent& t : s.timeline)
        if (!t.source.empty()) sources.insert(t.source);
    b += "<h2>Sources, and what is invented</h2>\n<ul>\n";
    for (const std::string& src : sources)
        b += "<li>" + text(src) + "</li>\n";
    b += "<li>Whatever the scenario invents for teaching is marked \"illustrative\" in its description, "
         "its names and its timeline, on screen as in this guide.</li>\n";
    if (!s.leavesOut.empty()) {
        std::string left;
        for (const std::string& l : s.leavesOut)
            left += (left.empty() ? "" : " ") + l;
        b += "<li>What the model leaves out: " + text(left) + "</li>\n";
    }
    b += "</ul>\n";

    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Teacher's guide: " +
           text(s.title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" + b +
           "</body>\n</html>\n";
}

} // namespace nofly::report
