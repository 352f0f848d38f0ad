"""Real MPIJob manifests from public repositories: what mpilint says of them, judged by hand.

``tests/realistic`` holds jobs we wrote or trimmed; this corpus holds files as their authors
committed them (byte for byte, under ``tests/corpus/<repository>/<path>``), which is where
false alarms hide: old API versions, Helm and envsubst templates, comments, odd indentation.
``tests/corpus/SOURCES.yaml`` says where each file comes from (repository, path, commit,
licence) and what a reviewer found true in it. The test holds mpilint to that judgement in
both directions: every finding at warning or above must be one the reviewer listed (no false
alarm), and every listed finding must still come (no lost catch). Findings the reviewer judged
false are listed as ``false-alarms`` and expected to go away: each is a strict xfail, so the
fix that removes it fails the test until the list is updated. Info findings are advice; they
are counted (``python -m tests.program.test_corpus`` prints the table) but not asserted.

The image rules (MPL2xx, MPL3xx) run only on a job paired with an image, so the run's pairs are
counted too: a pair whose image cannot be read checks nothing and does not count. The corpus
stores no Dockerfile (SOURCES.yaml, ``dockerfiles-measured``, says why and what measuring real
ones found); its pairs are the jobs that run a well-known image as it is.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.harness import REPO, Result, run

CORPUS = REPO / "tests" / "corpus"
SOURCES = CORPUS / "SOURCES.yaml"
# Floors, so the corpus cannot shrink silently; raise them as it grows.
MIN_MANIFESTS = 50
MIN_REPOSITORIES = 10
MIN_PAIRS = 3  # jobs whose image the image rules read (horovod/horovod run as it is)
MIN_DOCKERFILES_MEASURED = 32
LOUD = {"error", "warning"}


def _entries() -> list[dict[str, Any]]:
    data = yaml.safe_load(SOURCES.read_text(encoding="utf-8"))
    entries: list[dict[str, Any]] = data["files"]
    return entries


def _key(finding: dict[str, Any]) -> tuple[str, str, int]:
    file = Path(finding["file"]).resolve().relative_to(CORPUS).as_posix()
    return file, finding["rule"], int(finding["line"])


def _listed(entry: dict[str, Any], field: str) -> set[tuple[str, str, int]]:
    return {(entry["file"], item["rule"], int(item["line"])) for item in entry.get(field) or []}


_REPORT: list[Result] = []


def _report() -> Result:
    """One run over the whole corpus, as a user would run it; shared by the tests."""
    if not _REPORT:
        # Each repository's folder, not CORPUS itself: SOURCES.yaml is not an input.
        folders = sorted(str(p) for p in CORPUS.iterdir() if p.is_dir())
        _REPORT.append(run("--isolated", "--format", "json", "--fail-on", "never", *folders))
    return _REPORT[0]


def _loud() -> set[tuple[str, str, int]]:
    return {_key(f) for f in _report().findings if f["severity"] in LOUD}


def test_every_corpus_file_is_listed_with_its_origin_and_licence() -> None:
    entries = _entries()
    on_disk = {
        p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file() and p != SOURCES
    }
    assert {e["file"] for e in entries} == on_disk
    for entry in entries:
        assert entry["file"].startswith(entry["repository"].replace("/", "-") + "/"), entry
        assert entry["file"].endswith(entry["path"]), entry
        assert len(entry["commit"]) == 40, entry
        assert entry["license"] in {"Apache-2.0", "MIT", "MIT-0", "BSD-2-Clause", "BSD-3-Clause"}
        assert entry["expect"] == "clean" or isinstance(entry["expect"], list), entry


def test_corpus_size_cannot_shrink_silently() -> None:
    entries = _entries()
    manifests = [e for e in entries if e["kind"] == "manifest"]
    assert len(manifests) >= MIN_MANIFESTS
    assert len({e["repository"] for e in manifests}) >= MIN_REPOSITORIES


def _reaching_pairs() -> list[dict[str, Any]]:
    """Pairs whose image was read: by a Dockerfile, or a well-known image read as it is."""
    return [
        p
        for p in _report().json()["pairs"]
        if p["by"] != "none" and not p["how"].endswith("which cannot be read")
    ]


def test_pairs_reach_the_image_rules() -> None:
    pairs = _report().json()["pairs"]
    # A pairing whose image cannot be read checks nothing: it would count for nothing.
    unread = [p for p in pairs if p["by"] != "none" and p["how"].endswith("which cannot be read")]
    assert not unread
    assert len(_reaching_pairs()) >= MIN_PAIRS, pairs


def test_measured_dockerfiles_are_recorded_with_their_origin() -> None:
    data = yaml.safe_load(SOURCES.read_text(encoding="utf-8"))
    measured = data["dockerfiles-measured"]
    assert len(measured) >= MIN_DOCKERFILES_MEASURED
    assert len({(m["repository"], m["path"]) for m in measured}) == len(measured)
    for m in measured:
        assert len(m["commit"]) == 40, m
        assert m["license"] in {"Apache-2.0", "MIT", "MIT-0", "BSD-2-Clause", "BSD-3-Clause"}, m
        assert not (CORPUS / m["repository"].replace("/", "-") / m["path"]).exists(), m


def test_the_run_itself_succeeds() -> None:
    result = _report()
    assert result.code == 0, result.err
    assert not [f for f in result.findings if f["rule"] == "MPL006"]


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["file"])
def test_no_false_alarm_and_no_lost_catch(entry: dict[str, Any]) -> None:
    expected = set() if entry["expect"] == "clean" else _listed(entry, "expect")
    known_false = _listed(entry, "false-alarms")
    produced = {k for k in _loud() if k[0] == entry["file"]}
    assert produced - known_false == expected


_FALSE = [
    pytest.param(key, id=f"{key[0]}:{key[2]}:{key[1]}")
    for entry in _entries()
    for key in sorted(_listed(entry, "false-alarms"))
]


@pytest.mark.parametrize("key", _FALSE)
@pytest.mark.xfail(strict=True, reason="a known false alarm (SOURCES.yaml false-alarms)")
def test_known_false_alarm_is_gone(key: tuple[str, str, int]) -> None:
    assert key not in _loud()


def measure() -> str:
    """The table the issue asks for: findings by rule and severity, with the judgement."""
    entries = {e["file"]: e for e in _entries()}
    rows: Counter[tuple[str, str, str]] = Counter()
    for finding in _report().findings:
        file, rule, line = _key(finding)
        entry = entries.get(file, {})
        if finding["severity"] not in LOUD:
            verdict = "info (not judged)"
        elif (file, rule, line) in _listed(entry, "false-alarms"):
            verdict = "false alarm"
        elif (file, rule, line) in _listed(entry, "expect"):
            verdict = "catch"
        else:
            verdict = "UNJUDGED"
        rows[rule, finding["severity"], verdict] += 1
    manifests = [e for e in entries.values() if e["kind"] == "manifest"]
    lines = [
        f"files: {len(entries)} ({len(manifests)} manifests) from "
        f"{len({e['repository'] for e in entries.values()})} repositories; "
        f"{len(_reaching_pairs())} jobs paired with an image; "
        f"summary {_report().json()['summary']}",
        "| rule | severity | verdict | count |",
        "|---|---|---|---:|",
    ]
    lines += [f"| {r} | {s} | {v} | {n} |" for (r, s, v), n in sorted(rows.items())]
    return "\n".join(lines)


if __name__ == "__main__":
    print(measure())
