// Fuzz target: the scenario loader, on a scenario file's text. Read as if it
// were a file of scenarios/tutorial, so includes of the shipped real data
// resolve; then each of its first variants is loaded too, as `nofly check`
// does. A refused scenario must say why; an accepted one has no error.
#include "fuzz_target.hpp"
#include "scenario/loader.hpp"

using namespace nofly;

namespace {

void checkResult(const scenario::LoadResult& result, const std::string& file, int lines) {
    fuzz::checkDiagnostics(result.diagnostics, file, lines);
    if (!result.scenario && !result.diagnostics.hasErrors()) fuzz::fail("a scenario refused without an error");
    if (result.scenario && result.diagnostics.hasErrors()) fuzz::fail("a scenario accepted with errors");
}

} // namespace

NOFLY_FUZZ_TARGET(scenario) {
    const std::string yaml = fuzz::text(data, size);
    const std::string file = NOFLY_SOURCE_DIR "/scenarios/tutorial/fuzz_input.yaml";
    const int lines = fuzz::lineCount(yaml);

    const scenario::LoadResult base = scenario::loadScenarioText(yaml, file);
    checkResult(base, file, lines);
    if (!base.scenario) return 0;

    // each variant, as `nofly check` loads them (a few: each is a full load)
    std::size_t tried = 0;
    for (const scenario::Variant& variant : base.scenario->variants) {
        if (++tried > 3) break;
        scenario::LoadOptions options;
        options.variant = variant.id;
        checkResult(scenario::loadScenarioText(yaml, file, options), file, lines);
    }
    return 0;
}
