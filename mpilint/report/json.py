"""The versioned JSON report (contract: ``schemas/report.schema.json``)."""

from __future__ import annotations

import json

from mpilint import __version__
from mpilint.core.findings import Finding, Severity, Span
from mpilint.report.result import Report

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Any, TextIO


def render(report: Report, out: TextIO, color: bool = False) -> None:
    write_laid_out(as_dict(report), out)


def write_laid_out(data: dict[str, Any], out: TextIO) -> None:
    """One top-level key per line and one list item (a finding, a file) per line.

    ``json.dump(indent=2)`` runs the pure-Python encoder, a third of a second for a tree with
    ten thousand findings; the C encoder only writes compact JSON, so the lines are laid out
    here around compact items. One finding per line also diffs well."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    out.write("{\n")
    for index, (key, value) in enumerate(data.items()):
        comma = "," if index < len(data) - 1 else ""
        if isinstance(value, list) and value:
            out.write(f"  {encode(key)}: [\n")
            last = len(value) - 1
            for position, item in enumerate(value):
                out.write(f"    {encode(item)}{',' if position < last else ''}\n")
            out.write(f"  ]{comma}\n")
        else:
            out.write(f"  {encode(key)}: {encode(value)}{comma}\n")
    out.write("}\n")


def as_dict(report: Report) -> dict[str, Any]:
    data = {
        "version": 1,
        "tool": {"name": "mpilint", "version": __version__},
        "files": list(report.files),
        "findings": [_finding(f) for f in report.findings],
        "summary": {s.label: report.count(s) for s in reversed(Severity)},
        "suppressed": [
            {**_finding(s.finding), "reason": s.reason, "by": s.by} for s in report.suppressed
        ],
        "pairs": [
            {
                "file": p.file,
                "line": p.line,
                "job": p.job,
                "image": p.image,
                "dockerfile": p.dockerfile,
                "by": p.by,
                "how": p.how,
            }
            for p in report.pairs
        ],
        "notes": list(report.notes),
        "targets": [dict(target) for target in report.targets],
    }
    if report.baseline is not None:
        data["baseline"] = {"matched": report.baseline.matched, "stale": report.baseline.stale}
    return data


def _finding(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule": finding.rule,
        "name": finding.name,
        "severity": finding.severity.label,
        "message": finding.message,
        "file": finding.file,
        **_span(finding.span),
    }
    if finding.related:
        data["related"] = [
            {"file": r.file, **_span(r.span), "message": r.message} for r in finding.related
        ]
    if finding.fix is not None:
        data["fix"] = {
            "description": finding.fix.description,
            "applicability": finding.fix.applicability,
            "edits": [
                {"file": e.file, **_span(e.span), "replacement": e.replacement}
                for e in finding.fix.edits
            ],
        }
    return data


def _span(span: Span) -> dict[str, int]:
    return {
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }
