// nofly import, export and schema as a user runs them, and the promises
// behind them: every file in tests/data/geozones imports (the invalid
// one fails, saying why; the national-style ED-318 one needs --lenient), an
// imported fragment is a working include, a round
// trip import(export(x)) keeps each zone's area, limits, restriction and
// every window in force while the scenario runs (on a fixture with every kind
// of activation, on the shipped scenarios and on imported real files), and the
// committed schema is the one `nofly schema` prints and every shipped
// scenario validates against it.
#include "nofly_process.hpp"
#include "report/zones_export.hpp"
#include "scenario/loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <sstream>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace nofly;
using nofly::testing::nofly;
using nofly::testing::Outcome;
using nofly::testing::slurp;
using ::testing::ContainsRegex;
using ::testing::HasSubstr;

const std::string kGeozones = (fs::path(NOFLY_TEST_DATA_DIR) / "geozones/").lexically_normal().string();

/// A shell command run in the source tree.
Outcome shell(const std::string& command) {
    return nofly::testing::shell("cd '" + std::string(NOFLY_SOURCE_DIR) + "' && " + command);
}

fs::path scratch(const std::string& name) {
    const fs::path folder = fs::path(::testing::TempDir()) / ("nofly_data_" + name);
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

std::string printed(const scenario::LoadResult& r) {
    std::string out;
    for (const core::Diagnostic& d : r.diagnostics.all())
        out += core::format(d) + "\n";
    return out;
}

// --- nofly import -----------------------------------------------------------------------------------

TEST(ImportCommand, EveryRealFileImports) {
    for (const auto& entry : fs::recursive_directory_iterator(kGeozones)) {
        const std::string extension = entry.path().extension().string();
        if (extension != ".json" && extension != ".geojson" && extension != ".openair") continue;
        const std::string file = entry.path().string();
        const bool invalid = entry.path().filename().string().rfind("Invalid", 0) == 0;
        // national downloads that bend ED-318 (ed318/lenient/) import with --lenient only
        const bool lenient = entry.path().parent_path().filename() == "lenient";
        if (lenient) {
            const Outcome refused = nofly("import '" + file + "' -o /dev/null");
            EXPECT_EQ(refused.exit, 1) << file << "\n" << refused.out;
            EXPECT_THAT(refused.out, HasSubstr("--lenient ('lenient: true' in an include) accepts it"))
                << file;
        }
        const Outcome o = nofly("import '" + file + "' -o /dev/null" + (lenient ? " --lenient" : ""));
        if (invalid) {
            EXPECT_EQ(o.exit, 1) << file << "\n" << o.out;
            EXPECT_THAT(o.out, HasSubstr("has errors; nothing was written"));
        } else {
            EXPECT_EQ(o.exit, 0) << file << "\n" << o.out;
            EXPECT_THAT(o.out, HasSubstr("Wrote /dev/null: ")) << file;
        }
    }
}

TEST(ImportCommand, TheInvalidExampleSaysWhatIsWrong) {
    const std::string file = kGeozones + "ed318/InvalidExample_GeoZone_2_Layers.json";
    const Outcome o = nofly("import '" + file + "'");
    EXPECT_EQ(o.exit, 1);
    EXPECT_THAT(o.out, HasSubstr(file + ":5:18: error: metadata validFrom must be a date and time"));
    EXPECT_THAT(o.out,
                HasSubstr(file + ":89:17: error: feature 1 'NFZ6547': type 'REQ_AUTHORISATION' is not an "
                                 "ED-318 zone type"));
}

TEST(ImportCommand, LenientReadsANationalDownload) {
    const std::string file = kGeozones + "ed318/lenient/national_style.json";
    const Outcome o = nofly("import '" + file + "' --lenient");
    EXPECT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out, HasSubstr(file + ":7:20: warning: lenient: zone fields under properties.UASZone (not "
                                        "ED-318) read as if they were in properties (3 features)"));
    EXPECT_THAT(o.out, HasSubstr("  - id: EXAMPLE-ES-002\n"));
    EXPECT_THAT(o.out, HasSubstr("nofly import: 3 zones from " + file + " (ED-318)"));
}

TEST(ImportCommand, AFragmentIsAWorkingInclude) {
    const fs::path folder = scratch("fragment");
    const std::string fragment = (folder / "_swiss.yaml").string();
    const Outcome o = nofly("import '" + kGeozones +
                            "ed269/che_geoawareness_sample.json' --utc-offset +02:00 -o '" + fragment + "'");
    ASSERT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out, HasSubstr("Wrote " + fragment + ": 10 zones from"));
    const std::string text = slurp(fragment);
    EXPECT_THAT(text, HasSubstr("# Zones imported by nofly from"));
    EXPECT_THAT(text, HasSubstr("  - id: montreux-concert-area\n"));
    // no temporary file is left beside it
    for (const auto& entry : fs::directory_iterator(folder))
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();

    // included by a scenario, checked, and the same zones as including the file itself
    std::ofstream(folder / "swiss.yaml") << "title: Swiss\ntime: {start: 2022-06-18T18:00+02:00, end: +6 h}\n"
                                            "map: {origin: {lat: 46.5, lon: 7.0}}\ninclude: [_swiss.yaml]\n";
    const Outcome check = nofly("check '" + (folder / "swiss.yaml").string() + "'");
    EXPECT_EQ(check.exit, 0) << check.out;
    EXPECT_THAT(check.out, HasSubstr("zones      10: 7 prohibited, 2 authorisation, 1 no-restriction"));
}

TEST(ImportCommand, CommandLineMistakes) {
    EXPECT_EQ(nofly("import no-such-file.json").exit, 2);
    EXPECT_EQ(nofly("import '" + kGeozones + "ed269/che_geoawareness_sample.json' --format kml").exit, 2);
    const Outcome offset =
        nofly("import '" + kGeozones + "ed269/che_geoawareness_sample.json' --utc-offset CEST");
    EXPECT_EQ(offset.exit, 2);
    EXPECT_THAT(offset.out, HasSubstr("--utc-offset 'CEST' is not an offset such as '+02:00' or 'Z'"));
    // a format that does not fit the content
    const Outcome wrong =
        nofly("import '" + kGeozones + "ed269/che_geoawareness_sample.json' --format openair");
    EXPECT_EQ(wrong.exit, 1);
    EXPECT_THAT(wrong.out,
                HasSubstr("che_geoawareness_sample.json:1:1: error: the file is JSON, not OpenAir"));
}

TEST(DataCommands, HelpShowsEveryOptionWithItsDefault) {
    const Outcome import = nofly("import --help");
    EXPECT_EQ(import.exit, 0);
    for (const char* option :
         {"--format", "-o,--out", "--lang", "--skip-bad", "--lenient", "--mapping", "--utc-offset"})
        EXPECT_THAT(import.out, HasSubstr(option)) << option;
    EXPECT_THAT(import.out, HasSubstr("--lang TEXT=en"));
    EXPECT_THAT(import.out, HasSubstr("--utc-offset TEXT=+00:00"));
    const Outcome exportHelp = nofly("export --help");
    for (const char* option : {"--variant", "--format", "-o,--out"})
        EXPECT_THAT(exportHelp.out, HasSubstr(option));
    EXPECT_THAT(nofly("schema --help").out, HasSubstr("-o,--out"));
    const Outcome top = nofly("--help");
    for (const char* command : {"import", "export", "schema"})
        EXPECT_THAT(top.out, HasSubstr(command));
}

// --- round trips ---------------------------------------------------------------------------------------

/// When zone `id` is in force while `s` runs, by the one rule
/// (scenario::windowsInForce): its windows joined and cut to the scenario's
/// time, as [from, to) UTC instants [ms].
using Windows = std::vector<std::pair<core::Instant, core::Instant>>;
Windows inForceDuring(const scenario::Scenario& s, const std::string& id) {
    Windows out;
    for (std::size_t z = 0; z < s.zones.size(); ++z) {
        if (s.zones[z].id != id) continue;
        for (const scenario::InForceWindow& w : scenario::windowsInForce(s, z)) {
            const core::Instant from = std::max(w.from, s.time.start), to = std::min(w.to, s.time.end);
            if (from >= to) continue;
            if (!out.empty() && from <= out.back().second)
                out.back().second = std::max(out.back().second, to);
            else
                out.push_back({from, to});
        }
    }
    return out;
}

/// "[2025-06-14T16:00:00+00:00, 2025-06-14T21:30:00+00:00)", one a window, for messages.
std::string describe(const Windows& windows) {
    std::string out;
    for (const auto& [from, to] : windows)
        out += "[" + core::formatInstant(from, 0) + ", " + core::formatInstant(to, 0) + ") ";
    return out.empty() ? "never" : out;
}

/// Each zone of `original` is in force in `back` over the same windows.
void expectSameWindows(const scenario::Scenario& original, const scenario::Scenario& back,
                       const std::string& label) {
    for (const scenario::Zone& zone : original.zones) {
        const Windows expected = inForceDuring(original, zone.id), got = inForceDuring(back, zone.id);
        EXPECT_EQ(got, expected) << label << ": zone " << zone.id << "\n  read back: " << describe(got)
                                 << "\n  original:  " << describe(expected);
    }
}

/// Points of a grid over both areas where one contains the point and the
/// other does not, leaving out points within 2 m of either boundary (where
/// containment changes within 2 m in any of eight directions).
int areaDifferences(const core::Region& a, const core::Region& b) {
    const core::Box ba = core::bounds(a), bb = core::bounds(b);
    const core::Vec2 lo{std::min(ba.min.x, bb.min.x), std::min(ba.min.y, bb.min.y)};
    const core::Vec2 hi{std::max(ba.max.x, bb.max.x), std::max(ba.max.y, bb.max.y)};
    auto nearBoundary = [](const core::Region& r, core::Vec2 p) {
        const bool inside = core::contains(r, p);
        for (int k = 0; k < 8; ++k) {
            const double angle = k * std::numbers::pi / 4.0;
            if (core::contains(r, p + core::Vec2{std::cos(angle), std::sin(angle)} * 2.0) != inside)
                return true;
        }
        return false;
    };
    constexpr int kSteps = 24;
    int differences = 0;
    for (int i = 0; i <= kSteps; ++i)
        for (int j = 0; j <= kSteps; ++j) {
            const core::Vec2 p{lo.x + (hi.x - lo.x) * i / kSteps, lo.y + (hi.y - lo.y) * j / kSteps};
            if (core::contains(a, p) == core::contains(b, p)) continue;
            if (nearBoundary(a, p) || nearBoundary(b, p)) continue;
            ++differences;
        }
    return differences;
}

void expectSameZones(const scenario::Scenario& original, const scenario::Scenario& back, bool exemptions,
                     const std::string& label) {
    ASSERT_EQ(back.zones.size(), original.zones.size()) << label;
    for (const scenario::Zone& a : original.zones) {
        const scenario::Zone* b = back.zone(a.id);
        ASSERT_NE(b, nullptr) << label << ": " << a.id;
        const std::string what = label + ": zone " + a.id;
        EXPECT_EQ(b->restriction, a.restriction) << what;
        EXPECT_EQ(b->reasons, a.reasons) << what;
        EXPECT_EQ(b->message, a.message) << what;
        EXPECT_EQ(b->name, a.name) << what;
        if (exemptions) {
            EXPECT_EQ(b->exempt, a.exempt) << what;
        }
        // limits
        EXPECT_NEAR(b->altitude.floor.metres, a.altitude.floor.metres, 1e-6) << what;
        EXPECT_EQ(b->altitude.floor.ref, a.altitude.floor.ref) << what;
        ASSERT_EQ(b->altitude.ceiling.has_value(), a.altitude.ceiling.has_value()) << what;
        if (a.altitude.ceiling) {
            EXPECT_NEAR(b->altitude.ceiling->metres, a.altitude.ceiling->metres, 1e-6) << what;
            EXPECT_EQ(b->altitude.ceiling->ref, a.altitude.ceiling->ref) << what;
        }
        // the area, point by point
        EXPECT_EQ(areaDifferences(a.region, b->region), 0) << what;
        if (a.region.corridors.empty()) { // parts of a corridor overlap: their areas do not add up
            EXPECT_NEAR(core::area(b->region), core::area(a.region), 1e-4 * core::area(a.region) + 1.0)
                << what;
        }
    }
    // the schedule: the same windows in force while the scenario runs
    expectSameWindows(original, back, label);
}

/// A scenario with `s`'s time and map origin that includes `file`.
scenario::LoadResult including(const scenario::Scenario& s, const fs::path& folder, const std::string& file) {
    std::ostringstream wrapper;
    wrapper << "title: Round trip\n"
            << "time: {start: " << core::formatInstant(s.time.start, s.time.utcOffsetMinutes)
            << ", end: " << core::formatInstant(s.time.end, s.time.utcOffsetMinutes) << "}\n"
            << "map: {origin: {lat: " << s.origin.lat << ", lon: " << s.origin.lon << "}}\n"
            << "include: [" << file << "]\n";
    std::ofstream(folder / "trip.yaml") << wrapper.str();
    return scenario::loadScenarioFile((folder / "trip.yaml").string());
}

/// Exports a scenario's zones and reads them back through include: into a
/// scenario with the same time and map origin.
scenario::LoadResult roundTrip(const scenario::Scenario& s, report::ZoneFormat format,
                               const std::string& name) {
    const fs::path folder = scratch("trip_" + name);
    const std::string file = format == report::ZoneFormat::GeoJson ? "zones.geojson" : "zones.json";
    std::ofstream(folder / file) << report::exportZones(s, format).text;
    return including(s, folder, file);
}

class ShippedRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedRoundTrip, KeepsEveryZone) {
    const scenario::LoadResult loaded =
        scenario::loadScenarioFile(std::string(NOFLY_SOURCE_DIR) + "/" + GetParam());
    ASSERT_TRUE(loaded.scenario.has_value()) << printed(loaded);
    for (const auto format : {report::ZoneFormat::GeoJson, report::ZoneFormat::Ed269}) {
        const bool geojson = format == report::ZoneFormat::GeoJson;
        // a folder of its own: ctest runs the cases side by side
        const std::string name = fs::path(GetParam()).stem().string() + (geojson ? "_geojson" : "_ed269");
        const scenario::LoadResult back = roundTrip(*loaded.scenario, format, name);
        ASSERT_TRUE(back.scenario.has_value()) << printed(back);
        expectSameZones(*loaded.scenario, *back.scenario, geojson,
                        GetParam() + (geojson ? " via GeoJSON" : " via ED-269"));
    }
}

/// Every scenario shipped under scenarios/ (not the invalid ones, not the
/// fragments they include, whose names start with '_'), as "folder/file.yaml".
std::vector<std::string> shippedScenarios() {
    std::vector<std::string> files;
    const fs::path root = fs::path(NOFLY_SOURCE_DIR) / "scenarios";
    for (const auto& folder : fs::directory_iterator(root)) {
        if (!folder.is_directory() || folder.path().filename() == "invalid") continue;
        for (const auto& entry : fs::directory_iterator(folder.path()))
            if (entry.path().extension() == ".yaml" && entry.path().filename().string().front() != '_')
                files.push_back(fs::relative(entry.path(), NOFLY_SOURCE_DIR).generic_string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ShippedRoundTrip, ::testing::ValuesIn(shippedScenarios()),
                         [](const auto& paramInfo) {
                             std::string name = fs::path(paramInfo.param).parent_path().filename().string() +
                                                "_" + fs::path(paramInfo.param).stem().string();
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

TEST(ShippedScenarios, AreFoundInEveryFolder) {
    const std::vector<std::string> files = shippedScenarios();
    for (const char* file : {"scenarios/denmark_2025/summit_ban.yaml", "scenarios/tutorial/07_response.yaml",
                             "scenarios/world/paris_2024_olympics.yaml"})
        EXPECT_NE(std::find(files.begin(), files.end(), file), files.end()) << file;
    EXPECT_EQ(std::find(files.begin(), files.end(), "scenarios/denmark_2025/_airports.yaml"), files.end());
}

// --- every kind of activation (property g) -------------------------------------------------------------

const std::string kEveryActivation =
    (fs::path(NOFLY_TEST_DATA_DIR) / "schedules/every_activation.yaml").lexically_normal().string();

TEST(ExportCommand, WritesTheWindowsTheTimelineGives) {
    const fs::path folder = scratch("timeline_windows");
    const std::string out = (folder / "zones.json").string();
    const Outcome o = nofly("export '" + kEveryActivation + "' --format ed269 -o '" + out + "'");
    ASSERT_EQ(o.exit, 0) << o.out;
    const scenario::LoadResult back =
        including(*scenario::loadScenarioFile(kEveryActivation).scenario, folder, "zones.json");
    ASSERT_TRUE(back.scenario.has_value()) << printed(back);
    // switched on at 17:00 (+02:00) for good; in force 18:00-23:30; lifted at 23:00
    const core::Instant at17 = 1749913200000; // 2025-06-14T17:00+02:00
    const core::Instant end = at17 + 9 * 3600000;
    EXPECT_EQ(inForceDuring(*back.scenario, "switched-on"), (Windows{{at17, end}}));
    EXPECT_EQ(inForceDuring(*back.scenario, "evening"),
              (Windows{{at17 + 3600000, at17 + 6 * 3600000 + 1800000}}));
    EXPECT_EQ(inForceDuring(*back.scenario, "lifted"), (Windows{{at17 - 3600000, at17 + 6 * 3600000}}));
    EXPECT_THAT(o.out, HasSubstr("note: zone 'evening': switched on and off by the timeline (activate at "
                                 "2025-06-14T18:00:00+02:00, deactivate at 2025-06-14T23:30:00+02:00); "
                                 "written as the window in force it gives"));
}

TEST(ExportCommand, WarnsOfAZoneNeverInForceAndWritesItsWindows) {
    const Outcome o = nofly("export '" + kEveryActivation + "' --format ed269");
    ASSERT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out,
                HasSubstr(kEveryActivation +
                          ":69:5: warning: zone 'next-week' is never in force between "
                          "2025-06-14T16:00:00+02:00 and 2025-06-15T02:00:00+02:00; it is written with "
                          "the windows it has, none of them in that time (check its 'active' times and "
                          "the timeline against the scenario's 'time')"));
    EXPECT_THAT(o.out, HasSubstr("\"startDateTime\": \"2025-06-20T06:00:00Z\""));
}

TEST(ExportCommand, EveryActivationSurvivesExportAndImport) {
    const scenario::LoadResult original = scenario::loadScenarioFile(kEveryActivation);
    ASSERT_TRUE(original.scenario.has_value()) << printed(original);
    // the fixture does have every kind: no zone is always in force by accident
    EXPECT_EQ(inForceDuring(*original.scenario, "evening").size(), 1u);
    EXPECT_TRUE(inForceDuring(*original.scenario, "next-week").empty());

    // nofly export, then the ED-269 file included as it is
    const fs::path folder = scratch("every_activation");
    ASSERT_EQ(nofly("export '" + kEveryActivation + "' --format ed269 -o '" +
                    (folder / "zones.json").string() + "'")
                  .exit,
              0);
    const scenario::LoadResult included = including(*original.scenario, folder, "zones.json");
    ASSERT_TRUE(included.scenario.has_value()) << printed(included);
    expectSameZones(*original.scenario, *included.scenario, false, "every activation via ED-269");

    // and through nofly import: the fragment it writes, included
    const Outcome imported = nofly("import '" + (folder / "zones.json").string() +
                                   "' --utc-offset +02:00 -o '" + (folder / "_zones.yaml").string() + "'");
    ASSERT_EQ(imported.exit, 0) << imported.out;
    const scenario::LoadResult fragment = including(*original.scenario, folder, "_zones.yaml");
    ASSERT_TRUE(fragment.scenario.has_value()) << printed(fragment);
    expectSameZones(*original.scenario, *fragment.scenario, false, "every activation via nofly import");

    // GeoJSON too
    const scenario::LoadResult geojson =
        roundTrip(*original.scenario, report::ZoneFormat::GeoJson, "every_geojson");
    ASSERT_TRUE(geojson.scenario.has_value()) << printed(geojson);
    expectSameZones(*original.scenario, *geojson.scenario, true, "every activation via GeoJSON");
}

TEST(RealFileRoundTrip, KeepsEveryImportedZone) {
    // each real file read in place by a scenario that lies beside it
    const struct {
        const char* folder;
        const char* include;
        const char* start;
        const char* origin;
    } files[] = {
        {"ed269/", "che_geoawareness_sample.json", "2022-06-18T18:00+02:00", "{lat: 46.6, lon: 7.0}"},
        {"ed318/", "Example_Collection.json", "2019-06-02T15:00+02:00", "{lat: 49.5, lon: 2.6}"},
        {"openair/", "example_extended.openair", "2025-06-14T06:30-01:00", "{lat: 44.5, lon: -30.5}"},
        {"geojson/", "example_controlled_zones.geojson", "2025-06-02T10:00+03:00", "{lat: 62.5, lon: 25.5}"},
    };
    for (const auto& f : files) {
        const std::string text = std::string("title: Real\ntime: {start: ") + f.start +
                                 ", end: +6 h}\nmap: {origin: " + f.origin + "}\ninclude: [" + f.include +
                                 "]\n";
        const scenario::LoadResult imported =
            scenario::loadScenarioText(text, kGeozones + f.folder + "real.yaml");
        ASSERT_TRUE(imported.scenario.has_value()) << printed(imported);
        for (const auto format : {report::ZoneFormat::GeoJson, report::ZoneFormat::Ed269}) {
            const bool geojson = format == report::ZoneFormat::GeoJson;
            const scenario::LoadResult back =
                roundTrip(*imported.scenario, format, geojson ? "real_geojson" : "real_ed269");
            ASSERT_TRUE(back.scenario.has_value()) << f.include << "\n" << printed(back);
            expectSameZones(*imported.scenario, *back.scenario, geojson,
                            std::string(f.include) + (geojson ? " via GeoJSON" : " via ED-269"));
        }
    }
}

TEST(ExportCommand, WritesWholeFilesAndSaysWhatItCouldNotKeep) {
    const fs::path folder = scratch("export");
    const std::string out = (folder / "summit.json").string();
    const Outcome o = nofly("export scenarios/denmark_2025/summit_ban.yaml --format ed269 -o '" + out + "'");
    EXPECT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out, HasSubstr("Wrote " + out + ": 5 zones as ED-269"));
    EXPECT_THAT(o.out,
                HasSubstr("note: zone 'national-ban': switched on by the timeline event 'ban-announced', "
                          "written as the window it gives, from 2025-09-29T00:00:00+02:00"));
    EXPECT_THAT(slurp(out), HasSubstr("\"UASZoneList\""));
    const Outcome variant =
        nofly("export scenarios/denmark_2025/summit_ban.yaml --variant status-quo --format geojson");
    EXPECT_EQ(variant.exit, 0);
    EXPECT_THAT(variant.out, HasSubstr("\"FeatureCollection\""));
    EXPECT_THAT(variant.out, ::testing::Not(HasSubstr("national-ban")));
    EXPECT_EQ(nofly("export scenarios/invalid/unknown_key.yaml --format geojson").exit, 1);
    EXPECT_EQ(nofly("export scenarios/denmark_2025/summit_ban.yaml").exit, 2); // --format is required
}

// --- the schema ------------------------------------------------------------------------------------------

TEST(SchemaCommand, TheCommittedSchemaIsTheOneNoflyPrints) {
    const Outcome o = nofly("schema");
    ASSERT_EQ(o.exit, 0);
    EXPECT_EQ(o.out, slurp(std::string(NOFLY_SOURCE_DIR) + "/scenarios/nofly.schema.json"))
        << "scenarios/nofly.schema.json is stale: run 'nofly schema -o scenarios/nofly.schema.json'";
}

TEST(SchemaCommand, EveryShippedScenarioNamesAndMeetsTheSchema) {
    std::vector<std::string> files;
    for (const char* folder : {"scenarios/denmark_2025", "scenarios/tutorial", "scenarios/world"})
        for (const auto& entry : fs::directory_iterator(fs::path(NOFLY_SOURCE_DIR) / folder))
            if (entry.path().extension() == ".yaml")
                files.push_back(fs::relative(entry.path(), NOFLY_SOURCE_DIR).string());
    std::sort(files.begin(), files.end());
    ASSERT_GE(files.size(), 6u);

    // the first line of each scenario names the schema for editors
    for (const std::string& file : files) {
        if (fs::path(file).filename().string()[0] == '_') continue;
        std::ifstream in(fs::path(NOFLY_SOURCE_DIR) / file);
        std::string first;
        std::getline(in, first);
        EXPECT_EQ(first, "# yaml-language-server: $schema=../nofly.schema.json") << file;
    }

    // Debian's python3-jsonschema validates them (make test installs it)
    const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    if (shell(python + " -c 'import jsonschema, yaml'").exit != 0)
        GTEST_SKIP()
            << "python3-jsonschema and python3-yaml are not installed (.ci/install-deps test installs them)";
    std::string command = python + " tests/app/schema_validate.py scenarios/nofly.schema.json";
    for (const std::string& file : files)
        command += " " + file;
    const Outcome o = shell(command);
    EXPECT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out, HasSubstr(std::to_string(files.size()) + " of " + std::to_string(files.size()) +
                                 " files valid"));
}

TEST(SchemaCommand, SchemaAndLoaderRefuseTheSameUnknownKey) {
    const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    if (shell(python + " -c 'import jsonschema, yaml'").exit != 0)
        GTEST_SKIP() << "python3-jsonschema and python3-yaml are not installed";
    // the loader: unknown key 'restrction'; the schema: an additional property there
    EXPECT_THAT(nofly("check scenarios/invalid/unknown_key.yaml").out, HasSubstr("unknown key 'restrction'"));
    const Outcome o =
        shell(python +
              " tests/app/schema_validate.py scenarios/nofly.schema.json scenarios/invalid/unknown_key.yaml");
    EXPECT_EQ(o.exit, 1);
    EXPECT_THAT(o.out, HasSubstr("'restrction' was unexpected"));
}

// issue 22: a 15 MB GeoJSON imported to a 21 MB fragment that no scenario could include
TEST(ImportCommand, AFragmentTooBigToIncludeIsNotWritten) {
    const fs::path dir = fs::temp_directory_path() / ("nofly-big-fragment-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    {
        // 14,000 rings of 12 points: about 5 MB of GeoJSON, more than 8 MiB of fragment
        std::ofstream json(dir / "big.geojson");
        json.precision(10);
        json << "{\"type\": \"FeatureCollection\", \"features\": [\n";
        for (int f = 0; f < 14000; ++f) {
            json << (f ? ",\n" : "") << "{\"type\": \"Feature\", \"properties\": {\"name\": \"Z" << f
                 << "\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[";
            for (int k = 0; k <= 12; ++k) {
                const double a = 2.0 * std::numbers::pi * (k % 12) / 12.0;
                json << (k ? ", " : "") << '[' << 12.0 + 0.01 * (f % 100) + 0.003 * std::cos(a) << ", "
                     << 55.0 + 0.01 * (f / 100) + 0.003 * std::sin(a) << ']';
            }
            json << "]]}}";
        }
        json << "\n]}\n";
    }
    const Outcome o =
        nofly("import '" + (dir / "big.geojson").string() + "' -o '" + (dir / "_big.yaml").string() + "'");
    EXPECT_EQ(o.exit, 1);
    // the size: each zone's comment names the file, whose folder has the test's pid in it, so the
    // fragment is 8.7 or 8.8 MiB depending on how many digits the pid has
    EXPECT_THAT(o.out, ContainsRegex("big\\.geojson would be 8\\.[78] MiB, and a scenario includes"));
    EXPECT_THAT(o.out, HasSubstr("a YAML file of at most 8 MiB; nothing was written (include the data file "
                                 "itself, 'include: [{file: "));
    EXPECT_FALSE(fs::exists(dir / "_big.yaml"));
    fs::remove_all(dir);
}

} // namespace
