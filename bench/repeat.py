"""Memory of one process that lints again and again, as an editor's language server does.

Lints the same files (``examples/good`` by default: a manifest and its Dockerfile) ``--runs``
times in this process through ``mpilint.cli.main`` and prints how the Python heap (tracemalloc)
and the resident set (RSS) grew between run ``--after`` and the last. A run keeps nothing: what
it needs is made for it (``Project``, ``Pairing``, ``Linter``) and the module-level caches left
are bounded, so the heap stays flat once they are full. RSS also counts native memory: with
BuildKit's Go binding, before issue 19, it grew about 5 MiB over 900 runs; ``--untraced``
measures it without tracemalloc (whose own traces are in RSS), as ``tests/run/test_state.py``
does with fewer runs.

Usage: ``python bench/repeat.py [--runs 1000] [--after 100] [PATH ...]``.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def rss_kib() -> int:
    """The resident set of this process, from /proc (0 where there is none)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _binding_line() -> tuple[str, int]:
    """Where ``load_image`` calls the Dockerfile parser (the pure-Python reader since issue 19;
    BuildKit's binding before): what it allocates is traced there."""
    from mpilint.models.image import dockerfile

    path = dockerfile.__file__
    with open(path, encoding="utf-8") as source:
        for number, line in enumerate(source, start=1):
            if "parse_dockerfile(clean)" in line:
                return path, number
    raise LookupError("load_image no longer calls parse_dockerfile(clean)")


def _heap(binding: tuple[str, int]) -> tuple[int, int]:
    """Bytes traced now: mpilint's and the libraries' it calls, and the parser binding's."""
    import gc

    gc.collect()
    snapshot = tracemalloc.take_snapshot().filter_traces(
        [tracemalloc.Filter(False, tracemalloc.__file__)]
    )
    inside = snapshot.filter_traces([tracemalloc.Filter(True, binding[0], binding[1])])
    total = sum(s.size for s in snapshot.statistics("filename"))
    parser = sum(s.size for s in inside.statistics("filename"))
    return total - parser, parser


def repeat(paths: Sequence[str], runs: int, after: int) -> dict[str, float]:
    """Growth (KiB) from run ``after`` to run ``runs``: of the Python heap without what the
    parser binding leaks there (``heap``), of the binding's (``parser``: it loses a few dozen
    Python objects, about 3 KiB, at each parse of examples/good), of RSS; and seconds a run."""
    from mpilint.cli import main

    binding = _binding_line()
    first = ""
    # Each measure is the least of ten runs in a row: one run's leftovers (a freed block not yet
    # reused, a dict not yet shrunk) come and go, what stays is what a run keeps.
    window = min(10, max(1, (runs - after) // 2))
    start: list[tuple[int, int]] = []
    end: list[tuple[int, int]] = []
    rss_at = 0
    tracemalloc.start(1)  # the innermost frame is enough to place the parser's allocations
    started = time.perf_counter()
    for number in range(1, runs + 1):
        out = io.StringIO()
        main(["--format", "json", *paths], stdout=out)
        if number == 1:
            first = out.getvalue()
        elif out.getvalue() != first:
            raise AssertionError(f"run {number} gave another report than the first")
        if number == after:
            rss_at = rss_kib()
        if after <= number < after + window:
            start.append(_heap(binding))
        elif number > runs - window:
            end.append(_heap(binding))
    elapsed = time.perf_counter() - started
    rss_end = rss_kib()
    tracemalloc.stop()
    heap_at, heap_end = min(h for h, _ in start), min(h for h, _ in end)
    parser_at, parser_end = start[0][1], end[-1][1]
    return {
        "heap_growth_kib": (heap_end - heap_at) / 1024,
        "heap_kib": heap_end / 1024,
        "parser_growth_kib": (parser_end - parser_at) / 1024,
        "rss_growth_kib": float(rss_end - rss_at),
        "seconds_per_run": elapsed / runs,
    }


def untraced(paths: Sequence[str], runs: int, after: int) -> dict[str, float]:
    """RSS growth (KiB) from run ``after`` to run ``runs``, with nothing traced: what an editor's
    server would see (issue 19: under 1 MiB over 1,000 lints). tracemalloc keeps its own traces
    in RSS, so :func:`repeat` cannot say this. Both ends are the least RSS over ten runs in a
    row, as for the heap.

    The first two thousand runs or so also fill CPython's free lists (freed tuples and the like
    kept for reuse, a bounded number of each size): about 1 MiB of RSS for examples/good, which
    a full collection gives back to the allocator (not to the system) and nothing grows after.
    Give ``after`` past them to see what runs keep."""
    import gc

    from mpilint.cli import main

    first = ""
    window = min(10, max(1, (runs - after) // 2))
    start: list[int] = []
    end: list[int] = []
    started = time.perf_counter()
    for number in range(1, runs + 1):
        out = io.StringIO()
        main(["--format", "json", *paths], stdout=out)
        if number == 1:
            first = out.getvalue()
        elif out.getvalue() != first:
            raise AssertionError(f"run {number} gave another report than the first")
        if after <= number < after + window or number > runs - window:
            gc.collect()
            (start if number < after + window else end).append(rss_kib())
    elapsed = time.perf_counter() - started
    return {
        "rss_growth_kib": float(min(end) - min(start)),
        "rss_kib": float(min(end)),
        "seconds_per_run": elapsed / runs,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(REPO / "examples" / "good")])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--after", type=int, default=100)
    parser.add_argument(
        "--untraced", action="store_true", help="RSS only, without tracemalloc (issue 19's measure)"
    )
    options = parser.parse_args(argv)
    if options.untraced:
        result = untraced(options.paths, options.runs, options.after)
        print(
            f"{options.runs} runs of mpilint {' '.join(options.paths)} in one process"
            f" ({result['seconds_per_run'] * 1000:.1f} ms a run, untraced):\n"
            f"  RSS: {result['rss_kib']:.0f} KiB at the end, grew"
            f" {result['rss_growth_kib']:.0f} KiB from run {options.after}"
        )
        return 0
    result = repeat(options.paths, options.runs, options.after)
    print(
        f"{options.runs} runs of mpilint {' '.join(options.paths)} in one process"
        f" ({result['seconds_per_run'] * 1000:.1f} ms a run, traced):\n"
        f"  Python heap: {result['heap_kib']:.0f} KiB at the end, grew"
        f" {result['heap_growth_kib']:.1f} KiB from run {options.after}\n"
        f"  Python heap the parser binding leaked: grew {result['parser_growth_kib']:.1f} KiB\n"
        f"  RSS: grew {result['rss_growth_kib']:.0f} KiB from run {options.after}"
        " (tracemalloc's own traces too: see --untraced)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
