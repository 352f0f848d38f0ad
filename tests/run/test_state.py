"""A run depends on nothing an earlier run of the same process left behind.

An editor's language server lints in one long-lived process, again and again, in one workspace
after another, while files are edited and moved. So every report here is made in this process,
after other runs of it, and compared byte for byte with the report of a fresh interpreter
(``python -m mpilint``) on the same files at that moment: a cache that outlives its run (a
configuration kept by path, a real path kept after its file moved, a team's base images left
installed) shows up as a difference.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.config.test_project import SSH_BASE, SSH_DOCKERFILE, SSH_JOB, SSH_SETTINGS
from tests.harness import REPO, run, run_fresh, write


def _in_process(args: list[str]) -> tuple[int, str]:
    result = run("--format", "json", *args)
    return result.code, result.out


def _fresh(args: list[str]) -> tuple[int, str]:
    result = run_fresh("--format", "json", *args, cwd=Path.cwd())
    return result.code, result.out


def _same_as_fresh(*args: str) -> str:
    """The in-process report, after checking a fresh interpreter gives the same."""
    here = _in_process(list(args))
    assert here == _fresh(list(args)), f"mpilint {' '.join(args)} in {os.getcwd()}"
    return here[1]


def _project(root: Path, config: str, image_user: str) -> Path:
    """deploy/: a job whose worker runs sshd on a team base, described by ``config``."""
    write(
        root,
        {
            ".mpilint.yaml": config,
            "deploy/mpijob.yaml": SSH_JOB.replace("SSHD_ARGS", "-De").replace(
                "mpiuser", image_user
            ),
            "deploy/Dockerfile": SSH_DOCKERFILE,
        },
    )
    return root


def test_the_same_files_twice_give_the_same_report(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    first = _same_as_fresh("examples")
    assert _in_process(["examples"])[1] == first
    assert _in_process(["examples/good", "examples/broken"]) == _fresh(
        ["examples/good", "examples/broken"]
    )
    assert _in_process(["examples"])[1] == first


def test_projects_one_after_the_other(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two workspaces whose configurations describe the same base image differently, each linted
    after the other; then one is edited (its configuration, its image map) and its files move,
    as they do under an editor, and it is linted again."""
    asks = SSH_BASE + SSH_SETTINGS.replace("CHECKING", "ask")
    quiet = SSH_BASE.replace("mpiuser", "worker") + SSH_SETTINGS.replace("CHECKING", '"no"')
    one = _project(tmp_path / "one", asks, "mpiuser")
    two = _project(tmp_path / "two", quiet, "worker")
    reports: dict[str, str] = {}
    for round_ in range(2):
        for name, root in (("one", one), ("two", two)):
            monkeypatch.chdir(root)
            report = _same_as_fresh("deploy")
            assert reports.setdefault(name, report) == report, f"{name}, round {round_}"
    assert reports["one"] != reports["two"]  # the base images do decide

    # The same paths, read again after their configuration changed.
    monkeypatch.chdir(one)
    (one / ".mpilint.yaml").write_text(quiet)
    edited = _same_as_fresh("deploy")
    assert edited != reports["one"]
    assert _same_as_fresh("deploy/mpijob.yaml") != _same_as_fresh("deploy/Dockerfile")

    # An image map sends the job to a Dockerfile elsewhere; then the map changes its mind.
    write(one, {"images/base/Dockerfile": SSH_DOCKERFILE, "images/other/Dockerfile": "FROM x\n"})
    mapping = "images:\n  ghcr.io/mpilint-demo/hpc/pi:*: images/{}/Dockerfile\n"
    (one / ".mpilint.yaml").write_text(quiet + mapping.format("base"))
    _same_as_fresh("deploy/mpijob.yaml")
    (one / ".mpilint.yaml").write_text(quiet + mapping.format("other"))
    _same_as_fresh("deploy/mpijob.yaml")
    _same_as_fresh("images/other/Dockerfile")

    # Files move: the folder linted by one name now holds the other project's files.
    (one / ".mpilint.yaml").write_text(asks)
    shutil.move(one / "deploy", one / "moved")
    shutil.copytree(two / "deploy", one / "deploy")
    _same_as_fresh("deploy")
    _same_as_fresh("moved", "deploy")
    (one / "deploy" / "Dockerfile").unlink()
    os.symlink(one / "moved" / "Dockerfile", one / "deploy" / "Dockerfile")
    _same_as_fresh("deploy/mpijob.yaml")
    _same_as_fresh("moved/Dockerfile")

    # A job meets the Dockerfile beside it, shown under the name the run was given for it: the
    # link's target while it is a link, its own name once a file replaces the link.
    write(one, {"other/Dockerfile": SSH_DOCKERFILE})
    given = ("deploy/mpijob.yaml", "moved/Dockerfile", "other/Dockerfile")
    linked = _same_as_fresh(*given)
    (one / "deploy" / "Dockerfile").unlink()
    write(one, {"deploy/Dockerfile": SSH_DOCKERFILE + "USER root\n"})
    assert _same_as_fresh(*given) != linked


def test_memory_stays_flat_over_repeated_runs() -> None:
    """``bench/repeat.py`` with fewer runs (1,000 runs: ``python bench/repeat.py``): once the
    bounded caches are full, a run leaves nothing behind in the Python heap. What the parser
    allocates is counted apart (BuildKit's binding lost a few Python objects at each parse);
    RSS is judged untraced, below."""
    # In a fresh interpreter: what the rest of the test session leaves in this process (other
    # tests' threads, warnings registries, hypothesis' state) grew the heap under the
    # measurement by up to 60 KiB in a full run, while the runs themselves grew it by ~12.
    code = (
        "import json, sys; sys.path.insert(0, 'bench'); import repeat;"
        " print(json.dumps(repeat.repeat(['examples/good'], runs=200, after=50)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    # 200 KiB are allowed over 900 runs; identity memos that kept the last runs' images alive
    # grew the heap by 180 KiB over 200 runs.
    assert result["heap_growth_kib"] < 40, result


def test_resident_memory_stays_flat_over_a_thousand_lints() -> None:
    """Issue 19: 1,000 lints of a manifest and its Dockerfile in one process, untraced, grow RSS
    by less than 1 MiB (BuildKit's Go binding grew it by 5 MiB). Measured after 2,000 lints,
    by which CPython's free lists are full (``bench/repeat.py``'s ``untraced``: they hold about
    1 MiB of freed objects for reuse, a bounded amount, then nothing grows)."""
    if not os.path.exists("/proc/self/status"):
        pytest.skip("RSS is read from /proc")
    code = (
        "import json, sys; sys.path.insert(0, 'bench'); import repeat;"
        " print(json.dumps(repeat.untraced(['examples/good'], runs=3000, after=2000)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["rss_growth_kib"] < 1024, result


def test_once_keeps_a_result_with_its_job_and_image() -> None:
    """What several rules compute from one job or image is kept by that object (not by a module
    that outlives the run), computed once per key, and is no part of the object's value."""
    from mpilint.models.image import load_image
    from mpilint.models.mpijob import read_mpijob
    from mpilint.ruleapi import Manifest
    from mpilint.sources.yamlsource import parse_yaml

    text = (REPO / "examples" / "good" / "mpijob.yaml").read_text()
    document = parse_yaml(text).documents[0]
    job = read_mpijob(document.root, document.index)
    assert job is not None
    calls: list[str] = []

    def compute(name: str) -> str:
        calls.append(name)
        return name

    manifest = Manifest("job.yaml", text, job)
    assert manifest.once("a", lambda: compute("a")) == "a"
    assert manifest.once("a", lambda: compute("again")) == "a"
    assert manifest.once("b", lambda: compute("b")) == "b"
    assert calls == ["a", "b"]
    other = Manifest("job.yaml", text, job)
    assert other == manifest and hash(other) == hash(manifest)
    assert other.once("a", lambda: compute("other")) == "other"  # its own, not the first's

    image = load_image("Dockerfile", (REPO / "examples" / "good" / "Dockerfile").read_text()).image
    assert image is not None
    assert image.once("k", lambda: compute("k")) == image.once("k", lambda: compute("no"))
    assert calls == ["a", "b", "other", "k"]
