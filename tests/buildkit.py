"""BuildKit's parser (the ``dockerfile`` Go binding): the oracle of the tests, never of mpilint.

Its wheels exist for Linux x86_64 (glibc), Windows and macOS, not for Linux aarch64 or musl
(issue 19), so where it is missing a developer sees the tests that need it skipped; with ``CI``
set they fail, because CI runs on Linux x86_64, where it installs, and a differential test that
skipped there would prove nothing about the reader mpilint runs.
"""

from __future__ import annotations

import os
from types import ModuleType

import pytest

MISSING = (
    "BuildKit's parser (the `dockerfile` binding, in mpilint[test]) is not installed: it has"
    " wheels for Linux x86_64 (glibc), Windows and macOS only"
)


def installed() -> ModuleType | None:
    """The binding, or None where it is not installed (a failure under CI)."""
    try:
        import dockerfile
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail(MISSING)
        return None
    return dockerfile


def required() -> ModuleType:
    """The binding, or skip the test (or module) that needs it; fail under CI."""
    found = installed()
    if found is None:
        pytest.skip(MISSING, allow_module_level=True)
    return found
