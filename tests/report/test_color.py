"""When the human reports are coloured: ``--color`` first, then FORCE_COLOR (force-color.org),
then NO_COLOR (no-color.org), then whether the output is a terminal. Both variables count
only when set to something other than the empty string. Every combination runs through the
command line, for the full and the concise report."""

from __future__ import annotations

import io
import itertools
import os
import re
import subprocess
import sys

import pytest

from mpilint.cli import main
from tests.harness import REPO

ANSI = "\x1b["
UNSET = None


class Terminal(io.StringIO):
    """Standard output that says it is a terminal (of no known size)."""

    def isatty(self) -> bool:
        return True


def coloured(
    monkeypatch: pytest.MonkeyPatch,
    choice: str | None,
    no_color: str | None,
    force_color: str | None,
    terminal: bool,
    format_: str = "full",
) -> bool:
    monkeypatch.chdir(REPO)
    for name, value in (("NO_COLOR", no_color), ("FORCE_COLOR", force_color)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    monkeypatch.setenv("TERM", "dumb")  # rich alone would drop colour for it; --color decides
    out = Terminal() if terminal else io.StringIO()
    args = ["--format", format_, "examples/broken/mpijob.yaml"]
    main([*args] if choice is None else ["--color", choice, *args], stdout=out)
    text = out.getvalue()
    assert "MPL101" in text
    return ANSI in text


# (--color, NO_COLOR, FORCE_COLOR, a terminal) -> coloured; None: not given / not set
TABLE = [
    (None, UNSET, UNSET, True, True),  # auto on a terminal
    (None, UNSET, UNSET, False, False),  # auto in a pipe
    ("auto", UNSET, UNSET, True, True),
    ("auto", "1", UNSET, True, False),  # NO_COLOR turns a terminal's colour off
    ("auto", "", UNSET, True, True),  # ... but not when empty
    ("auto", "0", UNSET, True, False),  # any other value counts, "0" and "false" too
    ("auto", "false", UNSET, True, False),
    ("auto", UNSET, "1", False, True),  # FORCE_COLOR colours a pipe
    ("auto", UNSET, "", False, False),  # ... but not when empty
    ("auto", UNSET, "0", False, True),
    ("auto", "1", "1", False, True),  # both set: FORCE_COLOR wins (force-color.org)
    ("auto", "1", "1", True, True),
    ("auto", "", "", True, True),
    ("auto", "", "", False, False),
    ("always", UNSET, UNSET, False, True),  # --color beats the environment and the stream
    ("always", "1", UNSET, False, True),
    ("always", "1", UNSET, True, True),
    ("never", UNSET, UNSET, True, False),
    ("never", UNSET, "1", True, False),
    ("never", UNSET, "1", False, False),
]


@pytest.mark.parametrize(("choice", "no_color", "force_color", "terminal", "want"), TABLE)
@pytest.mark.parametrize("format_", ["full", "concise"])
def test_color_decision(
    monkeypatch: pytest.MonkeyPatch,
    choice: str | None,
    no_color: str | None,
    force_color: str | None,
    terminal: bool,
    want: bool,
    format_: str,
) -> None:
    got = coloured(monkeypatch, choice, no_color, force_color, terminal, format_)
    assert got == want


@pytest.mark.parametrize(
    ("no_color", "force_color", "terminal"),
    list(itertools.product([UNSET, "", "1"], [UNSET, "", "1"], [False, True])),
)
def test_color_option_beats_every_environment(
    monkeypatch: pytest.MonkeyPatch, no_color: str | None, force_color: str | None, terminal: bool
) -> None:
    assert coloured(monkeypatch, "always", no_color, force_color, terminal)
    assert not coloured(monkeypatch, "never", no_color, force_color, terminal)


def test_machine_formats_are_never_coloured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    for format_ in ("json", "sarif", "github"):
        out = Terminal()
        monkeypatch.chdir(REPO)
        main(["--color", "always", "--format", format_, "examples/broken"], stdout=out)
        assert ANSI not in out.getvalue(), format_


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_real_terminal_gets_colour_and_its_width() -> None:
    """mpilint on a pseudo-terminal 72 columns wide, without COLUMNS: coloured, and its
    prose wrapped to the terminal's own width."""
    import fcntl
    import struct
    import termios

    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 72, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR", "FORCE_COLOR")}
    with subprocess.Popen(
        [sys.executable, "-m", "mpilint", "examples/broken"],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
        env=env,
    ) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed with the process (EIO on Linux)
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
    os.close(leader)
    text = b"".join(chunks).decode()
    assert ANSI in text
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text).replace("\r\n", "\n")
    lines = plain.splitlines()
    prose = [line for line in lines if line.startswith("  ") and " | " not in line]
    assert prose and max(len(line) for line in prose if len(line.split()) > 1) <= 72
    assert any(len(line) > 60 for line in prose)  # filled to the width, not to a default


@pytest.mark.parametrize(
    ("columns", "terminal", "want"),
    [
        (None, False, None),  # a pipe or a file: never wrapped
        (None, True, None),  # a terminal whose size cannot be read (no descriptor)
        ("60", False, 60),  # COLUMNS is the width wherever the output goes
        ("60", True, 60),
        ("20", False, 20),  # the narrowest width that is wrapped
        ("19", False, None),
        ("0", True, None),
        ("wide", False, None),
        ("", False, None),
    ],
)
def test_wrap_width(columns: str | None, terminal: bool, want: int | None) -> None:
    from mpilint.cli.terminal import wrap_width

    environ = {} if columns is None else {"COLUMNS": columns}
    assert wrap_width(Terminal() if terminal else io.StringIO(), environ) == want
