"""The benchmark corpus is what the performance figures rest on, and a precision check.

Timings are comparable only if a small corpus is the prefix of a large one, byte for byte. And
since the generator records which mistakes it injected (``truth.json``), a run over it scores
mpilint: a folder without a mistake must get no error or warning, a folder with one must.
"""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from pathlib import Path

from tests.harness import REPO, Cli

sys.path.insert(0, str(REPO / "bench"))
import gen_corpus


def _generate(out: Path, jobs: int, seed: int = 2) -> dict[str, list[str]]:
    code = gen_corpus.main(
        [str(out), "--manifests", str(jobs), "--dockerfiles", str(jobs), "--seed", str(seed)]
    )
    assert code == 0
    truth: dict[str, list[str]] = json.loads((out / "truth.json").read_text())["files"]
    return truth


def test_a_small_corpus_is_the_prefix_of_a_large_one(tmp_path: Path) -> None:
    _generate(tmp_path / "small", 4)
    _generate(tmp_path / "large", 9)
    small = sorted(p.relative_to(tmp_path / "small") for p in (tmp_path / "small").rglob("*"))
    files = [p for p in small if (tmp_path / "small" / p).is_file() and p.name != "truth.json"]
    assert len(files) == 8
    for path in files:
        assert (tmp_path / "small" / path).read_bytes() == (tmp_path / "large" / path).read_bytes()


def test_the_corpus_scores_mpilint(cli: Cli, tmp_path: Path) -> None:
    truth = _generate(tmp_path, 60, seed=5)
    report = cli("--format", "json", "--jobs", "1", str(tmp_path / "jobs")).json()
    serious: dict[str, list[str]] = defaultdict(list)
    for finding in report["findings"]:
        if finding["severity"] in ("error", "warning"):
            folder = os.path.dirname(os.path.relpath(finding["file"], tmp_path))
            serious[folder].append(finding["rule"])
    mistakes: dict[str, list[str]] = defaultdict(list)
    for path, injected in truth.items():
        mistakes[os.path.dirname(path)].extend(injected)
    false_alarms = {f: serious[f] for f, m in mistakes.items() if not m and serious[f]}
    missed = {f: m for f, m in mistakes.items() if m and not serious[f]}
    assert not false_alarms
    assert not missed
    assert sum(1 for m in mistakes.values() if m) >= 10  # the sample holds mistakes to find
