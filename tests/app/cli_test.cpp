// The real `nofly` program, run as a user runs it: exit codes, messages and
// the JSON form, on real files.
#include "nofly_process.hpp"

#include "core/version.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using nofly::testing::nofly;
using nofly::testing::Outcome;

TEST(Cli, HelpListsTheCommands) {
    const Outcome r = nofly("--help");
    EXPECT_EQ(r.exit, 0);
    EXPECT_THAT(r.out, HasSubstr("check"));
    EXPECT_THAT(r.out, HasSubstr("Exit codes"));
}

// Every command and every option the program has is in docs/cli.md, in that command's section
// ("## `nofly NAME ..."), so that the reference a user reads is the program they run.
TEST(Cli, EveryCommandAndOptionIsInTheReference) {
    const std::string docs =
        nofly::testing::slurp(std::filesystem::path(NOFLY_SOURCE_DIR) / "docs" / "cli.md");
    const Outcome help = nofly("--help");
    const std::string commands = help.out.substr(help.out.find("Subcommands:"));
    std::regex command(R"(\n  ([a-z]+) )");
    int checked = 0;
    for (auto c = std::sregex_iterator(commands.begin(), commands.end(), command);
         c != std::sregex_iterator(); ++c) {
        const std::string name = (*c)[1];
        const auto start = docs.find("## `nofly " + name);
        ASSERT_NE(start, std::string::npos) << "docs/cli.md has no section for nofly " << name;
        const auto end = docs.find("\n## ", start + 1);
        const std::string section =
            docs.substr(start, end == std::string::npos ? std::string::npos : end - start);
        const Outcome options = nofly(name + " --help");
        std::regex option(R"((--[a-z][a-z0-9-]*))");
        for (auto o = std::sregex_iterator(options.out.begin(), options.out.end(), option);
             o != std::sregex_iterator(); ++o) {
            const std::string flag = (*o)[1];
            if (flag == "--help") continue;
            // the flag itself, not a longer one it begins ("--class" in "--class-port")
            const std::regex named(flag + "(?![a-z0-9-])");
            EXPECT_TRUE(std::regex_search(section, named))
                << "nofly " << name << " " << flag << " is not in its section of docs/cli.md";
        }
        ++checked;
    }
    EXPECT_GE(checked, 14);
}

TEST(Cli, CheckHelpListsEveryOption) {
    const Outcome r = nofly("check --help");
    EXPECT_EQ(r.exit, 0);
    EXPECT_THAT(r.out, HasSubstr("--quiet"));
    EXPECT_THAT(r.out, HasSubstr("--format"));
}

// --version names the asset folder in use and why (docs/cli.md); from the
// build folder, the source tree's. The installed case: tests/install.
TEST(Cli, VersionNamesTheAssetFolderInUse) {
    const std::string program = std::string("'") + NOFLY_BINARY + "' --version";
    const Outcome built = nofly::testing::shell("env -u NOFLY_ASSETS " + program);
    EXPECT_EQ(built.exit, 0);
    EXPECT_EQ(built.out, std::string("nofly ") + nofly::core::kVersion + "\nassets: " + NOFLY_SOURCE_DIR +
                             "/assets (source tree)\n");
    const Outcome overridden = nofly::testing::shell("NOFLY_ASSETS=/elsewhere/assets " + program);
    EXPECT_EQ(overridden.exit, 0);
    EXPECT_THAT(overridden.out, HasSubstr("\nassets: /elsewhere/assets (NOFLY_ASSETS)\n"));
}

TEST(Cli, NoCommandIsAUsageError) { EXPECT_EQ(nofly("").exit, 2); }

TEST(Cli, UnknownOptionIsAUsageError) { EXPECT_EQ(nofly("check --frobnicate x.yaml").exit, 2); }

TEST(Cli, MissingFileIsAUsageError) {
    const Outcome r = nofly("check no/such/file.yaml");
    EXPECT_EQ(r.exit, 2);
    EXPECT_THAT(r.out, HasSubstr("no/such/file.yaml: no such file or folder"));
}

TEST(Cli, ValidScenarioPrintsItsSummary) {
    const Outcome r = nofly("check scenarios/denmark_2025/summit_ban.yaml");
    EXPECT_EQ(r.exit, 0) << r.out;
    EXPECT_THAT(r.out, HasSubstr("Copenhagen summit day, 1 October 2025"));
    EXPECT_THAT(r.out, HasSubstr("prohibited"));
    EXPECT_THAT(r.out, HasSubstr("2025-10-01T07:00:00+02:00 to 2025-10-01T13:00:00+02:00 (6 h)"));
    EXPECT_THAT(r.out, HasSubstr("1 of 1 scenario file valid"));
}

TEST(Cli, EveryShippedScenarioPassesCheck) {
    const Outcome r = nofly("check --quiet scenarios/denmark_2025 scenarios/tutorial scenarios/world");
    EXPECT_EQ(r.exit, 0) << r.out;
}

TEST(Cli, InvalidScenarioExitsOneWithFileLineColumn) {
    const Outcome r = nofly("check scenarios/invalid/unknown_key.yaml");
    EXPECT_EQ(r.exit, 1);
    EXPECT_THAT(r.out, HasSubstr("scenarios/invalid/unknown_key.yaml:10:5: error: zone 'park': unknown key "
                                 "'restrction' (did you mean 'restriction'?)"));
    EXPECT_THAT(r.out, HasSubstr("0 of 1 scenario file valid; 1 with errors"));
}

TEST(Cli, EveryInvalidScenarioFails) {
    const Outcome r = nofly("check --quiet scenarios/invalid");
    EXPECT_EQ(r.exit, 1);
    EXPECT_THAT(r.out, HasSubstr("0 of "));
}

TEST(Cli, QuietPrintsNothingForValidFiles) {
    const Outcome r = nofly("check --quiet scenarios/tutorial/01_one_zone_one_flight.yaml");
    EXPECT_EQ(r.exit, 0);
    EXPECT_EQ(r.out, "");
}

TEST(Cli, JsonFormatCarriesDiagnosticsWithLines) {
    const Outcome r = nofly("check --format json scenarios/invalid/negative_radius.yaml", false);
    EXPECT_EQ(r.exit, 1);
    EXPECT_THAT(r.out, HasSubstr("\"valid\": false"));
    EXPECT_THAT(r.out, HasSubstr("\"line\": 8"));
    EXPECT_THAT(r.out, HasSubstr("must be more than zero"));
}

TEST(Cli, JsonFormatSummarisesValidFiles) {
    const Outcome r = nofly("check --format json scenarios/denmark_2025/summit_ban.yaml", false);
    EXPECT_EQ(r.exit, 0);
    EXPECT_THAT(r.out, HasSubstr("\"valid\": true"));
    EXPECT_THAT(r.out, HasSubstr("\"variants\": ["));
    EXPECT_THAT(r.out, HasSubstr("\"status-quo\""));
}

TEST(Cli, BadFormatIsAUsageError) { EXPECT_EQ(nofly("check --format xml scenarios/tutorial").exit, 2); }

// --- every numeric option range-checked, every unknown name exit 2 (issue 22) ---------

const std::string kLesson = "scenarios/tutorial/01_one_zone_one_flight.yaml";

TEST(Cli, ASeedIsAWholeNumberInRangeNotCoerced) {
    // -1, 2^64 and 1e23 all once became 18446744073709551615
    for (const char* seed : {"-1", "18446744073709551616", "1e23", "0x10", "9007199254740992"}) {
        const Outcome o = nofly("run --quiet " + kLesson + " --seed " + seed);
        EXPECT_EQ(o.exit, 2) << seed;
        EXPECT_THAT(o.out, HasSubstr(std::string("--seed: a seed is a whole number from 0 to 9007199254740991, not '") +
                                     seed + "'"));
    }
    EXPECT_EQ(nofly("explain " + kLesson + " f --seed -1").exit, 2);
    // "010" is ten, not octal eight: the report says which seed ran
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("nofly-cli-seed-" + std::to_string(::getpid()));
    const Outcome ten = nofly("run --quiet " + kLesson + " --seed 010 --out '" + dir.string() + "'", false);
    EXPECT_EQ(ten.exit, 0);
    EXPECT_THAT(nofly::testing::slurp(dir / "report.json"), HasSubstr("\"seed\": 10,"));
    std::filesystem::remove_all(dir);
}

TEST(Cli, SeedsAndJobsAreBoundedAlikeInSweepAndCompare) {
    // sweep took 0 as 1 while compare refused it; a billion seeds ran out of memory
    for (const std::string& command : {"compare " + kLesson, "sweep " + kLesson + " --set time.step=1s"}) {
        for (const char* seeds : {"0", "1001", "1000000000"}) {
            const Outcome o = nofly(command + " --seeds " + seeds);
            EXPECT_EQ(o.exit, 2) << command << seeds;
            EXPECT_THAT(o.out, HasSubstr(std::string("--seeds: Value ") + seeds + " not in range 1 to 1000"));
        }
        const Outcome jobs = nofly(command + " --jobs -1");
        EXPECT_EQ(jobs.exit, 2) << command;
        EXPECT_THAT(jobs.out, HasSubstr("--jobs: Value -1 not in range 0 to 1024"));
    }
    EXPECT_EQ(nofly("sweep " + kLesson + " --set time.step=1s --seed-from -1").exit, 2);
}

TEST(Cli, EmittedJobsNeverRunPastTheLargestSeed) {
    const Outcome o = nofly("sweep " + kLesson + " --set time.step=1s --emit-jobs --seed-from 9007199254740990 "
                            "--seeds 5");
    EXPECT_EQ(o.exit, 2);
    EXPECT_THAT(o.out, HasSubstr("nofly sweep: --seeds 5 from seed 9007199254740990 run past the largest seed, "
                                 "9007199254740991 (start from a smaller --seed-from)"));
    EXPECT_EQ(nofly("sweep " + kLesson + " --set time.step=1s --emit-jobs --seed-from 9007199254740987 --seeds 5")
                  .exit,
              0);
}

TEST(Cli, WhereAtNotANumberIsRefused) {
    // "NAN,NAN" answered "inside 3 zones"
    for (const char* at : {"NAN,NAN", "INF,0", "55.6,NaN", "0x10,5", "91,0"}) {
        const Outcome o = nofly("where " + kLesson + " --at " + at);
        EXPECT_EQ(o.exit, 2) << at;
        EXPECT_THAT(o.out, HasSubstr(std::string("nofly where: --at '") + at + "'")) << at;
    }
    EXPECT_EQ(nofly("where " + kLesson + " --at 55.6,12.6").exit, 0);
}

TEST(Cli, AnUnknownVariantIsACommandLineErrorWithASuggestion) {
    const std::string ban = "scenarios/denmark_2025/summit_ban.yaml";
    for (const std::string& command : {"run --quiet " + ban, "where " + ban + " --at 55.6,12.6", "explain " + ban + " x",
                                      "export " + ban + " --format geojson", "sweep " + ban + " --set time.step=1s",
                                      "render " + ban + " --at 09:00"}) {
        const Outcome o = nofly(command + " --variant status-qou");
        EXPECT_EQ(o.exit, 2) << command;
        EXPECT_THAT(o.out, HasSubstr("--variant: " + ban + " has no variant 'status-qou' (did you mean "
                                     "'status-quo'?)"))
            << command;
    }
    const Outcome compare = nofly("compare " + ban + " --variants base,status-qou");
    EXPECT_EQ(compare.exit, 2);
    EXPECT_THAT(compare.out, HasSubstr("nofly compare: --variants: " + ban + " has no variant 'status-qou' (did you "
                                       "mean 'status-quo'?)"));
    const Outcome none = nofly("run " + kLesson + " --variant strict");
    EXPECT_EQ(none.exit, 2);
    EXPECT_THAT(none.out, HasSubstr("has no variant 'strict' (it declares no variants)"));
}

TEST(Cli, RunUntilOutsideTheScenarioIsACommandLineError) {
    // before the start it failed through the expectations (exit 1)
    const Outcome before = nofly("run --quiet " + kLesson + " --until 07:00");
    EXPECT_EQ(before.exit, 2);
    EXPECT_THAT(before.out, HasSubstr("nofly run: --until 07:00 is before the scenario starts at 10:00 (give a time "
                                      "within 10:00-12:00)"));
    const Outcome after = nofly("run --quiet " + kLesson + " --until '+3 h'");
    EXPECT_EQ(after.exit, 2);
    EXPECT_THAT(after.out, HasSubstr("nofly run: --until +3 h is after the scenario ends at 12:00"));
}

TEST(Cli, AScenarioWhoseNameIsNotUtf8IsRefusedNotACrash) {
    // a Latin-1 "café.yaml": its name goes into report.json, which must be UTF-8 (it was exit 3)
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("nofly-cli-name-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::filesystem::copy_file(std::string(NOFLY_SOURCE_DIR) + "/" + kLesson, dir / "caf\xE9.yaml");
    const Outcome run = nofly("run --quiet '" + (dir / "caf\xE9.yaml").string() + "' --out '" +
                              (dir / "out").string() + "'");
    EXPECT_EQ(run.exit, 1);
    EXPECT_THAT(run.out, HasSubstr("caf\\xE9.yaml: error: cannot read the scenario: its name is not UTF-8 (rename "
                                   "the file: the name of a scenario is written into its reports, which are UTF-8)"));
    const Outcome json = nofly("check --format json '" + dir.string() + "'", false);
    EXPECT_EQ(json.exit, 1);
    EXPECT_THAT(json.out, HasSubstr("\"file\": \"" + dir.string() + "/caf\\\\xE9.yaml\""));
    std::filesystem::remove_all(dir);
}

} // namespace
