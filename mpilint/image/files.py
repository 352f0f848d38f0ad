"""Placeholder observer: replaced by the real files model."""

from __future__ import annotations

from collections.abc import Sequence

from mpilint.image.observe import Instruction, RunSite, StageObserver
from mpilint.image.users import Arg


class _Nothing:
    def on_command(
        self, words: Sequence[Arg], redirects: Sequence[tuple[str, Arg]], site: RunSite
    ) -> None:
        return None

    def on_instruction(self, instruction: Instruction, donor: StageObserver | None) -> None:
        return None

    def fork(self) -> StageObserver:
        return self


def start(base: str | None) -> StageObserver:
    return _Nothing()
