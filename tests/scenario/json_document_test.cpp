// The JSON reader of the real-data importers is strict JSON (RFC 8259):
// what yaml-cpp would read as YAML is refused at its line, with its column.
#include "scenario/import.hpp"

#include "import_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace nofly::scenario {
namespace {

using ::testing::HasSubstr;
using testing::printed;

/// The diagnostics of importing `json` as a GeoJSON file named "x.geojson".
std::string refusal(const std::string& json) {
    ImportOptions options;
    options.format = "geojson";
    const ImportResult r = importZonesText(json, "x.geojson", options);
    EXPECT_FALSE(r.ok()) << json;
    return printed(r);
}

const std::string kFeature = R"({"type": "Feature", "properties": {"name": "A", "restriction": "prohibited"},
 "geometry": {"type": "Point", "coordinates": [12.5, 55.6]}})";

TEST(JsonDocument, AKeyWithoutAValueIsRefused) {
    EXPECT_THAT(refusal("{\"type\": \"FeatureCollection\",\n \"features\"}\n"),
                HasSubstr("x.geojson:2:12: error: the file is not valid JSON: syntax error while parsing object "
                          "separator - unexpected '}'; expected ':' (JSON writes keys and texts in double quotes, "
                          "numbers in decimal, a value after every key, and no comments or commas before a closing "
                          "bracket)"));
}

TEST(JsonDocument, AFileCutShortIsRefused) {
    // at the last character written, not past the end
    EXPECT_THAT(refusal("{\"type\": \"FeatureCollection\",\n \"features\": [\n {\"type\": \"Feature\"\n\n"),
                HasSubstr("x.geojson:3:19: error: an object or a list is not closed when the file ends (add the "
                          "missing '}' or ']', or check whether the file was cut short)"));
    EXPECT_THAT(refusal("{\"type\": \"FeatureCollection\",\n \"features\": [\n {\"type\": \"Feat"),
                HasSubstr("x.geojson:3:15: error: the file is not valid JSON: syntax error while parsing value - "
                          "invalid string: missing closing quote"));
}

TEST(JsonDocument, HexadecimalBareWordsCommentsAndSingleQuotesAreRefused) {
    EXPECT_THAT(refusal("{\"type\": \"FeatureCollection\", \"features\": [],\n \"radius\": 0x10}"),
                HasSubstr("x.geojson:2:13: error: the file is not valid JSON: syntax error while parsing object - "
                          "invalid literal; last read: '0x'; expected '}'"));
    EXPECT_THAT(refusal("{\"type\": FeatureCollection, \"features\": []}"),
                HasSubstr("x.geojson:1:10: error: the file is not valid JSON: syntax error while parsing value - "
                          "invalid literal"));
    EXPECT_THAT(refusal("{\"type\": \"FeatureCollection\", # a comment\n \"features\": []}"),
                HasSubstr("x.geojson:1:31: error: the file is not valid JSON"));
    EXPECT_THAT(refusal("{'type': 'FeatureCollection', 'features': []}"),
                HasSubstr("x.geojson:1:2: error: the file is not valid JSON"));
    EXPECT_THAT(refusal("{\"type\": \"FeatureCollection\", \"features\": [],}"),
                HasSubstr("x.geojson:1:46: error: the file is not valid JSON: syntax error while parsing object key - "
                          "unexpected '}'; expected string literal"));
}

TEST(JsonDocument, ANulIsNotWhiteSpace) {
    EXPECT_THAT(refusal(std::string("{\"type\": \"FeatureCollection\",\0 \"features\": []}", 47)),
                HasSubstr("x.geojson:1:30: error: the file holds a control character here, U+0000 (NUL)"));
}

TEST(JsonDocument, AControlCharacterMadeByAnEscapeIsRefused) {
    EXPECT_THAT(refusal("{\"type\": \"FeatureCollection\",\n \"name\": \"a\\u0000b\", \"features\": []}"),
                HasSubstr("x.geojson:2:10: error: a text holds a control character, U+0000 (NUL) (remove it: a text "
                          "holds printable characters, tabs and line breaks)"));
}

TEST(JsonDocument, ATextThatIsNotUtf8IsRefused) {
    EXPECT_THAT(refusal("{\"type\": \"FeatureCollection\", \"name\": \"Caf\xE9\", \"features\": []}"),
                HasSubstr("x.geojson:1:43: error: the file is not UTF-8: byte 0xE9"));
}

TEST(JsonDocument, StrictJsonStillReadsEveryValueAtItsLine) {
    ImportOptions options;
    options.format = "geojson";
    const ImportResult r = importZonesText(
        "{\"type\": \"FeatureCollection\", \"features\": [\n" +
            std::string(R"({"type": "Feature", "properties": {"name": "A \u00e9\/", "restriction": "prohibited", "radius": 1.5e2},)") +
            "\n \"geometry\": {\"type\": \"Point\", \"coordinates\": [12.5, 55.6]}}]}\n",
        "x.geojson", options);
    ASSERT_TRUE(r.ok()) << printed(r);
    ASSERT_EQ(r.zones.size(), 1u);
    EXPECT_EQ(r.zones[0].name, "A \xC3\xA9/");
    EXPECT_EQ(r.zones[0].where.line, 2);
    ASSERT_EQ(r.zones[0].shape.circles.size(), 1u);
    EXPECT_DOUBLE_EQ(r.zones[0].shape.circles[0].radius, 150.0);
}

TEST(JsonDocument, ARadiusOutOfRangeIsRefused) {
    const std::string feature = R"({"type": "Feature", "properties": {"name": "Huge", "restriction": "prohibited", "radius": 1e300},
 "geometry": {"type": "Point", "coordinates": [12.5, 55.6]}})";
    EXPECT_THAT(refusal("{\"type\": \"FeatureCollection\", \"features\": [\n" + feature + "]}"),
                HasSubstr("x.geojson:2:91: error: feature 1 'Huge': radius: '1e300' is out of range for a length (a "
                          "length is at most 20,000 km (half the way round the Earth))"));
}

} // namespace
} // namespace nofly::scenario
