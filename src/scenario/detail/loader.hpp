// The scenario loader's class, shared by the files that read each part of a
// scenario (internal to src/scenario; loader.hpp is the layer's entry point):
//   loader.cpp           the whole file: YAML, includes, variants, list items
//   loader_map.cpp       time, map, basemap, positions, shapes
//   loader_places.cpp    places, airports, sites
//   loader_zones.cpp     zones and when they are active
//   loader_traffic.cpp   categories, flights, generated traffic
//   loader_defence.cpp   sensors, responders, obstacles, tracking
//   loader_timeline.cpp  timeline, expectations, questions, the checks across sections
#pragma once

#include "scenario/airports.hpp"
#include "scenario/basemap.hpp"
#include "scenario/import.hpp"
#include "scenario/keys.hpp"
#include "scenario/loader.hpp"
#include "scenario/reader.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nofly::scenario::detail {

using core::Dimension;

/// A position as written: local plane and geographic.
struct Position {
    Vec2 local;
    core::LatLon geo;
};

/// An item of a list section together with its source, from the main file,
/// an included file or a variant's `add:`.
struct Item {
    Source source;
    std::string id; ///< raw id, when the item has one
};

/// How the elements of a list section open (Loader::open): each is a mapping
/// of the section's keys, most with an id that no other element of the section
/// has, and messages call it "<kind> '<id>'".
struct ElementKind {
    const char* section;           ///< "zones": the scenario's key for the list
    const char* kind;              ///< "zone": in messages and in the duplicate-id check
    const keys::List* keys;        ///< the keys its mapping may hold
    const char* idHint = nullptr;  ///< why it needs an id; nullptr: the id may be left out
    const char* unnamed = nullptr; ///< what messages call it without an id; nullptr: "<kind> ''"
    const char* mapping = nullptr; ///< what messages about its keys call it; nullptr: "<kind> '<id>'"
};

inline constexpr ElementKind kPlaces{.section = "places",
                                     .kind = "place",
                                     .keys = &keys::kPlace,
                                     .idHint = "a short name used to refer to it, such as 'id: city-hall'"};
inline constexpr ElementKind kAirports{.section = "airports",
                                       .kind = "airport",
                                       .keys = &keys::kAirport,
                                       .idHint = "its ICAO code, such as 'id: EKCH'"};
inline constexpr ElementKind kSites{
    .section = "sites", .kind = "site", .keys = &keys::kSite, .idHint = "such as 'id: bella-center'"};
inline constexpr ElementKind kZones{.section = "zones",
                                    .kind = "zone",
                                    .keys = &keys::kZone,
                                    .idHint = "a short name, such as 'id: ekch-ctr'"};
inline constexpr ElementKind kFlights{.section = "flights",
                                      .kind = "flight",
                                      .keys = &keys::kFlight,
                                      .idHint = "a short name, such as 'id: bridge-inspection'"};
inline constexpr ElementKind kTraffic{.section = "traffic",
                                      .kind = "traffic",
                                      .keys = &keys::kTraffic,
                                      .idHint = "a short name, such as 'id: morning-hobby'"};
inline constexpr ElementKind kSensors{
    .section = "sensors", .kind = "sensor", .keys = &keys::kSensor, .idHint = "such as 'id: kastrup-radar'"};
inline constexpr ElementKind kResponders{.section = "responders",
                                         .kind = "responder",
                                         .keys = &keys::kResponder,
                                         .idHint = "such as 'id: police-team-1'"};
inline constexpr ElementKind kTimeline{.section = "timeline",
                                       .kind = "event",
                                       .keys = &keys::kEvent,
                                       .unnamed = "timeline event",
                                       .mapping = "timeline event"};
inline constexpr ElementKind kExpectations{.section = "expect",
                                           .kind = "expectation",
                                           .keys = &keys::kExpect,
                                           .unnamed = "expectation",
                                           .mapping = "expectation"};
inline constexpr ElementKind kObstacles{.section = "obstacles",
                                        .kind = "obstacle",
                                        .keys = &keys::kObstacle,
                                        .idHint = "such as 'id: terminal-3'"};
inline constexpr ElementKind kQuestions{
    .section = "questions",
    .kind = "question",
    .keys = &keys::kQuestion,
    .idHint = "a short name for the question, used by 'nofly run --answer ID=CHOICE'",
    .unnamed = "question"};

/// The list sections, in the order the scenario file's lists are read.
inline constexpr const ElementKind* kListSections[] = {&kPlaces,   &kAirports,     &kSites,     &kZones,
                                                       &kFlights,  &kTraffic,      &kSensors,   &kResponders,
                                                       &kTimeline, &kExpectations, &kObstacles, &kQuestions};

/// The ids of a section's elements so far, where each was written.
using IdsSeen = std::map<std::string, SourceLocation>;

/// An element of a list section, opened: what every section reads first.
struct Element {
    MapReader map;
    std::string id;     ///< empty when missing or not an id (already reported)
    std::string what;   ///< what messages call it: "zone 'ekch-ctr'"
    std::string name;   ///< its `name:`, else its id
    bool named = false; ///< whether it has a `name:`
    SourceLocation where;

    /// A model element with the id, name and location filled in.
    template <typename T> T start() const {
        T element;
        if constexpr (requires { element.id; }) element.id = id;
        if constexpr (requires { element.name; }) element.name = name;
        element.where = where;
        return element;
    }
};

/// The loader proper: one instance reads one scenario with one variant.
class Loader {
  public:
    Loader(core::Diagnostics& diagnostics, const LoadOptions& options);

    std::optional<Scenario> load(const std::string& text, const std::string& fileName);

  private:
    // the whole file (loader.cpp)
    void readVariants(const MapReader& top);
    void readVariant(const MapReader& variant, const std::string& id);
    void readPolicyTexts(const MapReader& top);
    void readSettings();
    bool refuseFixedPath(const std::string& path, const Source& at, const std::string& who);
    void readIncludes(const MapReader& top);
    std::optional<std::filesystem::path> resolveIncluded(const Source& at, const std::string& path,
                                                         const char* what);
    std::string shownPath(const std::string& path) const;
    std::optional<bool> readIncludeOptions(const Source& entry, Source& fileAt, ImportOptions& import);
    void includeRealData(const Source& fileAt, const std::string& path, const std::filesystem::path& resolved,
                         ImportOptions import);
    void includeYaml(const Source& fileAt, const std::string& path, const std::filesystem::path& resolved);
    std::vector<Item> items(const std::string& section);
    std::optional<Element> open(const Item& item, const ElementKind& kind, IdsSeen& seen);
    void checkId(IdsSeen& seen, const std::string& kind, const std::string& id, const Source& at);

    // time, map, positions, shapes (loader_map.cpp)
    void readTime(const MapReader& top);
    void readMap(const MapReader& top);
    void readBasemap(const MapReader& m, const Source& mapAt);
    void readOwnBasemap(const Source& basemap);
    std::optional<GeoBasemap> readBasemapAt(const std::string& path, const BasemapRead& how, const Source& at,
                                            const std::string& what);
    void useBasemap(std::vector<GeoBasemap> files, const Source& at, bool setsBounds);
    void boundByBasemap(const std::optional<GeoArea>& area);
    void warnBeyondBasemap(const std::optional<GeoArea>& area, const Source& at);
    const core::Region* country(const std::string& name, bool territorial, const Source& at,
                                const Source& watersAt, const std::string& what);
    std::optional<Position> readPosition(const Source& source, const std::string& what);
    std::optional<std::vector<Vec2>> readPoints(const Source& source, const std::string& what,
                                                std::size_t minimum);
    std::optional<core::Region> readShape(const Source& source, const std::string& what, ShapeKind* kind,
                                          int depth = 0);
    std::optional<core::Region> readCircle(const Source& body, const std::string& what);
    std::optional<core::Region> readPolygon(const Source& body, const std::string& what);
    std::optional<core::Region> readCorridor(const Source& body, const std::string& what);
    std::optional<core::Region> readCountry(const Source& body, const std::string& what,
                                            const std::optional<Source>& margin,
                                            const std::optional<Source>& waters);
    std::optional<core::Region> readParts(const Source& body, const std::string& what, int depth);
    void checkInsideMap(const std::vector<Vec2>& points, const std::string& what, const Source& at);

    // places, airports, sites (loader_places.cpp)
    void readPlaces();
    void readAirports();
    std::optional<Airport> readListedAirport(const Source& at, AirportCatalogue& catalogue, IdsSeen& seen);
    std::optional<Airport> readAirport(const Item& item, AirportCatalogue& catalogue, IdsSeen& seen);
    std::optional<ClosureRule> readClosure(const Source& source, const std::string& what);
    std::optional<MannedTraffic> readManned(const Source& source, const std::string& what);
    /// A rate such as '30 per hour' of `noun` (flights, decisions); with a `zeroHint`, zero (and below) is
    /// refused with that hint.
    std::optional<double> readPerHour(const Source& source, const std::string& what,
                                      const std::string& noun = "flights", const std::string& example = "30",
                                      const std::string& zeroHint = {});
    void readSites();

    // zones (loader_zones.cpp)
    void readZones();
    void readZoneAltitude(const Source& source, const std::string& what, Zone& zone);
    std::optional<std::vector<std::string>> readGrant(const Source& source, const std::string& what);
    void readDecision(const Source& source, const std::string& what, Zone& zone);
    void readDispensations(const MapReader& m, const Source& source, const std::string& what, Zone& zone);
    std::optional<Activation> readActivation(const Source& source, const std::string& what);
    std::optional<TimeWindow> readWindow(const MapReader& w, const std::string& label, bool& good);
    std::optional<WeeklySlot> readWeeklySlot(const Source& source, const std::string& label);

    // categories, flights, traffic (loader_traffic.cpp)
    void readCategories(const MapReader& top);
    void readCategory(const MapReader& m, const std::string& what, bool isNew, const Source& keySource,
                      Category& c);
    std::string categoryRef(const Source& source, const std::string& what);
    std::optional<Range> readRange(const Source& source, const std::string& what, Dimension dimension);
    std::optional<std::map<Behaviour, double>> readBehaviourMix(const Source& source,
                                                                const std::string& what);
    void readFlights();
    bool readRoute(const Element& e, const Item& item, Flight& flight);
    void readTraffic();
    bool readDepartWindow(const Source& depart, const std::string& what, TrafficGenerator& traffic);

    // sensors, responders, obstacles, tracking (loader_defence.cpp)
    void readSensors();
    void readResponders();
    void readObstacles();
    void readTracking(const MapReader& top);

    // timeline, expectations, questions, checks across sections (loader_timeline.cpp)
    void readTimeline();
    void readExpectations();
    void readQuestions();
    const keys::List* readQuestionAnswer(const Element& e, const Item& item, Question& q,
                                         const std::map<std::string, std::vector<std::string>>& things);
    void readQuestionChoices(const Element& e, const Item& item, Question& q, const keys::List* kinds,
                             const std::map<std::string, std::vector<std::string>>& things);
    void crossCheck();
    void checkReferences();

    Context m_context;
    LoadOptions m_options;
    std::string m_assetDir;
    const std::string* m_file = nullptr;
    std::filesystem::path m_root; ///< folder of the scenario file; includes stay inside it
    Scenario m_scenario;
    std::map<std::string, std::vector<Item>> m_sections;
    std::map<std::string, std::vector<Item>> m_added; ///< items a variant adds
    std::map<std::string, Position> m_named; ///< places and airports, for positions written as a name
    std::optional<core::Box> m_mapBounds;
    std::vector<std::string> m_knownPaths; ///< for suggestions on bad variant paths
    std::size_t m_values = 0; ///< values of the scenario's YAML files read so far (limits::kMaxValues)
    std::vector<std::pair<Source, std::string>>
        m_divertRefs; ///< airports' manned divert-to, checked after all airports
    std::map<std::string, std::vector<Source>> m_refs; ///< "zone"/"event"/"category" -> uses, checked last
    std::map<std::string, std::vector<std::string>> m_refIds;
};

} // namespace nofly::scenario::detail
