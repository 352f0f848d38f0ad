"""``--fix`` (and ``--fix --unsafe-fixes``) over every real manifest we hold, the hand-written
jobs of ``tests/realistic`` and the committed files of ``tests/corpus``, on a copy that keeps
each repository's folders (so Dockerfiles pair as they do in place).

What a fix may do is narrow: it changes the data only where a fix's edits are, keeps every
other byte, leaves YAML that parsed still parsing, and a second run has nothing left to do.
The unit tests of each fix show it on one small job; this shows it on files nobody wrote for
mpilint, with their comments, flow styles and odd indentation.
"""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.harness import REPO, run

SOURCES = [REPO / "tests" / "realistic", REPO / "tests" / "corpus"]
Lines = tuple[int, int]  # 1-based first and last line an edit covers


def _copy(tmp_path: Path) -> list[Path]:
    """Each repository's (or realistic subset's) folder, copied whole; the folders to lint."""
    folders = []
    for source in SOURCES:
        for folder in sorted(p for p in source.iterdir() if p.is_dir()):
            target = tmp_path / source.name / folder.name
            shutil.copytree(folder, target)
            folders.append(target)
    return folders


def _files(folders: list[Path]) -> dict[Path, bytes]:
    return {p: p.read_bytes() for f in folders for p in sorted(f.rglob("*")) if p.is_file()}


def _edits(report: dict[str, Any], unsafe: bool) -> dict[Path, list[Lines]]:
    """The lines each file's offered fixes edit, of the fixes this run applies."""
    found: dict[Path, list[Lines]] = {}
    for finding in report["findings"]:
        fix = finding.get("fix")
        if not fix or (fix["applicability"] != "safe" and not unsafe):
            continue
        for edit in fix["edits"]:
            path = Path(edit["file"]).resolve()
            found.setdefault(path, []).append((edit["line"], edit["end_line"]))
    return found


def _near(line: int, edits: list[Lines]) -> bool:
    """Whether a 1-based line is one an edit covers (an insertion's text lands just above its
    line; difflib may place an inserted or deleted line one off among equal neighbours)."""
    return any(first - 1 <= line <= last + 1 for first, last in edits)


def _changed_lines(before: str, after: str) -> Iterator[int]:
    """1-based lines of the original each difference touches (its insertion point for an
    insertion)."""
    matcher = difflib.SequenceMatcher(
        None, before.splitlines(keepends=True), after.splitlines(keepends=True), autojunk=False
    )
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag == "equal":
            continue
        yield from range(i1 + 1, i2 + 1) if i2 > i1 else (i1 + 1,)


def _differences(
    a: object, b: object, path: tuple[object, ...] = ()
) -> Iterator[tuple[object, ...]]:
    """Paths where two loaded YAML trees differ (the deepest point that is not the same)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in a.keys() | b.keys():
            if key not in a or key not in b:
                yield (*path, key)
            else:
                yield from _differences(a[key], b[key], (*path, key))
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            yield from _differences(x, y, (*path, index))
    elif a != b or type(a) is not type(b):
        yield path


def _span(node: yaml.Node, path: tuple[object, ...]) -> Lines:
    """The 1-based lines of the deepest node of the original on ``path`` (its parent mapping
    for a key a fix added or deleted)."""
    for step in path[1:]:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == str(step)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            child = node.value[step] if step < len(node.value) else None
        if child is None:
            break
        node = child
    return node.start_mark.line + 1, node.end_mark.line + 1


def _loads(text: str) -> list[Any] | None:
    try:
        return list(yaml.safe_load_all(text))
    except yaml.YAMLError:
        return None


def _check_file(path: Path, before: bytes, after: bytes, edits: list[Lines]) -> None:
    if not edits:
        assert after == before, f"{path}: changed without a fix"
        return
    old, new = before.decode("utf-8-sig"), after.decode("utf-8-sig")
    for line in _changed_lines(old, new):
        assert _near(line, edits), f"{path}:{line} changed outside the fixes' edits {edits}"
    if path.suffix not in (".yaml", ".yml"):
        return
    trees = _loads(old)
    if trees is None:
        return
    fixed = _loads(new)
    assert fixed is not None, f"{path}: parsed before the fix, not after"
    assert len(fixed) == len(trees), path
    nodes = list(yaml.compose_all(old))
    for index, (a, b) in enumerate(zip(trees, fixed, strict=True)):
        for where in _differences(a, b, (index,)):
            first, last = _span(nodes[index], where)
            assert any(e0 <= last + 1 and e1 >= first - 1 for e0, e1 in edits), (
                f"{path}: data changed at {where[1:]} (lines {first}-{last}), no fix there"
            )


@pytest.mark.parametrize("unsafe", [False, True], ids=["fix", "unsafe-fixes"])
def test_fixes_on_real_files_change_only_what_they_fix(tmp_path: Path, unsafe: bool) -> None:
    folders = _copy(tmp_path)
    mode = ["--unsafe-fixes"] if unsafe else []
    common = ["--isolated", "--fail-on", "never", *mode]
    paths = [str(f) for f in folders]
    before = _files(folders)
    edits = _edits(run(*common, "--format", "json", *paths).json(), unsafe)
    run(*common, "--fix", *paths)
    after = _files(folders)
    assert after.keys() == before.keys()
    for path in before:
        _check_file(path, before[path], after[path], edits.get(path.resolve(), []))
    again = run(*common, "--fix", *paths)
    assert _files(folders) == after, "a second --fix changed the files again"
    assert "Fixed" not in again.out
    fixed = sorted(str(p.relative_to(tmp_path)) for p in before if after[p] != before[p])
    print(f"{'--unsafe-fixes' if unsafe else '--fix'}: {len(fixed)} of {len(before)} files fixed")
    if unsafe:
        assert fixed, "no file got a fix: the test no longer reaches the fixes"
