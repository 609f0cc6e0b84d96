#include "scenario/model.hpp"

#include "scenario/keys.hpp"

#include <algorithm>

namespace nofly::scenario {

std::string_view name(Restriction restriction) { return keys::kRestrictions[static_cast<std::size_t>(restriction)]; }
std::string_view name(Reason reason) { return keys::kReasons[static_cast<std::size_t>(reason)]; }
std::string_view name(Behaviour behaviour) { return keys::kBehaviours[static_cast<std::size_t>(behaviour)]; }
std::string_view name(OperatorKind kind) { return keys::kKinds[static_cast<std::size_t>(kind)]; }
std::string_view name(SensorType type) { return keys::kSensorTypes[static_cast<std::size_t>(type)]; }
std::string_view name(ResponderType type) { return keys::kResponderTypes[static_cast<std::size_t>(type)]; }
std::string_view name(BreachAction action) { return keys::kBreachActions[static_cast<std::size_t>(action)]; }
std::string_view name(EventType type) { return keys::kEventTypes[static_cast<std::size_t>(type)]; }

template <typename T>
static const T* findById(const std::vector<T>& items, std::string_view id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

const Zone* Scenario::zone(std::string_view id) const { return findById(zones, id); }
const Category* Scenario::category(std::string_view id) const { return findById(categories, id); }
const Flight* Scenario::flight(std::string_view id) const { return findById(flights, id); }

bool Expectation::appliesTo(const std::string& variant) const {
    if (variants.empty()) return true;
    const std::string name = variant.empty() ? std::string(kBaseVariant) : variant;
    return std::find(variants.begin(), variants.end(), name) != variants.end();
}

bool scheduledActive(const Activation& activation, Instant at, int utcOffsetMinutes) {
    if (activation.always()) return true;
    for (const TimeWindow& w : activation.windows)
        if (at >= w.from && at < w.to) return true;
    if (activation.weekly.empty()) return false;

    // a slot may run past midnight: look at today's slots and yesterday's
    constexpr Millis kDay = 24LL * 3600 * 1000;
    const int today = core::dayOfWeek(at, utcOffsetMinutes);
    const Millis sinceMidnight = core::timeOfDay(at, utcOffsetMinutes);
    for (const WeeklySlot& slot : activation.weekly) {
        for (int back = 0; back <= 1; ++back) {
            const int day = (today - back + 7) % 7;
            const Millis t = sinceMidnight + back * kDay;
            if (std::find(slot.days.begin(), slot.days.end(), day) != slot.days.end() && t >= slot.from && t < slot.to)
                return true;
        }
    }
    return false;
}

} // namespace nofly::scenario
