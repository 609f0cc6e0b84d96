// Every file in scenarios/invalid must be refused with the diagnostics its
// "# expect: LINE:COL: SEVERITY: WORDS" lines promise.
#include "scenario/loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

namespace nofly::scenario {
namespace {

namespace fs = std::filesystem;

struct Expected {
    int line = 0;
    int column = 0;
    std::string severity;
    std::string words;
};

std::vector<std::string> invalidFiles() {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(fs::path(NOFLY_SOURCE_DIR) / "scenarios/invalid"))
        if (entry.path().extension() == ".yaml") files.push_back(entry.path().filename().string());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<Expected> expectations(const fs::path& file) {
    std::vector<Expected> out;
    std::ifstream in(file);
    std::string line;
    const std::regex pattern(R"(^# expect: (\d+):(\d+): (error|warning): (.*)$)");
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_match(line, m, pattern))
            out.push_back({std::stoi(m[1]), std::stoi(m[2]), m[3], m[4]});
    }
    return out;
}

class InvalidScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(InvalidScenario, IsRefusedWithItsDiagnostic) {
    const fs::path file = fs::path("scenarios/invalid") / GetParam();
    const std::vector<Expected> expected = expectations(fs::path(NOFLY_SOURCE_DIR) / file);
    ASSERT_FALSE(expected.empty()) << file << " has no '# expect:' line";

    // relative path, as a writer would type it, so messages name it that way
    fs::current_path(NOFLY_SOURCE_DIR);
    const LoadResult result = checkScenarioFile(file.string());
    EXPECT_FALSE(result.scenario.has_value());
    EXPECT_TRUE(result.diagnostics.hasErrors());

    std::string printed;
    for (const core::Diagnostic& d : result.diagnostics.all()) printed += core::format(d) + "\n";
    for (const Expected& e : expected) {
        const std::string prefix = file.string() + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) +
                                   ": " + e.severity + ": ";
        bool found = false;
        for (const core::Diagnostic& d : result.diagnostics.all()) {
            const std::string text = core::format(d);
            if (text.rfind(prefix, 0) == 0 && text.find(e.words) != std::string::npos) found = true;
        }
        EXPECT_TRUE(found) << "expected " << prefix << e.words << "\nprinted:\n" << printed;
    }
}

INSTANTIATE_TEST_SUITE_P(Files, InvalidScenario, ::testing::ValuesIn(invalidFiles()),
                         [](const ::testing::TestParamInfo<std::string>& paramInfo) {
                             std::string name = paramInfo.param.substr(0, paramInfo.param.size() - 5);
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

TEST(InvalidScenarios, ThereAreAtLeastFifteen) { EXPECT_GE(invalidFiles().size(), 15u); }

} // namespace
} // namespace nofly::scenario
