"""Findings as immutable values.

Rules yield findings that point at spans; the engine stamps rule id, name and severity, and
reporters only read them. Keeping these plain immutable records (``mpilint.core.records``) lets
every stage (engine, suppressions, reporters, tests) share them without importing each other.
"""

from __future__ import annotations

import enum

from mpilint.core.records import Record, field

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass


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

    line: int
    column: int
    end_line: int
    end_column: int

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

    file: str
    span: Span
    message: str


class Edit(Record):
    """Replace the text of ``span`` (an empty span, ``end`` = start, inserts) in ``file``."""

    file: str
    span: Span
    replacement: str


SAFE, UNSAFE = "safe", "unsafe"


class Fix(Record):
    """Edits offered only where they are certainly right. A *safe* fix keeps what the job does
    (or makes it do what it plainly meant), so ``--fix`` and editors may apply it blindly; an
    *unsafe* one changes behaviour, and is applied only with ``--unsafe-fixes``."""

    description: str
    edits: tuple[Edit, ...]
    applicability: str = SAFE  # SAFE or UNSAFE


class Finding(Record):
    rule: str
    name: str
    severity: Severity
    message: str
    file: str
    span: Span
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    sort_key: tuple[str, int, int, str] = field(init=False)  # the order of reports

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "sort_key", (self.file, self.span.line, self.span.column, self.rule)
        )
