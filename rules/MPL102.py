"""MPL102 process-count-mismatch: the launcher's process count differs from the slots the job
provides.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from mpilint.core.findings import UNSAFE, Edit, Fix, Related, Severity, Span
from mpilint.core.textpos import Offsets
from mpilint.models.launchers import OPERATOR_HOSTFILE, ArgRef, Launch, find_launches
from mpilint.models.mpijob import MPIJob
from mpilint.ruleapi import Hit, Manifest
from mpilint.ruleapi.hostnames import job_name, worker_full_name
from mpilint.ruleapi.schemafields import problems_of
from mpilint.ruleapi.targets import workers_service
from mpilint.sources.yamlsource import Node, ScalarNode, offset_span, span_of


def check(subject: Manifest) -> Iterator[Hit]:
    if subject.job.partial:
        return  # a kustomize patch: the count and the hosts it compares may come from its base
    job = subject.job
    launcher = job.launcher
    if launcher is None or launcher.main is None or job.slots_per_worker is None:
        return
    workers = _workers(job)
    if workers is None:
        return
    hosts = workers + (1 if job.launcher_is_rank() else 0)
    slots = hosts * job.slots_per_worker
    argv = launcher.main.argv()
    for launch in find_launches([text for text, _ in argv]):
        if _horovod_without_hosts(launch):
            hit = _all_on_launcher(subject, job, launch, argv, workers)
        else:
            hit = _compare(subject, job, launch, argv, hosts, slots)
        if hit is not None:
            yield hit


def _workers(job: MPIJob) -> int | None:
    """The worker count the hostfile lists; None when it cannot be known or is another rule's
    finding (a missing Worker count is a validation error of its own, not a mismatch)."""
    worker = job.worker
    if worker is None or worker.replicas_node is None:
        return 0 if job.launcher_is_rank() else None
    return worker.replicas


def _horovod_without_hosts(launch: Launch) -> bool:
    """horovodrun with no host option runs mpirun with ``-H localhost:<np>`` (horovod
    ``runner/launch.py`` ``_run``, ``mpi_run.py``): that list replaces the operator's hostfile
    as the whole pool (domain notes C5), whatever count it asks for."""
    return (
        launch.family == "horovod"
        and not launch.elastic
        and not launch.opaque
        and not launch.host_lists
        and not launch.hostfiles
    )


def _all_on_launcher(
    subject: Manifest,
    job: MPIJob,
    launch: Launch,
    argv: tuple[tuple[str, Node], ...],
    workers: int,
) -> Hit | None:
    """Only v2beta1 is reported: its launcher reaches workers by ssh under their full names,
    which is what the fix writes; v1's kubectl-exec transport fails horovodrun's own ssh
    checks whatever the hosts (mpi-operator#327)."""
    if job.version != "v2beta1" or workers < 1:
        return None  # a job on the launcher alone (runLauncherAsWorker) runs where it should
    np = str(launch.count) if launch.count is not None else "<np>"
    slots = job.slots_per_worker
    hidden = (
        ""
        if job.run_launcher_as_worker
        else ", and the operator hides the launcher's GPUs from it (NVIDIA_VISIBLE_DEVICES is"
        " blanked)"
    )
    plural = "s sit" if workers != 1 else " sits"
    return Hit(
        _ref_span(subject, argv, launch.program_ref),
        "horovodrun is given no hosts (no -H, --hosts or --hostfile), so it runs mpirun with"
        f" `-H localhost:{np}`, which replaces the operator's hostfile: every rank starts on the"
        f" launcher, the {workers} worker{plural} idle{hidden}. Add `--hostfile"
        f" {OPERATOR_HOSTFILE}` (the hostfile the operator writes), or `-H` with the workers'"
        f" full names ({worker_full_name(job, 0, _service(subject))}:{slots},…)",
        related=_count_related(subject, job),
    )


def _service(subject: Manifest) -> str | None:
    name = job_name(subject.job)
    return None if name is None else workers_service(subject, name)


def _misspelt_slots(subject: Manifest) -> Node | None:
    """The key of a likely misspelling of slotsPerWorker in spec (MPL106's reading), when
    slotsPerWorker itself is not set: the default of 1 is then not what the user meant."""
    if subject.job.slots_node is not None:
        return None
    for problem in problems_of(subject):
        if (
            problem.keyword == "additionalProperties"
            and problem.path == ("spec",)
            and problem.suggestion == "slotsPerWorker"
        ):
            return problem.anchor
    return None


def _compare(
    subject: Manifest,
    job: MPIJob,
    launch: Launch,
    argv: tuple[tuple[str, Node], ...],
    hosts: int,
    slots: int,
) -> Hit | None:
    if launch.unknowable or launch.own_hosts or launch.elastic:
        return None
    if launch.count is not None and launch.per_node is not None:
        return None  # `-np 8 -N 2`: placement, not the slots, decides where ranks go (P05)
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
    if family in ("mpi", "horovod"):
        family = "openmpi" if job.mpi_implementation == "OpenMPI" else "hydra"
    formula = _formula(job, hosts)
    program = launch.program.rsplit("/", 1)[-1]
    if over:
        severity = Severity.ERROR if family == "openmpi" else Severity.WARNING
        refuser = "horovodrun's mpirun" if launch.family == "horovod" else program
        consequence = (
            f'{refuser} refuses to start: "There are not enough slots available in the system'
            f' to satisfy the {requested} slots"'
            if family == "openmpi"
            else "ranks will be oversubscribed on the workers"
        )
    else:
        severity = Severity.WARNING
        consequence = f"only {requested} of the {slots} slots get a process and the rest sit idle"
    related = _count_related(subject, job)
    misspelt = _misspelt_slots(subject)
    if misspelt is not None:
        return Hit(
            _ref_span(subject, argv, ref),
            f"{program} asks for {requested} processes ({asked}), but slotsPerWorker is not"
            f" set: spec has {json.dumps(str(misspelt.value))}, which the operator does not"
            f" read, so slotsPerWorker defaults to 1 and the job provides {slots} slots"
            f" ({formula}): {consequence}. Spell the key slotsPerWorker, then make the count"
            " Worker.replicas × slotsPerWorker",
            severity=severity,
            related=(*related, Related(subject.file, span_of(misspelt), "the misspelt key")),
        )
    fix = None
    if launch.count is not None and ref is launch.count_ref:
        fix = _set_count(subject, argv, ref, slots)
    return Hit(
        _ref_span(subject, argv, ref),
        f"{program} asks for {requested} processes ({asked}) but the job provides {slots}"
        f" slots ({formula}): {consequence}. Write {json.dumps(str(slots))} or change"
        " Worker.replicas",
        severity=severity,
        related=related,
        fix=fix,
    )


def _set_count(
    subject: Manifest, argv: tuple[tuple[str, Node], ...], ref: ArgRef, slots: int
) -> Fix | None:
    """The count made the slots, when it is a list item of its own written as digits. Unsafe:
    whether the count or Worker.replicas is wrong is the user's call, and it changes how many
    ranks run."""
    text, node = argv[ref.index]
    if ref.start != 0 or ref.end < len(text) or not text.isdigit():
        return None
    if not isinstance(node, ScalarNode) or node.style not in (None, "", "'", '"'):
        return None
    quote = node.style or ""
    span = span_of(node)
    if Offsets(subject.text).text_of(span) != f"{quote}{node.value}{quote}":
        return None
    edit = Edit(subject.file, span, f"{quote}{slots}{quote}")
    return Fix(f"write {slots}, the slots the job provides", (edit,), UNSAFE)


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
