"""pairing.RealPaths against os.path.realpath, which it stands in for (see its docstring)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mpilint.pairing.images import RealPaths

PARTS = ["a", "b", "f", "to_a", "to_f", "to_b_f", "dangling", "loop", "missing", ".", "..", ""]


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folders, files, and links of every kind: to a folder, to a file through a relative
    path, dangling, and a loop."""
    root = tmp_path_factory.mktemp("tree")
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "f").write_text("x")
    (root / "f").write_text("y")
    (root / "to_a").symlink_to("a")
    (root / "a" / "to_f").symlink_to("../f")
    (root / "a" / "b" / "to_b_f").symlink_to(root / "a" / "b" / "f")
    (root / "dangling").symlink_to("nowhere")
    (root / "loop").symlink_to("loop")
    return root


@pytest.fixture
def inside(tree: Path) -> Iterator[Path]:
    before = os.getcwd()
    os.chdir(tree)
    try:
        yield tree
    finally:
        os.chdir(before)


@settings(max_examples=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(PARTS), min_size=1, max_size=6), absolute=st.booleans())
def test_real_path_is_realpath(inside: Path, parts: list[str], absolute: bool) -> None:
    path = "/".join(parts)
    if absolute:
        path = f"{inside}/{path}"
    if not path:
        return
    real_path = RealPaths()  # one run's: empty caches for each example
    assert real_path(path) == os.path.realpath(path)
    assert real_path(path) == os.path.realpath(path)  # and again, from the caches
