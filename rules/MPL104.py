"""MPL104 image-mismatch: the launcher's and the workers' main containers run different images.

Two references are one MPI build when the paired Dockerfile builds one of them FROM the other
and nothing in it adds, removes or may change an MPI (the software model's ``mpi_changed``): a
launcher on ``mpioperator/openmpi:v0.5.0`` and workers built ``FROM mpioperator/openmpi:v0.5.0``
with the application copied in. Whether that base holds a known MPI does not matter: the build
is inherited as it is. A Dockerfile that installs an MPI or runs a script on top is a different
build, or one that cannot be told apart: the finding stays, and says which.
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import UNSAFE, Edit, Fix, Related, Span
from mpilint.core.textpos import Offsets
from mpilint.models.placeholders import image_placeholder
from mpilint.ruleapi import Hit, Manifest
from mpilint.sources.yamlsource import Node, ScalarNode, span_of


def check(subject: Manifest) -> Iterator[Hit]:
    from mpilint.models.image import normalise_image

    if subject.job.partial:
        return  # a kustomize patch: containers merge by name, its first need not be the main one
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
    related = [Related(subject.file, span_of(second), "workers' image set here")]
    built = _built_from(subject, na, nb)
    if built is not None and not built[1]:
        return  # the Dockerfile builds one image FROM the other and leaves its MPI alone
    said = ""
    if built is not None and subject.image_file is not None:
        base_span, _ = built
        said = (
            f" ({subject.image_file}, paired with this job, builds one FROM the other but"
            " installs an MPI or runs something that may change it: the MPI builds differ or"
            " cannot be told apart)"
        )
        if base_span is not None:
            related.append(Related(subject.image_file, base_span, "built FROM the other here"))
    yield Hit(
        span_of(first),
        f"the launcher runs image {a!r} but the workers run {b!r}{said}; Open MPI needs the same"
        ' MPI build and install paths on every pod ("orted: command not found", version'
        " mismatch aborts). Use one image for both",
        related=tuple(related),
        fix=_use_workers_image(subject, first, b, built, na),
    )


def _use_workers_image(
    subject: Manifest, launcher: Node, image: str, built: tuple[Span | None, bool] | None, na: str
) -> Fix | None:
    """The launcher's ``image:`` made the workers', in the launcher's own quotes, when the
    workers' image is the certain one: the paired Dockerfile is built FROM the launcher's image
    (so it builds the workers'). With no Dockerfile both images are plausible (issue 15: no fix
    where the right value is unknown); a paired Dockerfile built from anything else may be the
    launcher's own build, and then the launcher's image is the one to keep. Unsafe: the
    launcher then runs another image, with whatever else that image holds."""
    import yaml

    from mpilint.models.image import normalise_image
    from mpilint.models.image.software import software_of

    if subject.image_file is None:
        return None  # no Dockerfile: which image is right is the user's call
    facts = software_of(subject.image) if subject.image is not None else None
    if built is None or facts is None or facts.base is None:
        return None
    if normalise_image(facts.base) != na:
        return None  # built FROM the workers' image: it builds the launcher's
    if not isinstance(launcher, ScalarNode) or launcher.style not in (None, "", "'", '"'):
        return None
    quote = launcher.style or ""
    span = span_of(launcher)
    if Offsets(subject.text).text_of(span) != f"{quote}{launcher.value}{quote}":
        return None
    written = f"{quote}{image}{quote}"
    if any(c in image for c in "'\\\"#\n ") or yaml.safe_load(f"k: {written}") != {"k": image}:
        return None  # an image reference needs no escaping; one that would is left alone
    edit = Edit(subject.file, span, written)
    return Fix(f"run the workers' image {image!r} on the launcher", (edit,), UNSAFE)


def _built_from(subject: Manifest, na: str, nb: str) -> tuple[Span | None, bool] | None:
    """(where its FROM is, whether it may change the MPI) when the paired Dockerfile is built
    FROM one of the two images (normalised ``na``/``nb``), so it is the image of the other."""
    from mpilint.models.image import normalise_image
    from mpilint.models.image.software import software_of

    if subject.image is None:
        return None
    facts = software_of(subject.image)
    if facts is None or facts.base is None or normalise_image(facts.base) not in (na, nb):
        return None
    return facts.base_span, facts.mpi_changed


def _comparable(image: str) -> bool:
    return (
        bool(image) and "$" not in image and "{{" not in image and image_placeholder(image) is None
    )
