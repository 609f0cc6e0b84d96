#include "report/output_files.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio> // renameat2, RENAME_EXCHANGE (glibc 2.28)
#include <filesystem>
#include <mutex>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nofly::report {

namespace fs = std::filesystem;

namespace {

// --- Ctrl+C while a temporary has a name --------------------------------------------------

// From the moment a temporary is given a name to the rename that ends it,
// SIGINT, SIGTERM and SIGHUP wait: the handler notes the signal, and the last
// writer to leave such a moment raises it again with its default action.
// At any other moment the handler does at once what the default would.
std::atomic<int> g_naming{0};
std::atomic<int> g_pending{0};
constexpr int kHeldSignals[] = {SIGINT, SIGTERM, SIGHUP};

void raiseWithDefault(int signal) {
    struct sigaction action {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    ::sigaction(signal, &action, nullptr);
    ::raise(signal);
}

void holdSignal(int signal) {
    if (g_naming.load() > 0) {
        g_pending.store(signal);
        // the last such moment may have ended between the check and the note: then nobody else raises it
        if (g_naming.load() == 0 && g_pending.exchange(0) != 0) raiseWithDefault(signal);
        return;
    }
    raiseWithDefault(signal);
}

/// The handler, installed once and only over signals left at their default
/// (a signal the user's shell ignores, as under nohup, stays ignored).
void installHandler() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (int signal : kHeldSignals) {
            struct sigaction old {};
            if (::sigaction(signal, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;
            struct sigaction action {};
            action.sa_handler = holdSignal;
            action.sa_flags = SA_RESTART;
            sigemptyset(&action.sa_mask);
            for (int other : kHeldSignals) sigaddset(&action.sa_mask, other);
            ::sigaction(signal, &action, nullptr);
        }
    });
}

/// A moment in which a temporary has a name: signals wait until it ends.
class NamingMoment {
public:
    NamingMoment() {
        installHandler();
        g_naming.fetch_add(1);
    }
    ~NamingMoment() {
        if (g_naming.fetch_sub(1) == 1)
            if (const int signal = g_pending.exchange(0)) raiseWithDefault(signal);
    }
    NamingMoment(const NamingMoment&) = delete;
    NamingMoment& operator=(const NamingMoment&) = delete;
};

// --- names and errors -------------------------------------------------------------------

std::atomic<unsigned long> g_sequence{0};

/// ".report.json.nofly-tmp-4242-7": hidden, and naming the process that made
/// it, so that a later nofly knows when it is left over.
std::string hiddenName(const std::string& name, const char* kind) {
    return "." + name + ".nofly-" + kind + "-" + std::to_string(::getpid()) + "-" +
           std::to_string(g_sequence.fetch_add(1));
}

std::string reason(int error) { return std::generic_category().message(error); }

/// The number written in s[from, to): 0 when it is not one (or too long to be a process id).
long numberIn(const std::string& s, std::size_t from, std::size_t to) {
    if (from >= to || to - from > 9) return 0;
    long value = 0;
    for (std::size_t i = from; i < to; ++i) {
        if (s[i] < '0' || s[i] > '9') return 0;
        value = value * 10 + (s[i] - '0');
    }
    return value;
}

/// The process that made a temporary of ours, from its name
/// (".NAME.nofly-tmp-PID-N", ".NAME.nofly-set-PID-N"; with `older` also
/// ".NAME.tmp-PID"); 0 for any other name.
long temporaryOwner(const std::string& name, bool older) {
    if (name.size() < 2 || name[0] != '.') return 0;
    for (const std::string kind : {".nofly-tmp-", ".nofly-set-"}) {
        const std::size_t at = name.rfind(kind);
        if (at == std::string::npos || at == 0) continue;
        const std::size_t from = at + kind.size();
        const std::size_t dash = name.find('-', from);
        if (dash == std::string::npos || dash + 1 == name.size() ||
            name.find_first_not_of("0123456789", dash + 1) != std::string::npos)
            return 0;
        return numberIn(name, from, dash);
    }
    if (older) {
        const std::size_t at = name.rfind(".tmp-");
        if (at != std::string::npos && at > 0) return numberIn(name, at + 5, name.size());
    }
    return 0;
}

// --- bytes --------------------------------------------------------------------------------

/// A file descriptor, closed on every way out.
class Descriptor {
public:
    explicit Descriptor(int fd = -1) : m_fd(fd) {}
    Descriptor(Descriptor&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    Descriptor& operator=(Descriptor&& other) noexcept {
        std::swap(m_fd, other.m_fd);
        return *this;
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() { close(); }
    int fd() const { return m_fd; }
    /// 0, or the error closing reported (a network file system reports a full disk here).
    int close() {
        if (m_fd < 0) return 0;
        const int result = ::close(std::exchange(m_fd, -1));
        return result == 0 || errno == EINTR ? 0 : errno;
    }

private:
    int m_fd;
};

/// Writes all of `content`; 0, or the system's error.
int writeAll(int fd, const std::string& content) {
    const char* at = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, at, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) { // a stream left non-blocking by whoever set it up
                pollfd ready{fd, POLLOUT, 0};
                ::poll(&ready, 1, -1);
                continue;
            }
            return errno;
        }
        at += n;
        left -= static_cast<std::size_t>(n);
    }
    return 0;
}

/// A file without a name in `folder`, or -1 (errno says why).
int openUnnamed(const fs::path& folder) { return ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666); }

/// A file system that has no files without a name (or a kernel before 3.11).
bool noUnnamedFiles(int error) { return error == EOPNOTSUPP || error == EISDIR || error == EINVAL; }

/// Gives a file without a name the name `to`; false with errno (ENOENT: no /proc).
bool nameUnnamed(int fd, const fs::path& to) {
    const std::string self = "/proc/self/fd/" + std::to_string(fd);
    return ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, to.c_str(), AT_SYMLINK_FOLLOW) == 0;
}

/// A new file `path` holding `content`; 0, or the system's error (nothing left).
int writeNamed(const fs::path& path, const std::string& content, const struct stat* old) {
    Descriptor file(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
    if (file.fd() < 0) return errno;
    if (old) ::fchmod(file.fd(), old->st_mode & 07777);
    int failure = writeAll(file.fd(), content);
    if (const int closed = file.close(); failure == 0) failure = closed;
    if (failure != 0) ::unlink(path.c_str());
    return failure;
}

bool renameInto(const fs::path& temporary, const fs::path& target, std::string& error) {
    if (::rename(temporary.c_str(), target.c_str()) == 0) return true;
    const int failure = errno;
    ::unlink(temporary.c_str());
    error = "cannot put " + target.string() + " in place: " + reason(failure);
    return false;
}

// --- one file -----------------------------------------------------------------------------

/// `content` at `target`, where there is nothing or a regular file (`old`),
/// through a temporary and a rename.
bool replaceFile(const fs::path& target, const std::string& content, const struct stat* old, std::string& error) {
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const std::string name = target.filename().string();
    auto failed = [&](int failure) {
        error = "cannot write " + target.string() + ": " + reason(failure);
        return false;
    };
    // the bytes into a file without a name: a kill meanwhile leaves nothing
    Descriptor file(openUnnamed(folder));
    if (file.fd() >= 0) {
        if (old) ::fchmod(file.fd(), old->st_mode & 07777);
        if (const int failure = writeAll(file.fd(), content)) return failed(failure);
        NamingMoment moment;
        const fs::path temporary = folder / hiddenName(name, "tmp");
        if (nameUnnamed(file.fd(), temporary)) {
            if (const int failure = file.close()) {
                ::unlink(temporary.c_str());
                return failed(failure);
            }
            return renameInto(temporary, target, error);
        }
        if (errno != ENOENT) return failed(errno);
        // no /proc to name it by: as below
    } else if (!noUnnamedFiles(errno)) {
        return failed(errno);
    }
    // a named temporary all along, Ctrl+C held meanwhile
    NamingMoment moment;
    const fs::path temporary = folder / hiddenName(name, "tmp");
    if (const int failure = writeNamed(temporary, content, old)) return failed(failure);
    return renameInto(temporary, target, error);
}

/// Into a character device or a pipe, or a stream of nofly's own.
bool writeInto(int fd, const std::string& shown, const std::string& content, std::string& error) {
    if (const int failure = writeAll(fd, content)) {
        error = "cannot write " + shown + ": " + reason(failure);
        return false;
    }
    return true;
}

bool writeThrough(const std::string& path, const std::string& content, std::string& error) {
    // no O_CREAT, no O_TRUNC: nothing is made or cut; a pipe's open waits for its reader
    Descriptor out(::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC));
    if (out.fd() < 0) {
        error = "cannot write " + path + ": " + reason(errno);
        return false;
    }
    struct stat opened {};
    if (::fstat(out.fd(), &opened) != 0 || !(S_ISCHR(opened.st_mode) || S_ISFIFO(opened.st_mode))) {
        error = "cannot write " + path + ": it changed while it was opened";
        return false;
    }
    if (!writeInto(out.fd(), path, content, error)) return false;
    if (const int failure = out.close()) {
        error = "cannot write " + path + ": " + reason(failure);
        return false;
    }
    return true;
}

/// nofly's standard output or error, when `target` is that stream; else -1.
int ownStream(const struct stat& target) {
    for (int stream : {STDOUT_FILENO, STDERR_FILENO}) {
        struct stat own {};
        if (::fstat(stream, &own) == 0 && own.st_dev == target.st_dev && own.st_ino == target.st_ino) return stream;
    }
    return -1;
}

std::string kindOf(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISREG(mode)) return "a file";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISFIFO(mode)) return "a pipe";
    return "something other than a file";
}

std::string refusal(const std::string& path, const struct stat& named, const struct stat* target) {
    if (S_ISLNK(named.st_mode)) {
        if (!target) return path + " is a symbolic link to nothing; nofly makes no file through a link (name the file itself)";
        return path + " is a symbolic link to " + kindOf(target->st_mode) +
               "; nofly writes through links only to devices and pipes (name the file itself)";
    }
    if (S_ISDIR(named.st_mode)) return path + " is a folder (name a file)";
    return path + " is " + kindOf(named.st_mode) +
           "; nofly replaces only regular files, and writes through only to character devices and pipes";
}

// --- a set of files -----------------------------------------------------------------------

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool inSet(const OutputSet& set, const std::string& name) {
    return std::any_of(set.files.begin(), set.files.end(), [&](const OutputFile& f) { return f.name == name; });
}

/// Whether `folder` may be swapped whole: on the same file system as its
/// parent, not the current folder nor holding it, and holding nothing but
/// what the set writes (and kept folders of regular files).
bool swappable(const fs::path& folder, const struct stat& status, const OutputSet& set) try {
    struct stat parent {};
    if (::stat(folder.parent_path().c_str(), &parent) != 0 || parent.st_dev != status.st_dev) return false;
    std::error_code ec;
    const fs::path here = fs::weakly_canonical(fs::current_path(ec), ec);
    if (ec) return false;
    const auto [folderEnd, hereIt] = std::mismatch(folder.begin(), folder.end(), here.begin(), here.end());
    if (folderEnd == folder.end()) return false;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        const fs::file_status kind = entry.symlink_status(ec);
        if (inSet(set, name) || contains(set.owned, name)) {
            if (fs::is_directory(kind)) return false;
            continue;
        }
        if (!contains(set.kept, name) || !fs::is_directory(kind)) return false;
        for (const auto& kept : fs::directory_iterator(entry.path(), ec))
            if (!fs::is_regular_file(kept.symlink_status(ec))) return false;
        if (ec) return false;
    }
    return !ec;
} catch (const fs::filesystem_error&) {
    return false; // a folder that changes while it is read is not swapped
}

enum class Published { Done, Failed, Declined };

/// The set made whole in a hidden folder beside `folder`, then put in its
/// place: renamed there when there is no folder (`old` null), swapped with
/// it in one step when there is. Declined when that cannot be done here.
Published publishWhole(const fs::path& folder, const struct stat* old, const OutputSet& set,
                       const fs::path& shown, std::string& error) {
    const fs::path parent = folder.parent_path();
    auto failed = [&](const std::string& name, int failure) {
        error = "cannot write " + (shown / name).string() + ": " + reason(failure);
        return Published::Failed;
    };
    // the bytes first, into files without a name: a kill meanwhile leaves nothing
    std::vector<Descriptor> unnamed;
    for (const OutputFile& file : set.files) {
        Descriptor d(openUnnamed(parent));
        if (d.fd() < 0) {
            if (!noUnnamedFiles(errno)) return failed(file.name, errno);
            unnamed.clear(); // written with their names below
            break;
        }
        if (const int failure = writeAll(d.fd(), file.content)) return failed(file.name, failure);
        unnamed.push_back(std::move(d));
    }

    NamingMoment moment;
    const fs::path hidden = parent / hiddenName(folder.filename().string(), "set");
    if (::mkdir(hidden.c_str(), 0777) != 0) {
        error = "cannot write into " + shown.string() + ": " + reason(errno);
        return Published::Failed;
    }
    auto abandon = [&](Published result) {
        std::error_code ignored;
        fs::remove_all(hidden, ignored);
        return result;
    };
    if (old) ::chmod(hidden.c_str(), old->st_mode & 07777);
    for (std::size_t i = 0; i < set.files.size(); ++i) {
        const fs::path to = hidden / set.files[i].name;
        if (i < unnamed.size()) {
            if (nameUnnamed(unnamed[i].fd(), to)) {
                if (const int failure = unnamed[i].close()) return abandon(failed(set.files[i].name, failure));
                continue;
            }
            if (errno != ENOENT) return abandon(failed(set.files[i].name, errno));
        }
        if (const int failure = writeNamed(to, set.files[i].content, nullptr))
            return abandon(failed(set.files[i].name, failure));
    }
    if (!old) {
        // nothing there: one rename (a folder made meanwhile gets its files one by one)
        return ::rename(hidden.c_str(), folder.c_str()) == 0 ? Published::Done : abandon(Published::Declined);
    }
    // the folders the set keeps, carried over as hard links to the same files
    for (const std::string& name : set.kept) {
        struct stat kept {};
        if (::lstat((folder / name).c_str(), &kept) != 0) continue;
        if (::mkdir((hidden / name).c_str(), kept.st_mode & 07777) != 0) return abandon(Published::Declined);
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(folder / name, ec))
            if (::link(entry.path().c_str(), (hidden / name / entry.path().filename()).c_str()) != 0)
                return abandon(Published::Declined);
        if (ec) return abandon(Published::Declined);
    }
    // the swap: one step, after which the old set is under the hidden name
    if (::renameat2(AT_FDCWD, hidden.c_str(), AT_FDCWD, folder.c_str(), RENAME_EXCHANGE) != 0)
        return abandon(Published::Declined);
    abandon(Published::Done);
    return Published::Done;
}

/// The set's files one by one into `folder`, each whole; other files untouched.
bool publishOneByOne(const fs::path& shown, const OutputSet& set, std::string& error) {
    std::error_code ec;
    fs::create_directories(shown, ec);
    if (ec) {
        error = "cannot create " + shown.string() + ": " + ec.message();
        return false;
    }
    for (const OutputFile& file : set.files)
        if (!writeFileAtomically((shown / file.name).string(), file.content, error)) return false;
    for (const std::string& name : set.owned) {
        struct stat status {};
        const fs::path path = shown / name;
        if (!inSet(set, name) && ::lstat(path.c_str(), &status) == 0 &&
            (S_ISREG(status.st_mode) || S_ISLNK(status.st_mode)))
            ::unlink(path.c_str());
    }
    return true;
}

} // namespace

bool writeFileAtomically(const std::string& path, const std::string& content, std::string& error) {
    if (path.empty()) {
        error = "no file named to write";
        return false;
    }
    struct stat named {};
    if (::lstat(path.c_str(), &named) != 0) {
        if (errno == ENOENT) return replaceFile(path, content, nullptr, error);
        error = "cannot write " + path + ": " + reason(errno);
        return false;
    }
    if (S_ISREG(named.st_mode)) return replaceFile(path, content, &named, error);
    struct stat target {};
    const bool leads = ::stat(path.c_str(), &target) == 0;
    if (leads && (S_ISLNK(named.st_mode) || S_ISCHR(named.st_mode) || S_ISFIFO(named.st_mode))) {
        // a name of nofly's own output (/dev/stdout): into the stream the shell set up
        if (const int stream = ownStream(target); stream >= 0) {
            std::fflush(stdout);
            std::fflush(stderr);
            return writeInto(stream, path, content, error);
        }
        if (S_ISCHR(target.st_mode) || S_ISFIFO(target.st_mode)) return writeThrough(path, content, error);
    }
    error = refusal(path, named, leads ? &target : nullptr);
    return false;
}

bool writesToStandardOutput(const std::string& path) {
    struct stat target {};
    struct stat own {};
    return !path.empty() && ::stat(path.c_str(), &target) == 0 && ::fstat(STDOUT_FILENO, &own) == 0 &&
           own.st_dev == target.st_dev && own.st_ino == target.st_ino;
}

bool publishOutputSet(const std::string& folderName, const OutputSet& set, std::string& error) {
    const fs::path shown(folderName);
    std::error_code ec;
    // where the folder really is: a link to a folder is followed
    fs::path folder = fs::weakly_canonical(fs::absolute(shown, ec), ec);
    if (!ec && !folder.has_filename()) folder = folder.parent_path();
    if (ec || folder == folder.parent_path()) {
        error = "cannot write into " + folderName + (ec ? ": " + ec.message() : ": name a folder below it");
        return false;
    }
    struct stat status {};
    if (::lstat(folder.c_str(), &status) != 0) {
        if (errno != ENOENT) {
            error = "cannot write into " + folderName + ": " + reason(errno);
            return false;
        }
        fs::create_directories(folder.parent_path(), ec);
        if (ec) {
            error = "cannot create " + folder.parent_path().string() + ": " + ec.message();
            return false;
        }
        removeStaleTemporaries(folder.parent_path().string());
        const Published result = publishWhole(folder, nullptr, set, shown, error);
        if (result != Published::Declined) return result == Published::Done;
    } else {
        if (!S_ISDIR(status.st_mode)) {
            error = folderName + " is " + kindOf(status.st_mode) + ", not a folder (name a folder for the files)";
            return false;
        }
        removeStaleTemporaries(folder.parent_path().string());
        removeStaleTemporaries(folder.string());
        if (swappable(folder, status, set)) {
            const Published result = publishWhole(folder, &status, set, shown, error);
            if (result != Published::Declined) return result == Published::Done;
        }
    }
    return publishOneByOne(shown, set, error);
}

void removeStaleTemporaries(const std::string& folder, bool older) try {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const long owner = temporaryOwner(entry.path().filename().string(), older);
        if (owner <= 0 || owner == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(owner), 0) == 0 || errno == EPERM) continue; // still writing
        std::error_code ignored;
        fs::remove_all(entry.path(), ignored);
    }
} catch (const fs::filesystem_error&) {
    // a folder that changes while it is read: what is left is removed next time
}

} // namespace nofly::report
