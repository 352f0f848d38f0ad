"""Path globs with gitignore meaning, for ``exclude``, ``per-file-ignores`` and ``.gitignore``.

One syntax for all three, because users write ``exclude`` and ``per-file-ignores`` the way they
write ``.gitignore``: a pattern without a slash matches a file or folder name at any depth
(``*.rendered.yaml``), one with a slash is anchored at the folder of the file that holds it
(``charts/*/templates``), ``**`` crosses folders, ``*`` and ``?`` do not, a trailing ``/`` means
folders only and a leading ``!`` re-includes. Git itself is not needed: pre-commit hands over
tracked files anyway, and a directory walk only has to skip what users told git to ignore.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable

from mpilint.core.records import Record

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Final


class Pattern(Record):
    __slots__ = ("base", "folders_only", "negated", "regex")

    base: Final[str]  # absolute folder the pattern is relative to
    regex: Final[re.Pattern[str]]
    negated: Final[bool]
    folders_only: Final[bool]

    def __init__(
        self,
        base: str,
        regex: re.Pattern[str],
        negated: bool = False,
        folders_only: bool = False,
    ) -> None:
        self.base = base
        self.regex = regex
        self.negated = negated
        self.folders_only = folders_only


def compile_pattern(text: str, base: str) -> Pattern | None:
    """One gitignore line (or config glob) as a pattern; None for blanks and comments."""
    line = text.rstrip("\n").rstrip()
    if not line or line.startswith("#"):
        return None
    negated = line.startswith("!")
    if negated:
        line = line[1:]
    folders_only = line.endswith("/")
    line = line.strip("/") if folders_only or line.startswith("/") else line
    if not line:
        return None
    anchored = "/" in line.rstrip("/") or text.lstrip("!").startswith("/")
    body = _translate(line.lstrip("/"))
    regex = body if anchored else f"(?:.*/)?{body}"
    return Pattern(os.path.abspath(base), re.compile(f"^{regex}$"), negated, folders_only)


def _translate(glob: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(glob):
        char = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif char == "*":
            out.append("[^/]*")
            i += 1
        elif char == "?":
            out.append("[^/]")
            i += 1
        elif char == "[" and "]" in glob[i + 2 :]:
            end = glob.index("]", i + 2)
            inner = glob[i + 1 : end]
            out.append("[" + ("^" + inner[1:] if inner.startswith("!") else inner) + "]")
            i = end + 1
        else:
            out.append(re.escape(char))
            i += 1
    return "".join(out)


def matches(patterns: Iterable[Pattern], path: str, is_folder: bool = False) -> bool:
    """Whether ``path`` (or one of its folders) is matched; the last matching pattern wins."""
    absolute = os.path.abspath(path)
    result = False
    for pattern in patterns:
        if _hits(pattern, absolute, is_folder):
            result = not pattern.negated
    return result


def _hits(pattern: Pattern, absolute: str, is_folder: bool) -> bool:
    relative = os.path.relpath(absolute, pattern.base)
    if relative.startswith(".."):
        return False
    parts = relative.replace(os.sep, "/").split("/")
    # The path itself, then each folder above it: excluding a folder excludes what it holds.
    for depth in range(len(parts), 0, -1):
        folder = depth < len(parts) or is_folder
        if pattern.folders_only and not folder:
            continue
        if pattern.regex.match("/".join(parts[:depth])):
            return True
    return False


@functools.cache
def gitignore_of(folder: str) -> tuple[Pattern, ...]:
    """The patterns of ``folder/.gitignore`` (none when it has none or cannot be read)."""
    try:
        with open(os.path.join(folder, ".gitignore"), encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return ()
    found = (compile_pattern(line, folder) for line in lines)
    return tuple(p for p in found if p is not None)


def gitignores_above(root: str) -> tuple[Pattern, ...]:
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
    return tuple(p for folder in reversed(chain) for p in gitignore_of(folder))


__all__ = ["Pattern", "compile_pattern", "gitignore_of", "gitignores_above", "matches"]
