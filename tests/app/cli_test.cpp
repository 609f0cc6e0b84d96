// The real `nofly` program, run as a user runs it: exit codes, messages and
// the JSON form, on real files.
#include "nofly_process.hpp"

#include "core/version.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

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
    const Outcome r = nofly("check --quiet scenarios/denmark_2025 scenarios/tutorial");
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

} // namespace
