"""How the rules about what the operator validates, defaults and creates (MPL107-MPL111, MPL120)
read and point at fields: templated values keep them silent, and related spans say where the
deciding value is written."""

from __future__ import annotations

from mpilint.core.findings import Related, Span
from mpilint.models.mpijob import MPIJob
from mpilint.ruleapi import Manifest
from mpilint.sources.yamlsource import Node, pairs, scalar_type, span_of


def templated(text: str) -> bool:
    """Helm/Jinja (``{{ }}``) or shell/Kubernetes (``$X``, ``$(X)``) values are not known yet."""
    return "{{" in text or "$" in text


def text_of(node: Node | None) -> str | None:
    """A string value that is known now: None for missing, null, empty, non-string or templated
    (what the operator makes of an empty string depends on its defaulting code, so say nothing).
    """
    if node is None or scalar_type(node) != "str":
        return None
    value: str = node.value
    return None if not value or templated(value) else value


def is_set(node: Node | None) -> bool:
    """Written with a value: an explicit null means "use the default", as for a missing key."""
    return node is not None and scalar_type(node) != "null"


def key_node(node: Node | None, name: str) -> Node | None:
    """The key node of ``name`` in a mapping, to point at a field whose value is missing."""
    found: Node | None = None
    for key_name, key, _ in pairs(node):
        if key_name == name:
            found = key
    return found


def spec_span(job: MPIJob) -> Span:
    """The ``spec`` key, or the start of the document when there is no spec at all."""
    key = key_node(job.root, "spec")
    if key is not None:
        return span_of(key)
    start = job.root.start_mark
    return Span.point(start.line + 1, start.column + 1)


def related_at(subject: Manifest, node: Node | None, message: str) -> tuple[Related, ...]:
    return () if node is None else (Related(subject.file, span_of(node), message),)
