// The window's camera: which part of the local plane the map shows, and how
// world metres (x east, y north) become window pixels (x right, y down). Only
// the camera knows pixels. Pure arithmetic, so it is tested without a display.
#pragma once

#include "core/geometry.hpp"

namespace nofly::render {

class Camera {
  public:
    /// The map's area in the window [px]: left, top, width, height.
    void setViewport(double left, double top, double width, double height);
    double viewportLeft() const { return m_left; }
    double viewportTop() const { return m_top; }
    double viewportWidth() const { return m_width; }
    double viewportHeight() const { return m_height; }

    /// Shows the whole of `box` [m], centred, as large as the viewport allows.
    void fit(const core::Box& box);
    /// Moves the map by a drag of `pixels` (the world point under the cursor follows it).
    void pan(core::Vec2 pixels);
    /// Zooms by `factor` (> 1: closer) keeping the world point under `pixel` in place.
    void zoomAt(core::Vec2 pixel, double factor);

    core::Vec2 toScreen(core::Vec2 world) const;
    core::Vec2 toWorld(core::Vec2 pixel) const;

    double scale() const { return m_scale; }       ///< [px/m]
    core::Vec2 centre() const { return m_centre; } ///< world point at the viewport's centre [m]
    /// The world area the viewport shows [m].
    core::Box visible() const;

    /// Zoom limits: from a whole continent to a garden. [px/m]
    static constexpr double kMinScale = 1e-5;
    static constexpr double kMaxScale = 20.0;

  private:
    double m_left = 0.0, m_top = 0.0, m_width = 800.0, m_height = 600.0; ///< [px]
    core::Vec2 m_centre{};
    double m_scale = 0.05;
};

} // namespace nofly::render
