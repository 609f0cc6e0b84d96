// nofly compare and the HTML handouts, as a workshop uses them: the figures do
// not depend on --jobs, the pages are self-contained, and headless Chromium
// shows what they say.
#include "nofly_process.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

using nofly::testing::nofly;
using nofly::testing::Outcome;
using nofly::testing::shell;
using nofly::testing::slurp;

/// The page as headless Chromium renders it (its DOM after loading).
std::string chromiumDom(const fs::path& page) {
    const fs::path profile = fs::temp_directory_path() / ("nofly-chromium-" + std::to_string(::getpid()));
    const Outcome o = shell("timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                            "--disable-background-networking --disable-component-update --disable-sync "
                            "--user-data-dir='" + profile.string() + "' --dump-dom 'file://" + page.string() + "'",
                            false);
    fs::remove_all(profile);
    return o.out;
}

class Workshop : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("nofly-workshop-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    fs::path m_dir;
};

TEST_F(Workshop, CompareFiguresDoNotDependOnJobs) {
    const std::string file = "scenarios/denmark_2025/summit_ban.yaml --seeds 3";
    ASSERT_EQ(nofly("compare " + file + " --jobs 1 --out '" + (m_dir / "one").string() + "'").exit, 0);
    ASSERT_EQ(nofly("compare " + file + " --jobs 2 --out '" + (m_dir / "two").string() + "'").exit, 0);
    const std::string one = slurp(m_dir / "one" / "compare.csv");
    EXPECT_THAT(one, HasSubstr("variant,seed,metric,value"));
    EXPECT_EQ(one, slurp(m_dir / "two" / "compare.csv"));
    EXPECT_EQ(slurp(m_dir / "one" / "compare.html"), slurp(m_dir / "two" / "compare.html"));
}

TEST_F(Workshop, CompareTableShowsTheTradeOff) {
    const Outcome o = nofly("compare scenarios/denmark_2025/summit_ban.yaml");
    EXPECT_EQ(o.exit, 0);
    EXPECT_THAT(o.out, HasSubstr("3 policies on the same traffic, 1 seed"));
    // the columns by the policies' names (issue 16)
    EXPECT_THAT(o.out,
                ::testing::MatchesRegex("(.|\n)*\n +Nationwide ban +Status quo +5 km circles\n(.|\n)*"));
    EXPECT_THAT(o.out, HasSubstr("legitimate flights disrupted"));
}

TEST_F(Workshop, CompareNamedVariantsAndBadOnes) {
    const Outcome o = nofly("compare scenarios/denmark_2025/summit_ban.yaml --variants status-quo,base");
    EXPECT_EQ(o.exit, 0);
    EXPECT_THAT(o.out, HasSubstr("2 policies"));
    EXPECT_THAT(o.out, HasSubstr("differences to 'Status quo'"));
    // an unknown variant is a mistake of the command line (issue 22), as in every command
    EXPECT_EQ(nofly("compare scenarios/denmark_2025/summit_ban.yaml --variants nope").exit, 2);
}

/// A palace, two pilots, a ban of the palace and, with `wide`, a wider ban as a third policy.
void writePalace(const fs::path& file, bool wide = true) {
    fs::create_directories(file.parent_path());
    std::ofstream(file)
        << "title: A palace and two pilots\n"
           "seed: 1\n"
           "time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}\n"
           "map: {origin: {lat: 55.6960, lon: 12.5660}}\n"
           "sites: [{id: palace, name: The palace, at: [0 m, 0 m], radius: 500 m}]\n"
           "flights:\n"
           "  - {id: heedless, category: hobby, depart: 10:05, from: [-2 km, 0 m], to: [2 km, 0 m],\n"
           "     speed: 10 m/s, behaviour: unaware}\n"
           "  - {id: careful, category: photo, depart: 10:05, from: [-2 km, -300 m],\n"
           "     to: [2 km, -300 m], speed: 10 m/s}\n"
           "variants:\n"
           "  ban:\n"
           "    add: {zones: [{id: ban, name: Palace ban, restriction: prohibited,\n"
           "                   shape: {circle: {center: [0 m, 0 m], radius: 800 m}}}]}\n"
        << (wide ? "  wide:\n"
                   "    add: {zones: [{id: wide, name: Wide ban, restriction: prohibited,\n"
                   "                   shape: {circle: {center: [0 m, 0 m], radius: 3 km}}}]}\n"
                 : "");
}

// issue 16's yardstick, end to end: drone-minutes near a protected place, the same measure under every
// policy, in report.json, in the summary and as a row of a comparison and its CSV
TEST_F(Workshop, TheYardstickIsInTheReportAndTheComparison) {
    const fs::path file = m_dir / "palace.yaml";
    writePalace(file, false);
    const Outcome run = nofly("run '" + file.string() + "' --out '" + (m_dir / "run").string() + "'");
    ASSERT_EQ(run.exit, 0) << run.out;
    // 100 s along the disc's diameter and 80 s along a chord 300 m off its centre
    EXPECT_THAT(
        run.out,
        HasSubstr("Measured the same way under every policy: 3.0 drone-minutes near protected places"));
    const std::string report = slurp(m_dir / "run" / "report.json");
    EXPECT_THAT(report, HasSubstr("\"near_misses\": 0,\n      \"near_protected_minutes\": 3.0\n"));

    const Outcome compare =
        nofly("compare '" + file.string() + "' --out '" + (m_dir / "compare").string() + "'");
    ASSERT_EQ(compare.exit, 0) << compare.out;
    EXPECT_THAT(compare.out,
                ::testing::MatchesRegex("(.|\n)*  drone-minutes near protected places +3 +1.7\n(.|\n)*"));
    // and the ban's difference, seed by seed (one seed: no interval)
    EXPECT_THAT(
        compare.out,
        ::testing::MatchesRegex(
            "(.|\n)*  ban against base:\n(.|\n)*    drone-minutes near protected places +-1.3\n(.|\n)*"));
    const std::string csv = slurp(m_dir / "compare" / "compare.csv");
    EXPECT_THAT(csv, HasSubstr("base,1,near_protected_minutes,3.000\n"));
    EXPECT_THAT(csv, HasSubstr("ban,1,near_protected_minutes,1.667\n"));
}

// issue 16: each policy against a chosen baseline, seed by seed
TEST_F(Workshop, CompareAgainstTheBaselineChosen) {
    const fs::path file = m_dir / "palace.yaml";
    writePalace(file);
    const std::string palace = "'" + file.string() + "'";
    const Outcome o =
        nofly("compare " + palace + " --seeds 3 --baseline ban --out '" + (m_dir / "out").string() + "'");
    ASSERT_EQ(o.exit, 0) << o.out;
    // the baseline first, the others in their order, each against it
    EXPECT_THAT(
        o.out, HasSubstr("3 policies on the same traffic, 3 seeds each (mean [95% interval]); differences to "
                         "'ban' below, seed by seed\n"));
    EXPECT_THAT(o.out, ::testing::MatchesRegex("(.|\n)*\n +ban +base +wide\n(.|\n)*"));
    EXPECT_THAT(o.out, HasSubstr("\n  base against ban:\n"));
    EXPECT_THAT(o.out, HasSubstr("\n  wide against ban:\n"));
    // the baseline's own row is the mean alone, a difference only for the others
    EXPECT_THAT(o.out,
                ::testing::MatchesRegex(
                    "(.|\n)*  base against ban:\n(.|\n)*    drone-minutes near protected places +\\+[0-9.]+ "
                    "\\[[-+0-9., ]+\\]  (unlikely to be chance|could be chance \\(about [0-9]+ seeds would "
                    "tell\\))\n(.|\n)*"));
    const std::string csv = slurp(m_dir / "out" / "compare.csv");
    EXPECT_THAT(csv, HasSubstr("\nbase,diff,near_protected_minutes,"));
    EXPECT_THAT(csv, HasSubstr("\nwide,diff_low95,near_protected_minutes,"));
    EXPECT_THAT(csv, Not(HasSubstr("ban,diff")));
    const std::string html = slurp(m_dir / "out" / "compare.html");
    EXPECT_THAT(html, HasSubstr("<h2>Each policy against ban, seed by seed</h2>"));
    EXPECT_THAT(html, HasSubstr("<h3>base against ban</h3>"));

    // a baseline --variants leaves out is run too, first
    const Outcome named = nofly("compare " + palace + " --variants wide,base --baseline ban");
    ASSERT_EQ(named.exit, 0) << named.out;
    EXPECT_THAT(named.out, ::testing::MatchesRegex("(.|\n)*\n +ban +wide +base\n(.|\n)*"));
    // --baseline base names the scenario as written
    EXPECT_THAT(nofly("compare " + palace + " --variants wide,base --baseline base").out,
                ::testing::MatchesRegex("(.|\n)*\n +base +wide\n(.|\n)*"));
}

/// A palace, two pilots and six policies, five of them variants, named as a policy room reads
/// them (issue 16), with what the model leaves out and the handout's headlines.
void writeSixPolicies(const fs::path& file) {
    fs::create_directories(file.parent_path());
    std::string variants;
    for (int k = 1; k <= 5; ++k)
        variants +=
            "  ban-" + std::to_string(k) + "00:\n    name: Ban within " + std::to_string(k) +
            "00 m\n    description: No drone within " + std::to_string(k) +
            "00 m of the palace.\n    add: {zones: [{id: ban, name: Palace ban, restriction: prohibited,\n"
            "                   shape: {circle: {center: [0 m, 0 m], radius: " +
            std::to_string(k) + "00 m}}}]}\n";
    std::ofstream(file)
        << "title: A palace and six policies\n"
           "seed: 1\n"
           "time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}\n"
           "map: {origin: {lat: 55.6960, lon: 12.5660}}\n"
           "policy: {name: No rule, description: Anyone may fly.}\n"
           "leaves_out: [\"Weather: the day is calm.\"]\n"
           "headlines: {cost: disrupted, benefit: near_protected_minutes, also: [violating]}\n"
           "sites: [{id: palace, name: The palace, at: [0 m, 0 m], radius: 500 m}]\n"
           "flights:\n"
           "  - {id: heedless, category: hobby, depart: 10:05, from: [-2 km, 0 m], to: [2 km, 0 m],\n"
           "     speed: 10 m/s, behaviour: unaware}\n"
           "  - {id: careful, category: photo, depart: 10:05, from: [-2 km, -300 m],\n"
           "     to: [2 km, -300 m], speed: 10 m/s}\n"
           "variants:\n" +
               variants;
}

// issue 16: the handout names the policies, the command line keeps their ids; six policies fit
TEST_F(Workshop, TheHandoutNamesSixPoliciesAndTheCommandLineTakesTheirIds) {
    const fs::path file = m_dir / "six.yaml";
    writeSixPolicies(file);
    const std::string six = "'" + file.string() + "'";
    const Outcome o = nofly("compare " + six + " --seeds 2 --out '" + (m_dir / "out").string() + "'");
    ASSERT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out, HasSubstr("6 policies on the same traffic, 2 seeds each"));
    EXPECT_THAT(o.out, HasSubstr("\n  Ban within 300 m against No rule:\n"));
    const std::string html = slurp(m_dir / "out" / "compare.html");
    EXPECT_THAT(html, HasSubstr("<tr><td>No rule</td><td>Anyone may fly.</td></tr>"));
    EXPECT_THAT(html,
                HasSubstr("<tr><td>Ban within 500 m</td><td>No drone within 500 m of the palace.</td></tr>"));
    EXPECT_THAT(html, HasSubstr("<li>Weather: the day is calm.</li>"));
    EXPECT_THAT(html, HasSubstr("<strong>violated a zone at least once</strong>"));
    // the cost against the benefit: one point a policy; the maps three a row, two rows
    EXPECT_EQ(html.find("ban-300"), std::string::npos);
    std::size_t points = 0;
    for (std::size_t at = html.find("<g class=\"policy\""); at != std::string::npos;
         at = html.find("<g class=\"policy\"", at + 1))
        ++points;
    EXPECT_EQ(points, 6u);
    EXPECT_THAT(html, HasSubstr(">drone-minutes near protected places (min)</text>"));
    EXPECT_THAT(html, HasSubstr("<div class=\"maps cols-3\">"));
    // the CSV keeps the ids, and the command line takes them
    EXPECT_THAT(slurp(m_dir / "out" / "compare.csv"), HasSubstr("\nban-300,1,planned,"));
    const Outcome two = nofly("compare " + six + " --variants ban-100 --baseline base --out '" +
                              (m_dir / "two").string() + "'");
    ASSERT_EQ(two.exit, 0) << two.out;
    EXPECT_THAT(two.out, HasSubstr("\n  Ban within 100 m against No rule:\n"));
    EXPECT_THAT(slurp(m_dir / "two" / "compare.html"), HasSubstr("<div class=\"maps cols-2\">"));
    // report.json carries the policy's name beside its id
    ASSERT_EQ(
        nofly("run " + six + " --variant ban-200 --quiet --out '" + (m_dir / "run").string() + "'").exit, 0);
    EXPECT_THAT(slurp(m_dir / "run" / "report.json"), HasSubstr("\"policy\": \"Ban within 200 m\""));
}

TEST_F(Workshop, AnUnknownBaselineIsACommandLineErrorThatNamesTheChoices) {
    const fs::path file = m_dir / "palace.yaml";
    writePalace(file);
    const Outcome typo = nofly("compare '" + file.string() + "' --baseline bann");
    EXPECT_EQ(typo.exit, 2);
    EXPECT_THAT(typo.out,
                HasSubstr("nofly compare: --baseline: " + file.string() +
                          " has no variant 'bann' (did you mean 'ban'? the choices are base, ban, wide)"));
    const Outcome other = nofly("compare '" + file.string() + "' --baseline status-quo");
    EXPECT_EQ(other.exit, 2);
    EXPECT_THAT(other.out, HasSubstr("has no variant 'status-quo' (the choices are base, ban, wide)"));
    // and the option is in the help, with its default
    EXPECT_THAT(nofly("--help").out, HasSubstr("each against a baseline (--baseline) seed by seed"));
    EXPECT_THAT(nofly("compare --help").out, HasSubstr("default: the first of --variants, else base"));
}

// issue 16 on the flagship: the policies' differences, seed by seed, and how sure each is
TEST_F(Workshop, CompareSaysHowSureEachDifferenceIs) {
    const Outcome o =
        nofly("compare scenarios/denmark_2025/summit_ban.yaml --seeds 3 --out '" + m_dir.string() + "'");
    ASSERT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(
        o.out,
        HasSubstr("Differences to 'Nationwide ban', seed by seed (the same traffic under both): mean [95% "
                  "interval], and how sure\n"));
    EXPECT_THAT(o.out, ::testing::MatchesRegex("(.|\n)*  Status quo against Nationwide ban:\n    outcome: "
                                               "flown +\\+[0-9.]+ \\[\\+[0-9.]+, \\+[0-9.]+\\]  "
                                               "unlikely to be chance\n(.|\n)*"));
    // no interval of a count below zero: "[-" only in the differences
    const std::string table = o.out.substr(0, o.out.find("Differences to"));
    EXPECT_EQ(table.find("[-"), std::string::npos) << table;
    const std::string dom = chromiumDom(m_dir / "compare.html");
    EXPECT_THAT(dom, HasSubstr("<h3>Status quo against Nationwide ban</h3>"));
    EXPECT_THAT(
        dom, ::testing::MatchesRegex("(.|\n)*How sure\\? With 3 seeds, [0-9]+ of these [0-9]+ differences "
                                     "are unlikely to be chance: their intervals leave zero out\\.(.|\n)*"));
}

// issue 22: the runs of a compare, policies times seeds, are budgeted before any is loaded or run
TEST_F(Workshop, CompareRunsAreBudgetedBeforeAnyWork) {
    // a base and 100 variants of 1,000 seeds each: 101,000 runs
    fs::create_directories(m_dir);
    std::ofstream file(m_dir / "many.yaml");
    file << "title: Many\ntime: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}\n"
            "map: {origin: {lat: 55.69, lon: 12.56}}\nvariants:\n";
    for (int i = 0; i < 100; ++i) file << "  v" << i << ": {description: Variant " << i << ".}\n";
    file.close();
    const std::string many = (m_dir / "many.yaml").string();
    const Outcome all = nofly("compare '" + many + "' --seeds 1000");
    EXPECT_EQ(all.exit, 2);
    EXPECT_THAT(all.out, HasSubstr("many.yaml:5:3: error: the base and its 100 variants: 101 policies times --seeds "
                                   "1000 make 101,000 runs (budget 100,000 runs a compare) (compare fewer variants "
                                   "(--variants a,b) or fewer seeds)"));
    // the same on the command line, before the file is read
    std::string names;
    for (int i = 0; i < 101; ++i) names += (i ? "," : "") + std::string("v") + std::to_string(i);
    const Outcome named = nofly("compare '" + (m_dir / "nothing.yaml").string() + "' --seeds 1000 --variants " + names);
    EXPECT_EQ(named.exit, 2);
    EXPECT_THAT(named.out, HasSubstr("nofly compare: 101 policies times --seeds 1000 make 101,000 runs (budget "
                                     "100,000 runs a compare); compare fewer variants (--variants a,b) or fewer seeds"));
    // within the budget it runs
    EXPECT_EQ(nofly("compare '" + many + "' --seeds 2 --variants base,v1").exit, 0);
}

TEST_F(Workshop, CompareHtmlIsSelfContainedAndChromiumShowsIt) {
    ASSERT_EQ(nofly("compare scenarios/denmark_2025/summit_ban.yaml --out '" + m_dir.string() + "'").exit, 0);
    const std::string html = slurp(m_dir / "compare.html");
    // nothing fetched from elsewhere (the SVG namespace is a name, not a fetch)
    for (const char* fetch : {"src=\"http", "href=\"http", "url(http", "<link", "<script", "@import"})
        EXPECT_EQ(html.find(fetch), std::string::npos) << fetch;
    const std::string dom = chromiumDom(m_dir / "compare.html");
    ASSERT_THAT(dom, HasSubstr("<h1>Copenhagen summit day, 1 October 2025</h1>"));
    EXPECT_THAT(dom, HasSubstr("What each policy costs and prevents"));
    EXPECT_THAT(dom, HasSubstr("<figcaption>5 km circles</figcaption>"));
    EXPECT_THAT(dom, HasSubstr("<svg")); // the maps are inline
}

TEST_F(Workshop, RunHtmlHandoutCarriesMapTimelineMetricsAndVerdicts) {
    ASSERT_EQ(nofly("run --quiet scenarios/tutorial/01_one_zone_one_flight.yaml --html --out '" + m_dir.string() + "'")
                  .exit,
              0);
    const std::string dom = chromiumDom(m_dir / "report.html");
    ASSERT_THAT(dom, HasSubstr("Lesson 1: a drone meets a no-fly zone"));
    EXPECT_THAT(dom, HasSubstr("<h2>Map</h2>"));
    EXPECT_THAT(dom, HasSubstr("<h2>Timeline</h2>"));
    EXPECT_THAT(dom, HasSubstr("<h2>Verdicts</h2>"));
    EXPECT_THAT(dom, HasSubstr("careless-pilot"));
    // what the scenario expects, in words (issue 16): no PASS for a policy room
    EXPECT_THAT(dom, HasSubstr("flight 'careful-pilot' is rerouted"));
    EXPECT_THAT(dom, ::testing::Not(HasSubstr("PASS")));
    EXPECT_EQ(nofly("run --quiet scenarios/tutorial/01_one_zone_one_flight.yaml --html").exit, 2); // needs --out
}

} // namespace
