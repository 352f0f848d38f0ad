"""The unsafe manifest fixes (MPL111's cleanPodPolicy, MPL104's image) through the real CLI:
applied only with ``--unsafe-fixes``, in the file's own indentation and line breaks, none where
the right text is not certain, and a second run changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

NO_POLICY = """\
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
    name: pi
spec:   # the job
    # launch once every worker is up
    launcherCreationPolicy: WaitForWorkersReady
    mpiReplicaSpecs:
        Launcher:
            replicas: 1
            template:
                spec:
                    containers:
                    - image: mpioperator/mpi-pi:openmpi
                      name: launcher
                      command: [mpirun, -n, "2", /home/mpiuser/pi]
        Worker:
            replicas: 2
            template:
                spec:
                    containers:
                    - image: mpioperator/mpi-pi:openmpi
                      name: worker
"""


def _fix_twice(cli: Any, path: Path, select: str) -> list[dict[str, Any]]:
    """``--fix --unsafe-fixes`` then the findings left, after checking a second run is a no-op."""
    before = cli("--format", "json", "--select", select, str(path)).findings
    cli("--fix", "--unsafe-fixes", "--select", select, str(path))
    fixed = path.read_bytes()
    again = cli("--fix", "--unsafe-fixes", "--select", select, str(path))
    assert path.read_bytes() == fixed and "Fixed" not in again.out
    assert cli("--diff", "--unsafe-fixes", "--select", select, str(path)).out == ""
    after: list[dict[str, Any]] = cli("--format", "json", "--select", select, str(path)).findings
    kept = [(f["rule"], f["message"]) for f in before if "fix" not in f]
    assert [(f["rule"], f["message"]) for f in after] == kept
    return after


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_mpl111_adds_run_policy_in_the_file_s_indentation(
    tmp_path: Path, cli: Any, newline: str
) -> None:
    job = tmp_path / "job.yaml"
    job.write_bytes(NO_POLICY.replace("\n", newline).encode())
    cli("--fix", "--select", "MPL111", str(job))
    assert job.read_bytes() == NO_POLICY.replace("\n", newline).encode()  # unsafe: not applied
    _fix_twice(cli, job, "MPL111")
    expected = NO_POLICY.replace(
        "    launcherCreationPolicy",
        "    runPolicy:\n        cleanPodPolicy: Running\n    launcherCreationPolicy",
    )
    assert job.read_bytes() == expected.replace("\n", newline).encode()


def test_mpl111_adds_the_policy_to_an_existing_run_policy(tmp_path: Path, cli: Any) -> None:
    job = tmp_path / "job.yaml"
    text = NO_POLICY.replace(
        "    launcherCreationPolicy",
        "    runPolicy:\n      backoffLimit: 2\n    launcherCreationPolicy",
    )
    job.write_text(text)
    _fix_twice(cli, job, "MPL111")
    assert job.read_text() == text.replace(
        "      backoffLimit", "      cleanPodPolicy: Running\n      backoffLimit"
    )


@pytest.mark.parametrize(
    "text",
    [
        NO_POLICY.replace(
            "    launcherCreationPolicy",
            "    runPolicy: {backoffLimit: 2}\n    launcherCreationPolicy",
        ),
        NO_POLICY.replace(
            "    launcherCreationPolicy", "    cleanPodPolicy: All\n    launcherCreationPolicy"
        ),
        "apiVersion: kubeflow.org/v2beta1\nkind: MPIJob\nmetadata: {name: pi}\n"
        "spec: {mpiReplicaSpecs: {Launcher: {replicas: 1, template: {spec:"
        " {containers: [{name: l, image: a/b:1,"
        " command: [mpirun, -n, '2', x]}]}}}, Worker: {replicas: 2, template: {spec:"
        " {containers: [{name: w, image: a/b:1}]}}}}}\n",
    ],
    ids=["flow-run-policy", "v1-top-level-field", "flow-spec"],
)
def test_mpl111_offers_no_fix_where_the_place_or_value_is_not_certain(
    tmp_path: Path, cli: Any, text: str
) -> None:
    job = tmp_path / "job.yaml"
    job.write_text(text)
    (finding,) = [f for f in cli("--format", "json", "--select", "MPL111", str(job)).findings]
    assert "fix" not in finding
    cli("--fix", "--unsafe-fixes", "--select", "MPL111", str(job))
    assert job.read_text() == text


TWO_IMAGES = NO_POLICY.replace(
    "- image: mpioperator/mpi-pi:openmpi\n                      name: launcher",
    "- image: 'mpioperator/mpi-pi:openmpi'   # launcher\n                      name: launcher",
).replace(
    "- image: mpioperator/mpi-pi:openmpi\n                      name: worker",
    "- image: ghcr.io/acme/pi:2.0\n                      name: worker",
)


def test_mpl104_runs_the_workers_image_on_the_launcher_in_its_quotes(
    tmp_path: Path, cli: Any
) -> None:
    job = tmp_path / "job.yaml"
    job.write_text(TWO_IMAGES)
    # The workers' image is built FROM the launcher's: the workers' is the one to run.
    (tmp_path / "Dockerfile").write_text(
        "FROM mpioperator/mpi-pi:openmpi\nRUN apt-get install -y mpich\n"
    )
    cli("--fix", "--select", "MPL104", str(job))
    assert job.read_text() == TWO_IMAGES
    _fix_twice(cli, job, "MPL104")
    assert job.read_text() == TWO_IMAGES.replace(
        "'mpioperator/mpi-pi:openmpi'   # launcher", "'ghcr.io/acme/pi:2.0'   # launcher"
    )


@pytest.mark.parametrize(
    ("dockerfile", "fixed"),
    [
        ("FROM mpioperator/mpi-pi:openmpi\nRUN apt-get install -y mpich\n", True),
        ("FROM ghcr.io/acme/pi:2.0\nRUN apt-get install -y mpich\n", False),
        ("FROM ubuntu:22.04\nRUN apt-get install -y openmpi-bin\n", False),
        (None, False),  # no Dockerfile: both images are plausible, no fix (issue 15)
    ],
    ids=["builds-the-workers", "builds-the-launchers", "builds-either", "no-dockerfile"],
)
def test_mpl104_fixes_only_when_the_paired_dockerfile_builds_the_workers_image(
    tmp_path: Path, cli: Any, dockerfile: str | None, fixed: bool
) -> None:
    job = tmp_path / "job.yaml"
    job.write_text(TWO_IMAGES)
    if dockerfile is not None:
        (tmp_path / "Dockerfile").write_text(dockerfile)
    (finding,) = cli("--format", "json", "--select", "MPL104", str(job)).findings
    assert ("fix" in finding) == fixed
    cli("--fix", "--unsafe-fixes", "--select", "MPL104", str(job))
    assert (job.read_text() != TWO_IMAGES) == fixed


TEMPLATE_POLICIES = """\
apiVersion: kubeflow.org/VERSION
kind: MPIJob
metadata:
  name: pi
spec:
  runPolicy:
    cleanPodPolicy: Running
  mpiReplicaSpecs:
    Launcher:
      replicas: 1   # one launcher
      template:
        spec:
          restartPolicy: Never
          containers:
          - image: mpioperator/mpi-pi:openmpi
            name: launcher
            command: [mpirun, -n, "2", /home/mpiuser/pi]
    Worker:
      replicas: 2
      restartPolicy: 'Never'
      template:
        spec:
          restartPolicy: OnFailure   # retry
          containers:
          - image: mpioperator/mpi-pi:openmpi
            name: worker
"""
MOVED = """\
apiVersion: kubeflow.org/VERSION
kind: MPIJob
metadata:
  name: pi
spec:
  runPolicy:
    cleanPodPolicy: Running
  mpiReplicaSpecs:
    Launcher:
      restartPolicy: Never
      replicas: 1   # one launcher
      template:
        spec:
          containers:
          - image: mpioperator/mpi-pi:openmpi
            name: launcher
            command: [mpirun, -n, "2", /home/mpiuser/pi]
    Worker:
      replicas: 2
      restartPolicy: 'OnFailure'
      template:
        spec:
          containers:
          - image: mpioperator/mpi-pi:openmpi
            name: worker
"""


@pytest.mark.parametrize("version", ["v2beta1", "v1"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_mpl109_moves_an_overridden_template_policy_to_the_replica(
    tmp_path: Path, cli: Any, version: str, newline: str
) -> None:
    """Unsafe: inserted above the replica's first key, or replacing its value in its quotes;
    the template's line goes. Plain --fix leaves the differing values alone."""
    job = tmp_path / "job.yaml"
    original = TEMPLATE_POLICIES.replace("VERSION", version).replace("\n", newline).encode()
    job.write_bytes(original)
    cli("--fix", "--select", "MPL109", str(job))
    if version == "v1":  # the launcher template's Never is v1's default: deleted by plain --fix
        original = original.replace(b"          restartPolicy: Never" + newline.encode(), b"", 1)
    assert job.read_bytes() == original
    after = _fix_twice(cli, job, "MPL109")
    moved = MOVED.replace("VERSION", version)
    if version == "v1":  # Never is the v1 launcher's default: equal, so only deleted (safe)
        moved = moved.replace("      restartPolicy: Never\n      replicas: 1", "      replicas: 1")
    assert job.read_bytes() == moved.replace("\n", newline).encode()
    assert after == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("restartPolicy: OnFailure   # retry", "restartPolicy: Always"),  # not accepted there
        ("restartPolicy: OnFailure   # retry", "restartPolicy: ExitCode"),
        ("      restartPolicy: 'Never'\n", "      restartPolicy:\n"),  # nothing to replace
        ("    Worker:\n      replicas: 2\n      restartPolicy: 'Never'\n", "    Worker: {"),
    ],
)
def test_mpl109_moves_nothing_it_is_not_sure_of(
    tmp_path: Path, cli: Any, old: str, new: str
) -> None:
    text = TEMPLATE_POLICIES.replace("VERSION", "v2beta1")
    if new.endswith("{"):  # the worker replica in flow style
        text = text.split("    Worker:")[0] + (
            "    Worker: {replicas: 2, restartPolicy: Never, template: {spec: {restartPolicy:"
            " OnFailure, containers: [{image: 'mpioperator/mpi-pi:openmpi', name: worker}]}}}\n"
        )
    else:
        text = text.replace(old, new)
    job = tmp_path / "job.yaml"
    job.write_text(text)
    report = cli("--format", "json", "--unsafe-fixes", "--select", "MPL109", str(job))
    worker = [f for f in report.findings if "Worker" in f["message"]]
    assert worker and all("fix" not in f for f in worker), worker
