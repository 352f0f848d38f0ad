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


class FileText(Record):
    text: str | None
    problem: tuple[int, int, str] | None  # (line, column, message) when the file is not text


class InputFile(Record):
    path: str  # as the user will recognise it: given on the command line, or joined to a given dir
    kind: Kind
    # Read from standard input and reported as ``path`` (``--stdin-filename``, else "-"); its
    # text is read once, up front (``read_stdin``), and travels with the run as ``content``.
    stdin: bool = False
    content: FileText | None = None
    chart: str | None = None  # a template's chart folder, absolute


def is_dockerfile_name(name: str) -> bool:
    return bool(_DOCKERFILE.match(os.path.basename(name)))


def expand(
    paths: list[str],
    excluded: Callable[[str, bool, str | None], bool] | None = None,
    stdin_name: str | None = None,
    force_exclude: bool = False,
) -> list[InputFile]:
    """Directories contribute manifests and Dockerfiles, minus what ``.gitignore`` lists.

    ``excluded(path, is_folder, below)`` is the configuration's ``exclude``, deciding only the
    folders under ``below`` when it is given. What the user named is checked: a file named on
    the command line, or standard input under ``stdin_name``, is checked even when ``exclude``
    lists it, and a named folder is walked even when ``exclude`` or ``.gitignore`` would skip
    it in a walk from above (what is inside it is still filtered), as ruff does: "checked 0
    files" for ``mpilint build/`` on the gitignored output of ``helm template --output-dir
    build/`` is the silent pass this project refuses. ``force_exclude`` applies both to named
    paths too, as before: pre-commit names files one by one, and a configured ``exclude``
    must hold there (ruff's ``--force-exclude``, which ruff's own hook passes).
    """
    found: list[InputFile] = []
    seen: set[str] = set()
    gitignores: dict[str, tuple[Ignore, ...]] = {}  # by folder, for this expansion only
    charts: dict[str, str | None] = {}  # by folder, for this expansion only
    for path in paths:
        filter_named = force_exclude  # a named file (or stdin's name): only with --force-exclude
        if path == STDIN:
            name = stdin_name or STDIN
            kind: Kind = "dockerfile" if stdin_name and is_dockerfile_name(name) else "manifest"
            candidates = [InputFile(name, kind, stdin=True)]
            filter_named = force_exclude and stdin_name is not None
        elif os.path.isdir(path):
            candidates = list(_walk(path, excluded, gitignores, force_exclude))
            filter_named = False  # _walk filtered what it found
        elif os.path.exists(path):
            if os.path.basename(path) in CONFIGURATION_NAMES:
                continue
            kind = "dockerfile" if is_dockerfile_name(path) else "manifest"
            candidates = [InputFile(path, kind)]
        else:
            raise UsageError(f"no such file or directory: {path}")
        for candidate in candidates:
            if filter_named and excluded is not None and excluded(candidate.path, False, None):
                continue
            if candidate.path not in seen:
                seen.add(candidate.path)
                found.append(_as_template(candidate, charts))
    return found


def _as_template(candidate: InputFile, charts: dict[str, str | None]) -> InputFile:
    """A Helm chart's template is not a manifest until it is rendered, whether the walk found
    it or the user named it: the run says once per chart how to lint what it renders."""
    if candidate.kind != "manifest" or candidate.stdin:
        return candidate
    chart = chart_of(candidate.path, charts)
    return candidate if chart is None else InputFile(candidate.path, "template", chart=chart)


def _walk(
    root: str,
    excluded: Callable[[str, bool, str | None], bool] | None = None,
    gitignores: dict[str, tuple[Ignore, ...]] | None = None,
    force_exclude: bool = True,
) -> list[InputFile]:
    """Sorted, so that output does not depend on the file system's order.

    Hidden directories (.git, .venv…) are skipped; symlinked directories are not followed,
    so a link loop cannot make the walk endless; a file reached by a link and by its own name
    is listed once (``_once``). ``.gitignore`` files of the repository above
    ``root`` and inside the tree are read as git would (``mpilint.inputs.ignore``; git is not
    needed).
    Like git, the walk decides each entry on its own: the folders it is in were decided when
    the walk entered them, and it does not enter an ignored one. ``root`` itself, and the
    folders above it, are judged only with ``force_exclude`` (a named folder is walked).
    """
    found: list[InputFile] = []
    links: set[str] = set()  # files of the walk met through a symbolic link
    rules: dict[str, tuple[Ignore, ...]] = {}
    above = gitignores_above(root, gitignores)
    if force_exclude:
        if above and ignored(above, root, True):
            return found
        if excluded is not None and excluded(root, True, None):
            return found
    below = None if force_exclude else root
    for folder, dirs, files in os.walk(root):
        key = os.path.normpath(folder)
        # the parent's rules: os.path.dirname("sub") is "", and the root "." is keyed "."
        parent = rules.get(os.path.dirname(key) or os.curdir, above)
        here = (*parent, *gitignore_of(os.path.abspath(folder), gitignores))
        rules[key] = here

        def skip(path: str, is_folder: bool, here: tuple[Ignore, ...] = here) -> bool:
            if here and decide(here, os.path.abspath(path), is_folder):
                return True
            return excluded is not None and excluded(path, is_folder, below)

        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not skip(os.path.join(folder, d), True)
        )
        for name in sorted(files):
            path = os.path.join(folder, name)
            if skip(path, False):
                continue
            path = _tidy(path)
            if is_dockerfile_name(name):
                found.append(InputFile(path, "dockerfile"))
            elif name.endswith(_MANIFEST_SUFFIXES) and name not in CONFIGURATION_NAMES:
                found.append(InputFile(path, "manifest"))
            else:
                continue
            if os.path.islink(path):
                links.add(path)
    return _once(found, links) if links else found


_HERE = os.curdir + os.sep


def _tidy(path: str) -> str:
    """A walked file's name without the ``./`` a walk of ``.`` puts before it: the name every
    report, annotation and baseline uses is the one ``git`` and ruff use (GitHub matches an
    annotation's ``file`` to the repository's paths)."""
    while path.startswith(_HERE) and path.strip(os.sep + os.curdir):
        path = path[len(_HERE) :].lstrip(os.sep)  # ``.//x`` is ``./x``
    return path


def _once(found: list[InputFile], links: set[str]) -> list[InputFile]:
    """Each file of a walk once, though symbolic links give it several names: a link whose
    target the walk also met under its own name is dropped, and of several links to one file
    outside those, the first met is kept.

    The file's own name wins over the walk's order because it is the name an editor, a
    suppression's author and ``git`` use for it; a link is only another way to reach it. A
    target outside the walk keeps the link's name, which stays inside the folder the user
    named."""
    real_folders: dict[str, str] = {}

    def real(path: str) -> str:
        if path in links:
            return os.path.realpath(path)
        folder, name = os.path.split(path)
        if folder not in real_folders:
            real_folders[folder] = os.path.realpath(folder)
        return os.path.join(real_folders[folder], name)

    met = {real(f.path) for f in found if f.path not in links}
    kept: list[InputFile] = []
    for file in found:
        if file.path in links:
            target = real(file.path)
            if target in met:
                continue
            met.add(target)
        kept.append(file)
    return kept


def read_stdin() -> FileText:
    """Standard input, read once before the run; nothing but whitespace is a usage error.

    A pipeline whose producer failed (``helm template`` on a broken chart, ``kustomize build``
    on a missing base) prints nothing to standard output, and CI shells often run without
    ``pipefail``, so only mpilint can stop the step from passing. Whitespace alone counts as
    nothing (an ``echo`` of an empty variable); a comment does not: a producer that printed one
    ran, and a YAML stream of comments is a valid empty stream, reported as holding no MPIJob.
    """
    content = read_text(STDIN)
    if content.text is not None and not content.text.strip():
        raise UsageError(
            "standard input is empty: there is nothing to check (the usual cause is a command"
            " before the pipe that failed, such as `helm template` on a chart with an error)"
        )
    return content


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
