"""Where a finding's message says how to fix it, so the text reports can put that first.

Every rule writes its message the same way: what is wrong, why it breaks the job, and then, as
the last sentence, what to write instead ("... to satisfy the 4 slots". Write "2" or change
Worker.replicas). The JSON, SARIF and GitHub reports keep that message whole; the human
report shows the last sentence first, because a reader who knows the mistake needs only that,
and the concise one shows the first, which names the mistake.

A sentence ends at ``.``, ``?`` or ``!`` followed by a space and a capital letter (or a quote or
backtick that opens one), outside parentheses, backticks and double quotes: programs' output
quoted inside a message ("...already filled.", Open MPI 4.1.4) is not a sentence of ours, nor
is "e.g." before an example.
"""

from __future__ import annotations

_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "cf.", "vs.")
_OPENS_SENTENCE = frozenset("\"`'")


def sentence_ends(message: str) -> list[int]:
    """The offsets just after each sentence-ending mark of ``message`` but the last."""
    ends: list[int] = []
    depth = 0  # parentheses
    quoted = backticked = False
    for index, char in enumerate(message):
        if char == "`":
            backticked = not backticked
        elif backticked:
            continue
        elif char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char in ".?!" and depth == 0 and _ends_sentence(message, index + 1):
            ends.append(index + 1)
    return ends


def _ends_sentence(message: str, at: int) -> bool:
    """Whether the mark just before ``at`` ends a sentence: a new one starts after a space,
    and the mark is no abbreviation's."""
    if message[at : at + 1] != " " or message[:at].endswith(_ABBREVIATIONS):
        return False
    following = message[at + 1 : at + 2]
    return following.isupper() or following in _OPENS_SENTENCE


def split_fix(message: str) -> tuple[str | None, str]:
    """``(fix, explanation)``: the last sentence and what comes before it; ``(None, message)``
    for a message of one sentence (a syntax error says what is wrong, and that is the fix)."""
    ends = sentence_ends(message)
    if not ends:
        return None, message
    cut = ends[-1]
    return message[cut:].strip(), message[:cut].strip()


def first_sentence(message: str) -> str:
    """What is wrong, for a one-line report; the whole message when it is one sentence."""
    ends = sentence_ends(message)
    return message[: ends[0]] if ends else message
