"""Inputs the atheris fuzzer (``fuzz/``) found, each replayed through the real CLI, and a check
that the harness decodes the seeds it is given as ``fuzz/seed.py`` encodes them.

Every crash the fuzzer finds gets a test here, named after the input's shape.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.harness import REPO


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "fuzz" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_seeds_decode_into_the_files_they_were_made_from() -> None:
    pytest.importorskip("atheris")
    seed, harness = _load("seed"), _load("fuzz_mpilint")
    manifest = (REPO / "examples" / "good" / "mpijob.yaml").read_bytes()
    dockerfile = (REPO / "examples" / "good" / "Dockerfile").read_bytes()
    assert harness.split(seed.encode(manifest, dockerfile, 2)) == (3, manifest, dockerfile)
    assert harness.split(seed.encode(manifest, None)) == (0, manifest, b"")
    assert harness.split(b"") == (0, b"", b"")


def test_the_harness_passes_a_clean_pair() -> None:
    pytest.importorskip("atheris")
    seed, harness = _load("seed"), _load("fuzz_mpilint")
    manifest = (REPO / "examples" / "good" / "mpijob.yaml").read_bytes()
    dockerfile = (REPO / "examples" / "good" / "Dockerfile").read_bytes()
    report = harness.check(seed.encode(manifest, dockerfile, 2))
    assert report["findings"] == []


def test_the_harness_reports_a_broken_pair(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    seed, harness = _load("seed"), _load("fuzz_mpilint")
    broken = REPO / "examples" / "broken"
    report = harness.check(
        seed.encode((broken / "mpijob.yaml").read_bytes(), (broken / "Dockerfile").read_bytes())
    )
    assert {"MPL102", "MPL301"} <= {f["rule"] for f in report["findings"]}
