// The metrics of a run: what is counted for a group of flights (Counts), and
// one table that says, for every metric, its name, its words, its unit, which
// way is better, how to compute it from the counts and where it is shown.
// Everything that writes a metric reads it from this table: expectations,
// report.json, the summary and the handout, `compare` (table, HTML, CSV),
// `sweep` (tables, charts, --merge) and the window's metrics panel. Adding a
// metric is a row here (and a field of Counts, when it counts something new),
// its computation in metrics.cpp and its name in scenario/keys.hpp.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace nofly::report {

/// Counts for a group of flights (all, one category, one zone).
///
/// For all flights and for a category, the final outcomes (flown, caught,
/// violated, neutralised, cancelled, pending) add up to `planned` (addsUp); the flags
/// (authorised, denied, rerouted, waited) are counted apart, over the same
/// flights. For a zone, `planned` and the outcomes are 0 and `rerouted`,
/// `waited` and `cancelled` count the flights that zone diverted, delayed or
/// stopped.
struct Counts {
    int planned = 0; ///< flights due to depart during the run
    // final outcomes, one a flight (report::FinalOutcome)
    int flown = 0;       ///< took off and kept every rule that applied to it
    int caught = 0;      ///< took off, kept every rule, cut short by a zone that switched on in flight
    int violated = 0;    ///< took off and was inside a zone that applied to it; not neutralised
    int neutralised = 0; ///< brought down or sent back by a responder
    int cancelled = 0;   ///< never took off, including those refused an authorisation
    int pending = 0;     ///< no final outcome when the run ended
    int tookOff = 0;     ///< flown + caught + violated + neutralised
    // flags, any number a flight
    int authorised = 0; ///< granted an authorisation
    int denied = 0;     ///< refused an authorisation
    int rerouted = 0;
    int waited = 0;            ///< waited on the ground for a zone to end
    double delayMinutes = 0.0; ///< late take-offs, any reason, summed over the flights that took off
    int violating = 0;         ///< flights with at least one violation (neutralised ones included)
    int violations = 0;
    double violationMinutes = 0.0;
    double extraKm = 0.0;
    int authorisationsRequested = 0;
    int authorisationsGranted = 0;
    int authorisationsDenied = 0;
    int disrupted = 0; ///< compliant flights rerouted, delayed, cancelled, denied or still held on the ground
    int nearMisses = 0;
    int entries = 0; ///< zone entries (per zone)

    // detection and response (total; by category for the tracks of its flights)
    int detected = 0;        ///< flights detected at least once
    int tracks = 0;          ///< tracks made, false alarms included
    int unknownTracks = 0;   ///< tracks ever classified unknown
    int harmlessUnknown = 0; ///< of those, civil flights that were no threat
    int falseAlarms = 0;
    int closures = 0;
    double closureMinutes = 0.0; ///< airports closed, summed (still closed at the end: up to the end)
    int mannedDelayed = 0;
    int mannedDiverted = 0;
    double mannedDelayMinutes = 0.0;
    int responderJobs = 0;
    double responderMinutes = 0.0; ///< from dispatch to the job's end, summed
    double detectSeconds = 0.0, identifySeconds = 0.0, respondSeconds = 0.0,
           neutraliseSeconds = 0.0; ///< sums
    int detectCount = 0, identifyCount = 0, respondCount = 0, neutraliseCount = 0;
    bool defence = false; ///< the run had detection or response at all

    // yardsticks: measured the same way whatever the policy's rules
    double nearProtectedMinutes = 0.0; ///< drone-minutes in the air within a protected place (metrics.cpp)
    bool protects = false;             ///< the scenario has a place to protect (total)

    // authorities' queues: requests to a zone whose authority has a capacity (authorisations, dispensations)
    int queued = 0;                ///< requests that joined a queue, taken up at once or not
    double queueWaitMinutes = 0.0; ///< their waits to be taken up, summed
    double longestQueueWait = 0.0; ///< [min] the longest of those waits
    int longestQueue = 0;          ///< the most requests waiting at once to be taken up (a newcomer included)
    bool queues = false;           ///< the scenario has an authority with a capacity (every group)
};

/// Whether the final outcomes add up to the flights planned (they always
/// should; the tests check it for the total and every category).
bool addsUp(const Counts& counts);

/// Which way of a metric is better for the people a policy serves: fewer
/// cancellations, more flights flown; neither for what only describes the run.
enum class Better { More, Less, Neither };

/// The family a metric belongs to: it decides where report.json writes it and
/// when a table shows it. The final outcomes (flown, caught, violated,
/// neutralised, cancelled, pending: the ledger's, report/ledger.hpp) are
/// written together in report.json's "outcomes", in the ledger's order,
/// whatever their part.
enum class Part {
    Flights,   ///< the ledger's counts and delays: in each group's counts
    Flag,      ///< a ledger flag: in each group's "flags"
    Effect,    ///< what flights did to and because of zones: in each group's counts and each zone's
    Defence,   ///< detection and response: in the total's "detection"; shown when a run has any
    Yardstick, ///< measured the same way whatever the policy's rules: in each group's counts, and
               ///< listed by the summary and the handout
};

/// One metric: a row of the table. (Its unit and which way is better are not
/// printed yet: they are for charts that weigh costs against benefits.)
struct Metric {
    std::string_view name;  ///< as `expect:` lines, report.json, compare's CSV and sweep's columns write it
    std::string_view label; ///< for people: comparison tables, charts
    std::string_view unit;  ///< of its value: "flights", "min", "km", "s", "share" (0 to 1), ...
    Better better = Better::Neither;
    Part part = Part::Flights;
    // how to compute it from a group's counts: exactly one of the three
    int Counts::*count = nullptr;               ///< a whole number counted
    double Counts::*amount = nullptr;           ///< an amount summed
    double (*derived)(const Counts&) = nullptr; ///< made from other counts (a mean, a share)
    int decimals = 0;              ///< an amount's or a derived value's decimals in report.json (0 to 3)
    std::string_view jsonKey = {}; ///< its key in report.json, when not its name
    std::string_view window = {};  ///< its row in the window's metrics panel; empty: not there
    /// Whether a run has anything to show for it (detection and response: a run
    /// that has any); a table leaves it out when no run does. Null: always.
    bool (*shown)(const Counts&) = nullptr;

    constexpr double value(const Counts& c) const {
        if (count) return c.*count;
        if (amount) return c.*amount;
        return derived(c);
    }
};

namespace detail {
constexpr double mean(double sum, int n) {
    return n > 0 ? sum / n : 0.0;
}
constexpr bool withDefence(const Counts& c) {
    return c.defence;
}
constexpr bool withProtectedPlaces(const Counts& c) {
    return c.protects;
}
constexpr bool withQueues(const Counts& c) {
    return c.queues;
}
} // namespace detail

/// Every metric, in the order of report.json and of `expect:`'s list
/// (scenario::keys::kMetrics, which a test holds to this table).
// (a row in two or three lines reads as a table; one field a line would not)
// clang-format off
inline constexpr Metric kMetricTable[] = {
    {.name = "planned", .label = "flights planned", .unit = "flights", .count = &Counts::planned,
     .window = "Flights planned"},
    // the final outcomes: they add up to the flights planned
    {.name = "flown", .label = "outcome: flown", .unit = "flights", .better = Better::More,
     .count = &Counts::flown, .window = "  flown"},
    {.name = "caught", .label = "outcome: caught", .unit = "flights", .better = Better::Less,
     .count = &Counts::caught, .window = "  caught by a new zone"},
    {.name = "violated", .label = "outcome: violated", .unit = "flights", .better = Better::Less,
     .count = &Counts::violated, .window = "  violated"},
    {.name = "cancelled", .label = "outcome: cancelled", .unit = "flights", .better = Better::Less,
     .count = &Counts::cancelled, .window = "  cancelled"},
    {.name = "pending", .label = "outcome: pending", .unit = "flights", .count = &Counts::pending,
     .window = "  pending"},
    {.name = "took_off", .label = "took off", .unit = "flights", .count = &Counts::tookOff},
    // the flags
    {.name = "authorised", .label = "authorised", .unit = "flights", .part = Part::Flag,
     .count = &Counts::authorised, .window = "Authorised"},
    {.name = "denied", .label = "refused an authorisation", .unit = "flights", .better = Better::Less,
     .part = Part::Flag, .count = &Counts::denied, .window = "Refused an authorisation"},
    {.name = "rerouted", .label = "rerouted", .unit = "flights", .better = Better::Less, .part = Part::Flag,
     .count = &Counts::rerouted, .window = "Rerouted"},
    {.name = "waited", .label = "waited for a zone to end", .unit = "flights", .better = Better::Less,
     .part = Part::Flag, .count = &Counts::waited, .window = "Waited for a zone to end"},
    // costs
    {.name = "delay_minutes", .label = "take-off delay minutes", .unit = "min", .better = Better::Less,
     .amount = &Counts::delayMinutes, .decimals = 2, .window = "Minutes of take-off delay"},
    {.name = "mean_delay_minutes", .label = "mean take-off delay minutes", .unit = "min",
     .better = Better::Less,
     .derived = [](const Counts& c) { return detail::mean(c.delayMinutes, c.tookOff); }, .decimals = 2},
    {.name = "violating", .label = "violated a zone at least once", .unit = "flights", .better = Better::Less,
     .part = Part::Effect, .count = &Counts::violating, .window = "Flew into a zone"},
    {.name = "violations", .label = "violations", .unit = "violations", .better = Better::Less,
     .part = Part::Effect, .count = &Counts::violations},
    {.name = "violation_minutes", .label = "violation minutes", .unit = "min", .better = Better::Less,
     .part = Part::Effect, .amount = &Counts::violationMinutes, .decimals = 2,
     .window = "Minutes inside zones"},
    {.name = "extra_km", .label = "extra km flown", .unit = "km", .better = Better::Less,
     .part = Part::Effect, .amount = &Counts::extraKm, .decimals = 3},
    {.name = "authorisations_requested", .label = "authorisations requested", .unit = "requests",
     .part = Part::Effect, .count = &Counts::authorisationsRequested},
    {.name = "authorisations_granted", .label = "authorisations granted", .unit = "requests",
     .part = Part::Effect, .count = &Counts::authorisationsGranted},
    {.name = "authorisations_denied", .label = "authorisations denied", .unit = "requests",
     .better = Better::Less, .part = Part::Effect, .count = &Counts::authorisationsDenied},
    {.name = "disrupted", .label = "legitimate flights disrupted", .unit = "flights", .better = Better::Less,
     .part = Part::Effect, .count = &Counts::disrupted},
    {.name = "near_misses", .label = "near misses", .unit = "near misses", .better = Better::Less,
     .count = &Counts::nearMisses, .window = "Near misses"},
    // detection and response: shown where a run has any
    {.name = "detected", .label = "flights detected", .unit = "flights", .part = Part::Defence,
     .count = &Counts::detected, .shown = detail::withDefence},
    {.name = "tracks", .label = "tracks", .unit = "tracks", .part = Part::Defence, .count = &Counts::tracks,
     .window = "Tracks so far", .shown = detail::withDefence},
    {.name = "unknown_tracks", .label = "unknown tracks", .unit = "tracks", .better = Better::Less,
     .part = Part::Defence, .count = &Counts::unknownTracks, .window = "Unknown tracks",
     .shown = detail::withDefence},
    {.name = "harmless_unknown", .label = "harmless unknown tracks", .unit = "tracks", .better = Better::Less,
     .part = Part::Defence, .count = &Counts::harmlessUnknown, .window = "  of them harmless",
     .shown = detail::withDefence},
    {.name = "confusion", .label = "share unknown but harmless", .unit = "share", .better = Better::Less,
     .part = Part::Defence,
     .derived = [](const Counts& c) {
         return c.unknownTracks > 0 ? static_cast<double>(c.harmlessUnknown) / c.unknownTracks : 0.0;
     },
     .decimals = 3, .shown = detail::withDefence},
    {.name = "false_alarms", .label = "false alarms", .unit = "tracks", .better = Better::Less,
     .part = Part::Defence, .count = &Counts::falseAlarms, .window = "False alarms",
     .shown = detail::withDefence},
    {.name = "time_to_detect", .label = "mean time to detect", .unit = "s", .better = Better::Less,
     .part = Part::Defence,
     .derived = [](const Counts& c) { return detail::mean(c.detectSeconds, c.detectCount); }, .decimals = 1,
     .jsonKey = "time_to_detect_s", .shown = detail::withDefence},
    {.name = "time_to_identify", .label = "mean time to identify", .unit = "s", .better = Better::Less,
     .part = Part::Defence,
     .derived = [](const Counts& c) { return detail::mean(c.identifySeconds, c.identifyCount); },
     .decimals = 1, .jsonKey = "time_to_identify_s", .shown = detail::withDefence},
    {.name = "time_to_respond", .label = "mean time to respond", .unit = "s", .better = Better::Less,
     .part = Part::Defence,
     .derived = [](const Counts& c) { return detail::mean(c.respondSeconds, c.respondCount); }, .decimals = 1,
     .jsonKey = "time_to_respond_s", .shown = detail::withDefence},
    {.name = "time_to_neutralise", .label = "mean time to neutralise", .unit = "s", .better = Better::Less,
     .part = Part::Defence,
     .derived = [](const Counts& c) { return detail::mean(c.neutraliseSeconds, c.neutraliseCount); },
     .decimals = 1, .jsonKey = "time_to_neutralise_s", .shown = detail::withDefence},
    // a final outcome too: in "outcomes" with the others (always shown), and again with the defence's figures
    {.name = "neutralised", .label = "outcome: neutralised", .unit = "flights", .part = Part::Defence,
     .count = &Counts::neutralised, .window = "  neutralised"},
    {.name = "closures", .label = "airport closures", .unit = "closures", .better = Better::Less,
     .part = Part::Defence, .count = &Counts::closures, .shown = detail::withDefence},
    {.name = "closure_minutes", .label = "airport closure minutes", .unit = "min", .better = Better::Less,
     .part = Part::Defence, .amount = &Counts::closureMinutes, .decimals = 2, .window = "Minutes closed",
     .shown = detail::withDefence},
    {.name = "manned_delayed", .label = "manned flights delayed", .unit = "planes", .better = Better::Less,
     .part = Part::Defence, .count = &Counts::mannedDelayed, .shown = detail::withDefence},
    {.name = "manned_diverted", .label = "manned flights diverted", .unit = "planes", .better = Better::Less,
     .part = Part::Defence, .count = &Counts::mannedDiverted, .window = "Planes diverted",
     .shown = detail::withDefence},
    {.name = "manned_delay_minutes", .label = "manned delay minutes", .unit = "min", .better = Better::Less,
     .part = Part::Defence, .amount = &Counts::mannedDelayMinutes, .decimals = 2,
     .shown = detail::withDefence},
    {.name = "responder_jobs", .label = "responder dispatches", .unit = "jobs", .better = Better::Less,
     .part = Part::Defence, .count = &Counts::responderJobs, .shown = detail::withDefence},
    {.name = "responder_minutes", .label = "responder minutes", .unit = "min", .better = Better::Less,
     .part = Part::Defence, .amount = &Counts::responderMinutes, .decimals = 2, .shown = detail::withDefence},
    // yardsticks: the same measure under every policy, so that policies compare on it (issue 16)
    {.name = "near_protected_minutes", .label = "drone-minutes near protected places", .unit = "min",
     .better = Better::Less, .part = Part::Yardstick, .amount = &Counts::nearProtectedMinutes, .decimals = 2,
     .window = "Minutes near protected", .shown = detail::withProtectedPlaces},
    // authorities' queues (issue 16): shown, and written in report.json, only for a scenario that has one
    {.name = "queued", .label = "requests queued for a decision", .unit = "requests", .part = Part::Effect,
     .count = &Counts::queued, .window = "Requests queued", .shown = detail::withQueues},
    {.name = "queue_wait_minutes", .label = "minutes waited in a queue", .unit = "min", .better = Better::Less,
     .part = Part::Effect, .amount = &Counts::queueWaitMinutes, .decimals = 2, .shown = detail::withQueues},
    {.name = "mean_queue_wait_minutes", .label = "mean wait in a queue", .unit = "min", .better = Better::Less,
     .part = Part::Effect,
     .derived = [](const Counts& c) { return detail::mean(c.queueWaitMinutes, c.queued); }, .decimals = 2,
     .shown = detail::withQueues},
    {.name = "longest_queue_wait_minutes", .label = "longest wait in a queue", .unit = "min",
     .better = Better::Less, .part = Part::Effect, .amount = &Counts::longestQueueWait, .decimals = 2,
     .shown = detail::withQueues},
    {.name = "longest_queue", .label = "longest queue", .unit = "requests", .better = Better::Less,
     .part = Part::Effect, .count = &Counts::longestQueue, .window = "Longest queue", .shown = detail::withQueues},
};
// clang-format on

/// The row of a metric named in code: a name the table does not have fails to
/// compile, here.
consteval const Metric& metric(std::string_view name) {
    for (const Metric& m : kMetricTable)
        if (m.name == name) return m;
    throw "no metric of that name in report::kMetricTable";
}

/// The row of a metric named in data (an `expect:` line, --metric); null when
/// the table has none of that name.
const Metric* findMetric(std::string_view name);

/// A metric's value by name. A name the table does not have throws
/// std::invalid_argument: it is a bug, never a zero. (The loader refuses an
/// `expect:` metric that is not in scenario::keys::kMetrics, and a test holds
/// that list to this table.)
double metricValue(const Counts& counts, std::string_view name);

/// Whether a metric is one of the ledger's final outcomes.
bool isOutcome(const Metric& metric);

/// The rows of a comparison and the columns of a sweep table, in their
/// order. The order is part of the sweep table's format (--merge reads older
/// tables back by it), so it is kept here rather than taken from the table's.
inline constexpr std::array kCompared = {
    &metric("planned"),
    &metric("flown"),
    &metric("caught"),
    &metric("violated"),
    &metric("neutralised"),
    &metric("cancelled"),
    &metric("pending"),
    &metric("took_off"),
    &metric("authorised"),
    &metric("denied"),
    &metric("rerouted"),
    &metric("waited"),
    &metric("delay_minutes"),
    &metric("disrupted"),
    &metric("extra_km"),
    &metric("violating"),
    &metric("violations"),
    &metric("violation_minutes"),
    &metric("authorisations_requested"),
    &metric("authorisations_denied"),
    &metric("queued"),
    &metric("queue_wait_minutes"),
    &metric("mean_queue_wait_minutes"),
    &metric("longest_queue_wait_minutes"),
    &metric("longest_queue"),
    &metric("near_misses"),
    &metric("unknown_tracks"),
    &metric("harmless_unknown"),
    &metric("confusion"),
    &metric("false_alarms"),
    &metric("closure_minutes"),
    &metric("manned_delayed"),
    &metric("manned_diverted"),
    &metric("responder_jobs"),
    &metric("responder_minutes"),
    &metric("near_protected_minutes"),
};

namespace detail {

/// Each name once, no metric both counted and summed, decimals 0 to 3.
consteval bool wellFormed() {
    const std::size_t n = std::size(kMetricTable);
    for (std::size_t i = 0; i < n; ++i) {
        const Metric& m = kMetricTable[i];
        // a derived metric's function is not compared with null here: GCC
        // cannot fold that under -fsanitize; MetricTable.EachRowIsComputedOneWay does
        const int ways = (m.count ? 1 : 0) + (m.amount ? 1 : 0);
        if (m.name.empty() || m.label.empty() || m.unit.empty() || ways > 1 || m.decimals < 0 ||
            m.decimals > 3)
            return false;
        for (std::size_t j = i + 1; j < n; ++j)
            if (kMetricTable[j].name == m.name) return false;
    }
    return true;
}
static_assert(wellFormed(), "report::kMetricTable: a name twice, an empty word, or not one way to compute");

consteval bool comparedOnce() {
    for (std::size_t i = 0; i < kCompared.size(); ++i)
        for (std::size_t j = i + 1; j < kCompared.size(); ++j)
            if (kCompared[i] == kCompared[j]) return false;
    return true;
}
static_assert(comparedOnce(), "report::kCompared names a metric twice");

} // namespace detail

} // namespace nofly::report
