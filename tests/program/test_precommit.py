"""The hook of ``.pre-commit-hooks.yaml`` run by the REAL pre-commit (``try-repo``) in a scratch
git repository: the ``files`` pattern, the install of this package into pre-commit's own
environment, and pairing from disk when only some files changed.

Slow (pre-commit builds a virtualenv and installs mpilint into it once per session, which needs
PyPI for the dependencies), so marked ``slow``; it still runs by default, as in CI. The hook
repository is a copy of this working tree committed in a temporary folder: git is never run in
the project's own checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness import REPO

pytestmark = pytest.mark.slow

BROKEN = REPO / "examples" / "broken"
GOOD = REPO / "examples" / "good"
_SKIP = shutil.ignore_patterns(
    ".git",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".venv",
    "venv",
    ".*_cache",
    "node_modules",
    ".ci",  # the SARIF validator, 100 MB, not part of the hook
    "fuzz",  # a running fuzzer rewrites its corpus while the tree is copied
)


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def init_repo(folder: Path) -> None:
    git(folder, "init", "-q", "-b", "main")
    git(folder, "config", "user.email", "test@example.com")
    git(folder, "config", "user.name", "mpilint tests")
    git(folder, "config", "commit.gpgsign", "false")


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This working tree, committed in a scratch repository (try-repo needs a git ref)."""
    folder = tmp_path_factory.mktemp("hook") / "mpilint"
    shutil.copytree(REPO, folder, ignore=_SKIP, symlinks=True)
    init_repo(folder)
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "snapshot")
    return folder


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the session: the hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "project"
    folder.mkdir()
    init_repo(folder)
    yield folder


def try_repo(
    hook_repo: Path, home: Path, project: Path, *files: str, hook: str = "mpilint"
) -> subprocess.CompletedProcess[str]:
    git(project, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("PRE_COMMIT", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook,
         "--verbose", "--files", *files],
        cwd=project, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip


def copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)


def test_a_broken_manifest_fails_the_hook(
    hook_repo: Path, pre_commit_home: Path, project: Path
) -> None:
    copy(BROKEN / "mpijob.yaml", project / "deploy" / "mpijob.yaml")
    done = try_repo(hook_repo, pre_commit_home, project, "deploy/mpijob.yaml")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Failed" in done.stdout
    assert "MPL102" in done.stdout and "deploy/mpijob.yaml" in done.stdout


def test_a_changed_manifest_alone_meets_its_dockerfile_on_disk(
    hook_repo: Path, pre_commit_home: Path, project: Path
) -> None:
    copy(BROKEN / "mpijob.yaml", project / "deploy" / "mpijob.yaml")
    copy(BROKEN / "Dockerfile", project / "deploy" / "Dockerfile")
    done = try_repo(hook_repo, pre_commit_home, project, "deploy/mpijob.yaml")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "MPL301" in done.stdout, done.stdout
    assert "deploy/Dockerfile" in done.stdout


def test_a_changed_dockerfile_mpi_alone_checks_its_job(
    hook_repo: Path, pre_commit_home: Path, project: Path
) -> None:
    copy(BROKEN / "mpijob.yaml", project / "deploy" / "job.yaml")
    copy(BROKEN / "Dockerfile", project / "deploy" / "Dockerfile-mpi")
    done = try_repo(hook_repo, pre_commit_home, project, "deploy/Dockerfile-mpi")
    # "(no files to check)" would mean the files pattern missed the name
    assert "no files to check" not in done.stdout, done.stdout
    assert done.returncode == 1, done.stdout + done.stderr
    assert "deploy/job.yaml" in done.stdout and "MPL301" in done.stdout, done.stdout


def test_the_fix_hook_fixes_fails_once_then_passes(
    hook_repo: Path, pre_commit_home: Path, project: Path
) -> None:
    """pre-commit's convention: a hook that changed a file fails, so the fix is reviewed."""
    job = project / "deploy" / "mpijob.yaml"
    copy(GOOD / "Dockerfile", project / "deploy" / "Dockerfile")
    good = (GOOD / "mpijob.yaml").read_text()
    assert '            - "2"\n' in good
    job.write_text(good.replace('            - "2"\n', "            - 2\n"))
    done = try_repo(hook_repo, pre_commit_home, project, "deploy/mpijob.yaml", hook="mpilint-fix")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "files were modified by this hook" in done.stdout, done.stdout
    assert job.read_text() == good
    again = try_repo(hook_repo, pre_commit_home, project, "deploy/mpijob.yaml", hook="mpilint-fix")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout


def test_a_clean_job_passes(hook_repo: Path, pre_commit_home: Path, project: Path) -> None:
    copy(GOOD / "mpijob.yaml", project / "deploy" / "mpijob.yaml")
    copy(GOOD / "Dockerfile", project / "deploy" / "Dockerfile")
    done = try_repo(hook_repo, pre_commit_home, project, "deploy/mpijob.yaml", "deploy/Dockerfile")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


@pytest.mark.parametrize(
    ("name", "matched"),
    [
        ("Dockerfile", True),
        ("Containerfile", True),
        ("Dockerfile.gpu", True),
        ("Dockerfile-mpi", True),
        ("worker.Dockerfile", True),
        ("worker.dockerfile", True),
        ("deploy/job.yaml", True),
        ("deploy/job.yml", True),
        ("README.md", False),
        ("Dockerfiles/notes.txt", False),
    ],
)
def test_files_pattern(name: str, matched: bool) -> None:
    """The same pattern pre-commit applies (``re.search`` on the path)."""
    import re

    import yaml

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "mpilint")
    assert hook["require_serial"] is True and hook["language"] == "python"
    assert bool(re.search(hook["files"], name)) is matched
