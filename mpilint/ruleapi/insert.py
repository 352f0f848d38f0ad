"""Inserting an entry into a block mapping: a new ``key: value`` written above the mapping's
first entry, at its indentation, with the file's own line break, so every other byte stays.

Flow mappings (``{a: 1}``) and mappings whose first entry shares its line with something else
get no insertion: where the new text would go is then a matter of style, not certainty.
"""

from __future__ import annotations

from mpilint.core.findings import Edit, Span
from mpilint.core.textpos import Offsets
from mpilint.sources.yamlsource import MappingNode, Node

_BREAKS = "\r\n\x85\u2028\u2029"


def block_indent(mapping: Node | None, text: str) -> str | None:
    """The indentation of a block mapping's entries, when its first key starts its own line
    after nothing but spaces; None otherwise."""
    if not isinstance(mapping, MappingNode) or mapping.flow_style or not mapping.value:
        return None
    key = mapping.value[0][0]
    offsets = Offsets(text)
    line = key.start_mark.line
    if line >= len(offsets.starts):
        return None
    start = offsets.starts[line]
    before = text[start : start + key.start_mark.column]
    if before.strip(" ") or len(before) != key.start_mark.column:
        return None
    return before


def line_break(text: str, line: int, dockerfile: bool = False) -> str:
    """The break ending 0-based ``line``, or the file's first break; LF in a one-line file."""
    offsets = Offsets(text, dockerfile)
    breaks = "\r\n" if dockerfile else _BREAKS
    for index in (line, 0):
        if index + 1 < len(offsets.starts):
            end = offsets.starts[index + 1]
            start = end
            while start > offsets.starts[index] and text[start - 1] in breaks:
                start -= 1
            return text[start:end]
    return "\n"


def insert_first(file: str, mapping: MappingNode, text: str, lines: list[str]) -> Edit:
    """An edit putting ``lines`` (already indented) above the first entry of ``mapping``, whose
    indentation ``block_indent`` has checked."""
    key = mapping.value[0][0]
    newline = line_break(text, key.start_mark.line)
    at = key.start_mark.line + 1
    return Edit(file, Span(at, 1, at, 1), "".join(line + newline for line in lines))


__all__ = ["block_indent", "insert_first", "line_break"]
