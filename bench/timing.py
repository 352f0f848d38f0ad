"""Whole-process timing: wall clock, CPU time and peak memory of a command, and paired ratios.

The method of ``perf-baseline.md``: a monotonic clock around start and reap, CPU and peak RSS
from the kernel's accounting of the finished child (``os.wait4``; CPU includes the children it
waited for, such as mpilint's worker processes, and the peak is the largest single process).
Ratios are *paired*: the command and its yardstick run alternately and the median of the
per-pair ratios is reported, so a noisy neighbour slows both sides of a pair alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds, with the children it waited for
    peak_mib: float  # the largest resident set of the process or one of its children
    code: int


# Installed packages have their bytecode; a run must not be charged for compiling every module
# because the shell says PYTHONDONTWRITEBYTECODE (some sandboxes and CI images do), nor for
# writing its report a line at a time because the shell says PYTHONUNBUFFERED: users' shells
# set neither.
_ENV = {
    k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED")
}


def measure(command: Sequence[str], cwd: str | None = None) -> Sample:
    with open(os.devnull, "wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(list(command), stdout=sink, stderr=sink, cwd=cwd, env=_ENV)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # already reaped: tell Popen
    per_mib = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes / KiB
    return Sample(
        wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / per_mib, process.returncode
    )


@dataclass(frozen=True)
class Series:
    samples: tuple[Sample, ...]

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def wall_range(self) -> tuple[float, float]:
        return min(s.wall for s in self.samples), max(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def peak_mib(self) -> float:
        return statistics.median(s.peak_mib for s in self.samples)


def paired(
    command: Sequence[str], yardstick: Sequence[str], runs: int, warmup: int = 1
) -> tuple[Series, Series, float]:
    """Both commands ``runs`` times, alternating, after ``warmup`` unrecorded pairs; the median
    of the per-pair ratios command/yardstick."""
    ours: list[Sample] = []
    theirs: list[Sample] = []
    for index in range(warmup + runs):
        a = measure(command)
        b = measure(yardstick)
        if index >= warmup:
            ours.append(a)
            theirs.append(b)
    ratio = statistics.median(a.wall / b.wall for a, b in zip(ours, theirs, strict=True))
    return Series(tuple(ours)), Series(tuple(theirs)), ratio


def series(command: Sequence[str], runs: int, warmup: int = 1) -> Series:
    samples = [measure(command) for _ in range(warmup + runs)]
    return Series(tuple(samples[warmup:]))
