// The window as the command line sees it: `nofly view` opens it on a
// scenario file, `nofly render` draws one frame of it into a PNG. This is
// render's one public header: it names no SFML or Dear ImGui type, so the
// app layer includes none of their headers, and render links them PRIVATE.
// What draws the window (the Viewer, its layers and panels) is render's own,
// in render/detail/.
#pragma once

#include "core/time.hpp"
#include "scenario/model.hpp"

#include <memory>
#include <string>
#include <vector>

namespace nofly::report {
class BallotBox;
}

namespace nofly::render {

struct ViewerOptions {
    std::string file;
    std::string variant;            ///< the variant shown; empty: the base
    std::vector<std::string> split; ///< two variants side by side ("" or "base": the base); empty: one map
    /// The class's answers to start with, "QUESTION=CHOICE", for every variant shown (`nofly render
    /// --answer`).
    std::vector<std::string> answers;
    bool presenter = false;
    double speed = 60.0;       ///< simulated seconds per second of wall time
    bool playing = false;      ///< start playing
    std::string assetDir;      ///< empty: scenario::defaultAssetDir()
    double stepBudget = 0.012; ///< [s] of simulation a frame may take, so the window stays responsive
    bool profile = false;      ///< wait for the GPU after each part of a frame and time it (benchmarks)
    /// Votes from phones (`nofly view --class`): the window opens the question its number keys vote
    /// on in it, and counts the votes it takes; null: no phones.
    std::shared_ptr<report::BallotBox> ballot;
    std::string voteUrl; ///< where the phones vote, shown with the join code
};

class Viewer;

/// A scenario file opened for the window. Its job is to load the file, then
/// either show it in a window until the window is closed, or draw it at one
/// time into a PNG. Construct it only where there is an X display: SFML 2.5
/// aborts without one.
class Window {
  public:
    explicit Window(ViewerOptions options);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    /// Loads the scenario file (each pane with its variant); false, with
    /// errors(), when it has errors.
    bool load();
    /// The problems of the load, as file:line:col: error: ... lines.
    const std::vector<std::string>& errors() const;
    /// The scenario loaded (the left pane's in split view).
    const scenario::Scenario& scenario() const;

    /// Takes votes from phones through `ballot` from now on (ViewerOptions::ballot), `url` shown with its
    /// code.
    void acceptVotes(std::shared_ptr<report::BallotBox> ballot, std::string url);

    /// Opens a window width x height pixels and runs until it is closed.
    /// Returns the exit code.
    int run(unsigned width, unsigned height);

    /// What became of a picture.
    enum class Picture {
        Written,   ///< the PNG is at its path
        NoSurface, ///< no offscreen surface of that size could be made
        NotSaved,  ///< the PNG could not be written (the message says why)
    };
    /// Draws the map at `t` into a PNG of width x height pixels at `path`,
    /// offscreen; when it is not written, `message` says why.
    Picture writePicture(core::Instant t, unsigned width, unsigned height, const std::string& path,
                         std::string& message);

  private:
    std::unique_ptr<Viewer> m_viewer;
};

} // namespace nofly::render
