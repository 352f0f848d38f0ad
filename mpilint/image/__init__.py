"""The image model: what the final image of a Dockerfile contains, as rules need it.

Importing this package stays cheap: the BuildKit parser (a Go binding) is loaded only when
``load_image`` first reads a Dockerfile.
"""

from mpilint.image.dockerfile import (
    Image,
    ImageResult,
    Stage,
    User,
    load_image,
    user_for_ssh_path,
)
from mpilint.image.reference import normalise_image

__all__ = [
    "Image",
    "ImageResult",
    "Stage",
    "User",
    "load_image",
    "normalise_image",
    "user_for_ssh_path",
]
