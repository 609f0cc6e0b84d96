// Public and internal headers (issue 20): the command line reaches the window
// through render/window.hpp alone, so no SFML, Dear ImGui or OpenGL header
// reaches app; and a layer's detail/ headers are its own and its tests'.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path kSource = fs::path(NOFLY_SOURCE_DIR);

/// The #include lines of a file: quoted ones (ours, "layer/file.hpp") and
/// bracketed ones (<SFML/Graphics.hpp>).
struct Includes {
    std::vector<std::string> quoted, bracketed;
};

Includes includesOf(const fs::path& file) {
    static const std::regex line(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
    Includes out;
    std::ifstream in(file);
    std::string text;
    std::smatch m;
    while (std::getline(in, text))
        if (std::regex_search(text, m, line)) (m[1] == "\"" ? out.quoted : out.bracketed).push_back(m[2]);
    return out;
}

bool windowLibrary(const std::string& header) {
    return header.rfind("SFML/", 0) == 0 || header.rfind("imgui", 0) == 0 || header.rfind("GL/", 0) == 0;
}

/// Every third-party window header `file` reaches through our headers, each
/// with the chain of our headers that brings it in.
void windowHeadersReached(const fs::path& file, const std::string& chain, std::set<fs::path>& seen,
                          std::vector<std::string>& found) {
    if (!seen.insert(file).second) return;
    const Includes inc = includesOf(file);
    for (const std::string& h : inc.bracketed)
        if (windowLibrary(h)) found.push_back(chain + " -> <" + h + ">");
    for (const std::string& h : inc.quoted) {
        const fs::path ours = kSource / "src" / h;
        if (fs::exists(ours)) windowHeadersReached(ours, chain + " -> " + h, seen, found);
    }
}

TEST(Layers, AppReachesNoSfmlImGuiOrOpenGlHeader) {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(kSource / "src" / "app")) {
        std::set<fs::path> seen;
        windowHeadersReached(entry.path(), "src/app/" + entry.path().filename().string(), seen, found);
    }
    EXPECT_EQ(found, std::vector<std::string>{}) << "app includes the window's libraries: reach the window "
                                                    "through render/window.hpp";
}

TEST(Layers, ADetailHeaderIsIncludedOnlyByItsLayerAndItsTests) {
    // src/LAYER/detail/x.hpp: from src/LAYER, tests/LAYER and bench/ only
    static const std::regex detail(R"(^([a-z_]+)/detail/)");
    std::vector<std::string> found;
    for (const char* top : {"src", "tests"}) {
        for (const auto& entry : fs::recursive_directory_iterator(kSource / top)) {
            const std::string ext = entry.path().extension().string();
            if (ext != ".cpp" && ext != ".hpp") continue;
            const fs::path relative = fs::relative(entry.path(), kSource);
            const std::string layer = std::next(relative.begin())->string(); // src/LAYER/...
            std::smatch m;
            for (const std::string& h : includesOf(entry.path()).quoted)
                if (std::regex_search(h, m, detail) && m[1] != layer)
                    found.push_back(relative.string() + " includes " + h);
        }
    }
    EXPECT_EQ(found, std::vector<std::string>{}) << "a detail/ header is internal to its layer";
}

} // namespace
