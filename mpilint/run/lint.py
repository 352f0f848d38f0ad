"""One run: files to a report, folder by folder.

Rules are found by id (``mpilint.run.rules``); the run stamps their hits into findings,
isolates a crashing rule to one finding (MPL006), applies suppressions (``mpilint.suppress``) and
the configuration, and returns a ``Report``: it never prints.

Files are processed folder by folder and their node trees dropped afterwards; image models live in
a bounded cache and the texts of files are read again for code frames, so memory does not grow
with the number of files. ``parallel.py`` spreads the folders over processes.

A run keeps nothing for the next one: a process may lint again and again (an editor's server),
in other workspaces, after files were edited or moved. What a run reads from the disk is kept by
objects made for it and dropped with it: the ``Project`` (each path's configuration, the
configuration files found and read; made by ``config.project.prepare``), the ``Pairing`` (real
paths), the ``Linter`` (image models), the ``.gitignore`` patterns of one ``inputs.files.expand``,
and the ``Manifest`` and ``Image`` objects (what rules compute once per job or image: ``once``).
A team's base images reach ``load_image`` as an argument (``Project.declared_bases``). The node
attributes ``sources.yamlsource`` writes (a mapping's pairs, its index by key) live in the node
and die with its tree. What stays at module level is a function of its arguments alone, and
bounded, so a long-lived process neither grows nor sees an earlier run through it:

- ``lru_cache`` with a maxsize, keyed by strings or tuples of immutable values, giving immutable
  records or tuples: ``reference.split_image``/``normalise_image``, ``basefacts._built_in``,
  ``dockerfile._cached_roster`` (its key holds the declared bases by value), ``files._absent``/
  ``_unknown_file``/``_base_kind``/``_default_lines``/``_mpioperator_files``,
  ``sshconfig.split_line``, ``software._mpi_package``/``_package_kind``/``_split_spec``,
  ``sed._parse_cached``/``_cached_changes``, ``runplan._cached``, ``commands._read_argv``,
  ``launchers._find_launches``, ``suppress.sift._names_to_ids``, ``config.project._schema``,
  ``models.placeholders``' image placeholders;
- ``functools.cache`` whose keys are few and fixed by the installed package: ``catalog.meta``
  (rule ids), ``schemacheck.load_schema`` (API versions), ``packagedata.folder``, each
  ``lazyre`` pattern, ``kinds.instructions_read``/``quiet_tests``, ``catalog.rule_ids``;
- ``schemacheck._COMPILED`` (compiled schemas by ``id``, each entry holding its schema so the
  ``id`` cannot be reused while it lives; at most 16), ``records._GETTERS``/``_INIT_FIELDS``
  (per class), and the rule modules ``run.rules`` imports (once, by id).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager

from mpilint.config.selection import Selection
from mpilint.core import catalog
from mpilint.core.findings import Finding, Related, Severity, Span
from mpilint.core.paths import shown
from mpilint.core.records import MutableRecord, Record, field, replace
from mpilint.inputs.files import FileText, InputFile, read_text
from mpilint.inputs.trees import Patches
from mpilint.models.almost import almost_mpijob
from mpilint.models.mpijob import MPIJob, read_mpijob
from mpilint.pairing import images as pairing
from mpilint.report.result import JobPair, Report, Sources
from mpilint.ruleapi import FileObjects, Hit, Manifest, Pair, finding
from mpilint.run.rules import Rule, Rules, input_rules
from mpilint.sources.yamlsource import ParsedYaml, YamlProblem, parse_yaml, span_of
from mpilint.suppress import directives as suppressions
from mpilint.suppress.sift import invalid, sift_dockerfiles, unused, without_annotated

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import TypeVar

    from mpilint.config.project import Project
    from mpilint.models.image import Image
    from mpilint.models.image.declared import Declared
    from mpilint.sources.releases import Target
    from mpilint.sources.yamlsource import Node


def run(
    files: list[InputFile],
    selection: Selection | None = None,
    project: Project | None = None,
    processes: int = 1,
    unsaved: Mapping[str, FileText] | None = None,
) -> Report:
    """With a ``project`` (the CLI always passes one), each file's configuration decides what
    is reported, and pairing also looks on disk (``mpilint.pairing``): Dockerfiles for the jobs
    given, and the jobs of the Dockerfiles given, which are then checked too.

    The files are linted folder by folder (``Unit``), in ``processes`` processes when there are
    enough of them; the results are merged in folder order, so the report is the same whatever
    the number of processes. ``unsaved``: texts by absolute path that stand for the disk's
    wherever the run reads a file (an editor's buffers, ``mpilint.server``)."""
    chosen = selection or Selection()
    files, notes = _charts(files)
    active = Rules(lambda i: project is not None or chosen.enabled(i, _name(i)))
    active.load("manifest")  # before any fork: every process then has them
    dockerfiles = [f.path for f in files if f.kind == "dockerfile"]
    if dockerfiles:
        active.load("pair")  # the same for the rules that read a job with its image
    image_map = project.image_map if project is not None else None
    pairs = pairing.Pairing(dockerfiles, image_map, disk=project is not None, unsaved=unsaved)
    if project is not None:
        files = files + _jobs_of_dockerfiles(files, dockerfiles, pairs, project)
    given = {f.path: f.content for f in files if f.content is not None}
    linter = Linter(active, pairs, project, given, unsaved)
    from mpilint.run.parallel import lint_units

    merged = UnitResult()
    with _collector_for_a_run():
        for result in lint_units(linter, units_of(files, notes), processes):
            merged.absorb(result)
    findings = sift_dockerfiles(
        merged.findings,
        merged.directives,
        frozenset(dockerfiles),
        merged.paired,
        _INPUT_RULES,
        active.ids("pair"),
        merged.suppressed,
    )
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
        Sources({p: c.text for p, c in given.items() if c.text is not None}),
        tuple(silenced),
        tuple(merged.pairs),
        _notes(merged.pairs, dockerfiles, project),
        targets=_targets(files, project),
        target_named=project is not None and any(project.target_for(f.path) for f in files),
    )


def _notes(
    pairs: list[JobPair], dockerfiles: list[str], project: Project | None
) -> tuple[str, ...]:
    """How to pair the jobs that paired with nothing, once per run, when Dockerfiles are at
    hand: the run's, and (a run that reads the disk) the repository's, looked for only then."""
    from mpilint.pairing import hints

    unpaired = [(p.file, p.image) for p in pairs if p.by == pairing.BY_NONE]
    if not unpaired:
        return ()
    found = [shown(d) for d in dockerfiles if d != "-"]
    if project is not None:
        first = next((f for f, _ in unpaired if f != "-"), None)
        start = os.path.dirname(os.path.abspath(first)) if first is not None else os.getcwd()
        found += hints.repository_dockerfiles(start, project.excluded)
    text = hints.note(unpaired, list(dict.fromkeys(found)))
    return (text,) if text is not None else ()


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
    the process that lints them parses that Dockerfile once. ``notes``: findings the run made
    about a manifest of the unit before reading it (``_charts``), by path."""

    dockerfiles: tuple[str, ...]
    manifests: tuple[str, ...]
    notes: tuple[tuple[str, tuple[Finding, ...]], ...] = ()


def units_of(
    files: list[InputFile], notes: dict[str, tuple[Finding, ...]] | None = None
) -> list[Unit]:
    """Folders in the order their first file was given; within one, the order given."""
    folders: dict[str, tuple[list[str], list[str]]] = {}
    for file in files:
        folder = "-" if file.path == "-" else os.path.dirname(os.path.abspath(file.path))
        dockerfiles, manifests = folders.setdefault(folder, ([], []))
        (dockerfiles if file.kind == "dockerfile" else manifests).append(file.path)
    noted = notes or {}
    return [
        Unit(tuple(d), tuple(m), tuple((p, noted[p]) for p in m if p in noted))
        for d, m in folders.values()
    ]


def _charts(files: list[InputFile]) -> tuple[list[InputFile], dict[str, tuple[Finding, ...]]]:
    """The files to check, less the templates of Helm charts, and one note per chart (MPL001,
    info) saying how to lint what it renders. The note is placed on line 1 of the chart's
    ``Chart.yaml``, which is then checked as a manifest (it holds no MPIJob) so that a
    ``# mpilint: disable-file=MPL001`` comment there silences it like any finding."""
    import os

    from mpilint.inputs.trees import CHART, shown

    templates: dict[str, list[str]] = {}
    kept: list[InputFile] = []
    for file in files:
        if file.kind == "template" and file.chart is not None:
            templates.setdefault(file.chart, []).append(file.path)
        else:
            kept.append(file)
    if not templates:
        return files, {}
    notes: dict[str, tuple[Finding, ...]] = {}
    known = {os.path.abspath(f.path): f.path for f in kept if f.kind == "manifest"}
    for chart, paths in templates.items():
        where = known.get(os.path.join(chart, CHART))
        if where is None:
            where = os.path.join(shown(chart), CHART)
            kept.append(InputFile(where, "manifest"))
        name = shown(chart)
        many = len(paths) != 1
        message = (
            f"{len(paths)} file{'s' if many else ''} under {os.path.join(name, 'templates')}"
            f" {'are Helm templates' if many else 'is a Helm template'}, not manifests until"
            f" Helm renders {'them' if many else 'it'}, so mpilint did not check"
            f" {'them' if many else 'it'}; lint what the chart renders: `helm template {name} |"
            f" mpilint --stdin-filename {os.path.join(name, 'rendered.yaml')} -`"
        )
        hit = Hit(Span.point(1, 1), message, severity=Severity.INFO)
        notes[where] = (*notes.get(where, ()), finding("MPL001", where, hit))
    return kept, notes


class UnitResult(MutableRecord):
    """What linting some units gave, before the run-wide steps: findings placed in a
    Dockerfile are not yet sifted by its suppression comments, because jobs of other units
    may place findings there too."""

    findings: list[Finding] = field(default_factory=list)
    suppressed: list[suppressions.Suppressed] = field(default_factory=list)
    jobs: int = 0
    paired: set[str] = field(default_factory=set)  # Dockerfiles some job was paired with
    # The suppression comments of each Dockerfile read that has any.
    directives: dict[str, tuple[suppressions.Directive, ...]] = field(default_factory=dict)
    pairs: list[JobPair] = field(default_factory=list)  # what each job was checked against

    def absorb(self, other: UnitResult) -> None:
        self.findings.extend(other.findings)
        self.pairs.extend(other.pairs)
        self.suppressed.extend(other.suppressed)
        self.jobs += other.jobs
        self.paired |= other.paired
        self.directives.update(other.directives)


class _Paired(Record):
    """The image a job runs: a Dockerfile's (``path`` its file), or a well-known image run as
    it is (``path`` the reference, ``anchor`` the manifest's ``image:`` node), or none; and
    how that was decided (``by``, ``how``: ``pairing.images.Decision``)."""

    path: str | None
    image: Image | None
    by: str
    how: str
    anchor: Node | None = None


# A kustomize patch's jobs are partial objects: no image is paired with them.
_NOT_PAIRED = _Paired(None, None, "none", "a kustomize patch, a partial object: not paired")


class _Loaded(Record):
    image: Image | None
    problems: tuple[Finding, ...]  # its own MPL003/MPL004, reported when the run names it


class Linter:
    """Everything one process needs to lint units, and a bounded cache of image models: a
    model evicted and needed again is re-read (the same text gives the same model), so memory
    does not grow with the number of Dockerfiles."""

    CACHE = 16  # folders come one by one: only images shared across folders come back

    def __init__(
        self,
        active: Rules,
        pairs: pairing.Pairing,
        project: Project | None,
        given: dict[str, FileText] | None = None,
        unsaved: Mapping[str, FileText] | None = None,
    ) -> None:
        self.active = active
        self.pairs = pairs
        self.project = project
        # Texts read before the run instead of from the disk: standard input, under its name.
        self.given = given or {}
        self.unsaved = unsaved or {}  # by absolute path: an editor's texts, not yet saved
        self._cache: OrderedDict[str, _Loaded] = OrderedDict()
        self._as_is: dict[tuple[str, Declared], Image] = {}  # few: the well-known images
        self._result = UnitResult()
        self.patches = Patches()  # the kustomizations read, for this run

    def lint(self, unit: Unit) -> UnitResult:
        result = self._result = UnitResult()
        for path in unit.dockerfiles:
            result.findings.extend(self._load(path).problems)
        notes = dict(unit.notes)
        for path in unit.manifests:
            partial = self.patches.is_patch(path)
            target = () if self.project is None else self.project.target_for(path)
            checked = _check_manifest(
                path, self._pair, self.active, self.read, partial, notes.get(path, ()), target
            )
            result.findings.extend(checked.findings)
            result.suppressed.extend(checked.suppressed)
            result.jobs += checked.jobs
            result.pairs.extend(checked.pairs)
        return result

    def read(self, path: str) -> FileText:
        """A file's text: the one given (standard input), an editor's unsaved one, or the
        disk's."""
        given = self.given.get(path)
        if given is None and self.unsaved:
            given = self.unsaved.get(os.path.abspath(path))
        return given if given is not None else read_text(path)

    def _pair(self, manifest: str, job: MPIJob) -> _Paired:
        decided = self.pairs.decide(manifest, job)
        path = decided.path
        if path is None:
            as_is = self._run_as_is(manifest, job)
            return as_is or _Paired(None, None, decided.by, decided.how)
        image = self._load(path).image
        if image is not None:
            self._result.paired.add(path)
            return _Paired(path, image, decided.by, decided.how)
        return _Paired(path, None, decided.by, f"{decided.how}, which cannot be read")

    def _run_as_is(self, manifest: str, job: MPIJob) -> _Paired | None:
        """A job with no Dockerfile whose main containers all run one well-known image
        (``basefacts.run_as_is``): that image's facts, as a one-line ``FROM`` Dockerfile would
        give them, anchored at the manifest's ``image:`` node (``_anchored``)."""
        from mpilint.models.image.basefacts import run_as_is
        from mpilint.models.image.reference import normalise_image

        nodes = [
            r.main.image
            for r in (job.launcher, job.worker)
            if r is not None and r.main is not None and r.main.image is not None
        ]
        refs = {normalise_image(n.value) for n in nodes}
        if not nodes or len(refs) != 1 or any(not n.value for n in nodes):
            return None
        ref = nodes[0].value.strip()
        declared = self._declared(manifest)
        globs = tuple(g for g, _ in (*declared.users, *declared.software, *declared.ssh))
        if ref == manifest or not run_as_is(ref, globs):
            return None
        key = (ref, declared)
        image = self._as_is.get(key)
        if image is None:
            self.active.load("pair")
            from mpilint.models.image import load_image

            image = load_image(ref, f"FROM {ref}\n", declared).image
            if image is None:
                return None
            self._as_is[key] = image
        return _Paired(ref, image, AS_IS, _as_is_how(ref, globs), nodes[0])

    def _declared(self, manifest: str) -> Declared:
        from mpilint.models.image.declared import NO_DECLARED

        return NO_DECLARED if self.project is None else self.project.declared_bases(manifest)

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
        self.active.load("pair")  # a run with an image needs the rules that read it

        from mpilint.models.image import load_image

        content = self.read(path)
        if content.text is None:
            return _Loaded(None, (_unreadable(path, content.problem),))
        directives = suppressions.parse(content.text, dockerfile=True)
        if directives:
            self._result.directives[path] = directives
        if self.project is not None:
            result = load_image(path, content.text, self.project.declared_bases(path))
        else:
            result = load_image(path, content.text)
        problems = tuple(finding("MPL004", path, Hit(span, msg)) for span, msg in result.problems)
        invalids = invalid(path, content.text, directives, dockerfile=True)
        return _Loaded(result.image, problems + tuple(invalids))


AS_IS = "as-is"  # JobPair.by of a well-known image read as a one-line FROM Dockerfile


def _as_is_how(ref: str, declared: tuple[str, ...]) -> str:
    from mpilint.models.image.reference import reference_matches

    glob = next((g for g in declared if reference_matches(g, ref)), None)
    if glob is not None:
        return f"no Dockerfile; {ref} matches base-images: '{glob}', read as FROM {ref}"
    return f"no Dockerfile; {ref} is a well-known image, read as FROM {ref}"


def _targets(
    files: list[InputFile], project: Project | None
) -> tuple[tuple[tuple[str, str], ...], ...]:
    """Each distinct target the run's files were checked for, every operator's release spelled
    out (the newest where none was named); a run of no file reports the command line's."""
    from mpilint.sources.releases import described

    named = {() if project is None else project.target_for(f.path) for f in files}
    if not named:
        named = {() if project is None else project.overrides.target}
    return tuple(sorted(tuple(sorted(described(target).items())) for target in named))


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
    known = {pairs.real_path(f.path) for f in files if f.path != "-"}
    extra: list[InputFile] = []
    for dockerfile in dockerfiles:
        roots = project.image_map_roots(dockerfile)
        for path in pairs.manifests_for(dockerfile, roots, project.excluded, known):
            known.add(pairs.real_path(path))
            extra.append(InputFile(path, "manifest"))
    return extra


def _unreadable(path: str, problem: tuple[int, int, str] | None) -> Finding:
    line, column, message = problem or (1, 1, "cannot read the file")
    return finding("MPL003", path, Hit(Span.point(line, column), message))


class _Checked(Record):
    findings: list[Finding]
    jobs: int
    text: str | None
    suppressed: list[suppressions.Suppressed]
    pairs: list[JobPair] = field(default_factory=list)


_INPUT_RULES = input_rules()


def _check_manifest(
    path: str,
    pair_with: Callable[[str, MPIJob], _Paired],
    active: Rules,
    read: Callable[[str], FileText] = read_text,
    partial: bool = False,
    notes: tuple[Finding, ...] = (),
    target: Target = (),
) -> _Checked:
    """``read``: a file's text (standard input's is given). ``partial``: the file is a
    kustomize patch (its jobs are partial objects). ``notes``: findings the run made about this
    file (a Helm chart's untemplated note), sifted by its suppression comments like the rest."""
    content = read(path)
    if content.text is None:
        return _Checked([_unreadable(path, content.problem)], 0, None, [])
    text = content.text
    parsed = _parse_spared(text) if len(text) > _LARGE_TEXT else parse_yaml(text)
    found: list[Finding] = list(notes)
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
    pairs: list[JobPair] = []
    ran = set(_INPUT_RULES)
    objects = FileObjects(tuple(d.root for d in parsed.documents))  # one index for all jobs
    for document in parsed.documents:
        job = read_mpijob(document.root, document.index, partial)
        if job is None:
            near = almost_mpijob(document.root)
            if near is not None:
                found.append(finding("MPL008", path, Hit(span_of(near.node), near.message)))
            continue
        jobs += 1
        # A patch's image rules would judge the job by what the patch leaves out.
        paired = _NOT_PAIRED if partial else pair_with(path, job)
        image_path, image = paired.path, paired.image
        pairs.append(_job_pair(path, job, paired))
        manifest = Manifest(path, text, job, objects, image, image_path, target)
        job_findings = [finding(p.rule, path, _problem_hit(path, p)) for p in document.problems]
        by_rules = list(_run_rules(active.of("manifest"), manifest, path))
        job_ran = {r.id for r in active.of("manifest")}
        if image is not None and image_path is not None:
            pair = Pair(manifest, image_path, image)
            by_rules.extend(_run_rules(active.of("pair"), pair, path))
            job_ran |= {r.id for r in active.of("pair")}
        if paired.anchor is not None and image_path is not None:
            by_rules = [_anchored(f, image_path, path, paired.anchor) for f in by_rules]
        job_findings.extend(by_rules)
        ran |= job_ran
        found.extend(without_annotated(path, job, job_findings, frozenset(job_ran), silenced))
    sieve = suppressions.Sieve(suppressions.parse(text))
    kept, quiet = sieve.sift(found, path)
    kept.extend(unused(sieve, frozenset(ran), path))
    kept.extend(invalid(path, text, sieve.directives))
    return _Checked(kept, jobs, text, silenced + quiet, pairs)


def _job_pair(path: str, job: MPIJob, paired: _Paired) -> JobPair:
    from mpilint.pairing.images import image_refs

    return JobPair(
        path,
        span_of(job.root).line,
        job.name,
        next(image_refs(job), None),
        paired.path if paired.anchor is None and paired.image is not None else None,
        paired.by,
        paired.how,
    )


# Characters of a manifest past which its parse is spared the cyclic collector (about a
# thousand jobs; ``_parse_spared``).
_LARGE_TEXT = 1 << 20


def _parse_spared(text: str) -> ParsedYaml:
    """A file's node tree is built by the parse, lives while its jobs are checked and is then
    freed by reference counting: it holds no cycles. Python's cyclic collector, run as the
    parse allocates, rescans the growing tree again and again, which made a 12,000-job file
    cost 1.8 times what a linear cost gives (7.6 s of CPU to parse it, 3.0 s without the
    collector). So a large text is parsed with the collector off, and its tree is then frozen
    (left out of the collector's later passes, while the rules run); ``_collector_for_a_run``
    unfreezes everything when the run ends."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        parsed = parse_yaml(text)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return parsed


def _anchored(found: Finding, ref: str, path: str, anchor: Node) -> Finding:
    """A finding of a job that runs the well-known image ``ref`` as it is: what the rules
    placed in the one-line ``FROM`` Dockerfile (named ``ref``, which exists nowhere) is placed
    at the manifest's ``image:`` node, the only text there is, and "the image built by
    <ref>" says what it is. A fix that edits that Dockerfile is dropped."""
    touched = found.file == ref or ref in found.message
    if not touched and not any(r.file == ref for r in found.related):
        return found
    where = span_of(anchor)

    def said(message: str) -> str:
        for phrase in (f"the image built by {ref}", f"the base image {ref}"):
            message = message.replace(phrase, f"the image {ref}")
        return message

    related = tuple(
        Related(path, where, said(r.message)) if r.file == ref else r for r in found.related
    )
    fix = found.fix
    if fix is not None and any(e.file == ref for e in fix.edits):
        fix = None
    return replace(
        found,
        file=path if found.file == ref else found.file,
        span=where if found.file == ref else found.span,
        message=said(found.message),
        related=related,
        fix=fix,
    )


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


def _run_rules(rules: tuple[Rule, ...], subject: Manifest | Pair, path: str) -> Iterator[Finding]:
    for registered in rules:
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


def _problem_hit(path: str, problem: YamlProblem) -> Hit:
    related = tuple(Related(path, span, message) for span, message in problem.related)
    return Hit(problem.span, problem.message, related=related)
