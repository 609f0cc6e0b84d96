// Prediction questions: what the class answered against what happened. Its
// job is to settle each scenario question from a run's world and event log
// (a flight's final outcome in the ledger, or what the first event of a type
// names), at the end of a run or at any moment of one, so the window, `nofly
// run` and the reports judge the class's answers the same way; and to warn,
// before any run, of a question whose choices leave out what can happen.
#pragma once

#include "core/diagnostic.hpp"
#include "core/time.hpp"
#include "scenario/model.hpp"
#include "sim/world.hpp"

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nofly::report {

/// What happened, for one question, as far as the run has gone.
struct QuestionOutcome {
    bool known =
        false; ///< settled: the flight landed or was cancelled, the event happened, or the run is over
    std::string answer; ///< an outcome word, an id or "none"; while not known, the answer so far
    core::Instant at =
        -1; ///< when it was settled (the landing, the cancellation, the first event); -1: at the end
};

/// The class's votes on one question: how many picked each choice (by choice).
using Tally = std::map<std::string, int>;

/// The votes in all.
int voteCount(const Tally& votes);
/// The choice most votes went to; empty with no votes, or when two or more
/// choices share the most (the class is split).
std::string majority(const Tally& votes);
/// The votes in words, in the question's order of choices: "cancelled" for
/// a single vote, else "cancelled 12, allowed 5" (choices nobody picked left
/// out); "-" with none.
std::string tallyText(const std::vector<std::string>& choices, const Tally& votes);

/// A question with the class's votes and what happened.
struct QuestionResult {
    scenario::Question question;
    Tally votes; ///< empty: the class did not answer
    QuestionOutcome outcome;
    bool answered() const { return voteCount(votes) > 0; }
    /// What the class answered as a whole: the choice most votes went to (empty: none, or a tie).
    std::string classAnswer() const { return majority(votes); }
    /// The votes for what happened (0 while it is not settled).
    int rightVotes() const;
    bool correct() const {
        return outcome.known && !classAnswer().empty() && classAnswer() == outcome.answer;
    }
};

/// What an event names of a kind (a `first:` question's `about`: flight,
/// track, responder, airport, zone, sensor), as its id; empty if it names none.
std::string eventSubject(const scenario::Scenario& scenario, const sim::World& world, const sim::Event& event,
                         std::string_view about);

/// Settles a question from the world now and every event up to now;
/// `finished`: the run is over, so what has not happened will not.
QuestionOutcome evaluateQuestion(const scenario::Scenario& scenario, const scenario::Question& question,
                                 const sim::World& world, std::span<const sim::Event> events, bool finished);

/// What settled a question, in the Events list's words ("bridge-inspection
/// cancels: ..."): for a flight, the
/// event that tells most of its fate (a cancellation or refusal, a drone
/// brought down, a zone flown into, a reroute, a wait or an authorisation,
/// else its landing); for a first event, that event. Empty when none has
/// happened yet.
std::string settledBecause(const scenario::Scenario& scenario, const scenario::Question& question,
                           const sim::World& world, std::span<const sim::Event> events);

/// The events, among events[from...], that a call-out on the map shows as
/// they happen: what a question asks about (its flight's cancellation,
/// refusal, zone flown into, reroute, bringing down or landing; the first
/// event of a `first:` question's type) and what the operations room's story
/// turns on (an airport closing, a drone brought down). Indexes into `events`.
std::vector<std::size_t> keyEvents(const scenario::Scenario& scenario, const sim::World& world,
                                   std::span<const sim::Event> events, std::size_t from);
/// A call-out's words: who, then the event in the Events list's words, cut
/// at a word to at most `length` characters ("...").
std::string calloutText(const scenario::Scenario& scenario, const sim::World& world, const sim::Event& event,
                        std::size_t length = 64);

/// Warns, at the question, of each question about a flight whose choices
/// leave out a final outcome the flight can have in this scenario (a class
/// that foresaw it would be marked wrong). For `nofly check`, on the base
/// scenario and on each variant.
void checkQuestionChoices(const scenario::Scenario& scenario, core::Diagnostics& diagnostics);

/// Whether the answer may be shown at `now`: settled and past the question's
/// `reveal:` time, or the run is over.
bool revealed(const scenario::Question& question, const QuestionOutcome& outcome, core::Instant now,
              bool finished);

/// Every question of the scenario with the class's votes (by question id).
std::vector<QuestionResult> answerQuestions(const scenario::Scenario& scenario, const sim::World& world,
                                            std::span<const sim::Event> events,
                                            const std::map<std::string, Tally>& classVotes, bool finished);

/// What happened, in words: "cancelled (at 08:30)", "EKCH (at 09:12)", "not settled by 10:30".
std::string outcomeText(const QuestionResult& result, core::Instant now, int utcOffsetMinutes);
/// "right" (most votes went to what happened), "wrong", "tie" (the most
/// votes shared by two choices or more), "not answered", or "open" while the
/// answer is not settled.
std::string verdictWord(const QuestionResult& result);
/// Rows of question, class answer, what happened and verdict, for the HTML report.
std::vector<std::vector<std::string>> questionRows(const std::vector<QuestionResult>& results,
                                                   core::Instant now, int utcOffsetMinutes);
/// The "Questions" block of the summary printed by `nofly run`, or empty without questions.
std::string questionsText(const std::vector<QuestionResult>& results, core::Instant now,
                          int utcOffsetMinutes);

/// Adds the votes of "ID=CHOICE" (one vote) or "ID=CHOICE:N,CHOICE:N,..."
/// (`--answer`: a tally the teacher counted) to `votes`; the error, with a
/// suggestion, when the question or a choice does not exist or a count is
/// not a whole number of votes. Nothing is added when there is an error.
std::optional<std::string> readAnswer(const scenario::Scenario& scenario, const std::string& text,
                                      std::map<std::string, Tally>& votes);

} // namespace nofly::report
