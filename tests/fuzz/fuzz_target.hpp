// What every fuzz target shares: the macro that makes one, and the way a
// target says that an invariant broke. A target is a function from bytes to
// nothing; it must not crash, hang, leak or break what it checks.
//
// Built with NOFLY_LIBFUZZER (the `make fuzz` build, clang), the macro makes
// libFuzzer's entry point LLVMFuzzerTestOneInput. Built without it (the
// ordinary test build), it registers the target under its name, and
// regression_test.cpp replays every file of tests/fuzz/regressions/<name>/
// through it, so each input a campaign found is a test of `make test`.
#pragma once

#include "core/diagnostic.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nofly::fuzz {

using Target = int (*)(const std::uint8_t* data, std::size_t size);

/// The targets of this program, by name (only without NOFLY_LIBFUZZER).
std::vector<std::pair<std::string, Target>>& targets();

struct Registration {
    Registration(const char* name, Target target) { targets().emplace_back(name, target); }
};

/// An invariant broke: say which, then abort, which both libFuzzer and a
/// gtest death reports as a failure with the input that caused it.
[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {}) {
    std::fprintf(stderr, "nofly fuzz invariant broken: %.*s\n%.*s\n", static_cast<int>(what.size()),
                 what.data(), static_cast<int>(detail.size()), detail.data());
    std::abort();
}

inline std::string text(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

/// Lines in a text, counting a last line without its newline.
inline int lineCount(std::string_view text) {
    int lines = 1;
    for (char c : text)
        if (c == '\n') ++lines;
    return lines;
}

/// What any reader's diagnostics must be: an internal error is a bug of
/// ours (a caught exception); an error message is never empty; a line in
/// the file read is inside it (0 means "the whole file").
inline void checkDiagnostics(const core::Diagnostics& diagnostics, const std::string& file, int lines) {
    for (const core::Diagnostic& d : diagnostics.all()) {
        if (d.message.empty()) fail("a diagnostic without a message", core::format(d));
        if (d.message.rfind("internal error while", 0) == 0) fail("an internal error", core::format(d));
        if (d.where.file == file && (d.where.line < 0 || d.where.line > lines + 1))
            fail("a diagnostic outside the file", core::format(d) + " (lines: " + std::to_string(lines) + ")");
    }
}

} // namespace nofly::fuzz

#ifdef NOFLY_LIBFUZZER
#define NOFLY_FUZZ_TARGET(name)                                                                      \
    static int noflyFuzzTarget(const std::uint8_t* data, std::size_t size);                         \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {              \
        return noflyFuzzTarget(data, size);                                                          \
    }                                                                                                \
    static int noflyFuzzTarget(const std::uint8_t* data, std::size_t size)
#else
#define NOFLY_FUZZ_TARGET(name)                                                                      \
    static int noflyFuzzTarget(const std::uint8_t* data, std::size_t size);                         \
    static const ::nofly::fuzz::Registration noflyFuzzRegistration(#name, noflyFuzzTarget);          \
    static int noflyFuzzTarget(const std::uint8_t* data, std::size_t size)
#endif
