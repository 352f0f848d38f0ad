"""MPL120 name-collision: another object of the same file takes a name the operator gives to an
object it creates for the job.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mpilint.core.findings import Related
from mpilint.models.mpijob import MPIJob
from mpilint.ruleapi import FileObjects, Hit, Manifest
from mpilint.ruleapi.fields import templated, text_of
from mpilint.sources.yamlsource import (
    ScalarNode,
    SequenceNode,
    get,
    get_str,
    scalar_type,
    span_of,
)


def check(subject: Manifest) -> Iterator[Hit]:
    """Objects of the bundle that take a name the v2beta1 operator needs (P30).

    The operator refuses to adopt an object it does not own ("Resource … already exists and is
    not managed by MPIJob") and stops reconciling the job. The file's objects are indexed by
    kind, namespace and name once per file (``_index``), so a file of many jobs costs each job
    a few look-ups, not a pass over every other object.
    """
    job = subject.job
    if job.partial:
        return  # a kustomize patch creates no objects; its base's file is checked on its own
    if job.version == "v2beta1":
        yield from _volume_collisions(subject)
    name_node = get(job.root, "metadata", "name")
    name = text_of(name_node)
    namespace = get_str(job.root, "metadata", "namespace") or None
    if job.version != "v2beta1" or name_node is None or not name or subject.objects is None:
        return
    if namespace is not None and templated(namespace):
        return
    index = subject.objects.once(_index, lambda: _index(subject.objects))
    for node, kind, what in _collisions(job, name, namespace, index):
        yield Hit(
            span_of(node),
            f"this {kind} is named {node.value!r}, the name the operator gives the {what} of"
            f" MPIJob {name!r}; it does not own this object, so it stops reconciling the job"
            f' (event: Resource "{node.value}" of Kind "{kind}" already exists and is not'
            " managed by MPIJob) and the job never starts. Rename this object, or the job"
            + (_SERVICE_RELEASES if kind == "Service" else ""),
            related=(Related(subject.file, span_of(name_node), "the MPIJob's name"),),
        )


# C9: the Service names changed in v0.5.0; the latest release is the default target.
_SERVICE_RELEASES = (
    " (the Service is named after the job since mpi-operator v0.5.0; v0.3.x and v0.4.x named"
    " it <job>-worker, with a launcher Service <job>-launcher)"
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


# (kind, namespace, name) → the name nodes of the objects of a file that could collide.
_Index = dict[tuple[str, str | None, str], list[ScalarNode]]
_WORKER_POD = re.compile(r"(.+)-worker-(0|[1-9][0-9]{0,8})")


def _index(objects: FileObjects | None) -> _Index:
    """The file's Services, ConfigMaps, Secrets and Pods (API v1) and Jobs (batch/v1) by
    kind, namespace and name; a Pod named like a worker ``<job>-worker-<i>`` is also filed
    under the kind ``Pod-worker`` and the name ``<job>``, so a job finds its worker pods in one
    look-up whatever its replica count."""
    index: _Index = {}
    for root in objects.roots if objects is not None else ():
        kind = get_str(root, "kind")
        api = get_str(root, "apiVersion") or ""
        if kind is None or (api != "batch/v1" if kind == "Job" else api != "v1"):
            continue
        node = get(root, "metadata", "name")
        if not isinstance(node, ScalarNode) or scalar_type(node) != "str":
            continue
        # None: no namespace, left to the current context (as the job's own)
        namespace = get_str(root, "metadata", "namespace") or None
        index.setdefault((kind, namespace, node.value), []).append(node)
        match = _WORKER_POD.fullmatch(node.value) if kind == "Pod" else None
        if match is not None:
            index.setdefault(("Pod-worker", namespace, match.group(1)), []).append(node)
    return index


def _collisions(
    job: MPIJob, name: str, namespace: str | None, index: _Index
) -> Iterator[tuple[ScalarNode, str, str]]:
    """The objects in ``index`` that take a name the operator gives an object of this job
    (another namespace, or one of the two left to the current context, is no collision)."""
    found: list[tuple[ScalarNode, str, str]] = []
    for (kind, created), what in _created(job, name).items():
        found.extend((node, kind, what) for node in index.get((kind, namespace, created), ()))
    for node in index.get(("Pod-worker", namespace, name), ()):
        pod = _worker_pod(job, name, node.value)
        if pod is not None:
            found.append((node, "Pod", pod))
    found.sort(key=lambda item: item[0].start_mark.index)
    return iter(found)


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
