"""JUnit XML, the test report most CI systems display (GitLab's ``reports: junit``, Jenkins,
Azure Pipelines, CircleCI, GitHub through a test-report action).

One ``testsuite`` per checked file, so a file with nothing wrong still shows up as passed
(a CI page that lists only failures cannot tell "clean" from "not checked"); a file with no
finding gets one passing case, ``mpilint``. In it, one ``testcase`` per finding, the file as its
class and a name that does not move with the line (GitLab and Jenkins compare cases by name
between runs to say which failures are new): the rule and the text it points at, as the
fingerprint takes it (``MPL101 non-string-scalar: 4``; a second finding on the same text gets
`` #2``). Errors and warnings carry a ``failure`` (its ``type`` the severity, its text the
finding with its place, related places and fix); info findings are passing cases that say
what they found on ``system-out``. The shape follows the Ant/Surefire schema Jenkins validates
reports against (``tests/report/schemas/junit-10.xsd``).
"""

from __future__ import annotations

from collections import defaultdict

from mpilint.core.findings import Finding, Severity
from mpilint.core.fingerprint import fingerprints
from mpilint.report.result import Report

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import TextIO
    from xml.etree.ElementTree import Element

FAILING = (Severity.ERROR, Severity.WARNING)
NAME_TEXT = 80  # characters of the offending text in a case's name


def render(report: Report, out: TextIO, color: bool = False) -> None:
    from xml.etree import ElementTree

    by_file: dict[str, list[tuple[Finding, str]]] = defaultdict(list)
    prints = fingerprints(report.findings, report.sources.get)
    for finding, (_fp, text) in zip(report.findings, prints, strict=True):
        by_file[finding.file].append((finding, text))
    files = list(report.files) + [f for f in by_file if f not in report.files]
    root = ElementTree.Element("testsuites", name="mpilint")
    total = failures = 0
    for file in files:
        suite = _suite(root, file, by_file.get(file, []))
        total += int(suite.get("tests", "0"))
        failures += int(suite.get("failures", "0"))
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    ElementTree.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ElementTree.tostring(root, encoding="unicode"))
    out.write("\n")


def _suite(root: Element, file: str, findings: list[tuple[Finding, str]]) -> Element:
    from xml.etree import ElementTree

    failing = sum(1 for f, _text in findings if f.severity in FAILING)
    suite = ElementTree.SubElement(
        root,
        "testsuite",
        name=_clean(file),
        tests=str(max(len(findings), 1)),
        failures=str(failing),
        errors="0",
        skipped="0",
        file=_clean(file),
    )
    if not findings:
        ElementTree.SubElement(suite, "testcase", name="mpilint", classname=_clean(file))
    names: dict[str, int] = {}
    for finding, text in findings:
        name = f"{finding.rule} {finding.name}: {_shorten(text)}"
        names[name] = copy = names.get(name, 0) + 1
        case = ElementTree.SubElement(
            suite,
            "testcase",
            name=_clean(name if copy == 1 else f"{name} #{copy}"),
            classname=_clean(file),
        )
        if finding.severity in FAILING:
            failure = ElementTree.SubElement(
                case, "failure", message=_clean(finding.message), type=finding.severity.label
            )
            failure.text = _clean(_details(finding))
        else:
            ElementTree.SubElement(case, "system-out").text = _clean(_details(finding))
    return suite


def _shorten(text: str) -> str:
    return text if len(text) <= NAME_TEXT else text[: NAME_TEXT - 1] + "…"


def _details(finding: Finding) -> str:
    span = finding.span
    lines = [
        f"{finding.file}:{span.line}:{span.column}: {finding.severity.label}"
        f" {finding.rule} {finding.name}: {finding.message}"
    ]
    for related in finding.related:
        where = f"{related.file}:{related.span.line}:{related.span.column}"
        lines.append(f"  {where}: {related.message}")
    if finding.fix is not None:
        lines.append(f"  fix ({finding.fix.applicability}): {finding.fix.description}")
    return "\n".join(lines)


def _clean(text: str) -> str:
    """XML 1.0 cannot carry most control characters, even escaped; a message that quotes one
    from a file (a stray form feed) would make the whole report unreadable. They become U+FFFD,
    as do lone surrogates from undecodable file names."""
    return "".join(
        ch
        if (ch in "\t\n\r" or "\x20" <= ch <= "\ud7ff" or "\ue000" <= ch <= "\ufffd")
        or ch >= "\U00010000"
        else "\ufffd"
        for ch in text
    )
