"""Almost-MPIJobs (MPL008) through the CLI, at the boundary of "close"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import Cli, write

BODY = "metadata:\n  name: pi\nspec:\n  mpiReplicaSpecs:\n    Worker:\n      replicas: 2\n"
PLAIN = "metadata:\n  name: pi\nspec:\n  template: {}\n"


def findings(cli: Cli, tmp_path: Path, text: str) -> list[tuple[str, int, int, str]]:
    (path,) = write(tmp_path, {"job.yaml": text})
    report = cli("--format", "json", path).json()
    return [(f["rule"], f["line"], f["column"], f["message"]) for f in report["findings"]]


@pytest.mark.parametrize(
    "kind",
    ["MpiJob", "MPIjob", "mpijob", "MPIJobs", "MPJob", "MPI_Job", "MPI-Job", "MIPJob", "MPIJb"],
)
def test_misspelt_kinds_are_reported(cli: Cli, tmp_path: Path, kind: str) -> None:
    # the spec alone says nothing here: kubeflow.org's group, no mpiReplicaSpecs
    ((rule, line, column, message),) = findings(
        cli, tmp_path, f"apiVersion: kubeflow.org/v2beta1\nkind: {kind}\n{PLAIN}"
    )
    assert (rule, line, column) == ("MPL008", 2, 7)
    assert f"kind {kind!r} is not MPIJob" in message
    assert "kubeflow.org/v2beta1 (mpi-operator v0.4.0 and later) or kubeflow.org/v1" in message
    assert ("case-sensitive" in message) == (kind.lower() == "mpijob")


@pytest.mark.parametrize(
    ("api", "kind"),
    [
        ("kubeflow.org/v1", "TFJob"),
        ("kubeflow.org/v1", "PyTorchJob"),
        ("kubeflow.org/v1", "MXJob"),  # two edits from MPIJob, but a real kind
        ("kubeflow.org/v1", "XGBoostJob"),
        ("kubeflow.org/v1", "JAXJob"),
        ("kubeflow.org/v1", "Notebook"),
        ("batch/v1", "Job"),  # three edits: not close
        ("batch/v1", "MPIJobSet"),  # three edits
        ("apps/v1", "Deployment"),
        ("kubeflow.org/v2", "TFJob"),  # another kind's versions are not mpilint's business
    ],
)
def test_unrelated_kinds_stay_silent(cli: Cli, tmp_path: Path, api: str, kind: str) -> None:
    assert findings(cli, tmp_path, f"apiVersion: {api}\nkind: {kind}\n{PLAIN}") == []


@pytest.mark.parametrize(
    ("version", "suggestion"),
    [("v2", "kubeflow.org/v2beta1"), ("v2beta", "kubeflow.org/v2beta1"), ("v3", None)],
)
def test_unserved_versions_are_reported(
    cli: Cli, tmp_path: Path, version: str, suggestion: str | None
) -> None:
    ((rule, line, column, message),) = findings(
        cli, tmp_path, f"apiVersion: kubeflow.org/{version}\nkind: MPIJob\n{PLAIN}"
    )
    assert (rule, line, column) == ("MPL008", 1, 13)
    assert f"apiVersion 'kubeflow.org/{version}'" in message
    assert ("did you mean" in message) == (suggestion is not None)
    if suggestion:
        assert message.endswith(f"did you mean {suggestion}?")


@pytest.mark.parametrize("version", ["v2beta1", "v1", "v1alpha2", "v1alpha1"])
def test_known_versions_are_read_as_mpijobs(cli: Cli, tmp_path: Path, version: str) -> None:
    got = findings(cli, tmp_path, f"apiVersion: kubeflow.org/{version}\nkind: MPIJob\n{BODY}")
    assert not any(rule == "MPL008" for rule, *_ in got)


@pytest.mark.parametrize(
    ("head", "says"),
    [
        ("apiVersion: batch/v1\nkind: Job\n", "under kind 'Job' (batch/v1)"),
        ("apiVersion: kubeflow.org/v1\nkind: PyTorchJob\n", "under kind 'PyTorchJob'"),
        ("apiVersion: v1\n", "under an object with no kind"),
    ],
)
def test_mpi_replica_specs_under_another_kind(
    cli: Cli, tmp_path: Path, head: str, says: str
) -> None:
    ((rule, line, column, message),) = findings(cli, tmp_path, head + BODY)
    assert (rule, column) == ("MPL008", 3)
    assert line == head.count("\n") + 4
    assert says in message


def test_an_mpijob_outside_the_kubeflow_group(cli: Cli, tmp_path: Path) -> None:
    ((rule, line, _, message),) = findings(
        cli, tmp_path, f"apiVersion: kubeflow/v2beta1\nkind: MPIJob\n{BODY}"
    )
    assert (rule, line) == ("MPL008", 1)
    assert "not in the Kubeflow group" in message
    # without mpiReplicaSpecs an MPIJob of another group may be another CRD: silent
    assert findings(cli, tmp_path, f"apiVersion: example.com/v1\nkind: MPIJob\n{PLAIN}") == []


def test_one_finding_per_document_and_exit_1(cli: Cli, tmp_path: Path) -> None:
    text = f"apiVersion: kubeflow.org/v2\nkind: MpiJob\n{BODY}"
    ((rule, line, _, message),) = findings(cli, tmp_path, text)
    assert (rule, line) == ("MPL008", 2)
    assert "and apiVersion 'kubeflow.org/v2' is no served version" in message
    (path,) = write(tmp_path, {"job.yaml": text})
    assert cli(path).code == 1


def test_a_narrow_selection_still_reports_it(cli: Cli, tmp_path: Path) -> None:
    (path,) = write(
        tmp_path, {"job.yaml": f"apiVersion: kubeflow.org/v2beta1\nkind: MpiJob\n{BODY}"}
    )
    assert cli("--format", "json", "--select", "MPL101", path).rules() == ["MPL008"]
    assert cli("--format", "json", "--ignore", "MPL008", path).rules() == []
