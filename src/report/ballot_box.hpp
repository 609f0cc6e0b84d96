// The ballot box: the class's votes from phones, between the vote server's
// threads and the window. Its job is to hold the one question open for votes
// now (the window opens it: the question its number keys vote on), to take a
// vote on it once from each device that gives the join code shown on the
// projector, and to hand the window the votes it has not counted yet. It
// also writes what the phones read: the vote page and the open question as
// JSON. Thread-safe: the server's threads vote, the window opens and takes.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nofly::report {

class BallotBox {
  public:
    /// A question open for votes. `key` names it uniquely in the session
    /// ("VARIANT/QUESTION"): a phone's vote names the key it was cast on, so a
    /// vote sent as the question changes is refused, not counted on the next.
    struct Question {
        std::string key;
        std::string ask;
        std::vector<std::string> choices;
        std::string policy; ///< the policy it is asked under, in split view; empty otherwise
        bool operator==(const Question&) const = default;
    };

    enum class Result { Counted, WrongCode, NoDevice, NoQuestion, NotThisQuestion, NotAChoice, AlreadyVoted };

    /// `joinCode`: what a phone must give to vote (shown on the projector).
    explicit BallotBox(std::string joinCode);

    const std::string& joinCode() const { return m_code; }

    /// Opens `question` for votes (a vote per device on it), or closes voting (nullopt).
    /// The same question opened again keeps who has voted on it.
    void open(std::optional<Question> question);
    std::optional<Question> current() const;

    /// A phone's vote; Counted or why it was refused.
    Result vote(std::string_view code, std::string_view device, std::string_view key,
                std::string_view choice);
    /// The votes counted since the last call, in the order cast: (question key, choice).
    std::vector<std::pair<std::string, std::string>> take();
    /// How many phone votes were counted on `key`, by choice.
    std::map<std::string, int> counted(const std::string& key) const;

    /// What a phone is told of a vote: "Counted: cancelled", "Wrong code: ...".
    static std::string message(Result result, std::string_view choice);
    /// The open question as a phone reads it (`GET /question`): {"open":false} when none.
    std::string questionJson() const;
    /// What a phone reads back from a vote (`POST /vote`): {"ok":..., "message":...}.
    static std::string resultJson(Result result, std::string_view choice);

  private:
    mutable std::mutex m_mutex;
    const std::string m_code;
    std::optional<Question> m_open;
    std::set<std::pair<std::string, std::string>> m_voted; ///< (key, device)
    std::map<std::string, std::map<std::string, int>> m_counted;
    std::vector<std::pair<std::string, std::string>> m_untaken;
};

/// A join code of `digits` decimal digits from `entropy` (e.g. std::random_device), never starting with 0.
std::string makeJoinCode(std::uint64_t entropy, int digits = 4);

/// Whether `address` (dotted IPv4) is on a local network: private (10/8, 172.16/12, 192.168/16),
/// link-local (169.254/16) or loopback (127/8). The vote server binds to and answers only these.
bool localNetworkAddress(std::string_view address);

/// The page a phone opens: the join code field, the question and its choices as buttons, what
/// became of its vote. Self-contained (no network but the server's own two calls), in English.
std::string votePage();

} // namespace nofly::report
