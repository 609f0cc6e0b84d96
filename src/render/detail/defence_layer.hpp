// DefenceLayer: what the operations room sees, drawn live over the map of the
// window. Its job is to show, at the current time of the run, each sensor's
// coverage (a sector for a camera with a field of view), the tracks alive now
// (unknown ones black with their names, identified ones green), each
// responder where it is with a line to the track it is after, and every
// airport that is closed now, ringed at its closure radius and labelled with
// the time it closed. The map of the whole run (where each track began, how
// long each airport was closed in all) is the SVG's, report::buildScene.
#pragma once

#include "render/detail/camera.hpp"
#include "scenario/model.hpp"
#include "sim/world.hpp"

#include <SFML/Graphics.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace nofly::render {

struct DefenceStyle {
    double markerScale = 1.0; ///< presenter mode draws larger
    double textScale = 1.0;
    bool coverage = true; ///< sensors' coverage and sites
};

/// What the last frame drew, for tests and the benchmark.
struct DefenceDrawn {
    std::size_t tracks = 0;         ///< live tracks on screen
    std::size_t unknownTracks = 0;  ///< of those, unknown
    std::size_t responders = 0;     ///< responders away from their base
    std::size_t closedAirports = 0; ///< airports closed now
};

class DefenceLayer {
  public:
    /// Works out a frame: what lies under the drones (coverage, closure
    /// rings, tracks) and what drawOver() puts over them.
    void prepare(const Camera& camera, const scenario::Scenario& scenario, const sim::World& world,
                 const DefenceStyle& style);
    /// Draws what lies under the drones, as prepared.
    void draw(sf::RenderTarget& target);
    /// Responders and names, over the drones: after draw, in the same frame.
    void drawOver(sf::RenderTarget& target, const sf::Font& font);
    /// Where drawOver() puts its names [px] (unknown tracks, "EKCH CLOSED
    /// since ..."), for the map's labels to keep clear of.
    std::vector<sf::FloatRect> labelBoxes(const sf::Font& font) const;

    const DefenceDrawn& drawnLastFrame() const { return m_drawn; }

  private:
    sf::VertexArray m_areas{sf::Triangles};   ///< coverage fills
    sf::VertexArray m_strokes{sf::Triangles}; ///< outlines, rings, lines
    struct Label {
        std::string text;
        core::Vec2 at; ///< [px]
        unsigned size = 12;
        bool centred = false;
        sf::Color back;
    };
    sf::VertexArray m_marks{sf::Triangles}; ///< tracks
    sf::VertexArray m_over{sf::Triangles};  ///< responders, over the drones
    std::vector<Label> m_labels;            ///< over everything
    DefenceDrawn m_drawn;
};

} // namespace nofly::render
