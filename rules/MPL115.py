"""MPL115 readiness-probe-port: the worker's readinessProbe checks a port its sshd does not listen
on.
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import Related, Severity
from mpilint.core.records import Record
from mpilint.models.commands import basename
from mpilint.models.mpijob import Container, MPIJob
from mpilint.models.resources import quantity
from mpilint.models.worker import USUAL_SSHD_PORTS, SshdCommand, accepted_sshd_ports, sshd_command
from mpilint.ruleapi import Hit, Manifest, Pair
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
    from mpilint.models.sshd import SshdListening
_PROBE_KINDS = ("tcpSocket", "httpGet", "grpc")


class _ProbePort(Record):
    kind: str
    node: Node
    port: int
    via: Node | None  # the containerPort a named port resolved to


def check(subject: Manifest) -> Iterator[Hit]:
    if subject.job.partial:
        return  # a kustomize patch: the port sshd listens on may be set in its base
    job = subject.job
    worker = job.worker
    if job.version != "v2beta1" or worker is None or worker.main is None:
        return
    main = worker.main
    probe = _probe_port(main)
    if probe is None:
        return
    command = sshd_command(main, subject.text)
    if command.unknown:
        return
    listening = _image_listening(subject)
    if listening is not None:
        # The paired image says where its sshd listens: no need to guess 22 or 2222.
        if probe.port not in listening.ports:
            yield _probe_hit(subject, job, command, probe, listening.ports, True, listening)
        return
    accepted = accepted_sshd_ports(command)
    if probe.port in accepted:
        return
    # Only sshd runs in a worker whose command is sshd itself (or the operator's default); a
    # script might also start a server on an unusual port, so that cannot be decided.
    certain = _plain_sshd(main) or probe.port in USUAL_SSHD_PORTS
    yield _probe_hit(subject, job, command, probe, accepted, certain, None)


def _image_listening(subject: Manifest) -> SshdListening | None:
    if subject.image is None or subject.image_file is None:
        return None
    from mpilint.ruleapi.sshd import worker_sshd_listening

    return worker_sshd_listening(Pair(subject, subject.image_file, subject.image))


def _plain_sshd(container: Container) -> bool:
    argv = container.argv()
    if not argv:
        return all(_empty(part) for part in (container.command, container.args))
    return basename(argv[0][0]) == "sshd"


def _empty(node: Node | None) -> bool:
    return node is None or (isinstance(node, SequenceNode) and not node.value)


def _probe_port(container: Container) -> _ProbePort | None:
    """The port of the container's readinessProbe; None for exec probes, no probe, or a name
    the container's ports do not resolve."""
    probe = get(container.node, "readinessProbe")
    for kind in _PROBE_KINDS:
        node = get(probe, kind, "port")
        if node is None or not isinstance(node, ScalarNode):
            continue
        kind_type = scalar_type(node)
        if kind_type == "int":
            number = quantity(node)
            return _ProbePort(kind, node, number, None) if number is not None else None
        if kind_type == "str" and node.value and not node.value.isdigit():
            return _named_port(container, kind, node)
        return None
    return None


def _named_port(container: Container, kind: str, node: ScalarNode) -> _ProbePort | None:
    declared = get(container.node, "ports")
    if not isinstance(declared, SequenceNode):
        return None
    for item in declared.value:
        if get_str(item, "name") == node.value:
            value = get(item, "containerPort")
            number = quantity(value) if value is not None else None
            return _ProbePort(kind, node, number, value) if number is not None else None
    return None


def _probe_hit(
    subject: Manifest,
    job: MPIJob,
    command: SshdCommand,
    probe: _ProbePort,
    accepted: frozenset[int],
    certain: bool,
    image: SshdListening | None,
) -> Hit:
    policy = get_str(job.spec, "launcherCreationPolicy")
    waits = policy == "WaitForWorkersReady"
    related = [Related(subject.file, p.span, f"sshd listens on {p.port}") for p in command.ports]
    if image is not None:
        related = list(image.related)
    if probe.via is not None:
        related.insert(
            0, Related(subject.file, span_of(probe.via), f"port {probe.node.value!r} is this")
        )
    given = sorted({p.port for p in command.ports})
    listens = "the worker's sshd listens on " + ", ".join(str(p) for p in given)
    if image is not None:
        given = sorted(accepted)
        listens = (
            f"the image's sshd configuration ({image.config}) and the worker's command make"
            " sshd listen on " + ", ".join(str(p) for p in given)
        )
    elif not command.exact:
        listens = (
            f"{listens} or, as its config says," if given else "the worker's sshd listens on"
        ) + " 2222 (mpioperator images) or 22 (the default)"
    if waits:
        consequence = (
            "with launcherCreationPolicy WaitForWorkersReady the launcher is never created"
            " and the job waits forever (workers 0/1 Running)"
        )
    elif job.run_launcher_as_worker:
        consequence = "the pods stay 0/1 Running and the job never reports its workers ready"
    else:
        consequence = (
            "the headless Service never publishes its DNS name, so the launcher cannot reach it"
        )
    shown = probe.node.value if probe.via is None else f"{probe.node.value!r} ({probe.port})"
    target = given[0] if given else 2222
    unless = "" if certain else ", unless the worker's command starts a server on that port"
    severity = Severity.INFO if not certain else Severity.ERROR if waits else None
    return Hit(
        span_of(probe.node),
        f"the worker's readinessProbe ({probe.kind}) checks port {shown}, but {listens}: the"
        f" worker never becomes Ready{unless}, and {consequence}. Probe the sshd port instead"
        f" (tcpSocket port {target})",
        severity=severity,
        related=tuple(related),
    )
