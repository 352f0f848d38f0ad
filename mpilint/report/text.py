"""The human report: findings grouped by file, each with a code frame and its related places.

The layout is built once as styled segments; plain output joins them, colour output hands them
to rich. So the pre-commit and CI path (not a terminal) never imports rich, which costs more
than the whole lint of a small file.
"""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from mpilint.core.findings import SAFE, Finding, Severity, Span
from mpilint.report.result import JobPair, Report

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import TextIO

Segment = tuple[str, str]  # (text, rich style or "")
Line = list[Segment]

_SEVERITY_STYLE = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "bold yellow",
    Severity.INFO: "bold blue",
}
CONTEXT = 2  # lines shown before and after a finding
MAX_FRAME = 8  # lines of a long span shown before eliding


def render(report: Report, out: TextIO, color: bool = False, verbose: bool = False) -> None:
    """The findings by file, what was suppressed (``verbose``), the image each job was checked
    against (with how it was decided when ``verbose``), the run's notes, and the summary."""
    lines = layout(report, verbose)
    if not color:
        out.write("".join("".join(text for text, _ in line) + "\n" for line in lines))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, force_terminal=True, highlight=False, soft_wrap=True)
    for line in lines:
        console.print(Text.assemble(*line))


def layout(report: Report, verbose: bool = False) -> list[Line]:
    lines: list[Line] = []
    for file, group in groupby(report.findings, key=lambda f: f.file):
        lines.append([(file, "bold underline")])
        source = report.sources.get(file, "").splitlines()
        for finding in group:
            lines.extend(_finding(finding, source, report.fixable(finding)))
            lines.append([])
    if verbose and report.suppressed:
        lines.extend(_suppressed(report))
    lines.extend(_pairs(report, verbose))
    lines.extend([("note: ", "bold blue"), (note, "")] for note in report.notes)
    lines.append(_summary(report))
    return lines


def _fixes_line(report: Report) -> Line:
    """What ``--fix`` would still repair, as ruff says it: ``[*] N fixable with ...``."""
    fixable = sum(1 for f in report.findings if report.fixable(f))
    hidden = sum(1 for f in report.findings if f.fix is not None and not report.fixable(f))
    if not fixable and not hidden:
        return []
    flag = " --unsafe-fixes" if report.unsafe_fixes else ""
    text = f"[*] {fixable} fixable with `mpilint --fix{flag}`" if fixable else "No fixes available"
    if hidden:
        text += f" ({hidden} hidden {'fix' if hidden == 1 else 'fixes'} can be enabled with"
        text += " `--unsafe-fixes`)"
    return [(text + ".", "")]


SHOWN_PAIRS = 20  # beyond this many jobs (and without --verbose), counts and the unpaired ones


def _pairs(report: Report, verbose: bool) -> list[Line]:
    """One line per job: the Dockerfile it was checked against, the image read as it is, or
    none (and so which rules did not run); with --verbose, how that was decided. A run of
    thousands of jobs gets the counts and the jobs checked without an image instead."""
    pairs = report.pairs
    if not pairs:
        return []
    shown = pairs
    lines: list[Line] = [[("Images checked:", "bold")]]
    if len(pairs) > SHOWN_PAIRS and not verbose:
        counts = Counter(p.by if p.by in ("as-is", "none") else "dockerfile" for p in pairs)
        lines[0].append(
            (
                f" {counts['dockerfile']} jobs against a Dockerfile, {counts['as-is']} against"
                f" a well-known image as it is, {counts['none']} against none"
                f" (--verbose lists them all)",
                "",
            )
        )
        shown = tuple(p for p in pairs if p.by == "none")[:SHOWN_PAIRS]
    for pair in shown:
        lines.append(_pair(pair, verbose))
    return lines


def _pair(pair: JobPair, verbose: bool) -> Line:
    job = f" {pair.job}" if pair.job else ""
    line: Line = [(f"  {pair.file}:{pair.line}", "dim"), (f"{job}: ", "")]
    if pair.dockerfile is not None:
        line.append((pair.dockerfile, "cyan"))
    elif pair.by == "as-is" and pair.image is not None:
        line.append((f"the image {pair.image} as it is (no Dockerfile)", "cyan"))
    else:
        line.append(("no Dockerfile, so the image rules (MPL2xx, MPL3xx) did not run", "yellow"))
    if verbose:
        line.append((f" ({pair.how})", "dim"))
    return line


def _suppressed(report: Report) -> list[Line]:
    """What reviewers need to judge a suppression: which finding, where, and the reason given."""
    lines: list[Line] = [[(f"Suppressed ({len(report.suppressed)}):", "bold")]]
    for entry in sorted(report.suppressed, key=lambda s: s.finding.sort_key):
        f = entry.finding
        reason = entry.reason or "no reason given"
        lines.append(
            [
                (f"  {f.file}:{f.span.line}:{f.span.column}", "dim"),
                (f"  {f.rule} {f.name}", "bold"),
                (f"  by {entry.by}: {reason}", ""),
            ]
        )
    lines.append([])
    return lines


def _finding(finding: Finding, source: list[str], fixable: bool) -> list[Line]:
    span = finding.span
    lines: list[Line] = [
        [
            (f"  {span.line}:{span.column}", "dim"),
            ("  ", ""),
            (finding.severity.label, _SEVERITY_STYLE[finding.severity]),
            ("  ", ""),
            (f"{finding.rule}{' [*]' if fixable else ''} {finding.name}", "bold"),
        ],
        [("  " + finding.message, "")],
    ]
    lines.extend(_frame(source, span))
    for related in finding.related:
        where = f"{related.file}:{related.span.line}:{related.span.column}"
        lines.append([("    = ", "dim"), (where, "cyan"), (f": {related.message}", "")])
    if finding.fix is not None:
        unsafe = "" if finding.fix.applicability == SAFE else " (unsafe: --unsafe-fixes)"
        lines.append([(f"    = fix{unsafe}: ", "dim"), (finding.fix.description, "green")])
    return lines


def _frame(source: list[str], span: Span) -> list[Line]:
    if not source or span.line > len(source):
        return []
    last = min(span.end_line, span.line + MAX_FRAME - 1, len(source))
    first_shown = max(1, span.line - CONTEXT)
    last_shown = min(len(source), last + CONTEXT)
    width = len(str(last_shown))
    lines: list[Line] = []
    for number in range(first_shown, last_shown + 1):
        text = source[number - 1].replace("\t", " ")
        inside = span.line <= number <= last
        gutter = f"  {'>' if inside else ' '} {number:>{width}} | "
        lines.append([(gutter, "dim"), (text, "" if inside else "dim")])
        if number == span.line:
            end = span.end_column if span.end_line == span.line else len(text) + 1
            carets = "^" * max(1, end - span.column)
            lines.append(
                [(f"    {' ' * width} | " + " " * (span.column - 1), "dim"), (carets, "bold red")]
            )
    return lines


def summary(report: Report) -> str:
    """The last line of the report alone, for ``--quiet``."""
    return "".join(text for text, _ in _summary(report))


def _summary(report: Report) -> Line:
    fixes = _fixes_line(report)
    return _counts(report) + ([(" ", ""), *fixes] if fixes else []) + _baselined(report)


def _baselined(report: Report) -> Line:
    """What a baseline hid, and how many of its entries no longer match (``--baseline``)."""
    if report.baseline is None:
        return []
    hidden, stale = report.baseline.matched, report.baseline.stale
    text = f" {hidden} {'finding' if hidden == 1 else 'findings'} hidden by the baseline"
    if stale:
        text += f", {stale} stale {'entry' if stale == 1 else 'entries'}"
    return [(text + ".", "")]


def _counts(report: Report) -> Line:
    files = len(report.files)
    scope = (
        f"{files} file{'s' if files != 1 else ''},"
        f" {report.jobs} MPIJob{'s' if report.jobs != 1 else ''}"
    )
    if not report.findings:
        if report.fixed:
            fixed = f"Fixed {report.fixed} problem{'s' if report.fixed != 1 else ''}"
            return [(fixed, "bold green"), (f", none left ({scope} checked).", "")]
        return [("No problems found", "bold green"), (f" ({scope} checked).", "")]
    counts = ", ".join(_count(report.count(s), s) for s in reversed(Severity))
    total = len(report.findings)
    problems = f"{total} problem{'s' if total != 1 else ''}"
    fixed = f"{report.fixed} problem{'s' if report.fixed != 1 else ''}"
    return [
        (f"Fixed {fixed}; {problems} left" if report.fixed else f"Found {problems}", "bold"),
        (f" ({counts}) in {scope} checked.", ""),
    ]


def _count(number: int, severity: Severity) -> str:
    plural = number != 1 and severity is not Severity.INFO
    return f"{number} {severity.label}{'s' if plural else ''}"
