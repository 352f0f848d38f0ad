"""``--fix`` and ``--diff`` at the command line: run the fix rounds, then write or show.

Kept apart from ``commands`` so that a plain check never imports the fixer. Errors for one file
(read-only, changed meanwhile, folder not writable) are one line each on standard error; the
other files are still fixed and the run then exits 2, as for any file mpilint could not handle.
"""

from __future__ import annotations

import sys

from mpilint.core.records import replace
from mpilint.fix.diff import unified
from mpilint.fix.rounds import Fixed, fix_run
from mpilint.fix.write import write_fixed
from mpilint.run.lint import run

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import TextIO

    from mpilint.config.project import Project
    from mpilint.inputs.files import InputFile
    from mpilint.report.result import Report

EXIT_OK, EXIT_FINDINGS = 0, 1


def diff(
    files: list[InputFile],
    project: Project,
    processes: int,
    unsafe: bool,
    report: Report,
    out: TextIO,
) -> int:
    """Print the diff of every file a fix would change; exit 1 when there is one."""
    fixed = fix_run(files, project, processes, unsafe, report)
    for path in _in_order(files, fixed):
        out.write(unified(path, fixed.original[path], fixed.texts[path]))
    _say_converged(fixed)
    if fixed.applied:
        plural = "s" if fixed.applied != 1 else ""
        print(f"mpilint: would fix {fixed.applied} problem{plural}", file=sys.stderr)
    return EXIT_FINDINGS if fixed.texts else EXIT_OK


def fix(
    files: list[InputFile],
    project: Project,
    processes: int,
    unsafe: bool,
    report: Report,
    out: TextIO,
) -> tuple[Report, bool, TextIO]:
    """Write the fixed files; (the report of what is left, whether a write failed, where the
    report goes: standard error when standard input's fixed text took standard output)."""
    fixed = fix_run(files, project, processes, unsafe, report)
    _say_converged(fixed)
    failed = False
    for path in _in_order(files, fixed):
        if any(f.stdin and f.path == path for f in files):
            continue
        written = write_fixed(path, fixed.original[path], fixed.texts[path])
        if written.error is not None:
            print(f"mpilint: error: cannot fix {path}: {written.error}", file=sys.stderr)
            failed = True
        elif written.target != path:
            print(
                f"mpilint: fixed {written.target}, which the symbolic link {path} points to",
                file=sys.stderr,
            )
    result = fixed.report
    if failed:
        # What is on disk now, not the fixed texts some files could not take.
        on_disk = [f if f.stdin else replace(f, content=None) for f in files]
        result = run(on_disk, project=project, processes=processes)
    for file in files:
        if file.stdin:
            text = fixed.texts.get(file.path)
            if text is None and file.content is not None:
                text = file.content.text
            out.write(text or "")
            out.flush()
            out = sys.stderr
    return replace(result, fixed=fixed.applied), failed, out


def _in_order(files: list[InputFile], fixed: Fixed) -> list[str]:
    return [f.path for f in files if f.path in fixed.texts]


def _say_converged(fixed: Fixed) -> None:
    if not fixed.converged:
        print(
            "mpilint: warning: fixes were still offered after 10 rounds; the rest are reported",
            file=sys.stderr,
        )
