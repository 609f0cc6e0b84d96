// Loading a scenario: the drone defence. Sensors that detect, responders that
// act on what is detected, obstacles that block the sensors' view, and how
// detections become tracks.
#include "scenario/detail/loader.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace nofly::scenario::detail {

void Loader::readSensors() {
    IdsSeen seen;
    for (const Item& item : items(kSensors.section)) {
        auto e = open(item, kSensors, seen);
        if (!e) continue;
        const MapReader& m = e->map;
        const std::string& what = e->what;
        Sensor sensor = e->start<Sensor>();
        if (auto type = m.require("type", keys::oneOf(keys::kSensorTypes)))
            if (auto t = readEnum<SensorType>(m_context, *type, what + " type")) sensor.type = *t;
        if (auto at = m.require("at", "its position"))
            if (auto p = readPosition(*at, what + " at")) sensor.at = p->local;
        if (auto range = m.require("range", "how far it sees, such as 'range: 5 km'"))
            sensor.range = readPositive(m_context, *range, what + " range", Dimension::Length).value_or(0.0);
        if (auto p = m.get("probability"))
            sensor.probability = readQuantity(m_context, *p, what + " probability", Dimension::Fraction)
                                     .value_or(sensor.probability);
        auto millis = [&](const char* key, Millis fallback, bool allowZero) {
            auto s = m.get(key);
            if (!s) return fallback;
            auto v = readPositive(m_context, *s, what + " " + key, Dimension::Duration, allowZero);
            if (!v) return fallback;
            // time runs in whole milliseconds: a scan every 0 ms would never let the clock move on
            const Millis ms = static_cast<Millis>(std::llround(*v * 1000.0));
            if (!allowZero && ms < 1) {
                m_context.error(*s,
                                what + " " + key +
                                    " is under a millisecond, and nofly's clock counts whole milliseconds",
                                "write at least '0.001 s'; a real radar turns in about '1 s' to '5 s'");
                return fallback;
            }
            return ms;
        };
        sensor.update = millis("update", sensor.update, false);
        sensor.latency = millis("latency", sensor.latency, true);
        constexpr double kDegree = std::numbers::pi / 180.0;
        if (auto heading = m.get("heading"))
            sensor.heading =
                readNumber(m_context, *heading, what + " heading (degrees)").value_or(0.0) * kDegree;
        if (auto fov = m.get("fov"))
            sensor.fieldOfView = readNumber(m_context, *fov, what + " fov (degrees)").value_or(0.0) * kDegree;
        if (auto alarms = m.get("false-alarms")) {
            sensor.falseAlarmsPerHour =
                readNumber(m_context, *alarms, what + " false-alarms (per hour)").value_or(0.0);
            // each false alarm is a track to follow: a rate without a cap makes a run without an end
            if (!(sensor.falseAlarmsPerHour >= 0.0 &&
                  sensor.falseAlarmsPerHour <= limits::kMaxFalseAlarmsPerHour)) {
                m_context.error(
                    *alarms,
                    what + " false-alarms is " + core::quoted(alarms->node.Scalar()) +
                        " an hour; it is from 0 to " +
                        limits::grouped(static_cast<std::int64_t>(limits::kMaxFalseAlarmsPerHour)) +
                        " an hour (one a second)",
                    "a real sensor makes a few an hour, such as 'false-alarms: 0.5'");
                sensor.falseAlarmsPerHour = 0.0;
            }
        }
        m_scenario.sensors.push_back(sensor);
    }
}

void Loader::readResponders() {
    IdsSeen seen;
    for (const Item& item : items(kResponders.section)) {
        auto e = open(item, kResponders, seen);
        if (!e) continue;
        const MapReader& m = e->map;
        const std::string& what = e->what;
        Responder responder = e->start<Responder>();
        if (auto type = m.require("type", keys::oneOf(keys::kResponderTypes)))
            if (auto t = readEnum<ResponderType>(m_context, *type, what + " type")) responder.type = *t;
        if (auto base = m.require("base", "where it starts from"))
            if (auto p = readPosition(*base, what + " base")) responder.base = p->local;
        if (auto speed = m.get("speed"))
            responder.speed =
                readPositive(m_context, *speed, what + " speed", Dimension::Speed).value_or(responder.speed);
        if (auto n = m.get("neutralise"))
            if (auto v = readPositive(m_context, *n, what + " neutralise", Dimension::Duration))
                responder.neutralise = static_cast<Millis>(std::llround(*v * 1000.0));
        if (auto s = m.get("success"))
            responder.success = readQuantity(m_context, *s, what + " success", Dimension::Fraction)
                                    .value_or(responder.success);
        if (auto reach = m.get("reach"))
            responder.reach =
                readPositive(m_context, *reach, what + " reach", Dimension::Length).value_or(responder.reach);
        responder.effect =
            responder.type == ResponderType::Jammer ? BreachAction::Return : BreachAction::Land;
        if (auto effect = m.get("effect"))
            if (auto word = readWord(m_context, *effect, what + " effect", keys::kResponderEffects))
                responder.effect = *word == "land" ? BreachAction::Land : BreachAction::Return;
        if (auto protects = m.get("protects")) {
            std::vector<std::string> ids;
            for (const Airport& a : m_scenario.airports)
                ids.push_back(a.id);
            for (const Site& s : m_scenario.sites)
                ids.push_back(s.id);
            for (const Source& one : readWords(m_context, *protects, what + " protects"))
                if (auto id = readId(m_context, one, what + " protects")) {
                    if (std::find(ids.begin(), ids.end(), *id) == ids.end())
                        m_context.error(one,
                                        what + " protects '" + *id +
                                            "', which is not an airport or site of this scenario",
                                        core::suggestion(*id, ids));
                    else
                        responder.protects.push_back(*id);
                }
        }
        m_scenario.responders.push_back(responder);
    }
}

void Loader::readObstacles() {
    IdsSeen seen;
    for (const Item& item : items(kObstacles.section)) {
        auto e = open(item, kObstacles, seen);
        if (!e) continue;
        Obstacle obstacle = e->start<Obstacle>();
        if (auto shape = e->map.require(
                "shape", "its outline, such as 'shape: {circle: {center: city-hall, radius: 100 m}}'"))
            if (auto region = readShape(*shape, e->what + " shape", nullptr))
                obstacle.region = std::move(*region);
        if (auto height = e->map.require("height", "how tall it is, such as 'height: 40 m'"))
            obstacle.height = readPositive(m_context, *height, e->what + " height", Dimension::Length)
                                  .value_or(obstacle.height);
        m_scenario.obstacles.push_back(std::move(obstacle));
    }
}

void Loader::readTracking(const MapReader& top) {
    auto tracking = top.get("tracking");
    if (!tracking) return;
    MapReader m(m_context, *tracking, "tracking", keys::kTracking);
    if (!m.ok()) return;
    if (auto lost = m.get("lost-after"))
        if (auto v = readPositive(m_context, *lost, "tracking lost-after", Dimension::Duration))
            m_scenario.tracking.lostAfter = static_cast<Millis>(std::llround(*v * 1000.0));
    if (auto wrong = m.get("misclassify"))
        m_scenario.tracking.misclassify =
            readQuantity(m_context, *wrong, "tracking misclassify", Dimension::Fraction).value_or(0.0);
}

} // namespace nofly::scenario::detail
