#include "render/detail/tessellation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace nofly::render {
namespace {

using core::Vec2;

double area(const Triangles& t) {
    double sum = 0.0;
    for (std::size_t k = 0; k + 2 < t.size(); k += 3)
        sum += std::abs(core::cross(t[k + 1] - t[k], t[k + 2] - t[k])) / 2.0;
    return sum;
}

TEST(Tessellation, APolygonWithAHoleIsFilledExactly) {
    // a 100 m square with a 20 m square hole, as a scene stores them
    const core::Ring outer{{0, 0}, {100, 0}, {100, 100}, {0, 100}};
    const core::Ring hole{{40, 40}, {40, 60}, {60, 60}, {60, 40}};
    Triangles out;
    fillRings({outer, hole}, out);
    EXPECT_EQ(out.size() % 3, 0u);
    EXPECT_NEAR(area(out), 100.0 * 100.0 - 20.0 * 20.0, 1e-6);
}

TEST(Tessellation, EachCounterClockwiseRingStartsAPolygon) {
    const core::Ring a{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    const core::Ring b{{20, 0}, {30, 0}, {30, 10}, {20, 10}};
    Triangles out;
    fillRings({a, b}, out);
    EXPECT_NEAR(area(out), 200.0, 1e-6);
}

TEST(Tessellation, ACircleIsNearlyItsArea) {
    Triangles out;
    fillCircle({5, 5}, 100.0, 180, out);
    EXPECT_NEAR(area(out), std::numbers::pi * 100.0 * 100.0, 0.001 * std::numbers::pi * 1e4);
}

TEST(Tessellation, ASolidLineIsItsLengthTimesItsWidth) {
    Triangles out;
    strokeLine({{0, 0}, {100, 0}}, false, 2.0, {}, false, out);
    EXPECT_NEAR(area(out), 400.0, 1e-9);
}

TEST(Tessellation, DashesDrawOnlyTheOnParts) {
    Triangles out;
    strokeLine({{0, 0}, {100, 0}}, false, 0.5, {10.0, 10.0}, false, out);
    EXPECT_NEAR(area(out), 50.0, 1e-9); // half of the 100 m line, 1 m wide
}

TEST(Tessellation, ACorridorHasRoundEnds) {
    Triangles out;
    strokeLine({{0, 0}, {100, 0}}, false, 10.0, {}, true, out);
    EXPECT_GT(area(out), 100.0 * 20.0); // the band, and the discs at its ends
}

TEST(Tessellation, ThinningDropsPointsCloserThanTheTolerance) {
    const std::vector<Vec2> line{{0, 0}, {0.1, 0}, {0.2, 0}, {5, 0}, {5.1, 0}, {10, 0}};
    const std::vector<Vec2> thin = thinned(line, 1.0);
    ASSERT_EQ(thin.size(), 3u);
    EXPECT_EQ(thin[1].x, 5.0);
    EXPECT_EQ(thin.back().x, 10.0);
}

TEST(Tessellation, CirclesGetMoreSidesWhenLarge) {
    EXPECT_EQ(circleSegments(1.0), 12);
    EXPECT_GT(circleSegments(200.0), circleSegments(50.0));
    EXPECT_LE(circleSegments(1e6), 180);
}

} // namespace
} // namespace nofly::render
