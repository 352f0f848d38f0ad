"""Dockerfile text into instructions, the way BuildKit's parser reads it, in pure Python.

The ``dockerfile`` package (Go bindings to BuildKit v0.12's parser) has no wheel for Linux
aarch64, musl or old macOS (issue 19).  This reader returns the records the binding returns,
field for field, so that the binding can become a test oracle instead of a runtime
dependency.  It follows BuildKit's rules, quirks included (a flag is read byte by byte, as
Latin-1; JSON after the closing bracket is ignored), because the reference is what ``docker
build`` does, not what a Dockerfile should mean.  Where the binding itself fails (a NUL ends
its C string; a lone surrogate cannot be encoded for it) this reader simply reads the text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import NamedTuple

__all__ = ["Command", "DockerfileSyntaxError", "Heredoc", "parse_string"]


class Heredoc(NamedTuple):
    name: str
    file_descriptor: int
    content: str


class Command(NamedTuple):
    """One instruction, with the binding's field names and values (None for empty text)."""

    cmd: str | None
    sub_cmd: str | None
    json: bool
    original: str | None
    start_line: int
    end_line: int
    flags: tuple[str, ...]
    value: tuple[str, ...]
    heredocs: tuple[Heredoc, ...]


class DockerfileSyntaxError(ValueError):
    """The text is not a Dockerfile BuildKit accepts; the message is BuildKit's."""


# Go's unicode.IsSpace: Latin-1 spaces plus Unicode's White_Space (Python's isspace differs).
_GO_SPACE = frozenset(
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)
_GO_SPACES = "".join(sorted(_GO_SPACE))
_WHITESPACE = re.compile(r"[\t\v\f\r ]+")
_DIRECTIVE = re.compile(
    r"#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*\Z"
)
_HEREDOC = re.compile(r"([0-9]*)<<(-?)([^<]*)\Z")
_HEREDOC_COMMANDS = frozenset({"add", "copy", "run"})
_MAX_LINE = 64 * 1024  # bufio.Scanner's limit, newline included


def _go_trim(text: str) -> str:
    return text.strip(_GO_SPACES)


def _trim_newline(line: str) -> str:
    return line.rstrip("\r\n")


def _is_comment(line: str) -> bool:
    return _trim_newline(line).lstrip(_GO_SPACES).startswith("#")


class _Directives:
    def __init__(self) -> None:
        self.escape = "\\"
        self.done = False
        self.seen: set[str] = set()
        self._continuation = self._pattern("\\")

    @staticmethod
    def _pattern(escape: str) -> re.Pattern[str]:
        e = re.escape(escape)
        return re.compile(rf"([^{e}]){e}[ \t]*\Z|^{e}[ \t]*\Z")

    def see(self, line: str) -> None:
        """Every line goes through the directive parser; only a leading run can match."""
        if self.done:
            return
        match = _DIRECTIVE.match(line)
        if match is None or "\n" in match.group(2):
            self.done = True
            return
        name = match.group(1).lower()
        if name not in ("syntax", "escape"):
            self.done = True
            return
        if name in self.seen:
            raise DockerfileSyntaxError(f"only one {name} parser directive can be used")
        self.seen.add(name)
        if name == "escape":
            value = match.group(2)
            if value not in ("`", "\\"):
                raise DockerfileSyntaxError(
                    f"invalid escape token '{value}' does not match ` or \\"
                )
            self.escape = value
            self._continuation = self._pattern(value)

    def trim_continuation(self, line: str) -> tuple[str, bool]:
        """The line without its continuation character, and whether the instruction ends."""
        if self._continuation.search(line):
            return self._continuation.sub(r"\1", line), False
        return line, True


def _process(directives: _Directives, raw: str, strip_left: bool) -> str:
    token = _trim_newline(raw)
    if strip_left:
        token = token.lstrip(_GO_SPACES)
    directives.see(token)
    return "" if token.startswith("#") else token


def _lines(text: str) -> list[str]:
    """Lines with their endings, as bufio.Scanner with BuildKit's scanLines gives them."""
    pieces = text.split("\n")
    lines = [piece + "\n" for piece in pieces[:-1]]
    if pieces[-1]:
        lines.append(pieces[-1])
    return lines


def parse_string(text: str) -> tuple[Command, ...]:
    """Every instruction of ``text``; raises DockerfileSyntaxError with BuildKit's message."""
    lines = _lines(text)
    too_long = next(
        (
            i
            for i, line in enumerate(lines)
            if len(line.encode("utf-8", "surrogatepass")) > _MAX_LINE
        ),
        len(lines),
    )
    scanner_error = too_long < len(lines)
    lines = lines[:too_long]
    if lines:
        lines[0] = lines[0].removeprefix("\ufeff")
    directives = _Directives()
    commands: list[Command] = []
    index = 0
    total = len(lines)
    current = 0
    while index < total:
        raw = lines[index]
        index += 1
        token = _process(directives, raw, True)
        current += 1
        start = current
        line, ended = directives.trim_continuation(token)
        if ended and line == "":
            continue
        while not ended and index < total:
            raw = lines[index]
            index += 1
            processed = _process(directives, raw, False)
            current += 1
            if _is_comment(raw):
                continue
            if not processed.lstrip(_GO_SPACES):
                continue  # an empty continuation line: BuildKit warns and skips it
            piece, ended = directives.trim_continuation(processed)
            line += piece
        node = _node(line, directives)
        heredocs: list[Heredoc] = []
        if "<<" in line and node.can_contain_heredoc():  # no "<<": no here-document word
            for name, fd, chomp in _heredocs_of(line):
                content: list[str] = []
                terminated = False
                while index < total:
                    raw = lines[index]
                    index += 1
                    current += 1
                    candidate = _trim_newline(raw)
                    if chomp:
                        candidate = candidate.lstrip("\t")
                    if candidate == name:
                        terminated = True
                        break
                    content.append(raw)
                if not terminated:
                    raise DockerfileSyntaxError("unterminated heredoc")
                heredocs.append(Heredoc(name, fd, "".join(content)))
        commands.append(node.command(start, current, tuple(heredocs)))
    if not commands:
        raise DockerfileSyntaxError("file with no instructions")
    if scanner_error:
        raise DockerfileSyntaxError(
            f"dockerfile line greater than max allowed size of {_MAX_LINE - 1}"
        )
    return tuple(commands)


# -- one instruction ----------------------------------------------------------------------


class _Node:
    __slots__ = ("child", "cmd", "flags", "is_json", "original", "values")

    def __init__(
        self,
        cmd: str,
        original: str,
        flags: tuple[str, ...],
        values: tuple[str, ...] | None,
        is_json: bool,
        child: _Node | None = None,
    ) -> None:
        self.cmd = cmd
        self.original = original
        self.flags = flags
        self.values = values  # None: no argument node at all
        self.is_json = is_json
        self.child = child  # ONBUILD's instruction

    def can_contain_heredoc(self) -> bool:
        node = self.child if self.cmd.lower() == "onbuild" and self.child else self
        return node.cmd.lower() in _HEREDOC_COMMANDS and not node.is_json

    def command(self, start: int, end: int, heredocs: tuple[Heredoc, ...]) -> Command:
        inner = self.child or self
        original = self.original
        if self.child is not None:
            # BuildKit reads ONBUILD's here-documents (the lines are consumed) but keeps them on
            # the ONBUILD node, and the binding reads them from the sub-instruction: none.
            heredocs = ()
        if heredocs:
            original += "\n" + "".join(h.content + h.name + "\n" for h in heredocs)
        return Command(
            self.cmd or None,  # a lone continuation line at the end makes an empty one
            self.child.cmd or None if self.child else None,
            inner.is_json,
            original or None,
            start,
            end,
            self.flags,
            inner.values or (),
            heredocs,
        )


def _node(line: str, directives: _Directives) -> _Node:
    parts = _WHITESPACE.split(_go_trim(line), maxsplit=1)
    cmd = parts[0]
    flags: tuple[str, ...] = ()
    args = ""
    if len(parts) == 2:
        args, flags = _builder_flags(parts[1])
    args = _go_trim(args)
    kind = cmd.lower()
    if kind == "onbuild":
        if not args:
            return _Node(cmd, line, flags, None, False)
        # The argument node holding the sub-instruction has an empty value of its own: the
        # binding lists it for an ONBUILD inside an ONBUILD.
        return _Node(cmd, line, flags, ("",), False, _node(args, directives))
    values, is_json = _arguments(kind, args, directives.escape)
    return _Node(cmd, line, flags, values, is_json)


def _builder_flags(text: str) -> tuple[str, tuple[str, ...]]:
    """BuildKit's extractBuilderFlags: it indexes bytes and takes each as a character."""
    line = text.encode("utf-8", "surrogatepass").decode("latin-1")
    words: list[str] = []
    word = ""
    phase = 0  # 0: between words, 1: in a word, 2: in quotes
    quote = ""
    blank_ok = False
    pos = 0
    size = len(line)
    while pos <= size:
        ch = line[pos] if pos < size else ""
        if phase == 0:
            if pos == size:
                break
            if ch in _GO_SPACE:
                pos += 1
                continue
            if ch != "-" or pos + 1 == size or line[pos + 1] != "-":
                return _from_bytes(line[pos:]), tuple(words)
            phase = 1
        if pos == size:
            if word != "--" and (blank_ok or word):
                words.append(word)
            break
        if phase == 1:
            if ch in _GO_SPACE:
                phase = 0
                if word == "--":
                    return _from_bytes(line[pos:]), tuple(words)
                if blank_ok or word:
                    words.append(word)
                word = ""
                blank_ok = False
            elif ch in "'\"":
                quote = ch
                blank_ok = True
                phase = 2
            elif ch == "\\":
                if pos + 1 < size:
                    pos += 1
                    word += line[pos]
            else:
                word += ch
        else:
            if ch == quote:
                phase = 1
            elif ch == "\\":
                if pos + 1 == size:
                    phase = 1
                else:
                    pos += 1
                    word += line[pos]
            else:
                word += ch
        pos += 1
    return "", tuple(words)


def _from_bytes(text: str) -> str:
    """Back from the byte view: a flag's characters are Latin-1 for BuildKit (it converts each
    byte of ``--x=é`` to a rune), the rest of the line is its bytes as they were."""
    data = text.encode("latin-1")
    try:
        return data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        # BuildKit split a character (a byte 0x85 or 0xA0 inside one is a blank to it); the
        # binding then fails to decode its own output.  Keep the text, marking the cut.
        return data.decode("utf-8", "replace")


def _arguments(kind: str, rest: str, escape: str) -> tuple[tuple[str, ...] | None, bool]:
    if kind in ("run", "cmd", "entrypoint", "shell"):
        return _maybe_json(rest)
    if kind in ("add", "copy", "volume"):
        parsed = _json(rest)
        return (parsed, True) if parsed is not None else (_split(rest), False)
    if kind in ("env", "label"):
        return _name_values(rest, "ENV" if kind == "env" else "LABEL", escape), False
    if kind == "arg":
        return tuple(_words(rest, escape)) or None, False
    if kind in ("expose", "from"):
        return _split(rest), False
    if kind in ("maintainer", "stopsignal", "user", "workdir"):
        return ((rest,) if rest else None), False
    if kind == "healthcheck":
        return _healthcheck(rest)
    return ("",), False  # an unknown instruction: BuildKit keeps an empty argument


def _split(rest: str) -> tuple[str, ...] | None:
    return tuple(_WHITESPACE.split(rest)) if rest else None


def _maybe_json(rest: str) -> tuple[tuple[str, ...] | None, bool]:
    if not rest:
        return None, False
    parsed = _json(rest)
    return (parsed, True) if parsed is not None else ((rest,), False)


class _NotGo(ValueError):
    """JSON that Go's decoder rejects and Python's accepts."""


def _no_constant(name: str) -> object:
    raise _NotGo(name)


def _go_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _NotGo(text)  # Go cannot hold it in a float64: an error, so shell form
    return value


_DECODER = json.JSONDecoder(parse_constant=_no_constant, parse_float=_go_float)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _json(rest: str) -> tuple[str, ...] | None:
    """The exec form, or None for shell form; Go's decoder reads one value and ignores what
    follows it, and a non-string element is an error, not shell form."""
    rest = rest.lstrip(_GO_SPACES)
    if not rest.startswith("["):
        return None
    try:
        value, _ = _DECODER.raw_decode(rest)
    except (ValueError, RecursionError):
        return None
    if not all(isinstance(item, str) for item in value):
        raise DockerfileSyntaxError(
            "when using JSON array syntax, arrays must be comprised of strings only"
        )
    return tuple(_SURROGATE.sub("\ufffd", item) for item in value)


def _healthcheck(rest: str) -> tuple[tuple[str, ...] | None, bool]:
    data = rest.encode("utf-8", "surrogatepass").decode("latin-1")  # bytes, as BuildKit
    sep = 0
    while sep < len(data) and data[sep] not in _GO_SPACE:
        sep += 1
    after = sep
    while after < len(data) and data[after] in _GO_SPACE:
        after += 1
    if sep == 0:
        return None, False
    values, is_json = _maybe_json(_from_bytes(data[after:]))
    return (_from_bytes(data[:sep]), *(values or ())), is_json


def _name_values(rest: str, key: str, escape: str) -> tuple[str, ...] | None:
    words = _words(rest, escape)
    if not words:
        return None
    if "=" not in words[0]:
        parts = _WHITESPACE.split(rest, maxsplit=1)
        if len(parts) < 2:
            raise DockerfileSyntaxError(f"{key} must have two arguments")
        return (parts[0], parts[1])
    values: list[str] = []
    for word in words:
        if "=" not in word:
            raise DockerfileSyntaxError(
                f"Syntax error - can't find = in {_go_quote(word)}. Must be of the form: name=value"
            )
        name, value = word.split("=", 1)
        values += (name, value)
    return tuple(values)


def _go_quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # %q of printable text; enough for messages


def _words(rest: str, escape: str) -> list[str]:
    """BuildKit's parseWords: quotes and escapes are kept, only blanks split."""
    words: list[str] = []
    word = ""
    phase = 0
    quote = ""
    blank_ok = False
    pos = 0
    size = len(rest)
    while pos <= size:
        ch = rest[pos] if pos < size else ""
        if phase == 0:
            if pos == size:
                break
            if ch in _GO_SPACE:
                pos += 1
                continue
            phase = 1
        if pos == size:
            if blank_ok or word:
                words.append(word)
            break
        if phase == 1:
            if ch in _GO_SPACE:
                phase = 0
                if blank_ok or word:
                    words.append(word)
                word = ""
                blank_ok = False
                pos += 1
                continue
            if ch in "'\"":
                quote = ch
                blank_ok = True
                phase = 2
            if ch == escape:
                if pos + 1 == size:
                    pos += 1
                    continue
                word += ch
                pos += 1
                ch = rest[pos]
            word += ch
        else:
            if ch == quote:
                phase = 1
            if ch == escape and quote != "'":
                if pos + 1 == size:
                    phase = 1
                    pos += 1
                    continue
                pos += 1
                word += ch
                ch = rest[pos]
            word += ch
        pos += 1
    return words


# -- here-documents -----------------------------------------------------------------------


def _heredocs_of(line: str) -> list[tuple[str, int, bool]]:
    """(name, file descriptor, chomp) of each ``<<WORD`` in the instruction's words."""
    try:
        words = _Lex(line, raw=True).words()
    except _LexError:
        return []  # BuildKit ignores this error: no here-document
    found: list[tuple[str, int, bool]] = []
    for word in words:
        match = _HEREDOC.match(word)
        if match is None or not match.group(3):
            continue
        digits, dash, rest = match.groups()
        try:
            names = _Lex(rest, raw=False).words()
            raw_names = _Lex(rest, raw=True).words()
        except _LexError as exc:
            raise DockerfileSyntaxError(str(exc)) from None
        if len(names) != 1:
            continue
        if len(raw_names) != 1:
            raise DockerfileSyntaxError(
                f"internal lexing of heredoc produced inconsistent results: {rest}"
            )
        found.append((names[0], int(digits) if digits else 0, dash == "-"))
    return found


class _LexError(Exception):
    pass


class _Words:
    __slots__ = ("in_word", "word", "words")

    def __init__(self) -> None:
        self.word = ""
        self.words: list[str] = []
        self.in_word = False

    def add(self, ch: str) -> None:
        if ch in _GO_SPACE:
            if self.in_word and self.word:
                self.words.append(self.word)
                self.word = ""
                self.in_word = False
        else:
            self.add_raw(ch)

    def add_raw(self, text: str) -> None:
        self.word += text
        self.in_word = True

    def done(self) -> list[str]:
        if self.word:
            self.words.append(self.word)
            self.word = ""
        return self.words


class _Lex:
    """BuildKit's shell lexer with no variables known and unset ones kept as written, which is
    how it finds here-document words; ``raw`` keeps quotes and escapes."""

    def __init__(self, text: str, raw: bool) -> None:
        self.text = text
        self.pos = 0
        self.raw = raw

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def next(self) -> str:
        ch = self.peek()
        self.pos += 1 if ch else 0
        return ch

    def words(self) -> list[str]:
        return self.until("")[1]

    def until(self, stop: str) -> tuple[str, list[str]]:
        result: list[str] = []
        words = _Words()
        while self.peek():
            ch = self.peek()
            if stop and ch == stop:
                self.next()
                return "".join(result), words.done()
            if ch == "$":
                value = self.dollar()
                result.append(value)
                for c in value:
                    words.add(c)
            elif ch == "'":
                value = self.single()
                result.append(value)
                words.add_raw(value)
            elif ch == '"':
                value = self.double()
                result.append(value)
                words.add_raw(value)
            else:
                ch = self.next()
                if ch == "\\":
                    if self.raw:
                        words.add_raw(ch)
                        result.append(ch)
                    ch = self.next()
                    if not ch:
                        break
                    words.add_raw(ch)
                else:
                    words.add(ch)
                result.append(ch)
        if stop:
            raise _LexError(f"unexpected end of statement while looking for matching {stop}")
        return "".join(result), words.done()

    def single(self) -> str:
        result = [self.next()] if self.raw else []
        while True:
            ch = self.next()
            if not ch:
                raise _LexError(
                    "unexpected end of statement while looking for matching single-quote"
                )
            if ch == "'":
                if self.raw:
                    result.append(ch)
                return "".join(result)
            result.append(ch)

    def double(self) -> str:
        opening = self.next()
        result = [opening] if self.raw else []
        while True:
            ch = self.peek()
            if not ch:
                raise _LexError(
                    "unexpected end of statement while looking for matching double-quote"
                )
            if ch == '"':
                self.next()
                if self.raw:
                    result.append(ch)
                return "".join(result)
            if ch == "$":
                result.append(self.dollar())
                continue
            ch = self.next()
            if ch == "\\":
                if self.raw:
                    result.append(ch)
                following = self.peek()
                if not following:
                    continue
                if following in '"$\\':
                    ch = self.next()
            result.append(ch)

    def dollar(self) -> str:
        self.next()
        if self.peek() != "{":
            name = self.name()
            return "$" + name
        self.next()
        following = self.peek()
        if not following:
            raise _LexError("syntax error: missing '}'")
        if following in "{}:":
            raise _LexError("syntax error: bad substitution")
        name = self.name()
        ch = self.next()
        modifier = ch or "\ufffd"
        if ch == "}":
            return "${" + name + "}"
        if ch == ":":
            ch = self.next()
            modifier += ch or "\ufffd"
        elif ch not in ("+", "-", "?") or not ch:
            raise _LexError(f"unsupported modifier ({modifier}) in substitution")
        try:
            word, _ = self.until("}")
        except _LexError:
            if not self.peek():
                raise _LexError("syntax error: missing '}'") from None
            raise
        return "${" + name + modifier + word + "}"

    def name(self) -> str:
        chars: list[str] = []
        while self.peek():
            ch = self.peek()
            if not chars and unicodedata.category(ch) == "Nd":
                while self.peek() and unicodedata.category(self.peek()) == "Nd":
                    chars.append(self.next())
                return "".join(chars)
            if not chars and ch in "@*#?-$!0":
                return self.next()
            kind = unicodedata.category(ch)
            if ch != "_" and not (kind.startswith("L") or kind == "Nd"):
                break
            chars.append(self.next())
        return "".join(chars)
