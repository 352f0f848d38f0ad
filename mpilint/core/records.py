"""Value classes without code generated at import time.

mpilint's model is made of small value classes (spans, findings, facts of an image). They were
dataclasses, and ``dataclasses`` writes the source of six methods per class and ``exec``s it when
the module is imported: about 0.35 ms a class on CPython 3.11 and twice that on 3.12, 40 ms for
mpilint's classes, more than the rest of a pre-commit run (one manifest, one Dockerfile).

So each class writes its ``__init__`` out (compiled once, into the ``.pyc``, like any other code),
lists its fields in ``__slots__``, marks them ``Final`` where the class is immutable (mypy --strict
then refuses any assignment outside ``__init__``, as ``frozen=True`` did at run time), and takes
equality, hash and repr from a base here that reads the fields through one ``attrgetter`` made the
first time a class is compared. ``tests/test_records.py`` holds every class to this shape.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Any, ClassVar, TypeVar

if TYPE_CHECKING:
    R = TypeVar("R")

_GETTERS: dict[type, Callable[[Any], Any]] = {}


def fields_of(cls: type) -> tuple[str, ...]:
    """The fields that make a record's value: its ``_compared`` if it names them, else its slots."""
    compared: tuple[str, ...] | None = cls.__dict__.get("_compared")
    if compared is not None:
        return compared
    slots = cls.__dict__.get("__slots__", ())
    return (slots,) if isinstance(slots, str) else tuple(slots)


def _values(record: object) -> Any:
    cls = record.__class__
    getter = _GETTERS.get(cls)
    if getter is None:
        names = fields_of(cls)
        getter = attrgetter(*names) if names else (lambda _record: ())
        _GETTERS[cls] = getter
    return getter(record)


class _Value:
    """Equality and repr by the fields, shared by both kinds of record."""

    __slots__ = ()
    _compared: ClassVar[tuple[str, ...]]  # only where some slots are not part of the value

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_values(self) == _values(other))

    def __repr__(self) -> str:
        names = fields_of(self.__class__)
        inside = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({inside})"


class Record(_Value):
    """An immutable value: equal to another of its class with equal fields, hashable by them."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(_values(self))


class MutableRecord(_Value):
    """Builder state: compared by value (tests compare states), so not hashable."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]


_INIT_FIELDS: dict[type, tuple[str, ...]] = {}


def init_fields(cls: type) -> tuple[str, ...]:
    """The parameters of a class's ``__init__``, read off its code: what ``replace`` may pass."""
    names = _INIT_FIELDS.get(cls)
    if names is None:
        code = cls.__init__.__code__  # type: ignore[misc]
        names = tuple(code.co_varnames[1 : code.co_argcount + code.co_kwonlyargcount])
        _INIT_FIELDS[cls] = names
    return names


def replace(record: R, **changes: Any) -> R:
    """A copy of ``record`` with some fields changed, through its ``__init__`` (as
    ``dataclasses.replace`` does)."""
    cls = record.__class__
    values = {name: getattr(record, name) for name in init_fields(cls)}
    values.update(changes)
    return cls(**values)
