#include "report/schema.hpp"

#include "scenario/keys.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace nofly::report {

namespace keys = scenario::keys;
using Json = nlohmann::ordered_json;

namespace {

// --- the kinds of value, as the loader reads them ------------------------------------

// A number as src/core/quantity.cpp reads it; units match ignoring case.
const std::string kNumber = "[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?";
const std::string kLengthUnit = "(?:[mM]|[kK][mM]|[fF][tT]|[nN][mM])";

Json described(Json schema, const std::string& description) {
    schema["description"] = description;
    return schema;
}
Json ref(const std::string& name) {
    return {{"$ref", "#/definitions/" + name}};
}
Json listOf(Json items, int minItems = 0) {
    Json out{{"type", "array"}, {"items", std::move(items)}};
    if (minItems > 0) out["minItems"] = minItems;
    return out;
}
Json quantity(const std::string& pattern) {
    return {{"type", Json::array({"string", "number"})}, {"pattern", "^\\s*" + pattern + "\\s*$"}};
}

Json text() {
    return {{"type", Json::array({"string", "number"})}};
}
Json path() {
    return {{"type", "string"}};
}
Json id() {
    return {{"type", Json::array({"string", "integer"})}, {"pattern", "^[A-Za-z0-9][A-Za-z0-9_-]*$"}};
}
/// One id, or a list of them ("exempt: police").
Json ids() {
    return {{"anyOf", Json::array({id(), listOf(id())})}};
}
Json word(const keys::List& words) {
    return {{"enum", words}};
}
/// One word, or a list of them.
Json words(const keys::List& list) {
    return {{"anyOf", Json::array({word(list), listOf(word(list))})}};
}
Json boolean() {
    return {{"anyOf", Json::array({{{"type", "boolean"}},
                                   {{"type", "string"},
                                    {"pattern", "^(?:[tT]rue|[fF]alse|[yY]es|[nN]o|TRUE|FALSE|YES|NO)$"}}})}};
}
Json integer(long long min, long long max) {
    return {{"type", "integer"}, {"minimum", min}, {"maximum", max}};
}
Json number() {
    return {{"type", "number"}};
}
Json length() {
    return quantity(kNumber + "\\s*" + kLengthUnit + "?");
}
Json speed() {
    return quantity(kNumber + "\\s*(?:[mM]\\s*/\\s*[sS]|[kK][mM]\\s*/\\s*[hH]|[kK][tT])?");
}
Json duration() {
    return quantity(kNumber + "\\s*(?:(?:[hH]|[mM][iI][nN]|[sS])(?:\\s*" + kNumber +
                    "\\s*(?:[mM][iI][nN]|[sS]))*)?");
}
Json share() {
    return quantity(kNumber + "\\s*%?");
}
Json altitude() {
    return quantity("(?:[gG][nN][dD]|" + kNumber + "\\s*" + kLengthUnit +
                    "?(?:\\s*(?:[aA][gG][lL]|[aA][mM][sS][lL]))?)");
}
Json ceiling() {
    return quantity("(?:unlimited|[gG][nN][dD]|" + kNumber + "\\s*" + kLengthUnit +
                    "?(?:\\s*(?:[aA][gG][lL]|[aA][mM][sS][lL]))?)");
}
/// An ISO 8601 date and time, a date, a clock time or an offset from the start.
Json time() {
    return {{"type", "string"},
            {"pattern",
             "^\\s*(?:[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?\\s*"
             "(?:[Zz]|[-+][0-9]{2}(?::?[0-9]{2})?)?)?|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?|\\+.+)\\s*$"}};
}
Json clock() {
    return {{"type", "string"}, {"pattern", "^\\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\\s*$"}};
}
/// {lat, lon}, [east, north] in the local plane, or the id of a place or airport.
Json position() {
    return {{"anyOf", Json::array({ref("latlon"),
                                   {{"type", "array"}, {"items", length()}, {"minItems", 2}, {"maxItems", 2}},
                                   {{"type", "string"}}})}};
}
Json positions(int minItems) {
    return listOf(position(), minItems);
}
/// A value, or {between: [lo, hi]}.
Json range(Json value) {
    Json between{{"type", "object"},
                 {"properties",
                  {{"between", {{"type", "array"}, {"items", value}, {"minItems", 2}, {"maxItems", 2}}}}},
                 {"required", Json::array({"between"})},
                 {"additionalProperties", false}};
    return {{"anyOf", Json::array({value, between})}};
}
Json anyMap() {
    return {{"type", "object"}};
}

// --- the type of every key of every mapping ------------------------------------------------

/// A mapping of the language: its name here, its keys in keys.hpp, the keys it needs.
struct Definition {
    const char* name;
    const keys::List* keys;
    std::vector<std::string> required;
    const char* description;
};

const std::vector<Definition>& definitions() {
    static const std::vector<Definition> list = {
        {"scenario", &keys::kTop, {"title", "time", "map"}, "A nofly scenario"},
        {"included", &keys::kIncluded, {}, "List sections of an included file or of a variant's add"},
        {"time", &keys::kTime, {"start", "end"}, "When the scenario runs"},
        {"map", &keys::kMap, {"origin"}, "Where the scenario is"},
        {"basemapFiles", &keys::kBasemapFiles, {}, "A user's own GeoJSON file per basemap layer"},
        {"view", &keys::kView, {"center", "radius"}, "What maps and the window show first"},
        {"latlon", &keys::kLatLon, {"lat", "lon"}, "A position in degrees, WGS84"},
        {"include", &keys::kInclude, {"file"}, "A real-data file and how to read it"},
        {"place", &keys::kPlace, {"id", "at"}, "A named point"},
        {"zone", &keys::kZone, {"id", "restriction", "shape"}, "A no-fly zone or another restricted area"},
        {"dispensations",
         &keys::kDispensations,
         {},
         "A prohibited zone's dispensations: whom they are for, and the authority that decides them"},
        {"decision", &keys::kDecision, {"mean"}, "How long a decision takes: a mean and a spread"},
        {"shape", &keys::kShape, {}, "An area: exactly one of circle, polygon, corridor, country, parts"},
        {"circle", &keys::kCircle, {"center", "radius"}, "All points within radius of center"},
        {"polygon", &keys::kPolygon, {"outer"}, "A polygon with holes"},
        {"corridor", &keys::kCorridor, {"path", "width"}, "A band along a line"},
        {"altitudeBand", &keys::kAltitudeBand, {}, "The heights a zone covers"},
        {"active", &keys::kActive, {}, "When a zone is in force; without it, always"},
        {"window", &keys::kWindow, {}, "A window of time: from, to"},
        {"weekly", &keys::kWeekly, {"days"}, "A slot of a weekly timetable, in the scenario's local time"},
        {"category", &keys::kCategory, {}, "A kind of operator"},
        {"flight", &keys::kFlight, {"id", "category", "depart"}, "One planned drone flight"},
        {"traffic", &keys::kTraffic, {"id", "category", "count", "area", "depart"}, "Many generated flights"},
        {"between", &keys::kBetween, {"between"}, "A range: between: [lo, hi]"},
        {"behaviourMix", &keys::kBehaviourMix, {}, "Shares of behaviours, adding up to 100%"},
        {"airport", &keys::kAirport, {"id"}, "An airport"},
        {"site", &keys::kSite, {"id", "at"}, "A site to protect"},
        {"sensor", &keys::kSensor, {"id", "type", "at", "range"}, "A drone detection sensor"},
        {"responder", &keys::kResponder, {"id", "type", "base"}, "A team that responds to a drone"},
        {"closure", &keys::kClosure, {"radius"}, "When an unknown track closes an airport"},
        {"manned", &keys::kManned, {}, "Manned arrivals and departures at an airport"},
        {"obstacle",
         &keys::kObstacle,
         {"id", "shape", "height"},
         "Something that blocks sensors' line of sight"},
        {"tracking", &keys::kTracking, {}, "How detections become tracks"},
        {"event", &keys::kEvent, {"at", "event"}, "An event of the timeline"},
        {"expect", &keys::kExpect, {}, "A claim the scenario makes about its outcome"},
        {"variant", &keys::kVariant, {}, "Named changes to the scenario"},
        {"policy", &keys::kPolicy, {}, "The scenario as written, named as a policy for handouts"},
        {"headlines", &keys::kHeadlines, {}, "The metrics a compare handout charts first"},
        {"question",
         &keys::kQuestion,
         {"id", "ask"},
         "A prediction the class makes before the run shows the answer"},
    };
    return list;
}

/// "definition.key" -> the schema of its value.
const std::map<std::string, Json>& types() {
    static const std::map<std::string, Json> table = [] {
        std::map<std::string, Json> t;
        // the list sections, in a scenario, an included file and a variant's add
        const std::map<std::string, Json> sections = {
            {"places", listOf(ref("place"))},
            {"airports", listOf({{"anyOf", Json::array({id(), ref("airport")})}})},
            {"sites", listOf(ref("site"))},
            {"zones", listOf(ref("zone"))},
            {"flights", listOf(ref("flight"))},
            {"traffic", listOf(ref("traffic"))},
            {"sensors", listOf(ref("sensor"))},
            {"responders", listOf(ref("responder"))},
            {"obstacles", listOf(ref("obstacle"))},
        };
        for (const auto& [key, schema] : sections)
            t["scenario." + key] = t["included." + key] = schema;

        t["scenario.title"] = described(text(), "The name of the scenario, shown on the window and reports");
        t["scenario.description"] = described(text(), "What the scenario shows and what to watch");
        t["scenario.goals"] = described(listOf(text()), "The learning goals, one text each");
        t["scenario.seed"] = described(integer(0, 9007199254740991LL), "Fixes every random draw");
        t["scenario.time"] = ref("time");
        t["scenario.map"] = ref("map");
        t["scenario.include"] =
            described(listOf({{"anyOf", Json::array({path(), ref("include")})}}),
                      "Files whose lists join this scenario: YAML fragments, or real airspace "
                      "data (ED-269, ED-318, GeoJSON, OpenAir)");
        t["scenario.categories"] = described(
            {{"type", "object"},
             {"propertyNames", {{"pattern", "^[A-Za-z0-9][A-Za-z0-9_-]*$"}}},
             {"additionalProperties", {{"anyOf", Json::array({{{"type", "null"}}, ref("category")})}}}},
            "Kinds of operators: new ones, or changes to the built-in ones");
        t["scenario.timeline"] = listOf(ref("event"));
        t["scenario.tracking"] = ref("tracking");
        t["scenario.expect"] = listOf(ref("expect"));
        t["scenario.questions"] =
            described(listOf(ref("question")), "Predictions the class makes before the run shows the answer");
        t["scenario.policy"] = ref("policy");
        t["scenario.leaves_out"] = described(
            listOf(text()), "What this model leaves out, a sentence each: shown on the compare handout");
        t["scenario.headlines"] = ref("headlines");
        t["policy.name"] = described(text(), "How handouts name the scenario as written; default: base");
        t["policy.description"] = described(text(), "What the policy does, in a sentence");
        t["headlines.cost"] =
            described(word(keys::kMetrics), "What a policy costs: the x axis of the "
                                            "cost-against-benefit chart; default disrupted");
        t["headlines.benefit"] =
            described(word(keys::kMetrics), "What a policy gains (less of it is better): the y axis; default "
                                            "near_protected_minutes, else violation_minutes");
        t["headlines.also"] = described(listOf(word(keys::kMetrics)), "More metrics charted at a glance");
        t["scenario.variants"] = {{"type", "object"},
                                  {"propertyNames", {{"pattern", "^[A-Za-z0-9][A-Za-z0-9_-]*$"}}},
                                  {"additionalProperties", ref("variant")}};

        t["time.start"] =
            described(time(), "A full date and time with its UTC offset, such as 2025-10-01T07:00+02:00");
        t["time.end"] = described(time(), "Such as 13:00 or +6 h");
        t["time.step"] = described(duration(), "From 0.01 s to 1 min; default 1 s");

        t["map.origin"] = ref("latlon");
        t["map.basemap"] = described({{"anyOf", Json::array({text(), ref("basemapFiles")})}},
                                     "A shipped basemap (denmark, world), none, a path to a layered GeoJSON "
                                     "file, or a file per layer; default: world");
        for (const char* layer : {"land", "territory", "water", "rivers", "borders", "roads", "labels"})
            t[std::string("basemapFiles.") + layer] =
                described({{"anyOf", Json::array({path(), listOf(path())})}},
                          "GeoJSON, relative to the scenario's folder; every feature takes this layer");
        t["basemapFiles.attribution"] = described(text(), "The data's credit, drawn on the map");
        t["map.extent"] = described(length(), "Half the width of the map");
        t["map.view"] = ref("view");
        t["view.center"] = position();
        t["view.radius"] = length();
        t["latlon.lat"] = {{"type", "number"}, {"minimum", -90}, {"maximum", 90}};
        t["latlon.lon"] = {{"type", "number"}, {"minimum", -180}, {"maximum", 180}};

        t["include.file"] = described(path(), "Relative to the scenario's folder, inside it");
        t["include.format"] = described(word(keys::kImportFormats), "The file's format; default: detected");
        t["include.lang"] = described(text(), "ED-318 texts: the language to pick, such as en");
        t["include.skip-bad"] =
            described(boolean(), "Leave out features that cannot be used, with a warning");
        t["include.mapping"] = described(path(), "A mapping file for GeoJSON properties or OpenAir types");
        t["include.lenient"] = described(
            boolean(), "ED-318: read a national download that bends the standard, with a warning a kind");

        t["place.id"] = id();
        t["place.name"] = text();
        t["place.at"] = position();

        t["zone.id"] = id();
        t["zone.name"] = text();
        t["zone.restriction"] = described(word(keys::kRestrictions), "What the zone demands");
        t["zone.reason"] = words(keys::kReasons);
        t["zone.shape"] = ref("shape");
        t["zone.altitude"] = ref("altitudeBand");
        t["zone.active"] = ref("active");
        t["zone.exempt"] = described(ids(), "Categories the zone does not apply to");
        t["zone.message"] = text();
        t["zone.grant"] =
            described(ids(), "Who an authorisation zone grants to: category ids or all, none, hobby, "
                             "commercial, state, critical");
        // an authority: how long a decision takes, and how many it takes up an hour
        const Json decision = {{"anyOf", Json::array({duration(), ref("decision")})}};
        const Json capacity = {
            {"anyOf", Json::array({{{"type", "number"}, {"exclusiveMinimum", 0}},
                                   {{"type", "string"}, {"pattern", "^[0-9.]+ *(per hour|/h|per h)?$"}}})}};
        t["zone.decision"] = described(decision, "How long a request for authorisation takes to answer once "
                                                 "taken up: a duration, or {mean, spread}; default 10 min");
        t["zone.capacity"] = described(capacity, "An authorisation zone: decisions its authority takes up an "
                                                 "hour, such as 6 per hour; default: every request at once");
        t["zone.dispensations"] = ref("dispensations");
        t["dispensations.grant"] =
            described(ids(), "Who may ask for one: category ids or all, none, hobby, commercial, state, "
                             "critical; default critical");
        t["dispensations.capacity"] =
            described(capacity, "Decisions its authority takes up an hour; default: every request at once");
        t["dispensations.decision"] =
            described(decision, "How long a request takes to answer once taken up; default 10 min");
        t["decision.mean"] = described(duration(), "The mean time to answer a request");
        t["decision.spread"] =
            described(word(keys::kDecisionSpreads), "fixed (every decision takes the mean) or exponential");

        t["shape.circle"] = ref("circle");
        t["shape.polygon"] = {{"anyOf", Json::array({positions(3), ref("polygon")})}};
        t["shape.corridor"] = ref("corridor");
        t["shape.country"] = described(text(), "A country of the scenario's basemap, such as denmark");
        t["shape.waters"] = described(word({"none", "territorial"}),
                                      "With country only: none (its land) or territorial (land and 12 NM sea)");
        t["shape.parts"] = listOf(ref("shape"), 1);
        t["shape.margin"] = described(length(), "With country only: the sea along its coast");
        t["circle.center"] = position();
        t["circle.radius"] = length();
        t["polygon.outer"] = positions(3);
        t["polygon.holes"] = listOf(positions(3));
        t["corridor.path"] = positions(2);
        t["corridor.width"] = length();
        t["altitudeBand.floor"] = described(altitude(), "Such as 0 m AGL or GND");
        t["altitudeBand.ceiling"] = described(ceiling(), "Such as 120 m AGL, or unlimited");

        t["active.from"] = time();
        t["active.to"] = time();
        t["active.windows"] = listOf(ref("window"));
        t["active.weekly"] = listOf(ref("weekly"));
        t["active.after"] = described(id(), "A timeline event that switches the zone on");
        t["active.for"] = duration();
        t["window.from"] = time();
        t["window.to"] = time();
        t["weekly.days"] = words(keys::kDays);
        t["weekly.from"] = clock();
        t["weekly.to"] = clock();

        t["category.name"] = text();
        t["category.kind"] = word(keys::kKinds);
        t["category.critical"] = boolean();
        t["category.authorisations"] = ids();
        t["category.aware"] = share();
        t["category.comply"] = share();
        t["category.geofence"] = boolean();
        t["category.breach"] = word(keys::kBreachActions);
        t["category.remote-id"] = described(share(), "Share of its drones that broadcast Remote ID");

        t["flight.id"] = id();
        t["flight.category"] = id();
        t["flight.depart"] = time();
        t["flight.route"] = positions(2);
        t["flight.from"] = position();
        t["flight.to"] = position();
        t["flight.speed"] = speed();
        t["flight.altitude"] = altitude();
        t["flight.behaviour"] = word(keys::kBehaviours);
        t["flight.endurance"] = duration();
        t["flight.hover"] = duration();
        t["flight.return"] = boolean();

        t["traffic.id"] = id();
        t["traffic.category"] = id();
        t["traffic.count"] = integer(1, 1000000);
        t["traffic.area"] = ref("shape");
        t["traffic.depart"] = ref("between");
        t["traffic.duration"] = range(duration());
        t["traffic.altitude"] = range(altitude());
        t["traffic.speed"] = range(speed());
        t["traffic.behaviour"] = ref("behaviourMix");
        t["between.between"] = {{"type", "array"},
                                {"items", {{"type", Json::array({"string", "number"})}}},
                                {"minItems", 2},
                                {"maxItems", 2}};
        for (const std::string& b : keys::kBehaviourMix)
            t["behaviourMix." + b] = share();

        t["airport.id"] = described(id(), "The ICAO code, such as EKCH");
        t["airport.name"] = text();
        t["airport.at"] = position();
        t["airport.elevation"] = length();
        t["airport.closure"] = ref("closure");
        t["airport.manned"] = ref("manned");
        t["closure.radius"] = described(length(), "An unknown track this near closes the airport");
        t["closure.quiet"] = described(duration(), "It reopens after this long without unknown tracks; default 30 min");
        auto perHour = [] {
            return Json{{"anyOf", Json::array({{{"type", "number"}, {"minimum", 0}},
                                               {{"type", "string"}, {"pattern", "^[0-9.]+ *(per hour|/h|per h)?$"}}})}};
        };
        t["manned.arrivals"] = described(perHour(), "Such as 30 per hour");
        t["manned.departures"] = described(perHour(), "Such as 30 per hour");
        t["manned.hold"] = described(duration(), "How long an arrival circles before it diverts; default 20 min");
        t["manned.divert-to"] = described(id(), "The airport arrivals divert to");
        t["obstacle.id"] = id();
        t["obstacle.name"] = text();
        t["obstacle.shape"] = ref("shape");
        t["obstacle.height"] = length();
        t["tracking.lost-after"] = described(duration(), "A track not refreshed this long is lost; default 60 s");
        t["tracking.misclassify"] = described(share(), "Share of classifications that come out wrong; default 0");
        t["site.id"] = id();
        t["site.name"] = text();
        t["site.at"] = position();
        t["site.radius"] = length();

        t["sensor.id"] = id();
        t["sensor.name"] = text();
        t["sensor.type"] = word(keys::kSensorTypes);
        t["sensor.at"] = position();
        t["sensor.range"] = length();
        t["sensor.probability"] = share();
        t["sensor.update"] = duration();
        t["sensor.latency"] = duration();
        t["sensor.heading"] = described(number(), "Degrees, clockwise from north");
        t["sensor.fov"] = described(number(), "Degrees");
        t["sensor.false-alarms"] = described(number(), "Per hour");
        t["responder.id"] = id();
        t["responder.name"] = text();
        t["responder.type"] = word(keys::kResponderTypes);
        t["responder.base"] = position();
        t["responder.speed"] = speed();
        t["responder.neutralise"] = duration();
        t["responder.success"] = share();
        t["responder.reach"] = described(length(), "How far from its base it goes; default 30 km");
        t["responder.protects"] = described(ids(), "Airports and sites it answers for; default all");
        t["responder.effect"] = described(word(keys::kResponderEffects), "What a success does to the drone");

        t["event.id"] = id();
        t["event.at"] = time();
        t["event.event"] = word(keys::kEventTypes);
        t["event.zone"] = id();
        t["event.notice"] = duration();
        t["event.position"] = position();
        t["event.genuine"] = boolean();
        t["event.text"] = text();
        t["event.illustrative"] = described(Json{{"anyOf", Json::array({boolean(), Json{{"const", "time"}}})}},
                                            "true: invented for teaching, shown marked (illustrative); time: "
                                            "recorded, but not at this hour");
        t["event.source"] = described(text(), "Where the fact comes from, such as docs/sources/denmark_2025.md:12");

        t["expect.metric"] = word(keys::kMetrics);
        t["expect.category"] = id();
        t["expect.zone"] = id();
        t["expect.flight"] = id();
        t["expect.outcome"] = word(keys::kExpectOutcomes);
        t["expect.at_least"] = number();
        t["expect.at_most"] = number();
        t["expect.equals"] = number();
        t["expect.variant"] = described(ids(), "The variants it holds in, or base");

        t["question.id"] = id();
        t["question.ask"] = described(text(), "The question as the class reads it");
        t["question.flight"] = described(id(), "The answer is this flight's final outcome");
        t["question.first"] =
            described(word(keys::kEventLogTypes), "The answer is what the first event of this type names");
        t["question.about"] = described(word(keys::kQuestionSubjects),
                                        "What a first question asks about; by default what the event names first");
        t["question.choices"] = described(
            ids(), "The answers offered: outcome words, or ids of the kind asked about (and none) for a first event");
        t["question.reveal"] = described(time(), "The answer is not shown before this time");

        t["variant.name"] = described(text(), "How handouts name the policy; default: its id");
        t["variant.description"] = text();
        t["variant.remove"] =
            described(listOf(path()), "Paths of whole elements, such as zones.national-ban");
        t["variant.set"] =
            described(anyMap(), "Paths and their new values, such as zones.ekch-ctr.restriction: prohibited");
        t["variant.add"] = ref("included");
        return t;
    }();
    return table;
}

Json object(const Definition& definition) {
    Json properties = Json::object();
    for (const std::string& key : *definition.keys) {
        auto it = types().find(std::string(definition.name) + "." + key);
        properties[key] = it == types().end() ? Json::object() : it->second;
    }
    Json out{
        {"type", "object"}, {"description", definition.description}, {"properties", std::move(properties)}};
    if (!definition.required.empty()) out["required"] = definition.required;
    out["additionalProperties"] = false;
    return out;
}

} // namespace

std::string scenarioSchema() {
    Json root;
    root["$schema"] = "http://json-schema.org/draft-07/schema#";
    root["title"] = "nofly scenario";
    root["description"] =
        "A scenario of the nofly airspace-restriction simulator (docs/scenario-language.md). "
        "Written by 'nofly schema' from the keys the loader reads.";
    Json defs = Json::object();
    for (const Definition& d : definitions()) {
        Json schema = object(d);
        // a shape names exactly one form; margin only beside country
        if (std::string(d.name) == "shape") {
            Json forms = Json::array();
            for (const char* form : {"circle", "polygon", "corridor", "country", "parts"})
                forms.push_back({{"required", Json::array({form})}});
            schema["oneOf"] = std::move(forms);
            schema["dependencies"] = {{"margin", {{"required", Json::array({"country"})}}},
                                      {"waters", {{"required", Json::array({"country"})}}}};
        }
        // a window says at least one of its ends
        if (std::string(d.name) == "window") schema["minProperties"] = 1;
        defs[d.name] = std::move(schema);
    }
    Json top = defs["scenario"];
    for (auto& [key, value] : top.items())
        root[key] = value;
    defs.erase("scenario");
    root["definitions"] = std::move(defs);
    return root.dump(2) + "\n";
}

std::vector<std::string> schemaProblems() {
    std::vector<std::string> problems;
    std::set<std::string> listed;
    for (const Definition& d : definitions())
        for (const std::string& key : *d.keys) {
            const std::string name = std::string(d.name) + "." + key;
            listed.insert(name);
            if (!types().count(name)) problems.push_back(name + " has no type in the schema");
        }
    for (const auto& [name, schema] : types())
        if (!listed.count(name))
            problems.push_back("the schema types " + name + ", which keys.hpp does not list");
    return problems;
}

} // namespace nofly::report
