// Writing what nofly makes: the one output policy. Every file nofly writes
// (`-o`, `--out`, the window's saves) goes through writeFileAtomically, and
// every folder of files (`run --out`, `compare --out`, `sweep --out`)
// through publishOutputSet, which writes each of its files the same way.
//
// A file is written whole or not at all, and a folder's files are replaced
// as one set: a reader, or a nofly killed at any moment, finds the old set
// or the new one, never a mix, and no temporary file in the folder. Errors
// name the file and the system's reason ("No space left on device").
#pragma once

#include <string>
#include <vector>

namespace nofly::report {

/// Writes `content` to `path`, by what is there:
/// - nothing, or a regular file: the bytes go to a file without a name in
///   the same folder, which is then given a name and renamed into place, so
///   that a reader sees the old file or the new one and a nofly killed while
///   writing leaves nothing behind (the permissions of a replaced file kept);
/// - nofly's own standard output or error under any name (`/dev/stdout`,
///   `/dev/fd/1`, a link to them): written to that stream as the shell set it
///   up (a pipe, a terminal, a file opened with `>>`);
/// - a character device or a named pipe, named or through links
///   (`/dev/null`, a terminal): written through and never replaced, as `cp`
///   does (a pipe waits for its reader);
/// - anything else (a link to a file, a folder, a block device, a socket):
///   refused, and left as it is.
bool writeFileAtomically(const std::string& path, const std::string& content, std::string& error);

/// Whether `path` names nofly's own standard output (`/dev/stdout`, a pipe
/// or a file the shell opened), so that a command does not add "Wrote ..."
/// to what it wrote there.
bool writesToStandardOutput(const std::string& path);

/// One file of a set: its name in the folder and its bytes.
struct OutputFile {
    std::string name;
    std::string content;
};

/// What a command writes into its output folder.
struct OutputSet {
    std::vector<OutputFile> files; ///< the set
    /// Names the command writes at other times (`report.html`, the chart of
    /// another metric): removed when not in `files`, so that no file of an
    /// older set stays beside the new one.
    std::vector<std::string> owned;
    /// Folders of the command's own that the set keeps beside it (a sweep's
    /// `runs/`, regular files only): carried over as they are.
    std::vector<std::string> kept;
};

/// Writes `set` into `folder` (made if missing; a link to a folder is
/// followed) as one set. A folder that is missing, or that holds nothing but
/// what the command writes (`files`, `owned`, `kept`), is replaced whole:
/// the set is made in a hidden folder beside it, which is swapped with it in
/// one step (renameat2 RENAME_EXCHANGE), and the old set is then removed. A
/// folder that holds anything else, is the current folder or holds it, is a
/// mount point or cannot be swapped (a file system without
/// RENAME_EXCHANGE) gets its files one by one, each whole: its other files
/// are never touched. Ctrl+C (SIGINT, SIGTERM, SIGHUP) waits for the swap to
/// end; hidden folders and files left by a nofly killed outright (SIGKILL,
/// a power cut) are removed by the next nofly that writes there.
bool publishOutputSet(const std::string& folder, const OutputSet& set, std::string& error);

/// Removes what a nofly killed while writing into `folder` left there:
/// the hidden temporaries of a process that no longer runs. `older` also
/// removes the temporary files of nofly before this policy
/// (`.NAME.tmp-PID`), for nofly's own folders (a sweep's `runs/`).
void removeStaleTemporaries(const std::string& folder, bool older = false);

} // namespace nofly::report
