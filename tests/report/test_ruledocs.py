"""docs/rules.md is generated from rules/ and committed; these tests keep it current and true."""

from __future__ import annotations

import re

import pytest

from mpilint.core import catalog
from mpilint.core.catalog import Example, Expected, RuleMeta
from mpilint.core.findings import Severity
from mpilint.report.ruledocs import REGENERATE, prose, render
from tests.harness import REPO, Cli

DOC = REPO / "docs" / "rules.md"


def test_docs_rules_md_is_current(cli: Cli) -> None:
    result = cli("rules", "--format", "markdown")
    assert result.code == 0
    committed = DOC.read_text("utf-8") if DOC.exists() else ""
    assert committed == result.out, (
        f"docs/rules.md is stale: rules/ changed since it was generated. Regenerate it with"
        f" `{REGENERATE}` and commit the result."
    )


def _github_anchor(heading: str) -> str:
    """GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_every_rule_has_a_section_at_its_help_uri_anchor(cli: Cli) -> None:
    markdown = cli("rules", "--format", "markdown").out
    anchors = {_github_anchor(h) for h in re.findall(r"^#+ (.+)$", markdown, re.M)}
    for meta in catalog.all_meta():
        url = catalog.doc_url(meta.id)
        assert url.startswith(catalog.RULES_DOC_URL + "#")
        assert url.partition("#")[2] in anchors, meta.id
        section = markdown.split(f"\n## {meta.id}\n", 1)[1].split("\n## ", 1)[0]
        assert f"**{meta.name}** · default severity: {meta.severity.label}" in section
        assert prose(meta.summary) in section
        assert prose(meta.rationale) in section
        assert prose(meta.fix) in section
        assert section.count("#### Bad: ") == sum(e.kind == "bad" for e in meta.examples)
        assert section.count("#### Good: ") == sum(e.kind == "good" for e in meta.examples)


def test_offending_lines_are_marked_in_the_examples(cli: Cli) -> None:
    markdown = cli("rules", "--format", "markdown").out
    section = markdown.split("\n## MPL102\n", 1)[1].split("\n## ", 1)[0]
    first = section.split("#### Bad: four processes on two one-slot workers\n", 1)[1]
    block = first.split("```text\n", 1)[1].split("\n```", 1)[0].splitlines()
    marked = [line for line in block if line.startswith(">")]
    assert marked == ['> 15 |             command: [mpirun, -n, "4", /home/mpiuser/pi]']
    assert block[0] == "   1 | apiVersion: kubeflow.org/v2beta1"
    assert "Gives: MPL102 at mpijob.yaml:15:35." in first


def test_markdown_survives_backticks_html_and_pipes_in_rule_text() -> None:
    meta = RuleMeta(
        id="MPL999",
        name="made-up",
        severity=Severity.WARNING,
        summary="A <placeholder> | or *.yaml and *.yml",
        rationale="Keep `<code>` and `a*b` as written; escape <b> outside.",
        fix="",
        examples=(
            Example(
                title="a file holding a fence",
                kind="bad",
                files=(("notes.yaml", "a: 1\nb: |\n  ```\n  x\n"),),
                args=("--select", "MPL999"),
                expect=(Expected("MPL999", "notes.yaml", 2, 1, "warning"),),
            ),
        ),
    )
    markdown = render([meta])
    assert "| A &lt;placeholder> \\| or \\*.yaml and \\*.yml |" in markdown
    assert "Keep `<code>` and `a*b` as written; escape &lt;b> outside." in markdown
    assert "\n````text\n" in markdown and "\n````\n" in markdown  # longer than the ``` inside
    assert "> 2 | b: |" in markdown
    assert "Gives: MPL999 at notes.yaml:2:1 (warning)." in markdown
    assert "Run with `--select` `MPL999`." in markdown
    assert "### How to fix" not in markdown


@pytest.mark.parametrize("form", ["json", "markdown", "text"])
def test_rules_command_formats(cli: Cli, form: str) -> None:
    result = cli("rules", "--format", form)
    assert result.code == 0
    for meta in catalog.all_meta():
        assert meta.id in result.out


def test_rules_rejects_an_unknown_format(cli: Cli) -> None:
    assert cli("rules", "--format", "sarif").code == 2
