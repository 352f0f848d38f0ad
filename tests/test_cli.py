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


def test_directories_are_walked_and_paths_named_as_git_does(tmp_path: Path, cli: Cli) -> None:
    """Inside a walk of ``.``, ``a/job.yaml`` (as git and ruff name it), not ``./a/job.yaml``:
    GitHub matches annotations to repository paths. A named file keeps its spelling
    (tests/report/test_pairs.py)."""
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
    assert report["files"] == ["a/job.yaml", "b/Dockerfile-mpi", "b/job.yml"]
    assert [f["file"] for f in report["findings"]] == ["a/job.yaml"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["does-not-exist.yaml"], "no such file or directory: does-not-exist.yaml"),
        (["--format", "xml", "x.yaml"], "no such file or directory: x.yaml"),
        (["--bogus", "x"], "no such option '--bogus'"),
        (["explain", "MPL999"], "unknown rule 'MPL999'"),
        (["explain"], "missing argument 'ID|NAME'"),
        (["check"], "missing argument 'PATH...'"),
        (["--fail-on", "bad", "x"], "'bad' is not one of 'error', 'warning', 'info', 'never'"),
        (["-j", "0", "x"], "expected a number of processes (1 or more): '0'"),
        (["--jobs=many", "x"], "expected a number of processes (1 or more): 'many'"),
        (["x", "--output"], "requires an argument"),
        (["rules", "--format", "xml"], "'xml' is not one of 'text', 'json', 'markdown'"),
        (["rules", "extra"], "unexpected extra argument"),
    ],
)
def test_usage_errors_exit_2_with_one_clear_line(args: list[str], says: str, cli: Cli) -> None:
    result = cli(*args)
    assert result.code == 2
    assert result.err.count("\n") == 1 and result.err.startswith("mpilint: error: "), result.err
    assert says in result.err
    assert result.out == ""
    if "error: no such file" in result.err or "unknown rule" in result.err:
        return  # not a usage error: the command line was fine
    command = args[0] if args[0] in ("rules", "explain") else "check"
    assert f"(see `mpilint {command} --help`)" in result.err


@pytest.mark.parametrize(
    ("option", "says"),
    [
        ("--formt", "Did you mean '--format'?"),  # click's own suggestion, for near misses
        ("--fail_on", "Did you mean '--fail-on'?"),
        ("--output-format", "Did you mean '--format'?"),  # ruff's spellings
        ("--output-format=json", "Did you mean '--format'?"),
        ("--exit-zero", "Did you mean '--fail-on never'?"),
        ("--fix-only", "Did you mean '--fix'?"),
    ],
)
def test_unknown_options_point_at_the_right_one(option: str, says: str, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(option, "json", "x.yaml")
    assert result.code == 2
    assert result.err.count("\n") == 1 and says in result.err, result.err
    assert "(see `mpilint check --help`)" in result.err


def test_the_hints_name_no_option_mpilint_has() -> None:
    from mpilint.cli.commands import FOREIGN_OPTIONS, check

    ours = {name for param in check.params for name in param.opts}
    assert not ours & set(FOREIGN_OPTIONS)


def test_no_arguments_print_the_usage_and_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli()
    assert result.code == 2
    assert result.err.startswith("Usage: mpilint [check] [OPTIONS] PATH...\n")


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (["--help"], "Usage: mpilint [check] [OPTIONS] PATH...\n   or: mpilint rules"),
        (["-h"], "Usage: mpilint [check] [OPTIONS] PATH...\n"),
        (["check", "--help"], "Usage: mpilint check [OPTIONS] PATH...\n"),
        (["rules", "-h"], "Usage: mpilint rules [OPTIONS]\n"),
        (["explain", "--help"], "Usage: mpilint explain [OPTIONS] ID|NAME\n"),
    ],
)
def test_help_of_the_group_and_each_command(
    args: list[str], usage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from mpilint.cli import main

    assert main(args) == 0
    shown = capsys.readouterr().out
    assert shown.startswith(usage), shown
    if args[0] == "check":
        for option in (
            "--format FORMAT[:PATH]",
            "-j, --jobs N",
            "--fail-on [error|warning|info|never]",
        ):
            assert option in shown


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from mpilint import __version__
    from mpilint.cli import main

    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"mpilint {__version__}\n"


def test_the_command_line_becomes_typed_options(monkeypatch: pytest.MonkeyPatch, cli) -> None:  # type: ignore[no-untyped-def]
    """What the stages below receive: every option, with repeats, short forms and `=`."""
    from mpilint.cli import commands
    from mpilint.config.options import CheckOptions

    seen: list[CheckOptions] = []
    monkeypatch.setattr(commands, "run_check", lambda options, out: seen.append(options) or 0)
    cli("a.yaml")
    cli(
        "--format", "json", "--format=sarif:out.sarif", "-q", "-v", "-j2", "--select", "MPL1",
        "--select=MPL3", "--ignore", "MPL104", "--extend-select", "MPL2",
        "--image", "r/*=Dockerfile", "--config", "c.yaml", "--isolated", "--fail-on", "never",
        "--color", "always", "--statistics", "--output", "report.txt", "-", "dir/",
    )  # fmt: skip
    cli("a.yaml", "--quiet", "Dockerfile")  # options may come between paths
    cli("check", "--", "-odd-name.yaml")
    assert seen == [
        CheckOptions(paths=("a.yaml",)),
        CheckOptions(
            paths=("-", "dir/"),
            formats=("json", "sarif:out.sarif"),
            output="report.txt",
            statistics=True,
            verbose=True,
            quiet=True,
            fail_on="never",
            select=("MPL1", "MPL3"),
            ignore=("MPL104",),
            extend_select=("MPL2",),
            image=("r/*=Dockerfile",),
            config="c.yaml",
            isolated=True,
            jobs=2,
            color="always",
        ),
        CheckOptions(paths=("a.yaml", "Dockerfile"), quiet=True),
        CheckOptions(paths=("-odd-name.yaml",)),
    ]


def test_a_file_named_like_a_command_is_checked_through_check(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """`mpilint rules` is the command; a file of that name is `mpilint check rules` or
    `mpilint ./rules`."""
    write(tmp_path, {"rules": JOB.format(count="2")})
    os.chdir(tmp_path)
    assert cli("rules").out.startswith("MPL001")
    for args in (
        ["check", "--format", "json", "rules"],
        ["--format", "json", "./rules"],
        ["--format", "json", "rules"],  # the first argument is an option: `check`
    ):
        assert [f["rule"] for f in cli(*args).json()["findings"]] == ["MPL101"], args


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
    result = cli("explain", "--long", "process-count-mismatch")
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
def test_the_whole_report_arrives_through_a_pipe(entry: list[str], tmp_path: Path) -> None:
    """A long report through a pipe must arrive whole (main() flushes it before returning, see
    mpilint.cli), with the exit code main() chose."""
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


# Modules a one-file run does not need, each costing milliseconds at import (see
# mpilint/__init__.py and records.py). click itself brings typing, inspect, gettext, uuid and
# others that mpilint avoided under argparse: those are the price of one maintained parser, and
# are not listed here.
UNNEEDED = (
    "argparse",
    "dataclasses",
    "shutil",
    "tempfile",
    "importlib.resources",
    "rich",
    "multiprocessing",
    "pathspec",  # about 30 ms: read only for a .gitignore or a configuration's globs
    "mpilint.report.sarif",
    "mpilint.report.json",
    "mpilint.report.gitlab",
    "mpilint.report.junit",
    "hashlib",  # fingerprints: only for gitlab, junit, SARIF and baselines
    "mpilint.suppress.baseline",
)


def test_the_pre_commit_case_imports_no_module_it_does_not_need() -> None:
    """A fresh interpreter shows whether anything brings one of them back."""
    code = (
        f"import sys, io; UNNEEDED = {UNNEEDED!r}; from mpilint.cli import main;"
        "main(['examples/good/mpijob.yaml', 'examples/good/Dockerfile'], stdout=io.StringIO());"
        "print(sorted(m for m in UNNEEDED if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert done.stdout.strip() == "[]"
