// The one CSV writer and reader (issue 20): what the run files and sweep
// tables write reads back field for field.
#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace nofly::core {
namespace {

TEST(Csv, AFieldIsQuotedOnlyWhenItMustBe) {
    EXPECT_EQ(csvField("ekch-ctr"), "ekch-ctr");
    EXPECT_EQ(csvField(""), "");
    EXPECT_EQ(csvField("Park, east"), "\"Park, east\"");
    EXPECT_EQ(csvField("the \"summit\" zone"), "\"the \"\"summit\"\" zone\"");
    EXPECT_EQ(csvField("two\nlines"), "\"two\nlines\"");
}

TEST(Csv, ALineSplitsIntoItsFieldsWithQuotesUndone) {
    EXPECT_EQ(splitCsvLine("a,\"b, c\",\"say \"\"hi\"\"\",,d"),
              (std::vector<std::string>{"a", "b, c", "say \"hi\"", "", "d"}));
    EXPECT_EQ(splitCsvLine(""), std::vector<std::string>{""});
}

TEST(Csv, AWindowsLineEndReadsAsNone) {
    EXPECT_EQ(splitCsvLine("EKCH,Kastrup,55.6\r"), (std::vector<std::string>{"EKCH", "Kastrup", "55.6"}));
}

TEST(Csv, WhatIsWrittenReadsBack) {
    const std::vector<std::string> fields = {"plain", "a,b", "\"quoted\"", "", "x\"y,z"};
    std::string line;
    for (const std::string& f : fields)
        line += (line.empty() ? "" : ",") + csvField(f);
    EXPECT_EQ(splitCsvLine(line), fields);
}

} // namespace
} // namespace nofly::core
