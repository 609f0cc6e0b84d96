// Every sentence about a run: the events' words and columns, the verdict
// cards' rules, the zones weighed, the answer of `nofly where`. The simulation
// records ids, reason codes and figures (sim/events.hpp, sim/verdict.hpp);
// this is the one place they become words people read, so that all the English
// of a run is here and the classroom's languages can plug in here.
//
// Each function takes the scenario and the world the record belongs to: the
// world at the record's moment or any later one (flights and tracks are only
// ever added, verdict cards kept).
#pragma once

#include "core/time.hpp"
#include "report/statistics.hpp"
#include "scenario/model.hpp"
#include "sim/events.hpp"
#include "sim/rules.hpp"
#include "sim/verdict.hpp"
#include "sim/world.hpp"

#include <string>
#include <utility>
#include <vector>

namespace nofly::report {

// --- the ids people read --------------------------------------------------------------

/// A flight's id ("park-3"); empty for none (-1).
std::string flightId(const sim::World& world, int flight);
/// A zone's id; empty for none.
std::string zoneId(const scenario::Scenario& scenario, int zone);
/// A track's name: "T1" for the first; empty for none.
std::string trackId(int track);
/// An airport's id; empty for none.
std::string siteId(const scenario::Scenario& scenario, int site);
/// The place an event is about, as the `site` column of events.csv writes it: its airport, or
/// the protected site a responder was sent to protect (a dispatch); empty for none.
std::string placeId(const scenario::Scenario& scenario, const sim::Event& event);

// --- events ----------------------------------------------------------------------------

/// The event's `actor` column: its sensor (detection) or responder's id.
std::string eventActor(const scenario::Scenario& scenario, const sim::Event& event);
/// The event's `other` column: the other flight of a near miss, "identified" or "unknown" for an
/// identification, "arrival due 22:15" for a plane; empty otherwise.
std::string eventOther(const scenario::Scenario& scenario, const sim::World& world, const sim::Event& event);
/// The event's sentence ("leaves Park after 3 min 20 s, 215 m inside at mid-stay").
std::string eventText(const scenario::Scenario& scenario, const sim::World& world, const sim::Event& event);

// --- verdict cards and the rules --------------------------------------------------------

/// The sentence of the rule that decided ("Prohibited by Park; no way around within the battery ...").
std::string ruleText(const scenario::Scenario& scenario, const sim::World& world,
                     const sim::Verdict& verdict);
/// The category of the card's flight, whose name its findings use; null for a site's card.
const scenario::Category* verdictCategory(const scenario::Scenario& scenario, const sim::World& world,
                                          const sim::Verdict& verdict);
/// Why a zone does or does not apply to a flight of `category` ("police are exempt", "prohibited, in
/// force 08:00-12:00, inside 09:10-09:14").
std::string findingText(const scenario::Scenario& scenario, const scenario::Category* category,
                        const sim::ZoneFinding& finding);
/// The one-sentence answer of `nofly where` ("No: Hobby pilots may not fly here then.").
std::string whereText(const scenario::Scenario& scenario, const sim::WhereAnswer& answer);

/// "08:00-12:00", "from 00:00 on 29 Sep", "at all times" or "at 09:00" for
/// messages, as core::formatInterval writes times for people.
std::string describeWindow(core::Instant from, core::Instant to, const core::TimeFrame& frame);

// --- comparisons -------------------------------------------------------------------------

/// How sure a difference between two policies is (report::pairedDifference),
/// in one sentence for a handout: "The interval leaves out zero: with 5 seeds
/// this difference is unlikely to be chance." or "With 5 seeds this
/// difference could be chance; about 20 seeds would separate it, if it holds
/// at this size." (the seeds from report::seedsToSeparate, as a round number).
std::string certaintyText(const Estimate& difference);
/// The same in a few words, for a table's column: "unlikely to be chance",
/// "could be chance (about 20 seeds would tell)".
std::string certaintyNote(const Estimate& difference);
/// How sure a policy's differences to the baseline are, together, in a few sentences above their
/// table: how many leave zero out, which could be chance, and about how many seeds would separate
/// them ("With 5 seeds, 18 of these 21 differences are unlikely to be chance: their intervals leave
/// zero out. The other 3 could be chance: rerouted, extra km flown and near misses; about 25 seeds
/// would separate them, if they hold at this size."). `differences`: each metric's label and its
/// difference, none the same in every seed.
std::string certaintySummary(const std::vector<std::pair<std::string, Estimate>>& differences);

} // namespace nofly::report
