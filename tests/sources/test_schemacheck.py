"""The MPIJob schemas are valid JSON Schema, and mpilint's node validator agrees with jsonschema.

jsonschema is the reference: the validator in ``mpilint/schemacheck.py`` exists only to be fast
and to keep YAML positions, so every instance the tests build must get the same verdict (and
the same failing places) from both. Instances are converted the way Kubernetes reads them:
null mapping values are dropped, as the API server prunes them.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mpilint.sources.schemacheck import VERSIONS, load_schema, suggest, validate
from mpilint.sources.yamlsource import parse_yaml
from tests.harness import REPO, check_files

BASE = {
    "v2beta1": """
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata: {name: pi, labels: {team: a}}
spec:
  slotsPerWorker: 2
  runLauncherAsWorker: false
  sshAuthMountPath: /home/mpiuser/.ssh
  launcherCreationPolicy: WaitForWorkersReady
  mpiImplementation: OpenMPI
  runPolicy: {cleanPodPolicy: Running, backoffLimit: 3, managedBy: kubeflow.org/mpi-operator}
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - name: launcher
            image: mpioperator/mpi-pi:openmpi
            command: [mpirun, -n, "4", /home/mpiuser/pi]
            env: [{name: A, value: b}]
            resources: {limits: {cpu: 1, memory: 1Gi}}
    Worker:
      replicas: 2
      template:
        spec:
          hostNetwork: false
          securityContext: {runAsUser: 1000, fsGroup: 1000}
          volumes: [{name: data, emptyDir: {}}]
          containers:
          - name: worker
            image: mpioperator/mpi-pi:openmpi
            ports: [{containerPort: 2222, name: ssh}]
            readinessProbe: {tcpSocket: {port: 2222}, periodSeconds: 5}
            volumeMounts: [{name: data, mountPath: /data}]
""",
    "v1": """
apiVersion: kubeflow.org/v1
kind: MPIJob
metadata: {name: mnist}
spec:
  slotsPerWorker: 1
  cleanPodPolicy: Running
  mainContainer: mpi
  runPolicy: {cleanPodPolicy: All, ttlSecondsAfterFinished: 60, suspend: false}
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      restartPolicy: ExitCode
      template:
        spec:
          containers:
          - {name: mpi, image: horovod/horovod:0.28.1, args: [mpirun, -np, "2", python, t.py]}
    Worker:
      replicas: 2
      template:
        metadata: {annotations: {sidecar.istio.io/inject: "false"}}
        spec:
          containers:
          - name: mpi
            image: horovod/horovod:0.28.1
            resources: {limits: {nvidia.com/gpu: 1}}
""",
}


def _kubernetes_view(value: Any) -> Any:
    """What the API server validates: null mapping values pruned."""
    if isinstance(value, dict):
        return {k: _kubernetes_view(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_kubernetes_view(v) for v in value]
    return value


def _json_path(path: Any) -> tuple[str | int, ...]:
    return tuple(path)


def _verdicts(version: str, document: Any) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    """Failing places according to jsonschema and to mpilint, for one instance."""
    schema = load_schema(version)
    reference = jsonschema.Draft202012Validator(schema)
    expected = {
        _json_path(error.absolute_path)
        for error in reference.iter_errors(_kubernetes_view(document))
    }
    text = yaml.safe_dump(document, sort_keys=False)
    (parsed,) = parse_yaml(text).documents
    got = {problem.path for problem in validate(parsed.root, schema)}
    return expected, got


@pytest.mark.parametrize("version", VERSIONS)
def test_schemas_are_valid_draft_2020_12(version: str) -> None:
    schema = load_schema(version)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_shipped_files_are_the_loaded_ones() -> None:
    for version in VERSIONS:
        path = REPO / "schemas" / f"mpijob-{version}.schema.json"
        assert json.loads(path.read_text("utf-8")) == load_schema(version)


def test_kubernetes_definitions_are_the_same_in_both_layers() -> None:
    """mpilint's layers (``schemas/src``) copy the pod-level $defs; only spec and runPolicy may
    differ. The shipped schemas may differ more: each takes its field lists from its operator's
    CRD, and the operators build on different Kubernetes releases."""
    first, second = (
        dict(
            json.loads((REPO / "schemas" / "src" / f"mpijob-{v}.mpilint.json").read_text())["$defs"]
        )
        for v in VERSIONS
    )
    for name in ("spec", "runPolicy"):
        first.pop(name)
        second.pop(name)
    assert first == second


@pytest.mark.parametrize("version", VERSIONS)
def test_base_documents_are_valid(version: str) -> None:
    expected, got = _verdicts(version, yaml.safe_load(BASE[version]))
    assert expected == got == set()


def _paths(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*path, index)))
    return found


# Plain scalars go-yaml and PyYAML read differently (y/n are booleans only to go-yaml) are
# left out: the two validators would then judge different documents.
_TEXT = st.text(alphabet="abcAB01-_ ./", min_size=0, max_size=6).filter(
    lambda t: t.strip() not in ("y", "Y", "n", "N")
)
_SCALARS = st.one_of(
    st.integers(-3, 3),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.none(),
    _TEXT,
    st.sampled_from(["2", "true", "None", "Running", "All", "Intel", "MPICH", "IntelMPI", "1Gi"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=2),
        st.dictionaries(st.sampled_from(["name", "image", "port", "x"]), inner, max_size=2),
    ),
    max_leaves=4,
)
_KEYS = st.sampled_from(
    [
        "name", "image", "replicas", "slotPerWorker", "cleanPodPolicy", "containers", "spec",
        "template", "resource", "limits", "unknownField", "runPolicy", "mainContainer",
        "sshAuthMountPath", "containerPort", "hostNetwork", "value",
    ]
)  # fmt: skip


def _mutate(document: Any, data: st.DataObject) -> Any:
    document = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(1, 3))):
        paths = _paths(document)
        path = data.draw(st.sampled_from(paths[1:]))
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        action = data.draw(st.sampled_from(["replace", "add", "delete"]))
        if action == "replace":
            parent[path[-1]] = data.draw(_VALUES)
        elif action == "add" and isinstance(parent, dict):
            parent[data.draw(_KEYS)] = data.draw(_VALUES)
        elif action == "delete":
            del parent[path[-1]]
    return document


@pytest.mark.parametrize("version", VERSIONS)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_agrees_with_jsonschema_on_mutated_jobs(version: str, data: st.DataObject) -> None:
    document = _mutate(yaml.safe_load(BASE[version]), data)
    expected, got = _verdicts(version, document)
    assert got == expected


def test_quoted_numbers_and_yaml_booleans_follow_kubernetes() -> None:
    """Where the YAML reading matters, mpilint follows go-yaml, not Python's view."""
    text = BASE["v2beta1"].replace("slotsPerWorker: 2", 'slotsPerWorker: "2"')
    text = text.replace("hostNetwork: false", "hostNetwork: n")  # go-yaml: the boolean false
    text = text.replace("slotsPerWorker", "slotsPerWorker", 1)
    (parsed,) = parse_yaml(text).documents
    problems = validate(parsed.root, load_schema("v2beta1"))
    assert [(p.path, p.detail) for p in problems] == [
        (("spec", "slotsPerWorker"), 'must be an integer; got the string "2"')
    ]


def test_integral_floats_are_integers_and_nulls_are_absent() -> None:
    text = BASE["v2beta1"].replace("slotsPerWorker: 2", "slotsPerWorker: 2.0")
    text = text.replace("runLauncherAsWorker: false", "runLauncherAsWorker:")
    (parsed,) = parse_yaml(text).documents
    assert validate(parsed.root, load_schema("v2beta1")) == []


def test_suggestions() -> None:
    known = ["slotsPerWorker", "runPolicy", "mpiReplicaSpecs", "resources"]
    assert suggest("slotPerWorker", known) == "slotsPerWorker"
    assert suggest("SlotsPerWorker", known) == "slotsPerWorker"
    assert suggest("resource", known) == "resources"
    assert suggest("gpus", known) is None


def _findings(tmp_path: Path, text: str) -> list[tuple[str, int, int, str]]:
    found = check_files(tmp_path, {"mpijob.yaml": text}).findings
    return [(f["rule"], f["line"], f["column"], f["message"]) for f in found]


def test_templated_values_and_retired_versions_schemas_are_not_judged(tmp_path: Path) -> None:
    text = BASE["v1"].replace("slotsPerWorker: 1", 'slotsPerWorker: "{{ .Values.slots }}"')
    text = text.replace("suspend: false", "suspend: ${SUSPEND}")
    assert [f for f in _findings(tmp_path, text) if f[0] in ("MPL105", "MPL106")] == []
    old = BASE["v1"].replace("kubeflow.org/v1", "kubeflow.org/v1alpha2")
    old = old.replace("mainContainer: mpi", "mpiDistribution: IntelMPI\n  bogus: 1")
    # The schemas are the maintained CRDs': a retired version gets only the one finding at
    # its apiVersion (no maintained operator serves it), never a field of the schema.
    found = [f for f in _findings(tmp_path, old) if f[0] in ("MPL105", "MPL106")]
    assert [(f[0], f[2]) for f in found] == [("MPL105", 13)]
    assert found[0][3].startswith("kubeflow.org/v1alpha2 is served by no maintained operator")


def test_command_items_are_left_to_mpl101(tmp_path: Path) -> None:
    text = BASE["v2beta1"].replace('-n, "4"', "-n, 4").replace("value: b", "value: true")
    rules = [f[0] for f in _findings(tmp_path, text)]
    assert "MPL105" not in rules and rules.count("MPL101") == 2


def test_command_written_as_one_string_is_reported(tmp_path: Path) -> None:
    text = BASE["v2beta1"].replace('[mpirun, -n, "4", /home/mpiuser/pi]', '"mpirun -n 4 pi"')
    found = [f for f in _findings(tmp_path, text) if f[0] == "MPL105"]
    assert len(found) == 1
    assert "command must be a list; got the string" in found[0][3]


def test_the_rules_do_not_import_jsonschema() -> None:
    code = (
        "import sys, mpilint.rules.MPL105, mpilint.rules.MPL106, mpilint.sources.schemacheck as s;"
        "s.load_schema('v2beta1'); assert 'jsonschema' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_templated_keys_are_not_judged(tmp_path: Path) -> None:
    text = BASE["v2beta1"].replace("hostNetwork: false", '"{{ .Values.key }}": false')
    assert [f for f in _findings(tmp_path, text) if f[0] in ("MPL105", "MPL106")] == []
    text = BASE["v2beta1"].replace("hostNetwork: false", "hostNetwerk: false")
    found = [f for f in _findings(tmp_path, text) if f[0] == "MPL106"]
    assert len(found) == 1 and found[0][3].endswith('Did you mean "hostNetwork"?')
