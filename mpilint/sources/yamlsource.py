"""YAML text → composed node trees that keep positions and how each scalar was written.

We compose (never construct) with libyaml: no tag is ever turned into an object, aliases stay
shared nodes instead of copies, and every node keeps its start and end marks. Rules need exactly
that: *where* a value is and *how* it was written (``2`` and ``"2"`` are different to Kubernetes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from mpilint.core.findings import Span
from mpilint.core.lazyre import lazy
from mpilint.core.records import Record
from mpilint.sources.kubevalues import MAYBE_NOT_STRING, kube_type

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from typing import Literal

try:  # the C loader is 10x faster; fall back only where libyaml is missing
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

__all__ = [
    "MappingNode",
    "Node",
    "ParsedYaml",
    "ScalarNode",
    "SequenceNode",
    "YamlDocument",
    "YamlProblem",
    "fields",
    "get",
    "get_str",
    "is_string",
    "mapping_items",
    "offset_span",
    "pairs",
    "parse_yaml",
    "scalar_type",
    "span_of",
    "template_source",
]

# Kubernetes refuses documents whose aliases expand past a limit ("excessive aliasing"); we refuse
# them too, before any rule walks them.
MAX_EXPANDED_NODES = 1_000_000

_YAML11 = "tag:yaml.org,2002:"
if TYPE_CHECKING:
    ScalarType = Literal["str", "int", "float", "bool", "null", "other"]


class YamlProblem(Record):
    rule: str
    span: Span
    message: str
    related: tuple[tuple[Span, str], ...] = ()


class YamlDocument(Record):
    index: int
    root: Node
    # Problems that belong to this document only (duplicate keys): reported only when the
    # document is one mpilint checks, since other kinds are skipped silently.
    problems: tuple[YamlProblem, ...] = ()


class ParsedYaml(Record):
    documents: tuple[YamlDocument, ...]
    problems: tuple[YamlProblem, ...]


def span_of(node: Node) -> Span:
    start, end = node.start_mark, node.end_mark
    if end.line == start.line and end.column <= start.column:
        return Span(start.line + 1, start.column + 1, start.line + 1, start.column + 2)
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def template_source(node: Node | None) -> str | None:
    """The template expression a value still is (``{{ .x }}``, quoted or not), else None.

    Unquoted, ``{{ .x }}`` is a flow mapping to YAML (``{{.x: null}: null}``), which no rule
    should judge as a mapping: its value is only known once the template is rendered. The parse
    marks such nodes with their source text (only there is the text at hand); a string is one
    when it holds a ``{{ … }}`` expression."""
    if node is None:
        return None
    if node.__class__ is ScalarNode or isinstance(node, ScalarNode):
        value = node.value
        return value if isinstance(value, str) and _CURLY().search(value) else None
    found: str | None = node.__dict__.get(_TEMPLATE)
    return found


_CURLY = lazy(r"\{\{.*?\}\}", re.DOTALL)
_TEMPLATE = "_mpilint_template"


def _mark_templates(roots: Sequence[Node | None], text: str) -> None:
    """Mark each mapping whose source text starts with ``{{`` (see ``template_source``); its
    source text runs to the mark's end (marks count characters, as ``text`` is indexed)."""
    stack = [root for root in roots if root is not None]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            start = node.start_mark.index
            if node.flow_style and text.startswith("{{", start):
                node.__dict__[_TEMPLATE] = text[start : node.end_mark.index]
                continue
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)


def scalar_type(node: Node) -> ScalarType:
    """The JSON type Kubernetes will see for this node, in mpilint's short names:
    ``mpilint.sources.kubevalues.kube_type`` decides (go-yaml v2's reading, not PyYAML's). Mappings,
    lists and scalars with tags go-yaml does not resolve (``!!binary``, ``!custom``) are
    "other"."""
    if node.__class__ is not ScalarNode and not isinstance(node, ScalarNode):
        return "other"
    return _KINDS.get(kube_type(node), "other")


def is_string(node: Node) -> bool:
    """``scalar_type(node) == "str"``, answered without a lookup for the usual string."""
    if (
        node.__class__ is ScalarNode
        and node.tag == _STR_TAG
        and (node.style or node.value[:1] not in MAYBE_NOT_STRING)
    ):
        return True
    return scalar_type(node) == "str"


_STR_TAG = _YAML11 + "str"
_KINDS: dict[str, ScalarType] = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "null": "null",
}


def pairs(node: Node | None) -> Iterator[tuple[str, Node, Node]]:
    """Key/value pairs of a mapping whose keys are strings, merge keys (``<<``) applied.

    As in go-yaml, explicit keys win over merged ones, and an earlier merge source (with
    everything it merges itself) wins over a later one; duplicates of the mapping's own keys are
    all given (``get`` keeps the last). Worked out once per mapping and kept on the node: rules
    ask the same mappings hundreds of times per job."""
    if not isinstance(node, MappingNode):
        return iter(())
    cached: list[tuple[str, Node, Node]] | None = node.__dict__.get(_PAIRS)
    if cached is None:
        cached = node.__dict__[_PAIRS] = _plain_pairs(node)
    return iter(cached)


def mapping_items(node: MappingNode) -> list[tuple[Node, Node]]:
    """``(key, value)`` for each of ``pairs(node)``, where a walk needs no name but the key's
    own text: the mapping's own list when the parse found all its keys plain scalars, none a
    merge key (as it does for almost every mapping), so that nothing is built."""
    if _PLAIN in node.__dict__:
        return node.value  # type: ignore[no-any-return]
    return [(key, value) for _, key, value in pairs(node)]


def _plain_pairs(node: MappingNode) -> list[tuple[str, Node, Node]]:
    """The common case, a mapping without merge keys, in one pass; ``_expand`` otherwise."""
    found: list[tuple[str, Node, Node]] = []
    for key, value in node.value:
        if key.__class__ is not ScalarNode and not isinstance(key, ScalarNode):
            continue
        if key.tag == _MERGE:
            return list(_expand(node))
        found.append((key.value, key, value))
    return found


_PAIRS = "_mpilint_pairs"
_PLAIN = "_mpilint_plain"  # set by the parse: the keys are scalars and none is a merge key
_MERGE = _YAML11 + "merge"
_INDEX = "_mpilint_index"


def _expand(node: MappingNode) -> Iterator[tuple[str, Node, Node]]:
    """The walk is iterative and expands each mapping once: a chain of a thousand
    ``<<: *previous`` aliases must not hit Python's recursion limit, and merging the same
    mapping twice cannot add a key the first time did not."""
    seen: set[str] = set()
    expanded: set[int] = {id(node)}
    stack: list[Iterator[Node]] = [iter((node,))]
    while stack:
        source = next(stack[-1], None)
        if source is None:
            stack.pop()
            continue
        merged: list[Node] = []
        for key, value in source.value:
            if not isinstance(key, ScalarNode):
                continue
            if key.tag == _YAML11 + "merge":
                merged.extend(value.value if isinstance(value, SequenceNode) else [value])
                continue
            if key.value not in seen:
                seen.add(key.value)
                yield key.value, key, value
            elif source is node:
                yield key.value, key, value  # a duplicate of the mapping itself
        fresh = [m for m in merged if isinstance(m, MappingNode) and id(m) not in expanded]
        expanded.update(id(m) for m in fresh)
        stack.append(iter(fresh))


def get(node: Node | None, *path: str) -> Node | None:
    for name in path:
        if not isinstance(node, MappingNode):
            return None
        index: dict[str, Node] | None = node.__dict__.get(_INDEX)
        if index is None:
            # the last duplicate wins, as in go-yaml
            index = node.__dict__[_INDEX] = {key: value for key, _, value in pairs(node)}
        found = index.get(name)
        if found is None:
            return None
        node = found
    return node


def fields(node: Node | None) -> Mapping[str, Node]:
    """A mapping's values by key as ``get`` reads them (merge keys applied, the last duplicate
    winning); empty for anything else. One call for a reader that wants several keys."""
    if not isinstance(node, MappingNode):
        return _NO_FIELDS
    index: dict[str, Node] | None = node.__dict__.get(_INDEX)
    if index is None:
        index = node.__dict__[_INDEX] = {key: value for key, _, value in pairs(node)}
    return index


_NO_FIELDS: Mapping[str, Node] = {}


def get_str(node: Node | None, *path: str) -> str | None:
    """A scalar's text, whatever its type; None for missing or non-scalar values."""
    value = get(node, *path) if path else node
    return value.value if isinstance(value, ScalarNode) else None


def offset_span(node: ScalarNode, text: str, start: int, end: int) -> Span:
    """Where characters [start, end) of a scalar's value stand in the file.

    Exact for one-line plain scalars and quoted ones without escapes; for anything else (block
    scalars, folded lines, escapes) the whole scalar is the honest answer.
    """
    source = _source_of(node, text)
    if source is not None and 0 <= start <= end <= len(node.value):
        quote = 1 if node.style in ("'", '"') else 0
        line = node.start_mark.line + 1
        column = node.start_mark.column + 1 + quote
        return Span(line, column + start, line, column + max(end, start + 1))
    return span_of(node)


def _source_of(node: ScalarNode, text: str) -> str | None:
    start, end = node.start_mark, node.end_mark
    if start.line != end.line or node.style not in ("", None, "'", '"'):
        return None
    raw = text[start.index : end.index]
    if node.style in ("'", '"'):
        raw = raw[1:-1]
    return raw if raw == node.value else None


_DOC_START = lazy(r"^---(?=[ \t]|$)|^\.\.\.(?=[ \t]|$)", re.MULTILINE)


def parse_yaml(text: str) -> ParsedYaml:
    """All documents of a file; a syntax error in one does not hide the others."""
    try:
        roots = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.YAMLError:
        return _parse_by_document(text)
    if "{{" in text:
        _mark_templates(roots, text)
    return _inspect(list(enumerate(roots)), (), "&" in text, _may_merge(text))


def _may_merge(text: str) -> bool:
    """Whether any key of the text can be a merge key: a plain ``<<``, or a key with an
    explicit tag (every tag is written with ``!``; ``%``-escapes only occur inside one)."""
    return "<<" in text or "!" in text


def _parse_by_document(text: str) -> ParsedYaml:
    """Compose each ``---`` section alone so one broken document does not hide the rest.

    Sections are padded with newlines so that marks keep the file's own line numbers.
    """
    documents: list[tuple[int, Node | None]] = []
    problems: list[YamlProblem] = []
    lines = text.splitlines()
    starts = [0] + [m.start() for m in _DOC_START().finditer(text) if m.start() > 0]
    for n, begin in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        chunk = text[begin:end]
        if text[begin : begin + 3] == "...":
            chunk = chunk[3:]
        padding = "\n" * text.count("\n", 0, begin)
        try:
            roots = list(yaml.compose_all(padding + chunk, Loader=_Loader))
        except yaml.YAMLError as error:
            problems.append(_syntax_problem(error, lines))
            continue
        if "{{" in chunk:
            _mark_templates(roots, padding + chunk)
        documents.extend((len(documents) + i, root) for i, root in enumerate(roots))
    return _inspect(documents, tuple(problems), "&" in text, _may_merge(text))


def _syntax_problem(error: yaml.YAMLError, lines: list[str]) -> YamlProblem:
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    span = _mark_span(problem_mark or context_mark, lines)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    message = f"{context}: {problem}" if context else str(problem)
    if "maximum nesting depth" in message:
        message += " (libyaml allows 1000 levels; Kubernetes will not read this either)"
    related: tuple[tuple[Span, str], ...] = ()
    if context and context_mark is not None and problem_mark is not None:
        start = _mark_span(context_mark, lines)
        if start != span:
            related = ((start, f"{context.removeprefix('while ')} that began here"),)
    return YamlProblem("MPL001", span, f"YAML syntax error: {message}", related)


def _mark_span(mark: yaml.Mark | None, lines: list[str]) -> Span:
    """A parser mark as a span; a mark past the last line moves to the end of the last line,
    so the report can show the line where the file stopped."""
    if mark is None:
        return Span.point(1, 1)
    line, column = mark.line + 1, mark.column + 1
    if line > len(lines) and lines:
        line = len(lines)
        column = len(lines[-1]) + 1
    return Span.point(line, column)


def _inspect(
    documents: list[tuple[int, Node | None]],
    problems: tuple[YamlProblem, ...],
    aliased: bool = True,
    merges: bool = True,
) -> ParsedYaml:
    """One walk over each document: duplicate keys, and alias expansion kept bounded."""
    found = list(problems)
    kept: list[YamlDocument] = []
    for index, root in documents:
        if root is None:  # an empty document
            continue
        duplicates: list[YamlProblem] = []
        if aliased:
            shared = _find_duplicates(root, duplicates)
        else:
            shared = False  # no anchor: no node can be reached twice
            _find_duplicates_in_tree(root, duplicates, not merges)
        if shared and _expanded_size(root) > MAX_EXPANDED_NODES:
            found.append(
                YamlProblem(
                    "MPL005",
                    span_of(root),
                    f"this document expands through aliases to more than {MAX_EXPANDED_NODES:,}"
                    " nodes, or refers to itself; Kubernetes refuses it (excessive aliasing)"
                    " and mpilint does not check it",
                )
            )
            continue
        kept.append(YamlDocument(index, root, tuple(duplicates)))
    return ParsedYaml(tuple(kept), tuple(found))


def _find_duplicates(root: Node, found: list[YamlProblem]) -> bool:
    """Report repeated mapping keys; return whether any node is reached twice (aliases).

    A mapping's keys are compared as a set first, and read one by one only when the set is
    shorter."""
    seen: set[int] = set()
    stack = [root]
    shared = False
    mapping, sequence = MappingNode, SequenceNode
    while stack:
        node = stack.pop()
        if id(node) in seen:
            shared = True
            continue
        seen.add(id(node))
        kind = node.__class__
        if kind is mapping or isinstance(node, MappingNode):
            items = node.value
            keys = [key.value for key, _ in items if key.__class__ is ScalarNode]
            if len(set(keys)) != len(keys):
                _duplicates_of(items, found)
            for key, value in items:
                stack.append(value)
                stack.append(key)
        elif kind is sequence or isinstance(node, SequenceNode):
            stack.extend(node.value)
    return shared


def _find_duplicates_in_tree(root: Node, found: list[YamlProblem], index: bool) -> None:
    """``_find_duplicates`` for a document without anchors, where each node is reached once.

    The walk is most of what parsing costs beyond libyaml, so it is cut to the bone: scalars
    are never pushed (they hold no keys), and a mapping's keys are compared by building the
    dict ``get`` would build from them (last one wins), which is kept when ``index`` says that
    no key of the text can be a merge key (almost every mapping is looked into by some rule),
    with the mark that lets ``mapping_items`` hand out the mapping's own list.
    A mapping with a key that is itself a list or a mapping (unhashable) takes the slow way.
    The order of the problems is that of ``_find_duplicates``: the same nodes are visited in
    the same order, less the scalars.
    """
    stack = [root]
    pop, push = stack.pop, stack.append
    scalar, mapping = ScalarNode, MappingNode
    while stack:
        node = pop()
        items = node.value
        if node.__class__ is mapping or isinstance(node, MappingNode):
            try:
                keys = {key.value: value for key, value in items}
            except TypeError:  # a key that is a list or a mapping
                _complex_keys(items, found, push)
                continue
            if len(keys) != len(items):
                _duplicates_of(items, found)
            if index:
                attributes = node.__dict__
                attributes[_INDEX] = keys
                attributes[_PLAIN] = True
            for _, value in items:
                if value.__class__ is not scalar:
                    push(value)
        elif node.__class__ is not scalar and isinstance(node, SequenceNode):
            for item in items:
                if item.__class__ is not scalar:
                    push(item)


def _complex_keys(
    items: list[tuple[Node, Node]], found: list[YamlProblem], push: Callable[[Node], None]
) -> None:
    keys = [key.value for key, _ in items if key.__class__ is ScalarNode]
    if len(set(keys)) != len(keys):
        _duplicates_of(items, found)
    for key, value in items:
        if value.__class__ is not ScalarNode:
            push(value)
        if key.__class__ is not ScalarNode:
            push(key)


def _duplicates_of(items: list[tuple[Node, Node]], found: list[YamlProblem]) -> None:
    first: dict[str, Node] = {}
    for key, _ in items:
        if isinstance(key, ScalarNode) and key.tag != _YAML11 + "merge":
            if key.value in first:
                found.append(
                    YamlProblem(
                        "MPL002",
                        span_of(key),
                        f"duplicate key {key.value!r}: the API server rejects the"
                        " manifest, and other tools keep only one of the values",
                        ((span_of(first[key.value]), "first defined here"),),
                    )
                )
            else:
                first[key.value] = key


def _expanded_size(root: Node) -> int:
    """Node count with every alias expanded, memoised so a bomb costs its unique nodes only.

    A recursive alias (``&a [*a]``, which libyaml composes into a cycle) expands forever, so it
    counts as over the limit.
    """
    size: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            open_nodes.discard(id(node))
            total = 1 + sum(size[id(c)] for c in _children(node))
            size[id(node)] = min(total, MAX_EXPANDED_NODES + 1)
            continue
        if id(node) in size:
            continue
        if id(node) in open_nodes:
            return MAX_EXPANDED_NODES + 1
        open_nodes.add(id(node))
        stack.append((node, True))
        stack.extend((c, False) for c in _children(node) if id(c) not in size)
    return size[id(root)]


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [item for kv in node.value for item in kv]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []
