// The authorities of the scenario language: a prohibited zone's
// `dispensations:`, an authority's `capacity:` and a `decision:` with a
// spread. One test per rule, on inline YAML, checking the line, the column
// and the words a writer reads.
#include "inline_scenario.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace nofly::scenario {
namespace {

using ::testing::HasSubstr;
using testing::kHead;
using testing::load;
using testing::printed;

/// A zone 3 km round the origin, its restriction and what follows it: line 5 of the text.
std::string zone(const std::string& restriction, const std::string& rest) {
    return kHead + "zones:\n  - {id: z, restriction: " + restriction +
           ", shape: {circle: {center: [0, 0], radius: 3 km}}, " + rest + "}\n";
}

TEST(Dispensations, AreReadWithTheirAuthority) {
    const LoadResult r =
        load(zone("prohibited", "dispensations: {grant: [medical, inspection], capacity: 6 per hour, "
                                "decision: {mean: 30 min, spread: exponential}}"));
    ASSERT_TRUE(r.scenario) << printed(r);
    const Zone& z = r.scenario->zones.front();
    EXPECT_TRUE(z.dispensations);
    EXPECT_EQ(z.grant, (std::vector<std::string>{"medical", "inspection"}));
    ASSERT_TRUE(z.capacity);
    EXPECT_EQ(*z.capacity, 6.0);
    EXPECT_EQ(z.decision, 30 * 60000);
    EXPECT_EQ(z.spread, DecisionSpread::Exponential);
}

TEST(Dispensations, AreForCriticalWorkUnlessTheySayOtherwise) {
    const LoadResult r = load(zone("prohibited", "dispensations: {}"));
    ASSERT_TRUE(r.scenario) << printed(r);
    const Zone& z = r.scenario->zones.front();
    EXPECT_EQ(z.grant, std::vector<std::string>{"critical"});
    EXPECT_FALSE(z.capacity);
    EXPECT_EQ(z.decision, 10 * 60000);
    EXPECT_EQ(z.spread, DecisionSpread::Fixed);
    EXPECT_TRUE(offersDispensation(z, *r.scenario->category("medical")));
    EXPECT_FALSE(offersDispensation(z, *r.scenario->category("hobby")));
}

TEST(Dispensations, OnAZoneThatIsNotProhibitedAreRefused) {
    const LoadResult r = load(zone("authorisation", "dispensations: {grant: critical}"));
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:105: error: zone 'z' dispensations are for a prohibited zone; "
                          "this one's restriction is authorisation (an authorisation zone says whom "
                          "it grants with 'grant:'"));
    const LoadResult conditional = load(zone("conditional", "dispensations: {}"));
    EXPECT_THAT(
        printed(conditional),
        HasSubstr("test.yaml:5:103: error: zone 'z' dispensations are for a prohibited zone; this one's "
                  "restriction is conditional (write 'restriction: prohibited', or leave "
                  "'dispensations' out)"));
}

TEST(Dispensations, AnUnknownGrantWordSuggestsTheNearest) {
    const LoadResult r = load(zone("prohibited", "dispensations: {grant: critcal}"));
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:110: error: zone 'z' dispensations grant: 'critcal' is not one "
                          "of the known values (did you mean 'critical'?)"));
}

TEST(Dispensations, AGrantOrDecisionBesideThemIsRefused) {
    const LoadResult r = load(zone("prohibited", "grant: all, dispensations: {}"));
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:94: error: zone 'z' grant beside 'dispensations': a prohibited "
                          "zone grants only dispensations (write it under 'dispensations:', such as "
                          "'dispensations: {grant: ...}')"));
}

TEST(Capacity, OfZeroOrBelowIsRefused) {
    for (const char* rate : {"0 per hour", "-2 per hour"}) {
        const LoadResult r = load(zone("prohibited", std::string("dispensations: {capacity: ") + rate + "}"));
        EXPECT_THAT(printed(r),
                    HasSubstr(std::string("test.yaml:5:113: error: zone 'z' dispensations capacity must "
                                          "be more than 0 decisions per hour, not '") +
                              rate +
                              "' (an authority that takes up no request answers none; leave "
                              "'capacity' out for one that takes every request up at once)"));
    }
}

TEST(Capacity, IsDecisionsPerHour) {
    const LoadResult r = load(zone("authorisation", "capacity: 12 per day"));
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:100: error: zone 'z' capacity must be a number of decisions per "
                          "hour, such as '6 per hour', not '12 per day'"));
    const LoadResult good = load(zone("authorisation", "capacity: 12/h"));
    ASSERT_TRUE(good.scenario) << printed(good);
    EXPECT_EQ(*good.scenario->zones.front().capacity, 12.0);
}

TEST(Capacity, OnAProhibitedZoneBelongsUnderItsDispensations) {
    const LoadResult r = load(zone("prohibited", "capacity: 6 per hour"));
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:97: error: zone 'z' capacity is for an authorisation zone; "
                          "this one's restriction is prohibited (a prohibited zone takes requests "
                          "only for dispensations: write 'dispensations: {capacity: 6 per hour}')"));
}

TEST(Decision, AsAMappingNeedsAMeanAndAKnownSpread) {
    const LoadResult r = load(zone("authorisation", "decision: {spread: gaussian}"));
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:109: error: zone 'z' decision spread: 'gaussian' is not one of "
                          "the known values (expected one of: fixed, exponential)"));
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:5:100: error: zone 'z' decision has no 'mean' (the mean time to "
                          "answer a request, such as 'mean: 30 min')"));
}

TEST(Dispensations, ACategoryTheyAreForGetsNoTakeOffWarning) {
    // a medical flight may ask for a dispensation to take off inside the ban; a hobby flight may not
    const LoadResult r = load(zone("prohibited", "dispensations: {}") +
                              "flights:\n"
                              "  - {id: m, category: medical, depart: 10:10, route: [[0, 0], [1 km, 0]]}\n"
                              "  - {id: h, category: hobby, depart: 10:10, route: [[0, 0], [1 km, 0]]}\n");
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(r.diagnostics.warningCount(), 1u) << printed(r);
    EXPECT_THAT(printed(r),
                HasSubstr("test.yaml:8:5: warning: flight 'h' takes off inside prohibited zone 'z'"));
}

TEST(Dispensations, AVariantSetsTheirCapacity) {
    const LoadResult r =
        load(zone("prohibited", "dispensations: {capacity: 6 per hour}") +
                 "variants:\n  busy:\n    set: {zones.z.dispensations.capacity: 2 per hour}\n",
             {"busy", {}, {}});
    ASSERT_TRUE(r.scenario) << printed(r);
    EXPECT_EQ(*r.scenario->zones.front().capacity, 2.0);
}

} // namespace
} // namespace nofly::scenario
