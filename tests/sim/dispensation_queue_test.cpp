// Authorities that answer requests: a prohibited zone's dispensations (for
// the categories they are for; every other one stays banned), and the queue of
// an authority with a capacity, checked against a queue worked out by hand.
// Runs the real simulation on inline scenarios; the words are tested in
// tests/report/sentences_test.cpp, the metrics in tests/report/metrics_test.cpp.
#include "sim/simulation.hpp"

#include "core/random.hpp"
#include "scenario/loader.hpp"
#include "trial.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace nofly::sim {
namespace {

const std::string kHead = "title: T\n"
                          "time: {start: 2025-10-01T10:00+02:00, end: +3 h, step: 1 s}\n"
                          "map: {origin: {lat: 55.69, lon: 12.56}}\n";

/// A ban 3 km round the origin whose dispensations (by default for critical work) are decided as `how` says.
std::string ban(const std::string& how) {
    return "zones:\n  - {id: ban, restriction: prohibited, shape: {circle: {center: [0, 0], radius: 3 km}}, "
           "dispensations: {" +
           how + "}}\n";
}

/// A flight 2 km across the ban, inside it from take-off to landing.
std::string across(const std::string& id, const std::string& category, const std::string& depart,
                   const std::string& extra = "behaviour: compliant") {
    return "  - {id: " + id + ", category: " + category + ", depart: '" + depart +
           "', speed: 10 m/s, altitude: 50 m, from: [-1 km, 0], to: [1 km, 0], " + extra + "}\n";
}

using testing::Trial;

Trial run(const std::string& text, std::uint64_t seed = 0) {
    return testing::runTrial(text, "", seed);
}

TEST(DispensationQueue, WaitingTimesMatchAQueueWorkedOutByHand) {
    // 4 decisions an hour: one taken up every 15 min, each answered 20 min after it is taken up.
    //   request  arrives  ahead  taken up  waits   answered
    //   m1       10:00    0      10:00     0       10:20
    //   m2       10:00    1      10:15     15 min  10:35   (m1's turn runs to 10:15)
    //   m3       10:10    2      10:30     20 min  10:50   (m1's turn and m2's are ahead)
    //   m4       10:40    1      10:45     5 min   11:05   (m3's turn runs to 10:45)
    //   m5       11:30    0      11:30     0       11:50   (every turn has run out)
    const Trial r = run(kHead + ban("capacity: 4 per hour, decision: 20 min") + "flights:\n" +
                        across("m1", "medical", "10:00") + across("m2", "medical", "10:00") +
                        across("m3", "medical", "10:10") + across("m4", "medical", "10:40") +
                        across("m5", "medical", "11:30"));
    struct Hand {
        const char* flight;
        int ahead;
        int waitMinutes;
        int answerHour, answerMinute;
    };
    for (const Hand& h : {Hand{"m1", 0, 0, 10, 20}, Hand{"m2", 1, 15, 10, 35}, Hand{"m3", 2, 20, 10, 50},
                          Hand{"m4", 1, 5, 11, 5}, Hand{"m5", 0, 0, 11, 50}}) {
        SCOPED_TRACE(h.flight);
        const Event& e = r.request(h.flight);
        EXPECT_EQ(e.reason, EventReason::AnswerDue);
        EXPECT_EQ(e.count, h.ahead);
        EXPECT_DOUBLE_EQ(e.value, h.waitMinutes * 60.0);
        EXPECT_EQ(e.when, r.at(h.answerHour, h.answerMinute));
        // granted on the answer, and off at once
        const Drone& d = r.drone(h.flight);
        EXPECT_EQ(d.outcome, Outcome::Authorised);
        EXPECT_EQ(d.departedAt, r.at(h.answerHour, h.answerMinute));
        EXPECT_EQ(r.of(h.flight, EventType::AuthorisationGranted).size(), 1u);
        EXPECT_EQ(d.violations, 0);
    }
}

TEST(DispensationQueue, OtherCategoriesStayBanned) {
    // hobby flights are not critical work: the ban forbids them, and they ask for nothing
    const Trial r = run(kHead + ban("capacity: 4 per hour") + "flights:\n" + across("h", "hobby", "10:00") +
                        across("m", "medical", "10:00"));
    EXPECT_TRUE(r.of("h", EventType::AuthorisationRequested).empty());
    EXPECT_EQ(r.drone("h").outcome, Outcome::Cancelled);
    EXPECT_EQ(r.drone("m").outcome, Outcome::Authorised);
}

TEST(DispensationQueue, GrantNamesWhomTheyAreFor) {
    const Trial r = run(kHead + ban("grant: [inspection]") + "flights:\n" +
                        across("i", "inspection", "10:00") + across("m", "medical", "10:00"));
    EXPECT_EQ(r.drone("i").outcome, Outcome::Authorised);
    EXPECT_EQ(r.drone("m").outcome, Outcome::Cancelled); // critical, but not named
}

TEST(DispensationQueue, FlyingInWithoutOneIsAViolation) {
    const Trial r =
        run(kHead + ban("") + "flights:\n" + across("m", "medical", "10:00", "behaviour: reckless"));
    EXPECT_TRUE(r.of("m", EventType::AuthorisationRequested).empty());
    EXPECT_EQ(r.drone("m").violations, 1);
}

TEST(DispensationQueue, WithoutACapacityEveryRequestIsTakenUpAtOnce) {
    const Trial r = run(kHead + ban("decision: 30 min") + "flights:\n" + across("a", "medical", "10:00") +
                        across("b", "medical", "10:00") + across("c", "medical", "10:00"));
    for (const char* f : {"a", "b", "c"}) {
        EXPECT_EQ(r.request(f).count, 0);
        EXPECT_EQ(r.request(f).value, 0.0);
        EXPECT_EQ(r.request(f).when, r.at(10, 30));
    }
}

TEST(DispensationQueue, AnAuthorisationZoneQueuesToo) {
    const std::string zone =
        "zones:\n  - {id: ctr, restriction: authorisation, capacity: 2 per hour, decision: "
        "5 min, shape: {circle: {center: [0, 0], radius: 3 km}}}\n";
    const Trial r = run(kHead + zone + "flights:\n" + across("a", "inspection", "10:00") +
                        across("b", "inspection", "10:00"));
    EXPECT_EQ(r.request("b").count, 1);
    EXPECT_EQ(r.request("b").when, r.at(10, 35)); // taken up 30 min after the first
    EXPECT_EQ(r.drone("b").departedAt, r.at(10, 35));
}

TEST(DispensationQueue, AnExponentialDecisionIsDrawnForItsZoneAndFlight) {
    const std::string how = "decision: {mean: 30 min, spread: exponential}";
    const std::string flights = across("a", "medical", "10:00") + across("b", "medical", "10:00");
    const Trial r = run(kHead + ban(how) + "flights:\n" + flights);
    // the draw of rule 9: keyed by the seed, the zone and the flight, not by the order of the requests
    for (const char* f : {"a", "b"}) {
        const double u = core::uniformAt(r.world.seed, 4, core::textKey("ban"), core::textKey(f));
        const auto decision = static_cast<core::Millis>(std::llround(-1800000.0 * std::log1p(-u)));
        EXPECT_EQ(r.request(f).when, r.at(10, 0) + decision) << f;
    }
    EXPECT_NE(r.request("a").when, r.request("b").when);
    // the same seed gives the same run; another flight's request moves no other draw
    const Trial again = run(kHead + ban(how) + "flights:\n" + across("z", "medical", "10:00") + flights);
    EXPECT_EQ(again.request("a").when, r.request("a").when);
    EXPECT_EQ(again.request("b").when, r.request("b").when);
    // another seed draws anew
    const Trial other = run(kHead + ban(how) + "flights:\n" + flights, r.world.seed + 1);
    EXPECT_NE(other.request("a").when, r.request("a").when);
}

} // namespace
} // namespace nofly::sim
