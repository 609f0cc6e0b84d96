#include "render/detail/defence_layer.hpp"

#include "report/scene.hpp"
#include "report/sentences.hpp"

#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <utility>
#include <vector>

namespace nofly::render {

using core::Vec2;

namespace {


sf::Color colour(report::Colour c, std::uint8_t alpha = 255) {
    return sf::Color(c.r, c.g, c.b, alpha);
}

sf::Vector2f sfv(Vec2 p) {
    return {static_cast<float>(p.x), static_cast<float>(p.y)};
}

void triangle(sf::VertexArray& va, Vec2 a, Vec2 b, Vec2 c, sf::Color colour) {
    va.append(sf::Vertex(sfv(a), colour));
    va.append(sf::Vertex(sfv(b), colour));
    va.append(sf::Vertex(sfv(c), colour));
}

/// A straight band from a to b, `width` pixels wide.
void band(sf::VertexArray& va, Vec2 a, Vec2 b, double width, sf::Color colour) {
    const Vec2 d = b - a;
    const double length = core::length(d);
    if (length <= 0.0) return;
    const Vec2 n = Vec2{-d.y, d.x} * (width / 2.0 / length);
    triangle(va, a + n, b + n, b - n, colour);
    triangle(va, a + n, b - n, a - n, colour);
}

/// The points of an arc on screen: from bearing `from` to `to` [rad from north, clockwise].
std::vector<Vec2> arc(const Camera& camera, Vec2 centre, double radius, double from, double to) {
    const double pixels = radius * camera.scale();
    const int n = std::clamp(static_cast<int>(pixels * (to - from) / 6.0), 8, 256);
    std::vector<Vec2> points;
    for (int k = 0; k <= n; ++k) {
        const double b = from + (to - from) * k / n;
        points.push_back(camera.toScreen(centre + Vec2{std::sin(b), std::cos(b)} * radius));
    }
    return points;
}

/// A diamond of half-width `r` pixels round p, over a slightly larger one in `edge`.
void diamond(sf::VertexArray& va, Vec2 p, double r, sf::Color fill, sf::Color edge) {
    for (auto [size, c] : {std::pair{r + 1.5, edge}, std::pair{r, fill}}) {
        const Vec2 n = p + Vec2{0.0, -size}, e = p + Vec2{size, 0.0}, s = p + Vec2{0.0, size},
                   w = p + Vec2{-size, 0.0};
        triangle(va, n, e, s, c);
        triangle(va, n, s, w, c);
    }
}

/// White bold words on a box of `back`: their top left at `at`, or their
/// top centre. Draws them when given a target; returns the box either way.
sf::FloatRect label(sf::RenderTarget* target, const sf::Font& font, const std::string& text, Vec2 at,
                    unsigned size, bool centred, sf::Color back) {
    sf::Text t(text, font, size);
    t.setStyle(sf::Text::Bold);
    t.setFillColor(sf::Color::White);
    const sf::FloatRect b = t.getLocalBounds();
    if (centred) at.x -= b.width / 2.0 + b.left;
    t.setPosition(std::round(static_cast<float>(at.x)), std::round(static_cast<float>(at.y) - b.top));
    sf::RectangleShape box({b.width + 10.f, b.height + 8.f});
    box.setPosition(std::round(static_cast<float>(at.x)) - 5.f + b.left,
                    std::round(static_cast<float>(at.y)) - 4.f);
    box.setFillColor(back);
    if (target) {
        target->draw(box);
        target->draw(t);
    }
    return box.getGlobalBounds();
}

/// [px] a closure ring `width` wide is drawn this far inside its radius, so
/// that a zone's edge of the same radius (Kastrup's 5 km circle) shows beside it.
double ringInset(double width, double scale) {
    return (1.5 + width / 2.0 + 1.0) * scale;
}

} // namespace

void DefenceLayer::prepare(const Camera& camera, const scenario::Scenario& s, const sim::World& w,
                           const DefenceStyle& style) {
    m_areas.clear();
    m_strokes.clear();
    m_marks.clear();
    m_over.clear();
    m_labels.clear();
    m_drawn = {};
    const double mark = style.markerScale;

    // coverage: a disc for each sensor, a sector for a camera with a field of view
    if (style.coverage) {
        const report::Paint& cover = report::paint(report::Role::SensorCoverage);
        const sf::Color fill =
            colour(cover.fill, static_cast<std::uint8_t>(std::lround(255 * cover.fillOpacity)));
        const sf::Color edge = colour(cover.stroke, 160);
        for (const scenario::Sensor& sensor : s.sensors) {
            const bool sector = sensor.type == scenario::SensorType::Camera && sensor.fieldOfView > 0.0;
            const double from = sector ? sensor.heading - sensor.fieldOfView / 2.0 : 0.0;
            const double to = sector ? sensor.heading + sensor.fieldOfView / 2.0 : 2.0 * std::numbers::pi;
            const std::vector<Vec2> rim = arc(camera, sensor.at, sensor.range, from, to);
            const Vec2 c = camera.toScreen(sensor.at);
            for (std::size_t k = 1; k < rim.size(); ++k) {
                triangle(m_areas, c, rim[k - 1], rim[k], fill);
                band(m_strokes, rim[k - 1], rim[k], 1.5, edge);
            }
            if (sector) {
                band(m_strokes, c, rim.front(), 1.5, edge);
                band(m_strokes, c, rim.back(), 1.5, edge);
            }
        }
    }
    const sim::Defence& d = w.defence;

    // each closure radius: dashed while the airport is open, a wide ring while it is closed
    const report::Paint& closed = report::paint(report::Role::AirportClosed);
    for (std::size_t a = 0; a < s.airports.size() && a < d.airports.size(); ++a) {
        if (!s.airports[a].closure) continue;
        const bool shut = d.airports[a].closed;
        const double width = shut ? 4.0 : 1.5;
        const double radius =
            std::max(s.airports[a].closure->radius - ringInset(width, mark) / camera.scale(), 0.0);
        const std::vector<Vec2> rim = arc(camera, s.airports[a].at, radius, 0.0, 2.0 * std::numbers::pi);
        for (std::size_t k = 1; k < rim.size(); ++k)
            if (shut || (k / 2) % 2 == 0)
                band(m_strokes, rim[k - 1], rim[k], width * mark, colour(closed.fill, shut ? 220 : 180));
        m_drawn.closedAirports += shut ? 1 : 0;
    }

    // responders away from base, with a line to the track they are after
    const report::Paint& responder = report::paint(report::Role::Responder);
    for (std::size_t r = 0; r < d.responders.size() && r < s.responders.size(); ++r) {
        const sim::ResponderState& state = d.responders[r];
        const Vec2 p = camera.toScreen(state.position);
        if (state.track >= 0 && static_cast<std::size_t>(state.track) < d.tracks.size() &&
            (state.status == sim::ResponderState::EnRoute || state.status == sim::ResponderState::Working))
            band(m_strokes, p, camera.toScreen(d.tracks[static_cast<std::size_t>(state.track)].position),
                 2.0 * mark, colour(responder.fill, 200));
        if (core::distance(state.position, s.responders[r].base) < 1.0) continue; // the map marks the base
        diamond(m_over, p, 7.0 * mark, colour(responder.fill), sf::Color::White);
        ++m_drawn.responders;
    }

    // the tracks alive now, where the latest report put them
    const report::Paint& unknown = report::paint(report::Role::TrackUnknown);
    const report::Paint& identified = report::paint(report::Role::TrackIdentified);
    std::vector<const sim::Track*> named;
    const core::Box box = camera.visible();
    auto visible = [&](Vec2 p) {
        return p.x >= box.min.x && p.x <= box.max.x && p.y >= box.min.y && p.y <= box.max.y;
    };
    for (const sim::Track& t : d.tracks) {
        if (t.lost || t.neutralised || !t.classified || !visible(t.position)) continue;
        const Vec2 p = camera.toScreen(t.position);
        diamond(m_marks, p, 5.0 * mark, colour(t.identified ? identified.fill : unknown.fill),
                sf::Color::White);
        ++m_drawn.tracks;
        if (!t.identified) {
            ++m_drawn.unknownTracks;
            named.push_back(&t);
        }
    }

    // names, drawn over the drones: unknown tracks (the ones the room worries
    // about), right of the drone's icon; closed airports, under their own label
    const unsigned small = static_cast<unsigned>(std::lround(12.0 * style.textScale));
    for (const sim::Track* t : named)
        m_labels.push_back({report::trackId(static_cast<int>(t - d.tracks.data())),
                            camera.toScreen(t->position) + Vec2{16.0 * mark, -8.0 * style.textScale}, small,
                            false, sf::Color(17, 17, 17, 210)});
    const unsigned big = static_cast<unsigned>(std::lround(15.0 * style.textScale));
    for (std::size_t a = 0; a < s.airports.size() && a < d.airports.size(); ++a) {
        if (!d.airports[a].closed) continue;
        m_labels.push_back({s.airports[a].id + " CLOSED since " +
                                core::formatMoment(d.airports[a].closedAt, s.time.frame(), w.now),
                            camera.toScreen(s.airports[a].at) + Vec2{0.0, 38.0 * style.textScale}, big, true,
                            colour(closed.fill, 235)});
    }
}

void DefenceLayer::draw(sf::RenderTarget& target) {
    // coverage: one light tint however many sensors overlap (a pixel is
    // filled once, through the stencil buffer when the target has one), with
    // each sensor's outline over it
    const bool stencil = target.setActive(true) && [] {
        GLint bits = 0;
        glGetIntegerv(GL_STENCIL_BITS, &bits);
        return bits > 0;
    }();
    if (stencil) {
        glClearStencil(0);
        glClear(GL_STENCIL_BUFFER_BIT);
        glEnable(GL_STENCIL_TEST);
        glStencilFunc(GL_EQUAL, 0, 0xFF);
        glStencilOp(GL_KEEP, GL_KEEP, GL_INCR);
    }
    target.draw(m_areas);
    if (stencil) glDisable(GL_STENCIL_TEST);
    target.draw(m_strokes);
    target.draw(m_marks);
}

void DefenceLayer::drawOver(sf::RenderTarget& target, const sf::Font& font) {
    target.draw(m_over);
    for (const Label& l : m_labels)
        label(&target, font, l.text, l.at, l.size, l.centred, l.back);
}

std::vector<sf::FloatRect> DefenceLayer::labelBoxes(const sf::Font& font) const {
    std::vector<sf::FloatRect> boxes;
    for (const Label& l : m_labels)
        boxes.push_back(label(nullptr, font, l.text, l.at, l.size, l.centred, l.back));
    return boxes;
}

} // namespace nofly::render
