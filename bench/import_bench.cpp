// How long real airspace data takes to come in: a national ED-269 file of
// 5,000 polygons (generated here, as compact as authorities publish them),
// the same zones included by a scenario (imported, then read and projected
// by the loader), and an OpenAir file of 600 airspaces (the example file of
// tests/data/geozones 40 times over).
// Figures are quoted in docs/real-data.md, never asserted.
#include "scenario/import.hpp"
#include "scenario/loader.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace nofly;

/// A folder holding national.json (5,000 ED-269 polygons of 20 corners over
/// Denmark) and national.yaml (a scenario that includes it).
const fs::path& nationalFolder() {
    static const fs::path folder = [] {
        const fs::path dir = fs::temp_directory_path() / "nofly_import_bench";
        fs::create_directories(dir);
        std::ofstream out(dir / "national.json");
        out << "{\"UASZoneList\":[";
        for (int i = 0; i < 5000; ++i) {
            const double lat = 54.6 + (i % 70) * 0.04, lon = 8.1 + (i / 70) * 0.06;
            out << (i ? "," : "") << R"({"identifier":"DK)" << i << R"(","name":"Zone )" << i
                << R"(","restriction":"PROHIBITED","reason":["AIR_TRAFFIC"],"applicability":[{"permanent":"YES"}],)"
                << R"("geometry":[{"uomDimensions":"M","lowerLimit":0,"lowerVerticalReference":"AGL","upperLimit":120,)"
                << R"("upperVerticalReference":"AGL","horizontalProjection":{"type":"Polygon","coordinates":[[)";
            for (int k = 0; k <= 20; ++k) {
                const double angle = 2.0 * std::numbers::pi * (k % 20) / 20.0;
                out << (k ? "," : "") << "[" << lon + 0.015 * std::cos(angle) << ","
                    << lat + 0.01 * std::sin(angle) << "]";
            }
            out << "]]}}]}";
        }
        out << "]}";
        std::ofstream(dir / "national.yaml") << "title: National\n"
                                                "time: {start: 2025-10-01T07:00+02:00, end: +6 h}\n"
                                                "map: {origin: {lat: 56.0, lon: 10.5}}\n"
                                                "include: [national.json]\n";
        return dir;
    }();
    return folder;
}

void ImportNationalEd269(benchmark::State& state) {
    const std::string file = (nationalFolder() / "national.json").string();
    for (auto _ : state) {
        scenario::ImportResult result = scenario::importZones(file);
        if (result.zones.size() != 5000) state.SkipWithError("the national file did not import");
        benchmark::DoNotOptimize(result);
    }
    state.counters["zones"] = 5000;
    state.counters["MB"] = static_cast<double>(fs::file_size(file)) / 1e6;
}
BENCHMARK(ImportNationalEd269)->Unit(benchmark::kMillisecond);

void IncludeNationalEd269(benchmark::State& state) {
    const std::string file = (nationalFolder() / "national.yaml").string();
    for (auto _ : state) {
        scenario::LoadResult result = scenario::loadScenarioFile(file);
        if (!result.scenario) state.SkipWithError("the scenario did not load");
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(IncludeNationalEd269)->Unit(benchmark::kMillisecond);

constexpr int kOpenAirCopies = 40;
constexpr std::size_t kOpenAirZones = 15 * kOpenAirCopies;

/// generated.openair: the example OpenAir file of the tests (15 airspaces:
/// polygons, DA and DB arcs, circles, a ring with a hole, activation windows)
/// 40 times over, each copy's names numbered.
const fs::path& openAirFile() {
    static const fs::path file = [] {
        std::ifstream in(fs::path(NOFLY_SOURCE_DIR) / "tests/data/geozones/openair/example_extended.openair");
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);)
            lines.push_back(line);
        const fs::path path = fs::temp_directory_path() / "nofly_import_bench" / "generated.openair";
        fs::create_directories(path.parent_path());
        std::ofstream out(path);
        for (int copy = 1; copy <= kOpenAirCopies; ++copy)
            for (const std::string& line : lines)
                out << line << (line.rfind("AN ", 0) == 0 ? " #" + std::to_string(copy) : "") << "\n";
        return path;
    }();
    return file;
}

void ImportGeneratedOpenAir(benchmark::State& state) {
    const std::string file = openAirFile().string();
    for (auto _ : state) {
        scenario::ImportResult result = scenario::importZones(file);
        if (result.zones.size() != kOpenAirZones)
            state.SkipWithError("the generated OpenAir file did not import");
        benchmark::DoNotOptimize(result);
    }
    state.counters["zones"] = kOpenAirZones;
    state.counters["MB"] = static_cast<double>(fs::file_size(file)) / 1e6;
}
BENCHMARK(ImportGeneratedOpenAir)->Unit(benchmark::kMillisecond);

} // namespace
