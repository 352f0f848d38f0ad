"""OpenSSH client and server configuration, read as ssh and sshd will read it.

Rules ask one question of an image's ssh files: "what value does ssh (or sshd) use for this
keyword, and which Dockerfile line set it?"  Answering needs OpenSSH's own reading rules, which
surprise people: the FIRST value of a keyword wins (a ``Port 2222`` appended after an
uncommented ``Port 22`` changes nothing), except that sshd collects every ``Port``,
``ListenAddress`` and ``HostKey``; keywords are case-insensitive and may be written
``Key=value``; ``Include`` reads other files (globs, relative to ``/etc/ssh``) at that point;
settings under ``Host``/``Match`` apply only to some connections.

A value is *unknown* (``UNKNOWN``) whenever something the reader cannot see may come first: an
``Include`` of a file whose content is unknown, or a ``Host``/``Match`` block that may or may not
apply to the workers.  Rules stay silent on unknown values.
"""

from __future__ import annotations

import enum
import fnmatch
import functools
import posixpath
import re
from collections.abc import Sequence

from mpilint.core.findings import Span
from mpilint.core.records import MutableRecord, Record
from mpilint.models.image.files import FileFacts, FileState, Line

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass

__all__ = [
    "UNKNOWN",
    "Config",
    "Setting",
    "Unknowable",
    "read_config",
    "split_line",
]


class Unknowable(enum.Enum):
    UNKNOWN = "unknown"


UNKNOWN = Unknowable.UNKNOWN

# sshd keywords that accumulate instead of "first one wins" (servconf.c).
_SERVER_MULTI = frozenset({"port", "listenaddress", "hostkey"})
_MAX_DEPTH = 16


class Setting(Record):
    """One keyword line: ``keyword`` lower-cased, its arguments unquoted, where it stands."""

    keyword: str
    args: tuple[str, ...]
    file: str
    line: int
    span: Span | None  # the Dockerfile instruction that wrote the line; None: base or package
    written: str  # the line as written

    @property
    def value(self) -> str:
        return " ".join(self.args)


class _Opaque(Record):
    """Something that may set ``keyword`` (None: any keyword) before the lines after it."""

    keyword: str | None
    reason: str
    span: Span | None


_Item = Setting | _Opaque


class Config(Record):
    """The effective items of one config file (includes expanded), in reading order.

    ``exists`` is None when the file itself is unknown: every value is then ``UNKNOWN``.
    """

    path: str
    server: bool
    exists: bool | None
    items: tuple[_Item, ...]
    span: Span | None = None  # where the file itself was created or replaced

    def value(self, keyword: str) -> Setting | Unknowable | None:
        """The value in effect: the first setting, None for the built-in default."""
        if self.exists is None:
            return UNKNOWN
        key = keyword.lower()
        for item in self.items:
            if isinstance(item, _Opaque):
                if item.keyword is None or item.keyword == key:
                    return UNKNOWN
            elif item.keyword == key:
                return item
        return None

    def values(self, keyword: str) -> tuple[Setting, ...] | Unknowable:
        """Every setting of an accumulating sshd keyword (``Port``, ``HostKey``…)."""
        if self.exists is None:
            return UNKNOWN
        key = keyword.lower()
        if not self.server or key not in _SERVER_MULTI:
            first = self.value(keyword)
            return first if isinstance(first, Unknowable) else (() if first is None else (first,))
        found: list[Setting] = []
        for item in self.items:
            if isinstance(item, _Opaque):
                if item.keyword is None or item.keyword == key:
                    return UNKNOWN
            elif item.keyword == key:
                found.append(item)
        return tuple(found)


@functools.lru_cache(maxsize=8192)
def split_line(text: str) -> tuple[str, tuple[str, ...]] | None:
    """``Keyword args`` / ``Keyword=args`` / quoted args → (lower-cased keyword, args); None
    for blank and comment lines.  Raises ValueError on an unterminated quote.

    Kept by text: rules read the same few configuration files again and again (each rule
    reads the files it needs, and images share the packages' default files)."""
    stripped = text.strip()
    if not stripped or stripped.startswith("#"):
        return None
    match = _KEYWORD_LINE.match(stripped)
    if match is None:
        return None
    return match.group(1).lower(), tuple(_words(match.group(2)))


_KEYWORD_LINE = re.compile(r"([^\s=]+)\s*(?:=\s*)?(.*)$")


def _words(rest: str) -> list[str]:
    words: list[str] = []
    i, n = 0, len(rest)
    while i < n:
        while i < n and rest[i] in " \t":
            i += 1
        if i >= n or rest[i] == "#":
            break
        out: list[str] = []
        while i < n and rest[i] not in " \t":
            c = rest[i]
            if c in "\"'":
                end = rest.find(c, i + 1)
                if end < 0:
                    raise ValueError("unterminated quote")
                out.append(rest[i + 1 : end])
                i = end + 1
                continue
            if c == "\\" and i + 1 < n and rest[i + 1] in "\"'\\":
                out.append(rest[i + 1])
                i += 2
                continue
            out.append(c)
            i += 1
        words.append("".join(out))
    return words


# -- Host and Match -------------------------------------------------------------------------

_WORKER = re.compile(r"worker|launcher|\.svc\b|cluster\.local")


def _host_applies(patterns: Sequence[str]) -> bool | None:
    """Whether a ``Host`` line covers the job's hosts (``<job>-worker-<i>.<job>.<ns>.svc``):
    True for ``*``, False for names that cannot be a worker, None when it may be."""
    positive = [p for p in patterns if not p.startswith("!")]
    if "*" in positive and len(positive) == len(patterns):
        return True
    if patterns and all("*" not in p and "?" not in p and not _WORKER.search(p) for p in patterns):
        return False  # plain names of other machines (github.com, a gateway)
    return None


def _match_applies(args: Sequence[str]) -> bool | None:
    if [a.lower() for a in args] == ["all"]:
        return True
    return None


# -- reading --------------------------------------------------------------------------------


class _Reader(MutableRecord):
    facts: FileFacts
    server: bool
    items: list[_Item]
    # None: outside any block; True/False/None inside a Host/Match block (applies/never/may).
    block: bool | None = True

    def read(self, state: FileState, depth: int) -> None:
        if state.exists is not True or state.lines is None:
            if state.exists is not False:
                self.items.append(_Opaque(None, f"{state.path} is not known", state.span))
            return
        path = state.path
        for number, line in enumerate(state.lines, start=1):
            text = line.text
            if not text or text[0] == "#":
                continue  # what ``split_line`` says of it (None), without asking
            try:
                parsed = split_line(text)
            except ValueError:
                self.items.append(_Opaque(None, f"{path}:{number} cannot be read", line.span))
                continue
            if parsed is not None:  # most lines of the packages' files are comments
                self.setting(path, number, line, parsed, depth)

    def setting(
        self,
        path: str,
        number: int,
        line: Line,
        parsed: tuple[str, tuple[str, ...]],
        depth: int,
    ) -> None:
        keyword, args = parsed
        if keyword == "include":
            if self.block is not False:
                self.include(args, line.span, depth)
            return
        if keyword in ("host", "match"):
            if self.server:
                self.block = False  # sshd: Match blocks are per-connection, never global
            elif keyword == "host":
                self.block = _host_applies(args)
            else:
                self.block = _match_applies(args)
            return
        setting = Setting(keyword, args, path, number, line.span, line.text)
        if self.block is True:
            self.items.append(setting)
        elif self.block is None:
            self.items.append(_Opaque(keyword, f"{path}:{number} is under a Host/Match", line.span))

    def include(self, patterns: Sequence[str], span: Span | None, depth: int) -> None:
        if depth >= _MAX_DEPTH:
            self.items.append(_Opaque(None, "Include nested too deep", span))
            return
        for pattern in patterns:
            full = pattern if pattern.startswith("/") else posixpath.join("/etc/ssh", pattern)
            if pattern.startswith("~") or "%" in pattern or "$" in pattern:
                self.items.append(_Opaque(None, f"Include {pattern} is not followed", span))
                continue
            if any(c in full for c in "*?["):
                found, complete = self.facts.matching(full)
                for state in sorted(found, key=lambda s: s.path):
                    if fnmatch.fnmatchcase(state.path, full):
                        self.read(state, depth + 1)
                if not complete:
                    self.items.append(_Opaque(None, f"Include {pattern} may read more", span))
                continue
            self.read(self.facts.file(full), depth + 1)


def read_config(facts: FileFacts, path: str, server: bool) -> Config:
    """The effective reading of ``path`` in the image (``server``: sshd's rules).

    Kept by facts (``files.files_of`` hands every rule the same) and question: several rules
    read the same file of one image."""
    readings = facts._readings
    key = (path, server)
    config = readings.get(key)
    if config is None:
        config = readings[key] = _read_config(facts, path, server)
    assert isinstance(config, Config)
    return config


def _read_config(facts: FileFacts, path: str, server: bool) -> Config:
    state = facts.file(path)
    if state.exists is not True or state.lines is None:
        exists = state.exists if state.exists is False else None
        return Config(path, server, exists, (), state.span)
    reader = _Reader(facts, server, [])
    reader.read(state, 0)
    return Config(path, server, True, tuple(reader.items), state.span)
