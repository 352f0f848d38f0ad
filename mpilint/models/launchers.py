"""MPI launcher invocations in a container's argv, and the process count each one asks for.

Rules compare the count a launcher requests with the slots the operator provides, so a wrong
count is worse than none: everything here errs towards losing a count (``count=None``) or
flagging it ``unknowable`` rather than guessing.  In particular the launcher's options are read
only up to the application, because the application's own ``-n 5`` means nothing to mpirun.

Launchers are often hidden behind wrappers (``tini --``, ``gosu mpiuser``, ``env X=1``) or in
a shell string (``bash -c "cd /w && mpirun ..."``, possibly nested through ``su -c``);
:mod:`mpilint.models.commands` unwraps those, and every word keeps an :class:`ArgRef` so findings
can point at the exact characters.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Sequence

from mpilint.core.records import MutableRecord, Record, field
from mpilint.models.commands import ArgRef, Command, Word, basename, read_argv

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Literal

__all__ = ["OPERATOR_HOSTFILE", "ArgRef", "Family", "Launch", "Word", "find_launches"]

if TYPE_CHECKING:
    Family = Literal["mpi", "openmpi", "hydra", "horovod"]


class Launch(Record):
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
    # The values of the host options, as written: host lists (``-H a,b``, ``--hosts``, Hydra's
    # ``-hosts``) and hostfiles (``--hostfile F``, ``-f F``). Either replaces the operator's
    # hostfile, unless the file *is* the operator's (``--hostfile /etc/mpi/hostfile``).
    host_lists: tuple[Word, ...] = ()
    hostfiles: tuple[Word, ...] = ()
    # Options may hide where the words cannot be read (``mpirun $ARGS``, ``--app FILE``, a
    # shell string with control flow): then no absence of an option can be trusted.
    opaque: bool = False

    @property
    def own_hosts(self) -> bool:
        """Whether the launch brings its own hosts, so that the job's slots say nothing of where
        its ranks go: a host list, or a hostfile other than the operator's (a path that is only
        known at run time counts as another)."""
        return bool(self.host_lists) or any(
            f.expands or f.text != OPERATOR_HOSTFILE for f in self.hostfiles
        )


# Where every operator version mounts the hostfile it writes, for every MPI implementation
# (the path its OMPI_MCA_orte_default_hostfile, I_MPI_HYDRA_HOST_FILE and HYDRA_HOST_FILE name).
OPERATOR_HOSTFILE = "/etc/mpi/hostfile"


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
    HOSTS = enum.auto()  # a host list on the command line
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
    **_table(_Kind.HOSTS, 1, "-H", "-host", "--host"),
    **_table(
        _Kind.HOSTFILE,
        1,
        *("--hostfile", "-hostfile", "--machinefile", "-machinefile"),
        *("--default-hostfile", "-default-hostfile"),
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
    **_table(_Kind.HOSTFILE, 1, "-f", "-hostfile", "-machinefile", "-machine"),
    **_table(_Kind.HOSTS, 1, "-hosts", "-host"),
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
    **_table(_Kind.HOSTS, 1, "-H", "--hosts"),
    **_table(_Kind.HOSTFILE, 1, "--hostfile"),
    **_table(
        _Kind.ELASTIC,
        1,
        *("--min-np", "--min_np", "--max-np", "--max_np"),
        *("--host-discovery-script", "--host_discovery_script"),
    ),
    **_table(_Kind.HIDDEN, 1, "--config-file"),  # a YAML file may name the hosts
    **_table(_Kind.PLAIN, 2, "--blacklist-cooldown-range"),
    **_table(
        _Kind.PLAIN,
        1,
        *("-p", "--ssh-port", "-i", "--ssh-identity-file", "--network-interface"),
        *("--network_interface", "--start-timeout", "--log-level", "--output-filename"),
        *("--mpi-args", "--binding-args", "--gloo-timeout-seconds"),
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


class _Context(MutableRecord):
    """Count seen in one MIMD context (``mpirun -n 2 a : -n 2 b`` has two).

    Mutable: it only accumulates while one context's options are read.
    """

    used: bool = False
    count: int | None = None
    count_given: bool = False
    count_ref: ArgRef | None = None
    count_option: str | None = None


class _Reading(MutableRecord):
    """Everything learnt while reading one launcher's options; mutable while reading."""

    contexts: list[_Context] = field(default_factory=lambda: [_Context()])
    per_node: int | None = None
    per_node_ref: ArgRef | None = None
    unknowable: bool = False
    replaces_hostfile: bool = False
    oversubscribe: bool = False
    elastic: bool = False
    nonportable_syntax: bool = False
    host_lists: list[Word] = field(default_factory=list)
    hostfiles: list[Word] = field(default_factory=list)
    opaque: bool = False

    @property
    def context(self) -> _Context:
        return self.contexts[-1]

    def set_count(self, value: Word, option: str, ref: ArgRef) -> None:
        ctx = self.context
        ctx.count_given = True
        ctx.count = _decimal(value)
        ctx.count_ref = ref
        ctx.count_option = option

    def set_per_node(self, value: Word, ref: ArgRef) -> None:
        self.per_node = _decimal(value)
        self.per_node_ref = ref
        if self.per_node is None:
            self.unknowable = True

    def map_by(self, value: Word, ref: ArgRef) -> None:
        modifiers = re.split(r"[:,]", value.text.upper())
        if "OVERSUBSCRIBE" in modifiers:
            self.oversubscribe = True
        m = _PPR.search(value.text)
        if value.expands or "$" in value.text or "{{" in value.text:
            self.unknowable = True
        elif m and m.group(2).lower() == "node":
            self.set_per_node(Word(m.group(1), ref, False, None), ref)
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


def _decimal(word: Word) -> int | None:
    if word.expands or not _DECIMAL.fullmatch(word.text):
        return None
    return int(word.text)


def _apply(state: _Reading, kind: _Kind, option: str, value: Word | None, ref: ArgRef) -> None:
    """Record what one option means; ``ref`` is where its value is (or the = token)."""
    if kind is _Kind.COUNT and value is not None:
        state.set_count(value, option, ref)
    elif kind is _Kind.PER_NODE and value is not None:
        state.set_per_node(value, ref)
    elif kind is _Kind.ROUND_ROBIN:
        state.per_node, state.per_node_ref = 1, ref
    elif kind is _Kind.MAP_BY and value is not None:
        state.map_by(value, ref)
    elif kind is _Kind.HOSTFILE and value is not None:
        state.replaces_hostfile = True
        state.hostfiles.append(value)
    elif kind is _Kind.HOSTS and value is not None:
        state.replaces_hostfile = True
        state.host_lists.append(value)
    elif kind is _Kind.HIDDEN:
        state.unknowable = state.opaque = True
    elif kind is _Kind.OVERSUBSCRIBE:
        state.oversubscribe = True
    elif kind is _Kind.ELASTIC:
        state.elastic = True


def _option(state: _Reading, table: _Table, words: Sequence[Word], i: int) -> int | None:
    """Read the option at ``words[i]``; the index after it, or None if it is the application."""
    word = words[i]
    text = word.text
    if text in table:
        arity, kind = table[text]
        if i + arity >= len(words):
            return None  # a value is missing: nothing sensible follows
        value = words[i + 1] if arity else None
        _apply(state, kind, text, value, value.ref if value else word.ref)
        return i + 1 + arity
    name, eq, _ = text.partition("=")
    if eq and name in table and table[name][0] >= 1:
        arity, kind = table[name]
        if kind is _Kind.COUNT and not name.startswith("--"):
            state.nonportable_syntax = True
        _apply(state, kind, name + "=", word.tail(len(name) + 1), word.ref)
        return i + arity
    glued = _GLUED_COUNT.match(text)
    if glued and glued.group(1) in table and table[glued.group(1)][1] is _Kind.COUNT:
        state.nonportable_syntax = True
        state.set_count(word.tail(glued.end()), glued.group(1), word.ref)
        return i + 1
    return _unknown_option(state, words, i)


def _unknown_option(state: _Reading, words: Sequence[Word], i: int) -> int:
    """Assume no value; a bare integer after it may be its value or the application."""
    nxt = words[i + 1] if i + 1 < len(words) else None
    has_value = "=" in words[i].text
    if nxt is not None and not has_value and _DECIMAL.fullmatch(nxt.text):
        state.unknowable = True
    return i + 1


def _skip_application(words: Sequence[Word], i: int, mimd: bool) -> int:
    """Index of the next MIMD ``:`` after the application at ``i`` (or the end)."""
    if not mimd:
        return len(words)
    while i < len(words) and words[i].text != ":":
        i += 1
    return i


def _launcher_token(state: _Reading, table: _Table, words: Sequence[Word], i: int) -> int | None:
    """Read the launcher option at ``words[i]``; None when the application starts there."""
    word = words[i]
    if word.text.startswith("-") and word.text not in ("-", "--"):
        return _option(state, table, words, i)
    if word.expands:
        state.opaque = True  # `mpirun $MPI_ARGS python x`: the words may hold any option
        if not state.context.count_given:
            state.unknowable = True  # … a count among them
    return None


def _read_launch(words: Sequence[Word], family: Family, incomplete: bool) -> Launch:
    """The launch by the program ``words[0]``: its options are read up to the application."""
    program = words[0]
    table = _TABLES[family]
    mimd = family != "horovod"
    state = _Reading(unknowable=incomplete, opaque=incomplete)
    i = 1
    while i < len(words):
        if mimd and words[i].text == ":":
            state.contexts.append(_Context())
            i += 1
            continue
        state.context.used = True
        nxt = _launcher_token(state, table, words, i)
        i = _skip_application(words, i, mimd) if nxt is None else nxt
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
        host_lists=tuple(state.host_lists),
        hostfiles=tuple(state.hostfiles),
        opaque=state.opaque,
    )


# ---------------------------------------------------------------------------------------
# Launches among the commands


def _launch(command: Command) -> Launch | None:
    """The launch ``command`` is, also behind an entrypoint script (``/entrypoint.sh mpirun``)."""
    words = command.words
    if command.name.endswith(".sh") and len(words) > 1 and basename(words[1].text) in _LAUNCHERS:
        words = words[1:]
        if words[0].expands or "=" in words[0].text:
            return None  # `x.sh $(DIR)/mpirun`: which program runs is not knowable
    family = _LAUNCHERS.get(basename(words[0].text))
    if family is None:
        return None
    return _read_launch(words, family, incomplete=not command.complete)


def find_launches(argv: Sequence[str]) -> tuple[Launch, ...]:
    """Every MPI launch in a container's effective argv (``command`` + ``args``), in order."""
    return _find_launches(tuple(argv))


@functools.lru_cache(maxsize=256)
def _find_launches(argv: tuple[str, ...]) -> tuple[Launch, ...]:
    launches = (_launch(command) for command in read_argv(argv).commands)
    return tuple(launch for launch in launches if launch is not None)
