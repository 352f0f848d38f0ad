"""Path globs with gitignore meaning, for ``exclude``, ``per-file-ignores`` and ``.gitignore``.

One syntax for all three, because users write ``exclude`` and ``per-file-ignores`` the way they
write ``.gitignore``. The patterns themselves are compiled by ``pathspec``'s ``GitIgnoreSpec``
(escapes such as ``\\#``, ``\\*`` and a trailing ``\\ ``, ``**``, ranges, directory-only
patterns and negation as git reads them); this module adds what a list of patterns does not
know and git does: each list is relative to its folder, the list of a deeper folder decides
before the lists above it, and a folder that is ignored takes everything inside with it (no
``!`` pattern re-includes a file in it). Git itself is not needed: pre-commit hands over
tracked files anyway, and a directory walk only has to skip what users told git to ignore.
``tests/test_globs_git.py`` holds the matcher to ``git check-ignore``.

``pathspec`` costs about 30 ms to import (more than PyYAML), so it is imported only when a
pattern list is actually compiled: a run without ``.gitignore`` files or ``exclude`` never
loads it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence

from mpilint.core.records import Record

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass


class Ignore(Record):
    """The patterns of one ``.gitignore`` file (or one configuration list), in order."""

    base: str  # absolute folder the patterns are relative to
    # (regex, include, folders only), last line first; include False for a ``!`` pattern
    patterns: tuple[tuple[re.Pattern[str], bool, bool], ...]

    def decides(self, relative: str, is_folder: bool) -> bool | None:
        """True (ignored), False (re-included by a ``!`` pattern) or None (no pattern matched)
        for a path relative to ``base`` with ``/`` separators: the last matching line decides.

        A line matches the path itself, as git's ``match_pathname``/``match_basename`` do, not
        a folder above it: ``GitIgnoreSpec.check_file`` also answers for what a folder holds
        (its regex for ``x`` matches ``x/f`` through the group ``ps_d``, ``a/**`` matches
        ``a/``), which is right for a lone file but not when each folder is decided on its own.
        """
        for regex, include, folders_only in self.patterns:
            if folders_only:
                # the folder marker must be the "/" after the path: a match of the folder itself
                hit = is_folder and any(
                    m.group(_MARK) and m.start(_MARK) == len(relative)
                    for m in regex.finditer(relative + "/")
                )
            else:
                hit = any(m.groupdict().get(_MARK) is None for m in regex.finditer(relative))
            if hit:
                return include
        return None


# pathspec's name for the regex group that marks a match through a folder ("ps_d" in
# pathspec/patterns/gitignore/spec.py, _DIR_MARK); tests/test_globs_git.py notices a change
_MARK = "ps_d"


def compile_lines(lines: Iterable[str], base: str) -> Ignore | None:
    """Gitignore lines as one list relative to ``base``; None when no line is a pattern
    (blanks and comments only). pathspec reads each line (escapes, ranges, ``**``)."""
    from pathspec import GitIgnoreSpec

    spec = GitIgnoreSpec.from_lines([line.rstrip("\n") for line in lines])
    patterns = tuple(
        (p.regex, p.include, _folders_only(str(p.pattern)))
        for p in reversed(spec.patterns)
        if p.include is not None and p.regex is not None
    )
    return Ignore(os.path.abspath(base), patterns) if patterns else None


def _folders_only(line: str) -> bool:
    """Whether a line ends with ``/`` once git drops its unescaped trailing spaces."""
    stripped = line.rstrip(" ")
    if stripped != line and stripped.endswith("\\"):
        return False  # "dir/\\ " ends with an escaped space
    return stripped.endswith("/")


def is_pattern(text: str) -> bool:
    """Whether a line is a pattern (not blank, not a comment, and one pathspec can read)."""
    try:
        return compile_lines([text], ".") is not None
    except ValueError:  # pathspec's GitIgnorePatternError is a ValueError
        return False


def ignored(
    rules: Sequence[Ignore], path: str, is_folder: bool = False, below: str | None = None
) -> bool:
    """Whether git would ignore ``path`` under ``rules`` (shallowest folder's list first, as
    git stacks ``.gitignore`` files): each folder above the path is decided first, from the
    top down, and an ignored folder ignores everything in it; then the path itself. With
    ``below``, the folders down to ``below`` are not judged (a folder named on the command
    line is walked whatever the lists say of it)."""
    absolute = os.path.abspath(path)
    floor = os.path.abspath(below) if below is not None else None
    top = min((rule.base for rule in rules), key=len, default=None)
    if top is None:
        return False
    relative = os.path.relpath(absolute, top)
    if relative.startswith(".."):
        return False
    parts = relative.replace(os.sep, "/").split("/")
    for depth in range(1, len(parts) + 1):
        folder = depth < len(parts) or is_folder
        here = os.path.join(top, *parts[:depth])
        if floor is not None and folder and _within(floor, here):
            continue
        if decide(rules, here, folder):
            return True
    return False


def _within(floor: str, folder: str) -> bool:
    """Whether ``folder`` is ``floor`` or one of the folders above it."""
    return floor == folder or floor.startswith(folder.rstrip(os.sep) + os.sep)


def decide(rules: Sequence[Ignore], absolute: str, is_folder: bool) -> bool:
    """Whether ``absolute`` itself is ignored, its folders aside: the deepest list with a
    matching pattern decides, and in that list the last matching pattern (git's
    ``last_matching_pattern_from_lists`` reads its stack of lists from the deepest up)."""
    for rule in reversed(rules):
        relative = os.path.relpath(absolute, rule.base)
        if relative == "." or relative.startswith(".."):
            continue
        verdict = rule.decides(relative.replace(os.sep, "/"), is_folder)
        if verdict is not None:
            return verdict
    return False


def gitignore_of(
    folder: str, known: dict[str, tuple[Ignore, ...]] | None = None
) -> tuple[Ignore, ...]:
    """The patterns of ``folder/.gitignore`` (none when it has none or cannot be read);
    ``known`` keeps them by folder for one expansion of the command line's paths (not longer:
    a later run must see an edited ``.gitignore``)."""
    if known is not None:
        if folder not in known:
            known[folder] = gitignore_of(folder)
        return known[folder]
    try:
        with open(os.path.join(folder, ".gitignore"), encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return ()
    try:
        found = compile_lines(lines, folder)
    except ValueError:  # git skips a line it cannot read; pathspec refuses the whole file
        found = compile_lines(_valid_lines(lines), folder)
    return () if found is None else (found,)


def _valid_lines(lines: Iterable[str]) -> list[str]:
    return [line if is_pattern(line) else "" for line in lines]


def gitignores_above(
    root: str, known: dict[str, tuple[Ignore, ...]] | None = None
) -> tuple[Ignore, ...]:
    """The ``.gitignore`` files from the repository top (the folder holding ``.git``) down to
    ``root``'s parent; none outside a repository, so a stray file above is never read."""
    current = os.path.abspath(root)
    if os.path.exists(os.path.join(current, ".git")):
        return ()
    chain: list[str] = []
    while True:
        parent = os.path.dirname(current)
        if parent == current:
            return ()
        current = parent
        chain.append(current)
        if os.path.exists(os.path.join(current, ".git")):
            break
    return tuple(p for folder in reversed(chain) for p in gitignore_of(folder, known))


__all__ = [
    "Ignore",
    "compile_lines",
    "decide",
    "gitignore_of",
    "gitignores_above",
    "ignored",
    "is_pattern",
]
