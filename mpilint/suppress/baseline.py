"""Baselines: adopt mpilint on a repository that already has findings, and fail only on new ones.

``--write-baseline FILE`` records every current finding as rule, file and fingerprint
(``mpilint.core.fingerprint``: the rule, the path and the offending text, never the line), and
``--baseline FILE`` (or the configuration's ``baseline:``) hides the findings recorded there. So
a comment added at the top of a manifest keeps every entry matching, while a changed offending
text (``-n 4`` becoming ``-n 8``) is a new finding. Copies of one text count one by one: a
baseline that recorded ``- 2`` twice in a file hides two such findings, and a third copy is
reported (the last in file order).

Paths in the file are relative to the baseline's own folder, so the same baseline matches from
any working directory and on any machine. An entry is *stale* when its file was checked in this
run, its rule ran there, and no finding matched it (the mistake was fixed, or its text changed):
stale entries are counted and reported, never a failure, and rewriting the baseline drops them.
"""

from __future__ import annotations

import json
import os

from mpilint.core.findings import Finding
from mpilint.core.fingerprint import fingerprints, normal_path
from mpilint.core.records import Record

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from typing import Any

VERSION = 1
TEXT_SHOWN = 80  # characters of the offending text kept in an entry, for a reviewer's eyes


class BaselineError(Exception):
    """A baseline that cannot be read (missing, not JSON, not a baseline): a usage error."""


class Entry(Record):
    rule: str
    file: str  # relative to the baseline's folder, POSIX separators
    fingerprint: str
    text: str = ""  # the start of the offending text: for people reading the file, not matched


class Baseline(Record):
    path: str
    folder: str  # absolute
    entries: tuple[Entry, ...]


class Sifted(Record):
    """What a run keeps after its baselines: the findings left, how many were hidden, and the
    stale entries with the baseline each came from."""

    kept: tuple[Finding, ...]
    matched: int = 0
    stale: tuple[tuple[str, Entry], ...] = ()


def load(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise BaselineError(
            f"no such baseline: {path} (write one with `mpilint --write-baseline {path} PATH...`)"
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise BaselineError(f"cannot read the baseline {path}: {error}") from None
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list) or data.get("version") != VERSION:
        raise BaselineError(
            f"{path} is not an mpilint baseline (version {VERSION}, written by --write-baseline)"
        )
    read: list[Entry] = []
    for number, item in enumerate(entries, start=1):
        fields = [item.get(k) if isinstance(item, dict) else None for k in _KEYS]
        if not all(isinstance(value, str) and value for value in fields):
            raise BaselineError(
                f"{path}: entry {number} lacks one of {', '.join(_KEYS)} (or it is not a string)"
            )
        text = item.get("text", "")
        rule, file, fingerprint = (str(value) for value in fields)
        read.append(Entry(rule, file, fingerprint, text if isinstance(text, str) else ""))
    return Baseline(path, os.path.dirname(os.path.abspath(path)), tuple(read))


_KEYS = ("rule", "file", "fingerprint")


def record(findings: Sequence[Finding], path: str, text_of: Callable[[str], str]) -> dict[str, Any]:
    """The baseline of these findings, to be written at ``path``; entries sorted by file, rule
    and text, so that rewriting it after an edit elsewhere changes nothing."""
    folder = os.path.dirname(os.path.abspath(path))
    prints = fingerprints(findings, text_of, _path_in(folder))
    entries = sorted(
        (
            Entry(f.rule, normal_path(_relative(f.file, folder)), fp, _shown(text))
            for f, (fp, text) in zip(findings, prints, strict=True)
        ),
        key=lambda e: (e.file, e.rule, e.text, e.fingerprint),
    )
    return {
        "version": VERSION,
        "tool": "mpilint",
        "entries": [
            {"rule": e.rule, "file": e.file, "fingerprint": e.fingerprint, "text": e.text}
            for e in entries
        ],
    }


def sift(
    findings: Sequence[Finding],
    checked: Iterable[str],
    baseline_of: Callable[[str], Baseline | None],
    text_of: Callable[[str], str],
    ran: Callable[[str, str], bool],
) -> Sifted:
    """Hide the findings their file's baseline records.

    ``baseline_of`` gives a checked file's baseline (``--baseline``, else its configuration's,
    else none); ``ran(rule, file)`` whether the rule ran on the file in this run, so that a
    narrower ``--select`` does not make the other rules' entries look stale."""
    groups: dict[str, tuple[Baseline, list[int]]] = {}
    kept_index = set(range(len(findings)))
    for n, finding in enumerate(findings):
        baseline = baseline_of(finding.file)
        if baseline is not None:
            groups.setdefault(baseline.path, (baseline, []))[1].append(n)
    used: dict[str, set[tuple[str, str, str]]] = {}
    for path, (baseline, indexes) in groups.items():
        group = [findings[n] for n in indexes]
        folder = baseline.folder
        prints = fingerprints(group, text_of, _path_in(folder))
        recorded = {(e.rule, e.file, e.fingerprint) for e in baseline.entries}
        hits = used.setdefault(path, set())
        for n, finding, (fp, _text) in zip(indexes, group, prints, strict=True):
            key = (finding.rule, normal_path(_relative(finding.file, folder)), fp)
            if key in recorded:
                kept_index.discard(n)
                hits.add(key)
    stale: list[tuple[str, Entry]] = []
    seen: set[str] = set()
    for file in checked:
        baseline = baseline_of(file)
        if baseline is None or baseline.path in seen:
            continue
        seen.add(baseline.path)
        files = {
            normal_path(_relative(f, baseline.folder)): f
            for f in checked
            if baseline_of(f) is baseline
        }
        hits = used.get(baseline.path, set())
        for entry in baseline.entries:
            original = files.get(entry.file)
            if original is None or not ran(entry.rule, original):
                continue  # not checked in this run: nothing is known of it
            if (entry.rule, entry.file, entry.fingerprint) not in hits:
                stale.append((baseline.path, entry))
    kept = tuple(findings[n] for n in sorted(kept_index))
    return Sifted(kept, len(findings) - len(kept), tuple(stale))


def _path_in(folder: str) -> Callable[[Finding], str]:
    """The path a baseline in ``folder`` hashes for a finding."""
    return lambda finding: _relative(finding.file, folder)


def _relative(file: str, folder: str) -> str:
    if file == "-":
        return file
    try:
        return os.path.relpath(os.path.abspath(file), folder)
    except ValueError:  # another drive (Windows)
        return os.path.abspath(file)


def _shown(text: str) -> str:
    return text if len(text) <= TEXT_SHOWN else text[: TEXT_SHOWN - 1] + "…"


__all__ = ["Baseline", "BaselineError", "Entry", "Sifted", "load", "record", "sift"]
