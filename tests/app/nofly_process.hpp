// Running the real `nofly` program from tests, as a user runs it from the
// source tree: its exit code and what it printed.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace nofly::testing {

struct Outcome {
    int exit = -1;
    std::string out; ///< standard output, and standard error unless left out
};

/// A shell command's exit code and output (standard error included).
inline Outcome shell(const std::string& command, bool withStderr = true) {
    Outcome o;
    FILE* pipe = popen((command + (withStderr ? " 2>&1" : " 2>/dev/null")).c_str(), "r");
    if (!pipe) return o;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) o.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    o.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return o;
}

/// `nofly ARGUMENTS` run in the source tree.
inline Outcome nofly(const std::string& arguments, bool withStderr = true) {
    return shell(std::string("cd '") + NOFLY_SOURCE_DIR + "' && '" + NOFLY_BINARY + "' " + arguments, withStderr);
}

/// A file's bytes.
inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace nofly::testing
