"""The worker's sshd against the image: how its command line starts it, where it listens, who it
runs as, and the ssh configuration files the image gives it.

These are facts of a job paired with its image, read by the ssh rules (MPL201-MPL203, MPL302),
by MPL115 (does the readinessProbe check the port sshd listens on?) and by MPL308-MPL309. The
files come from the image model (``mpilint.models.image.files``) read as OpenSSH reads them
(``mpilint.models.image.sshconfig``); a value that cannot be known gives None, which makes the
rules silent. Importing this module loads the image model: a manifest rule imports it only when
the job has an image.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

from mpilint.core.findings import Related, Span
from mpilint.core.records import Record
from mpilint.models.commands import ArgRef, Reading, Word, basename, read_argv
from mpilint.models.image.files import FileFacts
from mpilint.models.image.sshconfig import Config, Setting, Unknowable, read_config
from mpilint.models.mpijob import Container, MPIJob
from mpilint.sources.yamlsource import (
    Node,
    ScalarNode,
    SequenceNode,
    get,
    get_str,
    offset_span,
    span_of,
)

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass


SSH_CONFIG = "/etc/ssh/ssh_config"
_SSHD_CONFIG = "/etc/ssh/sshd_config"


class Sshd(Record):
    """The worker's sshd as its command line starts it.

    ``config``: the ``-f`` file (else sshd_config); ``ports``: ``-p``/``-o Port=`` values with
    where they are written; ``exact``: ``-p`` given, so the config's Port lines are ignored;
    ``options``: keywords given with ``-o``; ``default``: the operator's own ``sshd -De``;
    ``edited``: the worker's command writes ``config`` before sshd reads it (``sed -i … FILE``,
    ``echo … >> FILE``), so the file the image holds is not the one sshd runs with.
    """

    config: str
    config_span: Span | None
    ports: tuple[tuple[int, Span], ...]
    exact: bool
    options: frozenset[str]
    listen_option: bool
    default: bool
    texts: tuple[str, ...]
    edited: bool = False


def _word_span(container: Container, ref: ArgRef, text: str) -> Span:
    node = container.argv()[ref.index][1]
    if isinstance(node, ScalarNode):
        return offset_span(node, text, ref.start, ref.end)
    return span_of(node)


def empty_list(node: Node | None) -> bool:
    return node is None or (isinstance(node, SequenceNode) and not node.value)


def worker_sshd(job: MPIJob, text: str) -> Sshd | None:
    """How the worker runs sshd; None when it cannot be read (a script, a variable, several
    sshd lines that disagree).  Rules ask it through ``mpilint.ruleapi.sshd``, which keeps it
    by job."""
    worker = job.worker
    main = worker.main if worker is not None else None
    if main is None or not job.uses_ssh:
        return None
    argv = main.argv()
    texts = tuple(t for t, _ in argv)
    if not argv:
        if empty_list(main.command) and empty_list(main.args):
            return Sshd(_SSHD_CONFIG, None, (), False, frozenset(), False, True, ())
        return None
    reading = read_argv(list(texts))
    found = [
        command.words[i:]
        for command in reading.commands
        for i, word in enumerate(command.words)
        if basename(word.text) == "sshd" and not word.expands
    ]
    if not found or not reading.complete:
        return None
    readings = [_read_sshd_words(main, words, text) for words in found]
    if any(r is None for r in readings) or len({r.config for r in readings if r}) != 1:
        return None
    first = readings[0]
    assert first is not None
    return Sshd(
        first.config,
        first.config_span,
        tuple(p for r in readings if r for p in r.ports),
        all(r.exact for r in readings if r),
        frozenset(o for r in readings if r for o in r.options),
        any(r.listen_option for r in readings if r),
        False,
        texts,
        _edits(reading, texts, first.config),
    )


# Programs that only read the files they name: a script that greps its sshd configuration
# leaves it as the image built it.
_READERS = frozenset(
    {"cat", "grep", "egrep", "fgrep", "head", "tail", "less", "more", "test", "[", "ls", "stat"}
    | {"wc", "diff", "cmp", "echo", "printf", "sshd"}
)
_IN_PLACE = re.compile(r"-[A-Za-z]*i|--in-place")


def _edits(reading: Reading, texts: Sequence[str], config: str) -> bool:
    """Whether a command the worker runs writes ``config``: one that names it and is not a mere
    reader (``sed`` only with ``-i``), or a shell redirection into it. Real jobs fix the image's
    sshd configuration this way at start (``sed -i 's/^#*StrictModes .*/StrictModes no/'``), and
    what the file then says is the script's business, not the image's."""
    for command in reading.commands:
        if not command.reached or command.name in _READERS:
            continue
        named = [w for w in command.words[1:] if w.text == config]
        if not named:
            continue
        if command.name == "sed" and not any(_IN_PLACE.match(w.text) for w in command.words[1:]):
            continue
        return True
    into = re.compile(r">>?\|?\s*(['\"]?)" + re.escape(config) + r"\1(?![\w./-])")
    return any(into.search(text) for text in texts)


def _read_sshd_words(container: Container, typed: Sequence[Word], text: str) -> Sshd | None:
    config, config_span = _SSHD_CONFIG, None
    ports: list[tuple[int, Span]] = []
    options: set[str] = set()
    exact = listen = False
    i = 1
    while i < len(typed):
        word = typed[i]
        flag = word.text
        i += 1
        if not flag.startswith("-") or flag in ("-", "--"):
            break
        letter, glued = flag[1:2], flag[2:]
        if letter not in "fopCEbcghku":
            continue
        value = glued if glued else (typed[i].text if i < len(typed) else None)
        holder = word if glued else (typed[i] if i < len(typed) else word)
        if not glued:
            i += 1
        if value is None or holder.expands:
            return None
        if letter == "f":
            config, config_span = value, _word_span(container, holder.ref, text)
            if not value.startswith("/"):
                return None
        elif letter == "p":
            if not value.isdecimal():
                return None
            exact = True
            ports.append((int(value), _word_span(container, holder.ref, text)))
        elif letter == "o":
            key, _, rest = value.replace("=", " ", 1).partition(" ")
            options.add(key.lower())
            if key.lower() == "port":
                if not rest.strip().isdecimal():
                    return None
                ports.append((int(rest.strip()), _word_span(container, holder.ref, text)))
            listen = listen or key.lower() == "listenaddress"
    return Sshd(config, config_span, tuple(ports), exact, frozenset(options), listen, False, ())


class Who(Record):
    """Who the worker's sshd runs as: ``root`` True/False; where that is decided."""

    root: bool
    uid: int | None
    name: str
    node: Node | None  # the manifest's runAsUser
    span: Span | None  # the Dockerfile's USER line


def setting_span(setting: Setting | None) -> Span | None:
    return setting.span if setting is not None else None


def where_set(setting: Setting) -> str:
    return f"{setting.file} line {setting.line} ({setting.written.strip()!r})"


def launcher_texts(job: MPIJob) -> list[str]:
    launcher = job.launcher
    main = launcher.main if launcher is not None else None
    return [t for t, _ in main.argv()] if main is not None else []


def mounted_under(container: Container | None, path: str) -> bool:
    if container is None:
        return False
    mounts = get(container.node, "volumeMounts")
    if not isinstance(mounts, SequenceNode):
        return False
    for item in mounts.value:
        mount = get_str(item, "mountPath")
        if mount and (path == mount.rstrip("/") or path.startswith(mount.rstrip("/") + "/")):
            return True
    return False


def user_config(facts: FileFacts, job: MPIJob) -> bool:
    """A ``~/.ssh/config`` in the image that the Secret mount does not hide is read first."""
    mount = posixpath.normpath(job.ssh_auth_mount_path)
    return any(
        path.endswith("/.ssh/config")
        and state.exists is not False
        and posixpath.dirname(path) != mount
        for path, state in facts.files.items()
    )


class ServerPorts(Record):
    ports: frozenset[int]
    settings: tuple[Setting, ...]  # the Port lines that set them (empty: default or -p)
    config: Config


def server_ports(facts: FileFacts, sshd: Sshd) -> ServerPorts | None:
    """Where sshd listens, from the image's files and the worker's sshd reading.  Rules ask it
    through ``mpilint.ruleapi.sshd``, which keeps it by image."""
    config = read_config(facts, sshd.config, server=True)
    if config.exists is not True or sshd.listen_option or sshd.edited:
        return None
    given = frozenset(p for p, _ in sshd.ports)
    if sshd.exact:
        return ServerPorts(given, (), config)
    lines = config.values("Port")
    listen = config.values("ListenAddress")
    if isinstance(lines, Unknowable) or isinstance(listen, Unknowable):
        return None
    if any(re.search(r"\]:|^[^:\[]*:\d+$", s.value) for s in listen):
        return None  # an address with its own port
    numbers = [s.args[0] for s in lines if s.args]
    if not all(n.isdecimal() for n in numbers):
        return None
    ports = frozenset(int(n) for n in numbers) or frozenset({22})
    return ServerPorts(ports | given, lines, config)


class SshdListening(Record):
    """Where the worker's sshd listens, read from the image and the worker's command line,
    with where those ports are set (for MPL115, which owns the readiness-probe question)."""

    ports: frozenset[int]
    config: str
    related: tuple[Related, ...]
