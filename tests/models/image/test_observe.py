"""The seam between the Dockerfile walk and the observers that gather facts from it."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpilint.core.findings import Span
from mpilint.models.image import dockerfile, load_image
from mpilint.models.image.declared import NO_DECLARED
from mpilint.models.image.kinds import factories, instructions_read
from mpilint.models.image.observe import Instruction, RunSite
from mpilint.models.image.users import Arg

if TYPE_CHECKING:
    from mpilint.models.image.observe import StageObserver


@dataclass
class Recorder:
    base: str | None
    seen: list[str] = field(default_factory=list)

    def on_command(
        self, words: Sequence[Arg], redirects: Sequence[tuple[str, Arg]], site: RunSite
    ) -> None:
        text = " ".join(w.text or "?" for w in words)
        targets = " ".join(f"{op}{t.text}" for op, t in redirects)
        flag = " (conditional)" if site.conditional else ""
        span = site.span(words[0].start, words[0].end) if words else site.whole
        self.seen.append(
            " ".join(p for p in (f"{span.line}:{span.column}", text, targets) if p) + flag
        )
        if "<<" in targets:
            self.seen.append("heredoc " + repr(dict(site.heredocs)))

    def on_instruction(self, instruction: Instruction, donor: StageObserver | None) -> None:
        origin = f" from {donor.base}" if isinstance(donor, Recorder) else ""
        self.seen.append(f"{instruction.cmd} {list(instruction.words)}{origin}")

    def fork(self) -> StageObserver:
        return Recorder(self.base, list(self.seen))


Recorded = Callable[[str], list[str]]


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> Recorded:
    monkeypatch.setattr(
        dockerfile, "factories", lambda: (("rec", lambda base, _declared: Recorder(base)),)
    )

    def run(text: str) -> list[str]:
        result = load_image("ctx/Dockerfile", text)
        assert result.image is not None
        observer = result.image.observer("rec")
        assert isinstance(observer, Recorder)
        return observer.seen

    return run


def test_commands_chains_shell_strings_and_substitution(recorded: Recorded) -> None:
    seen = recorded(
        "FROM debian:bookworm\n"
        "ARG PORT=2222\n"
        'RUN echo "Port $PORT" >> /etc/ssh/sshd_config && \\\n'
        "    sh -c 'sed -i s/a/b/ /x'\n"
        "RUN if true; then echo hi > /y; fi\n"
    )
    assert seen == [
        "3:5 echo Port 2222 >>/etc/ssh/sshd_config",
        "4:12 sed -i s/a/b/ /x",
        "5:8 true (conditional)",
        "5:19 echo hi >/y (conditional)",
    ]


def test_heredoc_bodies_and_instructions(recorded: Recorded) -> None:
    seen = recorded(
        "FROM debian:bookworm\n"
        "ENV DIR=/etc/ssh\n"
        "RUN cat > $DIR/sshd_config <<EOF\nPort 2222\nEOF\n"
        "COPY sshd_config ${DIR}/\n"
        'CMD ["/usr/sbin/sshd", "-De", "-f", "$DIR/sshd_config"]\n'
    )
    assert seen[0] == "ENV ['DIR', '/etc/ssh']"  # BuildKit splits ENV into name, value
    assert seen[1] == "3:5 cat >/etc/ssh/sshd_config <<EOF"
    assert seen[2] == "heredoc {'EOF': 'Port 2222\\n'}"
    # Docker substitutes COPY's words, never CMD's (the shell, or nothing, sees `$DIR`)
    assert seen[3:] == [
        "COPY ['sshd_config', '/etc/ssh/']",
        "CMD ['/usr/sbin/sshd', '-De', '-f', '$DIR/sshd_config']",
    ]


def test_stages_fork_and_copy_from_names_the_donor(recorded: Recorded) -> None:
    seen = recorded(
        "FROM debian:bookworm AS base\n"
        "RUN echo base\n"
        "FROM alpine:3.20 AS other\n"
        "RUN echo other\n"
        "FROM base\n"
        "COPY --from=other /a /a\n"
    )
    assert seen == ["2:5 echo base", "COPY ['/a', '/a'] from alpine:3.20"]


# -- instructions a kind does not read --------------------------------------------------------

_BASES = st.sampled_from(
    [None, "debian:bookworm", "mpioperator/openmpi:0.6.0", "horovod/horovod:0.28.1", "scratch"]
)
_WORDS = st.lists(
    st.sampled_from(["/etc/ssh", "x=1", "$HOME", "a b", "--from=b", "sshd", "/", "22", ""]),
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(
    _BASES,
    st.sampled_from(sorted(dockerfile._INSTRUCTIONS - {"FROM", "ARG", "RUN"})),
    _WORDS,
    _WORDS,
    st.booleans(),
    st.booleans(),
)
def test_instructions_a_kind_does_not_read_change_nothing_in_it(
    base: str | None, cmd: str, words: list[str], flags: list[str], json: bool, donor: bool
) -> None:
    """The walk shows a kind only the instructions ``instructions_read`` names for it: any
    other must leave its observer as it was."""
    for name, start in factories():
        if cmd in instructions_read()[name]:
            continue
        observer = start(base, NO_DECLARED)
        before = copy.deepcopy(observer)
        instruction = Instruction(
            cmd,
            tuple(words),
            tuple(flags),
            json,
            lambda: Span(1, 1, 1, 2),
            (("EOF", "Port 2222\n"),),
            "ctx",
            lambda: tuple(Span(1, 1, 1, 2) for _ in words),
        )
        observer.on_instruction(instruction, start(base, NO_DECLARED) if donor else None)
        assert observer == before, (name, cmd)


def test_every_kind_names_the_instructions_it_reads() -> None:
    assert {name for name, _ in factories()} == set(instructions_read())
