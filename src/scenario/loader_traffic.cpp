// Loading a scenario: who flies (operator categories), the flights written
// out one by one, and the traffic generated from a few numbers.
#include "scenario/detail/loader.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace nofly::scenario::detail {

namespace {

std::vector<Category> builtInCategories() {
    // Defaults for who knows and follows the rules; a scenario may change them.
    auto make = [](const char* id, const char* name, OperatorKind kind, double aware, double comply,
                   bool critical) {
        Category c;
        c.id = id;
        c.name = name;
        c.kind = kind;
        c.aware = aware;
        c.comply = comply;
        c.critical = critical;
        return c;
    };
    return {make("hobby", "Hobby pilots", OperatorKind::Hobby, 0.70, 0.90, false),
            make("photo", "Commercial photo and film", OperatorKind::Commercial, 0.95, 0.95, false),
            make("inspection", "Commercial inspection", OperatorKind::Commercial, 0.98, 0.98, false),
            make("delivery", "Commercial delivery", OperatorKind::Commercial, 0.99, 0.99, false),
            make("media", "News media", OperatorKind::Commercial, 0.95, 0.90, false),
            make("police", "Police", OperatorKind::State, 1.0, 1.0, true),
            make("military", "Military", OperatorKind::State, 1.0, 1.0, true),
            make("emergency", "Emergency services", OperatorKind::State, 1.0, 1.0, true),
            make("medical", "Medical transport", OperatorKind::Commercial, 1.0, 1.0, true)};
}

/// Share of each built-in category's drones that broadcast Remote ID
/// (illustrative: EU class-marked drones must, older and home-built ones do not).
double builtInRemoteId(const std::string& id) {
    if (id == "hobby") return 0.5;
    if (id == "photo" || id == "media") return 0.9;
    if (id == "inspection") return 0.95;
    return 1.0;
}

} // namespace

void Loader::readCategories(const MapReader& top) {
    m_scenario.categories = builtInCategories();
    for (Category& c : m_scenario.categories)
        c.remoteId = builtInRemoteId(c.id);
    auto categories = top.get("categories");
    if (!categories) return;
    if (!categories->node.IsMap()) {
        m_context.error(*categories, "categories must map category names to their settings, such as "
                                     "'hobby: {aware: 60%}', not " +
                                         describeNode(categories->node));
        return;
    }
    std::set<std::string> seen;
    for (auto it = categories->node.begin(); it != categories->node.end(); ++it) {
        Source keySource = child(*categories, it->first, "");
        auto id = readId(m_context, keySource, "category name");
        if (!id) continue;
        if (!seen.insert(*id).second) {
            m_context.error(keySource, "category '" + *id + "' is written twice", "keep one of them");
            continue;
        }
        Source body = child(*categories, it->second, *id);
        m_knownPaths.push_back(body.path);
        const std::string what = "category '" + *id + "'";
        auto existing = std::find_if(m_scenario.categories.begin(), m_scenario.categories.end(),
                                     [&](const Category& c) { return c.id == *id; });
        Category c;
        if (existing != m_scenario.categories.end()) c = *existing;
        c.id = *id;
        c.builtIn = false;
        c.where = m_context.locate(keySource);
        if (body.node.IsNull()) { // "drone-club:" with nothing: a hobby category
            if (existing == m_scenario.categories.end()) {
                m_context.error(keySource, what + " is new and needs a 'kind'",
                                "write for example '" + *id + ": {kind: commercial}'");
                continue;
            }
        } else {
            MapReader m(m_context, body, what, keys::kCategory);
            if (!m.ok()) continue;
            readCategory(m, what, existing == m_scenario.categories.end(), keySource, c);
        }
        if (c.name.empty()) c.name = *id;
        if (existing != m_scenario.categories.end())
            *existing = c;
        else
            m_scenario.categories.push_back(c);
    }
}

/// A category's settings, over a built-in one's or the defaults.
void Loader::readCategory(const MapReader& m, const std::string& what, bool isNew, const Source& keySource,
                          Category& c) {
    if (auto name = m.get("name")) c.name = readString(m_context, *name, what + " name").value_or(c.name);
    if (auto kind = m.get("kind")) {
        if (auto k = readEnum<OperatorKind>(m_context, *kind, what + " kind")) c.kind = *k;
    } else if (isNew) {
        m_context.error(keySource, what + " is new and needs a 'kind'", keys::oneOf(keys::kKinds));
    }
    if (auto geofence = m.get("geofence"))
        c.geofence = readBool(m_context, *geofence, what + " geofence").value_or(false);
    if (auto breach = m.get("breach"))
        if (auto action = readEnum<BreachAction>(m_context, *breach, what + " breach")) c.breach = *action;
    if (auto critical = m.get("critical"))
        c.critical = readBool(m_context, *critical, what + " critical").value_or(false);
    if (auto aware = m.get("aware"))
        c.aware = readQuantity(m_context, *aware, what + " aware", Dimension::Fraction).value_or(c.aware);
    if (auto comply = m.get("comply"))
        c.comply = readQuantity(m_context, *comply, what + " comply", Dimension::Fraction).value_or(c.comply);
    if (auto remote = m.get("remote-id"))
        c.remoteId =
            readQuantity(m_context, *remote, what + " remote-id", Dimension::Fraction).value_or(c.remoteId);
    if (auto auths = m.get("authorisations"))
        for (const Source& zone : readWords(m_context, *auths, what + " authorisations"))
            if (auto z = readId(m_context, zone, what + " authorisation")) {
                c.authorisations.push_back(*z);
                m_refs["zone"].push_back(zone);
                m_refIds["zone"].push_back(*z);
            }
}

std::string Loader::categoryRef(const Source& source, const std::string& what) {
    auto id = readId(m_context, source, what);
    if (!id) return {};
    if (!m_scenario.category(*id)) {
        std::vector<std::string> names;
        for (const Category& c : m_scenario.categories)
            names.push_back(c.id);
        m_context.error(source, what + ": there is no operator category '" + *id + "'",
                        core::suggestion(*id, names));
        return {};
    }
    return *id;
}

// --- flights and traffic ------------------------------------------------------

std::optional<Range> Loader::readRange(const Source& source, const std::string& what, Dimension dimension) {
    // one value, or "between: [lo, hi]"; altitudes (lengths) may say AGL
    auto readValue = [&](const Source& s, const std::string& label) -> std::optional<double> {
        if (dimension != Dimension::Length) return readPositive(m_context, s, label, dimension);
        auto altitude = readAltitude(m_context, s, label);
        if (!altitude) return std::nullopt;
        if (altitude->ref != core::AltitudeRef::AGL) {
            m_context.error(s, label + " must be above ground level (AGL)",
                            "write for example '120 m AGL' or '120 m'");
            return std::nullopt;
        }
        if (altitude->metres <= 0.0) {
            m_context.error(s, label + " must be more than zero (got " + s.node.Scalar() + ")");
            return std::nullopt;
        }
        return altitude->metres;
    };
    if (source.node.IsScalar()) {
        auto v = readValue(source, what);
        if (!v) return std::nullopt;
        return Range{*v, *v};
    }
    MapReader m(m_context, source, what, keys::kBetween);
    if (!m.ok()) return std::nullopt;
    auto between = m.require("between", "such as 'between: [10 min, 30 min]'");
    if (!between) return std::nullopt;
    if (!between->node.IsSequence() || between->node.size() != 2) {
        m_context.error(*between, what + " between must list two values, such as '[10 min, 30 min]'");
        return std::nullopt;
    }
    auto lo = readValue(child(*between, between->node[0], "0"), what + " lower bound");
    auto hi = readValue(child(*between, between->node[1], "1"), what + " upper bound");
    if (!lo || !hi) return std::nullopt;
    if (*hi < *lo) {
        m_context.error(*between, what + ": the upper bound is below the lower bound",
                        "write the smaller value first");
        return std::nullopt;
    }
    return Range{*lo, *hi};
}

std::optional<std::map<Behaviour, double>> Loader::readBehaviourMix(const Source& source,
                                                                    const std::string& what) {
    MapReader m(m_context, source, what, keys::kBehaviourMix);
    if (!m.ok()) return std::nullopt;
    std::map<Behaviour, double> mix;
    double total = 0.0;
    for (std::size_t i = 0; i < keys::kBehaviourMix.size(); ++i) {
        auto share = m.get(keys::kBehaviourMix[i]);
        if (!share) continue;
        auto v = readQuantity(m_context, *share, what + " " + keys::kBehaviourMix[i], Dimension::Fraction);
        if (!v) return std::nullopt;
        mix[static_cast<Behaviour>(i)] = *v;
        total += *v;
    }
    if (std::abs(total - 1.0) > 1e-6) {
        m_context.error(source,
                        what + " shares add up to " + core::formatQuantity(total, Dimension::Fraction),
                        "they must add up to 100%");
        return std::nullopt;
    }
    return mix;
}

void Loader::readFlights() {
    IdsSeen seen;
    for (const Item& item : items(kFlights.section)) {
        auto e = open(item, kFlights, seen);
        if (!e) continue;
        const MapReader& m = e->map;
        const std::string& what = e->what;
        Flight flight = e->start<Flight>();
        bool good = true;
        if (auto category = m.require("category", "who flies it, such as 'category: hobby'")) {
            flight.category = categoryRef(*category, what + " category");
            good = good && !flight.category.empty();
        } else {
            good = false;
        }
        if (auto depart = m.require("depart", "when it takes off, such as 'depart: 09:30'")) {
            if (auto t = readInstant(m_context, *depart, what + " depart")) {
                flight.depart = *t;
                if (m_context.time.hasStart && (*t < m_scenario.time.start || *t >= m_scenario.time.end) &&
                    m_scenario.time.end > m_scenario.time.start)
                    m_context.warning(*depart,
                                      what + " departs at " + depart->node.Scalar() +
                                          ", outside the scenario's time window",
                                      "it will not fly in this scenario");
            } else {
                good = false;
            }
        } else {
            good = false;
        }
        good = readRoute(*e, item, flight) && good;
        if (auto speed = m.get("speed"))
            flight.speed =
                readPositive(m_context, *speed, what + " speed", Dimension::Speed).value_or(flight.speed);
        if (auto altitude = m.get("altitude")) {
            if (auto a = readAltitude(m_context, *altitude, what + " altitude")) flight.altitude = *a;
        }
        if (auto behaviour = m.get("behaviour"))
            if (auto b = readEnum<Behaviour>(m_context, *behaviour, what + " behaviour"))
                flight.behaviour = *b;
        if (auto endurance = m.get("endurance"))
            if (auto d = readPositive(m_context, *endurance, what + " endurance", Dimension::Duration))
                flight.endurance = static_cast<Millis>(std::llround(*d * 1000.0));
        if (auto hover = m.get("hover"))
            if (auto d = readPositive(m_context, *hover, what + " hover", Dimension::Duration, true))
                flight.hover = static_cast<Millis>(std::llround(*d * 1000.0));
        if (auto back = m.get("return"))
            flight.returnHome = readBool(m_context, *back, what + " return").value_or(false);
        if (good) m_scenario.flights.push_back(std::move(flight));
    }
}

/// A flight's route: a list of positions, or from/to. False when it cannot be read.
bool Loader::readRoute(const Element& e, const Item& item, Flight& flight) {
    const MapReader& m = e.map;
    const std::string& what = e.what;
    bool good = true;
    std::optional<Source> routeAt = m.get("route");
    if (routeAt && (m.has("from") || m.has("to"))) {
        m_context.error(*routeAt, what + " has both 'route' and 'from'/'to'", "write one or the other");
        good = false;
    } else if (routeAt) {
        if (auto points = readPoints(*routeAt, what + " route", 2))
            flight.route = *points;
        else
            good = false;
    } else {
        auto from = m.require("from", "its take-off position, or a 'route' list");
        auto to = m.require("to", "where it flies to, or a 'route' list");
        std::optional<Position> a, b;
        if (from) a = readPosition(*from, what + " from");
        if (to) b = readPosition(*to, what + " to");
        if (a && b)
            flight.route = {a->local, b->local};
        else
            good = false;
    }
    if (!flight.route.empty())
        checkInsideMap(flight.route, what + " route", routeAt ? *routeAt : item.source);
    return good;
}

void Loader::readTraffic() {
    IdsSeen seen;
    for (const Item& item : items(kTraffic.section)) {
        auto e = open(item, kTraffic, seen);
        if (!e) continue;
        const MapReader& m = e->map;
        const std::string& what = e->what;
        TrafficGenerator traffic = e->start<TrafficGenerator>();
        bool good = true;
        if (auto category = m.require("category", "who flies, such as 'category: hobby'"))
            traffic.category = categoryRef(*category, what + " category");
        if (traffic.category.empty()) good = false;
        if (auto count = m.require("count", "how many flights, such as 'count: 40'"))
            traffic.count =
                static_cast<int>(readInteger(m_context, *count, what + " count", 1, 1000000).value_or(0));
        if (auto area =
                m.require("area", "where they fly, such as 'area: {circle: {center: ..., radius: 15 km}}'")) {
            if (auto region = readShape(*area, what + " area", nullptr)) {
                traffic.area = *region;
                const core::Box b = core::bounds(*region);
                checkInsideMap({b.min, b.max}, what + " area corner", *area);
                // generated flights take off and land on land where the basemap says where land is
                if (!m_scenario.land.polygons.empty() && takeOffGrid(*region, m_scenario.land).empty())
                    m_context.error(*area,
                                    what + " area holds no land of basemap '" + m_scenario.basemap + "'",
                                    "its flights take off and land on land only: move the area onto land, or "
                                    "write 'basemap: none'");
            } else {
                good = false;
            }
        }
        if (auto depart =
                m.require("depart", "when they take off, such as 'depart: {between: [08:00, 12:00]}'"))
            good = readDepartWindow(*depart, what, traffic) && good;
        if (auto duration = m.get("duration")) {
            if (auto r = readRange(*duration, what + " duration", Dimension::Duration)) traffic.duration = *r;
        }
        if (auto altitude = m.get("altitude")) {
            if (auto r = readRange(*altitude, what + " altitude", Dimension::Length)) traffic.altitude = *r;
        }
        if (auto speed = m.get("speed")) {
            if (auto r = readRange(*speed, what + " speed", Dimension::Speed)) traffic.speed = *r;
        }
        if (auto behaviour = m.get("behaviour")) {
            if (auto mix = readBehaviourMix(*behaviour, what + " behaviour")) traffic.behaviour = *mix;
        }
        if (good) m_scenario.traffic.push_back(std::move(traffic));
    }
}

/// When generated flights take off: `depart: {between: [08:00, 12:00]}`. False
/// when the two times are there but cannot be used.
bool Loader::readDepartWindow(const Source& depart, const std::string& what, TrafficGenerator& traffic) {
    MapReader d(m_context, depart, what + " depart", keys::kBetween);
    if (!d.ok()) return true; // reported
    auto between = d.require("between", "such as 'between: [08:00, 12:00]'");
    if (!between) return true; // reported
    if (!between->node.IsSequence() || between->node.size() != 2) {
        m_context.error(*between, what + " depart between must list two times, such as '[08:00, 12:00]'");
        return false;
    }
    bool good = true;
    auto lo = readInstant(m_context, child(*between, between->node[0], "0"), what + " depart from");
    auto hi = readInstant(m_context, child(*between, between->node[1], "1"), what + " depart until");
    if (lo && hi && *hi < *lo) {
        m_context.error(*between, what + " depart window ends before it starts",
                        "write the earlier time first");
        good = false;
    }
    if (!lo || !hi) return false;
    traffic.depart = {*lo, *hi};
    if (*hi < m_scenario.time.start || *lo >= m_scenario.time.end)
        m_context.warning(*between, what + " departs outside the scenario's time window",
                          "none of its flights will fly in this scenario");
    return good;
}

} // namespace nofly::scenario::detail
