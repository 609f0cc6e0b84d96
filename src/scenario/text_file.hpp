// Reading a user's file: nofly's one path policy. Every file nofly reads
// (scenarios, includes, real data, mapping files, basemaps, airport lists,
// sweep tables) goes through readTextFile: its path is resolved once, every
// link followed; the resolved path must lie inside the folder tree it was
// named from (a scenario's folder, the asset folder), when there is one; and
// that same resolved path is what is opened, never the path as written, so
// a link followed by `..` cannot pass the check on one path and read another.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace nofly::scenario {

/// Why a file cannot be read, in words that follow its name ("leaves the
/// scenario's folder", "no such file", "is 12 MiB; the largest file nofly
/// reads is 8 MiB"), and what to do about it when there is something to say.
struct FileProblem {
    std::string message;
    std::string hint;
    bool outside = false; ///< the file lies outside the tree it must stay in
};

/// Where `path` leads with every link followed (a `..` after a link climbs
/// from where the link leads, as the system does), when that lies inside
/// `tree` (itself resolved); `tree` empty: anywhere. The file need not exist.
std::optional<std::string> resolveInTree(const std::string& path, const std::string& tree, FileProblem& problem);

/// The file's bytes, read by the one path policy: resolveInTree, then the
/// resolved path opened without following a link, a regular file only (not
/// a folder, device or pipe), never more than `maxBytes` even when it grows
/// while it is read. `verb` fills the size message: "reads", "imports".
/// `resolved`, when given, receives the path that was read.
std::optional<std::string> readTextFile(const std::string& path, const std::string& tree, std::size_t maxBytes,
                                        const char* verb, FileProblem& problem, std::string* resolved = nullptr);

} // namespace nofly::scenario
