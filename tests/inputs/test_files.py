"""Which paths mpilint reads as Dockerfiles (mpilint.inputs.files)."""

from __future__ import annotations

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
