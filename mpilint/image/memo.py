"""Results kept by the identity of the object they were computed from.

Rules ask the same questions of one image many times (each rule reads the OpenSSH files it
needs), and the answers are values of objects that no longer change once ``load_image`` has
returned: the final stage's observers and the facts frozen from them.  Such objects are not
hashable (they hold dicts), so they are kept by ``id``; each entry holds its object, so an
``id`` cannot be reused while its entry lives.  Only the most recent entries are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["IdentityMemo"]

K = TypeVar("K")
V = TypeVar("V")


class IdentityMemo(Generic[K, V]):
    def __init__(self, size: int) -> None:
        self._size = size
        self._entries: dict[tuple[int, Hashable], tuple[K, V]] = {}

    def get(self, key: K, extra: Hashable, compute: Callable[[], V]) -> V:
        """The value for ``key`` (by identity) and ``extra`` (by value), computed once."""
        slot = (id(key), extra)
        entry = self._entries.get(slot)
        if entry is not None and entry[0] is key:
            return entry[1]
        value = compute()
        if len(self._entries) >= self._size:
            self._entries.pop(next(iter(self._entries)), None)  # the oldest
        self._entries[slot] = (key, value)
        return value
