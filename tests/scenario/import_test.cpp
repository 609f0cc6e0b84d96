// The import-format table (src/scenario/import.cpp): its words are the
// scenario language's, and a file's format is told from its content, then
// from its name, in the table's order, with the words of every refusal made
// from the table.
#include "scenario/import.hpp"

#include "import_fixture.hpp"
#include "scenario/keys.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nofly::scenario {
namespace {

using testing::said;

TEST(ImportFormats, WordsAreTheScenarioLanguagesInEnumOrder) {
    EXPECT_EQ(importFormatNames(), keys::kImportFormats);
    const std::vector<std::pair<ImportFormat, std::string>> titles = {{ImportFormat::Ed269, "ED-269"},
                                                                      {ImportFormat::Ed318, "ED-318"},
                                                                      {ImportFormat::GeoJson, "GeoJSON"},
                                                                      {ImportFormat::OpenAir, "OpenAir"}};
    for (const auto& [format, title_] : titles) {
        EXPECT_EQ(title(format), title_);
        EXPECT_EQ(name(format), importFormatNames()[static_cast<std::size_t>(format)]);
    }
}

struct Case {
    const char* file;
    const char* text;
    ImportFormat format;
};

TEST(ImportFormats, JsonIsToldByItsShape) {
    const Case cases[] = {
        {"list.json", "[]", ImportFormat::Ed269},
        {"wrapped.json", R"({"UASZoneList": []})", ImportFormat::Ed269},
        {"features.json", R"({"features": [{"identifier": "A", "geometry": []}]})", ImportFormat::Ed269},
        {"empty318.json", R"({"type": "FeatureCollection", "metadata": {}, "features": []})",
         ImportFormat::Ed318},
        {"empty.geojson", R"({"type": "FeatureCollection", "features": []})", ImportFormat::GeoJson},
        {"zones.json",
         R"({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null,
             "properties": {"identifier": "A", "zoneAuthority": []}}]})",
         ImportFormat::Ed318},
        {"plain.json",
         R"({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null,
             "properties": {"name": "A"}}]})",
         ImportFormat::GeoJson},
        {"feature.json",
         R"({"type": "Feature", "geometry": null, "properties": {"identifier": "A", "variant": "X"}})",
         ImportFormat::Ed318},
        {"geometry.json", R"({"type": "Polygon", "identifier": "A", "coordinates": []})",
         ImportFormat::GeoJson},
        {"part.json", R"({"identifier": "A"})", ImportFormat::Ed318},
        // text: by the file's name, then by an airspace class line
        {"airspace.txt", "* no class line\n", ImportFormat::OpenAir},
        {"airspace.OPENAIR", "* no class line\n", ImportFormat::OpenAir},
        {"airspace.dat", "* Danish airspace\nAC R\nAN TEST\n", ImportFormat::OpenAir},
    };
    for (const Case& c : cases) {
        const ImportResult r = importZonesText(c.text, c.file);
        ASSERT_TRUE(r.format) << c.file << "\n" << testing::printed(r);
        EXPECT_EQ(*r.format, c.format) << c.file;
    }
}

TEST(ImportFormats, RefusalsNameTheFormatsOfTheTable) {
    const ImportResult unknown = importZonesText(R"({"zones": []})", "x.json");
    EXPECT_TRUE(said(unknown, "x.json", 0,
                     "error: cannot tell the format of the file (give it with --format (include: 'format:'), "
                     "one of: ed269, ed318, geojson, openair)"))
        << testing::printed(unknown);

    const ImportResult notJson = importZonesText("AC R\n", "zones.geojson");
    EXPECT_TRUE(said(notJson, "zones.geojson", 1,
                     "error: the file is not JSON, so it is not GeoJSON (an ED-269, ED-318 or GeoJSON file "
                     "starts with '{' or '[')"))
        << testing::printed(notJson);

    ImportOptions openAir;
    openAir.format = "openair";
    const ImportResult json = importZonesText("[]", "zones.json", openAir);
    EXPECT_TRUE(said(json, "zones.json", 1, "error: the file is JSON, not OpenAir"))
        << testing::printed(json);

    ImportOptions mapped;
    mapped.mapping = "mapping.yaml";
    const ImportResult ed269 = importZonesText(R"({"UASZoneList": []})", "zones.json", mapped);
    EXPECT_TRUE(
        said(ed269, "zones.json", 0,
             "error: a mapping file applies to GeoJSON and OpenAir only (ED-269 says what each property "
             "means)"))
        << testing::printed(ed269);

    ImportOptions misspelt;
    misspelt.format = "geojsn";
    const ImportResult bad = importZonesText("[]", "zones.json", misspelt);
    EXPECT_TRUE(
        said(bad, "zones.json", 0, "error: 'geojsn' is not a format nofly imports (did you mean 'geojson'?)"))
        << testing::printed(bad);
}

} // namespace
} // namespace nofly::scenario
