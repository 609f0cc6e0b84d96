// The word tables of the scenario language's enums (keys.hpp): each as long as
// its enum, every value's word found back, and the hints and lists written
// from them.
#include "scenario/keys.hpp"
#include "scenario/model.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>

namespace nofly::scenario {
namespace {

/// Every value of an enum names a word of its table, and that word names the value back.
template <typename Enum> void expectRoundTrip(const keys::EnumWords<Enum>& words) {
    ASSERT_EQ(words.size(), static_cast<std::size_t>(Enum::Last) + 1);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto value = static_cast<Enum>(i);
        EXPECT_EQ(words(value), words[i]);
        EXPECT_TRUE(keys::valueOf<Enum>(words[i]) == value) << words[i];
    }
}

TEST(EnumWords, EveryValueHasAWordThatNamesItBack) {
    expectRoundTrip(keys::kRestrictions);
    expectRoundTrip(keys::kReasons);
    expectRoundTrip(keys::kBehaviours);
    expectRoundTrip(keys::kKinds);
    expectRoundTrip(keys::kShapeKinds);
    expectRoundTrip(keys::kSensorTypes);
    expectRoundTrip(keys::kResponderTypes);
    expectRoundTrip(keys::kEventTypes);
    expectRoundTrip(keys::kBreachActions);
}

TEST(EnumWords, NameIsTheTablesWord) {
    EXPECT_EQ(name(SensorType::RadioFrequency), "rf");
    EXPECT_EQ(name(SensorType::Sighting), "sighting");
    EXPECT_EQ(name(Restriction::NoRestriction), "no-restriction");
    EXPECT_EQ(name(EventType::Note), "note");
    EXPECT_EQ(name(BreachAction::Land), "land");
}

TEST(EnumWords, AWordOfNoValueNamesNothing) {
    EXPECT_FALSE(keys::valueOf<SensorType>("lidar"));
    EXPECT_FALSE(keys::valueOf<SensorType>(""));
    EXPECT_FALSE(keys::valueOf<Restriction>("Prohibited")); // words are lower case
}

TEST(EnumWords, CompleteCatchesAWordMissingOrWrittenTwice) {
    // a table with a word too few, or one word twice, is out of step with its enum
    constexpr keys::EnumWords<SensorType> tooFew = {"radar", "rf", "camera", "remote-id"};
    constexpr keys::EnumWords<SensorType> twice = {"radar", "rf", "camera", "radar", "sighting"};
    static_assert(!keys::complete(tooFew));
    static_assert(!keys::complete(twice));
    static_assert(keys::complete(keys::kSensorTypes));
    EXPECT_FALSE(keys::complete(tooFew));
    EXPECT_FALSE(keys::complete(twice));
}

TEST(EnumWords, HintsAreWrittenFromTheTables) {
    EXPECT_EQ(keys::oneOf(keys::kSensorTypes), "one of: radar, rf, camera, remote-id, sighting");
    EXPECT_EQ(keys::oneOf(keys::kResponderTypes), "one of: police, jammer, interceptor");
    EXPECT_EQ(keys::oneOf(keys::kRestrictions),
              "one of: prohibited, authorisation, conditional, no-restriction");
    EXPECT_EQ(keys::oneOf(keys::kKinds), "one of: hobby, commercial, state");
    EXPECT_EQ(keys::alternatives(keys::kEventTypes), "announce, activate, deactivate, sighting or note");
    EXPECT_EQ(keys::alternatives(keys::List{"one"}), "one");
}

TEST(EnumWords, ListsAreWrittenFromTheTables) {
    // what takes a List (the JSON schema, suggestions) gets the table's words, in order
    const keys::List restrictions = keys::kRestrictions;
    EXPECT_EQ(restrictions, (keys::List{"prohibited", "authorisation", "conditional", "no-restriction"}));
    EXPECT_EQ(keys::kBehaviourMix, keys::List(keys::kBehaviours));
    EXPECT_EQ(keys::kShape,
              (keys::List{"circle", "polygon", "corridor", "country", "parts", "margin", "waters"}));
}

TEST(EnumWords, IndexOfFindsAWordOfAList) {
    EXPECT_EQ(keys::indexOf(keys::kDays, "mon"), 0u);
    EXPECT_EQ(keys::indexOf(keys::kDays, "sun"), 6u);
    EXPECT_FALSE(keys::indexOf(keys::kDays, "someday"));
}

} // namespace
} // namespace nofly::scenario
