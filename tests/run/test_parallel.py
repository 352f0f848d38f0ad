"""`--jobs N` gives the report of a serial run, whatever N, and the bounded image cache does
not change a report either.

The tree mixes what makes merging hard: jobs in many folders that share one Dockerfile through
the configuration's image map (so findings placed in that Dockerfile come from different
processes), a suppression comment there that silences them, a stale one (MPL007, decided only
once every process is done), broken and good jobs beside their own Dockerfiles.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from mpilint.run import lint
from tests import buildkit
from tests.harness import REPO, Cli, Result, run_fresh, write

GOOD = (REPO / "examples" / "good").resolve()
BROKEN = (REPO / "examples" / "broken").resolve()

# The platform image without its StrictHostKeyChecking line: MPL201 is placed in this file.
_CHECKING = (
    "RUN sed -i 's/[ #]\\(.*StrictHostKeyChecking \\).*/ \\1no/g' /etc/ssh/ssh_config && \\\n"
)
SHARED = (
    (GOOD / "Dockerfile")
    .read_text()
    .replace(_CHECKING + "    ", "# mpilint: disable=MPL302 stale on purpose\nRUN ")
)
SHARED = "# mpilint: disable-file=MPL201 the base is fixed upstream\n" + SHARED
SHARED_JOB = (
    (GOOD / "mpijob.yaml")
    .read_text()
    .replace("ghcr.io/mpilint-demo/team/hello-mpi:1.0", "ghcr.io/mpilint-demo/shared/train:2")
)


def _tree(root: Path, folders: int = 30) -> None:
    files = {
        ".mpilint.yaml": "images:\n  ghcr.io/mpilint-demo/shared/*: shared/Dockerfile\n",
        "shared/Dockerfile": SHARED,
    }
    for index in range(folders):
        source = (GOOD, BROKEN, None)[index % 3]
        if source is None:  # a job of the shared image, alone in its folder
            files[f"f{index:02}/job.yaml"] = SHARED_JOB
            continue
        for path in source.iterdir():
            files[f"f{index:02}/{path.name}"] = path.read_text()
    write(root, files)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    _tree(tmp_path)
    return tmp_path


def _spy_on_fork(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    started: list[str] = []
    real = multiprocessing.get_context

    def get_context(method: str | None = None) -> multiprocessing.context.BaseContext:
        started.append(str(method))
        return real(method)

    monkeypatch.setattr(multiprocessing, "get_context", get_context)
    return started


# The CLI in a fresh interpreter, with a spy that says whether processes were started (this one
# may have loaded BuildKit's Go binding for the differential tests).
FRESH_CLI = """
import multiprocessing, sys
real = multiprocessing.get_context
def spy(method=None):
    sys.stderr.write(f"forked with {method}\\n")
    return real(method)
multiprocessing.get_context = spy
from mpilint.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _fresh(*args: str) -> Result:
    return run_fresh(*args, entry=("-c", FRESH_CLI), timeout=120)


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="runs serially without fork"
)
@pytest.mark.parametrize("output", ["json", "sarif", "text"])
def test_two_processes_give_the_serial_report(tree: Path, output: str) -> None:
    serial = _fresh("--format", output, "--jobs", "1", str(tree))
    forked = _fresh("--format", output, "--jobs", "2", str(tree))
    assert "forked with" not in serial.err
    assert forked.err == "forked with fork\n", "the run did not use processes"
    assert (forked.code, forked.out) == (serial.code, serial.out)
    assert serial.code == 1 and serial.out


# A process that loaded BuildKit's Go binding itself (and ran a parse, which starts the Go
# runtime's threads) before calling mpilint: mpilint reads Dockerfiles without it (issue 19), so
# its children never call into Go and may be forked. Before issue 19 they hung on their first
# parse, and mpilint refused to fork such a process.
GO_FIRST = """
import dockerfile
dockerfile.parse_string("FROM debian\\nRUN true\\n")
"""


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="runs serially without fork"
)
def test_forks_in_a_process_that_loaded_the_go_parser(tree: Path) -> None:
    buildkit.required()
    serial = _fresh("--format", "json", "--jobs", "1", str(tree))
    forked = run_fresh(
        "--format", "json", "--jobs", "2", str(tree),
        entry=("-c", GO_FIRST + FRESH_CLI), timeout=120,
    )  # fmt: skip
    assert forked.err == "forked with fork\n", "the run did not use processes"
    assert (forked.code, forked.out) == (serial.code, serial.out)


def test_no_run_loads_the_go_parser(tree: Path) -> None:
    """The binding is only the tests' oracle: a run that reads every Dockerfile of the tree in
    this process never imports it, so no child of a forked run would have either."""
    probe = FRESH_CLI.replace(
        "sys.exit(main(sys.argv[1:]))",
        "code = main(sys.argv[1:])\n"
        "sys.stderr.write(f\"binding loaded: {'dockerfile' in sys.modules}\\n\")\n"
        "sys.exit(code)",
    )
    result = run_fresh("--format", "json", "--jobs", "1", str(tree), entry=("-c", probe))
    assert result.code == 1 and result.json()["findings"]
    assert "binding loaded: False" in result.err


def test_the_tree_exercises_every_merge_step(cli: Cli, tree: Path) -> None:
    report = cli("--format", "json", "--jobs", "2", str(tree)).json()
    shared = str(tree / "shared" / "Dockerfile")
    rules = {(f["rule"], f["file"]) for f in report["findings"]}
    assert ("MPL007", shared) in rules  # the stale comment, judged after all processes
    assert ("MPL201", shared) not in rules
    silenced = [s for s in report["suppressed"] if s["file"] == shared]
    assert _CHECKING not in SHARED
    assert {s["rule"] for s in silenced} == {"MPL201"}
    assert len(silenced) == 1  # ten jobs, one finding: said once
    assert any(f["rule"] == "MPL301" for f in report["findings"])  # the broken jobs
    # good (2 files) and broken (3) folders, the shared jobs, the Dockerfile (.mpilint.yaml is
    # configuration, not a file checked)
    assert len(report["files"]) == 10 * 2 + 10 * 3 + 10 + 1


def test_evicting_images_changes_nothing(
    cli: Cli, tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roomy = cli("--format", "json", "--jobs", "1", str(tree))
    monkeypatch.setattr(lint.Linter, "CACHE", 1)
    cramped = cli("--format", "json", "--jobs", "1", str(tree))
    assert cramped.out == roomy.out


def test_small_runs_stay_in_one_process(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    started = _spy_on_fork(monkeypatch)
    result = cli("--format", "json", "--jobs", "2", str(BROKEN))
    assert result.code == 1
    assert started == []


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(cli: Cli, value: str) -> None:
    result = cli("--jobs", value, str(GOOD))
    assert result.code == 2
    assert "expected a number of processes" in result.err
