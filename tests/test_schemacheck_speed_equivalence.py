"""What the compiled validator in ``mpilint/schemacheck.py`` must keep from the plain one.

``json_type`` reads tags itself rather than calling ``yamlsource.scalar_type`` (it runs for every
value of every document), so the two must not drift apart; and rules read ``x-mpilint-*`` keys
from ``Problem.schema``, so it must be the schema's own dict, not a copy made when compiling.
"""

from __future__ import annotations

import itertools

import pytest
import yaml

from mpilint.schemacheck import json_type, load_schema, validate
from mpilint.yamlsource import parse_yaml, scalar_type

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
