#include "render/detail/camera.hpp"

#include <algorithm>

namespace nofly::render {

using core::Vec2;

void Camera::setViewport(double left, double top, double width, double height) {
    m_left = left;
    m_top = top;
    m_width = std::max(width, 1.0);
    m_height = std::max(height, 1.0);
}

void Camera::fit(const core::Box& box) {
    const double w = std::max(box.max.x - box.min.x, 1.0), h = std::max(box.max.y - box.min.y, 1.0);
    m_centre = (box.min + box.max) * 0.5;
    m_scale = std::clamp(std::min(m_width / w, m_height / h), kMinScale, kMaxScale);
}

void Camera::pan(Vec2 pixels) {
    m_centre = m_centre + Vec2{-pixels.x / m_scale, pixels.y / m_scale};
}

void Camera::zoomAt(Vec2 pixel, double factor) {
    // the world point under the cursor before and after must be the same
    const Vec2 anchor = toWorld(pixel);
    m_scale = std::clamp(m_scale * factor, kMinScale, kMaxScale);
    const Vec2 moved = toWorld(pixel);
    m_centre = m_centre + (anchor - moved);
}

Vec2 Camera::toScreen(Vec2 world) const {
    return {m_left + m_width / 2.0 + (world.x - m_centre.x) * m_scale,
            m_top + m_height / 2.0 - (world.y - m_centre.y) * m_scale};
}

Vec2 Camera::toWorld(Vec2 pixel) const {
    return {m_centre.x + (pixel.x - m_left - m_width / 2.0) / m_scale,
            m_centre.y - (pixel.y - m_top - m_height / 2.0) / m_scale};
}

core::Box Camera::visible() const {
    const Vec2 a = toWorld({m_left, m_top + m_height}), b = toWorld({m_left + m_width, m_top});
    return {a, b};
}

} // namespace nofly::render
