"""``mpilint rules --format markdown``: every rule as one Markdown page (``docs/rules.md``).

The page is generated from the same ``rules/<ID>.yaml`` files the test suite runs, so it cannot
drift from what the rules do; a test regenerates it and fails when the committed copy is stale.
Each rule's heading is its bare id, so the anchor (``#mpl102``) that SARIF ``helpUri`` links to
is the same on GitHub and in any renderer that slugs headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mpilint.core.catalog import Example, RuleMeta
from mpilint.report.explain import FIX_SAFETY

REGENERATE = "mpilint rules --format markdown > docs/rules.md"


def render(rules: Iterable[RuleMeta]) -> str:
    rules = tuple(rules)
    parts = [
        "# mpilint rules",
        "",
        f"<!-- Generated from rules/ by `{REGENERATE}`; do not edit by hand. -->",
        "",
        "Each rule's examples are run by the test suite: a bad example gives exactly the findings"
        " listed under it (the marked lines, `>`), a good one gives none.",
        "",
        "| id | name | severity | fix | summary |",
        "|---|---|---|---|---|",
        *(
            f"| [{m.id}](#{m.id.lower()}) | {m.name} | {m.severity_label}"
            f" | {_FIX_CELL[m.fix_safety]} | {_cell(m.summary)} |"
            for m in rules
        ),
    ]
    for meta in rules:
        parts += ["", _rule(meta)]
    return "\n".join(parts) + "\n"


_FIX_CELL = {"safe": "safe", "unsafe": "unsafe", "mixed": "safe, unsafe", "none": ""}


def _rule(meta: RuleMeta) -> str:
    parts = [
        f"## {meta.id}",
        "",
        f"**{meta.name}** · default severity: {meta.severity.label}"
        + _also(meta)
        + f" · automatic fix: {FIX_SAFETY[meta.fix_safety]}",
        "",
        prose(meta.summary),
        "",
        "### Why",
        "",
        prose(meta.rationale),
    ]
    if meta.fix:
        parts += ["", "### How to fix", "", prose(meta.fix)]
    if meta.examples:
        parts += ["", "### Examples"]
        for example in meta.examples:
            parts += ["", _example(example)]
    return "\n".join(parts)


def _also(meta: RuleMeta) -> str:
    others = meta.severities[1:]
    return f" · can also give: {', '.join(s.label for s in others)}" if others else ""


def _example(example: Example) -> str:
    verdict = "Bad" if example.kind == "bad" else "Good"
    parts = [f"#### {verdict}: {example.title}"]
    if example.args:
        parts += ["", "Run with " + " ".join(f"`{a}`" for a in example.args) + "."]
    for name, text in example.files:
        marked = {e.line for e in example.expect if e.file == name}
        lines = text.splitlines()
        width = len(str(len(lines)))
        body = "\n".join(
            f"{'>' if n in marked else ' '} {n:>{width}} | {line}".rstrip()
            for n, line in enumerate(lines, start=1)
        )
        fence = "`" * max(3, _longest_backtick_run(body) + 1)
        parts += ["", f"`{name}`:", "", f"{fence}text", body, fence]
    if example.expect:
        gives = ", ".join(
            f"{e.rule} at {e.file}:{e.line}:{e.column}" + (f" ({e.severity})" if e.severity else "")
            for e in example.expect
        )
        parts += ["", f"Gives: {gives}."]
    elif example.kind == "good":
        parts += ["", "Gives: no finding."]
    for name, text in example.fixed:
        fence = "`" * max(3, _longest_backtick_run(text) + 1)
        parts += [
            "",
            f"After `mpilint --fix`, `{name}`:",
            "",
            f"{fence}yaml",
            text.rstrip("\n"),
            fence,
        ]
    return "\n".join(parts)


def prose(text: str) -> str:
    """Rule text as Markdown: code spans stay as written; outside them ``<`` and ``*`` are
    escaped, so `<your-image>` is not swallowed as an HTML tag nor `*.yaml … *.yml` turned into
    emphasis."""
    pieces = re.split(r"(`+[^`]*`+)", text)
    return "".join(
        piece if n % 2 else piece.replace("<", "&lt;").replace("*", "\\*")
        for n, piece in enumerate(pieces)
    )


def _cell(text: str) -> str:
    return prose(text).replace("|", "\\|")


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"`+", text)), default=0)
