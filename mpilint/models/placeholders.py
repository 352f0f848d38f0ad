"""What a template placeholder left in a manifest looks like (``IMAGE``, ``<your-image>``,
``REPLACE_ME``, ``{{ .Values.image }}``, ``${TAG}``, ``__IMAGE__``): MPL103 reports it, MPL124
leaves invalid images that hold one to MPL103, and MPL104 does not compare images that hold one.

Two strengths: a *template token* or one of the classic markers is certain (no real value is
spelled ``{{ x }}`` or ``REPLACE_ME``); a *placeholder word* (``yourname``, ``myregistry``,
``user/repo:tag``, a registry under ``example.com``) is a heuristic, so it only warns.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from mpilint.core.lazyre import lazy
from mpilint.core.records import Record

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

# Template tokens inside a value. Upper-case only for %X%, __X__ and @X@, and at least two
# characters: ``__init__``, ``date +%Y%m%d`` and ``a@b.c`` are real text. An <angle> token
# must be a whole word, so that ``sh -c "prog <in >out"`` redirections are not one.
_TOKENS = lazy(
    r"(?P<curly>\{\{.*?\}\})"
    r"|(?P<dollar>\$\{[^}\s]*\})"
    r"|(?P<percent>%[A-Z][A-Z0-9_]+%)"
    r"|(?P<dunder>(?<![A-Za-z0-9_])__[A-Z][A-Z0-9_]*[A-Z0-9]__(?![A-Za-z0-9_]))"
    r"|(?P<at>@[A-Z][A-Z0-9_]+@)"
    r"|(?P<angle>(?<![^\s\"'=/:,])<[A-Za-z][A-Za-z0-9 _.-]*>(?![^\s\"'/:,;]))"
)
_TOKEN_WORDS = {
    "curly": "the unrendered template",
    "dollar": "the unsubstituted variable",
    "percent": "the template token",
    "dunder": "the template token",
    "at": "the template token",
    "angle": "the placeholder",
}

# Placeholder words: the heuristic kind.
_GENERIC = frozenset(
    {"user", "username", "org", "organization", "repo", "repository", "image", "namespace"}
    | {"image-name", "image_name", "imagename", "project", "your", "my"}
)
# `your`/`my` glued to a generic noun only: yourlabs/… and mysql are real names.
_MINE = lazy(
    r"(?:your|my)[-_]?(?:registry|repo|repository|image|img|app|tag|org|organization|user"
    r"|username|name|project|account|company|team|namespace|container|docker|dockerhub|hub"
    r"|version|id)",
    re.IGNORECASE,
)
_CLOUD = lazy(
    r"(?:(?:AWS_)?ACCOUNT(?:_ID)?|PROJECT(?:_ID)?|REGION|GCP_PROJECT|AZURE_REGISTRY"
    r"|REGISTRY(?:_NAME)?|ACR_NAME|TENANT(?:_ID)?|ZONE|LOCATION)"
)
_RESERVED_DOMAIN = lazy(r"(?:.+\.)?(?:example\.(?:com|org|net)|[^:]+\.(?:example|invalid))")


class Token(Record):
    """A placeholder at characters [start, end) of a value; ``certain`` unless a heuristic."""

    start: int
    end: int
    what: str
    certain: bool = True


def is_placeholder(value: str) -> bool:
    return value in _EXACT or _MARKER.fullmatch(value) is not None


def template_tokens(text: str) -> Iterator[Token]:
    """Every template token in ``text`` (``{{ x }}``, ``${X}``, ``%X%``, ``__X__``, ``@X@``,
    ``<x>``). ``${X}`` is a shell variable in a command: callers that read commands skip it."""
    for match in _TOKENS().finditer(text):
        kind = match.lastgroup or "angle"
        yield Token(match.start(), match.end(), f"{_TOKEN_WORDS[kind]} {match.group()!r}")


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


@functools.lru_cache(maxsize=256)
def image_marker(image: str) -> Token | None:
    """The first thing in ``image`` that marks it as a template or a placeholder, if any."""
    tokens = list(template_tokens(image))
    # An image has no shell redirections: any <word> is a placeholder, even glued to a dot
    # (`<account>.dkr.ecr.<region>.amazonaws.com`).
    angle = _ANGLE.search(image)
    if angle is not None:
        tokens.append(Token(*angle.span(), f"the placeholder {angle.group()!r}"))
    if tokens:
        return min(tokens, key=lambda token: token.start)
    if "$(" in image:
        start = image.index("$(")
        return Token(
            start, len(image), "a $(VAR) reference, which Kubernetes never expands in an image"
        )
    found = image_placeholder(image)
    if found is not None:
        return Token(*found, f"the placeholder {image[found[0] : found[1]]!r}")
    return _placeholder_word(image)


def _placeholder_word(image: str) -> Token | None:
    """A registry, path component or tag that reads as a stand-in (a heuristic)."""
    name, tag_start = _without_tag(image)
    parts = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^/]+", name)]
    if not parts:
        return None
    first = parts[0][2]
    registry = len(parts) > 1 and (any(c in first for c in ".:") or first == "localhost")
    if registry:
        host = first.partition(":")[0]
        if _RESERVED_DOMAIN().fullmatch(host.lower()):
            return Token(
                parts[0][0],
                parts[0][1],
                f"the registry {first!r} is under a domain reserved for documentation (RFC 2606)",
                certain=False,
            )
        for label in re.finditer(r"[^.:]+", first):
            if _CLOUD().fullmatch(label.group()) or _MINE().fullmatch(label.group()):
                return Token(
                    label.start(),
                    label.end(),
                    f"the placeholder {label.group()!r} in the registry host",
                    certain=False,
                )
    path = parts[1:] if registry else parts
    for start, end, word in path:
        if _MINE().fullmatch(word) or _CLOUD().fullmatch(word):
            return Token(start, end, f"the placeholder {word!r}", certain=False)
    if all(word.lower() in _GENERIC for _, _, word in path):
        start, end = path[0][0], path[-1][1]
        return Token(start, end, f"the generic name {name[start:end]!r}", certain=False)
    if tag_start is not None:
        tag = image[tag_start:]
        if tag.lower() in ("tag", "mytag", "version") or _MINE().fullmatch(tag):
            return Token(tag_start, len(image), f"the placeholder tag {tag!r}", certain=False)
    return None


def _without_tag(image: str) -> tuple[str, int | None]:
    """The name part of ``image`` and where its tag starts (None without a tag)."""
    head = image.partition("@")[0]
    colon, slash = head.rfind(":"), head.rfind("/")
    if colon > slash:
        return head[:colon], colon + 1
    return head, None
