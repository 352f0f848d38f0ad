"""MPL102, MPL108, MPL112 and MPL122 at their boundaries, through the CLI: where the launcher's
hosts come from (horovodrun without hosts, the operator's hostfile named explicitly, short worker
names), a misspelt slotsPerWorker, and what decides a Horovod/NCCL job."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import Cli, write


def _job(
    command: str,
    *,
    replicas: int = 2,
    spec: str = "  slotsPerWorker: 1\n",
    version: str = "v2beta1",
    launcher_pod: str = "",
    worker_container: str = "",
) -> str:
    return (
        f"apiVersion: kubeflow.org/{version}\nkind: MPIJob\nmetadata:\n  name: pi\n"
        f"  namespace: lab\nspec:\n{spec}  mpiReplicaSpecs:\n    Launcher:\n      replicas: 1\n"
        f"      template:\n        spec:\n{launcher_pod}          containers:\n"
        "          - image: ghcr.io/mpilint-demo/train:1\n            name: launcher\n"
        f"            command: {command}\n    Worker:\n      replicas: {replicas}\n"
        "      template:\n        spec:\n          containers:\n"
        "          - image: ghcr.io/mpilint-demo/train:1\n            name: worker\n"
        f"{worker_container}"
    )


def _found(cli: Cli, tmp_path: Path, text: str, rule: str) -> list[tuple[str, str]]:
    (path,) = write(tmp_path, {"job.yaml": text})
    result = cli("check", "--select", rule, "--format", "json", path)
    return [(f["severity"], f["message"]) for f in result.findings]


# --- horovodrun (C5) --------------------------------------------------------------------------


@pytest.mark.parametrize("np", ["1", "2", "3"])
def test_horovodrun_without_hosts_reports_the_launcher_whatever_the_count(
    cli: Cli, tmp_path: Path, np: str
) -> None:
    found = _found(cli, tmp_path, _job(f'[horovodrun, -np, "{np}", python, t.py]'), "MPL102")
    assert len(found) == 1
    severity, message = found[0]
    assert severity == "error"
    assert f"`-H localhost:{np}`" in message and "every rank starts on the launcher" in message
    assert "--hostfile /etc/mpi/hostfile" in message and "pi-worker-0.pi.lab.svc:1" in message
    assert "Process number" not in message


@pytest.mark.parametrize(
    "hosts",
    [
        "-H, pi-worker-0.pi.lab.svc:1",
        "--hosts=pi-worker-0.pi.lab.svc:1",
        "--hostfile, /tmp/other",
        "--host-discovery-script, /etc/mpi/discover_hosts.sh, --min-np, '1'",
    ],
)
def test_horovodrun_with_hosts_or_elastic_is_not_the_launcher(
    cli: Cli, tmp_path: Path, hosts: str
) -> None:
    text = _job(f'[horovodrun, -np, "2", {hosts}, python, t.py]')
    assert _found(cli, tmp_path, text, "MPL102") == []


def test_horovodrun_on_a_launcher_alone_runs_where_it_should(cli: Cli, tmp_path: Path) -> None:
    spec = "  runLauncherAsWorker: true\n  slotsPerWorker: 2\n"
    text = _job('[horovodrun, -np, "2", python, t.py]', spec=spec)
    text = text.split("    Worker:")[0]
    assert _found(cli, tmp_path, text, "MPL102") == []


@pytest.mark.parametrize(("np", "want"), [("1", "warning"), ("2", None), ("3", "error")])
@pytest.mark.parametrize(
    "option", ["--hostfile, /etc/mpi/hostfile", "--hostfile=/etc/mpi/hostfile"]
)
def test_horovodrun_with_the_operators_hostfile_is_compared(
    cli: Cli, tmp_path: Path, np: str, want: str | None, option: str
) -> None:
    text = _job(f'[horovodrun, -np, "{np}", {option}, python, t.py]')
    found = _found(cli, tmp_path, text, "MPL102")
    assert [s for s, _ in found] == ([want] if want else [])


# --- the operator's hostfile named explicitly ---------------------------------------------------


@pytest.mark.parametrize(
    ("option", "impl"),
    [
        ("--hostfile, /etc/mpi/hostfile", "OpenMPI"),
        ("-hostfile, /etc/mpi/hostfile", "OpenMPI"),
        ("--machinefile, /etc/mpi/hostfile", "OpenMPI"),
        ("-f, /etc/mpi/hostfile", "MPICH"),
    ],
)
@pytest.mark.parametrize(("n", "want"), [("1", "warning"), ("2", None), ("3", "over")])
def test_the_operators_hostfile_keeps_the_count_known(
    cli: Cli, tmp_path: Path, option: str, impl: str, n: str, want: str | None
) -> None:
    spec = f"  slotsPerWorker: 1\n  mpiImplementation: {impl}\n"
    found = _found(cli, tmp_path, _job(f'[mpirun, {option}, -n, "{n}", x]', spec=spec), "MPL102")
    over = "error" if impl == "OpenMPI" else "warning"
    assert [s for s, _ in found] == ([over if want == "over" else want] if want else [])


@pytest.mark.parametrize("path", ["/tmp/hosts", "/etc/mpi/hostfile2", "$(HOSTFILE)"])
def test_another_hostfile_leaves_the_pool_unknown(cli: Cli, tmp_path: Path, path: str) -> None:
    text = _job(f'[mpirun, --hostfile, "{path}", -n, "3", x]')
    assert _found(cli, tmp_path, text, "MPL102") == []


# --- slotsPerWorker misspelt -------------------------------------------------------------------


@pytest.mark.parametrize("key", ["slotPerWorker", "SlotsPerWorker", "slotsPerWorkers"])
def test_misspelt_slots_say_unset_and_propose_no_count(cli: Cli, tmp_path: Path, key: str) -> None:
    text = _job('[mpirun, -n, "16", x]', spec=f"  {key}: 8\n")
    ((severity, message),) = _found(cli, tmp_path, text, "MPL102")
    assert severity == "error"
    assert "slotsPerWorker is not set" in message and f'"{key}"' in message
    assert "defaults to 1" in message and 'Write "2"' not in message


@pytest.mark.parametrize(("n", "found"), [("1", 1), ("2", 0), ("3", 1)])
def test_misspelt_slots_at_the_default_boundary(
    cli: Cli, tmp_path: Path, n: str, found: int
) -> None:
    text = _job(f'[mpirun, -n, "{n}", x]', spec="  slotPerWorker: 8\n")
    messages = _found(cli, tmp_path, text, "MPL102")
    assert len(messages) == found
    assert all("slotsPerWorker is not set" in m for _, m in messages)


def test_a_key_too_far_from_slots_keeps_the_usual_advice(cli: Cli, tmp_path: Path) -> None:
    text = _job('[mpirun, -n, "3", x]', spec="  workerCount: 8\n")
    ((_, message),) = _found(cli, tmp_path, text, "MPL102")
    assert 'Write "2"' in message and "not set" not in message


# --- MPL108: no workers ------------------------------------------------------------------------


def test_no_workers_says_open_mpi_runs_on_the_launcher(cli: Cli, tmp_path: Path) -> None:
    text = _job('[mpirun, -n, "2", x]').split("    Worker:")[0]
    ((severity, message),) = _found(cli, tmp_path, text, "MPL108")
    assert severity == "warning"
    assert "runs every rank on the launcher" in message and "nowhere" not in message


def test_v1_zero_workers_says_open_mpi_runs_on_the_launcher(cli: Cli, tmp_path: Path) -> None:
    text = _job('[mpirun, -n, "2", x]', replicas=0, version="v1")
    ((_, message),) = _found(cli, tmp_path, text, "MPL108")
    assert "runs every rank on the launcher" in message and "no host to start" not in message


# --- MPL112: Horovod from the manifest -----------------------------------------------------------

_GPUS = "            resources:\n              limits:\n                nvidia.com/gpu: 4\n"


@pytest.mark.parametrize(
    ("command", "found"),
    [
        ('[mpirun, -n, "2", /opt/gromacs/bin/gmx_mpi, mdrun]', 0),
        ('[mpirun, -n, "2", -x, NCCL_DEBUG=INFO, python, t.py]', 1),
        ('[mpirun, -n, "2", python, /horovod/examples/pytorch/pytorch_mnist.py]', 1),
    ],
)
def test_horovod_is_read_from_command_not_from_the_image(
    cli: Cli, tmp_path: Path, command: str, found: int
) -> None:
    text = _job(command, worker_container=_GPUS).replace(
        "ghcr.io/mpilint-demo/train:1", "horovod/horovod:0.28.1"
    )
    write(tmp_path, {"job.yaml": text, "Dockerfile": "FROM horovod/horovod:0.28.1\n"})
    result = cli("check", "--select", "MPL112", "--format", "json", str(tmp_path))
    assert len(result.findings) == found


# --- MPL122: short worker names ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "found"),
    [
        ('[mpirun, -H, "pi-worker-0,pi-worker-1", x]', 1),
        ('[mpirun, --host, "pi-worker-0:1", x]', 1),
        ('[mpiexec, -hosts, "pi-worker-0,pi-worker-1", -n, "2", x]', 1),
        ('[horovodrun, -np, "2", -H, "pi-worker-0:1,pi-worker-1:1", python, t.py]', 1),
        ('[sh, -c, "printf pi-worker-0:1 > h; mpirun -f h x"]', 1),
        ('[mpirun, -H, "pi-worker-0.pi,pi-worker-1.pi.lab.svc", x]', 0),
        ('[mpirun, -H, "mypi-worker-0,pi-worker-x", x]', 0),
        ('[mpirun, -H, "$(HOSTS)", x]', 0),
        ('[sh, -c, "mpirun -H $HOSTS x"]', 0),
        ('[sh, -c, "echo waiting for pi-worker-0; mpirun x"]', 0),
    ],
)
def test_short_worker_names(cli: Cli, tmp_path: Path, command: str, found: int) -> None:
    assert len(_found(cli, tmp_path, _job(command), "MPL122")) == found


@pytest.mark.parametrize(
    "pod",
    [
        "          dnsConfig:\n            searches: [pi.lab.svc.cluster.local]\n",
        "          dnsPolicy: None\n          dnsConfig:\n            nameservers: [10.0.0.10]\n",
        "          hostAliases:\n          - ip: 10.0.0.5\n            hostnames: [pi-worker-0]\n",
    ],
)
def test_a_launcher_with_its_own_dns_may_resolve_short_names(
    cli: Cli, tmp_path: Path, pod: str
) -> None:
    text = _job('[mpirun, -H, "pi-worker-0", x]', launcher_pod=pod)
    assert _found(cli, tmp_path, text, "MPL122") == []


def test_v1_short_names_are_pod_names(cli: Cli, tmp_path: Path) -> None:
    text = _job('[mpirun, -H, "pi-worker-0,pi-worker-1", x]', version="v1")
    assert _found(cli, tmp_path, text, "MPL122") == []
