"""The JSON report is the editors' contract: real output must validate against its schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from tests.harness import REPO, Cli

SCHEMA = json.loads((REPO / "schemas" / "report.schema.json").read_text())


def test_broken_example_report_validates_and_carries_fix(cli: Cli) -> None:
    report = cli("--format", "json", str(REPO / "examples")).json()
    jsonschema.validate(report, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert report["version"] == 1 and report["tool"]["name"] == "mpilint"
    rules = {f["rule"] for f in report["findings"]}
    assert {"MPL001", "MPL101", "MPL102", "MPL103", "MPL104", "MPL301"} <= rules
    fixes = [f["fix"] for f in report["findings"] if "fix" in f]
    assert fixes, "the unquoted count carries a fix"
    edit = fixes[0]["edits"][0]
    assert edit["replacement"] == '"4"'
    assert (edit["line"], edit["column"], edit["end_column"]) == (28, 15, 16)
    summary = report["summary"]
    assert sum(summary.values()) == len(report["findings"])


def test_findings_are_sorted(cli: Cli) -> None:
    findings = cli("--format", "json", str(REPO / "examples")).json()["findings"]
    keys = [(f["file"], f["line"], f["column"], f["rule"]) for f in findings]
    assert keys == sorted(keys)


def test_schema_rejects_a_broken_report() -> None:
    """The schema is strict enough to catch a reporter regression."""
    bad = {
        "version": 1,
        "tool": {"name": "mpilint", "version": "0"},
        "files": [],
        "findings": [
            {
                "rule": "MPL101",
                "name": "x",
                "severity": "fatal",
                "message": "m",
                "file": "f",
                "line": 0,
                "column": 1,
                "end_line": 1,
                "end_column": 2,
            }
        ],
        "summary": {"error": 0, "warning": 0, "info": 0},
    }
    validator = jsonschema.Draft202012Validator(SCHEMA)
    assert len(list(validator.iter_errors(bad))) >= 2


def test_empty_run_report(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "empty.yaml").write_text("")
    report = cli("--format", "json", str(tmp_path / "empty.yaml")).json()
    jsonschema.validate(report, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert report["findings"] == [] and report["summary"] == {"error": 0, "warning": 0, "info": 0}
