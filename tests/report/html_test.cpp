// report.html as a class reads it: the timeline and the verdicts in time
// order, each time dated where it is not on the run's one day.
#include "report/html.hpp"
#include "report/run_record.hpp"

#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace nofly::report {
namespace {

using ::testing::HasSubstr;

/// The handout of an inline scenario run to its end.
std::string handout(const std::string& text) {
    auto loaded = scenario::loadScenarioText(text, "test.yaml");
    if (!loaded.scenario) throw std::runtime_error("the scenario does not load");
    const scenario::Scenario& s = *loaded.scenario;
    const sim::CompiledScenario worldModel = sim::compile(s);
    sim::World world = sim::makeWorld(worldModel, s.seed);
    RunRecord run;
    run.scenario = &s;
    run.world = &world;
    run.events = sim::runToEnd(worldModel, world);
    run.metrics = computeMetrics(s, world, run.events);
    return runHtml(run, "<svg/>");
}

/// Where a table cell holding exactly `cell` is on the page, or npos; the spaces of a time there do not
/// break.
std::size_t cellAt(const std::string& page, std::string cell) {
    for (std::size_t at = cell.find(' '); at != std::string::npos; at = cell.find(' ', at))
        cell.replace(at, 1, "\u00a0");
    return page.find(">" + cell + "</td>");
}

const std::string kZone = "zones:\n  - {id: disc, name: Disc, restriction: prohibited, "
                          "shape: {circle: {center: [0, 0], radius: 500 m}}}\n";

TEST(Handout, AnAnnouncementDaysAheadCarriesItsDateAndTheRestOfTheDayNone) {
    // a one-day run; the ban was announced two days before it starts
    const std::string page =
        handout("title: T\n"
                "time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}\n"
                "map: {origin: {lat: 55.69, lon: 12.56}}\n" +
                kZone +
                "timeline:\n"
                "  - {at: 2025-06-12T18:00+02:00, event: announce, zone: disc, notice: 6 h}\n"
                "  - {at: 10:30, event: note, text: Half time}\n");
    const std::size_t announced = cellAt(page, "18:00 on 12 Jun"), note = cellAt(page, "10:30");
    ASSERT_NE(announced, std::string::npos) << page;
    ASSERT_NE(note, std::string::npos);
    EXPECT_LT(announced, note);
    EXPECT_THAT(page, HasSubstr("Disc announced, in force from 00:00 on 13 Jun"));
    EXPECT_EQ(cellAt(page, "10:30 on 14 Jun"), std::string::npos);
}

TEST(Handout, ARunAcrossMidnightDatesEveryTimeInOrder) {
    // 23:30 to 00:30: "00:10" under "23:40" would read as earlier
    const std::string page = handout("title: T\n"
                                     "time: {start: 2025-06-14T23:30+02:00, end: +1 h, step: 1 s}\n"
                                     "map: {origin: {lat: 55.69, lon: 12.56}}\n"
                                     "timeline:\n"
                                     "  - {at: 23:40, event: note, text: Before midnight}\n"
                                     "  - {at: 2025-06-15T00:10+02:00, event: note, text: After midnight}\n");
    const std::size_t before = cellAt(page, "23:40 on 14 Jun"), after = cellAt(page, "00:10 on 15 Jun");
    ASSERT_NE(before, std::string::npos) << page;
    ASSERT_NE(after, std::string::npos) << page;
    EXPECT_LT(before, after);
}

TEST(HtmlTable, FiguresAlignRightAndWordsThatStartWithOneLeft) {
    // a policy named "5 km circles" is words, not a figure (it was right-aligned as one)
    HtmlPage page("t");
    page.table({"policy", "flown", "at", "distance"},
               {{"5 km circles", "9.8 (9.2 to 10.4)", "09:40", "12 km"}});
    const std::string html = page.finish();
    EXPECT_THAT(html, HasSubstr("<td>5 km circles</td>"));
    EXPECT_THAT(html, HasSubstr("<td class=\"num\">9.8 (9.2 to 10.4)</td>"));
    EXPECT_THAT(html, HasSubstr("<td class=\"num\">09:40</td>"));
    EXPECT_THAT(html, HasSubstr("<td class=\"num\">12 km</td>"));
}

} // namespace
} // namespace nofly::report
