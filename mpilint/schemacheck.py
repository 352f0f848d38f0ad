"""A small JSON Schema validator that walks YAML nodes, for the MPIJob schemas in ``schemas/``.

Why not jsonschema: importing it costs more than a whole pre-commit run should, and it validates
Python values, which have lost what rules need: *where* each value is and *how* it was written
(``"2"`` is a string to Kubernetes, ``2`` a number; ``y`` is a boolean to go-yaml). This module
implements exactly the keywords the MPIJob schemas use (type, enum, const, minimum, required,
properties, additionalProperties, items, minItems, ``$ref`` into ``$defs``) and the tests check
that it agrees with jsonschema on many instances.

Two Kubernetes facts shape it: a mapping value that is null counts as absent (the API server
prunes nulls before validating a custom resource), and a scalar whose JSON type cannot be known
(a custom tag, a timestamp) is not judged at all.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from mpilint.yamlsource import MappingNode, Node, ScalarNode, SequenceNode, pairs, scalar_type

Schema = Mapping[str, Any]
Path = tuple[str | int, ...]

VERSIONS = ("v2beta1", "v1")

_EXPECTED = {
    "integer": "an integer",
    "number": "a number",
    "string": "a string",
    "boolean": "true or false",
    "object": "a mapping",
    "array": "a list",
    "null": "empty",
}
_YAML_TRUE = frozenset({"true", "yes", "on", "y"})


@dataclass(frozen=True)
class Problem:
    """One way a document breaks its schema.

    ``node`` is the offending value (for a missing or unknown field: the mapping that lacks or
    has it); ``anchor`` is where a person should look: the key of a mapping value or of an
    unknown field, the item itself in a list.
    ``detail`` is the message without its location, which the rule adds from ``path``.
    """

    keyword: str
    node: Node
    anchor: Node
    path: Path
    schema: Schema
    detail: str
    field: str | None = None  # the missing or unknown field
    suggestion: str | None = None  # a known field or value close to what was written
    elsewhere: str | None = None  # x-mpilint-elsewhere: where a misplaced field belongs


@functools.cache
def load_schema(version: str) -> Schema:
    """The schema for ``kubeflow.org/<version>``, read once from the installed package."""
    text = resources.files("mpilint.schemas").joinpath(f"mpijob-{version}.schema.json")
    data: dict[str, Any] = json.loads(text.read_text("utf-8"))
    return data


def validate(root: Node, schema: Schema) -> list[Problem]:
    """Every problem of a document against a schema, in document order."""
    found: list[Problem] = []
    _Walker(schema, found).check(root, schema, (), root)
    return found


def json_type(node: Node) -> str | None:
    """The JSON type Kubernetes sees; None when it cannot be known."""
    if isinstance(node, MappingNode):
        return "object"
    if isinstance(node, SequenceNode):
        return "array"
    kind = scalar_type(node)
    return {
        "str": "string",
        "int": "integer",
        "float": "number",
        "bool": "boolean",
        "null": "null",
    }.get(kind)


def scalar_value(node: Node) -> object:
    """The JSON value of a scalar as Kubernetes reads it; None when it cannot be read."""
    if not isinstance(node, ScalarNode):
        return None
    kind = scalar_type(node)
    if kind == "str":
        return node.value
    if kind == "bool":
        return node.value.lower() in _YAML_TRUE
    if kind == "int":
        return parse_int(node.value)
    if kind == "float":
        return parse_float(node.value)
    return None


def parse_int(text: str) -> int | None:
    """A YAML 1.1 integer: sign, underscores, 0b/0x prefixes and a leading-zero octal form."""
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    try:
        if digits[:2] in ("0b", "0B"):
            return sign * int(digits[2:], 2)
        if digits[:2] in ("0x", "0X"):
            return sign * int(digits[2:], 16)
        if len(digits) > 1 and digits.startswith("0"):
            return sign * int(digits[1:].lstrip("oO"), 8)
        return sign * int(digits, 10)
    except ValueError:
        return None


def parse_float(text: str) -> float | None:
    lowered = text.replace("_", "").lower()
    special = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}
    if lowered in special:
        return special[lowered]
    try:
        return float(lowered)
    except ValueError:
        return None  # YAML 1.1 sexagesimal floats (1:30.5): rare, and not judged


def describe(node: Node) -> str:
    """A value as a person would name it in a message: ``the string "2"``."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    kind = scalar_type(node)
    value = node.value
    if kind == "str":
        return f"the string {json.dumps(value)}"
    if kind in ("int", "float"):
        return f"the number {value}"
    if kind == "bool":
        truth = "true" if value.lower() in _YAML_TRUE else "false"
        if value.lower() == truth:
            return f"the boolean {value}"
        return f"{value}, which YAML reads as the boolean {truth}"
    if kind == "null":
        return "an empty value (null)"
    return repr(value)


def suggest(name: str, known: list[str]) -> str | None:
    """The known name the user most likely meant: same letters in another case first, then
    the closest spelling (difflib, on lower case, so ``SlotPerWorker`` finds ``slotsPerWorker``)."""
    import difflib

    lowered = {k.lower(): k for k in known}
    if name.lower() in lowered:
        return lowered[name.lower()]
    close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.75)
    return lowered[close[0]] if close else None


def _has_type(node: Node, wanted: str) -> bool:
    actual = json_type(node)
    if actual == wanted:
        return True
    if wanted == "number":
        return actual == "integer"
    if wanted == "integer" and actual == "number":
        value = scalar_value(node)  # 2.0 is the integer 2 in JSON Schema, as in Kubernetes
        return isinstance(value, float) and math.isfinite(value) and value.is_integer()
    return False


def _same(value: object, wanted: object) -> bool:
    """JSON equality: true is not 1, 1.0 is 1."""
    if isinstance(value, bool) or isinstance(wanted, bool):
        return isinstance(value, bool) and isinstance(wanted, bool) and value == wanted
    return value == wanted


class _Walker:
    def __init__(self, root_schema: Schema, found: list[Problem]) -> None:
        self.root_schema = root_schema
        self.found = found

    def resolve(self, schema: Schema) -> Schema:
        while "$ref" in schema:
            reference: str = schema["$ref"]
            if not reference.startswith("#/$defs/"):
                raise ValueError(f"unsupported $ref {reference}")
            schema = self.root_schema["$defs"][reference[len("#/$defs/") :]]
        return schema

    def report(self, keyword: str, node: Node, anchor: Node, path: Path, schema: Schema,
               detail: str, **extra: Any) -> None:  # fmt: skip
        self.found.append(Problem(keyword, node, anchor, path, schema, detail, **extra))

    def check(self, node: Node, schema: Schema, path: Path, anchor: Node) -> None:
        schema = self.resolve(schema)
        if isinstance(node, ScalarNode) and json_type(node) is None:
            return  # a custom tag or a timestamp: Kubernetes' view of it is not ours to guess
        if not self.check_type(node, schema, path, anchor):
            return
        self.check_value(node, schema, path, anchor)
        if isinstance(node, ScalarNode):
            self.check_minimum(node, schema, path, anchor)
        elif isinstance(node, MappingNode):
            self.check_mapping(node, schema, path, anchor)
        elif isinstance(node, SequenceNode):
            self.check_sequence(node, schema, path, anchor)

    def check_type(self, node: Node, schema: Schema, path: Path, anchor: Node) -> bool:
        wanted = schema.get("type")
        if wanted is None:
            return True
        options = [wanted] if isinstance(wanted, str) else list(wanted)
        if any(_has_type(node, option) for option in options):
            return True
        expected = " or ".join(_EXPECTED[o] for o in options)
        self.report("type", node, anchor, path, schema, f"must be {expected}; got {describe(node)}")
        return False

    def check_value(self, node: Node, schema: Schema, path: Path, anchor: Node) -> None:
        """const and enum; every const and enum value in the schemas is a scalar, so a list or
        a mapping never matches one."""
        value = scalar_value(node) if isinstance(node, ScalarNode) else node
        if "const" in schema and not _same(value, schema["const"]):
            self.report(
                "const", node, anchor, path, schema,
                f"must be {json.dumps(schema['const'])}; got {describe(node)}",
            )  # fmt: skip
        enum = schema.get("enum")
        if enum is not None and not any(_same(value, option) for option in enum):
            got = json.dumps(value) if isinstance(value, str) else describe(node)
            known = [str(option) for option in enum]
            self.report(
                "enum", node, anchor, path, schema,
                f"must be one of {', '.join(known)}; got {got}",
                suggestion=suggest(value, known) if isinstance(value, str) else None,
            )  # fmt: skip

    def check_minimum(self, node: ScalarNode, schema: Schema, path: Path, anchor: Node) -> None:
        value = scalar_value(node)
        minimum = schema.get("minimum")
        if (
            minimum is not None
            and isinstance(value, int | float)
            and not isinstance(value, bool)
            and value < minimum
        ):
            wanted = "must not be negative" if minimum == 0 else f"must be at least {minimum}"
            self.report("minimum", node, anchor, path, schema, f"{wanted}; got {node.value}")

    def check_mapping(self, node: MappingNode, schema: Schema, path: Path, anchor: Node) -> None:
        properties: Mapping[str, Schema] = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        present: set[str] = set()
        for name, key, value in pairs(node):
            if json_type(value) == "null":
                continue  # pruned by the API server: the same as not written
            present.add(name)
            if name in properties:
                self.check(value, properties[name], (*path, name), key)
            elif extra is False:
                self.unknown(node, name, key, path, schema)
            elif isinstance(extra, Mapping):
                self.check(value, extra, (*path, name), key)
        for name in schema.get("required", ()):
            if name not in present:
                self.report("required", node, anchor, path, schema, f"has no {name}", field=name)

    def unknown(self, node: MappingNode, name: str, key: Node, path: Path, schema: Schema) -> None:
        elsewhere: str | None = schema.get("x-mpilint-elsewhere", {}).get(name)
        suggestion = None if elsewhere else suggest(name, list(schema.get("properties", {})))
        self.report(
            "additionalProperties", node, key, path, schema,
            f"unknown field {json.dumps(name)}",
            field=name, suggestion=suggestion, elsewhere=elsewhere,
        )  # fmt: skip

    def check_sequence(self, node: SequenceNode, schema: Schema, path: Path, anchor: Node) -> None:
        minimum = schema.get("minItems")
        if minimum is not None and len(node.value) < minimum:
            wanted = "at least one item" if minimum == 1 else f"at least {minimum} items"
            self.report(
                "minItems", node, anchor, path, schema,
                f"must list {wanted}; it has {len(node.value) or 'none'}",
            )  # fmt: skip
        items = schema.get("items")
        if items is not None:
            for index, item in enumerate(node.value):
                self.check(item, items, (*path, index), item)
