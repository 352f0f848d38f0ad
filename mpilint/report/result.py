"""The result of a run: the findings, what was silenced, and the texts for code frames.

Reporters read a ``Report`` and nothing else; the run builds one and knows no reporter.
"""

from __future__ import annotations

from mpilint.core.findings import SAFE, Finding, Severity
from mpilint.core.records import Record
from mpilint.inputs.files import read_text
from mpilint.suppress import directives as suppressions

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass


class Sources:
    """The texts of the files findings point into, for code frames. They are read again when
    the text report asks, so a run over ten thousand files does not hold their texts; only
    standard input, which cannot be read twice, is kept (under ``--stdin-filename``'s path,
    which may not exist, or differ from what was piped)."""

    def __init__(self, kept: dict[str, str] | None = None) -> None:
        self._kept = kept or {}

    def get(self, path: str, default: str = "") -> str:
        if path in self._kept:
            return self._kept[path]
        text = read_text(path).text if path != "-" else None
        return default if text is None else text


class JobPair(Record):
    """What one job was checked against: a Dockerfile, a well-known image read as it is
    (``image``), or nothing, in which case the rules that read the image (MPL2xx, MPL3xx) did
    not run on it. A user who sees "No problems found" must be able to tell which."""

    file: str
    line: int  # of the job's document
    job: str | None  # metadata.name
    image: str | None  # the launcher's image reference, else the worker's
    dockerfile: str | None  # None also when the image was read as it is (``by`` "as-is")
    by: str  # which step decided (pairing.images.BY_*, or "as-is")
    how: str  # that step in words, for --verbose


class BaselineCounts(Record):
    """What ``--baseline`` (or the configuration's ``baseline:``) did in this run."""

    matched: int  # findings hidden because a baseline records them
    stale: int  # entries of checked files that no finding matched any more


class Report(Record):
    files: tuple[str, ...]
    findings: tuple[Finding, ...]
    jobs: int
    sources: Sources
    # What comments and annotations silenced, with their reasons (shown by JSON and --verbose).
    suppressed: tuple[suppressions.Suppressed, ...] = ()
    pairs: tuple[JobPair, ...] = ()  # one per job, in the order of the files
    # About the run rather than a place in a file (how to pair jobs that paired with nothing).
    notes: tuple[str, ...] = ()
    fixed: int = 0  # findings ``--fix`` repaired before this report (of the fixed texts)
    unsafe_fixes: bool = False  # ``--unsafe-fixes``: unsafe fixes count as applicable
    # The operator releases the jobs were checked for, one entry per distinct target in the run
    # (each operator's release, the newest where none was named); ``target_named``: some file's
    # target was asked for (configuration or --target), so the text report says which.
    targets: tuple[tuple[tuple[str, str], ...], ...] = ()
    target_named: bool = False
    baseline: BaselineCounts | None = None  # None: no baseline was used

    def fixable(self, finding: Finding) -> bool:
        """Whether ``--fix`` (with this run's ``--unsafe-fixes``) would repair the finding."""
        fix = finding.fix
        return fix is not None and (self.unsafe_fixes or fix.applicability == SAFE)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)
