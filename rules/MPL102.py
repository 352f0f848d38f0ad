"""MPL102 process-count-mismatch: the launcher's process count differs from the slots the job
provides.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from mpilint.core.findings import Related, Severity, Span
from mpilint.models.launchers import ArgRef, Launch, find_launches
from mpilint.models.mpijob import MPIJob
from mpilint.ruleapi import Hit, Manifest
from mpilint.sources.yamlsource import Node, ScalarNode, offset_span, span_of


def check(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    launcher, worker = job.launcher, job.worker
    if launcher is None or launcher.main is None or job.slots_per_worker is None:
        return
    launcher_rank = job.launcher_is_rank()
    if worker is None or worker.replicas_node is None:
        if not launcher_rank:
            return  # a missing Worker count is a validation error of its own, not a mismatch
        workers = 0
    elif worker.replicas is None:
        return
    else:
        workers = worker.replicas
    hosts = workers + (1 if launcher_rank else 0)
    slots = hosts * job.slots_per_worker
    argv = launcher.main.argv()
    for launch in find_launches([text for text, _ in argv]):
        hit = _compare(subject, job, launch, argv, hosts, slots)
        if hit is not None:
            yield hit


def _compare(
    subject: Manifest,
    job: MPIJob,
    launch: Launch,
    argv: tuple[tuple[str, Node], ...],
    hosts: int,
    slots: int,
) -> Hit | None:
    if launch.unknowable or launch.replaces_hostfile or launch.elastic:
        return None
    if launch.count is not None and launch.count_ref is not None:
        requested, ref = launch.count, launch.count_ref
        asked = _written(launch, argv, ref)
    elif launch.per_node is not None and launch.per_node_ref is not None:
        requested, ref = launch.per_node * hosts, launch.per_node_ref
        asked = f"{launch.per_node} per node on {hosts} host{'s' if hosts != 1 else ''}"
    else:
        return None  # Open MPI then starts one rank per slot; others cannot be known here
    if requested == slots:
        if not launch.nonportable_syntax:
            return None
        return Hit(
            _ref_span(subject, argv, ref),
            f"the count matches the {slots} slots, but `{_written(launch, argv, ref)}` is a"
            " spelling that not every MPI launcher reads as a process count. Write"
            f" `{(launch.count_option or '-n').rstrip('=')} {launch.count}` as two items",
            severity=Severity.INFO,
        )
    over = requested > slots
    if over and launch.oversubscribe:
        return None
    family = launch.family
    if family == "mpi":
        family = "openmpi" if job.mpi_implementation == "OpenMPI" else "hydra"
    formula = _formula(job, hosts)
    program = launch.program.rsplit("/", 1)[-1]
    if over:
        severity = Severity.ERROR if family in ("openmpi", "horovod") else Severity.WARNING
        consequence = {
            "openmpi": f'{program} refuses to start: "There are not enough slots available'
            f' in the system to satisfy the {requested} slots"',
            "horovod": 'horovodrun refuses to start: "Process number should not be larger'
            ' than total available slots"',
        }.get(family, "ranks will be oversubscribed on the workers")
    else:
        severity = Severity.WARNING
        consequence = f"only {requested} of the {slots} slots get a process and the rest sit idle"
    return Hit(
        _ref_span(subject, argv, ref),
        f"{program} asks for {requested} processes ({asked}) but the job provides {slots}"
        f" slots ({formula}): {consequence}. Write {json.dumps(str(slots))} or change"
        " Worker.replicas",
        severity=severity,
        related=_count_related(subject, job),
    )


def _written(launch: Launch, argv: tuple[tuple[str, Node], ...], ref: ArgRef) -> str:
    """The count as the user wrote it: ``-n 4`` from two words, ``--np=4`` from one."""
    text = argv[ref.index][0][ref.start : ref.end]
    if text.strip("'\"").isdigit() and launch.count_option:
        return f"{launch.count_option} {text}"
    return text


def _formula(job: MPIJob, hosts: int) -> str:
    worker = job.worker
    replicas = worker.replicas if worker and worker.replicas is not None else 0
    text = f"Worker.replicas {replicas}"
    if hosts != replicas:
        text = f"({text} + the launcher)"
    return f"{text} × slotsPerWorker {job.slots_per_worker}"


def _count_related(subject: Manifest, job: MPIJob) -> tuple[Related, ...]:
    related: list[Related] = []
    worker = job.worker
    if worker is not None and worker.replicas_node is not None:
        related.append(
            Related(subject.file, span_of(worker.replicas_node), "worker replicas set here")
        )
    if job.slots_node is not None:
        related.append(Related(subject.file, span_of(job.slots_node), "slotsPerWorker set here"))
    if job.run_launcher_as_worker and job.run_launcher_as_worker_node is not None:
        related.append(
            Related(
                subject.file,
                span_of(job.run_launcher_as_worker_node),
                "the launcher runs ranks too (runLauncherAsWorker)",
            )
        )
    return tuple(related)


def _ref_span(subject: Manifest, argv: tuple[tuple[str, Node], ...], ref: ArgRef) -> Span:
    text, node = argv[ref.index]
    if not isinstance(node, ScalarNode) or (ref.start == 0 and ref.end >= len(text)):
        return span_of(node)
    return offset_span(node, subject.text, ref.start, ref.end)
