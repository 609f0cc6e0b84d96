// The scenario model: everything a scenario file says, resolved, in SI units
// and the local plane, built once by the loader and never changed afterwards
// (the simulation's World holds what changes). Every element remembers where
// it was written, so later checks can still point at the line.
#pragma once

#include "core/diagnostic.hpp"
#include "core/geometry.hpp"
#include "core/projection.hpp"
#include "core/quantity.hpp"
#include "core/time.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace nofly::scenario {

using core::Instant;
using core::Millis;
using core::SourceLocation;
using core::Vec2;

// An enum whose values are written as words in a scenario ends with `Last`,
// an alias of its last value: keys.hpp sizes the enum's word table by it
// (keys::EnumWords) and checks at compile time that each value has a word.
// Add a value before `Last` and point `Last` at the new last one.

/// The ED-269 restriction levels.
enum class Restriction { Prohibited, Authorisation, Conditional, NoRestriction, Last = NoRestriction };

/// The ED-269 reasons for a zone.
enum class Reason {
    AirTraffic,
    Sensitive,
    Privacy,
    Population,
    Nature,
    Noise,
    ForeignTerritory,
    Emergency,
    Other,
    Last = Other
};

/// What an operator does with the rules it knows of.
enum class Behaviour { Compliant, Unaware, Reckless, Hostile, Last = Hostile };

/// The broad kind of an operator category: civil hobby, civil commercial, or
/// state (police, military, emergency services).
enum class OperatorKind { Hobby, Commercial, State, Last = State };

std::string_view name(Restriction restriction);
std::string_view name(Reason reason);
std::string_view name(Behaviour behaviour);
std::string_view name(OperatorKind kind);

/// A named point: a city hall, a summit venue, a bridge to inspect.
struct Place {
    std::string id;
    std::string name;
    core::LatLon geo;
    Vec2 at; ///< local plane [m]
    SourceLocation where;
};

/// A stretch of time in which something holds: [from, to).
struct TimeWindow {
    Instant from = 0;
    Instant to = 0;
};

/// A repeating weekly slot, in the scenario's local time.
struct WeeklySlot {
    std::vector<int> days; ///< 0 = Monday ... 6 = Sunday
    Millis from = 0;       ///< since local midnight
    Millis to = 0;         ///< since local midnight; may exceed 24 h to run past midnight
};

/// When a zone is in force. With no windows, no weekly slots and no event
/// it is always active.
struct Activation {
    std::vector<TimeWindow> windows;
    std::vector<WeeklySlot> weekly;
    std::string afterEvent;              ///< timeline event that switches it on: at its time (an announcement: plus its notice)
    std::optional<Millis> eventDuration; ///< how long it stays on, counted from when it switched on
    bool always() const { return windows.empty() && weekly.empty() && afterEvent.empty(); }
};

struct VerticalLimits {
    core::Altitude floor{0.0, core::AltitudeRef::AGL};
    std::optional<core::Altitude> ceiling; ///< none: unlimited
};

/// How the zone's area was written (the resolved geometry is in `region`).
enum class ShapeKind { Circle, Polygon, Corridor, Country, Parts, Last = Parts };

/// How long an authority takes over each decision: always its `decision`, or
/// drawn for each request from an exponential distribution with that mean.
enum class DecisionSpread { Fixed, Exponential, Last = Exponential };

struct Zone {
    std::string id;
    std::string name;
    Restriction restriction = Restriction::Prohibited;
    std::vector<Reason> reasons;
    ShapeKind shapeKind = ShapeKind::Polygon;
    core::Region region; ///< local plane [m]
    VerticalLimits altitude;
    Activation active;
    std::vector<std::string> exempt; ///< operator category ids
    std::string message;             ///< shown to operators
    /// Who an authorisation zone grants to (a prohibited zone with
    /// `dispensations`: who may ask for one): category ids, or the words all,
    /// none, hobby, commercial, state, critical.
    std::vector<std::string> grant{"commercial", "state"};
    Millis decision = 600000; ///< how long a request takes to answer once taken up (with a spread: the mean)
    DecisionSpread spread = DecisionSpread::Fixed;
    /// [decisions per hour] its authority takes up, one request after another in the order they
    /// arrive; none: every request is taken up at once (no queue)
    std::optional<double> capacity;
    /// A prohibited zone's `dispensations:`: the categories `grant` names may ask for a dispensation
    /// (an authorisation to fly in it, sim/rules.hpp judge); it stays prohibited for every other one.
    bool dispensations = false;
    SourceLocation where;
};

/// What a geofenced drone's autopilot does when a zone switches on around or
/// ahead of it (ArduPilot's and PX4's geofence breach actions).
enum class BreachAction { Report, Hold, Return, Land, Last = Land };
std::string_view name(BreachAction action);

/// Who flies: a class of operators with their authorisations and habits.
struct Category {
    std::string id;
    std::string name;
    OperatorKind kind = OperatorKind::Hobby;
    bool critical = false;                  ///< urgent, socially critical work (may get a dispensation)
    std::vector<std::string> authorisations; ///< zone ids this category holds an authorisation for
    double aware = 1.0;                      ///< share of operators that know the rules [0, 1]
    double comply = 1.0;                     ///< share of the aware that comply [0, 1]
    bool geofence = false;                   ///< its drones' autopilots hold the published zones
    double remoteId = 1.0;                   ///< share of its drones that broadcast Remote ID [0, 1]
    BreachAction breach = BreachAction::Return; ///< what a compliant flight does when a zone switches on in its way
    bool builtIn = true;                     ///< false when declared or changed by the scenario
    SourceLocation where;
};

/// One planned drone flight.
struct Flight {
    std::string id;
    std::string category;
    Instant depart = 0;
    std::vector<Vec2> route;  ///< take-off first, then waypoints [m]
    double speed = 10.0;      ///< cruise [m/s]
    core::Altitude altitude{60.0, core::AltitudeRef::AGL};
    std::optional<Behaviour> behaviour; ///< none: drawn from the category's mix
    std::optional<Millis> endurance;    ///< battery limit
    std::optional<Millis> hover;        ///< time spent at the last waypoint before returning
    bool returnHome = false;            ///< fly back to the take-off point
    SourceLocation where;
};

/// A value drawn uniformly from a range for each generated flight.
struct Range {
    double lo = 0.0;
    double hi = 0.0;
};

/// N flights of a category over an area and a time window, drawn from the run's seed.
struct TrafficGenerator {
    std::string id;
    std::string category;
    int count = 0;
    core::Region area;
    TimeWindow depart;
    Range duration{600.0, 1800.0}; ///< [s]
    Range altitude{30.0, 120.0};   ///< [m] AGL
    Range speed{5.0, 15.0};        ///< [m/s]
    std::map<Behaviour, double> behaviour; ///< empty: from the category's mix
    SourceLocation where;
};

/// "An unknown track within `radius` of the airport closes it until no
/// unknown track has been seen there for `quiet`."
struct ClosureRule {
    double radius = 5000.0; ///< [m] from the airport's reference point
    Millis quiet = 1800000; ///< reopens after this long without unknown tracks
};

/// Manned traffic at an airport, evenly spread over the run.
struct MannedTraffic {
    double arrivalsPerHour = 0.0;
    double departuresPerHour = 0.0;
    Millis hold = 1200000; ///< an arrival circles this long for a closed airport before it diverts
    std::string divertTo;  ///< airport id; empty: "another airport"
};

struct Airport {
    std::string id;   ///< ICAO code
    std::string name;
    core::LatLon geo;
    Vec2 at;
    double elevation = 0.0; ///< [m] AMSL
    std::optional<ClosureRule> closure;
    std::optional<MannedTraffic> manned;
    SourceLocation where;
};

/// A building, a hill, a stand of trees: blocks sensors' line of sight to
/// drones flying lower than its top.
struct Obstacle {
    std::string id;
    std::string name;
    core::Region region; ///< local plane [m]
    double height = 30.0; ///< [m] AGL
    SourceLocation where;
};

/// How detections become tracks.
struct Tracking {
    Millis lostAfter = 60000;  ///< a track not refreshed this long is lost
    double misclassify = 0.0;  ///< share of classifications that come out wrong [0, 1]
};

/// A site to protect (a summit venue, a palace): used by detection rules.
struct Site {
    std::string id;
    std::string name;
    Vec2 at;
    double radius = 0.0; ///< [m]
    SourceLocation where;
};

enum class SensorType { Radar, RadioFrequency, Camera, RemoteId, Sighting, Last = Sighting };
std::string_view name(SensorType type);

struct Sensor {
    std::string id;
    std::string name;
    SensorType type = SensorType::Radar;
    Vec2 at;
    double range = 0.0;        ///< [m]
    double probability = 0.9;  ///< detection probability at close range [0, 1]
    Millis update = 1000;      ///< time between scans
    Millis latency = 0;        ///< report delay
    double heading = 0.0;      ///< camera: centre of view [rad, from north, clockwise]
    double fieldOfView = 0.0;  ///< camera: [rad]; 0 = all round
    double falseAlarmsPerHour = 0.0;
    SourceLocation where;
};

enum class ResponderType { Police, Jammer, Interceptor, Last = Interceptor };
std::string_view name(ResponderType type);

struct Responder {
    std::string id;
    std::string name;
    ResponderType type = ResponderType::Police;
    Vec2 base;
    double speed = 20.0;       ///< [m/s]
    Millis neutralise = 60000; ///< time to neutralise on site
    double success = 0.9;      ///< [0, 1]
    double reach = 30000.0;    ///< [m] from its base: tracks further away are someone else's
    std::vector<std::string> protects; ///< airport and site ids it answers for; empty: all
    BreachAction effect = BreachAction::Land; ///< what a success does to the drone: land or return home
    SourceLocation where;
};

enum class EventType { Announce, Activate, Deactivate, Sighting, Note, Last = Note };
std::string_view name(EventType type);

/// What of a timeline entry is invented for teaching: nothing, the whole
/// entry, or only its time (what it says happened did, at another hour).
enum class Illustrative { No, Entry, Time };

/// Something scheduled to happen at a time: a ban announced with a notice
/// period, a zone switched on or off, a sighting reported, a note for the class.
struct TimelineEvent {
    std::string id;
    Instant at = 0;
    EventType type = EventType::Note;
    std::string zone;            ///< for announce / activate / deactivate
    std::optional<Millis> notice; ///< announce: the zone activates this long after
    std::optional<Vec2> position; ///< sighting
    bool genuine = true;          ///< sighting: false for a false alarm
    std::string text;
    Illustrative illustrative = Illustrative::No;
    std::string source;           ///< where the fact comes from; for readers of the file
    SourceLocation where;

    /// The text as people read it in the event list, the window and reports:
    /// marked "(illustrative)" when the entry is invented and "(time
    /// illustrative)" when only its time is, so a class never takes an
    /// invention for a fact, nor a fact for an invention.
    std::string shownText() const;
};

/// A claim the scenario makes about its own outcome, checked by `nofly run`.
struct Expectation {
    std::string metric;   ///< e.g. "cancelled", "violations", "rerouted"
    std::string category; ///< filter, may be empty
    std::string zone;     ///< filter, may be empty
    std::string flight;   ///< filter, may be empty
    std::string outcome;  ///< for a flight: "cancelled", "allowed", ...
    std::optional<double> atLeast;
    std::optional<double> atMost;
    std::optional<double> equals;
    std::string text;     ///< as written, for messages
    std::vector<std::string> variants; ///< where it holds: variant ids, "base"; empty: everywhere
    SourceLocation where;

    /// Whether this claim is about the scenario with `variant` applied ("" = base).
    bool appliesTo(const std::string& variant) const;
};

/// What every command calls the scenario as written, without any variant.
inline constexpr std::string_view kBaseVariant = "base";

/// A policy a scenario can be run under: the scenario as written (id "") or
/// one of its variants. The id is what the command line takes; the name is
/// what a handout shows, the id when none is given.
struct Variant {
    std::string id;
    std::string name; ///< for people (`name:`); empty: shown by its id
    std::string description;
    SourceLocation where;
};

/// What a compare handout charts first (`headlines:`): the metric a policy
/// costs, the metric it gains, and more to chart at a glance. Names of
/// report::kMetricTable (keys::kMetrics); empty: the handout's defaults.
struct Headlines {
    std::string cost;
    std::string benefit;
    std::vector<std::string> also;
};

/// A prediction the class makes before the run shows the answer: a flight's
/// outcome ("Will the bridge inspection fly?"), or what the first event of a
/// type concerns ("Which airport closes first?").
struct Question {
    std::string id;
    std::string ask;                  ///< the question as the class reads it
    std::string flight;               ///< answer: this flight's final outcome (keys::kFinalOutcomes)
    std::string first;                ///< or: what the first event of this type names (keys::kEventLogTypes) ...
    std::string about;                ///< ... of this kind (keys::kQuestionSubjects): "airport", "responder"
    std::vector<std::string> choices; ///< the answers offered; for a flight, by default the final outcomes
    std::optional<Instant> reveal;    ///< the answer is not shown before this time
    SourceLocation where;
};

struct TimeSettings {
    Instant start = 0;
    Instant end = 0;
    Millis step = 1000;
    int utcOffsetMinutes = 0; ///< the offset the start was written with: local time for display

    /// What the times shown to people are read against (core::formatMoment).
    core::TimeFrame frame() const { return {start, utcOffsetMinutes}; }
};

/// A basemap's label: a place name of lower priority than the scenario's own.
struct BasemapLabel {
    std::string name;
    Vec2 at;      ///< local plane [m]
    int rank = 0; ///< 1 most important; 0 not given (after every ranked one)
};

/// The basemap as the map draws it, in the local plane [m] (docs/basemaps.md).
struct BasemapLayers {
    std::string attribution;                       ///< drawn on the map: the data's licence asks for it
    std::string home;                              ///< the scenario's country, drawn apart from its neighbours
    std::map<std::string, core::Region> land;      ///< by country, lowercase
    std::map<std::string, core::Region> territory; ///< land and 12 NM territorial sea, by country
    core::Region water;                            ///< lakes and wide rivers
    std::vector<std::vector<Vec2>> rivers;
    std::vector<std::vector<Vec2>> borders; ///< national land borders
    std::vector<std::vector<Vec2>> roads;
    std::vector<BasemapLabel> labels; ///< most important first
};

/// A whole scenario, with one variant applied (or none).
struct Scenario {
    std::string file; ///< path as given
    std::string title;
    std::string description;
    std::vector<std::string> goals;
    std::uint64_t seed = 1;
    TimeSettings time;
    core::LatLon origin;
    core::LocalProjection projection{core::LatLon{}};
    std::string basemap; ///< name in assets/basemap, a path, "own layers"; empty for none
    BasemapLayers basemapLayers; ///< what the map draws of it
    std::optional<core::Box> view; ///< what maps and the window show first [m]; none: fit the flights
    core::Region land;             ///< all the basemap's land, in the local plane; empty without a basemap
    std::vector<Place> places;
    std::vector<Zone> zones;
    std::vector<Category> categories;
    std::vector<Flight> flights;
    std::vector<TrafficGenerator> traffic;
    std::vector<Airport> airports;
    std::vector<Site> sites;
    std::vector<Sensor> sensors;
    std::vector<Responder> responders;
    std::vector<Obstacle> obstacles;
    Tracking tracking;
    std::vector<TimelineEvent> timeline;
    std::vector<Expectation> expectations;
    std::vector<Question> questions;
    std::vector<Variant> variants;     ///< all variants the file declares
    std::string variant;               ///< the one applied; empty for the base
    Variant policy;                    ///< the scenario as written, as a policy (`policy:`); id ""
    std::vector<std::string> leavesOut; ///< what the model leaves out, a sentence each (`leaves_out:`)
    Headlines headlines;
    std::vector<std::string> includes; ///< files pulled in, resolved paths

    const Zone* zone(std::string_view id) const;
    const Category* category(std::string_view id) const;
    const Flight* flight(std::string_view id) const;
    /// A policy as people read it: its `name:`, else its id ("base" for "").
    std::string policyName(std::string_view id) const;
    /// A policy's `description:`; empty when it has none.
    std::string policyDescription(std::string_view id) const;
};

/// Whether a zone is in force at an instant, counting only its own windows
/// and weekly slots (timeline events are not counted: see windowsInForce).
bool scheduledActive(const Activation& activation, Instant at, int utcOffsetMinutes);

/// A time far before or after any scenario: the open end of a window [ms].
inline constexpr Instant kFarTime = Instant{1} << 60;

/// A stretch of time in which a zone is in force, [from, to), and since when
/// operators can know it (its announcement; -kFarTime for what was always known).
/// Its end can be learnt later than its start: a timeline `deactivate` that
/// cuts it short is known from its own time, and before then operators expect
/// the end it had (rule 1 of docs/simulation.md).
struct InForceWindow {
    Instant from = 0;
    Instant to = 0;
    Instant known = 0;
    Instant endKnown = -kFarTime; ///< since when operators know that it ends at `to`
    Instant endBefore = kFarTime; ///< the end they expect until then
};

/// When a window ends as far as operators know at `knownAt`.
inline Instant endAsKnown(const InForceWindow& w, Instant knownAt) {
    return knownAt >= w.endKnown ? w.to : w.endBefore;
}

/// The one rule of when zone `zone` (an index into s.zones) is in force during
/// the scenario: its `active` times and weekly slots, the event its `after:`
/// names, and the timeline's own activate, announce and deactivate events (a
/// zone with no `active` that the timeline switches on is off until then).
/// Sorted by start. The simulation, `nofly check` and `nofly where` all ask it.
std::vector<InForceWindow> windowsInForce(const Scenario& s, std::size_t zone);

/// Where generated flights of a traffic area may take off (and land) when
/// random draws keep missing: the centres of a kTakeOffGrid x kTakeOffGrid
/// grid over the area's bounds that lie in the area, and on `land` unless it
/// is empty (no basemap). None: the area holds no land the grid can find.
inline constexpr int kTakeOffGrid = 64;
std::vector<Vec2> takeOffGrid(const core::Region& area, const core::Region& land);

/// Whether a zone is lifted for a category whatever its restriction: the
/// category is in its `exempt` list, or holds a standing authorisation (a
/// dispensation) for it in its `authorisations`.
bool isExempt(const Zone& zone, const std::string& category);
bool holdsStandingAuthorisation(const Category& category, const Zone& zone);

/// Whether a zone's `grant:` names a category: by its id, its kind, `critical`
/// (urgent, socially critical work) or `all`.
bool grantNames(const Zone& zone, const Category& category);
/// Whether a prohibited zone lets a category ask for a dispensation: it has
/// `dispensations:` and their `grant:` names the category.
bool offersDispensation(const Zone& zone, const Category& category);

} // namespace nofly::scenario
