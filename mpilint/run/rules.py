"""Which rules a run runs, found by id: ``rules/<ID>.yaml`` says a rule exists, and its check is
``check`` in the module ``mpilint.rules.<ID>`` beside it (as sqlfluff loads a family's rules).

There is no list to keep: the hundreds of an id say what the rule reads (the contract in
DESIGN.md): MPL0xx are the readers' and the run's own findings, with no module; MPL1xx read a
manifest; MPL2xx and MPL3xx a job paired with its image. A module is imported only when its
rule is enabled and the run first needs its target: a run that pairs no image never imports the
pair rules, whose modules import the image model (tens of milliseconds).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from mpilint.core import catalog
from mpilint.core.records import Record

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Any, Literal

    from mpilint.ruleapi import Hit

    Target = Literal["input", "manifest", "pair"]

_TARGETS: dict[str, Target] = {"0": "input", "1": "manifest", "2": "pair", "3": "pair"}


def target_of(rule_id: str) -> Target:
    """What a rule reads, from its id alone."""
    return _TARGETS[rule_id[3]]


def input_rules() -> frozenset[str]:
    """The findings the readers and the run make themselves (no module)."""
    return frozenset(i for i in catalog.rule_ids() if target_of(i) == "input")


def module_name(rule_id: str) -> str:
    return f"mpilint.rules.{rule_id}"


class Rule(Record):
    id: str
    check: Callable[[Any], Iterable[Hit]]


class Rules:
    """The enabled rules of one run, by target, each module imported on first ask.

    ``check`` is read from the module when the run first asks for the target, so a test may
    replace a module's ``check`` (monkeypatch) before a run."""

    def __init__(self, enabled: Callable[[str], bool]) -> None:
        self._enabled = enabled
        self._loaded: dict[Target, tuple[Rule, ...]] = {}

    def of(self, target: Target) -> tuple[Rule, ...]:
        rules = self._loaded.get(target)
        if rules is None:
            rules = self._loaded[target] = tuple(
                Rule(i, importlib.import_module(module_name(i)).check)
                for i in catalog.rule_ids()
                if target_of(i) == target and self._enabled(i)
            )
        return rules

    def ids(self, target: Target) -> frozenset[str]:
        """The enabled rules of a target, without importing them."""
        ids = catalog.rule_ids()
        return frozenset(i for i in ids if target_of(i) == target and self._enabled(i))

    def load(self, target: Target) -> None:
        """Import a target's modules now: before the run forks, so each child has them."""
        self.of(target)
