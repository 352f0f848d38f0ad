"""MPL101 non-string-scalar: a number, boolean, null or nested list where Kubernetes wants a string
(command, args, env values).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator

from mpilint.core.findings import Edit, Fix, Severity
from mpilint.core.textpos import Offsets
from mpilint.models.launchers import find_launches
from mpilint.models.mpijob import Container, MPIJob
from mpilint.ruleapi import Hit, Manifest
from mpilint.sources.yamlsource import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    fields,
    is_string,
    scalar_type,
    span_of,
    template_source,
)

_KIND_WORDS = {
    "int": "the number",
    "float": "the number",
    "bool": "the boolean",
    "null": "an empty value (null)",
}


def check(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    counts = _count_nodes(job)
    for replica, container in job.containers():
        for field, path, node, kind in _non_strings(container):
            where = f"{replica.role} container {container.name or container.index}"
            list_name = "initContainers" if container.init else "containers"
            full = (
                f"spec.mpiReplicaSpecs.{replica.role}.template.spec.{list_name}"
                f"[{container.index}].{path}"
                if job.version in _STRUCTURAL
                else None
            )
            if kind == "null" and path.endswith(".value"):
                yield _null_env_value(where, field, node)
                continue
            yield _non_string_hit(subject, where, field, full, node, kind, id(node) in counts)


# The versions whose CRDs (mpi-operator v0.4.0 on, training-operator v1) have a structural schema
# typing command, args and env values as strings: the API server's schema validation refuses a
# non-string there. Older CRDs kept the pod template open (P14).
_STRUCTURAL = ("v2beta1", "v1")


def _non_strings(container: Container) -> Iterator[tuple[str, str, Node, str]]:
    """(field, path, node, kind) of each command/args item and env value that is not a string;
    the path is the field's below the container, as the API server names it.

    Nearly all are strings: those are passed over before anything (a label, a kind) is made."""
    for field, part in (("command", container.command), ("args", container.args)):
        if isinstance(part, SequenceNode):
            for index, item in enumerate(part.value):
                if not is_string(item):
                    kind = _kind(item)
                    if kind is not None:
                        yield f"{field}[{index}]", f"{field}[{index}]", item, kind
    if isinstance(container.env, SequenceNode):
        for position, item in enumerate(container.env.value):
            values = fields(item)
            value = values.get("value")
            if value is not None and not is_string(value):
                kind = _kind(value)
                if kind is not None:
                    name = values.get("name")
                    label = name.value if isinstance(name, ScalarNode) else "?"
                    yield f"env {label} value", f"env[{position}].value", value, kind


def _kind(node: Node) -> str | None:
    """What a value Kubernetes wants as a string is instead; None when it is fine, or unknown
    (an unquoted ``{{ .x }}`` is a mapping to YAML, but only rendering says what it becomes;
    MPL103 reports the template)."""
    if template_source(node) is not None:
        return None
    kind = (
        "list"
        if isinstance(node, SequenceNode)
        else "map"
        if isinstance(node, MappingNode)
        else scalar_type(node)
    )
    return None if kind in ("str", "other") else kind


def _null_env_value(where: str, field: str, node: Node) -> Hit:
    """An env value written as null: the API server prunes a null object field its schema does
    not allow (apiextensions ``PruneNonNullableNullsWithoutDefaults``) before validating, so the
    MPIJob is accepted and the variable is set to the empty string. Worth saying, not an error.

    No fix: ``""`` would keep what the job does but cement what may be a slip, and quoting the
    word (``"null"``) would set the variable to it; which was meant needs a person."""
    return Hit(
        span_of(node),
        f"{where}: {field} is an empty value (null); the API server drops it, so the variable"
        ' is set to the empty string. If that is meant, write "" to say so',
        severity=Severity.INFO,
    )


def _openapi_type(kind: str, text: str) -> str | None:
    """The type the API server's schema validation names for the value, as kubectl sends it
    (YAML becomes JSON first, so 1.0 and 1e3 arrive as the integers 1 and 1000); None when the
    value has no JSON form (.inf, .nan)."""
    if kind == "int":
        return "integer"
    if kind == "bool":
        return "boolean"
    if kind == "null":
        return "null"
    try:
        number = float(text.replace("_", ""))
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    return "integer" if number.is_integer() else "number"


def _non_string_hit(
    subject: Manifest,
    where: str,
    field: str,
    path: str | None,
    node: Node,
    kind: str,
    is_count: bool,
) -> Hit:
    if kind in ("list", "map"):
        return Hit(
            span_of(node),
            f"{where}: {field} is a nested {kind}; Kubernetes wants a string here and rejects"
            " the manifest. Write the item as one string",
        )
    value = node.value
    # A null is quoted as written (``~`` becomes ``"~"``), like a number or a boolean; an empty
    # item has no text to keep, so ``""`` is what it can only have meant.
    quoted = json.dumps(value) if kind != "null" or value else '""'
    schema_type = _openapi_type(kind, str(value)) if path is not None else None
    refusal = (
        "Kubernetes wants a string here and rejects the manifest"
        if schema_type is None
        else "the API server's schema validation refuses the MPIJob:"
        f' `{path} in body must be of type string: "{schema_type}"`'
    )
    message = (
        f"{where}: {field} is {_KIND_WORDS[kind]}"
        + (f" {value}" if kind != "null" else "")
        + f"; {refusal}. Write {quoted}"
    )
    if is_count:
        message += (
            f" (this is the launcher's process count: the unquoted `-n {value}` is the"
            " mistake users meet most)"
        )
    fix = None
    # Only a plain one-line scalar written as its value alone (no tag, no anchor, which the
    # span would cover too) is certain to be quoted right by replacing its text. A null item of
    # command or args is refused by the API server, so quoting its text (``null``, ``~``) only
    # makes the job run with the word written there; an empty item has no text to keep.
    if isinstance(node, ScalarNode) and not node.style and node.value:
        span = span_of(node)
        if Offsets(subject.text).text_of(span) == node.value:
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
