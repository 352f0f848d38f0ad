"""mpilint.models.commands: the simple commands an argv runs, and sshd's options."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpilint.models.commands import ArgRef, Command, Reading, Word, argv_words, read_argv, read_sshd


def texts(argv: Sequence[str]) -> list[list[str]]:
    return [[w.text for w in c.words] for c in read_argv(argv).commands]


def written(argv: Sequence[str], ref: ArgRef) -> str:
    return argv[ref.index][ref.start : ref.end]


def only(argv: Sequence[str]) -> Command:
    reading = read_argv(argv)
    assert reading.complete
    (command,) = reading.commands
    return command


# -- argv items ----------------------------------------------------------------------------


def test_argv_items_are_whole_words() -> None:
    argv = ["mpirun", "-np", "$(NP)", "$$(NP)"]
    words = argv_words(argv)
    assert [w.ref for w in words] == [ArgRef(i, 0, len(t)) for i, t in enumerate(argv)]
    assert [w.expands for w in words] == [False, False, True, False]  # $$ escapes $(...)


def test_tail_keeps_its_place() -> None:
    word = argv_words(["--np=4"])[0]
    tail = word.tail(5)
    assert (tail.text, tail.ref, tail.base) == ("4", ArgRef(0, 5, 6), 5)


def test_plain_argv_is_one_last_command() -> None:
    command = only(["python", "train.py"])
    assert command.name == "python"
    assert command.program.text == "python"
    assert command.last and command.reached and command.complete


def test_empty_argv_runs_nothing() -> None:
    assert read_argv([]) == Reading((), complete=True)


# -- wrappers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix",
    [
        ["env", "A=1", "B=2"],
        ["env", "-u", "X", "-C", "/w"],
        ["exec", "-a", "name"],
        ["timeout", "-s", "KILL", "10m"],
        ["tini", "--"],
        ["dumb-init", "--rewrite", "15:2"],
        ["gosu", "mpiuser"],
        ["su-exec", "mpiuser"],
        ["sudo", "-u", "mpiuser", "-E", "A=1"],
        ["numactl", "--cpunodebind=0", "--membind", "0"],
        ["runuser", "-u", "mpiuser", "--"],
        ["A=1", "nohup", "nice", "-n", "5", "stdbuf", "-oL", "setsid"],
    ],
)
def test_wrappers_are_removed_with_their_options(prefix: list[str]) -> None:
    argv = [*prefix, "/usr/sbin/sshd", "-De"]
    command = only(argv)
    assert [w.text for w in command.words] == ["/usr/sbin/sshd", "-De"]
    assert command.program.ref == ArgRef(len(prefix), 0, 14)


def test_unknown_programs_are_not_unwrapped() -> None:
    assert texts(["chroot", "/r", "sshd"]) == [["chroot", "/r", "sshd"]]
    assert texts(["/entrypoint.sh", "mpirun", "-n", "2"]) == [
        ["/entrypoint.sh", "mpirun", "-n", "2"]
    ]


@pytest.mark.parametrize(
    "argv",
    [
        ["$(LAUNCHER)", "-n", "2"],
        ["bash", "/start.sh"],
        ["sh"],
        ["su", "mpiuser"],
        ["gosu", "u", "$(CMD)"],
    ],
)
def test_unreadable_programs_make_the_reading_incomplete(argv: list[str]) -> None:
    reading = read_argv(argv)
    assert reading.commands == ()
    assert not reading.complete


# -- shell strings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "shell",
    [
        ["sh", "-c"],
        ["/bin/bash", "-lc"],
        ["bash", "-o", "pipefail", "-c"],
        ["bash", "-euo", "pipefail", "-c"],
        ["bash", "--login", "-c"],
        ["bash", "-c", "--"],
        ["su", "mpiuser", "-c"],
        ["su", "-", "mpiuser", "-c"],
        ["runuser", "-l", "mpiuser", "-c"],
    ],
)
def test_shell_strings_are_split(shell: list[str]) -> None:
    argv = [*shell, "cd /w && exec /usr/sbin/sshd -De", "name"]
    reading = read_argv(argv)
    assert reading.complete
    cd, sshd = reading.commands
    assert [w.text for w in cd.words] == ["cd", "/w"]
    assert [w.text for w in sshd.words] == ["/usr/sbin/sshd", "-De"]
    assert (cd.last, sshd.last) == (False, True)
    assert written(argv, sshd.program.ref) == "/usr/sbin/sshd"
    assert sshd.program.ref == ArgRef(len(shell), 14, 28)


def test_su_command_option_with_equals() -> None:
    argv = ["su", "u", "--command=/usr/sbin/sshd -D"]
    command = only(argv)
    assert written(argv, command.program.ref) == "/usr/sbin/sshd"


def test_nested_strings_keep_exact_columns() -> None:
    argv = ["sh", "-c", "cd /w; su u -c \"bash -lc 'exec mpirun -np 8 app'\""]
    cd, mpirun = read_argv(argv).commands
    assert [w.text for w in mpirun.words] == ["mpirun", "-np", "8", "app"]
    assert [written(argv, w.ref) for w in mpirun.words] == ["mpirun", "-np", "8", "app"]
    assert mpirun.last and not cd.last


def test_escaped_nested_string_points_at_the_enclosing_word() -> None:
    argv = ["bash", "-c", 'bash -c "mpirun -n \\"2\\" x"']
    command = only(argv)
    enclosing = ArgRef(2, 8, len(argv[2]))
    assert [w.ref for w in command.words] == [enclosing] * 4
    assert [w.base for w in command.words] == [None] * 4


def test_quoted_word_ref_includes_its_quotes() -> None:
    argv = ["sh", "-c", "sshd -p '2222'"]
    port = only(argv).words[2]
    assert port.text == "2222"
    assert written(argv, port.ref) == "'2222'"
    assert port.base == port.ref.start + 1


def test_words_that_expand_in_a_string() -> None:
    argv = ["sh", "-c", "mpirun -np $NP app"]
    assert [w.expands for w in only(argv).words] == [False, False, True, False]


def test_exec_ends_the_shell() -> None:
    argv = ["sh", "-c", "ssh-keygen -A; exec /usr/sbin/sshd -D; sleep infinity"]
    keygen, sshd, sleep = read_argv(argv).commands
    assert [c.reached for c in (keygen, sshd, sleep)] == [True, True, False]
    assert [c.last for c in (keygen, sshd, sleep)] == [False, True, False]


def test_what_is_never_reached_does_not_make_the_reading_incomplete() -> None:
    reading = read_argv(["sh", "-c", "exec /usr/sbin/sshd -D; $CMD; bash script.sh"])
    assert reading.complete
    assert [c.name for c in reading.commands] == ["sshd"]


def test_last_of_a_nested_string_is_last_only_if_its_string_is() -> None:
    argv = ["sh", "-c", "sh -c 'a; b'; c"]
    assert [(c.name, c.last) for c in read_argv(argv).commands] == [
        ("a", False),
        ("b", False),
        ("c", True),
    ]


@pytest.mark.parametrize(
    "script",
    ["while true; do sshd -D; done", "(sshd -D)", "sshd -D 'unterminated"],
)
def test_control_flow_marks_commands_incomplete(script: str) -> None:
    reading = read_argv(["sh", "-c", script])
    assert not reading.complete
    assert [c.complete for c in reading.commands if c.name == "sshd"] == [False]


def test_completeness_is_per_command() -> None:
    reading = read_argv(["sh", "-c", "mpirun -n 2 a; sh -c 'if x; then mpirun -n 3 b; fi'"])
    assert not reading.complete
    first, second = (c for c in reading.commands if c.name == "mpirun")
    assert first.complete and not second.complete


def test_deep_nesting_stops_quietly() -> None:
    inner = "mpirun -np 4 app"
    for _ in range(10):
        inner = 'sh -c "' + inner.replace("\\", "\\\\").replace('"', '\\"') + '"'
    reading = read_argv(["sh", "-c", inner])
    assert reading.commands == ()
    assert not reading.complete


# -- sshd ------------------------------------------------------------------------------------


def sshd(*argv: str) -> tuple[list[str], list[tuple[int, str]], bool, bool]:
    args = read_sshd(argv_words(argv))
    ports = [(port, written(argv, word.ref)) for port, word in args.ports]
    return sorted(args.flags), ports, args.port_option, args.port_unknown


@pytest.mark.parametrize(
    ("argv", "flags", "ports", "port_option", "unknown"),
    [
        (["/usr/sbin/sshd", "-De"], ["D", "e"], [], False, False),
        (["sshd", "-D", "-p", "2222"], ["D", "p"], [(2222, "2222")], True, False),
        (["sshd", "-Dp2222"], ["D", "p"], [(2222, "-Dp2222")], True, False),
        (["sshd", "-Dep", "2222"], ["D", "e", "p"], [(2222, "2222")], True, False),
        (["sshd", "-o", "Port=22", "-D"], ["D", "o"], [(22, "Port=22")], False, False),
        (["sshd", "-o", "Port 22"], ["o"], [(22, "Port 22")], False, False),
        (["sshd", "-oPort=22"], ["o"], [(22, "-oPort=22")], False, False),
        (["sshd", "-o", "PermitRootLogin=yes"], ["o"], [], False, False),
        (["sshd", "-o", "ListenAddress=0.0.0.0:3"], ["o"], [], False, True),
        (["sshd", "-p", "$(PORT)"], ["p"], [], True, True),
        (["sshd", "-p", "22x"], ["p"], [], True, True),
        (["sshd", "-b", "1024", "-D"], ["D", "b"], [], False, False),
        (["sshd", "-D", "-", "-p", "1"], ["D"], [], False, False),
        (["sshd", "-D", "--", "-p", "1"], ["D"], [], False, False),
        (["sshd", "-D", "x", "-p", "1"], ["D"], [], False, False),
        (["sshd", "-p"], ["p"], [], False, False),
    ],
)
def test_sshd_options(
    argv: list[str],
    flags: list[str],
    ports: list[tuple[int, str]],
    port_option: bool,
    unknown: bool,
) -> None:
    assert sshd(*argv) == (flags, ports, port_option, unknown)


def test_sshd_config_path_and_name() -> None:
    args = read_sshd(argv_words(["/usr/sbin/sshd", "-De", "-f", "/etc/ssh/x"]))
    assert args.config is not None and args.config.text == "/etc/ssh/x"
    assert args.absolute and args.foreground
    glued = read_sshd(argv_words(["sshd", "-f/etc/ssh/x"]))
    assert glued.config is not None
    assert (glued.config.text, glued.config.ref) == ("/etc/ssh/x", ArgRef(1, 2, 12))
    assert not glued.absolute and not glued.foreground


def test_sshd_in_a_shell_string() -> None:
    argv = ["sh", "-c", "ssh-keygen -A && exec /usr/sbin/sshd -D -p 3333"]
    command = read_argv(argv).commands[-1]
    ((port, word),) = read_sshd(command.words).ports
    assert port == 3333
    assert written(argv, word.ref) == "3333"


# -- robustness ----------------------------------------------------------------------------

_TOKENS = st.sampled_from(
    (
        *("bash", "sh", "-c", "-lc", "su", "-", "runuser", "-u", "env", "A=1", "gosu"),
        *("tini", "--", "timeout", "sudo", "exec", "$(X)", "'", '"', "sshd", "-p"),
        "su u -c 'exec sshd -p \"3\" y'; true",
        "bash -c \"sh -c 'a; exec b'\"",
    )
)
_TEXT = st.text(alphabet=" \t\n'\"\\$`(){};&|<>#=:-0123456789shcexd/", max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_TOKENS, _TEXT, st.text(max_size=20)), max_size=10))
def test_reading_never_raises_and_refs_are_in_bounds(argv: list[str]) -> None:
    reading = read_argv(argv)
    assert sum(c.last for c in reading.commands) <= 1
    for command in reading.commands:
        assert command.words
        assert not command.last or command.reached
        words: list[Word] = list(command.words)
        for port in read_sshd(command.words).ports:
            words.append(port[1])
        for word in words:
            ref = word.ref
            assert 0 <= ref.index < len(argv)
            assert 0 <= ref.start <= ref.end <= len(argv[ref.index])
            if word.base is not None:
                assert argv[ref.index][word.base : word.base + len(word.text)] == word.text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["$", "(", ")", "$$", "$(", "A", "_", ".", "9", " ", "-"])))
def test_an_item_expands_exactly_when_it_holds_a_kubernetes_reference(parts: list[str]) -> None:
    """argv_words looks for ``$(`` before it runs the pattern: the same answer, cheaper."""
    import re

    item = "".join(parts)
    pattern = re.compile(r"(?<!\$)(?:\$\$)*\$\([A-Za-z_][A-Za-z0-9_.-]*\)")
    (word,) = argv_words([item])
    assert word.expands == bool(pattern.search(item))
