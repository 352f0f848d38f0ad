"""MPL113 launcher-gpu: the launcher asks for a GPU it cannot use (v2beta1), or that silently makes
it a rank (v1).
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import Related, Severity
from mpilint.models.launchers import find_launches
from mpilint.models.mpijob import MPIJob, ReplicaSpec
from mpilint.models.resources import gpu_limits
from mpilint.ruleapi import Hit, Manifest
from mpilint.sources.yamlsource import get, pairs, span_of

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass


def check(subject: Manifest) -> Iterator[Hit]:
    if subject.job.partial:
        return  # a kustomize patch: whether the launcher runs ranks may be set in its base
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
    launcher's containers[0]: an NVIDIA GPU it asks for is reserved but, where the NVIDIA runtime
    reads the variable (not with CDI, domain notes C14), invisible. AMD and other
    device plugins do not read that variable, so only nvidia.com resources count."""
    if job.version == "v2beta1" and job.run_launcher_as_worker:
        return None
    # Only a known count fires: a templated `"{{ .gpu }}"` may render to 0.
    nvidia = [g for g in gpu_limits(launcher.main) if g.name.startswith("nvidia.com/")]
    nvidia = [g for g in nvidia if g.count is not None and g.count > 0]
    if not nvidia:
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
        " not run ranks: where the NVIDIA container runtime reads that variable (its"
        " environment-variable mode) the GPU is reserved on the node and nothing in the"
        " launcher can use it; with CDI device injection the GPU may still be visible, but the"
        f" launcher is still not meant to use it. {instead}",
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
