"""A small JSON Schema validator that walks YAML nodes, for the MPIJob schemas in ``schemas/``.

Why not jsonschema: importing it costs more than a whole pre-commit run should, and it validates
Python values, which have lost what rules need: *where* each value is and *how* it was written
(``"2"`` is a string to Kubernetes, ``2`` a number; ``y`` is a boolean to go-yaml). This module
implements exactly the keywords the MPIJob schemas use (type, enum, const, minimum, required,
properties, additionalProperties, items, minItems, ``$ref`` into ``$defs``) and the tests check
that it agrees with jsonschema on many instances.

Two Kubernetes facts shape it: a mapping value that is null counts as absent (the API server
prunes nulls before validating a custom resource), and a scalar whose JSON type cannot be known
(a custom tag, a timestamp) is not judged at all. Nor is a value that is still a template
expression: unquoted, ``{{ .x }}`` is a mapping to YAML, but what it will be is only known once
rendered (``yamlsource.template_source``).

Validation runs once per MPIJob and used to cost as much as parsing the YAML, so each schema is
compiled once into ``_Rule`` objects: ``$ref`` resolved, only the keywords present kept, and
values that need nothing but a type check (most of them) checked inline by their parent.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping

from mpilint.core import packagedata
from mpilint.core.records import Record
from mpilint.sources.kubevalues import MAYBE_NOT_STRING, kube_bool, kube_type, kube_value
from mpilint.sources.yamlsource import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    mapping_items,
    scalar_type,
    template_source,
)

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:
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

# Types and values are mpilint.sources.kubevalues' (go-yaml v2's reading of each scalar);
# tests/test_schemacheck_speed_equivalence.py checks json_type against yamlsource.scalar_type.
_YAML11 = "tag:yaml.org,2002:"
_STR_TAG = _YAML11 + "str"
_NULL_TAG = _YAML11 + "null"
_TEMPLATE = "_mpilint_template"  # yamlsource's mark of an unrendered `{{ .x }}` mapping


class Problem(Record):
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
    text = packagedata.read_text("mpilint.schemas", f"mpijob-{version}.schema.json")
    data: dict[str, Any] = json.loads(text)
    return data


def validate(root: Node, schema: Schema) -> list[Problem]:
    """Every problem of a document against a schema, in document order.

    A schema is compiled the first time it is seen and must not change afterwards."""
    found: list[Problem] = []
    _compiled(schema).check(root, (), root, found)
    return found


def json_type(node: Node) -> str | None:
    """The JSON type Kubernetes sees; None when it cannot be known."""
    kind = kube_type(node)
    return None if kind == "other" else kind


def scalar_value(node: Node) -> object:
    """The JSON value of a scalar as Kubernetes reads it (``mpilint.sources.kubevalues``); None when
    it cannot be read, and for null."""
    if not isinstance(node, ScalarNode):
        return None
    kind, value = kube_value(node)
    return value if kind in ("string", "integer", "number", "boolean") else None


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
        truth = "true" if kube_bool(node) else "false"
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


def _integral(node: Node) -> bool:
    """2.0 is the integer 2 in JSON Schema, as in Kubernetes."""
    value = scalar_value(node)
    return isinstance(value, float) and math.isfinite(value) and value.is_integer()


def _same(value: object, wanted: object) -> bool:
    """JSON equality: true is not 1, 1.0 is 1."""
    if isinstance(value, bool) or isinstance(wanted, bool):
        return isinstance(value, bool) and isinstance(wanted, bool) and value == wanted
    return value == wanted


# ---------------------------------------------------------------- compiled schemas

# Compiled rules by id of the root schema; the schema is kept with them so that its id cannot
# be reused by another dict while the entry lives. A few roots are ever used (two MPIJob
# versions, the configuration), so a small bound only guards against callers building schemas.
_COMPILED: dict[int, tuple[Schema, _Rule]] = {}
_MAX_COMPILED = 16


def _compiled(schema: Schema) -> _Rule:
    entry = _COMPILED.get(id(schema))
    if entry is not None and entry[0] is schema:
        return entry[1]
    rule = _Compiler(schema).rule(schema)
    if len(_COMPILED) >= _MAX_COMPILED:
        _COMPILED.clear()
    _COMPILED[id(schema)] = (schema, rule)
    return rule


def _resolve(schema: Schema, root: Schema) -> Schema:
    while "$ref" in schema:
        reference: str = schema["$ref"]
        if not reference.startswith("#/$defs/"):
            raise ValueError(f"unsupported $ref {reference}")
        schema = root["$defs"][reference[len("#/$defs/") :]]
    return schema


class _Compiler:
    def __init__(self, root: Schema) -> None:
        self.root = root
        self.rules: dict[int, _Rule] = {}  # by id of the resolved schema: $refs share a rule

    def rule(self, schema: Schema) -> _Rule:
        try:
            resolved = _resolve(schema, self.root)
        except Exception:
            # A $ref that cannot be followed fails when a value reaches it, not before: a part
            # of the schema no document uses must not break the others.
            return _Unresolved(schema, self.root)
        rule = self.rules.get(id(resolved))
        if rule is None:
            rule = self.rules[id(resolved)] = _Rule(resolved)
            rule.link(self)  # after registering: a schema may refer to itself
        return rule


class _Rule:
    """One resolved schema, reduced to the checks its keywords ask for.

    ``leaf`` rules ask for a type at most: walks check those values without a call, and
    ``accept`` (the JSON types that pass outright) is None when any type is fine.
    """

    __slots__ = (
        "accept", "checks_value", "const", "enum", "enum_strings", "extra", "integral", "items",
        "leaf", "min_items", "minimum", "options", "properties", "required", "schema",
        "takes_strings", "walks_mapping", "walks_objects", "walks_sequence",
    )  # fmt: skip

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        wanted = schema.get("type")
        self.options: list[str] = []
        self.accept: frozenset[str] | None = None
        self.integral = False  # an integer is wanted but not any number: 2.0 passes too
        self.takes_strings = False
        if wanted is not None:
            self.options = [wanted] if isinstance(wanted, str) else list(wanted)
            accept = set(self.options)
            if "number" in accept:
                accept.add("integer")
            self.accept = frozenset(accept)
            self.integral = "integer" in accept and "number" not in accept
            self.takes_strings = "string" in accept
        self.const: object = schema.get("const")
        self.enum: list[object] | None = schema.get("enum")
        self.enum_strings: frozenset[str] | None = None
        if self.enum is not None and all(type(option) is str for option in self.enum):
            self.enum_strings = frozenset(self.enum)
        self.checks_value = "const" in schema or self.enum is not None
        self.minimum: Any = schema.get("minimum")
        self.required: tuple[str, ...] = tuple(schema.get("required", ()))
        self.min_items: Any = schema.get("minItems")
        self.properties: dict[str, _Rule] = {}
        self.extra: _Rule | bool = False  # a rule, False (refused) or True (anything goes)
        self.items: _Rule | None = None
        extra = schema.get("additionalProperties", True)
        self.walks_mapping = bool(
            schema.get("properties")
            or self.required
            or extra is False
            or isinstance(extra, Mapping)
        )
        self.walks_sequence = self.min_items is not None or schema.get("items") is not None
        self.leaf = not (
            self.checks_value
            or self.minimum is not None
            or self.walks_mapping
            or self.walks_sequence
        )
        # All that check does with a mapping is check_mapping: walks call that directly.
        self.walks_objects = (
            self.walks_mapping
            and not self.checks_value
            and (self.accept is None or "object" in self.accept)
        )

    def link(self, compiler: _Compiler) -> None:
        schema = self.schema
        properties: Mapping[str, Schema] = schema.get("properties", {})
        self.properties = {name: compiler.rule(value) for name, value in properties.items()}
        extra = schema.get("additionalProperties", True)
        self.extra = compiler.rule(extra) if isinstance(extra, Mapping) else extra is not False
        items = schema.get("items")
        self.items = compiler.rule(items) if items is not None else None

    def check(self, node: Node, path: Path, anchor: Node, found: list[Problem]) -> None:
        cls = node.__class__
        kind = (
            "object" if cls is MappingNode else "array" if cls is SequenceNode else json_type(node)
        )
        if kind is None and isinstance(node, ScalarNode):
            return  # a custom tag or a timestamp: Kubernetes' view of it is not ours to guess
        if kind in ("object", "array") and template_source(node) is not None:
            return  # an unrendered `{{ .x }}`: unknown until rendered
        accept = self.accept
        if (
            accept is not None
            and kind not in accept
            and not (self.integral and kind == "number" and _integral(node))
        ):
            self.type_error(node, path, anchor, found)
            return
        if self.checks_value:
            self.check_value(node, path, anchor, found)
        if isinstance(node, ScalarNode):
            if self.minimum is not None:
                self.check_minimum(node, path, anchor, found)
        elif isinstance(node, MappingNode):
            if self.walks_mapping:
                self.check_mapping(node, path, anchor, found)
        elif isinstance(node, SequenceNode) and self.walks_sequence:
            self.check_sequence(node, path, anchor, found)

    def check_leaf(self, node: Node, path: Path, anchor: Node, found: list[Problem]) -> None:
        """``check`` for a leaf rule, inlined by walks for the common case of a passing value."""
        kind = json_type(node)
        if kind is None and isinstance(node, ScalarNode):
            return
        if kind in ("object", "array") and template_source(node) is not None:
            return  # an unrendered `{{ .x }}` (a mapping to YAML): unknown until rendered
        if not (self.integral and kind == "number" and _integral(node)):
            self.type_error(node, path, anchor, found)

    def type_error(self, node: Node, path: Path, anchor: Node, found: list[Problem]) -> None:
        expected = " or ".join(_EXPECTED[o] for o in self.options)
        detail = f"must be {expected}; got {describe(node)}"
        found.append(Problem("type", node, anchor, path, self.schema, detail))

    def check_value(self, node: Node, path: Path, anchor: Node, found: list[Problem]) -> None:
        """const and enum; every const and enum value in the schemas is a scalar, so a list or
        a mapping never matches one."""
        schema = self.schema
        value = scalar_value(node) if isinstance(node, ScalarNode) else node
        if "const" in schema and not _same(value, self.const):
            detail = f"must be {json.dumps(self.const)}; got {describe(node)}"
            found.append(Problem("const", node, anchor, path, schema, detail))
        enum = self.enum
        if enum is None:
            return
        if self.enum_strings is not None:
            if isinstance(value, str) and value in self.enum_strings:
                return
        elif any(_same(value, option) for option in enum):
            return
        got = json.dumps(value) if isinstance(value, str) else describe(node)
        known = [str(option) for option in enum]
        found.append(
            Problem(
                "enum", node, anchor, path, schema,
                f"must be one of {', '.join(known)}; got {got}",
                suggestion=suggest(value, known) if isinstance(value, str) else None,
            )
        )  # fmt: skip

    def check_minimum(
        self, node: ScalarNode, path: Path, anchor: Node, found: list[Problem]
    ) -> None:
        value = scalar_value(node)
        minimum = self.minimum
        if isinstance(value, int | float) and not isinstance(value, bool) and value < minimum:
            wanted = "must not be negative" if minimum == 0 else f"must be at least {minimum}"
            detail = f"{wanted}; got {node.value}"
            found.append(Problem("minimum", node, anchor, path, self.schema, detail))

    def check_mapping(
        self, node: MappingNode, path: Path, anchor: Node, found: list[Problem]
    ) -> None:
        if _TEMPLATE in node.__dict__:
            return  # an unrendered `{{ .x }}` (see check)
        properties = self.properties
        extra = self.extra
        required = self.required
        present: set[str] = set()
        for key, value in mapping_items(node):
            if value.tag == _NULL_TAG and isinstance(value, ScalarNode):
                continue  # pruned by the API server: the same as not written
            name: str = key.value
            if required:
                present.add(name)
            rule = properties.get(name)
            if rule is None:
                if extra is True:
                    continue
                if extra is False:
                    self.unknown(node, name, key, path, found)
                    continue
                rule = extra
            if not rule.leaf:
                # Concatenation builds a path in half the time unpacking takes (no list between).
                child = path + (name,)  # noqa: RUF005
                if rule.walks_objects and value.__class__ is MappingNode:
                    rule.check_mapping(value, child, key, found)  # what check would do
                else:
                    rule.check(value, child, key, found)
            elif rule.accept is not None:
                # json_type inlined for the value most leaves hold: a string where one is wanted
                if (
                    value.__class__ is ScalarNode
                    and value.tag == _STR_TAG
                    and rule.takes_strings
                    and (value.style or value.value[:1] not in MAYBE_NOT_STRING)
                ):
                    continue
                if json_type(value) not in rule.accept:
                    rule.check_leaf(value, (*path, name), key, found)
        for name in required:
            if name not in present:
                found.append(
                    Problem("required", node, anchor, path, self.schema, f"has no {name}", name)
                )

    def unknown(
        self, node: MappingNode, name: str, key: Node, path: Path, found: list[Problem]
    ) -> None:
        schema = self.schema
        elsewhere: str | None = schema.get("x-mpilint-elsewhere", {}).get(name)
        suggestion = None if elsewhere else suggest(name, list(schema.get("properties", {})))
        found.append(
            Problem(
                "additionalProperties", node, key, path, schema,
                f"unknown field {json.dumps(name)}",
                field=name, suggestion=suggestion, elsewhere=elsewhere,
            )
        )  # fmt: skip

    def check_sequence(
        self, node: SequenceNode, path: Path, anchor: Node, found: list[Problem]
    ) -> None:
        minimum = self.min_items
        if minimum is not None and len(node.value) < minimum:
            wanted = "at least one item" if minimum == 1 else f"at least {minimum} items"
            detail = f"must list {wanted}; it has {len(node.value) or 'none'}"
            found.append(Problem("minItems", node, anchor, path, self.schema, detail))
        rule = self.items
        if rule is None:
            return
        if not rule.leaf:
            walks_objects = rule.walks_objects
            for index, item in enumerate(node.value):
                child = path + (index,)  # noqa: RUF005 (as in check_mapping)
                if walks_objects and item.__class__ is MappingNode:
                    rule.check_mapping(item, child, item, found)  # what check would do
                else:
                    rule.check(item, child, item, found)
        elif rule.accept is not None:
            accept = rule.accept
            for index, item in enumerate(node.value):
                if json_type(item) not in accept:
                    rule.check_leaf(item, (*path, index), item, found)


class _Unresolved(_Rule):
    """A schema whose ``$ref`` cannot be followed: checking a value with it raises the error."""

    __slots__ = ("root",)

    def __init__(self, schema: Schema, root: Schema) -> None:
        super().__init__({})
        self.schema = schema
        self.root = root
        self.leaf = False

    def link(self, compiler: _Compiler) -> None:
        pass

    def check(self, node: Node, path: Path, anchor: Node, found: list[Problem]) -> None:
        _resolve(self.schema, self.root)
        raise AssertionError("unreachable: the schema did not resolve when compiled")
