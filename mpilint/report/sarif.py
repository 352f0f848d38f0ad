"""SARIF 2.1.0, for GitHub code scanning and the editors and dashboards that read it.

Only the rules that produced a result are described (``tool.driver.rules``): code scanning shows
a rule's help next to each alert, and a run over one file should not carry the whole catalog.
Paths stay relative to ``%SRCROOT%`` (the directory mpilint ran in) so the log means the same on
the CI runner and in the repository; columns count code points, as mpilint's do, which SARIF
allows when the run says so (``columnKind``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path, PurePath
from urllib.parse import quote

from mpilint import __version__
from mpilint.core import catalog
from mpilint.core.findings import Edit, Finding, Fix, Related, Severity, Span
from mpilint.report.result import JobPair, Report

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Any, TextIO

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "mpilintFingerprint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report: Report, out: TextIO, color: bool = False) -> None:
    json.dump(as_dict(report), out, indent=2, ensure_ascii=False)
    out.write("\n")


def as_dict(report: Report) -> dict[str, Any]:
    rule_ids = sorted({f.rule for f in report.findings})
    index = {rule_id: n for n, rule_id in enumerate(rule_ids)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "mpilint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": catalog.REPOSITORY_URL,
                "rules": [_rule(catalog.meta(rule_id)) for rule_id in rule_ids],
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [_invocation(report)],
        "results": [
            _result(f, index[f.rule], fp)
            for f, (fp, _text) in zip(report.findings, _fingerprints(report), strict=True)
        ],
    }
    properties: dict[str, Any] = {}
    if report.pairs:
        properties["pairs"] = [_pair(p) for p in report.pairs]
    if report.jobs:  # the operator releases the jobs were judged by, as JSON's ``targets``
        properties["targets"] = [dict(target) for target in report.targets]
    if properties:
        run["properties"] = properties
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _invocation(report: Report) -> dict[str, Any]:
    """The run's notes (how to pair jobs that paired with nothing) are notifications of the
    run, where code scanning and the SARIF viewers show what a tool says about its own run,
    not results: they are about no place in a file and must not count as alerts."""
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if report.notes:
        invocation["toolExecutionNotifications"] = [
            {"level": "note", "message": {"text": note}} for note in report.notes
        ]
    return invocation


def _pair(pair: JobPair) -> dict[str, Any]:
    """What each job was checked against, as the JSON report's ``pairs``; a property bag,
    because SARIF has no object for it. Its file is an artifact location like the results'."""
    return {
        "location": _location(pair.file, Span.point(pair.line, 1)),
        "job": pair.job,
        "image": pair.image,
        "dockerfile": None if pair.dockerfile is None else _artifact(pair.dockerfile),
        "by": pair.by,
        "how": pair.how,
    }


def _rule(meta: catalog.RuleMeta) -> dict[str, Any]:
    help_text = meta.rationale + (f"\n\nHow to fix: {meta.fix}" if meta.fix else "")
    help_markdown = meta.rationale + (f"\n\n**How to fix.** {meta.fix}" if meta.fix else "")
    return {
        "id": meta.id,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": meta.rationale},
        "help": {"text": help_text, "markdown": help_markdown},
        "helpUri": catalog.doc_url(meta.id),
        "defaultConfiguration": {"level": LEVELS[meta.severity]},
        # Every level the rule's results can carry (each result names its own), the default
        # first: a viewer that filters by the default alone would hide the others.
        "properties": {"levels": [LEVELS[s] for s in meta.severities]},
    }


def _fingerprints(report: Report) -> list[tuple[str, str]]:
    from mpilint.core.fingerprint import fingerprints

    return fingerprints(report.findings, report.sources.get)


def _result(finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.file, finding.span)],
        # What the finding points at, not its line (mpilint.core.fingerprint): code scanning
        # keeps an alert's identity when lines above it move, as GitLab and baselines do.
        "partialFingerprints": {FINGERPRINT: fingerprint},
    }
    if finding.related:
        result["relatedLocations"] = [_related(n, r) for n, r in enumerate(finding.related)]
    if finding.fix is not None:
        result["fixes"] = [_fix(finding.fix)]
    return result


def _related(number: int, related: Related) -> dict[str, Any]:
    location = _location(related.file, related.span)
    location["id"] = number
    location["message"] = {"text": related.message}
    return location


def _fix(fix: Fix) -> dict[str, Any]:
    by_file: dict[str, list[Edit]] = {}
    for edit in fix.edits:
        by_file.setdefault(edit.file, []).append(edit)
    return {
        "description": {"text": fix.description},
        "properties": {"applicability": fix.applicability},
        "artifactChanges": [
            {"artifactLocation": _artifact(file), "replacements": _replacements(edits)}
            for file, edits in by_file.items()
        ],
    }


def _replacements(edits: Iterable[Edit]) -> list[dict[str, Any]]:
    return [
        {"deletedRegion": _region(e.span), "insertedContent": {"text": e.replacement}}
        for e in edits
    ]


def _location(file: str, span: Span) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": _artifact(file), "region": _region(span)}}


def _region(span: Span) -> dict[str, int]:
    # SARIF regions are 1-based with an exclusive endColumn, exactly mpilint's spans.
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def _artifact(file: str) -> dict[str, str]:
    """A relative URI under %SRCROOT% when the file is inside the working directory (what code
    scanning needs to place an alert), else an absolute file URI."""
    path = Path(file)
    if not path.is_absolute():
        normal = os.path.normpath(file)
        if normal != ".." and not normal.startswith(".." + os.sep):
            return {"uri": _relative_uri(PurePath(normal)), "uriBaseId": SRCROOT}
        path = Path(os.path.abspath(file))  # above the working directory: no %SRCROOT% path
    try:
        inside = path.relative_to(Path.cwd())
    except ValueError:
        return {"uri": path.as_uri()}
    return {"uri": _relative_uri(inside), "uriBaseId": SRCROOT}


def _relative_uri(path: PurePath) -> str:
    return quote(path.as_posix(), safe="/")
