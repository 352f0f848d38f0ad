"""Helm charts, kustomize trees, retired versions and many jobs in one file, as real
repositories hold them (issue 14, points 3 and 5), through the CLI. The trees are in
``tests/fixtures/trees/``: a chart whose templates hold an MPIJob, and a kustomize base with two
overlays (strategic merge patches, JSON 6902 patches, both spellings of the patch lists)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.harness import Cli, write

TREES = Path(__file__).resolve().parent.parent / "fixtures" / "trees"


@pytest.fixture
def trees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the trees, the current folder, so that paths print as the user types them."""
    shutil.copytree(TREES, tmp_path / "trees")
    monkeypatch.chdir(tmp_path / "trees")
    return tmp_path / "trees"


HINT = (
    "lint what the chart renders: `helm template helm/mpi-train | mpilint --stdin-filename"
    " helm/mpi-train/rendered.yaml -`"
)


def test_a_walked_chart_gives_one_note_and_checks_no_template(trees: Path, cli: Cli) -> None:
    result = cli("--format", "json", "helm")
    assert result.code == 0
    (note,) = result.findings
    assert (note["rule"], note["severity"], note["file"]) == (
        "MPL001",
        "info",
        "helm/mpi-train/Chart.yaml",
    )
    assert (note["line"], note["column"]) == (1, 1)
    assert note["message"].startswith("2 files under helm/mpi-train/templates are Helm templates")
    assert note["message"].endswith(HINT)
    assert not any("templates" in f for f in result.json()["files"])


def test_a_named_template_is_skipped_with_the_note(trees: Path, cli: Cli) -> None:
    result = cli("--format", "json", "helm/mpi-train/templates/mpijob.yaml")
    assert result.code == 0
    (note,) = result.findings
    assert note["file"] == "helm/mpi-train/Chart.yaml"
    assert note["message"].startswith("1 file under helm/mpi-train/templates is a Helm template,")


def test_the_chart_note_is_one_per_chart_and_suppressible(trees: Path, cli: Cli) -> None:
    sub = trees / "helm/mpi-train/charts/sub"
    write(sub, {"Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n"})
    write(sub / "templates", {"a.yaml": "kind: {{ .Values.k }}\n", "b.yaml": "x: 1\n"})
    notes = cli("--format", "json", "helm").findings
    assert sorted(n["file"] for n in notes) == [
        "helm/mpi-train/Chart.yaml",
        "helm/mpi-train/charts/sub/Chart.yaml",
    ]
    chart = trees / "helm/mpi-train/Chart.yaml"
    chart.write_text("# mpilint: disable-file=MPL001\n" + chart.read_text())
    assert [n["file"] for n in cli("--format", "json", "helm").findings] == [
        "helm/mpi-train/charts/sub/Chart.yaml"
    ]
    assert cli("--format", "json", "--ignore", "MPL001", "helm").findings == []


def test_templates_without_a_chart_keep_the_syntax_info(tmp_path: Path, cli: Cli) -> None:
    """A ``templates/`` folder with no Chart.yaml above it is not a chart: its files are linted,
    and an unrendered one gets today's MPL001 info."""
    (path,) = write(tmp_path / "templates", {"job.yaml": "kind: {{ .Values.kind }\n"})
    (found,) = cli("--format", "json", path).findings
    assert (found["rule"], found["severity"]) == ("MPL001", "info")
    assert "unrendered template" in found["message"]


def test_kustomize_tree_is_silent_and_patches_are_partial(trees: Path, cli: Cli) -> None:
    """The base is checked as usual; the patches, checked alone, would lack a Launcher."""
    result = cli("--format", "json", "--select", "MPL1", "kustomize")
    assert result.code == 0
    assert [f["rule"] for f in result.findings if f["severity"] != "info"] == []
    assert result.json()["summary"]["error"] == 0
    alone = trees.parent / "alone"
    alone.mkdir()
    shutil.copy(trees / "kustomize/overlays/gpu/workers.yaml", alone)
    assert "MPL108" in cli("--format", "json", str(alone / "workers.yaml")).rules()


def test_a_patch_is_checked_for_what_it_writes(trees: Path, cli: Cli) -> None:
    patch = trees / "kustomize/overlays/gpu/workers.yaml"
    text = patch.read_text().replace("replicas: 4", 'replicas: "4"\n      restartPolicy: Always')
    patch.write_text(
        text.replace("name: mpi-worker", "name: mpi-worker\n            imagePullPolcy: Always")
    )
    rules = sorted(cli("--format", "json", str(patch)).rules())
    assert rules == ["MPL105", "MPL106", "MPL109"]


def test_a_present_zero_worker_count_in_a_patch_is_reported(trees: Path, cli: Cli) -> None:
    patch = trees / "kustomize/overlays/gpu/workers.yaml"
    patch.write_text(patch.read_text().replace("replicas: 4", "replicas: 0"))
    assert cli("--format", "json", str(patch)).rules() == ["MPL108"]


def test_patches_strategic_merge_and_json6902_lists(trees: Path, cli: Cli) -> None:
    result = cli("--format", "json", "kustomize/overlays/prod")
    assert result.findings == []
    assert result.json()["summary"] == {"error": 0, "warning": 0, "info": 0}


@pytest.mark.parametrize("name", ["kustomization.yml", "Kustomization"])
def test_every_kustomization_name(trees: Path, cli: Cli, name: str) -> None:
    folder = trees / "kustomize/overlays/gpu"
    (folder / "kustomization.yaml").rename(folder / name)
    assert cli("--format", "json", "kustomize/overlays/gpu").findings == []


def _job(version: str, name: str) -> str:
    return f"""\
apiVersion: kubeflow.org/{version}
kind: MPIJob
metadata:
  name: {name}
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
            command: [mpirun, -n, "2", /home/mpiuser/pi]
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - image: mpioperator/mpi-pi:openmpi
            name: worker
"""


@pytest.mark.parametrize("version", ["v1alpha1", "v1alpha2"])
def test_retired_versions_get_one_finding_and_the_name_check(
    tmp_path: Path, cli: Cli, version: str
) -> None:
    (path,) = write(tmp_path, {"job.yaml": _job(version, "mpijob_name")})
    result = cli("--format", "json", "--select", "MPL105,MPL107", path)
    retired, name = result.findings
    assert (retired["rule"], retired["line"], retired["column"]) == ("MPL105", 1, 13)
    assert f"kubeflow.org/{version} is served by no maintained operator" in retired["message"]
    assert "mpi-operator v0.3.0 and earlier" in retired["message"]
    assert (name["rule"], name["line"]) == ("MPL107", 4)
    assert "contains '_'" in name["message"]


NAMES = [
    ("a" * 253, None),
    ("a" * 254, "has 254 characters (at most 253)"),
    ("My-job", "has upper-case letters"),
    ("mpijob_name", "contains '_'"),
    (".job", "has an empty part between dots, or starts or ends with a dot"),
    ("job.", "has an empty part between dots, or starts or ends with a dot"),
    ("-job", "has a part that starts or ends with '-'"),
    ("job-", "has a part that starts or ends with '-'"),
    ("job.-v2", "has a part that starts or ends with '-'"),
    ("train.v2", None),
    ("1-foo", None),
]


@pytest.mark.parametrize("version", ["v1", "v1alpha1", "v1alpha2"])
@pytest.mark.parametrize(("name", "problem"), NAMES)
def test_names_are_dns1123_subdomains_in_every_version(
    tmp_path: Path, cli: Cli, version: str, name: str, problem: str | None
) -> None:
    quoted = f"'{name}'" if name[0] in ".-" else name
    (path,) = write(tmp_path, {"job.yaml": _job(version, quoted)})
    found = cli("--format", "json", "--select", "MPL107", path).findings
    subdomain = [f for f in found if "DNS-1123 subdomain" in f["message"]]
    if problem is None:
        assert subdomain == []
    else:
        (hit,) = subdomain
        assert (
            f"the job name {name!r} {problem}; the API server refuses the MPIJob" in hit["message"]
        )
    # v1 also checks the label length of a valid name (at most 63)
    label = [f for f in found if "label" in f["message"]]
    assert len(label) == (version == "v1" and problem is None and len(name) > 63)


def test_many_jobs_in_one_file_still_find_every_collision(tmp_path: Path, cli: Cli) -> None:
    """The per-file index finds a collision with an object far away in the file, in its
    namespace only, and a worker pod only below the job's replica count."""
    jobs = [_job("v2beta1", f"sim-{i}") for i in range(300)]
    others = [
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: sim-7\n",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: sim-8\n  namespace: other\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: sim-9-worker-1\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: sim-9-worker-2\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sim-299-config\n",
    ]
    (path,) = write(tmp_path, {"jobs.yaml": "---\n".join(jobs + others)})
    found = cli("--format", "json", "--select", "MPL120", path).findings
    assert [f["message"].split(",")[0] for f in found] == [
        "this Service is named 'sim-7'",
        "this Pod is named 'sim-9-worker-1'",
        "this ConfigMap is named 'sim-299-config'",
    ]
