"""Regular expressions compiled the first time they are used, not at import.

Compiling a pattern costs 40 to 200 µs, and a pre-commit run over one manifest and one
Dockerfile meets only some of mpilint's patterns: the larger ones that such a run often does not
need (heredocs, suppression comments, Helm-like references) wait until a file needs them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable


def lazy(source: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function that returns the compiled pattern, compiling it on its first call."""

    @functools.cache
    def compiled() -> re.Pattern[str]:
        return re.compile(source, flags)

    return compiled
