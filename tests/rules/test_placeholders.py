"""MPL103, MPL124 and MPL125 through the CLI, each at the boundary of what it reports: the
reference grammar's limits, template tokens against the real text that resembles them, and
variables Kubernetes or a shell will or will not expand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.harness import check_files

_JOB = """\
apiVersion: kubeflow.org/{version}
kind: MPIJob
metadata:
  name: {name}
spec:
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - image: {image}
            name: launcher
            command: {command}
{env}            args: [--x]
          - image: ghcr.io/mpilint-demo/exporter:1.0
            name: exporter
            command: {sidecar}
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - image: ghcr.io/mpilint-demo/pi:1.0
            name: worker
            command: {worker}
"""


def run(
    tmp_path: Path,
    rule: str,
    *,
    image: str = "ghcr.io/mpilint-demo/pi:1.0",
    command: str = '[mpirun, -n, "2", /opt/pi]',
    env: str = "",
    name: str = "pi",
    version: str = "v2beta1",
    sidecar: str = "[/exporter]",
    worker: str = "[/usr/sbin/sshd, -De]",
) -> list[tuple[str, str, str]]:
    text = _JOB.format(
        image=json.dumps(image),
        command=command,
        env=env,
        name=name,
        version=version,
        sidecar=sidecar,
        worker=worker,
    )
    found = check_files(tmp_path, {"mpijob.yaml": text}, "--select", rule).findings
    return [(f["rule"], f["severity"], f["message"]) for f in found]


# ---------------------------------------------------------------------------------------
# MPL124: the grammar's limits, and MPL103 taking what was left by a template


@pytest.mark.parametrize(
    ("image", "fires"),
    [
        ("ghcr.io/mpilint-demo/pi:" + "a" * 128, False),
        ("ghcr.io/mpilint-demo/pi:" + "a" * 129, True),
        ("ghcr.io/mpilint-demo/pi:_1", False),
        ("ghcr.io/mpilint-demo/pi:.1", True),
        ("x/" + "a" * 253 + ":1", False),
        ("x/" + "a" * 254 + ":1", True),
        ("pi@sha256:" + "a" * 64, False),
        ("pi@sha256:" + "a" * 63, True),
        ("pi@sha256:" + "A" * 64, True),
        ("GHCR.IO/mpilint-demo/pi:1", False),
        ("ghcr.io/Mpilint-demo/pi:1", True),
        ("ghcr.io/mpilint-demo/pi:V1", False),
        ("ghcr.io/mpilint--demo/pi__x:1", False),
        ("ghcr.io/mpilint-demo/pi___x:1", True),
        ("ghcr.io/mpilint-demo/pi :1", True),
        ("localhost:5000/pi:1", False),
    ],
)
def test_invalid_image_at_the_grammar_limits(tmp_path: Path, image: str, fires: bool) -> None:
    found = run(tmp_path, "MPL124", image=image)
    assert [(r, s) for r, s, _ in found] == ([("MPL124", "error")] if fires else [])
    if fires:
        assert "InvalidImageName" in found[0][2]


@pytest.mark.parametrize(
    ("image", "what"),
    [
        ("{{ .Values.image }}", "the unrendered template '{{ .Values.image }}'"),
        ("ghcr.io/mpilint-demo/pi:${TAG}", "the unsubstituted variable '${TAG}'"),
        ("ghcr.io/mpilint-demo/pi:$(TAG)", "a $(VAR) reference"),
        ("__REGISTRY__/pi:1", "the template token '__REGISTRY__'"),
        ("ghcr.io/mpilint-demo/pi:@VERSION@", "the template token '@VERSION@'"),
        ("gcr.io/PROJECT_ID/pi:1", "the placeholder 'PROJECT_ID'"),
        ("<your-image>", "the placeholder '<your-image>'"),
        ("<account>.dkr.ecr.<region>.amazonaws.com/<image>:<tag>", "the placeholder '<account>'"),
        ("${REGISTRY}/gpu-profile:latest", "the unsubstituted variable '${REGISTRY}'"),
    ],
)
def test_template_left_in_an_image_is_mpl103_once(tmp_path: Path, image: str, what: str) -> None:
    found = run(tmp_path, "MPL103,MPL124", image=image)
    assert [(r, s) for r, s, _ in found] == [("MPL103", "error")]
    assert what in found[0][2]


def test_invalid_template_image_says_which_part_breaks_the_grammar(tmp_path: Path) -> None:
    [(_, _, message)] = run(tmp_path, "MPL103", image="ghcr.io/mpilint-demo/pi:${TAG}")
    assert "holds the character '$'" in message
    assert "InvalidImageName" in message


# ---------------------------------------------------------------------------------------
# MPL103: placeholder words are warnings, real names are silent


@pytest.mark.parametrize(
    ("image", "fires"),
    [
        ("registry.example.com/hpc/pi:1", True),
        ("example.org/pi:1", True),
        ("cr.example.net:5000/pi:1", True),
        ("registry.example/pi:1", True),
        ("example.community/pi:1", False),
        ("notexample.com/pi:1", False),
        ("123456789012.dkr.ecr.REGION.amazonaws.com/pi:1", True),
        ("123456789012.dkr.ecr.eu-west-1.amazonaws.com/pi:1", False),
        ("yourname/pi:1", True),
        ("docker.io/youruser/pi:1", True),
        ("myregistry/myimage:mytag", True),
        ("mysql:8.0", False),
        ("yourlabs/python:3.11", False),
        ("docker.io/myapp/pi:1", True),
        ("docker.io/myorg-hpc/pi:1", False),
        ("user/repo:tag", True),
        ("image:tag", True),
        ("horovod/horovod:0.28.1", False),
        ("docker.io/library/registry:2", False),
    ],
)
def test_placeholder_words_warn(tmp_path: Path, image: str, fires: bool) -> None:
    found = run(tmp_path, "MPL103", image=image)
    assert [(r, s) for r, s, _ in found] == ([("MPL103", "warning")] if fires else [])


def test_your_with_a_separator_stays_an_error(tmp_path: Path) -> None:
    # The markers MPL103 always had (your-registry, your_user) are certain, not heuristic.
    found = run(tmp_path, "MPL103", image="docker.io/your_user/pi:1")
    assert [(r, s) for r, s, _ in found] == [("MPL103", "error")]


@pytest.mark.parametrize(
    ("item", "token"),
    [
        ("mpirun -n 2 COMMAND", "COMMAND"),
        ("mpirun -n 2 IMAGE", "IMAGE"),
        ("mpirun -n 2 /pi --out %OUT_DIR%", "%OUT_DIR%"),
        ("mpirun -n 2 /pi --data __DATA_DIR__", "__DATA_DIR__"),
        ("mpirun -n 2 /pi --v @VERSION@", "@VERSION@"),
        ("mpirun -n 2 <your-program>", "<your-program>"),
        ("mpirun -n 2 /pi --x {{ .Values.x }}", "{{ .Values.x }}"),
    ],
)
def test_template_tokens_in_a_bash_string(tmp_path: Path, item: str, token: str) -> None:
    found = run(tmp_path, "MPL103", command=json.dumps(["bash", "-c", item]))
    assert [(r, s) for r, s, _ in found] == [("MPL103", "error")]
    assert repr(token) in found[0][2]


@pytest.mark.parametrize(
    "item",
    [
        "mpirun -n 2 /pi --cmd COMMAND_LINE --images /data/IMAGES",
        "python -c 'import __main__; print(__name__)' && mpirun -n 2 /pi",
        "mpirun -n 2 /pi --out /r/$(date +%Y%m%d) && printf '%s%d' a 1",
        "mpirun -n 2 /pi --percent %X% --dunder __X__",
        "echo ops@lab.org user@host.example && mpirun -n 2 /pi",
        "sort <in.txt >out.txt && mpirun -n 2 /pi < in.txt > out.txt",
        "mpirun -n 2 /pi --c-macro __init__",
    ],
)
def test_real_text_that_resembles_tokens_is_silent(tmp_path: Path, item: str) -> None:
    assert run(tmp_path, "MPL103", command=json.dumps(["bash", "-c", item])) == []


@pytest.mark.parametrize(
    ("name", "fires"),
    [("'{{ .Release.Name }}-pi'", True), ("__JOB_NAME__", True), ("pi-2024", False)],
)
def test_templates_in_the_job_name(tmp_path: Path, name: str, fires: bool) -> None:
    found = run(tmp_path, "MPL103", name=name)
    assert [(r, s) for r, s, _ in found] == ([("MPL103", "error")] if fires else [])


# ---------------------------------------------------------------------------------------
# MPL125: $(VAR) Kubernetes cannot resolve, and $VAR nothing expands

_ENV = """\
            env:
            - name: DATA
              value: /data
"""


@pytest.mark.parametrize(
    ("command", "env", "fires"),
    [
        ("[mpirun, -n, '2', /pi, $(DATA)]", _ENV, False),
        ("[mpirun, -n, '2', /pi, $(DATA)]", "", True),
        (
            "[mpirun, -n, '2', /pi, $(DATA)]",
            "            envFrom: [{configMapRef: {name: e}}]\n",
            False,
        ),
        ("[mpirun, -n, '2', /pi, $$(DATA)]", "", False),
        ("[mpirun, -n, '2', /pi, $$$(DATA)]", "", True),
        ("[mpirun, -n, '2', /pi, $(PI_SERVICE_HOST)]", "", False),
        ("[mpirun, -n, '2', /pi, $(K_MPI_JOB_ROLE)]", "", False),
        ("[mpirun, -n, '2', /pi, $(OMPI_MCA_orte_default_hostfile)]", "", False),
        ("[mpirun, -n, '2', /pi, $(I_MPI_HYDRA_HOST_FILE)]", "", True),
        ("[bash, -c, 'echo $(hostname) && mpirun -n 2 /pi']", "", False),
        ("[bash, -c, 'mpirun -n $(NP) /pi']", "", True),
    ],
)
def test_kubernetes_references(tmp_path: Path, command: str, env: str, fires: bool) -> None:
    found = run(tmp_path, "MPL125", command=command, env=env)
    assert [(r, s) for r, s, _ in found] == ([("MPL125", "warning")] if fires else [])


def test_undefined_reference_lists_the_defined_variables(tmp_path: Path) -> None:
    [(_, _, message)] = run(tmp_path, "MPL125", command="[mpirun, /pi, $(OUT)]", env=_ENV)
    assert "'$(OUT)' names no variable of the container" in message
    assert "Variables it defines: DATA, K_MPI_JOB_ROLE," in message
    assert "OMPI_MCA_orte_default_hostfile" in message


def test_operator_variables_per_version_and_container(tmp_path: Path) -> None:
    role = "[sh, -c, 'exec /usr/sbin/sshd -De --role $(K_MPI_JOB_ROLE)']"
    assert run(tmp_path, "MPL125", worker=role) == []
    assert [r for r, _, _ in run(tmp_path, "MPL125", worker=role, version="v1")] == ["MPL125"]
    # Only containers[0] gets the operator's variables.
    sidecar = "[/exporter, $(K_MPI_JOB_ROLE)]"
    assert [r for r, _, _ in run(tmp_path, "MPL125", sidecar=sidecar)] == ["MPL125"]


_ENV_ITEMS = "            env:\n            - {}\n            - {}\n"


@pytest.mark.parametrize(
    ("env", "fires"),
    [
        (_ENV_ITEMS.format("{name: A, value: /a}", "{name: B, value: $(A)/b}"), False),
        (_ENV_ITEMS.format("{name: B, value: $(A)/b}", "{name: A, value: /a}"), True),
    ],
)
def test_env_values_see_only_earlier_variables(tmp_path: Path, env: str, fires: bool) -> None:
    found = run(tmp_path, "MPL125", env=env)
    assert [r for r, _, _ in found] == (["MPL125"] if fires else [])


@pytest.mark.parametrize(
    ("command", "fires"),
    [
        ("[mpirun, -x, 'LD_LIBRARY_PATH=$LD_LIBRARY_PATH', /pi]", True),
        ("[python, train.py, --out, '${OUT}/r']", True),
        ("[sh, -c, 'mpirun -x LD_LIBRARY_PATH=$LD_LIBRARY_PATH /pi']", False),
        ("[mpirun, -n, '2', bash, -c, 'exec /pi --out $OUT']", False),
        ("[/opt/run.sh, '$OUT']", False),
        ("[awk, '{print $NF}']", False),
        ("[mpirun, -n, '2', /pi, --price, '$5']", False),
        ("[mpirun, -n, '2', /pi, '\\$OUT']", False),
    ],
)
def test_shell_variables_in_exec_form(tmp_path: Path, command: str, fires: bool) -> None:
    found = run(tmp_path, "MPL125", command=command)
    assert [(r, s) for r, s, _ in found] == ([("MPL125", "warning")] if fires else [])
