// A small scenario run by the real simulation, for report tests: one
// prohibited disc at the origin, a careful pilot who flies around it and a
// careless one who flies through.
#pragma once

#include "report/run_record.hpp"
#include "scenario/loader.hpp"
#include "sim/simulation.hpp"

#include <stdexcept>

namespace nofly::report::testing {

constexpr const char* kLesson = R"(
title: One zone, two pilots
seed: 1
time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}
map: {origin: {lat: 55.6960, lon: 12.5660}}
zones:
  - id: helipad
    name: Hospital helipad
    restriction: prohibited
    shape: {circle: {center: [0 m, 0 m], radius: 500 m}}
flights:
  - {id: careful, category: hobby, depart: 10:05, from: [-2 km, 100 m], to: [2 km, 0 m], speed: 10 m/s, behaviour: compliant}
  - {id: careless, category: hobby, depart: 10:10, from: [-2 km, -100 m], to: [2 km, 0 m], speed: 10 m/s, behaviour: unaware}
)";

/// The lesson run to its end; `run` points into this object, so it stays put.
class LessonRun {
public:
  LessonRun() : scenario(load()) {
      const sim::CompiledScenario compiled = sim::compile(scenario);
      world = sim::makeWorld(compiled, scenario.seed);
      run.scenario = &scenario;
      run.world = &world;
      while (!sim::finished(compiled, world)) {
          sim::step(compiled, world);
          run.events.insert(run.events.end(), world.events.begin(), world.events.end());
          world.events.clear();
      }
  }
    LessonRun(const LessonRun&) = delete;
    LessonRun& operator=(const LessonRun&) = delete;

    scenario::Scenario scenario;
    sim::World world;
    RunRecord run;

private:
    static scenario::Scenario load() {
        auto loaded = scenario::loadScenarioText(kLesson, "lesson.yaml");
        if (!loaded.scenario) throw std::runtime_error("the lesson scenario does not load");
        return *loaded.scenario;
    }
};

} // namespace nofly::report::testing
