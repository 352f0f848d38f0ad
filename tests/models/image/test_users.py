"""The image model: stages, users and where they were created, read from Dockerfiles."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpilint.core.findings import Span
from mpilint.models.image import (
    Image,
    User,
    load_image,
    normalise_image,
    user_for_ssh_path,
)
from tests.harness import REPO

# The Dockerfile the platform documents for its SSH-based MPI images (line 1 is FROM).
PLATFORM_DOCKERFILE = (REPO / "tests" / "fixtures" / "image" / "platform.Dockerfile").read_text(
    encoding="utf-8"
)


def _load(text: str) -> Image:
    result = load_image("Dockerfile", textwrap.dedent(text))
    assert result.image is not None, result.problems
    return result.image


def _user(image: Image, name: str) -> User:
    found = [u for u in image.users if u.name == name]
    assert len(found) == 1, [u.name for u in image.users]
    return found[0]


def _names(image: Image) -> set[str]:
    return {u.name for u in image.users}


def _text_at(text: str, span: Span) -> str:
    """The source text a span covers, lines joined with newlines."""
    lines = textwrap.dedent(text).split("\n")
    if span.line == span.end_line:
        return lines[span.line - 1][span.column - 1 : span.end_column - 1]
    middle = lines[span.line : span.end_line - 1]
    return "\n".join(
        [
            lines[span.line - 1][span.column - 1 :],
            *middle,
            lines[span.end_line - 1][: span.end_column - 1],
        ]
    )


# -- the documented Dockerfile -------------------------------------------------------------


def test_platform_dockerfile_user() -> None:
    image = _load(PLATFORM_DOCKERFILE)
    user = _user(image, "user")
    assert (user.uid, user.home, user.origin) == (1000, "/home/user", "useradd")
    assert user.span == Span(9, 5, 9, 28)
    assert _text_at(PLATFORM_DOCKERFILE, user.span) == "useradd -m -u 1000 user"


def test_platform_dockerfile_image_facts() -> None:
    image = _load(PLATFORM_DOCKERFILE)
    assert image.root_base == "debian:buster"
    assert image.root_base_known
    assert image.users_complete
    assert image.user_instruction is None
    assert len(image.stages) == 1 and image.final is image.stages[0]
    assert image.final.base_span == Span(1, 6, 1, 19)
    root = _user(image, "root")
    assert (root.uid, root.home, root.origin) == (0, "/root", "os")
    assert _user(image, "nobody").origin == "os"  # Debian's system users are there too


def test_platform_dockerfile_has_no_problems() -> None:
    assert load_image("Dockerfile", PLATFORM_DOCKERFILE).problems == ()


# -- stages --------------------------------------------------------------------------------

MULTI_STAGE_BUILDER_ONLY = """\
    FROM debian:bookworm AS builder
    RUN useradd -m -u 1000 builduser
    FROM debian:bookworm
    COPY --from=builder /opt /opt
"""

MULTI_STAGE_CHAIN = """\
    FROM debian:bookworm AS base
    RUN useradd -m -u 1000 mpiuser
    FROM base AS sshd
    RUN useradd -m -u 1001 second
    FROM sshd
    USER mpiuser
"""


def test_user_created_only_in_builder_stage_is_not_in_final_image() -> None:
    image = _load(MULTI_STAGE_BUILDER_ONLY)
    assert "builduser" not in _names(image)
    assert image.final.index == 1 and image.final.parent is None
    assert [s.name for s in image.stages] == ["builder", None]


def test_from_stage_chain_keeps_users_and_root_base() -> None:
    image = _load(MULTI_STAGE_CHAIN)
    assert {"mpiuser", "second"} <= _names(image)
    assert [s.parent for s in image.stages] == [None, 0, 1]
    assert image.root_base == "debian:bookworm"
    assert image.user_instruction is not None
    assert image.user_instruction[0] == "mpiuser"
    assert _text_at(MULTI_STAGE_CHAIN, image.user_instruction[1]) == "mpiuser"
    assert _user(image, "mpiuser").span.line == 2


def test_from_stage_names_are_case_insensitive() -> None:
    image = _load("FROM debian AS Builder\nRUN useradd u\nFROM builder\n")
    assert image.final.parent == 0 and "u" in _names(image)


def test_copy_passwd_from_stage_brings_its_users() -> None:
    image = _load(
        """\
        FROM debian AS build
        RUN useradd -u 4242 app
        FROM scratch
        COPY --from=build /etc/passwd /etc/passwd
        """
    )
    assert _user(image, "app").uid == 4242
    assert image.root_base is None and image.users_complete


def test_copy_passwd_from_context_makes_users_incomplete() -> None:
    image = _load("FROM debian\nCOPY passwd /etc/passwd\n")
    assert not image.users_complete


# -- bases ---------------------------------------------------------------------------------


def test_mpi_operator_base_brings_mpiuser() -> None:
    image = _load("FROM mpioperator/openmpi:0.6.0\nRUN useradd -m extra\n")
    mpiuser = _user(image, "mpiuser")
    assert (mpiuser.uid, mpiuser.home) == (None, "/home/mpiuser")
    assert mpiuser.origin == "base:mpioperator/openmpi:0.6.0"
    assert mpiuser.span == Span(1, 6, 1, 31)
    assert image.root_base_known and image.users_complete
    # mpiuser's uid is not pinned, so the next automatic uid cannot be known either.
    assert _user(image, "extra").uid is None


@pytest.mark.parametrize(
    ("base", "next_uid"),
    [
        ("ubuntu:24.04", 1001),  # ships user "ubuntu" with uid 1000
        ("ubuntu:noble", 1001),
        ("ubuntu:22.04", 1000),
        ("debian:bookworm", 1000),
        ("nvidia/cuda:12.6.0-devel-ubuntu24.04", 1001),
        ("nvidia/cuda:12.4.1-devel-ubuntu22.04", 1000),
    ],
)
def test_automatic_uid_depends_on_base_release(base: str, next_uid: int) -> None:
    image = _load(f"FROM {base}\nRUN useradd -m worker\n")
    assert _user(image, "worker").uid == next_uid
    assert image.root_base_known and image.users_complete


@pytest.mark.parametrize(
    ("base", "known", "complete", "users"),
    [
        ("horovod/horovod:0.28.1", True, True, {"root"}),
        ("docker.io/library/alpine:3.20", True, True, {"root"}),
        ("python:3.12-slim", True, True, {"root"}),
        ("example.com/team/mpi:1", False, False, {"root"}),
        ("ubuntu@sha256:" + "a" * 64, True, False, {"root"}),
    ],
)
def test_base_image_lookup(base: str, known: bool, complete: bool, users: set[str]) -> None:
    image = _load(f"FROM {base}\n")
    non_system = {u.name for u in image.users if u.origin != "os"}
    assert non_system | {"root"} == users
    assert "root" in _names(image)
    assert (image.root_base_known, image.users_complete) == (known, complete)


def test_scratch_has_no_users() -> None:
    image = _load("FROM scratch\n")
    assert image.users == () and image.root_base is None and not image.root_base_known


# -- ARG and ENV ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "base", "root_base"),
    [
        ("ARG BASE=mpioperator/openmpi:0.6.0\nFROM $BASE\n", "mpioperator/openmpi:0.6.0", True),
        ('ARG BASE="debian:bookworm"\nFROM ${BASE}\n', "debian:bookworm", True),
        ("ARG BASE\nFROM ${BASE:-ubuntu:22.04}\n", "ubuntu:22.04", True),
        ("ARG TAG=12\nFROM debian:${TAG}-slim\n", "debian:12-slim", True),
        ("ARG BASE\nFROM $BASE\n", "$BASE", False),
        ("FROM $UNDECLARED\n", "$UNDECLARED", False),
    ],
)
def test_from_arg_substitution(text: str, base: str, root_base: bool) -> None:
    image = _load(text)
    assert image.final.base == base
    assert (image.root_base is not None) is root_base
    assert image.root_base_known is root_base
    assert image.users_complete is root_base


def test_unresolved_from_points_at_written_reference() -> None:
    text = "ARG BASE\nFROM --platform=$BUILDPLATFORM $BASE AS b\n"
    image = _load(text)
    assert _text_at(text, image.final.base_span) == "$BASE"
    assert image.final.from_span == Span(2, 1, 2, 42)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("FROM debian\nARG NAME=worker\nRUN useradd -m $NAME\n", "worker"),
        ('FROM debian\nENV NAME=envuser\nRUN useradd -m "${NAME}"\n', "envuser"),
        ("ARG NAME=g\nFROM debian\nARG NAME\nRUN useradd ${NAME}\n", "g"),
    ],
)
def test_user_name_from_known_variable(text: str, name: str) -> None:
    image = _load(text)
    assert name in _names(image)
    assert image.users_complete


@pytest.mark.parametrize(
    "text",
    [
        "FROM debian\nARG NAME\nRUN useradd -m $NAME\n",
        "FROM debian\nRUN useradd -m $(cat /name)\n",
        "FROM debian\nRUN useradd -m $HOME_USER\n",  # may come from the base's ENV
    ],
)
def test_unresolved_user_name_makes_users_incomplete(text: str) -> None:
    image = _load(text)
    assert not image.users_complete
    assert {u.origin for u in image.users} == {"os"}


# -- useradd / adduser forms ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("run", "name", "uid", "home", "origin"),
    [
        ("useradd -ms /bin/bash dave", "dave", 1000, "/home/dave", "useradd"),
        ("useradd -mu 1234 erin", "erin", 1234, "/home/erin", "useradd"),
        ("useradd -u1235 frank", "frank", 1235, "/home/frank", "useradd"),
        ("useradd --uid=1236 --home-dir /opt/g -m gina", "gina", 1236, "/opt/g", "useradd"),
        ("useradd --home /srv/h hank", "hank", 1000, "/srv/h", "useradd"),  # unique prefix
        ("useradd hugo -m -u 1400", "hugo", 1400, "/home/hugo", "useradd"),  # permuted
        ("useradd -b /users ivy", "ivy", 1000, "/users/ivy", "useradd"),
        ("useradd -r -s /usr/sbin/nologin svc", "svc", None, "/home/svc", "useradd"),
        ("/usr/sbin/useradd -N -g users -G sudo -c 'J J' jay", "jay", 1000, "/home/jay", "useradd"),
        ("sudo useradd -m kim", "kim", 1000, "/home/kim", "useradd"),
        (
            'adduser --disabled-password --gecos "" --uid 1500 --home /opt/bob bob',
            "bob",
            1500,
            "/opt/bob",
            "adduser",
        ),
        ("adduser --disabled-password --gecos '' carl", "carl", 1000, "/home/carl", "adduser"),
        ("adduser --system --no-create-home daemonu", "daemonu", None, None, "adduser"),
        ("adduser -D -u 1600 -h /home/mpi -s /bin/sh mpi", "mpi", 1600, "/home/mpi", "adduser"),
        ("adduser -D alpineuser", "alpineuser", 1000, "/home/alpineuser", "adduser"),
        ("adduser -S -D -H svc2", "svc2", None, "/home/svc2", "adduser"),
    ],
)
def test_user_creation_forms(
    run: str, name: str, uid: int | None, home: str | None, origin: str
) -> None:
    text = f"FROM debian:bookworm\nRUN apt-get update && {run}\n"
    image = _load(text)
    user = _user(image, name)
    assert (user.uid, user.home, user.origin) == (uid, home, origin)
    covered = _text_at(text, user.span)
    assert covered.split()[0].endswith(origin) and covered.endswith(name)


@pytest.mark.parametrize(
    "run",
    [
        "adduser mpiuser sudo",  # adds an existing user to a group
        "adduser --group ops",  # creates a group
        "useradd -D -s /bin/bash",  # changes defaults
        "apt-get install -y adduser",  # the package, not the command
        "groupadd -g 1000 mpi",
    ],
)
def test_commands_that_create_no_user(run: str) -> None:
    image = _load(f"FROM debian:bookworm\nRUN {run}\n")
    assert {u.origin for u in image.users} == {"os"}
    assert image.users_complete


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        (["useradd -m a && useradd -m b"], {"a": 1000, "b": 1001}),
        (["useradd -m a", "useradd -m b; useradd -m c"], {"a": 1000, "b": 1001, "c": 1002}),
        (["useradd -u 2000 a && useradd b"], {"a": 2000, "b": 2001}),  # highest + 1
        (["useradd -u 1001 a && adduser -D b"], {"a": 1001, "b": 1000}),  # first free
        (["useradd -r svc && useradd u"], {"svc": None, "u": 1000}),
        (["useradd -u $UID a && useradd b"], {"a": None, "b": None}),
    ],
)
def test_uid_auto_assignment(runs: list[str], expected: dict[str, int | None]) -> None:
    text = "FROM debian\n" + "".join(f"RUN {run}\n" for run in runs)
    image = _load(text)
    assert {name: _user(image, name).uid for name in expected} == expected


def test_usermod_and_userdel_are_followed() -> None:
    image = _load(
        "FROM ubuntu:24.04\nRUN userdel -r ubuntu && useradd -m mpi && usermod -u 1500 mpi\n"
    )
    assert "ubuntu" not in _names(image)
    assert _user(image, "mpi").uid == 1500


def test_echo_into_etc_passwd() -> None:
    text = 'FROM debian\nRUN echo "mpi:x:1500:1500:MPI:/home/mpi:/bin/bash" >> /etc/passwd\n'
    image = _load(text)
    user = _user(image, "mpi")
    assert (user.uid, user.home, user.origin) == (1500, "/home/mpi", "passwd")
    assert _text_at(text, user.span).startswith("echo ")
    assert image.users_complete


@pytest.mark.parametrize(
    "run",
    [
        'echo "mpi:x:1500:1500::/home/mpi:/bin/sh" > /etc/passwd',  # replaces the file
        'echo "$LINE" >> /etc/passwd',
        "cat passwd.extra >> /etc/passwd",
        "if true; then useradd -m maybe; fi",
    ],
)
def test_unreadable_user_changes_make_users_incomplete(run: str) -> None:
    assert not _load(f"FROM debian\nRUN {run}\n").users_complete


# -- positions -----------------------------------------------------------------------------

CONTINUED = """\
    FROM debian
    RUN apt-get update && \\
        # a comment line inside the continuation
        apt-get install -y openssh-server && \\
        useradd \\
          -m -u 1001 alice
"""


def test_span_on_continuation_lines() -> None:
    user = _user(_load(CONTINUED), "alice")
    assert (user.span.line, user.span.end_line) == (5, 6)
    assert _text_at(CONTINUED, user.span) == "useradd \\\n      -m -u 1001 alice"


@pytest.mark.parametrize(
    ("text", "line", "covered"),
    [
        ("# syntax=docker/dockerfile:1\nFROM debian\nRUN useradd bob\n", 3, "useradd bob"),
        ("# escape=`\nFROM debian\nRUN echo hi && `\n  useradd -m bob\n", 4, "useradd -m bob"),
        (
            'FROM debian\nRUN ["useradd", "-m", "-u", "1300", "bob"]\n',
            2,
            'useradd", "-m", "-u", "1300", "bob',
        ),
        ("FROM debian\nRUN sh -c 'useradd -m bob'\n", 2, "useradd -m bob"),
        ("FROM debian\nRUN <<EOF\nset -e\nuseradd -m bob\nEOF\n", 4, "useradd -m bob"),
        ("FROM debian\nRUN bash <<-EOF\n\tuseradd -m bob\n\tEOF\n", 3, "useradd -m bob"),
        ("\ufeffFROM debian\nRUN  useradd bob\n", 2, "useradd bob"),
    ],
)
def test_user_span_forms(text: str, line: int, covered: str) -> None:
    user = _user(_load(text), "bob")
    assert user.span.line == line
    assert _text_at(text.removeprefix("\ufeff"), user.span) == covered


# -- problems, never exceptions -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("FROM debian\nRUN true\nENV ONLYNAME\n", 3, "ENV"),
        ("FROM debian\nRUN <<EOF\nuseradd x\n", 2, "heredoc"),
    ],
)
def test_parse_errors_become_positioned_problems(text: str, line: int, fragment: str) -> None:
    result = load_image("Dockerfile", text)
    assert result.image is None
    assert len(result.problems) == 1
    span, message = result.problems[0]
    assert span.line == line and fragment in message


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n# and another\n",
        "\n\n   \n",
        "\x00\x01\x02\xff\xfe binary \x00",
        "\ud800\udfff FROM",
        "hello world\nthis is not docker\n",
        "RUN useradd x\n",
        "ARG A=1\n",
    ],
)
def test_garbage_gives_problems_and_no_image(text: str) -> None:
    result = load_image("Dockerfile", text)
    assert result.image is None
    assert result.problems
    assert all(isinstance(span, Span) and message for span, message in result.problems)


def test_nul_byte_is_a_problem_but_later_lines_are_still_read() -> None:
    result = load_image("Dockerfile", "FROM debian\x00\nRUN useradd bob\n")
    assert result.image is not None and "bob" in _names(result.image)
    assert [(span, "NUL" in message) for span, message in result.problems] == [
        (Span.point(1, 12), True)
    ]


def test_a_lone_surrogate_is_a_problem_and_the_image_is_still_read() -> None:
    """Only a caller's ``str`` holds one (an editor's JSON may escape one); the reader reads it,
    as it reads a NUL, but a report in UTF-8 could not hold it."""
    result = load_image("Dockerfile", "FROM debian\nRUN useradd b\udc80b && useradd carol\n")
    assert result.image is not None and "carol" in _names(result.image)
    assert [(span, "lone surrogate" in message) for span, message in result.problems] == [
        (Span.point(2, 14), True)
    ]


@pytest.mark.parametrize("final_newline", [True, False])
def test_the_longest_dockerfile_read_and_the_first_refused(final_newline: bool) -> None:
    from mpilint.models.image.dockerfile import MAX_DOCKERFILE_LINES

    def dockerfile(lines: int) -> str:  # a here-document: the cheapest lines to walk
        body = "FROM debian\nRUN <<EOF\n" + "echo hi\n" * (lines - 3) + "EOF"
        return body + "\n" if final_newline else body

    longest = load_image("Dockerfile", dockerfile(MAX_DOCKERFILE_LINES))
    assert longest.image is not None and longest.problems == ()
    refused = load_image("Dockerfile", dockerfile(MAX_DOCKERFILE_LINES + 1))
    assert refused.image is None
    ((span, message),) = refused.problems
    assert span.line == MAX_DOCKERFILE_LINES + 1
    assert message.startswith(f"this Dockerfile has {MAX_DOCKERFILE_LINES + 1:,} lines;")


def test_problems_beside_an_image() -> None:
    result = load_image("Dockerfile", "FROM debian\nFROBNICATE now\nFROM a AS b AS c\n")
    assert result.image is not None
    assert [span.line for span, _ in result.problems] == [2, 3]


_FRAGMENTS = [
    "FROM debian",
    "FROM $BASE AS b",
    "FROM b",
    "ARG BASE",
    "ARG BASE=ubuntu:24.04",
    "RUN useradd -m -u 1000 user",
    "RUN adduser -D $X",
    'RUN echo "a:x:1:1::/h:/bin/sh" >> /etc/passwd',
    "RUN <<EOF",
    "EOF",
    "RUN a \\",
    "  # c",
    "USER user",
    "COPY --from=b /etc/passwd /etc/passwd",
    "# escape=`",
    "ENV A",
    '["x",',
    "\\",
]


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.text(alphabet=st.characters(codec=None, exclude_categories=())),
        st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=8)).map("\n".join),
    )
)
def test_load_image_never_raises(text: str) -> None:
    result = load_image("Dockerfile", text)
    assert result.image is not None or result.problems


# -- helpers built on the model ------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/user/.ssh", "user"),
        ("/home/user/.ssh/authorized_keys", "user"),
        ("/root/.ssh", "root"),
        ("/home/other/.ssh", None),
        ("/home/username/.ssh", None),  # a prefix of the text is not a parent directory
    ],
)
def test_user_for_ssh_path(path: str, expected: str | None) -> None:
    user = user_for_ssh_path(_load(PLATFORM_DOCKERFILE), path)
    assert (user.name if user else None) == expected


@pytest.mark.parametrize(
    ("ref", "canonical"),
    [
        ("debian", "docker.io/library/debian:latest"),
        ("debian:buster", "docker.io/library/debian:buster"),
        ("docker.io/library/debian:buster", "docker.io/library/debian:buster"),
        ("index.docker.io/library/debian", "docker.io/library/debian:latest"),
        ("mpioperator/openmpi:0.6.0", "docker.io/mpioperator/openmpi:0.6.0"),
        ("nvcr.io/nvidia/cuda:12.4.1-devel", "nvcr.io/nvidia/cuda:12.4.1-devel"),
        ("localhost:5000/mpi", "localhost:5000/mpi:latest"),
        ("ubuntu@sha256:abc", "docker.io/library/ubuntu@sha256:abc"),
        ("ubuntu:24.04@sha256:abc", "docker.io/library/ubuntu:24.04@sha256:abc"),
    ],
)
def test_normalise_image(ref: str, canonical: str) -> None:
    assert normalise_image(ref) == canonical


def test_importing_the_package_does_not_load_the_parser() -> None:
    import subprocess
    import sys

    code = "import sys, mpilint.models.image; print('mpilint.sources.dockerparse' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    "run",
    [
        "RUN ./create-users.sh",
        "RUN bash /tmp/setup.sh",
        "RUN curl -fsSL https://example.org/install | bash",
        "RUN . /opt/env && configure-users",
        "RUN apt-get update && /usr/local/bin/bootstrap.sh --users",
    ],
)
def test_scripts_make_the_user_list_incomplete(run: str) -> None:
    """A script may create users the model cannot see; rules must not claim a user is missing."""
    result = load_image("Dockerfile", f"FROM debian:bookworm\n{run}\n")
    assert result.image is not None
    assert result.image.users_complete is False


def test_shell_c_strings_are_followed_not_treated_as_scripts() -> None:
    result = load_image("Dockerfile", "FROM debian:bookworm\nRUN sh -c 'useradd -m alice'\n")
    assert result.image is not None
    assert result.image.users_complete is True
    assert "alice" in {u.name for u in result.image.users}


# -- groups and primary gids ----------------------------------------------------------------

from mpilint.models.image.dockerfile import Group  # noqa: E402  (groups are not re-exported yet)


def _group(image: Image, name: str) -> Group:
    found = [g for g in image.groups if g.name == name]
    assert len(found) == 1, [g.name for g in image.groups]
    return found[0]


def _group_names(image: Image) -> set[str]:
    return {g.name for g in image.groups}


def test_platform_dockerfile_user_group() -> None:
    """shadow's useradd asks find_new_gid for the uid first: user 1000 gets group 1000."""
    image = _load(PLATFORM_DOCKERFILE)
    user = _user(image, "user")
    assert (user.gid, user.group) == (1000, "user")
    group = _group(image, "user")
    assert (group.gid, group.origin, group.span) == (1000, "useradd", user.span)
    assert image.groups_complete
    assert (_group(image, "root").gid, _user(image, "root").gid) == (0, 0)


@pytest.mark.parametrize(
    ("runs", "user", "gid", "group", "groups"),
    [
        (["groupadd -g 2000 mpi && useradd -m -g mpi mpi"], "mpi", 2000, "mpi", {"mpi": 2000}),
        (["groupadd mpi", "useradd -m -g mpi -G sudo u"], "u", 1000, "mpi", {"mpi": 1000}),
        (["groupadd -g 1234 hpc && useradd -g 1234 u"], "u", 1234, "hpc", {"hpc": 1234}),
        (["useradd -g 1234 u"], "u", 1234, None, {}),  # a number needs no name to be a gid
        (["useradd -u 1500 -m u"], "u", 1500, "u", {"u": 1500}),
        (["groupadd -g 1000 taken && useradd -u 1000 u"], "u", 1001, "u", {"u": 1001}),
        (["useradd -u 500 u"], "u", 1000, "u", {"u": 1000}),  # below GID_MIN: not preferred
        (["useradd -N u"], "u", None, None, {}),  # GROUP= of /etc/default/useradd
        (["useradd -g $G u"], "u", None, None, {}),
        (["useradd -r svc"], "svc", None, "svc", {"svc": None}),  # system gids: not followed
        (["groupadd -r sg && groupadd app"], None, None, None, {"sg": None, "app": 1000}),
        (["groupadd -g 1500 a && groupadd b"], None, None, None, {"a": 1500, "b": 1501}),
        (["groupadd -g 1500 a && groupadd -f -g 1500 b"], None, None, None, {"b": 1501}),
        (["groupadd a && groupmod -g 1700 -n b a"], None, None, None, {"b": 1700}),
        (["groupadd -g 1700 a && useradd -g a u && groupmod -g 1800 a"], "u", 1800, "a", {}),
        (["groupadd a && groupdel a"], None, None, None, {}),
        (
            ["adduser --disabled-password --gecos '' carl"],
            "carl",
            1000,
            "carl",
            {"carl": 1000},
        ),
        (["adduser --uid 1400 --disabled-password x"], "x", 1400, "x", {"x": 1400}),
        (
            ["addgroup --gid 3000 hpc && adduser --ingroup hpc --disabled-password u"],
            "u",
            3000,
            "hpc",
            {"hpc": 3000},
        ),
        (
            ["addgroup --quiet hpc && adduser --gid 1000 --disabled-password u"],
            "u",
            1000,
            "hpc",
            {},
        ),
        (["adduser --system svc"], "svc", 65534, "nogroup", {}),
        (["adduser --system --group svc"], "svc", None, "svc", {"svc": None}),
        (["groupadd -g 1000 g && adduser --disabled-password u"], "u", None, "u", {"u": None}),
        (['echo "mpi:x:1500:" >> /etc/group'], None, None, None, {"mpi": 1500}),
        (
            [
                'echo "mpi:x:1500:" >> /etc/group',
                'echo "mpi:x:1500:1500::/home/mpi:/bin/sh" >> /etc/passwd',
            ],
            "mpi",
            1500,
            "mpi",
            {"mpi": 1500},
        ),
    ],
)
def test_group_forms_debian(
    runs: list[str],
    user: str | None,
    gid: int | None,
    group: str | None,
    groups: dict[str, int | None],
) -> None:
    text = "FROM debian:bookworm\n" + "".join(f"RUN {run}\n" for run in runs)
    image = _load(text)
    if user is not None:
        found = _user(image, user)
        assert (found.gid, found.group) == (gid, group)
    assert {name: _group(image, name).gid for name in groups} == groups
    assert image.groups_complete


@pytest.mark.parametrize(
    ("run", "user", "gid", "groups"),
    [
        ("adduser -D bob", "bob", 1000, {"bob": 1000}),  # BusyBox: gid = uid
        ("adduser -D -u 1600 mpi", "mpi", 1600, {"mpi": 1600}),
        ("addgroup -g 1500 mpi && adduser -D -G mpi -u 1500 mpi", "mpi", 1500, {"mpi": 1500}),
        ("addgroup -g 2500 hpc && adduser -D -G hpc u", "u", 2500, {"hpc": 2500}),
        ("addgroup -S sshgrp", None, None, {"sshgrp": None}),
        ("addgroup plain", None, None, {"plain": None}),  # BusyBox's own pick: not followed
        ("adduser -D u && addgroup -g 4000 hpc && addgroup u hpc", "u", 1000, {"hpc": 4000}),
        ("adduser -S -D -H svc", "svc", None, {"svc": None}),
    ],
)
def test_group_forms_busybox(
    run: str, user: str | None, gid: int | None, groups: dict[str, int | None]
) -> None:
    image = _load(f"FROM alpine:3.20\nRUN {run}\n")
    if user is not None:
        assert _user(image, user).gid == gid
    assert {name: _group(image, name).gid for name in groups} == groups
    assert image.groups_complete


@pytest.mark.parametrize(
    ("base", "gid"),
    [
        ("ubuntu:24.04", 1001),  # group ubuntu holds 1000, so does user ubuntu
        ("ubuntu:22.04", 1000),
        ("rockylinux:9", 1000),
        ("mpioperator/openmpi:0.6.0", None),  # mpiuser's group has an unpinned gid
    ],
)
def test_private_group_gid_depends_on_base(base: str, gid: int | None) -> None:
    image = _load(f"FROM {base}\nRUN useradd -m worker\n")
    assert (_user(image, "worker").gid, _group(image, "worker").gid) == (gid, gid)
    assert image.groups_complete


def test_base_groups() -> None:
    image = _load("FROM mpioperator/openmpi:0.6.0\n")
    mpiuser = _user(image, "mpiuser")
    assert (mpiuser.gid, mpiuser.group) == (None, "mpiuser")
    group = _group(image, "mpiuser")
    assert (group.gid, group.origin) == (None, "base:mpioperator/openmpi:0.6.0")
    ubuntu = _load("FROM ubuntu:24.04\n")
    assert (_user(ubuntu, "ubuntu").gid, _group(ubuntu, "ubuntu").gid) == (1000, 1000)
    assert _user(_load("FROM debian\n"), "nobody").group == "nogroup"


def test_userdel_removes_the_private_group() -> None:
    image = _load("FROM ubuntu:24.04\nRUN userdel -r ubuntu && useradd -m mpi\n")
    assert "ubuntu" not in _group_names(image)
    assert (_user(image, "mpi").gid, _group(image, "mpi").gid) == (1000, 1000)


def test_userdel_keeps_a_group_with_members() -> None:
    image = _load("FROM debian\nRUN useradd a && useradd -G a b && userdel a\n")
    assert "a" in _group_names(image) and image.groups_complete


@pytest.mark.parametrize(
    ("base", "run"),
    [
        ("alpine", "useradd -m bob"),  # USERGROUPS_ENAB of this image: not known
        ("example.com/team/mpi:1", "groupadd g"),
        ("debian", "if true; then groupadd g; fi"),
        ("debian", "cat extra >> /etc/group"),
        ("debian", 'echo "$LINE" >> /etc/group'),
        ("debian", "groupadd $NAME"),
        ("debian", "groupadd -R /mnt g"),
        ("debian", "./make-groups.sh"),
        ("ubuntu:24.04", "deluser ubuntu"),  # deluser's handling of the group: not followed
    ],
)
def test_unreadable_group_changes_make_groups_incomplete(base: str, run: str) -> None:
    image = _load(f"FROM {base}\nRUN {run}\n")
    assert not image.groups_complete


@pytest.mark.parametrize(
    "run",
    [
        "cat extra >> /etc/group",
        "groupadd -g 1000 mpi",
        "addgroup -S ssh",
        "groupmod -n b a",
    ],
)
def test_group_commands_leave_users_complete(run: str) -> None:
    assert _load(f"FROM debian:bookworm\nRUN {run}\n").users_complete


def test_alpine_useradd_leaves_gid_unknown() -> None:
    user = _user(_load("FROM alpine\nRUN useradd -m bob\n"), "bob")
    assert (user.uid, user.gid, user.group) == (1000, None, None)


@pytest.mark.parametrize(
    ("text", "line", "covered"),
    [
        ("FROM debian\nRUN groupadd -g 1000 mpi\n", 2, "groupadd -g 1000 mpi"),
        ("FROM debian\nRUN apt-get update && groupadd \\\n  -r mpi\n", 2, "groupadd \\\n  -r mpi"),
        ("FROM alpine\nRUN addgroup -S mpi\n", 2, "addgroup -S mpi"),
        ("FROM debian\nRUN useradd -m mpi\n", 2, "useradd -m mpi"),
        ('FROM debian\nRUN echo "mpi:x:1:" >> /etc/group\n', 2, 'echo "mpi:x:1:"'),
    ],
)
def test_group_span_forms(text: str, line: int, covered: str) -> None:
    group = _group(_load(text), "mpi")
    assert group.span.line == line
    assert _text_at(text, group.span) == covered


MULTI_STAGE_GROUPS = """\
    FROM debian:bookworm AS builder
    RUN groupadd -g 5000 build && useradd -m -g build builder
    FROM debian:bookworm
    RUN useradd -m -u 1000 mpi
"""


def test_group_created_only_in_builder_stage_is_not_in_final_image() -> None:
    image = _load(MULTI_STAGE_GROUPS)
    assert "build" not in _group_names(image)
    assert _group(image, "mpi").gid == 1000 and image.groups_complete


def test_copy_group_from_stage_brings_its_groups() -> None:
    image = _load(
        """\
        FROM debian AS build
        RUN groupadd -g 4242 app
        FROM scratch
        COPY --from=build /etc/group /etc/group
        """
    )
    assert _group(image, "app").gid == 4242 and image.groups_complete
    assert image.users == ()  # /etc/passwd was not copied


def test_copy_group_from_context_makes_groups_incomplete() -> None:
    image = _load("FROM debian\nCOPY group /etc/group\n")
    assert not image.groups_complete and image.users_complete


def test_existing_constructors_keep_working() -> None:
    user = User("u", 1, "/h", Span(1, 1, 1, 2), "os")
    assert (user.gid, user.group) == (None, None)
    image = Image("D", (), _load("FROM debian\n").final, None, False, (), True, None)
    assert image.groups == () and not image.groups_complete


_GROUP_FRAGMENTS = [
    "FROM debian",
    "FROM alpine AS a",
    "FROM a",
    "RUN groupadd -g 1000 g && useradd -g g -G x,y u",
    "RUN groupadd -f -g $G g",
    "RUN groupmod -n h -g 5 g && groupdel h",
    "RUN addgroup -S -g 1 s && addgroup u s && delgroup u s",
    "RUN adduser --system --group --gid 7 s",
    "RUN adduser --group ops",
    "RUN usermod -g 12 -aG a,b u && gpasswd -a u g",
    'RUN echo "g:x:1:a,b" >> /etc/group',
    "RUN echo bad >> /etc/group",
    "RUN userdel u; deluser --group g",
    "COPY --from=a /etc/group /etc/group",
    "RUN <<EOF",
    "EOF",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_GROUP_FRAGMENTS) | st.text(max_size=8)).map("\n".join))
def test_load_image_with_group_commands_never_raises(text: str) -> None:
    result = load_image("Dockerfile", text)
    assert result.image is not None or result.problems
