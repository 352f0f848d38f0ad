"""``target`` (configuration) and ``--target`` (command line): a job is checked against the CRD
of the operator release it will meet. Each field is tested at the boundary: the last release
without it reports it, the first release with it is silent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.harness import Cli, write

V2 = """\
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: pi
spec:
  slotsPerWorker: 1
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
{worker}
"""
CONTAINER = """\
          containers:
          - image: mpioperator/mpi-pi:openmpi
            name: worker
            command: [/usr/sbin/sshd, -De]
"""
MOUNT = (
    CONTAINER
    + """\
            volumeMounts:
            - {name: data, mountPath: /data, readOnly: true, recursiveReadOnly: Enabled}
          volumes:
          - {name: data, emptyDir: {}}
"""
)
WORKLOAD_REF = "          workloadRef: {name: w}\n" + CONTAINER

V1 = """\
apiVersion: kubeflow.org/v1
kind: MPIJob
metadata:
  name: pi
spec:
  slotsPerWorker: 1
  runPolicy:
    cleanPodPolicy: Running
    managedBy: kubeflow.org/mpi-operator
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
            command: [/usr/sbin/sshd, -De]
"""


def _unknown(cli: Cli, *args: str) -> list[str]:
    result = cli("--select", "MPL106", "--format", "json", *args, "job.yaml")
    assert result.code in (0, 1), result.err
    return [f["message"] for f in result.findings]


@pytest.mark.parametrize(
    ("worker", "field", "before", "added"),
    [
        (MOUNT, "recursiveReadOnly", "0.5.0", "0.6.0"),
        (WORKLOAD_REF, "workloadRef", "0.7.0", "0.8.0"),
    ],
)
def test_a_field_only_a_newer_release_knows(
    cli: Cli, tmp_path: Path, worker: str, field: str, before: str, added: str
) -> None:
    write(tmp_path, {"job.yaml": V2.format(worker=worker.rstrip("\n"))})
    os.chdir(tmp_path)
    (message,) = _unknown(cli, "--target", f"mpi-operator={before}")
    assert message.startswith(f'unknown field "{field}" in ')
    assert (
        f'"{field}" is not in the CRD of mpi-operator {before}, the target;'
        f" mpi-operator {added} added it." in message
    )
    assert _unknown(cli, "--target", f"mpi-operator={added}") == []
    assert _unknown(cli) == []  # the default: the newest release


def test_the_configuration_names_the_target_and_the_command_line_beats_it(
    cli: Cli, tmp_path: Path
) -> None:
    write(
        tmp_path,
        {
            "job.yaml": V2.format(worker=MOUNT.rstrip("\n")),
            ".mpilint.yaml": 'target:\n  mpi-operator: "0.5.2"\n',  # a patch release: 0.5.0's CRD
        },
    )
    os.chdir(tmp_path)
    assert len(_unknown(cli)) == 1
    assert _unknown(cli, "--target", "mpi-operator=v0.6.0") == []


def test_training_operator(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path, {"job.yaml": V1})
    os.chdir(tmp_path)
    (message,) = _unknown(cli, "--target", "training-operator=1.8.0")
    assert "training-operator 1.9.0 added it" in message
    assert _unknown(cli, "--target", "training-operator=1.9.0") == []
    # the other operator's target does not touch a v1 job
    assert _unknown(cli, "--target", "mpi-operator=0.4.0") == []


def test_the_reports_say_which_target(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path, {"job.yaml": V1})
    os.chdir(tmp_path)
    result = cli("--format", "json", "job.yaml")
    newest = result.json()["targets"]
    assert newest == [{"mpi-operator": "0.8.0", "training-operator": "1.9.0"}]
    default = cli("--color", "never", "job.yaml").out.splitlines()  # not asked for: it says so
    assert default[0] == (
        "target: mpi-operator 0.8.0, training-operator 1.9.0 (default: the newest known)"
    )
    write(tmp_path / "image", {"Dockerfile": "FROM debian:bookworm\n"})
    dockerfile_only = cli("--color", "never", "image/Dockerfile").out
    assert "target:" not in dockerfile_only  # no job was judged: nothing to say
    result = cli("--target", "mpi-operator=0.6.3", "--format", "json", "job.yaml")
    assert result.json()["targets"] == [{"mpi-operator": "0.6.0", "training-operator": "1.9.0"}]
    text = cli("--target", "mpi-operator=0.6.3", "job.yaml").out
    assert text.splitlines()[0] == "target: mpi-operator 0.6.0, training-operator 1.9.0"


@pytest.mark.parametrize(
    ("option", "error"),
    [
        ("mpi-operator=0.3.0", "mpi-operator 0.3.0 is older than the oldest release"),
        ("slurm=1.0", "unknown operator 'slurm'"),
        ("mpi-operator", "is not OPERATOR=RELEASE"),
        ("mpi-operator=latest", "'latest' is not a release number"),
    ],
)
def test_a_bad_target_is_a_usage_error(cli: Cli, tmp_path: Path, option: str, error: str) -> None:
    write(tmp_path, {"job.yaml": V1})
    os.chdir(tmp_path)
    result = cli("--target", option, "job.yaml")
    assert result.code == 2 and result.out == ""
    assert error in result.err


def test_a_bad_configured_target_names_its_place(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path, {"job.yaml": V1, ".mpilint.yaml": "target:\n  mpi-operator: '0.3.0'\n"})
    os.chdir(tmp_path)
    result = cli("job.yaml")
    assert result.code == 2
    assert ".mpilint.yaml:2:17: target: mpi-operator 0.3.0 is older" in result.err
    write(tmp_path, {".mpilint.yaml": "target:\n  kubeflow-trainer: '2.0.0'\n"})
    assert cli("job.yaml").code == 2


HOSTS = """\
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: pi
  namespace: ml
spec:
  slotsPerWorker: 1
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - image: mpioperator/mpi-pi:openmpi
            name: launcher
            command: [mpirun, -H, "pi-worker-0,pi-worker-1", -n, "2", /home/mpiuser/pi]
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - image: mpioperator/mpi-pi:openmpi
            name: worker
            command: [/usr/sbin/sshd, -De]
"""


def _message(cli: Cli, rule: str, release: str) -> str:
    result = cli("--select", rule, "--format", "json", "--target", release, "job.yaml")
    (finding,) = result.findings
    message: str = finding["message"]
    return message


def test_the_workers_service_before_and_from_0_5_0(cli: Cli, tmp_path: Path) -> None:
    """mpi-operator v0.4.x named the workers' Service <job>-worker (domain notes C9)."""
    write(tmp_path, {"job.yaml": HOSTS})
    os.chdir(tmp_path)
    old = _message(cli, "MPL122", "mpi-operator=0.4.0")
    assert "Write the full name `pi-worker-0.pi-worker.ml.svc`" in old
    assert "mpi-operator 0.4.0, the target, names the workers' Service `pi-worker`" in old
    new = _message(cli, "MPL122", "mpi-operator=0.5.0")
    assert "Write the full name `pi-worker-0.pi.ml.svc`" in new


def test_no_launcher_creation_policy_before_0_5_0(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path, {"job.yaml": HOSTS})
    os.chdir(tmp_path)
    old = _message(cli, "MPL110", "mpi-operator=0.4.0")
    assert "(mpi-operator 0.4.0, the target, has no launcherCreationPolicy; 0.5.0 added it)" in old
    new = _message(cli, "MPL110", "mpi-operator=0.5.0")
    assert "launcherCreationPolicy AtStartup, the default" in new
    # runLauncherAsWorker (0.5.0) silences the race; 0.4.0's API server drops the field
    write(
        tmp_path,
        {
            "job.yaml": HOSTS.replace(
                "  slotsPerWorker: 1\n", "  slotsPerWorker: 1\n  runLauncherAsWorker: true\n"
            )
        },
    )
    assert "has no launcherCreationPolicy" in _message(cli, "MPL110", "mpi-operator=0.4.0")
    result = cli("--select", "MPL110", "--target", "mpi-operator=0.5.0", "job.yaml")
    assert result.code == 0 and "MPL110" not in result.out


def test_sarif_names_the_target_beside_the_pairs(cli: Cli, tmp_path: Path) -> None:
    """Code scanning keeps SARIF only: the release the jobs were judged by must be there too."""
    write(tmp_path, {"job.yaml": V1})
    os.chdir(tmp_path)
    (run,) = cli("--target", "mpi-operator=0.5.1", "--format", "sarif", "job.yaml").json()["runs"]
    assert run["properties"]["targets"] == [{"mpi-operator": "0.5.0", "training-operator": "1.9.0"}]
    write(tmp_path / "image", {"Dockerfile": "FROM debian:bookworm\n"})
    (run,) = cli("--format", "sarif", "image/Dockerfile").json()["runs"]
    assert "targets" not in run.get("properties", {})  # no job, no target to name
