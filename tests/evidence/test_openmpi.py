"""Open MPI 4.1 (Debian's ``openmpi-bin``) in the launcher pod the operator builds.

What the messages of MPL102, MPL104, MPL108, MPL119, MPL201, MPL202, MPL204, MPL305, MPL307,
MPL308, MPL310 and others say Open MPI 4 prints or does, run against the real ``mpirun`` with the
operator's hostfile and ``OMPI_MCA_*`` variables and a fake ``ssh`` (``operator_pod``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.evidence import mpi_versions
from tests.evidence.claims import Claim, assert_printed
from tests.evidence.operator_pod import ATTEMPTS, RANK, launcher_pod
from tests.evidence.programs import PREFIX, openmpi4, openmpi5

HERE = "test_openmpi"
V4 = mpi_versions.openmpi4()
ALLOW = "--allow-run-as-root"  # every scenario but the root one: tests run as root here and in CI

SLOTS = Claim(
    "MPL102",
    "There are not enough slots available in the system to satisfy the",
    f"{HERE}::test_slots_boundary",
    V4,
    "both",
)
DAEMONS = "ORTE was unable to reliably start one or more daemons"
ROOT = Claim(
    "MPL305",
    "mpirun has detected an attempt to run as root",
    f"{HERE}::test_root_refusal",
    V4,
    "message",
)
ROOT_RATIONALE = Claim(
    "MPL305",
    "mpirun has detected an attempt to run as root. Running as root is *strongly* discouraged",
    f"{HERE}::test_root_refusal",
    V4,
    "rationale",
)
ORTED = "orted: command not found"
ORTED_BASH = Claim(
    "MPL307",
    "bash: line 1: orted: command not found",
    f"{HERE}::test_orted_not_on_login_path",
    f"{V4}, bash 5.2 (Debian 12)",
    "rationale",
)
NO_AGENT = Claim(
    "MPL204",
    "was set to a path that could not be found",
    f"{HERE}::test_no_ssh_client",
    V4,
    "both",
)
ZERO_SLOTS = Claim(
    "MPL108",
    "All nodes which are allocated for this job are already filled.",
    f"{HERE}::test_zero_slots",
    V4,
    "both",
)
ON_LAUNCHER = Claim(
    "MPL108",
    "every rank on the launcher",
    f"{HERE}::test_empty_hostfile_runs_on_launcher",
    V4,
    "both",
)
NO_HOSTFILE = Claim(
    "MPL118",
    "was unable to open the hostfile",
    f"{HERE}::test_empty_hostfile_runs_on_launcher",
    V4,
    "both",
)
PLACEHOLDER = Claim(
    "MPL103",
    "was unable to find the specified executable file",
    f"{HERE}::test_placeholder_command",
    V4,
    "both",
)
LIBRARIES = Claim(
    "MPL307",
    "error while loading shared libraries",
    f"{HERE}::test_rank_libraries_not_on_login_path",
    V4,
    "both",
)
# The counts MPL102's bad examples give (2 one-slot workers and -n 4; 2 two-slot workers plus
# the launcher and -n 8), and the rationale's general form.
SLOTS_4 = Claim(
    "MPL102",
    "There are not enough slots available in the system to satisfy the 4 slots",
    f"{HERE}::test_slots_boundary",
    V4,
)
SLOTS_8 = Claim(
    "MPL102",
    "There are not enough slots available in the system to satisfy the 8 slots",
    f"{HERE}::test_slots_boundary",
    V4,
)
SLOTS_N = Claim(
    "MPL102",
    "There are not enough slots available in the system to satisfy the N slots that were"
    " requested by the application",
    f"{HERE}::test_slots_boundary",
    V4,
    "rationale",
)

CLAIMS: list[Claim] = [
    SLOTS,
    SLOTS_4,
    SLOTS_8,
    SLOTS_N,
    Claim("MPL119", ATTEMPTS, f"{HERE}::test_operator_ssh_args_reach_ssh", V4, "rationale"),
    ROOT,
    ROOT_RATIONALE,
    *(
        Claim(rule, DAEMONS, f"{HERE}::test_ssh_refused", V4, where)
        for rule, where in [
            ("MPL110", "rationale"),
            ("MPL117", "both"),
            ("MPL201", "both"),
            ("MPL202", "rationale"),
            ("MPL307", "rationale"),
            ("MPL308", "message"),
            ("MPL310", "rationale"),
        ]
    ),
    Claim("MPL104", ORTED, f"{HERE}::test_orted_not_on_login_path", V4, "both"),
    Claim("MPL307", ORTED, f"{HERE}::test_orted_not_on_login_path", V4, "both"),
    ORTED_BASH,
    NO_AGENT,
    ZERO_SLOTS,
    ON_LAUNCHER,
    NO_HOSTFILE,
    PLACEHOLDER,
    LIBRARIES,
]


def test_slots_boundary(tmp_path: Path) -> None:
    """2 workers x 2 slots: ``-n 4`` runs two ranks on each worker; ``-n 5`` is refused."""
    program = openmpi4()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=2, slots=2)
    fits = pod.run(program, [ALLOW, "-n", "4", *RANK])
    assert fits.returncode == 0, fits.output
    assert sorted(fits.ranks) == sorted(pod.workers * 2)
    assert SLOTS.quote not in fits.flat
    over = pod.run(program, [ALLOW, "-n", "5", *RANK])
    assert over.returncode != 0
    assert over.ranks == []
    assert_printed(SLOTS, over.flat)
    assert_printed(SLOTS_N, over.flat, instead={"N": "5"})
    (tmp_path / "small").mkdir()
    (tmp_path / "six").mkdir()
    small = launcher_pod(tmp_path / "small", "OpenMPI", workers=2, slots=1)
    assert_printed(SLOTS_4, small.run(program, [ALLOW, "-n", "4", *RANK]).flat)
    # The example's 2 two-slot workers plus the launcher are 3 two-slot hosts: 6 slots, 8 asked.
    six = launcher_pod(tmp_path / "six", "OpenMPI", workers=3, slots=2)
    assert_printed(SLOTS_8, six.run(program, [ALLOW, "-n", "8", *RANK]).flat)


def test_operator_ssh_args_reach_ssh(tmp_path: Path) -> None:
    """``OMPI_MCA_plm_rsh_args`` is honoured by 4.1: every ssh call carries it, before the host;
    ``--mca plm_rsh_args`` on the command line wins over it (MPL119's advice)."""
    program = openmpi4()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=2, slots=1)
    result = pod.run(program, [ALLOW, "-n", "2", *RANK])
    assert result.returncode == 0, result.output
    calls = pod.ssh_calls()
    # Open MPI puts -x (no X11 forwarding) first when the agent is ssh.
    assert sorted(call[3] for call in calls) == sorted(pod.workers)
    assert all(call[:3] == ["-x", *ATTEMPTS.split()] for call in calls), calls
    pod.forget_ssh_calls()
    mine = f"-p 2222 {ATTEMPTS}"
    result = pod.run(program, [ALLOW, "--mca", "plm_rsh_args", mine, "-n", "2", *RANK])
    assert result.returncode == 0, result.output
    calls = pod.ssh_calls()
    assert calls and all(call[:5] == ["-x", *mine.split()] for call in calls), calls


def test_empty_hostfile_runs_on_launcher(tmp_path: Path) -> None:
    """C6: a job without workers gets an empty hostfile, and mpirun runs every rank on the
    launcher without a word. (A missing file is different: "Open RTE was unable to open the
    hostfile"; the operator always writes the file.)"""
    program = openmpi4()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=0, slots=2)
    assert pod.hostfile.read_text() == ""
    result = pod.run(program, [ALLOW, "-n", "2", *RANK])
    assert result.returncode == 0, result.output
    assert result.ranks == ["launcher", "launcher"]  # ON_LAUNCHER: a behaviour, not a text
    assert pod.ssh_calls() == []
    pod.hostfile.unlink()
    missing = pod.run(program, [ALLOW, "-n", "2", *RANK])
    assert missing.returncode != 0
    assert "Open RTE was unable to open the hostfile" in missing.flat
    assert_printed(NO_HOSTFILE, missing.flat)


def test_zero_slots(tmp_path: Path) -> None:
    """``slotsPerWorker: 0`` gives ``slots=0`` lines: 4.1 says the nodes are filled, not that
    slots are missing."""
    program = openmpi4()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=2, slots=0)
    result = pod.run(program, [ALLOW, "-n", "1", *RANK])
    assert result.returncode != 0
    assert result.ranks == []
    assert_printed(ZERO_SLOTS, result.flat)
    assert SLOTS.quote not in result.flat


def test_root_refusal(tmp_path: Path) -> None:
    """As root, mpirun refuses without the flag or both variables; one variable is not enough."""
    program = openmpi4()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=0)
    refused = pod.run(program, ["-n", "1", *RANK])
    assert refused.returncode != 0 and refused.ranks == []
    assert_printed(ROOT, refused.flat)
    assert_printed(ROOT_RATIONALE, refused.flat)
    half = pod.run(program, ["-n", "1", *RANK], env={"OMPI_ALLOW_RUN_AS_ROOT": "1"})
    assert half.returncode != 0
    assert_printed(ROOT, half.flat)
    both = {"OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1"}
    assert pod.run(program, ["-n", "1", *RANK], env=both).ranks == ["launcher"]
    assert pod.run(program, [ALLOW, "-n", "1", *RANK]).ranks == ["launcher"]


def test_ssh_refused(tmp_path: Path) -> None:
    """A worker whose sshd cannot be reached (wrong port, no sshd, host key refused)."""
    program = openmpi4()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=2, slots=1, ssh="refused")
    result = pod.run(program, [ALLOW, "-n", "2", *RANK])
    assert result.returncode != 0 and result.ranks == []
    assert_printed(Claim("MPL110", DAEMONS, HERE, V4), result.flat)


def test_orted_not_on_login_path(tmp_path: Path) -> None:
    """sshd gives the remote command a fresh login environment; when Open MPI's prefix is not on
    its PATH (a custom prefix set only by ENV), bash cannot find orted. Bash 5.1 and later print
    "bash: line 1: orted: command not found"; older bash "bash: orted: command not found"."""
    program = openmpi4()
    login = tmp_path / "login-bin"  # the login PATH, without the MPI
    login.mkdir()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=2, slots=1, ssh="login", login_path=str(login))
    result = pod.run(program, [ALLOW, "-n", "2", *RANK], by_name=True)
    assert result.returncode != 0 and result.ranks == []
    assert_printed(Claim("MPL307", ORTED, HERE, V4), result.flat)
    assert_printed(ORTED_BASH, result.flat)
    assert DAEMONS in result.flat


def test_no_ssh_client(tmp_path: Path) -> None:
    """A launcher image without ``openssh-client``: Open MPI finds no rsh agent before starting
    anything, and says so; it neither runs ``ssh`` nor prints the daemon failure."""
    program = openmpi4()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=2, slots=1)
    (pod.ssh_dir / "ssh").unlink()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = pod.run(program, [ALLOW, "-n", "2", "/bin/true"], env={"PATH": str(empty)})
    assert result.returncode != 0
    assert_printed(NO_AGENT, result.flat)
    assert 'The value of the MCA parameter "plm_rsh_agent" was set to a path' in result.flat
    assert DAEMONS not in result.flat and "ssh: not found" not in result.flat


def test_placeholder_command(tmp_path: Path) -> None:
    """A template's COMMAND left in mpirun's command line: mpirun looks it up and gives up."""
    program = openmpi4()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=0)
    result = pod.run(program, [ALLOW, "-n", "1", "COMMAND"])
    assert result.returncode != 0
    assert_printed(PLACEHOLDER, result.flat)
    assert "Executable: COMMAND" in result.flat


def test_rank_libraries_not_on_login_path(tmp_path: Path) -> None:
    """The ranks' program needs a library found only through the launcher's LD_LIBRARY_PATH (an
    image's ENV for a custom prefix): sshd's login environment on the worker lacks it, so the
    dynamic loader refuses the rank; ``-x LD_LIBRARY_PATH`` (MPL307's advice) is the control.
    The program is a copy of PyPI Open MPI 5's ``prte_info``, whose RUNPATH ($ORIGIN/../lib)
    finds nothing beside the copy: any such binary would do."""
    program = openmpi4()
    source = openmpi5().bin / "prte_info"
    prefix = PREFIX / "openmpi" / "lib"
    pod = launcher_pod(tmp_path, "OpenMPI", workers=1, slots=1, ssh="login")
    app = tmp_path / "app" / "bin"
    app.mkdir(parents=True)
    shutil.copy(source, app / "rank")
    library = {"LD_LIBRARY_PATH": f"{prefix}:{prefix / 'openmpi'}"}
    argv = ["-n", "1", str(app / "rank"), "--version"]
    result = pod.run(program, [ALLOW, *argv], env=library, by_name=True)
    assert result.returncode != 0
    assert_printed(LIBRARIES, result.flat)
    assert len(pod.ssh_calls()) == 1  # the rank ran on the worker, not on the launcher
    forwarded = pod.run(program, [ALLOW, "-x", "LD_LIBRARY_PATH", *argv], env=library, by_name=True)
    assert forwarded.returncode == 0, forwarded.output
    assert LIBRARIES.quote not in forwarded.flat
