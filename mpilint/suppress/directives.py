"""Inline suppressions: ``# mpilint: disable=MPL101,placeholder reason…``.

The same comment syntax works in YAML and Dockerfiles because both use ``#`` comments. A comment
silences findings on its own line, or on the next line when it stands alone; ``disable-file``
silences the whole file. Anything after the rule list is the reason, kept for reviewers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mpilint.core.findings import Finding, Span
from mpilint.core.lazyre import lazy
from mpilint.core.records import Record

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass

_DIRECTIVE = lazy(
    r"#\s*mpilint:\s*(disable|disable-file)\s*=\s*([\w-]+(?:\s*,\s*[\w-]+)*)(?:\s+(.*?))?\s*$"
)


class Directive(Record):
    line: int  # the line whose findings it silences
    rules: frozenset[str]  # upper-cased ids, lower-case names, or "all"
    file_wide: bool
    reason: str
    span: Span  # where the comment itself is written, to report it when it silences nothing


class Suppressed(Record):
    """A finding that a comment or annotation silenced, kept with the reason given there."""

    finding: Finding
    reason: str
    by: str  # "comment" or "annotation"


class Sieve:
    """Applies one file's directives and remembers which of them silenced something, so that
    stale ones can be reported (MPL007)."""

    def __init__(self, directives: tuple[Directive, ...]) -> None:
        self.directives = directives
        self.used: set[int] = set()

    def sift(
        self, findings: Iterable[Finding], file: str
    ) -> tuple[list[Finding], list[Suppressed]]:
        kept: list[Finding] = []
        silenced_: list[Suppressed] = []
        for finding in findings:
            index = self._silencer(finding) if finding.file == file else None
            if index is None:
                kept.append(finding)
            else:
                self.used.add(index)
                silenced_.append(Suppressed(finding, self.directives[index].reason, "comment"))
        return kept, silenced_

    def _silencer(self, finding: Finding) -> int | None:
        for index, d in enumerate(self.directives):
            if (d.file_wide or d.line == finding.span.line) and matches(d.rules, finding):
                return index
        return None

    def unused(self, ran: frozenset[str], names: dict[str, str]) -> list[Directive]:
        """Directives that silenced nothing although every rule they name was checked here.

        A rule that did not run on this file (deselected, or a cross-file rule without a
        paired Dockerfile) might have needed the suppression: that is not evidence it is stale.
        """
        return [
            d
            for index, d in enumerate(self.directives)
            if index not in self.used and _all_ran(d.rules, ran, names)
        ]


def _all_ran(rules: frozenset[str], ran: frozenset[str], names: dict[str, str]) -> bool:
    if "all" in rules:
        return bool(ran)
    ids = {names.get(rule, rule) for rule in rules}
    return ids <= ran or any(i not in names.values() for i in ids)  # a name no rule has: stale


def parse(text: str) -> tuple[Directive, ...]:
    if "mpilint:" not in text:  # the common case costs one scan
        return ()
    found: list[Directive] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _DIRECTIVE().search(line)
        if not match:
            continue
        kind, names, reason = match.groups()
        rules = frozenset(_normalise(n) for n in names.split(",") if n.strip())
        alone = line[: match.start()].strip() == ""
        span = Span(number, match.start() + 1, number, len(line.rstrip()) + 1)
        silenced_line = number + 1 if alone else number
        found.append(Directive(silenced_line, rules, kind == "disable-file", reason or "", span))
    return tuple(found)


def parse_list(text: str) -> frozenset[str]:
    """The rules named in an annotation value such as ``"MPL104,placeholder"``."""
    return frozenset(_normalise(n) for n in re.split(r"[,\s]+", text) if n)


def matches(rules: frozenset[str], finding: Finding) -> bool:
    return "all" in rules or finding.rule in rules or finding.name in rules


def _normalise(name: str) -> str:
    name = name.strip()
    return name.upper() if name[:3].upper() == "MPL" else name.lower()
