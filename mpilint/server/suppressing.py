"""The "disable this rule" code actions: the edit that writes mpilint's own suppression comment.

The comment is the one the README documents (``# mpilint: disable=MPL104`` alone on the line
above the finding, ``# mpilint: disable-file=MPL104`` for the file), read back by
``suppress.directives`` at the next lint. A comment already there for that line (or file) gets
the rule added to its list, so a second action does not stack a second comment that would
silence the first one's line instead of the finding's.

Where the comment goes is chosen so that it stays a comment: a whole line, never a trailing
``#`` (in a Dockerfile a ``#`` after an instruction is part of it), indented like the line it
silences (YAML), and below a Dockerfile's parser directives (``# syntax=…`` must come first).
"""

from __future__ import annotations

import re

from mpilint.core.records import Record
from mpilint.core.textpos import lines_of
from mpilint.suppress import directives

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from mpilint.server.positions import Kind, Positions

# The rule list of a directive (the syntax of ``suppress.directives``), to add a rule to it.
_RULE_LIST = re.compile(r"#\s*mpilint:\s*(?:disable|disable-file)\s*=\s*[\w-]+(?:\s*,\s*[\w-]+)*")
_PARSER_DIRECTIVE = re.compile(r"#\s*[a-zA-Z][\w-]*\s*=")
_HEREDOC = re.compile(r"<<(-?)[\"']?([A-Za-z_][\w-]*)[\"']?")


class TextEdit(Record):
    """Replace ``begin``…``end`` (offsets of the editor's text) by ``text``."""

    begin: int
    end: int
    text: str


def disable_line(positions: Positions, kind: Kind, rule: str, line: int) -> TextEdit | None:
    """Silence ``rule`` on ``line`` (1-based, the parser's); None where no comment line can be
    put above it without changing the file's meaning (inside a Dockerfile heredoc)."""
    text = positions.linted
    lines = _lines(text, kind)
    if not 1 <= line <= len(lines) + 1:
        return None
    for directive in directives.parse(text, kind == "dockerfile"):
        if directive.line == line and not directive.file_wide:
            return _extend(positions, lines, directive.span.line, rule)
    current = lines[line - 1] if line <= len(lines) else ""
    if kind == "dockerfile" and _maybe_heredoc(lines, line):
        return None
    indent = current[: len(current) - len(current.lstrip(" \t"))] if kind == "manifest" else ""
    at = positions.parser_line_start(line)
    return TextEdit(at, at, f"{indent}# mpilint: disable={rule}{_newline(lines, line)}")


def disable_file(positions: Positions, kind: Kind, rule: str) -> TextEdit:
    """Silence ``rule`` in the whole file."""
    text = positions.linted
    lines = _lines(text, kind)
    for directive in directives.parse(text, kind == "dockerfile"):
        if directive.file_wide:
            edit = _extend(positions, lines, directive.span.line, rule)
            if edit is not None:
                return edit
    first = 1
    if kind == "dockerfile":
        while first <= len(lines) and _PARSER_DIRECTIVE.match(lines[first - 1]):
            first += 1
    at = positions.parser_line_start(first)
    if first > len(lines) and lines and not lines[-1].endswith(("\n", "\r")):
        at = positions.shift + len(text)  # after a last line with no line break
        return TextEdit(at, at, f"{_newline(lines, 1)}# mpilint: disable-file={rule}")
    return TextEdit(at, at, f"# mpilint: disable-file={rule}{_newline(lines, first)}")


def _extend(positions: Positions, lines: list[str], line: int, rule: str) -> TextEdit | None:
    """Add ``rule`` to the rule list of the directive written on ``line``."""
    match = _RULE_LIST.search(lines[line - 1])
    if match is None:
        return None
    at = positions.parser_line_start(line) + match.end()
    return TextEdit(at, at, f",{rule}")


def _lines(text: str, kind: Kind) -> list[str]:
    """The text's lines with their breaks, numbered as its parser numbers them (as the
    directives and the diagnostics are)."""
    return lines_of(text, kind == "dockerfile", keepends=True)


def _newline(lines: list[str], line: int) -> str:
    """The file's own line break, taken from the line at hand (else the first line's)."""
    for sample in (lines[line - 1] if line <= len(lines) else "", lines[0] if lines else ""):
        if sample.endswith("\r\n"):
            return "\r\n"
        if sample.endswith("\n"):
            return "\n"
    return "\n"


def _maybe_heredoc(lines: list[str], line: int) -> bool:
    """Whether a Dockerfile line is in the body of a heredoc (``RUN <<EOF``), where a comment
    line would become part of the script (or the file written)."""
    ends: list[str] = []
    for text in lines[: line - 1]:
        body = text.rstrip("\r\n")
        if ends:
            if body.lstrip("\t") == ends[0]:
                ends.pop(0)
            continue
        ends = [m.group(2) for m in _HEREDOC.finditer(body)]
    return bool(ends)
