// MapLayer: the SFML backend of report::Scene, the same styled primitives the
// SVG writer draws (land, zones, routes, markers, labels), painted with the
// same palette, report::paint(). Its job is to cut the scene into triangles
// once (fills) or once a zoom level (outlines, dashes and hatching are sized
// in pixels), and to draw them through the camera every frame. Zones fade
// while not in force and flash when they switch on; labels that would cover
// one another are left out, so they do not pile up when zoomed out.
#pragma once

#include "render/detail/camera.hpp"
#include "render/detail/tessellation.hpp"
#include "report/scene.hpp"

#include <SFML/Graphics.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace nofly::render {

/// How the map is drawn this frame.
struct MapStyle {
    double textScale = 1.0; ///< labels (presenter mode: larger)
    double lineScale = 1.0; ///< outlines and markers
    bool zones = true;
    bool labels = true;
    bool land = true;
};

/// What a zone looks like now.
struct ZoneLook {
    double opacity = 1.0; ///< report::kFadedOpacity while not in force
    double flash = 0.0;   ///< [0, 1] how strongly it flashes (it just switched on)
};

class MapLayer {
  public:
    MapLayer(const report::Scene& scene, const sf::Font& font);

    /// The zones of the scene, in drawing order, by id (report::Primitive::ref).
    const std::vector<std::string>& zoneIds() const { return m_zoneIds; }
    void setZoneLook(std::size_t zone, ZoneLook look);
    /// Changes whenever a zone's look changes (to know when a cached picture of the map is stale).
    std::uint64_t looksVersion() const { return m_looksVersion; }

    /// Land, zones, routes and markers.
    void draw(sf::RenderTarget& target, const Camera& camera, const MapStyle& style);
    /// The labels, over everything drawn so far (the viewer draws them over
    /// the drones, so no drone hides an airport's code), in the scene's order
    /// of priority, each where it covers no label placed before it, no
    /// airport's symbol (nor, where it can, a place's dot) and nothing in `reserved` [px] (the
    /// operations room's own labels).
    void drawLabels(sf::RenderTarget& target, const Camera& camera, const MapStyle& style,
                    const std::vector<sf::FloatRect>& reserved = {});

    /// Labels drawn in the last frame (for tests: that they do not overlap).
    const std::vector<sf::FloatRect>& placedLabels() const { return m_placed; }
    /// The words of the labels (of zones, places, airports ...) drawn in the last frame.
    const std::vector<std::string>& placedTexts() const { return m_placedTexts; }
    /// Whether the target had a stencil buffer, so that overlapping parts of a
    /// translucent zone were filled once.
    bool stencilled() const { return m_stencil; }

  private:
    /// Consecutive primitives of one thing: the land, a zone, a route, a marker, a label.
    struct Group {
        report::Role role = report::Role::Land;
        std::string ref;
        std::vector<const report::Primitive*> parts;
        bool isZone = false;
        bool faded = false; ///< the scene's own flag (never in force in the run)
        Triangles fill;     ///< polygons and corridors [m]; circles are cut per zoom
        Triangles circles;  ///< cut at m_scale
        Triangles stroke;   ///< outline at m_scale
        ZoneLook look;
    };
    struct Label {
        const report::Primitive* primitive = nullptr;
        sf::Text text;
    };
    void rebuildForScale(double scale);
    void drawTriangles(sf::RenderTarget& target, const Triangles& triangles, sf::Color colour,
                       const sf::RenderStates& states, const sf::Texture* hatch, double scale);
    void beginStencilPass(bool on);
    void drawMarkers(sf::RenderTarget& target, const Camera& camera, const MapStyle& style);
    void drawAttribution(sf::RenderTarget& target, const Camera& camera, const MapStyle& style);

    const report::Scene& m_scene;
    const sf::Font& m_font;
    std::vector<Group> m_groups;
    std::vector<std::string> m_zoneIds;
    std::vector<std::size_t> m_zoneGroups; ///< group index of each zone id
    std::vector<Label> m_labels;
    std::vector<sf::FloatRect> m_placed;
    std::vector<std::string> m_placedTexts;
    sf::Texture m_hatch;
    double m_scale = -1.0;     ///< scale the cached outlines were cut for [px/m]
    double m_lineScale = -1.0; ///< and the line scale
    std::uint64_t m_looksVersion = 0;
    bool m_stencil = false;
    int m_stencilRef = 0;
    sf::VertexArray m_scratch{sf::Triangles};
};

sf::Color toSf(report::Colour colour, double opacity = 1.0);

} // namespace nofly::render
