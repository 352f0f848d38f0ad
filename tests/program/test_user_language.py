"""Every text a user reads names things as users know them, not by the project's internal labels.

The rules were written from shared research notes whose entries are numbered (P01 for the most
reported failure, C4 for a correction, 1.2 for a section) and which call the CERIT-SC cluster
"the platform". Those labels leaked into rationales and `explain` ("domain notes P12", "the
platform's recipe"), where they mean nothing to a user. This test scans every user-facing text
for them: the rule files (summary, rationale, fix, example titles and files), the finding
messages in the code, what `explain`, `explain --long` and `rules` print, docs/rules.md and the
README. Name the thing itself: the Kubeflow MPI operator, the CERIT-SC documentation, Open MPI,
OpenSSH, an issue number.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.harness import REPO, Cli

INTERNAL = re.compile(
    r"(?-i:\bP\d{2}\b)"  # a numbered entry of the notes: P01, P12 (not p99)
    r"|\bdomain[ -]?notes\b|\bdomain\.md\b"
    r"|\b(?:notes|correction)[ ,]+[CP]?\d"  # "correction C4", "notes, P07", "notes 1.2"
    r"|\(section \d"
    r"|\bthe platform\b",  # which platform? name it
    re.IGNORECASE,
)
RULES = sorted((REPO / "rules").glob("MPL*.yaml"))


def labels(text: str) -> list[str]:
    return [m.group(0) for m in INTERNAL.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "(domain notes P12; mpi-operator#424)",
        "the platform's recipe",
        "The platform documentation",
        "(shared domain notes, correction C4)",
        "see domain.md",
        "(notes, P07)",
        "replace the image's CMD (section 4)",
    ],
)
def test_the_scan_finds_each_kind_of_label(text: str) -> None:
    assert labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "MPL102 at mpijob.yaml:15:35",
        "Open MPI 5.0.11 (PRRTE 3.0.7)",
        "platforms that drop every capability",
        "the CERIT-SC documentation's Dockerfile",
        "mpi-operator#424, kubeflow/trainer#4028",
        "P2P transports, p99 latency",
    ],
)
def test_the_scan_leaves_plain_words_alone(text: str) -> None:
    assert labels(text) == []


def _rule_texts(path: Path) -> Iterator[tuple[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("name", "summary", "rationale", "fix"):
        yield key, str(data.get(key, ""))
    for number, example in enumerate(data.get("examples", ())):
        yield f"examples[{number}].title", example["title"]
        for name, text in {**example["files"], **example.get("fixed", {})}.items():
            yield f"examples[{number}] {name}", text


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.stem)
def test_rule_files_use_no_internal_labels(path: Path) -> None:
    found = {where: labels(text) for where, text in _rule_texts(path) if labels(text)}
    assert found == {}


def _messages(path: Path) -> Iterator[tuple[int, str]]:
    """The string literals of a module that are not docstrings: the finding messages, notes
    and fix titles a rule or a model writes (docstrings and comments are for developers)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docstrings:
                continue
            yield node.lineno, node.value


def test_messages_in_the_code_use_no_internal_labels() -> None:
    modules = [*(REPO / "rules").glob("*.py"), *(REPO / "mpilint").rglob("*.py")]
    found = [
        f"{path.relative_to(REPO)}:{line}: {labels(text)}"
        for path in sorted(modules)
        for line, text in _messages(path)
        if labels(text)
    ]
    assert found == []


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.stem)
def test_explain_uses_no_internal_labels(cli: Cli, path: Path) -> None:
    assert labels(cli("explain", path.stem).out) == []
    assert labels(cli("explain", "--long", path.stem).out) == []


@pytest.mark.parametrize("format_", ["text", "json", "markdown"])
def test_the_rule_list_uses_no_internal_labels(cli: Cli, format_: str) -> None:
    assert labels(cli("rules", "--format", format_).out) == []


@pytest.mark.parametrize(
    "document",
    ["README.md", *sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").glob("*.md"))],
)
def test_documents_use_no_internal_labels(document: str) -> None:
    text = (REPO / document).read_text(encoding="utf-8")
    found = [
        f"{document}:{number}: {labels(line)}"
        for number, line in enumerate(text.splitlines(), start=1)
        if labels(line)
    ]
    assert found == []
