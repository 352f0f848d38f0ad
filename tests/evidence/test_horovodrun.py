"""horovodrun without hosts, and what Open MPI does with the ``-H`` it passes (C5, MPL102).

horovod HEAD (commit 2626dc87a3a8, read for this suite): ``horovod/runner/launch.py`` lines
815-822 set ``args.hosts = f'localhost:{args.num_proc}'`` when neither ``-H``/``--hosts``,
``--hostfile`` nor a discovery script is given, and ``horovod/runner/mpi_run.py`` lines 186-189
turn the hosts into ``-H <hosts>`` on mpirun's command line (line 205 also adds
``--allow-run-as-root``). horovod need not be installed: the scenario runs the mpirun command line
horovodrun builds, in the operator's launcher.
"""

from __future__ import annotations

from pathlib import Path

from tests.evidence import mpi_versions
from tests.evidence.claims import Claim
from tests.evidence.operator_pod import RANK, launcher_pod
from tests.evidence.programs import openmpi4

HERE = "test_horovodrun"
V4 = mpi_versions.openmpi4()

# A behaviour, not a text: the ranks' placement is what the scenario asserts.
CLAIMS: list[Claim] = [
    Claim(
        "MPL102",
        "every rank starts on the launcher",
        f"{HERE}::test_host_list_replaces_hostfile",
        V4,
    ),
]


def test_host_list_replaces_hostfile(tmp_path: Path) -> None:
    """With the operator's ``OMPI_MCA_orte_default_hostfile`` set, ``-H localhost:2 -n 2`` runs
    both ranks on the launcher and never calls ssh: the host list is the whole pool. The control:
    the same command without ``-H`` starts the ranks on the workers."""
    program = openmpi4()
    pod = launcher_pod(tmp_path, "OpenMPI", workers=2, slots=1)
    horovod = pod.run(program, ["--allow-run-as-root", "-H", "localhost:2", "-n", "2", *RANK])
    assert horovod.returncode == 0, horovod.output
    assert horovod.ranks == ["launcher", "launcher"]
    assert pod.ssh_calls() == []
    plain = pod.run(program, ["--allow-run-as-root", "-n", "2", *RANK])
    assert plain.returncode == 0, plain.output
    assert sorted(plain.ranks) == sorted(pod.workers)
