"""mpilint's spans ↔ an editor's positions, exactly, in the unit the client chose.

Two ways of counting meet here. mpilint's spans count lines as each parser does (libyaml also
breaks YAML lines at NEL, LS and PS; BuildKit breaks Dockerfile lines at ``\\n`` only) and
columns in code points, in the text read without its byte-order mark. The Language Server
Protocol breaks lines at ``\\n``, ``\\r\\n`` and ``\\r`` only, counts columns in UTF-16 code units
unless the client negotiated UTF-8 or UTF-32, and sees the mark as a character. Both sides are
turned into offsets in the editor's text, which they share, so neither count is ever converted
into the other by arithmetic that a character outside one side's line breaks would upset.
"""

from __future__ import annotations

import bisect
import re

from mpilint.core.findings import Span

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Literal

    Kind = Literal["manifest", "dockerfile"]

BOM = "\ufeff"
UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"

_LSP_BREAKS = re.compile(r"\r\n|[\r\n]")
# The breaks each parser counts (core.textpos for YAML; sources.dockerparse splits at "\n").
_PARSER_BREAKS = {
    "manifest": re.compile(r"\r\n|[\r\n\x85\u2028\u2029]"),
    "dockerfile": re.compile(r"\n"),
}
_ANY_BREAK = "\r\n\x85\u2028\u2029"


def units(text: str, encoding: str) -> int:
    """The length of ``text`` in the client's position unit."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class _Lines:
    """Where each line of a text starts, for one set of line breaks."""

    def __init__(self, text: str, breaks: re.Pattern[str]) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in breaks.finditer(text)]

    def bounds(self, line: int) -> tuple[int, int]:
        """Offsets of a line's first character and of its end (before its break), 0-based line;
        a line past the last is the end of the text."""
        if line >= len(self.starts):
            return len(self.text), len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        while end > start and self.text[end - 1] in _ANY_BREAK:
            end -= 1
        return start, end

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


class Positions:
    """One editor text: offsets ↔ LSP positions, and mpilint spans → offsets.

    ``linted`` is the text mpilint reads (without a leading byte-order mark, as
    ``inputs.files.read_text`` decodes a file); spans are positions in it."""

    def __init__(self, text: str, kind: Kind, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.shift = 1 if text.startswith(BOM) else 0
        self.linted = text[self.shift :]
        self._lsp = _Lines(text, _LSP_BREAKS)
        self._parser = _Lines(self.linted, _PARSER_BREAKS[kind])

    # LSP side

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, character) of an offset of the editor's text."""
        offset = max(0, min(offset, len(self.text)))
        line = self._lsp.line_of(offset)
        start, end = self._lsp.bounds(line)
        return line, units(self.text[start : min(offset, end)], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The offset of an LSP position; a character past the line's end is its end, and one
        inside a character (half of a surrogate pair, a byte of UTF-8) is that character's
        start, as the protocol asks."""
        if line < 0:
            return 0
        start, end = self._lsp.bounds(line)
        counted = 0
        for index in range(start, end):
            width = units(self.text[index], self.encoding)
            if counted + width > character:
                return index
            counted += width
        return end

    # mpilint side

    def span_offsets(self, span: Span) -> tuple[int, int]:
        """A span's start and end as offsets of the editor's text; a column past its line's
        end (a point just after the last character) is the line's end."""
        begin = self._span_offset(span.line, span.column)
        end = self._span_offset(span.end_line, span.end_column)
        return begin, max(begin, end)

    def _span_offset(self, line: int, column: int) -> int:
        start, end = self._parser.bounds(max(0, line - 1))
        return self.shift + min(start + max(0, column - 1), end)

    def span_range(self, span: Span) -> tuple[tuple[int, int], tuple[int, int]]:
        begin, end = self.span_offsets(span)
        return self.position(begin), self.position(end)

    def parser_line_start(self, line: int) -> int:
        """The offset (editor's text) where the parser's 1-based ``line`` starts."""
        return self.shift + self._parser.bounds(max(0, line - 1))[0]
