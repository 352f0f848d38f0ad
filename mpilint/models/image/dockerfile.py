"""The facts about an image that MPIJob rules need, read from its Dockerfile.

The launcher reaches workers over SSH as some user, so rules must know which users the
final image has, their uids and homes, and where each was created.  This module walks the
stages the final image is built from (``FROM <stage>`` chains, never stages only copied
from), starts from what known bases bring (``bases.py``), and follows the commands that
create or change users (``users.py``).  It reports, rather than guesses: a fact that depends
on an unresolved ``$ARG``, an unknown base or a command it cannot read is ``None`` or makes
``users_complete`` False.

Positions: the BuildKit parser joins continuation lines and drops comment lines inside an
instruction, so its text has no columns.  The instruction is rebuilt here from the raw lines
with the same rules, keeping the line and column of every character; tokens are then found
in that text, falling back to the instruction's first line when they are not.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
from bisect import bisect_right
from collections.abc import Callable, Hashable, Mapping, Sequence

from mpilint.core.findings import Span
from mpilint.core.lazyre import lazy
from mpilint.core.records import MutableRecord, Record, field, replace
from mpilint.models.image.bases import BaseGroup, BaseUser, KnownBase, lookup_base
from mpilint.models.image.declared import NO_DECLARED, Declared
from mpilint.models.image.kinds import factories, instructions_read, quiet_tests
from mpilint.models.image.observe import (
    Instruction,
    RunSite,
)
from mpilint.models.image.runplan import GROUP_WORDS as _GROUP_WORDS
from mpilint.models.image.runplan import USER_WORDS as _USER_WORDS
from mpilint.models.image.runplan import plan, shell_c_script
from mpilint.models.image.users import (
    Arg,
    ChangedGroup,
    ChangedUser,
    Membership,
    NewGroup,
    NewUser,
    Primary,
    RemovedGroup,
    RemovedUser,
    Unfollowed,
    UserEvent,
    events_for_command,
)
from mpilint.sources.dockerparse import DockerfileSyntaxError, parse_string
from mpilint.sources.shellwords import Word

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Any, TypeVar

    V = TypeVar("V")

    from mpilint.models.image.observe import StageObserver

__all__ = [
    "Group",
    "Image",
    "ImageResult",
    "Placed",
    "Stage",
    "User",
    "load_image",
    "user_for_ssh_path",
]


class User(Record):
    name: str
    uid: int | None  # None when not given and not derivable
    home: str | None
    span: Span  # the creating command through the user name; for base users the FROM image
    origin: str  # "useradd", "adduser", "passwd", "base:<image ref>", "os"
    gid: int | None = None  # primary group id; None when not given and not derivable
    group: str | None = None  # primary group's name, when known


class Group(Record):
    name: str
    gid: int | None  # None when not given and not derivable
    span: Span  # the creating command through the group name; for base groups the FROM image
    origin: str  # "groupadd", "addgroup", "useradd", "adduser", "group", "base:<ref>", "os"


class Stage(Record):
    index: int
    name: str | None
    base: str  # after ARG substitution, as written when that is not possible
    parent: int | None  # the earlier stage this one is built FROM
    from_span: Span
    base_span: Span


class Placed(Record):
    """Where one instruction is written (1-based lines, the last included): fixes that add an
    instruction must know where others begin and end, and which user runs there."""

    cmd: str
    start_line: int
    end_line: int
    words: tuple[str, ...]
    heredoc: bool


class Image(Record):
    """``once`` keeps what rules compute from the image (its file and software facts) for as
    long as the image lives: the run's image cache decides that, not a module-level memo."""

    path: str
    stages: tuple[Stage, ...]
    final: Stage
    root_base: str | None
    root_base_known: bool
    users: tuple[User, ...]
    users_complete: bool
    user_instruction: tuple[str, Span] | None
    # The final stage's observers (see observe.py), by name; each fact module reads its own.
    observed: tuple[tuple[str, StageObserver], ...] = ()
    groups: tuple[Group, ...] = ()
    groups_complete: bool = False
    text: str = ""  # the Dockerfile as read: fixes are edits of it
    layout: tuple[Placed, ...] = ()
    _kept: dict[Hashable, object] = field(init=False, default_factory=dict)  # see ``once``

    def once(self, key: Hashable, compute: Callable[[], V]) -> V:
        """``compute()`` the first time ``key`` is asked of this image, then what it gave: the
        image and its final observers no longer change once ``load_image`` has returned."""
        kept = self._kept
        if key in kept:
            return kept[key]  # type: ignore[return-value]  # this key's compute made it
        value = kept[key] = compute()
        return value

    def observer(self, name: str) -> StageObserver | None:
        for kind, observer in self.observed:  # every rule asks, through files_of/software_of
            if kind == name:
                return observer
        return None


class ImageResult(Record):
    image: Image | None
    problems: tuple[tuple[Span, str], ...]


# -- instructions as typed values ---------------------------------------------------------

_INSTRUCTIONS = frozenset(
    {
        "ADD",
        "ARG",
        "CMD",
        "COPY",
        "ENTRYPOINT",
        "ENV",
        "EXPOSE",
        "FROM",
        "HEALTHCHECK",
        "LABEL",
        "MAINTAINER",
        "ONBUILD",
        "RUN",
        "SHELL",
        "STOPSIGNAL",
        "USER",
        "VOLUME",
        "WORKDIR",
    }
)


class _Instr(Record):
    """One parsed instruction, as the rules' walk reads it (the reader's records keep the
    binding's shape, with empty fields ``None``, so the differential test compares them whole)."""

    cmd: str
    json: bool
    start_line: int
    end_line: int
    flags: tuple[str, ...]
    value: tuple[str, ...]
    heredocs: tuple[tuple[str, str], ...]  # (name, content)

    @classmethod
    def of(cls, command: Any) -> _Instr:
        # Positional, and no conversion of what is empty: one per instruction of every file.
        heredocs = command.heredocs
        return cls(
            str(command.cmd or "").upper(),
            bool(command.json),
            int(command.start_line),
            int(command.end_line),
            tuple(map(str, command.flags)) if command.flags else (),
            tuple(map(str, command.value)),
            tuple((str(h.name), str(h.content)) for h in heredocs) if heredocs else (),
        )


# -- source positions ---------------------------------------------------------------------


class _Logical:
    """Text the parser saw for one instruction (or here-document), with where each character
    stands in the file: runs of characters from one line, as (offset in ``text``, line,
    column) at the start of each run. A tuple per character cost more than the walk's
    observers together.

    ``line``/``column``: where the instruction starts.  ``fallback``, its first line, is where
    unlocatable tokens point; most instructions never need it, so it is made when first asked
    for from that line's text (``raw``), unless given.  Never changed once made.
    """

    __slots__ = ("_fallback", "_raw", "_starts", "column", "line", "runs", "text")

    def __init__(
        self,
        text: str,
        runs: tuple[tuple[int, int, int], ...],
        line: int,
        column: int,
        raw: str = "",
        fallback: Span | None = None,
    ) -> None:
        self.text = text
        self.runs = runs
        self.line = line
        self.column = column
        self._raw = raw
        self._fallback = fallback
        self._starts: tuple[int, ...] | None = None  # each run's offset, for bisect

    @property
    def fallback(self) -> Span:
        if self._fallback is None:
            end = max(len(self._raw), self.column - 1) + 1
            self._fallback = Span(self.line, self.column, self.line, end)
        return self._fallback

    def find(self, token: str, cursor: int) -> int:
        return self.text.find(token, cursor) if token else -1

    def at(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of character ``offset``."""
        run = self.runs[self.run_of(offset)]
        return run[1], run[2] + offset - run[0]

    def run_of(self, offset: int) -> int:
        """The index of the run holding character ``offset`` (the last run for offsets past
        the text; for negative ones too, as indexing from the end does)."""
        if len(self.runs) == 1:
            return 0
        if self._starts is None:
            self._starts = tuple(run[0] for run in self.runs)
        return bisect_right(self._starts, offset) - 1

    def span(self, start: int, end: int) -> Span:
        runs = self.runs
        if start < 0 or end > len(self.text) or start >= end or not runs:
            return self.fallback
        if len(runs) == 1:  # a one-line instruction: most are
            offset, line, column = runs[0]
            return Span(line, column + start - offset, line, column + end - offset)
        # ``run_of`` and ``at``, inlined: every placed word of a continued RUN comes here.
        starts = self._starts
        if starts is None:
            starts = self._starts = tuple(run[0] for run in runs)
        index = bisect_right(starts, start) - 1
        offset, line, column = runs[index]
        if index + 1 == len(runs) or end <= starts[index + 1]:  # within one line
            return Span(line, column + start - offset, line, column + end - offset)
        last_offset, end_line, end_column = runs[bisect_right(starts, end - 1) - 1]
        return Span(line, column + start - offset, end_line, end_column + end - last_offset)


class _Source(Record):
    lines: tuple[str, ...]
    escape: str

    @classmethod
    def of(cls, text: str) -> _Source:
        split = text.split("\n")
        # Most files have no line to trim.
        lines = tuple(line.removesuffix("\r") for line in split) if "\r" in text else tuple(split)
        return cls(lines, _escape_directive(lines))

    def continued(self, raw: str) -> int:
        """Where the line's continuation character stands (it ends the line, but for blanks);
        -1 when the line is not continued."""
        stripped = raw.rstrip(" \t")
        return len(stripped) - 1 if stripped.endswith(self.escape) else -1

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def line_span(self, number: int) -> Span:
        raw = self.line(number)
        indent = len(raw) - len(raw.lstrip())
        return Span(number, indent + 1, number, max(len(raw), indent) + 1)

    def instruction(self, instr: _Instr) -> tuple[_Logical, int]:
        """The instruction's text as BuildKit joins it, and the last line it came from."""
        first = instr.start_line
        lines = self.lines
        raw = first_raw = lines[first - 1] if 0 < first <= len(lines) else ""
        indent = len(raw) - len(raw.lstrip())
        if not raw.rstrip(" \t").endswith(self.escape):  # one line: most instructions
            text = raw[indent:]
            only = ((0, first, indent + 1),) if text else ()
            return _Logical(text, only, first, indent + 1, raw), first
        # The first line is continued: it ends with the escape character, maybe then blanks.
        escape = self.escape
        stop = len(raw.rstrip(" \t")) - 1
        chars = [raw[indent:stop]]
        runs = [(0, first, indent + 1)] if stop > indent else []
        size = stop - indent if stop > indent else 0
        final = max(instr.end_line, first)
        number = first + 1
        while number <= final:
            raw = lines[number - 1] if number <= len(lines) else ""
            stripped = raw.lstrip()
            if not stripped or stripped[0] == "#":
                number += 1
                continue  # comment and empty lines inside a continuation are dropped
            trimmed = raw.rstrip(" \t")
            continued = trimmed.endswith(escape)
            stop = len(trimmed) - 1 if continued else len(raw)
            chars.append(raw[:stop])
            if stop > 0:
                runs.append((size, number, 1))
                size += stop
            if not continued:
                break
            number += 1
        last = min(number, final)
        return _Logical("".join(chars), tuple(runs), first, indent + 1, first_raw), last

    def body(self, first_line: int, last_line: int, fallback: Span) -> _Logical:
        """Here-document lines as written: the parser keeps ``<<-`` tabs, the shell drops them."""
        chars: list[str] = []
        runs: list[tuple[int, int, int]] = []
        size = 0
        for number in range(first_line, last_line + 1):
            raw = self.line(number)
            chars.append(raw + "\n")
            runs.append((size, number, 1))
            size += len(raw) + 1
        text = "".join(chars)
        return _Logical(text, tuple(runs), fallback.line, fallback.column, fallback=fallback)


_DIRECTIVE = re.compile(r"#\s*([A-Za-z][A-Za-z0-9]*)\s*=\s*(\S*)\s*$")


def _escape_directive(lines: Sequence[str]) -> str:
    """``# escape=`` only counts in the leading run of directives, as in BuildKit."""
    for raw in lines:
        match = _DIRECTIVE.match(raw.strip())
        if not match:
            break
        if match.group(1).lower() == "escape" and match.group(2) in ("\\", "`"):
            return match.group(2)
    return "\\"


# -- variables ----------------------------------------------------------------------------

_REFERENCE = lazy(
    r"\$(?:\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-+])(?P<word>[^}]*))?\}"
    r"|(?P<plain>[A-Za-z_][A-Za-z0-9_]*))"
)


def _expand_one(
    match: re.Match[str], values: Mapping[str, str | None], unset: Callable[[str], bool]
) -> str | None:
    name = match.group("braced") or match.group("plain")
    op, word = match.group("op"), match.group("word") or ""
    if name in values:
        value = values[name]
    elif unset(name):
        value = ""
    else:
        return None  # may be set by the base image's environment
    is_set = name in values
    if op is None:
        return value if is_set else None  # an ARG without default: unknown
    if op in (":-", "-"):
        use_word = not is_set or (op == ":-" and value == "")
        return _substitute(word, values, unset) if use_word else value
    if op == "+" or (is_set and value is not None and value != ""):
        return _substitute(word, values, unset) if is_set else ""
    return "" if value is not None else None


def _substitute(
    text: str, values: Mapping[str, str | None], unset: Callable[[str], bool]
) -> str | None:
    """``$X``, ``${X}``, ``${X:-d}``, ``${X-d}``, ``${X:+w}``, ``${X+w}`` resolved, or None.

    ``values`` maps names to known values (None: declared but unknown); ``unset`` says
    whether a name absent from ``values`` is certainly unset (Docker's own scope) rather than
    possibly set by the environment of the base image (the shell's scope).
    """
    if "$" not in text:
        return None if "`" in text else text
    out: list[str] = []
    position = 0
    for match in _REFERENCE().finditer(text):
        literal = text[position : match.start()]
        value = _expand_one(match, values, unset)
        if "$" in literal or value is None:
            return None
        out += (literal, value)
        position = match.end()
    tail = text[position:]
    return None if "$" in tail or "`" in tail else "".join(out) + tail


def _always(_name: str) -> bool:
    """Docker's own scope: a name that was not declared with a value is certainly unset."""
    return True


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


# -- the walk over stages -----------------------------------------------------------------


class _Entry(Record):
    user: User
    system: bool


class _GroupEntry(Record):
    group: Group
    system: bool


class _Roster(Record):
    """The users and groups a known base image brings, as a stage's entries."""

    users: tuple[_Entry, ...]
    groups: tuple[_GroupEntry, ...]
    complete: bool
    os: str | None


def _roster(base: str, span: Span, declared: tuple[tuple[str, KnownBase], ...]) -> _Roster | None:
    """What ``FROM base`` brings, its entries placed at ``span``; None for an unknown image.

    Kept by image, place and configured table (``Declared.users``, which ``lookup_base``
    reads): Dockerfiles of one team start FROM the same images on the same lines, and a base
    brings tens of users and groups to build. The cache is bounded, and its key holds all its
    result depends on (the table by value), so it may outlive a run.
    """
    try:
        return _cached_roster(base, span, declared)
    except TypeError:  # a configured table that cannot be a key: not kept
        return _build_roster(base, span, declared)


@functools.lru_cache(maxsize=256)
def _cached_roster(
    base: str, span: Span, declared: tuple[tuple[str, KnownBase], ...]
) -> _Roster | None:
    return _build_roster(base, span, declared)


def _build_roster(
    base: str, span: Span, declared: tuple[tuple[str, KnownBase], ...]
) -> _Roster | None:
    facts = lookup_base(base, declared)
    if facts is None:
        return None
    origin = f"base:{base}"
    groups = [_base_group(g, span, "os", True) for g in facts.system_groups]
    groups += [_base_group(g, span, origin, False) for g in facts.groups]
    names = {g.group.gid: g.group.name for g in groups if g.group.gid is not None}
    users = [_base_entry(u, span, "os", True, names) for u in facts.system_users]
    users += [_base_entry(u, span, origin, False, names) for u in facts.users]
    return _Roster(tuple(users), tuple(groups), facts.complete, facts.os)


class _StageState(MutableRecord):
    """Facts so far for one stage; mutable only while its instructions are read."""

    stage: Stage
    root: int  # index of the stage whose FROM is external
    root_base: str | None
    args: dict[str, str | None] = field(default_factory=dict)
    declared_unset: set[str] = field(default_factory=set)
    env: dict[str, str | None] = field(default_factory=dict)
    users: list[_Entry] = field(default_factory=list)
    complete: bool = True
    user_instruction: tuple[str, Span] | None = None
    observers: dict[str, StageObserver] = field(default_factory=dict)
    groups: list[_GroupEntry] = field(default_factory=list)
    groups_complete: bool = True
    os: str | None = None  # the base's OS family (bases.OS_USERS key), for login.defs defaults
    root_known: bool = False  # the root stage's base is a known image (lookup_base finds it)
    members: dict[str, set[str]] = field(default_factory=dict)  # supplementary, by group
    # ``values()`` until ``args`` or ``env`` change (``changed_values`` is then called): read
    # for every word that expands, changed only by ARG and ENV.
    _values: dict[str, str | None] | None = field(init=False, default=None)

    def values(self) -> dict[str, str | None]:
        if self._values is None:
            self._values = {**self.args, **self.env}  # ENV wins over ARG of the same name
        return self._values

    def changed_values(self) -> None:
        self._values = None


_NONE_QUIET: frozenset[str] = frozenset()  # every observer sees the command
_SHELL_WORD = r"(?:/usr)?(?:/bin/)?(?:ba|da|a|z|k)?sh(?:\s+-[A-Za-z]+)*"
_SCRIPT_HEREDOC = lazy(
    rf"\s*(?:{_SHELL_WORD}\s+)?<<(-?)([\"']?)([A-Za-z0-9_]+)\2(?:\s+{_SHELL_WORD})?\s*"
)
_FIRST_UID, _LAST_UID = 1000, 60000
_FIRST_GID, _LAST_GID = 1000, 60000  # shadow's GID_MIN/GID_MAX defaults (find_new_gid.c)
# OS families whose login.defs sets USERGROUPS_ENAB yes: useradd makes a private group and
# userdel removes it.
_USERGROUPS_OS = frozenset({"debian", "rhel"})
# The instructions whose words Docker itself substitutes ARG/ENV into; CMD, ENTRYPOINT and the
# rest keep `$X` for the shell (shell form) or literally (exec form).
_SUBSTITUTED = frozenset(
    {
        "ADD",
        "COPY",
        "ENV",
        "EXPOSE",
        "FROM",
        "LABEL",
        "STOPSIGNAL",
        "USER",
        "VOLUME",
        "WORKDIR",
        "ONBUILD",
    }
)


class _Walk(MutableRecord):
    """State of the walk over one Dockerfile: stages so far, global ARGs, problems."""

    path: str
    source: _Source
    globals: dict[str, str | None] = field(default_factory=dict)
    stages: list[_StageState] = field(default_factory=list)
    problems: list[tuple[Span, str]] = field(default_factory=list)
    # The RUN being read: its here-document bodies, for observers of ``cat > FILE <<EOF``.
    heredocs: dict[str, str] = field(default_factory=dict)
    first_command: bool = True  # no command of the RUN being read has been followed yet
    declared: Declared = NO_DECLARED  # the base images the Dockerfile's configuration declares
    context_dir: str = field(init=False)  # the build context: the Dockerfile's folder

    def __post_init__(self) -> None:
        self.context_dir = os.path.dirname(self.path)

    # -- instruction dispatch ---------------------------------------------------------

    def instruction(self, instr: _Instr) -> None:
        logical, last_line = self.source.instruction(instr)
        if not instr.cmd:
            return  # a lone continuation character: nothing to build
        if instr.cmd not in _INSTRUCTIONS:
            self.problems.append((logical.fallback, f"unknown instruction {instr.cmd}"))
            return
        if instr.cmd == "FROM":
            self.from_(instr, logical)
            return
        if not self.stages:
            if instr.cmd == "ARG":
                self.global_arg(instr)
            else:
                self.problems.append((logical.fallback, f"{instr.cmd} before the first FROM"))
            return
        self.in_stage(self.stages[-1], instr, logical, last_line)

    def in_stage(self, state: _StageState, instr: _Instr, logical: _Logical, last: int) -> None:
        if instr.cmd not in ("ARG", "RUN") and state.observers:
            self.observe(state, instr, logical)
        if instr.cmd == "ARG":
            self.stage_arg(state, instr)
        elif instr.cmd == "ENV":
            self.env(instr, state)
        elif instr.cmd == "RUN":
            self.run(state, instr, logical, last)
        elif instr.cmd == "USER" and instr.value:
            written = instr.value[0]
            start = logical.find(written, len(instr.cmd))
            end = start + len(written) if start >= 0 else -1
            state.user_instruction = (written, logical.span(start, end))
        elif instr.cmd in ("COPY", "ADD"):
            self.copy(state, instr)

    # -- FROM -------------------------------------------------------------------------

    def from_(self, instr: _Instr, logical: _Logical) -> None:
        value = instr.value
        if not value:
            self.problems.append((logical.fallback, "FROM without an image"))
            return
        name = self.stage_name(instr, logical)
        written = value[0]
        base = _substitute(written, self.globals, _always)
        cursor = len("FROM")
        for flag in instr.flags:
            found = logical.find(flag, cursor)
            cursor = found + len(flag) if found >= 0 else cursor
        start = logical.find(written, cursor)
        base_span = logical.span(start, start + len(written) if start >= 0 else -1)
        from_span = Span(logical.line, logical.column, *self.last_column(logical))
        parent = self.parent_of(base if base is not None else written)
        stage = Stage(len(self.stages), name, base or written, parent, from_span, base_span)
        if parent is not None:
            self.stages.append(self.inherit(self.stages[parent], stage))
        else:
            self.stages.append(self.external(stage, base, self.declared))

    @staticmethod
    def last_column(logical: _Logical) -> tuple[int, int]:
        if not logical.runs:
            return logical.fallback.end_line, logical.fallback.end_column
        line, column = logical.at(len(logical.text) - 1)
        return line, column + 1

    def stage_name(self, instr: _Instr, logical: _Logical) -> str | None:
        value = instr.value
        if len(value) == 1:
            return None
        if len(value) == 3 and value[1].upper() == "AS":
            lowered = value[2].lower()
            if any(s.stage.name and s.stage.name.lower() == lowered for s in self.stages):
                self.problems.append((logical.fallback, f"duplicate stage name {value[2]!r}"))
            return value[2]
        self.problems.append(
            (logical.fallback, "FROM must be: FROM [--platform=…] image [AS name]")
        )
        return None

    def parent_of(self, base: str) -> int | None:
        lowered = base.lower()
        for state in self.stages:
            if state.stage.name is not None and state.stage.name.lower() == lowered:
                return state.stage.index
        if base.isdigit() and int(base) < len(self.stages):
            return int(base)
        return None

    @staticmethod
    def inherit(parent: _StageState, stage: Stage) -> _StageState:
        return _StageState(
            stage=stage,
            root=parent.root,
            root_base=parent.root_base,
            env=dict(parent.env),
            users=list(parent.users),
            complete=parent.complete,
            user_instruction=parent.user_instruction,
            observers={name: o.fork() for name, o in parent.observers.items()},
            groups=list(parent.groups),
            groups_complete=parent.groups_complete,
            os=parent.os,
            members={g: set(m) for g, m in parent.members.items()},
            root_known=parent.root_known,
        )

    @staticmethod
    def external(stage: Stage, base: str | None, declared: Declared) -> _StageState:
        """A stage FROM an outside image: start from what that image is known to hold."""
        state = _StageState(stage=stage, root=stage.index, root_base=base)
        state.observers = {name: start(base, declared) for name, start in factories()}
        if base is not None and base.lower() == "scratch":
            state.root_base = None  # no /etc/passwd at all
            return state
        roster = _roster(base, stage.base_span, declared.users) if base is not None else None
        if roster is None:
            root = User("root", 0, "/root", stage.base_span, "os", 0, "root")
            state.users = [_Entry(root, True)]
            state.complete = False
            state.groups = [_GroupEntry(Group("root", 0, stage.base_span, "os"), True)]
            state.groups_complete = False
            return state
        state.root_known = True
        state.groups = list(roster.groups)
        state.groups_complete = roster.complete
        state.os = roster.os
        state.users = list(roster.users)
        state.complete = roster.complete
        return state

    # -- ARG / ENV --------------------------------------------------------------------

    def global_arg(self, instr: _Instr) -> None:
        """ARG before the first FROM: visible to FROM lines, and as stage ARG defaults."""
        for item in instr.value:
            name, eq, default = item.partition("=")
            if eq:
                self.globals[name] = _substitute(_unquote(default), self.globals, _always)
            else:
                self.globals.pop(name, None)  # unset unless given at build time

    def stage_arg(self, state: _StageState, instr: _Instr) -> None:
        for item in instr.value:
            name, eq, default = item.partition("=")
            if eq:
                state.args[name] = _substitute(_unquote(default), state.values(), _always)
                state.declared_unset.discard(name)
            elif name in self.globals:
                state.args[name] = self.globals[name]  # redeclared: takes the global default
            else:
                state.args.pop(name, None)
                state.declared_unset.add(name)
            state.changed_values()

    def env(self, instr: _Instr, state: _StageState) -> None:
        pairs = instr.value
        for i in range(0, len(pairs) - 1, 2):
            state.env[pairs[i]] = _substitute(_unquote(pairs[i + 1]), state.values(), _always)
            state.changed_values()

    # -- RUN --------------------------------------------------------------------------

    def run(self, state: _StageState, instr: _Instr, logical: _Logical, last: int) -> None:
        self.heredocs = dict(instr.heredocs) if instr.heredocs else {}
        self.first_command = True
        if instr.json:
            self.exec_form(state, instr, logical)
            return
        script = " ".join(instr.value)
        heredoc = _SCRIPT_HEREDOC().fullmatch(script) if instr.heredocs else None
        if heredoc and instr.heredocs[0][0] == heredoc.group(3):
            content = instr.heredocs[0][1]
            body = self.source.body(last + 1, instr.end_line, logical.fallback)
            self.script(state, content, body, body.find(content, 0), 0)
            return
        if instr.heredocs and any(_USER_WORDS().search(c) for _, c in instr.heredocs):
            state.complete = False  # a here-document fed to something we do not model
        if instr.heredocs and any(_GROUP_WORDS().search(c) for _, c in instr.heredocs):
            state.groups_complete = False
        start = logical.find(script, len(instr.cmd))
        self.script(state, script, logical, start, 0)

    def exec_form(self, state: _StageState, instr: _Instr, logical: _Logical) -> None:
        args: list[Arg] = []
        cursor = len(instr.cmd)
        for text in instr.value:
            start = logical.find(text, cursor)
            cursor = start + len(text) if start >= 0 else cursor
            args.append(Arg(text, start, start + len(text) if start >= 0 else -1))
        self.command(
            state, args, (), logical, RunSite(logical.span, logical.fallback, self.heredocs), 0
        )

    def script(self, state: _StageState, text: str, site: _Logical, base: int, depth: int) -> None:
        """Follow every simple command of a shell script written at ``site[base:]``."""
        parsed = plan(text, base)
        before = len(state.users), state.complete
        groups_before = len(state.groups), state.groups_complete
        run_site = RunSite(site.span, site.fallback, self.heredocs, parsed.conditional)
        tests = quiet_tests()
        for command in parsed.commands:
            if not command.static:
                words = [self.arg_of(w, state, base) for w in command.sources]
                redirects = tuple((op, self.arg_of(t, state, base)) for op, t in command.targets)
                self.command(state, words, redirects, site, run_site, depth)
            elif command.inner is not None and depth < 4:
                inner, inner_base = command.inner
                self.script(state, inner, site, inner_base, depth + 1)
            else:
                quiet = command.quiet(tests)
                self.follow(
                    state, command.words, command.redirects, command.events, run_site, quiet
                )
        if not parsed.complete and (
            before != (len(state.users), state.complete) or parsed.user_words
        ):
            state.complete = False  # users made under if/for/here-documents may or may not exist
        if not parsed.complete and (
            groups_before != (len(state.groups), state.groups_complete) or parsed.group_words
        ):
            state.groups_complete = False

    @staticmethod
    def arg_of(word: Word, state: _StageState, base: int) -> Arg:
        text: str | None = word.text
        if word.expands:
            text = _substitute(word.text, state.values(), state.declared_unset.__contains__)
        if base < 0:
            return Arg(text, -1, -1)
        return Arg(text, base + word.start, base + word.end)

    def command(
        self,
        state: _StageState,
        words: Sequence[Arg],
        redirects: Sequence[tuple[str, Arg]],
        site: _Logical,
        run_site: RunSite,
        depth: int,
    ) -> None:
        """A command whose words are known only now (exec form, or words that expand)."""
        inner = shell_c_script(words)
        if inner is not None and depth < 4:
            holder, text = inner
            raw = site.text[holder.start : holder.end] if holder.start >= 0 else ""
            offset = raw.find(text) if raw else -1
            self.script(state, text, site, holder.start + offset if offset >= 0 else -1, depth + 1)
            return
        events = events_for_command(words, redirects)
        self.follow(state, words, redirects, events, run_site, _NONE_QUIET)

    def follow(
        self,
        state: _StageState,
        words: Sequence[Arg],
        redirects: Sequence[tuple[str, Arg]],
        events: Sequence[UserEvent],
        site: RunSite,
        quiet: frozenset[str],
    ) -> None:
        """Apply one simple command: its user events, then each observer sees it (but those
        of the ``quiet`` kinds, in which it changes nothing).  Every observer sees the first
        command of a RUN, so that each starts its per-RUN state where it always did."""
        for event in events:
            self.apply(state, event, site.span)
        if self.first_command:
            self.first_command = False
            quiet = _NONE_QUIET
        for name, observer in state.observers.items():
            if name not in quiet:
                observer.on_command(words, redirects, site)

    def apply(self, state: _StageState, event: UserEvent, span: Callable[[int, int], Span]) -> None:
        if isinstance(event, Unfollowed):
            state.complete = state.complete and not event.users
            state.groups_complete = state.groups_complete and not event.groups
        elif isinstance(event, NewUser):
            _add_user(state, event, span(event.start, event.end))
        elif isinstance(event, ChangedUser):
            _change_user(state, event)
        elif isinstance(event, RemovedUser):
            _remove_user(state, event)
        elif isinstance(event, NewGroup):
            _add_group(state, event, span(event.start, event.end))
        elif isinstance(event, ChangedGroup):
            _change_group(state, event)
        elif isinstance(event, RemovedGroup):
            state.groups = [g for g in state.groups if g.group.name != event.name]
            state.members.pop(event.name, None)
        elif isinstance(event, Membership):
            _change_membership(state, event)

    # -- observers --------------------------------------------------------------------

    def observe(self, state: _StageState, instr: _Instr, logical: _Logical) -> None:
        """Show a non-RUN instruction to the stage's observers that read it, words
        substituted."""
        read = instructions_read()
        cmd = instr.cmd
        shown = [
            (name, observer)
            for name, observer in state.observers.items()
            if cmd in read.get(name, (cmd,))
        ]
        if not shown:
            return
        words = instr.value
        if instr.cmd in _SUBSTITUTED and "$" in " ".join(words):
            values, unset = state.values(), state.declared_unset.__contains__
            words = tuple(
                value if (value := _substitute(w, values, unset)) is not None else w for w in words
            )
        instruction = Instruction(
            instr.cmd,
            words,
            instr.flags,
            instr.json,
            functools.partial(_whole_span, logical),
            instr.heredocs,
            self.context_dir,
            functools.partial(_word_spans, logical, instr),
        )
        origin = None
        if instr.flags:
            origin = next(
                (f.partition("=")[2] for f in instr.flags if f.startswith("--from=")), None
            )
        donor_stage = self.parent_of(origin) if origin is not None else None
        for name, observer in shown:
            donor = (
                self.stages[donor_stage].observers.get(name) if donor_stage is not None else None
            )
            observer.on_instruction(instruction, donor)

    # -- COPY /etc/passwd -------------------------------------------------------------

    def copy(self, state: _StageState, instr: _Instr) -> None:
        """``COPY --from=builder /etc/passwd /etc/passwd`` brings that stage's users along."""
        if instr.json or len(instr.value) < 2:
            return
        *sources, dest = (posixpath.normpath(v) for v in instr.value)
        passwd = _touches_passwd(sources, dest)
        group = _touches_passwd(sources, dest, "/etc/group")
        if not passwd and not group:
            return
        origin = next((f.partition("=")[2] for f in instr.flags if f.startswith("--from=")), None)
        donor = self.parent_of(origin) if origin is not None else None
        if donor is None or not all(s == dest for s in sources):
            state.complete = state.complete and not passwd
            state.groups_complete = state.groups_complete and not group
            return
        if passwd:
            state.users = list(self.stages[donor].users)
            state.complete = self.stages[donor].complete
        if group:
            state.groups = list(self.stages[donor].groups)
            state.groups_complete = self.stages[donor].groups_complete
            state.members = {g: set(m) for g, m in self.stages[donor].members.items()}

    # -- result -----------------------------------------------------------------------

    def image(self) -> Image:
        final = self.stages[-1]
        root_base = final.root_base
        return Image(
            path=self.path,
            stages=tuple(s.stage for s in self.stages),
            final=final.stage,
            root_base=root_base,
            root_base_known=final.root_known,
            users=tuple(e.user for e in final.users),
            users_complete=final.complete,
            user_instruction=final.user_instruction,
            observed=tuple(final.observers.items()),
            groups=tuple(g.group for g in final.groups),
            groups_complete=final.groups_complete,
        )


def _whole_span(logical: _Logical) -> Span:
    """Where an instruction is written, from its first character to its last."""
    return Span(logical.line, logical.column, *_Walk.last_column(logical))


def _word_spans(logical: _Logical, instr: _Instr) -> tuple[Span, ...]:
    """Where each word of a non-RUN instruction is written, searched left to right."""
    spans: list[Span] = []
    cursor = len(instr.cmd)
    for written in instr.value:
        start = logical.find(written, cursor)
        cursor = start + len(written) if start >= 0 else cursor
        spans.append(logical.span(start, start + len(written) if start >= 0 else -1))
    return tuple(spans)


def _base_entry(
    user: BaseUser, span: Span, origin: str, system: bool, names: Mapping[int, str]
) -> _Entry:
    group = user.group or (names.get(user.gid) if user.gid is not None else None)
    return _Entry(User(user.name, user.uid, user.home, span, origin, user.gid, group), system)


def _base_group(group: BaseGroup, span: Span, origin: str, system: bool) -> _GroupEntry:
    return _GroupEntry(Group(group.name, group.gid, span, origin), system)


def _touches_passwd(sources: Sequence[str], dest: str, path: str = "/etc/passwd") -> bool:
    if dest == path:
        return True
    return dest in ("/etc", "/") and any(s in (path, "/etc", "/") for s in sources)


def _next_uid(state: _StageState, rule: str) -> int | None:
    """The uid the tool picks; None when a user of unknown uid may hold the range."""
    if any(e.user.uid is None and not e.system for e in state.users):
        return None
    used = {e.user.uid for e in state.users if e.user.uid is not None}
    in_range = [uid for uid in used if _FIRST_UID <= uid < _LAST_UID]
    if rule == "max+1":
        return max(in_range, default=_FIRST_UID - 1) + 1
    uid = _FIRST_UID
    while uid in used:
        uid += 1
    return uid


def _add_user(state: _StageState, event: NewUser, span: Span) -> None:
    if any(e.user.name == event.name for e in state.users):
        return  # the command fails on an existing name; the first entry stays
    uid = event.uid
    if uid is None and event.auto_uid is not None:
        uid = _next_uid(state, event.auto_uid)
    gid, group = _primary_group(state, event, uid, span)
    user = User(event.name, uid, event.home, span, event.origin, gid, group)
    state.users.append(_Entry(user, event.system))
    for name in event.groups:
        state.members.setdefault(name, set()).add(event.name)


def _change_user(state: _StageState, event: ChangedUser) -> None:
    for i, entry in enumerate(state.users):
        if entry.user.name != event.name:
            continue
        user = entry.user
        if event.uid is not None or event.uid_unknown:
            user = replace(user, uid=event.uid)
        if event.home is not None:
            user = replace(user, home=event.home)
        if event.new_name is not None:
            user = replace(user, name=event.new_name)
        if event.group is not None or event.group_unknown:
            gid, group = _existing_primary(state, _primary_of(event.group))
            user = replace(user, gid=gid, group=group)
        state.users[i] = _Entry(user, entry.system)
        return


def _primary_of(text: str | None) -> Primary:
    """``-g``'s text: a group name or a gid."""
    if text is None:
        return Primary(known=False)
    return Primary(gid=int(text)) if text.isdigit() else Primary(group=text)


def _group_named(state: _StageState, name: str) -> _GroupEntry | None:
    return next((g for g in state.groups if g.group.name == name), None)


def _existing_primary(state: _StageState, primary: Primary) -> tuple[int | None, str | None]:
    """(gid, name) of a group given by name or number; either may stay unknown."""
    if not primary.known:
        return None, None
    if primary.gid is not None:
        same = [g.group.name for g in state.groups if g.group.gid == primary.gid]
        return primary.gid, same[0] if same else None
    if primary.group is None:
        return None, None
    found = _group_named(state, primary.group)
    return (found.group.gid if found else None), primary.group


def _primary_group(
    state: _StageState, event: NewUser, uid: int | None, span: Span
) -> tuple[int | None, str | None]:
    """The new user's primary (gid, group name), creating its private group when one is made."""
    primary = event.primary
    if not primary.known:
        return None, None
    if not primary.private:
        return _existing_primary(state, primary)
    if primary.usergroups and state.os not in _USERGROUPS_OS:
        state.groups_complete = False  # USERGROUPS_ENAB of this image is not known
        return None, None
    if _group_named(state, event.name) is not None:
        return None, None  # the tools refuse an existing group name: the build fails
    gid = _private_gid(state, primary.rule, uid, event.system)
    group = Group(event.name, gid, span, event.origin)
    state.groups.append(_GroupEntry(group, event.system))
    return gid, event.name


def _gid_taken(state: _StageState, gid: int) -> bool | None:
    """Whether a group holds ``gid``; None when that cannot be told."""
    if any(g.group.gid == gid for g in state.groups):
        return True
    if not state.groups_complete or _unknown_gid(state):
        return None
    return False


def _unknown_gid(state: _StageState) -> bool:
    """A regular group of unknown gid may hold any gid from 1000 up (system groups do not)."""
    return any(g.group.gid is None and not g.system for g in state.groups)


def _private_gid(state: _StageState, rule: str | None, uid: int | None, system: bool) -> int | None:
    """The gid a private group gets under ``rule`` (see ``users.Primary``)."""
    if rule == "uid" or uid is None:
        return uid if rule == "uid" else None
    if rule == "uid-if-first-free":
        return uid if _next_gid(state, "first-free") == uid else None
    if rule != "uid-if-free":
        return None
    # shadow's find_new_gid: the uid when free and inside the range for this kind of group.
    low, high = (1, _FIRST_GID - 1) if system else (_FIRST_GID, _LAST_GID)
    taken = _gid_taken(state, uid)
    if low <= uid <= high and taken is False:
        return uid
    if taken is None or system:
        return None  # system groups are searched downwards from SYS_GID_MAX: not followed
    return _next_gid(state, "max+1")


def _next_gid(state: _StageState, rule: str) -> int | None:
    """The gid a tool picks by itself; None unless every group's gid is known."""
    if not state.groups_complete or _unknown_gid(state):
        return None
    used = {g.group.gid for g in state.groups if g.group.gid is not None}
    in_range = [gid for gid in used if _FIRST_GID <= gid <= _LAST_GID]
    if rule == "max+1" and max(in_range, default=_FIRST_GID - 1) < _LAST_GID:
        return max(in_range, default=_FIRST_GID - 1) + 1
    gid = _FIRST_GID
    while gid in used:
        gid += 1
    return gid if gid <= _LAST_GID else None


def _add_group(state: _StageState, event: NewGroup, span: Span) -> None:
    if _group_named(state, event.name) is not None:
        return  # groupadd fails (or, with -f, does nothing) on an existing name
    gid = event.gid
    if gid is not None and event.force and _gid_taken(state, gid) is not False:
        gid = None  # groupadd -f picks another gid when this one is (or may be) taken
        if not event.system:
            gid = _next_gid(state, "max+1")
    elif gid is None and event.auto_gid is not None:
        gid = _next_gid(state, event.auto_gid)
    state.groups.append(_GroupEntry(Group(event.name, gid, span, event.origin), event.system))


def _change_group(state: _StageState, event: ChangedGroup) -> None:
    for i, entry in enumerate(state.groups):
        if entry.group.name != event.name:
            continue
        group = entry.group
        if event.gid is not None or event.gid_unknown:
            group = replace(group, gid=event.gid)
        if event.new_name is not None:
            group = replace(group, name=event.new_name)
            if event.name in state.members:
                state.members[event.new_name] = state.members.pop(event.name)
        state.groups[i] = _GroupEntry(group, entry.system)
        # groupmod moves the users whose primary group this is along with it.
        for j, user_entry in enumerate(state.users):
            if user_entry.user.group == event.name:
                user = replace(user_entry.user, gid=group.gid, group=group.name)
                state.users[j] = _Entry(user, user_entry.system)
        return


def _change_membership(state: _StageState, event: Membership) -> None:
    if event.mode == "set":
        for members in state.members.values():
            members.discard(event.user)
    for name in event.groups:
        members = state.members.setdefault(name, set())
        if event.mode == "remove":
            members.discard(event.user)
        else:
            members.add(event.user)


def _remove_user(state: _StageState, event: RemovedUser) -> None:
    """userdel also removes the user's private group where USERGROUPS_ENAB is yes, unless the
    group still has members or is another user's primary group (shadow's userdel)."""
    removed = [e.user for e in state.users if e.user.name == event.name]
    state.users = [e for e in state.users if e.user.name != event.name]
    for members in state.members.values():
        members.discard(event.name)
    group = _group_named(state, event.name)
    if not removed or group is None or removed[0].group != event.name:
        return
    if event.tool != "userdel" or state.os not in _USERGROUPS_OS:
        state.groups_complete = False  # deluser's (or this login.defs') choice is not followed
        return
    in_use = state.members.get(event.name) or any(e.user.group == event.name for e in state.users)
    if not in_use:
        state.groups = [g for g in state.groups if g.group.name != event.name]


# -- entry points -------------------------------------------------------------------------

_UNSAFE = (
    # The reader reads a NUL as BuildKit does (the binding stopped at it), but a text with one
    # is not a text Dockerfile (the CLI refuses a NUL in a file's first 8 KiB, MPL003); one further
    # on is said once, and read as a blank so that no value carries it into a report.
    (re.compile("\x00"), " ", "NUL byte: this is not a text Dockerfile"),
    # Only a caller's ``str`` can hold one (a file is decoded strictly; an editor's JSON can
    # escape one): the reader reads it, but it cannot be encoded as UTF-8 in a report or a fix.
    (re.compile("[\ud800-\udfff]"), "\ufffd", "invalid character (lone surrogate)"),
)


def _point_at(text: str, offset: int) -> Span:
    line_start = text.rfind("\n", 0, offset) + 1
    return Span.point(text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _sanitise(text: str) -> tuple[str, list[tuple[Span, str]]]:
    """The text without what no Dockerfile should hold, each said once; each replacement is one
    code point, so every column stays right."""
    problems: list[tuple[Span, str]] = []
    text = text.removeprefix("\ufeff")  # the parser skips it; columns must not count it
    if text.isascii() and "\x00" not in text:
        return text, problems  # most files: nothing to look for (surrogates are not ASCII)
    for pattern, replacement, message in _UNSAFE:
        match = pattern.search(text)
        if match is not None:
            problems.append((_point_at(text, match.start()), message))
            text = pattern.sub(replacement, text)
    return text, problems


def _parse_error_span(
    parse: Callable[[str], object], error: type[BaseException], source: _Source, message: str
) -> Span:
    """The binding's errors carry no line: find the shortest prefix that fails the same way."""
    lines = source.lines

    def fails(count: int) -> bool:
        try:
            parse("\n".join(lines[:count]))
        except error as exc:
            return str(exc) == message
        return False

    low, high = 1, len(lines)
    if not fails(high):
        return Span.point(1, 1)
    while low < high:
        middle = (low + high) // 2
        if fails(middle):
            high = middle
        else:
            low = middle + 1
    return source.line_span(low)


def parse_dockerfile(text: str) -> Sequence[Any]:
    """The one place the Dockerfile's instructions come from: the pure-Python reader, which
    returns the ``dockerfile`` binding's records (tests/sources/test_dockerparse.py holds it to
    BuildKit's parser) and installs everywhere (issue 19)."""
    return parse_string(text)


# The reader is linear (200,000 lines of one here-document in 0.2 s; BuildKit's Go binding,
# quadratic there, took 43 s and set this limit), but the image walk and the rules cost about
# 40 to 50 µs a line: 20,000 lines take about a second, 200,000 ten. Real Dockerfiles are a few
# hundred lines; a bigger one is generated or hostile and is refused.
MAX_DOCKERFILE_LINES = 20_000


def load_image(path: str, text: str, declared: Declared = NO_DECLARED) -> ImageResult:
    """Read a Dockerfile into the facts of its final image; never raises on any text.
    ``declared``: the base images its configuration declares (``Project.declared_bases``)."""
    clean, problems = _sanitise(text)
    source = _Source.of(clean)
    count = len(source.lines) - (source.lines[-1] == "")  # a final newline starts no line
    if count > MAX_DOCKERFILE_LINES:
        message = (
            f"this Dockerfile has {count:,} lines; mpilint reads at most"
            f" {MAX_DOCKERFILE_LINES:,} (reading one takes about a second per 20,000 lines; real"
            " Dockerfiles have hundreds) and does not check it"
        )
        return ImageResult(None, (*problems, (source.line_span(MAX_DOCKERFILE_LINES + 1), message)))
    try:
        commands = parse_dockerfile(clean)
    except DockerfileSyntaxError as exc:
        message = str(exc)
        if message == "file with no instructions":
            problems.append(
                (Span.point(1, 1), "no instructions: the file is empty or only comments")
            )
        else:
            span = _parse_error_span(parse_dockerfile, DockerfileSyntaxError, source, message)
            problems.append((span, f"Dockerfile syntax error: {message}"))
        return ImageResult(None, tuple(problems))
    except Exception as exc:  # the reader raises no other error; still never raise
        problems.append((Span.point(1, 1), f"Dockerfile could not be parsed: {exc}"))
        return ImageResult(None, tuple(problems))
    walk = _Walk(path, source, problems=problems, declared=declared)
    layout: list[Placed] = []
    for command in commands:
        instr = _Instr.of(command)
        layout.append(
            Placed(instr.cmd, instr.start_line, instr.end_line, instr.value, bool(instr.heredocs))
        )
        walk.instruction(instr)
    if not walk.stages:
        # One finding for one mistake: without any FROM, every "X before the first FROM" is
        # the same problem said again.
        others = [p for p in walk.problems if not p[1].endswith("before the first FROM")]
        message = "no FROM instruction: a Dockerfile must start with FROM (after ARG lines)"
        return ImageResult(None, ((Span.point(1, 1), message), *others))
    image = replace(walk.image(), text=text, layout=tuple(layout))
    return ImageResult(image, tuple(walk.problems))


def user_for_ssh_path(image: Image, ssh_path: str) -> User | None:
    """The user whose home holds ``ssh_path``; the deepest home wins, then the first user.

    Homes of ``/`` are skipped: they would claim every path.
    """
    path = _normal(ssh_path)
    best: User | None = None
    best_length = 0  # the length of best's home, normalised
    for user in image.users:
        home = _normal(user.home) if user.home else None
        if home is None or home == "/":
            continue
        if (path == home or path.startswith(home + "/")) and (
            best is None or len(home) > best_length
        ):
            best, best_length = user, len(home)
    return best


def _normal(path: str) -> str:
    """``posixpath.normpath``, without its work for a path that is already normal (no empty,
    ``.`` or ``..`` part, no trailing slash): rules ask this of every user's home."""
    if path.startswith("/") and "//" not in path and "/." not in path and path[-1] != "/":
        return path
    return posixpath.normpath(path)
