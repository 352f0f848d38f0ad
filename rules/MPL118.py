"""MPL118 main-container-order: a sidecar, not the MPI container, is listed first (containers[0])
in a replica's pod.
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import Related
from mpilint.models.launchers import find_launches
from mpilint.models.mpijob import Container, MPIJob, ReplicaSpec
from mpilint.models.worker import runs_sshd, sidecar_of
from mpilint.ruleapi import Hit, Manifest
from mpilint.sources.yamlsource import Node, get, span_of

_ISTIO_ADVICE = (
    '; for Istio, turn injection off for MPIJob pods (sidecar.istio.io/inject: "false"), or at'
    " least holdApplicationUntilProxyStarts, which puts istio-proxy first"
)


def _runs_launcher(container: Container) -> bool:
    return bool(find_launches([text for text, _ in container.argv()]))


def _may_run_sshd(container: Container) -> bool:
    """Without command and args the operator makes it sshd; any ssh word may start one."""
    argv = container.argv()
    return not argv or any("ssh" in text for text, _ in argv)


def _where(container: Container) -> Node:
    named = get(container.node, "name")
    return named or container.image or container.node


def check(subject: Manifest) -> Iterator[Hit]:
    if subject.job.partial:
        return  # a kustomize patch: a merge orders containers by name
    job = subject.job
    for replica in job.replica_specs:
        if replica.role not in ("Launcher", "Worker") or len(replica.containers) < 2:
            continue
        if replica.role == "Worker" and job.version != "v2beta1":
            continue  # v1 workers only sleep; kubectl exec follows mainContainer
        hit = _order_problem(subject, job, replica)
        if hit is not None:
            yield hit


def _order_problem(subject: Manifest, job: MPIJob, replica: ReplicaSpec) -> Hit | None:
    first, later = replica.containers[0], replica.containers[1:]
    launcher = replica.role == "Launcher"
    runs = _runs_launcher if launcher else runs_sshd
    mpi = next((c for c in later if runs(c)), None)
    sidecar = sidecar_of(first)
    if sidecar is None:
        if mpi is None or (_runs_launcher(first) if launcher else _may_run_sshd(first)):
            return None
        what = f"runs {'an MPI launcher' if launcher else 'sshd'} but is not containers[0]"
    else:
        mpi = mpi or next((c for c in later if sidecar_of(c) is None), None)
        what = "is the MPI container"
    injected = (
        "the /etc/mpi hostfile volume, the SSH key mount and the MPI environment"
        if launcher
        else "the SSH key mount, K_MPI_JOB_ROLE and the default `/usr/sbin/sshd -De`"
    )
    missing = (
        "mpirun gets neither the hostfile nor the variables naming it, so it runs every rank on"
        ' the launcher, or stops when told to read /etc/mpi/hostfile (Open MPI: "was unable to'
        ' open the hostfile")'
        if launcher
        else 'its sshd has no authorized key: "Permission denied (publickey)"'
    )
    if job.version != "v2beta1":
        injected = "the /etc/mpi volume and the MPI environment"
        missing = "mpirun finds no /etc/mpi/hostfile and no kubexec.sh"
    first_name = first.name or "containers[0]"
    message = (
        f"{replica.role} containers[0] ({first_name}) is {sidecar}"
        if sidecar
        else f"{replica.role} containers[0] ({first_name}) is not the MPI container"
    )
    related: tuple[Related, ...] = ()
    if mpi is not None:
        related = (
            Related(
                subject.file, span_of(_where(mpi)), f"container {mpi.name or mpi.index} {what}"
            ),
        )
    return Hit(
        span_of(_where(first)),
        f"{message}: the operator injects {injected} into containers[0] only, so the MPI"
        f" container gets none of it ({missing}). List the MPI container first"
        + (_ISTIO_ADVICE if sidecar and ("istio" in sidecar or "proxyv2" in sidecar) else ""),
        related=related,
    )
