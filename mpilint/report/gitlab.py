"""GitLab Code Quality: the JSON array a job hands to ``artifacts: reports: codequality``.

GitLab reads a subset of the Code Climate issue format: ``description``, ``check_name``,
``fingerprint``, ``severity`` and ``location`` (``path`` and ``lines.begin``). The merge request
widget compares the fingerprints of the source and target branches to say which findings are
new and which were fixed, so the fingerprint must not move with the line: it is the one of
``mpilint.core.fingerprint``, the one baselines and SARIF use too. Severities map to GitLab's
five: error → critical (the job fails or is rejected), warning → major, info → info; ``minor``
and ``blocker`` are not used.
"""

from __future__ import annotations

import json

from mpilint.core.findings import Finding, Severity
from mpilint.core.fingerprint import fingerprints, normal_path
from mpilint.report.result import Report

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Any, TextIO

SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


def render(report: Report, out: TextIO, color: bool = False) -> None:
    prints = fingerprints(report.findings, report.sources.get)
    issues = [_issue(f, fp) for f, (fp, _text) in zip(report.findings, prints, strict=True)]
    json.dump(issues, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    span = finding.span
    return {
        "type": "issue",
        "check_name": finding.rule,
        "description": f"{finding.rule} {finding.name}: {finding.message}",
        "categories": ["Bug Risk"],
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        # GitLab wants a path relative to the repository: run mpilint from its root.
        "location": {
            "path": normal_path(finding.file),
            "lines": {"begin": span.line, "end": span.end_line},
        },
    }
