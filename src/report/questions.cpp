#include "report/questions.hpp"

#include "core/diagnostic.hpp"
#include "sim/simulation.hpp"

#include <algorithm>

namespace nofly::report {

namespace {

/// The word an outcome is offered as: itself, or when it is not a choice,
/// denied reads as cancelled and authorised as allowed.
std::string offeredAs(const scenario::Question& question, std::string word) {
    const auto offered = [&](const std::string& w) {
        return std::find(question.choices.begin(), question.choices.end(), w) != question.choices.end();
    };
    if (offered(word)) return word;
    if (word == "denied" && offered("cancelled")) return "cancelled";
    if (word == "authorised" && offered("allowed")) return "allowed";
    return word;
}

} // namespace

std::string eventSubject(const sim::Event& event) {
    for (const std::string* s : {&event.site, &event.flight, &event.zone, &event.actor})
        if (!s->empty()) return *s;
    return {};
}

QuestionOutcome evaluateQuestion(const scenario::Question& question, const sim::World& world,
                                 std::span<const sim::Event> events, bool finished) {
    QuestionOutcome out;
    if (!question.first.empty()) {
        // the first event of that type in the log; none by the end is "none"
        for (const sim::Event& e : events)
            if (sim::name(e.type) == question.first) {
                out.known = true;
                out.answer = eventSubject(e);
                out.at = e.time;
                return out;
            }
        out.known = finished;
        out.answer = "none";
        return out;
    }
    // a flight: its outcome, settled when it lands or is cancelled
    const auto it = std::find_if(world.flights.begin(), world.flights.end(),
                                 [&](const sim::FlightPlan& f) { return f.flight.id == question.flight; });
    if (it == world.flights.end()) {
        out.known = finished;
        out.answer = "none";
        return out;
    }
    const sim::Drone& drone = world.drones[static_cast<std::size_t>(it - world.flights.begin())];
    out.answer = offeredAs(question, std::string(sim::name(drone.outcome)));
    out.known = finished || drone.phase == sim::Phase::Landed || drone.phase == sim::Phase::Cancelled;
    if (drone.phase == sim::Phase::Landed) out.at = drone.landedAt;
    if (drone.phase == sim::Phase::Cancelled)
        for (const sim::Event& e : events)
            if (e.flight == question.flight &&
                (e.type == sim::EventType::Cancellation || e.type == sim::EventType::AuthorisationDenied))
                out.at = e.time;
    return out;
}

bool revealed(const scenario::Question& question, const QuestionOutcome& outcome, core::Instant now,
              bool finished) {
    if (finished) return true;
    return outcome.known && (!question.reveal || now >= *question.reveal);
}

std::vector<QuestionResult> answerQuestions(const scenario::Scenario& scenario, const sim::World& world,
                                            std::span<const sim::Event> events,
                                            const std::map<std::string, std::string>& classAnswers,
                                            bool finished) {
    std::vector<QuestionResult> out;
    for (const scenario::Question& q : scenario.questions) {
        QuestionResult r;
        r.question = q;
        if (auto it = classAnswers.find(q.id); it != classAnswers.end()) r.classAnswer = it->second;
        r.outcome = evaluateQuestion(q, world, events, finished);
        out.push_back(std::move(r));
    }
    return out;
}

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
    return result.correct() ? "right" : "wrong";
}

std::vector<std::vector<std::string>> questionRows(const std::vector<QuestionResult>& results,
                                                   core::Instant now, int utcOffsetMinutes) {
    std::vector<std::vector<std::string>> rows;
    for (const QuestionResult& r : results)
        rows.push_back({r.question.ask, r.answered() ? r.classAnswer : "-",
                        outcomeText(r, now, utcOffsetMinutes), verdictWord(r)});
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
        out += "    class: " + (r.answered() ? r.classAnswer : std::string("-")) +
               "   happened: " + outcomeText(r, now, utcOffsetMinutes) + "   " + verdictWord(r) + "\n";
    }
    return out;
}

std::optional<std::string> readAnswer(const scenario::Scenario& scenario, const std::string& text,
                                      std::map<std::string, std::string>& answers) {
    const auto equals = text.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size())
        return "'" + text + "': write QUESTION=CHOICE, such as 'bridge=cancelled'";
    const std::string id = text.substr(0, equals), choice = text.substr(equals + 1);
    std::vector<std::string> ids;
    for (const scenario::Question& q : scenario.questions)
        ids.push_back(q.id);
    const auto q = std::find_if(scenario.questions.begin(), scenario.questions.end(),
                                [&](const scenario::Question& x) { return x.id == id; });
    if (q == scenario.questions.end())
        return "'" + text + "': there is no question '" + id + "' (" +
               (ids.empty() ? std::string("this scenario asks no questions") : core::suggestion(id, ids)) +
               ")";
    if (std::find(q->choices.begin(), q->choices.end(), choice) == q->choices.end())
        return "'" + text + "': '" + choice + "' is not a choice of question '" + id + "' (" +
               core::suggestion(choice, q->choices) + ")";
    answers[id] = choice;
    return std::nullopt;
}

} // namespace nofly::report
