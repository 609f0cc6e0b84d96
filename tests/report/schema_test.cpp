// The scenario language's JSON Schema: written from the key lists the loader
// reads with (src/scenario/keys.hpp), so that schema and loader know the same
// keys, with a type for every key. (That the committed schema is this one and
// that every shipped scenario validates against it is tests/app's job.)
#include "report/schema.hpp"

#include "scenario/keys.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace nofly::report {
namespace {

namespace keys = scenario::keys;
using json = nlohmann::ordered_json; // keys in the order written

std::vector<std::string> propertyNames(const json& object) {
    std::vector<std::string> names;
    for (const auto& [name, value] : object.at("properties").items())
        names.push_back(name);
    return names;
}

TEST(Schema, EveryKeyHasATypeAndEveryTypeAKey) {
    const std::vector<std::string> problems = schemaProblems();
    EXPECT_TRUE(problems.empty()) << ::testing::PrintToString(problems);
}

TEST(Schema, IsDraft07AndRequiresTitleTimeAndMap) {
    const json schema = json::parse(scenarioSchema());
    EXPECT_EQ(schema.at("$schema"), "http://json-schema.org/draft-07/schema#");
    EXPECT_EQ(schema.at("required"), json({"title", "time", "map"}));
    EXPECT_EQ(schema.at("additionalProperties"), false);
}

TEST(Schema, KnowsTheSameKeysAsTheLoader) {
    const json schema = json::parse(scenarioSchema());
    const json& d = schema.at("definitions");
    EXPECT_EQ(propertyNames(schema), keys::kTop);
    const std::pair<const char*, const keys::List*> mappings[] = {{"included", &keys::kIncluded},
                                                                  {"time", &keys::kTime},
                                                                  {"map", &keys::kMap},
                                                                  {"view", &keys::kView},
                                                                  {"latlon", &keys::kLatLon},
                                                                  {"include", &keys::kInclude},
                                                                  {"place", &keys::kPlace},
                                                                  {"zone", &keys::kZone},
                                                                  {"shape", &keys::kShape},
                                                                  {"circle", &keys::kCircle},
                                                                  {"polygon", &keys::kPolygon},
                                                                  {"corridor", &keys::kCorridor},
                                                                  {"altitudeBand", &keys::kAltitudeBand},
                                                                  {"active", &keys::kActive},
                                                                  {"window", &keys::kWindow},
                                                                  {"weekly", &keys::kWeekly},
                                                                  {"category", &keys::kCategory},
                                                                  {"flight", &keys::kFlight},
                                                                  {"traffic", &keys::kTraffic},
                                                                  {"between", &keys::kBetween},
                                                                  {"behaviourMix", &keys::kBehaviourMix},
                                                                  {"airport", &keys::kAirport},
                                                                  {"site", &keys::kSite},
                                                                  {"sensor", &keys::kSensor},
                                                                  {"responder", &keys::kResponder},
                                                                  {"closure", &keys::kClosure},
                                                                  {"manned", &keys::kManned},
                                                                  {"obstacle", &keys::kObstacle},
                                                                  {"tracking", &keys::kTracking},
                                                                  {"event", &keys::kEvent},
                                                                  {"expect", &keys::kExpect},
                                                                  {"variant", &keys::kVariant},
                                                                  {"policy", &keys::kPolicy},
                                                                  {"headlines", &keys::kHeadlines},
                                                                  {"question", &keys::kQuestion},
                                                                  {"basemapFiles", &keys::kBasemapFiles},
                                                                  {"dispensations", &keys::kDispensations},
                                                                  {"decision", &keys::kDecision}};
    for (const auto& [name, list] : mappings) {
        ASSERT_TRUE(d.contains(name)) << name;
        EXPECT_EQ(propertyNames(d.at(name)), *list) << name;
        EXPECT_EQ(d.at(name).at("additionalProperties"), false) << name;
    }
    // and nothing else: one definition a key list
    EXPECT_EQ(d.size(), std::size(mappings));
}

TEST(Schema, WordsComeFromTheLoadersLists) {
    const json d = json::parse(scenarioSchema()).at("definitions");
    EXPECT_EQ(d.at("zone").at("properties").at("restriction").at("enum"), json(keys::kRestrictions));
    EXPECT_EQ(d.at("include").at("properties").at("format").at("enum"), json(keys::kImportFormats));
    EXPECT_EQ(d.at("event").at("properties").at("event").at("enum"), json(keys::kEventTypes));
    // a shape names exactly one form
    EXPECT_EQ(d.at("shape").at("oneOf").size(), 5u);
}

TEST(Schema, SameTextEveryTime) {
    EXPECT_EQ(scenarioSchema(), scenarioSchema());
}

} // namespace
} // namespace nofly::report
