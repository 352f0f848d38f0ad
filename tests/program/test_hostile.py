"""Hostile input gives findings or a clear error quickly, never a traceback or a constructed tag."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.harness import Cli, Result, write

HEAD = "apiVersion: kubeflow.org/v2beta1\nkind: MPIJob\n"
LAUNCHER = (
    "spec:\n  mpiReplicaSpecs:\n    Launcher:\n      template:\n        spec:\n"
    "          containers:\n          - image: IMAGE\n"
)
BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n"
    for i in range(8)
)


def _run(tmp_path: Path, cli: Cli, name: str, content: str | bytes, *options: str) -> Result:
    (path,) = write(tmp_path, {name: content})
    started = time.monotonic()
    result = cli("--format", "json", *options, path)
    assert time.monotonic() - started < 10, "hostile input must not hang"
    assert "Traceback" not in result.err
    return result


def test_alias_bomb_is_refused_with_a_finding(tmp_path: Path, cli: Cli) -> None:
    job = "apiVersion: kubeflow.org/v2beta1\nkind: MPIJob\nmetadata: {name: x}\n"
    result = _run(tmp_path, cli, "bomb.yaml", job + BOMB.replace("a: &a", "z: &a"))
    rules = [f["rule"] for f in result.json()["findings"]]
    assert rules == ["MPL005"]
    assert result.code == 1


def test_deep_nesting_is_a_syntax_finding(tmp_path: Path, cli: Cli) -> None:
    result = _run(tmp_path, cli, "deep.yaml", "a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    findings = result.json()["findings"]
    assert [f["rule"] for f in findings] == ["MPL001"]
    assert "nesting" in findings[0]["message"]


def test_python_tags_are_never_constructed(tmp_path: Path, cli: Cli) -> None:
    marker = tmp_path / "pwned"
    text = (
        "apiVersion: kubeflow.org/v2beta1\nkind: MPIJob\nmetadata:\n  name: x\n"
        f"  x: !!python/object/apply:os.system ['touch {marker}']\n"
    )
    result = _run(tmp_path, cli, "tag.yaml", text, "--select", "MPL0")
    assert not marker.exists()
    assert result.code == 0 and result.json()["findings"] == []


@pytest.mark.parametrize(
    ("name", "content", "rule", "line", "column"),
    [
        ("binary.yaml", b"\x7fELF\x02\x01\x00\x00junk", "MPL003", 1, 1),
        ("latin1.yaml", "kind: MPIJob\nname: caf\xe9\n".encode("latin-1"), "MPL003", 2, 10),
        ("Dockerfile", b"\x00\x01binary", "MPL003", 1, 1),
    ],
)
def test_files_that_are_not_text(
    tmp_path: Path, cli: Cli, name: str, content: bytes, rule: str, line: int, column: int
) -> None:
    result = _run(tmp_path, cli, name, content)
    findings = result.json()["findings"]
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [(rule, line, column)]


@pytest.mark.parametrize(
    "content",
    [
        "",
        "# only a comment\n",
        "- a list\n- document\n",
        "just a scalar\n",
        "? [complex]\n: key\n1: 2\n",
        "---\n---\n...\n",
        "\ufeffkind: MPIJob\n",
    ],
)
def test_odd_but_valid_yaml_is_quiet(tmp_path: Path, cli: Cli, content: str) -> None:
    result = _run(tmp_path, cli, "odd.yaml", content)
    assert result.code == 0 and result.json()["findings"] == []


def test_crlf_positions(tmp_path: Path, cli: Cli) -> None:
    text = (
        "apiVersion: kubeflow.org/v2beta1\r\nkind: MPIJob\r\nmetadata:\r\n  name: x\r\nspec:\r\n"
        "  mpiReplicaSpecs:\r\n    Launcher:\r\n      template:\r\n        spec:\r\n"
        "          containers:\r\n          - image: a\r\n            command: [sleep, 5]\r\n"
    )
    result = _run(tmp_path, cli, "crlf.yaml", text, "--select", "MPL101")
    assert [(f["rule"], f["line"], f["column"]) for f in result.json()["findings"]] == [
        ("MPL101", 12, 30)
    ]


def test_a_crashing_rule_becomes_a_finding(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mpilint import ruleapi
    from mpilint.rules import MPL104

    def broken(subject: object) -> list[ruleapi.Hit]:
        raise RuntimeError("boom")

    original = MPL104.check
    monkeypatch.setattr(MPL104, "check", broken)
    (path,) = write(
        tmp_path,
        {"job.yaml": HEAD + "metadata:\n  name: x\n" + LAUNCHER},
    )
    findings = cli("--format", "json", "--select", "MPL103,MPL104", path).json()["findings"]
    assert original is not broken
    assert [f["rule"] for f in findings] == ["MPL006", "MPL103"]
    assert "internal error in MPL104" in findings[0]["message"]


def test_one_broken_document_does_not_hide_the_next(tmp_path: Path, cli: Cli) -> None:
    text = "a: [1,\n---\n" + HEAD + LAUNCHER
    result = _run(tmp_path, cli, "two.yaml", text, "--select", "MPL103")
    assert [(f["rule"], f["line"]) for f in result.json()["findings"]] == [
        ("MPL001", 2),
        ("MPL103", 11),
    ]


def test_helm_template_is_info_not_error(tmp_path: Path, cli: Cli) -> None:
    text = HEAD + "metadata:\n  name: {{ .Release.Name }}\n{{- if .Values.x }}\n"
    result = _run(tmp_path, cli, "tpl.yaml", text)
    findings = result.json()["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("MPL001", "info")]
    assert result.code == 0
