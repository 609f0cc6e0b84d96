#!/usr/bin/env python3
"""Validates scenario files against the JSON Schema that `nofly schema` writes.

Usage: schema_validate.py SCHEMA FILE...

Scenario files are checked against the whole schema; include fragments (names
starting with '_') against its 'included' definition. YAML is read the way
editors read it (YAML 1.2: times such as 08:30 and dates are text, yes/no are
text), not the way PyYAML reads YAML 1.1 by default. Prints one line per
problem and exits 1 if any file is invalid. Used by tests/app/data_commands_test.cpp.
"""
import json
import os
import re
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's scalars."""


# drop YAML 1.1's timestamps, sexagesimal numbers and yes/no/on/off booleans
Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ('tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:int',
                           'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool')]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    'tag:yaml.org,2002:bool', re.compile(r'^(?:true|True|TRUE|false|False|FALSE)$'), list('tTfF'))
Yaml12Loader.add_implicit_resolver(
    'tag:yaml.org,2002:int', re.compile(r'^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$'), list('-+0123456789'))
Yaml12Loader.add_implicit_resolver(
    'tag:yaml.org,2002:float',
    re.compile(r'^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$'),
    list('-+0123456789.'))


def main(arguments):
    with open(arguments[0], encoding='utf-8') as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    whole = jsonschema.Draft7Validator(schema)
    fragment = jsonschema.Draft7Validator(dict(schema, **{'$ref': '#/definitions/included'}))
    invalid = 0
    for path in arguments[1:]:
        with open(path, encoding='utf-8') as f:
            document = yaml.load(f, Loader=Yaml12Loader)
        validator = fragment if os.path.basename(path).startswith('_') else whole
        errors = sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.path])
        for error in errors:
            print(f"{path}: {'.'.join(str(p) for p in error.path) or '(top)'}: {error.message}")
        invalid += bool(errors)
    print(f"{len(arguments) - 1 - invalid} of {len(arguments) - 1} files valid")
    return 1 if invalid else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
