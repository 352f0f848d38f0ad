"""MPL309 sshd-privileged-port: a non-root sshd on a port below 1024 without the capability, or a
setcap'd sshd in a container that drops it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from mpilint.core.findings import Related, Severity, Span
from mpilint.core.lazyre import lazy
from mpilint.core.records import Record
from mpilint.models.commands import read_argv
from mpilint.models.image.software import Capability, SoftwareFacts, software_of
from mpilint.models.mpijob import Container, ReplicaSpec, int_value
from mpilint.ruleapi import Hit, Pair
from mpilint.ruleapi.pairs import argv_texts, one_image
from mpilint.ruleapi.sshd import worker_sshd_listening
from mpilint.sources.kubevalues import kube_bool
from mpilint.sources.yamlsource import (
    Node,
    ScalarNode,
    SequenceNode,
    get,
    get_str,
    span_of,
)

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass


_DEFAULT_SSHD = "/usr/sbin/sshd"


# ``cap_net_bind_service=+eip``, ``+ep``, ``=ep``, also in a list ``cap_a,cap_net_bind_service+ep``.
_BIND_CAP = lazy(r"net_bind_service(?:,[a-z_]+)*\s*[=+][+=]?[eip]*p")
_NO_BIND = frozenset({"ALL", "NET_BIND_SERVICE"})


class _Caps(Record):
    """The worker container's ``securityContext.capabilities`` as far as sshd cares."""

    dropped: Node | None  # the drop entry that takes NET_BIND_SERVICE away
    added: bool  # NET_BIND_SERVICE (or ALL) is added back
    privileged: bool


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
    privileged = kube_bool(get(container.node, "securityContext", "privileged")) is True
    return _Caps(dropped, added, privileged)


def _sshd_programs(main: Container) -> list[str] | None:
    """The sshd binaries the worker runs: the operator's default, or those its argv names."""
    texts = argv_texts(main)
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
    name: str
    span: Span
    file: str | None  # None: the manifest


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


# Where the bind is refused: the container runtime decides a pod's
# net.ipv4.ip_unprivileged_port_start, and mpilint cannot see which runtime the cluster runs.
_RUNTIMES = (
    "where the pod's network namespace keeps the kernel's net.ipv4.ip_unprivileged_port_start"
    " of 1024 (CRI-O, containerd 1.x; containerd 2.0's CRI and Docker 20.10 set it to 0, and"
    " the bind then succeeds)"
)


def _bind_severity(worker: ReplicaSpec) -> Severity:
    """Certain on the node's own network (hostNetwork), which the runtime's default does not
    touch; elsewhere it depends on the runtime, so a warning."""
    host = get(worker.pod_spec, "hostNetwork")
    return Severity.ERROR if host is not None and kube_bool(host) is True else Severity.WARNING


def check(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    worker = job.worker
    main = worker.main if worker else None
    if not job.uses_ssh or worker is None or main is None or not one_image(job):
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
        if escalation is None or kube_bool(escalation) is not False:
            return None
        related.append(_cap_related(pair, granted[0]))
        return Hit(
            span_of(escalation),
            f"allowPrivilegeEscalation: false sets no_new_privs, so the file capability"
            f" {granted[0].capabilities} the image gives sshd does not take effect for the"
            f" worker's {who.name}: {_RUNTIMES}, sshd cannot bind port {ports} (\"Bind to port"
            f' {ports} on 0.0.0.0 failed: Permission denied", "Cannot bind any address"). Run'
            " sshd on a port of 1024 or above (Port 2222 in its config and the ssh client's)",
            related=tuple(related),
            severity=_bind_severity(worker),
        )
    return Hit(
        who.span,
        f"the worker's sshd runs as {who.name} and listens on port {ports}, below 1024, which"
        " only root or a process with CAP_NET_BIND_SERVICE may bind, and the image gives sshd"
        f' no such capability: {_RUNTIMES}, sshd exits with "Bind to port {ports} on 0.0.0.0'
        ' failed: Permission denied" and "Cannot bind any address", and the launcher gets'
        ' "Connection refused". Use a port of 1024 or above (Port 2222 in the sshd config'
        " and in /etc/ssh/ssh_config)",
        file=who.file,
        related=tuple(related),
        severity=_bind_severity(worker),
    )
