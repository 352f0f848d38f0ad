"""Inline suppressions: ``# mpilint: disable=MPL101,placeholder reason…``.

The same comment syntax works in YAML and Dockerfiles because both use ``#`` comments. A comment
silences findings on its own line, or on the next line when it stands alone; ``disable-file``
silences the whole file. Anything after the rule list is the reason, kept for reviewers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mpilint.findings import Finding

_DIRECTIVE = re.compile(
    r"#\s*mpilint:\s*(disable|disable-file)\s*=\s*([\w-]+(?:\s*,\s*[\w-]+)*)(?:\s+(.*?))?\s*$"
)


@dataclass(frozen=True)
class Directive:
    line: int  # the line whose findings it silences
    rules: frozenset[str]  # upper-cased ids, lower-case names, or "all"
    file_wide: bool
    reason: str


def parse(text: str) -> tuple[Directive, ...]:
    if "mpilint:" not in text:  # the common case costs one scan
        return ()
    found: list[Directive] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _DIRECTIVE.search(line)
        if not match:
            continue
        kind, names, reason = match.groups()
        rules = frozenset(_normalise(n) for n in names.split(",") if n.strip())
        alone = line[: match.start()].strip() == ""
        found.append(
            Directive(number + 1 if alone else number, rules, kind == "disable-file", reason or "")
        )
    return tuple(found)


def parse_list(text: str) -> frozenset[str]:
    """The rules named in an annotation value such as ``"MPL104,placeholder"``."""
    return frozenset(_normalise(n) for n in re.split(r"[,\s]+", text) if n)


def silenced(finding: Finding, directives: tuple[Directive, ...]) -> bool:
    return any(
        (d.file_wide or d.line == finding.span.line) and matches(d.rules, finding)
        for d in directives
    )


def matches(rules: frozenset[str], finding: Finding) -> bool:
    return "all" in rules or finding.rule in rules or finding.name in rules


def _normalise(name: str) -> str:
    name = name.strip()
    return name.upper() if name[:3].upper() == "MPL" else name.lower()
