"""What the image model keeps between Dockerfiles and rules, and its faster helpers, must give
the answers computed afresh."""

from __future__ import annotations

import fnmatch
import posixpath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpilint.core.findings import Span
from mpilint.core.records import replace
from mpilint.models.image import load_image
from mpilint.models.image.dockerfile import User, _Logical, _normal, user_for_ssh_path
from mpilint.models.image.files import _dirname, _escapes, _named, _norm, _under, files_of
from mpilint.models.image.sed import Line, parse_sed, run_sed
from mpilint.models.image.software import software_of
from mpilint.models.image.sshconfig import read_config, split_line

# -- sed ------------------------------------------------------------------------------------


def test_sed_results_take_the_span_of_each_run() -> None:
    """The changes are kept by text; the lines they make carry the span of the sed at hand."""
    commands = parse_sed(["s/^#Port 22/Port 2222/", "$a UseDNS no"], extended=False)
    lines = (Line("#Port 22", None), Line("X 1", Span(9, 1, 9, 4)))
    first = run_sed(commands, lines, Span(3, 5, 3, 20))
    second = run_sed(commands, lines, Span(7, 5, 7, 20))
    assert [line.text for line in first] == ["Port 2222", "X 1", "UseDNS no"]
    assert [line.span for line in first] == [Span(3, 5, 3, 20), Span(9, 1, 9, 4), Span(3, 5, 3, 20)]
    assert [line.span for line in second] == [
        Span(7, 5, 7, 20),
        Span(9, 1, 9, 4),
        Span(7, 5, 7, 20),
    ]
    assert first[1] is lines[1]  # untouched lines stay as they were


def test_sed_scripts_that_are_not_followed_still_raise_each_time() -> None:
    from mpilint.models.image.sed import SedError

    for _ in range(2):
        with pytest.raises(SedError):
            parse_sed(["y/abc/xyz/"], extended=False)


# -- echo and printf escapes ------------------------------------------------------------------

_C_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", "a": "\a", "r": "\r", "v": "\v", "f": "\f"}


def _escapes_by_character(text: str) -> str | None:
    """The reading ``_escapes`` must keep: one character at a time, as dash does."""
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            d = text[i + 1]
            if d in _C_ESCAPES:
                out.append(_C_ESCAPES[d])
                i += 2
                continue
            if d in "0123456789xcuUe":
                return None
        out.append(c)
        i += 1
    return "".join(out)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab \\ntrx0cUeq\n%", max_size=20))
def test_escapes_read_as_one_character_at_a_time(text: str) -> None:
    assert _escapes(text) == _escapes_by_character(text)


# -- paths ----------------------------------------------------------------------------------

_PATHS = st.text(alphabet="/.ab*?[]", max_size=12)


@settings(max_examples=500, deadline=None)
@given(_PATHS, st.lists(_PATHS, max_size=6, unique=True), _PATHS, st.booleans())
def test_path_helpers_agree_with_posixpath_and_fnmatch(
    path: str, tracked: list[str], pattern: str, below: bool
) -> None:
    assert _dirname(path) == posixpath.dirname(path)
    assert _normal(path) == posixpath.normpath(path)
    assert _norm(path) == (posixpath.normpath(path) if path else path)
    named = [
        p for p in tracked if fnmatch.fnmatchcase(p, pattern) or (below and _under(p, pattern))
    ]
    assert _named(dict.fromkeys(tracked), pattern, below) == named


# -- positions ------------------------------------------------------------------------------


def _span_by_characters(logical: _Logical, start: int, end: int) -> Span:
    if start < 0 or end > len(logical.text) or start >= end or not logical.runs:
        return logical.fallback
    line, column = logical.at(start)
    end_line, end_column = logical.at(end - 1)
    return Span(line, column, end_line, end_column + 1)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=4),
    st.integers(min_value=-2, max_value=30),
    st.integers(min_value=-2, max_value=30),
)
def test_spans_of_continued_instructions(widths: list[int], start: int, end: int) -> None:
    runs: list[tuple[int, int, int]] = []
    size = 0
    for number, width in enumerate(widths, start=2):
        runs.append((size, number, 5))
        size += width
    logical = _Logical("x" * size, tuple(runs), 2, 1, "RUN x")
    assert logical.span(start, end) == _span_by_characters(logical, start, end)


# -- rules' readings ------------------------------------------------------------------------

_SERVER = (
    "FROM debian:bookworm\n"
    "RUN apt-get update && apt-get install -y openssh-server && "
    "echo 'Port 2222' >> /etc/ssh/sshd_config\n"
)


def test_every_rule_reads_the_same_facts_and_readings() -> None:
    result = load_image("Dockerfile", _SERVER)
    assert result.image is not None
    facts = files_of(result.image)
    assert facts is not None and files_of(result.image) is facts
    config = read_config(facts, "/etc/ssh/sshd_config", server=True)
    assert read_config(facts, "/etc/ssh/sshd_config", server=True) is config
    assert read_config(facts, "/etc/ssh/sshd_config", server=False) is not config
    ports = config.values("Port")
    assert isinstance(ports, tuple) and [s.value for s in ports] == ["2222"]


def test_images_read_apart() -> None:
    other = load_image("Dockerfile", _SERVER.replace("2222", "2022"))
    first = load_image("Dockerfile", _SERVER)
    assert other.image is not None and first.image is not None
    readings = []
    for image in (first.image, other.image):
        facts = files_of(image)
        assert facts is not None
        readings.append(read_config(facts, "/etc/ssh/sshd_config", server=True).value("Port"))
    assert [getattr(r, "value", None) for r in readings] == ["2222", "2022"]


def test_split_line_raises_on_every_call() -> None:
    for _ in range(2):
        with pytest.raises(ValueError):
            split_line('Match User "unterminated')
    assert split_line("  Port=2222 # comment") == ("port", ("2222",))


def _user_for_ssh_path_afresh(users: list[User], ssh_path: str) -> User | None:
    """The reading ``user_for_ssh_path`` must keep, normalising every home each time."""
    path = posixpath.normpath(ssh_path)
    best: User | None = None
    for user in users:
        home = posixpath.normpath(user.home) if user.home else None
        if home is None or home == "/":
            continue
        if (path == home or path.startswith(home + "/")) and (
            best is None or len(home) > len(posixpath.normpath(best.home or ""))
        ):
            best = user
    return best


_HOMES = st.one_of(
    st.none(), st.sampled_from(["", "/", "/root", "/home/a", "/home/a/", "/home//a"])
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_HOMES, _PATHS), max_size=5), _PATHS)
def test_user_for_ssh_path_agrees_with_normalising_every_home(
    homes: list[tuple[str | None, str]], ssh_path: str
) -> None:
    span = Span.point(1, 1)
    users = [
        User(f"u{i}", i, fixed if fixed is not None else drawn, span, "useradd")
        for i, (fixed, drawn) in enumerate(homes)
    ]
    result = load_image("Dockerfile", "FROM scratch\n")
    assert result.image is not None
    image = replace(result.image, users=tuple(users))
    for path in (ssh_path, "/home/a/.ssh", "/root/.ssh"):
        assert user_for_ssh_path(image, path) is _user_for_ssh_path_afresh(users, path)


def test_software_facts_are_kept_by_image_and_equal_those_made_afresh() -> None:
    first = load_image("Dockerfile", _SERVER)
    second = load_image("Dockerfile", _SERVER)
    assert first.image is not None and second.image is not None
    facts = software_of(first.image)
    assert facts is not None and software_of(first.image) is facts
    again = software_of(second.image)
    assert again is not facts and again == facts
    observer = first.image.observer("software")
    assert observer is not None
    assert facts == observer.facts(first.image.stages[0].base_span, first.image)  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=' \t#="Pa\\', max_size=12))
def test_lines_the_reader_skips_are_those_split_line_reads_as_nothing(text: str) -> None:
    """The configuration reader passes over empty and ``#`` lines without ``split_line``."""
    if not text or text[0] == "#":
        assert split_line(text) is None
