"""Fix, lint the fixed texts in memory, fix again: until nothing changes, at most ``MAX_ROUNDS``.

One fix can make another possible (or move its span), and two fixes may touch the same text; as
in ruff, each round applies the fixes that fit together and the next round lints the result, so
every fix is made on text whose positions the parsers have just given. Nothing is written here:
the caller gets the original and the fixed texts, and the report of the fixed texts (what is
left).
"""

from __future__ import annotations

from collections.abc import Mapping

from mpilint.core.findings import SAFE, Finding
from mpilint.core.records import Record, replace
from mpilint.fix.apply import apply_fixes
from mpilint.inputs.files import FileText, InputFile, read_text
from mpilint.report.result import Report
from mpilint.run.lint import run

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from mpilint.config.project import Project

MAX_ROUNDS = 10  # ruff's bound too: fixes that undo each other must not loop forever


class Fixed(Record):
    report: Report  # the lint of the fixed texts: what is left
    original: dict[str, str]  # path → the text the first fix was made on
    texts: dict[str, str]  # path → the fixed text (only files some fix changed)
    applied: int  # findings repaired
    converged: bool  # False when fixes were still offered after MAX_ROUNDS


def fixable(finding: Finding, unsafe: bool) -> bool:
    """Whether ``--fix`` (``--unsafe-fixes`` when ``unsafe``) applies this finding's fix."""
    fix = finding.fix
    return fix is not None and (unsafe or fix.applicability == SAFE)


def fix_run(
    files: list[InputFile],
    project: Project | None,
    processes: int,
    unsafe: bool,
    report: Report | None = None,
    unsaved: Mapping[str, FileText] | None = None,
) -> Fixed:
    """Fix the files of the run (those given or walked, never one found by pairing, which the
    user did not ask to check); ``report`` is the first lint when the caller has it;
    ``unsaved`` as for ``run``."""
    if report is None:
        report = run(files, project=project, processes=processes, unsaved=unsaved)
    targets = {f.path: f for f in files}
    dockerfiles = frozenset(f.path for f in files if f.kind == "dockerfile")
    original: dict[str, str] = {}
    texts: dict[str, str] = {}
    applied = 0
    for _ in range(MAX_ROUNDS):
        fixes = [
            f.fix
            for f in report.findings
            if f.fix is not None
            and fixable(f, unsafe)
            and all(e.file in targets for e in f.fix.edits)
        ]
        if not fixes:
            return Fixed(report, original, _changed(original, texts), applied, True)
        for fix in fixes:
            for edit in fix.edits:
                if edit.file not in texts:
                    text = _text_of(targets[edit.file])
                    if text is not None:
                        original[edit.file] = texts[edit.file] = text
        result = apply_fixes(texts, fixes, dockerfiles)
        if result.texts == texts:
            return Fixed(report, original, _changed(original, texts), applied, True)
        applied += len(result.fixes)
        texts = result.texts
        given = [
            replace(f, content=FileText(texts[f.path], None)) if f.path in texts else f
            for f in files
        ]
        report = run(given, project=project, processes=processes, unsaved=unsaved)
    left = any(f.fix is not None and fixable(f, unsafe) for f in report.findings)
    return Fixed(report, original, _changed(original, texts), applied, not left)


def _text_of(file: InputFile) -> str | None:
    content = file.content if file.content is not None else read_text(file.path)
    return content.text


def _changed(original: dict[str, str], texts: dict[str, str]) -> dict[str, str]:
    return {path: text for path, text in texts.items() if text != original[path]}
