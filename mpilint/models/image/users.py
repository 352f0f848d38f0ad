"""What one shell command does to ``/etc/passwd`` and ``/etc/group``.

Rules about SSH homes and uids need the users an image will really have, and Dockerfiles
create them with ``useradd``, ``adduser`` (Debian's Perl script or BusyBox's applet, whose
options differ), ``usermod``/``userdel`` or by appending to ``/etc/passwd``.  This module
reads one simple command's words, already split and with known variables substituted, and
says what it does; it never guesses.  Anything that may touch users but cannot be read
becomes ``Unfollowed`` so the image model can say its user list is incomplete.

Groups come from ``groupadd``, ``addgroup`` (Debian's and BusyBox's), ``groupmod``/``groupdel``,
lines appended to ``/etc/group``, and the private group each new user gets.  How that group's
gid is chosen differs per tool (checked in their sources): shadow's ``useradd`` asks
``find_new_gid`` for the user's uid first and falls back to one above the highest gid in use;
BusyBox's ``adduser`` always uses the uid; Debian's ``adduser`` uses the uid when one is given and
otherwise picks uid and gid together (releases differ), so the model only says "the uid" when
both rules agree.  ``Primary`` carries the rule; the image model applies it.

Option parsing follows getopt: short options cluster (``-mu 1000``, ``-ms /bin/bash``,
``-u1000``), long options take ``--opt=value`` or the next word and may be abbreviated to any
unique prefix (``--home`` for ``--home-dir``), and options may follow the user name, as GNU
getopt permutes arguments.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence

from mpilint.core.records import Record

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass

__all__ = [
    "Arg",
    "ChangedGroup",
    "ChangedUser",
    "Membership",
    "NewGroup",
    "NewUser",
    "Primary",
    "RemovedGroup",
    "RemovedUser",
    "Unfollowed",
    "UserEvent",
    "events_for_command",
]


class Arg(Record):
    """One word as the parsers need it.

    ``text`` is None when the word depends on something unknown (an unresolved ``$VAR``,
    a command substitution), so its value must not be used.  ``start``/``end`` are offsets
    in the script the caller maps back to the Dockerfile; -1 when not known.
    """

    text: str | None
    start: int
    end: int


class Primary(Record):
    """How a new user's primary group is found.

    An existing group is named by ``group`` or numbered by ``gid``.  With ``private`` a new
    group named like the user is created and ``rule`` says its gid: ``"uid"`` (the uid, or the
    command fails), ``"uid-if-free"`` (shadow: the uid when no group holds it, else the next
    gid), ``"uid-if-first-free"`` (the uid when it is also the first free gid), None (not
    knowable).  ``usergroups``: the private group exists only where login.defs sets
    ``USERGROUPS_ENAB yes``.  ``known`` is False when the group cannot be told at all.
    """

    group: str | None = None
    gid: int | None = None
    private: bool = False
    rule: str | None = None
    usergroups: bool = False
    known: bool = True


_UNKNOWN_PRIMARY = Primary(known=False)


class NewUser(Record):
    """A user that comes to exist.

    ``uid`` is the uid when written down.  When it is not, ``auto_uid`` says how the tool
    picks one: ``"max+1"`` (shadow's useradd: one above the highest uid in use from 1000
    up) or ``"first-free"`` (adduser: the lowest free uid from 1000); None when the uid is
    unknowable (a system user, or a ``-u $UID`` that is not resolved).
    """

    name: str
    uid: int | None
    home: str | None
    system: bool
    origin: str
    auto_uid: str | None
    start: int
    end: int
    primary: Primary = _UNKNOWN_PRIMARY
    groups: tuple[str, ...] = ()  # supplementary groups (``useradd -G``)


class ChangedUser(Record):
    """``usermod``: only the fields that were given are set; ``uid_unknown`` for ``-u $X``.

    ``group`` is ``-g``'s text (a name or a number); ``group_unknown`` for ``-g $X``.
    """

    name: str
    new_name: str | None
    uid: int | None
    uid_unknown: bool
    home: str | None
    group: str | None = None
    group_unknown: bool = False


class RemovedUser(Record):
    name: str
    tool: str = "userdel"  # shadow's userdel also removes the private group; others: unknown


class NewGroup(Record):
    """A group that comes to exist; ``auto_gid`` as ``NewUser.auto_uid`` when no gid is given.

    ``force``: ``groupadd -f`` picks another gid when the given one is taken.
    """

    name: str
    gid: int | None
    system: bool
    origin: str
    auto_gid: str | None
    start: int
    end: int
    force: bool = False


class ChangedGroup(Record):
    """``groupmod``: a new name and/or gid; ``gid_unknown`` for ``-g $X``."""

    name: str
    new_name: str | None
    gid: int | None
    gid_unknown: bool


class RemovedGroup(Record):
    name: str


class Membership(Record):
    """Supplementary membership: ``mode`` is "add", "remove" or "set" (all of the user's)."""

    user: str
    groups: tuple[str, ...]
    mode: str


class Unfollowed(Record):
    """A command that may change users (and/or groups) in a way this module cannot read."""

    reason: str
    start: int
    end: int
    users: bool = True
    groups: bool = True


UserEvent = (
    NewUser
    | ChangedUser
    | RemovedUser
    | NewGroup
    | ChangedGroup
    | RemovedGroup
    | Membership
    | Unfollowed
)

# Option spelling → (canonical key, takes a value).
_Table = Mapping[str, tuple[str, bool]]

_USERADD: _Table = {
    "-b": ("base", True),
    "--base-dir": ("base", True),
    "-c": ("comment", True),
    "--comment": ("comment", True),
    "-d": ("home", True),
    "--home-dir": ("home", True),
    "-e": ("expire", True),
    "--expiredate": ("expire", True),
    "-f": ("inactive", True),
    "--inactive": ("inactive", True),
    "-g": ("gid", True),
    "--gid": ("gid", True),
    "-G": ("groups", True),
    "--groups": ("groups", True),
    "-k": ("skel", True),
    "--skel": ("skel", True),
    "-K": ("key", True),
    "--key": ("key", True),
    "-p": ("password", True),
    "--password": ("password", True),
    "-R": ("root", True),
    "--root": ("root", True),
    "-P": ("prefix", True),
    "--prefix": ("prefix", True),
    "-s": ("shell", True),
    "--shell": ("shell", True),
    "-u": ("uid", True),
    "--uid": ("uid", True),
    "-Z": ("selinux", True),
    "--selinux-user": ("selinux", True),
    "--selinux-range": ("selinux-range", True),
    "-D": ("defaults", False),
    "--defaults": ("defaults", False),
    "-h": ("help", False),
    "--help": ("help", False),
    "-l": ("no-log-init", False),
    "--no-log-init": ("no-log-init", False),
    "-m": ("create-home", False),
    "--create-home": ("create-home", False),
    "-M": ("no-create-home", False),
    "--no-create-home": ("no-create-home", False),
    "-N": ("no-user-group", False),
    "--no-user-group": ("no-user-group", False),
    "-o": ("non-unique", False),
    "--non-unique": ("non-unique", False),
    "-r": ("system", False),
    "--system": ("system", False),
    "-U": ("user-group", False),
    "--user-group": ("user-group", False),
    "-F": ("subids", False),
    "--add-subids-for-system": ("subids", False),
    "--btrfs-subvolume-home": ("btrfs", False),
}

# Debian's adduser spells options long; BusyBox's spells them short (and accepts the same
# long names where it has them), so one table serves both.
_ADDUSER: _Table = {
    "--home": ("home", True),
    "--shell": ("shell", True),
    "--uid": ("uid", True),
    "--gid": ("gid", True),
    "--gecos": ("comment", True),
    "--comment": ("comment", True),
    "--ingroup": ("ingroup", True),
    "--firstuid": ("firstuid", True),
    "--lastuid": ("lastuid", True),
    "--firstgid": ("firstgid", True),
    "--lastgid": ("lastgid", True),
    "--conf": ("conf", True),
    "--skel": ("skel", True),
    "--stdoutmsglevel": ("msglevel", True),
    "--stderrmsglevel": ("msglevel", True),
    "--logmsglevel": ("msglevel", True),
    "--disabled-password": ("no-password", False),
    "--disabled-login": ("no-password", False),
    "--empty-password": ("no-password", False),
    "--system": ("system", False),
    "--group": ("group", False),
    "--quiet": ("quiet", False),
    "--verbose": ("verbose", False),
    "--debug": ("debug", False),
    "--force-badname": ("badname", False),
    "--allow-badname": ("badname", False),
    "--allow-all-names": ("badname", False),
    "--no-create-home": ("no-create-home", False),
    "--encrypt-home": ("encrypt-home", False),
    "--add-extra-groups": ("extra-groups", False),
    "--add_extra_groups": ("extra-groups", False),
    "--help": ("help", False),
    "--version": ("help", False),
    "-h": ("home", True),
    "-g": ("comment", True),
    "-s": ("shell", True),
    "-G": ("ingroup", True),
    "-u": ("uid", True),
    "-k": ("skel", True),
    "-S": ("system", False),
    "-D": ("no-password", False),
    "-H": ("no-create-home", False),
    "-q": ("quiet", False),
}

_USERMOD_SHARED = frozenset(
    {"comment", "home", "expire", "inactive", "gid", "groups", "password", "root"}
    | {"prefix", "shell", "uid", "selinux"}
)
_USERMOD: _Table = {
    **{k: v for k, v in _USERADD.items() if v[0] in _USERMOD_SHARED},
    "-l": ("login", True),
    "--login": ("login", True),
    "-a": ("append", False),
    "--append": ("append", False),
    "-L": ("lock", False),
    "--lock": ("lock", False),
    "-U": ("unlock", False),
    "--unlock": ("unlock", False),
    "-m": ("move-home", False),
    "--move-home": ("move-home", False),
    "-o": ("non-unique", False),
    "--non-unique": ("non-unique", False),
    "-v": ("subids", True),
    "--add-subuids": ("subids", True),
    "-V": ("subids", True),
    "--del-subuids": ("subids", True),
    "-w": ("subids", True),
    "--add-subgids": ("subids", True),
    "-W": ("subids", True),
    "--del-subgids": ("subids", True),
}

_USERDEL: _Table = {
    "-f": ("force", False),
    "--force": ("force", False),
    "-r": ("remove", False),
    "--remove": ("remove", False),
    "--remove-home": ("remove", False),
    "--remove-all-files": ("remove", False),
    "--backup": ("backup", False),
    "--quiet": ("quiet", False),
    "-R": ("root", True),
    "--root": ("root", True),
    "-P": ("prefix", True),
    "--prefix": ("prefix", True),
    "-Z": ("selinux", False),
    "--selinux-user": ("selinux", False),
    "--backup-to": ("backup", True),
    "--system": ("system", False),
}

_GROUPADD: _Table = {
    "-g": ("gid", True),
    "--gid": ("gid", True),
    "-K": ("key", True),
    "--key": ("key", True),
    "-p": ("password", True),
    "--password": ("password", True),
    "-R": ("root", True),
    "--root": ("root", True),
    "-P": ("prefix", True),
    "--prefix": ("prefix", True),
    "-U": ("users", True),
    "--users": ("users", True),
    "-f": ("force", False),
    "--force": ("force", False),
    "-o": ("non-unique", False),
    "--non-unique": ("non-unique", False),
    "-r": ("system", False),
    "--system": ("system", False),
    "-h": ("help", False),
    "--help": ("help", False),
}

# Debian's addgroup (long options) and BusyBox's (``-g GID``, ``-S``).
_ADDGROUP: _Table = {
    "--gid": ("gid", True),
    "-g": ("gid", True),
    "--system": ("system", False),
    "-S": ("system", False),
    "--firstgid": ("range", True),
    "--lastgid": ("range", True),
    "--conf": ("range", True),
    "-c": ("range", True),
    "--quiet": ("quiet", False),
    "-q": ("quiet", False),
    "--debug": ("quiet", False),
    "--verbose": ("quiet", False),
    "--force-badname": ("badname", False),
    "--allow-badname": ("badname", False),
    "--allow-all-names": ("badname", False),
    "--help": ("help", False),
    "-h": ("help", False),
    "--version": ("help", False),
}

_GROUPMOD: _Table = {
    "-g": ("gid", True),
    "--gid": ("gid", True),
    "-n": ("new-name", True),
    "--new-name": ("new-name", True),
    "-p": ("password", True),
    "--password": ("password", True),
    "-R": ("root", True),
    "--root": ("root", True),
    "-P": ("prefix", True),
    "--prefix": ("prefix", True),
    "-U": ("users", True),
    "--users": ("users", True),
    "-a": ("append", False),
    "--append": ("append", False),
    "-o": ("non-unique", False),
    "--non-unique": ("non-unique", False),
    "-h": ("help", False),
    "--help": ("help", False),
}

_GROUPDEL: _Table = {
    "-f": ("force", False),
    "--force": ("force", False),
    "-R": ("root", True),
    "--root": ("root", True),
    "-P": ("prefix", True),
    "--prefix": ("prefix", True),
    "--only-if-empty": ("only-if-empty", False),
    "--system": ("system", False),
    "--quiet": ("quiet", False),
    "-h": ("help", False),
    "--help": ("help", False),
}

_GPASSWD: _Table = {
    "-a": ("add", True),
    "--add": ("add", True),
    "-d": ("delete", True),
    "--delete": ("delete", True),
    "-M": ("members", True),
    "--members": ("members", True),
    "-A": ("admins", True),
    "--administrators": ("admins", True),
    "-Q": ("root", True),
    "--root": ("root", True),
    "-r": ("remove-password", False),
    "-R": ("restrict", False),
}

_PASSWD = "/etc/passwd"
_GROUP = "/etc/group"
_WRAPPERS = frozenset({"sudo", "exec", "command", "nohup", "time", "nice"})
_UID_PATTERN = re.compile(r"[0-9]+")


class _Parsed(Record):
    """getopt's result: the last value of each option (None when its text is unknown)."""

    options: Mapping[str, Arg | None]
    positionals: tuple[Arg, ...]
    long_style: bool

    def has(self, key: str) -> bool:
        return key in self.options

    def value(self, key: str) -> str | None:
        arg = self.options.get(key)
        return None if arg is None else arg.text


def _long_option(spelling: str, table: _Table) -> tuple[str, bool] | None:
    """Exact name, else the only option the prefix abbreviates (getopt_long's rule)."""
    if spelling in table:
        return table[spelling]
    matches = {table[name] for name in table if name.startswith("--") and name.startswith(spelling)}
    return matches.pop() if len(matches) == 1 else None


def _getopt(args: Sequence[Arg], table: _Table) -> _Parsed:
    options: dict[str, Arg | None] = {}
    positionals: list[Arg] = []
    long_style = False
    i = 0
    while i < len(args):
        arg = args[i]
        text = arg.text
        i += 1
        if text == "--":
            positionals.extend(args[i:])
            break
        if text is None or not text.startswith("-") or text == "-":
            positionals.append(arg)
        elif text.startswith("--"):
            long_style = True
            i = _take_long(args, i, arg, text, table, options)
        else:
            i = _take_short(args, i, arg, text, table, options)
    return _Parsed(options, tuple(positionals), long_style)


def _take_long(
    args: Sequence[Arg], i: int, arg: Arg, text: str, table: _Table, out: dict[str, Arg | None]
) -> int:
    spelling, eq, attached = text.partition("=")
    found = _long_option(spelling, table)
    key, takes_value = found if found else (spelling, False)
    if not takes_value:
        out[key] = arg
        return i
    if eq:
        out[key] = Arg(attached, arg.start, arg.end)
        return i
    out[key] = args[i] if i < len(args) else None
    return i + 1


def _take_short(
    args: Sequence[Arg], i: int, arg: Arg, text: str, table: _Table, out: dict[str, Arg | None]
) -> int:
    for pos in range(1, len(text)):
        key, takes_value = table.get("-" + text[pos], ("-" + text[pos], False))
        if not takes_value:
            out[key] = arg
            continue
        rest = text[pos + 1 :]
        if rest:
            out[key] = Arg(rest, arg.start, arg.end)
            return i
        out[key] = args[i] if i < len(args) else None
        return i + 1
    return i


def _uid(parsed: _Parsed) -> tuple[int | None, bool]:
    """(uid, given): a given uid whose text is unknown is (None, True)."""
    if not parsed.has("uid"):
        return None, False
    text = parsed.value("uid")
    if text is not None and _UID_PATTERN.fullmatch(text):
        return int(text), True
    return None, True


def _span(first: Arg, last: Arg) -> tuple[int, int]:
    if first.start < 0 or last.end < 0:
        return -1, -1
    return first.start, max(last.end, first.end)


def _useradd(command: Arg, args: Sequence[Arg]) -> tuple[UserEvent, ...]:
    parsed = _getopt(args, _USERADD)
    if parsed.has("defaults") or parsed.has("help"):
        return ()
    start, end = _span(command, parsed.positionals[-1] if parsed.positionals else command)
    if parsed.has("root") or parsed.has("prefix"):
        return (Unfollowed("useradd into another root directory", start, end),)
    if len(parsed.positionals) != 1 or parsed.positionals[0].text is None:
        return (Unfollowed("useradd whose user name is not known", start, end),)
    name = parsed.positionals[0].text
    system = parsed.has("system")
    uid, given = _uid(parsed)
    home = parsed.value("home") if parsed.has("home") else None
    if not parsed.has("home"):
        base = parsed.value("base") if parsed.has("base") else "/home"
        home = None if base is None else posixpath.join(base, name)
    auto = None if given or system else "max+1"
    primary = _useradd_primary(parsed)
    groups = _group_list(parsed.value("groups")) if parsed.has("groups") else ()
    return (NewUser(name, uid, home, system, "useradd", auto, start, end, primary, groups),)


def _existing_group(text: str | None) -> Primary:
    """``-g GROUP``: a name, or a number (shadow accepts both)."""
    if text is None:
        return _UNKNOWN_PRIMARY
    if _UID_PATTERN.fullmatch(text):
        return Primary(gid=int(text))
    return Primary(group=text)


def _useradd_primary(parsed: _Parsed) -> Primary:
    """shadow's choice: ``-g``; else ``-N`` uses GROUP= of /etc/default/useradd (not known
    here); else a private group, always with ``-U``, by default when USERGROUPS_ENAB is yes."""
    if parsed.has("gid"):
        return _existing_group(parsed.value("gid"))
    if parsed.has("no-user-group"):
        return _UNKNOWN_PRIMARY
    return Primary(private=True, rule="uid-if-free", usergroups=not parsed.has("user-group"))


def _group_list(text: str | None) -> tuple[str, ...]:
    return tuple(g for g in (text or "").split(",") if g)


def _adduser(command: Arg, args: Sequence[Arg]) -> tuple[UserEvent, ...]:
    parsed = _getopt(args, _ADDUSER)
    if parsed.has("help"):
        return ()
    start, end = _span(command, parsed.positionals[-1] if parsed.positionals else command)
    system = parsed.has("system")
    if len(parsed.positionals) == 2 and not system:
        return ()  # adduser USER GROUP: membership of an existing user
    if parsed.has("group") and not system:
        return _addgroup(command, args)  # adduser --group NAME: Debian's addgroup
    if len(parsed.positionals) != 1 or parsed.positionals[0].text is None:
        return (Unfollowed("adduser whose user name is not known", start, end),)
    name = parsed.positionals[0].text
    uid, given = _uid(parsed)
    if parsed.has("home"):
        home = parsed.value("home")
    elif system and parsed.long_style:
        home = None  # Debian: /home/NAME or /nonexistent depending on the release
    else:
        home = posixpath.join("/home", name)
    auto = None if given or system else "first-free"
    primary = _adduser_primary(parsed, given)
    return (NewUser(name, uid, home, system, "adduser", auto, start, end, primary),)


def _adduser_primary(parsed: _Parsed, uid_given: bool) -> Primary:
    """Debian: ``--gid``/``--ingroup``; ``--system`` alone joins ``nogroup``; else a private
    group with gid = the given uid (or, chosen with the uid, the uid when it is also the first
    free gid).  BusyBox: ``-G GROUP``; else a private group with gid = uid."""
    if parsed.has("gid"):
        text = parsed.value("gid")
        return (
            Primary(gid=int(text))
            if text and _UID_PATTERN.fullmatch(text)
            else Primary(known=False)
        )
    if parsed.has("ingroup"):
        text = parsed.value("ingroup")
        return Primary(group=text) if text is not None else _UNKNOWN_PRIMARY
    if parsed.has("system") and parsed.long_style:
        if parsed.has("group"):
            return Primary(private=True, rule="uid")
        return Primary(group="nogroup")
    if parsed.has("system") or uid_given:
        return Primary(private=True, rule="uid")
    return Primary(private=True, rule="uid-if-first-free")


def _groupadd(command: Arg, args: Sequence[Arg]) -> tuple[UserEvent, ...]:
    parsed = _getopt(args, _GROUPADD)
    if parsed.has("help"):
        return ()
    start, end = _span(command, parsed.positionals[-1] if parsed.positionals else command)
    if parsed.has("root") or parsed.has("prefix"):
        return (Unfollowed("groupadd into another root directory", start, end, users=False),)
    if len(parsed.positionals) != 1 or parsed.positionals[0].text is None:
        return (Unfollowed("groupadd whose group name is not known", start, end, users=False),)
    name = parsed.positionals[0].text
    system = parsed.has("system")
    gid, given = _number(parsed, "gid")
    auto = None if given or system or parsed.has("key") else "max+1"
    event = NewGroup(name, gid, system, "groupadd", auto, start, end, parsed.has("force"))
    members = _group_list(parsed.value("users")) if parsed.has("users") else ()
    return (event, *(Membership(m, (name,), "add") for m in members))


def _number(parsed: _Parsed, key: str) -> tuple[int | None, bool]:
    """(number, given) of a numeric option; a given number whose text is unknown: (None, True)."""
    if not parsed.has(key):
        return None, False
    text = parsed.value(key)
    return (int(text), True) if text is not None and _UID_PATTERN.fullmatch(text) else (None, True)


def _addgroup(command: Arg, args: Sequence[Arg]) -> tuple[UserEvent, ...]:
    """Debian's ``addgroup [--gid N] [--system] NAME`` (first free gid from 1000), BusyBox's
    ``addgroup [-g N] [-S] NAME``; ``addgroup USER GROUP`` adds a member."""
    parsed = _getopt(args, _ADDGROUP)
    if parsed.has("help"):
        return ()
    start, end = _span(command, parsed.positionals[-1] if parsed.positionals else command)
    names = [p.text for p in parsed.positionals]
    if len(names) == 2 and not parsed.has("system"):
        user, group = names
        if user is None or group is None:
            return (Unfollowed("addgroup USER GROUP not known", start, end, users=False),)
        return (Membership(user, (group,), "add"),)
    if len(names) != 1 or names[0] is None:
        return (Unfollowed("addgroup whose group name is not known", start, end, users=False),)
    system = parsed.has("system")
    gid, given = _number(parsed, "gid")
    # BusyBox's automatic gid depends on its build configuration: only Debian's is followed.
    debian = parsed.long_style and not parsed.has("range")
    auto = "first-free" if debian and not given and not system else None
    origin = "adduser" if posixpath.basename(command.text or "") == "adduser" else "addgroup"
    return (NewGroup(names[0], gid, system, origin, auto, start, end),)


def _groupmod(command: Arg, args: Sequence[Arg]) -> tuple[UserEvent, ...]:
    parsed = _getopt(args, _GROUPMOD)
    if parsed.has("help"):
        return ()
    start, end = _span(command, parsed.positionals[-1] if parsed.positionals else command)
    if parsed.has("root") or parsed.has("prefix"):
        return (Unfollowed("groupmod in another root directory", start, end, users=False),)
    new_name = parsed.value("new-name")
    if (
        len(parsed.positionals) != 1
        or parsed.positionals[0].text is None
        or (parsed.has("new-name") and new_name is None)
    ):
        return (Unfollowed("groupmod whose names are not known", start, end, users=False),)
    gid, given = _number(parsed, "gid")
    return (ChangedGroup(parsed.positionals[0].text, new_name, gid, given and gid is None),)


def _groupdel(command: Arg, args: Sequence[Arg], two_mean_member: bool) -> tuple[UserEvent, ...]:
    """``groupdel NAME``, ``delgroup NAME``; ``delgroup USER GROUP`` removes a member."""
    parsed = _getopt(args, _GROUPDEL)
    if parsed.has("help"):
        return ()
    start, end = _span(command, parsed.positionals[-1] if parsed.positionals else command)
    if parsed.has("root") or parsed.has("prefix"):
        return (Unfollowed("groupdel in another root directory", start, end, users=False),)
    names = [p.text for p in parsed.positionals]
    if two_mean_member and len(names) == 2 and names[0] is not None and names[1] is not None:
        return (Membership(names[0], (names[1],), "remove"),)
    if len(names) != 1 or names[0] is None:
        return (Unfollowed("group removal not known", start, end, users=False),)
    return (RemovedGroup(names[0]),)


def _gpasswd(args: Sequence[Arg]) -> tuple[UserEvent, ...]:
    """Only membership changes matter (they keep a private group from ``userdel``)."""
    parsed = _getopt(args, _GPASSWD)
    if len(parsed.positionals) != 1 or parsed.positionals[0].text is None:
        return ()
    group = parsed.positionals[0].text
    events: list[UserEvent] = []
    for key, mode in (("add", "add"), ("delete", "remove")):
        user = parsed.value(key)
        if user is not None:
            events.append(Membership(user, (group,), mode))
    if parsed.has("members"):
        events += [Membership(u, (group,), "add") for u in _group_list(parsed.value("members"))]
    return tuple(events)


def _usermod(args: Sequence[Arg]) -> tuple[UserEvent, ...]:
    parsed = _getopt(args, _USERMOD)
    if len(parsed.positionals) != 1 or parsed.positionals[0].text is None:
        first = args[0] if args else Arg(None, -1, -1)
        return (Unfollowed("usermod whose user name is not known", first.start, first.end),)
    uid, given = _uid(parsed)
    name = parsed.positionals[0].text
    changed = ChangedUser(
        name=name,
        new_name=parsed.value("login"),
        uid=uid,
        uid_unknown=given and uid is None,
        home=parsed.value("home"),
        group=parsed.value("gid"),
        group_unknown=parsed.has("gid") and parsed.value("gid") is None,
    )
    if not parsed.has("groups"):
        return (changed,)
    mode = "add" if parsed.has("append") else "set"
    return (changed, Membership(name, _group_list(parsed.value("groups")), mode))


def _userdel(args: Sequence[Arg], table: _Table, tool: str) -> tuple[UserEvent, ...]:
    parsed = _getopt(args, table)
    names = [p.text for p in parsed.positionals]
    if tool == "deluser" and parsed.has("--group"):
        return (RemovedGroup(names[0]),) if len(names) == 1 and names[0] is not None else ()
    if len(names) == 1 and names[0] is not None:
        return (RemovedUser(names[0], tool),)
    if len(names) == 2 and names[0] is not None and names[1] is not None:
        return (Membership(names[0], (names[1],), "remove"),)  # deluser USER GROUP
    return ()  # unknown names cannot add users


def _passwd_entry(line: str, start: int, end: int) -> UserEvent | None:
    fields = line.split(":")
    if len(fields) != 7 or not fields[0]:
        return None
    uid = int(fields[2]) if _UID_PATTERN.fullmatch(fields[2]) else None
    home = fields[5] or None
    system = uid is not None and uid < 1000
    primary = Primary(gid=int(fields[3])) if _UID_PATTERN.fullmatch(fields[3]) else None
    return NewUser(
        fields[0], uid, home, system, "passwd", None, start, end, primary or _UNKNOWN_PRIMARY
    )


def _group_entry(line: str, start: int, end: int) -> tuple[UserEvent, ...] | None:
    """``name:x:gid:member,member``; the members join the group."""
    fields = line.split(":")
    if len(fields) != 4 or not fields[0]:
        return None
    gid = int(fields[2]) if _UID_PATTERN.fullmatch(fields[2]) else None
    event = NewGroup(fields[0], gid, gid is not None and gid < 1000, "group", None, start, end)
    return (event, *(Membership(m, (fields[0],), "add") for m in _group_list(fields[3])))


def _echoed_text(command: str, args: Sequence[Arg]) -> tuple[str | None, Arg | None]:
    """The text ``echo``/``printf`` writes (None when unknown) and the word holding it."""
    words = list(args)
    if command == "echo":
        while words and words[0].text is not None and re.fullmatch(r"-[neE]+", words[0].text):
            words.pop(0)
        texts = [w.text for w in words]
        if not words or any(t is None for t in texts):
            return None, words[-1] if words else None
        return " ".join(t for t in texts if t is not None).replace("\\n", "\n"), words[-1]
    if not words or words[0].text is None or "%" in words[0].text or len(words) > 1:
        return None, words[-1] if words else None
    return words[0].text.replace("\\n", "\n"), words[0]


def _appended_passwd(
    command: Arg, name: str, args: Sequence[Arg], op: str
) -> tuple[UserEvent, ...]:
    text, holder = _echoed_text(name, args)
    last = holder or command
    start, end = _span(command, last)
    if op != ">>" or text is None:
        reason = f"{name} {op} {_PASSWD} with text that is not known"
        return (Unfollowed(reason, start, end, groups=False),)
    events: list[UserEvent] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        entry = _passwd_entry(line.strip(), start, end)
        events.append(entry or Unfollowed("malformed /etc/passwd line", start, end, groups=False))
    return tuple(events)


def _appended_group(command: Arg, name: str, args: Sequence[Arg], op: str) -> tuple[UserEvent, ...]:
    """``echo "name:x:gid:" >> /etc/group``, read like the /etc/passwd lines."""
    text, holder = _echoed_text(name, args)
    start, end = _span(command, holder or command)
    if op != ">>" or text is None:
        reason = f"{name} {op} {_GROUP} with text that is not known"
        return (Unfollowed(reason, start, end, users=False),)
    events: list[UserEvent] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        entry = _group_entry(line.strip(), start, end)
        events += entry or (Unfollowed("malformed /etc/group line", start, end, users=False),)
    return tuple(events)


def _strip_wrappers(words: Sequence[Arg]) -> Sequence[Arg]:
    """``sudo useradd``, ``env X=1 useradd``: the wrapped command is what runs."""
    i = 0
    while i < len(words):
        text = words[i].text
        base = posixpath.basename(text) if text else text
        if base in _WRAPPERS:
            i += 1
        elif base == "env":
            i += 1
            while i < len(words) and (words[i].text or "").startswith("-"):
                i += 1
            while i < len(words) and "=" in (words[i].text or ""):
                i += 1
        else:
            break
    return words[i:]


def _passwd_redirect(redirects: Sequence[tuple[str, Arg]], path: str = _PASSWD) -> str | None:
    for op, target in redirects:
        if target.text == path and ">" in op:
            return op
    return None


def events_for_command(
    words: Sequence[Arg], redirects: Sequence[tuple[str, Arg]] = ()
) -> tuple[UserEvent, ...]:
    """What one simple command does to the user database, in order."""
    words = _strip_wrappers(words)
    passwd_op = _passwd_redirect(redirects) if redirects else None
    group_op = _passwd_redirect(redirects, _GROUP) if redirects else None
    if not words:
        if passwd_op or group_op:
            reason = f"redirection into {_PASSWD if passwd_op else _GROUP}"
            return (Unfollowed(reason, -1, -1, users=bool(passwd_op), groups=bool(group_op)),)
        return ()
    command, args = words[0], words[1:]
    name = posixpath.basename(command.text) if command.text else None
    if not redirects and name not in _USER_PROGRAMS and not _runs_script(name):
        return ()  # what ``_by_name`` would say of any other program
    if passwd_op and name in ("echo", "printf"):
        return _appended_passwd(command, name, args, passwd_op)
    if passwd_op:
        reason = f"{name or 'a command'} writes {_PASSWD}"
        return (Unfollowed(reason, command.start, command.end, groups=bool(group_op)),)
    if group_op and name in ("echo", "printf"):
        return _appended_group(command, name, args, group_op)
    if group_op:
        reason = f"{name or 'a command'} writes {_GROUP}"
        return (Unfollowed(reason, command.start, command.end, users=False),)
    return _by_name(command, name, args)


def _by_name(command: Arg, name: str | None, args: Sequence[Arg]) -> tuple[UserEvent, ...]:
    """The user and group tools, by the command's base name."""
    if name == "useradd":
        return _useradd(command, args)
    if name == "adduser":
        return _adduser(command, args)
    if name == "usermod":
        return _usermod(args)
    if name == "userdel":
        return _userdel(args, _USERDEL, "userdel")
    if name == "deluser":
        return _userdel(args, {**_USERDEL, "--remove-home": ("remove", False)}, "deluser")
    if name == "groupadd":
        return _groupadd(command, args)
    if name == "addgroup":
        return _addgroup(command, args)
    if name == "groupmod":
        return _groupmod(command, args)
    if name in ("groupdel", "delgroup"):
        return _groupdel(command, args, name == "delgroup")
    if name == "gpasswd":
        return _gpasswd(args)
    if name == "newusers" or (name == "tee" and any(a.text == _PASSWD for a in args)):
        return (Unfollowed(f"{name} writes {_PASSWD}", command.start, command.end),)
    if name == "tee" and any(a.text == _GROUP for a in args):
        return (Unfollowed(f"{name} writes {_GROUP}", command.start, command.end, users=False),)
    if _runs_script(name):
        # A script from the build context (or piped in by curl) may well create the user:
        # saying "not created" then would be a guess.
        return (Unfollowed(f"{command.text} runs a script", command.start, command.end),)
    return ()


_SCRIPT_RUNNERS = frozenset({"sh", "bash", "dash", "ash", "zsh", "ksh", "source", "."})
# The programs ``_by_name`` reads (besides scripts and their shells).
_USER_PROGRAMS = frozenset(
    {"useradd", "adduser", "usermod", "userdel", "deluser", "groupadd", "addgroup"}
    | {"groupmod", "groupdel", "delgroup", "gpasswd", "newusers", "tee"}
)


def _runs_script(name: str | None) -> bool:
    """A script file or a shell reading one (``sh -c`` strings are followed before this)."""
    return name is not None and (name in _SCRIPT_RUNNERS or name.endswith((".sh", ".bash")))
