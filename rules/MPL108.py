"""MPL108 replica-count: a missing Launcher or mpiReplicaSpecs, a launcher count other than 1,
fewer than one worker, or zero slots.
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import Severity
from mpilint.ruleapi import Hit, Manifest
from mpilint.ruleapi.fields import is_set, key_node, spec_span
from mpilint.sources.yamlsource import MappingNode, get, pairs, span_of

# What Open MPI does with an empty hostfile (domain notes C6, run with 4.1.4): it falls back to
# the local node, so the job does not fail but runs on the launcher alone. Intel MPI and MPICH
# were not run, so the text names Open MPI only.
_LOCAL = (
    "Open MPI's mpirun then falls back to the local node and runs every rank on the launcher"
    " itself (whose GPUs the operator hides), leaving nothing to the workers the job meant"
)


def check(subject: Manifest) -> Iterator[Hit]:
    """Launcher exactly 1, Worker at least 1 (v2beta1 validation, v1 validation and CRDs).

    A missing Worker.replicas defaults to 0, not to the 1 the CRD text promises; in v2beta1 that
    is a ValidationError, in v1 a job without workers, in v1alpha2 a nil dereference.
    """
    job = subject.job
    if job.version not in ("v2beta1", "v1", "v1alpha2"):
        return  # v1alpha1 has no replica specs
    if is_set(job.spec) and not isinstance(job.spec, MappingNode):
        return  # a type error: the schema rule reports it
    specs = get(job.spec, "mpiReplicaSpecs")
    if not is_set(specs):
        if job.version != "v1alpha2" and not job.partial:
            yield Hit(
                spec_span(job),
                "the job has no spec.mpiReplicaSpecs; the operator requires it and refuses the"
                " job (a validation event, no pods). Add mpiReplicaSpecs with a Launcher"
                " (replicas: 1) and a Worker",
            )
        return
    if not isinstance(specs, MappingNode):
        return  # a type error: the schema rule reports it
    yield from _launcher_count(subject, specs)
    yield from _worker_replicas(subject, specs)
    yield from _zero_slots(subject)


def _launcher_count(subject: Manifest, specs: MappingNode) -> Iterator[Hit]:
    job = subject.job
    launcher = job.launcher
    if launcher is None:
        if job.version == "v1alpha2" or job.partial:
            return  # a kustomize patch leaves the launcher to its base
        near = next((k for k, _, _ in pairs(specs) if k.lower() == "launcher"), None)
        hint = f" ({near!r} is not 'Launcher': the key is case-sensitive)" if near else ""
        yield Hit(
            span_of(key_node(get(job.root, "spec"), "mpiReplicaSpecs") or specs),
            f"mpiReplicaSpecs has no Launcher{hint}; the operator requires one and refuses the"
            " job (a validation event, no pods). Add a Launcher with replicas: 1 and the"
            " container that runs mpirun",
        )
        return
    if launcher.replicas is None or launcher.replicas == 1 or launcher.replicas_node is None:
        return
    yield Hit(
        span_of(launcher.replicas_node),
        f"Launcher.replicas is {launcher.replicas}; the operator accepts exactly 1 launcher and"
        " refuses the job (a validation event, no pods). Write 1, and scale with"
        " Worker.replicas",
    )


def _worker_replicas(subject: Manifest, specs: MappingNode) -> Iterator[Hit]:
    job = subject.job
    worker = job.worker
    if worker is None:
        if not job.partial:
            yield from _no_worker(subject, specs)
        return
    if worker.replicas is None:
        return  # not an integer we can read: a type error, or a template
    if job.partial and not is_set(worker.replicas_node):
        return  # a kustomize patch that leaves the count to its base
    single = job.version == "v1" and worker.replicas == 0 and is_set(worker.replicas_node)
    if single and (job.partial or job.launcher_is_rank()):
        return  # a GPU launcher runs the ranks itself: a deliberate single-pod job
    if worker.replicas >= 1:
        return
    severity = Severity.WARNING if job.version == "v1" else None
    consequence = (
        f"the v1 operator then creates no worker pods and writes an empty hostfile: {_LOCAL}"
        if job.version == "v1"
        else "the operator refuses the job (a validation event, no pods)"
    )
    if worker.replicas_node is None or not is_set(worker.replicas_node):
        yield Hit(
            span_of(worker.key),
            "Worker has no replicas; it defaults to 0 (not to 1, whatever the CRD description"
            f" says), and {consequence}. Write replicas: with the number of worker pods",
            severity=severity,
        )
        return
    yield Hit(
        span_of(worker.replicas_node),
        f"Worker.replicas is {worker.replicas}; it must be at least 1, and {consequence}."
        " Write the number of worker pods, or remove the Worker"
        + (" and set runLauncherAsWorker: true" if job.version == "v2beta1" else ""),
        severity=severity,
    )


def _no_worker(subject: Manifest, specs: MappingNode) -> Iterator[Hit]:
    """No Worker at all is valid, but only a launcher that runs ranks has a host to use."""
    job = subject.job
    if job.version == "v1alpha2" or job.launcher is None or job.launcher_is_rank() is not False:
        return
    near = next((k for k, _, _ in pairs(specs) if k.lower() == "worker"), None)
    hint = f" ({near!r} is not 'Worker': the key is case-sensitive)" if near else ""
    fix = (
        " or set runLauncherAsWorker: true for a job that runs on the launcher alone"
        if job.version == "v2beta1"
        else ""
    )
    yield Hit(
        span_of(key_node(get(job.root, "spec"), "mpiReplicaSpecs") or specs),
        f"mpiReplicaSpecs has no Worker{hint} and the launcher does not run ranks itself: the"
        f" operator's hostfile lists no host, and {_LOCAL}. Add a Worker with replicas: 1 or"
        f" more,{fix}",
        severity=Severity.WARNING,
    )


def _zero_slots(subject: Manifest) -> Iterator[Hit]:
    """``slotsPerWorker: 0`` passes v2beta1 validation (non-negative) but gives no slot."""
    job = subject.job
    if job.version not in ("v2beta1", "v1") or job.slots_per_worker != 0:
        return
    if job.slots_node is None:
        return
    if job.mpi_implementation == "OpenMPI":
        outcome = (
            "Open MPI's mpirun refuses to start (\"All nodes which are allocated for this job"
            ' are already filled.", Open MPI 4.1.4 and 5.0.11)'
        )
    else:  # run with MPICH 5.0.2 and Intel MPI 2021.18: both divide by the zero slots
        outcome = "Hydra's mpiexec crashes on a division by zero (SIGFPE) before starting a rank"
    yield Hit(
        span_of(job.slots_node),
        "slotsPerWorker is 0: the operator accepts it, but the hostfile then offers no slot on"
        f" any worker, and {outcome}. Write the number of processes per worker (1, or one per"
        " GPU)",
        severity=Severity.WARNING,
    )
