"""Positions (line, column) in a text as offsets: where an edit starts and ends.

Spans count lines and code points as libyaml counts them, so an edit made at a span replaces
exactly the characters the parser read there, whatever the file's line endings.
"""

from __future__ import annotations

from mpilint.core.findings import Span
from mpilint.core.lazyre import lazy

# The line breaks libyaml counts (YAML 1.1: CRLF is one break; NEL, LS and PS are breaks too).
# Spans count lines and code points the same way, so a span maps to one offset in the text.
_BREAK = lazy(r"\r\n|[\r\n\x85\u2028\u2029]")
# A Dockerfile's lines end at LF alone, as BuildKit's scanner splits them (a CR before it is
# dropped with it); NEL, LS, PS and a lone CR are characters of the line there.
_DOCKERFILE_BREAK = lazy(r"\n")


class Offsets:
    """Line and column (1-based, code points) → offset in one text; ``dockerfile``: its lines
    as the Dockerfile reader counts them, not as libyaml does."""

    def __init__(self, text: str, dockerfile: bool = False) -> None:
        self.text = text
        self.dockerfile = dockerfile
        breaks = _DOCKERFILE_BREAK() if dockerfile else _BREAK()
        self.starts = [0] + [m.end() for m in breaks.finditer(text)]

    def offset(self, line: int, column: int) -> int | None:
        """None when the position is outside the text (a stale span: the edit is dropped)."""
        if not 1 <= line <= len(self.starts) or column < 1:
            return None
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        position = start + column - 1
        # The column may point just past a line's last character (before its break), not beyond.
        content_end = end
        trailing = "\r\n" if self.dockerfile else "\r\n\x85\u2028\u2029"
        while content_end > start and self.text[content_end - 1] in trailing:
            content_end -= 1
        return position if position <= content_end else None

    def range(self, span: Span) -> tuple[int, int] | None:
        begin = self.offset(span.line, span.column)
        end = self.offset(span.end_line, span.end_column)
        if begin is None or end is None or end < begin:
            return None
        return begin, end

    def text_of(self, span: Span) -> str | None:
        """The characters a span covers; None when it is not inside the text."""
        where = self.range(span)
        return None if where is None else self.text[where[0] : where[1]]


def lines_of(text: str, dockerfile: bool = False, keepends: bool = False) -> list[str]:
    """The text's lines, numbered as its parser numbers them: libyaml's breaks for YAML, LF
    alone for a Dockerfile (BuildKit's scanner; a CR before it is dropped with it). The same
    breaks as :class:`Offsets`, so line N here is line N of a span. ``str.splitlines`` would
    also break at VT, FF, FS, GS, RS and, in a Dockerfile, at NEL, LS, PS and a lone CR, so a
    suppression or a code frame after one would name the wrong line. ``keepends``: each line
    with its break, as the text holds it (to write next to it)."""
    starts = Offsets(text, dockerfile).starts
    ends = [*starts[1:], len(text)]
    lines = [text[start:end] for start, end in zip(starts, ends, strict=True)]
    if lines and not lines[-1]:
        lines.pop()  # after the last break there is no line (as ``str.splitlines`` says)
    if keepends:
        return lines
    trailing = "\r\n" if dockerfile else "\r\n\x85\u2028\u2029"
    return [_without_break(line, trailing) for line in lines]


def _without_break(line: str, breaks: str) -> str:
    """A line without its break: CRLF or one break character (a Dockerfile's last line loses a
    final CR too, as BuildKit's scanner drops it)."""
    if line.endswith("\r\n"):
        return line[:-2]
    return line[:-1] if line and line[-1] in breaks else line
