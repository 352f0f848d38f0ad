"""Rules that read one MPIJob alone (MPL1xx)."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator

from mpilint.core.findings import Edit, Fix, Related, Severity, Span
from mpilint.models.launchers import ArgRef, Launch, find_launches
from mpilint.models.mpijob import Container, MPIJob
from mpilint.ruleapi import Hit, Manifest, rule
from mpilint.sources.yamlsource import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    fields,
    is_string,
    offset_span,
    scalar_type,
    span_of,
)

# ---------------------------------------------------------------- MPL101 non-string-scalar

_KIND_WORDS = {
    "int": "the number",
    "float": "the number",
    "bool": "the boolean",
    "null": "an empty value (null)",
}


@rule("MPL101", "manifest")
def non_string_scalar(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    counts = _count_nodes(job)
    for replica, container in job.containers():
        for field, node, kind in _non_strings(container):
            where = f"{replica.role} container {container.name or container.index}"
            yield _non_string_hit(subject, where, field, node, kind, id(node) in counts)


def _non_strings(container: Container) -> Iterator[tuple[str, Node, str]]:
    """(field, node, kind) of each command/args item and env value that is not a string.

    Nearly all are strings: those are passed over before anything (a label, a kind) is made."""
    for field, part in (("command", container.command), ("args", container.args)):
        if isinstance(part, SequenceNode):
            for index, item in enumerate(part.value):
                if not is_string(item):
                    kind = _kind(item)
                    if kind is not None:
                        yield f"{field}[{index}]", item, kind
    if isinstance(container.env, SequenceNode):
        for item in container.env.value:
            values = fields(item)
            value = values.get("value")
            if value is not None and not is_string(value):
                kind = _kind(value)
                if kind is not None:
                    name = values.get("name")
                    label = name.value if isinstance(name, ScalarNode) else "?"
                    yield f"env {label} value", value, kind


def _kind(node: Node) -> str | None:
    """What a value Kubernetes wants as a string is instead; None when it is fine."""
    kind = (
        "list"
        if isinstance(node, SequenceNode)
        else "map"
        if isinstance(node, MappingNode)
        else scalar_type(node)
    )
    return None if kind in ("str", "other") else kind


def _non_string_hit(
    subject: Manifest, where: str, field: str, node: Node, kind: str, is_count: bool
) -> Hit:
    if kind in ("list", "map"):
        return Hit(
            span_of(node),
            f"{where}: {field} is a nested {kind}; Kubernetes wants a string here and rejects"
            " the manifest. Write the item as one string",
        )
    value = node.value
    quoted = json.dumps(value) if kind != "null" else '""'
    message = (
        f"{where}: {field} is {_KIND_WORDS[kind]}"
        + (f" {value}" if kind != "null" else "")
        + f"; Kubernetes wants a string here and rejects the manifest. Write {quoted}"
    )
    if is_count:
        message += (
            f" (this is the launcher's process count: the unquoted `-n {value}` is the"
            " mistake users meet most)"
        )
    fix = None
    single_line = node.start_mark.line == node.end_mark.line
    # Only a plain one-line scalar is certain to be quoted right by wrapping its text.
    if kind != "null" and isinstance(node, ScalarNode) and not node.style and single_line:
        span = span_of(node)
        fix = Fix(f"quote it: {quoted}", (Edit(subject.file, span, quoted),))
    return Hit(span_of(node), message, fix=fix)


def _count_nodes(job: MPIJob) -> set[int]:
    """Nodes that hold the launcher's process count, to say so in MPL101's message."""
    launcher = job.launcher
    main = launcher.main if launcher else None
    if main is None:
        return set()
    argv = main.argv()
    found: set[int] = set()
    for launch in find_launches([text for text, _ in argv]):
        if launch.count_ref is not None:
            found.add(id(argv[launch.count_ref.index][1]))
    return found


# ---------------------------------------------------------------- MPL102 process-count-mismatch


@rule("MPL102", "manifest")
def process_count_mismatch(subject: Manifest) -> Iterator[Hit]:
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


# ---------------------------------------------------------------- MPL103 placeholder

# Template markers from the platform example and common READMEs. Whole values or whole image
# parts only: IMAGE_TAG=1.0 or /data/images is real content, not a placeholder.
_EXACT = frozenset({"IMAGE", "COMMAND"})
_ANGLE_TEXT = r"<[A-Za-z][^<>]*>"
# A marker or an <angle> placeholder, in one pattern: every command item is matched against it.
_MARKER = re.compile(
    r"(?:(?i:replace[-_]?me|change[-_]?me|your[-_][a-z0-9][a-z0-9_.-]*|img[-_]placeholder"
    r"|placeholder)|TODO|FIXME|TBD|" + _ANGLE_TEXT + ")"
)
_ANGLE = re.compile(_ANGLE_TEXT)


def _is_placeholder(value: str) -> bool:
    return value in _EXACT or _MARKER.fullmatch(value) is not None


@functools.lru_cache(maxsize=256)
def _image_placeholder(image: str) -> tuple[int, int] | None:
    """Offsets of the first image part (registry, path, name, tag) that is a placeholder.

    Kept for the images seen last: MPL103 and MPL104 ask about each job's images, and jobs
    share a few images."""
    if image in _EXACT or _ANGLE.fullmatch(image):
        return 0, len(image)
    for match in re.finditer(r"[^/:@]+", image):
        if _is_placeholder(match.group()):
            return match.start(), match.end()
    return None


@rule("MPL103", "manifest")
def placeholder(subject: Manifest) -> Iterator[Hit]:
    for replica, container in subject.job.containers():
        where = f"{replica.role} container {container.name or container.index}"
        image = container.image
        if image is not None and "{{" not in image.value:
            found = _image_placeholder(image.value)
            if found is not None:
                part = image.value[found[0] : found[1]]
                yield Hit(
                    offset_span(image, subject.text, *found),
                    f"{where}: image {image.value!r} still holds the template placeholder"
                    f" {part!r}; the pod will fail with InvalidImageName or ErrImagePull."
                    " Write the image your Dockerfile builds",
                )
        for text, node in container.argv():
            if isinstance(node, ScalarNode) and _is_placeholder(text):
                yield Hit(
                    span_of(node),
                    f"{where}: {text!r} is a template placeholder left in command/args;"
                    f' the container would run it literally (mpirun: "was unable to find the'
                    f' executable {text}"). Write the real command',
                )


# ---------------------------------------------------------------- MPL104 image-mismatch


@rule("MPL104", "manifest")
def image_mismatch(subject: Manifest) -> Iterator[Hit]:
    from mpilint.models.image import normalise_image

    job = subject.job
    launcher, worker = job.launcher, job.worker
    first = launcher.main.image if launcher and launcher.main else None
    second = worker.main.image if worker and worker.main else None
    if first is None or second is None:
        return
    a, b = first.value, second.value
    if not _comparable(a) or not _comparable(b):
        return
    na, nb = normalise_image(a), normalise_image(b)
    if na == nb:
        return
    if ("@" in na or "@" in nb) and na.split("@")[0].rsplit(":", 1)[0] == nb.split("@")[0].rsplit(
        ":", 1
    )[0]:
        return  # a digest and a tag of one repository may well be the same image
    yield Hit(
        span_of(first),
        f"the launcher runs image {a!r} but the workers run {b!r}; Open MPI needs the same"
        ' MPI build and install paths on every pod ("orted: command not found", version'
        " mismatch aborts). Use one image for both",
        related=(Related(subject.file, span_of(second), "workers' image set here"),),
    )


def _comparable(image: str) -> bool:
    return (
        bool(image) and "$" not in image and "{{" not in image and _image_placeholder(image) is None
    )
