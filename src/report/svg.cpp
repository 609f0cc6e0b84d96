#include "report/svg.hpp"

#include "core/decimal.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace nofly::report {

using core::Vec2;

std::string escapeXml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += c;
        }
    }
    return out;
}

namespace {

constexpr const char* kFont = "DejaVu Sans, Verdana, Arial, sans-serif";
constexpr double kTitleBand = 86.0;    ///< [px] height of the title band
constexpr double kLegendWidth = 320.0; ///< [px] width of the legend panel
constexpr double kHatchOpacity = 0.45;
constexpr double kHalo = 4.0; ///< [px] white outline around label text
constexpr double kLabelGap = 2.0; ///< [px] kept clear between a label and another label or a marker
/// [px] a closure ring is drawn this far inside its radius, clear of a zone's edge there
constexpr double kRingInset = 3.5;

/// A number with one decimal, the same in every locale ("-0.0" written "0.0").
std::string num(double value) {
    std::string out = core::fixed(value, 1);
    if (out == "-0.0") out = "0.0";
    return out;
}

std::string hex(Colour c) {
    static const char* kDigits = "0123456789ABCDEF";
    std::string out = "#";
    for (std::uint8_t v : {c.r, c.g, c.b}) {
        out += kDigits[v >> 4];
        out += kDigits[v & 15];
    }
    return out;
}

std::string attr(const char* name, const std::string& value) {
    return std::string(" ") + name + "=\"" + value + "\"";
}

/// Characters of UTF-8 text (for estimating its width).
std::size_t glyphs(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
/// Rough width of a line of text in the sans-serif font [px].
double textWidth(std::string_view text, double fontSize, bool bold) {
    return static_cast<double>(glyphs(text)) * fontSize * (bold ? 0.62 : 0.56);
}

/// Words wrapped to lines no wider than `width` [px].
std::vector<std::string> wrap(const std::string& text, double width, double fontSize) {
    std::vector<std::string> lines;
    std::string line, word;
    auto flush = [&] {
        if (word.empty()) return;
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && textWidth(candidate, fontSize, false) > width) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
        word.clear();
    };
    for (char c : text) {
        if (c == ' ')
            flush();
        else
            word += c;
    }
    flush();
    if (!line.empty()) lines.push_back(line);
    return lines;
}

/// Screen rectangle [px].
struct Rect {
    double x0, y0, x1, y1;
    bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    bool inside(const Rect& o) const { return x0 >= o.x0 && x1 <= o.x1 && y0 >= o.y0 && y1 <= o.y1; }
};

bool isZone(Role role) { return isArea(role); }

/// Writes one scene: world metres to pixels, y down.
class SvgWriter {
  public:
    SvgWriter(const Scene& scene, const SvgOptions& options) : m_scene(scene), m_options(options) {
        const double w = std::max(options.width, 200), h = std::max(options.height, 200);
        const double legend = std::min(kLegendWidth, w / 3.0);
        m_map = {0.0, kTitleBand, w - legend, h};
        const core::Box view = options.view.value_or(scene.view);
        const double viewW = std::max(view.max.x - view.min.x, 1.0),
                     viewH = std::max(view.max.y - view.min.y, 1.0);
        m_scale = std::min((m_map.x1 - m_map.x0) / viewW, (m_map.y1 - m_map.y0) / viewH);
        m_centre = (view.min + view.max) * 0.5;
        m_scaleBar = options.view ? niceScaleBar((m_map.x1 - m_map.x0) / m_scale) : scene.scaleBar;
    }

    std::string write() {
        const double w = std::max(m_options.width, 200), h = std::max(m_options.height, 200);
        const std::string width = std::to_string(static_cast<int>(w)),
                          height = std::to_string(static_cast<int>(h));
        m_out += "<svg xmlns=\"http://www.w3.org/2000/svg\"" + attr("width", width) + attr("height", height) +
                 attr("viewBox", "0 0 " + width + " " + height) + attr("font-family", kFont) + ">\n";
        definitions();
        m_out += "<rect" + attr("width", num(w)) + attr("height", num(h)) + attr("fill", "#FFFFFF") + "/>\n";

        // the map, clipped to its area
        m_out += "<g" + attr("clip-path", "url(#map-area)") + ">\n";
        const std::vector<Primitive>& list = m_scene.primitives;
        keepLabelsOffAirports();
        for (std::size_t i = 0; i < list.size();) {
            const Primitive& p = list[i];
            if (isZone(p.style.role) && p.kind != Primitive::Label) {
                // a zone's parts are consecutive: draw them as one
                // sensors' coverage likewise, all sensors as one, so overlaps keep one light tint
                std::size_t j = i;
                while (j < list.size() && list[j].kind != Primitive::Label &&
                       (list[j].ref == p.ref || p.style.role == Role::SensorCoverage) &&
                       list[j].style.role == p.style.role)
                    ++j;
                zone(i, j);
                i = j;
                continue;
            }
            if (p.kind == Primitive::Polygon && isBasemap(p.style.role))
                land(p);
            else if (p.kind == Primitive::Polyline)
                polyline(p);
            else if (p.kind == Primitive::Marker)
                marker(p.style.role, screen(p.at), "");
            else if (p.kind == Primitive::Label)
                label(p);
            ++i;
        }
        m_out += "</g>\n";
        m_out += "<rect" + rectAttrs(m_map) + attr("fill", "none") + attr("stroke", "#888888") +
                 attr("stroke-width", "1.0") + "/>\n";
        scaleBar();
        attribution();
        titleBand(w);
        legend(w, h);
        m_out += "</svg>\n";
        return std::move(m_out);
    }

  private:
    Vec2 screen(Vec2 p) const {
        return {(m_map.x0 + m_map.x1) / 2.0 + (p.x - m_centre.x) * m_scale,
                (m_map.y0 + m_map.y1) / 2.0 - (p.y - m_centre.y) * m_scale};
    }
    static std::string rectAttrs(const Rect& r) {
        return attr("x", num(r.x0)) + attr("y", num(r.y0)) + attr("width", num(r.x1 - r.x0)) +
               attr("height", num(r.y1 - r.y0));
    }

    /// Path data of rings (closed) or a line (open), dropping points closer
    /// than half a pixel to the last one written.
    std::string pathData(const std::vector<std::vector<Vec2>>& rings, bool closed) const {
        std::string d;
        for (const std::vector<Vec2>& ring : rings) {
            if (ring.empty()) continue;
            Vec2 last = screen(ring.front());
            d += (d.empty() ? "M" : " M") + num(last.x) + "," + num(last.y);
            std::size_t written = 1;
            for (std::size_t k = 1; k < ring.size(); ++k) {
                const Vec2 q = screen(ring[k]);
                const bool end = k + 1 == ring.size();
                if (core::distance(q, last) < 0.5 && !(end && !closed && written == 1)) continue;
                d += " " + num(q.x) + "," + num(q.y);
                last = q;
                ++written;
            }
            if (closed) d += "Z";
        }
        return d;
    }

    void definitions() {
        m_out += "<defs>\n";
        m_out += "<clipPath id=\"map-area\"><rect" + rectAttrs(m_map) + "/></clipPath>\n";
        // one diagonal hatch per hatched role, in its stroke colour
        for (Role role : {Role::ZoneProhibited, Role::ZoneAuthorisation, Role::ZoneConditional,
                          Role::ZoneNoRestriction}) {
            const Paint& p = paint(role);
            if (!p.hatch) continue;
            m_out += "<pattern" + attr("id", "hatch-" + std::string(name(role))) +
                     " patternUnits=\"userSpaceOnUse\" width=\"12.0\" height=\"12.0\" "
                     "patternTransform=\"rotate(45)\"><rect width=\"2.0\" height=\"12.0\"" +
                     attr("fill", hex(p.stroke)) + "/></pattern>\n";
        }
        m_out += "</defs>\n";
    }

    void land(const Primitive& p) {
        const Paint& paint = report::paint(p.style.role);
        m_out += "<path" + attr("class", std::string(name(p.style.role))) + attr("d", pathData(p.rings, true)) +
                 attr("fill", hex(paint.fill)) +
                 attr("stroke", hex(paint.stroke)) + attr("stroke-width", num(paint.strokeWidth)) +
                 attr("stroke-linejoin", "round") + "/>\n";
    }

    /// The shapes of a zone filled with `fill` (corridors as wide round lines in it).
    std::string zoneShapes(std::size_t from, std::size_t to, const std::string& fill) const {
        std::string out;
        for (std::size_t k = from; k < to; ++k) {
            const Primitive& p = m_scene.primitives[k];
            if (p.kind == Primitive::Polygon) {
                out += "<path" + attr("d", pathData(p.rings, true)) + attr("fill", fill) + "/>\n";
            } else if (p.kind == Primitive::Circle) {
                const Vec2 c = screen(p.at);
                out += "<circle" + attr("cx", num(c.x)) + attr("cy", num(c.y)) +
                       attr("r", num(p.radius * m_scale)) + attr("fill", fill) + "/>\n";
            } else if (p.kind == Primitive::Corridor) {
                out += "<path" + attr("d", pathData(p.rings, false)) + attr("fill", "none") +
                       attr("stroke", fill) +
                       attr("stroke-width", num(std::max(2.0 * p.radius * m_scale, 1.0))) +
                       attr("stroke-linecap", "round") + attr("stroke-linejoin", "round") + "/>\n";
            }
        }
        return out;
    }

    /// A zone: a translucent fill (one layer, so overlapping parts do not
    /// darken), the hatch, then the outline of its polygons and circles
    /// (a corridor's band has no outline).
    void zone(std::size_t from, std::size_t to) {
        const Primitive& first = m_scene.primitives[from];
        const Paint& paint = report::paint(first.style.role);
        m_out += "<g" + attr("class", std::string(name(first.style.role))) +
                 attr("data-ref", escapeXml(first.ref));
        if (first.style.faded) m_out += attr("opacity", num2(kFadedOpacity));
        m_out += ">";
        if (!first.text.empty()) m_out += "<title>" + escapeXml(first.text) + "</title>";
        m_out += "\n";
        m_out += "<g" + attr("opacity", num2(paint.fillOpacity)) + ">\n" +
                 zoneShapes(from, to, hex(paint.fill)) + "</g>\n";
        if (paint.hatch)
            m_out += "<g" + attr("opacity", num2(kHatchOpacity)) + ">\n" +
                     zoneShapes(from, to, "url(#hatch-" + std::string(name(first.style.role)) + ")") +
                     "</g>\n";
        bool corridor = false;
        for (std::size_t k = from; k < to; ++k)
            corridor = corridor || m_scene.primitives[k].kind == Primitive::Corridor;
        if (!corridor && paint.strokeWidth > 0.0) {
            m_out += "<g" + strokeAttrs(paint) + attr("fill", "none") + ">\n";
            for (std::size_t k = from; k < to; ++k) {
                const Primitive& p = m_scene.primitives[k];
                if (p.kind == Primitive::Polygon)
                    m_out += "<path" + attr("d", pathData(p.rings, true)) + "/>\n";
                if (p.kind == Primitive::Circle) {
                    const Vec2 c = screen(p.at);
                    m_out += "<circle" + attr("cx", num(c.x)) + attr("cy", num(c.y)) +
                             attr("r", num(outlineRadius(p))) + "/>\n";
                }
            }
            m_out += "</g>\n";
        }
        m_out += "</g>\n";
    }

    /// A circle's outline radius [px]: a closure ring a little inside its
    /// radius, so a zone's edge of the same radius (Kastrup's 5 km) shows beside it.
    double outlineRadius(const Primitive& p) const {
        const double r = p.radius * m_scale;
        return p.style.role == Role::ClosureRadius ? std::max(r - kRingInset, 1.0) : r;
    }

    /// Airports' symbols, which no label may cover, and places' dots, which
    /// a label covers only where it has no other room.
    void keepLabelsOffAirports() {
        for (const Primitive& p : m_scene.primitives) {
            const bool airport = p.style.role == Role::Airport || p.style.role == Role::AirportClosed;
            if (p.kind != Primitive::Marker || !(airport || p.style.role == Role::Place)) continue;
            const Paint& paint = report::paint(p.style.role);
            const Vec2 c = screen(p.at);
            const double s = paint.markerSize + paint.strokeWidth / 2.0;
            (airport ? m_markers : m_dots).push_back({c.x - s, c.y - s, c.x + s, c.y + s});
        }
    }

    static std::string num2(double value) { return core::fixed(value, 2); }

    static std::string strokeAttrs(const Paint& paint) {
        std::string out = attr("stroke", hex(paint.stroke)) + attr("stroke-width", num(paint.strokeWidth)) +
                          attr("stroke-linejoin", "round");
        if (!paint.dash.empty()) {
            std::string dash;
            for (double d : paint.dash)
                dash += (dash.empty() ? "" : " ") + num(d);
            out += attr("stroke-dasharray", dash) + attr("stroke-linecap", "round");
        }
        return out;
    }

    void polyline(const Primitive& p) {
        const Paint& paint = report::paint(p.style.role);
        const std::string d = pathData(p.rings, false);
        m_out += "<g" + attr("class", std::string(name(p.style.role))) + attr("data-ref", escapeXml(p.ref)) +
                 attr("fill", "none") + attr("stroke-linecap", "round") + attr("stroke-linejoin", "round") +
                 ">";
        if (!p.ref.empty()) m_out += "<title>" + escapeXml(p.ref) + "</title>";
        if (paint.casing > 0.0)
            m_out += "<path" + attr("d", d) + attr("stroke", "#FFFFFF") +
                     attr("stroke-width", num(paint.strokeWidth + paint.casing)) + "/>";
        m_out += "<path" + attr("d", d) + attr("stroke", hex(paint.stroke)) +
                 attr("stroke-width", num(paint.strokeWidth)) + "/></g>\n";
    }

    /// A marker centred on a screen point; `extra` adds attributes to its group.
    void marker(Role role, Vec2 c, const std::string& extra) {
        const Paint& paint = report::paint(role);
        const double s = paint.markerSize;
        m_out += "<g" + attr("class", std::string(name(role))) + extra + ">";
        switch (paint.shape) {
        case Paint::Cross: {
            const std::string d = "M" + num(c.x - s) + "," + num(c.y - s) + " L" + num(c.x + s) + "," +
                                  num(c.y + s) + " M" + num(c.x - s) + "," + num(c.y + s) + " L" +
                                  num(c.x + s) + "," + num(c.y - s);
            if (paint.casing > 0.0)
                m_out += "<path" + attr("d", d) + attr("stroke", "#FFFFFF") +
                         attr("stroke-width", num(paint.strokeWidth + paint.casing)) +
                         attr("stroke-linecap", "round") + "/>";
            m_out += "<path" + attr("d", d) + attr("stroke", hex(paint.stroke)) +
                     attr("stroke-width", num(paint.strokeWidth)) + attr("stroke-linecap", "round") + "/>";
            break;
        }
        case Paint::Square:
            m_out += "<rect" + rectAttrs({c.x - s, c.y - s, c.x + s, c.y + s}) +
                     attr("fill", hex(paint.fill)) + attr("stroke", hex(paint.stroke)) +
                     attr("stroke-width", num(paint.strokeWidth)) + "/>";
            break;
        case Paint::Dot:
            m_out += "<circle" + attr("cx", num(c.x)) + attr("cy", num(c.y)) + attr("r", num(s)) +
                     attr("fill", hex(paint.fill)) + attr("stroke", hex(paint.stroke)) +
                     attr("stroke-width", num(paint.strokeWidth)) + "/>";
            break;
        }
        m_out += "</g>\n";
    }

    /// Text with a white halo; `anchor` is start, middle or end.
    void text(Vec2 at, const std::string& content, double fontSize, bool bold, Colour colour,
              const char* anchor, bool halo) {
        m_out += "<text" + attr("x", num(at.x)) + attr("y", num(at.y)) + attr("font-size", num(fontSize)) +
                 attr("fill", hex(colour));
        if (bold) m_out += attr("font-weight", "bold");
        if (std::string_view(anchor) != "start") m_out += attr("text-anchor", anchor);
        if (halo)
            m_out += attr("stroke", "#FFFFFF") + attr("stroke-width", num(kHalo)) +
                     attr("stroke-linejoin", "round") + attr("paint-order", "stroke");
        m_out += ">" + escapeXml(content) + "</text>\n";
    }

    /// A map label where it covers no label already placed and no airport's
    /// symbol (nor, where it can, a place's dot), and stays on the map: a marker's label right of it,
    /// else left, above or below; a zone's above its point, else below.
    /// Otherwise it is left out. The scene lists labels by priority, so the
    /// story's places are placed first (report::buildMapScene).
    void label(const Primitive& p) {
        const Paint& paint = report::paint(p.style.role);
        const Vec2 c = screen(p.at);
        const double width = textWidth(p.text, paint.fontSize, paint.bold), size = paint.fontSize;
        const double gap = paint.markerSize + 5.0;
        struct Spot {
            Vec2 at; ///< text anchor point
            const char* anchor;
        };
        std::vector<Spot> spots;
        if (paint.labelBeside)
            spots = {{{c.x + gap, c.y + 0.35 * size}, "start"},
                     {{c.x - gap, c.y + 0.35 * size}, "end"},
                     {{c.x, c.y - gap - 0.25 * size}, "middle"},
                     {{c.x, c.y + gap + 0.85 * size}, "middle"}};
        else
            spots = {{{c.x, c.y - 6.0}, "middle"}, {{c.x, c.y + 6.0 + size}, "middle"}};
        // first where it also leaves every place's dot clear; failing that (a city's
        // places seen from afar lie on one another), where it covers only dots
        for (const bool clearOfDots : {true, false})
            for (const Spot& spot : spots) {
                const std::string_view anchor = spot.anchor;
                const double x0 = anchor == "start" ? spot.at.x
                                  : anchor == "end" ? spot.at.x - width
                                                    : spot.at.x - width / 2.0;
                const Rect box{x0, spot.at.y - 0.95 * size, x0 + width, spot.at.y + 0.25 * size};
                if (!box.inside(m_map)) continue;
                const Rect clear{box.x0 - kLabelGap, box.y0 - kLabelGap, box.x1 + kLabelGap,
                                 box.y1 + kLabelGap};
                auto covers = [&](const Rect& r) { return r.overlaps(clear); };
                if (std::any_of(m_labels.begin(), m_labels.end(), covers) ||
                    std::any_of(m_markers.begin(), m_markers.end(), covers) ||
                    (clearOfDots && std::any_of(m_dots.begin(), m_dots.end(), covers)))
                    continue;
                m_labels.push_back(box);
                text(spot.at, p.text, size, paint.bold, paint.text, spot.anchor, true);
                return;
            }
    }

    /// A bar of round length in the map's bottom-left corner, half black, half white.
    void scaleBar() {
        const double length = m_scaleBar.metres * m_scale;
        const double x = m_map.x0 + 24.0, y = m_map.y1 - 24.0;
        m_out += "<g class=\"scale-bar\">";
        const double labelHalf = textWidth(m_scaleBar.label, 16.0, true) / 2.0;
        m_out += "<rect" + rectAttrs({x - 14.0, y - 36.0, x + length + labelHalf + 10.0, y + 12.0}) +
                 attr("fill", "#FFFFFF") + attr("fill-opacity", "0.85") + attr("stroke", "#888888") +
                 attr("stroke-width", "1.0") + "/>";
        m_out +=
            "<rect" + rectAttrs({x, y - 4.0, x + length / 2.0, y + 4.0}) + attr("fill", "#000000") + "/>";
        m_out += "<rect" + rectAttrs({x + length / 2.0, y - 4.0, x + length, y + 4.0}) +
                 attr("fill", "#FFFFFF") + attr("stroke", "#000000") + attr("stroke-width", "1.0") + "/>";
        m_out += "</g>\n";
        text({x, y - 12.0}, "0", 16.0, false, {0, 0, 0}, "middle", false);
        text({x + length, y - 12.0}, m_scaleBar.label, 16.0, true, {0, 0, 0}, "middle", false);
    }

    /// The basemap data's credit, small, in the map's bottom right corner.
    void attribution() {
        if (m_scene.attribution.empty()) return;
        m_out += "<g class=\"attribution\">";
        text({m_map.x1 - 8.0, m_map.y1 - 8.0}, m_scene.attribution, 11.0, false, {0x55, 0x55, 0x55}, "end", true);
        m_out += "</g>\n";
    }

    void titleBand(double w) {
        const double room = w - 40.0;
        const double size =
            std::clamp(room / (0.62 * static_cast<double>(glyphs(m_scene.title)) + 1.0), 18.0, 32.0);
        text({20.0, 42.0}, m_scene.title, size, true, {0, 0, 0}, "start", false);
        text({20.0, 72.0}, m_scene.subtitle, 19.0, false, {0x44, 0x44, 0x44}, "start", false);
        m_out += "<line" + attr("x1", "0.0") + attr("y1", num(kTitleBand)) + attr("x2", num(w)) +
                 attr("y2", num(kTitleBand)) + attr("stroke", "#888888") + attr("stroke-width", "1.0") +
                 "/>\n";
    }

    /// The legend panel on the right: one row per entry, swatch then words.
    void legend(double w, double h) {
        const double x0 = m_map.x1, fontSize = 16.0;
        m_out += "<g class=\"legend\">\n";
        m_out += "<rect" + rectAttrs({x0, kTitleBand, w, h}) + attr("fill", "#FAFAFA") +
                 attr("stroke", "#888888") + attr("stroke-width", "1.0") + "/>\n";
        text({x0 + 16.0, kTitleBand + 34.0}, "Legend", 20.0, true, {0, 0, 0}, "start", false);
        double y = kTitleBand + 56.0;
        const double swatchW = 44.0, swatchH = 26.0, textX = x0 + 16.0 + swatchW + 12.0;
        for (const LegendEntry& entry : m_scene.legend) {
            const std::vector<std::string> lines = wrap(entry.text, w - textX - 10.0, fontSize);
            const double rowH = std::max(swatchH, 20.0 * static_cast<double>(lines.size())) + 12.0;
            if (y + rowH > h) break; // no room left: the rest would fall off the picture
            const Rect swatch{x0 + 16.0, y, x0 + 16.0 + swatchW, y + swatchH};
            swatchOf(entry, swatch);
            double ty = y + swatchH / 2.0 + 0.35 * fontSize - 10.0 * static_cast<double>(lines.size() - 1);
            for (const std::string& line : lines) {
                text({textX, ty}, line, fontSize, false, {0x11, 0x11, 0x11}, "start", false);
                ty += 20.0;
            }
            y += rowH;
        }
        m_out += "</g>\n";
    }

    void swatchOf(const LegendEntry& entry, const Rect& r) {
        const Paint& paint = report::paint(entry.style.role);
        const std::string faded = entry.style.faded ? attr("opacity", num2(kFadedOpacity)) : "";
        const Vec2 mid{(r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0};
        if (entry.swatch == Primitive::Polyline) {
            const std::string d = "M" + num(r.x0) + "," + num(mid.y) + " L" + num(r.x1) + "," + num(mid.y);
            m_out += "<g" + attr("class", std::string(name(entry.style.role))) + faded +
                     attr("fill", "none") + attr("stroke-linecap", "round") + ">";
            if (paint.casing > 0.0)
                m_out += "<path" + attr("d", d) + attr("stroke", "#FFFFFF") +
                         attr("stroke-width", num(paint.strokeWidth + paint.casing)) + "/>";
            m_out += "<path" + attr("d", d) + attr("stroke", hex(paint.stroke)) +
                     attr("stroke-width", num(paint.strokeWidth)) + "/></g>\n";
        } else if (entry.swatch == Primitive::Marker) {
            marker(entry.style.role, mid, faded);
        } else {
            m_out += "<g" + attr("class", std::string(name(entry.style.role))) + faded + ">";
            m_out += "<rect" + rectAttrs(r) + attr("fill", hex(paint.fill)) +
                     attr("fill-opacity", num2(paint.fillOpacity)) + "/>";
            if (paint.hatch)
                m_out += "<rect" + rectAttrs(r) +
                         attr("fill", "url(#hatch-" + std::string(name(entry.style.role)) + ")") +
                         attr("opacity", num2(kHatchOpacity)) + "/>";
            if (paint.strokeWidth > 0.0)
                m_out += "<rect" + rectAttrs(r) + attr("fill", "none") + strokeAttrs(paint) + "/>";
            m_out += "</g>\n";
        }
    }

    const Scene& m_scene;
    const SvgOptions& m_options;
    Rect m_map{};         ///< the map's area [px]
    double m_scale = 1.0; ///< [px/m]
    Vec2 m_centre;        ///< world point at the map's centre [m]
    ScaleBar m_scaleBar;
    std::vector<Rect> m_labels; ///< labels placed so far
    std::vector<Rect> m_markers; ///< airports' symbols, kept clear of labels
    std::vector<Rect> m_dots;    ///< places' dots, kept clear where there is room
    std::string m_out;
};

} // namespace

std::string sceneSvg(const Scene& scene, const SvgOptions& options) {
    return SvgWriter(scene, options).write();
}

std::string mapSvg(const RunRecord& run, const SvgOptions& options) {
    SceneOptions sceneOptions;
    sceneOptions.assetDir = options.assetDir;
    sceneOptions.view = options.view;
    return sceneSvg(buildMapScene(run, sceneOptions), options);
}

} // namespace nofly::report
