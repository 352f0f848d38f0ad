"""RUN scripts planned once per text (mpilint.models.image.runplan), and the commands observers
skip."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpilint.core.findings import Span
from mpilint.core.records import replace
from mpilint.models.image import dockerfile, load_image
from mpilint.models.image.kinds import quiet_tests
from mpilint.models.image.observe import Instruction, RunSite
from mpilint.models.image.runplan import plan
from mpilint.models.image.software import quiet, software_of
from mpilint.models.image.software import start as start_software
from mpilint.models.image.users import Arg
from mpilint.sources.shellwords import Word, parse

if TYPE_CHECKING:
    from mpilint.models.image.observe import StageObserver


def test_a_plan_places_the_words_of_every_command() -> None:
    text = "apt-get install -y curl && echo hi > /etc/motd"
    planned = plan(text, 4)
    parsed = parse(text)
    assert [c.words for c in planned.commands] == [
        tuple(Arg(w.text, 4 + w.start, 4 + w.end) for w in c.words) for c in parsed.commands
    ]
    at = 4 + text.index("/etc/motd")
    assert planned.commands[1].redirects == ((">", Arg("/etc/motd", at, at + 9)),)
    assert all(c.static for c in planned.commands)
    assert planned.complete and not planned.conditional


_SCRIPT_PIECES = st.sampled_from(
    ["echo", "hi", "$X", "'a b'", "&&", ";", "|", ">", "/etc/motd", "sh", "-c", '"ls /"', "\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SCRIPT_PIECES, max_size=10), st.integers(min_value=-1, max_value=9))
def test_placed_words_are_the_shell_words_moved_to_the_site(pieces: list[str], base: int) -> None:
    """Static commands hold each word of the shell's reading at ``base`` (-1: nowhere), and
    their redirections' targets likewise; the others keep the shell's words."""
    text = " ".join(pieces)
    parsed = parse(text)
    planned = plan(text, base).commands
    assert len(planned) == len(parsed.commands)

    def placed(word: Word) -> Arg:
        if base < 0:
            return Arg(word.text, -1, -1)
        return Arg(word.text, base + word.start, base + word.end)

    for command, shell in zip(planned, parsed.commands, strict=True):
        targets = tuple((r.op, r.target) for r in shell.redirects if r.target is not None)
        static = not any(w.expands for w in shell.words) and not any(t.expands for _, t in targets)
        assert command.static is static
        if static:
            assert command.words == tuple(placed(w) for w in shell.words)
            assert command.redirects == tuple((op, placed(t)) for op, t in targets)
        else:
            assert (command.sources, command.targets) == (shell.words, targets)


def test_words_that_expand_are_left_to_the_walk() -> None:
    planned = plan("useradd -m $USER", 4)
    (command,) = planned.commands
    assert not command.static
    assert [w.text for w in command.sources] == ["useradd", "-m", "$USER"]


def test_a_shell_string_is_found_where_it_is_written() -> None:
    text = "bash -ec 'useradd -m bob'"
    (command,) = plan(text, 4).commands
    assert command.inner == ("useradd -m bob", 4 + text.index("useradd"))
    (unplaced,) = plan(text, -1).commands
    assert unplaced.inner == ("useradd -m bob", -1)


def test_the_same_text_read_with_other_values() -> None:
    """Plans are shared between Dockerfiles; what expands is substituted per stage."""
    run = "RUN useradd -m -u 1001 $NAME\n"
    first = load_image("Dockerfile", f"FROM debian:bookworm\nARG NAME=alice\n{run}")
    second = load_image("Dockerfile", f"FROM debian:bookworm\nARG NAME=bob\n{run}")
    assert first.image is not None and second.image is not None
    assert first.image.users[-1].name == "alice"
    assert second.image.users[-1].name == "bob"


def test_base_users_are_shared_but_never_changed() -> None:
    """Stages FROM the same image at the same place start from the same entries; a user made
    in one Dockerfile does not appear in the next."""
    text = "FROM debian:bookworm\nRUN useradd -m carol && groupmod -g 3000 users\n"
    changed = load_image("Dockerfile", text)
    plain = load_image("Dockerfile", "FROM debian:bookworm\nRUN true\n")
    assert changed.image is not None and plain.image is not None
    assert "carol" in [u.name for u in changed.image.users]
    assert "carol" not in [u.name for u in plain.image.users]
    assert {g.name: g.gid for g in plain.image.groups}["users"] == 100


# -- quiet commands ---------------------------------------------------------------------


@dataclass
class Recorder:
    base: str | None
    seen: list[str] = field(default_factory=list)

    def on_command(
        self, words: Sequence[Arg], redirects: Sequence[tuple[str, Arg]], site: RunSite
    ) -> None:
        self.seen.append(" ".join(w.text or "?" for w in words))

    def on_instruction(self, instruction: Instruction, donor: StageObserver | None) -> None:
        pass

    def fork(self) -> StageObserver:
        return Recorder(self.base, list(self.seen))


def test_quiet_commands_are_not_shown_but_the_first_of_each_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A recorder in the software observer's place: it is shown what software.py would be.
    monkeypatch.setattr(
        dockerfile, "factories", lambda: (("software", lambda base, _declared: Recorder(base)),)
    )
    result = load_image(
        "Dockerfile",
        "FROM debian:bookworm\n"
        "RUN mkdir -p /data && apt-get install -y curl && chown -R 1000 /data\n"
        "RUN chmod 600 /x && echo 'source /etc/profile' >> /root/.bashrc\n",
    )
    assert result.image is not None
    observer = result.image.observer("software")
    assert isinstance(observer, Recorder)
    assert observer.seen == [
        "mkdir -p /data",  # first of its RUN
        "apt-get install -y curl",
        "chmod 600 /x",  # first of its RUN
        "echo source /etc/profile",  # names a file ssh sessions read
    ]
    assert "software" in quiet_tests()


_PROGRAMS = st.sampled_from(
    [
        *("mkdir", "chown", "chmod", "rm", "sed", "echo", "ln", "useradd", "sudo", "env"),
        *("apt-get", "yum", "apk", "pip3", "python3", "conda", "uv", "dpkg", "rpm"),
        *("setcap", "eval", "xargs", "configure", "make", "sh", "bash", "curl", "tar"),
        *("./install.sh", "/opt/x/setvars.sh", "../build", "cd", "git", "wget"),
    ]
)
_ARGS = st.sampled_from(
    [
        *("-y", "install", "add", "remove", "-m", "pip", "-c", "--minimal", "X=1"),
        *("openssh-server", "openmpi-bin", "mpi4py", "/etc/environment", "~/.bashrc"),
        *("openmpi-4.1.5.tar.gz", "/usr/sbin/sshd", "cap_net_bind_service=+eip", "-r"),
        *("/etc/ssh/sshd_config", "hpcx-v2.16.tbz", "--prefix=/opt/mpi", "SetEnv"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    _PROGRAMS,
    st.lists(st.one_of(_ARGS, st.none()), max_size=5),
    st.lists(st.sampled_from(["/dev/null", "/etc/profile", "/tmp/x"]), max_size=1),
    st.booleans(),
)
def test_a_quiet_command_changes_nothing_in_software(
    program: str, args: list[str | None], targets: list[str], conditional: bool
) -> None:
    words = tuple(Arg(text, 10 + i, 11 + i) for i, text in enumerate([program, *args]))
    redirects = tuple((">", Arg(t, 40, 41)) for t in targets)
    if not quiet(words, redirects):
        return
    whole = Span(1, 1, 1, 60)
    site = RunSite(lambda start, end: Span(1, start + 1, 1, end + 1), whole, {}, conditional)
    observer = start_software("debian:bookworm")
    observer.on_command((Arg("true", 5, 9),), (), site)  # the RUN's first command
    before = replace(observer)
    observer.on_command(words, redirects, site)
    assert observer == before


def test_software_facts_come_out_the_same_with_quiet_commands() -> None:
    result = load_image(
        "Dockerfile",
        "FROM debian:bookworm\n"
        "RUN mkdir /x && apt-get install -y openssh-server libopenmpi-dev && rm -rf /y\n"
        "RUN chown 1 /x && pip install mpi4py && echo . >> /etc/environment\n",
    )
    assert result.image is not None
    facts = software_of(result.image)
    assert facts is not None
    assert facts.openssh_server.present is True
    assert [p.name for p in facts.packages] == ["openssh-server", "libopenmpi-dev", "mpi4py"]
    assert facts.ssh_env_configured
