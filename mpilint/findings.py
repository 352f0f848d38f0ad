"""Findings as immutable values.

Rules yield findings that point at spans; the engine stamps rule id, name and severity, and
reporters only read them. Keeping these plain frozen dataclasses lets every stage (engine,
suppressions, reporters, tests) share them without importing each other.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """Ordered so that ``--fail-on`` is a simple comparison."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


@dataclass(frozen=True, order=True)
class Span:
    """A range in one file: 1-based line and column, ``end_column`` exclusive.

    Columns count Unicode code points, as the YAML and Dockerfile parsers do.
    """

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        return cls(line, column, line, column + 1)


@dataclass(frozen=True)
class Related:
    """The other half of a mistake ("worker replicas set here")."""

    file: str
    span: Span
    message: str


@dataclass(frozen=True)
class Edit:
    file: str
    span: Span
    replacement: str


@dataclass(frozen=True)
class Fix:
    """An edit offered only where it is certainly right, so editors may apply it blindly."""

    description: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    severity: Severity
    message: str
    file: str
    span: Span
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    sort_key: tuple[str, int, int, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "sort_key", (self.file, self.span.line, self.span.column, self.rule)
        )
