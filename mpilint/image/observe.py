"""The seam between the Dockerfile walk and the facts gathered from it.

``dockerfile.py`` reads stages, ARG/ENV substitution, shell parsing and positions once; each
kind of fact (files the image writes, software it installs, …) is an observer that is shown
every simple command of every RUN and every other instruction of its stage, in order. So a new
kind of fact is a new observer module, not another pass over the Dockerfile or another branch
in the walker.

An observer belongs to one stage. ``FROM <earlier stage>`` continues a ``fork`` of that stage's
observer; ``FROM <external image>`` starts a new one from the observer's factory, which knows
what the base image contains (or that it does not know).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from mpilint.findings import Span
from mpilint.image.users import Arg


@dataclass(frozen=True)
class RunSite:
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


@dataclass(frozen=True)
class Instruction:
    """A non-RUN instruction of the stage, after ARG/ENV substitution of its words."""

    cmd: str  # upper case: COPY, ADD, CMD, ENTRYPOINT, EXPOSE, ENV, WORKDIR, USER, …
    words: tuple[str, ...]  # the arguments (exec form: the JSON list items; ENV: name, value, …)
    flags: tuple[str, ...]  # --from=…, --chown=…, --chmod=…
    json: bool  # exec form (CMD ["a", "b"]) rather than shell form
    span: Span  # the whole instruction
    word_spans: tuple[Span, ...]  # one per word, where it is written
    heredocs: tuple[tuple[str, str], ...]  # COPY <<EOF bodies: (delimiter, content)
    context_dir: str  # the build context: the Dockerfile's folder, for COPY sources


class StageObserver(Protocol):
    def on_command(
        self, words: Sequence[Arg], redirects: Sequence[tuple[str, Arg]], site: RunSite
    ) -> None:
        """One simple command of a RUN (``sh -c`` strings and RUN here-document scripts are
        already split into their commands). ``Arg.text`` is None where a word cannot be known."""

    def on_instruction(self, instruction: Instruction, donor: StageObserver | None) -> None:
        """Any instruction but FROM, ARG and RUN. ``donor`` is the observer of the stage named
        by ``COPY --from=<stage>``, so facts can be copied from it; None otherwise."""

    def fork(self) -> StageObserver:
        """An independent copy for a later ``FROM <this stage>``."""


ObserverFactory = Callable[[str | None], StageObserver]
"""Starts an observer for a stage built FROM the given external image (None: unresolved)."""


def factories() -> tuple[tuple[str, ObserverFactory], ...]:
    """Every kind of fact, by name; imported here, lazily, so ``import mpilint.image`` stays
    cheap and a manifest-only run never loads them."""
    from mpilint.image import files, software

    return (("files", files.start), ("software", software.start))
