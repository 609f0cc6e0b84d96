#include "report/metrics.hpp"
#include "report/run_record.hpp"

#include "core/decimal.hpp"
#include "core/geometry.hpp"
#include "report/ledger.hpp"
#include "report/sentences.hpp"
#include "sim/simulation.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string_view>

namespace nofly::report {

using sim::EventType;

bool addsUp(const Counts& c) {
    return c.flown + c.caught + c.violated + c.neutralised + c.cancelled + c.pending == c.planned &&
           c.flown + c.caught + c.violated + c.neutralised == c.tookOff;
}

const Metric* findMetric(std::string_view name) {
    for (const Metric& m : kMetricTable)
        if (m.name == name) return &m;
    return nullptr;
}

double metricValue(const Counts& c, std::string_view name) {
    const Metric* m = findMetric(name);
    if (!m) throw std::invalid_argument("no metric '" + std::string(name) + "' in report::kMetricTable");
    return m->value(c);
}

bool isOutcome(const Metric& metric) {
    return std::any_of(kFinalOutcomes.begin(), kFinalOutcomes.end(),
                       [&](FinalOutcome o) { return name(o) == metric.name; });
}

std::string meanSecondsText(double sumSeconds, int count) {
    if (count <= 0) return "-";
    return core::fixed(sumSeconds / count, 0) + " s";
}

namespace {

/// Detection and response, from the events: the defence's view (tracks and
/// their classes) against the truth (the flight behind each track).
void countDefence(const scenario::Scenario& scenario, const sim::World& world,
                  std::span<const sim::Event> events, Metrics& m) {
    m.total.defence = world.defence.active;
    std::set<int> detected, unknown, identified, responded;
    std::map<std::string, core::Instant> closedAt; // by airport id
    struct Job {
        core::Instant at = 0;
        std::string place; ///< the protected place it answers for (placeId); empty: none
    };
    std::map<std::string, Job> dispatchedAt; // by responder id
    // a place's counts: only the scenario's protected places (countFlights made them)
    auto place = [&](const std::string& id) -> Counts* {
        const auto it = m.byPlace.find(id);
        return it == m.byPlace.end() ? nullptr : &it->second;
    };
    // a responder's job ends: its minutes for all, and for the place it answered for
    auto jobEnds = [&](const Job& job, core::Instant end) {
        const double minutes = static_cast<double>(std::max<core::Instant>(end - job.at, 0)) / 60000.0;
        m.total.responderMinutes += minutes;
        if (Counts* p = place(job.place)) p->responderMinutes += minutes;
    };
    for (const sim::Event& e : events) {
        const sim::FlightPlan* fp =
            e.flight < 0 ? nullptr : &world.flights[static_cast<std::size_t>(e.flight)];
        Counts* cat = fp ? &m.byCategory[fp->flight.category] : nullptr;
        auto each = [&](auto&& f) {
            f(m.total);
            if (cat) f(*cat);
        };
        switch (e.type) {
        case EventType::Detection:
            each([](Counts& c) { ++c.tracks; });
            if (fp && detected.insert(e.flight).second)
                each([&](Counts& c) { ++c.detected, c.detectSeconds += e.value, ++c.detectCount; });
            break;
        case EventType::FalseAlarm:
            each([](Counts& c) { ++c.tracks, ++c.falseAlarms; });
            break;
        case EventType::Identification:
            if (!sim::identifiesTrack(e.reason) && unknown.insert(e.track).second) {
                const scenario::Category* category = fp ? scenario.category(fp->flight.category) : nullptr;
                const bool harmless = fp && fp->behaviour != scenario::Behaviour::Hostile && category &&
                                      category->kind != scenario::OperatorKind::State;
                each([&](Counts& c) { ++c.unknownTracks, c.harmlessUnknown += harmless ? 1 : 0; });
            }
            if (sim::identifiesTrack(e.reason) && identified.insert(e.track).second)
                each([&](Counts& c) { c.identifySeconds += e.value, ++c.identifyCount; });
            break;
        case EventType::SiteClosed:
            ++m.total.closures;
            if (Counts* p = place(siteId(scenario, e.site))) ++p->closures;
            closedAt[siteId(scenario, e.site)] = e.time;
            break;
        case EventType::SiteReopened:
            m.total.closureMinutes += e.value / 60.0;
            if (Counts* p = place(siteId(scenario, e.site))) p->closureMinutes += e.value / 60.0;
            closedAt.erase(siteId(scenario, e.site));
            break;
        case EventType::MannedDelayed:
            ++m.total.mannedDelayed;
            m.total.mannedDelayMinutes += e.value / 60.0;
            break;
        case EventType::MannedDiverted: ++m.total.mannedDiverted; break;
        case EventType::Dispatch:
            each([](Counts& c) { ++c.responderJobs; });
            if (Counts* p = place(placeId(scenario, e))) ++p->responderJobs;
            dispatchedAt[eventActor(scenario, e)] = {e.time, placeId(scenario, e)};
            break;
        case EventType::ResponderArrived: // the first arrival at each track
            if (responded.insert(e.track).second) each([&](Counts& c) { c.respondSeconds += e.value, ++c.respondCount; });
            break;
        case EventType::Neutralised:
            // the drone's outcome is counted with the others (computeMetrics); here its time
            each([&](Counts& c) { c.neutraliseSeconds += e.value, ++c.neutraliseCount; });
            [[fallthrough]];
        case EventType::NeutraliseFailed:
            if (auto d = dispatchedAt.find(eventActor(scenario, e)); d != dispatchedAt.end()) {
                jobEnds(d->second, e.time);
                dispatchedAt.erase(d);
            }
            break;
        default: break;
        }
    }
    // still closed, or still at work, when the run ends
    const core::Instant end = std::min(world.now, scenario.time.end);
    for (const auto& [site, at] : closedAt) {
        const double minutes = static_cast<double>(std::max<core::Instant>(end - at, 0)) / 60000.0;
        m.total.closureMinutes += minutes;
        if (Counts* p = place(site)) p->closureMinutes += minutes;
    }
    for (const auto& [actor, job] : dispatchedAt)
        jobEnds(job, end);
}

/// A place the yardstick protects: its id (a site's or an airport's) and its disc on the ground.
struct ProtectedPlace {
    std::string id;
    core::Region region;
};

/// The places the yardstick protects, each a disc on the ground: every site
/// within its radius, every airport with a closure rule within its closure
/// radius (the distance at which a drone seen closes it).
std::vector<ProtectedPlace> protectedPlaces(const scenario::Scenario& scenario) {
    std::vector<ProtectedPlace> places;
    auto add = [&](const std::string& id, core::Vec2 at, double radius) {
        if (radius <= 0.0) return;
        ProtectedPlace place{id, {}};
        place.region.circles.push_back({at, radius});
        places.push_back(std::move(place));
    };
    for (const scenario::Site& site : scenario.sites)
        add(site.id, site.at, site.radius);
    for (const scenario::Airport& airport : scenario.airports)
        if (airport.closure) add(airport.id, airport.at, airport.closure->radius);
    return places;
}

/// Minutes a drone spent in the air within a place, whatever the rules, from
/// its take-off to its landing or `until`. A piece of a plan is flown at
/// constant speed: its time inside is its share of the length inside.
double minutesNear(const sim::Drone& d, const core::Region& place, core::Instant until) {
    if (d.departedAt < 0) return 0.0;
    const core::Instant end = d.landedAt >= 0 ? std::min(d.landedAt, until) : until;
    double millis = 0.0;
    for (const sim::Segment& s : d.plan) {
        const core::Instant t0 = std::max(s.t0, d.departedAt), t1 = std::min(s.t1, end);
        if (t1 <= t0) continue;
        // where the drone was at the start and the end of the stretch flown
        const auto at = [&](core::Instant t) {
            if (s.t1 <= s.t0) return s.p0;
            return s.p0 + (s.p1 - s.p0) * (static_cast<double>(t - s.t0) / static_cast<double>(s.t1 - s.t0));
        };
        const core::Vec2 a = at(t0), b = at(t1);
        const double length = core::distance(a, b), span = static_cast<double>(t1 - t0);
        if (length <= 0.0) { // hovering, turning, climbing or descending on the spot
            if (core::contains(place, a)) millis += span;
            continue;
        }
        for (const core::Interval& inside : core::insideIntervals(place, a, b))
            millis += (inside.leave - inside.enter) / length * span;
    }
    return millis / 60000.0;
}

/// Per flight: its one final outcome and its flags, from the ledger, and the yardstick's minutes
/// near the places to protect.
void countFlights(const scenario::Scenario& scenario, const sim::World& world, Metrics& m) {
    // the yardstick's places, and the time flown so far
    const std::vector<ProtectedPlace> places = protectedPlaces(scenario);
    const core::Instant flownUntil = std::min(world.now, scenario.time.end);
    m.total.protects = !places.empty();
    // each place's row, even with nothing to count (a site and an airport of one id share it)
    std::vector<Counts*> placeCounts;
    for (const ProtectedPlace& p : places) {
        Counts& c = m.byPlace[p.id];
        c.protects = true;
        c.defence = world.defence.active;
        placeCounts.push_back(&c);
    }

    for (std::size_t i = 0; i < world.drones.size(); ++i) {
        const sim::Drone& d = world.drones[i];
        const sim::FlightPlan& fp = world.flights[i];
        if (!isPlanned(scenario, fp)) continue;
        const FlightLedger f = ledgerOf(scenario, fp, d);
        // legitimate flights the rules cost something: held, diverted or stopped
        const bool legitimate = fp.behaviour == scenario::Behaviour::Compliant;
        const bool held = d.phase == sim::Phase::Waiting;
        const bool disrupted = legitimate && (f.rerouted || f.waited || f.denied || f.delaySeconds > 0.0 ||
                                              held || f.outcome == FinalOutcome::Cancelled ||
                                              f.outcome == FinalOutcome::Caught);
        // summed over the places: a minute near two places that overlap counts twice
        double nearMinutes = 0.0;
        for (std::size_t k = 0; k < places.size(); ++k) {
            const double minutes = minutesNear(d, places[k].region, flownUntil);
            placeCounts[k]->nearProtectedMinutes += minutes;
            nearMinutes += minutes;
        }
        Counts& cat = m.byCategory[fp.flight.category];
        for (Counts* c : {&m.total, &cat}) {
            ++c->planned;
            c->nearProtectedMinutes += nearMinutes;
            switch (f.outcome) {
            case FinalOutcome::Flown: ++c->flown; break;
            case FinalOutcome::Caught: ++c->caught; break;
            case FinalOutcome::Violated: ++c->violated; break;
            case FinalOutcome::Neutralised: ++c->neutralised; break;
            case FinalOutcome::Cancelled: ++c->cancelled; break;
            case FinalOutcome::Pending: ++c->pending; break;
            }
            if (f.tookOff) ++c->tookOff, c->delayMinutes += f.delaySeconds / 60.0;
            c->authorised += f.authorised ? 1 : 0;
            c->denied += f.denied ? 1 : 0;
            c->rerouted += f.rerouted ? 1 : 0;
            c->waited += f.waited ? 1 : 0;
            if (d.violations > 0) ++c->violating;
            if (disrupted) ++c->disrupted;
        }
    }
}

/// Per event: violations, reroutes, authorisations, near misses, entries; and the flights each zone
/// had violating it or disrupted.
void countEvents(const scenario::Scenario& scenario, const sim::World& world,
                 std::span<const sim::Event> events, Metrics& m) {
    std::map<int, std::set<int>> violatorsByZone, disruptedByZone; // flights by zone
    for (const sim::Event& e : events) {
        Counts* cat = e.flight < 0
                          ? nullptr
                          : &m.byCategory[world.flights[static_cast<std::size_t>(e.flight)].flight.category];
        Counts* zone = e.zone < 0 ? nullptr : &m.byZone[zoneId(scenario, e.zone)];
        auto each = [&](auto&& f) {
            f(m.total);
            if (cat) f(*cat);
            if (zone) f(*zone);
        };
        switch (e.type) {
        case EventType::ViolationStart:
            each([](Counts& c) { ++c.violations; });
            if (zone) violatorsByZone[e.zone].insert(e.flight);
            break;
        case EventType::ViolationEnd: each([&](Counts& c) { c.violationMinutes += e.value / 60.0; }); break;
        case EventType::Reroute:
            each([&](Counts& c) { c.extraKm += e.value / 1000.0; });
            if (zone) disruptedByZone[e.zone].insert(e.flight);
            break;
        case EventType::AuthorisationRequested: each([](Counts& c) { ++c.authorisationsRequested; }); break;
        case EventType::AuthorisationGranted: each([](Counts& c) { ++c.authorisationsGranted; }); break;
        case EventType::AuthorisationDenied: each([](Counts& c) { ++c.authorisationsDenied; }); break;
        case EventType::NearMiss: {
            // a summary (no other flight) stands for the near misses of a check past those it lists
            const int n = e.other < 0 ? static_cast<int>(e.value) : 1;
            m.total.nearMisses += n;
            if (cat) cat->nearMisses += n;
            break;
        }
        case EventType::ZoneEntry:
            if (zone) ++zone->entries;
            break;
        case EventType::Cancellation:
        case EventType::Wait:
            if (zone) disruptedByZone[e.zone].insert(e.flight);
            break;
        default: break;
        }
    }
    for (auto& [z, flights] : violatorsByZone)
        m.byZone[zoneId(scenario, z)].violating = static_cast<int>(flights.size());
    for (auto& [z, flights] : disruptedByZone)
        m.byZone[zoneId(scenario, z)].disrupted = static_cast<int>(flights.size());
}

/// The authorities' queues, from the requests' events: each request to a zone with a capacity, how
/// long it waited to be taken up and how many requests were ahead of it (so the longest queue: a
/// request that waits finds the queue as long as those ahead of it, itself included).
void countQueues(const scenario::Scenario& scenario, const sim::World& world,
                 std::span<const sim::Event> events, Metrics& m) {
    const bool queues = std::any_of(scenario.zones.begin(), scenario.zones.end(),
                                    [](const scenario::Zone& z) { return z.capacity.has_value(); });
    if (!queues) return;
    m.total.queues = true;
    for (auto& [id, c] : m.byCategory)
        c.queues = true;
    for (auto& [id, c] : m.byZone)
        c.queues = true;
    for (const sim::Event& e : events) {
        if (e.type != EventType::AuthorisationRequested || e.reason != sim::EventReason::AnswerDue) continue;
        if (!scenario.zones[static_cast<std::size_t>(e.zone)].capacity) continue;
        const double wait = e.value / 60.0;
        for (Counts* c :
             {&m.total, &m.byCategory[world.flights[static_cast<std::size_t>(e.flight)].flight.category],
              &m.byZone[zoneId(scenario, e.zone)]}) {
            ++c->queued;
            c->queueWaitMinutes += wait;
            c->longestQueueWait = std::max(c->longestQueueWait, wait);
            c->longestQueue = std::max(c->longestQueue, static_cast<int>(e.count));
        }
    }
}

} // namespace

Metrics computeMetrics(const scenario::Scenario& scenario, const sim::World& world,
                       std::span<const sim::Event> events) {
    Metrics m;
    // every category and zone appears, even with nothing to count
    for (const auto& c : scenario.categories)
        m.byCategory[c.id];
    for (const auto& z : scenario.zones)
        m.byZone[z.id];
    countFlights(scenario, world, m);
    countEvents(scenario, world, events, m);
    countDefence(scenario, world, events, m);
    countQueues(scenario, world, events, m);
    // by zone, cancellations and waits are what the zone caused
    for (const sim::Event& e : events) {
        if (e.zone < 0) continue;
        if (e.type == EventType::Cancellation) ++m.byZone[zoneId(scenario, e.zone)].cancelled;
        if (e.type == EventType::Reroute) ++m.byZone[zoneId(scenario, e.zone)].rerouted;
        if (e.type == EventType::Wait) ++m.byZone[zoneId(scenario, e.zone)].waited;
    }
    // one final outcome a flight: they add up (tests/report/ledger_test.cpp checks it on real runs)
    assert(addsUp(m.total));
    return m;
}

static std::string number(double v) {
    return core::figure(v, 2);
}

std::vector<ExpectationResult> checkExpectations(const scenario::Scenario& scenario, const sim::World& world,
                                                 const Metrics& metrics) {
    std::vector<ExpectationResult> out;
    for (const scenario::Expectation& e : scenario.expectations) {
        if (!e.appliesTo(scenario.variant)) continue;
        ExpectationResult r;
        r.expectation = e;
        if (!e.flight.empty()) {
            // a flight's outcome, and optionally a metric of it
            const auto it = std::find_if(world.flights.begin(), world.flights.end(),
                                         [&](const sim::FlightPlan& f) { return f.flight.id == e.flight; });
            if (it == world.flights.end()) {
                r.actual = "flight '" + e.flight + "' is not in this run";
            } else {
                // an outcome word, a flag word or "allowed" (report::matchesOutcomeWord)
                const sim::Drone& d = world.drones[static_cast<std::size_t>(it - world.flights.begin())];
                const FlightLedger f = ledgerOf(scenario, *it, d);
                const std::string outcome(name(f.outcome));
                r.passed = e.outcome.empty() || matchesOutcomeWord(f, e.outcome);
                if (e.outcome.empty() || e.outcome == outcome)
                    r.actual = "flight '" + e.flight + "' was " + describe(f);
                else if (r.passed)
                    r.actual = "flight '" + e.flight + "' was " + e.outcome + " (outcome: " + outcome + ")";
                else
                    r.actual = "flight '" + e.flight + "' was " + describe(f) + ", not " + e.outcome;
            }
            out.push_back(r);
            continue;
        }
        // a zone removed by a variant counts nothing
        static const Counts kNothing;
        auto find = [](const std::map<std::string, Counts>& m, const std::string& k) -> const Counts& {
            auto it = m.find(k);
            return it == m.end() ? kNothing : it->second;
        };
        const Counts& c = !e.zone.empty() ? find(metrics.byZone, e.zone)
                          : !e.category.empty() ? find(metrics.byCategory, e.category)
                                                : metrics.total;
        const double v = metricValue(c, e.metric);
        r.passed = (!e.atLeast || v >= *e.atLeast) && (!e.atMost || v <= *e.atMost) && (!e.equals || v == *e.equals);
        // `flown` counted the flights that took off before the ledger (now `took_off`): say what it counts
        const std::string meaning = e.metric == "flown" ? " (took off and kept every rule)" : "";
        r.actual = e.metric + meaning + (e.zone.empty() ? "" : " in zone '" + e.zone + "'") +
                   (e.category.empty() ? "" : " of " + e.category) + " = " + number(v);
        out.push_back(r);
    }
    return out;
}

} // namespace nofly::report
