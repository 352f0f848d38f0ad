"""The versioned JSON report (contract: ``schemas/report.schema.json``)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from mpilint import __version__
from mpilint.engine import Report
from mpilint.findings import Finding, Severity, Span


def render(report: Report, out: TextIO, color: bool = False) -> None:
    json.dump(as_dict(report), out, indent=2, ensure_ascii=False)
    out.write("\n")


def as_dict(report: Report) -> dict[str, Any]:
    return {
        "version": 1,
        "tool": {"name": "mpilint", "version": __version__},
        "files": list(report.files),
        "findings": [_finding(f) for f in report.findings],
        "summary": {s.label: report.count(s) for s in reversed(Severity)},
        "suppressed": [
            {**_finding(s.finding), "reason": s.reason, "by": s.by} for s in report.suppressed
        ],
    }


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
