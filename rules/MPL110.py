"""MPL110 launcher-creation-policy: a launcherCreationPolicy the CRD does not check, or a launcher
that may start before its workers are reachable.
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import Related, Severity
from mpilint.models.mpijob import ReplicaSpec
from mpilint.ruleapi import Hit, Manifest
from mpilint.ruleapi.fields import is_set, text_of
from mpilint.ruleapi.fixes import replace_scalar
from mpilint.ruleapi.pairs import one_image
from mpilint.ruleapi.targets import has_field, mpi_operator_release
from mpilint.sources.yamlsource import Node, SequenceNode, get, span_of

_CREATION = ("AtStartup", "WaitForWorkersReady")


def check(subject: Manifest) -> Iterator[Hit]:
    """An unvalidated launcherCreationPolicy, and the start-up race it exists for (P01, P19).

    The CRD has no enum for the field (a broken kubebuilder marker), and the controller only
    tests ``== AtStartup``: any other string waits for the workers. With AtStartup the launcher
    may run mpirun before a worker's DNS name or sshd exists.
    """
    if subject.job.partial:
        return  # a kustomize patch: the launcher's policy and the workers' readiness are its base's
    job = subject.job
    launcher = job.launcher
    if job.version != "v2beta1" or launcher is None:
        return
    if not has_field(subject, "spec", "launcherCreationPolicy"):
        # mpi-operator before v0.5.0: no such field (MPL106 reports one written), and the
        # launcher always starts with the workers
        hit = _race(subject, launcher, None, "AtStartup")
        if hit is not None:
            yield hit
        return
    node = get(job.spec, "launcherCreationPolicy")
    policy = "AtStartup"
    if is_set(node) and node is not None:
        written = text_of(node)
        if written is None:
            return  # templated, or a type error the schema rule reports
        if written not in _CREATION:
            yield _unknown_policy(subject, node, written)
            return
        policy = written
    hit = _race(subject, launcher, node if is_set(node) else None, policy)
    if hit is not None:
        yield hit


def _unknown_policy(subject: Manifest, node: Node, written: str) -> Hit:
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
    # Only the spelling of what the operator already does is certain: a value close to
    # 'AtStartup' is run as 'WaitForWorkersReady' today, so writing 'AtStartup' would change
    # the job (the message says so, a person decides).
    fix = (
        replace_scalar(subject, node, near, f"write {near}")
        if near == "WaitForWorkersReady"
        else None
    )
    return Hit(
        span_of(node),
        fix=fix,
        message=f"launcherCreationPolicy {written!r} is neither 'AtStartup' nor"
        " 'WaitForWorkersReady'; the CRD does not check it (the field is spelled exactly, case"
        " included) and the"
        f" operator treats every value other than 'AtStartup' as 'WaitForWorkersReady'.{effect}"
        f" {advice}",
    )


def _race(subject: Manifest, launcher: ReplicaSpec, node: Node | None, policy: str) -> Hit | None:
    job = subject.job
    worker = job.worker
    if worker is None or (
        job.run_launcher_as_worker and has_field(subject, "spec", "runLauncherAsWorker")
    ):
        return None  # the Service publishes not-ready workers; or there is no worker to wait for
    if worker.replicas is not None and worker.replicas < 1:
        return None
    probed = any(_has(c.node, "readinessProbe") for c in worker.containers)
    if (policy == "WaitForWorkersReady" and probed) or _waits_for_dns(subject, launcher):
        return None
    span = span_of(node) if node is not None else span_of(launcher.key)
    host = f"{job.name or '<job>'}-worker-0"
    if policy == "AtStartup" and not has_field(subject, "spec", "launcherCreationPolicy"):
        release = mpi_operator_release(subject)
        return Hit(
            span,
            f"the launcher starts together with the workers (mpi-operator {release}, the target,"
            " has no launcherCreationPolicy; 0.5.0 added it): when a worker pulls its image or"
            f' starts sshd more slowly, mpirun fails with "ssh: Could not resolve hostname {host}"'
            " and the launcher is retried until backoffLimit runs out. Make the launcher's"
            " command wait until the workers resolve before mpirun, or move to mpi-operator"
            " 0.5.0 or later and write launcherCreationPolicy: WaitForWorkersReady",
            severity=Severity.INFO,
        )
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
    return is_set(get(node, field))


def _waits_for_dns(subject: Manifest, launcher: ReplicaSpec) -> bool:
    """The launcher starts through the /entrypoint.sh of mpioperator's Intel and MPICH images,
    which retries each hostfile name about 10 times (back-off doubling from 0.1 s, about 100 s
    in all) before it runs its arguments anyway (C8); a launcher ``command`` replaces it (P24).

    The image is the manifest's ``mpioperator/intel``/``mpioperator/mpich``, or the paired
    Dockerfile's when it is the image of both main containers and inherits that ENTRYPOINT
    (``FROM mpioperator/mpich``): the manifest then names the user's own registry."""
    main = launcher.main
    command = main.command if main is not None else None
    replaced = is_set(command) and not (isinstance(command, SequenceNode) and not command.value)
    if main is None or replaced:
        return False
    if main.image is not None and _operator_hydra_image(main.image.value):
        return True
    return _paired_entrypoint_waits(subject)


def _operator_hydra_image(image: str) -> bool:
    from mpilint.models.image.reference import split_image

    ref = split_image(image)
    registry, _, path = ref.repository.partition("/")
    if registry != "docker.io" or not path.startswith("mpioperator/"):
        return False
    words = path.removeprefix("mpioperator/") + ":" + (ref.tag or "")
    return "intel" in words or "mpich" in words


def _paired_entrypoint_waits(subject: Manifest) -> bool:
    image = subject.image
    if image is None or not one_image(subject.job):
        return False
    from mpilint.models.image.software import software_of

    facts = software_of(image)
    if facts is None or not facts.entrypoint_known or facts.entrypoint is None:
        return False
    entry = facts.entrypoint
    if entry.shell_form or entry.argv[:1] != ("/entrypoint.sh",):
        return False
    return bool(facts.mpi_families() & {"Intel", "MPICH"})
