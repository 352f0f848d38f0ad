"""The simple commands a container's argv runs, each word knowing where it was written.

Several rules ask "which programs does this container run": the MPI launcher and its count,
whether a worker ends in sshd, which port that sshd listens on.  They must all read a command
alike, or one rule unwraps ``gosu mpiuser bash -lc "..."`` while another stops at ``gosu``;
so this is the one reader.  Programs hide behind wrappers (``tini --``, ``env X=1``, ``su -c``,
``exec``) and inside shell strings (``bash -c "cd /w && exec mpirun ..."``, possibly nested);
the wrappers are removed with their options and the strings are split by
:mod:`mpilint.sources.shellwords` (never bashlex: too slow for every container, and it raises).

Nothing is guessed: a program word that expands (``$(MPIRUN)``), a shell that runs a file, a
shell string with control flow, or nesting too deep makes the reading incomplete instead.
Every word keeps an :class:`ArgRef` so findings can point at the exact characters; where no
exact column exists (escapes inside a nested string), the reference widens to the enclosing
word rather than pointing at a wrong one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from mpilint.core.records import MutableRecord, Record, field
from mpilint.sources import shellwords

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass

__all__ = [
    "ArgRef",
    "Command",
    "Reading",
    "SshdArgs",
    "Word",
    "argv_words",
    "basename",
    "read_argv",
    "read_sshd",
]


class ArgRef(Record):
    """Where a word was written: argv[index], characters [start, end) of that item.

    ``(0, len(item))`` for a whole item.  Words found inside an ``sh -c`` string point into
    that string; when a nested string had escapes, so that no exact column exists, the ref is
    the whole enclosing word.
    """

    index: int
    start: int
    end: int


class Word(Record):
    """A word as the program will receive it (``text``), with where it was written (``ref``).

    ``expands`` is True when its value is only known at run time (``$(NP)`` for Kubernetes,
    ``$NP`` in a shell string).  ``base`` is the offset in ``argv[ref.index]`` of ``text[0]``
    when ``text`` is a verbatim slice of that item; None when quotes or escapes inside make
    columns inexact.
    """

    text: str
    ref: ArgRef
    expands: bool
    base: int | None

    def tail(self, offset: int) -> Word:
        """``text[offset:]`` (the value of ``--np=4``, the string of ``-cSTRING``), placed."""
        if self.base is None:
            return Word(self.text[offset:], self.ref, self.expands, None)
        start = self.base + offset
        ref = ArgRef(self.ref.index, start, self.base + len(self.text))
        return Word(self.text[offset:], ref, self.expands, start)


class Command(Record):
    """One simple command, its wrappers removed: ``words[0]`` is the program.

    ``last``: its exit ends the container (it is PID 1, or the last command of the shell
    string that is).  ``reached`` is False after an ``exec`` that replaced the shell: such
    commands are written but never run.  ``complete`` is False when a shell string around it
    has control flow or unreadable text, so that whether and how often it runs is unknown.
    """

    words: tuple[Word, ...]
    last: bool
    reached: bool
    complete: bool

    @property
    def program(self) -> Word:
        return self.words[0]

    @property
    def name(self) -> str:
        """The program's file name: ``mpirun`` for ``/usr/bin/mpirun``."""
        return basename(self.words[0].text)


class Reading(Record):
    """Every simple command of an argv, in source order.

    ``complete`` is False when some part that runs could not be read (an expanding program,
    a shell running a script file, control flow, nesting too deep): other programs may run.
    """

    commands: tuple[Command, ...]
    complete: bool


def basename(text: str) -> str:
    """The file name a program word names: rules match ``/usr/sbin/sshd`` and ``sshd`` alike."""
    return text.rsplit("/", 1)[-1]


# Kubernetes expands $(NAME) in command/args before the process sees them; $$ escapes it.
_K8S_REF = re.compile(r"(?<!\$)(?:\$\$)*\$\([A-Za-z_][A-Za-z0-9_.-]*\)")


def argv_words(argv: Sequence[str]) -> tuple[Word, ...]:
    """The argv items as words, each placed as the whole item."""
    return tuple(
        Word(item, ArgRef(i, 0, len(item)), "$(" in item and bool(_K8S_REF.search(item)), 0)
        for i, item in enumerate(argv)
    )


def read_argv(argv: Sequence[str]) -> Reading:
    """The simple commands a container's effective argv (``command`` + ``args``) runs.

    Several rules read the same container's argv; a Reading is immutable, so one is shared."""
    return _read_argv(tuple(argv))


@functools.lru_cache(maxsize=256)
def _read_argv(argv: tuple[str, ...]) -> Reading:
    walk = _Walk()
    walk.words(argv_words(argv), _Place(last=True, reached=True, complete=True, depth=0))
    return Reading(tuple(walk.commands), walk.complete)


# ---------------------------------------------------------------------------------------
# Wrappers


class _Wrapper(Record):
    """A program that runs its operands as a command (``gosu user mpirun ...``).

    ``short_values``/``long_values``: options that take a value (getopt rules: ``-uUSER``,
    ``-u USER``, ``--user=USER``, ``--user USER``); ``operands``: words before the command
    (``timeout DURATION``); ``assignments``: NAME=value words accepted before the command.
    """

    short_values: str = ""
    long_values: frozenset[str] = frozenset()
    operands: int = 0
    assignments: bool = False
    dash_is_option: bool = False


_WRAPPERS: dict[str, _Wrapper] = {
    "env": _Wrapper(
        "uCS",
        frozenset({"--unset", "--chdir", "--split-string"}),
        assignments=True,
        dash_is_option=True,
    ),
    "exec": _Wrapper("a"),
    "time": _Wrapper("fo", frozenset({"--format", "--output"})),
    "nohup": _Wrapper(),
    "timeout": _Wrapper("sk", frozenset({"--signal", "--kill-after"}), operands=1),
    "nice": _Wrapper("n", frozenset({"--adjustment"})),
    "stdbuf": _Wrapper("ioe", frozenset({"--input", "--output", "--error"})),
    "tini": _Wrapper("pe"),
    "tini-static": _Wrapper("pe"),
    "dumb-init": _Wrapper("r", frozenset({"--rewrite"})),
    "gosu": _Wrapper(operands=1),
    "su-exec": _Wrapper(operands=1),
    "sudo": _Wrapper(
        "ugCDprtTUR",
        frozenset({"--user", "--group", "--close-from", "--chdir", "--prompt", "--role"})
        | frozenset({"--type", "--command-timeout", "--other-user", "--chroot"}),
        assignments=True,
    ),
    "numactl": _Wrapper(
        "imNCpPw",
        frozenset({"--interleave", "--membind", "--cpunodebind", "--physcpubind"})
        | frozenset({"--preferred", "--preferred-many", "--weighted-interleave"}),
    ),
    "setsid": _Wrapper(),
}

_SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ash", "ksh", "mksh"})
_SU = _Wrapper(
    "csgGwu",
    frozenset({"--command", "--session-command", "--shell", "--group", "--supp-group"})
    | frozenset({"--whitelist-environment", "--user"}),
    dash_is_option=True,
)
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
_MAX_DEPTH = 8


class _Opt(Record):
    """One option as getopt sees it: its name, its value word if any, and the next index."""

    name: str
    value: Word | None
    next: int


def _getopt(spec: _Wrapper, words: Sequence[Word], i: int) -> _Opt | None:
    """The option at ``words[i]``, or None when ``words[i]`` is not an option."""
    word = words[i]
    text = word.text
    if text == "-" and spec.dash_is_option:
        return _Opt("-", None, i + 1)
    if not text.startswith("-") or text in ("-", "--"):
        return None
    if text.startswith("--"):
        name, eq, _ = text.partition("=")
        if eq:
            return _Opt(name, word.tail(len(name) + 1), i + 1)
        if name in spec.long_values:
            return _Opt(name, words[i + 1] if i + 1 < len(words) else None, i + 2)
        return _Opt(name, None, i + 1)
    for pos in range(1, len(text)):
        if text[pos] in spec.short_values:
            name = "-" + text[pos]
            if pos + 1 < len(text):
                return _Opt(name, word.tail(pos + 1), i + 1)
            return _Opt(name, words[i + 1] if i + 1 < len(words) else None, i + 2)
    return _Opt(text, None, i + 1)


def _skip_wrapper(spec: _Wrapper, words: Sequence[Word], i: int) -> int:
    """Index of the wrapped command after ``words[i-1]``, a wrapper program."""
    while i < len(words):
        opt = _getopt(spec, words, i)
        if opt is None:
            break
        i = opt.next
    if i < len(words) and words[i].text == "--":
        i += 1
    while spec.assignments and i < len(words) and _ASSIGNMENT.match(words[i].text):
        i += 1
    return i + spec.operands


def _shell_string(words: Sequence[Word], i: int) -> Word | None:
    """The ``-c`` string of ``sh``-like ``words[i-1]``; None when it runs a file or stdin."""
    command_mode = False
    while i < len(words):
        text = words[i].text
        if text in ("-", "--"):
            i += 1
            break
        if text.startswith("--"):
            i += 2 if text in ("--rcfile", "--init-file") else 1
        elif text[:1] in "-+" and len(text) > 1:
            letters = text[1:]
            command_mode = command_mode or (text[0] == "-" and "c" in letters)
            i += 1 + letters.count("o") + letters.count("O")
        else:
            break
    if command_mode and i < len(words):
        return words[i]
    return None


class _SuCommand(Record):
    string: Word | None  # su/runuser -c STRING
    command: int | None  # runuser -u USER [--] COMMAND...: index of COMMAND


def _su(words: Sequence[Word], i: int) -> _SuCommand:
    """What ``su``/``runuser`` will run; their options may follow the user (getopt permutes)."""
    string: Word | None = None
    user_option = False
    while i < len(words):
        if words[i].text == "--":
            i += 1
            break
        opt = _getopt(_SU, words, i)
        if opt is None:
            if user_option:
                break  # runuser -u USER COMMAND: the command starts here
            i += 1  # the user, or arguments handed to the shell
            continue
        if opt.name in ("-c", "--command", "--session-command"):
            string = opt.value
        user_option = user_option or opt.name in ("-u", "--user")
        i = opt.next
    if string is None and user_option and i < len(words):
        return _SuCommand(None, i)
    return _SuCommand(string, None)


# ---------------------------------------------------------------------------------------
# Walking an argv and its shell strings


class _Place(Record):
    """Where the words being read stand: see :class:`Command` for the flags."""

    last: bool
    reached: bool
    complete: bool
    depth: int


def _word_in(string: Word, word: shellwords.Word) -> Word:
    """A word of the shell string ``string.text``, placed in the argv item it came from."""
    if string.base is None:
        return Word(word.text, string.ref, word.expands, None)
    start, end = string.base + word.start, string.base + word.end
    ref = ArgRef(string.ref.index, start, end)
    raw = string.text[word.start : word.end]
    base: int | None = None
    if raw == word.text:
        base = start
    elif len(raw) >= 2 and raw[0] in "'\"" and raw[-1] == raw[0] and raw[1:-1] == word.text:
        base = start + 1
    return Word(word.text, ref, word.expands, base)


class _Walk(MutableRecord):
    """What a walk found; mutable only while walking."""

    commands: list[Command] = field(default_factory=list)
    complete: bool = True

    def unreadable(self, place: _Place) -> None:
        """Something that runs could not be read (what is never reached does not matter)."""
        if place.reached:
            self.complete = False

    def words(self, words: Sequence[Word], place: _Place) -> None:
        """One command: unwrap wrappers until a shell string or the real program."""
        i = 0
        while i < len(words):
            word = words[i]
            if _ASSIGNMENT.match(word.text):
                i += 1
                continue
            if word.expands:
                self.unreadable(place)  # `$(MPIRUN) -n 2`: which program runs is unknown
                return
            name = basename(word.text)
            if name in _SHELLS:
                string = _shell_string(words, i + 1)
                if string is None:
                    self.unreadable(place)  # `bash /start.sh`: a script we cannot read
                else:
                    self.string(string, place)
                return
            if name in ("su", "runuser"):
                su = _su(words, i + 1)
                if su.string is not None:
                    self.string(su.string, place)
                    return
                if su.command is None:
                    self.unreadable(place)
                    return
                i = su.command
            elif name in _WRAPPERS:
                i = _skip_wrapper(_WRAPPERS[name], words, i + 1)
            else:
                self.commands.append(
                    Command(tuple(words[i:]), place.last, place.reached, place.complete)
                )
                return

    def string(self, string: Word, place: _Place) -> None:
        """The simple commands of a shell string; only the last one run ends the shell."""
        if place.depth >= _MAX_DEPTH:
            self.unreadable(place)
            return
        script = shellwords.parse(string.text)
        if not script.complete:
            self.unreadable(place)  # control flow decides which commands run
        ran = _commands_run(script.commands)
        for n, command in enumerate(script.commands):
            inner = _Place(
                last=place.last and n == ran - 1,
                reached=place.reached and n < ran,
                complete=place.complete and script.complete,
                depth=place.depth + 1,
            )
            self.words([_word_in(string, w) for w in command.words], inner)


def _commands_run(commands: Sequence[shellwords.SimpleCommand]) -> int:
    """How many of a shell string's commands run: ``exec PROGRAM`` replaces the shell."""
    for n, command in enumerate(commands):
        if len(command.words) > 1 and command.words[0].text == "exec":
            return n + 1
    return len(commands)


# ---------------------------------------------------------------------------------------
# sshd's own options

# sshd options that take a value (the getopt string of OpenSSH sshd.c); the others are flags.
_SSHD_VALUES = frozenset("CEbcfghkopu")


class SshdArgs(Record):
    """What an sshd command line says, for the rules about workers' sshd.

    ``flags``: the one-letter options (``D``, ``e``, ``p`` ...).  ``ports``: the ports given
    by ``-p N`` and ``-o Port=N``, each with the word that holds it.  ``port_option``: ``-p``
    was given, which makes sshd ignore ``Port`` in its config.  ``port_unknown``: a port is
    given in a way it cannot be read (``-p $PORT``, ``-o ListenAddress=...``).  ``config``:
    the ``-f`` file.
    """

    program: Word
    flags: frozenset[str]
    ports: tuple[tuple[int, Word], ...]
    port_option: bool
    port_unknown: bool
    config: Word | None

    @property
    def absolute(self) -> bool:
        """sshd re-executes itself and refuses to start when called by a relative name."""
        return self.program.text.startswith("/")

    @property
    def foreground(self) -> bool:
        """``-D`` (or ``-d``): without it sshd detaches and the calling process goes on."""
        return bool(self.flags & {"D", "d"})


class _SshdReading(MutableRecord):
    flags: set[str] = field(default_factory=set)
    ports: list[tuple[int, Word]] = field(default_factory=list)
    port_option: bool = False
    port_unknown: bool = False
    config: Word | None = None

    def value(self, letter: str, value: Word, holder: Word) -> None:
        """Option ``-<letter>`` with ``value``, written in the word ``holder``."""
        if letter == "p":
            self.port_option = True
            self.port(value.text, holder)
        elif letter == "o":
            key, _, rest = value.text.replace("=", " ", 1).partition(" ")
            if key.lower() == "listenaddress":
                self.port_unknown = True  # an address may carry its own port
            elif key.lower() == "port":
                self.port(rest.strip(), holder)
        elif letter == "f":
            self.config = value

    def port(self, number: str, holder: Word) -> None:
        if holder.expands or not number.isdecimal():
            self.port_unknown = True
        else:
            self.ports.append((int(number), holder))


def read_sshd(words: Sequence[Word]) -> SshdArgs:
    """sshd's options after the program ``words[0]``, as its getopt reads them.

    ``-De -p 2222``, ``-p2222``, ``-Dep 2222``, ``-o Port=2222``, ``-oPort=2222``; reading
    stops at the first operand, ``-`` or ``--``.  A port keeps the word it is written in
    (``-p2222`` as a whole), which is what a finding should underline.
    """
    reading = _SshdReading()
    i = 1
    while i < len(words):
        word = words[i]
        text = word.text
        if text in ("-", "--") or not text.startswith("-"):
            break
        i += 1
        for pos in range(1, len(text)):
            letter = text[pos]
            reading.flags.add(letter)
            if letter not in _SSHD_VALUES:
                continue
            if pos + 1 < len(text):
                reading.value(letter, word.tail(pos + 1), word)
            elif i < len(words):
                reading.value(letter, words[i], words[i])
                i += 1
            break
    return SshdArgs(
        words[0],
        frozenset(reading.flags),
        tuple(reading.ports),
        reading.port_option,
        reading.port_unknown,
        reading.config,
    )
