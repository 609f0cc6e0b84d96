// A palace and two pilots (issue 16's yardstick): a pilot who ignores the rules crosses the
// palace's disc of 500 m along its diameter (1 km at 10 m/s: 100 s); a careful one crosses it 300 m
// off its centre (a chord of 800 m: 80 s) without the ban, and flies round the ban (800 m) with it.
// Used by the metrics and replay tests.
#pragma once

namespace nofly::report::testing {

inline constexpr const char* kPalace = R"(
title: A palace and two pilots
seed: 1
time: {start: 2025-06-14T10:00+02:00, end: +1 h, step: 1 s}
map: {origin: {lat: 55.6960, lon: 12.5660}}
sites:
  - {id: palace, name: The palace, at: [0 m, 0 m], radius: 500 m}
flights:
  - {id: heedless, category: hobby, depart: 10:05, from: [-2 km, 0 m], to: [2 km, 0 m], speed: 10 m/s,
     behaviour: unaware}
  - {id: careful, category: photo, depart: 10:05, from: [-2 km, -300 m], to: [2 km, -300 m], speed: 10 m/s,
     behaviour: compliant}
variants:
  ban:
    add:
      zones:
        - {id: ban, name: Palace ban, restriction: prohibited, shape: {circle: {center: [0 m, 0 m], radius: 800 m}}}
)";

} // namespace nofly::report::testing
