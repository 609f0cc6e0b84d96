#include "report/run_record.hpp"

#include "report/ledger.hpp"
#include "sim/simulation.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <set>
#include <string_view>
#include <unordered_map>

namespace nofly::report {

using sim::EventType;

bool addsUp(const Counts& c) {
    return c.flown + c.caught + c.violated + c.neutralised + c.cancelled + c.pending == c.planned &&
           c.flown + c.caught + c.violated + c.neutralised == c.tookOff;
}

double metricValue(const Counts& c, const std::string& metric) {
    auto mean = [](double sum, int n) { return n > 0 ? sum / n : 0.0; };
    if (metric == "planned") return c.planned;
    // final outcomes
    if (metric == "flown") return c.flown;
    if (metric == "caught") return c.caught;
    if (metric == "violated") return c.violated;
    if (metric == "neutralised") return c.neutralised;
    if (metric == "cancelled") return c.cancelled;
    if (metric == "pending") return c.pending;
    if (metric == "took_off") return c.tookOff;
    // flags
    if (metric == "authorised") return c.authorised;
    if (metric == "denied") return c.denied;
    if (metric == "rerouted") return c.rerouted;
    if (metric == "waited") return c.waited;
    if (metric == "delay_minutes") return c.delayMinutes;
    if (metric == "mean_delay_minutes") return mean(c.delayMinutes, c.tookOff);
    if (metric == "violating") return c.violating;
    if (metric == "violations") return c.violations;
    if (metric == "violation_minutes") return c.violationMinutes;
    if (metric == "extra_km") return c.extraKm;
    if (metric == "authorisations_requested") return c.authorisationsRequested;
    if (metric == "authorisations_granted") return c.authorisationsGranted;
    if (metric == "authorisations_denied") return c.authorisationsDenied;
    if (metric == "disrupted") return c.disrupted;
    if (metric == "near_misses") return c.nearMisses;
    if (metric == "detected") return c.detected;
    if (metric == "tracks") return c.tracks;
    if (metric == "unknown_tracks") return c.unknownTracks;
    if (metric == "harmless_unknown") return c.harmlessUnknown;
    if (metric == "confusion") return c.unknownTracks > 0 ? static_cast<double>(c.harmlessUnknown) / c.unknownTracks : 0.0;
    if (metric == "false_alarms") return c.falseAlarms;
    if (metric == "time_to_detect") return mean(c.detectSeconds, c.detectCount);
    if (metric == "time_to_identify") return mean(c.identifySeconds, c.identifyCount);
    if (metric == "time_to_respond") return mean(c.respondSeconds, c.respondCount);
    if (metric == "time_to_neutralise") return mean(c.neutraliseSeconds, c.neutraliseCount);
    if (metric == "closures") return c.closures;
    if (metric == "closure_minutes") return c.closureMinutes;
    if (metric == "manned_delayed") return c.mannedDelayed;
    if (metric == "manned_diverted") return c.mannedDiverted;
    if (metric == "manned_delay_minutes") return c.mannedDelayMinutes;
    if (metric == "responder_jobs") return c.responderJobs;
    if (metric == "responder_minutes") return c.responderMinutes;
    return 0.0;
}

std::string meanSecondsText(double sumSeconds, int count) {
    if (count <= 0) return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.0f s", sumSeconds / count);
    return text;
}

namespace {

/// Detection and response, from the events: the defence's view (tracks and
/// their classes) against the truth (the flight behind each track).
/// Flight id to its index in the world.
using FlightIndex = std::unordered_map<std::string_view, std::size_t>;

void countDefence(const scenario::Scenario& scenario, const sim::World& world,
                  std::span<const sim::Event> events, const FlightIndex& flightIndex, Metrics& m) {
    m.total.defence = world.defence.active;
    std::set<std::string> detected, unknown, identified, responded;
    std::map<std::string, core::Instant> closedAt, dispatchedAt;
    for (const sim::Event& e : events) {
        const auto it = flightIndex.find(e.flight);
        const sim::FlightPlan* fp = it == flightIndex.end() ? nullptr : &world.flights[it->second];
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
            if (e.other == "unknown" && unknown.insert(e.track).second) {
                const scenario::Category* category = fp ? scenario.category(fp->flight.category) : nullptr;
                const bool harmless = fp && fp->behaviour != scenario::Behaviour::Hostile && category &&
                                      category->kind != scenario::OperatorKind::State;
                each([&](Counts& c) { ++c.unknownTracks, c.harmlessUnknown += harmless ? 1 : 0; });
            }
            if (e.other == "identified" && identified.insert(e.track).second)
                each([&](Counts& c) { c.identifySeconds += e.value, ++c.identifyCount; });
            break;
        case EventType::SiteClosed:
            ++m.total.closures;
            closedAt[e.site] = e.time;
            break;
        case EventType::SiteReopened:
            m.total.closureMinutes += e.value / 60.0;
            closedAt.erase(e.site);
            break;
        case EventType::MannedDelayed:
            ++m.total.mannedDelayed;
            m.total.mannedDelayMinutes += e.value / 60.0;
            break;
        case EventType::MannedDiverted: ++m.total.mannedDiverted; break;
        case EventType::Dispatch:
            each([](Counts& c) { ++c.responderJobs; });
            dispatchedAt[e.actor] = e.time;
            break;
        case EventType::ResponderArrived: // the first arrival at each track
            if (responded.insert(e.track).second) each([&](Counts& c) { c.respondSeconds += e.value, ++c.respondCount; });
            break;
        case EventType::Neutralised:
            // the drone's outcome is counted with the others (computeMetrics); here its time
            each([&](Counts& c) { c.neutraliseSeconds += e.value, ++c.neutraliseCount; });
            [[fallthrough]];
        case EventType::NeutraliseFailed:
            if (auto d = dispatchedAt.find(e.actor); d != dispatchedAt.end()) {
                m.total.responderMinutes += static_cast<double>(e.time - d->second) / 60000.0;
                dispatchedAt.erase(d);
            }
            break;
        default: break;
        }
    }
    // still closed, or still at work, when the run ends
    const core::Instant end = std::min(world.now, scenario.time.end);
    for (const auto& [site, at] : closedAt)
        m.total.closureMinutes += static_cast<double>(std::max<core::Instant>(end - at, 0)) / 60000.0;
    for (const auto& [actor, at] : dispatchedAt)
        m.total.responderMinutes += static_cast<double>(std::max<core::Instant>(end - at, 0)) / 60000.0;
}

} // namespace

Metrics computeMetrics(const scenario::Scenario& scenario, const sim::World& world,
                       std::span<const sim::Event> events) {
    Metrics m;
    // every category and zone appears, even with nothing to count
    for (const auto& c : scenario.categories) m.byCategory[c.id];
    for (const auto& z : scenario.zones) m.byZone[z.id];

    // per flight: its one final outcome and its flags, from the ledger
    // (looked up once an event: hashed, the window counts thousands of flights a few times a second)
    FlightIndex flightIndex;
    flightIndex.reserve(world.drones.size());
    for (std::size_t i = 0; i < world.drones.size(); ++i) {
        const sim::Drone& d = world.drones[i];
        const sim::FlightPlan& fp = world.flights[i];
        flightIndex[fp.flight.id] = i;
        if (!isPlanned(scenario, fp)) continue;
        const FlightLedger f = ledgerOf(scenario, fp, d);
        // legitimate flights the rules cost something: held, diverted or stopped
        const bool legitimate = fp.behaviour == scenario::Behaviour::Compliant;
        const bool held = d.phase == sim::Phase::Waiting;
        const bool disrupted = legitimate && (f.rerouted || f.waited || f.denied || f.delaySeconds > 0.0 ||
                                              held || f.outcome == FinalOutcome::Cancelled ||
                                              f.outcome == FinalOutcome::Caught);
        Counts& cat = m.byCategory[fp.flight.category];
        for (Counts* c : {&m.total, &cat}) {
            ++c->planned;
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

    // per event: violations, reroutes, authorisations, near misses, entries
    std::map<std::string, std::set<std::string>> violatorsByZone, disruptedByZone;
    for (const sim::Event& e : events) {
        const auto it = flightIndex.find(e.flight);
        Counts* cat = it == flightIndex.end() ? nullptr : &m.byCategory[world.flights[it->second].flight.category];
        Counts* zone = e.zone.empty() ? nullptr : &m.byZone[e.zone];
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
            const int n = e.other.empty() ? static_cast<int>(e.value) : 1;
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
    countDefence(scenario, world, events, flightIndex, m);
    for (auto& [id, flights] : violatorsByZone) m.byZone[id].violating = static_cast<int>(flights.size());
    for (auto& [id, flights] : disruptedByZone) m.byZone[id].disrupted = static_cast<int>(flights.size());
    // by zone, cancellations and waits are what the zone caused
    for (const sim::Event& e : events) {
        if (e.zone.empty()) continue;
        if (e.type == EventType::Cancellation) ++m.byZone[e.zone].cancelled;
        if (e.type == EventType::Reroute) ++m.byZone[e.zone].rerouted;
        if (e.type == EventType::Wait) ++m.byZone[e.zone].waited;
    }
    // one final outcome a flight: they add up (tests/report/ledger_test.cpp checks it on real runs)
    assert(addsUp(m.total));
    return m;
}

static std::string number(double v) {
    char buffer[32];
    if (std::abs(v - std::round(v)) < 1e-9) std::snprintf(buffer, sizeof buffer, "%.0f", v);
    else std::snprintf(buffer, sizeof buffer, "%.2f", v);
    return buffer;
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
