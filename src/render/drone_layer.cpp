#include "render/detail/drone_layer.hpp"

#include "render/detail/map_layer.hpp"
#include "render/detail/tessellation.hpp"

#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace nofly::render {

using core::Vec2;
using report::Role;

namespace {

constexpr int kCell = 64;                 ///< [px] atlas cell
constexpr std::size_t kDenseCrowd = 2500; ///< drones on screen beyond which most are drawn as dots
constexpr double kIconHalf = 30.0;        ///< [px] of the cell the icon spans each side of its centre
constexpr sf::Uint8 kDotEdgeAlpha = 200;  ///< a dot's black edge

/// Signed distance to a polygon [px]: negative inside.
double polygonDistance(const std::vector<Vec2>& poly, Vec2 p) {
    double best = 1e9;
    bool inside = false;
    for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const Vec2 a = poly[j], b = poly[i];
        const Vec2 ab = b - a;
        const double t = std::clamp(core::dot(p - a, ab) / core::dot(ab, ab), 0.0, 1.0);
        best = std::min(best, core::distance(p, a + ab * t));
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
    }
    return inside ? -best : best;
}

double segmentDistance(Vec2 p, Vec2 a, Vec2 b) {
    const Vec2 ab = b - a;
    const double t = std::clamp(core::dot(p - a, ab) / core::dot(ab, ab), 0.0, 1.0);
    return core::distance(p, a + ab * t);
}

/// The shape of an icon at point p (cell coordinates, centre 0, y down):
/// 1 white (tinted), 0 black outline, -1 empty.
int iconPixel(Icon icon, Vec2 p) {
    constexpr double kEdge = 3.5; // [px] black outline
    const std::vector<Vec2> arrow{{0, -27}, {19, 22}, {0, 11}, {-19, 22}};
    const std::vector<Vec2> diamond{{0, -22}, {22, 0}, {0, 22}, {-22, 0}};
    const double r = core::length(p);
    auto shape = [&](double d) { return d <= 0.0 ? 1 : d <= kEdge ? 0 : -1; };
    switch (icon) {
    case Icon::Arrow: return shape(polygonDistance(arrow, p));
    case Icon::ArrowDot: {
        const int s = shape(polygonDistance(arrow, p));
        return s == 1 && core::distance(p, {0, 6}) < 5.0 ? 0 : s;
    }
    case Icon::ArrowBar: {
        const int s = shape(polygonDistance(arrow, p));
        return s == 1 && std::abs(p.y - 4.0) < 2.5 ? 0 : s;
    }
    case Icon::ArrowRing: {
        const std::vector<Vec2> small{{0, -20}, {14, 16}, {0, 8}, {-14, 16}};
        const int s = shape(polygonDistance(small, p));
        if (s >= 0) return s;
        const double ring = std::abs(r - 26.0); // a ring round it, 5 px thick with black edges
        return ring <= 2.5 ? 1 : ring <= 2.5 + kEdge ? 0 : -1;
    }
    case Icon::Ring: {
        const double ring = std::abs(r - 15.0);
        return ring <= 4.0 ? 1 : ring <= 4.0 + kEdge ? 0 : -1;
    }
    case Icon::Diamond: {
        const int s = shape(polygonDistance(diamond, p));
        return s == 1 && r < 5.0 ? 0 : s;
    }
    case Icon::Cross:
    case Icon::CircledCross: {
        const double d =
            std::min(segmentDistance(p, {-17, -17}, {17, 17}), segmentDistance(p, {-17, 17}, {17, -17})) -
            4.0;
        if (icon == Icon::CircledCross) {
            const double ring = std::abs(r - 26.0);
            if (ring <= 2.0) return 1;
            if (ring <= 2.0 + kEdge) return 0;
        }
        return shape(d);
    }
    case Icon::Count: break;
    }
    return -1;
}

/// A state's colour.
sf::Color colourOf(Role role, double opacity = 1.0) {
    return toSf(report::paint(role).fill, opacity);
}

} // namespace

Icon iconOf(Role role) {
    switch (role) {
    case Role::DronePlanned: return Icon::Ring;
    case Role::DroneFlying: return Icon::Arrow;
    case Role::DroneAuthorised: return Icon::ArrowDot;
    case Role::DroneRerouted: return Icon::ArrowBar;
    case Role::DroneViolating: return Icon::ArrowRing;
    case Role::DroneUnknown: return Icon::Diamond;
    case Role::DroneNeutralised: return Icon::CircledCross;
    case Role::DroneCaught: return Icon::ArrowBar;
    case Role::FlightCancelled: return Icon::Cross;
    default: return Icon::Arrow;
    }
}

sf::Image makeIconAtlas() {
    // 4 x 4 samples a pixel for smooth edges
    const unsigned count = static_cast<unsigned>(Icon::Count);
    sf::Image image;
    image.create(kCell * count, kCell, sf::Color::Transparent);
    for (unsigned i = 0; i < count; ++i)
        for (int y = 0; y < kCell; ++y)
            for (int x = 0; x < kCell; ++x) {
                int white = 0, black = 0;
                for (int sy = 0; sy < 4; ++sy)
                    for (int sx = 0; sx < 4; ++sx) {
                        const Vec2 p{x + (sx + 0.5) / 4.0 - kCell / 2.0, y + (sy + 0.5) / 4.0 - kCell / 2.0};
                        const int v = iconPixel(static_cast<Icon>(i), p);
                        white += v == 1;
                        black += v == 0;
                    }
                if (white + black == 0) continue;
                const auto grey = static_cast<sf::Uint8>(255 * white / (white + black));
                image.setPixel(
                    i * kCell + unsigned(x), unsigned(y),
                    sf::Color(grey, grey, grey, static_cast<sf::Uint8>(255 * (white + black) / 16)));
            }
    return image;
}

sf::IntRect DroneLayer::cell(Icon icon) {
    return {static_cast<int>(icon) * kCell, 0, kCell, kCell};
}

DroneLayer::DroneLayer() {
    m_atlas.loadFromImage(makeIconAtlas());
    m_atlas.setSmooth(true);
}

bool DroneLayer::shown(const sim::Drone& drone, core::Instant now, const DroneStyle& style) {
    switch (drone.phase) {
    case sim::Phase::Flying: return true;
    case sim::Phase::Waiting: return style.planned;
    case sim::Phase::Planned: return style.planned && drone.departAt - now <= style.plannedAhead;
    case sim::Phase::Cancelled: return true;
    case sim::Phase::Landed: return false;
    }
    return false;
}

namespace {
/// Where a drone is drawn: in flight where it is, on the ground at its take-off point.
Vec2 drawnAt(const sim::Drone& drone) {
    if (drone.phase == sim::Phase::Flying || drone.plan.empty()) return drone.position;
    return drone.plan.front().p0;
}
} // namespace

void DroneLayer::prepare(const Camera& camera, const sim::World& world, const DroneStyle& style,
                         int selected) {
    m_icons.clear();
    m_trails.clear();
    m_marks.clear();
    m_drawn = 0;
    const double margin = 40.0 / camera.scale();
    core::Box box = camera.visible();
    box.min = box.min - Vec2{margin, margin};
    box.max = box.max + Vec2{margin, margin};
    auto onScreen = [&](Vec2 p) {
        return p.x >= box.min.x && p.x <= box.max.x && p.y >= box.min.y && p.y <= box.max.y;
    };
    auto sfv = [](Vec2 p) { return sf::Vector2f(float(p.x), float(p.y)); };

    // a crowd gets smaller icons: thousands of full-size icons would cover the
    // map, and a software renderer pays for every pixel of every quad
    std::size_t crowd = 0;
    for (const sim::Drone& d : world.drones)
        crowd += shown(d, world.now, style) &&
                 onScreen(d.phase == sim::Phase::Flying || d.plan.empty() ? d.position : d.plan.front().p0);
    const double crowdScale =
        std::clamp(std::sqrt(600.0 / std::max<double>(static_cast<double>(crowd), 1.0)), 0.45, 1.0);
    // past a few thousand, drones become dots without trails (the software
    // renderer pays per triangle); those inside a zone and the selected one keep their icons
    const bool dense = crowd > kDenseCrowd;
    m_dense = dense;
    m_dots.clear();
    // a square dot a drone, with a black edge, on whole pixels: centred on a
    // pixel when its side is odd, on a corner when even, so that no pixel
    // centre falls on its border and OpenGL and stampDots() cover the same pixels
    m_dotSize = static_cast<int>(std::lround(5.0 * style.iconScale)) + 2;
    const float dotOffset = m_dotSize % 2 == 1 ? 0.5f : 0.f;
    auto dotAt = [&](Vec2 p) {
        return sf::Vector2f(std::floor(float(p.x)) + dotOffset, std::floor(float(p.y)) + dotOffset);
    };

    for (std::size_t i = 0; i < world.drones.size(); ++i) {
        const sim::Drone& d = world.drones[i];
        if (!shown(d, world.now, style)) continue;
        const Vec2 at = drawnAt(d);
        const bool cancelled = d.phase == sim::Phase::Cancelled;
        const Role role = cancelled ? Role::FlightCancelled : report::droneRole(d);
        const bool dot = dense && role != Role::DroneViolating && static_cast<int>(i) != selected;
        if (dot) {
            if (onScreen(at)) {
                ++m_drawn;
                m_dots.append(sf::Vertex(dotAt(camera.toScreen(at)),
                                         cancelled ? toSf(report::paint(Role::FlightCancelled).stroke)
                                                   : colourOf(role)));
            }
            continue;
        }
        // the trail: the last minutes of its track, fading out behind it
        if (style.trails && d.phase == sim::Phase::Flying && d.departedAt >= 0) {
            const std::vector<Vec2> track =
                report::trackBetween(d.plan, std::max(d.departedAt, world.now - style.trail), world.now);
            const sf::Color colour = colourOf(role, 0.7);
            for (std::size_t k = 0; k + 1 < track.size(); ++k) {
                if (!onScreen(track[k]) && !onScreen(track[k + 1])) continue;
                m_trails.append(sf::Vertex(sfv(camera.toScreen(track[k])), colour));
                m_trails.append(sf::Vertex(sfv(camera.toScreen(track[k + 1])), colour));
            }
        }
        if (!onScreen(at)) continue;
        ++m_drawn;
        // the icon: a quad turned to the heading (north up, clockwise)
        const Icon icon = iconOf(role);
        const double size = report::paint(cancelled ? Role::DroneNeutralised : role).markerSize * 1.25 *
                            style.iconScale * crowdScale;
        const bool turns = icon == Icon::Arrow || icon == Icon::ArrowDot || icon == Icon::ArrowBar ||
                           icon == Icon::ArrowRing;
        const double heading = turns ? d.heading : 0.0;
        const double c = std::cos(heading), s = std::sin(heading);
        const Vec2 centre = camera.toScreen(at);
        const sf::IntRect r = cell(icon);
        const sf::Color colour =
            cancelled ? toSf(report::paint(Role::FlightCancelled).stroke) : colourOf(role);
        const double half = size * kCell / 2.0 / kIconHalf;
        const Vec2 corners[4] = {{-half, -half}, {half, -half}, {half, half}, {-half, half}};
        const sf::Vector2f uv[4] = {{float(r.left), 0.f},
                                    {float(r.left + r.width), 0.f},
                                    {float(r.left + r.width), float(r.height)},
                                    {float(r.left), float(r.height)}};
        for (int k = 0; k < 4; ++k) {
            const Vec2 o = corners[k];
            const Vec2 p = centre + Vec2{o.x * c - o.y * s, o.x * s + o.y * c};
            m_icons.append(sf::Vertex(sfv(p), colour, uv[k]));
        }
    }

    // the selected drone: its whole route, dashed, and a ring round it
    if (selected >= 0 && static_cast<std::size_t>(selected) < world.drones.size()) {
        const sim::Drone& d = world.drones[static_cast<std::size_t>(selected)];
        std::vector<Vec2> route;
        for (const sim::Segment& seg : d.plan) {
            if (route.empty()) route.push_back(camera.toScreen(seg.p0));
            route.push_back(camera.toScreen(seg.p1));
        }
        if (route.empty()) {
            const auto& flight = world.flights[static_cast<std::size_t>(selected)].flight;
            for (Vec2 p : flight.route)
                route.push_back(camera.toScreen(p));
        }
        Triangles dashes, ring;
        strokeLine(route, false, 1.5, {8.0, 6.0}, false, dashes);
        const Vec2 centre = camera.toScreen(drawnAt(d));
        std::vector<Vec2> circle;
        for (int k = 0; k < 32; ++k)
            circle.push_back(centre +
                             Vec2{std::cos(k * 0.19635), std::sin(k * 0.19635)} * (22.0 * style.iconScale));
        strokeLine(circle, true, 2.0 * style.iconScale, {}, false, ring);
        for (Vec2 p : dashes)
            m_marks.append(sf::Vertex(sfv(p), sf::Color(20, 20, 20, 200)));
        for (Vec2 p : ring)
            m_marks.append(sf::Vertex(sfv(p), sf::Color(0, 0, 0)));
    }

}

void DroneLayer::draw(sf::RenderTarget& target, bool dotsStamped) {
    target.draw(m_trails);
    target.draw(m_marks);
    if (m_dots.getVertexCount() > 0 && !dotsStamped) drawDotsAsPoints(target);
    target.draw(m_icons, sf::RenderStates(&m_atlas));
}

namespace {
/// The pixels of a square of side n with its top-left corner at (x0, y0),
/// clipped to the pane, row by row (y down): f(row, first column, end column, row in square).
template <class F> void eachRow(std::uint8_t* pixels, int width, int height, int x0, int y0, int n, F f) {
    const int i0 = std::max(0, x0), i1 = std::min(width, x0 + n);
    if (i0 >= i1) return;
    for (int y = std::max(0, y0); y < std::min(height, y0 + n); ++y)
        f(pixels + std::size_t(y) * std::size_t(width) * 4, i0, i1, y - y0);
}

std::uint8_t blend(unsigned source, unsigned alpha, unsigned under) {
    return static_cast<std::uint8_t>((source * alpha + under * (255u - alpha) + 127u) / 255u);
}
} // namespace

void DroneLayer::dotStamps(int width, int height, float left, Stamps& stamps) const {
    // as OpenGL rasterises a point of size n at (x, y): the pixels whose
    // centres are in the n x n square round it (prepare() put no centre on
    // its border)
    const int n = m_dotSize;
    stamps.size = n;
    stamps.corners.clear();
    stamps.colours.clear();
    for (std::size_t k = 0; k < m_dots.getVertexCount(); ++k) {
        const sf::Vertex& v = m_dots[k];
        const float half = static_cast<float>(n) / 2.f;
        const sf::Vector2i corner(static_cast<int>(std::lround(v.position.x - left - half)),
                                  static_cast<int>(std::lround(v.position.y - half)));
        if (corner.x + n <= 0 || corner.x >= width || corner.y + n <= 0 || corner.y >= height) continue;
        stamps.corners.push_back(corner);
        stamps.colours.push_back(v.color);
    }
}

void DroneLayer::stamp(std::uint8_t* bgra, int width, int height, const Stamps& stamps) {
    // the dot texture's texel times the vertex colour, blended over what is
    // there: an opaque colour inside, black at 200/255 on the edge
    static const std::array<std::uint8_t, 256> darken = [] { // a channel under an opaque dot's edge
        std::array<std::uint8_t, 256> table{};
        for (unsigned c = 0; c < 256; ++c)
            table[c] = blend(0u, kDotEdgeAlpha, c);
        return table;
    }();
    const int n = stamps.size;
    for (std::size_t k = 0; k < stamps.corners.size(); ++k) {
        const int x0 = stamps.corners[k].x, y0 = stamps.corners[k].y;
        const sf::Color c = stamps.colours[k];
        const unsigned edgeAlpha = c.a * kDotEdgeAlpha / 255u;
        auto edge = [&](std::uint8_t* px) {
            if (c.a == 255) {
                px[0] = darken[px[0]], px[1] = darken[px[1]], px[2] = darken[px[2]];
            } else {
                px[0] = blend(0u, edgeAlpha, px[0]), px[1] = blend(0u, edgeAlpha, px[1]);
                px[2] = blend(0u, edgeAlpha, px[2]);
            }
        };
        auto inside = [&](std::uint8_t* px) {
            if (c.a == 255) {
                px[0] = c.b, px[1] = c.g, px[2] = c.r;
            } else {
                px[0] = blend(c.b, c.a, px[0]), px[1] = blend(c.g, c.a, px[1]),
                px[2] = blend(c.r, c.a, px[2]);
            }
        };
        eachRow(bgra, width, height, x0, y0, n, [&](std::uint8_t* row, int i0, int i1, int j) {
            if (j == 0 || j == n - 1) {
                for (int x = i0; x < i1; ++x)
                    edge(row + std::size_t(x) * 4);
                return;
            }
            if (i0 == x0) edge(row + std::size_t(x0) * 4);
            for (int x = std::max(i0, x0 + 1); x < std::min(i1, x0 + n - 1); ++x)
                inside(row + std::size_t(x) * 4);
            if (i1 == x0 + n) edge(row + std::size_t(x0 + n - 1) * 4);
        });
    }
}

void DroneLayer::unstamp(std::uint8_t* bgra, const std::uint8_t* clean, int width, int height,
                         const Stamps& stamps) {
    for (const sf::Vector2i corner : stamps.corners)
        eachRow(bgra, width, height, corner.x, corner.y, stamps.size,
                [&](std::uint8_t* row, int i0, int i1, int) {
                    const std::ptrdiff_t offset = (row - bgra) + std::ptrdiff_t(i0) * 4;
                    std::memcpy(bgra + offset, clean + offset, std::size_t(i1 - i0) * 4);
                });
}

void DroneLayer::drawDotsAsPoints(sf::RenderTarget& target) {
    // one pass: each dot a point sprite of a small texture, a white square
    // inside a black edge, tinted by the vertex colour (the software renderer
    // pays per point, so an edge drawn as a second, larger point doubled the cost)
    const int size = m_dotSize;
    if (m_dotTextureSize != size) {
        sf::Image image;
        image.create(unsigned(size), unsigned(size), sf::Color(0, 0, 0, kDotEdgeAlpha));
        for (int y = 1; y + 1 < size; ++y)
            for (int x = 1; x + 1 < size; ++x)
                image.setPixel(unsigned(x), unsigned(y), sf::Color::White);
        m_dotTexture.loadFromImage(image);
        m_dotTextureSize = size;
    }
    constexpr GLenum kPointSprite = 0x8861, kCoordReplace = 0x8862; // OpenGL 2.0, not in GL/gl.h
    target.setActive(true);
    glEnable(kPointSprite);
    glTexEnvi(kPointSprite, kCoordReplace, GL_TRUE);
    glPointSize(float(size));
    target.draw(m_dots, sf::RenderStates(&m_dotTexture));
    glPointSize(1.f);
    glTexEnvi(kPointSprite, kCoordReplace, GL_FALSE);
    glDisable(kPointSprite);
}

int DroneLayer::pick(const Camera& camera, const sim::World& world, Vec2 pixel, double radius,
                     const DroneStyle& style) const {
    int best = -1;
    double bestDistance = radius;
    for (std::size_t i = 0; i < world.drones.size(); ++i) {
        const sim::Drone& d = world.drones[i];
        if (!shown(d, world.now, style)) continue;
        const double distance = core::distance(camera.toScreen(drawnAt(d)), pixel);
        // the nearest; among drones on top of each other, the last drawn (on top)
        if (distance <= bestDistance) {
            best = static_cast<int>(i);
            bestDistance = distance;
        }
    }
    return best;
}

} // namespace nofly::render
