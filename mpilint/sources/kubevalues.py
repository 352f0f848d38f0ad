"""How Kubernetes reads a YAML scalar: the one place mpilint decides it.

The API server (and kubectl) turn YAML into JSON with ``sigs.k8s.io/yaml``: ``YAMLToJSON``
(yaml.go) unmarshals the document into ``interface{}`` with go-yaml v2 (its fork
``sigs.k8s.io/yaml/goyaml.v2``), then ``json.Marshal``\\s the result. So a plain scalar means
what go-yaml v2's ``resolve()`` (resolve.go, branch v2 of github.com/go-yaml/yaml) makes of it:

- ``resolveMap`` (exact spellings): booleans ``y Y yes Yes YES true True TRUE on On ON`` and
  ``n N no No NO false False FALSE off Off OFF``; null ``""`` (an empty value), ``~``, ``null``,
  ``Null``, ``NULL``; floats ``.inf .Inf .INF``, ``+.inf``…, ``-.inf``…, ``.nan .NaN .NAN``.
- ``resolveTable``: only a scalar that starts with a sign, a digit or ``.`` can be a number;
  one that starts with any other character and is not in the map is a string.
- a leading ``.``: ``strconv.ParseFloat`` (``.5``).
- a sign or a digit: a timestamp first (``2006-1-2``… — go-yaml v2's decoder hands it to
  ``interface{}`` as the string it was, decode.go), then, with every ``_`` removed,
  ``strconv.ParseInt(plain, 0, 64)``, whose base 0 reads ``0x1F``, ``0b101``, ``0o10`` and the
  leading-zero octal ``010``, and a sign (``+1``, ``-0``); then ``ParseUint``; then the
  ``yamlStyleFloat`` pattern ``^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$`` read
  by ``ParseFloat`` (``1e3``, ``+.5``, and ``08``/``09``, which are not octal); otherwise a
  string. Base 60 (``1:30``) is "purposefully unsupported": a string.
- quoted and block scalars (and ``!!str``) are strings; other tags are resolved with the tag
  (``!!int "3"`` is 3).

Then ``json.Marshal`` writes a float with no fraction as an integer (``1e3`` → ``1000``,
``2.0`` → ``2``), so a field that wants an integer takes it (the JSON is all the server sees);
``.inf`` and ``.nan`` cannot be written at all (``json: unsupported value``).

Where PyYAML's YAML 1.1 resolver (which composed the nodes) differs, and this module corrects:
``y``/``Y``/``n``/``N`` (PyYAML: strings), ``1:30`` and ``1:30.5`` (PyYAML: base-60 numbers),
``0o10`` (PyYAML: a string), ``1e3``, ``1.5e3`` and ``+.5`` (PyYAML: strings, its floats need a
dot and a signed exponent), ``08`` (PyYAML: a string), numbers past int64/uint64/float64
(PyYAML: numbers; go-yaml: strings), and timestamps (PyYAML: dates; go-yaml: strings).
Still PyYAML's: an explicit ``!!str`` on text both read as a string (``!!str y``) cannot be
told from none, so it is read as go-yaml reads the bare ``y``.

Depends on nothing of mpilint (PyYAML's node class only), so that ``yamlsource`` and every
reader of values can use it.
"""

from __future__ import annotations

import functools
import math
import re

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Literal

    from yaml.resolver import Resolver

    KubeType = Literal["string", "integer", "number", "boolean", "null", "object", "array", "other"]

__all__ = [
    "MAYBE_NOT_STRING",
    "kube_bool",
    "kube_int",
    "kube_number",
    "kube_type",
    "kube_value",
    "resolve_plain",
]

_YAML11 = "tag:yaml.org,2002:"
_STR = _YAML11 + "str"
_CORE = {
    _STR: "string",
    _YAML11 + "int": "integer",
    _YAML11 + "float": "number",
    _YAML11 + "bool": "boolean",
    _YAML11 + "null": "null",
}
_TIMESTAMP = _YAML11 + "timestamp"

# resolve.go, resolveMapList
_MAP: dict[str, tuple[str, object]] = {}
for _words, _item in (
    ("y Y yes Yes YES true True TRUE on On ON", ("boolean", True)),
    ("n N no No NO false False FALSE off Off OFF", ("boolean", False)),
    ("~ null Null NULL", ("null", None)),
    (".nan .NaN .NAN", ("number", math.nan)),
    (".inf .Inf .INF +.inf +.Inf +.INF", ("number", math.inf)),
    ("-.inf -.Inf -.INF", ("number", -math.inf)),
):
    for _word in _words.split():
        _MAP[_word] = _item
_MAP[""] = ("null", None)
# resolve.go, resolveTable: the first characters that can make a scalar anything but a string
_HINTED = frozenset("+-0123456789yYnNtTfFoO~.")
_NUMBER_START = frozenset("+-0123456789.")
# for callers' fast paths: a plain !!str scalar whose first character is not here is a string
MAYBE_NOT_STRING = _HINTED
# resolve.go, yamlStyleFloat
_YAML_STYLE_FLOAT = r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
# strconv.ParseInt(s, 0, 64) after go-yaml removed every "_": a sign, then 0x/0o/0b, a leading-0
# octal, or decimal digits
_GO_INT = r"[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)"
# strconv.ParseFloat for a scalar that starts with ".": decimal only here (a hex float cannot
# start with "."), so Python's float() reads what it reads once the form is checked
_DOT_FLOAT = r"\.[0-9]+(?:[eE][-+]?[0-9]+)?"
_INT64 = 1 << 63


def _fullmatch(pattern: str, text: str) -> bool:
    """Patterns compile on first use (mpilint's convention, see mpilint.core.lazyre): a run whose
    values are plain decimals never needs them."""
    return re.fullmatch(pattern, text) is not None  # re caches the compiled pattern


_UINT64 = 1 << 64


@functools.lru_cache(maxsize=4096)  # the same few values (1, 2, "22", true) come back all the time
def resolve_plain(text: str) -> tuple[str, object]:
    """A plain (unquoted, untagged) scalar as go-yaml v2's ``resolve("", text)`` reads it:
    (JSON type, value). Timestamps are strings, as go-yaml v2 hands them to ``interface{}``."""
    if not text:
        return "null", None  # resolveMap: "" (an empty value)
    if text[0] not in _HINTED:
        return "string", text
    item = _MAP.get(text)
    if item is not None:
        return item
    first = text[0]
    if first == ".":
        if _fullmatch(_DOT_FLOAT, text):
            return "number", float(text)
        return "string", text
    if first not in _NUMBER_START:
        return "string", text  # hint 'M': only the map could make it anything else
    # resolve.go tries a timestamp first (parseTimestamp: four digits and "-", then time.Parse);
    # go-yaml v2's decoder gives one to interface{} as its text, and text that starts with
    # "2006-" cannot be a number anyway: a string either way, found below.
    plain = text.replace("_", "")
    if (
        plain.isdigit()
        and plain.isascii()
        and len(plain) <= 18
        and (plain[0] != "0" or plain == "0")
    ):
        return "integer", int(plain)  # plain decimal well inside int64: the usual case
    # ParseInt, then ParseUint; beyond both, not an int (and no 5000-digit int() for Python)
    if len(plain) <= 80 and _fullmatch(_GO_INT, plain):
        value = _go_int(plain)
        if -_INT64 <= value < _UINT64:
            return "integer", value
    if _fullmatch(_YAML_STYLE_FLOAT, plain):
        number = float(plain)
        if not math.isinf(number):  # ParseFloat's ErrRange: go-yaml falls through to a string
            return "number", number
    # (resolve.go's later 0b/-0b branches read what ParseInt's base 0 already read)
    return "string", text


def _go_int(plain: str) -> int:
    sign = -1 if plain[0] == "-" else 1
    digits = plain.lstrip("+-")
    prefix = digits[:2].lower()
    if prefix == "0x":
        return sign * int(digits[2:], 16)
    if prefix == "0o":
        return sign * int(digits[2:], 8)
    if prefix == "0b":
        return sign * int(digits[2:], 2)
    if len(digits) > 1 and digits[0] == "0":
        return sign * int(digits[1:], 8)
    return sign * int(digits, 10)


@functools.lru_cache(maxsize=4096)
def _explicit_str(text: str) -> bool:
    """Whether a plain scalar PyYAML tagged ``!!str`` was tagged so by its author: PyYAML's own
    resolver would have read the text as something else (``!!str 010``). When both read it as a
    string (``!!str y``), the tag cannot be told from PyYAML's choice; go-yaml's reading wins."""
    global _RESOLVER
    if _RESOLVER is None:
        from yaml.resolver import Resolver

        _RESOLVER = Resolver()
    return bool(_RESOLVER.resolve(ScalarNode, text, (True, False)) != _STR)  # type: ignore[no-untyped-call]


_RESOLVER: Resolver | None = None


def kube_value(node: Node) -> tuple[str, object]:
    """(JSON type, value) of a node as the API server reads it. Mappings and lists are
    ``object``/``array`` (value None); a scalar with a tag go-yaml does not resolve, or that
    its tag refuses (``!!int "x"``: an error in go-yaml), is ``other``."""
    if node.__class__ is not ScalarNode and not isinstance(node, ScalarNode):
        if isinstance(node, MappingNode):
            return "object", None
        if isinstance(node, SequenceNode):
            return "array", None
        return "other", None
    tag = node.tag
    text = node.value
    if tag == _STR:
        # quoted, block, tagged !!str ("Any data is accepted as a !!str"), or no hint
        if node.style or not text or text[0] not in _HINTED or _explicit_str(text):
            return "string", text
        return resolve_plain(text)
    wanted = _CORE.get(tag)
    if wanted is None:
        # PyYAML's timestamps: strings to go-yaml v2's interface{}; !!binary, !custom: not judged
        return ("string", text) if tag == _TIMESTAMP else ("other", None)
    kind, value = resolve_plain(text)
    if wanted == "number" and kind == "integer":
        return "number", float(value)  # type: ignore[arg-type]  # !!float 1: resolve's defer
    if node.style and kind != wanted:
        return "other", None  # !!int "x": go-yaml fails the document ("cannot decode")
    return kind, value  # a plain scalar: go-yaml's reading (PyYAML's 1:30 is a string there)


def kube_type(node: Node) -> str:
    """``string``, ``integer``, ``number``, ``boolean``, ``null``, ``object``, ``array`` or
    ``other``: the JSON type the API server sees before the JSON step (a float stays
    ``number`` even when ``json.Marshal`` will write it without a fraction)."""
    if node.__class__ is ScalarNode:  # the usual cases without a lookup; kube_value has the rest
        tag = node.tag
        if tag == _STR:
            if node.style or node.value[:1] not in _HINTED:
                return "string"
        elif not node.style:
            same = _SAME_AS_PYYAML.get(tag)
            if same is not None:
                return same
            text = node.value
            if tag == _INT and text.isdigit() and len(text) <= 18 and text[0] != "0":
                return "integer"  # plain decimal digits, well inside int64
    return kube_value(node)[0]


# plain scalars PyYAML tags so are what go-yaml reads: resolveMapList's booleans other than
# y/Y/n/N are PyYAML's, its nulls are PyYAML's
_SAME_AS_PYYAML = {_YAML11 + "bool": "boolean", _YAML11 + "null": "null"}
_INT = _YAML11 + "int"


def kube_bool(node: Node | None) -> bool | None:
    """True or False for a YAML boolean (``yes``, ``Y``, ``on``, ``Off``…); None otherwise."""
    if node is None:
        return None
    kind, value = kube_value(node)
    return value if kind == "boolean" else None  # type: ignore[return-value]


def kube_int(node: Node | None) -> int | None:
    """The integer a Kubernetes integer field reads; None for anything else (missing, null, a
    string, a fraction). A float with no fraction counts: ``json.Marshal`` writes ``1e3`` and
    ``2.0`` as ``1000`` and ``2``, and the JSON is what the server decodes."""
    if node is None:
        return None
    kind, value = kube_value(node)
    if kind == "integer":
        return value  # type: ignore[return-value]
    if (
        kind == "number"
        and isinstance(value, float)
        and math.isfinite(value)
        and value.is_integer()
        and abs(value) < 1e21  # encoding/json writes 1e+21 from there on: not an int64
    ):
        return int(value)
    return None


def kube_number(node: Node | None) -> int | float | None:
    """An integer or a float as Kubernetes reads it; None for anything else."""
    if node is None:
        return None
    kind, value = kube_value(node)
    return value if kind in ("integer", "number") else None  # type: ignore[return-value]
