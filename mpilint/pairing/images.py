"""Which Dockerfile builds the image an MPIJob runs, and which jobs run a given Dockerfile.

Nothing in a manifest names its Dockerfile, so pairing follows what users say and the layout
they have, in this order:

1. an image map (``--image REF=PATH``, then the configuration's ``images``): the job's launcher,
   then worker, image reference matched against globs;
2. one Dockerfile given is the image of every job given;
3. the Dockerfile in the job's own directory (preferring one named plainly
   ``Dockerfile``/``Containerfile`` when there are several): among the files of the run, then,
   when ``disk`` is on, on disk.

Step 3 on disk is what makes pre-commit work: it passes only the files that changed, and a
changed manifest must still meet the Dockerfile beside it for the cross-file rules to run. The
other way round, ``manifests_for`` finds the jobs that run a changed Dockerfile. No pairing
means the cross-file rules stay silent, never that they guess, unless the job runs a
well-known image as it is: the run then reads that image as a one-line ``FROM`` Dockerfile
(``run.lint.Linter._run_as_is``).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from fnmatch import fnmatchcase

from mpilint.core.paths import shown
from mpilint.core.records import Record
from mpilint.inputs.files import is_dockerfile_name

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from mpilint.inputs.files import FileText
    from mpilint.models.mpijob import MPIJob

_PLAIN = ("Dockerfile", "Containerfile")


class RealPaths:
    """``os.path.realpath``, with each folder resolved once: one per run (``Pairing`` owns it),
    because what the disk holds may change between runs of one process (an editor's server
    lints after files moved), and nothing is kept beyond the run that filled it.

    ``realpath`` looks at every folder level of every path (six system calls for
    ``jobs/j00042/Dockerfile`` under /tmp): a run of 1,000 folders paid 19,000 of them. A name
    that is not a symbolic link adds nothing to its folder's real path, so one ``lstat`` per
    file and per new folder is enough; a link, or a path with ``.``, ``..`` or ``//`` in it,
    goes to ``realpath`` itself. Paths are resolved two or three times in a run (the run's files,
    pairing, the jobs of a Dockerfile)."""

    __slots__ = ("_folders", "_paths")

    def __init__(self) -> None:
        self._paths: dict[str, str] = {}
        self._folders: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        real = self._paths.get(path)
        if real is None:
            real = self._paths[path] = self._resolve(path)
        return real

    def _resolve(self, path: str) -> str:
        folder, name = os.path.split(path)
        if not folder or name in ("", ".", "..") or os.path.normpath(path) != path:
            return os.path.realpath(path)
        # The link test is of the name in its real folder, as realpath's own last step is: the
        # path as given may not even reach it (``missing/../to_a``).
        real_folder = self._folders.get(folder)
        if real_folder is None:
            real_folder = self._folders[folder] = self(folder)
        candidate = os.path.join(real_folder, name)
        return os.path.realpath(path) if os.path.islink(candidate) else candidate


def real_path(path: str) -> str:
    """``os.path.realpath`` through a fresh ``RealPaths``: for a caller outside a run."""
    return RealPaths()(path)


_MANIFEST_SUFFIXES = (".yaml", ".yml")

# manifest path → (image glob, absolute Dockerfile path, where the entry was written) entries
# that apply to it
ImageMap = Callable[[str], Sequence[tuple[str, str, str]]]

# How a pairing was decided (``Decision.by``; the JSON report's ``pairs[].by``).
BY_IMAGE_OPTION = "image-option"
BY_CONFIG = "config-images"
BY_ONLY = "only-dockerfile"
BY_BESIDE = "beside"
BY_NONE = "none"


class Decision(Record):
    """The Dockerfile of a job (``path`` as shown, or None), which step of the order above
    chose it (``by``), and the words ``--verbose`` shows for it (``how``)."""

    path: str | None
    by: str
    how: str


class Pairing:
    """Built once per run: the Dockerfiles indexed by folder, so pairing a manifest is a lookup.

    What it reads from the disk, it reads once per run: each folder's Dockerfiles
    (``_beside``), so that the manifests of one folder do not list it once each (a folder of
    2,000 manifests listed 2,000 times cost 30 times a folder of 200).

    ``unsaved`` (absolute path → text: an editor's open documents, ``mpilint.server``) stands
    for the disk where ``manifests_for`` reads a manifest, and adds the open manifests that are
    not on disk yet: which jobs run a Dockerfile is what the editor shows, not what was last
    saved. The CLI passes none, and reads only the disk."""

    def __init__(
        self,
        dockerfiles: list[str],
        image_map: ImageMap | None = None,
        disk: bool = False,
        unsaved: Mapping[str, FileText] | None = None,
    ) -> None:
        self.real_path = RealPaths()  # this run's: the next run may see files moved
        self._only = dockerfiles[0] if len(dockerfiles) == 1 else None
        self._by_folder: dict[str, list[str]] = defaultdict(list)
        self._given = {self.real_path(p): p for p in dockerfiles if p != "-"}
        self._image_map = image_map
        self._disk = disk
        self._on_disk: dict[str, Decision] = {}  # folder → what _beside found there
        self._unsaved = unsaved or {}
        for path in dockerfiles:
            self._by_folder[_folder(path)].append(path)

    def image_for(self, manifest: str, job: MPIJob | None = None) -> str | None:
        """The Dockerfile of ``job`` in ``manifest`` (as a path to show), or None."""
        return self.decide(manifest, job).path

    def decide(self, manifest: str, job: MPIJob | None = None) -> Decision:
        """The Dockerfile of ``job`` in ``manifest``, and how it was chosen."""
        mapped = self._mapped(manifest, job)
        if mapped is not None:
            return mapped
        if self._only is not None:
            return Decision(self._only, BY_ONLY, "the one Dockerfile of the run")
        same = self._by_folder.get(_folder(manifest), [])
        chosen = _choose(same)
        if chosen is not None:
            return Decision(chosen, BY_BESIDE, "the Dockerfile beside the manifest")
        if not self._disk or manifest == "-":
            return _none(job, _ambiguous(same))
        beside = self._beside(manifest)
        return beside if beside.path is not None else _none(job, beside.how)

    def _mapped(self, manifest: str, job: MPIJob | None) -> Decision | None:
        if job is None or self._image_map is None:
            return None
        entries = self._image_map(manifest)
        for ref in image_refs(job):
            for glob, path, written in entries:
                if _ref_matches(glob, ref) and os.path.isfile(path):
                    by = BY_IMAGE_OPTION if written == "--image" else BY_CONFIG
                    how = f"{ref} matches '{glob}' of {written}"
                    return Decision(self._shown(path), by, how)
        return None

    def _beside(self, manifest: str) -> Decision:
        """The Dockerfile next to ``manifest`` on disk, chosen as within a run; ``how`` says
        why none was when ``path`` is None. Each folder is listed once per run."""
        folder = os.path.dirname(manifest)
        known = self._on_disk.get(folder)
        if known is not None:
            return known
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:
            names = []
        found = [
            os.path.join(folder, n)
            for n in names
            if is_dockerfile_name(n) and os.path.isfile(os.path.join(folder, n))
        ]
        chosen = _choose(found)
        if chosen is None:
            decided = Decision(None, BY_NONE, _ambiguous(found))
        else:
            decided = Decision(self._shown(chosen), BY_BESIDE, "the Dockerfile beside the manifest")
        self._on_disk[folder] = decided
        return decided

    def _shown(self, path: str) -> str:
        """A Dockerfile of the run under the name the user gave it; others relative to the
        working directory when below it."""
        real = self.real_path(path)
        if real in self._given:
            return self._given[real]
        return shown(path)

    def manifests_for(
        self,
        dockerfile: str,
        roots: Sequence[str] = (),
        excluded: Callable[[str], bool] | None = None,
        known: Container[str] = frozenset(),
    ) -> list[str]:
        """Manifests on disk whose jobs pair with ``dockerfile``: YAML files in its folder, and
        under ``roots`` (folders whose image map points at it) those that mention MPIJob.

        Each candidate is parsed to decide, so a manifest that pairs with another Dockerfile of
        the same folder is not checked for nothing. What decides is what pairing would choose
        if the candidate were checked alone: its image map, then the folder on disk. Files in
        ``known`` (real paths of the run's own manifests) are skipped unread: the run checks
        them anyway, and parsing them twice doubled the cost of a tree's manifests. An unsaved
        text is read instead of its file's, and decides as the file's would."""
        target = self.real_path(dockerfile)
        found: list[str] = []
        candidates = _candidates(
            dockerfile, roots, excluded, known, self.real_path, self._unsaved, self._text
        )
        for candidate in candidates:
            if any(
                (paired := (self._mapped(candidate, job) or self._beside(candidate)).path)
                is not None
                and self.real_path(paired) == target
                for job in _jobs(self._text(candidate))
            ):
                found.append(shown(candidate))
        return found

    def _text(self, path: str) -> str | None:
        """A candidate manifest's text: the editor's unsaved one, else the disk's."""
        if self._unsaved:
            unsaved = self._unsaved.get(os.path.abspath(path))
            if unsaved is not None and unsaved.text is not None:
                return unsaved.text
        from mpilint.inputs.files import read_text

        return read_text(path).text


def _candidates(
    dockerfile: str,
    roots: Sequence[str],
    excluded: Callable[[str], bool] | None,
    known: Container[str],
    real_path: Callable[[str], str],
    unsaved: Mapping[str, FileText],
    text_of: Callable[[str], str | None],
) -> Iterator[str]:
    from mpilint.inputs.files import CONFIGURATION_NAMES, expand

    seen: set[str] = set()
    folder = os.path.dirname(dockerfile) or "."
    try:
        names = sorted(os.listdir(folder))
    except OSError:  # standard input named by --stdin-filename in a folder that is not there
        names = []
    beside = [
        os.path.join(os.path.dirname(dockerfile), n)
        for n in names
        if n.endswith(_MANIFEST_SUFFIXES) and os.path.isfile(os.path.join(folder, n))
    ]
    walked = [f.path for root in roots for f in expand([root]) if f.kind == "manifest"]
    if unsaved:  # open manifests not saved yet (their folders' listings miss them)
        here = os.path.abspath(folder)
        under = [os.path.abspath(r) for r in roots]
        for path in unsaved:
            name = os.path.basename(path)
            if not name.endswith(_MANIFEST_SUFFIXES) or name in CONFIGURATION_NAMES:
                continue
            if os.path.dirname(path) == here:
                beside.append(path)
            elif any(path.startswith(r.rstrip(os.sep) + os.sep) for r in under):
                walked.append(path)
    for path in (*beside, *walked):
        real = real_path(path)
        if real in seen or real in known or (excluded is not None and excluded(path)):
            continue
        seen.add(real)
        if path in beside or _mentions_mpijob(path, unsaved, text_of):
            yield path


def _mentions_mpijob(
    path: str, unsaved: Mapping[str, FileText], text_of: Callable[[str], str | None]
) -> bool:
    """A cheap filter before parsing every YAML file of a tree."""
    if unsaved and os.path.abspath(path) in unsaved:
        return "MPIJob" in (text_of(path) or "")
    try:
        with open(path, "rb") as handle:
            return b"MPIJob" in handle.read()
    except OSError:
        return False


def _jobs(text: str | None) -> Iterator[MPIJob]:
    from mpilint.models.mpijob import read_mpijob
    from mpilint.sources.yamlsource import parse_yaml

    if text is None:
        return
    for document in parse_yaml(text).documents:
        job = read_mpijob(document.root, document.index)
        if job is not None:
            yield job


def image_refs(job: MPIJob) -> Iterator[str]:
    """The launcher's image, then the worker's: the order a reader of the job sees them."""
    for replica in (job.launcher, job.worker):
        main = replica.main if replica is not None else None
        if main is not None and main.image is not None and main.image.value:
            yield main.image.value


def _ref_matches(glob: str, ref: str) -> bool:
    from mpilint.models.image.reference import reference_matches

    if fnmatchcase(ref, glob):
        return True
    try:
        return reference_matches(glob, ref)
    except ValueError:
        return False


def _none(job: MPIJob | None, why: str) -> Decision:
    refs = list(image_refs(job)) if job is not None else []
    matched = f"no --image or images: entry matches {refs[0]}" if refs else "the job names no image"
    return Decision(None, BY_NONE, f"{matched}, and {why}")


def _ambiguous(found: list[str]) -> str:
    if not found:
        return "no Dockerfile is beside the manifest"
    return (
        f"{len(found)} Dockerfiles are beside the manifest and not one alone is named plainly"
        " Dockerfile or Containerfile"
    )


def _choose(same: list[str]) -> str | None:
    if len(same) == 1:
        return same[0]
    plain = [d for d in same if os.path.basename(d) in _PLAIN]
    return plain[0] if len(plain) == 1 else None


def _folder(path: str) -> str:
    return os.path.dirname(os.path.abspath(path)) if path != "-" else os.getcwd()
