// The keys the scenario language knows, one list per kind of mapping. The
// loader refuses any other key with a suggestion from the same list, and the
// JSON schema is written from these lists, so the two cannot drift apart.
// The words an enum is written with are a table of that enum (EnumWords), which
// the loader reads with readEnum<T> and writes its hints from.
#pragma once

#include "scenario/model.hpp" // the enums the word tables name

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nofly::scenario::keys {

using List = std::vector<std::string>;

/// The words of an enum's values, one per value in the enum's order, so that
/// `words(value)` is the word of `value`: a std::array as long as the enum (its
/// `Last` + 1, model.hpp). A word too many does not compile and complete()
/// catches one too few. It converts to a List for what takes one (suggestions,
/// the JSON schema).
template <typename Enum>
struct EnumWords : std::array<std::string_view, static_cast<std::size_t>(Enum::Last) + 1> {
    constexpr std::string_view operator()(Enum value) const {
        return (*this)[static_cast<std::size_t>(value)];
    }
    operator List() const { return List(this->begin(), this->end()); }
};

/// Whether a table has a word for every value of its enum, each a different one.
template <typename Enum> constexpr bool complete(const EnumWords<Enum>& words) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].empty()) return false;
        for (std::size_t j = 0; j < i; ++j)
            if (words[j] == words[i]) return false;
    }
    return true;
}

inline const List kTop = {"title",      "description", "goals",      "seed",       "time",
                          "map",        "include",     "categories", "places",     "airports",
                          "sites",      "zones",       "flights",    "traffic",    "sensors",
                          "responders", "timeline",    "expect",     "variants",   "obstacles",
                          "tracking",   "questions",   "policy",     "leaves_out", "headlines"};
inline const List kIncluded = {"places",  "airports", "sites",      "zones",    "flights",
                               "traffic", "sensors",  "responders", "obstacles"};
inline const List kTime = {"start", "end", "step"};
inline const List kMap = {"origin", "basemap", "extent", "view"};
inline const List kView = {"center", "radius"};
inline const List kLatLon = {"lat", "lon"};
inline const List kPlace = {"id", "name", "at"};
inline const List kZone = {"id",       "name",     "restriction",  "reason",  "shape",
                           "altitude", "active",   "exempt",       "message", "grant",
                           "decision", "capacity", "dispensations"};
/// A prohibited zone's `dispensations:`: whom they are for, and its authority.
inline const List kDispensations = {"grant", "capacity", "decision"};
/// `decision:` written as a mapping: a mean time and how it spreads.
inline const List kDecision = {"mean", "spread"};
/// The forms of a shape, in ShapeKind's order: a shape names exactly one.
inline constexpr EnumWords<ShapeKind> kShapeKinds = {"circle", "polygon", "corridor", "country", "parts"};
static_assert(complete(kShapeKinds), "keys::kShapeKinds needs a word for each ShapeKind, in its order");
/// A shape's keys: its form, then what widens a country.
inline const List kShape = [] {
    List keys = kShapeKinds;
    keys.insert(keys.end(), {"margin", "waters"});
    return keys;
}();
/// `basemap:` written as a mapping: a user's own file per layer.
inline const List kBasemapFiles = {"land", "territory", "water", "rivers", "borders", "roads", "labels", "attribution"};
inline const List kCircle = {"center", "radius"};
inline const List kPolygon = {"outer", "holes"};
inline const List kCorridor = {"path", "width"};
inline const List kAltitudeBand = {"floor", "ceiling"};
inline const List kActive = {"from", "to", "windows", "weekly", "after", "for"};
inline const List kWindow = {"from", "to"};
inline const List kWeekly = {"days", "from", "to"};
inline const List kCategory = {"name", "kind", "critical", "authorisations", "aware", "comply", "geofence", "breach",
                              "remote-id"};
inline const List kFlight = {"id",       "category", "depart",    "route",   "from",  "to", "speed",
                             "altitude", "behaviour", "endurance", "hover", "return"};
inline const List kTraffic = {"id", "category", "count", "area", "depart", "duration", "altitude", "speed", "behaviour"};
inline const List kBetween = {"between"};
inline const List kAirport = {"id", "name", "at", "elevation", "closure", "manned"};
inline const List kClosure = {"radius", "quiet"};
inline const List kManned = {"arrivals", "departures", "hold", "divert-to"};
inline const List kObstacle = {"id", "name", "shape", "height"};
inline const List kTracking = {"lost-after", "misclassify"};
inline const List kSite = {"id", "name", "at", "radius"};
inline const List kSensor = {"id",      "name",    "type", "at",  "range",       "probability",
                             "update", "latency", "heading", "fov", "false-alarms"};
inline const List kResponder = {"id",      "name",  "type",     "base",  "speed", "neutralise",
                                "success", "reach", "protects", "effect"};
inline const List kResponderEffects = {"land", "return"};
inline const List kEvent = {"id", "at", "event", "zone", "notice", "position", "genuine", "text", "illustrative", "source"};
inline const List kExpect = {"metric", "category", "zone", "flight", "outcome", "at_least", "at_most", "equals", "variant"};
inline const List kVariant = {"name", "description", "remove", "set", "add"};
/// `policy:`: the scenario as written, named as a policy.
inline const List kPolicy = {"name", "description"};
/// `headlines:`: the metrics a compare handout charts first.
inline const List kHeadlines = {"cost", "benefit", "also"};
/// A prediction question for the class (docs/scenario-language.md#questions).
inline const List kQuestion = {"id", "ask", "flight", "first", "about", "choices", "reveal"};
/// An item of `include:` written as a mapping: a real-data file and how to read it.
inline const List kInclude = {"file", "format", "lang", "skip-bad", "mapping", "lenient"};

// The mapping file of a GeoJSON or OpenAir import (docs/real-data.md): not
// part of a scenario, but read with the same reader.
inline const List kMapping = {"id", "name",  "message", "floor",   "ceiling",     "from",
                              "to", "class", "classes", "default", "point-radius"};
inline const List kMappingSettings = {"restriction", "reason", "floor", "ceiling", "message"};

// Words allowed as values: the words of the enums (model.hpp), each table in
// its enum's order and checked against it, then lists of words of other kinds.
inline constexpr EnumWords<Restriction> kRestrictions = {"prohibited", "authorisation", "conditional",
                                                         "no-restriction"};
static_assert(complete(kRestrictions), "keys::kRestrictions needs a word for each Restriction, in its order");
inline constexpr EnumWords<Reason> kReasons = {"air-traffic",       "sensitive", "privacy",
                                               "population",        "nature",    "noise",
                                               "foreign-territory", "emergency", "other"};
static_assert(complete(kReasons), "keys::kReasons needs a word for each Reason, in its order");
inline constexpr EnumWords<Behaviour> kBehaviours = {"compliant", "unaware", "reckless", "hostile"};
static_assert(complete(kBehaviours), "keys::kBehaviours needs a word for each Behaviour, in its order");
/// The keys of a behaviour mix: a share for each behaviour, by its word.
inline const List kBehaviourMix = kBehaviours;
inline constexpr EnumWords<OperatorKind> kKinds = {"hobby", "commercial", "state"};
static_assert(complete(kKinds), "keys::kKinds needs a word for each OperatorKind, in its order");
inline constexpr EnumWords<SensorType> kSensorTypes = {"radar", "rf", "camera", "remote-id", "sighting"};
static_assert(complete(kSensorTypes), "keys::kSensorTypes needs a word for each SensorType, in its order");
inline constexpr EnumWords<ResponderType> kResponderTypes = {"police", "jammer", "interceptor"};
static_assert(complete(kResponderTypes),
              "keys::kResponderTypes needs a word for each ResponderType, in its order");
inline constexpr EnumWords<EventType> kEventTypes = {"announce", "activate", "deactivate", "sighting",
                                                     "note"};
static_assert(complete(kEventTypes), "keys::kEventTypes needs a word for each EventType, in its order");
inline constexpr EnumWords<BreachAction> kBreachActions = {"report", "hold", "return", "land"};
static_assert(complete(kBreachActions),
              "keys::kBreachActions needs a word for each BreachAction, in its order");
inline constexpr EnumWords<DecisionSpread> kDecisionSpreads = {"fixed", "exponential"};
static_assert(complete(kDecisionSpreads),
              "keys::kDecisionSpreads needs a word for each DecisionSpread, in its order");

/// The table of an enum's words, found by the enum's type (readEnum<T> reads
/// with wordsOf(T{})): one line per table above.
constexpr const EnumWords<Restriction>& wordsOf(Restriction) {
    return kRestrictions;
}
constexpr const EnumWords<Reason>& wordsOf(Reason) {
    return kReasons;
}
constexpr const EnumWords<Behaviour>& wordsOf(Behaviour) {
    return kBehaviours;
}
constexpr const EnumWords<OperatorKind>& wordsOf(OperatorKind) {
    return kKinds;
}
constexpr const EnumWords<ShapeKind>& wordsOf(ShapeKind) {
    return kShapeKinds;
}
constexpr const EnumWords<SensorType>& wordsOf(SensorType) {
    return kSensorTypes;
}
constexpr const EnumWords<ResponderType>& wordsOf(ResponderType) {
    return kResponderTypes;
}
constexpr const EnumWords<EventType>& wordsOf(EventType) {
    return kEventTypes;
}
constexpr const EnumWords<BreachAction>& wordsOf(BreachAction) {
    return kBreachActions;
}
constexpr const EnumWords<DecisionSpread>& wordsOf(DecisionSpread) {
    return kDecisionSpreads;
}

/// The value of an enum a word names, if it names one.
template <typename Enum> constexpr std::optional<Enum> valueOf(std::string_view word) {
    const auto& words = wordsOf(Enum{});
    for (std::size_t i = 0; i < words.size(); ++i)
        if (words[i] == word) return static_cast<Enum>(i);
    return std::nullopt;
}

/// Where a word is in a list, if it is there.
inline std::optional<std::size_t> indexOf(const List& words, std::string_view word) {
    for (std::size_t i = 0; i < words.size(); ++i)
        if (words[i] == word) return i;
    return std::nullopt;
}

/// "a, b or c": the words of a table, for a hint.
template <typename Words> std::string alternatives(const Words& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i)
        out.append(i == 0 ? "" : i + 1 == words.size() ? " or " : ", ").append(words[i]);
    return out;
}

/// "one of: a, b, c": the words of a table, for a hint.
template <typename Words> std::string oneOf(const Words& words) {
    std::string out = "one of: ";
    for (std::size_t i = 0; i < words.size(); ++i)
        out.append(i == 0 ? "" : ", ").append(words[i]);
    return out;
}

inline const List kGrantWords = {"all", "none", "hobby", "commercial", "state", "critical"};
inline const List kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "weekdays", "weekend", "daily"};
/// The `expect:` metrics: the names of report/metrics.hpp's table, in its
/// order (tests/report/metrics_test.cpp holds the two together). The final
/// outcomes (flown, caught, violated, neutralised, cancelled, pending) add up
/// to planned.
inline const List kMetrics = {
    "planned", "flown", "caught", "violated", "cancelled", "pending", "took_off", "authorised", "denied",
    "rerouted", "waited", "delay_minutes", "mean_delay_minutes", "violating", "violations",
    "violation_minutes", "extra_km", "authorisations_requested", "authorisations_granted",
    "authorisations_denied", "disrupted", "near_misses",
    // detection and response
    "detected", "tracks", "unknown_tracks", "harmless_unknown", "confusion", "false_alarms", "time_to_detect",
    "time_to_identify", "time_to_respond", "time_to_neutralise", "neutralised", "closures", "closure_minutes",
    "manned_delayed", "manned_diverted", "manned_delay_minutes", "responder_jobs", "responder_minutes",
    // yardsticks
    "near_protected_minutes",
    // authorities' queues
    "queued", "queue_wait_minutes", "mean_queue_wait_minutes", "longest_queue_wait_minutes", "longest_queue"};
inline const List kImportFormats = {"ed269", "ed318", "geojson", "openair"};
/// The ledger's final outcomes, in its order (report::kFinalOutcomes; report/questions.cpp
/// asserts that the two lists are as long, a test that they say the same): the answers a
/// question about a flight offers by default.
inline constexpr std::array<std::string_view, 6> kFinalOutcomes = {"flown",       "caught",    "violated",
                                                                   "neutralised", "cancelled", "pending"};
/// What `expect: {flight: ..., outcome: ...}` accepts: the final outcomes
/// (flown, caught, violated, neutralised, cancelled, pending), the flags (authorised,
/// denied, rerouted, waited) and `allowed` (flown with no flag): report::matchesOutcomeWord.
inline const List kExpectOutcomes = {"flown",      "caught",   "violated", "neutralised", "cancelled", "pending",
                                     "authorised", "denied",   "rerouted",    "waited",    "allowed"};
/// The event types of the event log (sim::name(EventType), as in events.csv), for a question's `first:`.
inline const List kEventLogTypes = {
    "departure",         "landing",          "zone_entry",        "zone_exit",         "violation_start",
    "violation_end",     "reroute",          "cancellation",      "wait",              "authorisation_requested",
    "authorisation_granted", "authorisation_denied", "near_miss", "zone_activated",    "zone_deactivated",
    "zone_announced",    "breach",           "note",              "detection",         "identification",
    "track_lost",        "false_alarm",      "site_closed",       "site_reopened",     "manned_delayed",
    "manned_diverted",   "dispatch",         "responder_arrived", "neutralised",       "neutralise_failed"};
/// What a `first:` question may ask about (`about:`): the kinds of thing an event names.
inline const List kQuestionSubjects = {"flight", "track", "responder", "airport", "zone", "sensor"};
/// The kinds of thing the events of each type name (sim::Event's flight, track, site: an airport,
/// zone, and actor: a sensor or a responder), in the order of kEventLogTypes. A `first:` question
/// asks about the first kind unless it says `about:`.
inline const std::vector<std::pair<std::string, List>> kEventSubjects = {
    {"departure", {"flight"}},
    {"landing", {"flight"}},
    {"zone_entry", {"flight", "zone"}},
    {"zone_exit", {"flight", "zone"}},
    {"violation_start", {"flight", "zone"}},
    {"violation_end", {"flight", "zone"}},
    {"reroute", {"flight", "zone"}},
    {"cancellation", {"flight", "zone"}},
    {"wait", {"flight", "zone"}},
    {"authorisation_requested", {"flight", "zone"}},
    {"authorisation_granted", {"flight", "zone"}},
    {"authorisation_denied", {"flight", "zone"}},
    {"near_miss", {"flight"}},
    {"zone_activated", {"zone"}},
    {"zone_deactivated", {"zone"}},
    {"zone_announced", {"zone"}},
    {"breach", {"flight", "zone"}},
    {"note", {"zone"}},
    {"detection", {"track", "flight", "sensor"}},
    {"identification", {"track", "flight"}},
    {"track_lost", {"track", "flight"}},
    {"false_alarm", {"track"}},
    {"site_closed", {"airport", "track", "flight"}},
    {"site_reopened", {"airport", "track"}},
    {"manned_delayed", {"airport"}},
    {"manned_diverted", {"airport"}},
    {"dispatch", {"responder", "track", "flight", "airport"}},
    {"responder_arrived", {"responder", "track", "flight"}},
    {"neutralised", {"responder", "track", "flight"}},
    {"neutralise_failed", {"responder", "track", "flight"}}};

} // namespace nofly::scenario::keys
