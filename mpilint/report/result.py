"""The result of a run: the findings, what was silenced, and the texts for code frames.

Reporters read a ``Report`` and nothing else; the run builds one and knows no reporter.
"""

from __future__ import annotations

from mpilint.core.findings import Finding, Severity
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


class Report(Record):
    files: tuple[str, ...]
    findings: tuple[Finding, ...]
    jobs: int
    sources: Sources
    # What comments and annotations silenced, with their reasons (shown by JSON and --verbose).
    suppressed: tuple[suppressions.Suppressed, ...] = ()

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)
