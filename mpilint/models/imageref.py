"""Whether the kubelet can parse an image reference, and if not, which part it stumbles on.

The kubelet parses every container image with distribution/reference's
``ParseNormalizedNamed`` before it pulls; a reference that does not parse never reaches a
registry: the container waits with reason ``InvalidImageName`` for as long as the pod lives.
So the grammar here is a port of that library (``regexp.go``, ``reference.go``,
``normalize.go``, and the digest check of go-digest), kept in the library's own terms, so that
the verdict is the library's and not a guess. Only the explanation (which part, which
character) is ours: the library says "invalid reference format" for most failures.
"""

from __future__ import annotations

import functools
import re

from mpilint.core.lazyre import lazy
from mpilint.core.records import Record

# regexp.go, verbatim but for Go's [[:xdigit:]]; ASCII so that \w is Go's \w.
_ALPHANUMERIC = r"[a-z0-9]+"
_SEPARATOR = r"(?:[._]|__|[-]+)"
_DOMAIN_COMPONENT = r"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
_OPTIONAL_PORT = r"(?::[0-9]+)?"
_TAG = r"[\w][\w.-]{0,127}"
_DIGEST = r"[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}"
_IDENTIFIER = r"([a-f0-9]{64})"
_IPV6 = r"\[(?:[a-fA-F0-9:]+)\]"
_DOMAIN_NAME = _DOMAIN_COMPONENT + r"(?:\." + _DOMAIN_COMPONENT + r")*"
_HOST = r"(?:" + _DOMAIN_NAME + r"|" + _IPV6 + r")"
_DOMAIN_AND_PORT = _HOST + _OPTIONAL_PORT
_PATH_COMPONENT = _ALPHANUMERIC + r"(?:" + _SEPARATOR + _ALPHANUMERIC + r")*"
_REMOTE_NAME = _PATH_COMPONENT + r"(?:/" + _PATH_COMPONENT + r")*"
_NAME = r"(?:" + _DOMAIN_AND_PORT + r"/)?" + _REMOTE_NAME

_REFERENCE = lazy(r"(" + _NAME + r")(?::(" + _TAG + r"))?(?:@(" + _DIGEST + r"))?", re.ASCII)
_ANCHORED_NAME = lazy(r"(?:(" + _DOMAIN_AND_PORT + r")/)?(" + _REMOTE_NAME + r")", re.ASCII)
_ANCHORED_IDENTIFIER = lazy(_IDENTIFIER)
_DOMAIN_RE = lazy(_DOMAIN_AND_PORT, re.ASCII)
_PATH_RE = lazy(_PATH_COMPONENT, re.ASCII)
_TAG_RE = lazy(_TAG, re.ASCII)
_DIGEST_RE = lazy(_DIGEST, re.ASCII)

NAME_TOTAL_LENGTH_MAX = 255  # reference.go RepositoryNameTotalLengthMax
# go-digest's registered algorithms and the length of their hex encoding.
_DIGEST_LENGTHS = {"sha256": 64, "sha384": 96, "sha512": 128}
_DEFAULT_DOMAIN = "docker.io"


class RefProblem(Record):
    """Why a reference does not parse: ``what`` in words, and the characters [start, end) of
    the part at fault (the whole reference when no one part is)."""

    what: str
    start: int
    end: int


def _split_docker_domain(name: str) -> tuple[str, str]:
    """normalize.go splitDockerDomain, without the docker.io/library canonicalisation (which
    changes no verdict)."""
    maybe_domain, sep, rest = name.partition("/")
    if not sep:
        return _DEFAULT_DOMAIN, name
    if maybe_domain == "localhost" or any(c in maybe_domain for c in ".:"):
        return maybe_domain, rest
    if maybe_domain == "index.docker.io":
        return _DEFAULT_DOMAIN, rest
    if maybe_domain.lower() != maybe_domain:
        return maybe_domain, rest
    return _DEFAULT_DOMAIN, name


def parse(ref: str) -> str | None:
    """reference.go ``Parse``: None when ``ref`` parses, else the library's error text."""
    if ref == "":
        return "repository name must have at least one component"
    match = _REFERENCE().fullmatch(ref)
    if match is None:
        lower = ref.lower()
        if lower != ref and _REFERENCE().fullmatch(lower):
            return "repository name must be lowercase"
        return "invalid reference format"
    name = _ANCHORED_NAME().fullmatch(match.group(1))
    path = name.group(2) if name else match.group(1)
    if len(path) > NAME_TOTAL_LENGTH_MAX:
        return f"repository name must not be more than {NAME_TOTAL_LENGTH_MAX} characters"
    digest = match.group(3)
    if digest:
        algorithm, _, encoded = digest.partition(":")
        length = _DIGEST_LENGTHS.get(algorithm)
        if length is None:
            return "unsupported digest algorithm"
        if len(encoded) != length:
            return "invalid checksum digest length"
        if re.fullmatch(r"[a-f0-9]+", encoded) is None:
            return "invalid checksum digest format"
    return None


@functools.lru_cache(maxsize=256)
def parse_normalized(ref: str) -> str | None:
    """normalize.go ``ParseNormalizedNamed``, what the kubelet calls: None when ``ref``
    parses, else the library's error text."""
    if _ANCHORED_IDENTIFIER().fullmatch(ref):
        return f"invalid repository name ({ref}), cannot specify 64-byte hexadecimal strings"
    domain, remainder = _split_docker_domain(ref)
    remote = remainder.partition(":")[0]
    if remote.lower() != remote:
        return f"invalid reference format: repository name ({remote}) must be lowercase"
    return parse(domain + "/" + remainder)


@functools.lru_cache(maxsize=256)
def image_problem(image: str) -> RefProblem | None:
    """Why the kubelet cannot parse ``image``, naming the part at fault; None when it can."""
    error = parse_normalized(image)
    if error is None:
        return None
    return _locate(image) or RefProblem(f"is not a valid reference ({error})", 0, len(image))


_ODD = lazy(r"[^A-Za-z0-9._:/@\[\]-]")


def _locate(image: str) -> RefProblem | None:
    """The first part (registry, path component, tag, digest) that breaks its own grammar."""
    odd = _ODD().search(image)
    if odd:
        char = odd.group()
        said = "a space" if char == " " else f"the character {char!r}"
        return RefProblem(f"holds {said}, which no image reference may contain", *odd.span())
    if len(image) > 0 and image != image.strip():
        return RefProblem("starts or ends with white space", 0, len(image))
    name_end = image.find("@")
    head = image if name_end < 0 else image[:name_end]
    slash = head.rfind("/")
    colon = head.rfind(":")
    name = head[:colon] if colon > slash else head
    if name_end >= 0:
        problem = _digest_problem(image, name_end + 1)
        if problem:
            return problem
    if colon > slash:
        tag = head[colon + 1 :]
        if not _TAG_RE().fullmatch(tag):
            return RefProblem(
                f"has the tag {tag!r}, but a tag is 1 to 128 letters, digits, '_', '.' or '-'"
                " and does not start with '.' or '-'",
                colon + 1,
                len(head),
            )
    domain, remote = _split_docker_domain(name)
    offset = 0
    if domain != _DEFAULT_DOMAIN or name.startswith(_DEFAULT_DOMAIN + "/"):
        offset = len(name) - len(remote)
        registry = name[: offset - 1]
        if not _DOMAIN_RE().fullmatch(registry):
            return RefProblem(
                f"has the registry {registry!r}, which is not a host name (letters, digits,"
                " '-' and '.') with an optional port",
                0,
                offset - 1,
            )
    start = offset
    for component in remote.split("/"):
        end = start + len(component)
        if not _PATH_RE().fullmatch(component):
            return RefProblem(_component_problem(component), start, end)
        start = end + 1
    if len(remote) > NAME_TOTAL_LENGTH_MAX:
        return RefProblem(
            f"has a repository path of {len(remote)} characters; at most"
            f" {NAME_TOTAL_LENGTH_MAX} are allowed",
            offset,
            len(name),
        )
    return None


def _component_problem(component: str) -> str:
    if component.lower() != component and _PATH_RE().fullmatch(component.lower()):
        return f"has upper-case letters in the repository path component {component!r}"
    if component == "":
        return "has an empty repository path component"
    return (
        f"has the repository path component {component!r}: lower-case letters and digits,"
        " separated by '.', '_', '__' or dashes"
    )


def _digest_problem(image: str, start: int) -> RefProblem | None:
    digest = image[start:]
    end = len(image)
    if not _DIGEST_RE().fullmatch(digest) and not re.fullmatch(r"\w+:[0-9A-Fa-f]+", digest):
        return RefProblem(f"has the digest {digest!r}, which is not ALGORITHM:HEX", start, end)
    algorithm, _, encoded = digest.partition(":")
    length = _DIGEST_LENGTHS.get(algorithm)
    if length is None:
        return RefProblem(
            f"has a digest of algorithm {algorithm!r}; the kubelet knows only sha256,"
            " sha384 and sha512",
            start,
            end,
        )
    if len(encoded) != length or re.fullmatch(r"[a-f0-9]+", encoded) is None:
        return RefProblem(
            f"has a {algorithm} digest that is not {length} lower-case hex digits", start, end
        )
    return None
