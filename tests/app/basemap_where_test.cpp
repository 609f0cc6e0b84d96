// `nofly where` over a country's territorial waters (issue 15): the ban of
// 2025 covered Danish airspace, the territorial sea included, so Saltholm and
// Køge Bugt are inside it. The flagship's test needs the shipped detailed
// basemap (assets/basemap/denmark.geojson with its `territory` layer); the
// fixture's test checks the same on hand-made boxes (tests/data/basemap).
#include "nofly_process.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace nofly::testing {
namespace {

using ::testing::HasSubstr;

TEST(WhereTerritorialWaters, TheFixturesTerritoryIsProhibitedOffItsLand) {
    const Outcome sea = nofly("where tests/data/basemap/territorial_ban.yaml --at 55.64,12.77 --time 10:00");
    EXPECT_EQ(sea.exit, 0) << sea.out;
    EXPECT_THAT(sea.out, HasSubstr("No: Hobby pilots may not fly here then."));
    EXPECT_THAT(sea.out, HasSubstr("Nationwide ban, territorial sea included (prohibited): applies"));
    EXPECT_THAT(sea.out, ::testing::Not(HasSubstr("Land only"))); // off the land
    // Sweden's land on the same basemap is no part of Denmark's
    const Outcome sweden =
        nofly("where tests/data/basemap/territorial_ban.yaml --at 55.60,13.0 --time 10:00");
    EXPECT_THAT(sweden.out, HasSubstr("Yes: no zone here."));
}

TEST(WhereTerritorialWaters, TheFlagshipsBanCoversSaltholmAndKogeBugt) {
    for (const char* at : {"55.64,12.77", "55.50,12.35"}) {
        const Outcome o =
            nofly(std::string("where scenarios/denmark_2025/summit_ban.yaml --at ") + at + " --time 10:30");
        EXPECT_EQ(o.exit, 0) << at << "\n" << o.out;
        EXPECT_THAT(o.out, HasSubstr("No: Hobby pilots may not fly here then.")) << at;
        EXPECT_THAT(o.out, HasSubstr("Nationwide civil drone ban (prohibited): applies: prohibited")) << at;
    }
}

} // namespace
} // namespace nofly::testing
