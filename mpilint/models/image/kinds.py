"""The kinds of fact the Dockerfile walk keeps (files, software), by name.

Kept apart from ``observe.py``, which the fact modules import for the observer protocol: a
registry there would make each fact module and the protocol import each other. The fact
modules are imported lazily, so ``import mpilint.models.image`` stays cheap and a manifest-only
run never loads them.
"""

from __future__ import annotations

import functools
from types import MappingProxyType

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from collections.abc import Mapping

    from mpilint.models.image.observe import ObserverFactory, QuietTest


def factories() -> tuple[tuple[str, ObserverFactory], ...]:
    """Every kind of fact, by name; imported here, lazily, so ``import mpilint.models.image`` stays
    cheap and a manifest-only run never loads them."""
    from mpilint.models.image import files, software

    return (("files", files.start), ("software", software.start))


@functools.cache
def instructions_read() -> Mapping[str, frozenset[str]]:
    """The instructions each kind of fact reads, by name; the walk shows a kind no others (a
    LABEL changes no fact).  A kind not named here is shown every instruction."""
    from mpilint.models.image import files, software

    return MappingProxyType({"files": files.INSTRUCTIONS, "software": software.INSTRUCTIONS})


@functools.cache
def quiet_tests() -> Mapping[str, QuietTest]:
    """The kinds of fact, by name, that most commands leave alone: the walk asks their test
    once per RUN text it plans and does not show the quiet commands to their observers, but
    for the first command of each RUN, which every observer sees (it starts their per-RUN
    state)."""
    from mpilint.models.image import software

    return MappingProxyType({"software": software.quiet})
