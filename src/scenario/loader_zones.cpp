// Loading a scenario: its zones, and when each is in force.
#include "scenario/detail/loader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace nofly::scenario::detail {

namespace {

/// What a capacity of 0 would mean, for its message.
const std::string kNoCapacity =
    "an authority that takes up no request answers none; leave 'capacity' out for "
    "one that takes every request up at once";

} // namespace

void Loader::readZones() {
    IdsSeen seen;
    const std::vector<Item> zones = items(kZones.section);
    if (const std::string problem = limits::zonesProblem(zones.size()); !problem.empty()) {
        m_context.error(zones[limits::kMaxZones].source, problem,
                        "split the scenario by region, or include only the zones of its area");
        return;
    }
    for (const Item& item : zones) {
        auto e = open(item, kZones, seen);
        if (!e) continue;
        const MapReader& m = e->map;
        const std::string& what = e->what;
        Zone zone = e->start<Zone>();
        bool restrictionRead = false; // else the checks that depend on it say nothing more
        if (auto restriction = m.require("restriction", keys::oneOf(keys::kRestrictions)))
            if (auto r = readEnum<Restriction>(m_context, *restriction, what + " restriction"))
                zone.restriction = *r, restrictionRead = true;
        if (auto reasons = m.get("reason")) {
            std::vector<Source> words;
            if (reasons->node.IsSequence())
                words = readList(m_context, *reasons, what + " reason");
            else
                words.push_back(*reasons);
            for (const Source& word : words)
                if (auto r = readEnum<Reason>(m_context, word, what + " reason")) zone.reasons.push_back(*r);
        }
        bool good = true;
        if (auto shape =
                m.require("shape", "its area, such as 'shape: {circle: {center: ..., radius: 5 km}}'")) {
            if (auto region = readShape(*shape, what + " shape", &zone.shapeKind))
                zone.region = std::move(*region);
            else
                good = false;
        } else {
            good = false;
        }
        if (auto altitude = m.get("altitude")) readZoneAltitude(*altitude, what, zone);
        if (auto active = m.get("active")) {
            if (auto a = readActivation(*active, what + " active")) zone.active = *a;
        }
        if (auto exempt = m.get("exempt"))
            for (const Source& word : readWords(m_context, *exempt, what + " exempt")) {
                std::string category = categoryRef(word, what + " exempt");
                if (!category.empty()) zone.exempt.push_back(category);
            }
        if (auto message = m.get("message"))
            zone.message = readString(m_context, *message, what + " message").value_or("");
        if (auto grant = m.get("grant"))
            if (auto g = readGrant(*grant, what + " grant")) zone.grant = std::move(*g);
        if (auto decision = m.get("decision")) readDecision(*decision, what + " decision", zone);
        // an authority's capacity: an authorisation zone's, or (under dispensations:) a prohibited zone's
        if (auto capacity = m.get("capacity")) {
            if (restrictionRead && zone.restriction != Restriction::Authorisation)
                m_context.error(
                    *capacity,
                    what + " capacity is for an authorisation zone; this one's restriction is " +
                        std::string(name(zone.restriction)),
                    zone.restriction == Restriction::Prohibited
                        ? "a prohibited zone takes requests only for dispensations: write "
                          "'dispensations: {capacity: 6 per hour}'"
                        : "only an authorisation zone, or a prohibited zone's dispensations, take "
                          "requests");
            else if (auto c = readPerHour(*capacity, what + " capacity", "decisions", "6", kNoCapacity))
                zone.capacity = *c;
        }
        if (auto dispensations = m.get("dispensations")) {
            if (restrictionRead && zone.restriction != Restriction::Prohibited)
                m_context.error(*dispensations,
                                what +
                                    " dispensations are for a prohibited zone; this one's restriction is " +
                                    std::string(name(zone.restriction)),
                                zone.restriction == Restriction::Authorisation
                                    ? "an authorisation zone says whom it grants with 'grant:', and how fast "
                                      "with 'capacity:' and 'decision:'"
                                    : "write 'restriction: prohibited', or leave 'dispensations' out");
            else
                readDispensations(m, *dispensations, what, zone);
        }
        if (!good) continue;
        m_scenario.zones.push_back(std::move(zone));
    }
}

/// Whom a zone grants to: category ids or the words that stand for groups of them.
std::optional<std::vector<std::string>> Loader::readGrant(const Source& source, const std::string& what) {
    std::vector<std::string> names = keys::kGrantWords;
    for (const Category& c : m_scenario.categories)
        names.push_back(c.id);
    std::vector<std::string> grant;
    bool good = true;
    for (const Source& word : readWords(m_context, source, what)) {
        if (auto w = readWord(m_context, word, what, names))
            grant.push_back(*w);
        else
            good = false;
    }
    if (!good) return std::nullopt;
    return grant;
}

/// How long an authority takes over a decision: a duration ('30 min'), or a mean and a spread
/// ('{mean: 30 min, spread: exponential}').
void Loader::readDecision(const Source& source, const std::string& what, Zone& zone) {
    const Source* mean = &source;
    std::optional<Source> written;
    if (source.node.IsMap()) {
        MapReader d(m_context, source, what, keys::kDecision);
        if (!d.ok()) return;
        if (auto spread = d.get("spread"))
            if (auto s = readEnum<DecisionSpread>(m_context, *spread, what + " spread")) zone.spread = *s;
        written = d.require("mean", "the mean time to answer a request, such as 'mean: 30 min'");
        if (!written) return;
        mean = &*written;
    }
    const std::string label = source.node.IsMap() ? what + " mean" : what;
    if (auto d = readPositive(m_context, *mean, label, Dimension::Duration, true))
        zone.decision = static_cast<Millis>(std::llround(*d * 1000.0));
}

/// A prohibited zone's dispensations: whom they are for (by default urgent, socially critical
/// work), and the authority that decides them.
void Loader::readDispensations(const MapReader& m, const Source& source, const std::string& what,
                               Zone& zone) {
    // whom and how fast are the dispensations' own: the zone's own keys would say it twice
    for (const char* key : {"grant", "decision"})
        if (auto own = m.get(key))
            m_context.error(
                *own,
                what + " " + key + " beside 'dispensations': a prohibited zone grants only dispensations",
                "write it under 'dispensations:', such as 'dispensations: {" + std::string(key) + ": ...}'");
    MapReader d(m_context, source, what + " dispensations", keys::kDispensations);
    if (!d.ok()) return;
    zone.dispensations = true;
    zone.grant = {"critical"};
    if (auto grant = d.get("grant"))
        if (auto g = readGrant(*grant, what + " dispensations grant")) zone.grant = std::move(*g);
    if (auto capacity = d.get("capacity"))
        if (auto c = readPerHour(*capacity, what + " dispensations capacity", "decisions", "6", kNoCapacity))
            zone.capacity = *c;
    if (auto decision = d.get("decision")) readDecision(*decision, what + " dispensations decision", zone);
}

/// The heights a zone covers: a floor, and a ceiling above it or 'unlimited'.
void Loader::readZoneAltitude(const Source& source, const std::string& what, Zone& zone) {
    MapReader a(m_context, source, what + " altitude", keys::kAltitudeBand);
    if (!a.ok()) return;
    if (auto floor = a.get("floor"))
        if (auto v = readAltitude(m_context, *floor, what + " altitude floor")) zone.altitude.floor = *v;
    if (auto ceiling = a.get("ceiling")) {
        if (ceiling->node.IsScalar() && ceiling->node.Scalar() == "unlimited") {
            zone.altitude.ceiling.reset();
        } else if (auto v = readAltitude(m_context, *ceiling, what + " altitude ceiling")) {
            zone.altitude.ceiling = *v;
            if (v->ref == zone.altitude.floor.ref && v->metres <= zone.altitude.floor.metres)
                m_context.error(*ceiling,
                                what + " ceiling (" + ceiling->node.Scalar() + ") is not above its floor",
                                "the ceiling must be higher than the floor");
        }
    }
}

// --- time windows ---------------------------------------------------------------

/// One window of time, {from, to}, either end open; nothing when it has neither
/// or cannot be read (then `good` is cleared).
std::optional<TimeWindow> Loader::readWindow(const MapReader& w, const std::string& label, bool& good) {
    auto from = w.get("from");
    auto to = w.get("to");
    if (!from && !to) return std::nullopt;
    TimeWindow window{std::numeric_limits<Instant>::min() / 2, std::numeric_limits<Instant>::max() / 2};
    if (from) {
        auto t = readInstant(m_context, *from, label + " from");
        if (!t) return good = false, std::nullopt;
        window.from = *t;
    }
    if (to) {
        auto t = readInstant(m_context, *to, label + " to");
        if (!t) return good = false, std::nullopt;
        window.to = *t;
    }
    if (from && to && window.to <= window.from) {
        m_context.error(
            *to, label + " ends (" + to->node.Scalar() + ") before it starts (" + from->node.Scalar() + ")",
            "'to' must be later than 'from'");
        good = false;
        return std::nullopt;
    }
    return window;
}

std::optional<Activation> Loader::readActivation(const Source& source, const std::string& what) {
    MapReader a(m_context, source, what, keys::kActive);
    if (!a.ok()) return std::nullopt;
    Activation out;
    bool good = true;

    if (auto window = readWindow(a, what, good)) out.windows.push_back(*window);
    if (auto windows = a.get("windows")) {
        auto list = readList(m_context, *windows, what + " windows");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string label = what + " window " + std::to_string(i + 1);
            MapReader w(m_context, list[i], label, keys::kWindow);
            if (!w.ok()) {
                good = false;
                continue;
            }
            if (!w.has("from") && !w.has("to")) {
                m_context.error(list[i], label + " has neither 'from' nor 'to'");
                good = false;
                continue;
            }
            if (auto window = readWindow(w, label, good)) out.windows.push_back(*window);
        }
    }
    if (auto weekly = a.get("weekly")) {
        auto list = readList(m_context, *weekly, what + " weekly");
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (auto slot = readWeeklySlot(list[i], what + " weekly slot " + std::to_string(i + 1)))
                out.weekly.push_back(*slot);
            else
                good = false;
        }
    }
    if (auto after = a.get("after")) {
        if (auto id = readId(m_context, *after, what + " after")) {
            out.afterEvent = *id;
            m_refs["event"].push_back(*after);
            m_refIds["event"].push_back(*id);
        } else {
            good = false;
        }
    }
    if (auto duration = a.get("for")) {
        if (!a.has("after"))
            m_context.error(*duration, what + " 'for' needs 'after'",
                            "'for: 4 h' counts from the event named by 'after'");
        if (auto d = readPositive(m_context, *duration, what + " for", Dimension::Duration))
            out.eventDuration = static_cast<Millis>(std::llround(*d * 1000.0));
        else
            good = false;
    }
    if (!good) return std::nullopt;
    return out;
}

/// A slot of a weekly timetable: days, and clock times from and to (past
/// midnight when `to` is not after `from`).
std::optional<WeeklySlot> Loader::readWeeklySlot(const Source& source, const std::string& label) {
    MapReader w(m_context, source, label, keys::kWeekly);
    if (!w.ok()) return std::nullopt;
    WeeklySlot slot;
    bool good = true;
    auto days = w.require("days", "such as 'days: [mon, tue, wed]' or 'days: weekdays'");
    if (days) {
        std::vector<Source> words;
        if (days->node.IsSequence())
            words = readList(m_context, *days, label + " days");
        else
            words.push_back(*days);
        for (const Source& word : words) {
            auto day = readWord(m_context, word, label + " days", keys::kDays);
            if (!day) {
                good = false;
                continue;
            }
            if (*day == "weekdays")
                slot.days.insert(slot.days.end(), {0, 1, 2, 3, 4});
            else if (*day == "weekend")
                slot.days.insert(slot.days.end(), {5, 6});
            else if (*day == "daily")
                slot.days.insert(slot.days.end(), {0, 1, 2, 3, 4, 5, 6});
            else
                slot.days.push_back(static_cast<int>(*keys::indexOf(keys::kDays, *day))); // mon is 0
        }
    }
    // clock times of day: parse against a midnight start
    auto clock = [&](const char* key, Millis fallback) -> std::optional<Millis> {
        auto s = w.get(key);
        if (!s) return fallback;
        core::TimeContext midnight{0, 0, true};
        if (!s->node.IsScalar()) {
            m_context.error(*s, label + " " + key + " must be a clock time such as '08:00'");
            return std::nullopt;
        }
        if (s->node.Scalar() == "24:00") return 24LL * 3600 * 1000;
        auto parsed = core::parseInstant(s->node.Scalar(), midnight);
        auto* t = std::get_if<core::Instant>(&parsed);
        if (!t || s->node.Scalar().find(':') == std::string::npos || s->node.Scalar().size() > 8) {
            m_context.error(*s, label + " " + key + ": '" + s->node.Scalar() + "' is not a clock time",
                            "write a time of day such as '08:00' or '17:30'");
            return std::nullopt;
        }
        return *t;
    };
    auto from = clock("from", 0);
    auto to = clock("to", 24LL * 3600 * 1000);
    if (!from || !to || !good) return std::nullopt;
    slot.from = *from;
    slot.to = *to <= *from ? *to + 24LL * 3600 * 1000 : *to; // runs past midnight
    std::sort(slot.days.begin(), slot.days.end());
    slot.days.erase(std::unique(slot.days.begin(), slot.days.end()), slot.days.end());
    return slot;
}

} // namespace nofly::scenario::detail
