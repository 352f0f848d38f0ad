"""The README shows real output and the commands CI runs; these tests keep it so."""

from __future__ import annotations

import re

import pytest

from tests.harness import REPO, run

README = (REPO / "README.md").read_text()


def test_readme_sample_report_is_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sample's lines before "…" are the report's first lines, those after it its last;
    ``COLUMNS=N`` before the command is the terminal width it was wrapped to."""
    block = re.search(r"```text\n\$ (?:COLUMNS=(\d+) )?mpilint (.*?)\n(.*?)```", README, re.S)
    assert block, "the README shows a sample report"
    columns, args, sample = block.group(1), block.group(2).split(), block.group(3)
    monkeypatch.chdir(REPO)
    if columns:
        monkeypatch.setenv("COLUMNS", columns)
    else:
        monkeypatch.delenv("COLUMNS", raising=False)
    real = run("--color", "never", *args).out.splitlines()
    head, _, tail = sample.partition("…\n")
    assert head.splitlines() == real[: len(head.splitlines())]
    assert tail.splitlines() == real[len(real) - len(tail.splitlines()) :]
    assert tail, "the sample ends with the summary"


def test_readme_starts_with_the_two_commands_ci_runs() -> None:
    first_screen = README.split("## ", 1)[0]
    assert "<!-- ci:try -->" in first_screen and "<!-- ci:test -->" in first_screen
    assert "mpilint examples/" in first_screen
    assert "pytest" in first_screen


def test_readme_rules_table_lists_every_rule() -> None:
    from mpilint.core import catalog

    for meta in catalog.all_meta():
        # every severity the rule can give, as `mpilint rules` lists them (issue 13)
        row = f"| {meta.id} | {meta.name} | {meta.severity_label}"
        assert row + " |" in README or row + " (" in README, meta.id
