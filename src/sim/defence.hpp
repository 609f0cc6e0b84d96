// Detection, identification and response: the counter-drone chain of a run.
// Sensors scan at their update rate and report after their latency; reports
// become tracks; a track is identified when its drone broadcasts Remote ID
// (heard by a receiver) and flies as authorised, otherwise it is unknown; an
// unknown track near an airport closes it until the airport has been quiet
// for a while; responders go after unknown tracks near what they protect.
// The defence knows only what its sensors report; the events also name the
// drone behind a track (the ground truth), so that reports can say how often
// an unknown track was in fact a harmless civil flight.
#pragma once

#include "core/random.hpp"
#include "core/time.hpp"
#include "sim/zone_index.hpp"

#include <memory>
#include <vector>

namespace nofly::sim {

struct World;
struct CompiledScenario;

/// A responder this near its target (or its base) is there [m]; reports say a place this near is "at" it.
inline constexpr double kArrived = 50.0;

/// A sensor's report on its way to the operations room.
struct SensorReport {
    core::Instant due = 0;  ///< when it arrives: scan time plus the sensor's latency
    int sensor = -1;        ///< index into Scenario::sensors; -1 for a timeline sighting
    int drone = -1;         ///< the drone seen; -1 for a false alarm or a sighting of no simulated drone
    core::Vec2 at;          ///< where [m]
    double range = 0.0;     ///< from the sensor [m]
    bool remoteId = false;  ///< carries the drone's Remote ID broadcast
    bool falseAlarm = false;
    int timeline = -1; ///< a timeline sighting: its Scenario::timeline entry (the report's words)
};

/// What the operations room believes about one object in the air.
/// Tracks are numbered in order of creation: people read the first as "T1".
struct Track {
    int drone = -1;               ///< ground truth: the drone behind it, -1 for none
    bool falseAlarm = false;
    bool classified = false;
    bool identified = false;      ///< the class it has: identified or unknown
    bool truth = false;           ///< what the class would be without misclassification
    bool heardRemoteId = false;
    bool everUnknown = false;
    bool lost = false;
    bool neutralised = false;
    int responder = -1;           ///< on its way or at work
    core::Instant first = 0;      ///< first report
    core::Instant last = 0;       ///< latest report
    core::Vec2 position;          ///< latest reported position [m]
};

/// An airport with a closure rule or manned traffic.
struct SiteState {
    bool closed = false;
    core::Instant closedAt = -1;
    core::Instant lastUnknown = -1; ///< latest report of an unknown track within the closure radius
    std::size_t verdict = 0;        ///< index of the closure's verdict card in World::verdicts
    int closedBy = -1;              ///< the track that closed it (Defence::tracks)
};

/// One manned arrival or departure.
struct MannedMovement {
    core::Instant due = 0;
    int airport = -1;
    bool arrival = false;
    bool waiting = false;
    bool done = false;
};

struct ResponderState {
    enum Status { Free, EnRoute, Working, Returning } status = Free;
    core::Vec2 position;
    int track = -1;
    core::Instant dispatchedAt = 0;
    core::Instant workEnds = 0;
};

struct Defence {
    std::vector<core::Instant> nextScan;        ///< per sensor
    std::vector<core::Random> falseAlarmRandom; ///< per sensor: its false alarms (the rest: keyed)
    std::vector<char> cooperative;              ///< per drone: broadcasts Remote ID
    std::vector<std::uint64_t> drawKey;         ///< per drone: its flight's id, the key of its draws
    std::vector<int> droneTrack;                ///< per drone: its live track, -1 for none
    std::vector<SensorReport> reports;          ///< not yet arrived
    std::vector<Track> tracks;
    std::vector<SiteState> airports;            ///< per scenario airport
    std::vector<MannedMovement> manned;         ///< in time order
    std::size_t nextManned = 0;
    std::vector<std::size_t> mannedWaiting;     ///< indexes into manned
    std::vector<ResponderState> responders;     ///< per scenario responder
    std::size_t nextSighting = 0;               ///< index into the timeline
    bool active = false;                        ///< the scenario has sensors, closure rules, manned traffic or sightings
};

/// Sets the defence up at the start of a run: Remote ID drawn per drone (a
/// draw keyed by its flight, so that neither the traffic nor other flights
/// change it), manned schedules, responders at their bases.
void makeDefence(const scenario::Scenario& scenario, World& world);

/// One tick of the defence, after the drones have moved: timeline sightings,
/// scans, reports arriving, tracks lost, closures, manned traffic,
/// responders. Appends to world.events and world.verdicts.
void defend(const CompiledScenario& compiled, World& world);

/// The scenario's obstacles as zones of a zone index, for line-of-sight ray
/// casts (null when it has none); built once, by compile().
std::shared_ptr<const ZoneIndex> obstacleIndex(const scenario::Scenario& scenario);

/// The chance that a sensor detects a drone at `range` in one scan:
/// probability x (1 - (range / sensor range)^2), and 0 beyond its range.
double detectionProbability(const scenario::Sensor& sensor, double range);

} // namespace nofly::sim
