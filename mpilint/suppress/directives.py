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
from mpilint.core.textpos import lines_of

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass

_DIRECTIVE = lazy(
    r"#\s*mpilint:\s*(disable|disable-file)\s*=\s*([\w-]+(?:\s*,\s*[\w-]+)*)(?:\s+(.*?))?\s*$"
)


# Any "# mpilint: word" comment: a directive, or a misspelt one (``disabel=MPL102``) that would
# otherwise silence nothing without a word.
_ANY = lazy(r"#\s*mpilint\s*:\s*([\w-]+)\s*(=)?")
WORDS = ("disable", "disable-file")


class Malformed(Record):
    """A ``# mpilint:`` comment that is no directive: it silences nothing (MPL009)."""

    span: Span
    message: str


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
    """Names that are no rule are MPL009's (``unknown``); the rest decide, and a directive
    that names no rule at all is left to MPL009 alone."""
    if "all" in rules:
        return bool(ran)
    ids = {names.get(rule, rule) for rule in rules} & set(names.values())
    return bool(ids) and ids <= ran


def parse(text: str, dockerfile: bool = False) -> tuple[Directive, ...]:
    """The file's ``# mpilint:`` directives, on its lines as its parser numbers them."""
    if "mpilint:" not in text:  # the common case costs one scan
        return ()
    found: list[Directive] = []
    for number, line in enumerate(lines_of(text, dockerfile), start=1):
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


def malformed(text: str, dockerfile: bool = False) -> tuple[Malformed, ...]:
    """``# mpilint:`` comments that are not directives: an unknown directive word followed by
    ``=``, or a word one slip away from ``disable``. Prose that starts "# mpilint: this…" is
    neither, and is left alone."""
    if "mpilint" not in text:
        return ()
    import difflib

    found: list[Malformed] = []
    for number, line in enumerate(lines_of(text, dockerfile), start=1):
        if "mpilint" not in line or _DIRECTIVE().search(line):
            continue
        match = _ANY().search(line)
        if not match:
            continue
        word, equals = match.group(1), match.group(2)
        close = difflib.get_close_matches(word.lower(), WORDS, n=1, cutoff=0.7)
        span = Span(number, match.start() + 1, number, len(line.rstrip()) + 1)
        if word.lower() in WORDS:
            message = (
                f"this `# mpilint: {word}` comment names no rules, so it silences nothing:"
                f" write `# mpilint: {word.lower()}=MPL102` (ids or names, comma-separated, or"
                " all)"
            )
        elif close or equals:
            hint = f"did you mean {close[0]!r}? " if close else ""
            message = (
                f"unknown suppression directive {word!r}, so this comment silences nothing:"
                f" {hint}mpilint reads `# mpilint: disable=RULES` and"
                " `# mpilint: disable-file=RULES`"
            )
        else:
            continue
        found.append(Malformed(span, message))
    return tuple(found)


def parse_list(text: str) -> frozenset[str]:
    """The rules named in an annotation value such as ``"MPL104,placeholder"``."""
    return frozenset(_normalise(n) for n in re.split(r"[,\s]+", text) if n)


class Entry(Record):
    """One ``RULES: reason`` of an ``mpilint.io/ignore`` annotation."""

    rules: frozenset[str]
    reason: str


_ENTRY = lazy(r"^\s*([\w-]+(?:[\s,]+[\w-]+)*)\s*:(.*)$", re.DOTALL)


def parse_annotation(value: str) -> tuple[Entry, ...]:
    """``"MPL104: reason"``, or several entries ``"MPL104: a; MPL110: b"``.

    A ``;`` starts a new entry only when what follows is a list of rules (each a rule's id or
    name, or shaped like an id) and a ``:``; otherwise it belongs to the reason, so
    ``"MPL104: slim build; same MPI"`` keeps its whole reason and older annotations read as
    before."""
    entries: list[Entry] = []
    for segment in value.split(";"):
        match = _ENTRY().match(segment) if entries else None
        if entries and (match is None or not all(_rule_like(t) for t in _tokens(match[1]))):
            last = entries[-1]
            entries[-1] = Entry(last.rules, f"{last.reason};{segment}")
            continue
        listed, _, reason = segment.partition(":")
        entries.append(Entry(parse_list(listed), reason))
    return tuple(Entry(e.rules, e.reason.strip()) for e in entries)


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[,\s]+", text) if t]


def _rule_like(token: str) -> bool:
    return bool(re.fullmatch(r"(?i)mpl\d+", token)) or not unknown(frozenset({_normalise(token)}))


def unknown(rules: frozenset[str]) -> list[str]:
    """The names in a suppression that are no rule's id or name (``all`` is known)."""
    from mpilint.core import catalog

    known = {m.id for m in catalog.all_meta()} | {m.name for m in catalog.all_meta()}
    return sorted(r for r in rules if r != "all" and r not in known)


def closest_rule(name: str) -> str | None:
    """The rule id or name a mistyped one most likely meant (the same guess `explain` makes)."""
    from mpilint.core import catalog

    return catalog.closest(name)


def matches(rules: frozenset[str], finding: Finding) -> bool:
    return "all" in rules or finding.rule in rules or finding.name in rules


def _normalise(name: str) -> str:
    name = name.strip()
    return name.upper() if name[:3].upper() == "MPL" else name.lower()
