// Every shipped scenario (and each of its variants) loads without errors.
#include "scenario/loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace nofly::scenario {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> shippedFiles() {
    std::vector<std::string> files;
    for (const char* folder : {"scenarios/denmark_2025", "scenarios/tutorial", "scenarios/world"})
        for (const auto& entry : fs::recursive_directory_iterator(fs::path(NOFLY_SOURCE_DIR) / folder))
            if (entry.path().extension() == ".yaml" && entry.path().filename().string()[0] != '_')
                files.push_back(fs::relative(entry.path(), NOFLY_SOURCE_DIR).string());
    std::sort(files.begin(), files.end());
    return files;
}

class ShippedScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedScenario, LoadsWithEveryVariantAndNoError) {
    fs::current_path(NOFLY_SOURCE_DIR);
    const LoadResult result = checkScenarioFile(GetParam());
    std::string printed;
    for (const core::Diagnostic& d : result.diagnostics.all()) printed += core::format(d) + "\n";
    ASSERT_TRUE(result.scenario.has_value()) << printed;
    EXPECT_EQ(result.diagnostics.errorCount(), 0u) << printed;
    EXPECT_FALSE(result.scenario->title.empty());
    EXPECT_GT(result.scenario->time.end, result.scenario->time.start);
}

INSTANTIATE_TEST_SUITE_P(Files, ShippedScenario, ::testing::ValuesIn(shippedFiles()),
                         [](const ::testing::TestParamInfo<std::string>& paramInfo) {
                             std::string name = paramInfo.param;
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

TEST(ShippedScenarios, FlagshipHasTheThreePolicies) {
    fs::current_path(NOFLY_SOURCE_DIR);
    const LoadResult base = loadScenarioFile("scenarios/denmark_2025/summit_ban.yaml");
    ASSERT_TRUE(base.scenario.has_value());
    const Scenario& s = *base.scenario;
    ASSERT_NE(s.zone("national-ban"), nullptr);
    EXPECT_EQ(s.zone("national-ban")->restriction, Restriction::Prohibited);
    EXPECT_EQ(s.zone("national-ban")->shapeKind, ShapeKind::Country);
    // the real exemptions: police, military, emergency, and health services
    const auto& exempt = s.zone("national-ban")->exempt;
    for (const char* category : {"police", "military", "emergency", "medical"})
        EXPECT_NE(std::find(exempt.begin(), exempt.end(), category), exempt.end()) << category;
    ASSERT_GE(s.variants.size(), 2u);

    // the status quo drops the ban and keeps the airport circles from the include
    const LoadResult statusQuo =
        loadScenarioFile("scenarios/denmark_2025/summit_ban.yaml", LoadOptions{"status-quo", {}, {}});
    ASSERT_TRUE(statusQuo.scenario.has_value());
    EXPECT_EQ(statusQuo.scenario->zone("national-ban"), nullptr);
    ASSERT_NE(statusQuo.scenario->zone("ekch-circle"), nullptr);
    EXPECT_EQ(statusQuo.scenario->zone("ekch-circle")->restriction, Restriction::Authorisation);

    // five-km circles turn the airport circles into prohibitions
    const LoadResult circles =
        loadScenarioFile("scenarios/denmark_2025/summit_ban.yaml", LoadOptions{"five-km-circles", {}, {}});
    ASSERT_TRUE(circles.scenario.has_value());
    EXPECT_EQ(circles.scenario->zone("national-ban"), nullptr);
    EXPECT_EQ(circles.scenario->zone("ekch-circle")->restriction, Restriction::Prohibited);
}

// issue 16: the "as it was" scenarios keep facts apart from fiction: every timeline entry
// either cites its line of the sources page or is marked illustrative (or both: a sourced
// event at an invented time)
TEST(ShippedScenarios, EveryDenmark2025TimelineEntryIsSourcedOrIllustrative) {
    fs::current_path(NOFLY_SOURCE_DIR);
    std::vector<std::string> sources;
    std::ifstream page("docs/sources/denmark_2025.md");
    for (std::string line; std::getline(page, line);) sources.push_back(line);
    ASSERT_FALSE(sources.empty());
    const std::string kPage = "docs/sources/denmark_2025.md:";
    std::size_t checked = 0;
    for (const std::string& file : shippedFiles()) {
        if (file.find("denmark_2025") == std::string::npos) continue;
        const LoadResult r = loadScenarioFile(file);
        ASSERT_TRUE(r.scenario.has_value()) << file;
        for (const TimelineEvent& e : r.scenario->timeline) {
            ++checked;
            const std::string where = core::format({core::Severity::Error, e.where, "this timeline entry", ""});
            EXPECT_TRUE(e.illustrative == Illustrative::Entry || e.source.starts_with(kPage))
                << where << " is neither sourced nor illustrative";
            // only a recorded event can be at an invented time
            if (e.illustrative == Illustrative::Time) {
                EXPECT_FALSE(e.source.empty()) << where;
            }
            if (e.source.empty()) continue;
            // a cited line exists and says something
            ASSERT_TRUE(e.source.starts_with(kPage)) << where << " cites " << e.source;
            const std::size_t line = std::stoul(e.source.substr(kPage.size()));
            ASSERT_TRUE(line >= 1 && line <= sources.size()) << where << " cites " << e.source;
            EXPECT_FALSE(sources[line - 1].empty()) << where << " cites a blank line: " << e.source;
        }
    }
    EXPECT_GE(checked, 5u);
}

TEST(ShippedScenarios, TheBanCoversCopenhagenAndAarhusButNotMalmo) {
    fs::current_path(NOFLY_SOURCE_DIR);
    const LoadResult base = loadScenarioFile("scenarios/denmark_2025/summit_ban.yaml");
    ASSERT_TRUE(base.scenario.has_value());
    const Scenario& s = *base.scenario;
    const core::Region& denmark = s.zone("national-ban")->region;
    EXPECT_TRUE(core::contains(denmark, s.projection.toLocal({55.676, 12.568})));  // Copenhagen
    EXPECT_TRUE(core::contains(denmark, s.projection.toLocal({56.162, 10.203})));  // Aarhus
    EXPECT_TRUE(core::contains(denmark, s.projection.toLocal({55.100, 14.900})));  // Bornholm
    EXPECT_FALSE(core::contains(denmark, s.projection.toLocal({55.605, 13.000}))); // Malmo, Sweden
    EXPECT_FALSE(core::contains(denmark, s.projection.toLocal({54.323, 10.123}))); // Kiel, Germany
}

} // namespace
} // namespace nofly::scenario
