"""Rule registry and the one pass from files to findings.

Rules are plain functions registered with their id and the model they read; they yield ``Hit``s
that point at spans. The engine stamps id, name and severity (from ``rules/<ID>.yaml``), applies
suppressions, isolates a crashing rule to one finding, and returns data: it never prints.

Files are processed folder by folder and their node trees dropped afterwards; image models live in
a bounded cache and the texts of files are read again for code frames, so memory does not grow
with the number of files. ``parallel.py`` spreads the folders over processes.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from mpilint.config.selection import Selection
from mpilint.core import catalog
from mpilint.core.findings import Finding, Fix, Related, Severity, Span
from mpilint.core.records import MutableRecord, Record
from mpilint.inputs.files import InputFile, read_text
from mpilint.models.mpijob import MPIJob, read_mpijob
from mpilint.pairing import images as pairing
from mpilint.sources.yamlsource import Node, YamlProblem, get, get_str, parse_yaml, span_of
from mpilint.suppress import directives as suppressions

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Final, Literal, TypeVar

    from mpilint.config.project import Project
    from mpilint.models.image import Image

if TYPE_CHECKING:
    Target = Literal["input", "manifest", "pair"]


class Hit(Record):
    """What a rule found. ``file`` defaults to the file of the model the rule read."""

    __slots__ = ("file", "fix", "message", "related", "severity", "span")

    span: Final[Span]
    message: Final[str]
    file: Final[str | None]
    severity: Final[Severity | None]  # only to say "cannot verify" at info level
    related: Final[tuple[Related, ...]]
    fix: Final[Fix | None]

    def __init__(
        self,
        span: Span,
        message: str,
        file: str | None = None,
        severity: Severity | None = None,
        related: tuple[Related, ...] = (),
        fix: Fix | None = None,
    ) -> None:
        self.span = span
        self.message = message
        self.file = file
        self.severity = severity
        self.related = related
        self.fix = fix


class Manifest(Record):
    """One MPIJob document, with its file's text for positions inside strings, the other
    documents of the same file (rules about the objects the operator creates need them), and
    the paired image when there is one: a manifest rule may sharpen a default with it (the
    image's sshd port instead of the usual 22/2222), while rules that need an image are
    ``pair`` rules."""

    __slots__ = ("file", "image", "image_file", "job", "siblings", "text")

    file: Final[str]
    text: Final[str]
    job: Final[MPIJob]
    siblings: Final[tuple[Node, ...]]
    image: Final[Image | None]
    image_file: Final[str | None]

    def __init__(
        self,
        file: str,
        text: str,
        job: MPIJob,
        siblings: tuple[Node, ...] = (),
        image: Image | None = None,
        image_file: str | None = None,
    ) -> None:
        self.file = file
        self.text = text
        self.job = job
        self.siblings = siblings
        self.image = image
        self.image_file = image_file


class Pair(Record):
    __slots__ = ("image", "image_file", "manifest")

    manifest: Final[Manifest]
    image_file: Final[str]
    image: Final[Image]

    def __init__(self, manifest: Manifest, image_file: str, image: Image) -> None:
        self.manifest = manifest
        self.image_file = image_file
        self.image = image


class Registered(Record):
    __slots__ = ("check", "id", "target")

    id: Final[str]
    target: Final[Target]
    check: Final[Callable[[object], Iterable[Hit]] | None]

    def __init__(
        self,
        id: str,
        target: Target,
        check: Callable[[object], Iterable[Hit]] | None,
    ) -> None:
        self.id = id
        self.target = target
        self.check = check


REGISTRY: dict[str, Registered] = {}

# Findings made by the readers, not by rule functions; registered so the catalog test can tie
# every rule file to code.
for _id in ("MPL001", "MPL002", "MPL003", "MPL004", "MPL005", "MPL006", "MPL007"):
    REGISTRY[_id] = Registered(_id, "input", None)

if TYPE_CHECKING:
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


class Sources:
    """The texts of the files findings point into, for code frames. They are read again when
    the text report asks, so a run over ten thousand files does not hold their texts; only
    standard input, which cannot be read twice, is kept."""

    def __init__(self, kept: dict[str, str] | None = None) -> None:
        self._kept = kept or {}

    def get(self, path: str, default: str = "") -> str:
        if path in self._kept:
            return self._kept[path]
        text = read_text(path).text if path != "-" else None
        return default if text is None else text


class Report(Record):
    __slots__ = ("files", "findings", "jobs", "sources", "suppressed")

    files: Final[tuple[str, ...]]
    findings: Final[tuple[Finding, ...]]
    jobs: Final[int]
    sources: Final[Sources]
    # What comments and annotations silenced, with their reasons (shown by JSON and --verbose).
    suppressed: Final[tuple[suppressions.Suppressed, ...]]

    def __init__(
        self,
        files: tuple[str, ...],
        findings: tuple[Finding, ...],
        jobs: int,
        sources: Sources,
        suppressed: tuple[suppressions.Suppressed, ...] = (),
    ) -> None:
        self.files = files
        self.findings = findings
        self.jobs = jobs
        self.sources = sources
        self.suppressed = suppressed

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
    files: list[InputFile],
    selection: Selection | None = None,
    project: Project | None = None,
    processes: int = 1,
) -> Report:
    """With a ``project`` (the CLI always passes one), each file's configuration decides what
    is reported, and pairing also looks on disk (``pairing.py``): Dockerfiles for the jobs
    given, and the jobs of the Dockerfiles given, which are then checked too.

    The files are linted folder by folder (``Unit``), in ``processes`` processes when there are
    enough of them; the results are merged in folder order, so the report is the same whatever
    the number of processes."""
    import mpilint.checks  # noqa: F401  (registers the rules)

    chosen = selection or Selection()
    active = _Rules(lambda r: project is not None or chosen.enabled(r.id, _name(r.id)))
    dockerfiles = [f.path for f in files if f.kind == "dockerfile"]
    if dockerfiles:
        from mpilint.checks import load_image_rules

        load_image_rules()  # before any fork: every process then has them
    image_map = project.image_map if project is not None else None
    pairing.forget_paths()  # a program may run mpilint again after moving files
    pairs = pairing.Pairing(dockerfiles, image_map, disk=project is not None)
    if project is not None:
        files = files + _jobs_of_dockerfiles(files, dockerfiles, pairs, project)
    linter = Linter(active, pairs, project)
    from mpilint.run.parallel import lint_units

    merged = UnitResult()
    with _collector_for_a_run():
        for result in lint_units(linter, units_of(files), processes):
            merged.absorb(result)
    findings = _sift_dockerfiles(merged, frozenset(dockerfiles), active)
    findings = _unique(
        (
            f
            for f in _configured(findings, project)
            if project is not None or chosen.enabled(f.rule, f.name)
        ),
        lambda f: f,
    )
    findings.sort(key=lambda f: f.sort_key)
    silenced = sorted(
        _unique(merged.suppressed, lambda s: s.finding), key=lambda s: s.finding.sort_key
    )
    return Report(
        tuple(f.path for f in files),
        tuple(findings),
        merged.jobs,
        Sources(merged.texts),
        tuple(silenced),
    )


@contextmanager
def _collector_for_a_run() -> Iterator[None]:
    """Python's cyclic collector runs every 700 allocations and now and then rescans every
    live object, the loaded modules and rules included, although a run frees its node trees by
    reference counting. Frozen modules and a larger first threshold save about a tenth of a
    run; forked children inherit both, and share the frozen pages instead of copying them."""
    import gc

    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


class Unit(Record):
    """The files of one folder. A job and the Dockerfile beside it land in the same unit, so
    the process that lints them parses that Dockerfile once."""

    __slots__ = ("dockerfiles", "manifests")

    dockerfiles: Final[tuple[str, ...]]
    manifests: Final[tuple[str, ...]]

    def __init__(self, dockerfiles: tuple[str, ...], manifests: tuple[str, ...]) -> None:
        self.dockerfiles = dockerfiles
        self.manifests = manifests


def units_of(files: list[InputFile]) -> list[Unit]:
    """Folders in the order their first file was given; within one, the order given."""
    import os

    folders: dict[str, tuple[list[str], list[str]]] = {}
    for file in files:
        folder = "-" if file.path == "-" else os.path.dirname(os.path.abspath(file.path))
        dockerfiles, manifests = folders.setdefault(folder, ([], []))
        (dockerfiles if file.kind == "dockerfile" else manifests).append(file.path)
    return [Unit(tuple(d), tuple(m)) for d, m in folders.values()]


class UnitResult(MutableRecord):
    """What linting some units gave, before the run-wide steps: findings placed in a
    Dockerfile are not yet sifted by its suppression comments, because jobs of other units
    may place findings there too."""

    __slots__ = ("directives", "findings", "jobs", "paired", "suppressed", "texts")

    findings: list[Finding]
    suppressed: list[suppressions.Suppressed]
    jobs: int
    paired: set[str]  # Dockerfiles some job was paired with
    # The suppression comments of each Dockerfile read that has any.
    directives: dict[str, tuple[suppressions.Directive, ...]]
    texts: dict[str, str]  # standard input's, when read

    def __init__(
        self,
        jobs: int = 0,
        findings: list[Finding] | None = None,
        suppressed: list[suppressions.Suppressed] | None = None,
        paired: set[str] | None = None,
        directives: dict[str, tuple[suppressions.Directive, ...]] | None = None,
        texts: dict[str, str] | None = None,
    ) -> None:
        self.findings = [] if findings is None else findings
        self.suppressed = [] if suppressed is None else suppressed
        self.jobs = jobs
        self.paired = set() if paired is None else paired
        self.directives = {} if directives is None else directives
        self.texts = {} if texts is None else texts

    def absorb(self, other: UnitResult) -> None:
        self.findings.extend(other.findings)
        self.suppressed.extend(other.suppressed)
        self.jobs += other.jobs
        self.paired |= other.paired
        self.directives.update(other.directives)
        self.texts.update(other.texts)


class _Loaded(Record):
    __slots__ = ("image", "problems")

    image: Final[Image | None]
    problems: Final[tuple[Finding, ...]]  # its own MPL003/MPL004, reported when the run names it

    def __init__(self, image: Image | None, problems: tuple[Finding, ...]) -> None:
        self.image = image
        self.problems = problems


class Linter:
    """Everything one process needs to lint units, and a bounded cache of image models: a
    model evicted and needed again is re-read (the same text gives the same model), so memory
    does not grow with the number of Dockerfiles."""

    CACHE = 16  # folders come one by one: only images shared across folders come back

    def __init__(
        self,
        active: _Rules,
        pairs: pairing.Pairing,
        project: Project | None,
    ) -> None:
        self.active = active
        self.pairs = pairs
        self.project = project
        self._cache: OrderedDict[str, _Loaded] = OrderedDict()
        self._result = UnitResult()

    def lint(self, unit: Unit) -> UnitResult:
        result = self._result = UnitResult()
        for path in unit.dockerfiles:
            result.findings.extend(self._load(path).problems)
        for path in unit.manifests:
            checked = _check_manifest(path, self._pair, self.active)
            if path == "-" and checked.text is not None:
                result.texts[path] = checked.text
            result.findings.extend(checked.findings)
            result.suppressed.extend(checked.suppressed)
            result.jobs += checked.jobs
        return result

    def _pair(self, manifest: str, job: MPIJob) -> tuple[str | None, Image | None]:
        path = self.pairs.image_for(manifest, job)
        if path is None:
            return None, None
        image = self._load(path).image
        if image is not None:
            self._result.paired.add(path)
        return path, image

    def _load(self, path: str) -> _Loaded:
        loaded = self._cache.get(path)
        if loaded is not None:
            self._cache.move_to_end(path)
            return loaded
        loaded = self._cache[path] = self._read(path)
        if len(self._cache) > self.CACHE:
            self._cache.popitem(last=False)
        return loaded

    def _read(self, path: str) -> _Loaded:
        from contextlib import nullcontext

        from mpilint.checks import load_image_rules

        load_image_rules()  # a run with an image needs the rules that read it

        from mpilint.models.image import load_image

        content = read_text(path)
        if content.text is None:
            return _Loaded(None, (_unreadable(path, content.problem),))
        directives = suppressions.parse(content.text)
        if directives:
            self._result.directives[path] = directives
        project = self.project
        with project.base_images(path) if project is not None else nullcontext():
            result = load_image(path, content.text)
        problems = tuple(finding("MPL004", path, Hit(span, msg)) for span, msg in result.problems)
        return _Loaded(result.image, problems)


def _sift_dockerfiles(merged: UnitResult, own: frozenset[str], active: _Rules) -> list[Finding]:
    """Comments in a Dockerfile silence findings placed in it, whichever rule or job made
    them; MPL007 names the stale ones of the run's Dockerfiles, counting the cross-file rules
    as run only when some job was paired with the file."""
    if not merged.directives:
        return merged.findings
    pair_rules = frozenset(r.id for r in active.of("pair"))
    placed: dict[str, list[Finding]] = {path: [] for path in merged.directives}
    findings: list[Finding] = []
    for f in merged.findings:  # one pass: sifting every finding once per file was quadratic
        placed.get(f.file, findings).append(f)
    for path, directives in merged.directives.items():
        sieve = suppressions.Sieve(directives)
        remaining, quiet = sieve.sift(placed[path], path)
        findings.extend(remaining)
        merged.suppressed.extend(quiet)
        if path in own:
            ran = _INPUT_RULES | (pair_rules if path in merged.paired else frozenset())
            findings.extend(_unused(sieve, ran, path))
    return findings


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
    known = {pairing.real_path(f.path) for f in files if f.path != "-"}
    extra: list[InputFile] = []
    for dockerfile in dockerfiles:
        roots = project.image_map_roots(dockerfile)
        for path in pairs.manifests_for(dockerfile, roots, project.excluded, known):
            known.add(pairing.real_path(path))
            extra.append(InputFile(path, "manifest"))
    return extra


def _unreadable(path: str, problem: tuple[int, int, str] | None) -> Finding:
    line, column, message = problem or (1, 1, "cannot read the file")
    return finding("MPL003", path, Hit(Span.point(line, column), message))


class _Checked(Record):
    __slots__ = ("findings", "jobs", "suppressed", "text")

    findings: Final[list[Finding]]
    jobs: Final[int]
    text: Final[str | None]
    suppressed: Final[list[suppressions.Suppressed]]

    def __init__(
        self,
        findings: list[Finding],
        jobs: int,
        text: str | None,
        suppressed: list[suppressions.Suppressed],
    ) -> None:
        self.findings = findings
        self.jobs = jobs
        self.text = text
        self.suppressed = suppressed


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


if TYPE_CHECKING:
    T = TypeVar("T")


def _unique(items: Iterable[T], finding_of: Callable[[T], Finding]) -> list[T]:
    """One Dockerfile may be the image of several jobs: say a mistake in it once, not per job,
    and list once what a comment in it silenced."""
    seen: set[tuple[str, str, Span, str]] = set()
    kept: list[T] = []
    for item in items:
        f = finding_of(item)
        key = (f.rule, f.file, f.span, f.message)
        if key not in seen:
            seen.add(key)
            kept.append(item)
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
