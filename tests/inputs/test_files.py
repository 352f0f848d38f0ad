"""Which paths mpilint reads as Dockerfiles (mpilint.inputs.files)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mpilint.inputs.files import is_dockerfile_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dockerfile", True),
        ("Containerfile", True),
        ("Dockerfile.gpu", True),
        ("Dockerfile-mpi", True),
        ("train.Dockerfile", True),
        ("train.dockerfile", True),
        ("dir/Dockerfile", True),
        ("Dockerfile.yaml", True),
        ("mpijob.yaml", False),
        ("Dockerfiles", False),
        ("mydockerfile", False),
        ("README.md", False),
    ],
)
def test_dockerfile_names(name: str, expected: bool) -> None:
    assert is_dockerfile_name(name) is expected


def test_a_symlinked_yaml_file_of_a_walk_is_read_once(tmp_path: Path) -> None:
    """The file under its own name when the walk meets it, else under the first link met."""
    from mpilint.inputs.files import expand

    job = tmp_path / "jobs" / "b-job.yaml"
    outside = tmp_path / "elsewhere" / "t.yaml"
    for path in (job, outside):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("kind: MPIJob\n")
    (tmp_path / "jobs" / "a-link.yaml").symlink_to("b-job.yaml")
    (tmp_path / "jobs" / "sub").mkdir()
    (tmp_path / "jobs" / "sub" / "again.yaml").symlink_to("../b-job.yaml")
    (tmp_path / "jobs" / "x1.yaml").symlink_to(outside)
    (tmp_path / "jobs" / "x2.yaml").symlink_to(outside)
    root = str(tmp_path / "jobs")
    found = [os.path.relpath(f.path, root) for f in expand([root])]
    assert found == ["b-job.yaml", "x1.yaml"]
