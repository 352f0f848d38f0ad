"""The command line as users meet it: paths, stdin, exit codes, rules and explain."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.harness import JOB, REPO, Cli, run, run_fresh, write

CONFIGMAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  n: 2\n"


def test_clean_job_exits_0(tmp_path: Path, cli: Cli) -> None:
    (path,) = write(tmp_path, {"job.yaml": JOB.format(count='"2"')})
    result = cli(path)
    assert result.code == 0
    assert "No problems found (1 file, 1 MPIJob checked)." in result.out


@pytest.mark.parametrize(
    ("fail_on", "count", "code"),
    [
        ("warning", '"1"', 1),  # fewer ranks than slots: a warning
        ("error", '"1"', 0),
        ("error", '"3"', 1),  # more ranks than slots: an error
        ("never", '"3"', 0),
        ("info", '"2"', 0),
    ],
)
def test_fail_on_threshold(tmp_path: Path, cli: Cli, fail_on: str, count: str, code: int) -> None:
    (path,) = write(tmp_path, {"job.yaml": JOB.format(count=count)})
    assert cli("--fail-on", fail_on, path).code == code


def test_multi_document_line_numbers_and_other_kinds_skipped(tmp_path: Path, cli: Cli) -> None:
    text = CONFIGMAP + "---\n" + JOB.format(count="2") + "---\n" + JOB.format(count="'2'")
    (path,) = write(tmp_path, {"all.yaml": text})
    report = cli("--format", "json", path).json()
    # the ConfigMap's bare 2 is not an MPIJob's business; the first job's count is on line 24
    assert [(f["rule"], f["line"], f["column"]) for f in report["findings"]] == [
        ("MPL101", 7 + 17, 56)
    ]


def test_stdin_is_a_manifest(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    fake = io.TextIOWrapper(io.BytesIO(JOB.format(count="2").encode()))
    monkeypatch.setattr(sys, "stdin", fake)
    report = cli("--format", "json", "-").json()
    assert report["files"] == ["-"]
    assert [(f["file"], f["rule"]) for f in report["findings"]] == [("-", "MPL101")]


def test_directories_are_walked_and_paths_kept_as_given(tmp_path: Path, cli: Cli) -> None:
    write(
        tmp_path,
        {
            "a/job.yaml": JOB.format(count="2"),
            "a/notes.txt": "not checked",
            "b/job.yml": JOB.format(count='"2"'),
            "b/Dockerfile-mpi": "FROM mpioperator/openmpi:0.6.0\n",
            ".hidden/job.yaml": JOB.format(count="2"),
        },
    )
    os.chdir(tmp_path)
    report = cli("--format", "json", ".").json()
    assert report["files"] == ["./a/job.yaml", "./b/Dockerfile-mpi", "./b/job.yml"]
    assert [f["file"] for f in report["findings"]] == ["./a/job.yaml"]


@pytest.mark.parametrize(
    "args",
    [
        ["does-not-exist.yaml"],
        ["--format", "xml", "x.yaml"],
        ["--bogus", "x"],
        ["explain", "MPL999"],
    ],
)
def test_usage_errors_exit_2_with_one_clear_line(args: list[str], cli: Cli) -> None:
    result = cli(*args)
    assert result.code == 2
    assert result.err.strip(), "a usage error must say what is wrong"
    assert "Traceback" not in result.err


def test_rules_lists_every_rule(cli: Cli) -> None:
    result = cli("rules")
    assert result.code == 0
    lines = result.out.splitlines()
    assert any(line.startswith("MPL102  process-count-mismatch") for line in lines)
    assert len(lines) == len(list((REPO / "rules").glob("MPL*.yaml")))


def test_rules_as_json(cli: Cli) -> None:
    import json

    data = json.loads(cli("rules", "--format", "json").out)
    assert {"id": "MPL104", "name": "image-mismatch", "severity": "warning"}.items() <= next(
        r for r in data if r["id"] == "MPL104"
    ).items()


def test_explain_shows_rationale_and_marked_examples(cli: Cli) -> None:
    result = cli("explain", "process-count-mismatch")
    assert result.code == 0
    assert result.out.startswith("MPL102 process-count-mismatch (error)")
    assert "Why" in result.out and "are not enough slots available" in result.out
    assert "Bad: four processes on two one-slot workers" in result.out
    # the offending line of the bad example is marked
    assert '  >  15 |             command: [mpirun, -n, "4", /home/mpiuser/pi]' in result.out


@pytest.mark.parametrize(
    "entry", [["-m", "mpilint"], ["-c", "from mpilint.cli import main; raise SystemExit(main())"]]
)
def test_module_entry_points(entry: list[str], tmp_path: Path) -> None:
    (path,) = write(tmp_path, {"job.yaml": JOB.format(count="2")})
    done = run_fresh("--format", "json", path, entry=entry)
    assert done.code == 1
    assert '"rule": "MPL101"' in done.out


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "mpilint"
    done = run_fresh("--version", entry=[str(script)])
    assert done.code == 0 and done.out.startswith("mpilint ")


@pytest.mark.parametrize(
    "entry", [["-m", "mpilint"], [str(Path(sys.executable).parent / "mpilint")]]
)
def test_the_quick_exit_delivers_the_whole_report(entry: list[str], tmp_path: Path) -> None:
    """The command ends with os._exit after flushing (see cli.entry): a long report through a
    pipe must arrive whole, with the exit code main() chose."""
    import shutil

    for copy in range(30):
        shutil.copytree(REPO / "examples" / "broken", tmp_path / f"job{copy}")
    paths = [str(tmp_path)]
    expected = run("--format", "json", "--jobs", "1", *paths)
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    # as users run it (buffered): the last block of the report waits in a buffer
    done = run_fresh("--format", "json", "--jobs", "1", *paths, entry=entry, env=buffered)
    assert len(done.out) > 100_000  # longer than any buffer on the way
    assert done.out == expected.out
    assert done.findings
    assert done.code == expected.code == 1
    assert done.err == ""


def test_a_reader_that_stops_early_is_not_an_error() -> None:
    """`mpilint ... | head -1`: the rest of the report has nowhere to go; no traceback."""
    with subprocess.Popen(
        [sys.executable, "-m", "mpilint", "--format", "json", str(REPO / "tests" / "realistic")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as reader:
        assert reader.stdout is not None and reader.stderr is not None
        reader.stdout.readline()
        reader.stdout.close()
        code = reader.wait(timeout=60)
        assert b"Traceback" not in reader.stderr.read()
    assert code in (0, 1)  # 1 if the report fit in the pipe before the reader left
