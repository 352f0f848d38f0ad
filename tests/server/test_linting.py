"""The server's plain-mpilint half, in process: what a document's lint gives, the crash path,
the suppression comments' placement, and spans turned into editor positions."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from mpilint.core.findings import Span
from mpilint.server import linting, suppressing
from mpilint.server.positions import Positions
from tests.harness import REPO

BROKEN = REPO / "examples" / "broken"


def _lint(tmp_path: Path, text: str | None = None) -> linting.Linted:
    path = tmp_path / "mpijob.yaml"
    source = (BROKEN / "mpijob.yaml").read_text()
    path.write_text(source)
    (tmp_path / "Dockerfile").write_text((BROKEN / "Dockerfile").read_text())
    return linting.lint(str(path), source if text is None else text, {})


def test_a_crashing_rule_is_mpl006_on_that_file_and_the_rest_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(subject: object) -> Iterator[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(importlib.import_module("mpilint.rules.MPL103"), "check", broken)
    linted = _lint(tmp_path)
    rules = [f.rule for f in linted.findings]
    assert "MPL006" in rules and "MPL103" not in rules and "MPL102" in rules
    crash = next(f for f in linted.findings if f.rule == "MPL006")
    assert "internal error in MPL103" in crash.message and "boom" in crash.message


def test_a_crash_outside_the_rules_is_mpl006_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise MemoryError("out of memory in the parser")

    monkeypatch.setattr("mpilint.run.lint.run", broken)
    linted = _lint(tmp_path)
    assert [(f.rule, f.span) for f in linted.findings] == [("MPL006", Span.point(1, 1))]
    assert "MemoryError" in linted.findings[0].message


def test_the_unsaved_dockerfile_stands_for_the_disk(tmp_path: Path) -> None:
    assert "MPL301" in {f.rule for f in _lint(tmp_path).findings}
    fixed = (
        (BROKEN / "Dockerfile")
        .read_text()
        .replace("useradd -m -u 1000 user", "useradd -m -u 1000 mpiuser")
    )
    linted = linting.lint(
        str(tmp_path / "mpijob.yaml"),
        (BROKEN / "mpijob.yaml").read_text(),
        {str(tmp_path / "Dockerfile"): fixed},
    )
    assert "MPL301" not in {f.rule for f in linted.findings}
    assert str(tmp_path / "Dockerfile") in linted.related


def test_a_broken_configuration_is_said_once(tmp_path: Path) -> None:
    (tmp_path / ".mpilint.yaml").write_text("select: [MPL999]\n")
    linted = _lint(tmp_path)
    assert linted.findings == ()
    assert linted.problem is not None and "MPL999" in linted.problem


def test_files_that_are_not_mpilints_are_not_linted(tmp_path: Path) -> None:
    text = (BROKEN / "mpijob.yaml").read_text()
    for name in ("notes.txt", ".mpilint.yaml", "values.json"):
        assert linting.lint(str(tmp_path / name), text, {}).findings == ()


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        # a parser directive stays first
        (
            "# syntax=docker/dockerfile:1\nFROM debian\nRUN x\n",
            None,
            "# syntax=docker/dockerfile:1\n# mpilint: disable-file=MPL201\nFROM debian\nRUN x\n",
        ),
        # a comment line inside a continuation is one BuildKit drops
        (
            "FROM debian\nRUN a && \\\n    b\n",
            3,
            "FROM debian\nRUN a && \\\n# mpilint: disable=MPL201\n    b\n",
        ),
        # CRLF stays CRLF
        ("FROM debian\r\nRUN x\r\n", 2, "FROM debian\r\n# mpilint: disable=MPL201\r\nRUN x\r\n"),
    ],
)
def test_dockerfile_suppression_comments(text: str, line: int | None, expected: str) -> None:
    positions = Positions(text, "dockerfile")
    if line is None:
        edit = suppressing.disable_file(positions, "dockerfile", "MPL201")
    else:
        found = suppressing.disable_line(positions, "dockerfile", "MPL201", line)
        assert found is not None
        edit = found
    assert text[: edit.begin] + edit.text + text[edit.end :] == expected


def test_an_existing_directive_is_found_on_the_dockerfiles_own_lines() -> None:
    """Under a comment holding LS (one Dockerfile line, two for ``str.splitlines``), the
    directive above line 4 is extended, not a second one written above the wrong line."""
    text = "FROM debian\n# a\u2028b\n# mpilint: disable=MPL203\nRUN x\n"
    positions = Positions(text, "dockerfile")
    edit = suppressing.disable_line(positions, "dockerfile", "MPL201", 4)
    assert edit is not None
    fixed = text[: edit.begin] + edit.text + text[edit.end :]
    assert fixed == "FROM debian\n# a\u2028b\n# mpilint: disable=MPL203,MPL201\nRUN x\n"
    edit = suppressing.disable_file(positions, "dockerfile", "MPL201")
    assert text[: edit.begin] + edit.text == "# mpilint: disable-file=MPL201\n"


def test_no_line_comment_inside_a_heredoc() -> None:
    text = "FROM debian\nRUN <<EOF\necho hi\nEOF\nRUN x\n"
    positions = Positions(text, "dockerfile")
    assert suppressing.disable_line(positions, "dockerfile", "MPL201", 3) is None
    assert suppressing.disable_line(positions, "dockerfile", "MPL201", 5) is not None


@pytest.mark.parametrize(
    ("encoding", "emoji", "x"), [("utf-8", 15, 21), ("utf-16", 12, 16), ("utf-32", 12, 15)]
)
def test_a_dockerfile_breaks_lines_at_newline_only(encoding: str, emoji: int, x: int) -> None:
    """BuildKit splits at \\n only, so a U+2028 in a Dockerfile is inside its line for the
    parser's spans (LSP does not break there either); a lone \\r breaks for LSP only."""
    text = "FROM debian\nRUN echo 'é\u2028😀' x\rRUN y\n"
    positions = Positions(text, "dockerfile", encoding)
    begin, end = positions.span_offsets(Span(2, 16, 2, 17))  # code points: the "x"
    assert text[begin:end] == "x"
    assert positions.position(begin) == (1, x)
    assert positions.offset(1, x) == begin
    assert positions.position(text.index("😀")) == (1, emoji)
    assert positions.position(text.index("RUN y")) == (2, 0)


def test_a_position_inside_a_surrogate_pair_is_the_characters_start() -> None:
    text = "a😀b\n"
    positions = Positions(text, "manifest", "utf-16")
    assert positions.offset(0, 2) == 1  # the emoji's second code unit: the emoji
    assert positions.offset(0, 3) == 2
    assert positions.offset(0, 99) == 3  # past the end: the line's end


def test_an_incremental_change_counts_lines_as_lsp_does() -> None:
    """Full sync is what the server asks for; a client that sends ranges anyway gets them
    applied with LSP's line breaks (a U+2028 in a scalar is no line break there)."""
    from lsprotocol import types as lsp

    from mpilint.server.app import _apply_change

    text = 'a: "x\u2028y"\nb: 1\n'
    change = lsp.TextDocumentContentChangePartial(
        range=lsp.Range(start=lsp.Position(1, 3), end=lsp.Position(1, 4)), text="2"
    )
    assert _apply_change(text, change, "utf-16") == 'a: "x\u2028y"\nb: 2\n'


def test_an_unsaved_manifest_not_yet_on_disk_is_a_job_of_its_dockerfile(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text((BROKEN / "Dockerfile").read_text())
    dockerfile = str(tmp_path / "Dockerfile")
    job = str(tmp_path / "new.yaml")  # beside it, typed but never saved
    text = (BROKEN / "Dockerfile").read_text()
    assert linting.lint(dockerfile, text, {}).related == frozenset()
    linted = linting.lint(dockerfile, text, {job: (BROKEN / "mpijob.yaml").read_text()})
    assert linted.related == frozenset({job})


def test_an_unsaved_pyproject_configures_only_with_its_table(tmp_path: Path) -> None:
    job = str(tmp_path / "mpijob.yaml")
    source = (BROKEN / "mpijob.yaml").read_text()
    (tmp_path / "mpijob.yaml").write_text(source)
    pyproject = str(tmp_path / "pyproject.toml")
    assert "MPL110" in {f.rule for f in linting.lint(job, source, {}).findings}
    table = '[project]\nname = "x"\n\n[tool.mpilint]\nignore = ["MPL110"]\n'
    rules = {f.rule for f in linting.lint(job, source, {pyproject: table}).findings}
    assert "MPL110" not in rules and "MPL104" in rules
    untabled = '[project]\nname = "x"\n'
    assert "MPL110" in {f.rule for f in linting.lint(job, source, {pyproject: untabled}).findings}
    # A mistake is said on the configuration itself, where it is; none without the table.
    broken = '[project]\nname = "x"\n\n[tool.mpilint]\nignore = ["MPL999"]\n'
    said = linting.lint(pyproject, broken, {})
    assert said.problem is not None and "MPL999" in said.problem
    assert said.problem_at == Span.point(5, 1)
    assert linting.lint(pyproject, '[project]\nname = "x\n', {}).problem is None
