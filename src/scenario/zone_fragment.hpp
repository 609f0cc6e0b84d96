// Imported zones in the scenario language. `include:` hands the loader each
// zone as a YAML node, read exactly as a zone written by hand (so variants
// can remove or change it by id); `nofly import` writes the same nodes as a
// fragment. Internal to the scenario layer: yaml-cpp never leaves it.
#pragma once

#include "scenario/import.hpp"

#include <yaml-cpp/yaml.h>

namespace nofly::scenario {

/// The zone as the scenario language writes it: id, name, restriction,
/// reason, shape ({lat, lon} positions), altitude, active, exempt, message.
/// The schedule is written against `frame`; what cannot be written exactly
/// is reported to `diagnostics` as a warning at the zone, and how the
/// schedule was written is added to `comments` when given.
YAML::Node zoneNode(const GeoZone& zone, const ScheduleFrame& frame, core::Diagnostics& diagnostics,
                    std::vector<std::string>* comments = nullptr);

/// A node as YAML text in the block style, flow where the node asks for it,
/// scalars quoted whenever a YAML reader could take them for something else.
std::string yamlText(const YAML::Node& node, int indent = 0);

} // namespace nofly::scenario
