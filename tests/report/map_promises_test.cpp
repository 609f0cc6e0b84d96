// The map keeps its promises (issue 15): labels placed by priority (the
// places the story names first, then airports, zones, other places), none
// covering another label or an airport's symbol; sensors'
// coverage one light tint however many overlap; a closure ring clear of a
// zone's edge of the same radius; the flagship names City Hall Square.
#include "report/scene.hpp"
#include "report/svg.hpp"

#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

namespace nofly::report {
namespace {

using ::testing::HasSubstr;

/// A scenario run to its end, with what the report writers read.
struct Played {
    scenario::Scenario scenario;
    sim::World world;
    RunRecord record;

    explicit Played(const std::string& text) : scenario(load(text)) {
        const sim::CompiledScenario compiled = sim::compile(scenario);
        world = sim::makeWorld(compiled, scenario.seed);
        record.scenario = &scenario;
        record.world = &world;
        record.events = sim::runToEnd(compiled, world);
    }
    static scenario::Scenario load(const std::string& text) {
        scenario::LoadResult r = scenario::loadScenarioText(text, "test.yaml", {});
        std::string printed;
        for (const auto& d : r.diagnostics.all())
            printed += core::format(d) + "\n";
        if (!r.scenario) throw std::runtime_error(printed);
        return *r.scenario;
    }
};

const std::string kHead = "title: Promises\n"
                          "time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 5 s}\n"
                          "map: {origin: {lat: 55.69, lon: 12.56}}\n";

std::vector<std::string> labelTexts(const Scene& scene) {
    std::vector<std::string> out;
    for (const Primitive& p : scene.primitives)
        if (p.kind == Primitive::Label) out.push_back(p.text);
    return out;
}

TEST(MapLabels, TheStorysPlacesComeFirstThenAirportsZonesAndOtherPlaces) {
    // written in the opposite order: the shop, the airport, the pier a flight
    // flies to, the hall a question asks about
    const Played run(
        kHead +
        "places:\n"
        "  - {id: shop, name: Corner shop, at: [300 m, 0 m]}\n"
        "  - {id: pier, name: Pier, at: [2 km, 0 m]}\n"
        "  - {id: hall, name: City Hall, at: [0 m, 0 m]}\n"
        "airports:\n  - {id: TEST, name: Test airport, at: [5 km, 0]}\n"
        "zones:\n"
        "  - {id: park, name: Park, restriction: conditional,\n"
        "     shape: {circle: {center: [-3 km, 0], radius: 500 m}}}\n"
        "flights:\n"
        "  - {id: photos, category: hobby, depart: 10:10, from: hall, to: [0 m, 400 m], speed: 5 m/s}\n"
        "  - {id: survey, category: hobby, depart: 10:20, from: [1 km, 1 km], to: pier, speed: 5 m/s}\n"
        "questions:\n"
        "  - {id: q, ask: \"Will the photographer at City Hall fly?\", flight: photos}\n");
    const Scene scene = buildMapScene(run.record);
    EXPECT_EQ(labelTexts(scene),
              (std::vector<std::string>{"City Hall", "Pier", "TEST", "Park", "Corner shop"}));
}

TEST(MapLabels, APlaceATimelineEventNamesComesBeforeOtherPlaces) {
    const Played run(kHead +
                     "places:\n"
                     "  - {id: shop, name: Corner shop, at: [300 m, 0 m]}\n"
                     "  - {id: harbour, name: Harbour, at: [2 km, 0 m]}\n"
                     "airports:\n  - {id: TEST, name: Test airport, at: [5 km, 0]}\n"
                     "timeline:\n  - {at: 10:20, event: note, text: A drone is seen over the Harbour.}\n");
    EXPECT_EQ(labelTexts(buildMapScene(run.record)),
              (std::vector<std::string>{"Harbour", "TEST", "Corner shop"}));
}

/// The boxes of the SVG's map labels [px], from their position, size and anchor,
/// as the writer reckons them.
struct Box {
    double x0, y0, x1, y1;
};
std::vector<std::pair<std::string, Box>> svgLabels(std::string svg) {
    std::vector<std::pair<std::string, Box>> out;
    // the basemap's credit has a halo too, in its own corner: not a label placed on the map
    const std::size_t credit = svg.find("<g class=\"attribution\">");
    if (credit != std::string::npos) svg.erase(credit, svg.find("</g>", credit) - credit);
    // map labels are the texts with a halo (a white stroke)
    const std::regex text(
        R"re(<text x="([-0-9.]+)" y="([-0-9.]+)" font-size="([0-9.]+)" fill="#[0-9A-F]+"( font-weight="bold")?( text-anchor="(\w+)")? stroke="#FFFFFF"[^>]*>([^<]*)</text>)re");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        const double x = std::stod(m[1]), y = std::stod(m[2]), size = std::stod(m[3]);
        const std::string words = m[7];
        double glyphs = 0;
        for (char c : words)
            glyphs += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        const double width = glyphs * size * (m[4].matched ? 0.62 : 0.56);
        const std::string anchor = m[6].matched ? std::string(m[6]) : "start";
        const double x0 = anchor == "start" ? x : anchor == "end" ? x - width : x - width / 2.0;
        out.push_back({words, {x0, y - 0.95 * size, x0 + width, y + 0.25 * size}});
    }
    return out;
}

TEST(MapLabels, NoLabelCoversAnAirportsSymbol) {
    // a gate just below left of the airport: its name, right of its dot, would lie on the
    // airport's square (about 20 px right and 12 px up at this scale), so it goes elsewhere
    const Played run(kHead + "places:\n  - {id: gate, name: G, at: [-170 m, -100 m]}\n"
                             "airports:\n  - {id: TEST, name: Test airport, at: [0, 0]}\n"
                             "zones:\n  - {id: ctr, name: Control zone, restriction: authorisation,\n"
                             "     shape: {circle: {center: TEST, radius: 3 km}}}\n");
    const Scene scene = buildMapScene(run.record);
    const std::string svg = sceneSvg(scene);
    const auto labels = svgLabels(svg);
    ASSERT_EQ(labels.size(), 3u) << svg;
    // the symbols, where the writer puts them: the map's centre is the view's
    const std::regex square(
        R"re(<g class="airport"><rect x="([-0-9.]+)" y="([-0-9.]+)" width="([0-9.]+)")re");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(svg, m, square));
    const Box symbol{std::stod(m[1]), std::stod(m[2]), std::stod(m[1]) + std::stod(m[3]),
                     std::stod(m[2]) + std::stod(m[3])};
    for (const auto& [words, box] : labels)
        EXPECT_FALSE(box.x0 < symbol.x1 && symbol.x0 < box.x1 && box.y0 < symbol.y1 && symbol.y0 < box.y1)
            << words << " covers the airport";
    for (std::size_t i = 0; i < labels.size(); ++i)
        for (std::size_t j = i + 1; j < labels.size(); ++j) {
            const Box &a = labels[i].second, &b = labels[j].second;
            EXPECT_FALSE(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1)
                << labels[i].first << " over " << labels[j].first;
        }
}

TEST(MapCoverage, OverlappingSensorsShareOneTint) {
    const Played run(kHead + "sensors:\n"
                             "  - {id: a, name: Radar A, type: radar, at: [0, 0], range: 2 km}\n"
                             "  - {id: b, name: Radar B, type: radar, at: [1 km, 0], range: 2 km}\n"
                             "  - {id: c, name: Radar C, type: radar, at: [0, 1 km], range: 2 km}\n");
    const std::string all = mapSvg(run.record);
    const std::string svg = all.substr(0, all.find("<g class=\"legend\">")); // the map, not its legend
    // one group, its translucent fill once over all three discs: overlaps do not darken
    const std::regex group("<g class=\"sensor-coverage\"");
    EXPECT_EQ(std::distance(std::sregex_iterator(svg.begin(), svg.end(), group), std::sregex_iterator()), 1);
    const std::regex disc(R"(<circle cx="[-0-9.]+" cy="[-0-9.]+" r="[0-9.]+" fill="#56B4E9"/>)");
    EXPECT_EQ(std::distance(std::sregex_iterator(svg.begin(), svg.end(), disc), std::sregex_iterator()), 3);
}

TEST(MapCoverage, AClosureRingLiesInsideAZoneEdgeOfTheSameRadius) {
    const Played run(kHead +
                     "airports:\n  - {id: TEST, name: Test airport, at: [0, 0], closure: {radius: 5 km}}\n"
                     "zones:\n  - {id: ctr, name: Control zone, restriction: authorisation,\n"
                     "     shape: {circle: {center: TEST, radius: 5 km}}}\n"
                     "sensors:\n  - {id: a, name: Radar, type: radar, at: [0, 0], range: 2 km}\n");
    const std::string svg = mapSvg(run.record);
    auto outline = [&](const std::string& role) {
        const std::regex group(
            "<g class=\"" + role +
            R"re("[\s\S]*?<g stroke=[^>]*>\n<circle cx="[-0-9.]+" cy="[-0-9.]+" r="([0-9.]+)"/>)re");
        std::smatch m;
        EXPECT_TRUE(std::regex_search(svg, m, group)) << role;
        return m.empty() ? 0.0 : std::stod(m[1]);
    };
    const double zone = outline("zone-authorisation"), ring = outline("closure-radius");
    // the zone's dashed edge is 3 px wide, the ring 2 px: they lie side by side, not one on the other
    EXPECT_GE(zone - ring,
              (paint(Role::ZoneAuthorisation).strokeWidth + paint(Role::ClosureRadius).strokeWidth) / 2.0);
}

TEST(MapLabels, TheFlagshipNamesCityHallSquare) {
    // question 1 is about the wedding photographer at City Hall
    scenario::LoadOptions options;
    options.assetDir = NOFLY_SOURCE_DIR "/assets";
    scenario::LoadResult loaded =
        scenario::loadScenarioFile(NOFLY_SOURCE_DIR "/scenarios/denmark_2025/summit_ban.yaml", options);
    ASSERT_TRUE(loaded.scenario);
    const scenario::Scenario& s = *loaded.scenario;
    const sim::CompiledScenario worldModel = sim::compile(s);
    sim::World world = sim::makeWorld(worldModel, s.seed);
    RunRecord record;
    record.scenario = &s;
    record.world = &world;
    record.events = sim::runToEnd(worldModel, world);
    SvgOptions svgOptions; // as `nofly run` writes map.svg
    svgOptions.assetDir = options.assetDir;
    svgOptions.view = s.view;
    const std::string svg = mapSvg(record, svgOptions);
    EXPECT_THAT(svg, HasSubstr(">City Hall Square</text>"));
    const auto labels = svgLabels(svg);
    for (std::size_t i = 0; i < labels.size(); ++i)
        for (std::size_t j = i + 1; j < labels.size(); ++j) {
            const Box &a = labels[i].second, &b = labels[j].second;
            EXPECT_FALSE(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1)
                << labels[i].first << " over " << labels[j].first;
        }
}

} // namespace
} // namespace nofly::report
