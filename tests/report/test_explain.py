"""``mpilint explain``: a short answer by default, everything with ``--long``, a guess for typos.

Measured through the real command line at a fixed terminal width ($COLUMNS), the way a user
reads it: a line longer than the terminal takes more than one row.
"""

from __future__ import annotations

import math
import re

import pytest

from tests.harness import REPO, Cli

RULE_IDS = sorted(p.stem for p in (REPO / "rules").glob("MPL*.yaml"))
WIDTH = 80
MOST_ROWS = 40  # "under about 40 lines", issue 17


def rows(text: str, width: int = WIDTH) -> int:
    """Terminal rows the text fills at ``width`` columns (an empty line takes one)."""
    return sum(max(1, math.ceil(len(line) / width)) for line in text.splitlines())


def test_rows_counts_a_line_one_past_the_width_as_two() -> None:
    assert rows("x" * WIDTH) == 1
    assert rows("x" * (WIDTH + 1)) == 2
    assert rows("a\n\nb") == 3


@pytest.fixture
def at_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(WIDTH))


@pytest.mark.usefixtures("at_80_columns")
@pytest.mark.parametrize("rule", RULE_IDS)
def test_the_short_answer_fits_a_screen(cli: Cli, rule: str) -> None:
    from mpilint.core import catalog

    meta = catalog.meta(rule)
    result = cli("explain", rule)
    assert result.code == 0, result.err
    assert rows(result.out) <= MOST_ROWS, f"{rule}: {rows(result.out)} rows\n{result.out}"
    # what it catches, why it breaks the job, how to fix it, one bad and one good example
    assert " ".join(meta.summary.split()) in " ".join(result.out.split())
    assert "\nWhy it breaks the job\n" in result.out
    assert ("\nHow to fix\n" in result.out) == bool(meta.fix)
    kinds = {e.kind for e in meta.examples}
    assert result.out.count("\nBad: ") == ("bad" in kinds)
    assert result.out.count("\nGood: ") == ("good" in kinds or any(e.fixed for e in meta.examples))
    if "bad" in kinds:
        assert re.search(r"^  >\s+\d+ \| ", result.out, re.M), "the bad line is marked"
    assert f"mpilint explain --long {rule}" in result.out


@pytest.mark.usefixtures("at_80_columns")
def test_the_short_answer_is_shorter_than_the_long_one(cli: Cli) -> None:
    short, long = cli("explain", "MPL102").out, cli("explain", "--long", "MPL102").out
    assert rows(long) > 4 * rows(short)


@pytest.mark.usefixtures("at_80_columns")
@pytest.mark.parametrize("rule", ["MPL102", "MPL201", "MPL308"])
def test_long_gives_the_whole_rationale_every_example_and_the_reference(
    cli: Cli, rule: str
) -> None:
    from mpilint.core import catalog

    meta = catalog.meta(rule)
    out = cli("explain", "--long", rule).out
    flat = " ".join(out.split())
    assert " ".join(meta.rationale.split()) in flat
    assert " ".join(meta.fix.split()) in flat
    for example in meta.examples:
        assert f": {example.title}\n" in out
    assert catalog.doc_url(rule) in out


def test_prose_follows_the_terminal_width(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    out = cli("explain", "MPL203").out
    prose = out.split("\nBad: ")[0].splitlines()
    assert max(len(line) for line in prose) <= 60
    assert max(len(line) for line in prose) > 50  # filled, not cut short


def test_the_why_is_the_rationales_first_paragraph(cli: Cli) -> None:
    from mpilint.core import catalog
    from mpilint.report.explain import first_paragraph

    meta = catalog.meta("MPL110")
    out = " ".join(cli("explain", "MPL110").out.split())
    assert " ".join(first_paragraph(meta.rationale).split()) in out
    assert meta.rationale.strip() != first_paragraph(meta.rationale)
    assert " ".join(meta.rationale.split()) not in out


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("MLP102", "MPL102"),  # letters swapped
        ("mlp102", "MPL102"),
        ("MPL-102", "MPL102"),
        ("102", "MPL102"),
        ("MPL1022", "MPL102"),  # one key too many
        ("proces-count-mismatch", "process-count-mismatch"),
        ("process_count_mismatch", "process-count-mismatch"),
        ("ssh-strictmodes", "ssh-strict-modes"),
    ],
)
def test_a_typo_gets_the_closest_rule_and_exit_2(cli: Cli, typed: str, meant: str) -> None:
    result = cli("explain", typed)
    assert result.code == 2
    assert result.out == ""
    assert f"unknown rule {typed!r}; did you mean {meant!r}?" in result.err


def test_a_word_close_to_no_rule_gets_no_guess(cli: Cli) -> None:
    result = cli("explain", "banana")
    assert result.code == 2
    assert "did you mean" not in result.err
    assert "`mpilint rules` lists them" in result.err


@pytest.mark.parametrize("written", ["mpl102", "MPL102", "Process-Count-Mismatch"])
def test_ids_and_names_in_any_case_are_no_typo(cli: Cli, written: str) -> None:
    result = cli("explain", written)
    assert result.code == 0
    assert result.out.startswith("MPL102 process-count-mismatch")


@pytest.mark.usefixtures("at_80_columns")
def test_rewrapping_keeps_the_spaces_of_a_command(cli: Cli) -> None:
    """The fix's sed command writes four spaces into ssh_config: the copy shown must too."""
    out = cli("explain", "MPL201").out
    assert 'echo "    UserKnownHostsFile /dev/null" >> /etc/ssh/ssh_config`' in out
