"""MPL114 host-network-ports: workers on hostNetwork bind the node's ports; sshd on 22, or two
workers on one node, clash.
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import Related, Severity
from mpilint.core.records import Record
from mpilint.models.mpijob import Container, ReplicaSpec
from mpilint.models.resources import gpu_limits
from mpilint.models.worker import sshd_command
from mpilint.ruleapi import Hit, Manifest
from mpilint.sources.kubevalues import kube_bool
from mpilint.sources.yamlsource import (
    SequenceNode,
    get,
    get_str,
    span_of,
)

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass


class _Spread(Record):
    """How sure it is that two workers never share a node."""

    certain: bool
    partial: str | None  # what may keep them apart, when not certain


def check(subject: Manifest) -> Iterator[Hit]:
    if subject.job.partial:
        return  # a kustomize patch: the ports sshd listens on may be set in its base
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
    if kube_bool(node) is not True or node is None or main is None:
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
    if gpu_limits(main):
        return _Spread(False, "a GPU limit that may fill a node")
    scheduler = get_str(spec, "schedulerName")
    if scheduler and scheduler != "default-scheduler":
        return _Spread(False, f"the scheduler {scheduler!r}")
    return _Spread(False, None)
