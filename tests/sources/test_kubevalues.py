"""How Kubernetes reads a YAML scalar, pinned case by case with where each answer comes from.

The API server turns YAML into JSON with sigs.k8s.io/yaml ``YAMLToJSON`` (yaml.go), which
unmarshals with go-yaml v2 into ``interface{}`` and ``json.Marshal``\\s the result. Sources:
``resolve.go`` (branch v2 of github.com/go-yaml/yaml): ``resolveMapList``, ``resolveTable``,
``resolve()`` with ``strconv.ParseInt(plain, 0, 64)`` and ``yamlStyleFloat``; ``decode.go``
``scalar()`` (timestamps stay text). The model (mpijob) and the schema check read each case
through ``mpilint.sources.kubevalues`` and must agree with each other.
"""

from __future__ import annotations

import math

import pytest
import yaml

from mpilint.models.mpijob import read_mpijob
from mpilint.sources.kubevalues import kube_bool, kube_int, kube_type, kube_value
from mpilint.sources.schemacheck import load_schema, validate
from mpilint.sources.yamlsource import parse_yaml, scalar_type

# (as written after "key: ", JSON type, value, where the answer comes from)
CASES = [
    ("010", "integer", 8, "resolve(): ParseInt(plain, 0, 64), base 0: leading 0 is octal"),
    ("0x1F", "integer", 31, "resolve(): ParseInt base 0: 0x is hexadecimal"),
    ("1_000", "integer", 1000, 'resolve(): plain := strings.Replace(in, "_", "", -1)'),
    ("+1", "integer", 1, "resolveTable '+' is a sign hint; ParseInt takes the sign"),
    (".5", "number", 0.5, "resolveTable '.' hint: strconv.ParseFloat(in, 64)"),
    ("~", "null", None, 'resolveMapList: "", ~, null, Null, NULL'),
    ("Y", "boolean", True, "resolveMapList: y, Y, yes, Yes, YES (PyYAML: a string)"),
    ("on", "boolean", True, "resolveMapList: on, On, ON"),
    ('"2"', "string", "2", "quoted: the parser tags it !!str; resolve() keeps !!str"),
    ("0o10", "integer", 8, "resolve(): ParseInt base 0 reads 0o (PyYAML: a string)"),
    ("1e3", "number", 1000.0, "resolve(): yamlStyleFloat, exponent without dot or sign"),
    ("-0", "integer", 0, 'resolve(): ParseInt("-0") is 0'),
    ("0b101", "integer", 5, "resolve(): ParseInt base 0 reads 0b"),
    ("1:30", "string", "1:30", "resolve(): base 60 'purposefully unsupported' (PyYAML: 90)"),
    ("NULL", "null", None, "resolveMapList: NULL"),
    ("Off", "boolean", False, "resolveMapList: off, Off, OFF"),
    ("", "null", None, 'resolveMapList: "" is null (an empty value)'),
    ("08", "number", 8.0, "resolve(): not octal for ParseInt, then yamlStyleFloat"),
    ("+.5", "number", 0.5, "resolve(): yamlStyleFloat [-+]?(\\.[0-9]+...) (PyYAML: a string)"),
    ("1:30.5", "string", "1:30.5", "resolve(): no base 60 floats either (PyYAML: 90.5)"),
    ("2024-01-01", "string", "2024-01-01", "decode.go scalar(): a timestamp stays its text"),
    ("18446744073709551616", "number", 2.0**64, "resolve(): past ParseUint, yamlStyleFloat"),
    ("n", "boolean", False, "resolveMapList: n, N, no, No, NO"),
    ("tRUE", "string", "tRUE", "resolveMapList has true, True, TRUE only"),
    ("!!str 010", "string", "010", "resolve(): 'Any data is accepted as a !!str'"),
    ('!!int "3"', "integer", 3, "resolve(tag, in): a quoted scalar resolved under its tag"),
]


def _node(text: str) -> yaml.Node:
    (document,) = parse_yaml(f"key: {text}\n").documents
    return document.root.value[0][1]


@pytest.mark.parametrize(("text", "kind", "value", "source"), CASES, ids=[c[0] for c in CASES])
def test_kubernetes_reading(text: str, kind: str, value: object, source: str) -> None:
    node = _node(text)
    assert kube_type(node) == kind, source
    assert kube_value(node) == (kind, value), source
    assert kube_bool(node) == (value if kind == "boolean" else None)
    whole = isinstance(value, float) and value.is_integer()
    assert kube_int(node) == (value if kind == "integer" else int(value) if whole else None)  # type: ignore[arg-type]


def test_infinity_and_nan_are_numbers_json_cannot_carry() -> None:
    assert kube_value(_node(".inf")) == ("number", math.inf)
    assert kube_value(_node("-.INF")) == ("number", -math.inf)
    assert math.isnan(kube_value(_node(".NaN"))[1])  # type: ignore[arg-type]
    assert kube_int(_node(".inf")) is None


def test_numbers_past_every_go_type_are_strings() -> None:
    # ParseInt and ParseUint fail on range, and ParseFloat returns ErrRange past float64
    assert kube_value(_node("1" * 5000)) == ("string", "1" * 5000)
    assert kube_value(_node("1e999")) == ("string", "1e999")
    assert kube_value(_node("-9223372036854775809"))[0] == "number"


def test_yamlsource_types_are_the_same_reading() -> None:
    short = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
    for text, kind, _value, _source in CASES:
        assert scalar_type(_node(text)) == short.get(kind, kind), text


JOB = """\
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata: {{name: job}}
spec:
  slotsPerWorker: {value}
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template: {{spec: {{containers: [{{name: l, image: i}}]}}}}
    Worker:
      replicas: 2
      template: {{spec: {{containers: [{{name: w, image: i}}]}}}}
"""


@pytest.mark.parametrize(("text", "kind", "value", "source"), CASES, ids=[c[0] for c in CASES])
def test_the_model_and_the_schema_check_agree(
    text: str, kind: str, value: object, source: str
) -> None:
    """slotsPerWorker (an integer, at least 1... or absent) through both readers: the model
    knows a count exactly when the schema check takes the value as an integer."""
    (document,) = parse_yaml(JOB.format(value=text)).documents
    job = read_mpijob(document.root, 0)
    assert job is not None
    problems = [
        p
        for p in validate(document.root, load_schema("v2beta1"))
        if p.path == ("spec", "slotsPerWorker")
    ]
    if kind == "null":
        assert job.slots_per_worker == 1  # pruned by the API server: the default
        assert problems == []
    elif job.slots_per_worker is None:
        assert [p.keyword for p in problems] == ["type"], source
    else:
        assert problems == [] or [p.keyword for p in problems] == ["minimum"], source
        assert job.slots_per_worker == kube_int(_node(text))
    if text == "010":
        assert job.slots_per_worker == 8  # once unknown to the model, 8 to the schema check
