"""RUN scripts split into simple commands once per text, not once per Dockerfile.

Images of one team are built from a few templates, so the same RUN text comes back in file
after file; splitting it (``shellwords``), placing its words and reading what each command does
to the user database are pure functions of the text and of where it starts, and cost more
than everything the walk then does with them.  A plan keeps those results.  Only words that
expand (``$VAR``) depend on the stage, and commands holding one are placed again by the walk.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from mpilint.core.lazyre import lazy
from mpilint.models.image.observe import QuietTest
from mpilint.models.image.users import Arg, UserEvent, events_for_command
from mpilint.sources.shellwords import Word
from mpilint.sources.shellwords import parse as parse_shell

__all__ = ["SHELLS", "Planned", "ScriptPlan", "plan", "shell_c_script"]

SHELLS = frozenset({"sh", "bash", "dash", "ash", "zsh", "ksh"})
USER_WORDS = lazy(r"\b(?:useradd|adduser|usermod|userdel|deluser|newusers)\b|/etc/passwd")
GROUP_WORDS = lazy(
    r"\b(?:useradd|adduser|usermod|userdel|deluser|newusers|groupadd|addgroup|groupmod"
    r"|groupdel|delgroup|gpasswd)\b|/etc/group"
)

# Longer texts are generated or hostile rather than shared between files: not kept.
_CACHED_TEXT = 8192


def shell_c_script(words: Sequence[Arg]) -> tuple[Arg, str] | None:
    """``sh -c SCRIPT`` (also ``bash -ec``): the word holding SCRIPT and its text."""
    if not words:
        return None
    program = words[0].text
    if program is None or program[program.rfind("/") + 1 :] not in SHELLS:
        return None
    for i in range(1, len(words)):
        text = words[i].text or ""
        if not text.startswith("-"):
            return None
        if "c" in text[1:] and not text.startswith("--") and i + 1 < len(words):
            script = words[i + 1].text
            return (words[i + 1], script) if script is not None else None
    return None


class Planned:
    """One simple command of a script, its words placed at ``base``.

    ``static`` commands have no expanding word: ``words``, ``redirects`` and ``inner`` (the
    ``sh -c`` script they run, with where it starts, or None) are final, and ``events`` and
    ``quiet`` are worked out the first time they are needed.  The others keep the shell's
    ``sources`` and ``targets`` for the walk to substitute and place.
    """

    __slots__ = (
        "_events",
        "_quiet",
        "inner",
        "redirects",
        "sources",
        "static",
        "targets",
        "words",
    )

    def __init__(
        self,
        sources: tuple[Word, ...],
        targets: tuple[tuple[str, Word], ...],
        base: int,
        text: str,
    ) -> None:
        self.sources = sources
        self.targets = targets
        self.static = not any(w.expands for w in sources) and not any(t.expands for _, t in targets)
        self.words: tuple[Arg, ...] = ()
        self.redirects: tuple[tuple[str, Arg], ...] = ()
        self.inner: tuple[str, int] | None = None
        self._events: tuple[UserEvent, ...] | None = None
        self._quiet: tuple[Mapping[str, QuietTest], frozenset[str]] | None = None
        if self.static:
            # ``_placed`` of each word, written out: a plan places tens of thousands of words.
            if base < 0:
                self.words = tuple([Arg(w.text, -1, -1) for w in sources])
            else:
                self.words = tuple([Arg(w.text, base + w.start, base + w.end) for w in sources])
            if targets:
                self.redirects = tuple((op, _placed(t, base)) for op, t in targets)
            self.inner = _inner(self.words, text, base)
            self.sources, self.targets = (), ()  # placed for good: not kept twice

    @property
    def events(self) -> tuple[UserEvent, ...]:
        """What the command does to users and groups (static commands only)."""
        if self._events is None:
            self._events = events_for_command(self.words, self.redirects)
        return self._events

    def quiet(self, tests: Mapping[str, QuietTest]) -> frozenset[str]:
        """The kinds of observer this (static) command changes nothing in."""
        if self._quiet is None or self._quiet[0] is not tests:
            names = frozenset(n for n, test in tests.items() if test(self.words, self.redirects))
            self._quiet = (tests, names)
        return self._quiet[1]


def _placed(word: Word, base: int) -> Arg:
    if base < 0:
        return Arg(word.text, -1, -1)
    return Arg(word.text, base + word.start, base + word.end)


def _inner(words: Sequence[Arg], text: str, base: int) -> tuple[str, int] | None:
    """The ``sh -c`` script and where it starts.  ``text`` stands at ``base`` of the site's
    text, so the holder's characters are read from ``text`` itself."""
    found = shell_c_script(words)
    if found is None:
        return None
    holder, script = found
    raw = text[holder.start - base : holder.end - base] if holder.start >= 0 else ""
    offset = raw.find(script) if raw else -1
    return script, (holder.start + offset if offset >= 0 else -1)


class ScriptPlan:
    """A script's commands in order, and what the walk asks of the script as a whole.

    ``conditional``: control flow the walk does not model surrounds the commands.
    ``user_words``/``group_words``: the text names a user or group tool (asked only when the
    script is not ``complete``).
    """

    __slots__ = ("commands", "complete", "conditional", "group_words", "user_words")

    def __init__(self, text: str, base: int) -> None:
        parsed = parse_shell(text)
        self.commands = tuple(
            Planned(
                command.words,
                tuple((r.op, r.target) for r in command.redirects if r.target is not None),
                base,
                text,
            )
            for command in parsed.commands
        )
        self.complete = parsed.complete
        self.conditional = not parsed.flow_complete
        self.user_words = not parsed.complete and bool(USER_WORDS().search(text))
        self.group_words = not parsed.complete and bool(GROUP_WORDS().search(text))


@functools.lru_cache(maxsize=2048)
def _cached(text: str, base: int) -> ScriptPlan:
    return ScriptPlan(text, base)


def plan(text: str, base: int) -> ScriptPlan:
    """The plan of ``text`` written at offset ``base`` of its site (-1: not found there)."""
    if len(text) > _CACHED_TEXT:
        return ScriptPlan(text, base)
    return _cached(text, base)
