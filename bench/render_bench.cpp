// Frame time of the window with 1,000 and 10,000 drones in the air at once,
// drawn under Xvfb's software OpenGL (llvmpipe): the map (the Danish
// coastline, zones), every drone as one textured quad in one vertex array,
// trails, labels and the Dear ImGui panels, then the buffer swap. "paused"
// draws only; "playing" also steps the simulation at 60x (one 1 s step a frame).
// Target: under 16 ms a frame at 10,000 drones.
//
//   make bench && xvfb-run -a -s "-screen 0 1920x1080x24" build/bench/bench/render_bench
//
// Without a display every benchmark is skipped with a message.
#include "render/viewer.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

namespace {

using namespace nofly;

/// A scenario of `drones` hobby flights over greater Copenhagen, all
/// departing between 08:00 and 08:05 for 30 to 60 minutes, across a
/// nationwide ban and a few circles.
std::string writeScenario(int drones) {
    const auto path =
        std::filesystem::temp_directory_path() / ("nofly_render_bench_" + std::to_string(drones) + ".yaml");
    std::ofstream out(path);
    out << "title: Render benchmark, " << drones << " drones\n"
        << "seed: 3\n"
        << "time: {start: 2025-10-01T07:55+02:00, end: 2025-10-01T10:00+02:00, step: 1 s}\n"
        << "map: {origin: {lat: 55.676, lon: 12.568}, basemap: denmark, view: {center: {lat: 55.676, lon: "
           "12.568}, radius: 30 km}}\n"
        << "zones:\n"
        << "  - {id: ban, name: Nationwide ban, restriction: prohibited, shape: {country: denmark, margin: 3 "
           "km},\n"
        << "     active: {from: 2025-10-01T09:00+02:00, to: 2025-10-01T12:00+02:00}}\n"
        << "  - {id: summit, name: Summit, restriction: prohibited, shape: {circle: {center: [0 m, 0 m], "
           "radius: 5 km}}}\n"
        << "  - {id: ekch, name: Kastrup, restriction: authorisation, shape: {circle: {center: [6 km, -6 "
           "km], radius: 5 km}}}\n"
        << "traffic:\n"
        << "  - id: swarm\n"
        << "    category: hobby\n"
        << "    count: " << drones << "\n"
        << "    area: {circle: {center: [0 m, 0 m], radius: 25 km}}\n"
        << "    depart: {between: [08:00, 08:05]}\n"
        << "    duration: {between: [30 min, 60 min]}\n"
        << "    behaviour: {compliant: 50%, unaware: 40%, reckless: 10%}\n";
    return path.string();
}

void frames(benchmark::State& state, bool playing) {
    if (!std::getenv("DISPLAY")) {
        state.SkipWithError("needs a display: xvfb-run -a build/bench/bench/render_bench");
        return;
    }
    const int drones = static_cast<int>(state.range(0));
    render::ViewerOptions options;
    options.file = writeScenario(drones);
    options.playing = playing;
    options.speed = 60.0;
    options.profile = std::getenv("NOFLY_BENCH_PROFILE") != nullptr; // where the time goes, part by part
    sf::ContextSettings settings;
    settings.stencilBits = 8;
    auto window = std::make_unique<sf::RenderWindow>(sf::VideoMode(1600, 900), "render bench",
                                                     sf::Style::Default, settings);
    render::Viewer viewer(options);
    if (!viewer.load()) {
        state.SkipWithError(viewer.errors().empty() ? "scenario did not load"
                                                    : viewer.errors().front().c_str());
        return;
    }
    viewer.resize(1600, 900);
    if (const char* off = std::getenv("NOFLY_BENCH_OFF")) { // investigation: layers to leave out
        const std::string o = off;
        viewer.layers().zones = o.find('z') == std::string::npos;
        viewer.layers().land = o.find('b') == std::string::npos;
        viewer.layers().drones = o.find('d') == std::string::npos;
        viewer.layers().trails = o.find('t') == std::string::npos;
        viewer.layers().labels = o.find('l') == std::string::npos;
    }
    viewer.seekNow(viewer.playback().start() + 15 * 60000); // 08:10: every drone in the air
    for (int k = 0; k < 5; ++k) {                           // warm up: textures, ImGui fonts
        viewer.frame(*window, 1.0 / 60.0);
        window->display();
    }
    render::FrameProfile total;
    for (auto _ : state) {
        sf::Event event;
        while (window->pollEvent(event)) {
        }
        viewer.frame(*window, 1.0 / 60.0);
        window->display();
        const render::FrameProfile& p = viewer.profile();
        total.simulation += p.simulation, total.map += p.map, total.drones += p.drones;
        total.labels += p.labels, total.panels += p.panels;
    }
    if (options.profile) {
        const double n = static_cast<double>(state.iterations());
        state.counters["ms_sim"] = total.simulation / n;
        state.counters["ms_map"] = total.map / n;
        state.counters["ms_drones"] = total.drones / n;
        state.counters["ms_labels"] = total.labels / n;
        state.counters["ms_panels"] = total.panels / n;
    }
    state.counters["drones_drawn"] = static_cast<double>(viewer.droneLayer().drawnLastFrame());
    state.counters["in_the_air"] = static_cast<double>(viewer.playback().world().flying.size());
}

void BM_FramePaused(benchmark::State& state) {
    frames(state, false);
}
void BM_FramePlaying60x(benchmark::State& state) {
    frames(state, true);
}

BENCHMARK(BM_FramePaused)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime()
    ->MinTime(2.0);
BENCHMARK(BM_FramePlaying60x)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime()
    ->MinTime(2.0);

} // namespace
