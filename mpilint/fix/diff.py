"""``--diff``: what ``--fix`` would change, as a unified diff (``patch -p0`` and ``git apply``
read it), file by file in the order of the run."""

from __future__ import annotations

import difflib
import re


def unified(path: str, before: str, after: str) -> str:
    """The diff of one file. Lines keep their own endings (a CRLF file's diff shows CRLF), and a
    last line without a newline is marked as diff marks it."""
    lines = difflib.unified_diff(
        _lines(before),
        _lines(after),
        fromfile=path,
        tofile=path,
    )
    out: list[str] = []
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines as ``patch`` counts them: cut after each LF only (a CR stays in its line)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)
