// The teacher's guide (`nofly guide`): one printable page for the person in
// front of the class. Its job is to say, from a real run of the scenario,
// what the scenario shows, how to run it, when the clock will stop for each
// question and what the answer will be (for the teacher's eyes), what to
// point at and when, which policies to show next with what each costs and
// prevents, and where the facts come from.
#pragma once

#include "report/run_record.hpp"

#include <string>
#include <vector>

namespace nofly::report {

/// A policy of the scenario, run to its end, for the guide's last table.
struct GuidePolicy {
    std::string id;   ///< "base" or the variant's id
    std::string name; ///< as the file names it
    std::string description;
    Counts total;
};

/// The guide as one self-contained HTML page that prints on one or two A4
/// sides. `run`: the scenario as the class first sees it, run to its end
/// (its questions, timeline and events); `policies`: every policy, the
/// shown one first; `file`: the path the commands in it name.
std::string guideHtml(const RunRecord& run, const std::vector<GuidePolicy>& policies,
                      const std::string& file);

} // namespace nofly::report
