// nofly schema: the JSON Schema of the scenario language, for editors.
#include "app/commands.hpp"

#include "report/run_files.hpp"
#include "report/schema.hpp"

#include <iostream>

namespace nofly::app {

int runSchema(const SchemaOptions& options, std::ostream& out, std::ostream& err) {
    const std::string schema = report::scenarioSchema();
    if (options.out.empty()) {
        out << schema;
        return kOk;
    }
    std::string error;
    if (!report::writeFileAtomically(options.out, schema, error)) {
        err << "nofly schema: " << error << '\n';
        return kInputError;
    }
    if (!report::writesToStandardOutput(options.out)) out << "Wrote " << options.out << '\n'; // -o /dev/stdout: the schema alone
    return kOk;
}

} // namespace nofly::app
