"""POSIX shell text split into simple commands, each word keeping where it was written.

The linter reads ``sh -c "..."`` strings from manifests and ``RUN`` lines from Dockerfiles.
It only needs the simple commands (program, arguments, leading assignments, redirections)
and the exact source offsets of each word, so that findings can point at a column.  A full
shell grammar (bashlex) is far too slow to run on every ``RUN`` line and raises on input it
does not like, so this is a hand-written single pass that never raises.

Expansions are never performed: the linter must not guess what ``$NP`` will be at run time,
so a word that contains one keeps it literally and says ``expands``.  Constructs whose effect
on *which* commands run this module does not model (compound commands, functions, subshells,
here-documents, unbalanced quotes) make the script ``complete=False`` instead of failing;
the commands that could still be read are returned so callers can report them with reduced
confidence.
"""

from __future__ import annotations

import re

from mpilint.core.records import MutableRecord, Record, field

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass

__all__ = ["Redirect", "Script", "SimpleCommand", "Word", "parse"]


class Word(Record):
    """One shell word after quote removal, with its span in the source text.

    ``start``/``end`` include any quotes, so a finding underlines exactly what the user typed.
    """

    text: str
    start: int
    end: int
    expands: bool


class Redirect(Record):
    """A redirection; kept apart from the words so ``> log 2>&1`` never looks like arguments."""

    op: str
    target: Word | None


class SimpleCommand(Record):
    assignments: tuple[Word, ...]
    words: tuple[Word, ...]
    redirects: tuple[Redirect, ...]


class Script(Record):
    """All simple commands of a string, in source order.

    ``complete`` is False when control flow or text this module does not model may change
    which of ``commands`` run, or when some text could not be read at all. Here-documents also
    make it False (their bodies are skipped); ``flow_complete`` ignores them, for callers that
    get the bodies elsewhere (BuildKit hands a RUN's here-documents over separately).
    """

    commands: tuple[SimpleCommand, ...]
    complete: bool
    flow_complete: bool = True


# Characters that end an unquoted word.
_WORD_BREAK = frozenset(" \t\n;&|()<>")
# A run of characters that need no special handling inside an unquoted word.
_PLAIN_RUN = re.compile(r"[^ \t\n;&|()<>'\"\\$`]+")
# A run of characters that need no special handling inside double quotes.
_DQ_RUN = re.compile(r'[^"\\$`]+')
_BLANKS = re.compile(r"(?:[ \t]|\\\n)+")
# A whole word of plain runs, single-quoted parts and double-quoted parts with no ``$``, `` ` ``
# or backslash: most words of real scripts, read by one match instead of piece by piece.
_SIMPLE_WORD = re.compile(r"""(?:[^ \t\n;&|()<>'"\\$`]+|'[^']*'|"[^"\\$`]*")+""")
_SIMPLE_PART = re.compile(r'''[^'"]+|'([^']*)'|"([^"]*)"''')
# The characters a redirection operator can start with.
_REDIRECT_START = frozenset("&<>0123456789")
# What may start something other than a plain word: blanks, comments, operators, redirections.
_NOT_PLAIN_START = frozenset(" \t\\#\n;&|()<>0123456789")
_PROCESS = frozenset({"<(", ">("})  # process substitution: part of the word
_REDIRECT_OP = re.compile(r"&>>?|[0-9]*(?:<<<|<<-|<<|<>|<&|>&|>>|>\||<|>)")
_DUP_TARGET = re.compile(r"[0-9]+-?|-")
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\+?=")
_PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SPECIAL_PARAMS = frozenset("@*#?$!-0123456789")
_ANSI_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", "'": "'", '"': '"', "?": "?"}

# Reserved words that start or continue compound commands, which are not modelled.
_COMPOUND_WORDS = frozenset(
    {
        "if",
        "then",
        "else",
        "elif",
        "fi",
        "for",
        "while",
        "until",
        "do",
        "done",
        "case",
        "esac",
        "select",
        "function",
        "coproc",
        "{",
        "}",
        "[[",
        "]]",
    }
)


def _skip_nested(s: str, i: int, closer: str) -> tuple[int, bool]:
    """Index just past the ``closer`` that balances an already opened ``$(``, ``${`` or `` ` ``.

    Iterative with an explicit stack: input like ``$($($(...`` thousands deep must not hit
    Python's recursion limit.  Returns ``(len(s), False)`` when the text ends unbalanced.
    """
    n = len(s)
    stack = [closer]
    while i < n:
        c = s[i]
        top = stack[-1]
        if top == "'":
            if c == "'":
                stack.pop()
            i += 1
        elif c == "\\":
            i += 2
            continue
        elif top in '`"':
            if c == top:
                stack.pop()
            elif top == '"' and c == "$" and s[i + 1 : i + 2] in ("(", "{"):
                stack.append(")" if s[i + 1] == "(" else "}")
                i += 1
            elif top == '"' and c == "`":
                stack.append("`")
            i += 1
        else:
            if c == top:
                stack.pop()
            elif c in "'\"`":
                stack.append(c)
            elif c == "$" and s[i + 1 : i + 2] in ("(", "{"):
                stack.append(")" if s[i + 1] == "(" else "}")
                i += 1
            elif c == "(" and top == ")":
                stack.append(")")
            elif c == "{" and top == "}":
                stack.append("}")
            i += 1
        if not stack:
            return i, True
    return n, False


def _dollar_end(s: str, i: int) -> tuple[int, bool, bool]:
    """Span of the expansion starting at ``s[i] == "$"``: ``(end, expands, balanced)``.

    A ``$`` that starts no expansion (end of text, before a blank or a quote) is literal.
    """
    nxt = s[i + 1 : i + 2]
    if nxt == "(":
        end, ok = _skip_nested(s, i + 2, ")")
        return end, True, ok
    if nxt == "{":
        end, ok = _skip_nested(s, i + 2, "}")
        return end, True, ok
    if nxt and nxt in _SPECIAL_PARAMS:
        return i + 2, True, True
    m = _PARAM_NAME.match(s, i + 1)
    if m:
        return m.end(), True, True
    return i + 1, False, True


class _WordBuffer(MutableRecord):
    """Text of the word being read, plus what assignment and keyword detection need.

    Mutable on purpose: it lives only for the duration of one word.
    """

    parts: list[str] = field(default_factory=list)
    length: int = 0
    quoted_at: int | None = None  # text length when the first quote or escape was seen
    expands: bool = False

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def add_quoted(self, text: str) -> None:
        if self.quoted_at is None:
            self.quoted_at = self.length
        self.add(text)


class _Parser:
    """Single left-to-right pass; state is the cursor and the command being assembled."""

    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.complete = True
        self.flow_complete = True
        self.commands: list[SimpleCommand] = []
        self.assignments: list[Word] = []
        self.words: list[Word] = []
        self.redirects: list[Redirect] = []
        self.heredocs: list[tuple[str, bool]] = []

    # -- driver -----------------------------------------------------------------------

    def run(self) -> Script:
        s, n = self.s, len(self.s)
        simple = _SIMPLE_WORD.match
        while self.i < n:
            c = s[self.i]
            if c not in _NOT_PLAIN_START:
                # A word of plain characters, read here rather than through ``_word``: most
                # words are, and this loop runs for every word of every RUN.
                start = self.i
                m = simple(s, start)
                end = m.end() if m is not None else start
                written = s[start:end]
                if (
                    end > start
                    and (end == n or (s[end] in _WORD_BREAK and s[end : end + 2] not in _PROCESS))
                    and "'" not in written
                    and '"' not in written
                ):
                    self.i = end
                    if not self.words:
                        if not self.assignments and (written == "!" or written in _COMPOUND_WORDS):
                            if written != "!":
                                self.complete = False
                                self.flow_complete = False
                            continue
                        if "=" in written and _ASSIGNMENT.match(written):
                            self.assignments.append(Word(written, start, end, False))
                            continue
                    self.words.append(Word(written, start, end, False))
                    continue
                self._word()
                continue
            if c == " " and self.i + 1 < n and s[self.i + 1] not in " \t\\":
                self.i += 1  # one space between words: the common blank
                continue
            if c in " \t\\":
                m = _BLANKS.match(s, self.i)
                if m:
                    self.i = m.end()
                    continue
            if c == "#":
                nl = s.find("\n", self.i)
                self.i = n if nl < 0 else nl
            elif c == "\n":
                self.i += 1
                self._end_command()
                self._skip_heredoc_bodies()
            elif c in _REDIRECT_START and self._try_redirect():
                pass
            elif c in ";&|()":
                self._operator(c)
            else:
                self._word()
        self._end_command()
        if self.heredocs:
            # Bodies not in this text: BuildKit hands a RUN's here-documents over separately.
            self.complete = False
        return Script(tuple(self.commands), self.complete, self.flow_complete)

    def _end_command(self) -> None:
        if self.assignments or self.words or self.redirects:
            self.commands.append(
                SimpleCommand(tuple(self.assignments), tuple(self.words), tuple(self.redirects))
            )
        self.assignments, self.words, self.redirects = [], [], []

    def _operator(self, c: str) -> None:
        s, i = self.s, self.i
        two = s[i : i + 2]
        if c in "()":
            self.complete = False  # subshells, function definitions, case patterns
            self.flow_complete = False
            self.i += 1
        elif two in (";;", ";&"):
            self.complete = False  # case arms
            self.flow_complete = False
            self.i += 3 if s[i : i + 3] == ";;&" else 2
        elif two in ("&&", "||", "|&"):
            self.i += 2
        else:
            self.i += 1
        self._end_command()

    # -- words ------------------------------------------------------------------------

    def _word(self) -> None:
        word, quoted_at = self._read_word()
        if word.end == word.start:  # cannot happen for well-formed dispatch; never loop
            self.complete = False
            self.flow_complete = False
            self.i += 1
            return
        at_start = not (self.words or self.assignments)
        plain = quoted_at is None and not word.expands
        if at_start and plain and word.text == "!":
            return  # pipeline negation changes only the exit status
        if at_start and plain and word.text in _COMPOUND_WORDS:
            self.complete = False
            self.flow_complete = False
            return
        if not self.words:
            m = _ASSIGNMENT.match(word.text)
            if m and (quoted_at is None or quoted_at >= m.end()):
                self.assignments.append(word)
                return
        self.words.append(word)

    def _read_word(self) -> tuple[Word, int | None]:
        """The word at the cursor, and the length of its text before its first quote or escape
        (None: nothing in it was quoted)."""
        simple = self._simple_word()
        if simple is not None:
            return simple
        s, n = self.s, len(self.s)
        start = i = self.i
        buf = _WordBuffer()
        while i < n:
            m = _PLAIN_RUN.match(s, i)
            if m:
                buf.add(m.group())
                i = m.end()
                continue
            c = s[i]
            if c in "<>" and s[i + 1 : i + 2] == "(":
                i = self._balanced(buf, s, i, i + 2, ")")  # process substitution
            elif c in _WORD_BREAK:
                break
            elif c == "'":
                i = self._single_quoted(buf, i)
            elif c == '"':
                i = self._double_quoted(buf, i + 1)
            elif c == "\\":
                i = self._backslash(buf, i)
            elif c == "$":
                i = self._dollar(buf, i, in_double_quotes=False)
            else:  # backtick
                i = self._balanced(buf, s, i, i + 1, "`")
        self.i = i
        text = "".join(buf.parts)
        return Word(text, start, i, buf.expands), buf.quoted_at

    def _simple_word(self) -> tuple[Word, int | None] | None:
        """The word at the cursor when ``_SIMPLE_WORD`` reads all of it; None otherwise (the
        word goes on with an expansion, an escape, an unclosed quote or ``<(``)."""
        s, start = self.s, self.i
        m = _SIMPLE_WORD.match(s, start)
        if m is None:
            return None
        end = m.end()
        if end < len(s):
            c = s[end]
            if c not in _WORD_BREAK or (c in "<>" and s[end + 1 : end + 2] == "("):
                return None
        self.i = end
        written = m.group()
        if "'" not in written and '"' not in written:
            return Word(written, start, end, False), None
        parts: list[str] = []
        length = 0
        quoted_at: int | None = None
        for part in _SIMPLE_PART.finditer(written):
            single, double = part.group(1), part.group(2)
            text = single if single is not None else double
            if text is None:
                text = part.group()
            elif quoted_at is None:
                quoted_at = length
            parts.append(text)
            length += len(text)
        return Word("".join(parts), start, end, False), quoted_at

    def _balanced(self, buf: _WordBuffer, s: str, start: int, body: int, closer: str) -> int:
        end, ok = _skip_nested(s, body, closer)
        if not ok:
            self.complete = False
            self.flow_complete = False
        buf.add(s[start:end])
        buf.expands = True
        return end

    def _single_quoted(self, buf: _WordBuffer, i: int) -> int:
        close = self.s.find("'", i + 1)
        if close < 0:
            self.complete = False
            self.flow_complete = False
            buf.add_quoted(self.s[i + 1 :])
            return len(self.s)
        buf.add_quoted(self.s[i + 1 : close])
        return close + 1

    def _double_quoted(self, buf: _WordBuffer, i: int) -> int:
        s, n = self.s, len(self.s)
        buf.add_quoted("")
        while i < n:
            m = _DQ_RUN.match(s, i)
            if m:
                buf.add(m.group())
                i = m.end()
                continue
            c = s[i]
            if c == '"':
                return i + 1
            if c == "\\":
                nxt = s[i + 1 : i + 2]
                if nxt in ("$", "`", '"', "\\"):
                    buf.add(nxt)
                    i += 2
                elif nxt == "\n":
                    i += 2
                else:
                    buf.add("\\")
                    i += 1
            elif c == "$":
                i = self._dollar(buf, i, in_double_quotes=True)
            else:
                i = self._balanced(buf, s, i, i + 1, "`")
        self.complete = False
        self.flow_complete = False
        return n

    def _backslash(self, buf: _WordBuffer, i: int) -> int:
        nxt = self.s[i + 1 : i + 2]
        if nxt == "\n":
            return i + 2  # line continuation: removed entirely
        if not nxt:
            buf.add("\\")  # a trailing lone backslash stays literal, as in bash
            return i + 1
        buf.add_quoted(nxt)
        return i + 2

    def _dollar(self, buf: _WordBuffer, i: int, *, in_double_quotes: bool) -> int:
        s = self.s
        nxt = s[i + 1 : i + 2]
        if not in_double_quotes and nxt == "'":
            return self._ansi_c_quoted(buf, i + 2)
        if not in_double_quotes and nxt == '"':
            return self._double_quoted(buf, i + 2)  # $"..." is a translated string
        end, expands, ok = _dollar_end(s, i)
        if not ok:
            self.complete = False
            self.flow_complete = False
        buf.add(s[i:end])
        buf.expands = buf.expands or expands
        return end

    def _ansi_c_quoted(self, buf: _WordBuffer, i: int) -> int:
        """``$'...'``: common escapes are decoded; any other makes the value unknowable."""
        s, n = self.s, len(self.s)
        buf.add_quoted("")
        while i < n:
            c = s[i]
            if c == "'":
                return i + 1
            if c == "\\" and i + 1 < n:
                decoded = _ANSI_ESCAPES.get(s[i + 1])
                if decoded is None:
                    buf.expands = True
                    decoded = s[i : i + 2]
                buf.add(decoded)
                i += 2
            else:
                buf.add(c)
                i += 1
        self.complete = False
        self.flow_complete = False
        return n

    # -- redirections -----------------------------------------------------------------

    def _try_redirect(self) -> bool:
        m = _REDIRECT_OP.match(self.s, self.i)
        if not m:
            return False
        op = m.group()
        if op in ("<", ">") and self.s[m.end() : m.end() + 1] == "(":
            return False  # <(...) is a process substitution word, not a redirection
        self.i = m.end()
        if op.endswith(("<&", ">&")):
            dup = _DUP_TARGET.match(self.s, self.i)
            if dup and self._at_word_break(dup.end()):
                self.i = dup.end()
                self.redirects.append(Redirect(op + dup.group(), None))
                return True
        target = self._redirect_target()
        if op.lstrip("0123456789") in ("<<", "<<-"):
            self.complete = False  # here-document bodies are not modelled, only skipped
            if target is not None:
                self.heredocs.append((target.text, op.endswith("-")))
        self.redirects.append(Redirect(op, target))
        return True

    def _at_word_break(self, i: int) -> bool:
        return i >= len(self.s) or self.s[i] in _WORD_BREAK

    def _redirect_target(self) -> Word | None:
        m = _BLANKS.match(self.s, self.i)
        if m:
            self.i = m.end()
        if self._at_word_break(self.i) or self.s[self.i] == "#":
            self.complete = False  # syntax error: a redirection needs a target
            self.flow_complete = False
            return None
        return self._read_word()[0]

    def _skip_heredoc_bodies(self) -> None:
        s, n = self.s, len(self.s)
        for delimiter, strip_tabs in self.heredocs:
            while self.i < n:
                nl = s.find("\n", self.i)
                line_end = n if nl < 0 else nl
                line = s[self.i : line_end]
                self.i = line_end + 1 if nl >= 0 else n
                if (line.lstrip("\t") if strip_tabs else line) == delimiter:
                    break
        self.heredocs = []


def parse(text: str) -> Script:
    """Split ``text`` into simple commands; never raises."""
    if _PLAIN_TEXT.fullmatch(text) and ";;" not in text and ";&" not in text:
        return _parse_plain(text)
    return _Parser(text).run()


# Text without quotes, expansions, escapes, comments, grouping or redirections: most RUN lines
# (``apt-get install -y … && rm -rf …``).  Its words are runs of other characters, and every
# operator in it just ends a command.
_PLAIN_TEXT = re.compile(r"""[^'"\\$`#(){}<>]*""")
_PLAIN_TOKEN = re.compile(r"[^ \t\n;&|]+|[;&|\n]")


def _parse_plain(text: str) -> Script:
    """``_Parser`` on plain text, one token at a time instead of one character class."""
    commands: list[SimpleCommand] = []
    assignments: list[Word] = []
    words: list[Word] = []
    complete = True
    for m in _PLAIN_TOKEN.finditer(text):
        written = m.group()
        if written in _OPERATOR_CHARS:
            if assignments or words:
                commands.append(SimpleCommand(tuple(assignments), tuple(words), ()))
                assignments, words = [], []
            continue
        if not words:
            if not assignments and (written == "!" or written in _COMPOUND_WORDS):
                complete = complete and written == "!"
                continue  # negation only changes the exit status; compound words: see above
            if "=" in written and _ASSIGNMENT.match(written):
                assignments.append(Word(written, m.start(), m.end(), False))
                continue
        words.append(Word(written, m.start(), m.end(), False))
    if assignments or words:
        commands.append(SimpleCommand(tuple(assignments), tuple(words), ()))
    return Script(tuple(commands), complete, complete)


_OPERATOR_CHARS = frozenset(";&|\n")
