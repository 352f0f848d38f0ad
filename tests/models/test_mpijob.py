"""What the MPIJob model works out once (launcher, worker, containers, main, argv) must be what
reading the nodes again gives, for every job of the realistic corpus and the examples."""

from __future__ import annotations

import pathlib

import pytest

from mpilint.models.mpijob import MPIJob, read_mpijob
from mpilint.sources.yamlsource import ScalarNode, SequenceNode, parse_yaml
from tests.harness import REPO as _ROOT

_FILES = sorted(
    [*(_ROOT / "tests" / "realistic").rglob("*.y*ml"), *(_ROOT / "examples").rglob("*.y*ml")]
)


def _jobs(path: pathlib.Path) -> list[MPIJob]:
    parsed = parse_yaml(path.read_text(encoding="utf-8", errors="replace"))
    found = [read_mpijob(d.root, d.index) for d in parsed.documents]
    return [job for job in found if job is not None]


def test_the_corpus_has_jobs() -> None:
    assert sum(len(_jobs(path)) for path in _FILES) > 10


@pytest.mark.parametrize("path", _FILES, ids=lambda p: str(p.relative_to(_ROOT)))
def test_the_model_keeps_what_the_nodes_say(path: pathlib.Path) -> None:
    for job in _jobs(path):
        roles = {r.role: r for r in reversed(job.replica_specs)}  # the first of a role wins
        assert job.launcher is roles.get("Launcher")
        assert job.worker is roles.get("Worker")
        expected = [
            (replica, container)
            for replica in job.replica_specs
            for container in replica.init_containers + replica.containers
        ]
        assert list(job.containers()) == expected
        assert list(job.containers()) == expected  # a second pass gives them again
        for replica in job.replica_specs:
            assert replica.main is (replica.containers[0] if replica.containers else None)
        for _, container in expected:
            argv = [
                (item.value if isinstance(item, ScalarNode) else "", item)
                for part in (container.command, container.args)
                if isinstance(part, SequenceNode)
                for item in part.value
            ]
            assert list(container.argv()) == argv
            assert container.argv() is container.argv()
