"""Suppressions that can never work are findings (MPL009), with a position and the closest
directive or rule; an annotation may give each rule its own reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import Cli, write
from tests.suppress.test_directives import job

ANNOTATION = "\n  annotations:\n    mpilint.io/ignore: {value!r}"


def report(cli: Cli, tmp_path: Path, text: str, *args: str) -> list[tuple[str, int, int, str]]:
    (path,) = write(tmp_path, {"job.yaml": text})
    found = cli("--format", "json", *args, path).json()["findings"]
    return [(f["rule"], f["line"], f["column"], f["message"]) for f in found]


def test_baseline_mpl104(cli: Cli, tmp_path: Path) -> None:
    assert [r for r, *_ in report(cli, tmp_path, job())] == ["MPL104"]


@pytest.mark.parametrize(
    ("comment", "says"),
    [
        ("# mpilint: disabel=MPL104", "unknown suppression directive 'disabel'"),
        ("# mpilint: disable-fiel=MPL104", "did you mean 'disable-file'?"),
        ("# mpilint: ignore=MPL104", "unknown suppression directive 'ignore'"),
        ("# mpilint: disable MPL104", "names no rules"),
        ("# mpilint: disable=", "names no rules"),
    ],
)
def test_malformed_comments(cli: Cli, tmp_path: Path, comment: str, says: str) -> None:
    text = job(comment=f"\n            {comment}")
    got = report(cli, tmp_path, text)
    assert [(r, line, col) for r, line, col, _ in got] == [("MPL104", 16, 20), ("MPL009", 19, 13)]
    assert says in got[1][3]


@pytest.mark.parametrize(
    "comment", ["# mpilint: this image is checked in CI", "# mpilint runs in CI", "# see mpilint"]
)
def test_prose_about_mpilint_is_no_directive(cli: Cli, tmp_path: Path, comment: str) -> None:
    text = job(comment=f"\n            {comment}")
    assert [r for r, *_ in report(cli, tmp_path, text)] == ["MPL104"]


@pytest.mark.parametrize(
    ("names", "close"),
    [("MPL1044", "MPL104"), ("image-mismatc", "image-mismatch"), ("zzz", None)],
)
def test_unknown_rules_in_comments(cli: Cli, tmp_path: Path, names: str, close: str | None) -> None:
    text = "# mpilint: disable-file=" + names + "\n" + job()
    got = report(cli, tmp_path, text)
    assert [(r, line, col) for r, line, col, _ in got] == [("MPL009", 1, 1), ("MPL104", 17, 20)]
    assert f"names {names!r}, which is no rule id or name" in got[0][3]
    assert (f"did you mean {close}?" in got[0][3]) if close else "did you mean" not in got[0][3]


def test_a_known_and_an_unknown_rule(cli: Cli, tmp_path: Path) -> None:
    text = "# mpilint: disable-file=MPL104,MPL9\n" + job()
    # MPL104 is silenced, MPL9 is reported, and the comment is not also stale (MPL007)
    assert [(r, line) for r, line, *_ in report(cli, tmp_path, text)] == [("MPL009", 1)]


def test_unknown_rules_in_dockerfile_comments(cli: Cli, tmp_path: Path) -> None:
    paths = write(
        tmp_path,
        {"job.yaml": job(), "Dockerfile": "FROM ubuntu:22.04\n# mpilint: disabel=MPL201\n"},
    )
    found = cli("--format", "json", "--select", "MPL009", *paths).json()["findings"]
    assert [(f["rule"], f["file"], f["line"]) for f in found] == [
        ("MPL009", str(tmp_path / "Dockerfile"), 2)
    ]


def test_unknown_rule_in_an_annotation(cli: Cli, tmp_path: Path) -> None:
    text = job(annotations=ANNOTATION.format(value="MPL1004: slim launcher"))
    got = report(cli, tmp_path, text)
    assert [(r, line, col) for r, line, col, _ in got] == [("MPL009", 6, 24), ("MPL104", 18, 20)]
    assert "'MPL1004'" in got[0][3] and "did you mean MPL104?" in got[0][3]


def test_an_annotation_with_one_reason_per_rule(cli: Cli, tmp_path: Path) -> None:
    value = "MPL104: slim launcher; process-count-mismatch: three ranks; on purpose"
    text = job(annotations=ANNOTATION.format(value=value)).replace('"2"', '"3"')
    assert [r for r, *_ in report(cli, tmp_path, job().replace('"2"', '"3"'))] == [
        "MPL104",
        "MPL102",
    ]
    (path,) = write(tmp_path, {"job.yaml": text})
    result = cli("--format", "json", path).json()
    assert result["findings"] == []
    assert sorted((s["rule"], s["reason"]) for s in result["suppressed"]) == [
        ("MPL102", "three ranks; on purpose"),
        ("MPL104", "slim launcher"),
    ]


def test_an_annotation_entry_that_silences_nothing_is_stale(cli: Cli, tmp_path: Path) -> None:
    value = "MPL104: slim launcher; MPL110: set by our controller"
    text = job(annotations=ANNOTATION.format(value=value))
    got = report(cli, tmp_path, text, "--select", "MPL007,MPL104,MPL110")
    assert [(r, line) for r, line, *_ in got] == [("MPL007", 6)]
    assert "MPL110" in got[0][3]


def test_a_semicolon_in_a_reason_stays_in_the_reason(cli: Cli, tmp_path: Path) -> None:
    value = "MPL104: slim build; same MPI: checked by hand"
    (path,) = write(tmp_path, {"job.yaml": job(annotations=ANNOTATION.format(value=value))})
    result = cli("--format", "json", path).json()
    assert [r["rule"] for r in result["findings"]] == []
    assert [(s["rule"], s["reason"]) for s in result["suppressed"]] == [
        ("MPL104", "slim build; same MPI: checked by hand")
    ]
