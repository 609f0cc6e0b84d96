// The `nofly` command line: one function per command, each returning the
// process exit code (0 ok, 1 the input is wrong, 2 the command line is wrong,
// 3 an internal fault).
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace nofly::app {

enum ExitCode { kOk = 0, kInputError = 1, kUsageError = 2, kInternalError = 3 };

struct CheckOptions {
    std::vector<std::string> paths; ///< files, or folders searched for *.yaml
    bool quiet = false;             ///< diagnostics only, no summary
    std::string format = "text";    ///< text | json
};

int runCheck(const CheckOptions& options, std::ostream& out, std::ostream& err);

struct RunOptions {
    std::string file;
    std::string variant;
    std::optional<std::uint64_t> seed; ///< overrides the scenario's seed
    std::string until;                 ///< stop early: a time as the scenario writes them
    std::string out;                   ///< folder for the report files; empty: none
    bool html = false;                 ///< also report.html in the folder
    bool quiet = false;                ///< no progress bar, no summary table
    std::vector<std::string> answers;  ///< the class's predictions, "QUESTION=CHOICE"
};
int runRun(const RunOptions& options, std::ostream& out, std::ostream& err);

struct ReplayOptions {
    std::string file;
    std::string variant;
    std::optional<std::uint64_t> seed; ///< overrides the scenario's seed
    std::string out;                   ///< the HTML file to write
    std::vector<std::string> split;    ///< two variants side by side ("base" for none); empty: one map
};
/// `nofly replay`: the run as one self-contained HTML file (report/replay.hpp), written atomically.
int runReplay(const ReplayOptions& options, std::ostream& out, std::ostream& err);

struct GuideOptions {
    std::string file;
    std::string variant; ///< the policy the class sees first; empty: the scenario as written
    std::string out;     ///< the HTML file to write
};
/// `nofly guide`: the teacher's one-page guide (report/guide.hpp), from a run of every policy, written
/// atomically.
int runGuide(const GuideOptions& options, std::ostream& out, std::ostream& err);

struct WhereOptions {
    std::string file;
    std::string variant;
    std::string at;                 ///< "LAT,LON", "X,Y" with units, or a place or airport id
    std::string time;               ///< default: the scenario's start
    std::string altitude = "60 m";  ///< AGL
    std::string category = "hobby";
};
int runWhere(const WhereOptions& options, std::ostream& out, std::ostream& err);

struct ExplainOptions {
    std::string file;
    std::string flight;
    std::string variant;
    std::optional<std::uint64_t> seed;
};
int runExplain(const ExplainOptions& options, std::ostream& out, std::ostream& err);

// --- real airspace data in and out, and the schema (data_commands.cpp) ---

struct ImportOptions {
    std::string file;
    std::string format;               ///< ed269 | ed318 | geojson | openair; empty: detected
    std::string out;                  ///< the fragment's file; empty: standard output
    std::string lang = "en";          ///< ED-318 texts
    bool skipBad = false;             ///< leave out features that cannot be used
    bool lenient = false;             ///< ED-318: read what national downloads bend, with warnings
    std::string mapping;              ///< GeoJSON / OpenAir mapping file
    std::string utcOffset = "+00:00"; ///< the local time weekly clock times are written in
};
int runImport(const ImportOptions& options, std::ostream& out, std::ostream& err);

struct ExportOptions {
    std::string file;
    std::string variant;
    std::string format; ///< geojson | ed269
    std::string out;    ///< empty: standard output
};
int runExport(const ExportOptions& options, std::ostream& out, std::ostream& err);

struct SchemaOptions {
    std::string out; ///< empty: standard output
};
int runSchema(const SchemaOptions& options, std::ostream& out, std::ostream& err);

/// Parses the command line and runs the command.
int runCli(int argc, char** argv);

/// A subcommand and what to do when the command line names it. Each family of
/// commands adds its own in an add...Commands(CLI::App&, std::vector<Command>&)
/// function, called from runCli.
struct Command {
    CLI::App* app = nullptr;
    std::function<int()> run;
};

/// Range checks shared by the commands' numeric options (cli.cpp): a seed is
/// a whole number in decimal from 0 to scenario::kLargestSeed (CLI11 alone
/// would read "-1" as 2^64 - 1 and "010" as 8); a count of seeds is 1 to
/// kMaxSeeds; a count of jobs 0 (every core) to kMaxJobs.
inline constexpr int kMaxSeeds = 1000;
inline constexpr int kMaxJobs = 1024;
void checkSeed(CLI::Option& option);
void checkSeedCount(CLI::Option& option);
void checkJobs(CLI::Option& option);

/// import, export and schema (data_commands.cpp).
void addDataCommands(CLI::App& cli, std::vector<Command>& commands);

/// basemap: a basemap cut from real datasets (basemap_command.cpp).
void addBasemapCommand(CLI::App& cli, std::vector<Command>& commands);

/// view and render: the window and its pictures (view_command.cpp).
void addWindowCommands(CLI::App& cli, std::vector<Command>& commands);
/// compare: policies side by side.
void addWorkshopCommands(CLI::App& cli, std::vector<Command>& commands);
/// sweep: a grid of setting values over seeds.
void addSweepCommand(CLI::App& cli, std::vector<Command>& commands);

/// A scenario file to check, and the folder it was found in (empty when the
/// file was named itself): a file found in a folder must lie inside it.
struct FoundFile {
    std::string path;
    std::string folder;
};

/// The scenario files named by paths: files as given, folders searched
/// (recursively, sorted) for *.yaml files, leaving out include fragments,
/// whose names start with '_'.
std::vector<FoundFile> scenarioFiles(const std::vector<std::string>& paths, std::vector<std::string>& missing);

} // namespace nofly::app
