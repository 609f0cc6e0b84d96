// The ballot box (report/ballot_box.hpp): a vote from each phone once per
// question, with the code on the screen, on the question open now and one of
// its choices; the window takes each counted vote once; and the vote page
// binds only to addresses on a local network.
#include "report/ballot_box.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace nofly::report {
namespace {

using R = BallotBox::Result;

BallotBox::Question bridge() {
    return {
        "base/bridge", "Will the Oresund bridge inspection fly?", {"allowed", "rerouted", "cancelled"}, ""};
}

TEST(BallotBox, APhoneVotesOnceOnTheOpenQuestionWithTheCode) {
    BallotBox box("4821");
    EXPECT_EQ(box.vote("4821", "phone-a", "base/bridge", "cancelled"), R::NoQuestion);
    box.open(bridge());
    EXPECT_EQ(box.vote("1234", "phone-a", "base/bridge", "cancelled"), R::WrongCode);
    EXPECT_EQ(box.vote("4821", "", "base/bridge", "cancelled"), R::NoDevice);
    EXPECT_EQ(box.vote("4821", "phone-a", "base/wedding", "cancelled"), R::NotThisQuestion);
    EXPECT_EQ(box.vote("4821", "phone-a", "base/bridge", "sunk"), R::NotAChoice);
    EXPECT_EQ(box.vote("4821", "phone-a", "base/bridge", "cancelled"), R::Counted);
    EXPECT_EQ(box.vote("4821", "phone-a", "base/bridge", "allowed"), R::AlreadyVoted);
    EXPECT_EQ(box.vote("4821", "phone-b", "base/bridge", "allowed"), R::Counted);
    EXPECT_EQ(box.counted("base/bridge"), (std::map<std::string, int>{{"allowed", 1}, {"cancelled", 1}}));

    // the window takes each vote once, in the order cast
    using Votes = std::vector<std::pair<std::string, std::string>>;
    EXPECT_EQ(box.take(), (Votes{{"base/bridge", "cancelled"}, {"base/bridge", "allowed"}}));
    EXPECT_EQ(box.take(), Votes{});

    // the next question: a new vote for each phone; back to the first, still voted
    BallotBox::Question wedding{
        "base/wedding", "Will the wedding photographer get her pictures?", {"allowed", "cancelled"}, ""};
    box.open(wedding);
    EXPECT_EQ(box.vote("4821", "phone-a", "base/wedding", "allowed"), R::Counted);
    box.open(bridge());
    EXPECT_EQ(box.vote("4821", "phone-a", "base/bridge", "rerouted"), R::AlreadyVoted);
    box.open(std::nullopt);
    EXPECT_EQ(box.vote("4821", "phone-c", "base/bridge", "rerouted"), R::NoQuestion);
}

TEST(BallotBox, PhonesVotingAtOnceAreEachCounted) {
    BallotBox box("77");
    box.open(bridge());
    std::vector<std::thread> phones;
    for (int p = 0; p < 8; ++p)
        phones.emplace_back([&box, p] {
            for (int k = 0; k < 50; ++k)
                box.vote("77", "phone-" + std::to_string(p * 50 + k), "base/bridge", "allowed");
        });
    for (std::thread& t : phones)
        t.join();
    EXPECT_EQ(box.take().size(), 400u);
    EXPECT_EQ(box.counted("base/bridge").at("allowed"), 400);
}

TEST(BallotBox, WhatAPhoneReads) {
    BallotBox box("4821");
    EXPECT_EQ(box.questionJson(), R"({"open":false})");
    BallotBox::Question q = bridge();
    q.policy = "Nationwide ban";
    box.open(q);
    EXPECT_EQ(box.questionJson(),
              R"({"open":true,"key":"base/bridge","ask":"Will the Oresund bridge inspection fly?",)"
              R"("choices":["allowed","rerouted","cancelled"],"policy":"Nationwide ban"})");
    EXPECT_EQ(BallotBox::resultJson(R::Counted, "allowed"),
              R"({"ok":true,"message":"Counted: allowed. Watch the screen for the answer."})");
    EXPECT_EQ(BallotBox::resultJson(R::AlreadyVoted, "allowed"),
              R"({"ok":false,"message":"You have already voted on this question."})");
    EXPECT_NE(votePage().find("id=\"code\""), std::string::npos);
}

TEST(BallotBox, AJoinCodeHasItsDigitsAndNoLeadingZero) {
    for (std::uint64_t e : {0ull, 1ull, 8999ull, 9000ull, 123456789ull, ~0ull}) {
        const std::string code = makeJoinCode(e);
        EXPECT_EQ(code.size(), 4u) << e;
        EXPECT_NE(code.front(), '0') << e;
    }
    EXPECT_EQ(makeJoinCode(0), "1000");
    EXPECT_EQ(makeJoinCode(42, 6).size(), 6u);
}

TEST(BallotBox, OnlyLocalNetworkAddresses) {
    for (const char* a :
         {"127.0.0.1", "10.0.0.7", "172.16.0.1", "172.31.255.254", "192.168.1.23", "169.254.3.4"})
        EXPECT_TRUE(localNetworkAddress(a)) << a;
    for (const char* a : {"8.8.8.8", "172.32.0.1", "172.15.0.1", "192.169.0.1", "0.0.0.0", "::1", "",
                          "192.168.1", "192.168.1.256", "192.168.1.2.3", "192.168.1.2 ", "localhost"})
        EXPECT_FALSE(localNetworkAddress(a)) << a;
}

} // namespace
} // namespace nofly::report
