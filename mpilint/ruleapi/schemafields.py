"""What the schema rules (MPL105, MPL106) share: the validator's problems for a job (kept for
the last job: both rules ask for them), and how a schema path is named and placed in a finding.

The schemas (``schemas/mpijob-*.schema.json``) hold the facts: field lists, types, enums,
minimums, where a misplaced field belongs; these helpers only turn a problem into words a person
understands, pointing at the offending node.
"""

from __future__ import annotations

from mpilint.core.findings import Span
from mpilint.models.mpijob import MPIJob
from mpilint.ruleapi import Manifest
from mpilint.sources.releases import release_of, schema_for
from mpilint.sources.schemacheck import VERSIONS, Path, Problem, validate
from mpilint.sources.yamlsource import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    get,
    get_str,
    span_of,
)

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from mpilint.sources.releases import Target


def problems_of(manifest: Manifest) -> list[Problem]:
    """The job's schema problems; one validation serves MPL105 and MPL106 (kept by the job)."""
    return manifest.once(problems_of, lambda: _problems(manifest.job, manifest.target))


def _problems(job: MPIJob, target: Target) -> list[Problem]:
    if job.version not in VERSIONS:
        return []  # v1alpha1 and v1alpha2 are retired; their shapes are not checked
    schema = schema_for(job.version, release_of(target, job.version))
    return [p for p in validate(job.root, schema) if not _templated(p)]


def _templated(problem: Problem) -> bool:
    """A value or key still to be filled in (Helm ``{{ }}``, envsubst ``${X}``) is not known."""
    node = {"required": None, "additionalProperties": problem.anchor}.get(
        problem.keyword, problem.node
    )
    text = node.value if isinstance(node, ScalarNode) else ""
    return isinstance(text, str) and ("{{" in text or "${" in text or "$(" in text)


def anchor_span(anchor: Node) -> Span:
    """A mapping (a list item lacking a field) is pointed at by its first key, not as a block."""
    if isinstance(anchor, MappingNode) and anchor.value:
        return span_of(anchor.value[0][0])
    return span_of(anchor)


def dotted(parts: Path) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def split_path(root: Node, path: Path) -> tuple[str, str, Path]:
    """(kind, name, rest): which object of the MPIJob a path is in, and the path inside it.

    Kinds: "container" (name like "container 0 (worker) of Worker"), "pod" (a replica's pod
    spec), "replica", "spec" and "root"; messages read better named by these than by raw paths.
    """
    if len(path) >= 3 and path[:2] == ("spec", "mpiReplicaSpecs"):
        role = str(path[2])
        if path[3:5] == ("template", "spec"):
            if len(path) >= 7 and path[5] in ("containers", "initContainers"):
                index = path[6]
                if isinstance(index, int):
                    kind = "init container" if path[5] == "initContainers" else "container"
                    name = get_str(_node_at(root, path[:7]), "name")
                    label = f"{kind} {index}" + (f" ({name})" if name else "") + f" of {role}"
                    return "container", label, path[7:]
            return "pod", f"{role} pod spec", path[5:]
        return "replica", role, path[3:]
    if path[:1] == ("spec",):
        return "spec", "spec", path[1:]
    return "root", "the MPIJob", path


def label_of(root: Node, path: Path) -> str:
    """A value's name: ``slotsPerWorker``, ``Worker.replicas``,
    ``container 0 (worker) of Worker: ports[0].containerPort``."""
    kind, name, rest = split_path(root, path)
    if not rest:
        return name
    if kind in ("container", "pod"):
        return f"{name}: {dotted(rest)}"
    if kind == "replica":
        return f"{name}.{dotted(rest)}"
    return dotted(rest)


def _node_at(root: Node, path: Path) -> Node | None:
    node: Node | None = root
    for part in path:
        if isinstance(part, int):
            is_item = isinstance(node, SequenceNode) and part < len(node.value)
            node = node.value[part] if isinstance(node, SequenceNode) and is_item else None
        else:
            node = get(node, part)
    return node
