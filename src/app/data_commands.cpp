// The commands that carry data in and out of nofly: import, export, schema.
#include "app/commands.hpp"

#include "scenario/import.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace nofly::app {

void addDataCommands(CLI::App& cli, std::vector<Command>& commands) {
    // nofly import
    auto import = std::make_shared<ImportOptions>();
    CLI::App* importCommand = cli.add_subcommand(
        "import",
        "Read real airspace data (ED-269, ED-318, GeoJSON, OpenAir) into a zones: fragment of the scenario "
        "language, for include:.");
    importCommand->add_option("file", import->file, "The file to import")->required();
    importCommand->add_option("--format", import->format, "Its format; default: detected from the content")
        ->check(CLI::IsMember(scenario::importFormatNames()));
    importCommand->add_option("-o,--out", import->out,
                              "Write the fragment to this file; default: standard output");
    importCommand->add_option("--lang", import->lang, "ED-318 texts: the language to pick")
        ->capture_default_str();
    importCommand->add_flag(
        "--skip-bad", import->skipBad,
        "Leave out features that cannot be used (each reported as a warning); default: off, "
        "and one bad feature stops the import");
    importCommand->add_flag(
        "--lenient", import->lenient,
        "ED-318: read a national download that bends the standard (zone fields under properties.UASZone, "
        "limits in properties.verticalLayer, an empty unit, a day as a text, empty dates) as if it were "
        "standard, with one warning for each kind; default: off, and each kind is an error");
    importCommand->add_option("--mapping", import->mapping,
                              "A mapping file (YAML) saying what GeoJSON properties or OpenAir types mean");
    importCommand
        ->add_option("--utc-offset", import->utcOffset,
                     "The local time of the scenario that will include the fragment; weekly clock times "
                     "are written in it")
        ->capture_default_str();
    commands.push_back({importCommand, [import] { return runImport(*import, std::cout, std::cerr); }});

    // nofly export
    auto exportOptions = std::make_shared<ExportOptions>();
    CLI::App* exportCommand = cli.add_subcommand(
        "export", "Write a scenario's zones as GeoJSON (QGIS, web maps) or ED-269 (U-space tools).");
    exportCommand->add_option("file", exportOptions->file, "Scenario file")->required();
    exportCommand->add_option("--variant", exportOptions->variant, "Apply this variant of the scenario");
    exportCommand->add_option("--format", exportOptions->format, "geojson or ed269")
        ->check(CLI::IsMember({"geojson", "ed269"}))
        ->required();
    exportCommand->add_option("-o,--out", exportOptions->out, "Write to this file; default: standard output");
    commands.push_back(
        {exportCommand, [exportOptions] { return runExport(*exportOptions, std::cout, std::cerr); }});

    // nofly schema
    auto schema = std::make_shared<SchemaOptions>();
    CLI::App* schemaCommand = cli.add_subcommand(
        "schema",
        "Print the JSON Schema of the scenario language, for editors (scenarios/nofly.schema.json).");
    schemaCommand->add_option("-o,--out", schema->out, "Write to this file; default: standard output");
    commands.push_back({schemaCommand, [schema] { return runSchema(*schema, std::cout, std::cerr); }});
}

} // namespace nofly::app
