"""The fast paths of ``mpilint/sources/yamlsource.py`` against the general ones they stand beside.

Parsing a document without anchors walks it with ``_find_duplicates_in_tree`` instead of
``_find_duplicates`` and keeps the key index that walk builds, so ``get`` need not build it
again: the problems must be the same, in the same order, and every kept index must be the one
``get`` would have built from ``pairs`` (merge keys applied, the last duplicate winning); and
``mapping_items``, which hands out a mapping's own list when the parse found it plain, must give
what ``pairs`` gives.
"""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mpilint.sources.yamlsource import (
    _INDEX,
    _PAIRS,
    MappingNode,
    Node,
    SequenceNode,
    YamlProblem,
    _find_duplicates,
    _find_duplicates_in_tree,
    fields,
    get,
    mapping_items,
    pairs,
    parse_yaml,
)

_KEYS = st.sampled_from(["a", "b", "c", "'a'", '"b"', "~", "1", "<<", "!!str a", "!!merge <<"])
_SCALARS = st.sampled_from(["1", "x", "'y'", "~", "[]", "{}", "!!int 2", "true"])


def _flow(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Flow collections whose keys repeat, and may be merge keys, tagged, lists or mappings."""
    keys = _KEYS | children.filter(lambda text: text.startswith(("[", "{")))
    mapping = st.lists(st.tuples(keys, children), max_size=5).map(
        lambda items: "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
    )
    sequence = st.lists(children, max_size=4).map(lambda items: "[" + ", ".join(items) + "]")
    return mapping | sequence


_DOCUMENTS = st.recursive(_SCALARS, _flow, max_leaves=25)


def _roots(text: str) -> list[Node]:
    try:
        return [root for root in yaml.compose_all(text, Loader=yaml.CSafeLoader) if root]
    except yaml.YAMLError:
        return []


def _mappings(root: Node) -> list[MappingNode]:
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            found.append(node)
            stack.extend(item for pair in node.value for item in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return found


def _problems(problems: list[YamlProblem]) -> list[tuple[str, int, int, str]]:
    return [(p.rule, p.span.line, p.span.column, p.message) for p in problems]


@settings(max_examples=400, deadline=None)
@given(st.lists(_DOCUMENTS, min_size=1, max_size=3))
def test_the_tree_walk_finds_what_the_general_walk_finds(documents: list[str]) -> None:
    text = "\n---\n".join(documents) + "\n"
    for root in _roots(text):
        general: list[YamlProblem] = []
        fast: list[YamlProblem] = []
        assert not _find_duplicates(root, general)
        _find_duplicates_in_tree(root, fast, False)
        assert _problems(fast) == _problems(general)


@settings(max_examples=400, deadline=None)
@given(st.lists(_DOCUMENTS, min_size=1, max_size=3))
def test_a_kept_index_is_the_one_get_would_build(documents: list[str]) -> None:
    text = "\n---\n".join(documents) + "\n"
    for document in parse_yaml(text).documents:
        for node in _mappings(document.root):
            listed = [(id(key), id(value)) for key, value in mapping_items(node)]
            assert listed == [(id(key), id(value)) for _, key, value in pairs(node)]
            kept = node.__dict__.pop(_INDEX, None)
            node.__dict__.pop(_PAIRS, None)
            get(node, "a")  # builds the index from pairs()
            built = node.__dict__[_INDEX]
            assert built == {key: value for key, _, value in pairs(node)}
            if kept is not None:
                assert {k: id(v) for k, v in kept.items()} == {k: id(v) for k, v in built.items()}


def test_merge_keys_keep_the_index_from_being_kept() -> None:
    (document,) = parse_yaml("m: {<<: {x: 1}, y: 2}\n").documents
    m = get(document.root, "m")
    assert isinstance(m, MappingNode)
    assert {k for k, _, _ in pairs(m)} == {"x", "y"}
    assert get(m, "x") is not None


def test_a_duplicate_in_a_complex_key_is_found() -> None:
    (document,) = parse_yaml("? {a: 1, a: 2}\n: v\n").documents
    assert [p.rule for p in document.problems] == ["MPL002"]


@settings(max_examples=300, deadline=None)
@given(st.lists(_DOCUMENTS, min_size=1, max_size=3))
def test_fields_are_what_get_reads(documents: list[str]) -> None:
    text = "\n---\n".join(documents) + "\n"
    for document in parse_yaml(text).documents:
        stack: list[Node] = [document.root]
        while stack:
            node = stack.pop()
            found = fields(node)
            if isinstance(node, MappingNode):
                expected = {key: value for key, _, value in pairs(node)}
                assert {k: id(v) for k, v in found.items()} == {
                    k: id(v) for k, v in expected.items()
                }
                for name in [*expected, "a", "zz"]:
                    assert found.get(name) is get(node, name)
                stack.extend(item for pair in node.value for item in pair)
            else:
                assert dict(found) == {}
                if isinstance(node, SequenceNode):
                    stack.extend(node.value)
