#include "report/summary.hpp"

#include "core/decimal.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <sstream>

namespace nofly::report {

using scenario::Scenario;

namespace {

/// Counts by name, in first-seen order, as "2 prohibited, 1 authorisation".
class Tally {
public:
    void add(const std::string& name, long long count = 1) {
        for (auto& [n, c] : m_counts)
            if (n == name) {
                c += count;
                return;
            }
        m_counts.emplace_back(name, count);
    }
    std::string text() const {
        std::string out;
        for (const auto& [name, count] : m_counts) {
            if (!out.empty()) out += ", ";
            out += std::to_string(count) + " " + name;
        }
        return out;
    }
    long long total() const {
        long long t = 0;
        for (const auto& [name, count] : m_counts) t += count;
        return t;
    }
    nlohmann::ordered_json json() const {
        nlohmann::ordered_json out = nlohmann::ordered_json::object();
        for (const auto& [name, count] : m_counts) out[name] = count;
        return out;
    }

private:
    std::vector<std::pair<std::string, long long>> m_counts;
};

std::string degrees(double value, char positive, char negative) {
    return core::fixed(value < 0 ? -value : value, 4) + ' ' + (value < 0 ? negative : positive);
}

Tally zonesByRestriction(const Scenario& s) {
    Tally t;
    for (const auto& z : s.zones) t.add(std::string(scenario::name(z.restriction)));
    return t;
}

Tally flightsByCategory(const Scenario& s) {
    Tally t;
    for (const auto& f : s.flights) t.add(f.category);
    return t;
}

Tally trafficByCategory(const Scenario& s) {
    Tally t;
    for (const auto& g : s.traffic) t.add(g.category, g.count);
    return t;
}

template <typename T>
std::string ids(const std::vector<T>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item.id;
    return out;
}

} // namespace

std::string summaryText(const Scenario& s) {
    std::ostringstream out;
    const int offset = s.time.utcOffsetMinutes;
    auto line = [&](const char* label, const std::string& text) {
        if (text.empty()) return;
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "  %-10s ", label);
        out << buffer << text << '\n';
    };
    out << s.title;
    if (!s.variant.empty()) out << "  [variant " << s.variant << "]";
    out << "\n";
    line("file", s.file);
    line("time", core::formatInstant(s.time.start, offset) + " to " + core::formatInstant(s.time.end, offset) + " (" +
                     core::formatQuantity(static_cast<double>(s.time.end - s.time.start) / 1000.0, core::Dimension::Duration) +
                     "), step " + core::formatQuantity(static_cast<double>(s.time.step) / 1000.0, core::Dimension::Duration));
    line("map", "origin " + degrees(s.origin.lat, 'N', 'S') + ", " + degrees(s.origin.lon, 'E', 'W') +
                    (s.basemap.empty() ? "" : "; basemap " + s.basemap));
    const Tally zones = zonesByRestriction(s);
    line("zones", std::to_string(zones.total()) + (zones.total() ? ": " + zones.text() : ""));
    const Tally flights = flightsByCategory(s);
    line("flights", std::to_string(flights.total()) + " planned" + (flights.total() ? ": " + flights.text() : ""));
    const Tally traffic = trafficByCategory(s);
    if (!s.traffic.empty())
        line("traffic", std::to_string(traffic.total()) + " generated flights from " + std::to_string(s.traffic.size()) +
                            " generator" + (s.traffic.size() == 1 ? "" : "s") + ": " + traffic.text());
    line("places", ids(s.places));
    line("airports", ids(s.airports));
    line("sites", ids(s.sites));
    line("sensors", s.sensors.empty() ? "" : std::to_string(s.sensors.size()));
    line("responders", s.responders.empty() ? "" : std::to_string(s.responders.size()));
    line("timeline", s.timeline.empty() ? "" : std::to_string(s.timeline.size()) + " events");
    line("expect", s.expectations.empty() ? "" : std::to_string(s.expectations.size()) + " expectations");
    line("variants", ids(s.variants));
    return out.str();
}

std::string checkJson(const std::vector<CheckedFile>& files) {
    nlohmann::ordered_json out;
    out["files"] = nlohmann::ordered_json::array();
    for (const CheckedFile& file : files) {
        nlohmann::ordered_json f;
        f["file"] = file.file;
        std::size_t errors = 0, warnings = 0;
        nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
        for (const core::Diagnostic& d : file.diagnostics) {
            errors += d.severity == core::Severity::Error;
            warnings += d.severity == core::Severity::Warning;
            diagnostics.push_back({{"severity", core::severityName(d.severity)},
                                   {"file", d.where.file},
                                   {"line", d.where.line},
                                   {"column", d.where.column},
                                   {"message", d.message},
                                   {"hint", d.hint}});
        }
        f["valid"] = errors == 0;
        f["errors"] = errors;
        f["warnings"] = warnings;
        f["diagnostics"] = diagnostics;
        if (file.scenario) {
            const Scenario& s = *file.scenario;
            nlohmann::ordered_json summary;
            summary["title"] = s.title;
            summary["start"] = core::formatInstant(s.time.start, s.time.utcOffsetMinutes);
            summary["end"] = core::formatInstant(s.time.end, s.time.utcOffsetMinutes);
            summary["step_s"] = static_cast<double>(s.time.step) / 1000.0;
            summary["zones"] = zonesByRestriction(s).json();
            summary["flights"] = flightsByCategory(s).json();
            summary["generated_flights"] = trafficByCategory(s).json();
            nlohmann::ordered_json variants = nlohmann::ordered_json::array();
            for (const auto& v : s.variants) variants.push_back(v.id);
            summary["variants"] = variants;
            f["summary"] = summary;
        }
        out["files"].push_back(f);
    }
    return out.dump(2) + "\n";
}

} // namespace nofly::report
