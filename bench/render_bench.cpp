// Frame time of the window with 1,000 and 10,000 drones in the air at once,
// as `nofly view` draws it (1600x900, the same OpenGL settings, so no
// multisampling under a software renderer): the map, every drone, trails,
// labels, the Dear ImGui panels, then the buffer swap. "paused" draws only;
// "playing" also steps the simulation at that speed (1 s steps, a frame of
// 1/60 s: 60x is one step a frame, 600x ten, 6000x as many as fit in the
// window's 12 ms step budget). Target: under 16 ms a frame at 10,000 drones
// under Xvfb's software OpenGL (llvmpipe).
//
//   make bench && xvfb-run -a -s "-screen 0 1920x1080x24" build/bench/bench/render_bench
//
// Each case reports the minimum, median and 90th percentile of its frames:
// the machine's other load moves the median, the minimum is the frame's own
// cost. It is a plain table rather than Google Benchmark, whose mean hides
// the slow frames a 16 ms target is about.
//
// Options: --frames N (120), --drones 1000,10000, --speeds 0,60,600,6000
// (0: paused), --shots DIR (a PNG of each case's last frame).
// NOFLY_BENCH_PROFILE=1 adds where the time goes (waiting for the renderer
// after each part); NOFLY_BENCH_OFF=zbdtl leaves out zones, basemap, drones,
// trails, labels. Under `valgrind --tool=callgrind` each case's frames are
// dumped on their own (callgrind.out.*.N), an instruction count that the
// machine's load does not move:
//
//   xvfb-run -a -s "-screen 0 1920x1080x24" valgrind --tool=callgrind --instr-atstart=no
//       build/bench/bench/render_bench --frames 5 --speeds 0   (one line)
#include "render/detail/viewer.hpp"
#include "render/detail/window_settings.hpp"

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_DUMP_STATS_AT(name)
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

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

double wallMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

std::vector<int> numbers(const std::string& list) {
    std::vector<int> out;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');)
        out.push_back(std::stoi(item));
    return out;
}

struct Options {
    int frames = 120;
    std::vector<int> drones{1000, 10000};
    std::vector<int> speeds{0, 60, 600, 6000};
    std::string shots;
};

/// One case: `frames` frames of a viewer of `drones` drones, at `speed` (0: paused).
bool runCase(sf::RenderWindow& window, const Options& options, int drones, int speed) {
    render::ViewerOptions viewerOptions;
    viewerOptions.file = writeScenario(drones);
    viewerOptions.playing = speed > 0;
    viewerOptions.speed = speed > 0 ? speed : 60.0;
    viewerOptions.profile = std::getenv("NOFLY_BENCH_PROFILE") != nullptr;
    render::Viewer viewer(viewerOptions);
    if (!viewer.load()) {
        std::fprintf(stderr, "render_bench: %s\n",
                     viewer.errors().empty() ? "scenario did not load" : viewer.errors().front().c_str());
        return false;
    }
    viewer.resize(window.getSize().x, window.getSize().y);
    if (const char* off = std::getenv("NOFLY_BENCH_OFF")) { // investigation: layers to leave out
        const std::string o = off;
        viewer.layers().zones = o.find('z') == std::string::npos;
        viewer.layers().land = o.find('b') == std::string::npos;
        viewer.layers().drones = o.find('d') == std::string::npos;
        viewer.layers().trails = o.find('t') == std::string::npos;
        viewer.layers().labels = o.find('l') == std::string::npos;
    }
    viewer.seekNow(viewer.playback().start() + 15 * 60000); // 08:10: every drone in the air
    auto oneFrame = [&] {
        sf::Event event;
        while (window.pollEvent(event)) {
        }
        viewer.frame(window, 1.0 / 60.0);
        window.display();
    };
    for (int k = 0; k < 10; ++k) // warm up: textures, ImGui fonts, the cached map
        oneFrame();

    std::vector<double> times;
    render::FrameProfile total;
    const core::Instant before = viewer.playback().now();
    const std::string name = std::to_string(drones) + (speed > 0 ? " playing " + std::to_string(speed) + "x" : " paused");
    CALLGRIND_START_INSTRUMENTATION;
    CALLGRIND_ZERO_STATS;
    for (int k = 0; k < options.frames; ++k) {
        const double t0 = wallMs();
        oneFrame();
        times.push_back(wallMs() - t0);
        const render::FrameProfile& p = viewer.profile();
        total.prepare += p.prepare, total.simulation += p.simulation, total.map += p.map,
            total.drones += p.drones;
        total.labels += p.labels, total.panels += p.panels;
    }
    CALLGRIND_DUMP_STATS_AT(name.c_str());
    CALLGRIND_STOP_INSTRUMENTATION;
    const double steps = static_cast<double>(viewer.playback().now() - before) /
                         static_cast<double>(viewer.scenario().time.step) / options.frames;

    std::vector<double> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted[sorted.size() / 2];
    const double p90 = sorted[std::min(sorted.size() - 1, sorted.size() * 9 / 10)];
    const std::string mode = speed > 0 ? "playing " + std::to_string(speed) + "x" : "paused";
    std::printf("%7d  %-14s %6.1f  %7.1f  %9.1f  %6.1f  %7zu  %7zu%s\n", drones, mode.c_str(), steps,
                sorted.front(), median, p90, viewer.playback().world().flying.size(),
                viewer.droneLayer().drawnLastFrame(), viewer.droneLayer().denseLastFrame() ? " dots" : "");
    if (viewerOptions.profile) {
        const double n = options.frames;
        std::printf("         where [ms]: prepare %.1f, simulation %.1f, map %.1f, drones %.1f, labels %.1f, "
                    "panels %.1f\n",
                    total.prepare / n, total.simulation / n, total.map / n, total.drones / n,
                    total.labels / n, total.panels / n);
    }
    std::fflush(stdout);
    if (!options.shots.empty()) {
        sf::Texture texture;
        texture.create(window.getSize().x, window.getSize().y);
        viewer.frame(window, 0.0);
        texture.update(window);
        const std::string file = options.shots + "/render_bench_" + std::to_string(drones) + "_" +
                                 (speed > 0 ? std::to_string(speed) + "x" : "paused") + ".png";
        texture.copyToImage().saveToFile(file);
        window.display();
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--frames") options.frames = std::max(1, std::stoi(value));
        else if (key == "--drones") options.drones = numbers(value);
        else if (key == "--speeds") options.speeds = numbers(value);
        else if (key == "--shots") options.shots = value;
        else {
            std::fprintf(stderr, "render_bench: unknown option %s (see the top of bench/render_bench.cpp)\n",
                         key.c_str());
            return 2;
        }
    }
    if (!std::getenv("DISPLAY")) {
        std::fprintf(stderr, "render_bench: needs a display: xvfb-run -a -s \"-screen 0 1920x1080x24\" %s\n",
                     argv[0]);
        return 0;
    }
    const sf::ContextSettings settings = render::windowSettings();
    sf::RenderWindow window(sf::VideoMode(1600, 900), "render bench", sf::Style::Default, settings);
    std::printf("render_bench: whole frames of nofly view, 1600x900, %s, multisampling %ux\n",
                render::glRenderer().c_str(), window.getSettings().antialiasingLevel);
    std::printf("frames of 1/60 s, %d a case; times in ms\n\n", options.frames);
    std::printf("%7s  %-14s %6s  %7s  %9s  %6s  %7s  %7s\n", "drones", "mode", "steps", "min", "median",
                "p90", "in air", "drawn");
    for (int drones : options.drones)
        for (int speed : options.speeds)
            if (!runCase(window, options, drones, speed)) return 1;
    return 0;
}
