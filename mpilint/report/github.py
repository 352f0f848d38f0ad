"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request diff.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``, with ``warning`` and
``notice`` for the lower severities. The runner splits a command on ``::`` and its properties on
``,`` and ``=``, so data and properties are escaped as the Actions toolkit does (``%``, CR, LF,
and in properties also ``:`` and ``,``). Related places and the fix go into the message on their
own lines, since an annotation has no other room for them.
"""

from __future__ import annotations

from mpilint.core.findings import Finding, Severity
from mpilint.report.result import Report

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import TextIO

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report, out: TextIO, color: bool = False) -> None:
    for finding in report.findings:
        out.write(command(finding) + "\n")
    # A note is about the run, not a line: a notice without a file, shown in the run's summary.
    for note in report.notes:
        out.write(f"::notice title={escape_property('mpilint')}::{escape_data(note)}\n")


def command(finding: Finding) -> str:
    span = finding.span
    properties = [("file", finding.file), ("line", str(span.line))]
    # GitHub places columns only on a single-line annotation and rejects them otherwise.
    if span.end_line == span.line:
        properties.append(("col", str(span.column)))
    properties.append(("endLine", str(span.end_line)))
    if span.end_line == span.line:
        properties.append(("endColumn", str(span.end_column)))
    properties.append(("title", f"{finding.rule} {finding.name}"))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(_message(finding))}"


def _message(finding: Finding) -> str:
    lines = [finding.message]
    for related in finding.related:
        where = f"{related.file}:{related.span.line}:{related.span.column}"
        lines.append(f"  {where}: {related.message}")
    if finding.fix is not None:
        lines.append(f"  fix: {finding.fix.description}")
    return "\n".join(lines)


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
