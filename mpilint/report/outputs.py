"""Where the report goes: which formats, to standard output or to files, and the extras
(``--statistics``, ``--quiet``).

A CI job usually wants several views of one run: annotations in the log (``github``), a SARIF
file to upload, a JSON file to archive. So ``--format`` repeats, and ``FORMAT:PATH`` sends a
format to a file; at most one format goes to standard output (or to ``--output``). The plan is
checked before any file is linted, so a typo fails fast with exit 2 instead of after the run.

Files are written whole or not at all: the report is rendered in memory, written to a temporary
file in the same directory and moved over the target with ``os.replace``, so a crash or a full
disk never leaves a truncated SARIF file for the next CI step to upload.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
from collections import Counter

from mpilint.core.records import Record

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Protocol, TextIO

    from mpilint.report.result import Report

FORMATS = ("full", "concise", "text", "json", "sarif", "github", "gitlab", "junit")
# formats that another program parses: nothing may follow them
MACHINE = ("json", "sarif", "gitlab", "junit")
# The formats people read, and their modules: ``text`` is the name ``full`` had before
# ``concise`` existed, kept for the command lines and configurations that use it.
HUMAN = {"full": "text", "text": "text", "concise": "concise"}


class OutputError(Exception):
    """A report cannot be written where it was asked (exit 2)."""


class Destination(Record):
    format: str
    path: str | None  # None: standard output


class Plan(Record):
    destinations: tuple[Destination, ...]
    statistics: bool = False
    quiet: bool = False
    verbose: bool = False


def plan(
    formats: list[str] | None,
    output: str | None = None,
    statistics: bool = False,
    quiet: bool = False,
    verbose: bool = False,
) -> Plan:
    """Check the ``--format``/``--output`` combination and say where each report goes."""
    if formats:
        specs = [_spec(value) for value in formats]
    else:  # `--statistics` alone replaces the default text report, as in ruff
        specs = [] if statistics and output is None else [Destination("full", None)]
    unnamed = [d for d in specs if d.path is None]
    if len(unnamed) > 1:
        raise OutputError(
            "only one format can go to standard output or --output; send the others to files"
            " with FORMAT:PATH (--format json:report.json)"
        )
    if output is not None:
        if not unnamed:
            raise OutputError("--output names the file of the one --format given without a path")
        specs = [Destination(d.format, output) if d.path is None else d for d in specs]
    paths = [d.path for d in specs if d.path is not None]
    if len(set(paths)) != len(paths):
        raise OutputError("two formats are written to the same file")
    for path in paths:
        _check_writable(path)
    to_stdout = next((d.format for d in specs if d.path is None), None)
    if statistics and to_stdout in MACHINE:
        raise OutputError(
            f"--statistics would add text to the {to_stdout} on standard output; write the"
            f" {to_stdout} to a file (--format {to_stdout}:PATH)"
        )
    return Plan(tuple(specs), statistics, quiet, verbose)


def emit(
    plan: Plan,
    report: Report,
    out: TextIO,
    color: bool,
    passed: bool,
    width: int | None = None,
) -> None:
    """Write every report of the plan; ``passed`` (the exit code is 0) lets --quiet say nothing;
    the full report's prose on standard output is wrapped to ``width`` when given (a file's
    never is)."""
    for destination in plan.destinations:
        if destination.path is None:
            _to_stream(destination.format, report, out, color, plan, passed, width)
    if plan.statistics:
        out.write(statistics(report))
    for destination in plan.destinations:
        if destination.path is not None:
            buffer = io.StringIO()
            _reporter(destination.format).render(report, buffer, color=False)
            write_atomic(destination.path, buffer.getvalue())


def statistics(report: Report) -> str:
    """One line per rule: count, id, name; the most frequent first."""
    counts = Counter((f.rule, f.name) for f in report.findings)
    if not counts:
        return ""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max(len(str(count)) for count in counts.values())
    return "".join(f"{count:>{width}}  {rule}  {name}\n" for (rule, name), count in ordered)


def write_atomic(path: str, text: str) -> None:
    """Replace ``path`` with ``text`` in one step, or leave it untouched."""
    import tempfile  # only when a report goes to a file: its import costs about 2 ms

    directory = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(
        dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _to_stream(
    format_: str,
    report: Report,
    out: TextIO,
    color: bool,
    plan: Plan,
    passed: bool,
    width: int | None,
) -> None:
    if format_ in HUMAN:
        from mpilint.report import text

        if plan.quiet:
            if not passed:
                out.write(text.summary(report) + "\n")
            return
        if HUMAN[format_] == "text":
            text.render(report, out, color=color, verbose=plan.verbose, width=width)
            return
    _reporter(format_).render(report, out, color=color)


if TYPE_CHECKING:

    class _Reporter(Protocol):
        """What every module of mpilint.report provides."""

        def render(self, report: Report, out: TextIO, color: bool = ...) -> None: ...


def _reporter(format_: str) -> _Reporter:
    """The reporter module, imported only when its format is asked for."""
    module: _Reporter = importlib.import_module(f"mpilint.report.{HUMAN.get(format_, format_)}")
    return module


def _spec(value: str) -> Destination:
    name, colon, path = value.partition(":")
    if name in FORMATS and colon:
        if not path:
            raise OutputError(f"--format {value}: the file name after ':' is missing")
        return Destination(name, path)
    if value in FORMATS:
        return Destination(value, None)
    raise OutputError(
        f"unknown format {value!r}: choose from {', '.join(FORMATS)}, optionally as FORMAT:PATH"
    )


def _check_writable(path: str) -> None:
    directory = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise OutputError(f"cannot write the report to {path}: it is a directory")
    if not os.path.isdir(directory):
        raise OutputError(f"cannot write the report to {path}: no directory {directory}")


def _mode_for(path: str) -> int:
    """Keep an existing report's permissions; a new one gets the usual umask-based mode
    (mkstemp alone would make it private)."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
