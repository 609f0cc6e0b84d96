// The window commands on a machine with no display: a clear message and exit
// code 2, never an SFML abort.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace {

using ::testing::HasSubstr;

struct Result {
    int code = -1;
    std::string output;
};

Result runWithoutDisplay(const std::string& arguments) {
    const std::string command = "env -u DISPLAY " + std::string(NOFLY_BINARY) + " " + arguments + " 2>&1";
    Result result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe))
        result.output += buffer.data();
    const int status = ::pclose(pipe);
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

TEST(ViewCommand, WithoutADisplaySaysSoAndExits2) {
    const Result r = runWithoutDisplay("view scenarios/tutorial/01_one_zone_one_flight.yaml");
    EXPECT_EQ(r.code, 2);
    EXPECT_THAT(r.output, HasSubstr("no display"));
    EXPECT_THAT(r.output, HasSubstr("nofly run scenarios/tutorial/01_one_zone_one_flight.yaml"));
}

TEST(RenderCommand, WithoutADisplaySuggestsXvfb) {
    const Result r =
        runWithoutDisplay("render scenarios/tutorial/01_one_zone_one_flight.yaml --at 10:20 -o /tmp/x.png");
    EXPECT_EQ(r.code, 2);
    EXPECT_THAT(r.output, HasSubstr("xvfb-run -a nofly render"));
}

TEST(RenderCommand, NeedsATime) {
    const Result r = runWithoutDisplay("render scenarios/tutorial/01_one_zone_one_flight.yaml");
    EXPECT_EQ(r.code, 2);
    EXPECT_THAT(r.output, HasSubstr("--at"));
}

TEST(ViewCommand, RefusesASpeedBeyond10000) {
    const Result r = runWithoutDisplay("view scenarios/tutorial/01_one_zone_one_flight.yaml --speed 20000");
    EXPECT_EQ(r.code, 2);
    EXPECT_THAT(r.output, HasSubstr("--speed"));
}

} // namespace
