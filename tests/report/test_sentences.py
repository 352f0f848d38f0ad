"""Where a message's fix starts, and how the full report wraps prose."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mpilint.core import catalog
from mpilint.report.sentences import first_sentence, split_fix
from mpilint.report.text import wrap
from tests.harness import run, write


@pytest.mark.parametrize(
    ("message", "fix", "explanation"),
    [
        ("a is 4: b refuses it. Write 2", "Write 2", "a is 4: b refuses it."),
        ("one. Two. Three", "Three", "one. Two."),
        ("is it? Did you mean 'x'?", "Did you mean 'x'?", "is it?"),
        ("only one sentence: the fix is plain", None, "only one sentence: the fix is plain"),
        # a program's own sentence, quoted, is not ours
        (
            'says "not enough slots. Abort". Write "2"',
            'Write "2"',
            'says "not enough slots. Abort".',
        ),
        ("runs (as in 4.1.4. Not 5) here", None, "runs (as in 4.1.4. Not 5) here"),
        ("uses `a. B` here", None, "uses `a. B` here"),
        # an example after "e.g." belongs to the sentence that gives it
        ("bad. Add it, e.g. RUN echo x", "Add it, e.g. RUN echo x", "bad."),
        ("a version, v0.4.0 and later. Move on", "Move on", "a version, v0.4.0 and later."),
        (
            "ends lowercase. mpirun is no sentence start",
            None,
            "ends lowercase. mpirun is no sentence start",
        ),
        ("a sentence. `-n 2` starts one", "`-n 2` starts one", "a sentence."),
    ],
)
def test_split_fix(message: str, fix: str | None, explanation: str) -> None:
    assert split_fix(message) == (fix, explanation)


def test_first_sentence() -> None:
    assert first_sentence("a is wrong. It breaks. Write b") == "a is wrong."
    assert first_sentence("one sentence") == "one sentence"


def test_wrap_at_the_boundary() -> None:
    line = [("  ", ""), ("abc def", "bold")]  # 9 columns
    assert wrap(line, 9, 2) == [line]
    assert wrap(line, 8, 2) == [[("  ", ""), ("abc", "bold")], [("  ", ""), ("def", "bold")]]
    assert wrap(line, None, 2) == [line]


def test_wrap_keeps_a_long_word_whole_and_styles_across_segments() -> None:
    line = [("= ", "dim"), ("a/very/long/path:1:2", "cyan"), (": set here", "")]
    assert wrap(line, 12, 4) == [
        [("=", "dim")],
        [("    ", ""), ("a/very/long/path:1:2", "cyan"), (":", "")],
        [("    ", ""), ("set here", "")],
    ]


# Rules whose messages are one sentence, where naming the mistake is the fix (a syntax error,
# a file that is not text), or that say why mpilint could not check something.
ONE_SENTENCE = {"MPL001", "MPL002", "MPL003", "MPL004", "MPL005", "MPL008", "MPL009"}
# A value against the schema: the constraint it breaks ("must not be negative") is the fix.
STATES_THE_RULE = {"MPL105": " must "}
LONGEST_FIX = 260  # columns; a few fixes name two ways out, with the command to write


BAD = [
    pytest.param(meta, example, id=f"{meta.id}-{n}")
    for meta in catalog.all_meta()
    for n, example in enumerate(meta.examples)
    if example.kind == "bad"
]


@pytest.mark.parametrize(("meta", "example"), BAD)
def test_every_finding_of_the_examples_leads_with_its_fix(
    meta: catalog.RuleMeta, example: catalog.Example
) -> None:
    """The full report shows each finding's last sentence first: it must be a fix, so every
    message of every rule ends with one (written with a capital, as a sentence of its own)."""
    with tempfile.TemporaryDirectory() as folder:
        paths = write(Path(folder), dict(example.files), example.encoding)
        selected = sorted({meta.id} | {e.rule for e in example.expect})
        result = run("--format", "json", "--select", ",".join(selected), *example.args, *paths)
    for finding in result.findings:
        fix, explanation = split_fix(finding["message"])
        if fix is None:
            states_rule = STATES_THE_RULE.get(finding["rule"], "\0") in finding["message"]
            assert finding["rule"] in ONE_SENTENCE or states_rule or _cannot_verify(finding), (
                finding["message"]
            )
            continue
        assert len(fix) <= LONGEST_FIX, fix
        assert fix[0].isupper() or fix[0] in "`\"'", fix
        assert explanation and fix.split()[0] not in ("The", "It", "This"), finding["message"]


def _cannot_verify(finding: dict[str, str]) -> bool:
    return finding["severity"] == "info" and finding["message"].startswith("cannot verify")


@given(
    text=st.text(alphabet=st.sampled_from("ab c/:\t"), max_size=120),
    cut=st.integers(0, 120),
    width=st.integers(20, 80),
    indent=st.integers(0, 6),
)
def test_wrap_keeps_every_word_and_the_width(text: str, cut: int, width: int, indent: int) -> None:
    """Whatever the text and the segments: the words in order, styles on the same
    characters, and no row wider than ``width`` unless it holds one word."""
    line = [(text[:cut], "bold"), (text[cut:], "")]
    rows = wrap(line, width, indent)
    joined = " ".join("".join(part for part, _ in row) for row in rows)
    assert joined.split() == text.split()
    for row in rows:
        row_text = "".join(part for part, _ in row)
        assert len(row_text) <= width or len(row_text.split()) <= 1 or rows == [line]
    bold = "".join(part for row in rows for part, style in row if style == "bold")
    assert "".join(bold.split()) == "".join(text[:cut].split())
