#include "app/commands.hpp"

#include "core/text.hpp"
#include "core/version.hpp"
#include "scenario/assets.hpp"
#include "scenario/loader.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <exception>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>

namespace nofly::app {

namespace {

/// A variant named on the command line (--variant, --variants, --split) that
/// the scenario file does not declare: a mistake of the command line, exit 2
/// with a suggestion, as an unknown --answer or --operator is. Checked once
/// here for every command; a file that cannot be read is left to the command.
int checkVariantNames(CLI::App& app, std::ostream& err) {
    const CLI::Option* file = app.get_option_no_throw("file");
    if (!file || file->count() == 0) return kOk;
    const std::string path = file->as<std::string>();
    std::optional<std::vector<std::string>> declared;
    for (const char* name : {"--variant", "--variants", "--split"}) {
        const CLI::Option* option = app.get_option_no_throw(name);
        if (!option || option->count() == 0) continue;
        for (const std::string& value : option->as<std::vector<std::string>>()) {
            std::stringstream words(value);
            for (std::string variant; std::getline(words, variant, ',');) {
                if (variant.empty() || variant == scenario::kBaseVariant) continue;
                if (!declared) declared = scenario::declaredVariants(path);
                if (!declared) return kOk;
                if (std::find(declared->begin(), declared->end(), variant) != declared->end()) continue;
                err << "nofly " << app.get_name() << ": " << name << ": " << path << " has no variant "
                    << core::quoted(variant) << " ("
                    << (declared->empty() ? "it declares no variants" : core::suggestion(variant, *declared))
                    << ")\n";
                return kUsageError;
            }
        }
    }
    return kOk;
}

/// check, run, where and explain.
void addSimulationCommands(CLI::App& cli, std::vector<Command>& commands) {
    // nofly check
    auto check = std::make_shared<CheckOptions>();
    CLI::App* checkCommand =
        cli.add_subcommand("check", "Validate scenario files and print a summary of each; "
                                    "every problem is reported as file:line:col.");
    checkCommand->add_option("paths", check->paths, "Scenario files, or folders searched for *.yaml")->required();
    checkCommand->add_flag("-q,--quiet", check->quiet, "Print only problems, no summaries");
    checkCommand->add_option("--format", check->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();

    commands.push_back({checkCommand, [check] { return runCheck(*check, std::cout, std::cerr); }});

    // nofly run
    auto run = std::make_shared<RunOptions>();
    auto runSeed = std::make_shared<std::uint64_t>(0);
    CLI::App* runCommand = cli.add_subcommand(
        "run", "Run a scenario headless: print a summary table, check its expect: lines, write report files.");
    runCommand->add_option("file", run->file, "Scenario file")->required();
    runCommand->add_option("--variant", run->variant, "Apply this variant of the scenario");
    CLI::Option* runSeedOption = runCommand->add_option("--seed", *runSeed, "Use this seed instead of the scenario's");
    checkSeed(*runSeedOption);
    runCommand->add_option("--until", run->until, "Stop at this time (08:30, +2 h, or ISO 8601)");
    runCommand->add_option("--out", run->out,
                           "Write report.json, events.csv, flights.csv, tracks.geojson and map.svg into this folder");
    runCommand->add_flag("--html", run->html, "Also write report.html, a self-contained handout (needs --out)");
    runCommand->add_flag("-q,--quiet", run->quiet, "No progress bar and no summary table");
    runCommand
        ->add_option("--answer", run->answers,
                     "The class's votes on a question of the scenario: QUESTION=CHOICE (one vote) or "
                     "QUESTION=CHOICE:N,CHOICE:N (the votes counted; repeatable); the report lists them "
                     "against what happened")
        ->allow_extra_args(false); // one value each time: `--answer a=b FILE` leaves FILE alone

    commands.push_back({runCommand, [run, runSeed, runSeedOption] {
                            if (*runSeedOption) run->seed = *runSeed;
                            return runRun(*run, std::cout, std::cerr);
                        }});

    // nofly replay
    auto replay = std::make_shared<ReplayOptions>();
    auto replaySeed = std::make_shared<std::uint64_t>(0);
    CLI::App* replayCommand = cli.add_subcommand(
        "replay", "Write the run as one self-contained HTML file that plays in any browser, with no network "
                  "and no install: the map, play and pause, a time slider, the events, verdict cards and "
                  "questions.");
    replayCommand->add_option("file", replay->file, "Scenario file")->required();
    replayCommand->add_option("-o,--out", replay->out, "The HTML file to write (run.html)")->required();
    replayCommand->add_option("--variant", replay->variant, "Apply this variant of the scenario");
    replayCommand
        ->add_option("--split", replay->split,
                     "Two variants side by side on one clock, A,B (base for the scenario as written)")
        ->delimiter(',');
    CLI::Option* replaySeedOption =
        replayCommand->add_option("--seed", *replaySeed, "Use this seed instead of the scenario's");
    checkSeed(*replaySeedOption);
    commands.push_back({replayCommand, [replay, replaySeed, replaySeedOption] {
                            if (*replaySeedOption) replay->seed = *replaySeed;
                            return runReplay(*replay, std::cout, std::cerr);
                        }});

    // nofly guide
    auto guide = std::make_shared<GuideOptions>();
    CLI::App* guideCommand = cli.add_subcommand(
        "guide",
        "Write the teacher's one-page guide to a scenario as HTML to print: the story, how to run it, "
        "when the clock stops for each question and its answer, what to point at, the policies to "
        "show next and the sources.");
    guideCommand->add_option("file", guide->file, "Scenario file")->required();
    guideCommand->add_option("-o,--out", guide->out, "The HTML file to write (guide.html)")->required();
    guideCommand->add_option("--variant", guide->variant,
                             "The policy the class sees first (default: as written)");
    commands.push_back({guideCommand, [guide] { return runGuide(*guide, std::cout, std::cerr); }});

    // nofly where
    auto where = std::make_shared<WhereOptions>();
    CLI::App* whereCommand =
        cli.add_subcommand("where", "Can this operator fly here then? The zones at a point and the verdict.");
    whereCommand->add_option("file", where->file, "Scenario file")->required();
    whereCommand->add_option("--at", where->at, "LAT,LON in degrees, X,Y with units (2km,-500m), or a place or airport id")
        ->required();
    whereCommand->add_option("--time", where->time, "When (08:30, +2 h, or ISO 8601); default: the scenario's start");
    whereCommand->add_option("--altitude", where->altitude, "Height above ground")->capture_default_str();
    whereCommand->add_option("--operator", where->category, "Operator category")->capture_default_str();
    whereCommand->add_option("--variant", where->variant, "Apply this variant of the scenario");

    commands.push_back({whereCommand, [where] { return runWhere(*where, std::cout, std::cerr); }});

    // nofly explain
    auto explain = std::make_shared<ExplainOptions>();
    auto explainSeed = std::make_shared<std::uint64_t>(0);
    CLI::App* explainCommand =
        cli.add_subcommand("explain", "Run a scenario and print every verdict card and event of one flight, "
                                      "airport (its closures) or track (T1, T2, ...).");
    explainCommand->add_option("file", explain->file, "Scenario file")->required();
    explainCommand->add_option("flight", explain->flight,
                               "Flight id (generated flights: TRAFFIC-ID-NN), airport id (EKCH) or track id (T4)")
        ->required();
    explainCommand->add_option("--variant", explain->variant, "Apply this variant of the scenario");
    CLI::Option* explainSeedOption =
        explainCommand->add_option("--seed", *explainSeed, "Use this seed instead of the scenario's");
    checkSeed(*explainSeedOption);

    commands.push_back({explainCommand, [explain, explainSeed, explainSeedOption] {
                            if (*explainSeedOption) explain->seed = *explainSeed;
                            return runExplain(*explain, std::cout, std::cerr);
                        }});
}

} // namespace

void checkSeed(CLI::Option& option) {
    // a transform, not a check: only a transform may write the value back
    option.transform(CLI::Validator(
        [](std::string& text) -> std::string {
            std::uint64_t seed = 0;
            const char* end = text.data() + text.size();
            const auto [stop, ec] = std::from_chars(text.data(), end, seed);
            if (text.empty() || ec != std::errc() || stop != end || seed > scenario::kLargestSeed)
                return "a seed is a whole number from 0 to " + std::to_string(scenario::kLargestSeed) + ", not " +
                       core::quoted(text);
            text = std::to_string(seed); // as written, in decimal: CLI11 would read "010" as octal
            return {};
        },
        "SEED"));
}

void checkSeedCount(CLI::Option& option) { option.check(CLI::Range(1, kMaxSeeds)); }

void checkJobs(CLI::Option& option) { option.check(CLI::Range(0, kMaxJobs)); }

int runCli(int argc, char** argv) {
    CLI::App cli{"nofly: an educational airspace-restriction simulator.\n"
                 "Loads YAML scenarios of no-fly zones and drone flights and shows what happens and why.",
                 "nofly"};
    // the version, and the asset folder this copy uses and why (docs/cli.md)
    cli.set_version_flag(
        "--version",
        [] {
            const scenario::AssetLocation assets = scenario::locateAssets();
            return std::string("nofly ") + core::kVersion + "\nassets: " + assets.path + " (" +
                   scenario::describe(assets.origin) + ")";
        },
        "Print the version and the asset folder in use, then exit");
    cli.require_subcommand(1);
    cli.footer("Exit codes: 0 ok, 1 the input is wrong, 2 the command line is wrong, 3 an internal fault.\n"
               "Run 'nofly COMMAND --help' for a command's options. Documentation: man nofly, and docs/ in the\n"
               "source tree or share/doc/nofly where nofly is installed.");

    // every command registers itself with its action; one line a family
    std::vector<Command> commands;
    addSimulationCommands(cli, commands);
    addDataCommands(cli, commands);
    addBasemapCommand(cli, commands);
    addWindowCommands(cli, commands);
    addWorkshopCommands(cli, commands);
    addSweepCommand(cli, commands);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? kOk : kUsageError;
    }

    for (const Command& command : commands)
        if (command.app->parsed())
            if (const int code = checkVariantNames(*command.app, std::cerr); code != kOk) return code;

    try {
        for (const Command& command : commands)
            if (command.app->parsed()) return command.run();
    } catch (const std::exception& e) {
        std::cerr << "nofly: internal error: " << e.what() << "\n";
        return kInternalError;
    }
    return kUsageError;
}

} // namespace nofly::app
