"""What the command line asked of a ``check`` run, as one typed value.

The CLI (``mpilint.cli``, on click) is the only module that reads argv; it builds a
``CheckOptions`` and hands it down, so configuration, the run and the reporters see typed fields
rather than a parser's namespace, and a program (the fuzzer, a future language server) can make
one without a command line. Values are kept as the user gave them (``--select MPL1,MPL3`` stays
one string): ``config.project.prepare`` splits and validates them, where a mistake can be reported
with the configuration's others.
"""

from __future__ import annotations

from mpilint.core.records import Record

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Final

FAIL_ON = ("error", "warning", "info", "never")
COLOR = ("auto", "always", "never")


class CheckOptions(Record):
    """The options of ``mpilint check``; the defaults are those of a bare ``mpilint PATH``."""

    __slots__ = (
        "color",
        "config",
        "extend_select",
        "fail_on",
        "formats",
        "ignore",
        "image",
        "isolated",
        "jobs",
        "output",
        "paths",
        "quiet",
        "select",
        "statistics",
        "verbose",
    )

    paths: Final[tuple[str, ...]]  # as given; "-" is standard input
    formats: Final[tuple[str, ...]]  # each FORMAT or FORMAT:PATH; () for the default text report
    output: Final[str | None]
    statistics: Final[bool]
    verbose: Final[bool]
    quiet: Final[bool]
    fail_on: Final[str | None]  # None: the configuration's, else warning
    select: Final[tuple[str, ...] | None]  # None: not given (the configuration's selection holds)
    ignore: Final[tuple[str, ...]]
    extend_select: Final[tuple[str, ...]]
    image: Final[tuple[str, ...]]  # each REF=PATH
    config: Final[str | None]
    isolated: Final[bool]
    jobs: Final[int | None]  # None: one process per core
    color: Final[str]

    def __init__(
        self,
        paths: tuple[str, ...],
        formats: tuple[str, ...] = (),
        output: str | None = None,
        statistics: bool = False,
        verbose: bool = False,
        quiet: bool = False,
        fail_on: str | None = None,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
        extend_select: tuple[str, ...] = (),
        image: tuple[str, ...] = (),
        config: str | None = None,
        isolated: bool = False,
        jobs: int | None = None,
        color: str = "auto",
    ) -> None:
        self.paths = paths
        self.formats = formats
        self.output = output
        self.statistics = statistics
        self.verbose = verbose
        self.quiet = quiet
        self.fail_on = fail_on
        self.select = select
        self.ignore = ignore
        self.extend_select = extend_select
        self.image = image
        self.config = config
        self.isolated = isolated
        self.jobs = jobs
        self.color = color
