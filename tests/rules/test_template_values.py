"""Values still to be rendered (``{{ .x }}``), through the CLI: unquoted, YAML reads the token as
a flow mapping (``{{.x: null}: null}``), quoted it is a string; either way its value is unknown
until rendered, so no rule judges its type, count or name. MPL103 names the template where it
already looks (job name, image, command/args), and a value that really has a wrong type still
fires."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import check_files

_JOB = """\
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: {name}
spec:
  slotsPerWorker: {slots}
  runPolicy:
    cleanPodPolicy: Running
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - image: ghcr.io/mpilint-demo/pi:1.0
            name: launcher
            command: [mpirun, -n, "2", /opt/pi]
            resources:
              limits:
                nvidia.com/gpu: {gpu}
    Worker:
      replicas: {replicas}
      template:
        spec:
          containers:
          - image: ghcr.io/mpilint-demo/pi:1.0
            name: worker
"""

_REAL = {"name": "pi", "slots": "1", "gpu": "0", "replicas": "2"}


def findings(tmp_path: Path, **values: str) -> list[tuple[str, str, int]]:
    text = _JOB.format(**{**_REAL, **values})
    found = check_files(tmp_path, {"mpijob.yaml": text}).findings
    return [(f["rule"], f["severity"], f["line"]) for f in found if f["severity"] != "info"]


def test_the_job_with_real_values_is_clean(tmp_path: Path) -> None:
    assert findings(tmp_path) == []


@pytest.mark.parametrize("token", ["{{ .x }}", '"{{ .x }}"', "{{.x}}", "'{{ .Values.x }}'"])
@pytest.mark.parametrize("field", ["slots", "gpu", "replicas"])
def test_a_templated_value_is_not_judged(tmp_path: Path, field: str, token: str) -> None:
    assert findings(tmp_path, **{field: token}) == []


@pytest.mark.parametrize("token", ["{{ .x }}", '"{{ .x }}"'])
def test_a_templated_name_is_only_named_by_mpl103(tmp_path: Path, token: str) -> None:
    assert findings(tmp_path, name=token) == [("MPL103", "error", 4)]


def test_every_value_templated_at_once(tmp_path: Path) -> None:
    token = "{{ .x }}"
    found = findings(tmp_path, name=token, slots=token, gpu=token, replicas=token)
    assert found == [("MPL103", "error", 4)]


@pytest.mark.parametrize(
    ("field", "value", "line"),
    [
        ("replicas", "[1]", 22),
        ("replicas", "{a: 1}", 22),  # a mapping the author wrote, not a template
        ("slots", "[1]", 6),
    ],
)
def test_a_real_wrong_type_still_fires(tmp_path: Path, field: str, value: str, line: int) -> None:
    assert ("MPL105", "error", line) in findings(tmp_path, **{field: value})


def test_a_known_launcher_gpu_still_fires(tmp_path: Path) -> None:
    assert findings(tmp_path, gpu="1") == [("MPL113", "warning", 20)]
    assert findings(tmp_path, gpu='"1"') == [("MPL113", "warning", 20)]


def test_unquoted_image_and_command_templates_are_named(tmp_path: Path) -> None:
    text = (
        _JOB.format(**_REAL)
        .replace(
            "image: ghcr.io/mpilint-demo/pi:1.0\n            name: launcher",
            "image: {{ .image }}\n            name: launcher",
        )
        .replace('[mpirun, -n, "2", /opt/pi]', "[mpirun, -n, {{ .np }}, /opt/pi]")
    )
    found = check_files(tmp_path, {"mpijob.yaml": text}).findings
    got = [(f["rule"], f["line"], f["column"]) for f in found if f["severity"] != "info"]
    assert got == [("MPL103", 15, 20), ("MPL103", 17, 35)]
    messages = [f["message"] for f in found if f["rule"] == "MPL103"]
    assert "image {{ .image }} is an unrendered template" in messages[0]
    assert "the unrendered template {{ .np }}" in messages[1]
