// The window commands: `nofly view` opens the interactive map, `nofly render`
// draws one frame of it into a PNG. Both need an X display (SFML 2.5 aborts
// without one), so both look for it before any SFML graphics object exists
// and say what to do instead (xvfb-run -a for render).
#include "app/commands.hpp"

#include "app/class_server.hpp"

#include "render/window.hpp"
#include "report/ballot_box.hpp"
#include "report/questions.hpp"
#include "scenario/loader.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <random>

namespace nofly::app {

namespace {

struct ViewOptions {
    std::string file;
    std::string variant;
    std::string split; ///< "A,B": two variants side by side
    bool presenter = false;
    bool play = false;
    double speed = 60.0;
    std::string size = "1600x900";
    std::vector<std::string> answers;
    bool classVotes = false;  ///< --class: phones vote
    std::string classAddress; ///< empty: this machine's first local-network address
    int classPort = 8080;
};

struct RenderOptions {
    std::string file;
    std::string variant;
    std::string split;
    std::vector<std::string> answers;
    std::string at;
    std::string out = "map.png";
    std::string size = "1600x900";
    bool presenter = false;
};

/// Whether an X display is there to talk to: DISPLAY is set and, for a local
/// display (":0"), its socket exists.
bool displayAvailable(std::string& why) {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) {
        why = "no display (DISPLAY is not set)";
        return false;
    }
    const std::string name = display;
    if (name.front() == ':') {
        const std::string number = name.substr(1, name.find('.') - 1);
        if (!std::filesystem::exists("/tmp/.X11-unix/X" + number)) {
            why = "no X server answers on display " + name;
            return false;
        }
    }
    return true;
}

/// "1600x900" into a width and a height in pixels.
bool parseSize(const std::string& text, unsigned& width, unsigned& height) {
    unsigned w = 0, h = 0;
    char x = 0, extra = 0;
    if (std::sscanf(text.c_str(), "%u%c%u%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X'))
        return false;
    if (w < 320 || h < 240 || w > 8192 || h > 8192) return false;
    width = w;
    height = h;
    return true;
}

/// "--split A,B" into the two variants; false (with a message) unless it names exactly two.
bool parseSplit(const char* command, const std::string& split, const std::string& variant,
                std::vector<std::string>& out, std::ostream& err) {
    if (split.empty()) return true;
    if (!variant.empty()) {
        err << "nofly " << command << ": --split and --variant together: name both maps in --split, such as "
            << "--split base," << variant << '\n';
        return false;
    }
    const auto comma = split.find(',');
    out = {split.substr(0, comma), comma == std::string::npos ? std::string() : split.substr(comma + 1)};
    if (comma == std::string::npos || out[0].empty() || out[1].empty() ||
        out[1].find(',') != std::string::npos) {
        err << "nofly " << command << ": --split '" << split
            << "': name two variants with a comma, such as --split base,five-km-circles ('base' is the "
               "scenario "
               "with no variant)\n";
        return false;
    }
    return true;
}

int runView(const ViewOptions& options, std::ostream& err) {
    std::vector<std::string> split;
    if (!parseSplit("view", options.split, options.variant, split, err)) return kUsageError;
    unsigned width = 0, height = 0;
    if (!parseSize(options.size, width, height)) {
        err << "nofly view: --size '" << options.size
            << "': write WIDTHxHEIGHT in pixels, such as 1600x900\n";
        return kUsageError;
    }
    std::string why;
    if (!displayAvailable(why)) {
        err << "nofly view: " << why << ": the window needs a graphical session.\n"
            << "  Without one, run the scenario headless:  nofly run " << options.file << "\n"
            << "  or draw one frame to a PNG:              xvfb-run -a nofly render " << options.file
            << " --at 10:00 -o map.png\n";
        return kUsageError;
    }
    render::ViewerOptions viewer;
    viewer.file = options.file;
    viewer.variant = options.variant;
    viewer.split = split;
    viewer.presenter = options.presenter;
    viewer.speed = options.speed;
    viewer.playing = options.play;
    viewer.answers = options.answers;
    render::Window window(viewer);
    if (!window.load()) {
        for (const std::string& e : window.errors())
            err << e << '\n';
        err << "nofly view: " << options.file << " has errors; nothing was shown\n";
        return kInputError;
    }
    for (const std::string& a : options.answers) {
        std::map<std::string, report::Tally> parsed;
        if (auto error = report::readAnswer(window.scenario(), a, parsed)) {
            err << "nofly view: --answer " << *error << '\n';
            return kUsageError;
        }
    }
    // phones vote on the class's network, for as long as the window is open
    std::unique_ptr<ClassServer> server;
    if (options.classVotes) {
        if (window.scenario().questions.empty()) {
            err << "nofly view: --class: " << options.file
                << " asks no questions, so there is nothing to vote on (see questions: in "
                   "docs/scenario-language.md)\n";
            return kUsageError;
        }
        std::string address = options.classAddress;
        if (address.empty()) {
            const std::vector<std::string> addresses = localAddresses();
            if (addresses.empty() || addresses.front().rfind("127.", 0) == 0) {
                err << "nofly view: --class: this computer has no address on a local network (join the "
                       "class's Wi-Fi, or give one with --class-address)\n";
                return kUsageError;
            }
            address = addresses.front();
        }
        auto box = std::make_shared<report::BallotBox>(report::makeJoinCode(std::random_device{}()));
        server = std::make_unique<ClassServer>(box);
        std::string failure;
        if (!server->start(address, options.classPort, failure)) {
            err << "nofly view: --class: " << failure << '\n';
            return kUsageError;
        }
        const std::string url = "http://" + address + ":" + std::to_string(server->port());
        window.acceptVotes(box, url);
        err << "nofly view: phones vote at " << url << " with the code " << box->joinCode()
            << " (shown in the window)\n";
    }
    return window.run(width, height);
}

int runRender(const RenderOptions& options, std::ostream& out, std::ostream& err) {
    std::vector<std::string> split;
    if (!parseSplit("render", options.split, options.variant, split, err)) return kUsageError;
    unsigned width = 0, height = 0;
    if (!parseSize(options.size, width, height)) {
        err << "nofly render: --size '" << options.size
            << "': write WIDTHxHEIGHT in pixels, such as 1600x900\n";
        return kUsageError;
    }
    std::string why;
    if (!displayAvailable(why)) {
        err << "nofly render: " << why << ": drawing needs an X display, even offscreen.\n"
            << "  Run it under a virtual one:  xvfb-run -a nofly render " << options.file << " --at "
            << (options.at.empty() ? "10:00" : options.at) << " -o " << options.out << "\n";
        return kUsageError;
    }
    render::ViewerOptions viewerOptions;
    viewerOptions.file = options.file;
    viewerOptions.variant = options.variant;
    viewerOptions.split = split;
    viewerOptions.answers = options.answers;
    viewerOptions.presenter = options.presenter;
    render::Window window(viewerOptions);
    if (!window.load()) {
        for (const std::string& e : window.errors())
            err << e << '\n';
        err << "nofly render: " << options.file << " has errors; nothing was drawn\n";
        return kInputError;
    }
    const scenario::Scenario& s = window.scenario();
    for (const std::string& a : options.answers) {
        std::map<std::string, report::Tally> parsed;
        if (auto error = report::readAnswer(s, a, parsed)) {
            err << "nofly render: --answer " << *error << '\n';
            return kUsageError;
        }
    }
    auto at = core::parseInstant(options.at, {s.time.start, s.time.utcOffsetMinutes, true});
    if (auto* e = std::get_if<core::ParseError>(&at)) {
        err << "nofly render: --at: " << e->message << (e->hint.empty() ? "" : " (" + e->hint + ")") << '\n';
        return kUsageError;
    }
    const core::Instant t = std::get<core::Instant>(at);
    if (t < s.time.start || t > s.time.end) {
        err << "nofly render: --at " << options.at << " is outside the scenario's time ("
            << core::formatInterval(s.time.start, s.time.end, s.time.frame(), t) << ")\n";
        return kUsageError;
    }

    std::string message;
    switch (window.writePicture(t, width, height, options.out, message)) {
    case render::Window::Picture::Written: break;
    case render::Window::Picture::NoSurface:
        err << "nofly render: could not create a " << options.size << " drawing surface\n";
        return kInternalError;
    case render::Window::Picture::NotSaved: err << "nofly render: " << message << '\n'; return kInputError;
    }
    out << "Wrote " << options.out << " (" << width << "x" << height << ", "
        << core::formatMoment(t, s.time.frame()) << ")\n";
    return kOk;
}

} // namespace

void addWindowCommands(CLI::App& cli, std::vector<Command>& commands) {
    // nofly view
    auto view = std::make_shared<ViewOptions>();
    CLI::App* viewCommand = cli.add_subcommand(
        "view", "Open the interactive map: play, pause, scrub, click a drone or a zone to see why "
                "(needs a display; F1 in the window lists the keys).");
    viewCommand->add_option("file", view->file, "Scenario file")->required()->check(CLI::ExistingFile);
    viewCommand->add_option("--variant", view->variant, "Apply this variant of the scenario");
    viewCommand->add_option("--split", view->split,
                            "Two variants side by side on one clock, such as base,five-km-circles (key C)");
    viewCommand->add_flag("--presenter", view->presenter,
                          "Large type and high contrast for a projector (key P)");
    viewCommand->add_flag("--play", view->play, "Start playing at once");
    viewCommand->add_option("--speed", view->speed, "Simulated seconds per second")
        ->check(CLI::Range(1.0, 10000.0))
        ->capture_default_str();
    viewCommand->add_option("--size", view->size, "Window size WIDTHxHEIGHT in pixels")
        ->capture_default_str();
    viewCommand->add_flag(
        "--class", view->classVotes,
        "Phones vote: serve a vote page on this computer's local network, its address and a "
        "join code shown in the window; it stops with the window");
    viewCommand->add_option("--class-address", view->classAddress,
                            "The address the vote page listens on (a private, link-local or loopback IPv4 "
                            "address; default: this computer's first on a local network)");
    viewCommand->add_option("--class-port", view->classPort, "The vote page's port")
        ->check(CLI::Range(1, 65535))
        ->capture_default_str();
    viewCommand
        ->add_option("--answer", view->answers,
                     "The class's votes on a question, counted before: QUESTION=CHOICE (one vote) or "
                     "QUESTION=CHOICE:N,CHOICE:N (repeatable); that question is not asked again")
        ->allow_extra_args(false);
    commands.push_back({viewCommand, [view] { return runView(*view, std::cerr); }});

    // nofly render
    auto render = std::make_shared<RenderOptions>();
    CLI::App* renderCommand =
        cli.add_subcommand("render", "Draw the window's map at one time into a PNG (needs a display: "
                                     "xvfb-run -a nofly render FILE --at 10:30 -o map.png).");
    renderCommand->add_option("file", render->file, "Scenario file")->required()->check(CLI::ExistingFile);
    renderCommand->add_option("--at", render->at, "Time to show (10:30, +2 h, or ISO 8601)")->required();
    renderCommand->add_option("-o,--out", render->out, "PNG file to write")->capture_default_str();
    renderCommand->add_option("--size", render->size, "Picture size WIDTHxHEIGHT in pixels")
        ->capture_default_str();
    renderCommand->add_option("--variant", render->variant, "Apply this variant of the scenario");
    renderCommand->add_option("--split", render->split,
                              "Two variants side by side, such as base,five-km-circles");
    renderCommand
        ->add_option("--answer", render->answers,
                     "The class's votes on a question, QUESTION=CHOICE (one vote) or "
                     "QUESTION=CHOICE:N,CHOICE:N (repeatable), shown in the Questions panel")
        ->allow_extra_args(false);
    renderCommand->add_flag("--presenter", render->presenter, "Presenter mode: large type, high contrast");
    commands.push_back({renderCommand, [render] { return runRender(*render, std::cout, std::cerr); }});
}

} // namespace nofly::app
