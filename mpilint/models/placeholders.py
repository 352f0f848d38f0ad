"""What a template placeholder left in a manifest looks like (``IMAGE``, ``<your-image>``,
``REPLACE_ME``): MPL103 reports it, and MPL104 does not compare images that hold one."""

from __future__ import annotations

import functools
import re

# Template markers from the platform example and common READMEs. Whole values or whole image
# parts only: IMAGE_TAG=1.0 or /data/images is real content, not a placeholder.
_EXACT = frozenset({"IMAGE", "COMMAND"})
_ANGLE_TEXT = r"<[A-Za-z][^<>]*>"
# A marker or an <angle> placeholder, in one pattern: every command item is matched against it.
_MARKER = re.compile(
    r"(?:(?i:replace[-_]?me|change[-_]?me|your[-_][a-z0-9][a-z0-9_.-]*|img[-_]placeholder"
    r"|placeholder)|TODO|FIXME|TBD|" + _ANGLE_TEXT + ")"
)
_ANGLE = re.compile(_ANGLE_TEXT)


def is_placeholder(value: str) -> bool:
    return value in _EXACT or _MARKER.fullmatch(value) is not None


@functools.lru_cache(maxsize=256)
def image_placeholder(image: str) -> tuple[int, int] | None:
    """Offsets of the first image part (registry, path, name, tag) that is a placeholder.

    Kept for the images seen last: MPL103 and MPL104 ask about each job's images, and jobs
    share a few images."""
    if image in _EXACT or _ANGLE.fullmatch(image):
        return 0, len(image)
    for match in re.finditer(r"[^/:@]+", image):
        if is_placeholder(match.group()):
            return match.start(), match.end()
    return None
