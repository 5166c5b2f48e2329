#!/usr/bin/env python3
"""Generates many outcome front matters and ledger.yml files, runs them through the tool
and through the published JSON Schemas, and lists every disagreement: a file the tool
accepts and the schema refuses, or the other way round.

usage: agreement.py OUTCOMES_BINARY SCHEMAS_DIR [--cases N]

YAML is read as the tool reads it: YAML 1.2 core types, dates left as strings. The tool
"accepts" a file when it reports none of the rules about the form of the file (types,
keys, ids); the other rules (pods, lenses, dates in order…) judge content a schema
cannot see.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

FORM_RULES = {"front-matter-type", "unknown-key", "missing-key", "invalid-id", "front-matter-syntax", "config"}


class ToolLoader(yaml.SafeLoader):
    """Safe YAML without the timestamp type: the tool reads `2026-01-31` as text."""


ToolLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# YAML 1.2 booleans only: `yes`, `no`, `on` and `off` are text, as the tool reads them.
ToolLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))

FRONT_VALUES = {
    "title": ["Grow artists", "", "'42'", "[a, b]", "{a: 1}", "yes"],
    "owner": ["ana", "", "Ana Sousa", "[ana]", "ana.s"],
    "pod": ["{ana: [builder, communicator], li: operator}", "", "[ana, li]", "{ana: builder}", "{ana: [builder], li: []}",
            "{ana: 3}", "ana"],
    "status": ["active", "proposed", "achieved", "dropped", "", "done", "Active", "[active]"],
    "parent": ["music-app", "", "Music App", "[music-app]", "music-app.md"],
    "depends_on": ["[billing]", "", "[]", "billing", "[Billing]", "[billing, billing]", "{a: b}"],
    "review_by": ["2027-01-15", "", "2027-02-31", "2027-1-5", "tomorrow", "20270115"],
    "start": ["2026-09-01", "", "2026-13-01", "[2026-09-01]"],
    "due": ["2027-03-31", "", "31/03/2027", "2027-03-31T10:00:00Z"],
    "health": ["on-track", "at-risk", "off-track", "", "red", "[at-risk]"],
    "health_note": ["Rollout paused", "", "[a]", "12"],
    "tags": ["[revenue]", "", "[]", "revenue", "[Revenue]", "[a b]", "[1]"],
    "id": ["grow-artists", "", "Grow_Artists", "[x]", "-x"],
    "x-team": ["anything", ""],
    "titel": ["typo"],
}
CONFIG_VALUES = {
    "title": ["Music app", "", "[a]"],
    "outcomes": ["outcomes", "", "[outcomes]"],
    "pod_size": ["{min: 2, max: 4}", "", "{min: 0}", "4", "{min: 2, max: x}"],
    "lenses": ["[builder, operator, communicator]", "", "builder", "[]"],
    "done_heading": ["Done when", "", "[x]"],
    "how_heading": ["How", ""],
    "max_pods_per_person": ["3", "", "-1", "three", "0"],
    "rules": ["{}", "", "{lens-coverage: warning}", "{lens-coverage: warn}", "{no-such-rule: off}"],
    "signals": ["{}", "", "{stale: off}", "{reported: at-risk}", "{nope: off}"],
    "behind_margin": ["25", "", "101", "-5", "x"],
    "stale_after_days": ["60", "", "0", "x"],
    "history_days": ["14", "", "0"],
    "base_url": ["https://example.com/", "", "[x]"],
    "max_file_size": ["1 MiB", "", "100", "1 GB", "x"],
    "max_asset_size": ["10 MiB", "", "2048", "big"],
    "pod_sise": ["4"],
}


def generate(values, rng, keep_required=()):
    """Mostly well-formed files, each key present or not, usually with its first (valid)
    value, so that single mistakes are what the comparison sees."""
    lines = []
    for key, options in values.items():
        if len(options) == 1 and rng.random() > 0.05:
            continue
        if key in keep_required or rng.random() < 0.6:
            value = options[0] if rng.random() < 0.8 else rng.choice(options)
            lines.append(f"{key}: {value}".rstrip())
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("schemas")
    parser.add_argument("--cases", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(20261202)
    formats = jsonschema.Draft7Validator.FORMAT_CHECKER
    front_schema = jsonschema.Draft7Validator(json.load(open(os.path.join(args.schemas, "front-matter.schema.json"))),
                                              format_checker=formats)
    config_schema = jsonschema.Draft7Validator(json.load(open(os.path.join(args.schemas, "config.schema.json"))),
                                               format_checker=formats)
    disagreements = []
    with tempfile.TemporaryDirectory() as work:
        # Front matters: one ledger, one file per case.
        ledger = os.path.join(work, "front")
        os.makedirs(os.path.join(ledger, "outcomes"))
        cases = {}
        for index in range(args.cases):
            front = generate(FRONT_VALUES, rng, keep_required=("title", "owner", "pod") if index % 3 else ())
            name = f"case-{index:04d}"
            cases[f"outcomes/{name}.md"] = front
            with open(os.path.join(ledger, "outcomes", name + ".md"), "w") as f:
                f.write(f"---\n{front}---\n## Done when\n- [ ] 1 thing\n\n## How\nSo.\n")
        report = json.loads(subprocess.run([args.binary, "check", ledger, "--format", "json", "--today", "2026-11-21"],
                                           capture_output=True, text=True).stdout)
        refused = {}
        for diagnostic in report["diagnostics"]:
            if diagnostic["rule"] in FORM_RULES:
                refused.setdefault(diagnostic["file"], []).append(f"{diagnostic['rule']}: {diagnostic['message']}")
        for path, front in cases.items():
            document = yaml.load(front, Loader=ToolLoader) or {}
            schema_errors = [error.message for error in front_schema.iter_errors(document)]
            if bool(schema_errors) != (path in refused):
                disagreements.append((front, refused.get(path, []), schema_errors))
        # ledger.yml files: one ledger each (the file is per ledger).
        for index in range(max(1, args.cases // 3)):
            config = generate(CONFIG_VALUES, rng)
            root = os.path.join(work, f"config-{index}")
            os.makedirs(os.path.join(root, "outcomes"))
            with open(os.path.join(root, "ledger.yml"), "w") as f:
                f.write(config)
            result = subprocess.run([args.binary, "check", root, "--format", "json", "--today", "2026-11-21"],
                                    capture_output=True, text=True)
            tool_errors = []
            if result.returncode == 2:
                tool_errors = [result.stderr.strip()]
            else:
                tool_errors = [f"{d['rule']}: {d['message']}" for d in json.loads(result.stdout)["diagnostics"]
                               if d["file"] == "ledger.yml" and d["rule"] in FORM_RULES]
            document = yaml.load(config, Loader=ToolLoader) or {}
            schema_errors = [error.message for error in config_schema.iter_errors(document)]
            if bool(schema_errors) != bool(tool_errors):
                disagreements.append((config, tool_errors, schema_errors))
    print(f"tool refused {len(refused)} of {args.cases} front matters")
    for text, tool, schema in disagreements:
        print("---\n" + text + f"tool: {tool or 'accepts'}\nschema: {schema or 'accepts'}")
    print(f"{len(disagreements)} disagreement(s) in {args.cases + max(1, args.cases // 3)} generated files")
    sys.exit(1 if disagreements else 0)


if __name__ == "__main__":
    main()
