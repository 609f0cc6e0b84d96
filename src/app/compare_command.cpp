// nofly compare: every variant of a scenario on the same traffic (the same
// seeds), side by side. Runs are independent, so they run in parallel on a
// TBB thread pool; each writes only its own slot, so the results do not
// depend on how many threads there are.
#include "app/commands.hpp"

#include "core/diagnostic.hpp"
#include "core/text.hpp"
#include "report/compare.hpp"
#include "report/run_files.hpp"
#include "report/svg.hpp"
#include "scenario/limits.hpp"
#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <CLI/CLI.hpp>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

namespace nofly::app {

namespace {

struct CompareOptions {
    std::string file;
    std::vector<std::string> variants; ///< empty: the base and every variant
    std::string baseline;              ///< the variant the others are compared with; empty: the first
    int seeds = 1;
    int jobs = 0; ///< 0: every core
    std::string out;
};

/// One run's counts, and its map when asked for.
struct RunSlot {
    report::Counts total;
    std::string map;
};

/// The runs a compare would make, policies times seeds, against their budget
/// (issue 22: 2,000 variants of 1,000 seeds were two million runs); the
/// message when over it, empty otherwise.
std::string overRunBudget(std::size_t policies, int seeds) {
    const std::int64_t runs = static_cast<std::int64_t>(policies) * seeds; // each at most a few thousand
    if (runs <= scenario::limits::kMaxCompareRuns) return {};
    return std::to_string(policies) + (policies == 1 ? " policy" : " policies") + " times --seeds " +
           std::to_string(seeds) + " make " + scenario::limits::grouped(runs) + " runs (budget " +
           scenario::limits::grouped(scenario::limits::kMaxCompareRuns) + " runs a compare)";
}
constexpr const char* kFewerRuns = "compare fewer variants (--variants a,b) or fewer seeds";

/// The policies in the order they are run and shown, the baseline first: --baseline, when it
/// names one, moves to the front (or joins, when --variants left it out); the others keep their
/// order. "" is the base. False, with the message, when the file declares no such variant.
bool placeBaseline(const CompareOptions& options, const scenario::Scenario& base,
                   std::vector<std::string>& names, std::string& error) {
    // the base as "", however it was named
    for (std::string& name : names)
        if (name == scenario::kBaseVariant) name.clear();
    if (options.baseline.empty()) return true;
    const std::string wanted = options.baseline == scenario::kBaseVariant ? std::string() : options.baseline;
    std::vector<std::string> choices = {std::string(scenario::kBaseVariant)};
    for (const auto& v : base.variants)
        choices.push_back(v.id);
    if (!wanted.empty() && std::find(choices.begin() + 1, choices.end(), wanted) == choices.end()) {
        // every choice named, and the nearest first when there is one near
        const std::string close = core::closestMatch(wanted, choices);
        std::string all;
        for (const std::string& c : choices)
            all += (all.empty() ? "" : ", ") + c;
        error = "--baseline: " + options.file + " has no variant " + core::quoted(wanted) + " (" +
                (close.empty() ? "" : "did you mean " + core::quoted(close) + "? ") + "the choices are " +
                all + ")";
        return false;
    }
    names.erase(std::remove(names.begin(), names.end(), wanted), names.end());
    names.insert(names.begin(), wanted);
    return true;
}

int runCompare(const CompareOptions& options, std::ostream& out, std::ostream& err) {
    // the variants named on the command line, against the budget before anything is read
    if (const std::string over = overRunBudget(options.variants.size(), options.seeds); !over.empty()) {
        err << "nofly compare: " << over << "; " << kFewerRuns << '\n';
        return kUsageError;
    }
    // the policies: each variant loaded once
    scenario::LoadResult base = scenario::loadScenarioFile(options.file);
    for (const core::Diagnostic& d : base.diagnostics.sorted())
        if (d.severity == core::Severity::Error) err << core::format(d) << '\n';
    if (!base.scenario) return kInputError;
    std::vector<std::string> names = options.variants;
    if (names.empty()) {
        names.push_back("");
        for (const auto& v : base.scenario->variants) names.push_back(v.id);
        // every variant of the file: the budget before any is loaded or run, at the file's variants
        if (const std::string over = overRunBudget(names.size(), options.seeds); !over.empty()) {
            core::Diagnostic d{core::Severity::Error, base.scenario->variants.front().where,
                               "the base and its " + std::to_string(names.size() - 1) + " variants: " + over,
                               kFewerRuns};
            err << core::format(d) << '\n';
            return kUsageError;
        }
    }
    // the baseline first; a baseline --variants left out is one policy more, within the budget too
    if (std::string error; !placeBaseline(options, *base.scenario, names, error)) {
        err << "nofly compare: " << error << '\n';
        return kUsageError;
    }
    if (const std::string over = overRunBudget(names.size(), options.seeds); !over.empty()) {
        err << "nofly compare: " << over << "; " << kFewerRuns << '\n';
        return kUsageError;
    }
    // each policy compiled once (its zone index, its zones' times in force), shared by its seeds
    std::vector<sim::CompiledScenario> policies;
    for (const std::string& name : names) {
        scenario::LoadResult r = scenario::loadScenarioFile(options.file, {name, {}, {}});
        for (const core::Diagnostic& d : r.diagnostics.sorted())
            if (d.severity == core::Severity::Error) err << core::format(d) << '\n';
        if (!r.scenario) return kInputError;
        policies.push_back(sim::compile(std::move(*r.scenario)));
    }
    // every (policy, seed) run in parallel, each into its own slot
    const std::size_t seeds = static_cast<std::size_t>(options.seeds);
    std::vector<RunSlot> slots(policies.size() * seeds);
    std::unique_ptr<tbb::global_control> limit;
    if (options.jobs > 0)
        limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                      static_cast<std::size_t>(options.jobs));
    tbb::parallel_for(std::size_t{0}, slots.size(), [&](std::size_t k) {
        const std::size_t p = k / seeds, s = k % seeds;
        const sim::CompiledScenario& policy = policies[p];
        const scenario::Scenario& scenario = *policy.scenario;
        sim::World world = sim::makeWorld(policy, scenario.seed + s);
        report::RunRecord run;
        run.scenario = &scenario;
        run.events = sim::runToEnd(policy, world);
        run.world = &world;
        run.metrics = report::computeMetrics(scenario, world, run.events);
        slots[k].total = run.metrics.total;
        if (s == 0) slots[k].map = report::mapSvg(run, report::SvgOptions{900, 675, scenario.view, {}});
    });

    report::Comparison comparison;
    comparison.title = base.scenario->title;
    comparison.description = base.scenario->description;
    comparison.file = options.file;
    comparison.leavesOut = base.scenario->leavesOut;
    comparison.headlines = base.scenario->headlines;
    for (std::size_t p = 0; p < policies.size(); ++p) {
        report::VariantRuns v;
        const scenario::Scenario& policy = *policies[p].scenario;
        v.variant = policy.variant;
        // the names and descriptions the file gives its policies; without a name, its id
        v.name = base.scenario->policyName(v.variant);
        v.description = base.scenario->policyDescription(v.variant);
        for (std::size_t s = 0; s < seeds; ++s) {
            v.seeds.push_back(policy.seed + s);
            v.runs.push_back(slots[p * seeds + s].total);
        }
        v.mapSvg = slots[p * seeds].map;
        comparison.variants.push_back(std::move(v));
    }

    out << report::comparisonTable(comparison);
    if (!options.out.empty()) {
        // the table and its page as one set: never a new table beside an old page
        report::OutputSet set;
        set.files = {{"compare.csv", report::comparisonCsv(comparison)},
                     {"compare.html", report::comparisonHtml(comparison)}};
        std::string error;
        if (!report::publishOutputSet(options.out, set, error)) {
            err << "nofly compare: " << error << '\n';
            return kInputError;
        }
        for (const report::OutputFile& file : set.files)
            out << "Wrote " << (std::filesystem::path(options.out) / file.name).string() << '\n';
    }
    return kOk;
}

} // namespace

void addWorkshopCommands(CLI::App& cli, std::vector<Command>& commands) {
    auto options = std::make_shared<CompareOptions>();
    CLI::App* compare = cli.add_subcommand(
        "compare", "Run every variant of a scenario on the same traffic, side by side, each against a "
                   "baseline (--baseline) seed by seed.");
    compare->add_option("file", options->file, "Scenario file")->required();
    compare
        ->add_option("--variants", options->variants,
                     "Variants to compare, in this order (base = none); "
                     "default: the base and every variant")
        ->delimiter(',');
    compare->add_option(
        "--baseline", options->baseline,
        "The variant every other is compared with, seed by seed (base = none); shown first, "
        "and run even when --variants leaves it out; default: the first of --variants, else base");
    checkSeedCount(*compare->add_option("--seeds", options->seeds,
                                        "Random draws of the traffic per variant (seed, seed+1, ...)")
                        ->capture_default_str());
    checkJobs(*compare->add_option("--jobs", options->jobs, "Runs at once; 0 = every core")->capture_default_str());
    compare->add_option("--out", options->out, "Write compare.csv and compare.html into this folder");
    commands.push_back({compare, [options] { return runCompare(*options, std::cout, std::cerr); }});
}

} // namespace nofly::app
