"""shellwords: POSIX shell text to simple commands, with exact offsets and no expansion."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpilint.sources.shellwords import Redirect, Script, SimpleCommand, Word, parse


def texts(script: Script) -> list[list[str]]:
    """The words of each command, which is what most cases are about."""
    return [[w.text for w in c.words] for c in script.commands]


def only(script: Script) -> SimpleCommand:
    assert len(script.commands) == 1, script
    return script.commands[0]


# -- words, quoting and offsets ----------------------------------------------------------


def test_words_carry_source_offsets() -> None:
    script = parse("cd /x && mpirun -np 4 python t.py")
    assert script.complete
    assert script.commands[1].words == (
        Word("mpirun", 9, 15, False),
        Word("-np", 16, 19, False),
        Word("4", 20, 21, False),
        Word("python", 22, 28, False),
        Word("t.py", 29, 33, False),
    )


def test_offsets_include_quotes() -> None:
    source = "echo 'a b' \"c d\" e'f'g"
    words = only(parse(source)).words
    assert [(w.text, source[w.start : w.end]) for w in words] == [
        ("echo", "echo"),
        ("a b", "'a b'"),
        ("c d", '"c d"'),
        ("efg", "e'f'g"),
    ]


@pytest.mark.parametrize(
    ("source", "text"),
    [
        pytest.param("'a \\ \" $x'", 'a \\ " $x', id="single quotes keep everything"),
        pytest.param('"a\\"b"', 'a"b', id="dq escaped quote"),
        pytest.param('"a\\\\b"', "a\\b", id="dq escaped backslash"),
        pytest.param('"a\\$b"', "a$b", id="dq escaped dollar"),
        pytest.param('"a\\`b"', "a`b", id="dq escaped backtick"),
        pytest.param('"a\\nb"', "a\\nb", id="dq other backslash is literal"),
        pytest.param("a\\ b", "a b", id="escaped blank joins"),
        pytest.param("\\'x", "'x", id="escaped quote"),
        pytest.param("a\\\nb", "ab", id="continuation inside word"),
        pytest.param('"a\\\nb"', "ab", id="continuation inside dq"),
        pytest.param("$'a\\tb'", "a\tb", id="ansi-c quoting"),
        pytest.param("''", "", id="empty single quotes"),
        pytest.param("\\", "\\", id="lone trailing backslash"),
        pytest.param("a#b", "a#b", id="hash inside a word"),
    ],
)
def test_quote_removal(source: str, text: str) -> None:
    word = only(parse(source)).words[0]
    assert word.text == text
    assert (word.start, word.end) == (0, len(source))


def test_continuation_between_words_is_removed() -> None:
    source = "mpirun \\\n  -np 4 \\\n  app"
    script = parse(source)
    assert texts(script) == [["mpirun", "-np", "4", "app"]]
    assert [source[w.start : w.end] for w in script.commands[0].words] == [
        "mpirun",
        "-np",
        "4",
        "app",
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a # b c", [["a"]]),
        ("# all\nb", [["b"]]),
        ("a;#c\nb", [["a"], ["b"]]),
        ("a '#' b", [["a", "#", "b"]]),
    ],
)
def test_comments_start_only_at_word_start(source: str, expected: list[list[str]]) -> None:
    assert texts(parse(source)) == expected


# -- expansions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("$NP", "$NP"),
        ("${NP}", "${NP}"),
        ("${NP:-4}", "${NP:-4}"),
        ('"$NP"', "$NP"),
        ('"x${NP}y"', "x${NP}y"),
        ("$(nproc)", "$(nproc)"),
        ("$(echo $(a) ')' \"(\")", "$(echo $(a) ')' \"(\")"),
        ("$((2*(1+1)))", "$((2*(1+1)))"),
        ("`nproc`", "`nproc`"),
        ('"`nproc`"', "`nproc`"),
        ("$1", "$1"),
        ("$#", "$#"),
        ("<(ls)", "<(ls)"),
        ("-np$NP", "-np$NP"),
    ],
)
def test_expansions_stay_literal_in_one_word(source: str, text: str) -> None:
    script = parse(source)
    word = only(script).words[0]
    assert script.complete
    assert word == Word(text, 0, len(source), True)


@pytest.mark.parametrize("source", ["'$NP'", "\\$NP", '"\\$NP"', "a$", "'`x`'", "$'a'"])
def test_quoted_or_escaped_dollar_does_not_expand(source: str) -> None:
    assert only(parse(source)).words[0].expands is False


def test_expansion_keeps_operators_inside() -> None:
    assert texts(parse("a $(b; c && d | e) f")) == [["a", "$(b; c && d | e)", "f"]]


# -- operators and commands --------------------------------------------------------------


@pytest.mark.parametrize("op", [";", "&&", "||", "|", "|&", "&", "\n"])
def test_operators_split_commands(op: str) -> None:
    script = parse(f"a 1{op}b 2")
    assert script.complete
    assert texts(script) == [["a", "1"], ["b", "2"]]


def test_empty_commands_are_dropped() -> None:
    assert texts(parse(";; ;\n\n a &")) == [["a"]]


@pytest.mark.parametrize("source", ["", "   ", "\t\n \n", "# only a comment"])
def test_blank_input_has_no_commands(source: str) -> None:
    assert parse(source) == Script((), True)


def test_leading_assignments_are_apart_from_words() -> None:
    command = only(parse('A=1 B+="x y" C=$(n) cmd D=2'))
    assert [w.text for w in command.assignments] == ["A=1", "B+=x y", "C=$(n)"]
    assert [w.expands for w in command.assignments] == [False, False, True]
    assert [w.text for w in command.words] == ["cmd", "D=2"]


@pytest.mark.parametrize("source", ['"A"=1', "A\\=1", "1A=1", "$A=1", "-A=1"])
def test_not_assignments(source: str) -> None:
    command = only(parse(source))
    assert command.assignments == ()
    assert len(command.words) == 1


# -- redirections ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "ops", "targets"),
    [
        ("cmd > out", [">"], ["out"]),
        ("cmd >out", [">"], ["out"]),
        ("cmd >> out", [">>"], ["out"]),
        ("cmd < in", ["<"], ["in"]),
        ("cmd 2> err", ["2>"], ["err"]),
        ("cmd 2>&1", ["2>&1"], [None]),
        ("cmd >&2", [">&2"], [None]),
        ("cmd 3>&-", ["3>&-"], [None]),
        ("cmd &> all", ["&>"], ["all"]),
        ("cmd &>> all", ["&>>"], ["all"]),
        ("cmd >| out", [">|"], ["out"]),
        ("cmd 10> out", ["10>"], ["out"]),
        ("cmd <<< 'w x'", ["<<<"], ["w x"]),
        ("cmd > out 2>&1", [">", "2>&1"], ["out", None]),
        ("> out cmd", [">"], ["out"]),
    ],
)
def test_redirections(source: str, ops: list[str], targets: list[str | None]) -> None:
    script = parse(source)
    command = only(script)
    assert script.complete
    assert [w.text for w in command.words] == ["cmd"]
    assert [r.op for r in command.redirects] == ops
    assert [r.target.text if r.target else None for r in command.redirects] == targets


def test_redirection_target_offsets() -> None:
    command = only(parse("cmd 2> '/tmp/e log'"))
    assert command.redirects == (Redirect("2>", Word("/tmp/e log", 7, 19, False)),)


def test_digits_are_an_fd_only_when_glued() -> None:
    command = only(parse("echo 2 > f"))
    assert [w.text for w in command.words] == ["echo", "2"]
    assert [r.op for r in command.redirects] == [">"]


def test_word_glued_to_redirection() -> None:
    command = only(parse("a>b"))
    assert [w.text for w in command.words] == ["a"]
    assert [(r.op, r.target and r.target.text) for r in command.redirects] == [(">", "b")]


# -- what is not modelled ----------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("if true; then mpirun x; fi", id="if"),
        pytest.param("for i in 1 2; do mpirun x; done", id="for"),
        pytest.param("while true; do mpirun x; done", id="while"),
        pytest.param("until false; do mpirun x; done", id="until"),
        pytest.param("case $a in x) mpirun x;; esac", id="case"),
        pytest.param("select a in x; do mpirun x; done", id="select"),
        pytest.param("function f { mpirun x; }", id="function keyword"),
        pytest.param("f() { mpirun x; }", id="function parens"),
        pytest.param("{ mpirun x; }", id="group"),
        pytest.param("(cd /w && mpirun x)", id="subshell"),
        pytest.param("cat <<EOF\nmpirun x\nEOF", id="heredoc"),
        pytest.param("cat <<-EOF\n\tx\n\tEOF", id="heredoc dash"),
        pytest.param("echo 'mpirun x", id="unterminated single"),
        pytest.param('echo "mpirun x', id="unterminated double"),
        pytest.param("echo $(mpirun x", id="unterminated substitution"),
        pytest.param("echo `mpirun x", id="unterminated backtick"),
        pytest.param("mpirun x >", id="redirection without target"),
        pytest.param("[[ -f x ]] && mpirun x", id="double bracket"),
    ],
)
def test_unmodelled_constructs_make_script_incomplete(source: str) -> None:
    assert parse(source).complete is False


def test_incomplete_script_still_reads_commands() -> None:
    script = parse("if [ -f h ]; then mpirun -np 4 app; fi")
    assert script.complete is False
    assert texts(script) == [["[", "-f", "h", "]"], ["mpirun", "-np", "4", "app"]]


def test_heredoc_body_is_not_read_as_commands() -> None:
    script = parse("cat <<'EOF' > f\nmpirun -n 9 x\nEOF\nmpirun -n 2 y")
    assert script.complete is False
    assert texts(script) == [["cat"], ["mpirun", "-n", "2", "y"]]


def test_keywords_only_at_command_position() -> None:
    script = parse("echo if then { } done")
    assert script.complete
    assert texts(script) == [["echo", "if", "then", "{", "}", "done"]]


def test_quoted_keyword_is_a_command() -> None:
    script = parse("'if' x")
    assert script.complete
    assert texts(script) == [["if", "x"]]


def test_negation_is_dropped() -> None:
    script = parse("! mpirun x")
    assert script.complete
    assert texts(script) == [["mpirun", "x"]]


# -- robustness --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    ["'", '"', "\\", "$", "$(", "${", "`", "$((", "<<", "2>&", "&>", "((", "))", "$'", '"\\'],
)
def test_fragments_never_raise(source: str) -> None:
    script = parse(source)
    for command in script.commands:
        for word in command.words:
            assert 0 <= word.start < word.end <= len(source)


def test_deep_nesting_does_not_recurse() -> None:
    source = "$(" * 5000
    script = parse(source)
    assert script.complete is False
    assert only(script).words[0].text == source


_SHELLISH = st.text(alphabet=" \t\n'\"\\$`(){}[];&|<>#=:-_0123456789abcnpx/", max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_SHELLISH, st.text(max_size=60)))
def test_parse_never_raises_and_spans_are_in_bounds(source: str) -> None:
    script = parse(source)
    previous_end = 0
    for command in script.commands:
        spans = [*command.assignments, *command.words]
        spans += [r.target for r in command.redirects if r.target is not None]
        for word in spans:
            assert 0 <= word.start < word.end <= len(source)
        for word in command.words:
            assert word.start >= previous_end
            previous_end = word.end


def test_flow_complete_ignores_here_documents_only() -> None:
    heredoc = parse("cat > /etc/x <<EOF\nbody\nEOF\n")
    assert heredoc.complete is False and heredoc.flow_complete is True
    flow = parse("if true; then echo x; fi")
    assert flow.complete is False and flow.flow_complete is False
    both = parse("if true; then cat <<EOF\nx\nEOF\nfi")
    assert both.flow_complete is False
