"""Standard input through the CLI: empty input is an error, and ``--stdin-filename PATH`` makes
it the file PATH for the report, the configuration, suppressions and pairing, in every format."""

from __future__ import annotations

import io
import json
import os
import re
import sys
from pathlib import Path

import pytest

from tests.harness import JOB, Cli, Result, write

# A job whose worker probes 2222 on an image whose sshd listens on 22: MPL115 in the manifest,
# and MPL201/MPL203/MPL302 in the Dockerfile, only when the two are paired.
PAIRED_JOB = JOB.format(count='"2"').replace("mpioperator/mpi-pi:openmpi", "ghcr.io/acme/train:1")
DOCKERFILE = (
    "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y openmpi-bin openssh-server\n"
)
FORMATS = ("full", "concise", "text", "json", "sarif", "github")


def feed(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))


def found(result: Result, fmt: str) -> set[tuple[str, str]]:
    """(file, rule) of each finding, read back from the format's own output."""
    if fmt == "json":
        return {(f["file"], f["rule"]) for f in json.loads(result.out)["findings"]}
    if fmt == "sarif":
        run = json.loads(result.out)["runs"][0]
        return {
            (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"])
            for r in run["results"]
        }
    if fmt == "github":
        return set(re.findall(r"^::\w+ file=([^,]+),.*?title=(MPL\d{3}) ", result.out, re.M))
    # full (text) and concise: every finding starts with path:line:col: severity RULE
    return set(re.findall(r"^(\S+):\d+:\d+: \w+ (MPL\d{3})\b", result.out, re.M))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write(tmp_path, {"deploy/Dockerfile": DOCKERFILE})
    os.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("text", ["", "\n", "  \n\t\n"])
def test_empty_stdin_is_an_error(cli: Cli, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    feed(monkeypatch, text)
    result = cli("-")
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1
    assert result.err.startswith("mpilint: error: standard input is empty")
    assert "`helm template`" in result.err


def test_empty_stdin_is_an_error_under_a_filename_too(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, repo: Path
) -> None:
    feed(monkeypatch, "")
    result = cli("--stdin-filename", "deploy/Dockerfile", "-")
    assert result.code == 2 and "standard input is empty" in result.err


def test_comments_alone_are_input_that_holds_no_mpijob(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed(monkeypatch, "# Source: chart/templates/job.yaml\n")
    result = cli("-")
    assert result.code == 0
    assert result.err == (
        "mpilint: warning: nothing was checked: no MPIJob in the 1 YAML file read, and no"
        " Dockerfile\n"
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_stdin_filename_is_reported_and_paired_as_that_file(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, repo: Path, fmt: str
) -> None:
    # deploy/job.yaml does not exist: the job pairs with the Dockerfile beside where it would be
    feed(monkeypatch, PAIRED_JOB)
    result = cli("--format", fmt, "--stdin-filename", "deploy/job.yaml", "-")
    assert result.code == 1
    assert found(result, fmt) == {
        ("deploy/job.yaml", "MPL115"),
        ("deploy/Dockerfile", "MPL201"),
        ("deploy/Dockerfile", "MPL203"),
        ("deploy/Dockerfile", "MPL302"),
    }
    # without a name, standard input is "-" and pairs with nothing
    feed(monkeypatch, PAIRED_JOB)
    assert cli("--format", fmt, "-").code == 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_stdin_filename_takes_that_files_configuration(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, repo: Path, fmt: str
) -> None:
    (repo / "deploy/.mpilint.yaml").write_text(
        "ignore: [MPL201]\nper-file-ignores:\n  job.yaml: [MPL115]\n"
    )
    feed(monkeypatch, PAIRED_JOB)
    result = cli("--format", fmt, "--stdin-filename", "deploy/job.yaml", "-")
    assert found(result, fmt) == {("deploy/Dockerfile", "MPL203"), ("deploy/Dockerfile", "MPL302")}
    # the per-file entry is for job.yaml: under another name, MPL115 is reported
    feed(monkeypatch, PAIRED_JOB)
    result = cli("--format", fmt, "--stdin-filename", "deploy/other.yaml", "-")
    assert ("deploy/other.yaml", "MPL115") in found(result, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_stdin_filename_suppressions(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, repo: Path, fmt: str
) -> None:
    text = PAIRED_JOB.replace("port: 2222", "port: 2222  # mpilint: disable=MPL115 probe test")
    feed(monkeypatch, text)
    result = cli("--format", fmt, "--stdin-filename", "deploy/job.yaml", "-")
    assert ("deploy/job.yaml", "MPL115") not in found(result, fmt)
    assert ("deploy/Dockerfile", "MPL201") in found(result, fmt)
    if fmt == "json":
        (silenced,) = json.loads(result.out)["suppressed"]
        assert (silenced["file"], silenced["rule"], silenced["reason"]) == (
            "deploy/job.yaml",
            "MPL115",
            "probe test",
        )


@pytest.mark.parametrize("fmt", FORMATS)
def test_stdin_filename_named_like_a_dockerfile_reads_a_dockerfile(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, repo: Path, fmt: str
) -> None:
    # the job on disk is brought in by the Dockerfile read from standard input
    write(repo, {"deploy/job.yaml": PAIRED_JOB})
    (repo / "deploy/Dockerfile").write_text("FROM ubuntu:22.04\n")  # not what is checked
    feed(monkeypatch, DOCKERFILE)
    result = cli("--format", fmt, "--stdin-filename", "deploy/Dockerfile", "-")
    assert found(result, fmt) == {
        ("deploy/job.yaml", "MPL115"),
        ("deploy/Dockerfile", "MPL201"),
        ("deploy/Dockerfile", "MPL203"),
        ("deploy/Dockerfile", "MPL302"),
    }


def test_stdin_filename_text_report_shows_the_piped_text(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, repo: Path
) -> None:
    # deploy/job.yaml on disk says something else: the code frame is of what was piped
    write(repo, {"deploy/job.yaml": "# the old version\n"})
    feed(monkeypatch, PAIRED_JOB)
    result = cli("--stdin-filename", "deploy/job.yaml", "-")
    assert "> 27 |                 port: 2222" in result.out


def test_stdin_filename_needs_standard_input(cli: Cli, repo: Path) -> None:
    result = cli("--stdin-filename", "deploy/job.yaml", "deploy/Dockerfile")
    assert result.code == 2
    assert "--stdin-filename names standard input" in result.err


def test_force_exclude_applies_to_the_stdin_filename(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, repo: Path
) -> None:
    (repo / ".mpilint.yaml").write_text("exclude: [deploy/]\n")
    feed(monkeypatch, JOB.format(count="2"))
    assert cli("--format", "json", "--stdin-filename", "deploy/job.yaml", "-").code == 1
    feed(monkeypatch, JOB.format(count="2"))
    result = cli("--format", "json", "--force-exclude", "--stdin-filename", "deploy/job.yaml", "-")
    assert result.code == 0 and json.loads(result.out)["files"] == []
