"""What to say when jobs paired with no Dockerfile although Dockerfiles are at hand.

A job that pairs with nothing is checked without its image: the rules that read the image
(MPL2xx, MPL3xx) stay silent, and "No problems found" then says less than it seems to. When
the run or the repository holds Dockerfiles, one note per run says so and shows how to pair,
naming the Dockerfiles whose folder or suffix is the image's name (``registry/ml/train:1.0``
and ``docker/train/Dockerfile`` or ``Dockerfile.train``). The guess is for the note only:
rules run on the pairings the user wrote, never on a guess.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

from mpilint.core.paths import shown
from mpilint.inputs.files import is_dockerfile_name

SHOWN = 3  # candidates named in the note, for as many images


WALKED = 20_000  # entries of a repository looked at, at most: a hint must stay cheap
SKIPPED = frozenset({"node_modules", "vendor", "__pycache__", "venv"})


def repository_dockerfiles(
    start: str, excluded: Callable[[str, bool], bool] | None = None
) -> list[str]:
    """The Dockerfiles of the git repository holding ``start`` (a folder); none outside a
    repository, where no folder says how far to look.

    Only for a hint, and only when a job paired with nothing, but then on every run (a
    pre-commit hook): so a plain walk of names, without ``.gitignore`` (whose patterns cost
    more to load than the walk), skipping hidden folders, the configuration's ``exclude`` and
    the folders of other projects' dependencies, and stopping after ``WALKED`` entries."""
    root = os.path.abspath(start)
    while not os.path.exists(os.path.join(root, ".git")):
        parent = os.path.dirname(root)
        if parent == root:
            return []
        root = parent
    found: list[str] = []
    seen = 0
    for folder, dirs, files in os.walk(root):
        seen += len(dirs) + len(files)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in SKIPPED
            and (excluded is None or not excluded(os.path.join(folder, d), True))
        )
        found.extend(shown(os.path.join(folder, n)) for n in sorted(files) if is_dockerfile_name(n))
        if seen > WALKED:
            break
    return found


def candidates(ref: str, dockerfiles: Iterable[str]) -> list[str]:
    """The Dockerfiles named after the image: its last path component (``train`` of
    ``registry/ml/train:1.0``) as their folder, or as their suffix (``Dockerfile.train``,
    ``Dockerfile-train``, ``train.Dockerfile``, the same with Containerfile)."""
    name = image_name(ref).rsplit("/", 1)[-1].lower()
    if not name:
        return []
    named = {
        f"{stem}{sep}{name}" for stem in ("dockerfile", "containerfile") for sep in (".", "-")
    } | {f"{name}.dockerfile", f"{name}.containerfile"}
    found = []
    for path in dockerfiles:
        base = os.path.basename(path).lower()
        folder = os.path.basename(os.path.dirname(os.path.abspath(path))).lower()
        if base in named or (folder == name and base in ("dockerfile", "containerfile")):
            found.append(path)
    return found


def image_name(ref: str) -> str:
    """``ref`` without its tag or digest: the glob that names every tag of the image."""
    ref = ref.strip().split("@", 1)[0]
    head, colon, tail = ref.rpartition(":")
    return head if colon and "/" not in tail else ref


def note(unpaired: Sequence[tuple[str, str | None]], dockerfiles: Sequence[str]) -> str | None:
    """The note for jobs (their file, their image reference or None) that paired with
    nothing, given the Dockerfiles of the run and the repository; None when there are none."""
    if not unpaired or not dockerfiles:
        return None
    jobs = len(unpaired)
    count = len(dict.fromkeys(dockerfiles))
    text = (
        f"{jobs} MPIJob{'s' if jobs != 1 else ''} paired with no Dockerfile, so the image rules"
        f" (MPL2xx, MPL3xx) did not run on {'them' if jobs != 1 else 'it'}, although"
        f" {count} Dockerfile{'s are' if count != 1 else ' is'} at hand. Pair a job's image"
        " with its Dockerfile: --image REF=PATH, or images: {REF: PATH} in .mpilint.yaml."
    )
    likely: list[str] = []
    for ref in dict.fromkeys(ref for _, ref in unpaired if ref):
        found = candidates(ref, dockerfiles)
        if found and len(likely) < SHOWN:
            paths = " or ".join(found[:2])
            likely.append(f"--image '{image_name(ref)}={found[0]}' ({ref}: {paths})")
    if likely:
        text += " Likely: " + "; ".join(likely) + "."
    return text
