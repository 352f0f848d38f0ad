"""Rules about the pods the replica specs create: GPUs, host networking, probes, sidecars.

These are the silent traps (domain notes P09, P10, P13, P19, P20): the job is accepted and the
pods start, but GPUs sit idle or are shared, ports collide on the node, a worker never becomes
Ready, or a proxy keeps the launcher from completing. Each rule reads only what the manifest
shows and stays silent when the value that decides it cannot be known.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mpilint.core.findings import Related, Severity, Span
from mpilint.core.lazyre import lazy
from mpilint.core.records import Record
from mpilint.models.commands import ArgRef, basename, read_argv, read_sshd
from mpilint.models.launchers import find_launches
from mpilint.models.mpijob import Container, MPIJob, ReplicaSpec
from mpilint.ruleapi import Hit, Manifest, Pair, rule
from mpilint.sources.yamlsource import (
    Node,
    ScalarNode,
    SequenceNode,
    get,
    get_str,
    offset_span,
    pairs,
    scalar_type,
    span_of,
)

# ---------------------------------------------------------------- shared readers

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Final

    from mpilint.checks.image_ssh import SshdListening


class GpuLimit(Record):
    """One ``resources.limits`` entry for a GPU: its name, key and value nodes, and its count
    (None when the quantity is not a plain integer, e.g. templated or ``500m``)."""

    __slots__ = ("count", "key", "name", "value")

    name: Final[str]
    key: Final[Node]
    value: Final[Node]
    count: Final[int | None]

    def __init__(self, name: str, key: Node, value: Node, count: int | None) -> None:
        self.name = name
        self.key = key
        self.value = value
        self.count = count


def _gpu_limits(container: Container | None) -> list[GpuLimit]:
    """GPU limits of a container: names ending in ``/gpu`` (nvidia.com/gpu, amd.com/gpu).

    MIG slices (``nvidia.com/mig-1g.5gb``) and other devices are left out on purpose: how many
    ranks such a device should take is not a one-per-device question.
    """
    if container is None:
        return []
    return [
        GpuLimit(name, key, value, _quantity(value))
        for name, key, value in pairs(get(container.node, "resources", "limits"))
        if name.endswith("/gpu")
    ]


def _quantity(node: Node) -> int | None:
    """A whole-number resource quantity (``2`` or ``"2"``); None for anything else."""
    if not isinstance(node, ScalarNode):
        return None
    kind = scalar_type(node)
    text = node.value.strip()
    if kind == "int" or (kind == "str" and text.isdigit()):
        try:
            return int(text.replace("_", ""), 10)
        except ValueError:
            return None
    return None


def _true(node: Node | None) -> bool:
    """A YAML boolean true (``true``), as Kubernetes reads a bool field."""
    return (
        isinstance(node, ScalarNode)
        and scalar_type(node) == "bool"
        and node.value.lower() in ("true", "yes", "on", "y")
    )


# ---------------------------------------------------------------- sshd ports from a command

# Ports sshd listens on when its command does not say: 2222 in the mpioperator images and the
# CERIT recipe, 22 in a stock Debian/Ubuntu sshd_config.
USUAL_SSHD_PORTS = (2222, 22)


class SshdPort(Record):
    __slots__ = ("port", "span")

    port: Final[int]
    span: Final[Span]

    def __init__(self, port: int, span: Span) -> None:
        self.port = port
        self.span = span


class SshdCommand(Record):
    """What a container's command shows about its sshd.

    ``ports`` lists ports given with ``-p``/``-o Port=``; ``exact`` is True when ``-p`` fixes
    them (sshd then ignores ``Port`` in its config). ``unknown`` is True when the command runs
    sshd in a way the port cannot be read from (``-p $PORT``, ``-o ListenAddress=...``), or
    mentions sshd where no command can be read (a script, ``$(SSHD)``).
    """

    __slots__ = ("exact", "ports", "runs_sshd", "unknown")

    runs_sshd: Final[bool]
    ports: Final[tuple[SshdPort, ...]]
    exact: Final[bool]
    unknown: Final[bool]

    def __init__(
        self,
        runs_sshd: bool,
        ports: tuple[SshdPort, ...],
        exact: bool,
        unknown: bool,
    ) -> None:
        self.runs_sshd = runs_sshd
        self.ports = ports
        self.exact = exact
        self.unknown = unknown


def sshd_command(container: Container, text: str) -> SshdCommand:
    """Read the sshd invocations in a container's ``command``/``args``, direct or in ``sh -c``.

    Any word naming sshd counts, also as an operand (``/entrypoint.sh /usr/sbin/sshd -p 2222``,
    ``test -x /usr/sbin/sshd``): with several, the port is exact only if each says it. A
    container with neither runs the image's default; in v2beta1 the operator gives a worker
    ``/usr/sbin/sshd -De``, which shows no port either.
    """
    argv = container.argv()
    found = [
        read_sshd(command.words[i:])
        for command in read_argv([t for t, _ in argv]).commands
        for i, word in enumerate(command.words)
        if basename(word.text) == "sshd" and not word.expands
    ]
    if not found:
        return SshdCommand(False, (), False, any("sshd" in t for t, _ in argv))
    ports = tuple(
        SshdPort(port, _ref_span(argv, word.ref, text)) for f in found for port, word in f.ports
    )
    return SshdCommand(
        True,
        ports,
        all(f.port_option for f in found) and bool(ports),
        any(f.port_unknown for f in found),
    )


def _ref_span(argv: tuple[tuple[str, Node], ...], ref: ArgRef, text: str) -> Span:
    node = argv[ref.index][1]
    if isinstance(node, ScalarNode):
        return offset_span(node, text, ref.start, ref.end)
    return span_of(node)


def accepted_sshd_ports(command: SshdCommand, image_port: int | None = None) -> frozenset[int]:
    """The ports the worker's sshd may listen on, for comparing a probe with.

    ``-p`` fixes the set. Otherwise the config decides: ``image_port`` when the caller knows
    the image's sshd_config, else the usual 2222 and 22; ``-o Port=`` adds to that set.
    """
    given = frozenset(p.port for p in command.ports)
    if command.exact:
        return given
    base = frozenset({image_port}) if image_port is not None else frozenset(USUAL_SSHD_PORTS)
    return given | base


# ---------------------------------------------------------------- MPL112 gpu-slots-mismatch

# Launchers that start their own per-GPU processes inside each rank: one rank per node is then
# deliberate, and the GPU count says nothing about the slots.
_PER_NODE_LAUNCHERS = lazy(
    r"torchrun|torch\.distributed\.(?:run|launch)|deepspeed|accelerate\s+launch"
    r"|nproc[_-]per[_-]node|num[_-]gpus",
    re.IGNORECASE,
)
# What shows a one-rank-per-GPU data-parallel job (Horovod, or NCCL collectives).
_DATA_PARALLEL = re.compile(r"horovod|nccl", re.IGNORECASE)


@rule("MPL112", "manifest")
def gpu_slots_mismatch(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    worker = job.worker
    if job.version == "v1alpha1" or worker is None or job.slots_per_worker is None:
        return
    limits = _gpu_limits(worker.main)
    if not limits or any(g.count is None for g in limits):
        return
    gpus = sum(g.count or 0 for g in limits)
    slots = job.slots_per_worker
    if gpus == 0 or slots == 0 or gpus == slots:
        return
    if not _is_data_parallel(job) or _texts_match(job, _PER_NODE_LAUNCHERS()):
        return
    if not _slots_are_ranks(job, slots):
        return
    yield _gpu_hit(subject, job, limits, gpus, slots)


def _job_texts(job: MPIJob) -> Iterator[str]:
    """Images, argv and env names of the launcher's and workers' main containers."""
    for replica in (job.launcher, job.worker):
        main = replica.main if replica else None
        if main is None:
            continue
        if main.image is not None:
            yield main.image.value
        yield from (t for t, _ in main.argv())
        if isinstance(main.env, SequenceNode):
            yield from (get_str(item, "name") or "" for item in main.env.value)


def _texts_match(job: MPIJob, pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(t) for t in _job_texts(job))


def _is_data_parallel(job: MPIJob) -> bool:
    """Horovod or NCCL shows in an image, the argv or env; other GPU codes (GROMACS, LAMMPS,
    model-parallel training) may share or span GPUs on purpose."""
    return _texts_match(job, _DATA_PARALLEL)


def _slots_are_ranks(job: MPIJob, slots: int) -> bool:
    """Whether each worker runs ``slotsPerWorker`` ranks: not when the launcher brings its own
    host list, is elastic, or places a different number per node (MPL102's business)."""
    launcher = job.launcher
    main = launcher.main if launcher else None
    if main is None:
        return True
    for launch in find_launches([t for t, _ in main.argv()]):
        if launch.replaces_hostfile or launch.elastic:
            return False
        if launch.per_node is not None and launch.per_node != slots:
            return False
    return True


def _gpu_hit(subject: Manifest, job: MPIJob, limits: list[GpuLimit], gpus: int, slots: int) -> Hit:
    names = ", ".join(sorted({g.name for g in limits}))
    defaulted = job.slots_node is None or scalar_type(job.slots_node) == "null"
    said = "slotsPerWorker is not set, so it is 1" if defaulted else f"slotsPerWorker is {slots}"
    if slots > gpus:
        consequence = (
            'ranks share GPUs (NCCL "Duplicate GPU detected", deadlocks, or an IndexError on'
            " gpus[hvd.local_rank()])"
        )
    else:
        idle = gpus - slots
        consequence = f"{idle} GPU{'s' if idle != 1 else ''} per worker sit idle"
    message = (
        f"{said}: the hostfile gives each worker {slots} slot{'s' if slots != 1 else ''}, so"
        f" mpirun starts {slots} rank{'s' if slots != 1 else ''} on a worker that holds {gpus}"
        f" GPU{'s' if gpus != 1 else ''} ({names}); {consequence}. Horovod and NCCL expect one"
        f" rank per GPU: set slotsPerWorker: {gpus} (and the launcher's -n to Worker.replicas"
        f" × {gpus}), or request {slots} GPU{'s' if slots != 1 else ''} per worker"
    )
    limit = limits[0].value
    if defaulted or job.slots_node is None:
        return Hit(span_of(limit), message)
    return Hit(
        span_of(job.slots_node),
        message,
        related=(Related(subject.file, span_of(limit), "the workers' GPU limit is set here"),),
    )


# ---------------------------------------------------------------- MPL113 launcher-gpu


@rule("MPL113", "manifest")
def launcher_gpu(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    launcher = job.launcher
    if launcher is None:
        return
    if job.version in ("v2beta1", "v1alpha2"):
        hit = _blanked_gpu(subject, job, launcher)
    elif job.version == "v1":
        hit = _gpu_launcher_rank(subject, job, launcher)
    else:
        hit = None
    if hit is not None:
        yield hit


def _blanked_gpu(subject: Manifest, job: MPIJob, launcher: ReplicaSpec) -> Hit | None:
    """v2beta1 (unless runLauncherAsWorker) and v1alpha2 set NVIDIA_VISIBLE_DEVICES="" on the
    launcher's containers[0]: an NVIDIA GPU it asks for is reserved but invisible. AMD and other
    device plugins do not read that variable, so only nvidia.com resources count."""
    if job.version == "v2beta1" and job.run_launcher_as_worker:
        return None
    nvidia = [g for g in _gpu_limits(launcher.main) if g.name.startswith("nvidia.com/")]
    if not nvidia or all(g.count == 0 for g in nvidia):
        return None
    limit = nvidia[0]
    if job.version == "v2beta1":
        instead = (
            "Remove the GPU limit from the launcher, or set spec.runLauncherAsWorker: true if"
            " the launcher should run ranks on its GPU"
        )
    else:
        instead = "Remove the GPU limit from the launcher (v1alpha2 always hides it)"
    flag = job.run_launcher_as_worker_node
    related = (
        (Related(subject.file, span_of(flag), "runLauncherAsWorker is false here"),)
        if flag is not None and job.version == "v2beta1"
        else ()
    )
    return Hit(
        span_of(limit.key),
        f"the launcher asks for {limit.name}, but the operator sets NVIDIA_VISIBLE_DEVICES and"
        ' NVIDIA_DRIVER_CAPABILITIES to "" in the launcher\'s first container because it does'
        " not run ranks: the GPU is reserved on the node and nothing in the launcher can use"
        f" it. {instead}",
        related=related,
    )


def _gpu_launcher_rank(subject: Manifest, job: MPIJob, launcher: ReplicaSpec) -> Hit | None:
    """v1 makes the launcher a rank when any of its containers has a limit naming a GPU; say
    so when nothing else does: with no count written, mpirun silently fills the launcher's
    slots too (a written count is compared with those slots by MPL102)."""
    found = next(
        (
            (name, key)
            for c in launcher.containers
            for name, key, _ in pairs(get(c.node, "resources", "limits"))
            if name.endswith(".com/gpu") or "gpu" in name
        ),
        None,
    )
    if found is None or _count_written(job):
        return None
    name, key = found
    slots = job.slots_per_worker
    per = f"{slots} slot{'s' if slots != 1 else ''}" if slots is not None else "its slots"
    related: tuple[Related, ...] = ()
    worker = job.worker
    if worker is not None and worker.replicas_node is not None:
        related = (
            Related(subject.file, span_of(worker.replicas_node), "worker replicas set here"),
        )
    return Hit(
        span_of(key),
        f"the launcher asks for {name}, so the v1 operator makes it a rank too: it is written"
        f" first in the hostfile with {per}, and the job has one more host than"
        " Worker.replicas: mpirun, given no count, starts rank 0 in the launcher. Keep it if"
        " the launcher should train too, or remove the GPU limit if it should only start the"
        " job",
        severity=Severity.INFO,
        related=related,
    )


def _count_written(job: MPIJob) -> bool:
    """Whether the launcher writes a process count: then either it counts the launcher (the
    job means it) or MPL102 reports the difference, explaining the launcher's slots."""
    launcher = job.launcher
    main = launcher.main if launcher else None
    if main is None:
        return False
    return any(
        launch.count is not None or launch.per_node is not None
        for launch in find_launches([t for t, _ in main.argv()])
    )


# ---------------------------------------------------------------- MPL114 host-network-ports


class _Spread(Record):
    """How sure it is that two workers never share a node."""

    __slots__ = ("certain", "partial")

    certain: Final[bool]
    partial: Final[str | None]  # what may keep them apart, when not certain

    def __init__(self, certain: bool, partial: str | None) -> None:
        self.certain = certain
        self.partial = partial


@rule("MPL114", "manifest")
def host_network_ports(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    if job.version != "v2beta1":
        return  # only v2beta1 runs sshd in the workers
    worker = job.worker
    if worker is not None:
        hit = _host_network_hit(subject, worker, several=True)
        if hit is not None:
            yield hit
    launcher = job.launcher
    if launcher is not None and job.run_launcher_as_worker:
        hit = _host_network_hit(subject, launcher, several=False)
        if hit is not None:
            yield hit


def _host_network_hit(subject: Manifest, replica: ReplicaSpec, several: bool) -> Hit | None:
    """One finding per pod template with ``hostNetwork: true``.

    Port 22 given to sshd clashes with the node's own sshd whatever else is done. Two workers
    on one node clash on any port, unless something keeps them apart: a required pod
    anti-affinity or a declared container port (with hostNetwork it is a hostPort, and the
    scheduler never puts two pods with one hostPort on a node) make that certain; a preferred
    anti-affinity, a topology spread, GPUs that may fill a node or another scheduler only may.
    """
    node = get(replica.pod_spec, "hostNetwork")
    main = replica.main
    if not _true(node) or node is None or main is None:
        return None
    ports = sshd_command(main, subject.text).ports
    port22 = next((p for p in ports if p.port == 22), None)
    count = replica.replicas
    spread = _spread(replica, main)
    crowded = several and count is not None and count > 1 and not spread.certain
    if port22 is None and not crowded:
        return None
    related: list[Related] = []
    reasons: list[str] = []
    advice: list[str] = []
    role = replica.role.lower()
    if port22 is not None:
        reasons.append(
            f"the {role}'s sshd binds port 22 of the node, where the node's own sshd already"
            ' listens ("Bind to port 22 on 0.0.0.0 failed: Address already in use")'
        )
        advice.append("run sshd on another port (2222, with the same Port in the ssh_config)")
        related.append(Related(subject.file, port22.span, "sshd port 22 set here"))
    if crowded:
        reasons.append(
            f"the {count} workers share their nodes' ports, so two of them scheduled on one"
            " node bind the same sshd port and the second one fails"
        )
        advice.append(
            "keep workers on separate nodes: declare the sshd port under the container's"
            " ports (it becomes a hostPort the scheduler respects), or add a required"
            " podAntiAffinity on kubernetes.io/hostname"
        )
        if replica.replicas_node is not None:
            related.append(
                Related(subject.file, span_of(replica.replicas_node), "worker replicas set here")
            )
    severity = None
    message = f"{replica.role} pods use hostNetwork: " + "; and ".join(reasons)
    if port22 is None and spread.partial is not None:
        severity = Severity.INFO
        message += f" ({spread.partial} may keep them apart, but does not guarantee it)"
    todo = "; and ".join(advice)
    message += f". {todo[0].upper()}{todo[1:]}"
    return Hit(span_of(node), message, severity=severity, related=tuple(related))


def _spread(replica: ReplicaSpec, main: Container) -> _Spread:
    spec = replica.pod_spec
    anti = get(spec, "affinity", "podAntiAffinity")
    required = get(anti, "requiredDuringSchedulingIgnoredDuringExecution")
    if isinstance(required, SequenceNode) and required.value:
        return _Spread(True, None)
    for container in replica.containers:
        declared = get(container.node, "ports")
        if isinstance(declared, SequenceNode) and declared.value:
            return _Spread(True, None)
    preferred = get(anti, "preferredDuringSchedulingIgnoredDuringExecution")
    if isinstance(preferred, SequenceNode) and preferred.value:
        return _Spread(False, "a preferred podAntiAffinity")
    spread = get(spec, "topologySpreadConstraints")
    if isinstance(spread, SequenceNode) and spread.value:
        return _Spread(False, "a topology spread constraint")
    if _gpu_limits(main):
        return _Spread(False, "a GPU limit that may fill a node")
    scheduler = get_str(spec, "schedulerName")
    if scheduler and scheduler != "default-scheduler":
        return _Spread(False, f"the scheduler {scheduler!r}")
    return _Spread(False, None)


# ---------------------------------------------------------------- MPL115 readiness-probe-port

_PROBE_KINDS = ("tcpSocket", "httpGet", "grpc")


class _ProbePort(Record):
    __slots__ = ("kind", "node", "port", "via")

    kind: Final[str]
    node: Final[Node]
    port: Final[int]
    via: Final[Node | None]  # the containerPort a named port resolved to

    def __init__(self, kind: str, node: Node, port: int, via: Node | None) -> None:
        self.kind = kind
        self.node = node
        self.port = port
        self.via = via


@rule("MPL115", "manifest")
def readiness_probe_port(subject: Manifest) -> Iterator[Hit]:
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
    from mpilint.checks.image_ssh import worker_sshd_listening

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
            number = _quantity(node)
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
            number = _quantity(value) if value is not None else None
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


# ---------------------------------------------------------------- MPL116 istio-sidecar

_INJECT = "sidecar.istio.io/inject"
# Istio reads the annotation as YAML 1.1 booleans do.
_INJECT_YES = frozenset({"y", "yes", "true", "on"})


@rule("MPL116", "manifest")
def istio_sidecar(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    for node, where in _inject_values(job.root, "the MPIJob's metadata"):
        yield Hit(
            span_of(node),
            f"{where} asks for an Istio sidecar, which MPIJob does not work with (the proxy"
            " keeps the launcher from completing). The operator does not copy the MPIJob's"
            " metadata to its pods, so this alone injects nothing; write"
            f' {_INJECT}: "false" on both pod templates instead',
            severity=Severity.INFO,
        )
    for replica in job.replica_specs:
        template = get(replica.node, "template")
        for node, where in _inject_values(template, f"the {replica.role} pod template"):
            yield Hit(
                span_of(node),
                _sidecar_message(
                    f"{where} asks Istio to inject its proxy into these pods",
                    f'write {_INJECT}: "false" instead',
                ),
            )
        for container in replica.init_containers + replica.containers:
            if container.name == "istio-proxy":
                name = get(container.node, "name")
                yield Hit(
                    span_of(name if name is not None else container.node),
                    _sidecar_message(
                        f"the {replica.role} pod template runs an istio-proxy container",
                        f'remove it, and write {_INJECT}: "false" on the pod template',
                    ),
                )


def _inject_values(owner: Node | None, where: str) -> Iterator[tuple[Node, str]]:
    for field in ("annotations", "labels"):
        value = get(owner, "metadata", field, _INJECT)
        if isinstance(value, ScalarNode) and value.value.strip().lower() in _INJECT_YES:
            yield value, f"{where} ({field[:-1]} {_INJECT})"


def _sidecar_message(what: str, advice: str) -> str:
    return (
        f"{what}, and MPIJob does not work with Istio sidecars (the Kubeflow docs): the proxy"
        " keeps running after mpirun ends, so the launcher never completes, and the fsGroup"
        ' 1337 Istio injects can make the mounted SSH key group-readable ("Permissions 0640'
        f" for '/root/.ssh/id_rsa' are too open\"). {advice[0].upper()}{advice[1:]}"
    )
