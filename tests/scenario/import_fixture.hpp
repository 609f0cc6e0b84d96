// What every importer test needs: files of its own in a temporary folder, the
// diagnostics as printed, a zone by id, and instants in UTC.
#pragma once

#include "scenario/import.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace nofly::scenario::testing {

/// Writes `text` to a file named `prefix + name` in the test's temporary folder.
inline std::string writeImportFile(const std::string& prefix, const std::string& name, const std::string& text) {
    const std::filesystem::path path = std::filesystem::path(::testing::TempDir()) / (prefix + name);
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

/// Every diagnostic as nofly prints it, one a line.
inline std::string printed(const ImportResult& r) {
    std::string out;
    for (const core::Diagnostic& d : r.diagnostics.all()) out += core::format(d) + "\n";
    return out;
}

inline const GeoZone* find(const ImportResult& r, const std::string& id) {
    for (const GeoZone& z : r.zones)
        if (z.id == id) return &z;
    return nullptr;
}

/// Whether a diagnostic at `file`:`line` says `text`.
inline bool said(const ImportResult& r, const std::string& file, int line, const std::string& text) {
    for (const core::Diagnostic& d : r.diagnostics.all())
        if (d.where.file == file && d.where.line == line && core::format(d).find(text) != std::string::npos)
            return true;
    return false;
}

/// An instant from a UTC calendar date and time.
inline core::Instant utc(int year, int month, int day, int hour, int minute = 0, int second = 0) {
    constexpr core::Instant kHour = 3600000;
    return core::daysFromCivil(year, month, day) * 24 * kHour + hour * kHour + minute * 60000LL + second * 1000LL;
}

} // namespace nofly::scenario::testing
