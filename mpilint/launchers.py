"""MPI launcher invocations in a container's argv, and the process count each one asks for.

Rules compare the count a launcher requests with the slots the operator provides, so a wrong
count is worse than none: everything here errs towards losing a count (``count=None``) or
flagging it ``unknowable`` rather than guessing.  In particular the launcher's options are read
only up to the application, because the application's own ``-n 5`` means nothing to mpirun.

Launchers are often hidden behind wrappers (``tini --``, ``gosu mpiuser``, ``env X=1``) or in
a shell string (``bash -c "cd /w && mpirun ..."``, possibly nested through ``su -c``); those are
unwrapped.  Every token keeps an :class:`ArgRef` so findings can point at the exact characters,
and where an exact column cannot be known the reference widens to the enclosing word instead
of pointing at a wrong one.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from mpilint import shellwords

__all__ = ["ArgRef", "Family", "Launch", "find_launches"]

Family = Literal["mpi", "openmpi", "hydra", "horovod"]


@dataclass(frozen=True)
class ArgRef:
    """Where a token was written: argv[index], characters [start, end) of that item.

    ``(0, len(item))`` for a whole item.  Tokens found inside an ``sh -c`` string point into
    that string; when a nested string had escapes, so that no exact column exists, the ref is
    the whole enclosing word.
    """

    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Launch:
    program: str
    program_ref: ArgRef
    family: Family
    count: int | None
    count_ref: ArgRef | None
    count_option: str | None
    per_node: int | None
    per_node_ref: ArgRef | None
    unknowable: bool
    replaces_hostfile: bool
    oversubscribe: bool
    elastic: bool
    nonportable_syntax: bool


# ---------------------------------------------------------------------------------------
# Tokens: argv items and shell words, unified


@dataclass(frozen=True)
class _Tok:
    """A word as the launcher will receive it (``text``), with where it was written.

    ``base`` is the offset in ``argv[ref.index]`` of ``text[0]`` when ``text`` is a verbatim
    slice of that item; None when quotes or escapes inside make columns inexact.
    """

    text: str
    ref: ArgRef
    expands: bool
    base: int | None

    def sub(self, offset: int) -> _Tok:
        """The tail ``text[offset:]`` (the value of ``--np=4``, the string of ``-cSTRING``)."""
        if self.base is None:
            return _Tok(self.text[offset:], self.ref, self.expands, None)
        start = self.base + offset
        ref = ArgRef(self.ref.index, start, self.base + len(self.text))
        return _Tok(self.text[offset:], ref, self.expands, start)


# Kubernetes expands $(NAME) in command/args before the process sees them; $$ escapes it.
_K8S_REF = re.compile(r"(?<!\$)(?:\$\$)*\$\([A-Za-z_][A-Za-z0-9_.-]*\)")


def _argv_tokens(argv: Sequence[str]) -> list[_Tok]:
    return [
        _Tok(item, ArgRef(i, 0, len(item)), bool(_K8S_REF.search(item)), 0)
        for i, item in enumerate(argv)
    ]


def _word_token(parent: _Tok, word: shellwords.Word) -> _Tok:
    """A word of the shell string ``parent.text``, placed in the argv item it came from."""
    if parent.base is None:
        return _Tok(word.text, parent.ref, word.expands, None)
    start, end = parent.base + word.start, parent.base + word.end
    ref = ArgRef(parent.ref.index, start, end)
    raw = parent.text[word.start : word.end]
    base: int | None = None
    if raw == word.text:
        base = start
    elif len(raw) >= 2 and raw[0] in "'\"" and raw[-1] == raw[0] and raw[1:-1] == word.text:
        base = start + 1
    return _Tok(word.text, ref, word.expands, base)


# ---------------------------------------------------------------------------------------
# Launcher programs and their options


_LAUNCHERS: dict[str, Family] = {
    "mpirun": "mpi",
    "mpiexec": "mpi",
    "orterun": "openmpi",
    "prterun": "openmpi",
    "mpirun.openmpi": "openmpi",
    "mpiexec.openmpi": "openmpi",
    "mpiexec.hydra": "hydra",
    "mpirun.mpich": "hydra",
    "mpiexec.mpich": "hydra",
    "horovodrun": "horovod",
}


class _Kind(enum.Enum):
    PLAIN = enum.auto()
    COUNT = enum.auto()
    PER_NODE = enum.auto()
    ROUND_ROBIN = enum.auto()  # Hydra -rr: one process per node
    MAP_BY = enum.auto()
    HOSTFILE = enum.auto()
    HIDDEN = enum.auto()  # the real options live elsewhere (--app FILE, -npersocket)
    OVERSUBSCRIBE = enum.auto()
    ELASTIC = enum.auto()


_Table = dict[str, tuple[int, _Kind]]


def _table(kind: _Kind, arity: int, *names: str) -> _Table:
    return {name: (arity, kind) for name in names}


_OPENMPI: _Table = {
    **_table(_Kind.COUNT, 1, "-n", "-np", "--n", "--np", "-c"),
    **_table(_Kind.PER_NODE, 1, "-N", "-npernode", "--npernode"),
    **_table(_Kind.HIDDEN, 1, "-npersocket", "--npersocket", "--app", "-app"),
    **_table(_Kind.MAP_BY, 1, "--map-by", "-map-by"),
    **_table(
        _Kind.HOSTFILE,
        1,
        *("-H", "-host", "--host", "--hostfile", "-hostfile"),
        *("--machinefile", "-machinefile", "--default-hostfile", "-default-hostfile"),
    ),
    **_table(_Kind.OVERSUBSCRIBE, 0, "--oversubscribe", "-oversubscribe"),
    **_table(
        _Kind.PLAIN,
        2,
        *("-mca", "--mca", "-gmca", "--gmca", "-pmixmca", "--pmixmca"),
        *("-prtemca", "--prtemca"),
    ),
    **_table(
        _Kind.PLAIN,
        1,
        *("-x", "--bind-to", "-bind-to", "--rank-by", "-rank-by", "--prefix", "-prefix"),
        *("-wdir", "--wdir", "-wd", "--wd", "--output-filename", "-output-filename"),
        *("--cpus-per-proc", "-cpus-per-proc", "--cpus-per-rank", "-cpus-per-rank"),
        *("--tune", "-tune", "--timeout", "-timeout", "-am", "--am", "--rankfile", "-rf"),
        *("--path", "-path", "--preload-files", "--launch-agent", "--stdin", "-stdin"),
        *("--output", "--personality", "--report-uri"),
    ),
    **_table(
        _Kind.PLAIN,
        0,
        *("--allow-run-as-root", "--report-bindings", "-report-bindings"),
        *("--tag-output", "-tag-output", "--timestamp-output", "-timestamp-output"),
        *("--display-map", "-display-map", "--display-allocation", "-display-allocation"),
        *("-v", "--verbose", "-q", "--quiet", "-d", "--debug", "--debug-daemons"),
        *("--bind-to-core", "-bind-to-core", "--bind-to-socket", "-bind-to-socket"),
        *("--nooversubscribe", "-nooversubscribe", "--noprefix", "--nolocal", "-nolocal"),
        *("--use-hwthread-cpus", "-use-hwthread-cpus", "--bynode", "-bynode"),
        *("--byslot", "-byslot", "--enable-recovery", "--xml", "--preload-binary", "-s"),
        *("--merge-stderr-to-stdout", "--leave-session-attached", "--help", "-h"),
    ),
}

_HYDRA: _Table = {
    **_table(_Kind.COUNT, 1, "-n", "-np", "--n", "--np"),
    **_table(_Kind.PER_NODE, 1, "-ppn", "-perhost"),
    **_table(_Kind.ROUND_ROBIN, 0, "-rr"),
    **_table(_Kind.HOSTFILE, 1, "-f", "-hostfile", "-machinefile", "-machine", "-hosts", "-host"),
    **_table(_Kind.HIDDEN, 1, "-configfile"),
    **_table(_Kind.PLAIN, 2, "-genv", "-env"),
    **_table(
        _Kind.PLAIN,
        1,
        *("-genvlist", "-envlist", "-bootstrap", "-bootstrap-exec", "-launcher"),
        *("-launcher-exec", "-iface", "-grr", "-wdir", "-binding", "-bind-to", "-map-by"),
        *("-errfile-pattern", "-outfile-pattern", "-demux", "-rmk", "-topolib", "-umask"),
    ),
    **_table(
        _Kind.PLAIN,
        0,
        *("-genvall", "-genvnone", "-envall", "-envnone", "-l", "-prepend-rank"),
        *("-print-rank-map", "-print-all-exitcodes", "-v", "-verbose", "-info"),
        *("-nolocal", "-ordered-output", "-disable-x", "-enable-x", "-gdb"),
    ),
}

# `mpirun` may be Open MPI, MPICH or Intel MPI: accept both vocabularies, Open MPI winning
# where they overlap (they agree on arity there).
_MPI: _Table = {**_HYDRA, **_OPENMPI}

_HOROVOD: _Table = {
    **_table(_Kind.COUNT, 1, "-np", "--num-proc", "--num_proc"),
    **_table(_Kind.HOSTFILE, 1, "-H", "--hosts", "--hostfile"),
    **_table(
        _Kind.ELASTIC,
        1,
        *("--min-np", "--min_np", "--max-np", "--max_np"),
        *("--host-discovery-script", "--host_discovery_script"),
    ),
    **_table(_Kind.PLAIN, 2, "--blacklist-cooldown-range"),
    **_table(
        _Kind.PLAIN,
        1,
        *("-p", "--ssh-port", "-i", "--ssh-identity-file", "--network-interface"),
        *("--network_interface", "--start-timeout", "--log-level", "--output-filename"),
        *("--config-file", "--mpi-args", "--binding-args", "--gloo-timeout-seconds"),
        *("--slots-per-host", "--slots", "--elastic-timeout", "--reset-limit"),
        *("--num-nccl-streams", "--thread-affinity", "--fusion-threshold-mb"),
        *("--cycle-time-ms", "--cache-capacity", "--autotune-log-file"),
        *("--timeline-filename", "--stall-check-warning-time-seconds"),
        *("--stall-check-shutdown-time-seconds",),
    ),
    **_table(
        _Kind.PLAIN,
        0,
        *("--verbose", "--gloo", "--mpi", "--jsrun", "--tcp", "-cb", "--check-build"),
        *("--disable-cache", "--hierarchical-allreduce", "--no-hierarchical-allreduce"),
        *("--hierarchical-allgather", "--autotune", "--timeline-mark-cycles"),
        *("--no-stall-check", "--mpi-threads-disable", "--log-with-timestamp"),
        *("--log-without-timestamp", "--log-hide-timestamp", "--version", "-h", "--help"),
    ),
}

_TABLES: dict[Family, _Table] = {
    "mpi": _MPI,
    "openmpi": _OPENMPI,
    "hydra": _HYDRA,
    "horovod": _HOROVOD,
}

_DECIMAL = re.compile(r"[0-9]+")
# -np4, -n4 and their unknowable cousins -np$NP, -n{{ .Values.np }}
_GLUED_COUNT = re.compile(r"(-np|-n)(?=[0-9$`{])")
_PPR = re.compile(r"ppr:([^:,]*):([^:,]*)", re.IGNORECASE)


# ---------------------------------------------------------------------------------------
# Reading one launcher's options


@dataclass
class _Context:
    """Count seen in one MIMD context (``mpirun -n 2 a : -n 2 b`` has two).

    Mutable: it only accumulates while one context's options are read.
    """

    used: bool = False
    count: int | None = None
    count_given: bool = False
    count_ref: ArgRef | None = None
    count_option: str | None = None


@dataclass
class _Reading:
    """Everything learnt while reading one launcher's options; mutable while reading."""

    contexts: list[_Context] = field(default_factory=lambda: [_Context()])
    per_node: int | None = None
    per_node_ref: ArgRef | None = None
    unknowable: bool = False
    replaces_hostfile: bool = False
    oversubscribe: bool = False
    elastic: bool = False
    nonportable_syntax: bool = False

    @property
    def context(self) -> _Context:
        return self.contexts[-1]

    def set_count(self, value: _Tok, option: str, ref: ArgRef) -> None:
        ctx = self.context
        ctx.count_given = True
        ctx.count = _decimal(value)
        ctx.count_ref = ref
        ctx.count_option = option

    def set_per_node(self, value: _Tok, ref: ArgRef) -> None:
        self.per_node = _decimal(value)
        self.per_node_ref = ref
        if self.per_node is None:
            self.unknowable = True

    def map_by(self, value: _Tok, ref: ArgRef) -> None:
        modifiers = re.split(r"[:,]", value.text.upper())
        if "OVERSUBSCRIBE" in modifiers:
            self.oversubscribe = True
        m = _PPR.search(value.text)
        if value.expands or "$" in value.text or "{{" in value.text:
            self.unknowable = True
        elif m and m.group(2).lower() == "node":
            self.set_per_node(_Tok(m.group(1), ref, False, None), ref)
        elif m:
            self.unknowable = True  # ppr:K:socket and friends depend on the hardware

    def finish_count(self) -> tuple[int | None, ArgRef | None, str | None]:
        used = [c for c in self.contexts if c.used]
        given = [c for c in used if c.count_given]
        if not given:
            return None, None, None
        first = given[0]
        counts = [c.count for c in given]
        if len(given) != len(used) or any(c is None for c in counts):
            self.unknowable = True
            return None, first.count_ref, first.count_option
        return sum(c for c in counts if c is not None), first.count_ref, first.count_option


def _decimal(tok: _Tok) -> int | None:
    if tok.expands or not _DECIMAL.fullmatch(tok.text):
        return None
    return int(tok.text)


def _apply(state: _Reading, kind: _Kind, option: str, value: _Tok | None, ref: ArgRef) -> None:
    """Record what one option means; ``ref`` is where its value is (or the = token)."""
    if kind is _Kind.COUNT and value is not None:
        state.set_count(value, option, ref)
    elif kind is _Kind.PER_NODE and value is not None:
        state.set_per_node(value, ref)
    elif kind is _Kind.ROUND_ROBIN:
        state.per_node, state.per_node_ref = 1, ref
    elif kind is _Kind.MAP_BY and value is not None:
        state.map_by(value, ref)
    elif kind is _Kind.HOSTFILE:
        state.replaces_hostfile = True
    elif kind is _Kind.HIDDEN:
        state.unknowable = True
    elif kind is _Kind.OVERSUBSCRIBE:
        state.oversubscribe = True
    elif kind is _Kind.ELASTIC:
        state.elastic = True


def _option(state: _Reading, table: _Table, toks: Sequence[_Tok], i: int) -> int | None:
    """Read the option at ``toks[i]``; the index after it, or None if it is the application."""
    tok = toks[i]
    text = tok.text
    if text in table:
        arity, kind = table[text]
        if i + arity >= len(toks):
            return None  # a value is missing: nothing sensible follows
        value = toks[i + 1] if arity else None
        _apply(state, kind, text, value, value.ref if value else tok.ref)
        return i + 1 + arity
    name, eq, _ = text.partition("=")
    if eq and name in table and table[name][0] >= 1:
        arity, kind = table[name]
        if kind is _Kind.COUNT and not name.startswith("--"):
            state.nonportable_syntax = True
        _apply(state, kind, name + "=", tok.sub(len(name) + 1), tok.ref)
        return i + arity
    glued = _GLUED_COUNT.match(text)
    if glued and glued.group(1) in table and table[glued.group(1)][1] is _Kind.COUNT:
        state.nonportable_syntax = True
        state.set_count(tok.sub(glued.end()), glued.group(1), tok.ref)
        return i + 1
    return _unknown_option(state, toks, i)


def _unknown_option(state: _Reading, toks: Sequence[_Tok], i: int) -> int:
    """Assume no value; a bare integer after it may be its value or the application."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    has_value = "=" in toks[i].text
    if nxt is not None and not has_value and _DECIMAL.fullmatch(nxt.text):
        state.unknowable = True
    return i + 1


def _skip_application(toks: Sequence[_Tok], i: int, mimd: bool) -> int:
    """Index of the next MIMD ``:`` after the application at ``i`` (or the end)."""
    if not mimd:
        return len(toks)
    while i < len(toks) and toks[i].text != ":":
        i += 1
    return i


def _launcher_token(state: _Reading, table: _Table, toks: Sequence[_Tok], i: int) -> int | None:
    """Read the launcher option at ``toks[i]``; None when the application starts there."""
    tok = toks[i]
    if tok.text.startswith("-") and tok.text not in ("-", "--"):
        return _option(state, table, toks, i)
    if tok.expands and not state.context.count_given:
        state.unknowable = True  # `mpirun $MPI_ARGS python x`: the words may hold a count
    return None


def _read_launch(toks: Sequence[_Tok], i: int, family: Family, incomplete: bool) -> Launch:
    program = toks[i]
    table = _TABLES[family]
    mimd = family != "horovod"
    state = _Reading(unknowable=incomplete)
    i += 1
    while i < len(toks):
        if mimd and toks[i].text == ":":
            state.contexts.append(_Context())
            i += 1
            continue
        state.context.used = True
        nxt = _launcher_token(state, table, toks, i)
        i = _skip_application(toks, i, mimd) if nxt is None else nxt
    count, count_ref, count_option = state.finish_count()
    return Launch(
        program=program.text,
        program_ref=program.ref,
        family=family,
        count=count,
        count_ref=count_ref,
        count_option=count_option,
        per_node=state.per_node,
        per_node_ref=state.per_node_ref,
        unknowable=state.unknowable,
        replaces_hostfile=state.replaces_hostfile,
        oversubscribe=state.oversubscribe,
        elastic=state.elastic,
        nonportable_syntax=state.nonportable_syntax,
    )


# ---------------------------------------------------------------------------------------
# Wrappers in front of the launcher


@dataclass(frozen=True)
class _Wrapper:
    """A program that runs its operands as a command (``gosu user mpirun ...``).

    ``short_values``/``long_values``: options that take a value (getopt rules: ``-uUSER``,
    ``-u USER``, ``--user=USER``, ``--user USER``); ``operands``: words before the command
    (``timeout DURATION``); ``assignments``: NAME=value words accepted before the command.
    """

    short_values: str = ""
    long_values: frozenset[str] = frozenset()
    operands: int = 0
    assignments: bool = False
    dash_is_option: bool = False


_WRAPPERS: dict[str, _Wrapper] = {
    "env": _Wrapper(
        "uCS",
        frozenset({"--unset", "--chdir", "--split-string"}),
        assignments=True,
        dash_is_option=True,
    ),
    "exec": _Wrapper("a"),
    "time": _Wrapper("fo", frozenset({"--format", "--output"})),
    "nohup": _Wrapper(),
    "timeout": _Wrapper("sk", frozenset({"--signal", "--kill-after"}), operands=1),
    "nice": _Wrapper("n", frozenset({"--adjustment"})),
    "stdbuf": _Wrapper("ioe", frozenset({"--input", "--output", "--error"})),
    "tini": _Wrapper("pe"),
    "tini-static": _Wrapper("pe"),
    "dumb-init": _Wrapper("r", frozenset({"--rewrite"})),
    "gosu": _Wrapper(operands=1),
    "su-exec": _Wrapper(operands=1),
    "sudo": _Wrapper(
        "ugCDprtTUR",
        frozenset({"--user", "--group", "--close-from", "--chdir", "--prompt", "--role"})
        | frozenset({"--type", "--command-timeout", "--other-user", "--chroot"}),
        assignments=True,
    ),
    "numactl": _Wrapper(
        "imNCpPw",
        frozenset({"--interleave", "--membind", "--cpunodebind", "--physcpubind"})
        | frozenset({"--preferred", "--preferred-many", "--weighted-interleave"}),
    ),
    "setsid": _Wrapper(),
}

_SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ash", "ksh", "mksh"})
_SU = _Wrapper(
    "csgGwu",
    frozenset({"--command", "--session-command", "--shell", "--group", "--supp-group"})
    | frozenset({"--whitelist-environment", "--user"}),
    dash_is_option=True,
)
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
_MAX_DEPTH = 8


@dataclass(frozen=True)
class _Opt:
    """One option as getopt sees it: its name, its value token if any, and the next index."""

    name: str
    value: _Tok | None
    next: int


def _getopt(spec: _Wrapper, toks: Sequence[_Tok], i: int) -> _Opt | None:
    """The option at ``toks[i]``, or None when ``toks[i]`` is not an option."""
    tok = toks[i]
    text = tok.text
    if text == "-" and spec.dash_is_option:
        return _Opt("-", None, i + 1)
    if not text.startswith("-") or text in ("-", "--"):
        return None
    if text.startswith("--"):
        name, eq, _ = text.partition("=")
        if eq:
            return _Opt(name, tok.sub(len(name) + 1), i + 1)
        if name in spec.long_values:
            return _Opt(name, toks[i + 1] if i + 1 < len(toks) else None, i + 2)
        return _Opt(name, None, i + 1)
    for pos in range(1, len(text)):
        if text[pos] in spec.short_values:
            name = "-" + text[pos]
            if pos + 1 < len(text):
                return _Opt(name, tok.sub(pos + 1), i + 1)
            return _Opt(name, toks[i + 1] if i + 1 < len(toks) else None, i + 2)
    return _Opt(text, None, i + 1)


def _skip_wrapper(spec: _Wrapper, toks: Sequence[_Tok], i: int) -> int:
    """Index of the wrapped command after ``toks[i-1]``, a wrapper program."""
    while i < len(toks):
        opt = _getopt(spec, toks, i)
        if opt is None:
            break
        i = opt.next
    if i < len(toks) and toks[i].text == "--":
        i += 1
    while spec.assignments and i < len(toks) and _ASSIGNMENT.match(toks[i].text):
        i += 1
    return i + spec.operands


def _shell_string(toks: Sequence[_Tok], i: int) -> _Tok | None:
    """The ``-c`` string of ``sh``-like ``toks[i-1]``; None when it runs a file or stdin."""
    command_mode = False
    while i < len(toks):
        text = toks[i].text
        if text in ("-", "--"):
            i += 1
            break
        if text.startswith("--"):
            i += 2 if text in ("--rcfile", "--init-file") else 1
        elif text[:1] in "-+" and len(text) > 1:
            letters = text[1:]
            command_mode = command_mode or (text[0] == "-" and "c" in letters)
            i += 1 + letters.count("o") + letters.count("O")
        else:
            break
    if command_mode and i < len(toks):
        return toks[i]
    return None


@dataclass(frozen=True)
class _SuCommand:
    string: _Tok | None  # su/runuser -c STRING
    command: int | None  # runuser -u USER [--] COMMAND...: index of COMMAND


def _su(toks: Sequence[_Tok], i: int) -> _SuCommand:
    """What ``su``/``runuser`` will run; their options may follow the user (getopt permutes)."""
    string: _Tok | None = None
    user_option = False
    while i < len(toks):
        if toks[i].text == "--":
            i += 1
            break
        opt = _getopt(_SU, toks, i)
        if opt is None:
            if user_option:
                break  # runuser -u USER COMMAND: the command starts here
            i += 1  # the user, or arguments handed to the shell
            continue
        if opt.name in ("-c", "--command", "--session-command"):
            string = opt.value
        user_option = user_option or opt.name in ("-u", "--user")
        i = opt.next
    if string is None and user_option and i < len(toks):
        return _SuCommand(None, i)
    return _SuCommand(string, None)


def _basename(text: str) -> str:
    return text.rsplit("/", 1)[-1]


def _scan(toks: Sequence[_Tok], incomplete: bool, depth: int) -> Iterator[Launch]:
    """Launches of one command: unwrap wrappers until a launcher, a shell or anything else."""
    i = 0
    while i < len(toks):
        tok = toks[i]
        if _ASSIGNMENT.match(tok.text):
            i += 1
            continue
        if tok.expands:
            return  # `$MPIRUN -n 2`: which program runs is not knowable
        name = _basename(tok.text)
        family = _LAUNCHERS.get(name)
        if family is not None:
            yield _read_launch(toks, i, family, incomplete)
            return
        if name in _SHELLS:
            string = _shell_string(toks, i + 1)
            if string is not None:
                yield from _scan_string(string, incomplete, depth)
            return
        elif name in ("su", "runuser"):
            su = _su(toks, i + 1)
            if su.string is not None:
                yield from _scan_string(su.string, incomplete, depth)
                return
            if su.command is None:
                return
            i = su.command
        elif name in _WRAPPERS:
            i = _skip_wrapper(_WRAPPERS[name], toks, i + 1)
        elif name.endswith(".sh") and i + 1 < len(toks):
            if _basename(toks[i + 1].text) not in _LAUNCHERS:
                return
            i += 1
        else:
            return


def _scan_string(string: _Tok, incomplete: bool, depth: int) -> Iterator[Launch]:
    """Launches in the simple commands of a shell string; control flow makes them unknowable."""
    if depth >= _MAX_DEPTH:
        return
    script = shellwords.parse(string.text)
    nested_incomplete = incomplete or not script.complete
    for command in script.commands:
        words = [_word_token(string, w) for w in command.words]
        yield from _scan(words, nested_incomplete, depth + 1)


def find_launches(argv: Sequence[str]) -> tuple[Launch, ...]:
    """Every MPI launch in a container's effective argv (``command`` + ``args``), in order."""
    return tuple(_scan(_argv_tokens(argv), incomplete=False, depth=0))
