"""The gitignore matcher against git itself: a real repository with nested .gitignore files,
every path asked of ``git check-ignore --no-index`` and of ``mpilint.inputs.ignore.ignored``, and
the folder walk against ``git ls-files --others --exclude-standard``."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from mpilint.inputs.files import expand
from mpilint.inputs.ignore import Ignore, gitignore_of, ignored, is_pattern

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

TOP = [
    "# a comment",
    r"\#x",  # a file named #x, not a comment
    r"\*",  # only the file named *
    "trailing\\ ",  # 'trailing ' with its space
    "plain   ",  # unescaped trailing spaces are dropped
    "*.log",
    "!keep.log",
    "dir/",  # folders only
    "**/a",
    "x/**/b",
    "/anchored",
    "deep/*/leaf",
    "gen[0-9].yaml",
    "build/",
    "!build/keep.yaml",  # cannot re-include: build/ is ignored
    "out/*",
    "!out/keep.yaml",  # can: out/ itself is not ignored
    "only-*/",
    "?.yml",
    "nest/**",
    "!nest/ok.yaml",
    "esc\\[1].yaml",
]
NESTED = {
    "sub": ["!*.log", "local.yaml", "/root-only.yaml", "dir", "!important/"],
    "sub/deeper": ["*.yaml", "!wanted.yaml", "\\!bang.yaml"],
    "out": ["!again.yaml"],
    "allow": ["*", "!*/", "!*.yaml", "twice", "!twice/"],  # everything but YAML, in any folder
}
FILES = [
    "#x",
    "*",
    "star",
    "trailing ",
    "trailing",
    "plain",
    "plain   ",
    "a.log",
    "keep.log",
    "dir/f.yaml",
    "other/dir",
    "sub/dir",
    "sub/dir2/dir/f.yaml",
    "a",
    "r/a",
    "q/a/f.yaml",
    "x/b",
    "x/y/b",
    "x/y/z/b",
    "y/x/b",
    "anchored",
    "sub/anchored",
    "deep/one/leaf",
    "deep/one/two/leaf",
    "gen1.yaml",
    "gen10.yaml",
    "sub/gen2.yaml",
    "build/keep.yaml",
    "build/other.yaml",
    "out/keep.yaml",
    "out/other.yaml",
    "out/again.yaml",
    "only-dir/f.yaml",
    "only-file",
    "z.yml",
    "zz.yml",
    "nest/ok.yaml",
    "nest/no.yaml",
    "nest/in/ok.yaml",
    "esc[1].yaml",
    "esc1.yaml",
    "sub/a.log",
    "sub/local.yaml",
    "sub/root-only.yaml",
    "sub/more/root-only.yaml",
    "sub/more/local.yaml",
    "sub/important/x.log",
    "sub/deeper/f.yaml",
    "sub/deeper/wanted.yaml",
    "sub/deeper/!bang.yaml",
    "sub/deeper/bang.yaml",
    "sub/deeper/inner/g.yaml",
    "ok.yaml",
    "allow/a.txt",
    "allow/b.yaml",
    "allow/in/c.yaml",
    "allow/in/d.txt",
    "allow/twice/e.yaml",
]


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # git must read only this repository's files: no global or system excludes
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    top = tmp_path / "repo"
    top.mkdir()
    subprocess.run(["git", "init", "-q", str(top)], check=True)
    (top / ".gitignore").write_text("\n".join(TOP) + "\n")
    for folder, lines in NESTED.items():
        (top / folder).mkdir(parents=True, exist_ok=True)
        (top / folder / ".gitignore").write_text("\n".join(lines) + "\n")
    for name in FILES:
        (top / name).parent.mkdir(parents=True, exist_ok=True)
        (top / name).write_text("kind: x\n")
    return top


def _paths(top: Path) -> list[tuple[str, bool]]:
    found = []
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if d != ".git"]
        rel = os.path.relpath(folder, top)
        if rel != ".":
            found.append((rel.replace(os.sep, "/"), True))
        found.extend(
            (os.path.normpath(os.path.join(rel, f)).replace(os.sep, "/"), False)
            for f in files
            if f != ".gitignore"
        )
    return sorted(found)


def _chain(top: Path, rel: str) -> list[Ignore]:
    """The .gitignore files git reads for ``rel``: the top's, then each folder's down to it."""
    parts = rel.split("/")[:-1]
    folders = [top] + [top.joinpath(*parts[:i]) for i in range(1, len(parts) + 1)]
    return [rule for folder in folders for rule in gitignore_of(str(folder))]


def test_ignored_agrees_with_git_check_ignore(repository: Path) -> None:
    paths = _paths(repository)
    # folders without a trailing "/": git reads "out/" as a path whose last part is empty, which
    # "out/*" matches; given "out", it looks the folder up on disk as the walk does
    names = [rel for rel, _folder in paths]
    git = subprocess.run(
        ["git", "check-ignore", "--no-index", "-z", "--stdin"],
        cwd=repository,
        input="\0".join(names) + "\0",
        capture_output=True,
        text=True,
    )
    assert git.returncode in (0, 1), git.stderr
    by_git = {name for name in git.stdout.split("\0") if name}
    ours = {
        rel
        for rel, folder in paths
        if ignored(_chain(repository, rel), str(repository / rel), folder)
    }
    # the difference is empty only when each path was decided as git decides it
    assert sorted(ours ^ by_git) == []
    assert {"#x", "*", "trailing ", "build/keep.yaml", "sub/deeper/!bang.yaml"} <= by_git
    assert {"star", "trailing", "out/keep.yaml", "sub/a.log", "plain   "}.isdisjoint(by_git)


def test_the_walk_lists_what_git_lists_as_untracked(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard", "-z"],
        cwd=repository,
        capture_output=True,
        text=True,
        check=True,
    )
    listed = {p for p in git.stdout.split("\0") if p.endswith((".yaml", ".yml"))}
    monkeypatch.chdir(repository)
    walked = {os.path.relpath(f.path) for f in expand(["."])}
    assert walked == listed  # from "." too: its subfolders once lost the top .gitignore
    # a walk that starts below the top reads the .gitignore files above it
    below = {os.path.relpath(f.path) for f in expand(["sub"])}
    assert below == {p for p in listed if p.startswith("sub/")}


@pytest.mark.parametrize(
    ("text", "valid"),
    [("*.yaml", True), ("# comment", False), ("", False), ("   ", False), (r"\#x", True)],
)
def test_configuration_globs_must_be_patterns(text: str, valid: bool) -> None:
    assert is_pattern(text) is valid
