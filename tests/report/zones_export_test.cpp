// A scenario's zones out as GeoJSON and ED-269, read with nlohmann-json: what
// each format says about areas, limits and schedules. (The round trip back
// through `include:` is tests/app/data_commands_test.cpp's.)
#include "report/zones_export.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace nofly::report {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

constexpr core::Instant kStart = 1759298400000; // 2025-10-01T08:00+02:00
constexpr core::Millis kHour = 3600000;

/// Three zones made by hand: a circle with a weekly slot running past
/// midnight, a polygon with a hole and a window, a corridor switched on by a
/// timeline event.
scenario::Scenario handMade() {
    scenario::Scenario s;
    s.title = "Hand-made";
    s.time = {kStart, kStart + 6 * kHour, 1000, 120};
    s.origin = {55.0, 12.0};
    s.projection = core::LocalProjection(s.origin);

    scenario::Zone helipad;
    helipad.id = "helipad";
    helipad.name = "Helipad";
    helipad.restriction = scenario::Restriction::Authorisation;
    helipad.reasons = {scenario::Reason::AirTraffic};
    helipad.region.circles.push_back({{0.0, 0.0}, 500.0});
    helipad.altitude.ceiling = core::Altitude{120.0, core::AltitudeRef::AGL};
    helipad.active.weekly.push_back({{5}, 23 * kHour, 25 * kHour}); // Saturday 23:00 to Sunday 01:00 local
    helipad.exempt = {"police"};

    scenario::Zone park;
    park.id = "park";
    park.name = "Park";
    park.region.polygons.push_back({{{0, 2000}, {1000, 2000}, {1000, 3000}, {0, 3000}},
                                    {{{400, 2400}, {400, 2600}, {600, 2600}, {600, 2400}}}});
    park.active.windows.push_back({kStart + kHour, kStart + 2 * kHour});

    scenario::Zone river;
    river.id = "river";
    river.name = "River";
    river.restriction = scenario::Restriction::Conditional;
    river.region.corridors.push_back({{{-3000, -3000}, {3000, -3000}, {3000, -4000}}, 100.0});
    river.active.afterEvent = "flood";
    river.active.eventDuration = 2 * kHour;
    scenario::TimelineEvent flood;
    flood.id = "flood";
    flood.at = kStart + 30 * 60000;
    flood.type = scenario::EventType::Activate;
    s.timeline.push_back(flood);

    s.zones = {helipad, park, river};
    return s;
}

TEST(ZonesExport, GeoJsonKeepsCirclesCorridorsAndSchedules) {
    const ZoneExport out = exportZones(handMade(), ZoneFormat::GeoJson);
    const json root = json::parse(out.text);
    ASSERT_EQ(root.at("features").size(), 3u);
    const json& helipad = root.at("features")[0];
    EXPECT_EQ(helipad.at("id"), "helipad");
    EXPECT_EQ(helipad.at("properties").at("restriction"), "authorisation");
    EXPECT_EQ(helipad.at("properties").at("floor"), "0.0 m AGL");
    EXPECT_EQ(helipad.at("properties").at("ceiling"), "120.0 m AGL");
    EXPECT_EQ(helipad.at("properties").at("exempt"), json({"police"}));
    // the circle: a polygon to draw, and the circle itself
    EXPECT_EQ(helipad.at("geometry").at("type"), "Polygon");
    EXPECT_EQ(helipad.at("geometry").at("circle").at("radius"), 500.0);
    EXPECT_EQ(helipad.at("geometry").at("circle").at("center"), json({12.0, 55.0}));
    // the weekly slot at the scenario's offset, past midnight
    const json& weekly = helipad.at("properties").at("weekly")[0];
    EXPECT_EQ(weekly.at("days"), json({"sat"}));
    EXPECT_EQ(weekly.at("from"), "23:00");
    EXPECT_EQ(weekly.at("to"), "01:00");
    EXPECT_EQ(helipad.at("properties").at("utc-offset"), "+02:00");

    // the polygon's outer ring counter-clockwise and closed, its hole clockwise
    const json& park = root.at("features")[1];
    EXPECT_EQ(park.at("geometry").at("coordinates").size(), 2u);
    EXPECT_EQ(park.at("geometry").at("coordinates")[0].size(), 5u);
    EXPECT_EQ(park.at("properties").at("windows")[0].at("from"), "2025-10-01T09:00:00+02:00");

    // the corridor: its centre line and its full width; its event as a window
    const json& river = root.at("features")[2];
    EXPECT_EQ(river.at("geometry").at("type"), "LineString");
    EXPECT_EQ(river.at("geometry").at("width"), 200.0);
    EXPECT_EQ(river.at("properties").at("windows")[0].at("from"), "2025-10-01T08:30:00+02:00");
    EXPECT_EQ(river.at("properties").at("windows")[0].at("to"), "2025-10-01T10:30:00+02:00");
    EXPECT_THAT(out.notes.at(0), HasSubstr("zone 'river': switched on by the timeline event 'flood'"));
}

TEST(ZonesExport, Ed269WritesUtcSchedulesAndCorridorPieces) {
    const ZoneExport out = exportZones(handMade(), ZoneFormat::Ed269);
    const json zones = json::parse(out.text).at("UASZoneList");
    ASSERT_EQ(zones.size(), 3u);
    const json& helipad = zones[0];
    EXPECT_EQ(helipad.at("restriction"), "REQ_AUTHORISATION");
    EXPECT_EQ(helipad.at("reason"), json({"AIR_TRAFFIC"}));
    const json& volume = helipad.at("geometry")[0];
    EXPECT_EQ(volume.at("horizontalProjection").at("type"), "Circle");
    EXPECT_EQ(volume.at("upperLimit"), 120.0);
    EXPECT_EQ(volume.at("uomDimensions"), "M");
    // Saturday 23:00 to 01:00 at +02:00 is Saturday 21:00Z to 23:00Z
    const json& slot = helipad.at("applicability")[0].at("schedule")[0];
    EXPECT_EQ(slot.at("day"), json({"SAT"}));
    EXPECT_EQ(slot.at("startTime"), "21:00:00Z");
    EXPECT_EQ(slot.at("endTime"), "23:00:00Z");

    // a window in UTC; no upper limit is null
    const json& park = zones[1];
    EXPECT_EQ(park.at("applicability")[0].at("startDateTime"), "2025-10-01T07:00:00Z");
    EXPECT_TRUE(park.at("geometry")[0].at("upperLimit").is_null());
    EXPECT_EQ(park.at("restriction"), "PROHIBITED");

    // a corridor of 2 segments: 2 rectangles and 3 circles
    EXPECT_EQ(zones[2].at("geometry").size(), 5u);
    EXPECT_THAT(out.text, HasSubstr("\"CONDITIONAL\""));
    bool noted = false;
    for (const std::string& note : out.notes)
        noted = noted || note == "zone 'river': ED-269 has no corridors; written as 5 rectangles and circles";
    EXPECT_TRUE(noted) << ::testing::PrintToString(out.notes);
}

/// Two zones the timeline alone switches: one on at 09:00 for good, one on at
/// 18:00 and off at 23:30 (local, +02:00), in a scenario from 08:00 to 02:00.
scenario::Scenario switchedByTheTimeline() {
    scenario::Scenario s = handMade();
    s.time.end = kStart + 18 * kHour;
    s.zones.resize(2);
    s.zones[0] = s.zones[1]; // the park's polygon, with no schedule of its own
    s.zones[0].id = "switched-on";
    s.zones[0].active = {};
    s.zones[1].id = "evening";
    s.zones[1].active = {};
    auto event = [&](core::Instant at, scenario::EventType type, const std::string& zone) {
        scenario::TimelineEvent e;
        e.at = at;
        e.type = type;
        e.zone = zone;
        return e;
    };
    s.timeline = {event(kStart + kHour, scenario::EventType::Activate, "switched-on"),
                  event(kStart + 10 * kHour, scenario::EventType::Activate, "evening"),
                  event(kStart + 15 * kHour + 30 * 60000, scenario::EventType::Deactivate, "evening")};
    return s;
}

TEST(ZonesExport, Ed269WritesTheWindowsTheTimelineGives) {
    const ZoneExport out = exportZones(switchedByTheTimeline(), ZoneFormat::Ed269);
    const json zones = json::parse(out.text).at("UASZoneList");
    ASSERT_EQ(zones.size(), 2u);
    // switched on at 09:00 local for good: from 07:00Z, with no end
    EXPECT_EQ(zones[0].at("applicability"),
              json::parse(R"([{"permanent": "NO", "startDateTime": "2025-10-01T07:00:00Z"}])"));
    // in force 18:00-23:30 local
    EXPECT_EQ(zones[1].at("applicability"),
              json::parse(R"([{"permanent": "NO", "startDateTime": "2025-10-01T16:00:00Z",
                                "endDateTime": "2025-10-01T21:30:00Z"}])"));
    EXPECT_THAT(::testing::PrintToString(out.notes),
                HasSubstr("zone 'evening': switched on and off by the timeline (activate at "
                          "2025-10-01T18:00:00+02:00, deactivate at 2025-10-01T23:30:00+02:00); written as "
                          "the window in force it gives"));
}

TEST(ZonesExport, GeoJsonWritesTheWindowsTheTimelineGives) {
    const json features =
        json::parse(exportZones(switchedByTheTimeline(), ZoneFormat::GeoJson).text).at("features");
    ASSERT_EQ(features.size(), 2u);
    EXPECT_EQ(features[0].at("properties").at("windows"),
              json::parse(R"([{"from": "2025-10-01T09:00:00+02:00"}])"));
    EXPECT_EQ(features[1].at("properties").at("windows"),
              json::parse(R"([{"from": "2025-10-01T18:00:00+02:00", "to": "2025-10-01T23:30:00+02:00"}])"));
}

TEST(ZonesExport, SameBytesEveryTime) {
    EXPECT_EQ(exportZones(handMade(), ZoneFormat::GeoJson).text,
              exportZones(handMade(), ZoneFormat::GeoJson).text);
}

} // namespace
} // namespace nofly::report
