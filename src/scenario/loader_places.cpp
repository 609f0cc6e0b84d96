// Loading a scenario: its named points. Places and airports can be named
// where a position is asked for; sites are what the defence protects.
#include "scenario/detail/loader.hpp"

#include "core/text.hpp"
#include "scenario/airports.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace nofly::scenario::detail {

void Loader::readPlaces() {
    IdsSeen seen;
    for (const Item& item : items(kPlaces.section)) {
        auto e = open(item, kPlaces, seen);
        if (!e) continue;
        Place place = e->start<Place>();
        if (auto at = e->map.require("at", "its position, such as 'at: {lat: 55.676, lon: 12.568}'")) {
            if (auto p = readPosition(*at, e->what + " at")) {
                place.at = p->local;
                place.geo = p->geo;
                if (!place.id.empty()) m_named[place.id] = *p;
            }
        }
        m_scenario.places.push_back(place);
    }
}

void Loader::readAirports() {
    IdsSeen seen;
    // read once, each code's row parsed only when it is named
    AirportCatalogue catalogue(m_assetDir);
    for (const Item& item : items(kAirports.section)) {
        auto airport = item.source.node.IsScalar() ? readListedAirport(item.source, catalogue, seen)
                                                   : readAirport(item, catalogue, seen);
        if (!airport) continue;
        if (airport->name.empty()) airport->name = airport->id;
        if (!airport->id.empty()) {
            if (m_named.count(airport->id))
                m_context.error(item.source, "airport '" + airport->id + "' has the id of a place",
                                "give the place another id; positions name places and airports by id");
            m_named[airport->id] = Position{airport->at, airport->geo};
        }
        m_scenario.airports.push_back(*airport);
    }
    std::vector<std::string> codes;
    for (const Airport& a : m_scenario.airports)
        codes.push_back(a.id);
    for (const auto& [source, id] : m_divertRefs)
        if (std::find(codes.begin(), codes.end(), id) == codes.end())
            m_context.error(
                source, "manned traffic diverts to '" + id + "', which is not an airport of this scenario",
                core::closestMatch(id, codes).empty() ? "add it under 'airports:'"
                                                      : core::suggestion(id, codes));
}

/// An airport's row of the shipped airport list: where it is and what it is called.
static void takeListed(const CatalogueAirport& listed, const core::LocalProjection& projection,
                       Airport& airport) {
    airport.name = listed.name;
    airport.geo = listed.geo;
    airport.elevation = listed.elevationFt * 0.3048;
    airport.at = projection.toLocal(listed.geo);
}

/// A bare ICAO code: the shipped airport list has the rest.
std::optional<Airport> Loader::readListedAirport(const Source& at, AirportCatalogue& catalogue,
                                                 IdsSeen& seen) {
    auto id = readId(m_context, at, "airport");
    if (!id) return std::nullopt;
    const std::optional<CatalogueAirport> a = catalogue.find(*id);
    if (!a) {
        const std::string nearest = catalogue.explainUnknown(*id);
        m_context.error(at, "airport '" + *id + "' is not in the shipped airport list",
                        nearest.empty()
                            ? "write it out: '{id: " + *id + ", name: ..., at: {lat: ..., lon: ...}}'"
                            : nearest);
        return std::nullopt;
    }
    Airport airport;
    airport.where = m_context.locate(at);
    airport.id = a->icao;
    takeListed(*a, m_scenario.projection, airport);
    checkId(seen, "airport", airport.id, at);
    return airport;
}

/// An airport written out; what it leaves out comes from the shipped list when its id is there.
std::optional<Airport> Loader::readAirport(const Item& item, AirportCatalogue& catalogue, IdsSeen& seen) {
    auto e = open(item, kAirports, seen);
    if (!e) return std::nullopt;
    Airport airport = e->start<Airport>();
    const std::string& what = e->what;
    const std::optional<CatalogueAirport> a = airport.id.empty() ? std::nullopt : catalogue.find(airport.id);
    if (a) {
        takeListed(*a, m_scenario.projection, airport);
        if (e->named) airport.name = e->name;
    }
    const MapReader& m = e->map;
    if (auto at =
            a ? m.get("at") : m.require("at", "it is not in the shipped airport list, so say where it is")) {
        if (auto p = readPosition(*at, what + " at")) {
            airport.at = p->local;
            airport.geo = p->geo;
        }
    }
    if (auto elevation = m.get("elevation"))
        airport.elevation =
            readQuantity(m_context, *elevation, what + " elevation", Dimension::Length).value_or(0.0);
    if (auto closure = m.get("closure")) airport.closure = readClosure(*closure, what + " closure");
    if (auto manned = m.get("manned")) airport.manned = readManned(*manned, what + " manned");
    return airport;
}

/// When an unknown track near an airport closes it.
std::optional<ClosureRule> Loader::readClosure(const Source& source, const std::string& what) {
    MapReader cm(m_context, source, what, keys::kClosure);
    if (!cm.ok()) return std::nullopt;
    ClosureRule rule;
    if (auto radius = cm.require("radius", "how near an unknown track closes it, such as 'radius: 5 km'"))
        rule.radius =
            readPositive(m_context, *radius, what + " radius", Dimension::Length).value_or(rule.radius);
    if (auto quiet = cm.get("quiet"))
        if (auto v = readPositive(m_context, *quiet, what + " quiet", Dimension::Duration))
            rule.quiet = static_cast<Millis>(std::llround(*v * 1000.0));
    return rule;
}

/// An airport's manned arrivals and departures, and what a closure does to them.
std::optional<MannedTraffic> Loader::readManned(const Source& source, const std::string& what) {
    MapReader mm(m_context, source, what, keys::kManned);
    if (!mm.ok()) return std::nullopt;
    MannedTraffic traffic;
    if (auto arrivals = mm.get("arrivals"))
        traffic.arrivalsPerHour = readPerHour(*arrivals, what + " arrivals").value_or(0.0);
    if (auto d = mm.get("departures"))
        traffic.departuresPerHour = readPerHour(*d, what + " departures").value_or(0.0);
    if (auto hold = mm.get("hold"))
        if (auto v = readPositive(m_context, *hold, what + " hold", Dimension::Duration, true))
            traffic.hold = static_cast<Millis>(std::llround(*v * 1000.0));
    if (auto divert = mm.get("divert-to")) {
        if (auto id = readId(m_context, *divert, what + " divert-to")) {
            traffic.divertTo = *id;
            m_divertRefs.push_back({*divert, *id});
        }
    }
    return traffic;
}

std::optional<double> Loader::readPerHour(const Source& source, const std::string& what,
                                          const std::string& noun, const std::string& example,
                                          const std::string& zeroHint) {
    const std::string hint = "a number of " + noun + " per hour, such as '" + example + " per hour'";
    if (!source.node.IsScalar()) {
        m_context.error(source, what + " must be " + hint);
        return std::nullopt;
    }
    std::string text = source.node.Scalar();
    for (const char* unit : {"per hour", "/h", "per h"}) {
        const std::size_t at = text.rfind(unit);
        if (at != std::string::npos && at + std::string(unit).size() == text.size()) {
            text = text.substr(0, at);
            break;
        }
    }
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    const bool number = !text.empty() && end == text.c_str() + text.size() && std::isfinite(value);
    if (!zeroHint.empty() && number && value <= 0.0) {
        m_context.error(
            source, what + " must be more than 0 " + noun + " per hour, not '" + source.node.Scalar() + "'",
            zeroHint);
        return std::nullopt;
    }
    if (!number || value < 0.0 || value > 3600.0) {
        m_context.error(source, what + " must be " + hint + ", not '" + source.node.Scalar() + "'");
        return std::nullopt;
    }
    return value;
}

void Loader::readSites() {
    IdsSeen seen;
    for (const Item& item : items(kSites.section)) {
        auto e = open(item, kSites, seen);
        if (!e) continue;
        Site site = e->start<Site>();
        if (auto at = e->map.require("at", "its position"))
            if (auto p = readPosition(*at, e->what + " at")) site.at = p->local;
        if (auto radius = e->map.get("radius"))
            site.radius =
                readPositive(m_context, *radius, e->what + " radius", Dimension::Length).value_or(0.0);
        m_scenario.sites.push_back(site);
    }
}

} // namespace nofly::scenario::detail
