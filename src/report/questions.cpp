#include "report/questions.hpp"

#include "core/diagnostic.hpp"
#include "report/ledger.hpp"
#include "report/sentences.hpp"
#include "scenario/keys.hpp"
#include "sim/rules.hpp"
#include "sim/simulation.hpp"

#include <algorithm>

namespace nofly::report {

// a question about a flight offers the ledger's outcomes, which the scenario layer lists again
static_assert(scenario::keys::kFinalOutcomes.size() == kFinalOutcomes.size(),
              "scenario::keys::kFinalOutcomes must list the ledger's final outcomes (report/ledger.hpp)");

namespace {

bool offers(const scenario::Question& question, std::string_view word) {
    return std::find(question.choices.begin(), question.choices.end(), word) != question.choices.end();
}

/// A flight's answer: its final outcome in the ledger or, when that is not a
/// choice, the choice that says more of it: for a flight that flew, the first
/// choice it matches as `expect:` does (a flag it carries: authorised,
/// rerouted, waited, denied), else `allowed`; for a cancelled flight that was
/// refused an authorisation, `denied`.
std::string flightAnswer(const scenario::Question& question, const FlightLedger& flight) {
    const std::string outcome(name(flight.outcome));
    if (offers(question, outcome)) return outcome;
    if (flight.outcome == FinalOutcome::Flown) {
        for (const std::string& choice : question.choices)
            if (matchesOutcomeWord(flight, choice)) return choice;
        if (offers(question, "allowed")) return "allowed";
    }
    if (flight.outcome == FinalOutcome::Cancelled && flight.denied && offers(question, "denied"))
        return "denied";
    return outcome;
}

} // namespace

std::string eventSubject(const scenario::Scenario& scenario, const sim::World& world, const sim::Event& event,
                         std::string_view about) {
    if (about == "flight") return flightId(world, event.flight);
    if (about == "track") return trackId(event.track);
    if (about == "airport") return siteId(scenario, event.site);
    if (about == "zone") return zoneId(scenario, event.zone);
    if (about == "responder" || about == "sensor")
        return eventActor(scenario, event); // the event's type says which
    return {};
}

QuestionOutcome evaluateQuestion(const scenario::Scenario& scenario, const scenario::Question& question,
                                 const sim::World& world, std::span<const sim::Event> events, bool finished) {
    QuestionOutcome out;
    if (!question.first.empty()) {
        // the first event of that type that names a thing of the kind asked about; none by the end is "none"
        for (const sim::Event& e : events) {
            if (sim::name(e.type) != question.first) continue;
            std::string subject = eventSubject(scenario, world, e, question.about);
            if (subject.empty()) continue;
            out.known = true;
            out.answer = std::move(subject);
            out.at = e.time;
            return out;
        }
        out.known = finished;
        out.answer = "none";
        return out;
    }
    // a flight: its final outcome in the ledger, settled when it lands or is cancelled
    const auto it = std::find_if(world.flights.begin(), world.flights.end(),
                                 [&](const sim::FlightPlan& f) { return f.flight.id == question.flight; });
    if (it == world.flights.end()) {
        out.known = finished;
        out.answer = "none";
        return out;
    }
    const sim::Drone& drone = world.drones[static_cast<std::size_t>(it - world.flights.begin())];
    out.answer = flightAnswer(question, ledgerOf(scenario, *it, drone));
    out.known = finished || drone.phase == sim::Phase::Landed || drone.phase == sim::Phase::Cancelled;
    if (drone.phase == sim::Phase::Landed) out.at = drone.landedAt;
    if (drone.phase == sim::Phase::Cancelled)
        for (const sim::Event& e : events)
            if (e.flight == static_cast<int>(it - world.flights.begin()) &&
                (e.type == sim::EventType::Cancellation || e.type == sim::EventType::AuthorisationDenied))
                out.at = e.time;
    return out;
}

std::string settledBecause(const scenario::Scenario& scenario, const scenario::Question& question,
                           const sim::World& world, std::span<const sim::Event> events) {
    using T = sim::EventType;
    if (!question.first.empty()) {
        for (const sim::Event& e : events)
            if (sim::name(e.type) == question.first &&
                !eventSubject(scenario, world, e, question.about).empty())
                return e.flight < 0 ? eventText(scenario, world, e)
                                    : flightId(world, e.flight) + " " + eventText(scenario, world, e);
        return {};
    }
    const auto it = std::find_if(world.flights.begin(), world.flights.end(),
                                 [&](const sim::FlightPlan& f) { return f.flight.id == question.flight; });
    if (it == world.flights.end()) return {};
    const int flight = static_cast<int>(it - world.flights.begin());
    // the most telling of its events: the earlier a type in this list, the more it says
    constexpr T kTelling[] = {
        T::Cancellation, T::AuthorisationDenied,  T::Neutralised, T::ViolationStart, T::Breach, T::Reroute,
        T::Wait,         T::AuthorisationGranted, T::Landing};
    const sim::Event* best = nullptr;
    std::size_t bestRank = std::size(kTelling);
    for (const sim::Event& e : events) {
        if (e.flight != flight) continue;
        const std::size_t rank =
            static_cast<std::size_t>(std::find(std::begin(kTelling), std::end(kTelling), e.type) - kTelling);
        if (rank < bestRank) {
            best = &e;
            bestRank = rank;
        }
    }
    return best ? question.flight + " " + eventText(scenario, world, *best) : std::string();
}

std::vector<std::size_t> keyEvents(const scenario::Scenario& scenario, const sim::World& world,
                                   std::span<const sim::Event> events, std::size_t from) {
    using T = sim::EventType;
    constexpr T kFlightTelling[] = {T::Cancellation, T::AuthorisationDenied, T::ViolationStart, T::Breach,
                                    T::Reroute,      T::Neutralised,         T::Landing};
    // the flights asked about, as World::flights indexes
    std::vector<int> asked;
    for (const scenario::Question& q : scenario.questions)
        for (std::size_t f = 0; f < world.flights.size(); ++f)
            if (!q.flight.empty() && world.flights[f].flight.id == q.flight)
                asked.push_back(static_cast<int>(f));
    std::vector<std::size_t> out;
    for (std::size_t i = from; i < events.size(); ++i) {
        const sim::Event& e = events[i];
        bool key = e.type == T::SiteClosed || e.type == T::Neutralised;
        if (!key && e.flight >= 0 && std::find(asked.begin(), asked.end(), e.flight) != asked.end())
            key = std::find(std::begin(kFlightTelling), std::end(kFlightTelling), e.type) !=
                  std::end(kFlightTelling);
        for (const scenario::Question& q : scenario.questions) {
            if (key || q.first.empty() || sim::name(e.type) != q.first) continue;
            if (eventSubject(scenario, world, e, q.about).empty()) continue;
            // the first of its type that names a thing of that kind: none before it
            key = std::none_of(
                events.begin(), events.begin() + static_cast<std::ptrdiff_t>(i), [&](const sim::Event& x) {
                    return x.type == e.type && !eventSubject(scenario, world, x, q.about).empty();
                });
        }
        if (key) out.push_back(i);
    }
    return out;
}

std::string calloutText(const scenario::Scenario& scenario, const sim::World& world, const sim::Event& event,
                        std::size_t length) {
    std::string text = (event.flight >= 0 ? flightId(world, event.flight) + " " : std::string()) +
                       eventText(scenario, world, event);
    if (text.size() <= length) return text;
    // at a space, so that no word is cut; then the dots
    std::size_t cut = text.rfind(' ', length - 3);
    if (cut == std::string::npos || cut < length / 2) cut = length - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) // not inside a letter's bytes
        --cut;
    while (cut > 0 && (text[cut - 1] == ',' || text[cut - 1] == ':' || text[cut - 1] == ' '))
        --cut;
    return text.substr(0, cut) + "...";
}

// --- choices that leave out what can happen -------------------------------------

namespace {

/// What can be told of a flight before any run: its category, when it may
/// take off, and whether its operator may keep the rules or break them.
struct FlightFacts {
    const scenario::Category* category = nullptr;
    core::Instant earliest = 0; ///< take-off, at the earliest
    core::Instant latest = 0;   ///< ... and at the latest
    bool mayComply = false;
    bool mayBreak = false;
};

/// The facts of a flight written out or generated (`TRAFFIC-ID-NN`); none for an unknown id.
std::optional<FlightFacts> flightFacts(const scenario::Scenario& s, const std::string& id) {
    using scenario::Behaviour;
    FlightFacts facts;
    // the behaviours it may have: written, the traffic's mix, or the category's (aware, comply)
    const auto fromMix = [&](const std::map<Behaviour, double>& mix) {
        for (const auto& [behaviour, share] : mix)
            if (share > 0.0) (behaviour == Behaviour::Compliant ? facts.mayComply : facts.mayBreak) = true;
    };
    const auto fromCategory = [&] {
        if (!facts.category) return;
        const double compliant = facts.category->aware * facts.category->comply;
        facts.mayComply = compliant > 0.0;
        facts.mayBreak = compliant < 1.0;
    };
    for (const scenario::Flight& f : s.flights) {
        if (f.id != id) continue;
        facts.category = s.category(f.category);
        facts.earliest = facts.latest = f.depart;
        if (f.behaviour)
            fromMix({{*f.behaviour, 1.0}});
        else
            fromCategory();
        return facts;
    }
    for (const scenario::TrafficGenerator& g : s.traffic) {
        const std::size_t width = std::to_string(g.count).size();
        const std::string prefix = g.id + "-";
        if (id.size() != prefix.size() + width || id.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string number = id.substr(prefix.size());
        if (!std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        if (const int n = std::stoi(number); n < 1 || n > g.count) continue;
        facts.category = s.category(g.category);
        facts.earliest = g.depart.from;
        facts.latest = std::max(g.depart.from, g.depart.to);
        if (!g.behaviour.empty())
            fromMix(g.behaviour);
        else
            fromCategory();
        return facts;
    }
    return std::nullopt;
}

/// A zone that may stand in a flight's way: prohibited or needing an
/// authorisation, not lifted for its category, in force at some time between
/// its earliest take-off and the end; with those windows.
struct ZoneInTheWay {
    const scenario::Zone* zone = nullptr;
    std::vector<scenario::InForceWindow> windows;
};

std::vector<ZoneInTheWay> zonesInTheWay(const scenario::Scenario& s, const FlightFacts& f) {
    std::vector<ZoneInTheWay> out;
    for (std::size_t z = 0; z < s.zones.size(); ++z) {
        const scenario::Zone& zone = s.zones[z];
        if (zone.restriction != scenario::Restriction::Prohibited &&
            zone.restriction != scenario::Restriction::Authorisation)
            continue;
        if (f.category && (scenario::isExempt(zone, f.category->id) ||
                           scenario::holdsStandingAuthorisation(*f.category, zone)))
            continue;
        ZoneInTheWay way{&zone, {}};
        for (const scenario::InForceWindow& w : scenario::windowsInForce(s, z))
            if (w.from < s.time.end && w.to > f.earliest) way.windows.push_back(w);
        if (!way.windows.empty()) out.push_back(std::move(way));
    }
    return out;
}

/// Why a flight can end in an outcome, as far as can be told before a run
/// (docs/scenario-language.md#questions); empty when it cannot.
std::string canEndIn(FinalOutcome outcome, const scenario::Scenario& s, const FlightFacts& f,
                     const std::vector<ZoneInTheWay>& inTheWay) {
    const std::string firstZone =
        inTheWay.empty() ? std::string() : "zone '" + inTheWay.front().zone->id + "'";
    switch (outcome) {
    case FinalOutcome::Flown: return "it may fly as planned";
    case FinalOutcome::Caught:
        // a zone that switches on, or is announced, after it may have taken off
        if (f.mayComply)
            for (const ZoneInTheWay& z : inTheWay)
                for (const scenario::InForceWindow& w : z.windows)
                    if (w.from > f.earliest || w.known > f.earliest)
                        return "zone '" + z.zone->id + "' may switch on while it flies";
        return {};
    case FinalOutcome::Violated:
        return f.mayBreak && !inTheWay.empty()
                   ? "its operator may break the rules, and " + firstZone + " applies to it"
                   : std::string();
    case FinalOutcome::Neutralised: {
        // only a responder that can succeed stops a drone (success: 0% is a team that only goes there)
        if (s.sensors.empty()) return {};
        for (const scenario::Responder& r : s.responders)
            if (r.success > 0.0)
                return "the scenario's sensors may report it unknown and responder '" + r.id + "' stop it";
        return {};
    }
    case FinalOutcome::Cancelled:
        return f.mayComply && !inTheWay.empty() ? firstZone + " may stand in its way" : std::string();
    case FinalOutcome::Pending: {
        // still held on the ground at the end: an answer due after it, or a wait for a zone to end after it
        if (!f.mayComply || !f.category) return {};
        const core::Millis maxWait = sim::Tuning{}.maxWait;
        for (const ZoneInTheWay& z : inTheWay) {
            const std::string why =
                "zone '" + z.zone->id + "' may still hold it on the ground when the run ends";
            // an answer (to a request for an authorisation or a dispensation) due after it; behind a queue,
            // or drawn with a spread, any answer may be
            const bool asks = (z.zone->restriction == scenario::Restriction::Authorisation &&
                               sim::grants(*z.zone, *f.category)) ||
                              scenario::offersDispensation(*z.zone, *f.category);
            const bool late = z.zone->capacity || z.zone->spread != scenario::DecisionSpread::Fixed ||
                              f.latest + z.zone->decision >= s.time.end;
            if (asks && late) return why;
            for (const scenario::InForceWindow& w : z.windows)
                if (w.to >= s.time.end && w.from <= f.latest && w.to - f.latest <= maxWait) return why;
        }
        return {};
    }
    }
    return {};
}

} // namespace

void checkQuestionChoices(const scenario::Scenario& scenario, core::Diagnostics& diagnostics) {
    for (const scenario::Question& q : scenario.questions) {
        if (q.flight.empty()) continue;
        const std::optional<FlightFacts> facts = flightFacts(scenario, q.flight);
        if (!facts) continue;
        const std::vector<ZoneInTheWay> inTheWay = zonesInTheWay(scenario, *facts);
        for (FinalOutcome o : kFinalOutcomes) {
            // `allowed` answers for a flight that flew when `flown` is not offered
            const std::string word(name(o));
            if (offers(q, word) || (o == FinalOutcome::Flown && offers(q, "allowed"))) continue;
            const std::string why = canEndIn(o, scenario, *facts, inTheWay);
            if (why.empty()) continue;
            diagnostics.warning(q.where,
                                "question '" + q.id + "' offers no choice for '" + word +
                                    "', which flight '" + q.flight + "' can come to: " + why,
                                "add '" + word +
                                    "' to its choices, or a class that foresees it is marked wrong");
        }
    }
}

bool revealed(const scenario::Question& question, const QuestionOutcome& outcome, core::Instant now,
              bool finished) {
    if (finished) return true;
    return outcome.known && (!question.reveal || now >= *question.reveal);
}

int voteCount(const Tally& votes) {
    int n = 0;
    for (const auto& [choice, count] : votes)
        n += count;
    return n;
}

std::string majority(const Tally& votes) {
    std::string best;
    int most = 0;
    bool tied = false;
    for (const auto& [choice, count] : votes) {
        if (count > most) {
            best = choice;
            most = count;
            tied = false;
        } else if (count == most && count > 0) {
            tied = true;
        }
    }
    return tied ? std::string() : best;
}

std::string tallyText(const std::vector<std::string>& choices, const Tally& votes) {
    const int total = voteCount(votes);
    if (total == 0) return "-";
    std::string out;
    for (const std::string& choice : choices) {
        const auto it = votes.find(choice);
        if (it == votes.end() || it->second == 0) continue;
        if (!out.empty()) out += ", ";
        out += choice;
        if (total > 1) out += " " + std::to_string(it->second);
    }
    return out;
}

int QuestionResult::rightVotes() const {
    if (!outcome.known) return 0;
    const auto it = votes.find(outcome.answer);
    return it == votes.end() ? 0 : it->second;
}

std::vector<QuestionResult> answerQuestions(const scenario::Scenario& scenario, const sim::World& world,
                                            std::span<const sim::Event> events,
                                            const std::map<std::string, Tally>& classVotes, bool finished) {
    std::vector<QuestionResult> out;
    for (const scenario::Question& q : scenario.questions) {
        QuestionResult r;
        r.question = q;
        if (auto it = classVotes.find(q.id); it != classVotes.end()) r.votes = it->second;
        r.outcome = evaluateQuestion(scenario, q, world, events, finished);
        out.push_back(std::move(r));
    }
    return out;
}

namespace {

/// The class's column: the tally, with how many votes were right once settled.
std::string classText(const QuestionResult& r) {
    std::string text = tallyText(r.question.choices, r.votes);
    const int total = voteCount(r.votes);
    if (total > 1 && r.outcome.known)
        text += " (" + std::to_string(r.rightVotes()) + " of " + std::to_string(total) + " right)";
    return text;
}

} // namespace

std::string outcomeText(const QuestionResult& result, core::Instant now, int utcOffsetMinutes) {
    if (!result.outcome.known)
        return "not settled by " + core::formatClock(now, utcOffsetMinutes).substr(0, 5);
    std::string text = result.outcome.answer;
    // to the minute: "(at 10:35)"
    if (result.outcome.at >= 0)
        text += " (at " + core::formatClock(result.outcome.at, utcOffsetMinutes).substr(0, 5) + ")";
    return text;
}

std::string verdictWord(const QuestionResult& result) {
    if (!result.outcome.known) return "open";
    if (!result.answered()) return "not answered";
    if (result.classAnswer().empty()) return "tie";
    return result.correct() ? "right" : "wrong";
}

std::vector<std::vector<std::string>> questionRows(const std::vector<QuestionResult>& results,
                                                   core::Instant now, int utcOffsetMinutes) {
    std::vector<std::vector<std::string>> rows;
    for (const QuestionResult& r : results)
        rows.push_back({r.question.ask, classText(r), outcomeText(r, now, utcOffsetMinutes), verdictWord(r)});
    return rows;
}

std::string questionsText(const std::vector<QuestionResult>& results, core::Instant now,
                          int utcOffsetMinutes) {
    if (results.empty()) return {};
    int right = 0, answered = 0;
    for (const QuestionResult& r : results) {
        answered += r.answered();
        right += r.correct();
    }
    std::string out = "Questions (the class got " + std::to_string(right) + " of " +
                      std::to_string(answered) + " answers right)\n";
    for (const QuestionResult& r : results) {
        out += "  " + r.question.id + ": " + r.question.ask + "\n";
        out += "    class: " + classText(r) + "   happened: " + outcomeText(r, now, utcOffsetMinutes) +
               "   " + verdictWord(r) + "\n";
    }
    return out;
}

std::optional<std::string> readAnswer(const scenario::Scenario& scenario, const std::string& text,
                                      std::map<std::string, Tally>& votes) {
    const auto equals = text.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size())
        return "'" + text +
               "': write QUESTION=CHOICE, such as 'bridge=cancelled', or the votes counted, such as "
               "'bridge=cancelled:12,allowed:5'";
    const std::string id = text.substr(0, equals);
    std::vector<std::string> ids;
    for (const scenario::Question& q : scenario.questions)
        ids.push_back(q.id);
    const auto q = std::find_if(scenario.questions.begin(), scenario.questions.end(),
                                [&](const scenario::Question& x) { return x.id == id; });
    if (q == scenario.questions.end())
        return "'" + text + "': there is no question '" + id + "' (" +
               (ids.empty() ? std::string("this scenario asks no questions") : core::suggestion(id, ids)) +
               ")";
    // CHOICE, or CHOICE:COUNT, comma-separated
    Tally read;
    std::string_view rest = std::string_view(text).substr(equals + 1);
    while (true) {
        const auto comma = rest.find(',');
        const std::string_view part = rest.substr(0, comma);
        const auto colon = part.find(':');
        const std::string choice(part.substr(0, colon));
        if (choice.empty())
            return "'" + text + "': a choice is missing (write the votes as 'cancelled:12,allowed:5')";
        if (std::find(q->choices.begin(), q->choices.end(), choice) == q->choices.end())
            return "'" + text + "': '" + choice + "' is not a choice of question '" + id + "' (" +
                   core::suggestion(choice, q->choices) + ")";
        if (read.count(choice))
            return "'" + text + "': '" + choice + "' is counted twice (give each choice its votes once)";
        int count = 1;
        if (colon != std::string_view::npos) {
            const std::string_view digits = part.substr(colon + 1);
            if (digits.empty() || digits.size() > 6 ||
                !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return "'" + text + "': '" + std::string(digits) + "' is not a number of votes for '" +
                       choice + "' (write a whole number, such as '" + choice + ":12')";
            count = std::stoi(std::string(digits));
        }
        read[choice] = count;
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    for (const auto& [choice, count] : read)
        votes[id][choice] += count;
    return std::nullopt;
}

} // namespace nofly::report
