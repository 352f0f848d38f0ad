"""No false alarms on real jobs: the strongest promise a linter makes.

``tests/realistic/silent`` holds complete, well-configured jobs (GPU Horovod through bash -c,
Intel MPI with a per-host count, a launcher-only job, root with the default path and a count
from the environment, the platform's documented job with its Dockerfile, jobs on the operator's
base images): every rule together must find nothing in them. ``tests/realistic/official`` holds
the operators' own published examples: they may get advice (info), never a warning or error.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.harness import REPO, Cli

REALISTIC = REPO / "tests" / "realistic"


def test_complete_jobs_give_no_finding_at_all(cli: Cli) -> None:
    report = cli("--format", "json", str(REALISTIC / "silent")).json()
    assert report["findings"] == []
    assert report["files"] and sum(f.endswith(".yaml") for f in report["files"]) == 5


@pytest.mark.parametrize(
    "path", sorted((REALISTIC / "official").glob("*.yaml")), ids=lambda p: p.name
)
def test_official_examples_get_advice_at_most(cli: Cli, path: Path) -> None:
    result = cli("--format", "json", str(path))
    severities = Counter(f["severity"] for f in result.json()["findings"])
    messages = [f"{f['rule']}: {f['message']}" for f in result.json()["findings"]]
    assert severities["error"] == severities["warning"] == 0, messages
    assert result.code == 0
