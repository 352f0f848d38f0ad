"""--select and --ignore, by id, prefix, name and ALL, as ruff users expect."""

from __future__ import annotations

from pathlib import Path

import pytest

from mpilint.config.selection import Selection, SelectorError
from tests.harness import REPO, Cli


@pytest.mark.parametrize(
    ("select", "ignore", "rule", "enabled"),
    [
        ((), (), "MPL102", True),
        (("MPL1",), (), "MPL102", True),
        (("MPL1",), (), "MPL301", False),
        (("process-count-mismatch",), (), "MPL102", True),
        (("ALL",), ("MPL102",), "MPL102", False),
        (("MPL1",), ("MPL10",), "MPL102", False),
        (("MPL102",), ("MPL1",), "MPL102", True),  # the more specific selector wins
        ((), ("image-mismatch",), "MPL104", False),
        ((), ("image-mismatch",), "MPL103", True),
    ],
)
def test_enabled(
    select: tuple[str, ...], ignore: tuple[str, ...], rule: str, enabled: bool
) -> None:
    from mpilint.core import catalog

    assert Selection(select, ignore).enabled(rule, catalog.meta(rule).name) is enabled


@pytest.mark.parametrize("bad", ["MPL9", "no-such-rule", "E501"])
def test_unknown_selectors_are_usage_errors(bad: str) -> None:
    with pytest.raises(SelectorError):
        Selection((bad,), ())


def test_cli_select_and_ignore(cli: Cli) -> None:
    broken = str(REPO / "examples" / "broken")
    every = {f["rule"] for f in cli("--format", "json", broken).json()["findings"]}
    assert {"MPL101", "MPL102", "MPL104"} <= every
    only = {
        f["rule"]
        for f in cli("--format", "json", "--select", "MPL101,MPL104", broken).json()["findings"]
    }
    # the broken configmap.yaml cannot be read: that is reported whatever is selected
    assert only == {"MPL001", "MPL101", "MPL104"}
    rest = {
        f["rule"] for f in cli("--format", "json", "--ignore", "MPL1", broken).json()["findings"]
    }
    assert rest == {r for r in every if not r.startswith("MPL1")}


def test_cli_unknown_selector_exits_2(cli: Cli, tmp_path: Path) -> None:
    result = cli("--select", "MPL9", str(REPO / "examples" / "good"))
    assert result.code == 2 and "unknown rule selector" in result.err


def test_could_not_check_findings_need_an_exact_ignore(cli: Cli) -> None:
    broken = str(REPO / "examples" / "broken")

    def rules(*options: str) -> set[str]:
        return {f["rule"] for f in cli("--format", "json", *options, broken).json()["findings"]}

    assert "MPL001" in rules("--select", "MPL3")
    assert "MPL001" in rules("--ignore", "MPL0")
    assert "MPL001" not in rules("--ignore", "yaml-syntax")
