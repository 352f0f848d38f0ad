"""MPL106 unknown-field: a field the API version does not have, misspelled, misplaced, or from
another MPIJob version.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from mpilint.core.findings import Fix
from mpilint.ruleapi import Hit, Manifest
from mpilint.ruleapi.fixes import certain_name, replace_scalar
from mpilint.ruleapi.schemafields import anchor_span, dotted, label_of, problems_of, split_path
from mpilint.sources.schemacheck import Path, Problem
from mpilint.sources.yamlsource import MappingNode, Node, get

# What is wrong comes first and what to do last, as in every message: the text report shows the
# last sentence first (mpilint/report/sentences.py).
_UNKNOWN_EFFECT = (
    "the API server rejects it under kubectl's default strict field validation, and otherwise"
    " drops it silently, so the setting has no effect"
)


def check(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    for problem in problems_of(subject):
        if problem.keyword != "additionalProperties":
            continue
        where = _container_of(job.root, problem.path)
        text = f"unknown field {json.dumps(problem.field)} in {where}: {_UNKNOWN_EFFECT}."
        if problem.elsewhere:
            text += f" {json.dumps(problem.field)} {problem.elsewhere}"
        elif problem.suggestion:
            text += f" Did you mean {json.dumps(problem.suggestion)}?"
        else:
            text += " Remove it, or check its indentation"
        yield Hit(anchor_span(problem.anchor), text, fix=_rename(subject, problem))


def _rename(subject: Manifest, problem: Problem) -> Fix | None:
    """The field renamed to the one known field of that level it is close to, unless the
    mapping already has that field (two keys would be MPL002, and which value is meant is
    a person's call)."""
    if problem.elsewhere or not problem.suggestion or problem.field is None:
        return None
    known = list(problem.schema.get("properties", {}))
    meant = certain_name(problem.field, known)
    if meant != problem.suggestion or get(problem.node, meant) is not None:
        return None
    if not isinstance(problem.node, MappingNode) or all(
        key is not problem.anchor for key, _ in problem.node.value
    ):
        return None  # a key merged in (<<) from another mapping, which others may use
    return replace_scalar(subject, problem.anchor, meant, f"rename it {meant}")


def _container_of(root: Node, path: Path) -> str:
    """Where an unknown field sits: "spec", "runPolicy", "container 0 (worker) of Worker"."""
    kind, name, rest = split_path(root, path)
    if not rest:
        return {
            "pod": f"the {name}",
            "replica": f"the {name} replica spec",
            "root": "the top level of the MPIJob",
        }.get(kind, name)
    if kind in ("container", "pod"):
        return f"{dotted(rest)} of {'the ' if kind == 'pod' else ''}{name}"
    return label_of(root, path)
