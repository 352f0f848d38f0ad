"""The ``cli`` fixture; everything else tests share is in :mod:`tests.harness`.

``REPO``, ``JOB``, ``Result`` and ``write`` are still importable from here, for tests written
before the harness (and in other branches) that import them from conftest.
"""

from __future__ import annotations

import pytest

from tests.harness import JOB, REPO, Cli, Result, run, write

__all__ = ["JOB", "REPO", "Result", "cli", "write"]


@pytest.fixture
def cli() -> Cli:
    """Call ``mpilint`` as the console script does, in-process (fast), capturing both streams."""
    return run
