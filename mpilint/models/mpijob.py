"""The MPIJob as the operator will see it: defaults applied, main containers picked out.

Each value keeps the node it came from, so a rule can point at it; a value that was defaulted
points at nothing and rules fall back to the object that would have held it.
See shared domain notes, section 1: the defaults differ between API versions, and so does which
container the operator treats as "the" MPI container (always ``containers[0]``).
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.records import Record, field
from mpilint.sources.kubevalues import kube_bool, kube_int
from mpilint.sources.yamlsource import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    fields,
    get,
    get_str,
    pairs,
    scalar_type,
)

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass

GROUP = "kubeflow.org"
KNOWN_VERSIONS = ("v2beta1", "v1", "v1alpha2", "v1alpha1")


class Container(Record):
    node: MappingNode
    index: int
    init: bool
    name: str | None
    image: ScalarNode | None
    command: Node | None
    args: Node | None
    env: Node | None
    _argv: tuple[tuple[str, Node], ...] | None = field(init=False, default=None)  # argv()

    def argv(self) -> tuple[tuple[str, Node], ...]:
        """``command`` then ``args``, each item as Kubernetes will pass it, with its node.

        Non-scalar items cannot be an argument at all; they keep an empty text so that they
        never look like a launcher or a count. Worked out once: a dozen rules ask for it.
        """
        argv = self._argv
        if argv is None:
            items: list[tuple[str, Node]] = []
            for part in (self.command, self.args):
                if isinstance(part, SequenceNode):
                    for item in part.value:
                        items.append((item.value if isinstance(item, ScalarNode) else "", item))
            argv = tuple(items)
            object.__setattr__(self, "_argv", argv)  # a cache: frozen only for mypy
        return argv


class ReplicaSpec(Record):
    role: str
    key: Node
    node: Node
    replicas: int | None
    replicas_node: Node | None
    pod_spec: MappingNode | None
    containers: tuple[Container, ...]
    init_containers: tuple[Container, ...]
    # The container the operator injects the SSH mount, env and default command into (set
    # once: rules ask for it about sixty times per job).
    main: Container | None = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "main", self.containers[0] if self.containers else None)

    def security(self, container: Container, name: str) -> Node | None:
        """A securityContext field as the kubelet resolves it: the container's wins over the
        pod's; an explicit null counts as not set."""
        for holder in (container.node, self.pod_spec):
            node = get(holder, "securityContext", name)
            if node is not None and scalar_type(node) != "null":
                return node
        return None


class MPIJob(Record):
    root: MappingNode
    document: int
    version: str
    name: str | None
    spec: Node | None
    slots_per_worker: int | None
    slots_node: Node | None
    ssh_auth_mount_path: str
    ssh_auth_mount_path_node: Node | None
    mpi_implementation: str
    run_launcher_as_worker: bool
    run_launcher_as_worker_node: Node | None
    replica_specs: tuple[ReplicaSpec, ...]
    # A kustomize patch (``mpilint.inputs.trees``): only what it writes is known, the rest
    # comes from its base. Rules that need the whole object (a missing field, a count that
    # depends on an absent one, how two replicas pair up) stay silent on it.
    partial: bool = False
    # Read from replica_specs once: rules ask for them tens of times per job.
    launcher: ReplicaSpec | None = field(init=False)
    worker: ReplicaSpec | None = field(init=False)
    _containers: tuple[tuple[ReplicaSpec, Container], ...] = field(init=False)

    def __post_init__(self) -> None:
        specs = self.replica_specs
        object.__setattr__(self, "launcher", next((r for r in specs if r.role == "Launcher"), None))
        object.__setattr__(self, "worker", next((r for r in specs if r.role == "Worker"), None))
        containers = tuple(
            (replica, container)
            for replica in specs
            for container in replica.init_containers + replica.containers
        )
        object.__setattr__(self, "_containers", containers)

    @property
    def uses_ssh(self) -> bool:
        """Only v2beta1 starts remote ranks over ssh; older versions use ``kubectl exec``."""
        return self.version == "v2beta1"

    def launcher_is_rank(self) -> bool | None:
        """Whether the launcher pod also runs ranks (domain notes 1.2); None when unknowable."""
        if self.version == "v2beta1":
            return self.run_launcher_as_worker
        if self.version == "v1":
            launcher = self.launcher
            return launcher is not None and any(_has_gpu_limit(c) for c in launcher.containers)
        return False

    def containers(self) -> Iterator[tuple[ReplicaSpec, Container]]:
        return iter(self._containers)


def api_version(root: Node) -> tuple[str, str] | None:
    """(group, version) of a document, or None when it has no usable apiVersion."""
    text = get_str(root, "apiVersion")
    if not text or "/" not in text:
        return None
    group, _, version = text.partition("/")
    return group, version


def read_mpijob(root: Node, document: int, partial: bool = False) -> MPIJob | None:
    """An MPIJob of the Kubeflow group, or None for any other object (those are skipped).
    ``partial``: the document is a kustomize patch, not a whole object."""
    if not isinstance(root, MappingNode) or get_str(root, "kind") != "MPIJob":
        return None
    found = api_version(root)
    if found is None or found[0] != GROUP or found[1] not in KNOWN_VERSIONS:
        return None
    version = found[1]
    spec = get(root, "spec")
    values = fields(spec)
    slots_node = values.get("slotsPerWorker")
    path_node = values.get("sshAuthMountPath")
    path = get_str(path_node)
    launcher_rank_node = values.get("runLauncherAsWorker")
    return MPIJob(
        root=root,
        document=document,
        version=version,
        name=get_str(root, "metadata", "name"),
        spec=spec,
        slots_per_worker=_int_or_default(slots_node, 1),
        slots_node=slots_node,
        ssh_auth_mount_path=path if path else "/root/.ssh",
        ssh_auth_mount_path_node=path_node if path else None,
        mpi_implementation=_mpi_implementation(spec, version),
        run_launcher_as_worker=_bool(launcher_rank_node),
        run_launcher_as_worker_node=launcher_rank_node,
        replica_specs=tuple(_replica_specs(spec)),
        partial=partial,
    )


def _mpi_implementation(spec: Node | None, version: str) -> str:
    if version == "v2beta1":
        return get_str(spec, "mpiImplementation") or "OpenMPI"
    if version == "v1alpha2":
        return {"IntelMPI": "Intel"}.get(
            get_str(spec, "mpiDistribution") or "OpenMPI", get_str(spec, "mpiDistribution") or ""
        )
    return "OpenMPI"


def _replica_specs(spec: Node | None) -> Iterator[ReplicaSpec]:
    for role, key, node in pairs(get(spec, "mpiReplicaSpecs")):
        replicas_node = get(node, "replicas")
        pod_spec = get(node, "template", "spec")
        yield ReplicaSpec(
            role=role,
            key=key,
            node=node,
            # Both operators default a missing count to 0 for workers and 1 for the launcher.
            replicas=_int_or_default(replicas_node, 1 if role == "Launcher" else 0),
            replicas_node=replicas_node,
            pod_spec=pod_spec if isinstance(pod_spec, MappingNode) else None,
            containers=tuple(_containers(get(pod_spec, "containers"), init=False)),
            init_containers=tuple(_containers(get(pod_spec, "initContainers"), init=True)),
        )


def _containers(node: Node | None, init: bool) -> Iterator[Container]:
    if not isinstance(node, SequenceNode):
        return
    for index, item in enumerate(node.value):
        if not isinstance(item, MappingNode):
            continue
        values = fields(item)
        image = values.get("image")
        name = values.get("name")
        yield Container(
            node=item,
            index=index,
            init=init,
            name=name.value if isinstance(name, ScalarNode) else None,
            image=image if isinstance(image, ScalarNode) else None,
            command=values.get("command"),
            args=values.get("args"),
            env=values.get("env"),
        )


def int_value(node: Node | None) -> int | None:
    """An integer as Kubernetes reads it (``kubevalues.kube_int``: ``010`` is 8, ``2.0`` is 2);
    None for anything else (missing, a string, null, a fraction)."""
    return kube_int(node)


def _int_or_default(node: Node | None, default: int) -> int | None:
    """An integer field; None when it is written but is not an integer Kubernetes reads."""
    if node is None or scalar_type(node) == "null":
        return default
    return kube_int(node)


def _bool(node: Node | None) -> bool:
    return kube_bool(node) is True


def _has_gpu_limit(container: Container) -> bool:
    """The v1 operator makes the launcher a rank when it asks for any GPU resource."""
    for name, _, _ in pairs(get(container.node, "resources", "limits")):
        if name.endswith(".com/gpu") or "gpu" in name:
            return True
    return False
