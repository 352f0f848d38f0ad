"""Every example in rules/<ID>.yaml, run through the CLI, gives exactly the findings it declares.

Bad examples must fire their own rule; good examples must stay silent. As in ruff's and
sqlfluff's rule fixtures, an example is run with its own rule selected (and any other rule it
declares findings of), so each example can show one mistake without every best practice around
it. That no rule raises a false alarm on complete, realistic jobs is tested separately on the
corpus in tests/realistic/. This is what makes the documentation shown by ``mpilint explain`` true.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from mpilint.core import catalog
from tests.harness import Cli, write

CASES = [
    pytest.param(meta, example, id=f"{meta.id}-{n}-{example.kind}")
    for meta in catalog.all_meta()
    for n, example in enumerate(meta.examples)
]


@pytest.mark.parametrize(("meta", "example"), CASES)
def test_example(
    meta: catalog.RuleMeta, example: catalog.Example, tmp_path: Path, cli: Cli
) -> None:
    paths = write(tmp_path, dict(example.files), example.encoding)
    selected = sorted({meta.id} | {e.rule for e in example.expect})
    result = cli("--format", "json", "--select", ",".join(selected), *example.args, *paths)
    findings = result.json()["findings"]
    got = sorted((f["rule"], Path(f["file"]).name, f["line"], f["column"]) for f in findings)
    want = sorted((e.rule, e.file, e.line, e.column) for e in example.expect)
    messages = [f"{f['rule']} {f['line']}:{f['column']} {f['message']}" for f in findings]
    assert got == want, "\n".join(messages)
    for expected in example.expect:
        if expected.severity:
            match = next(
                f
                for f in findings
                if (f["rule"], f["line"], f["column"])
                == (expected.rule, expected.line, expected.column)
            )
            assert match["severity"] == expected.severity
    assert result.code == (1 if any(f["severity"] != "info" for f in findings) else 0)
    for finding in findings:
        # Every fix a rule emits has an applicability its rules/<ID>.yaml lists.
        # A rule whose YAML says none emits no fix.
        if "fix" in finding:
            safeties = catalog.meta(finding["rule"]).fix_safeties
            assert finding["fix"]["applicability"] in safeties, finding
    if any(_applied(f, meta.unsafe_fixes) for f in findings):
        assert example.fixed, f"{example.title}: a fixable example needs `fixed:`"


def _applied(finding: dict[str, object], unsafe: bool) -> bool:
    """Whether the example's ``--fix`` run applies this finding's fix: ``--unsafe-fixes`` is
    given only for a rule whose own fixes are unsafe, so another rule's unsafe fix (MPL104's
    in an MPL118 example) is shown but not applied there."""
    fix = finding.get("fix")
    return isinstance(fix, dict) and (unsafe or fix.get("applicability") == "safe")


FIXED = [
    pytest.param(meta, example, id=f"{meta.id}-{n}")
    for meta in catalog.all_meta()
    for n, example in enumerate(meta.examples)
    if example.fixed
]


@pytest.mark.parametrize(("meta", "example"), FIXED)
def test_fixed_example(
    meta: catalog.RuleMeta, example: catalog.Example, tmp_path: Path, cli: Cli
) -> None:
    """``mpilint --fix`` turns the example into its ``fixed:`` text; the fixed findings are
    gone and no new one appears; a second ``--fix`` changes nothing."""
    paths = write(tmp_path, dict(example.files), example.encoding)
    selected = sorted({meta.id} | {e.rule for e in example.expect})
    args = ["--select", ",".join(selected), *example.args]
    if meta.unsafe_fixes:
        args.append("--unsafe-fixes")
    before = cli("--format", "json", *args, *paths).json()["findings"]
    cli("--fix", "--format", "json", *args, *paths)
    for name, text in example.fixed:
        assert (tmp_path / name).read_text(encoding=example.encoding) == text, name
    after = cli("--format", "json", *args, *paths).json()["findings"]
    unsafe = meta.unsafe_fixes
    left = Counter(f["rule"] for f in before if not _applied(f, unsafe))
    assert Counter(f["rule"] for f in after) == left, [f["message"] for f in after]
    again = cli("--diff", *args, *paths)
    assert again.code == 0 and again.out == ""


@pytest.mark.parametrize("meta", catalog.all_meta(), ids=lambda m: m.id)
def test_examples_are_well_formed(meta: catalog.RuleMeta) -> None:
    """A bad example fires its own rule; a good one is silent; both kinds exist."""
    for example in meta.examples:
        if example.kind == "bad":
            assert any(e.rule == meta.id for e in example.expect), example.title
        else:
            assert example.kind == "good" and not example.expect, example.title
    if meta.id != "MPL006":  # an internal error has no input that should cause it
        kinds = {e.kind for e in meta.examples}
        assert kinds == {"bad", "good"}, f"{meta.id} needs bad and good examples"
