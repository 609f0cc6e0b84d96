// Mutation test over every shipped scenario: each file of scenarios/denmark_2025
// and scenarios/tutorial is changed in one place, the way a hurried writer or
// a damaged copy changes it (a misspelt key, a unit dropped where one is
// required, a tab, a key written twice, the file cut short, a word for a
// number), and the real `nofly check` must exit 1 with an error on the
// changed line. A file that only an other file includes (_airports.yaml) is
// checked through the scenario that includes it.
//
// Dropping a unit from a length, a speed or a duration is not a mistake the
// language can see: a bare number is in the SI unit by design (DESIGN.md,
// "Coordinates and units"), so `radius: 500` is 500 m. The mutation drops a
// unit where one is required: the '%' of a share above 1, the last unit of a
// duration of two parts, and the UTC offset of the start time.
#include "nofly_process.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using nofly::testing::shell;
using nofly::testing::slurp;

struct Mutation {
    std::string kind;
    std::string text; ///< the whole file, changed
    int line = 0;     ///< the changed line, from 1
    std::string what; ///< the change, for messages
};

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return lines;
}

std::string joinLines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    return out;
}

/// The part of a line before its comment (a '#' after a space, outside quotes).
std::string code(const std::string& line) {
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#' && (i == 0 || line[i - 1] == ' ')) {
            return line.substr(0, i);
        }
    }
    return line;
}

/// Lines that hold YAML (not blank, not only a comment), and are not part of
/// a folded or literal text block (`description: >`).
std::vector<int> yamlLines(const std::vector<std::string>& lines) {
    std::vector<int> out;
    int blockIndent = -1;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string c = code(lines[i]);
        const auto first = c.find_first_not_of(' ');
        if (first == std::string::npos) continue;
        const int indent = static_cast<int>(first);
        if (blockIndent >= 0 && indent > blockIndent) continue; // inside a text block
        blockIndent = -1;
        out.push_back(static_cast<int>(i));
        const std::string trimmed = c.substr(0, c.find_last_not_of(' ') + 1);
        if (!trimmed.empty() && (trimmed.back() == '>' || trimmed.back() == '|' || trimmed.ends_with(">-") ||
                                 trimmed.ends_with("|-")))
            blockIndent = indent;
    }
    return out;
}

/// Keys the scenario language knows (src/scenario/keys.hpp): only those are
/// misspelt, since a misspelt id of the writer's own is a new id.
std::set<std::string> knownKeys() {
    const std::string text = slurp(fs::path(NOFLY_SOURCE_DIR) / "src/scenario/keys.hpp");
    std::set<std::string> keys;
    const std::regex word("\"([a-z_-]+)\"");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it)
        keys.insert((*it)[1]);
    return keys;
}

/// Words whose values are free text: numbers in them are words.
bool isTextKey(const std::string& key) {
    static const std::set<std::string> text = {"title", "description", "name", "message", "goals", "text",
                                               "question", "answer", "explain", "label", "note"};
    return text.count(key) > 0;
}

/// The key of the nearest line above `index` that is indented less: the list
/// or mapping that line `index` belongs to ("" at the top).
std::string parentKey(const std::vector<std::string>& lines, int index) {
    const std::string& line = lines[static_cast<std::size_t>(index)];
    const std::size_t indent = line.find_first_not_of(' ');
    const std::regex keyOf(R"(^\s*(-\s+)?([a-z_-]+):)");
    for (int i = index - 1; i >= 0; --i) {
        const std::string c = code(lines[static_cast<std::size_t>(i)]);
        const std::size_t first = c.find_first_not_of(' ');
        if (first == std::string::npos || first >= indent) continue;
        std::smatch m;
        return std::regex_search(c, m, keyOf) ? m[2].str() : std::string();
    }
    return {};
}

/// Up to `count` items spread over `all`: the first, the last, and between.
template <typename T>
std::vector<T> spread(const std::vector<T>& all, std::size_t count) {
    if (all.size() <= count) return all;
    std::vector<T> out;
    for (std::size_t k = 0; k < count; ++k) out.push_back(all[k * (all.size() - 1) / (count - 1)]);
    return out;
}

/// A typo a person makes: two letters swapped in the middle, or one doubled.
std::string misspell(const std::string& key) {
    std::string typo = key;
    if (key.size() >= 4) std::swap(typo[1], typo[2]);
    else typo.insert(typo.begin() + 1, key[1 % key.size()]);
    if (typo == key) typo += key.back();
    return typo;
}

std::vector<Mutation> mutations(const std::string& text, std::size_t perKind) {
    const std::vector<std::string> lines = splitLines(text);
    const std::vector<int> yaml = yamlLines(lines);
    const std::set<std::string> known = knownKeys();
    std::vector<Mutation> out;
    auto changed = [&](const std::string& kind, int index, const std::string& line, const std::string& what) {
        std::vector<std::string> copy = lines;
        copy[static_cast<std::size_t>(index)] = line;
        out.push_back({kind, joinLines(copy), index + 1, what});
    };

    // a known key misspelt: block keys and keys of {flow: mappings}
    {
        const std::regex key(R"((^|[{,]\s*|^\s*-\s+|^\s+)([a-z_-]+):( |$))");
        std::vector<std::pair<int, std::smatch::difference_type>> at;
        std::vector<std::string> words;
        for (int i : yaml) {
            const std::string c = code(lines[static_cast<std::size_t>(i)]);
            std::smatch m;
            if (std::regex_search(c, m, key) && known.count(m[2]) && c.find('"') == std::string::npos) {
                at.emplace_back(i, m.position(2));
                words.push_back(m[2]);
            }
        }
        std::vector<std::size_t> picks(at.size());
        for (std::size_t k = 0; k < picks.size(); ++k) picks[k] = k;
        for (std::size_t k : spread(picks, perKind)) {
            std::string line = lines[static_cast<std::size_t>(at[k].first)];
            line.replace(static_cast<std::size_t>(at[k].second), words[k].size(), misspell(words[k]));
            changed("misspelt key", at[k].first, line, words[k] + " -> " + misspell(words[k]));
        }
    }

    // a unit dropped where the language requires one: the '%' of a share
    // above 1, the last unit of a two-part duration, the UTC offset of the
    // start (the unit of an absolute time)
    {
        const std::regex required(R"(([0-9.]+)%|([0-9.]+ h [0-9.]+) min|(start: *[0-9-]+T[0-9:]+)([+-][0-9:]+|Z))");
        std::vector<int> at;
        for (int i : yaml) {
            const std::string c = code(lines[static_cast<std::size_t>(i)]);
            std::smatch m;
            if (std::regex_search(c, m, required) && (!m[1].matched || std::stod(m[1]) > 1.0)) at.push_back(i);
        }
        for (int i : spread(at, perKind)) {
            std::string line = lines[static_cast<std::size_t>(i)];
            const std::string c = code(line);
            std::smatch m;
            std::regex_search(c, m, required);
            const std::string replacement = m[1].matched ? m[1].str() : m[2].matched ? m[2].str() : m[3].str();
            line.replace(static_cast<std::size_t>(m.position(0)), static_cast<std::size_t>(m.length(0)), replacement);
            changed("unit dropped", i, line, m[0].str() + " -> " + replacement);
        }
    }

    // a tab in the indentation
    {
        std::vector<int> at;
        for (int i : yaml)
            if (lines[static_cast<std::size_t>(i)].starts_with("  ")) at.push_back(i);
        for (int i : spread(at, perKind)) {
            std::string line = lines[static_cast<std::size_t>(i)];
            line.replace(0, 2, "\t");
            changed("tab", i, line, "two spaces -> tab");
        }
    }

    // a key written twice: a `key: value` line repeated after itself
    {
        const std::regex scalarKey(R"(^(\s+)([a-z_-]+): +[^\s\[{>|&*!#-][^#]*$)");
        std::vector<int> at;
        for (int i : yaml) {
            const std::string c = code(lines[static_cast<std::size_t>(i)]);
            std::smatch m;
            if (std::regex_match(c, m, scalarKey) && (i + 1 >= static_cast<int>(lines.size()) ||
                                                      code(lines[static_cast<std::size_t>(i) + 1]).find_first_not_of(' ') <=
                                                          static_cast<std::size_t>(m[1].length())))
                at.push_back(i);
        }
        for (int i : spread(at, perKind)) {
            std::vector<std::string> copy = lines;
            copy.insert(copy.begin() + i + 1, lines[static_cast<std::size_t>(i)]);
            out.push_back({"repeated key", joinLines(copy), i + 2, "line " + std::to_string(i + 1) + " twice"});
        }
    }

    // the file cut short inside a bracket or a quoted text
    {
        std::vector<std::pair<int, std::size_t>> at;
        for (int i : yaml) {
            const std::string c = code(lines[static_cast<std::size_t>(i)]);
            const std::size_t open = c.find_first_of("{[\"");
            if (open != std::string::npos && open + 2 < c.size()) at.emplace_back(i, open + 2);
        }
        std::vector<std::size_t> picks(at.size());
        for (std::size_t k = 0; k < picks.size(); ++k) picks[k] = k;
        for (std::size_t k : spread(picks, perKind)) {
            const auto [i, cut] = at[k];
            std::vector<std::string> copy(lines.begin(), lines.begin() + i + 1);
            std::string shortened = joinLines(copy);
            shortened.resize(shortened.size() - 1 - (copy.back().size() - cut)); // no newline after the cut
            out.push_back({"cut short", shortened, i + 1, "cut after column " + std::to_string(cut)});
        }
    }

    // a word for a number: a number standing alone in a value
    {
        std::vector<std::pair<int, std::size_t>> at;
        std::vector<std::size_t> lengths;
        const std::regex keyOf(R"(^\s*(-\s+)?([a-z_-]+):)");
        for (int i : yaml) {
            const std::string c = code(lines[static_cast<std::size_t>(i)]);
            std::smatch m;
            if (c.find_first_of("\"'") != std::string::npos) continue;
            if (std::regex_search(c, m, keyOf) && isTextKey(m[2])) continue;
            if (isTextKey(parentKey(lines, i))) continue; // an item of a list of texts (goals:)
            if (c.find("name:") != std::string::npos || c.find("message:") != std::string::npos) continue;
            const std::size_t from = c.find(':');
            if (from == std::string::npos) continue;
            for (std::size_t p = from + 1; p < c.size(); ++p) {
                if (!std::isdigit(static_cast<unsigned char>(c[p]))) continue;
                const char before = c[p - 1];
                if (before != ' ' && before != '[' && before != '{' && before != ',' && before != '+') continue;
                std::size_t end = p;
                while (end < c.size() && (std::isdigit(static_cast<unsigned char>(c[end])) || c[end] == '.')) ++end;
                if (end < c.size() && (std::isalnum(static_cast<unsigned char>(c[end])) && c[end] != 'k' &&
                                       c[end] != 'm' && c[end] != 'f' && c[end] != 'h' && c[end] != 's'))
                    continue;
                if (end < c.size() && c[end] == '-') continue; // a date: its year is not a word's place
                at.emplace_back(i, p);
                lengths.push_back(end - p);
                break;
            }
        }
        std::vector<std::size_t> picks(at.size());
        for (std::size_t k = 0; k < picks.size(); ++k) picks[k] = k;
        for (std::size_t k : spread(picks, perKind)) {
            std::string line = lines[static_cast<std::size_t>(at[k].first)];
            const std::string number = line.substr(at[k].second, lengths[k]);
            line.replace(at[k].second, lengths[k], "ten");
            changed("word for a number", at[k].first, line, number + " -> ten");
        }
    }
    return out;
}

/// Each shipped YAML file, with the scenario `nofly check` is run on.
struct Shipped {
    std::string folder; ///< under scenarios/
    std::string file;   ///< the file mutated
    std::string check;  ///< the file checked: itself, or the scenario including it
};

std::vector<Shipped> shipped() {
    std::vector<Shipped> out;
    for (const char* folder : {"denmark_2025", "tutorial"}) {
        const fs::path dir = fs::path(NOFLY_SOURCE_DIR) / "scenarios" / folder;
        std::vector<std::string> scenarios, parts;
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.path().extension() == ".yaml")
                (entry.path().filename().string().starts_with("_") ? parts : scenarios)
                    .push_back(entry.path().filename().string());
        std::sort(scenarios.begin(), scenarios.end());
        for (const std::string& s : scenarios) out.push_back({folder, s, s});
        for (const std::string& part : parts)
            for (const std::string& s : scenarios)
                if (slurp(dir / s).find(part) != std::string::npos) {
                    out.push_back({folder, part, s});
                    break;
                }
    }
    return out;
}

// names the file in gtest's and ctest's lines, not the bytes of the struct
void PrintTo(const Shipped& s, std::ostream* os) {
    *os << s.folder << "/" << s.file;
}

class ShippedScenarioMutations : public ::testing::TestWithParam<Shipped> {};

TEST(ShippedScenarioMutations, EveryShippedFileIsCovered) {
    std::size_t yaml = 0;
    for (const char* folder : {"denmark_2025", "tutorial"})
        for (const auto& entry : fs::directory_iterator(fs::path(NOFLY_SOURCE_DIR) / "scenarios" / folder))
            yaml += entry.path().extension() == ".yaml";
    EXPECT_EQ(shipped().size(), yaml);
    EXPECT_GE(yaml, 6u);
}

TEST_P(ShippedScenarioMutations, NoflyCheckRefusesEachChangeAtItsLine) {
    const Shipped& s = GetParam();
    const fs::path source = fs::path(NOFLY_SOURCE_DIR) / "scenarios" / s.folder;
    const fs::path work = fs::temp_directory_path() / ("nofly-mutation-" + std::to_string(::getpid()) + "-" + s.file);
    const std::string original = slurp(source / s.file);

    // the unchanged file passes, so each failure below is the change's
    fs::remove_all(work);
    fs::create_directories(work / s.folder);
    fs::copy(source, work / s.folder, fs::copy_options::recursive);
    const std::string check = "'" NOFLY_BINARY "' check '" + (work / s.folder / s.check).string() + "'";
    ASSERT_EQ(shell(check).exit, 0) << shell(check).out;

    const std::vector<Mutation> all = mutations(original, 2);
    std::set<std::string> kinds;
    for (const Mutation& m : all) {
        SCOPED_TRACE(s.file + ": " + m.kind + " on line " + std::to_string(m.line) + " (" + m.what + ")");
        kinds.insert(m.kind);
        std::ofstream(work / s.folder / s.file, std::ios::binary | std::ios::trunc) << m.text;
        const auto result = shell(check);
        EXPECT_EQ(result.exit, 1) << result.out;
        // an error naming the changed file and line
        const std::regex onLine(std::regex_replace(s.file, std::regex(R"([.])"), R"(\.)") + ":" +
                                std::to_string(m.line) + ":[0-9]+: error: ");
        EXPECT_TRUE(std::regex_search(result.out, onLine)) << result.out;
    }
    fs::remove_all(work);

    // every kind that needs nothing special applies to every file
    for (const char* kind : {"misspelt key", "tab", "repeated key", "cut short", "word for a number"})
        EXPECT_TRUE(kinds.count(kind)) << s.file << " had no place for: " << kind;
    if (s.file == s.check) {
        EXPECT_TRUE(kinds.count("unit dropped")) << s.file << " had no unit to drop";
    }
}

INSTANTIATE_TEST_SUITE_P(Shipped, ShippedScenarioMutations, ::testing::ValuesIn(shipped()),
                         [](const ::testing::TestParamInfo<Shipped>& paramInfo) {
                             std::string name = paramInfo.param.folder + "_" + paramInfo.param.file;
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

// the unit mutation has somewhere to go in the shipped files as a whole
TEST(ShippedScenarioMutations, SomeFileHasAUnitThatIsRequired) {
    std::size_t dropped = 0;
    for (const Shipped& s : shipped())
        for (const Mutation& m : mutations(slurp(fs::path(NOFLY_SOURCE_DIR) / "scenarios" / s.folder / s.file), 2))
            dropped += m.kind == "unit dropped";
    EXPECT_GE(dropped, 8u); // a start in each of the 5 scenarios, and shares
}

} // namespace
