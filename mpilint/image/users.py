"""What one shell command does to ``/etc/passwd``.

Rules about SSH homes and uids need the users an image will really have, and Dockerfiles
create them with ``useradd``, ``adduser`` (Debian's Perl script or BusyBox's applet, whose
options differ), ``usermod``/``userdel`` or by appending to ``/etc/passwd``.  This module
reads one simple command's words, already split and with known variables substituted, and
says what it does; it never guesses.  Anything that may touch users but cannot be read
becomes ``Unfollowed`` so the image model can say its user list is incomplete.

Option parsing follows getopt: short options cluster (``-mu 1000``, ``-ms /bin/bash``,
``-u1000``), long options take ``--opt=value`` or the next word and may be abbreviated to any
unique prefix (``--home`` for ``--home-dir``), and options may follow the user name, as GNU
getopt permutes arguments.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "Arg",
    "ChangedUser",
    "NewUser",
    "RemovedUser",
    "Unfollowed",
    "UserEvent",
    "events_for_command",
]


@dataclass(frozen=True)
class Arg:
    """One word as the parsers need it.

    ``text`` is None when the word depends on something unknown (an unresolved ``$VAR``,
    a command substitution), so its value must not be used.  ``start``/``end`` are offsets
    in the script the caller maps back to the Dockerfile; -1 when not known.
    """

    text: str | None
    start: int
    end: int


@dataclass(frozen=True)
class NewUser:
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


@dataclass(frozen=True)
class ChangedUser:
    """``usermod``: only the fields that were given are set; ``uid_unknown`` for ``-u $X``."""

    name: str
    new_name: str | None
    uid: int | None
    uid_unknown: bool
    home: str | None


@dataclass(frozen=True)
class RemovedUser:
    name: str


@dataclass(frozen=True)
class Unfollowed:
    """A command that may change users in a way this module cannot read."""

    reason: str
    start: int
    end: int


UserEvent = NewUser | ChangedUser | RemovedUser | Unfollowed

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

_PASSWD = "/etc/passwd"
_WRAPPERS = frozenset({"sudo", "exec", "command", "nohup", "time", "nice"})
_UID_PATTERN = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class _Parsed:
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
    return (NewUser(name, uid, home, system, "useradd", auto, start, end),)


def _adduser(command: Arg, args: Sequence[Arg]) -> tuple[UserEvent, ...]:
    parsed = _getopt(args, _ADDUSER)
    if parsed.has("help"):
        return ()
    start, end = _span(command, parsed.positionals[-1] if parsed.positionals else command)
    system = parsed.has("system")
    if len(parsed.positionals) == 2 and not system:
        return ()  # adduser USER GROUP: membership of an existing user
    if parsed.has("group") and not system:
        return ()  # adduser --group NAME: creates a group
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
    return (NewUser(name, uid, home, system, "adduser", auto, start, end),)


def _usermod(args: Sequence[Arg]) -> tuple[UserEvent, ...]:
    parsed = _getopt(args, _USERMOD)
    if len(parsed.positionals) != 1 or parsed.positionals[0].text is None:
        first = args[0] if args else Arg(None, -1, -1)
        return (Unfollowed("usermod whose user name is not known", first.start, first.end),)
    uid, given = _uid(parsed)
    return (
        ChangedUser(
            name=parsed.positionals[0].text,
            new_name=parsed.value("login"),
            uid=uid,
            uid_unknown=given and uid is None,
            home=parsed.value("home"),
        ),
    )


def _userdel(args: Sequence[Arg], table: _Table) -> tuple[UserEvent, ...]:
    parsed = _getopt(args, table)
    if len(parsed.positionals) == 1 and parsed.positionals[0].text is not None:
        return (RemovedUser(parsed.positionals[0].text),)
    return ()  # deluser USER GROUP: membership only; unknown names cannot add users


def _passwd_entry(line: str, start: int, end: int) -> UserEvent | None:
    fields = line.split(":")
    if len(fields) != 7 or not fields[0]:
        return None
    uid = int(fields[2]) if _UID_PATTERN.fullmatch(fields[2]) else None
    home = fields[5] or None
    system = uid is not None and uid < 1000
    return NewUser(fields[0], uid, home, system, "passwd", None, start, end)


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
        return (Unfollowed(f"{name} {op} {_PASSWD} with text that is not known", start, end),)
    events: list[UserEvent] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        entry = _passwd_entry(line.strip(), start, end)
        events.append(entry or Unfollowed("malformed /etc/passwd line", start, end))
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


def _passwd_redirect(redirects: Sequence[tuple[str, Arg]]) -> str | None:
    for op, target in redirects:
        if target.text == _PASSWD and ">" in op:
            return op
    return None


def events_for_command(
    words: Sequence[Arg], redirects: Sequence[tuple[str, Arg]] = ()
) -> tuple[UserEvent, ...]:
    """What one simple command does to the user database, in order."""
    words = _strip_wrappers(words)
    passwd_op = _passwd_redirect(redirects)
    if not words:
        if passwd_op:
            return (Unfollowed(f"redirection into {_PASSWD}", -1, -1),)
        return ()
    command, args = words[0], words[1:]
    name = posixpath.basename(command.text) if command.text else None
    if passwd_op and name in ("echo", "printf"):
        return _appended_passwd(command, name, args, passwd_op)
    if passwd_op:
        return (Unfollowed(f"{name or 'a command'} writes {_PASSWD}", command.start, command.end),)
    if name == "useradd":
        return _useradd(command, args)
    if name == "adduser":
        return _adduser(command, args)
    if name == "usermod":
        return _usermod(args)
    if name == "userdel":
        return _userdel(args, _USERDEL)
    if name == "deluser":
        return _userdel(args, {**_USERDEL, "--remove-home": ("remove", False)})
    if name == "newusers" or (name == "tee" and any(a.text == _PASSWD for a in args)):
        return (Unfollowed(f"{name} writes {_PASSWD}", command.start, command.end),)
    if _runs_script(name):
        # A script from the build context (or piped in by curl) may well create the user:
        # saying "not created" then would be a guess.
        return (Unfollowed(f"{command.text} runs a script", command.start, command.end),)
    return ()


_SCRIPT_RUNNERS = frozenset({"sh", "bash", "dash", "ash", "zsh", "ksh", "source", "."})


def _runs_script(name: str | None) -> bool:
    """A script file or a shell reading one (``sh -c`` strings are followed before this)."""
    return name is not None and (name in _SCRIPT_RUNNERS or name.endswith((".sh", ".bash")))
