"""Which Dockerfile builds the image an MPIJob runs.

Nothing in a manifest names its Dockerfile, so pairing follows the layout users have: one
Dockerfile given is the image of every job; otherwise a job takes the Dockerfile that sits in its
own directory (preferring one named plainly ``Dockerfile``/``Containerfile`` when there are
several). No pairing means the cross-file rules stay silent, never that they guess.
"""

from __future__ import annotations

import os
from collections import defaultdict

_PLAIN = ("Dockerfile", "Containerfile")


class Pairing:
    """Built once per run: the Dockerfiles indexed by folder, so pairing a manifest is a lookup."""

    def __init__(self, dockerfiles: list[str]) -> None:
        self._only = dockerfiles[0] if len(dockerfiles) == 1 else None
        self._by_folder: dict[str, list[str]] = defaultdict(list)
        for path in dockerfiles:
            self._by_folder[_folder(path)].append(path)

    def image_for(self, manifest: str) -> str | None:
        if self._only is not None:
            return self._only
        same = self._by_folder.get(_folder(manifest), [])
        if len(same) == 1:
            return same[0]
        plain = [d for d in same if os.path.basename(d) in _PLAIN]
        return plain[0] if len(plain) == 1 else None


def _folder(path: str) -> str:
    return os.path.dirname(os.path.abspath(path)) if path != "-" else os.getcwd()
