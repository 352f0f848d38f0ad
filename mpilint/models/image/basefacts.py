"""What well-known base images contain besides users: MPI, OpenSSH, ENTRYPOINT/CMD/USER.

``bases.py`` answers "which users does ``FROM x`` bring"; this table answers the software
questions rules ask of the same images: which MPI (and which Open MPI major: the v2beta1
operator's ORTE-era variables only work before Open MPI 5), whether ``openssh-server`` and
``openssh-client`` are there, and the process settings an image inherits (the mpioperator Intel
and MPICH images start through ``/entrypoint.sh``).  Sources: mpi-operator ``build/base/*``
(shared domain notes, section 4) and the Docker official images.

Every field distinguishes "known to be absent" from "unknown": ``None`` always means unknown,
and an empty tuple or ``False`` means known absent.  An image missing from the table is unknown
in every field, so rules that need a fact stay silent instead of guessing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from mpilint.core.records import Record, replace
from mpilint.models.image.reference import glob_matches, reference_matches, split_image

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass

__all__ = [
    "UNKNOWN_BASE",
    "BaseMPI",
    "BaseSoftware",
    "distro_openmpi_version",
    "lookup_software",
    "run_as_is",
]


class BaseMPI(Record):
    family: str  # "OpenMPI", "Intel" or "MPICH": the values of spec.mpiImplementation
    version: str | None  # "4.1.4", "5.0.7", "5.0" (patch unknown); None when the tag does not tell
    note: str = ""  # "HPC-X" and the like, for messages


class BaseSoftware(Record):
    """Software facts of one base image; ``None`` = unknown, ``()``/``False``/``""`` = absent.

    ``packages_known``: the image's package set is known well enough that installs on top of
    it decide whether OpenSSH is there (an OS image).  ``os`` names the package family
    ("debian", "rhel", "alpine") and ``release`` the distribution release (``bookworm``),
    which fixes the version of distribution MPI packages.  ``user`` is the image's USER
    (``""``: none set, so root).  ``sshd_capability`` is a file capability set on
    ``/usr/sbin/sshd`` (``""``: none).
    """

    mpis: tuple[BaseMPI, ...] | None = None
    openssh_server: bool | None = None
    openssh_client: bool | None = None
    packages_known: bool = False
    os: str | None = None
    release: str | None = None
    entrypoint: tuple[str, ...] | None = None
    cmd: tuple[str, ...] | None = None
    user: str | None = None
    env_known: bool = False
    sshd_capability: str | None = None


UNKNOWN_BASE = BaseSoftware()
_SCRATCH = BaseSoftware(
    mpis=(),
    openssh_server=False,
    openssh_client=False,
    packages_known=True,
    entrypoint=(),
    cmd=(),
    user="",
    env_known=True,
    sshd_capability="",
)

# Open MPI in each distribution release's ``openmpi-bin`` (shared domain notes, P11 and C2):
# the patch level matters, since Open MPI 5.0.1-5.0.5 honour the operator's ORTE-era variables
# and 5.0.0 and 5.0.6 onwards ignore them.
_DISTRO_OPENMPI = {
    "bookworm": "4.1.4",
    "trixie": "5.0.7",
    "noble": "4.1.6",
    "oracular": "4.1.6",
    "plucky": "5.0.7",
}
_RELEASE_NUMBERS = {
    "12": "bookworm",
    "13": "trixie",
    "24.04": "noble",
    "24.10": "oracular",
    "25.04": "plucky",
}


def distro_openmpi_version(release: str | None) -> str | None:
    """The Open MPI version ``openmpi-bin`` installs on a release, where the notes say it."""
    return _DISTRO_OPENMPI.get(release or "")


def _release_in(tag: str | None, numbers: bool) -> str | None:
    """The release a tag names: a codename anywhere (``3.12-slim-bookworm``), or, for the
    distribution's own image, a leading version number (``12.5-slim``, ``24.04``)."""
    if tag is None:
        return None
    for codename in _DISTRO_OPENMPI:
        if re.search(rf"(?:^|[-_.]){codename}(?:$|[-_.])", tag):
            return codename
    if numbers:
        for number, codename in _RELEASE_NUMBERS.items():
            if re.match(rf"^{re.escape(number)}(?:$|[-_.])", tag):
                return codename
    return None


def _os_image(os: str, cmd: tuple[str, ...], numbers: bool = True) -> _Entry:
    def facts(tag: str | None) -> BaseSoftware:
        return BaseSoftware(
            mpis=(),
            openssh_server=False,
            openssh_client=False,
            packages_known=True,
            os=os,
            release=_release_in(tag, numbers) if os == "debian" else None,
            entrypoint=(),
            cmd=cmd,
            user="",
            env_known=True,
            sshd_capability="",
        )

    return facts


def _python(tag: str | None) -> BaseSoftware:
    """``python:3.12`` is built on buildpack-deps, whose ``scm`` layer has openssh-client;
    ``-slim`` has no OpenSSH at all; Alpine and Windows variants are left unknown."""
    text = tag or ""
    if "alpine" in text or "windows" in text or "nanoserver" in text:
        return UNKNOWN_BASE
    base = _os_image("debian", ("python3",), numbers=False)(tag)
    return replace(base, openssh_client="slim" not in text)


def _buildpack_client(tag: str | None) -> BaseSoftware:
    """buildpack-deps tags: ``bookworm-curl`` (no OpenSSH), ``bookworm-scm`` and ``bookworm``
    (openssh-client from the scm layer)."""
    base = _os_image("debian", ("bash",), numbers=False)(tag)
    return replace(base, cmd=None, openssh_client=not (tag or "").endswith("curl"))


def _cuda(tag: str | None) -> BaseSoftware:
    """CUDA images hold no MPI; whether OpenSSH is there is left unknown."""
    text = tag or ""
    os = "rhel" if re.search(r"ubi\d|rockylinux\d|centos\d|oraclelinux\d", text) else None
    match = re.search(r"ubuntu(\d\d\.\d\d)", text)
    if match:
        os = "debian"
    release = _RELEASE_NUMBERS.get(match.group(1)) if match else None
    return BaseSoftware(mpis=(), os=os, release=release)


def _operator_version(tag: str | None) -> tuple[int, int] | None:
    match = re.match(r"^v?(\d+)\.(\d+)(?:\.\d+)?$", tag or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def _operator_release(tag: str | None) -> str | None:
    """mpi-operator v0.6.0 moved its images to Debian bookworm, v0.7.0 to trixie."""
    version = _operator_version(tag)
    if version is None:
        return None
    if version >= (0, 7):
        return "trixie"
    return "bookworm" if version >= (0, 6) else None


def _operator_openmpi(tag: str | None) -> str | None:
    """Debian's ``openmpi-bin`` of the image's release (build/base/openmpi.Dockerfile installs
    it at every tag): 4.1.4 on bookworm (v0.6.x), 5.0.7 on trixie (from v0.7.0); 4.1 on the
    bullseye of v0.4.x-v0.5.x; ``latest`` and the rest: unknown."""
    version = _operator_version(tag)
    if version is None:
        return None
    return distro_openmpi_version(_operator_release(tag)) or "4.1"


_OPERATOR_BASE = BaseSoftware(
    mpis=(),
    openssh_server=True,
    openssh_client=True,
    packages_known=True,
    os="debian",
    entrypoint=(),
    cmd=("bash",),
    user="",
    env_known=True,
    sshd_capability="CAP_NET_BIND_SERVICE=+eip",
)


def _operator(mpi: str | None, entrypoint: bool) -> _Entry:
    def facts(tag: str | None) -> BaseSoftware:
        mpis: tuple[BaseMPI, ...] = ()
        if mpi == "OpenMPI":
            mpis = (BaseMPI("OpenMPI", _operator_openmpi(tag)),)
        elif mpi is not None:
            mpis = (BaseMPI(mpi, None),)
        return replace(
            _OPERATOR_BASE,
            mpis=mpis,
            release=_operator_release(tag),
            entrypoint=("/entrypoint.sh",) if entrypoint else (),
            cmd=() if entrypoint else ("bash",),
        )

    return facts


def _builder(mpi: str) -> _Entry:
    """The ``*-builder`` images compile programs; their OpenSSH and process settings changed
    between releases, so only the MPI is stated."""

    def facts(tag: str | None) -> BaseSoftware:
        release = _operator_release(tag)
        version = distro_openmpi_version(release) if mpi == "OpenMPI" else None
        return BaseSoftware(mpis=(BaseMPI(mpi, version),), os="debian", release=release)

    return facts


def _fixed(facts: BaseSoftware) -> _Entry:
    return lambda _tag: facts


_Entry = Callable[[str | None], BaseSoftware]

# Repository patterns (``fnmatch`` on the canonical repository) → facts for a tag.
KNOWN_SOFTWARE: dict[str, _Entry] = {
    "mpioperator/base": _operator(None, entrypoint=False),
    "mpioperator/openmpi": _operator("OpenMPI", entrypoint=False),
    "mpioperator/intel": _operator("Intel", entrypoint=True),
    "mpioperator/mpich": _operator("MPICH", entrypoint=True),
    "mpioperator/openmpi-builder": _builder("OpenMPI"),
    "mpioperator/intel-builder": _builder("Intel"),
    "mpioperator/mpich-builder": _builder("MPICH"),
    # Horovod's image builds Open MPI and installs both OpenSSH packages; no USER.
    "horovod/horovod": _fixed(
        BaseSoftware(
            mpis=(BaseMPI("OpenMPI", None),),
            openssh_server=True,
            openssh_client=True,
            os="debian",
            user="",
        )
    ),
    # NGC framework images ship Open MPI inside HPC-X.
    "nvcr.io/nvidia/pytorch": _fixed(BaseSoftware(mpis=(BaseMPI("OpenMPI", None, "HPC-X"),))),
    "nvcr.io/nvidia/tensorflow": _fixed(BaseSoftware(mpis=(BaseMPI("OpenMPI", None, "HPC-X"),))),
    "intel/oneapi-hpckit": _fixed(BaseSoftware(mpis=(BaseMPI("Intel", None),))),
    "debian": _os_image("debian", ("bash",)),
    "ubuntu": _os_image("debian", ("/bin/bash",)),
    "centos": _os_image("rhel", ("/bin/bash",)),
    "rockylinux": _os_image("rhel", ("/bin/bash",)),
    "rockylinux/rockylinux": _os_image("rhel", ("/bin/bash",)),
    "almalinux": _os_image("rhel", ("/bin/bash",)),
    "fedora": _os_image("rhel", ("/bin/bash",)),
    "alpine": _os_image("alpine", ("/bin/sh",)),
    "python": _python,
    "buildpack-deps": _buildpack_client,
    "nvidia/cuda": _cuda,
    "nvcr.io/nvidia/cuda": _cuda,
}


def lookup_software(
    ref: str | None, declared: tuple[tuple[str, BaseSoftware], ...] = ()
) -> BaseSoftware:
    """Software facts of ``FROM ref``; every field unknown when the image is not in the table.
    ``declared`` (a team's own base images, ``Declared.software``) is consulted first."""
    if ref is None:
        return UNKNOWN_BASE
    if ref.strip().lower() == "scratch":
        return _SCRATCH
    for glob, facts in declared:
        if reference_matches(glob, ref):
            return facts
    return _built_in(ref)


@functools.lru_cache(maxsize=256)
def _built_in(ref: str) -> BaseSoftware:
    """The built-in table's facts (kept: every stage of every Dockerfile asks, of few images)."""
    parts = split_image(ref)
    for pattern, entry in KNOWN_SOFTWARE.items():
        if glob_matches(parts.repository, split_image(pattern).repository):
            return entry(parts.tag)
    return UNKNOWN_BASE


# Images users run straight from the manifest, with no Dockerfile of their own: what mpilint
# knows of them is what it would know of a one-line ``FROM`` Dockerfile.
RUN_AS_IS = ("mpioperator/openmpi", "mpioperator/intel", "mpioperator/mpich", "horovod/horovod")


def run_as_is(ref: str, declared: tuple[str, ...] = ()) -> bool:
    """Whether ``ref`` is a well-known MPI image (``RUN_AS_IS``) or one of a team's declared
    ``base-images`` (their globs, ``declared``): facts known without a Dockerfile.  A reference
    that is no plain image name (a template, ``$VAR``, spaces) is not."""
    if not re.fullmatch(r"[A-Za-z0-9][\w.:/@-]*", ref):
        return False
    if any(reference_matches(glob, ref) for glob in declared):
        return True
    repository = split_image(ref).repository
    return any(glob_matches(repository, split_image(name).repository) for name in RUN_AS_IS)
