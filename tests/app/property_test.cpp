// The rule book on a few hundred small random scenarios (issue 14). A seeded
// generator writes each case as YAML text (zones of every shape and
// activation, categories with exemptions and standing authorisations, flights
// of every behaviour, sensors and responders or none, variants that change
// only policy); the real loader reads it, it runs as `nofly run` runs it, and
// these invariants must hold:
//   (a) a compliant drone never enters a zone that was in force and known when
//       it decided, unless an exemption or a granted authorisation covers it;
//   (b) every reroute avoids every zone forbidding the flight that it knew of;
//   (c) the outcomes add up to the planned flights in every output;
//   (d) check, run, where and explain agree on the verdict at a flight's
//       take-off point and time;
//   (e) adding an exemption never increases that category's disruption;
//   (f) two variants that differ only in policy draw the same random numbers.
// (Export then import keeping every activation window is tested with the
// export code.) A failing case prints its seed, the YAML as generated and the
// smallest YAML that still fails, written to a file to replay with nofly run.
#include "app/commands.hpp"
#include "report/compare.hpp"
#include "report/html.hpp"
#include "report/ledger.hpp"
#include "report/run_files.hpp"
#include "report/run_record.hpp"
#include "report/sentences.hpp"
#include "report/tracks_geojson.hpp"
#include "report/zones_export.hpp"
#include "scenario/loader.hpp"
#include "sim/rules.hpp"
#include "sim/simulation.hpp"

#include "nofly_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <numbers>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>
#include <unistd.h>

namespace nofly::app {
namespace {

namespace fs = std::filesystem;
using core::Instant;
using core::Vec2;
using nlohmann::json;
using sim::EventType;

/// The seeds of a run of the suite: fixed, so that every run checks the same cases. To hunt further,
/// or to check one seed again: NOFLY_PROPERTY_SEEDS=FIRST-LAST (such as 1000-9999, or 17-17).
constexpr std::uint64_t kFirstSeed = 1, kLastSeed = 300;
std::pair<std::uint64_t, std::uint64_t> seeds() {
    const char* text = std::getenv("NOFLY_PROPERTY_SEEDS");
    unsigned long long first = kFirstSeed, last = kLastSeed;
    if (text && std::sscanf(text, "%llu-%llu", &first, &last) != 2) first = kFirstSeed, last = kLastSeed;
    return {first, last};
}

// --- the generator ------------------------------------------------------------------

/// One element of a generated scenario: its lines of YAML under its section,
/// and the ids of the elements it names, so that the shrinker removes them
/// together.
struct Item {
    std::string section;
    std::string id;
    std::string text;
    std::vector<std::string> needs;
};

constexpr std::array<const char*, 10> kSections = {"categories", "airports", "sites",   "zones",
                                                   "flights",    "traffic",  "sensors", "responders",
                                                   "timeline",   "variants"};

/// A generated scenario, as text to load, print and replay.
struct Case {
    std::uint64_t seed = 0;
    std::string head; ///< title, seed, time, map, tracking
    std::vector<Item> items;
    std::string exemptCategory; ///< the category variant v-exempt adds to a zone's exempt list

    bool has(const std::string& id) const {
        return std::any_of(items.begin(), items.end(), [&](const Item& i) { return i.id == id; });
    }
    std::string yaml() const {
        std::string out = head;
        for (const char* section : kSections) {
            bool any = false;
            for (const Item& i : items)
                if (i.section == section) {
                    if (!any) out += std::string(section) + ":\n";
                    any = true;
                    out += i.text;
                }
        }
        return out;
    }
};

std::string position(int x, int y) {
    return "[" + std::to_string(x) + " m, " + std::to_string(y) + " m]";
}

/// A clock time `minutes` after 10:00, quoted: "10:25".
std::string clockAfter(int minutes) {
    const int t = 600 + minutes;
    char text[16];
    std::snprintf(text, sizeof text, "\"%02d:%02d\"", t / 60, t % 60);
    return text;
}

/// Writes one random case from a seed: a small piece of airspace 6 km across,
/// 90 minutes from 10:00 on Saturday 14 June 2025.
class Generator {
public:
    explicit Generator(std::uint64_t seed) : m_random(core::keyAt(seed, 14, 0, 0)) { m_case.seed = seed; }

    Case make() {
        const int step = pick<int>({1, 2, 5, 10});
        m_case.head = "title: Property case " + std::to_string(m_case.seed) +
                      "\nseed: " + std::to_string(m_case.seed) +
                      "\ntime: {start: 2025-06-14T10:00+02:00, end: +90 min, step: " + std::to_string(step) +
                      " s}\nmap: {origin: {lat: 55.69, lon: 12.56}}\n";
        if (chance(0.2)) m_case.head += "tracking: {misclassify: 10%}\n";
        if (chance(0.4)) {
            m_categories.push_back("club");
            add("categories", "club",
                "  club: {kind: hobby, aware: " + std::to_string(between(50, 100)) +
                    "%, comply: " + std::to_string(between(50, 100)) + "%, breach: " + breachAction() + "}\n",
                {});
        }
        const int zones = between(1, 4);
        for (int n = 1; n <= zones; ++n)
            zone(n);
        categoryChanges();
        const int flights = between(0, 5), generators = between(flights == 0 ? 1 : 0, 2);
        for (int n = 1; n <= flights; ++n)
            flight(n);
        for (int n = 1; n <= generators; ++n)
            traffic(n);
        if (chance(0.35)) defence();
        exemptVariant();
        if (chance(0.7)) policyVariant();
        return m_case;
    }

private:
    /// What the generator remembers of a zone to aim flights at it.
    struct Sketch {
        std::string id;
        int x = 0, y = 0;         ///< [m] its middle
        int edgeX = 0, edgeY = 0; ///< [m] a point of its edge
        std::vector<std::string> exempt;
    };

    int between(int lo, int hi) {
        return lo + static_cast<int>(m_random.below(static_cast<std::uint64_t>(hi - lo + 1)));
    }
    bool chance(double p) { return m_random.chance(p); }
    template <class T> T pick(const std::vector<T>& from) { return from[m_random.below(from.size())]; }
    int coordinate() { return between(-3000, 3000); }
    /// A time on the 5-minute grid, from 09:40 to 11:25.
    int minute() { return 5 * between(-4, 17); }
    std::string breachAction() { return pick<std::string>({"report", "hold", "return", "land"}); }
    const Sketch& someZone() { return m_zones[m_random.below(m_zones.size())]; }

    void add(const std::string& section, const std::string& id, const std::string& text,
             std::vector<std::string> needs) {
        m_case.items.push_back({section, id, text, std::move(needs)});
    }
    std::string event(const std::string& zone, int at, const std::string& text) {
        const std::string id = "e" + std::to_string(++m_events);
        m_switches.push_back(at);
        add("timeline", id,
            "  - {id: " + id + ", at: " + clockAfter(at) + ", " + text + ", zone: " + zone + "}\n", {zone});
        return id;
    }

    /// A shape around (x, y): circle, polygon, polygon with a hole, corridor or parts.
    std::string shape(Sketch& z) {
        const int r = between(250, 900);
        switch (between(0, 4)) {
        case 0:
            z.edgeX = z.x + r, z.edgeY = z.y;
            return "{circle: {center: " + position(z.x, z.y) + ", radius: " + std::to_string(r) + " m}}";
        case 1:
        case 2: {
            // star-shaped around the middle, so never crossing itself; a hole of 0.3 r square fits inside
            const int n = between(5, 8);
            std::string outer;
            for (int k = 0; k < n; ++k) {
                const double a = (k + m_random.uniform(-0.2, 0.2)) * 2.0 * std::numbers::pi / n;
                const double radius = r * m_random.uniform(0.6, 1.0);
                const int px = z.x + static_cast<int>(std::lround(radius * std::sin(a)));
                const int py = z.y + static_cast<int>(std::lround(radius * std::cos(a)));
                if (k == 0) z.edgeX = px, z.edgeY = py;
                outer += (k ? ", " : "") + position(px, py);
            }
            const int h = r * 15 / 100;
            if (between(1, 2) == 1) return "{polygon: [" + outer + "]}";
            if (chance(0.5)) z.edgeX = z.x + h, z.edgeY = z.y - h; // a corner of the hole
            return "{polygon: {outer: [" + outer + "], holes: [[" + position(z.x - h, z.y - h) + ", " +
                   position(z.x + h, z.y - h) + ", " + position(z.x + h, z.y + h) + ", " +
                   position(z.x - h, z.y + h) + "]]}}";
        }
        case 3: {
            const int w = 2 * between(50, 200), dx = between(-r, r), dy = between(-r, r);
            z.edgeX = z.x + dx, z.edgeY = z.y + dy + w / 2;
            if (dx == 0 && dy == 0)
                return "{circle: {center: " + position(z.x, z.y) + ", radius: " + std::to_string(r) + " m}}";
            return "{corridor: {path: [" + position(z.x - dx, z.y - dy) + ", " +
                   position(z.x + dx, z.y + dy) +
                   (chance(0.5) ? ", " + position(z.x + dx + between(-r, r), z.y + dy + r) : "") +
                   "], width: " + std::to_string(w) + " m}}";
        }
        default:
            z.edgeX = z.x + r / 2, z.edgeY = z.y;
            return "{parts: [{circle: {center: " + position(z.x, z.y) + ", radius: " + std::to_string(r / 2) +
                   " m}}, {circle: {center: " + position(z.x + r, z.y + r / 3) +
                   ", radius: " + std::to_string(r / 3) + " m}}]}";
        }
    }

    /// When the zone is in force: always, windows, weekly slots, or switched by the timeline.
    std::string activation(const Sketch& z, std::vector<std::string>& needs) {
        const int a = minute(), b = a + 5 * between(1, 12);
        switch (between(0, 6)) {
        case 2:
            switch (between(0, 2)) {
            case 0: return "    active: {from: " + clockAfter(a) + ", to: " + clockAfter(b) + "}\n";
            case 1: return "    active: {from: " + clockAfter(a) + "}\n";
            default: return "    active: {to: " + clockAfter(b) + "}\n";
            }
        case 3:
            return "    active:\n      windows:\n        - {from: " + clockAfter(a) +
                   ", to: " + clockAfter(b) + "}\n        - {from: " + clockAfter(b + 5 * between(1, 6)) +
                   "}\n";
        case 4: {
            // 14 June 2025 is a Saturday; a Friday slot past midnight runs into it, a Sunday one never does
            const std::string days = pick<std::string>({"sat", "weekend", "daily", "[fri]", "[sun]"});
            const std::string from = days == "[fri]" ? "\"23:00\"" : clockAfter(a);
            return "    active:\n      weekly:\n        - {days: " + days + ", from: " + from +
                   ", to: " + clockAfter(b) + "}\n";
        }
        case 5:
            event(z.id, a, "event: activate");
            if (chance(0.6)) event(z.id, b, "event: deactivate");
            return "";
        case 6: {
            const std::string notice = pick<std::string>({"0 s", "5 min", "15 min", "30 min"});
            const std::string announce = event(z.id, a, "event: announce, notice: " + notice);
            if (chance(0.5)) {
                needs.push_back(announce);
                return "    active: {after: " + announce + ", for: " + std::to_string(5 * between(2, 12)) +
                       " min}\n";
            }
            if (chance(0.4)) event(z.id, b + 15, "event: deactivate");
            return "";
        }
        default: return ""; // always
        }
    }

    void zone(int n) {
        Sketch z;
        z.id = "z" + std::to_string(n);
        z.x = between(-2500, 2500), z.y = between(-2500, 2500);
        const std::string restriction =
            pick<std::string>({"prohibited", "prohibited", "prohibited", "authorisation", "authorisation",
                               "conditional", "no-restriction"});
        std::vector<std::string> needs;
        std::string text =
            "  - id: " + z.id + "\n    restriction: " + restriction + "\n    shape: " + shape(z) + "\n";
        if (chance(0.4)) {
            const int floor = pick<int>({0, 0, 40, 60});
            const int ceiling = floor + pick<int>({20, 40, 60, 80});
            text += "    altitude: {floor: " + (floor ? std::to_string(floor) + " m" : std::string("GND")) +
                    ", ceiling: " +
                    (chance(0.3) ? std::string("unlimited") : std::to_string(ceiling) + " m AGL") + "}\n";
        }
        text += activation(z, needs);
        if (chance(0.35)) {
            std::vector<std::string> choices = {"police", "photo", "inspection", "hobby"};
            if (!m_categories.empty()) choices.push_back("club");
            for (const std::string& c : choices)
                if (chance(0.4)) z.exempt.push_back(c);
            if (!z.exempt.empty()) {
                text += "    exempt: [";
                for (std::size_t i = 0; i < z.exempt.size(); ++i)
                    text += (i ? ", " : "") + z.exempt[i];
                text += "]\n";
                if (std::count(z.exempt.begin(), z.exempt.end(), "club")) needs.push_back("club");
            }
        }
        if (restriction == "authorisation" && chance(0.6))
            text += "    grant: " +
                    pick<std::string>({"all", "none", "[commercial, state]", "[hobby]", "critical",
                                       m_categories.empty() ? "[photo]" : "[photo, club]"}) +
                    "\n";
        if (restriction == "authorisation" && chance(0.6))
            text += "    decision: " + pick<std::string>({"0 s", "30 s", "2 min", "10 min", "25 min"}) + "\n";
        if (text.find("club") != std::string::npos &&
            std::find(needs.begin(), needs.end(), "club") == needs.end())
            needs.push_back("club");
        add("zones", z.id, text, needs);
        m_zones.push_back(z);
    }

    /// Changes to built-in categories: breach actions, Remote ID, standing authorisations.
    void categoryChanges() {
        for (const std::string id : {"hobby", "photo"}) {
            if (!chance(0.4)) continue;
            std::string text = "  " + id + ": {breach: " + breachAction() +
                               ", remote-id: " + std::to_string(between(0, 100)) + "%";
            std::vector<std::string> needs;
            if (chance(0.6)) {
                const Sketch& z = someZone();
                text += ", authorisations: [" + z.id + "]";
                needs.push_back(z.id);
            }
            add("categories", id, text + "}\n", needs);
        }
    }

    std::string category() {
        std::vector<std::string> from = {"hobby", "hobby", "photo", "inspection", "police"};
        from.insert(from.end(), m_categories.begin(), m_categories.end());
        return pick(from);
    }

    void flight(int n) {
        const std::string id = "f" + std::to_string(n);
        // take off at random, in the middle of a zone, or on its edge
        int x = coordinate(), y = coordinate();
        const double where = m_random.uniform();
        if (where < 0.3) {
            const Sketch& z = someZone();
            x = z.x + (chance(0.5) ? between(-30, 30) : 0), y = z.y;
        } else if (where < 0.4) {
            const Sketch& z = someZone();
            x = z.edgeX, y = z.edgeY;
        }
        // to a random point, or straight across a zone
        int tx = coordinate(), ty = coordinate();
        if (chance(0.5)) {
            const Sketch& z = someZone();
            tx = std::clamp(2 * z.x - x, -4000, 4000), ty = std::clamp(2 * z.y - y, -4000, 4000);
        }
        if (std::abs(tx - x) + std::abs(ty - y) < 300) tx = x + 800;
        const std::string c = category();
        const std::string behaviour = pick<std::string>(
            {"compliant", "compliant", "compliant", "unaware", "reckless", "hostile", "", ""});
        int depart = chance(0.8) ? 5 * between(0, 15) : between(0, 75);
        if (!m_switches.empty() && chance(0.3)) depart = std::clamp(pick(m_switches) - between(1, 6), 0, 75);
        std::string text = "  - {id: " + id + ", category: " + c + ", depart: " + clockAfter(depart) + ", ";
        text += chance(0.2) ? "route: [" + position(x, y) + ", " + position(coordinate(), coordinate()) +
                                  ", " + position(tx, ty) + "]"
                            : "from: " + position(x, y) + ", to: " + position(tx, ty);
        text += ", speed: " + std::to_string(between(5, 20)) +
                " m/s, altitude: " + std::to_string(pick<int>({30, 40, 60, 80, 100, 120})) + " m";
        if (!behaviour.empty()) text += ", behaviour: " + behaviour;
        if (chance(0.3)) text += ", return: true";
        if (chance(0.2)) text += ", hover: " + std::to_string(between(1, 5)) + " min";
        if (chance(0.2)) text += ", endurance: " + std::to_string(pick<int>({8, 15, 40})) + " min";
        add("flights", id, text + "}\n",
            c == "club" ? std::vector<std::string>{"club"} : std::vector<std::string>{});
    }

    void traffic(int n) {
        const std::string id = "t" + std::to_string(n), c = category();
        const int a = 5 * between(0, 10);
        std::string text =
            "  - id: " + id + "\n    category: " + c + "\n    count: " + std::to_string(between(1, 4)) +
            "\n    area: {circle: {center: " + position(coordinate() / 2, coordinate() / 2) +
            ", radius: " + std::to_string(between(1000, 2500)) + " m}}\n    depart: {between: [" +
            clockAfter(a) + ", " + clockAfter(a + 5 * between(1, 6)) +
            "]}\n    duration: {between: [5 min, 15 min]}\n";
        if (chance(0.5))
            text += pick<std::string>(
                {"    behaviour: {compliant: 100%}\n",
                 "    behaviour: {compliant: 50%, unaware: 20%, reckless: 20%, hostile: 10%}\n",
                 "    behaviour: {compliant: 70%, hostile: 30%}\n"});
        add("traffic", id, text, c == "club" ? std::vector<std::string>{"club"} : std::vector<std::string>{});
    }

    /// Sensors, and sometimes a site or an airport to protect and responders for it.
    void defence() {
        const int sensors = between(1, 2);
        for (int n = 1; n <= sensors; ++n) {
            const std::string id = "s" + std::to_string(n);
            const std::string type = pick<std::string>({"radar", "rf", "camera", "remote-id"});
            std::string text = "  - {id: " + id + ", type: " + type +
                               ", at: " + position(coordinate(), coordinate()) +
                               ", range: " + std::to_string(between(2, 6)) +
                               " km, probability: " + std::to_string(between(50, 100)) +
                               "%, update: " + std::to_string(between(1, 5)) +
                               " s, latency: " + std::to_string(between(0, 3)) + " s";
            if (type == "camera") text += ", heading: " + std::to_string(between(0, 359)) + ", fov: 120";
            if (chance(0.4)) text += ", false-alarms: " + std::to_string(between(1, 6));
            add("sensors", id, text + "}\n", {});
        }
        if (chance(0.3))
            add("airports", "XTST",
                "  - {id: XTST, name: Test strip, at: " + position(coordinate(), coordinate()) +
                    ", closure: {radius: 2 km, quiet: 10 min}}\n",
                {});
        if (!chance(0.6)) return;
        add("sites", "venue",
            "  - {id: venue, at: " + position(coordinate() / 2, coordinate() / 2) +
                ", radius: " + std::to_string(between(1000, 3000)) + " m}\n",
            {});
        const int responders = between(1, 2);
        for (int n = 1; n <= responders; ++n) {
            const std::string id = "r" + std::to_string(n);
            add("responders", id,
                "  - {id: " + id + ", type: " + pick<std::string>({"police", "jammer", "interceptor"}) +
                    ", base: " + position(coordinate(), coordinate()) +
                    ", speed: " + std::to_string(between(10, 40)) + " m/s, neutralise: " +
                    std::to_string(between(20, 120)) + " s, success: " + std::to_string(between(50, 100)) +
                    "%, protects: [venue], effect: " + pick<std::string>({"land", "return"}) + "}\n",
                {"venue"});
        }
    }

    /// v-exempt: one category more in one zone's exempt list, for (e) and (f).
    void exemptVariant() {
        const Sketch& z = someZone();
        std::vector<std::string> candidates;
        for (const std::string c : {"hobby", "photo", "inspection", "police", "club"})
            if (std::count(z.exempt.begin(), z.exempt.end(), c) == 0 &&
                (c != "club" || !m_categories.empty()))
                candidates.push_back(c);
        if (candidates.empty()) return;
        m_case.exemptCategory = pick(candidates);
        std::string list;
        for (const std::string& c : z.exempt)
            list += c + ", ";
        std::vector<std::string> needs = {z.id};
        if (list.find("club") != std::string::npos || m_case.exemptCategory == "club")
            needs.push_back("club");
        add("variants", "v-exempt",
            "  v-exempt:\n    set:\n      zones." + z.id + ".exempt: [" + list + m_case.exemptCategory +
                "]\n",
            needs);
    }

    /// v-policy: zones changed, removed or added; traffic, sensors and draws untouched, for (f).
    void policyVariant() {
        std::vector<std::string> needs;
        std::string sets, removes;
        for (const Sketch& z : m_zones) {
            const int what = between(0, 5);
            if (what == 0 && removes.empty()) {
                removes = "    remove: [zones." + z.id + "]\n";
            } else if (what == 1) {
                sets += "      zones." + z.id + ".restriction: " +
                        pick<std::string>({"prohibited", "authorisation", "conditional", "no-restriction"}) +
                        "\n";
            } else if (what == 2) {
                sets += "      zones." + z.id +
                        ".decision: " + pick<std::string>({"0 s", "1 min", "15 min"}) + "\n";
            } else if (what == 3) {
                sets +=
                    "      zones." + z.id + ".grant: " + pick<std::string>({"all", "none", "[hobby]"}) + "\n";
            } else {
                continue;
            }
            needs.push_back(z.id);
        }
        std::string text = "  v-policy:\n" + removes + (sets.empty() ? "" : "    set:\n" + sets);
        if (chance(0.5) || needs.empty())
            text += "    add:\n      zones:\n        - {id: z9, restriction: " +
                    pick<std::string>({"prohibited", "authorisation"}) +
                    ", shape: {circle: {center: " + position(coordinate(), coordinate()) +
                    ", radius: " + std::to_string(between(300, 800)) + " m}}}\n";
        add("variants", "v-policy", text, needs);
    }

    core::Random m_random;
    Case m_case;
    std::vector<Sketch> m_zones;
    std::vector<std::string> m_categories; ///< declared by the case
    int m_events = 0;
    std::vector<int> m_switches; ///< [min after 10:00] when the timeline switches a zone
};

// --- running a case -------------------------------------------------------------------

/// One variant of a case, loaded from its file and run to its end as `nofly run` runs it.
struct CaseRun {
    std::string variant; ///< "" for the base
    scenario::Scenario scenario;
    core::Diagnostics diagnostics;
    sim::CompiledScenario compiled;
    sim::World world;
    report::RunRecord record;
};

std::unique_ptr<CaseRun> runFile(const std::string& path, const std::string& variant, std::string& problem) {
    scenario::LoadOptions options;
    options.variant = variant;
    scenario::LoadResult loaded = scenario::loadScenarioFile(path, options);
    if (!loaded.scenario) {
        for (const core::Diagnostic& d : loaded.diagnostics.sorted())
            problem += core::format(d) + "\n";
        return nullptr;
    }
    auto r = std::make_unique<CaseRun>();
    r->variant = variant;
    r->scenario = std::move(*loaded.scenario);
    r->diagnostics = std::move(loaded.diagnostics);
    r->compiled = sim::compile(r->scenario);
    r->world = sim::makeWorld(r->compiled, r->scenario.seed);
    r->record.scenario = &r->scenario;
    r->record.world = &r->world;
    r->record.events = sim::runToEnd(r->compiled, r->world);
    r->record.metrics = report::computeMetrics(r->scenario, r->world, r->record.events);
    r->record.expectations = report::checkExpectations(r->scenario, r->world, r->record.metrics);
    return r;
}

struct Failure {
    std::string invariant; ///< "a" ... "f", or "load"
    std::string variant;   ///< where it fails: "" for the base
    std::string what;
};

/// How often the cases reached each path of the rules, so that a generator
/// that stops reaching one is noticed.
struct Reach {
    std::map<std::string, int> counts;
    void add(const std::string& what, int n = 1) { counts[what] += n; }
};

std::string clockOf(const scenario::Scenario& s, Instant t) {
    return core::formatClock(t, s.time.utcOffsetMinutes);
}

/// Whether a zone forbids a flight of `category` at `altitude` when in force, by the rules
/// (docs/simulation.md, rule 2), written out here apart from sim::judge.
bool forbids(const scenario::Zone& zone, const scenario::Category& category, double altitude,
             const std::set<std::string>& granted) {
    using scenario::Restriction;
    if (zone.restriction != Restriction::Prohibited && zone.restriction != Restriction::Authorisation)
        return false;
    if (scenario::isExempt(zone, category.id) || scenario::holdsStandingAuthorisation(category, zone))
        return false;
    if (altitude < zone.altitude.floor.metres) return false;
    if (zone.altitude.ceiling && altitude > zone.altitude.ceiling->metres) return false;
    return !(zone.restriction == Restriction::Authorisation && granted.count(zone.id));
}

/// Whether zone z was in force at `t` by a window known at `decided`.
bool knownInForce(const sim::CompiledScenario& compiled, std::size_t z, Instant t, Instant decided) {
    for (const sim::ActiveWindow& w : compiled.windows[z])
        if (w.known <= decided && w.from <= t && t < w.to) return true;
    return false;
}

/// What a flight's own events say: the authorisations granted to it (with when), and when its
/// plan stopped being the one it took off on (a breach, a responder).
struct FlightStory {
    std::map<std::string, Instant> granted;
    Instant breach = scenario::kFarTime, neutralised = scenario::kFarTime;
    std::vector<const sim::Event*> events;
};

std::map<std::string, FlightStory> stories(const CaseRun& r) {
    std::map<std::string, FlightStory> out;
    for (const sim::Event& e : r.record.events) {
        if (e.flight < 0) continue;
        FlightStory& f = out[report::flightId(r.world, e.flight)];
        f.events.push_back(&e);
        if (e.type == EventType::AuthorisationGranted)
            f.granted.emplace(report::zoneId(r.scenario, e.zone), e.time);
        if (e.type == EventType::Breach) f.breach = std::min(f.breach, e.time);
        if (e.type == EventType::Neutralised) f.neutralised = std::min(f.neutralised, e.time);
    }
    return out;
}

/// The card of the decision a flight took off on: its last one at its take-off time.
const sim::Verdict* takeOffCard(const sim::World& world, const std::string& flight, Instant departed) {
    const sim::Verdict* card = nullptr;
    for (const sim::Verdict& v : world.verdicts)
        if (report::flightId(world, v.flight) == flight && v.time == departed) card = &v;
    return card;
}

std::set<std::string> keys(const std::map<std::string, Instant>& m, Instant upTo) {
    std::set<std::string> out;
    for (const auto& [id, t] : m)
        if (t <= upTo) out.insert(id);
    return out;
}

// (a) a compliant drone never enters a zone in force and known when it decided, unless an exemption
// or a granted authorisation covers it; its take-off card weighs every zone it enters
void checkKnownZonesKept(const CaseRun& r, std::vector<Failure>& out, Reach& reach) {
    const scenario::Scenario& s = r.scenario;
    const auto story = stories(r);
    for (std::size_t i = 0; i < r.world.drones.size(); ++i) {
        const sim::FlightPlan& fp = r.world.flights[i];
        const sim::Drone& d = r.world.drones[i];
        if (fp.behaviour != scenario::Behaviour::Compliant || d.departedAt < 0) continue;
        const auto it = story.find(fp.flight.id);
        if (it == story.end()) continue;
        const FlightStory& f = it->second;
        const Instant decided = d.departedAt;
        const scenario::Category& category = *s.category(fp.flight.category);
        const std::set<std::string> granted = keys(f.granted, decided);
        const sim::Verdict* card = takeOffCard(r.world, fp.flight.id, decided);
        auto fail = [&](const std::string& what) {
            out.push_back({"a", r.variant,
                           "compliant flight " + fp.flight.id + " (decided at " + clockOf(s, decided) + ") " +
                               what +
                               (card ? "\n" + report::verdictCardText(s, r.world, *card) : std::string())});
        };
        for (const sim::Event* e : f.events) {
            // up to a responder's act (its doing, not the operator's); after a breach too, whose way
            // out and home keep out of every zone known to forbid the flight (rule 11)
            if (e->time >= f.neutralised || e->zone < 0) continue;
            const auto z = static_cast<std::size_t>(e->zone);
            const std::string& zone = s.zones[z].id;
            const bool known = knownInForce(r.compiled, z, e->time, decided);
            if (e->type == EventType::ViolationStart && known)
                fail("violates " + zone + " at " + clockOf(s, e->time) +
                     ", in force then and known when it decided");
            if (e->type != EventType::ZoneEntry) continue;
            reach.add("compliant zone entries");
            if (known && forbids(s.zones[z], category, fp.flight.altitude.metres, granted))
                fail("enters " + zone + " at " + clockOf(s, e->time) +
                     ", which forbids it, in force then and known when it decided");
            // the card weighs every zone the route it took off on meets (up to a breach: a new plan)
            if (!card || e->time >= f.breach) continue;
            const bool weighed = std::any_of(card->findings.begin(), card->findings.end(),
                                             [&](const sim::ZoneFinding& x) { return x.zone == e->zone; });
            const bool forbidden =
                std::any_of(card->findings.begin(), card->findings.end(), [&](const sim::ZoneFinding& x) {
                    return x.zone == e->zone && x.applies &&
                           x.restriction != scenario::Restriction::Conditional;
                });
            if (!weighed)
                fail("enters " + zone + " at " + clockOf(s, e->time) +
                     ", which its take-off card does not weigh");
            if (forbidden)
                fail("enters " + zone + " at " + clockOf(s, e->time) +
                     ", which its take-off card says forbids it");
        }
    }
}

/// Where a compliant flight's track, as it took off on it, is inside a zone that forbids the flight
/// while the zone is in force as the operator knew at take-off: (zone, from when). Measured on the plan
/// with core geometry, apart from the simulation's zone index; up to a breach or a responder, which
/// change the plan. An authorisation zone not granted by then forbids it, refused or not yet asked.
std::vector<std::pair<std::string, Instant>> forbiddenStays(const CaseRun& r, std::size_t i,
                                                            const FlightStory& f) {
    std::vector<std::pair<std::string, Instant>> out;
    const scenario::Scenario& s = r.scenario;
    const sim::FlightPlan& fp = r.world.flights[i];
    const sim::Drone& d = r.world.drones[i];
    const Instant decided = d.departedAt, cut = std::min(f.breach, f.neutralised);
    const scenario::Category& category = *s.category(fp.flight.category);
    const std::set<std::string> granted = keys(f.granted, decided);
    for (std::size_t z = 0; z < s.zones.size(); ++z) {
        const scenario::Zone& zone = s.zones[z];
        if (!forbids(zone, category, fp.flight.altitude.metres, granted)) continue;
        for (const sim::Segment& seg : d.plan) {
            if (seg.t0 >= cut) break;
            // the stretches of this piece inside the zone, as times [ms]
            std::vector<std::pair<double, double>> inside;
            const double length = core::distance(seg.p0, seg.p1);
            const double t0 = static_cast<double>(seg.t0), span = static_cast<double>(seg.t1 - seg.t0);
            if (seg.kind == sim::Segment::Cruise && length > 0.0) {
                for (const core::Interval& x : core::insideIntervals(zone.region, seg.p0, seg.p1))
                    inside.emplace_back(t0 + span * x.enter / length, t0 + span * x.leave / length);
            } else if (core::contains(zone.region, seg.p0)) {
                inside.emplace_back(t0, t0 + span);
            }
            for (const auto& [a, b] : inside)
                for (const sim::ActiveWindow& w : r.compiled.windows[z]) {
                    const double from = std::max(a, static_cast<double>(w.from));
                    const double to = std::min(b, static_cast<double>(w.to));
                    if (w.known <= decided && to - from >= 1.0) // a stay of a millisecond or more
                        out.emplace_back(zone.id, static_cast<Instant>(from));
                }
        }
    }
    return out;
}

// (a) and (b) on the track itself: a compliant flight's track keeps out of every zone that forbids it
// while in force, as known when it decided; for a rerouted flight that is its way around
void checkFlownTracks(const CaseRun& r, std::vector<Failure>& out, Reach& reach) {
    const auto story = stories(r);
    for (std::size_t i = 0; i < r.world.drones.size(); ++i) {
        const sim::FlightPlan& fp = r.world.flights[i];
        const sim::Drone& d = r.world.drones[i];
        if (fp.behaviour != scenario::Behaviour::Compliant || d.departedAt < 0) continue;
        reach.add(d.rerouted ? "reroutes" : "compliant tracks");
        for (const auto& [zone, from] : forbiddenStays(r, i, story.at(fp.flight.id)))
            out.push_back({d.rerouted ? "b" : "a", r.variant,
                           "compliant flight " + fp.flight.id + (d.rerouted ? " rerouted" : " took off") +
                               " at " + clockOf(r.scenario, d.departedAt) + " and its track is inside " +
                               zone + " from " + clockOf(r.scenario, from) +
                               ", which forbids it then, as it knew"});
    }
}

/// The numbers of a line such as "7 flights planned: 3 flown, 1 violated, ...": planned, and the sum of the
/// rest.
std::pair<int, int> plannedLine(const std::string& text) {
    static const std::regex line("([0-9]+) flights planned: ([^\n<]*)"), number("([0-9]+) ");
    std::smatch m;
    if (!std::regex_search(text, m, line)) return {-1, -2};
    int sum = 0;
    const std::string rest = m[2];
    for (auto it = std::sregex_iterator(rest.begin(), rest.end(), number); it != std::sregex_iterator(); ++it)
        sum += std::stoi((*it)[1]);
    return {std::stoi(m[1]), sum};
}

// (c) one final outcome a planned flight, from report::kFinalOutcomes, adding up to the flights
// planned in the metrics, the ledger, report.json, flights.csv, the summary, the handout, the
// comparison and tracks.geojson
void checkOutcomesAddUp(const CaseRun& r, std::vector<Failure>& out) {
    const report::Metrics& m = r.record.metrics;
    auto fail = [&](const std::string& what) { out.push_back({"c", r.variant, what}); };
    std::set<std::string> names;
    for (report::FinalOutcome o : report::kFinalOutcomes)
        names.insert(std::string(report::name(o)));

    // the metrics, total and by category
    auto sum = [](const report::Counts& c) {
        double n = 0;
        for (report::FinalOutcome o : report::kFinalOutcomes)
            n += report::metricValue(c, std::string(report::name(o)));
        return n;
    };
    if (sum(m.total) != m.total.planned || !report::addsUp(m.total))
        fail("the total outcomes add up to " + std::to_string(sum(m.total)) + ", not the " +
             std::to_string(m.total.planned) + " flights planned");
    for (const auto& [id, c] : m.byCategory)
        if (sum(c) != c.planned || !report::addsUp(c))
            fail("category " + id + ": outcomes add up to " + std::to_string(sum(c)) + ", not " +
                 std::to_string(c.planned));

    // the ledger, flight by flight
    std::map<std::string, int> ledger;
    std::map<std::string, std::string> outcomeOf;
    int planned = 0;
    for (std::size_t i = 0; i < r.world.drones.size(); ++i) {
        if (!report::isPlanned(r.scenario, r.world.flights[i])) continue;
        ++planned;
        const std::string o(
            report::name(report::ledgerOf(r.scenario, r.world.flights[i], r.world.drones[i]).outcome));
        ++ledger[o];
        outcomeOf[r.world.flights[i].flight.id] = o;
    }
    if (planned != m.total.planned)
        fail("the ledger plans " + std::to_string(planned) + " flights, the metrics " +
             std::to_string(m.total.planned));
    for (const std::string& o : names)
        if (ledger[o] != report::metricValue(m.total, o)) fail("the ledger and the metrics disagree on " + o);

    // report.json
    const json metrics = json::parse(report::reportJson(r.record)).at("metrics");
    auto checkJson = [&](const json& c, const std::string& what) {
        int n = 0;
        std::set<std::string> found;
        for (const auto& [outcome, count] : c.at("outcomes").items())
            n += count.get<int>(), found.insert(outcome);
        if (found != names) fail("report.json " + what + " lists outcomes other than report::kFinalOutcomes");
        if (n != c.at("planned").get<int>())
            fail("report.json " + what + ": outcomes add up to " + std::to_string(n));
    };
    checkJson(metrics.at("total"), "total");
    if (metrics.contains("by_category"))
        for (const auto& [id, c] : metrics.at("by_category").items())
            checkJson(c, "category " + id);

    // flights.csv: a row a planned flight, each with one outcome of the list, the ledger's
    std::istringstream csv(report::flightsCsv(r.record));
    std::string row;
    std::getline(csv, row);
    int rows = 0;
    while (std::getline(csv, row)) {
        std::vector<std::string> fields;
        std::stringstream split(row);
        for (std::string x; std::getline(split, x, ',');)
            fields.push_back(x);
        ++rows;
        if (fields.size() < 5 || !names.count(fields[4]) || outcomeOf[fields[0]] != fields[4])
            fail("flights.csv row '" + row + "' has no outcome of the ledger's");
    }
    if (rows != m.total.planned)
        fail("flights.csv has " + std::to_string(rows) + " rows for " + std::to_string(m.total.planned) +
             " flights planned");

    // the summary and the handout: "N flights planned: a flown, b ..., c pending"
    for (const auto& [what, text] :
         {std::pair<std::string, std::string>{"the summary", report::summaryTable(r.record)},
          {"report.html", report::runHtml(r.record, "<svg/>")}}) {
        const auto [n, total] = plannedLine(text);
        if (n != m.total.planned || total != n)
            fail(what + " says " + std::to_string(n) + " flights planned, its outcomes add up to " +
                 std::to_string(total));
        for (const std::string& o : names)
            if (text.find(" " + o) == std::string::npos) fail(what + " does not name the outcome " + o);
    }

    // the comparison table: a row an outcome, adding up to the planned row
    report::Comparison comparison;
    comparison.title = r.scenario.title;
    comparison.variants.push_back({r.variant, "", {r.scenario.seed}, {m.total}, "", ""});
    const std::string table = report::comparisonTable(comparison);
    auto rowValue = [&](const std::string& label) {
        const std::size_t at = table.find("\n  " + label + " ");
        return at == std::string::npos ? -1.0 : std::stod(table.substr(at + 3 + label.size()));
    };
    double rowsSum = 0;
    for (const std::string& o : names)
        rowsSum += rowValue("outcome: " + o);
    if (rowsSum != rowValue("flights planned"))
        fail("the comparison's outcome rows add up to " + std::to_string(rowsSum));

    // tracks.geojson: each flight that took off with its ledger outcome
    int tracks = 0;
    const json geojson = json::parse(report::tracksGeoJson(r.record));
    for (const json& feature : geojson.at("features")) {
        const json& p = feature.at("properties");
        if (p.at("kind") != "flight") continue;
        const std::string id = p.at("id");
        if (!outcomeOf.count(id)) continue; // not due to depart during the run
        ++tracks;
        if (p.at("outcome") != outcomeOf[id]) fail("tracks.geojson gives flight " + id + " another outcome");
    }
    if (tracks != m.total.tookOff)
        fail("tracks.geojson has " + std::to_string(tracks) + " tracks of planned flights; " +
             std::to_string(m.total.tookOff) + " took off");
}

/// What `where` says of a point and time: the zones that forbid (prohibited), refuse at once
/// (an authorisation never granted) and need an authorisation there.
struct WhereSets {
    std::set<std::string> prohibited, refused, authorisation;
};

WhereSets whereSets(const scenario::Scenario& s, const sim::WhereAnswer& answer,
                    const scenario::Category& category) {
    WhereSets out;
    for (const sim::Judgement& j : answer.zones) {
        const scenario::Zone& zone = s.zones[static_cast<std::size_t>(j.finding.zone)];
        if (j.bearing == sim::Bearing::Prohibited) out.prohibited.insert(zone.id);
        if (j.bearing == sim::Bearing::NeedsAuthorisation)
            (sim::grants(zone, category) ? out.authorisation : out.refused).insert(zone.id);
    }
    return out;
}

/// The take-off warnings of `nofly check` (or a load): flight -> zones.
std::map<std::string, std::set<std::string>> takeOffWarnings(const std::string& printed) {
    std::map<std::string, std::set<std::string>> out;
    static const std::regex warning("warning: flight '([^']+)' takes off inside prohibited zone '([^']+)'");
    for (auto it = std::sregex_iterator(printed.begin(), printed.end(), warning);
         it != std::sregex_iterator(); ++it)
        out[(*it)[1]].insert((*it)[2]);
    return out;
}

std::string list(const std::set<std::string>& s) {
    std::string out;
    for (const std::string& x : s)
        out += (out.empty() ? "" : ", ") + x;
    return "[" + out + "]";
}

// (d) at each written flight's take-off point and time: the zones `where` finds forbidding it are those
// `check` warns of; a compliant flight the answer stops does not take off then, and its first card
// weighs each of them as applying; a compliant flight that takes off then holds every authorisation
// `where` says it needs; `explain` prints the ledger's word and every card of the run. With
// `commands`, through the command functions themselves (the file is read again, the options parsed).
void checkCommandsAgree(const CaseRun& r, const std::string& path, bool commands, std::vector<Failure>& out,
                        Reach& reach) {
    const scenario::Scenario& s = r.scenario;
    auto fail = [&](const std::string& what) { out.push_back({"d", r.variant, what}); };
    std::string printed;
    for (const core::Diagnostic& d : r.diagnostics.sorted())
        printed += core::format(d) + "\n";
    auto warned = takeOffWarnings(printed);
    if (commands) {
        std::ostringstream checkOut, checkErr;
        CheckOptions options;
        options.paths = {path};
        options.quiet = true;
        if (runCheck(options, checkOut, checkErr) != kOk)
            fail("nofly check refuses the case:\n" + checkErr.str());
        if (takeOffWarnings(checkErr.str()) != warned)
            fail("nofly check warns otherwise than the load:\n" + checkErr.str());
    }
    const auto story = stories(r);
    for (std::size_t i = 0; i < r.world.flights.size(); ++i) {
        const sim::FlightPlan& fp = r.world.flights[i];
        const sim::Drone& d = r.world.drones[i];
        if (!fp.generator.empty() || !report::isPlanned(s, fp)) continue;
        const scenario::Flight& f = fp.flight;
        const scenario::Category& category = *s.category(f.category);
        const Vec2 p = f.route.front();
        const double altitude = f.altitude.metres;
        const sim::WhereAnswer answer = sim::where(r.compiled, p, f.depart, altitude, f.category);
        const WhereSets at = whereSets(s, answer, category);
        const std::string here =
            "flight " + f.id + " at its take-off point and time (" + clockOf(s, f.depart) + "): ";
        reach.add("where: prohibited at take-off", at.prohibited.empty() ? 0 : 1);

        // check warns of exactly the zones that forbid it, for a flight written compliant or without
        // behaviour
        const bool checked = !f.behaviour || *f.behaviour == scenario::Behaviour::Compliant;
        const std::set<std::string> expected = checked ? at.prohibited : std::set<std::string>{};
        if (warned[f.id] != expected)
            fail(here + "where finds " + list(at.prohibited) + " prohibiting it, check warns of " +
                 list(warned[f.id]));

        // the run: a compliant flight stopped there does not take off then
        const FlightStory empty;
        const auto it = story.find(f.id);
        const FlightStory& st = it == story.end() ? empty : it->second;
        if (fp.behaviour == scenario::Behaviour::Compliant && d.departedAt == f.depart) {
            if (!at.prohibited.empty() || !at.refused.empty())
                fail(here + "where says no (" + list(at.prohibited) + list(at.refused) +
                     "), yet it took off then");
            for (const std::string& z : at.authorisation)
                if (!st.granted.count(z))
                    fail(here + "where says it needs an authorisation of " + z +
                         ", yet it took off then without one");
        }
        // its first card weighs each prohibiting zone as applying
        const sim::Verdict* first = nullptr;
        for (const sim::Verdict& v : r.world.verdicts)
            if (report::flightId(r.world, v.flight) == f.id) {
                first = &v;
                break;
            }
        if (!first || first->time != f.depart) {
            fail(here + "the run made no decision at its departure time");
            continue;
        }
        for (const std::string& z : at.prohibited)
            if (std::none_of(first->findings.begin(), first->findings.end(), [&](const sim::ZoneFinding& x) {
                    return report::zoneId(s, x.zone) == z && x.applies;
                }))
                fail(here + "where finds " + z + " prohibiting it, its first card does not:\n" +
                     report::verdictCardText(s, r.world, *first));
        if (!commands) continue;

        // nofly where, read from the file with its options as text
        std::ostringstream whereOut, whereErr;
        WhereOptions where;
        where.file = path;
        where.variant = r.variant;
        char point[64];
        std::snprintf(point, sizeof point, "%.3fm,%.3fm", p.x, p.y);
        where.at = point;
        where.time = core::formatInstant(f.depart, s.time.utcOffsetMinutes);
        char height[32];
        std::snprintf(height, sizeof height, "%.3f m", altitude);
        where.altitude = height;
        where.category = f.category;
        if (runWhere(where, whereOut, whereErr) != kOk) fail(here + "nofly where fails: " + whereErr.str());
        std::string said = "  " + report::whereText(s, answer) + "\n";
        for (const sim::Judgement& j : answer.zones)
            said += "  - " + s.zones[static_cast<std::size_t>(j.finding.zone)].name + " (" +
                    std::string(scenario::name(j.finding.restriction)) +
                    "): " + (j.finding.applies ? "applies: " : "does not apply: ") +
                    report::findingText(s, s.category(f.category), j.finding) + "\n";
        if (whereOut.str().find(said) == std::string::npos)
            fail(here + "nofly where answers otherwise than the run's rules:\n" + said + "but:\n" +
                 whereOut.str());

        // nofly explain: the ledger's word, then every card of the run
        std::ostringstream explainOut, explainErr;
        ExplainOptions explain;
        explain.file = path;
        explain.flight = f.id;
        explain.variant = r.variant;
        if (runExplain(explain, explainOut, explainErr) != kOk) {
            fail(here + "nofly explain fails: " + explainErr.str());
            continue;
        }
        const std::string text = explainOut.str();
        const std::string header = "Flight " + f.id + " (" + f.category + ", " +
                                   std::string(scenario::name(fp.behaviour)) +
                                   "): " + report::describe(report::ledgerOf(s, fp, d)) + "\n";
        if (text.rfind(header, 0) != 0)
            fail(here + "nofly explain does not begin with '" + header + "':\n" + text);
        for (const sim::Verdict& v : r.world.verdicts)
            if (report::flightId(r.world, v.flight) == f.id &&
                text.find(report::verdictCardText(s, r.world, v)) == std::string::npos)
                fail(here + "nofly explain does not print the run's card\n" +
                     report::verdictCardText(s, r.world, v) + "but:\n" + text);
    }
}

// (e) adding an exemption never increases that category's disruption
void checkExemption(const CaseRun& base, const CaseRun& exempt, const std::string& category,
                    std::vector<Failure>& out, Reach& reach) {
    const double before = report::metricValue(base.record.metrics.byCategory.at(category), "disrupted");
    const double after = report::metricValue(exempt.record.metrics.byCategory.at(category), "disrupted");
    reach.add("exemptions that lower disruption", after < before ? 1 : 0);
    if (after > before)
        out.push_back({"e", exempt.variant,
                       "exempting " + category + " disrupts " + std::to_string(after) + " of its flights, " +
                           std::to_string(before) + " without the exemption"});
}

// (f) variants that change only policy draw the same random numbers: the same traffic, behaviours,
// Remote ID, and false alarms
void checkSameDraws(const CaseRun& base, const CaseRun& other, std::vector<Failure>& out) {
    auto fail = [&](const std::string& what) { out.push_back({"f", other.variant, what}); };
    const auto& a = base.world.flights;
    const auto& b = other.world.flights;
    if (a.size() != b.size())
        return fail("the variant has " + std::to_string(b.size()) + " flights, the base " +
                    std::to_string(a.size()));
    for (std::size_t i = 0; i < a.size(); ++i) {
        const scenario::Flight& x = a[i].flight;
        const scenario::Flight& y = b[i].flight;
        if (x.id != y.id || x.depart != y.depart || x.route != y.route || x.speed != y.speed ||
            x.altitude.metres != y.altitude.metres || a[i].behaviour != b[i].behaviour ||
            a[i].endurance != b[i].endurance)
            fail("flight " + x.id + " is drawn otherwise in the variant");
    }
    if (base.world.defence.cooperative != other.world.defence.cooperative)
        fail("the drones broadcasting Remote ID are drawn otherwise in the variant");
    auto alarms = [](const CaseRun& r) {
        std::vector<std::tuple<Instant, double, double, int>> seen; // and the sensor
        for (const sim::Event& e : r.record.events)
            if (e.type == EventType::FalseAlarm) seen.emplace_back(e.time, e.at.x, e.at.y, e.ref);
        return seen;
    };
    if (alarms(base) != alarms(other)) fail("the sensors' false alarms are drawn otherwise in the variant");
}

/// The windows a zone is in force while the scenario runs (scenario::windowsInForce, rule 1), joined
/// and cut to the scenario's time, as [from, to) instants.
std::vector<std::pair<Instant, Instant>> inForceDuringRun(const scenario::Scenario& s, std::size_t z) {
    std::vector<std::pair<Instant, Instant>> out;
    for (const scenario::InForceWindow& w : scenario::windowsInForce(s, z)) {
        const Instant from = std::max(w.from, s.time.start), to = std::min(w.to, s.time.end);
        if (from >= to) continue;
        if (!out.empty() && from <= out.back().second)
            out.back().second = std::max(out.back().second, to);
        else
            out.emplace_back(from, to);
    }
    return out;
}

// (g) the zones exported as ED-269 and included again are in force exactly when they were
void checkExportKeepsWindows(const CaseRun& r, const std::string& path, std::vector<Failure>& out,
                             Reach& reach) {
    const scenario::Scenario& s = r.scenario;
    const fs::path folder = fs::path(path).parent_path();
    const std::string stem = fs::path(path).stem().string();
    {
        std::ofstream file(folder / (stem + "-zones.json"), std::ios::binary | std::ios::trunc);
        file << report::exportZones(s, report::ZoneFormat::Ed269).text;
    }
    {
        std::ofstream wrapper(folder / (stem + "-trip.yaml"), std::ios::binary | std::ios::trunc);
        wrapper << "title: Round trip\n"
                << "time: {start: " << core::formatInstant(s.time.start, s.time.utcOffsetMinutes)
                << ", end: " << core::formatInstant(s.time.end, s.time.utcOffsetMinutes) << "}\n"
                << "map: {origin: {lat: " << s.origin.lat << ", lon: " << s.origin.lon << "}}\n"
                << "include: [" << stem << "-zones.json]\n";
    }
    const scenario::LoadResult back = scenario::loadScenarioFile((folder / (stem + "-trip.yaml")).string());
    if (!back.scenario) {
        std::string problem;
        for (const core::Diagnostic& d : back.diagnostics.sorted())
            problem += core::format(d) + "\n";
        out.push_back({"g", r.variant, "the exported zones do not load again:\n" + problem});
        return;
    }
    for (std::size_t z = 0; z < s.zones.size(); ++z) {
        const scenario::Zone* again = back.scenario->zone(s.zones[z].id);
        if (!again) {
            out.push_back({"g", r.variant, "zone " + s.zones[z].id + " is lost by export and import"});
            continue;
        }
        reach.add("zones exported and imported");
        const std::size_t k = static_cast<std::size_t>(again - back.scenario->zones.data());
        if (inForceDuringRun(s, z) != inForceDuringRun(*back.scenario, k))
            out.push_back({"g", r.variant,
                           "zone " + s.zones[z].id + " is in force at other times after export and import"});
    }
}

/// Every invariant on one case, written to `path`; `commands`: also through the command functions.
std::vector<Failure> checkCase(const Case& c, const std::string& path, bool commands, Reach& reach) {
    std::vector<Failure> out;
    {
        std::ofstream file(path, std::ios::binary | std::ios::trunc);
        file << c.yaml();
    }
    std::vector<std::string> variants = {""};
    for (const char* v : {"v-exempt", "v-policy"})
        if (c.has(v)) variants.push_back(v);
    std::vector<std::unique_ptr<CaseRun>> runs;
    for (const std::string& v : variants) {
        std::string problem;
        runs.push_back(runFile(path, v, problem));
        if (!runs.back()) {
            out.push_back({"load", v, "the case does not load:\n" + problem});
            return out;
        }
    }
    for (const auto& r : runs) {
        checkKnownZonesKept(*r, out, reach);
        checkFlownTracks(*r, out, reach);
        checkOutcomesAddUp(*r, out);
        checkCommandsAgree(*r, path, commands && r->variant.empty(), out, reach);
        if (r->variant.empty()) checkExportKeepsWindows(*r, path, out, reach);
        for (const sim::Event& e : r->record.events)
            reach.add(std::string(sim::name(e.type)));
    }
    for (std::size_t v = 1; v < runs.size(); ++v) {
        checkSameDraws(*runs[0], *runs[v], out);
        if (runs[v]->variant == "v-exempt") checkExemption(*runs[0], *runs[v], c.exemptCategory, out, reach);
    }
    return out;
}

/// The case without item `index` and every item that names it, directly or not.
Case without(const Case& c, std::size_t index) {
    std::set<std::string> gone = {c.items[index].id};
    for (bool grew = true; grew;) {
        grew = false;
        for (const Item& i : c.items)
            if (!gone.count(i.id) && std::any_of(i.needs.begin(), i.needs.end(),
                                                 [&](const std::string& n) { return gone.count(n) > 0; })) {
                gone.insert(i.id);
                grew = true;
            }
    }
    Case out = c;
    std::erase_if(out.items, [&](const Item& i) { return gone.count(i.id) > 0; });
    return out;
}

/// The smallest case, item by item, that still fails `invariant`.
Case shrink(const Case& c, const std::string& invariant, const std::string& path) {
    Case best = c;
    Reach ignored;
    auto fails = [&](const Case& x) {
        const auto failures = checkCase(x, path, true, ignored);
        return std::any_of(failures.begin(), failures.end(),
                           [&](const Failure& f) { return f.invariant == invariant; });
    };
    for (bool smaller = true; smaller;) {
        smaller = false;
        for (std::size_t i = 0; i < best.items.size() && !smaller; ++i) {
            Case candidate = without(best, i);
            if (fails(candidate)) best = std::move(candidate), smaller = true;
        }
    }
    return best;
}

/// A folder of its own for the case files, removed at the end.
class Scratch {
public:
    Scratch() : m_path(fs::temp_directory_path() / ("nofly-property-" + std::to_string(::getpid()))) {
        fs::create_directories(m_path);
    }
    ~Scratch() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    fs::path path() const { return m_path; }

private:
    fs::path m_path;
};

TEST(RuleBookProperties, HoldOnSeededRandomScenarios) {
    const Scratch scratch;
    const std::string path = (scratch.path() / "case.yaml").string();
    const auto started = std::chrono::steady_clock::now();
    Reach reach;
    int failing = 0;
    const auto [first, last] = seeds();
    for (std::uint64_t seed = first; seed <= last; ++seed) {
        const Case c = Generator(seed).make();
        // the command functions on one case in five: each reads the file again
        const std::vector<Failure> failures = checkCase(c, path, seed % 5 == 0, reach);
        if (failures.empty()) continue;
        // the smallest case that still fails the first invariant broken, kept to replay
        const Case smallest = shrink(c, failures.front().invariant, path);
        const fs::path kept =
            fs::temp_directory_path() / ("nofly-property-seed-" + std::to_string(seed) + ".yaml");
        std::ofstream(kept) << smallest.yaml();
        std::ostringstream report;
        report << "seed " << seed << ":\n";
        for (const Failure& f : failures)
            report << "  (" << f.invariant << ")" << (f.variant.empty() ? "" : " in variant " + f.variant)
                   << ": " << f.what << "\n";
        report << "The case as generated:\n"
               << c.yaml() << "\nThe smallest case that still fails (" << failures.front().invariant
               << "), to replay with: nofly run " << kept.string()
               << (failures.front().variant.empty() ? "" : " --variant " + failures.front().variant) << "\n"
               << smallest.yaml();
        ADD_FAILURE() << report.str();
        if (++failing >= 3) break; // enough to go on with
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << last - first + 1 << " cases in " << seconds << " s; reached:";
    for (const auto& [what, n] : reach.counts)
        std::cout << " " << what << " " << n << ";";
    std::cout << "\n";
    // the fixed seeds reach every path the invariants are about (one seed, replayed, need not)
    if (first != kFirstSeed || last != kLastSeed) return;
    for (const char* reached : {"reroute", "wait", "cancellation", "violation_start", "authorisation_granted",
                                "authorisation_denied", "breach", "zone_entry", "neutralised", "false_alarm",
                                "reroutes", "compliant tracks", "compliant zone entries",
                                "where: prohibited at take-off", "exemptions that lower disruption"})
        EXPECT_GT(reach.counts[reached], 0) << "no case reached " << reached;
}

// The real program on a few cases: nofly check, run and explain read the generated file as a user's.
TEST(RuleBookProperties, TheProgramReplaysACase) {
    const Scratch scratch;
    for (std::uint64_t seed : {3u, 7u, 11u}) {
        const Case c = Generator(seed).make();
        const std::string path = (scratch.path() / ("seed-" + std::to_string(seed) + ".yaml")).string();
        std::ofstream(path) << c.yaml();
        EXPECT_EQ(testing::nofly("check -q '" + path + "'").exit, 0) << c.yaml();
        const testing::Outcome run = testing::nofly("run '" + path + "'", false);
        EXPECT_EQ(run.exit, 0) << c.yaml();
        // the summary's first line adds up
        const auto [planned, total] = plannedLine(run.out);
        EXPECT_EQ(planned, total) << run.out;
        // explain prints what the in-process command prints
        std::string problem;
        const auto r = runFile(path, "", problem);
        ASSERT_TRUE(r) << problem;
        const std::string flight = r->world.flights.front().flight.id;
        std::ostringstream out, err;
        ExplainOptions explain;
        explain.file = path;
        explain.flight = flight;
        ASSERT_EQ(runExplain(explain, out, err), kOk);
        const testing::Outcome program = testing::nofly("explain '" + path + "' " + flight, false);
        EXPECT_EQ(program.exit, 0);
        EXPECT_EQ(program.out, out.str());
    }
}

} // namespace
} // namespace nofly::app
