"""Command-line paths → the files to check, each classified as a manifest or a Dockerfile.

A Dockerfile is recognised by name only, because that is how users and build tools name them;
content sniffing would misread YAML that mentions ``FROM``.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable

from mpilint.core.records import Record
from mpilint.inputs.ignore import Ignore, decide, gitignore_of, gitignores_above, ignored
from mpilint.inputs.trees import chart_of

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Literal

if TYPE_CHECKING:
    # "template": a file of a Helm chart's templates/, not checked (``inputs.trees``)
    Kind = Literal["manifest", "dockerfile", "template"]

_DOCKERFILE = re.compile(
    r"^(?:Dockerfile|Containerfile|Dockerfile[.-].+|Containerfile[.-].+|.+\.[Dd]ockerfile)$"
)
_MANIFEST_SUFFIXES = (".yaml", ".yml")
# mpilint's own configuration files (config.NAMES): read as configuration, never linted as
# manifests (pre-commit hands them over with the YAML files that change).
CONFIGURATION_NAMES = frozenset({".mpilint.yaml", ".mpilint.yml"})
STDIN = "-"


class UsageError(Exception):
    """A problem with what the user asked for: exit code 2, one line."""


class InputFile(Record):
    path: str  # as the user will recognise it: given on the command line, or joined to a given dir
    kind: Kind
    chart: str | None = None  # a template's chart folder, absolute


class FileText(Record):
    text: str | None
    problem: tuple[int, int, str] | None  # (line, column, message) when the file is not text


def is_dockerfile_name(name: str) -> bool:
    return bool(_DOCKERFILE.match(os.path.basename(name)))


def expand(
    paths: list[str], excluded: Callable[[str, bool], bool] | None = None
) -> list[InputFile]:
    """Directories contribute manifests and Dockerfiles, minus what ``.gitignore`` lists.

    ``excluded(path, is_folder)`` (the configuration's ``exclude``) applies to explicit files
    too: pre-commit names files one by one, and an exclude that only worked on folders would
    not hold there.
    """
    found: list[InputFile] = []
    seen: set[str] = set()
    gitignores: dict[str, tuple[Ignore, ...]] = {}  # by folder, for this expansion only
    charts: dict[str, str | None] = {}  # by folder, for this expansion only
    for path in paths:
        if path == STDIN:
            candidates = [InputFile(STDIN, "manifest")]
        elif os.path.isdir(path):
            candidates = list(_walk(path, excluded, gitignores))
        elif os.path.exists(path):
            if os.path.basename(path) in CONFIGURATION_NAMES:
                continue
            kind: Kind = "dockerfile" if is_dockerfile_name(path) else "manifest"
            candidates = [InputFile(path, kind)]
        else:
            raise UsageError(f"no such file or directory: {path}")
        for candidate in candidates:
            if excluded is not None and candidate.path != STDIN and excluded(candidate.path, False):
                continue
            if candidate.path not in seen:
                seen.add(candidate.path)
                found.append(_as_template(candidate, charts))
    return found


def _as_template(candidate: InputFile, charts: dict[str, str | None]) -> InputFile:
    """A Helm chart's template is not a manifest until it is rendered, whether the walk found
    it or the user named it: the run says once per chart how to lint what it renders."""
    if candidate.kind != "manifest" or candidate.path == STDIN:
        return candidate
    chart = chart_of(candidate.path, charts)
    return candidate if chart is None else InputFile(candidate.path, "template", chart)


def _walk(
    root: str,
    excluded: Callable[[str, bool], bool] | None = None,
    gitignores: dict[str, tuple[Ignore, ...]] | None = None,
) -> list[InputFile]:
    """Sorted, so that output does not depend on the file system's order.

    Hidden directories (.git, .venv…) are skipped; symlinked directories are not followed,
    so a link loop cannot make the walk endless. ``.gitignore`` files of the repository above
    ``root`` and inside the tree are read as git would (``mpilint.inputs.ignore``; git is not
    needed).
    Like git, the walk decides each entry on its own: the folders it is in were decided when
    the walk entered them, and it does not enter an ignored one.
    """
    found: list[InputFile] = []
    rules: dict[str, tuple[Ignore, ...]] = {}
    above = gitignores_above(root, gitignores)
    if above and ignored(above, root, True):
        return found
    for folder, dirs, files in os.walk(root):
        key = os.path.normpath(folder)
        # the parent's rules: os.path.dirname("sub") is "", and the root "." is keyed "."
        parent = rules.get(os.path.dirname(key) or os.curdir, above)
        here = (*parent, *gitignore_of(os.path.abspath(folder), gitignores))
        rules[key] = here

        def skip(path: str, is_folder: bool, here: tuple[Ignore, ...] = here) -> bool:
            if here and decide(here, os.path.abspath(path), is_folder):
                return True
            return excluded is not None and excluded(path, is_folder)

        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not skip(os.path.join(folder, d), True)
        )
        for name in sorted(files):
            path = os.path.join(folder, name)
            if skip(path, False):
                continue
            if is_dockerfile_name(name):
                found.append(InputFile(path, "dockerfile"))
            elif name.endswith(_MANIFEST_SUFFIXES) and name not in CONFIGURATION_NAMES:
                found.append(InputFile(path, "manifest"))
    return found


def read_text(path: str) -> FileText:
    """The file as text, or where and why it is not text (never an exception for bad content)."""
    try:
        data = sys.stdin.buffer.read() if path == STDIN else _read_bytes(path)
    except OSError as error:
        return FileText(None, (1, 1, f"cannot read the file: {error.strerror or error}"))
    if b"\x00" in data[:8192]:
        return FileText(None, (1, 1, "the file is binary (it contains NUL bytes), not text"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        return FileText(
            None,
            (line, column, f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x})"),
        )
    return FileText(text, None)


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()
