"""Which operator release a job will meet, and what that release's CRD accepts.

A cluster runs one release of mpi-operator (``kubeflow.org/v2beta1``) or of training-operator
(``kubeflow.org/v1``), not necessarily the newest. The API server keeps only the fields that
release's CRD lists: it drops the others, or refuses the job under strict field validation. The
shipped schemas (``schemas/mpijob-<version>.schema.json``) have the newest release's field lists;
``schemas/mpijob-<version>.releases.json`` says which release added each field not every release
has. Both are written by ``scripts/schemagen.py`` from the CRDs (``schemas/crds/SOURCES.yaml``).

For an older target the newest schema is copied once per run and release, each field the target
lacks taken out of its object, which is then closed (the object's field list is that release's
whole list, so nothing else could be there either) with a note that names the release that added
it: MPL106 reports it as an unknown field and says why. The releases file is read only when a
target other than the newest is asked for, so a run without ``target`` pays nothing.
"""

from __future__ import annotations

import functools
import json

from mpilint.core import packagedata
from mpilint.sources.schemacheck import load_schema

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Any

    Schema = dict[str, Any]

OPERATORS = {"mpi-operator": "v2beta1", "training-operator": "v1"}  # operator -> version served
OPERATOR_OF = {version: operator for operator, version in OPERATORS.items()}

# A target: (operator, release) pairs, sorted; an operator not named gets its newest release.
Target = tuple[tuple[str, str], ...]


class UnknownRelease(ValueError):
    """A release mpilint has no CRD facts for (older than the oldest it knows, or not a number)."""


@functools.cache
def facts(version: str) -> dict[str, Any]:
    """``mpijob-<version>.releases.json``: the releases known, served versions, added fields."""
    loaded: dict[str, Any] = json.loads(
        packagedata.read_text("mpilint.schemas", f"mpijob-{version}.releases.json")
    )
    return loaded


def newest(operator: str) -> str:
    """The newest release mpilint has a CRD of; the shipped schema is that release's. Read from
    the small releases file: every report names it, and most runs check one version or none."""
    release: str = facts(OPERATORS[operator])["releases"][-1]
    return release


def numbers(text: str) -> tuple[int, ...]:
    parts = text.removeprefix("v").split(".")
    if not 1 <= len(parts) <= 3 or not all(part.isdigit() for part in parts):
        raise UnknownRelease(f"{text!r} is not a release number (like 0.6.0)")
    return tuple(int(part) for part in parts) + (0,) * (3 - len(parts))


def resolve(operator: str, text: str) -> str:
    """The known release whose CRD a cluster running ``operator`` ``text`` has: the newest known
    release not after it (patch releases keep their minor release's CRD). A release newer than
    every known one gets the newest's facts."""
    if operator not in OPERATORS:
        raise UnknownRelease(f"unknown operator {operator!r} (known: {', '.join(OPERATORS)})")
    wanted = numbers(text)
    known = facts(OPERATORS[operator])["releases"]
    fitting = [release for release in known if numbers(release) <= wanted]
    if not fitting:
        raise UnknownRelease(
            f"{operator} {text} is older than the oldest release mpilint has the CRD of"
            f" ({known[0]}; known: {', '.join(known)})"
        )
    return str(fitting[-1])


def release_of(target: Target, version: str) -> str | None:
    """The release of the operator serving ``version`` the target names; None: the newest."""
    operator = OPERATOR_OF.get(version)
    for name, release in target:
        if name == operator:
            return release
    return None


def described(target: Target) -> dict[str, str]:
    """Each operator's release in force: the one named, else the newest (for the reports)."""
    named = dict(target)
    return {operator: named.get(operator, newest(operator)) for operator in OPERATORS}


def schema_for(version: str, release: str | None) -> Schema:
    """The schema of ``kubeflow.org/<version>`` as ``release``'s CRD has it."""
    shipped = load_schema(version)
    if release is None or release == shipped["x-mpilint-release"]["release"]:
        return dict(shipped)  # the same object would do; a dict keeps the type honest
    return _older(version, release)


@functools.cache
def _older(version: str, release: str) -> Schema:
    schema: Schema = dict(load_schema(version))
    schema["$defs"] = dict(schema["$defs"])  # the objects changed are copied as they are found
    operator = OPERATOR_OF[version]
    wanted = numbers(release)
    info = facts(version)
    for key, fields in info["added"].items():
        node = _writable(schema, key)
        for name, added in fields.items():
            if numbers(added) <= wanted or name not in node.get("properties", {}):
                continue
            del node["properties"][name]
            node["additionalProperties"] = False
            notes = node["x-mpilint-elsewhere"] = dict(node.get("x-mpilint-elsewhere", {}))
            notes[name] = (
                f"is not in the CRD of {operator} {release}, the target;"
                f" {operator} {added} added it. Remove it, or run {operator} {added} or later"
                f" and target it (--target {operator}={added})"
            )
    for key, fields in info["removed"].items():
        node = _writable(schema, key)
        for name, entry in fields.items():
            if numbers(entry["from"]) <= wanted < numbers(entry["removed"]):
                node.setdefault("properties", {})[name] = {"type": entry["type"]}
    schema["x-mpilint-release"] = {"operator": operator, "release": release}
    return schema


def _writable(schema: Schema, key: str) -> Schema:
    """The object ``key`` names, copied into ``schema`` (a shallow copy of the shipped one, whose
    objects the validator has compiled and which must not change): a ``$defs`` entry is copied
    with its field list; one further down, its whole ``$defs`` entry (none is, today)."""
    head = key.partition(".")[0].partition("[")[0]
    if head == "#":
        schema["properties"] = dict(schema["properties"])
        node = schema
    elif head == key:
        node = schema["$defs"][head] = dict(schema["$defs"][head])
        node["properties"] = dict(node.get("properties", {}))
        return node
    else:
        import copy

        schema["$defs"][head] = copy.deepcopy(schema["$defs"][head])
    return _node_at(schema, key)


def _node_at(schema: Schema, key: str) -> Schema:
    """The object ``scripts/schemagen.py`` names ``key``: a ``$defs`` name (or ``#``, the top
    level), then ``.field``, ``[]`` (items) and ``.*`` (additionalProperties) steps."""
    head, _, rest = key.partition(".")
    if "[" in head:
        head, bracket, more = head.partition("[")
        rest = bracket + more + ("." + rest if rest else "")
    node = schema if head == "#" else schema["$defs"][head]
    for step in _steps(rest):
        node = (
            node["items"]
            if step == "[]"
            else (node["additionalProperties"] if step == "*" else node["properties"][step])
        )
        while "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _steps(rest: str) -> list[str]:
    steps: list[str] = []
    for part in rest.split(".") if rest else []:
        name, _, brackets = part.partition("[")
        if name:
            steps.append(name)
        steps.extend("[]" for _ in range(brackets.count("]")))
    return steps
