"""Rule metadata, read from the ``rules/<ID>.yaml`` files shipped inside the package.

Metadata lives with the examples that test it, not in code, so ``mpilint explain``, the SARIF
rule table and the tests all read one source. Files are read lazily: a run pays only for the
rules that produced findings.
"""

from __future__ import annotations

import functools
import re

import yaml

from mpilint.core import packagedata
from mpilint.core.findings import Severity
from mpilint.core.records import Record

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Any

# Where the rule documentation (docs/rules.md, generated from rules/) is published. The one place
# that names the repository, so SARIF helpUri links and docs cannot point at different hosts.
REPOSITORY_URL = "https://github.com/mpilint/mpilint"
RULES_DOC_URL = f"{REPOSITORY_URL}/blob/main/docs/rules.md"


class Expected(Record):
    """A finding an example must give; severity is checked only where the example states it."""

    rule: str
    file: str
    line: int
    column: int
    severity: str | None = None


class Example(Record):
    title: str
    kind: str  # "bad" or "good"
    files: tuple[tuple[str, str], ...]
    args: tuple[str, ...]
    expect: tuple[Expected, ...]
    encoding: str = "utf-8"
    # file → its text after ``mpilint --fix`` (``--unsafe-fixes`` for a rule whose fixes are
    # unsafe); the tests check it through the CLI.
    fixed: tuple[tuple[str, str], ...] = ()


class RuleMeta(Record):
    """``severity`` is what a finding gets unless the rule gives another; ``also`` lists every
    other severity the rule can give, so what a user reads in ``mpilint rules`` is all that the
    rule can report (a test runs every example and corpus and holds the emitted to the listed).
    """

    id: str
    name: str
    severity: Severity
    summary: str
    rationale: str
    fix: str
    examples: tuple[Example, ...]
    also: tuple[Severity, ...] = ()
    fix_safety: str = "none"  # what ``--fix`` can do: safe, unsafe, mixed, or none (no fix)
    fix_safeties: tuple[str, ...] = ()  # the applicabilities of the rule's fixes: safe, unsafe

    @property
    def unsafe_fixes(self) -> bool:
        """Whether some of the rule's fixes need ``--unsafe-fixes``."""
        return "unsafe" in self.fix_safeties

    @property
    def severities(self) -> tuple[Severity, ...]:
        """The default first, then the others from the most severe down."""
        others = sorted(set(self.also) - {self.severity}, reverse=True)
        return (self.severity, *others)

    @property
    def severity_label(self) -> str:
        """``error`` or, when the rule can give others, ``error/warning/info``: one word wide,
        for the columns of ``mpilint rules`` and the rule tables."""
        return "/".join(s.label for s in self.severities)


@functools.cache
def rule_ids() -> tuple[str, ...]:
    """Every rule that has a metadata file, sorted. Kept: the run asks for each target's rules."""
    names = packagedata.names("mpilint.rules")
    return tuple(sorted(name[:-5] for name in names if name.endswith(".yaml")))


@functools.cache
def meta(rule_id: str) -> RuleMeta:
    text = packagedata.read_text("mpilint.rules", f"{rule_id}.yaml")
    data: dict[str, Any] = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    written = data.get("fix-safety", "none")
    listed = [written] if isinstance(written, str) else list(written)
    safeties = tuple(str(s) for s in listed if s != "none")
    return RuleMeta(
        id=data["id"],
        name=data["name"],
        severity=Severity.parse(data["severity"]),
        summary=data["summary"].strip(),
        rationale=data["rationale"].strip(),
        fix=str(data.get("fix", "")).strip(),
        examples=tuple(_example(e) for e in data.get("examples", ())),
        also=tuple(Severity.parse(label) for label in data.get("also", ())),
        fix_safety=_fix_safety(safeties),
        fix_safeties=safeties,
    )


def _fix_safety(safeties: tuple[str, ...]) -> str:
    """One word for the rule tables: a rule whose fixes are safe where the job keeps what it
    does and unsafe where it changes (``fix-safety: [safe, unsafe]``) is ``mixed``."""
    if not safeties:
        return "none"
    return safeties[0] if len(safeties) == 1 else "mixed"


def doc_url(rule_id: str) -> str:
    """The rule's section of docs/rules.md: its heading is the bare id, so the anchor is stable."""
    return f"{RULES_DOC_URL}#{rule_id.lower()}"


def all_meta() -> tuple[RuleMeta, ...]:
    return tuple(meta(rule_id) for rule_id in rule_ids())


def resolve(selector: str) -> RuleMeta | None:
    """A rule by id (any case) or by name."""
    wanted = selector.strip()
    if wanted.upper() in rule_ids():
        return meta(wanted.upper())
    return next((m for m in all_meta() if m.name == wanted.lower()), None)


def closest(selector: str) -> str | None:
    """The rule id or name a mistyped selector most likely meant, for the "did you mean" of
    ``explain``, ``--select`` and suppression comments alike: ids for what looks like an id
    (letters then digits, any case), names for the rest. An id's digits are what users copy
    from a report, so ``MLP102`` or ``mpl-102`` means MPL102 before any spelling distance."""
    import difflib

    wanted = selector.strip()
    metas = all_meta()
    looks_like_id = re.fullmatch(r"[A-Za-z]{0,4}[-_ ]?[0-9]{3,4}", wanted)
    if looks_like_id:
        wanted = wanted.upper()
        choices = [m.id for m in metas]
        digits = re.sub(r"[^0-9]", "", wanted)
        same_digits = [c for c in choices if c[3:] == digits]
        if same_digits:
            return same_digits[0]
    else:
        wanted = wanted.lower()
        choices = [m.name for m in metas]
    typed_on = [c for c in choices if wanted.startswith(c)]  # MPL1022: one key too many
    if typed_on:
        return max(typed_on, key=len)
    close = difflib.get_close_matches(wanted, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def _example(data: dict[str, Any]) -> Example:
    return Example(
        title=data["title"],
        kind=data["kind"],
        files=tuple((name, text) for name, text in data["files"].items()),
        args=tuple(data.get("args", ())),
        expect=tuple(
            Expected(
                e["rule"],
                e.get("file", next(iter(data["files"]))),
                e["line"],
                e["column"],
                e.get("severity"),
            )
            for e in data.get("expect", ())
        ),
        encoding=data.get("encoding", "utf-8"),
        fixed=tuple((name, text) for name, text in data.get("fixed", {}).items()),
    )
