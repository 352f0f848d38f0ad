"""One line per finding, ``path:line:col: severity RULE what is wrong``, then the summary.

For a long list to scan or ``grep``, and for editors' problem matchers: the first sentence of
the message names the mistake; ``--format full`` (the default) adds the fix, the reasons, the
code and the related places.
"""

from __future__ import annotations

from mpilint.report.result import Report
from mpilint.report.sentences import first_sentence
from mpilint.report.text import Line, header, note_lines, summary_line, write

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import TextIO


def render(report: Report, out: TextIO, color: bool = False) -> None:
    write(layout(report), out, color)


def layout(report: Report) -> list[Line]:
    lines: list[Line] = [
        [*header(f, report.fixable(f), name=False), (" " + first_sentence(f.message), "")]
        for f in report.findings
    ]
    lines.extend(note_lines(report, None))
    lines.append(summary_line(report))
    return lines
