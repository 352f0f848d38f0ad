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
    pass

FAIL_ON = ("error", "warning", "info", "never")
COLOR = ("auto", "always", "never")


class CheckOptions(Record):
    """The options of ``mpilint check``; the defaults are those of a bare ``mpilint PATH``."""

    paths: tuple[str, ...]  # as given; "-" is standard input
    stdin_filename: str | None = None  # standard input is reported and configured as this path
    force_exclude: bool = False  # exclude applies to named paths too (pre-commit)
    formats: tuple[str, ...] = ()  # each FORMAT or FORMAT:PATH; () for the default text report
    output: str | None = None
    statistics: bool = False
    verbose: bool = False
    quiet: bool = False
    fail_on: str | None = None  # None: the configuration's, else warning
    select: tuple[str, ...] | None = None  # None: not given (the configuration's selection holds)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    image: tuple[str, ...] = ()  # each REF=PATH
    config: str | None = None
    isolated: bool = False
    jobs: int | None = None  # None: one process per core
    color: str = "auto"
    fix: bool = False  # apply the safe fixes, then report what is left
    diff: bool = False  # print the fixes as a unified diff instead of writing them
    unsafe_fixes: bool = False  # the unsafe fixes too (without it: shown, never applied)
    target: tuple[str, ...] = ()  # each OPERATOR=RELEASE
    baseline: str | None = None  # hide the findings this baseline records (beats the config's)
    write_baseline: str | None = None  # record the findings in this file instead of reporting
