"""What a rule receives and what it gives back: the small API every rule module imports.

A rule is a module ``mpilint.rules.<ID>`` (``rules/<ID>.py`` beside its ``<ID>.yaml``) whose
``check`` function takes one subject (a ``Manifest``: one MPIJob document, for MPL1xx; or a
``Pair``: a job and the image it runs, for MPL2xx and MPL3xx) and yields ``Hit``s pointing at
spans. It never parses text and never prints: the run stamps each hit with the rule's id, name
and severity (``finding``), and the suppression and report stages take it from there. This
package knows nothing of the run or of the report, so rules and the run both import it and
neither imports the other: the run finds a rule's module by its id (``mpilint.run.rules``).

The modules of this package hold what several rules share but is not a fact of the models:
how they word and place a finding (``fields``, ``schemafields``, ``mpi``, ``pairs``), and the
MPL117 reading that MPL310 defers to (``workercommand``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from mpilint.core import catalog
from mpilint.core.findings import Finding, Fix, Related, Severity, Span
from mpilint.core.records import Record, field
from mpilint.models.mpijob import MPIJob
from mpilint.sources.yamlsource import Node

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import TypeVar

    from mpilint.models.image import Image
    from mpilint.sources.releases import Target

    V = TypeVar("V")


class Hit(Record):
    """What a rule found. ``file`` defaults to the file of the model the rule read."""

    span: Span
    message: str
    file: str | None = None
    severity: Severity | None = None  # only to say "cannot verify" at info level
    related: tuple[Related, ...] = ()
    fix: Fix | None = None


class FileObjects(Record):
    """Every document of one file, shared by the jobs of that file: rules about the objects the
    operator creates look at the other objects of the file. A file may hold thousands of jobs,
    so a rule that compares each job with every other object is quadratic: it builds an index
    of the file once (``once``, kept here for as long as the file is being checked) and looks
    each job up in it."""

    roots: tuple[Node, ...] = ()
    _kept: dict[Hashable, object] = field(init=False, default_factory=dict)  # see ``once``

    def once(self, key: Hashable, compute: Callable[[], V]) -> V:
        """``compute()`` the first time ``key`` is asked of this file, then what it gave."""
        kept = self._kept
        if key in kept:
            return kept[key]  # type: ignore[return-value]  # this key's compute made it
        value = kept[key] = compute()
        return value


class Manifest(Record):
    """One MPIJob document, with its file's text for positions inside strings, the documents
    of the same file (``objects``: rules about the objects the operator creates need them), and
    the paired image when there is one: a manifest rule may sharpen a default with it (the
    image's sshd port instead of the usual 22/2222), while rules that need an image are
    ``pair`` rules.

    ``once`` keeps what several rules compute from the same job (the schema's problems, the
    worker's sshd reading) for as long as this object lives: one job of one run, so nothing
    outlives the run or depends on the order rules run in."""

    file: str
    text: str
    job: MPIJob
    objects: FileObjects | None = None  # None: the job is alone in its file
    image: Image | None = None
    image_file: str | None = None
    target: Target = ()  # the operator releases the job will meet; () the newest of each
    _kept: dict[Hashable, object] = field(init=False, default_factory=dict)  # see ``once``

    def once(self, key: Hashable, compute: Callable[[], V]) -> V:
        """``compute()`` the first time ``key`` is asked of this job, then what it gave. The
        key names the computation (a module-level function of the rule's module is a good
        one); the rules and the pair rules of one job share the one ``Manifest``, so all of
        them share what is kept here."""
        kept = self._kept
        if key in kept:
            return kept[key]  # type: ignore[return-value]  # this key's compute made it
        value = kept[key] = compute()
        return value


class Pair(Record):
    manifest: Manifest
    image_file: str
    image: Image


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
