"""``mpilint explain``: a rule's documentation, rendered from its rules/<ID>.yaml file.

The examples shown are the same ones the test suite runs, so the documentation cannot claim a
behaviour the rule does not have. Lines where a bad example must give a finding are marked.
"""

from __future__ import annotations

import textwrap

from mpilint.core.catalog import Example, RuleMeta

FIX_SAFETY = {
    "safe": "safe, `mpilint --fix` applies it",
    "unsafe": "unsafe (it changes what the job does), applied only with"
    " `mpilint --fix --unsafe-fixes`",
    "mixed": "safe where the job keeps what it does (`mpilint --fix` applies it), unsafe where"
    " it changes (applied only with `mpilint --fix --unsafe-fixes`)",
    "none": "none, the right value needs a person",
}


def render(meta: RuleMeta) -> str:
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
    return "\n".join(parts) + "\n"


def _also(meta: RuleMeta) -> str:
    others = meta.severities[1:]
    return f", can also give: {', '.join(s.label for s in others)}" if others else ""


def _example(example: Example) -> str:
    verdict = "Bad" if example.kind == "bad" else "Good"
    lines = [f"{verdict}: {example.title}"]
    for name, text in example.files:
        marked = {e.line for e in example.expect if e.file == name}
        lines.append(f"  {name}:")
        for number, line in enumerate(text.splitlines(), start=1):
            lines.append(f"  {'>' if number in marked else ' '} {number:>3} | {line}")
    if example.expect:
        gives = ", ".join(f"{e.rule} at {e.file}:{e.line}:{e.column}" for e in example.expect)
        lines.append(f"  gives: {gives}")
    elif example.kind == "good":
        lines.append("  gives: no finding")
    for name, text in example.fixed:
        lines.append(f"  after `mpilint --fix`, {name}:")
        for number, line in enumerate(text.splitlines(), start=1):
            lines.append(f"    {number:>3} | {line}")
    return "\n".join(lines)
