// nofly basemap as a user runs it: a cut of the hand-made datasets of
// tests/data/basemap/cut is written whole; a broken dataset is refused at
// its line and column and nothing is written; command-line mistakes exit 2.
#include "nofly_process.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using nofly::testing::nofly;
using nofly::testing::Outcome;
using nofly::testing::slurp;
using ::testing::HasSubstr;

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("nofly_basemap_" + std::to_string(getpid()));
    fs::create_directories(dir);
    return dir / name;
}

TEST(BasemapCommand, WritesTheCutWithItsSummary) {
    const fs::path out = scratch("cut.geojson");
    const Outcome o = nofly("basemap --land tests/data/basemap/cut/land.geojson --water "
                            "tests/data/basemap/cut/lakes.geojson --area 0.2,1,1.8,3 --detail 20m --min-area 1000 "
                            "-o " + out.string());
    EXPECT_EQ(o.exit, 0) << o.out;
    EXPECT_THAT(o.out, HasSubstr("Wrote " + out.string() + ": 3 features, 15 points (of 30 read)"));
    const std::string text = slurp(out);
    EXPECT_THAT(text, HasSubstr("\"attribution\":\"© OpenStreetMap contributors (ODbL)\""));
    EXPECT_THAT(text, HasSubstr("\"source\":\"land land.geojson, water lakes.geojson; cut by nofly basemap, "
                                "detail 20m\""));
    EXPECT_THAT(text, HasSubstr("{\"layer\":\"land\",\"country\":\"alpha\"}"));
    EXPECT_THAT(text, HasSubstr("{\"layer\":\"water\"}"));
}

TEST(BasemapCommand, ABrokenDatasetIsRefusedAtItsLineAndNothingIsWritten) {
    const fs::path out = scratch("broken.geojson");
    const Outcome o = nofly("basemap --land tests/data/basemap/cut/land.geojson --territory "
                            "tests/data/basemap/cut/broken.geojson --area 0.2,1,1.8,3 -o " + out.string());
    EXPECT_EQ(o.exit, 1) << o.out;
    EXPECT_THAT(o.out, HasSubstr("tests/data/basemap/cut/broken.geojson:4:3: error: the file is not valid JSON"));
    EXPECT_THAT(o.out, HasSubstr("nofly basemap: the datasets have errors; nothing was written"));
    EXPECT_FALSE(fs::exists(out));
}

TEST(BasemapCommand, AMissingDatasetIsNamed) {
    const Outcome o = nofly("basemap --land tests/data/basemap/cut/nowhere.geojson --area 0.2,1,1.8,3 -o " +
                            scratch("missing.geojson").string());
    EXPECT_EQ(o.exit, 1) << o.out;
    EXPECT_THAT(o.out, HasSubstr("tests/data/basemap/cut/nowhere.geojson: error: cannot read this dataset: "));
}

TEST(BasemapCommand, CommandLineMistakes) {
    const std::string land = "basemap --land tests/data/basemap/cut/land.geojson -o " + scratch("x.geojson").string();
    Outcome o = nofly(land + " --area 1.8,1,0.2,3");
    EXPECT_EQ(o.exit, 2);
    EXPECT_THAT(o.out, HasSubstr("nofly basemap: --area '1.8,1,0.2,3': SOUTH must be below NORTH"));
    o = nofly(land + " --area 0.2,1,1.8,3 --detail 20kt");
    EXPECT_EQ(o.exit, 2);
    EXPECT_THAT(o.out, HasSubstr("nofly basemap: --detail '20kt': "));
    o = nofly(land);
    EXPECT_EQ(o.exit, 2);
    EXPECT_THAT(o.out, HasSubstr("--area is required"));
}

TEST(BasemapCommand, HelpListsEveryOption) {
    const Outcome o = nofly("basemap --help");
    EXPECT_EQ(o.exit, 0);
    for (const char* option : {"--land", "--territory", "--water", "--river", "--area", "--detail", "--min-area",
                               "--country-property", "--iso-codes", "--attribution", "--source", "--out"})
        EXPECT_THAT(o.out, HasSubstr(option));
}

} // namespace
