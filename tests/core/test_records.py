"""mpilint.core.records: the value classes that replaced dataclasses, held to their shape.

Every class written by hand must list its fields in ``__slots__``, annotate them (``Final`` for
an immutable Record, so mypy refuses assignments outside ``__init__``), and set every one of
them in ``__init__``; the base gives equality, hash and repr from the fields.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pickle
import pkgutil
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mpilint
from mpilint.core.findings import Finding, Severity, Span
from mpilint.core.records import MutableRecord, Record, fields_of, init_fields, replace


def _record_classes() -> list[type]:
    found: list[type] = []
    for info in pkgutil.walk_packages(mpilint.__path__, "mpilint."):
        if info.name == "mpilint.__main__":  # importing it runs the command
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, (Record, MutableRecord))
                and value not in (Record, MutableRecord)
                and value.__module__ == module.__name__
            ):
                found.append(value)
    return sorted(set(found), key=lambda c: f"{c.__module__}.{c.__qualname__}")


CLASSES = _record_classes()


def test_the_model_is_made_of_records() -> None:
    assert len(CLASSES) > 100  # every former dataclass, found by the walk above


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_a_record_declares_sets_and_types_each_field(cls: type) -> None:
    """Fields are annotated in the class body; a cache slot that is not part of the value (left
    out of ``_compared``) may be annotated where ``__init__`` sets it instead."""
    slots = set(cls.__dict__["__slots__"])
    declared = dict(inspect.get_annotations(cls))
    declared.pop("_compared", None)
    source = textwrap.dedent(inspect.getsource(cls.__init__))  # type: ignore[misc]
    assigned: set[str] = set()
    annotated_in_init: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                ):
                    assigned.add(target.attr)
                    if isinstance(node, ast.AnnAssign):
                        annotated_in_init.add(target.attr)
    value = set(fields_of(cls))
    assert value <= slots
    assert slots - value <= set(declared) | annotated_in_init, "a slot nobody annotates"
    assert value <= set(declared), "a field of the value not annotated in the class body"
    assert set(declared) <= slots, "an annotated field missing from __slots__"
    if issubclass(cls, Record):
        plain = [name for name in value if not declared[name].startswith("Final[")]
        assert not plain, f"an immutable record's fields are Final: {plain}"
    assert slots <= assigned, f"__init__ leaves {sorted(slots - assigned)} unset"


ints = st.integers(min_value=-3, max_value=3)


@given(st.tuples(ints, ints, ints, ints, ints, ints, ints, ints))
def test_records_compare_and_hash_by_value(n: tuple[int, ...]) -> None:
    a, b = Span(*n[:4]), Span(*n[4:])
    assert (a == b) == ((a.line, a.column, a.end_line, a.end_column) == n[4:])
    assert (a == b) <= (hash(a) == hash(b))
    assert (a < b) == (n[:4] < n[4:])  # Span keeps dataclass(order=True)'s ordering
    assert sorted([a, b]) == sorted([b, a])


def test_records_of_other_classes_are_never_equal() -> None:
    assert Span(1, 1, 1, 2) != (1, 1, 1, 2)
    assert Span(1, 1, 1, 2) == Span.point(1, 1)
    assert repr(Span(1, 2, 3, 4)) == "Span(column=2, end_column=4, end_line=3, line=1)"


def test_finding_is_compared_without_its_sort_key_and_survives_pickling() -> None:
    """Findings cross process boundaries (--jobs) by pickle."""
    finding = Finding(
        "MPL101", "non-string-scalar", Severity.ERROR, "m", "f.yaml", Span(2, 3, 2, 4)
    )
    assert "sort_key" not in fields_of(Finding)
    assert finding.sort_key == ("f.yaml", 2, 3, "MPL101")
    back = pickle.loads(pickle.dumps(finding))
    assert back == finding and back.sort_key == finding.sort_key and hash(back) == hash(finding)


def test_replace_goes_through_init() -> None:
    finding = Finding("MPL101", "n", Severity.ERROR, "m", "f.yaml", Span(2, 3, 2, 4))
    moved = replace(finding, file="g.yaml")
    assert moved.file == "g.yaml" and moved.sort_key[0] == "g.yaml"  # recomputed by __init__
    assert init_fields(Finding) == (
        "rule",
        "name",
        "severity",
        "message",
        "file",
        "span",
        "related",
        "fix",
    )
    with pytest.raises(TypeError):
        replace(finding, sort_key=("x", 1, 1, "y"))
