"""Linting the folders of a large tree in several processes.

Units (folders) are independent except through the image cache, which each process keeps for
itself, so they can go to any process; ``imap`` gives the results back in the order of the
units, and the engine merges them in that order, which makes the report of a parallel run the
same as a serial one. Processes are forked: a child starts with the rules, the configuration
and the pairing already loaded, where a spawned one would import everything again (about
0.1 s each). Without ``fork`` (Windows), or for a run too small to repay starting processes
(the pre-commit case), the units are linted here, in order.

Nothing native is loaded before the fork: Dockerfiles are read by a pure-Python reader
(``mpilint.sources.dockerparse``). Until issue 19 they were read by BuildKit's Go binding, whose
runtime threads a forked child lacks (its first parse waited for them forever), and a process that
had loaded it was not forked; a program that loads the binding for its own use may still call
the engine with several processes, since a child never calls into it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from mpilint.run.lint import Linter, Unit, UnitResult

# Below this many files, starting processes (a few ms each, plus pickling) costs more than
# the second core gives back.
MIN_FILES = 40

_linter: Linter | None = None  # the forked children's copy


def default_processes() -> int:
    """The cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def lint_units(linter: Linter, units: list[Unit], processes: int) -> Iterator[UnitResult]:
    files = sum(len(u.dockerfiles) + len(u.manifests) for u in units)
    workers = min(processes, len(units))
    reads_stdin = bool(linter.given)  # one text, read in this process
    if workers < 2 or files < MIN_FILES or reads_stdin or not _forkable():
        for unit in units:
            yield linter.lint(unit)
        return
    import multiprocessing  # about 6 ms: only for runs that use it

    global _linter
    _linter = linter
    context = multiprocessing.get_context("fork")
    # Small chunks keep both processes busy to the end; large ones pickle less often.
    chunk = max(1, min(32, len(units) // (workers * 8)))
    try:
        with context.Pool(workers) as pool:
            yield from pool.imap(_lint_in_child, units, chunksize=chunk)
    finally:
        _linter = None


def _forkable() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _lint_in_child(unit: Unit) -> UnitResult:
    assert _linter is not None, "a child process forked without a linter"
    return _linter.lint(unit)
