"""The reference grammar against cases of distribution/reference's own tests
(``reference_test.go`` TestReferenceParse, ``normalize_test.go`` TestValidateReferenceName and
TestParseRepositoryInfo): the library's verdict is the source of truth, so each case here is
one the library decides, with the library's error text."""

from __future__ import annotations

import pytest

from mpilint.models.imageref import image_problem, parse, parse_normalized

_HEX64 = "f" * 64

# (input, error of reference.Parse or None); from TestReferenceParse.
PARSE_CASES = [
    ("test_com", None),
    ("test.com:tag", None),
    ("test.com:5000", None),
    ("test.com/repo:tag", None),
    ("test:5000/repo", None),
    ("test:5000/repo:tag", None),
    (f"test:5000/repo@sha256:{_HEX64}", None),
    (f"test:5000/repo:tag@sha256:{_HEX64}", None),
    ("", "repository name must have at least one component"),
    (":justtag", "invalid reference format"),
    (f"@sha256:{_HEX64}", "invalid reference format"),
    ("repo@sha256:" + "f" * 63, "invalid checksum digest length"),
    ("repo@sha256:" + "Z" * 64, "invalid reference format"),
    ("validname@invaliddigest:" + "f" * 64, "unsupported digest algorithm"),
    ("Uppercase:tag", "repository name must be lowercase"),
    ("test:5000/Uppercase/lowercase:tag", "repository name must be lowercase"),
    ("lowercase:Uppercase", None),
    ("domain/" + "a" * 256 + ":tag", "repository name must not be more than 255 characters"),
    ("a/" * 127 + "a:tag-puts-this-over-max", None),
    ("example.com/" + "a" * 255 + ":tag", None),
    ("aa/asdf$$^/aa", "invalid reference format"),
    ("sub-dom1.foo.com/bar/baz/quux", None),
    ("sub-dom1.foo.com/bar/baz/quux:some-long-tag", None),
    ("b.gcr.io/test.example.com/my-app:test.example.com", None),
    ("xn--n3h.com/myimage:xn--n3h.com", None),
    ("foo_bar.com:8080", None),
    ("foo/foo_bar.com:8080", None),
    ("192.168.1.1", None),
    ("192.168.1.1:tag", None),
    ("192.168.1.1:5000", None),
    ("192.168.1.1/repo", None),
    ("192.168.1.1:5000/repo", None),
    ("[2001:db8::1]", "invalid reference format"),
    ("[2001:db8::1]:5000", "invalid reference format"),
    ("[2001:db8::1]:tag", "invalid reference format"),
    ("[2001:db8::1]/repo", None),
    ("[2001:db8:1:2:3:4:5:6]/repo:tag", None),
    ("[2001:db8::1]:5000/repo", None),
    ("[2001:db8::]:5000/repo", None),
    ("[::1]:5000/repo", None),
    ("[fe80::1%eth0]:5000/repo", "invalid reference format"),
    ("[fe80::1%@invalidzone]:5000/repo", "invalid reference format"),
]


@pytest.mark.parametrize(("ref", "error"), PARSE_CASES)
def test_parse_gives_the_library_verdict(ref: str, error: str | None) -> None:
    assert parse(ref) == error


# What the kubelet calls (ParseNormalizedNamed); from TestValidateReferenceName.
VALID = [
    "docker/docker",
    "library/debian",
    "debian",
    "localhost/library/debian",
    "LOCALDOMAIN/library/debian",
    "docker.io/docker/docker",
    "index.docker.io/debian",
    "127.0.0.1:5000/docker/docker",
    "192.168.0.1:8/debian",
    "[fc00::1]:5000/docker/docker",
    "docker.io/" + "1a3f" * 16,
    "Docker/docker",
    "DOCKER/docker",
]
INVALID = [
    "https://github.com/docker/docker",
    "docker/Docker",
    "-docker",
    "-docker/docker",
    "-docker.io/docker/docker",
    "docker///docker",
    "docker.io/docker/Docker",
    "[fc00::1]:5000",
    "fc00::1:5000/debian",
    "[fe80::1%eth0]:5000/debian",
    "[2001:db8:3:4::192.0.2.33]:5000/debian",
    "1a3f" * 16,
]


@pytest.mark.parametrize("ref", VALID)
def test_valid_references_have_no_problem(ref: str) -> None:
    assert parse_normalized(ref) is None
    assert image_problem(ref) is None


@pytest.mark.parametrize("ref", INVALID)
def test_invalid_references_name_a_part(ref: str) -> None:
    assert parse_normalized(ref) is not None
    problem = image_problem(ref)
    assert problem is not None
    assert 0 <= problem.start <= problem.end <= len(ref)


def test_normalized_upper_case_text_is_the_librarys() -> None:
    assert parse_normalized("docker/Docker") == (
        "invalid reference format: repository name (docker/Docker) must be lowercase"
    )


@pytest.mark.parametrize(
    ("ref", "part", "said"),
    [
        ("ghcr.io/Kubeflow/pi:1", "Kubeflow", "upper-case letters"),
        ("ghcr.io/kubeflow/pi:-1", "-1", "the tag '-1'"),
        ("ghcr.io/kubeflow/pi:" + "a" * 129, "a" * 129, "1 to 128"),
        ("ghcr.io/kubeflow/pi:" + "a" * 128, None, None),
        ("pi@sha256:" + "f" * 63, "sha256:" + "f" * 63, "64 lower-case hex digits"),
        ("pi@md5:" + "f" * 32, "md5:" + "f" * 32, "only sha256, sha384 and sha512"),
        ("ghcr.io/kubeflow/p i:1", " ", "a space"),
        ("ghcr.io/kubeflow/pi:<tag>", "<", "the character '<'"),
        ("bad_host.io/x/pi:1", None, None),  # not a host, but a valid path component
        ("-bad.io/x/pi:1", "-bad.io", "the registry"),
        ("x/" + "a" * 253, None, None),  # 255 characters: the limit
        ("x/" + "a" * 254, "x/" + "a" * 254, "256 characters"),
    ],
)
def test_the_part_at_fault(ref: str, part: str | None, said: str | None) -> None:
    problem = image_problem(ref)
    if part is None:
        assert problem is None
        return
    assert problem is not None
    assert ref[problem.start : problem.end] == part
    assert said is not None and said in problem.what
