#include "report/ballot_box.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>

namespace nofly::report {

BallotBox::BallotBox(std::string joinCode) : m_code(std::move(joinCode)) {}

void BallotBox::open(std::optional<Question> question) {
    std::lock_guard lock(m_mutex);
    m_open = std::move(question);
}

std::optional<BallotBox::Question> BallotBox::current() const {
    std::lock_guard lock(m_mutex);
    return m_open;
}

BallotBox::Result BallotBox::vote(std::string_view code, std::string_view device, std::string_view key,
                                  std::string_view choice) {
    std::lock_guard lock(m_mutex);
    if (code != m_code) return Result::WrongCode;
    if (device.empty()) return Result::NoDevice;
    if (!m_open) return Result::NoQuestion;
    if (key != m_open->key) return Result::NotThisQuestion;
    if (std::find(m_open->choices.begin(), m_open->choices.end(), choice) == m_open->choices.end())
        return Result::NotAChoice;
    if (!m_voted.emplace(std::string(key), std::string(device)).second) return Result::AlreadyVoted;
    ++m_counted[std::string(key)][std::string(choice)];
    m_untaken.emplace_back(std::string(key), std::string(choice));
    return Result::Counted;
}

std::vector<std::pair<std::string, std::string>> BallotBox::take() {
    std::lock_guard lock(m_mutex);
    std::vector<std::pair<std::string, std::string>> out;
    out.swap(m_untaken);
    return out;
}

std::map<std::string, int> BallotBox::counted(const std::string& key) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_counted.find(key);
    return it == m_counted.end() ? std::map<std::string, int>{} : it->second;
}

std::string BallotBox::message(Result result, std::string_view choice) {
    switch (result) {
    case Result::Counted: return "Counted: " + std::string(choice) + ". Watch the screen for the answer.";
    case Result::WrongCode: return "Wrong code: type the number shown on the screen.";
    case Result::NoDevice: return "Open the vote page again, then vote.";
    case Result::NoQuestion: return "No question is open now: wait for the next one.";
    case Result::NotThisQuestion: return "That question has closed: vote on the one shown now.";
    case Result::NotAChoice: return "That is not one of the choices.";
    case Result::AlreadyVoted: return "You have already voted on this question.";
    }
    return {};
}

std::string BallotBox::questionJson() const {
    const std::optional<Question> q = current();
    if (!q) return R"({"open":false})";
    nlohmann::ordered_json j = {{"open", true}, {"key", q->key}, {"ask", q->ask}, {"choices", q->choices}};
    if (!q->policy.empty()) j["policy"] = q->policy;
    return j.dump();
}

std::string BallotBox::resultJson(Result result, std::string_view choice) {
    return nlohmann::ordered_json{{"ok", result == Result::Counted}, {"message", message(result, choice)}}
        .dump();
}

std::string makeJoinCode(std::uint64_t entropy, int digits) {
    digits = std::clamp(digits, 1, 9);
    std::uint64_t low = 1;
    for (int i = 1; i < digits; ++i)
        low *= 10;
    return std::to_string(low + entropy % (9 * low)); // low .. 10*low - 1: no leading zero
}

bool localNetworkAddress(std::string_view address) {
    int part[4] = {};
    std::string_view rest = address;
    for (int i = 0; i < 4; ++i) {
        const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), part[i]);
        if (error != std::errc() || end == rest.data() || part[i] < 0 || part[i] > 255) return false;
        rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
        if (i < 3) {
            if (rest.empty() || rest.front() != '.') return false;
            rest.remove_prefix(1);
        }
    }
    if (!rest.empty()) return false;
    return part[0] == 10 || part[0] == 127 || (part[0] == 172 && part[1] >= 16 && part[1] <= 31) ||
           (part[0] == 192 && part[1] == 168) || (part[0] == 169 && part[1] == 254);
}

std::string votePage() {
    return R"html(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nofly: vote</title>
<style>
body { font-family: "DejaVu Sans", sans-serif; margin: 0; padding: 16px; background: #fffdf5; color: #111; }
h1 { font-size: 20px; margin: 0 0 12px; }
#ask { font-size: 22px; font-weight: bold; margin: 16px 0; }
#policy { color: #555; }
input { font-size: 28px; width: 6em; padding: 6px; letter-spacing: 4px; }
button { font-size: 22px; padding: 14px; margin: 6px 0; width: 100%; border: 2px solid #333; border-radius: 8px; background: #dbe8ff; }
button:disabled { background: #ddd; color: #777; }
#join { width: auto; }
#status { font-size: 18px; margin-top: 14px; min-height: 1.5em; }
.bad { color: #a02000; } .good { color: #006d3a; }
</style></head>
<body>
<h1>nofly: the class votes</h1>
<div id="joining">
  <label for="code">Code on the screen:</label><br>
  <input id="code" inputmode="numeric" autocomplete="off" maxlength="9">
  <button id="join">Join</button>
</div>
<div id="voting" hidden>
  <div id="policy"></div>
  <div id="ask">Waiting for the next question...</div>
  <div id="choices"></div>
</div>
<div id="status"></div>
<script>
"use strict";
let code = "", shownKey = null, votedKey = null;
const $ = (id) => document.getElementById(id);
function status(text, good) { $("status").textContent = text; $("status").className = good ? "good" : "bad"; }
async function poll() {
  if (!code) return;
  try {
    const r = await fetch("/question?code=" + encodeURIComponent(code), { cache: "no-store" });
    const q = await r.json();
    if (r.status === 403) { code = ""; $("joining").hidden = false; $("voting").hidden = true; status(q.message, false); return; }
    $("joining").hidden = true; $("voting").hidden = false;
    const key = q.open ? q.key : null;
    if (key === shownKey) return;
    shownKey = key;
    $("choices").textContent = "";
    $("policy").textContent = q.open && q.policy ? "Under: " + q.policy : "";
    $("ask").textContent = q.open ? q.ask : "Waiting for the next question...";
    if (!q.open) return;
    if (votedKey !== key) status("", true);
    for (const c of q.choices) {
      const b = document.createElement("button");
      b.className = "choice"; b.dataset.choice = c; b.textContent = c;
      b.disabled = votedKey === key;
      b.onclick = () => vote(key, c);
      $("choices").appendChild(b);
    }
  } catch (e) { status("The screen's computer does not answer: same Wi-Fi?", false); }
}
async function vote(key, choice) {
  const body = new URLSearchParams({ code: code, key: key, choice: choice });
  const r = await fetch("/vote", { method: "POST", body: body });
  const a = await r.json();
  status(a.message, a.ok);
  if (a.ok || r.status === 409) {
    votedKey = key;
    for (const b of document.querySelectorAll("button.choice")) b.disabled = true;
  }
}
$("join").onclick = () => { code = $("code").value.trim(); status("", true); poll(); };
setInterval(poll, 1500);
</script>
</body></html>
)html";
}

} // namespace nofly::report
