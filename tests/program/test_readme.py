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


def _first_screen() -> list[str]:
    """What a reader sees before the rule table: the README's first screen (issue 17)."""
    return README.split("\n## Rules", 1)[0].splitlines()


def test_first_screen_has_the_commands_a_sample_and_the_ci_snippets() -> None:
    screen = "\n".join(_first_screen())
    assert len(_first_screen()) <= 85
    for piece in ("<!-- ci:try -->", "<!-- ci:test -->", "```text\n$ ", "<!-- action:workflow -->"):
        assert piece in screen, piece
    assert "repos:\n  - repo: https://github.com/mpilint/mpilint" in screen
    assert "mpilint server" in screen


def _pins() -> list[str]:
    """The revisions the README tells users to pin: pre-commit's ``rev`` and the action's ``@``."""
    pins = re.findall(r"^\s+rev: (\S+)", README, re.M)
    pins += re.findall(r"uses: mpilint/mpilint@(\S+)", README)
    assert len(pins) == 2, pins
    return pins


@pytest.mark.parametrize("pin", _pins())
def test_pinned_revision_exists_and_holds_the_hooks_and_the_action(pin: str) -> None:
    """A ``rev`` that names no commit breaks every user's ``pre-commit install`` (issue 17)."""
    import subprocess

    import yaml

    def show(path: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(REPO), "show", f"{pin}:{path}"], capture_output=True, text=True
        )
        assert done.returncode == 0, f"{pin}:{path}: {done.stderr.strip()}"
        return done.stdout

    hooks = {hook["id"] for hook in yaml.safe_load(show(".pre-commit-hooks.yaml"))}
    assert {"mpilint", "mpilint-fix"} <= hooks
    inputs = set(yaml.safe_load(show("action.yml"))["inputs"])
    assert {"paths", "args", "sarif-file"} <= inputs
    assert re.fullmatch(r"[0-9a-f]{40}", pin), "a full commit id: a tag may not reach a clone"


def test_documents_the_readme_links_exist() -> None:
    for target in re.findall(r"\]\((docs/[^)#]+)", README):
        assert (REPO / target).is_file(), target
    for page in (REPO / "docs").glob("*.md"):
        text = page.read_text()
        for target in re.findall(r"\]\((?!https?:|#)([^)#\s]+)", text):
            assert (page.parent / target).exists(), f"{page.name}: {target}"
