"""Rules that read who the job runs as, and what its workers run, against the image (P02 d/e,
P15, P16, P23 of the domain notes).

The manifest says a uid (``runAsUser``), a key folder (``sshAuthMountPath``), capabilities and
a command; the image says which users exist, their homes, where sshd listens, whether sshd
carries a file capability, and its ENTRYPOINT/CMD.  Each half looks fine alone; together they
give "No user exists for uid 1001", "Bind to port 22 on 0.0.0.0 failed: Permission denied", or
a worker that never starts sshd.  Every fact comes from the image model (``Image.users``,
``software_of``, ``files_of``, ``read_config``) and the worker's sshd from
:func:`mpilint.checks.image_ssh.worker_sshd_listening`; whatever is unknown makes the rule
silent, and cases another rule already reports (MPL117, MPL121, MPL301) are left to it.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Sequence

from mpilint.checks.image_ssh import worker_sshd_listening
from mpilint.checks.workers import worker_command
from mpilint.core.findings import Related, Span
from mpilint.core.lazyre import lazy
from mpilint.core.records import Record
from mpilint.models.commands import Command, read_argv, read_sshd
from mpilint.models.image.files import FileFacts, files_of
from mpilint.models.image.reference import normalise_image
from mpilint.models.image.software import (
    ArgvItem,
    Capability,
    SoftwareFacts,
    effective_argv,
    software_of,
)
from mpilint.models.image.sshconfig import Unknowable, read_config
from mpilint.models.launchers import find_launches
from mpilint.models.mpijob import Container, MPIJob, ReplicaSpec, int_value
from mpilint.ruleapi import Hit, Pair, rule
from mpilint.sources import shellwords
from mpilint.sources.yamlsource import (
    Node,
    ScalarNode,
    SequenceNode,
    get,
    get_str,
    scalar_type,
    span_of,
)

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Final

_ROOT_SSH = "/root/.ssh"
# System users (the OS's and those packages add) stay below this uid on every known base.
_FIRST_REGULAR_UID = 1000
_SSH_CONFIG = "/etc/ssh/ssh_config"
_DEFAULT_SSHD = "/usr/sbin/sshd"

# ---------------------------------------------------------------- shared readers


def _true(node: Node | None) -> bool:
    return (
        node is not None
        and scalar_type(node) == "bool"
        and node.value.lower() in ("true", "yes", "on", "y")
    )


def _false(node: Node | None) -> bool:
    return (
        node is not None
        and scalar_type(node) == "bool"
        and node.value.lower() in ("false", "no", "off", "n")
    )


def _one_image(job: MPIJob) -> bool:
    """The Dockerfile is certainly the image of both main containers (else which is unknown)."""
    images = set()
    for replica in (job.launcher, job.worker):
        main = replica.main if replica else None
        if main is None:
            continue
        if main.image is None or not main.image.value:
            return False
        images.add(normalise_image(main.image.value))
    return len(images) == 1


def _texts(container: Container) -> list[str]:
    return [text for text, _ in container.argv()]


# ---------------------------------------------------------------- MPL308 run-as-user-not-in-image

# Ways an image lets an arbitrary uid get a passwd entry at start-up (OpenShift's random uids).
_PASSWD_AT_START = re.compile(r"passwd|nss_wrapper|NSS_WRAPPER", re.IGNORECASE)
# Launcher options that point ssh at a key file of their own.
_OWN_IDENTITY = lazy(r"IdentityFile|rsh_args|bootstrap-exec|(?:^|\s)-i(?:\s|$)")


@rule("MPL308", "pair")
def run_as_user_not_in_image(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    if not job.uses_ssh or not _one_image(job):
        return
    reported = False
    seen: set[Span] = set()
    for replica in (job.launcher, job.worker):
        main = replica.main if replica else None
        if replica is None or main is None:
            continue
        node = replica.security(main, "runAsUser")
        uid = int_value(node)
        if node is None or uid is None or span_of(node) in seen:
            continue
        seen.add(span_of(node))
        hit = _missing_uid(pair, replica, main, node, uid)
        if hit is None and not reported:
            hit = _home_mismatch(pair, replica, node, uid)
        if hit is not None:
            reported = True
            yield hit


def _created(pair: Pair) -> list[Related]:
    image = pair.image
    related = [
        Related(pair.image_file, u.span, f"user {u.name!r} (uid {u.uid}) created here")
        for u in image.users
        if u.origin in ("useradd", "adduser", "passwd")
    ]
    return related or [
        Related(pair.image_file, image.final.from_span, "the image's final stage starts here")
    ]


def _passwd_at_start(pair: Pair, container: Container, facts: FileFacts | None) -> bool:
    """The image or the container may add a passwd entry when it starts (an entrypoint that
    writes a world-writable /etc/passwd, nss_wrapper): then a missing uid proves nothing."""
    if facts is None or facts.touched & {"/etc/passwd", "/etc"}:
        return True
    software = software_of(pair.image)
    if software is None or any(_PASSWD_AT_START.search(e.name) for e in software.env):
        return True
    texts = _texts(container)
    for process in (software.entrypoint, software.cmd):
        texts += list(process.argv) if process is not None else []
    env = get(container.node, "env")
    if isinstance(env, SequenceNode):
        texts += [get_str(item, "name") or "" for item in env.value]
    return any(_PASSWD_AT_START.search(t) for t in texts)


def _missing_uid(
    pair: Pair, replica: ReplicaSpec, main: Container, node: Node, uid: int
) -> Hit | None:
    """P02e: no passwd entry for the uid.  The launcher's ssh calls getpwuid() first; the
    worker's sshd dies only where its config asks for ``~`` (HostKey ~/.ssh/id_rsa)."""
    image = pair.image
    if not image.users_complete or not image.root_base_known:
        return None
    if uid < _FIRST_REGULAR_UID or any(u.uid == uid for u in image.users):
        return None  # packages add system users below 1000 that the model does not list
    if any(u.uid is None and u.origin != "os" for u in image.users):
        return None  # a user of unknown uid (mpioperator's mpiuser) may hold it
    facts = files_of(image)
    if _passwd_at_start(pair, main, facts) or facts is None:
        return None
    job = pair.manifest.job
    if replica.role == "Launcher":
        worker = job.worker
        if worker is None or (worker.replicas or 0) < 1:
            return None  # no worker to ssh to
        effect = (
            f'the launcher\'s ssh exits at once with "No user exists for uid {uid}" and mpirun'
            ' reports "ORTE was unable to reliably start one or more daemons"'
        )
    else:
        tilde = _tilde_host_key(pair, facts)
        if tilde is None:
            return None
        effect = (
            f"the worker's sshd expands {tilde} with the home of uid {uid} and exits with"
            f' "tilde_expand_filename: No such uid {uid}"'
        )
    names = [
        f"{u.name!r} (uid {u.uid})"
        for u in image.users
        if u.origin != "os" and u.uid is not None and u.uid != 0
    ]
    offer = f"; it has {', '.join(names)}" if names else "; it has only root and system users"
    return Hit(
        span_of(node),
        f"{replica.role.lower()} runs as uid {uid} (runAsUser), but the image built by"
        f" {pair.image_file} has no user with that uid{offer}: {effect}. Set runAsUser to the"
        f" uid of the image's user, or create the user with that uid in the final stage"
        f" (RUN useradd -m -u {uid} <name>, and sshAuthMountPath /home/<name>/.ssh)",
        related=tuple(_created(pair)),
    )


def _tilde_host_key(pair: Pair, facts: FileFacts) -> str | None:
    """The worker's sshd HostKey written with ``~``, when its config can be read."""
    listening = worker_sshd_listening(pair)
    if listening is None:
        return None
    keys = read_config(facts, listening.config, server=True).values("HostKey")
    if isinstance(keys, Unknowable):
        return None
    return next((f"HostKey {k.value}" for k in keys if k.value.startswith("~")), None)


def _home_mismatch(pair: Pair, replica: ReplicaSpec, node: Node, uid: int) -> Hit | None:
    """P02d: the uid's home is not where the operator mounts the keys.  MPL121 owns root with
    another path and non-root with ``/root/.ssh``; MPL301 owns a path whose user is missing."""
    from mpilint.models.image import user_for_ssh_path  # lazy: manifest-only runs skip the model

    job, image = pair.manifest.job, pair.image
    path = posixpath.normpath(job.ssh_auth_mount_path)
    if uid == 0 or path == _ROOT_SSH or not image.users_complete:
        return None
    if posixpath.basename(path) == ".ssh" and user_for_ssh_path(image, path) is None:
        return None
    holders = [u for u in image.users if u.uid == uid]
    if len(holders) != 1 or not holders[0].home or holders[0].home == "/":
        return None
    user = holders[0]
    if posixpath.normpath(posixpath.join(user.home or "/", ".ssh")) == path:
        return None
    facts = files_of(image)
    if facts is None:
        return None
    launcher = replica.role == "Launcher"
    if launcher:
        works = _client_finds_key(pair, facts, path)
        effect = (
            f"the launcher's ssh, running as {user.name!r}, looks for its key in {user.home}/.ssh"
        )
    else:
        works = _server_finds_keys(pair, facts, path)
        effect = (
            f"the worker's sshd, running as {user.name!r}, looks for authorized_keys (and"
            f" HostKey ~/…) in {user.home}/.ssh"
        )
    if works is not False:
        return None
    related = [Related(pair.image_file, user.span, f"user {user.name!r} (home {user.home}) here")]
    if job.ssh_auth_mount_path_node is not None:
        related.append(
            Related(
                pair.manifest.file,
                span_of(job.ssh_auth_mount_path_node),
                f"the SSH Secret is mounted at {job.ssh_auth_mount_path}",
            )
        )
    return Hit(
        span_of(node),
        f"{replica.role.lower()} runs as uid {uid}, user {user.name!r} of the image (home"
        f" {user.home}), but sshAuthMountPath is {job.ssh_auth_mount_path}: {effect}, where the"
        ' operator mounted nothing, and fails with "Permission denied (publickey)". Set'
        f" sshAuthMountPath: {posixpath.join(user.home or '/', '.ssh')}, or run as the user"
        f" whose .ssh {job.ssh_auth_mount_path} is",
        related=tuple(related),
    )


def _under(path: str, folder: str) -> bool:
    return not path.startswith("~") and posixpath.normpath(path).startswith(folder + "/")


def _client_finds_key(pair: Pair, facts: FileFacts, mount: str) -> bool | None:
    """Whether the launcher's ssh is pointed at a key under the mount by absolute path."""
    job = pair.manifest.job
    launcher = job.launcher.main if job.launcher else None
    if launcher is None or any(_OWN_IDENTITY().search(t) for t in _texts(launcher)):
        return None
    if get(launcher.node, "envFrom") is not None or _mentions_env(launcher, _OWN_IDENTITY()):
        return None
    setting = read_config(facts, _SSH_CONFIG, server=False).value("IdentityFile")
    if isinstance(setting, Unknowable):
        return None
    return setting is not None and _under(setting.value, mount)


def _mentions_env(container: Container, pattern: re.Pattern[str]) -> bool:
    env = get(container.node, "env")
    if not isinstance(env, SequenceNode):
        return False
    return any(
        pattern.search(get_str(item, "name") or "") or pattern.search(get_str(item, "value") or "")
        for item in env.value
    )


def _server_finds_keys(pair: Pair, facts: FileFacts, mount: str) -> bool | None:
    """Whether the worker's sshd reads authorized_keys under the mount by absolute path and
    needs no host key from the home."""
    listening = worker_sshd_listening(pair)
    if listening is None:
        return None
    config = read_config(facts, listening.config, server=True)
    files = config.value("AuthorizedKeysFile")
    keys = config.values("HostKey")
    if isinstance(files, Unknowable) or isinstance(keys, Unknowable):
        return None
    if any(k.value.startswith("~") for k in keys):
        return False
    return files is not None and bool(files.args) and all(_under(a, mount) for a in files.args)


# ---------------------------------------------------------------- MPL309 sshd-privileged-port

# ``cap_net_bind_service=+eip``, ``+ep``, ``=ep``, also in a list ``cap_a,cap_net_bind_service+ep``.
_BIND_CAP = lazy(r"net_bind_service(?:,[a-z_]+)*\s*[=+][+=]?[eip]*p")
_NO_BIND = frozenset({"ALL", "NET_BIND_SERVICE"})


class _Caps(Record):
    """The worker container's ``securityContext.capabilities`` as far as sshd cares."""

    __slots__ = ("added", "dropped", "privileged")

    dropped: Final[Node | None]  # the drop entry that takes NET_BIND_SERVICE away
    added: Final[bool]  # NET_BIND_SERVICE (or ALL) is added back
    privileged: Final[bool]

    def __init__(self, dropped: Node | None, added: bool, privileged: bool) -> None:
        self.dropped = dropped
        self.added = added
        self.privileged = privileged


def _cap_name(node: Node) -> str:
    text = node.value.strip().upper() if isinstance(node, ScalarNode) else ""
    return text.removeprefix("CAP_")


def _container_caps(container: Container) -> _Caps:
    caps = get(container.node, "securityContext", "capabilities")
    drop, add = get(caps, "drop"), get(caps, "add")
    dropped = None
    if isinstance(drop, SequenceNode):
        dropped = next((n for n in drop.value if _cap_name(n) in _NO_BIND), None)
    added = isinstance(add, SequenceNode) and any(_cap_name(n) in _NO_BIND for n in add.value)
    privileged = _true(get(container.node, "securityContext", "privileged"))
    return _Caps(dropped, added, privileged)


def _sshd_programs(main: Container) -> list[str] | None:
    """The sshd binaries the worker runs: the operator's default, or those its argv names."""
    texts = _texts(main)
    if not texts:
        return [_DEFAULT_SSHD]
    reading = read_argv(texts)
    if not reading.complete:
        return None
    found = [c.program.text for c in reading.commands if c.reached and c.name == "sshd"]
    return found or None


def _bind_capability(software: SoftwareFacts, program: str) -> Capability | bool | None:
    """The setcap that gives ``program`` cap_net_bind_service; False: none; None: unknown."""
    if not software.capabilities_known:
        return None
    for cap in software.sshd_capabilities:
        if posixpath.normpath(cap.path) != posixpath.normpath(program):
            continue
        if cap.capabilities is None:
            return None
        lowered = cap.capabilities.lower()
        if _BIND_CAP().search(lowered):
            return cap
        return None if "net_bind" in lowered else False
    return False


class _NonRoot(Record):
    __slots__ = ("file", "name", "span")

    name: Final[str]
    span: Final[Span]
    file: Final[str | None]  # None: the manifest

    def __init__(self, name: str, span: Span, file: str | None) -> None:
        self.name = name
        self.span = span
        self.file = file


def _non_root(
    pair: Pair, replica: ReplicaSpec, main: Container, software: SoftwareFacts
) -> _NonRoot | None:
    """Who the worker's sshd runs as, when that is certainly not root."""
    node = replica.security(main, "runAsUser")
    if node is not None:
        uid = int_value(node)
        return _NonRoot(f"uid {uid}", span_of(node), None) if uid not in (None, 0) else None
    if software.runs_as_root() is not False or software.user is None:
        return None
    return _NonRoot(f"user {software.user[0]!r}", software.user[1], pair.image_file)


def _low_ports_allowed(replica: ReplicaSpec) -> bool:
    """A pod sysctl ``net.ipv4.ip_unprivileged_port_start`` lets anyone bind low ports."""
    sysctls = get(replica.pod_spec, "securityContext", "sysctls")
    if not isinstance(sysctls, SequenceNode):
        return False
    return any(get_str(s, "name") == "net.ipv4.ip_unprivileged_port_start" for s in sysctls.value)


@rule("MPL309", "pair")
def sshd_privileged_port(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    worker = job.worker
    main = worker.main if worker else None
    if not job.uses_ssh or worker is None or main is None or not _one_image(job):
        return
    software = software_of(pair.image)
    programs = _sshd_programs(main)
    if software is None or not programs or any(not p.startswith("/") for p in programs):
        return
    caps = [_bind_capability(software, p) for p in programs]
    if any(c is None for c in caps):
        return
    granted = [c for c in caps if isinstance(c, Capability)]
    container = _container_caps(main)
    if container.privileged:
        return
    if granted and len(granted) == len(caps) and container.dropped and not container.added:
        yield _dropped_hit(pair, container.dropped, granted[0])
        return
    hit = _bind_hit(pair, worker, main, software, container, granted if granted else None)
    if hit is not None:
        yield hit


def _cap_related(pair: Pair, cap: Capability) -> Related:
    where = cap.span or pair.image.final.from_span
    said = cap.capabilities or "a capability"
    return Related(pair.image_file, where, f"sshd gets the file capability {said} here")


def _dropped_hit(pair: Pair, dropped: Node, cap: Capability) -> Hit:
    return Hit(
        span_of(dropped),
        f"the worker drops {dropped.value} from its capabilities, but the image gives"
        f" {cap.path} the file capability {cap.capabilities} (setcap): Linux refuses to"
        " execute a binary whose file capabilities are not in the container's bounding set,"
        f' so the worker fails to start ("exec {cap.path}: operation not permitted"). Add'
        " NET_BIND_SERVICE back (capabilities: add: [NET_BIND_SERVICE]), or build the image"
        " without the setcap and run sshd on a port of 1024 or above (Port 2222)",
        related=(_cap_related(pair, cap),),
    )


def _bind_hit(
    pair: Pair,
    worker: ReplicaSpec,
    main: Container,
    software: SoftwareFacts,
    container: _Caps,
    granted: list[Capability] | None,
) -> Hit | None:
    """A non-root sshd on ports below 1024 without an effective cap_net_bind_service."""
    who = _non_root(pair, worker, main, software)
    listening = worker_sshd_listening(pair)
    if who is None or listening is None or not listening.ports:
        return None
    if max(listening.ports) >= 1024:
        return None  # sshd keeps going when one of several ports binds
    if container.added or _low_ports_allowed(worker):
        return None
    escalation = get(main.node, "securityContext", "allowPrivilegeEscalation")
    related = list(listening.related)
    ports = ", ".join(str(p) for p in sorted(listening.ports))
    if granted is not None:
        if escalation is None or not _false(escalation):
            return None
        related.append(_cap_related(pair, granted[0]))
        return Hit(
            span_of(escalation),
            f"allowPrivilegeEscalation: false sets no_new_privs, so the file capability"
            f" {granted[0].capabilities} the image gives sshd does not take effect for the"
            f" worker's {who.name}: sshd cannot bind port {ports} (\"Bind to port {ports} on"
            ' 0.0.0.0 failed: Permission denied", "Cannot bind any address"). Run sshd on a'
            " port of 1024 or above (Port 2222 in its config and the ssh client's)",
            related=tuple(related),
        )
    return Hit(
        who.span,
        f"the worker's sshd runs as {who.name} and listens on port {ports}, below 1024, which"
        " only root or a process with CAP_NET_BIND_SERVICE may bind; the image gives sshd no"
        f' such capability: sshd exits with "Bind to port {ports} on 0.0.0.0 failed:'
        ' Permission denied" and "Cannot bind any address", and the launcher gets'
        ' "Connection refused". Use a port of 1024 or above (Port 2222 in the sshd config'
        " and in /etc/ssh/ssh_config)",
        file=who.file,
        related=tuple(related),
    )


# ---------------------------------------------------------------- MPL310 worker-effective-command

_SETUP = frozenset(
    {
        *("cd", "export", "set", "unset", "umask", "ulimit", "echo", "printf", "true", ":"),
        *("mkdir", "cp", "mv", "rm", "ln", "chmod", "chown", "touch", "test", "["),
        *("ssh-keygen", "id", "whoami", "hostname", "date"),
    }
)
_EXITS = frozenset({"true", "false", "echo", "printf", "exit", ":"})
_PYTHON = re.compile(r"python[0-9.]*")
_TRAINERS = frozenset({"torchrun", "deepspeed"})
_MAX_WRAPPERS = 4


@rule("MPL310", "pair")
def worker_effective_command(pair: Pair) -> Iterator[Hit]:
    manifest = pair.manifest
    job = manifest.job
    worker = job.worker
    main = worker.main if worker else None
    if job.version != "v2beta1" or worker is None or main is None or not _one_image(job):
        return  # v1/v1alpha2 run `sleep 365d` when command is empty: the image CMD never runs
    args = main.args
    if _given(main.command) or not isinstance(args, SequenceNode) or not args.value:
        return  # a command decides alone (MPL117); neither: the operator's sshd -De
    if any("ssh" in text for c in worker.containers[1:] for text in _texts(c)):
        return  # the sshd may live in another container (MPL118's business)
    if list(worker_command(manifest)):
        return  # MPL117 already decided from the manifest alone
    software = software_of(pair.image)
    argv = effective_argv(main, software)
    if software is None or not argv:
        return
    items = _through_wrappers(argv, files_of(pair.image))
    if items is None:
        return
    hit = _effective_hit(pair, software, args, items)
    if hit is not None:
        yield hit


def _given(part: Node | None) -> bool:
    return isinstance(part, SequenceNode) and bool(part.value)


def _passes_through(text: str | None) -> bool:
    """A start script that only sets things up and ends in ``exec "$@"``."""
    if text is None:
        return False
    script = shellwords.parse(text)
    if not script.complete or not script.commands:
        return False
    *before, last = script.commands
    if [w.text for w in last.words] != ["exec", "$@"]:
        return False
    return all(c.words and c.words[0].text.rsplit("/", 1)[-1] in _SETUP for c in before) and all(
        "$@" not in w.text and "$*" not in w.text and not re.search(r"\$\{?[0-9]", w.text)
        for c in before
        for w in c.words
    )


def _through_wrappers(
    argv: tuple[ArgvItem, ...], facts: FileFacts | None
) -> tuple[ArgvItem, ...] | None:
    """The argv after image scripts whose text is known to ``exec "$@"`` (tini, dumb-init and
    the like are read through by :func:`read_argv`); None when one cannot be followed."""
    items = argv
    for _ in range(_MAX_WRAPPERS):
        reading = read_argv([i.text for i in items])
        if not reading.commands:
            return None
        first = reading.commands[0].program
        index = first.ref.index
        item = items[index]
        if item.node is not None or first.ref.start != 0 or not item.text.startswith("/"):
            return items
        state = facts.file(item.text) if facts is not None else None
        if state is None or state.exists is not True or state.text is None:
            return items
        if not _passes_through(state.text):
            return None
        items = items[index + 1 :]
        if not items:
            return None
    return None


def _effective_hit(
    pair: Pair, software: SoftwareFacts, args: SequenceNode, items: tuple[ArgvItem, ...]
) -> Hit | None:
    reading = read_argv([i.text for i in items])
    if not reading.complete:
        return None
    programs = [c for c in reading.commands if c.reached]
    sshds = [p for p in programs if p.name == "sshd"]
    if sshds:
        return _sshd_hit(pair, software, args, items, sshds)
    last = [p for p in programs if p.last]
    before = [p for p in programs if not p.last]
    if len(last) != 1 or any(p.name not in _SETUP for p in before):
        return None
    program = last[0]
    item = items[program.program.ref.index]
    if item.node is not None:
        return _option_as_program(pair, software, program, item)
    return _image_program(pair, software, args, items, program)


def _first_arg(args: SequenceNode) -> Span:
    return span_of(args.value[0])


def _sshd_hit(
    pair: Pair,
    software: SoftwareFacts,
    args: SequenceNode,
    items: tuple[ArgvItem, ...],
    sshds: Sequence[Command],
) -> Hit | None:
    """An sshd from the image whose options come from the args: the args must keep it in the
    foreground (sshd stops reading options at the first operand)."""
    for program in sshds:
        if items[program.program.ref.index].node is not None or not program.last:
            continue
        sshd = read_sshd(program.words)
        if sshd.foreground or not sshd.absolute:
            continue
        entry = software.entrypoint
        if entry is None:
            continue
        return Hit(
            _first_arg(args),
            f"the worker's args are appended to the image's ENTRYPOINT ({_shown(entry.argv)}),"
            f" which gives `{' '.join(i.text for i in items)}`: sshd without -D detaches and"
            " the container's main process exits, so the worker pod ends and the launcher gets"
            ' "Connection refused". Start the args with -De (or give the whole command:'
            " command: [/usr/sbin/sshd, -De])",
            related=(_process_related(pair, entry.span, "ENTRYPOINT", entry.argv),),
        )
    return None


def _shown(argv: Sequence[str]) -> str:
    return " ".join(argv)


def _process_related(pair: Pair, span: Span | None, what: str, argv: Sequence[str]) -> Related:
    return Related(
        pair.image_file,
        span or pair.image.final.from_span,
        f"the image's {what} ({_shown(argv)})",
    )


def _option_as_program(
    pair: Pair, software: SoftwareFacts, program: Command, item: ArgvItem
) -> Hit | None:
    """Args only: they replace CMD whole (no ENTRYPOINT) or are run by a start script that ends
    in ``exec "$@"``, so an option meant for the CMD's sshd becomes the program."""
    if not program.program.text.startswith("-") or item.node is None:
        return None
    if program.program.ref.start != 0:
        return None
    entry, cmd = software.entrypoint, software.cmd
    related: tuple[Related, ...] = ()
    if entry is not None:
        how = (
            f"the image's ENTRYPOINT ({_shown(entry.argv)}) passes the worker's args on as the"
            " command to run"
        )
        related = (_process_related(pair, entry.span, "ENTRYPOINT", entry.argv),)
    else:
        how = "the image has no ENTRYPOINT"
    if cmd is not None:
        related += (_process_related(pair, cmd.span, "CMD", cmd.argv),)
    written = cmd.argv[-1:] if cmd is not None and cmd.shell_form else cmd.argv if cmd else ()
    replaced = f" ({_shown(written)})" if cmd is not None else ""
    return Hit(
        span_of(item.node),
        f"the worker has only args and {how}: args replace the image's"
        f" CMD{replaced} instead of extending it, so `{item.text}` becomes the program and"
        f' the container fails to start (exec: "{item.text}": executable file not found).'
        " Write the whole command, e.g. args: [/usr/sbin/sshd, -De, …], or leave command and"
        " args out to get the operator's /usr/sbin/sshd -De",
        related=related,
    )


def _not_sshd(program: Command) -> str | None:
    name = program.name
    launches = find_launches([w.text for w in program.words])
    if launches and launches[0].program_ref.index == 0:
        return f"the MPI launcher `{name}`"
    if name == "sleep":
        return "`sleep`"
    if name == "tail" and any(w.text in ("-f", "-F", "--follow") for w in program.words[1:]):
        return "`tail -f`"
    if _PYTHON.fullmatch(name) or name in _TRAINERS:
        return f"`{name}`"
    if name in _EXITS:
        return f"`{name}`, which exits at once"
    return None


def _image_program(
    pair: Pair,
    software: SoftwareFacts,
    args: SequenceNode,
    items: tuple[ArgvItem, ...],
    program: Command,
) -> Hit | None:
    """The program comes from the image's ENTRYPOINT and is clearly not an sshd."""
    entry = software.entrypoint
    if entry is None:
        return None
    arg_texts = [i.text for i in items if i.node is not None]
    names_sshd = bool(arg_texts) and arg_texts[0].rsplit("/", 1)[-1] == "sshd"
    if any("ssh" in t for t in arg_texts) and not names_sshd:
        return None  # the args may name a script that starts sshd
    if any("ssh" in i.text for i in items if i.node is None):
        return None
    instead = _not_sshd(program)
    if instead is None:
        return None
    if entry.shell_form:
        how = (
            f"the image's ENTRYPOINT is in shell form ({entry.argv[-1]}), which ignores CMD and"
            " the container's args: the worker runs"
        )
    else:
        how = (
            f"the worker's args are appended to the image's ENTRYPOINT ({_shown(entry.argv)}):"
            f" the worker runs `{_shown([i.text for i in items])}`, that is"
        )
    return Hit(
        _first_arg(args),
        f"{how} {instead} instead of an sshd. The operator starts `/usr/sbin/sshd -De` only in"
        " a worker with neither command nor args, so nothing listens for ssh and the launcher"
        ' fails with "Connection refused". Give the worker a command that replaces the'
        " ENTRYPOINT (command: [/usr/sbin/sshd, -De]), or leave command and args out",
        related=(_process_related(pair, entry.span, "ENTRYPOINT", entry.argv),),
    )


__all__ = ["run_as_user_not_in_image", "sshd_privileged_port", "worker_effective_command"]
