"""The checked-in corpus of hostile inputs (issue 6): each gives its stated outcome, quickly.

``tests/hostile/expected.yaml`` states, for every file there and for every generated case below
(too big to commit, or needing the file system), the exit code, how many findings of each rule
the real CLI reports with ``--format json``, some exact positions, and a time bound. Every case
also holds the invariants: no traceback, no internal error (MPL006), a parseable report.
"""

from __future__ import annotations

import os
import stat
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.harness import REPO, Cli, Result, write

HOSTILE = REPO / "tests" / "hostile"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((HOSTILE / "expected.yaml").read_text())
PARTNER = "job-for-dockerfiles.yaml"  # a job that pairs with the one Dockerfile given with it
HEAD = "apiVersion: kubeflow.org/v2beta1\nkind: MPIJob\nmetadata:\n  name: pi\n"


def _check(name: str, result: Result, elapsed: float) -> None:
    want = EXPECTED[name]
    assert "Traceback" not in result.err, result.err
    assert elapsed < want.get("seconds", 5), f"{name} took {elapsed:.1f}s"
    assert result.code == want["exit"], (result.code, result.err)
    if result.code == 2:
        # The error is one line naming the problem (the CLI turns click's usage block into it).
        errors = [line for line in result.err.splitlines() if line.startswith("mpilint: error:")]
        assert len(errors) == 1 and want["error"] in errors[0], result.err
        return
    findings = result.json()["findings"]
    counts = Counter(f["rule"] for f in findings)
    assert "MPL006" not in counts, [f["message"] for f in findings if f["rule"] == "MPL006"]
    assert dict(counts) == want.get("rules", {}), dict(counts)
    positions = {(f["rule"], f["line"], f["column"]) for f in findings}
    for rule, line, column in want.get("at", []):
        assert (rule, line, column) in positions, sorted(positions)
    for text in want.get("says", []):
        assert any(text in f["message"] for f in findings), [f["message"] for f in findings]


def _timed(cli: Cli, *args: str) -> tuple[Result, float]:
    """The CPU time of the run (in this process: these cases are one or two files, linted
    without workers). The bound is there to catch work that grows too fast (a quadratic walk, a
    backtracking pattern); wall time also counts whatever else the machine runs, and failed
    under four test suites at once while the CPU time stayed under 3 s."""
    started = time.process_time()
    result = cli(*args)
    return result, time.process_time() - started


COMMITTED = sorted(n for n in EXPECTED if (HOSTILE / n).exists())


def test_every_file_has_an_expectation() -> None:
    files = {p.name for p in HOSTILE.iterdir()} - {"expected.yaml", PARTNER}
    assert files <= set(EXPECTED), files - set(EXPECTED)


@pytest.mark.parametrize("name", COMMITTED)
def test_committed_case(name: str, cli: Cli) -> None:
    args = [str(HOSTILE / name)]
    if "Dockerfile" in name:
        args.append(str(HOSTILE / PARTNER))
    before = {a: Path(a).read_bytes() for a in args}
    result, elapsed = _timed(cli, "--format", "json", "--isolated", *args)
    _check(name, result, elapsed)
    assert {a: Path(a).read_bytes() for a in args} == before, "an input file was modified"


def test_line_endings_keep_positions(cli: Cli) -> None:
    """CRLF, CR-only, a BOM and tabs must not move any finding."""
    reports = {}
    for name in (
        "plain-lf.yaml",
        "crlf.yaml",
        "cr-only.yaml",
        "bom.yaml",
        "bom-crlf.yaml",
        "tabs.yaml",
    ):
        findings = cli("--format", "json", "--isolated", str(HOSTILE / name)).json()["findings"]
        reports[name] = [(f["rule"], f["line"], f["column"], f["end_line"]) for f in findings]
    assert all(r == reports["plain-lf.yaml"] for r in reports.values()), reports
    assert ("MPL101", 23, 30, 23) in reports["crlf.yaml"]


# Generated cases: big inputs are written into tmp_path by the test, not committed.


def _mpijob(extra: str = "") -> str:
    return HEAD + "spec:\n  slotsPerWorker: 1\n" + extra


@pytest.mark.slow
def test_generated_20mb_file(tmp_path: Path, cli: Cli) -> None:
    line = "  # " + "x" * 95 + "\n"
    body = line * (20 * 1024 * 1024 // len(line))
    path = write(tmp_path, {"20mb.yaml": _mpijob("  mpiReplicaSpecs:\n" + body)})[0]
    assert os.path.getsize(path) > 20_000_000
    _check("generated: 20 MB file", *_timed(cli, "--format", "json", "--isolated", path))


@pytest.mark.slow
def test_generated_100000_documents(tmp_path: Path, cli: Cli) -> None:
    text = "---\nkind: ConfigMap\napiVersion: v1\ndata: {a: b}\n" * 100_000
    path = write(tmp_path, {"many.yaml": text + "---\n" + _mpijob("  x: 1\n")})[0]
    _check("generated: 100,000 documents", *_timed(cli, "--format", "json", "--isolated", path))


def test_generated_1mb_line(tmp_path: Path, cli: Cli) -> None:
    path = write(tmp_path, {"line.yaml": _mpijob("  runPolicy: {x: " + "a" * 1_000_000 + "}\n")})[0]
    _check("generated: 1 MB line", *_timed(cli, "--format", "json", "--isolated", path))


def test_generated_1mb_run_line(tmp_path: Path, cli: Cli) -> None:
    path = write(tmp_path, {"Dockerfile": "FROM ubuntu\nRUN echo " + "a" * 1_000_000 + "\n"})[0]
    job = str(HOSTILE / PARTNER)
    _check("generated: 1 MB RUN line", *_timed(cli, "--format", "json", "--isolated", path, job))


def test_generated_deep_block_mapping(tmp_path: Path, cli: Cli) -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(10_000)) + " " * 10_000 + "x\n"
    path = write(tmp_path, {"deep.yaml": text})[0]
    _check("generated: 10,000-level block mapping", *_timed(cli, "--format", "json", path))


@pytest.mark.parametrize("lines", [15_000, 200_000])
def test_generated_huge_heredoc(tmp_path: Path, cli: Cli, lines: int) -> None:
    text = "FROM ubuntu\nRUN useradd -m mpiuser\nRUN <<EOF\n" + "echo hi\n" * lines + "EOF\n"
    path = write(tmp_path, {"Dockerfile": text})[0]
    job = str(HOSTILE / PARTNER)
    result, elapsed = _timed(cli, "--format", "json", "--isolated", path, job)
    _check(f"generated: heredoc of {lines:,} lines", result, elapsed)


def test_generated_symlink_loop(tmp_path: Path, cli: Cli) -> None:
    root = tmp_path / "deploy"
    (root / "a").mkdir(parents=True)
    (root / "a" / "loop").symlink_to(root, target_is_directory=True)
    (root / "a" / "self").symlink_to(root / "a" / "self")  # a link to itself
    (root / "job.yaml").write_text(_mpijob())
    (root / "a" / "job.yaml").symlink_to(root / "job.yaml")
    _check("generated: symlink loop", *_timed(cli, "--format", "json", "--isolated", str(root)))


def test_generated_missing_file(tmp_path: Path, cli: Cli) -> None:
    missing = str(tmp_path / "nope.yaml")
    _check("generated: missing file", *_timed(cli, "--format", "json", missing))


def test_generated_unknown_option(tmp_path: Path, cli: Cli) -> None:
    path = write(tmp_path, {"job.yaml": _mpijob()})[0]
    _check("generated: unknown option", *_timed(cli, "--format", "json", "--frobnicate", path))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_generated_unreadable_config(tmp_path: Path, cli: Cli) -> None:
    path = write(tmp_path, {"job.yaml": _mpijob()})[0]
    config = Path(write(tmp_path, {"cfg.yaml": "select: [MPL1]\n"})[0])
    config.chmod(0)
    try:
        result, elapsed = _timed(cli, "--format", "json", "--config", str(config), path)
    finally:
        config.chmod(stat.S_IRUSR | stat.S_IWUSR)
    _check("generated: unreadable config", result, elapsed)


def test_generated_config_that_is_a_directory(tmp_path: Path, cli: Cli) -> None:
    path = write(tmp_path, {"job.yaml": _mpijob()})[0]
    (tmp_path / "cfg").mkdir()
    args = ("--format", "json", "--config", str(tmp_path / "cfg"), path)
    _check("generated: config is a directory", *_timed(cli, *args))


def test_generated_binary_config(tmp_path: Path, cli: Cli) -> None:
    path = write(tmp_path, {"job.yaml": _mpijob()})[0]
    config = write(tmp_path, {"cfg.yaml": b"\xff\xfe\x00garbage"})[0]
    _check("generated: binary config", *_timed(cli, "--format", "json", "--config", config, path))
