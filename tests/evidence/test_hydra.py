"""MPICH's and Intel MPI's Hydra in the launcher pod the operator builds (MPL102, MPL119,
MPL202; C3).

Hydra does not enforce the hostfile's counts: more ranks than slots run, placed round-robin on the
workers. For ssh, MPICH's Hydra appends ``HYDRA_LAUNCHER_EXTRA_ARGS`` to the ssh command line and
never reads the ``HYDRA_LAUNCH_EXTRA_ARGS`` the operator sets (C3); Intel MPI's Hydra reads
``I_MPI_HYDRA_BOOTSTRAP_EXEC_EXTRA_ARGS``, the name the operator sets for it.
"""

from __future__ import annotations

from pathlib import Path

from tests.evidence import mpi_versions
from tests.evidence.claims import Claim, assert_printed
from tests.evidence.operator_pod import ATTEMPTS, RANK, launcher_pod
from tests.evidence.programs import impi, mpich

HERE = "test_hydra"
MPICH = mpi_versions.mpich()
IMPI = mpi_versions.impi()
OVERSUBSCRIBE = "Intel MPI and MPICH oversubscribe instead"
OVER_MESSAGE = "ranks will be oversubscribed on the workers"

# Hydra's forked child also prints "execvp error on file ssh (No such file or directory)", but
# through a pipe that mpiexec may no longer read when it gives up: only this line is certain.
NO_SSH = "Launch proxy failed."
PARSE = Claim(
    "MPL303",
    "HYDU_parse_hostfile … unable to process token",
    f"{HERE}::test_open_mpi_hostfile",
    MPICH,
    "rationale",
)

CLAIMS: list[Claim] = [
    Claim("MPL102", OVERSUBSCRIBE, f"{HERE}::test_mpich_oversubscribes", MPICH, "rationale"),
    Claim("MPL102", OVERSUBSCRIBE, f"{HERE}::test_impi_oversubscribes", IMPI, "rationale"),
    Claim("MPL102", OVER_MESSAGE, f"{HERE}::test_mpich_oversubscribes", MPICH, "message"),
    Claim("MPL102", OVER_MESSAGE, f"{HERE}::test_impi_oversubscribes", IMPI, "message"),
    # MPL119 names the variable that works (C3); MPL202 accepts its port.
    Claim("MPL119", "HYDRA_LAUNCHER_EXTRA_ARGS", f"{HERE}::test_mpich_ssh_args", MPICH, "both"),
    Claim(
        "MPL202", "HYDRA_LAUNCHER_EXTRA_ARGS", f"{HERE}::test_mpich_ssh_args", MPICH, "rationale"
    ),
    Claim("MPL204", NO_SSH, f"{HERE}::test_mpich_no_ssh_client", MPICH, "both"),
    PARSE,
]


def test_mpich_oversubscribes(tmp_path: Path) -> None:
    """2 workers x 2 slots (``host:2``) and ``-n 5``: five ranks run on the workers, no error."""
    program = mpich()
    pod = launcher_pod(tmp_path, "MPICH", workers=2, slots=2)
    result = pod.run(program, ["-n", "5", *RANK])
    assert result.returncode == 0, result.output
    assert len(result.ranks) == 5 and set(result.ranks) == set(pod.workers)


def test_impi_oversubscribes(tmp_path: Path) -> None:
    """The same with Intel MPI and the operator's ``I_MPI_PERHOST``."""
    program = impi()
    pod = launcher_pod(tmp_path, "Intel", workers=2, slots=2)
    result = pod.run(program, ["-n", "5", *RANK])
    assert result.returncode == 0, result.output
    assert len(result.ranks) == 5 and set(result.ranks) == set(pod.workers)


def test_mpich_ssh_args(tmp_path: Path) -> None:
    """C3: the operator's ``HYDRA_LAUNCH_EXTRA_ARGS`` never reaches ssh; a user's
    ``HYDRA_LAUNCHER_EXTRA_ARGS="-p 2222"`` does."""
    program = mpich()
    pod = launcher_pod(tmp_path, "MPICH", workers=2, slots=1)
    assert pod.env["HYDRA_LAUNCH_EXTRA_ARGS"] == ATTEMPTS
    plain = pod.run(program, ["-n", "2", *RANK])
    assert plain.returncode == 0, plain.output
    calls = pod.ssh_calls()
    assert len(calls) == 2 and all("ConnectionAttempts=10" not in call for call in calls), calls
    pod.forget_ssh_calls()
    port = pod.run(program, ["-n", "2", *RANK], env={"HYDRA_LAUNCHER_EXTRA_ARGS": "-p 2222"})
    assert port.returncode == 0, port.output
    calls = pod.ssh_calls()
    assert len(calls) == 2, calls
    for call in calls:
        host = next(name for name in call if name in pod.workers)
        assert call[call.index(host) - 2 : call.index(host)] == ["-p", "2222"], call
        assert "ConnectionAttempts=10" not in call


def test_impi_ssh_args(tmp_path: Path) -> None:
    """Intel MPI passes the operator's ``I_MPI_HYDRA_BOOTSTRAP_EXEC_EXTRA_ARGS`` to ssh, and
    ``-bootstrap-exec-args`` on the command line replaces it (MPL119's advice)."""
    program = impi()
    pod = launcher_pod(tmp_path, "Intel", workers=2, slots=1)
    plain = pod.run(program, ["-n", "2", *RANK])
    assert plain.returncode == 0, plain.output
    calls = pod.ssh_calls()
    assert len(calls) == 2 and all(ATTEMPTS.split()[1] in call for call in calls), calls
    pod.forget_ssh_calls()
    port = pod.run(program, ["-bootstrap-exec-args", "-p 2222", "-n", "2", *RANK])
    assert port.returncode == 0, port.output
    calls = pod.ssh_calls()
    assert len(calls) == 2 and all("2222" in call for call in calls), calls


def test_mpich_no_ssh_client(tmp_path: Path) -> None:
    """A launcher image without ``openssh-client``: Hydra cannot start its proxies."""
    program = mpich()
    pod = launcher_pod(tmp_path, "MPICH", workers=2, slots=1)
    (pod.ssh_dir / "ssh").unlink()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = pod.run(program, ["-n", "2", "/bin/true"], env={"PATH": str(empty)})
    assert result.returncode != 0
    for claim in CLAIMS:
        if claim.rule == "MPL204":
            assert_printed(claim, result.flat)


def test_open_mpi_hostfile(tmp_path: Path) -> None:
    """MPL303: an MPICH image in a job declared OpenMPI. The operator's Open MPI variables name
    nothing Hydra reads, so every rank runs on the launcher; handed the Open MPI hostfile
    (``host slots=N``), Hydra refuses its ``slots`` token."""
    program = mpich()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=2, slots=2)
    unread = pod.run(program, ["-n", "2", *RANK])
    assert unread.returncode == 0, unread.output
    assert unread.ranks == ["launcher", "launcher"] and pod.ssh_calls() == []
    handed = pod.run(program, ["-n", "2", *RANK], env={"HYDRA_HOST_FILE": str(pod.hostfile)})
    assert handed.returncode != 0 and handed.ranks == []
    assert_printed(PARSE, handed.flat)
