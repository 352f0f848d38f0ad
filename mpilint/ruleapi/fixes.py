"""Building fixes that are certain: one scalar's text replaced, keeping how it was written.

A fix is offered only when the span holds exactly the scalar as written (no tag or anchor in it,
which a replacement would drop) and the new value needs no quoting beyond the old one's. Names
are corrected only when one known name is close: two candidates mean a person must choose.
"""

from __future__ import annotations

from mpilint.core.findings import SAFE, Edit, Fix, Span
from mpilint.core.lazyre import lazy
from mpilint.core.textpos import Offsets
from mpilint.sources.yamlsource import MappingNode, Node, ScalarNode, span_of

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from mpilint.ruleapi import Manifest

# What can be written plain and stays the same string in YAML 1.1 and 1.2 (enum values, field
# names): a letter first, then letters, digits and a few inner marks.
_PLAIN_WORD = lazy(r"[A-Za-z][A-Za-z0-9_.-]*")
_NOT_STRINGS = lazy(
    r"(?i:y|n|yes|no|on|off|true|false|null|~)",
)


def certain_name(written: str, known: list[str]) -> str | None:
    """The one known name ``written`` is meant to be: the same letters in another case, else
    the only known name close in spelling (difflib, ratio 0.75 on lower case); None when there
    is none or more than one."""
    import difflib

    same = [k for k in known if k.lower() == written.lower()]
    if same:
        return same[0] if len(same) == 1 else None
    lowered = {k.lower(): k for k in known}
    close = difflib.get_close_matches(written.lower(), list(lowered), n=2, cutoff=0.75)
    return lowered[close[0]] if len(close) == 1 else None


def replace_scalar(
    subject: Manifest, node: Node, value: str, description: str, applicability: str = SAFE
) -> Fix | None:
    """A fix writing ``value`` for the scalar ``node``, in the node's own quotes; None when the
    span holds more than the scalar, or when ``value`` would need quoting the node lacks."""
    if not isinstance(node, ScalarNode) or node.style not in (None, "", "'", '"'):
        return None
    if not _PLAIN_WORD().fullmatch(value) or _NOT_STRINGS().fullmatch(value):
        return None
    quote = node.style or ""
    span = span_of(node)
    written = Offsets(subject.text).text_of(span)
    if written != f"{quote}{node.value}{quote}" or "\n" in node.value:
        return None
    edit = Edit(subject.file, span, f"{quote}{value}{quote}")
    return Fix(description, (edit,), applicability)


def delete_entry(
    subject: Manifest, mapping: Node, key: Node, description: str, applicability: str = SAFE
) -> Fix | None:
    """A fix deleting the lines of one ``key: value`` entry of a block mapping; None unless the
    entry has whole lines to itself (only indentation before the key, at most a comment after
    the value), the mapping keeps another entry (an emptied mapping would turn into null), and
    a line follows it."""
    if not isinstance(mapping, MappingNode) or mapping.flow_style or len(mapping.value) < 2:
        return None
    entry = next(((k, v) for k, v in mapping.value if k is key), None)
    if entry is None or not isinstance(entry[1], ScalarNode):
        return None
    value = entry[1]
    offsets = Offsets(subject.text)
    first, last = key.start_mark.line + 1, value.end_mark.line + 1
    if last >= len(offsets.starts):
        return None  # the entry ends the file: no next line to end the deletion at
    line_start = offsets.starts[first - 1]
    before = subject.text[line_start : line_start + key.start_mark.column]
    after_start = offsets.offset(last, value.end_mark.column + 1)
    if before.strip() or after_start is None:
        return None
    after = subject.text[after_start : offsets.starts[last]].strip()
    if after and not after.startswith("#"):
        return None
    edit = Edit(subject.file, Span(first, 1, last + 1, 1), "")
    return Fix(description, (edit,), applicability)


__all__ = ["certain_name", "delete_entry", "replace_scalar"]
