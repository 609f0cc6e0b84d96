// DroneLayer: every drone of the world as one vertex array of textured quads
// (under a software renderer a shape per drone costs several times more),
// each an icon turned to its heading and tinted with its state's colour
// (report::droneRole, report::paint); the icons also differ in shape so that
// states read in greyscale. Trails show the last minutes of each flight;
// cancelled take-offs are crosses, as on the SVG map. A crowd of thousands on
// screen is drawn as coloured dots, but for the drones inside a zone.
#pragma once

#include "render/camera.hpp"
#include "report/scene.hpp"
#include "sim/world.hpp"

#include <SFML/Graphics.hpp>


namespace nofly::render {

struct DroneStyle {
    double iconScale = 1.0; ///< presenter mode: larger
    bool trails = true;
    bool planned = true;                ///< drones on the ground, due soon or waiting
    core::Millis trail = 180000;        ///< [ms] of track behind each drone
    core::Millis plannedAhead = 600000; ///< [ms] show drones due to take off this soon
};

/// The icon cell of a state in the atlas.
enum class Icon { Arrow, ArrowDot, ArrowBar, ArrowRing, Ring, Diamond, Cross, CircledCross, Count };
Icon iconOf(report::Role role);

class DroneLayer {
  public:
    DroneLayer();

    /// Draws trails, crosses, icons, and a ring round drone `selected` (-1: none) with its route.
    void draw(sf::RenderTarget& target, const Camera& camera, const sim::World& world,
              const DroneStyle& style, int selected);
    /// The drone drawn nearest to `pixel` within `radius` [px], or -1.
    int pick(const Camera& camera, const sim::World& world, core::Vec2 pixel, double radius,
             const DroneStyle& style) const;

    const sf::Texture& atlas() const { return m_atlas; }
    /// The atlas rectangle of an icon [px].
    static sf::IntRect cell(Icon icon);
    std::size_t drawnLastFrame() const { return m_drawn; }
    /// Whether the last frame had so many drones on screen that most were drawn as dots.
    bool denseLastFrame() const { return m_dense; }

    /// Whether a drone is on the map now.
    static bool shown(const sim::Drone& drone, core::Instant now, const DroneStyle& style);

  private:
    void drawDotsAsPoints(sf::RenderTarget& target, float size);

    sf::Texture m_atlas;
    sf::VertexArray m_icons{sf::Quads};
    sf::VertexArray m_trails{sf::Lines};
    sf::VertexArray m_marks{sf::Triangles};
    sf::VertexArray m_dots{sf::Points};
    bool m_dense = false;
    std::size_t m_drawn = 0;
};

/// The icon atlas as an image: white shapes with black outlines, one 64 px
/// cell per Icon, for tinting by vertex colour. Needs no display.
sf::Image makeIconAtlas();

} // namespace nofly::render
