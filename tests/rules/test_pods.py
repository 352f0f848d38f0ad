"""Unit tests for the pod rules (MPL112-MPL116) and the sshd port reader they share."""

from __future__ import annotations

import textwrap

import pytest

from mpilint.core.findings import Severity
from mpilint.models import worker
from mpilint.models.mpijob import Container, read_mpijob
from mpilint.ruleapi import Manifest
from mpilint.rules import MPL112, MPL113, MPL114, MPL115, MPL116
from mpilint.sources.yamlsource import parse_yaml
from tests.harness import hits_of, manifest_of

JOB = """\
apiVersion: kubeflow.org/{version}
kind: MPIJob
metadata:
  name: job
spec:
{spec}
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - image: horovod/horovod:0.28.1
            name: launcher
{launcher}
    Worker:
      replicas: {replicas}
      template:
        spec:
{worker_pod}
          containers:
          - image: horovod/horovod:0.28.1
            name: worker
{worker}
"""


def _indent(text: str, spaces: int) -> str:
    return textwrap.indent(textwrap.dedent(text).strip("\n"), " " * spaces) if text else ""


def manifest(
    *,
    version: str = "v2beta1",
    spec: str = "",
    launcher: str = "command: [mpirun, python, train.py]",
    worker: str = "",
    worker_pod: str = "",
    replicas: int = 2,
) -> Manifest:
    text = JOB.format(
        version=version,
        spec=_indent(spec, 2),
        launcher=_indent(launcher, 12),
        worker=_indent(worker, 12),
        worker_pod=_indent(worker_pod, 10),
        replicas=replicas,
    )
    text = "\n".join(line for line in text.splitlines() if line.strip()) + "\n"
    return manifest_of(text, clean=True)


def _worker_main(subject: Manifest) -> Container:
    worker = subject.job.worker
    assert worker is not None and worker.main is not None
    return worker.main


# ---------------------------------------------------------------- sshd ports


@pytest.mark.parametrize(
    ("command", "ports", "exact"),
    [
        ("command: [/usr/sbin/sshd, -De, -p, '3333']", {3333}, True),
        ("command: [/usr/sbin/sshd, -De, -p3333]", {3333}, True),
        ("command: [/usr/sbin/sshd, -Dep, '3333']", {3333}, True),
        ("command: [/usr/sbin/sshd, -D, -o, Port=3333]", {3333}, False),
        ("command: [/usr/sbin/sshd, -D, -oPort=3333]", {3333}, False),
        ("command: [/usr/sbin/sshd, -D, -o, 'Port 3333']", {3333}, False),
        ("command: [/usr/sbin/sshd, -D, -p, '22', -p, '2222']", {22, 2222}, True),
        ("command: [sh, -c, 'ssh-keygen -A && exec /usr/sbin/sshd -D -p 3333']", {3333}, True),
        ("command: [bash, -lc]\nargs: ['/usr/sbin/sshd -De -f /etc/ssh/x -p 2022']", {2022}, True),
        ("command: [/usr/sbin/sshd, -De, -f, /home/mpiuser/.sshd_config]", set(), False),
        # read like the launcher's and the worker's commands (mpilint.models.commands)
        ("command: [bash, -o, pipefail, -c, '/usr/sbin/sshd -D -p 3333']", {3333}, True),
        ("command: [gosu, root, bash, -lc, 'exec /usr/sbin/sshd -D -p 3333']", {3333}, True),
        ("command: [sh, -c, \"su root -c '/usr/sbin/sshd -D -p 3333'\"]", {3333}, True),
        ("command: [/entrypoint.sh, /usr/sbin/sshd, -D, -p, '3333']", {3333}, True),
        ("command: [sh, -c, 'test -x /usr/sbin/sshd && /usr/sbin/sshd -Dp3333']", {3333}, False),
    ],
)
def test_sshd_ports_read_from_the_command(command: str, ports: set[int], exact: bool) -> None:
    subject = manifest(worker=command)
    found = worker.sshd_command(_worker_main(subject), subject.text)
    assert found.runs_sshd and not found.unknown
    assert {p.port for p in found.ports} == ports
    assert found.exact is exact


@pytest.mark.parametrize(
    "command",
    [
        "command: [/usr/sbin/sshd, -De, -p, $(SSH_PORT)]",
        "command: [sh, -c, '/usr/sbin/sshd -D -p $PORT']",
        "command: [/usr/sbin/sshd, -D, -o, ListenAddress=0.0.0.0:3333]",
    ],
)
def test_sshd_ports_that_cannot_be_known(command: str) -> None:
    subject = manifest(worker=command)
    assert worker.sshd_command(_worker_main(subject), subject.text).unknown


def test_accepted_ports_take_the_image_port_when_known() -> None:
    subject = manifest(worker="command: [/usr/sbin/sshd, -De]")
    command = worker.sshd_command(_worker_main(subject), subject.text)
    assert worker.accepted_sshd_ports(command) == {22, 2222}
    assert worker.accepted_sshd_ports(command, image_port=3022) == {3022}
    subject = manifest(worker="command: [/usr/sbin/sshd, -De, -p, '3333']")
    command = worker.sshd_command(_worker_main(subject), subject.text)
    assert worker.accepted_sshd_ports(command, image_port=3022) == {3333}


def test_sshd_port_span_points_inside_a_shell_string() -> None:
    subject = manifest(worker="command: [sh, -c, '/usr/sbin/sshd -D -p 3333']")
    (port,) = worker.sshd_command(_worker_main(subject), subject.text).ports
    line = subject.text.splitlines()[port.span.line - 1]
    assert line[port.span.column - 1 : port.span.end_column - 1] == "3333"


# ---------------------------------------------------------------- MPL112


GPU4 = "resources:\n  limits:\n    nvidia.com/gpu: 4"
# The manifest must say Horovod or NCCL: the horovod/horovod image alone does not.
NCCL = "command: [mpirun, -x, NCCL_DEBUG=INFO, python, train.py]"


def test_gpu_slots_defaulted_points_at_the_gpu_limit() -> None:
    subject = manifest(launcher=NCCL, worker=GPU4)
    (hit,) = hits_of(MPL112.check, subject)
    assert (
        "slotsPerWorker is not set" in hit.message and "3 GPUs per worker sit idle" in hit.message
    )
    assert subject.text.splitlines()[hit.span.line - 1].strip() == "nvidia.com/gpu: 4"


def test_gpu_slots_written_points_at_slots_with_the_limit_related() -> None:
    subject = manifest(spec="slotsPerWorker: 8", launcher=NCCL, worker=GPU4)
    (hit,) = hits_of(MPL112.check, subject)
    assert hit.span.line == 6 and "share GPUs" in hit.message
    assert hit.related and "GPU limit" in hit.related[0].message


@pytest.mark.parametrize(
    ("spec", "launcher", "worker"),
    [
        ("slotsPerWorker: 4", "command: [mpirun, python, train.py]", GPU4),  # matches
        ("", "command: [mpirun, python, train.py]", ""),  # CPU only
        # one rank per node that starts its own per-GPU workers
        ("", "command: [mpirun, torchrun, --nproc_per_node=4, train.py]", GPU4),
        ("", "command: [mpirun, deepspeed, train.py]", GPU4),
        # not a quantity we can read
        ("", "command: [mpirun, python, train.py]", "resources: {limits: {nvidia.com/gpu: 4k}}"),
        (
            "",
            "command: [mpirun, python, train.py]",
            "resources: {limits: {nvidia.com/mig-1g.5gb: 4}}",
        ),
        # the launcher's own host list or per-node count decides
        ("", "command: [mpirun, -H, 'a:4,b:4', python, train.py]", GPU4),
        ("", "command: [mpirun, -N, '4', python, train.py]", GPU4),
        ("slotsPerWorker: $(SLOTS)", "command: [mpirun, python, train.py]", GPU4),
    ],
)
def test_gpu_slots_silent(spec: str, launcher: str, worker: str) -> None:
    assert not hits_of(MPL112.check, manifest(spec=spec, launcher=launcher, worker=worker))


def test_gpu_slots_needs_horovod_or_nccl_evidence() -> None:
    text = manifest(worker=GPU4).text.replace("horovod/horovod:0.28.1", "quay.io/hpc/md:1")
    parsed = parse_yaml(text)
    job = read_mpijob(parsed.documents[0].root, 0)
    assert job is not None
    assert not hits_of(MPL112.check, Manifest("job.yaml", text, job))


# ---------------------------------------------------------------- MPL113


LAUNCHER_GPU = "command: [mpirun, python, train.py]\nresources:\n  limits:\n    nvidia.com/gpu: 1"


def test_launcher_gpu_v2beta1_is_blanked() -> None:
    (hit,) = hits_of(MPL113.check, manifest(launcher=LAUNCHER_GPU))
    assert hit.severity is None and "NVIDIA_VISIBLE_DEVICES" in hit.message


def test_launcher_gpu_v2beta1_silent_when_it_runs_ranks_or_is_amd() -> None:
    assert not hits_of(
        MPL113.check, manifest(spec="runLauncherAsWorker: true", launcher=LAUNCHER_GPU)
    )
    amd = LAUNCHER_GPU.replace("nvidia.com", "amd.com")
    assert not hits_of(MPL113.check, manifest(launcher=amd))


def test_launcher_gpu_v1alpha2_always_blanked() -> None:
    (hit,) = hits_of(MPL113.check, manifest(version="v1alpha2", launcher=LAUNCHER_GPU))
    assert "v1alpha2" in hit.message


def test_launcher_gpu_v1_is_an_implicit_rank() -> None:
    (hit,) = hits_of(MPL113.check, manifest(version="v1", launcher=LAUNCHER_GPU))
    assert hit.severity is Severity.INFO and "hostfile" in hit.message
    for count in ("3", "2"):  # counted on purpose, or a mismatch MPL102 reports
        counted = LAUNCHER_GPU.replace("[mpirun,", f"[mpirun, -np, '{count}',")
        assert not hits_of(MPL113.check, manifest(version="v1", launcher=counted))


# ---------------------------------------------------------------- MPL114


def test_host_network_two_workers_warn() -> None:
    (hit,) = hits_of(MPL114.check, manifest(worker_pod="hostNetwork: true"))
    assert hit.severity is None and "2 workers" in hit.message


@pytest.mark.parametrize(
    ("worker_pod", "worker", "severity"),
    [
        ("hostNetwork: true\ntopologySpreadConstraints: [{maxSkew: 1}]", "", Severity.INFO),
        ("hostNetwork: true\nschedulerName: volcano", "", Severity.INFO),
        ("hostNetwork: true", GPU4, Severity.INFO),
        # port 22 clashes with the node's sshd whatever keeps workers apart
        (
            "hostNetwork: true\naffinity: {podAntiAffinity: {requiredDuringSchedulingIgnored"
            "DuringExecution: [{topologyKey: kubernetes.io/hostname}]}}",
            "command: [/usr/sbin/sshd, -De, -p, '22']",
            None,
        ),
    ],
)
def test_host_network_severities(worker_pod: str, worker: str, severity: Severity | None) -> None:
    (hit,) = hits_of(MPL114.check, manifest(worker_pod=worker_pod, worker=worker))
    assert hit.severity is severity


@pytest.mark.parametrize(
    ("version", "worker_pod", "worker", "replicas"),
    [
        ("v2beta1", "hostNetwork: true", "", 1),
        ("v2beta1", "hostNetwork: true", "ports: [{containerPort: 2222}]", 2),
        ("v2beta1", "hostNetwork: 'true'", "", 2),  # a string: the API rejects it elsewhere
        ("v1", "hostNetwork: true", "", 2),  # no sshd in v1 workers
        ("v2beta1", "", "", 2),
    ],
)
def test_host_network_silent(version: str, worker_pod: str, worker: str, replicas: int) -> None:
    subject = manifest(version=version, worker_pod=worker_pod, worker=worker, replicas=replicas)
    assert not hits_of(MPL114.check, subject)


# ---------------------------------------------------------------- MPL115


def _probe(port: str, kind: str = "tcpSocket") -> str:
    return f"readinessProbe:\n  {kind}:\n    port: {port}"


@pytest.mark.parametrize(
    ("worker", "spec", "severity"),
    [
        (_probe("22") + "\ncommand: [/usr/sbin/sshd, -De, -p, '2222']", "", None),
        (_probe("8080"), "launcherCreationPolicy: WaitForWorkersReady", Severity.ERROR),
        (_probe("8080", "grpc"), "", None),
        (_probe("8080") + "\ncommand: [/start.sh]", "", Severity.INFO),
        (_probe("22") + "\ncommand: [sh, -c, 'x; /usr/sbin/sshd -D -p 2222']", "", None),
    ],
)
def test_probe_port_flagged(worker: str, spec: str, severity: Severity | None) -> None:
    (hit,) = hits_of(MPL115.check, manifest(spec=spec, worker=worker))
    assert hit.severity is severity


@pytest.mark.parametrize(
    "worker",
    [
        _probe("2222"),
        _probe("22"),
        _probe("ssh") + "\nports: [{name: ssh, containerPort: 2222}]",
        _probe("sshd"),  # a name not declared: cannot resolve
        _probe("3333") + "\ncommand: [/usr/sbin/sshd, -De, -p, '3333']",
        _probe("3333") + "\ncommand: [/usr/sbin/sshd, -De, -o, Port=3333]",
        _probe("3333") + "\ncommand: [/usr/sbin/sshd, -De, -p, $(PORT)]",
        "readinessProbe: {exec: {command: [pgrep, sshd]}}",
        _probe("'{{ .Values.port }}'"),
    ],
)
def test_probe_port_silent(worker: str) -> None:
    assert not hits_of(MPL115.check, manifest(worker=worker))


def test_probe_port_named_resolution_is_related() -> None:
    worker = _probe("metrics") + "\nports: [{name: metrics, containerPort: 9090}]"
    (hit,) = hits_of(MPL115.check, manifest(worker=worker))
    assert "'metrics' (9090)" in hit.message
    assert hit.related and "metrics" in hit.related[0].message


def test_probe_port_ignores_v1() -> None:
    assert not hits_of(MPL115.check, manifest(version="v1", worker=_probe("8080")))


# ---------------------------------------------------------------- MPL116


def test_istio_values_istio_reads_as_true() -> None:
    for value in ('"true"', '"yes"', '"on"', '"TRUE"'):
        pod = f"metadata: {{annotations: {{sidecar.istio.io/inject: {value}}}}}"
        text = manifest().text.replace(
            "    Worker:\n      replicas: 2\n      template:\n",
            f"    Worker:\n      replicas: 2\n      template:\n        {pod}\n",
        )
        parsed = parse_yaml(text)
        job = read_mpijob(parsed.documents[0].root, 0)
        assert job is not None
        (hit,) = hits_of(MPL116.check, Manifest("job.yaml", text, job))
        assert hit.severity is None


def test_istio_false_and_absent_are_silent() -> None:
    assert not hits_of(MPL116.check, manifest())
    text = manifest().text.replace(
        "  name: job\n", '  name: job\n  annotations: {sidecar.istio.io/inject: "false"}\n'
    )
    parsed = parse_yaml(text)
    job = read_mpijob(parsed.documents[0].root, 0)
    assert job is not None
    assert not hits_of(MPL116.check, Manifest("job.yaml", text, job))


def test_istio_native_sidecar_in_init_containers() -> None:
    worker = (
        "          containers:\n          - image: horovod/horovod:0.28.1\n            name: worker"
    )
    sidecar = (
        "          initContainers:\n          - name: istio-proxy\n"
        "            image: istio/proxyv2\n            restartPolicy: Always\n"
    )
    text = manifest().text.replace(worker, sidecar + worker)
    parsed = parse_yaml(text)
    job = read_mpijob(parsed.documents[0].root, 0)
    assert job is not None
    (hit,) = hits_of(MPL116.check, Manifest("job.yaml", text, job))
    assert "istio-proxy container" in hit.message


@pytest.mark.parametrize(
    ("worker_pod", "worker"),
    [
        ("hostNetwork: {a: 1}\naffinity: [1]", "ports: 7\nreadinessProbe: [1, 2]"),
        ("hostNetwork: true\naffinity: {podAntiAffinity: 3}", "resources: {limits: [1]}"),
        ("topologySpreadConstraints: x", "readinessProbe: {tcpSocket: {port: [1]}}"),
        ("", "readinessProbe: {httpGet: {port: ssh}}\nports: [{name: ssh, containerPort: x}]"),
        ("", "command: [sshd, -p]\nresources: {limits: {nvidia.com/gpu: null}}"),
        ("", "command: [[sshd], {a: b}, sshd, -o]\nreadinessProbe: {grpc: {port: 1e3}}"),
        ("", "command: [bash, -c]\nargs: ['sshd -p \"$(cat /port)\" & wait']"),
    ],
)
def test_odd_shapes_never_crash(worker_pod: str, worker: str) -> None:
    subject = manifest(spec="slotsPerWorker: 2", worker_pod=worker_pod, worker=worker)
    for check in (
        MPL112.check,
        MPL113.check,
        MPL114.check,
        MPL115.check,
        MPL116.check,
    ):
        hits_of(check, subject)
