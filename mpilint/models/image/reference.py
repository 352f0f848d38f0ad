"""Image references in one canonical spelling.

``debian``, ``docker.io/library/debian:latest`` and ``index.docker.io/library/debian`` name
the same image; rules that compare the image of a manifest with the ``FROM`` of a Dockerfile,
and the table of known bases, must not care which spelling was used.  The rules follow the
distribution reference grammar Docker uses: the first path component is a registry only if it
looks like a host (has a dot or a port, or is ``localhost``).
"""

from __future__ import annotations

import functools

from mpilint.core.records import Record

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass

__all__ = ["ImageRef", "normalise_image", "split_image"]

_DEFAULT_REGISTRY = "docker.io"
_REGISTRY_ALIASES = {"index.docker.io": _DEFAULT_REGISTRY, "registry-1.docker.io": "docker.io"}


class ImageRef(Record):
    """The parts of a reference; ``repository`` includes the registry (``docker.io/library/x``)."""

    repository: str
    tag: str | None
    digest: str | None

    def canonical(self) -> str:
        text = self.repository
        if self.tag is not None:
            text += f":{self.tag}"
        if self.digest is not None:
            text += f"@{self.digest}"
        return text


def _looks_like_registry(component: str) -> bool:
    return "." in component or ":" in component or component == "localhost"


@functools.lru_cache(maxsize=1024)  # rules ask about the same few references again and again
def split_image(ref: str) -> ImageRef:
    """Split a reference into canonical parts; never raises, even on text that is no reference.

    A reference with neither tag nor digest gets ``latest``, as ``docker pull`` would.
    """
    text = ref.strip()
    name, at, digest = text.partition("@")
    slash = name.rfind("/")
    colon = name.rfind(":")
    tag: str | None = None
    if colon > slash:
        name, tag = name[:colon], name[colon + 1 :]
    first, sep, rest = name.partition("/")
    if sep and _looks_like_registry(first):
        registry = _REGISTRY_ALIASES.get(first.lower(), first.lower())
        path = rest
    else:
        registry, path = _DEFAULT_REGISTRY, name
    if registry == _DEFAULT_REGISTRY and "/" not in path:
        path = f"library/{path}"
    if tag is None and not at:
        tag = "latest"
    return ImageRef(f"{registry}/{path}", tag, digest if at else None)


@functools.lru_cache(maxsize=1024)  # each rule comparing images asks again, for each container
def normalise_image(ref: str) -> str:
    """``registry/namespace/repo:tag`` (digest kept), so equal images compare equal as text."""
    return split_image(ref).canonical()


def glob_matches(name: str, pattern: str) -> bool:
    """``fnmatchcase``, without compiling a pattern that has no wildcard: the built-in tables of
    base images are mostly plain names, and compiling each the first time a run asks costs a
    pre-commit run about a millisecond."""
    if "*" in pattern or "?" in pattern or "[" in pattern:
        from fnmatch import fnmatchcase

        return fnmatchcase(name, pattern)
    return name == pattern


def reference_matches(pattern: str, ref: str) -> bool:
    """Whether ``ref`` is one of the images a configured glob names (``fnmatch``).

    A glob without a tag names every tag of its repository, as the built-in tables do
    (``ghcr.io/mpilint-demo/hpc/base*``); one with a tag names only those tags
    (``ghcr.io/mpilint-demo/hpc/base:2024*``). Both sides are normalised first, so
    ``ubuntu`` and ``docker.io/library/ubuntu`` are the same image.
    """
    wanted, actual = split_image(pattern), split_image(ref)
    if not glob_matches(actual.repository, wanted.repository):
        return False
    last = pattern.rsplit("/", 1)[-1]
    if ":" not in last:
        return True
    return glob_matches(actual.tag or "", wanted.tag or "")
