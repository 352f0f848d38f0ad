"""Value classes declared once, without code compiled at import time.

mpilint's model is made of small value classes (spans, findings, facts of an image). They were
dataclasses, and ``dataclasses`` writes the source of six methods per class and ``exec``s it when
the module is imported: about 0.35 ms a class on CPython 3.11 and twice that on 3.12, 40 ms for
mpilint's classes, more than the rest of a pre-commit run (one manifest, one Dockerfile).

A record names each field once, as an annotation in its class body (with its default, if any)::

    class Related(Record):
        file: str
        span: Span
        message: str = ""

and ``_RecordType`` makes the rest when the class is created: ``__slots__`` (records are many,
and slots make them small and quick to read), ``__match_args__``, and an ``__init__`` taking the
fields in that order, by position or keyword. Equality, hash and repr come from the bases here
and read the fields through one ``attrgetter`` per class.

The ``__init__`` is not compiled per class (that is most of what dataclasses cost), nor at all
in a run. Records come in a few dozen *shapes* (how many fields, which have a factory, whether
there is a ``__post_init__``); ``mpilint.core._record_inits`` holds one template function per shape,
with fields named ``a0``, ``a1``, ..., loaded from its ``.pyc`` like any code. A class's
``__init__`` is its shape's template with the names swapped for its own by ``CodeType.replace``:
a few microseconds a class with the rest of ``_declare``, and as fast as one written out,
because it is the same bytecode.
A shape missing there is compiled when its class is made (about 50 us; compiling every shape a
one-file run uses would cost it 1.5 ms), and a test fails until the module is regenerated.

``field()`` covers the rest of what mpilint used dataclasses for: ``default_factory`` (a fresh
list or dict per instance; passing ``None`` asks for it too, as the hand-written code did) and
``init=False`` for a slot that is not part of the value: derived in ``__post_init__`` (which the
generated ``__init__`` calls last) or a cache filled on first use. Such slots are left out of
equality, hash, repr and ``replace``.

Type checkers learn all this from ``dataclass_transform`` (PEP 681), applied only for them:
``Record`` is frozen for mypy (assigning a field is an error, so ``__post_init__`` and caches use
``object.__setattr__``, as in a frozen dataclass), ``MutableRecord`` is not. At run time nothing
stops an assignment; mypy --strict is the guard, as ``Final`` was before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from operator import attrgetter
from types import FunctionType  # already imported by the interpreter's own start-up

from mpilint.core import _record_inits

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from types import CodeType
    from typing import Any, ClassVar, TypeVar

    from typing_extensions import dataclass_transform

    R = TypeVar("R")
else:

    def dataclass_transform(**_options: object) -> Callable[[type], type]:
        """PEP 681's decorator is read by type checkers only; at run time it does nothing."""
        return lambda cls: cls


_MISSING: Any = object()


class _Field:
    """What ``field()`` returns: read by ``_RecordType`` when the class is made, then dropped."""

    __slots__ = ("default", "factory", "init")

    def __init__(self, default: object, factory: Callable[[], object] | None, init: bool) -> None:
        self.default = default
        self.factory = factory
        self.init = init


def field(
    *,
    default: Any = _MISSING,
    default_factory: Callable[[], Any] | None = None,
    init: bool = True,
) -> Any:
    """A field with a fresh default per instance (``default_factory``), or a slot outside the
    value and outside ``__init__`` (``init=False``: derived in ``__post_init__``, or a cache)."""
    return _Field(default, default_factory, init)


# Kinds of field in an __init__ template: a parameter; a parameter whose None means "call the
# factory"; not a parameter but set to a default; not a parameter but set by a factory; neither
# (``__post_init__`` sets it).
_PARAM, _PARAM_FACTORY, _DEFAULT, _FACTORY, _LATER = "pFdfl"

# Each template's code, and for each of its ``co_names`` the field it stands for (an index) or
# the name itself (a factory, a default, ``__post_init__``).
_TEMPLATES: dict[tuple[str, bool], tuple[CodeType, tuple[int | str, ...] | None]] = {}


def template_name(kinds: str, post_init: bool) -> str:
    """The name of a shape's template in ``mpilint.core._record_inits``."""
    return f"init_{kinds}_post" if post_init else f"init_{kinds}"


def template_source(kinds: str, post_init: bool) -> str:
    """The ``__init__`` of one shape, with fields named ``a0``, ``a1``, ... and their factories
    and defaults read from globals ``f0``, ``d0``, ... (the class's, given when it is made)."""
    params = ["self"] + [f"a{i}" for i, kind in enumerate(kinds) if kind in "pF"]
    lines = [f"def {template_name(kinds, post_init)}({', '.join(params)}):"]
    if len(lines[0]) > 100:  # as ruff formats it (the module is generated from this)
        lines = [lines[0].partition("(")[0] + "(", *[f"    {p}," for p in params], "):"]
    for i, kind in enumerate(kinds):
        if kind == _PARAM:
            lines.append(f"    self.a{i} = a{i}")
        elif kind == _PARAM_FACTORY:
            lines.append(f"    self.a{i} = f{i}() if a{i} is None else a{i}")
        elif kind == _DEFAULT:
            lines.append(f"    self.a{i} = d{i}")
        elif kind == _FACTORY:
            lines.append(f"    self.a{i} = f{i}()")
    if post_init:
        lines.append("    self.__post_init__()")
    if len(lines) == 1:
        lines.append("    pass")
    return "\n".join(lines) + "\n"


def _template(kinds: str, post_init: bool) -> tuple[CodeType, tuple[int | str, ...] | None]:
    """A shape's template: from ``mpilint.core._record_inits`` (loaded from its ``.pyc``), else
    compiled here (about 50 us; a test keeps that module holding every shape mpilint uses)."""
    found = _TEMPLATES.get((kinds, post_init))
    if found is None:
        name = template_name(kinds, post_init)
        function = getattr(_record_inits, name, None)
        if function is None:
            namespace: dict[str, Any] = {}
            exec(template_source(kinds, post_init), namespace)
            function = namespace[name]
        code = function.__code__
        where: tuple[int | str, ...] | None
        where = tuple(int(n[1:]) if n[0] == "a" else n for n in code.co_names)
        if where == tuple(range(len(kinds))):
            where = None  # the usual template: its names are the fields, in order
        found = _TEMPLATES[kinds, post_init] = (code, where)
    return found


class _RecordType(type):
    """Makes ``__slots__``, ``__match_args__`` and ``__init__`` from a record's annotations. A
    class that writes ``__slots__`` itself (the bases here) is left as it is."""

    def __new__(
        mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any
    ) -> _RecordType:
        if "__slots__" not in namespace:
            _declare(name, bases, namespace)
        return type.__new__(mcls, name, bases, namespace, **kwargs)


def _read_fields(
    name: str, names: list[str], given: dict[str, Any], extras: dict[str, object]
) -> tuple[str, list[str], list[object]]:
    """Kinds, parameters and defaults of a record that uses ``field()``."""
    kinds = ""
    fields: list[str] = []  # the parameters of __init__
    defaults: list[object] = []
    for index, field_name in enumerate(names):
        value = given.get(field_name, _MISSING)
        kind = _PARAM
        if value.__class__ is _Field:
            if value.factory is not None:
                extras[f"f{index}"] = value.factory
                kind = _PARAM_FACTORY if value.init else _FACTORY
                value = None
            elif value.init:
                value = value.default
            else:
                kind = _LATER if value.default is _MISSING else _DEFAULT
                extras[f"d{index}"] = value.default
        kinds += kind
        if kind in "pF":  # a parameter
            fields.append(field_name)
            if value is not _MISSING:
                defaults.append(value)
            elif defaults:
                raise TypeError(f"{name}: field {field_name} without a default follows one with")
    return kinds, fields, defaults


def _declare(name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> None:
    """Reads the fields off the annotations (a ``ClassVar`` is not one) and their defaults off
    the class body, and puts ``__slots__``, ``__match_args__`` and ``__init__`` in their place.
    Run for every record class at import, so written for speed: a few microseconds a class."""
    for base in bases:
        if "_record_fields" in base.__dict__:
            raise TypeError(f"{name}: a record cannot extend another ({base.__qualname__})")
    annotations = namespace.get("__annotations__", {})
    names = [
        n
        for n, a in annotations.items()
        # a string under ``from __future__ import annotations``, as everywhere in mpilint
        if not (a if a.__class__ is str else repr(a)).startswith(("ClassVar", "typing.ClassVar"))
    ]
    given = [n for n in names if n in namespace]  # a default, or a field()
    values = [namespace.pop(n) for n in given]
    extras: dict[str, object] = {}  # the template's globals: factories and init=False defaults
    if values and _Field in {value.__class__ for value in values}:
        kinds, fields, defaults = _read_fields(
            name, names, dict(zip(given, values, strict=True)), extras
        )
    elif given != names[len(names) - len(given) :]:
        raise TypeError(f"{name}: a field without a default follows one with ({given})")
    else:  # the usual record: every field a parameter, the last ones with defaults
        kinds, fields, defaults = _PARAM * len(names), names, values
    namespace["__slots__"] = slots = tuple(names)
    namespace["__match_args__"] = namespace["_record_fields"] = tuple(fields)
    post_init = "__post_init__" in namespace
    namespace["_record_shape"] = (kinds, post_init)
    if "__init__" in namespace:
        return
    code, where = _template(kinds, post_init)
    qualname = f"{namespace['__qualname__']}.__init__"
    co_names = (
        slots if where is None else tuple([n if isinstance(n, str) else slots[n] for n in where])
    )
    co_varnames = ("self", *fields)
    if sys.version_info >= (3, 11):  # code objects have a co_qualname
        code = code.replace(
            co_names=co_names, co_varnames=co_varnames, co_name="__init__", co_qualname=qualname
        )
    else:
        code = code.replace(co_names=co_names, co_varnames=co_varnames, co_name="__init__")
    init = FunctionType(code, extras, "__init__", tuple(defaults) or None)
    init.__qualname__ = qualname
    init.__module__ = namespace["__module__"]
    namespace["__init__"] = init


_GETTERS: dict[type, Callable[[Any], Any]] = {}


def fields_of(cls: type) -> tuple[str, ...]:
    """The fields that make a record's value, in order: its ``__init__`` parameters."""
    fields: tuple[str, ...] = cls._record_fields  # type: ignore[attr-defined]
    return fields


init_fields = fields_of  # the same fields: what ``replace`` may pass


def _values(record: object) -> Any:
    cls = record.__class__
    getter = _GETTERS.get(cls)
    if getter is None:
        names = fields_of(cls)
        getter = attrgetter(*names) if names else (lambda _record: ())
        _GETTERS[cls] = getter
    return getter(record)


class _Value(metaclass=_RecordType):
    """Equality and repr by the fields, shared by both kinds of record."""

    __slots__ = ()
    _record_fields: ClassVar[tuple[str, ...]] = ()
    _record_shape: ClassVar[tuple[str, bool]]  # what its __init__ is made from

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_values(self) == _values(other))

    def __repr__(self) -> str:
        names = fields_of(self.__class__)
        inside = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({inside})"


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
class Record(_Value):
    """An immutable value: equal to another of its class with equal fields, hashable by them."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(_values(self))


@dataclass_transform(field_specifiers=(field,))
class MutableRecord(_Value):
    """Builder state: compared by value (tests compare states), so not hashable."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]


def replace(record: R, **changes: Any) -> R:
    """A copy of ``record`` with some fields changed, through its ``__init__`` (as
    ``dataclasses.replace`` does)."""
    cls = record.__class__
    values = {name: getattr(record, name) for name in fields_of(cls)}
    values.update(changes)
    return cls(**values)
