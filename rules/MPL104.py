"""MPL104 image-mismatch: the launcher's and the workers' main containers run different images."""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import Related
from mpilint.models.placeholders import image_placeholder
from mpilint.ruleapi import Hit, Manifest
from mpilint.sources.yamlsource import span_of


def check(subject: Manifest) -> Iterator[Hit]:
    from mpilint.models.image import normalise_image

    job = subject.job
    launcher, worker = job.launcher, job.worker
    first = launcher.main.image if launcher and launcher.main else None
    second = worker.main.image if worker and worker.main else None
    if first is None or second is None:
        return
    a, b = first.value, second.value
    if not _comparable(a) or not _comparable(b):
        return
    na, nb = normalise_image(a), normalise_image(b)
    if na == nb:
        return
    if ("@" in na or "@" in nb) and na.split("@")[0].rsplit(":", 1)[0] == nb.split("@")[0].rsplit(
        ":", 1
    )[0]:
        return  # a digest and a tag of one repository may well be the same image
    yield Hit(
        span_of(first),
        f"the launcher runs image {a!r} but the workers run {b!r}; Open MPI needs the same"
        ' MPI build and install paths on every pod ("orted: command not found", version'
        " mismatch aborts). Use one image for both",
        related=(Related(subject.file, span_of(second), "workers' image set here"),),
    )


def _comparable(image: str) -> bool:
    return (
        bool(image) and "$" not in image and "{{" not in image and image_placeholder(image) is None
    )
