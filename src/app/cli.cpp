#include "app/commands.hpp"

#include "core/version.hpp"
#include "scenario/assets.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <memory>
#include <iostream>
#include <string>

namespace nofly::app {

namespace {

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
    runCommand->add_option("--until", run->until, "Stop at this time (08:30, +2 h, or ISO 8601)");
    runCommand->add_option("--out", run->out,
                           "Write report.json, events.csv, flights.csv, tracks.geojson and map.svg into this folder");
    runCommand->add_flag("--html", run->html, "Also write report.html, a self-contained handout (needs --out)");
    runCommand->add_flag("-q,--quiet", run->quiet, "No progress bar and no summary table");
    runCommand->add_option("--answer", run->answers,
                           "The class's answer to a question of the scenario, QUESTION=CHOICE (repeatable); the "
                           "report lists them against what happened")
        ->allow_extra_args(false); // one value each time: `--answer a=b FILE` leaves FILE alone

    commands.push_back({runCommand, [run, runSeed, runSeedOption] {
                            if (*runSeedOption) run->seed = *runSeed;
                            return runRun(*run, std::cout, std::cerr);
                        }});

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

    commands.push_back({explainCommand, [explain, explainSeed, explainSeedOption] {
                            if (*explainSeedOption) explain->seed = *explainSeed;
                            return runExplain(*explain, std::cout, std::cerr);
                        }});
}

} // namespace

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
    addWindowCommands(cli, commands);
    addWorkshopCommands(cli, commands);
    addSweepCommand(cli, commands);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? kOk : kUsageError;
    }

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
