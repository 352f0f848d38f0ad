"""``--baseline`` and ``--write-baseline`` between the run and the report.

The baseline hides findings after suppressions and ``--fix``, before the exit code is decided:
a baselined finding does not fail the run, and the formats report what is left (with the counts
in the text summary and the JSON report). Every baseline involved is read before any file is
linted, so a missing or broken one is a usage error (exit 2) with nothing printed yet.
"""

from __future__ import annotations

import sys

from mpilint.core.records import replace
from mpilint.report.result import BaselineCounts, Report
from mpilint.suppress.baseline import Baseline, BaselineError, load, record, sift

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from mpilint.config.project import Project
    from mpilint.inputs.files import InputFile

__all__ = ["BaselineError", "baselines_for", "hide", "write"]


def baselines_for(
    option: str | None, project: Project, files: Sequence[InputFile]
) -> Callable[[str], Baseline | None] | None:
    """Each checked file's baseline: ``--baseline``, else its configuration's ``baseline:``;
    None when no file has one. Reads them all now (``BaselineError``)."""
    loaded: dict[str, Baseline] = {}

    def path_for(file: str) -> str | None:
        return option if option is not None else project.config_for(file).baseline

    for file in files:
        path = path_for(file.path)
        if path is not None and path not in loaded:
            loaded[path] = load(path)
    if not loaded:
        return None

    def baseline_of(file: str) -> Baseline | None:
        path = path_for(file)
        if path is None:
            return None
        if path not in loaded:  # a file pairing brought in, governed by another configuration
            loaded[path] = load(path)
        return loaded[path]

    return baseline_of


def hide(
    report: Report,
    baseline_of: Callable[[str], Baseline | None],
    project: Project,
    quiet: bool,
) -> Report:
    """The report without the findings the baselines record; stale entries get one line on
    standard error (not with ``--quiet``, which promises silence when the run passes)."""
    from mpilint.core import catalog

    def ran(rule: str, file: str) -> bool:
        meta = catalog.resolve(rule)
        selection = project.selection(project.config_for(file))
        return meta is not None and selection.enabled(meta.id, meta.name)

    sifted = sift(report.findings, report.files, baseline_of, report.sources.get, ran)
    if sifted.stale and not quiet:
        files = sorted({path for path, _entry in sifted.stale})
        count = len(sifted.stale)
        print(
            f"mpilint: info: {count} baseline {'entry matches' if count == 1 else 'entries match'}"
            f" no finding any more (fixed, or their text changed) in {', '.join(files)};"
            " `--write-baseline` rewrites it without them",
            file=sys.stderr,
        )
    counts = BaselineCounts(sifted.matched, len(sifted.stale))
    return replace(report, findings=sifted.kept, baseline=counts)


def write(report: Report, path: str) -> None:
    """Record every finding of the report in ``path``, atomically (``OSError`` on failure)."""
    import io

    from mpilint.report.json import write_laid_out
    from mpilint.report.outputs import write_atomic

    buffer = io.StringIO()
    write_laid_out(record(report.findings, path, report.sources.get), buffer)
    write_atomic(path, buffer.getvalue())
    count = len(report.findings)
    print(
        f"mpilint: wrote {count} {'finding' if count == 1 else 'findings'} to the baseline {path}",
        file=sys.stderr,
    )
