"""The severities a rule lists are the severities it gives (issue 13, point 4).

A user reads ``mpilint rules``, ``docs/rules.md`` or a SARIF rule's metadata and sets ``--fail-on``
and ``severity`` overrides from it; a rule listed as a warning that gives an error, or as an error
that gives information, makes those settings lie. So every input the suite holds (every rule
example, run with every rule, the realistic, hostile and example corpora) is run through the CLI,
and each (rule, severity) it gives must be listed in the rule's ``rules/<ID>.yaml``.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from mpilint.core import catalog
from tests.harness import REPO, TESTS, Cli, write


def _emitted(cli: Cli, tmp_path: Path) -> dict[str, set[str]]:
    seen: dict[str, set[str]] = defaultdict(set)

    def collect(*args: str) -> None:
        for finding in cli("--format", "json", *args).json()["findings"]:
            seen[finding["rule"]].add(finding["severity"])

    for meta in catalog.all_meta():
        for n, example in enumerate(meta.examples):
            paths = write(tmp_path / f"{meta.id}-{n}", dict(example.files), example.encoding)
            collect(*example.args, *paths)
    for corpus in (TESTS / "realistic", TESTS / "hostile", REPO / "examples"):
        collect(str(corpus))
    return seen


def test_every_emitted_severity_is_listed(cli: Cli, tmp_path: Path) -> None:
    seen = _emitted(cli, tmp_path)
    unlisted = {
        rule: sorted(levels - {s.label for s in catalog.meta(rule).severities})
        for rule, levels in seen.items()
    }
    assert {rule: levels for rule, levels in unlisted.items() if levels} == {}
    # The run saw rules giving more than one severity: the collection itself worked.
    assert sum(len(levels) > 1 for levels in seen.values()) >= 5


def test_listed_severities_are_shown_wherever_a_rule_is_described(cli: Cli) -> None:
    import json

    meta = catalog.meta("MPL110")
    assert [s.label for s in meta.severities] == ["warning", "info"]
    rows = json.loads(cli("rules", "--format", "json").out)
    row = next(r for r in rows if r["id"] == "MPL110")
    assert row["severity"] == "warning" and row["severities"] == ["warning", "info"]
    assert any(
        line.startswith("MPL110  ") and "  warning/info  " in line
        for line in cli("rules").out.splitlines()
    )
    markdown = cli("rules", "--format", "markdown").out
    assert "| launcher-creation-policy | warning/info |" in markdown
    assert "default severity: warning · can also give: info" in markdown
    assert cli("explain", "MPL110").out.startswith(
        "MPL110 launcher-creation-policy (warning), can also give: info\n"
    )
    single = next(r for r in rows if r["id"] == "MPL104")
    assert single["severities"] == [single["severity"]]
