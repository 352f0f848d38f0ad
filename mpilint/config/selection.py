"""Which rules a run reports: ``--select`` and ``--ignore`` by id, name or id prefix.

As in ruff: ``select`` replaces the default set (every rule), ``ignore`` removes from it, and
the more specific selector wins when both name a rule (``--select MPL1 --ignore MPL110``).
"""

from __future__ import annotations

from collections.abc import Iterable

from mpilint.core import catalog
from mpilint.core.records import Record

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass

# "Could not check this file" is never deselected by accident: a CI gate that selects a few
# rules must still fail on a file it could not read, or on a job it did not read as one
# (MPL008). Only an explicit --ignore by id or name silences these.
ALWAYS_ON = frozenset({"MPL001", "MPL003", "MPL004", "MPL005", "MPL006", "MPL008"})


class SelectorError(ValueError):
    """A selector that names no rule: a usage error, so typos do not silently select nothing."""


class Selection(Record):
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for selector in (*self.select, *self.ignore):
            if not _known(selector):
                close = _closest(selector)
                hint = f"did you mean {close!r}? " if close else ""
                raise SelectorError(
                    f"unknown rule selector {selector!r}: {hint}use an id (MPL102), a prefix"
                    " (MPL1), a name (process-count-mismatch) or ALL"
                )

    def enabled(self, rule_id: str, name: str) -> bool:
        if rule_id in ALWAYS_ON:
            return specificity(self.ignore, rule_id, name) < 99
        chosen = specificity(self.select, rule_id, name) if self.select else 0
        if self.select and chosen < 0:
            return False
        return specificity(self.ignore, rule_id, name) <= chosen

    @classmethod
    def of(
        cls,
        select: Iterable[str] | None,
        ignore: Iterable[str] | None,
        extend_select: Iterable[str] | None = None,
    ) -> Selection:
        """``extend_select`` adds to ``select``; with no ``select`` every rule is on anyway,
        but its selectors are still checked so a typo is an error."""
        chosen, extra = _split(select), _split(extend_select)
        if not chosen:
            cls(tuple(extra))  # validate only
        return cls(tuple(chosen + extra if chosen else ()), tuple(_split(ignore)))


def _split(values: Iterable[str] | None) -> list[str]:
    return [v.strip() for value in values or () for v in value.split(",") if v.strip()]


def specificity(selectors: tuple[str, ...], rule_id: str, name: str) -> int:
    """How closely the best selector names the rule: -1 none, 0 ALL, prefix length, 99 exact."""
    best = -1
    for selector in selectors:
        if selector.upper() == "ALL":
            best = max(best, 0)
        elif selector.lower() == name or selector.upper() == rule_id:
            best = 99
        elif rule_id.startswith(selector.upper()) and selector.upper().startswith("MPL"):
            best = max(best, len(selector))
    return best


def _known(selector: str) -> bool:
    wanted = selector.upper()
    return wanted == "ALL" or any(
        m.name == selector.lower() or (wanted.startswith("MPL") and m.id.startswith(wanted))
        for m in catalog.all_meta()
    )


def _closest(selector: str) -> str | None:
    """The id or name a mistyped selector most likely meant (the same guess `explain` makes)."""
    return catalog.closest(selector)
