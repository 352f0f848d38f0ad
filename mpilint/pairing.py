"""Which Dockerfile builds the image an MPIJob runs.

Nothing in a manifest names its Dockerfile, so pairing follows the layout users have: one
Dockerfile given is the image of every job; otherwise a job takes the Dockerfile that sits in its
own directory (preferring one named plainly ``Dockerfile``/``Containerfile`` when there are
several).
No pairing means the cross-file rules stay silent, never that they guess.
"""

from __future__ import annotations

import os

_PLAIN = ("Dockerfile", "Containerfile")


def image_for(manifest: str, dockerfiles: list[str]) -> str | None:
    if len(dockerfiles) == 1:
        return dockerfiles[0]
    folder = _folder(manifest)
    same = [d for d in dockerfiles if _folder(d) == folder]
    if len(same) == 1:
        return same[0]
    plain = [d for d in same if os.path.basename(d) in _PLAIN]
    return plain[0] if len(plain) == 1 else None


def _folder(path: str) -> str:
    return os.path.dirname(os.path.abspath(path)) if path != "-" else os.getcwd()
