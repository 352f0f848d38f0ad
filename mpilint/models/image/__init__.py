"""The image model: what the final image of a Dockerfile contains, as rules need it.

Exports are resolved lazily (PEP 562): a run that reads no Dockerfile imports only what it uses
(``normalise_image`` for comparing images), and the Dockerfile reader and the image walk are
imported only when ``load_image`` first reads a Dockerfile.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from mpilint.models.image.dockerfile import (
        Group,
        Image,
        ImageResult,
        Stage,
        User,
        load_image,
        user_for_ssh_path,
    )
    from mpilint.models.image.reference import normalise_image

_HOME = {
    "Group": "dockerfile",
    "Image": "dockerfile",
    "ImageResult": "dockerfile",
    "Stage": "dockerfile",
    "User": "dockerfile",
    "load_image": "dockerfile",
    "user_for_ssh_path": "dockerfile",
    "normalise_image": "reference",
}

__all__ = [
    "Group",
    "Image",
    "ImageResult",
    "Stage",
    "User",
    "load_image",
    "normalise_image",
    "user_for_ssh_path",
]


def __getattr__(name: str) -> object:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"mpilint.models.image.{module}"), name)
    # Kept as the package's own attribute: rules import names here inside their bodies, once
    # per pair, and a found attribute does not come back through this function.
    globals()[name] = value
    return value
