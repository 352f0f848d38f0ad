"""A sed engine for the commands Dockerfiles use to edit OpenSSH files.

``sed -i 's/[ #]\\(.*StrictHostKeyChecking \\).*/ \\1no/g' /etc/ssh/ssh_config`` is how the
documented recipes configure ssh, so the image model must replay sed exactly: POSIX BREs (and
EREs with ``-E``) are translated to Python regular expressions, and any script it cannot replay
exactly raises ``SedError`` so the file becomes unknown instead of wrong.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from operator import attrgetter

from mpilint.core.findings import Span
from mpilint.core.records import Record

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass

__all__ = ["Line", "SedCommand", "SedError", "parse_sed", "run_sed", "translate_regex"]


class Line(Record):
    """One line of a file, with the Dockerfile span that wrote it (None: the base or package)."""

    text: str
    span: Span | None


# -- sed ------------------------------------------------------------------------------------


class SedError(ValueError):
    """A sed script (or a part of it) the model does not replay exactly."""


class _Address(Record):
    regex: re.Pattern[str] | None
    number: int | None  # 0 stands for ``$``
    negate: bool

    def matches(self, text: str, number: int, last: bool) -> bool:
        if self.regex is not None:
            hit = self.regex.search(text) is not None
        elif self.number == 0:
            hit = last
        else:
            hit = number == self.number
        return hit != self.negate


class SedCommand(Record):
    """One command of a sed script: ``s``, ``d``, or GNU's one-line ``a``/``i``/``c``."""

    kind: str
    address: _Address | None
    regex: re.Pattern[str] | None = None
    replacement: tuple[str | int, ...] = ()
    occurrence: int = 1
    every: bool = False
    text: str = ""


_POSIX_CLASSES = {
    "alpha": "a-zA-Z",
    "digit": "0-9",
    "alnum": "a-zA-Z0-9",
    "upper": "A-Z",
    "lower": "a-z",
    "space": r" \t\n\r\f\v",
    "blank": r" \t",
    "xdigit": "0-9A-Fa-f",
    "punct": re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
}


def _bracket(src: str, i: int) -> tuple[str, int]:
    """A POSIX bracket expression starting at ``src[i] == '['``: its Python form, and the index
    after it.  Backslash is literal inside brackets in POSIX."""
    j = i + 1
    out = ["["]
    if j < len(src) and src[j] == "^":
        out.append("^")
        j += 1
    first = True
    while j < len(src):
        c = src[j]
        if c == "]" and not first:
            out.append("]")
            return "".join(out), j + 1
        first = False
        if c == "[" and j + 1 < len(src) and src[j + 1] in ":.=":
            kind = src[j + 1]
            end = src.find(kind + "]", j + 2)
            if end < 0 or kind != ":" or src[j + 2 : end] not in _POSIX_CLASSES:
                raise SedError("bracket expression not translated")
            out.append(_POSIX_CLASSES[src[j + 2 : end]])
            j = end + 2
            continue
        out.append(c if c == "-" or c.isalnum() or c == " " else "\\" + c)
        j += 1
    raise SedError("unterminated bracket expression")


def _interval(src: str, i: int, closer: str) -> tuple[str, int]:
    end = src.find(closer, i)
    body = src[i:end] if end >= 0 else ""
    if end < 0 or not re.fullmatch(r"\d+(,\d*)?|,\d+", body):
        raise SedError("interval not translated")
    return "{" + body + "}", end + len(closer)


def _bre_escape(src: str, i: int, ere: bool, out: list[str]) -> tuple[int, bool]:
    """A backslash sequence at ``src[i]``; returns the next index and whether a following
    ``*`` is literal (start of a group or alternative)."""
    if i + 1 >= len(src):
        raise SedError("trailing backslash")
    d = src[i + 1]
    if not ere and d in "()|":
        out.append(d)
        return i + 2, d != ")"
    if not ere and d == "{":
        text, nxt = _interval(src, i + 2, "\\}")
        out.append(text)
        return nxt, False
    if not ere and d in "+?":
        out.append(d)
        return i + 2, False
    if d in "123456789" or d in "nt" or d in "wWsS":
        out.append("\\" + d)
    elif d.isalnum() or d in "<>`'":
        raise SedError(f"escape \\{d} not translated")
    else:
        out.append(re.escape(d))
    return i + 2, False


def translate_regex(src: str, ere: bool) -> str:
    """A POSIX basic (or, with ``ere``, extended) regular expression as a Python one.

    BRE: ``\\(\\)`` groups, ``\\{m,n\\}``, ``*`` literal at the start, ``^``/``$`` anchors only at
    the ends, GNU's ``\\+ \\? \\|``; ``+?(){}|`` are literal.  Anything else raises SedError.
    """
    out: list[str] = []
    i, n = 0, len(src)
    star_literal = True
    while i < n:
        c = src[i]
        if c == "\\":
            i, star_literal = _bre_escape(src, i, ere, out)
            continue
        if c == "[":
            text, i = _bracket(src, i)
            out.append(text)
            star_literal = False
            continue
        if c == "*":
            out.append("\\*" if star_literal else "*")
        elif c == "^":
            anchor = ere or (star_literal and (not out or out[-1] in ("(", "|")))
            out.append(r"(?:\A)" if anchor else r"\^")
            i += 1
            continue  # a * right after ^ is literal too
        elif c == "$":
            rest = src[i + 1 :]
            anchor = ere or rest == "" or rest.startswith(("\\)", "\\|"))
            out.append(r"(?:\Z)" if anchor else r"\$")
        elif c == ".":
            out.append(".")
        elif ere and c == "{":
            text, i = _interval(src, i + 1, "}")
            out.append(text)
            star_literal = False
            continue
        elif ere and c in "()|+?":
            out.append(c)
            if c in "(|":
                i += 1
                star_literal = True
                continue
        else:
            out.append(re.escape(c))
        star_literal = False
        i += 1
    return "".join(out)


def _compile(src: str, ere: bool, flags: int) -> re.Pattern[str]:
    if src == "":
        raise SedError("empty regular expression (reuses the last one)")
    try:
        return re.compile(translate_regex(src, ere), flags)
    except re.error as error:
        raise SedError(str(error)) from error


def _delimited(script: str, i: int, delim: str) -> tuple[str, int]:
    """Text up to the next unescaped ``delim``; ``\\<delim>`` becomes the delimiter itself."""
    out: list[str] = []
    while i < len(script):
        c = script[i]
        if c == "\\" and i + 1 < len(script):
            nxt = script[i + 1]
            if nxt == delim:
                out.append(delim)
            elif nxt == "\n":
                out.append("\\n")  # an escaped newline in the script is a newline
            else:
                out.append(c + nxt)
            i += 2
            continue
        if c == delim:
            return "".join(out), i + 1
        if c == "\n":
            break
        out.append(c)
        i += 1
    raise SedError("unterminated expression")


def _replacement(text: str) -> tuple[str | int, ...]:
    parts: list[str | int] = []
    literal: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "&":
            parts += ["".join(literal), 0]
            literal = []
        elif c == "\\" and i + 1 < len(text):
            d = text[i + 1]
            i += 1
            if d.isdigit():
                parts += ["".join(literal), int(d)]
                literal = []
            elif d == "n":
                literal.append("\n")
            elif d == "t":
                literal.append("\t")
            elif d in "LUElu" or d.isalnum():
                raise SedError(f"replacement escape \\{d} not followed")
            else:
                literal.append(d)
        else:
            literal.append(c)
        i += 1
    parts.append("".join(literal))
    return tuple(p for p in parts if p != "")


def _address(script: str, i: int, ere: bool) -> tuple[_Address | None, int]:
    regex: re.Pattern[str] | None = None
    number: int | None = None
    if i < len(script) and script[i] in "/\\":
        delim = "/"
        if script[i] == "\\":
            if i + 1 >= len(script):
                raise SedError("bad address")
            delim, i = script[i + 1], i + 1
        body, i = _delimited(script, i + 1, delim)
        flags = 0
        while i < len(script) and script[i] in "IM":
            if script[i] == "M":
                raise SedError("multiline address")
            flags = re.IGNORECASE
            i += 1
        regex = _compile(body, ere, flags)
    elif i < len(script) and script[i].isdigit():
        match = re.compile(r"\d+").match(script, i)
        assert match is not None
        number, i = int(match.group()), match.end()
        if number == 0:
            raise SedError("line 0")
    elif i < len(script) and script[i] == "$":
        number, i = 0, i + 1
    else:
        return None, i
    i = _skip_blanks(script, i)
    if i < len(script) and script[i] in ",~":
        raise SedError("address ranges are not followed")
    negate = i < len(script) and script[i] == "!"
    if negate:
        i = _skip_blanks(script, i + 1)
    return _Address(regex, number, negate), i


def _skip_blanks(script: str, i: int) -> int:
    while i < len(script) and script[i] in " \t":
        i += 1
    return i


def _substitute(script: str, i: int, ere: bool, address: _Address | None) -> tuple[SedCommand, int]:
    if i >= len(script) or script[i] in "\n\\":
        raise SedError("bad s delimiter")
    delim = script[i]
    pattern, i = _delimited(script, i + 1, delim)
    repl, i = _delimited(script, i, delim)
    occurrence, every, flags = 1, False, 0
    while i < len(script) and script[i] not in ";\n}":
        c = script[i]
        if c == "g":
            every = True
        elif c in "iI":
            flags |= re.IGNORECASE
        elif c.isdigit():
            match = re.compile(r"\d+").match(script, i)
            assert match is not None
            occurrence, i = int(match.group()), match.end()
            if occurrence == 0:
                raise SedError("occurrence 0")
            continue
        elif c in " \t":
            pass
        else:
            raise SedError(f"s flag {c!r} not followed")
        i += 1
    regex = _compile(pattern, ere, flags)
    parts = _replacement(repl)
    if any(isinstance(p, int) and p > regex.groups for p in parts):
        raise SedError("invalid reference on the s command's right-hand side")
    command = SedCommand("s", address, regex, parts, occurrence, every)
    return command, i


def _text_argument(script: str, i: int) -> tuple[str, int]:
    """GNU one-liner text of ``a``/``i``/``c``: ``a text``, ``a\\text`` or ``a\\`` NL ``text``."""
    i = _skip_blanks(script, i)
    if i < len(script) and script[i] == "\\":
        i += 1
        if i < len(script) and script[i] == "\n":
            i += 1
    out: list[str] = []
    while i < len(script) and script[i] != "\n":
        c = script[i]
        if c == "\\" and i + 1 < len(script):
            out.append(script[i + 1])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out), i


def parse_sed(expressions: Sequence[str], extended: bool) -> tuple[SedCommand, ...]:
    """The commands of sed's ``-e`` expressions (each one joined by a newline, as sed does).

    Kept by text: the same few recipes edit the OpenSSH files of image after image."""
    return _parse_cached(tuple(expressions), extended)


@functools.lru_cache(maxsize=512)
def _parse_cached(expressions: tuple[str, ...], extended: bool) -> tuple[SedCommand, ...]:
    script = "\n".join(expressions)
    commands: list[SedCommand] = []
    i = 0
    while i < len(script):
        c = script[i]
        if c in " \t\n;":
            i += 1
            continue
        if c == "#":
            raise SedError("comments and #n are not followed")
        address, i = _address(script, i, extended)
        if i >= len(script):
            raise SedError("missing command")
        kind = script[i]
        if kind == "s":
            command, i = _substitute(script, i + 1, extended, address)
            commands.append(command)
        elif kind == "d":
            commands.append(SedCommand("d", address))
            i += 1
        elif kind in "aic":
            text, i = _text_argument(script, i + 1)
            commands.append(SedCommand(kind, address, text=text))
        else:
            raise SedError(f"sed command {kind!r} not followed")
    if not commands:
        raise SedError("empty script")
    return tuple(commands)


def _expand(parts: tuple[str | int, ...], match: re.Match[str]) -> str:
    return "".join(p if isinstance(p, str) else (match.group(p) or "") for p in parts)


def _apply_s(command: SedCommand, text: str) -> tuple[str, bool]:
    assert command.regex is not None
    seen = 0
    changed = False

    def one(match: re.Match[str]) -> str:
        nonlocal seen, changed
        seen += 1
        if seen == command.occurrence or (command.every and seen > command.occurrence):
            changed = True
            return _expand(command.replacement, match)
        return match.group(0)

    limit = 0 if command.every or command.occurrence > 1 else 1
    result = command.regex.sub(one, text, count=limit)
    return result, changed


# What a script does to one line: (index, lines inserted before, whether the line itself stays
# as it was, its new text's lines, lines appended after).  Lines not listed stay unchanged.
_Change = tuple[int, tuple[str, ...], bool, tuple[str, ...], tuple[str, ...]]
_TEXT = attrgetter("text")


def run_sed(
    commands: Sequence[SedCommand], lines: Sequence[Line], span: Span | None
) -> tuple[Line, ...]:
    """Apply a parsed script to a file's lines; lines it changes or adds take ``span``.

    What changes depends only on the script and the texts, and the same recipes meet the
    same default files in image after image: that part is kept, only the spans are new."""
    texts = tuple(map(_TEXT, lines))
    if len(texts) > _CACHED_LINES:
        changes = _changes(tuple(commands), texts)
    else:
        changes = _cached_changes(tuple(commands), texts)
    if not changes:
        return tuple(lines)
    out: list[Line] = []
    position = 0
    for index, before, keep, middle, after in changes:
        out.extend(lines[position:index])
        out += [Line(t, span) for t in before]
        if keep:
            out.append(lines[index])
        out += [Line(t, span) for t in middle]
        out += [Line(t, span) for t in after]
        position = index + 1
    out.extend(lines[position:])
    return tuple(out)


_CACHED_LINES = 4096


@functools.lru_cache(maxsize=256)
def _cached_changes(
    commands: tuple[SedCommand, ...], texts: tuple[str, ...]
) -> tuple[_Change, ...]:
    return _changes(commands, texts)


def _changes(commands: tuple[SedCommand, ...], texts: tuple[str, ...]) -> tuple[_Change, ...]:
    changes: list[_Change] = []
    total = len(texts)
    for number, original in enumerate(texts, start=1):
        text, touched, deleted = original, False, False
        before: list[str] = []
        after: list[str] = []
        for command in commands:
            if command.address is not None and not command.address.matches(
                text, number, number == total
            ):
                continue
            if command.kind == "s":
                assert command.regex is not None
                if command.regex.search(text) is None:
                    continue  # nothing to replace: the common case, without a callback
                text, changed = _apply_s(command, text)
                touched = touched or changed
            elif command.kind == "d":
                deleted = True
                break
            elif command.kind == "i":
                before.append(command.text)
            elif command.kind == "a":
                after.append(command.text)
            else:  # c
                after.insert(0, command.text)
                deleted = True
                break
        if before or after or deleted or touched:
            keep = not deleted and not touched
            middle = tuple(text.split("\n")) if touched and not deleted else ()
            changes.append((number - 1, tuple(before), keep, middle, tuple(after)))
    return tuple(changes)
