"""Suppressions applied after the rules: a job's ``mpilint.io/ignore`` annotation, the comments
of Dockerfiles (which silence findings whichever job placed them), and MPL007 for directives that
silenced nothing on a file checked for every rule they name."""

from __future__ import annotations

import functools

from mpilint.core import catalog
from mpilint.core.findings import Finding
from mpilint.models.mpijob import MPIJob
from mpilint.ruleapi import Hit, finding
from mpilint.sources.yamlsource import get, get_str, span_of
from mpilint.suppress import directives as suppressions


def sift_dockerfiles(
    findings: list[Finding],
    directives: dict[str, tuple[suppressions.Directive, ...]],
    own: frozenset[str],
    paired: set[str],
    ran_everywhere: frozenset[str],
    pair_rules: frozenset[str],
    silenced: list[suppressions.Suppressed],
) -> list[Finding]:
    """Comments in a Dockerfile silence findings placed in it, whichever rule or job made
    them; MPL007 names the stale ones of the run's own Dockerfiles, counting the cross-file
    rules as run only when some job was paired with the file. What was silenced is added to
    ``silenced``."""
    if not directives:
        return findings
    placed: dict[str, list[Finding]] = {path: [] for path in directives}
    kept: list[Finding] = []
    for f in findings:  # one pass: sifting every finding once per file was quadratic
        placed.get(f.file, kept).append(f)
    for path, comments in directives.items():
        sieve = suppressions.Sieve(comments)
        remaining, quiet = sieve.sift(placed[path], path)
        kept.extend(remaining)
        silenced.extend(quiet)
        if path in own:
            ran = ran_everywhere | (pair_rules if path in paired else frozenset())
            kept.extend(unused(sieve, ran, path))
    return kept


def unused(
    sieve: suppressions.Sieve, ran: frozenset[str], path: str, scope: str | None = None
) -> list[Finding]:
    """MPL007 for each comment that silenced nothing on a file checked for all it names."""
    if not sieve.directives:
        return []
    return [
        finding(
            "MPL007",
            path,
            Hit(
                directive.span,
                f"this suppression of {_listed(directive.rules)} silences nothing here: no"
                " such finding is left on "
                + (scope or ("this file" if directive.file_wide else f"line {directive.line}"))
                + ". Remove it, so that it cannot hide a new mistake later",
            ),
        )
        for directive in sieve.unused(ran, _names_to_ids())
    ]


def _listed(rules: frozenset[str]) -> str:
    return ", ".join(sorted(rules))


@functools.lru_cache(maxsize=1)
def _names_to_ids() -> dict[str, str]:
    return {m.name: m.id for m in catalog.all_meta()}


def without_annotated(
    path: str,
    job: MPIJob,
    found: list[Finding],
    ran: frozenset[str],
    silenced: list[suppressions.Suppressed],
) -> list[Finding]:
    """``metadata.annotations["mpilint.io/ignore"]`` silences rules for this one job; each
    ``RULES: reason`` entry (``;`` between them) keeps its own reason, and is reported alone
    when it silences nothing (MPL007) or names no rule (MPL009)."""
    node = get(job.root, "metadata", "annotations", "mpilint.io/ignore")
    value = get_str(node)
    if node is None or not value:
        return found
    where = span_of(node)
    entries = suppressions.parse_annotation(value)
    directives = tuple(suppressions.Directive(0, e.rules, True, e.reason, where) for e in entries)
    sieve = suppressions.Sieve(directives)
    kept = []
    for f in found:
        index = next((i for i, e in enumerate(entries) if suppressions.matches(e.rules, f)), None)
        if index is None:
            kept.append(f)
            continue
        sieve.used.add(index)
        silenced.append(suppressions.Suppressed(f, entries[index].reason, "annotation"))
    kept.extend(unused(sieve, ran, path, "this MPIJob"))
    for directive in directives:
        kept.extend(unknown_rules(path, directive, "annotation"))
    return kept


def invalid(
    path: str,
    text: str,
    directives: tuple[suppressions.Directive, ...],
    dockerfile: bool = False,
) -> list[Finding]:
    """MPL009 for a file's malformed ``# mpilint:`` comments and the names in its directives
    that are no rule: either silences nothing, and says nothing of it."""
    malformed = suppressions.malformed(text, dockerfile)
    found = [finding("MPL009", path, Hit(m.span, m.message)) for m in malformed]
    for directive in directives:
        found.extend(unknown_rules(path, directive, "comment"))
    return found


def unknown_rules(path: str, directive: suppressions.Directive, by: str) -> list[Finding]:
    hits = []
    for name in suppressions.unknown(directive.rules):
        close = suppressions.closest_rule(name)
        hint = f": did you mean {close}?" if close else ""
        hits.append(
            finding(
                "MPL009",
                path,
                Hit(
                    directive.span,
                    f"this suppression {by} names {name!r}, which is no rule id or name, so it"
                    f" silences nothing{hint} (`mpilint rules` lists them)",
                ),
            )
        )
    return hits
