#include "scenario/airports.hpp"

#include "core/csv.hpp"
#include "core/decimal.hpp"
#include "core/diagnostic.hpp"
#include "scenario/limits.hpp"
#include "scenario/text_file.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

namespace nofly::scenario {

namespace fs = std::filesystem;

static std::string upper(const std::string& s) {
    std::string out = s;
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

static std::size_t commonPrefix(const std::string& a, const std::string& b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n])
        ++n;
    return n;
}

AirportCatalogue::AirportCatalogue(std::string assetDir) : m_assetDir(std::move(assetDir)) {}

void AirportCatalogue::read() {
    if (m_read) return;
    m_read = true;
    // every list in the folder, in the order of their names, so the first
    // file that has a code decides what it means
    std::vector<fs::path> paths;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::path(m_assetDir) / "airports", ec))
        if (entry.path().extension() == ".csv") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const fs::path& path : paths) {
        FileProblem problem;
        auto text = readTextFile(path.string(), m_assetDir, kMaxImportBytes, "reads", problem);
        if (!text) continue; // a shipped list that cannot be read: as if it were not there
        File file;
        file.text = std::move(*text);
        file.header = core::splitCsvLine(file.text.substr(0, file.text.find('\n')));
        m_files.push_back(std::move(file));
    }
}

std::optional<CatalogueAirport> AirportCatalogue::parseRow(const File& file, const std::string& line) const {
    const std::vector<std::string> f = core::splitCsvLine(line);
    auto field = [&](const char* name) -> const std::string* {
        const auto it = std::find(file.header.begin(), file.header.end(), name);
        const auto i = static_cast<std::size_t>(it - file.header.begin());
        return it == file.header.end() || i >= f.size() ? nullptr : &f[i];
    };
    const std::string *ident = field("ident"), *name = field("name"), *lat = field("lat"),
                      *lon = field("lon");
    if (!ident || !name || !lat || !lon || ident->empty()) return std::nullopt;
    CatalogueAirport a;
    a.icao = *ident;
    a.name = *name;
    // a shipped file with a broken row: skip the row, keep the rest
    const std::optional<double> latitude = core::parseDecimal(*lat), longitude = core::parseDecimal(*lon);
    if (!latitude || !longitude) return std::nullopt;
    a.geo = {*latitude, *longitude};
    if (const std::string* e = field("elevation_ft"); e && !e->empty()) {
        const std::optional<double> elevation = core::parseDecimal(*e);
        if (!elevation) return std::nullopt;
        a.elevationFt = *elevation;
    }
    if (const std::string* t = field("type")) a.type = *t;
    if (const std::string* c = field("country")) a.country = *c;
    return a;
}

std::optional<CatalogueAirport> AirportCatalogue::find(const std::string& icao) {
    read();
    if (icao.empty() || icao.find_first_of(",\"\n") != std::string::npos) return std::nullopt;
    for (const File& file : m_files) {
        if (file.header.empty() || file.header[0] != "ident") {
            // not the shipped layout (code first): parse it all
            for (const CatalogueAirport& a : all())
                if (a.icao == icao) return a;
            continue;
        }
        // a row starts with its code: find that line in the text, parse only it
        const std::string key = icao + ",";
        for (std::size_t pos = file.text.find(key); pos != std::string::npos;
             pos = file.text.find(key, pos + 1)) {
            if (pos == 0 || file.text[pos - 1] != '\n') continue;
            const std::size_t end = file.text.find('\n', pos);
            if (auto a = parseRow(file, file.text.substr(pos, end == std::string::npos ? end : end - pos)))
                return a;
        }
    }
    return std::nullopt;
}

const std::vector<CatalogueAirport>& AirportCatalogue::all() {
    read();
    if (m_parsed) return m_all;
    m_parsed = true;
    std::map<std::string, CatalogueAirport> byCode; // the first file with a code keeps it
    for (const File& file : m_files) {
        std::size_t start = file.text.find('\n');
        while (start != std::string::npos && start + 1 < file.text.size()) {
            const std::size_t end = file.text.find('\n', start + 1);
            const std::string line =
                file.text.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1);
            if (auto a = parseRow(file, line)) byCode.emplace(a->icao, std::move(*a));
            start = end;
        }
    }
    for (auto& [code, airport] : byCode)
        m_all.push_back(std::move(airport));
    return m_all;
}

std::string AirportCatalogue::explainUnknown(const std::string& icao) {
    const std::string code = upper(icao);
    const std::vector<CatalogueAirport>& airports = all();

    // the nearest codes by spelling: one letter off for a code of four,
    // those sharing the longest start with it first, then the larger airports
    const std::size_t limit = std::clamp<std::size_t>(code.size() / 3, 1, 3);
    auto size = [](const CatalogueAirport& a) {
        return a.type == "large_airport" ? 0 : a.type == "medium_airport" ? 1 : 2;
    };
    std::vector<std::tuple<std::size_t, std::size_t, int, std::string>>
        near; // distance, unshared, size, code
    for (const CatalogueAirport& a : airports) {
        const std::size_t longer = std::max(code.size(), a.icao.size());
        if (longer - std::min(code.size(), a.icao.size()) > limit) continue;
        const std::size_t d = core::editDistance(code, a.icao);
        if (d <= limit) near.emplace_back(d, longer - commonPrefix(code, a.icao), size(a), a.icao);
    }
    std::sort(near.begin(), near.end());
    constexpr std::size_t kNearest = 4;
    if (near.size() > kNearest) near.resize(kNearest);
    std::string out;
    for (std::size_t i = 0; i < near.size(); ++i) {
        out += i == 0 ? "did you mean '" : (i + 1 == near.size() ? " or '" : ", '");
        out += std::get<3>(near[i]) + "'";
    }
    if (!out.empty()) out += "?";

    // a code that looks like an ICAO code: its first two letters name a
    // country (LF France, EH the Netherlands, EK Denmark); list that
    // country's airports, those sharing the longest start with it first
    const bool looksReal = code.size() == 4 &&
                           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!looksReal) return out;
    const std::string prefix = code.substr(0, 2);
    std::vector<const CatalogueAirport*> sameCountry;
    std::map<std::string, int> countries;
    for (const CatalogueAirport& a : airports) {
        if (a.icao.compare(0, 2, prefix) != 0) continue;
        ++countries[a.country];
        const bool suggested =
            std::any_of(near.begin(), near.end(), [&](const auto& n) { return std::get<3>(n) == a.icao; });
        if (!suggested) sameCountry.push_back(&a);
    }
    if (countries.empty()) return out;
    std::stable_sort(sameCountry.begin(), sameCountry.end(), [&](const auto* a, const auto* b) {
        return commonPrefix(code, a->icao) > commonPrefix(code, b->icao);
    });
    const std::string country =
        std::max_element(countries.begin(), countries.end(), [](const auto& a, const auto& b) {
            return a.second < b.second;
        })->first;
    if (!out.empty()) out += " ";
    out += "codes " + prefix + ".. are " + (country.empty() ? std::string("one country") : country) + "'s";
    if (sameCountry.empty()) return out;
    out += ": ";
    constexpr std::size_t kListed = 5;
    for (std::size_t i = 0; i < sameCountry.size() && i < kListed; ++i)
        out += (i > 0 ? ", " : "") + sameCountry[i]->icao + " " + sameCountry[i]->name;
    if (sameCountry.size() > kListed) out += " and " + std::to_string(sameCountry.size() - kListed) + " more";
    return out;
}

std::vector<CatalogueAirport> loadAirportCatalogue(const std::string& assetDir) {
    AirportCatalogue catalogue(assetDir);
    return catalogue.all();
}

} // namespace nofly::scenario
