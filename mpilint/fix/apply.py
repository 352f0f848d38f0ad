"""Edits applied to text at the positions the parsers gave, never by serialising a model again.

Only the characters inside an edit's span change: comments, quoting, indentation, flow or block
style, key order, line endings and a missing final newline are kept because they are never
touched. Fixes are applied whole or not at all: one whose edits overlap an edit already taken in
this round waits for the next round, when the text is linted again (as ruff does).
"""

from __future__ import annotations

from collections.abc import Iterable

from mpilint.core.findings import Fix
from mpilint.core.records import Record
from mpilint.core.textpos import Offsets


class Applied(Record):
    """The texts after one round, and the fixes that went in."""

    texts: dict[str, str]
    fixes: tuple[Fix, ...]


def apply_fixes(
    texts: dict[str, str], fixes: Iterable[Fix], dockerfiles: frozenset[str] = frozenset()
) -> Applied:
    """Apply as many ``fixes`` as fit together; the others wait for the next round.

    A fix is taken when every edit of it maps into its file's text and overlaps no edit taken
    before (two insertions at one place overlap too: their order would be a guess). The same
    edit offered twice (two findings, one repair) is applied once. ``dockerfiles``: the paths
    whose lines are counted as the Dockerfile reader counts them."""
    offsets = {path: Offsets(text, path in dockerfiles) for path, text in texts.items()}
    taken: dict[str, list[_Placed]] = {}
    applied: list[Fix] = []
    for fix in fixes:
        planned = _place(offsets, fix)
        if planned is None:
            continue
        fresh = [p for p in planned if p not in taken.get(p.file, ())]
        if not fresh:
            applied.append(fix)  # another finding's fix made exactly this repair
            continue
        if any(_clash(p, q) for p in fresh for q in [*taken.get(p.file, ()), *fresh] if p != q):
            continue
        for placed in fresh:
            taken.setdefault(placed.file, []).append(placed)
        applied.append(fix)
    result = dict(texts)
    for path, edits in taken.items():
        text = texts[path]
        for placed in sorted(edits, key=lambda p: (p.begin, p.end), reverse=True):
            text = text[: placed.begin] + placed.replacement + text[placed.end :]
        result[path] = text
    return Applied(result, tuple(applied))


class _Placed(Record):
    file: str
    begin: int
    end: int
    replacement: str


def _place(offsets: dict[str, Offsets], fix: Fix) -> list[_Placed] | None:
    placed: list[_Placed] = []
    for edit in fix.edits:
        known = offsets.get(edit.file)
        where = known.range(edit.span) if known is not None else None
        if where is None:
            return None  # a file not being fixed, or a span the text no longer has
        placed.append(_Placed(edit.file, where[0], where[1], edit.replacement))
    return placed


def _clash(one: _Placed, other: _Placed) -> bool:
    if one.file != other.file:
        return False
    if one.begin < other.end and other.begin < one.end:
        return True
    # An insertion at the place of, or at an edge of, another edit: which comes first is a guess.
    return (one.begin == one.end and other.begin <= one.begin <= other.end) or (
        other.begin == other.end and one.begin <= other.begin <= one.end
    )
