// The `nofly` command line: one function per command, each returning the
// process exit code (0 ok, 1 the input is wrong, 2 the command line is wrong,
// 3 an internal fault).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace nofly::app {

enum ExitCode { kOk = 0, kInputError = 1, kUsageError = 2, kInternalError = 3 };

struct CheckOptions {
    std::vector<std::string> paths; ///< files, or folders searched for *.yaml
    bool quiet = false;             ///< diagnostics only, no summary
    std::string format = "text";    ///< text | json
};

int runCheck(const CheckOptions& options, std::ostream& out, std::ostream& err);

/// Parses the command line and runs the command.
int runCli(int argc, char** argv);

/// The scenario files named by paths: files as given, folders searched
/// (recursively, sorted) for *.yaml files, leaving out include fragments,
/// whose names start with '_'.
std::vector<std::string> scenarioFiles(const std::vector<std::string>& paths, std::vector<std::string>& missing);

} // namespace nofly::app
