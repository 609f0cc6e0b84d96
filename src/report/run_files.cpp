#include "report/run_files.hpp"

#include "report/html.hpp"
#include "report/ledger.hpp"
#include "report/svg.hpp"
#include "report/tracks_geojson.hpp"

#include <nlohmann/json.hpp>

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

std::string fixed(double v, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

/// A CSV field, quoted when it must be.
std::string field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string iso(const RunRecord& run, core::Instant t) {
    return t < 0 ? std::string() : core::formatInstant(t, run.scenario->time.utcOffsetMinutes);
}

/// What flights did to and because of zones, as flights and zones both report it.
void addEffects(ordered_json& out, const Counts& c) {
    out["violating"] = c.violating;
    out["violations"] = c.violations;
    out["violation_minutes"] = std::round(c.violationMinutes * 100.0) / 100.0;
    out["extra_km"] = std::round(c.extraKm * 1000.0) / 1000.0;
    out["authorisations_requested"] = c.authorisationsRequested;
    out["authorisations_granted"] = c.authorisationsGranted;
    out["authorisations_denied"] = c.authorisationsDenied;
    out["disrupted"] = c.disrupted;
}

/// All flights or a category: the outcomes, which add up to planned, then the
/// flags and the rest.
ordered_json countsJson(const Counts& c) {
    ordered_json out{
        {"planned", c.planned},
        {"outcomes",
         {{"flown", c.flown},
          {"caught", c.caught},
          {"violated", c.violated},
          {"neutralised", c.neutralised},
          {"cancelled", c.cancelled},
          {"pending", c.pending}}},
        {"took_off", c.tookOff},
        {"flags",
         {{"authorised", c.authorised},
          {"denied", c.denied},
          {"rerouted", c.rerouted},
          {"waited", c.waited}}},
        {"delay_minutes", std::round(c.delayMinutes * 100.0) / 100.0},
        {"mean_delay_minutes", std::round(metricValue(c, "mean_delay_minutes") * 100.0) / 100.0}};
    addEffects(out, c);
    out["near_misses"] = c.nearMisses;
    return out;
}

/// A zone: what it caused. It plans nothing, so it has no outcomes: its
/// rerouted, waited and cancelled are the flights it diverted, held or stopped.
ordered_json zoneJson(const Counts& c) {
    ordered_json out{
        {"zone_entries", c.entries}, {"rerouted", c.rerouted}, {"waited", c.waited}, {"cancelled", c.cancelled}};
    addEffects(out, c);
    return out;
}

/// Detection and response, for a run that has any.
ordered_json defenceJson(const Counts& c) {
    return ordered_json{{"detected", c.detected},
                        {"tracks", c.tracks},
                        {"unknown_tracks", c.unknownTracks},
                        {"harmless_unknown", c.harmlessUnknown},
                        {"confusion", std::round(metricValue(c, "confusion") * 1000.0) / 1000.0},
                        {"false_alarms", c.falseAlarms},
                        {"time_to_detect_s", std::round(metricValue(c, "time_to_detect") * 10.0) / 10.0},
                        {"time_to_identify_s", std::round(metricValue(c, "time_to_identify") * 10.0) / 10.0},
                        {"time_to_respond_s", std::round(metricValue(c, "time_to_respond") * 10.0) / 10.0},
                        {"time_to_neutralise_s", std::round(metricValue(c, "time_to_neutralise") * 10.0) / 10.0},
                        {"neutralised", c.neutralised},
                        {"closures", c.closures},
                        {"closure_minutes", std::round(c.closureMinutes * 100.0) / 100.0},
                        {"manned_delayed", c.mannedDelayed},
                        {"manned_diverted", c.mannedDiverted},
                        {"manned_delay_minutes", std::round(c.mannedDelayMinutes * 100.0) / 100.0},
                        {"responder_jobs", c.responderJobs},
                        {"responder_minutes", std::round(c.responderMinutes * 100.0) / 100.0}};
}

} // namespace

std::string eventsCsv(const RunRecord& run) {
    std::ostringstream out;
    out << "tick,time,type,flight,zone,other,track,site,actor,x_m,y_m,lat,lon,value,text\n";
    for (const sim::Event& e : run.events) {
        const core::LatLon geo = run.scenario->projection.toGeo(e.at);
        out << e.tick << ',' << iso(run, e.time) << ',' << sim::name(e.type) << ',' << field(e.flight) << ','
            << field(e.zone) << ',' << field(e.other) << ',' << field(e.track) << ',' << field(e.site) << ','
            << field(e.actor) << ',' << fixed(e.at.x, 1) << ',' << fixed(e.at.y, 1) << ','
            << fixed(geo.lat, 6) << ',' << fixed(geo.lon, 6) << ',' << fixed(e.value, 3) << ',' << field(e.text)
            << '\n';
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
                     {"seed", s.seed},
                     {"start", iso(run, s.time.start)},
                     {"end", iso(run, s.time.end)},
                     {"step_s", static_cast<double>(s.time.step) / 1000.0}};
    j["metrics"]["total"] = countsJson(run.metrics.total);
    if (run.metrics.total.defence) j["metrics"]["detection"] = defenceJson(run.metrics.total);
    for (const auto& [id, c] : run.metrics.byCategory)
        if (c.planned > 0) j["metrics"]["by_category"][id] = countsJson(c);
    for (const auto& [id, c] : run.metrics.byZone) j["metrics"]["by_zone"][id] = zoneJson(c);
    ordered_json expectations = ordered_json::array();
    for (const ExpectationResult& r : run.expectations)
        expectations.push_back({{"line", r.expectation.where.line}, {"passed", r.passed}, {"actual", r.actual}});
    j["expectations"] = expectations;
    ordered_json questions = ordered_json::array();
    for (const QuestionResult& r : run.questions)
        questions.push_back({{"id", r.question.id},
                             {"ask", r.question.ask},
                             {"about", r.question.flight.empty()
                                           ? "first " + r.question.first + " " + r.question.about
                                           : "flight " + r.question.flight},
                             {"choices", r.question.choices},
                             {"class_answer", r.answered() ? ordered_json(r.classAnswer) : ordered_json()},
                             {"happened", r.outcome.known ? ordered_json(r.outcome.answer) : ordered_json()},
                             {"at", r.outcome.known && r.outcome.at >= 0 ? ordered_json(iso(run, r.outcome.at))
                                                                         : ordered_json()},
                             {"result", verdictWord(r)}});
    j["questions"] = questions;
    ordered_json verdicts = ordered_json::array();
    for (const sim::Verdict& v : run.world->verdicts) {
        ordered_json zones = ordered_json::array();
        for (const sim::ZoneFinding& f : v.findings)
            zones.push_back({{"zone", f.zone},
                             {"restriction", scenario::name(f.restriction)},
                             {"applies", f.applies},
                             {"why", f.why}});
        verdicts.push_back({{"time", iso(run, v.time)},
                            {"flight", v.flight},
                            {"site", v.site},
                            {"outcome", sim::name(v.outcome)},
                            {"rule", v.rule},
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
        << " min later than planned in all (mean " << fixed(metricValue(t, "mean_delay_minutes"), 1)
        << " min); " << t.violating << " violated a zone at least once (" << t.violations << " violations, "
        << fixed(t.violationMinutes, 1) << " min)\n";
    out << "  " << t.disrupted << " legitimate flights disrupted; " << t.nearMisses << " near misses\n";
    if (t.defence) {
        out << "  Detection: " << t.tracks << " tracks (" << t.detected << " flights detected, " << t.falseAlarms
            << " false alarms); " << t.unknownTracks << " unknown, of which " << t.harmlessUnknown
            << " harmless civil flights (" << fixed(100.0 * metricValue(t, "confusion"), 0) << "%)\n";
        out << "  Times: detect " << meanSecondsText(t.detectSeconds, t.detectCount) << ", identify "
            << meanSecondsText(t.identifySeconds, t.identifyCount) << ", respond "
            << meanSecondsText(t.respondSeconds, t.respondCount) << ", neutralise "
            << meanSecondsText(t.neutraliseSeconds, t.neutraliseCount) << "\n";
        out << "  Response: " << t.responderJobs << " jobs, " << fixed(t.responderMinutes, 0) << " responder minutes, "
            << t.neutralised << " drones neutralised\n";
        out << "  Airports: " << t.closures << " closures, " << fixed(t.closureMinutes, 0) << " min closed; manned "
            << t.mannedDelayed << " delayed (" << fixed(t.mannedDelayMinutes, 0) << " min), " << t.mannedDiverted
            << " diverted\n";
    }
    out << '\n';
    categories(run.metrics.byCategory);
    out << '\n';
    zones(run.metrics.byZone);
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

std::string verdictCardText(const scenario::Scenario& s, const sim::Verdict& v) {
    std::ostringstream out;
    if (!v.site.empty()) { // an airport's closure
        out << "Airport " << v.site << " at " << core::formatMoment(v.time, s.time.frame()) << ": closed\n";
        out << "  " << v.rule << "\n";
        return out.str();
    }
    out << "Flight " << v.flight << " at " << core::formatMoment(v.time, s.time.frame()) << ": "
        << sim::name(v.outcome) << "\n";
    out << "  " << v.rule << "\n";
    if (v.findings.empty()) out << "  The route meets no zone.\n";
    for (const sim::ZoneFinding& f : v.findings) {
        const scenario::Zone* zone = s.zone(f.zone);
        out << "  - " << (zone ? zone->name : f.zone) << " (" << scenario::name(f.restriction) << "): "
            << (f.applies ? "applies: " : "does not apply: ") << f.why << "\n";
        if (f.applies && zone && !zone->message.empty()) out << "    message to operators: " << zone->message << "\n";
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
