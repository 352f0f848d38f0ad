"""The seam between the Dockerfile walk and the facts gathered from it.

``dockerfile.py`` reads stages, ARG/ENV substitution, shell parsing and positions once; each
kind of fact (files the image writes, software it installs, …) is an observer that is shown
every simple command of every RUN and every other instruction of its stage, in order. So a new
kind of fact is a new observer module, not another pass over the Dockerfile or another branch
in the walker.  A kind whose observers most commands leave alone may name those commands
(``kinds.quiet_tests``): RUN lines are most of the walk's work, and most of their commands concern
one kind of fact at most.

An observer belongs to one stage. ``FROM <earlier stage>`` continues a ``fork`` of that stage's
observer; ``FROM <external image>`` starts a new one from the observer's factory, which knows
what the base image contains (or that it does not know).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from mpilint.core.findings import Span
from mpilint.core.records import Record
from mpilint.models.image.users import Arg

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Protocol

    from mpilint.models.image.declared import Declared


class RunSite(Record):
    """Where the commands of one RUN instruction are written.

    ``span`` turns the offsets of an ``Arg`` into a position in the Dockerfile (offsets of -1
    give the whole instruction). ``heredocs`` holds this RUN's here-document bodies by delimiter,
    for ``cat > FILE <<EOF`` forms. ``conditional`` is True when the command stands inside shell
    control flow (if/for/while…) the walk does not model: it may not run, or run several times.
    """

    span: Callable[[int, int], Span]
    whole: Span
    heredocs: Mapping[str, str]
    conditional: bool = False


class Instruction:
    """A non-RUN instruction of the stage, after ARG/ENV substitution of its words.

    Never changed once made.  A plain class rather than a record: the walk makes one per
    instruction, and few observers ask where it or each word is written, so ``whole`` and
    ``locate`` run only when ``span`` and ``word_spans`` are first read.
    """

    __slots__ = (
        "_locate",
        "_span",
        "_whole",
        "_word_spans",
        "cmd",
        "context_dir",
        "flags",
        "heredocs",
        "json",
        "words",
    )

    def __init__(
        self,
        cmd: str,
        words: tuple[str, ...],
        flags: tuple[str, ...],
        json: bool,
        whole: Callable[[], Span],
        heredocs: tuple[tuple[str, str], ...],
        context_dir: str,
        locate: Callable[[], tuple[Span, ...]],
    ) -> None:
        self.cmd = cmd  # upper case: COPY, ADD, CMD, ENTRYPOINT, EXPOSE, ENV, WORKDIR, USER, …
        self.words = words  # the arguments (exec form: the JSON items; ENV: name, value, …)
        self.flags = flags  # --from=…, --chown=…, --chmod=…
        self.json = json  # exec form (CMD ["a", "b"]) rather than shell form
        self.heredocs = heredocs  # COPY <<EOF bodies: (delimiter, content)
        self.context_dir = context_dir  # the build context: the Dockerfile's folder
        self._whole = whole
        self._span: Span | None = None
        self._locate = locate
        self._word_spans: tuple[Span, ...] | None = None

    @property
    def span(self) -> Span:
        """The whole instruction."""
        if self._span is None:
            self._span = self._whole()
        return self._span

    @property
    def word_spans(self) -> tuple[Span, ...]:
        """One per word, where it is written."""
        if self._word_spans is None:
            self._word_spans = self._locate()
        return self._word_spans


if TYPE_CHECKING:
    # What every observer provides; read by mypy only (no run time check needs the class).
    class StageObserver(Protocol):
        def on_command(
            self, words: Sequence[Arg], redirects: Sequence[tuple[str, Arg]], site: RunSite
        ) -> None:
            """One simple command of a RUN (``sh -c`` strings and RUN here-document scripts
            are already split into their commands). ``Arg.text`` is None where a word cannot be
            known."""

        def on_instruction(self, instruction: Instruction, donor: StageObserver | None) -> None:
            """Any instruction but FROM, ARG and RUN. ``donor`` is the observer of the stage named
            by ``COPY --from=<stage>``, so facts can be copied from it; None otherwise."""

        def fork(self) -> StageObserver:
            """An independent copy for a later ``FROM <this stage>``."""

    ObserverFactory = Callable[[str | None, Declared], StageObserver]
    """Starts an observer for a stage built FROM the given external image (None: unresolved),
    with the base images the Dockerfile's configuration declares."""


QuietTest = Callable[[Sequence[Arg], Sequence[tuple[str, Arg]]], bool]
"""Whether a simple command (words, redirections) certainly changes nothing in the observers
of a kind; from the command alone, never from an observer's state."""
