"""Findings as immutable values.

Rules yield findings that point at spans; the engine stamps rule id, name and severity, and
reporters only read them. Keeping these plain immutable records (``mpilint.core.records``) lets
every stage (engine, suppressions, reporters, tests) share them without importing each other.
"""

from __future__ import annotations

import enum

from mpilint.core.records import Record

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Final


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


class Span(Record):
    """A range in one file: 1-based line and column, ``end_column`` exclusive.

    Columns count Unicode code points, as the YAML and Dockerfile parsers do.
    """

    __slots__ = ("column", "end_column", "end_line", "line")

    line: Final[int]
    column: Final[int]
    end_line: Final[int]
    end_column: Final[int]

    def __init__(self, line: int, column: int, end_line: int, end_column: int) -> None:
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column

    def _key(self) -> tuple[int, int, int, int]:
        return (self.line, self.column, self.end_line, self.end_column)

    def __lt__(self, other: Span) -> bool:
        return self._key() < other._key()

    def __le__(self, other: Span) -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: Span) -> bool:
        return self._key() > other._key()

    def __ge__(self, other: Span) -> bool:
        return self._key() >= other._key()

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        return cls(line, column, line, column + 1)


class Related(Record):
    """The other half of a mistake ("worker replicas set here")."""

    __slots__ = ("file", "message", "span")

    file: Final[str]
    span: Final[Span]
    message: Final[str]

    def __init__(self, file: str, span: Span, message: str) -> None:
        self.file = file
        self.span = span
        self.message = message


class Edit(Record):
    __slots__ = ("file", "replacement", "span")

    file: Final[str]
    span: Final[Span]
    replacement: Final[str]

    def __init__(self, file: str, span: Span, replacement: str) -> None:
        self.file = file
        self.span = span
        self.replacement = replacement


class Fix(Record):
    """An edit offered only where it is certainly right, so editors may apply it blindly."""

    __slots__ = ("description", "edits")

    description: Final[str]
    edits: Final[tuple[Edit, ...]]

    def __init__(self, description: str, edits: tuple[Edit, ...]) -> None:
        self.description = description
        self.edits = edits


class Finding(Record):
    __slots__ = (
        "file",
        "fix",
        "message",
        "name",
        "related",
        "rule",
        "severity",
        "sort_key",
        "span",
    )
    _compared = ("rule", "name", "severity", "message", "file", "span", "related", "fix")

    rule: Final[str]
    name: Final[str]
    severity: Final[Severity]
    message: Final[str]
    file: Final[str]
    span: Final[Span]
    related: Final[tuple[Related, ...]]
    fix: Final[Fix | None]
    sort_key: Final[tuple[str, int, int, str]]

    def __init__(
        self,
        rule: str,
        name: str,
        severity: Severity,
        message: str,
        file: str,
        span: Span,
        related: tuple[Related, ...] = (),
        fix: Fix | None = None,
    ) -> None:
        self.rule = rule
        self.name = name
        self.severity = severity
        self.message = message
        self.file = file
        self.span = span
        self.related = related
        self.fix = fix
        self.sort_key = (file, span.line, span.column, rule)
