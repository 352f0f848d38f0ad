"""The runtime claims mpilint's rules make, each tied to the scenario that reproduces it.

A claim is text a rule's message or rationale quotes as what a program prints or does on the
cluster. Each scenario module (``test_*.py`` in this folder) lists its claims in a module-level
``CLAIMS`` and asserts, from the real program's output, that each quote appears there
(:func:`assert_printed`). ``test_claims.py`` then checks the other half: that each quote is still
in what the rule says, so a claim cannot outlive its message or its proof.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Claim:
    rule: str  # "MPL203"
    quote: str  # the text as the program prints it, and as the rule quotes it
    scenario: str  # the test function in this folder that reproduces it: "test_sshd::test_x"
    holds_for: str  # the versions the scenario ran, e.g. "OpenSSH 9.2p1 (Debian 12)"
    where: str = "message"  # "message" (a finding's text), "rationale" (the rule's docs), "both"


def printed_pattern(quote: str, instead: Mapping[str, str] | None = None) -> re.Pattern[str]:
    """The text a program must print for ``quote``: "…" stands for text the rule leaves out
    (a path, a host), and ``instead`` swaps a value the rule names for the one the scenario had to
    use (the cluster's port 22 on 0.0.0.0 for a free port on 127.0.0.1), each swap written out
    in the scenario so a reader sees exactly what differs."""
    for theirs, ours in (instead or {}).items():
        alone = re.compile(rf"(?<!\w){re.escape(theirs)}(?!\w)")  # "N", not the N of "No"
        assert alone.search(quote), f"{theirs!r} is not in the quote {quote!r}"
        quote = alone.sub(lambda _: ours, quote)
    return re.compile(".+?".join(re.escape(part.strip()) for part in quote.split("…")), re.S)


def assert_printed(claim: Claim, output: str, instead: Mapping[str, str] | None = None) -> None:
    """The scenario's half of a claim: the program printed the text the rule quotes."""
    pattern = printed_pattern(claim.quote, instead)
    assert pattern.search(output), (
        f"{claim.rule} quotes {claim.quote!r}, but {claim.holds_for} printed:\n{output[-3000:]}"
    )
