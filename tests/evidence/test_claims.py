"""The other half of every claim: the rule still says what its scenario proves, and every
runtime text a rule quotes has a scenario (or a reason in ``claims.ALLOWED``).

A scenario asserts that the program printed the rule's quote; this asserts that the quote is
still in the rule's finding (run through the real CLI on the rule's bad examples) or rationale.
Together a quote can change on neither side without a test failing. Scenario modules join by
being a ``test_*.py`` file in this folder with a module-level ``CLAIMS``.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

from tests.evidence.claims import ALLOWED, Claim
from tests.evidence.quoted import all_quotes, normal, said, source_literals

HERE = Path(__file__).parent


def _modules() -> dict[str, object]:
    names = sorted(p.stem for p in HERE.glob("test_*.py") if p.stem != Path(__file__).stem)
    return {name: importlib.import_module(f"tests.evidence.{name}") for name in names}


MODULES = _modules()
CLAIMS: list[Claim] = [c for m in MODULES.values() for c in getattr(m, "CLAIMS", [])]


def test_there_are_claims() -> None:
    assert len(CLAIMS) >= 20, sorted(MODULES)


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: f"{c.rule}-{c.quote[:40]}")
def test_the_scenario_exists(claim: Claim) -> None:
    module, _, function = claim.scenario.partition("::")
    assert module in MODULES, f"{claim.scenario}: no tests/evidence/{module}.py"
    test = getattr(MODULES[module], function, None)
    assert inspect.isfunction(test) and function.startswith("test_"), claim.scenario
    assert claim.where in ("message", "rationale", "both"), claim.where


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: f"{c.rule}-{c.quote[:40]}")
def test_the_rule_still_says_it(claim: Claim) -> None:
    rule = said(claim.rule)
    quote = normal(claim.quote)
    if claim.where in ("message", "both"):
        # A bad example's finding, or else a message the rule's code writes (a branch no example
        # reaches, such as a version-dependent warning), read as Python joins its literals.
        assert any(quote in m for m in rule.messages) or any(
            quote in text for text in source_literals(claim.rule)
        ), (
            f"{claim.rule}'s bad examples no longer give a message quoting {quote!r}, nor does"
            " its code hold it:\n" + "\n".join(rule.messages)
        )
    if claim.where in ("rationale", "both"):
        assert quote in rule.rationale, f"{claim.rule}'s rationale no longer quotes {quote!r}"


def test_every_runtime_quote_is_proven() -> None:
    """Each runtime quote of each rule is a claim's quote, or allowed with a reason."""
    quotes = all_quotes()
    proven = {(c.rule, normal(c.quote)) for c in CLAIMS}
    unproven = sorted(set(quotes) - proven - set(ALLOWED))
    assert not unproven, (
        f"{len(unproven)} of {len(quotes)} runtime quotes have no scenario: add a Claim in a"
        " tests/evidence scenario, or a reason in claims.ALLOWED:\n"
        + "\n".join(f"  {rule}: {quote!r}" for rule, quote in unproven)
    )


def test_the_lists_are_not_stale() -> None:
    """An allowed quote that no rule says any more, or that a claim now proves, must leave the
    list: it says what is unproven today. A scenario module keeps no claims aside."""
    quotes = set(all_quotes())
    proven = {(c.rule, normal(c.quote)) for c in CLAIMS}
    assert not (set(ALLOWED) - quotes), sorted(set(ALLOWED) - quotes)
    assert not (set(ALLOWED) & proven), sorted(set(ALLOWED) & proven)
    aside = [name for name, m in MODULES.items() if hasattr(m, "AWAITING_WORDING")]
    assert not aside, f"claims kept out of CLAIMS (AWAITING_WORDING) in {aside}"
