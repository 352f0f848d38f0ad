"""MPL101 quotes the API server's schema error for the field it points at (issue 13, C7).

The path and the type name are what apiextensions-apiserver prints: kube-openapi joins map keys
with a dot (``mpiReplicaSpecs.Launcher``) and indexes lists (``containers[0]``), and names the
JSON type of the value kubectl sends (YAML 1.0 and 1e3 become the integers 1 and 1000).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import Cli, write

_JOB = """\
apiVersion: kubeflow.org/{version}
kind: MPIJob
metadata:
  name: pi
spec:
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          initContainers:
          - name: wait
            image: busybox:1.36
            command: [sleep, {value}]
          containers:
          - image: ghcr.io/mpilint-demo/mpi/pi:1.0
            name: launcher
            command: [mpirun, -n, "2", /opt/pi]
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - image: ghcr.io/mpilint-demo/mpi/pi:1.0
            name: worker
            env:
            - name: A
              value: "x"
            - name: B
              value: {value}
"""


@pytest.mark.parametrize(
    ("value", "schema_type"),
    [
        ("5", "integer"),
        ("1.0", "integer"),
        ("1e3", "integer"),
        ("0.5", "number"),
        ("on", "boolean"),
        ("true", "boolean"),
    ],
)
def test_the_message_quotes_the_schema_error_with_the_path(
    cli: Cli, tmp_path: Path, value: str, schema_type: str
) -> None:
    (path,) = write(tmp_path, {"job.yaml": _JOB.format(version="v2beta1", value=value)})
    findings = cli("--format", "json", "--select", "MPL101", path).json()["findings"]
    messages = [f["message"] for f in findings]
    assert [f["severity"] for f in findings] == ["error", "error"]
    tail = f' in body must be of type string: "{schema_type}"`'
    assert (
        "`spec.mpiReplicaSpecs.Launcher.template.spec.initContainers[0].command[1]" + tail
        in messages[0]
    )
    assert (
        "`spec.mpiReplicaSpecs.Worker.template.spec.containers[0].env[1].value" + tail
        in (messages[1])
    )
    assert not any("cannot unmarshal" in m for m in messages)


def test_string_values_and_old_versions(cli: Cli, tmp_path: Path) -> None:
    (good,) = write(tmp_path / "a", {"job.yaml": _JOB.format(version="v1", value='"5"')})
    assert cli("--format", "json", "--select", "MPL101", good).json()["findings"] == []
    # v1alpha2's CRD kept the pod template open: no schema error to quote
    (old,) = write(tmp_path / "b", {"job.yaml": _JOB.format(version="v1alpha2", value="5")})
    messages = [
        f["message"] for f in cli("--format", "json", "--select", "MPL101", old).json()["findings"]
    ]
    assert messages and not any("in body must be" in m for m in messages)


def test_a_null_env_value_is_information_and_a_null_item_an_error(cli: Cli, tmp_path: Path) -> None:
    (path,) = write(tmp_path, {"job.yaml": _JOB.format(version="v2beta1", value="~")})
    findings = cli("--format", "json", "--select", "MPL101", path).json()["findings"]
    assert [(f["line"], f["severity"]) for f in findings] == [(14, "error"), (30, "info")]
    assert 'must be of type string: "null"`' in findings[0]["message"]
    assert "set to the empty string" in findings[1]["message"]
