#include "app/commands.hpp"

#include "core/decimal.hpp"
#include "core/text.hpp"
#include "report/guide.hpp"
#include "report/ledger.hpp"
#include "report/output_files.hpp"
#include "report/questions.hpp"
#include "report/replay.hpp"
#include "report/run_files.hpp"
#include "report/run_record.hpp"
#include "report/sentences.hpp"
#include "scenario/loader.hpp"
#include "sim/rules.hpp"
#include "sim/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <unistd.h>

namespace nofly::app {

namespace {

/// Loads the scenario for a command, printing its problems; null on error.
std::shared_ptr<const scenario::Scenario> loadFor(const std::string& command, const std::string& file,
                                                  const std::string& variant, std::ostream& err) {
    scenario::LoadOptions options;
    options.variant = variant;
    scenario::LoadResult result = scenario::loadScenarioFile(file, options);
    // errors stop the command; warnings are for `nofly check`, counted here
    for (const core::Diagnostic& d : result.diagnostics.sorted())
        if (d.severity == core::Severity::Error) err << core::format(d) << '\n';
    if (result.scenario && result.diagnostics.warningCount() > 0)
        err << file << ": " << result.diagnostics.warningCount() << " warning"
            << (result.diagnostics.warningCount() == 1 ? "" : "s") << " (see nofly check " << file << ")\n";
    if (!result.scenario) {
        err << "nofly " << command << ": " << file << " has errors; nothing was run\n";
        return nullptr;
    }
    return std::make_shared<const scenario::Scenario>(std::move(*result.scenario));
}

/// A time on the command line, read as the scenario reads times.
std::optional<core::Instant> parseTime(const scenario::Scenario& s, const std::string& text, const char* option,
                                       std::ostream& err) {
    auto parsed = core::parseInstant(text, {s.time.start, s.time.utcOffsetMinutes, true});
    if (auto* e = std::get_if<core::ParseError>(&parsed)) {
        err << "nofly: " << option << ": " << e->message << (e->hint.empty() ? "" : " (" + e->hint + ")") << '\n';
        return std::nullopt;
    }
    return std::get<core::Instant>(parsed);
}

/// A progress bar on a terminal: "[#######.......]  47%  10:12".
class ProgressBar {
public:
    ProgressBar(const scenario::Scenario& s, bool enabled) : m_scenario(s), m_enabled(enabled) {}
    void operator()(double share) {
        if (!m_enabled) return;
        const int filled = static_cast<int>(share * 30.0);
        if (filled == m_last && share < 1.0) return;
        m_last = filled;
        const core::Instant at = m_scenario.time.start +
                                 static_cast<core::Instant>(share * static_cast<double>(m_scenario.time.end - m_scenario.time.start));
        std::cerr << "\r  [" << std::string(static_cast<std::size_t>(filled), '#')
                  << std::string(static_cast<std::size_t>(30 - filled), '.') << "] " << std::lround(share * 100.0)
                  << "%  " << core::formatMoment(at, m_scenario.time.frame()) << "   " << std::flush;
        if (share >= 1.0) std::cerr << "\r" << std::string(60, ' ') << "\r" << std::flush;
    }

private:
    const scenario::Scenario& m_scenario;
    bool m_enabled;
    int m_last = -1;
};

} // namespace

int runRun(const RunOptions& options, std::ostream& out, std::ostream& err) {
    auto scenario = loadFor("run", options.file, options.variant, err);
    if (!scenario) return kInputError;
    core::Instant until = -1;
    if (!options.until.empty()) {
        auto t = parseTime(*scenario, options.until, "--until", err);
        if (!t) return kUsageError;
        until = *t;
        // a stop outside the scenario's time is a mistake of the command line, not a run that
        // fails its expectations
        if (until < scenario->time.start || until > scenario->time.end) {
            const core::TimeFrame frame = scenario->time.frame();
            const bool before = until < scenario->time.start;
            err << "nofly run: --until " << options.until << " is "
                << (before ? "before the scenario starts at " : "after the scenario ends at ")
                << core::formatMoment(before ? scenario->time.start : scenario->time.end, frame, until)
                << " (give a time within " << core::formatInterval(scenario->time.start, scenario->time.end, frame)
                << ")\n";
            return kUsageError;
        }
    }
    std::map<std::string, report::Tally> answers;
    for (const std::string& a : options.answers)
        if (auto error = report::readAnswer(*scenario, a, answers)) {
            err << "nofly run: --answer " << *error << '\n';
            return kUsageError;
        }

    const sim::CompiledScenario compiled = sim::compile(scenario);
    sim::World world = sim::makeWorld(compiled, options.seed.value_or(scenario->seed));
    // a bar only on a terminal, and only when a run is long enough to need one
    const bool bar = !options.quiet && ::isatty(STDERR_FILENO) && world.flights.size() * 
        static_cast<std::size_t>((scenario->time.end - scenario->time.start) / scenario->time.step) > 20000000u;
    ProgressBar progress(*scenario, bar);
    report::RunRecord run;
    run.scenario = &*scenario;
    run.events = sim::runToEnd(compiled, world, until, std::ref(progress));
    run.world = &world;
    run.metrics = report::computeMetrics(*scenario, world, run.events);
    run.expectations = report::checkExpectations(*scenario, world, run.metrics);
    run.questions =
        report::answerQuestions(*scenario, world, run.events, answers, sim::finished(compiled, world));

    if (!options.quiet) out << report::summaryTable(run);
    if (options.html && options.out.empty()) {
        err << "nofly run: --html writes report.html into the --out folder; give one\n";
        return kUsageError;
    }
    if (!options.out.empty()) {
        std::vector<std::string> written;
        std::string error;
        if (!report::writeRunFiles(run, options.out, written, error, options.html)) {
            err << "nofly run: " << error << '\n';
            return kInputError;
        }
        if (!options.quiet) {
            out << "\nWrote";
            for (const std::string& file : written) out << ' ' << file;
            out << '\n';
        }
    }
    const bool failed = std::any_of(run.expectations.begin(), run.expectations.end(),
                                    [](const report::ExpectationResult& r) { return !r.passed; });
    if (failed) {
        for (const report::ExpectationResult& r : run.expectations)
            if (!r.passed)
                err << options.file << ":" << r.expectation.where.line << ":" << r.expectation.where.column
                    << ": error: expectation not met: " << r.actual << '\n';
        return kInputError;
    }
    return kOk;
}

int runReplay(const ReplayOptions& options, std::ostream& out, std::ostream& err) {
    if (!options.split.empty() && (options.split.size() != 2 || !options.variant.empty())) {
        err << "nofly replay: --split takes two variants, A,B (base for the scenario as written), and "
               "no --variant\n";
        return kUsageError;
    }
    std::vector<std::string> variants = {options.variant};
    if (!options.split.empty())
        variants = {options.split[0] == "base" ? "" : options.split[0],
                    options.split[1] == "base" ? "" : options.split[1]};
    // each policy's run, on the same seed: the same traffic under both
    struct Pane {
        std::shared_ptr<const scenario::Scenario> scenario;
        std::optional<sim::CompiledScenario> compiled;
        std::optional<sim::World> start, world;
        report::RunRecord run;
        report::ReplayInput input;
    };
    std::vector<std::unique_ptr<Pane>> panes;
    for (const std::string& variant : variants) {
        auto pane = std::make_unique<Pane>();
        pane->scenario = loadFor("replay", options.file, variant, err);
        if (!pane->scenario) return kInputError;
        pane->compiled = sim::compile(pane->scenario);
        const std::uint64_t seed = options.seed.value_or(pane->scenario->seed);
        // the map the window opens on is the world before its first step; the rest is the whole run
        pane->start = sim::makeWorld(*pane->compiled, seed);
        pane->world = sim::makeWorld(*pane->compiled, seed);
        pane->run.scenario = &*pane->scenario;
        pane->run.events = report::runSamplingResponders(*pane->compiled, *pane->world,
                                                         pane->input.responders, 5000, &pane->input.tracks);
        pane->run.world = &*pane->world;
        pane->run.questions =
            report::answerQuestions(*pane->scenario, *pane->world, pane->run.events, {}, true);
        pane->input.scenario = &*pane->scenario;
        pane->input.start = &*pane->start;
        pane->input.run = &pane->run;
        pane->input.windows = &pane->compiled->windows;
        panes.push_back(std::move(pane));
    }
    std::vector<report::ReplayInput> inputs;
    for (const auto& pane : panes)
        inputs.push_back(pane->input);
    std::string error;
    if (!report::writeFileAtomically(options.out, report::replayHtml(inputs), error)) {
        err << "nofly replay: " << error << '\n';
        return kInputError;
    }
    out << "Wrote " << options.out << " (open it in a browser: it needs no network and no install)\n";
    return kOk;
}

int runGuide(const GuideOptions& options, std::ostream& out, std::ostream& err) {
    auto shown = loadFor("guide", options.file, options.variant, err);
    if (!shown) return kInputError;
    // the policy the class sees first, then the scenario as written, then the other variants
    std::vector<std::string> ids = {options.variant.empty() ? std::string(scenario::kBaseVariant)
                                                            : options.variant};
    if (!options.variant.empty()) ids.emplace_back(scenario::kBaseVariant);
    for (const scenario::Variant& v : shown->variants)
        if (v.id != options.variant) ids.push_back(v.id);
    // each run whole, on the scenario's seed (the window's run, so the guide's times are the class's)
    struct Policy {
        std::shared_ptr<const scenario::Scenario> scenario;
        std::optional<sim::CompiledScenario> compiled;
        std::optional<sim::World> world;
        report::RunRecord run;
    };
    std::vector<std::unique_ptr<Policy>> runs;
    std::vector<report::GuidePolicy> policies;
    for (const std::string& id : ids) {
        auto p = std::make_unique<Policy>();
        p->scenario = id == ids.front() ? shown
                                        : loadFor("guide", options.file,
                                                  id == scenario::kBaseVariant ? std::string() : id, err);
        if (!p->scenario) return kInputError;
        p->compiled = sim::compile(p->scenario);
        p->world = sim::makeWorld(*p->compiled, p->scenario->seed);
        p->run.scenario = &*p->scenario;
        p->run.events = sim::runToEnd(*p->compiled, *p->world);
        p->run.world = &*p->world;
        p->run.metrics = report::computeMetrics(*p->scenario, *p->world, p->run.events);
        p->run.questions = report::answerQuestions(*p->scenario, *p->world, p->run.events, {}, true);
        policies.push_back(
            {id, p->scenario->policyName(id), p->scenario->policyDescription(id), p->run.metrics.total});
        runs.push_back(std::move(p));
    }
    std::string error;
    if (!report::writeFileAtomically(options.out,
                                     report::guideHtml(runs.front()->run, policies, options.file), error)) {
        err << "nofly guide: " << error << '\n';
        return kInputError;
    }
    out << "Wrote " << options.out << " (the teacher's guide: open it in a browser and print it)\n";
    return kOk;
}

int runWhere(const WhereOptions& options, std::ostream& out, std::ostream& err) {
    auto scenario = loadFor("where", options.file, options.variant, err);
    if (!scenario) return kInputError;
    const scenario::Scenario& s = *scenario;

    // where: a place or airport, "lat,lon" in degrees, or "x,y" with units in the local plane
    core::Vec2 at;
    bool found = false;
    for (const auto& p : s.places)
        if (p.id == options.at) at = p.at, found = true;
    for (const auto& a : s.airports)
        if (a.id == options.at) at = a.at, found = true;
    if (!found) {
        const auto comma = options.at.find(',');
        if (comma == std::string::npos) {
            err << "nofly where: --at '" << options.at << "' is not a place, an airport or 'LAT,LON'\n";
            return kUsageError;
        }
        const std::string first = options.at.substr(0, comma), second = options.at.substr(comma + 1);
        const bool units = first.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos;
        if (units) {
            auto x = core::parseQuantity(first, core::Dimension::Length);
            auto y = core::parseQuantity(second, core::Dimension::Length);
            if (!std::holds_alternative<double>(x) || !std::holds_alternative<double>(y)) {
                err << "nofly where: --at '" << options.at << "': write 'X,Y' with units, such as '2km,-500m'\n";
                return kUsageError;
            }
            at = {std::get<double>(x), std::get<double>(y)};
        } else {
            // decimal degrees only: strtod would take "NAN", "INF" and "0x10"
            auto degrees = [](const std::string& text, double limit) -> std::optional<double> {
                const std::optional<double> value = core::parseDecimal(core::trim(text));
                if (!value || !(std::abs(*value) <= limit)) return std::nullopt;
                return value;
            };
            const std::optional<double> lat = degrees(first, 90.0), lon = degrees(second, 180.0);
            if (!lat || !lon) {
                err << "nofly where: --at '" << options.at << "' is not 'LAT,LON' in degrees\n";
                return kUsageError;
            }
            at = s.projection.toLocal({*lat, *lon});
        }
    }
    core::Instant time = s.time.start;
    if (!options.time.empty()) {
        auto t = parseTime(s, options.time, "--time", err);
        if (!t) return kUsageError;
        time = *t;
    }
    // the zones are known only while the scenario runs (a weekly timetable is laid out over its days, the
    // timeline ends with it): an answer for another time could be wrong, so it is refused
    if (time < s.time.start || time > s.time.end) {
        const core::TimeFrame frame = s.time.frame();
        const std::string moment = core::formatMoment(time, frame);
        const bool before = time < s.time.start;
        err << "nofly where: --time " << options.time << (moment == options.time ? "" : " (" + moment + ")")
            << " is " << (before ? "before the scenario starts at " : "after the scenario ends at ")
            << core::formatMoment(before ? s.time.start : s.time.end, frame, time)
            << "; its zones are known only while it runs (give a time within "
            << core::formatInterval(s.time.start, s.time.end, frame, time);
        // a clock time is on the start's date: past midnight, the next day was likely meant
        const core::Instant nextDay = time + 24LL * 3600 * 1000;
        if (before && nextDay >= s.time.start && nextDay <= s.time.end)
            err << "; for " << core::formatMoment(nextDay, frame) << " write '"
                << core::formatInstant(nextDay, frame.utcOffsetMinutes) << "'";
        err << ")\n";
        return kUsageError;
    }
    auto altitude = core::parseAltitude(options.altitude);
    if (auto* e = std::get_if<core::ParseError>(&altitude)) {
        err << "nofly where: --altitude: " << e->message << '\n';
        return kUsageError;
    }
    if (!s.category(options.category)) {
        std::vector<std::string> names;
        for (const auto& c : s.categories) names.push_back(c.id);
        err << "nofly where: --operator: no category '" << options.category << "' ("
            << core::suggestion(options.category, names) << ")\n";
        return kUsageError;
    }

    const sim::WhereAnswer answer = sim::where(sim::compile(scenario), at, time,
                                               std::get<core::Altitude>(altitude).metres, options.category);
    const core::LatLon geo = s.projection.toGeo(at);
    const std::string position = core::fixed(geo.lat, 5) + ", " + core::fixed(geo.lon, 5);
    out << "At " << position << ", " << core::formatInstant(time, s.time.utcOffsetMinutes) << ", "
        << core::formatQuantity(std::get<core::Altitude>(altitude).metres, core::Dimension::Length)
        << " AGL, for " << s.category(options.category)->name << ":\n  " << report::whereText(s, answer)
        << '\n';
    for (const sim::Judgement& j : answer.zones) {
        const scenario::Zone& zone = s.zones[static_cast<std::size_t>(j.finding.zone)];
        out << "  - " << zone.name << " (" << scenario::name(zone.restriction)
            << "): " << (j.finding.applies ? "applies: " : "does not apply: ")
            << report::findingText(s, s.category(options.category), j.finding) << '\n';
    }
    return kOk;
}

int runExplain(const ExplainOptions& options, std::ostream& out, std::ostream& err) {
    auto scenario = loadFor("explain", options.file, options.variant, err);
    if (!scenario) return kInputError;
    const sim::CompiledScenario compiled = sim::compile(scenario);
    sim::World world = sim::makeWorld(compiled, options.seed.value_or(scenario->seed));
    const auto it = std::find_if(world.flights.begin(), world.flights.end(),
                                 [&](const sim::FlightPlan& f) { return f.flight.id == options.flight; });
    const auto airportAt = std::find_if(scenario->airports.begin(), scenario->airports.end(),
                                        [&](const scenario::Airport& a) { return a.id == options.flight; });
    const bool airport = airportAt != scenario->airports.end();
    const int site = static_cast<int>(airportAt - scenario->airports.begin());
    if (it == world.flights.end()) {
        // an airport's closures, or a track of the defence
        const std::vector<sim::Event> log = sim::runToEnd(compiled, world);
        const bool track = std::any_of(log.begin(), log.end(), [&](const sim::Event& e) {
            return report::trackId(e.track) == options.flight;
        });
        if (airport || track) {
            out << (airport ? "Airport " : "Track ") << options.flight << "\n\n";
            bool any = false;
            for (const sim::Verdict& v : world.verdicts)
                if (airport && v.site == site) {
                    out << report::verdictCardText(*scenario, world, v) << '\n';
                    any = true;
                }
            if (airport && !any) out << "It did not close during the run.\n\n";
            out << "Events\n";
            for (const sim::Event& e : log)
                if (airport ? e.site == site : report::trackId(e.track) == options.flight)
                    out << "  " << core::formatMoment(e.time, scenario->time.frame()) << "  "
                        << sim::name(e.type)
                        << (e.flight < 0 ? "" : " [" + report::flightId(world, e.flight) + "]") << ": "
                        << report::eventText(*scenario, world, e) << '\n';
            return kOk;
        }
        std::vector<std::string> ids;
        for (const auto& f : world.flights) ids.push_back(f.flight.id);
        for (const auto& a : scenario->airports) ids.push_back(a.id);
        err << "nofly explain: no flight, airport or track '" << options.flight << "' in " << options.file << " ("
            << core::suggestion(options.flight, ids) << ")\n";
        return kUsageError;
    }
    const std::vector<sim::Event> log = sim::runToEnd(compiled, world);
    const int flight = static_cast<int>(it - world.flights.begin());
    const sim::Drone& drone = world.drones[static_cast<std::size_t>(flight)];
    // the ledger's word for it, as in the summary and flights.csv
    out << "Flight " << options.flight << " (" << it->flight.category << ", " << scenario::name(it->behaviour)
        << "): "
        << (report::isPlanned(*scenario, *it) ? report::describe(report::ledgerOf(*scenario, *it, drone))
                                              : std::string("not due to take off during the run"))
        << "\n\n";
    bool any = false;
    for (const sim::Verdict& v : world.verdicts)
        if (v.flight == flight) {
            out << report::verdictCardText(*scenario, world, v) << '\n';
            any = true;
        }
    if (!any) out << "No decision was made about it: it was due to depart outside the scenario's time.\n\n";
    out << "Events\n";
    for (const sim::Event& e : log)
        if (e.flight == flight || e.other == flight)
            out << "  " << core::formatMoment(e.time, scenario->time.frame()) << "  " << sim::name(e.type)
                << (e.zone < 0 ? "" : " [" + report::zoneId(*scenario, e.zone) + "]") << ": "
                << report::eventText(*scenario, world, e) << '\n';
    return kOk;
}

} // namespace nofly::app
