"""Rules that read the image's OpenSSH configuration with the job that runs it (P08, P12, P15,
P22 of the domain notes).

The v2beta1 launcher reaches every worker with ssh, as the job's user, through the ssh client
and sshd configuration baked into the image.  Each mistake here has the same surface symptom,
the launcher failing with "ORTE was unable to reliably start one or more daemons", while the
cause sits in one line of the Dockerfile (or one missing line).  These rules read the files the
image model replays (``mpilint.models.image.files``) as OpenSSH reads them
(``mpilint.models.image.sshconfig``) and stay silent whenever a value cannot be known.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Sequence

from mpilint.core.findings import Related, Severity, Span
from mpilint.core.records import Record
from mpilint.models.commands import ArgRef, Word, basename, read_argv
from mpilint.models.image.files import FileFacts, files_of
from mpilint.models.image.memo import IdentityMemo
from mpilint.models.image.sshconfig import Config, Setting, Unknowable, read_config
from mpilint.models.image.sshdefaults import DEFAULT_HOST_KEYS, DEFAULT_PID_FILE
from mpilint.models.mpijob import Container, MPIJob
from mpilint.ruleapi import Hit, Pair, rule
from mpilint.sources.yamlsource import (
    Node,
    ScalarNode,
    SequenceNode,
    get,
    get_str,
    offset_span,
    scalar_type,
    span_of,
)

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Final

_SSH_CONFIG = "/etc/ssh/ssh_config"
_SSHD_CONFIG = "/etc/ssh/sshd_config"
_RECIPE = (
    "RUN sed -i 's/[ #]\\(.*StrictHostKeyChecking \\).*/ \\1no/g' /etc/ssh/ssh_config &&"
    ' echo "    UserKnownHostsFile /dev/null" >> /etc/ssh/ssh_config'
)

# ---------------------------------------------------------------- shared readers


class _Sshd(Record):
    """The worker's sshd as its command line starts it.

    ``config``: the ``-f`` file (else sshd_config); ``ports``: ``-p``/``-o Port=`` values with
    where they are written; ``exact``: ``-p`` given, so the config's Port lines are ignored;
    ``options``: keywords given with ``-o``; ``default``: the operator's own ``sshd -De``.
    """

    __slots__ = (
        "config",
        "config_span",
        "default",
        "exact",
        "listen_option",
        "options",
        "ports",
        "texts",
    )

    config: Final[str]
    config_span: Final[Span | None]
    ports: Final[tuple[tuple[int, Span], ...]]
    exact: Final[bool]
    options: Final[frozenset[str]]
    listen_option: Final[bool]
    default: Final[bool]
    texts: Final[tuple[str, ...]]

    def __init__(
        self,
        config: str,
        config_span: Span | None,
        ports: tuple[tuple[int, Span], ...],
        exact: bool,
        options: frozenset[str],
        listen_option: bool,
        default: bool,
        texts: tuple[str, ...],
    ) -> None:
        self.config = config
        self.config_span = config_span
        self.ports = ports
        self.exact = exact
        self.options = options
        self.listen_option = listen_option
        self.default = default
        self.texts = texts


def _word_span(container: Container, ref: ArgRef, text: str) -> Span:
    node = container.argv()[ref.index][1]
    if isinstance(node, ScalarNode):
        return offset_span(node, text, ref.start, ref.end)
    return span_of(node)


def _empty(node: Node | None) -> bool:
    return node is None or (isinstance(node, SequenceNode) and not node.value)


def _worker_sshd(job: MPIJob, text: str) -> _Sshd | None:
    """How the worker runs sshd; None when it cannot be read (a script, a variable, several
    sshd lines that disagree).  Kept by job: four rules ask it of each pair."""
    return _SSHD.get(job, text, lambda: _read_worker_sshd(job, text))


_SSHD = IdentityMemo(2)  # MPIJob, manifest text -> _Sshd | None


def _read_worker_sshd(job: MPIJob, text: str) -> _Sshd | None:
    worker = job.worker
    main = worker.main if worker is not None else None
    if main is None or not job.uses_ssh:
        return None
    argv = main.argv()
    texts = tuple(t for t, _ in argv)
    if not argv:
        if _empty(main.command) and _empty(main.args):
            return _Sshd(_SSHD_CONFIG, None, (), False, frozenset(), False, True, ())
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
    return _Sshd(
        first.config,
        first.config_span,
        tuple(p for r in readings if r for p in r.ports),
        all(r.exact for r in readings if r),
        frozenset(o for r in readings if r for o in r.options),
        any(r.listen_option for r in readings if r),
        False,
        texts,
    )


def _read_sshd_words(container: Container, typed: Sequence[Word], text: str) -> _Sshd | None:
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
    return _Sshd(config, config_span, tuple(ports), exact, frozenset(options), listen, False, ())


class _Who(Record):
    """Who the worker's sshd runs as: ``root`` True/False; where that is decided."""

    __slots__ = ("name", "node", "root", "span", "uid")

    root: Final[bool]
    uid: Final[int | None]
    name: Final[str]
    node: Final[Node | None]  # the manifest's runAsUser
    span: Final[Span | None]  # the Dockerfile's USER line

    def __init__(
        self,
        root: bool,
        uid: int | None,
        name: str,
        node: Node | None,
        span: Span | None,
    ) -> None:
        self.root = root
        self.uid = uid
        self.name = name
        self.node = node
        self.span = span


def _worker_user(pair: Pair, facts: FileFacts) -> _Who | None:
    job = pair.manifest.job
    worker = job.worker
    main = worker.main if worker is not None else None
    if worker is None or main is None:
        return None
    node = worker.security(main, "runAsUser")
    if node is not None:
        if scalar_type(node) != "int":
            return None
        try:
            uid = int(node.value.replace("_", ""), 0)
        except ValueError:
            return None
        return _Who(uid == 0, uid, f"uid {uid}", node, None)
    user = facts.user
    span = pair.image.user_instruction[1] if pair.image.user_instruction else None
    if user is None:
        return None
    if user in ("root", "0"):
        return _Who(True, 0, "root", None, span)
    if user.isdigit():
        return _Who(False, int(user), f"uid {user}", None, span)
    known = next((u for u in pair.image.users if u.name == user), None)
    if known is not None and known.uid == 0:
        return _Who(True, 0, user, None, span)
    return _Who(False, known.uid if known else None, f"user {user!r}", None, span)


def _image_anchor(pair: Pair, facts: FileFacts, config: Config | None, package: str) -> Span:
    """Where a file-level mistake shows in the Dockerfile: the line that made the file, else
    the install of its package, else the FROM of the final stage."""
    if config is not None and config.span is not None:
        return config.span
    installed = facts.installs.get(package)
    return installed if installed is not None else pair.image.final.from_span


def _setting_span(setting: Setting | None) -> Span | None:
    return setting.span if setting is not None else None


def _where(setting: Setting) -> str:
    return f"{setting.file} line {setting.line} ({setting.written.strip()!r})"


def _launcher_texts(job: MPIJob) -> list[str]:
    launcher = job.launcher
    main = launcher.main if launcher is not None else None
    return [t for t, _ in main.argv()] if main is not None else []


def _mounted_under(container: Container | None, path: str) -> bool:
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


def _ready(pair: Pair) -> tuple[MPIJob, FileFacts] | None:
    job = pair.manifest.job
    if not job.uses_ssh or job.worker is None or job.worker.main is None:
        return None
    facts = files_of(pair.image)
    return (job, facts) if facts is not None else None


# ---------------------------------------------------------------- MPL201 ssh-host-key-checking

_CLIENT_OVERRIDES = re.compile(
    r"StrictHostKeyChecking|UserKnownHostsFile|rsh_args|bootstrap-exec|ssh_port|ssh-port"
    r"|plm_ssh_args|\bssh\s+-F\b",
    re.IGNORECASE,
)


@rule("MPL201", "pair")
def ssh_host_key_checking(pair: Pair) -> Iterator[Hit]:
    ready = _ready(pair)
    if ready is None:
        return
    job, facts = ready
    if any(_CLIENT_OVERRIDES.search(t) for t in _launcher_texts(job)):
        return  # the launcher passes its own ssh options
    launcher = job.launcher.main if job.launcher is not None else None
    if _mounted_under(launcher, "/etc/ssh/ssh_config") or _user_config(facts, job):
        return
    config = read_config(facts, _SSH_CONFIG, server=False)
    if config.exists is not True:
        return
    checking, known_hosts = (
        config.value("StrictHostKeyChecking"),
        config.value("UserKnownHostsFile"),
    )
    if isinstance(checking, Unknowable) or isinstance(known_hosts, Unknowable):
        return
    check_ok = (
        checking is not None
        and checking.args[:1]
        and checking.args[0].lower()
        in (
            "no",
            "off",
            "accept-new",
        )
    )
    hosts_ok = known_hosts is not None and known_hosts.args[:1] == ("/dev/null",)
    if check_ok and hosts_ok:
        return
    anchor = _image_anchor(pair, facts, config, "openssh-client")
    if not check_ok:
        value = checking.args[0] if checking is not None and checking.args else None
        said = (
            f"sets StrictHostKeyChecking {value} ({_where(checking)})"
            if checking and value
            else ("leaves StrictHostKeyChecking at its default, ask")
        )
        yield Hit(
            _setting_span(checking) or anchor,
            f"the ssh client configuration of this image ({_SSH_CONFIG}) {said}: the launcher's"
            " first ssh to each worker meets an unknown host key, cannot ask anyone in a pod,"
            ' and fails with "Host key verification failed." (mpirun: "ORTE was unable to'
            ' reliably start one or more daemons"). Disable host key checking as the'
            f" documented images do: {_RECIPE}",
            file=pair.image_file,
        )
        return
    value = known_hosts.value if known_hosts is not None else "~/.ssh/known_hosts (the default)"
    yield Hit(
        _setting_span(known_hosts) or anchor,
        f"the ssh client configuration of this image ({_SSH_CONFIG}) keeps UserKnownHostsFile"
        f" {value}: the operator mounts {job.ssh_auth_mount_path} read-only from a Secret, so"
        ' every connection warns "Failed to add the host to the list of known hosts" into the'
        ' job\'s output. Add: RUN echo "    UserKnownHostsFile /dev/null" >> /etc/ssh/ssh_config',
        file=pair.image_file,
        severity=Severity.WARNING,
    )


def _user_config(facts: FileFacts, job: MPIJob) -> bool:
    """A ``~/.ssh/config`` in the image that the Secret mount does not hide is read first."""
    mount = posixpath.normpath(job.ssh_auth_mount_path)
    return any(
        path.endswith("/.ssh/config")
        and state.exists is not False
        and posixpath.dirname(path) != mount
        for path, state in facts.files.items()
    )


# ---------------------------------------------------------------- MPL202 ssh-port-mismatch

_PORT_OVERRIDES = re.compile(
    r"rsh_args|plm_ssh_args|bootstrap-exec|ssh_port|ssh-port|\bPort\b|horovodrun|deepspeed",
    re.IGNORECASE,
)


class _ServerPorts(Record):
    __slots__ = ("config", "ports", "settings")

    ports: Final[frozenset[int]]
    settings: Final[tuple[Setting, ...]]  # the Port lines that set them (empty: default or -p)
    config: Final[Config]

    def __init__(
        self,
        ports: frozenset[int],
        settings: tuple[Setting, ...],
        config: Config,
    ) -> None:
        self.ports = ports
        self.settings = settings
        self.config = config


def _server_ports(facts: FileFacts, sshd: _Sshd) -> _ServerPorts | None:
    """Where sshd listens; kept by facts and sshd reading, which several rules share."""
    return _PORTS.get(facts, sshd, lambda: _read_server_ports(facts, sshd))


_PORTS = IdentityMemo(2)  # FileFacts, _Sshd -> _ServerPorts | None


def _read_server_ports(facts: FileFacts, sshd: _Sshd) -> _ServerPorts | None:
    config = read_config(facts, sshd.config, server=True)
    if config.exists is not True or sshd.listen_option:
        return None
    given = frozenset(p for p, _ in sshd.ports)
    if sshd.exact:
        return _ServerPorts(given, (), config)
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
    return _ServerPorts(ports | given, lines, config)


@rule("MPL202", "pair")
def ssh_port_mismatch(pair: Pair) -> Iterator[Hit]:
    ready = _ready(pair)
    if ready is None:
        return
    job, facts = ready
    text = pair.manifest.text
    sshd = _worker_sshd(job, text)
    if sshd is None:
        return
    server = _server_ports(facts, sshd)
    if server is None:
        return
    client_hit = _client_port_hit(pair, facts, job, sshd, server)
    if client_hit is not None:
        yield client_hit


class SshdListening(Record):
    """Where the worker's sshd listens, read from the image and the worker's command line,
    with where those ports are set (for MPL115, which owns the readiness-probe question)."""

    __slots__ = ("config", "ports", "related")

    ports: Final[frozenset[int]]
    config: Final[str]
    related: Final[tuple[Related, ...]]

    def __init__(self, ports: frozenset[int], config: str, related: tuple[Related, ...]) -> None:
        self.ports = ports
        self.config = config
        self.related = related


def worker_sshd_listening(pair: Pair) -> SshdListening | None:
    """None when the image's configuration or the worker's command cannot be read."""
    ready = _ready(pair)
    if ready is None:
        return None
    job, facts = ready
    sshd = _worker_sshd(job, pair.manifest.text)
    server = _server_ports(facts, sshd) if sshd is not None else None
    if sshd is None or server is None:
        return None
    related = _server_related(pair, sshd, server) or [
        Related(
            pair.image_file,
            server.config.span or pair.image.final.from_span,
            f"{sshd.config} has no Port line: sshd listens on 22",
        )
    ]
    return SshdListening(server.ports, sshd.config, tuple(related))


def _ports_text(ports: frozenset[int]) -> str:
    return ", ".join(str(p) for p in sorted(ports))


def _server_related(pair: Pair, sshd: _Sshd, server: _ServerPorts) -> list[Related]:
    related = [
        Related(pair.manifest.file, span, f"the worker's sshd is given port {port} here")
        for port, span in sshd.ports
    ]
    related += [
        Related(pair.image_file, s.span, f"sshd Port {s.value} set here")
        for s in server.settings
        if s.span is not None
    ]
    if sshd.config_span is not None:
        related.append(
            Related(pair.manifest.file, sshd.config_span, f"the worker's sshd reads {sshd.config}")
        )
    return related


def _client_port_hit(
    pair: Pair, facts: FileFacts, job: MPIJob, sshd: _Sshd, server: _ServerPorts
) -> Hit | None:
    if any(_PORT_OVERRIDES.search(t) for t in _launcher_texts(job)):
        return None
    launcher = job.launcher.main if job.launcher is not None else None
    if _mounted_under(launcher, _SSH_CONFIG) or _user_config(facts, job):
        return None
    client = read_config(facts, _SSH_CONFIG, server=False)
    if client.exists is not True:
        return None
    setting = client.value("Port")
    if isinstance(setting, Unknowable):
        return None
    if setting is not None and not (setting.args and setting.args[0].isdecimal()):
        return None
    port = int(setting.args[0]) if setting is not None else 22
    if port in server.ports:
        return None
    said = f"Port {port} ({_where(setting)})" if setting else "no Port, so 22"
    where = "its -p option" if sshd.exact else f"{sshd.config}"
    related = _server_related(pair, sshd, server)
    span = _setting_span(setting)
    if span is None:
        server_line = next((s.span for s in server.settings if s.span is not None), None)
        span = server_line or _image_anchor(pair, facts, client, "openssh-client")
    target = min(server.ports)
    return Hit(
        span,
        f"the image's ssh client configuration ({_SSH_CONFIG}) has {said}, but the worker's"
        f" sshd listens on {_ports_text(server.ports)} (from {where}): mpirun's ssh connects to"
        f' the wrong port and fails with "ssh: connect to host … port {port}: Connection'
        f' refused". Make them agree, e.g. RUN echo "    Port {target}" >> /etc/ssh/ssh_config'
        " before any other Port line (the first value wins)",
        file=pair.image_file,
        related=tuple(related),
    )


# ---------------------------------------------------------------- MPL203 ssh-strict-modes


@rule("MPL203", "pair")
def ssh_strict_modes(pair: Pair) -> Iterator[Hit]:
    ready = _ready(pair)
    if ready is None:
        return
    job, facts = ready
    sshd = _worker_sshd(job, pair.manifest.text)
    if sshd is None or "strictmodes" in sshd.options:
        return
    mount = posixpath.normpath(job.ssh_auth_mount_path)
    who = _worker_user(pair, facts)
    non_root_mount = mount != "/root/.ssh"
    if not non_root_mount and (who is None or who.root):
        return
    config = read_config(facts, sshd.config, server=True)
    if config.exists is not True:
        return
    setting = config.value("StrictModes")
    if isinstance(setting, Unknowable):
        return
    if setting is not None and setting.args[:1] and setting.args[0].lower() == "no":
        return
    related: list[Related] = []
    if job.ssh_auth_mount_path_node is not None:
        related.append(
            Related(
                pair.manifest.file,
                span_of(job.ssh_auth_mount_path_node),
                f"the SSH Secret is mounted at {job.ssh_auth_mount_path}",
            )
        )
    if who is not None and who.node is not None and not who.root:
        related.append(
            Related(pair.manifest.file, span_of(who.node), "the worker runs as this uid")
        )
    if sshd.config_span is not None:
        related.append(
            Related(pair.manifest.file, sshd.config_span, f"the worker's sshd reads {sshd.config}")
        )
    said = (
        f"sets StrictModes {setting.value} ({_where(setting)})"
        if setting is not None
        else "leaves StrictModes at its default, yes"
    )
    for_whom = who.name if who is not None and not who.root else f"the owner of {mount}"
    yield Hit(
        _setting_span(setting) or _image_anchor(pair, facts, config, "openssh-server"),
        f"the sshd configuration the worker runs ({sshd.config}) {said}, while the operator"
        f" mounts the SSH Secret for {for_whom} at {job.ssh_auth_mount_path}: sshd checks the"
        " ownership and modes of the home, .ssh and authorized_keys, which a Secret volume"
        ' does not satisfy, and refuses the key ("Authentication refused: bad ownership or'
        ' modes"); the launcher gets "Permission denied (publickey)". Add StrictModes no,'
        f' e.g. RUN sed -i "s/#\\(StrictModes \\).*/\\1no/g" {sshd.config}, or'
        ' echo "StrictModes no" at the top of the file (the first value wins)',
        file=pair.image_file,
        related=tuple(related),
    )


# ---------------------------------------------------------------- MPL302 sshd-cannot-start


@rule("MPL302", "pair")
def sshd_cannot_start(pair: Pair) -> Iterator[Hit]:
    ready = _ready(pair)
    if ready is None:
        return
    job, facts = ready
    sshd = _worker_sshd(job, pair.manifest.text)
    who = _worker_user(pair, facts)
    if sshd is None or who is None:
        return
    config = read_config(facts, sshd.config, server=True)
    if config.exists is not True:
        return
    if who.root:
        hit = _privsep_hit(pair, facts, job, sshd, who)
        if hit is not None:
            yield hit
        return
    hit = _host_key_hit(pair, facts, job, sshd, who, config)
    if hit is not None:
        yield hit
    hit = _pid_file_hit(pair, facts, sshd, who, config)
    if hit is not None:
        yield hit


def _position(pair: Pair, who: _Who, fallback: Span) -> tuple[Span, str | None]:
    """The manifest's runAsUser, else the Dockerfile's USER line, else ``fallback``."""
    if who.node is not None:
        return span_of(who.node), None
    return (who.span or fallback), pair.image_file


def _key_readable(path: str, facts: FileFacts, job: MPIJob, who: _Who) -> bool | None:
    """Whether the worker's non-root user can read a HostKey: False only when certain."""
    if "%" in path or path.startswith("~") or "$" in path:
        return None
    mount = posixpath.normpath(job.ssh_auth_mount_path)
    path = posixpath.normpath(path)
    if path.startswith(mount + "/"):
        return None  # the mounted key: its mode is MPL121's business
    worker = job.worker
    if _mounted_under(worker.main if worker else None, path):
        return None
    state = facts.file(path)
    if state.exists is None:
        return None
    if state.exists is False:
        return False
    if state.owner not in ("root", "0") or state.mode is None:
        return None
    return None if state.mode & 0o044 else False


def _host_key_hit(
    pair: Pair, facts: FileFacts, job: MPIJob, sshd: _Sshd, who: _Who, config: Config
) -> Hit | None:
    if "hostkey" in sshd.options or any(k in sshd.texts for k in ("-h",)):
        return None
    settings = config.values("HostKey")
    if isinstance(settings, Unknowable):
        return None
    keys = [s.value for s in settings] or list(DEFAULT_HOST_KEYS)
    if any(_key_readable(k, facts, job, who) is not False for k in keys):
        return None
    span, file = _position(pair, who, _image_anchor(pair, facts, config, "openssh-server"))
    related = [
        Related(pair.image_file, s.span, f"HostKey {s.value} set here")
        for s in settings
        if s.span is not None
    ]
    if not settings:
        related.append(
            Related(
                pair.image_file,
                _image_anchor(pair, facts, config, "openssh-server"),
                f"{sshd.config} sets no HostKey: sshd loads /etc/ssh/ssh_host_*_key (root, 0600)",
            )
        )
    listed = ", ".join(keys)
    return Hit(
        span,
        f"the worker's sshd runs as {who.name}, which cannot read any host key of"
        f' {sshd.config} ({listed}: root-only or missing): sshd exits with "sshd: no hostkeys'
        ' available -- exiting." and the launcher gets "Connection refused". Point HostKey at'
        f" the mounted key, as the documented images do: HostKey {_mounted_key(job)}",
        file=file,
        related=tuple(related),
    )


def _mounted_key(job: MPIJob) -> str:
    return posixpath.join(posixpath.normpath(job.ssh_auth_mount_path), "id_rsa")


def _pid_file_hit(
    pair: Pair, facts: FileFacts, sshd: _Sshd, who: _Who, config: Config
) -> Hit | None:
    if "pidfile" in sshd.options:
        return None
    setting = config.value("PidFile")
    if isinstance(setting, Unknowable):
        return None
    path = setting.value if setting is not None else DEFAULT_PID_FILE
    if path.lower() == "none" or not path.startswith("/"):
        return None
    folder = posixpath.dirname(posixpath.normpath(path))
    if folder not in ("/run", "/var/run") or facts.touched & {"/run", "/var/run"}:
        return None
    span, file = _position(pair, who, _image_anchor(pair, facts, config, "openssh-server"))
    related = []
    if setting is not None and setting.span is not None:
        related.append(Related(pair.image_file, setting.span, f"PidFile {path} set here"))
    return Hit(
        span,
        f"the worker's sshd runs as {who.name} and writes its PID file to {path}"
        f"{'' if setting else ' (the default)'}, a directory only root may write: sshd logs"
        ' "Couldn\'t create pid file" at every start (not fatal in current OpenSSH). Set'
        f' PidFile to a writable path, e.g. echo "PidFile /tmp/sshd.pid" >> {sshd.config}',
        file=file,
        severity=Severity.INFO,
        related=tuple(related),
    )


def _privsep_hit(pair: Pair, facts: FileFacts, job: MPIJob, sshd: _Sshd, who: _Who) -> Hit | None:
    if facts.has_dir("/run/sshd") is not False:
        return None
    if any("/run/sshd" in t for t in sshd.texts):
        return None
    worker = job.worker
    main = worker.main if worker is not None else None
    if main is None:
        return None
    entrypoint_runs = not sshd.default and _empty(main.command)
    if entrypoint_runs and (facts.entrypoint is not None or not facts.entrypoint_known):
        return None  # args only: the image's entrypoint script runs first and may create it
    anchor = facts.installs.get("openssh-server") or pair.image.final.from_span
    related = [Related(pair.manifest.file, span_of(main.node), "the worker container")]
    if who.node is not None:
        return Hit(
            span_of(who.node),
            _privsep_message(who),
            related=(Related(pair.image_file, anchor, "openssh-server is installed here"),),
        )
    return Hit(anchor, _privsep_message(who), file=pair.image_file, related=tuple(related))


def _privsep_message(who: _Who) -> str:
    return (
        f"the worker's sshd runs as {who.name} and needs its privilege separation directory,"
        " but the image never creates /run/sshd (Debian's init script makes it at boot; a"
        ' container does not run it): sshd exits with "Missing privilege separation'
        ' directory: /run/sshd". Add RUN mkdir -p /var/run/sshd to the Dockerfile'
    )


__all__ = ["ssh_host_key_checking", "ssh_port_mismatch", "ssh_strict_modes", "sshd_cannot_start"]
