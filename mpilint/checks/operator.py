"""Rules about what the operator validates, defaults and creates (MPL107-MPL111, MPL120).

The v2beta1 operator has no admission webhook: what its controller refuses is reported only as a
``ValidationError`` event, and the MPIJob then sits with no pods and no conditions (domain notes
1.3). Its defaults also differ from what the CRD text says (cleanPodPolicy, Worker.replicas), and
it creates objects whose names can collide with objects of the same bundle. These rules say so
before ``kubectl create``. Values that cannot be known (templates, ``$VAR``) keep them silent;
types, enums, minimums and unknown fields belong to the schema rules (MPL105/MPL106).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mpilint.core.findings import Related, Severity, Span
from mpilint.core.lazyre import lazy
from mpilint.models.mpijob import MPIJob, ReplicaSpec
from mpilint.ruleapi import Hit, Manifest, rule
from mpilint.sources.yamlsource import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    get,
    get_str,
    pairs,
    scalar_type,
    span_of,
)

# ---------------------------------------------------------------- shared helpers


def _templated(text: str) -> bool:
    """Helm/Jinja (``{{ }}``) or shell/Kubernetes (``$X``, ``$(X)``) values are not known yet."""
    return "{{" in text or "$" in text


def _text(node: Node | None) -> str | None:
    """A string value that is known now: None for missing, null, empty, non-string or templated
    (what the operator makes of an empty string depends on its defaulting code, so say nothing).
    """
    if node is None or scalar_type(node) != "str":
        return None
    value: str = node.value
    return None if not value or _templated(value) else value


def _is_set(node: Node | None) -> bool:
    """Written with a value: an explicit null means "use the default", as for a missing key."""
    return node is not None and scalar_type(node) != "null"


def _key(node: Node | None, name: str) -> Node | None:
    """The key node of ``name`` in a mapping, to point at a field whose value is missing."""
    found: Node | None = None
    for key_name, key, _ in pairs(node):
        if key_name == name:
            found = key
    return found


def _spec_span(job: MPIJob) -> Span:
    """The ``spec`` key, or the start of the document when there is no spec at all."""
    key = _key(job.root, "spec")
    if key is not None:
        return span_of(key)
    start = job.root.start_mark
    return Span.point(start.line + 1, start.column + 1)


def _related(subject: Manifest, node: Node | None, message: str) -> tuple[Related, ...]:
    return () if node is None else (Related(subject.file, span_of(node), message),)


# ---------------------------------------------------------------- MPL107 invalid-name

_DNS1035 = re.compile(r"[a-z]([-a-z0-9]*[a-z0-9])?")
_LABEL_MAX = 63
# What the API server itself accepts as an object name (DNS-1123 subdomain).
_SUBDOMAIN = lazy(r"(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")


@rule("MPL107", "manifest")
def invalid_name(subject: Manifest) -> Iterator[Hit]:
    """v2beta1 validation (since v0.4.0): the name and ``<name>-worker-<R-1>`` are DNS-1035.

    The name becomes the headless Service and the subdomain of every worker, and each worker's
    hostname is ``<name>-worker-<i>``; the operator refuses the job with only an event.
    """
    job = subject.job
    node = get(job.root, "metadata", "name")
    name = _text(node)
    if job.version != "v2beta1" or node is None or not name:
        return
    workers = _worker_count(job)
    suffix = f"-worker-{workers - 1}"
    problem = _label_problem(name)
    if problem is not None:
        refused = (
            "the operator refuses the job with only a ValidationError event and creates no pods"
            if _SUBDOMAIN().fullmatch(name)
            else "the API server rejects it already"
        )
        yield Hit(
            span_of(node),
            f"the job name {name!r} {problem}; the v2beta1 operator names the job's Service and"
            " every worker hostname after it, so it must be a DNS-1035 label (lower-case letters,"
            f" digits and '-', starting with a letter, at most 63 characters), and {refused}."
            f" Write {_suggest_name(name, _LABEL_MAX - len(suffix))!r}",
        )
        return
    host = name + suffix
    if len(host) <= _LABEL_MAX:
        return
    worker = job.worker
    yield Hit(
        span_of(node),
        f"{_with_workers(workers)} the last worker's hostname is {host!r}, {len(host)} characters;"
        " a hostname is a DNS-1035 label of at most 63, so the v2beta1 operator refuses the job"
        " with only a ValidationError event and creates no pods. Shorten the name to at most"
        f" {_LABEL_MAX - len(suffix)} characters, e.g."
        f" {_suggest_name(name, _LABEL_MAX - len(suffix))!r}",
        related=_related(
            subject, worker.replicas_node if worker else None, "worker replicas set here"
        ),
    )


def _with_workers(count: int) -> str:
    return "with one worker" if count == 1 else f"with {count} workers"


def _worker_count(job: MPIJob) -> int:
    """R in ``<name>-worker-<R-1>``: Worker.replicas when above 0, else 1 (as validation.go)."""
    worker = job.worker
    if worker is None or worker.replicas is None or worker.replicas < 1:
        return 1
    return worker.replicas


def _label_problem(name: str) -> str | None:
    """Why ``name`` is not a DNS-1035 label, in words; None when it is one."""
    if len(name) > _LABEL_MAX:
        return f"has {len(name)} characters (at most {_LABEL_MAX})"
    if _DNS1035.fullmatch(name):
        return None
    if any(c.isupper() for c in name):
        return "has upper-case letters"
    if "." in name:
        return "contains a dot"
    if not ("a" <= name[0] <= "z"):
        return f"starts with {name[0]!r}, not a letter"
    if name.endswith("-"):
        return "ends with '-'"
    bad = next(c for c in name if not (c.isascii() and (c.isalnum() or c == "-")))
    return f"contains {bad!r}"


def _suggest_name(name: str, limit: int) -> str:
    """A DNS-1035 label close to ``name`` that leaves room for the worker suffix."""
    text = re.sub(r"[^a-z0-9-]+", "-", name.lower())
    text = re.sub(r"-{2,}", "-", text).strip("-")
    if not text or not ("a" <= text[0] <= "z"):
        text = "job-" + text
    return text[: max(limit, 1)].rstrip("-") or "job"


# ---------------------------------------------------------------- MPL108 replica-count


@rule("MPL108", "manifest")
def replica_count(subject: Manifest) -> Iterator[Hit]:
    """Launcher exactly 1, Worker at least 1 (v2beta1 validation, v1 validation and CRDs).

    A missing Worker.replicas defaults to 0, not to the 1 the CRD text promises; in v2beta1 that
    is a ValidationError, in v1 a job without workers, in v1alpha2 a nil dereference.
    """
    job = subject.job
    if job.version not in ("v2beta1", "v1", "v1alpha2"):
        return  # v1alpha1 has no replica specs
    if _is_set(job.spec) and not isinstance(job.spec, MappingNode):
        return  # a type error: the schema rule reports it
    specs = get(job.spec, "mpiReplicaSpecs")
    if not _is_set(specs):
        if job.version != "v1alpha2":
            yield Hit(
                _spec_span(job),
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
        if job.version == "v1alpha2":
            return
        near = next((k for k, _, _ in pairs(specs) if k.lower() == "launcher"), None)
        hint = f" ({near!r} is not 'Launcher': the key is case-sensitive)" if near else ""
        yield Hit(
            span_of(_key(get(job.root, "spec"), "mpiReplicaSpecs") or specs),
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
        yield from _no_worker(subject, specs)
        return
    if worker.replicas is None:
        return  # not an integer we can read: a type error, or a template
    single = job.version == "v1" and worker.replicas == 0 and _is_set(worker.replicas_node)
    if single and job.launcher_is_rank():
        return  # a GPU launcher runs the ranks itself: a deliberate single-pod job
    if worker.replicas >= 1:
        return
    severity = Severity.WARNING if job.version == "v1" else None
    consequence = (
        "the v1 operator then creates no worker pods and mpirun has no host to start ranks on"
        if job.version == "v1"
        else "the operator refuses the job (a validation event, no pods)"
    )
    if worker.replicas_node is None or not _is_set(worker.replicas_node):
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
        span_of(_key(get(job.root, "spec"), "mpiReplicaSpecs") or specs),
        f"mpiReplicaSpecs has no Worker{hint} and the launcher does not run ranks itself: the"
        " operator's hostfile lists no host, so mpirun has nowhere to start its processes."
        f" Add a Worker with replicas: 1 or more,{fix}",
        severity=Severity.WARNING,
    )


def _zero_slots(subject: Manifest) -> Iterator[Hit]:
    """``slotsPerWorker: 0`` passes v2beta1 validation (non-negative) but gives no slot."""
    job = subject.job
    if job.version not in ("v2beta1", "v1") or job.slots_per_worker != 0:
        return
    if job.slots_node is None:
        return
    yield Hit(
        span_of(job.slots_node),
        "slotsPerWorker is 0: the operator accepts it, but the hostfile then offers no slot on"
        ' any worker and mpirun fails ("There are not enough slots available") or places'
        " nothing. Write the number of processes per worker (1, or one per GPU)",
        severity=Severity.WARNING,
    )


# ---------------------------------------------------------------- MPL109 restart-policy

_POLICIES = ("Always", "OnFailure", "Never", "ExitCode")


@rule("MPL109", "manifest")
def restart_policy(subject: Manifest) -> Iterator[Hit]:
    """Replica-level restartPolicy values the operator rejects or ignores, and pod-template
    values it silently overrides (domain notes 1.1 and P03)."""
    job = subject.job
    if job.version not in ("v2beta1", "v1"):
        return
    for replica in job.replica_specs:
        if replica.role not in ("Launcher", "Worker"):
            continue
        level = get(replica.node, "restartPolicy")
        value = _text(level) if _is_set(level) else None
        rejected = job.version == "v2beta1" and value in ("Always", "ExitCode")
        if rejected and level is not None:
            yield _rejected(replica, level, value or "")
        elif job.version == "v1" and value == "ExitCode" and level is not None:
            yield Hit(
                span_of(level),
                f"{replica.role}.restartPolicy ExitCode is accepted by the v1 operator but not"
                " honoured for MPIJob: the pod gets restartPolicy Never and failed ranks are not"
                " restarted by exit code. Write Never, or OnFailure to restart failed"
                " containers",
                severity=Severity.WARNING,
            )
        if not rejected:
            hit = _template_policy(subject, replica, level, value)
            if hit is not None:
                yield hit


def _rejected(replica: ReplicaSpec, level: Node, value: str) -> Hit:
    default = "OnFailure" if replica.role == "Launcher" else "Never"
    return Hit(
        span_of(level),
        f"{replica.role}.restartPolicy {value} is not supported by the v2beta1 operator (only"
        " Never and OnFailure are): it refuses the job with a ValidationError event and"
        f" creates no pods. Write Never or OnFailure (the default here is {default})",
    )


def _template_policy(
    subject: Manifest, replica: ReplicaSpec, level: Node | None, value: str | None
) -> Hit | None:
    """``template.spec.restartPolicy`` is always replaced by the replica-level value."""
    node = get(replica.pod_spec, "restartPolicy")
    written = _text(node)
    if node is None or written is None:
        return None
    if _is_set(level) and value not in _POLICIES:
        return None  # templated, or an enum error the schema rule reports
    effective = _effective_policy(subject.job, replica, value)
    origin = (
        f"{replica.role}.restartPolicy"
        if value is not None
        else f"its default for the {replica.role}"
    )
    related = _related(subject, level if _is_set(level) else None, "the value the pod gets")
    if written == effective:
        return Hit(
            span_of(node),
            f"restartPolicy in the {replica.role} pod template has no effect: the operator"
            f" replaces it with {origin} ({effective}). It is the same value, so nothing changes,"
            " but it suggests the template decides. Delete it, and write"
            f" {replica.role}.restartPolicy to state it",
            severity=Severity.INFO,
            related=related,
        )
    return Hit(
        span_of(node),
        f"restartPolicy {written} in the {replica.role} pod template is ignored: the operator"
        f" replaces it with {origin}, so the pod runs with {effective}. Set the policy at the"
        f" replica level ({replica.role}.restartPolicy: Never or OnFailure) and delete this line",
        severity=Severity.WARNING,
        related=related,
    )


def _effective_policy(job: MPIJob, replica: ReplicaSpec, value: str | None) -> str:
    """The pod's restartPolicy after the operator's override (domain notes 1.1)."""
    if job.version == "v1":
        return "Never" if value in (None, "ExitCode") else str(value)
    if value is not None:
        return value
    return "OnFailure" if replica.role == "Launcher" else "Never"


# ---------------------------------------------------------------- MPL110 launcher-creation-policy

_CREATION = ("AtStartup", "WaitForWorkersReady")


@rule("MPL110", "manifest")
def launcher_creation_policy(subject: Manifest) -> Iterator[Hit]:
    """An unvalidated launcherCreationPolicy, and the start-up race it exists for (P01, P19).

    The CRD has no enum for the field (a broken kubebuilder marker), and the controller only
    tests ``== AtStartup``: any other string waits for the workers. With AtStartup the launcher
    may run mpirun before a worker's DNS name or sshd exists.
    """
    job = subject.job
    launcher = job.launcher
    if job.version != "v2beta1" or launcher is None:
        return
    node = get(job.spec, "launcherCreationPolicy")
    policy = "AtStartup"
    if _is_set(node) and node is not None:
        written = _text(node)
        if written is None:
            return  # templated, or a type error the schema rule reports
        if written not in _CREATION:
            yield _unknown_policy(node, written)
            return
        policy = written
    hit = _race(subject, launcher, node if _is_set(node) else None, policy)
    if hit is not None:
        yield hit


def _unknown_policy(node: Node, written: str) -> Hit:
    near = next((p for p in _CREATION if p.lower() == written.lower()), None)
    if near is None:
        import difflib  # only for a misspelt name: its import (with heapq) is not free

        close = difflib.get_close_matches(written, _CREATION, n=1, cutoff=0.6)
        near = close[0] if close else None
    effect = (
        " The launcher then waits for every worker to be Ready, which is probably what you meant."
        if near != "AtStartup"
        else " That is not what 'AtStartup' would do: the launcher waits for every worker to be"
        " Ready."
    )
    advice = f"Write {near!r}" if near else "Write 'WaitForWorkersReady' or 'AtStartup'"
    return Hit(
        span_of(node),
        f"launcherCreationPolicy {written!r} is neither 'AtStartup' nor 'WaitForWorkersReady';"
        " the CRD does not check it (the field is spelled exactly, case included) and the"
        f" operator treats every value other than 'AtStartup' as 'WaitForWorkersReady'.{effect}"
        f" {advice}",
    )


def _race(subject: Manifest, launcher: ReplicaSpec, node: Node | None, policy: str) -> Hit | None:
    job = subject.job
    worker = job.worker
    if job.run_launcher_as_worker or worker is None:
        return None  # the Service publishes not-ready workers; or there is no worker to wait for
    if worker.replicas is not None and worker.replicas < 1:
        return None
    probed = any(_has(c.node, "readinessProbe") for c in worker.containers)
    if (policy == "WaitForWorkersReady" and probed) or _waits_for_dns(launcher):
        return None
    span = span_of(node) if node is not None else span_of(launcher.key)
    host = f"{job.name or '<job>'}-worker-0"
    if policy == "AtStartup":
        return Hit(
            span,
            "the launcher starts together with the workers (launcherCreationPolicy AtStartup,"
            " the default): when a worker pulls its image or starts sshd more slowly, mpirun"
            f' fails with "ssh: Could not resolve hostname {host}" and the launcher is'
            " retried until backoffLimit runs out. Write launcherCreationPolicy:"
            " WaitForWorkersReady and give the worker a readinessProbe on its sshd port"
            " (tcpSocket: {port: 2222} on mpioperator images)",
            severity=Severity.INFO,
        )
    return Hit(
        span,
        "WaitForWorkersReady waits for the workers' Ready condition, but the worker has no"
        " readinessProbe, so Ready only means the container started, not that sshd listens:"
        " the launcher can still fail to reach it. Add a readinessProbe on the worker's sshd"
        " port (tcpSocket: {port: 2222} on mpioperator images)",
        severity=Severity.INFO,
        related=(Related(subject.file, span_of(worker.key), "the worker, without a probe"),),
    )


def _has(node: Node, field: str) -> bool:
    return _is_set(get(node, field))


def _waits_for_dns(launcher: ReplicaSpec) -> bool:
    """mpioperator/intel and mpioperator/mpich images start with /entrypoint.sh, which waits
    until every hostfile name resolves; a launcher ``command`` replaces it (P24)."""
    from mpilint.models.image.reference import split_image

    main = launcher.main
    command = main.command if main is not None else None
    replaced = _is_set(command) and not (isinstance(command, SequenceNode) and not command.value)
    if main is None or main.image is None or replaced:
        return False
    ref = split_image(main.image.value)
    registry, _, path = ref.repository.partition("/")
    if registry != "docker.io" or not path.startswith("mpioperator/"):
        return False
    words = path.removeprefix("mpioperator/") + ":" + (ref.tag or "")
    return "intel" in words or "mpich" in words


# ---------------------------------------------------------------- MPL111 worker-cleanup


@rule("MPL111", "manifest")
def worker_cleanup(subject: Manifest) -> Iterator[Hit]:
    """Workers that outlive the launcher (P04): v2beta1 defaults cleanPodPolicy to None."""
    if subject.job.version == "v2beta1":
        hit = _v2_cleanup(subject)
        if hit is not None:
            yield hit
    elif subject.job.version == "v1":
        yield from _v1_cleanup(subject)


def _v2_cleanup(subject: Manifest) -> Hit | None:
    job = subject.job
    worker = job.worker
    if worker is None or (worker.replicas is not None and worker.replicas < 1):
        return None  # no worker to leave behind (a launcher-only job, or one MPL108 rejects)
    run_policy = get(job.spec, "runPolicy")
    if _is_set(run_policy) and not isinstance(run_policy, MappingNode):
        return None  # a type error: the schema rule reports it
    policy_node = get(run_policy, "cleanPodPolicy")
    policy = _text(policy_node)
    if _is_set(policy_node) and policy is None:
        return None  # templated or a type error
    ttl = get(run_policy, "ttlSecondsAfterFinished")
    key = _key(job.spec, "runPolicy")
    span = span_of(key) if key is not None else _spec_span(job)
    if _is_set(ttl) and policy not in ("Running", "All"):
        now = f"cleanPodPolicy {policy}" if policy else "cleanPodPolicy unset (None)"
        return Hit(
            span,
            "runPolicy.ttlSecondsAfterFinished only deletes the launcher Job in v2beta1; with"
            f" {now} the worker pods, still running sshd, stay and keep their CPUs and GPUs."
            " Add runPolicy.cleanPodPolicy: Running (or All)",
            related=_related(subject, ttl, "ttlSecondsAfterFinished set here")
            + _related(subject, policy_node if policy else None, "cleanPodPolicy set here"),
        )
    if policy is not None:
        return None  # None written on purpose (post-mortem debugging), or Running/All
    top = get(job.spec, "cleanPodPolicy")
    misplaced = (
        " (spec.cleanPodPolicy is the v1 field: v2beta1 reads only runPolicy.cleanPodPolicy)"
        if top is not None
        else ""
    )
    return Hit(
        span,
        "runPolicy.cleanPodPolicy is not set, and the v2beta1 operator defaults it to None (the"
        " CRD description wrongly says Running): the workers run sshd until deleted, so their"
        " pods, CPUs and GPUs stay after the launcher finishes"
        f"{misplaced}. Write runPolicy.cleanPodPolicy: Running (or All); write None to keep"
        " them on purpose",
        related=_related(subject, top, "cleanPodPolicy written here, where v2beta1 ignores it"),
    )


def _v1_cleanup(subject: Manifest) -> Iterator[Hit]:
    """v1 moved cleanPodPolicy under runPolicy; the top-level field still works but loses."""
    spec = subject.job.spec
    top = get(spec, "cleanPodPolicy")
    top_key = _key(spec, "cleanPodPolicy")
    if not _is_set(top) or top_key is None:
        return
    inner = get(spec, "runPolicy", "cleanPodPolicy")
    written, wins = _text(top), _text(inner)
    if written is None or (_is_set(inner) and wins is None):
        return  # templated values, or type errors the schema rule reports
    if _is_set(inner) and written != wins:
        yield Hit(
            span_of(top_key),
            f"spec.cleanPodPolicy {written} is ignored: runPolicy.cleanPodPolicy ({wins}) is"
            f" set too and wins. Delete this deprecated field, and keep the value you want in"
            " runPolicy.cleanPodPolicy",
            severity=Severity.WARNING,
            related=_related(subject, inner, "the value the operator uses"),
        )
        return
    if _is_set(inner):
        advice = "It repeats runPolicy.cleanPodPolicy: delete it"
    else:
        advice = f"Move it to runPolicy.cleanPodPolicy: {written}"
    yield Hit(
        span_of(top_key),
        f"spec.cleanPodPolicy is deprecated in kubeflow.org/v1 (and not read by v2beta1). {advice}",
        severity=Severity.INFO,
        related=_related(subject, inner if _is_set(inner) else None, "runPolicy.cleanPodPolicy"),
    )


# ---------------------------------------------------------------- MPL120 name-collision


@rule("MPL120", "manifest")
def name_collision(subject: Manifest) -> Iterator[Hit]:
    """Objects of the bundle that take a name the v2beta1 operator needs (P30).

    The operator refuses to adopt an object it does not own ("Resource … already exists and is
    not managed by MPIJob") and stops reconciling the job.
    """
    job = subject.job
    if job.version == "v2beta1":
        yield from _volume_collisions(subject)
    name_node = get(job.root, "metadata", "name")
    name = _text(name_node)
    namespace = get_str(job.root, "metadata", "namespace") or None
    if job.version != "v2beta1" or name_node is None or not name:
        return
    if namespace is not None and _templated(namespace):
        return
    for sibling in subject.siblings:
        found = _collision(job, name, sibling, namespace)
        if found is None:
            continue
        node, kind, what = found
        yield Hit(
            span_of(node),
            f"this {kind} is named {node.value!r}, the name the operator gives the {what} of"
            f" MPIJob {name!r}; it does not own this object, so it stops reconciling the job"
            f' (event: Resource "{node.value}" of Kind "{kind}" already exists and is not'
            " managed by MPIJob) and the job never starts. Rename this object, or the job",
            related=(Related(subject.file, span_of(name_node), "the MPIJob's name"),),
        )


def _created(job: MPIJob, name: str) -> dict[tuple[str, str], str]:
    """(kind, name) of the fixed-name objects the v2beta1 operator creates, with their use."""
    return {
        ("Service", name): "headless Service of the workers",
        ("ConfigMap", f"{name}-config"): "ConfigMap holding the hostfile",
        ("Secret", f"{name}-ssh"): "Secret holding the SSH keys",
        ("Job", f"{name}-launcher"): "launcher Job",
    }


def _worker_pod(job: MPIJob, name: str, pod: str) -> str | None:
    """Whether ``pod`` is the name of one of the job's worker pods ``<name>-worker-<i>``."""
    worker = job.worker
    count = worker.replicas if worker is not None and worker.replicas is not None else 0
    match = re.fullmatch(re.escape(name) + r"-worker-(0|[1-9][0-9]{0,8})", pod)
    if match is None or int(match.group(1)) >= count:
        return None
    return f"worker pod {match.group(1)}"


def _collision(
    job: MPIJob, name: str, sibling: Node, namespace: str | None
) -> tuple[ScalarNode, str, str] | None:
    kind = get_str(sibling, "kind")
    api = get_str(sibling, "apiVersion") or ""
    if kind is None or (api != "batch/v1" if kind == "Job" else api != "v1"):
        return None
    node = get(sibling, "metadata", "name")
    if not isinstance(node, ScalarNode) or scalar_type(node) != "str":
        return None
    if (get_str(sibling, "metadata", "namespace") or None) != namespace:
        return None  # another namespace, or one of the two is left to the current context
    what = _created(job, name).get((kind, node.value))
    if what is None and kind == "Pod":
        what = _worker_pod(job, name, node.value)
    return None if what is None else (node, kind, what)


# The operator's own volumes (mpi-operator pkg/controller/mpi_job_controller.go: sshAuthVolume,
# configVolumeName, configMountPath). A pod template that already has one of these names, or a
# mount at the same path in containers[0], makes Kubernetes reject the pod it builds ("Duplicate
# value" / "must be unique").
_SSH_VOLUME, _CONFIG_VOLUME, _CONFIG_PATH = "ssh-auth", "mpi-job-config", "/etc/mpi"


def _volume_collisions(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    for replica in job.replica_specs:
        if replica.role not in ("Launcher", "Worker"):
            continue
        launcher = replica.role == "Launcher"
        taken = {_SSH_VOLUME: "the SSH key volume"}
        paths = {job.ssh_auth_mount_path: "the SSH keys (sshAuthMountPath)"}
        if launcher:
            taken[_CONFIG_VOLUME] = "the hostfile volume"
            paths[_CONFIG_PATH] = "the hostfile and discover_hosts.sh"
        volumes = get(replica.pod_spec, "volumes")
        for item in volumes.value if isinstance(volumes, SequenceNode) else ():
            node = get(item, "name")
            if isinstance(node, ScalarNode) and node.value in taken:
                yield Hit(
                    span_of(node),
                    f"the {replica.role} pod template has a volume named {node.value!r}, the"
                    f" name the operator gives {taken[node.value]} it adds to every"
                    f" {replica.role.lower()} pod; Kubernetes rejects the pod (spec.volumes"
                    " name: Duplicate value) and the job never starts. Rename this volume",
                )
        main = replica.main
        mounts = get(main.node, "volumeMounts") if main is not None else None
        for item in mounts.value if isinstance(mounts, SequenceNode) else ():
            node = get(item, "mountPath")
            path = node.value.rstrip("/") or "/" if isinstance(node, ScalarNode) else None
            if node is not None and path in paths:
                yield Hit(
                    span_of(node),
                    f"containers[0] of the {replica.role} mounts a volume at {path}, where the"
                    f" operator mounts {paths[path]}; Kubernetes rejects the pod (mountPath must"
                    " be unique) and the job never starts. Mount it elsewhere",
                )
