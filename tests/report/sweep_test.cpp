// Reading a sweep table back (nofly sweep --merge) through the one CSV reader
// (issue 20, core/csv.hpp): a table saved with Windows line ends reads as the
// one written.
#include "report/sweep.hpp"

#include <gtest/gtest.h>

#include <string>

namespace nofly::report {
namespace {

Sweep twoRuns() {
    Sweep sweep;
    sweep.parameters = {"zones.ban.shape.circle.radius", "note, quoted"};
    for (std::uint64_t seed : {7u, 8u}) {
        SweepRun run;
        run.values = {"5 km", "a \"b\", c"};
        run.seed = seed;
        run.counts.planned = 40;
        run.counts.flown = 30 + static_cast<int>(seed);
        run.counts.delayMinutes = 12.5;
        sweep.runs.push_back(run);
    }
    return sweep;
}

TEST(SweepCsv, WhatIsWrittenReadsBack) {
    const std::string text = sweepCsv(twoRuns());
    Sweep read;
    std::string error;
    ASSERT_TRUE(readSweepCsv(text, read, error)) << error;
    EXPECT_EQ(read.parameters, twoRuns().parameters);
    EXPECT_EQ(sweepCsv(read), text);
}

TEST(SweepCsv, ATableSavedWithWindowsLineEndsReadsAsWritten) {
    const std::string text = sweepCsv(twoRuns());
    std::string crlf;
    for (char c : text)
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    Sweep read;
    std::string error;
    ASSERT_TRUE(readSweepCsv(crlf, read, error)) << error;
    EXPECT_EQ(sweepCsv(read), text);
}

} // namespace
} // namespace nofly::report
