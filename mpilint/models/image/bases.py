"""Users that well-known base images already contain, as data.

A Dockerfile rarely creates every user its image has: ``FROM mpioperator/openmpi`` brings
``mpiuser`` along, and ``FROM ubuntu:24.04`` brings ``ubuntu`` with uid 1000, which silently
moves the next ``useradd`` to uid 1001.  Rules can only judge uids and ``.ssh`` homes
honestly when they know these.  Entries are keyed by a repository pattern (``fnmatch`` on the
canonical repository, any tag); where the tag decides the OS release, ``by_tag`` refines the
entry.  A uid is ``None`` whenever the image does not pin it, even if it is "usually" 1000.
Groups are kept the same way: a new user's private group takes the first free gid, so the
groups a base brings (``ubuntu``, gid 1000) decide that gid just as its users decide the uid.
"""

from __future__ import annotations

import re

from mpilint.core.records import Record
from mpilint.models.image.reference import (
    glob_matches,
    normalise_image,
    reference_matches,
    split_image,
)

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass

__all__ = [
    "KNOWN_BASES",
    "OS_GROUPS",
    "OS_USERS",
    "BaseFacts",
    "BaseGroup",
    "BaseUser",
    "Flavour",
    "KnownBase",
    "lookup_base",
    "normalise_image",
]


class BaseUser(Record):
    name: str
    uid: int | None
    home: str | None
    gid: int | None = None  # primary gid, when the image pins it
    group: str | None = None  # primary group's name when the gid is not pinned


class BaseGroup(Record):
    name: str
    gid: int | None


class Flavour(Record):
    """What one release line of a repository holds.

    ``os`` names an entry of ``OS_USERS``; ``certain`` is False when the tag does not say
    which release it is, so users may exist that this table cannot name.
    """

    os: str | None
    users: tuple[BaseUser, ...] = ()
    certain: bool = True
    groups: tuple[BaseGroup, ...] = ()


class KnownBase(Record):
    default: Flavour
    # (regular expression searched in the tag, flavour); the first match wins.
    by_tag: tuple[tuple[str, Flavour], ...] = ()


class BaseFacts(Record):
    """The users a matched base image brings, split so callers can label their origin."""

    pattern: str
    system_users: tuple[BaseUser, ...]
    users: tuple[BaseUser, ...]
    complete: bool
    system_groups: tuple[BaseGroup, ...] = ()
    groups: tuple[BaseGroup, ...] = ()
    os: str | None = None  # an ``OS_USERS`` key: decides how ``useradd`` picks groups


_ROOT = BaseUser("root", 0, "/root", gid=0)
_ROOT_GROUP = BaseGroup("root", 0)

# System users of each OS family's base image.  Only entries stable across the releases in
# use are listed; a home or uid that moved between releases is None.
OS_USERS: dict[str, tuple[BaseUser, ...]] = {
    "debian": (
        _ROOT,
        BaseUser("daemon", 1, "/usr/sbin", gid=1),
        BaseUser("bin", 2, "/bin", gid=2),
        BaseUser("sys", 3, "/dev", gid=3),
        BaseUser("sync", 4, "/bin", gid=65534),
        BaseUser("games", 5, "/usr/games", gid=60),
        BaseUser("man", 6, "/var/cache/man", gid=12),
        BaseUser("lp", 7, "/var/spool/lpd", gid=7),
        BaseUser("mail", 8, "/var/mail", gid=8),
        BaseUser("news", 9, "/var/spool/news", gid=9),
        BaseUser("uucp", 10, "/var/spool/uucp", gid=10),
        BaseUser("proxy", 13, "/bin", gid=13),
        BaseUser("www-data", 33, "/var/www", gid=33),
        BaseUser("backup", 34, "/var/backups", gid=34),
        BaseUser("list", 38, "/var/list", gid=38),
        BaseUser("irc", 39, None, gid=39),
        BaseUser("_apt", None, "/nonexistent", gid=65534),
        BaseUser("nobody", 65534, "/nonexistent", gid=65534),
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


def _groups(table: str) -> tuple[BaseGroup, ...]:
    """``"name:gid name:gid"`` as written in ``/etc/group``; ``name:`` for a gid not pinned."""
    pairs = (item.partition(":") for item in table.split())
    return (_ROOT_GROUP, *(BaseGroup(n, int(g) if g else None) for n, _, g in pairs))


# Groups of each OS family's base image (``/etc/group`` of the minimal image), with the same
# policy as ``OS_USERS``: stable entries only.  All of them lie below 1000, so none of them
# moves an automatically chosen gid; what does is listed with the flavour (``ubuntu``).
OS_GROUPS: dict[str, tuple[BaseGroup, ...]] = {
    "debian": _groups(
        "daemon:1 bin:2 sys:3 adm:4 tty:5 disk:6 lp:7 mail:8 news:9 uucp:10 man:12 "
        "proxy:13 kmem:15 dialout:20 fax:21 voice:22 cdrom:24 floppy:25 tape:26 sudo:27 "
        "audio:29 dip:30 www-data:33 backup:34 operator:37 list:38 irc:39 src:40 "
        "shadow:42 utmp:43 video:44 sasl:45 plugdev:46 staff:50 games:60 users:100 "
        "nogroup:65534"
    ),
    "rhel": _groups(
        "bin:1 daemon:2 sys:3 adm:4 tty:5 disk:6 lp:7 mem:8 kmem:9 wheel:10 cdrom:11 "
        "mail:12 man:15 dialout:18 floppy:19 games:20 tape:33 video:39 ftp:50 lock:54 "
        "audio:63 users:100 nobody:"
    ),
    "alpine": _groups(
        "bin:1 daemon:2 sys:3 adm:4 tty:5 disk:6 lp:7 kmem:9 wheel:10 floppy:11 mail:12 "
        "news:13 uucp:14 cron:16 audio:18 cdrom:19 dialout:20 ftp:21 sshd:22 input:23 "
        "tape:26 video:27 netdev:28 kvm:34 games:35 shadow:42 www-data:82 users:100 "
        "nogroup:65533 nobody:65534"
    ),
    "busybox": _groups(
        "daemon:1 bin:2 sys:3 adm:4 tty:5 disk:6 lp:7 mail:8 kmem:9 wheel:10 cdrom:11 "
        "dialout:18 floppy:19 video:28 audio:29 tape:32 www-data:33 operator:37 utmp:43 "
        "plugdev:46 staff:50 lock:54 netdev:82 users:100 nobody:65534"
    ),
}

# Ubuntu 23.04 and later images ship a ``ubuntu`` user with uid 1000 (and its group, 1000).
_UBUNTU_USER = BaseUser("ubuntu", 1000, "/home/ubuntu", gid=1000)
_NEW_UBUNTU = Flavour("debian", (_UBUNTU_USER,), groups=(BaseGroup("ubuntu", 1000),))
_DEBIAN = Flavour("debian")
_UNKNOWN_RELEASE = Flavour(None, certain=False)
_NEW_UBUNTU_CODENAMES = r"(?:lunar|mantic|noble|oracular|plucky|questing|resolute)"
_OLD_UBUNTU_CODENAMES = (
    r"(?:trusty|xenial|bionic|cosmic|disco|eoan|focal|groovy|hirsute|impish|jammy|kinetic)"
)
# ``useradd -m mpiuser`` on Debian: a private group named ``mpiuser`` whose gid is not pinned.
_MPI_OPERATOR = KnownBase(
    Flavour(
        "debian",
        (BaseUser("mpiuser", None, "/home/mpiuser", group="mpiuser"),),
        groups=(BaseGroup("mpiuser", None),),
    )
)
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


def _match(
    repository: str, ref: str, declared: tuple[tuple[str, KnownBase], ...]
) -> tuple[str, KnownBase] | None:
    for pattern, entry in declared:
        if reference_matches(pattern, ref):
            return pattern, entry
    for pattern, entry in KNOWN_BASES.items():
        if glob_matches(repository, _repository_of(pattern)):
            return pattern, entry
    return None


def _flavour(entry: KnownBase, tag: str | None) -> Flavour:
    if tag is None:  # digest only: the release cannot be told from the reference
        return entry.default if not entry.by_tag else Flavour(entry.default.os, certain=False)
    for expression, flavour in entry.by_tag:
        if re.search(expression, tag):
            return flavour
    return entry.default


def lookup_base(ref: str, declared: tuple[tuple[str, KnownBase], ...] = ()) -> BaseFacts | None:
    """Users of a known base image, or None when ``ref`` matches no entry; ``declared`` (a
    team's own base images, ``Declared.users``) is consulted before the built-in table."""
    parts = split_image(ref)
    found = _match(parts.repository, ref, declared)
    if found is None:
        return None
    pattern, entry = found
    flavour = _flavour(entry, parts.tag)
    system = OS_USERS.get(flavour.os, (_ROOT,)) if flavour.os else (_ROOT,)
    groups = OS_GROUPS.get(flavour.os, (_ROOT_GROUP,)) if flavour.os else (_ROOT_GROUP,)
    return BaseFacts(
        pattern=pattern,
        system_users=system,
        users=flavour.users,
        complete=flavour.certain and flavour.os is not None,
        system_groups=groups,
        groups=flavour.groups,
        os=flavour.os,
    )
