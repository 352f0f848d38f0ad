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
    """``metadata.annotations["mpilint.io/ignore"]`` silences rules for this one job."""
    node = get(job.root, "metadata", "annotations", "mpilint.io/ignore")
    value = get_str(node)
    if node is None or not value:
        return found
    listed, _, reason = value.partition(":")  # after ":" comes the reason
    rules = suppressions.parse_list(listed)
    kept = [f for f in found if not suppressions.matches(rules, f)]
    silenced.extend(
        suppressions.Suppressed(f, reason.strip(), "annotation")
        for f in found
        if suppressions.matches(rules, f)
    )
    directive = suppressions.Directive(0, rules, True, reason.strip(), span_of(node))
    sieve = suppressions.Sieve((directive,))
    if len(kept) == len(found) and sieve.unused(ran, _names_to_ids()):
        kept.extend(unused(sieve, ran, path, "this MPIJob"))
    return kept
