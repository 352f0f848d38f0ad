"""The quick reader of `check` command lines against argparse, which it stands in for.

Whatever the quick reader accepts, argparse must accept too and read the same way; whatever it
declines goes to argparse. The vocabulary mixes the common spellings with the ones argparse reads
differently or refuses (abbreviations, attached short values, values that start with a dash,
paths on both sides of an option, `--`, help).
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpilint.cli import build_parser, quick_check_options
from tests.conftest import REPO

TOKENS = [
    # options as written
    "--format", "--output", "--statistics", "--verbose", "-v", "--quiet", "-q", "--fail-on",
    "--select", "--ignore", "--extend-select", "--image", "--config", "--isolated", "--jobs",
    "-j", "--color",
    # spellings argparse reads its own way or refuses
    "--form", "--stat", "--nope", "-vq", "-j2", "-h", "--help", "--", "-x", "--quiet=1",
    "--format=json", "--format=", "--jobs=2", "--jobs=0", "-j=2", "--fail-on=never",
    "--color=always", "--select=MPL1,MPL3", "--output=out.txt",
    # values
    "json", "text", "sarif:out.sarif", "github", "2", "0", "-1", "x", "error", "warning", "never",
    "auto", "always", "bogus", "MPL1", "MPL101,MPL3", "ALL", "a=b", "",
    # paths
    "job.yaml", "-", "dir/", "Dockerfile", "check", "rules",
]  # fmt: skip


def argparse_reading(args: list[str]) -> dict[str, object] | None:
    """argparse's options for ``args``, or None where it refuses them (or prints help)."""
    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            return vars(build_parser().parse_args(args))
    except SystemExit:
        return None


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=8))
def test_the_quick_reader_reads_as_argparse_does(tokens: list[str]) -> None:
    args = ["check", *tokens]
    quick = quick_check_options(args)
    if quick is not None:
        assert vars(quick) == argparse_reading(args)


@pytest.mark.parametrize(
    "args",
    [
        ["job.yaml", "Dockerfile"],  # the pre-commit hook: `mpilint` then the changed files
        ["--format", "sarif:out.sarif", "--fail-on", "error", "."],
        ["--format=json", "-q", "-j", "2", "a", "b"],
        ["--select", "MPL1", "--ignore=MPL104", "--image", "r/*=Dockerfile", "-"],
        ["--color", "always", "-v", "--statistics", "--isolated", "--config", "c.yaml", "x"],
        ["--output", "report.txt", "--extend-select", "MPL3", "--jobs=4", "dir/"],
    ],
)
def test_common_command_lines_take_the_quick_reader(args: list[str]) -> None:
    """The quick reader must actually serve the common cases, and serve them right."""
    quick = quick_check_options(["check", *args])
    assert quick is not None
    assert vars(quick) == argparse_reading(["check", *args])


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["job.yaml", "--quiet", "Dockerfile"],  # argparse refuses paths after an option
        ["--form", "json", "job.yaml"],  # an abbreviation argparse expands
        ["--jobs", "0", "job.yaml"],  # an invalid value: argparse says why
        ["--output", "-", "job.yaml"],
        [],
    ],
)
def test_the_rest_goes_to_argparse(args: list[str]) -> None:
    assert quick_check_options(["check", *args]) is None


# pathspec (about 30 ms) is read only for a .gitignore or a configuration's globs
UNNEEDED = (
    "argparse",
    "dataclasses",
    "shutil",
    "tempfile",
    "typing",
    "importlib.resources",
    "pathspec",
)


def test_the_pre_commit_case_imports_no_module_it_does_not_need() -> None:
    """Each costs milliseconds at import that a one-file run does not need (see cli.py,
    records.py and mpilint/__init__.py); a fresh interpreter shows whether anything brings one
    back."""
    code = (
        f"import sys, io; UNNEEDED = {UNNEEDED!r}; from mpilint.cli import main;"
        "main(['examples/good/mpijob.yaml', 'examples/good/Dockerfile'], stdout=io.StringIO());"
        "print(sorted(m for m in UNNEEDED if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert done.stdout.strip() == "[]"
