#include "render/detail/map_layer.hpp"

#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace nofly::render {

using core::Vec2;
using report::Paint;
using report::Primitive;
using report::Role;

sf::Color toSf(report::Colour colour, double opacity) {
    const auto alpha = static_cast<sf::Uint8>(std::lround(std::clamp(opacity, 0.0, 1.0) * 255.0));
    return {colour.r, colour.g, colour.b, alpha};
}

namespace {

constexpr double kHatchOpacity = 0.45; ///< as the SVG writer's
constexpr double kHalo = 4.0;          ///< [px] white outline around label text, as the SVG's
constexpr float kLabelGap = 2.f;       ///< [px] kept clear round a label, as the SVG's

bool isZoneRole(Role role) {
    return role == Role::ZoneProhibited || role == Role::ZoneAuthorisation || role == Role::ZoneConditional ||
           role == Role::ZoneNoRestriction;
}

/// A circle's outline as a ring of points.
std::vector<Vec2> circlePoints(Vec2 centre, double radius, int segments) {
    std::vector<Vec2> ring;
    for (int k = 0; k < segments; ++k) {
        const double a = 2.0 * std::numbers::pi * k / segments;
        ring.push_back(centre + Vec2{radius * std::cos(a), radius * std::sin(a)});
    }
    return ring;
}

/// World metres to window pixels as an SFML transform.
sf::Transform worldTransform(const Camera& camera) {
    const Vec2 origin = camera.toScreen({0.0, 0.0});
    const auto s = static_cast<float>(camera.scale());
    return sf::Transform(s, 0.f, static_cast<float>(origin.x), 0.f, -s, static_cast<float>(origin.y), 0.f,
                         0.f, 1.f);
}

} // namespace

MapLayer::MapLayer(const report::Scene& scene, const sf::Font& font) : m_scene(scene), m_font(font) {
    // group the primitives as the SVG writer does: a zone's parts are consecutive
    const std::vector<Primitive>& list = scene.primitives;
    for (std::size_t i = 0; i < list.size();) {
        const Primitive& p = list[i];
        if (p.kind == Primitive::Label) {
            Label label{&p, sf::Text(sf::String::fromUtf8(p.text.begin(), p.text.end()), m_font)};
            m_labels.push_back(std::move(label));
            ++i;
            continue;
        }
        Group group;
        group.role = p.style.role;
        group.ref = p.ref;
        group.faded = p.style.faded;
        group.isZone = isZoneRole(p.style.role);
        group.look.opacity = group.faded ? report::kFadedOpacity : 1.0;
        std::size_t j = i + 1;
        if (group.isZone)
            while (j < list.size() && list[j].kind != Primitive::Label && list[j].ref == p.ref &&
                   list[j].style.role == p.style.role)
                ++j;
        for (std::size_t k = i; k < j; ++k) {
            const Primitive& part = list[k];
            group.parts.push_back(&part);
            // fills that do not depend on the zoom, cut once
            if (part.kind == Primitive::Polygon) fillRings(part.rings, group.fill);
            if (part.kind == Primitive::Corridor && !part.rings.empty())
                strokeLine(part.rings[0], false, part.radius, {}, true, group.fill);
        }
        if (group.isZone) {
            m_zoneIds.push_back(group.ref);
            m_zoneGroups.push_back(m_groups.size());
        }
        m_groups.push_back(std::move(group));
        i = j;
    }

    // the prohibited zones' hatch: diagonal lines, tinted by the vertex colour
    sf::Image hatch;
    hatch.create(12, 12, sf::Color::Transparent);
    for (unsigned y = 0; y < 12; ++y)
        for (unsigned x = 0; x < 12; ++x)
            if ((x + y) % 12 < 3) hatch.setPixel(x, y, sf::Color::White);
    m_hatch.loadFromImage(hatch);
    m_hatch.setRepeated(true);
}

void MapLayer::setZoneLook(std::size_t zone, ZoneLook look) {
    if (zone >= m_zoneGroups.size()) return;
    ZoneLook& current = m_groups[m_zoneGroups[zone]].look;
    if (current.opacity == look.opacity && current.flash == look.flash) return;
    current = look;
    ++m_looksVersion;
}

void MapLayer::rebuildForScale(double scale) {
    // outlines are sized in pixels: cut them again for this zoom
    const double px = 1.0 / scale; // [m] one pixel
    for (Group& group : m_groups) {
        group.circles.clear();
        group.stroke.clear();
        const Paint& paint = report::paint(group.role);
        const double halfWidth = paint.strokeWidth * m_lineScale / 2.0 * px;
        std::vector<double> dash;
        for (double d : paint.dash)
            dash.push_back(d * m_lineScale * px);
        bool corridor = false;
        for (const Primitive* part : group.parts)
            corridor = corridor || part->kind == Primitive::Corridor;
        for (const Primitive* part : group.parts) {
            if (part->kind == Primitive::Circle) {
                const int segments = circleSegments(part->radius * scale);
                fillCircle(part->at, part->radius, segments, group.circles);
                if (!corridor && halfWidth > 0.0)
                    strokeLine(circlePoints(part->at, part->radius, segments), true, halfWidth, dash, false,
                               group.stroke);
            } else if (part->kind == Primitive::Polygon && !corridor && halfWidth > 0.0) {
                for (const core::Ring& ring : part->rings)
                    strokeLine(thinned(ring, 0.5 * px), true, halfWidth, dash, false, group.stroke);
            } else if (part->kind == Primitive::Polyline && !part->rings.empty()) {
                strokeLine(thinned(part->rings[0], 0.5 * px), false, halfWidth, {}, false, group.stroke);
            }
        }
    }
    m_scale = scale;
}

void MapLayer::beginStencilPass(bool on) {
    if (!m_stencil) return;
    if (!on) {
        glDisable(GL_STENCIL_TEST);
        return;
    }
    // each pass writes its own number, and a pixel is painted once a pass
    if (++m_stencilRef > 255) {
        glClearStencil(0);
        glClear(GL_STENCIL_BUFFER_BIT);
        m_stencilRef = 1;
    }
    glEnable(GL_STENCIL_TEST);
    glStencilFunc(GL_NOTEQUAL, m_stencilRef, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
}

void MapLayer::drawTriangles(sf::RenderTarget& target, const Triangles& triangles, sf::Color colour,
                             const sf::RenderStates& states, const sf::Texture* hatch, double scale) {
    if (triangles.empty() || colour.a == 0) return;
    m_scratch.clear();
    m_scratch.setPrimitiveType(sf::Triangles);
    m_scratch.resize(triangles.size());
    const Vec2 c = (m_scene.view.min + m_scene.view.max) * 0.5; // keeps texture coordinates small
    for (std::size_t k = 0; k < triangles.size(); ++k) {
        sf::Vertex& v = m_scratch[k];
        v.position = {static_cast<float>(triangles[k].x), static_cast<float>(triangles[k].y)};
        v.color = colour;
        if (hatch)
            v.texCoords = {static_cast<float>((triangles[k].x - c.x) * scale),
                           static_cast<float>(-(triangles[k].y - c.y) * scale)};
    }
    sf::RenderStates s = states;
    s.texture = hatch;
    target.draw(m_scratch, s);
}

void MapLayer::draw(sf::RenderTarget& target, const Camera& camera, const MapStyle& style) {
    if (std::abs(camera.scale() - m_scale) > 1e-9 * camera.scale() || style.lineScale != m_lineScale) {
        m_lineScale = style.lineScale;
        rebuildForScale(camera.scale());
    }
    m_stencil = target.setActive(true) && [] {
        GLint bits = 0;
        glGetIntegerv(GL_STENCIL_BITS, &bits);
        return bits > 0;
    }();
    if (m_stencil) {
        glClearStencil(0);
        glClear(GL_STENCIL_BUFFER_BIT);
        m_stencilRef = 0;
    }
    sf::RenderStates states;
    states.transform = worldTransform(camera);

    for (const Group& group : m_groups) {
        const Paint& paint = report::paint(group.role);
        if (report::isBasemap(group.role)) {
            if (!style.land) continue;
            drawTriangles(target, group.fill, toSf(paint.fill, paint.fillOpacity), states, nullptr, 0.0);
            drawTriangles(target, group.stroke, toSf(paint.stroke), states, nullptr, 0.0);
            continue;
        }
        if (group.isZone) {
            if (!style.zones) continue;
            const double opacity = group.look.opacity, flash = group.look.flash;
            // fill, hatch and outline: each pass paints a pixel once, so the
            // overlapping parts of a zone do not darken (as the SVG's group opacity)
            const double fillOpacity = std::min(1.0, paint.fillOpacity * opacity + 0.35 * flash);
            for (const Triangles* part : {&group.fill, &group.circles}) {
                beginStencilPass(true);
                drawTriangles(target, *part, toSf(paint.fill, fillOpacity), states, nullptr, 0.0);
                --m_stencilRef; // the circles share the fill's pass
            }
            ++m_stencilRef;
            if (paint.hatch) {
                for (const Triangles* part : {&group.fill, &group.circles}) {
                    beginStencilPass(true);
                    drawTriangles(target, *part, toSf(paint.stroke, kHatchOpacity * opacity), states,
                                  &m_hatch, camera.scale());
                    --m_stencilRef;
                }
                ++m_stencilRef;
            }
            beginStencilPass(true);
            drawTriangles(target, group.stroke, toSf(paint.stroke, opacity), states, nullptr, 0.0);
            beginStencilPass(false);
            if (flash > 0.0) {
                // a switched-on zone glows: a wide outline that narrows as the flash fades
                Triangles glow;
                const double halfWidth = (4.0 + 10.0 * flash) * style.lineScale / camera.scale();
                for (const Primitive* part : group.parts) {
                    if (part->kind == Primitive::Circle)
                        strokeLine(
                            circlePoints(part->at, part->radius, circleSegments(part->radius * m_scale)),
                            true, halfWidth, {}, false, glow);
                    else if (part->kind == Primitive::Polygon)
                        for (const core::Ring& ring : part->rings)
                            strokeLine(thinned(ring, 0.5 / m_scale), true, halfWidth, {}, false, glow);
                }
                beginStencilPass(true);
                drawTriangles(target, glow, toSf(paint.stroke, 0.75 * flash), states, nullptr, 0.0);
                beginStencilPass(false);
            }
            continue;
        }
        if (group.role == Role::Obstacle) {
            // what blocks sensors' view, as the SVG draws it (the legend lists it)
            drawTriangles(target, group.fill, toSf(paint.fill, paint.fillOpacity), states, nullptr, 0.0);
            drawTriangles(target, group.circles, toSf(paint.fill, paint.fillOpacity), states, nullptr, 0.0);
            drawTriangles(target, group.stroke, toSf(paint.stroke), states, nullptr, 0.0);
            continue;
        }
        if (group.role == Role::RouteCompliant || group.role == Role::RouteViolating)
            drawTriangles(target, group.stroke, toSf(paint.stroke), states, nullptr, 0.0);
    }
    beginStencilPass(false);
    drawMarkers(target, camera, style);
}

void MapLayer::drawMarkers(sf::RenderTarget& target, const Camera& camera, const MapStyle& style) {
    // places and airports: fixed-size symbols in pixels
    Triangles tris;
    std::vector<sf::Color> colours;
    auto add = [&](const Triangles& shape, sf::Color colour) {
        tris.insert(tris.end(), shape.begin(), shape.end());
        colours.insert(colours.end(), shape.size(), colour);
    };
    for (const Group& group : m_groups)
        for (const Primitive* part : group.parts) {
            if (part->kind != Primitive::Marker) continue;
            const Paint& paint = report::paint(part->style.role);
            const Vec2 c = camera.toScreen(part->at);
            const double s = paint.markerSize * style.lineScale, w = paint.strokeWidth * style.lineScale;
            Triangles outer, inner;
            switch (paint.shape) {
            case Paint::Square:
                fillRings({{c + Vec2{-s - w, -s - w}, c + Vec2{s + w, -s - w}, c + Vec2{s + w, s + w},
                            c + Vec2{-s - w, s + w}}},
                          outer);
                fillRings({{c + Vec2{-s, -s}, c + Vec2{s, -s}, c + Vec2{s, s}, c + Vec2{-s, s}}}, inner);
                add(outer, toSf(paint.stroke));
                add(inner, toSf(paint.fill));
                break;
            case Paint::Dot:
                fillCircle(c, s + w, 16, outer);
                fillCircle(c, s, 16, inner);
                add(outer, toSf(paint.stroke));
                add(inner, toSf(paint.fill));
                break;
            case Paint::Cross:
                for (double half : {(w + paint.casing * style.lineScale) / 2.0, w / 2.0}) {
                    Triangles cross;
                    strokeLine({c + Vec2{-s, -s}, c + Vec2{s, s}}, false, half, {}, false, cross);
                    strokeLine({c + Vec2{-s, s}, c + Vec2{s, -s}}, false, half, {}, false, cross);
                    add(cross, half > w / 2.0 ? sf::Color::White : toSf(paint.stroke));
                }
                break;
            }
        }
    m_scratch.clear();
    m_scratch.setPrimitiveType(sf::Triangles);
    for (std::size_t k = 0; k < tris.size(); ++k)
        m_scratch.append(sf::Vertex({float(tris[k].x), float(tris[k].y)}, colours[k]));
    target.draw(m_scratch);
}

void MapLayer::drawLabels(sf::RenderTarget& target, const Camera& camera, const MapStyle& style,
                          const std::vector<sf::FloatRect>& reserved) {
    // the SVG writer's rule: a marker's label right of it, else left, above or
    // below; a zone's above its point, else below; left out if it would
    // cover a label already placed, an airport's symbol or leave the map;
    // a place's dot only where there is no other room
    m_placed.clear();
    m_placedTexts.clear();
    drawAttribution(target, camera, style); // first: the labels keep off it
    if (!style.labels) return;
    const sf::FloatRect map(float(camera.viewportLeft()), float(camera.viewportTop()),
                            float(camera.viewportWidth()), float(camera.viewportHeight()));
    std::vector<sf::FloatRect> keepOff = reserved, dots;
    for (const Group& group : m_groups)
        for (const Primitive* part : group.parts) {
            const bool airport = part->style.role == Role::Airport || part->style.role == Role::AirportClosed;
            if (part->kind != Primitive::Marker || !(airport || part->style.role == Role::Place)) continue;
            const Paint& paint = report::paint(part->style.role);
            const Vec2 c = camera.toScreen(part->at);
            const double s = (paint.markerSize + paint.strokeWidth) * style.lineScale;
            (airport ? keepOff : dots)
                .emplace_back(float(c.x - s), float(c.y - s), float(2.0 * s), float(2.0 * s));
        }
    for (Label& label : m_labels) {
        const Primitive& p = *label.primitive;
        if (isZoneRole(p.style.role) && !style.zones) continue;
        if (p.style.role == Role::BasemapLabel && !style.land) continue; // the basemap's, shown with it
        const Paint& paint = report::paint(p.style.role);
        const double size = paint.fontSize * style.textScale;
        sf::Text& text = label.text;
        text.setCharacterSize(static_cast<unsigned>(std::lround(size)));
        text.setStyle(paint.bold ? sf::Text::Bold : sf::Text::Regular);
        double opacity = 1.0;
        for (std::size_t z = 0; z < m_zoneIds.size(); ++z)
            if (isZoneRole(p.style.role) && m_zoneIds[z] == p.ref)
                opacity = std::max(0.55, m_groups[m_zoneGroups[z]].look.opacity);
        text.setFillColor(toSf(paint.text, opacity));
        text.setOutlineColor(sf::Color(255, 255, 255, sf::Uint8(220 * opacity)));
        text.setOutlineThickness(static_cast<float>(kHalo / 2.0 * style.textScale));
        const double width = text.getLocalBounds().width;
        const Vec2 c = camera.toScreen(p.at);
        const double gap = paint.markerSize * style.lineScale + 5.0;
        struct Spot {
            double x0, baseline;
        };
        std::vector<Spot> spots;
        if (paint.labelBeside)
            spots = {{c.x + gap, c.y + 0.35 * size},
                     {c.x - gap - width, c.y + 0.35 * size},
                     {c.x - width / 2.0, c.y - gap - 0.25 * size},
                     {c.x - width / 2.0, c.y + gap + 0.85 * size}};
        else
            spots = {{c.x - width / 2.0, c.y - 6.0}, {c.x - width / 2.0, c.y + 6.0 + size}};
        // first where it also leaves every place's dot clear; failing that (a city's
        // places seen from afar lie on one another), where it covers only dots
        bool placed = false;
        for (const bool clearOfDots : {true, false})
            for (const Spot& spot : spots) {
                if (placed) break;
                const sf::FloatRect box(float(spot.x0), float(spot.baseline - 0.95 * size), float(width),
                                        float(1.2 * size));
                if (box.left < map.left || box.top < map.top || box.left + box.width > map.left + map.width ||
                    box.top + box.height > map.top + map.height)
                    continue;
                const sf::FloatRect clear(box.left - kLabelGap, box.top - kLabelGap,
                                          box.width + 2.f * kLabelGap, box.height + 2.f * kLabelGap);
                auto covers = [&](const sf::FloatRect& r) { return r.intersects(clear); };
                if (std::any_of(m_placed.begin(), m_placed.end(), covers) ||
                    std::any_of(keepOff.begin(), keepOff.end(), covers) ||
                    (clearOfDots && std::any_of(dots.begin(), dots.end(), covers)))
                    continue;
                m_placed.push_back(box);
                m_placedTexts.push_back(p.text);
                // SFML places text by its top; the baseline sits about 0.93 of the size below it
                text.setPosition(std::round(float(spot.x0)), std::round(float(spot.baseline - 0.93 * size)));
                target.draw(text);
                placed = true;
            }
    }
}

void MapLayer::drawAttribution(sf::RenderTarget& target, const Camera& camera, const MapStyle& style) {
    // the basemap data's credit, as the SVG draws it: small, in the map's bottom right corner
    if (m_scene.attribution.empty()) return;
    sf::Text text(sf::String::fromUtf8(m_scene.attribution.begin(), m_scene.attribution.end()), m_font);
    text.setCharacterSize(static_cast<unsigned>(std::lround(11.0 * style.textScale)));
    text.setFillColor(sf::Color(0x55, 0x55, 0x55));
    text.setOutlineColor(sf::Color(255, 255, 255, 220));
    text.setOutlineThickness(static_cast<float>(kHalo / 2.0 * style.textScale));
    const sf::FloatRect bounds = text.getLocalBounds();
    const double right = camera.viewportLeft() + camera.viewportWidth() - 8.0;
    const double bottom = camera.viewportTop() + camera.viewportHeight() - 6.0;
    text.setPosition(std::round(float(right - bounds.width - bounds.left)),
                     std::round(float(bottom - bounds.height - bounds.top)));
    target.draw(text);
    m_placed.push_back(text.getGlobalBounds());
}

} // namespace nofly::render
