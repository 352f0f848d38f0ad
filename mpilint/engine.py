"""Rule registry and the one pass from files to findings.

Rules are plain functions registered with their id and the model they read; they yield ``Hit``s
that point at spans. The engine stamps id, name and severity (from ``rules/<ID>.yaml``), applies
suppressions, isolates a crashing rule to one finding, and returns data: it never prints.

Files are processed one at a time and their node trees dropped afterwards, so memory does not
grow with the number of manifests. Dockerfiles are read first because their models are small and
every manifest in the run may pair with one of them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar

from mpilint import catalog, pairing, suppressions
from mpilint.findings import Finding, Fix, Related, Severity, Span
from mpilint.inputs import InputFile, read_text
from mpilint.mpijob import MPIJob, read_mpijob
from mpilint.selection import Selection
from mpilint.yamlsource import Node, YamlProblem, get, get_str, parse_yaml, span_of

if TYPE_CHECKING:
    from mpilint.config import Project
    from mpilint.image import Image

Target = Literal["input", "manifest", "pair"]


@dataclass(frozen=True)
class Hit:
    """What a rule found. ``file`` defaults to the file of the model the rule read."""

    span: Span
    message: str
    file: str | None = None
    severity: Severity | None = None  # only to say "cannot verify" at info level
    related: tuple[Related, ...] = ()
    fix: Fix | None = None


@dataclass(frozen=True)
class Manifest:
    """One MPIJob document, with its file's text for positions inside strings, the other
    documents of the same file (rules about the objects the operator creates need them), and
    the paired image when there is one: a manifest rule may sharpen a default with it (the
    image's sshd port instead of the usual 22/2222), while rules that need an image are
    ``pair`` rules."""

    file: str
    text: str
    job: MPIJob
    siblings: tuple[Node, ...] = ()
    image: Image | None = None
    image_file: str | None = None


@dataclass(frozen=True)
class Pair:
    manifest: Manifest
    image_file: str
    image: Image


@dataclass(frozen=True)
class Registered:
    id: str
    target: Target
    check: Callable[[object], Iterable[Hit]] | None


REGISTRY: dict[str, Registered] = {}

# Findings made by the readers, not by rule functions; registered so the catalog test can tie
# every rule file to code.
for _id in ("MPL001", "MPL002", "MPL003", "MPL004", "MPL005", "MPL006", "MPL007"):
    REGISTRY[_id] = Registered(_id, "input", None)

S = TypeVar("S", Manifest, Pair)


def rule(
    rule_id: str, target: Target
) -> Callable[[Callable[[S], Iterable[Hit]]], Callable[[S], Iterable[Hit]]]:
    def register(check: Callable[[S], Iterable[Hit]]) -> Callable[[S], Iterable[Hit]]:
        if rule_id in REGISTRY:
            raise ValueError(f"rule {rule_id} registered twice")
        REGISTRY[rule_id] = Registered(rule_id, target, check)  # type: ignore[arg-type]
        return check

    return register


@dataclass(frozen=True)
class Report:
    files: tuple[str, ...]
    findings: tuple[Finding, ...]
    jobs: int
    # The text of every file a finding points into, for code frames (stdin cannot be re-read).
    sources: dict[str, str]
    # What comments and annotations silenced, with their reasons (shown by JSON and --verbose).
    suppressed: tuple[suppressions.Suppressed, ...] = ()

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


def finding(rule_id: str, file: str, hit: Hit) -> Finding:
    meta = catalog.meta(rule_id)
    return Finding(
        rule=rule_id,
        name=meta.name,
        severity=hit.severity or meta.severity,
        message=hit.message,
        file=hit.file or file,
        span=hit.span,
        related=hit.related,
        fix=hit.fix,
    )


def run(
    files: list[InputFile], selection: Selection | None = None, project: Project | None = None
) -> Report:
    """With a ``project`` (the CLI always passes one), each file's configuration decides what
    is reported, and pairing also looks on disk (``pairing.py``): Dockerfiles for the jobs
    given, and the jobs of the Dockerfiles given, which are then checked too."""
    import mpilint.checks  # noqa: F401  (registers the rules)

    chosen = selection or Selection()
    active = _Rules(lambda r: project is not None or chosen.enabled(r.id, _name(r.id)))
    findings: list[Finding] = []
    silenced: list[suppressions.Suppressed] = []
    images: dict[str, Image] = {}
    sources: dict[str, str] = {}
    dockerfiles = [f.path for f in files if f.kind == "dockerfile"]
    for path in dockerfiles:
        findings.extend(_read_dockerfile(path, images, sources, project))
    image_map = project.image_map if project is not None else None
    pairs = pairing.Pairing(dockerfiles, image_map, disk=project is not None)
    if project is not None:
        files = files + _jobs_of_dockerfiles(files, dockerfiles, pairs, project)
    from_disk: list[str] = []  # Dockerfiles read only because a job pairs with them
    paired: set[str] = set()

    def pair(manifest: str, job: MPIJob) -> tuple[str | None, Image | None]:
        path = pairs.image_for(manifest, job)
        if path is not None and path not in dockerfiles and path not in from_disk:
            from_disk.append(path)  # its own problems (MPL003/MPL004) are not this run's
            _read_dockerfile(path, images, sources, project)
        if path is not None and path in images:
            paired.add(path)
        return path, images.get(path or "")

    jobs = 0
    for file in files:
        if file.kind != "manifest":
            continue
        checked = _check_manifest(file.path, pair, active)
        if checked.findings and checked.text is not None:
            sources[file.path] = checked.text
        findings.extend(checked.findings)
        silenced.extend(checked.suppressed)
        jobs += checked.jobs
    # Comments in a Dockerfile silence findings placed in it, whichever rule made them; the
    # cross-file rules ran on it only if some job was paired with it.
    pair_rules = frozenset(r.id for r in active.of("pair"))
    images_checked = {p for p in (*dockerfiles, *from_disk) if p in sources}
    in_images: dict[str, list[Finding]] = {p: [] for p in images_checked}
    elsewhere: list[Finding] = []
    for f in findings:  # one pass: sifting every finding once per Dockerfile was quadratic
        in_images.get(f.file, elsewhere).append(f)
    findings = elsewhere
    for path in (p for p in (*dockerfiles, *from_disk) if p in images_checked):
        sieve = suppressions.Sieve(suppressions.parse(sources[path]))
        remaining, quiet = sieve.sift(in_images[path], path)
        findings.extend(remaining)
        silenced.extend(quiet)
        if path in from_disk:
            continue
        ran = _INPUT_RULES | (pair_rules if path in paired else frozenset())
        findings.extend(_unused(sieve, ran, path))
    findings = _unique(
        f
        for f in _configured(findings, project)
        if project is not None or chosen.enabled(f.rule, f.name)
    )
    findings.sort(key=lambda f: f.sort_key)
    used = {f.file for f in findings} | {r.file for f in findings for r in f.related}
    kept = {path: text for path, text in sources.items() if path in used}
    return Report(tuple(f.path for f in files), tuple(findings), jobs, kept, tuple(silenced))


def _configured(findings: list[Finding], project: Project | None) -> Iterator[Finding]:
    """Each finding as its file's configuration wants it (dropped, or re-graded)."""
    for found in findings:
        kept = project.adjust(found) if project is not None else found
        if kept is not None:
            yield kept


def _jobs_of_dockerfiles(
    files: list[InputFile], dockerfiles: list[str], pairs: pairing.Pairing, project: Project
) -> list[InputFile]:
    """The manifests on disk that run a Dockerfile of the run: a changed Dockerfile alone
    (pre-commit) still gets its jobs checked, and their findings reported."""
    import os

    known = {os.path.realpath(f.path) for f in files if f.path != "-"}
    extra: list[InputFile] = []
    for dockerfile in dockerfiles:
        roots = project.image_map_roots(dockerfile)
        for path in pairs.manifests_for(dockerfile, roots, project.excluded):
            if os.path.realpath(path) not in known:
                known.add(os.path.realpath(path))
                extra.append(InputFile(path, "manifest"))
    return extra


def _read_dockerfile(
    path: str, images: dict[str, Image], sources: dict[str, str], project: Project | None = None
) -> list[Finding]:
    from contextlib import nullcontext

    from mpilint.checks import load_image_rules

    load_image_rules()  # a run with an image needs the rules that read it

    from mpilint.image import load_image

    content = read_text(path)
    if content.text is None:
        return [_unreadable(path, content.problem)]
    sources[path] = content.text
    with project.base_images(path) if project is not None else nullcontext():
        result = load_image(path, content.text)
    if result.image is not None:
        images[path] = result.image
    return [finding("MPL004", path, Hit(span, message)) for span, message in result.problems]


def _unreadable(path: str, problem: tuple[int, int, str] | None) -> Finding:
    line, column, message = problem or (1, 1, "cannot read the file")
    return finding("MPL003", path, Hit(Span.point(line, column), message))


@dataclass(frozen=True)
class _Checked:
    findings: list[Finding]
    jobs: int
    text: str | None
    suppressed: list[suppressions.Suppressed]


_INPUT_RULES = frozenset(i for i, r in REGISTRY.items() if r.target == "input")


def _check_manifest(
    path: str,
    pair_with: Callable[[str, MPIJob], tuple[str | None, Image | None]],
    active: _Rules,
) -> _Checked:
    content = read_text(path)
    if content.text is None:
        return _Checked([_unreadable(path, content.problem)], 0, None, [])
    text = content.text
    parsed = parse_yaml(text)
    found: list[Finding] = []
    templated = "{{" in text
    for problem in parsed.problems:
        hit = _problem_hit(path, problem)
        if problem.rule == "MPL001" and templated:
            hit = Hit(
                problem.span,
                problem.message + "; this looks like an unrendered template ({{ … }}): cannot"
                " check it, lint the output of `helm template` instead",
                severity=Severity.INFO,
            )
        found.append(finding(problem.rule, path, hit))
    jobs = 0
    silenced: list[suppressions.Suppressed] = []
    ran = set(_INPUT_RULES)
    for document in parsed.documents:
        job = read_mpijob(document.root, document.index)
        if job is None:
            continue
        jobs += 1
        siblings = tuple(d.root for d in parsed.documents if d is not document)
        image_path, image = pair_with(path, job)
        manifest = Manifest(path, text, job, siblings, image, image_path)
        job_findings = [finding(p.rule, path, _problem_hit(path, p)) for p in document.problems]
        job_findings.extend(_run_rules(active.of("manifest"), manifest, path))
        job_ran = {r.id for r in active.of("manifest")}
        if image is not None and image_path is not None:
            pair = Pair(manifest, image_path, image)
            job_findings.extend(_run_rules(active.of("pair"), pair, path))
            job_ran |= {r.id for r in active.of("pair")}
        ran |= job_ran
        found.extend(_without_annotated(path, job, job_findings, frozenset(job_ran), silenced))
    sieve = suppressions.Sieve(suppressions.parse(text))
    kept, quiet = sieve.sift(found, path)
    kept.extend(_unused(sieve, frozenset(ran), path))
    return _Checked(kept, jobs, text, silenced + quiet)


def _unused(
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


class _Rules:
    """The enabled rules of a target, read from the registry when asked (and cached while it
    does not grow): the image rules register only when a run reads its first Dockerfile."""

    def __init__(self, enabled: Callable[[Registered], bool]) -> None:
        self._enabled = enabled
        self._cache: dict[str, tuple[int, tuple[Registered, ...]]] = {}

    def of(self, target: Target) -> tuple[Registered, ...]:
        size = len(REGISTRY)
        cached = self._cache.get(target)
        if cached is None or cached[0] != size:
            rules = tuple(
                r
                for r in REGISTRY.values()
                if r.target == target and r.check is not None and self._enabled(r)
            )
            cached = self._cache[target] = (size, rules)
        return cached[1]


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    """One Dockerfile may be the image of several jobs: say a mistake in it once, not per job."""
    seen: set[tuple[str, str, Span, str]] = set()
    kept: list[Finding] = []
    for finding in findings:
        key = (finding.rule, finding.file, finding.span, finding.message)
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept


def _name(rule_id: str) -> str:
    return catalog.meta(rule_id).name


def _run_rules(
    rules: tuple[Registered, ...], subject: Manifest | Pair, path: str
) -> Iterator[Finding]:
    for registered in rules:
        assert registered.check is not None
        try:
            hits = list(registered.check(subject))
        except Exception as error:  # one broken rule must not hide the others' findings
            job = subject.job if isinstance(subject, Manifest) else subject.manifest.job
            yield finding(
                "MPL006",
                path,
                Hit(
                    span_of(job.root),
                    f"internal error in {registered.id} on this document"
                    f" ({type(error).__name__}: {error}); please report it",
                ),
            )
            continue
        for hit in hits:
            yield finding(registered.id, path, hit)


def _without_annotated(
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
        kept.extend(_unused(sieve, ran, path, "this MPIJob"))
    return kept


def _problem_hit(path: str, problem: YamlProblem) -> Hit:
    related = tuple(Related(path, span, message) for span, message in problem.related)
    return Hit(problem.span, problem.message, related=related)


__all__ = ["REGISTRY", "Hit", "Manifest", "Pair", "Report", "finding", "rule", "run"]
