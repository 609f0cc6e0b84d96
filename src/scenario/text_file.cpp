#include "scenario/text_file.hpp"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nofly::scenario {

namespace fs = std::filesystem;

namespace {

/// "8 MiB" for a whole number of them; else a tenth cut, and the bytes, so that
/// a file just past a limit never reads as the limit ("8.0 MiB (8388609 bytes)").
std::string mebibytes(std::size_t bytes) {
    constexpr std::size_t kMiB = 1u << 20;
    if (bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
    const std::size_t tenths = bytes * 10 / kMiB;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MiB (" + std::to_string(bytes) +
           " bytes)";
}

/// Closes a descriptor on every way out.
struct Descriptor {
    int fd = -1;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

} // namespace

std::optional<std::string> resolveInTree(const std::string& path, const std::string& tree, FileProblem& problem) {
    std::error_code ec;
    // every link of the path followed, by the system's rules; a missing tail stays as written
    const fs::path resolved = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) {
        problem.message = "cannot be found: " + ec.message();
        return std::nullopt;
    }
    if (!tree.empty()) {
        const fs::path root = fs::weakly_canonical(fs::absolute(tree, ec), ec);
        const auto [rootEnd, pathIt] = std::mismatch(root.begin(), root.end(), resolved.begin(), resolved.end());
        if (ec || rootEnd != root.end()) {
            problem.outside = true;
            problem.message = "leaves the scenario's folder";
            return std::nullopt;
        }
    }
    return resolved.string();
}

std::optional<std::string> readTextFile(const std::string& path, const std::string& tree, std::size_t maxBytes,
                                        const char* verb, FileProblem& problem, std::string* resolvedOut) {
    const std::optional<std::string> resolved = resolveInTree(path, tree, problem);
    if (!resolved) return std::nullopt;
    if (resolvedOut) *resolvedOut = *resolved;

    // the resolved path itself: no link followed now, and a pipe does not block the open
    Descriptor file;
    file.fd = ::open(resolved->c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (file.fd < 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR) problem.message = "no such file";
        else if (error == ELOOP) problem.message = "changed while being read (it is a link now)";
        else problem.message = "cannot be opened: " + std::generic_category().message(error);
        return std::nullopt;
    }
    struct stat status {};
    if (::fstat(file.fd, &status) != 0) {
        problem.message = "cannot read: " + std::generic_category().message(errno);
        return std::nullopt;
    }
    if (!S_ISREG(status.st_mode)) {
        problem.message = "is not a regular file";
        return std::nullopt;
    }
    const auto size = static_cast<std::size_t>(status.st_size);
    if (size > maxBytes) {
        problem.message = "is " + mebibytes(size) + "; the largest file nofly " + verb + " is " + mebibytes(maxBytes);
        return std::nullopt;
    }

    // never more than the limit, even from a file that grows while it is read
    std::string text(std::min(size, maxBytes) + 1, '\0');
    std::size_t got = 0;
    while (true) {
        if (got == text.size()) {
            if (text.size() > maxBytes) {
                problem.message = "grew past " + mebibytes(maxBytes) + " while being read";
                return std::nullopt;
            }
            text.resize(std::min(maxBytes + 1, text.size() * 2));
        }
        const ssize_t n = ::read(file.fd, text.data() + got, text.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            problem.message = "cannot read: " + std::generic_category().message(errno);
            return std::nullopt;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    text.resize(got);
    return text;
}

} // namespace nofly::scenario
