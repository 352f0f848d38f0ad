"""What the user names is checked: a named file whatever ``exclude`` says, a named folder
whatever ``exclude`` or ``.gitignore`` say of it (its contents still filtered), unless
``--force-exclude``; and a run that checked nothing says so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.harness import JOB, Cli, write

BAD = JOB.format(count="2")  # MPL101: an unquoted count


@pytest.fixture
def helm_output(tmp_path: Path) -> Path:
    """A repository whose ``helm template --output-dir build/`` output is gitignored."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n*.tmp.yaml\n")
    write(
        tmp_path,
        {
            "build/chart/templates/mpijob.yaml": BAD,
            "build/chart/templates/scratch.tmp.yaml": BAD,
        },
    )
    os.chdir(tmp_path)
    return tmp_path


def test_a_named_gitignored_folder_is_checked(cli: Cli, helm_output: Path) -> None:
    result = cli("--format", "json", "build/")
    assert result.code == 1
    # walked, and what is inside still filtered by .gitignore
    assert result.json()["files"] == ["build/chart/templates/mpijob.yaml"]
    assert result.err == ""
    # a walk from above skips it, as git does
    assert cli("--format", "json", ".").json()["files"] == []


def test_force_exclude_keeps_gitignore_for_named_folders(cli: Cli, helm_output: Path) -> None:
    result = cli("--format", "json", "--force-exclude", "build/")
    assert result.code == 0 and result.json()["files"] == []
    assert "nothing was checked" in result.err


def test_a_named_excluded_file_is_checked_unless_force_exclude(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path, {".mpilint.yaml": "exclude: ['vendor/']\n", "vendor/job.yaml": BAD})
    os.chdir(tmp_path)
    assert cli("--format", "json", "vendor/job.yaml").code == 1
    assert cli("--format", "json", "vendor").code == 1
    assert cli("--format", "json", ".").json()["files"] == []
    assert cli("--format", "json", "--force-exclude", "vendor/job.yaml").json()["files"] == []
    assert cli("--format", "json", "--force-exclude", "vendor").json()["files"] == []


def test_excludes_inside_a_named_folder_still_apply(cli: Cli, tmp_path: Path) -> None:
    write(
        tmp_path,
        {".mpilint.yaml": "exclude: ['old/']\n", "jobs/job.yaml": BAD, "jobs/old/job.yaml": BAD},
    )
    os.chdir(tmp_path)
    assert cli("--format", "json", "jobs").json()["files"] == ["jobs/job.yaml"]


@pytest.mark.parametrize("quiet", [[], ["--quiet"]])
def test_nothing_checked_is_said_on_stderr(cli: Cli, tmp_path: Path, quiet: list[str]) -> None:
    write(tmp_path, {"k8s/svc.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n"})
    os.chdir(tmp_path)
    result = cli(*quiet, "k8s")
    assert result.code == 0
    assert result.err == (
        "mpilint: warning: nothing was checked: no MPIJob in the 1 YAML file read, and no"
        " Dockerfile\n"
    )
    (tmp_path / "empty").mkdir()
    result = cli(*quiet, "empty")
    assert result.code == 0
    assert result.err == (
        "mpilint: warning: nothing was checked: no YAML file and no Dockerfile in the paths given\n"
    )


def test_a_dockerfile_or_a_job_is_something_checked(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path, {"a/Dockerfile": "FROM ubuntu:22.04\n", "b/job.yaml": JOB.format(count='"2"')})
    os.chdir(tmp_path)
    assert cli("a").err == ""
    assert cli("b").err == ""
