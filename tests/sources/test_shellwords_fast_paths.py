"""shellwords reads plain words on a fast path; it must read them as the general reader does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpilint.sources import shellwords
from mpilint.sources.shellwords import Script, parse


class _Everything:
    def __contains__(self, _item: object) -> bool:
        return True


def _general(text: str, monkeypatch: pytest.MonkeyPatch) -> Script:
    """``parse`` with the fast paths turned off: every word goes through ``_read_word``'s
    character-class loop, plain text included."""
    with monkeypatch.context() as patch:
        patch.setattr(shellwords, "_PLAIN_TEXT", re.compile(r"(?!)"))
        patch.setattr(shellwords, "_NOT_PLAIN_START", _Everything())
        patch.setattr(shellwords._Parser, "_simple_word", lambda self: None)
        return parse(text)


_WORDISH = st.lists(
    st.sampled_from(
        [
            *("if ", "do ", "[[ ", "!! ", "a=b ", "x\r", "\xa0", ";;", ";&", "&;"),
            *(" ", "  ", "\t", "\n", "\\\n", ";", "&&", "||", "|", "&", "|&", "!", "#c"),
            *("a", "b1", "x=1", "X+=y", "'q r'", '"d q"', '"$v"', "'", '"', "\\", "`", "$"),
            *("if", "then", "fi", "{", "}", "(", ")", "<(x)", ">(y)", "2>&1", ">", ">>"),
            *("<<EOF", "3<", "1>&-", "4", "<>", "=", "a'b'c", 'a"b"c', "$'x'", "${y}"),
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_WORDISH, st.text(alphabet=" \t\n'\"\\$`();&|<>#=!-ab01", max_size=40)))
def test_the_fast_paths_read_as_the_general_reader(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert parse(text) == _general(text, monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        "apt-get install -y curl ca-certificates && rm -rf /var/lib/apt/lists/*",
        "echo \"Port 2222\" >> /etc/ssh/sshd_config; X=1 Y='a b' cmd -v 2>&1 | tee log",
        "if true; then useradd -m bob; fi && ! grep -q x /y",
        "a'b'\"c\" d<(e) f>(g) 3<in",
        "X=1 Y=2 make -j4 install; ! true | cat && if x; then y; fi",
        "",
    ],
)
def test_real_lines_read_alike(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert parse(text) == _general(text, monkeypatch)
