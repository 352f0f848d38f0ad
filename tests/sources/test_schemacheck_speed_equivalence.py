"""What the compiled validator in ``mpilint/schemacheck.py`` must keep from the plain one.

``json_type`` reads tags itself rather than calling ``yamlsource.scalar_type`` (it runs for every
value of every document), so the two must not drift apart; and rules read ``x-mpilint-*`` keys
from ``Problem.schema``, so it must be the schema's own dict, not a copy made when compiling.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mpilint.sources.schemacheck import (
    VERSIONS,
    Problem,
    _Compiler,
    _Rule,
    json_type,
    load_schema,
    validate,
)
from mpilint.sources.yamlsource import get_str, parse_yaml, scalar_type
from tests.harness import REPO
from tests.sources.test_schemacheck import BASE, _mutate

_KINDS = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "null": "null"}
_VALUES = ["y", "Y", "n", "N", "yes", "true", "1", "1:30", "1:30.5", "0x1F", "2.0", ".inf", "~"]
_VALUES += ["", "2001-12-14", "a:b", "text", "!x", "1_000"]
_TAGS = ["", "!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!custom ", "!!timestamp "]
_STYLES = ["{}", "'{}'", '"{}"']


def _scalars() -> list[yaml.ScalarNode]:
    found = []
    for value, tag, style in itertools.product(_VALUES, _TAGS, _STYLES):
        text = f"key: {tag}{style.format(value)}\n"
        try:
            root = yaml.compose(text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            continue
        found.append(root.value[0][1])
    return found


@pytest.mark.parametrize("node", _scalars(), ids=lambda n: f"{n.tag}:{n.style}:{n.value}")
def test_json_type_agrees_with_scalar_type(node: yaml.ScalarNode) -> None:
    assert json_type(node) == _KINDS.get(scalar_type(node))


def test_json_type_of_collections_ignores_their_tags() -> None:
    root = yaml.compose("a: !x {b: 1}\nc: !!null [1]\n", Loader=yaml.CSafeLoader)
    assert [json_type(value) for _, value in root.value] == ["object", "array"]


def test_problems_carry_the_schemas_own_dicts() -> None:
    text = "apiVersion: kubeflow.org/v2beta1\nkind: MPIJob\nspec:\n  mpiReplicaSpecs:\n"
    text += "    Worker: {template: {spec: {containers: [{name: w}]}}}\n"
    (document,) = parse_yaml(text).documents
    schema = load_schema("v2beta1")
    (problem,) = validate(document.root, schema)
    assert (problem.keyword, problem.field) == ("required", "image")
    assert problem.schema is schema["$defs"]["container"]


def test_a_broken_ref_fails_only_where_a_value_reaches_it() -> None:
    schema = {"properties": {"a": {"$ref": "#/definitions/x"}, "b": {"type": "string"}}}
    root = yaml.compose("b: 1\n", Loader=yaml.CSafeLoader)
    assert [p.path for p in validate(root, schema)] == [("b",)]
    with pytest.raises(ValueError, match="unsupported"):
        validate(yaml.compose("a: 1\n", Loader=yaml.CSafeLoader), schema)


# ---------------------------------------------------------------- walks that skip a step

# Walks call check_mapping straight for a mapping (``walks_objects``) and pass a string where a
# rule takes strings without json_type (``takes_strings``). With both off, every value takes
# the general way through ``check``: the problems must be the same, in the same order.

_ODD_SCALARS = st.sampled_from(
    [
        "y", "n", "Y", "N", "'y'", '"n"', "yes", "1:30", "'1:30'", "~", "null", "''", "2", "'2'",
        "!!str 2", "!custom x", "2001-12-14", "[]", "{}", "{a: y}", "[y, 2]", "!!null ''",
    ]
)  # fmt: skip


def _general(rule: Any, seen: set[int] | None = None) -> Any:
    """Switch the short ways off on every rule of a freshly compiled schema."""
    seen = set() if seen is None else seen
    if id(rule) in seen:
        return rule
    seen.add(id(rule))
    rule.walks_objects = False
    rule.takes_strings = False
    for child in [*rule.properties.values(), rule.extra, rule.items]:
        if isinstance(child, _Rule):
            _general(child, seen)
    return rule


def _both_ways(version: str, root: Any) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    schema = load_schema(version)
    fast = _Compiler(schema).rule(schema)
    general = _general(_Compiler(schema).rule(schema))
    results = []
    for rule in (fast, general):
        found: list[Problem] = []
        rule.check(root, (), root, found)
        results.append(
            [(p.keyword, p.path, p.detail, p.field, id(p.node), id(p.anchor)) for p in found]
        )
    return results[0], results[1]


@pytest.mark.parametrize("version", VERSIONS)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_short_ways_find_what_the_general_way_finds(version: str, data: st.DataObject) -> None:
    document = _mutate(yaml.safe_load(BASE[version]), data)
    text = yaml.safe_dump(document, sort_keys=False)
    # go-yaml's booleans, quoted and tagged values put in as written, not as PyYAML dumps them
    lines = text.splitlines()
    for _ in range(data.draw(st.integers(0, 4))):
        index = data.draw(st.integers(0, len(lines) - 1))
        head, colon, _ = lines[index].partition(": ")
        if colon:
            lines[index] = f"{head}: {data.draw(_ODD_SCALARS)}"
    parsed = parse_yaml("\n".join(lines) + "\n")
    for document_node in parsed.documents:
        fast, general = _both_ways(version, document_node.root)
        assert fast == general


def test_the_realistic_jobs_find_the_same_both_ways() -> None:
    files = sorted((REPO / "tests" / "realistic").rglob("*.y*ml"))
    checked = 0
    for path in files:
        for document_node in parse_yaml(path.read_text(encoding="utf-8")).documents:
            version = (get_str(document_node.root, "apiVersion") or "").rpartition("/")[2]
            if version in VERSIONS:
                fast, general = _both_ways(version, document_node.root)
                assert fast == general
                checked += 1
    assert checked > 10


_ODD_SCHEMAS = [
    {"type": "string", "properties": {"a": {"type": "string"}}},
    {"enum": ["x"], "properties": {"a": {"type": "integer"}}},
    {"const": 1, "required": ["a"]},
    {"type": ["object", "string"], "additionalProperties": False},
    {"type": "object", "additionalProperties": {"type": "string", "properties": {"b": {}}}},
]


@pytest.mark.parametrize("schema", _ODD_SCHEMAS, ids=json.dumps)
@pytest.mark.parametrize(
    "text", ["v: {a: y, b: 2}", "v: [{a: 1}, {}, x]", "v: {a: {b: n}}", "v: y", "v: {}"]
)
def test_short_ways_keep_type_and_value_checks_of_odd_schemas(
    schema: dict[str, Any], text: str
) -> None:
    outer = {"properties": {"v": schema}, "additionalProperties": {"items": schema}}
    (document,) = parse_yaml(text + "\nw: [{a: 1}, n]\n").documents
    results = []
    for rule in (_Compiler(outer).rule(outer), _general(_Compiler(outer).rule(outer))):
        found: list[Problem] = []
        rule.check(document.root, (), document.root, found)
        results.append([(p.keyword, p.path, p.detail, id(p.node)) for p in found])
    assert results[0] == results[1]
