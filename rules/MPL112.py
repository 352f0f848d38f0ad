"""MPL112 gpu-slots-mismatch: a Horovod/NCCL job whose slotsPerWorker differs from the GPUs each
worker holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mpilint.core.findings import Related
from mpilint.core.lazyre import lazy
from mpilint.models.launchers import find_launches
from mpilint.models.mpijob import MPIJob
from mpilint.models.resources import GpuLimit, gpu_limits
from mpilint.ruleapi import Hit, Manifest
from mpilint.sources.yamlsource import SequenceNode, get_str, scalar_type, span_of

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass


# Launchers that start their own per-GPU processes inside each rank: one rank per node is then
# deliberate, and the GPU count says nothing about the slots.
_PER_NODE_LAUNCHERS = lazy(
    r"torchrun|torch\.distributed\.(?:run|launch)|deepspeed|accelerate\s+launch"
    r"|nproc[_-]per[_-]node|num[_-]gpus",
    re.IGNORECASE,
)
# What shows a one-rank-per-GPU data-parallel job (Horovod, or NCCL collectives).
_DATA_PARALLEL = re.compile(r"horovod|nccl", re.IGNORECASE)


def check(subject: Manifest) -> Iterator[Hit]:
    if subject.job.partial:
        return  # a kustomize patch: the slots and the GPUs it compares may come from its base
    job = subject.job
    worker = job.worker
    if job.version == "v1alpha1" or worker is None or job.slots_per_worker is None:
        return
    limits = gpu_limits(worker.main)
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
    """Argv and env names of the launcher's and workers' main containers: what the job says it
    runs. Image names are left out, the manifest's as the paired Dockerfile's: a
    ``horovod/horovod`` image carries TensorFlow, PyTorch and MPI, and a job may run any of
    them without Horovod or NCCL."""
    for replica in (job.launcher, job.worker):
        main = replica.main if replica else None
        if main is None:
            continue
        yield from (t for t, _ in main.argv())
        if isinstance(main.env, SequenceNode):
            yield from (get_str(item, "name") or "" for item in main.env.value)


def _texts_match(job: MPIJob, pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(t) for t in _job_texts(job))


def _is_data_parallel(job: MPIJob) -> bool:
    """Horovod or NCCL shows in the argv or env; other GPU codes (GROMACS, LAMMPS,
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
        if launch.own_hosts or launch.elastic:
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
