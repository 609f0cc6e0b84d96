#include "report/run_files.hpp"

#include "core/csv.hpp"
#include "core/decimal.hpp"
#include "report/html.hpp"
#include "report/ledger.hpp"
#include "report/sentences.hpp"
#include "report/svg.hpp"
#include "report/tracks_geojson.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace nofly::report {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

using core::fixed;

/// A CSV field, quoted when it must be.
std::string field(const std::string& s) {
    return core::csvField(s);
}

std::string iso(const RunRecord& run, core::Instant t) {
    return t < 0 ? std::string() : core::formatInstant(t, run.scenario->time.utcOffsetMinutes);
}

/// A metric as report.json writes it: a count as a whole number, anything
/// else rounded to the metric's decimals.
ordered_json jsonValue(const Metric& m, const Counts& c) {
    if (m.count) return c.*m.count;
    static constexpr double kScale[] = {1.0, 10.0, 100.0, 1000.0};
    const double scale = kScale[m.decimals];
    return std::round(m.value(c) * scale) / scale;
}

std::string jsonKey(const Metric& m) {
    return std::string(m.jsonKey.empty() ? m.name : m.jsonKey);
}

/// All flights or a category: the table's metrics but the defence's, the
/// final outcomes together (they add up to planned), the flags together.
ordered_json countsJson(const Counts& c) {
    ordered_json out = ordered_json::object();
    for (const Metric& m : kMetricTable) {
        if (isOutcome(m)) {
            // all of them at the first, in the ledger's order
            if (!out.contains("outcomes"))
                for (FinalOutcome o : kFinalOutcomes) {
                    const Metric* outcome = findMetric(name(o));
                    out["outcomes"][std::string(name(o))] = jsonValue(*outcome, c);
                }
            continue;
        }
        switch (m.part) {
        case Part::Effect:
            // an authority's queue only where the scenario has one: report.json stays as it was elsewhere
            if (m.shown && !m.shown(c)) break;
            [[fallthrough]];
        case Part::Flights:
        case Part::Yardstick: out[jsonKey(m)] = jsonValue(m, c); break;
        case Part::Flag: out["flags"][jsonKey(m)] = jsonValue(m, c); break;
        case Part::Defence: break; // the total's "detection"
        }
    }
    return out;
}

/// A zone: what it caused. It plans nothing, so it has no outcomes: its
/// rerouted, waited and cancelled are the flights it diverted, held or stopped.
ordered_json zoneJson(const Counts& c) {
    ordered_json out{{"zone_entries", c.entries}};
    for (const Metric* m : {&metric("rerouted"), &metric("waited"), &metric("cancelled")})
        out[jsonKey(*m)] = jsonValue(*m, c);
    for (const Metric& m : kMetricTable)
        if (m.part == Part::Effect && (!m.shown || m.shown(c))) out[jsonKey(m)] = jsonValue(m, c);
    return out;
}

/// A protected place: the drone-minutes near it; with an operations room, the responders' work for
/// it, and for an airport its closures.
ordered_json placeJson(const scenario::Scenario& s, const std::string& id, const Counts& c) {
    ordered_json out{
        {jsonKey(metric("near_protected_minutes")), jsonValue(metric("near_protected_minutes"), c)}};
    if (!c.defence) return out;
    for (const Metric* m : {&metric("responder_jobs"), &metric("responder_minutes")})
        out[jsonKey(*m)] = jsonValue(*m, c);
    const bool airport = std::any_of(s.airports.begin(), s.airports.end(),
                                     [&](const scenario::Airport& a) { return a.id == id && a.closure; });
    if (airport)
        for (const Metric* m : {&metric("closures"), &metric("closure_minutes")})
            out[jsonKey(*m)] = jsonValue(*m, c);
    return out;
}

/// Detection and response, for a run that has any.
ordered_json defenceJson(const Counts& c) {
    ordered_json out = ordered_json::object();
    for (const Metric& m : kMetricTable)
        if (m.part == Part::Defence) out[jsonKey(m)] = jsonValue(m, c);
    return out;
}

/// The class's votes, every choice in the question's order (0: nobody picked it).
ordered_json votesJson(const QuestionResult& r) {
    ordered_json votes = ordered_json::object();
    for (const std::string& choice : r.question.choices) {
        const auto it = r.votes.find(choice);
        votes[choice] = it == r.votes.end() ? 0 : it->second;
    }
    return votes;
}

} // namespace

std::string eventsCsv(const RunRecord& run) {
    std::ostringstream out;
    out << "tick,time,type,flight,zone,other,track,site,actor,x_m,y_m,lat,lon,value,text\n";
    const scenario::Scenario& s = *run.scenario;
    const sim::World& w = *run.world;
    for (const sim::Event& e : run.events) {
        const core::LatLon geo = s.projection.toGeo(e.at);
        out << e.tick << ',' << iso(run, e.time) << ',' << sim::name(e.type) << ','
            << field(flightId(w, e.flight)) << ',' << field(zoneId(s, e.zone)) << ','
            << field(eventOther(s, w, e)) << ',' << field(trackId(e.track)) << ',' << field(placeId(s, e))
            << ',' << field(eventActor(s, e)) << ',' << fixed(e.at.x, 1) << ',' << fixed(e.at.y, 1) << ','
            << fixed(geo.lat, 6) << ',' << fixed(geo.lon, 6) << ',' << fixed(e.value, 3) << ','
            << field(eventText(s, w, e)) << '\n';
    }
    return out.str();
}

std::string flightsCsv(const RunRecord& run) {
    std::ostringstream out;
    out << "flight,category,generator,behaviour,outcome,authorised,denied,rerouted,waited,"
           "depart_planned,departed,delay_min,landed,planned_km,flown_km,violations,violation_s\n";
    const sim::World& w = *run.world;
    // the planned flights, each with its one outcome and its flags (1 or 0)
    for (std::size_t i = 0; i < w.drones.size(); ++i) {
        const sim::Drone& d = w.drones[i];
        const sim::FlightPlan& fp = w.flights[i];
        if (!isPlanned(*run.scenario, fp)) continue;
        const FlightLedger f = ledgerOf(*run.scenario, fp, d);
        out << field(fp.flight.id) << ',' << field(fp.flight.category) << ',' << field(fp.generator) << ','
            << scenario::name(fp.behaviour) << ',' << name(f.outcome) << ',' << f.authorised << ','
            << f.denied << ',' << f.rerouted << ',' << f.waited << ',' << iso(run, fp.flight.depart) << ','
            << iso(run, d.departedAt) << ',' << (f.tookOff ? fixed(f.delaySeconds / 60.0, 2) : std::string())
            << ',' << iso(run, d.landedAt) << ',' << fixed(d.plannedDistance / 1000.0, 3) << ','
            << fixed(d.departedAt >= 0 ? d.flownDistance / 1000.0 : 0.0, 3) << ',' << d.violations << ','
            << fixed(d.violationSeconds, 1) << '\n';
    }
    return out.str();
}

std::string reportJson(const RunRecord& run) {
    const scenario::Scenario& s = *run.scenario;
    ordered_json j;
    j["scenario"] = {{"file", s.file},
                     {"title", s.title},
                     {"variant", s.variant},
                     {"seed", run.world->seed},
                     {"start", iso(run, s.time.start)},
                     {"end", iso(run, s.time.end)},
                     {"step_s", static_cast<double>(s.time.step) / 1000.0}};
    // the policy's name where the file gives one (issue 16); a report of an unnamed one is as before
    const std::string variantId = s.variant.empty() ? std::string(scenario::kBaseVariant) : s.variant;
    if (const std::string name = s.policyName(s.variant); name != variantId) j["scenario"]["policy"] = name;
    j["metrics"]["total"] = countsJson(run.metrics.total);
    if (run.metrics.total.defence) j["metrics"]["detection"] = defenceJson(run.metrics.total);
    for (const auto& [id, c] : run.metrics.byCategory)
        if (c.planned > 0) j["metrics"]["by_category"][id] = countsJson(c);
    for (const auto& [id, c] : run.metrics.byZone) j["metrics"]["by_zone"][id] = zoneJson(c);
    for (const auto& [id, c] : run.metrics.byPlace)
        j["metrics"]["by_place"][id] = placeJson(s, id, c);
    ordered_json expectations = ordered_json::array();
    for (const ExpectationResult& r : run.expectations)
        expectations.push_back({{"line", r.expectation.where.line}, {"passed", r.passed}, {"actual", r.actual}});
    j["expectations"] = expectations;
    ordered_json questions = ordered_json::array();
    for (const QuestionResult& r : run.questions)
        questions.push_back(
            {{"id", r.question.id},
             {"ask", r.question.ask},
             {"about", r.question.flight.empty() ? "first " + r.question.first + " " + r.question.about
                                                 : "flight " + r.question.flight},
             {"choices", r.question.choices},
             {"class_answer",
              r.answered() && !r.classAnswer().empty() ? ordered_json(r.classAnswer()) : ordered_json()},
             {"votes", votesJson(r)},
             {"happened", r.outcome.known ? ordered_json(r.outcome.answer) : ordered_json()},
             {"at",
              r.outcome.known && r.outcome.at >= 0 ? ordered_json(iso(run, r.outcome.at)) : ordered_json()},
             {"result", verdictWord(r)}});
    j["questions"] = questions;
    ordered_json verdicts = ordered_json::array();
    for (const sim::Verdict& v : run.world->verdicts) {
        const scenario::Category* category = verdictCategory(s, *run.world, v);
        ordered_json zones = ordered_json::array();
        for (const sim::ZoneFinding& f : v.findings)
            zones.push_back({{"zone", zoneId(s, f.zone)},
                             {"restriction", scenario::name(f.restriction)},
                             {"applies", f.applies},
                             {"why", findingText(s, category, f)}});
        verdicts.push_back({{"time", iso(run, v.time)},
                            {"flight", flightId(*run.world, v.flight)},
                            {"site", siteId(s, v.site)},
                            {"outcome", sim::name(v.outcome)},
                            {"rule", ruleText(s, *run.world, v)},
                            {"zones", zones}});
    }
    j["verdicts"] = verdicts;
    return j.dump(2) + "\n";
}

std::string summaryTable(const RunRecord& run) {
    std::ostringstream out;
    char line[256];
    // by category: the outcomes (they add up to planned), then the flags and costs
    auto categories = [&](const std::map<std::string, Counts>& groups) {
        out << "By category\n";
        std::snprintf(line, sizeof line, "  %-22s %7s %5s %6s %8s %6s %6s %7s %7s %4s %9s %8s %8s %9s\n",
                      "category", "planned", "flown", "caught", "violated", "neutr.", "cancel", "pending", "reroute",
                      "wait", "delay-min", "extra-km", "viol-min", "disrupted");
        out << line;
        for (const auto& [id, c] : groups) {
            if (c.planned == 0) continue;
            std::snprintf(
                line, sizeof line, "  %-22s %7d %5d %6d %8d %6d %6d %7d %7d %4d %9.1f %8.1f %8.1f %9d\n",
                id.substr(0, 22).c_str(), c.planned, c.flown, c.caught, c.violated, c.neutralised, c.cancelled,
                c.pending, c.rerouted, c.waited, c.delayMinutes, c.extraKm, c.violationMinutes, c.disrupted);
            out << line;
        }
    };
    // by zone: what each zone caused (a zone plans and flies nothing)
    auto zones = [&](const std::map<std::string, Counts>& groups) {
        out << "By zone (what each zone caused)\n";
        std::snprintf(line, sizeof line, "  %-22s %7s %7s %6s %4s %9s %8s %8s %9s\n", "zone", "entries",
                      "reroute", "cancel", "wait", "violating", "viol-min", "extra-km", "disrupted");
        out << line;
        for (const auto& [id, c] : groups) {
            std::snprintf(line, sizeof line, "  %-22s %7d %7d %6d %4d %9d %8.1f %8.1f %9d\n",
                          id.substr(0, 22).c_str(), c.entries, c.rerouted, c.cancelled, c.waited, c.violating,
                          c.violationMinutes, c.extraKm, c.disrupted);
            out << line;
        }
    };
    const Counts& t = run.metrics.total;
    out << run.scenario->title << (run.scenario->variant.empty() ? "" : "  [variant " + run.scenario->variant + "]")
        << "\n";
    // one outcome a flight, so the first line adds up; the flags may overlap
    out << "  " << t.planned << " flights planned: " << t.flown << " flown, " << t.caught << " caught by a new zone, " << t.violated << " violated, "
        << t.neutralised << " neutralised, " << t.cancelled << " cancelled, " << t.pending << " pending\n";
    out << "  along the way: " << t.authorised << " authorised, " << t.denied << " refused an authorisation, "
        << t.rerouted << " rerouted (" << fixed(t.extraKm, 1) << " km extra), " << t.waited
        << " waited for a zone to end\n";
    out << "  " << t.tookOff << " took off, " << fixed(t.delayMinutes, 1)
        << " min later than planned in all (mean " << fixed(metric("mean_delay_minutes").value(t), 1)
        << " min); " << t.violating << " violated a zone at least once (" << t.violations << " violations, "
        << fixed(t.violationMinutes, 1) << " min)\n";
    out << "  " << t.disrupted << " legitimate flights disrupted; " << t.nearMisses << " near misses\n";
    if (t.queues)
        out << "  Queues: " << t.queued << " requests queued for a decision, waiting "
            << fixed(metric("mean_queue_wait_minutes").value(t), 1) << " min on average (longest "
            << fixed(t.longestQueueWait, 1) << " min); the longest queue held " << t.longestQueue << "\n";
    // the yardsticks, by the table's words: the same measure whatever the rules
    std::string yardsticks;
    for (const Metric& m : kMetricTable)
        if (m.part == Part::Yardstick && (!m.shown || m.shown(t)))
            yardsticks +=
                (yardsticks.empty() ? "" : "; ") + fixed(m.value(t), 1) + " " + std::string(m.label);
    if (!yardsticks.empty()) out << "  Measured the same way under every policy: " << yardsticks << "\n";
    if (t.defence) {
        // the tracks add up: those of flights (one flight lost and found again makes two), and false alarms
        out << "  Detection: " << t.tracks << " tracks: " << t.tracks - t.falseAlarms << " from the "
            << t.detected << " flights detected, " << t.falseAlarms << " false alarms; " << t.unknownTracks
            << " unknown, of which " << t.harmlessUnknown << " harmless civil flights ("
            << fixed(100.0 * metric("confusion").value(t), 0) << "%)\n";
        out << "  Times: detect " << meanSecondsText(t.detectSeconds, t.detectCount) << ", identify "
            << meanSecondsText(t.identifySeconds, t.identifyCount) << ", respond "
            << meanSecondsText(t.respondSeconds, t.respondCount) << ", neutralise "
            << meanSecondsText(t.neutraliseSeconds, t.neutraliseCount) << "\n";
        out << "  Response: " << t.responderJobs << " dispatches, " << fixed(t.responderMinutes, 0)
            << " responder minutes, " << t.neutralised << " drones neutralised\n";
        out << "  Airports: " << t.closures << " closures, " << fixed(t.closureMinutes, 0) << " min closed; manned "
            << t.mannedDelayed << " delayed (" << fixed(t.mannedDelayMinutes, 0) << " min), " << t.mannedDiverted
            << " diverted\n";
    }
    out << '\n';
    categories(run.metrics.byCategory);
    out << '\n';
    zones(run.metrics.byZone);
    if (!run.metrics.byPlace.empty()) {
        // the yardstick, and the police's work, where it happened
        out << "\nBy protected place (drone-minutes near it whatever the rules; responders sent for it)\n";
        std::snprintf(line, sizeof line, "  %-22s %9s %10s %10s %8s %10s\n", "place", "near-min",
                      "dispatches", "resp-min", "closures", "closed-min");
        out << line;
        for (const auto& [id, c] : run.metrics.byPlace) {
            std::snprintf(line, sizeof line, "  %-22s %9.1f %10d %10.1f %8d %10.1f\n",
                          id.substr(0, 22).c_str(), c.nearProtectedMinutes, c.responderJobs,
                          c.responderMinutes, c.closures, c.closureMinutes);
            out << line;
        }
    }
    if (!run.expectations.empty()) {
        out << "\nExpectations\n";
        for (const ExpectationResult& r : run.expectations)
            out << "  " << (r.passed ? "PASS" : "FAIL") << "  line " << r.expectation.where.line << ": " << r.actual
                << '\n';
    }
    if (!run.questions.empty())
        out << '\n' << questionsText(run.questions, run.world->now, run.scenario->time.utcOffsetMinutes);
    return out.str();
}

std::string verdictCardText(const scenario::Scenario& s, const sim::World& w, const sim::Verdict& v) {
    std::ostringstream out;
    if (v.site >= 0) { // an airport's closure
        out << "Airport " << siteId(s, v.site) << " at " << core::formatMoment(v.time, s.time.frame())
            << ": closed\n";
        out << "  " << ruleText(s, w, v) << "\n";
        return out.str();
    }
    out << "Flight " << flightId(w, v.flight) << " at " << core::formatMoment(v.time, s.time.frame()) << ": "
        << sim::name(v.outcome) << "\n";
    out << "  " << ruleText(s, w, v) << "\n";
    if (v.findings.empty()) out << "  The route meets no zone.\n";
    const scenario::Category* category = verdictCategory(s, w, v);
    for (const sim::ZoneFinding& f : v.findings) {
        const scenario::Zone& zone = s.zones[static_cast<std::size_t>(f.zone)];
        out << "  - " << zone.name << " (" << scenario::name(f.restriction)
            << "): " << (f.applies ? "applies: " : "does not apply: ") << findingText(s, category, f) << "\n";
        if (f.applies && !zone.message.empty()) out << "    message to operators: " << zone.message << "\n";
    }
    return out.str();
}

bool writeRunFiles(const RunRecord& run, const std::string& folder, std::vector<std::string>& written,
                   std::string& error, bool html) {
    // everything prepared before anything is written
    OutputSet set;
    const std::string map = mapSvg(run, SvgOptions{1200, 900, run.scenario->view, {}});
    set.files = {
        {"report.json", reportJson(run)},
        {"events.csv", eventsCsv(run)},
        {"flights.csv", flightsCsv(run)},
        {"tracks.geojson", tracksGeoJson(run)},
        {"map.svg", map},
    };
    if (html) set.files.push_back({"report.html", runHtml(run, map)});
    set.owned = {"report.html"}; // a run without --html leaves no older handout beside its files
    if (!publishOutputSet(folder, set, error)) return false;
    for (const OutputFile& file : set.files) written.push_back((fs::path(folder) / file.name).string());
    return true;
}

} // namespace nofly::report
