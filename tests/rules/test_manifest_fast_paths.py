"""Short ways in the manifest rules against the plain definitions they replace.

``is_string`` answers ``scalar_type(node) == "str"`` without the lookup; MPL101 passes over the
strings among command, args and env values before making any label; MPL103 matches one pattern
where it matched two. Each must give what the plain definition gives.
"""

from __future__ import annotations

import itertools
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mpilint.models.mpijob import Container, read_mpijob
from mpilint.models.placeholders import _EXACT
from mpilint.models.placeholders import is_placeholder as _is_placeholder
from mpilint.rules.MPL101 import _non_strings
from mpilint.sources.yamlsource import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    get,
    is_string,
    parse_yaml,
    scalar_type,
)

_VALUES = ["y", "n", "Y", "N", "yes", "1", "1:30", "0x1F", "2.0", "~", "", "x", "2001-12-14"]
_TAGS = ["", "!!str ", "!!int ", "!!bool ", "!!null ", "!custom "]
_STYLES = ["{}", "'{}'", '"{}"', "[{}]", "{{a: {}}}"]


def _values() -> list[Node]:
    found = []
    for value, tag, style in itertools.product(_VALUES, _TAGS, _STYLES):
        try:
            root = yaml.compose(f"key: {tag}{style.format(value)}\n", Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            continue
        found.append(root.value[0][1])
    return found


@pytest.mark.parametrize("node", _values(), ids=lambda n: f"{n.tag}:{n.value}")
def test_is_string_is_scalar_type_str(node: Node) -> None:
    assert is_string(node) == (scalar_type(node) == "str")


def _plain_non_strings(container: Container) -> list[tuple[str, Node, str]]:
    """MPL101's reading before the short way: every item labelled, then typed."""
    items: list[tuple[str, Node]] = []
    for field, part in (("command", container.command), ("args", container.args)):
        if isinstance(part, SequenceNode):
            items += [(f"{field}[{i}]", item) for i, item in enumerate(part.value)]
    if isinstance(container.env, SequenceNode):
        for item in container.env.value:
            value = get(item, "value")
            if value is not None:
                name = get(item, "name")
                label = name.value if isinstance(name, ScalarNode) else "?"
                items.append((f"env {label} value", value))
    found = []
    for field, node in items:
        kind = (
            "list"
            if isinstance(node, SequenceNode)
            else "map"
            if isinstance(node, MappingNode)
            else scalar_type(node)
        )
        if kind not in ("str", "other"):
            found.append((field, node, kind))
    return found


_ITEMS = st.sampled_from(
    ["x", "'2'", "2", "y", "'y'", "~", "[a]", "{a: 1}", "1:30", "!!str 3", "!x 4", "2.5", "''"]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_ITEMS, max_size=5),
    st.lists(_ITEMS, max_size=5),
    st.lists(st.tuples(st.sampled_from(["A", "2", "[b]", "~"]), _ITEMS | st.none()), max_size=4),
)
def test_mpl101_finds_what_the_plain_reading_finds(
    command: list[str], args: list[str], env: list[tuple[str, str | None]]
) -> None:
    entries = [
        f"{{name: {name}, value: {value}}}" if value is not None else f"{{name: {name}}}"
        for name, value in env
    ]
    text = (
        "apiVersion: kubeflow.org/v2beta1\nkind: MPIJob\nspec:\n  mpiReplicaSpecs:\n"
        "    Launcher:\n      template:\n        spec:\n          containers:\n"
        f"          - {{name: l, image: i, command: [{', '.join(command)}],"
        f" args: [{', '.join(args)}], env: [{', '.join(entries)}]}}\n"
    )
    (document,) = parse_yaml(text).documents
    job = read_mpijob(document.root, document.index)
    assert job is not None
    ((_, container),) = job.containers()
    found = [(field, node, kind) for field, _, node, kind in _non_strings(container)]
    assert found == _plain_non_strings(container)


_OLD_MARKER = re.compile(
    r"(?:(?i:replace[-_]?me|change[-_]?me|your[-_][a-z0-9][a-z0-9_.-]*|img[-_]placeholder"
    r"|placeholder)|TODO|FIXME|TBD)"
)
_OLD_ANGLE = re.compile(r"<[A-Za-z][^<>]*>")
_WORDS = st.sampled_from(
    [
        "<", ">", "a", "Z", "<x>", "TODO", "todo", "replace", "-", "_", "me", "your",
        "Placeholder", "IMAGE", "img", "K", "\u212a", "\u0131", "<<", "9", ".", "TBD", "FIXME",
        " ",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_WORDS, max_size=5).map("".join) | st.text(max_size=12))
def test_one_pattern_finds_the_placeholders_the_two_found(value: str) -> None:
    plain = value in _EXACT or bool(_OLD_MARKER.fullmatch(value) or _OLD_ANGLE.fullmatch(value))
    assert _is_placeholder(value) == plain
