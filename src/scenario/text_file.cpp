#include "scenario/text_file.hpp"

#include <filesystem>
#include <fstream>
#include <string>

namespace nofly::scenario {

namespace fs = std::filesystem;

std::optional<std::string> readTextFile(const std::string& path, std::size_t maxBytes, const char* verb,
                                        std::string& error) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        error = fs::exists(path, ec) ? "is not a regular file" : "no such file";
        return std::nullopt;
    }
    const auto size = fs::file_size(path, ec);
    if (ec) {
        error = "cannot read: " + ec.message();
        return std::nullopt;
    }
    if (size > maxBytes) {
        error = "is " + std::to_string(size / (1u << 20)) + " MiB; the largest file nofly " + verb + " is " +
                std::to_string(maxBytes / (1u << 20)) + " MiB";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot be opened";
        return std::nullopt;
    }
    // never more than the limit, even from a file that grows while it is read
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() == size) {
        std::string more(maxBytes - text.size() + 1, '\0');
        in.read(more.data(), static_cast<std::streamsize>(more.size()));
        if (text.size() + static_cast<std::size_t>(in.gcount()) > maxBytes) {
            error = "grew past " + std::to_string(maxBytes / (1u << 20)) + " MiB while being read";
            return std::nullopt;
        }
        text.append(more.data(), static_cast<std::size_t>(in.gcount()));
    }
    return text;
}

} // namespace nofly::scenario
