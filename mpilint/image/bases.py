"""Users that well-known base images already contain, as data.

A Dockerfile rarely creates every user its image has: ``FROM mpioperator/openmpi`` brings
``mpiuser`` along, and ``FROM ubuntu:24.04`` brings ``ubuntu`` with uid 1000, which silently
moves the next ``useradd`` to uid 1001.  Rules can only judge uids and ``.ssh`` homes
honestly when they know these.  Entries are keyed by a repository pattern (``fnmatch`` on the
canonical repository, any tag); where the tag decides the OS release, ``by_tag`` refines the
entry.  A uid is ``None`` whenever the image does not pin it, even if it is "usually" 1000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import fnmatchcase

from mpilint.image.reference import normalise_image, split_image

__all__ = [
    "KNOWN_BASES",
    "OS_USERS",
    "BaseFacts",
    "BaseUser",
    "Flavour",
    "KnownBase",
    "lookup_base",
    "normalise_image",
]


@dataclass(frozen=True)
class BaseUser:
    name: str
    uid: int | None
    home: str | None


@dataclass(frozen=True)
class Flavour:
    """What one release line of a repository holds.

    ``os`` names an entry of ``OS_USERS``; ``certain`` is False when the tag does not say
    which release it is, so users may exist that this table cannot name.
    """

    os: str | None
    users: tuple[BaseUser, ...] = ()
    certain: bool = True


@dataclass(frozen=True)
class KnownBase:
    default: Flavour
    # (regular expression searched in the tag, flavour); the first match wins.
    by_tag: tuple[tuple[str, Flavour], ...] = ()


@dataclass(frozen=True)
class BaseFacts:
    """The users a matched base image brings, split so callers can label their origin."""

    pattern: str
    system_users: tuple[BaseUser, ...]
    users: tuple[BaseUser, ...]
    complete: bool


_ROOT = BaseUser("root", 0, "/root")

# System users of each OS family's base image.  Only entries stable across the releases in
# use are listed; a home or uid that moved between releases is None.
OS_USERS: dict[str, tuple[BaseUser, ...]] = {
    "debian": (
        _ROOT,
        BaseUser("daemon", 1, "/usr/sbin"),
        BaseUser("bin", 2, "/bin"),
        BaseUser("sys", 3, "/dev"),
        BaseUser("sync", 4, "/bin"),
        BaseUser("games", 5, "/usr/games"),
        BaseUser("man", 6, "/var/cache/man"),
        BaseUser("lp", 7, "/var/spool/lpd"),
        BaseUser("mail", 8, "/var/mail"),
        BaseUser("news", 9, "/var/spool/news"),
        BaseUser("uucp", 10, "/var/spool/uucp"),
        BaseUser("proxy", 13, "/bin"),
        BaseUser("www-data", 33, "/var/www"),
        BaseUser("backup", 34, "/var/backups"),
        BaseUser("list", 38, "/var/list"),
        BaseUser("irc", 39, None),
        BaseUser("_apt", None, "/nonexistent"),
        BaseUser("nobody", 65534, "/nonexistent"),
    ),
    "rhel": (
        _ROOT,
        BaseUser("bin", 1, "/bin"),
        BaseUser("daemon", 2, "/sbin"),
        BaseUser("adm", 3, "/var/adm"),
        BaseUser("lp", 4, "/var/spool/lpd"),
        BaseUser("sync", 5, "/sbin"),
        BaseUser("shutdown", 6, "/sbin"),
        BaseUser("halt", 7, "/sbin"),
        BaseUser("mail", 8, "/var/spool/mail"),
        BaseUser("operator", 11, "/root"),
        BaseUser("games", 12, "/usr/games"),
        BaseUser("ftp", 14, "/var/ftp"),
        BaseUser("nobody", None, "/"),
    ),
    "alpine": (
        _ROOT,
        BaseUser("bin", 1, "/bin"),
        BaseUser("daemon", 2, "/sbin"),
        BaseUser("lp", 4, "/var/spool/lpd"),
        BaseUser("sync", 5, "/sbin"),
        BaseUser("shutdown", 6, "/sbin"),
        BaseUser("halt", 7, "/sbin"),
        BaseUser("mail", 8, "/var/mail"),
        BaseUser("news", 9, "/usr/lib/news"),
        BaseUser("uucp", 10, "/var/spool/uucppublic"),
        BaseUser("cron", 16, "/var/spool/cron"),
        BaseUser("ftp", 21, "/var/lib/ftp"),
        BaseUser("sshd", 22, "/dev/null"),
        BaseUser("games", 35, "/usr/games"),
        BaseUser("ntp", 123, "/var/empty"),
        BaseUser("guest", 405, "/dev/null"),
        BaseUser("nobody", 65534, "/"),
    ),
    "busybox": (
        _ROOT,
        BaseUser("daemon", 1, "/usr/sbin"),
        BaseUser("bin", 2, "/bin"),
        BaseUser("sys", 3, "/bin"),
        BaseUser("sync", 4, "/bin"),
        BaseUser("mail", 8, "/var/spool/mail"),
        BaseUser("www-data", 33, "/var/www"),
        BaseUser("operator", 37, "/var"),
        BaseUser("nobody", 65534, "/home"),
    ),
}

# Ubuntu 23.04 and later images ship a ``ubuntu`` user with uid 1000.
_UBUNTU_USER = BaseUser("ubuntu", 1000, "/home/ubuntu")
_NEW_UBUNTU = Flavour("debian", (_UBUNTU_USER,))
_DEBIAN = Flavour("debian")
_UNKNOWN_RELEASE = Flavour(None, certain=False)
_NEW_UBUNTU_CODENAMES = r"(?:lunar|mantic|noble|oracular|plucky|questing|resolute)"
_OLD_UBUNTU_CODENAMES = (
    r"(?:trusty|xenial|bionic|cosmic|disco|eoan|focal|groovy|hirsute|impish|jammy|kinetic)"
)
_MPI_OPERATOR = KnownBase(Flavour("debian", (BaseUser("mpiuser", None, "/home/mpiuser"),)))
_RHEL = KnownBase(Flavour("rhel"))

KNOWN_BASES: dict[str, KnownBase] = {
    "mpioperator/base": _MPI_OPERATOR,
    "mpioperator/openmpi": _MPI_OPERATOR,
    "mpioperator/intel": _MPI_OPERATOR,
    "mpioperator/mpich": _MPI_OPERATOR,
    "mpioperator/openmpi-builder": _MPI_OPERATOR,
    "mpioperator/intel-builder": _MPI_OPERATOR,
    "mpioperator/mpich-builder": _MPI_OPERATOR,
    "horovod/horovod*": KnownBase(_DEBIAN),
    "debian": KnownBase(_DEBIAN),
    "ubuntu": KnownBase(
        Flavour("debian", certain=False),
        (
            (rf"^(?:latest|rolling|devel|{_NEW_UBUNTU_CODENAMES})\b", _NEW_UBUNTU),
            (r"^(?:2[3-9]|[3-9]\d)\.\d", _NEW_UBUNTU),
            (rf"^(?:{_OLD_UBUNTU_CODENAMES}\b|1\d\.\d|2[0-2]\.\d)", _DEBIAN),
        ),
    ),
    "centos": _RHEL,
    "rockylinux": _RHEL,
    "rockylinux/rockylinux": _RHEL,
    "almalinux": _RHEL,
    "fedora": _RHEL,
    "alpine": KnownBase(Flavour("alpine")),
    "busybox": KnownBase(Flavour("busybox")),
    "python": KnownBase(
        _DEBIAN,
        (("alpine", Flavour("alpine")), ("windowsservercore|nanoserver", _UNKNOWN_RELEASE)),
    ),
    "buildpack-deps": KnownBase(_DEBIAN, ((rf"(?:^|-){_NEW_UBUNTU_CODENAMES}\b", _NEW_UBUNTU),)),
    "nvidia/cuda": KnownBase(
        _UNKNOWN_RELEASE,
        (
            (r"ubuntu(?:2[3-9]|[3-9]\d)\.", _NEW_UBUNTU),
            (r"ubuntu\d", _DEBIAN),
            (r"ubi\d|rockylinux\d|centos\d|oraclelinux\d", Flavour("rhel")),
        ),
    ),
    "pytorch/pytorch": KnownBase(_DEBIAN),
    "tensorflow/tensorflow": KnownBase(_DEBIAN),
    "nvcr.io/nvidia/cuda": KnownBase(
        _UNKNOWN_RELEASE,
        (
            (r"ubuntu(?:2[3-9]|[3-9]\d)\.", _NEW_UBUNTU),
            (r"ubuntu\d", _DEBIAN),
            (r"ubi\d|rockylinux\d|centos\d|oraclelinux\d", Flavour("rhel")),
        ),
    ),
}


def _repository_of(pattern: str) -> str:
    """Canonical repository of a table key, keeping any ``*`` for ``fnmatch``."""
    return split_image(pattern).repository


def _match(repository: str) -> tuple[str, KnownBase] | None:
    for pattern, entry in KNOWN_BASES.items():
        if fnmatchcase(repository, _repository_of(pattern)):
            return pattern, entry
    return None


def _flavour(entry: KnownBase, tag: str | None) -> Flavour:
    if tag is None:  # digest only: the release cannot be told from the reference
        return entry.default if not entry.by_tag else Flavour(entry.default.os, certain=False)
    for expression, flavour in entry.by_tag:
        if re.search(expression, tag):
            return flavour
    return entry.default


def lookup_base(ref: str) -> BaseFacts | None:
    """Users of a known base image, or None when ``ref`` matches no entry."""
    parts = split_image(ref)
    found = _match(parts.repository)
    if found is None:
        return None
    pattern, entry = found
    flavour = _flavour(entry, parts.tag)
    system = OS_USERS.get(flavour.os, (_ROOT,)) if flavour.os else (_ROOT,)
    return BaseFacts(
        pattern=pattern,
        system_users=system,
        users=flavour.users,
        complete=flavour.certain and flavour.os is not None,
    )
