"""``mpilint explain``: a rule's documentation, rendered from its rules/<ID>.yaml file.

The examples shown are the same ones the test suite runs, so the documentation cannot claim a
behaviour the rule does not have. Lines where a bad example must give a finding are marked.

By default the answer is short enough to read without scrolling (a test holds every rule under
40 rows of an 80-column terminal): what the rule catches (the summary), why it breaks the job
(the rationale's first paragraph), how to fix it (the fix's first paragraph), and one bad and
one good example cut to the lines that matter. ``--long`` gives everything: the whole rationale,
with the evidence and the references, and every example in full. So each rule's YAML opens its
rationale and its fix with a paragraph that stands alone.
"""

from __future__ import annotations

import difflib
import re
import textwrap

from mpilint.core.catalog import Example, RuleMeta, doc_url

FIX_SAFETY = {
    "safe": "safe, `mpilint --fix` applies it",
    "unsafe": "unsafe (it changes what the job does), applied only with"
    " `mpilint --fix --unsafe-fixes`",
    "mixed": "safe where the job keeps what it does (`mpilint --fix` applies it), unsafe where"
    " it changes (applied only with `mpilint --fix --unsafe-fixes`)",
    "none": "none, the right value needs a person",
}

# Lines of an example shown on each side of the line a short answer is about.
CONTEXT = 2


def render(meta: RuleMeta, *, long: bool = True, width: int = 80) -> str:
    """The whole documentation (``long``), or the short answer wrapped to ``width`` columns."""
    return _long(meta) if long else _short(meta, width)


def _long(meta: RuleMeta) -> str:
    parts = [
        f"{meta.id} {meta.name} ({meta.severity.label})" + _also(meta),
        "",
        meta.summary,
        "",
        "Why",
        textwrap.indent(meta.rationale, "  "),
    ]
    if meta.fix:
        parts += ["", "How to fix", textwrap.indent(meta.fix, "  ")]
    parts += ["", f"Automatic fix: {FIX_SAFETY[meta.fix_safety]}"]
    for example in meta.examples:
        parts += ["", _example(example)]
    parts += ["", f"Documentation: {doc_url(meta.id)}"]
    return "\n".join(parts) + "\n"


def _short(meta: RuleMeta, width: int) -> str:
    parts = [
        f"{meta.id} {meta.name} ({meta.severity.label})" + _also(meta),
        "",
        _fill(meta.summary, width, ""),
        "",
        "Why it breaks the job",
        _fill(first_paragraph(meta.rationale), width, "  "),
    ]
    if meta.fix:
        parts += ["", "How to fix", _fill(first_paragraph(meta.fix), width, "  ")]
    parts += [_fill(f"Automatic fix: {FIX_SAFETY[meta.fix_safety]}", width, "  ")]
    bad = next((e for e in meta.examples if e.kind == "bad"), None)
    if bad is not None:
        parts += ["", _bad_excerpt(bad)]
    good = _good_excerpt(meta, bad)
    if good:
        parts += ["", good]
    parts += ["", *_more(meta, width)]
    return "\n".join(parts) + "\n"


def _more(meta: RuleMeta, width: int) -> list[str]:
    """Where the rest is, with the command on one line whatever the width (to copy it whole)."""
    count = len(meta.examples)
    what = "Full rationale and references"
    if count:
        what = f"Full rationale, references and all {count} examples"
    command = f"mpilint explain --long {meta.id}"
    line = f"{what}: {command}"
    return [line] if len(line) <= width else [f"{what}:", f"  {command}"]


def first_paragraph(text: str) -> str:
    """The text up to its first blank line: what a short answer shows of a rationale or fix."""
    return text.strip().split("\n\n", 1)[0]


def _fill(text: str, width: int, indent: str) -> str:
    """Prose rewrapped to the width (the YAML's own line breaks are at 100 columns). Inside a
    code span a run of spaces is the command's own (`echo "    UserKnownHostsFile …"`) and is
    kept whole; only single spaces there may become line breaks."""
    pieces = re.split(r"(`[^`]*`)", text.strip())
    joined = "".join(
        re.sub(r"  +", lambda run: _KEPT * len(run.group(0)), piece.replace("\n", " "))
        if n % 2
        else re.sub(r"\s+", " ", piece)
        for n, piece in enumerate(pieces)
    )
    filled = textwrap.fill(
        joined,
        width=max(width, 20),
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return filled.replace(_KEPT, " ")


_KEPT = "\x00"  # a space textwrap must neither break at nor drop


def _also(meta: RuleMeta) -> str:
    others = meta.severities[1:]
    return f", can also give: {', '.join(s.label for s in others)}" if others else ""


def _example(example: Example) -> str:
    verdict = "Bad" if example.kind == "bad" else "Good"
    lines = [f"{verdict}: {example.title}"]
    if example.args:
        lines.append("  run with: " + " ".join(example.args))
    for name, text in example.files:
        marked = {e.line for e in example.expect if e.file == name}
        lines.append(f"  {name}:")
        for number, line in enumerate(text.splitlines(), start=1):
            lines.append(f"  {'>' if number in marked else ' '} {number:>3} | {line}")
    if example.expect:
        lines.append(f"  gives: {_gives(example)}")
    elif example.kind == "good":
        lines.append("  gives: no finding")
    for name, text in example.fixed:
        lines.append(f"  after `mpilint --fix`, {name}:")
        for number, line in enumerate(text.splitlines(), start=1):
            lines.append(f"    {number:>3} | {line}")
    return "\n".join(lines)


def _gives(example: Example) -> str:
    return ", ".join(f"{e.rule} at {e.file}:{e.line}:{e.column}" for e in example.expect)


def _bad_excerpt(example: Example) -> str:
    """The first file with a finding, cut to the lines around its first finding."""
    lines = [f"Bad: {example.title}"]
    if example.args:
        lines.append("  run with: " + " ".join(example.args))
    name, text = next(
        ((n, t) for n, t in example.files if any(e.file == n for e in example.expect)),
        example.files[0],
    )
    marked = {e.line for e in example.expect if e.file == name}
    first = min(marked, default=1)
    lines.append(f"  {name}:")
    lines += _window(text, first, first, marked)
    if example.expect:
        lines.append(f"  gives: {_gives(example)}")
    return "\n".join(lines)


def _good_excerpt(meta: RuleMeta, bad: Example | None) -> str | None:
    """The bad example after ``mpilint --fix`` when it has one, else the first good example,
    cut to where it differs from the bad one: the change that makes it right."""
    if bad is not None and bad.fixed:
        name, text = next(
            ((n, t) for n, t in bad.fixed if any(e.file == n for e in bad.expect)), bad.fixed[0]
        )
        start, end = _changed(dict(bad.files).get(name, ""), text, _first_mark(bad, name))
        return "\n".join(
            ["Good: the same after `mpilint --fix`", f"  {name}:", *_window(text, start, end)]
        )
    goods = [e for e in meta.examples if e.kind == "good"]
    if not goods:
        return None
    before = dict(bad.files) if bad is not None else {}
    good = max(goods, key=lambda e: _likeness(before, e)) if before else goods[0]
    lines = [f"Good: {good.title}"]
    if good.args:
        lines.append("  run with: " + " ".join(good.args))
    changed = [(n, t) for n, t in good.files if n in before and before[n] != t]
    marked = [(n, t) for n, t in changed if bad is not None and _first_mark(bad, n) > 1]
    name, text = (marked or changed or list(good.files))[0]
    start, end = _changed(before.get(name, ""), text, _first_mark(bad, name) if bad else 1)
    lines += [f"  {name}:", *_window(text, start, end), "  gives: no finding"]
    return "\n".join(lines)


def _likeness(before: dict[str, str], good: Example) -> float:
    """How close a good example is to the bad one: the closest shows the change that matters."""
    after = dict(good.files)
    return sum(
        difflib.SequenceMatcher(a=text, b=after.get(name, ""), autojunk=False).quick_ratio()
        for name, text in before.items()
    )


def _changed(before: str, after: str, near: int) -> tuple[int, int]:
    """The first and last line (from 1) of the change from ``before`` to ``after`` closest to
    line ``near`` of ``before`` (where the bad example's finding is), at most three lines of it:
    a good example often differs in its name too, and that is not the change that matters."""
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    changes = [
        (abs(near - min(max(near, a1 + 1), max(a2, a1 + 1))), b1, b2)
        for tag, a1, a2, b1, b2 in matcher.get_opcodes()
        if tag != "equal" and b2 > b1
    ]
    if not changes:
        return 1, 1
    _, b1, b2 = min(changes)
    return b1 + 1, min(b2, b1 + 3)


def _first_mark(example: Example, name: str) -> int:
    return min((e.line for e in example.expect if e.file == name), default=1)


def _window(text: str, start: int, end: int, marked: set[int] | None = None) -> list[str]:
    lines = text.splitlines()
    low, high = max(1, start - CONTEXT), min(len(lines), end + CONTEXT)
    shown = [
        f"  {'>' if marked and n in marked else ' '} {n:>3} | {lines[n - 1]}"
        for n in range(low, high + 1)
    ]
    return shown
