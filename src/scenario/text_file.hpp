// Reading a user's file whole, with a size limit, or saying in words why not.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace nofly::scenario {

/// The file's bytes; or nothing, with `error` saying why ("no such file",
/// "is 12 MiB; the largest file nofly reads is 8 MiB"). `verb` fills the
/// last message: "reads", "imports".
std::optional<std::string> readTextFile(const std::string& path, std::size_t maxBytes, const char* verb,
                                        std::string& error);

} // namespace nofly::scenario
