#include "render/detail/camera.hpp"

#include <gtest/gtest.h>

namespace nofly::render {
namespace {

using core::Vec2;

Camera makeCamera() {
    Camera camera;
    camera.setViewport(0.0, 0.0, 800.0, 600.0);
    camera.fit({{-1000.0, -500.0}, {1000.0, 500.0}});
    return camera;
}

TEST(Camera, FitShowsTheWholeBoxCentred) {
    const Camera camera = makeCamera();
    EXPECT_DOUBLE_EQ(camera.scale(), 0.4); // 800 px for 2000 m wins over 600 px for 1000 m
    const Vec2 centre = camera.toScreen({0.0, 0.0});
    EXPECT_DOUBLE_EQ(centre.x, 400.0);
    EXPECT_DOUBLE_EQ(centre.y, 300.0);
    EXPECT_DOUBLE_EQ(camera.toScreen({-1000.0, 0.0}).x, 0.0);
}

TEST(Camera, NorthIsUp) {
    const Camera camera = makeCamera();
    EXPECT_LT(camera.toScreen({0.0, 100.0}).y, camera.toScreen({0.0, 0.0}).y);
}

TEST(Camera, ScreenAndWorldAreInverse) {
    Camera camera = makeCamera();
    camera.zoomAt({123.0, 45.0}, 3.7);
    camera.pan({-30.0, 12.0});
    const Vec2 p{321.5, -77.25};
    const Vec2 back = camera.toWorld(camera.toScreen(p));
    EXPECT_NEAR(back.x, p.x, 1e-9);
    EXPECT_NEAR(back.y, p.y, 1e-9);
}

TEST(Camera, ZoomKeepsThePointUnderTheCursor) {
    Camera camera = makeCamera();
    const Vec2 cursor{650.0, 120.0};
    const Vec2 before = camera.toWorld(cursor);
    camera.zoomAt(cursor, 2.0);
    const Vec2 after = camera.toWorld(cursor);
    EXPECT_NEAR(after.x, before.x, 1e-9);
    EXPECT_NEAR(after.y, before.y, 1e-9);
    EXPECT_DOUBLE_EQ(camera.scale(), 0.8);
}

TEST(Camera, PanMovesTheMapWithTheDrag) {
    Camera camera = makeCamera();
    const Vec2 grabbed = camera.toWorld({100.0, 100.0});
    camera.pan({50.0, -20.0});
    const Vec2 under = camera.toWorld({150.0, 80.0});
    EXPECT_NEAR(under.x, grabbed.x, 1e-9);
    EXPECT_NEAR(under.y, grabbed.y, 1e-9);
}

TEST(Camera, ZoomStopsAtItsLimits) {
    Camera camera = makeCamera();
    for (int k = 0; k < 100; ++k)
        camera.zoomAt({0.0, 0.0}, 10.0);
    EXPECT_DOUBLE_EQ(camera.scale(), Camera::kMaxScale);
    for (int k = 0; k < 100; ++k)
        camera.zoomAt({0.0, 0.0}, 0.1);
    EXPECT_DOUBLE_EQ(camera.scale(), Camera::kMinScale);
}

TEST(Camera, ViewportOffsetIsHonoured) {
    Camera camera;
    camera.setViewport(100.0, 50.0, 400.0, 400.0);
    camera.fit({{-100.0, -100.0}, {100.0, 100.0}});
    const Vec2 c = camera.toScreen({0.0, 0.0});
    EXPECT_DOUBLE_EQ(c.x, 300.0);
    EXPECT_DOUBLE_EQ(c.y, 250.0);
    const core::Box visible = camera.visible();
    EXPECT_NEAR(visible.min.x, -100.0, 1e-9);
    EXPECT_NEAR(visible.max.y, 100.0, 1e-9);
}

} // namespace
} // namespace nofly::render
