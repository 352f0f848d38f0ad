"""The human report: each finding with where it is, what to do, why, a code frame and its
related places.

Every finding starts with ``path:line:col:``, the form terminals, editors and ``grep`` read as a
place to jump to, then its severity, rule id and name. The message follows with its last
sentence, the fix, first (mpilint/report/sentences.py), wrapped at word boundaries to the width
the command line chose (none when the output is not a terminal: a log or a pipe keeps one line
per paragraph, for ``grep``). Code frames and locations are never wrapped.

The layout is built once as styled segments; plain output joins them, colour output hands them
to rich. So the pre-commit and CI path (not a terminal) never imports rich, which costs more
than the whole lint of a small file.
"""

from __future__ import annotations

from collections import Counter

from mpilint.core.findings import SAFE, Finding, Severity, Span
from mpilint.core.lazyre import lazy
from mpilint.core.textpos import lines_of
from mpilint.inputs.files import is_dockerfile_name
from mpilint.report.result import JobPair, Report
from mpilint.report.sentences import split_fix

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
INDENT = "  "  # of a finding's message under its first line


def render(
    report: Report,
    out: TextIO,
    color: bool = False,
    verbose: bool = False,
    width: int | None = None,
) -> None:
    """The findings, what was suppressed (``verbose``), the image each job was checked
    against (with how it was decided when ``verbose``), the run's notes, and the summary;
    prose wrapped to ``width`` columns when given."""
    write(layout(report, verbose, width), out, color)


def write(lines: list[Line], out: TextIO, color: bool) -> None:
    """Plain text, or ANSI styles through rich (imported only then)."""
    if not color:
        out.write("".join("".join(text for text, _ in line) + "\n" for line in lines))
        return
    from rich.console import Console
    from rich.text import Text

    # Every choice is made here, not by rich from the environment: the command line has
    # already applied --color, NO_COLOR and FORCE_COLOR, and rich would otherwise drop the
    # colour again for NO_COLOR or TERM=dumb. soft_wrap: lines arrive wrapped (or not) already.
    console = Console(
        file=out,
        force_terminal=True,
        no_color=False,
        color_system="standard",
        highlight=False,
        soft_wrap=True,
        emoji=False,
        markup=False,
    )
    for line in lines:
        console.print(Text.assemble(*line))


def layout(report: Report, verbose: bool = False, width: int | None = None) -> list[Line]:
    lines: list[Line] = []
    if report.jobs:  # what the jobs were judged by comes first (issue 18), named or default
        for target in report.targets:
            lines.extend(wrap(_target(target, report.target_named), width, len("target: ")))
    dockerfiles = {p.dockerfile for p in report.pairs if p.dockerfile is not None}
    for finding in report.findings:
        dockerfile = finding.file in dockerfiles or is_dockerfile_name(finding.file)
        source = lines_of(report.sources.get(finding.file, ""), dockerfile)
        lines.extend(_finding(finding, source, report.fixable(finding), width))
        lines.append([])
    if verbose and report.suppressed:
        lines.extend(_suppressed(report))
    lines.extend(_pairs(report, verbose))
    lines.extend(note_lines(report, width))
    lines.extend(wrap(summary_line(report), width))
    return lines


def note_lines(report: Report, width: int | None) -> list[Line]:
    """The run's notes (how to pair jobs that paired with nothing, what was not read)."""
    lines: list[Line] = []
    for note in report.notes:
        lines.extend(wrap([("note: ", "bold blue"), (note, "")], width, len("note: ")))
    return lines


def location(finding: Finding) -> str:
    """``path:line:col:``, what editors and terminals open at the place."""
    return f"{finding.file}:{finding.span.line}:{finding.span.column}:"


def header(finding: Finding, fixable: bool, name: bool = True) -> Line:
    """How a finding starts in both text formats: where, how bad, which rule (``[*]`` when
    ``--fix`` repairs it, as ruff marks it)."""
    rule = f"{finding.rule}{' [*]' if fixable else ''}{f' {finding.name}' if name else ''}"
    return [
        (location(finding), "bold"),
        (" ", ""),
        (finding.severity.label, _SEVERITY_STYLE[finding.severity]),
        (" ", ""),
        (rule, "bold"),
    ]


_WORD = lazy(r"\S+")  # compiled when a report is wrapped, on a terminal


def wrap(line: Line, width: int | None, indent: int = 0) -> list[Line]:
    """``line`` broken at spaces into lines of at most ``width`` columns (a longer word, such
    as a path, stays whole on its own line), continued ``indent`` columns in; styles kept."""
    text = "".join(part for part, _ in line)
    if width is None or len(text) <= width:
        return [line]
    words = [(m.start(), m.end()) for m in _WORD().finditer(text)]
    if not words:
        return [line]
    rows: list[tuple[int, int]] = []  # (start, end) of each output line in ``text``
    start, end = 0, words[0][1]
    for word_start, word_end in words[1:]:
        room = width - (0 if not rows else indent)
        if word_end - start <= room:
            end = word_end
            continue
        rows.append((start, end))
        start, end = word_start, word_end
    rows.append((start, end))
    wrapped: list[Line] = []
    for number, (row_start, row_end) in enumerate(rows):
        prefix: Line = [(" " * indent, "")] if number else []
        wrapped.append(prefix + _slice(line, row_start, row_end))
    return wrapped


def _slice(line: Line, start: int, end: int) -> Line:
    """The segments of ``line`` between two offsets of its text."""
    sliced: Line = []
    offset = 0
    for part, style in line:
        low, high = max(start, offset), min(end, offset + len(part))
        if low < high:
            sliced.append((part[low - offset : high - offset], style))
        offset += len(part)
    return sliced


def _target(target: tuple[tuple[str, str], ...], named: bool) -> Line:
    """The operator releases the jobs were checked for, before anything judged by them; the
    default says it is one, so nobody takes the newest release for their cluster's unawares."""
    releases = ", ".join(f"{operator} {release}" for operator, release in target)
    default = "" if named else " (default: the newest known)"
    return [("target: ", "bold"), (releases + default, "")]


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


def _finding(finding: Finding, source: list[str], fixable: bool, width: int | None) -> list[Line]:
    lines = [header(finding, fixable)]
    fix, explanation = split_fix(finding.message)
    if fix is not None:
        fix += "" if fix.endswith((".", "?", "!")) else "."
        lines.extend(wrap([(INDENT + fix, "bold")], width, len(INDENT)))
    lines.extend(wrap([(INDENT + explanation, "")], width, len(INDENT)))
    lines.extend(_frame(source, finding.span))
    for related in finding.related:
        where = f"{related.file}:{related.span.line}:{related.span.column}"
        line = [("    = ", "dim"), (where, "cyan"), (f": {related.message}", "")]
        lines.extend(wrap(line, width, 6))
    if finding.fix is not None:
        unsafe = "" if finding.fix.applicability == SAFE else " (unsafe: --unsafe-fixes)"
        line = [(f"    = fix{unsafe}: ", "dim"), (finding.fix.description, "green")]
        lines.extend(wrap(line, width, 6))
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
    return "".join(text for text, _ in summary_line(report))


def summary_line(report: Report) -> Line:
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
