"""The README shows real output and the commands CI runs; these tests keep it so."""

from __future__ import annotations

import re

import pytest

from tests.harness import REPO, run

README = (REPO / "README.md").read_text()


def test_readme_sample_report_is_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    block = re.search(r"```text\n\$ mpilint (.*?)\n(.*?)```", README, re.S)
    assert block, "the README shows a sample report"
    args, sample = block.group(1).split(), block.group(2).splitlines()
    monkeypatch.chdir(REPO)
    real = run("--color", "never", *args).out.splitlines()
    shown = [line for line in sample if line != "…"]
    assert shown[:-1] == real[: len(shown) - 1]
    assert shown[-1] == real[-1]


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
