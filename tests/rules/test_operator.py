"""Edge cases of the operator rules (MPL107-MPL111, MPL120) that the rule examples do not show.

The examples in rules/*.yaml run through the CLI; these call the rule functions directly, so a
case here is about one rule's decision, whatever other rules say about the same manifest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from mpilint.core.findings import Severity
from mpilint.ruleapi import Hit, Manifest
from mpilint.rules import MPL107, MPL108, MPL109, MPL110, MPL111, MPL120
from tests.harness import Cli, manifests_of, write

Check = Callable[[Manifest], Iterable[Hit]]


def _hits(check: Check, text: str) -> list[Hit]:
    return [hit for subject in manifests_of(text, "m.yaml") for hit in check(subject)]


def _job(
    spec: str = "",
    *,
    version: str = "v2beta1",
    name: str = "pi",
    metadata: str = "",
    worker: str | None = "      replicas: 2\n",
    launcher_container: str = "",
    worker_container: str = "",
    image: str = "ghcr.io/mpilint-demo/mpi/pi:1.0",
) -> str:
    """A small job; each argument is inserted, already indented, where its name says."""
    text = (
        f"apiVersion: kubeflow.org/{version}\nkind: MPIJob\nmetadata:\n  name: {name}\n"
        f"{metadata}spec:\n{spec}  mpiReplicaSpecs:\n    Launcher:\n      replicas: 1\n"
        f"      template:\n        spec:\n          containers:\n"
        f"          - image: {image}\n            name: launcher\n{launcher_container}"
    )
    if worker is not None:
        text += (
            f"    Worker:\n{worker}      template:\n        spec:\n          containers:\n"
            f"          - image: {image}\n            name: worker\n{worker_container}"
        )
    return text


# ---------------------------------------------------------------- MPL107


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("pi", None),
        ("a1-b2", None),
        ("1-foo", "starts with '1', not a letter"),
        ("train.v2", "contains a dot"),
        ("Train", "has upper-case letters"),
        ("train-", "ends with '-'"),
        ("train_v2", "contains '_'"),
        ("a" * 64, "has 64 characters (at most 63)"),
    ],
)
def test_label_problem(name: str, problem: str | None) -> None:
    assert MPL107._label_problem(name) == problem


@pytest.mark.parametrize(
    ("name", "limit", "suggestion"),
    [
        ("1-foo", 54, "job-1-foo"),
        ("My.Job_v2", 54, "my-job-v2"),
        ("train-", 54, "train"),
        ("abcdef-ghij", 7, "abcdef"),
    ],
)
def test_suggested_names_are_labels(name: str, limit: int, suggestion: str) -> None:
    assert MPL107._suggest_name(name, limit) == suggestion
    assert MPL107._label_problem(suggestion) is None


def test_name_rule_counts_replicas_and_stays_silent_for_v1_and_templates() -> None:
    name = "n" * 52  # "-worker-99" makes 62, "-worker-999" 63, "-worker-1000" 64
    assert not _hits(MPL107.check, _job(name=name, worker="      replicas: 1000\n"))
    hits = _hits(MPL107.check, _job(name=name, worker="      replicas: 1001\n"))
    assert len(hits) == 1 and "-worker-1000" in hits[0].message
    assert not _hits(MPL107.check, _job(name="1-foo", version="v1"))
    assert not _hits(MPL107.check, _job(name='"{{ .Release.Name }}.x"'))
    # A worker count that is not known yet: only the shortest hostname can be checked.
    templated = _job(name=name, worker='      replicas: "{{ .Values.n }}"\n')
    assert not _hits(MPL107.check, templated)


# ---------------------------------------------------------------- MPL108


def test_missing_replica_specs_points_at_spec() -> None:
    text = "apiVersion: kubeflow.org/v2beta1\nkind: MPIJob\nmetadata:\n  name: pi\nspec:\n"
    text += "  slotsPerWorker: 1\n"
    (hit,) = _hits(MPL108.check, text)
    assert (hit.span.line, hit.span.column) == (5, 1)
    assert "mpiReplicaSpecs" in hit.message


def test_v1_gpu_launcher_may_run_without_workers() -> None:
    gpu = "            resources: {limits: {nvidia.com/gpu: 1}}\n"
    zero = _job(version="v1", worker="      replicas: 0\n", launcher_container=gpu)
    assert not _hits(MPL108.check, zero)
    (hit,) = _hits(MPL108.check, _job(version="v1", worker="      replicas: 0\n"))
    assert hit.severity is Severity.WARNING


def test_launcher_only_job_needs_a_launcher_rank() -> None:
    alone = _job(worker=None)
    (hit,) = _hits(MPL108.check, alone)
    assert hit.severity is Severity.WARNING and "runLauncherAsWorker" in hit.message
    rank = _job("  runLauncherAsWorker: true\n", worker=None)
    assert not _hits(MPL108.check, rank)


def test_v2beta1_worker_count_must_be_positive_even_with_a_launcher_rank() -> None:
    text = _job("  runLauncherAsWorker: true\n", worker="      replicas: 0\n")
    (hit,) = _hits(MPL108.check, text)
    assert hit.severity is None  # the rule's default: error


# ---------------------------------------------------------------- MPL109


def test_template_policy_against_the_launcher_default() -> None:
    text = _job().replace(
        "    Launcher:\n      replicas: 1\n      template:\n        spec:\n",
        "    Launcher:\n      replicas: 1\n      template:\n        spec:\n"
        "          restartPolicy: Always\n",
    )
    (hit,) = _hits(MPL109.check, text)
    assert hit.severity is Severity.WARNING and "OnFailure" in hit.message
    assert not hit.related  # no replica-level value to point at


def test_v1_exit_code_becomes_never_in_the_pod() -> None:
    text = _job(version="v1", worker="      replicas: 2\n      restartPolicy: ExitCode\n")
    text = text.replace(
        "    Worker:\n      replicas: 2\n      restartPolicy: ExitCode\n      template:\n"
        "        spec:\n",
        "    Worker:\n      replicas: 2\n      restartPolicy: ExitCode\n      template:\n"
        "        spec:\n          restartPolicy: Never\n",
    )
    severities = sorted(h.severity for h in _hits(MPL109.check, text) if h.severity)
    assert severities == [Severity.INFO, Severity.WARNING]


@pytest.mark.parametrize(
    ("version", "role", "written", "want"),
    [
        # v2beta1 accepts exactly Never and OnFailure (validation.go); anything else is refused
        ("v2beta1", "Worker", "Never", None),
        ("v2beta1", "Launcher", "OnFailure", None),
        ("v2beta1", "Worker", "never", "Did you mean 'Never'?"),
        ("v2beta1", "Worker", "Nevr", "Did you mean 'Never'?"),
        ("v2beta1", "Launcher", "OnFailed", "Did you mean 'OnFailure'?"),
        ("v2beta1", "Launcher", "ONFAILURE", "Did you mean 'OnFailure'?"),
        ("v2beta1", "Worker", "Always", "only Never and OnFailure are"),
        ("v2beta1", "Worker", "Restart", "Write Never or OnFailure"),
        # v1 copies the value into the pod: the pod's enum decides, and ExitCode becomes Never
        ("v1", "Worker", "Always", None),
        ("v1", "Worker", "OnFailure", None),
        ("v1", "Launcher", "Never", None),
        ("v1", "Worker", "always", "Did you mean 'Always'?"),
        ("v1", "Worker", "Nevr", "Did you mean 'Never'?"),
        ("v1", "Launcher", "onFailure", "Did you mean 'OnFailure'?"),
        ("v1", "Launcher", "Always", "never completes"),
        ("v1", "Launcher", "always", "Write Never or OnFailure"),
    ],
)
def test_replica_policy_values_through_the_cli(
    cli: Cli, tmp_path: Path, version: str, role: str, written: str, want: str | None
) -> None:
    text = _job(version=version)
    text = text.replace(
        f"    {role}:\n      replicas: {1 if role == 'Launcher' else 2}\n",
        f"    {role}:\n      replicas: {1 if role == 'Launcher' else 2}\n"
        f"      restartPolicy: {written}\n",
    )
    (path,) = write(tmp_path, {"job.yaml": text})
    findings = cli("--format", "json", "--select", "MPL109", path).json()["findings"]
    if want is None:
        assert findings == []
        return
    (finding,) = findings
    assert finding["severity"] == "error" and finding["column"] == 22
    assert want in finding["message"] and f"{role}.restartPolicy" in finding["message"]


# ---------------------------------------------------------------- MPL110

_READY = "  launcherCreationPolicy: WaitForWorkersReady\n"
_PROBE = "            readinessProbe: {tcpSocket: {port: 2222}}\n"


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [("AtStart", "'AtStartup'"), ("WaitForWorkerReady", "'WaitForWorkersReady'"), ("x", None)],
)
def test_unknown_policy_suggests_the_nearest(written: str, suggestion: str | None) -> None:
    text = _job(f"  launcherCreationPolicy: {written}\n", worker_container=_PROBE)
    (hit,) = _hits(MPL110.check, text)
    assert hit.severity is None
    if suggestion:
        assert f"Write {suggestion}" in hit.message
    else:
        assert "Write 'WaitForWorkersReady' or 'AtStartup'" in hit.message


def test_probe_in_any_worker_container_counts() -> None:
    sidecar = "          - image: busybox:1.36\n            name: side\n" + _PROBE
    assert not _hits(MPL110.check, _job(_READY, worker_container=sidecar))


def test_intel_entrypoint_counts_only_without_a_launcher_command() -> None:
    intel = "mpioperator/intel:0.6.0"
    assert not _hits(MPL110.check, _job(image=intel))
    empty = "            command: []\n"
    assert not _hits(MPL110.check, _job(image=intel, launcher_container=empty))
    command = "            command: [mpirun, -n, '2', /opt/pi]\n"
    (hit,) = _hits(MPL110.check, _job(image=intel, launcher_container=command))
    assert hit.severity is Severity.INFO
    assert _hits(MPL110.check, _job(image="mpioperator/openmpi:0.6.0"))


def test_race_is_not_reported_for_v1_or_without_workers() -> None:
    assert not _hits(MPL110.check, _job(version="v1"))
    assert not _hits(MPL110.check, _job(worker="      replicas: 0\n"))


# ---------------------------------------------------------------- MPL111


def test_templated_clean_pod_policy_is_not_known() -> None:
    spec = (
        '  runPolicy:\n    cleanPodPolicy: "{{ .Values.clean }}"\n    ttlSecondsAfterFinished: 1\n'
    )
    assert not _hits(MPL111.check, _job(spec))


def test_ttl_with_missing_policy_is_one_finding() -> None:
    (hit,) = _hits(MPL111.check, _job("  runPolicy:\n    ttlSecondsAfterFinished: 60\n"))
    assert "only deletes the launcher Job" in hit.message
    assert (hit.span.line, hit.span.column) == (6, 3)


def test_top_level_policy_in_v2beta1_is_named() -> None:
    (hit,) = _hits(MPL111.check, _job("  cleanPodPolicy: Running\n"))
    assert "v1 field" in hit.message and hit.related


def test_v1_both_policies_equal_is_information() -> None:
    spec = "  cleanPodPolicy: All\n  runPolicy:\n    cleanPodPolicy: All\n"
    (hit,) = _hits(MPL111.check, _job(spec, version="v1"))
    assert hit.severity is Severity.INFO and "repeats" in hit.message
    assert not _hits(MPL111.check, _job(version="v1"))


# ---------------------------------------------------------------- MPL120


def _with(sibling: str, metadata: str = "") -> str:
    return _job(metadata=metadata) + "---\n" + sibling


def test_launcher_job_collides_only_as_a_batch_job() -> None:
    batch = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi-launcher\n"
    (hit,) = _hits(MPL120.check, _with(batch))
    assert "launcher Job" in hit.message and hit.related[0].span.line == 4
    other = "apiVersion: example.org/v1\nkind: Job\nmetadata:\n  name: pi-launcher\n"
    assert not _hits(MPL120.check, _with(other))


def test_namespace_left_unset_on_one_side_is_not_known() -> None:
    secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: pi-ssh\n"
    assert _hits(MPL120.check, _with(secret))
    assert not _hits(MPL120.check, _with(secret, metadata="  namespace: ml\n"))
    same = secret + "  namespace: ml\n"
    assert _hits(MPL120.check, _with(same, metadata="  namespace: ml\n"))


@pytest.mark.parametrize(("pod", "hit"), [("pi-worker-0", True), ("pi-worker-01", False)])
def test_worker_pod_names(pod: str, hit: bool) -> None:
    text = _with(f"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {pod}\n")
    assert bool(_hits(MPL120.check, text)) is hit


def test_v1_jobs_are_not_checked_for_collisions() -> None:
    text = (
        _job(version="v1") + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: pi-config\n"
    )
    assert not _hits(MPL120.check, text)


# ---------------------------------------------------------------- values of the wrong type


@pytest.mark.parametrize(
    "text",
    [
        "apiVersion: kubeflow.org/v2beta1\nkind: MPIJob\nmetadata: [a]\nspec: 3\n",
        _job("  runPolicy: 5\n  launcherCreationPolicy: [x]\n"),
        _job('  launcherCreationPolicy: ""\n  runPolicy:\n    cleanPodPolicy: ""\n').replace(
            "      replicas: 2\n", "      replicas: 2\n      restartPolicy: [x]\n"
        ),
        _job("  cleanPodPolicy: [1]\n  runPolicy: {cleanPodPolicy: 3}\n", version="v1"),
    ],
    ids=["scalar-spec", "scalar-run-policy", "empty-strings", "v1-non-strings"],
)
def test_type_errors_are_left_to_the_schema_rule(text: str) -> None:
    checks: list[Check] = [
        MPL108.check,
        MPL111.check,
        MPL109.check,
        MPL107.check,
        MPL120.check,
    ]
    assert not [hit for check in checks for hit in _hits(check, text)]
    if "launcherCreationPolicy" in text and "[x]" in text:
        assert not _hits(MPL110.check, text)


def test_a_service_collision_names_the_releases_it_holds_for(cli: Cli, tmp_path: Path) -> None:
    """C9: Service <job> since v0.5.0; v0.3.x and v0.4.x used <job>-worker and <job>-launcher,
    which are not reported (the latest release is the target)."""
    service = "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: {}\n"
    for name, hit in (("pi", True), ("pi-worker", False), ("pi-launcher", False)):
        (path,) = write(tmp_path / name, {"b.yaml": _job() + service.format(name)})
        findings = cli("--format", "json", "--select", "MPL120", path).json()["findings"]
        assert len(findings) == hit, name
        if hit:
            assert (
                "since mpi-operator v0.5.0; v0.3.x and v0.4.x named it <job>-worker"
                in (findings[0]["message"])
            )
