// Loading a scenario: its timeline of events, the claims it makes about its
// outcome (expect:), the questions it asks the class, and the checks that
// look across sections once every section is read.
#include "scenario/detail/loader.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cmath>

namespace nofly::scenario::detail {

namespace {

/// "an airport", "a flight".
std::string withArticle(const std::string& kind) {
    return (std::string("aeiou").find(kind.front()) != std::string::npos ? "an " : "a ") + kind;
}

/// "a flight", "a flight or a zone", "a responder, a track or a flight".
std::string kindsText(const keys::List& kinds) {
    std::string out;
    for (std::size_t i = 0; i < kinds.size(); ++i)
        out += (i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ") + withArticle(kinds[i]);
    return out;
}

/// A defence track's id as the run numbers them: T1, T2, ...
bool isTrackId(const std::string& id) {
    return id.size() >= 2 && id[0] == 'T' && id[1] != '0' &&
           std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Why a choice can never answer a `first:` question about things of kind `about`, as a message and
/// a hint, or nothing when it can: 'none', or an id of that kind (`things`: the ids of each kind).
std::optional<std::pair<std::string, std::string>>
refuseSubject(const std::string& choice, const std::string& type, const std::string& about,
              const keys::List& kinds, const std::map<std::string, std::vector<std::string>>& things) {
    if (choice == "none") return std::nullopt;
    if (about == "track" && isTrackId(choice)) return std::nullopt;
    const auto known = [&](const std::string& kind, const std::string& id) {
        const auto it = things.find(kind);
        return it != things.end() && std::find(it->second.begin(), it->second.end(), id) != it->second.end();
    };
    if (known(about, choice)) return std::nullopt;

    // a thing of another kind: ask about that kind, if the event names it
    for (const auto& [kind, ids] : things) {
        if (std::find(ids.begin(), ids.end(), choice) == ids.end()) continue;
        const std::string what = "'" + choice + "' is " + withArticle(kind) + ", not " + withArticle(about) +
                                 ": the answer is " + withArticle(about) + " or 'none'";
        if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end())
            return std::pair{what, "to ask which " + kind + ", write 'about: " + kind + "'"};
        return std::pair{what, "a '" + type + "' event names " + kindsText(kinds)};
    }
    if (about == "track")
        return std::pair{"'" + choice + "' is not a track nor 'none'",
                         "the run numbers tracks as it finds them: T1, T2, ..."};
    std::vector<std::string> candidates = {"none"};
    if (const auto it = things.find(about); it != things.end())
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    return std::pair{"'" + choice + "' is not 'none' nor " + withArticle(about) + " of this scenario",
                     candidates.size() == 1 ? "this scenario has no " + about + "s"
                                            : core::suggestion(choice, candidates)};
}

} // namespace

void Loader::readTimeline() {
    IdsSeen seen;
    for (const Item& item : items(kTimeline.section)) {
        auto opened = open(item, kTimeline, seen);
        if (!opened) continue;
        const MapReader& m = opened->map;
        const std::string& what = opened->what;
        TimelineEvent event = opened->start<TimelineEvent>();
        if (auto at = m.require("at", "when it happens, such as 'at: 2025-09-28T18:00+02:00'"))
            event.at = readInstant(m_context, *at, what + " at").value_or(0);
        std::optional<EventType> type;
        if (auto e = m.require("event", "what happens: " + keys::alternatives(keys::kEventTypes)))
            type = readEnum<EventType>(m_context, *e, what + " event");
        if (type) event.type = *type;
        const bool needsZone =
            type == EventType::Announce || type == EventType::Activate || type == EventType::Deactivate;
        if (auto zone = needsZone ? m.require("zone", "the zone it concerns") : m.get("zone")) {
            if (auto z = readId(m_context, *zone, what + " zone")) {
                event.zone = *z;
                m_refs["zone"].push_back(*zone);
                m_refIds["zone"].push_back(*z);
            }
        }
        if (auto notice =
                type == EventType::Announce
                    ? m.require("notice", "how long before the zone takes effect, such as 'notice: 12 h'")
                    : m.get("notice")) {
            if (auto d = readPositive(m_context, *notice, what + " notice", Dimension::Duration, true))
                event.notice = static_cast<Millis>(std::llround(*d * 1000.0));
        }
        if (auto position = type == EventType::Sighting ? m.require("position", "where the drone was seen")
                                                        : m.get("position"))
            if (auto p = readPosition(*position, what + " position")) event.position = p->local;
        if (auto genuine = m.get("genuine"))
            event.genuine = readBool(m_context, *genuine, what + " genuine").value_or(true);
        if (auto text = m.get("text")) event.text = readString(m_context, *text, what + " text").value_or("");
        if (auto illustrative = m.get("illustrative")) {
            // true or false, or 'time': what the entry says happened, but not at this hour
            const std::string word = illustrative->node.IsScalar() ? illustrative->node.Scalar() : "";
            std::string lower = word;
            for (char& c : lower)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (word == "time") {
                event.illustrative = Illustrative::Time;
            } else if (!illustrative->node.IsScalar() || lower == "true" || lower == "false" ||
                       lower == "yes" || lower == "no") {
                if (readBool(m_context, *illustrative, what + " illustrative").value_or(false))
                    event.illustrative = Illustrative::Entry;
            } else {
                m_context.error(*illustrative,
                                what + " illustrative: " + core::quoted(word) + " is not true, false or time",
                                "write true when the entry is invented, time when only its time is");
            }
        }
        if (auto source = m.get("source"))
            event.source = readString(m_context, *source, what + " source").value_or("");
        m_scenario.timeline.push_back(event);
    }
    std::stable_sort(m_scenario.timeline.begin(), m_scenario.timeline.end(),
                     [](const TimelineEvent& a, const TimelineEvent& b) { return a.at < b.at; });
}

void Loader::readExpectations() {
    IdsSeen none; // expectations have no id
    for (const Item& item : items(kExpectations.section)) {
        auto opened = open(item, kExpectations, none);
        if (!opened) continue;
        const MapReader& m = opened->map;
        const std::string& what = opened->what;
        Expectation e = opened->start<Expectation>();
        if (auto metric = m.get("metric"))
            e.metric = readWord(m_context, *metric, what + " metric", keys::kMetrics).value_or("");
        if (auto outcome = m.get("outcome"))
            e.outcome = readWord(m_context, *outcome, what + " outcome", keys::kExpectOutcomes).value_or("");
        if (auto category = m.get("category")) e.category = categoryRef(*category, what + " category");
        if (auto zone = m.get("zone")) {
            if (auto z = readId(m_context, *zone, what + " zone")) {
                e.zone = *z;
                m_refs["zone"].push_back(*zone);
                m_refIds["zone"].push_back(*z);
            }
        }
        if (auto flight = m.get("flight")) {
            if (auto f = readId(m_context, *flight, what + " flight")) {
                e.flight = *f;
                m_refs["flight"].push_back(*flight);
                m_refIds["flight"].push_back(*f);
            }
        }
        if (auto variant = m.get("variant")) {
            std::vector<std::string> names = {std::string(kBaseVariant)};
            for (const Variant& v : m_scenario.variants)
                names.push_back(v.id);
            for (const Source& word : readWords(m_context, *variant, what + " variant"))
                if (auto w = readWord(m_context, word, what + " variant", names)) e.variants.push_back(*w);
        }
        for (const char* bound : {"at_least", "at_most", "equals"}) {
            auto b = m.get(bound);
            if (!b) continue;
            auto v = readNumber(m_context, *b, what + " " + bound);
            if (!v) continue;
            if (std::string(bound) == "at_least")
                e.atLeast = v;
            else if (std::string(bound) == "at_most")
                e.atMost = v;
            else
                e.equals = v;
        }
        // a claim needs something to measure and a bound, or a flight and its outcome
        const bool boundGiven = e.atLeast || e.atMost || e.equals;
        if (!e.outcome.empty() && e.flight.empty())
            m_context.error(item.source, what + " names an outcome but no flight", "add 'flight: <id>'");
        else if (e.outcome.empty() && e.metric.empty())
            m_context.error(
                item.source, what + " says neither 'metric' nor 'outcome'",
                "write for example '{metric: cancelled, category: hobby, at_least: 30}' or '{flight: f1, "
                "outcome: cancelled}'");
        else if (!e.metric.empty() && !boundGiven)
            m_context.error(item.source, what + " for '" + e.metric + "' gives no bound",
                            "add 'at_least', 'at_most' or 'equals'");
        if (e.atLeast && e.atMost && *e.atMost < *e.atLeast)
            m_context.error(item.source, what + ": at_most is below at_least", "no result could pass");
        m_scenario.expectations.push_back(e);
    }
}

// --- questions ----------------------------------------------------------------

/// What a question may name, by kind: flights written out or generated, and what events name.
static std::map<std::string, std::vector<std::string>> questionSubjects(const Scenario& scenario) {
    std::map<std::string, std::vector<std::string>> things;
    std::vector<std::string>& flights = things["flight"];
    for (const Flight& f : scenario.flights)
        flights.push_back(f.id);
    for (const TrafficGenerator& g : scenario.traffic) {
        const std::size_t width = std::to_string(g.count).size();
        for (int n = 1; n <= g.count; ++n) {
            const std::string number = std::to_string(n);
            flights.push_back(g.id + "-" + std::string(width - number.size(), '0') + number);
        }
    }
    for (const Airport& a : scenario.airports)
        things["airport"].push_back(a.id);
    for (const Zone& z : scenario.zones)
        things["zone"].push_back(z.id);
    for (const Sensor& sensor : scenario.sensors)
        things["sensor"].push_back(sensor.id);
    for (const Responder& r : scenario.responders)
        things["responder"].push_back(r.id);
    // no event names a site (closures name airports): known only to say so
    for (const Site& site : scenario.sites)
        things["site"].push_back(site.id);
    return things;
}

void Loader::readQuestions() {
    const std::map<std::string, std::vector<std::string>> things = questionSubjects(m_scenario);
    IdsSeen seen;
    for (const Item& item : items(kQuestions.section)) {
        auto e = open(item, kQuestions, seen);
        if (!e) continue;
        const MapReader& m = e->map;
        const std::string& what = e->what;
        Question q = e->start<Question>();
        if (auto ask = m.require("ask", "the question as the class reads it, such as 'ask: Will the bridge "
                                        "inspection fly?'"))
            q.ask = readString(m_context, *ask, what + " ask").value_or("");
        const keys::List* kinds = readQuestionAnswer(*e, item, q, things);
        readQuestionChoices(*e, item, q, kinds, things);
        if (auto reveal = m.get("reveal")) {
            if (auto t = readInstant(m_context, *reveal, what + " reveal")) {
                q.reveal = *t;
                const int offset = m_scenario.time.utcOffsetMinutes;
                if (m_scenario.time.end > m_scenario.time.start &&
                    (*t < m_scenario.time.start || *t > m_scenario.time.end))
                    m_context.error(*reveal,
                                    what + " reveal: " + core::formatClock(*t, offset) +
                                        " is outside the scenario's time",
                                    "reveal between " + core::formatClock(m_scenario.time.start, offset) +
                                        " and " + core::formatClock(m_scenario.time.end, offset));
            }
        }
        m_scenario.questions.push_back(q);
    }
}

/// A question's answer: a flight's outcome, or what the first event of a type
/// names. Returns the kinds of thing that event names, for a `first:` question.
const keys::List* Loader::readQuestionAnswer(const Element& e, const Item& item, Question& q,
                                             const std::map<std::string, std::vector<std::string>>& things) {
    const MapReader& m = e.map;
    const std::string& what = e.what;
    const std::vector<std::string>& flights = things.at("flight");
    const auto flight = m.get("flight"), first = m.get("first"), about = m.get("about");
    if (flight && first) {
        m_context.error(*first, what + " has both 'flight' and 'first'",
                        "a question has one answer: keep one of them");
    } else if (!flight && !first && !m.hadUnknownKeys()) {
        m_context.error(
            item.source, what + " says neither 'flight' nor 'first'",
            "add 'flight: <id>' (the answer is that flight's outcome) or 'first: site_closed' (the "
            "answer is what the first event of that type names)");
    }
    if (flight) {
        if (auto f = readId(m_context, *flight, what + " flight")) {
            q.flight = *f;
            if (std::find(flights.begin(), flights.end(), *f) == flights.end())
                m_context.error(*flight, what + " flight: there is no flight '" + *f + "'",
                                flights.empty() ? "this scenario has no flights"
                                                : core::suggestion(*f, flights));
        }
        if (about && !first)
            m_context.error(*about, what + " about: only a 'first' question says what it asks about",
                            "the answer to a 'flight' question is that flight's outcome: remove 'about'");
    }

    // what a first event names: the kind asked about, or the first kind its events name
    const keys::List* kinds = nullptr;
    if (first) {
        q.first = readWord(m_context, *first, what + " first", keys::kEventLogTypes).value_or("");
        for (const auto& [type, subjects] : keys::kEventSubjects)
            if (type == q.first) kinds = &subjects;
    }
    if (kinds && about) {
        if (auto kind = readWord(m_context, *about, what + " about", keys::kQuestionSubjects)) {
            if (std::find(kinds->begin(), kinds->end(), *kind) != kinds->end())
                q.about = *kind;
            else
                m_context.error(*about, what + " about: a '" + q.first + "' event names no " + *kind,
                                "it names " + kindsText(*kinds));
        }
    } else if (kinds) {
        q.about = kinds->front();
    }
    return kinds;
}

/// The choices a question offers: outcome words for a flight, ids (or 'none')
/// of the kind asked about for a first event; a flight's final outcomes when
/// it lists none.
void Loader::readQuestionChoices(const Element& e, const Item& item, Question& q, const keys::List* kinds,
                                 const std::map<std::string, std::vector<std::string>>& things) {
    const std::string& what = e.what;
    const bool first = e.map.has("first");
    auto choices = e.map.get("choices");
    if (!choices) {
        if (first)
            m_context.error(item.source, what + " gives no choices",
                            "list the answers the class picks from, such as 'choices: [EKCH, EKBI, none]'");
        else
            q.choices.assign(keys::kFinalOutcomes.begin(), keys::kFinalOutcomes.end());
        return;
    }
    bool refused = false;
    for (const Source& c : readWords(m_context, *choices, what + " choices")) {
        std::optional<std::string> word;
        if (first) {
            word = readId(m_context, c, what + " choice");
            if (word && kinds && !q.about.empty()) {
                if (auto why = refuseSubject(*word, q.first, q.about, *kinds, things)) {
                    m_context.error(c, what + " choice: " + why->first, why->second);
                    refused = true;
                    continue;
                }
            }
        } else {
            word = readWord(m_context, c, what + " choice", keys::kExpectOutcomes);
        }
        if (!word) {
            refused = true;
            continue;
        }
        if (std::find(q.choices.begin(), q.choices.end(), *word) != q.choices.end()) {
            m_context.error(c, what + " choice: '" + *word + "' is written twice", "offer each answer once");
            continue;
        }
        q.choices.push_back(*word);
    }
    if (q.choices.size() == 1 && !refused)
        m_context.error(*choices, what + " offers a single choice", "offer at least two answers");
}

// --- references and warnings --------------------------------------------------

/// References to zones, events and flights declared anywhere in the file.
void Loader::checkReferences() {
    std::map<std::string, std::vector<std::string>> ids;
    for (const Zone& z : m_scenario.zones)
        ids["zone"].push_back(z.id);
    for (const Item& item : m_sections["zones"]) // zones that failed to load still exist as names
        if (!item.id.empty()) ids["zone"].push_back(item.id);
    for (const TimelineEvent& e : m_scenario.timeline)
        if (!e.id.empty()) ids["event"].push_back(e.id);
    for (const Flight& f : m_scenario.flights)
        ids["flight"].push_back(f.id);
    for (const Item& item : m_sections["flights"])
        if (!item.id.empty()) ids["flight"].push_back(item.id);
    const std::map<std::string, std::string> words = {
        {"zone", "zone"}, {"event", "timeline event"}, {"flight", "flight"}};
    for (const auto& [kind, uses] : m_refs) {
        const auto& known = ids[kind];
        for (std::size_t i = 0; i < uses.size(); ++i) {
            const std::string& id = m_refIds[kind][i];
            if (std::find(known.begin(), known.end(), id) != known.end()) continue;
            if (kind == "zone" && !m_options.variant.empty()) {
                // a variant that removes a zone may leave references to it: those are fine to drop
                if (m_context.removed("zones." + id)) continue;
            }
            m_context.error(uses[i], "there is no " + words.at(kind) + " '" + id + "'",
                            known.empty() ? "this scenario declares no " + words.at(kind) + " with an id"
                                          : core::suggestion(id, known));
        }
    }
}

/// What can be said only once every section is read: references, and zones
/// and flights the scenario's times make pointless.
void Loader::crossCheck() {
    checkReferences();
    const Instant start = m_scenario.time.start, end = m_scenario.time.end;
    if (end <= start) return;
    const int offset = m_scenario.time.utcOffsetMinutes;

    // when each zone is in force, by the one rule the simulation follows
    std::vector<std::vector<InForceWindow>> inForce;
    for (std::size_t z = 0; z < m_scenario.zones.size(); ++z)
        inForce.push_back(windowsInForce(m_scenario, z));

    // a zone never in force during the scenario
    for (std::size_t z = 0; z < m_scenario.zones.size(); ++z) {
        const Zone& zone = m_scenario.zones[z];
        const bool active = std::any_of(inForce[z].begin(), inForce[z].end(),
                                        [&](const InForceWindow& w) { return w.from < end && w.to > start; });
        if (!active)
            m_context.diagnostics().warning(zone.where,
                                            "zone '" + zone.id + "' is never active between " +
                                                core::formatInstant(start, offset) + " and " +
                                                core::formatInstant(end, offset),
                                            "check its 'active' times against the scenario's 'time'");
    }

    // a flight that takes off inside a prohibited zone that applies to it, by the rules the simulation
    // judges with (sim::judge): not exempt, no standing authorisation, no dispensation to ask for, within
    // the zone's heights (ground taken as sea level), in force and announced at the take-off time
    for (const Flight& flight : m_scenario.flights) {
        if (flight.route.empty()) continue;
        // an operator written as ignoring the rules flies anyway: that is the point of the flight
        if (flight.behaviour && *flight.behaviour != Behaviour::Compliant) continue;
        const Category* category = m_scenario.category(flight.category);
        for (std::size_t z = 0; z < m_scenario.zones.size(); ++z) {
            const Zone& zone = m_scenario.zones[z];
            if (zone.restriction != Restriction::Prohibited) continue;
            if (isExempt(zone, flight.category)) continue;
            if (category && holdsStandingAuthorisation(*category, zone)) continue;
            if (category && offersDispensation(zone, *category)) continue;
            if (flight.altitude.metres < zone.altitude.floor.metres) continue;
            if (zone.altitude.ceiling && flight.altitude.metres > zone.altitude.ceiling->metres) continue;
            const bool scheduled =
                std::any_of(inForce[z].begin(), inForce[z].end(), [&](const InForceWindow& w) {
                    return w.known <= flight.depart && w.from <= flight.depart && w.to > flight.depart;
                });
            if (scheduled && core::contains(zone.region, flight.route.front()))
                m_context.diagnostics().warning(
                    flight.where,
                    "flight '" + flight.id + "' takes off inside prohibited zone '" + zone.id + "'",
                    "it will not be allowed to fly, unless the zone ends before it departs");
        }
    }
}

} // namespace nofly::scenario::detail
