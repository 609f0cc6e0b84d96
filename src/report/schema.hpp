// A JSON Schema (draft-07) of the scenario language, for editors: with the
// first line `# yaml-language-server: $schema=../nofly.schema.json`, VS Code
// (Red Hat's YAML extension) and other editors complete keys and underline
// mistakes while a scenario is written. The keys of every mapping come from
// src/scenario/keys.hpp, the lists the loader reads with, so schema and
// loader know the same keys; the types are written here beside them.
// `nofly schema` prints it; scenarios/nofly.schema.json is its output.
#pragma once

#include <string>
#include <vector>

namespace nofly::report {

/// The schema, pretty-printed, ending with a newline.
std::string scenarioSchema();

/// Keys that the schema's type table and keys.hpp disagree on ("zone.x has
/// no type", "the type table names zone.y, which keys.hpp does not list");
/// empty when they agree. Tests call it.
std::vector<std::string> schemaProblems();

} // namespace nofly::report
