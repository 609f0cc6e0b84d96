// Fuzz target: the ed269 importer, on a file's text with the format given (so
// the reader runs even where detection would have refused the file). What
// it accepts must be usable zones: finite coordinates on the globe, rings
// of at least three points, radii and widths above zero.
#include "fuzz_target.hpp"
#include "fuzz_zones.hpp"

NOFLY_FUZZ_TARGET(ed269) {
    return nofly::fuzz::importOne(data, size, "ed269", "fuzz_input.json");
}
