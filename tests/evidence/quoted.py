"""What the rules quote: the double-quoted fragments of their findings and rationales.

A rule quotes a program in double quotes (``sshd exits with "sshd: no hostkeys available --
exiting."``). Not every double-quoted fragment is a program's words, so a fragment counts as a
runtime quote only when it is none of the other things rules put in double quotes:

- text inside backticks (code: ``hostNetwork: "yes"``), skipped while pairing quotes;
- a single word (a value or a field name: "Running", "slotPerWorker", "2222");
- text copied from the example's own files (a config line, an env value, a command);
- text of the rule's fix (the snippet the user should write: "StrictModes no").

Everything else is a claim about what some program prints, and must be proven by a scenario or
explained in ``claims.ALLOWED``.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mpilint.core import catalog
from mpilint.run.rules import module_name
from tests.harness import run, write


def normal(text: str) -> str:
    """Whitespace collapsed: messages and rationales wrap lines, programs do not."""
    return " ".join(text.split())


def _close(text: str, start: int, mark: str) -> int:
    """The index of the ``mark`` that closes the span opened before ``start`` (a backtick span
    inside a quote is code, and a quote mark inside it closes nothing), or -1."""
    i = start
    while i < len(text):
        if text[i] == mark:
            return i
        if mark == '"' and text[i] == "`":
            end = text.find("`", i + 1)
            if end < 0:
                return -1
            i = end
        i += 1
    return -1


def double_quoted(text: str) -> list[str]:
    """The double-quoted fragments of ``text``, outside backtick code spans, in order."""
    found: list[str] = []
    i = 0
    while i < len(text):
        mark = text[i]
        if mark in '`"':
            end = _close(text, i + 1, mark)
            if end < 0:
                break
            if mark == '"':
                found.append(normal(text[i + 1 : end]))
            i = end + 1
        else:
            i += 1
    return found


@dataclass(frozen=True)
class Said:
    """What one rule says: its bad examples' messages, its rationale, and what they quote."""

    messages: tuple[str, ...]
    rationale: str
    quotes: frozenset[tuple[str, str]]  # (fragment, "message" | "rationale")


@functools.cache
def said(rule: str) -> Said:
    meta = catalog.meta(rule)
    messages: list[str] = []
    copied = [normal(t) for example in meta.examples for _, t in example.files] + [normal(meta.fix)]
    for example in meta.examples:
        if example.kind != "bad":
            continue
        with tempfile.TemporaryDirectory() as folder:
            paths = write(Path(folder), dict(example.files), example.encoding)
            selected = sorted({rule} | {e.rule for e in example.expect})
            result = run("--format", "json", "--select", ",".join(selected), *example.args, *paths)
        messages += [f["message"] for f in result.findings if f["rule"] == rule]

    def runtime(fragment: str) -> bool:
        return " " in fragment and not any(fragment in text for text in copied)

    quotes = {(q, "message") for m in messages for q in double_quoted(m) if runtime(q)}
    quotes |= {(q, "rationale") for q in double_quoted(meta.rationale) if runtime(q)}
    return Said(tuple(normal(m) for m in messages), normal(meta.rationale), frozenset(quotes))


def all_quotes() -> dict[tuple[str, str], set[str]]:
    """Every runtime quote of every rule: (rule, fragment) → where it is said."""
    found: dict[tuple[str, str], set[str]] = {}
    for rule in catalog.rule_ids():
        for fragment, where in said(rule).quotes:
            found.setdefault((rule, fragment), set()).add(where)
    return found


def _literals(tree: ast.AST) -> list[str]:
    """The string literals of a module, docstrings aside, each folded: Python has already joined
    adjacent literals into one constant, and an f-string's text parts are joined with "…" where a
    value goes, so a quote split over literals is read whole and none is made up across a
    value."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    inside = {
        id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values
    }
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            found.append(
                "".join(
                    v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "…"
                    for v in node.values
                )
            )
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and id(node) not in inside
        ):
            found.append(node.value)
    return [normal(text) for text in found]


@functools.cache
def source_literals(rule: str) -> tuple[str, ...]:
    """The string literals of a rule's module and of the ``mpilint.ruleapi`` modules it imports:
    the texts of its messages, including branches that no bad example reaches."""
    names = [module_name(rule)]
    texts: list[str] = []
    seen: set[str] = set()
    while names:
        name = names.pop()
        if name in seen:
            continue
        seen.add(name)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            continue
        tree = ast.parse(Path(spec.origin).read_text())
        texts += _literals(tree)
        names += [
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            and node.module is not None
            and node.module.startswith("mpilint.ruleapi.")
        ]
    return tuple(texts)
