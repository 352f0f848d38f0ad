"""MPL116 istio-sidecar: the manifest asks for an Istio sidecar, which MPIJob does not work with."""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import Severity
from mpilint.ruleapi import Hit, Manifest
from mpilint.sources.yamlsource import Node, ScalarNode, get, span_of

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass


_INJECT = "sidecar.istio.io/inject"
# Istio reads the annotation as YAML 1.1 booleans do.
_INJECT_YES = frozenset({"y", "yes", "true", "on"})


def check(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    for node, where in _inject_values(job.root, "the MPIJob's metadata"):
        yield Hit(
            span_of(node),
            f"{where} asks for an Istio sidecar, which MPIJob does not work with (the proxy"
            " keeps the launcher from completing); the operator does not copy the MPIJob's"
            " metadata to its pods, so this alone injects nothing. Write"
            f' {_INJECT}: "false" on both pod templates instead',
            severity=Severity.INFO,
        )
    for replica in job.replica_specs:
        template = get(replica.node, "template")
        for node, where in _inject_values(template, f"the {replica.role} pod template"):
            yield Hit(
                span_of(node),
                _sidecar_message(
                    f"{where} asks Istio to inject its proxy into these pods",
                    f'write {_INJECT}: "false" instead',
                ),
            )
        for container in replica.init_containers + replica.containers:
            if container.name == "istio-proxy":
                name = get(container.node, "name")
                yield Hit(
                    span_of(name if name is not None else container.node),
                    _sidecar_message(
                        f"the {replica.role} pod template runs an istio-proxy container",
                        f'remove it, and write {_INJECT}: "false" on the pod template',
                    ),
                )


def _inject_values(owner: Node | None, where: str) -> Iterator[tuple[Node, str]]:
    for field in ("annotations", "labels"):
        value = get(owner, "metadata", field, _INJECT)
        if isinstance(value, ScalarNode) and value.value.strip().lower() in _INJECT_YES:
            yield value, f"{where} ({field[:-1]} {_INJECT})"


def _sidecar_message(what: str, advice: str) -> str:
    return (
        f"{what}, and MPIJob does not work with Istio sidecars (the Kubeflow docs): the proxy"
        " keeps running after mpirun ends, so the launcher never completes, and the fsGroup"
        ' 1337 Istio injects can make the mounted SSH key group-readable ("Permissions 0640'
        f" for '/root/.ssh/id_rsa' are too open\"). {advice[0].upper()}{advice[1:]}"
    )
