"""The pure-Python Dockerfile reader against BuildKit's parser (the ``dockerfile`` binding).

BuildKit is the reference: every Dockerfile of the repository and generated ones must give
the same records, field for field (instruction, sub-instruction, JSON form, original text,
lines, flags, arguments, here-documents), or the same error message.  Where the binding cannot
be the reference (NUL ends its C string; a lone surrogate cannot be handed to it) the reader's
own behaviour is pinned instead.
"""

from __future__ import annotations

import glob
import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mpilint.inputs.files import is_dockerfile_name
from mpilint.sources import dockerparse
from tests import buildkit

dockerfile = buildkit.required()  # no wheel on every platform: skipped there, fails under CI

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

Outcome = tuple[object, ...]


def _records(commands: object) -> list[Outcome]:
    return [
        (*tuple(c)[:8], tuple((h.name, h.file_descriptor, h.content) for h in c.heredocs))
        for c in commands  # type: ignore[attr-defined]
    ]


def reference(text: str) -> list[Outcome] | tuple[str, str]:
    try:
        return _records(dockerfile.parse_string(text))
    except dockerfile.GoParseError as exc:
        return ("error", str(exc))


def ours(text: str) -> list[Outcome] | tuple[str, str]:
    try:
        return _records(dockerparse.parse_string(text))
    except dockerparse.DockerfileSyntaxError as exc:
        return ("error", str(exc))


def _corpus() -> list[tuple[str, str]]:
    files: list[tuple[str, str]] = []
    patterns = ("tests/**/Dockerfile*", "tests/**/*.Dockerfile", "examples/**/Dockerfile*")
    paths = sorted(
        {p for pattern in patterns for p in glob.glob(pattern, root_dir=ROOT, recursive=True)}
    )
    for path in paths:
        with open(os.path.join(ROOT, path), encoding="utf-8", errors="surrogateescape") as f:
            files.append((path, f.read()))
    for path in sorted(glob.glob("rules/*.yaml", root_dir=ROOT)):
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            rule = yaml.safe_load(f)
        for number, example in enumerate(rule.get("examples") or []):
            for name, text in (example.get("files") or {}).items():
                if is_dockerfile_name(name) and isinstance(text, str):
                    files.append((f"{path}#{number}/{name}", text))
    return files


CORPUS = _corpus()
_BINDING_UNSAFE = ("\x00", "\udc80")  # NUL truncates in the binding; surrogates crash it


def test_the_corpus_is_the_repository_s_dockerfiles() -> None:
    assert len(CORPUS) >= 150  # 22 files and 130 rule examples when written


@pytest.mark.parametrize(("path", "text"), CORPUS, ids=[p for p, _ in CORPUS])
def test_corpus_reads_as_buildkit_reads_it(path: str, text: str) -> None:
    if any(bad in text for bad in _BINDING_UNSAFE) or any(
        "\ud800" <= ch <= "\udfff" for ch in text
    ):
        pytest.skip("the binding cannot read this text: see test_text_the_binding_cannot_read")
    assert ours(text) == reference(text)


# -- generated Dockerfiles ----------------------------------------------------------------

_blank = st.sampled_from(["", " ", "  ", "\t"])
_word = st.sampled_from(
    ["a", "b c", "$X", "${Y:-d}", '"q q"', "'s s'", "x=y", 'k="v w"', "é", "/p", "[", "]"]
)
_flag = st.sampled_from(
    [
        "--from=build",
        "--chown=1000:1000",
        "--mount=type=cache,target=/root/.cache",
        "--platform=$BUILDPLATFORM",
        "--chmod=755",
        '--mount="type=bind,source=a b"',
        "--link",
        "--",
        "--x=é",
    ]
)
_json = st.lists(st.sampled_from(['"a"', '"b c"', '"\\u00e9"', "1", '"\\""', "null"]), max_size=3)
_json_text = st.builds(
    lambda items, tail: "[" + ", ".join(items) + "]" + tail, _json, st.sampled_from(["", " x", "]"])
)
_command = st.sampled_from(
    [
        "RUN",
        "run",
        "CMD",
        "ENTRYPOINT",
        "SHELL",
        "COPY",
        "ADD",
        "VOLUME",
        "ENV",
        "LABEL",
        "ARG",
        "EXPOSE",
        "FROM",
        "USER",
        "WORKDIR",
        "STOPSIGNAL",
        "MAINTAINER",
        "HEALTHCHECK",
        "ONBUILD RUN",
        "ONBUILD COPY",
        "ONBUILD",
        "BOGUS",
    ]
)
_heredoc_name = st.sampled_from(["EOF", "END", '"EOF"', "'EOF'", "E\\OF", "E$X"])
_body_line = st.sampled_from(["echo hi", "\tindented", "", "# not a comment", "EOF x", "$X \\"])


@st.composite
def _heredoc(draw: st.DrawFn) -> tuple[str, list[str]]:
    name = draw(_heredoc_name)
    dash = draw(st.sampled_from(["", "-"]))
    fd = draw(st.sampled_from(["", "", "3"]))
    bare = name.strip("'\"").replace("\\", "")
    body = draw(st.lists(_body_line, max_size=3))
    end = draw(st.sampled_from(["", "\t"] if dash else [""])) + bare
    return f"{fd}<<{dash}{name}", [*body, end]


@st.composite
def _instruction(draw: st.DrawFn, escape: str) -> list[str]:
    command = draw(_command)
    flags = draw(st.lists(_flag, max_size=2))
    docs = draw(st.lists(_heredoc(), max_size=2))
    if draw(st.integers(0, 3)) == 0:
        args = [draw(_json_text)]
    else:
        args = draw(st.lists(_word, max_size=4)) + [d[0] for d in docs]
    tokens = [command, *flags, *args]
    lines: list[str] = []
    current = draw(_blank) + tokens[0]
    for token in tokens[1:]:
        split = draw(st.integers(0, 5))
        if split == 0:  # a continuation, maybe with comments and blank lines inside
            lines.append(current + " " + escape + draw(st.sampled_from(["", " ", "\t"])))
            lines += draw(
                st.lists(st.sampled_from(["# inside", "  # inside", "", "   "]), max_size=2)
            )
            current = draw(_blank) + token
        else:
            current += " " + token
    lines.append(current + draw(st.sampled_from(["", " " + escape, " "])))
    for _, body in docs:
        lines += body
    return lines


@st.composite
def dockerfiles(draw: st.DrawFn) -> str:
    head: list[str] = []
    escape = "\\"
    for directive in draw(
        st.lists(st.sampled_from(["syntax", "escape", "Escape", "other"]), max_size=2)
    ):
        value = (
            draw(st.sampled_from(["\\", "`", "x"]))
            if directive.lower() == "escape"
            else "docker/dockerfile:1"
        )
        if directive.lower() == "escape" and value in "\\`":
            escape = value
        head.append(f"#{draw(_blank)}{directive}{draw(_blank)}={draw(_blank)}{value}")
    if draw(st.booleans()):
        head.insert(
            draw(st.integers(0, len(head))), draw(st.sampled_from(["", "# comment", "FROM x"]))
        )
    body: list[str] = []
    for _ in range(draw(st.integers(0, 5))):
        body += draw(_instruction(escape))
        if draw(st.integers(0, 3)) == 0:
            body.append(draw(st.sampled_from(["", "# c", "  ", escape])))
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    text = newline.join(head + body) + draw(st.sampled_from(["", newline]))
    return ("\ufeff" if draw(st.integers(0, 9)) == 0 else "") + text


GENERATED: list[str] = []
_HUNT = os.environ.get("MPILINT_PARSER_EXAMPLES")  # a number: a longer, random hunt
_EXAMPLES = int(_HUNT or "600")


@settings(
    max_examples=_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=not _HUNT,  # the same examples each run, so the floors below are stable
)
@given(dockerfiles())
def test_generated_dockerfiles_read_as_buildkit_reads_them(text: str) -> None:
    GENERATED.append(text)
    assert ours(text) == reference(text)


def test_the_generator_ran_and_covered_the_forms() -> None:
    test_generated_dockerfiles_read_as_buildkit_reads_them()
    assert len(GENERATED) >= _EXAMPLES * 0.9
    joined = "\n".join(GENERATED)
    for form in ("<<-", '<<"', "escape=`", " \\\n", "--mount=", "ONBUILD RUN", '["'):
        assert form in joined, form
    parsed = [r for r in map(ours, GENERATED) if isinstance(r, list)]
    assert sum(1 for r in parsed for c in r if c[8]) >= 50  # here-documents were read
    assert sum(1 for r in parsed for c in r if c[2]) >= 50  # and JSON forms


# -- where the binding is not the reference -----------------------------------------------


def test_text_the_binding_cannot_read() -> None:
    """The binding stops at a NUL (a C string); the reader reads on."""
    text = "FROM a\nRUN x\x00y\nUSER u\n"
    assert [c.cmd for c in dockerparse.parse_string(text)] == ["FROM", "RUN", "USER"]
    assert dockerparse.parse_string(text)[1].value == ("x\x00y",)
    assert dockerparse.parse_string("FROM a\nRUN \udc80\n")[1].value == ("\udc80",)


def test_text_the_binding_cannot_decode() -> None:
    """BuildKit reads a flag and HEALTHCHECK's type byte by byte, taking each byte as a
    character: the byte 0xA0 inside ``à`` is a blank to it, so it cuts the character and the
    binding fails to decode its own output.  The reader keeps BuildKit's split and marks the
    cut with U+FFFD instead of raising."""
    with pytest.raises(UnicodeDecodeError):
        dockerfile.parse_string("HEALTHCHECK\vEOF\xa0]RUN")
    (command,) = dockerparse.parse_string("HEALTHCHECK\vEOF\xa0]RUN")
    assert command.value == ("EOF\ufffd", "]RUN")
    (command,) = dockerparse.parse_string("COPY --x=à\xa0y a b")
    assert command.flags == ("--x=\xc3",)  # BuildKit's own mojibake, which the binding returns
    assert command.value == ("y", "a", "b")


# -- token soup: any order of the pieces the syntax is made of ----------------------------

_PIECES = [
    "RUN",
    "COPY",
    "ONBUILD",
    "ENV",
    "LABEL",
    "ARG",
    "HEALTHCHECK",
    "CMD",
    "FROM",
    "ADD",
    " ",
    "\t",
    "\n",
    "\n",
    "\r\n",
    "\\",
    "`",
    "#",
    "# escape=`",
    "# syntax=x",
    "<<",
    "<<-",
    "EOF",
    "'",
    '"',
    "$",
    "{",
    "}",
    ":",
    "-",
    "--",
    "--a=b",
    "=",
    "[",
    "]",
    ",",
    '"x"',
    "1",
    "a",
    "\v",
]  # no byte-splittable characters here: the binding fails on those (test above)
SOUPS: list[str] = []


@settings(
    max_examples=_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=not _HUNT,  # the same examples each run, so the floors below are stable
)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30).map("".join))
def test_token_soup_reads_as_buildkit_reads_it(text: str) -> None:
    SOUPS.append(text)
    assert ours(text) == reference(text)


def test_the_soup_ran() -> None:
    test_token_soup_reads_as_buildkit_reads_it()
    assert len(SOUPS) >= _EXAMPLES * 0.9


EDGES = [
    "FROM a\nRUN " + "x" * 70000 + "\n",  # past bufio.Scanner's 64 KiB: an error
    "RUN " + "x" * 70000,  # ... and with nothing before it: "file with no instructions"
    "FROM a\nRUN " + "x" * 65530 + "\n",  # just under it
    "# escape=x\nFROM a",
    "# escape=`\n# escape=`\nFROM a",
    "# syntax=a\n# escape=`\nFROM a `\n b",
    "\ufeff# escape=`\nRUN a `\n b",
    " # escape=`\nRUN a `\n b",
    "CMD [1]",  # a non-string element is an error, not shell form
    'CMD ["a", 1e999]',  # Go cannot hold the number: shell form
    'CMD ["\\ud800"]',  # Go decodes a lone surrogate escape to U+FFFD
    'COPY ["a"] x',  # Go's decoder ignores what follows the array
    "RUN [" * 20000,  # nesting too deep for either decoder: shell form
    "ENV a",
    "ENV a=b c",
    'LABEL "a b"=c d="e f"',
    "RUN <<EOF\nx",  # unterminated
    'RUN <<"E O"\nx\nE O\n',
    "RUN <<${A:-x\nx\n",  # the heredoc word fails to lex: BuildKit's error
]


@pytest.mark.parametrize("text", EDGES, ids=range(len(EDGES)))
def test_edges_read_as_buildkit_reads_them(text: str) -> None:
    assert ours(text) == reference(text)
