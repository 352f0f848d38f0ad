"""How a path mpilint found by itself is shown: relative to the working directory when the file
is under it, as the paths users type are.

A Dockerfile found by pairing, a manifest found from a changed Dockerfile or a configuration's
``images:`` entry are absolute inside mpilint; shown so, they would differ from the same file
named on the command line, and GitHub drops an annotation whose file is not relative to the
repository. Paths the user gave are shown as given (the JSON report's contract).
"""

from __future__ import annotations

import os


def shown(path: str) -> str:
    """``path`` relative to the working directory when it is absolute and under it."""
    if not os.path.isabs(path):
        return path
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path
    return path if relative == ".." or relative.startswith(".." + os.sep) else relative
