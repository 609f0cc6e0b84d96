// What a compare handout says of a scenario beyond its title (issue 16): the
// policies' names and descriptions (`policy:`, a variant's `name:`), what the
// model leaves out (`leaves_out:`) and the metrics it charts first
// (`headlines:`), each read and refused with its line and a suggestion.
#include "inline_scenario.hpp"

#include "scenario/loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace nofly::scenario {
namespace {

using ::testing::HasSubstr;
using testing::kHead;
using testing::load;
using testing::printed;

const std::string kTexts =
    "policy: {name: Nationwide ban, description: No civil drone flies.}\n"
    "leaves_out:\n"
    "  - \"Weather: every day is calm.\"\n"
    "  - The police's other work.\n"
    "headlines: {cost: disrupted, benefit: near_protected_minutes, also: [closure_minutes]}\n"
    "variants:\n"
    "  status-quo: {name: Status quo, description: No ban.}\n"
    "  circles: {description: Circles only.}\n";

TEST(PolicyTexts, NamesDescriptionsLeavesOutAndHeadlinesAreRead) {
    const LoadResult r = load(kHead + kTexts);
    ASSERT_TRUE(r.scenario) << printed(r);
    const Scenario& s = *r.scenario;
    EXPECT_EQ(s.policy.name, "Nationwide ban");
    EXPECT_EQ(s.policyName(""), "Nationwide ban");
    EXPECT_EQ(s.policyName("base"), "Nationwide ban");
    EXPECT_EQ(s.policyDescription(""), "No civil drone flies.");
    EXPECT_EQ(s.policyName("status-quo"), "Status quo");
    EXPECT_EQ(s.policyDescription("status-quo"), "No ban.");
    // a variant without a name is shown by its id
    EXPECT_EQ(s.policyName("circles"), "circles");
    EXPECT_EQ(s.policyDescription("circles"), "Circles only.");
    EXPECT_EQ(s.leavesOut,
              (std::vector<std::string>{"Weather: every day is calm.", "The police's other work."}));
    EXPECT_EQ(s.headlines.cost, "disrupted");
    EXPECT_EQ(s.headlines.benefit, "near_protected_minutes");
    EXPECT_EQ(s.headlines.also, std::vector<std::string>{"closure_minutes"});
}

TEST(PolicyTexts, WithoutNamesEveryPolicyIsItsId) {
    const LoadResult r = load(kHead + "variants:\n  status-quo: {description: No ban.}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.scenario->policyName(""), "base");
    EXPECT_EQ(r.scenario->policyName("status-quo"), "status-quo");
    EXPECT_TRUE(r.scenario->leavesOut.empty());
    EXPECT_TRUE(r.scenario->headlines.cost.empty());
}

TEST(PolicyTexts, TheNamesAreTheSameUnderEveryVariant) {
    // a variant's run keeps the file's texts: one handout names every policy
    const LoadResult r = load(kHead + kTexts, {"status-quo", {}, {}});
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.scenario->policyName(""), "Nationwide ban");
    EXPECT_EQ(r.scenario->policyName(r.scenario->variant), "Status quo");
    EXPECT_EQ(r.scenario->leavesOut.size(), 2u);
}

TEST(PolicyTexts, AMisspeltHeadlineMetricIsRefusedWithASuggestion) {
    const LoadResult r = load(kHead + "headlines:\n"
                                      "  cost: disruptd\n"
                                      "  also: [closure_minute, near_misses]\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_EQ(r.diagnostics.errorCount(), 2u) << printed(r);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:9: error: headlines: the cost metric: 'disruptd' is not one of "
                          "the known values (did you mean 'disrupted'?)"));
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:6:10: error: headlines: a metric of also: 'closure_minute' is not "
                          "one of the known values (did you mean 'closure_minutes'?)"));
}

TEST(PolicyTexts, AHeadlineNamedTwiceIsRefused) {
    const LoadResult r = load(kHead + "headlines:\n"
                                      "  cost: disrupted\n"
                                      "  also: [near_misses, disrupted]\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:6:23: error: headlines: 'disrupted' is named twice (the first is on "
                          "line 5; name each metric once)"));
}

TEST(PolicyTexts, UnknownKeysOfPolicyAndHeadlinesAreRefused) {
    const LoadResult r = load(kHead + "policy: {nmae: Ban}\n"
                                      "headlines: {costs: disrupted}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:4:10: error: policy: unknown key 'nmae' (did you mean 'name'?)"));
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:13: error: headlines: unknown key 'costs' (did you mean 'cost'?)"));
}

TEST(PolicyTexts, TwoPoliciesOfOneNameAreRefused) {
    const LoadResult r = load(kHead + "policy: {name: Circles}\n"
                                      "variants:\n"
                                      "  a: {name: Circles}\n"
                                      "  b: {name: Circles}\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:7:13: error: variant 'b' has the name 'Circles' of variant 'a' (give "
                          "each policy a name of its own)"));
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:4:16: error: the policy as written has the name 'Circles' of variant "
                          "'a'"));
}

TEST(PolicyTexts, ASentenceOfLeavesOutMustBeText) {
    // "Weather: calm" unquoted is a mapping in YAML: the writer is told
    const LoadResult r = load(kHead + "leaves_out:\n  - Weather: calm\n  - \"\"\n");
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:5:5: error: a sentence of leaves_out"));
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:6:5: error: leaves_out: an empty sentence"));
}

TEST(PolicyTexts, AVariantCannotChangeThem) {
    const LoadResult r = load(
        kHead + kTexts + "  v:\n    set: {policy.name: Other, headlines.cost: cancelled}\n", {"v", {}, {}});
    EXPECT_FALSE(r.scenario);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:13:11: error: variant 'v' sets 'policy.name', which a variant cannot "
                          "change (policy, leaves_out and headlines speak for the whole comparison, the "
                          "same in every variant; a variant has 'name:' and 'description:' keys of its "
                          "own)"));
    EXPECT_THAT(printed(r), HasSubstr("test.yaml:13:31: error: variant 'v' sets 'headlines.cost'"));
}

} // namespace
} // namespace nofly::scenario
