#include "core/diagnostic.hpp"

#include <gtest/gtest.h>

namespace nofly::core {
namespace {

TEST(Diagnostic, FormatsAsCompilersDo) {
    const Diagnostic d{Severity::Error, {"a.yaml", 12, 7}, "zone 'x': bad", "did you mean 'y'?"};
    EXPECT_EQ(format(d), "a.yaml:12:7: error: zone 'x': bad (did you mean 'y'?)");
}

TEST(Diagnostic, LeavesOutUnknownLineAndColumn) {
    EXPECT_EQ(format({Severity::Warning, {"a.yaml", 0, 0}, "w", ""}), "a.yaml: warning: w");
    EXPECT_EQ(format({Severity::Error, {"a.yaml", 3, 0}, "e", ""}), "a.yaml:3: error: e");
    EXPECT_EQ(format({Severity::Note, {"", 0, 0}, "n", ""}), "note: n");
}

TEST(Diagnostic, CountsBySeverityAndSortsByPlace) {
    Diagnostics all;
    all.error({"b.yaml", 1, 1}, "e1");
    all.warning({"a.yaml", 9, 1}, "w1");
    all.error({"a.yaml", 2, 5}, "e2");
    EXPECT_EQ(all.errorCount(), 2u);
    EXPECT_EQ(all.warningCount(), 1u);
    const auto sorted = all.sorted();
    EXPECT_EQ(sorted[0].message, "e2");
    EXPECT_EQ(sorted[1].message, "w1");
    EXPECT_EQ(sorted[2].message, "e1");
}

TEST(EditDistance, CountsTranspositionsAsOne) {
    EXPECT_EQ(editDistance("restriction", "restriction"), 0u);
    EXPECT_EQ(editDistance("restrction", "restriction"), 1u);
    EXPECT_EQ(editDistance("raduis", "radius"), 1u);
    EXPECT_EQ(editDistance("", "abc"), 3u);
    EXPECT_EQ(editDistance("kitten", "sitting"), 3u);
}

TEST(Suggestion, OffersTheClosestKeyOrTheList) {
    const std::vector<std::string> keys = {"circle", "polygon", "corridor"};
    EXPECT_EQ(suggestion("cirle", keys), "did you mean 'circle'?");
    EXPECT_EQ(suggestion("Polygon", keys), "did you mean 'polygon'?");
    EXPECT_EQ(suggestion("blob", keys), "expected one of: circle, polygon, corridor");
    EXPECT_EQ(closestMatch("x", keys), "");
}

} // namespace
} // namespace nofly::core
