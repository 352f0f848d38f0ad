"""MPL105 invalid-field: a field of the wrong type, a value outside its enum, a negative count, a
missing required field, or an apiVersion that no maintained operator serves.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from mpilint.core.findings import Edit, Fix
from mpilint.core.textpos import Offsets
from mpilint.ruleapi import Hit, Manifest
from mpilint.ruleapi.fixes import certain_name, replace_scalar
from mpilint.ruleapi.schemafields import anchor_span, label_of, problems_of, split_path
from mpilint.sources.schemacheck import Path, Problem, scalar_value
from mpilint.sources.yamlsource import Node, ScalarNode, get, scalar_type, span_of

# Who refuses a bad value, by the schema's x-mpilint-effect (the API server unless it says).
_EFFECTS = {
    "apiserver": "the API server rejects the MPIJob",
    "operator": "the operator refuses the job when it reconciles it (only an event says why)"
    " and starts no pods",
    "pods": "Kubernetes refuses to create the job's pods",
    "unchecked": "nothing checks it, and the operator does not expect such a value",
}
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")  # no leading zero: YAML would read 010 as 8


def check(subject: Manifest) -> Iterator[Hit]:
    retired = _retired_version(subject)
    if retired is not None:
        yield retired
    problems = problems_of(subject)
    # A mapping holding a misplaced field (containers straight under Worker) lacks what that
    # field should have been in: MPL106 already says where it belongs, once is enough.
    misplaced = {id(p.node) for p in problems if p.elsewhere}
    for problem in problems:
        if problem.keyword == "additionalProperties":
            continue
        if problem.keyword == "type" and problem.schema.get("x-mpilint-reported-by"):
            continue  # MPL101 reports non-strings in command, args and env values
        if problem.keyword == "required" and (id(problem.node) in misplaced or subject.job.partial):
            continue  # a kustomize patch writes only what it changes: its base has the rest
        yield _invalid_hit(subject, problem)


def _retired_version(subject: Manifest) -> Hit | None:
    """v1alpha1 and v1alpha2 (domain notes C13): one finding for the version, at apiVersion. What
    does not depend on the operator (names, MPL107; non-string values, MPL101) is still
    checked; the schemas, which are the maintained CRDs', are not applied to these versions."""
    job = subject.job
    if job.version not in _RETIRED:
        return None
    node = get(job.root, "apiVersion")
    return Hit(
        span_of(node) if node is not None else anchor_span(job.root),
        f"kubeflow.org/{job.version} is served by no maintained operator: mpi-operator serves"
        " only kubeflow.org/v2beta1 since v0.4.0, training-operator only kubeflow.org/v1, and"
        f" {job.version} was served only by mpi-operator v0.3.0 and earlier. On a cluster with a"
        " maintained operator the MPIJob CRD does not serve this version, so the manifest cannot"
        " be applied. Move the job to kubeflow.org/v2beta1 (fields and defaults differ: see"
        " mpi-operator's v2beta1 API)",
    )


_RETIRED = ("v1alpha1", "v1alpha2")


def _invalid_hit(subject: Manifest, problem: Problem) -> Hit:
    root = subject.job.root
    effect = _EFFECTS[_effect(problem)]
    fix = None
    if problem.keyword == "required":
        text = f"{_subject(root, problem.path)} has no {problem.field}: {effect}."
        text += f" Add {problem.field}"
    else:
        text = f"{label_of(root, problem.path)} {problem.detail}: {effect}"
        advice, fix = _advice(subject, problem)
        if advice:
            text += f". {advice}"
    # A missing field is pointed at by its parent's key; a wrong value by the value itself.
    where = problem.anchor if problem.keyword == "required" else problem.node
    return Hit(anchor_span(where), text, fix=fix)


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
            return f"Did you mean {json.dumps(problem.suggestion)}?", _enum_fix(subject, problem)
        return None, None
    if problem.keyword != "type" or not isinstance(node, ScalarNode):
        return None, None
    single_line = node.start_mark.line == node.end_mark.line
    wanted = problem.schema.get("type")
    options = [wanted] if isinstance(wanted, str) else list(wanted or ())
    kind = scalar_type(node)
    bare = _unquoted(node, options) if kind == "str" and single_line else None
    written = Offsets(subject.text).text_of(span_of(node))
    if bare is not None and written == f"{node.style}{node.value}{node.style}":
        edit = Edit(subject.file, span_of(node), bare)
        return f"Write {bare} without quotes", Fix(f"unquote it: {bare}", (edit,))
    if "string" in options and kind in ("int", "float", "bool") and single_line:
        quoted = json.dumps(node.value)
        if not node.style and written == node.value:
            edit = Edit(subject.file, span_of(node), quoted)
            return f"Quote it: {quoted}", Fix(f"quote it: {quoted}", (edit,))
    return None, None


def _enum_fix(subject: Manifest, problem: Problem) -> Fix | None:
    """The enum value meant, when only one is close (``running`` → ``Running``)."""
    value = scalar_value(problem.node)
    known = [v for v in problem.schema.get("enum", ()) if isinstance(v, str)]
    if not isinstance(value, str) or not known:
        return None
    meant = certain_name(value, known)
    if meant is None or meant != problem.suggestion:
        return None
    return replace_scalar(subject, problem.node, meant, f"write {json.dumps(meant)}")


def _unquoted(node: ScalarNode, options: list[str]) -> str | None:
    """The text of a quoted number or boolean, when writing it bare gives the wanted type."""
    if node.style not in ("'", '"'):
        return None
    if "integer" in options and _INTEGER.fullmatch(node.value):
        return str(node.value)
    if "boolean" in options and node.value in ("true", "false"):
        return str(node.value)
    return None


def _subject(root: Node, path: Path) -> str:
    """An object's name at the start of a sentence: "container 0 of Worker has no name"."""
    kind, name, rest = split_path(root, path)
    if not rest:
        return {"pod": f"the {name}", "replica": f"the {name} replica spec"}.get(kind, name)
    return label_of(root, path)
