"""One editor document linted as ``mpilint check`` lints its file, with the unsaved texts of the
other open documents standing for the disk.

Everything goes through the CLI's path (``config.project`` for the configuration closest to the
file, ``run.lint.run`` for pairing, the rules, suppressions and severities), so the editor shows
what CI will say. A ``Project`` and a run are made for each lint and dropped after it: nothing
read from the disk outlives one lint, so a configuration or a Dockerfile changed on disk is seen
at the next one. An open configuration document's unsaved text stands for its file as the other
documents' texts do, and a mistake in it is said on it, where it was typed. Nothing here imports
pygls: the module is plain mpilint, and tested as such.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from mpilint.core.findings import Finding, Span
from mpilint.core.records import Record
from mpilint.inputs.files import CONFIGURATION_NAMES, FileText, InputFile, is_dockerfile_name
from mpilint.ruleapi import Hit, finding

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from mpilint.config.project import Project
    from mpilint.report.result import JobPair
    from mpilint.server.positions import Kind

# A YAML file that names none of these is not a manifest mpilint checks: it stays silent unless
# it holds a job (a kind mistyped as ``MpiJob`` is MPL008's, and is found by the run).
_MENTIONS_JOB = re.compile(r"mpijob", re.IGNORECASE)
CONFIGURATIONS = frozenset({*CONFIGURATION_NAMES, "pyproject.toml"})


class Linted(Record):
    """What the editor shows for one document, and what decides which others to refresh."""

    path: str  # absolute
    findings: tuple[Finding, ...]  # placed in this document
    related: frozenset[str]  # absolute paths of the files paired with it (both ways)
    problem: str | None = None  # a configuration mistake: nothing could be checked
    problem_at: Span | None = None  # where, when this document is the configuration


def kind_of(path: str) -> Kind | None:
    """What the CLI would check the file as, by name, or None (not mpilint's)."""
    name = os.path.basename(path)
    if is_dockerfile_name(name):
        return "dockerfile"
    if name.endswith((".yaml", ".yml")) and name not in CONFIGURATION_NAMES:
        return "manifest"
    return None


def lint(path: str, text: str, unsaved: Mapping[str, str]) -> Linted:
    """Lint ``text`` as the file ``path`` (absolute; it need not exist on disk). ``unsaved``:
    absolute path → text of the other open documents. Never raises: an internal error is
    MPL006 on this document, as a crashing rule is in a run, and the server goes on."""
    kind = kind_of(path)
    if kind is None:
        if os.path.basename(path) in CONFIGURATIONS:
            return _configuration(path, text.removeprefix("\ufeff"))
        return Linted(path, (), frozenset())
    try:
        return _lint(path, kind, text.removeprefix("\ufeff"), unsaved)
    except Exception as error:  # one bad file must not stop the editor's other diagnostics
        hit = Hit(
            Span.point(1, 1),
            f"internal error while checking this file ({type(error).__name__}: {error});"
            " please report it",
        )
        return Linted(path, (finding("MPL006", path, hit),), frozenset())


def _lint(path: str, kind: Kind, text: str, unsaved: Mapping[str, str]) -> Linted:
    from mpilint.config.project import ConfigError
    from mpilint.config.selection import SelectorError
    from mpilint.inputs.trees import chart_of
    from mpilint.run.lint import run

    project = new_project(unsaved)
    try:
        project.check_all([path])
    except (ConfigError, SelectorError) as error:
        return Linted(path, (), frozenset(), f"mpilint: the configuration is invalid: {error}")
    if project.excluded(path) or (kind == "manifest" and chart_of(path, {}) is not None):
        return Linted(path, (), frozenset())  # excluded, or a Helm template: not checked
    texts = {p: FileText(t.removeprefix("\ufeff"), None) for p, t in unsaved.items() if p != path}
    files = [InputFile(path, kind, content=FileText(text, None))]
    report = run(files, project=project, processes=1, unsaved=texts)
    mine = tuple(f for f in report.findings if os.path.abspath(f.file) == path)
    related = {os.path.abspath(p.file) for p in report.pairs} | {
        os.path.abspath(p.dockerfile) for p in report.pairs if p.dockerfile is not None
    }
    related.discard(path)
    if kind == "manifest" and not _a_job_file(path, text, report.pairs, mine):
        return Linted(path, (), frozenset(related))
    return Linted(path, mine, frozenset(related))


def _a_job_file(
    path: str, text: str, pairs: tuple[JobPair, ...], findings: tuple[Finding, ...]
) -> bool:
    """Whether a YAML document is a manifest for mpilint: it holds a job, or names one (a job
    being typed, whose YAML is broken for now, keeps its syntax error)."""
    jobs = any(os.path.abspath(p.file) == path for p in pairs)
    return jobs or bool(_MENTIONS_JOB.search(text)) or any(f.rule == "MPL008" for f in findings)


def new_project(unsaved: Mapping[str, str] | None = None) -> Project:
    """The project a bare ``mpilint PATH`` makes: no command-line overrides; the unsaved texts
    of configuration files among ``unsaved`` stand for the disk's."""
    from mpilint.config.project import Overrides, Project

    configurations = {
        p: t.removeprefix("\ufeff")
        for p, t in (unsaved or {}).items()
        if os.path.basename(p) in CONFIGURATIONS
    }
    return Project(Overrides(), configurations)


def _configuration(path: str, text: str) -> Linted:
    """A configuration document: its mistake, placed, when it is the configuration of its
    folder (a ``pyproject.toml`` without ``[tool.mpilint]``, or one beside an
    ``.mpilint.yaml``, is not read, and so not judged)."""
    from mpilint.config.project import ConfigError, find, load

    if find(os.path.dirname(path), None, {path: text}) != path:
        return Linted(path, (), frozenset())
    try:
        load(path, text)
    except ConfigError as error:
        problem = f"mpilint: the configuration is invalid: {error.message}"
        return Linted(path, (), frozenset(), problem, Span.point(error.line, error.column))
    return Linted(path, (), frozenset())


def fix_all(path: str, text: str, unsaved: Mapping[str, str]) -> str | None:
    """The document with every safe fix applied (``mpilint --fix`` on it), or None when there is
    nothing to fix. Fixes that edit another file are left to their own document."""
    from mpilint.fix.rounds import fix_run

    kind = kind_of(path)
    if kind is None:
        return None
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    texts = {p: FileText(t.removeprefix("\ufeff"), None) for p, t in unsaved.items() if p != path}
    files = [InputFile(path, kind, content=FileText(text.removeprefix("\ufeff"), None))]
    try:
        fixed = fix_run(files, new_project(unsaved), 1, False, unsaved=texts)
    except Exception:  # as in ``lint``: the editor goes on, with nothing to apply
        return None
    after = fixed.texts.get(path)
    return None if after is None else bom + after
