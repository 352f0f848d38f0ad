"""Results kept by the identity of the object they were computed from.

Rules ask the same questions of one image many times (each rule reads the OpenSSH files it
needs), and the answers are values of objects that no longer change once ``load_image`` has
returned: the final stage's observers and the facts frozen from them.  Such objects are not
hashable (they hold dicts), so they are kept by ``id``; each entry holds its object, so an
``id`` cannot be reused while its entry lives.  Only the most recent entries are kept.

Being module-level, a memo also keeps its last entries, and all they hold, alive after the run
that made them. The model keeps such results with the object instead (``Image.once``,
``FileFacts``' readings, ``ruleapi.Manifest.once``), where they die with it; only
``checks/image_ssh.py`` still uses this class, until it moves to ``Manifest.once``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import TypeVar

    V = TypeVar("V")

__all__ = ["IdentityMemo"]


class IdentityMemo:
    """One per call site, so every value it holds is of the type that site computes (a class
    generic in that type would need ``typing.Generic`` at run time; see mpilint/__init__.py)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._entries: dict[tuple[int, Hashable], tuple[object, object]] = {}

    def get(self, key: object, extra: Hashable, compute: Callable[[], V]) -> V:
        """The value for ``key`` (by identity) and ``extra`` (by value), computed once."""
        slot = (id(key), extra)
        entry = self._entries.get(slot)
        if entry is not None and entry[0] is key:
            return entry[1]  # type: ignore[return-value]  # this site's compute made it
        value = compute()
        if len(self._entries) >= self._size:
            self._entries.pop(next(iter(self._entries)), None)  # the oldest
        self._entries[slot] = (key, value)
        return value
