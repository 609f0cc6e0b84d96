#include "app/commands.hpp"

#include "core/version.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

namespace nofly::app {

int runCli(int argc, char** argv) {
    CLI::App cli{"nofly: an educational airspace-restriction simulator.\n"
                 "Loads YAML scenarios of no-fly zones and drone flights and shows what happens and why.",
                 "nofly"};
    cli.set_version_flag("--version", core::kVersion);
    cli.require_subcommand(1);
    cli.footer("Exit codes: 0 ok, 1 the input is wrong, 2 the command line is wrong, 3 an internal fault.\n"
               "Run 'nofly COMMAND --help' for a command's options. Documentation: docs/ in the source tree.");

    // nofly check
    CheckOptions check;
    CLI::App* checkCommand =
        cli.add_subcommand("check", "Validate scenario files and print a summary of each; "
                                    "every problem is reported as file:line:col.");
    checkCommand->add_option("paths", check.paths, "Scenario files, or folders searched for *.yaml")->required();
    checkCommand->add_flag("-q,--quiet", check.quiet, "Print only problems, no summaries");
    checkCommand->add_option("--format", check.format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? kOk : kUsageError;
    }

    try {
        if (*checkCommand) return runCheck(check, std::cout, std::cerr);
    } catch (const std::exception& e) {
        std::cerr << "nofly: internal error: " << e.what() << "\n";
        return kInternalError;
    }
    return kUsageError;
}

} // namespace nofly::app
