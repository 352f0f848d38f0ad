"""Rules that check an MPIJob against the schema of its API version (MPL105, MPL106).

The schemas (``schemas/mpijob-*.schema.json``) hold the facts: field lists, types, enums,
minimums, where a misplaced field belongs. This module only turns the validator's problems into
findings a person understands, pointing at the offending node. Values another rule already
reports (``x-mpilint-reported-by``) are left to it, so no mistake is reported twice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from mpilint.core.findings import Edit, Fix, Span
from mpilint.models.mpijob import MPIJob
from mpilint.ruleapi import Hit, Manifest, rule
from mpilint.sources.schemacheck import VERSIONS, Path, Problem, load_schema, scalar_value, validate
from mpilint.sources.yamlsource import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    get,
    get_str,
    scalar_type,
    span_of,
)

# Who refuses a bad value, by the schema's x-mpilint-effect (the API server unless it says).
_EFFECTS = {
    "apiserver": "the API server rejects the MPIJob",
    "operator": "the operator refuses the job when it reconciles it (only an event says why)"
    " and starts no pods",
    "pods": "Kubernetes refuses to create the job's pods",
    "unchecked": "nothing checks it, and the operator does not expect such a value",
}
_UNKNOWN_EFFECT = (
    "The API server rejects it under kubectl's default strict field validation, and otherwise"
    " drops it silently, so the setting has no effect"
)
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")  # no leading zero: YAML would read 010 as 8

# One validation serves both rules: the engine runs them one after the other on the same job.
_last: list[tuple[Node, list[Problem]]] = []


def _problems(job: MPIJob) -> list[Problem]:
    if job.version not in VERSIONS:
        return []  # v1alpha1 and v1alpha2 are retired; their shapes are not checked
    if _last and _last[0][0] is job.root:
        return _last[0][1]
    found = [p for p in validate(job.root, load_schema(job.version)) if not _templated(p)]
    _last[:] = [(job.root, found)]
    return found


def _templated(problem: Problem) -> bool:
    """A value or key still to be filled in (Helm ``{{ }}``, envsubst ``${X}``) is not known."""
    node = {"required": None, "additionalProperties": problem.anchor}.get(
        problem.keyword, problem.node
    )
    text = node.value if isinstance(node, ScalarNode) else ""
    return isinstance(text, str) and ("{{" in text or "${" in text or "$(" in text)


# ---------------------------------------------------------------- MPL105 invalid-field


@rule("MPL105", "manifest")
def invalid_field(subject: Manifest) -> Iterator[Hit]:
    problems = _problems(subject.job)
    # A mapping holding a misplaced field (containers straight under Worker) lacks what that
    # field should have been in: MPL106 already says where it belongs, once is enough.
    misplaced = {id(p.node) for p in problems if p.elsewhere}
    for problem in problems:
        if problem.keyword == "additionalProperties":
            continue
        if problem.keyword == "type" and problem.schema.get("x-mpilint-reported-by"):
            continue  # MPL101 reports non-strings in command, args and env values
        if problem.keyword == "required" and id(problem.node) in misplaced:
            continue
        yield _invalid_hit(subject, problem)


def _invalid_hit(subject: Manifest, problem: Problem) -> Hit:
    root = subject.job.root
    effect = _EFFECTS[_effect(problem)]
    fix = None
    if problem.keyword == "required":
        text = f"{_subject(root, problem.path)} has no {problem.field}: {effect}."
        text += f" Add {problem.field}"
    else:
        text = f"{_label(root, problem.path)} {problem.detail}: {effect}"
        advice, fix = _advice(subject, problem)
        if advice:
            text += f". {advice}"
    # A missing field is pointed at by its parent's key; a wrong value by the value itself.
    where = problem.anchor if problem.keyword == "required" else problem.node
    return Hit(_span(where), text, fix=fix)


def _effect(problem: Problem) -> str:
    if problem.keyword == "type":
        return "apiserver"  # every schema type is in the CRD the API server validates with
    if problem.keyword == "required" and problem.field:
        per_field = problem.schema.get("x-mpilint-required-effect", {})
        if problem.field in per_field:
            return str(per_field[problem.field])
    return str(problem.schema.get("x-mpilint-effect", "apiserver"))


def _advice(subject: Manifest, problem: Problem) -> tuple[str | None, Fix | None]:
    """What to write instead, with an edit when it is certain (only quotes added or removed)."""
    node = problem.node
    if problem.keyword == "enum":
        value = scalar_value(node)
        hints = problem.schema.get("x-mpilint-enum-hints", {})
        if isinstance(value, str) and value in hints:
            return str(hints[value]), None
        if problem.suggestion:
            return f"Did you mean {json.dumps(problem.suggestion)}?", None
        return None, None
    if problem.keyword != "type" or not isinstance(node, ScalarNode):
        return None, None
    single_line = node.start_mark.line == node.end_mark.line
    wanted = problem.schema.get("type")
    options = [wanted] if isinstance(wanted, str) else list(wanted or ())
    kind = scalar_type(node)
    bare = _unquoted(node, options) if kind == "str" and single_line else None
    if bare is not None:
        edit = Edit(subject.file, span_of(node), bare)
        return f"Write {bare} without quotes", Fix(f"unquote it: {bare}", (edit,))
    if "string" in options and kind in ("int", "float", "bool") and single_line:
        quoted = json.dumps(node.value)
        if not node.style:
            edit = Edit(subject.file, span_of(node), quoted)
            return f"Quote it: {quoted}", Fix(f"quote it: {quoted}", (edit,))
    return None, None


def _unquoted(node: ScalarNode, options: list[str]) -> str | None:
    """The text of a quoted number or boolean, when writing it bare gives the wanted type."""
    if node.style not in ("'", '"'):
        return None
    if "integer" in options and _INTEGER.fullmatch(node.value):
        return str(node.value)
    if "boolean" in options and node.value in ("true", "false"):
        return str(node.value)
    return None


# ---------------------------------------------------------------- MPL106 unknown-field


@rule("MPL106", "manifest")
def unknown_field(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    for problem in _problems(job):
        if problem.keyword != "additionalProperties":
            continue
        where = _container_of(job.root, problem.path)
        text = f"unknown field {json.dumps(problem.field)} in {where}"
        if problem.elsewhere:
            text += f": this field {problem.elsewhere}."
        elif problem.suggestion:
            text += f": did you mean {json.dumps(problem.suggestion)}?"
        else:
            text += "."
        text += f" {_UNKNOWN_EFFECT}"
        if not problem.elsewhere and not problem.suggestion:
            text += ". Remove it, or check its indentation"
        yield Hit(_span(problem.anchor), text)


# ---------------------------------------------------------------- where a problem is


def _span(anchor: Node) -> Span:
    """A mapping (a list item lacking a field) is pointed at by its first key, not as a block."""
    if isinstance(anchor, MappingNode) and anchor.value:
        return span_of(anchor.value[0][0])
    return span_of(anchor)


def _dotted(parts: Path) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _split(root: Node, path: Path) -> tuple[str, str, Path]:
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


def _label(root: Node, path: Path) -> str:
    """A value's name: ``slotsPerWorker``, ``Worker.replicas``,
    ``container 0 (worker) of Worker: ports[0].containerPort``."""
    kind, name, rest = _split(root, path)
    if not rest:
        return name
    if kind in ("container", "pod"):
        return f"{name}: {_dotted(rest)}"
    if kind == "replica":
        return f"{name}.{_dotted(rest)}"
    return _dotted(rest)


def _subject(root: Node, path: Path) -> str:
    """An object's name at the start of a sentence: "container 0 of Worker has no name"."""
    kind, name, rest = _split(root, path)
    if not rest:
        return {"pod": f"the {name}", "replica": f"the {name} replica spec"}.get(kind, name)
    return _label(root, path)


def _container_of(root: Node, path: Path) -> str:
    """Where an unknown field sits: "spec", "runPolicy", "container 0 (worker) of Worker"."""
    kind, name, rest = _split(root, path)
    if not rest:
        return {
            "pod": f"the {name}",
            "replica": f"the {name} replica spec",
            "root": "the top level of the MPIJob",
        }.get(kind, name)
    if kind in ("container", "pod"):
        return f"{_dotted(rest)} of {'the ' if kind == 'pod' else ''}{name}"
    return _label(root, path)


def _node_at(root: Node, path: Path) -> Node | None:
    node: Node | None = root
    for part in path:
        if isinstance(part, int):
            is_item = isinstance(node, SequenceNode) and part < len(node.value)
            node = node.value[part] if isinstance(node, SequenceNode) and is_item else None
        else:
            node = get(node, part)
    return node
