"""The GPUs a container asks for in ``resources.limits``: what the GPU rules (MPL112-MPL114)
compare with slots and ranks."""

from __future__ import annotations

from mpilint.core.records import Record
from mpilint.models.mpijob import Container
from mpilint.sources.yamlsource import Node, ScalarNode, get, pairs, scalar_type

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass


class GpuLimit(Record):
    """One ``resources.limits`` entry for a GPU: its name, key and value nodes, and its count
    (None when the quantity is not a plain integer, e.g. templated or ``500m``)."""

    name: str
    key: Node
    value: Node
    count: int | None


def gpu_limits(container: Container | None) -> list[GpuLimit]:
    """GPU limits of a container: names ending in ``/gpu`` (nvidia.com/gpu, amd.com/gpu).

    MIG slices (``nvidia.com/mig-1g.5gb``) and other devices are left out on purpose: how many
    ranks such a device should take is not a one-per-device question.
    """
    if container is None:
        return []
    return [
        GpuLimit(name, key, value, quantity(value))
        for name, key, value in pairs(get(container.node, "resources", "limits"))
        if name.endswith("/gpu")
    ]


def quantity(node: Node) -> int | None:
    """A whole-number resource quantity (``2`` or ``"2"``); None for anything else."""
    if not isinstance(node, ScalarNode):
        return None
    kind = scalar_type(node)
    text = node.value.strip()
    if kind == "int" or (kind == "str" and text.isdigit()):
        try:
            return int(text.replace("_", ""), 10)
        except ValueError:
            return None
    return None
