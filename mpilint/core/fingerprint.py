"""A finding's identity that survives edits elsewhere in the file: what it points at, not where.

A baseline (``--baseline``), GitLab's Code Quality widget (``fingerprint``) and GitHub code
scanning (SARIF ``partialFingerprints``) all need to recognise "the same finding" in the next
run, after someone added a comment at the top of the file. The line number is what changes
then, so it is left out: the fingerprint hashes the rule id, the file's path, the text at the
finding's span (stripped, runs of whitespace made one space, so re-indenting keeps it, and a
scalar's quotes removed), and
which copy of that text it is in the file. Two findings of one rule on identical text (the same
``- 2`` in two jobs of one file) are the first and the second copy, in file order: each keeps
its own fingerprint, and a new copy is a new finding (the last in file order counts as new).

A span with no text (a point at the end of a line, an empty document) falls back to the text of
its line, so it still says something about the place.
"""

from __future__ import annotations

import hashlib
import posixpath

from mpilint.core.findings import Finding, Span
from mpilint.core.textpos import Offsets

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

VERSION = "v1"  # part of the hash: a change of what is hashed gets a new one
SNIPPET_MAX = 2000  # the text hashed is cut here: a span over a whole document stays cheap


def snippet(offsets: Offsets, span: Span) -> str:
    """The text at ``span``, whitespace-normalised; its line's text when that is empty."""
    text = offsets.text_of(span) or ""
    normal = _unquoted(" ".join(text[:SNIPPET_MAX].split()))
    if normal or not 1 <= span.line <= len(offsets.starts):
        return normal
    begin = offsets.starts[span.line - 1]
    end = offsets.starts[span.line] if span.line < len(offsets.starts) else len(offsets.text)
    return " ".join(offsets.text[begin:end][:SNIPPET_MAX].split())


def _unquoted(text: str) -> str:
    """A YAML scalar's quotes are not what a finding is about: quoting the ``3`` of ``-n 3``
    (MPL101's fix) must leave MPL102's finding on it the same one."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1].strip()
    return text


def digest(rule: str, path: str, text: str, copy: int) -> str:
    """The fingerprint proper: 32 hex digits (128 bits of SHA-256)."""
    key = "\0".join((VERSION, rule, path, text, str(copy)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def normal_path(path: str) -> str:
    """The path as hashed: POSIX separators, no ``./``; a baseline written on one machine
    matches on another."""
    return posixpath.normpath(path.replace("\\", "/"))


def fingerprints(
    findings: Sequence[Finding],
    text_of: Callable[[str], str],
    path_of: Callable[[Finding], str] | None = None,
) -> list[tuple[str, str]]:
    """``(fingerprint, snippet)`` for each finding, in order. ``text_of`` gives a file's text
    (each file is asked once); ``path_of`` the path to hash (default: the finding's own, as
    reported; a baseline hashes paths relative to its own folder)."""
    offsets: dict[str, Offsets] = {}
    copies: dict[tuple[str, str, str], int] = {}
    ordered = sorted(range(len(findings)), key=lambda n: findings[n].sort_key)
    by_index: dict[int, tuple[str, str]] = {}
    for n in ordered:
        finding = findings[n]
        where = offsets.get(finding.file)
        if where is None:
            where = offsets[finding.file] = Offsets(text_of(finding.file))
        text = snippet(where, finding.span)
        path = normal_path(path_of(finding) if path_of else finding.file)
        key = (finding.rule, path, text)
        copy = copies.get(key, 0)
        copies[key] = copy + 1
        by_index[n] = (digest(finding.rule, path, text, copy), text)
    return [by_index[n] for n in range(len(findings))]
