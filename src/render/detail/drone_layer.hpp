// DroneLayer: every drone of the world as one vertex array of textured quads
// (under a software renderer a shape per drone costs several times more),
// each an icon turned to its heading and tinted with its state's colour
// (report::droneRole, report::paint); the icons also differ in shape so that
// states read in greyscale. Trails show the last minutes of each flight;
// cancelled take-offs are crosses, as on the SVG map. A crowd of thousands on
// screen is drawn as coloured dots, but for the drones inside a zone.
#pragma once

#include "render/detail/camera.hpp"
#include "report/scene.hpp"
#include "sim/world.hpp"

#include <SFML/Graphics.hpp>

#include <cstdint>
#include <vector>

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

    /// Works out what a frame shows: trails, icons, the dots of a dense
    /// crowd, and a ring round drone `selected` (-1: none) with its route.
    void prepare(const Camera& camera, const sim::World& world, const DroneStyle& style, int selected);
    /// Draws what prepare() worked out; the dots too unless `dotsStamped`
    /// (stamp() put them into the map's pixels already).
    void draw(sf::RenderTarget& target, bool dotsStamped);

    /// Whether the frame prepared has dots: a dense crowd.
    bool hasDots() const { return m_dots.getVertexCount() > 0; }
    /// The dots as squares to stamp into a pane's pixels on the CPU: their
    /// side, top-left corners [px, y down] and colours, in drawing order.
    struct Stamps {
        int size = 0;
        std::vector<sf::Vector2i> corners;
        std::vector<sf::Color> colours;
        bool operator==(const Stamps&) const = default;
    };
    /// The dots prepared, as squares in a pane `width` x `height` whose
    /// left edge is at window x `left`; those wholly outside left out.
    void dotStamps(int width, int height, float left, Stamps& stamps) const;
    /// Draws `stamps` into BGRA pixels, top row first (as a window holds
    /// them in memory), `width` x `height`: the same pixels as draw() would
    /// make with OpenGL, which a software renderer draws several times slower.
    static void stamp(std::uint8_t* bgra, int width, int height, const Stamps& stamps);
    /// Puts back the pixels of `clean` (the same size) under the squares of `stamps`.
    static void unstamp(std::uint8_t* bgra, const std::uint8_t* clean, int width, int height,
                        const Stamps& stamps);
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
    void drawDotsAsPoints(sf::RenderTarget& target);

    sf::Texture m_atlas;
    sf::Texture m_dotTexture; ///< a dot: white inside a black edge, m_dotTextureSize pixels square
    int m_dotTextureSize = 0;
    int m_dotSize = 7; ///< [px] a dot's side, its edge included
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
