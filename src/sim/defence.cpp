#include "sim/defence.hpp"

#include "sim/rules.hpp"
#include "sim/simulation.hpp"
#include "sim/world.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numbers>

namespace nofly::sim {

using core::Instant;
using core::Millis;
using core::Vec2;
using scenario::Scenario;

namespace {

/// Independent streams from the run's seed, one per purpose, so that adding a
/// sensor changes neither the traffic nor another sensor's draws.
core::Random stream(std::uint64_t seed, std::uint64_t purpose) {
    return core::Random(seed ^ (0x9E3779B97F4A7C15ULL * (purpose + 1)));
}

/// The first `a` of core::uniformAt for the sensors' detection draws (plus the sensor's index).
constexpr std::uint64_t kDetectionDraws = 1000;
/// The `a` of core::uniformAt for the other draws that belong to one thing at one moment: a track's
/// misclassification (its drone, or its place for a track of no drone, the time and the truth), a responder's
/// attempt (the responder and drone, and the time), a drone's Remote ID (its flight). Keyed by what
/// is drawn, not by the order of the draws, so that two variants that differ only in policy draw the
/// same numbers for the same drone.
constexpr std::uint64_t kClassifyDraws = 1;
constexpr std::uint64_t kResponseDraws = 2;
constexpr std::uint64_t kRemoteIdDraws = 3;

struct Defender {
    const CompiledScenario& compiled;
    const Scenario& s;
    World& w;
    Defence& d;

    const FlightPlan& plan(int drone) const { return w.flights[static_cast<std::size_t>(drone)]; }
    /// A drone in keyed draws: its flight's id, which no other flight changes.
    std::uint64_t droneKey(int drone) const { return d.drawKey[static_cast<std::size_t>(drone)]; }
    /// A track in keyed draws: its drone, or for a track of no drone where and when it was first reported.
    std::uint64_t trackKey(const Track& t) const {
        if (t.drone >= 0) return droneKey(t.drone);
        return core::keyAt(static_cast<std::uint64_t>(t.first), std::bit_cast<std::uint64_t>(t.position.x),
                           std::bit_cast<std::uint64_t>(t.position.y), 1);
    }

    int trackIndex(const Track& t) const { return static_cast<int>(&t - d.tracks.data()); }
    /// An event about a track (and the drone behind it, the ground truth), or about none.
    Event event(EventType type, const Track* track, Vec2 at, EventReason reason = EventReason::None) const {
        Event e;
        e.tick = w.tick;
        e.time = w.now;
        e.type = type;
        e.reason = reason;
        if (track) {
            e.track = trackIndex(*track);
            if (track->drone >= 0) e.flight = w.drones[static_cast<std::size_t>(track->drone)].flight;
        }
        e.at = at;
        return e;
    }
    void emit(Event e) { w.events.push_back(std::move(e)); }

    // --- sensing -------------------------------------------------------------

    bool lineOfSight(Vec2 from, Vec2 to, double altitude) const {
        if (!compiled.obstacles) return true;
        for (const ZoneInterval& x : compiled.obstacles->intervals(from, to))
            if (s.obstacles[static_cast<std::size_t>(x.zone)].height >= altitude) return false;
        return true;
    }

    bool inView(const scenario::Sensor& sensor, Vec2 p) const {
        if (sensor.type != scenario::SensorType::Camera || sensor.fieldOfView <= 0.0) return true;
        const Vec2 v = p - sensor.at;
        double off = std::atan2(v.x, v.y) - sensor.heading;
        off = std::remainder(off, 2.0 * std::numbers::pi);
        return std::abs(off) <= sensor.fieldOfView / 2.0;
    }

    void scan(std::size_t index) {
        const scenario::Sensor& sensor = s.sensors[index];
        core::Random& random = d.falseAlarmRandom[index];
        const bool remote = sensor.type == scenario::SensorType::RemoteId;
        for (std::size_t i : w.flying) {
            const Drone& drone = w.drones[i];
            if (drone.phase != Phase::Flying || drone.altitude <= 0.0) continue;
            if (remote && !d.cooperative[i]) continue;
            const double r = core::distance(sensor.at, drone.position);
            if (r > sensor.range || !inView(sensor, drone.position)) continue;
            if (!lineOfSight(sensor.at, drone.position, drone.altitude)) continue;
            // this sensor, this drone, this scan: the same draw whatever else flies (docs/detection.md)
            const double draw =
                core::uniformAt(w.seed, kDetectionDraws + index, droneKey(static_cast<int>(i)),
                                static_cast<std::uint64_t>(w.now));
            if (draw >= detectionProbability(sensor, r)) continue;
            SensorReport report;
            report.due = w.now + sensor.latency;
            report.sensor = static_cast<int>(index);
            report.drone = static_cast<int>(i);
            report.at = drone.position;
            report.range = r;
            report.remoteId = remote;
            d.reports.push_back(report);
        }
        // clutter, birds, a bright star: a Poisson number of false alarms per scan
        if (sensor.falseAlarmsPerHour > 0.0) {
            const double expected = sensor.falseAlarmsPerHour * static_cast<double>(sensor.update) / 3600000.0;
            const double limit = std::exp(-expected);
            double product = random.uniform();
            for (int n = 0; product > limit && n < 100; ++n) {
                double r = sensor.range * std::sqrt(random.uniform());
                double bearing = random.uniform(0.0, 2.0 * std::numbers::pi);
                if (sensor.type == scenario::SensorType::Camera && sensor.fieldOfView > 0.0)
                    bearing = sensor.heading + (random.uniform() - 0.5) * sensor.fieldOfView;
                SensorReport report;
                report.due = w.now + sensor.latency;
                report.sensor = static_cast<int>(index);
                report.at = sensor.at + Vec2{std::sin(bearing), std::cos(bearing)} * r;
                report.range = r;
                report.falseAlarm = true;
                d.reports.push_back(report);
                product *= random.uniform();
            }
        }
    }

    void sightings() {
        while (d.nextSighting < s.timeline.size() && s.timeline[d.nextSighting].at <= w.now) {
            const scenario::TimelineEvent& e = s.timeline[d.nextSighting++];
            if (e.type != scenario::EventType::Sighting || !e.position) continue;
            SensorReport report;
            report.due = w.now;
            report.at = *e.position;
            report.falseAlarm = !e.genuine;
            report.timeline = static_cast<int>(d.nextSighting - 1);
            d.reports.push_back(report);
        }
    }

    // --- tracks --------------------------------------------------------------

    Track& newTrack(const SensorReport& r) {
        Track t;
        t.drone = r.drone;
        t.falseAlarm = r.falseAlarm;
        t.first = t.last = w.now;
        t.position = r.at;
        d.tracks.push_back(t);
        if (r.drone >= 0) d.droneTrack[static_cast<std::size_t>(r.drone)] = static_cast<int>(d.tracks.size() - 1);
        return d.tracks.back();
    }

    /// Whether a drone flies as authorised now: not hostile and in no zone it violates.
    bool authorised(int drone) const {
        return plan(drone).behaviour != scenario::Behaviour::Hostile &&
               w.drones[static_cast<std::size_t>(drone)].violating.empty();
    }

    void classify(Track& t) {
        const bool truth = t.drone >= 0 && t.heardRemoteId && authorised(t.drone);
        if (t.classified && truth == t.truth) return;
        t.truth = truth;
        bool identified = truth;
        // this track, now, this truth (which changes at most once in a step: a second report the same second
        // that hears its Remote ID): a draw of its own
        const bool wrong = s.tracking.misclassify > 0.0 &&
                           core::uniformAt(w.seed, kClassifyDraws, trackKey(t),
                                           (static_cast<std::uint64_t>(w.now) << 1) | (truth ? 1u : 0u)) <
                               s.tracking.misclassify;
        if (wrong) identified = !identified;
        if (t.classified && identified == t.identified) return;
        t.classified = true;
        t.identified = identified;
        if (t.drone >= 0) w.drones[static_cast<std::size_t>(t.drone)].unknownTrack = !identified;
        if (!identified) t.everUnknown = true;
        using R = EventReason;
        R why;
        if (t.drone < 0 && t.falseAlarm)
            why = identified ? R::IdentifiedFalseAlarm : R::UnknownFalseAlarm;
        else if (t.drone < 0)
            why = identified ? R::IdentifiedSighting : R::UnknownSighting;
        else if (identified)
            why = wrong ? R::IdentifiedByMistake : R::IdentifiedAuthorised;
        else if (wrong)
            why = R::UnknownByMistake;
        else
            why = t.heardRemoteId ? R::UnknownWhereItMayNot : R::UnknownNoRemoteId;
        Event e = event(EventType::Identification, &t, t.position, why);
        e.value = static_cast<double>(w.now - t.first) / 1000.0;
        emit(e);
    }

    void arrive(const SensorReport& r) {
        if (r.drone < 0) {
            Track& t = newTrack(r);
            // a sensor's false alarm names the sensor, a sighting its timeline entry (the actor column
            // names sensors only for a drone's detection)
            const bool sighting = r.sensor < 0;
            Event e = event(r.falseAlarm ? EventType::FalseAlarm : EventType::Detection, &t, r.at,
                            sighting ? EventReason::Sighting : EventReason::None);
            e.ref = sighting ? r.timeline : r.sensor;
            emit(e);
            classify(t);
            closures(t);
            return;
        }
        const std::size_t drone = static_cast<std::size_t>(r.drone);
        int ti = d.droneTrack[drone];
        if (w.drones[drone].phase != Phase::Flying && ti < 0) return; // landed before the report came in
        if (ti < 0) {
            Track& t = newTrack(r);
            const Drone& dr = w.drones[drone];
            Event e = event(EventType::Detection, &t, r.at);
            e.actor = r.sensor;
            e.value = static_cast<double>(w.now - dr.departedAt) / 1000.0;
            emit(e);
            ti = static_cast<int>(d.tracks.size() - 1);
        }
        Track& t = d.tracks[static_cast<std::size_t>(ti)];
        t.last = w.now;
        t.position = r.at;
        if (r.remoteId) t.heardRemoteId = true;
        classify(t);
        closures(t);
    }

    void loseTracks() {
        for (Track& t : d.tracks) {
            if (t.lost || w.now - t.last < s.tracking.lostAfter) continue;
            t.lost = true;
            if (t.drone >= 0 && d.droneTrack[static_cast<std::size_t>(t.drone)] == &t - d.tracks.data()) {
                d.droneTrack[static_cast<std::size_t>(t.drone)] = -1;
                w.drones[static_cast<std::size_t>(t.drone)].unknownTrack = false;
            }
            emit(event(EventType::TrackLost, &t, t.position));
        }
    }

    // --- airports ------------------------------------------------------------

    void closures(const Track& t) {
        if (t.identified) return;
        for (std::size_t a = 0; a < s.airports.size(); ++a) {
            const scenario::Airport& airport = s.airports[a];
            if (!airport.closure) continue;
            const double r = core::distance(t.position, airport.at);
            if (r > airport.closure->radius) continue;
            SiteState& site = d.airports[a];
            site.lastUnknown = w.now;
            if (site.closed) continue;
            site.closed = true;
            site.closedAt = w.now;
            site.closedBy = trackIndex(t);
            Event e = event(EventType::SiteClosed, &t, airport.at);
            e.site = static_cast<int>(a);
            e.value = r;
            emit(e);
            Verdict v;
            v.time = w.now;
            v.site = static_cast<int>(a);
            v.rule.kind = RuleKind::SiteClosed;
            v.rule.track = trackIndex(t);
            v.rule.distance = r;
            v.rule.until = -1; // still closed
            site.verdict = w.verdicts.size();
            w.verdicts.push_back(v);
        }
    }

    void reopen() {
        for (std::size_t a = 0; a < s.airports.size(); ++a) {
            const scenario::Airport& airport = s.airports[a];
            SiteState& site = d.airports[a];
            if (!site.closed || w.now - site.lastUnknown < airport.closure->quiet) continue;
            site.closed = false;
            Event e = event(EventType::SiteReopened, nullptr, airport.at);
            e.site = static_cast<int>(a);
            e.track = site.closedBy;
            e.value = static_cast<double>(w.now - site.closedAt) / 1000.0;
            emit(e);
            w.verdicts[site.verdict].rule.until = w.now;
        }
    }

    void mannedTraffic() {
        while (d.nextManned < d.manned.size() && d.manned[d.nextManned].due <= w.now)
            d.mannedWaiting.push_back(d.nextManned++);
        std::size_t kept = 0;
        for (std::size_t k = 0; k < d.mannedWaiting.size(); ++k) {
            MannedMovement& m = d.manned[d.mannedWaiting[k]];
            const scenario::Airport& airport = s.airports[static_cast<std::size_t>(m.airport)];
            const scenario::MannedTraffic& traffic = *airport.manned;
            // a plane's event: its airport, which plane (and when it was due), and how long since [s]
            auto planeEvent = [&](EventType type) {
                Event e = event(type, nullptr, airport.at,
                                m.arrival ? EventReason::Arrival : EventReason::Departure);
                e.site = m.airport;
                e.when = m.due;
                e.value = static_cast<double>(w.now - m.due) / 1000.0;
                emit(e);
            };
            if (!d.airports[static_cast<std::size_t>(m.airport)].closed) {
                if (m.waiting) planeEvent(EventType::MannedDelayed);
                m.done = true;
                continue;
            }
            m.waiting = true;
            if (m.arrival && w.now - m.due >= traffic.hold) {
                planeEvent(EventType::MannedDiverted);
                m.done = true;
                continue;
            }
            d.mannedWaiting[kept++] = d.mannedWaiting[k];
        }
        d.mannedWaiting.resize(kept);
    }

    // --- responders ------------------------------------------------------------

    /// Whether a responder answers for a track at p: near an airport with a
    /// closure rule, or inside a protected site, that it protects.
    bool threatens(const scenario::Responder& r, Vec2 p) const {
        auto protects = [&](const std::string& id) {
            return r.protects.empty() || std::find(r.protects.begin(), r.protects.end(), id) != r.protects.end();
        };
        for (const auto& a : s.airports)
            if (a.closure && protects(a.id) && core::distance(p, a.at) <= a.closure->radius) return true;
        for (const auto& site : s.sites)
            if (site.radius > 0.0 && protects(site.id) && core::distance(p, site.at) <= site.radius) return true;
        return false;
    }

    /// The place a responder answers for at p, for the dispatch's event: the nearest airport with a
    /// closure rule (`site`) or protected site (`ref`) that it protects and p is within; none: both -1.
    void placeAnswered(const scenario::Responder& r, Vec2 p, Event& e) const {
        auto protects = [&](const std::string& id) {
            return r.protects.empty() ||
                   std::find(r.protects.begin(), r.protects.end(), id) != r.protects.end();
        };
        double best = 1e300;
        for (std::size_t i = 0; i < s.airports.size(); ++i) {
            const scenario::Airport& a = s.airports[i];
            const double distance = core::distance(p, a.at);
            if (a.closure && protects(a.id) && distance <= a.closure->radius && distance < best)
                best = distance, e.site = static_cast<int>(i), e.ref = -1;
        }
        for (std::size_t i = 0; i < s.sites.size(); ++i) {
            const scenario::Site& site = s.sites[i];
            const double distance = core::distance(p, site.at);
            if (site.radius > 0.0 && protects(site.id) && distance <= site.radius && distance < best)
                best = distance, e.site = -1, e.ref = static_cast<int>(i);
        }
    }

    /// How near a point is to the nearest airport with a closure rule or protected site [m].
    double threatDistance(Vec2 p) const {
        double best = 1e300;
        for (const auto& a : s.airports)
            if (a.closure) best = std::min(best, core::distance(p, a.at));
        for (const auto& site : s.sites)
            if (site.radius > 0.0) best = std::min(best, core::distance(p, site.at));
        return best;
    }

    /// Moves toward a point; true when there.
    bool move(ResponderState& state, double speed, Vec2 to) {
        const double step = speed * static_cast<double>(s.time.step) / 1000.0;
        const Vec2 v = to - state.position;
        const double left = core::length(v);
        if (left <= std::max(step, kArrived)) {
            state.position = to;
            return true;
        }
        state.position = state.position + v * (step / left);
        return false;
    }

    /// Every zone the drone's route has met so far, judged as the simulation judges it then, for its card.
    std::vector<ZoneFinding> metSoFar(int drone) const {
        const Drone& dr = w.drones[static_cast<std::size_t>(drone)];
        const scenario::Category* category = s.category(plan(drone).flight.category);
        std::vector<ZoneFinding> out;
        if (!category) return out;
        for (const Crossing& x : crossings(*compiled.index, dr.plan)) {
            if (x.from > w.now) continue;
            const Judgement j = judge(compiled, x.zone, *category, x.altitude, x.from, std::min(x.to, w.now),
                                      w.now, dr.authorisedZones);
            out.push_back(j.finding);
        }
        return out;
    }

    void endJob(std::size_t index, Track* t, EventReason why) {
        ResponderState& state = d.responders[index];
        Event e = event(EventType::NeutraliseFailed, t, state.position, why);
        e.actor = static_cast<int>(index);
        e.value = static_cast<double>(w.now - state.dispatchedAt) / 1000.0;
        emit(e);
        if (t) t->responder = -1;
        state.track = -1;
        state.status = ResponderState::Returning;
    }

    /// A responder's attempt that works: the drone lands or flies home, and gets a card.
    void neutralise(std::size_t index, Track& t) {
        ResponderState& state = d.responders[index];
        const scenario::Responder& r = s.responders[index];
        const std::size_t di = static_cast<std::size_t>(t.drone);
        const Vec2 where = w.drones[di].position;
        std::vector<ZoneFinding> findings = metSoFar(t.drone);
        forceDown(compiled, w, di, r.effect);
        t.neutralised = true;
        const bool home = r.effect == scenario::BreachAction::Return;
        Event e = event(EventType::Neutralised, &t, state.position,
                        home ? EventReason::SentHome : EventReason::BroughtDown);
        e.actor = static_cast<int>(index);
        e.value = static_cast<double>(w.now - t.first) / 1000.0;
        emit(e);
        Verdict v;
        v.time = w.now;
        v.flight = w.drones[di].flight;
        v.outcome = w.drones[di].outcome;
        v.findings = std::move(findings);
        v.rule.kind = RuleKind::Neutralised;
        v.rule.track = trackIndex(t);
        v.rule.responder = static_cast<int>(index);
        v.rule.at = where;
        w.verdicts.push_back(v);
        t.responder = -1;
        state.track = -1;
        state.status = ResponderState::Returning;
    }

    /// One responder's step: on its way, at work, or home again.
    void work(std::size_t i) {
        ResponderState& state = d.responders[i];
        const scenario::Responder& r = s.responders[i];
        Track* t = state.track >= 0 ? &d.tracks[static_cast<std::size_t>(state.track)] : nullptr;
        const Drone* drone = t && t->drone >= 0 ? &w.drones[static_cast<std::size_t>(t->drone)] : nullptr;
        switch (state.status) {
        case ResponderState::Free: break;
        case ResponderState::Returning:
            if (move(state, r.speed, r.base)) state.status = ResponderState::Free;
            break;
        case ResponderState::EnRoute:
            if (t->lost) {
                endJob(i, t, EventReason::CalledOff);
                break;
            }
            // the defence knows where its reports put the drone, not where it is
            if (move(state, r.speed, t->position)) {
                state.status = ResponderState::Working;
                state.workEnds = w.now + r.neutralise;
                Event e = event(EventType::ResponderArrived, t, state.position);
                e.actor = static_cast<int>(i);
                e.when = state.dispatchedAt;
                e.value = static_cast<double>(w.now - t->first) / 1000.0;
                emit(e);
            }
            break;
        case ResponderState::Working:
            if (drone && drone->phase == Phase::Flying) state.position = drone->position;
            if (w.now < state.workEnds) break;
            if (!drone)
                endJob(i, t, t->falseAlarm ? EventReason::NothingFoundFalseAlarm : EventReason::NothingFound);
            else if (drone->phase != Phase::Flying)
                endJob(i, t, EventReason::DroneLanded);
            else if (core::uniformAt(w.seed, kResponseDraws,
                                     core::keyAt(core::textKey(r.id), droneKey(t->drone), 0, 0),
                                     static_cast<std::uint64_t>(w.now)) < r.success)
                neutralise(i, *t);
            else
                endJob(i, t, EventReason::Failed);
            break;
        }
    }

    /// The unknown tracks nearest to what is protected first, each to the nearest responder that is free
    /// (or on its way home) and answers for it.
    void dispatch() {
        std::vector<std::pair<double, std::size_t>> waiting;
        for (std::size_t ti = 0; ti < d.tracks.size(); ++ti) {
            const Track& t = d.tracks[ti];
            if (t.lost || t.identified || t.neutralised || t.responder >= 0) continue;
            waiting.emplace_back(threatDistance(t.position), ti);
        }
        std::stable_sort(waiting.begin(), waiting.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [threat, ti] : waiting) {
            Track& t = d.tracks[ti];
            if (t.lost || t.identified || t.neutralised || t.responder >= 0) continue;
            int best = -1;
            double bestDistance = 0.0;
            for (std::size_t i = 0; i < d.responders.size(); ++i) {
                const ResponderState& state = d.responders[i];
                const scenario::Responder& r = s.responders[i];
                if (state.status != ResponderState::Free && state.status != ResponderState::Returning) continue;
                if (core::distance(r.base, t.position) > r.reach || !threatens(r, t.position)) continue;
                const double distance = core::distance(state.position, t.position);
                if (best < 0 || distance < bestDistance) best = static_cast<int>(i), bestDistance = distance;
            }
            if (best < 0) continue;
            ResponderState& state = d.responders[static_cast<std::size_t>(best)];
            state.status = ResponderState::EnRoute;
            state.track = static_cast<int>(ti);
            state.dispatchedAt = w.now;
            t.responder = best;
            Event e = event(EventType::Dispatch, &t, state.position,
                            bestDistance < kArrived ? EventReason::AlreadyThere : EventReason::None);
            e.actor = best;
            e.value = bestDistance;
            placeAnswered(s.responders[static_cast<std::size_t>(best)], t.position, e);
            emit(e);
        }
    }

    void respond() {
        for (std::size_t i = 0; i < d.responders.size(); ++i)
            work(i);
        dispatch();
    }
};

} // namespace

double detectionProbability(const scenario::Sensor& sensor, double range) {
    if (range < 0.0 || range > sensor.range || sensor.range <= 0.0) return 0.0;
    const double f = range / sensor.range;
    return sensor.probability * (1.0 - f * f);
}

std::shared_ptr<const ZoneIndex> obstacleIndex(const Scenario& s) {
    if (s.obstacles.empty()) return nullptr;
    Scenario walls;
    for (const scenario::Obstacle& o : s.obstacles) {
        scenario::Zone z;
        z.id = o.id;
        z.region = o.region;
        walls.zones.push_back(std::move(z));
    }
    return std::make_shared<const ZoneIndex>(walls);
}

void makeDefence(const Scenario& s, World& w) {
    Defence& d = w.defence;
    d = Defence{};
    for (std::size_t i = 0; i < s.sensors.size(); ++i) {
        d.falseAlarmRandom.push_back(stream(w.seed, 100 + i));
        d.nextScan.push_back(s.time.start);
    }
    d.cooperative.resize(w.drones.size());
    d.droneTrack.assign(w.drones.size(), -1);
    for (std::size_t i = 0; i < w.drones.size(); ++i) {
        const FlightPlan& fp = w.flights[i];
        d.drawKey.push_back(core::textKey(fp.flight.id));
        const scenario::Category* c = s.category(fp.flight.category);
        const double share = c ? c->remoteId : 0.0;
        // the flight's own draw, so that no other flight's category, or presence, moves it
        const bool draw = core::uniformAt(w.seed, kRemoteIdDraws, d.drawKey[i], 0) < share;
        d.cooperative[i] = fp.behaviour != scenario::Behaviour::Hostile && draw;
    }
    d.airports.resize(s.airports.size());
    for (std::size_t a = 0; a < s.airports.size(); ++a) {
        const auto& manned = s.airports[a].manned;
        if (!manned) continue;
        auto schedule = [&](double perHour, bool arrival, double offset) {
            if (perHour <= 0.0) return;
            const double period = 3600000.0 / perHour;
            for (double t = period * offset; s.time.start + static_cast<Instant>(t) < s.time.end; t += period)
                d.manned.push_back({s.time.start + static_cast<Instant>(std::llround(t)), static_cast<int>(a), arrival});
        };
        schedule(manned->arrivalsPerHour, true, 0.5);
        schedule(manned->departuresPerHour, false, 0.25);
    }
    std::stable_sort(d.manned.begin(), d.manned.end(),
                     [](const MannedMovement& a, const MannedMovement& b) { return a.due < b.due; });
    for (const scenario::Responder& r : s.responders) {
        ResponderState state;
        state.position = r.base;
        d.responders.push_back(state);
    }
    const bool sightings = std::any_of(s.timeline.begin(), s.timeline.end(), [](const scenario::TimelineEvent& e) {
        return e.type == scenario::EventType::Sighting;
    });
    const bool rules = std::any_of(s.airports.begin(), s.airports.end(),
                                   [](const scenario::Airport& a) { return a.closure || a.manned; });
    d.active = !s.sensors.empty() || sightings || rules || !s.responders.empty();
}

void defend(const CompiledScenario& compiled, World& w) {
    const Scenario& s = *compiled.scenario;
    Defender defender{compiled, s, w, w.defence};
    Defence& d = w.defence;
    defender.sightings();
    for (std::size_t i = 0; i < s.sensors.size(); ++i) {
        if (w.now < d.nextScan[i]) continue;
        defender.scan(i);
        while (d.nextScan[i] <= w.now) d.nextScan[i] += s.sensors[i].update;
    }
    // reports that have arrived, in the order they were made
    auto due = std::stable_partition(d.reports.begin(), d.reports.end(),
                                     [&](const SensorReport& r) { return r.due <= w.now; });
    std::vector<SensorReport> arrived(std::make_move_iterator(d.reports.begin()), std::make_move_iterator(due));
    d.reports.erase(d.reports.begin(), due);
    std::stable_sort(arrived.begin(), arrived.end(), [](const SensorReport& a, const SensorReport& b) { return a.due < b.due; });
    for (const SensorReport& r : arrived) defender.arrive(r);
    defender.loseTracks();
    defender.reopen();
    defender.mannedTraffic();
    defender.respond();
}

} // namespace nofly::sim
