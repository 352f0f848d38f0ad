"""How YAML values are typed and positioned, as Kubernetes reads them."""

from __future__ import annotations

import pytest

from mpilint.sources.yamlsource import (
    Node,
    get,
    offset_span,
    pairs,
    parse_yaml,
    scalar_type,
    span_of,
)


def _value(text: str) -> Node:
    (document,) = parse_yaml(f"v: {text}\n").documents
    value = get(document.root, "v")
    assert value is not None
    return value


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2", "int"),
        ('"2"', "str"),
        ("'2'", "str"),
        ("1_000", "int"),
        ("0x1f", "int"),
        ("1.5", "float"),
        (".inf", "float"),
        ("yes", "bool"),
        ("No", "bool"),
        ("ON", "bool"),
        ("off", "bool"),
        ("y", "bool"),
        ("N", "bool"),
        ("true", "bool"),
        ("False", "bool"),
        ("~", "null"),
        ("null", "null"),
        ("", "null"),
        ("yes please", "str"),
        ("1:30", "str"),
        ("2024-01-01", "str"),  # go-yaml v2 decode.go: a timestamp reaches interface{} as text
        ("!custom 2", "other"),
        ("!!str 2", "str"),
        ('"y"', "str"),
    ],
)
def test_scalar_types_follow_go_yaml(text: str, kind: str) -> None:
    assert scalar_type(_value(text)) == kind


def test_merge_keys_apply_and_explicit_keys_win() -> None:
    (document,) = parse_yaml("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n").documents
    m = get(document.root, "m")
    assert {k: v.value for k, _, v in pairs(m)} == {"y": "3", "x": "1"}


def test_duplicate_keys_are_problems_of_their_document() -> None:
    parsed = parse_yaml("a: 1\nb: 2\na: 3\n")
    (document,) = parsed.documents
    (problem,) = document.problems
    assert problem.rule == "MPL002"
    assert (problem.span.line, problem.span.column) == (3, 1)
    assert problem.related[0][0].line == 1


def test_offset_span_inside_plain_and_quoted_strings() -> None:
    text = 'a: mpirun -n 4 x\nb: "mpirun -n 4 x"\nc: >-\n  mpirun -n 4 x\n'
    (document,) = parse_yaml(text).documents
    a, b, c = (get(document.root, k) for k in "abc")
    assert (offset_span(a, text, 10, 11).line, offset_span(a, text, 10, 11).column) == (1, 14)
    assert offset_span(b, text, 10, 11).column == 15
    # a folded scalar cannot be mapped character by character: the whole scalar is honest
    assert offset_span(c, text, 10, 11) == span_of(c)


def test_escaped_quoted_strings_fall_back_to_the_whole_scalar() -> None:
    text = 'a: "tab\\tthen mpirun -n 4"\n'
    (document,) = parse_yaml(text).documents
    a = get(document.root, "a")
    assert offset_span(a, text, 20, 21) == span_of(a)


def test_recursive_alias_is_refused() -> None:
    parsed = parse_yaml("a: &x [*x]\n---\nb: 1\n")
    assert [p.rule for p in parsed.problems] == ["MPL005"]
    assert len(parsed.documents) == 1
