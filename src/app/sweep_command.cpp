// nofly sweep: a grid of values for scenario settings (a ban's radius, a
// notice period, the share of operators aware), each over N seeds, run in
// parallel on a TBB thread pool. Each run writes only its own slot, so the
// results do not depend on --jobs. Where one machine is not enough, the runs
// can be printed as independent command lines (--emit-jobs) for GNU parallel
// or a cluster, and their tables gathered with --merge. With --out, every run
// is kept in OUT/runs/ as it ends, so an interrupted sweep run again with the
// same arguments starts where it stopped.
#include "app/commands.hpp"

#include "core/version.hpp"

#include "report/compare.hpp"
#include "report/run_files.hpp"
#include "report/sweep.hpp"
#include "scenario/loader.hpp"
#include "scenario/text_file.hpp"
#include "sim/simulation.hpp"

#include <CLI/CLI.hpp>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>

namespace nofly::app {

namespace {

namespace fs = std::filesystem;

struct SweepOptions {
    std::string file;
    std::string variant;
    std::vector<std::string> sets; ///< PATH=FROM..TO/STEP or PATH=VALUE
    int seeds = 1;
    std::uint64_t seedFrom = 0; ///< 0: the scenario's seed
    int jobs = 0;
    std::vector<std::string> metrics = {"disrupted"}; ///< a chart each
    std::string out;
    bool emitJobs = false;
    std::vector<std::string> merge; ///< folders or sweep.csv files to gather
};

/// One swept setting: its path and the values it takes, as written.
struct Axis {
    std::string path;
    std::vector<std::string> values;
};

/// "5km" -> (5, "km"); "50%" -> (50, "%"); "0.5" -> (0.5, "").
bool splitNumber(const std::string& text, double& number, std::string& unit) {
    const char* begin = text.c_str();
    char* end = nullptr;
    number = std::strtod(begin, &end);
    if (end == begin) return false;
    unit = std::string(end);
    while (!unit.empty() && unit.front() == ' ') unit.erase(unit.begin());
    return std::isfinite(number);
}

std::string formatValue(double v, const std::string& unit) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, std::abs(v - std::round(v)) < 1e-9 ? "%.0f" : "%.6g", v);
    return std::string(buffer) + (unit.empty() ? "" : (unit == "%" ? "%" : " " + unit));
}

/// PATH=FROM..TO/STEP (units on FROM, TO and STEP must agree) or PATH=VALUE.
bool parseAxis(const std::string& text, Axis& axis, std::string& error) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0) {
        error = "--set '" + text + "': write PATH=FROM..TO/STEP, such as 'zones.ban.shape.circle.radius=1km..30km/1km'";
        return false;
    }
    axis.path = text.substr(0, eq);
    const std::string spec = text.substr(eq + 1);
    const auto dots = spec.find("..");
    if (dots == std::string::npos) {
        axis.values = {spec};
        return true;
    }
    const auto slash = spec.find('/', dots);
    if (slash == std::string::npos) {
        error = "--set '" + text + "': a range needs a step, such as '1km..30km/1km'";
        return false;
    }
    double from, to, step;
    std::string u1, u2, u3;
    if (!splitNumber(spec.substr(0, dots), from, u1) || !splitNumber(spec.substr(dots + 2, slash - dots - 2), to, u2) ||
        !splitNumber(spec.substr(slash + 1), step, u3)) {
        error = "--set '" + text + "': FROM, TO and STEP must be numbers, with units if any";
        return false;
    }
    if (u2.empty()) u2 = u1;
    if (u3.empty()) u3 = u1;
    if (u1 != u2 || u1 != u3) {
        error = "--set '" + text + "': FROM, TO and STEP must be in the same unit";
        return false;
    }
    if (step <= 0 || to < from) {
        error = "--set '" + text + "': the step must be more than zero and TO not below FROM";
        return false;
    }
    // counted as a double first: a range of 1e19 steps must not wrap round to a small number
    const double values = std::floor((to - from) / step + 1e-9) + 1.0;
    if (!(values <= 10000.0)) {
        char counted[32];
        std::snprintf(counted, sizeof counted, values < 1e12 ? "%.0f" : "%.3g", values);
        error = "--set '" + text + "': " + counted + " values; at most 10000";
        return false;
    }
    const long count = std::lround(values);
    for (long i = 0; i < count; ++i) axis.values.push_back(formatValue(from + static_cast<double>(i) * step, u1));
    return true;
}

/// Every combination of the axes' values, the first axis slowest.
std::vector<std::vector<std::string>> grid(const std::vector<Axis>& axes) {
    std::vector<std::vector<std::string>> out = {{}};
    for (const Axis& axis : axes) {
        std::vector<std::vector<std::string>> next;
        for (const auto& partial : out)
            for (const std::string& v : axis.values) {
                next.push_back(partial);
                next.back().push_back(v);
            }
        out = std::move(next);
    }
    return out;
}

/// "run-000042.csv": the file of run k (grid point k / seeds, seed k % seeds).
std::string runFileName(std::size_t k) {
    char name[32];
    std::snprintf(name, sizeof name, "run-%06zu.csv", k);
    return name;
}

/// What a kept run was run from, so that a run of other inputs is never
/// reused: nofly's version, the variant, the swept paths, and a hash
/// (FNV-1a, 64 bits) of the scenario file and every file it includes.
std::string runStamp(const SweepOptions& options, const std::vector<Axis>& axes, const scenario::Scenario& scenario) {
    std::uint64_t hash = 14695981039346656037ull;
    auto add = [&](const std::string& bytes) {
        for (char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        hash = (hash ^ 0xffu) * 1099511628211ull; // a separator, so that files cannot shift into each other
    };
    std::vector<std::string> files = {options.file};
    files.insert(files.end(), scenario.includes.begin(), scenario.includes.end());
    for (const std::string& file : files) {
        scenario::FileProblem problem;
        add(scenario::readTextFile(file, "", scenario::kMaxImportBytes, "reads", problem).value_or(problem.message));
    }
    add(options.variant);
    for (const Axis& axis : axes) add(axis.path);
    char hex[20];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return std::string("nofly ") + core::kVersion + " sweep run, inputs " + hex;
}

/// A kept run, when the file is one of this sweep's (same stamp, same parameters).
bool readRunFile(const fs::path& path, const std::string& stamp, const std::vector<std::string>& parameters,
                 report::SweepRun& run) {
    // by the one path policy: a link in runs/ may not lead out of it
    scenario::FileProblem problem;
    const auto text = scenario::readTextFile(path.string(), path.parent_path().string(), scenario::kMaxFileBytes,
                                             "reads", problem);
    const std::string head = "# " + stamp + "\n";
    if (!text || text->compare(0, head.size(), head) != 0) return false;
    report::Sweep kept;
    kept.parameters = parameters;
    std::string error;
    if (!report::readSweepCsv(text->substr(head.size()), kept, error) || kept.runs.size() != 1) return false;
    run = std::move(kept.runs.front());
    return true;
}

/// The metric --metric names for the chart: one a sweep table has a column
/// for; null after saying why not.
const report::Metric* chartMetric(const std::string& name, std::ostream& err) {
    for (const report::Metric* m : report::kCompared)
        if (m->name == name) return m;
    std::vector<std::string> names;
    for (const report::Metric* m : report::kCompared)
        names.emplace_back(m->name);
    err << "nofly sweep: --metric '" << name << "' (" << core::suggestion(name, names) << ")\n";
    return nullptr;
}

/// The metrics of every --metric, a chart each (a cost and a benefit side by side); empty after
/// saying which one is not a sweep table's.
std::vector<const report::Metric*> chartMetrics(const std::vector<std::string>& names, std::ostream& err) {
    std::vector<const report::Metric*> metrics;
    for (const std::string& name : names) {
        const report::Metric* m = chartMetric(name, err);
        if (!m) return {};
        if (std::find(metrics.begin(), metrics.end(), m) == metrics.end()) metrics.push_back(m);
    }
    return metrics;
}

bool writeOutputs(const report::Sweep& sweep, const std::string& folder,
                  const std::vector<const report::Metric*>& metrics, std::ostream& out, std::ostream& err) {
    // the tables and a chart a metric as one set, the kept runs beside them;
    // a chart of another metric is of an older sweep, and goes
    report::OutputSet set;
    set.files = {{"sweep.csv", report::sweepCsv(sweep)},
                 {"sweep_summary.csv", report::sweepSummaryCsv(sweep)}};
    for (const report::Metric* metric : metrics)
        set.files.push_back(
            {"sweep_" + std::string(metric->name) + ".svg", report::sweepChartSvg(sweep, *metric)});
    for (const report::Metric* m : report::kCompared)
        set.owned.push_back("sweep_" + std::string(m->name) + ".svg");
    set.kept = {"runs"};
    std::string error;
    if (!report::publishOutputSet(folder, set, error)) {
        err << "nofly sweep: " << error << '\n';
        return false;
    }
    for (const report::OutputFile& file : set.files) out << "Wrote " << (fs::path(folder) / file.name).string() << '\n';
    return true;
}

int runMerge(const SweepOptions& options, std::ostream& out, std::ostream& err) {
    // the charts' metrics, checked before any table is read
    const std::vector<const report::Metric*> metrics = chartMetrics(options.metrics, err);
    if (metrics.empty()) return kUsageError;
    report::Sweep sweep;
    for (const std::string& item : options.merge) {
        const fs::path path = fs::is_directory(item) ? fs::path(item) / "sweep.csv" : fs::path(item);
        scenario::FileProblem problem;
        const auto text = scenario::readTextFile(path.string(), "", scenario::kMaxImportBytes, "merges", problem);
        if (!text) {
            err << "nofly sweep --merge: cannot read " << path.string() << ": " << problem.message << '\n';
            return kUsageError;
        }
        std::string error;
        int line = 0;
        if (!report::readSweepCsv(*text, sweep, error, &line)) {
            err << path.string() << ':' << line << ":1: error: " << error << '\n';
            return kInputError;
        }
    }
    sweep.title = "merged sweep";
    if (options.out.empty()) {
        out << report::sweepSummaryCsv(sweep);
        return kOk;
    }
    return writeOutputs(sweep, options.out, metrics, out, err) ? kOk : kInputError;
}

/// What a sweep runs: its axes, the grid of their values, and the seeds of each point.
struct SweepGrid {
    std::vector<Axis> axes;
    std::vector<std::vector<std::string>> points; ///< one value per axis, a point each
    std::size_t seeds = 1;
    std::uint64_t firstSeed = 0;
    std::size_t runs() const { return points.size() * seeds; }
};

/// The axes of --set, against the run budget before the grid is made (two axes of 10,000 values
/// are 100,000,000 points); false after saying why.
bool readGrid(const SweepOptions& options, SweepGrid& g, std::ostream& err) {
    for (const std::string& set : options.sets) {
        Axis axis;
        std::string error;
        if (!parseAxis(set, axis, error)) {
            err << "nofly sweep: " << error << '\n';
            return false;
        }
        g.axes.push_back(std::move(axis));
    }
    double runs = static_cast<double>(std::max(options.seeds, 1));
    for (const Axis& axis : g.axes)
        runs *= static_cast<double>(axis.values.size());
    if (runs > static_cast<double>(scenario::limits::kMaxSweepRuns)) {
        char counted[32];
        std::snprintf(counted, sizeof counted, "%.3g", runs);
        const std::string shown = runs < 1e15 ? scenario::limits::grouped(static_cast<std::int64_t>(runs)) : counted;
        err << "nofly sweep: the --set values times --seeds make " << shown << " runs (budget "
            << scenario::limits::grouped(scenario::limits::kMaxSweepRuns)
            << " runs a sweep); sweep fewer values, a coarser step or fewer seeds\n";
        return false;
    }
    g.points = grid(g.axes);
    g.seeds = static_cast<std::size_t>(options.seeds); // 1 to kMaxSeeds (checkSeedCount)
    return true;
}

/// Each grid point loaded once, in parallel: its settings are checked like a variant's. Nothing
/// after printing the first point's errors.
std::optional<std::vector<scenario::Scenario>> loadGrid(const SweepOptions& options, const SweepGrid& g,
                                                        std::ostream& err) {
    std::vector<scenario::LoadResult> loaded(g.points.size());
    tbb::parallel_for(std::size_t{0}, g.points.size(), [&](std::size_t p) {
        scenario::LoadOptions load;
        load.variant = options.variant;
        for (std::size_t a = 0; a < g.axes.size(); ++a)
            load.settings.emplace_back(g.axes[a].path, g.points[p][a]);
        loaded[p] = scenario::loadScenarioFile(options.file, load);
    });
    std::vector<scenario::Scenario> scenarios;
    for (scenario::LoadResult& r : loaded) {
        if (!r.scenario) {
            for (const core::Diagnostic& d : r.diagnostics.sorted())
                if (d.severity == core::Severity::Error) err << core::format(d) << '\n';
            return std::nullopt;
        }
        scenarios.push_back(std::move(*r.scenario));
    }
    return scenarios;
}

/// Independent runs for other machines: one command line each.
void emitJobs(const SweepOptions& options, const SweepGrid& g, std::ostream& out) {
    const std::string folder = options.out.empty() ? "sweep-jobs" : options.out;
    std::size_t job = 0;
    for (const auto& values : g.points)
        for (std::size_t s = 0; s < g.seeds; ++s) {
            char name[32];
            std::snprintf(name, sizeof name, "job-%05zu", job++);
            out << "nofly sweep " << options.file
                << (options.variant.empty() ? "" : " --variant " + options.variant);
            for (std::size_t a = 0; a < g.axes.size(); ++a)
                out << " --set '" << g.axes[a].path << '=' << values[a] << '\'';
            out << " --seeds 1 --seed-from " << g.firstSeed + s << " --jobs 1 --out "
                << (fs::path(folder) / name).string() << '\n';
        }
}

/// The runs an interrupted sweep with the same inputs left in `runsDir`, taken into `sweep` and
/// marked done; false when the folder cannot be made.
bool resume(const fs::path& runsDir, const std::string& stamp, const SweepGrid& g, report::Sweep& sweep,
            std::vector<char>& done, std::ostream& out, std::ostream& err) {
    std::error_code ec;
    fs::create_directories(runsDir, ec);
    if (ec) {
        err << "nofly sweep: cannot create " << runsDir.string() << ": " << ec.message() << '\n';
        return false;
    }
    // what an interrupted sweep was writing when it was killed
    report::removeStaleTemporaries(runsDir.string(), true);
    std::size_t resumed = 0;
    for (std::size_t k = 0; k < sweep.runs.size(); ++k) {
        report::SweepRun run;
        if (readRunFile(runsDir / runFileName(k), stamp, sweep.parameters, run) &&
            run.values == g.points[k / g.seeds] && run.seed == g.firstSeed + k % g.seeds) {
            sweep.runs[k] = std::move(run);
            done[k] = 1;
            ++resumed;
        }
    }
    if (resumed > 0)
        out << "Resuming: " << resumed << " of " << sweep.runs.size() << " runs already in "
            << runsDir.string() << '\n';
    return true;
}

/// Every run not done, in parallel, each kept in `runsDir` (when given) as it ends. Each grid
/// point is compiled once, by the first of its runs to start, shared by its seeds and released
/// when the last of them ends (a grid of thousands of points never holds every index). False
/// after saying what could not be written.
bool runGrid(std::vector<scenario::Scenario>& scenarios, const SweepGrid& g, const fs::path& runsDir,
             const std::string& stamp, const std::vector<char>& done, report::Sweep& sweep,
             std::ostream& err) {
    struct Point {
        std::once_flag compiled;
        std::shared_ptr<const sim::CompiledScenario> model;
        std::atomic<std::size_t> runsLeft{0};
    };
    std::vector<Point> points(g.points.size());
    for (std::size_t k = 0; k < sweep.runs.size(); ++k)
        if (!done[k]) ++points[k / g.seeds].runsLeft;
    std::atomic<bool> writeFailed{false};
    std::string writeError;
    std::mutex writeErrorMutex;
    tbb::parallel_for(std::size_t{0}, sweep.runs.size(), [&](std::size_t k) {
        if (done[k]) return;
        const std::size_t p = k / g.seeds, s = k % g.seeds;
        Point& point = points[p];
        std::call_once(point.compiled, [&] {
            point.model =
                std::make_shared<const sim::CompiledScenario>(sim::compile(std::move(scenarios[p])));
        });
        std::shared_ptr<const sim::CompiledScenario> model = point.model;
        const scenario::Scenario& scenario = *model->scenario;
        sim::World world = sim::makeWorld(*model, g.firstSeed + s);
        const std::vector<sim::Event> events = sim::runToEnd(*model, world);
        report::SweepRun& run = sweep.runs[k];
        run.values = g.points[p];
        run.seed = world.seed;
        run.counts = report::computeMetrics(scenario, world, events).total;
        model.reset();
        if (--point.runsLeft == 0) point.model.reset();
        if (runsDir.empty()) return;
        std::string error;
        if (!report::writeFileAtomically((runsDir / runFileName(k)).string(),
                                         "# " + stamp + "\n" + report::sweepRunCsv(sweep, run), error)) {
            std::lock_guard<std::mutex> lock(writeErrorMutex);
            writeFailed = true;
            writeError = error;
        }
    });
    if (writeFailed) err << "nofly sweep: " << writeError << '\n';
    return !writeFailed;
}

int runSweep(const SweepOptions& options, std::ostream& out, std::ostream& err) {
    if (!options.merge.empty()) return runMerge(options, out, err);
    if (options.file.empty()) {
        err << "nofly sweep: name a scenario file, or --merge tables\n";
        return kUsageError;
    }
    if (options.sets.empty()) {
        err << "nofly sweep: give at least one --set PATH=FROM..TO/STEP\n";
        return kUsageError;
    }
    const std::vector<const report::Metric*> metrics = chartMetrics(options.metrics, err);
    if (metrics.empty()) return kUsageError;
    SweepGrid g;
    if (!readGrid(options, g, err)) return kUsageError;

    std::unique_ptr<tbb::global_control> limit;
    if (options.jobs > 0)
        limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                      static_cast<std::size_t>(options.jobs));
    std::optional<std::vector<scenario::Scenario>> scenarios = loadGrid(options, g, err);
    if (!scenarios) return kInputError;
    g.firstSeed = options.seedFrom ? options.seedFrom : scenarios->front().seed;
    // every seed a seed too (--emit-jobs hands each to a --seed-from of its own)
    if (g.firstSeed + (g.seeds - 1) > scenario::kLargestSeed) {
        err << "nofly sweep: --seeds " << g.seeds << " from seed " << g.firstSeed
            << " run past the largest seed, " << scenario::kLargestSeed
            << " (start from a smaller --seed-from)\n";
        return kUsageError;
    }
    if (options.emitJobs) {
        emitJobs(options, g, out);
        return kOk;
    }

    report::Sweep sweep;
    sweep.title = scenarios->front().title;
    for (const Axis& a : g.axes)
        sweep.parameters.push_back(a.path);
    sweep.runs.resize(g.runs());
    // with --out, each run is kept in OUT/runs/ as it ends; runs found there
    // from an interrupted sweep with the same inputs are not run again
    const fs::path runsDir = options.out.empty() ? fs::path() : fs::path(options.out) / "runs";
    const std::string stamp =
        options.out.empty() ? std::string() : runStamp(options, g.axes, scenarios->front());
    std::vector<char> done(sweep.runs.size(), 0);
    if (!options.out.empty() && !resume(runsDir, stamp, g, sweep, done, out, err)) return kInputError;
    if (!runGrid(*scenarios, g, runsDir, stamp, done, sweep, err)) return kInputError;

    if (options.out.empty()) {
        out << report::sweepSummaryCsv(sweep);
        return kOk;
    }
    return writeOutputs(sweep, options.out, metrics, out, err) ? kOk : kInputError;
}

} // namespace

void addSweepCommand(CLI::App& cli, std::vector<Command>& commands) {
    auto options = std::make_shared<SweepOptions>();
    CLI::App* sweep = cli.add_subcommand(
        "sweep", "Run a scenario over a grid of setting values and seeds; a tidy CSV, a summary and a chart.");
    sweep->add_option("file", options->file, "Scenario file (not needed with --merge)");
    sweep->add_option("--set", options->sets,
                      "PATH=FROM..TO/STEP (or PATH=VALUE), a setting as a variant's set: names it; repeatable")
        ->take_all();
    sweep->add_option("--variant", options->variant, "Apply this variant first");
    checkSeedCount(
        *sweep->add_option("--seeds", options->seeds, "Runs per grid point (seed, seed+1, ...)")->capture_default_str());
    checkSeed(*sweep->add_option("--seed-from", options->seedFrom, "First seed; 0 = the scenario's")
                   ->capture_default_str());
    checkJobs(*sweep->add_option("--jobs", options->jobs, "Runs at once; 0 = every core")->capture_default_str());
    sweep
        ->add_option("--metric", options->metrics,
                     "The metric the chart shows; repeat it for a chart each (a cost and a benefit)")
        ->allow_extra_args(false) // one name an occurrence: a later word is the scenario file, not a metric
        ->capture_default_str();
    sweep->add_option("--out", options->out,
                      "Write sweep.csv, sweep_summary.csv and sweep_METRIC.svg here, and each run in OUT/runs/ as "
                      "it ends: run again after an interruption, it resumes (without it: the summary on standard "
                      "output)");
    sweep->add_flag("--emit-jobs", options->emitJobs,
                    "Print one independent command line per run (for GNU parallel or a cluster) instead of running");
    sweep->add_option("--merge", options->merge, "Gather the sweep.csv of these folders or files into one")->take_all();
    commands.push_back({sweep, [options] { return runSweep(*options, std::cout, std::cerr); }});
}

} // namespace nofly::app
